"""Cleaning: drop the page furniture a scraper leaves in article text.

The cleaner works line by line. A line is dropped when it matches one of the patterns in
``data/furniture.tsv`` (related-link teasers, comment sections, advertisement markers,
newsletter and share prompts, photo credits and captions, bylines, timestamps, reading-time
lines, lone datelines, tags and copyright lines), when it repeats the headline, when its
shape and place before or after the story make it furniture whatever its words (mastheads,
appeals, comment forms, lists of other headlines: :func:`_structure`, text input only), when
the outlet prints it on many pages (``CleanOptions(repeated=...)``, :func:`repeated_lines`),
or when it is a short label (a site name, a section name) above the first or below the last
line of story text. Every dropped line is kept verbatim in ``Article.removed`` with its
category, so a user can see what was taken out. docs/cleaning.md has the evidence and what
it was measured on.

A phrase pattern ("comments are closed", "sign up for our newsletter") marked ``start`` drops a
line longer than :data:`LONG_LINE` when the line opens with it, or when at least half of the
line's sentences read as furniture (they address the reader: see :func:`_reads_as_furniture`):
a paragraph of story text that mentions the phrase is kept, a sign-up blurb is not. Measured on
14,000 allsides_baly2020 articles against ``furniture.v1`` (which dropped any such line): 14 of
16,193 dropped lines differ; 6 were story text v1 lost, 7 are furniture now kept (six
sign-up blurbs in the third person or opening with "To read more", one separator line), 1 is
a columnist's request to readers.

Limits: it judges one line at a time, so furniture glued onto a story sentence in the same
line stays, and a story line that happens to look like furniture (a one-line paragraph
"Comments" in the middle of a story) is dropped. A "rest" pattern (a comment-section heading)
drops everything below it only with strong evidence (:func:`_rest_cut`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Any

from ._firstchar import admits, first_chars
from .credits import find_credits
from .model import RawArticle

CLEANER_VERSION = "furniture.v15"
#: the version of the cleaner with the learned line-shape decision switched off (``furniture.v9``
#: is these rules and ``shape.v2``; ``furniture.v8`` was ``furniture.v7``'s rules and ``shape.v2``)
CLEANER_VERSION_WITHOUT_SHAPE = "furniture.v15-noshape"


@dataclass(frozen=True, slots=True)
class FurniturePattern:
    category: str
    scope: str  # "line" or "rest"
    regex: re.Pattern[str]
    long: bool = False  # also tried on lines longer than LONG_LINE
    start: bool = False  # on lines longer than LONG_LINE, a later match counts only on furniture-like lines
    needs: tuple[str, ...] = ()  # tried only on lines containing one of these (lower-cased)


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Options of the cleaning stage: plain values, so they travel to worker processes and
    Spark executors as they are.

    ``patterns``: the text of a furniture file to use instead of the bundled one (same
    format; :meth:`from_file` reads one), never a path a worker would have to read.
    ``drop_repeated_headline``: drop body lines that repeat the headline.
    ``drop_edge_labels``: drop short non-sentence lines (five words or fewer, no final
    punctuation) above the first and below the last line of story text.
    ``learned_shape``: also drop, outside the story, the lines the learned line-shape
    decision (:mod:`newsprism.lineshape`, ``shape.v2``) calls furniture (reason ``shape``);
    on by default since ``furniture.v8`` (measured in docs/cleaning.md); ``False`` gives
    ``furniture.v13-noshape``'s output and version.
    ``shape_model``: the JSON text of a model of one's own instead of the shipped one
    (switches the decision on; the version names it on top of ``furniture.v13-noshape``).
    """

    patterns: str | None = None
    drop_repeated_headline: bool = True
    drop_edge_labels: bool = True
    use_structure: bool = True
    repeated: frozenset[str] = frozenset()
    learned_shape: bool = True
    shape_model: str | None = None

    def __post_init__(self) -> None:
        from . import _checks as check

        check.text(self, "patterns", optional=True)
        check.text(self, "shape_model", optional=True)
        for name in ("drop_repeated_headline", "drop_edge_labels", "use_structure", "learned_shape"):
            check.flag(self, name)
        if not (isinstance(self.repeated, frozenset) and all(isinstance(k, str) for k in self.repeated)):
            from .errors import OptionsError

            raise OptionsError(
                f"CleanOptions.repeated must be a frozenset of line keys, not a {type(self.repeated).__name__}"
            )
        if self.patterns is not None:
            parse_patterns(self.patterns)  # a bad file is refused here, once, naming its line
        if self.shape_model is not None:
            from .lineshape import load_model

            load_model(self.shape_model)  # a bad model is refused here, once

    @classmethod
    def from_file(cls, path: str, **options: Any) -> CleanOptions:
        """Options with the furniture patterns of the file at ``path``."""
        with open(path, encoding="utf-8") as fh:
            return cls(patterns=fh.read(), **options)

    @property
    def version(self) -> str:
        """The cleaner's version, or ``furniture.custom-<hash>`` with patterns of one's own."""
        import hashlib

        base = CLEANER_VERSION if self.learned_shape and self.shape_model is None else CLEANER_VERSION_WITHOUT_SHAPE
        if self.patterns is not None:
            base = "furniture.custom-" + hashlib.sha256(self.patterns.encode("utf-8")).hexdigest()[:8]
            if self.learned_shape and self.shape_model is None:
                from .lineshape import VERSION as SHAPE_VERSION

                base += "+" + SHAPE_VERSION
        if self.shape_model is not None:
            base += "+shape-custom-" + hashlib.sha256(self.shape_model.encode("utf-8")).hexdigest()[:8]
        if self.repeated:
            base += "+repeated-" + hashlib.sha256(",".join(sorted(self.repeated)).encode()).hexdigest()[:8]
        return base


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The result of cleaning one body: kept paragraphs and dropped lines with reasons."""

    paragraphs: tuple[str, ...]
    removed: tuple[str, ...]
    reasons: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def parse_patterns(text: str) -> tuple[FurniturePattern, ...]:
    """Parse a furniture file; raises ``ValueError`` naming the bad line."""
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        flags_ok = len(parts) == 3 or (
            len(parts) == 4 and all(f in ("long", "start") or f.startswith("needs=") for f in parts[3].split(","))
        )
        if len(parts) not in (3, 4) or parts[1] not in ("line", "rest") or not flags_ok:
            raise ValueError(
                f"furniture line {n}: expected 'category<TAB>line|rest<TAB>regex[<TAB>long,start,needs=a|b]'"
            )
        category, scope, pattern = parts[:3]
        flags_col = parts[3].split(",") if len(parts) == 4 else []
        needs = tuple(x for f in flags_col if f.startswith("needs=") for x in f[6:].split("|") if x)
        flags = re.IGNORECASE
        if pattern.startswith("(?-i)"):
            pattern, flags = pattern[5:], re.NOFLAG
        try:
            regex = re.compile(pattern, flags)
        except re.error as exc:
            raise ValueError(f"furniture line {n}: bad regular expression ({exc})") from None
        out.append(
            FurniturePattern(category, scope, regex, long="long" in flags_col, start="start" in flags_col, needs=needs)
        )
    return tuple(out)


@lru_cache(maxsize=8)
def load_patterns(text: str | None = None) -> tuple[FurniturePattern, ...]:
    """The bundled furniture patterns, or those of a furniture file's ``text``."""
    if text is None:
        text = resources.files("newsprism").joinpath("data/furniture.tsv").read_text("utf-8")
    return parse_patterns(text)


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


#: Lines longer than this are checked only against patterns marked ``long`` in the furniture
#: file: furniture is short, and long lines of story text are most of the work.
LONG_LINE = 120


class _Dispatch:
    """The patterns worth trying on a line, by the line's first character and length: a
    pattern anchored at the start whose match cannot begin with that character is skipped
    (see :mod:`newsprism._firstchar`), and so is one whose ``needs`` strings are all absent.
    The order of the patterns is kept, so the first match is the same as trying them all."""

    def __init__(self, patterns: tuple[FurniturePattern, ...]) -> None:
        self.patterns = patterns
        self.first = [first_chars(p.regex) for p in patterns]
        self.needs = [frozenset(p.needs) if p.needs else None for p in patterns]
        self.tables: tuple[dict[str, Any], dict[str, Any]] = ({}, {})

    def candidates(self, char: str, long_line: bool) -> tuple[tuple[Any, ...], frozenset[str]]:
        """The patterns to try, each with its search and its needs, and every needs string."""
        table = self.tables[long_line]
        got = table.get(char)
        if got is None:
            tried = tuple(
                (p, p.regex.search, needs)
                for p, first, needs in zip(self.patterns, self.first, self.needs, strict=True)
                if (p.long or not long_line) and admits(first, char)
            )
            got = (tried, frozenset(n for _, _, needs in tried for n in needs or ()))
            if len(table) < 4096:
                table[char] = got
        return got


_DISPATCH: dict[int, _Dispatch] = {}


def _dispatch(patterns: tuple[FurniturePattern, ...]) -> _Dispatch:
    found = _DISPATCH.get(id(patterns))
    if found is None or found.patterns is not patterns:
        if len(_DISPATCH) > 16:
            _DISPATCH.clear()
        found = _DISPATCH[id(patterns)] = _Dispatch(patterns)
    return found


_SENTENCES = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[^\s])")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: a sentence of at most this many words that holds a furniture phrase is furniture
_SHORT_SENTENCE = 6


@lru_cache(maxsize=1)
def _reader_address() -> tuple[frozenset[str], frozenset[str]]:
    from .lexicons import load

    lexicon = load("reader-address")
    return frozenset(lexicon.where("kind", "pronoun")), frozenset(lexicon.where("kind", "imperative"))


def _reads_as_furniture(line: str, patterns: tuple[FurniturePattern, ...]) -> bool:
    """Whether a long line in which a ``start`` phrase matched past its opening is furniture:
    at least half of its sentences address the reader (a second-person pronoun anywhere, or
    an imperative such as "Sign", "Subscribe", "Get" opening the sentence) or are short (at
    most six words) and hold a furniture phrase. A news paragraph that mentions "comments are
    closed" tells of third parties; a sign-up blurb speaks to its reader ("By signing up you
    agree ...", "Get their newsletter here"). Limits: English only; a paragraph of story text
    that quotes an appeal to readers may read as furniture; a blurb in the third person
    ("The newsletter is free.") with the phrase past the opening reads as story text."""
    pronouns, imperatives = _reader_address()
    sentences = [s for s in _SENTENCES.split(line) if s.strip()]
    furniture = 0
    for sentence in sentences:
        words = [w.lower().replace("’", "'") for w in _WORDS.findall(sentence)]
        if (
            (words and words[0] in imperatives)
            or not pronouns.isdisjoint(words)
            or (len(words) <= _SHORT_SENTENCE and any(p.long and p.regex.search(sentence) for p in patterns))
        ):
            furniture += 1
    return 2 * furniture >= len(sentences)


def classify_line(line: str, patterns: tuple[FurniturePattern, ...]) -> FurniturePattern | None:
    """The first furniture pattern a (stripped) line matches, or None for story text."""
    stripped = line.strip()
    long_line = len(stripped) > LONG_LINE
    tried, needed = _dispatch(patterns).candidates(stripped[:1], long_line)
    present: frozenset[str] | set[str] = frozenset()
    if needed:
        lower = stripped.lower()
        present = {n for n in needed if n in lower}
    for pat, search, needs in tried:
        if needs is None or not needs.isdisjoint(present):
            found = search(stripped)
            # a phrase inside a long paragraph of story text does not make it furniture
            # a long paragraph that ends by inviting comments is story text ending so: the
            # comment-section heading is a line of its own
            if found and not (
                long_line
                and pat.start
                and found.start() > 0
                and (pat.scope == "rest" or not _reads_as_furniture(stripped, patterns))
            ):
                return pat
    return None


