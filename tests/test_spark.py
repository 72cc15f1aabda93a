"""The Spark backend (Spark local mode, one session for the module): the same stories, ids
and comparisons as the local backend, bad records counted, restarts skipping finished
units, and the Parquet output loaded into SQLite. Skipped, with the reason, where pyspark or
Java is missing; the allsides test also where ../shared is."""

from __future__ import annotations

import gzip
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from newsprism.errors import MissingDependencyError

from .conftest import REPO, SHARED

DEV = REPO / "tests" / "gold" / "dev" / "articles"
ALLSIDES = SHARED / "data" / "allsides_baly2020" / "articles.jsonl.gz"
#: articles of allsides_baly2020 the equality test reads: over block_above (500), so the
#: Spark job blocks, scores and clusters component by component
ALLSIDES_N = 1200


def _spark_missing() -> str | None:
    from newsprism.spark import require_spark

    try:
        require_spark()
    except MissingDependencyError as exc:
        return str(exc)
    return None


@pytest.fixture(scope="module")
def spark():
    missing = _spark_missing()
    if missing:
        pytest.skip(missing)
    from newsprism.spark import session

    s = session("local[2]", conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"})
    yield s
    s.stop()


def _local(paths, db: Path, **kwargs):
    from newsprism.corpus import group_corpus, ingest

    ingest([str(p) for p in paths], db=db, workers=1, **kwargs)
    return group_corpus(db=db, options=kwargs.get("group_options"))


def _stories(grouping) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((s.id, s.articles, s.origins) for s in grouping.stories)


# ------------------------------------------------------------------ no Spark needed


def test_a_missing_extra_or_java_is_one_line_naming_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from newsprism.spark import require_spark

    real = builtins.__import__

    def no_pyspark(name, *args, **kwargs):
        if name == "pyspark" or name.startswith("pyspark."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyspark)
    with pytest.raises(MissingDependencyError, match=r"pip install 'newsprism\[spark\]'$"):
        require_spark()
    monkeypatch.setattr(builtins, "__import__", real)
    if _spark_missing():
        pytest.skip(_spark_missing())
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(MissingDependencyError, match="Java 17") as caught:
        require_spark()
    assert "\n" not in str(caught.value) and "JAVA_HOME" in str(caught.value)
    require_spark(java=False)  # import reads Parquet without Java


def test_the_cli_names_the_fix_without_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    import newsprism.spark as backend
    from newsprism.cli import main

    def missing(*, java: bool = True) -> None:
        raise MissingDependencyError("the Spark backend needs the spark extra: pip install 'newsprism[spark]'")

    monkeypatch.setattr(backend, "require_spark", missing)
    result = CliRunner().invoke(main, ["import", str(tmp_path), "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "newsprism: error: the Spark backend needs the spark extra: pip install 'newsprism[spark]'"
    ]


def test_a_local_jvm_writes_its_class_archive_once_then_reads_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The first local JVM is told to write the class-data-sharing archive when it exits (and
    takes a lock, so that a second JVM started meanwhile neither writes nor reads it); once the
    archive is whole (its header, written last, starts with the magic) JVMs read it and the
    lock goes; a part left by a JVM that died is written again once its lock is stale."""
    import os

    from newsprism.spark import _jvm

    monkeypatch.setenv("NEWSPRISM_SPARK_CDS", "1")
    path = tmp_path / "cache" / "classes.jsa"
    lock = path.with_name("classes.jsa.lock")
    first = _jvm.archive_options(path)
    assert first == f"-XX:ArchiveClassesAtExit={path} {_jvm.QUIET}" and lock.exists()
    assert _jvm.archive_options(path) == ""  # being written: neither written again nor read
    path.write_bytes(b"\0" * 64)  # the JVM writes the header last
    assert _jvm.archive_options(path) == ""
    path.write_bytes(_jvm.ARCHIVE_MAGIC + b"\0" * 60)
    assert _jvm.archive_options(path) == f"-XX:SharedArchiveFile={path} {_jvm.QUIET}"
    assert not lock.exists()
    # a JVM that died while writing: its lock is taken over after a day, its part removed
    path.write_bytes(b"\0" * 64)
    lock.touch()
    old = lock.stat().st_mtime - _jvm.STALE_LOCK_SECONDS - 60
    os.utime(lock, (old, old))
    assert _jvm.archive_options(path).startswith("-XX:ArchiveClassesAtExit=") and not path.exists()
    assert lock.stat().st_mtime > old
    monkeypatch.delenv("NEWSPRISM_SPARK_CDS")  # off unless asked for
    assert _jvm.archive_options(tmp_path / "other.jsa") == "" and not (tmp_path / "other.jsa.lock").exists()
    monkeypatch.setenv("NEWSPRISM_SPARK_CDS", "0")
    assert _jvm.archive_options(tmp_path / "other.jsa") == "" and not (tmp_path / "other.jsa.lock").exists()
    # an unwritable cache: no archive, no error
    monkeypatch.setenv("NEWSPRISM_SPARK_CDS", "1")
    (tmp_path / "file").write_text("")
    assert _jvm.archive_options(tmp_path / "file" / "classes.jsa") == ""


def test_the_class_archive_is_only_for_a_jvm_newsprism_starts_locally(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The archive's options join the local JVM options only where asked (this process starts
    the JVM, the caller gave no JVM options of their own); a cluster's master gets none of
    them. Its name carries Spark's and Java's versions; it lives in newsprism's cache."""
    if _spark_missing():
        pytest.skip(_spark_missing())
    import pyspark

    from newsprism.spark import JAVA_OPTIONS, _jvm, _local_defaults

    monkeypatch.setenv("NEWSPRISM_SPARK_CDS", "1")
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    plain = _local_defaults("local[2]")[JAVA_OPTIONS]
    assert "Archive" not in plain and not (tmp_path / "spark").exists()
    assert _local_defaults("yarn", archive=True) == {} and not (tmp_path / "spark").exists()
    path = _jvm.archive_path()
    assert path is not None and path.parent == tmp_path / "spark"
    assert f"spark-{pyspark.__version__}-java-" in path.name
    told = _local_defaults("local[2]", archive=True)[JAVA_OPTIONS]
    assert told == f"{plain} -XX:ArchiveClassesAtExit={path} {_jvm.QUIET}"
    monkeypatch.setattr(_jvm, "_java_home", lambda: None)
    assert _jvm.archive_path() is None and _local_defaults("local[2]", archive=True)[JAVA_OPTIONS] == plain


def test_jsonl_parts_together_are_the_file(tmp_path: Path) -> None:
    from newsprism.readers import JSONL_PART_LINES, iter_jsonl

    lines = [json.dumps({"title": f"Report {n}", "text": f"Body number {n} of the pile."}) for n in range(150)]
    lines[70] = "{not json"
    lines[3] = ""
    path = tmp_path / "pile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def seen(records):
        return [(r.source, getattr(r, "title", None), getattr(r, "problem", None)) for r in records]

    whole = seen(iter_jsonl(path))
    for parts in (2, 3):
        got = [r for k in range(parts) for r in seen(iter_jsonl(path, part=(k, parts)))]
        assert sorted(got) == sorted(whole)
        # part k holds whole blocks of lines, its records numbered as in the file
        first = seen(iter_jsonl(path, part=(1, parts)))
        assert first[0][0] == f"{path}:{JSONL_PART_LINES + 1}"
    assert any(p and "not valid JSON" in p for _, _, p in whole)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert [r.problem for r in iter_jsonl(empty, part=(0, 2))] == ["is empty"]
    assert list(iter_jsonl(empty, part=(1, 2))) == []


def test_a_grouping_pass_freezes_the_heap_and_collects_its_own_cycles() -> None:
    """A grouping pass in a Python worker (``_frozen_heap``) moves what the worker held before
    out of the cyclic collector's way, and collects the cycles the pass left when it ends
    (automatic collection off here, so only that collection can free them)."""
    import gc
    import weakref

    from newsprism.spark import _frozen_heap

    class Node:
        other: object = None

    left: list[weakref.ref[Node]] = []

    def rows():
        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle, garbage once the pass ends
        left.append(weakref.ref(a))
        yield 1
        yield 2

    gc.unfreeze()
    gc.disable()
    try:
        assert list(_frozen_heap(rows())) == [1, 2]
        assert gc.get_freeze_count() > 0
        assert left[0]() is None
    finally:
        gc.enable()
        gc.unfreeze()


@pytest.mark.parametrize("batch", [None, 7])
def test_the_pair_passes_find_the_local_candidate_pairs(batch: int | None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The two Python passes that make the candidate pairs of ``spark group`` (per blocking
    term or band key, then per article), fed as Spark feeds them (sorted, in batches that
    split the groups), find exactly the local grouping's candidate pairs, near-duplicates and
    date windows, on a pile built to hold common terms, week keys, undated articles and
    signatures sharing bands; also when they send their pairs on a few at a time (a key's
    holders over several batches)."""
    pa = pytest.importorskip("pyarrow")
    import pickle
    import random

    import numpy as np

    import newsprism.spark as backend
    from newsprism.grouping import (
        GroupOptions,
        _candidates,
        _day,
        _near_duplicate_pairs,
        _signatures,
        _tfidf_rows,
        band_keys,
        block_cap,
        near_duplicate,
        pile_stats,
    )
    from newsprism.model import GroupFeatures

    if batch is not None:
        monkeypatch.setattr(backend, "SHARED_BATCH", batch)
    rng = random.Random(7)
    opts = GroupOptions(max_block=12)
    words = [f"w{k}" for k in range(60)]
    feats = []
    for k in range(160):
        day = rng.choice([None, *range(1, 40)])
        published = None if day is None else f"2020-01-{day:02d}" if day <= 31 else f"2020-02-{day - 31:02d}"
        terms = tuple((w, rng.randint(1, 3)) for w in sorted(rng.sample(words[: 10 + k % 50], 8)))
        sig = np.array([rng.getrandbits(32) for _ in range(64)], dtype="<u4")
        if k % 9 == 0 and feats:  # a near-duplicate of an earlier article (or sharing bands only)
            sig = np.frombuffer(feats[-1].minhash, dtype="<u4").copy()
            sig[: 8 * (k % 5)] = rng.getrandbits(32)
        feats.append(GroupFeatures(f"{k * 7919:016x}", "m", published, "", terms, sig.tobytes(), b""))
    feats.sort(key=lambda f: f.id)
    stats = pile_stats(feats)
    _, doc, term, _ = _tfidf_rows([f.terms for f in feats], opts)
    days = [_day(f.published) for f in feats]
    dups = _near_duplicate_pairs(_signatures(feats), opts.near_duplicate)
    local = {(feats[i].id, feats[j].id) for i, j in _candidates(doc, term, days, opts) | dups}

    def split(table, size):
        return iter(table.to_batches(max_chunksize=size))

    article = pa.Table.from_pydict(
        {
            "num": [backend._number(f.id) for f in feats],
            "published": [f.published for f in feats],
            "bands": [[str(k) for k in keys] for keys in band_keys(feats)],
            "blob": [pickle.dumps(f) for f in feats],
        }
    )
    postings = pa.Table.from_batches(list(backend._posting_batches(split(article, 16), stats, opts)))
    # sorted by a hash of band and key, as Spark sorts them; here one of 5 values, so that
    # many keys share a hash and the pass must part them
    hashes = [
        (b * 31 + sum(map(ord, k))) % 5
        for b, k in zip(postings["band"].to_pylist(), postings["key"].to_pylist(), strict=True)
    ]
    postings = postings.append_column("h", pa.array(hashes, pa.int64())).sort_by([("h", "ascending")])
    shared = pa.Table.from_batches(list(backend._shared_batches(split(postings, 7), block_cap(len(feats), opts))))
    shared = shared.sort_by([("a", "ascending")])
    need = 2 * opts.min_shared
    pairs = pa.Table.from_batches(list(backend._pair_batches(split(shared, 5), need, opts.window_days))).to_pylist()
    by_num = {backend._number(f.id): f for f in feats}
    found = set()
    for p in pairs:
        fa, fb = by_num[p["a"]], by_num[p["b"]]
        da, db = _day(fa.published), _day(fb.published)
        assert p["apart"] == (da is not None and db is not None and abs(da - db) > opts.window_days)
        if p["w"] >= need or (p["near"] and near_duplicate(fa.minhash, fb.minhash, opts.near_duplicate)):
            found.add((fa.id, fb.id))
    assert found == local
    # the pile exercises what it was built for: pairs by week keys (weight 1), by whole keys,
    # near-duplicates, pairs further apart than the window
    weights = set(shared.column("w").to_pylist())
    assert {0, 1, 2} <= weights and len(local) > 50 and len(dups) >= 3 and any(p["apart"] for p in pairs)


# ------------------------------------------------------------------ Spark local mode


def test_dev_gold_set_same_stories_ids_and_comparisons(spark, tmp_path: Path) -> None:
    from newsprism import spark as backend
    from newsprism.corpus import compare_story
    from newsprism.store import Store

    local = _local([DEV], tmp_path / "local.db")
    out = str(tmp_path / "out")
    summary = backend.ingest([str(DEV)], out, spark=spark)
    assert (summary.processed, summary.failed, summary.skipped) == (len(list(DEV.iterdir())), 0, 0)
    grouping = backend.group(out, spark=spark)
    assert _stories(grouping) == _stories(local)
    assert {k: grouping.stats[k] for k in local.stats} == local.stats
    assert max(len(s.articles) for s in grouping.stories) >= 3

    compared = backend.compare(out, spark=spark, limit=2)
    assert (compared.compared, compared.failed) == (2, 0)
    import pyarrow.parquet as pq

    rows = pq.read_table(tmp_path / "out" / "comparisons").to_pylist()
    assert len(rows) == 2
    for row in rows:
        mine = compare_story(row["story"], db=tmp_path / "local.db")
        assert json.loads(row["json"]) == mine.to_dict()
        assert row["key"] == compared.key

    # newsprism import: the store holds what the local backend stored
    db = tmp_path / "imported.db"
    loaded = backend.import_output(out, db=db)
    assert (loaded.articles, loaded.stories, loaded.comparisons) == (summary.processed, len(local.stories), 2)
    with Store(db) as mine, Store(tmp_path / "local.db") as theirs:
        assert mine.assignments() == theirs.assignments()
        assert mine.origins() == theirs.origins()
        assert [r.to_dict() for r in mine.stories()] == [r.to_dict() for r in theirs.stories()]
        assert mine.count_articles() == theirs.count_articles()
        assert len(mine.quotes()) == len(theirs.quotes()) > 0
        assert mine.load_comparison(rows[0]["story"], compared.key) == rows[0]["json"]


def test_blocking_path_on_the_dev_set(spark, tmp_path: Path) -> None:
    """With ``block_above`` below the pile's size, the job finds candidate pairs with
    shuffles, scores them, and clusters component by component: still the local result."""
    from newsprism import spark as backend
    from newsprism.grouping import GroupOptions, cluster
    from newsprism.store import Store

    opts = replace(GroupOptions(), block_above=10)
    out = str(tmp_path / "out")
    backend.ingest([str(DEV)], out, spark=spark, options=backend.UnitOptions(quotes=False))
    grouping = backend.group(out, spark=spark, options=opts)
    _local([DEV], tmp_path / "local.db", quotes=False)
    with Store(tmp_path / "local.db") as store:
        feats, _ = store.group_features(backend_features_method(opts))
    local = cluster(feats, options=opts)
    assert _stories(grouping) == _stories(local)
    assert grouping.stats["candidate_pairs"] == local.stats["candidate_pairs"] < 59 * 58 // 2
    assert grouping.stats["blocks"] > 1 and grouping.stats["largest_block"] < 59


def test_a_session_in_a_running_jvm_takes_no_class_archive(
    spark, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Once this process runs a JVM, a new session is served by it: its JVM options cannot
    apply, so no archive is asked for (nor its lock taken)."""
    from newsprism.spark import _starts_jvm, session

    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path))
    monkeypatch.setenv("NEWSPRISM_SPARK_CDS", "1")
    assert not _starts_jvm()
    assert session("local[2]").sparkContext is spark.sparkContext
    assert not (tmp_path / "spark").exists()


def test_the_drivers_tables_reach_spark_whole_and_share_one_worker_pool(spark) -> None:
    """The tables the driver makes (ids read twice, blocks) go to the JVM as Arrow:
    the same rows and types as the schema says, none too; and the session keeps one pool of
    Python workers (no SQL-only environment variable)."""
    from newsprism.spark import ONE_WORKER_POOL, _frame

    ddl = "id string, articles array<string>, origins array<string>, size int"
    rows = [("s1", ["a", "b"], ["a"], 2), ("s2", [], [], 0), ("s3", ["c"], ["c"], 1)]
    frame = _frame(spark, rows, ddl)
    assert frame.schema.simpleString() == "struct<id:string,articles:array<string>,origins:array<string>,size:int>"
    assert sorted(tuple(r) for r in frame.collect()) == rows
    empty = _frame(spark, [], "file long, record long, part string")
    assert empty.count() == 0 and empty.columns == ["file", "record", "part"]
    for key, value in ONE_WORKER_POOL.items():
        assert spark.conf.get(key) == value


@pytest.mark.parametrize("driver", [True, False])
def test_an_article_read_twice_is_grouped_once(
    spark, tmp_path: Path, driver: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows of one id in two parts of the output (a unit's file copied): the first read is
    kept, and the stories and statistics are those of the articles read once; their share of
    the statistics taken off by the driver (a few rows) or by a Spark job (more)."""
    from newsprism import spark as backend
    from newsprism.grouping import GroupOptions

    if not driver:
        monkeypatch.setattr(backend, "DRIVER_DROPPED", 0)
    calls: list[int] = []
    read_by_driver = backend._dropped_stats
    monkeypatch.setattr(backend, "_dropped_stats", lambda *a: calls.append(1) or read_by_driver(*a))

    opts = replace(GroupOptions(), block_above=10)
    out = tmp_path / "out"
    backend.ingest([str(DEV)], str(out), spark=spark, options=backend.UnitOptions(quotes=False))
    once = backend.group(str(out), spark=spark, options=opts)
    shutil.rmtree(out / "stories")
    part = sorted((out / "articles").glob("*.parquet"))[0]
    shutil.copy(part, out / "articles" / f"copy-{part.name}")
    twice = backend.group(str(out), spark=spark, options=opts)
    assert _stories(twice) == _stories(once)
    assert twice.stats == once.stats

    # copies read after the first rows, with other features (another article's terms, no
    # date): left out, and what they added to the statistics taken off again, not what the
    # rows kept hold
    import pyarrow as pa
    import pyarrow.parquet as pq

    shutil.rmtree(out / "stories")
    (out / "articles" / f"copy-{part.name}").unlink()
    for k, path in enumerate(sorted((out / "articles").glob("*.parquet"))[:2]):
        table = pq.read_table(path)
        terms = table.column("f_terms").to_pylist()
        table = table.set_column(table.schema.get_field_index("f_terms"), "f_terms", pa.array(terms[1:] + terms[:1]))
        table = table.set_column(
            table.schema.get_field_index("published"), "published", pa.array([None] * len(table), pa.string())
        )
        pq.write_table(table, out / "articles" / f"zz-copy-{k}.parquet")
    changed = backend.group(str(out), spark=spark, options=opts)
    assert _stories(changed) == _stories(once)
    assert changed.stats == once.stats
    assert bool(calls) == driver


def backend_features_method(opts):
    from newsprism.grouping import features_method

    return features_method(opts)


def test_bad_records_are_counted_and_restarts_skip_finished_units(spark, tmp_path: Path) -> None:
    from newsprism import spark as backend

    src = tmp_path / "in"
    src.mkdir()
    good = [
        json.dumps({"title": "Harbour crane collapses in Veldmark storm", "text": _body("crane", n)}) for n in range(5)
    ]
    (src / "a.jsonl").write_text("\n".join([good[0], "{this is not json", good[1], json.dumps({"title": "x"})]) + "\n")
    (src / "b.jsonl").write_text("\n".join(good[2:]) + "\n")
    (src / "c.txt").write_text("Only a headline\n\n", encoding="utf-8")
    out = str(tmp_path / "out")
    first = backend.ingest([str(src)], out, spark=spark, options=backend.UnitOptions(quotes=False))
    assert (first.processed, first.failed, first.skipped, first.units) == (5, 3, 0, 3)
    reasons = dict(first.errors)
    assert reasons[f"{src}/a.jsonl:2"].startswith("line is not valid JSON")
    assert "neither a non-empty 'text' nor 'html'" in reasons[f"{src}/a.jsonl:4"]
    assert str(src / "c.txt") in reasons

    again = backend.ingest([str(src)], out, spark=spark, options=backend.UnitOptions(quotes=False))
    assert (again.processed, again.failed, again.skipped, again.units, again.units_skipped) == (0, 0, 8, 0, 3)

    done = sorted((tmp_path / "out" / "done").iterdir())
    one = json.loads(done[0].read_text())
    done[0].unlink()  # as if the task writing it had died
    third = backend.ingest([str(src)], out, spark=spark, options=backend.UnitOptions(quotes=False))
    assert (third.units, third.units_skipped) == (1, 2)
    assert (third.processed, third.failed) == (one["processed"], one["failed"])
    assert third.skipped == 8 - one["processed"] - one["failed"]
    assert len(list((tmp_path / "out" / "articles").glob("*.parquet"))) == 3


def _body(word: str, n: int) -> str:
    return (
        f"The {word} on pier {n} fell into the water during the storm on Tuesday night, the port authority said. "
        f"Nobody was hurt, but the pier will stay closed for {n + 2} weeks while divers inspect the wreck.\n"
        f"Workers had secured the {word} before the storm, a spokesman for the operator told reporters."
    )


@pytest.mark.slow
def test_allsides_same_stories_as_local(spark, tmp_path: Path) -> None:
    """A few thousand real articles (``ALLSIDES_N``; read from ../shared, never copied into
    the repository): the same stories, ids and origins as the local backend."""
    if not ALLSIDES.exists():
        pytest.skip(f"{ALLSIDES} is not here")
    from newsprism import spark as backend

    pile = tmp_path / "allsides.jsonl"
    with gzip.open(ALLSIDES, "rt", encoding="utf-8") as src, pile.open("w", encoding="utf-8") as dst:
        for n, line in enumerate(src):
            if n >= ALLSIDES_N:
                break
            dst.write(line)
    local = _local([pile], tmp_path / "local.db", quotes=False)
    out = str(tmp_path / "out")
    summary = backend.ingest(
        [str(pile)], out, spark=spark, options=backend.UnitOptions(quotes=False), split_bytes=2 << 20
    )
    assert summary.units > 1  # the file was read by several tasks
    grouping = backend.group(out, spark=spark)
    assert summary.processed == local.stats["articles"]
    assert _stories(grouping) == _stories(local)
    assert {k: grouping.stats[k] for k in local.stats} == local.stats
    assert grouping.stats["blocks"] > 10 and grouping.stats["largest_block"] < ALLSIDES_N // 4


def test_the_docs_commands_run(spark, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/spark.md's commands, run as written (in a copy of the repository's layout: the
    dev gold set under tests/gold/dev), on this module's Spark session."""
    import re

    from click.testing import CliRunner

    from newsprism.cli import main

    doc = (REPO / "docs" / "spark.md").read_text(encoding="utf-8")
    commands = re.findall(r"^ {4}newsprism (.+)$", doc, flags=re.M)
    assert [c.split()[0] for c in commands] == ["spark", "spark", "spark", "import", "stories"]
    (tmp_path / "tests" / "gold" / "dev").mkdir(parents=True)
    shutil.copytree(DEV, tmp_path / "tests" / "gold" / "dev" / "articles")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    outputs = []
    for command in commands:
        args = [a.strip("'") for a in command.split()]
        result = runner.invoke(main, args)
        assert result.exit_code == 0, (command, result.output)
        outputs.append(result.stdout)
    assert outputs[0].startswith("59 processed, 0 failed, 0 skipped")
    assert outputs[2].startswith("5 compared, 0 failed")
    assert "59 added" in outputs[3] and len(outputs[4].strip().splitlines()) == len(
        json.loads(runner.invoke(main, ["spark", "group", "--out", "out/spark", "-f", "json"]).stdout)["stories"]
    )


def test_a_units_salt_names_the_method_of_its_marks() -> None:
    """A new framing version (framing.v3) makes the units again, as it does a local store's marks."""
    from newsprism.framing import corpus_marks_method
    from newsprism.spark._units import UnitOptions

    assert corpus_marks_method() in UnitOptions().salt()
    assert corpus_marks_method() not in UnitOptions(framing=False).salt()
    assert UnitOptions().salt() != UnitOptions(framing=False).salt()
