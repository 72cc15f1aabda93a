"""newsprism eval: the gold sets validate, the scores agree with shared/eval/score.py, the
gate fails on a deliberately broken aligner, quotes and framing are scored on every article,
and a task with nothing to score is reported as not scored (and fails the gate)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism import AlignOptions, CompareOptions
from newsprism.eval import convert as cv
from newsprism.eval.gold import load_gold, validate
from newsprism.eval.run import evaluate, gate, load_baseline, render_result, save_reports
from newsprism.quotes import QUOTES_VERSION

from .conftest import REPO, SHARED
from .test_convert import make_polnear

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
    for task in ("cleaning", "alignment", "body_coverage"):
        assert result.scores[task] == theirs[task], task
    assert result.scores["articles_missing"] == theirs["articles_missing"]
    # quotes are scored on every article: score.py agrees when the one-article records of the
    # articles in no compared story lie beside the comparisons
    assert result.singles and (tmp_path / "articles").is_dir()
    for p in (tmp_path / "articles").glob("*.json"):
        p.rename(tmp_path / f"single-{p.name}")
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(gold_dir), "--comparisons", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    every = json.loads(res.stdout)
    ours = dict(result.scores["quotes"])
    assert ours.pop("articles") == every["articles_scored"] == len(load_gold(gold_dir).data["articles"])
    assert ours == every["quotes"]
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


# ---------------------------------------------------------------- per-article tasks, nothing to score

ALONE_A = """Harbour board approves new ferry timetable
The harbour board on Monday approved a new ferry timetable for the winter months.
"The new timetable gives every island two crossings a day," board chair Mira Osterlund said.
The "modernisation" will remove one evening crossing from each route.
"""

ALONE_B = """Library extends weekend opening hours
The town library will open on Sundays from next month, the council said.
Head librarian Tomas Brandt said: "Families asked for Sunday hours and we listened to them."
The trial runs until the end of the year.
"""

CALM = """Quiet week at the town hall
The town council met on Tuesday and approved the minutes of its last meeting.
No other business was discussed, and the meeting closed after twenty minutes.
"""


def write_gold(root: Path, articles: dict[str, str], gold: dict) -> Path:
    (root / "articles").mkdir(parents=True)
    for art, text in articles.items():
        (root / "articles" / f"{art}.txt").write_text(text, encoding="utf-8")
    (root / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert validate(load_gold(root)) == []
    return root


def alone_gold_set(root: Path) -> Path:
    """Two articles, each a story of its own, with their quotations marked."""
    return write_gold(
        root,
        {"ferry": ALONE_A, "library": ALONE_B},
        {
            "articles": {"ferry": {"outlet": "A", "story": "s-ferry"}, "library": {"outlet": "B", "story": "s-lib"}},
            "quotes": [
                {
                    "article": "ferry",
                    "text": "The new timetable gives every island two crossings a day,",
                    "speaker": "Mira Osterlund",
                },
                {
                    "article": "library",
                    "text": "Families asked for Sunday hours and we listened to them.",
                    "speaker": "Tomas Brandt",
                },
            ],
            "framing": [{"article": "ferry", "text": '"modernisation"', "type": "scare_quote"}],
        },
    )


def test_single_article_stories_get_quotes_scored(tmp_path: Path) -> None:
    result = evaluate(alone_gold_set(tmp_path / "alone"), tasks=("cleaning", "alignment", "quotes", "framing"))
    quotes = result.scores["quotes"]
    assert (quotes["articles"], quotes["gold"], quotes["predicted"]) == (2, 2, 2)
    assert quotes["f1"] == 1.0 and quotes["speaker_accuracy"] == 1.0
    assert sorted(result.singles) == ["ferry", "library"] and result.reports == {}
    framing = result.scores["framing"]
    assert framing["articles"] == 2 and framing["by_type"]["scare_quote"]["f1"] == 1.0
    assert framing["by_type"]["hedge"]["scored"] is False
    # the story-level tasks have nothing to compare: not scored, never 1.0 or 0.0
    for task in ("cleaning", "body_coverage", "alignment"):
        assert result.scores[task]["scored"] is False
        assert "no articles compared" in result.scores[task]["why"]
        assert "f1" not in result.scores[task]
    text = render_result(result)
    assert "0 articles compared" not in text
    assert "no story of two or more articles to compare; quotes and framing on 2 articles" in text
    assert "alignment      not scored: no articles compared" in text
    assert "not extracted yet" not in text and f"quotes by {QUOTES_VERSION}" in text


def test_articles_alone_are_cleaned_with_the_piles_repeated_lines(tmp_path: Path) -> None:
    """The gold set is one pile: an article in no compared story is read under its outlet and
    cleaned with the lines and labels the outlet's other stories repeat, as compared ones are."""
    from newsprism.eval.run import single_articles

    promo_a = "Sponsored: Harbour Kitchens, fitted in a fortnight"
    promo_b = "Sponsored: Skarv Point Cafe, open every weekend"
    ferry, library = ALONE_A.splitlines(), ALONE_B.splitlines()
    root = write_gold(
        tmp_path / "pile",
        {
            "ferry": "\n".join([*ferry[:2], promo_a, *ferry[2:]]),
            "library": "\n".join([*library[:2], promo_b, *library[2:]]),
        },
        {"articles": {"ferry": {"outlet": "A", "story": "s-ferry"}, "library": {"outlet": "A", "story": "s-lib"}}},
    )
    singles, errors = single_articles(load_gold(root))
    assert errors == []
    assert [a["removed"] for a in singles["ferry"]["articles"]] == [[promo_a]]
    assert [a["removed"] for a in singles["library"]["articles"]] == [[promo_b]]


