"""The names an article mentions: capitalised runs, titles and roles, shared by the stages that
read them (``quotes`` for speakers, ``entities`` for the people, organisations and places of
a story).

How: the article's words (:func:`tokens`, a final full stop kept only on an abbreviation) are
read for runs of capitalised words (:func:`name_runs`; "of"/"the"/"de"... between two
capitalised words stay inside, days and months are never part of a name, sentence openers
and a sentence's first determiner are taken off the front). :func:`clean_name` takes the
titles of the ``speaker-titles`` lexicon off a run and says whether it names a person or an
organisation; :func:`scan_names` reads a whole article: the fullest name given for each
surname, the roles tied to names ("Health Minister Ana Ruiz", "Ana Ruiz, the minister,"),
the organisations, and each person's pronouns.

These functions moved here from ``quotes`` unchanged (quotes.v1 output is the same); since,
``ArticleNames.subjects`` also holds the subjects of reporting verbs (:func:`_agent`) and
:func:`first_name_gender` reads the ``first-names`` lexicon, both for ``quotes`` only (what
``entities`` reads, people, roles, confirmed names and genders, is unchanged). For quotes.v2,
``subjects`` also holds names after a description that opens the sentence and people
introduced with an apposition, and ``lone`` / ``lone_gender`` the one-word names that speak
(``entities`` reads neither). For quotes.v3: ``speakers`` (every one-word name that speaks,
its gender shown or not), the gender of a one-word given name from the ``first-names``
lexicon, an organisation by the ``org-name`` last word of its name ("Washington Post") or an
organisation's word before "on"/"for", a gerund opening a sentence left out of the name after
it, and roles tied by an apposition with a possessive ("Obama's former campaign strategist");
the last three change what ``entities`` reads too. ``gender`` is found on first use. For
quotes.v4: no name right after a preposition is the subject of the verb after it, and no name
in the possessive after an inverted cue ("said Ivanka Trump's statement") (``subjects`` and
``lone`` only: what ``entities`` reads is unchanged); ``text`` keeps the article's text. For
quotes.v5, with ``speakers`` only (:func:`clean_name`, :func:`scan_names`; what ``entities``
reads is unchanged): places of the ``place-names`` lexicon are no people, a given name before
a middle name and a suffix stay in a name, and a surname names the person first given in full
with it; and a name after an opening phrase's comma and an adverb before its verb in -ed is a
subject (``subjects`` only). For quotes.v7, with ``speakers`` only: an adjective of a place
before a noun ("Senior Iranian diplomats", "Top U.S. officials", "South Korean officials"; the
``demonyms`` lexicon) is no person.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter

from . import lexicons

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ0-9][\w'’.\-]*")
DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "another", "one", "two", "three"}
SMALL = {"of", "the", "for", "and", "de", "van", "von", "der", "da", "di", "du", "la", "le", "al", "bin", "ibn", "y"}


@lru_cache(maxsize=1)
def reporting_cues() -> dict[str, str]:
    """Reporting verb forms (lower case, may be two words) -> stance."""
    return dict(lexicons.load("reporting-verbs").mapping("stance"))


@lru_cache(maxsize=1)
def speaker_titles() -> dict[str, str]:
    """Words of titles, roles and organisations (lower case) -> ``title``, ``role`` or ``org``
    (the ``speaker-titles`` lexicon, less its ``org-name`` words)."""
    return {w: k for w, k in lexicons.load("speaker-titles").mapping("kind").items() if k != "org-name"}


@lru_cache(maxsize=1)
def org_name_words() -> frozenset[str]:
    """Last words that make a capitalised run an organisation's name ("Washington Post",
    "White House") though in lower case they name none ("the news"): ``org-name`` of the
    ``speaker-titles`` lexicon."""
    return frozenset(lexicons.load("speaker-titles").where("kind", "org-name"))


@lru_cache(maxsize=1)
def speaker_descriptions() -> dict[str, str]:
    """Heads of descriptions that stand for a speaker -> ``person``, ``unnamed`` or
    ``document`` (the ``speaker-descriptions`` lexicon)."""
    return dict(lexicons.load("speaker-descriptions").mapping("kind"))


@lru_cache(maxsize=1)
def place_and_org_names() -> frozenset[str]:
    """The names the ``entity-aliases`` lexicon gives places and organisations ("China",
    "Beijing", "NATO"), as written: never a one-word person's name."""
    lex = lexicons.load("entity-aliases")
    k_alias, k_kind = lex.columns.index("alias"), lex.columns.index("kind")
    return frozenset(r[k_alias] for r in lex.rows if r[k_kind] != "person")


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of countries, US states and regions as written ("South Carolina", "Central
    Asia"; the ``place-names`` lexicon): a capitalised run of two words or more that is one of
    them, or a one-word name that speaks, is a place, not a person (since quotes.v5)."""
    return frozenset(lexicons.load("place-names").entries)


@lru_cache(maxsize=1)
def sentence_openers() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicons.load("sentence-openers").entries)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Given names (lower case, no accents) -> "m" or "f" (the ``first-names`` lexicon)."""
    return dict(lexicons.load("first-names").mapping("gender"))


@lru_cache(maxsize=8192)
def first_name_gender(name: str) -> str | None:
    """The gender the ``first-names`` lexicon gives the first word of a name of two words or
    more ("Tomás Breuk" -> "m"; "Jo-Renee Formicola" reads "Jo"), else ``None``."""
    words = name.split()
    if len(words) < 2:
        return None
    first = unicodedata.normalize("NFKD", words[0].split("-")[0].lower())
    return first_names().get("".join(c for c in first if not unicodedata.combining(c)))


#: :data:`WORD` as a separator that is kept: its ``split`` alternates the text between words
#: and the words themselves, so that offsets come from the lengths of the pieces
_WORD_SPLIT = re.compile(f"({WORD.pattern})")


def _given_gender(word: str) -> str | None:
    """The gender the ``first-names`` lexicon gives one word ("Melanie" -> "f"), else ``None``."""
    folded = unicodedata.normalize("NFKD", word.lower())
    return first_names().get("".join(c for c in folded if not unicodedata.combining(c)))


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Words of ``text[start:end]`` with offsets; a final full stop stays only on an
    abbreviation ("Sen.", "U.S.", an initial "F.")."""
    return _tokens_starts(text, start, end)[0]


def _tokens_starts(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[int]]:
    """:func:`tokens` and the list of their start offsets."""
    titles = speaker_titles()
    # the text split around its words (gap, word, gap, ..., gap): each piece's end offset is
    # the running sum of the lengths, and a word's start is the end of the gap before it (the
    # tuples are made by zip and accumulate rather than one match object a word: 15% faster);
    # the starts and ends are every other running sum, taken by slicing
    parts = _WORD_SPLIT.split(text if start == 0 and end == len(text) else text[start:end])
    edges = list(accumulate(map(len, parts), initial=start))
    words = parts[1::2]
    starts = edges[1:-1:2]
    out = list(zip(starts, edges[2::2], words, strict=False))  # the end of the last gap is left over
    # the words that end in a full stop: found in the string of every word's last character
    lasts = "".join(map(_LAST_CHAR, words))
    k = lasts.find(".")
    while k >= 0:
        s, b, w = out[k]
        if not (len(w) == 2 or "." in w[:-1] or titles.get(w[:-1].lower()) == "title"):
            out[k] = (s, b - 1, w[:-1])
        k = lasts.find(".", k + 1)
    return out, starts


@lru_cache(maxsize=65536)
def strip_dot(w: str) -> str:
    """A word lower case, without its final full stops, its apostrophe straight (cached: the
    same words come again and again)."""
    return w.rstrip(".").lower().replace("’", "'")


def is_cap(w: str) -> bool:
    """A capitalised word that can be part of a name (not a day or month)."""
    return w[:1].isupper() and w.rstrip(".").lower() not in NOT_NAMES


def _char_before(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not whitespace ("" at the start)."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return text[k] if k >= 0 else ""


def _after_line_break(text: str, pos: int) -> bool:
    """Whether the white space right before ``pos`` holds a line break: a line's first word
    opens a sentence for a subject though the line before ends in no stop (a heading, a caption, "Listen
    again: ... (3 min)"; since quotes.v19)."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        if text[k] == "\n":
            return True
        k -= 1
    return False


def name_runs(text: str, toks: Sequence[tuple[int, int, str]]) -> Iterator[tuple[int, int, bool]]:
    """The runs of capitalised words among ``toks`` (from :func:`tokens`), in order, as
    ``(first, last, sentence_start)`` token indices: words joined by one space or a hyphen,
    "of"/"the"/"de"... inside when a capitalised word follows; sentence openers and, at a
    sentence's start, a determiner taken off the front (a run of openers only is skipped)."""
    openers = sentence_openers()
    # is_cap of every word: its first letter in capitals (by map, the loop in C), then the
    # days and months taken off those
    caps = list(map(str.isupper, map(_FIRST_LETTER, map(_WORD_OF, toks))))
    upper = list(compress(range(len(caps)), caps))
    # (strip_dot, cached, lowers as ``w.rstrip(".").lower()`` does; no day or month holds an apostrophe)
    for k in compress(upper, map(NOT_NAMES.__contains__, map(strip_dot, map(_WORD_OF, map(toks.__getitem__, upper))))):
        caps[k] = False
    n_toks = len(toks)
    done = -1  # the last token of the run read last
    for i in upper:
        if not caps[i]:
            continue
        if i <= done:
            continue
        j = i
        while (
            j + 1 < n_toks
            and text[toks[j][1] : toks[j + 1][0]] in (" ", "-")
            and (caps[j + 1] or (j + 2 < n_toks and caps[j + 2] and strip_dot(toks[j + 1][2]) in _JOINERS))
        ):
            j += 1
        a = i
        if a == 0:
            sentence_start = True
        else:
            # the character before the run, past one space inline (most runs), else _char_before
            p = toks[a][0] - 1
            c = text[p]
            if c == " " and p and not text[p - 1].isspace():
                c = text[p - 1]
            elif c.isspace():
                c = _char_before(text, p + 1)
            sentence_start = c in '.!?"”\n:'
        while a <= j and (
            strip_dot(toks[a][2]) in openers
            or (sentence_start and a == i and strip_dot(toks[a][2]) in DETERMINERS)
            or (sentence_start and a == i and a < j and _gerund(toks[a][2]))
        ):
            a += 1
        if a <= j:
            yield a, j, sentence_start
        done = j


def _gerund(word: str) -> bool:
    """A verb in -ing that opens a sentence before a name ("Injecting Clinton's ...",
    "Bashing Trump"), not a given name ("Sterling", "Irving": the ``first-names`` lexicon)."""
    w = strip_dot(word)
    return len(w) > 5 and w.endswith("ing") and w not in first_names()


_WORD_OF = itemgetter(2)
_FIRST_LETTER = itemgetter(0)
_LAST_CHAR = itemgetter(-1)

#: lower-case words that join the capitalised words of one name ("Ministry of Health")
_JOINERS = frozenset(SMALL - {"and"})


# ---------------------------------------------------------------------------------------------
# the article's names


@dataclass
class ArticleNames:
    """Names mentioned in one article, for resolving surnames, pronouns and roles."""

    full: dict[str, str]  # surname (lower) -> fullest name seen
    people: list[tuple[int, str]]  # (position, canonical name) of people, in order
    orgs: list[tuple[int, str]]
    #: people whose mention shows they are people: a title, an apposition (", 52,", ", the
    #: mayor,"), a reporting verb next, or the surname used alone elsewhere
    roles: list[tuple[int, str, str]]  # (position, role word, canonical name)
    confirmed: list[tuple[int, str]] = field(default_factory=list)
    #: roles in lower case right before a name ("Environment minister Owain Delacourt"), for
    #: "the minister said" only (since quotes.v11; kept apart from ``roles``, which the
    #: pronouns read)
    lower_roles: list[tuple[int, str, str]] = field(default_factory=list)
    #: people named at the start of a sentence (its subject, most often) or as the subject of
    #: a reporting verb anywhere ("Plant manager Ana Ruiz said", "..., noted Dana Holt")
    subjects: list[tuple[int, str]] = field(default_factory=list)
    #: "m" or "f" where the article's pronouns or titles say so
    #: (read through :attr:`gender`, found on first use: 4 in 10 articles of news never ask)
    _gender: dict[str, str] | None = None
    #: what :func:`genders` reads to find ``gender``: the text, its words, ``people``
    _gender_of: tuple[str, list[tuple[int, int, str]], list[tuple[int, str]], list[int]] | None = None
    #: people the article names by one word only, never in full, as the subject of a reporting
    #: verb ("Trump said" in an article that never writes "Donald Trump"): lower case -> the
    #: word; for ``quotes`` only (``entities`` reads ``people``, which they are not part of)
    lone: dict[str, str] = field(default_factory=dict)
    #: every one-word name that is the subject of a reporting verb, never given in full, with
    #: its position, whether or not the article's pronouns show it is a person ("Clinton
    #: said."): the last resort of a "he" or "she" that fits no one else (quotes only)
    speakers: list[tuple[int, str]] = field(default_factory=list)
    #: the pronouns of the ``lone`` names, as :func:`genders` reads them
    lone_gender: dict[str, str] = field(default_factory=dict)
    #: the gender ``quotes`` settled for each name, kept while it reads the article
    gender_memo: dict[str, str | None] = field(default_factory=dict)
    #: for ``quotes``: "m" or "f" -> the subjects, confirmed people and people of that gender
    #: or of none known, kept while it reads the article
    fitting: dict[str, tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]] = field(
        default_factory=dict
    )
    #: every word of the article (:func:`tokens`), quoted words included, for the callers that
    #: read a part of it again (:meth:`words`)
    all_tokens: list[tuple[int, int, str]] = field(default_factory=list)
    #: one-word names spelt one letter otherwise than a surname given in full (lower case) ->
    #: that person's name (quotes only, since quotes.v6)
    variants: dict[str, str] = field(default_factory=dict)
    #: for ``quotes``: its index of the organisations and people by name (``quotes._OrgIndex``),
    #: built the first time a spokesperson's organisation is looked for, kept while it reads
    #: the article
    org_index: object | None = None
    #: the article's text
    text: str = ""
    _starts: list[int] = field(default_factory=list)

    @property
    def gender(self) -> dict[str, str]:
        """ "m" or "f" where the article's pronouns or titles say so (:func:`genders` of the
        people, found the first time it is read)."""
        if self._gender is None:
            self._gender = genders(*self._gender_of) if self._gender_of is not None else {}
        return self._gender

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The article's words that lie within ``start``..``end`` (a word cut by either edge
        is left out), as :func:`tokens` reads them, without reading the text again."""
        lo, hi = self.word_range(start, end)
        return self.all_tokens[lo:hi]

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """The indices in :attr:`all_tokens` of the first word of :meth:`words` and of the one
        after its last."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        toks = self.all_tokens
        while hi > lo and toks[hi - 1][1] > end:
            hi -= 1
        return lo, hi


