"""Story grouping on BASIL (80 stories of 3 outlets, 2010-2017), NeuS AllSides (506 stories of
2 or 3 outlets, April to October 2021: many successive events of one developing story) and
ECB+ (43 topics, two similar events each), against two baselines run in the same process on
the same cleaned articles:

- TF-IDF (scikit-learn, whole text) + agglomerative clustering (average linkage, cosine),
  with its distance threshold chosen afterwards on the same data (an upper bound for it);
- MinHash LSH (rensa, word 5-shingles, Jaccard >= 0.5) + connected components.

The first table gives each article its date of publication where the data has one (BASIL's
``date``, the date of the AllSides story for NeuS; ECB+ has none), the second removes every
date, the case of saved ``.txt`` files and pasted piles. Each table shows ``newsprism group``
and, in the same run, the same grouping without the higher bar for merging two undated stories
(``story_merge=0``, the group-hybrid.v3 behaviour) and without the weekdays read from undated
leads as well (``weekday_penalty=0``, group-hybrid.v2), with B-cubed precision beside F1.

A third table groups small piles, the "a few files" case: 60 random piles of three BASIL
stories (about 9 articles each) and every ECB+ topic on its own (its two look-alike events,
about 20 articles), each grouped alone, so word statistics come from the pile only. It shows
the mean B-cubed F1 over the piles, with the TF-IDF baseline at its best single threshold
over all piles.

    python benchmarks/bench_grouping.py [--limit N] [--piles 60]

The team's dev gold set (``tests/gold/dev``, 59 articles, its dates read from the files) closes
both tables. NeuS is read at run time from ``shared/data/neus_allsides`` (its ``raw_crawled`` JSON lines:
headline and the first paragraphs of each outlet's article) and left out when absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, skip, table

from newsprism import from_text, prepare_article
from newsprism.api import group, load_articles
from newsprism.eval.convert import convert_basil, convert_ecbplus, default_dest, read_neus
from newsprism.eval.gold import load_gold
from newsprism.eval.scoring import bcubed, score_grouping
from newsprism.grouping import GroupOptions, cluster, featurize, near_duplicates

#: earlier behaviours, measured in the same run: group-hybrid.v6 (no learned rescue or veto),
#: v5 (no rescue of an undated report just below the bar), v4 (no whole-text floor for merging
#: two undated stories either), v3 (no higher bar for them either) and v2 (no weekdays from undated leads either)
BEFORE = (
    (
        "no story bar, weekdays off (v2)",
        GroupOptions(weekday_penalty=0, story_merge=0, body_floor=0, body_rescue=0, event_floor=0),
    ),
    ("no story bar (v3)", GroupOptions(story_merge=0, body_floor=0, body_rescue=0, event_floor=0)),
    ("no whole-text floor (v4)", GroupOptions(body_floor=0, body_rescue=0, event_floor=0)),
    ("no rescue of a report just below the bar (v5)", GroupOptions(body_rescue=0, event_floor=0)),
    ("no learned rescue or veto (v6)", GroupOptions(rescue_model=None, event_floor=0)),
)


def stories_from_labels(ids: list[str], labels) -> dict:
    out: dict[str, list[str]] = {}
    for a, lab in zip(ids, labels, strict=True):
        out.setdefault(str(lab), []).append(a)
    return {"stories": [{"id": k, "articles": v} for k, v in out.items()]}


def tfidf_agglomerative(arts, gold) -> tuple[float, float, float]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [a.id for a in arts]
    x = (
        TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1)
        .fit_transform([(a.title or "") + "\n" + a.text for a in arts])
        .toarray()
    )
    best = (0.0, 0.0, 0.0)
    for thr in np.arange(0.5, 0.96, 0.05):
        t0 = time.perf_counter()
        labels = AgglomerativeClustering(
            n_clusters=None, distance_threshold=float(thr), metric="cosine", linkage="average"
        ).fit_predict(x)
        took = time.perf_counter() - t0
        f = score_grouping(gold, stories_from_labels(ids, labels))["bcubed_f1"]
        if f > best[0]:
            best = (f, float(thr), took)
    return best


def minhash_components(arts, gold) -> tuple[float, float]:
    t0 = time.perf_counter()
    pairs = near_duplicates(arts, threshold=0.5)
    parent = list(range(len(arts)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(i)] = find(j)
    took = time.perf_counter() - t0
    labels = [find(i) for i in range(len(arts))]
    return score_grouping(gold, stories_from_labels([a.id for a in arts], labels))["bcubed_f1"], took


def pile_tfidf(pile, true: dict[str, str]) -> list[tuple[float, float]]:
    """The whole-text TF-IDF + agglomerative baseline on one small pile: (threshold, B-cubed F1)
    at each threshold from 0.5 to 0.95."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = (
        TfidfVectorizer(sublinear_tf=True, stop_words="english")
        .fit_transform([(a.title or "") + "\n" + a.text for a in pile])
        .toarray()
    )
    out = []
    for thr in np.arange(0.5, 0.96, 0.05):
        labels = AgglomerativeClustering(
            n_clusters=None, distance_threshold=float(thr), metric="cosine", linkage="average"
        ).fit_predict(x)
        pred = {a.id: str(lab) for a, lab in zip(pile, labels, strict=True)}
        out.append((round(float(thr), 2), bcubed(true, pred)[2]))
    return out