def test_a_gold_mark_in_the_headline_is_scored_with_headlines(tmp_path: Path) -> None:
    """The contract's ``framing`` holds body marks only, so a gold mark in the headline is
    missed there by any rule; ``with_headlines`` matches it against ``headline_framing``."""
    root = write_gold(
        tmp_path / "head",
        {"ferry": "Board rams through ferry cuts\n" + "\n".join(ALONE_A.splitlines()[1:])},
        {
            "articles": {"ferry": {"outlet": "A", "story": "s-ferry"}},
            "framing": [
                {"article": "ferry", "text": "rams", "type": "loaded"},
                {"article": "ferry", "text": '"modernisation"', "type": "scare_quote"},
            ],
        },
    )
    framing = evaluate(root, tasks=("framing",)).scores["framing"]
    assert framing["recall"] == 0.5 and framing["by_type"]["loaded"]["recall"] == 0.0
    both = framing["with_headlines"]
    assert (both["recall"], both["precision"], both["headline_marks"]) == (1.0, 1.0, 1)
    assert both["by_type"]["loaded"] == 1.0


def test_each_article_is_scored_once(tmp_path: Path) -> None:
    """A story of two is scored from its comparison, a story of one from its own record."""
    root = write_gold(
        tmp_path / "mixed",
        {"ferry": ALONE_A, "ferry2": ALONE_A.replace("Monday", "Tuesday"), "library": ALONE_B},
        {
            "articles": {
                "ferry": {"outlet": "A", "story": "s-ferry"},
                "ferry2": {"outlet": "C", "story": "s-ferry"},
                "library": {"outlet": "B", "story": "s-lib"},
            },
            "quotes": [
                {
                    "article": a,
                    "text": "The new timetable gives every island two crossings a day,",
                    "speaker": "Mira Osterlund",
                }
                for a in ("ferry", "ferry2")
            ]
            + [{"article": "library", "text": "Families asked for Sunday hours and we listened to them."}],
        },
    )
    result = evaluate(root, tasks=("quotes",), options=LEXICAL)
    assert sorted(result.singles) == ["library"] and list(result.reports) == ["s-ferry"]
    assert result.scores["articles_scored"] == 2
    quotes = result.scores["quotes"]
    assert (quotes["articles"], quotes["gold"], quotes["predicted"], quotes["recall"]) == (3, 3, 3, 1.0)
    assert "quotes on 3 articles" in render_result(result)


def test_a_gold_set_without_quotes_does_not_score_them(tmp_path: Path) -> None:
    # marks no quotations at all, though its article has one: quotes are not annotated here
    root = write_gold(tmp_path / "unmarked", {"ferry": ALONE_A}, {"articles": {"ferry": {"outlet": "A", "story": "s"}}})
    quotes = evaluate(root, tasks=("quotes",)).scores["quotes"]
    assert quotes["scored"] is False and "does not annotate quotes" in quotes["why"]
    assert quotes["predicted"] == 1 and "f1" not in quotes
    # nothing marked and nothing found
    root = write_gold(
        tmp_path / "calm", {"calm": CALM}, {"articles": {"calm": {"outlet": "A", "story": "s"}}, "quotes": []}
    )
    result = evaluate(root, tasks=("quotes", "framing"))
    assert result.scores["quotes"] == {
        "scored": False,
        "why": "the gold set marks no quotations at all (it does not annotate quotes); predictions counted, not scored",
        "articles": 1,
        "predicted": 0,
    }
    assert result.scores["framing"]["scored"] is False
    text = render_result(result)
    assert "quotes         not scored: the gold set marks no quotations" in text
    assert "f1=1.0" not in text


def test_gate_fails_on_a_metric_that_was_not_scored(tmp_path: Path) -> None:
    root = write_gold(
        tmp_path / "calm", {"calm": CALM}, {"articles": {"calm": {"outlet": "A", "story": "s"}}, "quotes": []}
    )
    baseline = {"schema": "newsprism.baseline/1", "floors": {"calm": {"quotes.f1": 0.5, "alignment.f1": 0.5}}}
    failures = gate(evaluate(root, tasks=("alignment", "quotes")), baseline)
    assert any(f.startswith("calm: quotes.f1 was not scored (the gold set marks no quotations") for f in failures)
    assert any(f.startswith("calm: alignment.f1 was not scored (no articles compared") for f in failures)
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps(baseline), encoding="utf-8")
    res = subprocess.run(
        [sys.executable, "-m", "newsprism", "eval", str(root), "--task", "quotes", "--gate", str(path)],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 3
    assert "newsprism: gate failed: calm: quotes.f1 was not scored" in res.stderr
    assert "a gated metric must be scored" in res.stderr


def test_polnear_style_sets_score_quotes_on_every_article(tmp_path: Path) -> None:
    """A converted PolNeAR set (one article per story) no longer reads "0 articles compared"
    with quotes scored on nothing."""
    dest = tmp_path / "pn"
    cv.convert_polnear(make_polnear(tmp_path), dest)
    result = evaluate(dest, options=LEXICAL)
    quotes = result.scores["quotes"]
    assert quotes["articles"] == 2 and quotes["gold"] == 2 and quotes["recall"] == 1.0
    assert result.scores["articles_scored"] == 0
    # PolNeAR marks no framing: nothing is scored. "The opposition said the plan was "pure
    # fantasy"" is the opposition's words (PolNeAR annotates it so), no scare quote (framing.v3)
    assert result.scores["framing"]["scored"] is False and result.scores["framing"]["predicted"] == 0
    text = render_result(result)
    assert "0 articles compared" not in text
    assert "quotes and framing on 2 articles" in text
    assert "quotes         precision=" in text
