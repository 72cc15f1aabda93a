"""The one reader of every input: each record of each file, one at a time, errors included.

:func:`iter_records` walks folders and yields each record as a :class:`RawArticle` or, when
that record cannot be read, as an :class:`InputError` naming it (``path``, ``path:line``,
``path#n``), so that ``compare``, ``group`` and ``ingest`` (and a Spark job) meet a bad
record the same way: it is named, and the good records around it are kept. Every path given
or file found yields at least one of the two: nothing is skipped without a word.

- Text and HTML pages, ``.gz`` pages, JSONL: :mod:`newsprism.readers`.
- Feeds (``.rss``, ``.atom``, ``.xml`` with a feed root, via feedparser): an entry's full
  content (``content:encoded`` or Atom ``content``); without it, a page saved beside the feed
  whose file name is the last part of the entry's link (``story-slug.html``); without that,
  its ``<description>`` (Atom ``summary``) when it holds a whole article: at least
  :data:`DESCRIPTION_MIN_WORDS` words in at least :data:`DESCRIPTION_MIN_PARAGRAPHS`
  paragraphs of :data:`PARAGRAPH_MIN_WORDS` words or more. Any other entry is rejected, and
  the reason says whether it had only a teaser (its words and paragraphs) or no text at all.
  An entry without a title, or whose title or text is only unexpanded entity references
  (``&lol9;``, what is left of a refused billion-laughs DTD), is rejected.
- WARC (``.warc``, ``.warc.gz``; gzip is recognised by its bytes): ``response`` records with
  an HTML content type; the URL from ``WARC-Target-URI``, the date from the page or else
  ``WARC-Date``. ``path#n`` is the n-th record of the file. The file is split into records
  here, streaming (each record's block read up to ``max_record_bytes``), and each record is
  parsed by warcio. A record whose ``Content-Length`` does not match its content, a cut
  header or bytes that are not a record are named, and reading resumes at the next line that
  starts with ``WARC/1.``: the intact records after a bad one are kept. warcio's own
  warnings and messages go to the ``newsprism.sources`` logger, not the terminal.
- ARC (``.arc``, ``.arc.gz``): warcio's iterator; a corrupt record ends the file with an error.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import logging
import os
import re
import warnings
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import RawArticle
from .readers import (
    ARTICLE_SUFFIXES,
    DEFAULT_READ_OPTIONS,
    JSONL_FILE_SUFFIXES,
    ReadOptions,
    _Capped,
    _from_html,
    _reason,
    _stem,
    _TooMuch,
    iter_jsonl,
    only_entity_references,
    read_page,
    read_path,
    size_text,
)
from .text import plural

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # a library logs; the application decides what is shown

FEED_SUFFIXES = (".rss", ".atom", ".xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
INGEST_SUFFIXES = (*ARTICLE_SUFFIXES, *FEED_SUFFIXES, *WARC_SUFFIXES)
NO_ARTICLE_FILES = "holds no article files (.txt, .html, .jsonl, feeds, WARC)"

Record = RawArticle | InputError

#: a feed entry's description is a whole article (not a teaser) with at least this many words ...
DESCRIPTION_MIN_WORDS = 150
#: ... in at least this many paragraphs ...
DESCRIPTION_MIN_PARAGRAPHS = 3
#: ... each of at least this many words (shorter lines, "Read more", a byline, do not count)
PARAGRAPH_MIN_WORDS = 8


def iter_records(paths: list[str | Path], *, options: ReadOptions | None = None) -> Iterator[Record]:
    """Every article record under ``paths`` (folders searched recursively, in path order;
    ``-`` is standard input), each a :class:`RawArticle` or an :class:`InputError` naming
    the record, file or folder that could not be read. A folder that cannot be listed and a
    folder with no article files are errors too. ``options`` caps the sizes read."""
    opts = options or DEFAULT_READ_OPTIONS
    for path in paths:
        if str(path) == "-":
            try:
                yield from read_path("-", options=opts)
            except InputError as exc:
                yield exc
            continue
        p = Path(path)
        if p.is_dir():
            found = 0
            for item in _walk(p):
                if isinstance(item, InputError):
                    found += 1
                    yield item
                    continue
                for record in iter_file(item, options=opts):
                    found += 1
                    yield record
            if not found:
                yield InputError(str(path), NO_ARTICLE_FILES)
        else:
            yield from iter_file(p, options=opts)


def count_records(paths: list[str | Path], *, max_bytes: int = 200_000_000) -> int | None:
    """How many records :func:`iter_records` will yield for ``paths``, when that is known
    cheaply (for a progress bar's total): one for each page file (folders searched), one for
    each non-empty line of a plain ``.jsonl`` file under ``max_bytes`` altogether. None when
    a path is standard input, a feed, a WARC or a gzipped JSONL file, whose records are
    known only by reading them; an unreadable path counts one (its error)."""
    total = 0
    budget = max_bytes
    for path in paths:
        if str(path) == "-":
            return None
        p = Path(path)
        files: list[Path | InputError] = _walk(p) if p.is_dir() else [p]
        for f in files:
            if isinstance(f, InputError) or not f.is_file():
                total += 1
                continue
            name = f.name.lower()
            if name.endswith((".jsonl", ".ndjson")):
                try:
                    budget -= f.stat().st_size
                    if budget < 0:
                        return None
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
            elif name.endswith((".arc", ".arc.gz", *WARC_SUFFIXES, *FEED_SUFFIXES, *JSONL_FILE_SUFFIXES)):
                return None
            else:
                total += 1
    return total


def iter_file(path: str | Path, *, options: ReadOptions | None = None) -> Iterator[Record]:
    """Every record of one file, by its format (its name; an unknown suffix is read as one
    text or HTML page). Yields at least one record or error."""
    opts = options or DEFAULT_READ_OPTIONS
    p = Path(path)
    name = p.name.lower()
    if not p.exists():
        yield InputError(str(path), "no such file")
        return
    if p.is_dir():
        yield InputError(str(path), "is a folder; give the article files inside it")
        return
    found = 0
    try:
        if name.endswith((".arc", ".arc.gz")):
            records = _arc(p, opts)
        elif name.endswith(WARC_SUFFIXES):
            records = _warc(p, opts)
        elif name.endswith(FEED_SUFFIXES):
            records = _feed(p, opts)
        elif name.endswith(JSONL_FILE_SUFFIXES):
            records = iter_jsonl(p, options=opts)
        else:
            records = iter([read_page(p, options=opts)])
        for record in records:
            found += 1
            yield record
    except InputError as exc:
        found += 1
        yield exc
    if not found:
        yield InputError(str(path), "holds no article records")


def _walk(folder: Path) -> list[Path | InputError]:
    """The article files under ``folder`` (hidden ones left out) and an error for each
    sub-folder that cannot be listed, sorted by path."""
    items: list[tuple[Path, Path | InputError]] = []

    def unreadable(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        items.append((where, InputError(str(where), f"folder cannot be read ({exc.strerror or exc})")))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith(".") and f.lower().endswith(INGEST_SUFFIXES):
                fp = Path(root) / f
                items.append((fp, fp))
    items.sort(key=lambda item: item[0])
    return [item for _, item in items]


# --------------------------------------------------------------------- feeds


def _looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _feed(p: Path, opts: ReadOptions) -> Iterator[Record]:
    import feedparser

    cap = opts.max_feed_bytes
    try:
        with p.open("rb") as fh:
            data = fh.read(cap + 1)
    except OSError as exc:
        yield InputError(str(p), f"cannot be read ({exc.strerror or exc})")
        return
    if len(data) > cap:
        yield InputError(str(p), f"feed is too large to read (over {size_text(cap)})")
        return
    if p.suffix.lower() == ".xml" and not _looks_like_feed(data):
        yield InputError(str(p), "is XML but not an RSS or Atom feed")
        return
    # feedparser never resolves external entities; expat refuses entity amplification
    parsed: Any = feedparser.parse(data)
    entries = parsed.get("entries", [])
    if parsed.get("bozo") and not entries:
        bozo = parsed.get("bozo_exception")
        yield InputError(str(p), f"is not a readable feed ({type(bozo).__name__ if bozo else 'malformed'})")
        return
    if not entries:
        yield InputError(str(p), "is a feed with no entries")
        return
    site = (parsed.get("feed") or {}).get("title")
    for n, entry in enumerate(entries, start=1):
        where = f"{p}#{n}"
        try:
            yield _feed_entry(entry, where, p, n, site)
        except InputError as exc:
            yield exc


def _feed_entry(entry: Any, where: str, p: Path, n: int, site: str | None) -> RawArticle:
    link = entry.get("link") or None
    title = (entry.get("title") or "").strip() or None
    published = _entry_date(entry)
    html = None
    for content in entry.get("content") or []:
        if content.get("value"):
            html = content["value"]
            break
    for what, value in (("title", title), ("text", html)):
        if value and only_entity_references(value):
            shown = value.strip()[:40]
            raise InputError(where, f"feed entry's {what} is only unexpanded entity references ({shown}); skipped")
    saved = _saved_page(p.parent, link) if html is None else None
    body = None
    if html is None and saved is None:
        body = _description(entry, where)
    if html is None and body is None:
        if saved is None:
            raise InputError(where, "feed entry has no full text and no saved page beside the feed")
        raw = read_path(saved)[0]
        if not (raw.title or title):
            raise InputError(where, "feed entry has no title")
        return RawArticle(
            id=raw.id,
            body=raw.body,
            source=str(saved),
            title=raw.title or title,
            outlet=raw.outlet or site,
            url=link or raw.url,
            published=raw.published or published,
            format="html",
            warnings=raw.warnings,
            byline=raw.byline or (entry.get("author") or None),
        )
    if title is None:
        raise InputError(where, "feed entry has no title")
    if body is None:
        body = _from_html(f"<html><body><article>{html}</article></body></html>", where, f"{_stem(p)}-{n}", site).body
    return RawArticle(
        id=f"{_stem(p)}-{n}",
        body=body,
        source=where,
        title=title,
        outlet=site,
        url=link,
        published=published,
        format="feed",
        byline=(entry.get("author") or None),
    )


_PARAGRAPH_BREAK = re.compile(
    r"</p\s*>|<p(?:\s[^>]{0,500})?>|(?:<br\s*/?>\s*){2,}|\n\s*\n|</(?:div|li|h\d|blockquote)\s*>", re.I
)
_TAG = re.compile(r"<[^>]{0,2000}>")


def description_paragraphs(description: str) -> list[str]:
    """The paragraphs of a feed entry's description (HTML or plain text): split at paragraph
    tags, double line breaks and blank lines, tags dropped, entities decoded, white space
    folded; empty ones left out."""
    import html as html_lib

    out = []
    for chunk in _PARAGRAPH_BREAK.split(description):
        text = " ".join(html_lib.unescape(_TAG.sub(" ", chunk)).split())
        if text:
            out.append(text)
    return out


def _description(entry: Any, where: str) -> str | None:
    """The entry's body from its description when that holds a whole article (paragraphs
    joined by newlines); None without a description; an error naming a teaser (its words and
    paragraphs)."""
    description = entry.get("summary") or entry.get("description") or ""
    if not description.strip():
        return None
    if only_entity_references(description):
        raise InputError(where, "feed entry's description is only unexpanded entity references; skipped")
    paragraphs = description_paragraphs(description)
    words = sum(len(x.split()) for x in paragraphs)
    full = sum(1 for x in paragraphs if len(x.split()) >= PARAGRAPH_MIN_WORDS)
    if words < DESCRIPTION_MIN_WORDS or full < DESCRIPTION_MIN_PARAGRAPHS:
        raise InputError(
            where,
            f"feed entry has only a teaser in its description ({words} {'word' if words == 1 else 'words'}, "
            f"{full} {'paragraph' if full == 1 else 'paragraphs'}; a whole article has at least "
            f"{DESCRIPTION_MIN_WORDS} words in {DESCRIPTION_MIN_PARAGRAPHS} paragraphs) "
            "and no saved page beside the feed",
        )
    return "\n".join(paragraphs)


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


# --------------------------------------------------------------------- WARC


class _WarcLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        log.log(record.levelno, "warcio: %s", record.getMessage())


@contextlib.contextmanager
def _quiet_warcio() -> Iterator[None]:
    """Inside: what warcio writes to ``sys.stderr``, warns or logs goes to our logger instead."""
    err = io.StringIO()
    wlog = logging.getLogger("warcio")
    handler = _WarcLogHandler()
    propagate = wlog.propagate
    wlog.addHandler(handler)
    wlog.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stderr(err):
            warnings.simplefilter("always")
            yield
    finally:
        wlog.removeHandler(handler)
        wlog.propagate = propagate
    for w in caught:
        log.warning("warcio: %s", w.message)
    if err.getvalue().strip():
        log.warning("warcio: %s", err.getvalue().strip()[:2000])


def _open_archive(p: Path, opts: ReadOptions) -> Any:
    """The file's bytes, gunzipped (capped) when they are gzip, whatever the name says."""
    raw = p.open("rb")
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return _Capped(gzip.GzipFile(fileobj=raw), opts.max_gunzipped_bytes, raw)
    raw.seek(0)
    return raw


