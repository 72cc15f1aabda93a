"""The web app in a real headless Chromium (Debian's ``chromium``, driven by Playwright's
Python package; Playwright's own browser download is not used) against ``newsprism serve``
running on a free localhost port: paste two articles and read the report, browse and search
a small stored corpus, and a hostile article cannot run script. Screenshots are saved under
the test's temporary folder (``$NEWSPRISM_SCREENSHOTS`` when set).

Skipped, with the reason, without the web extra, Playwright or a ``chromium`` on PATH
(``apt-get install -y chromium``; ``.ci/run`` installs it where it is missing).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsprism[web]'")
pytest.importorskip("playwright", reason="playwright is not installed (the dev extra)")
from .browser import ARGS, CHROMIUM, REQUIRED, SKIP_REASON

if CHROMIUM is None and not REQUIRED:
    pytest.skip(SKIP_REASON, allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright

from .conftest import REWRITE, WIRE
from .webcorpus import BRIDGE_B, HOSTILE_TITLE, build_corpus


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``newsprism serve`` over the test corpus, in its own process; yields its base URL."""
    import httpx

    folder = tmp_path_factory.mktemp("browser")
    db = build_corpus(folder)
    port = _free_port()
    log = (folder / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsprism", "serve", "--db", str(db), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"newsprism serve did not start: {(folder / 'serve.log').read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("NEWSPRISM_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_paste_two_articles_and_read_the_report(server: str, page: Page, shots: Path) -> None:
    page.goto(server + "/")
    page.fill("#outlet-0", "Nordpress")
    page.fill("#text-0", WIRE)
    page.fill("#outlet-1", "Daily Post")
    page.fill("#text-1", REWRITE)
    page.click("button[type=submit]")
    page.wait_for_selector("#facts-h")
    assert page.is_visible("text=Facts, outlet by outlet") and page.is_visible("#digest-h")
    assert page.locator("tr.shared").count() >= 3
    assert "2 articles" in page.inner_text("p.meta")
    assert page.is_visible("th:has-text('Nordpress')")
    page.screenshot(path=str(shots / "report.png"), full_page=True)


def test_a_report_shows_only_here_apart_from_related_elsewhere(server: str, page: Page, shots: Path) -> None:
    rewrite = (
        "Ferry blaze\nA fire broke out in the engine room of the ferry Aurora Dawn on Monday.\n"
        "Investigators will examine whether a fuel leak caused the blaze.\n"
        "Fire crews suspect that a leak of fuel in the engine room started the blaze.\n"
        "A harbour cafe handed out free coffee to the evacuated travellers.\n"
    )
    page.goto(server + "/")
    page.fill("#outlet-0", "Nordpress")
    page.fill("#text-0", WIRE)
    page.fill("#outlet-1", "Daily Post")
    page.fill("#text-1", rewrite)
    page.click("button[type=submit]")
    page.wait_for_selector("#facts-h")
    near = page.locator("tr.single.related-elsewhere", has_text="Fire crews suspect")
    assert near.count() == 1 and "1 outlet, related elsewhere" in near.inner_text()
    link = near.locator(".related-to a").first
    target = link.get_attribute("href")
    assert target and page.locator(f"tr{target}.shared").count() == 1  # it leads to the fact it is related to
    alone = page.locator("tr.single.only-here", has_text="A harbour cafe")
    assert alone.count() == 1 and "1 outlet only" in alone.inner_text()
    meta = page.inner_text("p.meta")
    assert "by one outlet only" in meta and "1 by one outlet with related sentences elsewhere" in meta
    page.screenshot(path=str(shots / "singles.png"), full_page=True)


def test_browse_filter_and_open_a_story(server: str, page: Page, shots: Path) -> None:
    page.goto(server + "/stories")
    titles = page.locator("li.story > a").all_inner_texts()
    assert len(titles) == 2 and titles[0].startswith("Brindle") and titles[1].startswith("Chaos at sea")
    page.select_option("#outlet", "Nordpress")
    page.click("form.filters button")
    page.wait_for_url("**/stories?outlet=Nordpress*")
    assert page.locator("li.story > a").all_inner_texts() == [titles[1]]
    page.screenshot(path=str(shots / "stories.png"), full_page=True)
    page.click("li.story > a")
    page.wait_for_selector("#facts-h")
    assert "3 articles" in page.inner_text("p.meta")
    assert page.is_visible("th:has-text('Harbour Times')")


def test_search_and_follow_a_hit(server: str, page: Page) -> None:
    page.goto(server + "/search")
    page.fill("#q", "coastguard")
    page.press("#q", "Enter")
    page.wait_for_selector("li.hit")
    outlets = page.locator("li.hit .meta").all_inner_texts()
    assert any("Nordpress" in o for o in outlets)
    page.locator("li.hit a").first.click()
    page.wait_for_selector("#facts-h")
    assert "Chaos at sea" in page.inner_text("h1") or "Ferry fire" in page.inner_text("h1")


def test_a_hostile_article_cannot_run_script(server: str, page: Page, shots: Path) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server + "/stories?outlet=Evil+Daily")
    assert page.evaluate("window.__pwned") is None
    page.click("li.story > a")
    page.wait_for_selector("#facts-h")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned = 1</script>" in page.inner_text("body")  # shown as text
    page.screenshot(path=str(shots / "hostile-story.png"), full_page=True)
    page.goto(server + "/")
    page.fill("#text-0", f"{HOSTILE_TITLE}\n{BRIDGE_B}")
    page.fill("#text-1", REWRITE)
    page.click("button[type=submit]")
    page.wait_for_selector("#facts-h")
    assert page.evaluate("window.__pwned") is None
    # links in the text are text: nothing on the page points at javascript:
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("img").count() == 0 and not errors


def test_phone_width_has_no_horizontal_scroll(server: str, browser: Browser, shots: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    try:
        for path in ("/", "/stories", "/outlets"):
            pg.goto(server + path)
            assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        pg.goto(server + "/stories")
        pg.click("li.story >> nth=1 >> a")
        pg.wait_for_selector("#facts-h")
        assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        pg.screenshot(path=str(shots / "phone-report.png"), full_page=True)
    finally:
        context.close()
