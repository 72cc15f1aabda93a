"""The corpus path on Apache Spark: ``ingest``, ``group`` and ``compare`` over a pile too large
for one machine, with the same results as the local path (:mod:`newsprism.corpus`).

    from newsprism import spark
    summary = spark.ingest(["crawl/*.warc.gz"], "out/")   # articles/ done/ under out/
    grouping = spark.group("out/")                          # stories/
    compared = spark.compare("out/")                        # comparisons/
    spark.import_output("out/", db="news.db")               # into SQLite for browsing

Spark only schedules and shuffles; every step calls the local library functions:

- **ingest**: each task reads one unit (an input file, a part of a large JSONL file, a
  partition of a Parquet input) with the local readers and prepares its records with the
  local ingest's step (:func:`newsprism.pipeline.prepare_many`: cleaning, segmentation,
  grouping features, quotations, framing marks), and writes ``articles/<unit>.parquet``, then
  ``done/<unit>.json`` with its counts and the one-line error of each bad record. A bad record
  never fails the job; a rerun skips the units that have a ``done`` file.
- **group**: the pile statistics the IDF needs (:class:`newsprism.grouping.PileStats`) by a
  Spark aggregation, the rows of an id read twice found in the same query; candidate pairs
  by the local grouping's own term blocking (:func:`~newsprism.grouping.blocking_terms`,
  :func:`~newsprism.grouping.blocking_keys`) and MinHash bands
  (:func:`~newsprism.grouping.band_keys`): a shuffle by term or band key and one by article,
  each followed by a Python pass; the pairs clustering takes scored in
  a task (:func:`~newsprism.grouping.kept_pairs`), grouped by their first article's
  partition so that each article's features reach a group once, and their connected
  components found (on the driver); each component clustered by
  :func:`~newsprism.grouping.cluster_block` in a task, and the stories named by
  :func:`~newsprism.grouping.name_stories`. Clusters only merge along candidate pairs, so the
  stories are exactly the local ones: the same articles, the same ids.
- **compare**: each story's articles joined to it, and :func:`newsprism.compare` per story.

pyspark (and Java 17) are needed only here: ``pip install 'newsprism[spark]'``. See
docs/spark.md for ``spark-submit`` and the settings that matter.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import MissingDependencyError, NewsprismError
from ..grouping import GroupOptions
from ..model import Grouping
from ._rows import ImportSummary, import_output
from ._units import SPLIT_BYTES, Unit, UnitOptions, UnitResult

#: errors of bad records a job brings back to the driver to show (all are in ``done/``)
SHOWN_ERRORS = 20


def require_spark(*, java: bool = True) -> None:
    """Raise :class:`MissingDependencyError` (one line naming the fix) when pyspark, pyarrow
    or (with ``java``) Java is missing."""
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError:
        raise MissingDependencyError(
            "the Spark backend needs the spark extra: pip install 'newsprism[spark]'"
        ) from None
    if not java:
        return
    home = os.environ.get("JAVA_HOME")
    if not (home and os.path.exists(os.path.join(home, "bin", "java"))) and not shutil.which("java"):
        raise MissingDependencyError(
            "Spark needs Java 17 or newer: install it (apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
        )


def session(master: str | None = None, *, conf: dict[str, str] | None = None) -> Any:
    """A SparkSession: the one ``spark-submit`` made, else a local one on ``master`` (default
    ``local[*]``). Executors run this Python (``PYSPARK_PYTHON``) unless told otherwise."""
    require_spark()
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsprism")
    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    if master is not None:
        builder = builder.master(master)
    conf = conf or {}
    local = _local_defaults(master, archive=_starts_jvm() and JAVA_OPTIONS not in conf)
    settings = {"spark.ui.showConsoleProgress": "false", **ONE_WORKER_POOL, **local, **conf}
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


#: Spark keeps one pool of Python workers per environment, and its simplified tracebacks of
#: SQL Python functions add a variable to the SQL workers' environment: on, the grouping's SQL
#: steps start a second daemon and workers on each executor (each importing pyspark, pyarrow
#: and newsprism again) beside those that ran the ingest's tasks or the RDD steps. Off, every
#: step of a job is served by the same workers; an error in a task shows its whole traceback
#: (newsprism catches a bad record's errors itself). Set on every session, local or not.
ONE_WORKER_POOL = {"spark.sql.execution.pyspark.udf.simplifiedTraceback.enabled": "false"}


#: the setting that carries the options of the JVM a local master runs in
JAVA_OPTIONS = "spark.driver.extraJavaOptions"


def _starts_jvm() -> bool:
    """Whether a session made now starts a JVM (none yet in this process, none given by
    ``spark-submit``), so that the local JVM options take effect."""
    from pyspark import SparkContext

    return SparkContext._gateway is None and "PYSPARK_GATEWAY_PORT" not in os.environ


def _local_defaults(master: str | None, *, archive: bool = False) -> dict[str, str]:
    """Settings for a local master: as many SQL shuffle partitions as two per core (Spark's
    200 make hundreds of tiny Python tasks on one machine; a cluster sets its own), and a JVM
    of 1 GB and 1 GB per core (its default of 1 GB in all makes the grouping's joins spill to
    disk: the JVM is the executors too), its code compiled by the JVM's quick compiler alone
    (the optimising one costs more CPU than it saves in a job of minutes: about 43 against 54
    CPU seconds of the JVM grouping allsides_baly2020) and its memory collected by the
    parallel collector (G1's concurrent threads cost more CPU in a short job whose heap is
    mostly young garbage). With ``archive`` (this process starts the JVM, and ``conf`` leaves
    its options to newsprism), the JVM also reads its classes from a class-data-sharing
    archive in newsprism's cache, written by the first such JVM when it exits
    (:mod:`newsprism.spark._jvm`). Applied when this process starts the JVM; ``conf`` given
    to :func:`session` overrides them."""
    if not master or not master.startswith("local"):
        return {}
    inside = master[master.find("[") + 1 : master.find("]")] if "[" in master else "1"
    cores = (os.cpu_count() or 1) if inside.strip() in ("*", "") else int(inside.split(",")[0])
    java = "-XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
    if archive:
        from ._jvm import archive_options

        java = f"{java} {archive_options()}".strip()
    return {
        "spark.sql.shuffle.partitions": str(max(2, 2 * cores)),
        "spark.driver.memory": f"{1 + cores}g",
        JAVA_OPTIONS: java,
    }


# ------------------------------------------------------------------ ingest


@dataclass(frozen=True)
class SparkIngestSummary:
    """What ``spark ingest`` did: records made into articles (``processed``), bad records
    (``failed``, the first of their errors in ``errors``; all are in ``done/``), and records of
    units an earlier run finished (``skipped``); units run and units skipped."""

    processed: int
    failed: int
    skipped: int
    units: int
    units_skipped: int
    errors: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "processed": self.processed,
            "failed": self.failed,
            "skipped": self.skipped,
            "units": self.units,
            "units_skipped": self.units_skipped,
            "errors": [{"source": s, "reason": r} for s, r in self.errors],
            "seconds": round(self.seconds, 3),
        }


def ingest(
    inputs: Iterable[str],
    out: str,
    *,
    spark: Any = None,
    options: UnitOptions | None = None,
    split_bytes: int = SPLIT_BYTES,
) -> SparkIngestSummary:
    """Read and prepare every record of ``inputs`` (files, folders, JSONL, WARC, feeds,
    Parquet; any path or URI pyarrow's file systems open: local, ``hdfs://``, ``s3://``) and
    write the articles as Parquet under ``out`` (see the module docstring). A JSONL file is
    read by one task per ``split_bytes`` of it."""
    opts = options or UnitOptions()
    started = time.perf_counter()
    out = _where(out)
    units = _units(inputs, split_bytes)
    spark = spark or session()
    sc = spark.sparkContext
    salt = opts.salt()
    done = _done(out)
    processed, failed = sc.accumulator(0), sc.accumulator(0)
    results: list[dict[str, Any]] = []
    skipped: list[UnitResult] = []

    def counted(result: UnitResult) -> dict[str, Any]:
        processed.add(result.processed)
        failed.add(result.failed)
        return {**result.to_dict(), "errors": result.to_dict()["errors"][:SHOWN_ERRORS]}

    files = [u for u in units if u.kind == "file"]
    todo = [u for u in files if u.key(salt) not in done]
    skipped += [done[u.key(salt)] for u in files if u.key(salt) in done]
    if todo:
        from ._units import run_unit

        def run_files(it: Iterator[Unit]) -> Iterator[dict[str, Any]]:
            for unit in it:
                yield counted(run_unit(unit, out, opts))

        results += sc.parallelize(todo, len(todo)).mapPartitions(run_files).collect()
    for unit in (u for u in units if u.kind == "parquet"):
        frame = spark.read.parquet(unit.at or unit.path)
        parts = frame.rdd.getNumPartitions()
        keys = {k: Unit(unit.path, unit.file, k, parts, "parquet").key(salt) for k in range(parts)}
        skipped += [done[key] for key in keys.values() if key in done]
        wanted = {k for k, key in keys.items() if key not in done}
        if wanted:
            task = _parquet_task(unit, parts, wanted, out, opts, counted)
            results += frame.rdd.mapPartitionsWithIndex(task).collect()
    errors = tuple((e["source"], e["reason"]) for r in results for e in r["errors"])[:SHOWN_ERRORS]
    return SparkIngestSummary(
        processed=processed.value,
        failed=failed.value,
        skipped=sum(r.processed + r.failed for r in skipped),
        units=len(results),
        units_skipped=len(skipped),
        errors=errors,
        seconds=time.perf_counter() - started,
    )


def _where(out: str) -> str:
    """An output folder as the executors must be told it: a local path made absolute (they
    need not share the driver's working folder)."""
    return str(out) if "://" in str(out) else os.path.abspath(out)


def _units(inputs: Iterable[str], split_bytes: int) -> list[Unit]:
    from ._units import list_inputs

    require_spark()
    return list_inputs([str(i) for i in inputs], split_bytes)


def _done(out: str) -> dict[str, UnitResult]:
    from ._units import done_units

    return done_units(out)


def _parquet_task(unit: Unit, parts: int, wanted: set[int], out: str, opts: UnitOptions, counted: Any) -> Any:
    from ._units import run_unit

    def task(k: int, rows: Iterator[Any]) -> Iterator[dict[str, Any]]:
        if k not in wanted:
            return
        part = Unit(unit.path, unit.file, k, parts, "parquet")
        records = ({n: _plain(v) for n, v in row.asDict().items()} for row in rows)
        yield counted(run_unit(part, out, opts, rows=records))

    return task


def _plain(value: Any) -> Any:
    """A Parquet value as JSON would hold it: dates and times as ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else value


# ------------------------------------------------------------------ group


def _article_frame(spark: Any, out: str) -> Any:
    """The Parquet article rows ``spark ingest`` wrote under ``out``; one line naming ``out``
    when there are none."""
    from ._units import join

    try:
        return spark.read.parquet(join(out, "articles"))
    except Exception as exc:  # AnalysisException: no such folder, no Parquet in it
        raise NewsprismError(
            f"{out}: no articles to read ({type(exc).__name__}); run newsprism spark ingest first"
        ) from None


def _articles(spark: Any, out: str, columns: Iterable[str]) -> Any:
    """The article rows under ``out`` (an RDD of dicts, one per article id: of rows with one
    id, the first read, as ``ingest`` keeps the first)."""

    frame = _article_frame(spark, out)
    rows = frame.select(*columns).rdd.map(lambda r: (r["id"], r.asDict()))
    return rows.reduceByKey(_first_read).values()


def _first_read(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return a if (a["file"], a["record"]) <= (b["file"], b["record"]) else b


def group(
    out: str, *, spark: Any = None, options: GroupOptions | None = None, partitions: int | None = None
) -> Grouping:
    """Group the articles under ``out`` (written by :func:`ingest`) into stories and write
    them to ``out/stories`` (Parquet: ``id``, ``articles``, ``origins``, ``size``). Stories
    written there before keep their ids as new articles join them. ``partitions``: tasks of
    the clustering step (default: Spark's default parallelism). The result's ``stats`` are
    the local grouping's, with ``blocks`` (components of two or more articles),
    ``largest_block`` (articles in the largest, which one task clusters), ``kept_pairs`` (the
    candidate pairs clustering takes, which the driver joins into components) and
    ``pile_terms`` (terms held by two or more articles: the statistics every task is sent)."""
    from ..grouping import GROUP_VERSION, PileStats, features_method, name_stories
    from ._units import join

    opts = options or GroupOptions()
    out = _where(out)
    spark = spark or session()
    sc = spark.sparkContext
    method = features_method(opts)
    rows = _group_rows(spark, out)
    previous = _previous(spark, join(out, "stories"))
    # one pass of Python over the article rows: each article's light columns and place, and
    # the pile statistics of each task's articles (rows of their own kind, summed below)
    light = rows.drop("f_grams")  # origins only: read when a block is clustered
    prepared = light.mapInArrow(
        lambda it: _frozen_heap(_prepared_batches(it, opts)), _spark_schema(_PREPARED)
    ).persist()
    try:
        # the pile statistics in one aggregation (document frequencies of 1 are left out: a
        # term missing from a table is held by one article), with the features' methods; in
        # the same query, the places of the rows of an id read before (kind ``d``)
        from pyspark.sql import Window
        from pyspark.sql import functions as F
        from pyspark.sql.types import LongType

        kind = F.col("kind")
        counted = prepared.where(kind != "a").groupBy("kind", "name").agg(F.sum("count").alias("count"))
        first = Window.partitionBy("id").orderBy("file", "record", "part")
        placed = prepared.where(kind == "a").select("id", "file", "record", "part")
        later = placed.withColumn("k", F.row_number().over(first)).where(F.col("k") > 1)
        nothing = F.lit(None).cast(LongType())
        found = _collected(
            counted.where(kind.isin("n", "m", "u") | (F.col("count") > 1))
            .select("kind", "name", "count", nothing.alias("file"), nothing.alias("record"))
            .unionByName(
                later.select(
                    F.lit("d").alias("kind"), F.col("part").alias("name"), nothing.alias("count"), "file", "record"
                )
            )
        )
        tables: dict[str, dict[str, int]] = {"h": {}, "b": {}, "n": {}, "u": {}, "m": {}}
        for k, name, count in zip(found["kind"], found["name"], found["count"], strict=True):
            if k != "d":
                tables[k][name] = count
        art = prepared.where(kind == "a")
        dropped = [
            (f, r, name)
            for k, name, f, r in zip(found["kind"], found["name"], found["file"], found["record"], strict=True)
            if k == "d"
        ]
        if dropped:
            # rows of an id read before (a unit's output copied, an input listed twice): left
            # out, and their share of the statistics taken off (their own rows counted again:
            # a few by the driver itself, read from their Parquet files; more by a Spark job)
            gone = F.broadcast(_frame(spark, dropped, "file long, record long, part string"))
            place = ["file", "record", "part"]
            if len(dropped) <= DRIVER_DROPPED:
                taken = _dropped_stats(dropped, light.columns, opts)
            else:
                again = light.join(gone, place, "left_semi").mapInArrow(
                    lambda it: _frozen_heap(_prepared_batches(it, opts)), _spark_schema(_PREPARED)
                )
                taken = _collected(again.where(kind != "a").groupBy("kind", "name").agg(F.sum("count").alias("count")))
            for k, name, count in zip(taken["kind"], taken["name"], taken["count"], strict=True):
                tables[k][name] = tables[k].get(name, 0) - count
            tables = {k: {t: c for t, c in v.items() if c > (1 if k in ("h", "b") else 0)} for k, v in tables.items()}
            rows = rows.join(gone, place, "left_anti")
            art = art.join(gone, place, "left_anti")
        rows = rows.drop("part")
        other = sorted(m for m in tables["m"] if m != method)
        if other:
            raise NewsprismError(
                f"{out}: its articles have grouping features {other[0]}, not {method}; run newsprism spark ingest "
                "again into a new folder"
            )
        n = tables["n"].get("", 0)
        stats = PileStats(n, tables["h"], tables["u"].get("", 0), tables["b"])
        shared = sc.broadcast(stats)
        zero = {"candidate_pairs": 0, "near_duplicate_pairs": 0, "republication_pairs": 0, "same_credit_joins": 0}
        if n == 0:
            groups: list[Any] = []
            counts = [zero]
            blocks = largest = taken_pairs = 0
        elif n <= opts.block_above:  # the local grouping scores every pair of a small pile
            whole = rows.coalesce(1).mapInArrow(
                lambda it: _frozen_heap(_cluster_batches(it, None, shared.value, opts)), _spark_schema("groups string")
            )
            groups, one = json.loads(_collected(whole)["groups"][0])
            groups = [(tuple(m), tuple(o)) for m, o in groups]
            counts = [one]
            blocks, largest, taken_pairs = 1, n, 0
        else:
            groups, counts, (blocks, largest, taken_pairs) = _group_blocks(spark, rows, art, stats, opts, partitions)
        stories = name_stories(groups, previous)
    finally:
        prepared.unpersist()
    total = {key: sum(c[key] for c in counts) for key in zero}
    grouping_stats = {
        "articles": n,
        **total,
        "stories": len(stories),
        "rejected": 0,
        "blocks": blocks,
        "largest_block": largest,
        "kept_pairs": taken_pairs,
        "pile_terms": len(stats.head_df) + len(stats.body_df),
    }
    _write_stories(join(out, "stories"), stories)
    return Grouping(tuple(stories), GROUP_VERSION, stats=grouping_stats)


#: rows of an id read before up to which the driver reads them itself to take their share off
#: the pile statistics (more: a Spark job, as the statistics pass)
DRIVER_DROPPED = 10_000


def _dropped_stats(dropped: list[tuple[int, int, str]], columns: list[str], opts: GroupOptions) -> dict[str, list[Any]]:
    """The share of the pile statistics of the rows at ``dropped`` (``file``, ``record`` and
    the Parquet file that holds them), as the statistics pass counts it
    (:func:`_prepared_batches` over their ``columns``), read by the driver with pyarrow from
    those files alone: no Spark job. Columns ``kind``, ``name``, ``count``."""
    from collections import Counter

    import pyarrow as pa
    import pyarrow.parquet as pq

    from ._units import filesystem

    wanted: dict[str, set[tuple[int, int]]] = {}
    for file, record, part in dropped:
        wanted.setdefault(part, set()).add((file, record))
    read = [c for c in columns if c != "part"]
    batches = []
    for part, places in sorted(wanted.items()):
        system, local = filesystem(part)
        table = pq.read_table(local, columns=read, filesystem=system)
        keep = [
            p in places for p in zip(table.column("file").to_pylist(), table.column("record").to_pylist(), strict=True)
        ]
        table = table.filter(pa.array(keep)).append_column("part", pa.array([part] * sum(keep), pa.string()))
        batches += table.to_batches()
    totals: Counter[tuple[str, str]] = Counter()
    for batch in _prepared_batches(iter(batches), opts):
        d = batch.to_pydict()
        totals.update({(k, t): c for k, t, c in zip(d["kind"], d["name"], d["count"], strict=True) if k != "a"})
    items = sorted(totals.items())
    return {"kind": [k for (k, _), _ in items], "name": [t for (_, t), _ in items], "count": [c for _, c in items]}


def _frozen_heap(rows: Iterator[Any]) -> Iterator[Any]:
    """The rows of a grouping pass in a Python worker, with the objects the worker held when
    the task began (its imports, the models and tables an ingest in the same worker loaded)
    moved out of the cyclic collector's way (:func:`gc.freeze`; reference counting still frees
    them), and the task's own cycles collected when it ends. A worker that ran an ingest holds
    a large heap, and each full collection walked all of it: the grouping's Python workers
    spent about 10 CPU seconds at 25% of allsides_baly2020 after an ingest, 6.5 with this."""
    import gc

    gc.freeze()
    try:
        yield from rows
    finally:
        gc.collect()


def _frame(spark: Any, rows: list[tuple[Any, ...]], ddl: str) -> Any:
    """A DataFrame of rows the driver holds (the places of rows of an id read before, the
    table of blocks), handed to the JVM as one Arrow table: ``createDataFrame`` of a Python list runs
    a Python task to unpickle the rows (and so starts Python workers where none were needed)."""
    import pyarrow as pa

    schema = _arrow_schema(ddl)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)]
    return spark.createDataFrame(pa.Table.from_arrays(arrays, schema=schema))


def _spark_schema(ddl: str) -> Any:
    """The Spark schema of a schema in DDL (of the few types :func:`_arrow_schema` knows), made
    in Python: a schema given as text is parsed by Spark's SQL parser in the JVM, whose first
    use in a job costs it a fraction of a CPU second (the same holds for an expression or a
    type name given as text, so the grouping gives neither)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(_arrow_schema(ddl))


def _collected(frame: Any) -> dict[str, list[Any]]:
    """The rows of ``frame`` on the driver, column by column, sent as Arrow batches (a plain
    ``collect`` pickles them row by row in the JVM and makes a Row object of each here)."""
    return frame.toArrow().to_pydict()


def _group_rows(spark: Any, out: str) -> Any:
    """What grouping reads of the article rows under ``out``: a DataFrame of
    :data:`~newsprism.spark._rows.GROUP_COLUMNS` and the Parquet part that holds each row
    (``part``), every row read. Of rows with one id, :func:`group` keeps the first read, as
    ``ingest`` keeps the first (then by part), and finds the others in its statistics query."""
    from pyspark.sql import functions as F

    from ._rows import GROUP_COLUMNS

    return _article_frame(spark, out).select(*GROUP_COLUMNS).withColumn("part", F.input_file_name())


#: the rows of the one Python pass over the articles: per article (``kind`` ``a``) its id
#: (and as a number, :func:`_number`, for the joins), date, MinHash band keys, its features
#: for scoring (pickled, the signature with them) and where it was read (``file``,
#: ``record``, ``part``); per task, its share of the pile statistics (``kind`` ``n``, ``u``,
#: ``m``, ``h``, ``b``: its articles, undated ones, features methods, lead and whole-text
#: document frequencies), ``name`` and ``count``
_PREPARED = (
    "kind string, name string, count long, id string, num long, published string, bands array<string>, "
    "blob binary, file long, record long, part string"
)


def _prepared_batches(batches: Iterator[Any], opts: GroupOptions) -> Iterator[Any]:
    """The rows of :data:`_PREPARED` of a task's article rows, a batch at a time; its
    statistics once it has read them all."""
    import pickle
    from collections import Counter

    import pyarrow as pa

    from ..grouping import band_keys, pile_stats
    from ._rows import features_of

    schema = _arrow_schema(_PREPARED)
    totals: Counter[tuple[str, str]] = Counter()
    for batch in batches:
        rows = batch.to_pylist()
        feats = [features_of({**r, "f_grams": b""}) for r in rows]
        part = pile_stats(feats)
        totals.update({("n", ""): part.articles, ("u", ""): part.undated})
        totals.update(("m", f.method) for f in feats)
        totals.update({("h", t): c for t, c in part.head_df.items()})
        totals.update({("b", t): c for t, c in part.body_df.items()})
        m = len(feats)
        yield pa.RecordBatch.from_pydict(
            {
                "kind": ["a"] * m,
                "name": [None] * m,
                "count": [None] * m,
                "id": [f.id for f in feats],
                "num": [_number(f.id) for f in feats],
                "published": [f.published for f in feats],
                "bands": [[str(k) for k in keys] for keys in band_keys(feats)],
                "blob": [pickle.dumps(_for_scoring(f, opts)) for f in feats],
                **{name: [r[name] for r in rows] for name in ("file", "record", "part")},
            },
            schema=schema,
        )
    items = sorted(totals.items())
    for lo in range(0, len(items), 65536):
        chunk = items[lo : lo + 65536]
        m = len(chunk)
        nulls = [None] * m
        yield pa.RecordBatch.from_pydict(
            {
                "kind": [k for (k, _), _ in chunk],
                "name": [t for (_, t), _ in chunk],
                "count": [c for _, c in chunk],
                **{name: nulls for name in ("id", "num", "published", "bands", "blob", "file", "record", "part")},
            },
            schema=schema,
        )


def _number(aid: str) -> int:
    """An article id (16 hexadecimal digits: :func:`newsprism.store.article_id`) as a signed
    64-bit number in the same order, which Spark joins and sorts faster than text."""
    if len(aid) != 16 or aid.strip("0123456789abcdef"):
        raise NewsprismError(f"{aid!r} is not an article id of newsprism ingest (16 hexadecimal digits)")
    return int(aid, 16) - (1 << 63)


def _arrow_schema(ddl: str) -> Any:
    """The pyarrow schema of a Spark schema in DDL (of the few types used here)."""
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "long": pa.int64(),
        "int": pa.int32(),
        "binary": pa.binary(),
        "boolean": pa.bool_(),
        "array<string>": pa.list_(pa.string()),
        "array<long>": pa.list_(pa.int64()),
        "array<int>": pa.list_(pa.int32()),
    }
    return pa.schema([(name, types[kind]) for name, kind in (f.strip().split(" ", 1) for f in ddl.split(","))])


def _group_blocks(
    spark: Any, rows: Any, articles: Any, stats: Any, opts: GroupOptions, partitions: int | None
) -> tuple[list[Any], list[dict[str, int]], tuple[int, int, int]]:
    """The grouping of a pile larger than ``block_above``: candidate pairs by blocking keys and
    MinHash bands, the pairs clustering takes, their components clustered by
    :func:`newsprism.grouping.cluster_block`. The shuffles and joins are Spark SQL's; Python
    sees each article a few times, in Arrow batches, each blocking term and band key with its
    holders once, and each candidate pair within the date window once. ``articles``: the
    article rows of the statistics pass (one per id). Two actions: the kept pairs with the
    candidate count and the ids of all articles, then the clustering."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import BinaryType, BooleanType, IntegerType, LongType, StringType

    from ..grouping import block_cap

    sc = spark.sparkContext
    n = stats.articles
    cap = block_cap(n, opts)
    shared = sc.broadcast(stats)
    art = articles.select("id", "num", "published", "bands", "blob")
    need = 2 * opts.min_shared
    # each article's blocking terms and MinHash band keys, one row each, shuffled by term or
    # key; one Python pass over each term's (or band key's) holders makes the blocking keys
    # (common terms: held by more than ``cap`` articles, keys within a week only) and, per
    # key and holder, the holders after it; shuffled by that holder, a second pass sums the
    # keys each pair shares and keeps the candidate pairs and the pairs sharing a band
    postings = art.select("num", "published", "bands", "blob").mapInArrow(
        lambda it: _frozen_heap(_posting_batches(it, shared.value, opts)), _spark_schema(_POSTINGS)
    )
    # shuffled and sorted by one 64-bit hash of band and key (the JVM sorts a single number
    # by its prefix, radix sort; by band and key it compared the texts of nearly every pair of
    # rows, as nearly all share the band -1); the Python pass parts the rare keys of one hash
    keyed = postings.withColumn("h", F.xxhash64("band", "key"))
    by_key = keyed.repartition("h").sortWithinPartitions("h")
    held = by_key.mapInArrow(lambda it: _frozen_heap(_shared_batches(it, cap)), _spark_schema(_SHARED))
    by_article = held.repartition("a").sortWithinPartitions("a")
    edges = (
        by_article.mapInArrow(lambda it: _frozen_heap(_pair_batches(it, need, opts.window_days)), _spark_schema(_PAIRS))
        .withColumn("p", F.spark_partition_id())
        .persist()
    )
    # each pair within the date window, and each pair sharing a band, scored in the group of
    # its first article's partition (``p``: all pairs of an article are in one), which is sent
    # the features of every article its pairs name once, not those of both articles with each
    # pair: near-duplicates found and the pairs scored as the local grouping does; only the
    # pairs it would take can join two clusters. A pair of dated articles more than the window
    # apart is taken only as a near-duplicate (newsprism.grouping._queue): the other such
    # pairs are counted, not scored; the counts and the ids of all articles come back in the
    # same query (the pairs are cached as they are made, so every branch reads them once
    # made: without the cache Spark made them once for each branch)
    scoring = edges.where(~F.col("apart") | F.col("near"))
    wanted = (
        scoring.select("p", "a")
        .unionByName(scoring.select("p", F.col("b").alias("a")))
        .groupBy("a")
        .agg(F.collect_set("p").alias("ps"))
    )
    nulls = {"b": LongType(), "w": IntegerType(), "near": BooleanType()}
    sent = wanted.join(art.select(F.col("num").alias("a"), "blob"), "a").select(
        F.explode("ps").alias("p"),
        F.lit(0).alias("kind"),
        "a",
        *[F.lit(None).cast(t).alias(c) for c, t in nulls.items()],
        "blob",
    )
    pairs = scoring.select(
        "p", F.lit(1).alias("kind"), "a", "b", "w", "near", F.lit(None).cast(BinaryType()).alias("blob")
    )
    # sorted by one number, group then kind (see the blocking keys' sort above)
    scored = sent.unionByName(pairs).repartition("p").sortWithinPartitions(F.col("p") * 2 + F.col("kind"))
    taken = scored.mapInArrow(lambda it: _frozen_heap(_taken_batches(it, shared.value, opts)), _spark_schema(_TAKEN))
    nothing = F.lit(None).cast(StringType())
    aside = edges.where(F.col("apart") & ~F.col("near")).groupBy().count()
    try:
        found = _collected(
            taken.unionByName(
                aside.select(nothing.alias("a"), nothing.alias("b"), F.col("count").alias("n"))
            ).unionByName(
                art.select(F.col("id").alias("a"), nothing.alias("b"), F.lit(None).cast(LongType()).alias("n"))
            )
        )
    finally:
        edges.unpersist()
    n_cand = sum(n for n in found["n"] if n is not None)
    ids = [a for a, b, n in zip(found["a"], found["b"], found["n"], strict=True) if b is None and n is None]
    block_of, pairs_of = _components((a, b) for a, b in zip(found["a"], found["b"], strict=True) if b is not None)
    sizes: dict[str, int] = {}
    for root in block_of.values():
        sizes[root] = sizes.get(root, 0) + 1
    # each block's articles in one task, with its kept pairs (on the driver already); an
    # article without a kept pair is a story of its own
    groups: list[Any] = [((i,), (i,)) for i in ids if i not in block_of]
    counts: list[dict[str, int]] = []
    if block_of:
        parts = partitions or sc.defaultParallelism
        links = sc.broadcast(pairs_of)
        assigned = _frame(spark, list(block_of.items()), "id string, block string")
        # the articles of the blocks, found by sending the driver's table to every task
        # while it is small, else by a shuffle of both
        if len(block_of) <= BROADCAST_BLOCKS:
            assigned = F.broadcast(assigned)
        placed = rows.join(assigned, "id")
        clustered = placed.repartition(parts, "block").mapInArrow(
            lambda it: _frozen_heap(_cluster_batches(it, links.value, shared.value, opts)),
            _spark_schema("groups string"),
        )
        for text in _collected(clustered)["groups"]:
            found, count = json.loads(text)
            groups += [(tuple(m), tuple(o)) for m, o in found]
            counts.append({**count, "candidate_pairs": 0})
    zero = {"near_duplicate_pairs": 0, "republication_pairs": 0, "same_credit_joins": 0}
    counts.append({**zero, "candidate_pairs": n_cand})
    shape = (len(pairs_of), max(sizes.values(), default=1), sum(len(p) for p in pairs_of.values()))
    return groups, counts, shape


#: per blocking term of an article (``band`` -1) and per MinHash band key (``band`` its
#: band's number): the term or key, the article's number and date
_POSTINGS = "band int, key string, num long, published string"
#: per article ``a`` and key it shares: the articles after it (by number) that share the key
#: (``bs``), their day numbers (``dbs``; -1: undated) and ``a``'s (``da``), the key's weight
#: (:func:`newsprism.grouping.blocking_keys`), or ``near`` for a MinHash band key
_SHARED = "a long, da int, bs array<long>, dbs array<int>, w int, near boolean"
#: per pair of articles (by number, ``a`` < ``b``) that is a candidate (its shared keys weigh
#: at least ``2 * min_shared``) or shares a band key (``near``): the weight of its keys and
#: whether both are dated further apart than the date window
_PAIRS = "a long, b long, w int, near boolean, apart boolean"
#: the pairs clustering takes (``a``, ``b``: article ids), and the candidate pairs counted
#: (``n``, in a row of its own)
_TAKEN = "a string, b string, n long"


def _posting_batches(batches: Iterator[Any], stats: Any, opts: GroupOptions) -> Iterator[Any]:
    """The rows of :data:`_POSTINGS`: each article's terms it blocks on
    (:func:`newsprism.grouping.blocking_terms`) and its MinHash band keys."""
    import pickle

    import pyarrow as pa

    from ..grouping import blocking_terms

    schema = _arrow_schema(_POSTINGS)
    for batch in batches:
        d = batch.to_pydict()
        kept = blocking_terms([pickle.loads(blob) for blob in d["blob"]], stats, opts)
        out: dict[str, list[Any]] = {"band": [], "key": [], "num": [], "published": []}
        for num, published, terms, bands in zip(d["num"], d["published"], kept, d["bands"], strict=True):
            keys = [(-1, t) for t in terms] + list(enumerate(bands))
            out["band"] += [b for b, _ in keys]
            out["key"] += [k for _, k in keys]
            out["num"] += [num] * len(keys)
            out["published"] += [published] * len(keys)
        yield pa.RecordBatch.from_pydict(out, schema=schema)


#: pairs held before they are sent on as one batch (of :data:`_SHARED` or :data:`_PAIRS`)
SHARED_BATCH = 1 << 20


def _sorted_groups(batches: Iterator[Any], keys: tuple[str, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """The rows of Arrow batches sorted by ``keys``, a group of rows with the same keys at a
    time (a group may span batches): the keys and a table of the group's rows."""
    import pyarrow as pa

    current: tuple[Any, ...] = ()
    held: list[Any] = []
    for batch in batches:
        if not batch.num_rows:
            continue
        values = list(zip(*(batch.column(k).to_pylist() for k in keys), strict=True))
        starts = [0] + [i for i in range(1, len(values)) if values[i] != values[i - 1]]
        for lo, hi in zip(starts, [*starts[1:], len(values)], strict=True):
            if not held or values[lo] != current:
                if held:
                    yield current, pa.Table.from_batches(held)
                current, held = values[lo], []
            held.append(batch.slice(lo, hi - lo))
    if held:
        yield current, pa.Table.from_batches(held)


def _shared_batches(batches: Iterator[Any], cap: int) -> Iterator[Any]:
    """The rows of :data:`_SHARED` of a task's :data:`_POSTINGS`, which come sorted by a hash
    of band and key (``h``): the holders of one term (or band key) read together. A term held by more than
    ``cap`` articles is common (:func:`newsprism.grouping.blocking_keys`); each blocking key
    held by 2 to ``cap`` articles pairs its holders with its weight, as the local grouping's
    :func:`~newsprism.grouping._candidates` counts them; each band key pairs its holders as
    :func:`~newsprism.grouping._near_duplicate_pairs` does (their signatures are compared when
    the pairs are scored). Memory: the holders of one term, and about :data:`SHARED_BATCH`
    pairs."""
    import numpy as np
    import pyarrow as pa

    from ..grouping import _day, blocking_keys

    schema = _arrow_schema(_SHARED)
    # (holders of a key: number and day, sorted; the first and past-the-last holder whose
    # rows are made; weight; near)
    rows: list[tuple[Any, int, int, int, bool]] = []
    pending = 0

    def flush() -> Any:
        nonlocal pending
        heads = np.concatenate([h[lo:hi] for h, lo, hi, _, _ in rows])
        tails = [h[k + 1 :] for h, lo, hi, _, _ in rows for k in range(lo, hi)]
        sizes = np.array([len(t) for t in tails], dtype=np.int64)
        flat = np.concatenate(tails)
        offsets = pa.array(np.concatenate(([0], np.cumsum(sizes))).astype(np.int32))
        per_row = [hi - lo for _, lo, hi, _, _ in rows]
        w = np.repeat(np.array([x for _, _, _, x, _ in rows], dtype=np.int32), per_row)
        near = np.repeat(np.array([x for _, _, _, _, x in rows], dtype=bool), per_row)
        rows.clear()
        pending = 0
        return pa.RecordBatch.from_arrays(
            [
                pa.array(heads[:, 0]),
                pa.array(heads[:, 1].astype(np.int32)),
                pa.ListArray.from_arrays(offsets, pa.array(flat[:, 0])),
                pa.ListArray.from_arrays(offsets, pa.array(flat[:, 1].astype(np.int32))),
                pa.array(w),
                pa.array(near),
            ],
            schema=schema,
        )

    def add(members: list[tuple[int, int]], w: int, near: bool) -> Iterator[Any]:
        """The rows of one key's holders, sent on in batches of about :data:`SHARED_BATCH`
        pairs (a key held by very many articles, its rows over several batches)."""
        nonlocal pending
        held = np.array(sorted(members), dtype=np.int64).reshape(-1, 2)
        m = len(held)
        if pending + m * (m - 1) // 2 <= SHARED_BATCH:
            rows.append((held, 0, m - 1, w, near))
            pending += m * (m - 1) // 2
            return
        lo = 0
        while lo < m - 1:
            hi = lo + 1
            made = m - 1 - lo
            while hi < m - 1 and pending + made + (m - 1 - hi) <= SHARED_BATCH:
                made += m - 1 - hi
                hi += 1
            rows.append((held, lo, hi, w, near))
            pending += made
            lo = hi
            if pending >= SHARED_BATCH:
                yield flush()

    def dated(published: str | None) -> int:
        day = _day(published)
        return -1 if day is None else day

    def holders_of(batches: Iterator[Any]) -> Iterator[tuple[int, str, list[tuple[int, str | None]]]]:
        """Each band and key with its holders: the rows come sorted by a hash of band and key
        (``h``), so the keys of one hash come together, in no order among themselves."""
        current: int | None = None
        held: dict[tuple[int, str], list[tuple[int, str | None]]] = {}
        for batch in batches:
            d = batch.to_pydict()
            for h, band, key, num, published in zip(d["h"], d["band"], d["key"], d["num"], d["published"], strict=True):
                if h != current:
                    for (b, k), holders in sorted(held.items()):
                        yield b, k, holders
                    current, held = h, {}
                held.setdefault((band, key), []).append((num, published))
        for (b, k), holders in sorted(held.items()):
            yield b, k, holders

    for band, key, holders in holders_of(batches):
        if len(holders) < 2:
            continue
        if band >= 0:  # a MinHash band key: near-duplicate candidates
            yield from add([(num, dated(published)) for num, published in holders], 0, True)
            continue
        common = {key} if len(holders) > cap else set()
        by_key: dict[str, list[tuple[int, int]]] = {}
        weight: dict[str, int] = {}
        for num, published in holders:
            for k, w in blocking_keys([key], published, common):
                by_key.setdefault(k, []).append((num, dated(published)))
                weight[k] = w
        for k, members in by_key.items():
            if 1 < len(members) <= cap:
                yield from add(members, weight[k], False)
    if rows:
        yield flush()


def _pair_batches(batches: Iterator[Any], need: int, window_days: int) -> Iterator[Any]:
    """The rows of :data:`_PAIRS` of a task's :data:`_SHARED`, which come sorted by ``a``: the
    keys each pair of articles shares summed (as :func:`~newsprism.grouping._candidates`
    sums them), the pairs below ``need`` that share no band key left out."""
    import numpy as np
    import pyarrow as pa

    schema = _arrow_schema(_PAIRS)
    out: list[tuple[Any, ...]] = []
    pending = 0

    def flush() -> Any:
        nonlocal pending
        columns = [np.concatenate([o[k] for o in out]) for k in range(5)]
        out.clear()
        pending = 0
        return pa.RecordBatch.from_arrays([pa.array(c) for c in columns], schema=schema)

    for (a,), group in _sorted_groups(batches, ("a",)):
        da = group.column("da")[0].as_py()
        bs = group.column("bs").combine_chunks()
        sizes = np.diff(bs.offsets.to_numpy())
        b = bs.flatten().to_numpy()
        db = group.column("dbs").combine_chunks().flatten().to_numpy()
        weights = np.repeat(group.column("w").to_numpy(), sizes)
        near = np.repeat(group.column("near").to_numpy(zero_copy_only=False), sizes)
        held, at = np.unique(b, return_inverse=True)
        w = np.bincount(at, weights=weights).astype(np.int32)
        shares = np.bincount(at, weights=near) > 0
        days = np.empty(len(held), dtype=np.int64)
        days[at] = db
        keep = (w >= need) | shares
        apart = (da >= 0) & (days >= 0) & (np.abs(da - days) > window_days)
        n = int(keep.sum())
        if n:
            out.append((np.full(n, a, dtype=np.int64), held[keep], w[keep], shares[keep], apart[keep]))
            pending += n
        if pending >= SHARED_BATCH:
            yield flush()
    if out:
        yield flush()


#: articles with a kept pair up to which the table of their blocks is broadcast
BROADCAST_BLOCKS = 1_000_000
#: candidate pairs scored in one call of :func:`newsprism.grouping.kept_pairs`
SCORED_AT_ONCE = 250_000


def _taken_batches(batches: Iterator[Any], stats: Any, opts: GroupOptions) -> Iterator[Any]:
    """The rows of :data:`_TAKEN` of a task's groups of pairs, which come sorted by group
    (``p``, the partition of the pairs' first articles) and kind: first the features of every
    article the group's pairs name (``kind`` 0: ``a`` its number, ``blob`` its pickled
    features), then the pairs (``kind`` 1: ``a``, ``b``, the weight ``w`` of the blocking keys
    they share and whether they share a band key, ``near``). The candidate pairs among them
    (keys weighing at least ``2 * min_shared``, or near-duplicates:
    :func:`newsprism.grouping.near_duplicate`) are counted, and those the local clustering
    takes found (:func:`newsprism.grouping.kept_pairs`): up to :data:`SCORED_AT_ONCE` pairs in
    one call. Memory: the features of one group's articles and those pairs."""
    import pickle

    import pyarrow as pa

    from ..grouping import kept_pairs, near_duplicate

    need, threshold = 2 * opts.min_shared, opts.near_duplicate
    feats: dict[int, Any] = {}
    pairs: list[tuple[int, int]] = []
    counted = 0
    group: int | None = None

    def kept() -> Any:
        held = {i for p in pairs for i in p}
        ids = [(feats[x].id, feats[y].id) for x, y in pairs]
        found = kept_pairs([feats[i] for i in sorted(held)], ids, stats, opts)
        pairs.clear()
        return pa.RecordBatch.from_pydict(
            {"a": [p[0] for p in found], "b": [p[1] for p in found], "n": [None] * len(found)},
            schema=_arrow_schema(_TAKEN),
        )

    for batch in batches:
        d = batch.to_pydict()
        for p, kind, x, y, w, band, blob in zip(
            d["p"], d["kind"], d["a"], d["b"], d["w"], d["near"], d["blob"], strict=True
        ):
            if p != group:  # a new group: the last one's pairs scored, its features let go
                if pairs:
                    yield kept()
                feats.clear()
                group = p
            if kind == 0:
                feats[x] = pickle.loads(blob)
            elif w >= need or (band and near_duplicate(feats[x].minhash, feats[y].minhash, threshold)):
                pairs.append((x, y))
                counted += 1
                if len(pairs) >= SCORED_AT_ONCE:
                    yield kept()
    if pairs:
        yield kept()
    yield pa.RecordBatch.from_pydict({"a": [None], "b": [None], "n": [counted]}, schema=_arrow_schema(_TAKEN))


def _cluster_batches(
    batches: Iterator[Any], links: dict[str, Any] | None, stats: Any, opts: GroupOptions
) -> Iterator[Any]:
    """One task's blocks clustered (:func:`_cluster_blocks`), as one row of JSON; with no
    ``links``, the task's articles are the whole pile, clustered as one block of every pair."""
    import pyarrow as pa

    from ..grouping import cluster_block
    from ._rows import features_of

    by_block: dict[str, list[Any]] = {}
    for batch in batches:
        for row in batch.to_pylist():
            by_block.setdefault(row.get("block") or "", []).append(features_of(row))
    if links is None:
        groups, counts = cluster_block([f for fs in by_block.values() for f in fs], None, stats, opts)
    else:
        items = [(block, (members, [links[block]] if block in links else [])) for block, members in by_block.items()]
        groups, counts = _cluster_blocks(iter(items), stats, opts)
    found = [[list(m), list(o)] for m, o in groups]
    yield pa.RecordBatch.from_pydict({"groups": [json.dumps([found, counts])]})


def _for_scoring(f: Any, opts: GroupOptions) -> Any:
    """The features scoring a pair reads (:func:`newsprism.grouping.kept_pairs`): without the
    4-word runs (origins only), and without the whole-text terms where only merges of two
    stories read them (``body_stories_only``), so the pairs' shuffle is small."""
    from dataclasses import replace

    from ..grouping import lead_terms

    return replace(f, grams=b"", terms=lead_terms(f.terms) if opts.body_stories_only else f.terms)


def _components(edges: Iterable[tuple[str, str]]) -> tuple[dict[str, str], dict[str, list[tuple[str, str]]]]:
    """The connected components of the candidate pairs: each article's block (its component's
    smallest id) and each block's pairs. Runs on the driver: one entry per article with a
    candidate pair, and the pairs themselves."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    kept: list[tuple[str, str]] = []
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        kept.append((a, b))
    block_of = {x: find(x) for x in parent}
    pairs_of: dict[str, list[tuple[str, str]]] = {}
    for a, b in kept:
        pairs_of.setdefault(block_of[a], []).append((a, b))
    return block_of, pairs_of


def _cluster_blocks(blocks: Iterator[Any], stats: Any, opts: GroupOptions) -> tuple[list[Any], dict[str, int]]:
    """Cluster the blocks of one task: the articles with candidate pairs in one call of
    :func:`newsprism.grouping.cluster_block` (its components are clustered independently, as
    in the whole pile), each article without one a story of its own."""
    from ..grouping import cluster_block

    feats: list[Any] = []
    pairs: list[tuple[str, str]] = []
    single: list[Any] = []
    for _, (members, links) in blocks:
        members, links = list(members), [p for ps in links for p in ps]
        if links:
            feats += members
            pairs += links
        else:
            single += [((f.id,), (f.id,)) for f in members]
    groups, counts = cluster_block(feats, pairs, stats, opts)
    return groups + single, counts


def _previous(spark: Any, path: str) -> dict[str, str]:
    """Article id -> story id of the stories written to ``path`` before, if any."""
    from pyarrow import fs

    from ._units import filesystem

    system, local = filesystem(path)
    if system.get_file_info(local).type != fs.FileType.Directory:
        return {}
    rows = _collected(spark.read.parquet(path).select("id", "articles"))
    return {a: story for story, articles in zip(rows["id"], rows["articles"], strict=True) for a in articles}


#: stories in one Parquet file of ``stories/``
STORIES_A_FILE = 100_000


def _write_stories(path: str, stories: list[Any]) -> None:
    """The stories as Parquet files under ``path`` (what was there replaced), written by the
    driver, which holds them all already (it named them): a Spark job would plan, schedule
    and commit the write of rows the driver first hands to the JVM. :data:`STORIES_A_FILE` a
    file, each written to a temporary name and renamed; one file, empty, for no stories."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyarrow import fs

    from ._units import _write_atomic, filesystem

    system, local = filesystem(path)
    if system.get_file_info(local).type != fs.FileType.NotFound:
        system.delete_dir(local)
    system.create_dir(local, recursive=True)
    schema = _arrow_schema("id string, articles array<string>, origins array<string>, size int")
    for k, lo in enumerate(range(0, max(1, len(stories)), STORIES_A_FILE)):
        chunk = stories[lo : lo + STORIES_A_FILE]
        columns = {
            "id": [s.id for s in chunk],
            "articles": [list(s.articles) for s in chunk],
            "origins": [list(s.origins) for s in chunk],
            "size": [len(s.articles) for s in chunk],
        }
        sink = pa.BufferOutputStream()
        pq.write_table(pa.table(columns, schema=schema), sink, compression="zstd")
        _write_atomic(system, f"{local}/part-{k:05d}.parquet", sink.getvalue().to_pybytes())


# ------------------------------------------------------------------ compare


@dataclass(frozen=True)
class SparkCompareSummary:
    """What ``spark compare`` did: stories compared, stories whose comparison failed (the
    first of their errors in ``errors``), and the key the comparisons are kept under."""

    compared: int
    failed: int
    key: str
    errors: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "compared": self.compared,
            "failed": self.failed,
            "key": self.key,
            "errors": [{"story": s, "reason": r} for s, r in self.errors],
            "seconds": round(self.seconds, 3),
        }


