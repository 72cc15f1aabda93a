"""Hostile inputs to the corpus commands: killed runs, reruns, bad options. Real SQLite files
and real processes, no mocks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprism.errors
from newsprism.cli import main
from newsprism.corpus import group_corpus, ingest
from newsprism.errors import NewsprismError, StoreError


def _articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    """``n`` distinct generated articles as .txt files (headline, two body lines)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"a{i:05d}.txt"
        p.write_text(
            f"Headline number {i}\nArticle {i} reports event {i * 7919 % 1000} in the town of Place{i}.\n"
            f"A second line about item {i} follows here, with more words on the matter.\n",
            encoding="utf-8",
        )
        paths.append(p)
    return paths


def test_store_error_is_in_the_error_tree() -> None:
    from newsprism.store import StoreError as FromStore

    assert FromStore is StoreError and issubclass(StoreError, NewsprismError)
    assert "StoreError" in (newsprism.errors.__doc__ or "")


# ---------------------------------------------------------------- CLI edges


def _corpus(tmp_path: Path, n: int = 1) -> str:
    folder = tmp_path / "in"
    _articles(folder, n)
    db = str(tmp_path / "c.db")
    assert ingest([folder], db=db, workers=1).added == n
    return db


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["search", "ferry", "--limit", "-1"], "--limit"),
        (["search", "ferry", "--limit", "0"], "--limit"),
        (["articles", "--limit", "-1"], "--limit"),
        (["articles", "--offset", "-5"], "--offset"),
        (["stories", "--since", "notadate"], "--since"),
        (["stories", "--since", "2025-13-01"], "--since"),
        (["ingest", "x.txt", "--workers", "0"], "--workers"),
    ],
)
def test_bad_option_values_are_usage_errors(tmp_path: Path, args: list[str], option: str) -> None:
    res = CliRunner().invoke(main, [*args, "--db", _corpus(tmp_path)])
    assert res.exit_code == 2, res.output
    assert option in res.output and "Invalid value" in res.output


def test_good_since_is_accepted(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["stories", "--since", "2025-03-01", "--db", _corpus(tmp_path)])
    assert res.exit_code == 0, res.output


def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    db = _corpus(tmp_path)
    res = CliRunner().invoke(main, ["ingest", str(tmp_path / "in"), "--db", db, "-q"])
    assert res.exit_code == 0 and "0 added, 1 duplicate, 0 rejected" in res.output
    res = CliRunner().invoke(main, ["articles", "--db", db])
    assert res.exit_code == 0 and "(1 of 1 article)" in res.output
    assert " 1 sentence " in res.output or " 2 sentences " in res.output
    group_corpus(db=db)
    res = CliRunner().invoke(main, ["stories", "--db", db])
    assert res.exit_code == 0 and "1 article " in res.output and "1 origin " in res.output
    assert "articles" not in res.output and "origins" not in res.output
