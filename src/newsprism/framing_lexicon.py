"""Framing marks found by word lists: hedges, loaded words and judging reporting verbs.

:func:`lexicon_marks` reads one text (a pure function of it) and returns every occurrence of
an entry of three lexicons as ``(start, end, type, lexicon_version)``, in text order:

- ``hedge``: the ``hedges`` lexicon (allegedly, reportedly, so-called, is said to, what he
  called, self-styled...);
- ``loaded``: the ``loaded-words`` lexicon (slammed, regime, thugs, draconian, walk free...),
  each entry with its neutral alternative (:func:`entry`);
- ``attribution``: the forms of ``reporting-verbs`` with stance ``judging`` (claimed, alleged,
  insisted, admitted, conceded, boasted...), read with ``attribution-contexts``.

How (``framing-lexicon.v1``; v2 reads `loaded-words.v2` and `hedges.v2`, v3 `loaded-words.v3`,
the same way; v4 reads `hedges.v3` and takes "it's", "that's", "there's"... for no possessive):
(v5 reads `hedges.v4` and `reporting-verbs.v3`, the same way)

- **Matching**: one regular expression per lexicon, built once and cached, alternatives longest
  first, case-insensitive, whole words: a form does not match inside a longer word or a
  hyphenated compound ("regime" not in "anti-regime"). In an entry a space matches any run of
  spaces and a hyphen any dash of a compound ("so‑called"); an apostrophe matches ’ too.
- **Context**: a row may name words that, right before or after, make the form a neutral or
  literal use (``unless_prev`` / ``unless_next``: "sanctions regime", "slammed the door",
  "conceded defeat", "admitted to hospital", "denied bail", "reported revenue" is not judging at
  all), or the only words after which it counts (``only_next``: "maintained that", "charged
  that"). ``#`` stands for a figure ("according to some 300 residents"), ``$`` for the end of a
  clause, ``@det`` for a determiner or possessive. A hedge with context ``after-determiner``
  counts only after one ("the alleged attack"); the same "alleged" after a subject is an
  attribution ("police alleged that..."), after a determiner it is not.
- **Overlaps**: across the three lists the leftmost, then longest match wins ("it is claimed"
  is one hedge, not a hedge and an attribution).

Limits: no parser, so a form's part of speech is not checked (the noun "claims" after a word
that is no determiner, "alleged victims" without one, are read as verbs); marks inside
quotations are returned too (whose words they are is for the caller to say); a context is a
fixed list of neighbouring words, so an unlisted literal use ("blasted the rock face") is
flagged. Linear in ``len(text)``: each lexicon's expression is searched for only where a word
that opens one of its entries stands (:class:`newsprism.text.WordList`: the same matches as a
scan of every position, two to three times faster), and each match looks at most ``_WINDOW``
characters around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from . import lexicons
from .text import WordList

FRAMING_LEXICON_VERSION = "framing-lexicon.v5"

#: a framing mark from a word list: start, end, type (hedge|loaded|attribution), lexicon version
Mark = tuple[int, int, str, str]

#: how many characters before and after a match its context is read from
_WINDOW = 80

#: words that make the next word a noun or an attribute: "the alleged attack", "his claims"
_DETERMINERS = frozenset(
    {
        *("a", "an", "the", "this", "that", "these", "those", "such", "any", "no", "every", "each"),
        *("his", "her", "its", "their", "our", "my", "your", "whose"),
        *("another", "some", "many", "several", "all", "both", "either", "neither"),
    }
)

_DASHES = "-\u2010\u2011\u2012\u2013"
_DASH_CLASS = "\\-\u2010\u2011\u2012\u2013"  # for inside [...]
_APOSTROPHES = "'\u2019"
_NOT_BEFORE = rf"(?<!\w)(?<!\w[{_DASH_CLASS}])"
_NOT_AFTER = rf"(?!\w)(?![{_DASH_CLASS}]\w)"
_SPACE = re.compile(r"\s+")
_FIRST = re.compile(r"\w+")
_FIGURE = re.compile(r"[$€£¥]?\s?[0-9]")
_CLAUSE_END = re.compile(r"""\s*(?:$|[.,;:!?)\]"”'’\u2013\u2014])""")
_PREV_WORDS = re.compile(rf"((?:[\w{_APOSTROPHES}][\w{_APOSTROPHES}{_DASH_CLASS}.]*[ \t\u00a0]+)+)$")


