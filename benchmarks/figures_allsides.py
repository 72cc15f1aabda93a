"""Figure conflicts of two versions of ``numbers`` on real reporting nobody judged for a rule:
allsides_baly2020 articles grouped into stories by topic and date (two or more outlets among a
group's first four records), a random draw of ``--stories`` of them (``--seed``).

Each story is compared once (``newsprism.api.compare``); the quantities and conflicts of the
comparison are found with this tree's ``newsprism.numbers`` and with that of ``--old`` (a git
revision, loaded beside it). Prints, for each version, how many conflicts it reports and how
many only it reports; with ``--out FILE`` writes every conflict, one JSON line each with the
versions that report it, both sentences and figures (keep FILE out of the repository: the
sentences belong to their publishers), to be judged blind by ``shared/eval/JUDGING.md``. The
verdicts of seed 1507 are ``tests/gold/judged/round8-figures-allsides.jsonl``.

    python benchmarks/figures_allsides.py [--old main] [--stories 900] [--seed 1507] [--out FILE]
        [--exclude SEED:STORIES ...]

``--exclude 2468:1500`` leaves out the stories an earlier draw (seed 2468, 1,500 stories) took, so
a fresh draw holds no story read before; each argument is one stage, whose draws were taken from
what the stages before it left (numbers.v8's dev draws: ``1507:900,2468:1500 4711:2000``, the
second drawn with ``--exclude 1507:900,2468:1500``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import allsides_path, table
from judged_figures_versions import old_numbers, quantity_rows

from newsprism import from_text
from newsprism import numbers as new
from newsprism.api import compare
from newsprism.errors import CompareError


def draw(
    groups: dict[tuple[str, str], list[dict[str, str]]], seed: int, n: int, exclude: Sequence[str] = ()
) -> list[list[dict[str, str]]]:
    """``n`` stories (a group's first four records, two or more outlets) drawn with ``seed``,
    none of those the earlier draws named in ``exclude`` took. Each item of ``exclude`` is one
    stage, "SEED:STORIES" or several joined by commas; the draws of a stage were taken from the
    stories the stages before it left ("1507:900,2468:1500" from all, then "4711:2000" from the
    rest)."""
    pool = [g[:4] for g in groups.values() if len({d["source"] for d in g[:4]}) >= 2]
    for stage in exclude:
        taken: set[int] = set()
        for e in stage.split(","):
            s, k = (int(x) for x in e.split(":"))
            taken |= {id(g) for g in random.Random(s).sample(pool, min(k, len(pool)))}
        pool = [g for g in pool if id(g) not in taken]
    return random.Random(seed).sample(pool, min(n, len(pool)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", default="main", help="git revision of the other numbers.py (default: main)")
    ap.add_argument("--stories", type=int, default=900)
    ap.add_argument("--seed", type=int, default=1507)
    ap.add_argument("--out", type=Path, help="write every conflict here (JSONL), to be judged")
    ap.add_argument(
        "--exclude", nargs="*", default=[], metavar="SEED:STORIES", help="leave out the stories of these earlier draws"
    )
    args = ap.parse_args()
    path = allsides_path()
    groups: dict[tuple[str, str], list[dict[str, str]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("topic") and d.get("date"):
                groups.setdefault((d["topic"], d["date"]), []).append(d)
    stories = draw(groups, args.seed, args.stories, args.exclude)
    rows: list[dict[str, Any]] = []
    skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        old = old_numbers(args.old, Path(tmp))
        versions = {f"{old.NUMBERS_VERSION} ({args.old})": old, f"{new.NUMBERS_VERSION} (this tree)": new}
        for s, recs in enumerate(stories):
            arts = [
                from_text(d["content_original"], title=d["title"], outlet=d["source"], id=f"s{s}-{k}")
                for k, d in enumerate(recs)
            ]
            try:
                comp = compare(arts)
            except CompareError:
                skipped += 1  # the group's records are one article told twice
                continue
            texts = {(a.id, x.index): x.text for a in comp.articles for x in a.sentences}
            found: dict[frozenset[tuple[str, int]], dict[str, Any]] = {}
            for label, module in versions.items():
                qs = [q for a in comp.articles for q in module.article_quantities(a)]
                for c in module.conflicts(comp.facts, qs, comp.articles):
                    key = frozenset((q.article, q.start) for q in c.quantities)
                    row = found.setdefault(
                        key,
                        {
                            "story": s,
                            "seed": args.seed,
                            "by": [],
                            "kind": c.kind,
                            "quantities": quantity_rows(c.quantities, texts),
                        },
                    )
                    row["by"].append(label)
            rows.extend(found.values())
    if args.out:
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(
        table(
            f"Figure conflicts on {len(stories) - skipped} allsides_baly2020 stories (seed {args.seed}; "
            f"{skipped} skipped: one article twice)",
            ["version", "conflicts", "only this version"],
            [[label, sum(label in r["by"] for r in rows), sum(r["by"] == [label] for r in rows)] for label in versions],
        )
    )


if __name__ == "__main__":
    main()
