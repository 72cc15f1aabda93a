"""What the wrong links above the high bar have in common (``align-hybrid.v6``, issue 15).

Reads the judged BASIL pairs that are not held out (``train-basil.jsonl``,
``round0-basil-dev.jsonl``: what the veto was chosen on) and rebuilds each story as
``compare`` does (this tree's defaults with the veto off: as ``align-hybrid.v5``). For every
judged pair at story similarity 0.5 and more it prints the features of
:mod:`newsprism.claims` by verdict (means; ROC AUC of SAME against DIFFERENT, and of SAME +
PARTIAL against DIFFERENT), once for the pairs v5 links between articles it takes as written
independently (where the bar is the high one) and once for all; then what a few simple
vetoes would keep apart. No sentence is printed: numbers only.

    newsprism convert basil
    python benchmarks/judged_veto.py [--files train-basil.jsonl,round0-basil-dev.jsonl] [--min-similarity 0.5]

``--min-similarity 0`` reads every judged pair, also those under the bar (a larger sample of
what a short sentence beside a long one carries).

The held-out judged files are refused (``--files`` with "heldout" in a name): they are for
``judged_bars.py``'s one report at the end, not for choosing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import skip, table
from judged_bars import VERDICTS, judged_pairs, sentence_hash, story_articles

import newsprism.align as align_module
import newsprism.comparison
from newsprism import AlignOptions, CompareOptions, compare
from newsprism.claims import ClaimModel, _read, feature_names, pair_features
from newsprism.eval.convert._common import default_dest

BAR = 0.5


class _Capture:
    """Wraps ``align_story`` and the pieces of ``align`` it calls, to keep the story's body
    sentences, their similarity and which article pairs read as written independently."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.nodes: list[tuple[str, int]] = []
        self.sim: Any = None
        self.independent: dict[tuple[int, int], bool] = {}

    def __enter__(self) -> _Capture:
        cap = self
        self._sim, self._ind, self._story = (
            align_module._Similarity,
            align_module._independent,
            align_module.align_story,
        )

        class Similarity(self._sim):  # type: ignore[misc,name-defined]
            def __init__(self, texts: Any, options: Any, floors: Any = None) -> None:
                super().__init__(texts, options, floors)
                cap.texts, cap.sim = list(texts), self

        def independent(scores: Any, x: Any, y: Any, ri: range, rj: range, threshold: float, opts: Any) -> bool:
            out = bool(cap._ind(scores, x, y, ri, rj, threshold, opts))
            cap.independent[(ri.start, rj.start)] = out
            return out

        def story(articles: Any, *, options: Any = None, shared_quotes: Any = ()) -> Any:
            cap.independent = {}
            cap.nodes = [(a.id, s.index) for a in articles for s in a.sentences if s.role == "body"]
            return cap._story(articles, options=options, shared_quotes=shared_quotes)

        align_module._Similarity = Similarity  # type: ignore[misc]
        align_module._independent = independent
        newsprism.comparison.align_story = story  # type: ignore[attr-defined]
        return self

    def __exit__(self, *exc: object) -> None:
        align_module._Similarity = self._sim  # type: ignore[misc]
        align_module._independent = self._ind
        newsprism.comparison.align_story = self._story  # type: ignore[attr-defined]


def judged_rows(files: list[str], bar: float = BAR) -> list[dict[str, Any]]:
    gold = default_dest("basil")
    if not (gold / "gold.json").is_file():
        skip(f"no basil gold set at {gold}; run: newsprism convert basil")
    by_story = story_articles(gold)
    pairs = judged_pairs(files)
    model = ClaimModel.load("wordllama")
    names = list(feature_names("wordllama"))
    rows = []
    for story in sorted({p["story"] for p in pairs}):
        paths = [gold / "articles" / f"{a}.txt" for a in by_story[story]]
        with _Capture() as cap:
            c = compare(paths, options=CompareOptions(align=AlignOptions(veto_length_ratio=0.0)), skip_errors=True)
        fact = {(m.article, m.sentence): f.id for f in c.facts for m in f.members}
        index = {(a.id, sentence_hash(s.text)): s.index for a in c.articles for s in a.sentences}
        node = {n: k for k, n in enumerate(cap.nodes)}
        first: dict[str, int] = {}
        for k, (aid, _) in enumerate(cap.nodes):
            first.setdefault(aid, k)
        for p in pairs:
            if p["story"] != story:
                continue
            ka, kb = (p["a"]["article"], p["a"]["sha"]), (p["b"]["article"], p["b"]["sha"])
            a, b = index.get(ka), index.get(kb)
            na, nb = node.get((ka[0], a)) if a is not None else None, node.get((kb[0], b)) if b is not None else None
            if na is None or nb is None:
                continue
            sim = float(cap.sim.block([na], [nb])[0, 0])
            if sim < bar:
                continue
            x = pair_features(cap.texts, cap.sim.emb, [(na, nb)], "wordllama")[0]
            sa, sb = _read(cap.texts[na]), _read(cap.texts[nb])
            key = tuple(sorted((first[ka[0]], first[kb[0]])))
            feats = dict(zip(names, x.tolist(), strict=True))
            feats["same-claim probability"] = float(model.probabilities(x[None, :])[0])
            feats["story similarity"] = sim
            feats["content terms of the shorter"] = float(min(len(sa.content), len(sb.content)))
            rows.append(
                {
                    "verdict": p["verdict"],
                    "independent": cap.independent.get(key, False),  # type: ignore[call-overload]
                    "linked": fact.get((ka[0], a)) == fact.get((kb[0], b)),
                    "features": feats,
                }
            )
    return rows


