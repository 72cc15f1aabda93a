"""What the text and Markdown renderings share: the order and wording of the sections."""

from __future__ import annotations

from ..model import Article, Comparison, Fact, NumberConflict


def label(comparison: Comparison, article_id: str) -> str:
    return comparison.article(article_id).label


def sentence_text(comparison: Comparison, article_id: str, index: int) -> str:
    return comparison.article(article_id).sentences[index].text


def shared_facts(comparison: Comparison) -> list[Fact]:
    """Facts reported by two or more articles, the widest first, then in story order."""
    multi = [f for f in comparison.facts if len(f.members) > 1]
    return sorted(multi, key=lambda f: (-len(f.members), int(f.id[1:])))


def only_in(comparison: Comparison, article: Article) -> list[Fact]:
    return [f for f in comparison.facts if len(f.members) == 1 and f.members[0].article == article.id]


def coverage_line(comparison: Comparison, fact: Fact) -> str:
    n, total = len(fact.members), len(comparison.articles)
    return f"all {total} outlets" if n == total else f"{n} of {total} outlets"


def conflict_line(comparison: Comparison, conflict: NumberConflict) -> str:
    parts = []
    for q in conflict.quantities:
        parts.append(f"{label(comparison, q.article)}: {q.text!r}")
    unit = next((q.unit for q in conflict.quantities if q.unit), conflict.unit)
    what = conflict.kind + (f" of {unit}" if unit and conflict.kind == "count" else "")
    return f"{conflict.fact} {what}: " + " vs ".join(parts)


def summary_counts(comparison: Comparison) -> dict[str, int]:
    counts = {"all": 0, "some": 0, "one": 0}
    for f in comparison.facts:
        counts[f.coverage] += 1
    return counts
