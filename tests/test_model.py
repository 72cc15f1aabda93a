"""The records: one span type, validation of fixed sets, and an exact round trip of a
``Comparison`` through its JSON (property test with hypothesis)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism.model import (
    FRAMING_TYPES,
    QUOTE_VARIANTS,
    SENTENCE_ROLES,
    Article,
    Comparison,
    Entity,
    EntityMention,
    Fact,
    FactMember,
    FramingContrast,
    FramingMark,
    Grouping,
    NumberConflict,
    Quantity,
    Quote,
    QuoteGroup,
    QuoteVariant,
    RelatedLink,
    Reuse,
    Sentence,
    Span,
    Story,
    WordEdit,
)

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)
maybe = st.none() | names
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def spans(draw: st.DrawFn, limit: int = 200) -> Span:
    start = draw(st.integers(0, limit))
    return Span(start, start + draw(st.integers(0, limit)))


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    roles = draw(st.lists(st.sampled_from(SENTENCE_ROLES), min_size=len(pairs), max_size=len(pairs)))
    sentences = tuple(
        Sentence(i, Span(a, b), text[a:b], r) for i, ((a, b), r) in enumerate(zip(pairs, roles, strict=True))
    )
    removed = draw(st.lists(names, max_size=3))
    return Article(
        id=draw(names),
        text=text,
        source=draw(names),
        title=draw(maybe),
        outlet=draw(maybe),
        url=draw(maybe),
        published=draw(maybe),
        removed=tuple(removed),
        removed_reasons=tuple(draw(names) for _ in removed),
        sentences=sentences,
    )


members = st.builds(FactMember, names, st.integers(0, 50))
quantities = st.builds(Quantity, names, st.integers(0, 50), spans(), names, floats, names, maybe, maybe)
diffs = st.lists(st.tuples(st.sampled_from(["=", "-", "+"]), names), max_size=3).map(tuple)

comparisons = st.builds(
    Comparison,
    articles=st.lists(articles(), max_size=3).map(tuple),
    facts=st.lists(
        st.builds(
            Fact, names, st.lists(members, max_size=3).map(tuple), st.sampled_from(["all", "some", "one"]), floats
        ),
        max_size=3,
    ).map(tuple),
    reuse=st.lists(st.builds(Reuse, names, names, floats, st.lists(spans(), max_size=2).map(tuple)), max_size=2).map(
        tuple
    ),
    quantities=st.lists(quantities, max_size=2).map(tuple),
    conflicts=st.lists(
        st.builds(NumberConflict, names, names, maybe, st.lists(quantities, max_size=2).map(tuple), maybe), max_size=2
    ).map(tuple),
    quotes=st.lists(
        st.builds(
            Quote,
            names,
            names,
            st.integers(0, 9),
            spans(),
            names,
            maybe,
            st.none() | spans(),
            st.none() | spans(),
            maybe,
        ),
        max_size=2,
    ).map(tuple),
    quote_groups=st.lists(
        st.builds(
            QuoteGroup,
            names,
            names,
            st.lists(
                st.builds(QuoteVariant, names, names, st.sampled_from(QUOTE_VARIANTS), maybe, maybe, diffs), max_size=2
            ).map(tuple),
            maybe,
        ),
        max_size=2,
    ).map(tuple),
    entities=st.lists(
        st.builds(
            Entity,
            names,
            names,
            maybe,
            st.lists(st.builds(EntityMention, names, spans(), names), max_size=2).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    framing=st.lists(
        st.builds(
            FramingMark,
            names,
            names,
            spans(),
            names,
            st.sampled_from(FRAMING_TYPES),
            maybe,
            maybe,
            maybe,
            st.booleans(),
            maybe,
        ),
        max_size=2,
    ).map(tuple),
    contrasts=st.lists(
        st.builds(
            FramingContrast,
            names,
            st.lists(
                st.builds(
                    WordEdit,
                    names,
                    names,
                    st.none() | spans(),
                    st.none() | spans(),
                    names,
                    names,
                    st.lists(names, max_size=2).map(tuple),
                ),
                max_size=2,
            ).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    related=st.lists(st.builds(RelatedLink, members, members, floats, maybe), max_size=2).map(tuple),
    warnings=st.lists(names, max_size=2).map(tuple),
    algorithms=st.dictionaries(names, names, max_size=3),
)


@settings(max_examples=150, deadline=None)
@given(comparisons)
def test_comparison_round_trips_through_json(comparison: Comparison) -> None:
    text = json.dumps(comparison.to_dict(), ensure_ascii=False)
    assert Comparison.from_dict(json.loads(text)) == comparison


@settings(max_examples=50, deadline=None)
@given(st.lists(st.builds(Story, names, st.lists(names, min_size=1, max_size=3).map(tuple)), max_size=3), names)
def test_grouping_round_trips(stories: list[Story], method: str) -> None:
    grouping = Grouping(tuple(stories), method, stats={"articles": 3})
    assert Grouping.from_dict(json.loads(json.dumps(grouping.to_dict()))) == grouping


def test_record_span_is_written_flat_as_the_contract_says() -> None:
    q = Quote("q1", "a", 0, Span(3, 9), "hello!", speaker="X", cue=Span(10, 14))
    d = q.to_dict()
    assert (d["start"], d["end"], d["cue"]) == (3, 9, {"start": 10, "end": 14})
    assert (q.start, q.end) == (3, 9)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Span(5, 2), "bad span"),
        (lambda: Sentence(0, Span(0, 1), "x", "footnote"), "unknown sentence role"),
        (lambda: Span(-1, 2), "bad span"),
        (lambda: FramingMark("m1", "a", Span(0, 1), "x", "spin"), "unknown framing type 'spin'"),
        (lambda: QuoteVariant("q1", "a", "paraphrased"), "unknown quote variant"),
        (
            lambda: QuoteVariant.from_dict({"quote": "q", "article": "a", "variant": "altered", "diff": [["?", "x"]]}),
            "unknown diff operation",
        ),
        (lambda: Comparison.from_dict({"schema": "newsprism.stories/1"}), "not a comparison"),
    ],
)
def test_records_refuse_values_outside_their_sets(make, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


def test_a_real_comparison_round_trips(story) -> None:
    import newsprism

    c = newsprism.compare(story, options=newsprism.CompareOptions(align=newsprism.AlignOptions(embedder=None)))
    assert Comparison.from_dict(json.loads(newsprism.render(c, "json"))) == c
