"""Framing marks in the corpus: found at ingest, stored with their spans, counted per outlet by
`newsprism outlets`."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

import newsprism
from newsprism import entities, framing_lexicon, lexicons
from newsprism.corpus import ingest, quotes_in
from newsprism.entities import alias_mentions
from newsprism.framing import corpus_marks, corpus_marks_method
from newsprism.outlets import outlets_in
from newsprism.quotes import article_quotes
from newsprism.store import Store, StoreError, _schema

from .conftest import count_rows, write_jsonl
from .test_cli import run

ALIASES = lexicons.load("entity-aliases").version

# Fictional reports of one engine test, by two outlets, written for these tests.
LEDGER_1 = {
    "title": "Talks on the Tarn dam stall",
    "outlet": "Harbor Ledger",
    "published": "2025-05-05",
    "text": "North Korea allegedly tested another engine near the coast on Monday, officials in Seoul said.\n"
    'The DPRK claimed the test was routine. "This brutal blockade will not break us," a spokesman insisted.\n'
    'Critics slammed the so-called "reform" of the dam board. The U.S. reportedly plans new sanctions, '
    "and Washington admitted it had few options.\n",
}
LEDGER_2 = {
    "title": "Launchers moved north",
    "outlet": "Harbor Ledger",
    "published": "2025-05-06",
    "text": "Pyongyang said on Tuesday it would hold more tests. The DPRK reportedly moved launchers north.\n"
    "US officials admitted they were surprised. The Washington Post first reported the move.\n",
}
COASTLINE = {
    "title": "North Korea tests engine",
    "outlet": "Coastline Daily",
    "published": "2025-05-05",
    "text": "North Korea tested a rocket engine on Monday, according to officials in Seoul.\n"
    'The United States said it was watching closely. "We call on North Korea to return to talks," '
    "a State Department spokesman said.\n"
    "North Korean state media described the test as a success, and officials called the delay a “pause”. "
    "Officials in Moscow declined to comment.\n",
}


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A store with the three articles ingested as a user does (worker processes included)."""
    db = tmp_path / "news.db"
    summary = ingest([write_jsonl(tmp_path / "in.jsonl", LEDGER_1, LEDGER_2, COASTLINE)], db=db, workers=2)
    assert summary.added == 3
    return db


def _by_outlet(db: Path) -> dict[str, list[tuple[str, str, bool, str | None]]]:
    """Each outlet's stored marks as (text, type, quoted, note), in article then text order."""
    out: dict[str, list[tuple[str, str, bool, str | None]]] = {}
    with Store(db) as st:
        outlets = {a.id: a.outlet for a in st.iter_articles()}
        for m in st.marks():
            out.setdefault(outlets[m.article] or "", []).append((m.text, m.type, m.quoted, m.note))
    return out


# ---------------------------------------------------------------------- stored at ingest


def test_ingest_stores_marks_with_spans_into_the_stored_text(corpus: Path) -> None:
    with Store(corpus) as st:
        assert st.unframed() == []
        articles = {a.id: a for a in st.iter_articles()}
        marks = st.marks()
        for m in marks:
            assert articles[m.article].text[m.start : m.end] == m.text
        for aid in articles:  # numbered 1, 2, ... in text order
            own = [m for m in marks if m.article == aid]
            assert [m.id for m in own] == [f"m{k}" for k in range(1, len(own) + 1)]
            assert [m.start for m in own] == sorted(m.start for m in own)
    ledger = [m for m in marks if articles[m.article].title == LEDGER_1["title"]]
    assert [(m.text, m.type) for m in ledger if m.type != "naming"] == [
        ("allegedly", "hedge"),
        ("claimed", "attribution"),
        ("brutal", "loaded"),
        ("insisted", "attribution"),
        ("slammed", "loaded"),
        ("so-called", "hedge"),
        ('"reform"', "scare_quote"),
        ("reportedly", "hedge"),
        ("admitted", "attribution"),
    ]
    # "brutal" is the spokesman's word, inside his quotation; the rest is the outlet's
    assert [m.text for m in ledger if m.quoted] == ["brutal"]
    assert [(m.text, m.note, m.lexicon) for m in ledger if m.type == "naming"] == [
        ("North Korea", "North Korea", ALIASES),
        ("DPRK", "North Korea", ALIASES),
        ("U.S.", "United States", ALIASES),
        ("Washington", "United States", ALIASES),
    ]
    loaded = {m.text: m.note for m in ledger if m.type == "loaded"}
    assert loaded["slammed"].startswith("neutral: criticized")
    with sqlite3.connect(corpus) as conn:
        rows = conn.execute(
            "SELECT a.text, f.words, f.marks, f.method FROM framed AS f JOIN articles AS a ON a.id = f.article_id"
        )
        for text, words, _, method in rows:
            assert words == len(text.split()) and method == corpus_marks_method()
        assert sum(r[0] for r in conn.execute("SELECT marks FROM framed")) == len(marks)


