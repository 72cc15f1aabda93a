"""Reading one article file or stream: ``.txt``, ``.html``, their ``.gz`` forms, ``-`` (stdin),
and the JSONL reader (one record a line) that every command shares.

A reader returns :class:`~newsprism.model.RawArticle` records and names every problem with
an :class:`~newsprism.errors.InputError` whose one-line message starts with the source
(``path``, ``path:line`` for a JSONL line). :func:`read_path` raises the first problem;
:func:`newsprism.sources.iter_records` (compare, group, ingest) yields it and goes on. Both
read through the same code: one reader per format.

- ``.txt`` (``.text``, ``.md``): the first non-empty line is the headline, the rest is the body.
- ``.html`` / ``.htm`` / ``.xhtml``: body and metadata (title, site name, date, URL) via
  trafilatura; a page whose text has no sentence-like line is refused (:func:`is_article_text`).
- ``.txt.gz``, ``.html.gz``, ``.htm.gz``, ...: the same, gunzipped with a size cap.
- ``.jsonl`` / ``.ndjson`` (and ``.gz``): one JSON object a line with ``text`` or ``html``
  and optional ``title``, ``outlet``, ``url``, ``published``, ``id``, ``byline`` (or
  ``author``, ``authors``: a string or a list of strings, read for agency credits); a bad line
  is an error for that line only (:func:`iter_jsonl`).
- ``-``: standard input, read as HTML when it starts with ``<``, else as text.

Bytes are decoded by :func:`decode`. Every size is capped by :class:`ReadOptions`: input over
a cap is refused with a one-line message, and is never read whole first.
"""

from __future__ import annotations

import gzip
import hashlib
import html as html_lib
import json
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, Any, BinaryIO

from .errors import InputError
from .model import RawArticle


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """Size caps of the readers, in bytes. Input over a cap is refused with a one-line message
    naming it (the rest of the file goes on where records are independent); it is read
    through a bounded buffer (``read(cap + 1)``), so a cap is never met by an allocation error.

    - ``max_article_bytes`` (20 MB): one article: a text or HTML file or standard input, a
      ``.gz`` page after gunzipping, the text or HTML of one JSONL line, the page inside one
      WARC record. A news page is rarely over 1 MB of HTML.
    - ``max_record_bytes`` (50 MB): one record of a many-record file as stored: a JSONL line,
      the block of a WARC record.
    - ``max_feed_bytes`` (50 MB): an RSS / Atom file, which feedparser parses whole.
    - ``max_gunzipped_bytes`` (10 GB): what one ``.gz`` file may expand to (a guard against
      decompression bombs; gzipped JSONL and WARC are read as streams, so this bounds time,
      not memory).
    """

    max_article_bytes: int = 20_000_000
    max_record_bytes: int = 50_000_000
    max_feed_bytes: int = 50_000_000
    max_gunzipped_bytes: int = 10_000_000_000

    def __post_init__(self) -> None:
        from . import _checks as check

        for name in ("max_article_bytes", "max_record_bytes", "max_feed_bytes", "max_gunzipped_bytes"):
            value = getattr(self, name)
            ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
            check.relation(self, name, ok, "a positive number of bytes")


DEFAULT_READ_OPTIONS = ReadOptions()
#: The largest single article read (the default of ``ReadOptions.max_article_bytes``).
MAX_ARTICLE_BYTES = DEFAULT_READ_OPTIONS.max_article_bytes

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
#: file names read as one article each (a folder is searched for these, and for feeds and WARC)
PAGE_SUFFIXES = tuple(f"{s}{gz}" for s in (".txt", ".text", ".md", ".html", ".htm", ".xhtml") for gz in ("", ".gz"))
JSONL_FILE_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
ARTICLE_SUFFIXES = (*PAGE_SUFFIXES, *JSONL_FILE_SUFFIXES)


