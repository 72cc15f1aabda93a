"""What the structural ideas for the ingest cost of quotations could save at most, measured on
the first N articles of allsides_baly2020 cleaned as ingest cleans them (CPU time of this
process; the two sides of each comparison called in turns on each article, so the load of a
shared machine falls on both):

- **no quotation marks**: the articles :func:`newsprism.quotes.article_quotes` returns from
  before any speaker work (their share of the articles and of its time);
- **windows**: the share of the text in the paragraphs that hold a quotation, with the K
  paragraphs before each (K = 0, 1, 3), and ``article_quotes`` with the name scan run over
  those paragraphs only (the rest blanked, offsets kept): its time against the scan of the
  whole text, and how many speakers it changes (the scan's lists and the surname table are
  the article's, read far back, so a window is not the same output);
- **words outside the quotations only**: the scan's words read from the text between the
  quotations (each stretch split on its own) against the whole text split and the quoted
  words dropped (the same words; checked);
- **shares of the steps** (cProfile, own time): the name scan with its words, the reporting-verb
  tests (``_find_cue``, what a prefilter of cue verbs could save at most), the quotation marks,
  the speakers' resolution.

    python benchmarks/bench_quotes_ideas.py [--allsides 3000]

Reads ``../shared/data`` at run time; nothing of it is kept.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table
from bench_quotes_versions import allsides_articles

from newsprism import names, quotes
from newsprism.model import Article

_real_scan = names.scan_names


def _paragraphs(text: str) -> list[int]:
    """The start offsets of the text's paragraphs (lines)."""
    starts = [0]
    k = text.find("\n")
    while k >= 0:
        starts.append(k + 1)
        k = text.find("\n", k + 1)
    return starts


def _kept_paragraphs(text: str, quoted: Sequence[tuple[int, int]], before: int) -> tuple[list[int], list[bool]]:
    starts = _paragraphs(text)
    keep = [False] * len(starts)
    for s, e in quoted:
        a = bisect_right(starts, s) - 1
        b = bisect_right(starts, max(s, e - 1)) - 1
        for k in range(max(0, a - before), b + 1):
            keep[k] = True
    return starts, keep


def _blanked(text: str, quoted: Sequence[tuple[int, int]], before: int) -> str:
    """``text`` with every paragraph outside the windows turned to spaces (offsets kept)."""
    starts, keep = _kept_paragraphs(text, quoted, before)
    out = []
    for k, st in enumerate(starts):
        en = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        out.append(text[st:en] if keep[k] else " " * (en - st))
    return "\n".join(out)


def _windowed_scan(before: int) -> Callable[..., names.ArticleNames]:
    def scan(text: str, quoted: Sequence[tuple[int, int]] = (), *, speakers: bool = False) -> names.ArticleNames:
        blank = _blanked(text, quoted, before)
        found = _real_scan(blank, quoted, speakers=speakers)
        found.text = text
        return found

    return scan