def clean_body(
    body: str,
    *,
    title: str | None = None,
    options: CleanOptions | None = None,
    html: bool = False,
    outlet: str | None = None,
) -> Cleaned:
    """Split a body into lines, drop furniture, and return the kept paragraphs.

    Evidence is combined in this order: a line that repeats across the outlet's pages
    (``options.repeated``), the headline repeated, the phrase patterns, a comment-section
    heading cutting the rest of the page (only with strong evidence: :func:`_rest_cut`), the
    shape and position of lines at the edges of the story (:func:`_structure`), and labels at
    the edges. Should that leave under a fifth of the words with fewer than
    :data:`NEAR_EMPTY_WORDS` kept, the page's layout fooled the structural rules: the body is
    cleaned again with phrase patterns only, line by line (an extractor that found text is a
    reason to fall back, not to return nothing).

    ``outlet`` names the outlet whose repeated lines (``options.repeated``, keys made by
    :func:`repeated_lines` with the same outlet) apply.

    ``html=True`` says the body is what trafilatura kept of a page: its own rules on the
    page's elements (link density, navigation, footers) already removed the furniture that
    shape and position find in scraped text, and lists of the page's own content (tour dates,
    product features, results tables) read as furniture by shape (measured on the
    ScrapingHub benchmark: F1 0.957 with the shape rules, 0.961 without), so only the phrase
    patterns, labels and the comment-section rule apply.
    """
    opts = options or CleanOptions()
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    result = _clean_lines(lines, title, opts, outlet, structure=opts.use_structure, shape=not html)
    if opts.use_structure and _near_empty(result, lines):
        result = _clean_lines(lines, title, opts, outlet, structure=False, shape=False)
    return result


#: a cleaned body of fewer words than this, and under a fifth of the page, is near-empty
NEAR_EMPTY_WORDS = 50


def _near_empty(result: Cleaned, lines: list[str]) -> bool:
    kept = sum(len(p.split()) for p in result.paragraphs)
    return kept < NEAR_EMPTY_WORDS and kept * 5 < sum(len(line.split()) for line in lines)


def _clean_lines(
    lines: list[str], title: str | None, opts: CleanOptions, outlet: str | None, *, structure: bool, shape: bool
) -> Cleaned:
    patterns = load_patterns(opts.patterns)
    headline = _fold(title) if title and opts.drop_repeated_headline else None
    repeated = frozenset(opts.repeated)
    own_labels = article_labels(lines) if repeated else frozenset()
    own_sentence_labels = sentence_labels(lines) if repeated else frozenset()
    labelled: set[int] = set()  # short sentences under a label the outlet prints (furniture.v15)
    kept: list[tuple[int, str]] = []
    dropped: list[tuple[int, str, str]] = []
    rest: list[tuple[int, str]] = []  # comment-section headings: (line, category)
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        short = len(stripped.split()) <= PILE_MAX_WORDS
        if repeated and (
            line_key(stripped, outlet) in repeated
            or (short and line_key(stripped, outlet, digits=True) in repeated)
            or (short and (label := line_label(stripped)) in own_labels and label_key(label, outlet) in repeated)
        ):
            dropped.append((n, line, "repeated-line"))
            # a comment section's heading the outlet prints on every page still heads its comments
            pat = classify_line(stripped, patterns)
            if (pat is not None and pat.scope == "rest") or (structure and _comment_heading(stripped)):
                rest.append((n, pat.category if pat is not None else "comments"))
            continue
        if headline is not None and abs(len(stripped) - len(headline)) < 8 and _fold(stripped) == headline:
            dropped.append((n, line, "headline"))
            continue
        pat = classify_line(stripped, patterns)
        if pat is None and structure and _comment_heading(stripped):
            dropped.append((n, line, "comments"))
            rest.append((n, "comments"))
            continue
        if pat is None:
            if own_sentence_labels and (label := _sentence_label(stripped)) in own_sentence_labels:
                if sentence_label_key(label, outlet, strip=True) in repeated:
                    dropped.append((n, line, "repeated-line"))
                    continue
                if sentence_label_key(label, outlet) in repeated:
                    labelled.add(n)
            kept.append((n, line))
            continue
        dropped.append((n, line, pat.category))
        if pat.scope == "rest":
            rest.append((n, pat.category))
    if labelled:
        off = _off_topic_labelled(kept, labelled, title, outlet)
        dropped += [(n, line, "repeated-line") for n, line in kept if n in off]
        kept = [k for k in kept if k[0] not in off]
    cut = _rest_cut(rest, kept, dropped, lines, structure=structure)
    if cut is not None:
        at, why = cut
        dropped += [(n, line, why) for n, line in kept if n > at]
        kept = [k for k in kept if k[0] < at]
    listed: set[int] = set()
    if structure and shape:
        before = {n for n, _ in kept}
        kept, dropped = _keep_story_headings(kept, dropped, lines)
        # the story's own headings and list items: no shape rule takes them
        listed = _announced_list(kept, outlet) | {n for n, _ in kept if n not in before} | _attributions(kept)
    if structure and shape:
        kept, dropped = _keep_table_rows(kept, dropped)
        kept, found = _structure(
            kept, title=title, outlet=outlet, lines=lines, dropped={n: why for n, _, why in dropped}
        )
        dropped += found
    if opts.drop_edge_labels:
        kept, labels = _split_edge_labels(kept)
        dropped += [(n, line, "label") for n, line in labels]
        kept, labels = _split_labels_beside_furniture(kept, sorted(dropped), len(lines))
        dropped += [(n, line, "label") for n, line in labels]
    if structure and shape:
        posts = _readers_posts(kept, dropped, lines)
        if posts:
            dropped += [(n, line, "comments") for n, line in kept if n in posts]
            kept = [k for k in kept if k[0] not in posts]
    if structure and shape and kept:
        last = _last_below_trailer(kept, dropped, lines)
        if last is not None:
            dropped.append((*kept[-1], "trailer"))
            kept = kept[:-1]
    if structure and shape and (opts.learned_shape or opts.shape_model is not None):
        from .lineshape import load_model, shape_drops

        found_n = set(shape_drops(lines, title, {n for n, _, _ in dropped}, load_model(opts.shape_model)))
        dropped += [(n, line, "shape") for n, line in kept if n in found_n]
        kept = [k for k in kept if k[0] not in found_n]
    if listed:  # the story's own list or heading (above): no shape rule takes it
        back = [(n, line) for n, line, why in dropped if n in listed and why in _LIST_SHAPE_REASONS]
        dropped = [d for d in dropped if not (d[0] in listed and d[2] in _LIST_SHAPE_REASONS)]
        kept = sorted(kept + back)
    dropped.sort()
    return Cleaned(
        tuple(" ".join(line.split()) for _, line in kept),  # runs of whitespace folded
        tuple(line for _, line, _ in dropped),
        tuple(why for _, _, why in dropped),
    )


#: the reasons of the furniture that follows a story: below one of them, the page's last line is
#: the page's too (``furniture.v12``). Not an advertisement, a caption or a label, nor an appeal,
#: a prompt or a teaser: on allsides_baly2020 those stand between a story's paragraphs as often
#: (an embedded video's "Watch ...", a newsletter box, "CLICK HERE ..."), and the story's own
#: last line below them went ("But governors aren't having it anymore.")
_TRAILER_REASONS = frozenset(["credit", "outlet", "bio", "notice", "headline-list"])
#: that last line is short
TRAILER_LINE_WORDS = 25


def _off_topic_labelled(
    kept: list[tuple[int, str]], labelled: set[int], title: str | None, outlet: str | None
) -> set[int]:
    """The lines of ``labelled`` (short sentences under a label the outlet prints on pages of
    other stories, :func:`sentence_labels`) whose words after the label share no term with
    the headline or any other kept line: a travel bulletin, a weather line, a programme
    trailer the site puts on every page (``furniture.v15``). Numbers, the outlet's name and
    words that name no topic (``outlet-voice`` kind ``generic``) do not count; a line with no
    term left is not taken (nothing tells it from the story)."""
    from .text import terms

    skip = set(_generic_terms())
    if outlet:
        skip.update(terms(outlet))

    def bag(text: str) -> set[str]:
        return {t for t in terms(text) if t[0] != "#" and t not in skip}

    rest_of_line = {
        n: line.strip().split(":", 1)[-1] if ":" in line else line.strip().split("|", 1)[-1] for n, line in kept
    }
    counts: Counter[str] = Counter()
    for n, _ in kept:
        counts.update(bag(rest_of_line[n]))
    counts.update(bag(title or ""))
    found: set[int] = set()
    for n in labelled:
        mine = bag(rest_of_line[n])
        if mine and all(counts[t] == 1 for t in mine):
            found.add(n)
    return found


def _last_below_trailer(
    kept: list[tuple[int, str]], dropped: list[tuple[int, str, str]], lines: list[str]
) -> int | None:
    """The page's last line, kept, when it stands right below a line dropped as the furniture
    that follows a story (:data:`_TRAILER_REASONS`: a credit, the outlet's own voice, a bio, a
    notice, other stories' headlines) and
    below the story (an anchor above it): a sign-up, a promotion, a travel or programme
    line the other evidence kept, at most :data:`TRAILER_LINE_WORDS` words, not an anchor,
    no quotation, not a table row or a list item, not ending in a colon (it announces an
    embedded post or statement the scrape left out: "Other critics took to Twitter:")
    (``furniture.v12``). The story has ended
    above the furniture; one line alone is taken, never a run of the story."""
    n, line = kept[-1]
    if any(rest.strip() for rest in lines[n + 1 :]):
        return None  # a credit or a teaser below it: the story's own last line ("..., on the news.")
    s = line.strip()
    words = _words(s)
    if not words or len(words) > TRAILER_LINE_WORDS or any(q in s for q in _QUOTES) or _is_anchor(s):
        return None
    if s.endswith(":"):
        return None  # it announces what stood below it on the page (an embedded post, a statement)
    if _table_row(s) or _LIST_ITEM.search(s) or _tweet(s):
        return None
    above = n - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    reason = next((why for m, _, why in dropped if m == above), None)
    if reason not in _TRAILER_REASONS:
        return None
    if not any(_is_anchor(k) for _, k in kept[:-1]):
        return None
    return n


#: the reasons of the shape rules, which never take an item of a list the story announces
_LIST_SHAPE_REASONS = frozenset(["headline-list", "label", "shape"])
#: an item of such a list is short (a name with its affiliation, a signatory, a row)
LIST_ITEM_WORDS = 20
#: a date alone on a line ("January 21, 2017", "3 March 2024"), no time of day
_BARE_DATE = re.compile(
    r"^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?)\s+\d{4}$",
    re.IGNORECASE,
)
#: a timeline has at least this many dated entries between the story's anchors
TIMELINE_DATES = 2


#: a speaker's label in a transcript, in capitals before a colon ("JANE DOE, HOST:",
#: "SEN. JOHN ROE (R-TX):"), alone on its line or opening the speaker's words
_SPEAKER = re.compile(
    r"^([A-Z][A-Z.'’\-]*(?: [A-Z][A-Z.'’\-]*){0,4}(?:, [A-Z][A-Z.'’\- ]{1,40}| \([A-Z][\w.\- ]{0,20}\))?):(?:\s|$)"
)
#: a transcript has at least this many speakers' labels on kept lines
TRANSCRIPT_SPEAKERS = 2


