"""compare: one story, several articles, side by side (the pure core: records in, records out).

``compare`` takes :class:`RawArticle` records (see :func:`newsprism.from_text`) or already
prepared :class:`Article` records, cleans and segments the raw ones, drops exact duplicates
(with a warning), aligns their sentences into facts, measures reuse between every ordered
pair and lists figures that disagree inside a fact. It never touches the file system:
:func:`newsprism.compare` (in :mod:`newsprism.api`) also reads paths.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .align import ALIGN_VERSION, AlignOptions, align_story
from .clean import CleanOptions, pile_repeated
from .contrast import CONTRAST_VERSION, attach_marks, fact_contrasts
from .credits import CREDITS_VERSION
from .entities import ENTITIES_VERSION, naming_marks, naming_table, story_entities
from .errors import CompareError, InputError
from .framing import (
    FRAMING_VERSION,
    attach_facts,
    contrast_marks,
    headline_marks,
    number_marks,
    outlet_profiles,
    story_marks,
)
from .model import Article, Comparison, RawArticle, article_key
from .numbers import NUMBERS_VERSION, article_quantities, conflicts
from .pipeline import prepare_article
from .quotes import QUOTES_VERSION, shared_sentences, story_quotes
from .reuse import REUSE_VERSION, ReuseOptions, reuse
from .segment import SEGMENTER_VERSION
from .singles import SINGLES_VERSION


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Options of ``compare``, one object per stage."""

    clean: CleanOptions = field(default_factory=CleanOptions)
    align: AlignOptions = field(default_factory=AlignOptions)
    reuse: ReuseOptions = field(default_factory=ReuseOptions)

    def __post_init__(self) -> None:
        from . import _checks as check

        check.instance(self, "clean", CleanOptions)
        check.instance(self, "align", AlignOptions)
        check.instance(self, "reuse", ReuseOptions)


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


def with_pile_repeated(opts: CompareOptions, raws: list[RawArticle]) -> CompareOptions:
    """``opts`` with the lines that the pile's articles of one outlet repeat at their edges
    (:func:`newsprism.clean.pile_repeated`) added to the cleaner's repeated lines; ``opts``
    itself when there are none (most piles: it needs two articles of one named outlet)."""
    if not opts.clean.use_structure:
        return opts
    keys = pile_repeated(raws)
    if not keys or keys <= opts.clean.repeated:
        return opts
    return replace(opts, clean=replace(opts.clean, repeated=opts.clean.repeated | keys))


def compare(
    articles: Iterable[Article | RawArticle],
    *,
    options: CompareOptions | None = None,
    skip_errors: bool = False,
    warnings: Iterable[str] = (),
) -> Comparison:
    """Compare two or more articles about one story.

    Raises :class:`CompareError` when fewer than two different articles are left, and
    :class:`InputError` for a raw article that cannot be prepared (unless ``skip_errors``:
    then it is left out and named in ``Comparison.warnings``). ``warnings`` from the caller
    (inputs it could not read) come first in the result's.
    """
    opts = options or CompareOptions()
    articles = list(articles)
    opts = with_pile_repeated(opts, [a for a in articles if isinstance(a, RawArticle)])
    loaded: list[Article] = []
    problems: list[str] = []
    for item in articles:
        if isinstance(item, Article):
            loaded.append(item)
        elif isinstance(item, RawArticle):
            try:
                loaded.append(prepare_article(item, clean_options=opts.clean))
            except InputError as exc:
                if not skip_errors:
                    raise
                problems.append(f"skipped {exc}")
        else:
            raise TypeError(
                f"compare takes Article or RawArticle records, not {type(item).__name__}; "
                "newsprism.compare() also reads paths"
            )
    kept, dedupe_warnings = dedupe(loaded)
    all_warnings = [*warnings, *problems, *dedupe_warnings]
    if len(kept) < 2:
        if len(loaded) >= 2:
            raise CompareError(
                "compare needs two or more different articles; the inputs hold the same article", tuple(all_warnings)
            )
        raise CompareError("compare needs two or more articles; give at least two files", tuple(all_warnings))
    quotes, groups, terms, notes = story_quotes(kept)
    all_warnings += notes
    facts, related = align_story(kept, options=opts.align, shared_quotes=shared_sentences(quotes))
    quantities = [q for a in kept for q in article_quantities(a)]
    entities = story_entities(kept)
    naming = naming_marks(entities, kept, quotes)
    marks = attach_facts(story_marks(kept, quotes, terms, naming), facts, kept)
    contrasts = fact_contrasts(facts, kept, marks, entities)
    graded = contrast_marks(contrasts, kept, marks, quotes, facts)
    if graded:  # framing.v14: a graded word where another outlet has the plain one
        marks = number_marks([*marks, *attach_facts(graded, facts, kept)], kept)
        contrasts = attach_marks(contrasts, marks)
    algorithms = algorithm_versions(opts)
    return Comparison(
        articles=tuple(kept),
        facts=tuple(facts),
        reuse=tuple(reuse(kept, options=opts.reuse)),
        quantities=tuple(quantities),
        conflicts=tuple(conflicts(facts, quantities, kept)),
        related=tuple(related),
        quotes=tuple(quotes),
        quote_groups=tuple(groups),
        entities=tuple(entities),
        naming=tuple(naming_table(entities, kept)),
        profiles=tuple(outlet_profiles(kept, facts, marks, quotes)),
        framing=tuple(marks),
        headline_framing=tuple(headline_marks(kept)),
        contrasts=tuple(contrasts),
        warnings=tuple(all_warnings),
        algorithms=algorithms,
    )


def algorithm_versions(options: CompareOptions | None = None) -> dict[str, str]:
    """The version of every algorithm a comparison under ``options`` runs, as its JSON's
    ``algorithms`` records them (a stored comparison is kept under them too)."""
    opts = options or CompareOptions()
    return {
        "clean": opts.clean.version,
        "credits": CREDITS_VERSION,
        "segment": SEGMENTER_VERSION,
        "align": f"{ALIGN_VERSION}+{opts.align.embedder or 'lexical'}",
        "reuse": REUSE_VERSION,
        "numbers": NUMBERS_VERSION,
        "quotes": QUOTES_VERSION,
        "framing": FRAMING_VERSION,
        "entities": ENTITIES_VERSION,
        "contrast": CONTRAST_VERSION,
        "singles": SINGLES_VERSION,
    }
