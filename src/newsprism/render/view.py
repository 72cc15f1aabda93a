"""One neutral view of a :class:`~newsprism.model.Comparison`, which every renderer lays out.

:func:`build_view` turns a comparison into plain, frozen, typed data, one record per section
in reading order: summary counts, the articles, the reuse matrix, figures that disagree,
shared facts (widest first), related-but-not-same sentences, quotations by group, framing
marks, what only one outlet reports, page furniture removed, warnings. The choices of what
to show and in what order are made here once; the text, Markdown and HTML renderers only lay
the view out, and never compute a finding.

The view holds *no markup*: every string in it is data as the article gave it (line breaks
turned into spaces and control characters dropped, so each field is one printable line).
Each renderer escapes it at its own boundary: rich ``Text`` objects for the terminal,
backslash escapes and HTML entities for Markdown, autoescaping for HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import RELATED_ELSEWHERE, Article, Comparison, Fact, FramingMark, NumberConflict, SingleSentence
from ..text import plural as _plural

# Line breaks (including Unicode's) become spaces; other control characters (terminal escape
# sequences, NUL, DEL, C1) are dropped: a field of the view is one printable line.
_BREAKS = re.compile(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def one_line(text: str | None) -> str:
    """``text`` as one printable line: line breaks and tabs become spaces, control
    characters are dropped, surrounding whitespace is stripped. None becomes ``""``."""
    if not text:
        return ""
    return _CONTROLS.sub("", _BREAKS.sub(" ", text).replace("\t", " ")).strip()


_SPACES = re.compile(r"\s+")


def one_piece(text: str) -> str:
    """A piece of a line (a diff's run of characters): breaks and tabs become spaces, control
    characters are dropped, and the spaces at its ends are kept (they separate it from the next)."""
    return _CONTROLS.sub("", _BREAKS.sub(" ", text).replace("\t", " "))


plural = _plural  # re-exported: renderers name counts through the view


@dataclass(frozen=True, slots=True)
class Summary:
    """How many articles and facts, and how many facts all, some or one outlet report:
    ``by_one`` counts the facts only one outlet reports and no other outlet has a related
    sentence to (only here), ``by_one_related`` those one outlet reports with related
    sentences elsewhere (:mod:`newsprism.singles`)."""

    articles: int
    facts: int
    by_all: int
    by_some: int
    by_one: int
    by_one_related: int = 0


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One compared article. ``label`` is how the other sections name it (its outlet, else
    its id; the id added in brackets when two articles have the same outlet); ``outlet``,
    ``credit`` (the news agencies whose copy it says it carries) and ``headline`` are empty
    when unknown."""

    id: str
    label: str
    outlet: str
    headline: str
    url: str
    published: str
    sentences: int
    removed: int
    credit: str = ""
    #: the headline cut at its framing marks (``Comparison.headline_framing``), when it has any
    headline_marked: tuple[Segment, ...] = ()


@dataclass(frozen=True, slots=True)
class ReuseRow:
    """One article (row) of the reuse matrix: the share of it found in each article
    (columns, in the order of :attr:`ReuseMatrix.labels`), None on the diagonal."""

    article: str
    label: str
    shares: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class ReuseMatrix:
    labels: tuple[str, ...]
    rows: tuple[ReuseRow, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    """How one article gives a disputed figure: its label and the words it uses."""

    article: str
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class FigureConflict:
    """Figures of one fact that disagree. ``what`` says what is counted
    (``count of people``, ``money``, ...)."""

    fact: str
    what: str
    figures: tuple[Figure, ...]
    #: why the figures count the same thing (the counted noun they share, the event they date)
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """One sentence of one article, as shown in a section."""

    article: str
    label: str
    sentence: int
    text: str


#: A fact whose weakest link scores under this is shown as weak. Measured on independently
#: written reporting (BASIL held out, judged by JUDGING.md, tests/gold/judged): links under 0.5
#: carried the same information in 27% of judged pairs, links of 0.5 and more in 89%.
WEAK_LINK = 0.5


@dataclass(frozen=True, slots=True)
class WordChange:
    """Words of one article's sentence that another article's sentence of the same fact has
    otherwise: ``before`` in ``a`` became ``after`` in ``b`` (either may be empty); ``kinds``
    are the framing types the changed words carry ("attribution", "hedge"...)."""

    a: str
    b: str
    before: str
    after: str
    kinds: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``said → claimed [attribution]``, with ∅ for nothing."""
        kinds = f" [{', '.join(self.kinds)}]" if self.kinds else ""
        return f"{self.before or '∅'} → {self.after or '∅'}{kinds}"


#: an edit of more words than this on both sides is a rewrite, not shown as a change
CHANGE_WORDS = 4


@dataclass(frozen=True, slots=True)
class SharedFact:
    """A fact two or more articles report. ``outlets`` is how many, of ``total``; ``score`` is
    its weakest link."""

    id: str
    outlets: int
    total: int
    sentences: tuple[SentenceRef, ...]
    score: float = 1.0
    #: the words that differ between the articles' sentences (short edits and edits that carry
    #: framing; a rewritten clause is left to the sentences themselves)
    changes: tuple[WordChange, ...] = ()

    @property
    def weak(self) -> bool:
        """Whether the fact is held by a link under :data:`WEAK_LINK` (read it as a candidate)."""
        return round(self.score, 2) < WEAK_LINK  # judged as shown: "0.50" is not weak

    @property
    def strength(self) -> str:
        """``link 0.72``, or ``weak link 0.38: may not be the same claim``."""
        return f"weak link {self.score:.2f}: may not be the same claim" if self.weak else f"link {self.score:.2f}"

    @property
    def coverage(self) -> str:
        """``all 4 outlets`` or ``2 of 4 outlets``."""
        return f"all {self.total} outlets" if self.outlets == self.total else f"{self.outlets} of {self.total} outlets"


@dataclass(frozen=True, slots=True)
class Related:
    """Two sentences that are about the same thing without carrying the same claim."""

    a: SentenceRef
    b: SentenceRef
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class QuoteRendering:
    """How one article gives a quotation: ``variant`` is ``verbatim``, ``trimmed`` or
    ``altered`` (the badge); ``text`` the words as this article has them (empty when unknown),
    ``speaker`` and ``cue`` the name and reporting words it used."""

    article: str
    label: str
    variant: str
    text: str
    speaker: str
    cue: str
    #: for ``altered``: the character difference from the reference, ``(op, text)`` pairs
    #: (``=`` kept, ``-`` left out, ``+`` this article's own)
    diff: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class SingleQuote:
    """A quotation only one article carries."""

    speaker: str
    cue: str
    text: str


@dataclass(frozen=True, slots=True)
class QuotedOnlyIn:
    """The quotations only one article carries, in its order."""

    article: str
    label: str
    quotes: tuple[SingleQuote, ...]


@dataclass(frozen=True, slots=True)
class QuoteSection:
    """A quotation several articles carry: the reference wording and each article's variant."""

    id: str
    speaker: str
    text: str
    variants: tuple[QuoteRendering, ...]


@dataclass(frozen=True, slots=True)
class FramingLine:
    """A framing mark: the words of one article and what kind of framing they are.
    ``quoted`` is True when the words are a speaker's, inside a quotation."""

    article: str
    label: str
    type: str
    text: str
    quoted: bool
    note: str
    fact: str


@dataclass(frozen=True, slots=True)
class NamingLine:
    """An entity two or more outlets name, and each outlet's forms: ``("Daily Post", "DPRK ×2,
    North Korea")``."""

    name: str
    outlets: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ProfileLine:
    """One outlet's profile for the story, ready to print."""

    label: str
    words: int
    marks: str
    shared: str
    quotes: str
    omitted: int


@dataclass(frozen=True, slots=True)
class RelatedRef:
    """A sentence of another article related to a single-outlet sentence: ``fact`` is the
    fact it belongs to (None for a sentence in no fact, as a standfirst: no fact to link to),
    ``score`` the related link's similarity."""

    sentence: SentenceRef
    fact: str | None
    score: float


@dataclass(frozen=True, slots=True)
class RelatedSingle:
    """A sentence one article reports that other articles have related sentences to
    (``related_elsewhere``): not the same claim by the alignment, but often the same
    information told inside another claim. ``related`` best first."""

    fact: str
    sentence: SentenceRef
    related: tuple[RelatedRef, ...]


@dataclass(frozen=True, slots=True)
class OnlyIn:
    """What one article reports alone: ``sentences`` no other article has a related sentence
    to (only here), then ``related`` those with related sentences elsewhere, each in story
    order."""

    article: str
    label: str
    sentences: tuple[SentenceRef, ...]
    related: tuple[RelatedSingle, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line of page furniture the cleaner dropped, with its reason."""

    article: str
    label: str
    reason: str
    line: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a sentence: ``kind`` is empty for words every article of the fact has alike,
    else ``change`` or the framing types the differing words carry (``attribution hedge``)."""

    text: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Cell:
    """One article's sentence of a fact, cut into segments so the differing words can be marked."""

    sentence: int
    text: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class FactRow:
    """A row of the fact table: one fact, one cell per article (in :attr:`ComparisonView.articles`
    order), None where the article does not report it."""

    id: str
    outlets: int
    total: int
    score: float
    cells: tuple[Cell | None, ...]
    #: for a fact one outlet reports: the related sentences of other outlets (their fact,
    #: label and score, best first); empty when it is only here
    related: tuple[RelatedRef, ...] = ()

    @property
    def coverage(self) -> str:
        if self.outlets == 1:
            return "1 outlet, related elsewhere" if self.related else "1 outlet only"
        return f"all {self.total} outlets" if self.outlets == self.total else f"{self.outlets} of {self.total} outlets"

    @property
    def weak(self) -> bool:
        return self.outlets > 1 and round(self.score, 2) < WEAK_LINK


@dataclass(frozen=True, slots=True)
class Passage:
    """Words of ``article`` found verbatim or nearly in ``source`` (its share of the article)."""

    article: str
    label: str
    source: str
    source_label: str
    share: float
    passages: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProfileBar:
    """One outlet's numbers for the profile chart: own-voice framing marks per 1,000 words by
    type, the share of the story's shared facts it carries, the largest share of it found in one
    other article."""

    label: str
    marks: tuple[tuple[str, float], ...]
    shared: float
    reuse: float


@dataclass(frozen=True, slots=True)
class DigestLine:
    """A sentence of the neutral digest, the fact row it words, and the labels of the articles
    that report it."""

    fact: str
    label: str
    text: str
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DigestOnly:
    """What the digest lists for one outlet: ``facts`` only it reports (no related sentence
    elsewhere) and the first of them; ``related_facts`` it reports alone with related
    sentences elsewhere, and the first of those."""

    label: str
    facts: int
    sentences: tuple[tuple[str, str], ...]  # (fact id, text)
    related_facts: int = 0
    related: tuple[tuple[str, str], ...] = ()  # (fact id, text)


@dataclass(frozen=True, slots=True)
class DigestMissing:
    label: str
    facts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DigestView:
    """The neutral digest (:mod:`newsprism.digest`) with articles named by their labels."""

    method: str
    lines: tuple[DigestLine, ...]
    only_by: tuple[DigestOnly, ...]
    not_by: tuple[DigestMissing, ...]


#: an article with this share or more of its words found in another is a republication of it,
#: not an independent origin (the report's credits section; grouping has its own, fuller rule)
REPUBLISHED = 0.5


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent origin of the story: the articles that carry one text (an article and
    its republications), and the agencies they credit."""

    labels: tuple[str, ...]
    credits: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """Every section of a comparison, in reading order; an empty section is not shown."""

    summary: Summary
    articles: tuple[ArticleRow, ...]
    reuse: ReuseMatrix | None
    conflicts: tuple[FigureConflict, ...]
    shared: tuple[SharedFact, ...]
    related: tuple[Related, ...]
    quotes: tuple[QuoteSection, ...]
    quoted_only_in: tuple[QuotedOnlyIn, ...]
    framing: tuple[FramingLine, ...]
    naming: tuple[NamingLine, ...]
    profiles: tuple[ProfileLine, ...]
    only_in: tuple[OnlyIn, ...]
    removed: tuple[RemovedLine, ...]
    warnings: tuple[str, ...]
    #: the neutral digest; None for a comparison of nothing
    digest: DigestView | None = None
    #: every fact, widest first, one cell per article (the HTML report's table)
    rows: tuple[FactRow, ...] = ()
    #: the passages each article shares with another
    passages: tuple[Passage, ...] = ()
    #: the numbers of the per-outlet profile chart
    chart: tuple[ProfileBar, ...] = ()
    #: independent origins: articles joined when one republishes the other (:data:`REPUBLISHED`)
    origins: tuple[Origin, ...] = ()


def build_view(comparison: Comparison) -> ComparisonView:
    """The neutral view of ``comparison``: what every renderer shows, in reading order."""
    arts = comparison.articles
    by_id = {a.id: a for a in arts}
    label = _labels(arts)
    changes = _changes(comparison, label)
    singles = comparison.singles

    def ref(article: str, index: int) -> SentenceRef:
        a = by_id[article]
        text = a.sentences[index].text if 0 <= index < len(a.sentences) else ""
        return SentenceRef(article, label.get(article, one_line(article)), index, one_line(text))

    return ComparisonView(
        summary=_summary(comparison, singles),
        articles=tuple(_article_row(a, label[a.id], comparison.headline_framing) for a in arts),
        reuse=_reuse(comparison, label),
        conflicts=tuple(_conflict(c, label) for c in comparison.conflicts),
        shared=tuple(
            SharedFact(
                f.id,
                len(f.members),
                len(arts),
                tuple(ref(m.article, m.sentence) for m in f.members),
                f.score,
                changes.get(f.id, ()),
            )
            for f in _shared_facts(comparison.facts)
        ),
        related=tuple(
            Related(ref(r.a.article, r.a.sentence), ref(r.b.article, r.b.sentence), r.score, one_line(r.reason))
            for r in comparison.related
        ),
        quotes=_quotes(comparison, label),
        quoted_only_in=_quoted_only_in(comparison, label),
        naming=_naming(comparison),
        profiles=_profiles(comparison, label),
        framing=tuple(
            FramingLine(
                m.article,
                label.get(m.article, one_line(m.article)) + ("" if head else ", headline"),
                m.type,
                one_line(m.text),
                m.quoted,
                one_line(m.note),
                m.fact or ("headline" if not head else ""),
            )
            for head, m in sorted(
                [(1, m) for m in comparison.framing] + [(0, m) for m in comparison.headline_framing],
                key=lambda x: (_order(arts, x[1].article), x[0], x[1].start, x[1].id),
            )
        ),
        only_in=_only_in(singles, arts, label, ref),
        removed=tuple(
            RemovedLine(a.id, label[a.id], one_line(why), one_line(line))
            for a in arts
            for line, why in zip(a.removed, a.removed_reasons, strict=True)
        ),
        warnings=tuple(one_line(w) for w in comparison.warnings),
        digest=_digest(comparison, label),
        rows=_rows(comparison, label, _related_refs(singles, ref)),
        passages=_passages(comparison, label),
        chart=_chart(comparison, label),
        origins=_origins(comparison, label),
    )


def _origins(comparison: Comparison, label: dict[str, str]) -> tuple[Origin, ...]:
    from .._unionfind import UnionFind

    ids = [a.id for a in comparison.articles]
    index = {a: i for i, a in enumerate(ids)}
    uf = UnionFind(len(ids))
    for r in comparison.reuse:
        if r.share >= REPUBLISHED and r.article in index and r.source in index:
            uf.union(index[r.article], index[r.source])
    groups: dict[int, list[str]] = {}
    for a in ids:
        groups.setdefault(uf.find(index[a]), []).append(a)
    credit = {a.id: one_line(a.credit) for a in comparison.articles}
    return tuple(
        Origin(tuple(label[a] for a in members), tuple(dict.fromkeys(credit[a] for a in members if credit[a])))
        for members in groups.values()
    )


def _digest(comparison: Comparison, label: dict[str, str]) -> DigestView | None:
    from ..digest import digest

    if not comparison.articles:
        return None
    d = digest(comparison)

    def name(article: str) -> str:
        return label.get(article, one_line(article))

    return DigestView(
        d.method,
        tuple(
            DigestLine(s.fact, name(s.article), one_line(s.text), tuple(name(a) for a in s.outlets))
            for s in d.sentences
        ),
        tuple(
            DigestOnly(
                name(o.article),
                o.facts,
                tuple((f, one_line(t)) for f, _, t in o.sentences),
                o.related_facts,
                tuple((f, one_line(t)) for f, _, t in o.related),
            )
            for o in d.only_by
        ),
        tuple(DigestMissing(name(n.article), n.facts) for n in d.not_by),
    )


def _highlights(comparison: Comparison) -> dict[str, list[tuple[int, int, str]]]:
    """Per article, the character ranges of the word changes the view shows (those that carry
    framing and short ones, as :func:`_changes` picks them), with their kind."""
    kind_of = {m.id: m.type for m in comparison.framing}
    out: dict[str, list[tuple[int, int, str]]] = {}
    for c in comparison.contrasts:
        if c.fact == "headline":
            continue
        for e in c.edits:
            kinds = tuple(dict.fromkeys(kind_of[k] for k in e.marks if k in kind_of))
            if not kinds and max(len(e.before_text.split()), len(e.after_text.split())) > CHANGE_WORDS:
                continue
            kind = " ".join(kinds) or "change"
            for article, span in ((e.a, e.before), (e.b, e.after)):
                if span is not None and span.end > span.start:
                    out.setdefault(article, []).append((span.start, span.end, kind))
    return out


def _segments(text: str, start: int, end: int, marks: list[tuple[int, int, str]]) -> tuple[Segment, ...]:
    """The sentence ``text[start:end]`` cut at the marked ranges inside it (framing kinds win
    over a plain change where ranges overlap)."""
    kinds: list[str] = [""] * (end - start)
    for s, e, kind in marks:
        for i in range(max(s, start), min(e, end)):
            old = kinds[i - start]
            if not old or old == "change":
                kinds[i - start] = kind
    out: list[Segment] = []
    i = 0
    while i < len(kinds):
        j = i
        while j < len(kinds) and kinds[j] == kinds[i]:
            j += 1
        piece = one_piece(text[start + i : start + j])
        if piece:
            out.append(Segment(piece, kinds[i]))
        i = j
    return tuple(out)


def _rows(
    comparison: Comparison, label: dict[str, str], related: dict[str, tuple[RelatedRef, ...]]
) -> tuple[FactRow, ...]:
    arts = comparison.articles
    marks = _highlights(comparison)
    facts = sorted((f for f in comparison.facts if f.members), key=lambda f: (-len(f.members), _fact_number(f), f.id))
    rows = []
    for f in facts:
        members = {m.article: m.sentence for m in f.members}
        cells: list[Cell | None] = []
        for a in arts:
            index = members.get(a.id)
            if index is None or not 0 <= index < len(a.sentences):
                cells.append(None)
                continue
            s = a.sentences[index]
            own = marks.get(a.id, []) if len(f.members) > 1 else []
            cells.append(Cell(index, one_line(s.text), _segments(a.text, s.span.start, s.span.end, own)))
        rows.append(FactRow(f.id, len(f.members), len(arts), f.score, tuple(cells), related.get(f.id, ())))
    return tuple(rows)


def _passages(comparison: Comparison, label: dict[str, str]) -> tuple[Passage, ...]:
    by_id = {a.id: a for a in comparison.articles}
    out = []
    for r in comparison.reuse:
        article = by_id.get(r.article)
        if article is None or not r.spans or r.share <= 0:
            continue
        texts = tuple(t for s in r.spans if (t := one_line(article.text[s.start : s.end])))
        if texts:
            out.append(
                Passage(
                    r.article,
                    label.get(r.article, one_line(r.article)),
                    r.source,
                    label.get(r.source, one_line(r.source)),
                    r.share,
                    texts,
                )
            )
    return tuple(out)


def _chart(comparison: Comparison, label: dict[str, str]) -> tuple[ProfileBar, ...]:
    reuse: dict[str, float] = {}
    for r in comparison.reuse:
        reuse[r.article] = max(reuse.get(r.article, 0.0), r.share)
    return tuple(
        ProfileBar(
            label.get(p.article, one_line(p.outlet)),
            tuple((one_line(t), v) for t, v in p.marks_per_1000),
            p.shared_carried / p.shared_total if p.shared_total else 0.0,
            reuse.get(p.article, 0.0),
        )
        for p in comparison.profiles
    )


def _order(arts: tuple[Article, ...], article: str) -> int:
    return next((i for i, a in enumerate(arts) if a.id == article), len(arts))


def _summary(comparison: Comparison, singles: tuple[SingleSentence, ...]) -> Summary:
    counts = {"all": 0, "some": 0, "one": 0}
    for f in comparison.facts:
        counts[f.coverage] = counts.get(f.coverage, 0) + 1
    related = sum(1 for x in singles if x.kind == RELATED_ELSEWHERE)
    return Summary(
        len(comparison.articles),
        len(comparison.facts),
        counts["all"],
        counts["some"],
        counts["one"] - related,
        related,
    )


def _labels(arts: tuple[Article, ...]) -> dict[str, str]:
    """How each article is named: its label, with its id in brackets when another article
    has the same label (two files of one outlet, two copies of one agency's story)."""
    plain = {a.id: one_line(a.label) for a in arts}
    seen: dict[str, int] = {}
    for name in plain.values():
        seen[name] = seen.get(name, 0) + 1
    return {
        aid: name if seen[name] == 1 or name == one_line(aid) else f"{name} [{one_line(aid)}]"
        for aid, name in plain.items()
    }


def _article_row(a: Article, label: str, headline_marks: Sequence[FramingMark] = ()) -> ArticleRow:
    marks = [(m.start, m.end, m.type) for m in headline_marks if m.article == a.id]
    title = a.title or ""
    return ArticleRow(
        id=one_line(a.id),
        label=label,
        outlet=one_line(a.outlet),
        headline=one_line(a.title),
        url=one_line(a.url),
        published=one_line(a.published),
        sentences=len(a.sentences),
        removed=len(a.removed),
        credit=one_line(a.credit),
        headline_marked=_segments(title, 0, len(title), marks) if marks else (),
    )


def _reuse(comparison: Comparison, label: dict[str, str]) -> ReuseMatrix | None:
    if not comparison.reuse:
        return None
    arts = comparison.articles
    shares = {(r.article, r.source): r.share for r in comparison.reuse}
    rows = tuple(
        ReuseRow(a.id, label[a.id], tuple(None if a.id == b.id else shares.get((a.id, b.id), 0.0) for b in arts))
        for a in arts
    )
    return ReuseMatrix(tuple(label[a.id] for a in arts), rows)


def _conflict(c: NumberConflict, label: dict[str, str]) -> FigureConflict:
    unit = next((q.unit for q in c.quantities if q.unit), c.unit)
    what = c.kind + (f" of {unit}" if unit and c.kind == "count" else "")
    figures = tuple(
        Figure(q.article, label.get(q.article, one_line(q.article)), one_line(q.text)) for q in c.quantities
    )
    return FigureConflict(c.fact, one_line(what), figures, one_line(c.reason))


def _fact_number(fact: Fact) -> int:
    digits = fact.id[1:]
    return int(digits) if digits.isdigit() else 0


def _shared_facts(facts: tuple[Fact, ...]) -> list[Fact]:
    """Facts reported by two or more articles, the widest first, then in story order."""
    multi = [f for f in facts if len(f.members) > 1]
    return sorted(multi, key=lambda f: (-len(f.members), _fact_number(f), f.id))


def _related_refs(
    singles: tuple[SingleSentence, ...], ref: Callable[[str, int], SentenceRef]
) -> dict[str, tuple[RelatedRef, ...]]:
    """Per single-outlet fact related elsewhere, its related sentences as the view shows them."""
    return {
        x.fact: tuple(RelatedRef(ref(r.article, r.sentence), r.fact, r.score) for r in x.related)
        for x in singles
        if x.kind == RELATED_ELSEWHERE
    }


def _only_in(
    singles: tuple[SingleSentence, ...],
    arts: tuple[Article, ...],
    label: dict[str, str],
    ref: Callable[[str, int], SentenceRef],
) -> tuple[OnlyIn, ...]:
    """Per article, in story order, its sentences only here and those related elsewhere."""
    related = _related_refs(singles, ref)
    out = []
    for a in arts:
        own = sorted((x for x in singles if x.article == a.id), key=lambda x: (x.sentence, x.fact))
        if not own:
            continue
        out.append(
            OnlyIn(
                a.id,
                label[a.id],
                tuple(ref(a.id, x.sentence) for x in own if x.kind != RELATED_ELSEWHERE),
                tuple(
                    RelatedSingle(x.fact, ref(a.id, x.sentence), related[x.fact])
                    for x in own
                    if x.kind == RELATED_ELSEWHERE
                ),
            )
        )
    return tuple(out)


def _quotes(comparison: Comparison, label: dict[str, str]) -> tuple[QuoteSection, ...]:
    quotes = {q.id: q for q in comparison.quotes}
    by_article = {(q.group, q.article): q for q in comparison.quotes if q.group}
    out = []
    for g in comparison.quote_groups:
        reference = quotes.get(g.reference)
        variants = []
        for v in g.variants:
            own = quotes.get(v.quote) or by_article.get((g.id, v.article))
            variants.append(
                QuoteRendering(
                    v.article,
                    label.get(v.article, one_line(v.article)),
                    v.variant,
                    one_line(own.text if own else ""),
                    one_line(v.speaker),
                    one_line(v.cue),
                    tuple((op, _SPACES.sub(" ", one_piece(s))) for op, s in v.diff),
                )
            )
        speaker = g.speaker or (reference.speaker if reference else None)
        out.append(
            QuoteSection(g.id, one_line(speaker), one_line(reference.text if reference else ""), tuple(variants))
        )
    return tuple(out)


def _changes(comparison: Comparison, label: dict[str, str]) -> dict[str, tuple[WordChange, ...]]:
    """Each fact's word changes worth showing: those that carry framing marks, and short ones."""
    kind_of = {m.id: m.type for m in comparison.framing}
    out: dict[str, tuple[WordChange, ...]] = {}
    for c in comparison.contrasts:
        rows = []
        for e in c.edits:
            kinds = tuple(dict.fromkeys(kind_of[k] for k in e.marks if k in kind_of))
            short = max(len(e.before_text.split()), len(e.after_text.split())) <= CHANGE_WORDS
            if kinds or short:
                rows.append(
                    WordChange(
                        label.get(e.a, one_line(e.a)),
                        label.get(e.b, one_line(e.b)),
                        one_line(e.before_text),
                        one_line(e.after_text),
                        kinds,
                    )
                )
        if rows:
            out[c.fact] = tuple(rows)
    return out


def _naming(comparison: Comparison) -> tuple[NamingLine, ...]:
    """Rows of the naming table where the outlets' forms differ."""
    out = []
    for n in comparison.naming:
        outlets = tuple(
            (one_line(o.outlet), ", ".join(one_line(f) + (f" ×{c}" if c > 1 else "") for f, c in o.forms))
            for o in n.outlets
        )
        if len({frozenset(f.lower() for f, _ in o.forms) for o in n.outlets}) > 1:
            out.append(NamingLine(one_line(n.name), outlets))
    return tuple(out)


def _profiles(comparison: Comparison, label: dict[str, str]) -> tuple[ProfileLine, ...]:
    out = []
    for p in comparison.profiles:
        marks = ", ".join(f"{t} {v:g}" for t, v in p.marks_per_1000 if v)
        speakers = ", ".join(f"{s} ×{n}" if n > 1 else s for s, n in p.speakers[:3])
        quotes = f"{p.quotes}" + (f" ({speakers})" if speakers else "")
        out.append(
            ProfileLine(
                label.get(p.article, one_line(p.outlet)),
                p.words,
                marks or "none",
                f"{p.shared_carried} of {p.shared_total}",
                quotes,
                len(p.omitted),
            )
        )
    return tuple(out)


def _quoted_only_in(comparison: Comparison, label: dict[str, str]) -> tuple[QuotedOnlyIn, ...]:
    by_id = {a.id: a for a in comparison.articles}
    out = []
    for a in comparison.articles:
        own = [q for q in comparison.quotes if q.article == a.id and q.group is None]
        if not own:
            continue
        rows = tuple(
            SingleQuote(one_line(q.speaker), one_line(q.cue.of(by_id[a.id].text) if q.cue else None), one_line(q.text))
            for q in own
        )
        out.append(QuotedOnlyIn(a.id, label[a.id], rows))
    return tuple(out)


__all__ = [
    "ArticleRow",
    "Cell",
    "ComparisonView",
    "DigestLine",
    "DigestMissing",
    "DigestOnly",
    "DigestView",
    "FactRow",
    "Figure",
    "FigureConflict",
    "FramingLine",
    "NamingLine",
    "OnlyIn",
    "Origin",
    "Passage",
    "ProfileBar",
    "ProfileLine",
    "QuoteRendering",
    "QuoteSection",
    "QuotedOnlyIn",
    "Related",
    "RelatedRef",
    "RelatedSingle",
    "RemovedLine",
    "ReuseMatrix",
    "ReuseRow",
    "Segment",
    "SentenceRef",
    "SharedFact",
    "SingleQuote",
    "Summary",
    "WordChange",
    "build_view",
    "one_line",
    "plural",
]
