"""ingest and group over the SQLite store, as a user runs them."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsprism
from newsprism.api import group
from newsprism.corpus import compare_story, group_corpus, ingest
from newsprism.grouping import features_method
from newsprism.store import Store

from .test_group import ALL


def _write(folder: Path, pairs) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in pairs:
        p = folder / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def _partition(db: Path) -> set[frozenset[str]]:
    with Store(db) as st:
        by_story: dict[str, set[str]] = {}
        for article, story in st.assignments().items():
            by_story.setdefault(story, set()).add(st.get_article(article).source)
    return {frozenset(Path(s).stem for s in v) for v in by_story.values()}


def test_ingest_is_idempotent_and_counts_rejects(tmp_path: Path) -> None:
    _write(tmp_path / "in", ALL)
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "bad.jsonl").write_text('{"text": "Head\\nA body line."}\nnot json\n')
    first = ingest([tmp_path / "in"], db=tmp_path / "c.db")
    assert first.added == len(ALL) + 1 and first.duplicates == 0
    assert sorted(r for _, r in first.rejected) == ["is empty", "line is not valid JSON (JSONDecodeError)"]
    again = ingest([tmp_path / "in"], db=tmp_path / "c.db")
    assert again.added == 0 and again.duplicates == len(ALL) + 1


def test_ingest_in_this_process_leaves_the_garbage_collector_as_it_was(tmp_path: Path) -> None:
    # one worker: this process prepares the records, its heap frozen after the first chunk
    # (corpus._freeze_heap) and thawed at the end; a heap frozen by the caller stays theirs
    import gc

    paths = _write(tmp_path / "in", ALL)
    before = gc.get_threshold()
    seen: list[tuple[int, tuple[int, int, int]]] = []
    summary = ingest(
        paths,
        db=tmp_path / "a.db",
        workers=1,
        on_record=lambda: seen.append((gc.get_freeze_count(), gc.get_threshold())),
    )
    assert summary.added == len(ALL)
    assert seen and all(count > 0 and threshold[0] >= 7000 for count, threshold in seen)
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        ingest(paths, db=tmp_path / "b.db", workers=1)
        # (frozen objects freed since count no more: nothing frozen added, nothing thawed)
        assert 0 < gc.get_freeze_count() <= frozen and gc.get_threshold() == before
    finally:
        gc.unfreeze()


def test_ingest_that_fails_midway_thaws_the_heap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    def fail_after_one(self, items, **kwargs):
        next(iter(items))  # the first chunk prepared: the heap frozen
        raise RuntimeError("the store failed")

    monkeypatch.setattr(Store, "add_articles", fail_after_one)
    before = gc.get_threshold()
    with pytest.raises(RuntimeError) as failed:
        ingest(_write(tmp_path / "in", ALL), db=tmp_path / "a.db", workers=1)
    # the traceback kept (and with it ingest's frame and its records' generator): thawed all the same
    assert failed.tb is not None
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_three_batches_give_the_same_stories_as_one(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", ALL)
    ingest(paths, db=tmp_path / "once.db")
    group_corpus(db=tmp_path / "once.db")
    ids_before = None
    for batch in (paths[:2], paths[2:4], paths[4:]):
        ingest(batch, db=tmp_path / "batches.db")
        group_corpus(db=tmp_path / "batches.db")
        with Store(tmp_path / "batches.db") as st:
            now = st.assignments()
        if ids_before:  # stories found earlier keep their ids as they grow
            assert all(now[a] == s for a, s in ids_before.items())
        ids_before = now
    assert _partition(tmp_path / "batches.db") == _partition(tmp_path / "once.db")
    assert frozenset({"wire", "rewrite", "independent"}) in _partition(tmp_path / "once.db")


def test_stored_features_group_as_the_files_do(tmp_path: Path) -> None:
    """ingest computes the grouping features once and stores them; grouping the store gives
    the stories (and origins) that grouping the files directly gives, and a store whose
    features are missing or were made with other options gets them recomputed."""
    paths = _write(tmp_path / "in", ALL)
    ingest(paths, db=tmp_path / "c.db", workers=2)
    with Store(tmp_path / "c.db") as st:
        stored, missing = st.group_features(features_method())
        assert len(stored) == len(ALL) and missing == []
        source = {f.id: Path(st.get_article(f.id).source).stem for f in stored}
    from_store = group_corpus(db=tmp_path / "c.db")
    direct = group(paths)
    assert {frozenset(source[a] for a in s.articles) for s in from_store.stories} == {
        frozenset(s.articles) for s in direct.stories
    }
    assert sorted(s.n_origins for s in from_store.stories) == sorted(s.n_origins for s in direct.stories)

    with sqlite3.connect(tmp_path / "c.db") as conn:  # as a store written before features were
        conn.execute("DELETE FROM features WHERE rowid % 2 = 0")
        conn.execute("UPDATE features SET method = 'older'")
    again = group_corpus(db=tmp_path / "c.db")
    assert [s.articles for s in again.stories] == [s.articles for s in from_store.stories]
    with Store(tmp_path / "c.db") as st:
        assert st.group_features(features_method())[1] == []  # recomputed features were stored


def test_group_since_a_date_reads_only_articles_from_then(tmp_path: Path) -> None:
    paths = _write(tmp_path / "in", ALL)
    ingest(paths, db=tmp_path / "c.db", workers=1)
    late = group_corpus(db=tmp_path / "c.db", since="2025-03-20")
    assert late.stats["articles"] == 1  # the look-alike of March 28; the rest is older or undated
    with Store(tmp_path / "c.db") as st:
        (only,) = late.stories
        assert Path(st.get_article(only.articles[0]).source).stem == "lookalike"
        features, missing = st.group_features(features_method(), since="2025-03-01")
        assert missing == [] and {f.published[:7] for f in features if f.published} == {"2025-03"}


def test_a_changed_algorithm_computes_a_stored_comparison_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stored comparison is kept under the version of every algorithm it ran, not only the
    package's: after an algorithm's version changes, the old one is no longer read back."""
    from newsprism import comparison
    from newsprism.corpus import comparison_key

    options = newsprism.CompareOptions()
    before = comparison_key(options)
    assert comparison_key(newsprism.CompareOptions()) == before
    monkeypatch.setattr(comparison, "SINGLES_VERSION", "singles.v0-test")
    assert comparison.algorithm_versions(options)["singles"] == "singles.v0-test"
    assert comparison_key(options) != before
    # credits too: an article's credit and outlet come from them (credits.v3 names more agencies)
    monkeypatch.setattr(comparison, "CREDITS_VERSION", "credits.v0-test")
    assert comparison.algorithm_versions(options)["credits"] == "credits.v0-test"


