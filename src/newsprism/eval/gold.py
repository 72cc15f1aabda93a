"""Gold sets (the format of GOLD_FORMAT.md): loading and validating.

A gold set is a folder with ``articles/<id>.txt`` (or ``.html``) and ``gold.json``; a written
part may add ``figures.json``, pairs of figures in two articles' sentences that disagree or
not (read by the ``figures`` task of ``newsprism eval``; not part of GOLD_FORMAT.md).
:func:`load_gold` reads it and :func:`validate` lists every way it breaks the format: a
missing file, a boilerplate line that is not a line of its article, a fact, quote or framing
text that does not occur in its article, a fact with two sentences of one article or
linking two stories, a sentence in two facts, a pair of figures whose sentence is not in its
article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import GoldSetError
from .matching import find_spans, fold

FRAMING_TYPES = ("attribution", "hedge", "scare_quote", "loaded", "naming")


@dataclass(frozen=True)
class GoldSet:
    """A loaded gold set: its folder, the parsed ``gold.json`` and the article files by id."""

    path: Path
    data: dict[str, Any]
    files: dict[str, Path]

    @property
    def name(self) -> str:
        return self.path.resolve().name

    def raw(self, article_id: str) -> str:
        return self.files[article_id].read_text(encoding="utf-8", errors="replace")

    def figures(self) -> list[dict[str, Any]] | None:
        """The written pairs of figures of ``figures.json`` beside ``gold.json`` (each: ``story``,
        two ``articles``, their two ``sentences``, the two ``figures`` as written, ``conflict``
        true or false, ``why``), or None when the set has no such file."""
        path = self.path / "figures.json"
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise GoldSetError(f"{path}: not valid JSON ({exc})") from None
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise GoldSetError(f"{path}: needs a list of pairs of figures (objects)")
        return data

    def stories(self) -> dict[str, list[str]]:
        """Gold story id -> its article ids (sorted), in story-id order."""
        out: dict[str, list[str]] = {}
        for art, meta in sorted(self.data.get("articles", {}).items()):
            out.setdefault(str(meta.get("story")), []).append(art)
        return dict(sorted(out.items()))


def load_gold(path: str | Path) -> GoldSet:
    """Read a gold set; raises :class:`GoldSetError` when it cannot be used at all."""
    root = Path(path)
    gold_file = root / "gold.json"
    if not gold_file.is_file():
        raise GoldSetError(f"{root}: not a gold set (no gold.json; see GOLD_FORMAT.md)")
    try:
        data = json.loads(gold_file.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldSetError(f"{gold_file}: not valid JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("articles"), dict):
        raise GoldSetError(f"{gold_file}: needs an 'articles' object mapping ids to outlet and story")
    files: dict[str, Path] = {}
    art_dir = root / "articles"
    for p in sorted(art_dir.glob("*")) if art_dir.is_dir() else []:
        if p.suffix.lower() in (".txt", ".html", ".htm") and p.stem in data["articles"]:
            files.setdefault(p.stem, p)
    missing = sorted(set(data["articles"]) - set(files))
    if missing:
        raise GoldSetError(
            f"{art_dir}: no article file for {', '.join(missing[:5])}"
            + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        )
    return GoldSet(root, data, files)


def validate(gold: GoldSet) -> list[str]:
    """Every problem of a gold set, one line each (empty when it is valid)."""
    problems: list[str] = []
    data = gold.data
    arts = data["articles"]
    texts = {a: gold.raw(a) for a in arts}
    for a, meta in arts.items():
        if not isinstance(meta, dict) or "story" not in meta:
            problems.append(f"articles.{a}: needs a 'story'")
    for a, lines in data.get("boilerplate", {}).items():
        if a not in arts:
            problems.append(f"boilerplate.{a}: unknown article")
            continue
        if gold.files[a].suffix != ".txt":
            continue
        raw_lines = {fold(x) for x in texts[a].splitlines()}
        for line in lines:
            if fold(line) not in raw_lines:
                problems.append(f"boilerplate.{a}: not a whole line of the article: {line[:60]!r}")
    seen_sentences: dict[tuple[str, str], str] = {}
    for i, fact in enumerate(data.get("facts", [])):
        fid = fact.get("id", f"#{i}")
        mentions = fact.get("mentions", {})
        if len(mentions) < 2:
            problems.append(f"facts.{fid}: needs sentences of two or more articles")
        stories = {arts.get(a, {}).get("story") for a in mentions}
        if len(stories) > 1:
            problems.append(f"facts.{fid}: links articles of different stories")
        for a, sent in mentions.items():
            if a not in arts:
                problems.append(f"facts.{fid}: unknown article {a}")
                continue
            if not find_spans(sent, texts[a]):
                problems.append(f"facts.{fid}: sentence not found in {a}: {sent[:60]!r}")
            key = (a, fold(sent))
            if key in seen_sentences:
                problems.append(f"facts.{fid}: sentence of {a} is also in fact {seen_sentences[key]}")
            seen_sentences[key] = fid
    for i, q in enumerate(data.get("quotes", [])):
        a = q.get("article")
        if a not in arts:
            problems.append(f"quotes[{i}]: unknown article {a}")
        elif not find_spans(q.get("text", ""), texts[a]):
            problems.append(f"quotes[{i}]: text not found in {a}: {q.get('text', '')[:60]!r}")
    for i, pair in enumerate(gold.figures() or []):
        ids, sents = pair.get("articles"), pair.get("sentences")
        if not (isinstance(ids, list) and isinstance(sents, list) and len(ids) == len(sents) == 2):
            problems.append(f"figures[{i}]: needs two articles and their two sentences")
            continue
        if not isinstance(pair.get("conflict"), bool):
            problems.append(f"figures[{i}]: 'conflict' must be true or false")
        for a, sent in zip(ids, sents, strict=True):
            if a not in arts:
                problems.append(f"figures[{i}]: unknown article {a}")
            elif not find_spans(str(sent), texts[a]):
                problems.append(f"figures[{i}]: sentence not found in {a}: {str(sent)[:60]!r}")
    for i, f in enumerate(data.get("framing", [])):
        a = f.get("article")
        if f.get("type") not in FRAMING_TYPES:
            problems.append(f"framing[{i}]: unknown type {f.get('type')!r}")
        if a not in arts:
            problems.append(f"framing[{i}]: unknown article {a}")
        elif not find_spans(f.get("text", ""), texts[a]):
            problems.append(f"framing[{i}]: text not found in {a}: {f.get('text', '')[:60]!r}")
    return problems
