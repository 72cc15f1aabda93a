"""The difference within a fact: how the articles that share a fact word it, word by word.

:func:`fact_contrasts` aligns, for every fact carried by two or more articles, the sentence of
the first article (in the comparison's order) with the sentence of each other article, word by
word, and lists the insertions, deletions and substitutions between them as
:class:`~newsprism.model.WordEdit` records with character spans in each article's text:
"said" -> "claimed", "" -> "allegedly", "North Korea" -> "the Democratic People's Republic of
Korea (DPRK)", ``threats`` -> ``"threats"``. Framing marks that lie in an edit's words are named
in ``WordEdit.marks``, so a reader sees which changes carry framing.

How (``contrast.v1``): tokens are words and single punctuation marks; two tokens are equal when
their lower-case forms match after the British-to-American spelling fold; the alignment is
Python's ``difflib.SequenceMatcher`` over the token lists (no junk heuristic), and each
non-equal opcode is one edit. An edit made only of punctuation other than quotation marks
("," -> ";") is left out. An entity both sentences name in different words (by
:mod:`newsprism.entities`) is an edit of its own, so "North Korea" -> "DPRK" shows even where
the sentence was reordered around it. The headlines are compared the same way under ``fact="headline"``;
their spans are ``None`` (a headline is not part of ``Article.text``), their words are in
``before_text`` / ``after_text``.

Limits: a long rewrite of a sentence shows as a few large substitutions rather than a
paraphrase; word order changes show as a deletion and an insertion.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from .model import Article, Entity, EntityMention, Fact, FramingContrast, FramingMark, Span, WordEdit
from .text import fold_spelling

CONTRAST_VERSION = "contrast.v1"

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_GROUP = re.Match.group
_QUOTE_MARKS = set("\"“”„«»‘’'")
#: a sentence pair with more edits than this is a rewrite, not a variant: its edits are not listed
MAX_EDITS = 12


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lower case, straight apostrophe, American spelling, plurals too ("neighbours"). (Cached:
    the sentences of a story repeat their words; a bounded cache of words.)"""
    w = word.lower().replace("’", "'")
    if len(w) > 5 and w.endswith("s") and not w.endswith("ss"):
        return fold_spelling(w[:-1]) + "s"
    return fold_spelling(w)


def _tokens(text: str, start: int, end: int) -> tuple[list[re.Match[str]], list[str]]:
    """The tokens of ``text[start:end]`` and their folded forms (the loops run in C: the
    regular expression's, ``map`` over the cached fold)."""
    found = list(_TOKEN.finditer(text, start, end))
    return found, list(map(_fold, map(_GROUP, found)))


