"""People, organisations and places across a story, and what each outlet calls them.

:func:`story_entities` reads the articles of one story (a pure function of the records) and
returns every entity they mention as an :class:`~newsprism.model.Entity`: a canonical name, a
kind (``person``, ``org``, ``place`` or None) and each mention with its span in
``Article.text``. :func:`naming_table` says, for each entity that two or more articles
mention, which surface forms each outlet uses and how often; :func:`naming_marks` turns the
forms that set an outlet apart into ``naming`` framing marks.

How (``entities.v3``, rules over the text and three lexicons; no parser, no model; v2 reads
the names as ``names`` does since quotes.v3: "White House", "Fox News", "New York Times" are
organisations by their last word, a gerund opening a sentence is no part of a name; v3 reads
descriptions used as names, "the peat giant", "union barons", "Labour chief"; v4 merges a short
name with the one longer name of the story it opens, "Vessock" = "Vessock Chemicals", and an
abbreviation coined in brackets with the name before it, "Greyline Transport (GRL)", and makes
no mark of another name of the story before a plain one, "North Calloway National Guard"; v5
reads a state's government and officials, "the Russian government", "U.S. officials", as the
state (never a mark), a nickname in quotation marks right after a name, "Vossberg – dubbed
“Red Ilaria”", as that name's entity, and makes no mark of a common word opening a sentence
before a plain name, "Goalkeeper Piet Haverkamp"; v6 reads a nickname tied to a name wherever
else the story writes it, "‘the Quiet Millionaire’", and makes it a mark when at most half of
the other outlets write it, reads "the" and a singular description's head alone as the
entity the article last described with that head, "the tycoon", "health chiefs" as the organisation whose
name holds "health" before its last word, and a description before "the" and a name,
"watchdog the Financial Conduct Board", as that name; v9 resolves within the story with no
alias row: an abbreviation an outlet never writes out is a mark, "PRB" for "Professional
Referees Board", a brand and its owner are one entity where an article states the relation and
the outlets split on the names, "Velcom’s owner, Velmont", a nickname tied with no quotation
marks, ", known as the Herons,", and a capital tied to its state, "Durnsk, the capital of
Ostravia", stands for it as a government):

- **Mentions in an article**: the capitalised runs of :func:`newsprism.names.name_runs` (the
  scanner that finds speakers for ``quotes``), cut after a possessive ("North Korea's Kim" is
  two), with their titles kept in the mention ("President Trump", "Mr. Kim") and taken off
  the name (:func:`newsprism.names.clean_name`); a possessive is left out of the span. Names
  of the ``entity-aliases`` lexicon are found as written (an all-lower-case entry in any case:
  "hermit kingdom") and give the canonical name and kind ("DPRK" -> North Korea); an alias
  that opens a longer run before a titled name is split off ("U.S. President Donald Trump" ->
  "U.S." and "President Donald Trump"); inside any other longer run it is not read ("UN
  Security Council" stays whole). An ``adjective`` entry ("North Korean") is no mention. A
  ``metonym`` ("Moscow", "the White House") after "in", "at", "near", "visited", "flew
  to"... is the place itself, named as written, not the state. "Republic of X", "Kingdom of
  X"... is a mention of X.
- **Roles**: "the" (or a name's possessive) + up to three words + a lower-case role word of
  the ``speaker-titles`` lexicon ("the prime minister", "the North Korean leader", "Israel's
  prime minister") is a mention of the person that role was last given in the article
  before: a title in a name ("Prime Minister Fumio Kishida"), a role word just before one
  ("leader Kim Jong Un", "its leader, Kim Jong-un") or in apposition after one ("Fumio
  Kishida, the prime minister,"). The role's lower-case words must be among the title's
  ("the foreign minister" is not "Prime Minister ...") and its capitalised ones name the same
  place ("the Israeli leader": "Israeli", "Israel" or "of Israel" in the title); "leader"
  stands for a president, prime minister, premier... when so qualified. "the" + an
  organisation word ("the committee", "the health ministry") is the one organisation named
  before whose name holds those words. A role never tied to a name is no mention.
- **Descriptions** (v3, the ``entity-descriptions`` lexicon): up to three modifiers and a
  head word in lower case ("peat giant", "the North Korean dictator", "union barons",
  "Labour chief"), after "the", a possessive or nothing (not "a"), ending its phrase ("chief
  executive", "giant panda", "the inspection regime" are none; a ``title`` head such as
  "chief" only after a capitalised modifier: "NATO chief", not "fire chief"). It is a
  mention of the name written right after it or in apposition before it; else of the name the
  same description was given before; for a person, of the one last given a title of the same
  place ("North Korean leader Kim Jong Un"); for an organisation (or, for a plural of a person
  word, the body those people lead: "union barons"), of the one whose name holds one of its
  modifiers ("the peat giant": Halden Peat Company); for a state ("regime"), of the one its
  capitalised modifier names ("the Syrian regime"); else, for an organisation epithet after
  "the" ("the watchdog"), of the nearest organisation named before. A capitalised modifier
  that names none of these leaves it unresolved ("the Assad regime"), and so does a person or
  state described with no name ("the dictator", "the regime"). A name inside a kept
  description is the description's; a description merged into an entity of another kind is
  dropped.
- **Not names**: a one-word run that opens a sentence, has no title and is also written in
  lower case in the article ("Speaking") or only ever opens sentences in the story
  ("Critics"); runs of several words all in capitals (datelines, crossheads) and one word in
  capitals of more than five letters; days, months used as dates ("in March", "June 5"),
  "North", "South", "East", "West", "Easter", "Christmas" alone.
- **One entity across the story**: mentions merge when their names fold to the same key
  (case, full stops, hyphens and curly apostrophes aside: "Kim Jong-un" = "Kim Jong Un"),
  through the alias table, when a shorter name is the end of a longer person's name
  ("Kishida", "Mr. Kishida" -> "Fumio Kishida"; "Wasserman Schultz" -> "Debbie Wasserman
  Schultz") or, for a name of three words or more or a one-word name with a title, its first
  word ("Mr. Kim" -> "Kim Jong Un"), and when a word in capitals is the initials of one
  longer name of the story ("NHA" -> "National Hydropower Authority"). The longer name must
  show it is a person (a title, a role, pronouns, an apposition or a reporting verb after it:
  ``newsprism.names.scan_names``) unless the short one has a title. Among several: those its
  title fits (Mr. / Mrs. against the name's pronouns and titles; a role given to the name),
  then the one written in most articles, most often, first. An alias of one word that is the
  surname of a person the article named before is that person ("Washington" after "Denzel
  Washington"). Ids are ``e1``... in order of first mention (article order, then position);
  the name is the alias table's canonical name, else the fullest form written most often.

Naming ("differs"): for an entity that two or more outlets (``Article.label``) mention, a
mention is a ``naming`` mark when its form (folded as above, a leading "the" aside) is used
by fewer than half of the *other* outlets that mention the entity (with two outlets: the
other does not use it), and it is not a plain name: the canonical name or words of it
("Kishida", "North Korea", "the bank" of "Nordhavn Development Bank"), for a person with or
without titles ("Prime Minister Kishida", "Mr. Kishida": a title is information, not a choice
of name). A role ("the minister") is a mark only where the outlet names the entity by roles
more often than by names (a role after the name is a reference, not a choice). A description
(v3) is a mark by the first rule alone when its head is an ``epithet`` (or a ``title`` after a
capitalised modifier), counting as users of it the outlets that write its words in the title
before one of their mentions ("HTA chief" where the others write "HTA chief executive Helen
...") or a description with the same head word ("mob boss", "rival mob boss"); a
``neutral`` one ("the carrier") never is, nor an epithet alone that is a loaded word ("the
regime": the ``loaded`` mark says it; "the Brazzaville regime" names). So "DPRK",
"Pyongyang", "Republic of Marrovia", "NHA" are marks in the outlet that stands apart. ``note``
is the canonical name, ``entity`` its id, ``quoted`` True inside a quotation
(:func:`newsprism.quotes.article_quotes`): then the choice is the speaker's.

Limits: English; a description only with a head word of the lexicon, resolved only as said
(an evaluative modifier on a plain word, "left-wing council", a capitalised nickname, "The
Iron Lady of Castelvera", and an indefinite "a chemical plant" are not read; a sentence's
first word before "chief" is a name unless the article writes it in lower case); a surname
shared by two people goes to the one the story names most unless a title says otherwise;
pronouns are not mentions; the alias table is small and general (countries, capitals used
for governments, international bodies, US agencies and parties: ``docs/entities.md``), and
reads "Washington" as the United States. Linear in the length of the articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from . import lexicons
from .model import Article, Entity, EntityMention, FramingMark, Naming, OutletNaming, Quote, Span
from .names import (
    DETERMINERS,
    NOT_NAMES,
    SMALL,
    TITLE_ROLE,
    clean_name,
    demonyms,
    is_cap,
    name_runs,
    org_name_words,
    reporting_cues,
    scan_names,
    sentence_openers,
    speaker_titles,
    strip_dot,
    title_kind,
    tokens,
)
from .text import WordList, stopwords

ENTITIES_VERSION = "entities.v10"

#: how many words may stand between "the" and a role word ("the North Korean leader")
ROLE_MODIFIERS = 3
#: a single word in capitals longer than this is not read as an abbreviation ("EXTREMELY")
MAX_ACRONYM = 5

#: words before a metonym that make it the place itself ("in Moscow", "visited Beijing")
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "outside",
        "inside",
        "around",
        "across",
        "into",
        "throughout",
        "via",
        "visit",
        "visits",
        "visited",
        "visiting",
        "toured",
    }
)
#: a word before "to"/"from" that makes the next metonym a destination ("flew to Beijing")
_MOTION = frozenset(
    {
        "flew",
        "fly",
        "flying",
        "travelled",
        "traveled",
        "travelling",
        "traveling",
        "travel",
        "trip",
        "trips",
        "went",
        "go",
        "going",
        "returned",
        "return",
        "returning",
        "arrived",
        "headed",
        "heading",
        "came",
        "come",
        "moved",
        "back",
        "journey",
        "visit",
        "flight",
        "flights",
    }
)
#: a role in apposition after a name: ", the harbour minister," / ", a spokeswoman for X."
_APPOSED = re.compile(r",\s+(?:(?:the|a|an|its|his|her)\s+)?([^,.;:()\"“”\n]{1,60}?)\s*(?:[,.;:)]|$)")
_LITERAL_AFTER = re.compile(r",?\s+(?:D\.?C\.?|state)\b")
_INITIAL = re.compile(r"^[a-z]$")
_FIRST_WORD = re.compile(r"\w+")
#: the formal name of a state: "Republic of Marrovia" -> Marrovia
_STATE_FORM = re.compile(
    r"(?:(?:Federal|Democratic|People's|Islamic|Socialist|United|Arab|Bolivarian|Plurinational|Hashemite|Cooperative)"
    r" )*(?:Republic|Kingdom|Principality|Grand Duchy|Commonwealth|Federation|State|Sultanate|Emirate|Union)"
    r" of (?:the )?([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)"
)


# ---------------------------------------------------------------------------------------------
# the alias table


@dataclass(frozen=True, slots=True)
class Alias:
    """One row of the ``entity-aliases`` lexicon."""

    alias: str
    canonical: str
    kind: str
    register: str


@lru_cache(maxsize=1)
def aliases() -> dict[str, Alias]:
    """The ``entity-aliases`` lexicon: alias as written -> its row."""
    lex = lexicons.load("entity-aliases")
    return {row[0]: Alias(*row) for row in lex.rows}


@dataclass(frozen=True, slots=True)
class Description:
    """One head word of the ``entity-descriptions`` lexicon, as written (singular or plural)."""

    word: str  # the singular
    kind: str  # person | org | place: what the singular names
    register: str  # epithet | title | neutral
    plural: bool = False


@lru_cache(maxsize=1)
def descriptions() -> dict[str, Description]:
    """The ``entity-descriptions`` lexicon: head word, singular or plural -> its row."""
    out: dict[str, Description] = {}
    for word, plural, kind, register in lexicons.load("entity-descriptions").rows:
        out[word] = Description(word, kind, register)
        if plural != "-":
            out[plural] = Description(word, kind, register, True)
    return out


#: the mentions that stand for a name given elsewhere: roles ("the minister") and descriptions
#: ("the peat giant")
_REFERRING = frozenset({"role", "description", "nickname", "seat", "owner"})

#: a council's seat standing for it (entities.v7): "County Hall has admitted", not "at Oldmere
#: Town Hall" (a name before it: the building) nor "in County Hall" (a place)
#: the kinds of local council a seat stands for ("National Security Council" is none)
_SEAT_WORDS = frozenset({"county", "city", "town", "borough", "district", "shire", "metropolitan", "parish"})
_SEAT = re.compile(r"(?<![\w’'-])(?P<w>County|City|Town|Borough|District|Shire) Hall(?![\w’'-])")
_PREVIOUS_WORD = re.compile(r"([\w’'-]+)[ \t]+\Z")
#: a road's number before its name (entities.v7): "B3290 Fellgate Road", "A1 Great North Road";
#: the name must end with a road word ("F-35 Lightning II", "TX-23 Will Hurd" are no roads)
_ROAD_NUMBER = re.compile(r"[A-Z]{1,2}-?\d{1,4}[a-z]?")
_ROAD_WORDS = frozenset(
    {"road", "street", "avenue", "lane", "way", "highway", "motorway", "bypass", "drive", "boulevard"}
    | {"expressway", "freeway", "turnpike", "parkway", "pike", "route"}
)
#: a formal name stated as information, not chosen: "Korvania, officially the Republic of
#: Korvania", "formally known as" (entities.v7)
_STATED_FORMALLY = re.compile(
    r"(?:[,(]|\b(?:is|was|are|were|be))\s+(?:officially|formally)(?:\s+(?:known\s+as|called|named|styled))?\s+(?:the\s+)?\Z",
    re.I,
)


def _alias_regex(words: Sequence[str], flags: int = 0) -> re.Pattern[str] | None:
    if not words:
        return None
    alts = []
    for w in sorted(words, key=lambda w: (-len(w), w)):
        alts.append(r"[^\S\n]+".join(re.escape(p).replace("'", "['’]") for p in w.split()))
    return re.compile(r"(?<![\w.\-'’])(?:" + "|".join(alts) + r")(?![\w]|[-‐][\w])", flags)


@lru_cache(maxsize=1)
def _alias_patterns() -> tuple[WordList | None, WordList | None, dict[str, Alias]]:
    """(the entries with a capital, matched as written; the all-lower-case ones, matched in any
    case; folded text -> row for the latter), each list searched for where the first word of
    one of its entries stands (:class:`newsprism.text.WordList`)."""
    table = aliases()
    cased = [a for a in table if a != a.lower()]
    lower = [a for a in table if a == a.lower()]
    return (
        _word_list(cased, fold=False),
        _word_list(lower, fold=True),
        {fold_key(a): table[a] for a in lower},
    )


def _alternative(alias: str) -> str:
    return r"[^\S\n]+".join(re.escape(p).replace("'", "['’]") for p in alias.split())


def _word_list(words: Sequence[str], *, fold: bool) -> WordList | None:
    pattern = _alias_regex(words, re.IGNORECASE if fold else 0)
    if pattern is None:
        return None
    by_first: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):  # the order of _alias_regex: longest first
        by_first.setdefault(_FIRST_WORD.match(w).group(), []).append(w)  # type: ignore[union-attr]

    def build(first: str) -> str:
        # the entries that open with ``first``, in the whole list's order, the look-behind after it
        w = re.escape(first)
        rests = "|".join(_alternative(a)[len(w) :] for a in by_first[first])
        return rf"{w}(?<![\w.\-'’]{w})(?:{rests})(?![\w]|[-‐][\w])"

    return WordList(pattern, by_first, build, fold=fold)


def _alias_hits(text: str, *, everywhere: bool = False) -> list[tuple[int, int, Alias]]:
    """The alias table's entries in ``text`` as ``(start, end, row)``, in order, the longest at
    a place and none inside another. Each list is searched for only where the first word of
    one of its entries stands (the same hits as trying it at every position, which
    ``everywhere`` does, for tests)."""
    cased, lower, by_key = _alias_patterns()
    table = aliases()
    hits: list[tuple[int, int, Alias]] = []
    if cased is not None:
        for m in cased.finditer(text, everywhere=everywhere):
            key = " ".join(m.group().replace("’", "'").split())
            if key in table:
                hits.append((m.start(), m.end(), table[key]))
    if lower is not None:
        for m in lower.finditer(text, everywhere=everywhere):
            row = by_key.get(fold_key(m.group()))
            if row is not None:
                hits.append((m.start(), m.end(), row))
    hits.sort(key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int, Alias]] = []
    for h in hits:  # the longest at a place, none inside another
        if not out or h[0] >= out[-1][1]:
            out.append(h)
    return out


# ---------------------------------------------------------------------------------------------
# folding names


@lru_cache(maxsize=65536)
def fold_key(text: str) -> str:
    """A name or form for comparison: lower case, full stops, hyphens and curly apostrophes
    aside, a leading "the" and a possessive off ("The U.S.'s" -> "us")."""
    t = text.replace("’", "'").replace("‘", "'").casefold()
    t = re.sub(r"'s$|(?<=s)'$", "", t.strip())
    t = t.replace(".", "").replace("-", " ").replace("‐", " ")
    words = t.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _display(text: str) -> str:
    """A form as an article writes it, whitespace folded and a sentence's "The" in lower case."""
    t = " ".join(text.split())
    return "the" + t[3:] if t.startswith("The ") else t


