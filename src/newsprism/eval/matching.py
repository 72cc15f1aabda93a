"""Text matching as GOLD_FORMAT.md defines it: texts are compared after Unicode NFKC,
curly-to-straight quotation marks, lower case and whitespace folding."""

from __future__ import annotations

import unicodedata

QUOTE_FOLDS = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2033": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u2032": "'",
}


def folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index it came from in ``text``."""
    chars: list[str] = []
    pos: list[int] = []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            c = QUOTE_FOLDS.get(c, c).lower()
            for d in c:
                if d.isspace():
                    if chars and chars[-1] == " ":
                        continue
                    d = " "
                chars.append(d)
                pos.append(i)
    return "".join(chars), pos


def fold(text: str) -> str:
    return folded_with_positions(text)[0].strip()


def find_spans(needle: str, text: str) -> list[tuple[int, int]]:
    """Every occurrence of ``needle`` in ``text`` after folding, as spans of ``text``."""
    hay, pos = folded_with_positions(text)
    pin = fold(needle)
    if not pin:
        return []
    out = []
    at = hay.find(pin)
    while at >= 0:
        out.append((pos[at], pos[at + len(pin) - 1] + 1))
        at = hay.find(pin, at + 1)
    return out
