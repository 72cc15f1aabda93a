"""Numbers: quantities, money, percentages and dates in sentences, and their disagreements
inside aligned facts.

A quantity is normalised before comparison: "two per cent" and "2%" are ``percent 2``;
"$1.2 billion", "1.2bn dollars" and "US$1,200 million" are ``money 1.2e9 USD``; "January 31"
and "31 Jan." are ``date 131``; "fiscal 2027" and "2027" are ``year 2027``; "12 dead" is
``count 12`` of unit ``dead``. Qualifiers ("at least", "about", "more than", "up to") are
kept: "at least 11 dead" against "12 dead" is reported, since the figures differ.

Within one fact, quantities of two articles are compared kind by kind: counts when they count
the same noun (or when each sentence has a single count), money in the same currency,
percentages, years and dates. A disagreement is listed once per fact and kind.

Limits: English number words up to "ninety-nine" and scales; no ranges ("10 to 12" is two
counts); no arithmetic between units ("half" or "a third" are not read); a count's unit is the
first content word after the number.

The word lists are data (``newsprism.lexicons``): ``number-words``, ``scales``, ``currencies``
and ``qualifiers``; the regular expression is built from them once, on first use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from . import lexicons
from .dates import MONTH_PATTERN, month_number
from .model import Article, Fact, NumberConflict, Quantity, Span
from .text import number_words, stem, stopwords

NUMBERS_VERSION = "numbers.v1"

#: characters that make a currency sign a symbol ("us$"); a sign of letters only starts a word
_SYMBOLS = "$€£¥₹"


class _Tables(NamedTuple):
    """What the figure reader needs from the lexicons, built once."""

    pattern: re.Pattern[str]
    number_words: dict[str, int]
    scales: dict[str, float]
    #: scales read only next to a currency ("5m dollars" but "5 m" is five metres)
    money_only: frozenset[str]
    #: currency signs before a figure, and currency words after one, -> ISO code
    signs: dict[str, str]
    currency_words: dict[str, str]
    #: currency words right after "5m" that make the "m" a money scale
    scale_cue: re.Pattern[str]
    qualifiers: tuple[str, ...]


def _alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The lexicons ``number-words``, ``scales``, ``currencies`` and ``qualifiers`` and the
    patterns built from them."""
    numbers = lexicons.load("number-words").where("kind", "number")
    scale_lex = lexicons.load("scales")
    scales = {w: float(f) for w, f in scale_lex.mapping("factor").items()}
    joined = scale_lex.where("joined", "yes")
    currencies = lexicons.load("currencies")
    codes = currencies.mapping("code")
    signs = {f: codes[f] for f in currencies.where("position", "sign")}
    sign_pattern = "|".join(
        (r"\b" if not any(c in _SYMBOLS for c in sign) else "") + re.escape(sign)
        for sign in sorted(signs, key=lambda w: (-len(w), w))
    )
    word_number = _alternation(numbers)
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{word_number})(?:[-\s](?:{word_number}))?)"
    pattern = re.compile(
        rf"""
    (?P<date1>\b{MONTH_PATTERN}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{{4}}))?)
  | (?P<date2>\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTH_PATTERN})(?:\s+(?P<y2>\d{{4}}))?)(?![\w])
  | (?P<cur>(?:{sign_pattern})\s?)?
    (?P<num>(?<![\w.,]){number})(?![.,]\d)(?=(?:{_alternation(joined)})\b|\W|$)
    (?:\s?(?P<scale>{_alternation(scales)})\b)?
    (?:\s?(?P<pct>%|per\s?cent\b|percent\b|percentage\s+points?\b))?
    """,
        re.IGNORECASE | re.VERBOSE,
    )
    cue = _alternation(currencies.where("scale_cue", "yes"))
    return _Tables(
        pattern=pattern,
        number_words=number_words(),
        scales=scales,
        money_only=frozenset(scale_lex.where("money_only", "yes")),
        signs=signs,
        currency_words={f: codes[f] for f in currencies.where("position", "word")},
        scale_cue=re.compile(rf"\s*(?:{cue})", re.IGNORECASE),
        qualifiers=lexicons.load("qualifiers").entries,
    )


def _month(token: str) -> int:
    return month_number(token) or 0


def _number_value(text: str) -> float | None:
    t = text.lower().replace(",", "")
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[-\s]+", t)
    number_words = _tables().number_words
    total = 0.0
    for p in parts:
        if p not in number_words:
            return None
        total += number_words[p]
    return total


def _qualifier(before: str) -> tuple[str | None, int]:
    """The hedge right before a figure ("at least") and where it starts in ``before``."""
    stripped = before.rstrip()
    tail = stripped.lower()[-20:]
    for q in _tables().qualifiers:
        if tail.endswith(q) and (len(stripped) == len(q) or not stripped[-len(q) - 1].isalnum()):
            return q, len(stripped) - len(q)
    return None, len(before)


def _unit_after(after: str) -> str | None:
    stop = stopwords()
    for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", after[:60])[:3]:
        lw = w.lower()
        if lw in stop or lw in ("more", "than", "additional", "other", "new", "further", "extra"):
            continue
        return lw.split("-")[-1]
    return None


