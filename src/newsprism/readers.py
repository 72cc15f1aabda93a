"""Reading articles from files and streams: ``.txt``, ``.html``, ``.jsonl`` and ``-`` (stdin).

Each reader returns :class:`~newsprism.model.RawArticle` records and raises
:class:`~newsprism.errors.InputError` with a one-line message naming the source.

- ``.txt``: the first non-empty line is the headline, the rest is the body.
- ``.html`` / ``.htm``: body and metadata (title, site name, date, URL) via trafilatura.
- ``.jsonl`` (and ``.jsonl.gz``): one JSON object a line with ``text`` or ``html`` and optional
  ``title``, ``outlet``, ``url``, ``published``, ``id``.
- ``-``: standard input, read as HTML when it starts with ``<``, else as text.

Bytes are decoded as UTF-8 (with or without BOM), UTF-16 with BOM, or else the encoding
charset-normalizer finds; binary data is refused.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputError
from .model import RawArticle

#: The largest single file ``compare`` reads (a news article is rarely over 1 MB of HTML).
MAX_ARTICLE_BYTES = 20_000_000
#: The largest JSONL file read at once; larger corpora go through ``ingest``.
MAX_JSONL_BYTES = 500_000_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_path(path: str | Path, *, outlet: str | None = None) -> list[RawArticle]:
    """Read one file (or ``-`` for stdin) into raw articles.

    ``outlet`` overrides the outlet found in metadata; without either, the outlet is left
    empty and the article's id (the file stem) names it.
    """
    name = str(path)
    if name == "-":
        data = _read_stream(sys.stdin.buffer, "-")
        fmt = "html" if data.lstrip()[:1] == b"<" else "txt"
        return [_parse_single(data, "-", "stdin", fmt, outlet)]
    p = Path(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a folder; give the article files inside it")
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes[-2:] == [".jsonl", ".gz"] or (suffixes and suffixes[-1] in JSONL_SUFFIXES):
        return list(_read_jsonl(p, outlet))
    size = p.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            name,
            f"file is too large for one article ({size / 1e6:.1f} MB; the limit is {MAX_ARTICLE_BYTES / 1e6:.0f} MB)",
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    suffix = suffixes[-1] if suffixes else ""
    if suffix in HTML_SUFFIXES:
        fmt = "html"
    elif suffix in TEXT_SUFFIXES:
        fmt = "txt"
    else:
        fmt = "html" if _looks_like_html(data) else "txt"
    return [_parse_single(data, name, _stem(p), fmt, outlet)]


def read_paths(paths: list[str | Path], *, outlets: list[str | None] | None = None) -> list[RawArticle]:
    """Read several files; ``outlets[i]`` (if given and not None) names the outlet of path i."""
    out: list[RawArticle] = []
    for i, path in enumerate(paths):
        outlet = outlets[i] if outlets and i < len(outlets) else None
        out.extend(read_path(path, outlet=outlet))
    return out


ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonl.gz")


def expand_paths(paths: list[str | Path], *, suffixes: tuple[str, ...] = ARTICLE_SUFFIXES) -> list[str | Path]:
    """Folders replaced by the article files inside them (recursively, sorted by path)."""
    out: list[str | Path] = []
    for path in paths:
        p = Path(path)
        if str(path) != "-" and p.is_dir():
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.name.lower().endswith(suffixes)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            out.extend(found)
        else:
            out.append(path)
    return out


def from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> RawArticle:
    """Make a raw article from a string; without ``title`` the first non-empty line is it."""
    if title is None:
        title, body = _split_headline(text)
    else:
        body = text
    return RawArticle(
        id=id or content_id(text),
        body=body,
        source=id or "<text>",
        title=title,
        outlet=outlet,
        url=url,
        published=published,
    )


def from_html(html: str, *, id: str | None = None, outlet: str | None = None) -> RawArticle:
    """Make a raw article from an HTML page held in a string."""
    return _from_html(html, id or "<html>", id or content_id(html), outlet)


def content_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# --------------------------------------------------------------------- internals


def _stem(p: Path) -> str:
    name = p.name
    for suffix in reversed(p.suffixes):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return name or p.name


def _read_stream(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(name, f"input is too large for one article (over {MAX_ARTICLE_BYTES // 10**6} MB)")
    return data


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def decode(data: bytes, source: str) -> str:
    """Decode bytes of a text or HTML file, refusing binary data."""
    if not data.strip():
        raise InputError(source, "is empty")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), source)
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {enc} byte-order mark but is not valid {enc}") from None
    if b"\x00" in data[:8192]:
        raise InputError(source, "looks like a binary file, not text or HTML")
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(source, "has an unknown text encoding; save it as UTF-8")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(source, f"is not valid {best.encoding}; save it as UTF-8") from None
    return _check_text(text, source)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _check_text(text: str, source: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(source, "looks like a binary file, not text or HTML")
    if not text.strip():
        raise InputError(source, "is empty")
    return text


def _split_headline(text: str) -> tuple[str | None, str]:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1 :])
    return None, ""


def _parse_single(data: bytes, source: str, stem: str, fmt: str, outlet: str | None) -> RawArticle:
    text = decode(data, source)
    if fmt == "html":
        return _from_html(text, source, stem, outlet)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title, body = _split_headline(text)
    if not body.strip():
        raise InputError(source, "has a headline but no article body below it")
    return RawArticle(id=stem, body=body, source=source, title=title, outlet=outlet, format="txt")


def _from_html(html: str, source: str, stem: str, outlet: str | None) -> RawArticle:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - trafilatura is a core dependency
        raise InputError(source, f"cannot read HTML: {exc}; run: pip install 'trafilatura' 'lxml_html_clean'") from None
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__})") from None
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else dict(doc or {})
    body = (meta.get("text") or "").strip()
    if not body:
        raise InputError(source, "is a page with no article body that could be found")
    return RawArticle(
        id=stem,
        body=body,
        source=source,
        title=(meta.get("title") or None),
        outlet=outlet or meta.get("sitename") or None,
        url=meta.get("url") or None,
        published=meta.get("date") or None,
        format="html",
    )


def _open_jsonl(p: Path) -> Iterator[bytes]:
    if p.stat().st_size > MAX_JSONL_BYTES:
        raise InputError(str(p), f"file is too large to compare at once (limit {MAX_JSONL_BYTES // 10**6} MB)")
    if p.suffix.lower() == ".gz":
        with gzip.open(p, "rb") as fh:
            yield from fh
    else:
        with p.open("rb") as fh:
            yield from fh


def _read_jsonl(p: Path, outlet: str | None) -> Iterator[RawArticle]:
    stem = _stem(p)
    found = 0
    try:
        for n, raw in enumerate(_open_jsonl(p), start=1):
            if not raw.strip():
                continue
            where = f"{p}:{n}"
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(where, f"line is not valid JSON ({exc.__class__.__name__})") from None
            if not isinstance(rec, dict):
                raise InputError(where, "line is not a JSON object")
            found += 1
            yield _jsonl_record(rec, where, f"{stem}-{n}", outlet)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(str(p), f"cannot be read ({exc})") from None
    if not found:
        raise InputError(str(p), "is empty")


#: field names accepted for each article field in JSONL records, in order of preference
JSONL_FIELDS = {
    "id": ("id", "ID", "article_id"),
    "text": ("text", "content", "content_original", "body", "maintext"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "date_publish"),
}


def _jsonl_record(rec: dict[str, Any], where: str, default_id: str, outlet: str | None) -> RawArticle:
    def opt(key: str) -> str | None:
        for name in JSONL_FIELDS[key]:
            val = rec.get(name)
            if isinstance(val, (str, int, float)) and str(val).strip():
                return str(val).strip() if key not in ("text", "html") else str(val)
        return None

    art_id = opt("id") or default_id
    rec_outlet = outlet or opt("outlet")
    html = opt("html")
    if html:
        art = _from_html(html, where, art_id, rec_outlet)
        return RawArticle(
            id=art.id,
            body=art.body,
            source=where,
            title=opt("title") or art.title,
            outlet=art.outlet,
            url=opt("url") or art.url,
            published=opt("published") or art.published,
            format="html",
        )
    text = opt("text")
    if text is None:
        raise InputError(where, "has neither a non-empty 'text' nor 'html' field")
    text = text.replace("\r\n", "\n")
    title = opt("title")
    if title is None:
        title, text = _split_headline(text)
    return RawArticle(
        id=art_id,
        body=text,
        source=where,
        title=title,
        outlet=rec_outlet,
        url=opt("url"),
        published=opt("published"),
        format="jsonl",
    )
