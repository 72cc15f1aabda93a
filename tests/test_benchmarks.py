"""The benchmark scripts' choice of gold parts: the parts still held out are scored only when
asked (``--heldout``), never by a bare run. Only part names are read here, no part's files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
#: the parts still held out: L and every later one (their names only; a part added later is
#: held out here without editing this line)
HELD_OUT = {
    p.name
    for p in (BENCH.parent / "tests" / "gold").iterdir()
    if p.name.startswith("heldout-") and p.name >= "heldout-l"
}


def _script(name: str) -> ModuleType:
    sys.path.insert(0, str(BENCH))
    try:
        spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCH / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCH))


@pytest.mark.parametrize(("script", "file"), [("judged_figures", "figures.json"), ("bench_credits", "credits.json")])
def test_a_bare_run_scores_seen_parts_only(script: str, file: str) -> None:
    parts = _script(script).gold_parts
    seen = {p.name for p in parts()}
    assert {"heldout-l", "heldout-o"} <= HELD_OUT and seen and not seen & HELD_OUT
    everything = {p.name for p in parts(heldout=True)}
    gold = BENCH.parent / "tests" / "gold"
    assert seen <= everything and {n for n in HELD_OUT if (gold / n / file).is_file()} <= everything
    assert all((gold / name / file).is_file() for name in everything)


def test_the_flag_is_opt_in_and_documented() -> None:
    for script in ("judged_figures", "bench_credits"):
        module = _script(script)
        assert "--heldout" in (module.__doc__ or ""), script
        assert "--heldout" in (BENCH / f"{script}.py").read_text(encoding="utf-8"), script