def test_the_per_record_step_finds_the_marks_once_with_the_quotations() -> None:
    raw = newsprism.from_text(LEDGER_1["title"] + "\n" + LEDGER_1["text"], id="ledger")
    (prepared,) = newsprism.prepare_many([raw])
    assert isinstance(prepared, newsprism.Prepared) and prepared.marks is not None
    found = article_quotes(prepared.article)
    assert list(prepared.marks) == corpus_marks(prepared.article, found.quotes, found.terms)
    assert newsprism.prepare(raw) == prepared
    off = newsprism.prepare(raw, newsprism.PrepareOptions(framing=False))
    assert off.marks is None and off.quotes == prepared.quotes
    # marks need the quotations: without them, neither is looked for
    bare = newsprism.prepare(raw, newsprism.PrepareOptions(quotes=False))
    assert bare.quotes is None and bare.marks is None


def test_a_rerun_adds_no_mark(corpus: Path, tmp_path: Path) -> None:
    before = count_rows(corpus, "SELECT count(*) FROM marks")
    listing = outlets_in(corpus)
    again = ingest([write_jsonl(tmp_path / "again.jsonl", LEDGER_1, LEDGER_2, COASTLINE)], db=corpus, workers=1)
    assert again.added == 0 and again.duplicates == 3
    assert count_rows(corpus, "SELECT count(*) FROM marks") == before
    assert outlets_in(corpus) == listing


def test_deleting_an_article_deletes_its_marks(corpus: Path) -> None:
    with sqlite3.connect(corpus) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM articles WHERE outlet = 'Coastline Daily'")
    assert count_rows(corpus, "SELECT count(*) FROM marks") == len(_by_outlet(corpus)["Harbor Ledger"])
    assert count_rows(corpus, "SELECT count(*) FROM framed") == 2
    with Store(corpus) as st:
        assert st.check() == []


# ---------------------------------------------------------------------- counted per outlet


def test_outlets_counts_own_voice_marks_and_rates_per_1000_words(corpus: Path) -> None:
    listing = outlets_in(corpus)
    assert listing.framed == 0 and listing.method == corpus_marks_method()
    assert [p.outlet for p in listing.outlets] == ["Harbor Ledger", "Coastline Daily"]  # most articles first
    ledger, coast = listing.outlets
    with Store(corpus) as st:
        words = {o: 0 for o in ("Harbor Ledger", "Coastline Daily")}
        for a in st.iter_articles():
            words[a.outlet or ""] += len(a.text.split())
    assert (ledger.articles, ledger.words) == (2, words["Harbor Ledger"])
    assert (coast.articles, coast.words) == (1, words["Coastline Daily"])
    # own voice: "brutal" is inside a quotation, counted apart
    assert dict(ledger.marks) == {"attribution": 4, "hedge": 4, "loaded": 1, "scare_quote": 1}
    assert dict(ledger.quoted) == {"attribution": 0, "hedge": 0, "loaded": 1, "scare_quote": 0}
    assert dict(coast.marks) == {"attribution": 0, "hedge": 0, "loaded": 0, "scare_quote": 1}
    for p in listing.outlets:
        for (t, n), (t2, rate) in zip(p.marks, p.per_1000, strict=True):
            assert t == t2 and rate == round(1000 * n / p.words, 2)
    assert [(f.form, f.count) for f in ledger.most("attribution")] == [("admitted", 2), ("claimed", 1), ("insisted", 1)]
    assert [(f.form, f.count) for f in ledger.most("hedge")] == [("reportedly", 2), ("allegedly", 1), ("so-called", 1)]
    assert [(f.form, f.count) for f in ledger.most("loaded")] == [("slammed", 1)]
    assert ledger.most("attribution")[0].per_1000 == round(2000 / ledger.words, 2)
    # a scare quote is counted without its marks, straight or curly
    assert [f.form for f in ledger.most("scare_quote")] == ["reform"]
    assert [f.form for f in coast.most("scare_quote")] == ["pause"]
    assert coast.most("hedge") == ()

    top = outlets_in(corpus, top=1)
    assert [(f.form, f.count) for f in top.outlets[0].most("attribution")] == [("admitted", 2)]
    assert [e.entity for e in top.entities] == ["North Korea"]