def size_text(n: int) -> str:
    """A byte count for a message: ``20 MB``, ``52.4 MB``, ``1,000 bytes``."""
    if n >= 1_000_000:
        return f"{n // 1_000_000} MB" if n % 1_000_000 == 0 else f"{n / 1e6:.1f} MB"
    return f"{n:,} bytes"


def read_path(path: str | Path, *, outlet: str | None = None, options: ReadOptions | None = None) -> list[RawArticle]:
    """Read one file (or ``-`` for stdin) into raw articles, raising the first problem.

    Any format :func:`newsprism.sources.iter_records` reads (text, HTML, ``.gz`` pages, JSONL,
    feeds, WARC) is read through the same code; where ``iter_records`` yields a bad record
    and goes on, this raises it. ``outlet`` overrides the outlet found in metadata; without
    either, the outlet is left empty here and cleaning resolves it
    (:func:`newsprism.credits.resolve_outlet`: the page's address, an agency credit, the file
    name).
    """
    opts = options or DEFAULT_READ_OPTIONS
    name = str(path)
    if name == "-":
        data = _read_capped(sys.stdin.buffer, "-", opts.max_article_bytes, "input")
        fmt = "html" if data.lstrip()[:1] == b"<" else "txt"
        return [_parse_single(data, "-", "stdin", fmt, outlet)]
    p = Path(path)
    if p.is_dir():
        raise InputError(name, "is a folder; give the article files inside it")
    from .sources import iter_file  # sources reads feeds and WARC and calls back into this module

    out: list[RawArticle] = []
    for record in iter_file(p, options=opts):
        if isinstance(record, InputError):
            raise record
        out.append(replace(record, outlet=outlet) if outlet else record)
    return out


def read_paths(
    paths: list[str | Path], *, outlets: list[str | None] | None = None, options: ReadOptions | None = None
) -> list[RawArticle]:
    """Read several files; ``outlets[i]`` (if given and not None) names the outlet of path i."""
    out: list[RawArticle] = []
    for i, path in enumerate(paths):
        outlet = outlets[i] if outlets and i < len(outlets) else None
        out.extend(read_path(path, outlet=outlet, options=options))
    return out


def read_page(path: str | Path, *, options: ReadOptions | None = None) -> RawArticle:
    """Read one text or HTML file (``.gz`` gunzipped) into one article; raise the problem.

    The format comes from the suffix (under ``.gz``); an unknown suffix is read as HTML when
    the bytes look like a page, else as text.
    """
    opts = options or DEFAULT_READ_OPTIONS
    p = Path(path)
    name = str(path)
    suffixes = [s.lower() for s in p.suffixes]
    gzipped = bool(suffixes) and suffixes[-1] == ".gz"
    if gzipped:
        suffixes = suffixes[:-1]
    cap = opts.max_article_bytes
    try:
        size = p.stat().st_size
        if not gzipped and size > cap:
            raise InputError(
                name, f"file is too large for one article ({size_text(size)}; the limit is {size_text(cap)})"
            )
        with p.open("rb") as raw:
            if gzipped:
                with gzip.GzipFile(fileobj=raw) as fh:
                    data = fh.read(min(cap, opts.max_gunzipped_bytes) + 1)
                    if len(data) > min(cap, opts.max_gunzipped_bytes):
                        limit = min(cap, opts.max_gunzipped_bytes)
                        raise InputError(
                            name,
                            f"expands to more than {size_text(limit)} when gunzipped; "
                            f"the limit for one article is {size_text(limit)}",
                        )
            else:
                data = _read_capped(raw, name, cap, "file")
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        raise InputError(name, f"is not a readable gzip file ({_reason(exc)})") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    suffix = suffixes[-1] if suffixes else ""
    if suffix in HTML_SUFFIXES:
        fmt = "html"
    elif suffix in TEXT_SUFFIXES:
        fmt = "txt"
    else:
        fmt = "html" if _looks_like_html(data) else "txt"
    return _parse_single(data, name, _stem(p), fmt, None)


