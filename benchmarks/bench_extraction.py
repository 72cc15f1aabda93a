"""Body extraction on the ScrapingHub article-extraction benchmark (181 real pages).

newsprism's reading of a page (trafilatura with metadata, then the furniture cleaner) against
trafilatura alone (`trafilatura.extract`, default settings), both on the same pages in the same
run; scored with the benchmark's own definition (4-token shingles, macro averages; see
`newsprism.eval.scoring.score_bodies`).

    python benchmarks/bench_extraction.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import shared_dir, skip, table

from newsprism.errors import NewsprismError
from newsprism.eval.convert import convert_scrapinghub, default_dest
from newsprism.eval.scoring import score_bodies
from newsprism.pipeline import prepare_article
from newsprism.readers import read_path


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

    ours: dict[str, str] = {}
    t0 = time.perf_counter()
    for p in pages:
        try:
            art = prepare_article(read_path(p)[0])
            ours[p.stem] = art.text
        except NewsprismError:
            ours[p.stem] = ""
    t_ours = time.perf_counter() - t0
    theirs: dict[str, str] = {}
    t0 = time.perf_counter()
    for p in pages:
        theirs[p.stem] = trafilatura.extract(p.read_text(encoding="utf-8", errors="replace")) or ""
    t_theirs = time.perf_counter() - t0
    rows = []
    for name, out, took in (
        ("trafilatura.extract (baseline)", theirs, t_theirs),
        ("newsprism read + clean", ours, t_ours),
    ):
        s = score_bodies(gold["bodies"], out)
        rows.append([name, s["precision"], s["recall"], s["f1"], len(pages) / took, took / t_theirs])
    print(
        table(
            f"body extraction, ScrapingHub benchmark ({len(pages)} pages)",
            ["method", "precision", "recall", "F1", "pages/s", "x baseline time"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
