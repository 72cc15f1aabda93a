"""BASIL (launchnlp/BASIL): stories, quotes with speakers, ``loaded`` framing."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..scoring import overlap
from ._common import (
    ConvertSummary,
    _add_region_quotes,
    _check_limit,
    _GoldBuilder,
    _load_json,
    _natural_key,
    _quote_regions,
    _require_dir,
    _safe_id,
)

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
    hits = [r for r in regions if overlap(r, (a, b)) > 0]
    if not hits:
        gb.skip("quote span not inside quotation marks (paraphrase)")
        return
    _add_region_quotes(gb, aid, hits, _basil_name(speaker_raw, context))