def small_piles(name: str, arts, gold, piles: int) -> list[list[object]]:
    """Mean B-cubed F1 over small piles grouped one at a time."""

    story = {a: m["story"] for a, m in gold.data["articles"].items()}
    by_id = {a.id: a for a in arts}
    rng = random.Random(0)
    if name == "basil":
        stories = sorted(set(story.values()))
        chosen = [rng.sample(stories, 3) for _ in range(piles)]
    else:  # an ECB+ topic: its two look-alike events
        topics: dict[str, list[str]] = {}
        for s in sorted(set(story.values())):
            topics.setdefault(s.split("ecb")[0], []).append(s)
        chosen = [v for v in topics.values() if len(v) == 2]
    ours: list[float] = []
    before: dict[str, list[float]] = {label: [] for label, _ in BEFORE}
    theirs: dict[float, list[float]] = {}
    sizes = []
    for keep in chosen:
        pile = [by_id[a] for a in sorted(story) if story[a] in keep and a in by_id]
        if len(pile) < 2:
            continue
        sizes.append(len(pile))
        true = {a.id: story[a.id] for a in pile}
        ours.append(bcubed(true, group(pile).story_of())[2])
        for label, options in BEFORE:
            before[label].append(bcubed(true, group(pile, options=options).story_of())[2])
        for thr, f1 in pile_tfidf(pile, true):
            theirs.setdefault(thr, []).append(f1)
    thr, scores = max(theirs.items(), key=lambda kv: float(np.mean(kv[1])))
    what = f"{len(ours)} piles of {min(sizes)} to {max(sizes)} articles"
    return [
        [name, what, f"baseline: tf-idf + agglomerative (best threshold {thr:.2f})", float(np.mean(scores))],
        *([name, what, f"newsprism group, {label}", float(np.mean(v))] for label, v in before.items()),
        [name, what, "newsprism group", float(np.mean(ours))],
    ]


def ours(name: str, arts, gold, what: str) -> list[list[object]]:
    """Rows for newsprism group and its earlier behaviours, timed."""
    rows = []
    group(arts)  # the embedding model and the word caches warm, outside the timing
    for label, options in (*BEFORE, ("", None)):
        t0 = time.perf_counter()
        g = group(arts, options=options)
        took = time.perf_counter() - t0
        method = f"newsprism group ({label or g.method})"
        scores = score_grouping(gold, g.to_dict())
        rows.append([name, what, method, scores["bcubed_f1"], scores["bcubed_precision"], len(arts) / took])
    return rows


def undated(arts) -> list:
    return [replace(a, published=None) for a in arts]