def _edits(
    a_id: str,
    a_text: str,
    a_span: Span | None,
    b_id: str,
    b_text: str,
    b_span: Span | None,
) -> list[WordEdit]:
    """Word edits turning ``a_text[a_span]`` into ``b_text[b_span]`` (whole texts when a span is
    None; then the edits carry no spans)."""
    ta, fa = _tokens(a_text, a_span.start if a_span else 0, a_span.end if a_span else len(a_text))
    tb, fb = _tokens(b_text, b_span.start if b_span else 0, b_span.end if b_span else len(b_text))
    out: list[WordEdit] = []
    sm = SequenceMatcher(None, fa, fb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        words = fa[i1:i2] + fb[j1:j2]
        if all(not w[0].isalnum() and w not in _QUOTE_MARKS for w in words):
            continue  # punctuation only
        before = Span(ta[i1].start(), ta[i2 - 1].end()) if i2 > i1 else None
        after = Span(tb[j1].start(), tb[j2 - 1].end()) if j2 > j1 else None
        out.append(
            WordEdit(
                a_id,
                b_id,
                before if a_span is not None else None,
                after if b_span is not None else None,
                before.of(a_text) if before else "",
                after.of(b_text) if after else "",
            )
        )
    return out


def _with_marks(edit: WordEdit, marks: dict[str, _Marks]) -> WordEdit:
    ids = []
    for art, span in ((edit.a, edit.before), (edit.b, edit.after)):
        if span is None or art not in marks:
            continue
        ids += marks[art].overlapping(span)
    return WordEdit(edit.a, edit.b, edit.before, edit.after, edit.before_text, edit.after_text, tuple(ids))


class _Marks:
    """One article's marks, for the ids of those overlapping a span in the marks' own order
    (a scan of the marks that start close enough before the span and before its end, found by
    bisection: a story's edits ask this once each)."""

    def __init__(self, marks: list[FramingMark]) -> None:
        self.order = sorted(range(len(marks)), key=lambda k: marks[k].start)
        self.starts = [marks[k].start for k in self.order]
        self.marks = marks
        self.longest = max((m.end - m.start for m in marks), default=0)

    def overlapping(self, span: Span) -> list[str]:
        lo = bisect_left(self.starts, span.start - self.longest)  # no mark starting before reaches the span
        hi = bisect_left(self.starts, span.end, lo)
        hits = [k for k in self.order[lo:hi] if span.start < self.marks[k].end]
        return [self.marks[k].id for k in sorted(hits)]


class _Mentions:
    """One article's entity mentions in text order, for those inside a span (by bisection)."""

    def __init__(self, mentions: list[tuple[str, EntityMention]]) -> None:
        self.mentions = mentions
        self.starts = [m.start for _, m in mentions]

    def inside(self, span: Span) -> list[tuple[str, EntityMention]]:
        lo = bisect_left(self.starts, span.start)
        hi = bisect_right(self.starts, span.end, lo)
        return [(e, m) for e, m in self.mentions[lo:hi] if m.end <= span.end]


def _renamings(a_id: str, a_span: Span, b_id: str, b_span: Span, mentions: dict[str, _Mentions]) -> list[WordEdit]:
    """One edit per entity both sentences name in different words ("North Korea" -> "DPRK"):
    its first mention in each sentence, whatever the word order around them."""
    if a_id not in mentions or b_id not in mentions:
        return []
    inside_a = {e: m for e, m in reversed(mentions[a_id].inside(a_span))}
    inside_b = {e: m for e, m in reversed(mentions[b_id].inside(b_span))}
    out = []
    for ent, ma in inside_a.items():
        mb = inside_b.get(ent)
        fa, fb = (" ".join(_fold(w) for w in m.text.split()) for m in (ma, mb)) if mb is not None else ("", "")
        if mb is not None and fa not in fb and fb not in fa:  # a title added is not a new name
            out.append(WordEdit(a_id, b_id, ma.span, mb.span, ma.text, mb.text))
    return sorted(out, key=lambda e: e.after.start if e.after else 0)


def fact_contrasts(
    facts: Iterable[Fact],
    articles: Sequence[Article],
    marks: Iterable[FramingMark] = (),
    entities: Iterable[Entity] = (),
) -> list[FramingContrast]:
    """The word-level contrasts of every fact two or more articles carry (and of the headlines),
    in fact order; a fact whose sentences are the same word for word gets none. With
    ``entities``, an entity both sentences name in different words is one edit of its own
    ("North Korea" -> "the Democratic People's Republic of Korea"), even where the words
    around it moved."""
    by_id = {a.id: a for a in articles}
    order = {a.id: k for k, a in enumerate(articles)}
    marks_of: dict[str, list[FramingMark]] = {}
    for mark in marks:
        marks_of.setdefault(mark.article, []).append(mark)
    by_article = {art: _Marks(ms) for art, ms in marks_of.items()}
    mentions_of: dict[str, list[tuple[str, EntityMention]]] = {}
    for ent in entities:
        for em in ent.mentions:
            mentions_of.setdefault(em.article, []).append((ent.id, em))
    for ms in mentions_of.values():
        ms.sort(key=lambda x: x[1].start)
    mentions = {art: _Mentions(ms) for art, ms in mentions_of.items()}
    out: list[FramingContrast] = []
    titled = [a for a in articles if a.title]
    if len(titled) >= 2:
        base = titled[0]
        edits = [
            e
            for other in titled[1:]
            for e in _edits(base.id, base.title or "", None, other.id, other.title or "", None)
        ]
        if edits:
            out.append(FramingContrast("headline", tuple(edits)))
    for fact in facts:
        members = sorted(fact.members, key=lambda m: order.get(m.article, len(order)))
        if len({m.article for m in members}) < 2:
            continue
        first = members[0]
        base = by_id[first.article]
        edits = []
        for m in members[1:]:
            other = by_id[m.article]
            pair = _edits(
                base.id,
                base.text,
                base.sentences[first.sentence].span,
                other.id,
                other.text,
                other.sentences[m.sentence].span,
            )
            if len(pair) <= MAX_EDITS:
                edits += [_with_marks(e, by_article) for e in pair]
            a_span, b_span = base.sentences[first.sentence].span, other.sentences[m.sentence].span
            seen = {(e.before, e.after) for e in pair}
            edits += [
                _with_marks(e, by_article)
                for e in _renamings(base.id, a_span, other.id, b_span, mentions)
                if (e.before, e.after) not in seen
            ]
        if edits:
            out.append(FramingContrast(fact.id, tuple(edits)))
    return out


def attach_marks(contrasts: Iterable[FramingContrast], marks: Iterable[FramingMark]) -> list[FramingContrast]:
    """``contrasts`` with each edit's ``marks`` set anew from ``marks`` (ids of the marks that
    lie in its words), as :func:`fact_contrasts` sets them: for marks found after the edits
    (framing.v14's contrast marks, which need the edits)."""
    marks_of: dict[str, list[FramingMark]] = {}
    for mark in marks:
        marks_of.setdefault(mark.article, []).append(mark)
    by_article = {art: _Marks(ms) for art, ms in marks_of.items()}
    return [FramingContrast(c.fact, tuple(_with_marks(e, by_article) for e in c.edits)) for c in contrasts]
