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
from collections.abc import Callable, Iterable
from functools import lru_cache

from . import lexicons


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1,200 articles``; ``nouns`` for an irregular plural
    (``plural(n, "story", "stories")``). Every count a person reads goes through it."""
    return f"{n:,} {noun if n == 1 else (nouns or noun + 's')}"


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


#: bytes of a lower-cased ASCII text by the classes :data:`WORD` reads: a letter "a", a figure
#: "0", an apostrophe, "." for a figure's separators (. and ,), a space for everything else
_WORD_CLASSES = bytes(
    97 if 97 <= c <= 122 else 48 if 48 <= c <= 57 else 39 if c == 39 else 46 if c in (44, 46) else 32
    for c in range(256)
)
#: a character outside ASCII that can stand in a word (a letter, "é"): :func:`word_count` then
#: counts with :data:`WORD`
_WIDE_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


def _joined(classes: bytes, pair: bytes, joined: bytes) -> bytes:
    while pair in classes:
        classes = classes.replace(pair, joined)
    return classes


def word_count(text: str) -> int:
    """``len(word_list(text))``, four times faster on a text whose words are ASCII (most
    English news; curly apostrophes, quotation marks and dashes allowed): its characters are
    read as classes, as bytes, the apostrophe between letters and the separator between figures
    joined, and the runs counted; a text with a letter outside ASCII is counted by
    :data:`WORD`."""
    low = text.lower().replace("’", "'")
    if not low.isascii() and _WIDE_WORD_CHAR.search(low):
        return len(WORD.findall(low))
    classes = low.encode("ascii", "replace").translate(_WORD_CLASSES)  # other punctuation: "?", a space
    classes = _joined(classes, b"a'a", b"aaa")  # "don't", "rock'n'roll": one word each
    classes = _joined(classes, b"0.0", b"000")  # "3,400.5": one figure
    classes = classes.replace(b"'", b" ").replace(b".", b" ").replace(b"a0", b"a 0").replace(b"0a", b"0 a")
    return len(classes.split())


#: a run of ASCII letters (of a lower-cased text)
_LETTERS = re.compile(r"[a-z]+")
#: bytes: a-z kept, every other byte a space
_ONLY_LETTERS = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
#: characters that case-insensitive matching folds onto an ASCII letter (İ, ı, ſ, the Kelvin sign)
_ODD_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


class TextWords:
    """One text read once for every word list matched against it: its lower case (None when
    lower-casing changes a length, or the text holds a character that case-insensitive matching
    folds onto ASCII: ı, İ, ſ, the Kelvin sign) and the runs of ASCII letters of that lower
    case. :func:`text_words` keeps the last few texts'."""

    def __init__(self, text: str) -> None:
        self.text = text
        low = text.lower()
        self.low = None if len(low) != len(text) or _ODD_FOLDS.search(text) else low
        self._words: set[bytes] | None = None

    def words(self) -> set[bytes]:
        """The runs of ASCII letters of the lower-cased text, as ASCII bytes (a word of ASCII
        letters stands in the text as a whole word only if it is one of them). Read as bytes,
        every other character a space, then split: the same runs as ``[a-z]+``, faster."""
        if self._words is None:
            self._words = set((self.low or "").encode("ascii", "replace").translate(_ONLY_LETTERS).split())
        return self._words


@lru_cache(maxsize=4)
def text_words(text: str) -> TextWords:
    """The :class:`TextWords` of ``text``, kept for the next few calls (the framing lexicons and
    the alias table read the same article one after the other)."""
    return TextWords(text)


