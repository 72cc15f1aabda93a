"""Dates written in text: the one month table and the one date reader of newsprism.

Used by the cleaner's date of a scraped article (its dropped byline or timestamp line) and
by the figures of :mod:`newsprism.numbers`. English month names and their usual
abbreviations only ("Sept." included); ISO dates, "January 31, 2023" and "31 January 2023".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_NAMES = (
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may",),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
)
#: every accepted spelling of a month, lower-case, to its number
MONTHS: dict[str, int] = {name: i for i, names in enumerate(_NAMES, start=1) for name in names}
#: a regular expression (no groups) for a month name or abbreviation, with an optional dot
MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)


def month_number(token: str) -> int | None:
    """1 to 12 for a month name or abbreviation ("Sept.", "january"), else None."""
    key = token.lower().rstrip(".")
    return MONTHS.get(key)


_DATES = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(rf"\b(?P<mon>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{MONTH_PATTERN}),?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
)


def find_date(text: str) -> str | None:
    """The first valid calendar date written in ``text``, as an ISO string, else None."""
    for pattern in _DATES:
        for m in pattern.finditer(text):
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else month_number(groups.get("mon") or "")
            try:
                return date(int(m.group("y")), month or 0, int(m.group("d"))).isoformat()
            except ValueError:
                continue
    return None


def date_from_lines(lines: Iterable[str]) -> str | None:
    """The first date found in ``lines``, in order (see :func:`find_date`)."""
    for line in lines:
        found = find_date(line)
        if found:
            return found
    return None


def parse_iso_date(value: str) -> date:
    """An ISO date (``2025-03-01``); raises ``ValueError`` with a message a user can act on."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD") from None
