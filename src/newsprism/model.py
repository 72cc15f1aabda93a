"""Typed, frozen records that flow through the pipeline.

Every finding points at character offsets in the *cleaned* text of its article
(``Article.text``), end exclusive, so a reader can always see the evidence. A range of
characters is always a :class:`Span`; a record that *is* a located piece of text (a
sentence, a quantity, a quotation, a framing mark) holds its own as ``span`` and offers
``start`` / ``end`` as shortcuts. In JSON a record's own span is written flat (``"start"``,
``"end"``, as the report contract has it) and any other span as ``{"start", "end"}``.

Each record has ``to_dict()`` giving plain JSON-ready data and ``from_dict()`` reading it
back: ``Comparison.from_dict(json.loads(render(c, "json")))`` equals ``c``. Values are
rounded where they are made (fact scores, reuse shares), never on the way out, so that the
round trip is exact.

This module imports nothing heavy: ``import newsprism`` must stay light.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Any

#: The framing mark types of the gold format (``../shared/eval/GOLD_FORMAT.md``); a mark of
#: any other type is refused.
FRAMING_TYPES = ("attribution", "hedge", "scare_quote", "loaded", "naming")
#: How one outlet rendered a quotation that several carry.
QUOTE_VARIANTS = ("verbatim", "trimmed", "altered")
#: What a sentence is in its article: story text, the summary under the headline, a subheading.
SENTENCE_ROLES = ("body", "standfirst", "crosshead", "truncated")
#: Operations of a word- or character-level difference: kept, removed, inserted.
DIFF_OPS = ("=", "-", "+")

SCHEMA_COMPARISON = "newsprism.comparison/1"
SCHEMA_STORIES = "newsprism.stories/1"


def _span_or_none(d: Any) -> Span | None:
    return None if d is None else Span.from_dict(d)


def _span_dict(s: Span | None) -> dict[str, int] | None:
    return None if s is None else s.to_dict()


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Characters ``text[start:end]`` of one article's cleaned text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]))


class _Located:
    """A record that is a located piece of text: ``start`` and ``end`` of its ``span``."""

    __slots__ = ()
    span: Span

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from a source, before cleaning.

    ``body`` is the text below the headline: for ``.txt`` input the raw lines, for HTML the
    text the extractor found. ``source`` names where it came from (a path, ``-``, or
    ``path:line`` for JSONL) and is used in every error message about it. ``warnings`` says
    what the reader had to repair (invalid bytes replaced, ...), one line each. ``byline`` is
    the author line of the page's metadata or the JSONL record, where it gives one (read for
    agency credits: :mod:`newsprism.credits`).
    """

    id: str
    body: str
    source: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    format: str = "txt"
    warnings: tuple[str, ...] = ()
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence(_Located):
    """One sentence: its position in the article, its span in the cleaned text and its
    ``role`` (one of :data:`SENTENCE_ROLES`): ``body`` for story text, ``standfirst`` for the
    summary under a headline, ``crosshead`` for a subheading between paragraphs. Only body
    sentences carry facts. JSON writes ``role`` when it is not ``body``."""

    index: int
    span: Span
    text: str
    role: str = "body"

    def __post_init__(self) -> None:
        if self.role not in SENTENCE_ROLES:
            raise ValueError(f"unknown sentence role {self.role!r}; expected one of {', '.join(SENTENCE_ROLES)}")

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = self.span.to_dict()
        if self.role != "body":
            d["role"] = self.role
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], index: int, text: str) -> Sentence:
        span = Span.from_dict(d)
        return cls(index, span, span.of(text), d.get("role", "body"))


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned, segmented article.

    ``text`` is the body with page furniture removed (paragraphs joined by one newline);
    ``removed`` holds every raw line the cleaner dropped, verbatim, in order, with the
    reason (the furniture pattern's category) in ``removed_reasons`` at the same index.
    ``credit`` names the news agencies whose copy the article says it carries (a byline,
    dateline or credit line: "AFP", "AP, Reuters", ``agencies`` when it names none; see
    :mod:`newsprism.credits`), None without a credit. ``outlet`` is as the input named it, or
    as :func:`newsprism.credits.resolve_outlet` found it (the credited agency of wire copy,
    the page's address, the file name).
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
    credit: str | None = None

    @property
    def label(self) -> str:
        """How to name this article to a person: its outlet, else its file name
        (:func:`source_name`; an article stored before outlets were resolved), else its id."""
        return self.outlet or source_name(self.source) or self.id

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "credit": self.credit,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "source": self.source,
            "text": self.text,
            "removed": list(self.removed),
            "removed_reasons": list(self.removed_reasons),
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        text = d["text"]
        return cls(
            id=d["id"],
            text=text,
            source=d["source"] if "source" in d else d["id"],
            title=d.get("title"),
            outlet=d.get("outlet"),
            url=d.get("url"),
            published=d.get("published"),
            removed=tuple(d.get("removed") or ()),
            removed_reasons=tuple(d.get("removed_reasons") or ()),
            sentences=tuple(Sentence.from_dict(s, i, text) for i, s in enumerate(d.get("sentences") or ())),
            credit=d.get("credit"),
        )


def article_key(article: Article) -> str:
    """The identity of an article's content: 16 hex digits of the SHA-256 of its cleaned text,
    runs of whitespace folded to one space and letters lower-cased. Two articles with the same
    key are the same article (``compare`` compares it once; the store keeps it once)."""
    folded = " ".join(article.text.split()).lower()
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def source_name(source: str) -> str:
    """The file name a source names, without folders, extensions or a record's place in its
    file: ``feeds/daily-post.jsonl:12`` -> ``daily-post``; ``""`` for standard input."""
    path = re.sub(r"(?::\d+|#\d+)$", "", source.rstrip("/"))
    if path in ("-", "<html>", ""):
        return ""
    name = os.path.basename(path)
    for _ in range(3):  # page.html.gz, feed.jsonl.gz, crawl.warc.gz
        stem, ext = os.path.splitext(name)
        if not ext or not stem or len(ext) > 6:
            break
        name = stem
    return name


def listing_label(id: str, source: str, outlet: str | None, title: str | None) -> str:
    """How a listing of stories names an article: ``outlet: title``, the source's file name
    standing in for a missing outlet."""
    name = outlet or source_name(source) or id
    return f"{name}: {title or '-'}"


@dataclass(frozen=True, slots=True)
class GroupFeatures:
    """What grouping reads of one article, computed once (at ingest) and stored.

    ``method`` names the algorithm and options that made the features (see
    :func:`newsprism.grouping.features_method`); features of another method are recomputed.
    ``terms`` is the weighted bag of the headline and lead (term, weight), ``minhash`` the
    MinHash signature of the opening's word 5-shingles (unsigned 32-bit, little-endian), and
    ``grams`` the distinct runs of four stemmed words of the opening (sorted unsigned 32-bit
    hashes), and ``vector`` the headline-and-lead embedding (32-bit floats), or None without
    an embedder; ``credit`` is the article's agency credit (``Article.credit``: articles of one
    story crediting one agency are one origin). All plain values: features pickle cheaply to
    and from worker processes.
    """

    id: str
    method: str
    published: str | None
    label: str
    terms: tuple[tuple[str, int], ...]
    minhash: bytes
    grams: bytes
    vector: bytes | None = None
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """A story: its articles (ids), and for each article the id of its origin (the article
    whose text it republishes, itself for an independent report)."""

    id: str
    articles: tuple[str, ...]
    origins: tuple[str, ...] = ()

    @property
    def n_origins(self) -> int:
        return len(set(self.origins)) if self.origins else len(self.articles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "articles": list(self.articles),
            "origins": dict(zip(self.articles, self.origins, strict=True)) if self.origins else {},
            "independent_origins": self.n_origins,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        articles = tuple(d["articles"])
        origins = d.get("origins") or {}
        return cls(d["id"], articles, tuple(origins[a] for a in articles) if origins else ())


@dataclass(frozen=True, slots=True)
class Grouping:
    """Every article in exactly one story. ``method`` names the grouping algorithm,
    ``problems`` the inputs left out (one line each), ``labels`` how to name each article."""

    stories: tuple[Story, ...]
    method: str
    stats: dict[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)

    def story_of(self) -> dict[str, str]:
        return {a: s.id for s in self.stories for a in s.articles}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_STORIES,
            "method": self.method,
            "stats": dict(sorted(self.stats.items())),
            "stories": [s.to_dict() for s in self.stories],
            "problems": list(self.problems),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Grouping:
        return cls(
            stories=tuple(Story.from_dict(s) for s in d.get("stories") or ()),
            method=d.get("method") or "",
            stats=dict(d.get("stats") or {}),
            problems=tuple(d.get("problems") or ()),
        )


@dataclass(frozen=True, slots=True, order=True)
class FactMember:
    """A sentence of one article, as a member of a fact (or one end of a related link)."""

    article: str
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FactMember:
        return cls(d["article"], int(d["sentence"]))


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences of different articles that carry the same information.

    A fact has at most one sentence per article. ``coverage`` says how many of the compared
    articles report it: ``all``, ``some`` or ``one``. ``score`` is the weakest link that joined
    it (1.0 for a fact with one member). In JSON the members are ``mentions`` (the contract's
    word).
    """

    id: str
    members: tuple[FactMember, ...]
    coverage: str
    score: float = 1.0

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(m.article for m in self.members)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "coverage": self.coverage,
            "score": self.score,
            "mentions": [m.to_dict() for m in self.members],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Fact:
        members = tuple(FactMember.from_dict(m) for m in d.get("mentions") or ())
        return cls(d["id"], members, d.get("coverage") or "", float(d.get("score", 1.0)))


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """Two sentences of different articles that are about the same thing but do not carry
    the same claim (same people or premise, another statement). Shown apart from facts.
    ``score`` is their similarity; ``reason`` says what relates them."""

    a: FactMember
    b: FactMember
    score: float
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a.to_dict(), "b": self.b.to_dict(), "score": self.score, "reason": self.reason}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> RelatedLink:
        return cls(FactMember.from_dict(d["a"]), FactMember.from_dict(d["b"]), float(d["score"]), d.get("reason"))


#: what a sentence only one outlet reports is (:attr:`SingleSentence.kind`): no sentence of
#: another outlet is related to it
ONLY_HERE = "only_here"
#: ... or another outlet has a related sentence (a :class:`RelatedLink`): not the same claim by
#: the alignment, but on judged real reporting often the same information (docs/claims.md,
#: "Only here, or related elsewhere")
RELATED_ELSEWHERE = "related_elsewhere"


@dataclass(frozen=True, slots=True)
class RelatedSentence:
    """A sentence of another article related to a single-outlet sentence: where it stands
    (``span``: None when the comparison lacks that sentence), the fact it belongs to, the
    related link's ``score`` and ``reason``."""

    article: str
    sentence: int
    span: Span | None
    fact: str | None
    score: float
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentence": self.sentence,
            "start": self.span.start if self.span else None,
            "end": self.span.end if self.span else None,
            "fact": self.fact,
            "score": self.score,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class SingleSentence:
    """A sentence only one outlet reports (the member of a fact of coverage ``one``), and what
    it is: :data:`ONLY_HERE` (no other outlet has a related sentence) or
    :data:`RELATED_ELSEWHERE` (``related``: the related sentences of other outlets, best
    first). Derived from the facts and the related links (:mod:`newsprism.singles`)."""

    fact: str
    article: str
    sentence: int
    span: Span | None
    kind: str
    related: tuple[RelatedSentence, ...] = ()

    @property
    def best_score(self) -> float | None:
        """The score of the closest related sentence; None for :data:`ONLY_HERE`."""
        return max((r.score for r in self.related), default=None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "article": self.article,
            "sentence": self.sentence,
            "start": self.span.start if self.span else None,
            "end": self.span.end if self.span else None,
            "kind": self.kind,
            "best_score": self.best_score,
            "related": [r.to_dict() for r in self.related],
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
            "share": self.share,
            "spans": [s.to_dict() for s in self.spans],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reuse:
        return cls(d["article"], d["source"], float(d["share"]), tuple(Span.from_dict(s) for s in d.get("spans") or ()))


@dataclass(frozen=True, slots=True)
class Quantity(_Located):
    """A number found in a sentence: ``value`` in base units, ``kind`` one of
    ``count``, ``percent``, ``money``, ``year``, ``date``; ``unit`` is the counted noun or the
    currency; ``qualifier`` is ``at least``/``about``/... when the text hedges the figure."""

    article: str
    sentence: int
    span: Span
    text: str
    value: float
    kind: str
    unit: str | None = None
    qualifier: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "sentence": self.sentence,
            **self.span.to_dict(),
            "text": self.text,
            "value": self.value,
            "kind": self.kind,
            "unit": self.unit,
            "qualifier": self.qualifier,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quantity:
        return cls(
            d["article"],
            int(d["sentence"]),
            Span.from_dict(d),
            d["text"],
            float(d["value"]),
            d["kind"],
            d.get("unit"),
            d.get("qualifier"),
        )


@dataclass(frozen=True, slots=True)
class NumberConflict:
    """Quantities of one kind and unit inside one fact that disagree across articles;
    ``reason`` says why they are figures of the same thing (the counted noun they share, the
    event they date, ...)."""

    fact: str
    kind: str
    unit: str | None
    quantities: tuple[Quantity, ...]
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fact": self.fact,
            "kind": self.kind,
            "unit": self.unit,
            "quantities": [q.to_dict() for q in self.quantities],
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NumberConflict:
        return cls(
            d["fact"],
            d["kind"],
            d.get("unit"),
            tuple(Quantity.from_dict(q) for q in d.get("quantities") or ()),
            d.get("reason"),
        )


@dataclass(frozen=True, slots=True)
class Quote(_Located):
    """A direct quotation in one article.

    ``span`` covers the quoted words (inside the marks), ``text`` is those words;
    ``speaker_mention`` is the span of the words that name who said it ("Stoltenberg", "the
    NATO chief", "he"), ``speaker`` the canonical name they resolve to within the article
    (None where the article does not say), ``cue`` the span of the reporting verb or phrase
    ("said", "according to"); ``sentence`` is the index of the sentence where the quotation
    starts. ``group`` is the id of the :class:`QuoteGroup` when several articles carry it.
    """

    id: str
    article: str
    sentence: int
    span: Span
    text: str
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    group: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            "sentence": self.sentence,
            **self.span.to_dict(),
            "text": self.text,
            "speaker": self.speaker,
            "speaker_mention": _span_dict(self.speaker_mention),
            "cue": _span_dict(self.cue),
            "group": self.group,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            d["id"],
            d["article"],
            int(d["sentence"]),
            Span.from_dict(d),
            d["text"],
            d.get("speaker"),
            _span_or_none(d.get("speaker_mention")),
            _span_or_none(d.get("cue")),
            d.get("group"),
        )


def _diff_dict(diff: tuple[tuple[str, str], ...]) -> list[list[str]]:
    return [[op, text] for op, text in diff]


def _diff_from(d: Any) -> tuple[tuple[str, str], ...]:
    out = tuple((str(op), str(text)) for op, text in d or ())
    for op, _ in out:
        if op not in DIFF_OPS:
            raise ValueError(f"unknown diff operation {op!r}; expected one of {', '.join(DIFF_OPS)}")
    return out


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """How one article rendered a quotation of a group: ``variant`` is ``verbatim``,
    ``trimmed`` (a sub-span of the fullest rendering) or ``altered``; ``diff`` is the
    character-level difference from the group's reference text as ``(op, text)`` pairs
    (``=`` kept, ``-`` removed, ``+`` inserted), empty when verbatim. ``speaker`` and
    ``cue`` are the name and reporting words this article used."""

    quote: str
    article: str
    variant: str
    speaker: str | None = None
    cue: str | None = None
    diff: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if self.variant not in QUOTE_VARIANTS:
            raise ValueError(f"unknown quote variant {self.variant!r}; expected one of {', '.join(QUOTE_VARIANTS)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "article": self.article,
            "variant": self.variant,
            "speaker": self.speaker,
            "cue": self.cue,
            "diff": _diff_dict(self.diff),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuoteVariant:
        return cls(d["quote"], d["article"], d["variant"], d.get("speaker"), d.get("cue"), _diff_from(d.get("diff")))


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """The same quotation reported by several articles: ``reference`` is the quote whose text
    the others are compared with (the fullest), ``variants`` one per article that carries it."""

    id: str
    reference: str
    variants: tuple[QuoteVariant, ...]
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "speaker": self.speaker,
            "variants": [v.to_dict() for v in self.variants],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuoteGroup:
        return cls(
            d["id"], d["reference"], tuple(QuoteVariant.from_dict(v) for v in d.get("variants") or ()), d.get("speaker")
        )


@dataclass(frozen=True, slots=True)
class EntityMention(_Located):
    """Words of one article that name an entity ("Jens Stoltenberg", "the NATO chief")."""

    article: str
    span: Span
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, **self.span.to_dict(), "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EntityMention:
        return cls(d["article"], Span.from_dict(d), d["text"])


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place across the compared articles: its canonical name,
    its kind (``person``, ``org``, ``place``, or None when unknown) and every mention."""

    id: str
    name: str
    kind: str | None = None
    mentions: tuple[EntityMention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "mentions": [m.to_dict() for m in self.mentions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            d["id"], d["name"], d.get("kind"), tuple(EntityMention.from_dict(m) for m in d.get("mentions") or ())
        )


@dataclass(frozen=True, slots=True)
class FramingMark(_Located):
    """Words of one article that frame what it reports.

    ``type`` is one of :data:`FRAMING_TYPES`; ``lexicon`` names the versioned word list (or
    method) that found it; ``entity`` or ``fact`` is the id of what it attaches to, when
    known; ``quoted`` is True when the words stand inside a quotation (then they are the
    speaker's, not the outlet's); ``note`` carries what the type needs (for ``naming``, the
    canonical name).
    """

    id: str
    article: str
    span: Span
    text: str
    type: str
    lexicon: str | None = None
    entity: str | None = None
    fact: str | None = None
    quoted: bool = False
    note: str | None = None

    def __post_init__(self) -> None:
        if self.type not in FRAMING_TYPES:
            raise ValueError(f"unknown framing type {self.type!r}; expected one of {', '.join(FRAMING_TYPES)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article": self.article,
            **self.span.to_dict(),
            "text": self.text,
            "type": self.type,
            "lexicon": self.lexicon,
            "entity": self.entity,
            "fact": self.fact,
            "quoted": self.quoted,
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FramingMark:
        return cls(
            d["id"],
            d["article"],
            Span.from_dict(d),
            d["text"],
            d["type"],
            d.get("lexicon"),
            d.get("entity"),
            d.get("fact"),
            bool(d.get("quoted", False)),
            d.get("note"),
        )


@dataclass(frozen=True, slots=True)
class WordEdit:
    """One difference between two articles' sentences of a fact: the words ``before`` in
    article ``a`` became the words ``after`` in article ``b`` (either side may be None: an
    insertion or a deletion). ``marks`` are the ids of the framing marks it carries."""

    a: str
    b: str
    before: Span | None
    after: Span | None
    before_text: str = ""
    after_text: str = ""
    marks: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "before": _span_dict(self.before),
            "after": _span_dict(self.after),
            "before_text": self.before_text,
            "after_text": self.after_text,
            "marks": list(self.marks),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> WordEdit:
        return cls(
            d["a"],
            d["b"],
            _span_or_none(d.get("before")),
            _span_or_none(d.get("after")),
            d.get("before_text", ""),
            d.get("after_text", ""),
            tuple(d.get("marks") or ()),
        )


@dataclass(frozen=True, slots=True)
class FramingContrast:
    """How the articles that share a fact word it differently: the word-level edits between
    their sentences (``fact`` is a fact id, or ``headline`` for the headlines)."""

    fact: str
    edits: tuple[WordEdit, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"fact": self.fact, "edits": [e.to_dict() for e in self.edits]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FramingContrast:
        return cls(d["fact"], tuple(WordEdit.from_dict(e) for e in d.get("edits") or ()))


@dataclass(frozen=True, slots=True)
class OutletNaming:
    """How one outlet names an entity: each form (as first written there) and how often,
    the most used first."""

    outlet: str
    forms: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "forms": [{"form": f, "count": n} for f, n in self.forms]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OutletNaming:
        return cls(d["outlet"], tuple((f["form"], int(f["count"])) for f in d.get("forms") or ()))


@dataclass(frozen=True, slots=True)
class Naming:
    """One row of the naming table: an entity two or more articles mention, and what each
    outlet that mentions it calls it."""

    entity: str
    name: str
    kind: str | None
    outlets: tuple[OutletNaming, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "name": self.name,
            "kind": self.kind,
            "outlets": [o.to_dict() for o in self.outlets],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Naming:
        return cls(
            d["entity"], d["name"], d.get("kind"), tuple(OutletNaming.from_dict(o) for o in d.get("outlets") or ())
        )


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """How one article tells the story, against the others: its words, its own-voice framing
    marks per 1,000 words by type (marks inside quotations left out), how many of the story's
    shared facts it carries, its quotations and whose, and the facts most other articles carry
    that it leaves out (omission is framing too)."""

    article: str
    outlet: str
    words: int
    marks_per_1000: tuple[tuple[str, float], ...]
    shared_carried: int
    shared_total: int
    quotes: int
    speakers: tuple[tuple[str, int], ...] = ()
    omitted: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "outlet": self.outlet,
            "words": self.words,
            "marks_per_1000": dict(self.marks_per_1000),
            "shared_facts": {"carried": self.shared_carried, "of": self.shared_total},
            "quotes": self.quotes,
            "speakers": [{"speaker": s, "quotes": n} for s, n in self.speakers],
            "omitted": list(self.omitted),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> OutletProfile:
        shared = d.get("shared_facts") or {}
        return cls(
            d["article"],
            d["outlet"],
            int(d["words"]),
            tuple((k, float(v)) for k, v in (d.get("marks_per_1000") or {}).items()),
            int(shared.get("carried", 0)),
            int(shared.get("of", 0)),
            int(d.get("quotes", 0)),
            tuple((s["speaker"], int(s["quotes"])) for s in d.get("speakers") or ()),
            tuple(d.get("omitted") or ()),
        )


@dataclass(frozen=True, slots=True)
class Comparison:
    """One story, two or more articles, side by side."""

    articles: tuple[Article, ...]
    facts: tuple[Fact, ...]
    reuse: tuple[Reuse, ...]
    quantities: tuple[Quantity, ...] = ()
    conflicts: tuple[NumberConflict, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quote_groups: tuple[QuoteGroup, ...] = ()
    entities: tuple[Entity, ...] = ()
    framing: tuple[FramingMark, ...] = ()
    contrasts: tuple[FramingContrast, ...] = ()
    related: tuple[RelatedLink, ...] = ()
    warnings: tuple[str, ...] = ()
    algorithms: dict[str, str] = field(default_factory=dict)
    naming: tuple[Naming, ...] = ()
    profiles: tuple[OutletProfile, ...] = ()
    #: framing marks of the headlines, spans into ``Article.title`` (ids ``h1``...)
    headline_framing: tuple[FramingMark, ...] = ()

    @property
    def singles(self) -> tuple[SingleSentence, ...]:
        """Each sentence only one outlet reports, as only here or related elsewhere, in fact
        order (derived from ``facts`` and ``related``: :func:`newsprism.singles.single_sentences`)."""
        from .singles import single_sentences

        return single_sentences(self.facts, self.related, self.articles)

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
            "related": [r.to_dict() for r in self.related],
            "singles": [x.to_dict() for x in self.singles],
            "quotes": [q.to_dict() for q in self.quotes],
            "quote_groups": [g.to_dict() for g in self.quote_groups],
            "entities": [e.to_dict() for e in self.entities],
            "framing": [m.to_dict() for m in self.framing],
            "headline_framing": [m.to_dict() for m in self.headline_framing],
            "framing_contrasts": [c.to_dict() for c in self.contrasts],
            "naming": [n.to_dict() for n in self.naming],
            "profiles": [p.to_dict() for p in self.profiles],
            "reuse": [r.to_dict() for r in self.reuse],
            "numbers": {
                "quantities": [q.to_dict() for q in self.quantities],
                "conflicts": [c.to_dict() for c in self.conflicts],
            },
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Comparison:
        """Read back what :meth:`to_dict` wrote; raises ``ValueError`` for another schema.
        ``singles`` is derived from the facts and related links, so it is not read."""
        if d.get("schema") != SCHEMA_COMPARISON:
            raise ValueError(f"not a comparison of schema {SCHEMA_COMPARISON} (schema {d.get('schema')!r})")
        numbers = d.get("numbers") or {}
        return cls(
            articles=tuple(Article.from_dict(a) for a in d.get("articles") or ()),
            facts=tuple(Fact.from_dict(f) for f in d.get("facts") or ()),
            reuse=tuple(Reuse.from_dict(r) for r in d.get("reuse") or ()),
            quantities=tuple(Quantity.from_dict(q) for q in numbers.get("quantities") or ()),
            conflicts=tuple(NumberConflict.from_dict(c) for c in numbers.get("conflicts") or ()),
            quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
            quote_groups=tuple(QuoteGroup.from_dict(g) for g in d.get("quote_groups") or ()),
            entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
            framing=tuple(FramingMark.from_dict(m) for m in d.get("framing") or ()),
            headline_framing=tuple(FramingMark.from_dict(m) for m in d.get("headline_framing") or ()),
            contrasts=tuple(FramingContrast.from_dict(c) for c in d.get("framing_contrasts") or ()),
            related=tuple(RelatedLink.from_dict(r) for r in d.get("related") or ()),
            naming=tuple(Naming.from_dict(n) for n in d.get("naming") or ()),
            profiles=tuple(OutletProfile.from_dict(p) for p in d.get("profiles") or ()),
            warnings=tuple(d.get("warnings") or ()),
            algorithms=dict(d.get("algorithms") or {}),
        )
