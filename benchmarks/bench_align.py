"""Alignment quality against the peers' method, on a gold set (default: the dev gold set).

Peers (measured in the same run, on the same cleaned sentences): cosine similarity of TF-IDF
vectors or of MiniLM embeddings, a threshold, and connected components, with the best
threshold chosen afterwards (an upper bound for that method). newsprism: align-hybrid (ALIGN_VERSION) with
each embedder at its default settings, and a grid around the defaults (to show the plateau the
defaults were taken from).

Then the same-claim pair decision on MSRP (the training part, 4,076 judged pairs from news
clusters; ../shared/data/msrp, read at run time): 10-fold cross-validated accuracy, F1 and
ROC AUC of all-positive, WordLlama and MiniLM cosine thresholds chosen on the training folds,
and newsprism same-claim.v1 (retrained on each fold's training part, threshold chosen there;
``benchmarks/train_claims.py`` holds the procedure).

    python benchmarks/bench_align.py [GOLD_DIR]
    python benchmarks/bench_align.py --msrp      # the MSRP table only
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, table

from newsprism import AlignOptions, CompareOptions
from newsprism.align import ALIGN_VERSION, DEFAULTS, _tfidf
from newsprism.api import load_articles
from newsprism.embed import get_embedder
from newsprism.eval.gold import load_gold
from newsprism.eval.run import compare_stories
from newsprism.eval.scoring import score_reports
from newsprism.model import Fact, FactMember


def components(articles, sim: np.ndarray, threshold: float) -> list[Fact]:
    nodes = [(a.id, s.index) for a in articles for s in a.sentences]
    parent = list(range(len(nodes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(*np.nonzero(np.triu(sim, 1) >= threshold), strict=True):
        if nodes[i][0] != nodes[j][0]:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for k in range(len(nodes)):
        groups.setdefault(find(k), []).append(k)
    return [Fact(f"f{n}", tuple(FactMember(*nodes[k]) for k in ms), "some") for n, ms in enumerate(groups.values(), 1)]


def peer_reports(gold, sim_of, threshold: float) -> list[dict]:
    reps = []
    for ids in gold.stories().values():
        if len(ids) < 2:
            continue
        arts, _ = load_articles([gold.files[a] for a in ids])
        texts = [s.text for a in arts for s in a.sentences]
        facts = components(arts, sim_of(texts), threshold)
        reps.append({"articles": [a.to_dict() for a in arts], "facts": [f.to_dict() for f in facts]})
    return reps


def msrp_table() -> str:
    """The MSRP same-claim table (the baselines measured in the same run, on the same folds)."""
    import train_claims

    data = train_claims.load_msrp()
    if data is None:
        return "same-claim decision on MSRP: SKIPPED (../shared/data/msrp/train.tsv not found)"
    texts, pairs, y = data
    rows, _ = train_claims.evaluate(texts, pairs, y, train_claims.embeddings(texts))
    return train_claims.cv_table(y, rows)


def main() -> None:
    if "--msrp" in sys.argv[1:]:
        print(msrp_table())
        return
    gold = load_gold(sys.argv[1] if len(sys.argv) > 1 else REPO / "tests" / "gold" / "dev")
    minilm = get_embedder("minilm")

    def tfidf_sim(texts):
        m = _tfidf(texts)
        return m @ m.T

    def minilm_sim(texts):
        e = minilm.encode(texts)
        return e @ e.T

    rows = []
    for name, fn in (
        ("tf-idf cosine + threshold + components", tfidf_sim),
        ("MiniLM cosine + threshold + components", minilm_sim),
    ):
        best = max(
            (score_reports(gold, peer_reports(gold, fn, t))["alignment"]["f1"], t) for t in np.arange(0.1, 0.95, 0.05)
        )
        rows.append([f"peer: {name} (best threshold {best[1]:.2f})", best[0], "-"])
    for emb in ("minilm", "wordllama", None):
        opts = CompareOptions(align=AlignOptions(embedder=emb))
        compare_stories(gold, options=opts)  # warm the model
        t0 = time.perf_counter()
        reps, _ = compare_stories(gold, options=opts)
        took = time.perf_counter() - t0
        f1 = score_reports(gold, reps.values())["alignment"]["f1"]
        rows.append(
            [f"newsprism {ALIGN_VERSION} ({emb or 'word overlap'}, defaults {DEFAULTS[emb]})", f1, f"{took:.2f}"]
        )
    print(
        table(f"alignment F1 on {gold.name} ({len(gold.data['articles'])} articles)", ["method", "F1", "seconds"], rows)
    )
    grid = []
    for w, t in itertools.product((0.4, 0.5, 0.6, 0.7, 0.8), (0.25, 0.3, 0.35, 0.4, 0.45)):
        reps, _ = compare_stories(
            gold, options=CompareOptions(align=AlignOptions(embedder="minilm", weight=w, threshold=t))
        )
        grid.append([w, t, score_reports(gold, reps.values())["alignment"]["f1"]])
    print()
    print(table("minilm grid (weight, threshold; group threshold at its default)", ["weight", "threshold", "F1"], grid))
    print()
    print(msrp_table())


if __name__ == "__main__":
    main()
