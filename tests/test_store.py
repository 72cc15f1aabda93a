"""The SQLite store: schema and migrations, idempotent ingest, search, stories, crash safety."""

from __future__ import annotations

import json
import os
import select
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import newsprism
from newsprism.store import SCHEMA_VERSION, Store, StoreError, _schema, article_id

REPO = Path(__file__).resolve().parents[1]

# Fictional reports, invented for these tests.
HARBOUR = """Storm closes Velmar harbour for two days
PORT HERALD | May 2, 2025
Gale-force winds closed the harbour of Velmar on Thursday, stranding 40 fishing boats, the port authority said.
Harbour master Ines Kovac said the ban would last until Saturday morning.
Share this article
"""

HARBOUR_COPY = """Velmar harbour shut by storm
A second outlet's headline

Gale-force  winds closed the harbour of Velmar on Thursday,   stranding 40 fishing boats, the port authority said.
HARBOUR MASTER Ines Kovac said the ban would last until Saturday morning.
"""

LIBRARY = """Town library reopens after flood repairs
The library in Ostrava Vale reopened on Monday after eight months of repairs following last year's flood.
Some 12,000 books were restored, the council said.
"""

MARATHON = """Record field for the Lindholm marathon
More than 9,000 runners signed up for Sunday's Lindholm marathon, a record, organisers said.
Roads in the old town will close from 6 a.m.
"""


def _article(text: str, id: str, outlet: str | None = None, published: str | None = None) -> newsprism.Article:
    return newsprism.prepare_article(newsprism.from_text(text, id=id, outlet=outlet, published=published))


@pytest.fixture()
def arts() -> dict[str, newsprism.Article]:
    return {
        "harbour": _article(HARBOUR, "harbour", "Port Herald", "2025-05-02"),
        "copy": _article(HARBOUR_COPY, "copy", "Coast Daily", "2025-05-03"),
        "library": _article(LIBRARY, "library", "Vale News", "2025-01-14"),
        "marathon": _article(MARATHON, "marathon", None, None),
    }


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return tmp_path / "newsprism.db"


def _numbered(n: int) -> list[newsprism.Article]:
    """n distinct short articles; article i holds the unique word ``zq{i}x``."""
    return [
        _article(
            f"Council report {i}\nThe council published report zq{i}x on Tuesday. It covers {i} roads in the district.",
            id=f"report-{i}",
            outlet=f"Outlet {i % 3}",
            published=f"2025-02-{1 + i % 28:02d}",
        )
        for i in range(n)
    ]


# ---------------------------------------------------------------------- opening and schema


def test_create_sets_pragmas_and_schema(db: Path) -> None:
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        assert st.has_search
        assert st.count_articles() == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')")}
    assert {
        "articles",
        "articles_fts",
        "ingest_runs",
        "rejects",
        "stories",
        "story_articles",
        "meta",
        "articles_outlet",
        "articles_published",
        "articles_url",
        "story_articles_article",
    } <= tables
    # datasette offers search on a table when an FTS table names it with content="table"
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert 'content="articles"' in sql
    conn.close()


def test_open_classmethod_and_reopen(db: Path, arts) -> None:
    with Store.open(db) as st:
        st.add_articles([arts["harbour"]])
    st = Store(db)
    try:
        assert st.count_articles() == 1
    finally:
        st.close()
    st.close()  # a second close does nothing
    with pytest.raises(StoreError, match="the store is closed"):
        st.count_articles()


def test_old_version_is_migrated(db: Path) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    assert _schema.migrate(conn, target=1) == [1]
    conn.execute(
        "INSERT INTO articles (id, source, title, text, sentences) VALUES (?, ?, ?, ?, ?)",
        ("00000000000000aa", "old.txt", "Old headline", "An article stored by schema version one.", "[[0, 40]]"),
    )
    assert _schema.user_version(conn) == 1
    assert not _schema.has_fts(conn)
    conn.close()
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        hits = st.search("version")
        assert [h.id for h in hits] == ["00000000000000aa"]
        assert st.get_article("00000000000000aa").sentences[0].text == "An article stored by schema version one."
        assert st.check() == []


