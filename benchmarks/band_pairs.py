"""Can a pair model trained on in-domain candidate pairs rank the 0.2 to 0.5 band? (issue 15)

Most shared facts that ``compare`` misses between independently written articles sit at story
similarity 0.2 to 0.5 (docs/claims.md, "Where the missed shared facts are"), where the
similarity ranks right and wrong links poorly and ``same-claim.v1`` (trained on MSRP only)
does no better. This builds the candidate pairs of that band from in-domain data and measures
whether a logistic regression trained on them ranks the band better, leave one part out.

Pairs: every pair of body sentences of two different articles of one story whose story
similarity (``align``'s own, captured while ``compare`` runs, this tree's defaults) is 0.2 or
more, with whether the two articles read as written independently, whether ``compare`` put
the two in one fact, the features of :mod:`newsprism.claims` and ``same-claim.v1``'s
probability.

- Written parts (labels from the gold facts, mapped to the predicted sentences as the scorer
  maps them): the dev set and parts E to K. Parts L, M and N are never read.
- BASIL stories of the judged pairs that are not held out (``train-basil.jsonl``,
  ``round0-basil-dev.jsonl``): only the judged pairs, labelled SAME 1, PARTIAL 0.5,
  DIFFERENT 0; training data only.
- The held-out BASIL stories (``splits.json`` ``heldout``): every band pair, never trained on;
  the verdict of any judged file kept with it, else none (``--unjudged FILE`` writes the ids of
  the pairs the model would add that no round judged, for a blind reader).

Models (``Logistic`` of ``train_claims.py``: L2, C = 1, Newton, standardised features) over the
story similarity, the independence flag and the ``claims`` features, fitted on the band pairs
of every written part but one plus the judged BASIL pairs (``--no-judged``: without them), and
scored on the left-out part. The cut is the lowest threshold at which the training pairs the
rescue would add (band, independent, not linked) reach precision 0.85; the added links on
the left-out part are counted right or wrong by its gold. The held-out BASIL stories are
scored with the model fitted on every written part and the judged pairs.

    newsprism convert basil
    python benchmarks/band_pairs.py [--cache /tmp/band.json] [--unjudged /tmp/unjudged.jsonl]

Numbers only, no sentence (``--unjudged`` writes ids and hashes).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, table
from judged_bars import sentence_hash, story_articles
from judged_veto import _Capture
from missed_links import compared_stories, gold_links
from train_claims import Logistic, roc_auc

from newsprism import AlignOptions, CompareOptions, compare
from newsprism.claims import ClaimModel, feature_names, pair_features
from newsprism.eval.convert._common import default_dest
from newsprism.eval.gold import load_gold

GOLD = REPO / "tests" / "gold"
JUDGED = GOLD / "judged"
#: seen written parts with facts (F to H have none); L, M and N are held out and never read
PARTS = ("dev", "heldout-e", "heldout-i", "heldout-j", "heldout-k")
TRAIN_JUDGED = ("train-basil.jsonl", "round0-basil-dev.jsonl")
LABEL = {"SAME": 1.0, "PARTIAL": 0.5, "DIFFERENT": 0.0}
FLOOR, TOP = 0.2, 0.5
TARGET = 0.85
#: fixed cuts reported beside the one chosen on the training parts
CUTS = (0.5, 0.6, 0.7, 0.8)
EMBEDDER = "wordllama"


def _pairs_of(cap: _Capture, fact: dict[tuple[str, int], str]) -> list[dict[str, Any]]:
    """Every cross-article pair of the captured story at similarity FLOOR or more."""
    arts: dict[str, list[int]] = {}
    for k, (aid, _) in enumerate(cap.nodes):
        arts.setdefault(aid, []).append(k)
    ids = sorted(arts)
    out: list[dict[str, Any]] = []
    for i, x in enumerate(ids):
        for y in ids[i + 1 :]:
            block = cap.sim.block(arts[x], arts[y])
            key = tuple(sorted((arts[x][0], arts[y][0])))
            ind = bool(cap.independent.get(key, False))  # type: ignore[call-overload]
            for p, q in zip(*np.nonzero(block >= FLOOR), strict=True):
                na, nb = arts[x][p], arts[y][q]
                fa, fb = fact.get(cap.nodes[na]), fact.get(cap.nodes[nb])
                out.append(
                    {
                        "a": list(cap.nodes[na]),
                        "b": list(cap.nodes[nb]),
                        "sha": [sentence_hash(cap.texts[na]), sentence_hash(cap.texts[nb])],
                        "nodes": (na, nb),
                        "similarity": float(block[p, q]),
                        "independent": ind,
                        "linked": fa is not None and fa == fb,
                    }
                )
    return out


def _features(cap: _Capture, rows: list[dict[str, Any]], model: ClaimModel) -> None:
    if not rows:
        return
    pairs = [r.pop("nodes") for r in rows]
    X = pair_features(cap.texts, cap.sim.emb, pairs, EMBEDDER)
    p = model.probabilities(X)
    for r, x, pr in zip(rows, X, p, strict=True):
        r["claims"] = [round(float(v), 6) for v in x]
        r["same_claim_v1"] = float(pr)


def written(part: str, model: ClaimModel) -> list[dict[str, Any]]:
    gold = load_gold(GOLD / part)
    rows: list[dict[str, Any]] = []
    for story, cap, rep, fact in compared_stories(gold, _Capture):
        links = {frozenset(lk) for lk in gold_links(gold, rep)}
        got = _pairs_of(cap, fact)
        _features(cap, got, model)
        for r in got:
            r.update(part=part, story=story, label=float(frozenset((tuple(r["a"]), tuple(r["b"]))) in links))
        rows += got
    return rows


def _verdicts(files: list[str]) -> dict[tuple[str, frozenset[tuple[str, str]]], str]:
    out: dict[tuple[str, frozenset[tuple[str, str]]], str] = {}
    for f in files:
        for line in (JUDGED / f).read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("kind") == "pair" and row.get("verdict") in LABEL and row["a"].get("sha"):
                ends = frozenset(((row["a"]["article"], row["a"]["sha"]), (row["b"]["article"], row["b"]["sha"])))
                out.setdefault((row["story"], ends), row["verdict"])
    return out


def basil(stories: list[str], verdicts: dict, model: ClaimModel, *, judged_only: bool, part: str) -> list[dict]:
    gold = default_dest("basil")
    by_story = story_articles(gold)
    rows: list[dict[str, Any]] = []
    for story in stories:
        paths = [gold / "articles" / f"{a}.txt" for a in by_story.get(story, [])]
        if len(paths) < 2:
            continue
        with _Capture() as cap:
            c = compare(paths, options=CompareOptions(align=AlignOptions()), skip_errors=True)
        fact = {(m.article, m.sentence): f.id for f in c.facts for m in f.members}
        got = _pairs_of(cap, fact)
        keep = []
        for r in got:
            ends = frozenset(((r["a"][0], r["sha"][0]), (r["b"][0], r["sha"][1])))
            v = verdicts.get((story, ends))
            if judged_only and v is None:
                continue
            r.update(part=part, story=story, verdict=v, label=LABEL[v] if v else None)
            keep.append(r)
        _features(cap, keep, model)
        rows += keep
    return rows


def build() -> list[dict[str, Any]]:
    model = ClaimModel.load(EMBEDDER)
    rows: list[dict[str, Any]] = []
    for part in PARTS:
        if not (GOLD / part / "gold.json").is_file():
            print(f"SKIPPED: no {part}")
            continue
        if not json.loads((GOLD / part / "gold.json").read_text(encoding="utf-8")).get("facts"):
            continue  # parts F to H carry no facts (cleaning, grouping and credits sets)
        rows += written(part, model)
    gold = default_dest("basil")
    if not (gold / "gold.json").is_file():
        print(f"SKIPPED: no BASIL gold set at {gold}; run: newsprism convert basil")
        return rows
    train = _verdicts(list(TRAIN_JUDGED))
    rows += basil(sorted({s for s, _ in train}), train, model, judged_only=True, part="basil-judged")
    every = _verdicts(sorted(f.name for f in JUDGED.glob("*basil*.jsonl")))
    held = json.loads((JUDGED / "splits.json").read_text(encoding="utf-8"))["heldout"]
    rows += basil(sorted(held), every, model, judged_only=False, part="basil-heldout")
    return rows


def matrix(rows: list[dict[str, Any]]) -> np.ndarray:
    return np.array([[r["similarity"], float(r["independent"]), *r["claims"]] for r in rows])


def in_band(r: dict[str, Any]) -> bool:
    return FLOOR <= r["similarity"] < TOP


def rescued(r: dict[str, Any]) -> bool:
    """What a band rescue for independent pairs could add: band, independent, not linked."""
    return in_band(r) and r["independent"] and not r["linked"]


def cut(p: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold at which the pairs at or above it reach precision TARGET (10 or more)."""
    for t in np.round(np.arange(0.3, 0.99, 0.01), 2):
        keep = p >= t
        if keep.sum() >= 10 and y[keep].mean() >= TARGET:
            return float(t)
    return 1.0


