"""Who wrote it first: news-agency credits at the edges of an article.

Method ``credits.v3``. Much news is agency copy republished or rewritten by other outlets, and
the page says so only in its furniture: a byline ("AFP January 31, 2023", "By Jane Doe,
Reuters", "Reuters Staff"), a dateline opening the first paragraph ("PARIS (AFP) -",
"WASHINGTON, Jan 31 (Reuters) -", "NEW DELHI (PTI):") or a credit line ("— Associated Press",
"(With inputs from PTI)", "With agency inputs", "(Reporting by ...; Editing by ...)",
"Copyright 2023 The Associated Press", "Reuters contributed to this report"). The cleaner
drops these lines as furniture; :func:`find_credits` reads them first, from the raw lines of
the body, and names the agencies.

Only the edges count: the first :data:`HEAD_LINES` and the last :data:`TAIL_LINES` non-empty
lines of the body. An agency named inside story text ("Reuters reported that ...", "he told
AFP") is a source of the story, not a credit of the article: a byline must be a short line
(:data:`MAX_BYLINE_WORDS` words at most) holding nothing but the agency, names, dates and
byline words ("by", "staff", "updated"), with the agency at its start or end or the line
opening with "By"; a line naming a photo, image or video is a picture credit, not one of the
text. The agencies and the ways credits write them are data: ``data/lexicons/agencies.tsv``.

A credit comes in one of these forms (:attr:`Credit.form`): ``byline``, ``dateline``,
``signoff`` ("— AFP" closing the text), ``copyright``, ``reporting`` (the "Reporting by ...;
Editing by ..." line, which is Reuters' house style), ``inputs`` ("with inputs from", "with
agency inputs", "contributed to this report": the article is partly agency copy). A generic
credit ("with agency inputs", "published from a wire agency feed") names no agency and is
written :data:`GENERIC`.

``credits.v2`` (after held-out part I): the ``reporting`` line credits Reuters only when no
dateline or byline of the head names another origin (:func:`other_origin`: "(Marchland Wire) -",
"By Jane Roe, Marchland Wire"): other wire services close their copy with the same line; and a
byline closing ", with AGENCY" ("Ledger staff, with Reuters", "By Jane Roe with AFP") is an
``inputs`` credit.

``credits.v3`` (issue 16, after parts J and K): the credit is the agency whose copy the text
is, an agency's own reports included. An agency not on the list is found by its name's shape
(:func:`_shaped_names`, the ``agency-names`` lexicon): capitalised words ending "News Agency",
"Press Agency", "Wire Service", "Newswire", "News Service", "Telegraph Agency",
"Presse-Agentur", ... or "Agency" after a name ("Anadolu Agency"; in a byline only as the whole
author), unless a word makes it a public body or a government's ("Environment Agency",
"National Security Agency", "Government News Service"); with its initials (three letters or
more: "(SWS) -" beside "By Sable Wire Service") or an acronym the body introduces ("Sable Wire
Service (SWS)"). Such a name counts only where a listed agency would, never in story text.
The ``reporting`` line of another wire service whose dateline names it ("CAWDREY (Marchland
Wire) - ...") credits that service (its name from an edge line when the dateline gives an
acronym). ``find_credits(..., shapes=False)`` is credits.v2's reading with the list of
``agencies.v3`` (the cleaner's, so that its output stays furniture.v11's).

Limits: English forms only; an agency neither listed nor named in a shape of ``agency-names``
("Harbour Wire", "Oxhaven Press") is not seen, nor an acronym the article does not introduce; a byline naming a
staff writer and the outlet ("By Jane Doe, Daily Post") gives no credit (no agency in it); a
rewrite that took agency copy without saying so has no credit (reuse and grouping's
republication links still see the copied text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .dates import MONTH_PATTERN

CREDITS_VERSION = "credits.v3"

#: non-empty lines of a body, from its top, in which bylines and datelines are looked for
HEAD_LINES = 8
#: non-empty lines of a body, from its end, in which credit lines are looked for
TAIL_LINES = 6
#: a byline has at most this many words besides the agency's name and the date
MAX_BYLINE_WORDS = 10
#: lines longer than this (characters) are no byline or credit line; a dateline is looked for
#: in a line's first this many characters
MAX_CREDIT_CHARS = 200
#: the credit of an article that says it holds agency copy without naming the agency
GENERIC = "agencies"
#: credit forms that say the whole text is the agency's (its outlet, when no metadata names one)
WHOLE_COPY_FORMS = ("byline", "dateline", "signoff", "copyright", "reporting")


@dataclass(frozen=True, slots=True)
class Credit:
    """One credit line: the agencies it names (short names, in order; :data:`GENERIC` when it
    names none), its form (see the module doc) and the line as the body gave it."""

    agencies: tuple[str, ...]
    form: str
    line: str


@dataclass(frozen=True, slots=True)
class _Agencies:
    names: dict[str, str]  # alias as it may be written -> agency
    alternation: str  # any alias (a regular expression without groups)
    pattern: re.Pattern[str]  # any alias, as a whole word, group 1
    #: agencies found by their name's shape as an after-name name ("Anadolu Agency"): in a
    #: byline only as the whole author
    whole_author: frozenset[str] = frozenset()


def _table(names: dict[str, str], whole_author: frozenset[str] = frozenset()) -> _Agencies:
    firsts = "".join(sorted({re.escape(a[0]) for a in names}))
    # a look-ahead on the first letter lets the search skip most positions at once
    alternation = f"(?=[{firsts}])(?:" + "|".join(re.escape(a) for a in sorted(names, key=lambda a: (-len(a), a))) + ")"
    return _Agencies(names, alternation, re.compile(rf"(?<!\w)({alternation})(?![\w-])"), whole_author)


@lru_cache(maxsize=1)
def _agencies() -> _Agencies:
    from .lexicons import load

    names: dict[str, str] = {}
    for alias, agency in load("agencies").rows:
        names[alias] = agency
        names.setdefault(alias.upper(), agency)
    return _table(names)


@lru_cache(maxsize=256)
def _with_shaped(shaped: tuple[tuple[str, str], ...], whole_author: frozenset[str]) -> _Agencies:
    """The listed agencies and an article's agencies found by their names' shape (alias ->
    name, :func:`_shaped_names`)."""
    names = dict(_agencies().names)
    for alias, agency in shaped:
        names.setdefault(alias, agency)
        names.setdefault(alias.upper(), agency)
    return _table(names, whole_author)


@dataclass(frozen=True, slots=True)
class _Shapes:
    suffix: re.Pattern[str]  # the last words of an agency's name (as written or in capitals), group 1
    canonical: dict[str, str]  # those words in capitals -> as the lexicon writes them
    ending: re.Pattern[str]  # those words closing a text (before an acronym in brackets), group 1
    last_words: tuple[str, ...]  # the last word of every suffix: a quick test before the search
    after_name: frozenset[str]  # suffixes that mark an agency only after a name ("Agency")
    public: frozenset[str]  # words that make an after-name name a public body or a firm
    state: frozenset[str]  # words that make any name a government's
    not_agency: frozenset[str]  # whole names shaped like agencies that are none


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    from .lexicons import load

    rows = load("agency-names").rows
    listed = [w for w, k in rows if k in ("suffix", "after-name")]
    suffixes = sorted({*listed, *(w.upper() for w in listed)}, key=lambda w: (-len(w), w))
    alt = "|".join(re.escape(w) for w in suffixes)
    return _Shapes(
        re.compile(rf"(?<![\w-])({alt})(?![\w-])"),
        {w.upper(): w for w in listed},
        re.compile(rf"(?<![\w-])({alt})\s*$"),
        tuple(sorted({re.split(r"[\s-]", w)[-1] for w in suffixes})),
        frozenset(w for w, k in rows if k == "after-name"),
        frozenset(w for w, k in rows if k == "public"),
        frozenset(w for w, k in rows if k == "state"),
        frozenset(w for w, k in rows if k == "not"),
    )


#: at most this many acronyms in brackets at an article's edges are looked up in its body
MAX_ACRONYMS = 4
#: an acronym in brackets ("(SWS)"), as a dateline gives it
_BRACKETED = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,9})\s*\)")


#: a word of an organisation's name, read back from the suffix: capitalised, or "&"
_NAME_WORD = re.compile(r"(?:[^\W\d_][\w'’&.-]*|&)")
#: at most this many words of a name before its suffix
MAX_SHAPE_WORDS = 5


def _shape_name(text: str, start: int, suffix: str) -> tuple[str, bool, str] | None:
    """The agency name ending with ``suffix`` at ``start`` of ``text``, by its shape: the
    capitalised words right before the suffix (at most :data:`MAX_SHAPE_WORDS`, none a
    possessive or closing a phrase with a comma or a full stop), without leading byline words
    ("By", "The", "Source") or a copyright line's "Copyright"; whether it is an after-name name;
    and the agency it is: itself, or the listed agency whose name opens it ("Kyodo News Agency":
    Kyodo). None when no name stands before it, a word of the ``agency-names`` lexicon says it
    is a public body, a government's or no agency, or a listed agency's name stands inside it
    but not first ("JANE ROE Associated Press": the listed agency is found as listed)."""
    sh = _shapes()
    byline_words, _ = _byline_words()
    words: list[str] = []
    for w in reversed(text[max(0, start - 120) : start].split()[-(MAX_SHAPE_WORDS + 3) :]):
        opening = w[:1] in "([\"“‘'"
        w = w[1:] if opening else w  # "(Northland News Agency)": the name opens with the bracket
        if not _NAME_WORD.fullmatch(w) or not (w[0].isupper() or w == "&"):
            break
        if w[-1] in ",;:." or w.endswith(("'s", "’s")):
            break  # "Jane Roe, Harbour Wire Service", "Northland's Harbour Wire Service
        words.append(w)
        if opening or len(words) >= MAX_SHAPE_WORDS + 3:
            break
    words.reverse()
    while words and (words[0].lower() in byline_words or words[0].lower() == "copyright" or words[0] == "&"):
        words.pop(0)  # "By", "The", "Source", "From", ..., and a copyright line's "Copyright"
    if not words or len(words) > MAX_SHAPE_WORDS or words[-1] == "&":
        return None
    if suffix.isupper() and suffix in sh.canonical:
        # a name in capitals ("MERIDIAN PRESS AGENCY"), shown in title case
        if not all(w.isupper() or w == "&" for w in words):
            return None
        words = [_title(w) for w in words]
        suffix = sh.canonical[suffix]
    after = suffix in sh.after_name
    if after and len(words) > 3:
        return None
    every = words + suffix.split()
    if any(w in sh.state for w in every) or (after and any(w in sh.public for w in words)):
        return None
    name = " ".join(every)
    if name in sh.not_agency:
        return None
    listed = _agencies().pattern.search(name)
    if listed and listed.start(1) > 0:
        return None
    return name, after, _agencies().names[listed.group(1)] if listed else name


def _title(word: str) -> str:
    """A word in capitals in title case, each part of a hyphenated word ("TRANS-ARCTIC" ->
    "Trans-Arctic")."""
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def _acronym_name(acronym: str, lines: Sequence[str]) -> str:
    """The name whose initials ``acronym`` gives, when a line among ``lines`` writes it (in
    capitals it is shown in title case: "GLOBAL TECH WIRE | June 12" and "(GTW)" give "Global
    Tech Wire"); else the acronym."""
    if not re.fullmatch(r"[A-Z]{2,8}", acronym):
        return acronym
    words = r"\s+".join(rf"{c}[\w'’-]*" for c in acronym)
    pattern = re.compile(rf"(?<![\w-])({words})(?![\w-])")
    for line in lines:
        m = pattern.search(line[:MAX_CREDIT_CHARS])
        if m and m.group(1) != acronym:
            name = m.group(1)
            return " ".join(_title(w) for w in name.split()) if name.isupper() else name
    return acronym


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _shaped_names(body: str, edges: Sequence[str], byline: str | None) -> _Agencies:
    """The agencies of one article: the listed ones, and those whose names' shape marks them
    (``agency-names``) in its edge lines and metadata byline (``edges``), with their initials
    (three letters or more); an acronym in brackets at the edges ("(SWS) -") also names the
    agency the body introduces with it ("Sable Wire Service (SWS)"). A name found so counts
    only where a listed agency would."""
    sh = _shapes()
    found: dict[str, str] = {}
    whole: set[str] = set()
    texts = [line[:MAX_CREDIT_CHARS] for line in [*edges, byline or ""]]
    joined = "\n".join(texts)
    if any(w in joined for w in sh.last_words):
        for head in texts:
            for m in sh.suffix.finditer(head):
                got = _shape_name(head, m.start(1), m.group(1))
                if got:
                    name, after, agency = got
                    found.setdefault(name, agency)
                    if after:
                        whole.add(agency)
                    elif len(_initials(name)) >= 3:
                        found.setdefault(_initials(name), agency)
    if "(" in joined:
        listed = _agencies().names
        unknown = [a for a in dict.fromkeys(m.group(1) for m in _BRACKETED.finditer(joined)) if a not in listed]
        for acronym in unknown[:MAX_ACRONYMS]:
            if acronym in found:
                continue
            for m in re.finditer(rf"\(\s*{re.escape(acronym)}\s*\)", body):
                before = body[max(0, m.start() - 120) : m.start()]
                e = sh.ending.search(before)
                got = _shape_name(before, e.start(1), e.group(1)) if e else None
                if got and _initials(got[0]).startswith(acronym[0]):
                    found.setdefault(got[0], got[2])
                    found[acronym] = got[2]
                    if got[1]:
                        whole.add(got[2])
                    break
    if not found:
        return _agencies()
    owners = {}
    for name in set(found.values()):
        # "MNA Wire Service" beside "Meridian News Agency (MNA)": the agency's own service
        owner = next((found[w] for w in name.split()[:-1] if found.get(w, name) != name), None)
        if owner:
            owners[name] = owner
    found = {alias: owners.get(name, name) for alias, name in found.items()}
    return _with_shaped(tuple(sorted(found.items())), frozenset(whole))


def agencies() -> tuple[str, ...]:
    """The agencies newsprism recognises, by short name, sorted."""
    return tuple(sorted(set(_agencies().names.values())))


_MONTH = re.compile(rf"\b{MONTH_PATTERN}(?!\w)", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?", re.IGNORECASE)
_CLOCK = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b[ap]\.?m\.?(?!\w)|\b(?:IST|GMT|UTC|EST|EDT|ET|BST|CET|PST|PDT|HKT|JST|KST)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)?")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


@lru_cache(maxsize=1)
def _byline_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words a byline may hold besides names, dates and the agency, and those that may
    follow an agency opening it ("Reuters Staff"): the ``byline-words`` lexicon."""
    from .lexicons import load

    rows = load("byline-words").rows
    return frozenset(w for w, after in rows if after != "only"), frozenset(w for w, after in rows if after != "no")


#: a line naming a picture is a picture credit, not a credit of the text
_PICTURE = re.compile(
    r"\b(?:photos?|photograph\w*|pictures?|pics?|images?|video|graphics?|illustrations?|infographic|file|"
    r"getty|shutterstock|caption|credit:?\s*$)\b",
    re.IGNORECASE,
)
_OPENS_BY = re.compile(r"^\W*by\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"[|/·•,;:()\[\]{}\-–—―_*]+")
_TOKEN = re.compile(r"[\x00\x01]|[|/·•,;:()\[\]{}\-–—―_*]+|[^\s|/·•,;:()\[\]{}\-–—―_*\x00\x01]+")
#: a byline names people in runs of at most this many capitalised words
MAX_NAME_WORDS = 4


def _spans(line: str, ags: _Agencies | None = None) -> list[tuple[int, int, str]]:
    a = ags or _agencies()
    return [(m.start(1), m.end(1), a.names[m.group(1)]) for m in a.pattern.finditer(line)]


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def _byline(line: str, ags: _Agencies | None = None) -> tuple[str, ...]:
    """The agencies of a byline: a short line of the agency, names, dates and byline words.

    Names are runs of capitalised words (at most :data:`MAX_NAME_WORDS` a run) between
    separators or byline words. Without an opening "By" the agency must open the line (then
    followed by a separator, a date or a byline word: "Reuters Staff", "AFP January 31") or
    close it after a separator ("Jane Roe, Reuters", "Source: AFP"), so that a headline naming
    an agency ("Japan Tells AFP It Will Act", "A Game Changer for Bloomberg") is none."""
    if len(line) > MAX_CREDIT_CHARS or _PICTURE.search(line):
        return ()
    found = _spans(line, ags)
    if not found:
        return ()
    byline_words, after_agency = _byline_words()
    whole_author = ags is not None and any(name in ags.whole_author for _, _, name in found)
    by = bool(_OPENS_BY.match(line))
    for start, end, _ in found:
        if not by and (line[:start].rstrip().endswith("/") or line[end:].startswith("/")):
            return ()  # "Jane Roe/AP", "REUTERS/Jane Roe": the credit of a picture
    rest = line
    for start, end, _ in reversed(found):
        rest = rest[:start] + " \x00 " + rest[end:]  # \x00 marks where an agency stood
    for pattern in (_MONTH, _WEEKDAY, _CLOCK, _NUMBER):
        rest = pattern.sub(" \x01 ", rest)  # \x01 marks a date or time
    tokens = _TOKEN.findall(rest)
    words = [t for t in tokens if t[0] not in "\x00\x01" and not _SEPARATORS.fullmatch(t)]
    if len(words) > MAX_BYLINE_WORDS:
        return ()
    run = 0
    for t in tokens:
        if t in ("\x00", "\x01") or _SEPARATORS.fullmatch(t) or t.lower() in byline_words:
            run = 0
            continue
        if not _WORD.fullmatch(t) or not t[0].isupper():
            return ()  # a lower-case word of a sentence, a stray sign: not a byline
        run += 1
        if run > MAX_NAME_WORDS or whole_author:
            return ()  # a headline in title case, not names; "Jane Roe, Harbour Agency": an employer
    if by:
        return _unique([name for _, _, name in found])
    core = [t for t in tokens if t.lower() not in ("the", "source", "sources", ".")]
    while core and _SEPARATORS.fullmatch(core[0]):
        core.pop(0)
    while core and (_SEPARATORS.fullmatch(core[-1]) and core[-1] not in ("(", "[")):
        core.pop()
    if not core:
        return ()
    opens = core[0] == "\x00" and (
        len(core) == 1
        or core[1] in ("\x00", "\x01")
        or bool(_SEPARATORS.fullmatch(core[1]))
        or core[1].lower() in after_agency
    )
    closes = (
        core[-1] == "\x00" and len(core) > 1 and bool(_SEPARATORS.fullmatch(core[-2])) and core[-2] not in ("(", "[")
    )
    if not (opens or closes):
        return ()
    return _unique([name for _, _, name in found])


_DATELINE_HEAD = r"^(?:[^\W\d_][^()\n!?]{0,80}?[\s,]\s*)?"


def _forms(ags: _Agencies | None = None) -> dict[str, re.Pattern[str]]:
    return _forms_of((ags or _agencies()).alternation)


@lru_cache(maxsize=256)
def _forms_of(alternation: str) -> dict[str, re.Pattern[str]]:
    agency = rf"(?:the\s+)?(?<!\w)(?:{alternation})(?![\w-])"
    either = rf"(?:{agency}|agenc(?:y|ies)|wires?|news\s+agenc(?:y|ies))"
    return {
        # "PARIS (AFP) -", "WASHINGTON, Jan 31 (Reuters) -", "(AP) —", "NEW DELHI (PTI):"
        # (a line ending at the credit is a dateline only in capitals: "EASTMERE (AFP)")
        "dateline": re.compile(
            _DATELINE_HEAD + rf"\(\s*{agency}(?:\s*[/,&]\s*{agency})*\s*\)\s*[-–—:]"
            rf"|^[^a-z()\n]{{0,80}}\(\s*{agency}(?:\s*[/,&]\s*{agency})*\s*\)\s*$"
            # "Eastmere, Jul 8 (PTI) The board ...": without a dash only after a place and a date
            rf"|^[^\W\d_][^()\n!?]{{0,60}}?,\s*(?i:{MONTH_PATTERN})\s+\d{{1,2}}\s*"
            rf"\(\s*{agency}(?:\s*[/,&]\s*{agency})*\s*\)\s+(?=[A-Z\"“‘'])"
        ),
        # "— Associated Press", "- AFP", "-- Reuters", "AFP/PTI" closing the text
        "signoff": re.compile(rf"^\(?\s*[-–—―]+\s*{agency}(?:\s*[/,&]\s*{agency})*\s*\.?\s*\)?$"),
        "copyright": re.compile(rf"^\(?\s*(?:copyright|©|\(c\))[\s\d©()c,.-]*{agency}\b", re.IGNORECASE),
        # Reuters' own credit line: "(Reporting by A in Paris; Editing by B)"
        "reporting": re.compile(r"^\(?\s*(?:additional\s+)?reporting\s+by\b.{0,300}?\bediting\s+by\b", re.IGNORECASE),
        # "(With inputs from PTI)", "With agency inputs", "(with Reuters inputs)", "Jane Roe and
        # The Associated Press contributed to this report.", "Contributing: Associated Press"
        "inputs": re.compile(
            # also closing a byline: "Ledger staff, with agency inputs"
            rf"(?:^|^[^\W\d_][^()\n!?:]{{0,60}}?[,;]\s*)\(?\s*with\s+(?:(?:additional\s+)?inputs?\s+from\s+(?:the\s+)?{either}"
            rf"(?:\s*(?:,|and|&)\s*{either})*|{either}(?:\s*(?:,|and|&)\s*{either})*\s+inputs?)\s*\)?\s*\.?\s*\)?$"
            rf"|(?:^|[,;(]|\band\b)\s*{agency}(?:\s*(?:,|and|&)\s*{agency})*\s+contributed\s+to\s+this\s+"
            r"(?:report|story|article)"
            rf"|^\(?\s*{agency}\s+(?:writers?|reporters?|correspondents?)\b.{{0,300}}\bcontributed\b"
            rf"|^\(?\s*contributing\s*:.{{0,200}}?{agency}"
            # "Additional reporting by Associated Press", "Additional reporting: dpa"
            rf"|^\(?\s*additional\s+reporting\s*(?:by|from|:)\s*{either}(?:\s*(?:,|and|&)\s*{either})*\s*\.?\s*\)?$"
            r"|^.{0,80}\b(?:published|auto-generated)\s+from\s+a\s+(?:wire\s+agency|syndicated)\s+feed",
            re.IGNORECASE,
        ),
        # a byline closing with the agency its writers worked with: "Ledger staff, with Reuters"
        # (what stands before "with" is checked by _with_agency)
        "with": re.compile(
            rf"^\(?\s*([^\W\d_][^()\n!?:]{{0,80}}?)(?:\s*,\s*|\s+)with\s+"
            rf"({agency}(?:\s*(?:,|and|&)\s*{agency})*)\s*\.?\s*\)?$"
        ),
    }


#: a capitalised word of an organisation's name (or "&" between two)
_ORG_WORD = r"(?:[A-Z][\w'’.&-]*|&)"
#: a dateline naming an origin in brackets, agency or not: "CAWDREY, Marlshire (Marchland Wire) -"
_ORIGIN_DATELINE = re.compile(_DATELINE_HEAD + rf"\(\s*((?:the\s+)?{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,5}})\s*\)\s*[-–—:]")
#: a byline naming its writers' organisation after a comma: "By Jane Roe, Marchland Wire"
_ORIGIN_BYLINE = re.compile(
    rf"^\W*(?i:by)\s+[^,;|()\n]{{1,80}}?,\s*((?:the\s+)?{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,5}})\s*\.?$"
)
#: a party and state in brackets after a politician's name ("Sen. Jane Roe (R-Texas) -"): no origin
_PARTY = re.compile(r"^[RDI]-[A-Z]")


def _is_origin(name: str, agency: str, ags: _Agencies | None = None) -> bool:
    """Whether ``name``, written in a dateline's brackets or after a byline's comma, names an
    origin other than ``agency``: a name with a word that is no byline word ("Marchland Wire",
    not "Staff Writer") and no alias of ``agency``."""
    byline_words, _ = _byline_words()
    words = [w for w in name.split() if w.lower() != "the"]
    if not words or not words[0][0].isupper() or all(w.lower() in byline_words for w in words):
        return False
    if _PARTY.match(words[0]):
        return False
    named = {a for _, _, a in _spans(name, ags)}
    return agency not in named


def other_origin(
    lines: Sequence[str], agency: str, *, byline: str | None = None, ags: _Agencies | None = None
) -> str | None:
    """The first origin other than ``agency`` that a dateline or a byline among ``lines`` (the
    head of a body) or the metadata ``byline`` names: the organisation in a dateline's brackets
    ("CAWDREY (Marchland Wire) -") or after a byline's comma ("By Jane Roe, Marchland Wire");
    None when they name none, or only ``agency``."""
    given = byline.strip() if byline else ""
    if given and not _OPENS_BY.match(given):
        given = f"By {given}"  # the metadata's author field is a byline without its "By"
    for line in ([given] if given else []) + list(lines):
        head = line[:MAX_CREDIT_CHARS]
        for pattern in (_ORIGIN_DATELINE, _ORIGIN_BYLINE):
            m = pattern.search(head) if pattern is _ORIGIN_DATELINE else pattern.match(head)
            if m and _is_origin(m.group(1), agency, ags):
                return m.group(1)
    return None


def _dateline_origin(lines: Sequence[str], ags: _Agencies) -> str | None:
    """The origin other than Reuters that a dateline among ``lines`` names in its brackets
    ("CAWDREY, Marlshire (Marchland Wire) - ..."), without a leading "the"; None without."""
    for line in lines:
        m = _ORIGIN_DATELINE.search(line[:MAX_CREDIT_CHARS])
        if m and _is_origin(m.group(1), "Reuters", ags):
            return re.sub(r"^the\s+", "", m.group(1), flags=re.IGNORECASE)
    return None


def _with_agency(line: str, ags: _Agencies | None = None) -> tuple[str, ...]:
    """The agencies of a byline closing ", with AGENCY" ("Ledger staff, with Reuters", "By Jane
    Roe with AFP and AP"): before "with", only names (runs of at most :data:`MAX_NAME_WORDS`
    capitalised words) and byline words, at most :data:`MAX_BYLINE_WORDS` words."""
    if len(line) > MAX_CREDIT_CHARS or _PICTURE.search(line):
        return ()
    m = _forms(ags)["with"].match(line)
    if not m:
        return ()
    byline_words, _ = _byline_words()
    words = [w for w in re.split(r"[\s,;|]+", m.group(1)) if w]
    if not words or len(words) > MAX_BYLINE_WORDS:
        return ()
    run = 0
    for w in words:
        if w.lower() in byline_words:
            run = 0
        elif _WORD.fullmatch(w) and w[0].isupper() and not _spans(w, ags):
            run += 1
            if run > MAX_NAME_WORDS:
                return ()
        else:
            return ()  # a lower-case word of a sentence, a number, an agency before "with"
    return _unique([name for _, _, name in _spans(m.group(2), ags)])


def _named(line: str, form: str, ags: _Agencies | None = None) -> tuple[str, ...]:
    """The agencies ``line`` names (as written or in capitals), or the generic credit."""
    if form == "reporting":
        return ("Reuters",)
    names = _unique([name for _, _, name in _spans(line, ags)])
    return names or (GENERIC,)


def find_credits(body: str, *, byline: str | None = None, shapes: bool = True) -> tuple[Credit, ...]:
    """The credits at the edges of a raw body (bylines and datelines in its first
    :data:`HEAD_LINES` non-empty lines, credit lines in its last :data:`TAIL_LINES`), in
    order, each line at most once; ``byline`` (the author field of a page's metadata or a
    JSONL record) is read as a byline first. Agencies are the listed ones and, with
    ``shapes`` (credits.v3), those found by their names' shape (:func:`_shaped_names`) and the
    wire service a reporting line's dateline names; without, listed agencies only."""
    out: list[Credit] = []
    lines = [line.strip() for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    edges = (
        range(len(lines))
        if len(lines) <= HEAD_LINES + TAIL_LINES
        else [
            *range(HEAD_LINES),
            *range(len(lines) - TAIL_LINES, len(lines)),
        ]
    )
    ags = _shaped_names(body, [lines[i] for i in edges], byline) if shapes else _agencies()
    if byline and byline.strip():
        names = _byline(byline.strip(), ags)
        if names:
            out.append(Credit(names, "byline", byline.strip()))
    forms = _forms(ags)
    for i in edges:
        head, tail = i < HEAD_LINES, i >= len(lines) - TAIL_LINES
        found = _credit(lines[i], head, tail, forms, ags)
        if found is not None:
            out.append(found)
    if any(c.form == "reporting" for c in out) and other_origin(lines[:HEAD_LINES], "Reuters", byline=byline, ags=ags):
        # another wire service closing its own copy with Reuters' style of credit line: the
        # copy of the service its dateline names, when that is no agency credited already
        origin = _dateline_origin(lines[:HEAD_LINES], ags) if shapes else None
        if origin:
            origin = _acronym_name(origin, [lines[i] for i in edges])
        if origin and not _spans(origin, ags):
            out = [Credit((origin,), c.form, c.line) if c.form == "reporting" else c for c in out]
        else:
            out = [c for c in out if c.form != "reporting"]
    return tuple(out)


#: lower-case words without which a line that names no agency (as written) is no credit
_GENERIC_CUES = ("input", "contribut", "feed", "editing by")


def _credit(line: str, head: bool, tail: bool, forms: dict[str, re.Pattern[str]], ags: _Agencies) -> Credit | None:
    if ags.pattern.search(line[:MAX_CREDIT_CHARS]) is None:
        # most lines name no agency: only a generic or Reuters-style credit line may stand there
        lower = line.lower()
        if len(line) > MAX_CREDIT_CHARS or not any(cue in lower for cue in _GENERIC_CUES):
            return None
        for form in ("reporting", "inputs"):
            if (tail or form != "reporting") and forms[form].search(line):
                return Credit(_named(line, form, ags), form, line)
        return None
    if head:
        m = forms["dateline"].search(line[:MAX_CREDIT_CHARS])
        if m:
            return Credit(_named(m.group(0), "dateline", ags), "dateline", line)
    if len(line) > MAX_CREDIT_CHARS:
        return None
    for form in ("signoff", "copyright", "reporting", "inputs"):
        if not tail and form in ("signoff", "reporting"):
            continue
        if forms[form].search(line):
            return Credit(_named(line, form, ags), form, line)
    names = _with_agency(line, ags)
    if names:
        return Credit(names, "inputs", line)
    names = _byline(line, ags)
    if names:
        return Credit(names, "byline", line)
    return None


def credit_of(credits: Sequence[Credit]) -> str | None:
    """How an article's credit is written: the agencies its credits name, in order, joined
    by ", " (:data:`GENERIC` only when none names an agency); None without a credit."""
    named = _unique([a for c in credits for a in c.agencies if a != GENERIC])
    if named:
        return ", ".join(named)
    return GENERIC if credits else None


def credited_agencies(credit: str | None) -> frozenset[str]:
    """The agencies a credit string names (the generic credit names none)."""
    if not credit:
        return frozenset()
    return frozenset(a.strip() for a in credit.split(",") if a.strip() and a.strip() != GENERIC)


def credit_outlet(credits: Sequence[Credit]) -> str | None:
    """The outlet the credits name when no metadata does: the one agency whose byline,
    dateline or credit line says the whole text is its copy; None when they name none, or
    several."""
    named = _unique([a for c in credits if c.form in WHOLE_COPY_FORMS for a in c.agencies if a != GENERIC])
    return named[0] if len(named) == 1 else None


def site_of(url: str | None) -> str | None:
    """The site a page's address names: its host without ``www.`` (``https://www.daily-post.example/a``
    -> ``daily-post.example``); None without an address or a host."""
    if not url:
        return None
    m = re.match(r"^[a-z][a-z0-9+.-]*://(?:[^/@?#]*@)?([^/:?#]+)", url.strip(), re.IGNORECASE)
    if not m:
        return None
    host = m.group(1).lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host or None


def resolve_outlet(outlet: str | None, credits: Sequence[Credit], *, url: str | None, source: str, id: str) -> str:
    """An article's outlet, first found of: the outlet the input names (``--outlet``, the
    page's site name, the JSONL field, the feed's title), the site of the page's address, the
    one agency whose byline, dateline or credit line says the text is its copy
    (:func:`credit_outlet`), the file name (:func:`newsprism.model.source_name`), the id."""
    from .model import source_name

    given = " ".join(outlet.split()) if outlet else ""
    return given or site_of(url) or credit_outlet(credits) or source_name(source) or id