def test_without_fts5_search_says_why_and_a_later_open_builds_the_index(db: Path, arts, monkeypatch) -> None:
    monkeypatch.setattr(_schema, "fts5_available", lambda conn: False)
    with Store(db) as st:
        assert not st.has_search
        st.add_articles([arts["library"]])
        with pytest.raises(StoreError, match="full-text search is unavailable") as info:
            st.search("library")
        assert "\n" not in str(info.value)
        assert st.get_meta("fts") == "missing"
    monkeypatch.undo()
    with Store(db) as st:
        assert st.has_search
        assert [h.id for h in st.search("library")] == [article_id(arts["library"])]
        assert st.get_meta("fts") is None


def test_not_a_database_is_one_line_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        Store(bad)
    message = str(info.value)
    assert message.startswith(str(bad) + ": ")
    assert "not a SQLite database" in message
    assert "\n" not in message
    assert bad.read_text(encoding="utf-8").startswith("these are my notes")  # left untouched
    assert isinstance(info.value, newsprism.NewsprismError)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.mkdir(), "is a folder"),
        (lambda p: None, "there is no folder"),
    ],
)
def test_unusable_paths(tmp_path: Path, make, expected: str) -> None:
    path = tmp_path / "store.db" if expected != "there is no folder" else tmp_path / "missing" / "store.db"
    make(path)
    with pytest.raises(StoreError, match=expected) as info:
        Store(path)
    assert str(info.value).startswith(str(path))


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a newsprism store") as info:
        Store(other)
    assert str(info.value).startswith(str(other))


def test_newer_schema_is_refused(db: Path) -> None:
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(db)


# ---------------------------------------------------------------------- articles


def test_article_id_folds_whitespace_and_case(arts) -> None:
    a = arts["harbour"]
    assert len(article_id(a)) == 16
    assert article_id(a) == article_id(arts["copy"])  # same text, other spacing and case
    assert article_id(a) != article_id(arts["library"])


def test_add_and_duplicates_are_idempotent(db: Path, arts) -> None:
    with Store(db) as st:
        first = st.add_articles([arts["harbour"], arts["library"], arts["copy"]], batch_size=2)
        assert first.added == [article_id(arts["harbour"]), article_id(arts["library"])]
        assert first.duplicates == [article_id(arts["copy"])]
        again = st.add_articles(arts.values())
        assert again.added == [article_id(arts["marathon"])]
        assert sorted(again.duplicates) == sorted(article_id(arts[k]) for k in ("harbour", "copy", "library"))
        assert st.count_articles() == 3
        # the first copy stored wins
        assert st.get_article(article_id(arts["harbour"])).outlet == "Port Herald"
        assert st.check() == []


def test_get_article_round_trip(db: Path, arts) -> None:
    a = arts["harbour"]
    assert a.removed  # the byline, date line and share prompt were dropped
    with Store(db) as st:
        st.add_articles([a])
        back = st.get_article(article_id(a))
    assert back.id == article_id(a)
    assert back.source == "harbour"  # the reader's id becomes the source
    assert (back.text, back.title, back.outlet, back.published) == (a.text, a.title, a.outlet, a.published)
    assert back.removed == a.removed
    assert back.removed_reasons == a.removed_reasons
    assert back.sentences == a.sentences


def test_unknown_article(db: Path) -> None:
    with Store(db) as st, pytest.raises(StoreError, match="no article ffff; run newsprism articles"):
        st.get_article("ffff")


def test_listing_and_iteration_are_ordered(db: Path, arts) -> None:
    with Store(db) as st:
        st.add_articles([arts["harbour"], arts["marathon"], arts["library"]])
        rows = st.articles(limit=10)
        # no date first, then by date
        assert [r.id for r in rows] == [article_id(arts[k]) for k in ("marathon", "library", "harbour")]
        assert rows[2].n_sentences == len(arts["harbour"].sentences)
        assert [r.title for r in st.articles(limit=10, outlet="Vale News")] == [arts["library"].title]
        assert [r.id for r in st.articles(limit=1, offset=1)] == [article_id(arts["library"])]
        assert [a.id for a in st.iter_articles(since="2025-02-01")] == [article_id(arts["harbour"])]
        wanted = [article_id(arts["harbour"]), article_id(arts["library"])]
        assert [a.id for a in st.iter_articles(ids=wanted)] == wanted[::-1]
        with pytest.raises(StoreError, match="no article nope"):
            st.iter_articles(ids=["nope"])


