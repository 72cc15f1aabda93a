"""compare: one story, several articles, side by side.

    >>> import newsprism
    >>> comparison = newsprism.compare(["wire.txt", "rewrite.html"])   # doctest: +SKIP
    >>> print(newsprism.render(comparison, "md"))                      # doctest: +SKIP

``compare`` accepts paths, :class:`RawArticle` records (see :func:`newsprism.from_text`) or
already prepared :class:`Article` records, cleans and segments them, drops exact duplicates
(with a warning), aligns their sentences into facts, measures reuse between every ordered
pair and lists figures that disagree inside a fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .align import ALIGN_VERSION, AlignOptions, align
from .clean import CLEANER_VERSION, CleanOptions
from .errors import CompareError
from .model import Article, Comparison
from .numbers import NUMBERS_VERSION, article_quantities, conflicts
from .pipeline import ArticleLike, article_key, load_articles
from .reuse import REUSE_VERSION, ReuseOptions, reuse
from .segment import SEGMENTER_VERSION


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Options of ``compare``, one object per stage."""

    clean: CleanOptions = field(default_factory=CleanOptions)
    align: AlignOptions = field(default_factory=AlignOptions)
    reuse: ReuseOptions = field(default_factory=ReuseOptions)


def dedupe(articles: list[Article]) -> tuple[list[Article], list[str]]:
    """Drop articles whose cleaned text repeats an earlier one; make ids unique.

    Returns the kept articles and one warning per dropped or renamed article.
    """
    seen: dict[str, Article] = {}
    ids: set[str] = set()
    kept: list[Article] = []
    warnings: list[str] = []
    for art in articles:
        key = article_key(art)
        if key in seen:
            warnings.append(f"{art.source}: same article as {seen[key].source}; compared once")
            continue
        seen[key] = art
        if art.id in ids:
            n = 2
            while f"{art.id}-{n}" in ids:
                n += 1
            new_id = f"{art.id}-{n}"
            warnings.append(f"{art.source}: id {art.id!r} is taken by another article; using {new_id!r}")
            art = replace(art, id=new_id)
        ids.add(art.id)
        kept.append(art)
    return kept, warnings


def compare(
    items: Iterable[ArticleLike], *, options: CompareOptions | None = None, skip_errors: bool = False
) -> Comparison:
    """Compare two or more articles about one story.

    Raises :class:`CompareError` when fewer than two different articles are left, and
    :class:`InputError` for input that cannot be read (unless ``skip_errors``: then such
    input is left out and named in ``Comparison.warnings``).
    """
    opts = options or CompareOptions()
    loaded, problems = load_articles(items, clean_options=opts.clean, skip_errors=skip_errors)
    articles, warnings = dedupe(loaded)
    warnings = [f"skipped {p}" for p in problems] + warnings
    if len(articles) < 2:
        if len(loaded) >= 2:
            raise CompareError(
                "compare needs two or more different articles; the inputs hold the same article", tuple(warnings)
            )
        raise CompareError("compare needs two or more articles; give at least two files", tuple(warnings))
    facts = align(articles, options=opts.align)
    quantities = [q for a in articles for q in article_quantities(a)]
    algorithms = {
        "clean": opts.clean.patterns or CLEANER_VERSION,
        "segment": SEGMENTER_VERSION,
        "align": f"{ALIGN_VERSION}+{opts.align.embedder or 'lexical'}",
        "reuse": REUSE_VERSION,
        "numbers": NUMBERS_VERSION,
    }
    return Comparison(
        articles=tuple(articles),
        facts=tuple(facts),
        reuse=tuple(reuse(articles, options=opts.reuse)),
        quantities=tuple(quantities),
        conflicts=tuple(conflicts(facts, quantities)),
        warnings=tuple(warnings),
        algorithms=algorithms,
    )
