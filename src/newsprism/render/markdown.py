"""Markdown rendering: the same sections as the terminal, as headings, tables and quotes."""

from __future__ import annotations

from ..model import Comparison
from ._common import conflict_line, coverage_line, label, only_in, sentence_text, shared_facts, summary_counts


def _cell(text: str | None) -> str:
    return (text or "-").replace("|", "\\|").replace("\n", " ")


def render_markdown(comparison: Comparison) -> str:
    arts = comparison.articles
    counts = summary_counts(comparison)
    lines = [
        "# newsprism comparison",
        "",
        f"{len(arts)} articles, {len(comparison.facts)} facts: {counts['all']} reported by all, "
        f"{counts['some']} by some, {counts['one']} by one outlet only.",
        "",
        "## Articles",
        "",
        "| id | outlet | headline | sentences | furniture removed |",
        "|---|---|---|---:|---:|",
    ]
    for a in arts:
        lines.append(
            f"| {_cell(a.id)} | {_cell(a.outlet)} | {_cell(a.title)} | {len(a.sentences)} | {len(a.removed)} |"
        )
    if comparison.reuse:
        shares = {(r.article, r.source): r.share for r in comparison.reuse}
        lines += [
            "",
            "## Reuse",
            "",
            "Share of each article (rows) found verbatim or nearly in another (columns); quotations are not counted.",
            "",
            "| article | " + " | ".join(_cell(a.label) for a in arts) + " |",
            "|---|" + "---:|" * len(arts),
        ]
        for a in arts:
            cells = ["-" if a.id == b.id else f"{shares.get((a.id, b.id), 0.0):.0%}" for b in arts]
            lines.append(f"| {_cell(a.label)} | " + " | ".join(cells) + " |")
    if comparison.conflicts:
        lines += ["", "## Figures that disagree", ""]
        lines += [f"- {_cell(conflict_line(comparison, c))}" for c in comparison.conflicts]
    lines += ["", "## Shared facts", ""]
    for fact in shared_facts(comparison):
        lines += [f"### {fact.id} · {coverage_line(comparison, fact)}", ""]
        for m in fact.members:
            lines.append(
                f"- **{_cell(label(comparison, m.article))}**: {sentence_text(comparison, m.article, m.sentence)}"
            )
        lines.append("")
    for a in arts:
        unique = only_in(comparison, a)
        if unique:
            lines += [f"## Only in {a.label} ({len(unique)})", ""]
            lines += [f"- {sentence_text(comparison, a.id, f.members[0].sentence)}" for f in unique]
            lines.append("")
    removed = [(a, line, why) for a in arts for line, why in zip(a.removed, a.removed_reasons, strict=True)]
    if removed:
        lines += ["## Page furniture removed", ""]
        lines += [f"- {_cell(a.label)} [{why}]: `{line.strip().replace('`', chr(39))}`" for a, line, why in removed]
        lines.append("")
    if comparison.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in comparison.warnings] + [""]
    return "\n".join(lines).rstrip() + "\n"
