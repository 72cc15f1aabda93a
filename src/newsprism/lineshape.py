"""A learned line-shape decision for page furniture (``shape.v2``, issue 16 part 1; on by
default since ``furniture.v8``).

One more piece of evidence for :mod:`newsprism.clean`, after the phrase patterns, the shape
and position rules and the labels: a logistic regression over what a line looks like and
where it stands, not what it says: its length, final punctuation, share of title-case and
upper-case words, figures, separators (``|``, ``—``, ``:``), an address, a handle or a link,
the words that speak to the reader or in the outlet's "we", its place against the story's
anchors (:func:`_anchor`) and edges, its neighbours (short, or dropped by the other
evidence), and the words it shares with the headline and the story. No feature names a
phrase.

The weights and the probability bar are data (``data/shape.v2.json``), written by
``benchmarks/train_furniture.py`` from the labelled lines of the written gold parts (their
boilerplate lines are furniture, every other line is story). The decision only drops a line
the other evidence keeps, and only outside the story: before the first or after the last
anchor of the kept lines, never an anchor, text input only; rules of where it may act
(:func:`line_features`) carry its precision on real pages. Scoring is a dot product in pure
Python: linear in the lines of a body; the features are read only for the lines the rules
leave.

``shape.v2`` against ``shape.v1`` (the same weights): anchors that end in an attribution, a
summary's items next to a deck, sentences that lost their stop after the story and a list
under a lead-in ending in a colon are spared; the guards are read before the features.
Measured (docs/cleaning.md): by leave-one-part-out it raises recall on three gold parts
with precision unchanged; on allsides_baly2020 a fresh seeded sample of 60 of its drops held
no story line; x1.03 to x1.06 of ``furniture.v7``'s cleaning time.

Limits: trained on written parts in English (a few hundred articles of invented outlets);
between the anchors it does nothing, so a teaser between paragraphs is left to the patterns;
a story's list after its last paragraph whose items lack a stop and stand under no lead-in
reads as a list of headlines; so do a columnist's closing lists of links.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from . import clean as _c

VERSION = "shape.v2"
MODEL_FILE = "shape.v2.json"

FEATURES = (
    "log_words",
    "log_chars",
    "ends_sentence",
    "ends_colon",
    "ends_question_or_exclamation",
    "title_case_share",
    "upper_case_share",
    "digit_share",
    "has_separator",
    "has_contact",
    "has_bracketed_count",
    "speaks_to_reader",
    "outlet_we",
    "has_quotation",
    "before_story",
    "after_story",
    "log_lines_to_story",
    "edge_distance",
    "first_line",
    "last_line",
    "previous_dropped",
    "next_dropped",
    "previous_short",
    "next_short",
    "log_short_run",
    "shares_headline_or_lead",
    "shares_story",
    "list_punctuation",
    "table_row",
    "question_to_reader",
    "deck_place",
    "before_story_shares_story",
    "after_story_shares_story",
    "log_words_beyond",
)

_BRACKETED_COUNT = re.compile(r"\(\d[\d,]*\)")
_DIGIT = re.compile(r"\d")
_SEP = re.compile(r"[|—–·•>]|\s:\s|:\s*$|^[^:]{1,30}:\s")
_BARS = re.compile(r"[|·•]")
_YOU = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ours)\b")
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")
_QUESTION = re.compile(r"\?")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "he",
        "her",
        "his",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "she",
        "that",
        "the",
        "their",
        "they",
        "this",
        "to",
        "was",
        "we",
        "were",
        "which",
        "who",
        "will",
        "with",
        "you",
        "your",
    ]
)


class ShapeModelError(ValueError):
    """The shape model file is missing, corrupt or of another version."""


@dataclass(frozen=True, slots=True)
class ShapeModel:
    """Weights of the learned decision: standardised features, a logistic link, a bar."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    bar: float

    def probability(self, x: list[float]) -> float:
        z = self.intercept
        for v, m, s, w in zip(x, self.mean, self.scale, self.coef, strict=True):
            z += (v - m) / s * w
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    @classmethod
    def from_dict(cls, data: dict, *, name: str = MODEL_FILE) -> ShapeModel:
        try:
            if data.get("version") != VERSION or tuple(data["features"]) != FEATURES:
                raise ShapeModelError(f"{name}: not a {VERSION} model with this version's features")
            n = len(FEATURES)
            mean, scale, coef = (tuple(float(v) for v in data[k]) for k in ("mean", "scale", "coefficients"))
            if not len(mean) == len(scale) == len(coef) == n or min(scale) <= 0:
                raise ShapeModelError(f"{name}: needs {n} means, scales (> 0) and coefficients")
            return cls(mean, scale, coef, float(data["intercept"]), float(data["bar"]))
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ShapeModelError):
                raise
            raise ShapeModelError(f"{name}: not a usable {VERSION} model ({exc})") from None


