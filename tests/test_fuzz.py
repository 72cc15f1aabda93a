"""Fuzz: random text and HTML through prepare -> compare -> render.

Whatever the input, newsprism either answers with one of its own errors (an input that is
not an article, fewer than two articles left) or produces a comparison in which every span
lies inside its article's text, and the same input gives the same output.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism import AlignOptions, CompareOptions, NewsprismError, from_html, from_text, render
from newsprism.comparison import compare
from newsprism.model import Comparison, Span

FORMATS = ("json", "md", "text", "html")
OPTIONS = CompareOptions(align=AlignOptions(embedder=None))

words = st.sampled_from(
    [
        "The",
        "minister",
        "said",
        "claimed",
        "3,400",
        "12%",
        "$1.2bn",
        "two",
        "dozen",
        "Jan.",
        "31,",
        "2023",
        '"',
        "“",
        "”",
        "'",
        "(",
        ")",
        "[/]",
        "[b]",
        "<b>",
        "&amp;",
        "Comments",
        "Share",
        "|",
        "—",
        "Mr.",
        "U.S.",
        "at",
        "least",
        "11",
        "killed",
        "in",
        "the",
        "fire",
        ".",
        "!",
        "?",
        ";",
        ":",
        "é",
        "北京",
        "\u200b",
        "\t",
    ]
)
lines = st.lists(words, max_size=25).map(" ".join)
texts = st.lists(lines | st.text(max_size=60), min_size=1, max_size=12).map("\n".join)


def _html(paragraphs: list[str], title: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"


htmls = st.builds(_html, st.lists(lines, min_size=1, max_size=8), lines)


def _check_spans(c: Comparison) -> None:
    texts_by_id = {a.id: a.text for a in c.articles}

    def inside(article: str, span: Span) -> None:
        assert 0 <= span.start <= span.end <= len(texts_by_id[article])

    for a in c.articles:
        for i, s in enumerate(a.sentences):
            assert s.index == i and s.text == a.text[s.start : s.end] and s.text.strip()
    for q in c.quantities:
        inside(q.article, q.span)
        assert texts_by_id[q.article][q.start : q.end] == q.text
    for r in c.reuse:
        for span in r.spans:
            inside(r.article, span)
    seen = [(m.article, m.sentence) for f in c.facts for m in f.members]
    # every body sentence in exactly one fact; standfirsts and crossheads in none
    assert sorted(seen) == sorted((a.id, s.index) for a in c.articles for s in a.sentences if s.role == "body")


def _run(raws: list) -> None:
    try:
        first = compare(raws, options=OPTIONS, skip_errors=True)
    except NewsprismError:
        return  # an answer: not enough articles left, one line naming why
    _check_spans(first)
    again = compare(raws, options=OPTIONS, skip_errors=True)
    for fmt in FORMATS:
        assert render(first, fmt) == render(again, fmt)
    assert Comparison.from_dict(json.loads(render(first, "json"))) == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, texts)
def test_random_text(a: str, b: str) -> None:
    _run([from_text(a, id="a"), from_text(b, id="b")])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(htmls, texts)
def test_random_html(page: str, b: str) -> None:
    try:
        raw = from_html(page, id="page")
    except NewsprismError:
        return
    _run([raw, from_text(b, id="b")])
