"""Why reports of one event end up in different stories, and what changes when grouping joins
more (issue 16 part 2, third round).

For each set grouped without dates (the written gold parts F to O, the dev set, BASIL, NeuS
AllSides, ECB+), every pair of articles of one gold story that ``group-hybrid.v5`` puts in two
stories is given the reason that keeps its two stories apart at the end, read from the final
clusters: ``lead below bar`` (the pair's own headline-and-lead score and the two stories'
average both below ``threshold``), ``average linkage`` (the pair scores at least ``threshold``
but its two stories' average does not), ``story bar`` (two undated stories whose average lies
between ``threshold`` and ``threshold + story_merge``) and ``whole-text floor`` (the average
reaches the bar but the whole texts' does not reach ``body_floor``). Then every set is
clustered with v5 and with each setting given in one run (features computed once per set);
BASIL and NeuS also dated, and ECB+ beside its whole-text TF-IDF baseline at its best
threshold.

    python benchmarks/grouping_splits.py [--settings "body_rescue=0.35,rescue_margin=0.05;..."]
        [--limit N] [--no-diagnose]

Parts L to O were read for grouping in the v9 round (issue 16 part 2, sixth round) and are
grouped here too; parts M, N, O and the dev set also as ``newsprism eval`` reads them (some
files dated, the rest not: the mixed piles v9 changes).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, skip, table
from bench_grouping import basil_dates, gold_articles, neus, pile_sets, pile_tfidf, tfidf_agglomerative, undated

from newsprism.api import load_articles
from newsprism.eval.convert import convert_basil, convert_ecbplus
from newsprism.eval.gold import load_gold
from newsprism.eval.scoring import bcubed
from newsprism.grouping import (
    EVENT_FEATURES,
    GroupOptions,
    _body_rows,
    _day,
    _tfidf_rows,
    _weekdays,
    cluster,
    featurize,
)

PARTS = (
    "heldout-f",
    "heldout-g",
    "heldout-h",
    "heldout-i",
    "heldout-j",
    "heldout-k",
    "heldout-l",
    "heldout-m",
    "heldout-n",
    "heldout-o",
)
#: parts whose files date some articles and not others (``newsprism eval`` reads them so):
#: grouped as read too, the mixed piles that v9 changes
MIXED = ("heldout-m", "heldout-n", "heldout-o", "dev")


#: what v9 added, off: mixed piles judged as before, headlines in capitals read as written
V8 = {"mixed_undated": False, "unshout": False}


def featured(arts, settings: list[tuple[str, GroupOptions]]) -> list:
    """Each setting's features of ``arts`` (computed once for each way of reading headlines)."""
    done = {flag: featurize(arts, GroupOptions(unshout=flag)) for flag in {o.unshout for _, o in settings}}
    return [done[o.unshout] for _, o in settings]


def v7_options() -> GroupOptions:
    """``group-hybrid.v7``: no written-day window, the veto of two stories only, and the
    ``same-event.v3`` models (kept in the package for this) with no weight on the three
    features v8 added."""
    import json
    import tempfile

    data = json.loads((REPO / "src" / "newsprism" / "data" / "same-event.v3.json").read_text("utf-8"))
    folder = Path(tempfile.mkdtemp())
    paths = {}
    for role, m in data["models"].items():
        extra = len(EVENT_FEATURES) - len(m["features"])
        model = {
            "version": "same-event.v3",
            "features": list(EVENT_FEATURES),
            "coefficients": m["coefficients"] + [0.0] * extra,
            "intercept": m["intercept"],
            "scaling": {"mean": m["scaling"]["mean"] + [0.0] * extra, "scale": m["scaling"]["scale"] + [1.0] * extra},
        }
        paths[role] = folder / f"{role}.json"
        paths[role].write_text(json.dumps(model), encoding="utf-8")
    return GroupOptions(
        written_window=0,
        event_scope="stories",
        **V8,
        event_evidence=0,
        rescue_model=str(paths["rescue"]),
        event_model=str(paths["veto"]),
    )


def parse(settings: str) -> list[tuple[str, GroupOptions]]:
    out = []
    for text in filter(None, (s.strip() for s in settings.split(";"))):
        kw: dict[str, object] = {}
        for item in text.split(","):
            k, _, v = item.partition("=")
            default = getattr(GroupOptions(), k.strip())
            kw[k.strip()] = type(default)(v) if not isinstance(default, bool) else v.strip() in ("1", "true")
        out.append((text, GroupOptions(**kw)))  # type: ignore[arg-type]
    return out