def test_search_ranks_and_snippets(db: Path, arts) -> None:
    with Store(db) as st:
        st.add_articles(arts.values())
        hits = st.search("harbour")
        assert [h.id for h in hits] == [article_id(arts["harbour"])]
        assert "[harbour]" in hits[0].snippet.lower()
        assert hits[0].score > 0
        assert st.search("zzzz") == []
        assert [h.id for h in st.search('"fishing boats"')] == [article_id(arts["harbour"])]
        assert {h.id for h in st.search("library OR marathon")} == {
            article_id(arts["library"]),
            article_id(arts["marathon"]),
        }


@pytest.mark.parametrize("query", ['harbour"', "harbour AND", "port:authority", "(storm"])
def test_bad_search_query_says_to_quote(db: Path, query: str) -> None:
    with Store(db) as st, pytest.raises(StoreError) as info:
        st.search(query)
    message = str(info.value)
    assert message.startswith(str(db) + ": cannot search for")
    assert "quote the phrase" in message
    assert "\n" not in message


def test_empty_search(db: Path) -> None:
    with Store(db) as st, pytest.raises(StoreError, match="empty search"):
        st.search("   ")


# ---------------------------------------------------------------------- runs and meta


def test_ingest_runs_and_rejects(db: Path, arts) -> None:
    with Store(db) as st:
        run = st.record_run(note="tests")
        result = st.add_articles([arts["harbour"], arts["copy"]])
        st.add_rejects(run, [("empty.txt", "no article body is left")])
        done = st.finish_run(
            run,
            added=len(result.added),
            duplicates=len(result.duplicates),
            rejects=[("bad.html", "binary data")],
        )
        assert (done.added, done.duplicates, done.rejected, done.note) == (1, 1, 2, "tests")
        assert done.finished_at is not None
        assert st.rejects(run) == [("empty.txt", "no article body is left"), ("bad.html", "binary data")]
        assert [r.id for r in st.runs()] == [run]
        with pytest.raises(StoreError, match="no ingest run 99"):
            st.finish_run(99, added=0, duplicates=0)


def test_meta(db: Path) -> None:
    with Store(db) as st:
        assert st.get_meta("grouping") is None
        st.set_meta("grouping", json.dumps({"method": "minhash-lsh.v1"}))
        st.set_meta("grouping", json.dumps({"method": "minhash-lsh.v2"}))
        assert json.loads(st.get_meta("grouping") or "{}") == {"method": "minhash-lsh.v2"}
        st.set_meta("grouping", None)
        assert st.get_meta("grouping") is None


# ---------------------------------------------------------------------- stories


def test_stories_save_replace_list(db: Path, arts) -> None:
    h, c, lib, m = (article_id(arts[k]) for k in ("harbour", "copy", "library", "marathon"))
    copy = _article(HARBOUR_COPY.replace("HARBOUR MASTER", "Harbourmaster"), "copy2", "Coast Daily", "2025-05-03")
    c = article_id(copy)
    assert c != h
    with Store(db) as st:
        st.add_articles([*arts.values(), copy])
        saved = st.save_stories({h: "s-storm", c: "s-storm", lib: "s-lib"}, {c: h}, "test-group.v1")
        assert (saved.created, saved.changed, saved.deleted) == (["s-lib", "s-storm"], [], [])
        rows = st.stories()
        assert [r.id for r in rows] == ["s-lib", "s-storm"]  # by first published date
        storm = rows[1]
        assert (storm.size, storm.n_origins, storm.method) == (2, 1, "test-group.v1")
        assert storm.outlets == ("Coast Daily", "Port Herald")
        assert (storm.first_published, storm.last_published) == ("2025-05-02", "2025-05-03")
        assert [a.id for a in st.story_articles("s-storm")] == [h, c]
        assert st.story_of(c) == "s-storm"
        assert st.story_of(m) is None
        assert st.assignments() == dict(sorted({h: "s-storm", c: "s-storm", lib: "s-lib"}.items()))
        assert st.origins() == {c: h}
        assert [r.id for r in st.stories(since="2025-05-01")] == ["s-storm"]

        # the same assignment again changes nothing
        same = st.save_stories({h: "s-storm", c: "s-storm"}, {c: h}, "test-group.v1")
        assert (same.created, same.changed, same.deleted) == ([], [], [])

        # move the library article and the marathon into a new story: s-lib is left empty and goes
        moved = st.save_stories({lib: "s-misc", m: "s-misc"}, None, "test-group.v2")
        assert (moved.created, moved.changed, moved.deleted) == (["s-misc"], [], ["s-lib"])
        assert [r.id for r in st.stories()] == ["s-misc", "s-storm"]
        with pytest.raises(StoreError, match="no story s-lib; run newsprism stories to list them"):
            st.story_articles("s-lib")

        # a regrouping that moves the original out: the copy left behind becomes an origin itself
        split = st.save_stories({h: "s-orig"}, None, "test-group.v2")
        assert (split.created, split.changed, split.deleted) == (["s-orig"], ["s-storm"], [])
        assert {r.id: (r.size, r.n_origins, r.method) for r in st.stories()} == {
            "s-misc": (2, 2, "test-group.v2"),
            "s-storm": (1, 1, "test-group.v2"),
            "s-orig": (1, 1, "test-group.v2"),
        }
        assert st.origins() == {}
        assert st.assignments() == dict(sorted({h: "s-orig", c: "s-storm", lib: "s-misc", m: "s-misc"}.items()))
        assert st.check() == []


