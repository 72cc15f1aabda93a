"""Contrast marks (framing.v14) on real reporting: allsides_baly2020 articles grouped into
stories by topic and date (two or more outlets), compared, and the loaded marks that
``framing.contrast_marks`` adds (an intense word of ``intensity-pairs`` where another outlet of
the same fact has the plain one) written to a JSONL file, to judge a random draw of them.

    python benchmarks/loaded_allsides.py OUT.jsonl [--stories 600] [--seed N]

Stories as ``benchmarks/naming_allsides.py`` makes them (same ``topic`` and ``date``, at most 8
articles, two or more outlets), ``--stories`` drawn with ``--seed``. Each line: story number,
article id, record outlet, offsets in the cleaned text, the marked words, the other outlet's
plain word, quoted, and 200 characters of context (for the judge's eyes: keep it out of any
verdicts file). The summary on stderr gives the articles, facts shared, marks added and own-voice
marks added."""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys

from _common import allsides_path

from newsprism import compare, from_text
from newsprism.errors import NewsprismError
from newsprism.pipeline import prepare_article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--stories", type=int, default=600)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    groups: dict[tuple[str, str], list[dict]] = {}
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("topic") and d.get("date"):
                groups.setdefault((d["topic"], d["date"]), []).append(d)
    stories = [g[:8] for g in groups.values() if len({d["source"] for d in g[:8]}) >= 2]
    stories = random.Random(args.seed).sample(stories, min(args.stories, len(stories)))
    n_art = n_shared = n_marks = n_own = n_loaded = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for s, recs in enumerate(stories):
            arts = [
                prepare_article(from_text(d["content_original"], title=d["title"], outlet=d["source"], id=f"s{s}-{k}"))
                for k, d in enumerate(recs)
            ]
            try:
                comp = compare(arts)
            except NewsprismError:
                continue
            n_art += len(comp.articles)
            n_shared += sum(len({m.article for m in f.members}) >= 2 for f in comp.facts)
            by_id = {a.id: a for a in comp.articles}
            for m in comp.framing:
                if m.type != "loaded":
                    continue
                n_loaded += 1
                if not (m.lexicon or "").startswith("intensity-pairs"):
                    continue
                n_marks += 1
                n_own += not m.quoted
                text = by_id[m.article].text
                row = {
                    "story": s,
                    "article": m.article,
                    "outlet": by_id[m.article].outlet,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "note": m.note,
                    "quoted": m.quoted,
                    "context": text[max(0, m.start - 100) : m.end + 100],
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{len(stories)} stories, {n_art} articles, {n_shared} shared facts, {n_loaded} loaded marks, "
        f"{n_marks} added by contrast ({n_own} own voice)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
