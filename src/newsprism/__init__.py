"""newsprism: how different news outlets report the same story.

The public API mirrors the command line::

    import newsprism
    comparison = newsprism.compare(["wire.txt", "rewrite.html"])
    print(newsprism.render(comparison, "text"))

Heavy parts (trafilatura, the embedding models) load inside the functions that need them.
"""

from ._version import __version__
from .align import AlignOptions
from .clean import CleanOptions
from .compare import CompareOptions, compare
from .corpus import IngestSummary, compare_story, group_corpus, ingest
from .errors import (
    CompareError,
    EmptyArticleError,
    GoldSetError,
    InputError,
    MissingDependencyError,
    NewsprismError,
)
from .group import Grouping, GroupOptions, Story, group
from .model import (
    Article,
    Comparison,
    Fact,
    FramingMark,
    Mention,
    NumberConflict,
    Quantity,
    Quote,
    RawArticle,
    Reuse,
    Sentence,
    Span,
)
from .pipeline import prepare
from .readers import from_html, from_text, read_path
from .render import render
from .reuse import ReuseOptions

__all__ = [
    "AlignOptions",
    "Article",
    "CleanOptions",
    "CompareError",
    "CompareOptions",
    "Comparison",
    "EmptyArticleError",
    "Fact",
    "FramingMark",
    "GoldSetError",
    "GroupOptions",
    "Grouping",
    "IngestSummary",
    "InputError",
    "Mention",
    "MissingDependencyError",
    "NewsprismError",
    "NumberConflict",
    "Quantity",
    "Quote",
    "RawArticle",
    "Reuse",
    "ReuseOptions",
    "Sentence",
    "Span",
    "Story",
    "__version__",
    "compare",
    "compare_story",
    "from_html",
    "from_text",
    "group",
    "group_corpus",
    "ingest",
    "prepare",
    "read_path",
    "render",
]
