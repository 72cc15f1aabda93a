"""The web app (newsprism serve) through FastAPI's TestClient: every page and endpoint, every
limit, and the security of the surface. Skipped, with the reason, when the web extra is
missing (`make test` installs it with the dev extra)."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsprism[web]'")
pytest.importorskip("python_multipart", reason="the web extra is not installed: pip install 'newsprism[web]'")

from fastapi.testclient import TestClient

from newsprism.cli import main
from newsprism.errors import StoreError
from newsprism.store import Store
from newsprism.web import WebOptions, create_app, report_page

from .conftest import INDEPENDENT, REWRITE, WIRE
from .webcorpus import BRIDGE_B, HOSTILE_TITLE, build_corpus


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def _stories(client: TestClient, **params: str) -> list[dict]:
    r = client.get("/api/stories", params=params)
    assert r.status_code == 200, r.text
    return r.json()["stories"]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------------- pages


def test_home_page_has_the_paste_form_and_no_script(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert 'action="/compare"' in r.text and 'name="text"' in r.text and 'type="file"' in r.text
    assert "<script" not in r.text.lower()


def test_pasting_two_articles_gives_the_report(client: TestClient) -> None:
    r = client.post("/compare", data={"text": [WIRE, REWRITE, ""], "outlet": ["Nordpress", "Daily Post", ""]})
    assert r.status_code == 200, r.text
    assert "2 articles" in r.text and "Facts, outlet by outlet" in r.text and "Neutral digest" in r.text
    assert "Nordpress" in r.text and "Daily Post" in r.text
    assert "forcing the evacuation of 212 passengers" in r.text


def test_uploading_a_saved_page_and_a_text_file(client: TestClient) -> None:
    page = (
        "<!doctype html><html><head><title>Ferry blaze</title></head><body><article>"
        + "".join(f"<p>{line}</p>" for line in REWRITE.splitlines()[3:])
        + "</article></body></html>"
    )
    files = [
        ("file", ("wire.txt", WIRE.encode(), "text/plain")),
        ("file", ("saved.html", page.encode(), "text/html")),
    ]
    r = client.post("/compare", files=files)
    assert r.status_code == 200, r.text
    assert "2 articles" in r.text and "Facts, outlet by outlet" in r.text and "Neutral digest" in r.text


def test_stories_page_newest_first_with_filters(client: TestClient) -> None:
    r = client.get("/stories")
    assert r.status_code == 200
    assert r.text.index("Brindle closes river bridge") < r.text.index("Chaos at sea")
    r = client.get("/stories", params={"outlet": "Nordpress"})
    assert "Chaos at sea" in r.text and "Brindle closes" not in r.text
    r = client.get("/stories", params={"until": "2025-03-31"})
    assert "Chaos at sea" in r.text and "Brindle closes" not in r.text


def test_story_page_is_the_report(client: TestClient) -> None:
    sid = _stories(client, outlet="Nordpress")[0]["id"]
    r = client.get(f"/stories/{sid}")
    assert r.status_code == 200
    assert (
        "3 articles" in r.text
        and "Harbour Times" in r.text
        and "Facts, outlet by outlet" in r.text
        and "Neutral digest" in r.text
    )


def test_search_page_links_each_hit_to_its_story(client: TestClient) -> None:
    sid = _stories(client, outlet="Nordpress")[0]["id"]
    r = client.get("/search", params={"q": "coastguard"})
    assert r.status_code == 200
    assert f'href="/stories/{sid}"' in r.text
    assert client.get("/search").status_code == 200  # the empty form


def test_outlet_pages(client: TestClient) -> None:
    r = client.get("/outlets")
    assert r.status_code == 200 and "Nordpress" in r.text and "Brindle Gazette" in r.text
    r = client.get("/outlets", params={"name": "Daily Post"})
    assert r.status_code == 200 and "per 1,000 words" in r.text and "claimed" in r.text
    assert client.get("/outlets", params={"name": "Nobody"}).status_code == 404


# ---------------------------------------------------------------------- JSON API


def test_api_compare_returns_the_json_contract(client: TestClient) -> None:
    r = client.post(
        "/api/compare",
        json={"articles": [{"text": WIRE, "outlet": "Nordpress"}, {"text": REWRITE}, {"text": INDEPENDENT}]},
    )
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["schema"].startswith("newsprism.comparison/")
    assert next(a["outlet"] for a in data["articles"]) == "Nordpress"
    assert len(data["articles"]) == 3 and data["facts"]


def test_api_compare_reads_html_and_names_unreadable_articles(client: TestClient) -> None:
    page = "<html><body><article>" + "".join(f"<p>{x}</p>" for x in WIRE.splitlines()[3:7]) + "</article></body></html>"
    r = client.post(
        "/api/compare",
        json={
            "articles": [{"html": page, "title": "Fire"}, {"text": REWRITE}, {"text": "Headline only", "name": "bad"}]
        },
    )
    assert r.status_code == 200, r.text
    assert any("bad" in w for w in r.json()["warnings"])


@pytest.mark.parametrize(
    ("articles", "needle"),
    [
        ([{"text": WIRE}], "two or more"),
        ([], "two or more"),
        ([{"text": WIRE}, {"text": "x", "html": "<p>x</p>"}], "either text or html"),
        ([{"text": WIRE}, {"text": "Just a headline"}], "fewer than two readable"),
    ],
)
def test_api_compare_refuses_what_cannot_be_compared(client: TestClient, articles: list, needle: str) -> None:
    r = client.post("/api/compare", json={"articles": articles})
    assert r.status_code == 422
    assert needle in r.json()["error"]


def test_api_compare_malformed_json_is_a_4xx(client: TestClient) -> None:
    r = client.post("/api/compare", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "error" in r.json()


def test_api_stories_newest_first_and_filters(client: TestClient) -> None:
    rows = _stories(client)
    assert [r["headline"][:7] for r in rows] == ["Brindle", "Chaos a"]
    assert [r["size"] for r in _stories(client, outlet="Harbour Times")] == [3]
    assert [r["size"] for r in _stories(client, since="2025-04-01")] == [2]
    assert [r["size"] for r in _stories(client, until="2025-04-10")] == [2, 3]  # the day itself is in
    assert _stories(client, since="2026-01-01") == []
    assert len(_stories(client, limit="1", offset="1")) == 1
    r = client.get("/api/stories", params={"since": "March"})
    assert r.status_code == 422 and "since" in r.json()["error"]


def test_api_story_reads_the_comparison_compare_story_kept(db: Path, client: TestClient) -> None:
    """The comparison `newsprism compare --story` keeps is read as stored, not recomputed: a
    marker put into the kept JSON comes back, on the API and on the page."""
    from newsprism.corpus import comparison_key

    sid = _stories(client, outlet="Nordpress")[0]["id"]
    res = CliRunner().invoke(main, ["compare", "--story", sid, "--db", str(db), "--format", "json"])
    assert res.exit_code == 0, res.output
    key = comparison_key(client.app.state.story_options)  # type: ignore[attr-defined]
    with Store(db) as store:
        kept = json.loads(store.load_comparison(sid, key) or "{}")
        assert kept, "the web app reads under another key than the command line keeps"
        kept["warnings"] = ["kept marker"]
        store.save_comparison(sid, key, json.dumps(kept))
    r = client.get(f"/api/stories/{sid}")
    assert r.status_code == 200
    assert r.json()["story"]["size"] == 3
    assert r.json()["comparison"]["warnings"] == ["kept marker"]
    assert "kept marker" in client.get(f"/stories/{sid}").text


def test_api_story_not_kept_is_computed_and_not_stored(db: Path, client: TestClient) -> None:
    from newsprism.corpus import comparison_key

    sid = _stories(client, outlet="Evil Daily")[0]["id"]
    before = _digest(db)
    r = client.get(f"/api/stories/{sid}")
    assert r.status_code == 200 and len(r.json()["comparison"]["articles"]) == 2
    with Store(db) as store:
        assert store.load_comparison(sid, comparison_key(client.app.state.story_options)) is None  # type: ignore[attr-defined]
    assert _digest(db) == before


def test_api_story_unknown_is_404(client: TestClient) -> None:
    r = client.get("/api/stories/s0000000000")
    assert r.status_code == 404 and "no story s0000000000" in r.json()["error"]


def test_api_search(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": '"engine room"'})
    assert r.status_code == 200
    hits = r.json()["hits"]
    assert {h["outlet"] for h in hits} == {"Nordpress", "Daily Post"}
    assert all(h["story"] for h in hits)
    r = client.get("/api/search", params={"q": '"unclosed'})
    assert r.status_code == 400 and "quote the phrase" in r.json()["error"]
    assert client.get("/api/search").status_code == 422


def test_api_outlets(client: TestClient) -> None:
    r = client.get("/api/outlets", params={"outlet": "Daily Post"})
    assert r.status_code == 200
    (profile,) = r.json()["outlets"]
    assert profile["outlet"] == "Daily Post" and profile["articles"] == 1


def test_openapi_document_lists_the_api(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert {"/api/compare", "/api/stories", "/api/stories/{story_id}", "/api/search", "/api/outlets"} <= set(
        doc["paths"]
    )
    assert not any(p.startswith(("/stories", "/compare", "/search")) for p in doc["paths"])  # pages are not API
    assert client.get("/docs").status_code == 404  # the interactive docs would load script from a CDN


def test_no_corpus_answers_404_for_corpus_endpoints() -> None:
    client = TestClient(create_app(None))
    r = client.get("/api/stories")
    assert r.status_code == 404 and "--db" in r.json()["error"]
    assert client.post("/api/compare", json={"articles": [{"text": WIRE}, {"text": REWRITE}]}).status_code == 200


# ---------------------------------------------------------------------- limits


def test_a_body_over_the_limit_is_413_before_it_is_read() -> None:
    client = TestClient(create_app(None, options=WebOptions(max_request_bytes=10_000)))
    r = client.post("/api/compare", json={"articles": [{"text": WIRE * 20}, {"text": REWRITE}]})
    assert r.status_code == 413 and "over the limit of 10,000 bytes" in r.json()["error"]
    r = client.post("/compare", data={"text": [WIRE * 20, REWRITE]})
    assert r.status_code == 413 and "over the limit" in r.text


def test_a_streamed_body_without_length_is_cut_at_the_limit() -> None:
    client = TestClient(create_app(None, options=WebOptions(max_request_bytes=10_000)))
    payload = json.dumps({"articles": [{"text": WIRE * 20}, {"text": REWRITE}]}).encode()

    def chunks():
        for i in range(0, len(payload), 1000):
            yield payload[i : i + 1000]

    r = client.post("/api/compare", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and "over the limit" in r.json()["error"]


def test_an_article_over_its_limit_is_413() -> None:
    client = TestClient(create_app(None, options=WebOptions(max_article_bytes=2_000)))
    r = client.post("/api/compare", json={"articles": [{"text": WIRE * 5, "name": "long"}, {"text": REWRITE}]})
    assert r.status_code == 413 and r.json()["error"].startswith("long.txt: is")
    files = [
        ("file", ("big.txt", (WIRE * 5).encode(), "text/plain")),
        ("file", ("b.txt", REWRITE.encode(), "text/plain")),
    ]
    assert client.post("/compare", files=files).status_code in (400, 413)


def test_too_many_articles_is_422() -> None:
    client = TestClient(create_app(None, options=WebOptions(max_articles=2)))
    r = client.post("/api/compare", json={"articles": [{"text": WIRE}, {"text": REWRITE}, {"text": INDEPENDENT}]})
    assert r.status_code == 422 and r.json()["error"] == "give at most 2 articles to compare (got 3)"
    r = client.post("/compare", data={"text": [WIRE, REWRITE, INDEPENDENT]})
    assert r.status_code == 422 and "at most 2 articles" in r.text


def test_a_request_over_the_time_limit_is_408() -> None:
    client = TestClient(create_app(None, options=WebOptions(request_seconds=0.001)))
    r = client.post("/api/compare", json={"articles": [{"text": WIRE}, {"text": REWRITE}]})
    assert r.status_code == 408 and "limit of 0.001 s" in r.json()["error"]


def test_an_article_over_the_sentence_cap_is_422() -> None:
    client = TestClient(create_app(None, options=WebOptions(max_sentences=3)))
    r = client.post("/api/compare", json={"articles": [{"text": WIRE}, {"text": REWRITE}]})
    assert r.status_code == 422 and "cap of 3" in r.json()["error"]


def test_web_options_are_validated() -> None:
    with pytest.raises(ValueError, match="max_articles"):
        WebOptions(max_articles=1)
    with pytest.raises(ValueError, match="request_seconds"):
        WebOptions(request_seconds=0)


# ---------------------------------------------------------------------- security


def test_every_response_carries_a_csp_without_script(client: TestClient) -> None:
    for path in ("/", "/stories", "/api/stories", "/static/app.css", "/nowhere"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'none'" in csp and "default-src 'none'" in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"


def test_a_hostile_article_is_escaped_everywhere(client: TestClient) -> None:
    sid = _stories(client, outlet="Evil Daily")[0]["id"]
    pages = [
        client.get(f"/stories/{sid}").text,
        client.get("/stories").text,
        client.get("/search", params={"q": "footbridge"}).text,
        client.post("/compare", data={"text": [f"{HOSTILE_TITLE}\n{BRIDGE_B}", REWRITE]}).text,
    ]
    for text in pages:
        low = text.lower()
        assert "<script" not in low and "<img" not in low and 'href="javascript:' not in low
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in pages[0]


def test_report_page_escapes_article_text() -> None:
    from newsprism.comparison import compare
    from newsprism.readers import from_text

    comparison = compare([from_text(f"{HOSTILE_TITLE}\n{BRIDGE_B}"), from_text(REWRITE)])
    html = report_page(comparison)
    assert "<script" not in html.lower() and "&lt;script&gt;" in html
    assert "onerror=&#34;window.__pwned" in html or "onerror=&quot;window.__pwned" in html


def test_only_the_allowed_host_names_are_answered(db: Path) -> None:
    client = TestClient(create_app(db, options=WebOptions(allowed_hosts=("127.0.0.1", "localhost"))))
    assert client.get("/api/stories", headers={"host": "127.0.0.1:8000"}).status_code == 200
    r = client.get("/api/stories", headers={"host": "attacker.example"})
    assert r.status_code == 421 and "attacker.example" in r.json()["error"]


def test_no_endpoint_reads_a_path_the_client_names(client: TestClient, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Top secret headline\nThe launch codes are 1234 and nobody must know them at all.\n")
    r = client.post("/api/compare", json={"articles": [{"text": str(secret), "name": str(secret)}, {"text": WIRE}]})
    assert "launch codes" not in r.text
    files = [
        (
            "file",
            (
                str(secret),
                b"Upload headline\nThe upload's own words are read, and only them, from memory.\n",
                "text/plain",
            ),
        ),
        ("file", ("../../wire.txt", WIRE.encode(), "text/plain")),
    ]
    r = client.post("/compare", files=files)
    assert r.status_code == 200 and "launch codes" not in r.text and "own words are read" in r.text


def test_the_store_is_opened_read_only(db: Path, client: TestClient) -> None:
    before = _digest(db)
    for path in ("/stories", "/api/stories", "/outlets", "/api/outlets", "/api/search?q=ferry"):
        assert client.get(path).status_code == 200
    assert _digest(db) == before
    with Store(db, readonly=True) as store, pytest.raises(StoreError, match="read-only"):
        store.set_meta("x", "y")


def test_readonly_store_refuses_a_missing_file_and_an_older_schema(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such corpus"):
        Store(tmp_path / "none.db", readonly=True)
    assert not (tmp_path / "none.db").exists()
    import sqlite3

    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("CREATE TABLE articles (id TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="open it once for writing"):
        Store(old, readonly=True)


# ---------------------------------------------------------------------- the command


def test_serve_without_the_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi", None)
    res = CliRunner().invoke(main, ["serve"])
    assert res.exit_code == 1
    assert res.output.strip().splitlines() == [
        "newsprism: error: the web app needs fastapi (the web extra); install it with: pip install 'newsprism[web]'"
    ]


def test_serve_refuses_a_missing_corpus(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 1 and "no such corpus" in res.output


def test_serve_binds_loopback_by_default() -> None:
    params = {p.name: p for p in main.commands["serve"].params}
    assert params["host"].default == "127.0.0.1"


def test_importing_the_web_module_loads_no_server() -> None:
    import subprocess

    code = (
        "import sys, newsprism.web, newsprism.cli; "
        "print(','.join(m for m in ('fastapi', 'starlette', 'uvicorn', 'jinja2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
