"""Small text utilities shared by the analysis stages: words with offsets, a light stemmer,
stopwords, spelling folds and quotation spans.

Limits: English only. The stemmer is a handful of suffix rules (enough to match
"cooperation"/"cooperate" poorly but "concerns"/"concern", "increased"/"increasing" well); the
spelling fold maps common British endings to American ones ("behaviour" -> "behavior",
"defence" -> "defense", "modernise" -> "modernize").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")

_BRITISH = [
    (re.compile(r"our$"), "or"),
    (re.compile(r"ence$"), "ense"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"yse$"), "yze"),
    (re.compile(r"tre$"), "ter"),
    (re.compile(r"ogue$"), "og"),
]
#: every ending a pattern above can rewrite (a cheap test before the regular expressions)
_BRITISH_ENDINGS = ("our", "ence", "ise", "ised", "ises", "ising", "isation", "isations", "yse", "tre", "ogue")
_BRITISH_KEEP = {
    "our",
    "four",
    "hour",
    "pour",
    "tour",
    "your",
    "sour",
    "flour",
    "since",
    "hence",
    "fence",
    "whence",
    "thence",
    "rise",
    "wise",
    "raise",
    "noise",
    "praise",
    "promise",
    "advise",
    "revise",
    "surprise",
    "exercise",
    "otherwise",
    "arise",
    "arose",
    "poise",
    "premise",
    "vise",
    "precise",
    "concise",
    "expertise",
    "franchise",
    "merchandise",
    "cruise",
    "bruise",
    "despise",
    "compromise",
    "comprise",
    "enterprise",
    "televise",
    "supervise",
    "improvise",
    "disguise",
    "treatise",
    "paradise",
    "license",
    "licence",
    "defense",
    "offense",
    "sense",
    "dense",
    "tense",
    "pretense",
    "expense",
    "immense",
    "incense",
    "condense",
    "dispense",
    "suspense",
    "intense",
    "recompense",
}


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    text = resources.files("newsprism").joinpath("data/stopwords.txt").read_text("utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def words(text: str) -> list[tuple[int, int, str]]:
    """Every word and number of ``text`` as ``(start, end, lowercased word)``."""
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in WORD.finditer(text)]


def word_list(text: str) -> list[str]:
    """The words of ``text``, lower-cased, without offsets (faster than :func:`words`)."""
    return WORD.findall(text.lower().replace("’", "'"))


@lru_cache(maxsize=200_000)
def fold_spelling(word: str) -> str:
    """Map a British spelling onto the American one (a few regular endings only)."""
    if len(word) < 5 or word in _BRITISH_KEEP or not word.endswith(_BRITISH_ENDINGS):
        return word
    for pat, rep in _BRITISH:
        new = pat.sub(rep, word)
        if new != word:
            return new
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


NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
}


def terms(text: str) -> list[str]:
    """Content terms of a sentence for word-overlap scoring: stems of non-stopwords, and
    numbers (number words folded to digits) marked with ``#``."""
    stop = stopwords()
    out = []
    for w in word_list(text):
        if w[0].isdigit():
            out.append("#" + w.replace(",", ""))
        elif w in NUMBER_WORDS and w not in ("one", "hundred", "thousand", "million", "billion"):
            out.append(f"#{NUMBER_WORDS[w]}")
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
