"""Agency credits on real articles: how many articles of allsides_baly2020 newsprism credits
to each news agency, in which form, and a sample to check by hand.

Data, read at run time (nothing of it is copied into the repository):
``../shared/data/allsides_baly2020/articles.jsonl.gz`` (37,554 full articles from 491 US
outlets). Each record's text is the body; its ``authors`` field is the byline, as the JSONL
reader takes it. Credits are found as :func:`newsprism.api.load_articles` finds them
(``newsprism.credits.find_credits`` over the raw body's edges and the byline).

How: every record is read; ``credited`` counts the articles with a credit, per agency (an
article crediting two counts for both) and per form; ``mentions`` counts the articles whose
text names an agency (as written or in capitals) anywhere, credited or not. The time per
article is measured against reading the record alone (the baseline, same run) and, for
scale, against the cleaner (``clean_body``), which every article goes through too.

    python benchmarks/bench_credits.py [--limit N] [--sample 40] [--seed 0]

``--sample N`` prints N credited articles (the credit line) and N not credited but naming an
agency (the lines that name it, the byline field, the first and last lines), to judge by
hand whether the credit is right and whether a credit was missed. The printout is for the
terminal only: never paste it into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import shared_dir, skip, table

from newsprism.clean import CleanOptions, clean_body
from newsprism.credits import _agencies, credit_of, find_credits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="read at most N records (0: all)")
    ap.add_argument("--sample", type=int, default=0, help="print N credited and N uncredited mentioning an agency")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    shared = shared_dir()
    path = shared / "data" / "allsides_baly2020" / "articles.jsonl.gz" if shared else None
    if path is None or not path.is_file():
        skip("../shared/data/allsides_baly2020/articles.jsonl.gz is not there")
    assert path is not None
    records = []
    t0 = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit and n >= args.limit:
                break
            rec = json.loads(line)
            records.append((rec.get("ID") or str(n), rec.get("content_original") or "", rec.get("authors") or ""))
    read_s = time.perf_counter() - t0
    pattern = _agencies().pattern
    t0 = time.perf_counter()
    for _rid, body, _byline in records:
        clean_body(body)
    clean_s = time.perf_counter() - t0
    per_agency: Counter[str] = Counter()
    per_form: Counter[str] = Counter()
    credited, mentioning = [], []
    t0 = time.perf_counter()
    for rid, body, byline in records:
        found = find_credits(body, byline=byline or None)
        credit = credit_of(found)
        if credit:
            credited.append((rid, body, byline, found))
            per_agency.update(credit.split(", "))
            per_form.update({c.form for c in found})
        elif pattern.search(body):
            mentioning.append((rid, body, byline))
    credit_s = time.perf_counter() - t0
    n = len(records)
    print(
        f"{n} articles, {len(credited)} credited ({len(credited) / max(1, n):.1%}), "
        f"{len(mentioning)} not credited but naming an agency"
    )
    print(table("Articles credited per agency", ["agency", "articles"], [[a, c] for a, c in per_agency.most_common()]))
    print(table("Articles per credit form", ["form", "articles"], [[f, c] for f, c in per_form.most_common()]))
    print(
        table(
            "Time (same run)",
            ["step", "seconds", "ms/article", "ratio to reading"],
            [
                ["read the record (baseline)", read_s, 1000 * read_s / max(1, n), 1.0],
                [
                    f"clean the body ({CleanOptions().version})",
                    clean_s,
                    1000 * clean_s / max(1, n),
                    clean_s / max(read_s, 1e-9),
                ],
                ["find credits", credit_s, 1000 * credit_s / max(1, n), credit_s / max(read_s, 1e-9)],
            ],
        )
    )
    if args.sample:
        rnd = random.Random(args.seed)
        print("\n# credited (is the credit right?)")
        for rid, _body, byline, found in rnd.sample(credited, min(args.sample, len(credited))):
            shown = " | ".join(f"{c.form}:{','.join(c.agencies)}: {c.line[:110]}" for c in found)
            print(f"- {rid} [byline field: {byline[:40]}] {shown}")
        print("\n# not credited, naming an agency (was a credit missed?)")
        for rid, body, byline in rnd.sample(mentioning, min(args.sample, len(mentioning))):
            lines = [x.strip() for x in body.splitlines() if x.strip()]
            named = [x[:110] for x in lines if pattern.search(x)][:2]
            print(
                f"- {rid} [byline field: {byline[:40]}] first: {lines[0][:90]!r} last: {lines[-1][:90]!r} "
                f"naming: {named}"
            )


if __name__ == "__main__":
    main()
