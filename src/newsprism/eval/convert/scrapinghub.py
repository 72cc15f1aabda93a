"""ScrapingHub article-extraction benchmark: saved pages and their gold bodies."""

from __future__ import annotations

import gzip
from pathlib import Path

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
    body-extraction scoring with :func:`newsprism.eval.scoring.score_bodies`.

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
