"""The command line: each command parses its options, makes one library call, renders.

Exit codes: 0 done; 1 an error in the input or the work (one line on stderr); 2 bad usage;
3 a quality gate failed (``eval --gate``); 130 interrupted.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import click

from ._version import __version__
from .errors import InputError, NewsprismError


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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprism")
def main() -> None:
    """newsprism: how different news outlets report the same story."""


def _outlets(values: tuple[str, ...], files: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise click.UsageError(f"--outlet {v!r}: write it as FILE=NAME, e.g. --outlet a.txt='Daily Post'")
        f, name = v.split("=", 1)
        if f not in files:
            raise click.UsageError(f"--outlet {v!r}: {f} is not one of the files to compare")
        out[f] = name.strip()
    return out


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "md"]),
    default="text",
    show_default=True,
    help="Output: a terminal rendering, the JSON contract, or Markdown.",
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
    default="minilm",
    show_default=True,
    help="Sentence embeddings mixed with word overlap to align facts; 'none' uses word overlap only.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=None,
    help="Lowest similarity for two sentences to carry the same fact (default: the method's own).",
)
@click.option("--width", type=int, default=None, help="Width of the text rendering (default: the terminal's).")
def compare(
    files: tuple[str, ...],
    fmt: str,
    output: str | None,
    outlets: tuple[str, ...],
    embedder: str,
    threshold: float | None,
    width: int | None,
) -> None:
    """Compare two or more articles about one story, side by side.

    FILES are .txt (first non-empty line is the headline), .html, .jsonl files, or - for
    standard input. A file that cannot be read is named on stderr and left out; the command
    fails when fewer than two different articles are left.
    """
    import dataclasses

    from .align import AlignOptions
    from .compare import CompareOptions
    from .compare import compare as run_compare
    from .readers import read_path
    from .render import render

    names = _outlets(outlets, files)
    align_opts = AlignOptions(embedder=None if embedder == "none" else embedder)
    if threshold is not None:
        align_opts = dataclasses.replace(align_opts, threshold=threshold)
    items: list = []
    for f in files:
        if f not in names:
            items.append(f)
            continue
        try:
            items.extend(dataclasses.replace(raw, outlet=names[f]) for raw in read_path(f))
        except InputError as exc:
            click.echo(f"newsprism: skipped {exc}", err=True)
    comparison = run_compare(items, options=CompareOptions(align=align_opts), skip_errors=True)
    for w in comparison.warnings:
        click.echo(f"newsprism: {w}", err=True)
    color = fmt == "text" and output is None and sys.stdout.isatty()
    text = render(comparison, fmt, width=width or (shutil.get_terminal_size().columns if color else 100), color=color)
    _emit(text, output)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to this file.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Lowest average similarity of a story.")
def group(paths: tuple[str, ...], fmt: str, output: str | None, threshold: float | None) -> None:
    """Group articles into stories.

    PATHS are article files or folders (searched recursively), read directly without a
    database. Unreadable files are named on stderr and left out.
    """
    import dataclasses

    from .group import GroupOptions
    from .group import group as run_group
    from .render.stories import render_stories

    if not paths:
        raise click.UsageError("give article files or folders to group")
    opts = GroupOptions() if threshold is None else dataclasses.replace(GroupOptions(), threshold=threshold)
    grouping = run_group(list(paths), options=opts, skip_errors=True)
    for p in grouping.problems:
        click.echo(f"newsprism: skipped {p}", err=True)
    _emit(render_stories(grouping, fmt), output)


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False))
@click.option(
    "--task",
    "tasks",
    multiple=True,
    type=click.Choice(["grouping", "cleaning", "alignment", "quotes", "framing"]),
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
@click.option("--embedder", type=click.Choice(["minilm", "wordllama", "none"]), default="minilm", show_default=True)
@click.option("--threshold", type=click.FloatRange(0, 1), default=None, help="Alignment threshold to evaluate.")
@click.option("--end-to-end", is_flag=True, help="Compare the stories newsprism group finds, not the gold ones.")
def eval_(
    gold_dir: str,
    tasks: tuple[str, ...],
    fmt: str,
    baseline: str | None,
    save: str | None,
    embedder: str,
    threshold: float | None,
    end_to_end: bool,
) -> None:
    """Score newsprism on a gold set (GOLD_DIR with articles/ and gold.json).

    Prints precision, recall and F1 per task as the gold format defines them. `newsprism
    convert NAME` turns a public data set into one.
    """
    import dataclasses

    from .align import AlignOptions
    from .compare import CompareOptions
    from .eval.run import TASKS, evaluate, gate, load_baseline, render_result, save_reports

    align_opts = AlignOptions(embedder=None if embedder == "none" else embedder)
    if threshold is not None:
        align_opts = dataclasses.replace(align_opts, threshold=threshold)
    result = evaluate(gold_dir, tasks=tasks or TASKS, options=CompareOptions(align=align_opts), end_to_end=end_to_end)
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


def _emit(text: str, output: str | None) -> None:
    if output:
        path = Path(output)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        click.echo(f"newsprism: wrote {path}", err=True)
    else:
        click.echo(text, nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
