"""From a raw article to a cleaned, segmented one, with what grouping reads of it, its
quotations and its framing marks: the per-record step every command shares.

:func:`prepare` is the one public per-record step. ``ingest``'s worker processes call it
(through :func:`prepare_many`, which batches the embeddings), and so can a Spark job,
unchanged: its options are plain picklable values (the furniture patterns travel as text,
not as a path the worker must read) and it keeps no state between calls but caches.

Nothing here reads files: :mod:`newsprism.api` turns paths into records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from .clean import CleanOptions, clean
from .credits import credit_of, find_credits, resolve_outlet
from .dates import date_from_lines
from .errors import EmptyArticleError, InputError
from .framing import corpus_marks
from .grouping import GroupOptions, featurize
from .model import Article, FramingMark, GroupFeatures, Quote, RawArticle
from .quotes import article_quotes
from .segment import sentences

#: which dropped lines may say when an article was published
_DATED_REASONS = ("byline", "time")


@dataclass(frozen=True, slots=True)
class PrepareOptions:
    """Options of the per-record step: cleaning, the grouping features to compute
    (``group=None``: none, as ``compare`` needs none), whether to find the quotations
    (``quotes=False``: ``Prepared.quotes`` is None, "not looked for") and whether to find the
    framing marks (``framing=False``: ``Prepared.marks`` is None). Marks need the quotations
    (whose words a mark is, scare quotes), so ``quotes=False`` means no marks either: both are
    then found on first use (``newsprism.quotes_in``, ``newsprism.outlets_in``)."""

    clean: CleanOptions = field(default_factory=CleanOptions)
    group: GroupOptions | None = field(default_factory=GroupOptions)
    quotes: bool = True
    framing: bool = True

    def __post_init__(self) -> None:
        from . import _checks as check

        check.instance(self, "clean", CleanOptions)
        check.instance(self, "group", GroupOptions, optional=True)
        check.flag(self, "quotes")
        check.flag(self, "framing")


@dataclass(frozen=True, slots=True)
class Prepared:
    """One record, prepared: the cleaned, segmented article, its grouping features, its direct
    quotations (:func:`newsprism.quotes.article_quotes`, ids ``q1``... in the article, spans
    into ``article.text``) and its framing marks (:func:`newsprism.framing.corpus_marks`, ids
    ``m1``...), which ingest stores with it; ``quotes`` or ``marks`` None when they were not
    looked for (``PrepareOptions(quotes=False)``, ``framing=False``)."""

    article: Article
    features: GroupFeatures | None = None
    quotes: tuple[Quote, ...] | None = ()
    marks: tuple[FramingMark, ...] | None = None


def prepare_article(raw: RawArticle, *, clean_options: CleanOptions | None = None) -> Article:
    """Clean and segment one raw article, with its agency credit and its outlet
    (:func:`newsprism.credits.resolve_outlet`).

    Raises :class:`EmptyArticleError` when nothing of the body is left after cleaning.
    """
    text, removed, reasons = clean(raw, options=clean_options)
    if not text.strip():
        raise EmptyArticleError(raw.source, "no article body is left after removing page furniture")
    published = raw.published or date_from_furniture(removed, reasons)
    credits = find_credits(raw.body, byline=raw.byline)
    return Article(
        id=raw.id,
        text=text,
        source=raw.source,
        title=raw.title,
        outlet=resolve_outlet(raw.outlet, credits, url=raw.url, source=raw.source, id=raw.id),
        url=raw.url,
        published=published,
        removed=removed,
        removed_reasons=reasons,
        sentences=sentences(text),
        credit=credit_of(credits),
    )


def _analyze(article: Article, opts: PrepareOptions) -> Prepared:
    """The article with its quotations and marks as ``opts`` asks (the quotations are found
    once, for both), no features yet."""
    if not opts.quotes:
        return Prepared(article, None, None, None)
    found = article_quotes(article)
    marks = tuple(corpus_marks(article, found.quotes, found.terms)) if opts.framing else None
    return Prepared(article, None, found.quotes, marks)


def prepare(raw: RawArticle, options: PrepareOptions | None = None) -> Prepared:
    """Clean, segment and featurize one raw article, and find its quotations and framing
    marks. Raises :class:`InputError` for a record that cannot be an article (nothing left
    after cleaning, ...)."""
    opts = options or PrepareOptions()
    article = prepare_article(raw, clean_options=opts.clean)
    features = featurize([article], opts.group)[0] if opts.group is not None else None
    return replace(_analyze(article, opts), features=features)


def prepare_many(
    records: Iterable[RawArticle | InputError], options: PrepareOptions | None = None
) -> list[Prepared | InputError]:
    """:func:`prepare` over many records, in order, with the embeddings computed in one batch.
    A record that cannot be prepared (or that came as an :class:`InputError` from a reader)
    comes back as its error: one bad record never stops the others."""
    opts = options or PrepareOptions()
    out: list[Prepared | InputError] = []
    articles: list[Article] = []
    slots: list[int] = []
    for record in records:
        if isinstance(record, InputError):
            out.append(record)
            continue
        try:
            article = prepare_article(record, clean_options=opts.clean)
        except InputError as exc:
            out.append(exc)
            continue
        slots.append(len(out))
        out.append(_analyze(article, opts))
        articles.append(article)
    if opts.group is not None and articles:
        for slot, feats in zip(slots, featurize(articles, opts.group), strict=True):
            prepared = out[slot]
            assert isinstance(prepared, Prepared)
            out[slot] = replace(prepared, features=feats)
    return out


def date_from_furniture(removed: Sequence[str], reasons: Sequence[str]) -> str | None:
    """The publication date (ISO) written in a dropped byline or timestamp line, if any.

    Scraped text keeps no metadata, but its byline ("AFP January 31, 2023") or timestamp
    ("Updated 15:05, 8 SEP 2024") usually says when it was published; the first date found
    in such lines is taken.
    """
    return date_from_lines(line for line, why in zip(removed, reasons, strict=True) if why in _DATED_REASONS)
