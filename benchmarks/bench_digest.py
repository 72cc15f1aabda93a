"""The neutral digest against human-written neutral roundups (NeuS AllSides), with lead-3 of the
centre article in the same run.

NeuS (``shared/data/neus_allsides``, its ``raw_crawled`` JSON lines) holds 506 AllSides stories:
for each, the left, centre and right outlets' headline and first paragraphs, and AllSides'
roundup, whose first paragraph is a neutral summary of the event written by its editors (the
later paragraphs say how the sides covered it; they are not a summary and are left out). Each
story with a centre article and two or more articles is compared (the default WordLlama
embedder), its digest (``digest.v1``) is scored against the first roundup paragraph with
ROUGE-1/2/L F1 (Google's ``rouge-score``, Porter stemming, the ``bench`` extra), and so are,
from the same sentences:

- lead-3 of the centre article (its first three body sentences): the baseline to beat;
- lead-3 of a random one of the story's articles (seeded); the digest of shared facts only
  (no fill), the digest capped at three sentences, and the digest cut to as many words as
  the centre's lead-3 (ROUGE F1 still leans toward the longer text).

    python benchmarks/bench_digest.py [--limit N]

Prints one table, means over the stories, with mean length in words, how often each summary
beats lead-3 on ROUGE-1 F1 story by story, and the paired difference with a 95% bootstrap
interval.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import shared_dir, skip, table

from newsprism.model import Comparison

SIDES = ("left", "center", "right")


def stories(src: Path, limit: int | None) -> list[tuple[str, list[tuple[str, str, str, str]], str]]:
    """(story id, [(side, outlet, title, text)], reference) for stories with a centre article."""
    rows = [json.loads(line) for f in sorted(src.glob("*.jsonl")) for line in f.read_text("utf-8").splitlines() if line]
    out = []
    for r in rows:
        roundup = r.get("roundup") or []
        reference = " ".join(str(roundup[0]).split()) if roundup else ""
        news = r.get("news") or {}
        arts = []
        for side in SIDES:
            v = news.get(side)
            if not v:
                continue
            body = v.get("newBody") or []
            if isinstance(body, str):  # a list written as its Python repr in some rows
                body = ast.literal_eval(body) if body.startswith("[") else [body]
            text = "\n".join(" ".join(str(p).split()) for p in body)
            title = " ".join(str(v.get("newsTitle") or "").split())
            if text.strip():
                arts.append((side, str(v.get("newsSource") or side), title, text))
        if reference and len(arts) >= 2 and any(a[0] == "center" for a in arts):
            out.append((str(r["id"]), arts, reference))
    return out[:limit] if limit else out


def lead3(comparison: Comparison, article_id: str) -> str:
    """The first three body sentences of one article of the comparison."""
    body = [s.text for s in comparison.article(article_id).sentences if s.role == "body"]
    return " ".join(body[:3])


def _bootstrap(diffs: list[float], rng: random.Random, rounds: int = 2000) -> str:
    """The mean paired difference and its 95% percentile bootstrap interval."""
    n = len(diffs)
    means = sorted(statistics.fmean(diffs[rng.randrange(n)] for _ in range(n)) for _ in range(rounds))
    return f"{statistics.fmean(diffs):+.3f} [{means[int(0.025 * rounds)]:+.3f}, {means[int(0.975 * rounds)]:+.3f}]"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="score the first N stories only")
    parser.add_argument("--seed", type=int, default=7, help="seed of the random-article baseline")
    args = parser.parse_args()
    shared = shared_dir()
    src = shared / "data" / "neus_allsides" / "data" / "raw_crawled" if shared else None
    if src is None or not src.is_dir():
        skip("shared/data/neus_allsides not found; this benchmark needs it")
    assert src is not None
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        skip("rouge-score is not installed: pip install -e '.[bench]'")

    from newsprism.comparison import compare
    from newsprism.digest import DigestOptions, digest
    from newsprism.errors import NewsprismError
    from newsprism.readers import from_text

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rng = random.Random(args.seed)
    systems = [
        "digest.v1 (5 sentences, filled to 3)",
        "digest.v1, cut to lead-3's word count",
        "digest.v1, shared facts only",
        "digest.v1, at most 3 sentences",
        "lead-3, centre article",
        "lead-3, a random article",
    ]
    scores: dict[str, list[tuple[float, float, float]]] = {s: [] for s in systems}
    words: dict[str, list[int]] = {s: [] for s in systems}
    failed, t0 = 0, time.perf_counter()
    compare_s = 0.0
    data = stories(src, args.limit)
    for sid, arts, reference in data:
        records = [
            from_text(text, id=f"neus-{sid}-{side}", title=title, outlet=outlet) for side, outlet, title, text in arts
        ]
        try:
            t = time.perf_counter()
            c = compare(records)
            compare_s += time.perf_counter() - t
        except NewsprismError:
            failed += 1
            continue

        centre = next(a.id for a in c.articles if a.id.endswith("-center"))
        texts = {
            systems[0]: digest(c).text,
            systems[2]: digest(c, DigestOptions(min_sentences=0)).text,
            systems[3]: digest(c, DigestOptions(max_sentences=3)).text,
            systems[4]: lead3(c, centre),
            systems[5]: lead3(c, rng.choice(c.articles).id),
        }
        texts[systems[1]] = " ".join(texts[systems[0]].split()[: len(texts[systems[4]].split())])
        for name, text in texts.items():
            s = scorer.score(reference, text)
            scores[name].append((s["rouge1"].fmeasure, s["rouge2"].fmeasure, s["rougeL"].fmeasure))
            words[name].append(len(text.split()))
    n = len(scores[systems[0]])
    base = scores[systems[4]]
    rows: list[list[object]] = []
    for name in systems:
        got = scores[name]
        wins = sum(1 for g, b in zip(got, base, strict=True) if g[0] > b[0])
        losses = sum(1 for g, b in zip(got, base, strict=True) if g[0] < b[0])
        rows.append(
            [
                name,
                statistics.fmean(x[0] for x in got),
                statistics.fmean(x[1] for x in got),
                statistics.fmean(x[2] for x in got),
                f"{statistics.fmean(words[name]):.0f}",
                "-" if name == systems[4] else f"{wins} / {losses}",
                "-" if name == systems[4] else _bootstrap([g[0] - b[0] for g, b in zip(got, base, strict=True)], rng),
            ]
        )
    title = (
        f"Neutral digest against AllSides' roundup, NeuS ({n} stories with a centre article, {failed} not compared; "
        f"compare {compare_s:.1f} s, all {time.perf_counter() - t0:.1f} s)"
    )
    header = [
        "summary",
        "ROUGE-1 F1",
        "ROUGE-2 F1",
        "ROUGE-L F1",
        "words",
        "R-1 wins / losses vs lead-3 centre",
        "R-1 difference, 95% bootstrap",
    ]
    print(table(title, header, rows))


if __name__ == "__main__":
    main()