def _keep_story_headings(
    kept: list[tuple[int, str]], dropped: list[tuple[int, str, str]], lines: list[str]
) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    """Lines of the story's own structure that the phrase patterns take for furniture
    (``furniture.v10``, ``furniture.v11``), kept between the first and the last anchor
    (:func:`_is_anchor`):

    - a line in capitals ending in a colon, read as a dateline ("TOKYO:"), right above a kept
      line: between two paragraphs it is a speaker's name in a transcript ("JANE DOE, HOST:"),
      the claim's author in a fact check ("SENATOR:") or a crosshead ("THE VOTE:"); a
      dateline opens a story, it does not stand inside one;
    - dates alone on a line, read as the page's time stamp, when at least
      :data:`TIMELINE_DATES` of them stand between the anchors, each right above a kept line:
      the entries of a timeline. A page's date stands above or below the story, once. Once
      the timeline is there (``furniture.v11``), each bare date between the anchors is one of
      its entries, whatever stands below it (a caption the patterns drop);
    - (``furniture.v11``) a line read as a byline that is no byline's shape (no "By", no
      comma, date, figure or address; at most ten words) with an anchor right above and
      right below: a crosshead between two paragraphs ("The ... team").

    Above the first anchor (``furniture.v11``): a speaker's label in capitals alone on its
    line (:data:`_SPEAKER`, read as a dateline), right above a kept line, when the page is a
    transcript (at least :data:`TRANSCRIPT_SPEAKERS` kept lines open with such a label): the
    first speaker of the transcript, not a dateline.

    On allsides_baly2020 (every 10th article, samples judged by eye: docs/cleaning.md) each
    kind was story text dropped as ``dateline``, ``time`` or ``byline``."""
    maybe = [
        d
        for d in dropped
        if (d[2] == "dateline" and d[1].strip().endswith(":"))
        or (d[2] == "time" and _BARE_DATE.match(d[1].strip()))
        or (d[2] == "byline" and _crosshead_shape(d[1].strip()))
    ]
    if not maybe:
        return kept, dropped
    first = next((n for n, line in kept if _is_anchor(line)), None)
    last = next((n for n, line in reversed(kept) if _is_anchor(line)), None)
    if first is None or last is None or first == last:
        return kept, dropped
    kept_text = dict(kept)

    def neighbour(n: int, step: int) -> int:
        m = n + step
        while 0 <= m < len(lines) and not lines[m].strip():
            m += step
        return m

    def above_kept(n: int) -> bool:
        return neighbour(n, 1) in kept_text

    def anchor_at(m: int) -> bool:
        return m in kept_text and _is_anchor(kept_text[m])

    inside = [d for d in maybe if first < d[0] < last]
    back = {n for n, line, why in inside if why == "dateline" and line.strip().endswith(":") and above_kept(n)}
    back |= {
        n for n, _, why in inside if why == "byline" and anchor_at(neighbour(n, -1)) and anchor_at(neighbour(n, 1))
    }
    dates = {n for n, line, why in inside if why == "time" and _BARE_DATE.match(line.strip())}
    if sum(1 for n in dates if above_kept(n)) >= TIMELINE_DATES:
        back |= dates
    heads = [d for d in maybe if d[0] < first and d[2] == "dateline" and _SPEAKER.fullmatch(d[1].strip())]
    if heads:
        speakers = {m.group(1).split(",")[0] for _, line in kept if (m := _SPEAKER.match(line.strip()))}
        if len(speakers) >= TRANSCRIPT_SPEAKERS:  # a transcript: its first speaker, named with a role or again
            back |= {
                n
                for n, line, _ in heads
                if above_kept(n) and ("," in line or line.strip()[:-1].split(",")[0] in speakers)
            }
    if not back:
        return kept, dropped
    return sorted(kept + [(n, line) for n, line, _ in dropped if n in back]), [d for d in dropped if d[0] not in back]


#: the attribution of a quoted excerpt in a roundup: a name, a comma, the outlet or role
#: ("Jane Doe, The Kessford Lantern", "Editorial Board, Los Angeles Times")
_ATTRIBUTION = re.compile(
    r"^[A-Z][\w.'’-]{0,30}(?: [A-Z][\w.'’-]{0,30}){0,4}, (?:[Tt]he )?[A-Z][\w.'’&-]{0,30}"
    r"(?: (?:[A-Z][\w.'’&-]{0,30}|of|and|for|the)){0,5}$"
)
#: a roundup attributes at least this many excerpts so
ROUNDUP_ATTRIBUTIONS = 3


def _attributions(kept: list[tuple[int, str]]) -> set[int]:
    """The attributions of a roundup's quoted excerpts (``furniture.v11``): when at least
    :data:`ROUNDUP_ATTRIBUTIONS` kept lines are a name and an outlet (:data:`_ATTRIBUTION`),
    each is the story's (who wrote the excerpt), and no shape rule takes one: on
    allsides_baly2020 the last of them, below the last paragraph, went as a label."""
    found = {n for n, line in kept if len(line) <= MAX_SHAPE_CHARS and _ATTRIBUTION.match(line.strip())}
    return found if len(found) >= ROUNDUP_ATTRIBUTIONS else set()


#: a crosshead's most words (a byline between two paragraphs that is no byline)
CROSSHEAD_WORDS = 10


def _crosshead_shape(line: str) -> bool:
    """A short line without a byline's marks: no "By", comma, figure, address or sentence end."""
    words = _words(line)
    return (
        0 < len(words) <= CROSSHEAD_WORDS
        and words[0].lower() != "by"
        and not any(c in line for c in ",|@/:")
        and not any(ch.isdigit() for ch in line)
        and not _FINAL.search(line)
    )


def _announced_list(kept: list[tuple[int, str]], outlet: str | None) -> set[int]:
    """The items of a list the story announces (``furniture.v10``): after the first anchor, a
    kept line of prose (three words or more, not in title case, no link) ending in a colon
    ("Signatories to the letter include:", "Participants in the poll:") that names neither the
    outlet (a word of its name no other outlet shares: "Read more from The Hill:") nor its
    own pages and staff (``outlet-voice`` kinds ``pages``, ``media``, ``role``, a word or its
    singular: "Other articles in the series:", "To contact the editors:"), then the kept lines
    below it while each is short (at most :data:`LIST_ITEM_WORDS` words), no anchor and no
    new lead-in. Their line numbers; no shape rule (``headline-list``, ``label``, ``shape``)
    takes them: on allsides_baly2020 a letter's list of 79 signatory organisations (names
    in title case, without final punctuation) lost 68 lines as other stories' headlines, and
    a poll's list of participants with their affiliations is of the same shape. The phrase
    patterns still apply to them (an advertisement inside the list goes)."""
    out: set[int] = set()
    if not any(line.rstrip().endswith(":") for _, line in kept):
        return out
    first = next((i for i, (_, line) in enumerate(kept) if _is_anchor(line)), None)
    if first is None:
        return out
    voice = _outlet_voice()
    others = voice["pages"] | voice["media"] | voice["role"]
    own = _own_words(outlet)
    i = first + 1
    while i < len(kept):
        s = kept[i][1].strip()
        words = _words(s)
        if not (s.endswith(":") and len(words) >= 3 and not _title_case(words) and not _has_contact(s)):
            i += 1
            continue
        if any(w.lower() in others or w.lower()[:-1] in others for w in words) or not own.isdisjoint(words):
            i += 1  # "Other articles in the series:", "Read more from the Courier:": other pages, the desk
            continue
        j = i + 1
        while j < len(kept):
            item = kept[j][1].strip()
            n_words = len(_words(item))
            if (
                item.endswith(":")
                or n_words > LIST_ITEM_WORDS
                or (n_words >= ANCHOR_WORDS and _FINAL.search(item) and _is_anchor(item))
            ):
                break
            out.add(kept[j][0])
            j += 1
        i = j
    return out


#: a count of comments heading the readers' posts ("Readers' comments (4)", "1,041 comments")
_COMMENT_TALLY = re.compile(r"\bcomments?\s*\(\d[\d,]*\)$|^\d[\d,]*\s+comments?$", re.IGNORECASE)
#: a reader's post: a signature of at most four words before a colon ("Dave from Millgate:",
#: "S. Obi:", "Realist42:"), then the post
_POST = re.compile(r"^([^:\n\"“”]{1,30}):\s+\S")
POST_SIGNATURE_WORDS = 4


#: a reader's signature, not a speaker's name in a story: a given name and an initial ("Tom H",
#: "Ana P."), a given name from a place ("Bill from Pellow"), a handle ("Realist42")
_READER_SIGNATURE = re.compile(
    r"^(?:[A-Z][a-z]+ [A-Z]\.?|[A-Z][a-z]+ (?:from|in|of) [A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Za-z]+_?\d{1,4})$"
)
#: a run of readers' posts is at least this many lines
SIGNED_POSTS_MIN = 2
#: a reader's post is short
SIGNED_POST_WORDS = 40


def _signed_posts(kept: list[tuple[int, str]], lines: list[str]) -> set[int]:
    """Readers' posts without a count of comments above them (``furniture.v15``): the page's
    last kept lines, at least :data:`SIGNED_POSTS_MIN` of them, each a post (at most
    :data:`SIGNED_POST_WORDS` words, no quotation mark) under a reader's signature (a given
    name and an initial, a given name from a place, a handle: :data:`_READER_SIGNATURE`), in
    the second half of the page, below at least :data:`REST_BODY_WORDS` words of story, with
    nothing but dropped lines below them. A story's vox pop names people whole ("Jane Doe, a
    nurse:") and a transcript's speakers are in capitals; a site's comment box signs so."""
    run: list[int] = []
    for n, line in reversed(kept):
        s = line.strip()
        m = _POST.match(s)
        if (
            not m
            or not _READER_SIGNATURE.match(m.group(1).strip())
            or len(s.split()) > SIGNED_POST_WORDS
            or any(q in s for q in _QUOTES)
        ):
            break
        run.append(n)
    if len(run) < SIGNED_POSTS_MIN or min(run) * 2 < len(lines):
        return set()
    if sum(len(line.split()) for n, line in kept if n < min(run)) < REST_BODY_WORDS:
        return set()
    return set(run)


def _readers_posts(kept: list[tuple[int, str]], dropped: list[tuple[int, str, str]], lines: list[str]) -> set[int]:
    """The readers' posts under a count of comments (``furniture.v9``): when a line dropped as
    furniture that is a count of comments ("Echo Comments (12)", "1,041 comments") stands in
    the second half of the page below at least :data:`REST_BODY_WORDS` words of story, and
    every line kept below it is a post (a signature of at most
    :data:`POST_SIGNATURE_WORDS` words before a colon, then the post), those lines are the
    comment section. One line of another shape below the count keeps them all: the run must
    be the page's end. Returns their line numbers."""
    tallies = [n for n, line, _ in dropped if n * 2 >= len(lines) and _COMMENT_TALLY.search(line.strip())]
    if not tallies:
        return _signed_posts(kept, lines)
    at = min(tallies)
    below = [(n, line.strip()) for n, line in kept if n > at]
    if not below or sum(len(line.split()) for n, line in kept if n < at) < REST_BODY_WORDS:
        return set()
    for _, line in below:
        m = _POST.match(line)
        if not m or not 1 <= len(_words(m.group(1))) <= POST_SIGNATURE_WORDS or not m.group(1)[:1].isalnum():
            return set()
    return {n for n, _ in below}


def line_key(line: str, outlet: str | None = None, *, digits: bool = False) -> str:
    """The key of a line in a table of repeated lines: a short hash of the outlet's name and
    the line's folded text (whitespace runs folded, lower-cased), so that the tables of many
    outlets make one set, which can be stored and shipped. ``digits``: every run of digits
    read as one ("You have 2 free articles left" and "... 3 free articles ..." share a key,
    in keys of their own), as :func:`pile_repeated` counts edge lines."""
    import hashlib

    text = _DIGIT_RUN.sub("0", _fold(line)) if digits else _fold(line)
    data = f"{_fold(outlet or '')}\x1f{'#' if digits else ''}{text}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def repeated_lines(
    bodies: Iterable[str], *, outlet: str | None = None, min_articles: int = 5, share: float = 0.05
) -> frozenset[str]:
    """The keys (:func:`line_key`) of the lines that stand in at least ``min_articles`` of
    ``bodies`` and in at least ``share`` of them: boilerplate is what a site prints on every
    page. Give it the raw bodies of one outlet (the same body twice counts once) and its
    name; the union of several outlets' results is one ``CleanOptions(repeated=...)``, and
    :func:`clean` looks each line up under its article's outlet (:class:`RepeatCounter`
    counts a pile of many outlets in one pass).

    A line counts only if it is short enough to be furniture (at most
    :data:`REPEAT_MAX_WORDS` words): a long paragraph found in many articles is a story
    updated or syndicated, not a page's chrome. Limits: an outlet's background paragraph
    repeated word for word in a running story ("The war began in February 2022.") repeats
    too, and is dropped once the outlet has printed it in enough articles; so are the
    section headings of an outlet's article template ("Perspectives")."""
    counter = RepeatCounter()
    for body in bodies:
        counter.add(body, outlet)
    return counter.table(min_articles=min_articles, share=share)


