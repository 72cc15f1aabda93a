"""Golden files: the text, Markdown and JSON renderings of the bundled example.

The four articles under ``examples/articles/`` are compared with the default options and
rendered as text (width 100, no colour), Markdown and JSON; each rendering must equal its
file in ``tests/golden/`` byte for byte, so any change to a renderer, the view, or a result
shows up here as a diff to review.

When a change is intended, regenerate the files and commit them with the change::

    PYTHONPATH=src python -m pytest tests/test_golden.py --update-golden

(``--update-golden`` is defined in ``tests/conftest.py``; it rewrites the files instead of
comparing, and the test then passes.)
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from newsprism import render
from newsprism.model import Comparison

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
FORMATS = {"text": "example.txt", "md": "example.md", "json": "example.json"}


@pytest.fixture(scope="module")
def example() -> Comparison:
    from newsprism.api import compare

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(REPO)  # sources are written as given: relative paths keep the files portable
        paths = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "examples" / "articles").iterdir())
        return compare(paths)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden(example: Comparison, fmt: str, update_golden: bool) -> None:
    path = GOLDEN / FORMATS[fmt]
    got = render(example, fmt, width=100, color=False)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing; create it with: pytest tests/test_golden.py --update-golden"
    want = path.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(
            difflib.unified_diff(want.splitlines(True), got.splitlines(True), f"golden/{path.name}", "rendered", n=1)
        )
        pytest.fail(f"{fmt} rendering differs from {path.name} (rerun with --update-golden if intended):\n{diff}")
