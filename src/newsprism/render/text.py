"""Terminal rendering with rich, laid out from the neutral view (:mod:`.view`): the articles,
who copied whom, figures that disagree, one block per shared fact, related sentences,
quotations, framing, what only one outlet reports, furniture removed, warnings.

Article text is data, never rich markup: every string reaches rich inside a ``Text`` object
(``Text(str)`` and ``Text.append`` do not parse markup), including table cells, column
headers and panel titles, so a headline holding ``[/]`` or ``[link=...]`` prints as written.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Comparison
from .view import ComparisonView, RelatedRef, SentenceRef, build_view, plural

if TYPE_CHECKING:
    from rich.panel import Panel
    from rich.text import Text


def _t(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(text, style=style)


def _cells(*texts: str) -> list[Text]:
    return [_t(s) for s in texts]


def _sentence_line(body: Text, ref: SentenceRef) -> None:
    body.append(ref.label + ": ", style="bold cyan")
    body.append(ref.text + "\n")


def _only_in_panel(title: str, sentences: Sequence[tuple[SentenceRef, Sequence[RelatedRef]]], border: str) -> Panel:
    """A panel of one article's single-outlet sentences, each a bullet followed by its
    related sentences elsewhere (none for sentences only here); the title gets the count."""
    from rich.panel import Panel
    from rich.text import Text

    body = Text()
    for ref, related in sentences:
        body.append("• " + ref.text + "\n")
        for near in related:
            body.append("  ~ ")
            where = f"{near.fact}, {near.score:.2f}" if near.fact else f"{near.score:.2f}"
            body.append(f"{near.sentence.label} ({where}): ", style="cyan")
            body.append(near.sentence.text + "\n", style="dim")
    return Panel(body, title=_t(f"{title} ({len(sentences)})"), title_align="left", border_style=border)


def renderables(view: ComparisonView) -> list[object]:
    """The rich renderables of a comparison view, in reading order."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    out: list[object] = []
    s = view.summary
    out.append(
        _t(
            f"newsprism: {plural(s.articles, 'article')}, {plural(s.facts, 'fact')} "
            f"({s.by_all} reported by all, {s.by_some} by some, {s.by_one} by one outlet only, "
            f"{s.by_one_related} by one outlet with related sentences elsewhere)",
            style="bold",
        )
    )
    table = Table(title=_t("Articles"), title_justify="left", expand=False)
    for col in ("id", "outlet", "credit", "headline", "sentences", "furniture removed"):
        table.add_column(_t(col), overflow="fold")
    for a in view.articles:
        table.add_row(
            *_cells(a.id, a.outlet or "-", a.credit or "-", a.headline or "-", str(a.sentences), str(a.removed))
        )
    out.append(table)

    if view.reuse:
        reuse = Table(
            title=_t("Reuse: share of each article (rows) found verbatim or nearly in another (columns)"),
            title_justify="left",
        )
        reuse.add_column(_t("article"))
        for name in view.reuse.labels:
            reuse.add_column(_t(name), justify="right")
        for row in view.reuse.rows:
            reuse.add_row(_t(row.label), *_cells(*("-" if x is None else f"{x:.0%}" for x in row.shares)))
        out.append(reuse)

    if view.conflicts:
        lines = Text()
        for c in view.conflicts:
            lines.append(f"• {c.fact} {c.what}: ")
            lines.append(" vs ".join(f"{f.label}: {f.text!r}" for f in c.figures) + "\n")
        out.append(Panel(lines, title=_t("Figures that disagree"), title_align="left", border_style="red"))

    for fact in view.shared:
        body = Text()
        for ref in fact.sentences:
            _sentence_line(body, ref)
        if fact.changes:
            body.append("changed: ", style="dim")
            for k, ch in enumerate(fact.changes):
                body.append("; " if k else "")
                body.append(f"{ch.b}: ", style="cyan")
                body.append(ch.before or "∅", style="red")
                body.append(" → ")
                body.append(ch.after or "∅", style="green")
                if ch.kinds:
                    body.append(f" [{', '.join(ch.kinds)}]", style="bold magenta")
            body.append("\n")
        out.append(Panel(body, title=_t(f"{fact.id} · {fact.coverage} · {fact.strength}"), title_align="left"))

    if view.related:
        body = Text()
        for r in view.related:
            body.append("• ")
            _sentence_line(body, r.a)
            body.append("  ~ ")
            _sentence_line(body, r.b)
            if r.reason:
                body.append(f"  ({r.reason})\n", style="dim")
        out.append(Panel(body, title=_t("Related, not the same claim"), title_align="left", border_style="blue"))

    for q in view.quotes:
        body = Text()
        if q.text:
            body.append("“" + q.text + "”\n", style="italic")
        for v in q.variants:
            body.append(f"[{v.variant}] ", style="bold magenta" if v.variant != "verbatim" else "bold green")
            body.append(v.label, style="bold cyan")
            who = ", ".join(x for x in (v.speaker, v.cue) if x)
            body.append(f" ({who})" if who else "")
            if v.diff:
                body.append(": ")
                for op, piece in v.diff:
                    if op == "=":
                        body.append(piece)
                    elif op == "-":
                        body.append(f"[-{piece}-]", style="red strike")
                    else:
                        body.append(f"{{+{piece}+}}", style="green")
                body.append("\n")
            else:
                body.append((": “" + v.text + "”" if v.text and v.text != q.text else "") + "\n")
        title = f"Quote {q.id}" + (f" · {q.speaker}" if q.speaker else "") + f" · {plural(len(q.variants), 'outlet')}"
        out.append(Panel(body, title=_t(title), title_align="left", border_style="magenta"))

    for quoted in view.quoted_only_in:
        body = Text()
        for sq in quoted.quotes:
            who = ", ".join(x for x in (sq.speaker, sq.cue) if x)
            body.append("• ")
            body.append(f"{who}: " if who else "", style="bold")
            body.append("“" + sq.text + "”\n", style="italic")
        out.append(
            Panel(
                body,
                title=_t(f"Quoted only by {quoted.label} ({len(quoted.quotes)})"),
                title_align="left",
                border_style="magenta",
            )
        )

    if view.naming:
        table = Table(title=_t("Naming: what each outlet calls them"), title_justify="left", show_lines=False)
        table.add_column("entity", style="bold")
        outlets = list(dict.fromkeys(o for n in view.naming for o, _ in n.outlets))
        for o in outlets:
            table.add_column(_t(o))
        for naming in view.naming:
            forms = dict(naming.outlets)
            table.add_row(_t(naming.name), *(_t(forms.get(o, "—")) for o in outlets))
        out.append(table)

    if view.profiles:
        table = Table(title=_t("Outlet profiles"), title_justify="left")
        for col in (
            "outlet",
            "words",
            "own-voice marks per 1,000 words",
            "shared facts carried",
            "quotations",
            "omitted",
        ):
            table.add_column(col)
        for p in view.profiles:
            table.add_row(_t(p.label), str(p.words), _t(p.marks), p.shared, _t(p.quotes), str(p.omitted))
        out.append(table)

    if view.framing:
        body = Text()
        for m in view.framing:
            body.append(f"{m.label} ", style="bold cyan")
            body.append(f"[{m.type}{', quoted' if m.quoted else ''}] ", style="magenta")
            body.append("“" + m.text + "”")
            body.append((f" ({m.note})" if m.note else "") + "\n")
        out.append(Panel(body, title=_t("Framing"), title_align="left", border_style="magenta"))

    for only in view.only_in:
        if only.sentences:
            out.append(_only_in_panel(f"Only in {only.label}", [(ref, ()) for ref in only.sentences], "yellow"))
        if only.related:
            title = f"In {only.label}; related sentences elsewhere"
            out.append(_only_in_panel(title, [(single.sentence, single.related) for single in only.related], "blue"))

    if view.removed:
        removed = Text()
        for line in view.removed:
            removed.append(f"{line.label} [{line.reason}]: ", style="dim bold")
            removed.append(line.line + "\n", style="dim")
        out.append(Panel(removed, title=_t("Page furniture removed"), title_align="left", border_style="dim"))
    for w in view.warnings:
        out.append(_t("warning: " + w, style="yellow"))
    return out


def render_text(comparison: Comparison, *, width: int = 100, color: bool = False) -> str:
    from rich.console import Console

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for item in renderables(build_view(comparison)):
        console.print(item)
    return buf.getvalue()
