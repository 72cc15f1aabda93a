"""The neutral digest of a comparison: a short extractive summary of what most outlets report.

:func:`digest` reads a :class:`~newsprism.model.Comparison` (records only, no I/O) and picks
its sentences from the facts the most outlets carry, so the summary says what the reporting
agrees on before anything one outlet adds. Each digest sentence names every article that
reports its fact; then come what only one outlet reports (apart: the sentences no other outlet
has a related sentence to, and those with related sentences elsewhere) and, for each outlet,
the digest's facts it leaves out.

How (``digest.v2``; v1 chose the same sentences and listed every single-outlet fact under
"reported only by"):

1. Candidates are the facts two or more articles carry (``min_outlets``). They are ranked by
   how many articles carry them, then by how early they come in those articles (the mean of
   each member sentence's place in its article, 0 at the top and 1 at the bottom: news puts
   the essentials first), then by their weakest link.
2. The first ``max_sentences`` are kept and shown in story order (the same mean place).
3. When fewer than ``min_sentences`` facts are shared, the digest is filled with the
   sentences only one outlet reports that are closest to the common story: those sharing the
   most words with the other articles (a word weighs the log of how many articles use it, so
   a word of one article only weighs nothing), over the square root of their length. Each is
   shown with its one outlet, after the shared facts, in article order.
4. Each fact is worded by one of its sentences: the one with the fewest own-voice framing
   marks (hedges, loaded words, judging verbs, scare quotes and names that set an outlet
   apart, outside quotations), then the
   one sharing the most words with the fact's other sentences (the most central wording),
   then the earliest article.
5. "Reported only by" counts and lists per article the facts it reports alone that no other
   article has a related sentence to (``only_here``, :mod:`newsprism.singles`); those with a
   related sentence elsewhere are counted and listed apart (``related_facts``,
   ``related``): on judged real reporting a third to two thirds of them are reported
   elsewhere after all (docs/claims.md, "Only here, or related elsewhere").

Limits: it is extractive, so a digest sentence keeps its outlet's wording (the least marked
one, not a neutral rewrite), and it inherits the alignment's errors: a wrong link can make a
sentence look widely reported. Measured against human-written neutral roundups in
``benchmarks/bench_digest.py`` (NeuS AllSides).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from .model import RELATED_ELSEWHERE, Article, Comparison, Fact

DIGEST_VERSION = "digest.v2"

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DigestOptions:
    """How long the digest is. ``max_sentences``: the most facts it shows; ``min_sentences``:
    fewer shared facts than this are topped up with the single-outlet sentences closest to the
    common story (0: never);
    ``min_outlets``: how many articles a fact needs to count as shared; ``max_only``: the most
    sentences listed per article under "reported only by", and apart the most with related
    sentences elsewhere (the earliest ones)."""

    max_sentences: int = 5
    min_sentences: int = 3
    min_outlets: int = 2
    max_only: int = 3

    def __post_init__(self) -> None:
        from . import _checks as check

        check.whole(self, "max_sentences", 1)
        check.whole(self, "min_sentences", 0)
        check.relation(
            self,
            "min_sentences",
            self.min_sentences <= self.max_sentences,
            f"at most max_sentences ({self.max_sentences})",
        )
        check.whole(self, "min_outlets", 2)
        check.whole(self, "max_only", 0)


@dataclass(frozen=True, slots=True)
class DigestSentence:
    """One sentence of the digest: the fact it words, the article and sentence it is taken
    from, its text, and every article that reports the fact (in the comparison's order)."""

    fact: str
    article: str
    sentence: int
    text: str
    outlets: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "article": self.article,
            "sentence": self.sentence,
            "text": self.text,
            "outlets": list(self.outlets),
        }


@dataclass(frozen=True, slots=True)
class OnlyBy:
    """What only one article reports: how many facts no other article has a related sentence
    to, and the first ``sentences`` of them (``(fact id, sentence index, text)``, in story
    order); then apart how many it reports alone with related sentences elsewhere
    (``related_facts``) and the first of them (``related``)."""

    article: str
    facts: int
    sentences: tuple[tuple[str, int, str], ...]
    related_facts: int = 0
    related: tuple[tuple[str, int, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "facts": self.facts,
            "sentences": [{"fact": f, "sentence": i, "text": t} for f, i, t in self.sentences],
            "related_facts": self.related_facts,
            "related": [{"fact": f, "sentence": i, "text": t} for f, i, t in self.related],
        }


@dataclass(frozen=True, slots=True)
class NotBy:
    """The digest's shared facts one article does not report."""

    article: str
    facts: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "facts": list(self.facts)}


@dataclass(frozen=True, slots=True)
class Digest:
    """The neutral digest: ``sentences`` in story order, then ``only_by`` and ``not_by`` per
    article (articles with nothing to list are left out)."""

    sentences: tuple[DigestSentence, ...]
    only_by: tuple[OnlyBy, ...]
    not_by: tuple[NotBy, ...]
    method: str = DIGEST_VERSION

    @property
    def text(self) -> str:
        """The digest's sentences as one paragraph (what the benchmark scores)."""
        return " ".join(s.text for s in self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "sentences": [s.to_dict() for s in self.sentences],
            "only_by": [o.to_dict() for o in self.only_by],
            "not_by": [n.to_dict() for n in self.not_by],
        }


