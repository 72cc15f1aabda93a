"""The cleaner of an earlier commit against this one, on real scraped text (allsides_baly2020).

Reads ``src/newsprism/clean.py``, ``data/furniture.tsv`` and ``data/lexicons/reader-address.tsv``
of ``--old`` (a git revision) with ``git show``, loads that cleaner beside this one and
cleans every ``--step``-th article with both in the same process, in turns. Prints the lines
each drops that the other keeps, by reason, a seeded sample of the lines the new cleaner
adds (to judge by eye: story text or furniture), and the time of each. Reads
``../shared/data`` at run time; nothing of it is kept.

    python benchmarks/bench_furniture_versions.py --old 332ed86 [--step 1] [--sample 100] [--seed 97]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import added_lines, allsides_records, git_show, old_module, table

from newsprism import clean as new
from newsprism import lexicons

REPO = Path(__file__).resolve().parent.parent


def _old_cleaner(rev: str, folder: Path):  # type: ignore[no-untyped-def]
    patterns = git_show(rev, "src/newsprism/data/furniture.tsv")
    address = lexicons.parse(git_show(rev, "src/newsprism/data/lexicons/reader-address.tsv"), "reader-address.tsv")
    # relative imports, at the top or inside functions, read this tree's modules (word lists
    # other than the two above, such as outlet-voice, are this tree's too)
    module = old_module(rev, "clean", folder)
    module._reader_address = lambda: (  # the old word list, not this one's
        frozenset(address.where("kind", "pronoun")),
        frozenset(address.where("kind", "imperative")),
    )
    return module, module.CleanOptions(patterns=patterns)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--old", required=True, help="git revision of the earlier cleaner")
    ap.add_argument("--step", type=int, default=1)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=97, help="seed of the printed sample (judge a fresh one)")
    ap.add_argument(
        "--learned", choices=("on", "off"), help="this tree with the learned shape evidence switched on or off"
    )
    args = ap.parse_args()
    records = allsides_records(args.step, None)
    with tempfile.TemporaryDirectory() as tmp:
        old, old_opts = _old_cleaner(args.old, Path(tmp))
        new_opts = None if args.learned is None else new.CleanOptions(learned_shape=args.learned == "on")
        times = Counter[str]()
        counts = Counter[str]()
        added: list[tuple[str, str, str]] = []
        lost: list[tuple[str, str, str]] = []
        for outlet, title, body in records:
            t = time.perf_counter()
            before = old.clean_body(body, title=title, options=old_opts, outlet=outlet)
            times["old"] += time.perf_counter() - t
            t = time.perf_counter()
            after = new.clean_body(body, title=title, outlet=outlet, options=new_opts)
            times["new"] += time.perf_counter() - t
            counts["old"] += len(before.removed)
            counts["new"] += len(after.removed)
            added += [(outlet, w, x) for w, x in added_lines(before.removed, after.removed, after.reasons)]
            lost += [(outlet, w, x) for w, x in added_lines(after.removed, before.removed, before.reasons)]
    rows = [
        [f"{args.old} (old)", counts["old"], "", "", times["old"], 1.0],
        ["this tree (new)", counts["new"], len(added), len(lost), times["new"], times["new"] / times["old"]],
    ]
    print(
        table(
            f"cleaners on allsides_baly2020: {len(records)} articles",
            ["cleaner", "lines dropped", "added", "kept again", "seconds", "x old"],
            rows,
        )
    )
    print("\nadded, by reason:", dict(Counter(w for _, w, _ in added).most_common()))
    print("kept again, by reason:", dict(Counter(w for _, w, _ in lost).most_common()))
    rng = random.Random(args.seed)
    pick = rng.sample(added, min(args.sample, len(added)))
    print(f"seeded sample of {len(pick)} added lines (judge: story text or furniture):")
    for outlet, why, line in pick:
        print(f"  [{why}] {outlet[:24]} | {line[:200]}")


if __name__ == "__main__":
    main()