class RepeatCounter:
    """Counts, per outlet, in how many distinct bodies each short line stands; memory: one
    entry for each distinct line of at most :data:`REPEAT_MAX_WORDS` words of an outlet and
    one hash per body, the bodies themselves are not kept."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.articles: Counter[str] = Counter()
        self._seen: set[tuple[str, str]] = set()

    def add(self, body: str, outlet: str | None = None) -> None:
        import hashlib

        name = _fold(outlet or "")
        digest = hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
        if (name, digest) in self._seen:
            return
        self._seen.add((name, digest))
        self.articles[name] += 1
        short = [s for line in body.splitlines() if (s := line.strip()) and len(s.split()) <= REPEAT_MAX_WORDS]
        keys = {line_key(s, outlet) for s in short}
        # a label that heads short lines of many of the outlet's pages (furniture.v14)
        keys |= {label_key(label, outlet) for label in article_labels(body.splitlines())}
        self.counts.setdefault(name, Counter()).update(keys)

    def table(self, *, min_articles: int = 5, share: float = 0.05) -> frozenset[str]:
        """The keys of the lines in at least ``min_articles`` and ``share`` of their outlet's bodies."""
        found: set[str] = set()
        for name, counts in self.counts.items():
            floor = max(min_articles, math.ceil(share * self.articles[name]))
            found.update(k for k, n in counts.items() if n >= floor)
        return frozenset(found)


#: a line at the edges of this many articles of one outlet in a pile is the outlet's furniture
PILE_MIN_ARTICLES = 2
#: a line longer than this is never counted by :func:`pile_repeated`
PILE_MAX_WORDS = 20


def pile_repeated(records: Iterable[RawArticle], *, min_articles: int = PILE_MIN_ARTICLES) -> frozenset[str]:
    """The keys (:func:`line_key`) of the short lines (no anchor: :func:`_is_anchor`) that
    at least ``min_articles`` articles of one outlet in a small pile (the inputs of one
    ``compare`` or ``eval`` run) print, where no two of these articles share a line of story
    text: a masthead, slogan, share bar or promotion strip that a site prints on every page,
    seen twice. Since ``furniture.v13`` a line between the story's paragraphs counts too (a
    share bar after the lead, a sponsor line mid-story), not only one above the first or
    below the last anchor: across two different stories of one outlet, a short line printed
    in both is the site's, wherever it stands. Needs the outlet (``RawArticle.outlet``, from the page or from
    ``--outlet``); articles without one count for nothing. Lines are at most
    :data:`PILE_MAX_WORDS` words and not sentences of twelve words or more. Two articles of
    one outlet about the same story (an update, a rewrite) share a paragraph, and their
    shared deck is not counted: repetition across stories is the evidence, not within one.
    Memory: the short lines and anchors of each article of the pile; time: linear in the
    pile's lines, plus the pairs of articles that share a short line."""
    edges: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    strips: dict[str, list[dict[str, frozenset[str]]]] = {}
    for raw in records:
        if not raw.outlet or raw.format == "html":
            continue
        lines = [x.strip() for x in raw.body.splitlines() if x.strip()]
        flags = [_is_anchor(x) for x in lines]
        if True not in flags:
            continue
        strips.setdefault(_fold(raw.outlet), []).append(_strip_terms(lines, raw.title, raw.outlet))
        anchors = frozenset(_DIGIT_RUN.sub("0", _fold(x)) for x, f in zip(lines, flags, strict=True) if f)
        sizes = [len(x.split()) for x in lines]
        # paragraphs too long to count as repeated lines: since furniture.v14 a short sentence
        # (an anchor of at most PILE_MAX_WORDS words) counts too, but only below the last of
        # them (a gift offer under the story, not a background sentence in it nor a short lead
        # that two reports of one story share)
        last = max(
            (i for i, (f, n) in enumerate(zip(flags, sizes, strict=True)) if f and n > PILE_MAX_WORDS), default=-1
        )
        edge = frozenset(
            _DIGIT_RUN.sub("0", _fold(x))
            for i, (x, f, n) in enumerate(zip(lines, flags, sizes, strict=True))
            if n <= PILE_MAX_WORDS and (not f or 0 <= last < i)
        ) | frozenset(_LABEL_MARK + label for label in article_labels(lines))
        edge |= frozenset(_SENTENCE_LABEL_MARK + label for label in sentence_labels(lines))
        edges.setdefault(_fold(raw.outlet), []).append((edge, anchors))
    found: set[str] = set()
    for outlet, bodies in edges.items():
        if len(bodies) < min_articles:
            continue
        holders: dict[str, list[int]] = {}
        for i, (edge, _) in enumerate(bodies):
            for line in edge:
                holders.setdefault(line, []).append(i)
        # a short sentence two stories of the outlet print (a gift offer, a print-edition
        # line) is no evidence that they are one story: found first, then left out of the
        # story lines that tell stories apart
        site = {
            line
            for line, which in holders.items()
            if line in bodies[which[0]][1] and _apart(bodies, which, line, min_articles)
        }
        # a label's articles are told apart without them; a whole short line's (a heading two
        # related stories share) still with them, as in furniture.v13
        reduced = [(edge, anchors - site) for edge, anchors in bodies] if site else bodies
        found |= _strip_labels(strips[outlet], reduced, outlet)
        for line, which in holders.items():
            if len(which) < min_articles:
                continue
            labelled = line.startswith((_LABEL_MARK, _SENTENCE_LABEL_MARK))
            if line in site or _apart(reduced if labelled else bodies, which, line, min_articles):
                if line.startswith(_LABEL_MARK):
                    found.add(label_key(line[len(_LABEL_MARK) :], outlet))
                elif line.startswith(_SENTENCE_LABEL_MARK):
                    found.add(sentence_label_key(line[len(_SENTENCE_LABEL_MARK) :], outlet))
                else:
                    found.add(line_key(line, outlet, digits=True))
    return frozenset(found)


#: at most this many articles of one outlet are compared pairwise for a strip's label
STRIP_MAX_ARTICLES = 50


def _strip_terms(lines: list[str], title: str | None, outlet: str | None) -> dict[str, frozenset[str]]:
    """For each label of the article's short sentences (:func:`sentence_labels`), the terms of
    the words after it that no other line of the article and not its headline hold (numbers,
    the outlet's name and ``generic`` words left out): what the labelled lines say off the
    story's topic ("a614", "roundabout" of "Travel: slow on the A614 at Kell roundabout.")."""
    labels = sentence_labels(lines)
    if not labels:
        return {}
    from .text import terms

    skip = set(_generic_terms()) | (set(terms(outlet)) if outlet else set())
    bags = [
        {t for t in terms(line.split(":", 1)[-1] if ":" in line else line) if t[0] != "#" and t not in skip}
        for line in lines
    ]
    heads = [_sentence_label(line) for line in lines]
    story: Counter[str] = Counter(t for t in set(terms(title or "")) if t[0] != "#")
    for bag in bags:
        story.update(bag)
    out: dict[str, frozenset[str]] = {}
    for label in labels:
        mine = [i for i, head in enumerate(heads) if head == label]
        within = Counter(t for i in mine for t in bags[i])
        off = frozenset(t for t in within if story[t] == within[t])
        if off:
            out[label] = off
    return out


def _strip_labels(
    strips: list[dict[str, frozenset[str]]], bodies: list[tuple[frozenset[str], frozenset[str]]], outlet: str
) -> set[str]:
    """The keys (:func:`sentence_label_key`, ``strip``) of the labels of short sentences that
    two articles of the outlet on different stories (no story line shared) print with a term
    in common that neither article's story holds (:func:`_strip_terms`): a travel bulletin
    naming the same road under two stories, a weather line's "highs" (``furniture.v15``). A
    smart-brevity site's "Why it matters: ..." speaks of each story in its own words."""
    found: set[str] = set()
    by_label: dict[str, list[int]] = {}
    for i, st in enumerate(strips[:STRIP_MAX_ARTICLES]):
        for label in st:
            by_label.setdefault(label, []).append(i)
    for label, which in by_label.items():
        pairs = ((i, j) for k, i in enumerate(which) for j in which[k + 1 :])
        if any(strips[i][label] & strips[j][label] and bodies[i][1].isdisjoint(bodies[j][1]) for i, j in pairs):
            found.add(sentence_label_key(label, outlet, strip=True))
    return found


def _apart(bodies: list[tuple[frozenset[str], frozenset[str]]], which: list[int], line: str, min_articles: int) -> bool:
    """Whether at least ``min_articles`` of the articles ``which`` share no story line (an
    anchor other than ``line`` itself) with one another."""
    if len(which) < min_articles:
        return False
    apart = [which[0]]
    for i in which[1:]:
        mine = bodies[i][1] - {line}
        if all(mine.isdisjoint(bodies[j][1] - {line}) for j in apart):
            apart.append(i)
            if len(apart) >= min_articles:
                return True
    return False


#: marks a line's label among the lines :func:`pile_repeated` counts (no folded line holds it)
_LABEL_MARK = "\x1elabel\x1e"
#: marks the label of a short sentence among them (:func:`sentence_labels`, ``furniture.v15``)
_SENTENCE_LABEL_MARK = "\x1esentence-label\x1e"

#: a label heading a short line: up to five words, a capital first, no quotation mark or
#: bracket, then a colon or a bar and the line's own words ("READ NEXT: ...", "Travel: ...",
#: "Sponsored | ..."); a line whose words after the label open a quotation is someone speaking
_LINE_LABEL = re.compile(r"^([A-Z][^:|\"\u201c\u201d\u2018\u2019'()\[\]]{0,39}?)\s*[:|]\s+(?![\"\u201c\u2018'])\S")

#: how a labelled line ends a sentence (:func:`line_label`): a mark of a sentence's end, a
#: colon or semicolon, a quotation mark, or a bracket closing a sentence ("(... reports.)");
#: a bracket after a word ends no sentence ("Companies in this story: Harbour Ltd (HBR)",
#: ``furniture.v15``; until v14 any closing bracket read as a sentence's end)
_LABELLED_END = re.compile(r"(?:[.!?…:;\"'”’]|[.!?…][)\]])$")

#: words at most in a line's label (:func:`line_label`)
LABEL_MAX_WORDS = 5


def line_label(line: str) -> str | None:
    """The label heading a line, folded with its digits read as one ("Coming up at 8:" and
    "Coming up at 6:" share one), or None: up to :data:`LABEL_MAX_WORDS` words from a capital
    letter to a colon or a bar, followed by words that do not open a quotation, in a line that
    ends no sentence (a title, a name, a promotion: "The big picture: ... reality." and a
    transcript's "SPEAKER: ...?" are story text). Since
    ``furniture.v14`` a label that heads short lines of two articles of one outlet on different
    stories is the outlet's furniture with whatever follows it (:func:`pile_repeated`): a site
    prints "READ NEXT:", "Sponsored:" or "Travel:" on every page, each time with other words."""
    stripped = line.strip()
    return None if _LABELLED_END.search(stripped) else _label_of(stripped)


#: a label heading more lines than this in one article is a speaker's name in a transcript
#: or an interview's "Q:", not the site's (:func:`article_labels`)
LABEL_MAX_LINES = 3


def _label_of(line: str) -> str | None:
    m = _LINE_LABEL.match(line)
    if m is None or len(m.group(1).split()) > LABEL_MAX_WORDS:
        return None
    return _DIGIT_RUN.sub("0", _fold(m.group(1)))


