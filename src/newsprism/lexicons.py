"""Word lists as versioned data: one loader for every lexicon under ``newsprism/data/lexicons``.

A lexicon is a UTF-8, tab-separated file ``NAME.tsv`` that opens with a header of comment
lines, then one entry a line::

    # name: qualifiers
    # version: qualifiers.v1
    # source: written by the newsprism team
    # licence: MIT (the newsprism project's licence)
    # column phrase: the words before a figure, lower case
    # column meaning (lower-bound|upper-bound|approximate|estimate): what it says of the figure
    at least<TAB>lower-bound

The header gives ``name`` (the file's stem), ``version`` (``NAME.vN``; a change in the
entries is a new version), ``source``, ``licence`` and one ``column`` line per column, in
order. A column may declare its values: ``(int)``, ``(float)`` or a choice ``(a|b|c)``.
After the header, blank lines and lines starting with ``#`` are ignored; every other line
has exactly one value per column, none empty, and the first column holds no duplicates.
Entries keep the file's order (some users try them in order).

A file that breaks these rules is refused with a :class:`LexiconError` whose one-line
message names the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import NewsprismError

#: where the bundled lexicons live, inside the package
PACKAGE_DIR = "data/lexicons"

_HEADER = re.compile(r"#\s*(name|version|source|licence|column)\b\s*(.*)$")
_COLUMN = re.compile(r"([a-z][a-z0-9_]*)(?:\s*\(([^)]*)\))?\s*:\s*(\S.*)$")
_NAME = re.compile(r"[a-z][a-z0-9-]*")


class LexiconError(NewsprismError):
    """A lexicon file that does not follow the format; the message names file and line."""


@dataclass(frozen=True)
class Lexicon:
    """One word list: its identity, provenance and entries, in file order."""

    name: str
    version: str
    source: str
    licence: str
    #: column names, in order
    columns: tuple[str, ...]
    #: what each column holds, as the header says
    descriptions: tuple[str, ...]
    #: one tuple of strings per entry, one value per column
    rows: tuple[tuple[str, ...], ...]

    @property
    def entries(self) -> tuple[str, ...]:
        """The first column of every entry, in file order."""
        return tuple(row[0] for row in self.rows)

    def mapping(self, column: str | None = None) -> dict[str, str]:
        """First column -> ``column`` (the second one by default), in file order."""
        i = self._index(column) if column else 1
        return {row[0]: row[i] for row in self.rows}

    def where(self, column: str, value: str) -> tuple[str, ...]:
        """The entries whose ``column`` holds ``value``, in file order."""
        i = self._index(column)
        return tuple(row[0] for row in self.rows if row[i] == value)

    def _index(self, column: str) -> int:
        try:
            return self.columns.index(column)
        except ValueError:
            raise KeyError(
                f"lexicon {self.name} has no column {column!r} (columns: {', '.join(self.columns)})"
            ) from None


def names() -> list[str]:
    """The names of every bundled lexicon, sorted."""
    folder = resources.files("newsprism").joinpath(PACKAGE_DIR)
    return sorted(p.name[: -len(".tsv")] for p in folder.iterdir() if p.name.endswith(".tsv"))


@cache
def load(name: str) -> Lexicon:
    """The bundled lexicon ``name`` (read once, then cached)."""
    if not _NAME.fullmatch(name):
        raise LexiconError(f"{name!r}: not a lexicon name (lower-case letters, digits and hyphens)")
    resource = resources.files("newsprism").joinpath(f"{PACKAGE_DIR}/{name}.tsv")
    if not resource.is_file():
        raise LexiconError(f"{PACKAGE_DIR}/{name}.tsv: no such lexicon (bundled: {', '.join(names())})")
    return parse(resource.read_text("utf-8"), f"{PACKAGE_DIR}/{name}.tsv", name=name)


def parse(text: str, origin: str, *, name: str | None = None) -> Lexicon:
    """Read a lexicon from its text; ``origin`` names the file in error messages, and
    ``name``, when given, is the name the header must declare."""
    header: dict[str, str] = {}
    columns: list[tuple[str, str, str]] = []  # name, declared values, description
    rows: list[tuple[str, ...]] = []
    seen: dict[str, int] = {}
    in_header = True

    def fail(lineno: int, problem: str) -> LexiconError:
        return LexiconError(f"{origin}, line {lineno}: {problem}")

    lines = text.split("\n")
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r")
        if in_header and line.startswith("#"):
            m = _HEADER.match(line)
            if not m:
                if header or columns:
                    continue  # a free comment inside the header
                raise fail(lineno, "the header must start with '# name: ...'")
            key, value = m.group(1), m.group(2).strip()
            if key == "column":
                c = _COLUMN.fullmatch(value)
                if not c:
                    raise fail(lineno, "a column line reads '# column NAME [(TYPE)]: what it holds'")
                kind = c.group(2) or ""
                if kind and kind not in ("int", "float") and "|" not in kind:
                    raise fail(lineno, f"column type {kind!r} is not int, float or a choice such as (a|b)")
                if any(c.group(1) == col[0] for col in columns):
                    raise fail(lineno, f"column {c.group(1)!r} declared twice")
                columns.append((c.group(1), c.group(2) or "", c.group(3)))
                continue
            if not value.startswith(":") or not value[1:].strip():
                raise fail(lineno, f"a header line reads '# {key}: VALUE'")
            if key in header:
                raise fail(lineno, f"'{key}' given twice")
            header[key] = value[1:].strip()
            continue
        if in_header:
            in_header = False
            _check_header(header, bool(columns), name, lineno, fail)
        if not line.strip() or line.startswith("#"):
            continue
        values = tuple(line.split("\t"))
        if len(values) != len(columns):
            raise fail(
                lineno, f"{len(values)} tab-separated values where the header declares {len(columns)} ({line!r})"
            )
        for value, (col, kind, _) in zip(values, columns, strict=True):
            if value != value.strip() or not value:
                raise fail(lineno, f"column {col!r} is empty or has spaces around it ({line!r})")
            problem = _check_value(value, kind)
            if problem:
                raise fail(lineno, f"column {col!r}: {problem}")
        if values[0] in seen:
            raise fail(lineno, f"{values[0]!r} already listed on line {seen[values[0]]}")
        seen[values[0]] = lineno
        rows.append(values)
    last = max(1, len(text.splitlines()))
    if in_header:
        _check_header(header, bool(columns), name, last, fail)
    if not rows:
        raise fail(last, "no entries after the header")
    return Lexicon(
        name=header["name"],
        version=header["version"],
        source=header["source"],
        licence=header["licence"],
        columns=tuple(c[0] for c in columns),
        descriptions=tuple(c[2] for c in columns),
        rows=tuple(rows),
    )


def _check_header(
    header: dict[str, str], has_columns: bool, name: str | None, lineno: int, fail: Callable[[int, str], LexiconError]
) -> None:
    missing = [k for k in ("name", "version", "source", "licence") if k not in header]
    if missing or not has_columns:
        raise fail(lineno, f"the header lacks: {', '.join(missing + ([] if has_columns else ['column']))}")
    declared = header["name"]
    if not _NAME.fullmatch(declared):
        raise fail(lineno, f"name {declared!r} is not lower-case letters, digits and hyphens")
    if name is not None and declared != name:
        raise fail(lineno, f"the header names {declared!r}, the file is {name!r}")
    if not re.fullmatch(rf"{re.escape(declared)}\.v[1-9][0-9]*", header["version"]):
        raise fail(lineno, f"version {header['version']!r} does not read '{declared}.vN'")


def _check_value(value: str, kind: str) -> str | None:
    if not kind:
        return None
    if kind == "int":
        return None if re.fullmatch(r"-?[0-9]+", value) else f"{value!r} is not an integer"
    if kind == "float":
        try:
            float(value)
        except ValueError:
            return f"{value!r} is not a number"
        return None
    choices = kind.split("|")
    return None if value in choices else f"{value!r} is not one of {', '.join(choices)}"
