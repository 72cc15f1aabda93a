from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.model import Sentence
from newsprism.segment import sentences, with_roles


def test_quotes_and_abbreviations() -> None:
    text = (
        '"The crew acted quickly. Nobody was left on board," Dr. Lena Virtanen of the U.S. Coast Guard said. '
        'The firm, Baltic Link Inc., fell 2.5% on Jan. 3.\nSecond paragraph here. And another "quoted." One'
    )
    got = [s.text for s in sentences(text)]
    assert got == [
        '"The crew acted quickly. Nobody was left on board," Dr. Lena Virtanen of the U.S. Coast Guard said.',
        "The firm, Baltic Link Inc., fell 2.5% on Jan. 3.",
        "Second paragraph here.",
        'And another "quoted."',
        "One",
    ]


def test_offsets_point_at_the_text() -> None:
    text = "One sentence. Two sentences!\n\nA heading\nLast one?"
    for i, s in enumerate(sentences(text)):
        assert s.index == i
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=6))
def test_sentences_never_leave_their_text(paragraphs: list[str]) -> None:
    text = "\n".join(paragraphs)
    spans = sentences(text)
    last = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last
        assert text[s.start : s.end] == s.text
        assert "\n" not in s.text
        last = s.end


# --- abbreviations (abbreviations.tsv, sentence-openers.tsv): texts written for these tests ---

SPLITS = [
    # (paragraph, expected sentences)
    (
        "The mayor thanked Ms. Okafor for her work. Then he left.",
        ["The mayor thanked Ms. Okafor for her work.", "Then he left."],
    ),
    ("Asked about it, Ms. Brandt's aide said nothing.", ["Asked about it, Ms. Brandt's aide said nothing."]),
    (
        "In 2010, then-Sen. Ada Lowe voted against it. Critics noticed.",
        ["In 2010, then-Sen. Ada Lowe voted against it.", "Critics noticed."],
    ),
    ('"Mr. Holm knew," she said.', ['"Mr. Holm knew," she said.']),
    (
        "Sen. Ira Cole, R-S.C., objected. Rep. Jo Park, D-N.Y., agreed.",
        ["Sen. Ira Cole, R-S.C., objected.", "Rep. Jo Park, D-N.Y., agreed."],
    ),
    ("The team is ranked No. 2 in the league.", ["The team is ranked No. 2 in the league."]),
    ("Was he wrong? No. He was early.", ["Was he wrong?", "No.", "He was early."]),
    ("He lives in the U.S. He works in Ohio.", ["He lives in the U.S.", "He works in Ohio."]),
    ("The U.S. Coast Guard found the boat.", ["The U.S. Coast Guard found the boat."]),
    ("Some say “U.S. and Arvian forces are close.", ["Some say “U.S. and Arvian forces are close."]),
    (
        "The street honours Ellis Grant Jr. The plaque is new.",
        ["The street honours Ellis Grant Jr.", "The plaque is new."],
    ),
    ("It was written by John Q. Public in 1990.", ["It was written by John Q. Public in 1990."]),
    (
        "Dr. Mira Sol and Gov. Tam Reyes met. MS. Lee did not.",
        ["Dr. Mira Sol and Gov. Tam Reyes met.", "MS.", "Lee did not."],
    ),
]


@pytest.mark.parametrize(("paragraph", "expected"), SPLITS)
def test_abbreviations_do_not_end_sentences(paragraph: str, expected: list[str]) -> None:
    got = sentences(paragraph)
    assert [s.text for s in got] == expected
    assert all(s.role == "body" for s in got)


# --- roles ---

DECK = "Villagers fear the worst as the river rises"
LEDE = "Floodwater reached the village of Orsk on Monday, forcing 200 people from their homes."
MORE = "The river rose two metres overnight after a week of rain."
LAST = "Crews expect the water to fall by Thursday."

ROLES = [
    # (paragraphs, roles per paragraph), a paragraph of one sentence each
    ([DECK, LEDE, MORE, LAST], ["standfirst", "body", "body", "body"]),
    # a summary that the first body sentence repeats and expands
    (
        [
            "Floodwater forced 200 people in Orsk from their homes.",
            "Floodwater forced 200 people in the village of Orsk from their homes on Monday, officials said.",
            MORE,
        ],
        ["standfirst", "body", "body"],
    ),
    # a one-sentence lede the next paragraph only continues: body
    ([LEDE, MORE, LAST], ["body", "body", "body"]),
    # crossheads between paragraphs
    ([LEDE, "Rising water", MORE, "What comes next", LAST], ["body", "crosshead", "body", "crosshead", "body"]),
    # not crossheads: a question, final punctuation, too long, lower case, the last line
    ([LEDE, "What happens now?", MORE, "Water.", LAST], ["body"] * 5),
    ([LEDE, "The officials who met on Monday did not agree on the plan", LAST], ["body"] * 3),
    ([LEDE, "and then the water came", LAST], ["body"] * 3),
    ([LEDE, MORE, "Rising water"], ["body"] * 3),
    # one paragraph: nothing but body, even a deck
    ([DECK], ["body"]),
    # a deck longer than a standfirst can be is body
    ([" ".join(["word"] * 41), LEDE], ["body", "body"]),
]


@pytest.mark.parametrize(("paragraphs", "roles"), ROLES)
def test_roles(paragraphs: list[str], roles: list[str]) -> None:
    text = "\n".join(paragraphs)
    got = sentences(text)
    assert [s.text for s in got] == paragraphs
    assert [s.role for s in got] == roles


def test_a_deck_of_several_sentences_is_one_standfirst() -> None:
    text = "\n".join(["Rain again. Villagers fear the worst", LEDE, MORE])
    assert [s.role for s in sentences(text)] == ["standfirst", "standfirst", "body", "body"]


def test_roles_travel_in_json() -> None:
    text = "\n".join([DECK, LEDE, "Rising water", MORE])
    got = sentences(text)
    assert [s.to_dict().get("role") for s in got] == ["standfirst", None, "crosshead", None]


def test_roles_from_stored_offsets() -> None:
    text = "\n".join([DECK, LEDE, "Rising water", MORE + " " + LAST])
    found = sentences(text)
    bare = [Sentence(s.index, s.span, s.text) for s in found]
    assert with_roles(text, bare) == found


def test_a_text_cut_off_in_its_last_sentence_ends_in_a_truncated_one() -> None:
    found = sentences("The council met on Monday.\nIt voted to close the library, and the mayor said that the...")
    assert [s.role for s in found] == ["body", "truncated"]
    assert [s.role for s in sentences("The council met.\nThe mayor said the vote would come soon…")] == [
        "body",
        "truncated",
    ]


def test_an_ellipsis_that_is_no_cut_stays_body() -> None:
    # inside a quotation, mid-text, or the only sentence: nothing to tell a cut from a style
    assert [s.role for s in sentences('The council met.\nHe said "we will see..."')] == ["body", "body"]
    assert {s.role for s in sentences("The vote... was close. It passed.")} == {"body"}
    assert [s.role for s in sentences("The vote was close...")] == ["body"]
    assert [s.role for s in sentences("The council met.\nIt passed.")] == ["body", "body"]


def test_stored_sentences_get_the_truncated_role_back() -> None:
    text = "The council met on Monday.\nThe mayor said that the..."
    plain = tuple(Sentence(s.index, s.span, s.text) for s in sentences(text))
    assert [s.role for s in with_roles(text, plain)] == ["body", "truncated"]