@dataclass(frozen=True)
class _Rule:
    """One entry of a lexicon as the matcher reads it."""

    type: str
    version: str
    lexicon: str
    row: tuple[str, ...]
    after_determiner: bool
    only_next: tuple[str, ...]
    unless_prev: tuple[str, ...]
    unless_next: tuple[str, ...]


def _phrases(value: str) -> tuple[str, ...]:
    return () if value == "-" else tuple(_fold(p) for p in value.split("|"))


def _fold(text: str) -> str:
    """Lower case, one space for any white space, one hyphen for any dash, ' for ’."""
    text = _SPACE.sub(" ", text.strip().lower())
    for dash in _DASHES[1:]:
        text = text.replace(dash, "-")
    return text.replace("\u2019", "'")


def _unit(ch: str) -> str:
    """The expression for one character of a folded entry."""
    if ch == " ":
        return r"\s+"
    if ch == "-":
        return f"[{_DASH_CLASS}]"
    if ch == "'":
        return f"[{_APOSTROPHES}]"
    return re.escape(ch)


def _trie_pattern(phrases: list[str]) -> str:
    """One expression for all ``phrases``, as a character trie so that each position of the
    text is tried against shared prefixes once; a greedy optional tail makes the longest entry
    win ("slammed into" over "slammed"), backtracking to a shorter one where the longer fails."""
    trie: dict[str, dict] = {}
    end = ""  # key of the end-of-entry marker (no character is empty)
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[end] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [_unit(ch) + emit(child) for ch, child in sorted(node.items()) if ch != end]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end in node:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


@cache
def _tables() -> tuple[tuple[WordList, dict[str, _Rule]], ...]:
    """For each lexicon, its expression (:class:`newsprism.text.WordList`: searched for where
    the first word of one of its forms stands) and the rule of each folded form."""
    tables: list[dict[str, _Rule]] = [{}, {}, {}]

    hedges = lexicons.load("hedges")
    for row in hedges.rows:
        values = dict(zip(hedges.columns, row, strict=True))
        tables[0][_fold(row[0])] = _Rule(
            "hedge",
            hedges.version,
            hedges.name,
            row,
            values["context"] == "after-determiner",
            (),
            (),
            _phrases(values["unless_next"]),
        )

    loaded = lexicons.load("loaded-words")
    for row in loaded.rows:
        values = dict(zip(loaded.columns, row, strict=True))
        tables[1][_fold(row[0])] = _Rule(
            "loaded",
            loaded.version,
            loaded.name,
            row,
            False,
            (),
            _phrases(values["unless_prev"]),
            _phrases(values["unless_next"]),
        )

    verbs = lexicons.load("reporting-verbs")
    contexts = {row[0]: row for row in lexicons.load("attribution-contexts").rows}
    for row in verbs.rows:
        values = dict(zip(verbs.columns, row, strict=True))
        if values["stance"] != "judging":
            continue
        ctx = contexts.get(values["lemma"], (values["lemma"], "-", "-", "-"))
        tables[2][_fold(row[0])] = _Rule(
            "attribution",
            verbs.version,
            verbs.name,
            row,
            False,
            _phrases(ctx[1]),
            _phrases(ctx[2]),
            _phrases(ctx[3]),
        )

    out = []
    for rules in tables:
        expression = _trie_pattern(sorted(rules))
        pattern = re.compile(f"{_NOT_BEFORE}(?:{expression}){_NOT_AFTER}", re.IGNORECASE)
        by_first: dict[str, list[str]] = {}
        for form in rules:
            by_first.setdefault(_FIRST.match(form).group(), []).append(form)  # type: ignore[union-attr]
        out.append((WordList(pattern, by_first, partial(_anchored, by_first), fold=True), rules))
    return tuple(out)


def _anchored(by_first: dict[str, list[str]], first: str) -> str:
    """The expression of the entries that open with the word ``first`` (lower case, matched
    against lower-cased text): the word, the look-behinds of ``_NOT_BEFORE`` after it, then the
    trie of the rest of those entries, as in the whole list's expression."""
    w = re.escape(first)
    rests = _trie_pattern(sorted(form[len(first) :] for form in by_first[first]))
    return f"{w}(?<!\\w{w})(?<!\\w[{_DASH_CLASS}]{w})(?:{rests}){_NOT_AFTER}"


