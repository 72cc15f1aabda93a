"""Speakers of quotations drawn at random from real reporting, for a blind reader: accuracy
on text nobody annotated (the judged files of other rounds hold only the speakers a version
changed).

    python benchmarks/speakers_allsides.py draw OUT.jsonl [--records 400 --sample 60 --seed 20261203 --pick 77]
    python benchmarks/speakers_allsides.py score tests/gold/judged/speakers-v16-allsides-random.jsonl

``draw`` reads ``random.Random(seed).sample`` of ``--records`` allsides_baly2020 records,
cleans them as ingest does, finds their quotations (:func:`newsprism.quotes.article_quotes`)
and writes ``random.Random(pick).sample`` of ``--sample`` of them: record, offsets in the
cleaned text, the speaker and its mention, the quoted words and the text around them (to
read, never to keep in the repository). ``score`` recomputes accuracy from a file of verdicts
(RIGHT, PARTIAL, WRONG, NOT-A-QUOTE), which keeps no text: (RIGHT + PARTIAL / 2) over the
quotations that are quotations.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import allsides_path


def draw(out_path: str, records: int, sample: int, seed: int, pick: int) -> None:
    from newsprism import from_text
    from newsprism.errors import NewsprismError
    from newsprism.pipeline import prepare_article
    from newsprism.quotes import QUOTES_VERSION, article_quotes

    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    pool = []
    for i in random.Random(seed).sample(range(len(lines)), records):
        d = json.loads(lines[i])
        try:
            art = prepare_article(from_text(d["content_original"], title=d["title"], outlet=d["source"], id=str(i)))
        except NewsprismError:
            continue
        pool += [(i, art, q) for q in article_quotes(art).quotes]
    print(f"{len(pool)} quotations in {records} records")
    head = {
        "kind": "round",
        "version": QUOTES_VERSION,
        "sample": f"allsides_baly2020: random.Random({seed}).sample of {records} records, cleaned as ingest, "
        f"article_quotes; random.Random({pick}).sample({sample}) of their quotations",
    }
    with open(out_path, "w", encoding="utf-8") as out:
        out.write(json.dumps(head) + "\n")
        for k, (i, art, q) in enumerate(random.Random(pick).sample(pool, min(sample, len(pool)))):
            t = art.text
            start = max(0, t.rfind("\n", 0, q.start) - 600)
            end = t.find("\n", q.end)
            row = {"kind": "speaker", "item": k, "record": i, "start": q.start, "end": q.end, "speaker": q.speaker}
            row |= {
                "mention": q.speaker_mention.of(t) if q.speaker_mention else None,
                "quote": t[q.start : q.end][:300],
                "context": t[start : len(t) if end < 0 else end][-1500:],
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def score(path: str) -> None:
    rows = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
    c = Counter(r["verdict"] for r in rows if r.get("kind") != "round")
    quoted = sum(n for v, n in c.items() if v != "NOT-A-QUOTE")
    acc = (c["RIGHT"] + c["PARTIAL"] / 2) / quoted if quoted else 0.0
    print(f"{dict(sorted(c.items()))}; accuracy {acc:.3f} over {quoted} quotations")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["draw", "score"])
    ap.add_argument("path")
    ap.add_argument("--records", type=int, default=400)
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--pick", type=int, default=77)
    args = ap.parse_args()
    if args.mode == "draw":
        draw(args.path, args.records, args.sample, args.seed, args.pick)
    else:
        score(args.path)


if __name__ == "__main__":
    main()
