"""Converters from public research data sets to newsprism gold sets (``GOLD_FORMAT.md``).

Each ``convert_<name>(src, dest, *, limit=None)`` reads one data set in the layout of
``shared/data/<folder>`` and writes a gold-set folder at ``dest``:

    dest/articles/<id>.txt   first line the headline (a placeholder where the data has none),
                             then the body, one paragraph a line
    dest/gold.json           articles (outlet, story), boilerplate, facts, quotes, framing

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

Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import functools
import glob
import gzip
import json
import os
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .matching import QUOTE_FOLDS

__all__ = [
    "CONVERTERS",
    "ConvertSummary",
    "convert",
    "convert_basil",
    "convert_ecbplus",
    "convert_newswcl50",
    "convert_polnear",
    "convert_scrapinghub",
    "default_cache",
    "default_dest",
    "default_source",
    "score_bodies",
]

#: Shortest quotation (in words) written as a quote; shorter quoted fragments are scare quotes
#: or labels in the sense of GOLD_FORMAT.md and are skipped.
MIN_QUOTE_WORDS = 3

_REPO_ROOT = Path(__file__).resolve().parents[3]
_FOLDERS = {
    "basil": "basil",
    "polnear": "polnear",
    "newswcl50": "newswcl50",
    "ecbplus": "ecbplus",
    "scrapinghub": "scrapinghub_aeb",
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

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def __str__(self) -> str:
        return (
            f"{self.name}: {self.articles} articles, {self.stories} stories, {self.quotes} quotes, "
            f"{self.framing} framing spans, {self.skipped_total} skipped -> {self.dest}"
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


_OPEN_CONTEXT = "([{\u2014\u2013-/:"
_CLOSE_CONTEXT = ".,;:!?)]}\u2014\u2013-/"


def _quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` inside double quotation marks (straight, curly, guillemets), per line.

    A quotation left open at the end of a line runs to the end of that line (the newspaper
    convention for quotations over several paragraphs). Straight marks are told apart by
    context: after a space and before a letter they open, after a letter they close.
    """
    regions: list[tuple[int, int]] = []
    offset = 0
    carried = False  # the previous line ended inside a quotation
    for line in text.split("\n"):
        start: int | None = None
        line_regions: list[tuple[int, int]] = []
        seen_mark = False
        for i, ch in enumerate(line):
            if ch not in '"\u201c\u201d\u201e\u00ab\u00bb':
                continue
            if ch in "\u201c\u201e\u00ab":
                kind = "open"
            elif ch in "\u201d\u00bb":
                kind = "close"
            else:
                prev = line[i - 1] if i else ""
                nxt = line[i + 1] if i + 1 < len(line) else ""
                left = not prev or prev.isspace() or prev in _OPEN_CONTEXT
                right = not nxt or nxt.isspace() or nxt in _CLOSE_CONTEXT
                if left and not right:
                    kind = "open"
                elif right and not left:
                    kind = "close"
                else:
                    kind = "close" if start is not None else "open"
            if kind == "open":
                if start is None:
                    start = i + 1
                elif ch == '"':  # a straight mark read as opening while open: it closes
                    line_regions.append((start, i))
                    start = None
            else:
                if start is not None:
                    line_regions.append((start, i))
                    start = None
                elif carried and not seen_mark:
                    line_regions.append((0, i))
            seen_mark = True
        if start is not None:
            line_regions.append((start, len(line)))
        carried = start is not None
        for s, e in line_regions:
            while s < e and line[s].isspace():
                s += 1
            while e > s and line[e - 1].isspace():
                e -= 1
            if e > s:
                regions.append((offset + s, offset + e))
        offset += len(line) + 1
    return regions


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


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


# ---------------------------------------------------------------- BASIL

_BASIL_OUTLETS = {"fox": "Fox News", "nyt": "New York Times", "hpo": "HuffPost"}


def _basil_name(raw: str, context: str) -> str:
    """``Donald_Trump`` -> ``Donald Trump``; a name cut short in the data (``Felipe_Calder``)
    is completed from the story's text where it occurs there only as a longer word."""
    name = " ".join(raw.replace("_", " ").split())
    if not name or re.search(r"\b" + re.escape(name) + r"\b", context):
        return name
    tails = Counter(re.findall(re.escape(name) + r"(\w+)", context))
    return name + tails.most_common(1)[0][0] if tails else name


