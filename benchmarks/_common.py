"""Helpers shared by the benchmark scripts: where the shared data is, timing, tables."""

from __future__ import annotations

import importlib.util
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]

#: The written gold parts that have been read (``tests/gold/<name>``): parts E to K were held
#: out once and were opened for rules since (README), so a benchmark may score them. Every
#: other part under ``tests/gold`` (L, M, N, and any part added later until it is moved here)
#: is held out: the lead scores it, once, and a benchmark scores it only when asked
#: (``--heldout``).
SEEN_PARTS = ("dev", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i", "heldout-j", "heldout-k")


def gold_parts(file: str, heldout: bool = False) -> list[Path]:
    """The gold parts holding ``file`` (``figures.json``, ``credits.json``), by name: the seen
    ones (:data:`SEEN_PARTS`), and with ``heldout`` the held-out ones too."""
    found = (p.parent for p in (REPO / "tests" / "gold").glob(f"*/{file}"))
    return sorted(p for p in found if heldout or p.name in SEEN_PARTS)


def git_show(rev: str, path: str) -> str:
    """The text of ``path`` (relative to the repository) at revision ``rev``."""
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=REPO, check=True, capture_output=True, text=True).stdout


def old_module(rev: str, name: str, folder: Path) -> ModuleType:
    """``newsprism.<name>`` as it was at ``rev``, loaded beside this tree's as ``<name>_old``
    (written into ``folder``); its relative imports read this tree's modules."""
    source = re.sub(r"from \.(\w+) import", r"from newsprism.\1 import", git_show(rev, f"src/newsprism/{name}.py"))
    source = re.sub(r"from \. import", "from newsprism import", source)
    path = folder / f"{name}_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(f"{name}_old", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[f"{name}_old"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def shared_dir() -> Path | None:
    """``../shared`` beside the repository (or $NEWSPRISM_SHARED), if it is there."""
    env = os.environ.get("NEWSPRISM_SHARED")
    for cand in ([Path(env)] if env else []) + [REPO.parent / "shared", Path.cwd().parent / "shared"]:
        if cand.is_dir():
            return cand
    return None


def skip(message: str) -> None:
    print(f"SKIPPED: {message}")
    sys.exit(0)


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """Median and best wall time of ``fn`` in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


def table(title: str, header: list[str], rows: list[list[object]]) -> str:
    cells = [[str(c) for c in header]] + [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = [title, "  ".join(h.ljust(w) for h, w in zip(cells[0], widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in cells[1:]
    ]
    return "\n".join(lines)


def allsides_path() -> Path:
    """``shared/data/allsides_baly2020/articles.jsonl.gz``, or skip the benchmark without it."""
    shared = shared_dir()
    src = shared / "data" / "allsides_baly2020" / "articles.jsonl.gz" if shared else None
    if src is None or not src.is_file():
        skip("shared/data/allsides_baly2020 not found; this benchmark needs it")
    assert src is not None
    return src


def allsides_stories_by_topic_date() -> list[list[dict[str, object]]]:
    """allsides_baly2020 records grouped by (topic, date), the first 8 of each group, the groups
    with two or more outlets among them: real same-story piles, in file order."""
    import gzip
    import json

    groups: dict[tuple[str, str], list[dict[str, object]]] = {}
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("topic") and d.get("date"):
                groups.setdefault((d["topic"], d["date"]), []).append(d)
    return [g[:8] for g in groups.values() if len({d["source"] for d in g[:8]}) >= 2]


def allsides_records(step: int = 1, limit: int | None = None) -> list[tuple[str, str, str]]:
    """Every ``step``-th allsides_baly2020 record as (outlet, headline, text), at most ``limit``."""
    import gzip
    import json

    records: list[tuple[str, str, str]] = []
    with gzip.open(allsides_path(), "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % step == 0:
                d = json.loads(line)
                records.append((d["source"], d["title"], d["content_original"]))
            if limit is not None and len(records) >= limit:
                break
    return records


def added_lines(base: tuple[str, ...], other: tuple[str, ...], reasons: tuple[str, ...]) -> list[tuple[str, str]]:
    """The lines ``other`` drops that ``base`` did not (as many times as each), with their
    reasons: what one cleaner adds to another's removed lines."""
    from collections import Counter

    left = Counter(base)
    out = []
    for line, why in zip(other, reasons, strict=True):
        if left[line] > 0:
            left[line] -= 1
        else:
            out.append((why, line.strip()))
    return out
