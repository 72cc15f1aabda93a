"""What every converter shares: the summary, where data sets and converted gold sets live, the
gold-set builder that checks every span against its article and writes the folder, and
the helpers that find quotations and locate annotated text verbatim."""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ...text import plural, quote_spans
from ..matching import QUOTE_FOLDS

#: Shortest quotation (in words) written as a quote; shorter quoted fragments are scare quotes
#: or labels in the sense of GOLD_FORMAT.md and are skipped.
MIN_QUOTE_WORDS = 3

_REPO_ROOT = Path(__file__).resolve().parents[4]
_FOLDERS = {
    "basil": "basil",
    "polnear": "polnear",
    "newswcl50": "newswcl50",
    "ecbplus": "ecbplus",
    "scrapinghub": "scrapinghub_aeb",
    "neus": "neus_allsides",
}

# ---------------------------------------------------------------- summary and locations


@dataclass(frozen=True)
class ConvertSummary:
    """What one conversion wrote: counts, and what it dropped with the reason (reason -> count)."""

    name: str
    dest: Path
    articles: int
    stories: int
    quotes: int
    framing: int
    skipped: dict[str, int] = field(default_factory=dict, hash=False)
    #: converter-specific counts worth reporting (what -> count), e.g. speakers set from an overlay
    counts: dict[str, int] = field(default_factory=dict, hash=False)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def __str__(self) -> str:
        return (
            f"{self.name}: {plural(self.articles, 'article')}, {plural(self.stories, 'story', 'stories')}, "
            f"{plural(self.quotes, 'quote')}, {plural(self.framing, 'framing span')}, {self.skipped_total} skipped"
            + "".join(f", {n} {what}" for what, n in self.counts.items())
            + f" -> {self.dest}"
        )


def _data_roots() -> list[Path]:
    roots: list[Path] = []
    env = os.environ.get("NEWSPRISM_SHARED_DATA")
    if env:
        base = Path(env).expanduser()
        roots += [base, base / "data"]
    roots += [Path.cwd().parent / "shared" / "data", _REPO_ROOT.parent / "shared" / "data"]
    out: list[Path] = []
    for r in roots:
        if r not in out:
            out.append(r)
    return out


def default_source(name: str) -> Path:
    """The shared data folder of data set ``name`` (a key of :data:`CONVERTERS`).

    Looks in ``$NEWSPRISM_SHARED_DATA`` (the ``shared/data`` folder, or ``shared`` itself),
    then ``../shared/data`` relative to the current directory and to the repository root.
    Raises :class:`ValueError` when the name is unknown or the folder is nowhere.
    """
    folder = _FOLDERS.get(name)
    if folder is None:
        raise ValueError(f"{name}: unknown data set (known: {', '.join(sorted(_FOLDERS))})")
    roots = _data_roots()
    for root in roots:
        if (root / folder).is_dir():
            return root / folder
    raise ValueError(
        f"{folder}: shared data not found in {', '.join(str(r) for r in roots)} "
        "(set NEWSPRISM_SHARED_DATA to the shared data folder)"
    )