def auc(y: np.ndarray, s: np.ndarray) -> str:
    hard = (y == 0) | (y == 1)
    if len(set(y[hard])) < 2:
        return "-"
    return f"{roc_auc(y[hard], s[hard]):.3f}"


def fit(rows: list[dict[str, Any]]) -> Logistic:
    X = matrix(rows)
    return Logistic(X, np.array([r["label"] for r in rows]))


def _added(p: np.ndarray, y: np.ndarray, keep: np.ndarray) -> str:
    """Right / wrong (gold) of the pairs ``keep`` selects."""
    return f"{int(y[keep].sum())} / {int(keep.sum() - y[keep].sum())}"


def _verdicts_of(added: list[dict[str, Any]]) -> str:
    c = Counter(r["verdict"] or "unjudged" for r in added)
    n = sum(c[v] for v in LABEL)
    prec = f"{(c['SAME'] + 0.5 * c['PARTIAL']) / n:.3f}" if n else "-"
    return f"{len(added)}: {c['SAME']} / {c['PARTIAL']} / {c['DIFFERENT']} / {c['unjudged']} ({prec})"


def report(
    rows: list[dict[str, Any]], use_judged: bool, judge_cut: float, independent_only: bool = False
) -> list[dict[str, Any]]:
    """Print the tables; return the held-out band pairs the model would add at ``judge_cut``."""
    parts = [p for p in PARTS if any(r["part"] == p for r in rows)]
    judged = [r for r in rows if r["part"] == "basil-judged" and in_band(r)]
    if independent_only:
        judged = [r for r in judged if r["independent"]]

    def trains(r: dict[str, Any]) -> bool:
        """A written-part pair the models may be trained on (``--independent-only``: of independent articles)."""
        return in_band(r) and (r["independent"] or not independent_only)

    body = []
    for p in [*parts, "basil-judged", "basil-heldout"]:
        band = [r for r in rows if r["part"] == p and in_band(r)]
        lab = [r for r in band if r["label"] is not None]
        ind = [r for r in lab if r["independent"]]
        res = [r for r in lab if rescued(r)]
        body.append(
            [
                p,
                len([r for r in rows if r["part"] == p]),
                f"{len(band)} ({len(lab)} labelled)",
                f"{sum(r['label'] for r in lab):g}",
                f"{len(ind)} / {sum(r['label'] for r in ind):g}",
                f"{len(res)} / {sum(r['label'] for r in res):g}",
            ]
        )
    print(
        table(
            f"Candidate pairs (similarity >= {FLOOR}, this tree's defaults); band {FLOOR} to {TOP}; "
            "positives: gold links (judged: SAME + half PARTIAL)",
            ["part", "pairs", "band", "positives", "independent: pairs / pos", "rescuable (not linked): pairs / pos"],
            body,
        )
    )
    print()
    body, cuts = [], []
    pooled: list[tuple[float, float, float]] = []
    for left in parts:
        train = [r for r in rows if r["part"] in parts and r["part"] != left and trains(r)]
        if use_judged:
            train += judged
        model = fit(train)
        tr_res = [r for r in train if rescued(r)]
        t = cut(model.proba(matrix(tr_res)), np.array([r["label"] for r in tr_res]))
        test = [r for r in rows if r["part"] == left and in_band(r)]
        y = np.array([r["label"] for r in test])
        X = matrix(test)
        pm = model.proba(X)
        ind = np.array([r["independent"] for r in test])
        res = np.array([rescued(r) for r in test])
        pooled += [(float(pm[k]), float(y[k]), float(X[k, 0])) for k in np.nonzero(res)[0]]
        body.append(
            [
                left,
                len(test),
                auc(y, X[:, 0]),
                auc(y, np.array([r["same_claim_v1"] for r in test])),
                auc(y, pm),
                f"{int(ind.sum())}: {auc(y[ind], X[ind, 0])} / {auc(y[ind], pm[ind])}",
                f"{int(res.sum())} ({int(y[res].sum())})",
            ]
        )
        cuts.append(
            [
                left,
                "none" if t >= 1 else f"{t:.2f}",
                _added(pm, y, res & (pm >= t)),
                *(_added(pm, y, res & (pm >= c)) for c in CUTS),
            ]
        )
    extra = (" and the judged BASIL pairs not held out" if use_judged else "") + (
        ", pairs of independent articles only" if independent_only else ""
    )
    src = "the other written parts" + extra
    print(
        table(
            f"Leave one part out, band {FLOOR} to {TOP}: ROC AUC (model trained on {src})",
            [
                "left out",
                "band pairs",
                "similarity",
                "same-claim.v1",
                "in-domain",
                "independent pairs: similarity / in-domain",
                "rescuable (positives)",
            ],
            body,
        )
    )
    print()
    print(
        table(
            "Links a band rescue (independent, not linked, in-domain probability >= cut) would add: right / wrong",
            ["left out", f"cut (P {TARGET} on training)", "added at it", *(f"at {c}" for c in CUTS)],
            cuts,
        )
    )
    print()
    p_, y_, s_ = (np.array(v) for v in zip(*pooled, strict=True)) if pooled else (np.zeros(0),) * 3
    body = []
    for name, score in (("in-domain (left out)", p_), ("similarity", s_)):
        order = np.argsort(-score, kind="mergesort")
        body.append(
            [name, auc(y_, score), *(f"{y_[order[:k]].mean():.2f}" for k in (5, 10, 20, 40) if len(order) >= k)]
        )
    print(
        table(
            f"Rescuable pairs of all left-out parts pooled ({len(y_)}, {int(y_.sum())} gold links): "
            "precision of the top k",
            ["ranked by", "ROC AUC", "top 5", "top 10", "top 20", "top 40"],
            body,
        )
    )
    print()
    train = [r for r in rows if r["part"] in parts and trains(r)] + (judged if use_judged else [])
    model = fit(train)
    tr_res = [r for r in train if rescued(r)]
    t = cut(model.proba(matrix(tr_res)), np.array([r["label"] for r in tr_res]))
    held = [r for r in rows if r["part"] == "basil-heldout" and in_band(r)]
    if not held:
        return []
    pm = model.proba(matrix(held))
    for r, v in zip(held, pm, strict=True):
        r["p"] = float(v)
    lab = [r for r in held if r["label"] is not None]
    y = np.array([r["label"] for r in lab])
    print(
        f"BASIL held out ({len(held)} band pairs, {len(lab)} judged by some round): ROC AUC SAME against DIFFERENT: "
        f"similarity {auc(y, np.array([r['similarity'] for r in lab]))}, "
        f"same-claim.v1 {auc(y, np.array([r['same_claim_v1'] for r in lab]))}, "
        f"in-domain {auc(y, np.array([r['p'] for r in lab]))}"
    )
    body = [["cut chosen on training (P 0.85)", "none" if t >= 1 else f"{t:.2f}"]]
    body[0].append(_verdicts_of([r for r in held if rescued(r) and r["p"] >= t]))
    for c in CUTS:
        body.append([f"at {c}", "", _verdicts_of([r for r in held if rescued(r) and r["p"] >= c])])
    print(
        table(
            f"BASIL held out: links the rescue would add (model trained on every written part{extra})",
            ["cut", "", "added: SAME / PARTIAL / DIFFERENT / unjudged (precision of the judged)"],
            body,
        )
    )
    return [r for r in held if rescued(r) and r["p"] >= judge_cut]