def test_outlets_names_the_forms_each_outlet_uses_for_an_entity(corpus: Path) -> None:
    listing = outlets_in(corpus)
    # entities with two or more forms in the corpus; the State Department has one, Russia none
    # ("in Moscow" is the city), South Korea none ("in Seoul")
    assert [(e.entity, [(f.form, f.count) for f in e.forms]) for e in listing.entities] == [
        ("North Korea", [("DPRK", 2), ("North Korea", 2), ("Pyongyang", 1)]),
        ("United States", [("U.S.", 2), ("United States", 1), ("Washington", 1)]),
    ]
    ledger, coast = listing.outlets
    names = {n.entity: [(f.form, f.count) for f in n.forms] for n in ledger.names}
    # "U.S." and "US" are one form; "The Washington Post" is another name
    assert names == {
        "North Korea": [("DPRK", 2), ("North Korea", 1), ("Pyongyang", 1)],
        "United States": [("U.S.", 2), ("Washington", 1)],
    }
    names = {n.entity: [(f.form, f.count) for f in n.forms] for n in coast.names}
    # the quoted "North Korea" is the State Department's; "North Korean" is an adjective
    assert names == {"North Korea": [("North Korea", 1)], "United States": [("United States", 1)]}


def test_one_outlet_and_an_unknown_one(corpus: Path) -> None:
    listing = outlets_in(corpus, outlet="Coastline Daily")
    assert [p.outlet for p in listing.outlets] == ["Coastline Daily"]
    assert listing.outlets[0] == outlets_in(corpus).outlets[1]
    assert len(listing.entities) == 2  # the corpus's names, whatever the outlet
    with pytest.raises(StoreError, match="no stored article is of the outlet 'Nobody'"):
        outlets_in(corpus, outlet="Nobody")
    with pytest.raises(StoreError, match="top must be at least 1"):
        outlets_in(corpus, top=0)


def test_articles_without_an_outlet_are_named_by_their_file(corpus: Path, tmp_path: Path) -> None:
    anonymous = {k: v for k, v in COASTLINE.items() if k != "outlet"}
    anonymous["text"] = anonymous["text"].replace("engine", "motor")
    ingest([write_jsonl(tmp_path / "anon.jsonl", anonymous)], db=corpus, workers=1)
    listing = outlets_in(corpus)
    assert [p.outlet for p in listing.outlets] == ["Harbor Ledger", "Coastline Daily", "anon"]
    assert listing.outlets[2].to_dict()["outlet"] == "anon"


# ---------------------------------------------------------------------- stores without marks