def article_labels(lines: Iterable[str]) -> frozenset[str]:
    """The labels (:func:`line_label`) of an article's short lines that can be the site's:
    those heading at most :data:`LABEL_MAX_LINES` of its lines, whatever those lines end with
    (a transcript's "AMY GOODMAN:" heads dozens)."""
    return _site_labels(lines, lambda line: len(line.split()) <= PILE_MAX_WORDS and not _LABELLED_END.search(line))


def _sentence_label(line: str) -> str | None:
    """The label (:func:`_label_of`) of a short line that ends a sentence and holds no
    quotation mark ("Travel: Queues on the ring road.", "Weather: Dry, highs of 14C."), or None."""
    if len(line.split()) > PILE_MAX_WORDS or not _FINAL.search(line) or any(q in line for q in _QUOTES + "'‘’"):
        return None
    return _label_of(line)


def sentence_labels(lines: Iterable[str]) -> frozenset[str]:
    """The labels of an article's short sentences that can be the site's (``furniture.v15``):
    a label (:func:`_label_of`) heading a line of at most :data:`PILE_MAX_WORDS` words that
    ends a sentence, no quotation in it, and heading at most :data:`LABEL_MAX_LINES` lines of
    the article (a transcript's speakers and an interview's "Q:" head more). Two articles of
    one outlet on different stories that print such a label make it the outlet's
    (:func:`pile_repeated`); a line it heads is then dropped only when it shares no word with
    the rest of the article (:func:`_off_topic_labelled`): a smart-brevity site's "Why it
    matters: ... ." speaks of the story, a radio's "Travel: ... ." or "Weather: ... ." does not."""
    return _site_labels(lines, lambda line: _sentence_label(line) is not None)


def _site_labels(lines: Iterable[str], kind: Callable[[str], bool]) -> frozenset[str]:
    """The labels (:func:`_label_of`) heading a line of the ``kind`` asked for, less those that
    head more than :data:`LABEL_MAX_LINES` of the article's lines."""
    heads: Counter[str] = Counter()
    found: set[str] = set()
    for line in lines:
        stripped = line.strip()
        if not stripped or (head := _label_of(stripped)) is None:
            continue
        heads[head] += 1
        if kind(stripped):
            found.add(head)
    return frozenset(x for x in found if heads[x] <= LABEL_MAX_LINES)


def sentence_label_key(label: str, outlet: str | None = None, *, strip: bool = False) -> str:
    """The key of a repeated label of short sentences (:func:`sentence_labels`): a namespace
    of its own, apart from lines' keys and :func:`label_key`'s; ``strip``: the label of a
    strip whose lines share words off the stories' topics (:func:`_strip_labels`)."""
    import hashlib

    kind = "@strip-label" if strip else "@sentence-label"
    data = f"{_fold(outlet or '')}\x1f{kind}\x1f{label}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def label_key(label: str, outlet: str | None = None) -> str:
    """The key of a repeated label (:func:`line_label`) in a table of repeated lines (a
    namespace of its own: no line's key is a label's)."""
    import hashlib

    data = f"{_fold(outlet or '')}\x1f@label\x1f{label}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=8).hexdigest()


#: a line longer than this is never counted as a repeated line (see :func:`repeated_lines`)
REPEAT_MAX_WORDS = 40

#: a line of at least this many words ending a sentence is story text that the structural
#: rules never touch and that marks where the story runs (see :func:`_structure`)
ANCHOR_WORDS = 12

#: a line longer than this is no masthead (16 words at most; a longer line is text run together)
MAX_SHAPE_CHARS = 300

_FINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_SEPARATOR = re.compile(r"\s{1,8}[|—–·•]\s{1,8}|\s{0,8}\|\s{0,8}")  # bounded: linear on a run of spaces
_CONTACT = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{1,200}|(?<![\w@])@\w{2,}\b|https?://|\bwww\.\w")
_COMMENT_FORM = re.compile(
    r"^[^\W\d_][\w'’ ]{0,30}\s*\((\d+|required|optional|\*|will not be published|not published)\)\s*\*?:?$",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"^[^\W\d_][\w'’ ]{0,20}:\s*[\w'’]+(?: [\w'’]+){0,2}(?:\s*[|/·•]\s*[\w'’]+(?: [\w'’]+){0,2})+$")
