"""Quotations in the corpus: found at ingest, stored with their spans, listed by `newsprism quotes`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import newsprism
from newsprism.corpus import ingest, quotes_in
from newsprism.quotes import QUOTES_VERSION, article_quotes, speaker_matches
from newsprism.store import Store, StoreError, _schema

from .conftest import count_rows, write_jsonl
from .test_cli import run

# Fictional reports of one council vote by two outlets, and an article with no quotation,
# written for these tests.
WIRE = {
    "title": "Velmar council approves harbour levy",
    "outlet": "Nordpress",
    "published": "2025-04-01",
    "text": "The council of Velmar approved a harbour levy on Tuesday after a four-hour debate.\n"
    'Mayor Ana Ruiz said the money would repair the breakwater. "We cannot let the sea take the old town," '
    "Ruiz told the council.\n"
    'Opposition leader Tomas Berg called the levy "a tax on fishermen".\n'
    '"This budget punishes the people who built this harbour," Berg said after the vote.\n',
}
REWRITE = {
    "title": "Harbour levy passes in Velmar",
    "outlet": "Coast Daily",
    "published": "2025-04-02",
    "text": "The Velmar council voted through a harbour levy on Tuesday.\n"
    '"We cannot let the sea take the town," Mayor Ana Ruiz said.\n'
    "Tomas Berg, who leads the opposition, was unconvinced. "
    '"This budget punishes the people who built this harbour," he claimed.\n',
}
QUIET = {
    "title": "Vale library reopens",
    "outlet": "Vale News",
    "published": "2025-03-30",
    "text": "The library in Ostrava Vale reopened on Monday after eight months of repairs.\n"
    "Some 12,000 books were restored.\n",
}
LATER = {
    "title": "Ruiz defends levy",
    "outlet": "Vale News",
    "published": "2025-04-09",
    "text": "A week after the vote, Mayor Ana Ruiz defended the harbour levy on local radio.\n"
    '"Every coin of it goes to the breakwater and nowhere else," Ruiz said.\n',
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A store with the three articles ingested as a user does (worker processes included)."""
    db = tmp_path / "news.db"
    summary = ingest([write_jsonl(tmp_path / "in.jsonl", WIRE, REWRITE, QUIET)], db=db, workers=2)
    assert summary.added == 3
    return db


# ---------------------------------------------------------------------- stored at ingest


def test_ingest_stores_quotations_with_spans_into_the_stored_text(corpus: Path) -> None:
    with Store(corpus) as st:
        rows = st.quotes()
        assert st.unquoted() == []  # every article was looked at, the one without quotations too
        texts = {r.quote.article: st.get_article(r.quote.article).text for r in rows}
        for r in rows:
            q, text = r.quote, texts[r.quote.article]
            assert text[q.start : q.end] == q.text
            assert q.speaker_mention is not None and q.cue is not None
            assert q.cue.of(text) == r.cue
            assert st.get_article(q.article).sentences[q.sentence].span.start <= q.start
        # the same quotations ingest's workers found, in the same order and with the same ids
        for aid in sorted(texts):
            found = article_quotes(st.get_article(aid)).quotes
            assert [(q.id, q.span, q.text, q.speaker, q.cue) for q in found] == [
                (r.quote.id, r.quote.span, r.quote.text, r.quote.speaker, r.quote.cue)
                for r in rows
                if r.quote.article == aid
            ]
    assert [r.quote.text for r in rows] == [
        "We cannot let the sea take the old town,",
        "a tax on fishermen",
        "This budget punishes the people who built this harbour,",
        "We cannot let the sea take the town,",
        "This budget punishes the people who built this harbour,",
    ]
    assert {r.quote.speaker for r in rows} == {"Ana Ruiz", "Tomas Berg"}
    with sqlite3.connect(corpus) as conn:
        assert conn.execute("SELECT method, quotes FROM quoted ORDER BY quotes").fetchall() == [
            (QUOTES_VERSION, 0),
            (QUOTES_VERSION, 2),
            (QUOTES_VERSION, 3),
        ]
        # the speaker index answers a lookup, case aside (INDEXED BY fails where it cannot)
        sql = "SELECT count(*) FROM quotes INDEXED BY quotes_speaker WHERE speaker = ?"
        assert conn.execute(sql, ("TOMAS BERG",)).fetchone()[0] == 3
        sql = "SELECT count(*) FROM quotes INDEXED BY quotes_article WHERE article_id = ?"
        assert conn.execute(sql, (rows[0].quote.article,)).fetchone()[0] == 3


