"""Framing marks of a story's articles, and whose voice each one is.

:func:`story_marks` gathers, for every article of a story, the words that frame what it
reports (types of :data:`newsprism.model.FRAMING_TYPES`):

- ``attribution``, ``hedge``, ``loaded``: the word lists of :mod:`newsprism.framing_lexicon`
  (judging reporting verbs read in context, hedges, loaded words); a loaded verb of saying
  that introduces a quotation ("fumed", "lectured" as the quotation's cue) is an
  ``attribution``: it is how the outlet reports the statement;
- ``scare_quote``: quoted words that are no quotation (:mod:`newsprism.quotes`);
- ``naming``: names chosen for an entity where outlets differ, when the caller passes them
  (:mod:`newsprism.entities`).

:func:`corpus_marks` gives the marks the corpus stores of each article at ingest: the same
framing marks, and a ``naming`` mark for every name of the alias table the article uses (a
corpus has no story to compare names within; ``newsprism outlets`` counts them per outlet).

Every mark says whether it stands inside a quotation (``quoted``): then the words are the
speaker's, not the outlet's, and :func:`own_voice` leaves them out of the outlet's counts. A
mark is attached to the fact of its sentence (``fact``) once the facts are known
(:func:`attach_facts`).

``framing.v2`` (v1, and a loaded word inside a longer naming mark kept as well: "regime" in
"the Brazzaville regime"). Limits: those of the word lists (no parser: a form's part of speech is not
checked) and of quotation finding; a hedge the writer puts in a speaker's mouth outside the
marks ("she allegedly said") is the outlet's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache

from . import lexicons
from .framing_lexicon import FRAMING_LEXICON_VERSION, entry, lexicon_marks
from .model import FRAMING_TYPES, Article, Fact, FramingMark, OutletProfile, Quote, Span
from .names import reporting_cues
from .quotes import QUOTES_VERSION, QuotedTerm
from .text import word_list

FRAMING_VERSION = "framing.v2"
#: the version of one article's marks (:func:`article_marks`), which the corpus stores: v2
#: changed only how a story's naming marks merge with them (:func:`story_marks`)
ARTICLE_MARKS_VERSION = "framing.v1"


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of the sorted, non-overlapping ``spans``."""
    k = bisect_right(starts, start) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


_REPORTING = re.compile(r"[A-Za-z]+(?: (?:to|out))?")


def _reported(text: str, sentence_starts: list[int], start: int) -> bool:
    """Whether ``start`` stands in reported speech: after a reporting verb earlier in its
    sentence ("argued that the plan was a ploy", "accused him of demonizing"). A loaded word
    there is most often the speaker's, paraphrased (judged on real reporting: 7 of 20 loaded
    marks sampled on BASIL were)."""
    k = bisect_right(sentence_starts, start) - 1
    lo = sentence_starts[k] if k >= 0 else 0
    cues = reporting_cues()
    return any(m.group().lower() in cues for m in _REPORTING.finditer(text, lo, start))


def article_marks(
    article: Article, quotes: Iterable[Quote] = (), terms: Iterable[QuotedTerm] = ()
) -> list[FramingMark]:
    """The framing marks of one article (ids left empty; :func:`story_marks` numbers them), in
    text order. ``quotes`` and ``terms`` are the article's quotations and quoted terms."""
    text = article.text
    own = [q for q in quotes if q.article == article.id]
    spans = sorted((q.start, q.end) for q in own)
    starts = [s for s, _ in spans]
    cues = {(q.cue.start, q.cue.end) for q in own if q.cue is not None}
    sentence_starts = [s.start for s in article.sentences] or [0]
    out: list[FramingMark] = []
    for start, end, kind, version in lexicon_marks(text):
        note = None
        if kind == "loaded":
            row = entry(text, (start, end, kind, version))
            if row.get("kind") == "saying" and any(cs <= start and end <= ce for cs, ce in cues):
                kind = "attribution"  # "...," fumed the mayor: how the outlet reports the statement
            elif row.get("neutral"):
                note = f"neutral: {row['neutral']}"
        quoted = _inside(spans, starts, start, end)
        if kind == "loaded" and not quoted and _reported(text, sentence_starts, start):
            quoted, note = True, "reported speech" + (f"; {note}" if note else "")
        out.append(
            FramingMark(
                "",
                article.id,
                Span(start, end),
                text[start:end],
                kind,
                lexicon=FRAMING_LEXICON_VERSION,
                quoted=quoted,
                note=note,
            )
        )
    for t in terms:
        if t.article == article.id and t.kind == "scare":
            span = t.marked or t.span
            out.append(
                FramingMark(
                    "",
                    article.id,
                    span,
                    span.of(text),
                    "scare_quote",
                    lexicon=QUOTES_VERSION,
                    quoted=_inside(spans, starts, span.start, span.end),
                )
            )
    out.sort(key=lambda m: (m.start, m.end, m.type))
    return out


#: which marks the corpus keeps of an article (:func:`corpus_marks`)
CORPUS_MARKS_VERSION = "corpus-marks.v1"


@cache
def corpus_marks_method() -> str:
    """The versions that decide an article's stored marks (:func:`corpus_marks`): this rule,
    the framing stage, its word lists, the quotes stage (scare quotes, ``quoted``) and the
    alias table. A store whose marks were made by another method finds them again."""
    aliases = lexicons.load("entity-aliases").version
    return "+".join((CORPUS_MARKS_VERSION, ARTICLE_MARKS_VERSION, FRAMING_LEXICON_VERSION, QUOTES_VERSION, aliases))


