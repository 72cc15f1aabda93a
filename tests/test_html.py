"""The HTML report: one self-contained document laid out from the neutral view, with every
article string escaped and a Content-Security-Policy that allows no script and no external load.
(The same report in a real headless Chromium: tests/test_html_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markupsafe
import pytest

import newsprism
from newsprism.model import Article, Comparison, Fact, FactMember, FramingContrast, FramingMark, Span, WordEdit
from newsprism.render.html import content_security_policy, render_html, safe_url
from newsprism.render.view import build_view

from .conftest import REPO
from .test_render import HOSTILE, _article, comparison_with

EXAMPLES = sorted(str(p) for p in (REPO / "examples" / "articles").iterdir())

#: every tag the report may write; anything else in the output came from an article
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2", "h3", "p", "nav", "ol", "li",
    "main", "section", "strong", "span", "ul", "table", "caption", "thead", "tbody", "tr", "th", "td", "br",
    "mark", "article", "blockquote", "del", "ins", "details", "summary", "figure", "svg", "desc", "text",
    "line", "g", "rect", "figcaption", "footer",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        d = dict(attrs)
        self.tags.append((tag, d))
        if d.get("id"):
            self.ids.add(str(d["id"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data


def _parse(html: str) -> _Tags:
    p = _Tags()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def example() -> Comparison:
    return newsprism.compare(EXAMPLES)


@pytest.fixture(scope="module")
def example_html(example: Comparison) -> str:
    return render_html(example)


def test_a_complete_self_contained_document(example_html: str) -> None:
    assert example_html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert example_html.rstrip().endswith("</html>")
    tags = _parse(example_html)
    names = {t for t, _ in tags.tags}
    assert names <= ALLOWED_TAGS, names - ALLOWED_TAGS
    assert "script" not in names and "link" not in names and "img" not in names
    for tag, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "src" not in attrs and "style" not in attrs, (tag, attrs)
        href = attrs.get("href") or ""
        assert href.startswith("#") or href.startswith("https://") or href.startswith("http://") or not href
    # every in-page link lands somewhere
    for _, attrs in tags.tags:
        href = attrs.get("href") or ""
        if href.startswith("#"):
            assert href[1:] in tags.ids, href


def test_the_csp_forbids_script_and_loads_and_allows_the_one_style_sheet(example_html: str) -> None:
    tags = _parse(example_html)
    meta = [a for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(meta) == 1
    csp = str(meta[0]["content"])
    assert csp == content_security_policy()
    assert "default-src 'none'" in csp and "script-src 'none'" in csp and "unsafe" not in csp
    digest = base64.b64encode(hashlib.sha256(tags.style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp  # the inline sheet is exactly the hashed one
    assert "@media print" in tags.style and "@media (max-width: 40rem)" in tags.style


def test_report_shows_the_views_findings(example: Comparison, example_html: str) -> None:
    view = build_view(example)
    assert view.digest is not None and view.digest.lines
    tags = _parse(example_html)
    # digest on top, linking to its rows
    assert example_html.index('id="digest"') < example_html.index('id="facts"')
    for line in view.digest.lines:
        assert f'href="#fact-{line.fact}"' in example_html
    # one row per fact, one cell per article, empty cells for omissions
    rows = [a for t, a in tags.tags if t == "tr" and str(a.get("id", "")).startswith("fact-")]
    assert len(rows) == len(example.facts) == len(view.rows)
    omitted = sum(1 for t, a in tags.tags if t == "td" and a.get("class") == "omitted")
    assert omitted == sum(len(example.articles) - len(f.members) for f in example.facts)
    # word-level differences, quotation badges, the chart with its title, furniture folded away
    marks = [a for t, a in tags.tags if t == "mark" and a.get("title")]
    assert any(a["class"] == "attribution" for a in marks) and any(a["class"] == "change" for a in marks)
    badges = {a.get("class") for t, a in tags.tags if t == "span" and "badge" in str(a.get("class"))}
    assert badges >= {"badge verbatim", "badge altered"}
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in example_html and 'role="img"' in example_html
    assert '<title id="chart-title">' in example_html
    assert example_html.count("<details>") >= sum(1 for a in example.articles if a.removed)
    # the altered quotation's character diff, spaces kept around the change
    assert 'keep the lights on for <del aria-label="left out">the next </del>fifty years' in example_html
    for c in view.conflicts:
        assert f'href="#fact-{c.fact}"' in example_html
        assert c.reason and str(markupsafe.escape(c.reason)) in example_html
    assert "independent origin" in example_html


def test_a_view_renders_like_its_comparison(example: Comparison, example_html: str) -> None:
    assert render_html(build_view(example)) == example_html
    assert newsprism.render(example, "html") == example_html
    assert render_html(example, title="Dam story").count("<title>Dam story</title>") == 1


@pytest.mark.parametrize("hostile", [*HOSTILE, '<img src=x onerror="alert(1)">', '"><svg onload=alert(1)>'])
def test_article_strings_are_text_never_markup(hostile: str) -> None:
    out = render_html(comparison_with(hostile))
    tags = _parse(out)
    names = {t for t, _ in tags.tags}
    assert names <= ALLOWED_TAGS, names - ALLOWED_TAGS
    for tag, attrs in tags.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert "javascript:" not in str(attrs.get("href") or "")
    assert "<script" not in out.lower().replace("&lt;script", "")
    assert "\x1b" not in out


def test_a_javascript_url_is_not_a_link() -> None:
    a = Article(
        id="a",
        text="One.",
        source="a.txt",
        title="Head",
        url="javascript:alert(1)",
        sentences=_article("a", None, "h", ["One."], "x").sentences,
    )
    b = _article("b", None, "Other", ["Two."], "y")
    c = Comparison(
        articles=(a, b),
        facts=(Fact("f1", (FactMember("a", 0),), "one"), Fact("f2", (FactMember("b", 0),), "one")),
        reuse=(),
    )
    out = render_html(c)
    assert "javascript:alert(1)" not in out
    assert safe_url("javascript:alert(1)") == "" and safe_url(" JavaScript:x") == ""
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("data:text/html,x") == ""


def test_word_changes_are_marked_inside_the_sentences() -> None:
    a = _article("a", "Post", "h", ["The minister said the plan works."], "x")
    b = _article("b", "Star", "h", ["The minister claimed the plan works."], "y")
    c = Comparison(
        articles=(a, b),
        facts=(Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all", 0.9),),
        reuse=(),
        framing=(FramingMark("m1", "b", Span(13, 20), "claimed", "attribution"),),
        contrasts=(
            FramingContrast("f1", (WordEdit("a", "b", Span(13, 17), Span(13, 20), "said", "claimed", ("m1",)),)),
        ),
    )
    out = render_html(c)
    assert '<mark class="change" title="change">said</mark>' not in out  # the edit carries framing: its kind
    assert '<mark class="attribution" title="attribution">said</mark>' in out
    assert 'The minister <mark class="attribution" title="attribution">claimed</mark> the plan works.' in out


def test_phone_and_print_rules_are_there(example_html: str) -> None:
    css = _parse(example_html).style
    phone = css.split("@media (max-width: 40rem)", 1)[1].split("@media print", 1)[0]
    assert ".facts tr" in phone and "display: block" in phone and "attr(data-label)" in phone
    assert "focus-visible" in css


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=300)


def test_cli_writes_the_html_report(tmp_path: Path, story: list[Path]) -> None:
    out = tmp_path / "report.html"
    res = _cli("compare", *map(str, story), "--format", "html", "-o", str(out), "--embedder", "none")
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip().endswith(f"wrote {out}")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'id="digest"' in html and "Aurora Dawn" in html


def test_cli_html_report_of_a_stored_story(tmp_path: Path, story: list[Path]) -> None:
    import json

    db = str(tmp_path / "news.db")
    assert _cli("ingest", *map(str, story), "--db", db).returncode == 0
    stories = json.loads(_cli("group", "--db", db, "--format", "json").stdout)["stories"]
    big = max(stories, key=lambda s: len(s["articles"]))
    res = _cli("compare", "--story", big["id"], "--db", db, "--format", "html", "--embedder", "none")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("<!DOCTYPE html>") and len(re.findall(r'<tr id="fact-', res.stdout)) >= 3


def test_headline_marks_are_marked_and_escaped() -> None:
    """framing.v12: the articles table marks a headline's framing words; the headline stays data."""
    from newsprism import compare, from_text
    from newsprism.align import AlignOptions
    from newsprism.comparison import CompareOptions

    body = "The council approved the budget on Tuesday after a long debate about the cost of repairs.\n"
    raws = [
        from_text(body, id="a", title="Council rams <b>budget</b> through", outlet="One"),
        from_text(body + "The vote was close.\n", id="b", title="Council passes budget", outlet="Two"),
    ]
    page = render_html(compare(raws, options=CompareOptions(align=AlignOptions(embedder=None))))
    assert '<mark class="loaded" title="loaded">rams</mark> &lt;b&gt;budget&lt;/b&gt; through' in page
    assert "<b>budget</b>" not in page