def test_a_rerun_adds_no_quotation_and_a_copy_is_not_quoted_twice(corpus: Path, tmp_path: Path) -> None:
    before = count_rows(corpus, "SELECT count(*) FROM quotes")
    again = ingest([tmp_path / "in.jsonl"], db=corpus, workers=1)
    assert again.added == 0 and again.duplicates == 3
    copy = dict(WIRE, title="Another headline", outlet="Copycat")  # the same text: the same article
    assert ingest([write_jsonl(tmp_path / "copy.jsonl", copy)], db=corpus, workers=1).duplicates == 1
    assert count_rows(corpus, "SELECT count(*) FROM quotes") == before
    assert count_rows(corpus, "SELECT count(*) FROM quotes_fts") == before
    with Store(corpus) as st:
        assert st.check() == []


# ---------------------------------------------------------------------- listing


def test_speaker_by_full_name_and_surname_case_aside(corpus: Path) -> None:
    full = quotes_in(corpus, speaker="Ana Ruiz")
    assert [r.quote.text for r in full.quotes] == [
        "We cannot let the sea take the old town,",
        "We cannot let the sea take the town,",
    ]
    assert quotes_in(corpus, speaker="ruiz").quotes == full.quotes
    assert quotes_in(corpus, speaker="  ANA   ruiz ").quotes == full.quotes
    assert quotes_in(corpus, speaker="Ana").quotes == ()  # a first name is not a surname
    assert {r.quote.speaker for r in quotes_in(corpus, speaker="Berg").quotes} == {"Tomas Berg"}
    with pytest.raises(StoreError, match="empty speaker"):
        quotes_in(corpus, speaker="  ")


@pytest.mark.parametrize(
    ("query", "speaker", "expected"),
    [
        ("Stoltenberg", "Jens Stoltenberg", True),
        ("jens stoltenberg", "Jens Stoltenberg", True),
        ("STOLTENBERG", "Jens Stoltenberg", True),
        ("Ruiz", "Ana Ruíz", True),  # accents aside
        ("Jens", "Jens Stoltenberg", False),
        ("Berg", "Jens Stoltenberg", False),  # a word, not the end of a word
        ("Anna Stoltenberg", "Jens Stoltenberg", False),
        ("Jens Stoltenberg", "Stoltenberg", False),
        ("", "Jens Stoltenberg", False),
        ("officials", "officials", True),
    ],
)
def test_speaker_matches(query: str, speaker: str, expected: bool) -> None:
    assert speaker_matches(query, speaker) is expected


def test_search_outlet_limit_and_order(corpus: Path) -> None:
    hits = quotes_in(corpus, search="fishermen")
    assert [(r.quote.text, r.outlet, r.cue) for r in hits.quotes] == [("a tax on fishermen", "Nordpress", "called")]
    assert [r.quote.text for r in quotes_in(corpus, search='"take the town"').quotes] == [
        "We cannot let the sea take the town,"
    ]
    only = quotes_in(corpus, outlet="Coast Daily")
    assert {r.outlet for r in only.quotes} == {"Coast Daily"} and len(only.quotes) == 2
    assert only.groups == ()  # grouping is among the quotations listed
    everything = quotes_in(corpus)
    assert everything.matched == 3  # two quotations carried by both outlets count once each
    first = quotes_in(corpus, limit=1)
    assert first.matched == 3 and [r.quote.group for r in first.quotes] == ["g1", "g1"]
    assert first.groups == everything.groups[:1]
    assert quotes_in(corpus) == everything  # the same store gives the same listing
    with pytest.raises(StoreError, match="quote the phrase"):
        quotes_in(corpus, search="AND OR")
    with pytest.raises(StoreError, match="more than 2 quotations match, too many to group; narrow"):
        quotes_in(corpus, max_quotes=2)