def compare(
    out: str, *, spark: Any = None, options: Any = None, limit: int | None = None, partitions: int | None = None
) -> SparkCompareSummary:
    """Compare the articles of each story of two or more under ``out`` (written by
    :func:`group`) with :func:`newsprism.compare`, and write the comparisons to
    ``out/comparisons`` (Parquet: ``story``, ``key``, ``json`` as the store keeps it, and
    ``error``). ``limit``: only the first so many stories, largest first (as listed)."""
    from ..comparison import CompareOptions
    from ..corpus import comparison_key
    from ._rows import _READ_FIELDS
    from ._units import join

    started = time.perf_counter()
    opts = options or CompareOptions()
    out = _where(out)
    key = comparison_key(opts)
    spark = spark or session()
    sc = spark.sparkContext
    try:
        stories = spark.read.parquet(join(out, "stories")).select("id", "articles", "size")
    except Exception as exc:
        raise NewsprismError(
            f"{out}: no stories to compare ({type(exc).__name__}); run newsprism spark group first"
        ) from None
    listed = stories.where("size >= 2").orderBy(stories["size"].desc(), stories["articles"][0]).select("id", "articles")
    if limit is not None:
        listed = listed.limit(limit)
    members = listed.rdd.flatMap(lambda r: [(a, r["id"]) for a in r["articles"]])
    rows = _articles(spark, out, ("file", "record", *_READ_FIELDS)).map(lambda r: (r["id"], r))
    parts = partitions or sc.defaultParallelism
    compared, failed = sc.accumulator(0), sc.accumulator(0)

    def run(item: tuple[str, Iterable[dict[str, Any]]]) -> tuple[str, str, str | None, str | None]:
        story, found = item
        result = _compare_story(story, list(found), opts, key)
        (failed if result[3] else compared).add(1)
        return result

    by_story = members.join(rows, parts).map(lambda x: (x[1][0], x[1][1])).groupByKey(parts)
    schema = "story string, key string, json string, error string"
    spark.createDataFrame(by_story.map(run), schema).write.mode("overwrite").parquet(join(out, "comparisons"))
    written = spark.read.parquet(join(out, "comparisons"))
    errors = written.where("error is not null").select("story", "error").limit(SHOWN_ERRORS).collect()
    return SparkCompareSummary(
        compared.value,
        failed.value,
        key,
        tuple((r["story"], r["error"]) for r in errors),
        time.perf_counter() - started,
    )


def _compare_story(
    story: str, rows: list[dict[str, Any]], opts: Any, key: str
) -> tuple[str, str, str | None, str | None]:
    """One story's comparison as the store keeps it (JSON), or its one-line error."""
    from ..comparison import compare as compare_articles
    from ._rows import article_of, story_order

    articles = sorted((article_of(r) for r in rows), key=story_order)
    try:
        comparison = compare_articles(articles, options=opts)
    except NewsprismError as exc:
        return story, key, None, " ".join(str(exc).split())
    except Exception as exc:  # a story never fails the job: its error is kept with it
        return story, key, None, f"internal error: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
    return story, key, json.dumps(comparison.to_dict(), ensure_ascii=False), None


__all__ = [
    "SPLIT_BYTES",
    "ImportSummary",
    "SparkCompareSummary",
    "SparkIngestSummary",
    "UnitOptions",
    "compare",
    "group",
    "import_output",
    "ingest",
    "require_spark",
    "session",
]
