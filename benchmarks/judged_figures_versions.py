"""Figure conflicts of two versions of ``numbers`` on the judged figure round (round 3).

Rebuilds the stories of ``tests/gold/judged/splits.json`` ``figures_round3`` from the gold
sets ``newsprism convert neus`` and ``newsprism convert ecbplus`` write to the cache (or
``--neus`` / ``--ecbplus``), compares each story once as ``newsprism compare`` does (the outlet
names of ``gold.json``), then finds the quantities and conflicts of the comparison with this
tree's ``newsprism.numbers`` and with that of ``--old`` (a git revision, loaded beside it with
``git show``; its other imports are this tree's). Each conflict is matched to the verdicts of
``round3-figures-{dev,heldout}.jsonl`` and of later rounds on the same stories
(``round5-figures-*``: numbers.v5's conflicts no earlier round judged) by its quantities
(article, the sentence's hash, the figure as written); a conflict no verdict covers is
printed, with its two sentences, to be judged by hand (by ``shared/eval/JUDGING.md``; the
printout is for the terminal only, never the repository).

    python benchmarks/judged_figures_versions.py [--old main] [--part dev|heldout|both] [--quiet]
        [--unjudged-out FILE]

``--quiet`` prints the table only (no conflict and no sentence: for scoring the held-out part
without reading it); ``--unjudged-out FILE`` writes the conflicts of this tree that no verdict
covers, one JSON line each with both sentences and figures, to be judged blind (keep FILE out
of the repository: the sentences belong to their publishers). Nothing else is written.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import REPO, skip, table

from newsprism import numbers as new
from newsprism.api import compare
from newsprism.eval.gold import load_gold

JUDGED = REPO / "tests" / "gold" / "judged"


def old_numbers(rev: str, folder: Path) -> ModuleType:
    source = subprocess.run(
        ["git", "show", f"{rev}:src/newsprism/numbers.py"], cwd=REPO, check=True, capture_output=True, text=True
    ).stdout
    source = re.sub(r"from \.(\w+) import", r"from newsprism.\1 import", source)
    source = source.replace("from . import lexicons", "from newsprism import lexicons")
    path = folder / "numbers_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("numbers_old", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["numbers_old"] = module
    spec.loader.exec_module(module)
    return module


def sha(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:8]


def quantity_rows(quantities: Any, texts: dict[tuple[str, int], str]) -> list[dict[str, Any]]:
    """A conflict's figures as a round file writes them: article, sentence, its hash, the
    figure's words and the sentence's text."""
    return [
        {
            "article": q.article,
            "sentence": q.sentence,
            "sha": sha(texts[(q.article, q.sentence)]),
            "words": q.text,
            "text": texts[(q.article, q.sentence)],
        }
        for q in quantities
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", default="main", help="git revision of the other numbers.py (default: main)")
    ap.add_argument("--part", choices=["dev", "heldout", "both"], default="both")
    ap.add_argument("--quiet", action="store_true", help="print the table only")
    ap.add_argument("--unjudged-out", type=Path, help="write this tree's unjudged conflicts here (JSONL)")
    cache = Path.home() / ".cache" / "newsprism" / "gold"
    ap.add_argument("--neus", type=Path, default=cache / "neus")
    ap.add_argument("--ecbplus", type=Path, default=cache / "ecbplus")
    args = ap.parse_args()
    if not (args.neus / "gold.json").is_file() or not (args.ecbplus / "gold.json").is_file():
        skip(
            "the NeuS and ECB+ gold sets are not in the cache; run `newsprism convert neus` and "
            "`newsprism convert ecbplus`"
        )
    split = json.loads((JUDGED / "splits.json").read_text(encoding="utf-8"))["figures_round3"]
    golds = {"neus": load_gold(args.neus), "ecbplus": load_gold(args.ecbplus)}
    parts = ["dev", "heldout"] if args.part == "both" else [args.part]
    rows = []
    to_judge: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        old = old_numbers(args.old, Path(tmp))
        versions = {f"{old.NUMBERS_VERSION} ({args.old})": old, f"{new.NUMBERS_VERSION} (this tree)": new}
        for part in parts:
            verdicts: dict[frozenset[tuple[str, str, str]], str] = {}
            for line in "".join(
                p.read_text(encoding="utf-8") for p in sorted(JUDGED.glob(f"round*-figures-{part}.jsonl"))
            ).splitlines():
                item = json.loads(line)
                if item.get("kind") == "conflict":
                    key = frozenset((q["article"], q["sha"], q["words"]) for q in item["quantities"])
                    verdicts[key] = item["verdict"]
            found: dict[str, dict[frozenset[tuple[str, str, str]], str]] = {v: {} for v in versions}
            counts: dict[str, Counter[str]] = {v: Counter() for v in versions}
            unjudged: dict[str, list[str]] = {v: [] for v in versions}
            for source, gold in golds.items():
                arts = gold.data["articles"]
                stories = gold.stories()
                for story in split[f"{source}_{part}"]:
                    ids = stories.get(story, [])
                    if len(ids) < 2:
                        continue
                    outlets = {str(gold.files[a]): arts[a]["outlet"] for a in ids if arts[a].get("outlet")}
                    comp = compare([gold.files[a] for a in ids], outlets=outlets)
                    texts = {(a.id, s.index): s.text for a in comp.articles for s in a.sentences}
                    for label, module in versions.items():
                        qs = [q for a in comp.articles for q in module.article_quantities(a)]
                        for c in module.conflicts(comp.facts, qs, comp.articles):
                            key = frozenset(
                                (q.article, sha(texts[(q.article, q.sentence)]), q.text) for q in c.quantities
                            )
                            verdict = verdicts.get(key, "unjudged")
                            counts[label][verdict] += 1
                            found[label][key] = f"{source} {story} {verdict} ({c.reason}): " + ", ".join(
                                sorted(f"{q.article} {q.text!r}" for q in c.quantities)
                            )
                            if verdict == "unjudged" and module is new:
                                to_judge.append(
                                    {
                                        "part": part,
                                        "source": source,
                                        "story": story,
                                        "fact": c.fact,
                                        "kind": c.kind,
                                        "reason": c.reason,
                                        "quantities": quantity_rows(c.quantities, texts),
                                    }
                                )
                            if verdict == "unjudged":
                                shown = " | ".join(
                                    f"{q.article}: {q.text!r} in {texts[(q.article, q.sentence)][:200]!r}"
                                    for q in c.quantities
                                )
                                unjudged[label].append(f"{source} {story} ({c.reason}): {shown}")
            (a_label, a), (b_label, b) = found.items()
            if not args.quiet:
                for key in sorted(a.keys() - b.keys(), key=a.get):
                    print(f"only {a_label}, {part}: {a[key]}")
                for key in sorted(b.keys() - a.keys(), key=b.get):
                    print(f"only {b_label}, {part}: {b[key]}")
            for label in versions:
                n = sum(counts[label].values())
                c = counts[label]
                share = f"{c['TRUE'] / n:.3f}" if n else "-"
                # precision when every unjudged conflict is false, and when every one is true
                span = f"{c['TRUE'] / n:.3f} to {(c['TRUE'] + c['unjudged']) / n:.3f}" if n else "-"
                judged = c["TRUE"] + c["FALSE"]
                rows.append(
                    [
                        part,
                        label,
                        n,
                        c["TRUE"],
                        c["FALSE"],
                        c["unjudged"],
                        share,
                        span,
                        f"{c['TRUE'] / judged:.3f}" if judged else "-",
                    ]
                )
                if not args.quiet:
                    for u in unjudged[label]:
                        print(f"unjudged, {part}, {label}: {u}")
    if args.unjudged_out:
        args.unjudged_out.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in to_judge), encoding="utf-8"
        )
    print(
        table(
            "Round-3 figure conflicts matched to their verdicts",
            ["part", "version", "conflicts", "TRUE", "FALSE", "unjudged", "TRUE of all", "range", "TRUE of judged"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
