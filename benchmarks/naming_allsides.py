"""Naming marks on real reporting: allsides_baly2020 articles grouped into stories by topic and
date (two or more outlets), written to a JSONL file to diff two versions and judge a sample.

    python benchmarks/naming_allsides.py OUT.jsonl [--stories 300] [--seed N]
    PYTHONPATH=/work/main/src python benchmarks/naming_allsides.py OLD.jsonl   # the other version

Each line: story, article, outlet, mark text, note (canonical), quoted, lexicon, and 160
characters of context. Stories: groups of records with the same ``topic`` and ``date`` from
two or more outlets, in file order, at most 8 articles each, the first ``--stories``; with
``--seed`` the ``--stories`` drawn at random with that seed (a fresh sample for judging);
``--only 3,17`` reads those stories of the draw alone (to reread the stories two versions differ on).
The summary on stderr gives the words read and the marks per 1,000 words."""

from __future__ import annotations

import argparse
import json
import random
import sys

from _common import allsides_stories_by_topic_date

from newsprism import from_text
from newsprism.entities import ENTITIES_VERSION, naming_marks, story_entities
from newsprism.pipeline import prepare_article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--stories", type=int, default=300)
    ap.add_argument("--seed", type=int, help="draw the stories at random with this seed (default: the first ones)")
    ap.add_argument("--only", help="comma-separated story numbers of that draw to read (the others are skipped)")
    args = ap.parse_args()
    stories = allsides_stories_by_topic_date()
    if args.seed is not None:
        stories = random.Random(args.seed).sample(stories, min(args.stories, len(stories)))
    stories = stories[: args.stories]
    n_articles = n_marks = n_words = 0
    only = {int(x) for x in args.only.split(",")} if args.only else None
    with open(args.out, "w", encoding="utf-8") as out:
        for s, recs in enumerate(stories):
            if only is not None and s not in only:
                continue
            arts = [
                prepare_article(from_text(d["content_original"], title=d["title"], outlet=d["source"], id=f"s{s}-{k}"))
                for k, d in enumerate(recs)
            ]
            n_articles += len(arts)
            n_words += sum(len(a.text.split()) for a in arts)
            by_id = {a.id: a for a in arts}
            for m in naming_marks(story_entities(arts), arts):
                text = by_id[m.article].text
                ctx = text[max(0, m.span.start - 80) : m.span.end + 80].replace("\n", " ")
                row = {
                    "story": s,
                    "topic": recs[0]["topic"],
                    "date": recs[0]["date"],
                    "article": m.article,
                    "outlet": by_id[m.article].label,
                    "text": m.text,
                    "start": m.span.start,
                    "note": m.note,
                    "quoted": m.quoted,
                    "lexicon": m.lexicon,
                    "context": ctx,
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n_marks += 1
    per = 1000 * n_marks / max(n_words, 1)
    print(
        f"{ENTITIES_VERSION}: {len(stories)} stories, {n_articles} articles, {n_words} words,"
        f" {n_marks} naming marks ({per:.2f} per 1,000 words)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