# ---------------------------------------------------------------------------------------------
# one article


@dataclass(eq=False)
class _Raw:
    """A mention found in one article, before the story's names are merged."""

    article: int
    start: int
    end: int
    name: str  # the alias' canonical name, the cleaned name, or (roles) "" until resolved
    source: str  # alias | official ("Republic of X") | name | role
    kind: str | None = None
    person: bool = False  # clean_name says a person
    titled: bool = False
    #: "m" or "f" when a title says so (Mr., Mrs.), and the roles its titles give
    honorific: str = ""
    heads: frozenset[str] = frozenset()
    sentence_start: bool = False
    words: int = 0  # of the name
    #: roles: (head word, lower-case modifiers, capitalised modifiers, org word?)
    role: tuple[str, frozenset[str], frozenset[str], bool] | None = None
    #: the name mention a role points at
    ref: _Raw | None = None
    #: descriptions: the head's row, the modifiers' words (folded; a capitalised one as the place
    #: or name it reads as), the capitalised ones as phrases, and the determiner ("the", "a",
    #: "own" for a name's possessive, "" for none)
    desc: Description | None = None
    dmods: frozenset[str] = frozenset()
    dcaps: tuple[str, ...] = ()
    det: str = ""
    head: int = 0  # where a description's head word starts
    #: the name the mention is merged under ("Marrovia" for "Republic of Marrovia")
    base: str = ""
    #: the company's legal form it was written with ("plc", "Ltd": entities.v10), or ""
    legal: str = ""
    key: str = ""
    target: str = ""


@dataclass(eq=False)
class _Tie:
    """A role given to a name: "Prime Minister Fumio Kishida", "Kishida, the prime minister"."""

    pos: int
    head: str
    mods: frozenset[str]
    caps: frozenset[str]
    mention: _Raw


@dataclass
class _ArticleScan:
    raws: list[_Raw] = field(default_factory=list)
    ties: list[_Tie] = field(default_factory=list)
    #: names the article shows to be people: pronouns, roles (scan_names)
    people: set[str] = field(default_factory=set)
    #: and names it shows less surely: a reporting verb or an apposition next (scan_names)
    confirmed: set[str] = field(default_factory=set)
    #: "m" or "f" for the names whose pronouns or titles say so (scan_names)
    gender: dict[str, str] = field(default_factory=dict)
    #: descriptions found ("the peat giant"), not yet resolved (:func:`_resolve_descriptions`)
    descs: list[_Raw] = field(default_factory=list)
    #: descriptions of an organisation with a capitalised modifier that the article leaves
    #: unresolved ("the Drumlow crisp firm"): for the story to resolve (entities.v10)
    pending: list[_Raw] = field(default_factory=list)
    text: str = ""


def _is_role(word: str) -> bool:
    w = strip_dot(word)
    return title_kind(w) == "role" or w in TITLE_ROLE


def _role_of(word: str) -> str:
    w = strip_dot(word)
    return TITLE_ROLE.get(w, w)


def _all_caps_junk(name: str) -> bool:
    words = [w for w in name.split() if any(c.isalpha() for c in w)]
    if not words or not all(w.upper() == w for w in words):
        return False
    return len(words) > 1 or len(words[0].strip(".")) > MAX_ACRONYM


#: month names that are names too ("Theresa May"): a date when a figure or a time word is next
_MONTHS = frozenset({"march", "may", "june"})
_DATE_BEFORE = frozenset({"in", "since", "until", "till", "last", "next", "early", "late", "mid"})
#: one word that names no entity on its own
_NOT_ALONE = frozenset({"north", "south", "east", "west", "easter", "christmas"})


def _not_a_name(text: str, s: int, e: int, word: str) -> bool:
    """A capitalised word that is a date ("in March", "June 5") or a direction ("the North")."""
    w = fold_key(word)
    if w in _NOT_ALONE:
        return True
    if w not in _MONTHS:
        return False
    before = re.findall(r"[\w'’.-]+", text[max(0, s - 20) : s])
    return bool(re.match(r"\s+\d", text[e : e + 3])) or (bool(before) and before[-1].lower() in _DATE_BEFORE)


def _prefix_title(run: str) -> bool:
    """Whether a capitalised run opens with a title ("Mrs. May")."""
    words = run.split()
    return len(words) > 1 and title_kind(words[0]) in ("title", "role")


def _is_title_word(word: str) -> bool:
    return title_kind(word) in ("title", "role") or strip_dot(word) in TITLE_ROLE or strip_dot(word) in SMALL


def _quals(words: Sequence[str]) -> frozenset[str]:
    """Capitalised words qualifying a role, folded, a place's name or adjective read as the
    place ("Israeli" and "Israel" -> "israel", "North Korean" -> "north korea")."""
    if not words:
        return frozenset()
    table = aliases()
    phrase = " ".join(w.replace("’", "'") for w in words)
    if phrase in table:
        return frozenset({fold_key(table[phrase].canonical)})
    return frozenset(fold_key(table[w].canonical) if w in table else fold_key(w) for w in words)


def _titled_person(run: str) -> bool:
    """Whether a capitalised run is a person's name after a title ("President Donald Trump",
    "Prime Minister Benjamin Netanyahu")."""
    words = run.split()
    if words and title_kind(words[0]) in ("title", "role"):
        return True
    name, person = clean_name(run)
    if not person or len(name.split()) >= len(words):
        return False
    return any(title_kind(w) in ("title", "role") for w in words[: len(words) - len(name.split())])


def _literal(text: str, s: int, e: int) -> bool:
    """Whether the metonym at ``text[s:e]`` names the place itself ("in Moscow")."""
    before = [strip_dot(w) for w in re.findall(r"[\w'’.-]+", text[max(0, s - 40) : s])]
    while before and before[-1] == "the":
        before.pop()
    if before and before[-1] in _LOCATIVE:
        return True
    if len(before) >= 2 and before[-1] in ("to", "from") and before[-2] in _MOTION:
        return True
    return bool(_LITERAL_AFTER.match(text, e))


@lru_cache(maxsize=1)
def _legal_forms() -> re.Pattern[str]:
    """A company's legal form right after its name, or ending its run (the ``legal-forms``
    lexicon: "plc", "Ltd", "LLC", "Inc."), with the comma some write before it."""
    forms = sorted(lexicons.load("legal-forms").entries, key=len, reverse=True)
    return re.compile(r",?[ \t]+(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")


@lru_cache(maxsize=8192)
def _legal_end(form: str) -> bool:
    """Whether a form ends with a company's legal form ("Halden Brewery plc"). (Cached: the
    naming rules ask it of every mention's form, and a story repeats its forms.)"""
    return any(m.end() == len(form) for m in _legal_forms().finditer(form))


def _legal_name(text: str, s: int, e: int, lowered: set[str]) -> tuple[str, int, str] | None:
    """A registered name (entities.v10): the run ``text[s:e]`` ends with a legal form, or one
    follows it ("Brenford Domestic Appliances plc") -> (the name without it, the end of the
    form), where the name has a capitalised word of its own and no "and" or "&" right before
    it (a name cut in two by the name reader: "Planned Parenthood of Indiana and Kentucky
    Inc")."""
    pattern = _legal_forms()
    run = text[s:e]
    cut = None
    for m in pattern.finditer(run):
        if m.end() == len(run):
            cut = m
    after = pattern.match(text, e)
    if cut is not None:
        stem, end, form = run[: cut.start()], e, cut.group().strip(" \t,")
    elif after is not None:
        stem, end, form = run, after.end(), after.group().strip(" \t,")
    else:
        return None
    words = stem.split()
    while words and strip_dot(words[0]) in DETERMINERS:
        words = words[1:]
    of = max((i for i, w in enumerate(words) if w == "of"), default=-1)
    if of > 0 and all(title_kind(w) in ("title", "role") for w in words[:of]):
        words = words[of + 1 :]  # "CEO of Hire Image LLC": the company after the title
    if not words or not any(w[:1].isupper() and not w.isupper() for w in words):
        return None
    if len(words) == 1 and words[0].lower() in lowered:
        return None  # "News Corp", "Polling Inc": a common word is no name without its form
    if re.search(r"(?:\band|&)[ \t]*\Z", text[max(0, s - 6) : s]):
        return None
    return " ".join(words), end, form


def _scan_article(index: int, article: Article) -> _ArticleScan:
    text = article.text
    toks = tokens(text, 0, len(text))
    titles = speaker_titles()
    hits = _alias_hits(text)
    scan = _ArticleScan()
    found = scan_names(text)
    scan.people = set(found.gender) | {n for _, _, n in found.roles}
    scan.confirmed = {n for _, n in found.confirmed}
    scan.gender = dict(found.gender)
    lowered = {w.lower() for w in re.findall(r"\b[a-z][a-z'’-]*\b", text)}
    surnames: set[str] = set()  # last words of people named so far (for an alias used as a surname)
    used_hits: set[int] = set()
    run_spans: list[tuple[int, int]] = []
    hit_starts = [h[0] for h in hits]
    hit_ends = [h[1] for h in hits]

    def add_alias(k: int) -> None:
        if k in used_hits:
            return
        used_hits.add(k)
        s, e, row = hits[k]
        if row.register == "adjective":
            return
        if row.register == "metonym" and _literal(text, s, e):
            scan.raws.append(_Raw(index, s, e, " ".join(text[s:e].split()), "name", kind="place", words=1))
            return
        scan.raws.append(_Raw(index, s, e, row.canonical, "alias", kind=row.kind, words=len(row.alias.split())))

    def add_name(a: int, j: int, sentence_start: bool, quals: frozenset[str] = frozenset()) -> None:
        s, e = toks[a][0], toks[j][1]
        run = text[s:e]
        tail = re.search(r"['’]s$|(?<=s)['’]$", run)
        if tail:
            e -= len(tail.group())
            run = text[s:e]
        legal = _legal_name(text, s, e, lowered)
        if legal is not None:
            # "Brenford Domestic Appliances plc": the company's registered name (entities.v10)
            name, person = legal[0], False
            at = run.find(name.split()[0])
            s, e = s + max(at, 0), legal[1]  # "CEO of American Media Inc": the name's span
        else:
            name, person = clean_name(run)
        words = name.split()
        if not name or not words[0][:1].isupper() or all(strip_dot(w) in titles for w in words):
            return
        if _all_caps_junk(name) or (len(words) == 1 and fold_key(words[0]) in NOT_NAMES):
            return
        if len(words) == 1 and sentence_start and a == j and words[0].lower() in lowered:
            return  # "Speaking", "Asked": a common word opening a sentence
        if len(words) == 1 and not _prefix_title(run) and _not_a_name(text, s, e, words[0]):
            return
        run_words = run.replace("’", "'").split()
        first = next((i for i in range(len(run_words)) if run_words[i : i + len(words)] == words), len(run_words))
        prefix = run_words[:first] if person else []
        source, base, kind = "name", name, None if person else "org"
        rest = " ".join(run_words[first:])
        state = _STATE_FORM.fullmatch(rest) if person else None
        if state is not None:
            # "Republic of Marrovia", and (entities.v10) "Federal Republic of Ostrevia", which the
            # name reader cuts at "of" after two words
            name, person, source, base, kind = rest, False, "official", state.group(1), "place"
        elif person and len(words) == 1 and re.match(re.escape(words[0]) + r" of [A-Z]", rest):
            # "Gulf of Mexico": a name with "of" in it, not a person
            name, person, kind = rest, False, None
        elif person:
            # the name's last word ends the span ("Charles Rangel of New York" -> "Charles Rangel")
            at = run.replace("’", "'").find(words[-1], len(" ".join(run_words[: first + len(words) - 1])))
            if at >= 0:
                e = s + at + len(words[-1])
        titled = any(title_kind(w) in ("title", "role") or strip_dot(w) in TITLE_ROLE for w in prefix)
        raw = _Raw(index, s, e, name, source, person=person, titled=titled, sentence_start=sentence_start)
        raw.words = len(name.split())
        raw.kind = kind
        raw.base = base
        raw.legal = legal[2] if legal is not None else ""
        low = {strip_dot(w) for w in prefix}
        raw.honorific = "m" if low & {"mr"} else "f" if low & {"mrs", "ms", "miss"} else ""
        raw.heads = frozenset(_role_of(w) for w in prefix if _is_role(w))
        me = raw
        scan.raws.append(raw)
        if person and len(words) >= 2:
            surnames.add(fold_key(words[-1]))
        if not person:
            return
        # roles tied to the name: its titles ("Prime Minister Fumio Kishida")
        heads = [i for i, w in enumerate(prefix) if _is_role(w)]
        if heads:
            h = heads[-1]
            mods = frozenset(
                strip_dot(w) for i, w in enumerate(prefix) if i != h and strip_dot(w) not in SMALL and w[:1].isupper()
            )
            # the state the title is of: "Israeli Prime Minister ...", "... May of Britain"
            of = re.match(r"\s+(?:of|from)\s+((?:[A-Z][\w.'’-]*\s?)+)", text[e : e + 40])
            where = quals | (_quals(of.group(1).split()) if of else frozenset())
            caps0 = _quals([w for i, w in enumerate(prefix) if i != h and not _is_title_word(w)])
            scan.ties.append(_Tie(s, _role_of(prefix[h]), mods - {"the"}, caps0 | where, me))
        # a role word just before it ("leader Kim Jong Un", "its leader, Kim Jong-un")
        if a > 0:
            gap = text[toks[a - 1][1] : toks[a][0]]
            w = toks[a - 1][2]
            if gap in (" ", ", ") and not is_cap(w) and _is_role(w):
                mods2: set[str] = set()
                caps2: list[str] = []
                k = a - 2
                while k >= 0 and a - 2 - k < ROLE_MODIFIERS and text[toks[k][1] : toks[k + 1][0]] == " ":
                    lw = strip_dot(toks[k][2])
                    if lw in ("the", "a", "an", "its", "his", "her", "their") or lw in SMALL:
                        break
                    if is_cap(toks[k][2]):
                        caps2.insert(0, toks[k][2])
                    else:
                        mods2.add(lw)
                    k -= 1
                scan.ties.append(_Tie(s, _role_of(w), frozenset(mods2), _quals(caps2), me))
        # a role in apposition after it ("Fumio Kishida, the prime minister,")
        m = _APPOSED.match(text, e, min(len(text), e + 80))
        if m:
            parts = re.split(r"\s+(?:of|for|at|in|from)\s+", m.group(1), maxsplit=1)
            ws, place = parts[0].split(), parts[1] if len(parts) > 1 else ""
            if 1 <= len(ws) <= ROLE_MODIFIERS + 1 and not is_cap(ws[-1]) and _is_role(ws[-1]):
                mods3 = frozenset(strip_dot(x) for x in ws[:-1] if not is_cap(x))
                caps3 = _quals([x for x in ws[:-1] if is_cap(x)]) | _quals(place.split())
                scan.ties.append(_Tie(e, _role_of(ws[-1]), mods3, caps3, me))

    def add_run(a: int, j: int, sentence_start: bool) -> None:
        if a < j and toks[a][2].endswith("-based"):
            a, sentence_start = a + 1, False  # "Penmore-based Arlow Mills": where it is, then its name (v10)
        s, e = toks[a][0], toks[j][1]
        run_spans.append((s, e))
        inside = list(range(bisect_right(hit_ends, s), bisect_left(hit_starts, e)))
        covering = [k for k in inside if hits[k][0] <= s and hits[k][1] >= e - 2]
        if covering:
            k = covering[0]
            _hs, he, row = hits[k]
            if text[he:e] in ("", "'s", "’s", "'", "’"):
                if len(row.alias.split()) == 1 and row.register != "adjective" and fold_key(row.alias) in surnames:
                    add_name(a, j, sentence_start)  # "Washington" after "Denzel Washington"
                    return
                add_alias(k)
                return
        if inside and hits[inside[0]][0] == s:
            k = inside[0]
            nxt = next((t for t in range(a, j + 1) if toks[t][0] >= hits[k][1]), None)
            if nxt is None:
                add_alias(k)
                return
            if _titled_person(text[toks[nxt][0] : e]):
                add_alias(k)  # "U.S. President Donald Trump": the state, then the person
                add_name(nxt, j, False, _quals([hits[k][2].alias]))
                return
        add_name(a, j, sentence_start)

    for a, j, sentence_start in name_runs(text, toks):
        # a possessive ends a name: "North Korea's Kim" is two
        for t in range(a, j):
            if re.search(r"['’]s$", toks[t][2]):
                add_run(a, t, sentence_start)
                a, sentence_start = t + 1, False
        add_run(a, j, sentence_start)
    # aliases outside capitalised runs ("hermit kingdom", "mainland China")
    run_starts = [rs for rs, _ in run_spans]
    for k, (s, e, _row) in enumerate(hits):
        if k in used_hits:
            continue
        i = bisect_left(run_starts, e) - 1  # runs do not overlap: the last one starting before e
        if i < 0 or run_spans[i][1] <= s:
            add_alias(k)
    _find_seats(index, text, scan)
    _find_roles(index, text, toks, scan)
    scan.text = text
    scan.descs = _find_descriptions(index, text, toks, lowered)
    scan.raws.sort(key=lambda r: (r.start, -r.end))
    return scan


