"""``newsprism eval``: run newsprism on a gold set and score it, and the quality gate.

Grouping is scored by running ``group`` over all the articles of the gold set. Cleaning,
body coverage and alignment compare each story with two or more articles: by default the
stories as the gold set groups them (so each task is scored on its own, a grouping error does
not count twice), or with ``end_to_end`` the stories ``group`` found. Quotes and framing are
per-article tasks, scored on every article: those of the compared stories from the
comparison (where quotations were grouped across outlets), every other article (a story of
its own, or a gold set with no story of two or more articles) from a one-article record made
by the same functions ``compare`` uses (:func:`single_articles`).

A task with nothing to score (no articles, or no gold items and no predictions) is reported
as ``{"scored": false, "why": "..."}``, never as a score.

The gate reads a baseline file (``tests/gold/baseline.json``)::

    {"schema": "newsprism.baseline/1",
     "floors": {"<gold-set folder name>": {"alignment.f1": 0.85, "cleaning.f1": 0.95}},
     "lowered": [{"set": "...", "metric": "...", "from": 0.9, "to": 0.85, "why": "..."}]}

A metric below its floor fails the gate, and so does one that was not scored. Raising a floor
is a commit; lowering one needs an entry in ``lowered`` saying why (a test checks that every
floor below its highest recorded value has one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..api import ProgressCallback, compare, group, read
from ..comparison import CompareOptions, with_pile_repeated
from ..entities import ENTITIES_VERSION
from ..errors import GoldSetError, InputError, NewsprismError
from ..framing import FRAMING_VERSION, headline_marks, story_marks
from ..framing_lexicon import FRAMING_LEXICON_VERSION
from ..grouping import GroupOptions
from ..model import RawArticle
from ..numbers import NUMBERS_VERSION
from ..pipeline import prepare_article
from ..quotes import QUOTES_VERSION, story_quotes
from ..text import plural
from .gold import GoldSet, load_gold, validate
from .scoring import is_scored, score_grouping, score_reports

TASKS = ("grouping", "cleaning", "alignment", "quotes", "framing", "figures")


@dataclass(frozen=True)
class EvalResult:
    """Scores of one gold set, plus what could not be run."""

    gold_set: str
    scores: dict[str, Any]
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: one-article records (quotes and framing) of the articles in no compared story, by id
    singles: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": "newsprism.eval/1",
            "gold_set": self.gold_set,
            "scores": self.scores,
            "notes": list(self.notes),
            "errors": list(self.errors),
        }


def evaluate(
    gold_dir: str | Path,
    *,
    tasks: tuple[str, ...] = TASKS,
    options: CompareOptions | None = None,
    group_options: GroupOptions | None = None,
    end_to_end: bool = False,
    check: bool = True,
    on_progress: ProgressCallback | None = None,
) -> EvalResult:
    """Group the articles of a gold set, compare its stories and score the results.
    ``on_progress(stage, done, total)`` is told how far it is (grouping's stages, then
    ``compare`` a story at a time and ``single`` an article at a time)."""
    gold = load_gold(gold_dir)
    if check:
        problems = validate(gold)
        if problems:
            raise GoldSetError(f"{gold.path}: {plural(len(problems), 'problem')} in gold.json, first: {problems[0]}")
    notes: list[str] = []
    wanted: dict[str, Any] = {}
    stories = None
    if "grouping" in tasks or end_to_end:
        grouping = group(
            [gold.files[a] for a in sorted(gold.data["articles"])], options=group_options, on_progress=on_progress
        )
        if "grouping" in tasks:
            wanted["grouping"] = score_grouping(gold, grouping.to_dict())
        if end_to_end:
            stories = {s.id: list(s.articles) for s in grouping.stories}
            notes.append("end to end: the stories compared are those newsprism group found")
    if not [t for t in tasks if t != "grouping"]:
        return EvalResult(gold.name, wanted, tuple(notes))
    reports, errors = compare_stories(gold, options=options, stories=stories, on_progress=on_progress)
    singles: dict[str, dict[str, Any]] = {}
    if "quotes" in tasks or "framing" in tasks:
        singles, single_errors = single_articles(gold, options=options, stories=stories, on_progress=on_progress)
        errors += single_errors
    scores = score_reports(gold, reports.values(), singles.values())
    wanted.update({k: v for k, v in scores.items() if k in ("articles_scored", "articles_missing")})
    for task in tasks:
        if task == "cleaning":
            wanted["cleaning"] = scores["cleaning"]
            wanted["body_coverage"] = scores["body_coverage"]
        elif task in scores:
            wanted[task] = scores[task]
    if "figures" in tasks and is_scored(scores["figures"]):
        notes.append(
            f"figures: the conflicts of {NUMBERS_VERSION} matched by sentence to the written pairs of figures.json "
            "(real: a pair with a disagreement; false alarm: a pair without; unmatched: no pair written there)"
        )
    per_article = [t for t in ("quotes", "framing") if t in tasks]
    if per_article:
        notes.append(
            f"{' and '.join(per_article)}: per-article, every article counts ({scores['articles_scored']} in "
            f"compared stories, {len(singles)} alone)"
        )
        extracted = {
            "quotes": f"quotes by {QUOTES_VERSION}",
            "framing": f"framing by {FRAMING_VERSION} (word lists {FRAMING_LEXICON_VERSION}, scare quotes of "
            f"{QUOTES_VERSION}'s candidates, naming {ENTITIES_VERSION} in stories of two or more articles)",
        }
        notes.append("extracted: " + "; ".join(extracted[t] for t in per_article))
    return EvalResult(gold.name, wanted, tuple(notes), tuple(errors), reports, singles)


def compare_stories(
    gold: GoldSet,
    *,
    options: CompareOptions | None = None,
    stories: dict[str, list[str]] | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[dict[str, dict], list[str]]:
    """The comparison JSON of every story with two or more articles, by story id (the gold
    set's stories unless ``stories`` is given).

    The gold set is one pile: each article is read under its outlet of ``gold.json``, and
    the lines that two articles of one outlet repeat at their edges are the outlet's
    furniture in every story (:func:`newsprism.comparison.with_pile_repeated`), as they are
    for the inputs of one ``compare`` run."""
    reports: dict[str, dict] = {}
    errors: list[str] = []
    arts = gold.data["articles"]
    outlets = {str(gold.files[a]): arts[a]["outlet"] for a in sorted(arts) if arts[a].get("outlet")}
    records, _ = read([gold.files[a] for a in sorted(arts)], outlets=outlets)
    opts = with_pile_repeated(options or CompareOptions(), [r for r in records if isinstance(r, RawArticle)])
    todo = [(story, ids) for story, ids in (stories or gold.stories()).items() if len(ids) >= 2]
    for n, (story, ids) in enumerate(todo):
        if on_progress:
            on_progress("compare", n, len(todo))
        try:
            comparison = compare([gold.files[a] for a in ids], options=opts, outlets=outlets)
        except NewsprismError as exc:
            errors.append(f"story {story}: {exc}")
            continue
        reports[story] = comparison.to_dict()
    if on_progress:
        on_progress("compare", len(todo), len(todo))
    return reports, errors


def single_articles(
    gold: GoldSet,
    *,
    options: CompareOptions | None = None,
    stories: dict[str, list[str]] | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[dict[str, dict], list[str]]:
    """A one-article record of every article in no story of two or more articles (the gold
    set's stories unless ``stories`` is given), by article id: the comparison JSON's
    ``articles``, ``quotes``, ``quote_groups`` and ``framing`` for that article
    alone, made as ``compare`` makes them (cleaned with ``options.clean``, then
    :func:`~newsprism.quotes.story_quotes` and :func:`~newsprism.framing.story_marks`).
    Read under its outlet of ``gold.json`` and cleaned with the pile's repeated lines, as the
    articles of :func:`compare_stories` are: the gold set is one pile."""
    arts = gold.data["articles"]
    outlets = {str(gold.files[a]): arts[a]["outlet"] for a in sorted(arts) if arts[a].get("outlet")}
    pile, _ = read([gold.files[a] for a in sorted(arts)], outlets=outlets)
    opts = with_pile_repeated(options or CompareOptions(), [r for r in pile if isinstance(r, RawArticle)])
    compared = {a for ids in (stories or gold.stories()).values() if len(ids) >= 2 for a in ids}
    records: dict[str, dict] = {}
    errors: list[str] = []
    todo = [a for a in sorted(gold.data["articles"]) if a not in compared]
    for n, art_id in enumerate(todo):
        if on_progress:
            on_progress("single", n, len(todo))
        try:
            raw, problems = read([gold.files[art_id]], outlets=outlets)
            if problems:
                raise problems[0]
            if len(raw) != 1:
                raise InputError(str(gold.files[art_id]), f"holds {len(raw)} articles, not one")
            record = raw[0]
            article = prepare_article(record, clean_options=opts.clean) if isinstance(record, RawArticle) else record
        except NewsprismError as exc:
            errors.append(f"article {art_id}: {exc}")
            continue
        if article.id != art_id:
            article = replace(article, id=art_id)
        quotes, groups, terms, notes = story_quotes([article])
        records[art_id] = {
            "articles": [article.to_dict()],
            "quotes": [q.to_dict() for q in quotes],
            "quote_groups": [g.to_dict() for g in groups],
            "framing": [m.to_dict() for m in story_marks([article], quotes, terms)],
            "headline_framing": [m.to_dict() for m in headline_marks([article])],
            "warnings": notes,
            "algorithms": {"clean": opts.clean.version, "quotes": QUOTES_VERSION, "framing": FRAMING_VERSION},
        }
    if on_progress:
        on_progress("single", len(todo), len(todo))
    return records, errors


def save_reports(result: EvalResult, folder: str | Path) -> list[Path]:
    """Write each story's comparison JSON to ``folder`` (for ``score.py --comparisons``), and
    the one-article record of every article in no compared story to ``folder/articles/``
    (copy those beside the comparisons for ``score.py`` to score quotes and framing on every
    article)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for story, rep in sorted(result.reports.items()):
        p = out / f"{story}.json"
        p.write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(p)
    if result.singles:
        (out / "articles").mkdir(exist_ok=True)
    for art_id, rec in sorted(result.singles.items()):
        p = out / "articles" / f"{art_id}.json"
        p.write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(p)
    return paths


def metric(scores: dict[str, Any], path: str) -> float | None:
    """A score by dotted path (``alignment.f1``), or None when absent or not scored."""
    node: Any = scores
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, (int, float)) else None


def not_scored_why(scores: dict[str, Any], path: str) -> str | None:
    """Why the task on a dotted path was not scored (its ``why``), or None when it was or is absent."""
    node: Any = scores
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        if node.get("scored") is False:
            return str(node.get("why", "nothing to score"))
        if part not in node:
            return None
        node = node[part]
    return None


def load_baseline(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldSetError(f"{p}: cannot read the baseline ({exc})") from None
    if not isinstance(data.get("floors"), dict):
        raise GoldSetError(f"{p}: needs a 'floors' object")
    return data


def gate(result: EvalResult, baseline: dict[str, Any]) -> list[str]:
    """Every floor the result falls below, one line each (empty: the gate passes)."""
    floors = baseline["floors"].get(result.gold_set)
    if floors is None:
        return [f"{result.gold_set}: no floors in the baseline; add them under floors.{result.gold_set}"]
    failures = []
    for name, floor in sorted(floors.items()):
        why = not_scored_why(result.scores, name)
        value = metric(result.scores, name)
        if why is not None:
            failures.append(
                f"{result.gold_set}: {name} was not scored ({why}); a gated metric must be scored (floor {floor})"
            )
        elif value is None:
            failures.append(f"{result.gold_set}: {name} was not measured (floor {floor})")
        elif value < floor:
            failures.append(f"{result.gold_set}: {name} = {value:.4f} is below its floor {floor:.4f}")
    failures.extend(f"{result.gold_set}: {e}" for e in result.errors)
    return failures


def render_result(result: EvalResult) -> str:
    """A short text table of the scores; a task with nothing to score reads "not scored: why"."""
    scores = result.scores
    counts = []
    compared = scores.get("articles_scored")
    if compared is not None:
        counts.append(
            f"{plural(compared, 'article')} compared" if compared else "no story of two or more articles to compare"
        )
    per_article = [t for t in ("quotes", "framing") if isinstance(scores.get(t), dict) and "articles" in scores[t]]
    if per_article:
        counts.append(f"{' and '.join(per_article)} on {plural(scores[per_article[0]]['articles'], 'article')}")
    lines = [f"gold set: {result.gold_set}" + (f" ({'; '.join(counts)})" if counts else "")]
    for key, val in scores.items():
        if not isinstance(val, dict):
            continue
        flat = {k: v for k, v in val.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        counts_text = "  ".join(f"{k}={v}" for k, v in flat.items())
        if val.get("scored") is False:
            why = val.get("why", "nothing to score")
            lines.append(f"  {key:14s} not scored: {why}" + (f"  ({counts_text})" if counts_text else ""))
        else:
            lines.append(f"  {key:14s} {counts_text}")
    lines += [f"  note: {n}" for n in result.notes]
    lines += [f"  error: {e}" for e in result.errors]
    return "\n".join(lines) + "\n"
