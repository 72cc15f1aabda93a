"""Rendering outlet profiles over the corpus (:class:`newsprism.outlets.OutletListing`): JSON
(``newsprism.outlets/1``), a text listing or Markdown.

One block per outlet: its articles and words, its own-voice marks per 1,000 words by type,
then the attribution verbs, hedges, loaded words and scare quotes it uses most (count, and
rate per 1,000 words in brackets) and the names it uses for the listed entities. Forms and
outlet names are article text, so data: in the text listing each is one printable line
(:func:`.view.one_line`), and Markdown escapes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import NewsprismError
from .markdown import escape
from .view import one_line, plural

if TYPE_CHECKING:  # pragma: no cover
    from ..outlets import EntityNames, FormCount, OutletListing, OutletStats

FORMATS = ("text", "json", "md")

#: how each type is titled, in the order of the profile
_TITLES = (
    ("attribution", "attribution verbs"),
    ("hedge", "hedges"),
    ("loaded", "loaded words"),
    ("scare_quote", "scare quotes"),
)
_SHORT = {"attribution": "attribution", "hedge": "hedge", "loaded": "loaded", "scare_quote": "scare quote"}


def _outlet(profile: OutletStats) -> str:
    return one_line(profile.outlet) or "(no outlet)"


def _form(kind: str, form: str, clean: Callable[[str], str]) -> str:
    return f"“{clean(form)}”" if kind == "scare_quote" else clean(form)


def _forms(kind: str, forms: tuple[FormCount, ...], clean: Callable[[str], str]) -> str:
    return " · ".join(f"{_form(kind, f.form, clean)} {f.count} ({f.per_1000:g})" for f in forms)


def _names(names: EntityNames, clean: Callable[[str], str]) -> str:
    return " · ".join(f"{clean(f.form)} {f.count}" for f in names.forms)


def _head(p: OutletStats) -> str:
    return f"{plural(p.articles, 'article')} · {plural(p.words, 'word')}"


def _rates(p: OutletStats) -> str:
    quoted = sum(n for _, n in p.quoted)
    rates = " · ".join(f"{_SHORT[t]} {r:g}" for t, r in p.per_1000)
    return rates + (f" ({quoted} more inside quotations)" if quoted else "")


def _text(listing: OutletListing) -> str:
    out: list[str] = []
    for p in listing.outlets:
        if out:
            out.append("")
        out.append(f"{_outlet(p)} · {_head(p)}")
        out.append(f"  own-voice marks per 1,000 words: {_rates(p)}")
        for kind, title in _TITLES:
            forms = p.most(kind)
            if forms:
                out.append(f"  {title}: {_forms(kind, forms, one_line)}")
        if p.names:
            width = max(len(one_line(n.entity)) for n in p.names)
            for k, n in enumerate(p.names):
                label = "  names: " if k == 0 else "         "
                out.append(f"{label}{one_line(n.entity).ljust(width)}  {_names(n, one_line)}")
    return "\n".join(out) + ("\n" if out else "")


def _markdown(listing: OutletListing) -> str:
    out = ["# Outlets", ""]
    for p in listing.outlets:
        out.append(f"## {escape(p.outlet) if p.outlet else '(no outlet)'}")
        out.append("")
        out.append(f"{_head(p)}. Own-voice marks per 1,000 words: {_rates(p)}.")
        out.append("")
        for kind, title in _TITLES:
            forms = p.most(kind)
            if forms:
                out.append(f"- **{title.capitalize()}**: {_forms(kind, forms, escape)}")
        for n in p.names:
            out.append(f"- **Names for {escape(n.entity)}**: {_names(n, escape)}")
        out.append("")
    if len(out) == 2:
        out.append("No outlet.")
        out.append("")
    return "\n".join(out)


def _json(listing: OutletListing) -> str:
    return json.dumps(listing.to_dict(), ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[OutletListing], str]] = {"text": _text, "json": _json, "md": _markdown}


def render_outlets(listing: OutletListing, fmt: str = "text") -> str:
    """Outlet profiles as ``text``, ``json`` or ``md``."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise NewsprismError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return renderer(listing)


__all__ = ["FORMATS", "render_outlets"]
