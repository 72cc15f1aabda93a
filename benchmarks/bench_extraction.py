"""Body extraction on the ScrapingHub article-extraction benchmark (181 real pages).

newsprism's reading of a page (trafilatura with metadata, then the furniture cleaner) against
trafilatura alone, both on the same pages in the same run: trafilatura's defaults
(`trafilatura.extract`) and its best setting on these pages among comments off, tables on and
off, favoring recall or precision, and without its fallback extractors (`fast`); the best row
by F1 is marked. Scored with the benchmark's own definition (4-token shingles, macro averages;
see `newsprism.eval.scoring.score_bodies`), on all pages and on two seeded halves (`random.Random(16)`
over the sorted page ids): the reading's rules were chosen on half A, half B is reported as
it comes.

"emptied" counts the pages where newsprism keeps under a tenth of the gold body (per-page
recall < 0.1) while trafilatura's best setting finds at least half of it: a page newsprism
loses that the baseline does not.

    python benchmarks/bench_extraction.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import shared_dir, skip, table

from newsprism.errors import NewsprismError
from newsprism.eval.convert import convert_scrapinghub, default_dest
from newsprism.eval.scoring import score_bodies
from newsprism.pipeline import prepare_article
from newsprism.readers import read_path

#: trafilatura settings tried as baselines (keyword arguments of trafilatura.extract)
SETTINGS: dict[str, dict[str, Any]] = {
    "trafilatura.extract, defaults": {},
    "trafilatura, comments off": {"include_comments": False},
    "trafilatura, comments off, tables off": {"include_comments": False, "include_tables": False},
    "trafilatura, comments off, favor recall": {"include_comments": False, "favor_recall": True},
    "trafilatura, comments off, favor precision": {"include_comments": False, "favor_precision": True},
    "trafilatura, comments off, no fallback": {"include_comments": False, "fast": True},
}

#: the seed of the split into halves A (rules chosen on it) and B
SPLIT_SEED = 16


def halves(keys: list[str], seed: int = SPLIT_SEED) -> dict[str, list[str]]:
    """Page ids split into two seeded halves, A (the first, one larger if odd) and B."""
    import random

    order = sorted(keys)
    random.Random(seed).shuffle(order)
    cut = (len(order) + 1) // 2
    return {"A": sorted(order[:cut]), "B": sorted(order[cut:])}


def _recalls(gold: dict[str, str], out: dict[str, str]) -> dict[str, float]:
    per_page = score_bodies(gold, out)["per_page"]
    return {k: (v.get("recall") or 0.0) for k, v in per_page.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    shared = shared_dir()
    src = shared / "data" / "scrapinghub_aeb" if shared else None
    if src is None or not src.is_dir():
        skip("shared/data/scrapinghub_aeb not found; this benchmark needs the shared data sets")
    dest = default_dest("scrapinghub")
    convert_scrapinghub(src, dest, limit=args.limit)
    gold = json.loads((dest / "gold.json").read_text())
    pages = sorted((dest / "articles").glob("*.html"))
    import trafilatura

    html = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in pages}
    runs: list[tuple[str, dict[str, str], float]] = []
    for name, kwargs in SETTINGS.items():
        theirs: dict[str, str] = {}
        t0 = time.perf_counter()
        for stem, page in html.items():
            theirs[stem] = trafilatura.extract(page, **kwargs) or ""
        runs.append((name, theirs, time.perf_counter() - t0))
    ours: dict[str, str] = {}
    t0 = time.perf_counter()
    for p in pages:
        try:
            ours[p.stem] = prepare_article(read_path(p)[0]).text
        except NewsprismError:
            ours[p.stem] = ""
    t_ours = time.perf_counter() - t0
    scores = {name: score_bodies(gold["bodies"], out) for name, out, _ in runs}
    best = max(scores, key=lambda n: scores[n]["f1"])
    best_out = next(out for name, out, _ in runs if name == best)
    t_base = runs[0][2]
    theirs_rec = _recalls(gold["bodies"], best_out)
    split = halves(list(gold["bodies"]))
    rows = []
    for name, out, took in [*runs, ("newsprism read + clean", ours, t_ours)]:
        s = scores.get(name) or score_bodies(gold["bodies"], out)
        rec = _recalls(gold["bodies"], out)
        emptied = sum(1 for k, r in rec.items() if r < 0.1 and theirs_rec.get(k, 0.0) >= 0.5)
        label = name + (" (best baseline)" if name == best else "")
        by_half = [score_bodies({k: gold["bodies"][k] for k in split[h]}, out)["f1"] for h in ("A", "B")]
        rows.append([label, s["precision"], s["recall"], s["f1"], *by_half, emptied, len(pages) / took, took / t_base])
    print(
        table(
            f"body extraction, ScrapingHub benchmark ({len(pages)} pages;"
            f" halves A {len(split['A'])}, B {len(split['B'])})",
            ["method", "precision", "recall", "F1", "F1 A", "F1 B", "emptied", "pages/s", "x defaults' time"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
