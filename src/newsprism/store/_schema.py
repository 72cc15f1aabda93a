"""The store's schema: every migration, in order, in this one place.

Migration ``n`` brings a database from ``PRAGMA user_version = n - 1`` to ``n``. Each runs in
one ``BEGIN IMMEDIATE`` transaction together with its ``user_version`` bump, so a crash leaves
the database at the old version or the new one, never in between, and two processes opening
the same new file do not both migrate it. A change of schema is a new migration appended here;
a released migration is never edited.

The tables are plain (TEXT and INTEGER columns, JSON lists as TEXT) so ``datasette
newsprism.db`` can browse them; ``articles_fts`` is declared with ``content="articles"``,
the form datasette looks for to offer full-text search on ``articles``.

``quotes`` holds the direct quotations of each article (:mod:`newsprism.quotes`), one row per
quotation with the character offsets of its words, speaker mention and cue in the article's
text; ``quoted`` records, per article, the quotes algorithm version that filled ``quotes``
(an article with no row there was stored before quotations were: it has none listed, which
is not the same as none found). ``quotes_fts`` (``content="quotes"``) indexes the quoted words.

``marks`` holds the framing marks of each article (:func:`newsprism.framing.corpus_marks`:
attribution, hedge, loaded, scare_quote, and a naming mark for every name of the alias table),
one row per mark with its offsets in the article's text and whether it stands inside a
quotation; ``framed`` records, per article, the method that filled ``marks`` and the article's
word count (for rates per 1,000 words). As with ``quoted``, an article with no row in
``framed`` was stored before marks were, or without them (``ingest --no-framing``).

Migration 9 adds ``articles.credit``: the news agencies an article credits (``"AFP"``,
``"AP, Reuters"``, ``"agencies"``; :mod:`newsprism.credits`), NULL for none, and for articles
stored before credits were read (ingest them again into a new file to read them).

Full-text search needs SQLite's FTS5 extension. Where it is missing, migrations 2 and 7 record
``fts = missing`` in ``meta`` instead of failing; every later open with an FTS5-capable SQLite
creates the indexes and fills them from ``articles`` and ``quotes``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    sql: str
    needs_fts5: bool = False


_TABLES = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,            -- content hash of the cleaned text (see store.article_id)
    source TEXT,                    -- where it was read from: a path, path:line, an id
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,                 -- ISO date as the source gave it, or NULL
    text TEXT NOT NULL,             -- cleaned text
    removed TEXT NOT NULL DEFAULT '[]',          -- JSON list of the lines the cleaner dropped
    removed_reasons TEXT NOT NULL DEFAULT '[]',  -- JSON list, one reason per removed line
    sentences TEXT NOT NULL DEFAULT '[]',        -- JSON list of [start, end] offsets in text
    raw_hash TEXT,                  -- hash of the article exactly as first stored
    cleaner TEXT,                   -- algorithm versions that produced text and sentences
    segmenter TEXT,
    ingested_at TEXT                -- UTC, ISO 8601
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published, id);
CREATE INDEX articles_url ON articles (url);

CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,               -- NULL: the run did not finish (or is still going)
    added INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    note TEXT
);

CREATE TABLE rejects (
    run_id INTEGER NOT NULL REFERENCES ingest_runs (id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE INDEX rejects_run ON rejects (run_id);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    method TEXT                     -- grouping algorithm version
);

CREATE TABLE story_articles (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles (id),
    origin TEXT REFERENCES articles (id),  -- the article this one republishes; NULL: an origin itself
    PRIMARY KEY (story_id, article_id)
);
CREATE UNIQUE INDEX story_articles_article ON story_articles (article_id);
CREATE INDEX story_articles_origin ON story_articles (origin);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""

_FTS = """
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text,
    content="articles",
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
DELETE FROM meta WHERE key = 'fts';
"""

_FEATURES = """
CREATE TABLE features (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    method TEXT NOT NULL,           -- newsprism.grouping.features_method(): algorithm and options
    terms TEXT NOT NULL,            -- JSON object: weighted terms of the headline and lead
    minhash BLOB NOT NULL,          -- MinHash signature, unsigned 32-bit little-endian
    grams BLOB NOT NULL,            -- hashes of the opening's 4-word runs, sorted, 32-bit
    vector BLOB                     -- headline-and-lead embedding, 32-bit floats; NULL: none
);
-- the store indexes each batch of new articles in one statement (twice as fast as a trigger
-- firing per row); updates and deletes keep their triggers
DROP TRIGGER IF EXISTS articles_fts_insert;
"""

_COMPARISONS = """
CREATE TABLE comparisons (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    key TEXT NOT NULL,              -- the method: algorithm versions and options that made it
    json TEXT NOT NULL,             -- Comparison.to_dict() as JSON
    created_at TEXT NOT NULL,       -- UTC, ISO 8601
    PRIMARY KEY (story_id, key)
);
"""

_INPUTS = """
CREATE TABLE inputs (
    hash TEXT PRIMARY KEY,          -- hash of a record as read, with the cleaner that read it
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX inputs_article ON inputs (article_id);
"""

_QUOTES = """
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,             -- the quotation's ordinal in its article (its id there is q<n>)
    start INTEGER NOT NULL,         -- the quoted words, marks left out: text[start:end] of the article
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT COLLATE NOCASE,    -- canonical name within the article; NULL: the article does not say
    speaker_start INTEGER,          -- the words that name the speaker ("she", "the minister"); NULL: none
    speaker_end INTEGER,
    cue_start INTEGER,              -- the reporting words ("said", "according to"); NULL: none
    cue_end INTEGER,
    cue TEXT,
    sentence INTEGER NOT NULL       -- index of the sentence where the quotation starts
);
CREATE UNIQUE INDEX quotes_article ON quotes (article_id, n);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE quoted (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    method TEXT NOT NULL,           -- the quotes algorithm version (newsprism.quotes.QUOTES_VERSION)
    quotes INTEGER NOT NULL         -- how many quotations it found (0 is an answer too)
) WITHOUT ROWID;
"""

_QUOTES_FTS = """
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
    text,
    content="quotes",
    tokenize='unicode61 remove_diacritics 2'
);
-- new quotations are indexed a batch at a time by the store, as articles are
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.rowid, new.text);
END;
INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
"""

_MARKS = """
CREATE TABLE marks (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    n INTEGER NOT NULL,             -- the mark's ordinal in its article, in text order (its id there is m<n>)
    start INTEGER NOT NULL,         -- the marked words: text[start:end] of the article
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,             -- attribution, hedge, loaded, scare_quote or naming
    lexicon TEXT,                   -- the versioned word list (or method) that found it
    quoted INTEGER NOT NULL DEFAULT 0,  -- 1: inside a quotation (the speaker's words, not the outlet's)
    note TEXT                       -- naming: the canonical name; loaded: its neutral alternative
);
CREATE UNIQUE INDEX marks_article ON marks (article_id, n);
CREATE INDEX marks_type_text ON marks (type, lower(text));