def write_unjudged(added: list[dict[str, Any]], path: Path) -> None:
    """The added held-out pairs no round judged, shuffled, ids and hashes only (for a blind reader)."""
    todo = [r for r in added if r["verdict"] is None]
    random.Random(909).shuffle(todo)
    with path.open("w", encoding="utf-8") as fh:
        for k, r in enumerate(todo):
            item = {
                "kind": "pair",
                "item": k,
                "story": r["story"],
                "a": {"article": r["a"][0], "sentence": r["a"][1], "sha": r["sha"][0]},
                "b": {"article": r["b"][0], "sentence": r["b"][1], "sha": r["sha"][1]},
            }
            fh.write(json.dumps(item) + "\n")
    print(f"wrote {len(todo)} unjudged pairs to {path}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, help="keep the pairs here (rebuilt when missing)")
    ap.add_argument("--no-judged", action="store_true", help="train on the written parts only")
    ap.add_argument("--independent-only", action="store_true", help="train on pairs of independent articles only")
    ap.add_argument("--unjudged", type=Path, help="write the held-out pairs the model adds that no round judged")
    ap.add_argument("--judge-cut", type=float, default=0.5, help="the cut for --unjudged (default 0.5)")
    args = ap.parse_args()
    if args.cache and args.cache.is_file():
        rows = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        rows = build()
        if args.cache:
            args.cache.write_text(json.dumps(rows), encoding="utf-8")
    every = _verdicts(sorted(f.name for f in JUDGED.glob("*basil*.jsonl")))
    for r in rows:  # verdicts kept after the pairs were built count too
        if r["part"] == "basil-heldout":
            v = every.get((r["story"], frozenset(((r["a"][0], r["sha"][0]), (r["b"][0], r["sha"][1])))))
            r.update(verdict=v, label=LABEL[v] if v else None)
    names = ["similarity", "independent", *feature_names(EMBEDDER)]
    print(f"features: {', '.join(names)}")
    added = report(rows, not args.no_judged, args.judge_cut, args.independent_only)
    if args.unjudged:
        write_unjudged(added, args.unjudged)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