def default_cache() -> Path:
    """``$NEWSPRISM_CACHE``, else ``~/.cache/newsprism``."""
    env = os.environ.get("NEWSPRISM_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "newsprism"


def default_dest(name: str) -> Path:
    """Where converted data set ``name`` goes: ``<cache>/gold/<name>``."""
    return default_cache() / "gold" / name


# ---------------------------------------------------------------- shared helpers


def _safe_id(raw: str) -> str:
    """A file-system safe id: letters, digits, ``.``, ``_`` and ``-`` only."""
    out = re.sub(r"[^A-Za-z0-9._-]+", "-", raw).strip(".-")
    return out or "article"


def _natural_key(s: str) -> list[Any]:
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", s) if p]


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON (line {exc.lineno}: {exc.msg})") from None


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read as UTF-8 text ({exc.__class__.__name__})") from None


def _require_dir(path: Path, what: str) -> Path:
    if not path.is_dir():
        raise ValueError(f"{path}: {what} not found (missing folder)")
    return path


def _require_file(path: Path, what: str) -> Path:
    if not path.is_file():
        raise ValueError(f"{path}: {what} not found (missing file)")
    return path


def _check_limit(limit: int | None) -> None:
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ValueError(f"limit: must be a non-negative integer or None, not {limit!r}")


_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """The quotations :func:`newsprism.text.quote_spans` finds in ``text``, without the outer
    marks and the whitespace inside them. Its rules and limits apply: marks are read by the way
    they face and by their surroundings, nested marks stay inside the outer quotation, a
    quotation left open runs to the end of its paragraph and on into the next one up to its
    closing mark; quotations in single marks only are not found."""
    regions: list[tuple[int, int]] = []
    for s, e in quote_spans(text):
        if text[s] in _MARKS:
            s += 1
        if e > s and text[e - 1] in _MARKS:
            e -= 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            regions.append((s, e))
    return regions


_QUOTE_FOLD = str.maketrans({**QUOTE_FOLDS, "`": "'"})


@functools.lru_cache(maxsize=32)
def _compact(text: str, lower: bool = False, dashes: bool = False) -> tuple[str, list[int]]:
    """``text`` without whitespace, NFKC and quote folded, with each char's index in ``text``;
    ``dashes``: en dash, em dash and ``--`` all read as one em dash."""
    chars: list[str] = []
    pos: list[int] = []
    skip_next = False
    for i, ch in enumerate(text):
        if skip_next:
            skip_next = False
            continue
        if dashes and (ch in "\u2013\u2014" or (ch == "-" and text[i + 1 : i + 2] == "-")):
            skip_next = ch == "-"
            chars.append("\u2014")
            pos.append(i + 1 if skip_next else i)
            continue
        folded = unicodedata.normalize("NFKC", ch).translate(_QUOTE_FOLD)
        if lower:
            folded = folded.lower()
        for c in folded:
            if not c.isspace():
                chars.append(c)
                pos.append(i)
    return "".join(chars), pos


_PTB_ESCAPES = {
    "``": '"',
    "''": '"',
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}


def _find_loose(needle: str, text: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` ignoring whitespace, quote style and Penn Treebank
    escapes in ``needle``; failing that, also dash style, a doubled final full stop ("Jr..")
    and case. Spans of ``text``, so ``text[s:e]`` is the verbatim surface form."""
    for ptb, plain in _PTB_ESCAPES.items():
        needle = needle.replace(ptb, plain)
    tries = [(needle, False, False), (needle, False, True), (re.sub(r"\.\.$", ".", needle), False, True)]
    tries += [(n, True, d) for n, _, d in tries]
    for pin_text, lower, dashes in tries:
        pin, _ = _compact(pin_text, lower, dashes)
        if not pin:
            return []
        hay, pos = _compact(text, lower, dashes)
        out = []
        at = hay.find(pin)
        while at >= 0:
            out.append((pos[at], pos[at + len(pin) - 1] + 1))
            at = hay.find(pin, at + 1)
        if out:
            return out
    return []


class _GoldBuilder:
    """Collects articles and spans, checks every span against its article, writes the folder."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.texts: dict[str, str] = {}
        self.pages: dict[str, bytes] = {}
        self.meta: dict[str, dict[str, Any]] = {}
        self.quotes: dict[tuple[str, str], str | None] = {}
        self.framing: set[tuple[str, str, str, str]] = set()
        self.skipped: Counter[str] = Counter()
        self.counts: dict[str, int] = {}
        self.extra: dict[str, Any] = {}

    def skip(self, reason: str, n: int = 1) -> None:
        if n:
            self.skipped[reason] += n

    def _new_id(self, raw: str) -> str:
        aid = _safe_id(raw)
        base, k = aid, 2
        while aid in self.meta:
            aid = f"{base}-{k}"
            k += 1
        return aid

    def add_article(self, raw_id: str, headline: str, body: str, outlet: str | None, story: str | None) -> str:
        """Add a text article; returns its id. ``headline`` (whitespace folded, the id where it
        is empty) becomes the first line, ``body`` follows as it is (trailing newlines aside);
        ``story`` None: the article is a story of its own (story id = article id)."""
        aid = self._new_id(raw_id)
        headline = " ".join(headline.split()) or aid
        body = body.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
        self.texts[aid] = f"{headline}\n{body}\n"
        self.meta[aid] = {"outlet": outlet, "story": story or aid}
        return aid

    def add_page(self, raw_id: str, html: bytes, outlet: str | None, story: str | None) -> str:
        aid = self._new_id(raw_id)
        self.pages[aid] = html
        self.meta[aid] = {"outlet": outlet, "story": story or aid}
        return aid

    def add_quote(self, aid: str, text: str, speaker: str | None) -> bool:
        text = text.strip()
        if not text or text not in self.texts.get(aid, ""):
            self.skip("quote text not verbatim in its article")
            return False
        key = (aid, text)
        if key in self.quotes:
            same = self.quotes[key] == speaker
            self.skip("duplicate quote (kept once)" if same else "duplicate quote with another speaker (first kept)")
            return False
        self.quotes[key] = speaker
        return True

    def add_framing(self, aid: str, text: str, ftype: str, note: str = "") -> bool:
        text = text.strip()
        if not text or text not in self.texts.get(aid, ""):
            self.skip(f"{ftype} span not verbatim in its article")
            return False
        key = (aid, ftype, text, note)
        if key in self.framing:
            self.skip(f"duplicate {ftype} span (same text and note, kept once)")
            return False
        self.framing.add(key)
        return True

    def write(self, dest: Path) -> ConvertSummary:
        dest = Path(dest)
        if dest.exists() and not dest.is_dir():
            raise ValueError(f"{dest}: exists and is not a folder")
        if (
            dest.is_dir()
            and any(dest.iterdir())
            and not ((dest / "gold.json").exists() or (dest / "articles").is_dir())
        ):
            raise ValueError(f"{dest}: exists, is not empty and is not a gold set; refusing to write into it")
        art_dir = dest / "articles"
        art_dir.mkdir(parents=True, exist_ok=True)
        wanted: set[str] = set()
        for aid, text in self.texts.items():
            name = f"{aid}.txt"
            wanted.add(name)
            with open(art_dir / name, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
        for aid, page in self.pages.items():
            name = f"{aid}.html"
            wanted.add(name)
            (art_dir / name).write_bytes(page)
        for stale in art_dir.iterdir():  # left over from an earlier, larger conversion
            if stale.is_file() and stale.suffix in (".txt", ".html", ".htm") and stale.name not in wanted:
                stale.unlink()
        gold: dict[str, Any] = {
            "articles": {a: self.meta[a] for a in sorted(self.meta)},
            "boilerplate": {},
            "facts": [],
            "quotes": [
                {"article": a, "text": t, "speaker": s}
                for (a, t), s in sorted(self.quotes.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[1] or ""))
            ],
            "framing": [
                {"article": a, "text": t, "type": ft, **({"note": n} if n else {})}
                for a, ft, t, n in sorted(self.framing, key=lambda k: (k[0], k[2], k[1], k[3]))
            ],
            **self.extra,
        }
        payload = json.dumps(gold, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".gold.", suffix=".json.tmp", dir=dest)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(payload)
            os.replace(tmp, dest / "gold.json")
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return ConvertSummary(
            name=self.name,
            dest=dest,
            articles=len(self.meta),
            stories=len({m["story"] for m in self.meta.values()}),
            quotes=len(self.quotes),
            framing=len(self.framing),
            skipped=dict(sorted(self.skipped.items())),
            counts=dict(self.counts),
        )


def _add_region_quotes(gb: _GoldBuilder, aid: str, regions: Iterable[tuple[int, int]], speaker: str | None) -> int:
    """Add the quotations at ``regions`` of article ``aid`` (offsets into its file text)."""
    text = gb.texts[aid]
    added = 0
    for s, e in regions:
        while s < e and text[s] in ",;: ":  # a fragment starting mid-sentence: ", I invited you ..."
            s += 1
        quote = text[s:e]
        if _words(quote) < MIN_QUOTE_WORDS:
            gb.skip(f"quoted fragment under {MIN_QUOTE_WORDS} words (scare quote or label)")
            continue
        added += gb.add_quote(aid, quote, speaker)
    return added


def _domain(url: str) -> str | None:
    host = urlsplit(url.strip()).hostname or ""
    host = host.lower()
    return (host[4:] if host.startswith("www.") else host) or None
