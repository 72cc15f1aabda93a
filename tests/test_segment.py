from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.segment import sentences


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
