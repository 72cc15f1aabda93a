"""The self-contained HTML report, laid out from the neutral view (:mod:`.view`).

:func:`render_html` returns one complete document: inline CSS, the profile chart as inline SVG,
no script and no external request, so the file can be mailed, archived or printed as it is.
The layout lives in Jinja2 templates under ``render/templates/`` (``report.html`` is the
document, ``_report.html`` the report's body, which a web page can include on its own), built
by :func:`environment` with autoescaping on.

Article text is data, never HTML: every string reaches the page through Jinja2's autoescape
(``<``, ``>``, ``&``, quotes), links are written only for ``http`` and ``https`` addresses, and
the page's Content-Security-Policy (a ``<meta http-equiv>``) forbids every script, every
external load, forms and plugins; the one inline style sheet is allowed by its SHA-256 hash.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..model import Comparison
from .view import ComparisonView, ProfileBar, build_view, plural

if TYPE_CHECKING:
    import jinja2

#: framing types in the order the chart stacks them, with their legend names
MARK_TYPES = (
    ("attribution", "judging verbs"),
    ("hedge", "hedges"),
    ("loaded", "loaded words"),
    ("scare_quote", "scare quotes"),
    ("naming", "naming"),
)


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of newsprism's pages: package templates, autoescape on for every
    template, undefined names an error. The web app renders its pages with the same one."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsprism.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda x: f"{x:.0%}"
    env.globals["plural"] = plural
    env.globals["safe_url"] = safe_url
    return env


def safe_url(url: str) -> str:
    """``url`` when it is an ``http`` or ``https`` address, else ``""`` (never a link)."""
    u = url.strip()
    low = u.lower()
    return u if (low.startswith("http://") or low.startswith("https://")) and " " not in u else ""


@cache
def stylesheet() -> str:
    """The report's CSS, inlined in every page."""
    return environment().loader.get_source(environment(), "report.css")[0]  # type: ignore[union-attr]


def content_security_policy() -> str:
    """No script, no external load of any kind, no form, no plugin, no base URL; the inline
    style sheet by its hash, images only as ``data:`` URLs."""
    digest = base64.b64encode(hashlib.sha256(stylesheet().encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
        f"img-src data:; style-src 'sha256-{digest}'"
    )


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    kind: str
    title: str


@dataclass(frozen=True, slots=True)
class ChartRow:
    label: str
    short: str
    y: float
    rects: tuple[Rect, ...]
    values: tuple[tuple[float, str], ...]  # (x, text) of the value labels
    summary: str


@dataclass(frozen=True, slots=True)
class Chart:
    """The geometry of the profile chart (an SVG ``viewBox`` of ``width`` x ``height``)."""

    width: int
    height: int
    panels: tuple[tuple[float, str], ...]  # (x, heading)
    rows: tuple[ChartRow, ...]
    legend: tuple[tuple[float, str, str], ...]  # (x, kind, name)
    description: str


_LABEL_W, _PANEL_W, _GAP, _ROW_H, _TOP = 180, 160, 60, 30, 48


def chart(bars: tuple[ProfileBar, ...]) -> Chart | None:
    """Lay out the per-outlet profile chart: framing marks per 1,000 words stacked by type,
    the share of the story's shared facts carried, the largest share reused from one article."""
    if not bars:
        return None
    totals = [sum(v for _, v in b.marks) for b in bars]
    top = max(max(totals), 1.0)
    x1 = _LABEL_W
    x2 = x1 + _PANEL_W + _GAP
    x3 = x2 + _PANEL_W + _GAP
    rows = []
    for i, b in enumerate(bars):
        y = _TOP + i * _ROW_H
        rects: list[Rect] = []
        x = float(x1)
        values = dict(b.marks)
        for kind, name in MARK_TYPES:
            v = values.get(kind, 0.0)
            if v <= 0:
                continue
            w = _PANEL_W * v / top
            rects.append(Rect(round(x, 1), y, round(w, 1), 18, kind, f"{b.label}: {name} {v:g} per 1,000 words"))
            x += w
        rects.append(Rect(x2, y, round(_PANEL_W * b.shared, 1), 18, "shared", f"{b.label}: {b.shared:.0%}"))
        rects.append(Rect(x3, y, round(_PANEL_W * b.reuse, 1), 18, "reuse", f"{b.label}: {b.reuse:.0%}"))
        marks = ", ".join(f"{name} {values[k]:g}" for k, name in MARK_TYPES if values.get(k))
        summary = (
            f"{b.label}: own-voice framing marks per 1,000 words {totals[i]:g}"
            + (f" ({marks})" if marks else "")
            + f"; shared facts carried {b.shared:.0%}; largest share reused from one article {b.reuse:.0%}"
        )
        values_at = (
            (round(x + 4, 1), f"{totals[i]:g}"),
            (round(x2 + _PANEL_W * b.shared + 4, 1), f"{b.shared:.0%}"),
            (round(x3 + _PANEL_W * b.reuse + 4, 1), f"{b.reuse:.0%}"),
        )
        short = b.label if len(b.label) <= 24 else b.label[:23] + "…"
        rows.append(ChartRow(b.label, short, y, tuple(rects), values_at, summary))
    height = _TOP + len(bars) * _ROW_H + 34
    legend, lx = [], float(x1)
    for kind, name in MARK_TYPES:
        legend.append((lx, kind, name))
        lx += 24 + 7.2 * len(name)
    return Chart(
        width=x3 + _PANEL_W + 50,
        height=height,
        panels=((x1, "marks per 1,000 words"), (x2, "shared facts carried"), (x3, "reused from one article")),
        rows=tuple(rows),
        legend=tuple(legend),
        description="; ".join(r.summary for r in rows),
    )


def render_html(comparison_or_view: Comparison | ComparisonView, *, title: str | None = None) -> str:
    """The report of a comparison (or of its view) as one complete, self-contained HTML document.

    ``title`` names the page (default: the first article's headline)."""
    view = comparison_or_view if isinstance(comparison_or_view, ComparisonView) else build_view(comparison_or_view)
    return environment().get_template("report.html").render(**context(view, title=title))


def context(view: ComparisonView, *, title: str | None = None) -> dict[str, Any]:
    """What the report templates read: the view, its chart, the page title, the style sheet
    and its Content-Security-Policy (a web page including ``_report.html`` passes the same)."""
    headline = next((a.headline for a in view.articles if a.headline), "")
    return {
        "view": view,
        "chart": chart(view.chart),
        "title": title or (f"{headline} · newsprism" if headline else "newsprism comparison"),
        "css": stylesheet(),
        "csp": content_security_policy(),
        "mark_types": MARK_TYPES,
        "labels": tuple(a.label for a in view.articles),
        "naming_outlets": tuple(dict.fromkeys(o for line in view.naming for o, _ in line.outlets)),
    }


__all__ = ["MARK_TYPES", "chart", "content_security_policy", "context", "environment", "render_html", "safe_url"]
