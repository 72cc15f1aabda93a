"""Table-driven cases for the small text utilities: words, spelling folds, the stemmer, overlap
terms and quotation spans."""

from __future__ import annotations

import itertools

import pytest

from newsprism.text import (
    fold_spelling,
    number_words,
    quote_spans,
    stem,
    stopwords,
    terms,
    word_count,
    word_list,
    words,
)


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


# each case: the text and the quoted strings quote_spans finds in it (marks included)
QUOTE_CASES = [
    # plain pairs, straight and curly
    ('He said "we will rebuild" today.', ['"we will rebuild"']),
    ("“One” and “two”", ["“One”", "“two”"]),
    ("no quotes", []),
    ("", []),
    # the newspaper convention: each paragraph reopened, closed only at the last
    ('"A quotation that runs on\n"and ends here."', ['"A quotation that runs on', '"and ends here."']),
    ("“First part.\n“Second part.\n“Last part,” he said.", ["“First part.", "“Second part.", "“Last part,”"]),
    # 1. an opening mark left open mid-paragraph runs to the end of that paragraph
    ("The mayor spoke. “We start on Monday.  \nNothing more was said.", ["“We start on Monday."]),
    ('Ferry staff said: "Delays are likely', ['"Delays are likely']),
    # 2. the next paragraph, with no opening mark of its own, is quoted up to its closing mark
    (
        "Orla Finn told them, “The harbour is safe.\nWe checked every pier.” The council agreed.",
        ["“The harbour is safe.", "We checked every pier.”"],
    ),
    # ... across blank lines, with a title nested inside it
    (
        "He wrote: “The plan is sound.\n\nAs “Tide Weekly” put it, the piers hold.” Then he left.",
        ["“The plan is sound.", "As “Tide Weekly” put it, the piers hold.”"],
    ),
    # ... but not when it has no closing mark (narration after a quotation never closed)
    ("She said “we will see.\nThe vote is on Friday.", ["“we will see."]),
    # ... and a paragraph with no mark at all ends the carried quotation: a closing mark in the
    # paragraph after it is a stray one
    ("“Open\nplain line\nlater” he said.", ["“Open"]),
    # ... nor when it reopens with a mark of its own; a quote inside narration is still found
    ("Kai said “soon.\nThe board called it “a delay” and moved on.", ["“soon.", "“a delay”"]),
    # ... and a paragraph not after an open one is never quoted from its start
    ("No quote here.\nThe ferry left.” He waved.", []),
    # 3. direction: curly marks by the way they face, nested marks stay inside the outer span
    ("Tomas said “the report called it “a failure” twice” on Monday.", ["“the report called it “a failure” twice”"]),
    ("“He called it ‘a disaster’ today,” she said.", ["“He called it ‘a disaster’ today,”"]),
    # ... (a limit: straight marks do not nest in straight marks, the second one closes)
    ('She said "the "Harbour Act" is dead" later.', ['"the "']),
    ('He said "the “Harbour Act” is dead" later.', ['"the “Harbour Act” is dead"']),
    ("“Yes, a “yes.””", ["“Yes, a “yes.””"]),
    # ... a backwards-typed mark: ” opening a paragraph, “ closing one, ” after a space before a word
    ("”Fear. That is what I feel.” ― a reader", ["”Fear. That is what I feel.”"]),
    ("“We are ready to sail.“\nThe crew nodded.", ["“We are ready to sail.“"]),
    ("its “safety,” ”and its cost” were debated", ["“safety,”", "”and its cost”"]),
    # ... straight marks read by their surroundings: a closing one before an opening one
    ('a review of [the] figures" and the "final count" was due', ['"final count"']),
    ('He said, "We are ready," and "We will go."', ['"We are ready,"', '"We will go."']),
    ('She said: " We are ready. " Then she left.', ['" We are ready. "']),
    ('"We will rebuild, " the mayor said.', ['"We will rebuild, "']),
    # negative cases: inch marks, a stray straight mark, apostrophes, single marks alone
    ("He is 5'11\" tall and weighs 80 kilos.", []),
    ('an unpaired " mark', []),
    ('a closing mark" with nothing open', []),
    ("The boaters' rights and Orla’s plan", []),
    ("The 'so-called' plan and ‘another’ one", []),
    ("“He is 6'3\" tall,” the coach said.", ["“He is 6'3\" tall,”"]),
    ('The tally was "exactly 12" by noon.', ['"exactly 12"']),
]


@pytest.mark.parametrize(("text", "quoted"), QUOTE_CASES)
def test_quote_spans(text: str, quoted: list[str]) -> None:
    spans = quote_spans(text)
    assert [text[s:e] for s, e in spans] == quoted
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # in order, non-overlapping


def test_quote_spans_offsets() -> None:
    assert quote_spans('He said "we will rebuild" today.') == [(8, 25)]
    assert quote_spans("x\n“a b\nc d” e") == [(2, 6), (7, 11)]


@pytest.mark.parametrize(
    "text",
    ['"' * 10_000, "“" * 10_000, "”" * 10_000, '“a "b ”c " ' * 2_000, ("“open\n" * 3_000) + "close”"],
)
def test_quote_spans_bad_input_stays_within_paragraphs(text: str) -> None:
    spans = quote_spans(text)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert all(0 <= s < e <= len(text) for s, e in spans)
    longest = max((e - s for s, e in spans), default=0)
    assert longest <= max(len(p) for p in text.split("\n"))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The council said it would rebuild.",
        "Don't, won't; rock'n'roll 'quoted' o'clock",
        "Figures: 3,400.5 people, 1.2.3, 12am, a3b4, 7,up 2.x .5 5.",
        "Curly ’apostrophes’ don’t split, “quotes” — dashes… and ½ or ٣ digits",
        "Café owners in Zürich said İstanbul",  # letters outside ASCII: counted by WORD
        "snake_case and tabs\tand\x1cseparators\nlines",
        "KELVIN \u212a sign and a 'lone' apostrophe '",
    ],
)
def test_word_count_is_the_length_of_word_list(text: str) -> None:
    assert word_count(text) == len(word_list(text))