def read_bytes(data: bytes, name: str, *, outlet: str | None = None, options: ReadOptions | None = None) -> RawArticle:
    """Read one article held in memory (an upload, a pasted page): ``name`` is how it is
    named in messages and, without its suffix, its id. The format comes from the suffix of
    ``name`` (``.html``, ``.htm``, ``.txt``...), else from the bytes (HTML when they look
    like a page), as for a file; bytes over ``max_article_bytes`` are refused. Nothing is
    read from the file system."""
    opts = options or DEFAULT_READ_OPTIONS
    if len(data) > opts.max_article_bytes:
        raise InputError(
            name,
            f"is too large for one article ({size_text(len(data))}; the limit is {size_text(opts.max_article_bytes)})",
        )
    p = Path(name.replace("\\", "/").rsplit("/", 1)[-1] or "article")
    suffix = p.suffix.lower()
    if suffix in HTML_SUFFIXES:
        fmt = "html"
    elif suffix in TEXT_SUFFIXES and suffix:
        fmt = "txt"
    else:
        fmt = "html" if _looks_like_html(data) else "txt"
    return _parse_single(data, name, _stem(p), fmt, outlet)


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


# --------------------------------------------------------------------- decoding

#: At most this many invalid UTF-8 bytes per 1,000 bytes still make a file "UTF-8 with a few
#: damaged bytes" (decoded with U+FFFD and a warning) rather than a legacy 8-bit encoding.
MAX_INVALID_UTF8_PER_1000 = 1.0

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data (name it .gz to have it read)"),
    (b"PK\x03\x04", "a ZIP archive (an Office document, EPUB or similar)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def decode(data: bytes, source: str) -> str:
    """Decode bytes of a text or HTML file, refusing binary data (see :func:`decode_text`)."""
    return decode_text(data, source)[0]


def decode_text(data: bytes, source: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes of a text or HTML file; return the text and what had to be repaired.

    In order: a byte-order mark (UTF-8, UTF-16) decides; UTF-16 without a BOM is recognised
    by NUL bytes in every other position of ASCII-range text (``"A\\0"`` little-endian,
    ``"\\0A"`` big-endian); valid UTF-8 is UTF-8; UTF-8 with a few damaged bytes (at most
    :data:`MAX_INVALID_UTF8_PER_1000` invalid bytes per 1,000, and at least as many valid
    non-ASCII characters as invalid bytes, which a legacy 8-bit text does not have) is
    decoded with U+FFFD for each invalid byte and a warning; anything else goes to
    charset-normalizer. Known binary formats (PDF, ZIP, images) are named; other data with
    NUL or control bytes is refused as binary.
    """
    if not data.strip():
        raise InputError(source, "is empty")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(enc), source), ()
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {enc} byte-order mark but is not valid {enc}") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(source, f"is {what}, not text or HTML")
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(source, "looks like a binary file, not text or HTML")
        try:
            return _check_text(data.decode(utf16), source), (f"read as {utf16.upper()} without a byte-order mark",)
        except UnicodeDecodeError:
            raise InputError(
                source, f"looks like {utf16.upper()} text without a byte-order mark but is not valid"
            ) from None
    try:
        return _check_text(data.decode("utf-8"), source), ()
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", "surrogateescape")  # each invalid byte -> one of U+DC80..U+DCFF
    invalid = len(_ESCAPED.findall(escaped))
    non_ascii = sum(1 for ch in escaped if ch > "\x7f") - invalid
    if invalid * 1000 <= len(data) * MAX_INVALID_UTF8_PER_1000 and non_ascii >= invalid:
        text, note = _repaired_utf8(data)
        return _check_text(text, source), (note,)
    from charset_normalizer import from_bytes

    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise InputError(source, "has an unknown text encoding; save it as UTF-8")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(source, f"is not valid {best.encoding}; save it as UTF-8") from None
    return _check_text(text, source), ()


_ESCAPED = re.compile("[\udc80-\udcff]")


def _repaired_utf8(data: bytes) -> tuple[str, str]:
    """``data`` as UTF-8 with every invalid byte replaced by U+FFFD, and a warning saying how
    many were."""
    escaped = data.decode("utf-8", "surrogateescape")  # each invalid byte -> one of U+DC80..U+DCFF
    invalid = len(_ESCAPED.findall(escaped))
    return _ESCAPED.sub("\ufffd", escaped), f"{invalid} invalid UTF-8 {'byte' if invalid == 1 else 'bytes'} replaced"


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` / ``utf-16-be`` when NUL bytes fill (nearly) every odd / even position of
    the first 8 KB and (nearly) none of the others, as in text of mostly Latin script."""
    sample = data[:8192]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0 : 2 * half : 2].count(0)
    odd = sample[1 : 2 * half : 2].count(0)
    if odd >= 0.6 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _check_text(text: str, source: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(source, "looks like a binary file, not text or HTML")
    if not text.strip():
        raise InputError(source, "is empty")
    return text


# --------------------------------------------------------------------- pages


#: A page is an article when some line of its text has at least this many words and ends
#: like a sentence ...
MIN_SENTENCE_WORDS = 5
#: ... or has at least this many words whatever its end.
MIN_LINE_WORDS = 12

_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f][\"'\u201d\u2019\u00bb)\]]*\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _words(line: str) -> int:
    """Words of a line: runs without spaces, each Chinese or Japanese character counting as one."""
    cjk = len(_CJK.findall(line))
    return len(_CJK.sub(" ", line).split()) + cjk


def is_article_text(body: str) -> bool:
    """Whether the text extracted from a page is article text rather than navigation.

    The rule: at least one line has :data:`MIN_SENTENCE_WORDS` (5) words or more and ends like
    a sentence (``.``, ``!``, ``?``, an ellipsis or a CJK full stop, maybe followed by a closing
    quote or bracket), or has :data:`MIN_LINE_WORDS` (12) words or more. A page of menu items
    ("Home", "News", "Sport") fails; a one-paragraph article ("The new pier opened on
    Monday.") passes. Its limit: a page holding one long caption or a link list joined into
    one line of 12 words passes; a real article written entirely in lines of four words or
    fewer without sentence ends would be refused. Applied to HTML only: a text file's body is
    what its author wrote.
    """
    for line in body.splitlines():
        n = _words(line)
        if n >= MIN_LINE_WORDS or (n >= MIN_SENTENCE_WORDS and _SENTENCE_END.search(line)):
            return True
    return False


def _stem(p: Path) -> str:
    name = p.name
    for suffix in reversed(p.suffixes):
        name = name[: -len(suffix)] if name.endswith(suffix) else name
    return name or p.name


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().rstrip(".")
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _read_capped(stream: IO[bytes] | BinaryIO, name: str, cap: int, what: str) -> bytes:
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(name, f"{what} is too large for one article (over {size_text(cap)})")
    return data


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head


def _split_headline(text: str) -> tuple[str | None, str]:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.strip():
            return line.strip(), "\n".join(lines[i + 1 :])
    return None, ""


def _parse_single(data: bytes, source: str, stem: str, fmt: str, outlet: str | None) -> RawArticle:
    text, warnings = decode_text(data, source)
    if fmt == "html":
        return replace(_from_html(text, source, stem, outlet), warnings=warnings)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    title, body = _split_headline(text)
    if not body.strip():
        raise InputError(source, "has a headline but no article body below it")
    return RawArticle(id=stem, body=body, source=source, title=title, outlet=outlet, format="txt", warnings=warnings)


def _from_html(html: str, source: str, stem: str, outlet: str | None) -> RawArticle:
    try:
        import trafilatura
        from trafilatura.utils import load_html
    except ImportError as exc:  # pragma: no cover - trafilatura is a core dependency
        raise InputError(source, f"cannot read HTML: {exc}; run: pip install 'trafilatura' 'lxml_html_clean'") from None
    try:
        tree = load_html(html)
        doc = trafilatura.bare_extraction(tree if tree is not None else html, with_metadata=True, **_SETTINGS)
        meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else dict(doc or {})
        body = (meta.get("text") or "").strip()
        if body and tree is not None:
            body = _read_body(trafilatura, tree, body)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__})") from None
    if not body:
        raise InputError(source, "is a page with no article body that could be found")
    if not is_article_text(body):
        n = sum(_words(line) for line in body.splitlines())
        raise InputError(source, f"is a page without article text ({n} {'word' if n == 1 else 'words'})")
    return RawArticle(
        id=stem,
        body=body,
        source=source,
        title=(meta.get("title") or None),
        outlet=outlet or meta.get("sitename") or None,
        url=meta.get("url") or None,
        published=meta.get("date") or None,
        format="html",
        byline=meta.get("author") or None,
    )


