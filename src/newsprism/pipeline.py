"""From a raw article to a cleaned, segmented one: the stages every command shares."""

from __future__ import annotations

from .clean import CleanOptions, clean
from .errors import EmptyArticleError
from .model import Article, RawArticle
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
