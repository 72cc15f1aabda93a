"""Reuse: how much of an article was taken, verbatim or nearly, from another one.

For an ordered pair (article, source), every run of at least ``ngram`` consecutive words of
the article that also occurs in the source (after lower-casing, light stemming and British /
American spelling folds) is marked as copied; copied runs separated by at most ``gap`` words
are joined, so a passage with a changed verb ("said" -> "claimed") counts as one near-verbatim
passage. Words inside quotation marks are left out of both the numerator and the
denominator: two outlets quoting the same speaker have not copied each other.

``share`` is the fraction of the article's characters (quotations excluded) that lie in copied
passages. A wire story republished with light edits scores high (over 0.6); two independent
reports of one event score low (under 0.15), since they share names and short phrases only.

Limits: word order matters (a reshuffled paragraph is found sentence by sentence only where
runs of ``ngram`` words survive); a translated or heavily paraphrased copy is not reuse here
(the alignment of facts shows it instead).

v2: quotations left out as the new ``quote_spans`` finds them (over paragraphs, nested, by direction).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import numpy as np

from .model import Article, Reuse, Span
from .text import WORD, quote_spans, stem

REUSE_VERSION = "shingle-reuse.v2"


@dataclass(frozen=True, slots=True)
class ReuseOptions:
    """``ngram``: words in a shared run (1 or more); ``gap``: words allowed between two runs
    of one passage (0 or more); ``min_share``: pairs below it are not reported (a share, 0 to
    1). Other values are refused with :class:`~newsprism.errors.OptionsError`."""

    ngram: int = 5
    gap: int = 3
    min_share: float = 0.0

    def __post_init__(self) -> None:
        from . import _checks as check

        check.whole(self, "ngram", 1)
        check.whole(self, "gap", 0)
        check.number(self, "min_share")  # a share of the shorter article: 0 to 1


@dataclass(frozen=True, slots=True)
class _Tokens:
    """An article's words as arrays: character offsets, a shared id per stemmed word, and
    whether the word lies inside a quotation. Arrays, not lists of tuples: an article of
    millions of words costs tens of megabytes, not gigabytes."""

    starts: np.ndarray
    ends: np.ndarray
    ids: np.ndarray
    quoted: np.ndarray


#: words turned into arrays at a time (bounds the lists a very long article needs)
_CHUNK = 1 << 16


def _tokens(article: Article, vocab: dict[str, int]) -> _Tokens:
    found = WORD.finditer(article.text)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    word_id = vocab.setdefault
    while chunk := list(islice(found, _CHUNK)):
        parts.append(
            (
                np.array([m.start() for m in chunk], dtype=np.int64),
                np.array([m.end() for m in chunk], dtype=np.int64),
                np.array([word_id(stem(m.group().lower().replace("’", "'")), len(vocab)) for m in chunk], np.int64),
            )
        )
    if parts:
        s, ends, ids = (np.concatenate(column) for column in zip(*parts, strict=True))
    else:
        s = ends = ids = np.zeros(0, dtype=np.int64)
    qs = quote_spans(article.text)
    if qs:
        q_starts = np.array([q[0] for q in qs], dtype=np.int64)
        q_ends = np.array([q[1] for q in qs], dtype=np.int64)
        k = np.searchsorted(q_ends, s, side="right")  # the first quotation not ending at or before the word
        inside = k < len(qs)
        quoted = inside & (q_starts[np.minimum(k, len(qs) - 1)] <= s)
    else:
        quoted = np.zeros(len(s), dtype=bool)
    return _Tokens(s, ends, ids, quoted)


class _Cache:
    """Each article's tokens, computed once, with word ids from one shared vocabulary."""

    def __init__(self) -> None:
        self.vocab: dict[str, int] = {}
        self.by_id: dict[str, _Tokens] = {}
        self.hashes: dict[tuple[str, int], np.ndarray] = {}

    def shingles(self, article: Article, n: int) -> np.ndarray:
        found = self.hashes.get((article.id, n))
        if found is None:
            found = self.hashes[article.id, n] = _shingles(self.tokens(article).ids, n)
        return found

    def tokens(self, article: Article) -> _Tokens:
        found = self.by_id.get(article.id)
        if found is None:
            found = self.by_id[article.id] = _tokens(article, self.vocab)
        return found


#: odd 64-bit multipliers of the shingle hash (a collision needs two different runs of words
#: with equal hashes: about n^2 / 2^64, nil for any article under the input limit)
_MIX = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93, 0xFF51AFD7ED558CCD],
    dtype=np.uint64,
)


def _shingles(ids: np.ndarray, n: int) -> np.ndarray:
    """A 64-bit hash of every run of ``n`` word ids, by its first word's position."""
    count = len(ids) - n + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    out = np.zeros(count, dtype=np.uint64)
    words = ids.astype(np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            mixed = (words[k : k + count] + np.uint64(k + 1)) * _MIX[k % len(_MIX)]
            out = (out ^ mixed) * np.uint64(0x100000001B3) + np.uint64(k)
    return out


def _fill(length: int, starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """A boolean array of ``length`` that is True on every range ``[starts[i], stops[i])``."""
    mark = np.bincount(starts, minlength=length + 1) - np.bincount(stops, minlength=length + 1)
    return np.cumsum(mark[:length]) > 0


def reuse_pair(
    article: Article,
    source: Article,
    *,
    options: ReuseOptions | None = None,
    _cache: _Cache | None = None,
) -> Reuse:
    """Share of ``article`` copied from ``source``, with the copied passages as spans."""
    opts = options or ReuseOptions()
    cache = _cache if _cache is not None else _Cache()
    ta = cache.tokens(article)
    n, size = opts.ngram, len(ta.ids)
    hits = np.flatnonzero(np.isin(cache.shingles(article, n), cache.shingles(source, n)))
    covered = _fill(size, hits, hits + n)
    # join runs separated by a few changed words into one passage
    at = np.flatnonzero(covered)
    between = np.diff(at) - 1
    joined = np.flatnonzero((between > 0) & (between <= opts.gap))
    covered |= _fill(size, at[joined] + 1, at[joined + 1])
    own = ~ta.quoted
    lengths = (ta.ends - ta.starts)[own]
    total = int(lengths.sum())
    copied = int(lengths[covered[own]].sum())
    # passages: runs of copied words among the article's own words (quoted words are skipped)
    cov, starts, ends = covered[own], ta.starts[own], ta.ends[own]
    edges = np.diff(np.concatenate(([False], cov, [False])).astype(np.int8))
    firsts, lasts = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    passages = tuple(Span(int(starts[a]), int(ends[b])) for a, b in zip(firsts, lasts, strict=True))
    share = copied / total if total else 0.0
    return Reuse(article.id, source.id, round(share, 4), passages)


def reuse(articles: list[Article] | tuple[Article, ...], *, options: ReuseOptions | None = None) -> list[Reuse]:
    """Reuse for every ordered pair of articles (``article`` copied from ``source``)."""
    opts = options or ReuseOptions()
    cache = _Cache()
    out = []
    for a in articles:
        for b in articles:
            if a.id == b.id:
                continue
            r = reuse_pair(a, b, options=opts, _cache=cache)
            if r.share >= opts.min_share:
                out.append(r)
    return out