_COMMENT_SHAPE = re.compile(
    r"^(reply|report|flag|like|upvote|downvote|\d+\s*(likes?|replies|points|votes))$|\b(says|wrote):$",
    re.IGNORECASE,
)
_SMALL = frozenset(["a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "the", "to", "with"])
_QUOTES = '"“”«»'


def _words(line: str) -> list[str]:
    return _WORDS.findall(line)


def _title_case(words: list[str]) -> bool:
    """Whether words read as a name or a title: every word capitalized but small ones."""
    return bool(words) and words[0][:1].isupper() and all(w[:1].isupper() or w.lower() in _SMALL for w in words)


def _masthead(line: str, *, tail: bool = False) -> bool:
    """A masthead, slogan or section-and-date line: parts joined by separators (``|``,
    ``—``, ``·``, ``•``; below the story only ``|``, ``·``, ``•``: a dash there joins the
    items of the story's own lists), no sentence end, no quotation, money or percentage, at
    most 16 words, at least one part a name of two to four capitalized words or a year."""
    if len(line) > MAX_SHAPE_CHARS or _FINAL.search(line) or len(_words(line)) > 16:
        return False
    if any(c in line for c in _QUOTES + "$€£%"):
        return False
    if tail and not any(c in line for c in "|·•"):
        return False
    parts = [p for p in _SEPARATOR.split(line) if p.strip()]
    if len(parts) < 2 or any(len(_words(p)) > 10 for p in parts):
        return False
    return any(2 <= len(w := _words(p)) <= 4 and _title_case(w) for p in parts) or bool(re.search(r"\b\d{4}\b", line))


def _addresses_reader(line: str) -> bool:
    pronouns, imperatives = _reader_address()
    for sentence in _SENTENCES.split(line):
        words = [w.lower().replace("’", "'") for w in _WORDS.findall(sentence)]
        if (words and words[0] in imperatives) or not pronouns.isdisjoint(words):
            return True
    return False


def _is_anchor(line: str) -> bool:
    """Story text for certain: a long line ending a sentence, no contact address, not
    speaking to the reader outside a quotation."""
    stripped = line.strip()
    if len(stripped.split()) < ANCHOR_WORDS or not _FINAL.search(stripped) or _has_contact(stripped):
        return False
    if len(_words(stripped)) < ANCHOR_WORDS:
        return False
    if _trailer_reason(stripped):
        return False
    return any(q in stripped for q in _QUOTES) or not _addresses_reader(stripped)


def _tweet(line: str) -> bool:
    """An embedded post's signature ("— Jane Doe (@jdoe) March 3, 2024"): quoted content."""
    return bool(_TWEET.search(line))


#: a line of a list of the story's own (figures, money, several commas), not a headline
_LIST_ITEM = re.compile(r"[$€£%]|,[^,]*,|^(\d+[.)]|No\.\s*\d+)")
_TWEET = re.compile(r"\(@\w+\)\s*\w+\.? \d{1,2},? \d{4}|pic\.twitter\.com/|\bt\.co/")
_CONTACT_OPENING = re.compile(r"^(write to|email|e-mail|contact|follow|reach)\b", re.IGNORECASE)


def _has_contact(line: str) -> bool:
    """An e-mail address, a handle or a link (a cheap test before the expression)."""
    return ("@" in line or "http" in line or "www." in line) and bool(_CONTACT.search(line))


@lru_cache(maxsize=1)
def _outlet_voice() -> dict[str, frozenset[str]]:
    from .lexicons import load

    lexicon = load("outlet-voice")
    kinds = (
        "trade",
        "money",
        "role",
        "company",
        "copy",
        "forbid",
        "policy",
        "self",
        "media",
        "caption",
        "name",
        "generic",
        "pages",
    )
    return {kind: frozenset(lexicon.where("kind", kind)) for kind in kinds}


#: a bio's subject opening the line: a name of two to four capitalized words, or a pronoun
_BIO_SUBJECT = re.compile(
    r"^(?:(?!The |A |An |This |That )[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}|He|She|They)\s+"
    r"(?:is|was|has been|joined|(writes|covers|reports))\b"
)
#: a writer's beat after "writes", "covers" or "reports": "about" or "on" (not after "covers")
#: and a lower-case word that is no pronoun or figure ("writes about technology", "about the sea")
_BEAT = re.compile(
    r"(?<=writes) about (?!a |an |it |this |that |\d)[a-z]"
    r"|(?<=reports) on (?!the |a |an |it |this |that |\d)[a-z]"
    r"|(?<=covers) (?!the |a |an |it |this |that |up |most |all |some |more |less |only |about )[a-z]"
)
#: a bio by its beat alone is short: a name, a beat, perhaps one more sentence
BEAT_WORDS = 30
_FOR_OUTLET = re.compile(r"\b(?:for|at) (?:the )?[A-Z]")
_BIO_WORDS = 14  # a bio names the writer's job within its first words


#: words after "covers" that say how much of something, not a writer's beat
_COVERED_AMOUNT = frozenset({"large", "vast", "huge", "much", "half", "parts", "areas", "nearly", "roughly", "almost"})


def _beat_covered(line: str, at: int) -> bool:
    """Whether what "covers" takes is a beat ("covers transport and energy") and not a stretch
    of ground or a share ("Tropical Storm Maria covers large parts of the island": story text):
    no word of amount first and no "of" within its first four words."""
    after = [w.lower() for w in _words(line[at:])][:4]
    return bool(after) and after[0] not in _COVERED_AMOUNT and "of" not in after


def _trailer_reason(line: str) -> str | None:
    """Lines a site prints below its stories in its own voice, whatever their wording, by
    the kinds of words they combine (``data/lexicons/outlet-voice.tsv``), outside quotation
    marks and in at most 80 words: a writer's bio (a name or pronoun opening the line, "is",
    "was", "joined" and a journalist's job within the next words, or "writes", "covers",
    "reports" and "for" a name: ``bio``); an
    appeal for money (the trade's words with the words of paying for it, spoken to the
    reader or as "we": ``appeal``); a notice of ownership ("owned by", "published by", "a
    division of" before a company's legal form) or against copying (copying and forbidding words), or
    the outlet's corrections policy (policy words, spoken to the reader or as "we")
    (``notice``). Such lines are no anchors, so the story ends above them; only there, after
    the last anchor, are they dropped. News prose uses each of these words; the kinds together
    and the place are the evidence."""
    if any(q in line for q in _QUOTES) or len(line) > 700:
        return None
    words = [w.lower().replace("’", "'") for w in _words(line)]
    if not words or len(words) > 80:
        return None
    voice = _outlet_voice()
    present = set(words)
    subject = _BIO_SUBJECT.match(line)
    if subject:
        after = [w.lower() for w in _words(line[subject.end() :])][:_BIO_WORDS]
        if not voice["role"].isdisjoint(after):
            return "bio"
        if subject.group(1) and _FOR_OUTLET.search(line, subject.end()):
            return "bio"  # "She covers the courts for the Evening Star."
        if (
            subject.group(1)
            and not subject.group(0).startswith(("He ", "She ", "They "))  # a name, not a pronoun
            and len(words) <= BEAT_WORDS
            and _BEAT.match(line, subject.end())
            and (subject.group(1) != "covers" or _beat_covered(line, subject.end()))
        ):
            return "bio"  # "Jane Doe writes about energy and money." (furniture.v9)
    if len(words) > APPEAL_WORDS:
        pass
    elif _addresses_reader(line):  # "you", "your", or a sentence opening "Support", "Read" ...
        if not voice["trade"].isdisjoint(present) and not voice["money"].isdisjoint(present):
            return "appeal"
        if not voice["self"].isdisjoint(present) and not voice["policy"].isdisjoint(present):
            return "notice"
    elif (
        len(words) <= SELF_APPEAL_WORDS
        and not voice["self"].isdisjoint(present)
        and not voice["trade"].isdisjoint(present)
        and not voice["money"].isdisjoint(present)
    ):
        return "appeal"  # "Our reporting is free to read, not free to make."
    if not voice["copy"].isdisjoint(present) and not voice["forbid"].isdisjoint(present):
        return "notice"
    owned = _OWNED.search(line) if not voice["company"].isdisjoint(present) else None
    if owned and len(words) <= NOTICE_WORDS:
        company = {w.lower() for w in _words(line[owned.end() :])}
        if not voice["company"].isdisjoint(company):
            return "notice"  # "... is published by Harbour Titles Ltd"
    return None


#: an appeal or a policy line is short: a longer paragraph speaking of money and reporting is a column
APPEAL_WORDS = 45
#: an appeal in the outlet's voice alone ("we", "our"), without a word to the reader, is shorter still
SELF_APPEAL_WORDS = 25
#: an ownership notice is short: a longer line about who owns a company is business news
NOTICE_WORDS = 20
_OWNED = re.compile(
    r"\b(owned by|published by|an? (?:division|subsidiary|member|brand|imprint) of|operated by)\b", re.IGNORECASE
)
#: an arrow between a label and a headline ("MORE FROM US → ...") or closing a link line
_ARROW = re.compile(r"[→➔➜➝⟶⇒]|(?<![<>\-])>>(?!\S*>)")
#: a count of pictures or clips closing a line ("... gallery (24 photos)")
_COUNT_END = re.compile(r"\((\d[\d,]*)\s+([a-z]+)\)$")
#: an upper-case lead word and a colon before a caption ("PICTURED: ...")
_CAPS_LEAD = re.compile(r"^([A-Z]{2,}):\s+\S")
#: a count of comments or votes, or a sort control, as one part of a control line
_COUNT_PART = re.compile(r"^\d[\d,.]*[kKmM]?\s+[a-z][a-z]+$|^[^\W\d_][\w ]{0,20}\(\d+\)$")
_CONTROL_PART = re.compile(r"^[^\W\d_][\w'’ ]{0,20}:\s*[\w'’]+(?: [\w'’]+){0,2}$")
_BAR = re.compile(r"\s*[|·•]\s*|\s+/\s+")


def _control_line(line: str) -> bool:
    """A line of page controls: short parts joined by bars or dots, one a count ("87
    comments", "Replies (4)") or a control ("Sort by: Top"), none a sentence."""
    if _FINAL.search(line) or len(line) > 120:
        return False
    parts = [p.strip() for p in _BAR.split(line) if p.strip()]
    if len(parts) < 2 or any(len(p.split()) > 4 for p in parts):
        return False
    return any(_COUNT_PART.match(p) or _CONTROL_PART.match(p) for p in parts)


def _anywhere_reason(line: str) -> str | None:
    """Furniture by shape wherever it stands in scraped text: a teaser line joined to its
    label by an arrow, or ending in one (``teaser``); a line that is not a sentence and ends
    in a count of pictures or clips (``teaser``); a caption under an upper-case word that
    opens captions ("PICTURED:", "ABOVE:") and a colon, without a sentence end (``photo``).
    Any upper-case word will not do: a transcript's speaker ("SMITH: But ..."), an item of a
    list ("TARGET: ...") and a dateline ("PARIS: The minister said ...") are story text."""
    if _FINAL.search(line) or len(line) > 250 or any(q in line for q in _QUOTES) or _tweet(line):
        return None
    if _ARROW.search(line):
        return "teaser"
    found = _COUNT_END.search(line) if line.endswith(")") else None
    if found and found.group(2) in _outlet_voice()["media"] and len(_words(line)) >= 3:
        return "teaser"
    lead = _CAPS_LEAD.match(line) if line[:2].isupper() else None
    if lead and lead.group(1).lower() in _outlet_voice()["caption"] and not any(c in line for c in "$€£%"):
        return "photo"
    return None


#: a short question opening a line ("Liked it?"), before a call to the reader (the call, not
#: the question, must speak to the reader: "Will it hurt you? Maybe." is a story's ending)
_OPENING_QUESTION = re.compile(r"^(?:[\w'’,-]+ ){0,4}[\w'’-]+\?\s+\S")


def _table_row(line: str) -> bool:
    """A row of a table in the story: three or more cells between bars, two with figures."""
    cells = [c for c in line.split("|") if c.strip()]
    return len(cells) >= 3 and sum(any(ch.isdigit() for ch in c) for c in cells) >= 2


def _cell_count(line: str) -> int:
    return sum(1 for c in line.split("|") if c.strip())


def _in_table(kept: list[tuple[int, str]], i: int) -> bool:
    """Line ``i`` of ``kept`` is a table row next to another row of as many cells: a table
    of the story's own (a league table, figures by year), never a masthead by its bars."""
    line = kept[i][1]
    if not _table_row(line):
        return False
    cells = _cell_count(line)
    return any(
        0 <= k < len(kept) and _table_row(kept[k][1]) and _cell_count(kept[k][1]) == cells for k in (i - 1, i + 1)
    )


def _beside_row(kept: list[tuple[int, str]], i: int) -> bool:
    """Line ``i`` of ``kept`` is a table row (:func:`_table_row`) under or over a line of as
    many cells between bars: another row, or the table's heading ("Mill | Jobs | Output")."""
    line = kept[i][1]
    if not _table_row(line):
        return False
    cells = _cell_count(line)
    return any(0 <= k < len(kept) and _cell_count(kept[k][1]) == cells for k in (i - 1, i + 1))


#: a comment-section heading with its controls: a count of comments, or the word, then short
#: parts after a bar or dash ("Comments (31) | Sort by: Newest", "48 COMMENTS — Join the debate")
_COMMENT_COUNT = re.compile(r"^(?:\d[\d,]*\s+comments?|comments?(?:\s*\(\d[\d,]*\))?)$", re.IGNORECASE)
_HEADING_PARTS = re.compile(r"\s*[|·•]\s*|\s+[—–]\s+")
#: a wire service's slug line opening its copy ("BRITAIN-ECONOMY/ (updates with ...)")
_SLUG = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+/(?:\s|$)")


def _comment_heading(line: str) -> bool:
    """A comment section's heading joined to its controls on one line: the count or the word
    first, then at most three short parts that are no sentence. Alone ("Comments (31)") the
    phrase patterns take it; either way it cuts the rest of the page only on the evidence
    :func:`_rest_cut` asks for."""
    if len(line) > 80 or _FINAL.search(line):
        return False
    parts = [p for p in _HEADING_PARTS.split(line) if p.strip()]
    return (
        2 <= len(parts) <= 4
        and bool(_COMMENT_COUNT.match(parts[0].strip()))
        and all(len(p.split()) <= 4 for p in parts[1:])
    )


def _ticker(line: str) -> bool:
    """A strip of figures (market prices, a weather line): two or more short parts between
    bars, each holding a figure, none a sentence; a row of a story's table stands next to
    another row of as many cells and is kept all the same (:func:`_in_table`, the last step of
    :func:`_structure`)."""
    if len(line) > 120 or _FINAL.search(line):
        return False
    parts = [p.strip() for p in line.split("|") if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 4 and any(c.isdigit() for c in p) for p in parts)


def _credit_line(line: str) -> bool:
    """A line that is an agency credit and nothing else (a byline, a sign-off, "The Associated
    Press contributed to this report", "Source: AFP"): the credit is read from it
    (:func:`newsprism.credits.find_credits`) and the line is furniture. A dateline opens a
    paragraph of the story and stays. Only listed agencies count here (``shapes=False``: the
    agencies credits.v3 finds by their names' shape would change this cleaner's output)."""
    if len(line.split()) > 15:
        return False
    return any(c.form != "dateline" and c.line == line for c in find_credits(line, shapes=False))


def _edge_reason(line: str, *, tail: bool = False) -> str | None:
    """Furniture by shape alone, for a line before the first or after the last anchor."""
    if _tweet(line):
        return None
    if _COMMENT_FORM.match(line):
        return "comment-form"
    if _SLUG.match(line):
        return "slug"
    if _ticker(line):
        return "ticker"
    if _credit_line(line):
        return "credit"
    if _CONTROL.match(line) or _control_line(line):
        return "navigation"
    if _masthead(line, tail=tail):
        return "masthead"
    if (
        len(_words(line)) <= 30
        and _has_contact(line)
        and (_addresses_reader(line) or _CONTACT_OPENING.match(line) or not _FINAL.search(line))
    ):
        return "appeal"
    return None


#: below the story, a note of its sources: "Source:" or "Sources:" and a name or a list, one
#: sentence at most (no colon, no sentence end inside it), no quotation (``furniture.v15``)
_SOURCE_NOTE = re.compile(r"^sources?\s*:\s*[^.!?:\"“”]{2,120}\.?$", re.IGNORECASE)
#: a source note is short
SOURCE_NOTE_WORDS = 15


def _tail_reason(line: str) -> str | None:
    """Furniture by shape for a line after the last anchor, where the story has ended: a
    line that is not a sentence (no final punctuation, at most 20 words) speaking to the
    reader, a short exclamation outside quotation marks ("Enjoyed this? Pass it on!"), a
    line without a letter or digit (a rule). A title-case line that is not a sentence is
    marked ``after-story``: only a run of them is dropped (see :func:`_structure`)."""
    found = _edge_reason(line, tail=True) or _trailer_reason(line)
    if found or _tweet(line):
        return found
    words = _words(line)
    if len(words) <= SOURCE_NOTE_WORDS and _SOURCE_NOTE.match(line):
        return "credit"  # "Source: Harbour Press Agency", "Sources: government statements." (furniture.v15)
    if not any(c.isalnum() for c in line):
        return "separator"
    if not _FINAL.search(line) and not line.endswith((":", ";", ",")) and len(words) <= 20:
        if _addresses_reader(line) and not any(q in line for q in _QUOTES):
            return "appeal"
        if len(words) >= 3 and _title_case(words) and not _FIELD.match(line) and not _LIST_ITEM.search(line):
            return "after-story"
        return None
    if line.endswith("!") and len(words) <= 15 and not any(q in line for q in _QUOTES):
        return "appeal"
    question = _OPENING_QUESTION.match(line)
    if (
        question
        and len(words) <= 17
        and not any(q in line for q in _QUOTES)
        and _addresses_reader(line[question.end() - 1 :])
    ):
        return "appeal"  # "Liked this? Send it on."
    return None


def _structure(
    kept: list[tuple[int, str]],
    *,
    title: str | None = None,
    outlet: str | None = None,
    lines: list[str] | None = None,
    dropped: dict[int, str] | None = None,
) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    """Drop furniture by shape and position, whatever its wording. The story runs from the
    first to the last anchor (:func:`_is_anchor`); between them nothing is touched. Before it,
    a line goes only by a shape no story line has (a masthead with separators, a comment
    form or sort control, an appeal with an address); after it, also an unpunctuated line
    speaking to the reader, and a run of two or more title-case lines that are not sentences
    (other stories' headlines, ``headline-list``). A page without an anchor is left alone.

    Measured on allsides_baly2020 (see docs/cleaning.md): a single title-case line after the
    story is as often a crosshead or a list item of the story as a teaser, so it stays; so
    does a run introduced by a kept line ending in a colon ("The papers that switched are:"),
    and a line with money, a percentage or two commas is a list item, not a headline.

    Limits: a story ending in two title-case items without final punctuation loses them;
    a deck under the headline made of a short name, a dash and a phrase ("Harbour Works —
    what the plan means") reads as a masthead; furniture between two anchors (a teaser
    between paragraphs) is left to the phrase patterns."""
    reasons: dict[int, str] = {}
    own = _own_words(outlet)
    for i, (_, line) in enumerate(kept):
        why = _anywhere_reason(line.strip()) or (own and _own_label(line.strip(), own))
        if why:
            reasons[i] = why
    # the first and the last anchor, searched from either end
    first = next((i for i, (_, line) in enumerate(kept) if i not in reasons and _is_anchor(line)), None)
    if first is None:
        found = [(kept[i][0], kept[i][1], why) for i, why in reasons.items()]
        return [k for i, k in enumerate(kept) if i not in reasons], found
    last = next(i for i in range(len(kept) - 1, first - 1, -1) if i not in reasons and _is_anchor(kept[i][1]))
    masthead = _named_masthead_pattern(outlet)
    for i in range(first):
        why = reasons.get(i) or _edge_reason(kept[i][1].strip()) or _named_masthead(kept[i][1].strip(), masthead)
        if why:
            reasons[i] = why
    for i in range(last + 1, len(kept)):
        why = reasons.get(i) or _tail_reason(kept[i][1].strip())
        if why:
            reasons[i] = why
    # a run of title-case lines that are not sentences after the story: other stories'
    # headlines, unless a line of the story ending in a colon introduces them as its list
    i = last + 1
    while i < len(kept):
        j = i
        while j < len(kept) and reasons.get(j) == "after-story":
            j += 1
        introduced = i > 0 and kept[i - 1][1].strip().endswith(":")
        for k in range(i, j):
            if j - i >= 2 and not introduced:
                reasons[k] = "headline-list"
            else:
                del reasons[k]
        i = j + 1 if j == i else j
    _under_dropped_heading(kept, reasons, last, dropped or {}, lines or [])
    _off_topic(kept, reasons, first, title, outlet, lines or [])
    for i in [i for i in reasons if _in_table(kept, i)]:
        del reasons[i]
    found = [(kept[i][0], kept[i][1], why) for i, why in reasons.items()]
    return [k for i, k in enumerate(kept) if i not in reasons], found


#: a masthead's slogan after the outlet's name is short ("KESTREL — independent journalism for ...")
NAMED_MASTHEAD_WORDS = 12


def _named_masthead_pattern(outlet: str | None) -> re.Pattern[str] | None:
    """The outlet's whole name (its words in any case, "The" optional) opening a line, then
    a mark that is no letter, digit, space, comma or quotation mark (``furniture.v12``)."""
    words = _words(outlet or "")
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    name = r"\s+".join(map(re.escape, words))
    return re.compile(r"^(?:the\s+)?" + name + r"\s*([^\w\s,'’\"“”(]+)\s*(.*)$", re.IGNORECASE)


def _named_masthead(line: str, pattern: re.Pattern[str] | None) -> str | None:
    """A masthead by the outlet's own name, above the story (``furniture.v12``): the line
    opens with the outlet's whole name, then a separator of any kind (``~``, ``★``, ``—``,
    ``|``, ``:``) and at most :data:`NAMED_MASTHEAD_WORDS` words of slogan, section or date
    ("THE SALTMERE COURIER ~ Serving the estuary since 1887", "The Gorsedge Herald — Your
    town. Your paper."), with no quotation, money or percentage. The name comes from the
    article's metadata, not from a list of words; a story's first line opening with its
    outlet's name and a mark is the page's banner, since the story never names its outlet
    so. Only before the first anchor."""
    if pattern is None or len(line) > MAX_SHAPE_CHARS or any(c in line for c in _QUOTES + "$€£%"):
        return None
    found = pattern.match(line)
    if found is None or len(_words(found.group(2))) > NAMED_MASTHEAD_WORDS:
        return None
    return "masthead"


#: the outlet's own label before a colon is short ("More on Feedwell:", "Coming up on PVR:")
OWN_LABEL_WORDS = 5
#: and what follows it is a headline or a programme, not a paragraph
OWN_LABEL_REST = 25
_LABEL = re.compile(r"^([^:\n]{2,60}):\s+(\S.*)$")
#: a heading of other stories dropped by the patterns (``teaser``) heads a list of them
_LIST_HEADINGS = frozenset(["teaser", "headline-list"])
HEADLINE_WORDS = 20


_ON_OUTLET = frozenset(["on", "from", "at"])


def _own_words(outlet: str | None) -> frozenset[str]:
    """The words of the outlet's name that name it alone (capitalized, three letters or more,
    not one many outlets' names share: ``outlet-voice`` kind ``name``): "PVR" of "PVR News",
    "Feedwell"."""
    generic = _outlet_voice()["name"]
    return frozenset(w for w in _words(outlet or "") if len(w) > 2 and w[:1].isupper() and w.lower() not in generic)


def _own_label(line: str, own: frozenset[str]) -> str | None:
    """The outlet promoting its own pages or programmes (``furniture.v9``): a label of three
    to :data:`OWN_LABEL_WORDS` words before a colon that ends in "on", "from" or "at" and the
    outlet's own name ("More on Feedwell:", "Coming up on PVR:"), then a headline or a
    programme: at most :data:`OWN_LABEL_REST` words, no sentence end, outside quotation marks.
    The outlet's name alone before a colon ("Feedwell: ...") is no evidence (a source quoted
    by name), nor is a label naming it otherwise: on allsides_baly2020 "Story highlights
    President Obama:" (under an outlet named for him) and "CNN Poll:" open the story's own
    summary and crossheads as often as a promotion. Nor is a line that ends a sentence."""
    if len(line) > MAX_SHAPE_CHARS or ":" not in line or any(q in line for q in _QUOTES) or _FINAL.search(line):
        return None
    m = _LABEL.match(line)
    if not m:
        return None
    label = _words(m.group(1))
    if not 3 <= len(label) <= OWN_LABEL_WORDS or not label[0][:1].isupper():
        return None
    # the label ends in the outlet's name after "on", "from" or "at": where, not who
    at = next(
        (
            k
            for k in range(len(label) - 1, 0, -1)
            if label[k - 1] in _ON_OUTLET or (k == 1 and label[0].lower() in _ON_OUTLET)  # "From the NPR Newscast"
        ),
        None,
    )  # a preposition in capitals ("FIRST ON CNN:") opens the story's own summary line
    if at is None or own.isdisjoint(label[at:]) or not all(w[:1].isupper() for w in label[at:] if w != "the"):
        return None
    if len(_words(m.group(2))) > OWN_LABEL_REST:
        return None
    return "promo"


def _under_dropped_heading(
    kept: list[tuple[int, str]], reasons: dict[int, str], last: int, dropped: dict[int, str], lines: list[str]
) -> None:
    """After the story, a run of lines right under a heading of other stories that the
    patterns dropped ("Trending now", "Related coverage": ``teaser``), or a short heading
    without a sentence end dropped as the outlet's repeated line, is that list
    (``headline-list``, ``furniture.v9``), numbered ("1. ...") or not, with money or commas:
    each line at most :data:`HEADLINE_WORDS` words, no sentence end, not ending in a colon,
    outside quotation marks. The run ends at the first line of another shape; a kept line
    between the heading and the run (a lead-in of the story's own) stops it. Adds to
    ``reasons`` in place. The run grows only from such a heading: a line next to one that
    another rule took for a headline is no evidence (on allsides_baly2020 a list of a letter's
    signatories, some of them read as a run of headlines, would have gone whole)."""
    mine: set[int] = set()
    for i in range(last + 1, len(kept)):
        if i in reasons and reasons[i] not in ("after-story", "headline-list"):
            continue
        n = kept[i][0] - 1
        while n >= 0 and not lines[n].strip():
            n -= 1
        above = dropped.get(n) if n >= 0 else None
        if above is None and i - 1 in mine and kept[i - 1][0] == n:
            above = "headline-list"
        if above == "repeated-line":  # a short heading the outlet prints on every page
            head = lines[n].strip()
            above = "teaser" if len(_words(head)) <= 6 and not _FINAL.search(head) else None
        if above not in _LIST_HEADINGS:
            continue
        if reasons.get(i) == "headline-list":  # a run of headlines under the heading already
            mine.add(i)
            continue
        s = kept[i][1].strip()
        if (
            _FINAL.search(s)
            or s.endswith((":", ";", ","))
            or any(q in s for q in _QUOTES)
            or not 2 <= len(_words(s)) <= HEADLINE_WORDS
            or _tweet(s)
        ):
            continue
        reasons[i] = "headline-list"
        mine.add(i)


#: a line the outlet speaks in its own voice between paragraphs is short (an appeal, a promotion)
INTERJECTION_WORDS = 40
#: a slogan under a masthead is shorter still (and three words at least: "MI C+2" is a row of the story)
SLOGAN_WORDS = 10
_SELF = re.compile(r"\b(?:[Ww]e|us|[Oo]urs?|[Ww]e['’](?:re|ve|ll|d))\b")
#: a price by the period ("from £3 a month", "$5/month"), a telephone number
_PRICE = re.compile(r"[$€£]\s?\d{1,3}(?:\.\d\d)?\s*(?:a|per|/|an)\s?(?:month|week|year|issue)\b", re.IGNORECASE)
#: a call-out: a question to the reader about the reader ("Were you caught in the closure?"),
#: which asks for accounts of the story itself
_CALL_OUT = re.compile(r"^(?:Are|Were|Have|Had|Do|Did|Is|Was|Has|Will|Can|Could|Would)\s+(?:you|your)\b")
_LINK = re.compile(
    r"[\w.+-]{1,64}@[\w-]{1,63}\.[a-z]{2,}|https?://|\bwww\.\w|\b[a-z0-9-]{2,63}\.[a-z]{2,10}/[a-z]"
)  # an address, a link, or a bare site and path ("example.org/join", furniture.v9)
_DIGITS = re.compile(r"\d{3}")
#: a text line's short code, the imperative ending the line ("Seen something? Text PVR News on 81974",
#: "Tell us: text RBK on 81234."; furniture.v12)
_SHORT_CODE = re.compile(r"(?:^|[?:!.]\s+)(?:[Tt]ext|TEXT|[Tt]xt)\s[^.!?\n]{1,40}?\b(?:on|to)\s+\d{5,6}[.!]?$")
_PHONE = re.compile(r"(?<![\w.,(-])(?:\+\d{1,3}[ -]?)?\(?\d{3,5}\)?[ -]?\d{3,4}[ -]?\d{3,4}\b(?![-,.]?\d)")


def _outlet_names(outlet: str | None) -> re.Pattern[str] | None:
    """How a line names its own outlet: the whole name, or "the" (or a verb of writing to it
    or backing it) and its last word, unless every outlet's name shares that word ("the
    Lantern" of "The Kessford Lantern"; ``outlet-voice`` kind ``name`` lists the shared ones:
    "The Grainfield Times" is named whole, "the Grainfield" is a place)."""
    words = _words(outlet or "")
    if not words:
        return None
    generic = _outlet_voice()["name"]
    forms = [r"\s+".join(map(re.escape, words[1:] if words[0].lower() == "the" else words))]
    head = words[-1]  # "the Lantern"; not "the Grainfield" of the Grainfield Times, a place
    if head.lower() not in generic and head[:1].isupper() and len(head) > 2:
        forms.append(r"(?:[Tt]he|told|[Ww]rite to|[Ee]mail|[Cc]all|[Kk]eep|[Bb]ack|[Ss]upport)\s+" + re.escape(head))
    return re.compile(r"\b(?:" + "|".join(f for f in forms if f) + r")(?![\w-])")


def _voice(line: str, words: list[str], names: re.Pattern[str] | None) -> int:
    """How surely the line (its ``words``) speaks as the outlet, to its reader: 3 for a price
    by the period asked of the reader (with a word of paying, or "you"), an e-mail address,
    a link or a telephone number, or a handle to follow
    in a line that is no sentence ("Follow @desk"); 2 for an appeal's words (the trade's with
    paying for it, or its rules with "we" or "you") or the outlet's own name with "we" or
    "you"; 1 for "we", "you" or an imperative alone, or the outlet's name alone; 0 for none.
    The cheap tests come first: most lines of a story have none of these signs."""
    if ("@" in line or "/" in line or "www" in line) and _LINK.search(line):
        return 3
    voice = _outlet_voice()
    present = {w.lower().replace("’", "'") for w in words}
    # a price asked of the reader ("Chip in from £2 a month"), not one of the story's list
    priced = ("$" in line or "€" in line or "£" in line) and _PRICE.search(line)
    if priced and (not voice["money"].isdisjoint(present) or _addresses_reader(line)):
        return 3
    if _DIGITS.search(line) and (_PHONE.search(line) or _SHORT_CODE.search(line)):
        return 3
    if "@" in line and not _FINAL.search(line) and len(words) <= 8 and _has_contact(line):
        return 3
    named = names is not None and bool(names.search(line))
    appeal = not voice["trade"].isdisjoint(present) and not voice["money"].isdisjoint(present)
    if appeal:
        return 2
    rules = not voice["policy"].isdisjoint(present)
    if not (rules or named):
        return 0  # level 1 drops nothing: no need to tell it from 0
    if _SELF.search(line) or _addresses_reader(line):
        return 2
    return 1


@lru_cache(maxsize=1)
def _generic_terms() -> frozenset[str]:
    """Terms that say nothing of a story's topic (``outlet-voice`` kind ``generic``), as terms."""
    from .text import terms

    return frozenset(t for w in _outlet_voice()["generic"] for t in terms(w))


@lru_cache(maxsize=1)
def _appeal_terms() -> frozenset[str]:
    """The terms of an appeal's own words (``outlet-voice`` kinds ``trade`` and ``money``:
    "reporting", "costs", "members", "fund"): in a line whose voice is certain (a price by the
    period, an address, a link, a telephone number) they say it is an appeal, not what the
    story is about, and are not counted as shared with the story (``furniture.v9``)."""
    from .text import terms

    voice = _outlet_voice()
    return frozenset(t for w in voice["trade"] | voice["money"] | {"news"} for t in terms(w))


def _masthead_above(
    kept: list[tuple[int, str]], reasons: dict[int, str], i: int, names: re.Pattern[str] | None, lines: list[str]
) -> bool:
    """The line above line ``i`` of ``kept`` (in the page: ``lines``, which may hold a line
    dropped before) is a masthead: dropped as one, or a short line that is not a sentence
    and is written in capitals or names the outlet."""
    if i > 0 and reasons.get(i - 1) == "masthead" and kept[i - 1][0] == kept[i][0] - 1:
        return True
    n = kept[i][0] - 1
    while n >= 0 and n < len(lines) and not lines[n].strip():
        n -= 1
    if n < 0 or n >= len(lines):
        return False
    above = lines[n].strip()
    words = _words(above)
    if not words or len(words) > 8 or _FINAL.search(above):
        return False
    return above.isupper() or (names is not None and bool(names.search(above)))


def _off_topic(
    kept: list[tuple[int, str]],
    reasons: dict[int, str],
    first: int,
    title: str | None,
    outlet: str | None,
    lines: list[str],
) -> None:
    """Furniture by voice and topic, wherever it stands (``furniture.v5``): a line of at most
    :data:`INTERJECTION_WORDS` words, outside quotation marks, in which the outlet speaks for
    itself to its reader (:func:`_voice`) and which does not speak of the story is an appeal,
    promotion, tip line or notice put between or after the paragraphs (``outlet``). The
    story's topic is the words of the headline and the first line of story text, which the
    line must not share; nor may it share a word with the other lines, but one where a price,
    an address or a telephone number makes the outlet's voice certain (3). "We" or "you"
    alone (1) is no evidence: columns and explainers speak so ("How are we so sure?"), and
    a short line shares few words with any other. Numbers, the outlet's own name and words such as
    "month" or "story" (``outlet-voice`` kind ``generic``) do not count. A reader's
    invitation about the story itself ("Were you caught in the closure? Send us your
    photos") is a call-out for accounts of the story and stays, whatever words it shares.
    Before the first anchor, a short line without a sentence end right below a masthead,
    sharing no word with the story, is the masthead's slogan (``masthead``).
    Adds to ``reasons`` in place."""
    names = _outlet_names(outlet)
    todo = []
    for i, (_, line) in enumerate(kept):
        if i in reasons:
            continue
        s = line.strip()
        if len(s) > MAX_SHAPE_CHARS or any(q in s for q in _QUOTES):  # most paragraphs of a story
            continue
        words = _words(s)
        n = len(words)
        if n == 0 or n > INTERJECTION_WORDS or _tweet(s):
            continue
        slogan = (
            i < first
            and 3 <= n <= SLOGAN_WORDS
            and not _FINAL.search(s)
            and _masthead_above(kept, reasons, i, names, lines)
        )
        voice = 0 if _CALL_OUT.match(s) else _voice(s, words, names)
        if voice >= 2 or slogan:
            todo.append((i, voice, slogan))
    if not todo:
        return
    from .text import terms

    skip = set(_generic_terms())
    if outlet:
        skip.update(terms(outlet))
    per_line = [{t for t in terms(line) if t[0] != "#" and t not in skip} for _, line in kept]
    counts: Counter[str] = Counter(t for bag in per_line for t in bag)
    core = set(terms(title or "")) | (per_line[first] if 0 <= first < len(per_line) else set())
    appeal_terms = _appeal_terms()
    for i, voice, slogan in todo:
        bag = per_line[i]
        s = kept[i][1].strip()
        if voice == 3 and (_addresses_reader(s) or _SELF.search(s) or (names is not None and names.search(s))):
            # the voice is certain and the outlet speaks to its reader or as itself: the words
            # of the appeal name no topic (furniture.v9)
            bag = bag - appeal_terms
        if not bag or (i != first and not core.isdisjoint(bag)):
            continue
        elsewhere = sum(1 for t in bag if counts[t] > 1)
        if slogan and elsewhere == 0:
            reasons[i] = "masthead"
        elif voice >= 2 and elsewhere <= (1 if voice == 3 else 0):
            reasons[i] = "outlet"


def _keep_table_rows(
    kept: list[tuple[int, str]], dropped: list[tuple[int, str, str]]
) -> tuple[list[tuple[int, str]], list[tuple[int, str, str]]]:
    """A row of a table in the story ("Date | 21 Feb | 12 Mar | 25 Mar": three or more cells
    between bars, two with figures) that a phrase pattern took for a timestamp or a
    breadcrumb goes back to the story when it stands between two anchors."""
    rows = [d for d in dropped if d[2] in ("time", "meta", "byline") and _table_row(d[1])]
    # a header row above them ("Model | Units | Incidents") reads as a breadcrumb: it goes
    # back with a row of the same number of cells right below it
    kept_at = dict(kept)
    row_at = {n: line for n, line, _ in rows} | {n: line for n, line in kept if _table_row(line)}
    for d in dropped:
        if d[2] == "meta" and d not in rows and "|" in d[1]:
            below = next((n for n in range(d[0] + 1, d[0] + 3) if n in row_at or n in kept_at), None)
            if below in row_at and _cell_count(row_at[below]) == _cell_count(d[1]):
                rows.append(d)
    if not rows:
        return kept, dropped
    anchors = [n for n, line in kept if _is_anchor(line)]
    if len(anchors) < 2:
        return kept, dropped
    back = {d for d in rows if anchors[0] < d[0] < anchors[-1]}
    if not back:
        return kept, dropped
    return sorted(kept + [(n, line) for n, line, _ in back]), [d for d in dropped if d not in back]


def _rest_cut(
    rest: list[tuple[int, str]],
    kept: list[tuple[int, str]],
    dropped: list[tuple[int, str, str]],
    lines: list[str],
    *,
    structure: bool,
) -> tuple[int, str] | None:
    """Where a comment-section heading cuts the rest of the page, if anywhere: the first
    heading with at least :data:`REST_BODY_WORDS` words of sentences above it and either a
    comment-shaped line among the next six (a comment form, a count, a timestamp, "Reply"),
    or, in the second half of the page's lines, less than half as many words of sentences
    below it as above. A "Comments" link in a menu above the story has no story
    above it; a subheading "Discussion" halfway through a story has as much story below as
    above. ``structure=False`` (the fallback) cuts nowhere."""
    if not structure or not rest:
        return None
    furniture = {n: why for n, _, why in dropped}
    # words of sentences on lines before n: a prefix sum, so many headings cost one pass
    before = [0] * (len(lines) + 1)
    for n, line in kept:
        if _FINAL.search(line.strip()):
            before[n + 1] = len(_words(line))
    for n in range(len(lines)):
        before[n + 1] += before[n]
    total = before[-1]
    halfway = len(lines) // 2
    for at, why in rest:
        above = before[at]
        if above < REST_BODY_WORDS:
            continue
        below = total - before[at + 1]
        following = list(islice((n for n in range(at + 1, len(lines)) if lines[n].strip()), 6))
        shaped = any(
            furniture.get(n) in ("comments", "time", "byline")
            or _COMMENT_FORM.match(lines[n].strip())
            or _COMMENT_SHAPE.search(lines[n].strip())
            for n in following
        )
        if shaped or (at >= halfway and 2 * below < above):
            return at, why
    return None


#: a comment-section heading cuts the rest only below this many words of story text
REST_BODY_WORDS = 40


_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")


#: a field with its value ("Name: Jane Doe", "Author: J. Smith"): a line of the page's text
_FIELD = re.compile(r"^[^\W\d_][\w'’]*(?: [\w'’]+)?:\s+\S")


def is_label(line: str) -> bool:
    """A short line that is not a sentence: a site name, a section label, a kicker. A field
    with its value ("Name: Jane Doe") is not a label: such lines carry the page's text."""
    stripped = line.strip()
    return len(stripped.split()) <= 5 and not _SENTENCE_END.search(stripped) and not _FIELD.match(stripped)


def _split_labels_beside_furniture(
    kept: list[tuple[int, str]], dropped: list[tuple[int, str, str]], n_lines: int
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A label in the first or last quarter of the page, next to a line of furniture (a
    masthead above a byline, a section name under a share bar), is furniture too; so is a
    label next to such a label. In the page order of all non-empty lines, a run of such
    labels is dropped whole when a line of furniture touches either end: one pass, linear.
    A row of a table next to a row or heading of as many cells (:func:`_beside_row`) is the story's own and
    stays (``furniture.v9``)."""
    edge = max(3, n_lines // 4)
    candidate = {
        n
        for i, (n, line) in enumerate(kept)
        if is_label(line) and not edge <= n < n_lines - edge and not _beside_row(kept, i)  # a table stays (v9)
    }
    furniture = {n for n, _, _ in dropped}
    order = sorted([n for n, _ in kept] + list(furniture))
    found: set[int] = set()
    i = 0
    while i < len(order):
        if order[i] not in candidate:
            i += 1
            continue
        j = i
        while j < len(order) and order[j] in candidate:
            j += 1
        if (i > 0 and order[i - 1] in furniture) or (j < len(order) and order[j] in furniture):
            found.update(order[i:j])
        i = j
    return [k for k in kept if k[0] not in found], [k for k in kept if k[0] in found]


def _split_edge_labels(kept: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Labels before the first and after the last line of story text (site names, section
    labels, kickers) are furniture; the same lines between paragraphs are subheadings. A row
    of a table beside its heading or another row (:func:`_beside_row`) is the story's table."""

    def label(i: int) -> bool:  # a table's row beside its heading or another row is no label (v9)
        return is_label(kept[i][1]) and not _beside_row(kept, i)

    first = next((i for i in range(len(kept)) if not label(i)), len(kept))
    last = next((i for i in range(len(kept) - 1, -1, -1) if not label(i)), -1)
    if first > last:  # nothing but labels: keep them rather than empty the article
        return kept, []
    return kept[first : last + 1], kept[:first] + kept[last + 1 :]


def clean(raw: RawArticle, *, options: CleanOptions | None = None) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Clean a raw article: ``(text, removed, reasons)``."""
    result = clean_body(raw.body, title=raw.title, options=options, html=raw.format == "html", outlet=raw.outlet)
    return result.text, result.removed, result.reasons
