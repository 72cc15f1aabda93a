"""Units of work of ``spark ingest``: what one task reads, and how it is done.

A unit is one input file, or one part of a large JSONL file (its lines in interleaved blocks:
:func:`newsprism.readers.iter_jsonl`), or one partition of a Parquet input. A task prepares
its unit's records with the local ingest's own per-chunk step and writes, under the output
folder, ``articles/<unit>.parquet`` and then ``done/<unit>.json`` (its counts and the one-line
error of each bad record). A unit with a ``done`` file is finished: a rerun skips it.

No Spark here either: a unit runs the same in a test without a cluster.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from ..clean import CleanOptions
from ..errors import InputError, NewsprismError
from ..grouping import GroupOptions, features_method
from ..model import RawArticle
from ..readers import ReadOptions
from ..store import Storable
from ._rows import article_row, article_schema

#: records prepared at a time (one embedding batch), as ``ingest``'s workers do
CHUNK = 64
#: a JSONL file is read by one task per this many bytes of it (a WARC file by one task)
SPLIT_BYTES = 32 << 20


@dataclass(frozen=True)
class Unit:
    """One task's input: ``path`` (a file, or a Parquet input, named as given), ``file`` its
    number in the order the inputs were listed, ``part`` of ``parts`` (JSONL parts, Parquet
    partitions), ``at`` the absolute path of a local file (executors need not share the
    driver's working folder)."""

    path: str
    file: int
    part: int = 0
    parts: int = 1
    kind: str = "file"  # or "parquet"
    at: str = ""  # where a local file is (an absolute path), when ``path`` is relative

    def key(self, salt: str) -> str:
        """The unit's name in the output: a hash of what it reads and how."""
        data = json.dumps([self.path, self.part, self.parts, self.kind, salt])
        return hashlib.sha256(data.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class UnitOptions:
    """How every unit is prepared: the local ingest's options, plain values only."""

    clean: CleanOptions = field(default_factory=CleanOptions)
    group: GroupOptions = field(default_factory=GroupOptions)
    read: ReadOptions | None = None
    quotes: bool = True
    framing: bool = True

    def __post_init__(self) -> None:
        from .. import _checks as check

        check.instance(self, "clean", CleanOptions)
        check.instance(self, "group", GroupOptions)
        check.instance(self, "read", ReadOptions, optional=True)
        check.flag(self, "quotes")
        check.flag(self, "framing")

    def salt(self) -> str:
        """What, besides a unit's input, decides its output: the cleaner and its options, the
        grouping features, quotations and marks (the local ingest's input salt with more)."""
        from ..corpus import _input_salt
        from ..framing import corpus_marks_method
        from ..quotes import QUOTES_VERSION

        # the marks' method (framing, its word lists, the alias table): a new framing version
        # makes the units again, as it makes a local store's marks again
        marks = corpus_marks_method() if self.framing else "no-framing"
        return "\x1f".join(
            [_input_salt(self.clean), features_method(self.group), QUOTES_VERSION, str(self.quotes), marks]
        )


@dataclass(frozen=True)
class UnitResult:
    """What one unit did: articles written, bad records with their one-line errors, and
    whether it had been done by an earlier run (``skipped``: its counts are that run's)."""

    key: str
    processed: int
    failed: int
    errors: tuple[tuple[str, str], ...] = ()
    skipped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "processed": self.processed,
            "failed": self.failed,
            "errors": [{"source": s, "reason": r} for s, r in self.errors],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, skipped: bool = False) -> UnitResult:
        errors = tuple((e["source"], e["reason"]) for e in d.get("errors") or ())
        return cls(d["key"], int(d["processed"]), int(d["failed"]), errors, skipped)


# ------------------------------------------------------------------ file systems


def filesystem(uri: str) -> tuple[Any, str]:
    """The pyarrow file system of a path or URI (local, ``hdfs://``, ``s3://``, ...) and the
    path in it."""
    from pyarrow import fs

    if "://" not in uri:
        return fs.LocalFileSystem(), os.path.abspath(uri)
    return fs.FileSystem.from_uri(uri)


def join(base: str, *parts: str) -> str:
    return "/".join([base.rstrip("/"), *parts])


def list_inputs(inputs: Iterable[str], split_bytes: int = SPLIT_BYTES) -> list[Unit]:
    """The units of ``inputs`` (files, folders searched recursively in path order as
    ``ingest`` searches them, Parquet files or folders of them), files numbered in that
    order; an input that does not exist is refused."""
    from pyarrow import fs

    from ..readers import JSONL_FILE_SUFFIXES
    from ..sources import INGEST_SUFFIXES

    units: list[Unit] = []
    number = 0
    for uri in inputs:
        system, path = filesystem(uri)
        # what names the file system before a path in it (s3://, hdfs://host:port, file://)
        prefix = uri[: uri.find(path)] if "://" in uri and path in uri else ""
        if any(c in path.rsplit("/", 1)[-1] for c in "*?["):  # a pattern of file names
            folder, pattern = path.rsplit("/", 1)
            listed = system.get_file_info(fs.FileSelector(folder, allow_not_found=True))
            matched = sorted(
                (f for f in listed if f.type == fs.FileType.File and fnmatch(f.base_name, pattern)),
                key=lambda f: f.path,
            )
            if not matched:
                raise NewsprismError(f"{uri}: no file matches")
            info, files = None, matched
        else:
            info = system.get_file_info(path)
            files = []
        if info is None:
            pass
        elif info.type == fs.FileType.NotFound:
            raise NewsprismError(f"{uri}: no such file or folder")
        elif info.type == fs.FileType.Directory:
            found = system.get_file_info(fs.FileSelector(path, recursive=True))
            files = sorted(
                (f for f in found if f.type == fs.FileType.File and not _hidden(f.path, path)),
                key=lambda f: Path(f.path),  # as the local ingest walks a folder
            )
            data = [f for f in files if not f.base_name.startswith("_")]  # Spark's _SUCCESS
            if data and all(f.path.endswith(".parquet") for f in data):
                units.append(Unit(uri, number, kind="parquet", at="" if "://" in uri else path))
                number += 1
                continue
            files = [f for f in files if f.path.lower().endswith(INGEST_SUFFIXES)]
            if not files:
                raise NewsprismError(f"{uri}: holds no article files (.txt, .html, .jsonl, feeds, WARC, Parquet)")
        else:
            files = [info]
        for f in files:
            name = prefix + f.path if prefix else _as_given(uri, path, f.path)
            at = "" if "://" in uri else f.path
            if f.path.endswith(".parquet"):
                units.append(Unit(name, number, kind="parquet", at=at))
            elif f.path.lower().endswith(JSONL_FILE_SUFFIXES) and f.size and f.size > split_bytes:
                parts = -(-f.size // split_bytes)
                units += [Unit(name, number, k, parts, at=at) for k in range(parts)]
            else:
                units.append(Unit(name, number, at=at))
            number += 1
    return units


def _hidden(path: str, base: str) -> bool:
    return any(part.startswith(".") for part in Path(path[len(base) :]).parts if part != "/")


def _as_given(uri: str, path: str, found: str) -> str:
    """A local file's name as the local ingest names it: under the input as it was given
    (a relative path stays relative)."""
    if found == path:
        return uri
    if os.path.isdir(path):
        return os.path.join(uri, os.path.relpath(found, path))
    return os.path.join(os.path.dirname(uri), os.path.basename(found))  # matched a pattern


@contextmanager
def local_copy(uri: str) -> Iterator[str]:
    """A local path holding the file ``uri`` (itself when local; else a copy, removed after),
    so that the local readers read it."""
    if "://" not in uri or uri.startswith("file://"):
        yield uri.removeprefix("file://")
        return
    system, path = filesystem(uri)
    folder = tempfile.mkdtemp(prefix="newsprism-")
    try:
        local = os.path.join(folder, os.path.basename(path))
        with system.open_input_stream(path) as src, open(local, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        yield local
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def done_units(out: str) -> dict[str, UnitResult]:
    """The units finished under the output folder ``out``, by key."""
    from pyarrow import fs

    system, path = filesystem(out)
    folder = join(path, "done")
    if system.get_file_info(folder).type != fs.FileType.Directory:
        return {}
    found: dict[str, UnitResult] = {}
    for info in system.get_file_info(fs.FileSelector(folder)):
        if info.path.endswith(".json"):
            with system.open_input_stream(info.path) as fh:
                result = UnitResult.from_dict(json.loads(fh.read().decode("utf-8")), skipped=True)
            found[result.key] = result
    return found


def _write_atomic(system: Any, path: str, data: bytes) -> None:
    tmp = f"{path}.{uuid.uuid4().hex}.tmp"
    with system.open_output_stream(tmp) as fh:
        fh.write(data)
    system.move(tmp, path)


# ------------------------------------------------------------------ one unit


def unit_records(unit: Unit, local: str, read: ReadOptions | None) -> Iterator[tuple[int, RawArticle | InputError]]:
    """The records of a (local copy of a) file unit, each with its number in the file: the
    line of a JSONL file, else its place among the file's records."""
    from ..readers import JSONL_FILE_SUFFIXES, iter_jsonl
    from ..sources import iter_file

    if unit.path.lower().endswith(JSONL_FILE_SUFFIXES):
        for record in iter_jsonl(local, options=read, part=(unit.part, unit.parts)):
            yield _line(record), _named(record, local, unit.path)
    else:
        for n, record in enumerate(iter_file(local, options=read), 1):
            yield n, _named(record, local, unit.path)


def _line(record: RawArticle | InputError) -> int:
    """The line a JSONL record or error names (``path:line``), 0 for the file itself."""
    head, _, tail = record.source.rpartition(":")
    return int(tail) if head and tail.isdigit() else 0


def _named(record: RawArticle | InputError, local: str, uri: str) -> RawArticle | InputError:
    """A record read from a local copy, named by its URI."""
    if local == uri or not record.source.startswith(local):  # a local file read where it was named
        return record
    source = uri + record.source[len(local) :]
    if isinstance(record, InputError):
        return type(record)(source, record.problem)
    return replace(record, source=source)


def prepare_unit(
    records: Iterable[tuple[int, RawArticle | InputError]], options: UnitOptions
) -> Iterator[tuple[int, Storable | tuple[str, str]]]:
    """Each record prepared by the local ingest's step (:func:`newsprism.corpus._prepare_chunk`,
    which calls :func:`newsprism.pipeline.prepare_many`), :data:`CHUNK` at a time, with its
    input hash: a :class:`Storable`, or ``(source, problem)`` for a record that cannot be an
    article. A record whose preparation fails in an unforeseen way is that record's problem
    (``internal error: ...``), never the task's."""
    from ..corpus import _chunks, _input_hash, _prepare_chunk, _with_hashes

    salt = _input_salt(options.clean)
    for chunk in _chunks(records, CHUNK):
        numbers = [n for n, _ in chunk]
        batch = [r for _, r in chunk]
        hashes = [None if isinstance(r, InputError) else _input_hash(r, salt) for r in batch]
        try:
            results = _prepare_chunk((batch, options.clean, options.group, options.quotes, options.framing))
        except Exception:  # one record broke the chunk: prepare them one at a time
            results = []
            for record in batch:
                try:
                    results += _prepare_chunk(([record], options.clean, options.group, options.quotes, options.framing))
                except Exception as exc:
                    results.append((record.source, f"internal error: {type(exc).__name__}: {_one_line(exc)}"))
        yield from zip(numbers, _with_hashes(batch, hashes, results), strict=True)


def _input_salt(clean: CleanOptions) -> str:
    from ..corpus import _input_salt as salt

    return salt(clean)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


def run_unit(unit: Unit, out: str, options: UnitOptions, rows: Iterable[dict[str, Any]] | None = None) -> UnitResult:
    """Prepare one unit and write its articles and its ``done`` file under ``out``.
    ``rows`` are a Parquet unit's records (dicts with the JSONL fields); a file unit is read
    here (a copy is made first when it is not local)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    key = unit.key(options.salt())
    written: list[dict[str, Any]] = []
    errors: list[tuple[str, str]] = []
    with local_copy(unit.at or unit.path) if rows is None else _nothing() as local:
        records = unit_records(unit, local, options.read) if rows is None else parquet_records(unit, rows, options.read)
        for number, prepared in prepare_unit(records, options):
            if isinstance(prepared, Storable):
                written.append(article_row(prepared, unit.file, number))
            else:
                errors.append(prepared)
    system, path = filesystem(out)
    system.create_dir(join(path, "articles"), recursive=True)
    system.create_dir(join(path, "done"), recursive=True)
    sink = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(written, schema=article_schema()), sink, compression="zstd")
    _write_atomic(system, join(path, "articles", f"{key}.parquet"), sink.getvalue().to_pybytes())
    result = UnitResult(key, len(written), len(errors), tuple(errors))
    _write_atomic(system, join(path, "done", f"{key}.json"), json.dumps(result.to_dict()).encode())
    return result


@contextmanager
def _nothing() -> Iterator[str]:
    yield ""


def parquet_records(
    unit: Unit, rows: Iterable[dict[str, Any]], read: ReadOptions | None
) -> Iterator[tuple[int, RawArticle | InputError]]:
    """The records of one partition of a Parquet input, each row read as a JSONL line is
    (:func:`newsprism.readers._jsonl_record`: the same fields, the same checks), named
    ``path#partition:row`` and numbered so that the partitions keep their order."""
    from ..readers import DEFAULT_READ_OPTIONS, _jsonl_record

    opts = read or DEFAULT_READ_OPTIONS
    stem = Path(unit.path.rstrip("/")).name.split(".")[0]
    for n, rec in enumerate(rows, 1):
        where = f"{unit.path}#{unit.part}:{n}"
        number = unit.part * 10**9 + n
        try:
            yield number, _jsonl_record(rec, where, f"{stem}-{unit.part}-{n}", None, opts)
        except InputError as exc:
            yield number, exc
