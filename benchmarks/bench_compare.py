"""Speed and memory of `compare` on two seed-sized articles (about 600 words each).

Prints: warm in-process time per embedder (embedding cache cleared before each run, and
kept), the cold CLI call including model load, and peak memory, each next to a baseline run
in the same process: a TF-IDF cosine + threshold + connected-components aligner (the method
peers use) on the same sentences.

Targets (issue #2): warm <= 150 ms, cold CLI <= 2 s, memory <= 500 MB.

A memory table (issue #14: every input under the 20 MB limit compares within 1 GB or is
refused up front) runs the CLI on generated hostile inputs beside a seed-sized article: a
19 MB article of short sentences, a 10 MB line without punctuation, and the two inputs
themselves. The warm table also times the alignment as it was before (the whole
sentences-by-sentences matrix, dense) beside the blocked one, in the same run.

    python benchmarks/bench_compare.py [FILE_A FILE_B] [--no-memory]
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, table, timed

import newsprism
import newsprism.align as align_module
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


class DenseSimilarity:
    """The alignment's similarities as before issue #14: the whole sentences-by-sentences
    matrix, dense, computed up front (the reference for the blocked version's time)."""

    def __init__(self, texts, options, floors=None) -> None:
        weight = options.params[0]
        lex = _tfidf(texts)
        sim = lex @ lex.T
        self.emb = None  # read by the same-claim model and the related links, as on the real class
        if options.embedder and weight > 0:
            self.emb = get_embedder(options.embedder).encode(list(texts))
            sim = weight * (self.emb @ self.emb.T) + (1 - weight) * sim
        for (a, b), v in (floors or {}).items():  # pairs sharing a quotation, as align gives them
            sim[a, b] = sim[b, a] = max(sim[a, b], v)
        self.sim = sim

    def block(self, rows, cols):
        return self.sim[rows][:, cols] if isinstance(rows, slice) else self.sim[np.ix_(rows, cols)]


def hostile_inputs(folder: Path) -> dict[str, Path]:
    """Generated inputs (random letters, nothing copied): a 19 MB article of short sentences in
    paragraphs, and lines without punctuation of 10 MB and of 19.5 MB (just under the 20 MB
    input limit)."""
    rng = random.Random(14)
    vocab = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    paras, size = [], 0
    while size < 19_000_000:
        para = " ".join(" ".join(rng.choices(vocab, k=rng.randint(8, 30))).capitalize() + "." for _ in range(6))
        paras.append(para)
        size += len(para) + 1
    big = folder / "article-19mb.txt"
    big.write_text("A generated article of 19 MB\n" + "\n".join(paras) + "\n", encoding="utf-8")
    line = folder / "line-10mb.txt"
    words = " ".join(rng.choices(vocab, k=1_800_000))[:10_000_000]
    line.write_text("A generated line of 10 MB\n" + words + "\n", encoding="utf-8")
    longest = folder / "line-19mb.txt"
    words = " ".join(rng.choices(vocab, k=3_500_000))[:19_500_000]
    longest.write_text("A generated line of 19.5 MB\n" + words + "\n", encoding="utf-8")
    return {"19 MB article": big, "10 MB line": line, "19.5 MB line": longest}


def run_cli(
    paths: list[Path], *extra: str, limit_gb: int | None = None
) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall time, peak memory (MB) and result of one CLI `compare` in a fresh process. The peak
    is the new program's own high-water mark (VmHWM starts afresh at exec; ru_maxrss would
    count this process's memory, inherited at fork). ``limit_gb`` caps its address space, so
    that a regression fails instead of swapping."""
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({limit_gb} << 30, {limit_gb} << 30))\n"
    code = (
        (limit if limit_gb else "")
        + "import sys; from newsprism.cli import main\n"
        + "try:\n    main()\nfinally:\n"
        + "    hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        + "    print('MAXRSS', hwm, file=sys.stderr)"
    )
    t0 = time.perf_counter()
    res = subprocess.run(
        [sys.executable, "-c", code, "compare", *map(str, paths), "--format", "json", *extra],
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    rss = res.stderr.rpartition("MAXRSS")[2]
    return wall, int(rss.split()[0]) / 1024 if rss.strip() else float("nan"), res


def peak_cli(paths: list[Path], *extra: str) -> tuple[float, float, str]:
    """Wall time, peak memory (MB) and outcome of one CLI `compare` under a 4 GB limit."""
    wall, rss, res = run_cli(paths, *extra, limit_gb=4)
    if res.returncode == 0:
        outcome = f"compared: {len(json.loads(res.stdout)['facts'])} facts"
    else:
        err = res.stderr.rpartition("MAXRSS")[0]
        outcome = f"exit {res.returncode}: " + (err.strip().splitlines() or ["?"])[-1][:90]
    return wall, rss, outcome


def memory_table(seeds: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        hostile = hostile_inputs(Path(tmp))
        rows = []
        cases = [("two seeds", seeds[:2])] + [(f"{name} + seed", [path, seeds[0]]) for name, path in hostile.items()]
        for label, paths in cases:
            wall, rss, outcome = peak_cli(paths)
            rows.append([label, wall, rss, outcome])
    print()
    print(
        table(
            "CLI compare on hostile inputs (target: peak <= 1024 MB)", ["input", "wall s", "peak MB", "outcome"], rows
        )
    )


def cold_cli(paths: list[Path], *extra: str) -> tuple[float, float]:
    """Wall time and peak memory of one CLI call in a fresh process."""
    wall, rss, res = run_cli(paths, *extra)
    json.loads(res.stdout)
    return wall, rss


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--no-memory"]
    paths = [Path(p) for p in args] or default_inputs()
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
    blocked = align_module._Similarity
    for name in ("wordllama", None):
        opts = CompareOptions(align=AlignOptions(embedder=name))
        label = name or "word overlap only"
        for how, cls in (("before: dense matrix", DenseSimilarity), ("after: blocked", blocked)):
            align_module._Similarity = cls  # type: ignore[misc]
            try:
                med, _ = timed(lambda opts=opts: newsprism.compare(articles, options=opts), repeat=9)
            finally:
                align_module._Similarity = blocked  # type: ignore[misc]
            rows.append([f"newsprism compare ({label}, cached), {how}", med * 1000, med / base_med])
    print(table("warm, in process (target <= 150 ms)", ["method", "median ms", "x baseline"], rows))
    if "--no-memory" not in sys.argv:
        memory_table(paths)
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
