"""Terminal rendering with rich: the articles, who copied whom, figures that disagree, then
one block per shared fact and, per outlet, what only it reports."""

from __future__ import annotations

import io

from ..model import Comparison
from ._common import conflict_line, coverage_line, label, only_in, sentence_text, shared_facts, summary_counts


def renderables(comparison: Comparison) -> list[object]:
    """The rich renderables of a comparison, in reading order."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    out: list[object] = []
    arts = comparison.articles
    counts = summary_counts(comparison)
    out.append(
        Text(
            f"newsprism: {len(arts)} articles, {len(comparison.facts)} facts "
            f"({counts['all']} reported by all, {counts['some']} by some, {counts['one']} by one outlet only)",
            style="bold",
        )
    )
    table = Table(title="Articles", title_justify="left", expand=False)
    for col in ("id", "outlet", "headline", "sentences", "furniture removed"):
        table.add_column(col, overflow="fold")
    for a in arts:
        table.add_row(a.id, a.outlet or "-", a.title or "-", str(len(a.sentences)), str(len(a.removed)))
    out.append(table)

    if comparison.reuse:
        reuse = Table(
            title="Reuse: share of each article (rows) found verbatim or nearly in another (columns)",
            title_justify="left",
        )
        reuse.add_column("article")
        for a in arts:
            reuse.add_column(a.label, justify="right")
        shares = {(r.article, r.source): r.share for r in comparison.reuse}
        for a in arts:
            row = [a.label]
            for b in arts:
                row.append("-" if a.id == b.id else f"{shares.get((a.id, b.id), 0.0):.0%}")
            reuse.add_row(*row)
        out.append(reuse)

    if comparison.conflicts:
        lines = Text()
        for c in comparison.conflicts:
            lines.append("• " + conflict_line(comparison, c) + "\n")
        out.append(Panel(lines, title="Figures that disagree", title_align="left", border_style="red"))

    for fact in shared_facts(comparison):
        body = Text()
        for m in fact.members:
            body.append(f"{label(comparison, m.article)}: ", style="bold cyan")
            body.append(sentence_text(comparison, m.article, m.sentence) + "\n")
        out.append(Panel(body, title=f"{fact.id} · {coverage_line(comparison, fact)}", title_align="left"))

    for a in arts:
        unique = only_in(comparison, a)
        if unique:
            body = Text()
            for f in unique:
                body.append("• " + sentence_text(comparison, a.id, f.members[0].sentence) + "\n")
            out.append(
                Panel(body, title=f"Only in {a.label} ({len(unique)})", title_align="left", border_style="yellow")
            )

    removed = Text()
    for a in arts:
        for line, why in zip(a.removed, a.removed_reasons, strict=True):
            removed.append(f"{a.label} [{why}]: ", style="dim bold")
            removed.append(line.strip() + "\n", style="dim")
    if removed:
        out.append(Panel(removed, title="Page furniture removed", title_align="left", border_style="dim"))
    for w in comparison.warnings:
        out.append(Text("warning: " + w, style="yellow"))
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
    )
    for item in renderables(comparison):
        console.print(item)
    return buf.getvalue()
