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
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Article, Reuse, Span
from .text import quote_spans, stem, words

REUSE_VERSION = "shingle-reuse.v1"


@dataclass(frozen=True, slots=True)
class ReuseOptions:
    """``ngram``: words in a shared run; ``gap``: words allowed between two runs of one
    passage; ``min_share``: pairs below it are not reported."""

    ngram: int = 5
    gap: int = 3
    min_share: float = 0.0


@dataclass(frozen=True, slots=True)
class _Tokens:
    spans: list[tuple[int, int]]
    keys: list[str]
    quoted: list[bool]


def _tokens(article: Article) -> _Tokens:
    qs = quote_spans(article.text)
    spans, keys, quoted = [], [], []
    qi = 0
    for start, end, w in words(article.text):
        while qi < len(qs) and qs[qi][1] <= start:
            qi += 1
        spans.append((start, end))
        keys.append(stem(w))
        quoted.append(qi < len(qs) and qs[qi][0] <= start < qs[qi][1])
    return _Tokens(spans, keys, quoted)


def _shingles(keys: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(keys[i : i + n]) for i in range(len(keys) - n + 1)}


def reuse_pair(
    article: Article, source: Article, *, options: ReuseOptions | None = None, _cache: dict[str, _Tokens] | None = None
) -> Reuse:
    """Share of ``article`` copied from ``source``, with the copied passages as spans."""
    opts = options or ReuseOptions()
    cache = _cache if _cache is not None else {}
    ta = cache.get(article.id) or cache.setdefault(article.id, _tokens(article))
    tb = cache.get(source.id) or cache.setdefault(source.id, _tokens(source))
    n = opts.ngram
    shared = _shingles(tb.keys, n)
    covered = [False] * len(ta.keys)
    for i in range(len(ta.keys) - n + 1):
        if tuple(ta.keys[i : i + n]) in shared:
            for k in range(i, i + n):
                covered[k] = True
    # join runs separated by a few changed words into one passage
    last = None
    for i, c in enumerate(covered):
        if c:
            if last is not None and 0 < i - last - 1 <= opts.gap:
                for k in range(last + 1, i):
                    covered[k] = True
            last = i
    total = copied = 0
    passages: list[Span] = []
    run_start = run_end = None
    for i, (start, end) in enumerate(ta.spans):
        if ta.quoted[i]:
            continue
        total += end - start
        if covered[i]:
            copied += end - start
            if run_start is None:
                run_start = start
            run_end = end
        elif run_start is not None and run_end is not None:
            passages.append(Span(run_start, run_end))
            run_start = run_end = None
    if run_start is not None and run_end is not None:
        passages.append(Span(run_start, run_end))
    share = copied / total if total else 0.0
    return Reuse(article.id, source.id, round(share, 4), tuple(passages))


def reuse(articles: list[Article] | tuple[Article, ...], *, options: ReuseOptions | None = None) -> list[Reuse]:
    """Reuse for every ordered pair of articles (``article`` copied from ``source``)."""
    opts = options or ReuseOptions()
    cache: dict[str, _Tokens] = {}
    out = []
    for a in articles:
        for b in articles:
            if a.id == b.id:
                continue
            r = reuse_pair(a, b, options=opts, _cache=cache)
            if r.share >= opts.min_share:
                out.append(r)
    return out