#: trafilatura's settings for the body: comments off, tables read (pages laid out with tables
#: keep their article only so), its own fallback to readability and jusText on
_SETTINGS: dict[str, Any] = {"include_comments": False, "include_tables": True, "favor_precision": False}

#: an edge line that only the default setting keeps is dropped below this many words
EDGE_MAX_WORDS = 40
#: a block of a chunked body counts with this many words in paragraphs of prose ...
CHUNK_MIN_WORDS = 30
#: ... and at most this share of its words in links
CHUNK_MAX_LINK_SHARE = 0.3
#: ancestors walked up from each paragraph when summing words (bounds deep hostile markup)
_MAX_DEPTH = 40
#: groups of look-alike blocks whose text is compared with the body, at most (each costs a
#: pass over its blocks' text, so hostile markup of nested look-alike blocks stays linear)
_MAX_GROUPS = 50

_TOKEN = re.compile(r"\w+")


def _read_body(trafilatura: Any, tree: Any, body: str) -> str:
    """The body of a page from trafilatura's default setting (``body``), read again where its
    settings or the page's structure give evidence (the HTML reading of ``furniture.v6``):

    1. A chunked body (:func:`_join_chunks`): when the text is one of several blocks of the
       same template under one parent, blocks of prose that the text lacks, the blocks are
       joined into one and the page is read again; the new text is kept if it holds the old.
    2. Edges both settings agree on (:func:`_agreed_edges`): lines above the first and below
       the last line that trafilatura's ``favor_precision`` setting also keeps, of under
       :data:`EDGE_MAX_WORDS` words, are dropped (a deck, the headlines of other stories, a
       newsletter box); lines between them stay, and so do long paragraphs at the edges.

    Measured on the ScrapingHub pages (``benchmarks/bench_extraction.py``): rules chosen on one
    seeded half; whole-body choices between the two settings (take the precise one when the
    default holds a fifth more) and dropping repeated paragraphs helped that half and cost the
    other, so neither is here. Limits: a deck or a closing line under 40 words that the
    precise setting drops is dropped even when it is story text; a chunked body whose blocks
    have different markup is still read in part; the second extraction makes reading a page
    cost about 1.65 times trafilatura's extraction alone (13.8 against 19.2 pages a second,
    read and cleaned, in one benchmark run at load average 4 to 7).
    """
    joined = _join_chunks(tree, body)
    if joined is not None:
        doc = trafilatura.bare_extraction(joined, with_metadata=False, **_SETTINGS)
        text = ((doc.text if doc is not None else "") or "").strip()
        if len(text) > len(body) and _covered(body, _shingles(text)) >= 0.9:
            body, tree = text, joined
    doc = trafilatura.bare_extraction(tree, with_metadata=False, **(_SETTINGS | {"favor_precision": True}))
    strict = ((doc.text if doc is not None else "") or "").strip()
    return _agreed_edges(body, strict) if strict else body


