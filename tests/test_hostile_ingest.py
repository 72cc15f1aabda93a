"""Hostile inputs to the corpus commands: killed runs, reruns, bad options. Real SQLite files
and real processes, no mocks."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprism.errors
from newsprism.cli import main
from newsprism.corpus import group_corpus, ingest
from newsprism.errors import NewsprismError, StoreError
from newsprism.store import SCHEMA_VERSION, Store, _schema


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


# ---------------------------------------------------------------- kept comparisons


def test_a_store_of_schema_3_gains_comparisons_and_keeps_its_stories(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    assert _schema.migrate(conn, target=3) == [1, 2, 3]
    conn.execute(
        "INSERT INTO articles (id, source, title, text, sentences) VALUES (?, ?, ?, ?, ?)",
        ("00000000000000aa", "old.txt", "Old headline", "An article stored by schema version three.", "[[0, 42]]"),
    )
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")  # as the store's docs say
    conn.execute("INSERT INTO stories (id, created_at, updated_at, method) VALUES ('s1', 'x', 'x', 'm')")
    conn.execute("INSERT INTO story_articles (story_id, article_id) VALUES ('s1', '00000000000000aa')")
    conn.close()
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION >= 5
        assert st.assignments() == {"00000000000000aa": "s1"}
        assert st.load_comparison("s1", "align-hybrid.v1") is None
        st.save_comparison("s1", "align-hybrid.v1", '{"articles": []}')
        assert st.check() == []
    with Store(db) as st:  # reopening does not migrate again, and the text is kept
        assert st.load_comparison("s1", "align-hybrid.v1") == '{"articles": []}'


def test_comparison_text_round_trips_exactly_and_goes_with_its_story(tmp_path: Path) -> None:
    db = _corpus(tmp_path, 3)
    with Store(db) as st:
        a, b, c = sorted(st.assignments() or [r.id for r in st.articles()])
        st.save_stories({a: "s1", b: "s2", c: "s3"}, None, "test.v1")
    text = json.dumps({"headline": "Ünïcode \u2028 «quotes» [/] <script>", "n": [1, 2.5, None]}, ensure_ascii=False)
    with Store(db) as st:
        story = "s1"
        st.save_comparison(story, "k1", text)
        st.save_comparison(story, "k2", "[]")
        assert st.load_comparison(story, "k1") == text and st.load_comparison(story, "k2") == "[]"
        st.save_comparison(story, "k1", "{}")  # replaced, not added
        assert st.load_comparison(story, "k1") == "{}"
        assert st.load_comparison(story, "other") is None
        with pytest.raises(StoreError, match="no story nope; run newsprism stories"):
            st.save_comparison("nope", "k1", "{}")
        with pytest.raises(StoreError, match="not JSON text"):
            st.save_comparison(story, "k1", "{not json")
        with pytest.raises(StoreError, match="key must be a non-empty string"):
            st.save_comparison(story, "", "{}")
        # the story changes membership: what was kept is of the old story
        st.save_stories({b: story}, None, "test.v1")
        assert st.load_comparison(story, "k1") is None
        # a deleted story takes its comparisons with it
        gone = "s3"
        st.save_comparison(gone, "k1", "{}")
        st.save_stories({c: story}, None, "test.v1")
        assert gone not in {r.id for r in st.stories()}
        assert st.load_comparison(gone, "k1") is None
        assert st.check() == []
