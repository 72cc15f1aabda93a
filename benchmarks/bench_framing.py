"""What framing costs `compare`: the two seeds compared with the framing stages and without,
in the same process, runs alternating.

"Framing" is what the framing issue added to `compare`: the framing marks
(`framing.story_marks`, `attach_facts`), the headlines' marks (`framing.headline_marks`, since
framing.v12), the naming marks among them
(`entities.naming_marks`), the outlet profiles (`framing.outlet_profiles`) and the word-level
contrasts (`contrast.fact_contrasts`). "Framing off" replaces those functions, inside
`newsprism.comparison`, by ones that return nothing (a benchmark toggle only: `compare` has no
such option, and its output is unchanged); "framing and entities off" also drops the story's
entities and naming table (`entities.story_entities`, `naming_table`: the entities issue's
stages, which the naming marks read), for scale. The quotations stay: alignment reads them.
Each embedder is timed with its sentence cache cleared before each run (new articles) and kept
(articles seen before); the modes' runs alternate, so a drift of the machine's speed hits all,
and the median of each is shown.

Target (framing issue): framing adds at most 20% to `compare` of the seeds. A second table
times each stage alone on the same articles (median of the runs), to show where the cost is.

    python benchmarks/bench_framing.py [FILE_A FILE_B] [--repeat 21]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, table

import newsprism.comparison as comparison_module
from newsprism.align import AlignOptions, align_story
from newsprism.api import load_articles
from newsprism.comparison import CompareOptions, compare
from newsprism.contrast import fact_contrasts
from newsprism.embed import get_embedder
from newsprism.entities import naming_marks, naming_table, story_entities
from newsprism.framing import attach_facts, headline_marks, outlet_profiles, story_marks
from newsprism.quotes import shared_sentences, story_quotes

try:
    from newsprism.framing import contrast_marks
except ImportError:  # an older checkout, for a baseline
    contrast_marks = None  # type: ignore[assignment]

#: the framing stages as ``compare`` calls them, and what "off" puts in their place
FRAMING: dict[str, Callable[..., Any]] = {
    "naming_marks": lambda entities, articles, quotes=None: [],
    "story_marks": lambda articles, quotes=(), terms=(), extra=(): [],
    "headline_marks": lambda articles: [],
    "attach_facts": lambda marks, facts, articles: list(marks),
    "outlet_profiles": lambda articles, facts, marks, quotes=(): [],
    "fact_contrasts": lambda *args, **kw: [],
    # framing.v14: loaded marks from the contrasts (absent before: left alone there)
    "contrast_marks": lambda *args, **kw: [],
    "attach_marks": lambda contrasts, marks: list(contrasts),
}
#: and the entities issue's stages
ENTITIES: dict[str, Callable[..., Any]] = {
    "story_entities": lambda articles: [],
    "naming_table": lambda entities, articles: [],
}
MODES: dict[str, dict[str, Callable[..., Any]]] = {
    "on": {},
    "framing off": FRAMING,
    "framing and entities off": FRAMING | ENTITIES,
}


def default_inputs() -> list[Path]:
    shared = shared_dir()
    if shared and (shared / "seeds").is_dir():
        return sorted((shared / "seeds").glob("*.txt"))[:2]
    print("no ../shared/seeds: timing the first two bundled examples (not the target's input)", file=sys.stderr)
    return sorted((REPO / "examples" / "articles").glob("*.txt"))[:2]


@contextmanager
def replaced(stages: dict[str, Callable[..., Any]]) -> Iterator[None]:
    saved = {name: getattr(comparison_module, name) for name in stages if hasattr(comparison_module, name)}
    try:
        for name in saved:
            setattr(comparison_module, name, stages[name])
        yield
    finally:
        for name, fn in saved.items():
            setattr(comparison_module, name, fn)


def once(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=21, help="runs of each mode (default 21)")
    args = ap.parse_args()
    paths = [Path(p) for p in args.files] or default_inputs()
    articles, _ = load_articles(paths)
    words = [len(a.text.split()) for a in articles]
    print(f"input: {', '.join(p.name for p in paths)} ({words} words)\n")

    on = compare(articles)
    with replaced(FRAMING):
        off = compare(articles)
    # the toggle removes framing only
    assert on.framing and not off.framing and on.facts == off.facts and on.entities == off.entities
    rows = []
    for embedder in ("wordllama", None):
        opts = CompareOptions(align=AlignOptions(embedder=embedder))
        caches = ("cleared", "kept") if embedder else ("-",)
        for cache in caches:
            emb = get_embedder(embedder) if embedder else None

            def run(opts: CompareOptions = opts, emb: Any = emb, cache: str = cache) -> None:
                if emb is not None and cache == "cleared":
                    emb.clear()
                compare(articles, options=opts)

            run()
            times: dict[str, list[float]] = {mode: [] for mode in MODES}
            for _ in range(args.repeat):
                for mode, stages in MODES.items():
                    with replaced(stages):
                        times[mode].append(once(run))
            med = {mode: statistics.median(t) for mode, t in times.items()}
            full, base = med["on"], med["framing off"]
            rows.append(
                [
                    embedder or "none (word overlap)",
                    cache,
                    med["framing and entities off"] * 1000,
                    base * 1000,
                    full * 1000,
                    f"{full / base:.3f}",
                    f"{full / base - 1:+.1%}",
                ]
            )
    print(
        table(
            f"compare of the seeds (median of {args.repeat} alternating runs per mode; framing target: at most +20%)",
            [
                "embedder",
                "sentence cache",
                "framing+entities off ms",
                "framing off ms",
                "on ms",
                "on / framing off",
                "framing adds",
            ],
            rows,
        )
    )

    # each stage alone, on the articles as compare prepares them
    quotes, _, terms, _ = story_quotes(articles)
    facts, _ = align_story(articles, options=AlignOptions(), shared_quotes=shared_sentences(quotes))
    entities = story_entities(articles)
    naming = naming_marks(entities, articles, quotes)
    marks = attach_facts(story_marks(articles, quotes, terms, naming), facts, articles)
    stages: list[tuple[str, Callable[[], object]]] = [
        ("entities.story_entities", lambda: story_entities(articles)),
        ("entities.naming_table", lambda: naming_table(entities, articles)),
        ("entities.naming_marks", lambda: naming_marks(entities, articles, quotes)),
        ("framing.story_marks", lambda: story_marks(articles, quotes, terms, naming)),
        ("framing.headline_marks", lambda: headline_marks(articles)),
        ("framing.attach_facts", lambda: attach_facts(marks, facts, articles)),
        ("framing.outlet_profiles", lambda: outlet_profiles(articles, facts, marks, quotes)),
        ("contrast.fact_contrasts", lambda: fact_contrasts(facts, articles, marks, entities)),
    ]
    if contrast_marks is not None:  # framing.v14 (absent in an older checkout)
        contrasts = fact_contrasts(facts, articles, (), entities)
        stages.append(("framing.contrast_marks", lambda: contrast_marks(contrasts, articles, marks, quotes, facts)))
    rows = []
    total = 0.0
    for name, fn in stages:
        med = statistics.median(once(fn) for _ in range(args.repeat))
        total += med
        rows.append([name, med * 1000])
    framing = sum(r[1] for r in rows if r[0] not in ("entities.story_entities", "entities.naming_table"))
    rows.append(["framing stages (all but story_entities, naming_table)", framing])
    rows.append(["all of them", total * 1000])
    print()
    print(table("each framing stage alone (median ms)", ["stage", "ms"], rows))


if __name__ == "__main__":
    main()
