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


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside double quotation marks (marks included), paired within a
    paragraph; an unpaired mark closes at the end of its paragraph only if it opens a
    paragraph (a quotation running on over paragraphs), else it is ignored."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        marks = [m.start() for m in _DOUBLE.finditer(para)]
        i = 0
        while i + 1 < len(marks):
            spans.append((pos + marks[i], pos + marks[i + 1] + 1))
            i += 2
        if i < len(marks) and marks[i] == 0:
            spans.append((pos, pos + len(para)))
        pos += len(para) + 1
    return spans