def convert_basil(src: Path, dest: Path, *, limit: int | None = None, quoted_loaded: bool = False) -> ConvertSummary:
    """BASIL (launchnlp/BASIL, 2010-2017 part) -> gold set with stories, quotes and ``loaded`` spans.

    Maps:
    - ``articles/<year>/<triplet>_<n>.json`` -> one article ``<triplet>_<n>``: its ``title``
      as headline, then ``body-paragraphs`` one paragraph a line (sentences joined by a space);
      outlet from ``source`` (fox, nyt, hpo -> Fox News, New York Times, HuffPost); story =
      the triplet uuid (the three articles of a triplet report the same event);
    - phrase annotations with ``bias: lex`` -> framing ``loaded`` (the annotated text; note =
      polarity and target);
    - phrase annotations with ``quote: yes`` and a named ``speaker`` -> quotes: every
      quotation (text inside double quotation marks, in the same paragraph) that the annotated
      span overlaps, with the speaker's name (underscores to spaces).

    Limits:
    - BASIL marks only *biased* phrases, so the quotes are the subset of the articles'
      quotations that hold a biased phrase: use them for speaker accuracy and recall, not for
      quote precision; the same holds for ``loaded`` (only what annotators judged biased);
    - speakers given only as a category (``other_pro``, ``other_anti``, ``other_neutral``, ...)
      or left empty are not names: those quotes are skipped; group speakers
      (``Democratic lawmakers``, ``Obama campaign``) are kept as written;
    - ``quote: yes`` spans that lie in no quotation marks (paraphrase) give no quote;
    - lexical bias inside a quotation is the speaker's word, not the outlet's; it is skipped
      unless ``quoted_loaded=True``;
    - informational bias has no framing type and is not mapped (counted in ``skipped``);
    - no facts and no boilerplate.
    """
    _check_limit(limit)
    src = Path(src)
    art_root = _require_dir(src / "articles", "BASIL articles folder")
    ann_root = _require_dir(src / "annotations", "BASIL annotations folder")
    files = sorted(art_root.glob("*/*.json"))
    if not files:
        raise ValueError(f"{art_root}: no BASIL article files (<year>/<uuid>_<n>.json)")
    triplets: dict[str, list[Path]] = {}
    for f in files:
        m = re.fullmatch(r"(.+)_(\d+)", f.stem)
        if not m:
            raise ValueError(f"{f}: not a BASIL article file name (<uuid>_<n>.json)")
        triplets.setdefault(m.group(1), []).append(f)
    chosen = sorted(triplets, key=_natural_key)
    if limit is not None:
        chosen = chosen[:limit]
    gb = _GoldBuilder("basil")
    for triplet in chosen:
        loaded: list[tuple[Path, dict[str, Any], str, str, list[int]]] = []
        for f in sorted(triplets[triplet], key=lambda p: _natural_key(p.stem)):
            art = _load_json(f)
            if not isinstance(art, dict) or not isinstance(art.get("body-paragraphs"), list):
                raise ValueError(f"{f}: not a BASIL article (no 'body-paragraphs' list)")
            title = str(art.get("title") or "")
            paragraphs = [[str(s) for s in p] if isinstance(p, list) else [str(p)] for p in art["body-paragraphs"]]
            rel: list[int] = []  # offset of each sentence in the body
            pos = 0
            lines = []
            for par in paragraphs:
                line = ""
                for s in par:
                    if line:
                        line += " "
                    rel.append(pos + len(line))
                    line += s
                lines.append(line)
                pos += len(line) + 1
            outlet_code = str(art.get("source") or "").strip()
            outlet = _BASIL_OUTLETS.get(outlet_code.lower(), outlet_code or None)
            aid = gb.add_article(f.stem, title, "\n".join(lines), outlet, story=_safe_id(triplet))
            body_at = gb.texts[aid].index("\n") + 1
            starts = [body_at + r for r in rel]
            loaded.append((f, art, aid, title, starts))
        context = "\n".join(gb.texts[aid] for _, _, aid, _, _ in loaded)
        for f, _art, aid, _title, starts in loaded:
            ann_file = ann_root / f.parent.name / f"{f.stem}_ann.json"
            if not ann_file.is_file():
                gb.skip("article without an annotation file")
                continue
            ann = _load_json(ann_file)
            phrases = ann.get("phrase-level-annotations") if isinstance(ann, dict) else None
            if not isinstance(phrases, list):
                raise ValueError(f"{ann_file}: not a BASIL annotation (no 'phrase-level-annotations' list)")
            text = gb.texts[aid]
            regions = _quote_regions(text)
            for p in phrases:
                _basil_phrase(gb, aid, text, regions, starts, p, context, quoted_loaded)
    return gb.write(Path(dest))


