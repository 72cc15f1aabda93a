"""newsprism eval: the gold sets validate, the scores agree with shared/eval/score.py, and the
gate fails on a deliberately broken aligner."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism import AlignOptions, CompareOptions
from newsprism.eval.gold import load_gold, validate
from newsprism.eval.run import evaluate, gate, load_baseline, save_reports

from .conftest import REPO, SHARED

GOLD_SETS = [REPO / "tests" / "gold" / "dev", REPO / "examples"]
BASELINE = REPO / "tests" / "gold" / "baseline.json"
LEXICAL = CompareOptions(align=AlignOptions(embedder=None))


@pytest.mark.parametrize("path", GOLD_SETS, ids=lambda p: p.name)
def test_gold_sets_are_valid(path: Path) -> None:
    gold = load_gold(path)
    assert validate(gold) == []
    stories = gold.stories()
    assert sum(len(ids) >= 2 for ids in stories.values()) >= (8 if path.name == "dev" else 1)


def test_validator_finds_problems(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("Head\nOne sentence here.\nAdvertisement\n")
    (tmp_path / "articles" / "b.txt").write_text("Head\nAnother sentence.\n")
    gold = {
        "articles": {"a": {"outlet": "A", "story": "s1"}, "b": {"outlet": "B", "story": "s2"}},
        "boilerplate": {"a": ["Advert"]},
        "facts": [{"id": "f1", "mentions": {"a": "One sentence here.", "b": "Missing sentence."}}],
        "quotes": [{"article": "a", "text": "not there", "speaker": None}],
        "framing": [{"article": "b", "text": "Another", "type": "spin"}],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold))
    problems = validate(load_gold(tmp_path))
    assert any("boilerplate.a: not a whole line" in p for p in problems)
    assert any("links articles of different stories" in p for p in problems)
    assert any("sentence not found in b" in p for p in problems)
    assert any("quotes[0]: text not found" in p for p in problems)
    assert any("unknown type 'spin'" in p for p in problems)


def _shared_score():
    path = SHARED / "eval" / "score.py"
    if not path.is_file():
        pytest.skip(f"shared/eval/score.py not found at {path}: cannot cross-check the scores")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_scores_agree_with_shared_score_py(tmp_path: Path) -> None:
    shared = _shared_score()
    gold_dir = GOLD_SETS[0]
    result = evaluate(gold_dir, options=LEXICAL)
    save_reports(result, tmp_path)
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(gold_dir), "--comparisons", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    theirs = json.loads(res.stdout)
    for task in ("cleaning", "alignment", "quotes", "body_coverage"):
        assert result.scores[task] == theirs[task], task
    assert result.scores["articles_missing"] == theirs["articles_missing"]
    assert shared is not None


def test_grouping_scorer_agrees_with_shared_score_py(tmp_path: Path) -> None:
    shared = _shared_score()
    from newsprism.eval.scoring import score_grouping

    gold = load_gold(GOLD_SETS[0])
    ids = sorted(gold.data["articles"])
    guess = {
        "stories": [{"id": "x", "articles": ids[: len(ids) // 2]}, {"id": "y", "articles": ids[len(ids) // 2 : -1]}]
    }
    assert score_grouping(gold, guess) == shared.score_grouping(gold.data, guess)


def test_gate_passes_on_the_shipped_configuration() -> None:
    baseline = load_baseline(BASELINE)
    assert gate(evaluate(GOLD_SETS[1]), baseline) == []


def test_gate_fails_on_a_broken_aligner() -> None:
    broken = CompareOptions(align=AlignOptions(embedder=None, threshold=0.99))
    failures = gate(evaluate(GOLD_SETS[0], options=broken), load_baseline(BASELINE))
    assert any("alignment.f1" in f and "below its floor" in f for f in failures)


def test_gate_cli_exit_code(tmp_path: Path) -> None:
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsprism",
            "eval",
            str(GOLD_SETS[1]),
            "--gate",
            str(BASELINE),
            "--threshold",
            "0.99",
            "--embedder",
            "none",
        ],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 3
    assert "newsprism: gate failed: examples: alignment.f1" in res.stderr


def test_lowered_floors_have_reasons() -> None:
    data = load_baseline(BASELINE)
    for entry in data.get("lowered", []):
        assert entry.get("why"), entry
        assert entry["to"] < entry["from"]
        assert data["floors"][entry["set"]][entry["metric"]] <= entry["to"] + 1e-9
    for gold_set, floors in data["floors"].items():
        highest = data.get("highest", {}).get(gold_set, {})
        for metric, floor in floors.items():
            if floor < highest.get(metric, 0.0):
                assert any(e["set"] == gold_set and e["metric"] == metric for e in data.get("lowered", [])), (
                    f"{gold_set} {metric}: floor below its highest recorded value needs a 'lowered' entry"
                )