@lru_cache(maxsize=65536)
def clean_name(text: str, speakers: bool = False) -> tuple[str, bool]:
    """A capitalised run without its titles and possessive: ("Jens Stoltenberg", is_person).
    With ``speakers`` (the quotes stage, since quotes.v5), a place of two words or more
    ("South Carolina") is no person, a given name before a middle name or a second surname
    stays ("Hillary Rodham Clinton"), and so does a suffix ("Donald Trump Jr."); without, the
    names are those ``entities`` reads (entities.v3).
    (Cached: an article names the same runs again and again, and so do a corpus's articles.)"""
    words = text.replace("’", "'").split()
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    kinds = [title_kind(w) for w in words]
    if speakers and len(words) >= 4 and "of" in words:
        # "Detective Inspector Callum Rourke of Caddow Police", "Ted Marmor of Yale University":
        # a person of a body, not the body (since quotes.v16)
        words, kinds = _person_of_body(words, kinds)
    # an organisation or place: its last word says so ("Fenmark Fire Service", "Leisure Centre"),
    # or an org word heads an "of" phrase ("Ministry of Health"), or one word in capitals ("NATO")
    org = (
        kinds[-1] == "org"
        or (
            # "Washington Post", not "Tom Cheshire of Sky News": a person of an organisation
            len(words) >= 2
            and strip_dot(words[-1]) in org_name_words()
            and not any(w.lower() in _PERSON_LINKS for w in words)
        )
        or any(k == "org" and i + 1 < len(words) and words[i + 1].lower() in _ORG_LINKS for i, k in enumerate(kinds))
        or (len(words) == 1 and words[0].isupper() and len(words[0]) > 1)
    )
    if speakers and not org and len(words) >= 2:
        # a place of two words or more: "South Carolina", "the United States" (since quotes.v5)
        k = 1 if strip_dot(words[0]) in DETERMINERS else 0
        org = " ".join(words[k:]) in place_names()
    if org:
        # "Ministry of Health" stays whole; drop leading determiners
        while words and strip_dot(words[0]) in DETERMINERS:
            words = words[1:]
        return " ".join(words), False
    last_title = max((i for i, k in enumerate(kinds) if k in ("title", "role")), default=-1)
    rest = words[last_title + 1 :]
    while rest and strip_dot(rest[0]) in SMALL:
        rest = rest[1:]
    # "Charles B. Rangel of New York": the name before its place or body
    cut = next((i for i, w in enumerate(rest) if i > 0 and w.lower() in ("of", "from", "at", "for")), None)
    if cut is not None:
        rest = rest[:cut]
    if not rest:
        return " ".join(words), False
    # a person's name is its last two words, with initials and particles before them
    # ("Secretary of Defense Lloyd Austin" -> "Lloyd Austin", "John F. Kennedy", "Ludwig van Beethoven")
    keep = min(2, len(rest))
    while keep < len(rest) and (
        strip_dot(rest[-keep - 1]) in SMALL
        or strip_dot(rest[-keep]) in SMALL  # "Bill de Blasio"
        or (len(rest[-keep]) <= 2 and rest[-keep].endswith("."))
    ):
        keep += 1
    if keep < len(rest) and len(rest[-keep - 1]) <= 2 and rest[-keep - 1].endswith("."):
        keep += 1
    if not speakers:
        return " ".join(rest[-keep:]), True
    for k in (3, 2):
        # a place of two words or more before the name: "New Hampshire Sanders" (since
        # quotes.v5; not of one word: "Jordan Reynolds", "Chad Sweet")
        lead = " ".join(rest[:k])
        if k < len(rest) and lead in place_names():
            rest = rest[k:]
            keep = min(keep, len(rest))
            break
    if strip_dot(rest[-1]) in ("jr", "sr") and not rest[-1].endswith("."):
        rest = [*rest[:-1], rest[-1] + "."]  # "Trump Jr" at a sentence's end: "Trump Jr." (since quotes.v5)
    if keep == 2 and len(rest) >= 3 and strip_dot(rest[-1]) in NAME_SUFFIXES:
        keep = 3  # "Donald Trump Jr." (since quotes.v5)
    if keep < len(rest) and _given_gender(rest[-keep - 1]) is not None and rest[-keep - 1][:1].isupper():
        # a given name before a middle name or a second surname: "Ruth Bader Ginsburg", "Hillary
        # Rodham Clinton", "Donald John Trump", not "Bader Ginsburg" (since quotes.v5)
        keep += 1
    return " ".join(rest[-keep:]), True


