"""Progress of long commands on stderr (the command line's, never the core's).

On a terminal: a rich bar with the stage, done / total, elapsed time and the time left (ETA),
cleared when the work ends. Elsewhere (a log file, CI): one plain line at a time, at most every
``$NEWSPRISM_PROGRESS_EVERY`` seconds (5 by default; 0 writes every update), such as::

    ingest: 1,200/5,000 records (24%), 31 s, about 98 s left

and a last line when the work ends, if any line was written (short work writes none).

The core reports progress through callbacks, ``on_progress(stage, done, total)`` (``total``
None when unknown), and knows nothing of this module.
"""

from __future__ import annotations

import os
import sys
import time
from types import TracebackType
from typing import Any, TextIO

from .text import plural

#: how each stage of the core reads to a person, and what it counts
STAGES = {
    "ingest": ("ingest", "record"),
    "read": ("reading articles", "article"),
    "features": ("grouping features", "article"),
    "cluster": ("clustering", "article"),
    "compare": ("comparing stories", "story"),
    "single": ("single articles", "article"),
}


def _every() -> float:
    try:
        return max(0.0, float(os.environ.get("NEWSPRISM_PROGRESS_EVERY", "5")))
    except ValueError:
        return 5.0


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, s = divmod(int(seconds), 60)
    return f"{minutes} min {s:02d} s" if minutes < 60 else f"{minutes // 60} h {minutes % 60:02d} min"


def _count(n: int, unit: str) -> str:
    return plural(n, unit, "stories" if unit == "story" else None)


class Progress:
    """A progress display for one command (``label``: ``ingest``, ``group``, ``eval``).

    ``update(stage, done, total)`` is the core's callback; ``advance()`` adds one to the
    current stage. ``enabled=False`` shows nothing; ``tty`` (default: whether ``stream`` is a
    terminal) chooses the bar or the plain lines.
    """

    def __init__(
        self,
        label: str,
        *,
        stage: str | None = None,
        total: int | None = None,
        enabled: bool = True,
        stream: TextIO | None = None,
        tty: bool | None = None,
        every: float | None = None,
    ) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = self.stream.isatty() if tty is None else tty
        self.every = _every() if every is None else every
        self.stage = stage or label
        self.done = 0
        self.total = total
        self.started = self.stage_started = time.monotonic()
        self.last = self.started
        self.written = 0
        self._bar: Any = None
        self._task: Any = None

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Progress:
        if self.enabled and self.tty:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description}"),
                BarColumn(bar_width=None),
                MofNCompleteColumn(),
                TextColumn("{task.fields[unit]}"),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                console=Console(file=self.stream, force_terminal=True),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(self._description(), total=self.total, unit=self._units())
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(exc_type, exc, tb)
            self._bar = None
        elif self.enabled and self.written and exc_type is None:
            elapsed = time.monotonic() - self.started
            self._write(f"{self.label}: done in {_duration(elapsed)}")

    # ------------------------------------------------------------------ updates

    def advance(self, n: int = 1) -> None:
        self.update(self.stage, self.done + n, self.total)

    def update(self, stage: str, done: int, total: int | None = None) -> None:
        """The core's callback: ``done`` of ``total`` in ``stage``."""
        if not self.enabled:
            return
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.stage_started = stage, now
        self.done, self.total = done, total
        if self._bar is not None:
            self._bar.update(
                self._task, description=self._description(), completed=done, total=total, unit=self._units()
            )
            return
        if now - self.last >= self.every or (self.every == 0):
            self.last = now
            self._write(self.line(now))

    def line(self, now: float | None = None) -> str:
        """The plain line for the state now: ``ingest: 1,200/5,000 records (24%), 31 s, about
        98 s left``."""
        now = time.monotonic() if now is None else now
        elapsed = now - self.stage_started
        name = self._description()
        unit = self._unit()
        if self.total:
            count = f"{self.done:,}/{_count(self.total, unit)} ({100 * self.done / self.total:.0f}%)"
        else:
            count = _count(self.done, unit)
        text = f"{name}: {count}, {_duration(elapsed)}"
        if self.total and 0 < self.done < self.total and elapsed > 0:
            left = elapsed * (self.total - self.done) / self.done
            text += f", about {_duration(left)} left"
        return text

    # ------------------------------------------------------------------ plumbing

    def _description(self) -> str:
        name = STAGES.get(self.stage, (self.stage, ""))[0]
        return name if name == self.label else f"{self.label}: {name}"

    def _unit(self) -> str:
        return STAGES.get(self.stage, ("", "item"))[1] or "item"

    def _units(self) -> str:
        unit = self._unit()
        return "stories" if unit == "story" else unit + "s"

    def _write(self, text: str) -> None:
        self.written += 1
        try:
            self.stream.write(text + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # a closed or broken stderr does not stop the work
            self.enabled = False


__all__ = ["STAGES", "Progress"]
