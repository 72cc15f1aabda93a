"""From a raw article to a cleaned, segmented one: the stages every command shares."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .clean import CleanOptions, clean
from .errors import EmptyArticleError, InputError
from .model import Article, RawArticle
from .readers import expand_paths, read_path
from .segment import sentences


def prepare(raw: RawArticle, *, clean_options: CleanOptions | None = None) -> Article:
    """Clean and segment one raw article.

    Raises :class:`EmptyArticleError` when nothing of the body is left after cleaning.
    """
    text, removed, reasons = clean(raw, options=clean_options)
    if not text.strip():
        raise EmptyArticleError(raw.source, "no article body is left after removing page furniture")
    return Article(
        id=raw.id,
        text=text,
        source=raw.source,
        title=raw.title,
        outlet=raw.outlet,
        url=raw.url,
        published=raw.published,
        removed=removed,
        removed_reasons=reasons,
        sentences=sentences(text),
    )


ArticleLike = str | Path | RawArticle | Article


def load_articles(
    items: Iterable[ArticleLike], *, clean_options: CleanOptions | None = None, skip_errors: bool = False
) -> tuple[list[Article], list[InputError]]:
    """Read (paths) and prepare (raw articles) whatever ``compare`` was given.

    With ``skip_errors`` an input that cannot be read is left out and its error returned;
    without, the first such error is raised.
    """
    out: list[Article] = []
    problems: list[InputError] = []
    expanded = [x for item in items for x in (expand_paths([item]) if isinstance(item, (str, Path)) else [item])]
    for item in expanded:
        try:
            if isinstance(item, Article):
                out.append(item)
            elif isinstance(item, RawArticle):
                out.append(prepare(item, clean_options=clean_options))
            else:
                out.extend(prepare(raw, clean_options=clean_options) for raw in read_path(item))
        except InputError as exc:
            if not skip_errors:
                raise
            problems.append(exc)
    return out, problems
