"""The Spark backend against the local one: ingest + group of allsides_baly2020 (37,554
articles) at 25% and 100%, on the same cores: the local backend with 2 worker processes, Spark
in ``local[2]``. Each run is a fresh process with a fresh store or output folder; the Spark
start-up (the JVM and the session) is timed apart from the job.

Targets (issue #20): Spark's per-core throughput after start-up at least 80% of the local
backend's (both use 2 cores here, so the ratio of their articles/s), and its time at 100% at
most 4.5 x its time at 25%.

Wall-clock time on a shared machine is noisy, so each run also reports the CPU seconds of each
phase, split by process kind (from /proc, Linux only): the driver (this Python process, with the
processes it has reaped), the JVM (Spark's driver and executors in one with a local master) and
the Python workers (Spark's, or the local backend's worker processes). ``--repeat`` runs each
size and backend that many times, to show the spread.

For the projection in the README the Spark run also reports its shuffle: the bytes written by
every shuffle of the job (from Spark's event log), per article; and of grouping, the candidate
pairs, the largest block (articles one task clusters) and the time of each step.

    python benchmarks/bench_spark.py [--fractions 0.25,1.0] [--modes local,spark] [--split-mb 8] [--repeat 1]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import allsides_path, table

#: CPU seconds of this process's tree by kind (see the docstring); read from /proc
CPU = r"""
import os
def tree_cpu():
    tick, procs, kids = os.sysconf("SC_CLK_TCK"), {}, {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    s = fh.read()
            except OSError:
                continue
            f = s[s.rfind(")") + 2 :].split()
            procs[int(d)] = (s[s.find("(") + 1 : s.rfind(")")], sum(int(x) for x in f[11:15]) / tick)
            kids.setdefault(int(f[1]), []).append(int(d))
    me = os.getpid()
    out = {"driver": procs[me][1], "jvm": 0.0, "workers": 0.0}
    stack = list(kids.get(me, []))
    while stack:
        p = stack.pop()
        out["jvm" if procs[p][0] == "java" else "workers"] += procs[p][1]
        stack += kids.get(p, [])
    return out
def spent(a, b):
    return {k: round(b[k] - a[k], 2) for k in a}
"""

LOCAL = (
    CPU
    + r"""
import json, sys, time
from newsprism.corpus import group_corpus, ingest
src, db = sys.argv[1:3]
t0, c0 = time.perf_counter(), tree_cpu()
s = ingest([src], db=db, workers=2)
t1, c1 = time.perf_counter(), tree_cpu()
g = group_corpus(db=db)
t2, c2 = time.perf_counter(), tree_cpu()
print(json.dumps({"articles": s.added + s.duplicates, "startup": 0.0, "ingest": t1 - t0, "group": t2 - t1,
                  "cpu": {"startup": spent(c0, c0), "ingest": spent(c0, c1), "group": spent(c1, c2)},
                  "stories": len(g.stories), "candidate_pairs": g.stats["candidate_pairs"]}))
"""
)

SPARK = (
    CPU
    + r"""
import glob, json, os, sys, time
from newsprism import spark
src, out, events, split = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t0, c0 = time.perf_counter(), tree_cpu()
session = spark.session("local[2]", conf={"spark.ui.enabled": "false", "spark.eventLog.enabled": "true",
                                          "spark.eventLog.compress": "false",
                                          "spark.eventLog.dir": "file://" + events})
t1, c1 = time.perf_counter(), tree_cpu()
s = spark.ingest([src], out, spark=session, options=spark.UnitOptions(), split_bytes=split << 20)
t2, c2 = time.perf_counter(), tree_cpu()
g = spark.group(out, spark=session)
t3, c3 = time.perf_counter(), tree_cpu()
session.stop()
shuffle = 0
for path in glob.glob(os.path.join(events, "**", "*"), recursive=True):
    if not os.path.isfile(path):
        continue
    with open(path, errors="replace") as fh:
        for line in fh:
            if '"SparkListenerTaskEnd"' in line:
                metrics = json.loads(line).get("Task Metrics") or {}
                shuffle += (metrics.get("Shuffle Write Metrics") or {}).get("Shuffle Bytes Written", 0)
size = sum(os.path.getsize(p) for p in glob.glob(os.path.join(out, "articles", "*.parquet")))
print(json.dumps({"articles": s.processed, "failed": s.failed, "units": s.units, "startup": t1 - t0,
                  "ingest": t2 - t1, "group": t3 - t2, "stories": len(g.stories),
                  "cpu": {"startup": spent(c0, c1), "ingest": spent(c1, c2), "group": spent(c2, c3)},
                  "candidate_pairs": g.stats["candidate_pairs"], "blocks": g.stats["blocks"],
                  "largest_block": g.stats["largest_block"], "kept_pairs": g.stats["kept_pairs"],
                  "pile_terms": g.stats["pile_terms"], "shuffle_bytes": shuffle, "parquet_bytes": size}))
"""
)


def run(code: str, args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cpu_text(cpu: dict[str, float]) -> str:
    """A phase's CPU seconds: the total, then driver / JVM / Python workers."""
    return f"{sum(cpu.values()):.1f} ({cpu['driver']:.1f}/{cpu['jvm']:.1f}/{cpu['workers']:.1f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fractions", default="0.25,1.0")
    parser.add_argument("--modes", default="local,spark")
    parser.add_argument("--split-mb", type=int, default=8, help="MB of JSONL per Spark task")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each size and backend, in turn")
    args = parser.parse_args()
    src = allsides_path()
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    rows = []
    results: dict[tuple[float, str], list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        for fraction in (float(f) for f in args.fractions.split(",")):
            pile = Path(tmp) / f"allsides-{fraction}.jsonl"
            pile.write_text("".join(lines[: int(len(lines) * fraction)]), encoding="utf-8")
            for n in range(args.repeat):
                for mode in args.modes.split(","):
                    where = Path(tmp) / f"{mode}-{fraction}-{n}"
                    where.mkdir()
                    load = os.getloadavg()[0]
                    if mode == "local":
                        r = run(LOCAL, [str(pile), str(where / "news.db")])
                    else:
                        (where / "events").mkdir()
                        r = run(SPARK, [str(pile), str(where / "out"), str(where / "events"), str(args.split_mb)])
                    r["load"] = [round(load, 1), round(os.getloadavg()[0], 1)]
                    shutil.rmtree(where, ignore_errors=True)
                    results.setdefault((fraction, mode), []).append(r)
                    seconds = r["ingest"] + r["group"]
                    rows.append(
                        [
                            f"{fraction:.0%}",
                            mode if mode == "local" else "spark local[2]",
                            r["articles"],
                            round(r["startup"], 1),
                            round(r["ingest"], 1),
                            round(r["group"], 1),
                            round(r["articles"] / seconds / 2, 1),
                            cpu_text(r["cpu"]["startup"]),
                            cpu_text(r["cpu"]["ingest"]),
                            cpu_text(r["cpu"]["group"]),
                            f"{r['load'][0]}-{r['load'][1]}",
                            r["stories"],
                            r.get("largest_block", "-"),
                            f"{r['shuffle_bytes'] / r['articles'] / 1024:.1f}" if "shuffle_bytes" in r else "-",
                        ]
                    )
                    print(json.dumps({"fraction": fraction, "mode": mode, **r}), flush=True)
    header = [
        "pile",
        "backend",
        "articles",
        "start-up s",
        "ingest s",
        "group s",
        "per core",
        "start-up CPU s",
        "ingest CPU s",
        "group CPU s",
        "load",
        "stories",
        "largest block",
        "shuffle KiB/article",
    ]
    print(
        table(
            "ingest + group, allsides_baly2020, 2 cores (start-up apart; CPU: total (driver/JVM/Python workers); "
            "load: 1-minute load average before-after)",
            header,
            rows,
        )
    )

    def seconds(r: dict) -> float:
        return r["ingest"] + r["group"]

    fractions = sorted({f for f, _ in results})
    for f in fractions:
        if (f, "local") in results and (f, "spark") in results:
            lo, sp = results[(f, "local")], results[(f, "spark")]
            ratios = [(s["articles"] / seconds(s)) / (x["articles"] / seconds(x)) for x, s in zip(lo, sp, strict=True)]
            median = (statistics.median(s["articles"] for s in sp) / statistics.median(seconds(s) for s in sp)) / (
                statistics.median(x["articles"] for x in lo) / statistics.median(seconds(x) for x in lo)
            )
            same = "same" if {x["stories"] for x in lo} == {s["stories"] for s in sp} else "DIFFERENT"
            each = ", ".join(f"{r:.2f}" for r in ratios)
            print(
                f"{f:.0%}: Spark per-core throughput / local = {median:.2f} of the median times "
                f"(each run in turn: {each}; target >= 0.80); stories {same}"
            )
            group_cpu = statistics.median(sum(s["cpu"]["group"].values()) for s in sp)
            local_cpu = statistics.median(sum(x["cpu"]["group"].values()) for x in lo)
            print(f"{f:.0%}: group CPU seconds, median: Spark {group_cpu:.1f}, local {local_cpu:.1f}")
    if len(fractions) >= 2 and all((f, "spark") in results for f in fractions):
        small, large = results[(fractions[0], "spark")], results[(fractions[-1], "spark")]
        growth = statistics.median(seconds(r) for r in large) / statistics.median(seconds(r) for r in small)
        print(f"Spark time at {fractions[-1]:.0%} / at {fractions[0]:.0%} = {growth:.2f} (target <= 4.5)")


if __name__ == "__main__":
    main()
