"""Hostile inputs to the corpus commands: killed runs, reruns, bad options. Real SQLite files
and real processes, no mocks."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsprism.errors
from newsprism.clean import CleanOptions
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
        (["group", "--since", "notadate"], "--since"),
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


# ---------------------------------------------------------------- killed runs and reruns

_SRC = str(Path(__file__).resolve().parents[1] / "src")


def _env() -> dict[str, str]:
    """This tree's newsprism first on the path of a child process."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([_SRC, os.environ.get("PYTHONPATH", "")])}


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.update(int(x) for x in fh.read().split())
    return out


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _wait_until(check, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.02)
    return check()


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db) as con:
            return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def _runs(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT id, finished_at, added, duplicates FROM ingest_runs ORDER BY id").fetchall()


linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@linux_only
def test_workers_die_when_ingest_is_killed(tmp_path: Path) -> None:
    """SIGKILL to the ingest process alone: its worker processes end within seconds."""
    _articles(tmp_path / "in", 400)
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "newsprism", "ingest", str(tmp_path / "in"), "--db", str(db), "--workers", "2", "-q"]
    proc = subprocess.Popen(cmd, env=_env(), start_new_session=True, stderr=subprocess.PIPE)
    workers: set[int] = set()
    try:
        assert _wait_until(lambda: len(_children(proc.pid)) >= 2, 60), "no worker processes appeared"
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, as a user's kill -9 does
        proc.wait(10)
        assert _wait_until(lambda: not any(_alive(w) for w in workers), 5), (
            f"workers {sorted(w for w in workers if _alive(w))} outlived their parent"
        )
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever is left, should the test fail
        proc.wait(10)


@linux_only
def test_a_worker_without_prctl_dies_with_its_parent_too(tmp_path: Path) -> None:
    """The portable fallback: a thread in the worker that watches its parent."""
    code = (
        "import multiprocessing, os, sys, time\n"
        "from newsprism.corpus import _die_with_parent\n"
        "def work(parent):\n"
        "    _die_with_parent(parent, prctl=False)\n"
        "    time.sleep(120)\n"
        "p = multiprocessing.get_context('fork').Process(target=work, args=(os.getpid(),))\n"
        "p.start(); print(p.pid, flush=True); time.sleep(120)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=_env(), stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert proc.stdout is not None
        child = int(proc.stdout.readline())
        time.sleep(0.3)
        assert _alive(child)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert _wait_until(lambda: not _alive(child), 5), "the worker outlived its parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)


def test_a_killed_run_records_what_it_committed_and_a_rerun_skips_it(tmp_path: Path) -> None:
    """SIGKILL mid-run: the run's row counts exactly the articles its batches committed;
    the rerun recognises those from their input hashes, before cleaning, and adds the rest."""
    n = 600
    folder = tmp_path / "in"
    _articles(folder, n)
    db = tmp_path / "k.db"
    code = f"from newsprism.corpus import ingest; ingest([{str(folder)!r}], db={str(db)!r}, batch_size=10, workers=2)"
    proc = subprocess.Popen([sys.executable, "-c", code], env=_env(), start_new_session=True)
    try:
        assert _wait_until(lambda: db.exists() and _count(db) >= 30, 60), "no batch was committed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    partial = _count(db)
    assert 0 < partial < n and partial % 10 == 0  # whole batches only
    [(_run, finished, added, duplicates)] = _runs(db)
    assert finished is None and (added, duplicates) == (partial, 0)

    again = ingest([folder], db=db)
    assert (again.added, again.duplicates, again.known) == (n - partial, partial, partial)
    assert _runs(db)[1][1:] != (None,) and _runs(db)[1][2:] == (n - partial, partial)
    third = ingest([folder], db=db)
    assert (third.added, third.duplicates, third.known) == (0, n, n)  # nothing was cleaned again
    with Store(db) as st:
        assert st.count_articles() == n and st.check() == []


def test_known_input_skip_respects_the_cleaning_options(tmp_path: Path) -> None:
    """Other cleaning options may make another article of the same record: no skipping then,
    and the same content is still found to be a duplicate after cleaning."""
    paths = _articles(tmp_path / "in", 5)
    (tmp_path / "in" / "copy.txt").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "c.db"
    first = ingest([*paths, tmp_path / "in" / "copy.txt"], db=db, workers=1)
    assert (first.added, first.duplicates, first.known) == (5, 1, 0)  # same run: found after cleaning
    other = ingest(paths, db=db, workers=1, clean_options=CleanOptions(drop_edge_labels=False))
    assert (other.added, other.duplicates, other.known) == (0, 5, 0)
    same = ingest([tmp_path / "in"], db=db, workers=1)
    assert (same.added, same.duplicates, same.known) == (0, 6, 6)
    with sqlite3.connect(db) as con:  # one row per content and cleaning (copy.txt reads as a00000 does)
        assert con.execute("SELECT count(*), count(DISTINCT article_id) FROM inputs").fetchone() == (10, 5)
    with Store(db) as st:
        assert st.known_inputs([]) == {} and st.known_inputs(["0" * 32]) == {}
