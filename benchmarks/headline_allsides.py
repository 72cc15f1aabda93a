"""Headline framing marks on real reporting: the headlines of allsides_baly2020 records read by
:func:`newsprism.framing.headline_marks`, a seeded sample of the outlet's own marks (not
quoted) written for a blind reader, and the precision of judged verdicts.

    python benchmarks/headline_allsides.py draw OUT.jsonl [--count 4000 --sample 40 --seed 7] [--exclude JUDGED.jsonl]
    python benchmarks/headline_allsides.py score tests/gold/judged/headlines-v12-allsides.jsonl

``draw`` reads every record from a seeded start in steps of 9 until ``--count`` headlines are
read, counts the marks by type, and writes ``--sample`` own-voice marks drawn with
``random.Random(seed)``: record, offsets in the headline, type, marked words and the headline
(to read, never to keep in the repository); ``--exclude`` leaves out the marks a judged file
holds (a fresh draw). ``score`` recomputes the precision by type from a
file of verdicts (YES: the outlet's own framing of that type; NO: another sense, a standard
term, someone else's words; WRONG-TYPE: framing of another type), which keeps no headline.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import allsides_path, table


def draw(out_path: str, count: int, sample: int, seed: int, exclude: str | None = None) -> None:
    from newsprism.framing import FRAMING_VERSION, headline_marks
    from newsprism.model import Article

    marks = []
    read = 0
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if read >= count:
                break
            if i % 9:
                continue
            d = json.loads(line)
            title = (d.get("title") or "").strip()
            if not title:
                continue
            read += 1
            art = Article(str(i), "", str(i), title=title, outlet=d.get("source"))
            marks += [(i, m, title) for m in headline_marks([art])]
    kinds = Counter(m.type for _, m, _ in marks)
    own = [x for x in marks if not x[1].quoted]
    if exclude:
        done = {
            (r["record"], r["start"], r["end"])
            for r in map(json.loads, Path(exclude).read_text(encoding="utf-8").splitlines())
            if r.get("kind") == "mark"
        }
        own = [x for x in own if (x[0], x[1].start, x[1].end) not in done]
    print(f"{read} headlines, {len(marks)} marks ({len(own)} own voice): {dict(sorted(kinds.items()))}")
    picked = random.Random(seed).sample(own, min(sample, len(own)))
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(
            json.dumps(
                {
                    "kind": "round",
                    "version": FRAMING_VERSION,
                    "sample": f"every 9th allsides_baly2020 record, {read} headlines; random.Random({seed}).sample"
                    f"({sample}) of {len(own)} own-voice headline marks",
                    "population": dict(Counter(m.type for _, m, _ in own)),
                }
            )
            + "\n"
        )
        for k, (rec, m, title) in enumerate(picked):
            row = {"kind": "mark", "item": k, "record": rec, "start": m.start, "end": m.end, "type": m.type}
            out.write(json.dumps({**row, "words": m.text, "headline": title}, ensure_ascii=False) + "\n")


def score(path: str) -> None:
    rows = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
    by: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        if r.get("kind") == "mark":
            by[r["type"]][r["verdict"]] += 1
            by["all"][r["verdict"]] += 1
    out = [[k, sum(c.values()), c["YES"], f"{c['YES'] / max(1, sum(c.values())):.2f}"] for k, c in sorted(by.items())]
    print(table(f"headline marks judged ({path})", ["type", "judged", "YES", "precision"], out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["draw", "score"])
    ap.add_argument("path")
    ap.add_argument("--count", type=int, default=4000)
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--exclude", help="a judged file whose marks are left out of the draw")
    args = ap.parse_args()
    if args.mode == "draw":
        draw(args.path, args.count, args.sample, args.seed, args.exclude)
    else:
        score(args.path)


if __name__ == "__main__":
    main()
