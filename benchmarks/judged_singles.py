"""Judged single-outlet sentences of real reporting: only here, or related elsewhere (singles.v1).

A sentence only one outlet reports is shown as "only in X" when no other outlet has a related
sentence (``only_here``), and as "in X; related sentences elsewhere" when one has
(``related_elsewhere``: ``Comparison.singles``, :mod:`newsprism.singles`). This rebuilds every
story of the judged rounds with the shipping aligner (``compare``, default options), finds
each sentence a reader judged as "only in one outlet" (``one`` items of
``tests/gold/judged``: MISSED, another outlet does report it; UNIQUE, it does not) and says,
per judged set, how many of those still stand alone, of which kind, and how many of each kind
the reader found reported elsewhere; "undivided" is the share before the split, as the
renderings showed it ("only in X" for both kinds).

Verdicts are keyed to sentences by article id and the first 8 hex digits of the SHA-256 of
the whitespace-folded text (``tests/gold/judged/README.md``), so a later segmentation finds
them again: the sentence of that hash nearest the judged index, else a run of two or three
consecutive sentences whose text folds to it (a judged sentence split since: it stands alone
when every piece does, and is related elsewhere when a piece is). The rest are counted as not
matched (a sentence merged into a longer one since). A sentence judged in two rounds of one
set counts once.

A second table does the same on the written gold sets, where the gold facts say what is shared
(no reader): the dev set (rewrites of wire stories) and parts E, I, J, K (F to H annotate no
facts); a single-outlet
sentence is "reported elsewhere" when it is one end of a gold link (the scorer's mapping of
gold sentences). Parts L to N are held out and not read.

    newsprism convert basil && newsprism convert neus     # the gold folders it reads
    python benchmarks/judged_singles.py [--embedder minilm] [--no-written]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, skip, table
from judged_bars import judged_items, sentence_hash, story_articles
from missed_links import gold_links

from newsprism import AlignOptions, CompareOptions, Comparison, compare
from newsprism.align import ALIGN_VERSION
from newsprism.eval.convert._common import default_dest
from newsprism.eval.gold import load_gold
from newsprism.eval.run import compare_stories
from newsprism.model import ONLY_HERE, RELATED_ELSEWHERE
from newsprism.singles import SINGLES_VERSION

SETS = [
    ("BASIL dev (round 0)", "basil", ["round0-basil-dev.jsonl"]),
    ("BASIL held out (rounds 0, 1)", "basil", ["round0-basil-heldout.jsonl", "round1-basil-heldout.jsonl"]),
    ("NeuS AllSides (round 2)", "neus", ["round2-neus-default.jsonl", "round2-neus-minilm.jsonl"]),
]
VERDICTS = ("MISSED", "UNIQUE")
#: the written gold sets read (held-out parts L to N are not; F to H annotate no facts)
WRITTEN = ["dev", "heldout-e", "heldout-i", "heldout-j", "heldout-k"]
#: the longest run of consecutive sentences a judged sentence may have been split into since
MAX_PIECES = 3


def distinct(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One item per judged sentence (article and hash), the first one met."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for item in items:
        seen.setdefault((item["article"], item["sha"]), item)
    return list(seen.values())


def locate(c: Comparison, article: str, sha: str, index: int) -> tuple[int, ...]:
    """The sentence indexes of ``article`` in ``c`` that hold the judged sentence: the one of
    hash ``sha`` nearest ``index``, else the shortest run of consecutive sentences whose text
    folds to it; () when neither."""
    a = next((x for x in c.articles if x.id == article), None)
    if a is None:
        return ()
    exact = [s.index for s in a.sentences if sentence_hash(s.text) == sha]
    if exact:
        return (min(exact, key=lambda i: (abs(i - index), i)),)
    for k in range(2, MAX_PIECES + 1):
        for i in range(len(a.sentences) - k + 1):
            run = a.sentences[i : i + k]
            if sentence_hash(a.text[run[0].span.start : run[-1].span.end]) == sha:
                return tuple(s.index for s in run)
    return ()


def share(n: int, of: int) -> str:
    return f"{n / of:.3f} ({n} of {of})" if of else "-"


def run(gold: Path, files: list[str], embedder: str) -> dict[str, Any]:
    """Counts of one judged set: verdicts by what each judged sentence is now."""
    items = distinct(judged_items(files, "one", VERDICTS))
    by_story = story_articles(gold)
    opts = CompareOptions(align=AlignOptions(embedder=embedder))
    now: dict[str, Counter] = {k: Counter() for k in ("shared", ONLY_HERE, RELATED_ELSEWHERE, "unmatched")}
    pieces = 0
    population: Counter = Counter()
    for story in sorted({i["story"] for i in items}):
        todo = [i for i in items if i["story"] == story]
        paths = [gold / "articles" / f"{a}.txt" for a in by_story.get(story, [])]
        if len(paths) < 2:  # a gold set converted with other options holds other story ids
            print(f"story {story} of the judged files is not in {gold}", file=sys.stderr)
            now["unmatched"].update(i["verdict"] for i in todo)
            continue
        c = compare(paths, options=opts, skip_errors=True)
        kind = {(x.article, x.sentence): x.kind for x in c.singles}
        population.update(kind.values())
        for item in todo:
            where = locate(c, item["article"], item["sha"], int(item["sentence"]))
            if not where:
                now["unmatched"][item["verdict"]] += 1
                continue
            pieces += len(where) > 1
            kinds = [kind.get((item["article"], i)) for i in where]
            if any(k is None for k in kinds):
                state = "shared"
            else:
                state = RELATED_ELSEWHERE if RELATED_ELSEWHERE in kinds else ONLY_HERE
            now[state][item["verdict"]] += 1
    return {"items": items, "now": now, "pieces": pieces, "population": population}


def row(label: str, r: dict[str, Any]) -> list[object]:
    now = r["now"]
    single = now[ONLY_HERE] + now[RELATED_ELSEWHERE]
    judged = Counter(i["verdict"] for i in r["items"])
    pop = r["population"]
    return [
        label,
        share(judged["MISSED"], sum(judged.values())),
        f"{sum(now['unmatched'].values())} ({r['pieces']} split)",
        share(now["shared"]["MISSED"], sum(now["shared"].values())),
        share(single["MISSED"], sum(single.values())),
        share(now[ONLY_HERE]["MISSED"], sum(now[ONLY_HERE].values())),
        share(now[RELATED_ELSEWHERE]["MISSED"], sum(now[RELATED_ELSEWHERE].values())),
        share(pop[RELATED_ELSEWHERE], sum(pop.values())),
    ]


def written(part: str, embedder: str) -> list[object]:
    """One row of the written gold sets: single-outlet sentences of each kind, and how many
    are one end of a gold link (reported elsewhere by the gold facts)."""
    gold = load_gold(REPO / "tests" / "gold" / part)
    if not gold.data.get("facts"):
        return [part, "no facts annotated", "-", "-", "-"]
    reports, _ = compare_stories(gold, options=CompareOptions(align=AlignOptions(embedder=embedder)))
    counts: dict[str, Counter] = {ONLY_HERE: Counter(), RELATED_ELSEWHERE: Counter()}
    for rep in reports.values():
        shared = {node for link in gold_links(gold, rep) for node in link}
        for x in rep["singles"]:
            counts[x["kind"]][(x["article"], x["sentence"]) in shared] += 1
    alone, near = counts[ONLY_HERE], counts[RELATED_ELSEWHERE]
    both = alone + near
    return [
        part,
        share(both[True], both.total()),
        share(alone[True], alone.total()),
        share(near[True], near.total()),
        share(near.total(), both.total()),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--embedder", choices=["wordllama", "minilm"], default="wordllama")
    ap.add_argument("--no-written", action="store_true", help="skip the written gold sets")
    args = ap.parse_args()
    rows = []
    for label, source, files in SETS:
        gold = default_dest(source)
        if not (gold / "gold.json").is_file():
            skip(f"no {source} gold set at {gold}; run: newsprism convert {source}")
        rows.append(row(label, run(gold, files, args.embedder)))
    header = [
        "judged set",
        "MISSED as judged",
        "not matched",
        "now shared: MISSED",
        "single, undivided: MISSED",
        "only here: MISSED",
        "related elsewhere: MISSED",
        "all singles of the stories: related elsewhere",
    ]
    title = (
        f"Judged single-outlet sentences, {ALIGN_VERSION}+{args.embedder}, {SINGLES_VERSION} "
        "(MISSED: another outlet does report it; tests/gold/judged)"
    )
    print(table(title, header, rows))
    if not args.no_written:
        header = [
            "written gold set",
            "single, undivided: shared",
            "only here: shared",
            "related elsewhere: shared",
            "singles related elsewhere",
        ]
        title = "\nThe same on written gold sets (shared: one end of a gold link; no reader)"
        print(table(title, header, [written(part, args.embedder) for part in WRITTEN]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
