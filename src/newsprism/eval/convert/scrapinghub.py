"""ScrapingHub article-extraction benchmark: saved pages and their gold bodies."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._common import (
    ConvertSummary,
    _check_limit,
    _domain,
    _GoldBuilder,
    _load_json,
    _require_dir,
    _require_file,
)


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