class _Pushback:
    """A byte stream one can push bytes back into (memory: what is pushed back)."""

    def __init__(self, fh: Any) -> None:
        self.fh = fh
        self.buf = b""
        self.pos = 0

    def unread(self, data: bytes) -> None:
        if data:
            self.buf = data + self.buf[self.pos :]
            self.pos = 0

    def _take(self, end: int) -> bytes:
        out = self.buf[self.pos : end]
        self.pos = end
        if self.pos >= len(self.buf):
            self.buf, self.pos = b"", 0
        return out

    def read(self, size: int) -> bytes:
        out = bytearray(self._take(self.pos + min(size, len(self.buf) - self.pos)))
        while len(out) < size:
            chunk = self.fh.read(min(size - len(out), 1 << 20))
            if not chunk:
                break
            out += chunk
        return bytes(out)

    def readline(self, limit: int) -> bytes:
        if self.pos < len(self.buf):
            i = self.buf.find(b"\n", self.pos, self.pos + limit)
            if i >= 0:
                return self._take(i + 1)
            if len(self.buf) - self.pos >= limit:
                return self._take(self.pos + limit)
            head = self._take(len(self.buf))
            return head + self.fh.readline(limit - len(head))
        return self.fh.readline(limit)


_LINE = 65536  # the longest header line read at once
_MAX_HEADER = 1 << 20  # the largest WARC record header
_START = b"WARC/1."


