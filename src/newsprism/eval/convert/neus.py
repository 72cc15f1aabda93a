"""NeuS AllSides: per story, the left, center and right outlet's headline and first paragraphs."""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path

from ._common import ConvertSummary, _check_limit, _GoldBuilder, _natural_key, _require_dir


@dataclass(frozen=True)
class NeusArticle:
    """One outlet's article of a NeuS AllSides story, as :func:`read_neus` reads it."""

    id: str  #: ``neus-<story id>-<left|center|right>``
    title: str  #: the headline, whitespace folded
    text: str  #: the paragraphs, whitespace folded, one a line
    outlet: str | None
    story: str  #: the AllSides story id
    date: str  #: the AllSides story's date, ``YYYY-MM-DD``


def read_neus(src: Path, limit: int | None = None) -> list[NeusArticle]:
    """The articles of the first ``limit`` stories (id order) of ``src/data/raw_crawled/*.jsonl``.

    Each row is an AllSides story (``id``, ``date``, ``news``: side -> ``newsSource``,
    ``newsTitle``, ``newBody``, a list of paragraphs or, in some rows, that list written as its
    Python repr). A side without a headline or body text is left out; so is a story with none.
    """
    _check_limit(limit)
    src = Path(src)
    folder = _require_dir(src / "data" / "raw_crawled", "NeuS raw_crawled folder")
    rows = []
    for f in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{f}: not valid JSON lines (line {n}: {exc.msg})") from None
            if not isinstance(row, dict) or "id" not in row:
                raise ValueError(f"{f}: line {n} is not a NeuS story (no 'id')")
            rows.append(row)
    if not rows:
        raise ValueError(f"{folder}: no NeuS stories (*.jsonl)")
    rows.sort(key=lambda r: _natural_key(str(r["id"])))
    out = []
    for r in rows[:limit]:
        for side, v in sorted((r.get("news") or {}).items()):
            body = v.get("newBody") or []
            if isinstance(body, str):  # a list written as its Python repr in some rows
                body = ast.literal_eval(body) if body.startswith("[") else [body]
            text = "\n".join(" ".join(str(p).split()) for p in body)
            title = " ".join(str(v.get("newsTitle") or "").split())
            if not text.strip() or not title:
                continue
            date = str(r.get("date") or "")[:10]
            out.append(NeusArticle(f"neus-{r['id']}-{side}", title, text, v.get("newsSource"), str(r["id"]), date))
    return out


def convert_neus(src: Path, dest: Path, *, limit: int | None = None) -> ConvertSummary:
    """NeuS AllSides (``raw_crawled``) -> gold set of articles, stories and dates.

    Maps each story row of ``data/raw_crawled/*.jsonl`` (read by :func:`read_neus`) -> one
    article ``neus-<story id>-<side>`` per side (left, center, right): ``newsTitle`` as headline,
    the paragraphs of ``newBody`` as body, ``newsSource`` as outlet, story = the AllSides story
    id, and ``date`` = the story's date (``YYYY-MM-DD``) in ``gold.json``'s article entry.

    Limits: the bodies are the first paragraphs only, as AllSides crawled them (the last one is
    often cut off with "..."); the AllSides roundup is not mapped. No facts, quotes or framing.
    """
    gb = _GoldBuilder("neus")
    for a in read_neus(Path(src), limit):
        aid = gb.add_article(a.id, a.title, a.text, a.outlet, a.story)
        if a.date:
            gb.meta[aid]["date"] = a.date
    return gb.write(Path(dest))
