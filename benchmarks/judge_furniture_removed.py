"""Every line the cleaner removes on real scraped text (allsides_baly2020), sampled by reason.

Cleans every ``--step``-th article with this tree's cleaner (the default options, as
``bench_furniture_versions.py`` reads and cleans them), counts the removed lines by reason and
draws a seeded sample of ``--sample`` removed lines stratified by reason: each reason gets an
equal share (all its lines when it has fewer), the rest of the sample goes to the reasons with
lines left, in proportion to them. Prints each sampled line with its neighbours to judge by eye
(furniture, story text or arguable) and, with ``--out``, writes the sample without article
text (record number, line index in the raw body, the first 8 hex digits of the SHA-256 of the
whitespace-folded line, reason) as JSON lines for the verdicts. ``--judged FILE`` reads such a
file with verdicts and prints precision by reason, and weighted by each reason's lines.
Reads ``../shared/data`` at run time; nothing of it is kept.

    python benchmarks/judge_furniture_removed.py --step 10 --seed N [--sample 100] [--out FILE]
    python benchmarks/judge_furniture_removed.py --judged tests/gold/judged/furniture-v10-allsides.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import allsides_path, table

from newsprism.clean import CLEANER_VERSION, clean_body


def line_hash(line: str) -> str:
    return hashlib.sha256(" ".join(line.split()).encode("utf-8")).hexdigest()[:8]


def removed_lines(step: int) -> tuple[int, list[dict[str, object]]]:
    """(articles read, every removed line as {record, line, sha8, reason}) of every ``step``-th record."""
    out: list[dict[str, object]] = []
    n = 0
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        for rec, raw in enumerate(fh):
            if rec % step:
                continue
            d = json.loads(raw)
            body = d["content_original"]
            n += 1
            lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            res = clean_body(body, title=d["title"], outlet=d["source"])
            at = 0
            for line, why in zip(res.removed, res.reasons, strict=True):
                while at < len(lines) and lines[at] != line:  # removed lines are in page order
                    at += 1
                out.append({"record": rec, "line": at, "sha8": line_hash(line), "reason": why})
                at += 1
    return n, out


def stratified(items: list[dict[str, object]], size: int, seed: int) -> list[dict[str, object]]:
    by: dict[str, list[dict[str, object]]] = {}
    for it in items:
        by.setdefault(str(it["reason"]), []).append(it)
    rng = random.Random(seed)
    reasons = sorted(by)
    share = size // max(1, len(reasons))
    quota = {r: min(len(by[r]), share) for r in reasons}
    left = size - sum(quota.values())
    spare = {r: len(by[r]) - quota[r] for r in reasons if len(by[r]) > quota[r]}
    total = sum(spare.values())
    for r in sorted(spare, key=lambda r: -spare[r]):
        extra = min(spare[r], round(left * spare[r] / total)) if total else 0
        quota[r] += extra
    while sum(quota.values()) > size:  # rounding
        r = max(spare, key=lambda r: quota[r])
        quota[r] -= 1
    for r in sorted(spare, key=lambda r: -spare[r]):
        if sum(quota.values()) < size and quota[r] < len(by[r]):
            quota[r] += 1
    pick: list[dict[str, object]] = []
    for r in reasons:
        pick += rng.sample(by[r], quota[r])
    return sorted(pick, key=lambda it: (str(it["reason"]), int(str(it["record"])), int(str(it["line"]))))


def show(pick: list[dict[str, object]]) -> None:
    want = {int(str(it["record"])) for it in pick}
    bodies: dict[int, tuple[str, str]] = {}
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        for rec, raw in enumerate(fh):
            if rec in want:
                d = json.loads(raw)
                bodies[rec] = (d["source"], d["content_original"])
    for k, it in enumerate(pick):
        outlet, body = bodies[int(str(it["record"]))]
        lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        at = int(str(it["line"]))
        near = [(i, lines[i]) for i in range(max(0, at - 3), min(len(lines), at + 3)) if lines[i].strip()]
        print(f"\n#{k} [{it['reason']}] record {it['record']} line {at} of {len(lines)} ({outlet})")
        for i, line in near:
            print(f"  {'>>' if i == at else '  '} {line.strip()[:220]}")


def score(path: Path) -> None:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    counts = Counter[tuple[str, str]]()
    for r in rows:
        counts[(r["reason"], r["verdict"])] += 1
    total = {r["reason"]: r.get("reason_lines", 0) for r in rows}
    out: list[list[object]] = []
    w_strict = w_lenient = w_story = 0.0
    for reason in sorted(total):
        f, s, a = (counts[(reason, v)] for v in ("furniture", "story", "arguable"))
        n = f + s + a
        w_strict += total[reason] * f / n
        w_lenient += total[reason] * (f + a) / n
        w_story += total[reason] * s / n
        out.append([reason, total[reason], n, f, s, a, f / n, (f + a) / n])
    f, s, a = (sum(counts[(r, v)] for r in total) for v in ("furniture", "story", "arguable"))
    n = f + s + a
    lines = max(1, sum(total.values()))
    out.append(["all (the sample)", sum(total.values()), n, f, s, a, f / n, (f + a) / n])
    out.append(["all (weighted by lines)", sum(total.values()), "", "", "", "", w_strict / lines, w_lenient / lines])
    print(
        table(
            f"judged removed lines: {path.name}",
            ["reason", "lines removed", "judged", "furniture", "story", "arguable", "P strict", "P lenient"],
            out,
        )
    )
    print(
        f"story text among the removed lines, weighted by each reason's lines: {w_story / lines:.4f}"
        f" (~{w_story:.0f} lines)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--step", type=int, default=10)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--out", type=Path, help="write the sample (no article text) as JSON lines")
    ap.add_argument("--judged", type=Path, help="score a judged sample file instead")
    args = ap.parse_args()
    if args.judged:
        score(args.judged)
        return
    if args.seed is None:
        ap.error("--seed is required to draw a sample (use one never used before)")
    n, items = removed_lines(args.step)
    counts = Counter(str(it["reason"]) for it in items)
    print(f"{CLEANER_VERSION}: {n} articles (every {args.step}th), {len(items)} lines removed")
    print("removed, by reason:", dict(counts.most_common()))
    pick = stratified(items, args.sample, args.seed)
    print("sampled, by reason:", dict(Counter(str(it["reason"]) for it in pick).most_common()))
    show(pick)
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for it in pick:
                row = dict(it, version=CLEANER_VERSION, seed=args.seed, step=args.step)
                row["reason_lines"] = counts[str(it["reason"])]
                row["verdict"] = ""
                fh.write(json.dumps(row, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