def _norm(line: str) -> str:
    return " ".join(_TOKEN.findall(line))


def _agreed_edges(body: str, strict: str) -> str:
    """``body`` without the short lines above the first and below the last line that
    ``strict`` (another extraction of the page) also has (lines compared by their words, each
    line of ``strict`` matched once). Unchanged when the two share no line."""
    left = Counter(_norm(line) for line in strict.split("\n") if line.strip())
    lines = body.split("\n")
    shared: list[int] = []
    for i, line in enumerate(lines):
        key = _norm(line)
        if line.strip() and left[key] > 0:
            left[key] -= 1
            shared.append(i)
    if not shared:
        return body
    first, last = shared[0], shared[-1]
    keep = [
        line
        for i, line in enumerate(lines)
        if first <= i <= last or not line.strip() or len(line.split()) >= EDGE_MAX_WORDS
    ]
    return "\n".join(keep).strip()


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _TOKEN.findall(text)
    return {tuple(words[i : i + 4]) for i in range(max(1, len(words) - 3))} if words else set()


def _covered(part: str, whole: set[tuple[str, ...]]) -> float:
    mine = _shingles(part)
    return len(mine & whole) / len(mine) if mine else 0.0


def _join_chunks(tree: Any, body: str) -> Any | None:
    """A copy of ``tree`` with a chunked article body joined, or None.

    Some sites print a long article in several blocks of one template (same tag and class,
    the same children) under one parent, with advertisements between them; an extractor that
    takes the first block whose class says "body" keeps only the first part. Evidence that a
    block is part of the body: it is a sibling of a block the text holds (80% of its 4-word
    shingles), built from the same template, holds at most 20% of the text, and is prose:
    :data:`CHUNK_MIN_WORDS` words or more in two or more paragraphs of 20 words or more, at
    most :data:`CHUNK_MAX_LINK_SHARE` of its words in links (a list of related stories is
    links). The blocks are joined into the first, in page order. Time: one pass over the
    paragraphs (each walking at most :data:`_MAX_DEPTH` ancestors), one over the elements, and
    the text of at most :data:`_MAX_GROUPS` groups of blocks.
    """
    pwords: Counter[Any] = Counter()
    for p in tree.iter("p"):
        n = len(p.text_content().split())
        if n:
            for depth, anc in enumerate(p.iterancestors()):
                if depth >= _MAX_DEPTH:
                    break
                pwords[anc] += n
    have: set[tuple[str, ...]] | None = None
    budget = _MAX_GROUPS
    for parent in list(pwords):
        groups: dict[tuple[str, str, tuple[tuple[str, str], ...]], list[Any]] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.get("class") and pwords.get(child, 0) >= CHUNK_MIN_WORDS:
                shape = tuple((c.tag, c.get("class") or "") for c in child if isinstance(c.tag, str))
                groups.setdefault((child.tag, child.get("class") or "", shape), []).append(child)
        for members in groups.values():
            if len(members) < 2:
                continue
            budget -= 1
            if budget < 0:
                return None
            if have is None:
                have = _shingles(body)
            covered = [_covered(m.text_content(), have) for m in members]
            if not any(c >= 0.8 for c in covered):
                continue
            missing = [m for m, c in zip(members, covered, strict=True) if c <= 0.2 and _is_prose(m)]
            if not missing:
                continue
            parts = [m for m, c in zip(members, covered, strict=True) if c >= 0.8 or m in missing]
            return _joined(tree, parent, parts, pwords)
    return None


