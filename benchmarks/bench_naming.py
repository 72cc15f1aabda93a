"""Entities and naming: does newsprism's naming table recover the word choices annotators
marked for a story's main actors, and how precise are its ``naming`` framing marks?

Data, each read at run time (nothing of it is copied into the repository):

- NewsWCL50 (``../shared/data/newswcl50``): 10 events x 5 US outlets, every mention of each
  coded concept annotated. It is converted into a temporary folder with newsprism's own
  converter (``newsprism convert newswcl50``), which keeps each annotated mention as a
  ``naming`` framing span (text, note = the concept's name; the same text and note once per
  article). The concept's type comes from the raw ``original/Annotations.csv``.
- the team's dev gold set (``tests/gold/dev``) and the example story (``examples``): their
  ``naming`` framing spans, the choices an annotator found worth marking.

How:

- every story (NewsWCL50 event, gold story) is read and cleaned once
  (``newsprism.api.load_articles``), the outlet set from the gold set, then
  ``story_entities`` -> ``naming_table`` and ``naming_marks``;
- NewsWCL50, per event: the **main actors** are the concepts of type ACTOR, COUNTRY or GROUP
  (not the unnamed "-I" and "-Misc" ones) annotated in at least 3 of the 5 articles, the
  ``--actors`` (default 5) most annotated. A gold item is one annotated form of a main actor
  in one article (folded as the naming table folds forms: case, full stops, hyphens and a
  leading "the" aside). Each actor is matched to one entity: among the entities named as the
  concept or as the alias table's canonical name for it ("Democrats" -> "Democratic Party"),
  else those whose name ends with it ("Trump" -> "Donald Trump"), else among all, the one whose mentions overlap most of
  the concept's annotated spans (every place the form occurs in the article). ``form recall``: the
  item's form is among the forms the naming table lists for that entity and that article's
  outlet; ``mention recall``: a mention of that entity overlaps the form somewhere in the
  article (the name was found, perhaps under another form, e.g. "Kim" inside "Kim Jong Un");
  ``any entity``: the form is in the table under any entity (merge errors aside); ``of
  names``: form recall over the forms that are names (every word capitalised, "Mr. Kim",
  "the DNC"), leaving out descriptions ("the North Korean dictator", "his country");
- dev, examples (and NewsWCL50, whose every annotated mention is a naming span: there only
  the precision means something, the share of marks on annotated words): precision, recall
  and F1 of the ``naming`` marks by the shared
  ``score.py`` overlap rule (``_score_framing``): a predicted span is right when it overlaps
  any place where a gold span's text occurs in the article; a gold span is found when any of
  its places overlaps a prediction. Every article of the set counts (one alone gets no
  marks: it has no other outlet to differ from).

NewsWCL50's 10 events are split into two seeded halves of 5 (``NEWSWCL50_SPLIT_SEED``): A,
whose misses may be read to write rules, and B, scored only, the stand-in for unseen events
(``--half a`` / ``--half b``; both, and each half's total, by default).

    python benchmarks/bench_naming.py [--actors 5] [--half a|b] [--show]

``--show`` prints, for dev and examples, the marks that match no gold span and the gold spans
missed, and for NewsWCL50 the forms missed per event.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, table

from newsprism.api import load_articles
from newsprism.entities import ENTITIES_VERSION, aliases, fold_key, naming_marks, naming_table, story_entities
from newsprism.eval.convert.newswcl50 import _wcl_concept_name, convert_newswcl50
from newsprism.eval.gold import GoldSet, load_gold
from newsprism.eval.matching import find_spans
from newsprism.eval.scoring import overlap
from newsprism.model import Article, Entity

MAIN_TYPES = ("ACTOR", "COUNTRY", "GROUP")

#: the seed of NewsWCL50's halves of events: A, whose misses may be read, and B, scored only
NEWSWCL50_SPLIT_SEED = 18


def newswcl50_halves(events: list[str]) -> tuple[list[str], list[str]]:
    """NewsWCL50's event ids in two seeded halves (A, B), each sorted."""
    events = sorted(events)
    b = set(random.Random(NEWSWCL50_SPLIT_SEED).sample(events, len(events) // 2))
    return [e for e in events if e not in b], sorted(b)


def _story_articles(gold: GoldSet) -> dict[str, list[Article]]:
    out: dict[str, list[Article]] = {}
    for story, ids in gold.stories().items():
        arts, _ = load_articles([gold.files[a] for a in ids])
        fixed = []
        for art_id, art in zip(ids, arts, strict=True):
            meta = gold.data["articles"][art_id]
            fixed.append(replace(art, id=art_id, outlet=meta.get("outlet") or art.outlet))
        out[story] = fixed
    return out


def _prf(tp_p: int, tp_g: int, n_p: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else (1.0 if n_g == 0 else 0.0)
    r = tp_g / n_g if n_g else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_marks(gold: GoldSet, show: bool) -> tuple[list[object], float]:
    """One row: articles, stories, predicted, gold, precision, recall, F1 (and seconds)."""
    stories = _story_articles(gold)
    t0 = time.perf_counter()
    marks = []
    texts: dict[str, str] = {}
    for arts in stories.values():
        for a in arts:
            texts[a.id] = a.text
        if len(arts) >= 2:
            marks += naming_marks(story_entities(arts), arts)
    seconds = time.perf_counter() - t0
    tp_p = tp_g = n_p = n_g = 0
    for a, text in texts.items():
        golds = [g for g in gold.data.get("framing", []) if g["article"] == a and g["type"] == "naming"]
        g_spans = [find_spans(g["text"], text) for g in golds]
        flat = [s for spans in g_spans for s in spans]
        preds = [m for m in marks if m.article == a]
        n_p += len(preds)
        n_g += len(g_spans)
        hit_p = [any(overlap((m.start, m.end), g) > 0 for g in flat) for m in preds]
        hit_g = [any(overlap((m.start, m.end), g) > 0 for m in preds for g in spans) for spans in g_spans]
        tp_p += sum(hit_p)
        tp_g += sum(hit_g)
        if show:
            for m, ok in zip(preds, hit_p, strict=True):
                if not ok:
                    print(f"  extra  {a}: {m.text!r} (note {m.note}{', quoted' if m.quoted else ''})")
            for g, ok in zip(golds, hit_g, strict=True):
                if not ok:
                    print(f"  missed {a}: {g['text']!r} (note {g.get('note')})")
    p, r, f = _prf(tp_p, tp_g, n_p, n_g)
    return [gold.name, len(texts), sum(len(v) >= 2 for v in stories.values()), n_p, n_g, p, r, f], seconds


def _concept_types(src: Path) -> dict[tuple[str, str], Counter[str]]:
    """(event, concept name as the converter notes it) -> code types of its rows."""
    path = next(iter(sorted(src.rglob("Annotations.csv"))))
    lines = path.read_text(encoding="utf-8", errors="replace").lstrip("\ufeff").splitlines(keepends=True)
    if lines and lines[0].lower().startswith("sep="):
        lines = lines[1:]
    out: dict[tuple[str, str], Counter[str]] = {}
    for row in csv.DictReader(lines):
        out.setdefault((row["event_id"].strip(), _wcl_concept_name(row["code_name"].strip())), Counter())[
            row["code_type"].strip().upper()
        ] += 1
    return out


def _best_entity(entities: list[Entity], spans: list[tuple[str, int, int]], concept: str) -> Entity | None:
    """The entity of a concept: among those named as the concept or its alias' canonical name
    ("Democrats" -> "Democratic Party"), else whose name ends with it ("Trump" -> "Donald
    Trump"), else among all, the one whose mentions overlap most of the concept's annotated spans."""
    key = fold_key(concept)
    keys = {key} | {fold_key(row.canonical) for a, row in aliases().items() if fold_key(a) == key}
    named = [e for e in entities if fold_key(e.name) in keys] or [
        e for e in entities if fold_key(e.name).endswith(" " + key)
    ]
    pool = named or entities
    score: Counter[str] = Counter()
    for ent in pool:
        by_art: dict[str, list[tuple[int, int]]] = {}
        for m in ent.mentions:
            by_art.setdefault(m.article, []).append((m.start, m.end))
        score[ent.id] = sum(any(overlap((s, e), x) > 0 for x in by_art.get(a, ())) for a, s, e in spans)
    if not named and (not score or max(score.values()) == 0):
        return None
    best = max(score[e.id] for e in pool)
    return next(e for e in pool if score[e.id] == best)


def _name_form(text: str) -> bool:
    """Whether an annotated form is a name a reader of capitalised words can find: every word
    capitalised ("Mr. Kim", "North Korea", "the DNC"), "of"/"the"/"and" aside, no possessive."""
    words = text.replace("’", "'").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and all(w[:1].isupper() or w in ("of", "the", "and", "de") for w in words) and "'" not in text


def newswcl50(
    src: Path, actors: int, show: bool, half: str | None = None
) -> tuple[list[list[object]], list[list[object]], list[str]]:
    """Rows per event (of ``half``, "a" or "b", or both), with a total per half and for all;
    the form recall by concept type; and the main actors' entities (with ``show``, the forms
    missed in half A: half B's are never printed)."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-naming-"))
    convert_newswcl50(src, tmp / "nwcl")
    gold = load_gold(tmp / "nwcl")
    types = _concept_types(src)
    stories = _story_articles(gold)
    rows: list[list[object]] = []
    notes: list[str] = []
    half_a, half_b = newswcl50_halves([s.removeprefix("event-") for s in stories])
    half_of = {e: "A" for e in half_a} | {e: "B" for e in half_b}
    totals: dict[str, list[int]] = {}
    counts: dict[str, list[int]] = {}
    by_type: dict[tuple[str, str], list[int]] = {}
    for story, arts in stories.items():
        event = story.removeprefix("event-")
        hf = half_of[event]
        if half is not None and hf != half.upper():
            continue
        ids = {a.id for a in arts}
        items = [g for g in gold.data["framing"] if g["type"] == "naming" and g["article"] in ids]
        per_concept: Counter[str] = Counter()
        in_articles: dict[str, set[str]] = {}
        for g in items:
            per_concept[g["note"]] += 1
            in_articles.setdefault(g["note"], set()).add(g["article"])
        main = [
            c
            for c, _ in sorted(per_concept.items(), key=lambda kv: (-kv[1], kv[0]))
            if (types.get((event, c)) or Counter()).most_common(1)[0][0] in MAIN_TYPES
            and not c.endswith(("(unnamed individual)", "(other)"))
            and len(in_articles[c]) >= 3
        ][:actors]
        entities = story_entities(arts)
        table_rows = {row.entity: row for row in naming_table(entities, arts)}
        label = {a.id: a.label for a in arts}
        texts = {a.id: a.text for a in arts}
        any_forms: dict[str, set[str]] = {}
        for row in table_rows.values():
            for o in row.outlets:
                any_forms.setdefault(o.outlet, set()).update(fold_key(f) for f, _ in o.forms)
        got = [0, 0, 0, 0, 0, 0]  # items, form, mention, any entity, name forms, name forms found
        matched = []
        for concept in main:
            golds = {(g["article"], fold_key(g["text"])): g for g in items if g["note"] == concept}
            spans = [(a, s, e) for (a, _), g in golds.items() for s, e in find_spans(g["text"], texts[a])]
            ent = _best_entity(entities, spans, concept)
            matched.append(f"{concept} -> {ent.name if ent else '-'}")
            forms: dict[str, set[str]] = {}
            mention_spans: dict[str, list[tuple[int, int]]] = {}
            if ent is not None and ent.id in table_rows:
                for o in table_rows[ent.id].outlets:
                    forms[o.outlet] = {fold_key(f) for f, _ in o.forms}
            if ent is not None:
                for m in ent.mentions:
                    mention_spans.setdefault(m.article, []).append((m.start, m.end))
            for (a, key), g in sorted(golds.items()):
                got[0] += 1
                ok_form = key in forms.get(label[a], set())
                got[1] += ok_form
                got[2] += any(
                    overlap(x, y) > 0 for x in find_spans(g["text"], texts[a]) for y in mention_spans.get(a, ())
                )
                got[3] += key in any_forms.get(label[a], set())
                if _name_form(g["text"]):
                    got[4] += 1
                    got[5] += ok_form
                ctype = (types.get((event, concept)) or Counter()).most_common(1)[0][0]
                for key2 in ((hf, ctype), ("all", ctype)):
                    by_type.setdefault(key2, [0, 0])
                    by_type[key2][0] += 1
                    by_type[key2][1] += ok_form
                if show and not ok_form and hf == "A":
                    notes.append(f"  event {event} {label[a]}: {g['text']!r} ({concept})")
        n_marks = len(naming_marks(entities, arts))
        rows.append(
            [
                f"{event} ({hf})",
                len(main),
                got[0],
                got[1],
                got[1] / got[0] if got[0] else 0.0,
                got[5] / got[4] if got[4] else 0.0,
                got[2] / got[0] if got[0] else 0.0,
                got[3] / got[0] if got[0] else 0.0,
                len(entities),
                len(table_rows),
                n_marks,
            ]
        )
        if hf == "A":  # half B's matches and misses are never printed
            notes.insert(0, f"  event {event} ({hf}): " + "; ".join(matched))
        for group in (f"half {hf}", "all"):
            totals[group] = [x + y for x, y in zip(totals.get(group, [0] * 6), got, strict=True)]
            sizes = [len(main), len(entities), len(table_rows), n_marks]
            counts[group] = [x + y for x, y in zip(counts.get(group, [0] * 4), sizes, strict=True)]
    for group in sorted(totals):
        if group == "all" and len(totals) == 2:
            continue  # one half only: its total is all
        t = totals[group]
        n = t[0] or 1
        c = counts[group]
        rows.append([group, c[0], t[0], t[1], t[1] / n, t[5] / (t[4] or 1), t[2] / n, t[3] / n, c[1], c[2], c[3]])
    type_rows: list[list[object]] = [
        [hf, t, n, k, k / n if n else 0.0]
        for (hf, t), (n, k) in sorted(by_type.items())
        if not (hf == "all" and len(totals) == 2)
    ]
    return rows, type_rows, notes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=5, help="main actors per NewsWCL50 event (default 5)")
    ap.add_argument(
        "--half", choices=("a", "b"), help="NewsWCL50: only the events of half A or B (default both, with totals)"
    )
    ap.add_argument("--show", action="store_true", help="print the errors (NewsWCL50: half A's only)")
    args = ap.parse_args(argv)
    print(f"newsprism {ENTITIES_VERSION}\n")
    shared = shared_dir()
    src = shared / "data" / "newswcl50" if shared else None
    if src is not None and src.is_dir():
        t0 = time.perf_counter()
        rows, type_rows, notes = newswcl50(src, args.actors, args.show, args.half)
        print(
            table(
                f"NewsWCL50: annotated forms of each event's main actors (top {args.actors}) found in the naming table",
                [
                    "event",
                    "actors",
                    "forms",
                    "found",
                    "form recall",
                    "of names",
                    "mention recall",
                    "any entity",
                    "entities",
                    "table rows",
                    "marks",
                ],
                rows,
            )
        )
        print(f"({time.perf_counter() - t0:.1f}s with conversion)\n")
        print(
            table(
                "NewsWCL50 form recall by concept type",
                ["half", "type", "forms", "found", "form recall"],
                type_rows,
            )
        )
        print("half A's main actors -> matched entity" + (" and missed forms" if args.show else "") + ":")
        print("\n".join(notes))
        print()
    else:
        print("NewsWCL50 not found (../shared/data/newswcl50): left out\n")
    rows2 = []
    folders = [REPO / "tests" / "gold" / "dev", REPO / "examples"]
    if src is not None and src.is_dir():
        nwcl = Path(tempfile.mkdtemp(prefix="bench-naming-")) / "newswcl50"
        convert_newswcl50(src, nwcl)
        folders.append(nwcl)
    for folder in folders:
        if args.show:
            print(f"{folder.name}:")
        row, seconds = score_marks(load_gold(folder), args.show and folder.name != "newswcl50")
        rows2.append([*row, round(seconds, 2)])
    print(
        table(
            "naming marks against gold naming spans (score.py overlap rule)",
            ["gold set", "articles", "stories 2+", "predicted", "gold", "precision", "recall", "F1", "seconds"],
            rows2,
        )
    )
    if len(folders) > 2:
        print(
            "(NewsWCL50 annotates every mention of every concept as naming: its precision says how many\n"
            "marks fall on annotated words; its recall is not a measure of the marks)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
