"""Which characters a regular expression's match can start with, to skip patterns cheaply.

The cleaner tries about a hundred furniture patterns on every line of every article; most are
anchored at the start of the line (``^(photo|image)...``), so a line whose first character
cannot start a match need not be tried against them. :func:`first_chars` reads the parsed
pattern (the standard library's ``re._parser``) and returns the characters a match anchored at
the start must begin with, or None where it cannot tell (an unanchored pattern, a pattern that
may match the empty string, ``.``, a negated class or a category such as ``\\w``). None means
"always try it", so a Python whose parser differs makes the cleaner slower, never different.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

_p: Any
_c: Any
try:  # private modules: anything unexpected below falls back to "always try"
    _p = importlib.import_module("re._parser")
    _c = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - Python 3.11+ has both
    _p = _c = None

#: stands in a set of first characters for every character ``\d`` matches (those for which
#: ``str.isdecimal()`` is true: the Unicode decimal digits)
DIGIT = "\\d"
#: a character class wider than this is treated as "any character"
_MAX_RANGE = 512


class _Unknown(Exception):
    pass


def first_chars(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``regex`` (searched for in a line) must start with, or None.

    With ``re.IGNORECASE`` the set holds the lower- and upper-case forms; see
    :func:`admits` for the test that also covers characters whose case maps elsewhere."""
    if _p is None or _c is None:
        return None
    try:
        parsed = _p.parse(regex.pattern, regex.flags & ~re.UNICODE)
        items = list(parsed.data)
        if not items or items[0] != (_c.AT, _c.AT_BEGINNING) or regex.flags & re.MULTILINE:
            return _anchored_group(items)
        chars, nullable, _ = _sequence(items[1:], bool(regex.flags & re.IGNORECASE))
    except (_Unknown, AttributeError, TypeError, ValueError, RecursionError):
        return None
    return None if nullable else frozenset(chars)


def _anchored_group(items: list[Any]) -> frozenset[str] | None:
    """``(?-i:^...)``: a pattern that is one flag group starting with the anchor."""
    if len(items) == 1 and items[0][0] is _c.SUBPATTERN:
        _, add, remove, sub = items[0][1]
        inner = list(sub.data)
        if inner and inner[0] == (_c.AT, _c.AT_BEGINNING) and not (add | remove) & re.MULTILINE:
            chars, nullable, _ = _sequence(inner[1:], bool(add & re.IGNORECASE))
            return None if nullable else frozenset(chars)
    return None


def _sequence(items: list[Any], icase: bool) -> tuple[set[str], bool, bool]:
    """(first characters, whether the sequence can match empty, icase seen)."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av, icase)
        out |= chars
        if not nullable:
            return out, False, icase
    return out, True, icase


def _item(op: Any, av: Any, icase: bool) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return _cased({chr(av)}, icase), False
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(chr(x) for x in range(value[0], value[1] + 1))
            elif kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
                chars.add(DIGIT)
            else:  # NEGATE, other categories, wide ranges
                raise _Unknown
        return _cased(chars, icase), False
    if op is _c.SUBPATTERN:
        _, add, remove, sub = av
        inner_icase = (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        chars, nullable, _ = _sequence(list(sub.data), inner_icase)
        return chars, nullable
    if op is _c.BRANCH:
        chars = set()
        nullable = False
        for branch in av[1]:
            got, empty, _ = _sequence(list(branch.data), icase)
            chars |= got
            nullable = nullable or empty
        return chars, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, _, sub = av
        chars, nullable, _ = _sequence(list(sub.data), icase)
        return chars, nullable or low == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        chars, nullable, _ = _sequence(list(av.data), icase)
        return chars, nullable
    if op is _c.ASSERT_NOT:  # a negative lookahead consumes nothing and admits no character
        return set(), True
    raise _Unknown  # ANY, categories outside a class, AT other than the start, lookarounds...


def _cased(chars: set[str], icase: bool) -> set[str]:
    if not icase:
        return chars
    return chars | {c.lower() for c in chars} | {c.upper() for c in chars if len(c.upper()) == 1}


def admits(first: frozenset[str] | None, char: str) -> bool:
    """Whether a line starting with ``char`` may match a pattern whose first characters are
    ``first`` (None: any). Characters whose case maps onto one in the set (the Kelvin sign
    onto "k") are admitted too."""
    return (
        first is None
        or char in first
        or char.lower() in first
        or char.upper() in first
        or (DIGIT in first and char.isdecimal())
    )
