"""Train the learned line-shape decision of the cleaner (``shape.v2``) and measure it by
leave-one-part-out on the written gold parts.

Every non-empty body line of the parts' ``.txt`` articles is one example: a line of the
part's ``boilerplate`` is furniture, every other line story. The features are
``newsprism.lineshape.line_features`` (shape and position, no phrase), computed beside the
drops of the cleaner without the learned evidence. The model is an L2 logistic regression on
standardised features (Newton's method, the intercept not penalised), fitted on all lines.
The decision may only drop a line the other evidence keeps, outside the story's anchors.

Leave one part out: for each part P, the model is fitted on the other parts; its bar is
chosen without P too (for each other part Q, a model fitted without P and Q scores Q's
eligible lines; the bar is just above the highest score of a story line of any Q, so that
precision stays 1.00 on every part it was chosen on). P is then cleaned and scored by
``newsprism eval`` (task cleaning, the compare path) with that model and bar, beside the
cleaner without it, in the same run. The shipped model is fitted on all the parts; its bar
is the highest of the bars chosen that way over all the parts (one per part left out).

    python benchmarks/train_furniture.py            # the table; writes src/newsprism/data/shape.v2.json
    python benchmarks/train_furniture.py --check    # the table only

Parts used: tests/gold/dev and heldout-e .. heldout-j. Part K (``heldout-k``) is held out
for the maintainer: it is never read here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
import train_claims
from _common import REPO, table

from newsprism.clean import CleanOptions, clean_body
from newsprism.comparison import CompareOptions
from newsprism.eval.gold import load_gold
from newsprism.eval.matching import fold
from newsprism.eval.run import evaluate
from newsprism.lineshape import FEATURES, MODEL_FILE, VERSION, line_features
from newsprism.readers import read_path

PARTS = ("dev", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i", "heldout-j")
C = 1.0
MARGIN = 0.02  # the bar stands this far above the highest story line it was chosen on
FLOOR = 0.5  # and never below even odds: the model must call the line furniture
V7 = CleanOptions(learned_shape=False)  # the cleaner without the learned decision (furniture.v7)


class Logistic(train_claims.Logistic):
    """``train_claims``' L2 logistic regression (standardised features, Newton's method, the
    intercept not penalised), written out as the cleaner's model file."""

    def to_json(self, bar: float, **meta: object) -> str:
        data = {
            "version": VERSION,
            **meta,
            "features": list(FEATURES),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "coefficients": [round(float(v), 6) for v in self.coef],
            "intercept": round(self.intercept, 6),
            "bar": round(bar, 4),
        }
        return json.dumps(data, indent=1) + "\n"


def part_lines(part: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (1: furniture) and whether the decision may drop it, for every line."""
    gold = load_gold(REPO / "tests" / "gold" / part)
    truth_all = gold.data.get("boilerplate", {})
    X, y, el = [], [], []
    for art, path in sorted(gold.files.items()):
        if path.suffix != ".txt":
            continue
        raw = read_path(path)[0]
        truth = {fold(x) for x in truth_all.get(art, [])}
        lines = raw.body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        cleaned = clean_body(raw.body, title=raw.title, outlet=raw.outlet, options=V7)
        left = Counter(cleaned.removed)
        dropped = set()
        for n, line in enumerate(lines):
            if left[line] > 0:
                left[line] -= 1
                dropped.add(n)
        feats, eligible = line_features(lines, raw.title, dropped, every=True)
        for n, f in feats.items():
            X.append(f)
            y.append(1 if fold(lines[n]) in truth else 0)
            el.append(n in eligible)
    return np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(el, dtype=bool)


def fit(data: dict, parts: list[str]) -> Logistic:
    X = np.vstack([data[p][0] for p in parts])
    y = np.concatenate([data[p][1] for p in parts])
    return Logistic(X, y)


def choose_bar(data: dict, parts: list[str]) -> float:
    """Just above the highest score of an eligible story line of any part Q, each scored by
    a model fitted on ``parts`` without Q."""
    top = 0.0
    for q in parts:
        model = fit(data, [p for p in parts if p != q])
        X, y, el = data[q]
        s = model.proba(X[el & (y == 0)])
        if len(s):
            top = max(top, float(s.max()))
    return min(0.999, max(FLOOR, top + MARGIN))


def score(part: str, options: CleanOptions) -> tuple[float, float, float, int, int]:
    result = evaluate(REPO / "tests" / "gold" / part, tasks=("cleaning",), options=CompareOptions(clean=options))
    c = result.scores["cleaning"]
    return c["precision"], c["recall"], c["f1"], c["predicted"], c["gold"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print the table, write no model")
    args = ap.parse_args()
    data = {p: part_lines(p) for p in PARTS}
    for p in PARTS:
        X, y, el = data[p]
        n_el, n_el_furn = int(el.sum()), int(y[el].sum())
        print(f"{p}: {len(y)} lines, {int(y.sum())} furniture; eligible {n_el}, furniture {n_el_furn}", file=sys.stderr)
    rows = []
    bars = []
    for p in PARTS:
        others = [q for q in PARTS if q != p]
        bar = choose_bar(data, others)
        bars.append(bar)
        model = fit(data, others)
        before = score(p, V7)
        after = score(p, CleanOptions(shape_model=model.to_json(bar)))
        X, y, el = data[p]
        s = model.proba(X[el])
        rows.append(
            [
                p,
                f"{bar:.3f}",
                f"{before[0]:.3f} / {before[1]:.3f} / {before[2]:.3f}",
                f"{after[0]:.3f} / {after[1]:.3f} / {after[2]:.3f}",
                f"{before[3]} -> {after[3]} (gold {before[4]})",
                f"{int(((s >= bar) & (y[el] == 1)).sum())} / {int(((s >= bar) & (y[el] == 0)).sum())}",
            ]
        )
    print(
        table(
            "Cleaning by leave-one-part-out (newsprism eval, task cleaning)",
            [
                "part left out",
                "bar",
                "v7 P / R / F1",
                "v7 + shape P / R / F1",
                "dropped",
                "eligible dropped: furn. / story",
            ],
            rows,
        )
    )
    final_bar = max(bars)
    model = fit(data, list(PARTS))
    print(f"shipped bar (highest of the parts' bars): {final_bar:.3f}")
    for name, w in sorted(zip(FEATURES, model.coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:28s} {w:+.3f}")
    if not args.check:
        out = REPO / "src" / "newsprism" / "data" / MODEL_FILE
        text = model.to_json(
            final_bar,
            source="benchmarks/train_furniture.py: the labelled lines of the written gold parts "
            + ", ".join(PARTS)
            + " (tests/gold; boilerplate lines are furniture, every other line story); part K not used",
            licence="MIT (the newsprism project's licence, see LICENSE); weights learned from the project's own gold",
            model=f"logistic regression (L2, C={C}, intercept not penalised, Newton) on standardised features",
            bar_rule="leave one part out; for each part left out, just above the highest score of a story line the "
            "decision may drop on the other parts, each scored by a model fitted without it; the highest of these",
        )
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