def quantities_in(text: str, *, article: str = "", sentence: int = 0, offset: int = 0) -> list[Quantity]:
    """Quantities in one sentence; offsets are shifted by ``offset`` (the sentence's start)."""
    tables = _tables()
    out: list[Quantity] = []
    for m in tables.pattern.finditer(text):
        start, end = m.start(), m.end()
        span_text = text[start:end].rstrip()
        end = start + len(span_text)
        if m.group("date1") or m.group("date2"):
            if m.group("date1"):
                month = _month(m.group("date1").split()[0])
                day, year = int(m.group("d1")), m.group("y1")
            else:
                month = _month(m.group("m2"))
                day, year = int(m.group("d2")), m.group("y2")
            if not 1 <= day <= 31:
                continue
            out.append(
                Quantity(
                    article,
                    sentence,
                    Span(offset + start, offset + end),
                    span_text,
                    float(month * 100 + day),
                    "date",
                    None,
                    None,
                )
            )
            if year:
                ys = text.index(year, m.start())
                out.append(Quantity(article, sentence, Span(offset + ys, offset + ys + 4), year, float(year), "year"))
            continue
        value = _number_value(m.group("num"))
        if value is None:
            continue
        scale = (m.group("scale") or "").lower()
        after = text[end:]
        currency = None
        if m.group("cur"):
            currency = tables.signs.get(m.group("cur").strip().lower())
        if scale:
            if scale in tables.money_only and not currency and not tables.scale_cue.match(after):
                end = m.end("num")  # "5 m" is five metres, not five million
                after = text[end:]
            else:
                value *= tables.scales[scale]
        word_after = re.match(r"\s*([^\W\d_]+)", after)
        if currency is None and word_after and word_after.group(1).lower() in tables.currency_words:
            currency = tables.currency_words[word_after.group(1).lower()]
            end += word_after.end()
        qualifier, q_start = _qualifier(text[:start])
        if qualifier and not m.group("cur"):
            start = q_start
        span_text = text[start:end]
        if m.group("pct"):
            kind, unit = "percent", None
        elif currency:
            kind, unit = "money", currency
        elif re.fullmatch(r"(1[89]|20)\d\d", m.group("num")) and not scale:
            kind, unit = "year", None
        else:
            if m.group("num").lower() == "one" and not scale:
                continue  # "one of the", "one person": too often not a figure
            kind, unit = "count", _unit_after(text[end:])
        out.append(
            Quantity(article, sentence, Span(offset + start, offset + end), span_text, value, kind, unit, qualifier)
        )
    return out


def article_quantities(article: Article) -> list[Quantity]:
    """Every quantity of every sentence of an article."""
    return [
        q
        for s in article.sentences
        for q in quantities_in(s.text, article=article.id, sentence=s.index, offset=s.start)
    ]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def conflicts(facts: Sequence[Fact], quantities: Sequence[Quantity]) -> list[NumberConflict]:
    """Disagreements of figures between the articles of each fact."""
    by_sentence: dict[tuple[str, int], list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault((q.article, q.sentence), []).append(q)
    out: list[NumberConflict] = []
    for fact in facts:
        if len(fact.members) < 2:
            continue
        per_article = [by_sentence.get((m.article, m.sentence), []) for m in fact.members]
        found: dict[tuple[str, str | None], list[Quantity]] = {}
        for i in range(len(per_article)):
            for j in range(i + 1, len(per_article)):
                for key, qa, qb in _comparable(per_article[i], per_article[j]):
                    if not any(_same(x.value, y.value) for x in qa for y in qb):
                        bucket = found.setdefault(key, [])
                        for q in (*qa, *qb):
                            if q not in bucket:
                                bucket.append(q)
        for (kind, unit), qs in found.items():
            out.append(NumberConflict(fact.id, kind, unit, tuple(qs)))
    return out


_Key = tuple[str, str | None]


def _unit_key(q: Quantity) -> str | None:
    return stem(q.unit) if q.unit else None


def _comparable(a: list[Quantity], b: list[Quantity]) -> list[tuple[_Key, list[Quantity], list[Quantity]]]:
    pairs: list[tuple[_Key, list[Quantity], list[Quantity]]] = []
    for kind in ("percent", "money", "year", "date", "count"):
        qa = [q for q in a if q.kind == kind]
        qb = [q for q in b if q.kind == kind]
        if not qa or not qb:
            continue
        if kind == "count":  # counts of the same noun, singular or plural ("12 dead", "11 people")
            units = {_unit_key(q) for q in qa} & {_unit_key(q) for q in qb}
            for unit in sorted(u for u in units if u):
                pairs.append(
                    ((kind, unit), [q for q in qa if _unit_key(q) == unit], [q for q in qb if _unit_key(q) == unit])
                )
            if not units and len(qa) == 1 and len(qb) == 1:
                pairs.append(((kind, _unit_key(qa[0])), qa, qb))
        elif kind == "money":
            for cur in sorted({q.unit or "" for q in qa} & {q.unit or "" for q in qb}):
                pairs.append(
                    (
                        (kind, cur or None),
                        [q for q in qa if (q.unit or "") == cur],
                        [q for q in qb if (q.unit or "") == cur],
                    )
                )
        else:
            pairs.append(((kind, None), qa, qb))
    return pairs
