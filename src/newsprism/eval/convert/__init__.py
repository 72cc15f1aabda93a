"""Converters from public research data sets to newsprism gold sets (``GOLD_FORMAT.md``).

Each ``convert_<name>(src, dest, *, limit=None)`` reads one data set in the layout of
``shared/data/<folder>`` and writes a gold-set folder at ``dest``:

    dest/articles/<id>.txt   first line the headline (a placeholder where the data has none),
                             then the body, one paragraph a line
    dest/gold.json           articles (outlet, story; date where the data has one),
                             boilerplate, facts, quotes, framing

and returns a :class:`ConvertSummary`. What every converter guarantees:

- every quote or framing text written to ``gold.json`` occurs verbatim (exact substring, no
  folding) in the article file written; anything that does not is dropped and counted in
  ``ConvertSummary.skipped`` under its reason, as is every annotation that cannot be mapped;
- ids are file-system safe and deterministic; ``gold.json`` has sorted keys and sorted lists
  and is written atomically (temporary file, then ``os.replace``);
- ``limit`` keeps the first ``limit`` stories in id order (for data sets where each article is
  its own story, the first ``limit`` articles);
- the format has no positions, so identical spans (same article, text, type and note) are
  written once; the repeats are counted under ``skipped``.

A source folder that is missing or malformed raises :class:`ValueError` with a one-line
message that starts with the path. Converted data belongs in ``<cache>/gold/<name>``
(:func:`default_dest`), never in the repository: the article texts belong to their publishers.

One module per data set; :mod:`._common` holds the builder they share. The command line is
``newsprism convert NAME``. Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._common import ConvertSummary, default_cache, default_dest, default_source
from .basil import convert_basil
from .ecbplus import convert_ecbplus
from .neus import NeusArticle, convert_neus, read_neus
from .newswcl50 import convert_newswcl50
from .polnear import convert_polnear
from .scrapinghub import convert_scrapinghub

__all__ = [
    "CONVERTERS",
    "ConvertSummary",
    "NeusArticle",
    "convert",
    "convert_basil",
    "convert_ecbplus",
    "convert_neus",
    "convert_newswcl50",
    "convert_polnear",
    "convert_scrapinghub",
    "default_cache",
    "default_dest",
    "default_source",
    "read_neus",
]

# ---------------------------------------------------------------- registry

CONVERTERS: dict[str, Callable[..., ConvertSummary]] = {
    "basil": convert_basil,
    "polnear": convert_polnear,
    "newswcl50": convert_newswcl50,
    "ecbplus": convert_ecbplus,
    "scrapinghub": convert_scrapinghub,
    "neus": convert_neus,
}


def convert(
    name: str, src: Path | None = None, dest: Path | None = None, *, limit: int | None = None, **options: Any
) -> ConvertSummary:
    """Run converter ``name`` from ``src`` (default :func:`default_source`) to ``dest``
    (default :func:`default_dest`)."""
    if name not in CONVERTERS:
        raise ValueError(f"{name}: unknown data set (known: {', '.join(sorted(CONVERTERS))})")
    return CONVERTERS[name](
        Path(src) if src is not None else default_source(name),
        Path(dest) if dest is not None else default_dest(name),
        limit=limit,
        **options,
    )