def test_save_stories_rejects_bad_input_and_writes_nothing(db: Path, arts) -> None:
    h, lib, m = (article_id(arts[k]) for k in ("harbour", "library", "marathon"))
    with Store(db) as st:
        st.add_articles(arts.values())
        with pytest.raises(StoreError, match="no article 0123456789abcdef"):
            st.save_stories({h: "s1", "0123456789abcdef": "s1"}, None, "m")
        with pytest.raises(StoreError, match="not in the same story"):
            st.save_stories({h: "s1", lib: "s2"}, {lib: h}, "m")
        with pytest.raises(StoreError, match="which is not assigned"):
            st.save_stories({h: "s1"}, {m: h}, "m")
        assert st.stories() == []
        assert st.assignments() == {}


# ---------------------------------------------------------------------- crash safety

_WRITER = """
import sys, time
from newsprism.store import Store
from tests.test_store import _numbered

articles = _numbered(int(sys.argv[2]))
st = Store(sys.argv[1])
begins = inserts = 0

def trace(statement):
    # count the article INSERTs after the third BEGIN and stop at the tenth, inside that
    # batch of 10, before it is indexed and committed
    global begins, inserts
    if statement.startswith("BEGIN"):
        begins += 1
    elif begins == 3 and statement.startswith("INSERT INTO articles "):
        inserts += 1
        if inserts == 10:
            print("mid-batch", flush=True)
            time.sleep(30)

st._conn.set_trace_callback(trace)
while True:
    st.add_articles(articles, batch_size=10)
"""


def test_sigkill_mid_batch_leaves_whole_batches(db: Path) -> None:
    n = 40
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db), str(n)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(REPO)])},
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], 20)
        assert ready, "the writer did not reach its third batch in 20 s"
        line = proc.stdout.readline()
        assert line.strip() == "mid-batch", proc.stderr.read() if proc.stderr else ""
        # the writer is inside a transaction: others see two batches and cannot write
        with Store(db, timeout=0) as other:
            assert other.count_articles() == 20
            with pytest.raises(StoreError, match="the database is busy") as info:
                other.add_articles(_numbered(1))
            assert str(info.value).startswith(str(db))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert Path(str(db) + "-wal").exists()  # killed with its write-ahead log open

    articles = _numbered(n)
    ids = [article_id(a) for a in articles]
    with Store(db) as st:
        conn = st._conn
        assert conn is not None
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert st.check() == []
        # the two committed batches are there, nothing of the third
        assert st.count_articles() == 20
        assert {a.id for a in st.iter_articles()} == set(ids[:20])
        for a in st.iter_articles():
            assert a.text and a.title and a.sentences
            assert all(s.text == a.text[s.start : s.end] for s in a.sentences)
        # the full-text index agrees with the table
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 20
        for i in (0, 19, 20, 39):
            assert len(st.search(f"zq{i}x")) == (1 if i < 20 else 0)

        again = st.add_articles(articles, batch_size=7)
        assert again.duplicates == ids[:20]
        assert again.added == ids[20:]
        assert st.add_articles(articles).duplicates == ids
        assert st.count_articles() == n
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == n
        assert st.check() == []


def test_sentence_roles_survive_the_store(tmp_path: Path) -> None:
    from dataclasses import replace

    art = _article("Storm\nA storm closed the port on Monday. Ships waited outside for two days.", "storm")
    first, second = art.sentences[0], art.sentences[1]
    art = replace(art, sentences=(replace(first, role="standfirst"), second))
    with Store(tmp_path / "r.db") as st:
        st.add_articles([art])
        back = st.get_article(article_id(art))
    assert [s.role for s in back.sentences] == ["standfirst", "body"]