@lru_cache(maxsize=8)
def load_model(text: str | None = None) -> ShapeModel:
    """The shipped model, or one from the JSON ``text`` of a model file."""
    name = MODEL_FILE if text is None else "shape model"
    if text is None:
        text = resources.files("newsprism").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ShapeModelError(f"{name}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ShapeModelError(f"{name}: not a JSON object")
    return ShapeModel.from_dict(data, name=name)


def _content(line: str) -> set[str]:
    return {w.lower() for w in _c._words(line) if len(w) > 2 and w.lower() not in _STOP}


def _short(line: str) -> bool:
    return len(line.split()) <= 8 and not _c._FINAL.search(line.strip())


#: a line of this many words or more before the story, in sentence case and without
#: separators, reads as a deck or a lead: never dropped by the learned decision
DECK_WORDS = 6
#: a kept line of this many words or more ending a sentence is story text: the decision drops
#: no line between it and the story
SENTENCE_WORDS = 6
#: so is a kept line of more words than this, whatever its end (a quotation ending in its source)
LONG_WORDS = 25
#: a longer line is left to the other evidence
MAX_WORDS = 20


#: a line of this many words or more after the story, in sentence case (under half of its
#: words that are not small ones capitalized) and without separators, is the story's own
#: sentence that lost its stop (a closing pointer, a summary's item), not a headline
PROSE_WORDS = 12
#: the last characters of a line searched for a closing attribution ("... end. — Source")
_ATTRIBUTION_CHARS = 100
_ATTRIBUTION = re.compile(r"\s(?:[—–]|--?)\s?[^\W\d_][^.!?—–|]{0,80}$")


def _without_attribution(line: str) -> str | None:
    """The line before a closing attribution (a dash and a source or a name after a sentence's
    end: a quotation of a template page ending "— Source"), or None without one."""
    tail = line[-_ATTRIBUTION_CHARS:]
    m = _ATTRIBUTION.search(tail)
    if m is None:
        return None
    head = line[: len(line) - len(tail) + m.start()].rstrip()
    return head if _c._FINAL.search(head) else None


def _anchor(line: str) -> bool:
    """A story line for certain: :func:`newsprism.clean._is_anchor`, or such a line followed by
    a closing attribution instead of ending on its stop."""
    if _c._is_anchor(line):
        return True
    head = _without_attribution(line) if len(line.split()) > _c.ANCHOR_WORDS else None
    return head is not None and _c._is_anchor(head)


def _title_share(words: list[str]) -> float:
    caps = [w for w in words if w.lower() not in _c._SMALL]
    return sum(1 for w in caps if w[:1].isupper()) / len(caps) if caps else 0.0


def _sentence(line: str) -> bool:
    words = len(line.split())
    if words > LONG_WORDS or (words >= SENTENCE_WORDS and bool(_c._FINAL.search(line))):
        return True
    return words >= SENTENCE_WORDS and _without_attribution(line) is not None


def _unstopped_prose(line: str) -> bool:
    """A sentence of the story that lost its final stop (:data:`PROSE_WORDS`)."""
    return len(line.split()) >= PROSE_WORDS and not _BARS.search(line) and _title_share(_c._words(line)) < 0.5


def _loose(line: str) -> bool:
    return len(line.split()) <= 20 and not _c._FINAL.search(line)


def _prose(words: int, title_share: float, line: str) -> bool:
    """A deck or a lead's summary: six words or more, no separators, and under 70% of the
    words that are not small ones capitalized (names raise the share of a sentence-case
    line: "Attack last September killed Ambassador ...")."""
    return words >= DECK_WORDS and title_share < 0.7 and not _BARS.search(line)


def line_features(
    lines: list[str], title: str | None, dropped: set[int], *, every: bool = False
) -> tuple[dict[int, list[float]], set[int]]:
    """Features of the lines of a body (by index in ``lines``) the decision may drop, and
    those lines. It looks at the lines outside the story that the other evidence keeps
    (``dropped`` are its drops): before the first or after the last anchor (:func:`_anchor`)
    among the kept lines; ``every=True`` gives the features of every non-empty line (for
    training), the same for a line either way.

    It may drop such a line unless it is a sentence (one ending in a closing attribution
    too), ends in a colon, runs over :data:`MAX_WORDS` words, reads as a deck
    (:data:`DECK_WORDS`) or stands next to one before the story (a summary's items), reads as
    a sentence that lost its stop after the story (:data:`PROSE_WORDS`), is a list item, a
    table row or a table's heading, an embedded post or a field with its value, stands alone
    after the story or under a kept lead-in of six words or more ending in a colon (the
    story's own list), or has a kept sentence (:data:`SENTENCE_WORDS`), a long kept line
    (:data:`LONG_WORDS`) or, after the story, such an unstopped sentence between it and the
    story. The guards are read first, and the features only for the lines they leave: most
    pages have none, and their story lines are never read. Linear in the lines: anchors and
    sentences are searched from either end, a line is read by its first characters, and the
    story's words are read in one pass."""
    order = [n for n, line in enumerate(lines) if line.strip()]
    if not order:
        return {}, set()
    text = {n: lines[n].strip()[: _c.MAX_SHAPE_CHARS * 4] for n in order}
    kept = [n for n in order if n not in dropped]
    first = next((n for n in kept if _anchor(text[n])), None)
    last = next((n for n in reversed(kept) if _anchor(text[n])), None) if first is not None else None
    pos = {n: k for k, n in enumerate(order)}
    total = len(order)
    if first is None or last is None:
        look: list[int] = []
    else:
        look = [n for n in order if n not in dropped and (pos[n] < pos[first] or pos[n] > pos[last])]
    # kept sentences: story text; furniture lies beyond the first and the last of them
    # (after the story, a sentence that lost its stop counts too)
    first_prose = next((pos[n] for n in kept if _sentence(text[n])), total)
    last_prose = next(
        (
            pos[n]
            for n in reversed(kept)
            if _sentence(text[n]) or (last is not None and pos[n] > pos[last] and _unstopped_prose(text[n]))
        ),
        -1,
    )
    # after the story, the unpunctuated lines under a kept lead-in of a sentence's length ending
    # in a colon ("The papers that backed the plan are:") are the story's own list
    listed: set[int] = set()
    if last is not None:
        under = False
        for n in order[pos[last] + 1 :]:
            if n in dropped:
                under = False
            elif under and _loose(text[n]):
                listed.add(n)
            else:
                under = text[n].endswith(":") and len(text[n].split()) >= SENTENCE_WORDS
    cells: dict[int, int] = {}

    def cell(n: int) -> int:
        if n not in cells:
            cells[n] = _c._cell_count(text[n])
        return cells[n]

    def loose(n: int | None) -> bool:
        return n is not None and n not in dropped and _loose(text[n])

    eligible: set[int] = set()
    if look:
        assert first is not None and last is not None
    shapes: dict[int, tuple[list[str], float, bool]] = {}
    for n in look:
        k = pos[n]
        before = k < pos[first]  # type: ignore[index]
        after = not before
        line = text[n]
        words = _c._words(line)
        nw = len(line.split())
        title_share = _title_share(words)
        prev_n = order[k - 1] if k > 0 else None
        next_n = order[k + 1] if k + 1 < total else None
        table = cell(n) >= 3 and any(m is not None and cell(m) == cell(n) for m in (prev_n, next_n))
        sentence = bool(_c._FINAL.search(line))
        shapes[n] = (words, title_share, table)
        if (
            not sentence
            and not line.endswith(":")
            and nw <= MAX_WORDS
            and not (before and _prose(nw, title_share, line))
            and not (before and _next_to_deck(text, order, pos, first, dropped, prev_n, next_n))
            and not _c._LIST_ITEM.search(line)
            and not _c._tweet(line)
            and not _c._FIELD.match(line)
            and not table
            and not (next_n is not None and cell(next_n) >= 3)
            and not (
                after
                and loose(n)
                and not loose(prev_n)
                and not loose(next_n)
                and prev_n not in dropped
                and next_n not in dropped
            )
            and not (before and k > first_prose)
            and not (after and k <= last_prose)
            and n not in listed
        ):
            eligible.add(n)
    read = order if every else sorted(eligible)
    if not read:
        return {}, eligible
    lead = _content(title or "") | (_content(text[first]) if first is not None else set())
    counts: dict[str, int] = {}
    story: set[str] = set()
    if first is not None and last is not None:
        span = [n for n in kept if pos[first] <= pos[n] <= pos[last]]
        if every:
            for n in span:
                for w in _content(text[n]):
                    counts[w] = counts.get(w, 0) + 1
            story = set(counts)
        else:
            story = _content("\n".join(text[n] for n in span))
    short: dict[int, bool] = {}

    def is_short(n: int) -> bool:
        if n not in short:
            short[n] = _short(text[n])
        return short[n]

    run = _runs(order, is_short)
    words_before = [0]
    for n in order:
        words_before.append(words_before[-1] + len(text[n].split()))
    out: dict[int, list[float]] = {}
    for n in read:
        k = pos[n]
        before = first is not None and k < pos[first]
        after = last is not None and k > pos[last]
        line = text[n]
        if n in shapes:
            words, title_share, table = shapes[n]
        else:
            words = _c._words(line)
            title_share = _title_share(words)
            prev_t = order[k - 1] if k > 0 else None
            next_t = order[k + 1] if k + 1 < total else None
            table = cell(n) >= 3 and any(m is not None and cell(m) == cell(n) for m in (prev_t, next_t))
        nw = len(line.split())
        upper_share = sum(1 for w in words if len(w) > 1 and w.isupper()) / len(words) if words else 0.0
        tokens = line.split()
        digit_share = sum(1 for t in tokens if _DIGIT.search(t)) / len(tokens) if tokens else 0.0
        if before and first is not None:
            gap = pos[first] - k
            beyond = words_before[k]
        elif after and last is not None:
            gap = k - pos[last]
            beyond = words_before[-1] - words_before[k + 1]
        else:
            gap = beyond = 0
        own = _content(line)
        inside = first is not None and last is not None and n not in dropped and pos[first] <= k <= pos[last]
        if every:
            shares_story = sum(1 for w in own if counts.get(w, 0) - (1 if inside else 0) > 0) / len(own) if own else 0.0
        else:
            shares_story = sum(1 for w in own if w in story) / len(own) if own else 0.0
        prev_n = order[k - 1] if k > 0 else None
        next_n = order[k + 1] if k + 1 < total else None
        sentence = bool(_c._FINAL.search(line))
        out[n] = [
            math.log1p(nw),
            math.log1p(len(line)),
            1.0 if sentence else 0.0,
            1.0 if line.endswith(":") else 0.0,
            1.0 if line.rstrip("\"'”’)]").endswith(("?", "!")) else 0.0,
            title_share,
            upper_share,
            digit_share,
            1.0 if _SEP.search(line) else 0.0,
            1.0 if _c._has_contact(line) else 0.0,
            1.0 if _BRACKETED_COUNT.search(line) else 0.0,
            1.0 if _YOU.search(line) else 0.0,
            1.0 if _WE.search(line) else 0.0,
            1.0 if any(q in line for q in _c._QUOTES) else 0.0,
            1.0 if before else 0.0,
            1.0 if after else 0.0,
            math.log1p(gap),
            min(k, total - 1 - k) / total,
            1.0 if k == 0 else 0.0,
            1.0 if k == total - 1 else 0.0,
            1.0 if prev_n is not None and prev_n in dropped else 0.0,
            1.0 if next_n is not None and next_n in dropped else 0.0,
            1.0 if prev_n is None or is_short(prev_n) else 0.0,
            1.0 if next_n is None or is_short(next_n) else 0.0,
            math.log1p(run[n]),
            len(own & lead) / len(own) if own else 0.0,
            shares_story,
            (line.count(",") + line.count(";")) / max(1, nw),
            1.0 if table else 0.0,
            1.0 if _QUESTION.search(line) and _YOU.search(line) else 0.0,
            1.0 if before and gap == 1 and k > 0 else 0.0,
            shares_story if before else 0.0,
            shares_story if after else 0.0,
            math.log1p(beyond),
        ]
    return out, eligible


def _next_to_deck(
    text: dict[int, str],
    order: list[int],
    pos: dict[int, int],
    first: int | None,
    dropped: set[int],
    prev_n: int | None,
    next_n: int | None,
) -> bool:
    """Before the story, a kept neighbour reads as a deck: the line is one of a summary's items
    (bullets under a highlights heading stand together, some of them short)."""
    for m in (prev_n, next_n):
        if m is None or m in dropped or first is None or pos[m] >= pos[first]:
            continue
        line = text[m]
        nw = len(line.split())
        if nw <= MAX_WORDS and not _c._FINAL.search(line) and _prose(nw, _title_share(_c._words(line)), line):
            return True
    return False


def _runs(order: list[int], test: Callable[[int], bool]) -> dict[int, int]:
    """For each line, the length of the run of consecutive lines passing ``test`` that holds
    it (0 when it fails)."""
    out: dict[int, int] = {}
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and test(order[j]):
            j += 1
        for k in range(i, max(j, i + 1)):
            out[order[k]] = j - i
        i = max(j, i + 1)
    return out


def shape_drops(lines: list[str], title: str | None, dropped: set[int], model: ShapeModel) -> list[int]:
    """The lines the learned decision drops (indices into ``lines``), in page order."""
    feats, eligible = line_features(lines, title, dropped)
    return sorted(n for n in eligible if model.probability(feats[n]) >= model.bar)
