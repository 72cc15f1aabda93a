"""The corpus: ``ingest`` a pile of articles into the store, ``group`` it into stories, and
compare a stored story. These join the pure stages (:mod:`newsprism.pipeline`,
:mod:`newsprism.grouping`, :mod:`newsprism.comparison`) to the one store module.

    import newsprism
    summary = newsprism.ingest(["feeds/", "crawl.warc.gz"], db="news.db")
    grouping = newsprism.group_corpus(db="news.db")
    comparison = newsprism.compare_story(grouping.stories[0].id, db="news.db")
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .clean import CleanOptions
from .comparison import CompareOptions, compare
from .errors import InputError
from .grouping import GROUP_HEAD, GroupOptions, cluster, features_method, featurize
from .model import Comparison, Grouping, RawArticle
from .pipeline import PrepareOptions, prepare_many
from .sources import iter_records
from .store import DEFAULT_PATH, Storable, Store, article_id, storable

#: records a worker prepares at a time (one embedding batch)
_CHUNK = 64


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


def _prepare_chunk(
    args: tuple[list[RawArticle | InputError], CleanOptions | None, GroupOptions],
) -> list[Storable | tuple[str, str]]:
    """Clean, segment and featurize a chunk of records, and turn each into the values the
    store writes; a problem comes back as ``(source, problem)``. Runs in a worker process:
    only plain values go back to the one that writes the store."""
    records, clean_options, group_options = args
    out: list[Storable | tuple[str, str]] = []
    options = PrepareOptions(clean=clean_options or CleanOptions(), group=group_options)
    for result in prepare_many(records, options):
        if isinstance(result, InputError):
            out.append((result.source, result.problem))
            continue
        # the stored id is the content hash; the reader's id (file stem) stays in ``source``
        article = replace(result.article, source=result.article.source or result.article.id)
        assert result.features is not None
        out.append(storable(article, result.features))
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _prepared(
    paths: list[str | Path],
    clean_options: CleanOptions | None,
    group_options: GroupOptions,
    rejects: list[tuple[str, str]],
    on_record: Callable[[], None] | None,
    workers: int,
) -> Iterator[Storable]:
    """The records under ``paths``, prepared in chunks by ``workers`` processes (at most a few
    chunks ahead of the writer, so memory stays flat); stored articles keep the input order."""
    jobs = ((chunk, clean_options, group_options) for chunk in _chunks(iter_records(paths), _CHUNK))
    if workers > 1:
        results = _in_pool(jobs, workers)
    else:
        results = map(_prepare_chunk, jobs)
    for chunk in results:
        for result in chunk:
            if on_record:
                on_record()
            if isinstance(result, tuple):
                rejects.append(result)
            else:
                yield result


def _in_pool(jobs: Iterator[Any], workers: int) -> Iterator[list[Storable | tuple[str, str]]]:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    ahead: deque[Future[list[Storable | tuple[str, str]]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        try:
            for job in jobs:
                ahead.append(pool.submit(_prepare_chunk, job))
                if len(ahead) > 2 * workers:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
        finally:
            for future in ahead:
                future.cancel()


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path = DEFAULT_PATH,
    clean_options: CleanOptions | None = None,
    batch_size: int = 500,
    on_record: Callable[[], None] | None = None,
    workers: int | None = None,
    group_options: GroupOptions | None = None,
) -> IngestSummary:
    """Read every article under ``paths`` (folders, txt, html, jsonl(.gz), feeds, WARC), clean
    and segment it, and store it. Re-ingesting is idempotent: a stored article is a duplicate.

    A record that cannot be read is skipped and counted with its reason; the run goes on.
    Each batch of ``batch_size`` articles is one transaction, so a killed run leaves whole
    batches only, and running it again completes the work. Cleaning and segmentation run in
    ``workers`` processes (default: one per core, at most 4); the store is written by this one.
    The workers also compute each article's grouping features (for ``group_options``, by
    default the defaults), stored with it, so that ``group`` only has to cluster.
    """
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    started = time.perf_counter()
    rejects: list[tuple[str, str]] = []
    with Store(db) as store:
        run = store.record_run(note=" ".join(str(p) for p in paths)[:500])
        result = store.add_articles(
            _prepared(list(paths), clean_options, group_options or GroupOptions(), rejects, on_record, workers),
            batch_size=batch_size,
        )
        store.finish_run(run, added=len(result.added), duplicates=len(result.duplicates), rejects=rejects)
    return IngestSummary(len(result.added), len(result.duplicates), tuple(rejects), time.perf_counter() - started, run)


def group_corpus(
    *, db: str | Path = DEFAULT_PATH, since: str | None = None, options: GroupOptions | None = None
) -> Grouping:
    """Group the stored articles (published on or after ``since``, if given) into stories and
    store them. Stories found before keep their ids as new articles join them."""
    opts = options or GroupOptions()
    with Store(db) as store:
        features, missing = store.group_features(features_method(opts), since=since)
        for lo in range(0, len(missing), 2000):  # stored before features were, or other options
            made = featurize(list(store.iter_articles(ids=missing[lo : lo + 2000], head=GROUP_HEAD)), opts)
            store.save_features(made)
            features += made
        grouping = cluster(features, options=opts, previous=store.assignments())
        origins = {a: o for s in grouping.stories for a, o in zip(s.articles, s.origins, strict=True) if a != o}
        store.save_stories(grouping.story_of(), origins, grouping.method)
    return grouping


def compare_story(story_id: str, *, db: str | Path = DEFAULT_PATH, options: CompareOptions | None = None) -> Comparison:
    """Compare the articles of a stored story."""
    with Store(db) as store:
        articles = store.story_articles(story_id)
    return compare(articles, options=options)


__all__ = ["IngestSummary", "article_id", "compare_story", "group_corpus", "ingest"]