def test_the_same_words_in_two_outlets_are_one_entry_with_each_rendering(corpus: Path) -> None:
    listing = quotes_in(corpus)
    by_group: dict[str | None, list[str]] = {}
    for r in listing.quotes:
        by_group.setdefault(r.quote.group, []).append(r.outlet or "")
    assert by_group == {"g1": ["Nordpress", "Coast Daily"], None: ["Nordpress"], "g2": ["Nordpress", "Coast Daily"]}
    g1, g2 = listing.groups
    outlet = {r.quote.article: r.outlet for r in listing.quotes}
    assert g1.speaker == "Ana Ruiz"
    assert [(outlet[v.article], v.variant, v.cue) for v in g1.variants] == [
        ("Nordpress", "verbatim", "told"),
        ("Coast Daily", "altered", "said"),
    ]
    assert ("-", "old ") in g1.variants[1].diff
    assert g1.reference == g1.variants[0].quote == "q1"
    assert [(outlet[v.article], v.variant, v.speaker, v.cue) for v in g2.variants] == [
        ("Nordpress", "verbatim", "Tomas Berg", "said"),
        ("Coast Daily", "verbatim", "Tomas Berg", "claimed"),  # "he claimed": the article named him before
    ]
    # a variant names its quotation by its id in its article
    ids = {(r.quote.article, r.quote.id) for r in listing.quotes}
    assert all((v.article, v.quote) in ids for g in listing.groups for v in g.variants)


# ---------------------------------------------------------------------- stores written before quotations


def test_a_store_from_before_quotations_is_migrated_and_its_articles_get_theirs(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    assert _schema.migrate(conn, target=5) == [1, 2, 3, 4, 5]  # the schema before quotations
    # an article stored by schema version 5, as that code wrote it
    article = newsprism.prepare_article(newsprism.from_text(WIRE["title"] + "\n" + WIRE["text"], id="wire"))
    conn.execute(
        "INSERT INTO articles (id, source, title, outlet, published, text, sentences) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            "00000000000000aa",
            "old.jsonl:1",
            WIRE["title"],
            "Nordpress",
            "2025-04-01",
            article.text,
            json.dumps([[s.start, s.end] for s in article.sentences]),
        ),
    )
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.close()
    with Store(db) as st:
        assert st.schema_version == _schema.SCHEMA_VERSION
        assert st.unquoted() == ["00000000000000aa"]
        assert st.quotes() == []  # looked up directly, the store says nothing: quotes_in does
    res = run("quotes", "--db", str(db), "--speaker", "Berg", "--format", "json")
    assert res.returncode == 0, res.stderr
    assert res.stderr.splitlines()[0] == (
        f"newsprism: found the quotations of 1 article stored without them ({QUOTES_VERSION}); "
        "they are kept for next time"
    )
    data = json.loads(res.stdout)
    assert data["extracted"] == 1
    assert [q["text"] for q in data["quotes"]] == [
        "a tax on fishermen",
        "This budget punishes the people who built this harbour,",
    ]
    again = quotes_in(db)
    assert again.extracted == 0 and len(again.quotes) == 3
    with Store(db) as st:
        assert st.unquoted() == [] and st.check() == []


def test_quotations_of_another_version_are_found_again(corpus: Path) -> None:
    before = quotes_in(corpus)
    with sqlite3.connect(corpus) as conn:
        conn.execute("UPDATE quoted SET method = 'quotes.v0'")
        conn.execute("UPDATE quotes SET speaker = 'Someone Else'")
    after = quotes_in(corpus)
    assert after.extracted == 3
    assert after.quotes == before.quotes and after.groups == before.groups
    with Store(corpus) as st:
        assert st.check() == []
        assert [r.quote.text for r in st.quotes(search="harbour")] == [
            "This budget punishes the people who built this harbour,"
        ] * 2


def test_without_fts5_quotations_are_stored_and_a_later_open_indexes_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(_schema, "fts5_available", lambda conn: False)
    db = tmp_path / "news.db"
    ingest([write_jsonl(tmp_path / "in.jsonl", WIRE)], db=db, workers=1)
    assert [r.quote.speaker for r in quotes_in(db, speaker="Berg").quotes] == ["Tomas Berg", "Tomas Berg"]
    with pytest.raises(StoreError, match="full-text search is unavailable"):
        quotes_in(db, search="fishermen")
    monkeypatch.undo()
    assert [r.quote.text for r in quotes_in(db, search="fishermen").quotes] == ["a tax on fishermen"]
    with Store(db) as st:
        assert st.check() == []


def test_deleting_an_article_deletes_its_quotations(corpus: Path) -> None:
    with sqlite3.connect(corpus) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles WHERE outlet = 'Nordpress'")
    assert count_rows(corpus, "SELECT count(*) FROM quotes") == 2
    with Store(corpus) as st:
        assert st.check() == []
        assert st.quotes(search="fishermen") == []


# ---------------------------------------------------------------------- the command


