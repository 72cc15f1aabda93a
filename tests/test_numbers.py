from __future__ import annotations

import pytest

from newsprism.model import Fact, FactMember
from newsprism.numbers import conflicts, quantities_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 11 people were killed.", [("At least 11", "count", 11.0, "people", "at least")]),
        ("12 dead", [("12", "count", 12.0, "dead", None)]),
        ("to 2 per cent of GDP", [("2 per cent", "percent", 2.0, None, None)]),
        ("two percent", [("two percent", "percent", 2.0, None, None)]),
        ("fell 2.5% on", [("2.5%", "percent", 2.5, None, None)]),
        ("a $1.2 billion deal", [("$1.2 billion", "money", 1.2e9, "USD", None)]),
        ("1.2bn dollars in aid", [("1.2bn dollars", "money", 1.2e9, "USD", None)]),
        ("more than 30 billion yen", [("more than 30 billion yen", "money", 3e10, "JPY", "more than")]),
        ("roughly €1.5m", [("€1.5m", "money", 1.5e6, "EUR", "roughly")]),
        ("by fiscal 2027", [("2027", "year", 2027.0, None, None)]),
        ("on 3 March", [("3 March", "date", 303.0, None, None)]),
        ("Twenty-five firefighters", [("Twenty-five", "count", 25.0, "firefighters", None)]),
        ("one of the", []),
        ("the 12th floor", []),
    ],
)
def test_quantities(text: str, expected: list[tuple]) -> None:
    got = [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in quantities_in(text)]
    assert got == expected


def test_offsets_shift_with_the_sentence() -> None:
    [q] = quantities_in("cost 4.2 million dollars", offset=100)
    assert (q.start, q.end) == (105, 124)


def _conflicts(a: str, b: str) -> list[tuple[str, list[str]]]:
    qs = quantities_in(a, article="a") + quantities_in(b, article="b")
    fact = Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all")
    return [(c.kind, [q.text for q in c.quantities]) for c in conflicts([fact], qs)]


def test_disagreeing_counts_are_listed() -> None:
    assert _conflicts("12 dead after the storm", "at least 11 dead after the storm") == [
        ("count", ["12", "at least 11"])
    ]


def test_agreeing_notations_are_not() -> None:
    assert (
        _conflicts("raise spending to 2 per cent of GDP by fiscal 2027", "raise spending to two percent of GDP by 2027")
        == []
    )
    assert _conflicts("repairs cost $1.2 billion", "repairs cost 1.2bn dollars") == []
    assert _conflicts("on January 31", "on 31 Jan.") == []


def test_different_units_are_not_compared() -> None:
    assert _conflicts("500 missiles and 12 ships", "40 planes and 12 ships") == []


def test_single_mention_facts_have_no_conflicts() -> None:
    qs = quantities_in("12 dead", article="a")
    assert conflicts([Fact("f1", (FactMember("a", 0),), "one")], qs) == []
