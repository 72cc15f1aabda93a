"""Markdown rendering from the neutral view (:mod:`.view`): the same sections as the
terminal, as headings, tables and lists.

Article text is data, never Markdown or HTML: every string from an article (headline,
outlet, sentence, removed line, warning) goes through :func:`escape`, which writes ``&``,
``<`` and ``>`` as entities (no raw HTML tag survives) and backslash-escapes the characters
that would start emphasis, code, a link or image, a table cell, a heading or a list, so a
headline holding ``<script>`` or ``[x](javascript:...)`` shows as written and does nothing.
"""

from __future__ import annotations

import re

from ..model import Comparison
from .view import ComparisonView, build_view, plural

# Escaped anywhere in a string: code, emphasis, strike-through, link brackets, table cells,
# ATX heading marks (a trailing run of # would close a heading), and the backslash itself.
_ANYWHERE = re.compile(r"([\\`*_\[\]|~#])")
# A "(" right after "]" would still read as a link target to a lax reader: escape it too.
_LINK_TARGET = re.compile(r"(?<=\\\])\(")
# Escaped at the start only, where they would open a list, a quote or a heading.
_LEADING = re.compile(r"^([-+=!]|\d+(?=[.)]))")


def escape(text: str | None) -> str:
    """``text`` as literal Markdown inline content (one line, HTML-safe); ``-`` when empty."""
    if not text:
        return "-"
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = _ANYWHERE.sub(r"\\\1", out)
    out = _LINK_TARGET.sub(r"\\(", out)
    out = _LEADING.sub(lambda m: m.group(0) + "\\" if m.group(0)[0].isdigit() else "\\" + m.group(0), out)
    return out.replace("\n", " ")


def render_markdown(comparison: Comparison) -> str:
    return _markdown(build_view(comparison))


def _digest(view: ComparisonView) -> list[str]:
    """The neutral digest: numbered sentences with the outlets reporting each, then the lists."""
    d = view.digest
    if d is None:
        return []
    lines = ["## Neutral digest", ""]
    if not d.lines:
        lines += ["No fact is reported by two or more outlets.", ""]
    for i, line in enumerate(d.lines, 1):
        lines.append(f"{i}. {escape(line.text)} ({escape(line.fact)}: {', '.join(escape(o) for o in line.outlets)})")
    if d.lines:
        lines.append("")
    for heading, count, listed in (
        ("Reported only by:", lambda o: o.facts, lambda o: o.sentences),
        ("Reported by one outlet, with related sentences elsewhere:", lambda o: o.related_facts, lambda o: o.related),
    ):
        rows = [o for o in d.only_by if count(o)]
        if not rows:
            continue
        lines += [heading, ""]
        for o in rows:
            n, sentences = count(o), listed(o)
            shown = "; ".join(f"{escape(text)} ({escape(fact)})" for fact, text in sentences)
            more = f"; {n - len(sentences)} more" if n > len(sentences) else ""
            lines.append(f"- **{escape(o.label)}** ({plural(n, 'fact')}): {shown}{more}")
        lines.append("")
    if d.not_by:
        lines += ["Not reported by:", ""]
        lines += [f"- **{escape(n.label)}**: {', '.join(escape(f) for f in n.facts)}" for n in d.not_by]
        lines.append("")
    return lines


