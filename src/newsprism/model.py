"""Typed, frozen records that flow through the pipeline.

Every finding points at character offsets in the *cleaned* text of its article
(``Article.text``), end exclusive, so a reader can always see the evidence.
Each record has ``to_dict()`` giving plain JSON-ready data.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of one article's cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from a source, before cleaning.

    ``body`` is the text below the headline: for ``.txt`` input the raw lines, for HTML the
    text the extractor found. ``source`` names where it came from (a path, ``-``, or
    ``path:line`` for JSONL) and is used in every error message about it.
    """

    id: str
    body: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    format: str = "txt"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its position in the article and its offsets in the cleaned text."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned, segmented article.

    ``text`` is the body with page furniture removed (paragraphs joined by one newline);
    ``removed`` holds every raw line the cleaner dropped, verbatim, in order, with the
    reason (the furniture pattern's category) in ``removed_reasons`` at the same index.
    """

    id: str
    text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    removed: tuple[str, ...] = ()
    removed_reasons: tuple[str, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @property
    def label(self) -> str:
        """How to name this article to a person: its outlet, else its id."""
        return self.outlet or self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "source": self.source,
            "text": self.text,
            "removed": list(self.removed),
            "removed_reasons": list(self.removed_reasons),
            "sentences": [s.to_dict() for s in self.sentences],
        }


def listing_label(id: str, source: str, outlet: str | None, title: str | None) -> str:
    """How a listing of stories names an article: ``outlet: title``, the source's file name
    standing in for a missing outlet."""
    name = outlet or os.path.splitext(os.path.basename(source.rstrip("/")))[0] or id
    return f"{name}: {title or '-'}"


@dataclass(frozen=True, slots=True)
class GroupFeatures:
    """What grouping reads of one article, computed once (at ingest) and stored.

    ``method`` names the algorithm and options that made the features (see
    :func:`newsprism.group.features_method`); features of another method are recomputed.
    ``terms`` is the weighted bag of the headline and lead (term, weight), ``minhash`` the
    MinHash signature of the opening's word 5-shingles (unsigned 32-bit, little-endian), and
    ``grams`` the distinct runs of four stemmed words of the opening (sorted unsigned 32-bit
    hashes), and ``vector`` the headline-and-lead embedding (32-bit floats), or None without
    an embedder.
    """

    id: str
    method: str
    published: str | None
    label: str
    terms: tuple[tuple[str, int], ...]
    minhash: bytes
    grams: bytes
    vector: bytes | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A sentence of one article, as a member of a fact."""

    article: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence}


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences of different articles that carry the same information.

    A fact has at most one sentence per article. ``coverage`` says how many of the compared
    articles report it: ``all``, ``some`` or ``one``. ``score`` is the weakest link that joined
    it (1.0 for a fact with one mention).
    """

    id: str
    mentions: tuple[Mention, ...]
    coverage: str
    score: float = 1.0

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "coverage": self.coverage,
            "score": round(self.score, 4),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class Reuse:
    """How much of ``article`` (quotations excluded) lies in passages taken from ``source``."""

    article: str
    source: str
    share: float
    spans: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "source": self.source,
            "share": round(self.share, 4),
            "spans": [s.to_dict() for s in self.spans],
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a sentence: ``value`` in base units, ``kind`` one of
    ``count``, ``percent``, ``money``, ``year``, ``date``; ``unit`` is the counted noun or the
    currency; ``qualifier`` is ``at least``/``about``/... when the text hedges the figure."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    value: float
    kind: str
    unit: str | None = None
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class NumberConflict:
    """Quantities of one kind and unit inside one fact that disagree across articles."""

    fact: str
    kind: str
    unit: str | None
    quantities: tuple[Quantity, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "kind": self.kind,
            "unit": self.unit,
            "quantities": [q.to_dict() for q in self.quantities],
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation (filled by the quotes capability; empty until then)."""

    article: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    cue: Span | None = None
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class FramingMark:
    """A framing span (filled by the framing capability; empty until then)."""

    article: str
    start: int
    end: int
    text: str
    type: str
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


SCHEMA_COMPARISON = "newsprism.comparison/1"


@dataclass(frozen=True, slots=True)
class Comparison:
    """One story, two or more articles, side by side."""

    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    reuse: tuple[Reuse, ...]
    quantities: tuple[Quantity, ...] = ()
    conflicts: tuple[NumberConflict, ...] = ()
    quotes: tuple[Quote, ...] = ()
    framing: tuple[FramingMark, ...] = ()
    warnings: tuple[str, ...] = ()
    algorithms: dict[str, str] = field(default_factory=dict)

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_COMPARISON,
            "algorithms": dict(sorted(self.algorithms.items())),
            "articles": [a.to_dict() for a in self.articles],
            "facts": [f.to_dict() for f in self.facts],
            "quotes": [q.to_dict() for q in self.quotes],
            "framing": [m.to_dict() for m in self.framing],
            "reuse": [r.to_dict() for r in self.reuse],
            "numbers": {
                "quantities": [q.to_dict() for q in self.quantities],
                "conflicts": [c.to_dict() for c in self.conflicts],
            },
            "warnings": list(self.warnings),
        }
