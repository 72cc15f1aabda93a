"""The corpus: ``ingest`` a pile of articles into the store, ``group`` it into stories, and
compare a stored story. These join the pure stages (:mod:`newsprism.pipeline`,
:mod:`newsprism.grouping`, :mod:`newsprism.comparison`) to the one store module.

    import newsprism
    summary = newsprism.ingest(["feeds/", "crawl.warc.gz"], db="news.db")
    grouping = newsprism.group_corpus(db="news.db")
    comparison = newsprism.compare_story(grouping.stories[0].id, db="news.db")
    listing = newsprism.quotes_in("news.db", speaker="Stoltenberg")
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Generator, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from .clean import CleanOptions
from .comparison import CompareOptions, algorithm_versions, compare
from .errors import InputError, StoreError
from .grouping import GROUP_HEAD, GroupOptions, cluster, features_method, featurize
from .model import Comparison, Grouping, QuoteGroup, RawArticle
from .pipeline import PrepareOptions, prepare_many
from .quotes import QUOTES_VERSION, article_quotes, group_quotes
from .readers import ReadOptions
from .segment import SEGMENTER_VERSION
from .sources import iter_records
from .store import DEFAULT_PATH, QuoteRow, Storable, Store, article_id, storable

#: records a worker prepares at a time (one embedding batch)
_CHUNK = 64
#: records whose input hashes are looked up in the store at a time
_LOOKUP = 512
#: whether this process is one of ingest's workers (set by the pool's initializer), and
#: whether it has frozen its heap (:func:`_freeze_heap`)
_worker = {"is": False, "frozen": False}


@dataclass(frozen=True)
class IngestSummary:
    """What one ``ingest`` run did: added, duplicates, and rejected records with reasons.

    ``known`` counts the duplicates recognised from the record as read, before cleaning
    (records ingested before by the same cleaner); they are part of ``duplicates``."""

    added: int
    duplicates: int
    rejected: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
    run_id: int | None = None
    known: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "known": self.known,
            "rejected": len(self.rejected),
            "rejects": [{"source": s, "reason": r} for s, r in self.rejected],
            "seconds": round(self.seconds, 3),
            "run": self.run_id,
        }


def _prepare_chunk(
    args: tuple[list[RawArticle | InputError], CleanOptions | None, GroupOptions, bool, bool],
) -> list[Storable | tuple[str, str]]:
    """Clean, segment and featurize a chunk of records and find their quotations and framing
    marks, and turn each into the values the store writes; a problem comes back as
    ``(source, problem)``. Runs in a worker process: only plain values go back to the one
    that writes the store."""
    records, clean_options, group_options, quotes, framing = args
    out: list[Storable | tuple[str, str]] = []
    options = PrepareOptions(clean=clean_options or CleanOptions(), group=group_options, quotes=quotes, framing=framing)
    for result in prepare_many(records, options):
        if isinstance(result, InputError):
            out.append((result.source, result.problem))
            continue
        # the stored id is the content hash; the reader's id (file stem) stays in ``source``
        article = replace(result.article, source=result.article.source or result.article.id)
        assert result.features is not None
        out.append(storable(article, result.features, quotes=result.quotes, marks=result.marks))
    if _worker["is"] and not _worker["frozen"]:
        _worker["frozen"] = _freeze_heap() is not None  # for the worker's life
    return out


#: the youngest generation's threshold while ingest prepares articles (CPython's default is
#: 700 container objects: an article's words alone are more)
_GC_YOUNG = 7000


def _freeze_heap() -> tuple[int, int, int] | None:
    """Put every object alive now out of the cyclic garbage collector's reach (``gc.freeze``),
    once the first chunk has loaded the word lists, tables and models, and let the youngest
    generation grow to :data:`_GC_YOUNG` objects before a collection: the collections that
    the many small records of each article set off then no longer walk those objects again
    and again (without this, ingest with quotations spent about a twentieth of its CPU time
    in the collector, one without a thirtieth; ``docs/quotes.md``, round six). Frozen objects
    are still freed when no longer referred to; only garbage cycles among them would wait
    for ``gc.unfreeze``, so the garbage of the moment is collected first. Returns the
    thresholds it replaced (for :func:`_thaw_heap`), or None, doing nothing, when the
    collector is off or something froze the heap already."""
    if not gc.isenabled() or gc.get_freeze_count():
        return None
    before = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(max(before[0], _GC_YOUNG), *before[1:])
    return before


def _thaw_heap(before: tuple[int, int, int]) -> None:
    """Undo :func:`_freeze_heap`: the frozen objects back in the collector's reach (their
    cycles collectable again), its thresholds as they were."""
    gc.unfreeze()
    gc.set_threshold(*before)


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _input_salt(clean_options: CleanOptions | None) -> str:
    """What, besides the record, decides the article made of it: the cleaner and segmenter
    versions and the cleaning options (with the content of a custom patterns file)."""
    opts = clean_options or CleanOptions()
    # the version names custom patterns and a table of repeated lines by a hash of their
    # content (a set's repr is in no fixed order); the rest are plain flags
    return "\x1f".join([opts.version, SEGMENTER_VERSION, repr(replace(opts, patterns=None, repeated=frozenset()))])


def _input_hash(raw: RawArticle, salt: str) -> str:
    """The hash of a record as read (every field but where it was read from), with ``salt``:
    the same hash means the same article comes out of preparing it."""
    data = json.dumps([salt, raw.format, raw.title, raw.body, raw.outlet, raw.url, raw.published], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _unknown(
    records: Iterable[RawArticle | InputError],
    salt: str,
    known: Callable[[list[str]], Collection[str]],
    on_known: Callable[[int], None],
) -> Iterator[tuple[RawArticle | InputError, str | None]]:
    """The records (each with its input hash) whose hash ``known`` does not know, looked up
    ``_LOOKUP`` at a time; ``on_known`` is told how many of each lookup it skipped."""
    for block in _chunks(records, _LOOKUP):
        hashes = [None if isinstance(r, InputError) else _input_hash(r, salt) for r in block]
        found = known([h for h in hashes if h is not None])
        skipped = 0
        for record, h in zip(block, hashes, strict=True):
            if h is not None and h in found:
                skipped += 1
            else:
                yield record, h
        if skipped:
            on_known(skipped)


def _with_hashes(
    records: list[RawArticle | InputError], hashes: list[str | None], results: list[Storable | tuple[str, str]]
) -> list[Storable | tuple[str, str]]:
    """``results`` of preparing ``records`` (one result per record, in order: see
    :func:`newsprism.pipeline.prepare_many`), each article given the input hash of the
    record it was made from."""
    if len(results) != len(records):
        raise AssertionError("a prepared chunk must give one result per record")
    return [
        replace(r, input_hash=h) if isinstance(r, Storable) and h is not None else r
        for r, h in zip(results, hashes, strict=True)
    ]


def _prepared(
    paths: list[str | Path],
    clean_options: CleanOptions | None,
    group_options: GroupOptions,
    rejects: list[tuple[str, str]],
    on_record: Callable[[], None] | None,
    workers: int,
    known: Callable[[list[str]], Collection[str]] | None = None,
    on_known: Callable[[int], None] | None = None,
    read_options: ReadOptions | None = None,
    quotes: bool = True,
    framing: bool = True,
) -> Generator[Storable, None, None]:
    """The records under ``paths``, prepared in chunks by ``workers`` processes (at most a few
    chunks ahead of the writer, so memory stays flat); stored articles keep the input order.

    With ``known`` (input hashes -> those already stored), a record stored before is skipped
    before it is prepared, and ``on_known`` told how many were; each article carries the
    input hash of its record."""
    salt = _input_salt(clean_options)
    records = _unknown(
        iter_records(paths, options=read_options), salt, known or (lambda hashes: ()), on_known or (lambda n: None)
    )
    pending: deque[tuple[list[RawArticle | InputError], list[str | None]]] = deque()

    def jobs() -> Iterator[tuple[list[RawArticle | InputError], CleanOptions | None, GroupOptions, bool, bool]]:
        for chunk in _chunks(records, _CHUNK):
            batch = [r for r, _ in chunk]
            pending.append((batch, [h for _, h in chunk]))
            yield batch, clean_options, group_options, quotes, framing

    if workers > 1:
        results = _in_pool(jobs(), workers)
    else:
        results = map(_prepare_chunk, jobs())
    # one worker: this process prepares the records; its heap is frozen after the first chunk,
    # and thawed when the records are done
    frozen: tuple[int, int, int] | None = None
    first = True
    try:
        for chunk in results:
            if workers <= 1 and first:
                frozen, first = _freeze_heap(), False
            if known is not None:
                chunk = _with_hashes(*pending.popleft(), chunk)
            else:
                pending.popleft()
            for result in chunk:
                if on_record:
                    on_record()
                if isinstance(result, tuple):
                    rejects.append(result)
                else:
                    yield result
    finally:
        if frozen is not None:
            _thaw_heap(frozen)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _die_with_parent(parent: int, *, prctl: bool = True) -> None:
    """Worker initializer: end this worker when ``parent`` (the process that writes the
    store) ends, even by SIGKILL, instead of waiting forever for work. On Linux the kernel
    does it (``PR_SET_PDEATHSIG``); elsewhere, or where that call fails, a daemon thread
    checks every half second whether the worker was handed to another parent."""
    _worker["is"] = True
    armed = False
    if prctl and sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        threading.Thread(target=_watch_parent, args=(parent,), name="newsprism-watch-parent", daemon=True).start()


def _in_pool(jobs: Iterator[Any], workers: int) -> Iterator[list[Storable | tuple[str, str]]]:
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    ahead: deque[Future[list[Storable | tuple[str, str]]]] = deque()
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    ) as pool:
        try:
            for job in jobs:
                ahead.append(pool.submit(_prepare_chunk, job))
                if len(ahead) > 2 * workers:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
        finally:
            for future in ahead:
                future.cancel()


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path = DEFAULT_PATH,
    clean_options: CleanOptions | None = None,
    batch_size: int = 500,
    on_record: Callable[[], None] | None = None,
    workers: int | None = None,
    group_options: GroupOptions | None = None,
    read_options: ReadOptions | None = None,
    quotes: bool = True,
    framing: bool = True,
    repeated: int | None = None,
) -> IngestSummary:
    """Read every article under ``paths`` (folders, txt, html, jsonl(.gz), feeds, WARC), clean
    and segment it, and store it. Re-ingesting is idempotent: a stored article is a duplicate.

    A record that cannot be read is skipped and counted with its reason; the run goes on.
    Each batch of ``batch_size`` articles is one transaction, which also adds the batch's
    counts to the run's row in ``ingest_runs``, so a killed run leaves whole batches only and
    its row says what it committed; running it again completes the work. A record ingested
    before (the same fields read, the same cleaner and options) is counted as a duplicate
    without being cleaned again (``known`` in the summary). Cleaning and segmentation run in
    ``workers`` processes (default: one per core, at most 4), which end when this process
    does, even when it is killed; the store is written by this one.
    The workers also compute each article's grouping features (for ``group_options``, by
    default the defaults), stored with it, so that ``group`` only has to cluster.
    ``read_options`` caps the size of what is read (:class:`newsprism.readers.ReadOptions`).
    With ``quotes`` (the default) the workers also find each article's quotations, stored with
    it; without, ingest is about twice as fast and ``quotes_in`` finds them on first use.
    With ``framing`` (the default) they also find its framing marks
    (:func:`newsprism.framing.corpus_marks`), stored with it; marks need the quotations, so
    ``quotes=False`` stores no marks either, and ``outlets_in`` finds them on first use.
    With ``repeated`` (a number of articles, such as 5), a first pass over ``paths`` finds
    the lines each outlet prints in at least that many of its articles here (and 5% of them:
    :func:`corpus_repeated_lines`), and the cleaner drops them (reason ``repeated-line``, kept
    with each article's removed lines); the table itself is not stored, and the stored cleaner
    version does not name it. Pages are read twice then.
    """
    if repeated is not None:
        table = corpus_repeated_lines(paths, min_articles=repeated, read_options=read_options)
        clean_options = replace(clean_options or CleanOptions(), repeated=table)
    if workers is None:
        workers = min(4, os.cpu_count() or 1)
    started = time.perf_counter()
    rejects: list[tuple[str, str]] = []
    paths = list(paths)
    known = 0
    with Store(db) as store:
        run = store.record_run(note=" ".join(str(p) for p in paths)[:500])

        def on_known(n: int) -> None:
            nonlocal known
            known += n
            store.add_to_run(run, duplicates=n)
            if on_record:
                for _ in range(n):
                    on_record()

        prepared = _prepared(
            paths,
            clean_options,
            group_options or GroupOptions(),
            rejects,
            on_record,
            workers,
            known=lambda hashes: store.known_inputs(hashes).keys(),
            on_known=on_known,
            read_options=read_options,
            quotes=quotes,
            framing=framing,
        )
        try:
            result = store.add_articles(prepared, batch_size=batch_size, run=run)
        finally:
            prepared.close()  # done or abandoned: this process's heap thawed now, not when a traceback goes
        duplicates = len(result.duplicates) + known
        store.finish_run(run, added=len(result.added), duplicates=duplicates, rejects=rejects)
    seconds = time.perf_counter() - started
    return IngestSummary(len(result.added), duplicates, tuple(rejects), seconds, run, known)


def corpus_repeated_lines(
    paths: Iterable[str | Path], *, min_articles: int = 5, share: float = 0.05, read_options: ReadOptions | None = None
) -> frozenset[str]:
    """The repeated-line table (:func:`newsprism.clean.repeated_lines`) of every outlet of the
    records under ``paths``, as one set for ``CleanOptions(repeated=...)``. Records without an
    outlet count as one outlet. Memory: one counter entry for each distinct short line of an
    outlet (about 100 bytes each); the bodies themselves are not kept."""
    from .clean import RepeatCounter

    counter = RepeatCounter()
    for record in iter_records(list(paths), options=read_options):
        if not isinstance(record, InputError):
            counter.add(record.body, record.outlet)
    return counter.table(min_articles=min_articles, share=share)


def group_corpus(
    *,
    db: str | Path = DEFAULT_PATH,
    since: str | None = None,
    options: GroupOptions | None = None,
    on_progress: Callable[[str, int, int | None], None] | None = None,
) -> Grouping:
    """Group the stored articles (published on or after ``since``, if given) into stories and
    store them. Stories found before keep their ids as new articles join them.
    ``on_progress(stage, done, total)`` is told how far it is: ``features`` (articles whose
    features were not stored, a batch at a time), ``cluster`` (0, then all)."""
    opts = options or GroupOptions()
    with Store(db) as store:
        features, missing = store.group_features(features_method(opts), since=since)
        for lo in range(0, len(missing), 2000):  # stored before features were, or other options
            if on_progress:
                on_progress("features", lo, len(missing))
            made = featurize(list(store.iter_articles(ids=missing[lo : lo + 2000], head=GROUP_HEAD)), opts)
            store.save_features(made)
            features += made
        if on_progress:
            on_progress("cluster", 0, len(features))
        grouping = cluster(features, options=opts, previous=store.assignments())
        if on_progress:
            on_progress("cluster", len(features), len(features))
        origins = {a: o for s in grouping.stories for a, o in zip(s.articles, s.origins, strict=True) if a != o}
        store.save_stories(grouping.story_of(), origins, grouping.method)
    return grouping


def comparison_key(options: CompareOptions) -> str:
    """The key a stored comparison is kept under: the newsprism version, every option of the
    comparison and the version of every algorithm it runs (``comparison.algorithm_versions``),
    hashed. Another version, other options or a changed algorithm compute the comparison anew."""
    from ._version import __version__

    what = repr((_canonical(options), sorted(algorithm_versions(options).items())))
    return f"{__version__}:" + hashlib.sha256(what.encode("utf-8")).hexdigest()[:16]


def _canonical(value: object) -> object:
    """``value`` with its sets sorted, so its ``repr`` is the same in every process (a set's
    order follows string hashing, which changes between runs: ``CleanOptions.repeated``)."""
    if is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, tuple((f.name, _canonical(getattr(value, f.name))) for f in fields(value)))
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted((_canonical(v) for v in value), key=repr)))
    if isinstance(value, (tuple, list)):
        return tuple(_canonical(v) for v in value)
    return value


def kept_comparison(
    story_id: str, *, db: str | Path | Store = DEFAULT_PATH, options: CompareOptions | None = None
) -> str | None:
    """The JSON text of the comparison of a stored story kept under ``options`` (as
    :func:`compare_story` keeps it: ``Comparison.to_dict()``), or None when none is kept. A
    reader that only passes it on (the web app) need not parse it."""
    with nullcontext(db) if isinstance(db, Store) else Store(db) as store:
        return store.load_comparison(story_id, comparison_key(options or CompareOptions()))


def compare_story(
    story_id: str,
    *,
    db: str | Path | Store = DEFAULT_PATH,
    options: CompareOptions | None = None,
    recompute: bool = False,
    keep: bool = True,
) -> Comparison:
    """Compare the articles of a stored story. The comparison is kept in the store, so a later
    call with the same options reads it back instead of computing it (unless ``recompute``).
    ``db`` is a path or an open :class:`Store`; with ``keep=False`` (a read-only store) a
    comparison not kept before is computed and returned, not stored."""
    opts = options or CompareOptions()
    key = comparison_key(opts)
    with nullcontext(db) if isinstance(db, Store) else Store(db) as store:
        kept = None if recompute else store.load_comparison(story_id, key)
        if kept is not None:
            return Comparison.from_dict(json.loads(kept))
        articles = store.story_articles(story_id)
    comparison = compare(articles, options=opts)
    if keep:
        with nullcontext(db) if isinstance(db, Store) else Store(db) as store:
            store.save_comparison(story_id, key, json.dumps(comparison.to_dict(), ensure_ascii=False))
    return comparison


#: the most quotations one listing groups; a query matching more is refused (narrow it)
MAX_QUOTES = 100_000
#: stored articles whose quotations are looked for at a time (one transaction each)
_QUOTE_BATCH = 500


@dataclass(frozen=True)
class QuoteListing:
    """What :func:`quotes_in` found: who said what, in the stored articles.

    ``quotes`` are the quotations listed, in order: by (published, article id, ordinal) of
    each entry's first quotation, where an entry is one quotation or the quotations of one
    group, listed together. ``quote.group`` names the :class:`~newsprism.model.QuoteGroup`
    of ``groups`` when several articles quote the same words (:func:`newsprism.quotes.group_quotes`):
    each variant says how its article rendered them (``verbatim``, ``trimmed``, ``altered``
    with the character diff) with its speaker and cue words; it names its quotation by
    ``variant.article`` and ``variant.quote`` (the quotation's id in that article), and the
    first variant is the reference's (the fullest rendering). ``matched`` counts the entries
    the query matched, of which ``limit`` were kept. ``extracted`` counts the stored articles
    whose quotations were looked for by this call: stored before quotations were (or by
    another quotes version, ``method`` being the one used now)."""

    quotes: tuple[QuoteRow, ...]
    groups: tuple[QuoteGroup, ...] = ()
    matched: int = 0
    extracted: int = 0
    method: str = QUOTES_VERSION
    query: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_QUOTES,
            "method": self.method,
            "query": dict(self.query),
            "matched": self.matched,
            "extracted": self.extracted,
            "quotes": [r.to_dict() for r in self.quotes],
            "groups": [g.to_dict() for g in self.groups],
        }


SCHEMA_QUOTES = "newsprism.quotes/1"


def _fill_quotes(store: Store, on_article: Callable[[int, int], None] | None = None) -> int:
    """Look for the quotations of the stored articles that have none of this quotes version
    (stored before quotations were, or by another version) and store them; returns how many
    articles that was. ``on_article(done, total)`` is told after each batch."""
    missing = store.unquoted(QUOTES_VERSION)
    for lo in range(0, len(missing), _QUOTE_BATCH):
        articles = list(store.iter_articles(ids=missing[lo : lo + _QUOTE_BATCH]))
        store.save_quotes(((a, article_quotes(a).quotes) for a in articles), QUOTES_VERSION)
        if on_article:
            on_article(min(lo + _QUOTE_BATCH, len(missing)), len(missing))
    return len(missing)


def _grouped(rows: list[QuoteRow]) -> tuple[list[tuple[str | None, list[int]]], dict[str, QuoteGroup]]:
    """The entries of a listing in order of their first quotation: ``(group id, indexes into
    rows)``, one quotation with no group or the quotations of one group; and the groups by
    id, numbered ``g1``... in that order, their variants naming quotations by their ids in
    their articles and giving the stored cue words."""
    # group_quotes needs ids unique across articles: the row's index, for the time of the call
    temp = [replace(r.quote, id=f"q{i}", group=None) for i, r in enumerate(rows)]
    found, groups, _ = group_quotes(temp)
    entries: list[tuple[str | None, list[int]]] = []
    members: dict[str, list[int]] = {}
    for i, q in enumerate(found[: len(rows)]):
        if q.group is None:
            entries.append((None, [i]))
        elif q.group in members:
            members[q.group].append(i)
        else:
            members[q.group] = [i]
            entries.append((q.group, members[q.group]))
    # group_quotes numbers its groups in the order of their first quotation, as the entries are
    names = {gid: f"g{k}" for k, gid in enumerate((gid for gid, _ in entries if gid is not None), 1)}
    out: dict[str, QuoteGroup] = {}
    for g in groups:
        variants = tuple(
            replace(v, quote=rows[int(v.quote[1:])].quote.id, cue=rows[int(v.quote[1:])].cue) for v in g.variants
        )
        out[names[g.id]] = replace(g, id=names[g.id], reference=rows[int(g.reference[1:])].quote.id, variants=variants)
    return [(None if gid is None else names[gid], idx) for gid, idx in entries], out


def quotes_in(
    db: str | Path | Store = DEFAULT_PATH,
    *,
    speaker: str | None = None,
    search: str | None = None,
    outlet: str | None = None,
    limit: int | None = None,
    max_quotes: int = MAX_QUOTES,
    on_extract: Callable[[int, int], None] | None = None,
) -> QuoteListing:
    """Who said what in the stored articles: their quotations, with speaker, cue words,
    outlet, title and date, the same words quoted by several articles listed together with
    how each rendered them (see :class:`QuoteListing`).

    ``speaker`` keeps a speaker, case and accents aside, also by surname ("Stoltenberg" finds
    "Jens Stoltenberg"); ``search`` is a full-text query over the quoted words (SQLite FTS5
    syntax, as ``search``); ``outlet`` keeps one outlet; ``limit`` the first so many entries
    (a quotation, or the quotations of one group). Ingest stores each article's quotations;
    an article stored before it did has them looked for and stored here, once
    (``extracted``; ``on_extract(done, total)`` is told the progress). More than
    ``max_quotes`` matching quotations are refused: grouping them would take too long.
    """
    name = db.name if isinstance(db, Store) else str(db)
    if limit is not None and limit < 1:
        raise StoreError(f"{name}: the limit must be at least 1, not {limit}")
    with nullcontext(db) if isinstance(db, Store) else Store(db) as store:
        extracted = _fill_quotes(store, on_extract)
        rows = store.quotes(speaker=speaker, search=search, outlet=outlet, limit=max_quotes + 1)
    if len(rows) > max_quotes:
        raise StoreError(
            f"{name}: more than {max_quotes:,} quotations match, too many to group; narrow the listing with a "
            "speaker, words to search for or an outlet (or raise --max-quotes)"
        )
    entries, groups = _grouped(rows)
    listed: list[QuoteRow] = []
    kept: list[QuoteGroup] = []
    for gid, members in entries if limit is None else entries[:limit]:
        listed += [replace(rows[i], quote=replace(rows[i].quote, group=gid)) for i in members]
        if gid is not None:
            kept.append(groups[gid])
    query = {"speaker": speaker, "search": search, "outlet": outlet, "limit": limit}
    return QuoteListing(tuple(listed), tuple(kept), len(entries), extracted, QUOTES_VERSION, query)


__all__ = [
    "MAX_QUOTES",
    "SCHEMA_QUOTES",
    "IngestSummary",
    "QuoteListing",
    "article_id",
    "compare_story",
    "group_corpus",
    "ingest",
    "quotes_in",
]
