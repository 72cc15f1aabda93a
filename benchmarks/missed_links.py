"""Where the missed shared facts are: every gold link ``compare`` does not put in one fact, and why.

Reads seen written gold parts only: the dev set and parts I to K (their READMEs name the
independently written stories and the agency-copy ones; parts L and M are never read). Each
story is compared as ``newsprism eval`` compares it (``newsprism.eval.run.compare_stories``,
this tree's defaults); a gold link is a pair of gold sentences of one fact in two articles,
mapped to the predicted sentences as the scorer maps them. For every link the comparison does
not put in one fact it records, with ``align``'s own pieces (its similarity, its
independence decision, its one-to-one matches, its length veto, captured while ``compare``
runs; the pair features of :mod:`newsprism.claims`): the similarity, whether the two
articles read as written independently (the higher bar), whether the pair is listed as
``related``, whether either sentence is linked to another sentence of the other article,
the word-length ratio, and whether the two share a figure, a quoted word, a name. It prints
one cause per missed link (the first that holds, in the order of the table), the flags, and
what a few option changes would recover on the same parts (recall and precision, one
``compare`` run per story and option set). Numbers only, no sentence.

    python benchmarks/missed_links.py [--parts dev,i,j,k] [--no-what-if]

A part that is not there is skipped with one line.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, table
from judged_veto import _Capture
from rewrite_signals import INDEPENDENT_STORIES, REWRITE_STORIES

import newsprism.align as align_module
from newsprism import AlignOptions, CompareOptions
from newsprism.align import VETO_REASON, _length_veto
from newsprism.claims import feature_names, pair_features
from newsprism.eval.gold import GoldSet, load_gold
from newsprism.eval.matching import find_spans
from newsprism.eval.run import compare_stories
from newsprism.eval.scoring import score_reports, sentence_for
from newsprism.text import WORD

GOLD = REPO / "tests" / "gold"
#: the seen written parts this reads; L and M are refused
PARTS = {"dev": "dev", "i": "heldout-i", "j": "heldout-j", "k": "heldout-k"}
CAUSES = (
    "gold sentence not a predicted body sentence",
    "under the low bar, 0.2 to 0.3",
    "under the low bar, under 0.2",
    "independent, 0.3 to 0.4 (under the high bar)",
    "independent, 0.4 to 0.5 (under the high bar)",
    "length veto",
    "one-to-one: a sentence took another partner",
    "merge refused (group / member threshold, same article)",
)
#: what-if option sets (AlignOptions keywords): what each would recover, measured
WHAT_IF: dict[str, dict[str, float]] = {
    "defaults (align-hybrid.v6)": {},
    "high bar 0.45": {"independent_threshold": 0.45},
    "high bar 0.4": {"independent_threshold": 0.4},
    "no high bar (0.3 for all)": {"independent_threshold": 0.0},
    "low bar 0.25": {"threshold": 0.25},
    "low bar 0.25, high bar 0.4": {"threshold": 0.25, "independent_threshold": 0.4},
    "no length veto": {"veto_length_ratio": 0.0},
    "group / member threshold 0.1": {"group_threshold": 0.1, "member_threshold": 0.1},
}


class _Matches(_Capture):
    """``_Capture`` plus the one-to-one matches ``align`` made (node pairs), before merging."""

    def __enter__(self) -> _Matches:
        super().__enter__()
        cap = self
        self.matched: set[frozenset[int]] = set()
        self._match = align_module._match

        def match(*args: Any) -> Any:
            out = cap._match(*args)
            cap.matched.update(frozenset((a, b)) for _, a, b in out)
            return out

        align_module._match = match
        return self

    def __exit__(self, *exc: object) -> None:
        align_module._match = self._match
        super().__exit__(*exc)


def kind(story: str, part: str) -> str:
    if part == "dev" or story in REWRITE_STORIES:
        return "rewrite"
    return "independent" if story in INDEPENDENT_STORIES else "other"


def compared_stories(
    gold: GoldSet, capture: type[_Capture]
) -> Iterator[tuple[str, Any, dict[str, Any], dict[tuple[str, int], str]]]:
    """Each gold story of two or more articles compared as eval compares it, with what
    ``capture`` (a :class:`judged_veto._Capture`) saw of the aligner, the story's report and
    the fact of each (article, sentence) in it."""
    for story, ids in sorted(gold.stories().items()):
        if len(ids) < 2:
            continue
        with capture() as cap:
            reports, _ = compare_stories(gold, stories={story: ids})
        if story not in reports:
            continue
        rep = reports[story]
        yield story, cap, rep, {(m["article"], m["sentence"]): f["id"] for f in rep["facts"] for m in f["mentions"]}


def gold_links(gold: GoldSet, report: dict[str, Any]) -> set[frozenset[tuple[str, int | None]]]:
    """The gold links of one compared story as the scorer maps them (``None``: not found)."""
    articles = {a["id"]: a for a in report["articles"]}
    out: set[frozenset[tuple[str, int | None]]] = set()
    for fact in gold.data.get("facts", []):
        nodes: list[tuple[str, int | None]] = []
        for a, sent in sorted(fact["mentions"].items()):
            if a not in articles:
                continue
            spans = find_spans(sent, articles[a].get("text", ""))
            nodes.append((a, sentence_for(articles[a], spans[0]) if spans else None))
        out.update(frozenset((p, q)) for k, p in enumerate(nodes) for q in nodes[k + 1 :] if p[0] != q[0])
    return out


def elsewhere(fact: dict[tuple[str, int], str], article: str, sentence: int, partner: str) -> bool:
    """Whether a sentence is in one fact with a sentence of the ``partner`` article."""
    f = fact.get((article, sentence))
    return f is not None and any(fid == f and art == partner for (art, _), fid in fact.items())


def analyse(part: str, folder: Path) -> tuple[list[dict[str, Any]], int]:
    """The missed links of one part (one row each) and the number of gold links."""
    gold = load_gold(folder)
    opts = AlignOptions()
    low, bar = opts.params[1], float(opts.independent_threshold or 0.0)
    names = list(feature_names(opts.embedder))
    rows: list[dict[str, Any]] = []
    total = 0
    for story, cap, rep, fact in compared_stories(gold, _Matches):
        related = {
            frozenset(((r["a"]["article"], r["a"]["sentence"]), (r["b"]["article"], r["b"]["sentence"]))): r
            for r in rep.get("related", [])
        }
        node = {n: k for k, n in enumerate(cap.nodes)}
        first: dict[str, int] = {}
        for k, (aid, _) in enumerate(cap.nodes):
            first.setdefault(aid, k)
        words = [len(WORD.findall(t[: opts.max_sentence_chars])) for t in cap.texts]
        for link in sorted(gold_links(gold, rep), key=lambda s: sorted(s, key=str)):
            total += 1
            (aa, sa), (ab, sb) = sorted(link, key=str)
            if sa is not None and sb is not None and fact.get((aa, sa)) == fact.get((ab, sb)) is not None:
                continue
            row: dict[str, Any] = {"part": part, "story": kind(story, part), "cause": CAUSES[0]}
            rows.append(row)
            na = node.get((aa, sa)) if sa is not None else None
            nb = node.get((ab, sb)) if sb is not None else None
            if sa is None or sb is None or na is None or nb is None:
                continue
            sim = float(cap.sim.block([na], [nb])[0, 0])
            fa, fb = sorted((first[aa], first[ab]))
            independent = bool(cap.independent.get((fa, fb), False))
            rel = related.get(frozenset(((aa, sa), (ab, sb))))

            x = pair_features(cap.texts, cap.sim.emb, [(na, nb)], opts.embedder)[0]
            feats = dict(zip(names, x.tolist(), strict=True))
            vetoed = (
                independent
                and sim >= bar
                and bool(_length_veto(words, np.array([na]), np.array([nb]), opts.veto_length_ratio)[0])
            )
            row.update(
                similarity=sim,
                independent=independent,
                related=rel is not None,
                vetoed=vetoed or (rel is not None and rel.get("reason") == VETO_REASON),
                other_partner=elsewhere(fact, aa, sa, ab) or elsewhere(fact, ab, sb, aa),
                matched=frozenset((na, nb)) in cap.matched,
                ratio=min(words[na], words[nb]) / max(1, words[na], words[nb]),
                figure=feats["numbers_shared"] > 0,
                quoted=feats["quoted_shared"] > 0,
                name=feats["name_jaccard"] > 0,
            )
            if sim < low:
                row["cause"] = CAUSES[1] if sim >= 0.2 else CAUSES[2]
            elif independent and sim < bar:
                row["cause"] = CAUSES[3] if sim < 0.4 else CAUSES[4]
            elif row["vetoed"]:
                row["cause"] = CAUSES[5]
            elif not row["matched"]:
                row["cause"] = CAUSES[6]
            else:
                row["cause"] = CAUSES[7]
    return rows, total


def by_cause(results: dict[str, tuple[list[dict[str, Any]], int]]) -> str:
    """Per cause, over all parts: similarity and the flags."""
    every = [r for rows, _ in results.values() for r in rows if "similarity" in r]
    head = ["cause (all parts)", "n", "median similarity", "independent", "related", "other partner", "figure", "name"]
    body: list[list[object]] = []
    for cause in CAUSES[1:]:
        rows = [r for r in every if r["cause"] == cause]
        if not rows:
            continue
        sims = f"{statistics.median(r['similarity'] for r in rows):.3f}"
        flags = [
            str(sum(bool(r[k]) for r in rows)) for k in ("independent", "related", "other_partner", "figure", "name")
        ]
        body.append([cause, str(len(rows)), sims, *flags])
    return table("Missed links by cause, what they carry (counts)", head, body)


def share(n: int, d: int) -> str:
    return f"{n} ({n / d:.2f})" if d else "0"


def cause_table(results: dict[str, tuple[list[dict[str, Any]], int]]) -> str:
    head = ["missed gold links, first cause that holds", *(f"part {p}" for p in results), "all"]
    every = [r for rows, _ in results.values() for r in rows]
    body: list[list[object]] = [
        ["gold links (found)", *(f"{t} ({t - len(rows)})" for rows, t in results.values()), ""],
        ["missed", *(str(len(rows)) for rows, _ in results.values()), str(len(every))],
    ]
    for cause in CAUSES:
        cells = [share(sum(r["cause"] == cause for r in rows), len(rows)) for rows, _ in results.values()]
        body.append([cause, *cells, share(sum(r["cause"] == cause for r in every), len(every))])
    for story in ("rewrite", "independent"):
        cells = [share(sum(r["story"] == story for r in rows), len(rows)) for rows, _ in results.values()]
        body.append(
            [f"missed in a {story} story (README)", *cells, share(sum(r["story"] == story for r in every), len(every))]
        )
    return table("Missed gold links by cause (align-hybrid.v6 defaults)", head, body)


FLAGS = (
    ("article pair read as independent (higher bar)", "independent"),
    ("listed as related", "related"),
    ("either sentence linked to another partner in the other article", "other_partner"),
    ("share a figure", "figure"),
    ("share a quoted word", "quoted"),
    ("share a name", "name"),
    ("length ratio under 0.5", "short"),
)


def flag_table(results: dict[str, tuple[list[dict[str, Any]], int]]) -> str:
    head = ["of the missed links with both sentences found", *(f"part {p}" for p in results), "all"]
    scored = {p: [r for r in rows if "similarity" in r] for p, (rows, _) in results.items()}
    every = [r for rows in scored.values() for r in rows]
    for r in every:
        r["short"] = r["ratio"] < 0.5
    body: list[list[object]] = [["n", *(str(len(v)) for v in scored.values()), str(len(every))]]
    for label, key in FLAGS:
        cells = [share(sum(bool(r[key]) for r in v), len(v)) for v in scored.values()]
        body.append([label, *cells, share(sum(bool(r[key]) for r in every), len(every))])
    for label, fn in (("median similarity", "similarity"), ("median length ratio", "ratio")):
        cells = [f"{statistics.median(r[fn] for r in v):.3f}" if v else "-" for v in scored.values()]
        body.append([label, *cells, f"{statistics.median(r[fn] for r in every):.3f}" if every else "-"])
    return table("What the missed links carry", head, body)


def what_if(parts: dict[str, Path]) -> str:
    head = ["option set (AlignOptions)", *(f"part {p}: R / P / F1 (links; new, right)" for p in parts)]
    body: list[list[object]] = []
    base: dict[str, tuple[int, int]] = {}
    for label, kw in WHAT_IF.items():
        cells = []
        for p, folder in parts.items():
            gold = load_gold(folder)
            reports, _ = compare_stories(gold, options=CompareOptions(align=AlignOptions(**kw)))
            a = score_reports(gold, reports.values())["alignment"]
            right, links = round(a["precision"] * a["predicted"]), int(a["predicted"])
            base.setdefault(p, (right, links))
            new = f"{links - base[p][1]:+d}, {right - base[p][0]:+d}"
            cells.append(f"{a['recall']:.3f} / {a['precision']:.3f} / {a['f1']:.3f} ({links}; {new})")
        body.append([label, *cells])
    return table("What option changes would recover (alignment recall / precision, predicted links)", head, body)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parts", default="dev,i,j,k", help="comma-separated, of: dev, i, j, k")
    ap.add_argument("--no-what-if", action="store_true", help="skip the option sets (one more run each)")
    args = ap.parse_args()
    wanted = [p.strip().lower() for p in args.parts.split(",") if p.strip()]
    bad = [p for p in wanted if p not in PARTS]
    if bad:
        ap.error(f"unknown or refused part(s) {', '.join(bad)}; this reads only {', '.join(PARTS)}")
    found: dict[str, Path] = {}
    for p in wanted:
        folder = GOLD / PARTS[p]
        if not (folder / "gold.json").is_file():
            print(f"SKIPPED: part {p}: no {folder / 'gold.json'}")
            continue
        found[p] = folder
    results = {p: analyse(p, folder) for p, folder in found.items()}
    print(cause_table(results))
    print()
    print(flag_table(results))
    print()
    print(by_cause(results))
    if not args.no_what_if:
        print()
        print(what_if(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
