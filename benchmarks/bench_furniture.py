"""What the structural furniture evidence drops on real scraped text (allsides_baly2020).

Cleans a sample of the corpus (every ``--step``-th article) three ways in the same run:
phrase patterns and labels only (``CleanOptions(use_structure=False)``, the baseline), with
shape and position (the default), and with the outlet's repeated lines as well
(:func:`newsprism.clean.repeated_lines` over each outlet's articles in the sample). Prints
how many lines each adds, by reason, and a seeded sample of the added lines to judge by eye
(story text dropped or furniture). Reads ``../shared/data`` at run time; nothing of it is kept.

    python benchmarks/bench_furniture.py [--step 12] [--limit 3000] [--sample 100] [--min-articles 5] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import added_lines, allsides_records, table

from newsprism.clean import CleanOptions, clean_body, repeated_lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--step", type=int, default=12)
    ap.add_argument("--limit", type=int, default=3000)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--min-articles", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7, help="seed of the printed samples (judge a fresh one)")
    args = ap.parse_args()
    records = allsides_records(args.step, args.limit)
    by_outlet: dict[str, list[str]] = defaultdict(list)
    for outlet, _, body in records:
        by_outlet[outlet].append(body)
    t0 = time.perf_counter()
    tables = {o: repeated_lines(b, outlet=o, min_articles=args.min_articles) for o, b in by_outlet.items()}
    repeated = CleanOptions(repeated=frozenset().union(*tables.values()))
    t_table = time.perf_counter() - t0
    base_opts, shape_opts = CleanOptions(use_structure=False), CleanOptions()
    added: dict[str, list[tuple[str, str, str]]] = {"shape": [], "repeat": []}
    times = Counter[str]()
    n_base = 0
    for outlet, title, body in records:
        t = time.perf_counter()
        base = clean_body(body, title=title, options=base_opts)
        times["base"] += time.perf_counter() - t
        t = time.perf_counter()
        shape = clean_body(body, title=title, options=shape_opts)
        times["shape"] += time.perf_counter() - t
        rep = clean_body(body, title=title, options=repeated, outlet=outlet)
        n_base += len(base.removed)
        added["shape"] += [(outlet, w, x) for w, x in added_lines(base.removed, shape.removed, shape.reasons)]
        added["repeat"] += [(outlet, w, x) for w, x in added_lines(shape.removed, rep.removed, rep.reasons)]
    rows = [
        ["patterns + labels (baseline)", n_base, "", times["base"], 1.0],
        ["+ shape and position", len(added["shape"]), "", times["shape"], times["shape"] / times["base"]],
        [
            f"+ repeated lines (>= {args.min_articles} articles of the outlet)",
            len(added["repeat"]),
            f"{sum(len(t) for t in tables.values())} keys",
            t_table,
            "",
        ],
    ]
    print(
        table(
            f"furniture on allsides_baly2020: {len(records)} articles of {len(by_outlet)} outlets",
            ["cleaning", "lines dropped (added)", "table", "seconds", "x baseline"],
            rows,
        )
    )
    for kind in ("shape", "repeat"):
        print(f"\nadded by {kind}, by reason:", dict(Counter(w for _, w, _ in added[kind]).most_common()))
        rng = random.Random(args.seed)
        pick = rng.sample(added[kind], min(args.sample, len(added[kind])))
        print(f"seeded sample of {len(pick)} (judge: story text or furniture):")
        for outlet, why, line in pick:
            print(f"  [{why}] {outlet[:24]} | {line[:150]}")


if __name__ == "__main__":
    main()
