"""The Spark backend against the local one: ingest + group of allsides_baly2020 (37,554
articles) at 25% and 100%, on the same cores: the local backend with 2 worker processes, Spark
in ``local[2]``. Each run is a fresh process with a fresh store or output folder; the Spark
start-up (the JVM and the session) is timed apart from the job.

Targets (issue #20): Spark's per-core throughput after start-up at least 80% of the local
backend's (both use 2 cores here, so the ratio of their articles/s), and its time at 100% at
most 4.5 x its time at 25%.

For the projection in the README the Spark run also reports its shuffle: the bytes written by
every shuffle of the job (from Spark's event log), per article; and of grouping, the candidate
pairs, the largest block (articles one task clusters) and the time of each step.

    python benchmarks/bench_spark.py [--fractions 0.25,1.0] [--modes local,spark] [--split-mb 8]
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
from _common import allsides_path, table

LOCAL = r"""
import json, sys, time
from newsprism.corpus import group_corpus, ingest
src, db = sys.argv[1:3]
t0 = time.perf_counter()
s = ingest([src], db=db, workers=2)
t1 = time.perf_counter()
g = group_corpus(db=db)
t2 = time.perf_counter()
print(json.dumps({"articles": s.added + s.duplicates, "startup": 0.0, "ingest": t1 - t0, "group": t2 - t1,
                  "stories": len(g.stories), "candidate_pairs": g.stats["candidate_pairs"]}))
"""

SPARK = r"""
import glob, json, os, sys, time
from newsprism import spark
src, out, events, split = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
t0 = time.perf_counter()
session = spark.session("local[2]", conf={"spark.ui.enabled": "false", "spark.eventLog.enabled": "true",
                                          "spark.eventLog.compress": "false",
                                          "spark.eventLog.dir": "file://" + events})
t1 = time.perf_counter()
s = spark.ingest([src], out, spark=session, options=spark.UnitOptions(), split_bytes=split << 20)
t2 = time.perf_counter()
g = spark.group(out, spark=session)
t3 = time.perf_counter()
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
                  "candidate_pairs": g.stats["candidate_pairs"], "blocks": g.stats["blocks"],
                  "largest_block": g.stats["largest_block"], "kept_pairs": g.stats["kept_pairs"],
                  "pile_terms": g.stats["pile_terms"], "shuffle_bytes": shuffle, "parquet_bytes": size}))
"""


def run(code: str, args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"benchmark child failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fractions", default="0.25,1.0")
    parser.add_argument("--modes", default="local,spark")
    parser.add_argument("--split-mb", type=int, default=8, help="MB of JSONL per Spark task")
    args = parser.parse_args()
    src = allsides_path()
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        lines = fh.readlines()
    rows = []
    results: dict[tuple[float, str], dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        for fraction in (float(f) for f in args.fractions.split(",")):
            pile = Path(tmp) / f"allsides-{fraction}.jsonl"
            pile.write_text("".join(lines[: int(len(lines) * fraction)]), encoding="utf-8")
            for mode in args.modes.split(","):
                where = Path(tmp) / f"{mode}-{fraction}"
                where.mkdir()
                if mode == "local":
                    r = run(LOCAL, [str(pile), str(where / "news.db")])
                else:
                    (where / "events").mkdir()
                    r = run(SPARK, [str(pile), str(where / "out"), str(where / "events"), str(args.split_mb)])
                results[(fraction, mode)] = r
                seconds = r["ingest"] + r["group"]
                rows.append(
                    [
                        f"{fraction:.0%}",
                        mode if mode == "local" else "spark local[2]",
                        r["articles"],
                        round(r["startup"], 1),
                        round(r["ingest"], 1),
                        round(r["group"], 1),
                        round(r["articles"] / seconds, 1),
                        round(r["articles"] / seconds / 2, 1),
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
        "articles/s",
        "per core",
        "stories",
        "largest block",
        "shuffle KiB/article",
    ]
    print(table("ingest + group, allsides_baly2020, 2 cores (start-up apart)", header, rows))
    fractions = sorted({f for f, _ in results})
    for f in fractions:
        if (f, "local") in results and (f, "spark") in results:
            lo, sp = results[(f, "local")], results[(f, "spark")]
            ratio = (sp["articles"] / (sp["ingest"] + sp["group"])) / (lo["articles"] / (lo["ingest"] + lo["group"]))
            same = "same" if lo["stories"] == sp["stories"] else "DIFFERENT"
            print(f"{f:.0%}: Spark per-core throughput / local = {ratio:.2f} (target >= 0.80); stories {same}")
    if len(fractions) >= 2 and all((f, "spark") in results for f in fractions):
        small, large = results[(fractions[0], "spark")], results[(fractions[-1], "spark")]
        growth = (large["ingest"] + large["group"]) / (small["ingest"] + small["group"])
        print(f"Spark time at {fractions[-1]:.0%} / at {fractions[0]:.0%} = {growth:.2f} (target <= 4.5)")


if __name__ == "__main__":
    main()