def _resync(s: _Pushback, at_line_start: bool) -> int:
    """Skip to the next line that starts with ``WARC/1.``; return the bytes skipped."""
    skipped = 0
    while True:
        line = s.readline(_LINE)
        if not line:
            return skipped
        if at_line_start and line.startswith(_START):
            s.unread(line)
            return skipped
        skipped += len(line)
        at_line_start = line.endswith(b"\n")


def _split_warc(s: _Pushback, opts: ReadOptions) -> Iterator[tuple[str, bytes, bytes]]:
    """The records of a WARC byte stream as ``(kind, header, block)``: kind ``ok``, or a
    problem (``garbage`` with the byte count in ``header``, ``length``, ``header``, ``large``,
    ``truncated``) after which the stream is resynchronised on the next ``WARC/1.`` line."""
    cap = opts.max_record_bytes
    while True:
        line = s.readline(_LINE)
        if not line:
            return
        if not line.strip():
            continue  # blank lines between records
        if not line.startswith(b"WARC/"):
            skipped = len(line) + _resync(s, line.endswith(b"\n"))
            yield "garbage", str(skipped).encode(), b""
            continue
        header = bytearray(line)
        length: int | None = None
        problem = ""
        while True:
            hl = s.readline(_LINE)
            if not hl:
                yield "truncated", bytes(header), b""
                return
            if hl.startswith(_START):  # the header was cut and the next record begins
                s.unread(hl)
                problem = "header"
                break
            header += hl
            if not hl.strip():
                break
            if len(header) > _MAX_HEADER or not hl.endswith(b"\n"):
                _resync(s, hl.endswith(b"\n"))
                problem = "header"
                break
            key, _, value = hl.partition(b":")
            if key.strip().lower() == b"content-length":
                try:
                    length = int(value.strip())
                except ValueError:
                    length = None
        if problem or length is None or length < 0:
            if not problem:
                _resync(s, True)
            yield "header", bytes(header), b""
            continue
        if length > cap:
            _resync(s, True)
            yield "large", bytes(header), str(length).encode()
            continue
        block = s.read(length)
        next_at = 0 if block.startswith(_START) else block.find(b"\n" + _START) + 1
        if len(block) < length:  # the file ends before the Content-Length does
            if next_at > 0 or block.startswith(_START):
                s.unread(block[next_at:])
                yield "length", bytes(header), b""
                continue
            yield "truncated", bytes(header), b""
            return
        trail = b""
        while True:  # the record must be followed by blank lines, then a record or the end
            nl = s.readline(_LINE)
            if not nl or nl.startswith(b"WARC/"):
                s.unread(nl)
                yield "ok", bytes(header), block
                break
            if not nl.strip() and len(trail) < _LINE:
                trail += nl
                continue
            if trail.startswith(b"\r\n\r\n"):  # the record ended as it should: junk follows it
                s.unread(nl)
                yield "ok", bytes(header), block
                break
            # Content-Length lied: too long (the block holds the start of a later record) or
            # too short (the content goes on after it)
            if next_at > 0 or block.startswith(_START):
                s.unread(block[next_at:] + trail + nl)
            else:
                _resync(s, nl.endswith(b"\n"))
            yield "length", bytes(header), b""
            break