def test_the_key_of_a_stored_comparison_is_the_same_in_every_process() -> None:
    """Options holding a set of repeated lines give one key whatever the process's string
    hashing: a stored comparison is read back by the next run, not computed again."""
    code = (
        "import newsprism; from newsprism.corpus import comparison_key; "
        "lines = frozenset(f'Share this story {i}' for i in range(40)); "
        "print(comparison_key(newsprism.CompareOptions(clean=newsprism.CleanOptions(repeated=lines))))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1 and next(iter(keys))


def test_compare_a_stored_story(tmp_path: Path) -> None:
    ingest(_write(tmp_path / "in", ALL), db=tmp_path / "c.db")
    grouping = group_corpus(db=tmp_path / "c.db")
    big = max(grouping.stories, key=lambda s: len(s.articles))
    c = compare_story(
        big.id, db=tmp_path / "c.db", options=newsprism.CompareOptions(align=newsprism.AlignOptions(embedder=None))
    )
    assert len(c.articles) == 3
    # kept in the store: read back, not recomputed, and equal to what was computed
    from newsprism.corpus import comparison_key
    from newsprism.store import Store

    options = newsprism.CompareOptions(align=newsprism.AlignOptions(embedder=None))
    with Store(tmp_path / "c.db") as st:
        assert st.load_comparison(big.id, comparison_key(options)) is not None
        assert st.load_comparison(big.id, comparison_key(newsprism.CompareOptions())) is None
    assert compare_story(big.id, db=tmp_path / "c.db", options=options) == c
    assert compare_story(big.id, db=tmp_path / "c.db", options=options, recompute=True) == c
    with pytest.raises(newsprism.NewsprismError, match="no story nope"):
        compare_story("nope", db=tmp_path / "c.db")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, timeout=300)


