"""Small text utilities shared by the analysis stages: words with offsets, a light stemmer,
stopwords, spelling folds and quotation spans.

Limits: English only. The stemmer is a handful of suffix rules (enough to match
"cooperation"/"cooperate" poorly but "concerns"/"concern", "increased"/"increasing" well); the
spelling fold maps common British endings to American ones ("behaviour" -> "behavior",
"defence" -> "defense", "modernise" -> "modernize").

The word lists are data (``newsprism.lexicons``): ``stopwords``, ``reporting-verbs``,
``number-words``, ``british-endings`` and ``british-exceptions``, each read once.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons

WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=1)
def _spelling() -> tuple[tuple[tuple[str, str], ...], tuple[str, ...], frozenset[str]]:
    """British endings -> American ones, longest first (the longest ending that matches wins),
    the endings alone (a cheap test), and the exceptions."""
    rules = tuple(sorted(lexicons.load("british-endings").mapping().items(), key=lambda r: -len(r[0])))
    return rules, tuple(b for b, _ in rules), frozenset(lexicons.load("british-exceptions").entries)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Words ignored when sentences are compared word by word: the ``stopwords`` lexicon and
    every word of the ``reporting-verbs`` entries marked ``stopword=yes`` ("said", "told",
    "according to")."""
    verbs = lexicons.load("reporting-verbs").where("stopword", "yes")
    return frozenset(lexicons.load("stopwords").entries) | {w for phrase in verbs for w in phrase.split()}


def words(text: str) -> list[tuple[int, int, str]]:
    """Every word and number of ``text`` as ``(start, end, lowercased word)``."""
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in WORD.finditer(text)]


def word_list(text: str) -> list[str]:
    """The words of ``text``, lower-cased, without offsets (faster than :func:`words`)."""
    return WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=200_000)
def fold_spelling(word: str) -> str:
    """Map a British spelling onto the American one (the endings of the ``british-endings``
    lexicon, except the words of ``british-exceptions``)."""
    if len(word) < 5:
        return word
    rules, endings, keep = _spelling()
    if word in keep or not word.endswith(endings):
        return word
    for british, american in rules:
        if word.endswith(british):
            return word[: -len(british)] + american
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer: possessives, plurals, -ed, -ing, -ly, -ment, -ation."""
    w = fold_spelling(word)
    if w.endswith("'s"):
        w = w[:-2]
    if w.endswith("'"):
        w = w[:-1]
    if len(w) <= 3 or w[0].isdigit():
        return w
    for suffix, rep in (
        ("ational", "ate"),
        ("ation", "ate"),
        ("ations", "ate"),
        ("ies", "y"),
        ("ied", "y"),
        ("ments", ""),
        ("ment", ""),
        ("ingly", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ly", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: len(w) - len(suffix)] + rep
            if suffix == "s" and w.endswith("ss"):
                return w
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" -> "plan"
            return base.rstrip("e") if len(base) > 4 else base
    return w.rstrip("e") if len(w) > 4 else w


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """English number words and their values, from the ``number-words`` lexicon
    ("twelve" -> 12, "dozen" -> 12, "million" -> 1000000)."""
    return {w: int(v) for w, v in lexicons.load("number-words").mapping("value").items()}


@lru_cache(maxsize=1)
def _number_terms() -> dict[str, str]:
    """Number words as overlap terms ("twelve" -> "#12"); scale words and "one" are left out
    (too often not a figure)."""
    lex = lexicons.load("number-words")
    scales = set(lex.where("kind", "scale"))
    return {w: f"#{v}" for w, v in number_words().items() if w not in scales and w != "one"}


def terms(text: str) -> list[str]:
    """Content terms of a sentence for word-overlap scoring: stems of non-stopwords, and
    numbers (number words folded to digits) marked with ``#``."""
    stop = stopwords()
    numbers = _number_terms()
    out = []
    for w in word_list(text):
        if w[0].isdigit():
            out.append("#" + w.replace(",", ""))
        elif w in numbers:
            out.append(numbers[w])
        elif w not in stop and len(w) > 1:
            out.append(stem(w))
    return out


