"""Figures that disagree, scored on every seen written gold part that has a ``figures.json``.

Runs the ``figures`` task of ``newsprism eval`` (:func:`newsprism.eval.run.evaluate`) on each
``tests/gold/*/figures.json`` part (a part joins when it has one) that has been read
(``_common.SEEN_PARTS``; the held-out parts too only with ``--heldout``, which is for the
lead's one scoring at the end), or on the parts given: each
gold story of two or more articles is compared, and each disagreement the comparison reports
(``numbers.conflicts``) is matched by sentence to the written pairs of figures (real: a pair
written as a disagreement; false alarm: a pair written as none; unmatched: no pair written
there). Recall: the real pairs found, of all. The same numbers as

    newsprism eval PART --task figures

    python benchmarks/judged_figures.py [PART ...] [--heldout] [--embedder wordllama|minilm|none]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
from _common import table

from newsprism import AlignOptions, CompareOptions
from newsprism.eval.run import evaluate
from newsprism.eval.scoring import is_scored
from newsprism.numbers import NUMBERS_VERSION


def gold_parts(heldout: bool = False) -> list[Path]:
    """The parts a run without parts scores: the seen ones with a ``figures.json``, and with
    ``heldout`` the held-out ones too."""
    return _common.gold_parts("figures.json", heldout)


FIELDS = ("reported", "real", "false_alarm", "unmatched", "real_found", "real_pairs", "pairs")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "parts", nargs="*", type=Path, help="gold parts (default: every seen tests/gold/* with figures.json)"
    )
    ap.add_argument("--heldout", action="store_true", help="score the held-out parts too (the lead's one scoring)")
    ap.add_argument("--embedder", choices=["wordllama", "minilm", "none"], default="wordllama")
    args = ap.parse_args()
    parts = args.parts or gold_parts(args.heldout)
    embedder = None if args.embedder == "none" else args.embedder
    options = CompareOptions(align=AlignOptions(embedder=embedder))
    rows = []
    for part in parts:
        figures = evaluate(part, tasks=("figures",), options=options).scores["figures"]
        if not is_scored(figures):
            rows.append([part.name, *["-"] * (len(FIELDS) + 2), figures["why"]])
            continue
        rows.append([part.name, *(figures[f] for f in FIELDS), figures["precision"], figures["recall"], ""])
    print(
        table(
            f"Figures that disagree ({NUMBERS_VERSION}, embedder {args.embedder}), matched to the written pairs",
            ["part", *FIELDS, "real/reported", "recall", "note"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
