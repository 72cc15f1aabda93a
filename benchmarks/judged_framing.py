"""Framing marks, quote speakers and word edits judged by a careful reader on real reporting.

Reads ``tests/gold/judged/framing-basil-heldout.jsonl`` (or the files given): verdicts on items
sampled from ``newsprism compare`` run on the held-out BASIL stories (Fox News, New York
Times, HuffPost triplets nobody annotated for this; ``splits.json``). The file keeps ids,
sentence indexes, a hash of each sentence and at most a few marked words, never article text.
Its first line (``kind: round``) names the commit judged and how the items were drawn.

What each verdict means (``tests/gold/judged/README.md``):

- ``mark`` (an own-voice framing mark, ``quoted: false``): CORRECT (the words are what the type
  says, in the outlet's own voice), WRONG-TYPE (framing, but another type), NOT-FRAMING
  (neutral use, literal sense, a term of art, a name every outlet uses) or NOT-OWN-VOICE
  (someone else's words, though not flagged as quoted). Precision = CORRECT / all, per type
  and overall. The sample is stratified by type, so "overall" is the rate over the drawn
  items; "weighted" weighs each type's precision by how many own-voice marks of that type
  the run made (the round line's ``population``), an estimate of the rate over every mark;
- ``speaker`` (a quotation with a speaker): RIGHT, PARTIAL (a group or role where the article
  names the person, or the reverse) or WRONG; accuracy = (RIGHT + PARTIAL / 2) / all;
- ``edit`` (a word edit of ``framing_contrasts`` that carries a mark): USEFUL (a real
  difference in how two outlets tell one fact, and the label fits) or NOISE; usefulness =
  USEFUL / all.

    python benchmarks/judged_framing.py [FILE ...] [--show]

``--show`` lists every item not judged CORRECT / RIGHT / USEFUL, with its words and the reason.

Nothing is run: the numbers are recomputed from the verdicts alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, table

DEFAULT = REPO / "tests" / "gold" / "judged" / "framing-basil-heldout.jsonl"
MARK_VERDICTS = ["CORRECT", "WRONG-TYPE", "NOT-FRAMING", "NOT-OWN-VOICE"]
TYPES = ["attribution", "hedge", "scare_quote", "loaded", "naming"]


def read(paths: list[Path]) -> tuple[list[dict], list[dict]]:
    """The round lines and the judged items of every file."""
    rounds, items = [], []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                (rounds if row.get("kind") == "round" else items).append(row)
    return rounds, items


def mark_rows(items: list[dict], population: dict[str, int]) -> list[list[object]]:
    by_type: dict[str, Counter] = defaultdict(Counter)
    for it in items:
        if it["kind"] == "mark":
            by_type[it["type"]][it["verdict"]] += 1
    rows = []
    order = [t for t in TYPES if t in by_type] + sorted(set(by_type) - set(TYPES))
    total: Counter = Counter()
    for t in order:
        c = by_type[t]
        total += c
        n = sum(c.values())
        rows.append([t, n, *(c[v] for v in MARK_VERDICTS), c["CORRECT"] / n])
    n = sum(total.values())
    if n:
        rows.append(["overall", n, *(total[v] for v in MARK_VERDICTS), total["CORRECT"] / n])
    weights = {t: population[t] for t in order if population.get(t)}
    if weights and len(weights) == len(order):
        est = sum(weights[t] * by_type[t]["CORRECT"] / sum(by_type[t].values()) for t in order)
        rows.append([f"weighted ({sum(weights.values())} marks)", "", "", "", "", "", est / sum(weights.values())])
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT])
    ap.add_argument("--show", action="store_true", help="list the items judged wrong, with the reason")
    args = ap.parse_args()
    rounds, items = read(args.files)
    population: dict[str, int] = {}
    for r in rounds:
        for k, v in r.get("population", {}).items():
            population[k] = population.get(k, 0) + v
    for r in rounds:
        print(f"judged commit {r.get('judged_commit')}: {r.get('sample')}")
    print()
    print(
        table(
            "Own-voice framing marks (precision = CORRECT / all)",
            ["type", "n", *MARK_VERDICTS, "precision"],
            mark_rows(items, population),
        )
    )

    spk = Counter(it["verdict"] for it in items if it["kind"] == "speaker")
    n = sum(spk.values())
    if n:
        print()
        print(
            table(
                "Quote speakers (accuracy = (RIGHT + PARTIAL/2) / all)",
                ["n", "RIGHT", "PARTIAL", "WRONG", "accuracy"],
                [[n, spk["RIGHT"], spk["PARTIAL"], spk["WRONG"], (spk["RIGHT"] + spk["PARTIAL"] / 2) / n]],
            )
        )

    edits = Counter(it["verdict"] for it in items if it["kind"] == "edit")
    n = sum(edits.values())
    if n:
        print()
        print(
            table(
                "Word edits that carry a mark (usefulness = USEFUL / all)",
                ["n", "USEFUL", "NOISE", "usefulness"],
                [[n, edits["USEFUL"], edits["NOISE"], edits["USEFUL"] / n]],
            )
        )
    if args.show:
        print()
        for it in sorted(items, key=lambda i: (i["kind"], i.get("type", ""), i["verdict"])):
            if it["verdict"] not in ("CORRECT", "RIGHT", "USEFUL"):
                print(f"{it['kind']:8} {it.get('type', ''):18} {it['verdict']:13} {it['words']!r}: {it.get('why', '')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
