"""Sources for ``ingest``: every record of every file, one at a time, errors included.

Unlike :mod:`newsprism.readers` (one file, one or a few articles, the first problem raised),
:func:`iter_records` walks folders, JSONL, RSS / Atom feeds and WARC files and yields each
record as a :class:`RawArticle` or, when that record cannot be read, as an
:class:`InputError` naming it, so that a long run skips and counts bad records instead of
stopping.

- Feeds (``.rss``, ``.atom``, ``.xml`` with a feed root, via feedparser): an entry's full
  content (``content:encoded`` or Atom ``content``); without it, a page saved beside the feed
  whose file name is the last part of the entry's link (``story-slug.html``); without that,
  the entry is rejected as having no full text.
- WARC (``.warc``, ``.warc.gz``, via warcio): ``response`` records with an HTML content type;
  the URL from ``WARC-Target-URI``, the date from the page or else ``WARC-Date``. A truncated
  or corrupt record ends that file with an error; the records before it are kept.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import RawArticle
from .readers import JSONL_SUFFIXES, MAX_ARTICLE_BYTES, _from_html, _jsonl_record, _stem, expand_paths, read_path

FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
INGEST_SUFFIXES = (".txt", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".jsonl.gz", *FEED_SUFFIXES, *WARC_SUFFIXES)

Record = RawArticle | InputError


def iter_records(paths: list[str | Path]) -> Iterator[Record]:
    """Every article record under ``paths`` (folders searched recursively), in path order."""
    for path in expand_paths(list(paths), suffixes=INGEST_SUFFIXES):
        name = str(path).lower()
        try:
            if name.endswith(WARC_SUFFIXES):
                yield from _warc(Path(path))
            elif name.endswith(FEED_SUFFIXES):
                yield from _feed(Path(path))
            elif name.endswith(tuple(JSONL_SUFFIXES)) or name.endswith(".jsonl.gz"):
                yield from _jsonl(Path(path))
            else:
                yield from read_path(path)
        except InputError as exc:
            yield exc


def _jsonl(p: Path) -> Iterator[Record]:
    opener = gzip.open if p.name.lower().endswith(".gz") else open
    stem = _stem(p)
    try:
        with opener(p, "rb") as fh:
            for n, raw in enumerate(fh, start=1):
                if not raw.strip():
                    continue
                where = f"{p}:{n}"
                if len(raw) > MAX_ARTICLE_BYTES:
                    yield InputError(where, "record is too large for one article")
                    continue
                try:
                    rec = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield InputError(where, f"line is not valid JSON ({exc.__class__.__name__})")
                    continue
                if not isinstance(rec, dict):
                    yield InputError(where, "line is not a JSON object")
                    continue
                try:
                    yield _jsonl_record(rec, where, f"{stem}-{n}", None)
                except InputError as exc:
                    yield exc
    except (OSError, EOFError) as exc:
        yield InputError(str(p), f"cannot be read to the end ({exc})")


def _looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _feed(p: Path) -> Iterator[Record]:
    import feedparser

    data = p.read_bytes()
    if p.suffix.lower() == ".xml" and not _looks_like_feed(data):
        yield InputError(str(p), "is XML but not an RSS or Atom feed")
        return
    # feedparser never resolves external entities; a document that tries is refused by it
    parsed: Any = feedparser.parse(data)
    if parsed.get("bozo") and not parsed.get("entries"):
        exc = parsed.get("bozo_exception")
        yield InputError(str(p), f"is not a readable feed ({type(exc).__name__ if exc else 'malformed'})")
        return
    site = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(parsed.get("entries", []), start=1):
        where = f"{p}#{n}"
        link = entry.get("link") or None
        title = entry.get("title") or None
        published = _entry_date(entry)
        html = None
        for content in entry.get("content") or []:
            if content.get("value"):
                html = content["value"]
                break
        try:
            if html is None:
                saved = _saved_page(p.parent, link)
                if saved is None:
                    yield InputError(where, "feed entry has no full text and no saved page beside the feed")
                    continue
                raw = read_path(saved)[0]
                yield RawArticle(
                    id=raw.id,
                    body=raw.body,
                    source=str(saved),
                    title=raw.title or title,
                    outlet=raw.outlet or site,
                    url=link or raw.url,
                    published=raw.published or published,
                    format="html",
                )
                continue
            art = _from_html(f"<html><body><article>{html}</article></body></html>", where, f"{_stem(p)}-{n}", site)
            yield RawArticle(
                id=art.id,
                body=art.body,
                source=where,
                title=title,
                outlet=site,
                url=link,
                published=published,
                format="feed",
            )
        except InputError as exc:
            yield exc


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        t = entry.get(key)
        if t:
            return f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}"
    return None


def _saved_page(folder: Path, link: str | None) -> Path | None:
    if not link:
        return None
    slug = re.sub(r"[?#].*$", "", link).rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"\.(html?|php|aspx?)$", "", slug)
    if not slug:
        return None
    for suffix in (".html", ".htm"):
        cand = folder / f"{slug}{suffix}"
        if cand.is_file():
            return cand
    return None


def _warc(p: Path) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with p.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{p}#{n}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                body = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
                if len(body) > MAX_ARTICLE_BYTES:
                    yield InputError(where, "page is too large for one article")
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:  # the file ended before the record did
                    raise ValueError("record shorter than its WARC Content-Length")
                m = re.search(r"charset=([\w-]+)", ctype, re.I)
                try:
                    html = body.decode(m.group(1) if m else "utf-8", errors="replace")
                except LookupError:
                    html = body.decode("utf-8", errors="replace")
                warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    art = _from_html(html, where, f"{_stem(p)}-{n}", None)
                except InputError as exc:
                    yield exc
                    continue
                yield RawArticle(
                    id=art.id,
                    body=art.body,
                    source=where,
                    title=art.title,
                    outlet=art.outlet,
                    url=uri or art.url,
                    published=art.published or warc_date,
                    format="warc",
                )
    except Exception as exc:  # warcio raises several kinds on truncated or corrupt records
        yield InputError(
            f"{p}#{n + 1}", f"truncated or corrupt WARC record ({type(exc).__name__}); rest of file skipped"
        )
