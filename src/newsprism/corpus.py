"""The corpus: ``ingest`` a pile of articles into the store, ``group`` it into stories, and
compare a stored story. These join the pure stages (:mod:`newsprism.pipeline`,
:mod:`newsprism.group`, :mod:`newsprism.compare`) to the one store module.

    import newsprism
    summary = newsprism.ingest(["feeds/", "crawl.warc.gz"], db="news.db")
    grouping = newsprism.group_corpus(db="news.db")
    comparison = newsprism.compare_story(grouping.stories[0].id, db="news.db")
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .clean import CleanOptions
from .compare import CompareOptions, compare
from .errors import InputError
from .group import GROUP_HEAD, Grouping, GroupOptions, group
from .model import Article, Comparison, RawArticle
from .pipeline import prepare
from .sources import iter_records
from .store import DEFAULT_PATH, Store, article_id


@dataclass(frozen=True)
class IngestSummary:
    """What one ``ingest`` run did: added, duplicates, and rejected records with reasons."""

    added: int
    duplicates: int
    rejected: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
    run_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "rejected": len(self.rejected),
            "rejects": [{"source": s, "reason": r} for s, r in self.rejected],
            "seconds": round(self.seconds, 3),
            "run": self.run_id,
        }


def _prepare_one(args: tuple[RawArticle | InputError, CleanOptions | None]) -> Article | tuple[str, str]:
    """Clean and segment one record; a problem comes back as ``(source, problem)``."""
    record, clean_options = args
    if isinstance(record, InputError):
        return (record.source, record.problem)
    try:
        return prepare(record, clean_options=clean_options)
    except InputError as exc:
        return (exc.source, exc.problem)


def _prepared(
    paths: list[str | Path],
    clean_options: CleanOptions | None,
    rejects: list[tuple[str, str]],
    on_record: Callable[[], None] | None,
    workers: int,
) -> Iterator[Article]:
    jobs = ((record, clean_options) for record in iter_records(paths))
    pool = None
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        results: Iterator[Article | tuple[str, str]] = pool.map(_prepare_one, jobs, chunksize=32)
    else:
        results = map(_prepare_one, jobs)
    try:
        for result in results:
            if on_record:
                on_record()
            if isinstance(result, tuple):
                rejects.append(result)
                continue
            # the stored id is the content hash; the reader's id (file stem) stays in ``source``
            yield replace(result, source=result.source or result.id)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path = DEFAULT_PATH,
    clean_options: CleanOptions | None = None,
    batch_size: int = 500,
    on_record: Callable[[], None] | None = None,
    workers: int | None = None,
) -> IngestSummary:
    """Read every article under ``paths`` (folders, txt, html, jsonl(.gz), feeds, WARC), clean
    and segment it, and store it. Re-ingesting is idempotent: a stored article is a duplicate.

    A record that cannot be read is skipped and counted with its reason; the run goes on.
    Each batch of ``batch_size`` articles is one transaction, so a killed run leaves whole
    batches only, and running it again completes the work. Cleaning and segmentation run in
    ``workers`` processes (default: one per core, at most 4); the store is written by this one.
    """
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    started = time.perf_counter()
    rejects: list[tuple[str, str]] = []
    with Store(db) as store:
        run = store.record_run(note=" ".join(str(p) for p in paths)[:500])
        result = store.add_articles(
            _prepared(list(paths), clean_options, rejects, on_record, workers), batch_size=batch_size
        )
        store.finish_run(run, added=len(result.added), duplicates=len(result.duplicates), rejects=rejects)
    return IngestSummary(len(result.added), len(result.duplicates), tuple(rejects), time.perf_counter() - started, run)


def group_corpus(
    *, db: str | Path = DEFAULT_PATH, since: str | None = None, options: GroupOptions | None = None
) -> Grouping:
    """Group the stored articles (published on or after ``since``, if given) into stories and
    store them. Stories found before keep their ids as new articles join them."""
    with Store(db) as store:
        articles = list(store.iter_articles(since=since, head=GROUP_HEAD))
        previous = store.assignments()
        grouping = group(articles, options=options, previous=previous)
        origins = {a: o for s in grouping.stories for a, o in zip(s.articles, s.origins, strict=True) if a != o}
        store.save_stories(grouping.story_of(), origins, grouping.method)
    return grouping


def compare_story(story_id: str, *, db: str | Path = DEFAULT_PATH, options: CompareOptions | None = None) -> Comparison:
    """Compare the articles of a stored story."""
    with Store(db) as store:
        articles = store.story_articles(story_id)
    return compare(articles, options=options)


__all__ = ["IngestSummary", "article_id", "compare_story", "group_corpus", "ingest"]