def _find_seats(index: int, text: str, scan: _ArticleScan) -> None:
    """ "County Hall", "City Hall" standing for a council (entities.v7): with no capitalised word
    right before it (that is the building: "Oldmere Town Hall") and no locative word ("at County
    Hall": the place); resolved across the story in :func:`_seat_targets`. A name run the reader
    made of the same words is replaced (one pass over the article's mentions)."""
    seats: list[_Raw] = []
    for m in _SEAT.finditer(text):
        s, e = m.span()
        before = _PREVIOUS_WORD.search(text, max(0, s - 40), s)
        word = before.group(1) if before else ""
        if (word[:1].isupper() and not _sentence_start(text, s)) or word.lower() in _LOCATIVE | {"to", "from"}:
            continue
        raw = _Raw(index, s, e, text[s:e], "seat", kind="org", words=2)
        raw.dmods = frozenset({m.group("w").lower()})
        seats.append(raw)
    if not seats:
        return
    starts = [r.start for r in seats]

    def overlaps(r: _Raw) -> bool:
        i = bisect_right(starts, r.start) - 1  # seats do not overlap: the last one starting at or before r
        return (i >= 0 and seats[i].end > r.start) or (i + 1 < len(seats) and seats[i + 1].start < r.end)

    scan.raws = [r for r in scan.raws if not overlaps(r)] + seats


def _seat_targets(raws: Sequence[_Raw]) -> None:
    """Point each seat at the one council of the story whose name ends with its word and
    "Council" ("County Hall" -> "Brannock County Council"); with none, or two, it is a name of
    its own, as before entities.v7."""
    councils: dict[str, set[str]] = {}
    for r in raws:
        ws = r.key.split() if r.source == "name" else []
        if len(ws) >= 3 and ws[-1] == "council" and r.target:
            councils.setdefault(ws[-2], set()).add(r.target)
    every = {t for w, ts in councils.items() if w in _SEAT_WORDS for t in ts}  # local councils only
    for r in raws:
        if r.source == "seat":
            found = councils.get(next(iter(r.dmods), ""), set())
            if not found and len(every) == 1:
                # "Town Hall" for "Wyndlow Borough Council", "Shire Hall" for a county council: the
                # story's one council of any kind (entities.v10)
                found = every
            if len(found) == 1:
                r.target = next(iter(found))
            else:
                r.source = "name"  # a name of its own, as the name reader reads it


def _road_target(r: _Raw, keys: set[str]) -> str | None:
    """The road a numbered road's name is ("B3290 Fellgate Road" -> "Fellgate Road", entities.v7)
    when the story writes that name without its number; else None."""
    words = r.name.split()
    if len(words) < 3 or not _ROAD_NUMBER.fullmatch(words[0]) or words[-1].lower() not in _ROAD_WORDS:
        return None
    rest = fold_key(" ".join(words[1:]))
    return rest if rest in keys else None


def _find_roles(index: int, text: str, toks: list[tuple[int, int, str]], scan: _ArticleScan) -> None:
    """Role mentions: "the" + up to three words + a role or organisation word ("the prime
    minister", "the committee"), and a name's possessive + a role ("Israel's prime minister")."""
    starts = {r.start for r in scan.raws}
    ends = {toks[k][1]: k for k in range(len(toks))}
    for k, (s, _e, w) in enumerate(toks):
        if w in ("the", "The"):
            _role_after(index, text, toks, k, s, starts, scan)
    for r in list(scan.raws):
        if r.source in ("alias", "name") and text[r.end : r.end + 2] in ("'s", "’s") and r.end + 2 in ends:
            _role_after(index, text, toks, ends[r.end + 2], r.start, starts, scan, owner=True)


def _later_role(text: str, toks: list[tuple[int, int, str]], h: int) -> bool:
    """Whether one of the two lower-case words after token ``h`` is a role word too."""
    for k in range(h + 1, min(h + 3, len(toks))):
        if text[toks[k - 1][1] : toks[k][0]] != " " or is_cap(toks[k][2]):
            return False
        if title_kind(toks[k][2]) == "role":
            return True
    return False


def _role_after(
    index: int,
    text: str,
    toks: list[tuple[int, int, str]],
    k: int,
    start: int,
    starts: set[int],
    scan: _ArticleScan,
    owner: bool = False,
) -> None:
    """A role mention from ``start`` when the words after token ``k`` are up to three
    modifiers and a role or organisation word in lower case."""
    titles = speaker_titles()
    mods: set[str] = set()
    caps: list[str] = []
    h = k + 1
    while h < len(toks) and h - k <= ROLE_MODIFIERS + 1:
        if text[toks[h - 1][1] : toks[h][0]] != " ":
            return
        word = toks[h][2]
        lw = strip_dot(word)
        end = toks[h][1]
        if lw.endswith("'s"):  # "the Israeli prime minister's presentation": the role, not its 's
            lw, word, end = lw[:-2], word[:-2], end - 2
            if title_kind(lw) not in ("role", "org") or is_cap(word):
                return
        if "'" in lw or not word.replace(".", "").replace("-", "").isalpha():
            return
        kind = title_kind(lw) if not is_cap(word) else None
        if kind == "role" and lw in titles and end == toks[h][1] and _later_role(text, toks, h):
            kind = None  # "the chief economic adviser": "chief" qualifies the role after it
        if kind in ("role", "org") and lw in titles:
            if owner and kind == "org":
                return  # "Kishida's party": whose, not which
            after = toks[h + 1] if h + 1 < len(toks) and end == toks[h][1] else None
            if after is not None and text[toks[h][1] : after[0]] == " " and is_cap(after[2]):
                return  # a title before a name: "the prime minister Fumio Kishida"
            if after is not None and text[toks[h][1] : after[0]] == ", " and after[0] in starts:
                return  # "its leader, Kim Jong-un": the name's own mention
            role = (lw, frozenset(mods), _quals(caps), kind == "org")
            scan.raws.append(_Raw(index, start, end, "", "role", role=role))
            return
        if end != toks[h][1]:
            return
        if lw in SMALL or lw in ("a", "an") or (lw in titles and titles[lw] == "org"):
            return
        if is_cap(word):
            caps.append(word)
        else:
            mods.add(lw)
        h += 1


# ---------------------------------------------------------------------------------------------
# the story


#: the roles "leader" can stand for ("the Israeli leader" for "Prime Minister Benjamin Netanyahu")
_LEADERS = frozenset({"leader", "president", "premier", "chancellor", "king", "queen", "chairman", "emir"})


def _same_role(head: str, tie: _Tie, qualified: bool) -> bool:
    """Whether a role mention's head word fits a tie; "leader" fits the head of a state or
    government only when qualified ("the Israeli leader", not "the leader")."""
    if head == tie.head:
        return True
    return head == "leader" and qualified and (tie.head in _LEADERS or (tie.head == "minister" and "prime" in tie.mods))


def _last_word(r: _Raw) -> str:
    words = fold_key(r.name).split()
    return words[-1] if words else ""


def _resolve_roles(scan: _ArticleScan) -> None:
    """Point each role mention at the name it was given before; drop the roles tied to none.
    One pass in text order: the organisations named so far by each word of their names, and
    the ties so far (the last that fits is looked for from the end)."""
    raws = sorted(scan.raws, key=lambda r: (r.start, -r.end))
    ties = sorted(scan.ties, key=lambda t: t.pos)
    tie_pos = [t.pos for t in ties]
    orgs: dict[str, dict[str, _Raw]] = {}  # word -> folded org name -> its last mention so far
    pending = sorted((r.end, n) for n, r in enumerate(raws) if r.source != "role" and r.kind == "org")
    p = 0
    kept: list[_Raw] = []
    named = Counter(_last_word(r) for r in raws if r.source == "name")
    for r in raws:
        if r.source != "role":
            kept.append(r)
            continue
        assert r.role is not None
        head, mods, caps, org = r.role
        while p < len(pending) and pending[p][0] <= r.start:
            x = raws[pending[p][1]]
            for w in {strip_dot(w) for w in x.name.split()}:
                orgs.setdefault(w, {})[fold_key(x.name)] = x
            p += 1
        if org:
            cands = [x for x in orgs.get(head, {}).values() if mods <= {strip_dot(w) for w in x.name.split()}]
            if len(cands) == 1:
                r.ref = cands[0]
                kept.append(r)
            continue
        qualified = bool(mods or caps)
        fits: list[_Tie] = []
        for i in range(bisect_right(tie_pos, r.start) - 1, -1, -1):
            t = ties[i]
            if _same_role(head, t, qualified) and mods <= t.mods and caps <= t.caps | t.mods:
                fits.append(t)
                if len(fits) >= 8:
                    break
        if fits:
            # several people given the role ("President Trump", "President Putin"): the one the
            # article names most, else the last
            r.ref = max(fits, key=lambda t: named.get(_last_word(t.mention), 0)).mention
            kept.append(r)
    # a name inside a role's span ("the Democratic leader") is the role's
    spans = sorted((r.start, r.end) for r in kept if r.source == "role")
    starts = [sp[0] for sp in spans]
    reach = list(accumulate((sp[1] for sp in spans), max))  # the furthest end of the spans so far

    def in_role(r: _Raw) -> bool:
        i = bisect_right(starts, r.start) - 1
        return i >= 0 and reach[i] >= r.end

    scan.raws = [r for r in kept if r.source != "name" or not in_role(r)]


#: a lower-case word after a description's head that leaves it the head: a function word, a
#: verb of saying, or a word that reads as a verb ("has", "said", "insisted", "owns")
#: an abbreviation written with full stops ("U.S.", "U.K."): a modifier of a description
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")
_VERBISH = re.compile(r"(?:ed|[^s']s)$")
#: a modifier that is a verb or a judging adjective ("blasted", "embattled", "leading",
#: "hugely"): the description begins after it (a judging word is a loaded mark of its own)
_NOT_MODIFIER = re.compile(r"(?:ed|ing|ly)$")


def _find_descriptions(index: int, text: str, toks: list[tuple[int, int, str]], lowered: set[str]) -> list[_Raw]:
    """Descriptions used as names: up to three modifiers and a head word of the
    ``entity-descriptions`` lexicon in lower case ("the peat giant", "Labour chief", "union
    barons"), each a :class:`_Raw` of source ``description``, unresolved. The head must end
    the phrase (a capitalised word, a function word, a verb or punctuation next: "chief
    executive", "giant panda" are no descriptions); a ``title`` head ("chief") only right
    after a capitalised modifier ("Labour chief", not "fire chief")."""
    table = descriptions()
    stops = stopwords()
    cues = reporting_cues()
    out: list[_Raw] = []
    heads = _description_heads()
    for h in [h for h, t in enumerate(toks) if t[2] in heads]:
        s, e, w = toks[h]
        lw = strip_dot(w)
        owner = lw.endswith("'s")
        if owner:
            lw = lw[:-2]
        row = table.get(lw)
        if row is None or is_cap(w):
            continue
        end = e - 2 if owner else e
        state = row.kind == "place" and row.register == "neutral"  # "the Russian government" (v5)
        if not owner and h + 1 < len(toks) and text[e : toks[h + 1][0]] == " " and not is_cap(toks[h + 1][2]):
            nxt = strip_dot(toks[h + 1][2])
            if nxt == "of" or not (nxt in stops or nxt in cues or _VERBISH.search(nxt)):
                continue  # "chief executive", "regime change", "the boss of ..."
        mods: list[tuple[int, int, str]] = []
        det = ""
        k = h - 1
        while k >= 0 and text[toks[k][1] : toks[k + 1][0]] == " ":
            word = toks[k][2]
            lk = strip_dot(word)
            if lk.endswith("'s"):
                det = "own"
                break
            if lk == "the":
                det = "the"
                break
            if lk in ("a", "an"):
                det = "a"
                break
            if lk in stops or lk in cues or lk in DETERMINERS or lk in SMALL:
                break
            if not word.replace("-", "").replace("'", "").replace("’", "").isalpha() and not (
                state and _DOTTED.fullmatch(word)
            ):
                break  # a number, a symbol; a dotted abbreviation names a state's people ("U.S. officials", v5)
            if not is_cap(word) and _NOT_MODIFIER.search(lk):
                break
            if len(mods) == ROLE_MODIFIERS:
                mods = []
                det = "x"  # too long to be one description
                break
            mods.insert(0, toks[k])
            k -= 1
        if det == "x" or det == "a":
            continue
        if not mods and not det:
            det = "bare"
        # a capitalised modifier opening a sentence is a name only if the article never writes it
        # in lower case ("Plant boss": a common word; "Labour chief": a name)
        capital = []
        for t in mods:
            at_start = t is mods[0] and _sentence_start(text, t[0])
            capital.append(is_cap(t[2]) and not (at_start and strip_dot(t[2]) in lowered))
        if row.register == "title" and not (mods and (capital[-1] or (row.plural and det != "own"))):
            continue  # "fire chief"; the plural after a lower-case word is the body ("health chiefs", v6)
        if state:
            # a state's people ("senior British officials"): named by its capitalised modifier, the
            # description begins there; none, no description ("the government") (v5)
            if not any(capital):
                continue
            first = capital.index(True)
            mods, capital = mods[first:], capital[first:]
        if mods and strip_dot(mods[-1][2]) in _literal_before(lw):
            continue  # "the inspection regime", "the current regime": no name
        words: set[str] = set()
        caps: list[str] = []
        phrase: list[str] = []
        for t, cap in [*zip(mods, capital, strict=True), ((0, 0, ""), False)]:
            if cap:
                phrase.append(t[2])
                continue
            if phrase:  # "North Korean" read as one: the place it names
                caps.extend(_quals([" ".join(phrase)]))
                phrase = []
            if t[2]:
                words |= set(fold_key(t[2]).split())
        words |= {w for c in caps for w in c.split()}
        start = mods[0][0] if mods else s
        raw = _Raw(index, start, end, "", "description", desc=row, dmods=frozenset(words), dcaps=tuple(caps))
        raw.det, raw.head = det, s
        out.append(raw)
    return out