def test_cli_quotes_text_markdown_json_and_errors(corpus: Path, tmp_path: Path) -> None:
    ingest([write_jsonl(tmp_path / "later.jsonl", LATER)], db=corpus, workers=1)
    res = run("quotes", "--db", str(corpus))
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == "“We cannot let the sea take the old town,”  [g1: 2 articles]"
    assert lines[1] == "    Ana Ruiz"
    assert lines[2].startswith("    [verbatim] Nordpress: Velmar council approves harbour levy · 2025-04-01 · ")
    assert lines[2].endswith("/q1 (Ana Ruiz, told)")
    assert lines[3].startswith("    [altered]  Coast Daily: Harbour levy passes in Velmar · 2025-04-02 · ")
    assert lines[4] == "        We cannot let the sea take the [-old -]town"
    assert lines[5] == "“a tax on fishermen”"
    assert lines[6].startswith("    Tomas Berg (called) · Nordpress: Velmar council approves harbour levy · ")
    assert lines[-2] == "“Every coin of it goes to the breakwater and nowhere else,”"
    assert res.stderr == "(4 of 4 quotations)\n"

    res = run("quotes", "--db", str(corpus), "--speaker", "ruiz", "--limit", "1", "--format", "md")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(
        "# Quotations\n\n- “We cannot let the sea take the old town,” — **Ana Ruiz** · 2 articles"
    )
    assert "`altered` **Coast Daily: Harbour levy passes in Velmar**" in res.stdout
    assert "Every coin" not in res.stdout
    assert res.stderr == "(1 of 2 quotations; --limit 2 shows all)\n"

    res = run("quotes", "--db", str(corpus), "--search", "breakwater", "--format", "json")
    data = json.loads(res.stdout)
    assert data["schema"] == "newsprism.quotes/1" and data["method"] == QUOTES_VERSION
    (q,) = data["quotes"]
    assert (q["speaker"], q["cue_words"], q["outlet"], q["title"], q["published"]) == (
        "Ana Ruiz",
        "said",
        "Vale News",
        "Ruiz defends levy",
        "2025-04-09",
    )
    with Store(corpus) as st:
        assert st.get_article(q["article"]).text[q["start"] : q["end"]] == q["text"]

    res = run("quotes", "--db", str(corpus), "--outlet", "Nobody")
    assert res.returncode == 0 and res.stdout == "" and res.stderr == "(0 of 0 quotations)\n"

    missing = tmp_path / "missing.db"
    res = run("quotes", "--db", str(missing))
    assert res.returncode == 1
    assert (
        res.stderr
        == f"newsprism: error: {missing}: no such corpus; create it with: newsprism ingest PATH... --db {missing}\n"
    )
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (x)")
    res = run("quotes", "--db", str(foreign))
    assert res.returncode == 1 and res.stderr.count("\n") == 1
    assert res.stderr.startswith(f"newsprism: error: {foreign}: is a SQLite database but not a newsprism store")
    res = run("quotes", "--db", str(corpus), "--max-quotes", "3")
    assert res.returncode == 1 and res.stderr == (
        f"newsprism: error: {corpus}: more than 3 quotations match, too many to group; narrow the listing with a "
        "speaker, words to search for or an outlet (or raise --max-quotes)\n"
    )
    res = run("quotes", "--db", str(corpus), "--search", "AND OR")
    assert res.returncode == 1 and "quote the phrase" in res.stderr and res.stderr.count("\n") == 1


def test_the_per_record_step_finds_the_quotations() -> None:
    raw = newsprism.from_text(REWRITE["title"] + "\n" + REWRITE["text"], id="rewrite")
    (prepared,) = newsprism.prepare_many([raw])
    assert isinstance(prepared, newsprism.Prepared)
    assert prepared.quotes == article_quotes(prepared.article).quotes
    assert [(q.id, q.speaker) for q in prepared.quotes] == [("q1", "Ana Ruiz"), ("q2", "Tomas Berg")]
    assert all(prepared.article.text[q.start : q.end] == q.text for q in prepared.quotes)
    assert newsprism.prepare(raw) == prepared


def test_ingest_without_quotes_leaves_them_for_the_first_listing(tmp_path: Path) -> None:
    db = tmp_path / "fast.db"
    res = run("ingest", str(write_jsonl(tmp_path / "in.jsonl", WIRE, REWRITE)), "--db", str(db), "--no-quotes", "-q")
    assert res.returncode == 0, res.stderr
    assert count_rows(db, "SELECT count(*) FROM quotes") == 0
    with Store(db) as st:
        assert len(st.unquoted()) == 2  # not looked for, which is not "none found"
    listing = quotes_in(db, speaker="Berg")
    assert listing.extracted == 2
    assert "This budget punishes the people who built this harbour," in [r.quote.text for r in listing.quotes]