def _warc(p: Path, opts: ReadOptions) -> Iterator[Record]:
    n = 0
    yielded = 0
    leading = 0  # bytes before the first record: named only if a record follows
    try:
        fh = _open_archive(p, opts)
    except OSError as exc:
        yield InputError(str(p), f"cannot be read ({exc.strerror or exc})")
        return
    with fh:
        try:
            for kind, header, block in _split_warc(_Pushback(fh), opts):
                if kind == "garbage":
                    if n == 0:
                        leading = int(header)
                        continue
                    yielded += 1
                    yield InputError(
                        str(p), f"{int(header):,} bytes after record {n} are not a WARC record; skipped to the next one"
                    )
                    continue
                if n == 0 and leading:
                    yielded += 1
                    yield InputError(str(p), f"starts with {leading:,} bytes that are not a WARC record; skipped")
                n += 1
                where = f"{p}#{n}"
                if kind != "ok":
                    yielded += 1
                    message = _WARC_PROBLEMS[kind].format(length=block.decode(), cap=size_text(opts.max_record_bytes))
                    yield InputError(where, message)
                    continue
                record = _warc_record(header + block + b"\r\n\r\n", where, p, n, opts)
                if record is not None:
                    yielded += 1
                    yield record
        except _TooMuch:
            limit = size_text(opts.max_gunzipped_bytes)
            yield InputError(f"{p}#{n + 1}", f"file expands to more than {limit} when gunzipped; rest skipped")
            return
        except (OSError, EOFError, zlib.error) as exc:  # a gzip stream cut short or corrupt
            yield InputError(f"{p}#{n + 1}", f"truncated or corrupt WARC record ({_reason(exc)}); rest of file skipped")
            return
    if not n:
        yield InputError(str(p), "is not a WARC file (no WARC/1.x record header found)")
    elif not yielded:
        yield InputError(str(p), f"holds no HTML response records ({plural(n, 'record')})")


