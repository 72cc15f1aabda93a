"""The facade: the public functions that also take paths. The core (:mod:`newsprism.comparison`,
:mod:`newsprism.grouping`) takes records only; these read files, folders and standard input
through the one reader per format (:func:`newsprism.sources.iter_records`), then call it.

    import newsprism
    comparison = newsprism.compare(["wire.txt", "rewrite.html"])
    grouping = newsprism.group(["pile/"])
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from .comparison import CompareOptions
from .comparison import compare as compare_records
from .errors import InputError
from .grouping import GroupOptions
from .grouping import group as group_records
from .model import Article, Comparison, Grouping, RawArticle
from .pipeline import prepare_article
from .readers import ReadOptions
from .sources import iter_records

ArticleLike = str | Path | RawArticle | Article


def _key(path: str | Path) -> str:
    """A path spelled any way (``./a.txt``, ``a.txt``, an absolute path) as one key."""
    return "-" if str(path) == "-" else os.path.realpath(path)


def read(
    items: Iterable[ArticleLike],
    *,
    outlets: Mapping[str, str] | None = None,
    options: ReadOptions | None = None,
) -> tuple[list[RawArticle | Article], list[InputError]]:
    """Every record of ``items`` (records are kept as they are; paths are read, folders
    searched), and every problem met on the way, in input order. ``outlets`` maps a path (as
    the user spelled it) to the outlet name of the articles read from it; ``options`` caps
    the sizes read. A path that yields no article and no error is a problem too: nothing is
    skipped without a word."""
    names = {_key(p): name for p, name in (outlets or {}).items()}
    records: list[RawArticle | Article] = []
    problems: list[InputError] = []
    for item in items:
        if isinstance(item, (RawArticle, Article)):
            records.append(item)
            continue
        outlet = names.get(_key(item))
        found = 0
        for record in iter_records([item], options=options):
            found += 1
            if isinstance(record, InputError):
                problems.append(record)
            else:
                records.append(replace(record, outlet=outlet) if outlet else record)
        if not found:
            problems.append(InputError(str(item), "holds no article files (.txt, .html, .jsonl, feeds, WARC)"))
    return records, problems


def unknown_outlet_paths(outlets: Mapping[str, str], paths: Iterable[str | Path]) -> list[str]:
    """The paths of ``outlets`` that name none of ``paths`` (compared as resolved paths)."""
    given = {_key(p) for p in paths}
    return [p for p in outlets if _key(p) not in given]


#: ``on_progress(stage, done, total)``: how long work says how far it is (``total`` None when
#: unknown); the stages are ``read`` (articles cleaned and segmented), ``features`` and
#: ``cluster`` (grouping), ``compare`` and ``single`` (eval)
ProgressCallback = Callable[[str, int, int | None], None]


def load_articles(
    items: Iterable[ArticleLike],
    *,
    skip_errors: bool = False,
    read_options: ReadOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Read and prepare (clean and segment) ``items``; with ``skip_errors`` what cannot be read
    or prepared is returned as errors, else the first problem is raised. ``on_progress`` is
    told ``("read", done, total)`` after each article."""
    records, problems = read(items, options=read_options)
    articles: list[Article] = []
    for n, record in enumerate(records, 1):
        if on_progress:
            on_progress("read", n - 1, len(records))
        try:
            articles.append(prepare_article(record) if isinstance(record, RawArticle) else record)
        except InputError as exc:
            problems.append(exc)
    if on_progress:
        on_progress("read", len(records), len(records))
    if problems and not skip_errors:
        raise problems[0]
    return articles, problems


def compare(
    items: Iterable[ArticleLike],
    *,
    options: CompareOptions | None = None,
    skip_errors: bool = False,
    outlets: Mapping[str, str] | None = None,
    read_options: ReadOptions | None = None,
) -> Comparison:
    """Compare two or more articles about one story: paths (files, folders, ``-``) or records.

    Raises :class:`InputError` for the first input that cannot be read, unless
    ``skip_errors``: then it is left out and named in ``Comparison.warnings``. Raises
    :class:`CompareError` when fewer than two different articles are left. ``read_options``
    caps the size of what is read (:class:`newsprism.readers.ReadOptions`).
    """
    records, problems = read(items, outlets=outlets, options=read_options)
    if problems and not skip_errors:
        raise problems[0]
    warnings = [f"skipped {p}" for p in problems]
    warnings += [f"{r.source}: {w}" for r in records if isinstance(r, RawArticle) for w in r.warnings]
    return compare_records(records, options=options, skip_errors=skip_errors, warnings=warnings)


def group(
    items: Iterable[ArticleLike],
    *,
    options: GroupOptions | None = None,
    previous: dict[str, str] | None = None,
    skip_errors: bool = False,
    read_options: ReadOptions | None = None,
    on_progress: ProgressCallback | None = None,
) -> Grouping:
    """Group articles (records, or the files and folders that hold them) into stories.

    ``previous`` (article id -> story id, from an earlier grouping) keeps story ids stable.
    Inputs that cannot be read raise :class:`InputError`, or with ``skip_errors`` are left
    out and listed in ``Grouping.problems``. ``on_progress`` is told how far reading,
    features and clustering are (:data:`ProgressCallback`).
    """
    articles, problems = load_articles(
        items, skip_errors=skip_errors, read_options=read_options, on_progress=on_progress
    )
    return group_records(
        articles, options=options, previous=previous, problems=[str(p) for p in problems], on_progress=on_progress
    )


__all__ = ["ArticleLike", "ProgressCallback", "compare", "group", "load_articles", "read", "unknown_outlet_paths"]
