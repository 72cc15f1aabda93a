"""The command line: each command parses its options, makes one library call, renders.

Exit codes: 0 done; 1 an error in the input or the work (one line on stderr); 2 bad usage;
3 a quality gate failed (``eval --gate``); 130 interrupted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import math
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .errors import NewsprismError, OptionsError, OutputError
from .text import plural as _plural


class _Group(click.Group):
    """Turns every error into one line on stderr, never a traceback."""

    def main(self, *args, **kwargs):
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except OptionsError as exc:  # values the options records refuse: usage, as click's checks
            click.echo(f"newsprism: error: {exc}", err=True)
            sys.exit(2)
        except click.exceptions.Abort:
            click.echo("newsprism: interrupted", err=True)
            sys.exit(130)
        except NewsprismError as exc:
            for warning in getattr(exc, "warnings", ()):
                click.echo(f"newsprism: {warning}", err=True)
            click.echo(f"newsprism: error: {exc}", err=True)
            sys.exit(1)
        except BrokenPipeError:
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("newsprism: interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # the last line of defence: one line, and how to see more
            if os.environ.get("NEWSPRISM_DEBUG"):
                raise
            click.echo(
                f"newsprism: internal error: {type(exc).__name__}: {exc} "
                "(set NEWSPRISM_DEBUG=1 for a traceback, and please report it)",
                err=True,
            )
            sys.exit(70)


class _Finite(click.FloatRange):
    """A ``click.FloatRange`` that also refuses ``nan`` and ``inf`` (which a range lets
    through, or names as merely out of range), naming the option."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = click.FloatRange.convert(self, value, param, ctx)
        if number is not None and not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """newsprism: how different news outlets report the same story."""


def _outlets(values: tuple[str, ...], files: tuple[str, ...]) -> dict[str, str]:
    from .api import unknown_outlet_paths

    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise click.UsageError(f"--outlet {v!r}: write it as FILE=NAME, e.g. --outlet a.txt='Daily Post'")
        f, name = v.split("=", 1)
        if not name.strip():
            raise click.UsageError(f"--outlet {v!r}: the outlet name is empty")
        out[f] = name.strip()
    for f in unknown_outlet_paths(out, files):
        raise click.UsageError(f"--outlet {f}={out[f]}: {f} is not one of the files to compare")
    return out


def _align_options(embedder: str, threshold: float | None, max_sentences: int | None = None) -> Any:
    from .align import AlignOptions

    opts = AlignOptions(embedder=None if embedder == "none" else embedder)
    if max_sentences is not None:
        opts = dataclasses.replace(opts, max_sentences=max_sentences)
    if threshold is None:
        return opts
    # an explicit threshold is the one bar for every pair of articles
    return dataclasses.replace(opts, threshold=threshold, independent_threshold=threshold)


MAX_BYTES_OPTION = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=20_000_000,
    show_default=True,
    help="The largest article read (a file, a .gz page once gunzipped, one JSONL line's text, one WARC page); "
    "larger input is refused with a one-line message.",
)


def _read_options(max_bytes: int) -> Any:
    from .readers import ReadOptions

    return ReadOptions(max_article_bytes=max_bytes)