_WARC_PROBLEMS = {
    "length": "WARC record's Content-Length does not match its content; skipped, reading resumes at the next record",
    "header": "WARC record header is cut short, too long or has no valid Content-Length; skipped",
    "large": "WARC record is too large ({length} bytes; the limit is {cap}); skipped",
    "truncated": "truncated or corrupt WARC record (the file ends inside it)",
}


def _warc_record(data: bytes, where: str, p: Path, n: int, opts: ReadOptions) -> Record | None:
    """One WARC record's bytes parsed by warcio: an article for an HTML response, None for
    another kind of record, an error for a record that cannot be read."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        with _quiet_warcio():
            record = next(iter(ArchiveIterator(io.BytesIO(data))), None)
            if record is None or record.rec_type != "response":
                return None
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                return None
            body = record.content_stream().read(opts.max_article_bytes + 1)
            warc_date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    except Exception as exc:  # warcio raises several kinds on a malformed record
        return InputError(where, f"truncated or corrupt WARC record ({type(exc).__name__})")
    return _warc_page(body, ctype, uri, warc_date, where, p, n, opts)


def _warc_page(
    body: bytes, ctype: str, uri: str | None, warc_date: str | None, where: str, p: Path, n: int, opts: ReadOptions
) -> Record:
    if len(body) > opts.max_article_bytes:
        return InputError(where, f"page is too large for one article (over {size_text(opts.max_article_bytes)})")
    m = re.search(r"charset=([\w-]+)", ctype, re.I)
    try:
        html = body.decode(m.group(1) if m else "utf-8", errors="replace")
    except LookupError:
        html = body.decode("utf-8", errors="replace")
    try:
        art = _from_html(html, where, f"{_stem(p)}-{n}", None)
    except InputError as exc:
        return exc
    return RawArticle(
        id=art.id,
        body=art.body,
        source=where,
        title=art.title,
        outlet=art.outlet,
        url=uri or art.url,
        published=art.published or warc_date,
        format="warc",
    )


def _arc(p: Path, opts: ReadOptions) -> Iterator[Record]:
    """ARC files through warcio's own iterator; a corrupt record ends the file with an error."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        with p.open("rb") as fh:
            with _quiet_warcio():
                records = iter(ArchiveIterator(fh, arc2warc=True))
            while True:
                with _quiet_warcio():
                    record = next(records, None)
                    if record is None:
                        break
                    n += 1
                    page = None
                    if record.rec_type == "response" and record.http_headers:
                        ctype = record.http_headers.get_header("Content-Type") or ""
                        if "html" in ctype.lower():
                            uri = record.rec_headers.get_header("WARC-Target-URI")
                            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                            page = (record.content_stream().read(opts.max_article_bytes + 1), ctype, uri, date)
                if page is not None:
                    yield _warc_page(*page, f"{p}#{n}", p, n, opts)
    except Exception as exc:  # warcio raises several kinds on truncated or corrupt records
        yield InputError(
            f"{p}#{n + 1}", f"truncated or corrupt ARC record ({type(exc).__name__}); rest of file skipped"
        )


__all__ = ["FEED_SUFFIXES", "INGEST_SUFFIXES", "WARC_SUFFIXES", "Record", "iter_file", "iter_records"]