def _outside_words(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The words outside the quotations, each stretch between them split on its own."""
    out: list[tuple[int, int, str]] = []
    prev = 0
    for qs, qe in quoted:
        if prev < qs:
            out += names.tokens(text, prev, qs)
        prev = max(prev, qe)
    return out + names.tokens(text, prev, len(text))


def _filtered_words(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """The whole text's words, those starting inside a quotation dropped (as the scan does)."""
    toks, starts = names._tokens_starts(text, 0, len(text))
    out: list[tuple[int, int, str]] = []
    prev = 0
    for qs, qe in quoted:
        lo = bisect_left(starts, qs, prev)
        out += toks[prev:lo]
        prev = max(lo, bisect_left(starts, qe, lo))
    return out + toks[prev:]


def _safe_cuts(text: str, quoted: list[tuple[int, int]]) -> bool:
    """No word runs across the edge of a quotation (else splitting the stretches apart would
    cut it)."""

    def in_word(c: str) -> bool:  # a character a word may hold (names.WORD)
        return c.isalnum() or c in "_'’.-"

    return not any(0 < p < len(text) and in_word(text[p - 1]) and in_word(text[p]) for span in quoted for p in span)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--allsides", type=int, default=3000, help="first N allsides_baly2020 articles")
    args = ap.parse_args()
    arts: list[Article] = allsides_articles(args.allsides)
    spans = {a.id: [(s, e) for s, e, _, _ in quotes._spans(a.text)[0]] for a in arts}
    for a in arts[:50]:
        quotes.article_quotes(a)

    # no quotation marks
    none = [a for a in arts if not spans[a.id]]
    t_none = t_all = 0.0
    for a in arts:
        t = time.process_time()
        quotes.article_quotes(a)
        d = time.process_time() - t
        t_all += d
        t_none += d if not spans[a.id] else 0.0
    rows: list[list[object]] = [
        ["articles without quotation marks", f"{len(none)} of {len(arts)}", f"{100 * t_none / t_all:.1f}% of the time"]
    ]

    # windows
    full = {a.id: quotes.article_quotes(a) for a in arts}
    n_quotes = sum(len(f.quotes) for f in full.values())
    total_chars = sum(len(a.text) for a in arts)
    for before in (0, 1, 3):
        kept = 0
        for a in arts:
            starts, keep = _kept_paragraphs(a.text, spans[a.id], before)
            ends = [*starts[1:], len(a.text)]
            kept += sum(e - s for s, e, k in zip(starts, ends, keep, strict=True) if k)
        windowed = _windowed_scan(before)
        t_full = t_win = 0.0
        changed = 0
        for a in arts:
            t = time.process_time()
            quotes.article_quotes(a)
            t_full += time.process_time() - t
            quotes._scan_names = windowed
            try:
                t = time.process_time()
                got = quotes.article_quotes(a)
                t_win += time.process_time() - t
            finally:
                quotes._scan_names = _real_scan
            changed += sum(
                1 for x, y in zip(full[a.id].quotes, got.quotes, strict=False) if x.speaker != y.speaker
            ) + abs(len(full[a.id].quotes) - len(got.quotes))
        rows.append(
            [
                f"windows: the quotations' paragraphs and {before} before",
                f"{100 * kept / total_chars:.0f}% of the text",
                f"article_quotes {1000 * t_full / len(arts):.2f} -> {1000 * t_win / len(arts):.2f} ms "
                f"(x{t_win / t_full:.2f}, blanking included); {changed} of {n_quotes} speakers differ",
            ]
        )

    # words outside the quotations only
    quoted_arts = [a for a in arts if spans[a.id]]
    same = all(
        _outside_words(a.text, spans[a.id]) == _filtered_words(a.text, spans[a.id])
        for a in quoted_arts
        if _safe_cuts(a.text, spans[a.id])
    )
    unsafe = sum(not _safe_cuts(a.text, spans[a.id]) for a in quoted_arts)
    t_old = t_new = 0.0
    for a in quoted_arts:
        t = time.process_time()
        _filtered_words(a.text, spans[a.id])
        t_old += time.process_time() - t
        t = time.process_time()
        _outside_words(a.text, spans[a.id])
        t_new += time.process_time() - t
    rows.append(
        [
            "words outside the quotations, split alone",
            f"same words: {same}; {unsafe} articles where a word crosses a quotation's edge",
            f"{1000 * t_old / len(quoted_arts):.3f} -> {1000 * t_new / len(quoted_arts):.3f} ms (x{t_new / t_old:.2f})",
        ]
    )

    # shares of the steps
    prof = cProfile.Profile()
    prof.enable()
    for a in arts:
        quotes.article_quotes(a)
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    whole = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())

    def cumulative(fn: str) -> float:
        return sum(ct for (_, _, name), (_, _, _, ct, _) in stats.items() if name == fn)

    for fn in ("scan_names", "_tokens_starts", "_find_cue", "_spans", "_resolve"):
        rows.append([f"share of article_quotes: {fn}", "cProfile, cumulative", f"{100 * cumulative(fn) / whole:.1f}%"])
    print(table(f"structural ideas, {len(arts)} allsides articles", ["idea", "measure", "result"], rows))


if __name__ == "__main__":
    main()