def _is_prose(block: Any) -> bool:
    words = len(block.text_content().split())
    linked = sum(len(a.text_content().split()) for a in block.iter("a"))
    long_paragraphs = sum(1 for p in block.iter("p") if len(p.text_content().split()) >= 20)
    return words >= CHUNK_MIN_WORDS and long_paragraphs >= 2 and linked <= CHUNK_MAX_LINK_SHARE * words


def _dense_path(block: Any, pwords: Counter[Any]) -> list[int]:
    """Child indices from ``block`` down to the deepest element holding nine tenths of its
    paragraph words (where a template puts its paragraphs)."""
    path: list[int] = []
    el = block
    for _ in range(_MAX_DEPTH):
        total = pwords.get(el, 0)
        nxt = next((i for i, c in enumerate(el) if total and pwords.get(c, 0) * 10 >= total * 9), None)
        if nxt is None:
            break
        path.append(nxt)
        el = el[nxt]
    return path


def _joined(tree: Any, parent: Any, parts: list[Any], pwords: Counter[Any]) -> Any | None:
    """A deep copy of ``tree`` where the paragraphs' container of each of ``parts`` (children of
    ``parent``, in page order; :func:`_dense_path`) after the first has its children moved into
    the first's, and the emptied part removed; None if the copy cannot be walked the same way."""
    from copy import deepcopy

    where = tree.getroottree().getpath(parent)
    index = [list(parent).index(m) for m in parts]
    paths = [_dense_path(m, pwords) for m in parts]
    new = deepcopy(tree)
    found = new.getroottree().xpath(where)
    if not found:
        return None
    kids = list(found[0])

    def walk(el: Any, path: list[int]) -> Any:
        for i in path:
            el = el[i]
        return el

    try:
        target = walk(kids[index[0]], paths[0])
        for i, path in zip(index[1:], paths[1:], strict=True):
            for child in list(walk(kids[i], path)):
                target.append(child)
            found[0].remove(kids[i])
    except IndexError:  # the copy is walked by the original's indices; a mismatch joins nothing
        return None
    return new