def digest(comparison: Comparison, options: DigestOptions | None = None) -> Digest:
    """The neutral digest of ``comparison`` (``digest.v1``, see the module docstring)."""
    opts = options or DigestOptions()
    arts = comparison.articles
    by_id = {a.id: a for a in arts}
    order = {a.id: i for i, a in enumerate(arts)}
    facts = [f for f in comparison.facts if f.members and all(m.article in by_id for m in f.members)]
    marks = _own_marks(comparison)

    def place(f: Fact) -> float:
        return sum(_place(by_id[m.article], m.sentence) for m in f.members) / len(f.members)

    shared = [f for f in facts if len(f.members) >= opts.min_outlets]
    ranked = sorted(shared, key=lambda f: (-len(f.members), place(f), -f.score, f.id))
    chosen = sorted(ranked[: opts.max_sentences], key=lambda f: (place(f), f.id))
    sentences = [_sentence(f, by_id, order, marks) for f in chosen]

    if len(sentences) < opts.min_sentences and len(arts) > 1:
        sentences += _fill(comparison, facts, opts.min_sentences - len(sentences), order)

    in_digest = {s.fact for s in sentences}
    elsewhere = {x.fact for x in comparison.singles if x.kind == RELATED_ELSEWHERE}
    only_by = []
    for a in arts:
        own = sorted(
            (f for f in facts if len(f.members) == 1 and f.members[0].article == a.id and f.id not in in_digest),
            key=lambda f: f.members[0].sentence,
        )
        if own:
            alone = [f for f in own if f.id not in elsewhere]
            near = [f for f in own if f.id in elsewhere]
            only_by.append(
                OnlyBy(a.id, len(alone), _listed(a, alone, opts.max_only), len(near), _listed(a, near, opts.max_only))
            )
    digest_shared = [s for s in sentences if len(s.outlets) >= opts.min_outlets]
    not_by = []
    for a in arts:
        missing = tuple(s.fact for s in digest_shared if a.id not in s.outlets)
        if missing:
            not_by.append(NotBy(a.id, missing))
    return Digest(tuple(sentences), tuple(only_by), tuple(not_by))


def _listed(article: Article, facts: list[Fact], most: int) -> tuple[tuple[str, int, str], ...]:
    """The first ``most`` of ``facts`` (one sentence of ``article`` each) as listed under
    "reported only by": ``(fact id, sentence index, text)``."""
    return tuple((f.id, f.members[0].sentence, _text(article, f.members[0].sentence)) for f in facts[:most])


def _fill(comparison: Comparison, facts: list[Fact], wanted: int, order: dict[str, int]) -> list[DigestSentence]:
    """The ``wanted`` single-outlet sentences closest to the common story: scored by the words
    they share with the other articles (each word weighted by ``log`` of how many articles use
    it, a word of this article only weighing nothing), over the square root of their length."""
    by_id = {a.id: a for a in comparison.articles}
    vocab = {a.id: _words(a.text) for a in comparison.articles}
    df: dict[str, int] = {}
    for words in vocab.values():
        for w in words:
            df[w] = df.get(w, 0) + 1
    scored = []
    for f in facts:
        if len(f.members) != 1:
            continue
        m = f.members[0]
        text = _text(by_id[m.article], m.sentence)
        words = _words(text)
        score = sum(math.log(df[w]) for w in words if df.get(w, 0) > 1) / math.sqrt(1 + len(words))
        scored.append((-score, order[m.article], m.sentence, f.id, m.article, text))
    scored.sort()
    picked = sorted(scored[:wanted], key=lambda x: (x[1], x[2]))
    return [DigestSentence(fid, article, index, text, (article,)) for _, _, index, fid, article, text in picked]


def _place(article: Article, sentence: int) -> float:
    """Where a sentence stands in its article: 0.0 for the first, 1.0 for the last."""
    n = len(article.sentences)
    return sentence / (n - 1) if n > 1 else 0.0


def _text(article: Article, sentence: int) -> str:
    return article.sentences[sentence].text if 0 <= sentence < len(article.sentences) else ""


def _own_marks(comparison: Comparison) -> dict[tuple[str, int], int]:
    """How many own-voice framing marks (not inside a quotation) each sentence holds."""
    starts: dict[str, list[tuple[int, int, int]]] = {
        a.id: [(s.span.start, s.span.end, s.index) for s in a.sentences] for a in comparison.articles
    }
    out: dict[tuple[str, int], int] = {}
    for m in comparison.framing:
        if m.quoted:
            continue
        for start, end, index in starts.get(m.article, ()):
            if start <= m.span.start < end:
                out[(m.article, index)] = out.get((m.article, index), 0) + 1
                break
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _sentence(
    fact: Fact, by_id: dict[str, Article], order: dict[str, int], marks: dict[tuple[str, int], int]
) -> DigestSentence:
    """The fact worded by its least marked, most central sentence."""
    texts = {m.article: _text(by_id[m.article], m.sentence) for m in fact.members}
    words = {a: _words(t) for a, t in texts.items()}

    def centrality(article: str) -> int:
        return sum(len(words[article] & w) for a, w in words.items() if a != article)

    best = min(
        fact.members,
        key=lambda m: (marks.get((m.article, m.sentence), 0), -centrality(m.article), order[m.article]),
    )
    outlets = tuple(sorted(fact.articles, key=lambda a: order[a]))
    return DigestSentence(fact.id, best.article, best.sentence, texts[best.article], outlets)


__all__ = ["DIGEST_VERSION", "Digest", "DigestOptions", "DigestSentence", "NotBy", "OnlyBy", "digest"]