def _markdown(view: ComparisonView) -> str:
    s = view.summary
    lines = [
        "# newsprism comparison",
        "",
        f"{plural(s.articles, 'article')}, {plural(s.facts, 'fact')}: {s.by_all} reported by all, "
        f"{s.by_some} by some, {s.by_one} by one outlet only, "
        f"{s.by_one_related} by one outlet with related sentences elsewhere.",
        "",
    ]
    lines += _digest(view)
    lines += [
        "## Articles",
        "",
        "| id | outlet | credit | headline | sentences | furniture removed |",
        "|---|---|---|---|---:|---:|",
    ]
    for a in view.articles:
        lines.append(
            f"| {escape(a.id)} | {escape(a.outlet) or '-'} | {escape(a.credit) or '-'} | {escape(a.headline)} "
            f"| {a.sentences} | {a.removed} |"
        )
    if view.reuse:
        lines += [
            "",
            "## Reuse",
            "",
            "Share of each article (rows) found verbatim or nearly in another (columns); quotations are not counted.",
            "",
            "| article | " + " | ".join(escape(x) for x in view.reuse.labels) + " |",
            "|---|" + "---:|" * len(view.reuse.labels),
        ]
        for row in view.reuse.rows:
            cells = ["-" if x is None else f"{x:.0%}" for x in row.shares]
            lines.append(f"| {escape(row.label)} | " + " | ".join(cells) + " |")
    if view.conflicts:
        lines += ["", "## Figures that disagree", ""]
        for c in view.conflicts:
            figures = " vs ".join(f"{escape(f.label)}: “{escape(f.text)}”" for f in c.figures)
            lines.append(f"- {escape(c.fact)} {escape(c.what)}: {figures}")
    lines += ["", "## Shared facts", ""]
    for fact in view.shared:
        lines += [f"### {escape(fact.id)} · {fact.coverage} · {fact.strength}", ""]
        lines += [f"- **{escape(ref.label)}**: {escape(ref.text)}" for ref in fact.sentences]
        if fact.changes:
            shown = "; ".join(f"{escape(ch.b)}: {escape(ch.label)}" for ch in fact.changes)
            lines.append(f"- *changed*: {shown}")
        lines.append("")
    if view.related:
        lines += ["## Related, not the same claim", ""]
        for r in view.related:
            reason = f" ({escape(r.reason)})" if r.reason else ""
            left = f"**{escape(r.a.label)}**: {escape(r.a.text)}"
            right = f"**{escape(r.b.label)}**: {escape(r.b.text)}"
            lines.append(f"- {left}  \n  {right}{reason}")
        lines.append("")
    if view.quotes:
        lines += ["## Quotes", ""]
        for q in view.quotes:
            speaker = f" · {escape(q.speaker)}" if q.speaker else ""
            lines += [f"### Quote {escape(q.id)}{speaker} · {plural(len(q.variants), 'outlet')}", ""]
            if q.text:
                lines += [f"> {escape(q.text)}", ""]
            for v in q.variants:
                who = ", ".join(escape(x) for x in (v.speaker, v.cue) if x)
                own = f": “{escape(v.text)}”" if v.text and v.text != q.text else ""
                if v.diff:
                    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
                    own = ": " + "".join(marks[op].format(escape(s)) for op, s in v.diff)
                lines.append(f"- `{v.variant}` **{escape(v.label)}**" + (f" ({who})" if who else "") + own)
            lines.append("")
    for quoted in view.quoted_only_in:
        lines += [f"## Quoted only by {escape(quoted.label)} ({len(quoted.quotes)})", ""]
        for sq in quoted.quotes:
            who = ", ".join(escape(x) for x in (sq.speaker, sq.cue) if x)
            lines.append(f"- {'**' + who + '**: ' if who else ''}“{escape(sq.text)}”")
        lines.append("")
    if view.naming:
        outlets = list(dict.fromkeys(o for line in view.naming for o, _ in line.outlets))
        lines += ["## Naming", "", "| entity | " + " | ".join(escape(o) for o in outlets) + " |"]
        lines.append("|---" * (len(outlets) + 1) + "|")
        for line in view.naming:
            forms = dict(line.outlets)
            cells = [escape(forms.get(o, "—")) for o in outlets]
            lines.append(f"| {escape(line.name)} | " + " | ".join(cells) + " |")
        lines.append("")
    if view.profiles:
        lines += [
            "## Outlet profiles",
            "",
            "| outlet | words | own-voice marks per 1,000 words | shared facts carried | quotations | omitted |",
            "|---|---|---|---|---|---|",
        ]
        for p in view.profiles:
            lines.append(
                f"| {escape(p.label)} | {p.words} | {escape(p.marks)} | {p.shared} | {escape(p.quotes)} | {p.omitted} |"
            )
        lines.append("")
    if view.framing:
        lines += ["## Framing", ""]
        for m in view.framing:
            kind = escape(m.type) + (", quoted" if m.quoted else "")
            note = f" ({escape(m.note)})" if m.note else ""
            lines.append(f"- **{escape(m.label)}** · {kind}: “{escape(m.text)}”{note}")
        lines.append("")
    for only in view.only_in:
        if only.sentences:
            lines += [f"## Only in {escape(only.label)} ({len(only.sentences)})", ""]
            lines += [f"- {escape(ref.text)}" for ref in only.sentences]
            lines.append("")
        if only.related:
            lines += [f"## In {escape(only.label)}; related sentences elsewhere ({len(only.related)})", ""]
            for single in only.related:
                lines.append(f"- {escape(single.sentence.text)}")
                lines += [
                    f"  - ~ **{escape(r.sentence.label)}** ({escape(r.fact) + ', ' if r.fact else ''}{r.score:.2f}): "
                    f"{escape(r.sentence.text)}"
                    for r in single.related
                ]
            lines.append("")
    if view.removed:
        lines += ["## Page furniture removed", ""]
        lines += [f"- **{escape(r.label)}** ({escape(r.reason)}): {escape(r.line)}" for r in view.removed]
        lines.append("")
    if view.warnings:
        lines += ["## Warnings", ""] + [f"- {escape(w)}" for w in view.warnings] + [""]
    return "\n".join(lines).rstrip() + "\n"
