"""The Parquet rows of the Spark job's output, and loading them into the store.

No Spark here: pyarrow writes a unit's rows on an executor, and :func:`import_output` reads
the output folder on one machine. An article row holds exactly the values
:func:`newsprism.store.storable` makes for the store (the article row, its grouping
features, quotations and marks), so the store reads back from it what it reads back from
SQLite: :func:`newsprism.store.stored_article`, :func:`newsprism.store.stored_features`.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import NewsprismError
from ..model import Article, GroupFeatures
from ..store import Storable, stored_article, stored_features

#: the values of :attr:`Storable.article`, in order
ARTICLE_FIELDS = (
    "id",
    "source",
    "title",
    "outlet",
    "url",
    "published",
    "text",
    "removed",
    "removed_reasons",
    "sentences",
    "raw_hash",
    "cleaner",
    "segmenter",
    "ingested_at",
    "credit",
)
#: the columns :func:`newsprism.store.stored_article` reads, in order (all but the record's provenance)
_READ_FIELDS = tuple(f for f in ARTICLE_FIELDS if f not in ("raw_hash", "cleaner", "segmenter", "ingested_at"))
#: what grouping reads of an article row
GROUP_COLUMNS = (
    "file",
    "record",
    "id",
    "source",
    "title",
    "outlet",
    "published",
    "credit",
    "f_method",
    "f_terms",
    "f_minhash",
    "f_grams",
    "f_vector",
)


def article_schema() -> Any:
    """The pyarrow schema of an article row: where the record was read (``file``, the input
    file's number in the order the inputs were listed, and ``record``, its line or record
    number there: the first of two articles with one text is kept, as ``ingest`` keeps
    it), the article row, the grouping features (``f_``), the input hash, and the quotations
    and marks as JSON lists of their store rows (null: not looked for)."""
    import pyarrow as pa

    text = pa.string()
    return pa.schema(
        [
            ("file", pa.int64()),
            ("record", pa.int64()),
            *[(name, text) for name in ARTICLE_FIELDS],
            ("f_method", text),
            ("f_terms", text),
            ("f_minhash", pa.binary()),
            ("f_grams", pa.binary()),
            ("f_vector", pa.binary()),
            ("input_hash", text),
            ("quotes", text),
            ("quoter", text),
            ("marks", text),
            ("framed", text),
        ]
    )


def article_row(item: Storable, file: int, record: int) -> dict[str, Any]:
    """The Parquet row of one prepared article (see :func:`article_schema`)."""
    row: dict[str, Any] = {"file": file, "record": record, **dict(zip(ARTICLE_FIELDS, item.article, strict=True))}
    f = item.features
    row.update(
        f_method=None if f is None else f[1],
        f_terms=None if f is None else f[2],
        f_minhash=None if f is None else f[3],
        f_grams=None if f is None else f[4],
        f_vector=None if f is None else f[5],
        input_hash=item.input_hash,
        quotes=None if item.quotes is None else json.dumps(item.quotes, ensure_ascii=False),
        quoter=item.quoter,
        marks=None if item.marks is None else json.dumps(item.marks, ensure_ascii=False),
        framed=None if item.framed is None else json.dumps(item.framed, ensure_ascii=False),
    )
    return row


def storable_of(row: dict[str, Any]) -> Storable:
    """The :class:`Storable` an article row was made from."""
    aid = row["id"]
    features = None
    if row.get("f_method") is not None:
        features = (aid, row["f_method"], row["f_terms"], row["f_minhash"], row["f_grams"], row["f_vector"])

    def rows(name: str) -> tuple[tuple[Any, ...], ...] | None:
        value = row.get(name)
        return None if value is None else tuple(tuple(r) for r in json.loads(value))

    framed = row.get("framed")
    return Storable(
        aid,
        tuple(row[name] for name in ARTICLE_FIELDS),
        features,
        input_hash=row.get("input_hash"),
        quotes=rows("quotes"),
        quoter=row.get("quoter"),
        marks=rows("marks"),
        framed=None if framed is None else tuple(json.loads(framed)),
    )


def article_of(row: dict[str, Any]) -> Article:
    """The article of an article row, as the store reads it back."""
    return stored_article(tuple(row[name] for name in _READ_FIELDS))


def features_of(row: dict[str, Any]) -> GroupFeatures:
    """The grouping features of an article row, as the store reads them back."""
    return stored_features(
        row["id"],
        row["f_method"],
        row["f_terms"],
        row["f_minhash"],
        row["f_grams"],
        row["f_vector"],
        row["source"],
        row["title"],
        row["outlet"],
        row["published"],
        row["credit"],
    )


def story_order(article: Article) -> tuple[bool, str, str]:
    """The order of a story's articles in a comparison: by date (undated first), then id, as
    :meth:`newsprism.store.Store.story_articles` reads them."""
    return (article.published is not None, article.published or "", article.id)


@dataclass(frozen=True)
class ImportSummary:
    """What :func:`import_output` loaded into a store."""

    articles: int
    duplicates: int
    stories: int
    comparisons: int

    def to_dict(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "duplicates": self.duplicates,
            "stories": self.stories,
            "comparisons": self.comparisons,
        }


def _tables(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.parquet") if not p.name.startswith((".", "_")))


def _rows(paths: Iterable[Path], columns: list[str] | None = None) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for path in paths:
        yield from pq.read_table(path, columns=columns).to_pylist()


def _rows_streamed(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        yield from batch.to_pylist()


def import_output(out: str | Path, *, db: str | Path, batch_size: int = 500) -> ImportSummary:
    """Load a Spark job's output folder (``newsprism spark ingest|group|compare --out OUT``)
    into the store ``db``: its articles with their features, quotations and marks (in the
    order they were read, so that of two articles with one text the first is kept, as
    ``ingest`` keeps it), then its stories, if grouped, and its comparisons, if compared.
    Reads the folder on this machine (a local path)."""
    from ..grouping import GROUP_VERSION
    from ..store import Store

    folder = Path(out)
    articles = folder / "articles"
    if not articles.is_dir() or not _tables(articles):
        raise NewsprismError(f"{out}: no articles here; write them with: newsprism spark ingest INPUT... --out {out}")
    # each part holds its rows in the order they were read: merged, they are in input order
    parts = [_rows_streamed(path) for path in _tables(articles)]
    merged = heapq.merge(*parts, key=lambda r: (r["file"], r["record"]))
    in_order = (storable_of(r) for r in merged)
    stories = comparisons = 0
    with Store(db) as store:
        result = store.add_articles(in_order, batch_size=batch_size)
        story_folder = folder / "stories"
        if story_folder.is_dir() and _tables(story_folder):
            assigned: dict[str, str] = {}
            origins: dict[str, str] = {}
            for r in _rows(_tables(story_folder)):
                stories += 1
                for a, o in zip(r["articles"], r["origins"], strict=True):
                    assigned[a] = r["id"]
                    if a != o:
                        origins[a] = o
            store.save_stories(assigned, origins, GROUP_VERSION)
        compared = folder / "comparisons"
        if compared.is_dir() and _tables(compared):
            for r in _rows(_tables(compared)):
                if r["json"] is not None:
                    store.save_comparison(r["story"], r["key"], r["json"])
                    comparisons += 1
    return ImportSummary(len(result.added), len(result.duplicates), stories, comparisons)