def _person_of_body(words: list[str], kinds: list[str | None]) -> tuple[list[str], list[str | None]]:
    """The words before "of" when they end in a person's name of two or three capitalised words
    with no title, role or organisation word among them, after a title or role or opening with
    a given name of the ``first-names`` lexicon, and no title or role comes after "of" ("Bronx
    Chamber of Commerce President Ana Ruiz" stays whole); else the words as they are."""
    i = words.index("of")
    if any(k in ("title", "role") for k in kinds[i + 1 :]):
        return words, kinds
    lead = i
    while lead > 0 and kinds[lead - 1] is None and words[lead - 1][:1].isupper() and i - lead < 3:
        lead -= 1
    if not 2 <= i - lead <= 3 or any(strip_dot(w) in SMALL for w in words[lead:i]):
        return words, kinds
    if not (any(k in ("title", "role") for k in kinds[:lead]) or (lead == 0 and _given_gender(words[0]))):
        return words, kinds
    if lead and kinds[lead - 1] is None:
        return words, kinds
    return words[:i], kinds[:i]


#: words after a surname that belong to the name ("Donald Trump Jr.")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


#: words between a person's name and a place or body ("Charles B. Rangel of New York")
_PERSON_LINKS = frozenset({"of", "from", "at", "for"})

#: words after an organisation's word that keep the run an organisation: "Ministry of Health",
#: "Commission on Presidential Debates", "Center for American Progress"
_ORG_LINKS = frozenset({"of", "on", "for"})


