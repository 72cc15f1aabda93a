"""Train the same-event decision for undated articles (``same-event.v1``) on NeuS AllSides.

NeuS AllSides holds 506 stories of April to October 2021, each a left/center/right triple,
many of them successive events of one developing story a few days apart. Its stories are split
in two halves (seeded); grouping each half without dates forms candidate pairs as it does
(:func:`newsprism.grouping.event_pairs`: undated pairs scoring at least the threshold), each
labelled 1 when its two articles are of one gold story. A logistic regression (numpy, the
``Logistic`` of ``train_claims.py``) over :data:`newsprism.grouping.EVENT_FEATURES` is fitted
on the pairs of one half and scored on the other (pair ROC AUC), both ways. The decision's
setting (``event_floor``: the mean same-event probability two undated stories need to merge;
``event_scope``: which undated merges it judges, two stories, or any with a story, or all;
``event_margin``: judged only when the merge's average similarity lies less than this above
its bar; two feature sets: all, or without the ones that only say whether both texts hold
weekdays or numbers at all or how long they are) is chosen on the training half's own
grouping, then every set is grouped without dates with that model in the same run as
``group-hybrid.v5``: the other NeuS half, BASIL, ECB+, the dev gold set, held-out parts F and
G, small piles, and part H (aggregate score only).

    python benchmarks/train_grouping.py                   # prints the tables
    python benchmarks/train_grouping.py --out model.json  # and writes the model of half A

No model is shipped: no setting beat ``group-hybrid.v5`` across the sets (docs/grouping.md).
The grid's settings are chosen on NeuS half A alone; part H is scored for v5 and the setting
chosen there only, never to choose.

Reads ../shared/data (NeuS, BASIL, ECB+) at run time.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, skip, table
from bench_grouping import gold_articles, neus, pile_sets, undated
from train_claims import Logistic, roc_auc

from newsprism.api import load_articles
from newsprism.eval.convert import convert_basil, convert_ecbplus
from newsprism.eval.gold import load_gold
from newsprism.eval.scoring import bcubed
from newsprism.grouping import EVENT_FEATURES, GroupOptions, cluster, event_pairs, featurize

SEED = 16
C = 1.0
VERSION = "same-event.v1"
#: settings tried on the training half: (event_floor, event_scope, body_floor)
GRID = [
    (floor, scope, margin, variant)
    for variant in ("all", "agreement")
    for scope, margin in (("stories", 1.0), ("joins", 1.0), ("joins", 0.1), ("joins", 0.05))
    for floor in (0.1, 0.2, 0.3)
]
#: feature sets: all of EVENT_FEATURES, or without the ones that say only whether both texts
#: hold weekdays or numbers at all, or how long they are (which differ between sets: NeuS
#: holds first paragraphs, ECB+ whole articles), keeping agreement and disagreement
VARIANTS = {
    "all": list(EVENT_FEATURES),
    "agreement": [f for f in EVENT_FEATURES if f not in ("text_weekdays_both", "numbers_both", "length_ratio")],
}


class Subset:
    """A :class:`Logistic` fitted on some of the features, its weights for the others 0."""

    def __init__(self, x: np.ndarray, y: np.ndarray, names: list[str]) -> None:
        keep = [EVENT_FEATURES.index(n) for n in names]
        inner = Logistic(x[:, keep], y, C)
        self.mean, self.scale = x.mean(0), x.std(0)
        self.scale[self.scale == 0] = 1.0
        self.coef = np.zeros(x.shape[1])
        # the same standardisation as the inner model for the features kept
        self.mean[keep], self.scale[keep], self.coef[keep] = inner.mean, inner.scale, inner.coef
        self.intercept = inner.intercept

    def proba(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(((x - self.mean) / self.scale) @ self.coef + self.intercept)))


def split_halves(story: dict[str, str]) -> tuple[set[str], set[str]]:
    """The NeuS stories in two halves, seeded."""
    ids = sorted(set(story.values()))
    random.Random(SEED).shuffle(ids)
    return set(ids[: len(ids) // 2]), set(ids[len(ids) // 2 :])


def model_json(model: Logistic, pairs: int, positive: float, auc: float) -> dict:
    return {
        "version": VERSION,
        "model": f"logistic regression (L2, C={C}, intercept not penalised, Newton) on standardised features",
        "training_data": (
            f"NeuS AllSides (Lee et al. 2022), one half of its stories (seed {SEED}), grouped without dates: "
            f"{pairs} candidate pairs grouping takes, {positive:.2f} of them one gold story"
        ),
        "held_out_pair_roc_auc": round(auc, 4),
        "features": list(EVENT_FEATURES),
        "coefficients": [round(float(c), 6) for c in model.coef],
        "intercept": round(model.intercept, 6),
        "scaling": {
            "mean": [round(float(v), 6) for v in model.mean],
            "scale": [round(float(v), 6) for v in model.scale],
        },
    }


def f1(feats, truth: dict[str, str], opts: GroupOptions) -> float:
    return bcubed(truth, cluster(feats, options=opts).story_of())[2]


def truth_of(gold) -> dict[str, str]:
    return {a: m["story"] for a, m in gold.data["articles"].items()}


def gold_dir(path: Path):
    gold = load_gold(path)
    arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
    return arts, gold


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="write the model fitted on half A and its chosen setting to this JSON file")
    ap.add_argument("--piles", type=int, default=60)
    ap.add_argument(
        "--chars",
        type=int,
        default=0,
        help="the decision reads the headline and this many first characters of each text "
        "(GroupOptions.event_chars; NeuS texts hold about 570) instead of the whole text",
    )
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None or not (shared / "data" / "neus_allsides" / "data" / "raw_crawled").is_dir():
        skip("shared/data/neus_allsides not found")
        return
    data = shared / "data"
    base = GroupOptions()
    # features with the openings' terms too (v5 does not read them), for the decision
    feat = replace(base, event_floor=1e-9, event_chars=args.chars)
    base = replace(base, event_chars=args.chars)
    arts, ngold, _ = neus(data / "neus_allsides", None)
    story = ngold.data["articles"]
    story = {a: m["story"] for a, m in story.items()}
    halves = split_halves(story)
    half_feats, half_truth = [], []
    for half in halves:
        pile = undated([a for a in arts if story[a.id] in half])
        half_feats.append(featurize(pile, feat))
        half_truth.append({a.id: story[a.id] for a in pile})
    # pairs and labels per half
    xs, ys = [], []
    for feats, truth in zip(half_feats, half_truth, strict=True):
        pairs, x = event_pairs(feats, base)
        xs.append(x)
        ys.append(np.array([truth[a] == truth[b] for a, b in pairs], dtype=np.float64))
    rows = []
    models: dict[str, object] = {}
    for variant, names in VARIANTS.items():
        for k in (0, 1):
            model = Subset(xs[k], ys[k], names)
            auc = roc_auc(ys[1 - k], model.proba(xs[1 - k]))
            base_auc = roc_auc(ys[1 - k], xs[1 - k][:, EVENT_FEATURES.index("whole_text")])
            lead_auc = roc_auc(ys[1 - k], 0.5 * xs[1 - k][:, 0] + 0.5 * xs[1 - k][:, 1])
            rows.append(
                [
                    f"{variant}: half {'AB'[k]} -> {'AB'[1 - k]}",
                    len(ys[k]),
                    float(ys[k].mean()),
                    lead_auc,
                    base_auc,
                    auc,
                ]
            )
            if k == 0:
                models[variant] = model
    print(
        table(
            "same-event pairs of NeuS AllSides without dates: trained on one half, ROC AUC on the other",
            ["train -> test", "train pairs", "train positive", "lead score", "whole-text cosine", VERSION],
            rows,
        )
    )
    print()
    coef = [[name, *(float(m.coef[k]) for m in models.values())] for k, name in enumerate(EVENT_FEATURES)]
    print(table("weights fitted on half A (standardised features)", ["feature", *models], coef))
    print()
    # the model of half A, to a file; its setting chosen on half A's own grouping
    files, jsons = {}, {}
    for n, (variant, model) in enumerate(models.items()):
        jsons[variant] = model_json(model, len(ys[0]), float(ys[0].mean()), float(rows[2 * n][-1]))
        files[variant] = Path(tempfile.mkdtemp()) / "same-event.json"
        files[variant].write_text(json.dumps(jsons[variant]), encoding="utf-8")
    settings = [
        replace(base, event_floor=floor, event_scope=scope, event_margin=margin, event_model=str(files[variant]))
        for floor, scope, margin, variant in GRID
    ]
    train_scores = [f1(half_feats[0], half_truth[0], o) for o in settings]
    best = int(np.argmax(train_scores))
    chosen = settings[best]
    # every set, without dates, v5 against the chosen setting (and the others, to show the grid)
    sets: list[tuple[str, list, dict[str, str]]] = [("neus half B (held out)", half_feats[1], half_truth[1])]
    sets.append(("neus half A (trained on)", half_feats[0], half_truth[0]))
    for name, convert in (("basil", convert_basil), ("ecbplus", convert_ecbplus)):
        a, gold = gold_articles(name, convert, data / name, None)
        sets.append((name, featurize(undated(a), feat), truth_of(gold)))
        _, piles, truth = pile_sets(name, a, gold, args.piles)
        sets.append((f"{name} small piles (mean)", [featurize(p, feat) for p in piles], truth))
    for name in ("dev", "heldout-f", "heldout-g", "heldout-h"):
        a, gold = gold_dir(REPO / "tests" / "gold" / name)
        sets.append((name, featurize(undated(a), feat), truth_of(gold)))

    def score(feats, truth, opts) -> float:
        if feats and isinstance(feats[0], list):
            return float(np.mean([f1(f, {x.id: truth[x.id] for x in f}, opts) for f in feats]))
        return f1(feats, truth, opts)

    header = ["setting", "train half A", *[s[0] for s in sets]]
    held_out = len(sets) - 1  # part H: scored for v5 and the chosen setting only, never to choose

    def scores(opts: GroupOptions, all_sets: bool) -> list[object]:
        return [score(f, t, opts) if k != held_out or all_sets else "-" for k, (_, f, t) in enumerate(sets)]

    table_rows = [["group-hybrid.v5", f1(half_feats[0], half_truth[0], base), *scores(base, True)]]
    for (floor, scope, margin, variant), opts, train in zip(GRID, settings, train_scores, strict=True):
        mark = " (chosen)" if opts is chosen else ""
        label = f"{variant} p>={floor} {scope}" + (f" margin {margin}" if margin < 1 else "") + mark
        table_rows.append([label, train, *scores(opts, opts is chosen)])
    print(table("B-cubed F1 without dates, one run (part H: aggregate only)", header, table_rows))
    print(
        f"chosen on half A: event_floor={chosen.event_floor} event_scope={chosen.event_scope} "
        f"event_margin={chosen.event_margin}"
    )
    if not args.out:
        return
    shipped = jsons[GRID[best][3]]
    shipped["setting"] = {
        "event_floor": chosen.event_floor,
        "event_scope": chosen.event_scope,
        "event_margin": chosen.event_margin,
    }
    path = Path(args.out)
    path.write_text(json.dumps(shipped, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