def _next_starts(text: str, end: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` follows ``end`` (after spaces), as whole words."""
    after = text[end : end + _WINDOW]
    rest = _fold(after)
    for p in phrases:
        if p == "#":
            if _FIGURE.match(rest):
                return True
        elif p == "$":
            if _CLAUSE_END.match(after):
                return True
        elif rest.startswith(p) and not (len(rest) > len(p) and (rest[len(p)].isalnum() or rest[len(p)] == "_")):
            return True
    return False


def _prev_words(text: str, start: int) -> list[str]:
    """The words right before ``start`` on its line, nearest last, with only spaces between."""
    window = text[max(0, start - _WINDOW) : start]
    if not window or not window[-1].isspace():
        return []
    m = _PREV_WORDS.search(window)
    return _fold(m.group(1)).split() if m else []


#: words that end in "'s" and are no possessive: a pronoun or "that", "there"... and "is" or "has"
#: (since framing-lexicon.v4: "it's supposed to" is no "the supposed ally")
_CONTRACTIONS = frozenset(
    {
        *("it's", "he's", "she's", "that's", "there's", "here's", "what's", "who's", "where's"),
        *("when's", "how's", "why's", "let's"),
    }
)


def _is_determiner(word: str) -> bool:
    return word in _DETERMINERS or (word.endswith(("'s", "s'")) and word not in _CONTRACTIONS)


def _prev_is(words: list[str], phrases: tuple[str, ...]) -> bool:
    det, figure, empty, by_last = _phrase_index(phrases)
    if empty:
        return True
    if not words:
        return False
    last = words[-1]
    if (det and _is_determiner(last)) or (figure and last[:1].isdigit()):
        return True
    n = len(words)
    return any(n >= len(need) and words[-len(need) :] == need for need in by_last.get(last, ()))


@lru_cache(maxsize=1024)
def _phrase_index(phrases: tuple[str, ...]) -> tuple[bool, bool, bool, dict[str, list[list[str]]]]:
    """A rule's phrases read once (a rule is asked of every match): whether "@det" and "#" are
    among them, whether an empty phrase is, and the others' words by their last word."""
    by_last: dict[str, list[list[str]]] = {}
    for p in phrases:
        need = p.split()
        if p not in ("@det", "#") and need:
            by_last.setdefault(need[-1], []).append(need)
    return "@det" in phrases, "#" in phrases, any(not p.split() for p in phrases), by_last


def _keeps(text: str, start: int, end: int, rule: _Rule) -> bool:
    if rule.only_next and not _next_starts(text, end, rule.only_next):
        return False
    if rule.unless_next and _next_starts(text, end, rule.unless_next):
        return False
    if rule.after_determiner or rule.unless_prev:
        words = _prev_words(text, start)
        if rule.after_determiner and not (words and _is_determiner(words[-1])):
            return False
        if rule.unless_prev and _prev_is(words, rule.unless_prev):
            return False
    return True


def _found(text: str, *, everywhere: bool = False) -> list[tuple[int, int, _Rule]]:
    """The kept matches of the three lexicons; each expression is searched for only where a word
    that opens one of its forms stands (the same matches as trying it at every position, which
    ``everywhere`` does, for tests, two to three times slower)."""
    found = []
    for words, rules in _tables():
        for m in words.finditer(text, everywhere=everywhere):
            rule = rules.get(_fold(m.group()))
            # None: matched through a case folding that _fold does not make ("ı" for "i")
            if rule is not None and _keeps(text, m.start(), m.end(), rule):
                found.append((m.start(), m.end(), rule))
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    kept: list[tuple[int, int, _Rule]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    return kept


def lexicon_marks(text: str) -> list[Mark]:
    """Every hedge, loaded word and judging reporting verb in ``text`` as ``(start, end, type,
    lexicon_version)``, in text order, none overlapping (see the module docstring)."""
    return [(s, e, rule.type, rule.version) for s, e, rule in _found(text)]


def entry(text: str, mark: Mark) -> dict[str, str]:
    """The lexicon row behind ``mark`` (found in ``text``), column -> value, with ``lexicon``:
    for a loaded word its ``neutral`` alternatives and ``kind``; for a hedge its ``kind``; for
    an attribution the reporting verb's ``lemma``."""
    start, end, kind, _ = mark
    index = {"hedge": 0, "loaded": 1, "attribution": 2}[kind]
    rule = _tables()[index][1][_fold(text[start:end])]
    columns = lexicons.load(rule.lexicon).columns
    return {"lexicon": rule.lexicon, **dict(zip(columns, rule.row, strict=True))}