@lru_cache(maxsize=1)
def _description_heads() -> frozenset[str]:
    """The head words of ``entity-descriptions`` as a token writes them: lower case, with or
    without a possessive."""
    return frozenset(w + end for w in descriptions() for end in ("", "'s", "’s"))


@lru_cache(maxsize=1)
def _literal_contexts() -> dict[str, frozenset[str]]:
    """A loaded word -> the single words that, right before it, make it literal
    (``loaded-words`` ``unless_prev``: "sanctions regime")."""
    lex = lexicons.load("loaded-words")
    i = lex.columns.index("unless_prev")
    return {row[0]: frozenset(p for p in row[i].split("|") if p != "-" and " " not in p) for row in lex.rows}


def _literal_before(word: str) -> frozenset[str]:
    return _literal_contexts().get(word, frozenset())


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in '.!?\n"”:'


def _fits(r: _Raw, d: Description, people: set[str], *, strict: bool) -> bool:
    """Whether a name mention can be what a description's head names: a person for "tycoon",
    an organisation for "giant", a state or its government for "regime"; a plural of a person
    word names an organisation ("union barons"). ``strict`` (the fallback to the nearest one
    named before): the name must show its kind (a person by a title, a role or pronouns)."""
    shown = r.titled or fold_key(r.name) in people
    if d.kind == "person" and not d.plural:
        return r.person and r.kind is None and (shown or not strict)
    if d.kind == "person" or d.kind == "org":
        if strict:
            return _shows_org(r)
        return r.kind == "org" or (r.person and not shown and r.kind is None)
    return r.kind == "place" if strict else not shown and (r.kind is not None or len(r.name.split()) == 1)