class WordList:
    """A word list's expression, split by the first word of its entries, so that it is searched
    for only where those words stand: the same matches as ``pattern.finditer(text)``, several
    times faster than ``re`` trying a long alternation at every character.

    The list's entries match whole words: nothing of ``\\w`` right before an entry (the
    pattern's business), and its first word (the maximal run of ``\\w`` it opens with) is a
    whole word of the text. ``entries`` maps each first word to the entries that open with it
    (as written); ``build(word)`` returns the expression of those entries, the word first as a
    literal (so that ``re`` searches for it quickly) and any look-behind after it. With ``fold``
    the entries are lower-case and matched in any case: the expressions are then matched
    against the lower-cased text (the same offsets). Where :class:`TextWords` has no lower case,
    ``pattern`` (the whole list, as it matches ``text`` itself) scans the text instead.

    A first word is searched for only when the text's runs of ASCII letters hold it and every
    run of letters of one of its entries (an entry that matches stands in the text between
    characters that are not letters, so each of its runs is one of the text's); a word with a
    figure or a letter outside ASCII always is, and a word matched as written only when the
    text holds it as a substring. At one offset only the entries opening with the text's word
    there can match, so each word's expression finds what ``pattern`` finds there; like
    ``finditer``, a match is kept only when it starts after the end of the one kept before."""

    #: a list with at most this many first words is looked for word by word, without reading
    #: the text's words first
    FEW = 8

    def __init__(
        self,
        pattern: re.Pattern[str],
        entries: dict[str, list[str]],
        build: Callable[[str], str],
        *,
        fold: bool,
    ) -> None:
        self.pattern = pattern
        self.fold = fold
        by_lower: dict[str, set[str]] = {}
        for w in entries:
            by_lower.setdefault(w.lower(), set()).add(w)
        self._firsts = {k: tuple(sorted(v)) for k, v in by_lower.items()}
        # a first word with a figure or a letter outside ASCII is searched for in every text
        self._always = [k for k in self._firsts if not (k.isascii() and k.isalpha())]
        self._keys = {k.encode(): k for k in self._firsts if k not in self._always}
        # an entry matches only in a text that holds every run of letters of it ("is" is
        # searched for only where "said" and "to" stand too, for "is said to"); None: an
        # entry of one run, searched for wherever its word stands
        self._then: dict[bytes, tuple[frozenset[bytes], ...] | None] = {}
        for key, first in self._keys.items():
            needs: list[frozenset[bytes]] | None = []
            for w in self._firsts[first]:
                for entry in entries[w]:
                    runs = _LETTERS.findall(entry.lower())
                    if len(runs) < 2 or needs is None:
                        needs = None
                        break
                    needs.append(frozenset(r.encode() for r in runs[1:]))
            self._then[key] = None if needs is None else tuple(set(needs))
        self._entries = entries
        self._build = build
        self._compiled: dict[str, tuple[re.Pattern[str], bool]] = {}

    def _expression(self, word: str) -> tuple[re.Pattern[str], bool]:
        """The expression of the entries opening with ``word``, and whether a match of it can
        hold another place where it matches (a whole-word ``word`` after its start)."""
        found = self._compiled.get(word)
        if found is None:
            pattern = re.compile(self._build(word))
            again = _whole(word.lower() if self.fold else word)
            nested = any(again.search(form.lower() if self.fold else form, 1) for form in self._forms(word))
            found = self._compiled[word] = (pattern, nested)
        return found

    def _forms(self, word: str) -> list[str]:
        return self._entries.get(word, [])

    def finditer(self, text: str, *, everywhere: bool = False) -> list[re.Match[str]]:
        """The matches of the list in ``text`` (``everywhere``: by scanning every position, the
        reference, for tests). With ``fold`` the matches are in the lower-cased text: their
        offsets are the text's."""
        read = text_words(text)
        if everywhere or read.low is None:
            return list(self.pattern.finditer(text))
        subject = read.low if self.fold else text
        if len(self._firsts) <= self.FEW:
            present: Iterable[str] = self._firsts
        else:
            words = read.words()
            then, keys = self._then, self._keys
            present = [keys[k] for k in keys.keys() & words if (t := then[k]) is None or any(r <= words for r in t)]
            present += self._always
        found: list[re.Match[str]] = []
        for key in present:
            for word in self._firsts[key]:
                if not self.fold and word not in subject:  # as written: a substring search first
                    continue
                expression, nested = self._expression(word)
                if not nested:  # no match can hold the start of another: finditer misses none
                    found += expression.finditer(subject)
                    continue
                m = expression.search(subject)
                while m is not None:
                    found.append(m)
                    m = expression.search(subject, m.start() + 1)
        found.sort(key=lambda m: m.start())
        out: list[re.Match[str]] = []
        end = 0
        for m in found:
            if m.start() >= end:
                out.append(m)
                end = m.end()
        return out


def _whole(word: str) -> re.Pattern[str]:
    """``word`` as a whole word: nothing of ``\\w`` right before or after it."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


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
    if _DOUBLE.search(text) is None:
        return spans  # no double mark at all (most paragraphs of news, some whole articles)
    carried = False  # the last non-blank paragraph ended inside a quotation
    base = 0
    for para in text.split("\n"):
        here, base = base, base + len(para) + 1
        first = len(para) - len(para.lstrip())
        if first == len(para):
            continue  # a blank line: a quotation left open stays open across it
        marks = [m.start() for m in _DOUBLE.finditer(para)]
        if not marks:
            carried = False  # a carried quotation that no mark closes here stops (as below)
            continue
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