def auc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    p, n = np.asarray(pos)[:, None], np.asarray(neg)[None, :]
    return float(((p > n) + 0.5 * (p == n)).mean())


def feature_table(title: str, rows: list[dict[str, Any]]) -> str:
    n = Counter(r["verdict"] for r in rows)
    out = []
    for name in rows[0]["features"] if rows else []:
        by = {v: [r["features"][name] for r in rows if r["verdict"] == v] for v in VERDICTS}
        out.append(
            [
                name,
                *(float(np.mean(by[v])) if by[v] else "-" for v in VERDICTS),
                auc(by["SAME"], by["DIFFERENT"]),
                auc(by["SAME"] + by["PARTIAL"], by["DIFFERENT"]),
            ]
        )
    head = ["feature", *(f"{v} mean ({n[v]})" for v in VERDICTS), "AUC S/D", "AUC S+P/D"]
    return table(title, head, out)


#: simple vetoes, each on the pair's features
VETOES = {
    "length ratio < 0.30": lambda f: f["length_ratio"] < 0.30,
    "length ratio < 0.35 (v6)": lambda f: f["length_ratio"] < 0.35,
    "length ratio < 0.40": lambda f: f["length_ratio"] < 0.40,
    "no predicate and no quoted word shared": lambda f: f["predicate_jaccard"] == 0 and f["quoted_shared"] == 0,
    "same-claim probability < 0.2": lambda f: f["same-claim probability"] < 0.2,
    "same-claim probability < 0.3": lambda f: f["same-claim probability"] < 0.3,
    "negation in one only": lambda f: f["negation_mismatch"] == 1,
    "at most 1 content term in the shorter": lambda f: f["content terms of the shorter"] <= 1,
}


def precision(c: Counter) -> str:
    n = sum(c.values())
    return f"{(c['SAME'] + 0.5 * c['PARTIAL']) / n:.3f}" if n else "-"


def veto_table(title: str, rows: list[dict[str, Any]]) -> str:
    base = Counter(r["verdict"] for r in rows)
    out = [["(none)", "-", f"{precision(base)} ({'/'.join(str(base[v]) for v in VERDICTS)})"]]
    for name, rule in VETOES.items():
        cut = Counter(r["verdict"] for r in rows if rule(r["features"]))
        out.append([name, "/".join(str(cut[v]) for v in VERDICTS), precision(base - cut)])
    return table(title, ["veto", "vetoed S/P/D", "precision of the rest"], out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", default="train-basil.jsonl,round0-basil-dev.jsonl")
    ap.add_argument(
        "--min-similarity", type=float, default=BAR, help="read judged pairs at this story similarity and up"
    )
    args = ap.parse_args()
    files = args.files.split(",")
    if any("heldout" in f for f in files):
        ap.error("held-out judged files are not for choosing a veto")
    rows = judged_rows(files, args.min_similarity)
    bar = args.min_similarity
    independent = [r for r in rows if r["independent"] and r["linked"]]
    print(feature_table(f"Judged pairs at similarity {bar}+ that v5 links between independent articles", independent))
    print()
    print(feature_table(f"All judged pairs at similarity {bar}+", rows))
    print()
    print(veto_table("Vetoes on the links between independent articles", independent))
    print()
    print(veto_table(f"Vetoes on all judged pairs at similarity {bar}+", rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
