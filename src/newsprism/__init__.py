"""newsprism: how different news outlets report the same story.

The public API mirrors the command line::

    import newsprism
    comparison = newsprism.compare(["wire.txt", "rewrite.html"])
    print(newsprism.render(comparison, "text"))

``import newsprism`` stays light: it loads the records and the errors only. Every other name
below is imported on first use (PEP 562), so numpy, SQLite, trafilatura and the embedding
models load inside the functions that need them; ``tests/test_api.py`` checks it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import (
    CompareError,
    EmptyArticleError,
    GoldSetError,
    InputError,
    MissingDependencyError,
    NewsprismError,
    OptionsError,
    OutputError,
    StoreError,
)
from .model import (
    Article,
    Comparison,
    Entity,
    EntityMention,
    Fact,
    FactMember,
    FramingContrast,
    FramingMark,
    GroupFeatures,
    Grouping,
    NumberConflict,
    Quantity,
    Quote,
    QuoteGroup,
    QuoteVariant,
    RawArticle,
    RelatedLink,
    RelatedSentence,
    Reuse,
    Sentence,
    SingleSentence,
    Span,
    Story,
    WordEdit,
)

#: public name -> the module that defines it, imported on first use
_LAZY = {
    "AlignOptions": "align",
    "CleanOptions": "clean",
    "CompareOptions": "comparison",
    "GroupOptions": "grouping",
    "IngestSummary": "corpus",
    "OutletListing": "outlets",
    "OutletStats": "outlets",
    "PrepareOptions": "pipeline",
    "Prepared": "pipeline",
    "QuoteListing": "corpus",
    "ReuseOptions": "reuse",
    "compare": "api",
    "compare_story": "corpus",
    "from_html": "readers",
    "from_text": "readers",
    "group": "api",
    "group_corpus": "corpus",
    "ingest": "corpus",
    "outlets_in": "outlets",
    "prepare": "pipeline",
    "prepare_article": "pipeline",
    "prepare_many": "pipeline",
    "quotes_in": "corpus",
    "read_path": "readers",
    "render": "render",
}

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .align import AlignOptions
    from .api import compare, group
    from .clean import CleanOptions
    from .comparison import CompareOptions
    from .corpus import IngestSummary, QuoteListing, compare_story, group_corpus, ingest, quotes_in
    from .grouping import GroupOptions
    from .outlets import OutletListing, OutletStats, outlets_in
    from .pipeline import Prepared, PrepareOptions, prepare, prepare_article, prepare_many
    from .readers import from_html, from_text, read_path
    from .render import render
    from .reuse import ReuseOptions


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "AlignOptions",
    "Article",
    "CleanOptions",
    "CompareError",
    "CompareOptions",
    "Comparison",
    "EmptyArticleError",
    "Entity",
    "EntityMention",
    "Fact",
    "FactMember",
    "FramingContrast",
    "FramingMark",
    "GoldSetError",
    "GroupFeatures",
    "GroupOptions",
    "Grouping",
    "IngestSummary",
    "InputError",
    "MissingDependencyError",
    "NewsprismError",
    "NumberConflict",
    "OptionsError",
    "OutletListing",
    "OutletStats",
    "OutputError",
    "PrepareOptions",
    "Prepared",
    "Quantity",
    "Quote",
    "QuoteGroup",
    "QuoteListing",
    "QuoteVariant",
    "RawArticle",
    "RelatedLink",
    "RelatedSentence",
    "Reuse",
    "ReuseOptions",
    "Sentence",
    "SingleSentence",
    "Span",
    "StoreError",
    "Story",
    "WordEdit",
    "__version__",
    "compare",
    "compare_story",
    "from_html",
    "from_text",
    "group",
    "group_corpus",
    "ingest",
    "outlets_in",
    "prepare",
    "prepare_article",
    "prepare_many",
    "quotes_in",
    "read_path",
    "render",
]