@main.command()
@click.argument("files", nargs=-1)
@click.option("--story", help="Compare the articles of this stored story instead of FILES.")
@click.option(
    "--db",
    default="newsprism.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The corpus that holds --story.",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "md", "html"]),
    default="text",
    show_default=True,
    help="Output: a terminal rendering, the JSON contract, Markdown, or a self-contained HTML report.",
)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file instead of stdout."
)
@click.option(
    "--outlet",
    "outlets",
    multiple=True,
    metavar="FILE=NAME",
    help="Name the outlet of one file (repeatable); otherwise from page metadata or the file name.",
)
@click.option(
    "--embedder",
    type=click.Choice(["minilm", "wordllama", "none"]),
    default="wordllama",
    show_default=True,
    help="Sentence embeddings mixed with word overlap to align facts: wordllama (fast), minilm (most accurate, "
    "about 0.4 s for two 600-word articles), none (word overlap only).",
)
@click.option(
    "--threshold",
    type=_Finite(0, 1),
    default=None,
    help="Lowest similarity for two sentences to carry the same fact, for every pair of articles (default: the "
    "method's own, with a higher bar for articles written independently).",
)
@click.option(
    "--width",
    type=click.IntRange(min=40),
    default=None,
    help="Width of the text rendering (default: the terminal's; elsewhere $COLUMNS, else 80).",
)
@click.option(
    "--max-sentences",
    type=click.IntRange(min=2),
    default=3_000,
    show_default=True,
    help="The most sentences of one article a comparison aligns; a longer article is refused, so that memory "
    "and time stay bounded.",
)
@MAX_BYTES_OPTION
def compare(
    files: tuple[str, ...],
    story: str | None,
    db: str,
    fmt: str,
    output: str | None,
    outlets: tuple[str, ...],
    embedder: str,
    threshold: float | None,
    width: int | None,
    max_sentences: int,
    max_bytes: int,
) -> None:
    """Compare two or more articles about one story, side by side.

    FILES are .txt (first non-empty line is the headline), .html, .jsonl files, or - for
    standard input. A file that cannot be read is named on stderr and left out; the command
    fails when fewer than two different articles are left.
    """
    from .comparison import CompareOptions
    from .render import render

    if story and files:
        raise click.UsageError("give either FILES or --story, not both")
    if not story and not files:
        raise click.UsageError("give two or more FILES to compare, or --story ID")
    options = CompareOptions(align=_align_options(embedder, threshold, max_sentences))
    if story:
        from .corpus import compare_story

        _need_db(db)
        comparison = compare_story(story, db=db, options=options)
    else:
        from .api import compare as run_compare

        comparison = run_compare(
            files,
            options=options,
            skip_errors=True,
            outlets=_outlets(outlets, files),
            read_options=_read_options(max_bytes),
        )
    for w in comparison.warnings:
        click.echo(f"newsprism: {w}", err=True)
    color = fmt == "text" and output is None and sys.stdout.isatty()
    text = render(comparison, fmt, width=width or _text_width(color), color=color)
    _emit(text, output)


def _text_width(terminal: bool) -> int:
    """The width of the text rendering: the terminal's when stdout is one, else ``$COLUMNS``
    when set, else 80, so that piped output fits an 80-column terminal too."""
    if terminal:
        return max(40, shutil.get_terminal_size((80, 24)).columns)
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        return 80
    return columns if columns >= 40 else 80


DB_OPTION = click.option(
    "--db", default="newsprism.db", show_default=True, type=click.Path(dir_okay=False), help="The SQLite corpus."
)


