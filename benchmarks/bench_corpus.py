"""Throughput and peak memory of ingest + group on allsides_baly2020 (37,554 articles) at
10%, 25%, 50% and 100%, to show how cost grows. Each size runs in a fresh process with a fresh
database; the baseline, run the same way, only reads and parses the records (the I/O floor).

Targets (issue #6): >= 300 articles/s end to end, peak memory <= 2 GB, time at 100% <= 4.5x
time at 25%. Quotes issue: ingest with quotations at most 15% slower than without; the run
"newsprism, no quotations" ingests with the quotations step replaced by one that finds none (a benchmark
toggle: the marks then have no quotation to look in, as they would with quotations found
none). Framing issue: ingest with framing marks at most 20% slower than without; the run
"newsprism, no framing marks" is ``ingest(framing=False)`` (``ingest --no-framing``: quotations
found and stored, marks not). The modes of one size run interleaved, so each ratio compares
runs made a few seconds apart. Memory is shown three ways: the main
process's peak (VmHWM), the largest worker's peak, and the peak of all of them together
(sampled every 0.1 s), which is the one the target is about.

    python benchmarks/bench_corpus.py [--fractions 0.1,0.25,0.5,1.0] [--repeat 2] [--toggles quotes,framing]

This machine's speed drifts by 10 to 20% between runs of a minute or two (other work on the
host), as much as the margin of the targets; each size therefore runs ``--repeat`` times and
the table shows the fastest run, with the slowest/fastest ratio beside it. Peak memory is the
largest seen in any run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import shared_dir, skip, table

CHILD = r"""
import json, os, resource, sys, threading, time
from newsprism.corpus import group_corpus, ingest
from newsprism.sources import iter_records
src, db, mode = sys.argv[1:4]
if mode == "no-quotes":  # the benchmark's toggle: the forked workers inherit it
    import newsprism.pipeline
    from newsprism.quotes import ArticleQuotes
    newsprism.pipeline.article_quotes = lambda article: ArticleQuotes(())

def tree_rss_mb():
    # resident memory of this process and its descendants (the ingest workers), summed
    pids, total = [os.getpid()], 0
    while pids:
        pid = pids.pop()
        try:
            with open(f"/proc/{pid}/status") as fh:
                total += next(int(l.split()[1]) for l in fh if l.startswith("VmRSS"))
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    pids += [int(x) for x in fh.read().split()]
        except (OSError, StopIteration, ValueError):
            pass
    return total / 1024

peak = [0.0]
done = threading.Event()
def sample():
    while not done.wait(0.1):
        peak[0] = max(peak[0], tree_rss_mb())
threading.Thread(target=sample, daemon=True).start()

def cpu():
    # CPU seconds of this process and of its ended children (the ingest workers, once the pool closes)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime

t0, c0 = time.perf_counter(), cpu()
if mode == "baseline":
    n = sum(1 for _ in iter_records([src]))
    t1 = time.perf_counter()
    c1 = cpu()
    out = {"articles": n, "ingest": t1 - t0, "group": 0.0, "stories": 0}
else:
    s = ingest([src], db=db, framing=mode != "no-framing")
    t1, c1 = time.perf_counter(), cpu()
    g = group_corpus(db=db)
    out = {"articles": s.added, "ingest": t1 - t0, "group": time.perf_counter() - t1, "stories": len(g.stories)}
out["ingest_cpu"] = c1 - c0
done.set()
with open("/proc/self/status") as fh:
    out["main_peak_mb"] = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM")) / 1024
