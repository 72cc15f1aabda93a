"""The cost of quotations at ingest, in one process: ``ingest`` of the first N allsides_baly2020
articles with one worker (``workers=1``: cleaning, grouping features, quotations, marks and the
store's writes all in the child process, CPU time by ``time.process_time``, after an ingest of
20 other records has loaded the word lists), with quotations and without (the quotes step
replaced by one that finds none, as ``bench_corpus.py``'s toggle does: the marks then have no
quotation to look in), each in a fresh child process, the modes in turns, ``--repeat``
rounds; the table gives the median of each and the ratio of the medians.

With ``--old REV`` the same runs are made with the ``src`` of that git revision (exported to a
temporary folder) in the same turns, so that a change's effect on the ratio is measured in one
run: old with, old without, new with, new without, then again. ``--src FOLDER`` does the same
for a folder that holds a ``newsprism`` package (a build of this tree with some modules
compiled, for instance), on ``PYTHONPATH`` ahead of the rest.

    python benchmarks/bench_quotes_ingest.py [--articles 1000] [--repeat 3] [--old main] [--src FOLDER]

``--stages`` times each stage of every run as well (cleaning, features, ``article_quotes`` and its
parts, the framing marks, the store's rows and writes, the garbage collector) and prints a
second table: what quotations add, stage by stage.

``--floor`` adds a third run a round: quotations found with a name scan that splits the words
and finds no name (the speakers change; the rest of the step runs), to show what the step
costs besides the scan.

The issue's target: with quotations at most 15% slower than without. The corpus benchmark
(``bench_corpus.py``) measures the same with the worker pool, over 10% to 100% of the corpus.
Reads ``../shared/data`` at run time; nothing of it is kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, allsides_path, table

CHILD = r"""
import gc, json, sys, time
import newsprism.pipeline as pipeline
from newsprism.corpus import ingest
from newsprism.quotes import ArticleQuotes
src, warm, db, mode, stages = sys.argv[1:6]
spent = {}
if stages == "1":
    # each stage's CPU time (the functions wrapped where their callers look them up), and the
    # cyclic garbage collector's (gc.callbacks)
    import newsprism.corpus as corpus
    import newsprism.framing as framing
    import newsprism.names as names_
    import newsprism.quotes as quotes_
    import newsprism.store as store

    def wrap(module, name, key):
        f = getattr(module, name, None)
        if f is None:
            return

        def timed(*args, **kwargs):
            t0 = time.process_time()
            try:
                return f(*args, **kwargs)
            finally:
                spent[key] = spent.get(key, 0.0) + time.process_time() - t0

        setattr(module, name, timed)

    for module, name, key in (
        (pipeline, "prepare_article", "cleaning and sentences"),
        (pipeline, "featurize", "grouping features"),
        (pipeline, "article_quotes", "article_quotes"),
        (quotes_, "_spans", "  quotation marks"),
        (quotes_, "_scan_names", "  name scan"),
        (names_, "_tokens_starts", "    of it, the words"),
        (names_, "genders", "  pronouns' genders"),
        (quotes_, "_resolve", "  speakers resolved"),
        (pipeline, "corpus_marks", "framing marks"),
        (framing, "scare_quote_reason", "  scare quotes' reasons"),
        (framing, "article_scare_reasons", "  scare quotes, the article's"),
        (corpus, "storable", "rows for the store"),
        (store.Store, "_write_batch", "store writes"),
    ):
        wrap(module, name, key)
    began = [0.0]

    def collector(phase, info):
        if phase == "start":
            began[0] = time.process_time()
        else:
            spent["garbage collector"] = spent.get("garbage collector", 0.0) + time.process_time() - began[0]

if mode == "without":
    pipeline.article_quotes = lambda article: ArticleQuotes(())
if mode == "no-names":
    # a floor, not a candidate: the quotes step with a name scan that splits the words and
    # finds no name (the speakers change; everything else of the step runs)
    import newsprism.names as names
    import newsprism.quotes as quotes

    def words_only(text, quoted=(), *, speakers=False):
        found = names.ArticleNames({}, [], [], [])
        found.text = text
        found.all_tokens, found._starts = names._tokens_starts(text, 0, len(text))
        return found

    quotes._scan_names = words_only
ingest([warm], db=db + ".warm", workers=1)  # the word lists and models loaded, as a worker's are soon
spent.clear()
if stages == "1":
    gc.callbacks.append(collector)
