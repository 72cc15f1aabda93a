"""Rendering a listing of stored quotations (:class:`newsprism.corpus.QuoteListing`): JSON
(``newsprism.quotes/1``), a text listing or Markdown.

Each entry is one quotation, or the quotations of several articles that quote the same words
(a group), shown together: the fullest rendering first, then one line per article with how it
rendered the words (``verbatim``, ``trimmed``, ``altered`` with the changes marked ``[-cut-]``
and ``{+added+}``), the speaker it named and its cue words. Article text is data: in the text
listing each field is one printable line (:func:`.view.one_line`), and Markdown escapes it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import NewsprismError
from ..model import QuoteGroup, listing_label
from .markdown import escape
from .view import one_line, plural

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import QuoteListing
    from ..store import QuoteRow

FORMATS = ("text", "json", "md")


@dataclass(frozen=True, slots=True)
class _Line:
    """One article's rendering of an entry, as plain one-line fields."""

    variant: str  # "" for a quotation no other article carries
    label: str
    date: str
    ref: str
    speaker: str
    cue: str
    text: str
    diff: tuple[tuple[str, str], ...] = ()


def _label(row: QuoteRow) -> str:
    return one_line(listing_label(row.quote.article, row.source or row.quote.article, row.outlet, row.title))


def _line(row: QuoteRow, variant: str = "", diff: tuple[tuple[str, str], ...] = ()) -> _Line:
    q = row.quote
    return _Line(
        variant,
        _label(row),
        one_line(row.published) or "undated",
        f"{q.article}/{q.id}",
        one_line(q.speaker),
        one_line(row.cue),
        one_line(q.text),
        tuple((op, _piece(piece)) for op, piece in diff),
    )


def _piece(text: str) -> str:
    """A piece of a diff as one printable line, its edge spaces kept (they are the change)."""
    return one_line(f"|{text}|")[1:-1]


def _entries(listing: QuoteListing) -> list[tuple[QuoteGroup | None, list[_Line], str, str]]:
    """(group, lines, text, speaker) per entry, in the listing's order."""
    groups = {g.id: g for g in listing.groups}
    rows = {(r.quote.article, r.quote.id): r for r in listing.quotes}
    out: list[tuple[QuoteGroup | None, list[_Line], str, str]] = []
    seen: set[str] = set()
    for row in listing.quotes:
        gid = row.quote.group
        if gid is None or gid not in groups:
            out.append((None, [_line(row)], one_line(row.quote.text), one_line(row.quote.speaker)))
            continue
        if gid in seen:
            continue
        seen.add(gid)
        g = groups[gid]
        lines = [
            _line(rows[(v.article, v.quote)], v.variant, v.diff) for v in g.variants if (v.article, v.quote) in rows
        ]
        text = lines[0].text if lines else ""
        out.append((g, lines, text, one_line(g.speaker)))
    return out


def _who(line: _Line) -> str:
    return ", ".join(x for x in (line.speaker, line.cue) if x)


def _text(listing: QuoteListing) -> str:
    out: list[str] = []
    for group, lines, text, speaker in _entries(listing):
        if group is None:
            (line,) = lines
            out.append(f"“{text}”")
            who = f"{line.speaker or 'speaker not named'} ({line.cue or 'no cue'})"
            out.append(f"    {who} · {line.label} · {line.date} · {line.ref}")
            continue
        out.append(f"“{text}”  [{group.id}: {plural(len(lines), 'article')}]")
        out.append(f"    {speaker or 'speaker not named'}")
        width = max(len(x.variant) for x in lines) + 2
        for line in lines:
            head = f"    {('[' + line.variant + ']').ljust(width)} {line.label} · {line.date} · {line.ref}"
            who = _who(line)
            out.append(head + (f" ({who})" if who else ""))
            if line.diff:
                marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
                out.append("        " + "".join(marks[op].format(piece) for op, piece in line.diff))
            elif line.variant != "verbatim":
                out.append(f"        “{line.text}”")
    return "\n".join(out) + ("\n" if out else "")


def _markdown(listing: QuoteListing) -> str:
    out = ["# Quotations", ""]
    for group, lines, text, speaker in _entries(listing):
        if group is None:
            (line,) = lines
            who = f"**{escape(line.speaker) if line.speaker else 'speaker not named'}**" + (
                f" ({escape(line.cue)})" if line.cue else ""
            )
            out.append(f"- “{escape(text)}” — {who} · {escape(line.label)} · {escape(line.date)} · `{line.ref}`")
            continue
        who = f"**{escape(speaker)}**" if speaker else "**speaker not named**"
        out.append(f"- “{escape(text)}” — {who} · {plural(len(lines), 'article')} ({group.id})")
        for line in lines:
            detail = f" ({', '.join(escape(x) for x in (line.speaker, line.cue) if x)})" if _who(line) else ""
            own = ""
            if line.diff:
                marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
                own = ": " + "".join(marks[op].format(escape(piece)) for op, piece in line.diff)
            elif line.variant != "verbatim":
                own = f": “{escape(line.text)}”"
            out.append(
                f"  - `{line.variant}` **{escape(line.label)}** · {escape(line.date)} · `{line.ref}`{detail}{own}"
            )
    if len(out) == 2:
        out.append("No quotation matches.")
    return "\n".join(out) + "\n"


def _json(listing: QuoteListing) -> str:
    return json.dumps(listing.to_dict(), ensure_ascii=False, indent=2) + "\n"


_RENDERERS: dict[str, Callable[[QuoteListing], str]] = {"text": _text, "json": _json, "md": _markdown}


def render_quotes(listing: QuoteListing, fmt: str = "text") -> str:
    """A listing of quotations as ``text``, ``json`` or ``md``."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise NewsprismError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    return renderer(listing)


__all__ = ["FORMATS", "render_quotes"]
