"""Sentences with character offsets into the cleaned text, and the role of each.

Each paragraph (line of the cleaned text) is split by sentencex, a rule-based splitter that
keeps quotations and most abbreviations ("Dr.", "U.S.", "Jan. 3") intact; a sentence never
crosses a paragraph boundary. Offsets are found by walking the paragraph, so every
``Sentence.text == text[start:end]`` holds, without trailing whitespace.

**Abbreviations.** sentencex does not know every honorific (it splits "said Ms. | Smith's
account."), so two pieces are joined again when the first ends in an abbreviation of the
``abbreviations`` lexicon, written as a word of its own (after a space, an opening bracket or
quote, a hyphen or a colon: "then-Sen.", "ex-Rep.", or at the start), and the second opens
with a lower-case letter ("“U.S. and Iranian forces") or as that abbreviation's kind allows.
A piece ending in a capital and a full stop that the next one follows without a space ("“U."
and "S. and", "R-S." and "C., said") was cut inside an initialism and is joined too. The
kinds:

- ``name`` (U.S., U.K., St., Jr., Inc., Co., Ltd., ...; and a capital initial after a
  capitalised word, "John F."): a capitalised word that is not a sentence opener (the
  ``sentence-openers`` lexicon: pronouns, articles, conjunctions, prepositions, number words).
  So "He lives in the U.S. He works" stays two sentences and "the U.S. Coast Guard" one.
- ``title`` (Ms., Mr., Dr., Gov., Sen., Rep., Lt., Gen., ...): the same, or a digit ("said
  Ms. Smith" is one sentence; a title before "The" is a page's mangled "YouGov. The").
- ``number`` (No.): a digit only ("No. 2" is one sentence, "No. So I said" two).

Limits: the name rule is a guess about the next word, nothing more. "in the U.S. Officials
said" is one sentence (sentencex already keeps it whole; nothing here splits it), and
"Vitamin D. Researchers found" would be joined if sentencex split it. A name that is also an
opener ("Dr. Who") stays split after its title. Only the listed forms count,
case-sensitively ("MS." and "ms." are not titles).

**Roles** (:data:`~newsprism.model.SENTENCE_ROLES`), decided per paragraph; everything else
is ``body``:

- ``standfirst``: the first paragraph, when another follows and it is at most
  :data:`STANDFIRST_MAX_WORDS` words, either (a) without sentence-final punctuation (a deck:
  "Witnesses describe chaos as the bridge gave way"; all its sentences), or (b) one sentence
  of at least three content words (:func:`newsprism.text.terms`), at least
  :data:`STANDFIRST_REPEAT` of them found in the first sentence of the next paragraph, that
  sentence being longer (the body repeats and expands the summary).
- ``crosshead``: a paragraph after the first and before the last, one sentence of at most
  :data:`CROSSHEAD_MAX_WORDS` words, without sentence-final punctuation, opening with a
  capital letter, a digit or a quotation mark (the cleaner keeps such lines between paragraphs
  as subheadings: :func:`newsprism.clean.is_label` drops them only at the edges).

- ``truncated``: the last sentence of a text of two or more sentences when it ends in an
  ellipsis ("..." or "…") after a word, not inside a quotation: a body cut off by a feed, an
  excerpt or a scraper. What it holds is a fragment, so it carries no fact (a sentence that
  really ends in an ellipsis at the very end of an article is rare in news).

Limits of the roles: they read layout, not meaning. A lede of one sentence that the next
paragraph merely continues is body (that is most news); a standfirst of two sentences ending
in a full stop, or one the body does not repeat, is body. A crosshead ending in "?" or a
closing quotation mark ("What happens next?") is body; a caption, a byline or a related-link
line of a few words left between paragraphs is marked crosshead (it is no fact either); a
first paragraph without final punctuation (a caption or a headline the cleaner did not drop)
is marked standfirst. Text without line breaks (one paragraph) has body sentences only.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicons
from .model import Sentence, Span

#: sentencex per paragraph, abbreviations rejoined (abbreviations.v1, sentence-openers.v1),
#: standfirst and crosshead roles; v3: a text cut off in its last sentence ("...") ends in a
#: ``truncated`` sentence
SEGMENTER_VERSION = "sentencex-lines.v3"

#: a standfirst is at most this many words
STANDFIRST_MAX_WORDS = 40
#: share of a one-sentence first paragraph's content words that the next sentence repeats
STANDFIRST_REPEAT = 0.75
#: a crosshead is at most this many words
CROSSHEAD_MAX_WORDS = 8

# the same ends of a sentence as clean.is_label reads
_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_LAST_WORD = re.compile(r"\S+$")
_OPENING_MARKS = "([\"'“‘«"
_INITIAL = re.compile(r"(?:^|(?<=\s))[A-Z][a-z]+\s+[A-Z]\.$")
_SPLIT_INITIALISM = re.compile(r"(?:^|[^\w.])[A-Z]\.$")  # "“U." of "“U.S." cut in two
_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_OPENS = re.compile(r"[\"'“‘«(\[]?[A-Z0-9]")


@cache
def _abbreviations() -> dict[str, str]:
    return lexicons.load("abbreviations").mapping("kind")


@cache
def _openers() -> frozenset[str]:
    return frozenset(lexicons.load("sentence-openers").entries)


def _split(paragraph: str) -> list[str]:
    from sentencex import segment

    return [s for s in segment("en", paragraph) if s.strip()]


def _pieces(paragraph: str) -> list[tuple[int, int]]:
    """sentencex's pieces of one paragraph as ``(start, end)`` offsets into it, stripped."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _split(paragraph):
        piece = piece.strip()
        at = paragraph.find(piece, cursor)
        if at < 0:  # the splitter changed the text: fall back to the rest of the paragraph
            at, piece = cursor, paragraph[cursor:].strip()
            if not piece:
                break
            at = paragraph.find(piece, cursor)
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    tail = paragraph[cursor:].strip()
    if tail:  # anything the splitter dropped stays in the last sentence's paragraph
        at = paragraph.find(tail, cursor)
        spans.append((at, at + len(tail)))
    return spans


