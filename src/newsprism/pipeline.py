"""From a raw article to a cleaned, segmented one: the stages every command shares."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from .clean import CleanOptions, clean
from .errors import EmptyArticleError, InputError
from .model import Article, RawArticle
from .readers import expand_paths, read_path
from .segment import sentences


def article_key(article: Article) -> str:
    """The identity of an article's content: 16 hex digits of the SHA-256 of its cleaned text,
    runs of whitespace folded to one space and letters lower-cased. Two articles with the same
    key are the same article (``compare`` compares it once; the store keeps it once)."""
    folded = " ".join(article.text.split()).lower()
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def prepare(raw: RawArticle, *, clean_options: CleanOptions | None = None) -> Article:
    """Clean and segment one raw article.

    Raises :class:`EmptyArticleError` when nothing of the body is left after cleaning.
    """
    text, removed, reasons = clean(raw, options=clean_options)
    if not text.strip():
        raise EmptyArticleError(raw.source, "no article body is left after removing page furniture")
    published = raw.published or date_from_furniture(removed, reasons)
    return Article(
        id=raw.id,
        text=text,
        source=raw.source,
        title=raw.title,
        outlet=raw.outlet,
        url=raw.url,
        published=published,
        removed=removed,
        removed_reasons=reasons,
        sentences=sentences(text),
    )


_MONTHS = {
    m: i
    for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)
}
_DATES = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Za-z]{3,9})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
)


def date_from_furniture(removed: tuple[str, ...], reasons: tuple[str, ...]) -> str | None:
    """The publication date (ISO) written in a dropped byline or timestamp line, if any.

    Scraped text keeps no metadata, but its byline ("AFP January 31, 2023") or timestamp
    ("Updated 15:05, 8 SEP 2024") usually says when it was published; the first date found
    in such lines is taken.
    """
    for line, why in zip(removed, reasons, strict=True):
        if why not in ("byline", "time"):
            continue
        for pattern in _DATES:
            m = pattern.search(line)
            if not m:
                continue
            month = (
                int(m.group("m"))
                if "m" in m.groupdict() and m.group("m")
                else _MONTHS.get((m.groupdict().get("mon") or "")[:3].lower())
            )
            try:
                return date(int(m.group("y")), month or 0, int(m.group("d"))).isoformat()
            except (TypeError, ValueError):
                continue
    return None


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
