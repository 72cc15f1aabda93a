"""How well cheap per-pair signals tell a rewrite of one text from independent reporting.

``align-hybrid.v4`` gives two articles written independently a higher link bar, and decides
"independent" by the share of sentences with a partner at similarity 0.5 or more. This prints,
for every pair of articles of one story in the gold sets, that signal and others (the share
copied verbatim outside quotations, ``newsprism.reuse``; a shared agency credit), with the ROC
AUC of each for "rewrite" against "independent" and their distributions.

Labels: the dev gold set and held-out part E are rewrites (a wire story and outlets' versions
of it, mostly paraphrased); parts I to K name their independently written stories and their
agency-copy stories in their READMEs (the story ids below); BASIL and NeuS stories are
independent. Parts F to H were written for grouping and cleaning, their stories neither
clearly: shown, not scored. ROC AUC counts pairs whose articles both have at least 5 body
sentences (``AlignOptions.rewrite_min_sentences``: shorter ones are never judged).

    newsprism convert basil && newsprism convert neus     # the gold folders it reads
    python benchmarks/rewrite_signals.py [--out pairs.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, table

from newsprism import AlignOptions
from newsprism.align import _candidates, _Similarity
from newsprism.api import load_articles
from newsprism.eval.convert._common import default_dest
from newsprism.reuse import _Cache, reuse_pair

GOLD = REPO / "tests" / "gold"
#: stories of parts I to K that their READMEs call agency copy and a light rewrite of it
REWRITE_STORIES = {"fire-3", "fire-tamsby", "flood-3", "tram-dunmere", "blast-3", "blast-stenhythe"}
#: stories of parts I to K that their READMEs call independently written
INDEPENDENT_STORIES = {
    "fire-1", "fire-2", "rail-1", "rail-2", "rail-3", "hospital", "budget", "election", "court", "bridge",
    "flood-1", "flood-2", "strike-1", "strike-2", "wildfire", "trial", "takeover", "museum", "ferry",
    "blast-1", "blast-2", "trawler-1", "trawler-2", "landslip-1", "landslip-2", "telecom", "stadium", "veto",
}  # fmt: skip


def held_out_basil() -> set[str]:
    splits = json.loads((GOLD / "judged" / "splits.json").read_text(encoding="utf-8"))
    return set(splits.get("heldout", []))


def sets() -> list[tuple[str, Path]]:
    parts = [(f"part {p.upper()}", GOLD / f"heldout-{p}") for p in "efghijk"]
    return [("dev", GOLD / "dev"), *parts, ("basil", default_dest("basil")), ("neus", default_dest("neus"))]


def label(name: str, story: str, basil_held: set[str]) -> str | None:
    if name in ("dev", "part E"):
        return "rewrite"
    if name in ("part F", "part G", "part H"):
        return "unlabelled"
    if name in ("part I", "part J", "part K"):
        return "rewrite" if story in REWRITE_STORIES else ("independent" if story in INDEPENDENT_STORIES else None)
    if name == "basil":
        return "independent-heldout" if story in basil_held else "independent"
    return "independent"


def pair_rows(name: str, gold: Path, opts: AlignOptions, basil_held: set[str]) -> list[dict]:
    meta = json.loads((gold / "gold.json").read_text(encoding="utf-8"))["articles"]
    by_story: dict[str, list[str]] = defaultdict(list)
    for aid, m in sorted(meta.items()):
        by_story[str(m["story"])].append(aid)
    rows = []
    for story, ids in sorted(by_story.items()):
        lab = label(name, story, basil_held)
        if len(ids) < 2 or lab is None:
            continue
        arts, _ = load_articles([gold / "articles" / f"{a}.txt" for a in ids], skip_errors=True)
        bodies = [[s.text for s in a.sentences if s.role == "body"] for a in arts]
        texts = [t for b in bodies for t in b]
        if not texts:
            continue
        sim = _Similarity(texts, opts)
        starts = np.cumsum([0] + [len(b) for b in bodies])
        cache = _Cache()
        for i, j in combinations(range(len(arts)), 2):
            ri, rj = range(starts[i], starts[i + 1]), range(starts[j], starts[j + 1])
            if not len(ri) or not len(rj):
                continue
            scores, x, y = _candidates(sim, ri, rj, 0.3)
            row = {"set": name, "story": story, "a": arts[i].id, "b": arts[j].id, "label": lab}
            row["n_min"] = min(len(ri), len(rj))
            for bar in (0.5, 0.6, 0.7, 0.8):
                close = scores >= bar
                si, sj = np.unique(x[close]).size / len(ri), np.unique(y[close]).size / len(rj)
                row[f"s{int(bar * 100)}_max"], row[f"s{int(bar * 100)}_min"] = max(si, sj), min(si, sj)
            ra = reuse_pair(arts[i], arts[j], _cache=cache).share
            rb = reuse_pair(arts[j], arts[i], _cache=cache).share
            row["reuse_max"], row["reuse_min"] = max(ra, rb), min(ra, rb)
            ca, cb = arts[i].credit, arts[j].credit
            row["credit"] = int(bool(ca and cb and set(ca.split(", ")) & set(cb.split(", "))))
            rows.append(row)
    return rows


def auc(pos: list[float], neg: list[float]) -> float:
    """ROC AUC: the chance that a random positive scores above a random negative (ties half)."""
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float((p > n).mean() + 0.5 * (p == n).mean())


SIGNALS = ["s50_max", "s50_min", "s60_max", "s70_max", "s80_max", "reuse_max", "reuse_min", "credit"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="write every pair's signals as JSON lines")
    ap.add_argument("--embedder", choices=["wordllama", "minilm"], default="wordllama")
    args = ap.parse_args()
    opts = AlignOptions(embedder=args.embedder)
    basil_held = held_out_basil()
    rows = []
    for name, gold in sets():
        if not (gold / "gold.json").is_file():
            print(f"no gold set at {gold}; skipped", file=sys.stderr)
            continue
        rows += pair_rows(name, gold, opts, basil_held)
    if args.out:
        args.out.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows), encoding="utf-8")
    groups = [
        ("rewrites (dev, E, I-K agency)", lambda r: r["label"] == "rewrite"),
        ("I-K independent", lambda r: r["label"] == "independent" and r["set"].startswith("part")),
        ("BASIL not held out", lambda r: r["set"] == "basil" and r["label"] == "independent"),
        ("BASIL held out", lambda r: r["label"] == "independent-heldout"),
        ("NeuS", lambda r: r["set"] == "neus"),
        ("parts F-H (not scored)", lambda r: r["label"] == "unlabelled"),
    ]
    dist = []
    for gname, pick in groups:
        sel = [r for r in rows if pick(r)]
        cells = [gname, len(sel)]
        for s in SIGNALS:
            v = np.array([r[s] for r in sel]) if sel else np.zeros(1)
            cells.append(" / ".join(f"{q:.2f}" for q in np.percentile(v, [10, 50, 90])))
        dist.append(cells)
    print(table("Signals per article pair: 10th / 50th / 90th percentile", ["pairs", "n", *SIGNALS], dist))
    judged = [r for r in rows if r["n_min"] >= 5]
    rewrite = [r for r in judged if r["label"] == "rewrite"]
    aucs = []
    for gname, pick in groups[1:-1]:
        neg = [r for r in judged if pick(r)]
        aucs.append([gname, len(neg), *(f"{auc([r[s] for r in rewrite], [r[s] for r in neg]):.3f}" for s in SIGNALS)])
    title = f"ROC AUC, {len(rewrite)} rewrite pairs against each independent group (both articles 5+ sentences)"
    print(table(title, ["against", "n", *SIGNALS], aucs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