def test_a_store_from_before_marks_is_migrated_and_its_articles_get_theirs(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    assert _schema.migrate(conn, target=7) == [1, 2, 3, 4, 5, 6, 7]  # the schema before marks
    # an article stored by schema version 7 without quotations, as that code wrote it
    article = newsprism.prepare_article(newsprism.from_text(LEDGER_1["title"] + "\n" + LEDGER_1["text"], id="l"))
    conn.execute(
        "INSERT INTO articles (id, source, title, outlet, published, text, sentences) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            "00000000000000bb",
            "old.jsonl:1",
            LEDGER_1["title"],
            "Harbor Ledger",
            "2025-05-05",
            article.text,
            json.dumps([[s.start, s.end] for s in article.sentences]),
        ),
    )
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    conn.close()
    with Store(db) as st:
        assert st.schema_version == _schema.SCHEMA_VERSION == 9
        assert st.unframed() == ["00000000000000bb"] and st.marks() == []
    res = run("outlets", "--db", str(db), "--format", "json")
    assert res.returncode == 0, res.stderr
    assert res.stderr == (
        f"newsprism: found the framing marks of 1 article stored without them ({corpus_marks_method()}); "
        "they are kept for next time\n"
    )
    data = json.loads(res.stdout)
    assert data["framed"] == 1
    assert data["outlets"][0]["marks"] == {"attribution": 3, "hedge": 3, "loaded": 1, "scare_quote": 1}
    res = run("outlets", "--db", str(db), "--format", "json")
    assert res.returncode == 0 and res.stderr == ""
    assert json.loads(res.stdout)["framed"] == 0
    with Store(db) as st:
        assert st.unframed() == [] and st.unquoted() == [] and st.check() == []
    assert quotes_in(db).extracted == 0  # the quotations were found with the marks, and kept


def test_marks_of_another_method_are_found_again(corpus: Path) -> None:
    before = outlets_in(corpus)
    stored = _by_outlet(corpus)
    with sqlite3.connect(corpus) as conn:
        conn.execute("UPDATE framed SET method = 'corpus-marks.v0'")
        conn.execute("UPDATE marks SET type = 'loaded'")
    after = outlets_in(corpus)
    assert after.framed == 3
    assert after.outlets == before.outlets and _by_outlet(corpus) == stored


def test_ingest_without_framing_or_quotes_leaves_the_marks_for_the_first_listing(corpus: Path, tmp_path: Path) -> None:
    records = write_jsonl(tmp_path / "in.jsonl", LEDGER_1, LEDGER_2, COASTLINE)
    expected = outlets_in(corpus)
    for flag, quotes in (("--no-framing", 3), ("--no-quotes", 0)):
        db = tmp_path / f"{flag}.db"
        res = run("ingest", str(records), "--db", str(db), flag, "-q")
        assert res.returncode == 0, res.stderr
        assert count_rows(db, "SELECT count(*) FROM marks") == count_rows(db, "SELECT count(*) FROM framed") == 0
        assert count_rows(db, "SELECT count(*) FROM quoted") == quotes  # --no-quotes: no marks either
        with Store(db) as st:
            assert len(st.unframed()) == 3
        listing = outlets_in(db)
        assert listing.framed == 3
        assert listing.outlets == expected.outlets and listing.entities == expected.entities
        assert _by_outlet(db) == _by_outlet(corpus)


# ---------------------------------------------------------------------- the command


def test_cli_outlets_text_markdown_json_and_errors(corpus: Path, tmp_path: Path) -> None:
    res = run("outlets", "--db", str(corpus))
    assert res.returncode == 0 and res.stderr == ""
    lines = res.stdout.splitlines()
    ledger = outlets_in(corpus).outlets[0]
    assert lines[0] == f"Harbor Ledger · 2 articles · {ledger.words} words"
    rate = dict(ledger.per_1000)
    assert lines[1] == (
        f"  own-voice marks per 1,000 words: attribution {rate['attribution']:g} · hedge {rate['hedge']:g} · "
        f"loaded {rate['loaded']:g} · scare quote {rate['scare_quote']:g} (1 more inside quotations)"
    )
    assert lines[2].startswith("  attribution verbs: admitted 2 (")
    assert lines[5] == f"  scare quotes: “reform” 1 ({rate['scare_quote']:g})"
    assert lines[6] == "  names: North Korea    DPRK 2 · North Korea 1 · Pyongyang 1"
    assert lines[7] == "         United States  U.S. 2 · Washington 1"
    assert lines[8] == "" and lines[9].startswith("Coastline Daily · 1 article · ")

    res = run("outlets", "--db", str(corpus), "--outlet", "Coastline Daily", "--format", "md", "--top", "1")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("# Outlets\n\n## Coastline Daily\n\n1 article · ")
    assert "- **Scare quotes**: “pause” 1 (" in res.stdout
    assert "- **Names for North Korea**: North Korea 1" in res.stdout
    assert "Harbor Ledger" not in res.stdout

    out = tmp_path / "outlets.json"
    res = run("outlets", "--db", str(corpus), "--format", "json", "-o", str(out))
    assert res.returncode == 0 and res.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "newsprism.outlets/1"
    assert data == json.loads(json.dumps(outlets_in(corpus).to_dict()))
    assert data["outlets"][0]["top"]["hedge"][0] == {
        "form": "reportedly",
        "count": 2,
        "per_1000": round(2000 / ledger.words, 2),
    }

    res = run("outlets", "--db", str(corpus), "--outlet", "Nobody")
    assert res.returncode == 1 and res.stderr.count("\n") == 1
    assert "no stored article is of the outlet 'Nobody'" in res.stderr and "newsprism outlets --db" in res.stderr
    res = run("outlets", "--db", str(corpus), "--top", "0")
    assert res.returncode == 2
    missing = tmp_path / "missing.db"
    res = run("outlets", "--db", str(missing))
    assert res.returncode == 1
    assert res.stderr == (
        f"newsprism: error: {missing}: no such corpus; create it with: newsprism ingest PATH... --db {missing}\n"
    )