@lru_cache(maxsize=65536)
def title_kind(word: str) -> str | None:
    """The ``speaker-titles`` kind of a word, or of any part of a hyphenated one
    ("Secretary-General")."""
    titles = speaker_titles()
    w = strip_dot(word)
    if w in titles:
        return titles[w]
    if "-" not in w:
        return None
    kinds = [titles.get(p) for p in w.split("-") if p]
    return next((k for k in ("org", "role", "title") if k in kinds), None)


def scan_names(text: str, quoted: Sequence[tuple[int, int]] = (), *, speakers: bool = False) -> ArticleNames:
    """Capitalised runs of the article outside ``quoted`` spans, with the titles and
    appositions that give roles. ``speakers`` (the quotes stage) reads names as
    :func:`clean_name` does with it, keeps places out of ``orgs`` and out of the one-word names
    that speak, and gives a surname the person first named in full with it, or a later name
    that adds to that one ("Hillary Rodham Clinton"), rather than the longest (since quotes.v5),
    and a one-word name spelt one letter otherwise than a surname it gives in full that person
    ("McLenney" -> "Tyresha McClenney", since quotes.v6: :attr:`ArticleNames.variants`)."""
    names = ArticleNames({}, [], [], [])
    names.text = text
    agents: set[str] = set()  # people the article shows to speak (the subject of a reporting verb)
    surnames: set[str] = set()
    lone: list[tuple[int, str]] = []  # one-word names that speak, not (yet) given in full
    introduced: set[tuple[int, str]] = set()  # people introduced with an apposition
    singles: list[tuple[int, int, str]] = []  # one-word names not (yet) given in full
    titles = speaker_titles()
    toks, names._starts = _tokens_starts(text, 0, len(text))
    names.all_tokens = toks
    kept_starts = names._starts
    if quoted:
        # the words outside every quoted span (their union), found by bisection
        kept: list[tuple[int, int, str]] = []
        kept_starts = []
        prev = 0
        cur_s, cur_e = -1, -1
        for qs, qe in [*sorted(quoted), (len(text) + 1, len(text) + 1)]:
            if qs < cur_e:
                cur_e = max(cur_e, qe)
                continue
            if cur_e > cur_s:
                lo = bisect_left(names._starts, cur_s, prev)
                kept.extend(toks[prev:lo])
                kept_starts.extend(names._starts[prev:lo])
                prev = bisect_left(names._starts, cur_e, lo)
            cur_s, cur_e = qs, qe
        kept.extend(toks[prev:])
        kept_starts.extend(names._starts[prev:])
        toks = kept
    full = names.full
    for a, j, sentence_start in name_runs(text, toks):
        pos, end = toks[a][0], toks[j][1]
        run = text[pos:end]
        info = _run_info(run, speakers)
        if info is None or (info.upper and _heading_caps(text, run, pos, end)):
            continue
        name, person, n_words = info.name, info.person, info.n_words
        if speakers and person and info.single and not info.title_before and info.first not in full:
            singles.append((a, j, info.first))  # looked up as another spelling of a surname below (v6)
        if person and (n_words >= 2 or info.first in full):
            canonical = name if n_words >= 2 else full[info.first]
            if _may_be_agent(text, toks, a, j) and _agent(text, toks, a, j):
                agents.add(canonical)
                names.subjects.append((pos, canonical))
            elif sentence_start or _described_subject(text, toks, a, j):
                names.subjects.append((pos, canonical))
            elif speakers and _apposed_subject(text, toks, a, j):
                # "Cleanway's managing director, Gareth Lyle, claims ...": a subject, and a
                # person (since quotes.v16)
                names.subjects.append((pos, canonical))
                names.confirmed.append((pos, canonical))
        if person and n_words >= 2:
            key = info.last
            known = full.get(key, "")
            if (
                len(name) > len(known) and (not speakers or len(name.split()) <= len(known.split() or name.split()))
            ) or (speakers and known and set(known.split()) < set(name.split())):
                # the longest name of as many words, or one that adds a middle name ("Hillary
                # Rodham Clinton"), not another person's of three words ("Anne Marie Murphy")
                full[key] = name
            names.people.append((pos, name))
            apposed = APPOSITION.match(text, end, end + 40) is not None
            nxt = strip_dot(toks[j + 1][2]) if j + 1 < len(toks) else ""
            if info.titled or apposed or (nxt in reporting_cues() and text[end : toks[j + 1][0]].strip() == ""):
                names.confirmed.append((pos, name))
            if (
                apposed
                and (not names.subjects or names.subjects[-1][0] != pos)
                and (sentence_start or _char_before(text, pos) == "," or _after_description(text, toks, a))
            ):
                # "..., Ivanka Trump, who spoke about ...", "Former governor Jan Brewer, an
                # early supporter,": a person introduced, not an object ("that Donald Trump,
                # the nominee, ..."), whom a "she said" next may name (quotes only)
                introduced.add((pos, name))
            for role in info.roles:  # "Sen. Ana Ruiz" ... "the senator said"
                names.roles.append((pos, role, name))
        elif person and info.first in full:
            known = full[info.first]
            names.people.append((pos, known))
            names.confirmed.append((pos, known))
            surnames.add(known)
        elif person and info.title_before:
            # "Mr. Obama", "President Obama": a person, under the one name the article gives
            key = info.first
            full.setdefault(key, name)
            names.people.append((pos, full[key]))
            names.confirmed.append((pos, full[key]))
        elif not person:
            if not speakers or name not in place_names():  # a place is no organisation "it" may name (v5)
                names.orgs.append((pos, name))
        elif (
            info.single
            and (a == 0 or strip_dot(toks[a - 1][2]) not in _PLACE_WORDS)
            and _may_be_agent(text, toks, a, j)
            and _agent(text, toks, a, j)
        ):
            lone.append((pos, name))
        if speakers and person and a > 0 and (n_words >= 2 or info.first in full):
            # a role in lower case right before the name: "Environment minister Owain Delacourt",
            # "club manager Jo Bell", for "the minister said" later (since quotes.v11)
            # not across a line ("as president / Tara Golshan"), not after "the" or a
            # preposition ("counselor to the president Kellyanne Conway": an object), not after
            # an adjective of a place ("Ukrainian president Volodymyr Zelensky": another
            # country's, whom "the president" seldom names)
            ps, pe, prev_word = toks[a - 1]
            adjacent = a > 1 and text[toks[a - 2][1] : ps] == " "
            before = strip_dot(toks[a - 2][2]) if adjacent else ""
            if (
                prev_word.isalpha()
                and prev_word.islower()
                and text[pe:pos] == " "
                and titles.get(prev_word) == "role"
                and before not in DETERMINERS
                and before not in _ROLE_OBJECT_BEFORE
                and not (adjacent and toks[a - 2][2].rstrip(".") in demonyms())
            ):
                names.lower_roles.append((pos, prev_word, name if n_words >= 2 else full[info.first]))
        # apposition: "NAME, the health minister," / "NAME, a spokeswoman for X,"
        if person and text.startswith(",", end):
            m = _ROLE_APPOSITION.match(text[end : end + 60])
            if m and titles.get(m.group(2)) == "role":
                names.roles.append((pos, m.group(2), name))
            else:
                # "David Axelrod, Obama's former campaign strategist, said": the head of
                # the apposition, before its closing comma or a preposition
                m = _HEADED_APPOSITION.match(text, end, end + 80)
                if m and (titles.get(m.group(1)) == "role" or speaker_descriptions().get(m.group(1)) == "person"):
                    names.roles.append((pos, m.group(1), name))
    if singles:
        # a one-word name spelt one letter otherwise than a surname given in full: that person
        # (since quotes.v6; kept apart from ``full``, which decides what is a quotation)
        tried: dict[str, str] = {}
        prefixes = {key[:2] for key in full}
        for a, j, word in singles:
            if word in full or word[:2] not in prefixes:
                continue  # (most words: no surname of the article starts with the same two letters)
            found = _spelt_otherwise(word, full, tried)
            if found is None:
                continue
            pos = toks[a][0]
            names.variants[word] = found
            names.people.append((pos, found))
            names.confirmed.append((pos, found))
            if _may_be_agent(text, toks, a, j) and _agent(text, toks, a, j):
                names.subjects.append((pos, found))
        names.people.sort()
        names.subjects.sort()
    names._gender_of = (text, toks, names.people, kept_starts)  # found when first read (ArticleNames.gender)
    # one-word names given only so, the subjects of reporting verbs: people when the article's
    # pronouns say so (not "Russia said", "Reuters reported")
    places = place_and_org_names()
    lone = [
        (pos, n)
        for pos, n in lone
        if strip_dot(n) not in names.full and n not in places and not (speakers and n in place_names())
    ]
    names.speakers = lone
    if lone:
        # a given name of the first-names lexicon ("Melanie said") has its gender, as a name of
        # two words has (the first pronoun after a name is often another person's)
        names.lone_gender = {n: _given_gender(n) or g for n, g in genders(text, toks, lone, kept_starts).items()}
        names.lone = {strip_dot(n): n for _, n in lone if n in names.lone_gender}
        names.subjects = sorted([*names.subjects, *((pos, n) for pos, n in lone if n in names.lone_gender)])
    # a name whose surname the article also uses alone is a person from its first mention
    names.confirmed = sorted({*names.confirmed, *((pos, n) for pos, n in names.people if n in surnames)})
    people = {n for _, n in names.confirmed}
    # a subject the article shows to be a person, or whose first name is a person's
    names.subjects = [
        (pos, n)
        for pos, n in names.subjects
        if n in people or n in agents or first_name_gender(n) or n in names.lone_gender
    ]
    # people introduced with an apposition whose gender is known (not "Fox News, the network,")
    introduced = {(pos, n) for pos, n in introduced if first_name_gender(n) or n in names.gender}
    if introduced:
        names.subjects = sorted({*names.subjects, *introduced})
    return names


