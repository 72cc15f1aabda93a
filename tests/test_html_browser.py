"""The HTML report in a real headless Chromium (Debian's ``chromium``, driven by Playwright's
Python package with ``executable_path``; Playwright's own browser download is not used).

Checks what a reader gets: the digest, fact rows, highlights, quotation badges and the chart are
there and visible; a hostile article runs no script (no dialog, ``window.__pwned`` stays unset,
no element injected), and a script put into the page by hand is blocked by its
Content-Security-Policy; at phone width each fact is a block and nothing scrolls sideways; no
request leaves the page. Screenshots are saved under ``out/screenshots/`` (or
``$NEWSPRISM_ARTIFACTS``) as test artefacts.

Skipped, with the reason, where ``chromium`` or Playwright is absent; ``.ci/run`` installs
chromium where it is missing and sets ``NEWSPRISM_REQUIRE_BROWSER``, so in CI they run or fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsprism
from newsprism.model import Comparison
from newsprism.render.html import render_html

from .browser import ARGS, CHROMIUM, REQUIRED, SKIP_REASON
from .conftest import REPO
from .test_render import comparison_with

ARTIFACTS = Path(os.environ.get("NEWSPRISM_ARTIFACTS") or REPO / "out" / "screenshots")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not REQUIRED,
    reason=SKIP_REASON,
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.fail("NEWSPRISM_REQUIRE_BROWSER is set but chromium is not installed")
    if REQUIRED:
        from playwright import sync_api
    else:
        sync_api = pytest.importorskip(
            "playwright.sync_api", reason="playwright is not installed: pip install -e '.[dev]'"
        )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def example() -> Comparison:
    return newsprism.compare(sorted(str(p) for p in (REPO / "examples" / "articles").iterdir()))


class Opened:
    """A page holding a report, with every request and dialog it made recorded."""

    def __init__(self, browser: object, html: str, width: int, tmp: Path) -> None:
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        path = tmp / "report.html"
        path.write_text(html, encoding="utf-8")
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url == self.url or url.startswith("data:"):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.requests.append(url)
            route.abort()  # type: ignore[attr-defined]

    def _dialog(self, dialog: object) -> None:
        self.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


def test_report_sections_are_there_and_visible(browser: object, example: Comparison, tmp_path: Path) -> None:
    opened = Opened(browser, render_html(example), 1280, tmp_path)
    page = opened.page
    try:
        # the keyboard's first stop is the skip link, shown with a focus outline
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        assert page.locator("a.skip").is_visible()
        digest = page.locator("#digest ol.digest-lines > li")
        assert digest.count() >= 3 and digest.first.is_visible()
        # a digest sentence links to its fact row, which the browser can reach
        href = digest.first.locator("a").get_attribute("href")
        assert href and page.locator(href).is_visible()
        rows = page.locator("#facts tbody tr")
        assert rows.count() == len(example.facts)
        assert page.locator("#facts thead th").count() == len(example.articles) + 1
        assert page.locator("#facts td.omitted").count() > 0
        marks = page.locator("#facts mark.attribution")
        assert marks.count() >= 1 and marks.first.is_visible()
        badge = page.locator("#quotes .badge.altered").first
        assert badge.is_visible() and badge.inner_text().lower() == "altered"
        assert page.locator("#quotes .badge.verbatim").first.is_visible()
        chart = page.locator("#profiles svg[role=img]")
        assert chart.is_visible() and chart.bounding_box()["height"] > 100  # type: ignore[index]
        assert "framing marks per 1,000 words" in chart.locator("title").first.text_content()  # type: ignore[operator]
        assert page.locator("#profiles svg rect.shared").count() == len(example.articles)
        # furniture is folded away until opened
        details = page.locator("#furniture details").first
        assert not details.locator("li").first.is_visible()
        details.locator("summary").click()
        assert details.locator("li").first.is_visible()
        assert page.title().endswith("· newsprism")
        opened.shot("report-desktop")
        assert opened.requests == [] and opened.dialogs == []
    finally:
        opened.close()


def test_phone_width_stacks_each_fact(browser: object, example: Comparison, tmp_path: Path) -> None:
    opened = Opened(browser, render_html(example), 390, tmp_path)
    page = opened.page
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        row = page.locator("#facts tbody tr").first
        assert page.evaluate("getComputedStyle(document.querySelector('#facts tbody tr')).display") == "block"
        cells = row.locator("td:not(.omitted)")
        boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
        assert len(boxes) >= 2
        xs = {round(b["x"]) for b in boxes if b}
        ys = [b["y"] for b in boxes if b]
        assert len(xs) == 1 and ys == sorted(ys) and len(set(ys)) == len(ys)  # one above the other
        label = page.evaluate(
            "getComputedStyle(document.querySelector('#facts tbody td:not(.omitted)'), '::before').content"
        )
        assert label.strip('"') == example.articles[0].label or label.strip('"') in {a.label for a in example.articles}
        opened.shot("report-phone")
        assert opened.requests == []
    finally:
        opened.close()


HOSTILE = (
    '<script>window.__pwned = 1; alert("script")</script>'
    "<img src=x onerror=\"window.__pwned = 2; alert('img')\">"
    '<a href="javascript:window.__pwned=3">link</a>'
    '"><svg onload="window.__pwned=4"></svg><iframe src="https://example.org/"></iframe>'
)


def test_a_hostile_article_runs_nothing(browser: object, tmp_path: Path) -> None:
    opened = Opened(browser, render_html(comparison_with(HOSTILE)), 1024, tmp_path)
    page = opened.page
    try:
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert opened.dialogs == []
        assert page.locator("script, img, iframe, main svg[onload]").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        # the words show as text
        assert "<script>window.__pwned = 1;" in page.locator("#facts").inner_text()
        assert opened.requests == []
        opened.shot("report-hostile")
    finally:
        opened.close()


def test_the_csp_blocks_a_script_put_in_by_hand(browser: object, example: Comparison, tmp_path: Path) -> None:
    """Even if escaping failed, the page's policy would not run a script or load a resource."""
    html = render_html(example).replace(
        "</main>",
        '<script>window.__pwned = 5</script><img src="https://example.org/x.png" onerror="window.__pwned=6">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">'
        "</main>",
    )
    opened = Opened(browser, html, 1024, tmp_path)
    try:
        opened.page.wait_for_timeout(300)
        assert opened.page.evaluate("typeof window.__pwned") == "undefined"
        assert opened.requests == []  # blocked by the policy before any request is made
        assert any("Content Security Policy" in e for e in opened.errors)
    finally:
        opened.close()


def test_the_harness_sees_requests_and_scripts(browser: object, example: Comparison, tmp_path: Path) -> None:
    """The same injected page without its policy: the script runs and the request is caught,
    so the checks above can fail."""
    html = render_html(example)
    start = html.index('<meta http-equiv="Content-Security-Policy"')
    html = html[:start] + html[html.index(">", start) + 1 :]
    html = html.replace(
        "</main>", '<script>window.__pwned = 5</script><img src="https://example.org/x.png" alt=""></main>'
    )
    opened = Opened(browser, html, 1024, tmp_path)
    try:
        opened.page.wait_for_timeout(300)
        assert opened.page.evaluate("window.__pwned") == 5
        assert opened.requests == ["https://example.org/x.png"]
    finally:
        opened.close()
