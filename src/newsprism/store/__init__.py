"""The newsprism store: articles, ingest runs and stories in one SQLite file.

This is the only module that talks to SQLite. ::

    from newsprism.store import Store
    with Store("newsprism.db") as st:
        result = st.add_articles(articles)
        hits = st.search("ferry fire")

- **Content-hash ids.** An article is stored under :func:`article_id`: the first 16 hex
  digits of the SHA-256 of its cleaned text, whitespace folded and lower-cased. Re-ingesting
  the same article (from another file, or with cosmetic whitespace changes) is a duplicate,
  counted and not re-written; the first copy stored wins. The title is not part of the id.
- **Transactions.** Every write is one ``BEGIN IMMEDIATE ... COMMIT``; ``add_articles``
  commits once per batch. A process killed at any point leaves whole batches or nothing.
  The database runs in WAL mode with ``synchronous=NORMAL``: a power cut may lose the last
  commits but never leaves a damaged file.
- **Migrations** live in :mod:`newsprism.store._schema`; ``PRAGMA user_version`` holds the
  schema version and opening an older store migrates it.
- **Grouping features.** ``features`` holds, per article, what grouping reads of it (see
  :mod:`newsprism.grouping`), written with the article in the same transaction when ingest
  computed them; :meth:`Store.group_features` returns those of one method and names the
  articles that lack them, so grouping recomputes only those.
- **Kept comparisons.** ``comparisons`` holds a story's comparison as JSON text under a
  method key (:meth:`Store.save_comparison`, :meth:`Store.load_comparison`), so a later
  reader need not recompute it; a story whose membership changes loses them.
- **Quotations.** ``quotes`` holds each article's direct quotations (spans of the quoted
  words, speaker mention and cue in the stored text) and ``quoted`` the quotes version that
  found them, written with the article when ingest extracted them; :meth:`Store.unquoted`
  names the articles without quotations of a version (stored before quotations were, or by
  another version), :meth:`Store.save_quotes` replaces them, and :meth:`Store.quotes` lists
  them by speaker, words (full text) and outlet.
- **Framing marks.** ``marks`` holds each article's framing marks
  (:func:`newsprism.framing.corpus_marks`: spans, type, word list, whether inside a quotation)
  and ``framed`` the method that found them and the article's word count, written with the
  article when ingest found them; :meth:`Store.unframed` names the articles without marks of
  a method, :meth:`Store.save_marks` replaces them, :meth:`Store.marks` lists them and
  :meth:`Store.mark_counts` and :meth:`Store.outlet_sizes` count them per outlet.
- **Known inputs.** ``inputs`` maps the hash of each record ingested (as read, with the
  cleaner that read it) to the article made from it; :meth:`Store.known_inputs` answers for
  many hashes in one query, so a rerun skips known records before cleaning them.
- **Full-text index.** Each batch of new articles (and of their quotations) is indexed by one
  statement at the end of its transaction (twice as fast as a per-row trigger); updates and
  deletes are indexed by triggers. A program that inserts into ``articles`` or ``quotes`` by
  itself should run ``INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')`` (or the
  same for ``quotes_fts``) afterwards.
- **A free second UI.** The tables are plain, so ``datasette newsprism.db`` browses them and
  offers full-text search on ``articles`` (through ``articles_fts``).

Every error is a :class:`StoreError` with a one-line message that starts with the database
file's name. Every listing is ordered (by published date, then id, unless said otherwise),
so the same database gives the same output.

**Read-only.** ``Store(path, readonly=True)`` opens an existing store through SQLite's URI
``mode=ro``: nothing is created, migrated or written (every write fails with a StoreError
saying the store is read-only); the web app (:mod:`newsprism.web`) opens it so. A store of
an older schema must be opened once for writing (any ``newsprism`` command over it) first.

Limits: ``published`` is compared as a string, so ``since`` works for ISO dates
(``2025-03-01``) and articles without a date are left out of ``since`` queries. A ``Store`` is
one connection; use it from one thread (open one ``Store`` per thread or process).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

from ..clean import CLEANER_VERSION
from ..errors import StoreError
from ..framing import corpus_marks_method
from ..model import (
    Article,
    FramingMark,
    GroupFeatures,
    Quote,
    Sentence,
    Span,
    article_key,
    listing_label,
    source_name,
)
from ..quotes import QUOTES_VERSION, speaker_matches
from ..segment import SEGMENTER_VERSION
from . import _schema
from ._records import AddResult, ArticleRow, IngestRun, QuoteRow, SearchHit, Storable, StoriesSaved, StoryRow

__all__ = [
    "DEFAULT_PATH",
    "SCHEMA_VERSION",
    "AddResult",
    "ArticleRow",
    "IngestRun",
    "QuoteRow",
    "SearchHit",
    "Storable",
    "Store",
    "StoreError",
    "StoriesSaved",
    "StoryRow",
    "article_id",
    "storable",
    "stored_article",
    "stored_features",
]

#: The database file a store opens when given no path.
DEFAULT_PATH = "newsprism.db"
#: The schema version this code reads and writes (``PRAGMA user_version``).
SCHEMA_VERSION = _schema.SCHEMA_VERSION

_ARTICLE_COLUMNS = "id, source, title, outlet, url, published, text, removed, removed_reasons, sentences, credit"
_ROW_COLUMNS = "id, outlet, title, published, json_array_length(sentences), credit, source"


def article_id(article: Article) -> str:
    """The id an article is stored under: its content key (:func:`newsprism.model.article_key`)."""
    return article_key(article)


def _raw_hash(article: Article) -> str:
    """Hash of the article exactly as given (title, text and removed lines, unfolded)."""
    data = json.dumps([article.title, article.text, list(article.removed)], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


_UPSERT_FEATURES = (
    "INSERT INTO features (article_id, method, terms, minhash, grams, vector) VALUES (?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET method = excluded.method, terms = excluded.terms, "
    "minhash = excluded.minhash, grams = excluded.grams, vector = excluded.vector"
)


def _feature_row(aid: str, f: GroupFeatures) -> tuple[Any, ...]:
    return (aid, f.method, _json(dict(f.terms)), f.minhash, f.grams, f.vector)


_INSERT_QUOTE = (
    "INSERT INTO quotes (article_id, n, start, end, text, speaker, speaker_start, speaker_end, "
    "cue_start, cue_end, cue, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_QUOTED = (
    "INSERT INTO quoted (article_id, method, quotes) VALUES (?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET method = excluded.method, quotes = excluded.quotes"
)
_QUOTE_COLUMNS = (
    "q.article_id, q.n, q.start, q.end, q.text, q.speaker, q.speaker_start, q.speaker_end, "
    "q.cue_start, q.cue_end, q.cue, q.sentence, a.outlet, a.title, a.published, a.source"
)


def _quote_rows(aid: str, text: str, quotes: Iterable[Quote]) -> tuple[tuple[Any, ...], ...]:
    """The ``quotes`` rows of an article's quotations, numbered 1, 2, ... in the given order
    (the order :func:`newsprism.quotes.article_quotes` found them: ``q1`` is row 1)."""
    rows = []
    for n, q in enumerate(quotes, 1):
        if q.end > len(text):
            raise ValueError(f"quotation {q.id} of article {aid} ends at {q.end}, past the end of its text")
        mention, cue = q.speaker_mention, q.cue
        rows.append(
            (
                aid,
                n,
                q.start,
                q.end,
                q.text,
                q.speaker,
                None if mention is None else mention.start,
                None if mention is None else mention.end,
                None if cue is None else cue.start,
                None if cue is None else cue.end,
                None if cue is None else cue.of(text),
                q.sentence,
            )
        )
    return tuple(rows)


def _quote_row(row: tuple[Any, ...]) -> QuoteRow:
    aid, n, start, end, text, speaker, ss, se, cs, ce, cue, sentence, outlet, title, published, source = row
    quote = Quote(
        id=f"q{n}",
        article=aid,
        sentence=int(sentence),
        span=Span(start, end),
        text=text,
        speaker=speaker,
        speaker_mention=None if ss is None else Span(ss, se),
        cue=None if cs is None else Span(cs, ce),
    )
    return QuoteRow(quote, cue, outlet, title, published, source)


_INSERT_MARK = (
    "INSERT INTO marks (article_id, n, start, end, text, type, lexicon, quoted, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_FRAMED = (
    "INSERT INTO framed (article_id, method, marks, words) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (article_id) DO UPDATE SET method = excluded.method, marks = excluded.marks, words = excluded.words"
)


def _mark_rows(aid: str, text: str, marks: Iterable[FramingMark]) -> tuple[tuple[Any, ...], ...]:
    """The ``marks`` rows of an article's framing marks, numbered 1, 2, ... in the given order
    (text order, as :func:`newsprism.framing.corpus_marks` gives them: ``m1`` is row 1)."""
    rows = []
    for n, m in enumerate(marks, 1):
        if m.end > len(text):
            raise ValueError(f"mark {m.id} of article {aid} ends at {m.end}, past the end of its text")
        rows.append((aid, n, m.start, m.end, m.text, m.type, m.lexicon, int(m.quoted), m.note))
    return tuple(rows)


def _framed_row(aid: str, text: str, method: str, n_marks: int) -> tuple[Any, ...]:
    """The ``framed`` row of an article; its words are counted as a word processor counts them,
    separated by white space (within about 1% of :func:`newsprism.text.word_list`, which splits
    "U.S." in two, and a seventh of its cost)."""
    return (aid, method, n_marks, len(text.split()))


def storable(
    article: Article,
    features: GroupFeatures | None = None,
    *,
    quotes: Iterable[Quote] | None = None,
    marks: Iterable[FramingMark] | None = None,
    cleaner: str = CLEANER_VERSION,
    segmenter: str = SEGMENTER_VERSION,
    quoter: str = QUOTES_VERSION,
    framer: str | None = None,
) -> Storable:
    """The values :meth:`Store.add_articles` writes for ``article`` (and its grouping
    features, its quotations as :func:`newsprism.quotes.article_quotes` found them, by the
    quotes version ``quoter``, and its framing marks as :func:`newsprism.framing.corpus_marks`
    made them, by the method ``framer`` (default: this code's); None: not looked for). Plain
    values only, so a worker process can make them and hand them over cheaply. Raises
    ``ValueError`` for an article without text, or a quotation or mark outside it."""
    if not article.text.strip():
        raise ValueError(f"article {article.source or article.id} has no text; nothing to store")
    aid = article_id(article)
    # a sentence as [start, end], with its role third when it is not body text
    spans = [[s.start, s.end] if s.role == "body" else [s.start, s.end, s.role] for s in article.sentences]
    row = (
        aid,
        article.source or article.id,
        article.title,
        article.outlet,
        article.url,
        article.published,
        article.text,
        _json(list(article.removed)),
        _json(list(article.removed_reasons)),
        _json(spans),
        _raw_hash(article),
        cleaner,
        segmenter,
        _now(),
        article.credit,
    )
    mark_rows = None if marks is None else _mark_rows(aid, article.text, marks)
    return Storable(
        aid,
        row,
        None if features is None else _feature_row(aid, features),
        quotes=None if quotes is None else _quote_rows(aid, article.text, quotes),
        quoter=None if quotes is None else quoter,
        marks=mark_rows,
        framed=None
        if mark_rows is None
        else _framed_row(aid, article.text, framer or corpus_marks_method(), len(mark_rows)),
    )


def stored_article(row: sqlite3.Row | tuple[Any, ...], head: int | None = None) -> Article:
    """An article from the values of its stored columns ``id, source, title, outlet, url,
    published, text, removed, removed_reasons, sentences, credit``, as the store reads it
    back; with ``head`` (a text cut to that length) the sentences that fit in it. The Spark
    job's Parquet rows (:mod:`newsprism.spark`) hold the same values and are read by it."""
    aid, source, title, outlet, url, published, text, removed, reasons, spans, credit = row
    sentences = []
    for i, (s, e, *role) in enumerate(json.loads(spans or "[]")):
        if head is not None and e > len(text):
            break
        sentences.append(Sentence(i, Span(s, e), text[s:e], role[0] if role else "body"))
    return Article(
        id=aid,
        text=text,
        source=source or aid,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        removed=tuple(json.loads(removed or "[]")),
        removed_reasons=tuple(json.loads(reasons or "[]")),
        sentences=tuple(sentences),
        credit=credit,
    )


def stored_features(
    aid: str,
    method: str,
    terms: str,
    minhash: bytes,
    grams: bytes,
    vector: bytes | None,
    source: str | None,
    title: str | None,
    outlet: str | None,
    published: str | None,
    credit: str | None,
) -> GroupFeatures:
    """An article's grouping features from the values of its stored ``features`` row
    (``terms`` as JSON) and of its article row, as the store reads them back (and the Spark
    job from its Parquet rows)."""
    return GroupFeatures(
        id=aid,
        method=method,
        published=published,
        label=listing_label(aid, source or aid, outlet, title),
        terms=tuple(json.loads(terms).items()),
        minhash=bytes(minhash),
        grams=bytes(grams),
        vector=None if vector is None else bytes(vector),
        credit=credit,
    )


class Store:
    """One newsprism database file, opened (and created or migrated) on construction.

    Use it as a context manager, or call :meth:`close`. Raises :class:`StoreError` when the
    file is not a SQLite database, is a SQLite database of another program, or was written
    by a newer newsprism.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, *, timeout: float = 30.0, readonly: bool = False) -> None:
        self.path = Path(path)
        self.name = str(path)
        self.readonly = readonly
        self._conn: sqlite3.Connection | None = None
        self._conn = self._open_readonly(timeout) if readonly else self._open(timeout)
        self._fts = _schema.has_fts(self._conn)
        self._quotes_fts = _schema.has_fts(self._conn, "quotes_fts")

    @classmethod
    def open(cls, path: str | Path = DEFAULT_PATH, *, timeout: float = 30.0) -> Store:
        """The same as ``Store(path)``."""
        return cls(path, timeout=timeout)

    def _open_readonly(self, timeout: float) -> sqlite3.Connection:
        """A connection through ``file:...?mode=ro``: the file must exist and be a store of
        this schema version; nothing is created or migrated."""
        if self.path.is_dir():
            raise StoreError(f"{self.name}: is a folder; give the path of a database file")
        if not self.path.is_file():
            raise StoreError(f"{self.name}: no such corpus; create it with: newsprism ingest PATH... --db {self.name}")
        uri = "file:" + quote(str(self.path.resolve())) + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: cannot open the database ({_one_line(str(exc))})") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {max(0, int(timeout * 1000))}")
            conn.execute("PRAGMA query_only = ON")
            version = _schema.user_version(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise self._error(exc, "open the database") from None
        if version != SCHEMA_VERSION:
            conn.close()
            if version == 0:
                raise StoreError(f"{self.name}: is not a newsprism store (no schema version)")
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.name}: was written by a newer newsprism (schema version {version}); upgrade newsprism"
                )
            raise StoreError(
                f"{self.name}: has schema version {version}, older than this newsprism's {SCHEMA_VERSION}; "
                f"open it once for writing to migrate it (newsprism stories --db {self.name})"
            )
        return conn

    def _open(self, timeout: float) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreError(f"{self.name}: is a folder; give the path of a database file")
        parent = self.path.parent
        if not parent.is_dir():
            raise StoreError(f"{self.name}: cannot create the database: there is no folder {parent}")
        try:
            conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.name}: cannot open the database ({_one_line(str(exc))})") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {max(0, int(timeout * 1000))}")
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            # a 64 MB page cache: inserts into the id index land at random places, and a large
            # store slows down once the index no longer fits the default 2 MB
            conn.execute("PRAGMA cache_size = -65536")
            _schema.migrate(conn)
        except _schema.SchemaError as exc:
            conn.close()
            raise StoreError(f"{self.name}: {exc}") from None
        except sqlite3.Error as exc:
            conn.close()
            raise self._error(exc, "cannot open the database") from None
        return conn

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        """Close the database (a second call does nothing)."""
        conn, self._conn = self._conn, None
        if conn is None:
            return
        if not self.readonly:
            with suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
        conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "open" if self._conn is not None else "closed"
        return f"<Store {self.name!r} {state}>"

    @property
    def schema_version(self) -> int:
        """The database's ``PRAGMA user_version``."""
        with self._reading("read the schema version") as conn:
            return _schema.user_version(conn)

    @property
    def has_search(self) -> bool:
        """Whether full-text search is available (SQLite with FTS5)."""
        return self._fts

    # ------------------------------------------------------------------ plumbing

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.name}: the store is closed; open it again with Store({self.name!r})")
        return self._conn

    def _error(self, exc: sqlite3.Error, doing: str) -> StoreError:
        detail = _one_line(str(exc))
        low = detail.lower()
        if "not a database" in low:
            text = "is not a SQLite database; give a new file name or the path of a newsprism store"
        elif "malformed" in low or "corrupt" in low:
            text = f"the database file is damaged ({detail}); restore it from a copy or start a new one"
        elif "locked" in low or "busy" in low:
            text = f"cannot {doing}: the database is busy (another process is writing to it); try again when it is done"
        elif self.readonly and ("readonly" in low or "read-only" in low or "query_only" in low):
            text = f"cannot {doing}: the store is opened read-only"
        elif "readonly" in low or "read-only" in low:
            text = f"cannot {doing}: the database file or its folder is read-only"
        elif "disk is full" in low or "full" in low:
            text = f"cannot {doing}: the disk is full"
        else:
            text = f"cannot {doing} ({detail})"
        return StoreError(f"{self.name}: {text}")

    @contextmanager
    def _reading(self, doing: str) -> Iterator[sqlite3.Connection]:
        conn = self._connection()
        try:
            yield conn
        except sqlite3.Error as exc:
            raise self._error(exc, doing) from None

    @contextmanager
    def _transaction(self, doing: str) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE ... COMMIT``; rolled back on any exception."""
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc, doing) from None
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            if conn.in_transaction:
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc, doing) from None
            raise

    def _missing(self, conn: sqlite3.Connection, ids: list[str]) -> list[str]:
        """Those of ``ids`` that name no stored article, in the given order."""
        rows = conn.execute(
            "SELECT j.value FROM json_each(?) AS j LEFT JOIN articles AS a ON a.id = j.value "
            "WHERE a.id IS NULL ORDER BY j.key",
            (_json(ids),),
        ).fetchall()
        return [r[0] for r in rows]

    @staticmethod
    def _article(row: sqlite3.Row | tuple[Any, ...], head: int | None = None) -> Article:
        """An article from its row; with ``head`` (a text cut to that length) the sentences
        that fit in it, and no removed lines."""
        return stored_article(row, head)

    # ------------------------------------------------------------------ articles

    def add_articles(
        self,
        articles: Iterable[Article | Storable],
        *,
        batch_size: int = 500,
        cleaner: str = CLEANER_VERSION,
        segmenter: str = SEGMENTER_VERSION,
        run: int | None = None,
    ) -> AddResult:
        """Store articles under their content-hash ids; an already stored text is a duplicate.

        Each batch of ``batch_size`` articles is one transaction, so a crash leaves every
        batch whole or absent, and calling again with the same articles adds only what is
        missing. ``cleaner`` and ``segmenter`` name the algorithm versions that made the
        articles' text and sentences (recorded per article). An article's ``source`` is
        stored as given, or its ``id`` where the source is empty.

        An item may also be a :class:`Storable` made by :func:`storable` (in a worker
        process, say), which may carry the article's grouping features, its quotations, its
        framing marks and the hash of the record it was made from (see :meth:`known_inputs`);
        they are stored in the same transaction as the article. An article given as an
        :class:`Article` is stored without quotations or marks (see :meth:`unquoted`,
        :meth:`unframed`).

        With ``run`` (an id from :meth:`record_run`) each batch also adds its counts to that
        run's ``added`` and ``duplicates`` in the same transaction, so a run killed midway
        shows what it committed.
        """
        if batch_size < 1:
            raise StoreError(f"{self.name}: batch_size must be at least 1, not {batch_size}")
        if run is not None:
            with self._reading("read an ingest run") as conn:
                self._run_exists(conn, run)
        result = AddResult()
        batch: list[Storable] = []
        for item in articles:
            if isinstance(item, Article):
                try:
                    item = storable(item, cleaner=cleaner, segmenter=segmenter)
                except ValueError as exc:
                    raise StoreError(f"{self.name}: {exc}") from None
            batch.append(item)
            if len(batch) >= batch_size:
                self._write_batch(batch, result, run)
                batch = []
        if batch:
            self._write_batch(batch, result, run)
        return result

    def _write_batch(self, batch: list[Storable], result: AddResult, run: int | None = None) -> None:
        added: list[str] = []
        duplicates: list[str] = []
        with self._transaction("store articles") as conn:
            last = conn.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
            last_quote = conn.execute("SELECT coalesce(max(rowid), 0) FROM quotes").fetchone()[0]
            quoted = False
            for item in batch:
                cur = conn.execute(
                    "INSERT INTO articles (id, source, title, outlet, url, published, text, removed, "
                    "removed_reasons, sentences, raw_hash, cleaner, segmenter, ingested_at, credit) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                    item.article,
                )
                if cur.rowcount == 1:
                    added.append(item.id)
                    if item.features is not None:
                        conn.execute(_UPSERT_FEATURES, item.features)
                    if item.quotes is not None and item.quoter is not None:
                        conn.executemany(_INSERT_QUOTE, item.quotes)
                        conn.execute(_UPSERT_QUOTED, (item.id, item.quoter, len(item.quotes)))
                        quoted = quoted or bool(item.quotes)
                    if item.marks is not None and item.framed is not None:
                        conn.executemany(_INSERT_MARK, item.marks)
                        conn.execute(_UPSERT_FRAMED, item.framed)
                else:
                    duplicates.append(item.id)
                if item.input_hash is not None:
                    conn.execute(
                        "INSERT INTO inputs (hash, article_id) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING",
                        (item.input_hash, item.id),
                    )
            if run is not None:
                conn.execute(
                    "UPDATE ingest_runs SET added = added + ?, duplicates = duplicates + ? WHERE id = ?",
                    (len(added), len(duplicates), run),
                )
            if self._fts and added:  # new rows get rowids above every earlier one
                conn.execute(
                    "INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles "
                    "WHERE rowid > ?",
                    (last,),
                )
            if quoted:
                self._index_quotes(conn, last_quote)
        result.added.extend(added)
        result.duplicates.extend(duplicates)

    def _index_quotes(self, conn: sqlite3.Connection, last: int) -> None:
        """Index the quotations inserted since ``last`` was the largest rowid of ``quotes``
        (the rows of this transaction: nothing was deleted from ``quotes`` after reading it)."""
        if self._quotes_fts:
            conn.execute("INSERT INTO quotes_fts (rowid, text) SELECT rowid, text FROM quotes WHERE rowid > ?", (last,))

    def known_inputs(self, hashes: Iterable[str]) -> dict[str, str]:
        """Those of ``hashes`` (of records as read, given with a :class:`Storable`'s
        ``input_hash``) that were stored before: hash -> the id of the article made from it.
        One query for the lot, so ingest can skip known records before cleaning them."""
        wanted = list(dict.fromkeys(hashes))
        if not wanted:
            return {}
        with self._reading("look up ingested records") as conn:
            rows = conn.execute(
                "SELECT i.hash, i.article_id FROM json_each(?) AS j JOIN inputs AS i ON i.hash = j.value",
                (_json(wanted),),
            ).fetchall()
        return {h: a for h, a in rows}

    # ------------------------------------------------------------------ grouping features

    def group_features(self, method: str, *, since: str | None = None) -> tuple[list[GroupFeatures], list[str]]:
        """The stored grouping features made by ``method`` of the articles (published on or
        after ``since``, if given), ordered by id, and the ids of the articles that have none
        of that method (stored before features were, or made with other options).

        Both tables are read in storage order and joined here: a join in id order would
        visit the article rows at random, which is slow once the file outgrows the OS cache."""
        where, params = ("WHERE published >= ?", [since]) if since is not None else ("", [])
        with self._reading("read grouping features") as conn:
            articles = {
                aid: (source, title, outlet, published, credit)
                for aid, source, title, outlet, published, credit in conn.execute(
                    f"SELECT id, source, title, outlet, published, credit FROM articles {where}", params
                )
            }
            found: list[GroupFeatures] = []
            rows = conn.execute(
                "SELECT article_id, terms, minhash, grams, vector FROM features WHERE method = ?", (method,)
            )
            for aid, terms, minhash, grams, vector in rows:
                meta = articles.pop(aid, None)
                if meta is None:  # published before ``since``
                    continue
                found.append(stored_features(aid, method, terms, minhash, grams, vector, *meta))
        found.sort(key=lambda f: f.id)
        return found, sorted(articles)

    def save_features(self, features: Iterable[GroupFeatures]) -> int:
        """Store (or replace) grouping features of stored articles, in one transaction;
        returns how many were written."""
        rows = [_feature_row(f.id, f) for f in features]
        with self._transaction("store grouping features") as conn:
            missing = self._missing(conn, [r[0] for r in rows])
            if missing:
                raise StoreError(f"{self.name}: cannot store features: no article {missing[0]}")
            conn.executemany(_UPSERT_FEATURES, rows)
        return len(rows)

    # ------------------------------------------------------------------ quotations

    def unquoted(self, method: str = QUOTES_VERSION) -> list[str]:
        """The ids of the stored articles whose quotations were not looked for by the quotes
        version ``method`` (stored before quotations were, or found by another version),
        sorted."""
        with self._reading("read quotations") as conn:
            rows = conn.execute(
                "SELECT a.id FROM articles AS a LEFT JOIN quoted AS q ON q.article_id = a.id AND q.method = ? "
                "WHERE q.article_id IS NULL ORDER BY a.id",
                (method,),
            ).fetchall()
        return [r[0] for r in rows]

    def save_quotes(self, found: Iterable[tuple[Article, Iterable[Quote]]], method: str = QUOTES_VERSION) -> int:
        """Replace the quotations of stored articles by those given (each article with its
        quotations, found by the quotes version ``method``), in one transaction; returns how
        many articles were written. The articles must be the stored ones (their text is the
        one the spans point into)."""
        items = [(a, tuple(qs)) for a, qs in found]
        ids = [a.id for a, _ in items]
        try:
            rows = [_quote_rows(a.id, a.text, qs) for a, qs in items]
        except ValueError as exc:
            raise StoreError(f"{self.name}: cannot store quotations: {exc}") from None
        with self._transaction("store quotations") as conn:
            missing = self._missing(conn, ids)
            if missing:
                raise StoreError(f"{self.name}: cannot store quotations: no article {missing[0]}")
            conn.execute("DELETE FROM quotes WHERE article_id IN (SELECT value FROM json_each(?))", (_json(ids),))
            last = conn.execute("SELECT coalesce(max(rowid), 0) FROM quotes").fetchone()[0]
            for aid, article_rows in zip(ids, rows, strict=True):
                conn.executemany(_INSERT_QUOTE, article_rows)
                conn.execute(_UPSERT_QUOTED, (aid, method, len(article_rows)))
            self._index_quotes(conn, last)
        return len(items)

    # ------------------------------------------------------------------ framing marks

    def unframed(self, method: str | None = None) -> list[str]:
        """The ids of the stored articles whose framing marks were not found by ``method``
        (default: this code's, :func:`newsprism.framing.corpus_marks_method`): stored before
        marks were, without them (``ingest --no-framing``) or by another method; sorted."""
        with self._reading("read framing marks") as conn:
            rows = conn.execute(
                "SELECT a.id FROM articles AS a LEFT JOIN framed AS f ON f.article_id = a.id AND f.method = ? "
                "WHERE f.article_id IS NULL ORDER BY a.id",
                (method or corpus_marks_method(),),
            ).fetchall()
        return [r[0] for r in rows]

    def save_marks(self, found: Iterable[tuple[Article, Iterable[FramingMark]]], method: str | None = None) -> int:
        """Replace the framing marks of stored articles by those given (each article with its
        marks in text order, made by ``method``, default this code's), in one transaction;
        returns how many articles were written. The articles must be the stored ones (their
        text is the one the spans point into)."""
        method = method or corpus_marks_method()
        items = [(a, tuple(ms)) for a, ms in found]
        ids = [a.id for a, _ in items]
        try:
            rows = [_mark_rows(a.id, a.text, ms) for a, ms in items]
        except ValueError as exc:
            raise StoreError(f"{self.name}: cannot store framing marks: {exc}") from None
        with self._transaction("store framing marks") as conn:
            missing = self._missing(conn, ids)
            if missing:
                raise StoreError(f"{self.name}: cannot store framing marks: no article {missing[0]}")
            conn.execute("DELETE FROM marks WHERE article_id IN (SELECT value FROM json_each(?))", (_json(ids),))
            for (article, _), article_rows in zip(items, rows, strict=True):
                conn.executemany(_INSERT_MARK, article_rows)
                conn.execute(_UPSERT_FRAMED, _framed_row(article.id, article.text, method, len(article_rows)))
        return len(items)

    def marks(self, *, article: str | None = None, type: str | None = None) -> list[FramingMark]:
        """Stored framing marks ordered by (article id, ordinal): of one ``article``, of one
        ``type``, or all; ``mark.id`` is ``m<n>`` in its article."""
        where, params = [], []
        if article is not None:
            where.append("article_id = ?")
            params.append(article)
        if type is not None:
            where.append("type = ?")
            params.append(type)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        with self._reading("read framing marks") as conn:
            rows = conn.execute(
                "SELECT article_id, n, start, end, text, type, lexicon, quoted, note FROM marks"
                f"{clause} ORDER BY article_id, n",
                params,
            ).fetchall()
        return [
            FramingMark(f"m{n}", aid, Span(start, end), text, kind, lexicon=lexicon, quoted=bool(quoted), note=note)
            for aid, n, start, end, text, kind, lexicon, quoted, note in rows
        ]

    def outlet_sizes(self, outlet: str | None = None) -> list[tuple[str | None, int, int]]:
        """``(outlet, articles, words)`` per outlet (``outlet``: that one only), ordered by
        outlet; ``words`` sums the word counts of the articles whose marks are stored."""
        clause, params = (" WHERE a.outlet = ?", [outlet]) if outlet is not None else ("", [])
        with self._reading("read outlets") as conn:
            rows = conn.execute(
                "SELECT a.outlet, count(*), coalesce(sum(f.words), 0) FROM articles AS a "
                f"LEFT JOIN framed AS f ON f.article_id = a.id{clause} GROUP BY a.outlet ORDER BY a.outlet",
                params,
            ).fetchall()
        return [(o, int(n), int(w)) for o, n, w in rows]

    def mark_counts(
        self, *, outlet: str | None = None, naming: bool = False
    ) -> list[tuple[str | None, str, str, str | None, bool, int]]:
        """How often each outlet (``outlet``: that one only) uses each marked form:
        ``(outlet, type, form, note, quoted, count)`` ordered by those columns. Without
        ``naming`` the types but ``naming``, the form lower-cased (SQLite's ``lower``: ASCII
        letters) and ``note`` None; with it the ``naming`` marks only, the form as written and
        ``note`` the canonical name."""
        where = ["m.type = 'naming'" if naming else "m.type != 'naming'"]
        params: list[Any] = []
        if outlet is not None:
            where.append("a.outlet = ?")
            params.append(outlet)
        form, note = ("m.text", "m.note") if naming else ("lower(m.text)", "NULL")
        with self._reading("read framing marks") as conn:
            rows = conn.execute(
                f"SELECT a.outlet, m.type, {form}, {note}, m.quoted, count(*) FROM marks AS m "
                f"JOIN articles AS a ON a.id = m.article_id WHERE {' AND '.join(where)} "
                "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5",
                params,
            ).fetchall()
        return [(o, t, f, n, bool(q), int(c)) for o, t, f, n, q, c in rows]

    def speakers(self) -> list[str]:
        """The distinct speakers of the stored quotations, sorted (names that differ in case
        only are one)."""
        with self._reading("read quotations") as conn:
            rows = conn.execute("SELECT DISTINCT speaker FROM quotes WHERE speaker IS NOT NULL").fetchall()
        return sorted(r[0] for r in rows)

    def quotes(
        self,
        *,
        speaker: str | None = None,
        search: str | None = None,
        outlet: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]:
        """Stored quotations ordered by (published, article id, ordinal), with their article's
        outlet, title and date.

        ``speaker`` keeps the quotations whose speaker is that name, case aside, or ends with
        it word for word ("Stoltenberg" finds "Jens Stoltenberg": see
        :func:`newsprism.quotes.speaker_matches`); ``search`` is an FTS5 query over the
        quoted words (as :meth:`search`); ``outlet`` keeps one outlet (as written);
        ``article`` one article; ``limit`` the first so many.
        """
        where: list[str] = []
        params: list[Any] = []
        join = ""
        if speaker is not None:
            wanted = " ".join(speaker.split())
            if not wanted:
                raise StoreError(f"{self.name}: empty speaker; give a name, e.g. --speaker Stoltenberg")
            names = [s for s in self.speakers() if speaker_matches(wanted, s)]
            where.append("q.speaker IN (SELECT value FROM json_each(?))")
            params.append(_json(names))
        if search is not None:
            words = _one_line(search)
            if not words:
                raise StoreError(f"{self.name}: empty search; give one or more words")
            if not self._quotes_fts:
                raise StoreError(f"{self.name}: " + _schema.FTS_MISSING.format(version=sqlite3.sqlite_version))
            join = " JOIN quotes_fts ON quotes_fts.rowid = q.rowid"
            where.append("quotes_fts MATCH ?")
            params.append(words)
        if outlet is not None:
            where.append("a.outlet = ?")
            params.append(outlet)
        if article is not None:
            where.append("q.article_id = ?")
            params.append(article)
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        sql = (
            f"SELECT {_QUOTE_COLUMNS} FROM quotes AS q JOIN articles AS a ON a.id = q.article_id{join}{clause} "
            "ORDER BY a.published, q.article_id, q.n"
        )
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        conn = self._connection()
        try:
            rows = conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            low = str(exc).lower()
            if search is None or "locked" in low or "busy" in low:
                raise self._error(exc, "read quotations") from None
            words = _one_line(search)
            quoted = '"' + words.replace('"', '""') + '"'
            raise StoreError(
                f"{self.name}: cannot search quotations for {words!r} ({_one_line(str(exc))}); "
                f"quote the phrase to search for it as written: {quoted}"
            ) from None
        except sqlite3.Error as exc:
            raise self._error(exc, "read quotations") from None
        return [_quote_row(r) for r in rows]

    def get_article(self, id: str) -> Article:
        """The stored article with this id, its sentences rebuilt from the stored offsets."""
        with self._reading("read an article") as conn:
            row = conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.name}: no article {id}; run newsprism articles to list them")
        return self._article(row)

    def has_article(self, id: str) -> bool:
        """Whether an article with this id is stored."""
        with self._reading("read an article") as conn:
            return conn.execute("SELECT 1 FROM articles WHERE id = ?", (id,)).fetchone() is not None

    def iter_articles(
        self, *, since: str | None = None, ids: Iterable[str] | None = None, head: int | None = None
    ) -> Iterator[Article]:
        """Stored articles ordered by (published, id); articles without a date come first.

        ``since`` keeps articles published on or after that ISO date; ``ids`` keeps those ids
        (a StoreError names the first that is not stored, before anything is yielded).
        ``head`` reads only the first ``head`` characters of each text, the sentences inside
        them and no removed lines (what grouping needs, at a fraction of the memory).
        """
        where: list[str] = []
        params: list[Any] = []
        if since is not None:
            where.append("published >= ?")
            params.append(since)
        if ids is not None:
            wanted = list(dict.fromkeys(ids))
            with self._reading("read articles") as conn:
                missing = self._missing(conn, wanted)
            if missing:
                more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
                raise StoreError(f"{self.name}: no article {missing[0]}{more}; run newsprism articles to list them")
            where.append("id IN (SELECT value FROM json_each(?))")
            params.append(_json(wanted))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        columns = _ARTICLE_COLUMNS
        if head is not None:
            columns = columns.replace("text, removed, removed_reasons", f"substr(text, 1, {int(head)}), NULL, NULL", 1)
        sql = f"SELECT {columns} FROM articles{clause} ORDER BY published, id"
        return self._stream(sql, params, head)

    def _stream(self, sql: str, params: list[Any], head: int | None = None) -> Iterator[Article]:
        with self._reading("read articles") as conn:
            cur = conn.execute(sql, params)
        while True:
            with self._reading("read articles"):
                rows = cur.fetchmany(256)
            if not rows:
                return
            for row in rows:
                yield self._article(row, head)

    def count_articles(self) -> int:
        """How many articles are stored."""
        with self._reading("count articles") as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    def articles(self, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[ArticleRow]:
        """A page of the stored articles, ordered by (published, id)."""
        clause, params = ("", []) if outlet is None else (" WHERE outlet = ?", [outlet])
        with self._reading("list articles") as conn:
            rows = conn.execute(
                f"SELECT {_ROW_COLUMNS} FROM articles{clause} ORDER BY published, id LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        return [
            ArticleRow(aid, outlet or source_name(source or "") or None, title, published, n, credit)
            for aid, outlet, title, published, n, credit, source in rows
        ]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles matching an FTS5 query over title and text, best first (bm25).

        ``query`` uses SQLite's FTS5 syntax: words (all must occur), ``"a phrase"``,
        ``OR``, ``NOT``, ``prefix*``, ``title: word``. A malformed query raises StoreError
        telling the user to quote it.
        """
        words = _one_line(query)
        if not words:
            raise StoreError(f"{self.name}: empty search; give one or more words")
        if not self._fts:
            raise StoreError(f"{self.name}: " + _schema.FTS_MISSING.format(version=sqlite3.sqlite_version))
        conn = self._connection()
        try:
            rows = conn.execute(
                "SELECT a.id, a.title, a.outlet, a.published, "
                "snippet(articles_fts, -1, '[', ']', '…', 16), bm25(articles_fts, 2.0, 1.0) AS rank "
                "FROM articles_fts JOIN articles AS a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank, a.id LIMIT ?",
                (words, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            low = str(exc).lower()
            if "locked" in low or "busy" in low:
                raise self._error(exc, "search") from None
            quoted = '"' + words.replace('"', '""') + '"'
            raise StoreError(
                f"{self.name}: cannot search for {words!r} ({_one_line(str(exc))}); "
                f"quote the phrase to search for it as written: {quoted}"
            ) from None
        except sqlite3.Error as exc:
            raise self._error(exc, "search") from None
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], -float(r[5])) for r in rows]

    # ------------------------------------------------------------------ ingest runs

    def record_run(self, *, note: str | None = None) -> int:
        """Start an ingest run (``started_at`` now); returns its id for :meth:`finish_run`."""
        with self._transaction("record an ingest run") as conn:
            cur = conn.execute("INSERT INTO ingest_runs (started_at, note) VALUES (?, ?)", (_now(), note))
            return int(cur.lastrowid or 0)

    def add_rejects(self, run_id: int, rejects: Iterable[tuple[str, str]]) -> None:
        """Record inputs a run could not store, as (source, reason) pairs."""
        rows = [(run_id, str(source), _one_line(reason)) for source, reason in rejects]
        if not rows:
            return
        with self._transaction("record rejected inputs") as conn:
            self._run_exists(conn, run_id)
            conn.executemany("INSERT INTO rejects (run_id, source, reason) VALUES (?, ?, ?)", rows)

    def finish_run(
        self,
        run_id: int,
        *,
        added: int,
        duplicates: int,
        rejects: Iterable[tuple[str, str]] = (),
        note: str | None = None,
    ) -> IngestRun:
        """Close an ingest run: its counts, the rejects not yet recorded, and an optional note
        (kept from :meth:`record_run` when None). ``rejected`` counts all the run's rejects."""
        rows = [(run_id, str(source), _one_line(reason)) for source, reason in rejects]
        with self._transaction("finish an ingest run") as conn:
            self._run_exists(conn, run_id)
            conn.executemany("INSERT INTO rejects (run_id, source, reason) VALUES (?, ?, ?)", rows)
            conn.execute(
                "UPDATE ingest_runs SET finished_at = ?, added = ?, duplicates = ?, "
                "rejected = (SELECT count(*) FROM rejects WHERE run_id = ?), note = coalesce(?, note) WHERE id = ?",
                (_now(), added, duplicates, run_id, note, run_id),
            )
        return self.runs(ids=[run_id])[0]

    def add_to_run(self, run_id: int, *, added: int = 0, duplicates: int = 0) -> None:
        """Add to the counts of an unfinished run (for work done outside :meth:`add_articles`,
        such as records skipped as known before they were prepared)."""
        with self._transaction("record ingest progress") as conn:
            self._run_exists(conn, run_id)
            conn.execute(
                "UPDATE ingest_runs SET added = added + ?, duplicates = duplicates + ? WHERE id = ?",
                (added, duplicates, run_id),
            )

    def _run_exists(self, conn: sqlite3.Connection, run_id: int) -> None:
        if conn.execute("SELECT 1 FROM ingest_runs WHERE id = ?", (run_id,)).fetchone() is None:
            raise StoreError(f"{self.name}: no ingest run {run_id}")

    def runs(self, *, ids: Iterable[int] | None = None) -> list[IngestRun]:
        """Recorded ingest runs, oldest first."""
        sql = "SELECT id, started_at, finished_at, added, duplicates, rejected, note FROM ingest_runs"
        params: list[Any] = []
        if ids is not None:
            sql += " WHERE id IN (SELECT value FROM json_each(?))"
            params.append(_json(list(ids)))
        with self._reading("list ingest runs") as conn:
            rows = conn.execute(sql + " ORDER BY id", params).fetchall()
        return [IngestRun(*row) for row in rows]

    def rejects(self, run_id: int) -> list[tuple[str, str]]:
        """The (source, reason) pairs a run recorded, in the order recorded."""
        with self._reading("list rejected inputs") as conn:
            rows = conn.execute("SELECT source, reason FROM rejects WHERE run_id = ? ORDER BY rowid", (run_id,))
            return [(r[0], r[1]) for r in rows.fetchall()]

    # ------------------------------------------------------------------ stories

    def save_stories(
        self, assignments: Mapping[str, str], origins: Mapping[str, str] | None, method: str
    ) -> StoriesSaved:
        """Replace the story membership of the articles in ``assignments`` (article id -> story
        id), in one transaction.

        Stories are created as needed; a story left without articles is deleted.
        ``origins`` maps an article to the article of the same story it republishes; an
        article not in it (or mapped to itself) is an origin of its own. An article whose
        origin moves to another story becomes an origin of its own. ``method`` names the
        grouping algorithm version, recorded on every story created or changed. Stories
        whose membership and origins come out the same are left untouched.
        """
        origins = dict(origins or {})
        assigned = {a: assignments[a] for a in sorted(assignments)}
        for name, value in (*assigned.items(), *origins.items()):
            if not isinstance(name, str) or not isinstance(value, str) or not name or not value:
                raise StoreError(f"{self.name}: cannot save stories: ids must be non-empty strings, not {name!r}")
        stray = sorted(set(origins) - set(assigned))
        if stray:
            raise StoreError(f"{self.name}: cannot save stories: origin given for {stray[0]}, which is not assigned")
        now = _now()
        with self._transaction("save stories") as conn:
            missing = self._missing(conn, sorted(set(assigned) | set(origins.values())))
            if missing:
                raise StoreError(f"{self.name}: cannot save stories: no article {missing[0]}")
            ids_json = _json(list(assigned))
            # the story each origin will be in once saved
            for article, origin in sorted(origins.items()):
                if origin == article:
                    continue
                story = assigned.get(origin)
                if story is None:
                    row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (origin,)).fetchone()
                    story = row[0] if row else None
                if story != assigned[article]:
                    raise StoreError(
                        f"{self.name}: cannot save stories: {article} republishes {origin}, "
                        f"which is not in the same story ({assigned[article]})"
                    )
            old_stories = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT story_id FROM story_articles "
                    "WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY story_id",
                    (ids_json,),
                )
            ]
            touched = sorted(set(old_stories) | set(assigned.values()))
            before = self._memberships(conn, touched)
            existing = {
                r[0]
                for r in conn.execute(
                    "SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?))", (_json(touched),)
                )
            }
            conn.execute("DELETE FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))", (ids_json,))
            for story in sorted(set(assigned.values()) - existing):
                conn.execute(
                    "INSERT INTO stories (id, created_at, updated_at, method) VALUES (?, ?, ?, ?)",
                    (story, now, now, method),
                )
            conn.executemany(
                "INSERT INTO story_articles (story_id, article_id, origin) VALUES (?, ?, ?)",
                [(story, a, None if origins.get(a, a) == a else origins[a]) for a, story in assigned.items()],
            )
            # an origin is always in its republication's story
            conn.execute(
                "UPDATE story_articles SET origin = NULL WHERE story_id IN (SELECT value FROM json_each(?)) "
                "AND origin IS NOT NULL AND origin NOT IN "
                "(SELECT o.article_id FROM story_articles AS o WHERE o.story_id = story_articles.story_id)",
                (_json(touched),),
            )
            after = self._memberships(conn, touched)
            created = sorted(set(assigned.values()) - existing)
            deleted = sorted(s for s in touched if s in existing and not after.get(s))
            changed = sorted(s for s in touched if s in existing and after.get(s) and after[s] != before.get(s))
            if deleted:
                conn.execute("DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))", (_json(deleted),))
            if changed:
                conn.execute(
                    "UPDATE stories SET updated_at = ?, method = ? WHERE id IN (SELECT value FROM json_each(?))",
                    (now, method, _json(changed)),
                )
                # a kept comparison is of the old membership
                conn.execute(
                    "DELETE FROM comparisons WHERE story_id IN (SELECT value FROM json_each(?))", (_json(changed),)
                )
        return StoriesSaved(created=created, changed=changed, deleted=deleted)

    @staticmethod
    def _memberships(conn: sqlite3.Connection, stories: list[str]) -> dict[str, set[tuple[str, str | None]]]:
        out: dict[str, set[tuple[str, str | None]]] = {}
        for story, article, origin in conn.execute(
            "SELECT story_id, article_id, origin FROM story_articles "
            "WHERE story_id IN (SELECT value FROM json_each(?)) ORDER BY story_id, article_id",
            (_json(stories),),
        ):
            out.setdefault(story, set()).add((article, origin))
        return out

    def stories(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        outlet: str | None = None,
        ids: Iterable[str] | None = None,
        newest_first: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoryRow]:
        """Stored stories ordered by (first published date, id), or with ``newest_first`` by
        (last published date, id) descending; ``since`` keeps stories with an article
        published on or after that ISO date, ``until`` those with one on or before it (a date
        ``2025-03-01`` covers the whole day), ``outlet`` those with an article of that outlet
        (as stored), ``ids`` those ids; ``limit`` and ``offset`` give one page. Each is
        labelled by the headline of its first article (by date, then id) and its outlets (an
        article without a stored outlet is named by its file:
        :func:`newsprism.model.source_name`)."""
        having: list[str] = []
        params: list[Any] = []
        if since is not None:
            having.append("max(a.published) >= ?")
            params.append(since)
        if until is not None:
            having.append("min(a.published) <= ?")
            params.append(until + "\U0010ffff" if len(until) == 10 else until)
        if outlet is not None:
            having.append("sum(a.outlet = ?) > 0")
            params.append(outlet)
        where = ""
        if ids is not None:
            where = " WHERE s.id IN (SELECT value FROM json_each(?))"
            params.insert(0, _json(list(ids)))
        clause = f" HAVING {' AND '.join(having)}" if having else ""
        order = (
            "max(a.published) IS NULL, max(a.published) DESC, s.id DESC" if newest_first else "min(a.published), s.id"
        )
        page = ""
        if limit is not None:
            page = " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        sql = (
            "SELECT s.id, count(*), json_group_array(DISTINCT json_array(a.outlet, a.source)), min(a.published), "
            "max(a.published), sum(sa.origin IS NULL), s.method, json_group_array(DISTINCT a.credit), "
            "(SELECT f.title FROM story_articles AS fs JOIN articles AS f ON f.id = fs.article_id "
            "WHERE fs.story_id = s.id AND f.title IS NOT NULL ORDER BY f.published IS NULL, f.published, f.id LIMIT 1) "
            "FROM stories AS s JOIN story_articles AS sa ON sa.story_id = s.id "
            f"JOIN articles AS a ON a.id = sa.article_id{where} "
            f"GROUP BY s.id{clause} ORDER BY {order}{page}"
        )
        with self._reading("list stories") as conn:
            rows = conn.execute(sql, params).fetchall()
        return [
            StoryRow(
                id=r[0],
                size=int(r[1]),
                outlets=tuple(sorted({o or source_name(src or "") for o, src in json.loads(r[2])} - {""})),
                first_published=r[3],
                last_published=r[4],
                n_origins=int(r[5]),
                method=r[6],
                headline=r[8],
                credits=tuple(sorted({a for c in json.loads(r[7]) if c for a in c.split(", ")})),
            )
            for r in rows
        ]

    def story(self, story_id: str) -> StoryRow:
        """One stored story as a listing row; a StoreError names an unknown id."""
        rows = self.stories(ids=[story_id])
        if not rows:
            raise StoreError(f"{self.name}: no story {story_id}; run newsprism stories to list them")
        return rows[0]

    def stories_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The story of each of these articles that is in one: article id -> story id."""
        with self._reading("read stories") as conn:
            rows = conn.execute(
                "SELECT article_id, story_id FROM story_articles "
                "WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id",
                (_json(list(article_ids)),),
            ).fetchall()
        return {a: s for a, s in rows}

    def outlet_names(self) -> list[str]:
        """The distinct outlet names stored, sorted."""
        with self._reading("list outlets") as conn:
            rows = conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
            return [r[0] for r in rows.fetchall()]

    def story_articles(self, story_id: str) -> list[Article]:
        """The articles of one story, ordered by (published, id)."""
        with self._reading("read a story") as conn:
            if conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is None:
                raise StoreError(f"{self.name}: no story {story_id}; run newsprism stories to list them")
            cols = ", ".join(f"a.{c.strip()}" for c in _ARTICLE_COLUMNS.split(","))
            rows = conn.execute(
                f"SELECT {cols} FROM story_articles AS sa JOIN articles AS a ON a.id = sa.article_id "
                "WHERE sa.story_id = ? ORDER BY a.published, a.id",
                (story_id,),
            ).fetchall()
        return [self._article(r) for r in rows]

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to, or None when it is in none."""
        with self._reading("read a story") as conn:
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
                raise StoreError(f"{self.name}: no article {article_id}; run newsprism articles to list them")
            row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def assignments(self) -> dict[str, str]:
        """Every grouped article's story: article id -> story id, ordered by article id."""
        with self._reading("read stories") as conn:
            rows = conn.execute("SELECT article_id, story_id FROM story_articles ORDER BY article_id").fetchall()
        return {a: s for a, s in rows}

    def origins(self) -> dict[str, str]:
        """Every recorded republication: article id -> the id of the article it republishes."""
        with self._reading("read stories") as conn:
            rows = conn.execute(
                "SELECT article_id, origin FROM story_articles WHERE origin IS NOT NULL ORDER BY article_id"
            ).fetchall()
        return {a: o for a, o in rows}

    # ------------------------------------------------------------------ comparisons

    def save_comparison(self, story_id: str, key: str, json_text: str) -> None:
        """Keep the comparison of a stored story, as the JSON text of ``Comparison.to_dict()``,
        under ``key`` (the method: algorithm versions and options that made it), replacing
        one kept before under the same key. A story whose articles change loses its kept
        comparisons (see :meth:`save_stories`)."""
        if not isinstance(key, str) or not key:
            raise StoreError(f"{self.name}: cannot keep a comparison: the key must be a non-empty string")
        try:
            json.loads(json_text)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"{self.name}: cannot keep the comparison of {story_id}: not JSON text ({exc})") from None
        with self._transaction("keep a comparison") as conn:
            if conn.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone() is None:
                raise StoreError(f"{self.name}: no story {story_id}; run newsprism stories to list them")
            conn.execute(
                "INSERT INTO comparisons (story_id, key, json, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (story_id, key) DO UPDATE SET json = excluded.json, created_at = excluded.created_at",
                (story_id, key, json_text, _now()),
            )

    def load_comparison(self, story_id: str, key: str) -> str | None:
        """The JSON text kept by :meth:`save_comparison` for this story and key, or None."""
        with self._reading("read a comparison") as conn:
            row = conn.execute(
                "SELECT json FROM comparisons WHERE story_id = ? AND key = ?", (story_id, key)
            ).fetchone()
        return None if row is None else str(row[0])

    # ------------------------------------------------------------------ meta

    def get_meta(self, key: str) -> str | None:
        """A value kept in the ``meta`` table (for example the last grouping's state)."""
        with self._reading("read meta") as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Set (or, with None, delete) a value in the ``meta`` table."""
        with self._transaction("write meta") as conn:
            if value is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, value),
                )

    # ------------------------------------------------------------------ health

    def check(self) -> list[str]:
        """Problems found in the database: SQLite's integrity and foreign-key checks and the
        full-text index against the articles table. An empty list means all is well."""
        problems: list[str] = []
        with self._reading("check the database") as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                problems.extend(f"integrity: {r}" for r in rows)
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"foreign key: {table} row {rowid} points at a missing {parent} row")
            if self._fts:
                for table in ("articles_fts", "quotes_fts"):
                    if not _schema.has_fts(conn, table):
                        continue
                    try:
                        conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
                    except sqlite3.DatabaseError as exc:
                        problems.append(f"full-text index {table}: {_one_line(str(exc))}")
        return problems