class _Spans:
    """Character spans, for asking in log time whether one overlaps or holds a stretch."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(accumulate((b for _, b in ordered), max))  # the furthest end so far

    def overlap(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)``."""
        i = bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def holds(self, start: int, end: int) -> bool:
        """Whether a span holds ``[start, end)``: one that starts at or before ``start`` reaches
        ``end``."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _shows_org(r: _Raw) -> bool:
    """Whether a name shows it is an organisation: by the alias table or its last word
    ("Company", "Authority", "Post")."""
    words = r.name.split()
    return (
        r.kind == "org"
        and bool(words)
        and (r.source == "alias" or title_kind(words[-1]) == "org" or strip_dot(words[-1]) in org_name_words())
    )


def _state_named(d: _Raw, places: dict[str, tuple[list[_Raw], list[int], list[int]]]) -> _Raw | None:
    """The state a neutral description of a state's people names ("U.S. officials", "the
    Russian government"; entities.v5): a mention of the place its capitalised modifier names, the
    nearest before it, else the first after it; None when the article names no such place (a
    "White House" or a "Trump" is no state). Found by bisection: a text of thousands of them is
    read in n log n."""
    before: _Raw | None = None
    after: _Raw | None = None
    for key in d.dcaps:
        if key not in places:
            continue
        ms, starts, ends = places[key]
        i = bisect_right(ends, d.start) - 1  # mentions are in text order, none overlap
        if i >= 0 and (before is None or ms[i].end > before.end):
            before = ms[i]
        j = bisect_left(starts, d.end)
        if j < len(ms) and (after is None or ms[j].start < after.start):
            after = ms[j]
    return before or after


def _resolve_descriptions(scan: _ArticleScan) -> None:
    """Point each description at the name it describes, and keep those that point at one:

    1. the name written right after it ("peat giant Halden Peat Company", "Labour chief Rasmus
       Oddvar") or the name it stands in apposition to ("Orrin Water, the private firm");
    2. the name the same description was given before in the article, or for a person, the
       one last given a role of the same place ("the North Korean dictator" after "North
       Korean leader Kim Jong Un");
    3. an organisation (or, for a plural of a person word, the body: "union barons") whose name
       holds one of its modifiers, the nearest before it, else the first after it ("the peat
       giant": Halden Peat Company; "union barons": the General Workers' Union); a state or
       government ("regime") whose name is its capitalised modifier ("the Brazzaville regime",
       "the Syrian regime"). A capitalised modifier that names none of them leaves the
       description unresolved ("the Assad regime" is not the last state named);
    4. else an organisation ``epithet`` after "the" or a possessive ("the watchdog"): among the
       organisations named before it that show they are one (the alias table, a last word
       such as "Authority"), the one named most so far, else the nearest. A person or a state
       described with no name is left alone ("the dictator", "the regime": the nearest named
       is too often another).

    A word before a name it cannot describe, or an epithet after "the" with no modifier
    before a name ("the giant Bolton field"), is no description ("the carrier Skyra Air" is).

    A description that overlaps a role, or an alias of the table that holds its head ("Zionist
    regime"), is left to them; a name inside a kept description's span is the description's
    ("Northstrand" in "Northstrand boss"), an alias stays a mention of its own ("NATO" in "the
    NATO chief")."""
    if not scan.descs:
        return
    text = scan.text
    people = {fold_key(n) for n in scan.people}
    names = sorted((r for r in scan.raws if r.source in ("name", "alias", "official")), key=lambda r: r.start)
    role_raws = [r for r in scan.raws if r.source == "role"]
    roles = _Spans((r.start, r.end) for r in role_raws)
    aliased = _Spans((r.start, r.end) for r in scan.raws if r.source == "alias")
    ties = sorted(scan.ties, key=lambda t: t.pos)
    by_start = {r.start: r for r in names}
    by_end = {r.end: r for r in names}
    by_word: dict[str, list[_Raw]] = {}  # a word of a name -> its mentions, in text order
    for r in names:
        for w in set(fold_key(r.name).split()):
            by_word.setdefault(w, []).append(r)
    orgs = sorted((r for r in names if r.kind == "org"), key=lambda r: r.end)  # for the fallback
    by_place: dict[str, list[_Raw]] = {}  # a state's people ("U.S. officials"): the states by name (v5)
    for r in names:
        if r.kind == "place" and not r.titled and fold_key(r.name) not in people:
            by_place.setdefault(fold_key(r.name), []).append(r)
    places = {k: (ms, [m.start for m in ms], [m.end for m in ms]) for k, ms in by_place.items()}
    o = 0
    named: Counter[str] = Counter()  # organisations named so far (that show they are one)
    last: dict[str, _Raw] = {}
    kept: list[_Raw] = []
    given: dict[tuple[str, frozenset[str]], _Raw] = {}  # (head, modifiers) -> the name it was given
    by_head: dict[str, _Raw] = {}  # a singular head -> the name it was last given (v6)
    for d in sorted(scan.descs, key=lambda d: d.start):
        assert d.desc is not None
        row = d.desc
        while o < len(orgs) and orgs[o].end <= d.start:
            x = orgs[o]
            if _shows_org(x):
                named[fold_key(x.name)] += 1
                last[fold_key(x.name)] = x
            o += 1
        if roles.overlap(d.start, d.end) or aliased.overlap(d.head, d.end):
            if (
                d.dcaps
                and row.kind == "org"
                and not row.plural
                and d.det == "the"
                and not aliased.overlap(d.head, d.end)
                and not any(r.ref is not None for r in role_raws if r.start < d.end and d.start < r.end)
            ):
                scan.pending.append(d)  # "the Drumlow crisp firm": a role the article ties to no name (v10)
            continue  # a role ("the NATO chief" tied to a name), an alias with the head ("Zionist regime")
        ref: _Raw | None = None
        state = row.kind == "place" and row.register == "neutral"  # "the Russian government" (v5)
        after = by_start.get(d.end + 1) if text[d.end : d.end + 1] == " " and not state else None
        if after is None and not state and d.det != "the" and text[d.end : d.end + 5] == " the ":
            after = by_start.get(d.end + 5)  # "watchdog the Financial Conduct Board" (v6)
        if after is not None and not row.plural:
            bare_epithet = row.register == "epithet" and not d.dmods and d.det == "the"
            if bare_epithet or not _fits(after, row, people, strict=False):
                continue  # a word before a name that it does not describe: "the giant Bolton field"
            ref = after  # "peat giant Halden Peat Company"
        if ref is None and d.det in ("the", "bare") and not row.plural and not state:
            m = re.search(r",\s+(?:the\s+)?$", text[max(0, d.start - 8) : d.start])
            before = by_end.get(d.start - len(m.group())) if m else None
            if before is not None and _fits(before, row, people, strict=False):
                ref = before
        if ref is None and not state:
            ref = given.get((row.word, d.dmods))
        if ref is None and not state and d.det == "the" and not d.dmods and not row.plural:
            # "the tycoon" after "tech tycoon Ravi Sorel" (v6); not a plural: "the rebels" after
            # "Tory rebels" are those MPs, not the party (9 of 9 wrong on allsides)
            ref = by_head.get(row.word)
        if ref is None and row.kind == "person" and not row.plural and d.dcaps:
            where = set(d.dcaps)
            fit = [t for t in ties if t.pos < d.start and where <= t.caps | t.mods]
            ref = fit[-1].mention if fit else None
        if state:
            ref = _state_named(d, places)
        elif ref is None and d.dmods and (row.kind != "person" or row.plural):
            lower = d.dmods - {w for c in d.dcaps for w in c.split()}
            cands = {id(r): r for w in d.dmods for r in by_word.get(w, ())}
            matches = []
            for r in sorted(cands.values(), key=lambda r: r.start):
                if not (r.end <= d.start or r.start >= d.end) or not _fits(r, row, people, strict=False):
                    continue
                words = set(fold_key(r.name).split())
                if row.kind == "place":
                    hit = fold_key(r.name) in d.dcaps
                elif row.register == "title" and not d.dcaps:
                    # "health chiefs" (v6): one word, a word of the name of a body that shows it is
                    # one before its last word ("Regional Health Agency"), not the kind of body it
                    # is ("service chiefs", "police chiefs": many chiefs, not the "National Parks
                    # Service"), nor one of several ("local state party chiefs": many chiefs)
                    hit = len(d.dmods) == 1 and bool(lower & set(fold_key(r.name).split()[:-1])) and _shows_org(r)
                else:
                    hit = any(set(c.split()) <= words for c in d.dcaps) or bool(lower & words)
                if hit:
                    matches.append(r)
            prior = [r for r in matches if r.end <= d.start]
            ref = prior[-1] if prior else (matches[0] if matches else None)
        if ref is None and d.dcaps:
            if row.kind == "org" and not row.plural and d.det == "the":
                scan.pending.append(d)
            continue
        if ref is None and row.register == "epithet" and row.kind == "org" and d.det in ("the", "own") and named:
            # the organisation named most so far, else the one named last
            key = max(named, key=lambda k: (named[k], last[k].end))
            ref = last[key]
        if ref is None:
            continue
        d.ref = ref
        given.setdefault((row.word, d.dmods), ref)
        if not row.plural:
            by_head[row.word] = ref
        kept.append(d)
    if not kept:
        return
    spans = _Spans((d.start, d.end) for d in kept)
    scan.raws = [r for r in scan.raws if r.source != "name" or not spans.holds(r.start, r.end)] + kept
    scan.raws.sort(key=lambda r: (r.start, -r.end))


#: a nickname in quotation marks right after a name: 'Vossberg – dubbed “Red Ilaria”',
#: 'Mr Vantreight, dubbed “the Quiet Millionaire”', 'Piet Haverkamp – the “Octopus”' (v5)
_NICKNAME = re.compile(
    r"(?:,|[ \t][–—-])[ \t]+(?P<verb>(?:also[ \t]+)?(?:dubbed|nicknamed|known[ \t]+as|called)[ \t]+)?"
    r"(?P<the>the[ \t]+)?(?P<open>[“\"‘'])"
    r"(?P<nick>(?:[Tt]he[ \t]+)?[A-Z][\w’'.-]*(?:[ \t]+(?:of|the|[A-Z][\w’'.-]*)){0,3})"
    r"(?P<close>[”\"’'])(?!\w)"
)
_CLOSING = {"“": "”", '"': '"', "‘": "’", "'": "'"}
#: a nickname with no quotation marks (entities.v9): "Oxmere Rovers, known as the Herons,", "Mr
#: Quell – nicknamed the Iron Broom –": "known as" or "nicknamed", then "the" and up to three
#: capitalised words, then punctuation or a preposition
_BARE_NICKNAME = re.compile(
    r"(?:,|[ \t][–—-])[ \t]+(?:also[ \t]+|better[ \t]+|widely[ \t]+)?(?:known[ \t]+as|nicknamed)[ \t]+the[ \t]+"
    r"(?P<nick>[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*){0,2})"
    r"(?=[ \t]*[,.;:)–—]|[ \t]+(?:by|to|for|in|since|after|among)[ \t])"
)


def _find_nicknames(index: int, scan: _ArticleScan) -> None:
    """Nicknames (v5): a capitalised phrase of up to four words in quotation marks, right after
    a name and a comma or a dash, after "dubbed", "nicknamed", "known as" or "called", or with
    "the" before or inside the quotation marks ("Vossberg – dubbed “Red Ilaria”", "Piet
    Haverkamp – the “Octopus”"), is a mention of that name's entity (the words inside the
    marks). No verb and no "the" ('Smith, "Never"') is no nickname, nor a phrase not right
    after a name, nor one with a noun right after it ('Twitter, the "Power" rapper': after it, a
    function word, a verb or punctuation, as after a description's head); the same nickname
    elsewhere in the story is not read. Since v9 also with no quotation marks after "known as
    the" or "nicknamed the" (:data:`_BARE_NICKNAME`: "Oxmere Rovers, known as the Herons,"),
    not an alias of the table."""
    text = scan.text
    bare = "known as the " in text or "nicknamed the " in text
    if not bare and not any(q in text for q in _CLOSING):
        return
    ends = {r.end: r for r in scan.raws if r.source in ("name", "alias", "official")}
    stops = stopwords()
    cues = reporting_cues()
    found: list[_Raw] = []
    for m in _NICKNAME.finditer(text):
        if _CLOSING[m.group("open")] != m.group("close"):
            continue
        nick = m.group("nick")
        if not (m.group("verb") or m.group("the") or nick[:4] in ("the ", "The ")):
            continue
        nxt = re.match(r"[ \t]+([a-z][\w'’-]*)", text[m.end() : m.end() + 40])
        if nxt is not None and not (nxt.group(1) in stops or nxt.group(1) in cues or _VERBISH.search(nxt.group(1))):
            continue  # 'the "Power" rapper': the quoted word qualifies a noun (as a description's head ends)
        ref = ends.get(m.start())
        if ref is None or fold_key(nick) == fold_key(ref.name):
            continue
        raw = _Raw(index, m.start("nick"), m.end("nick"), "", "nickname")
        raw.ref = ref
        found.append(raw)
    for m in _BARE_NICKNAME.finditer(text) if bare else ():
        ref = ends.get(m.start())
        if ref is None or ref.source != "name" or fold_key(m.group("nick")) in _alias_keys():
            continue
        raw = _Raw(index, m.start("nick"), m.end("nick"), "", "nickname")
        raw.ref = ref
        found.append(raw)
    if found:
        held = _Spans((r.start, r.end) for r in found)
        scan.raws = [r for r in scan.raws if r.source != "name" or not held.overlap(r.start, r.end)] + found
        scan.raws.sort(key=lambda r: (r.start, -r.end))


#: at most this many nicknames of a story are looked for again in its other places (v6): a
#: story with more is no news story, and each one is a pass over every article
MAX_STORY_NICKNAMES = 32


def _story_nicknames(scans: Sequence[_ArticleScan]) -> None:
    """Nicknames across the story (v6): a nickname tied to a name somewhere in the story
    (:func:`_find_nicknames`) is a mention of that name's entity wherever else the story
    writes it, in any article, with or without "the" or quotation marks: a headline's
    "‘the Quiet Millionaire’", "the former fund boss, known as the "Quiet Millionaire"" (no
    name right before it). Its words must be written as the tie wrote them (case and all), or
    in a line of capitals ("'QUIET MILLIONAIRE'"), and not go on into a longer capitalised
    name. The first tie of a nickname decides its entity."""
    ties: dict[str, _Raw] = {}
    for scan in scans:
        for r in scan.raws:
            if r.source == "nickname" and r.ref is not None:
                words = scan.text[r.start : r.end].split()
                if words and words[0] in ("the", "The"):
                    words = words[1:]
                if words:
                    ties.setdefault(" ".join(words), r)
    if not ties:
        return
    phrases = sorted(ties, key=lambda w: (-len(w), w))[:MAX_STORY_NICKNAMES]
    pattern = re.compile(
        r"(?<!\w)(?<!\w[’'-])(?:"
        + "|".join(r"[ \t]+".join(re.escape(w) for w in p.split()) for p in phrases)
        + r")(?!\w|[’'-]\w)",
        re.IGNORECASE,
    )
    folded = {" ".join(p.casefold().split()): p for p in phrases}
    for i, scan in enumerate(scans):
        text = scan.text
        held = _Spans((r.start, r.end) for r in scan.raws if r.source == "nickname")
        found: list[_Raw] = []
        for m in pattern.finditer(text):
            if held.overlap(m.start(), m.end()):
                continue
            phrase = folded.get(" ".join(m.group().casefold().split()))
            if phrase is None:
                continue
            written = " ".join(m.group().split())
            if written != phrase:
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start : len(text) if line_end < 0 else line_end]
                if written != written.upper() or any(c.islower() for c in line):
                    continue  # "the octopus" in lower case is the animal
            nxt = re.match(r"[ \t]+[A-Z]", text[m.end() : m.end() + 3])
            if nxt is not None:
                continue  # "Quiet Millionaire Fund": a longer name
            raw = _Raw(i, m.start(), m.end(), "", "nickname")
            raw.ref = ties[phrase].ref
            found.append(raw)
        if found:
            spans = _Spans((r.start, r.end) for r in found)
            scan.raws = [r for r in scan.raws if r.source != "name" or not spans.overlap(r.start, r.end)] + found
            scan.raws.sort(key=lambda r: (r.start, -r.end))


def story_entities(articles: Sequence[Article]) -> list[Entity]:
    """The people, organisations and places of a story's articles, merged across them (see the
    module's docstring), ids ``e1``... in order of first mention."""
    scans = [_scan_article(i, a) for i, a in enumerate(articles)]
    for i, scan in enumerate(scans):
        _resolve_roles(scan)
        _resolve_descriptions(scan)
        _find_nicknames(i, scan)
    _story_nicknames(scans)
    raws = [r for scan in scans for r in scan.raws]
    for r in raws:
        if r.source != "role":
            r.key = fold_key(r.base or r.name)
    _registered(raws, articles)
    # the names shown to be people: titles, roles tied to them, pronouns
    people: set[str] = set()
    for scan in scans:
        people |= {fold_key(n) for n in scan.people}
        people |= {r.key for r in scan.raws if r.source == "name" and r.titled}
        people |= {t.mention.key for t in scan.ties}
    evidence = people | {fold_key(n) for scan in scans for n in scan.confirmed}
    raws = _described_elsewhere(scans, raws, articles, people)
    longer: dict[str, list[_Raw]] = {}
    for r in raws:
        if r.source == "name" and r.person and len(r.key.split()) >= 2:
            longer.setdefault(r.key, []).append(r)
    ctx = _People(longer, evidence, Counter(r.key for r in raws if r.source == "name"))
    for scan in scans:
        for n, g in scan.gender.items():
            ctx.gender.setdefault(fold_key(n), Counter())[g] += 1
        for t in scan.ties:
            ctx.heads.setdefault(t.mention.key, set()).add(t.head)
        for r in scan.raws:
            if r.source == "name":
                ctx.articles.setdefault(r.key, set()).add(r.article)
                if r.honorific:
                    ctx.gender.setdefault(r.key, Counter())[r.honorific] += 1
                ctx.heads.setdefault(r.key, set()).update(r.heads)
    acronyms = _acronyms(raws) | _coined(raws, articles)
    owned = _ownership(raws, articles)
    raws = _owner_descriptions(raws, owned, articles)
    short = _short_names(raws, articles, people, frozenset(k for pair in owned for k in pair[:2]))
    keys = {r.key for r in raws if r.source == "name" and not r.person}
    for r in raws:
        r.target = r.key
        road = _road_target(r, keys) if r.source == "name" and not r.person else None
        if road is not None:
            r.target = road
        elif r.source == "name" and r.key in short:
            r.target = short[r.key]
        elif r.source == "name" and r.person:
            r.target = _merge_target(r, ctx)
        elif r.source == "name" and r.key in acronyms:
            r.target = acronyms[r.key]
    _seat_targets(raws)
    for r in raws:
        if r.source in _REFERRING and r.ref is not None:
            r.target = r.ref.target
    groups: dict[str, list[_Raw]] = {}
    for r in raws:
        if r.target:
            groups.setdefault(r.target, []).append(r)
    # a word that only ever opens a sentence, with no title, is no name ("Critics", "Farmers")
    groups = {
        k: ms
        for k, ms in groups.items()
        if not all(m.source == "name" and m.words == 1 and m.sentence_start and not m.titled for m in ms)
    }
    canon = {fold_key(a.canonical): a for a in aliases().values()}
    _tied_capitals(groups, people, articles)
    _capital_metonyms(groups, people, articles)
    _adjective_states(groups, people)
    _merge_owned(groups, owned, people)
    ordered = sorted(groups.items(), key=lambda kv: min((x.article, x.start) for x in kv[1]))
    out: list[Entity] = []
    for key, members in ordered:
        members.sort(key=lambda x: (x.article, x.start, x.end))
        kind: str | None
        if key in canon and any(m.source == "alias" for m in members):
            name, kind = canon[key].canonical, canon[key].kind
        else:
            full = [m.name for m in members if m.key == key and m.source == "name"] or [
                m.base or m.name for m in members if m.source not in _REFERRING
            ]
            counts = Counter(full)
            name = max(counts, key=lambda n: (len(n.split()), counts[n], -full.index(n)))
            kinds = [m.kind for m in members if m.kind and m.source not in _REFERRING]
            if key in people or any(m.titled or (m.role is not None and not m.role[3]) for m in members):
                kind = "person"
            elif kinds:
                kind = Counter(kinds).most_common(1)[0][0]
            else:
                kind = None
        mentions = []
        seen: set[tuple[int, int, int]] = set()
        for m in members:
            if (m.article, m.start, m.end) in seen or (m.desc is not None and not _kind_agrees(m.desc, kind)):
                continue
            seen.add((m.article, m.start, m.end))
            art = articles[m.article]
            mentions.append(EntityMention(art.id, Span(m.start, m.end), art.text[m.start : m.end]))
        out.append(Entity(f"e{len(out) + 1}", name, kind, tuple(mentions)))
    return out


#: a state's government right after a capitalised word: "the Velsk regime", "the Velsk government"
_STATE_HEAD = re.compile(r"[ \t]+(?:government|regime|junta|authorities)(?![\w-])")


#: a capitalised word, from its start only (a pattern tried inside a long word would read on to
#: its end from every letter: quadratic)
_CAP_WORD = r"(?<![\w'’-])[A-Z][\w'’-]+"
#: a capital tied to its state in so many words (entities.v9): "Velsk, the capital of Korvania",
#: "Korvania's capital, Velsk", "Velsk is the capital of Korvania"
_STATE_WORDS = rf"(?P<s>{_CAP_WORD}(?:[ \t]+{_CAP_WORD})?)"
_CAPITAL_OF = tuple(
    re.compile(p)
    for p in (
        rf"(?P<c>{_CAP_WORD}),[ \t]+(?:the|its)[ \t]+capital[ \t]+of[ \t]+(?:the[ \t]+)?{_STATE_WORDS}",
        rf"{_STATE_WORDS}['’]s[ \t]+capital,?[ \t]+(?P<c>{_CAP_WORD})",
        rf"(?P<c>{_CAP_WORD})[ \t]+is[ \t]+(?:the[ \t]+)?capital[ \t]+of[ \t]+(?:the[ \t]+)?{_STATE_WORDS}",
    )
)
#: the government in a city: "the government in Velsk", "authorities in Velsk"
_GOVERNMENT_IN = re.compile(r"(?:government|regime|junta|authorities|leadership)[ \t]+in[ \t]+\Z")


def _tied_capitals(groups: dict[str, list[_Raw]], people: set[str], articles: Sequence[Article]) -> None:
    """A capital the story ties to its state in so many words (:data:`_CAPITAL_OF`:
    "Velsk, the capital of Korvania", entities.v9) stands for that state where it is used as a
    government: right before "government", "regime", "junta" or "authorities" ("the Velsk
    government"), after "the government in" ("the government in Velsk"), or before a verb of
    saying ("Velsk said", "Velsk denied"). Its other mentions ("in Velsk", "a Velsk court", the
    tie itself) stay the city. The state must be one the alias table lacks (a known state's
    capital is the table's to decide: "Paris" is a city) and the capital no person."""
    if not any("capital" in a.text for a in articles):
        return  # most stories tie no capital to a state
    known = _alias_keys() | {fold_key(a.canonical) for a in aliases().values()}
    cues = reporting_cues()
    ties: dict[str, str] = {}
    tie_at: set[tuple[int, int]] = set()
    for i, art in enumerate(articles):
        if "capital" not in art.text:
            continue
        for pat in _CAPITAL_OF:
            for tie in pat.finditer(art.text):
                ck, sk = fold_key(tie.group("c")), fold_key(tie.group("s"))
                if sk in groups and ck in groups and sk not in known and ck not in known and ck not in people:
                    ties.setdefault(ck, sk)
                    tie_at.add((i, tie.start("c")))
    for ck, sk in ties.items():
        if ck not in groups or sk not in groups:
            continue
        moved: list[_Raw] = []
        for m in groups[ck]:
            text = articles[m.article].text
            if m.source != "name" or (m.article, m.start) in tie_at:
                continue
            after = re.match(r"[ \t]+([a-z]+)", text[m.end : m.end + 30])
            if (
                _STATE_HEAD.match(text, m.end)
                or _GOVERNMENT_IN.search(text, max(0, m.start - 30), m.start)
                or (after is not None and after.group(1) in cues)
            ):
                moved.append(m)
        if moved:
            groups[sk].extend(moved)
            kept = [m for m in groups[ck] if m not in moved]
            if kept:
                groups[ck] = kept
            else:
                del groups[ck]


def _capital_metonyms(groups: dict[str, list[_Raw]], people: set[str], articles: Sequence[Article]) -> None:
    """A capital for its state's government (entities.v8): "the Velsk regime" where the story's
    one state that no alias row knows is Korvania. The capital's name joins that state's mentions
    (and so can be a naming mark where the other outlets write the state's name) when:

    - the story has exactly one state unknown to the alias table, shown to be a state by its
      formal name ("Republic of Korvania", "Kingdom of ..."; an adjective beside a name,
      "Korvanian", is no evidence: "Parisian" beside "Paris");
    - the capital is one capitalised word, no person, no alias, no demonym ("Swedish
      authorities"), no word of the ``government-modifiers`` lexicon (a nation inside a state,
      a people, a party or a form of government: "the Scottish government", "the Houthi
      authorities", "the Military government"), never written in lower case in the story
      ("Federal authorities"), and
      every one of its mentions stands right before "government", "regime", "junta" or
      "authorities" (a name written anywhere else, "in Velsk", "Velsk court", is left alone: a
      city of its own).

    Without the alias table nothing ties a capital to its state, so the rule asks for a story
    with one candidate state; a known state's capital is the alias table's ("Pyongyang")."""
    states = [key for key, ms in groups.items() if any(m.source == "official" for m in ms)]
    if not states:
        return  # most stories: no formal name of a state
    known = _alias_keys() | {fold_key(a.canonical) for a in aliases().values()}
    states = [key for key in states if key not in known and key.replace(" ", "").isalpha()]
    if len(states) != 1:
        return
    state = states[0]
    modifiers = lexicons.load("government-modifiers").entries
    adjectives = {fold_key(d) for d in demonyms()} | {fold_key(w) for w in modifiers}
    for key, ms in list(groups.items()):
        if key == state or key in known or key in people or key in adjectives or " " in key:
            continue
        if not all(m.source == "name" and m.words == 1 and not m.titled for m in ms):
            continue
        seat = [m for m in ms if _GOVERNMENT_IN.search(articles[m.article].text, max(0, m.start - 30), m.start)]
        if not seat and not all(_STATE_HEAD.match(articles[m.article].text, m.end) for m in ms):
            continue
        lower = re.compile(rf"(?<![\w'’-]){re.escape(key)}(?![\w'’-])")
        if any(lower.search(a.text) for a in articles):
            continue  # a common word: "federal authorities"
        if all(_STATE_HEAD.match(articles[m.article].text, m.end) for m in ms):
            groups[state].extend(ms)
            del groups[key]
        else:
            # "the government in Velsk" (entities.v10): the seat of the story's one state; its
            # other mentions ("in Velsk", "Velsk University") stay the city
            groups[state].extend(seat)
            kept = [m for m in ms if m not in seat]
            if kept:
                groups[key] = kept
            else:
                del groups[key]


#: a state's formal name by its adjective: "the Dravonian Republic" (entities.v10)
_ADJECTIVE_STATE = re.compile(r"([A-Z][a-z]+) (?:Republic|Kingdom|Principality|Federation|Emirate|Sultanate)")


def _adjective_states(groups: dict[str, list[_Raw]], people: set[str]) -> None:
    """A state's formal name written with its adjective ("the Dravonian Republic", "the Ostrish
    Kingdom") is the state the story names whose name the adjective is made from ("Dravonia":
    -n, -an, -ian, -ese, -i, -ish, a final vowel dropped), when exactly one name of the story,
    of one word, no person and no alias row, gives that adjective (entities.v10). A state of the
    alias table is the table's ("the French Republic" is no name read here)."""
    cands = [k for k, ms in groups.items() if all(m.source == "name" and not m.titled for m in ms)]
    cands = [k for k in cands if (m := _ADJECTIVE_STATE.fullmatch(groups[k][0].name))]
    if not cands:
        return  # most stories: no such name
    known = _alias_keys() | {fold_key(a.canonical) for a in aliases().values()} | {fold_key(d) for d in demonyms()}
    singles = [k for k in groups if " " not in k and k.isalpha() and k not in people and k not in known]
    for key in cands:
        m = _ADJECTIVE_STATE.fullmatch(groups[key][0].name)
        assert m is not None
        adjective = m.group(1).lower()
        if adjective in known:
            continue
        fits = [
            k
            for k in singles
            if k != adjective
            and any(adjective in (stem + end for end in ("n", "an", "ian", "ese", "i", "ish")) for stem in (k, k[:-1]))
        ]
        if len(fits) == 1 and fits[0] in groups and fits[0] != key:
            groups[fits[0]].extend(groups.pop(key))


#: a capitalised name as the relations below read it: up to six words, "of", "and", "&" inside;
#: from a word's start only (tried inside a long word, it would read on from every letter)
_OWNED_NAME = r"(?<![\w&'’-])[A-Z][\w&'’-]*(?: (?:of |and |& )?[A-Z][\w&'’-]*){0,5}(?: plc\b)?"
#: a company and its brand or owner, as an article states the relation (entities.v9): ``y`` the
#: brand or the company owned, ``x`` its owner
_OWNERSHIP = tuple(
    re.compile(p)
    for p in (
        rf"(?P<y>{_OWNED_NAME})['’]s (?:parent(?: company| group| firm)?|owner),? (?:the )?(?P<x>{_OWNED_NAME})",
        rf"(?P<x>{_OWNED_NAME}), (?:the )?"
        rf"(?:(?:owner|parent(?: company| group| firm)?) of|(?:company|firm|group) behind) (?P<y>{_OWNED_NAME})",
        rf"(?P<x>{_OWNED_NAME}),? which (?:owns|trades as|operates as) (?P<y>{_OWNED_NAME})",
        rf"(?P<y>{_OWNED_NAME}),? (?:which is |is |was )?owned by (?P<x>{_OWNED_NAME})",
        rf"(?P<y>{_OWNED_NAME}), (?:a|the) (?:subsidiary|brand) of (?P<x>{_OWNED_NAME})",
        rf"(?P<x>{_OWNED_NAME})(?:,? (?:which |and )?(?:trades|trading) as"
        rf"| (?:[^.!?\n]|\.(?=\d)){{0,80}}? and trades as) (?P<y>{_OWNED_NAME})",
    )
)


#: the words one of :data:`_OWNERSHIP` needs, searched first: most articles hold none
_OWNERSHIP_WORDS = (
    "owns",
    "owner",
    "owned by",
    "parent",
    "subsidiary",
    "brand of",
    "trades as",
    "trading as",
    "behind",
)
_OWNERSHIP_CUE = re.compile(r"\b(?:" + "|".join(_OWNERSHIP_WORDS) + r")\b")


def _ownership_cue(text: str) -> bool:
    """Whether ``text`` holds a word of an ownership relation (:data:`_OWNERSHIP_CUE`); the
    words are looked for as substrings first, several times faster than the expression alone
    on a text that holds none (most)."""
    return any(w in text for w in _OWNERSHIP_WORDS) and _OWNERSHIP_CUE.search(text) is not None


def _ownership(raws: Sequence[_Raw], articles: Sequence[Article]) -> list[tuple[str, str, set[tuple[int, int]]]]:
    """The pairs (brand's key, owner's key, the mentions inside the stated relations) that the
    story's articles state (entities.v9): "Velcom’s owner, Velmont", "Velmont, which owns
    Velcom", "Velcom, owned by Velmont", "Velcom, a subsidiary of Velmont", "Velmont ... trades
    as Velcom". Each side must be the one name mention (no title) that the relation's name
    holds; a name shown to be a person's is left out when the groups merge."""
    by_article: dict[int, list[_Raw]] = {}
    for r in raws:
        if r.source == "name" and not r.titled:
            by_article.setdefault(r.article, []).append(r)
    found: dict[tuple[str, str], set[tuple[int, int]]] = {}
    for i, art in enumerate(articles):
        names = by_article.get(i)
        if not names or not _ownership_cue(art.text):
            continue  # most articles state no such relation
        for pat in _OWNERSHIP:
            for m in pat.finditer(art.text):
                y = [r for r in names if m.start("y") <= r.start and r.end <= m.end("y")]
                x = [r for r in names if m.start("x") <= r.start and r.end <= m.end("x")]
                if len(y) != 1 or len(x) != 1 or y[0].key == x[0].key:
                    continue
                pos = found.setdefault((y[0].key, x[0].key), set())
                pos |= {(i, y[0].start), (i, x[0].start)}
    return [(y, x, pos) for (y, x), pos in found.items()]


#: the owner of a brand, after the brand's name: "Greyline's owner", "the Greyline owner"
_OWNER_AFTER = re.compile(r"(?:['’]s)?[ \t]+owner(?![\w’'-])(?!,?[ \t]+(?:the[ \t]+)?[A-Z])")
_THE_BEFORE = re.compile(r"(?<![\w’'-])[Tt]he[ \t]+\Z")


def _owner_descriptions(
    raws: list[_Raw], owned: Sequence[tuple[str, str, set[tuple[int, int]]]], articles: Sequence[Article]
) -> list[_Raw]:
    """A brand's owner named by the brand ("The Greyline owner says", "Greyline's owner") where
    the story states who owns the brand ("Tollgate, which owns Greyline"; :func:`_ownership`,
    one owner) is a mention of that owner (entities.v10): the brand's name inside it is the
    description's. Not where a name follows ("Velcom's owner, Velmont": the stated relation
    itself)."""
    owners: dict[str, set[str]] = {}
    for y, x, _pos in owned:
        owners.setdefault(y, set()).add(x)
    if not owners:
        return raws
    by_key = {r.key: r for r in raws if r.source == "name" and r.key}
    added: list[_Raw] = []
    held: set[int] = set()
    for r in raws:
        xs = owners.get(r.key) if r.source == "name" else None
        if not xs:
            continue
        longest = max(xs, key=len)
        if not all(_opens(x, longest) for x in xs):
            continue  # two owners: "Tollgate" and "Tollgate Transport Group" are one
        owner = by_key.get(longest)
        text = articles[r.article].text
        m = _OWNER_AFTER.match(text, r.end)
        if owner is None or m is None:
            continue
        the = _THE_BEFORE.search(text, max(0, r.start - 6), r.start)
        start = the.start() if the else r.start
        d = _Raw(r.article, start, m.end(), owner.name, "owner", kind="org", words=r.words + 1)
        d.ref = owner
        added.append(d)
        held.add(id(r))
    if not added:
        return raws
    return [r for r in raws if id(r) not in held] + added


def _merge_owned(
    groups: dict[str, list[_Raw]], owned: Sequence[tuple[str, str, set[tuple[int, int]]]], people: set[str]
) -> None:
    """A brand and its owner as one entity (entities.v9), when an article states the relation
    (:func:`_ownership`) and the outlets split on it: one article names the brand and not the
    owner, another the owner and not the brand (the mentions inside the stated relation aside).
    A story whose articles all name both ("Amazon, which owns Whole Foods", then each company
    on its own) keeps two entities: the relation is then news, not another name."""
    where = {r.key: k for k, ms in groups.items() for r in ms if r.source == "name"}
    for y, x, pos in owned:
        ky, kx = where.get(y), where.get(x)
        if ky is None or kx is None or ky == kx or ky not in groups or kx not in groups or {ky, kx} & people:
            continue
        only_y = {r.article for r in groups[ky] if (r.article, r.start) not in pos}
        only_x = {r.article for r in groups[kx] if (r.article, r.start) not in pos}
        if not (only_y - only_x) or not (only_x - only_y):
            continue
        groups[kx].extend(groups.pop(ky))
        for k in [k for k, v in where.items() if v == ky]:
            where[k] = kx


def _kind_agrees(desc: Description, kind: str | None) -> bool:
    """Whether a description fits the kind of the entity it was merged into: a person word (not
    its plural) a person, any other word anything but a person ("the Kim regime" is no name of
    Kim Jong Un)."""
    return (kind == "person") == (desc.kind == "person" and not desc.plural)


def _acronyms(raws: Sequence[_Raw]) -> dict[str, str]:
    """A name in capitals -> the key of the one longer name of the story it abbreviates ("NHA"
    -> "National Hydropower Authority": the first letters of its capitalised words)."""
    initials: dict[str, set[str]] = {}
    for r in raws:
        if r.source in ("name", "official") and len(r.name.split()) >= 2:
            letters = "".join(w[0] for w in r.name.split() if w[:1].isupper())
            if len(letters) >= 2:
                initials.setdefault(letters, set()).add(r.key)
            if r.legal[:1].isupper() and len(letters) >= 2:  # "ABC": "Australian Broadcasting Corp" (v10)
                initials.setdefault(letters + r.legal[0], set()).add(r.key)
    out: dict[str, str] = {}
    for r in raws:
        word = r.name.replace(".", "")
        if r.source == "name" and 2 <= len(word) <= MAX_ACRONYM and word.isupper() and " " not in word:
            keys = initials.get(word, set())
            if len(keys) == 1:
                out[r.key] = next(iter(keys))
    return out


#: the most words a short name of a longer one has ("Vessock" of "Vessock Chemicals"): bounds the
#: prefixes kept for a long capitalised run
_SHORT_WORDS = 3


def _coined(raws: Sequence[_Raw], articles: Sequence[Article]) -> dict[str, str]:
    """An abbreviation an article coins in brackets right after a name -> that name's key
    ("Greyline Transport (GRL)", "the General Confederation of Labour (CGL)", entities.v4),
    where its letters are not the name's initials: it opens with the initial of one of the
    name's words and each of its letters is in the name. An abbreviation coined for two
    names in the story is left alone."""
    names = {(r.article, r.end): r for r in raws if r.source in ("name", "official") and len(r.name.split()) >= 2}
    found: dict[str, set[str]] = {}
    for r in raws:
        word = r.name.replace(".", "")
        if r.source != "name" or not (2 <= len(word) <= MAX_ACRONYM and word.isupper() and word.isalpha()):
            continue
        text = articles[r.article].text
        if text[r.start - 2 : r.start] != " (" or text[r.end : r.end + 1] != ")":
            continue
        full = names.get((r.article, r.start - 2))
        if full is None:
            continue
        letters = text[full.start : full.end].upper()
        if word[0] in {w[0] for w in letters.split()} and all(c in letters for c in word):
            found.setdefault(r.key, set()).add(full.key)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


#: "in" after a holding is no place: "shares in Velmont", "a stake in Velmont" (entities.v9)
_HOLDING = re.compile(r"(?i)\b(?:shares|stakes?|investors?|investment)[ \t]+in[ \t]+\Z")


def _short_names(
    raws: Sequence[_Raw], articles: Sequence[Article], people: set[str], owners: frozenset[str] = frozenset()
) -> dict[str, str]:
    """A short name -> the key of the one longer name of the story it opens ("Vessock" ->
    "Vessock Chemicals", entities.v4), where:

    - the short name's words (up to three, not an abbreviation in capitals, three letters or
      more) are the first words of exactly one longer name of the story, written before a
      space ("Al Qaeda-type" is no longer name of "Al Qaeda"); two longer names that share them
      ("Harbour Bank", "Harbour Trust") leave it alone;
    - the story ties a description of an organisation to the short name ("chemical giant
      Vessock", "the firm" after it), or, since entities.v9, says it owns or is owned by
      another name (:func:`_ownership`): a word that opens a longer name is as often a name of
      its own ("Obama" and "Obama administration", "House" and "House Oversight Committee",
      "Virginia" and "Virginia Western Community College") or a person ("Bill" and "Bill
      Hemmer"), and on real reporting (allsides stories) a longer name's last word showing an
      organisation was no evidence of one entity;
    - neither is shown to be a person (a title, a pronoun, a role tied to it), the short name
      has no title and it is never written as a place ("in Oxmere": the town, not the council
      named after it)."""
    names: dict[str, set[str]] = {}
    for r in raws:
        if r.source == "name" and r.key:
            names.setdefault(r.key, set()).add(r.name)
    by_first: dict[tuple[str, ...], set[str]] = {}
    for k in names:
        ws = tuple(k.split())
        for n in range(1, min(len(ws), _SHORT_WORDS + 1)):  # a short name of up to three words
            by_first.setdefault(ws[:n], set()).add(k)
    orgs = {
        r.ref.key
        for r in raws
        if r.source == "description" and r.ref is not None and r.desc is not None and r.desc.kind == "org"
    } | (owners - people)  # a name the story says owns or is owned by another is a company (v9)
    legal = {r.key for r in raws if r.legal}
    out: dict[str, str] = {}
    placed: set[str] = set()
    for r in raws:
        if (
            r.source == "name"
            and r.key
            and tuple(r.key.split()) in by_first
            and _literal(articles[r.article].text, r.start, r.end)
            and not _HOLDING.search(articles[r.article].text, max(0, r.start - 20), r.start)
        ):
            placed.add(r.key)
    for r in raws:
        if r.source != "name" or r.titled or not r.key or r.key in out or r.key in placed or r.key in people:
            continue
        if len(r.name) < 3 or r.name.isupper() or not r.name.replace(" ", "").isalpha():
            continue
        longer = by_first.get(tuple(r.key.split()), set())
        registered = {k for k in longer if k in legal}
        if len(registered) == 1 and all(_opens(k, next(iter(registered))) for k in longer):
            # "Veyline" and "Veyline Transit" of "Veyline Transit Systems Ltd": a registered
            # name shows a company, and the shorter names on its way are its (entities.v10)
            longer = registered
        if len(longer) != 1:
            continue
        target = next(iter(longer))
        if target in people or (r.key not in orgs and target not in legal):
            continue
        if not any(n.startswith(r.name + " ") for n in names[target]):
            continue
        out[r.key] = target
    return out


def _registered(raws: Sequence[_Raw], articles: Sequence[Article]) -> None:
    """A run the name reader took for a person that is, whole, a company's name the story also
    writes with its legal form ("Brenford Domestic Appliances", read as a person "Domestic
    Appliances", beside "Brenford Domestic Appliances plc") is that company (entities.v10)."""
    legal = {r.key for r in raws if r.legal}
    if not legal:
        return
    for r in raws:
        if r.source != "name" or not r.person or r.titled:
            continue
        words = articles[r.article].text[r.start : r.end].split()
        while words and strip_dot(words[0]) in DETERMINERS:
            words = words[1:]
        key = fold_key(" ".join(words))
        if key in legal:
            r.name = r.base = " ".join(words)
            r.key, r.person, r.kind = key, False, "org"
            r.words = len(words)


def _tie_patterns(word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where another article ties a capitalised word to a company's name (entities.v10): right
    before it, alone or with up to three lower-case words ("The Drumlow crisp maker Ashgrove
    Foods", "Kelbury-based Brenford", "Seravia's Kallstrom Holdings"), or right after it ("Ashgrove
    Foods plc, the Drumlow company", "Kallstrom, a family-controlled group based in Tarnholm",
    "Kallstrom Holdings of Seravia")."""
    w = "(?i:" + re.escape(word) + ")"  # the word as the description holds it, folded
    before = re.compile(rf"(?<![\w’'-]){w}(?:-based|['’]s)?(?:[ \t]+[a-z][\w-]*){{0,3}}[ \t]+\Z")
    after = re.compile(
        rf"(?:[ \t]+(?:plc|Ltd|LLC|Inc))?(?:,[ \t]+the[ \t]+{w}(?![\w’'-])"
        rf"|,[ \t]+(?:a|an|the)[ \t]+[^.,;:\n]{{0,50}}?(?:based[ \t]+in|of|from)[ \t]+{w}(?![\w’'-])"
        rf"|[ \t]+of[ \t]+{w}(?![\w’'-]))"
    )
    return before, after


def _described_elsewhere(
    scans: Sequence[_ArticleScan], raws: list[_Raw], articles: Sequence[Article], people: set[str]
) -> list[_Raw]:
    """A description of an organisation by a capitalised word that its article ties to no name
    ("the Drumlow crisp firm", "The Tarnholm conglomerate") is the one company of the story that
    another article ties that word to (:func:`_tie_patterns`: "The Drumlow crisp maker Ashgrove
    Foods", "Kallstrom, a family-controlled group based in Tarnholm"), its shorter names on the
    way to it counted as one (entities.v10); the name inside the description is the
    description's. Two companies tied to the word leave it alone."""
    pending = [d for scan in scans for d in scan.pending]
    if not pending:
        return raws
    names = [r for r in raws if r.source == "name" and r.key and r.key not in people and not r.titled]
    added: list[_Raw] = []
    for d in pending:
        refs: dict[str, _Raw] = {}
        for cap in d.dcaps:
            ck = fold_key(cap)
            before, after = _tie_patterns(cap)
            for r in names:
                if r.article == d.article or r.key == ck or ck in r.key.split():
                    continue
                text = articles[r.article].text
                if before.search(text, max(0, r.start - 60), r.start) or after.match(text, r.end):
                    refs.setdefault(r.key, r)
        if not refs:
            continue
        longest = max(refs, key=len)
        if not all(_opens(k, longest) for k in refs):
            continue
        d.ref = refs[longest]
        added.append(d)
    if not added:
        return raws
    by_article = {d.article for d in added}
    kept = [r for r in raws if r.source != "name" or r.article not in by_article or not _inside_any(r, added)]
    return kept + added


def _inside_any(r: _Raw, ds: Sequence[_Raw]) -> bool:
    return any(d.article == r.article and d.start <= r.start and r.end <= d.end for d in ds)


def _opens(short: str, long: str) -> bool:
    """Whether the key ``short`` is ``long`` or its first words."""
    return short == long or long.startswith(short + " ")


@dataclass
class _People:
    """What the story says of its people's names, for matching a surname to a full name."""

    longer: dict[str, list[_Raw]]  # key of a name of two words or more -> its mentions
    evidence: set[str]  # keys shown to be people
    count: Counter[str]  # key -> mentions written so
    gender: dict[str, Counter[str]] = field(default_factory=dict)
    heads: dict[str, set[str]] = field(default_factory=dict)  # key -> roles given to it
    articles: dict[str, set[int]] = field(default_factory=dict)  # key -> articles writing it
    by_suffix: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # last words -> keys
    by_first: dict[str, list[str]] = field(default_factory=dict)  # first word -> keys
    memo: dict[tuple[str, bool, str, frozenset[str]], str] = field(default_factory=dict)


def _merge_target(r: _Raw, ctx: _People) -> str:
    """The key of the longer person's name a name stands for, or its own key. Among several:
    those a title fits (Mr./Mrs. and the pronouns of the name; a role given to it), then the
    one written in most articles, most often, first."""
    memo = (r.key, r.titled, r.honorific, r.heads)
    if memo not in ctx.memo:
        ctx.memo[memo] = _find_target(r, ctx)
    return ctx.memo[memo]


def _find_target(r: _Raw, ctx: _People) -> str:
    if not ctx.by_suffix:
        for k in ctx.longer:
            ws = tuple(k.split())
            for n in range(1, len(ws)):
                ctx.by_suffix.setdefault(ws[-n:], []).append(k)
            ctx.by_first.setdefault(ws[0], []).append(k)
    words = tuple(r.key.split())
    cands = [k for k in ctx.by_suffix.get(words, ()) if k in ctx.evidence or r.titled]
    if not cands and len(words) == 1:
        cands = [
            k
            for k in ctx.by_first.get(words[0], ())
            if (len(k.split()) >= 3 or r.titled) and (k in ctx.evidence or r.titled)
        ]
    if len(cands) > 1 and r.honorific:
        other = "f" if r.honorific == "m" else "m"
        cands = [k for k in cands if (g := ctx.gender.get(k)) is None or g[other] <= g[r.honorific]] or cands
    if len(cands) > 1 and r.heads:
        cands = [k for k in cands if ctx.heads.get(k, set()) & r.heads] or cands
    if not cands:
        return r.key
    first = {k: (ctx.longer[k][0].article, ctx.longer[k][0].start) for k in cands}  # mentions in story order
    return max(sorted(cands), key=lambda k: (len(ctx.articles.get(k, ())), ctx.count[k], tuple(-v for v in first[k])))


# ---------------------------------------------------------------------------------------------
# naming


def _forms(entity: Entity, labels: dict[str, str]) -> dict[str, dict[str, list[EntityMention]]]:
    """outlet -> form key -> its mentions, in the order of the mentions."""
    out: dict[str, dict[str, list[EntityMention]]] = {}
    for m in entity.mentions:
        outlet = labels.get(m.article, m.article)
        out.setdefault(outlet, {}).setdefault(fold_key(m.text), []).append(m)
    return out


def naming_table(entities: Sequence[Entity], articles: Sequence[Article]) -> list[Naming]:
    """For each entity mentioned in two or more articles: per outlet (``Article.label``, in
    article order) the forms it uses, each as first written there, with counts (forms equal
    once folded, "U.S." and "US", count as one)."""
    labels = {a.id: a.label for a in articles}
    order = list(dict.fromkeys(a.label for a in articles))
    rows: list[Naming] = []
    for ent in entities:
        if len({m.article for m in ent.mentions}) < 2:
            continue
        by_outlet = _forms(ent, labels)
        outlets = []
        for outlet in sorted(by_outlet, key=lambda o: order.index(o) if o in order else len(order)):
            forms = by_outlet[outlet]
            ranked = sorted(forms.values(), key=lambda ms: -len(ms))  # stable: first used first on ties
            outlets.append(OutletNaming(outlet, tuple((_display(ms[0].text), len(ms)) for ms in ranked)))
        rows.append(Naming(ent.id, ent.name, ent.kind, tuple(outlets)))
    return rows


def plain_name(form: str, canonical: str, person: bool = False) -> bool:
    """Whether a form is the canonical name or words of it ("Kishida" of "Fumio Kishida"),
    initials aside, and, for a ``person``, with or without titles before it ("Prime Minister
    Kishida", "Mr. Kishida": a title is information, not a choice of name)."""
    canon = set(fold_key(canonical).split())

    def plain(text: str) -> bool:
        words = [w for w in fold_key(text).split() if not _INITIAL.match(w)]
        return bool(words) and set(words) <= canon

    if plain(form):
        return True
    if not person:
        return False
    name, is_person = clean_name(form)
    return is_person and fold_key(name) != fold_key(form) and plain(name)


def role_form(form: str) -> bool:
    """Whether a form names by a role, not a name: "the minister", "Israel's prime minister"."""
    words = form.replace("’", "'").split()
    return (
        len(words) >= 2
        and (words[0] in ("the", "The") or any(w.endswith("'s") for w in words[:-1]))
        and not is_cap(words[-1])
        and title_kind(words[-1]) in ("role", "org")
    )


def _org_role(form: str) -> bool:
    """Whether a role form names a body by its own kind ("the club", "the council")."""
    return title_kind(form.replace("’", "'").split()[-1]) == "org"


def _head_row(form: str) -> Description | None:
    """The ``entity-descriptions`` row of a form's last word, in lower case, or None."""
    words = form.replace("’", "'").split()
    if not words or is_cap(words[-1]):
        return None
    last = strip_dot(words[-1])
    return descriptions().get(last[:-2] if last.endswith("'s") else last)


def _state_description(form: str) -> bool:
    """Whether a form is a neutral description of a state ("the Russian government", "U.S.
    officials"; entities.v5): never a naming mark, even where its head is also an organisation
    word ("government")."""
    row = _head_row(form)
    return row is not None and row.kind == "place" and row.register == "neutral"


def description_register(form: str) -> str | None:
    """How a form describes rather than names, by its last word in the ``entity-descriptions``
    lexicon: "epithet" ("the peat giant", "union barons", a title word after a capitalised
    modifier: "Labour chief", "the NATO chief"), "neutral" ("the carrier"), or None (no
    description, or a title word alone: "the chief")."""
    words = form.replace("’", "'").split()
    row = _head_row(form)
    if row is None:
        return None
    if row.register == "title":
        mods = [w for w in words[:-1] if strip_dot(w) not in ("the", "a", "an")]
        plural = strip_dot(words[-1]) != row.word
        return "epithet" if mods and (is_cap(mods[-1]) or plural) else None
    return row.register


@lru_cache(maxsize=1)
def _loaded_words() -> frozenset[str]:
    return frozenset(fold_key(w) for w in lexicons.load("loaded-words").entries)


def _titled_alike(
    key: str, outlet: str, forms: dict[str, dict[str, list[EntityMention]]], by_id: dict[str, Article]
) -> set[str]:
    """The other outlets that write a description's words in the title before one of their
    mentions of the entity ("HTA chief executive Helen Okafor-Reyes" holds "HTA chief"): for
    them the description is the title they use, not another name."""
    need = set(key.split())
    out = set()
    for other, fs in forms.items():
        if other == outlet:
            continue
        for ms in fs.values():
            if any(m.article in by_id and need <= _words_before(by_id[m.article].text, m.start) for m in ms):
                out.add(other)
                break
    return out


def _same_head(form: str, outlet: str, forms: dict[str, dict[str, list[EntityMention]]]) -> set[str]:
    """The other outlets that describe the entity with the same head word ("mob boss", "rival
    mob boss"): the modifiers they add are no other name."""
    row = _head_row(form)
    if row is None:
        return set()
    return {
        other
        for other, fs in forms.items()
        if other != outlet
        and any((h := _head_row(ms[0].text)) is not None and h.word == row.word for ms in fs.values())
    }


def _nickname_form(ms: Sequence[EntityMention], by_id: dict[str, Article]) -> bool:
    """Whether an outlet's form is a nickname (v6): no name of the alias table, and one of its
    mentions written in a pair of quotation marks with no other word inside them ("“the Quiet
    Millionaire”", 'the "Octopus"'; not "“America’s only ...": a possessive)."""
    if not ms or fold_key(ms[0].text) in _alias_keys():
        return False
    for m in ms:
        art = by_id.get(m.article)
        if art is None:
            continue
        before = art.text[max(0, m.start - 1) : m.start]
        after = art.text[m.end : m.end + 2]
        if before in _CLOSING and after[:1] == _CLOSING[before] and not after[1:].isalnum():
            return True
    return False


_BARE_CUE = re.compile(r"(?:known[ \t]+as|nicknamed)[ \t]+the[ \t]")
_BARE_TIE = re.compile(
    r"(?:,|[ \t][–—-])[ \t]+(?:also[ \t]+|better[ \t]+|widely[ \t]+)?(?:known[ \t]+as|nicknamed)[ \t]+the[ \t]+\Z"
)


def _bare_tie(m: EntityMention, by_id: dict[str, Article]) -> bool:
    """Whether a mention is a nickname tied with no quotation marks (", known as the Herons",
    v9, after a comma or a dash as :data:`_BARE_NICKNAME` ties it; not "the force known as the
    Syrian Democratic Forces"): a nickname as :func:`_nickname_form` reads one."""
    art = by_id.get(m.article)
    return art is not None and _BARE_TIE.search(art.text, max(0, m.start - 40), m.start) is not None


@lru_cache(maxsize=1)
def _alias_keys() -> frozenset[str]:
    return frozenset(fold_key(a) for a in aliases())


def _words_before(text: str, start: int, n: int = 4) -> set[str]:
    """The last ``n`` words before ``start`` on its line, folded."""
    line = text[max(0, start - 60) : start].rsplit("\n", 1)[-1]
    return set(fold_key(" ".join(re.findall(r"[\w'’.-]+", line)[-n:])).split())


#: an abbreviation in capitals, dotted or not ("U.S.", "GOP", "S.C.")
_INITIALISM = re.compile(r"(?:[A-Z]\.?){2,5}")

#: the registers of ``entity-aliases`` whose forms are a choice that frames (the official name a
#: government uses, a capital for its country, a loaded epithet); common and informal forms and
#: abbreviations are an outlet's style
_FRAMING_REGISTERS = frozenset({"official", "metonym", "loaded"})


def _register(form: str) -> str | None:
    """The ``entity-aliases`` register of a form as written ("DPRK" -> "official"), or None."""
    table = _registers()
    return table.get(fold_key(form))


def _spelled_out(form: str, ent: Entity, outlet_forms: dict[str, list[EntityMention]]) -> bool:
    """Whether an abbreviation no alias row knows stands, in an outlet that never writes it out,
    for an organisation whose full name the story writes ("PRB" where the others write
    "Professional Referees Board", "NHA" for "National Hydropower Authority"; entities.v9): its
    readers meet the letters only, a name the outlet chose. An abbreviation the outlet
    introduces beside the full name ("Lake Orrin Water Authority (LOWA)"), one with full stops
    ("N.Y.") or of two letters ("ID" merged with "Inauguration Day"), one whose letters are not
    the initials of the full name's capitalised words (a name cut short by the name reader:
    "OPB" for "Public Broadcasting"), one of a person or a place, and one of the alias table
    ("DRC", "FBI", "U.S.", its register's rule) are style or doubtful merges."""
    if _register(form) is not None or not form.isalpha() or len(form) < 3 or ent.kind in ("person", "place"):
        return False
    if "".join(w[0] for w in ent.name.split() if w[:1].isupper()) != form:
        return False  # the letters of the full name's capitalised words, as written: not "ID" of "Inauguration Day"
    return not any(len(ms[0].text.split()) >= 2 and plain_name(ms[0].text, ent.name) for ms in outlet_forms.values())


@lru_cache(maxsize=1)
def _registers() -> dict[str, str]:
    return {fold_key(a): row.register for a, row in aliases().items()}


def naming_marks(
    entities: Sequence[Entity], articles: Sequence[Article], quotes: Sequence[Quote] | None = None
) -> list[FramingMark]:
    """``naming`` framing marks (ids ``m1``..., in article then text order) for the mentions
    whose form sets their outlet apart: see the module's docstring for the rule. ``quotes``:
    the articles' quotations when the caller has them (else they are found here), for the
    marks' ``quoted`` flag."""
    from .quotes import article_quotes  # the quotes stage is heavier: only when marks are asked for

    labels = {a.id: a.label for a in articles}
    by_id = {a.id: a for a in articles}
    quoted: dict[str, list[Span]] = {}
    found: list[tuple[int, int, int, EntityMention, Entity]] = []
    order = {a.id: i for i, a in enumerate(articles)}
    named = {fold_key(e.name): e.id for e in entities}
    lowered = _Lowered(articles)
    relations = _Relations(by_id)
    bare = any(
        ("known" in a.text or "nicknamed" in a.text) and _BARE_CUE.search(a.text) for a in articles
    )  # "known as the ...": most stories hold none
    for ent in entities:
        forms = _forms(ent, labels)
        if len(forms) < 2:
            continue
        users: dict[str, set[str]] = {}
        tied = (
            {key for fs in forms.values() for key, ms in fs.items() if any(_bare_tie(m, by_id) for m in ms)}
            if bare
            else set()
        )
        for outlet, fs in forms.items():
            for key, ms in fs.items():
                if _legal_end(ms[0].text) or not all(relations.inside(m) for m in ms):
                    # "Velmont trades as Velcom" tells, not names (v9); a registered name names (v10)
                    users.setdefault(key, set()).add(outlet)
        for outlet, fs in forms.items():
            others = len(forms) - 1
            roles = sum(len(ms) for ms in fs.values() if role_form(ms[0].text))
            for key, ms in fs.items():
                # a registered name is a choice of register inside a stated relation too (v10)
                ms = [m for m in ms if not _stated(m, by_id) and (_legal_end(m.text) or not relations.inside(m))]
                if not ms:
                    continue  # "officially the Republic of Korvania", "Velcom's owner": information (v7, v9)
                described = description_register(ms[0].text)
                if described == "neutral":
                    ms = [m for m in ms if _introduced_by_description(m, ent)]
                if described == "neutral" and not ms:
                    continue  # "the carrier", "U.S. officials": a plain description is no choice of name
                if described is None and role_form(ms[0].text) and _org_role(ms[0].text):
                    continue  # "the club", "the committee": a body's own kind, no choice of name (v8)
                if described == "epithet" and key in _loaded_words():
                    continue  # "the regime" alone: a loaded mark says it ("the Brazzaville regime" names)
                if plain_name(ms[0].text, ent.name, ent.kind == "person"):
                    continue
                if _legal_end(ms[0].text):
                    ms = [m for m in ms if not _listed(m, by_id) and not _beside_plain(m, ent)]
                    if not ms:
                        continue  # "Companies in this story: Halden Brewery plc | ...", "Tarrowby Mills Ltd
                        # has been charged ... Tarrowby Mills said": a list, or the everyday name beside it (v10)
                if described is None and _common_opener(ms, ent, by_id, lowered):
                    continue  # "Goalkeeper Piet Haverkamp" opening a sentence, "goalkeeper" elsewhere (v5)
                if described is None and _placed_name(ms[0].text, ent, named):
                    continue  # "North Calloway National Guard", "Lantry MP Ruth Castellan" (v4)
                if (
                    _INITIALISM.fullmatch(ms[0].text)
                    and _register(ms[0].text) not in _FRAMING_REGISTERS
                    and not _spelled_out(ms[0].text, ent, fs)
                ):
                    continue  # "U.S.", "GOP": a known abbreviation is style, "DPRK" (official) a choice
                alike = users[key] - {outlet}
                if described == "epithet":
                    # "HTA chief" where the others write "HTA chief executive Helen ..."; "rival mob
                    # boss" where they write "mob boss": the same head word is the same description
                    alike |= _titled_alike(key, outlet, forms, by_id)
                    alike |= _same_head(ms[0].text, outlet, forms)
                if 2 * len(alike) > others or (
                    2 * len(alike) == others and not _nickname_form(ms, by_id) and key not in tied
                ):
                    continue  # a nickname (v6) is a choice that half of the others may share
                if described != "epithet" and role_form(ms[0].text) and 2 * roles <= sum(len(x) for x in fs.values()):
                    continue  # "the minister" after her name: an outlet that names her more often
                for m in ms:
                    found.append((order.get(m.article, len(order)), m.start, m.end, m, ent))
    found.sort(key=lambda f: f[:3])
    marks: list[FramingMark] = []
    for _, _, _, m, ent in found:
        if m.article not in quoted:
            art = by_id.get(m.article)
            if quotes is not None:
                quoted[m.article] = sorted(q.span for q in quotes if q.article == m.article)
            else:
                quoted[m.article] = sorted(q.span for q in article_quotes(art).quotes) if art is not None else []
        spans = quoted[m.article]
        i = bisect_right([q.start for q in spans], m.start) - 1
        inside = i >= 0 and spans[i].end >= m.end
        marks.append(
            FramingMark(
                f"m{len(marks) + 1}",
                m.article,
                m.span,
                m.text,
                "naming",
                lexicon=ENTITIES_VERSION,
                entity=ent.id,
                quoted=inside,
                note=ent.name,
            )
        )
    return marks


# ---------------------------------------------------------------------------------------------
# names of the alias table in one article (the corpus: no story to merge across)

#: how many characters around an alias its neighbouring words are read from
_AROUND = 80
_JOINS = frozenset(SMALL - {"and"})  # as newsprism.names.name_runs joins capitalised words


class _Lowered:
    """The words the story's articles write in lower case, read once when first asked."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = articles
        self.words: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = {w for a in self.articles for w in re.findall(r"\b[a-z][a-z'’-]*\b", a.text)}
        return word in self.words


class _Relations:
    """The spans of each article's stated ownership relations ("Velcom’s owner, Velmont",
    :data:`_OWNERSHIP`), found once per article on demand (entities.v9): a name inside one is
    told, not chosen."""

    def __init__(self, by_id: dict[str, Article]) -> None:
        self.by_id = by_id
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.any = any(_ownership_cue(a.text) for a in by_id.values())  # most stories: none

    def inside(self, m: EntityMention) -> bool:
        if not self.any:
            return False
        spans = self.spans.get(m.article)
        if spans is None:
            art = self.by_id.get(m.article)
            text = art.text if art is not None else ""
            spans = []
            if _ownership_cue(text):
                spans = sorted(mt.span() for pat in _OWNERSHIP for mt in pat.finditer(text))
            self.spans[m.article] = spans
        return any(s <= m.start and m.end <= e for s, e in spans)


#: a line that lists names: "Companies in this story: Halden Brewery plc | Valcor Drinks"
_LIST_LABEL = re.compile(r"(?:\A|\n)[^\n:|]{1,40}:[ \t]*(?:[^\n]*\|[ \t]*)?\Z")


def _introduced_by_description(m: EntityMention, ent: Entity) -> bool:
    """Whether a plain description of an organisation is the name its article gives it
    (entities.v10): a capitalised word in it that is no word of the entity's name ("the Drumlow
    crisp firm" for Ashgrove Foods, "Ferry firm" for Baltrea Lines; not "the Orrin firm" for
    Orrin Water), and no mention of the entity before it in the article. A state's people ("U.S.
    officials") stay no mark."""
    row = _head_row(m.text)
    if row is None or row.kind != "org":
        return False
    own = set(fold_key(ent.name).split())
    adjectives = {fold_key(d) for d in demonyms()}
    words = m.text.replace("’", "'").split()[:-1]
    if not any(w[:1].isupper() and strip_dot(w) not in ("the",) and fold_key(w) not in own | adjectives for w in words):
        return False  # "Vietnamese air carrier Vietjet": where it is from is information
    return not any(o.article == m.article and o.span.start < m.span.start for o in ent.mentions)


def _beside_plain(m: EntityMention, ent: Entity) -> bool:
    """Whether the article of a registered name ("Tarrowby Mills Ltd") also writes the same
    name without its legal form ("Tarrowby Mills"): it states the form in passing, and names the
    company as the others do (entities.v10)."""
    base = _legal_forms().sub("", m.text)
    key = fold_key(base)
    return any(o.article == m.article and fold_key(o.text) == key for o in ent.mentions)


def _listed(m: EntityMention, by_id: dict[str, Article]) -> bool:
    """Whether a mention stands in a line that lists names rather than in prose: a line with
    "|" between names, or a label and a colon right before the mention ("Companies in this
    story: Pomfrey Living plc (PMFY)") (entities.v10)."""
    art = by_id.get(m.article)
    if art is None:
        return False
    text = art.text
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    line = text[start : len(text) if end < 0 else end]
    return " | " in line or bool(_LIST_LABEL.search(text, max(0, start - 1), m.start))


def _stated(m: EntityMention, by_id: dict[str, Article]) -> bool:
    """Whether a mention is a formal name stated after "officially" or "formally (known as)"."""
    art = by_id.get(m.article)
    if art is None or "ally" not in art.text[max(0, m.start - 25) : m.start]:
        return False  # no "officially"/"formally" close before it: most mentions, at no regex's cost
    return _STATED_FORMALLY.search(art.text, max(0, m.start - 40), m.start) is not None


def _common_opener(ms: Sequence[EntityMention], ent: Entity, by_id: dict[str, Article], lowered: _Lowered) -> bool:
    """Whether a form is a common word opening each of its sentences before a plain name of
    ``ent``, a word the story also writes in lower case ("Goalkeeper Piet Haverkamp" where an
    article writes "goalkeeper"): the capital is the sentence's, not a name's (entities.v5)."""
    words = ms[0].text.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].isalpha():
        return False
    if not all(m.article in by_id and _sentence_start(by_id[m.article].text, m.start) for m in ms):
        return False
    return words[0].lower() in lowered and plain_name(" ".join(words[1:]), ent.name, ent.kind == "person")


def _placed_name(form: str, ent: Entity, named: dict[str, str]) -> bool:
    """Whether a form is another entity's name of the story (a place, a constituency) before a
    plain name of ``ent`` ("North Calloway National Guard" where the others write "National
    Guard"; "Lantry MP Ruth Castellan"): the outlet says where, not what it calls it
    (entities.v4)."""
    words = form.split()
    for i in range(1, min(len(words), _SHORT_WORDS + 1)):
        other = named.get(fold_key(" ".join(words[:i])))
        if other is not None and other != ent.id and plain_name(" ".join(words[i:]), ent.name, True):
            return True
    return False


def _joined(text: str, a: int, b: int) -> bool:
    return text[a:b] in (" ", "-")


#: the characters a word of :func:`newsprism.names.tokens` is made of, after its first
_WORD_CHARS = re.compile(r"[\w'’.\-]*\Z")
_WORD_START = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ0-9]")


def _word_before(text: str, end: int) -> tuple[int, str] | None:
    """The word of :func:`newsprism.names.tokens` that ends right before one space at ``end``
    (``text[end] == " "``), as ``(start, word)``; None when no word ends there (a comma, a
    bracket, a sentence's full stop)."""
    if end < 1 or text[end - 1].isspace():
        return None
    lo = max(0, end - _AROUND)
    chunk = text[lo:end].rsplit(None, 1)[-1]
    m = _WORD_CHARS.search(chunk)  # the longest tail of word characters
    tail = chunk[m.start() :] if m else ""
    first = _WORD_START.search(tail)
    if first is None:
        return None
    word = tail[first.start() :]
    if word[-1] == "." and not (
        len(word) == 2 or "." in word[:-1] or speaker_titles().get(word[:-1].lower()) == "title"
    ):
        return None  # a full stop that ends a sentence is no part of the word
    return end - len(word), word


def _in_longer_name(text: str, s: int, e: int) -> bool | None:
    """Whether the alias at ``text[s:e]`` is part of a longer capitalised name, read from the
    words right around it as :func:`newsprism.names.name_runs` joins them: True ("Washington
    Post", "the UN Security Council", "Bank of America"), False (on its own), or None when a
    titled person's name follows ("U.S. President Donald Trump": the state, then the person).
    (An alias never has a hyphen right before or after it, the other joint of a name.)"""
    prev = _word_before(text, s - 1) if s >= 1 and text[s - 1] == " " else None
    if prev is not None:
        at, word = prev
        if re.search(r"['’]s$", word):
            pass  # a possessive ends a name: "China's US policy"
        elif is_cap(word) and strip_dot(word) not in sentence_openers():
            k = at - 1
            while k >= 0 and text[k].isspace():
                k -= 1
            at_start = k < 0 or text[k] in '.!?"”\n:'  # "The US said": a sentence's "The" is no name
            if not (at_start and strip_dot(word) in DETERMINERS):
                return True
        elif strip_dot(word) in _JOINS and at >= 1 and text[at - 1] == " ":
            before = _word_before(text, at - 1)
            if before is not None and is_cap(before[1]):
                return True
    if e + 1 >= len(text) or text[e] != " ":
        return False
    if not text[e + 1].isupper() and text[e + 1 : e + 6].split(" ", 1)[0].lower() not in _JOINS:
        return False  # a lower-case word next, and no joiner: the name ends here
    after = tokens(text, e, min(len(text), e + _AROUND))
    if not after or not _joined(text, e, after[0][0]):
        return False
    j = -1
    while j + 1 < len(after) and (
        (j < 0 or _joined(text, after[j][1], after[j + 1][0]))
        and (
            is_cap(after[j + 1][2])
            or (
                j + 2 < len(after)
                and strip_dot(after[j + 1][2]) in _JOINS
                and _joined(text, after[j + 1][1], after[j + 2][0])
                and is_cap(after[j + 2][2])
            )
        )
    ):
        j += 1
    if j < 0:
        return False
    return None if _titled_person(text[after[0][0] : after[j][1]]) else True


def alias_mentions(text: str) -> list[tuple[int, int, Alias]]:
    """The names of the ``entity-aliases`` table that ``text`` uses for the entities the table
    lists, as ``(start, end, row)`` in text order, found without a story (in the corpus, where
    each article is read alone): the table's entries as :func:`story_entities` finds them, less
    an ``adjective`` entry ("North Korean"), a ``metonym`` that names the place itself ("in
    Moscow") and an entry inside a longer capitalised name ("Washington Post", "UN Security
    Council"), unless a titled person's name follows it ("U.S. President Donald Trump").

    Limits: the capitalised name around an entry is read from its neighbouring words alone (no
    scan of the whole article's names), and a one-word entry that is the surname of a person
    the article named ("Washington" after "Denzel Washington") is still counted."""
    out = []
    for s, e, row in _alias_hits(text):
        if row.register == "adjective" or (row.register == "metonym" and _literal(text, s, e)):
            continue
        if _in_longer_name(text, s, e) is True:
            continue
        out.append((s, e, row))
    return out


def alias_marks(article: Article, quotes: Sequence[Quote] = ()) -> list[FramingMark]:
    """``naming`` marks (ids left empty) for every name of the alias table that ``article``
    uses (:func:`alias_mentions`): ``note`` is the canonical name, ``lexicon`` the table's
    version, ``quoted`` True inside one of ``quotes`` (the article's quotations). Unlike
    :func:`naming_marks` (the forms that set an outlet apart within one story), these are
    every use, so that the corpus can count which names each outlet prefers."""
    text = article.text
    spans = sorted((q.start, q.end) for q in quotes if q.article == article.id)
    starts = [a for a, _ in spans]
    version = lexicons.load("entity-aliases").version
    out = []
    for s, e, row in alias_mentions(text):
        k = bisect_right(starts, s) - 1
        out.append(
            FramingMark(
                "",
                article.id,
                Span(s, e),
                text[s:e],
                "naming",
                lexicon=version,
                quoted=k >= 0 and spans[k][0] <= s and e <= spans[k][1],
                note=row.canonical,
            )
        )
    return out