#: an entity reference left unexpanded by a parser that refused the DTD (billion laughs)
_ENTITIES_ONLY = re.compile(r"\s*(?:&[A-Za-z_:][\w.:-]*;?\s*)+")


def only_entity_references(text: str) -> bool:
    """Whether ``text`` is nothing but entity references such as ``&lol9;`` (also once
    HTML-unescaped: ``&amp;lol9``), what a parser leaves of entities it refused to expand."""
    return bool(_ENTITIES_ONLY.fullmatch(text) or _ENTITIES_ONLY.fullmatch(html_lib.unescape(text)))


# --------------------------------------------------------------------- JSONL


class _TooMuch(Exception):
    """More bytes than a cap allows came out of a (gunzipping) stream."""


class _Capped:
    """A read-only stream that raises :class:`_TooMuch` past ``cap`` bytes (a guard against
    decompression bombs); closing it closes ``under`` too, the file a gzip stream reads."""

    def __init__(self, fh: Any, cap: int, under: IO[bytes] | None = None) -> None:
        self.fh, self.left, self.under = fh, cap, under

    def __enter__(self) -> _Capped:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _count(self, data: bytes) -> bytes:
        self.left -= len(data)
        if self.left < 0:
            raise _TooMuch
        return data

    def read(self, size: int = -1) -> bytes:
        return self._count(self.fh.read(size))

    def readline(self, size: int | None = -1) -> bytes:
        return self._count(self.fh.readline(-1 if size is None else size))

    def close(self) -> None:
        self.fh.close()
        if self.under is not None:
            self.under.close()


#: lines of a JSONL file in one block of a part (see :func:`iter_jsonl`)
JSONL_PART_LINES = 64


