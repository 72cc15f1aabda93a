"""The neutral digest (digest.v2): which facts, which wording, what only one outlet reports and
what each outlet leaves out. Comparisons are built by hand from sentences the team wrote."""

from __future__ import annotations

import json

import pytest

import newsprism
from newsprism.digest import DIGEST_VERSION, DigestOptions, digest
from newsprism.model import Article, Comparison, Fact, FactMember, FramingMark, Span

from .conftest import article_of


def _article(aid: str, sentences: list[str]) -> Article:
    return article_of(aid, sentences, title=f"{aid} headline")


A = _article(
    "a",
    [
        "The harbour board approved the new breakwater on Tuesday.",
        "The works will cost 40 million crowns.",
        "Fishermen slammed the plan as a disaster.",
        "Tide tables were printed in the annex.",
    ],
)
B = _article(
    "b",
    [
        "On Tuesday the harbour board voted for the breakwater.",
        "Building is to start in May.",
        "The works will cost some 40 million crowns.",
    ],
)
C = _article(
    "c",
    [
        "The breakwater was approved by the harbour board on Tuesday.",
        "Building is due to start in May, the board said.",
        "Kayak clubs held a regatta nearby.",
    ],
)


def _comparison(framing: tuple[FramingMark, ...] = ()) -> Comparison:
    return Comparison(
        articles=(A, B, C),
        facts=(
            Fact("f1", (FactMember("a", 0), FactMember("b", 0), FactMember("c", 0)), "all", 0.7),
            Fact("f2", (FactMember("b", 1), FactMember("c", 1)), "some", 0.6),
            Fact("f3", (FactMember("a", 1), FactMember("b", 2)), "some", 0.9),
            Fact("f4", (FactMember("a", 2),), "one"),
            Fact("f5", (FactMember("a", 3),), "one"),
            Fact("f6", (FactMember("c", 2),), "one"),
        ),
        reuse=(),
        framing=framing,
    )


def test_widest_facts_first_then_story_order() -> None:
    d = digest(_comparison())
    assert d.method == DIGEST_VERSION
    # f1 (3 outlets) first; f2 (mean place in its articles 0.5) before f3 (0.67), both carried by two
    assert [s.fact for s in d.sentences] == ["f1", "f2", "f3"]
    assert d.sentences[0].outlets == ("a", "b", "c")
    assert d.sentences[2].outlets == ("a", "b")


def test_max_sentences_keeps_the_widest() -> None:
    d = digest(_comparison(), DigestOptions(max_sentences=1, min_sentences=0))
    assert [s.fact for s in d.sentences] == ["f1"]
    d = digest(_comparison(), DigestOptions(max_sentences=2, min_sentences=0))
    assert [s.fact for s in d.sentences] == ["f1", "f2"]  # f2 is earlier in its articles than f3


def test_the_least_marked_sentence_words_the_fact() -> None:
    plain = digest(_comparison()).sentences[0]
    # with no marks, the most central wording: c shares the most words with a and b
    assert plain.article in {"a", "c"}
    # a hedge in a's and c's sentences: b's sentence words the fact
    marks = (
        FramingMark("m1", "a", Span(4, 11), "harbour", "hedge"),
        FramingMark("m2", "c", Span(4, 15), "breakwater", "loaded"),
    )
    chosen = digest(_comparison(marks)).sentences[0]
    assert (chosen.article, chosen.sentence) == ("b", 0)
    assert chosen.text == B.sentences[0].text
    # a mark inside a quotation is the speaker's, not the outlet's: it does not count
    quoted = tuple(FramingMark(m.id, m.article, m.span, m.text, m.type, quoted=True) for m in marks)
    assert digest(_comparison(quoted)).sentences[0].article == plain.article


def test_only_by_and_not_by() -> None:
    d = digest(_comparison())
    only = {o.article: o for o in d.only_by}
    assert set(only) == {"a", "c"}
    assert only["a"].facts == 2 and [f for f, _, _ in only["a"].sentences] == ["f4", "f5"]
    assert only["c"].sentences == (("f6", 2, "Kayak clubs held a regatta nearby."),)
    missing = {n.article: n.facts for n in d.not_by}
    assert missing == {"a": ("f2",), "c": ("f3",)}  # b carries every digest fact


def test_max_only_caps_the_listed_sentences_not_the_count() -> None:
    d = digest(_comparison(), DigestOptions(max_only=1))
    a = next(o for o in d.only_by if o.article == "a")
    assert a.facts == 2 and len(a.sentences) == 1


def test_fill_takes_the_single_sentences_closest_to_the_common_story() -> None:
    x = _article("x", ["Flood waters reached the old mill on Friday.", "A choir sang at dawn."])
    y = _article("y", ["Rescuers reached the mill by boat on Friday.", "Parking fees rose again."])
    c = Comparison(
        articles=(x, y),
        facts=tuple(
            Fact(f"f{i}", (FactMember(a, s),), "one")
            for i, (a, s) in enumerate([("x", 0), ("x", 1), ("y", 0), ("y", 1)], 1)
        ),
        reuse=(),
    )
    d = digest(c, DigestOptions(min_sentences=2))
    # the two sentences sharing words (reached, mill, Friday) fill it; the unrelated ones do not
    assert [(s.article, s.sentence) for s in d.sentences] == [("x", 0), ("y", 0)]
    assert all(len(s.outlets) == 1 for s in d.sentences)
    assert digest(c, DigestOptions(min_sentences=0)).sentences == ()
    assert not d.not_by  # nothing shared, nothing left out


@pytest.mark.parametrize(
    "kwargs",
    [{"max_sentences": 0}, {"min_sentences": 9}, {"min_sentences": -1}, {"min_outlets": 1}, {"max_only": -1}],
)
def test_bad_options_are_refused(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        DigestOptions(**kwargs)


def test_same_comparison_same_digest_and_dict() -> None:
    d1, d2 = digest(_comparison()), digest(_comparison())
    assert d1 == d2
    out = d1.to_dict()
    assert out["method"] == "digest.v2"
    assert [s["fact"] for s in out["sentences"]] == ["f1", "f2", "f3"]
    assert out["not_by"] == [{"article": "a", "facts": ["f2"]}, {"article": "c", "facts": ["f3"]}]
    assert d1.text.startswith(d1.sentences[0].text)


def test_digest_in_markdown_and_json() -> None:
    c = _comparison()
    md = newsprism.render(c, "md")
    assert "## Neutral digest" in md and "(f1: a, b, c)" in md
    assert "Not reported by:" in md and "- **a**: f2" in md
    data = json.loads(newsprism.render(c, "json"))
    assert data["digest"]["sentences"][0]["outlets"] == ["a", "b", "c"]
    assert Comparison.from_dict(data) == c  # the optional key does not disturb the round trip