_DOUBLE = re.compile(r"[\"“”„«»]")
_OPENING = "“„«"  # curly marks that face a quotation's start ("”" and "»" face its end)
_OPEN_BEFORE = "([{—–-/:"  # a mark after one of these (or a space, or nothing) looks like an opening
_CLOSE_AFTER = ".,;:!?)]}—–-/"  # a mark before one of these (or a space, or nothing) looks like a closing


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` inside double quotation marks (straight, curly, „ and guillemets), marks
    included, in order and non-overlapping. A paragraph is a line of ``text``.

    - Direction: a curly mark opens or closes as it faces (“ opens, ” closes), unless its
      surroundings say the opposite on both sides (``said ”We`` opens, ``done.“`` at a word's end
      before a space closes); a mark that starts a paragraph always opens (``”Fear. ...``). A
      straight mark opens after a space, the paragraph start or an opening bracket and before a
      word; it closes after a word and before a space, punctuation or the paragraph end; where
      its sides do not decide (``a"b``, a mark between spaces) it closes an open quotation, else
      it opens one only if a later mark in the paragraph can close it.
    - Nesting: marks inside a quotation nest (“He called it “a farce” today” is one span), so a
      title or a quotation within a quotation does not cut the outer one. A straight mark read
      as opening inside a straight quotation closes it (straight marks do not nest in each
      other). Single marks (‘ ’ ') are not quotation marks here: apostrophes and quotations
      within quotations stay inside the outer span.
    - Over paragraphs: a quotation left open runs to the end of its paragraph. The next
      non-blank paragraph, unless it starts with a mark of its own (the newspaper convention of
      reopening each paragraph), is quoted from its start to the mark that closes the carried
      quotation; with no such mark it is not quoted, and the quotation stops there.
    - Inch marks: a straight mark right after a digit, with no straight quotation open, is an
      inch or seconds mark (``5'11"``), not a quotation mark.

    Limits: quotations in single marks only (British style, ``'We will,' she said``) are not
    found; a stray opening mark quotes the rest of its paragraph (at most one paragraph, then
    the next up to a closing mark); a straight closing mark after a digit inside a curly
    quotation is read as an inch mark (``“the "1999"”``). Linear in ``len(text)``.
    Source: newspaper typography (quotations over several paragraphs) and the quotation
    detector the data-set converters used before (``git show de9d297``)."""
    spans: list[tuple[int, int]] = []
    carried = False  # the last non-blank paragraph ended inside a quotation
    base = 0
    for para in text.split("\n"):
        here, base = base, base + len(para) + 1
        first = len(para) - len(para.lstrip())
        if first == len(para):
            continue  # a blank line: a quotation left open stays open across it
        marks = [m.start() for m in _DOUBLE.finditer(para)]
        found, carried = _paragraph_quotes(para, marks, first, carried)
        spans.extend((here + s, here + e) for s, e in found)
    return spans


def _paragraph_quotes(para: str, marks: list[int], first: int, carried: bool) -> tuple[list[tuple[int, int]], bool]:
    """Quotation spans of one paragraph (offsets in ``para``) and whether it ends inside a
    quotation. ``first``: the paragraph's first non-space character; ``carried``: the previous
    paragraph ended inside a quotation."""
    found: list[tuple[int, int]] = []
    inner: list[tuple[int, int]] = []  # quotations closed while only the carried one was open
    # the open quotations, outermost first: (start, mark); mark "" is the carried quotation
    stack: list[tuple[int, str]] = []
    if carried and not (marks and marks[0] == first):
        stack.append((first, ""))
    for k, i in enumerate(marks):
        ch = para[i]
        straight = bool(stack) and stack[-1][1] == '"'
        opens = _opens(para, i, first, ch, bool(stack), straight, k + 1 < len(marks))
        if opens is None:
            continue
        if ch == '"' and straight and opens:
            opens = False  # straight marks do not nest in straight marks: this one closes
        if opens:
            stack.append((i, ch))
            continue
        if not stack:
            continue  # a stray closing mark
        start, _ = stack.pop()
        if not stack:
            found.append((start, i + 1))
            inner.clear()  # inside the carried quotation just closed
        elif len(stack) == 1 and stack[0][1] == "":
            inner.append((start, i + 1))
    end = len(para.rstrip())
    if stack and stack[0][1] == "":  # the carried quotation never closed: not a quotation
        found.extend(inner)
        stack.pop(0)
    if stack:
        found.append((stack[0][0], end))
    return found, bool(stack)


def _opens(para: str, i: int, first: int, ch: str, inside: bool, straight: bool, more: bool) -> bool | None:
    """Whether the double mark at ``para[i]`` opens (True) or closes (False) a quotation, or is
    no quotation mark (None). ``inside``: a quotation is open; ``straight``: the innermost open
    one has straight marks; ``more``: a mark follows in the paragraph."""
    if i == first:
        return True
    prev = para[i - 1]
    nxt = para[i + 1] if i + 1 < len(para) else ""
    left = prev.isspace() or prev in _OPEN_BEFORE
    right = not nxt or nxt.isspace() or nxt in _CLOSE_AFTER
    if ch != '"':
        facing = ch in _OPENING
        if facing and right and not left:
            return False  # “ typed for ”
        if not facing and left and not right:
            return True  # ” typed for “
        return facing
    if prev.isdigit() and not straight:
        return None  # an inch or seconds mark: 5'11"
    if left != right:
        return left
    if inside:
        return False
    return True if more else None
