"""The checks the public options records run in ``__post_init__``: each raises
:class:`~newsprism.errors.OptionsError` with one line naming the record, the field, the
value and what is allowed (``GroupOptions.rescue_floor must be a number from 0 to 1, not 1.5``)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from .errors import OptionsError


def _fail(record: object, name: str, allowed: str, value: object) -> OptionsError:
    shown = repr(value).replace("\n", " ")
    if len(shown) > 60:  # a record or a long text: its kind is what went wrong
        shown = f"a {type(value).__name__}" if not isinstance(value, str) else shown[:57] + "..."
    return OptionsError(f"{type(record).__name__}.{name} must be {allowed}, not {shown}")


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def number(record: object, name: str, low: float | None = 0.0, high: float | None = 1.0) -> None:
    """``record.name`` is a finite number (int or float, not bool) from ``low`` to ``high``
    (None: unbounded that side)."""
    value = getattr(record, name)
    if is_number(value) and (low is None or value >= low) and (high is None or value <= high):
        return
    if low is not None and high is not None:
        allowed = f"a number from {low:g} to {high:g}"
    elif low is not None:
        allowed = f"a number of {low:g} or more"
    else:
        allowed = "a number"
    raise _fail(record, name, allowed, value)


def whole(record: object, name: str, low: int = 0) -> None:
    """``record.name`` is a whole number (int, not bool) of at least ``low``."""
    value = getattr(record, name)
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        raise _fail(record, name, f"a whole number of {low} or more", value)


def flag(record: object, name: str) -> None:
    """``record.name`` is True or False."""
    value = getattr(record, name)
    if not isinstance(value, bool):
        raise _fail(record, name, "True or False", value)


def text(record: object, name: str, *, optional: bool = False) -> None:
    """``record.name`` is a string (or None when ``optional``)."""
    value = getattr(record, name)
    if not (isinstance(value, str) or (optional and value is None)):
        raise _fail(record, name, "a string or None" if optional else "a string", value)


def choice(record: object, name: str, choices: Iterable[Any]) -> None:
    """``record.name`` is one of ``choices``."""
    value = getattr(record, name)
    options = tuple(choices)
    if not any(value is c or (type(value) is type(c) and value == c) for c in options):
        raise _fail(record, name, "one of " + ", ".join(repr(c) for c in options), value)


def instance(record: object, name: str, kind: type, *, optional: bool = False) -> None:
    """``record.name`` is a ``kind`` (or None when ``optional``)."""
    value = getattr(record, name)
    if not (isinstance(value, kind) or (optional and value is None)):
        article = "an" if kind.__name__[0] in "AEIOU" else "a"
        allowed = f"{article} {kind.__name__}" + (" or None" if optional else "")
        raise _fail(record, name, allowed, value)


def relation(record: object, name: str, ok: bool, allowed: str) -> None:
    """A cross-field condition: ``ok`` false raises, ``allowed`` saying what is allowed."""
    if not ok:
        raise _fail(record, name, allowed, getattr(record, name))
