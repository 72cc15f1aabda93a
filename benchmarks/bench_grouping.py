"""Story grouping on BASIL (80 stories of 3 outlets) and ECB+ (43 topics, two similar events
each), against two baselines run in the same process on the same cleaned articles:

- TF-IDF (scikit-learn, whole text) + agglomerative clustering (average linkage, cosine),
  with its distance threshold chosen afterwards on the same data (an upper bound for it);
- MinHash LSH (rensa, word 5-shingles, Jaccard >= 0.5) + connected components.

A second table groups small piles, the "a few files" case: 60 random piles of three BASIL
stories (about 9 articles each) and every ECB+ topic on its own (its two look-alike events,
about 20 articles), each grouped alone, so word statistics come from the pile only. It shows
the mean B-cubed F1 over the piles, with the TF-IDF baseline at its best single threshold
over all piles.

    python benchmarks/bench_grouping.py [--limit N] [--piles 60]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import shared_dir, skip, table

from newsprism.api import group, load_articles
from newsprism.eval.convert import convert_basil, convert_ecbplus, default_dest
from newsprism.eval.gold import load_gold
from newsprism.eval.scoring import bcubed, score_grouping
from newsprism.grouping import near_duplicates


def stories_from_labels(ids: list[str], labels) -> dict:
    out: dict[str, list[str]] = {}
    for a, lab in zip(ids, labels, strict=True):
        out.setdefault(str(lab), []).append(a)
    return {"stories": [{"id": k, "articles": v} for k, v in out.items()]}


def tfidf_agglomerative(arts, gold) -> tuple[float, float, float]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [a.id for a in arts]
    x = (
        TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1)
        .fit_transform([(a.title or "") + "\n" + a.text for a in arts])
        .toarray()
    )
    best = (0.0, 0.0, 0.0)
    for thr in np.arange(0.5, 0.96, 0.05):
        t0 = time.perf_counter()
        labels = AgglomerativeClustering(
            n_clusters=None, distance_threshold=float(thr), metric="cosine", linkage="average"
        ).fit_predict(x)
        took = time.perf_counter() - t0
        f = score_grouping(gold, stories_from_labels(ids, labels))["bcubed_f1"]
        if f > best[0]:
            best = (f, float(thr), took)
    return best


def minhash_components(arts, gold) -> tuple[float, float]:
    t0 = time.perf_counter()
    pairs = near_duplicates(arts, threshold=0.5)
    parent = list(range(len(arts)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    took = time.perf_counter() - t0
    labels = [find(i) for i in range(len(arts))]
    return score_grouping(gold, stories_from_labels([a.id for a in arts], labels))["bcubed_f1"], took


def small_piles(name: str, arts, gold, piles: int) -> list[list[object]]:
    """Mean B-cubed F1 over small piles grouped one at a time."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    story = {a: m["story"] for a, m in gold.data["articles"].items()}
    by_id = {a.id: a for a in arts}
    rng = random.Random(0)
    if name == "basil":
        stories = sorted(set(story.values()))
        chosen = [rng.sample(stories, 3) for _ in range(piles)]
    else:  # an ECB+ topic: its two look-alike events
        topics: dict[str, list[str]] = {}
        for s in sorted(set(story.values())):
            topics.setdefault(s.split("ecb")[0], []).append(s)
        chosen = [v for v in topics.values() if len(v) == 2]
    ours: list[float] = []
    theirs: dict[float, list[float]] = {}
    sizes = []
    for keep in chosen:
        pile = [by_id[a] for a in sorted(story) if story[a] in keep and a in by_id]
        if len(pile) < 2:
            continue
        sizes.append(len(pile))
        true = {a.id: story[a.id] for a in pile}
        g = group(pile)
        ours.append(bcubed(true, g.story_of())[2])
        x = (
            TfidfVectorizer(sublinear_tf=True, stop_words="english")
            .fit_transform([(a.title or "") + "\n" + a.text for a in pile])
            .toarray()
        )
        for thr in np.arange(0.5, 0.96, 0.05):
            labels = AgglomerativeClustering(
                n_clusters=None, distance_threshold=float(thr), metric="cosine", linkage="average"
            ).fit_predict(x)
            pred = {a.id: str(lab) for a, lab in zip(pile, labels, strict=True)}
            theirs.setdefault(round(float(thr), 2), []).append(bcubed(true, pred)[2])
    thr, scores = max(theirs.items(), key=lambda kv: float(np.mean(kv[1])))
    what = f"{len(ours)} piles of {min(sizes)} to {max(sizes)} articles"
    return [
        [name, what, f"baseline: tf-idf + agglomerative (best threshold {thr:.2f})", float(np.mean(scores))],
        [name, what, "newsprism group", float(np.mean(ours))],
    ]


def bench(
    name: str, convert, src: Path, limit: int | None, piles: int
) -> tuple[list[list[object]], list[list[object]]]:
    dest = default_dest(name)
    convert(src, dest, limit=limit)
    gold = load_gold(dest)
    arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
    n = len(arts)
    rows = []
    f, thr, took = tfidf_agglomerative(arts, gold)
    rows.append([name, f"baseline: tf-idf + agglomerative (best threshold {thr:.2f})", f, n / took if took else 0])
    f, took = minhash_components(arts, gold)
    rows.append([name, "baseline: MinHash LSH + components", f, n / took if took else 0])
    group(arts[:2])  # load the embedding model outside the timing
    t0 = time.perf_counter()
    g = group(arts)
    took = time.perf_counter() - t0
    s = score_grouping(gold, g.to_dict())
    rows.append([name, f"newsprism group ({g.method})", s["bcubed_f1"], n / took])
    return rows, small_piles(name, arts, gold, piles)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="stories (BASIL) or topics (ECB+) to use")
    ap.add_argument("--piles", type=int, default=60, help="small BASIL piles to sample (default 60)")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None or not (shared / "data" / "basil").is_dir():
        skip("shared/data not found; this benchmark needs the BASIL and ECB+ data sets")
    rows, small = bench("basil", convert_basil, shared / "data" / "basil", args.limit, args.piles)
    more, more_small = bench("ecbplus", convert_ecbplus, shared / "data" / "ecbplus", args.limit, args.piles)
    print(table("story grouping, B-cubed F1", ["data", "method", "B-cubed F1", "articles/s"], rows + more))
    print()
    print(
        table(
            "small piles grouped one at a time, mean B-cubed F1",
            ["data", "piles", "method", "mean B-cubed F1"],
            small + more_small,
        )
    )


if __name__ == "__main__":
    main()
