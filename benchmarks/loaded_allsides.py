"""Contrast marks (framing.v14) on real reporting: allsides_baly2020 articles grouped into
stories by topic and date (two or more outlets), compared, and the loaded marks that
``framing.contrast_marks`` adds (an intense word of ``intensity-pairs`` where another outlet of
the same fact has the plain one) written to a JSONL file, to judge a random draw of them.

    python benchmarks/loaded_allsides.py OUT.jsonl [--stories 600] [--seed N]
    python benchmarks/loaded_allsides.py OUT.jsonl --gold DIR [--exclude-split heldout]

With ``--gold``, the stories of a converted gold set (``newsprism convert basil`` or ``neus``:
same-event articles, where facts are shared far more often than in topic-and-date groups),
less those of ``tests/gold/judged/splits.json``'s ``--exclude-split`` (BASIL's held-out part).

Stories as ``benchmarks/naming_allsides.py`` makes them (same ``topic`` and ``date``, at most 8
articles, two or more outlets), ``--stories`` drawn with ``--seed``. Each line: story number,
article id, record outlet, offsets in the cleaned text, the marked words, the other outlet's
plain word, quoted, and 200 characters of context (for the judge's eyes: keep it out of any
verdicts file). The summary on stderr gives the articles, facts shared, marks added and own-voice
marks added."""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from _common import allsides_stories_by_topic_date

from newsprism import compare, from_text
from newsprism.errors import NewsprismError
from newsprism.model import Article
from newsprism.pipeline import prepare_article


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--stories", type=int, default=600)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--gold", help="a converted gold folder (articles/, gold.json) to read the stories of")
    ap.add_argument("--exclude-split", help="leave out the stories of this key of splits.json")
    args = ap.parse_args()
    outlets: dict[str, str] = {}
    stories: list[list[Article]] | list[list[str]]
    if args.gold:
        stories, outlets = gold_stories(args.gold, args.exclude_split)
    else:
        stories = allsides_stories(args.stories, args.seed)
    n_art = n_shared = n_marks = n_own = n_loaded = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for s, arts in enumerate(stories):
            try:
                comp = compare(arts, outlets=outlets) if outlets else compare(arts)
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


def gold_stories(folder: str, exclude: str | None) -> tuple[list[list[str]], dict[str, str]]:
    """The article files of each story of a converted gold set (two or more), and their outlets."""
    gold = json.loads((Path(folder) / "gold.json").read_text(encoding="utf-8"))
    skip: set[str] = set()
    if exclude:
        splits = json.loads((Path(__file__).parent.parent / "tests/gold/judged/splits.json").read_text("utf-8"))
        skip = set(splits[exclude])
    by_story: dict[str, list[str]] = {}
    outlets = {}
    for art_id, meta in sorted(gold["articles"].items()):
        if meta["story"] in skip:
            continue
        path = str(Path(folder) / "articles" / f"{art_id}.txt")
        outlets[path] = meta["outlet"]
        by_story.setdefault(meta["story"], []).append(path)
    return [paths for _, paths in sorted(by_story.items()) if len(paths) >= 2], outlets


def allsides_stories(n: int, seed: int) -> list[list[Article]]:
    stories = allsides_stories_by_topic_date()
    stories = random.Random(seed).sample(stories, min(n, len(stories)))
    return [
        [
            prepare_article(from_text(d["content_original"], title=d["title"], outlet=d["source"], id=f"s{s}-{k}"))
            for k, d in enumerate(recs)
        ]
        for s, recs in enumerate(stories)
    ]


if __name__ == "__main__":
    main()