t = time.process_time()
s = ingest([src], db=db, workers=1)
print(json.dumps({"cpu": time.process_time() - t, "added": s.added, "stages": spent}))
"""


def _export(rev: str, folder: Path) -> Path:
    """``src`` of ``rev``, written under ``folder``."""
    tar = subprocess.run(["git", "archive", rev, "src"], cwd=REPO, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(tar)) as fh:
        fh.extractall(folder, filter="data")
    return folder / "src"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="first N allsides_baly2020 records")
    ap.add_argument("--repeat", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--old", help="a git revision to measure in the same turns")
    ap.add_argument("--src", type=Path, help="a folder holding another newsprism package, measured in the same turns")
    ap.add_argument(
        "--stages",
        action="store_true",
        help="also time each stage of every run (wrapped functions, a little slower): a second table",
    )
    ap.add_argument(
        "--floor",
        action="store_true",
        help="a third run a round: quotations with a name scan that finds no name (what the rest costs)",
    )
    args = ap.parse_args()
    src = allsides_path()
    with tempfile.TemporaryDirectory() as tmp:
        part = Path(tmp) / "part.jsonl.gz"
        with gzip.open(src, "rb") as fh:
            lines = [line for _, line in zip(range(args.articles), fh, strict=False)]
        with gzip.open(part, "wb") as fh:
            fh.write(b"".join(lines))
        warm = Path(tmp) / "warm.jsonl.gz"
        with gzip.open(src, "rb") as fh:  # 20 records after those measured
            tail = [line for _, line in zip(range(args.articles + 20), fh, strict=False)][args.articles :]
        with gzip.open(warm, "wb") as fh:
            fh.write(b"".join(tail))
        trees = {"this tree": REPO / "src"}
        if args.old:
            trees = {f"{args.old}": _export(args.old, Path(tmp) / "old"), **trees}
        if args.src:
            trees = {**trees, str(args.src): args.src.resolve()}
        modes = ("with", "without", "no-names") if args.floor else ("with", "without")
        runs: dict[tuple[str, str], list[float]] = {(t, m): [] for t in trees for m in modes}
        spent: dict[tuple[str, str], list[dict[str, float]]] = {(t, m): [] for t in trees for m in modes}
        added = 0
        for attempt in range(args.repeat):
            for tree, path in trees.items():
                # the two modes in turns, the first one alternating between rounds
                for mode in modes if attempt % 2 == 0 else modes[::-1]:
                    db = Path(tmp) / f"{attempt}-{mode}.db"
                    env = {**os.environ, "PYTHONPATH": str(path)}
                    res = subprocess.run(
                        [sys.executable, "-c", CHILD, str(part), str(warm), str(db), mode, "1" if args.stages else "0"],
                        capture_output=True,
                        text=True,
                        check=True,
                        env=env,
                    )
                    out = json.loads(res.stdout.strip().splitlines()[-1])
                    runs[(tree, mode)].append(out["cpu"])
                    spent[(tree, mode)].append(out["stages"])
                    added = out["added"]
                    for leftover in Path(tmp).glob(f"{attempt}-{mode}.db*"):
                        leftover.unlink()
        rows = []
        for tree in trees:
            w, wo = statistics.median(runs[(tree, "with")]), statistics.median(runs[(tree, "without")])
            pairs = [a / b for a, b in zip(runs[(tree, "with")], runs[(tree, "without")], strict=True)]
            rows.append(
                [
                    tree,
                    f"{1000 * w / added:.2f}",
                    f"{1000 * wo / added:.2f}",
                    f"{1000 * (w - wo) / added:.2f}",
                    f"{w / wo:.3f}",
                    " ".join(f"{p:.2f}" for p in pairs),
                ]
            )
            if args.floor:
                nn = statistics.median(runs[(tree, "no-names")])
                rows[-1][1:1] = [f"{1000 * nn / added:.2f} (x{nn / wo:.3f})"]
        print(
            table(
                f"ingest, {added} allsides articles, one worker, CPU ms an article (median of {args.repeat})",
                [
                    "code",
                    *(["no names found (ratio)"] if args.floor else []),
                    "with quotations",
                    "without",
                    "quotations add",
                    "ratio",
                    "ratio of each round",
                ],
                rows,
            )
        )
        if args.stages:
            print()
            print(_stage_table(spent, trees, added, args.repeat))


#: the stages of ``--stages`` in the order of the table (the child's names; indented: part of
#: the one above)
_STAGES = (
    "cleaning and sentences",
    "grouping features",
    "article_quotes",
    "  quotation marks",
    "  name scan",
    "    of it, the words",
    "  pronouns' genders",
    "  speakers resolved",
    "framing marks",
    "  scare quotes' reasons",
    "  scare quotes, the article's",
    "rows for the store",
    "store writes",
    "garbage collector",
)


def _stage_table(
    spent: dict[tuple[str, str], list[dict[str, float]]], trees: dict[str, Path], added: int, repeat: int
) -> str:
    """Each stage's CPU ms an article (median of the rounds), with quotations, without, and
    what quotations add, for each tree."""
    names = [n for n in _STAGES if any(n in run for runs in spent.values() for run in runs)]
    rows = []
    for name in names:
        row = [name]
        for tree in trees:
            w = statistics.median(run.get(name, 0.0) for run in spent[(tree, "with")]) * 1000 / added
            wo = statistics.median(run.get(name, 0.0) for run in spent[(tree, "without")]) * 1000 / added
            row += [f"{w:.3f}", f"{wo:.3f}", f"{w - wo:+.3f}"]
        rows.append(row)
    head = ["stage"] + [f"{t} {c}" for t in trees for c in ("with", "without", "added")]
    return table(
        f"the same runs by stage, CPU ms an article (median of {repeat}; indented: part of the one above)", head, rows
    )


if __name__ == "__main__":
    main()
