"""Table-driven cases for the small text utilities: words, spelling folds, the stemmer, overlap
terms and quotation spans."""

from __future__ import annotations

import pytest

from newsprism.text import fold_spelling, number_words, quote_spans, stem, stopwords, terms, word_list, words


def test_words_keep_offsets_and_fold_apostrophes() -> None:
    assert words("Kessel’s dam, 1,200 m") == [(0, 8, "kessel's"), (9, 12, "dam"), (14, 19, "1,200"), (20, 21, "m")]
    assert word_list("Kessel’s dam, 1,200 m") == ["kessel's", "dam", "1,200", "m"]


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("behaviour", "behavior"),
        ("defence", "defense"),
        ("modernise", "modernize"),
        ("organisations", "organizations"),
        ("analyse", "analyze"),
        ("centre", "center"),
        ("catalogue", "catalog"),
        # not folded: exceptions, short words, other endings
        ("hour", "hour"),
        ("promise", "promise"),
        ("licence", "licence"),
        ("since", "since"),
        ("tour", "tour"),
        ("colour", "color"),
        ("dam", "dam"),
        ("harbour", "harbor"),
        ("reports", "reports"),
    ],
)
def test_fold_spelling(word: str, folded: str) -> None:
    assert fold_spelling(word) == folded


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [
        ("concerns", "concern"),
        ("increased", "increas"),
        ("increasing", "increas"),
        ("planned", "plan"),
        ("countries", "country"),
        ("minister's", "minister"),
        ("modernisation", "modernizat"),
        ("2027", "2027"),
        ("gas", "gas"),
        ("class", "class"),
    ],
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The coastguard said 212 passengers were evacuated", ["coastguard", "#212", "passenger", "evacuat"]),
        ("according to officials, twelve were hurt", ["official", "#12", "hurt"]),
        ("officials told reporters", ["official", "reporter"]),
        ("officials claimed it", ["official", "claim"]),
        ("one of two million", ["#2", "million"]),
        ("Mr Virtanen added", ["virtanen"]),
        ("1,200 firefighters", ["#1200", "firefighter"]),
    ],
)
def test_terms(sentence: str, expected: list[str]) -> None:
    assert terms(sentence) == expected


def test_tables_are_loaded_once() -> None:
    assert stopwords() is stopwords()
    assert number_words() is number_words()
    assert number_words()["twelve"] == 12 and number_words()["billion"] == 10**9


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ('He said "we will rebuild" today.', [(8, 25)]),
        ("“One” and “two”", [(0, 5), (10, 15)]),
        ('an unpaired " mark', []),
        ('"A quotation that runs on\n"and ends here."', [(0, 25), (26, 42)]),
        ("no quotes", []),
    ],
)
def test_quote_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert quote_spans(text) == spans
