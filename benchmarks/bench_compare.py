"""Speed and memory of `compare` on two seed-sized articles (about 600 words each).

Prints: warm in-process time per embedder (embedding cache cleared before each run, and
kept), the cold CLI call including model load, and peak memory, each next to a baseline run
in the same process: a TF-IDF cosine + threshold + connected-components aligner (the method
peers use) on the same sentences.

Targets (issue #2): warm <= 150 ms, cold CLI <= 2 s, memory <= 500 MB.

    python benchmarks/bench_compare.py [FILE_A FILE_B]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, table, timed

import newsprism
from newsprism.align import AlignOptions, _tfidf
from newsprism.api import load_articles
from newsprism.comparison import CompareOptions
from newsprism.embed import get_embedder


def default_inputs() -> list[Path]:
    shared = shared_dir()
    if shared and (shared / "seeds").is_dir():
        return sorted((shared / "seeds").glob("*.txt"))[:2]
    return sorted((REPO / "examples" / "articles").glob("*.txt"))[:2]


def baseline_align(articles) -> int:
    """TF-IDF cosine, threshold, connected components: the peers' method."""
    texts = [s.text for a in articles for s in a.sentences]
    sim = _tfidf(texts) @ _tfidf(texts).T
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if sim[i, j] >= 0.5:
                parent[find(i)] = find(j)
    return len({find(i) for i in range(len(texts))})


def cold_cli(paths: list[Path], *extra: str) -> tuple[float, float]:
    """Wall time and peak memory of one CLI call in a fresh process. The peak is the new
    program's own high-water mark (VmHWM starts afresh at exec; ru_maxrss would count this
    process's memory, inherited at fork)."""
    code = (
        "import sys; from newsprism.cli import main\n"
        "try:\n    main()\nfinally:\n"
        "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "    print('MAXRSS', hwm, file=sys.stderr)"
    )
    t0 = time.perf_counter()
    res = subprocess.run(
        [sys.executable, "-c", code, "compare", *map(str, paths), "--format", "json", *extra],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    json.loads(res.stdout)
    rss_kb = int(res.stderr.rsplit("MAXRSS", 1)[1].split()[0])
    return wall, rss_kb / 1024


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or default_inputs()
    articles, _ = load_articles(paths)
    n_words = [len(a.text.split()) for a in articles]
    n_sent = sum(len(a.sentences) for a in articles)
    print(f"input: {', '.join(p.name for p in paths)} ({n_words} words, {n_sent} sentences)\n")
    base_med, _ = timed(lambda: baseline_align(articles), repeat=7)
    rows = [["baseline: tf-idf + threshold + components", base_med * 1000, 1.0]]
    for name in ("minilm", "wordllama", None):
        opts = CompareOptions(align=AlignOptions(embedder=name))
        if name:
            emb = get_embedder(name)
            newsprism.compare(articles, options=opts)  # load the model once

            def uncached(emb=emb, opts=opts):
                emb.clear()
                return newsprism.compare(articles, options=opts)

            med, _ = timed(uncached, repeat=5)
            rows.append([f"newsprism compare ({name}, cold cache)", med * 1000, med / base_med])
            med, _ = timed(lambda opts=opts: newsprism.compare(articles, options=opts), repeat=7)
            rows.append([f"newsprism compare ({name}, sentences cached)", med * 1000, med / base_med])
        else:
            med, _ = timed(lambda opts=opts: newsprism.compare(articles, options=opts), repeat=7)
            rows.append(["newsprism compare (word overlap only)", med * 1000, med / base_med])
    print(table("warm, in process (target <= 150 ms)", ["method", "median ms", "x baseline"], rows))
    rows = []
    for label, extra in (("default (wordllama)", ()), ("--embedder minilm", ("--embedder", "minilm"))):
        for i in range(3):
            wall, rss = cold_cli(paths, *extra)
            rows.append([label, i + 1, wall, rss])
    print()
    print(
        table(
            "cold CLI call, model load included (targets <= 2 s, <= 500 MB)",
            ["embedder", "run", "wall s", "peak MB"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