#: the shortest surname whose other spellings are looked for
MIN_VARIANT_CHARS = 6
#: the most one-word names of an article looked up as other spellings of a surname
MAX_VARIANT_LOOKUPS = 200


def _spelt_otherwise(word: str, full: dict[str, str], tried: dict[str, str]) -> str | None:
    """For a one-word name the article never gives in full: whether it is another spelling of
    exactly one surname it does give in full ("McLenney", "McClenney"): the same first two
    letters, one letter added, dropped or changed (not a plural's "s"; no title, description
    or word of an organisation's name).
    Returns that person's name, else ``None`` (quotes only, since quotes.v6). ``tried`` keeps
    the answers for the article; after ``MAX_VARIANT_LOOKUPS`` words no more are looked up
    (linear time on a text of many names)."""
    if word in tried:
        return tried[word] or None
    if len(word) < MIN_VARIANT_CHARS or not word.isalpha() or len(tried) >= MAX_VARIANT_LOOKUPS:
        return None
    if word in speaker_titles() or word in speaker_descriptions() or word in org_name_words():
        tried[word] = ""
        return None  # "Republican", "Democrats": words, not a misspelt surname
    found = ""
    for key, name in full.items():
        if key[:2] != word[:2] or abs(len(key) - len(word)) > 1 or key == word:
            continue
        if key == word + "s" or word == key + "s" or key in speaker_titles() or key in org_name_words():
            continue
        if _edits(word, key, 1) <= 1:
            if found and found != name:
                found = ""  # two people it may be: neither
                break
            found = name
    tried[word] = found
    return found or None