@main.command()
@click.argument("paths", nargs=-1)
@DB_OPTION
@click.option(
    "--since",
    metavar="DATE",
    callback=lambda ctx, param, value: _iso_date(ctx, param, value),
    help="Only articles published on or after this ISO date (corpus only).",
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
@click.option("--threshold", type=_Finite(0, 1), default=None, help="Lowest average similarity of a story.")
@MAX_BYTES_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def group(
    paths: tuple[str, ...],
    db: str,
    since: str | None,
    fmt: str,
    output: str | None,
    threshold: float | None,
    max_bytes: int,
    quiet: bool,
) -> None:
    """Group articles into stories.

    With PATHS (article files or folders, searched recursively) the files are grouped
    directly, without a database; unreadable files are named on stderr and left out. Without
    PATHS the stored corpus (--db) is grouped and its stories saved: stories found before keep
    their ids as new articles join them.
    """
    from ._progress import Progress
    from .grouping import GroupOptions
    from .render.stories import render_stories

    opts = GroupOptions() if threshold is None else dataclasses.replace(GroupOptions(), threshold=threshold)
    if paths:
        from .api import group as run_group

        with Progress("group", enabled=not quiet) as progress:
            grouping = run_group(
                list(paths),
                options=opts,
                skip_errors=True,
                read_options=_read_options(max_bytes),
                on_progress=progress.update,
            )
        for p in grouping.problems:
            click.echo(f"newsprism: skipped {p}", err=True)
    else:
        from .corpus import group_corpus

        _need_db(db)
        with Progress("group", enabled=not quiet) as progress:
            grouping = group_corpus(db=db, since=since, options=opts, on_progress=progress.update)
    _emit(render_stories(grouping, fmt), output)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A ``--since`` value: an ISO date (``2025-03-01``), refused as bad usage otherwise."""
    if value is None:
        return None
    from .dates import parse_iso_date

    try:
        parse_iso_date(value)
    except ValueError as exc:
        raise click.BadParameter(f"{exc}, e.g. 2025-03-01") from None
    return value


def _need_db(db: str) -> None:
    if not Path(db).exists():
        raise NewsprismError(f"{db}: no such corpus; create it with: newsprism ingest PATH... --db {db}")


@contextlib.contextmanager
def _backfill_progress(what: str) -> Iterator[Callable[[int, int], None]]:
    """A bar on stderr (a terminal only) while the ``what`` of stored articles kept without
    them are found; yields the callback ``(done, total)`` the corpus functions report to."""
    from rich.progress import BarColumn, Progress, TextColumn

    progress = Progress(
        TextColumn(f"finding {what} of stored articles"),
        BarColumn(bar_width=None),
        TextColumn("{task.completed}/{task.total}"),
        disable=not sys.stderr.isatty(),
        transient=True,
    )
    with progress:
        task = progress.add_task(what, total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


def _said_backfill(what: str, count: int, method: str) -> None:
    """One line on stderr when ``count`` stored articles had their ``what`` found now."""
    if count:
        click.echo(
            f"newsprism: found the {what} of {_plural(count, 'article')} stored without them ({method}); "
            "they are kept for next time",
            err=True,
        )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@DB_OPTION
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes that clean and segment (default: one per core, at most 4).",
)
@MAX_BYTES_OPTION
@click.option(
    "--quotes/--no-quotes",
    default=True,
    show_default=True,
    help="Find and store each article's quotations (--no-quotes: about twice as fast, and no framing marks "
    "either, as marks need the quotations; `newsprism quotes` and `newsprism outlets` find them on first use).",
)
@click.option(
    "--framing/--no-framing",
    default=True,
    show_default=True,
    help="Find and store each article's framing marks (attribution verbs, hedges, loaded words, scare quotes, "
    "names of the alias table); `newsprism outlets` finds them on first use when left out.",
)
@click.option(
    "--repeated",
    type=click.IntRange(min=2),
    default=None,
    metavar="N",
    help="Drop the lines an outlet prints in at least N of its articles here (and 5% of them): a first pass "
    "over the inputs finds them, so pages are read twice.",
)
def ingest(
    paths: tuple[str, ...],
    db: str,
    fmt: str,
    quiet: bool,
    workers: int | None,
    max_bytes: int,
    quotes: bool,
    framing: bool,
    repeated: int | None,
) -> None:
    """Store articles in the corpus: folders (recursive), .txt, .html, .jsonl(.gz), RSS and
    Atom feeds, WARC files.

    Re-ingesting is idempotent. A record that cannot be read is skipped, counted and named in
    the summary; the run goes on.
    """
    from ._progress import Progress
    from .corpus import ingest as run_ingest
    from .sources import count_records

    total = None if quiet else count_records(list(paths))
    with Progress("ingest", total=total, enabled=not quiet) as progress:
        summary = run_ingest(
            list(paths),
            db=db,
            on_record=progress.advance,
            workers=workers,
            read_options=_read_options(max_bytes),
            quotes=quotes,
            framing=framing,
            repeated=repeated,
        )
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        rate = (summary.added + summary.duplicates) / summary.seconds if summary.seconds else 0.0
        click.echo(
            f"{summary.added} added, {_plural(summary.duplicates, 'duplicate')}, {len(summary.rejected)} rejected "
            f"({summary.seconds:.1f} s, {rate:.0f} articles/s) into {db}"
        )
        for source, reason in summary.rejected[:20]:
            click.echo(f"  rejected {source}: {reason}")
        if len(summary.rejected) > 20:
            click.echo(f"  ... and {len(summary.rejected) - 20} more (see the rejects table)")


@main.command()
@click.argument("query")
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True, help="At most this many hits.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search(query: str, db: str, limit: int, fmt: str) -> None:
    """Full-text search of the stored articles (SQLite FTS5 syntax; quote a phrase)."""
    from .store import Store

    _need_db(db)
    with Store(db) as store:
        hits = store.search(query, limit=limit)
    if fmt == "json":
        click.echo(json.dumps([h.to_dict() for h in hits], indent=2, ensure_ascii=False))
        return
    for h in hits:
        click.echo(f"{h.id}  {h.published or '-':10}  {h.outlet or '-'}: {h.title or '-'}\n    {h.snippet}")


@main.command()
@DB_OPTION
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="At most this many.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many first.")
@click.option("--outlet", help="Only this outlet.")
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def articles(db: str, limit: int, offset: int, outlet: str | None, fmt: str) -> None:
    """List the stored articles."""
    from .store import Store

    _need_db(db)
    with Store(db) as store:
        rows = store.articles(limit=limit, offset=offset, outlet=outlet)
        total = store.count_articles()
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    for r in rows:
        click.echo(
            f"{r.id}  {r.published or '-':10}  {_plural(r.n_sentences, 'sentence'):>14}  "
            f"{r.outlet or '-'}: {r.title or '-'}" + (f"  [credit: {r.credit}]" if r.credit else "")
        )
    click.echo(f"({len(rows)} of {_plural(total, 'article')})", err=True)


@main.command()
@DB_OPTION
@click.option(
    "--speaker", metavar="NAME", help="Only this speaker, case aside; a surname finds the full name (Stoltenberg)."
)
@click.option("--search", metavar="WORDS", help="Full-text search of the quoted words (SQLite FTS5 syntax).")
@click.option("--outlet", help="Only this outlet.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="At most this many quotations (the same words in several articles count once).",
)
@click.option(
    "--max-quotes",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="The most matching quotations grouped (the same words across articles); more are refused: narrow the "
    "listing with --speaker, --search or --outlet.",
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
def quotes(
    db: str,
    speaker: str | None,
    search: str | None,
    outlet: str | None,
    limit: int,
    max_quotes: int,
    fmt: str,
    output: str | None,
) -> None:
    """Who said what in the stored articles: each quotation with its speaker, cue words,
    outlet, article and date. The same words quoted by several articles are shown together,
    with how each rendered them (verbatim, trimmed, altered) and the verb it used.

    Articles stored before newsprism kept quotations have theirs found on the first run
    (said on stderr).
    """
    from .corpus import quotes_in
    from .render.quotes import render_quotes

    _need_db(db)
    with _backfill_progress("quotations") as report:
        listing = quotes_in(
            db, speaker=speaker, search=search, outlet=outlet, limit=limit, max_quotes=max_quotes, on_extract=report
        )
    _said_backfill("quotations", listing.extracted, listing.method)
    _emit(render_quotes(listing, fmt), output)
    entries = len({r.quote.group or f"{r.quote.article}/{r.quote.id}" for r in listing.quotes})
    more = f"; --limit {listing.matched} shows all" if listing.matched > entries else ""
    click.echo(f"({entries} of {_plural(listing.matched, 'quotation')}{more})", err=True)


@main.command()
@DB_OPTION
@click.option("--outlet", metavar="NAME", help="Only this outlet (as written in the store).")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="How many forms of each list, and how many entities' names, to show.",
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
def outlets(db: str, outlet: str | None, top: int, fmt: str, output: str | None) -> None:
    """How each outlet reports, over all its stored articles: its own-voice framing marks per
    1,000 words (marks inside quotations are the speakers'), the attribution verbs, hedges,
    loaded words and scare quotes it uses most, and the names it uses for the most mentioned
    entities whose names vary across the corpus ("DPRK" or "North Korea").

    Articles stored without framing marks have theirs found on the first run (said on stderr).
    """
    from .outlets import outlets_in
    from .render.outlets import render_outlets

    _need_db(db)
    with _backfill_progress("framing marks") as report:
        listing = outlets_in(db, outlet=outlet, top=top, on_frame=report)
    _said_backfill("framing marks", listing.framed, listing.method)
    _emit(render_outlets(listing, fmt), output)


@main.command()
@DB_OPTION
@click.option(
    "--since", metavar="DATE", callback=_iso_date, help="Only stories with articles on or after this ISO date."
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stories(db: str, since: str | None, fmt: str) -> None:
    """List the stored stories with size, dates, headline and outlets (run newsprism group first)."""
    from .render.view import one_line
    from .store import Store

    _need_db(db)
    with Store(db) as store:
        rows = store.stories(since=since)
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    for r in rows:
        dates = f"{r.first_published or '-'}..{r.last_published or '-'}"
        credits = f"  [credit: {', '.join(r.credits)}]" if r.credits else ""
        click.echo(
            f"{r.id}  {_plural(r.size, 'article'):>12}  {_plural(r.n_origins, 'origin'):>11}  {dates}  "
            f"{one_line(r.label)}{credits}"
        )


@main.command()
@click.option(
    "--db",
    default=None,
    type=click.Path(dir_okay=False),
    help="The corpus to browse, opened read-only (without it: comparisons of pasted articles only).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="The port to bind.")
@click.option(
    "--max-articles", type=click.IntRange(min=2), default=10, show_default=True, help="Articles in one comparison."
)
@click.option(
    "--max-request-bytes",
    type=click.IntRange(min=1),
    default=5_000_000,
    show_default=True,
    help="The largest request body (a form with its uploads); larger is refused with 413.",
)
@click.option(
    "--max-article-bytes",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="The largest article (pasted text or uploaded file); larger is refused with 413.",
)
@click.option(
    "--timeout",
    type=_Finite(min=0.1),
    default=20.0,
    show_default=True,
    help="Seconds a request may take; a longer one is answered with 408.",
)
@click.option("--embedder", type=click.Choice(["minilm", "wordllama", "none"]), default="wordllama", show_default=True)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Server processes: comparisons are CPU-bound, one process uses one core.",
)
def serve(
    db: str | None,
    host: str,
    port: int,
    max_articles: int,
    max_request_bytes: int,
    max_article_bytes: int,
    timeout: float,
    embedder: str,
    workers: int,
) -> None:
    """Run the web app: paste or upload articles and read their comparison, browse and search
    the stored stories, outlets' profiles, and a JSON API (/api/..., described at
    /openapi.json). Needs the web extra: pip install 'newsprism[web]'.

    The corpus is opened read-only; the server answers only to loopback names when bound to a
    loopback address. Ctrl-C stops it.
    """
    from .web import WebOptions, require_web
    from .web import serve as run_serve

    require_web()
    if db is not None:
        _need_db(db)
        from .store import Store

        Store(db, readonly=True).close()  # a clear error now rather than on each request
    options = WebOptions(
        max_articles=max_articles,
        max_request_bytes=max_request_bytes,
        max_article_bytes=max_article_bytes,
        request_seconds=timeout,
        embedder=embedder,
    )
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"newsprism: serving {db + ' (read-only)' if db else 'comparisons'} at http://{shown}:{port}/ (Ctrl-C stops)",
        err=True,
    )
    run_serve(db, host=host, port=port, options=options, workers=workers)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option(
    "--task",
    "tasks",
    multiple=True,
    type=click.Choice(["grouping", "cleaning", "alignment", "quotes", "framing", "figures"]),
    help="Score only these tasks (repeatable; default: all).",
)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--gate",
    "baseline",
    type=click.Path(dir_okay=False, exists=True),
    help="Fail (exit 3) when a score falls below its floor in this baseline file.",
)
@click.option("--save", type=click.Path(file_okay=False), help="Write each story's comparison JSON into this folder.")
@click.option("--embedder", type=click.Choice(["minilm", "wordllama", "none"]), default="wordllama", show_default=True)
@click.option("--threshold", type=_Finite(0, 1), default=None, help="Alignment threshold to evaluate.")
@click.option("--end-to-end", is_flag=True, help="Compare the stories newsprism group finds, not the gold ones.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
def eval_(
    gold_dir: str,
    tasks: tuple[str, ...],
    fmt: str,
    baseline: str | None,
    save: str | None,
    embedder: str,
    threshold: float | None,
    end_to_end: bool,
    quiet: bool,
) -> None:
    """Score newsprism on a gold set (GOLD_DIR with articles/ and gold.json).

    Prints precision, recall and F1 per task as the gold format defines them. `newsprism
    convert NAME` turns a public data set into one.
    """
    from ._progress import Progress
    from .comparison import CompareOptions
    from .eval.run import TASKS, evaluate, gate, load_baseline, render_result, save_reports

    options = CompareOptions(align=_align_options(embedder, threshold))
    with Progress("eval", enabled=not quiet) as progress:
        result = evaluate(
            gold_dir, tasks=tasks or TASKS, options=options, end_to_end=end_to_end, on_progress=progress.update
        )
    if save:
        save_reports(result, save)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(render_result(result), nl=False)
    if baseline:
        failures = gate(result, load_baseline(baseline))
        for f in failures:
            click.echo(f"newsprism: gate failed: {f}", err=True)
        if failures:
            sys.exit(3)
        click.echo(f"newsprism: gate passed for {result.gold_set}", err=True)


@main.command()
@click.argument("name", type=click.Choice(["basil", "polnear", "newswcl50", "ecbplus", "scrapinghub", "neus"]))
@click.option(
    "--src",
    type=click.Path(file_okay=False, exists=True),
    help="The data set's folder (default: found in ../shared/data or $NEWSPRISM_SHARED_DATA).",
)
@click.option(
    "--dest",
    type=click.Path(file_okay=False),
    help="Where to write the gold set (default: the cache, $NEWSPRISM_CACHE or ~/.cache/newsprism, under gold/NAME).",
)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N stories.")
@click.option("--split", help="PolNeAR only: the split to convert (dev or train; default: dev).")
def convert(name: str, src: str | None, dest: str | None, limit: int | None, split: str | None) -> None:
    """Convert a public research data set into a gold set that `newsprism eval` reads.

    Converted data goes to a cache outside the repository; the data sets' licences are in
    their own folders.
    """
    from .eval.convert import convert as run_convert

    try:
        options = {"split": split} if split else {}
        if split and name != "polnear":
            raise click.UsageError("--split is for polnear only")
        summary = run_convert(name, Path(src) if src else None, Path(dest) if dest else None, limit=limit, **options)
    except ValueError as exc:
        raise NewsprismError(str(exc)) from None
    click.echo(str(summary))
    for reason, n in summary.skipped.items():
        click.echo(f"  skipped {n}: {reason}")
    click.echo(f"newsprism: gold set written to {summary.dest}; score it with: newsprism eval {summary.dest}", err=True)


def _write_file(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path``.

    A regular file (or a new one) is written atomically: a temporary file in the same folder,
    renamed over the target, so a reader never sees half a report and a failed write leaves
    the old file and no temporary. Anything else is written through, never replaced: a
    character device (``/dev/null``), a FIFO, and a symlink, whose target gets the text while
    the link stays.
    """
    data = text.encode("utf-8")
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if os.path.islink(path) or (mode is not None and not stat.S_ISREG(mode)):
        with open(path, "wb") as f:
            f.write(data)
        return
    folder = os.path.dirname(path) or "."
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    try:
        try:
            f = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with f:
            f.write(data)
        if mode is None:  # a new file gets the usual permissions, not mkstemp's 0600
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        else:
            os.chmod(tmp, stat.S_IMODE(mode))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _emit(text: str, output: str | None) -> None:
    """Print ``text`` to stdout, or write it to the file ``output`` (see :func:`_write_file`)."""
    if not output:
        click.echo(text, nl=False)
        return
    try:
        _write_file(output, text)
    except OSError as exc:
        raise OutputError.from_os_error(output, exc) from None
    click.echo(f"newsprism: wrote {output}", err=True)


# ------------------------------------------------------------------ the Spark backend


@main.group()
def spark() -> None:
    """The corpus path on Apache Spark: ingest, group, compare (needs the spark extra and Java 17).

    Each writes Parquet under --out; `newsprism import --db news.db OUT` loads it into SQLite.
    See docs/spark.md for spark-submit.
    """


MASTER_OPTION = click.option(
    "--master",
    default=None,
    metavar="URL",
    help="Spark master (default: the one spark-submit gives, else local[*]), e.g. local[2].",
)
OUT_OPTION = click.option(
    "--out", required=True, metavar="DIR", help="The output folder (a path or URI: hdfs://, s3://, ...)."
)


@spark.command(name="ingest")
@click.argument("inputs", nargs=-1, required=True)
@OUT_OPTION
@MASTER_OPTION
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@MAX_BYTES_OPTION
@click.option("--quotes/--no-quotes", default=True, show_default=True, help="Find each article's quotations.")
@click.option("--framing/--no-framing", default=True, show_default=True, help="Find each article's framing marks.")
@click.option(
    "--split-mb",
    type=click.IntRange(min=1),
    default=32,
    show_default=True,
    help="A JSONL file is read by one task per this many MB of it (a WARC file by one task).",
)
def spark_ingest(
    inputs: tuple[str, ...],
    out: str,
    master: str | None,
    fmt: str,
    max_bytes: int,
    quotes: bool,
    framing: bool,
    split_mb: int,
) -> None:
    """Prepare every record of INPUTS (files, folders, JSONL, WARC, feeds, Parquet) on Spark
    and write the articles as Parquet under --out, one file per unit of work.

    Counts processed, failed and skipped records; a bad record is counted and its one-line
    error kept in OUT/done/, never failing the job. A rerun skips the units already done.
    """
    from . import spark as backend

    options = backend.UnitOptions(read=_read_options(max_bytes), quotes=quotes, framing=framing)
    summary = backend.ingest(
        list(inputs), out, spark=backend.session(master), options=options, split_bytes=split_mb << 20
    )
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(
            f"{summary.processed} processed, {summary.failed} failed, {summary.skipped} skipped "
            f"({summary.units} units run, {summary.units_skipped} done before; {summary.seconds:.1f} s) into {out}"
        )
        for source, reason in summary.errors:
            click.echo(f"  failed {source}: {reason}")
        if summary.failed > len(summary.errors):
            click.echo(f"  ... every failed record is named in {out}/done/")
    if not summary.processed and not summary.skipped:
        raise NewsprismError(f"{out}: no article was written: every record failed")


@spark.command(name="group")
@OUT_OPTION
@MASTER_OPTION
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--threshold", type=_Finite(0, 1), default=None, help="Lowest average similarity of a story.")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Tasks of the clustering step.")
def spark_group(out: str, master: str | None, fmt: str, threshold: float | None, partitions: int | None) -> None:
    """Group the articles under --out into stories, exactly as `newsprism group` does, and
    write them to OUT/stories/ (ids stay stable as the pile grows)."""
    from . import spark as backend
    from .grouping import GroupOptions
    from .render.stories import render_stories

    opts = GroupOptions() if threshold is None else dataclasses.replace(GroupOptions(), threshold=threshold)
    grouping = backend.group(out, spark=backend.session(master), options=opts, partitions=partitions)
    click.echo(render_stories(grouping, fmt), nl=False)
    stats = grouping.stats
    click.echo(
        f"newsprism: {stats['articles']} articles, {stats['stories']} stories, {stats['candidate_pairs']} candidate "
        f"pairs, {stats['blocks']} blocks (largest {stats['largest_block']} articles) -> {out}/stories",
        err=True,
    )


