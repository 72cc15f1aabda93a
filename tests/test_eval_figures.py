"""The ``figures`` task of ``newsprism eval``: the disagreements a comparison reports
(``numbers.conflicts``) matched by sentence to a written part's pairs of figures
(``figures.json``). Every article here is written for this test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprism import AlignOptions, CompareOptions
from newsprism.errors import GoldSetError
from newsprism.eval.gold import load_gold, validate
from newsprism.eval.run import evaluate, render_result

from .conftest import REPO

LEXICAL = CompareOptions(align=AlignOptions(embedder=None))

A = (
    "Fire at Eastmere boatyard\n"
    "Twelve people were hurt when a fire swept through the Eastmere boatyard on Tuesday night.\n"
    "The harbour board said the slipway would stay shut for three weeks.\n"
    "Firefighters from four stations fought the blaze for six hours.\n"
)
B = (
    "Boatyard blaze in Eastmere\n"
    "At least 15 people were hurt when a fire swept through the Eastmere boatyard on Tuesday night.\n"
    "The harbour board said the slipway would stay shut for about three weeks.\n"
    "Firefighters from seven stations fought the blaze for six hours.\n"
)


def _pair(n: int, conflict: bool, figures: tuple[str, str]) -> dict:
    a, b = A.splitlines()[n], B.splitlines()[n]
    return {"story": "s1", "articles": ["a", "b"], "sentences": [a, b], "figures": list(figures), "conflict": conflict}


def _gold(folder: Path, pairs: list[dict] | None) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a.txt").write_text(A, encoding="utf-8")
    (folder / "articles" / "b.txt").write_text(B, encoding="utf-8")
    gold = {"articles": {"a": {"outlet": "Ledger", "story": "s1"}, "b": {"outlet": "Post", "story": "s1"}}}
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if pairs is not None:
        (folder / "figures.json").write_text(json.dumps(pairs), encoding="utf-8")
    return folder


def test_conflicts_are_matched_to_the_written_pairs_by_sentence(tmp_path: Path) -> None:
    pairs = [
        _pair(1, True, ("Twelve", "At least 15")),  # reported: real
        _pair(3, False, ("four stations", "seven stations")),  # reported: a false alarm on a written pair
        _pair(2, True, ("three weeks", "about three weeks")),  # written as real here, not reported: missed
    ]
    figures = evaluate(_gold(tmp_path / "g", pairs), tasks=("figures",), options=LEXICAL).scores["figures"]
    assert figures == {
        "reported": 2,
        "real": 1,
        "false_alarm": 1,
        "unmatched": 0,
        "real_pairs": 2,
        "real_found": 1,
        "real_pairs_not_compared": 0,
        "pairs": 3,
        "precision": 0.5,
        "recall": 0.5,
    }
    # without a pair on the stations' sentences, that conflict is unmatched: neither right nor wrong
    figures = evaluate(_gold(tmp_path / "h", pairs[:1]), tasks=("figures",), options=LEXICAL).scores["figures"]
    assert (figures["reported"], figures["real"], figures["false_alarm"], figures["unmatched"]) == (2, 1, 0, 1)
    assert (figures["real_found"], figures["real_pairs"], figures["recall"]) == (1, 1, 1.0)


def test_a_set_without_figures_json_does_not_score_figures(tmp_path: Path) -> None:
    result = evaluate(_gold(tmp_path / "g", None), tasks=("figures",), options=LEXICAL)
    assert result.scores["figures"]["scored"] is False
    assert "no figures.json" in result.scores["figures"]["why"]
    assert "figures        not scored: the gold set has no figures.json" in render_result(result)


def test_the_validator_reads_figures_json(tmp_path: Path) -> None:
    bad = [
        _pair(1, True, ("Twelve", "At least 15")),
        {**_pair(1, True, ("x", "y")), "sentences": ["A sentence no article holds.", B.splitlines()[1]]},
        {**_pair(1, True, ("x", "y")), "articles": ["a", "zz"]},
        {**_pair(1, True, ("x", "y")), "conflict": "yes"},
        {"story": "s1", "articles": ["a"]},
    ]
    problems = validate(load_gold(_gold(tmp_path / "g", bad)))
    assert problems == [
        "figures[1]: sentence not found in a: 'A sentence no article holds.'",
        "figures[2]: unknown article zz",
        "figures[3]: 'conflict' must be true or false",
        "figures[4]: needs two articles and their two sentences",
    ]
    (tmp_path / "g" / "figures.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldSetError, match=r"figures\.json: not valid JSON"):
        validate(load_gold(tmp_path / "g"))


def test_figures_of_part_i() -> None:
    """Held-out part I (40 written pairs, 7 real disagreements), numbers.v5 and v6 with the default
    embedder: 2 conflicts reported, both real; 2 of the 7 real pairs found (numbers.v3 and v4: 4
    reported, 2 of them on pairs written as no disagreement). A change of these numbers is a
    change of the figures' quality: say it in the CHANGELOG and the README."""
    part = REPO / "tests" / "gold" / "heldout-i"
    assert validate(load_gold(part)) == []
    figures = evaluate(part, tasks=("figures",)).scores["figures"]
    assert {k: figures[k] for k in ("reported", "real", "false_alarm", "unmatched", "real_found", "real_pairs")} == {
        "reported": 2,
        "real": 2,
        "false_alarm": 0,
        "unmatched": 0,
        "real_found": 2,
        "real_pairs": 7,
    }
    assert figures["pairs"] == 40 and figures["real_pairs_not_compared"] == 0