def _edits(a: str, b: str, reach: int) -> int:
    """The edit distance of ``a`` and ``b`` (letters added, dropped or changed), or ``reach + 1``
    once it is sure to exceed ``reach``."""
    if abs(len(a) - len(b)) > reach:
        return reach + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > reach:
            return reach + 1
        prev = cur
    return prev[-1]


@dataclass(frozen=True, slots=True)
class _RunInfo:
    """What :func:`scan_names` reads of a capitalised run that depends on its words alone."""

    name: str  # :func:`clean_name`
    person: bool
    n_words: int  # words of the name
    first: str  # its first word and last word, as :func:`strip_dot` gives them
    last: str
    upper: bool  # the run is in capitals (a heading, perhaps)
    titled: bool  # the run has words before the name (titles)
    title_before: bool  # the word before the name's last is a title or role ("Mr. Obama")
    single: bool  # one word, and the name is that word
    roles: tuple[str, ...]  # the roles its titles give ("Sen." -> "senator")


@lru_cache(maxsize=65536)
def _run_info(run: str, speakers: bool = False) -> _RunInfo | None:
    """The :class:`_RunInfo` of a capitalised run, ``None`` for no name (empty, in lower case,
    or titles only). (Cached: an article names the same runs again and again, and so do a
    corpus's articles.)"""
    name, person = clean_name(run, speakers)
    words = name.split()
    if speakers and person and _caps_label(words):
        # "JUST WATCHED Vale reflects on ...", "MUST WATCH Cybersecurity experts ...": a
        # label in capitals before a name in title case is no part of it (quotes only, since
        # quotes.v17)
        words = words[1:]
        name = " ".join(words)
    titles = speaker_titles()
    if not (name and words and words[0][:1].isupper() and not all(strip_dot(w) in titles for w in words)):
        return None
    parts = run.split()
    if speakers and person and _adjective_of_place(parts, words):
        return None  # "Senior Iranian diplomats", "Top U.S. officials" (since quotes.v7)
    roles: list[str] = []
    for t in parts[: len(parts) - len(words)]:
        for part in strip_dot(t).split("-"):
            if titles.get(part) == "role":
                roles.append(part)
            elif part in TITLE_ROLE:
                roles.append(TITLE_ROLE[part])
    return _RunInfo(
        name,
        person,
        len(words),
        strip_dot(words[0]),
        strip_dot(words[-1]),
        run.isupper(),
        len(parts) > len(words),
        len(parts) > 1 and title_kind(parts[-2]) in ("title", "role"),
        len(words) == 1 and len(parts) == 1,
        tuple(roles),
    )


def _caps_label(words: Sequence[str]) -> bool:
    """Whether a person's name read from a run opens with a word in capitals of four letters
    or more, all letters, before a word in title case ("WATCHED Vale", "UPDATE Ana Ruiz"):
    a page's label (a video link, an update's tag), not a given name, which news writes in
    title case beside a surname in title case (since quotes.v17)."""
    if len(words) < 2:
        return False
    w, nxt = words[0], words[1]
    return len(w) >= 4 and w.isalpha() and w.isupper() and nxt[:1].isupper() and not nxt.isupper()


@lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    """Adjectives of places as written ("Iranian", "South Korean", "U.S."; the ``demonyms``
    lexicon, since quotes.v7)."""
    return frozenset(lexicons.load("demonyms").entries)


#: titles that make the next word a person's name even when it is an adjective of a place
#: ("Mr. French"); "senior", "former", "acting" and the like describe a noun as well
_NOT_HONORIFIC = frozenset({"deputy", "vice", "acting", "former", "interim", "assistant", "associate", "senior"})


def _adjective_of_place(parts: Sequence[str], words: Sequence[str]) -> bool:
    """Whether a person's name read from a capitalised run is an adjective of a place before a
    noun: the name ends in a demonym ("Iranian", "South Korean", "U.S."), and what stands
    before the demonym says it is no surname: a title that describes ("Senior Iranian",
    "Former Israeli"; not an honorific or a role: "Mr. French"), a word that opens sentences
    ("Some Chinese", "Top U.S."; not a given name: "David French"), or nothing, for a demonym
    of two words ("South Korean"). A lone demonym of one word stays what it was: it may be the
    surname of a name given in full earlier ("Mona Iraqi ... Iraqi said")."""
    names = demonyms()
    # the demonym: the last two words, else the last one (most names: neither)
    if len(words) >= 2 and f"{words[-2]} {words[-1]}" in names:
        cut = 2
    elif words and words[-1] in names:
        cut = 1
    else:
        return False
    described = False
    titles = speaker_titles()
    for t in parts[: len(parts) - len(words)]:
        for part in strip_dot(t).split("-"):
            kind = titles.get(part)
            if kind == "role" or (kind == "title" and part not in _NOT_HONORIFIC):
                return False
            described = described or kind == "title"
    before = [strip_dot(w) for w in words[:-cut]]
    if before:
        openers = sentence_openers()
        return all(w in openers or w in _BEFORE_DEMONYM for w in before)
    return described or cut == 2


#: words that open a sentence before an adjective of a place ("Top U.S. officials") and are
#: no given name (with the ``sentence-openers`` lexicon)
_BEFORE_DEMONYM = frozenset({"top", "leading", "prominent", "fellow", "veteran", "local"})


#: an apposition that gives a role: ", the health minister," / ", a spokeswoman for X,"
_ROLE_APPOSITION = re.compile(r",\s+(?:(?:the|a|an|its|his|her)\s+)?((?:[\w'’.-]+\s+){0,4}?)([a-z]+)\b")

#: words before a role in lower case that make the name after it an object or another's
#: office ("counselor to the president X", "a talk with minister X"; since quotes.v11)
_ROLE_OBJECT_BEFORE = frozenset({"to", "of", "for", "with", "by", "from", "at", "on", "in", "and", "or", "as"})

#: an apposition of a determiner or a possessive, up to three modifiers and a head noun that
#: ends it (a comma, a full stop) or that a preposition follows: ", Obama's former campaign
#: strategist,", ", a senior policy adviser for the group"
_HEADED_APPOSITION = re.compile(
    r",\s+(?:the|a|an|its|his|her|their|[A-Z][\w.\-]*['’]s)\s+(?:[a-z][\w\-]*['’]s\s+)?"
    r"(?:(?!(?:who|which|that|whose|and|or|but|is|was|has|had)\b)[a-z][\w\-]*\s+){0,3}"
    r"([a-z]+)(?=[,.;]|\s+(?:for|of|at|to|in|with|on)\b)"
)