CREATE TABLE framed (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    method TEXT NOT NULL,           -- the versions that made its marks (newsprism.framing.corpus_marks_method())
    marks INTEGER NOT NULL,         -- how many marks were found (0 is an answer too)
    words INTEGER NOT NULL          -- words of the article's text, separated by white space, for rates
) WITHOUT ROWID;
"""

_CREDITS = """
ALTER TABLE articles ADD COLUMN credit TEXT;  -- news agencies the article credits (newsprism.credits), NULL: none
CREATE INDEX articles_credit ON articles (credit);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, ingest runs, stories, meta", _TABLES),
    Migration(2, "full-text index over article titles and text", _FTS, needs_fts5=True),
    Migration(3, "grouping features of each article; new articles indexed a batch at a time", _FEATURES),
    Migration(4, "computed comparisons of stories, kept for later readers", _COMPARISONS),
    Migration(5, "hashes of the records ingested, so a rerun skips them before cleaning", _INPUTS),
    Migration(6, "the quotations of each article, and the quotes version that found them", _QUOTES),
    Migration(7, "full-text index over quoted words", _QUOTES_FTS, needs_fts5=True),
    Migration(8, "the framing marks of each article, and the method that found them", _MARKS),
    Migration(9, "the news agencies each article credits", _CREDITS),
)

#: The schema version this code writes; ``PRAGMA user_version`` of an up-to-date store.
SCHEMA_VERSION = MIGRATIONS[-1].version

#: What ``search`` says where SQLite has no FTS5.
FTS_MISSING = (
    "full-text search is unavailable: this Python's SQLite ({version}) was built without FTS5; "
    "install a Python whose sqlite3 has FTS5 (python.org and most Linux builds do)"
)


class SchemaError(Exception):
    """The database cannot be brought to this code's schema; the store words the message."""


def statements(script: str) -> list[str]:
    """Split a script into complete statements (a trigger body stays whole)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        raise ValueError(f"incomplete SQL statement: {buf.strip()[:60]}")
    return out


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this connection's SQLite was compiled with FTS5."""
    try:
        rows = conn.execute("PRAGMA compile_options").fetchall()
    except sqlite3.Error:  # pragma: no cover - every SQLite has compile_options
        return False
    return any(r[0] == "ENABLE_FTS5" for r in rows)


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def has_fts(conn: sqlite3.Connection, table: str = "articles_fts") -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    return row is not None


def migrate(conn: sqlite3.Connection, *, target: int | None = None, fts5: bool | None = None) -> list[int]:
    """Bring ``conn`` (in autocommit mode) up to ``target`` (default: the latest version).

    Returns the versions applied. Raises :class:`SchemaError` for a database newer than this
    code or a SQLite file that holds tables but no newsprism schema version.
    """
    target = SCHEMA_VERSION if target is None else target
    if fts5 is None:
        fts5 = fts5_available(conn)
    applied: list[int] = []
    current = user_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaError(
            f"was written by a newer newsprism (schema version {current}; this one knows up to "
            f"{SCHEMA_VERSION}); upgrade newsprism to open it"
        )
    if current == 0:
        foreign = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name LIMIT 1"
        ).fetchone()
        if foreign is not None:
            raise SchemaError(
                f"is a SQLite database but not a newsprism store (it has a table {foreign[0]!r} and no "
                "newsprism schema version); give a new file name"
            )
    for migration in MIGRATIONS:
        if migration.version <= current or migration.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have migrated while this one waited for the lock
            if user_version(conn) < migration.version:
                if migration.needs_fts5 and not fts5:
                    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts', 'missing')")
                else:
                    for statement in statements(migration.sql):
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {int(migration.version)}")
                applied.append(migration.version)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        current = migration.version
    if fts5 and ((current >= 2 and not has_fts(conn)) or (current >= 7 and not has_fts(conn, "quotes_fts"))):
        _repair_fts(conn)
    return applied


def _repair_fts(conn: sqlite3.Connection) -> None:
    """Create the full-text indexes a store made without FTS5 lacks, now that FTS5 is here."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = user_version(conn)
        if version >= 2 and not has_fts(conn):
            for statement in statements(_FTS):
                conn.execute(statement)
            if version >= 3:
                conn.execute("DROP TRIGGER IF EXISTS articles_fts_insert")
        if version >= 7 and not has_fts(conn, "quotes_fts"):
            for statement in statements(_QUOTES_FTS):
                conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
