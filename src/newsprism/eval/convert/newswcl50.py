"""NewsWCL50: stories, ``naming`` and ``loaded`` framing."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

from ._common import (
    ConvertSummary,
    _check_limit,
    _domain,
    _find_loose,
    _GoldBuilder,
    _natural_key,
    _read_text,
    _require_dir,
    _words,
)

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