def corpus_marks(article: Article, quotes: Iterable[Quote] = (), terms: Iterable[QuotedTerm] = ()) -> list[FramingMark]:
    """The marks the corpus keeps of one article, ids ``m1``... in text order: its framing marks
    (:func:`article_marks`) and a ``naming`` mark for every name of the alias table it uses
    (:func:`newsprism.entities.alias_marks`, ``note`` the canonical name), so that an outlet's
    choice of names can be counted across its articles (within a story :func:`story_marks`
    marks only the names that set an outlet apart). ``quotes`` and ``terms`` are the
    article's quotations and quoted terms (:func:`newsprism.quotes.article_quotes`)."""
    from .entities import alias_marks  # the entities stage loads its tables on first use

    qs = [q for q in quotes if q.article == article.id]
    found = article_marks(article, qs, terms) + alias_marks(article, qs)
    found.sort(key=lambda m: (m.start, m.end, m.type))
    # new records rather than dataclasses.replace, which is several times slower
    return [
        FramingMark(f"m{k}", m.article, m.span, m.text, m.type, m.lexicon, m.entity, m.fact, m.quoted, m.note)
        for k, m in enumerate(found, start=1)
    ]


def story_marks(
    articles: Sequence[Article],
    quotes: Iterable[Quote] = (),
    terms: Iterable[QuotedTerm] = (),
    extra: Iterable[FramingMark] = (),
) -> list[FramingMark]:
    """The framing marks of every article of a story, in article then text order, numbered
    ``m1``...; ``extra`` marks (naming) join them, a lexicon mark overlapping one of them
    giving way, unless it is a word inside a longer name ("regime" in "the Brazzaville
    regime": the name is a naming choice, the word a loaded one; since framing.v2)."""
    qs, ts, ex = list(quotes), list(terms), list(extra)
    out: list[FramingMark] = []
    for art in articles:
        mine = [m for m in ex if m.article == art.id]
        found = [m for m in article_marks(art, qs, ts) if not any(_gives_way(m, x) for x in mine)]
        merged = sorted(found + mine, key=lambda m: (m.start, m.end, m.type))
        out += merged
    return [replace(m, id=f"m{k}") for k, m in enumerate(out, start=1)]


def _gives_way(mark: FramingMark, name: FramingMark) -> bool:
    """Whether a lexicon mark yields to a naming mark: they overlap, and the mark is not a word
    inside the longer name."""
    if not (name.start < mark.end and mark.start < name.end):
        return False
    inside = name.start <= mark.start and mark.end <= name.end
    return not (inside and name.end - name.start > mark.end - mark.start and mark.type == "loaded")


def attach_facts(marks: Iterable[FramingMark], facts: Iterable[Fact], articles: Sequence[Article]) -> list[FramingMark]:
    """The marks with ``fact`` set to the fact of the sentence they stand in (if any)."""
    fact_of = {(m.article, m.sentence): f.id for f in facts for m in f.members}
    bounds = {a.id: ([s.start for s in a.sentences], a) for a in articles}
    out = []
    for m in marks:
        starts, art = bounds.get(m.article, ([], None))
        k = bisect_right(starts, m.start) - 1
        fid = fact_of.get((m.article, k)) if art is not None and k >= 0 else None
        out.append(replace(m, fact=fid) if fid is not None else m)
    return out


def own_voice(marks: Iterable[FramingMark]) -> list[FramingMark]:
    """The marks in the outlet's own voice: not inside a quotation."""
    return [m for m in marks if not m.quoted]


def outlet_profiles(
    articles: Sequence[Article],
    facts: Iterable[Fact],
    marks: Iterable[FramingMark],
    quotes: Iterable[Quote] = (),
) -> list[OutletProfile]:
    """One :class:`~newsprism.model.OutletProfile` per article, in article order: its own-voice
    marks per 1,000 words by type, the shared facts it carries (of those two or more articles
    carry), its quotations and speakers, and the facts that most of the other articles carry
    but it does not (``omitted``, fact ids)."""
    fs = [f for f in facts if len({m.article for m in f.members}) >= 2]
    mine = [m for m in marks if not m.quoted]
    qs = list(quotes)
    others = max(1, len(articles) - 1)
    out = []
    for art in articles:
        words = len(word_list(art.text))
        counts = Counter(m.type for m in mine if m.article == art.id)
        per_1000 = tuple((t, round(1000 * counts[t] / words, 2) if words else 0.0) for t in FRAMING_TYPES)
        carried = [f for f in fs if any(m.article == art.id for m in f.members)]
        omitted = tuple(
            f.id
            for f in fs
            if art.id not in {m.article for m in f.members} and 2 * len({m.article for m in f.members}) > others
        )
        said = Counter(q.speaker for q in qs if q.article == art.id and q.speaker)
        speakers = tuple(sorted(said.items(), key=lambda kv: (-kv[1], kv[0])))
        own_quotes = sum(1 for q in qs if q.article == art.id)
        out.append(
            OutletProfile(art.id, art.label, words, per_1000, len(carried), len(fs), own_quotes, speakers, omitted)
        )
    return out