def _basil_phrase(
    gb: _GoldBuilder,
    aid: str,
    text: str,
    regions: list[tuple[int, int]],
    starts: list[int],
    p: Any,
    context: str,
    quoted_loaded: bool,
) -> None:
    if not isinstance(p, dict) or not isinstance(p.get("txt"), str):
        gb.skip("malformed phrase annotation")
        return
    span_text = p["txt"]
    pid = str(p.get("id", ""))
    # locate the span: "p<i>" is the i-th sentence of the body, "title" the headline
    at: int | None = None
    try:
        base = 0 if pid.startswith("t") else starts[int(pid[1:])]
        cand = base + int(p.get("start", 0))
        if text[cand : cand + len(span_text)] == span_text:
            at = cand
    except (ValueError, IndexError):
        pass
    if at is None and span_text in text:
        at = text.index(span_text)
    if at is None:
        gb.skip("phrase not found in its article")
        return
    is_quote = str(p.get("quote", "")).lower() == "yes"
    bias = str(p.get("bias", "")).lower()
    if bias == "lex":
        if is_quote and not quoted_loaded:
            gb.skip("lexical bias inside a quotation (the speaker's word, not the outlet's)")
        else:
            polarity = {"neg": "negative", "pos": "positive"}.get(str(p.get("polarity")), str(p.get("polarity") or ""))
            target = " ".join(str(p.get("target") or "").replace("_", " ").split())
            note = (
                "BASIL lexical bias" + (f", {polarity}" if polarity else "") + (f", about {target}" if target else "")
            )
            gb.add_framing(aid, span_text, "loaded", note)
    elif bias:
        gb.skip(f"{'informational' if bias == 'inf' else bias} bias (no framing type; not mapped)")
    if not is_quote:
        return
    speaker_raw = str(p.get("speaker") or "").strip()
    if not speaker_raw:
        gb.skip("quote without a speaker in the annotation")
        return
    if speaker_raw.lower().startswith("other"):
        gb.skip("quote speaker only a category (other_pro/anti/neutral), not a name")
        return
    a, b = at, at + len(span_text)
    while a < b and (text[a].isspace() or text[a] in '"\u201c\u201d'):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in '"\u201c\u201d'):
        b -= 1
    hits = [r for r in regions if _overlap(r, (a, b)) > 0]
    if not hits:
        gb.skip("quote span not inside quotation marks (paraphrase)")
        return
    _add_region_quotes(gb, aid, hits, _basil_name(speaker_raw, context))


# ---------------------------------------------------------------- PolNeAR

_POLNEAR_OUTLETS = {
    "huff-post": "Huffington Post",
    "breitbart": "Breitbart",
    "nyt": "New York Times",
    "politico": "Politico",
    "wash-post": "Washington Post",
    "west-journal": "Western Journalism",
    "usa-today": "USA Today",
}


