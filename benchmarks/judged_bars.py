"""Judged links of real reporting under one bar (align-hybrid.v3) and two bars (v4 on).

``align-hybrid.v4`` links the sentences of two articles written independently (few close
sentences between them) only at a higher similarity (docs/claims.md, "Two bars"); v5 also
reads few close sentences in one of the two articles as "independent" ("Which pairs are
rewrites"). This runs ``compare`` on every judged story with
``AlignOptions(independent_threshold=0)`` (one bar, as v3), with the alignment of an older
revision when ``--old REV`` is given (its ``align.py`` loaded beside this tree's) and with the
defaults, and holds each judged pair (``tests/gold/judged``) against the facts, by sentence
hash: which judged links each keeps, their precision (SAME + half PARTIAL), and the
sentences shown as "only in one outlet" with the judged links the last row drops against
the first (a dropped SAME or PARTIAL link leaves a sentence another outlet does report).

    newsprism convert basil && newsprism convert neus     # the gold folders it reads
    python benchmarks/judged_bars.py [--embedder minilm] [--old main] [--no-heldout]

Rows: the BASIL pairs that are not held out (what the bars were chosen on), the held-out
BASIL links of rounds 0 and 1, the NeuS AllSides links of round 2. ``--no-heldout`` leaves out
every set read from a file with "heldout" in its name (score those once, at the end).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, old_module, skip, table

import newsprism.comparison
from newsprism import AlignOptions, CompareOptions, compare
from newsprism.align import ALIGN_VERSION, align_story
from newsprism.eval.convert._common import default_dest

JUDGED = REPO / "tests" / "gold" / "judged"
VERDICTS = ("SAME", "PARTIAL", "DIFFERENT")
SETS = [
    ("BASIL, not held out", "basil", ["train-basil.jsonl", "round0-basil-dev.jsonl"]),
    ("BASIL held out (rounds 0, 1)", "basil", ["round0-basil-heldout.jsonl", "round1-basil-heldout.jsonl"]),
    ("NeuS AllSides (round 2)", "neus", ["round2-neus-default.jsonl"]),
]
#: the rounds judged on what MiniLM links, in place of the default's
MINILM_FILES = {
    "round1-basil-heldout.jsonl": "round1m-basil-heldout.jsonl",
    "round2-neus-default.jsonl": "round2-neus-minilm.jsonl",
}


def sentence_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def story_articles(gold: Path) -> dict[str, list[str]]:
    """The article ids of each story of a converted gold set, sorted."""
    meta = json.loads((gold / "gold.json").read_text(encoding="utf-8"))["articles"]
    by_story: dict[str, list[str]] = defaultdict(list)
    for aid, m in sorted(meta.items()):
        by_story[str(m["story"])].append(aid)
    return by_story


def judged_items(files: list[str], kind: str, verdicts: tuple[str, ...]) -> list[dict[str, Any]]:
    """The items of ``kind`` of ``files`` (names under tests/gold/judged) that carry one of
    ``verdicts``, in file order."""
    return [
        row
        for f in files
        for line in (JUDGED / f).read_text(encoding="utf-8").splitlines()
        if line.strip() and (row := json.loads(line)).get("kind") == kind and row.get("verdict") in verdicts
    ]


def judged_pairs(files: list[str]) -> list[dict[str, Any]]:
    """The judged pairs of ``files`` (names under tests/gold/judged) that carry a verdict."""
    return judged_items(files, "pair", VERDICTS)


def precision(c: Counter) -> str:
    n = sum(c.values())
    if not n:
        return "-"
    return f"{(c['SAME'] + 0.5 * c['PARTIAL']) / n:.3f} ({'/'.join(str(c[v]) for v in VERDICTS)})"


def run(gold: Path, files: list[str], embedder: str, old: tuple[str, Any] | None = None) -> list[list[object]]:
    """Rows of the judged pairs of ``files`` under each alignment; ``old``: (revision, its
    ``align`` module), run with its own default options."""
    bars: dict[str, tuple[Any, Any]] = {
        "v3 (one bar)": (align_story, AlignOptions(embedder=embedder, independent_threshold=0.0))
    }
    if old:
        # the old defaults, carried by this tree's AlignOptions (CompareOptions checks its type;
        # the old aligner reads only the fields it knows)
        mine = {f.name for f in dataclasses.fields(AlignOptions)}
        old_opts = old[1].AlignOptions(embedder=embedder)
        fields = {f.name: getattr(old_opts, f.name) for f in dataclasses.fields(old_opts) if f.name in mine}
        bars[f"{old[0]}: {old[1].ALIGN_VERSION}"] = (old[1].align_story, AlignOptions(**fields))
    bars[f"{ALIGN_VERSION} (this tree)"] = (align_story, AlignOptions(embedder=embedder))
    by_story = story_articles(gold)
    pairs = judged_pairs(files)
    linked = {name: Counter() for name in bars}
    ones = Counter()
    kept: dict[str, set[int]] = {name: set() for name in bars}
    for story in sorted({p["story"] for p in pairs}):
        paths = [gold / "articles" / f"{a}.txt" for a in by_story[story]]
        if len(paths) < 2:  # a gold set converted with other options holds other story ids
            print(
                f"story {story} of the judged files is not in {gold} (convert it as the judged rounds did)",
                file=sys.stderr,
            )
            continue
        for name, (aligner, opts) in bars.items():
            newsprism.comparison.align_story = aligner  # type: ignore[attr-defined]
            try:
                c = compare(paths, options=CompareOptions(align=opts), skip_errors=True)
            finally:
                newsprism.comparison.align_story = align_story  # type: ignore[attr-defined]
            fact = {(m.article, m.sentence): f.id for f in c.facts for m in f.members}
            index = {(a.id, sentence_hash(s.text)): s.index for a in c.articles for s in a.sentences}
            ones[name] += sum(1 for f in c.facts if f.coverage == "one")
            for k, p in enumerate(pairs):
                if p["story"] != story:
                    continue
                a = index.get((p["a"]["article"], p["a"]["sha"]))
                b = index.get((p["b"]["article"], p["b"]["sha"]))
                fa, fb = fact.get((p["a"]["article"], a)), fact.get((p["b"]["article"], b))
                if a is not None and b is not None and fa is not None and fa == fb:
                    linked[name][p["verdict"]] += 1
                    kept[name].add(k)
    first, *_, new = bars
    dropped = Counter(pairs[k]["verdict"] for k in kept[first] - kept[new])
    return [[name, precision(linked[name]), ones[name], precision(dropped) if name == new else "-"] for name in bars]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--embedder", choices=["wordllama", "minilm"], default="wordllama")
    ap.add_argument("--old", metavar="REV", help="also run the alignment of this git revision (e.g. main)")
    ap.add_argument(
        "--no-heldout",
        action="store_true",
        help='leave out the sets read from files named "heldout" (score them once, at the end)',
    )
    args = ap.parse_args()
    old = None
    if args.old:
        folder = Path(tempfile.mkdtemp(prefix="judged-bars-"))
        old = (args.old, old_module(args.old, "align", folder))
    rows = []
    for label, source, files in SETS:
        if args.embedder == "minilm":
            files = [MINILM_FILES.get(f, f) for f in files if f != "round0-basil-heldout.jsonl"]
            label = label.replace("rounds 0, 1", "round 1m")
        if args.no_heldout and any("heldout" in f for f in files):
            continue
        gold = default_dest(source)
        if not (gold / "gold.json").is_file():
            skip(f"no {source} gold set at {gold}; run: newsprism convert {source}")
        rows += [[label, *r] for r in run(gold, files, args.embedder, old)]
    header = ["judged stories", "bars", "judged links kept: precision (S/P/D)", "one-outlet sentences", "dropped vs v3"]
    print(table(f"Judged links under one bar and two ({args.embedder}; tests/gold/judged)", header, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
