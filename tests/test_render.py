"""Renderers lay out one neutral view, and article text is data, never markup.

Hostile strings (rich markup, HTML, Markdown links, backticks, pipes, line breaks, terminal
escapes) are put in every article-derived field (headline, outlet, sentence, removed line,
warning, quotation, framing mark) and rendered as text and Markdown: nothing raises, the
terminal shows the words as written, and the Markdown holds no raw tag or link.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism import render
from newsprism.model import (
    Article,
    Comparison,
    Fact,
    FactMember,
    FramingMark,
    NumberConflict,
    Quantity,
    Quote,
    QuoteGroup,
    QuoteVariant,
    RelatedLink,
    Reuse,
    Span,
)
from newsprism.render.markdown import escape
from newsprism.render.view import build_view, one_line, plural

from .conftest import article_of

SRC = Path(__file__).resolve().parents[1] / "src"

HOSTILE = [
    "[/]",
    "[b]x[/b]",
    "[link=javascript:alert(1)]x[/link]",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "`code` and ``more``",
    "a | b || c",
    "first\nsecond",
    "# heading ##",
    "- 1. > quote",
    "*em* _em_ ~~strike~~ \\ back",
    "&lt;script&gt; &amp;",
    "\x1b[31mred\x1b[0m",
    ":smile: [bold red]x",
]


def _article(
    id: str, outlet: str | None, title: str, sentences: list[str], removed: str, credit: str | None = None
) -> Article:
    return article_of(
        id, sentences, title=title, outlet=outlet, removed=(removed,), removed_reasons=("teaser",), credit=credit
    )


def comparison_with(hostile: str) -> Comparison:
    """Two articles with ``hostile`` in every field that comes from an article."""
    a = _article("a", hostile, hostile, [f"Police detained 12 people {hostile}.", f"Only here {hostile}."], hostile)
    b = _article("b", None, hostile, [f"At least 11 were held {hostile}.", "Another sentence."], hostile, hostile)
    q12 = Quantity("a", 0, Span(16, 18), "12", 12.0, "count", "people")
    q11 = Quantity("b", 0, Span(0, 11), "At least 11", 11.0, "count", "people", "at least")
    return Comparison(
        articles=(a, b),
        facts=(
            Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all", 0.8),
            Fact("f2", (FactMember("a", 1),), "one"),
            Fact("f3", (FactMember("b", 1),), "one"),
        ),
        reuse=(Reuse("a", "b", 0.25), Reuse("b", "a", 0.5)),
        quantities=(q12, q11),
        conflicts=(NumberConflict("f1", "count", "people", (q12, q11)),),
        quotes=(
            Quote("q1", "a", 0, Span(0, 6), hostile, speaker=hostile, group="g1"),
            Quote("q2", "b", 0, Span(0, 6), hostile + " x", speaker=hostile, group="g1"),
        ),
        quote_groups=(
            QuoteGroup(
                "g1",
                "q1",
                (QuoteVariant("q1", "a", "verbatim", hostile, "said"), QuoteVariant("q2", "b", "altered", hostile)),
                hostile,
            ),
        ),
        framing=(FramingMark("m1", "a", Span(0, 6), hostile, "loaded", "loaded.v1", note=hostile),),
        related=(RelatedLink(FactMember("a", 1), FactMember("b", 1), 0.5, hostile),),
        warnings=(f"b.txt: {hostile}",),
    )


def _visible(text: str) -> str:
    """The characters a reader sees, boxes and whitespace left out (tables fold long cells)."""
    return re.sub(r"[\s│┃┏┓┗┛┡┩━─┳┻╇╭╮╰╯┼┬┴┠┨└┘┌┐├┤]", "", text)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_shows_hostile_strings_as_written(hostile: str) -> None:
    out = render(comparison_with(hostile), "text", width=300)
    shown = _visible(one_line(hostile))
    # the headline, outlet, both sentences, removed line, quotation, framing words, warning
    assert out.count(hostile.split("\n")[0].replace("\x1b", "")[:3]) >= 1
    assert _visible(out).count(shown) >= 6, out
    assert "\x1b" not in out


@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_with_colour_has_no_article_styles(hostile: str) -> None:
    out = render(comparison_with(hostile), "text", width=300, color=True)
    assert "\x1b]8;" not in out  # no hyperlink escape: [link=...] stayed text
    assert "javascript:alert(1)" in out or "javascript" not in hostile


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_escapes_hostile_strings(hostile: str) -> None:
    out = render(comparison_with(hostile), "md")
    assert "<script" not in out.lower()
    assert "](javascript:" not in out
    assert "\x1b" not in out
    for line in out.splitlines():
        if line.startswith("|"):  # every table row keeps its columns
            assert len(re.findall(r"(?<!\\)\|", line)) in (7, 4), line
    # headings stay the ones the renderer writes
    assert [h for h in out.splitlines() if h.startswith("#")] == [
        "# newsprism comparison",
        "## Neutral digest",
        "## Articles",
        "## Reuse",
        "## Figures that disagree",
        "## Shared facts",
        "### f1 · all 2 outlets · link 0.80",
        "## Related, not the same claim",
        "## Quotes",
        f"### Quote g1 · {escape(one_line(hostile))} · 2 outlets",
        "## Framing",
        f"## In {escape(one_line(hostile))}; related sentences elsewhere (1)",
        "## In b; related sentences elsewhere (1)",
        "## Page furniture removed",
        "## Warnings",
    ]


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:alert(1))"),
        ("a | b", "a \\| b"),
        ("`x`", "\\`x\\`"),
        ("# Title #", "\\# Title \\#"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("12. item", "12\\. item"),
        ("2024) x", "2024\\) x"),
        ("Tom & Jerry's $1.2 (about) 40-50", "Tom &amp; Jerry's $1.2 (about) 40-50"),
        ("snake_case *x*", "snake\\_case \\*x\\*"),
        ("back\\slash", "back\\\\slash"),
        ("", "-"),
        (None, "-"),
    ],
)
def test_markdown_escape(raw: str | None, escaped: str) -> None:
    assert escape(raw) == escaped


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        ("a\nb", "a b"),
        ("a\r\nb", "a b"),
        ("a\u2028b", "a b"),
        ("\tx\x00y\x1b[0m\x7f ", "xy[0m"),
        (None, ""),
    ],
)
def test_one_line(raw: str | None, line: str) -> None:
    assert one_line(raw) == line


@pytest.mark.parametrize(
    ("n", "noun", "nouns", "out"),
    [(0, "article", None, "0 articles"), (1, "article", None, "1 article"), (1, "story", "stories", "1 story")],
)
def test_plural(n: int, noun: str, nouns: str | None, out: str) -> None:
    assert plural(n, noun, nouns) == out


def test_view_sections_in_reading_order() -> None:
    view = build_view(comparison_with("x"))
    s = view.summary
    assert (s.articles, s.facts, s.by_all, s.by_one, s.by_one_related) == (2, 3, 1, 0, 2)
    assert [r.label for r in view.articles] == ["x", "b"]
    assert view.reuse is not None and view.reuse.rows[0].shares == (None, 0.25)
    assert [f.text for f in view.conflicts[0].figures] == ["12", "At least 11"]
    assert [s.id for s in view.shared] == ["f1"] and view.shared[0].coverage == "all 2 outlets"
    assert [o.article for o in view.only_in] == ["a", "b"]
    assert [v.variant for v in view.quotes[0].variants] == ["verbatim", "altered"]
    assert view.framing[0].type == "loaded" and view.related[0].reason == "x"


def test_empty_sections_are_not_shown() -> None:
    c = comparison_with("x")
    bare = Comparison(articles=c.articles, facts=c.facts, reuse=())
    for fmt in ("text", "md"):
        out = render(bare, fmt)
        for title in ("Reuse", "Figures that disagree", "Quote", "Framing", "Related", "Warnings"):
            assert title not in out, (fmt, title)


def test_one_article_reads_singular() -> None:
    c = comparison_with("x")
    single = Comparison(articles=c.articles[:1], facts=(Fact("f1", (FactMember("a", 0),), "all"),), reuse=())
    assert "1 article, 1 fact" in render(single, "text")
    assert "1 article, 1 fact:" in render(single, "md")


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI of this source tree, run in ``cwd``."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_cli_outlet_and_headline_markup(tmp_path: Path, story: list[Path], fmt: str) -> None:
    story[1].write_text("[/] [link=javascript:alert(1)]x[/link] <script>\n" + story[1].read_text().split("\n", 1)[1])
    res = _cli(
        "compare", "wire.txt", "rewrite.txt", "--outlet", "wire.txt=[/]", "--embedder", "none", "-f", fmt, cwd=tmp_path
    )
    assert res.returncode == 0, res.stderr
    if fmt == "text":
        assert "[/]" in res.stdout and "[link=javascript:alert(1)]x[/link]" in _visible(res.stdout)
    else:
        assert "\\[/\\]" in res.stdout and "<script" not in res.stdout


def test_stories_text_is_one_line_per_article_and_singular() -> None:
    from newsprism.model import Grouping, Story
    from newsprism.render.stories import render_stories

    grouping = Grouping(
        stories=(Story("s1", ("a",)),),
        method="m.v1",
        stats={"articles": 1},
        labels={"a": "[/] x\n\x1b[31mred <script>"},
    )
    out = render_stories(grouping)
    assert out == "1 story from 1 article (m.v1)\ns1  1 article, 1 independent origin\n    a  [/] x [31mred <script>\n"


def test_weak_links_are_marked_as_candidates() -> None:
    from newsprism.render.view import WEAK_LINK, SharedFact

    strong = SharedFact("f1", 2, 2, (), score=WEAK_LINK)
    weak = SharedFact("f2", 2, 2, (), score=WEAK_LINK - 0.01)
    assert strong.strength == f"link {WEAK_LINK:.2f}" and not strong.weak
    assert weak.weak and weak.strength.startswith("weak link") and "may not be the same claim" in weak.strength


def test_a_link_shown_as_the_threshold_is_not_weak() -> None:
    from newsprism.render.view import WEAK_LINK, SharedFact

    assert not SharedFact("f1", 2, 2, (), score=WEAK_LINK - 0.0004).weak