def _parse_brat(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[dict[str, list[str]]]]:
    """Text-bound annotations (T) and events (E) of a brat standoff file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, list[str]]] = []
    for line in _read_text(path).splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and re.fullmatch(r"T\d+", parts[0]):
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                continue
            try:
                frags = [(int(x.split()[0]), int(x.split()[1])) for x in head[1].split(";")]
            except (ValueError, IndexError):
                continue
            spans[parts[0]] = (head[0], frags, parts[2])
        elif len(parts) >= 2 and re.fullmatch(r"E\d+", parts[0]):
            roles: dict[str, list[str]] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles.setdefault(re.sub(r"\d+$", "", role), []).append(ref)
            events.append(roles)
    return spans, events


def convert_polnear(src: Path, dest: Path, *, limit: int | None = None, split: str = "dev") -> ConvertSummary:
    """PolNeAR (networkdynamics/PolNeAR) ``split`` (dev or train) -> gold set with quotes.

    Maps:
    - ``data/<split>/text/<name>.txt`` -> one article ``<name>``, written as it is (its first
      line is the headline); each article its own story; outlet from ``metadata.tsv``
      (publisher code -> name, e.g. ``wash-post`` -> Washington Post);
    - attributions (brat events with Source, Cue, Content) -> quotes: every quotation (text
      inside double quotation marks, within one paragraph) lying for at least half inside an
      attribution's Content becomes a quote whose speaker is the Source span text (no Source:
      ``null``). A Content that is partly quoted gives its quoted parts.

    Limits:
    - PolNeAR has no canonical speaker names (its coreference comes from CoreNLP, not shipped
      here), so speakers are the source text as written: a pronoun ("he") or a description
      ("the campaign") stays as it is, which lowers speaker accuracy for any tool;
    - quoted fragments under ``MIN_QUOTE_WORDS`` words are taken for scare quotes and skipped;
      quotations outside every attribution are not quotes here;
    - where several annotators did one article, the first annotator file (sorted) is used;
    - ``Discard`` spans (page furniture the annotators skipped) are not complete enough to be
      ``boilerplate``; cues are not mapped to ``attribution`` framing (no judgement of
      neutral vs judging verbs in the data). No facts.
    """
    _check_limit(limit)
    if split not in ("dev", "train", "test"):
        raise ValueError(f"split: must be 'dev' or 'train', not {split!r}")
    src = Path(src)
    data = src / "data" if (src / "data").is_dir() else src
    part = _require_dir(data / split, f"PolNeAR {split} split")
    text_dir = _require_dir(part / "text", f"PolNeAR {split} texts")
    ann_dir = _require_dir(part / "attributions", f"PolNeAR {split} attributions")
    meta_file = _require_file(data / "metadata.tsv", "PolNeAR metadata")
    with open(meta_file, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if not reader.fieldnames or "filename" not in reader.fieldnames or "publisher" not in reader.fieldnames:
            raise ValueError(f"{meta_file}: not PolNeAR metadata (needs 'filename' and 'publisher' columns)")
        meta = {row["filename"]: row for row in reader}
    texts = sorted(text_dir.glob("*.txt"), key=lambda p: _natural_key(p.stem))
    if not texts:
        raise ValueError(f"{text_dir}: no PolNeAR texts (*.txt)")
    if limit is not None:
        texts = texts[:limit]
    gb = _GoldBuilder("polnear")
    for tf in texts:
        stem = tf.stem
        anns = sorted(ann_dir.glob(f"{glob.escape(stem)}_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(stem) + r"_[^_]+", a.stem)]
        raw = _read_text(tf).replace("\r\n", "\n").replace("\r", "\n")
        headline, _, body = raw.partition("\n")
        row = meta.get(stem, {})
        code = (row.get("publisher") or stem.split("_", 1)[0]).strip()
        aid = gb.add_article(stem, headline, body, _POLNEAR_OUTLETS.get(code, code or None), story=None)
        if not anns:
            gb.skip("article without an attribution file")
            continue
        gb.skip("other annotators' copies of an article (first kept)", len(anns) - 1)
        _polnear_quotes(gb, aid, raw, anns[0])
    return gb.write(Path(dest))


def _polnear_quotes(gb: _GoldBuilder, aid: str, raw: str, ann_file: Path) -> None:
    spans, events = _parse_brat(ann_file)
    text = gb.texts[aid]
    # the file is written as read, so offsets into `raw` are offsets into `text` (headline
    # whitespace folding aside, which only happens when the headline has runs of spaces)
    shift = len(text.split("\n", 1)[0]) - len(raw.split("\n", 1)[0])
    contents: list[tuple[list[tuple[int, int]], str | None]] = []
    for ev in events:
        content_frags: list[tuple[int, int]] = []
        ok = True
        for ref in ev.get("Content", []):
            if ref not in spans:
                ok = False
                continue
            _, frags, stext = spans[ref]
            if " ".join(raw[a:b] for a, b in frags) != stext:
                ok = False
            content_frags += frags
        if not ok:
            gb.skip("attribution whose offsets do not match the text")
            continue
        if not content_frags:
            continue
        speaker: str | None = None
        src_refs = [r for r in ev.get("Source", []) if r in spans]
        if src_refs:
            speaker = " ".join(" ".join(spans[r][2].split()) for r in src_refs).strip(" ,;:") or None
        contents.append(([(a + shift, b + shift) for a, b in content_frags], speaker))
    for region in _quote_regions(text):
        size = region[1] - region[0]
        best, best_ov = None, 0
        for frags, speaker in contents:
            ov = sum(_overlap(region, f) for f in frags)
            if ov > best_ov:
                best, best_ov = speaker, ov
        if best_ov * 2 < size:
            continue  # not (mostly) the content of an attribution: no quote here
        _add_region_quotes(gb, aid, [region], best)


# ---------------------------------------------------------------- NewsWCL50

_DOMAIN_OUTLETS = {
    "huffingtonpost.com": "HuffPost",
    "huffingtonpost.co.uk": "HuffPost",
    "huffpost.com": "HuffPost",
    "nytimes.com": "New York Times",
    "usatoday.com": "USA Today",
    "foxnews.com": "Fox News",
    "insider.foxnews.com": "Fox News",
    "breitbart.com": "Breitbart",
    "washingtonpost.com": "Washington Post",
    "politico.com": "Politico",
    "wsj.com": "Wall Street Journal",
}

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "...", "\u2026", "-", "/"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "-", "/", "\u00a3", "\u20ac"}
_CLITIC = re.compile(r"^['\u2019](s|S|d|D|m|M|ll|LL|re|RE|ve|VE)$|^n['\u2019]t$", re.IGNORECASE)


def _detokenize(tokens: list[str]) -> str:
    """Join word tokens (spaCy style) into readable text: no space before punctuation and
    clitics, none inside hyphenated words, quotation marks attached to what they enclose."""
    out = ""
    attach_next = False  # the previous token wants the next one glued on
    in_double = in_single = False
    for i, tok in enumerate(tokens):
        glue = attach_next or not out
        attach_next = False
        if tok in _NO_SPACE_BEFORE or _CLITIC.match(tok):
            glue = True
        if tok in _NO_SPACE_AFTER:
            attach_next = True
        if tok == '"':
            if in_double:
                glue = True
            else:
                attach_next = True
            in_double = not in_double
        elif tok in ("\u201c", "\u2018"):
            attach_next = True
            if tok == "\u2018":
                in_single = True
        elif tok == "\u201d":
            glue = True
        elif tok in ("'", "\u2019"):
            if in_single or tok == "\u2019" or "'" not in tokens[i + 1 :]:
                glue = True  # a closing mark, or an apostrophe (boaters' rights): nothing closes it
                in_single = False
            else:
                attach_next = True
                in_single = True
        out += tok if glue else " " + tok
    return out


def _domain(url: str) -> str | None:
    host = urlsplit(url.strip()).hostname or ""
    host = host.lower()
    return (host[4:] if host.startswith("www.") else host) or None


def _domain_outlet(url: str) -> str | None:
    host = _domain(url)
    return _DOMAIN_OUTLETS.get(host, host) if host else None


def _read_csv_rows(path: Path, required: Iterable[str], delimiter: str = ",") -> list[dict[str, str]]:
    text = _read_text(path).lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if lines and lines[0].lower().startswith("sep="):
        lines = lines[1:]
    reader = csv.DictReader(lines, delimiter=delimiter)
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    return list(reader)


def _find_first(src: Path, names: Iterable[str], what: str) -> Path:
    tried = []
    for n in names:
        p = src / n
        tried.append(p)
        if p.is_file():
            return p
    hits = sorted(src.rglob(Path(tried[0]).name)) if src.is_dir() else []
    if hits:
        return hits[0]
    raise ValueError(f"{tried[0]}: {what} not found (missing file)")


_WCL_COUNTRIES = {
    "USA": "United States",
    "PRK": "North Korea",
    "KOR": "South Korea",
    "RUS": "Russia",
    "GBR": "United Kingdom",
    "CHN": "China",
    "JPN": "Japan",
    "IRN": "Iran",
    "ISR": "Israel",
    "SYR": "Syria",
    "FRA": "France",
    "SAU": "Saudi Arabia",
    "MEX": "Mexico",
    "CAN": "Canada",
    "EU": "European Union",
    "GUM": "Guam",
}


def _wcl_concept_name(code_name: str) -> str:
    """The canonical name of a NewsWCL50 concept: the last part of its code path, country codes
    spelled out (``USA\\Mike Pompeo`` -> ``Mike Pompeo``, ``PRK`` -> ``North Korea``,
    ``USA\\USA-I`` -> ``United States (unnamed individual)``)."""
    last = code_name.replace("/", "\\").split("\\")[-1].strip() or code_name.strip()
    m = re.fullmatch(r"(.+?)-(I|Misc)", last)
    if m:
        base = _WCL_COUNTRIES.get(m.group(1), m.group(1))
        return f"{base} ({'unnamed individual' if m.group(2) == 'I' else 'other'})"
    return _WCL_COUNTRIES.get(last, last)


def _para_index(paras: list[tuple[int, int]], at: int) -> int:
    return next((i for i, (s, e) in enumerate(paras) if s <= at <= e), len(paras))


def convert_newswcl50(src: Path, dest: Path, *, limit: int | None = None) -> ConvertSummary:
    """NewsWCL50 (fhamborg/NewsWCL50 annotations, Diverse_CDCR_datasets tokens) -> gold set
    with stories and ``naming`` / ``loaded`` framing.

    Maps:
    - the tokenized documents of ``cdcr/.../conll.csv`` (``<event>_<outlet>``, 10 events x 5
      outlets) -> one article each, detokenized (no space before punctuation and clitics,
      hyphenated words rejoined, quotation marks attached), one paragraph a line (the data's
      ``\\n`` tokens); the first paragraph is the headline, except where it is clearly not
      one (over 30 words: the data lost that article's title), then the id stands in;
    - story = ``event-<event id>``; outlet from ``original/urls.tsv`` (the page's domain,
      named: www.nytimes.com -> New York Times);
    - ``original/Annotations.csv``: concept mentions (ACTOR, ACTOR-I, COUNTRY, GROUP, OBJECT,
      EVENT, ACTION, MISC) -> framing ``naming``, note = the concept's canonical name (last
      part of ``code_name``: ``USA\\Mike Pompeo`` -> ``Mike Pompeo``; country codes spelled
      out: ``PRK`` -> ``North Korea``); evaluative
      ``PROPERTY`` annotations -> framing ``loaded``, note = the property (``Aggressor``,
      ``Victim``, ...) and the concept it is about.

    Limits:
    - the annotations' token positions refer to the authors' own tokenization, not to the
      published tokens, so each mention is found by its text (ignoring whitespace and quote
      style, then case) nearest to its paragraph; a mention not in the text is skipped;
    - the texts are rebuilt from tokens: original spacing is guessed ("Kim Jong-un" from
      ``Jong - un``), so the files are not byte-identical to the web pages;
    - every mention of a concept is ``naming``, including neutral ones ("North Korea"); the
      data does not say which choices differ between outlets; ``-I`` and ``-Misc`` concepts
      are no one's name (``USA-I`` -> note ``United States (unnamed individual)``); person
      concepts keep the codebook's short names (``Trump``, ``Kim``, ``Jong Un`` are as coded);
    - no quotes, facts or boilerplate.
    """
    _check_limit(limit)
    src = Path(src)
    _require_dir(src, "NewsWCL50 folder")
    conll = _find_first(src, ["cdcr/NewsWCL50-prep/output_data/conll.csv", "conll.csv"], "NewsWCL50 conll.csv")
    ann_file = _find_first(src, ["original/Annotations.csv", "Annotations.csv"], "NewsWCL50 Annotations.csv")
    urls_file = _find_first(src, ["original/urls.tsv", "urls.tsv"], "NewsWCL50 urls.tsv")

    tokens: dict[str, dict[int, list[tuple[int, str]]]] = {}
    for row in _read_csv_rows(conll, ["doc_id", "sent_id", "token_id", "token"]):
        try:
            sid, tid = int(row["sent_id"]), int(row["token_id"])
        except ValueError:
            raise ValueError(f"{conll}: sent_id and token_id must be integers") from None
        tokens.setdefault(row["doc_id"], {}).setdefault(sid, []).append((tid, row["token"]))
    if not tokens:
        raise ValueError(f"{conll}: no tokens")
    outlets: dict[tuple[str, str], str | None] = {}
    for row in _read_csv_rows(urls_file, ["Event ID", "Outlet", "URL"], delimiter="\t"):
        outlets[(row["Event ID"].strip(), row["Outlet"].strip())] = _domain_outlet(row["URL"])
    annotations = _read_csv_rows(
        ann_file, ["code_type", "code_name", "code_mention", "target_concept", "event_id", "publisher_id", "paragraph"]
    )

    docs = sorted(tokens, key=_natural_key)
    events = sorted({d.split("_", 1)[0] for d in docs}, key=_natural_key)
    if limit is not None:
        keep = set(events[:limit])
        docs = [d for d in docs if d.split("_", 1)[0] in keep]
    gb = _GoldBuilder("newswcl50")
    paragraphs_at: dict[str, list[tuple[int, int]]] = {}  # article -> char span of each paragraph
    ids: dict[str, str] = {}  # document -> article id
    for doc in docs:
        paras: list[list[str]] = [[]]
        for sid in sorted(tokens[doc]):
            for _, tok in sorted(tokens[doc][sid]):
                if "\\n" in tok or "\n" in tok:
                    if paras[-1]:
                        paras.append([])
                elif tok.strip():
                    paras[-1].append(tok.strip())
        lines = [_detokenize(p) for p in paras if p]
        event, _, outlet_code = doc.partition("_")
        has_title = bool(lines) and _words(lines[0]) <= 30
        headline = lines[0] if has_title else f"{doc} (NewsWCL50, no headline in the data)"
        body_lines = lines[1:] if has_title else lines
        aid = gb.add_article(doc, headline, "\n".join(body_lines), outlets.get((event, outlet_code)), f"event-{event}")
        ids[doc] = aid
        spans, pos = [], 0
        for line in [headline, *body_lines]:
            spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        paragraphs_at[aid] = spans if has_title else [(0, 0), *spans[1:]]
    for row in annotations:
        doc = f"{row['event_id'].strip()}_{row['publisher_id'].strip()}"
        if doc not in ids:
            if limit is None:
                gb.skip("annotation of a document not in the tokenized text")
            continue
        aid = ids[doc]
        mention = row["code_mention"].strip()
        ctype = row["code_type"].strip().upper()
        if not mention:
            gb.skip("annotation without mention text")
            continue
        hits = _find_loose(mention, gb.texts[aid])
        if not hits:
            gb.skip("mention not found in the detokenized text")
            continue
        try:
            want = int(row["paragraph"])
        except ValueError:
            want = 0
        s, e = min(hits, key=lambda h: (abs(_para_index(paragraphs_at[aid], h[0]) - want), h[0]))
        surface = gb.texts[aid][s:e]
        concept = row["code_name"].strip()
        if ctype == "PROPERTY":
            target = row["target_concept"].strip()
            gb.add_framing(aid, surface, "loaded", f"{concept} (about {target})" if target else concept)
        else:
            gb.add_framing(aid, surface, "naming", _wcl_concept_name(concept))
    return gb.write(Path(dest))


# ---------------------------------------------------------------- ECB+


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


# ---------------------------------------------------------------- ScrapingHub article-extraction benchmark


def convert_scrapinghub(src: Path, dest: Path, *, limit: int | None = None) -> ConvertSummary:
    """ScrapingHub article-extraction benchmark -> gold set of saved web pages and their bodies.

    Maps ``ground-truth.json`` (``{id: {"articleBody", "url"}}``) and ``html/<id>.html.gz``
    -> ``articles/<id>.html`` (decompressed, bytes unchanged) and in ``gold.json``:
    ``articles`` (each page its own story; outlet = the page's domain without ``www.``, or
    ``null`` without a URL) and an extra top-level key ``bodies`` = ``{id: articleBody}`` for
    body-extraction scoring with :func:`score_bodies`.

    Limits: only the article body is gold (no headline, facts, quotes or framing); a page
    without its HTML file is skipped; ``boilerplate`` stays empty (the gold is a body text,
    not a list of removed lines).
    """
    _check_limit(limit)
    src = Path(src)
    truth_file = _require_file(src / "ground-truth.json", "benchmark ground truth")
    html_dir = _require_dir(src / "html", "benchmark HTML folder")
    truth = _load_json(truth_file)
    if isinstance(truth, dict) and isinstance(truth.get("output"), dict):
        truth = truth["output"]
    if not isinstance(truth, dict) or not all(isinstance(v, dict) for v in truth.values()):
        raise ValueError(f"{truth_file}: not benchmark ground truth ({{id: {{articleBody, url}}}})")
    keys = sorted(truth)
    if limit is not None:
        keys = keys[:limit]
    gb = _GoldBuilder("scrapinghub")
    bodies: dict[str, str] = {}
    for key in keys:
        page = next((p for p in (html_dir / f"{key}.html.gz", html_dir / f"{key}.html") if p.is_file()), None)
        if page is None:
            gb.skip("page without its HTML file")
            continue
        data = page.read_bytes()
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError) as exc:
                raise ValueError(f"{page}: broken gzip data ({exc})") from None
        url = str(truth[key].get("url") or "")
        aid = gb.add_page(key, data, _domain(url) if url else None, story=None)
        bodies[aid] = str(truth[key].get("articleBody") or "")
    gb.extra["bodies"] = dict(sorted(bodies.items()))
    return gb.write(Path(dest))


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i : i + n])
        if sh:
            out[sh] += 1
    return out


def score_bodies(gold_bodies: Mapping[str, str], extracted: Mapping[str, str]) -> dict[str, Any]:
    """Body-extraction precision, recall and F1 as the ScrapingHub benchmark's ``evaluate.py``
    defines them.

    Per page: both texts are split into ``\\w+`` tokens (case kept) and into overlapping
    4-token shingles (a text under 4 tokens is one shorter shingle); as multisets,
    tp = shared shingles, fp = extracted only, fn = gold only, then normalized by
    tp + fp + fn so that long pages weigh no more than short ones.

    Averaging is **macro** over pages: precision is the mean of per-page precisions over the
    pages with something extracted (tp + fp > 0), recall the mean of per-page recalls over the
    pages with a gold body (tp + fn > 0); F1 is the harmonic mean of those two means (not the
    mean of per-page F1s). ``accuracy`` is the share of pages whose token sequences are equal.
    A page whose gold and extraction are both empty counts only for accuracy. A page missing
    from ``extracted`` counts as extracting nothing; ids not in ``gold_bodies`` are ignored.
    Where no page has an extraction (or no page a gold body), that mean is 0.0 (1.0 when
    neither side has any text at all). The benchmark's bootstrap confidence intervals are
    not computed.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    per_page: dict[str, dict[str, float | None]] = {}
    for key in sorted(gold_bodies):
        true = gold_bodies[key] or ""
        pred = extracted.get(key) or ""
        t, p = _shingles(true), _shingles(pred)
        tp = float(sum((t & p).values()))
        fp = float(sum((p - t).values()))
        fn = float(sum((t - p).values()))
        total = tp + fp + fn
        if total:
            tp, fp, fn = tp / total, fp / total, fn / total
        prec = rec = None
        if tp + fp > 0:
            prec = 1.0 if fp == fn == 0 else tp / (tp + fp)
            precisions.append(prec)
        if tp + fn > 0:
            rec = 1.0 if fp == fn == 0 else tp / (tp + fn)
            recalls.append(rec)
        same = _TOKEN_RE.findall(true) == _TOKEN_RE.findall(pred)
        exact += same
        per_page[key] = {"precision": prec, "recall": rec}
    nothing = not precisions and not recalls
    precision = sum(precisions) / len(precisions) if precisions else (1.0 if nothing else 0.0)
    recall = sum(recalls) / len(recalls) if recalls else (1.0 if nothing else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = len(gold_bodies)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": exact / n if n else 1.0,
        "pages": n,
        "averaging": "macro",
        "per_page": per_page,
    }


# ---------------------------------------------------------------- registry and command line

CONVERTERS: dict[str, Callable[..., ConvertSummary]] = {
    "basil": convert_basil,
    "polnear": convert_polnear,
    "newswcl50": convert_newswcl50,
    "ecbplus": convert_ecbplus,
    "scrapinghub": convert_scrapinghub,
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m newsprism.eval.convert", description="Convert a public data set to a newsprism gold set."
    )
    ap.add_argument("name", choices=sorted(CONVERTERS))
    ap.add_argument("--src", type=Path, help="the data set's folder (default: found under ../shared/data)")
    ap.add_argument("--dest", type=Path, help="output folder (default: <cache>/gold/<name>)")
    ap.add_argument("--limit", type=int, help="at most this many stories")
    ap.add_argument("--split", help="PolNeAR split: dev (default) or train")
    args = ap.parse_args(argv)
    options = {"split": args.split} if args.split and args.name == "polnear" else {}
    try:
        summary = convert(args.name, args.src, args.dest, limit=args.limit, **options)
    except ValueError as exc:
        print(f"convert: error: {exc}", file=sys.stderr)
        return 2
    print(summary)
    for reason, count in summary.skipped.items():
        print(f"  skipped {count:6d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
