"""Sentences with character offsets into the cleaned text.

Each paragraph (line of the cleaned text) is split by sentencex, a rule-based splitter that
keeps quotations and abbreviations ("Dr.", "U.S.", "Jan. 3") intact; a sentence never
crosses a paragraph boundary. Offsets are found by walking the paragraph, so every
``Sentence.text == text[start:end]`` holds, without trailing whitespace.

Limits: a quotation of several sentences followed by its attribution is one sentence only
when sentencex keeps it whole (it does for the common ``"... tomorrow. So we must ...," he
said.`` shape); headlines and subheadings without final punctuation are sentences of their own.
"""

from __future__ import annotations

from .model import Sentence, Span

SEGMENTER_VERSION = "sentencex-lines.v1"


def _split(paragraph: str) -> list[str]:
    from sentencex import segment

    return [s for s in segment("en", paragraph) if s.strip()]


def sentences(text: str) -> tuple[Sentence, ...]:
    """Split cleaned text (paragraphs separated by newlines) into sentences with offsets."""
    out: list[Sentence] = []
    pos = 0
    for paragraph in text.split("\n"):
        base = pos
        pos += len(paragraph) + 1
        if not paragraph.strip():
            continue
        cursor = 0
        for piece in _split(paragraph):
            piece = piece.strip()
            at = paragraph.find(piece, cursor)
            if at < 0:  # the splitter changed the text: fall back to the rest of the paragraph
                at, piece = cursor, paragraph[cursor:].strip()
                if not piece:
                    break
                at = paragraph.find(piece, cursor)
            start, end = base + at, base + at + len(piece)
            out.append(Sentence(len(out), Span(start, end), text[start:end]))
            cursor = at + len(piece)
        tail = paragraph[cursor:].strip()
        if tail:  # anything the splitter dropped stays in the last sentence's paragraph
            at = paragraph.find(tail, cursor)
            start, end = base + at, base + at + len(tail)
            out.append(Sentence(len(out), Span(start, end), text[start:end]))
    return tuple(out)
