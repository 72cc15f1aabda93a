"""Links, single-outlet sentences and figure conflicts judged by a careful reader on real reporting.

Reads the judged rounds in ``tests/gold/judged/`` (``round*.jsonl``, or the files given): one
``round`` line (the commit and algorithms judged, how the items were drawn), then ``pair``,
``one`` and ``conflict`` items with ids, sentence indexes and hashes, never article text
(``tests/gold/judged/README.md``), and prints per file what ``judge_score.py`` prints for the
sample folder: link precision (SAME + half PARTIAL over all pairs), by fact score band
(under 0.5, 0.5 to 0.6, 0.6 and up; the rounds before round 2 keep no score in some files), the
share of single-outlet sentences judged MISSED, and conflict precision (TRUE over all).

Files whose conflicts say which code found them (``found_by``, the figure rounds
``round3-figures-*.jsonl``) get one conflict figure per version, and their ``figure-pair``
items (linked pairs that carry figures, judged for a real disagreement) the real
disagreements each version missed.

    python benchmarks/judged_links.py [FILE ...]

Nothing is run: the numbers are recomputed from the verdicts alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, table

JUDGED = REPO / "tests" / "gold" / "judged"
BANDS = [("< 0.5", 0.0, 0.5), ("0.5-0.6", 0.5, 0.6), (">= 0.6", 0.6, 2.0)]


def precision(verdicts: list[str]) -> str:
    if not verdicts:
        return "-"
    p = (verdicts.count("SAME") + 0.5 * verdicts.count("PARTIAL")) / len(verdicts)
    return f"{p:.3f} ({verdicts.count('SAME')}/{verdicts.count('PARTIAL')}/{verdicts.count('DIFFERENT')})"


def row(path: Path) -> list[object]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [i for i in items if i.get("kind") == "pair"]
    ones = [i["verdict"] for i in items if i.get("kind") == "one"]
    out: list[object] = [path.stem, f"{precision([p['verdict'] for p in pairs])}, n={len(pairs)}"]
    for _, lo, hi in BANDS:
        band = [p["verdict"] for p in pairs if "score" in p and lo <= p["score"] < hi]
        out.append(f"{precision(band)}, n={len(band)}" if band else "-")
    out.append(f"{ones.count('MISSED') / len(ones):.3f} ({ones.count('MISSED')} of {len(ones)})" if ones else "-")
    out.append(conflict_column(items))
    return out


def conflict_column(items: list[dict]) -> str:
    """TRUE of all conflicts; per version when the conflicts say which code found them."""
    conflicts = [i for i in items if i.get("kind") == "conflict"]
    if not conflicts:
        return "-"
    if not any("found_by" in c for c in conflicts):
        verdicts = [c["verdict"] for c in conflicts]
        return f"{verdicts.count('TRUE')} of {len(verdicts)}"
    versions = sorted({v for c in conflicts for v in c["found_by"]})
    parts = []
    for v in versions:
        found = [c["verdict"] for c in conflicts if v in c["found_by"]]
        real = [p for p in items if p.get("kind") == "figure-pair" and p["verdict"] == "REAL"]
        missed = [p for p in real if v not in p.get("found_by", [])]
        pairs = sum(1 for p in items if p.get("kind") == "figure-pair")
        recall = f", missed {len(missed)} of {len(real)} real in {pairs} pairs" if pairs else ""
        parts.append(f"{v}: {found.count('TRUE')} of {len(found)} ({found.count('TRUE') / len(found):.3f}){recall}")
    return "; ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    args = ap.parse_args()
    files = args.files or sorted(JUDGED.glob("round*.jsonl"))
    header = ["file", "link precision (S/P/D)", *(f"score {name}" for name, _, _ in BANDS), "missed", "conflicts real"]
    print(table("judged links on real reporting (JUDGING.md)", header, [row(f) for f in files]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