def bench(name: str, arts, gold, dates: dict[str, str]) -> tuple[list[list[object]], list[list[object]]]:
    """The dated and the undated table's rows for one data set."""
    n = len(arts)
    base = []
    f, thr, took = tfidf_agglomerative(arts, gold)
    method = f"baseline: tf-idf + agglomerative (best threshold {thr:.2f})"
    base.append([name, "-", method, f, "-", n / took if took else 0])
    f, took = minhash_components(arts, gold)
    base.append([name, "-", "baseline: MinHash LSH + components", f, "-", n / took if took else 0])
    plain = undated(arts)
    dated = [replace(a, published=dates.get(a.id)) for a in plain] if dates else plain
    with_dates = ours(name, dated, gold, "dated" if dates else "no dates in the data")
    return base + with_dates, base + ours(name, plain, gold, "dates removed")


def gold_articles(name: str, convert, src: Path, limit: int | None):
    dest = default_dest(name)
    convert(src, dest, limit=limit)
    gold = load_gold(dest)
    arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
    return arts, gold


def basil_dates(src: Path) -> dict[str, str]:
    """BASIL article id -> its ``date`` (the converter keeps no dates)."""
    out = {}
    for f in sorted((src / "articles").glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8")).get("date")
        if isinstance(d, str) and d:
            out[f.stem] = d[:10]
    return out


class _Gold:
    """Just what ``score_grouping`` reads of a gold set."""

    def __init__(self, story: dict[str, str]) -> None:
        self.data = {"articles": {a: {"story": s} for a, s in story.items()}}


def neus(src: Path, limit: int | None):
    """NeuS AllSides stories (:func:`read_neus`): per outlet, its headline and first paragraphs
    as an article."""
    arts, story, dates = [], {}, {}
    for a in read_neus(src, limit):
        arts.append(prepare_article(from_text(a.text, id=a.id, title=a.title, outlet=a.outlet)))
        story[a.id], dates[a.id] = a.story, a.date
    return arts, _Gold(story), dates


def scan(sets: list[tuple[str, list, object]], piles: list[tuple[str, list, dict]], settings: list[str]) -> None:
    """Undated B-cubed F1 for each whole-text setting ``floor`` or ``floor:rise`` (an undated
    merge needs whole-text TF-IDF cosine >= floor; with a rise, its bar rises by rise times the
    shortfall instead), ending in ``s`` for merges of two stories only (``0.3s``), features
    computed once per set, v4 (``0``) in the same run."""
    header = ["setting", *[name for name, _, _ in sets], *[f"{name} piles" for name, _, _ in piles]]
    options = []
    for setting in ["0", *settings]:
        floor, _, rise = setting.removesuffix("s").partition(":")
        only = setting.endswith("s")
        opts = GroupOptions(
            body_floor=float(floor),
            body_rise=float(rise or 0),
            body_stories_only=only,
            event_floor=0,
            rescue_model=None,
        )
        options.append((setting, opts))
    rows: list[list[object]] = [[label] for label, _ in options]
    base: list[object] = ["baseline: tf-idf + agglomerative, best threshold"]
    for _, arts, gold in sets:
        feats = featurize(undated(arts), GroupOptions(body_floor=1))
        for row, (_, opts) in zip(rows, options, strict=True):
            row.append(score_grouping(gold, cluster(feats, options=opts).to_dict())["bcubed_f1"])
        base.append(tfidf_agglomerative(arts, gold)[0])
    for _, arts, truth in piles:
        done = [(featurize(pile, GroupOptions(body_floor=1)), {a.id: truth[a.id] for a in pile}) for pile in arts]
        for row, (_, opts) in zip(rows, options, strict=True):
            row.append(float(np.mean([bcubed(true, cluster(f, options=opts).story_of())[2] for f, true in done])))
        base.append("-")
    print(table("whole-text similarity required for undated merges, B-cubed F1 (dates removed)", header, [base, *rows]))


def pile_sets(name: str, arts, gold, piles: int) -> tuple[str, list, dict]:
    """The small piles of :func:`small_piles` (undated), with their gold stories."""
    story = {a: m["story"] for a, m in gold.data["articles"].items()}
    by_id = {a.id: a for a in undated(arts)}
    rng = random.Random(0)
    if name == "basil":
        stories = sorted(set(story.values()))
        chosen = [rng.sample(stories, 3) for _ in range(piles)]
    else:
        topics: dict[str, list[str]] = {}
        for s in sorted(set(story.values())):
            topics.setdefault(s.split("ecb")[0], []).append(s)
        chosen = [v for v in topics.values() if len(v) == 2]
    out = [[by_id[a] for a in sorted(story) if story[a] in keep and a in by_id] for keep in chosen]
    return name, [p for p in out if len(p) >= 2], story


def main_scan(data: Path, args) -> None:
    sets: list[tuple[str, list, object]] = []
    piles = []
    arts, gold = gold_articles("basil", convert_basil, data / "basil", args.limit)
    sets.append(("basil", arts, gold))
    piles.append(pile_sets("basil", arts, gold, args.piles))
    if (data / "neus_allsides" / "data" / "raw_crawled").is_dir():
        arts, ngold, _ = neus(data / "neus_allsides", args.limit)
        sets.append(("neus", arts, ngold))
    arts, gold = gold_articles("ecbplus", convert_ecbplus, data / "ecbplus", args.limit)
    sets.append(("ecbplus", arts, gold))
    piles.append(pile_sets("ecbplus", arts, gold, args.piles))
    dev = REPO / "tests" / "gold" / "dev"
    gold = load_gold(dev)
    arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
    sets.append(("dev", arts, gold))
    scan(sets, piles, args.body_scan.split(","))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, help="stories (BASIL, NeuS) or topics (ECB+) to use")
    ap.add_argument("--piles", type=int, default=60, help="small BASIL piles to sample (default 60)")
    ap.add_argument(
        "--body-scan",
        help="instead of the tables: undated scores for whole-text settings, comma-separated "
        "'floor' or 'floor:rise' (GroupOptions.body_floor, body_rise), with a final 's' for "
        "merges of two stories only (body_stories_only), v4 in the same run",
    )
    args = ap.parse_args()
    shared = shared_dir()
    if shared is None or not (shared / "data" / "basil").is_dir():
        skip("shared/data not found; this benchmark needs the BASIL and ECB+ data sets")
    data = shared / "data"
    if args.body_scan:
        main_scan(data, args)
        return
    dated: list[list[object]] = []
    plain: list[list[object]] = []
    small: list[list[object]] = []
    arts, gold = gold_articles("basil", convert_basil, data / "basil", args.limit)
    rows = bench("basil", arts, gold, basil_dates(data / "basil"))
    dated += rows[0]
    plain += rows[1]
    small += small_piles("basil", arts, gold, args.piles)
    if (data / "neus_allsides" / "data" / "raw_crawled").is_dir():
        arts, ngold, dates = neus(data / "neus_allsides", args.limit)
        rows = bench("neus", arts, ngold, dates)
        dated += rows[0]
        plain += rows[1]
    else:
        print("neus_allsides not found under shared/data: NeuS left out", file=sys.stderr)
    arts, gold = gold_articles("ecbplus", convert_ecbplus, data / "ecbplus", args.limit)
    rows = bench("ecbplus", arts, gold, {})
    dated += rows[0]
    plain += rows[1]
    small += small_piles("ecbplus", arts, gold, args.piles)
    dev = REPO / "tests" / "gold" / "dev"
    gold = load_gold(dev)
    arts, _ = load_articles([gold.files[a] for a in sorted(gold.data["articles"])], skip_errors=True)
    rows = bench("dev", arts, gold, {a.id: a.published for a in arts if a.published})
    dated += rows[0]
    plain += rows[1]
    header = ["data", "dates", "method", "B-cubed F1", "precision", "articles/s"]
    print(table("story grouping, B-cubed F1, with dates of publication", header, dated))
    print()
    print(table("story grouping, B-cubed F1, every date removed", header, plain))
    print()
    print(
        table(
            "small piles grouped one at a time (no dates), mean B-cubed F1",
            ["data", "piles", "method", "mean B-cubed F1"],
            small,
        )
    )


if __name__ == "__main__":
    main()