#: words before a place or a body, not a person ("Dina Farrow of Leeds, who ..., said")
_PLACE_WORDS = frozenset({"of", "from", "in", "at", "for", "to", "near", "outside", "inside", "across"})

#: prepositions whose object a name right after them is, not a subject (lower case as written)
_PREPOSITIONS = frozenset({"on", "of", "for", "from", "with", "by", "at", "to", "about", "against", "into"})

#: words that may stand between a subject and its reporting verb ("Ruiz later added")
_BEFORE_VERB = frozenset({"also", "later", "then", "again", "previously", "recently", "once", "had", "has", "have"})


def _may_be_agent(text: str, toks: Sequence[tuple[int, int, str]], a: int, j: int) -> bool:
    """A quick test that :func:`_agent` can be true (it is only when this is): a reporting verb,
    a word of ``_BEFORE_VERB``, a comma or a bracket right after the name, or a reporting verb
    or a comma right before it."""
    if j + 1 < len(toks):
        gap = text[toks[j][1] : toks[j + 1][0]]
        if "," in gap or "(" in gap:
            return True
        w = strip_dot(toks[j + 1][2])
        if w in reporting_cues() or w in _BEFORE_VERB:
            return True
    if a > 0:
        return strip_dot(toks[a - 1][2]) in reporting_cues() or "," in text[toks[a - 1][1] : toks[a][0]]
    return False


#: a dateline's place in capitals: "EASTMERE, March 3 (Wire) -", "EASTMERE, Northland -"
_DATELINE_REST = re.compile(r",[^\n.;]{0,40}?(?:\(|[-–—]|\d)")


_HEADING_LOOKBACK = 24


def _heading_caps(text: str, run: str, start: int, end: int) -> bool:
    """A run in capitals opening a line that is no name anybody speaks under: a masthead or
    slogan of two or more words ("THE HARBOUR POST ~ ..."), or a dateline's place
    ("EASTMERE, March 3 (Wire) - ..."). One word in capitals that opens a line otherwise
    ("NATO said") stays a name."""
    if not run.isupper():
        return False  # a lower-case letter in some word (most runs: "Ana Ruiz")
    words = run.split()
    if not all(w.isupper() and sum(c.isalpha() for c in w) >= 2 for w in words):
        return False
    # what stands between the line's start and the run: looked for only a few characters
    # back (a determiner in capitals), so a long line of many runs costs no more than a short
    lo = max(0, start - _HEADING_LOOKBACK)
    k = text.rfind("\n", lo, start)
    if k < 0 and lo > 0:
        return False  # more than a few words from the start of its line
    before = text[k + 1 if k >= 0 else lo : start].split()
    if before and not all(w.isupper() for w in before):
        return False  # not at the start of a line (a determiner in capitals may open it)
    return len(words) + len(before) >= 2 or _DATELINE_REST.match(text, end) is not None


def _agent(text: str, toks: Sequence[tuple[int, int, str]], a: int, j: int) -> bool:
    """Whether the name of tokens ``a``..``j`` is the subject of a reporting verb, though it
    may not open its sentence: the verb follows it ("Plant manager Ana Ruiz said"), after a
    party tag ("Jim Jordan (R-Ohio) told") or an apposition between commas ("Ana Ruiz, 52,
    of Leeds, who owns the shop, said"); it follows an inverted cue after a comma or a
    quotation ('..., noted NBC's Dante Chinni'); or it follows an opening phrase's comma and
    a verb in -ed follows it ("On Tuesday, Ruiz criticized"). Up to 40 words after the name,
    within its sentence."""
    if _verb_after(text, toks, j):
        # not the object of a preposition ("the Commission on Presidential Debates announced",
        # "a spokesman for Ana Ruiz said": since quotes.v4)
        return a == 0 or text[toks[a - 1][1] : toks[a][0]] != " " or toks[a - 1][2] not in _PREPOSITIONS
    if a == 0:
        return False
    cues = reporting_cues()
    before = text[toks[a - 1][1] : toks[a][0]]
    if before == " " and strip_dot(toks[a - 1][2]) in cues and a > 1:
        # not a possessive: "..., said Ivanka Trump's statement ..." (since quotes.v4)
        if toks[j][2].endswith(("'s", "’s")):
            return False
        if strip_dot(toks[a - 1][2]) in _TOLD:
            return False  # "Dagny Sorrel, told Radio Tamm:": whom she told (since quotes.v16)
        return text[toks[a - 2][1] : toks[a - 1][0]].strip()[-1:] in (",", '"', "”", "’")
    if before.strip() == "," and j + 1 < len(toks) and text[toks[j][1] : toks[j + 1][0]] == " ":
        w = toks[j + 1][2]
        if (w in _BEFORE_VERB or (w.endswith("ly") and w.islower())) and j + 2 < len(toks):
            w = toks[j + 2][2]  # "In his interview, Ryan also hammered" (since quotes.v5)
        return w.islower() and len(w) > 3 and w.endswith("ed")
    return False


#: verbs whose object after them is the listener, never the speaker
_TOLD = frozenset({"told", "tell", "tells", "telling"})


def _described_subject(text: str, toks: Sequence[tuple[int, int, str]], a: int, j: int) -> bool:
    """Whether the name of tokens ``a``..``j`` is its sentence's subject after a description
    that opens the sentence ("Florida developer Mel Sembler expressed dismay", "Democratic
    front-runner Hillary Clinton caused a stir"): at most four words before it, joined by
    spaces or hyphens to the sentence's start, and a verb in -ed right after it."""
    if j + 1 >= len(toks) or text[toks[j][1] : toks[j + 1][0]] != " ":
        return False
    v = toks[j + 1][2]
    return v.islower() and len(v) > 3 and v.endswith("ed") and _after_description(text, toks, a)


#: the most words of a role that opens a sentence before an apposed name
_ROLE_OPENING_WORDS = 5