def test_cli_ingest_group_stories_search_compare(tmp_path: Path) -> None:
    _write(tmp_path / "in", ALL)
    db = str(tmp_path / "c.db")
    res = _cli("ingest", str(tmp_path / "in"), "--db", db, "--format", "json")
    assert res.returncode == 0 and json.loads(res.stdout)["added"] == len(ALL)
    res = _cli("group", "--db", db, "--format", "json")
    stories = json.loads(res.stdout)["stories"]
    assert sorted(len(s["articles"]) for s in stories) == [1, 1, 1, 3]
    res = _cli("stories", "--db", db)
    assert res.returncode == 0 and "3 articles" in res.stdout
    res = _cli("search", "ferry AND evacuation", "--db", db)
    assert "Aurora Dawn" in res.stdout or "ferry" in res.stdout.lower()
    big = next(s["id"] for s in stories if len(s["articles"]) == 3)
    res = _cli("compare", "--story", big, "--db", db, "--format", "json", "--embedder", "none")
    assert res.returncode == 0 and len(json.loads(res.stdout)["articles"]) == 3
    res = _cli("stories", "--db", str(tmp_path / "missing.db"))
    assert res.returncode == 1
    assert (
        res.stderr
        == f"newsprism: error: {tmp_path}/missing.db: no such corpus; create it with: newsprism ingest PATH... --db {tmp_path}/missing.db\n"
    )


def test_sigkill_during_ingest_then_rerun(tmp_path: Path) -> None:
    """Kill ingest midway (SIGKILL), run it again: no duplicate, no partial article."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"a{i:03d}.txt").write_text(
            f"Headline {i}\nArticle number {i} reports event {i * 7919 % 1000} in the town of Place{i}.\n"
            f"A second line about item {i} follows here.\n",
            encoding="utf-8",
        )
    db = tmp_path / "k.db"
    code = f"import sys; from newsprism.corpus import ingest; ingest([{str(folder)!r}], db={str(db)!r}, batch_size=10)"
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:  # wait until some batches are committed, then kill
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    if con.execute("select count(*) from articles").fetchone()[0] >= 30:
                        break
            except sqlite3.Error:
                pass
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole job, worker processes included
    proc.wait()
    with Store(db) as st:
        assert st.check() == []
        partial = st.count_articles()
        for a in st.iter_articles():
            assert a.text and a.sentences
    assert 0 < partial < 1000  # killed midway
    summary = ingest([folder], db=db)
    assert summary.added == 1000 - partial and summary.duplicates == partial
    with Store(db) as st:
        assert st.count_articles() == 1000 and st.check() == []


def test_ingest_drops_the_lines_an_outlet_repeats(tmp_path: Path) -> None:
    stories = [
        "The harbour board voted on Tuesday to close the north quay for repairs until the spring.",
        "Engineers found cracks in the old stone wall last month after the winter storms had passed.",
        "Fishing boats will moor at the south pier while the work goes on, the board said on Monday.",
        "The ferry company said its timetable would not change while the north quay stays closed.",
        "A new lighthouse keeper starts work next week after the last one retired in the summer.",
        "The council will decide in March whether to widen the coast road past the old fish market.",
    ]
    lines = []
    for i, story in enumerate(stories):
        body = f"{story} Case {i} of the week.\nWe print what the harbour tells us\n{story.replace('the', 'a')}"
        lines.append(json.dumps({"title": f"Harbour news {i}", "text": body, "outlet": "Gullhaven Post"}))
    lines.append(
        json.dumps(
            {"title": "Other", "text": f"{stories[0]}\nWe print what the harbour tells us", "outlet": "Eastmoor"}
        )
    )
    (tmp_path / "pile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.db"
    summary = ingest([tmp_path / "pile.jsonl"], db=db, repeated=5, workers=1, quotes=False)
    assert summary.added == 7
    with Store(db) as st:
        by_outlet = {}
        for row in st.articles(limit=10):
            article = st.get_article(row.id)
            by_outlet.setdefault(article.outlet, []).append(article)
    for article in by_outlet["Gullhaven Post"]:
        assert article.removed_reasons == ("repeated-line",)
        assert "We print what the harbour tells us" not in article.text
    # the other outlet printed the line once: its own line, kept
    assert "repeated-line" not in by_outlet["Eastmoor"][0].removed_reasons