def iter_jsonl(
    path: str | Path, *, options: ReadOptions | None = None, part: tuple[int, int] | None = None
) -> Iterator[RawArticle | InputError]:
    """Every record of a JSONL file (``.gz`` gunzipped), line by line: a :class:`RawArticle`
    for each good line, an :class:`InputError` naming ``path:line`` for each bad one (not
    JSON, not an object, no text, over a cap), and the good lines around it are kept. The file
    is streamed: a line is read with ``readline(max_record_bytes + 1)``, so memory is bounded
    by the cap, not the file. An empty file or one that stops being readable is named.

    ``part`` ``(k, parts)``: only the lines of the k-th of ``parts`` interleaved parts (blocks
    of :data:`JSONL_PART_LINES` lines, the k-th of every ``parts``), each named and numbered
    as when the whole file is read; the other lines are read past, not parsed. The parts of
    a file together yield what the whole file yields (an empty file is named by part 0), so
    several tasks can share one file (the Spark job: :mod:`newsprism.spark`)."""
    opts = options or DEFAULT_READ_OPTIONS
    k, parts = part or (0, 1)
    if not 0 <= k < parts:
        raise ValueError(f"part {k} of {parts} does not exist")
    p = Path(path)
    stem = _stem(p)
    limit = opts.max_record_bytes
    n = 0
    found = 0

    def mine(line: int) -> bool:  # whether line ``line`` (from 1) is of this part
        return parts == 1 or (line - 1) // JSONL_PART_LINES % parts == k

    try:
        with p.open("rb") as raw:
            fh: Any = gzip.GzipFile(fileobj=raw) if p.name.lower().endswith(".gz") else raw
            stream = _Capped(fh, opts.max_gunzipped_bytes if fh is not raw else 1 << 62)
            while True:
                line = stream.readline(limit + 1)
                if not line:
                    break
                n += 1
                if not mine(n):
                    found += bool(line.strip())
                    while len(line) > limit and line and not line.endswith(b"\n"):
                        line = stream.readline(1 << 20)
                    continue
                if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                    line = line[3:]
                where = f"{p}:{n}"
                if len(line) > limit and not line.endswith(b"\n"):
                    while line and not line.endswith(b"\n"):  # the rest of the line, a chunk at a time
                        line = stream.readline(1 << 20)
                    found += 1
                    yield InputError(where, f"line is too large for one record (over {size_text(limit)})")
                    continue
                if not line.strip():
                    continue
                found += 1
                note = None
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError:  # a few bad bytes in a good record: replace them, say so
                    text, note = _repaired_utf8(line)
                try:
                    rec = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield InputError(where, f"line is not valid JSON ({exc.__class__.__name__})")
                    continue
                if not isinstance(rec, dict):
                    yield InputError(where, "line is not a JSON object")
                    continue
                try:
                    record = _jsonl_record(rec, where, f"{stem}-{n}", None, opts)
                except InputError as exc:
                    yield exc
                    continue
                if note:
                    record = replace(record, warnings=(*record.warnings, note))
                yield record
    except FileNotFoundError:
        if k == 0:
            yield InputError(str(p), "no such file")
        return
    except _TooMuch:
        if not mine(n + 1):
            return
        limit_text = size_text(opts.max_gunzipped_bytes)
        yield InputError(f"{p}:{n + 1}", f"file expands to more than {limit_text} when gunzipped; rest skipped")
        return
    except (OSError, EOFError, zlib.error) as exc:
        if not mine(n + 1) or (not n and k):
            return
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else _reason(exc)
        if n:
            yield InputError(f"{p}:{n + 1}", f"cannot be read to the end ({detail}); rest skipped")
        else:
            yield InputError(str(p), f"cannot be read ({detail})")
        return
    if not found and k == 0:
        yield InputError(str(p), "is empty")


#: field names accepted for each article field in JSONL records, in order of preference
JSONL_FIELDS = {
    "id": ("id", "ID", "article_id"),
    "text": ("text", "content", "content_original", "body", "maintext"),
    "html": ("html", "raw_html"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "date_publish"),
    "byline": ("byline", "author", "authors"),
}


def _jsonl_record(
    rec: dict[str, Any], where: str, default_id: str, outlet: str | None, options: ReadOptions = DEFAULT_READ_OPTIONS
) -> RawArticle:
    def opt(key: str) -> str | None:
        for name in JSONL_FIELDS[key]:
            val = rec.get(name)
            if key == "byline" and isinstance(val, list):
                val = ", ".join(str(v).strip() for v in val[:20] if isinstance(v, str) and v.strip())
            if isinstance(val, (str, int, float)) and str(val).strip():
                return str(val).strip() if key not in ("text", "html") else str(val)
        return None

    art_id = opt("id") or default_id
    rec_outlet = outlet or opt("outlet")
    html = opt("html")
    text = None if html else opt("text")
    cap = options.max_article_bytes
    if len(html or text or "") > cap:  # characters: a lower bound of the bytes
        raise InputError(where, f"record is too large for one article (over {size_text(cap)})")
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
            byline=opt("byline") or art.byline,
        )
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
        byline=opt("byline"),
    )
