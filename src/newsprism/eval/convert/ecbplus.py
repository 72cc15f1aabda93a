"""ECB+: articles and stories (two look-alike events per topic)."""

from __future__ import annotations

import re
from pathlib import Path

from ._common import (
    ConvertSummary,
    _check_limit,
    _GoldBuilder,
    _load_json,
    _natural_key,
    _require_dir,
)


def convert_ecbplus(src: Path, dest: Path, *, limit: int | None = None) -> ConvertSummary:
    """ECB+ (prepared by Diverse_CDCR_datasets) -> gold set of articles and stories only.

    Maps ``.../<topic><ecb|ecbplus>/<topic>_<n><ecb|ecbplus>.json`` (fields ``title``,
    ``text``) -> one article ``<topic>_<n><half>``: ``title`` as headline, ``text`` as body;
    story = ``<topic>ecb`` or ``<topic>ecbplus``: each of the 43 topics holds two similar but
    different seminal events, the original ECB half and the ECB+ half, so this is a test of
    telling look-alike events apart. Outlet ``null`` (the data has none).

    The texts' PTB quotation marks (two backticks, two apostrophes) are written as ``"``; a
    document with an empty ``text`` keeps its one sentence (in ``title``) as body under the id
    as headline.

    Limits: the ``title`` of these documents is usually the first sentence, not a headline; the
    event and entity coreference annotations (``annotation/``) and the sentence selection of
    ``cltl_meta`` are not mapped; each topic half is taken as one story as ECB+ designs it,
    without checking that every document in it reports the same instance. No facts, quotes or
    framing.
    """
    _check_limit(limit)
    src = Path(src)
    _require_dir(src, "ECB+ folder")
    docs: dict[str, tuple[str, Path]] = {}
    for f in sorted(src.rglob("*.json")):
        half = re.fullmatch(r"(\d+)(ecb|ecbplus)", f.parent.name)
        if not half or not re.fullmatch(r"\d+_\d+(ecb|ecbplus)", f.stem):
            continue
        docs.setdefault(f.stem, (f.parent.name, f))
    if not docs:
        raise ValueError(f"{src}: no ECB+ documents (<topic><ecb|ecbplus>/<topic>_<n><ecb|ecbplus>.json)")
    stories = sorted({story for story, _ in docs.values()}, key=_natural_key)
    if limit is not None:
        keep = set(stories[:limit])
        docs = {k: v for k, v in docs.items() if v[0] in keep}
    gb = _GoldBuilder("ecbplus")
    for stem in sorted(docs, key=_natural_key):
        story, f = docs[stem]
        d = _load_json(f)
        if not isinstance(d, dict) or not isinstance(d.get("text"), str):
            raise ValueError(f"{f}: not a prepared ECB+ document (no 'text')")
        title = str(d.get("title") or "").strip()
        text = d["text"].strip()
        if not text and not title:
            gb.skip("document without text")
            continue
        if not text:  # a one-sentence document: its only sentence is in 'title'
            title, text = "", title
        text = re.sub(r"``\s*", '"', re.sub(r"\s*''", '"', text))  # PTB quotation marks
        title = re.sub(r"``\s*", '"', re.sub(r"\s*''", '"', title))
        gb.add_article(stem, title or stem, text, None, story)
    return gb.write(Path(dest))