def test_outlet_names_are_data_in_every_rendering(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    hostile = dict(COASTLINE, outlet="<b>Daily</b> *Star*\n[x](y)")
    ingest([write_jsonl(tmp_path / "in.jsonl", hostile)], db=db, workers=1)
    text = run("outlets", "--db", str(db)).stdout
    assert text.splitlines()[0].startswith("<b>Daily</b> *Star* [x](y) · 1 article")
    md = run("outlets", "--db", str(db), "--format", "md").stdout
    assert "<b>" not in md and "&lt;b&gt;Daily&lt;/b&gt;" in md and "\\*Star\\*" in md


# ---------------------------------------------------------------------- the matching underneath


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The US said on Monday.", [("US", "United States")]),
        ("U.S. President Donald Trump met the DPRK's envoy.", [("U.S.", "United States"), ("DPRK", "North Korea")]),
        ("The Washington Post reported it.", []),  # a longer name
        ("the UN Security Council met. Bank of America rose.", []),
        ("Officials in Moscow said the Kremlin would reply.", [("Kremlin", "Russia")]),  # "in Moscow": the city
        ("North Korean media said so.", []),  # an adjective
        ("China's US policy", [("China", "China"), ("US", "United States")]),
        ("Pyongyang, the hermit kingdom, said no.", [("Pyongyang", "North Korea"), ("hermit kingdom", "North Korea")]),
    ],
)
def test_alias_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], row.canonical) for s, e, row in alias_mentions(text)] == expected


def test_word_lists_searched_by_first_word_find_what_a_full_scan_finds() -> None:
    """The framing lexicons and the alias table are searched for only where a word that opens
    one of their entries stands; a scan of every position must find the same, in any case,
    with dashes, curly apostrophes and the characters case-insensitive matching folds oddly."""
    rng = random.Random(8)
    lexicon_words = [form for _, rules in framing_lexicon._tables() for form in rules]
    alias_words = list(entities.aliases())
    filler = ["the", "a", "of", "said", "that", "it", "is", "so", "some", "un", "us", "was", "dam", "anti", "pro"]
    seps = [" ", " ", " ", "-", "\u2011", ", ", ". ", "\n", " “", "” ", "'s ", "’ "]
    texts = [LEDGER_1["text"], LEDGER_2["text"], COASTLINE["text"]]
    for _ in range(300):
        words = [rng.choice(lexicon_words + alias_words + filler * 8) for _ in range(rng.randint(5, 60))]
        text = "".join(w + rng.choice(seps) for w in words)
        texts += [text, text.upper(), text.title(), text.replace("i", "ı", 2), text.replace("s", "ſ", 1)]
    for text in texts:
        assert framing_lexicon._found(text) == framing_lexicon._found(text, everywhere=True), text
        assert entities._alias_hits(text) == entities._alias_hits(text, everywhere=True), text