def _joins(before: str, after: str) -> bool:
    """Whether a piece ending ``before`` and the piece opening ``after`` are one sentence,
    split by sentencex after an abbreviation (see the module docstring for the rules)."""
    if not after:
        return False
    last = _LAST_WORD.search(before)
    word = last.group().lstrip(_OPENING_MARKS) if last else ""
    kind = _abbreviations().get(word) or _abbreviations().get(re.split(r"[-–:]", word)[-1])
    if kind is None:
        if not _INITIAL.search(before):
            return False
        kind = "name"
    if after[0].islower():
        return True
    if after[0].isdigit():
        return kind in ("title", "number")
    if kind == "number":
        return False
    opening = _FIRST_WORD.match(after)
    return opening is not None and after[0].isupper() and opening.group().lower() not in _openers()


def _join_abbreviations(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        before = paragraph[out[-1][0] : out[-1][1]] if out else ""
        inside = bool(out) and start == out[-1][1] and _SPLIT_INITIALISM.search(before) is not None
        if out and (inside or _joins(before, paragraph[start:end])):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split cleaned text (paragraphs separated by newlines) into sentences with offsets and
    roles."""
    paragraphs: list[tuple[int, list[tuple[int, int]]]] = []  # (offset, spans in text)
    pos = 0
    for paragraph in text.split("\n"):
        base = pos
        pos += len(paragraph) + 1
        if not paragraph.strip():
            continue
        spans = _join_abbreviations(paragraph, _pieces(paragraph))
        if spans:
            paragraphs.append((base, [(base + s, base + e) for s, e in spans]))
    roles = _roles(text, [spans for _, spans in paragraphs])
    out: list[Sentence] = []
    for (_, spans), role in zip(paragraphs, roles, strict=True):
        for start, end in spans:
            out.append(Sentence(len(out), Span(start, end), text[start:end], role))
    return _mark_truncated(out)


#: the end of a sentence cut off: an ellipsis right after a word (not "... ." or a quotation's)
_CUT_OFF = re.compile(r"\w(?:\.\.\.|…)$")


def _mark_truncated(found: list[Sentence]) -> tuple[Sentence, ...]:
    """``found`` with its last sentence's role ``truncated`` when the text was cut off there."""
    if len(found) >= 2 and found[-1].role == "body" and _CUT_OFF.search(found[-1].text.rstrip()):
        last = found[-1]
        found = [*found[:-1], Sentence(last.index, last.span, last.text, "truncated")]
    return tuple(found)


def with_roles(text: str, found: tuple[Sentence, ...] | list[Sentence]) -> tuple[Sentence, ...]:
    """The same sentences of ``text`` with the roles :func:`sentences` gives them, for
    sentences rebuilt from stored offsets (a store that kept only the spans)."""
    paragraphs: list[list[tuple[int, int]]] = []
    line_of: list[int] = []
    previous = None
    for s in found:  # in text order: a newline between two starts begins a new paragraph
        if previous is None or "\n" in text[previous : s.start]:
            paragraphs.append([])
        previous = s.start
        paragraphs[-1].append((s.start, s.end))
        line_of.append(len(paragraphs) - 1)
    roles = _roles(text, paragraphs)
    return _mark_truncated([Sentence(s.index, s.span, s.text, roles[p]) for s, p in zip(found, line_of, strict=True)])


def _roles(text: str, paragraphs: list[list[tuple[int, int]]]) -> list[str]:
    """One role per paragraph (given as its sentence spans)."""
    roles = ["body"] * len(paragraphs)
    if len(paragraphs) < 2:
        return roles
    if _is_standfirst(text, paragraphs[0], paragraphs[1]):
        roles[0] = "standfirst"
    for i in range(1, len(paragraphs) - 1):
        if _is_crosshead(text, paragraphs[i]):
            roles[i] = "crosshead"
    return roles


def _is_standfirst(text: str, first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    whole = text[first[0][0] : first[-1][1]]
    n_words = len(whole.split())
    if n_words > STANDFIRST_MAX_WORDS:
        return False
    if not _SENTENCE_END.search(whole):
        return True
    if len(first) != 1:
        return False
    from .text import terms

    own = set(terms(whole))
    following = text[second[0][0] : second[0][1]]
    if len(own) < 3 or len(following.split()) <= n_words:
        return False
    return len(own & set(terms(following))) >= STANDFIRST_REPEAT * len(own)


def _is_crosshead(text: str, spans: list[tuple[int, int]]) -> bool:
    if len(spans) != 1:
        return False
    line = text[spans[0][0] : spans[0][1]]
    return len(line.split()) <= CROSSHEAD_MAX_WORDS and not _SENTENCE_END.search(line) and bool(_OPENS.match(line))