@spark.command(name="compare")
@OUT_OPTION
@MASTER_OPTION
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N stories, largest first.")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Tasks of the comparison step.")
def spark_compare(out: str, master: str | None, fmt: str, limit: int | None, partitions: int | None) -> None:
    """Compare the articles of every story of two or more under --out and write the
    comparisons (the JSON contract) to OUT/comparisons/."""
    from . import spark as backend

    summary = backend.compare(out, spark=backend.session(master), limit=limit, partitions=partitions)
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(f"{summary.compared} compared, {summary.failed} failed ({summary.seconds:.1f} s) into {out}")
        for story, reason in summary.errors:
            click.echo(f"  failed {story}: {reason}")
    if summary.failed and not summary.compared:
        raise NewsprismError(f"{out}: no story could be compared")


@main.command(name="import")
@click.argument("folder", type=click.Path(file_okay=False))
@DB_OPTION
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def import_(folder: str, db: str, fmt: str) -> None:
    """Load the Parquet output of `newsprism spark` (FOLDER, on this machine) into the store:
    articles with their features, quotations and marks, stories and comparisons."""
    from .spark import import_output, require_spark

    require_spark(java=False)
    summary = import_output(folder, db=db)
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        click.echo(
            f"{summary.articles} added, {_plural(summary.duplicates, 'duplicate')}, "
            f"{_plural(summary.stories, 'story', 'stories')}, {_plural(summary.comparisons, 'comparison')} into {db}"
        )


if __name__ == "__main__":  # pragma: no cover
    main()
