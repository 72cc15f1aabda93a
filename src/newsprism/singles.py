"""Sentences only one outlet reports: only here, or related to another outlet's sentence.

:func:`single_sentences` reads the facts and related links of a comparison (records only, no
similarity is computed again) and classifies every sentence of a fact of coverage ``one``:

- ``only_here`` (:data:`~newsprism.model.ONLY_HERE`): no sentence of another article is
  related to it (``Comparison.related`` lists no link to it);
- ``related_elsewhere`` (:data:`~newsprism.model.RELATED_ELSEWHERE`): another article has a
  related sentence, so the information may be there told as part of another claim; its
  related sentences are listed, best first, with their facts, spans and scores.

How (``singles.v1``): a sentence with one related link or more is ``related_elsewhere``, at
any score the alignment lists (``AlignOptions.related_threshold``, 0.3 by default, at most
``related_per_sentence`` links a sentence).

Why: on real, independently written reporting judged by a careful reader
(tests/gold/judged, ``benchmarks/judged_singles.py``), single-outlet sentences that another
outlet does report are mostly among those with a related link; the sentences without one are
the ones a reader can take as "only this outlet reports it" (docs/claims.md, "Only here, or
related elsewhere").

Limits: the related links are the alignment's, so a shared claim worded with few common words
and a low embedding similarity (under the related threshold) still reads as ``only_here``;
and a ``related_elsewhere`` sentence is often truly unique (its related sentence shares a name
or the premise only).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import ONLY_HERE, RELATED_ELSEWHERE, Article, Fact, RelatedLink, RelatedSentence, SingleSentence, Span

SINGLES_VERSION = "singles.v1"


def single_sentences(
    facts: Iterable[Fact], related: Iterable[RelatedLink], articles: Sequence[Article] = ()
) -> tuple[SingleSentence, ...]:
    """Every member of a one-member fact, in fact order, classified as only here or related
    elsewhere (see the module docstring). ``articles`` give the spans (None where a sentence is
    not among them)."""
    facts = list(facts)
    fact_of = {(m.article, m.sentence): f.id for f in facts for m in f.members}
    spans = {(a.id, s.index): s.span for a in articles for s in a.sentences}
    near: dict[tuple[str, int], list[RelatedSentence]] = {}
    for r in related:
        for one, other in ((r.a, r.b), (r.b, r.a)):
            if one.article == other.article:
                continue
            key = (other.article, other.sentence)
            near.setdefault((one.article, one.sentence), []).append(
                RelatedSentence(other.article, other.sentence, spans.get(key), fact_of.get(key), r.score, r.reason)
            )
    out = []
    for f in facts:
        if len(f.members) != 1:
            continue
        m = f.members[0]
        key = (m.article, m.sentence)
        links = tuple(sorted(near.get(key, ()), key=lambda x: (-x.score, x.article, x.sentence)))
        span: Span | None = spans.get(key)
        out.append(SingleSentence(f.id, m.article, m.sentence, span, RELATED_ELSEWHERE if links else ONLY_HERE, links))
    return tuple(out)


__all__ = ["SINGLES_VERSION", "single_sentences"]
