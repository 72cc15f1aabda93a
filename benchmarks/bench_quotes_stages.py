"""Where the time of the quotes step of ingest goes: milliseconds an article for each stage of
:func:`newsprism.quotes.article_quotes` and for what ingest does with its result, on the first
N articles of allsides_baly2020 cleaned as ingest cleans them (CPU time of this process).

Stages: the quotation marks (``quotes._spans``), the article's words (``names._tokens_starts``,
part of the name scan), the name scan (``names.scan_names`` with the quotations left out), the
pronouns' genders (``ArticleNames.gender``, found on first use), the framing marks of the
article with its quotations and without (``framing.corpus_marks``: the difference is what the
quotations add there) and the rows the store writes (``store._quote_rows``). ``article_quotes``
is timed twice: the first pass sees each article once, as an ingest worker does (the caches of
``names`` hold only what 100 other articles left), the second with every name already cached;
the stages are timed after it (names cached). The per-quotation work is the whole less the
marks, the name scan and the genders.

    python benchmarks/bench_quotes_stages.py [--allsides 3000]

Run it with ``PYTHONPATH=<an export of another commit>/src`` to get the same table for that
commit. Reads ``../shared/data`` at run time; nothing of it is kept.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import table
from bench_quotes_versions import allsides_articles

from newsprism import names, quotes
from newsprism.framing import corpus_marks
from newsprism.model import Article
from newsprism.store import _quote_rows


def _clock(articles: list[Article], f: Callable[[Article], object]) -> float:
    t = time.process_time()
    for a in articles:
        f(a)
    return 1000 * (time.process_time() - t) / max(len(articles), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--allsides", type=int, default=3000, help="first N allsides_baly2020 articles")
    args = ap.parse_args()
    arts = allsides_articles(args.allsides + 100)
    warm, arts = arts[-100:], arts[:-100]
    for a in warm:  # the word lists
        quotes.article_quotes(a)
    rows: list[list[object]] = []
    first = _clock(arts, quotes.article_quotes)
    again = _clock(arts, quotes.article_quotes)
    spans = {a.id: [(s, e) for s, e, _, _ in quotes._spans(a.text)[0]] for a in arts}
    marks = _clock(arts, lambda a: quotes._spans(a.text))
    words = _clock(arts, lambda a: names._tokens_starts(a.text, 0, len(a.text)) if spans[a.id] else None)
    # as the quotes stage reads names (``speakers``, since quotes.v5), where the commit has it
    try:
        names.scan_names("", (), speakers=True)  # type: ignore[call-arg]
        opts = {"speakers": True}
    except TypeError:
        opts = {}
    scan = _clock(arts, lambda a: names.scan_names(a.text, spans[a.id], **opts) if spans[a.id] else None)
    scans = {a.id: names.scan_names(a.text, spans[a.id], **opts) for a in arts if spans[a.id]}

    def gender(a: Article) -> None:
        found = scans.get(a.id)
        if found is not None:
            found._gender = None
            _ = found.gender

    genders = _clock(arts, gender)
    found = {a.id: quotes.article_quotes(a) for a in arts}
    with_q = _clock(arts, lambda a: corpus_marks(a, found[a.id].quotes, found[a.id].terms))
    without_q = _clock(arts, lambda a: corpus_marks(a, (), ()))
    quote_rows = _clock(arts, lambda a: _quote_rows(a.id, a.text, found[a.id].quotes))
    size = sum(len(pickle.dumps(_quote_rows(a.id, a.text, found[a.id].quotes))) for a in arts) / max(len(arts), 1)
    rows += [
        ["article_quotes, first pass (each article once)", f"{first:.3f}"],
        ["article_quotes, names cached", f"{again:.3f}"],
        ["  quotation marks (_spans)", f"{marks:.3f}"],
        ["  name scan (scan_names)", f"{scan:.3f}"],
        ["    of it: the words (_tokens_starts)", f"{words:.3f}"],
        ["  pronouns' genders (ArticleNames.gender)", f"{genders:.3f}"],
        ["  per-quotation work (the rest)", f"{again - marks - scan - genders:.3f}"],
        ["framing marks, what the quotations add", f"{with_q - without_q:.3f}"],
        ["quote rows for the store (_quote_rows)", f"{quote_rows:.3f}"],
        ["quote rows pickled to the writer (bytes)", f"{size:.0f}"],
    ]
    n_quotes = sum(len(f.quotes) for f in found.values())
    print(
        table(
            f"quotes step, {len(arts)} allsides articles, {n_quotes / len(arts):.1f} quotations each",
            ["stage", "ms/article"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
