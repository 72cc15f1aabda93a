"""Written gold parts that rebuild from their marked-up sources (``src/build.py`` with the shared
``tests/gold/partbuild.py``): each listed part is valid gold and rebuilds byte for byte.

Only structure is checked here (the validator and the rebuild); no test reads a held-out part's
scores. Parts N, O, P and Q join while they are unscored: this test reads their files only as bytes to compare
and reports the names of files that differ, not their text.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.eval.gold import load_gold, validate

GOLD = Path(__file__).parent / "gold"
#: parts that carry ``src/build.py``, checked here
PARTS = ["heldout-n", "heldout-o", "heldout-p", "heldout-q"]
OUTPUTS = ("gold.json", "credits.json", "figures.json", "near_misses.json")


@pytest.mark.parametrize("part", PARTS)
def test_written_part_is_valid_gold(part: str) -> None:
    assert validate(load_gold(GOLD / part)) == []


@pytest.mark.parametrize("part", PARTS)
def test_written_part_rebuilds_byte_for_byte(part: str, tmp_path: Path) -> None:
    shutil.copy(GOLD / "partbuild.py", tmp_path / "partbuild.py")
    shutil.copytree(GOLD / part / "src", tmp_path / part / "src")
    run = subprocess.run(
        [sys.executable, str(tmp_path / part / "src" / "build.py")], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr[-2000:]
    built, kept = tmp_path / part, GOLD / part
    names = [*OUTPUTS, *(f"articles/{p.name}" for p in sorted((kept / "articles").iterdir()))]
    rebuilt = {f"articles/{p.name}" for p in (built / "articles").iterdir()}
    assert rebuilt == {n for n in names if n.startswith("articles/")}
    differ = [n for n in names if (built / n).read_bytes() != (kept / n).read_bytes()]
    assert differ == []
