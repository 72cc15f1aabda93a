"""Options for a JVM that newsprism starts itself (a local master): a class-data-sharing archive
of the classes Spark loads, kept in newsprism's cache.

A JVM loads some 10,000 classes of Spark's jars each time it starts and plans its first
queries: it reads, parses and verifies each. Java 17 can write the classes a run loaded to an
archive when it exits (``-XX:ArchiveClassesAtExit``) and map them from it when it starts
(``-XX:SharedArchiveFile``), verified and parsed already. The first local session (per
Spark install and Java) writes the archive, the sessions after it read it. The JVM checks the
archive against its own version and class path, and runs without it (silently) where it is
missing or does not match; a cluster's JVMs are never given it (see :func:`archive_options`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from pathlib import Path

#: the first four bytes of a dynamic archive (``CDS_DYNAMIC_ARCHIVE_MAGIC``, little-endian)
ARCHIVE_MAGIC = (0xF00BABA8).to_bytes(4, "little")

#: a lock older than this is taken to be a writer's that died (a JVM writes the archive when a
#: job ends, so a live lock may be as old as the longest job)
STALE_LOCK_SECONDS = 24 * 3600

#: the JVM's messages about archives, on its stdout by default (classes it cannot archive:
#: those of signed jars, generated ones), turned off: stdout is newsprism's data
QUIET = "-Xlog:cds=off -Xlog:cds+dynamic=off"


def cache_folder() -> Path:
    """``$NEWSPRISM_CACHE/spark``, else ``~/.cache/newsprism/spark``."""
    env = os.environ.get("NEWSPRISM_CACHE")
    return (Path(env).expanduser() if env else Path.home() / ".cache" / "newsprism") / "spark"


def _java_home() -> Path | None:
    """The Java installation spark-submit runs: ``$JAVA_HOME``, else the ``java`` on the path."""
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return Path(home).resolve()
    found = shutil.which("java")
    return Path(found).resolve().parents[1] if found else None


def archive_path() -> Path | None:
    """Where the archive of this Spark install and this Java lives: named by Spark's version,
    Java's, and a hash of both installs' paths and of the jars folder's time (a reinstall at
    the same place gets a new archive). None when pyspark's jars or Java cannot be found."""
    try:
        import pyspark
    except ImportError:
        return None
    jars = Path(pyspark.__file__).resolve().parent / "jars"
    java = _java_home()
    if java is None or not jars.is_dir():
        return None
    release, version = java / "release", "java"
    with contextlib.suppress(OSError):
        for line in release.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("JAVA_RUNTIME_VERSION="):
                version = "java-" + line.split("=", 1)[1].strip().strip('"')
    where = f"{jars}\n{jars.stat().st_mtime_ns}\n{java}\n{version}"
    digest = hashlib.sha256(where.encode()).hexdigest()[:10]
    safe = "".join(c if c.isalnum() or c in ".-_" else "_" for c in f"spark-{pyspark.__version__}-{version}")
    return cache_folder() / f"classes-{safe}-{digest}.jsa"


def _whole(path: Path) -> bool:
    """Whether ``path`` is a finished dynamic archive: Java 17 writes its header, which starts
    with the magic, last (``ArchiveBuilder::write_archive``), so a JVM that dies or fails while
    writing leaves none. (A finished archive cut short by something else can crash the JVM as
    it starts: delete it, or set ``NEWSPRISM_SPARK_CDS=0``.)"""
    try:
        with path.open("rb") as fh:
            if fh.read(4) == ARCHIVE_MAGIC:
                return True
    except OSError:
        return False
    return False


def archive_options(path: Path | None = None) -> str:
    """JVM options for a JVM this process is about to start: read the archive where it is
    whole; else write it when this JVM exits, where no other JVM is writing it (a lock file
    beside it, taken with ``O_EXCL`` and removed once the archive is whole; one older than a
    day is taken over); else none. None unless ``NEWSPRISM_SPARK_CDS=1`` (opt-in), or where the
    cache folder cannot be written."""
    if os.environ.get("NEWSPRISM_SPARK_CDS", "0").strip().lower() not in ("1", "true", "yes", "on"):
        return ""  # opt-in: the first run writes 150 to 200 MB to the cache
    path = path or archive_path()
    if path is None:
        return ""
    lock = path.with_name(path.name + ".lock")
    if _whole(path):
        with contextlib.suppress(OSError):
            lock.unlink()  # its writer has finished
        return f"-XX:SharedArchiveFile={path} {QUIET}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileNotFoundError):
            if time.time() - lock.stat().st_mtime > STALE_LOCK_SECONDS:
                lock.unlink()
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except OSError:  # another JVM is writing it, or the cache cannot be written
        return ""
    os.close(fd)
    with contextlib.suppress(OSError):
        path.unlink()  # a part written by a JVM that died
    return f"-XX:ArchiveClassesAtExit={path} {QUIET}"
