"""Own-voice scare quotes on real reporting: allsides_baly2020 records cleaned as ingest, their
quotations found, then the scare-quote marks of :func:`newsprism.framing.article_marks` not
inside a quotation, written to a JSONL file to diff two versions and judge a sample.
``--type hedge`` (or another framing type) writes that type's own-voice marks instead.

    python benchmarks/scare_allsides.py OUT.jsonl [--start 20000 --step 10 --count 1500] [--type hedge]
    PYTHONPATH=/work/main/src python benchmarks/scare_allsides.py OLD.jsonl   # the other version
    python benchmarks/scare_allsides.py OUT.jsonl --sample 40 --seed N --against OLD.jsonl

Each line: record index, article id, outlet, offsets in the cleaned text, the quoted words and
160 characters of context (to read, never to keep in the repository). With ``--sample``, the
script draws ``random.Random(seed).sample`` of the marks of OUT.jsonl (written before) and
prints them with their context; with ``--against``, also how many marks each file holds on
the records both cover."""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys

from _common import allsides_path


def dump(out_path: str, start: int, step: int, count: int, kind: str = "scare_quote") -> None:
    from newsprism import from_text
    from newsprism.errors import NewsprismError
    from newsprism.framing import ARTICLE_MARKS_VERSION, article_marks
    from newsprism.pipeline import prepare_article
    from newsprism.quotes import article_quotes

    wanted = {start + step * k for k in range(count)}
    n_articles = n_marks = 0
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh, open(out_path, "w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i > start + step * (count - 1):
                break
            if i not in wanted:
                continue
            d = json.loads(line)
            try:
                raw = from_text(d["content_original"], title=d["title"], outlet=d["source"], id=d["ID"])
                art = prepare_article(raw)
            except NewsprismError:
                continue
            n_articles += 1
            found = article_quotes(art)
            for m in article_marks(art, found.quotes, found.terms):
                if m.type != kind or m.quoted:
                    continue
                s, e = m.span.start, m.span.end
                row = {
                    "record": i,
                    "article": art.id,
                    "outlet": d["source"],
                    "start": s,
                    "end": e,
                    "words": m.text,
                    "context": art.text[max(0, s - 160) : e + 160].replace("\n", " / "),
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n_marks += 1
    print(f"{ARTICLE_MARKS_VERSION}: {n_articles} articles, {n_marks} own-voice {kind} marks", file=sys.stderr)


def _read(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(x) for x in fh]


def sample(path: str, n: int, seed: int, against: str | None) -> None:
    rows = _read(path)
    if against:
        old = _read(against)
        key = {(r["record"], r["start"], r["end"]) for r in old}
        kept = sum((r["record"], r["start"], r["end"]) in key for r in rows)
        print(f"{path}: {len(rows)} marks; {against}: {len(old)} marks; in both: {kept}")
    for k, r in enumerate(random.Random(seed).sample(rows, min(n, len(rows)))):
        print(f"[{k}] record {r['record']} {r['article']} {r['start']}-{r['end']} {r['words']!r}")
        print(f"    {r['context']}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--start", type=int, default=20000)
    ap.add_argument("--step", type=int, default=10)
    ap.add_argument("--count", type=int, default=1500)
    ap.add_argument("--sample", type=int, default=0, help="draw this many marks of OUT (written before)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--type", default="scare_quote", help="the framing type whose own-voice marks are written")
    ap.add_argument("--against", help="another version's file, to count marks on the same records")
    args = ap.parse_args()
    if args.sample:
        sample(args.out, args.sample, args.seed, args.against)
    else:
        dump(args.out, args.start, args.step, args.count, args.type)


if __name__ == "__main__":
    main()