def diagnose(feats, truth: dict[str, str], opts: GroupOptions) -> Counter[str]:
    """Reasons the split same-story pairs stay apart (module docstring)."""
    ids = [f.id for f in feats]
    at = {a: k for k, a in enumerate(ids)}
    bags = [f.terms for f in feats]
    mat, _, _, _ = _tfidf_rows(bags, opts)
    days = [_day(f.published) for f in feats]
    emb = np.frombuffer(b"".join(f.vector or b"" for f in feats), dtype="<f4").reshape(len(feats), -1)
    week = _weekdays(bags, days, opts.weekday_spread)
    body = _body_rows(bags, np.array([d is None for d in days]), opts.idf_prior)
    lex = (mat @ mat.T).toarray()
    score = opts.weight * (emb @ emb.T) + (1 - opts.weight) * lex
    has = week.any(axis=1).astype(float)
    score = score - opts.weekday_penalty * (np.outer(has, has) - week @ week.T)
    whole = (body @ body.T).toarray()
    pred = cluster(feats, options=opts).story_of()
    members: dict[str, list[int]] = {}
    for a, s in pred.items():
        members.setdefault(s, []).append(at[a])
    reasons: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for i, a in enumerate(ids):
        for j in range(i + 1, len(ids)):
            b = ids[j]
            if truth.get(a) is None or truth.get(a) != truth.get(b) or pred[a] == pred[b]:
                continue
            sa, sb = pred[a], pred[b]
            ma, mb = members[sa], members[sb]
            avg = float(score[np.ix_(ma, mb)].mean())
            alike = float(whole[np.ix_(ma, mb)].mean())
            bar = opts.threshold + (opts.story_merge if len(ma) > 1 and len(mb) > 1 else 0.0)
            if avg >= bar:
                why = "whole-text floor" if alike < opts.body_floor else "other (order)"
            elif avg >= opts.threshold:
                why = "story bar"
            elif score[i, j] >= opts.threshold:
                why = "average linkage"
            else:
                why = "lead below bar"
            reasons[why] += 1
            key = (min(sa, sb), max(sa, sb))
            if key not in seen:
                seen.add(key)
                reasons[f"{why} (story pairs)"] += 1
    return reasons


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--settings", default="", help="';'-separated settings of GroupOptions fields, k=v,k=v")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-diagnose", action="store_true")
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None or not (shared / "data" / "basil").is_dir():
        skip("shared/data not found")
    data = shared / "data"
    settings = [
        ("group-hybrid.v5", GroupOptions(body_rescue=0, rescue_model=None, event_floor=0, written_window=0, **V8)),
        ("group-hybrid.v6", GroupOptions(rescue_model=None, event_floor=0, written_window=0, **V8)),
        ("group-hybrid.v7", v7_options()),
        ("group-hybrid.v8", GroupOptions(**V8)),
        ("group-hybrid.v9", GroupOptions()),
        *parse(args.settings),
    ]
    sets: list[tuple[str, list, dict[str, str]]] = []
    for part in (*PARTS, "dev"):
        gold = load_gold(REPO / "tests" / "gold" / part)
        arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
        truth = {a: m["story"] for a, m in gold.data["articles"].items()}
        sets.append((part.removeprefix("heldout-"), undated(arts), truth))
        if part in MIXED:
            sets.append((part.removeprefix("heldout-") + " as read", arts, truth))
    arts, bgold = gold_articles("basil", convert_basil, data / "basil", args.limit)
    btruth = {a: m["story"] for a, m in bgold.data["articles"].items()}
    bdates = basil_dates(data / "basil")
    sets.append(("BASIL", undated(arts), btruth))
    sets.append(("BASIL dated", [replace(a, published=bdates.get(a.id)) for a in undated(arts)], btruth))
    narts, ngold, ndates = neus(data / "neus_allsides", args.limit)
    ntruth = {a: m["story"] for a, m in ngold.data["articles"].items()}
    sets.append(("NeuS", undated(narts), ntruth))
    sets.append(("NeuS dated", [replace(a, published=ndates.get(a.id)) for a in undated(narts)], ntruth))
    earts, egold = gold_articles("ecbplus", convert_ecbplus, data / "ecbplus", args.limit)
    sets.append(("ECB+", undated(earts), {a: m["story"] for a, m in egold.data["articles"].items()}))
    rows: list[list[object]] = [[label] for label, _ in settings]
    diag: list[list[object]] = []
    kinds = ("lead below bar", "average linkage", "story bar", "whole-text floor", "other (order)")
    for name, arts, truth in sets:
        per = featured(arts, settings)
        for row, (_, opts), feats in zip(rows, settings, per, strict=True):
            row.append(bcubed(truth, cluster(feats, options=opts).story_of())[2])
        feats = per[-1]
        if not args.no_diagnose and "dated" not in name and "as read" not in name:
            r = diagnose(feats, truth, GroupOptions(body_rescue=0, rescue_model=None, event_floor=0, written_window=0))
            diag.append([name, *(f"{r[k]} ({r[k + ' (story pairs)']})" for k in kinds)])
        print(name, "done", file=sys.stderr, flush=True)
    base: list[object] = ["tf-idf + agglomerative, best threshold (ECB+)", *["-"] * (len(sets) - 1)]
    base.append(tfidf_agglomerative(earts, egold)[0])
    names = [n for n, _, _ in sets]
    for pname, piles, story in (
        pile_sets("basil", *(gold_articles("basil", convert_basil, data / "basil", args.limit)), 60),
        pile_sets("ecbplus", earts, egold, 60),
    ):
        names.append(f"{pname} piles")
        done = [(featured(pile, settings), {a.id: story[a.id] for a in pile}) for pile in piles]
        for k, (row, (_, opts)) in enumerate(zip(rows, settings, strict=True)):
            row.append(float(np.mean([bcubed(t, cluster(f[k], options=opts).story_of())[2] for f, t in done])))
        scores: dict[float, list[float]] = {}
        for pile in piles:
            for thr, f in pile_tfidf(pile, {a.id: story[a.id] for a in pile}):
                scores.setdefault(thr, []).append(f)
        base.append(max(float(np.mean(v)) for v in scores.values()))
    if diag:
        print(table("split same-story pairs under v5 (story pairs), by reason", ["set", *kinds], diag))
        print()
    print(table("B-cubed F1, one run", ["setting", *names], [*rows, base]))


if __name__ == "__main__":
    main()