out["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
out["tree_peak_mb"] = max(peak[0], out["main_peak_mb"])
print(json.dumps(out))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fractions", default="0.1,0.25,0.5,1.0")
    ap.add_argument("--repeat", type=int, default=2, help="runs per size; the fastest is shown (default 2)")
    ap.add_argument(
        "--toggles",
        default="quotes,framing",
        help="the ingest runs without a step to add (comma-separated: quotes, framing; default both)",
    )
    ap.add_argument("--no-toggle", action="store_true", help="no run without a step (the same as --toggles '')")
    args = ap.parse_args()
    shared = shared_dir()
    src = shared / "data" / "allsides_baly2020" / "articles.jsonl.gz" if shared else None
    if src is None or not src.is_file():
        skip("shared/data/allsides_baly2020 not found; this benchmark needs it")
    rows = []
    results = {}
    ingest_rates: dict[tuple[float, str], float] = {}
    ingest_cpu: dict[tuple[float, str], float] = {}
    fractions = [float(f) for f in args.fractions.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        with gzip.open(src, "rb") as fh:
            lines = fh.read().splitlines()
        for frac in fractions:
            with gzip.open(Path(tmp) / f"part-{frac}.jsonl.gz", "wb") as fh:
                fh.write(b"\n".join(lines[: int(len(lines) * frac)]) + b"\n")
        del lines  # a child's peak memory counts what this process held when it started it
        toggles = set() if args.no_toggle else {t.strip() for t in args.toggles.split(",") if t.strip()}
        if toggles - {"quotes", "framing"}:
            ap.error(f"--toggles: unknown {sorted(toggles - {'quotes', 'framing'})}; choose from quotes, framing")
        modes = ("baseline", *(f"no-{t}" for t in ("quotes", "framing") if t in toggles), "newsprism")
        for frac in fractions:
            part = Path(tmp) / f"part-{frac}.jsonl.gz"
            by_mode: dict[str, list[dict[str, float]]] = {mode: [] for mode in modes}
            for attempt in range(args.repeat):
                for mode in modes:  # interleaved: a drift of the machine's speed hits every mode
                    db = Path(tmp) / f"{frac}-{mode}-{attempt}.db"
                    res = subprocess.run(
                        [sys.executable, "-c", CHILD, str(part), str(db), mode],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    by_mode[mode].append(json.loads(res.stdout.strip().splitlines()[-1]))
                    for leftover in Path(tmp).glob(f"{frac}-{mode}-{attempt}.db*"):
                        leftover.unlink()
            for mode in modes:
                runs = by_mode[mode]
                r = min(runs, key=lambda x: x["ingest"] + x["group"])  # the least disturbed run
                ingest_rates[(frac, mode)] = r["articles"] / min(x["ingest"] for x in runs)
                ingest_cpu[(frac, mode)] = min(x["ingest_cpu"] for x in runs)
                total = r["ingest"] + r["group"]
                results[(frac, mode)] = total
                spread = max(x["ingest"] + x["group"] for x in runs) / total
                rows.append(
                    [
                        f"{frac:.0%}",
                        {
                            "baseline": "baseline: read and parse only",
                            "no-quotes": "newsprism, no quotations",
                            "no-framing": "newsprism, no framing marks",
                        }.get(mode, mode),
                        r["articles"],
                        r["ingest"],
                        ingest_cpu[(frac, mode)],
                        ingest_rates[(frac, mode)],
                        r["group"],
                        r["articles"] / total,
                        f"{spread:.2f}",
                        r["main_peak_mb"],
                        r["worker_peak_mb"],
                        max(x["tree_peak_mb"] for x in runs),
                        r["stories"],
                    ]
                )
    print(
        table(
            "allsides_baly2020: ingest + group (fresh process and database per run; fastest run shown)",
            [
                "size",
                "run",
                "articles",
                "ingest s",
                "ingest cpu s",
                "ingest art/s",
                "group s",
                "articles/s",
                "worst/best",
                "main MB",
                "worker MB",
                "all MB",
                "stories",
            ],
            rows,
        )
    )
    for frac in fractions:
        if (frac, "no-quotes") in ingest_rates:
            with_q, without = ingest_rates[(frac, "newsprism")], ingest_rates[(frac, "no-quotes")]
            print(
                f"ingest at {frac:.0%}: {with_q:.0f} articles/s with quotations, {without:.0f} without: "
                f"{without / with_q - 1:+.0%} time (target: at most +15%)"
            )
        if (frac, "no-framing") in ingest_rates:
            with_f, without = ingest_rates[(frac, "newsprism")], ingest_rates[(frac, "no-framing")]
            cpu_ratio = ingest_cpu[(frac, "newsprism")] / ingest_cpu[(frac, "no-framing")]
            print(
                f"ingest at {frac:.0%}: {with_f:.0f} articles/s with framing marks, {without:.0f} without: "
                f"time x{without / with_f:.3f}, {without / with_f - 1:+.1%} (target: at most +20%); "
                f"CPU time (all processes) x{cpu_ratio:.3f}"
            )
    for mode in ("baseline", "newsprism"):
        if (0.25, mode) in results and (1.0, mode) in results:
            print(
                f"time at 100% / time at 25% ({mode}): {results[(1.0, mode)] / results[(0.25, mode)]:.2f}"
                " (4.0 is linear)"
            )


if __name__ == "__main__":
    main()
