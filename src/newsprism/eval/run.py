"""``newsprism eval``: run newsprism on a gold set and score it, and the quality gate.

Grouping is scored by running ``group`` over all the articles of the gold set. The other
tasks compare each story with two or more articles: by default the stories as the gold set
groups them (so each task is scored on its own, a grouping error does not count twice), or
with ``end_to_end`` the stories ``group`` found.

The gate reads a baseline file (``tests/gold/baseline.json``)::

    {"schema": "newsprism.baseline/1",
     "floors": {"<gold-set folder name>": {"alignment.f1": 0.85, "cleaning.f1": 0.95}},
     "lowered": [{"set": "...", "metric": "...", "from": 0.9, "to": 0.85, "why": "..."}]}

A metric below its floor fails the gate. Raising a floor is a commit; lowering one needs an
entry in ``lowered`` saying why (a test checks that every floor below its highest recorded
value has one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..api import compare, group
from ..comparison import CompareOptions
from ..errors import GoldSetError, NewsprismError
from ..grouping import GroupOptions
from .gold import GoldSet, load_gold, validate
from .scoring import score_grouping, score_reports

TASKS = ("grouping", "cleaning", "alignment", "quotes", "framing")


@dataclass(frozen=True)
class EvalResult:
    """Scores of one gold set, plus what could not be run."""

    gold_set: str
    scores: dict[str, Any]
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)

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
) -> EvalResult:
    """Group the articles of a gold set, compare its stories and score the results."""
    gold = load_gold(gold_dir)
    if check:
        problems = validate(gold)
        if problems:
            raise GoldSetError(f"{gold.path}: {len(problems)} problems in gold.json, first: {problems[0]}")
    notes: list[str] = []
    wanted: dict[str, Any] = {}
    stories = None
    if "grouping" in tasks or end_to_end:
        grouping = group([gold.files[a] for a in sorted(gold.data["articles"])], options=group_options)
        if "grouping" in tasks:
            wanted["grouping"] = score_grouping(gold, grouping.to_dict())
        if end_to_end:
            stories = {s.id: list(s.articles) for s in grouping.stories}
            notes.append("end to end: the stories compared are those newsprism group found")
    if not [t for t in tasks if t != "grouping"]:
        return EvalResult(gold.name, wanted, tuple(notes))
    reports, errors = compare_stories(gold, options=options, stories=stories)
    scores = score_reports(gold, reports.values())
    wanted.update({k: v for k, v in scores.items() if k in ("articles_scored", "articles_missing")})
    for task in tasks:
        if task == "cleaning":
            wanted["cleaning"] = scores["cleaning"]
            wanted["body_coverage"] = scores["body_coverage"]
        elif task in scores:
            wanted[task] = scores[task]
    if "quotes" in tasks or "framing" in tasks:
        notes.append("quotes and framing: not extracted yet (their issues come later); scores show recall 0")
    return EvalResult(gold.name, wanted, tuple(notes), tuple(errors), reports)


def compare_stories(
    gold: GoldSet, *, options: CompareOptions | None = None, stories: dict[str, list[str]] | None = None
) -> tuple[dict[str, dict], list[str]]:
    """The comparison JSON of every story with two or more articles, by story id (the gold
    set's stories unless ``stories`` is given)."""
    reports: dict[str, dict] = {}
    errors: list[str] = []
    for story, ids in (stories or gold.stories()).items():
        if len(ids) < 2:
            continue
        try:
            comparison = compare([gold.files[a] for a in ids], options=options)
        except NewsprismError as exc:
            errors.append(f"story {story}: {exc}")
            continue
        reports[story] = comparison.to_dict()
    return reports, errors


def save_reports(result: EvalResult, folder: str | Path) -> list[Path]:
    """Write each story's comparison JSON to ``folder`` (for ``score.py --comparisons``)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for story, rep in sorted(result.reports.items()):
        p = out / f"{story}.json"
        p.write_text(json.dumps(rep, ensure_ascii=False, indent=1), encoding="utf-8")
        paths.append(p)
    return paths


def metric(scores: dict[str, Any], path: str) -> float | None:
    """A score by dotted path (``alignment.f1``), or None when absent."""
    node: Any = scores
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, (int, float)) else None


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
        value = metric(result.scores, name)
        if value is None:
            failures.append(f"{result.gold_set}: {name} was not measured (floor {floor})")
        elif value < floor:
            failures.append(f"{result.gold_set}: {name} = {value:.4f} is below its floor {floor:.4f}")
    failures.extend(f"{result.gold_set}: {e}" for e in result.errors)
    return failures


def render_result(result: EvalResult) -> str:
    """A short text table of the scores."""
    scored = result.scores.get("articles_scored")
    lines = [f"gold set: {result.gold_set}" + (f" ({scored} articles compared)" if scored is not None else "")]
    for key, val in result.scores.items():
        if not isinstance(val, dict):
            continue
        flat = {k: v for k, v in val.items() if isinstance(v, (int, float))}
        lines.append(f"  {key:14s} " + "  ".join(f"{k}={v}" for k, v in flat.items()))
    lines += [f"  note: {n}" for n in result.notes]
    lines += [f"  error: {e}" for e in result.errors]
    return "\n".join(lines) + "\n"