def _apposed_subject(text: str, toks: Sequence[tuple[int, int, str]], a: int, j: int) -> bool:
    """Whether the name of tokens ``a``..``j`` is its sentence's subject as an apposition
    between commas to a role that opens the sentence, with a verb after the closing comma
    ("Cleanway's managing director, Gareth Lyle, claims the offer is fair", "The union's
    chair, Ana Ruiz, warned ..."; since quotes.v16): up to five words before the first comma,
    joined by spaces, the last a role or title of ``speaker-titles`` or a person's
    description of ``speaker-descriptions`` ("Its regional organiser, Fern Castellane,
    said"), and a reporting verb or a verb in -ed right after the second."""
    if a == 0 or j + 2 >= len(toks) or text[toks[a - 1][1] : toks[a][0]] != ", ":
        return False
    if text[toks[j][1] : toks[j + 1][0]] != ", ":
        return False
    w = strip_dot(toks[j + 1][2])
    if w in _BEFORE_VERB:
        w = strip_dot(toks[j + 2][2])
    if not toks[j + 1][2].islower() or not (w in reporting_cues() or (len(w) > 3 and w.endswith("ed"))):
        return False
    head = strip_dot(toks[a - 1][2])
    if speaker_titles().get(head) not in ("role", "title") and speaker_descriptions().get(head) not in (
        "person",
        "unnamed",
    ):
        return False
    k = a - 1
    while k > 0 and a - k < _ROLE_OPENING_WORDS and text[toks[k - 1][1] : toks[k][0]] == " ":
        k -= 1
    return k == 0 or _char_before(text, toks[k][0]) in '.!?"”\n' or _after_line_break(text, toks[k][0])


def _after_description(text: str, toks: Sequence[tuple[int, int, str]], a: int) -> bool:
    """Whether token ``a`` follows a description of at most four words that opens its sentence
    ("Former Arizona governor Jan Brewer"), no verb or function word among them."""
    k = a
    cues = reporting_cues()
    while k > 0 and a - k < 4 and text[toks[k - 1][1] : toks[k][0]] in (" ", "-"):
        w = strip_dot(toks[k - 1][2])
        if w in cues or w.endswith("ed") or w in DETERMINERS or w in SMALL:
            return False  # "Broaddrick said Clinton placed ...": a clause, not a description
        k -= 1
    return (
        k < a
        and (k == 0 or _char_before(text, toks[k][0]) in '.!?"”\n' or _after_line_break(text, toks[k][0]))
        and toks[k][2][:1].isupper()
    )


def _verb_after(text: str, toks: Sequence[tuple[int, int, str]], j: int) -> bool:
    """Whether a reporting verb follows token ``j``, right after it or past a party tag in
    brackets or an apposition between commas (see :func:`_agent`)."""
    cues = reporting_cues()
    k = j + 1
    n = len(toks)
    if k < n and "(" in text[toks[j][1] : toks[k][0]]:
        close = text.find(")", toks[j][1], toks[j][1] + 40)
        while close >= 0 and k < n and toks[k][0] < close:
            k += 1
    if k >= n:
        return False
    gap = text[toks[k - 1][1] : toks[k][0]]
    if gap.strip() == "":
        w = strip_dot(toks[k][2])
        if w in _BEFORE_VERB and k + 1 < n:
            w = strip_dot(toks[k + 1][2])
        return w in cues and toks[k][2][:1].islower()
    if "," not in gap:
        return False
    # an apposition: the reporting verb right after the comma that closes it
    for i in range(k, min(n, k + 40)):
        if toks[i][0] - toks[i - 1][1] == 1 and text[toks[i][0] - 1] == " ":
            continue
        gap = text[toks[i - 1][1] : toks[i][0]]
        if any(c in gap for c in '.;!?"“”\n'):
            return False
        if "," in gap and i > j + 1:
            w = strip_dot(toks[i][2])
            if w in _BEFORE_VERB and i + 1 < n:
                w = strip_dot(toks[i + 1][2])
            if w in cues:
                return True
    return False


def _start(tok: tuple[int, int, str]) -> int:
    return tok[0]


# "her" and "him" are left out: as objects they so often name someone else ("agreed with her")
HE_WORDS = {"he", "his", "himself", "mr"}
SHE_WORDS = {"she", "hers", "herself", "mrs", "ms", "miss"}


def genders(
    text: str,
    toks: list[tuple[int, int, str]],
    people: list[tuple[int, str]],
    tok_starts: list[int] | None = None,
) -> dict[str, str]:
    """Each person's pronouns, as the article uses them: after a mention, up to the end of its
    sentence or the next person named, "he"/"his" count for "m" and "she"/"her" for "f" (and
    a "Mr."/"Ms." just before the name); the majority wins. ``tok_starts``: the start offsets
    of ``toks``, when the caller has them."""
    starts = {pos: name for pos, name in people}
    votes: dict[str, list[int]] = {}
    if tok_starts is None:
        tok_starts = [t[0] for t in toks]
    n = len(toks)
    k = 0
    for pos, name in people:
        k = bisect_left(tok_starts, pos, k)  # the first token at or after the mention
        v = votes.setdefault(name, [0, 0])
        if k > 0:
            title = strip_dot(toks[k - 1][2])
            v[0] += title in HE_WORDS
            v[1] += title in SHE_WORDS
        if k >= n:
            continue
        prev_end = toks[k][1]
        # since quotes.v19 a possessive "his" waits for a "he" or "she" in the sentence: "Mayor
        # Ilse Varga accepted his resignation and said she ..." is hers (not one opening the
        # next sentence: "... a book in his pocket. She was ..." is often another's)
        weak = ""
        for start, end, word in toks[k + 1 : k + 40]:
            gap = text[prev_end:start]
            prev_end = end
            # (most gaps are one space: no break in them)
            if (gap != " " and ("\n" in gap or ". " in gap)) or start in starts:
                # "Marta Keel runs a bakery. She said ...": a next sentence opening with a pronoun
                w = word.lower()
                if not weak and ". " in gap and "\n" not in gap and w in ("he", "she"):
                    weak = w
                break
            w = word.lower()
            if w in _WEAK_WORDS:
                weak = weak or w
                continue
            if w in _GENDER_WORDS:  # the first pronoun after the name only
                weak = w
                break
        if weak:
            v[0] += weak in HE_WORDS
            v[1] += weak in SHE_WORDS
    return {n: ("m" if m > f else "f") for n, (m, f) in votes.items() if m != f}


_GENDER_WORDS = frozenset(HE_WORDS | SHE_WORDS)
#: a possessive: often the object's owner, another person ("accepted his resignation")
_WEAK_WORDS = frozenset({"his"})


#: abbreviated titles and the role a later "the ..." names them by
TITLE_ROLE = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "gen": "general",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "prof": "professor",
    "dr": "doctor",
    "lt": "lieutenant",
    "adm": "admiral",
    "maj": "major",
    "del": "delegate",
}
#: capitalised words that are never part of a name: days and months
NOT_NAMES = frozenset(
    {  # "May", "March" and "June" are names too: left out
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "april",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)


APPOSITION = re.compile(r",\s+(?:\d{1,3}\b|who\b|the\s|a\s|an\s|[A-Za-z]+['’]s\s|its\s|his\s|her\s)")
