"""Direct quotations: what was said, who said it, and the words that introduced it.

:func:`article_quotes` reads one cleaned article (a pure function of the record) and returns
every direct quotation as a :class:`~newsprism.model.Quote` with character spans of the quoted
words, the speaker mention and the cue, plus the quoted words that are *not* quotations (scare
quotes, titles of works, nicknames) as :class:`QuotedTerm` for the framing stage, and notes on
unbalanced marks. :func:`group_quotes` finds the same quotation in several articles and says
how each rendered it (verbatim, trimmed, altered with a character diff).

How (``quotes.v14``, rules over the text; no parser, no model; v2 added the speaker rules
marked "since quotes.v2" in ``docs/quotes.md``: a clause's subject, descriptions of the
``speaker-descriptions`` lexicon, one-word names that speak, gender from first names first;
v3 those marked "since quotes.v3": organisations by their last word, a sentence-opening
gerund no part of a name, roles from appositions with a possessive, the gender of a one-word
given name, and a last resort for "he"/"she"; v4 those marked "since quotes.v4": "he"/"she"
to the nearer subject whose gender nothing shows when the last one of the pronoun's gender
was named in an earlier paragraph, and no subject right after a preposition or in the
possessive after an inverted cue; v5 those marked "since quotes.v5": a participle's main
clause subject, places, middle names and suffixes, the quoted speaker of unknown gender for
"he"/"she", documents resolved to their issuer; v6 those marked "since quotes.v6": the subject
after an opening participle phrase, a name and a colon before a quotation inside a paragraph,
a person introduced with a role apposition for the "he"/"she" of the next paragraph, a
surname spelt another way, the asker of a question after "was asked"; v7: an adjective of a
place before a noun is no person, ``names.scan_names``; v8 those marked "since quotes.v8": the
nearer person of the pronoun's gender, the one person of the sentence before, "the authority";
v9: "the company" after a public body names the business named before it; v10: "it", "they"
and "its" name the organisation that opens their sentence or the one before, a role word an
organisation whose name opens with it, and a role before an apposed full name gives the name;
v11: a role tied to the person an article introduced with it; v12: "it" right after a cue and
before "was"/"is" ('said it was "..."') is the reported clause's subject, never the speaker;
v13 those marked "since quotes.v13": a role's whole mention (determiner, possessor,
capitalised qualifiers, head), a spokesperson's organisation, a possessor's role kept as
written, a one-name titled person for the role its title gives; v14: "it" with any auxiliary
after a cue, "said it had been / would be '...'", is the reported clause's subject, and an
adjective of a nation, "a French spokesman", names no organisation (``demonyms.v2``)):

- **Marks**: :func:`newsprism.text.quote_spans` finds the double-mark quotations (straight,
  curly, low-9 and guillemets; quotations over several paragraphs; nesting; inch marks).
  Paragraphs with no double marks are searched for single-mark quotations (``'We will,' she
  said``) whose marks stand at word edges and that have a cue next to them.
- **Quotation or term**: quoted words are a quotation when they are three words or more, or
  when a cue stands right next to them (``"No," she said``). Shorter ones are terms: a
  ``nickname`` inside a name or after "dubbed"/"known as", a ``title`` after "titled"/"book"/
  "report" or written in title case, a ``speaker`` word when a speaker's reporting verb
  stands in its sentence (saying she felt "exhilarated": the speaker's word, quoted), else a
  ``scare`` quote. A long quotation in title case after a title word is a title too.
- **Cue and speaker**: in the quotation's sentence, outside any quotation, the nearest
  reporting verb (the ``reporting-verbs`` lexicon) after a quotation ending in a comma
  (``"...," she said`` / ``said Smith``), else before it (``Smith said: "..."``,
  ``Smith said that "..."``), else "according to X" anywhere in the sentence, else a labelling
  verb before a partial quotation (``called the plan "a betrayal"``). The speaker is the noun
  phrase on the verb's other side: a name (titles of ``speaker-titles`` taken off), a pronoun,
  a role ("the minister", "a spokeswoman for the council") or a group ("officials").
- **One speaker per quotation**, resolved within the article: a surname to the fullest name
  the article gave before ("Stoltenberg" -> "Jens Stoltenberg"); ``he``/``she`` to the person
  last named as a sentence's subject or a reporting verb's ("Plant manager Ana Ruiz said ...",
  "..., noted NBC's Dana Holt") or last quoted, whom the pronoun fits (the article's own
  pronouns and titles, else the ``first-names`` lexicon; one shown to be of the pronoun's gender
  within ``PRONOUN_REACH`` first), else the person named last; ``it``/``they`` to the organisation
  that opens their sentence or the one before, else the organisation or group that spoke
  last; a role to the name it was given earlier ("Health Minister Ana Ruiz ... the minister
  said" -> "Ana Ruiz"; "the company" -> the organisation named last); a paragraph
  that is one quotation with no cue continues the previous paragraph's speaker. What the
  article does not say stays ``None``.

Limits: English; gender comes from the article and from common first names only (``she``
may resolve to the last man who spoke when neither says); a name
that opens a sentence with a capitalised word before it ("Despite Smith said") is read from
the last capitalised run; a role the article never tied to a name stays as written ("a
spokeswoman for the council"); quotations in single marks need a cue next to them. Linear in
the length of the article (the context of each quotation is bounded by its sentence and
``CONTEXT_CHARS``).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import accumulate
from operator import itemgetter

from . import names as _article_names
from .model import Article, FramingMark, Quote, QuoteGroup, QuoteVariant, Span
from .text import fold_spelling, plural, quote_spans, word_list


# the article's names: shared with the entities stage (newsprism.names)
def _clean_name(text: str) -> tuple[str, bool]:
    """:func:`newsprism.names.clean_name` as the quotes stage reads names (places, middle names
    and suffixes since quotes.v5)."""
    return _article_names.clean_name(text, True)


_cues = _article_names.reporting_cues
_DETERMINERS = _article_names.DETERMINERS
_is_cap = _article_names.is_cap
_Names = _article_names.ArticleNames
_openers = _article_names.sentence_openers
_scan_names = _article_names.scan_names
_SMALL = _article_names.SMALL
_strip_dot = _article_names.strip_dot
_title_kind = _article_names.title_kind
_titles = _article_names.speaker_titles
_descriptions = _article_names.speaker_descriptions

QUOTES_VERSION = "quotes.v19"

#: how far from a quotation's marks a cue and speaker are looked for (characters)
CONTEXT_CHARS = 200
#: how far back (characters) a person shown to be of a pronoun's gender is preferred to a
#: nearer person whose gender the article does not show
PRONOUN_REACH = 1500
#: quoted words shorter than this are a term (scare quote, title, nickname) unless a cue is next to them
MIN_QUOTE_WORDS = 3
#: a quotation shorter than MIN_QUOTE_WORDS needs its cue within this many words before it
#: (or six after it)
SHORT_CUE_WORDS = 12
#: quoted text longer than this (or longer than half of a long article) is not read as a quotation
MAX_QUOTE_CHARS = 4000
#: an unclosed quotation longer than this is taken for a stray mark, not a quotation
MAX_UNCLOSED_CHARS = 1200
TERM_KINDS = ("scare", "speaker", "title", "nickname")

_MARKS = "\"“”„«»‘’'‚‹›"
_PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group", "i": "self"}
_TITLE_CUES = {
    "titled",
    "entitled",
    "headlined",
    "book",
    "report",
    "film",
    "album",
    "song",
    "documentary",
    "show",
    "novel",
    "article",
    "essay",
    "poem",
    "play",
    "series",
    "podcast",
    "column",
    "op-ed",
    "editorial",
    "paper",
    "study",
    "campaign",
    "slogan",
    "programme",
    "program",
    "exhibition",
    "motto",
    "hashtag",
}
_NICKNAME_CUES = {"dubbed", "nicknamed", "known as", "aka", "a.k.a.", "called himself", "called herself"}
_NICKNAME_ENDS = tuple(sorted(_NICKNAME_CUES))  # (for str.endswith)
_LABEL_VERBS = {
    "called",
    "calls",
    "calling",
    "described",
    "describes",
    "describing",
    "labelled",
    "labeled",
    "branded",
    "termed",
    "characterized",
    "characterised",
    "hailed",
    "denounced",
    "decried",
    "condemned",
    "praised",
    "slammed",
    "blasted",
    "criticized",
    "criticised",
    "dismissed",
    "blamed",
    "urged",
    "promised",
    "pledged",
}
_STOP_AFTER_VERB = {
    "in",
    "on",
    "at",
    "that",
    "to",
    "during",
    "after",
    "before",
    "when",
    "while",
    "with",
    "as",
    "by",
}


@dataclass(frozen=True, slots=True)
class QuotedTerm:
    """Words in quotation marks that are not a quotation: ``kind`` is ``scare`` (distance from
    a word or label), ``speaker`` (one word a speaker said, quoted after a reporting verb: not
    the writer's distance), ``title`` (of a work) or ``nickname``. ``span`` covers the words inside
    the marks. For the framing stage (a scare quote is a framing mark)."""

    article: str
    sentence: int
    span: Span
    text: str
    kind: str
    #: the quoted words with their quotation marks
    marked: Span | None = None


@dataclass(frozen=True, slots=True)
class ArticleQuotes:
    """What :func:`article_quotes` found in one article."""

    quotes: tuple[Quote, ...]
    terms: tuple[QuotedTerm, ...] = ()
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------------------------------------
# finding the marks


_SINGLE_MARK = re.compile("['‘’]")
_START = itemgetter(0)
_END = itemgetter(1)


def _single_spans(para: str) -> list[tuple[int, int]]:
    """Single-mark quotations of a paragraph with no double marks: an opening ‘ or ' at a word's
    start (after a space or the paragraph start) and a closing ’ or ' after a word or
    punctuation and before a space, punctuation or the end. Marks inside words (apostrophes)
    are skipped; a closing mark after "s" counts only before punctuation (``the Smiths' house``)."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for m in _SINGLE_MARK.finditer(para):
        i, ch = m.start(), m.group()
        prev = para[i - 1] if i else " "
        nxt = para[i + 1] if i + 1 < len(para) else " "
        if start is None:
            if ch != "’" and (prev.isspace() or prev in "(—–:") and nxt.isalnum():
                start = i
        elif ch != "‘" and (prev.isalnum() or prev in ".,!?;") and not nxt.isalnum():
            if prev == "s" and nxt.isspace() and ch == "'" and i - start < 4:
                continue
            spans.append((start, i + 1))
            start = None
    return spans


def _spans(text: str) -> tuple[list[tuple[int, int, bool, bool]], list[str]]:
    """Quotation spans ``(start, end, closed, single)``, marks included, and notes."""
    notes: list[str] = []
    out: list[tuple[int, int, bool, bool]] = []
    for s, e in quote_spans(text):
        closed = text[e - 1] in _MARKS and e - s >= 2
        out.append((s, e, closed, False))
    # paragraphs without double marks: single-mark quotations
    base = 0
    paras = text.split("\n")
    # the paragraphs (their numbers) where a double-mark quotation starts, by bisection over
    # the paragraphs' start offsets (not by counting line breaks from the start for each)
    para_starts = list(accumulate((len(p) + 1 for p in paras[:-1]), initial=0))
    have = {bisect_right(para_starts, s) - 1 for s, _, _, _ in out}
    for n, para in enumerate(paras):
        if n not in have and ("'" in para or "‘" in para) and not any(c in para for c in '"“”„«»'):
            out.extend((base + s, base + e, True, True) for s, e in _single_spans(para))
        base += len(para) + 1
    out.sort()
    return out, notes


# ---------------------------------------------------------------------------------------------
# noun phrases next to a cue


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    text: str
    kind: str  # name | pronoun | role | group | desc (a description: "the candidate", "the statement")


_AGE = re.compile(r"\d{1,3}-year-old$")
#: determiners that open a description of a speaker: "the" for someone the article named
#: ("the candidate"), the others for someone it does not ("one user", "a source")
_DESC_DETERMINERS = frozenset({"the", "this", "a", "an", "one", "another"})


def _desc_kind(word: str) -> str | None:
    """The ``speaker-descriptions`` kind of a description's head word ("candidate" ->
    ``person``, "statement" -> ``document``), ``person`` for an age ("46-year-old")."""
    lw = _strip_dot(word)
    if _AGE.match(lw):
        return "person"
    return _descriptions().get(lw)


def _desc_before(text: str, toks: list[tuple[int, int, str]], k: int) -> _Mention | None:
    """A description that ends with token ``k``, its head ("the billionaire businessman",
    "The New York businessman", "the Wisconsin Republican", "one user"): up to five words
    back to its determiner, joined by spaces or hyphens."""
    if k < 0 or _desc_kind(toks[k][2]) is None:
        return None
    i = k
    while i > 0 and k - i < 5:
        if text[toks[i - 1][1] : toks[i][0]] not in (" ", "-"):
            return None
        i -= 1
        lw = _strip_dot(toks[i][2])
        if lw in _DESC_DETERMINERS:
            return _Mention(toks[i][0], toks[k][1], text[toks[i][0] : toks[k][1]], "desc")
        if lw in _cues() or lw in _LABEL_VERBS or lw in _STOP_AFTER_VERB or lw in _AUXILIARIES or lw in _PRONOUNS:
            return None
    return None


def _gap_after(text: str, toks: list[tuple[int, int, str]], k: int) -> str:
    """The characters between token ``k`` and the next token; after the last token of
    ``toks`` (often a slice of the sentence's words), the next two characters only (", " or
    ") "), not the rest of the article."""
    return text[toks[k][1] : toks[k + 1][0] if k + 1 < len(toks) else min(len(text), toks[k][1] + 2)]


def _np_before(text: str, toks: list[tuple[int, int, str]], k: int) -> _Mention | None:
    """The noun phrase that ends with token ``k`` (the subject before a cue verb), skipping one
    adverb in -ly and an apposition between commas ("Smith, the minister, said")."""
    while k >= 0 and not _is_cap(toks[k][2]) and (toks[k][2].lower().endswith("ly") or toks[k][2] in _BEFORE_VERB):
        k -= 1  # "Ruiz angrily said", "Ruiz once described", "Ruiz has said"
    if _progressive_role(toks, k):
        k -= 1  # "Gary Ruiz's doctor is calling": the role before "is" (since quotes.v13)
    # a party and state after a name: "Jim Jordan, R-Ohio, said", "Jason Chaffetz (R-Utah) said"
    k0 = k
    while k >= 1 and (_PARTY.match(toks[k][2]) or ")" in _gap_after(text, toks, k)):
        opening = text.rfind("(", toks[0][0], toks[k][0] + 1)
        if ")" in _gap_after(text, toks, k) and opening >= 0:
            k = max((i for i in range(k) if toks[i][1] <= opening), default=-1)
        else:
            k -= 1
        if k < 0:
            return None
    if k >= 1 and toks[k][2].lower() in ("and", "but", "then") and _looks_like_verb(toks[k - 1][2]):
        k -= 2  # "Ana Ruiz apologised and blamed": the first verb's subject
    if k < 0:
        return None
    # an apposition: "NAME, the minister, said" -> NAME; over several commas, the name that
    # opens the clause ("Scott Pruitt, the attorney general of Oklahoma, one of the states
    # suing the EPA, said" -> Scott Pruitt, not "EPA"), else the nearest
    if k + 1 < len(toks) and (
        "," in text[toks[k][1] : toks[k + 1][0]]
        or (k0 > k and "," in _gap_after(text, toks, k0) and _object_name(toks, k))
    ):
        # (a comma after a party tag closes an apposition too: "Elizabeth Lauten, the
        # communications director for Rep. Stephen Fincher (R-Tenn.), wrote", since quotes.v5)
        nearest: _Mention | None = None
        lead: _Mention | None = None
        i = k
        first: int | None = None
        for _ in range(5):
            top = i
            while i > 0 and top - i < 15 and "," not in text[toks[i - 1][1] : toks[i][0]]:
                if any(c in text[toks[i - 1][1] : toks[i][0]] for c in _CLAUSE_EDGE):
                    i = 0
                    break
                i -= 1
            first = i if first is None else first
            if not (i > 0 and "," in text[toks[i - 1][1] : toks[i][0]]):
                break
            head = _np_before(text, toks[:i], i - 1)
            i -= 1
            if head is None or head.kind != "name":
                continue
            h = next((x for x in range(i, -1, -1) if toks[x][0] == head.start), 0)
            p = h - 1 if h > 0 and _strip_dot(toks[h - 1][2]) == "the" else h
            if p > 0 and _strip_dot(toks[p - 1][2]) in _OBJECT_OF:
                continue  # "In a statement to the Observer, her adviser, Jake Sullivan, said"
            nearest = nearest or head
            if h == 0 or any(c in text[toks[h - 1][1] : toks[h][0]] for c in _CLAUSE_EDGE):
                lead = head
                break
        if lead is not None or nearest is not None:
            chosen = lead or nearest
            assert chosen is not None
            apposed = _apposed_name(text, toks, first, k, chosen)
            return apposed or chosen
    w = toks[k][2]
    lw = _strip_dot(w)
    if lw.endswith("'s") and lw[:-2] in _PRONOUNS:  # "He's claiming"
        w, lw = w[:-2], lw[:-2]
    if lw in _PRONOUNS and lw != "i":
        return _Mention(toks[k][0], toks[k][0] + len(w), w, "pronoun")
    if _is_cap(w) and _desc_kind(w) is not None and "," not in _gap_after(text, toks, k):
        desc = _desc_before(text, toks, k)  # "the Wisconsin Republican said"
        if desc is not None:
            return desc
    if _is_cap(w):
        i = k
        while i > 0:
            prev = toks[i - 1][2]
            gap = text[toks[i - 1][1] : toks[i][0]]
            if gap.strip() not in ("", "-"):
                break
            if _is_cap(prev) or (_strip_dot(prev) in _SMALL and i - 1 > 0 and _is_cap(toks[i - 2][2])):
                i -= 1
                continue
            break
        while i < k and (_strip_dot(toks[i][2]) in _openers() or _strip_dot(toks[i][2]) in _SMALL):
            i += 1
        # "Ettore Brisca of the Civic Left called": the person before the affiliation
        back = i - 1
        if back >= 0 and _strip_dot(toks[back][2]) == "the":
            back -= 1
        if back >= 1 and _strip_dot(toks[back][2]) in ("of", "from", "at") and _is_cap(toks[back - 1][2]):
            head = _np_before(text, toks[:back], back - 1)
            if head is not None and head.kind == "name" and _clean_name(head.text)[1]:
                return head
        if _strip_dot(toks[i][2]) in _openers() or _strip_dot(toks[i][2]) in _DETERMINERS:
            return None
        return _Mention(toks[i][0], toks[k][1], text[toks[i][0] : toks[k][1]], "name")
    # a role or group in lower case: "the minister", "a spokeswoman for the council", "officials"
    titles = _titles()
    i = k
    while i > 0 and k - i < 6:
        prev = _strip_dot(toks[i - 1][2])
        gap = text[toks[i - 1][1] : toks[i][0]]
        if gap.strip() not in ("", "-", "'s", "’s"):
            break
        if prev in _cues() or prev in _LABEL_VERBS or _is_cap(toks[i - 1][2]):
            break
        i -= 1
        if prev in _DETERMINERS:
            break
    words = [_strip_dot(t[2]) for t in toks[i : k + 1]]
    if not any(w in titles or w.rstrip("s") in titles for w in words) and not (
        words and words[-1].endswith("s") and len(words) <= 3 and words[-1] in _GROUPS
    ):
        # "for the council" after a role: "a spokeswoman for the council said"; else a
        # description right before its verb: "the candidate said", "The New York businessman
        # said" (not "... run by the book, said ...")
        return _desc_before(text, toks, k) if "," not in _gap_after(text, toks, k) else None
    while i < k and _strip_dot(toks[i][2]) in _openers() and _strip_dot(toks[i][2]) not in _DETERMINERS:
        i += 1
    # the whole role mention (since quotes.v13): up to its head, the last role word ("a letter
    # from his doctor Friday afternoon that says" -> "his doctor"), and back over the
    # capitalised qualifiers or possessor that a determiner or a possessive opens ("A
    # Brightwater spokesperson", "the Trump adviser", "Korvania's coast guard chief")
    while k > i and _strip_dot(toks[k][2]) in _AUXILIARIES:
        k -= 1  # "his senior staff and", "the chairman is"
    h = _role_head(toks, i, k, titles)
    if any(t[2][:1].isupper() for t in toks[h + 1 : k + 1]):
        k = h  # "his doctor Friday afternoon": a name after the role ends it
    i = _role_qualifiers(text, toks, i)
    end_word = _strip_dot(toks[k][2])  # (the word the mention ends at now, not "would" in "the leaders would")
    kind = "group" if end_word.endswith("s") and end_word not in titles else "role"
    return _Mention(toks[i][0], toks[k][1], text[toks[i][0] : toks[k][1]], kind)


_PROGRESSIVE = frozenset({"is", "was", "are", "were"})


def _progressive_role(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether token ``k`` is "is", "was", "are" or "were" between a role in lower case and a
    cue in -ing ("the doctor is calling the candidate "fit""), which the role is the subject of."""
    return (
        0 < k < len(toks) - 1
        and toks[k][2] in _PROGRESSIVE
        and toks[k + 1][2].endswith("ing")
        and _title_kind(_strip_dot(toks[k - 1][2])) == "role"
    )


def _role_head(toks: list[tuple[int, int, str]], i: int, k: int, titles: dict[str, str]) -> int:
    """The last token from ``i`` to ``k`` that is a role or title word (or a group's), the head
    of a role mention; ``k`` when there is none."""
    for h in range(k, i - 1, -1):
        w = _strip_dot(toks[h][2])
        if w in titles or w.rstrip("s") in titles or w in _GROUPS:
            return h
    return k


def _role_qualifiers(text: str, toks: list[tuple[int, int, str]], i: int) -> int:
    """The first token of a role mention whose words in lower case start at token ``i``, taken
    back over up to three capitalised words right before them when a determiner opens them
    ("A Brightwater spokesperson", "a Justice Department spokesman", "the Trump adviser") or
    they end in a possessive ("Korvania's coast guard chief", "Gary Ruiz's doctor", "the
    Mayor's spokesman"); ``i`` otherwise (since quotes.v13)."""
    if i == 0 or _strip_dot(toks[i][2]) in _DETERMINERS:
        return i
    if text[toks[i - 1][1] : toks[i][0]] != " ":
        return i
    possessive = toks[i - 1][2].endswith(("'s", "’s", "'", "’"))
    j = i
    while j > 0 and i - j < 3:
        gap = text[toks[j - 1][1] : toks[j][0]]
        if not _is_cap(toks[j - 1][2]) or (j < i and gap not in (" ", "-")):
            break
        j -= 1
        if _strip_dot(toks[j][2]) in _DETERMINERS:
            return j  # "A Brightwater spokesperson": a capitalised determiner opens the run
    if j == i:
        return i
    if j > 0 and _strip_dot(toks[j - 1][2]) in ("the", "a", "an") and text[toks[j - 1][1] : toks[j][0]] == " ":
        return j - 1
    if not possessive or (j > 0 and _is_cap(toks[j - 1][2]) and text[toks[j - 1][1] : toks[j][0]] == " "):
        return i  # (a longer capitalised run: read as written)
    while j < i - 1 and _strip_dot(toks[j][2]) in _openers():
        j += 1  # "But McCabe's lawyers"
    return j


def _apposed_name(
    text: str, toks: list[tuple[int, int, str]], first: int | None, k: int, head: _Mention
) -> _Mention | None:
    """For "The MP for Brisk, Hanna Quell, said": the person's name between the commas when
    the words before them name only a role (one word once places are taken off, a role or
    title of ``speaker-titles`` or an abbreviation in capitals: "MP", "CEO") and the name
    between the commas is a person's of two words or more (since quotes.v10)."""
    if first is None or first > k or first == 0 or "," not in text[toks[first - 1][1] : toks[first][0]]:
        return None
    role, _ = _clean_name(head.text)
    words = role.split()
    raw = head.text.split()
    if len(raw) >= 2 and raw[0].endswith(_POSSESSIVE_END) and len(raw) <= 4:
        # "Ambria's First Minister, Casimir Loed, said": a possessor's role (since quotes.v16)
        words = raw[-1:]
    if len(words) != 1 or not (_title_kind(_strip_dot(words[0])) in ("role", "title") or words[0].isupper()):
        return None
    if not all(_is_cap(t[2]) for t in toks[first : k + 1]):
        return None
    name, person = _clean_name(text[toks[first][0] : toks[k][1]])
    if not person or len(name.split()) < 2:
        return None
    return _Mention(toks[first][0], toks[k][1], text[toks[first][0] : toks[k][1]], "name")


def _object_name(toks: list[tuple[int, int, str]], k: int) -> bool:
    """Whether the capitalised run that ends with token ``k`` is a preposition's object ("for
    Rep. Stephen Fincher"), not a clause's subject ("in Berea, OH, ..., Gov. John Kasich")."""
    i = k
    while i > 0 and _is_cap(toks[i - 1][2]):
        i -= 1
    return i > 0 and _strip_dot(toks[i - 1][2]) in _OBJECT_OF


_GROUPS = {
    "officials",
    "critics",
    "aides",
    "experts",
    "analysts",
    "residents",
    "witnesses",
    "protesters",
    "police",
    "authorities",
    "investigators",
    "prosecutors",
    "lawmakers",
    "leaders",
    "activists",
    "organisers",
    "organizers",
    "scientists",
    "researchers",
    "doctors",
    "campaigners",
    "sources",
    "supporters",
    "opponents",
    "democrats",
    "republicans",
    "members",
    "parents",
    "teachers",
    "workers",
    "unions",
    "ministers",
    "diplomats",
}


def _cap_runs(text: str, toks: list[tuple[int, int, str]], idx: list[int]) -> list[tuple[int, int]]:
    """Runs of capitalised tokens among ``idx`` (consecutive token indices), as (first, last)
    token indices; "of"/"for"/"the" between two capitalised words stay inside ("Ministry of
    Health"). After a person's name and "of", the body named after it stays inside whole, "and"
    too ("said group manager Tess Harrowby of Dunmoor Fire and Rescue Service": one run, the
    person of a body, not "Rescue"; since quotes.v16), not after an organisation ("Bronx
    Chamber of Commerce President Ana Ruiz") nor a title ("Secretary of State")."""
    runs: list[tuple[int, int]] = []
    n = 0
    while n < len(idx):
        if not _is_cap(toks[idx[n]][2]):
            n += 1
            continue
        m = n
        body = False  # inside the body after a person's name and "of"
        while m + 1 < len(idx):
            w = toks[idx[m + 1]][2]
            if _is_cap(w):
                m += 1
                continue
            small = _strip_dot(w)
            if small not in _SMALL or m + 2 >= len(idx) or not _is_cap(toks[idx[m + 2]][2]):
                break
            if small == "and" and not body:
                break
            if w == "of" and not body and _person_run(text, toks, idx[n], idx[m], idx[m + 2 :]):
                body = True
            m += 1
        runs.append((idx[n], idx[m]))
        n = m + 1
    return runs


def _person_run(text: str, toks: list[tuple[int, int, str]], a: int, b: int, after: list[int]) -> bool:
    """Whether the capitalised words ``a`` to ``b``, before "of" and the capitalised words
    ``after`` it, are a person's name of two or three words: no title, role or organisation
    word among them, a given name of the ``first-names`` lexicon first or a role or title
    right before ("station manager Tess Harrowby"), and no title or role after "of" ("Bronx
    Chamber of Commerce President Ana Ruiz": an organisation before a person)."""
    if not 1 <= b - a <= 2:
        return False
    for x in range(a, b + 1):
        w = toks[x][2]
        if not _is_cap(w) or _title_kind(_strip_dot(w)) is not None:
            return False
    if _article_names._given_gender(toks[a][2]) is None and (
        a == 0 or _title_kind(_strip_dot(toks[a - 1][2])) not in ("title", "role")
    ):
        return False
    if any(_title_kind(_strip_dot(toks[x][2])) in ("title", "role") for x in after):
        return False
    name, person = _clean_name(text[toks[a][0] : toks[b][1]])
    return person and len(name.split()) == b - a + 1


def _name_mention(text: str, toks: list[tuple[int, int, str]], a: int, b: int) -> _Mention:
    """The name of tokens ``a`` to ``b`` (a run of :func:`_cap_runs`) as a mention: the whole
    run's span, and, for a person's name before "of" and a body ("Ted Marmor of Yale
    University", "Tess Harrowby of Dunmoor Fire and Rescue"), the person's name as its words
    (since quotes.v16; before, a run whose last word names an organisation was read as that
    organisation)."""
    for x in range(a + 2, min(a + 4, b)):
        if toks[x][2] == "of" and _person_run(text, toks, a, x - 1, list(range(x + 1, b + 1))):
            return _Mention(toks[a][0], toks[b][1], text[toks[a][0] : toks[x - 1][1]], "name")
    return _Mention(toks[a][0], toks[b][1], text[toks[a][0] : toks[b][1]], "name")


def _np_after(text: str, toks: list[tuple[int, int, str]], k: int, limit: int) -> _Mention | None:
    """The noun phrase starting at token ``k`` (the speaker after an inverted cue: "said
    Smith", "said union leader Ana Ruiz", "according to the ministry", "said a spokeswoman
    for the council")."""
    if k >= len(toks) or toks[k][0] >= limit:
        return None
    w = toks[k][2]
    lw = _strip_dot(w)
    if lw.endswith("'s") and lw[:-2] in _PRONOUNS:  # "He's claiming"
        w, lw = w[:-2], lw[:-2]
    if lw in _PRONOUNS and lw != "i":
        return _Mention(toks[k][0], toks[k][0] + len(w), w, "pronoun")
    while k + 1 < len(toks) and toks[k][2].isdigit() and _gap_after(text, toks, k).strip() in ("", "/"):
        k += 1  # "said 9/11 widow Terry Strada"
    if toks[k][2].isdigit():
        return None
    idx: list[int] = []
    j = k
    while j < len(toks) and toks[j][0] < limit and j - k < 9:
        if j > k and text[toks[j - 1][1] : toks[j][0]].strip() not in ("", "-", "'s", "’s"):
            break
        lw = _strip_dot(toks[j][2])
        if not _is_cap(toks[j][2]) and (lw in _STOP_AFTER_VERB - {"for"} or lw in _cues()):
            break
        idx.append(j)
        j += 1
    if not idx:
        return None
    runs = _cap_runs(text, toks, idx)
    if runs:
        a, b = runs[0] if runs[0][0] == k else runs[-1]
        if a == k and len(runs) > 1:
            # "CGL secretary general Marta Oddone": the last run when a title leads to it
            between = [_strip_dot(toks[x][2]) for x in range(runs[0][1] + 1, runs[-1][0])]
            if between and all(_title_kind(x) in ("title", "role") or x in _DETERMINERS for x in between):
                a, b = runs[-1]
            elif 1 <= len(between) <= 3 and all(_is_description(x) for x in between):
                # "MSNBC host Chris Matthews", "Clinton's campaign manager Robby Mook": a
                # description between an organisation (or a possessive) and a person's name
                last = text[toks[runs[-1][0]][0] : toks[runs[-1][1]][1]]
                name, person = _clean_name(last)
                if person and len(name.split()) >= 2:
                    a, b = runs[-1]
        if a > k and _strip_dot(toks[k][2]) in _DESC_DETERMINERS and _desc_kind(toks[b][2]) is not None:
            desc = _desc_before(text, toks, b)  # "said the Wisconsin Republican"
            if desc is not None and desc.start == toks[k][0]:
                return desc
        tail = [_strip_dot(toks[x][2]) for x in idx if x > b]
        if (
            tail
            and (_title_kind(tail[0]) in ("role", "org") or tail[0] in _GROUPS)
            and _strip_dot(toks[k][2]) in _DETERMINERS
        ):
            # "the NATO chief", "the Kremlin spokesman": a role qualified by a name
            return _Mention(toks[k][0], toks[b + 1][1], text[toks[k][0] : toks[b + 1][1]], "role")
        if toks[b][2].endswith(("'s", "’s", "'", "’")) and (a == k or _strip_dot(toks[k][2]) in ("the", "a", "an")):
            # "said Korvania's coast guard chief": a role after a possessor, the whole mention
            # (since quotes.v13; before, the possessor's name)
            lower = [x for x in idx if x > b]
            lower = lower[: next((n for n, x in enumerate(lower) if _is_cap(toks[x][2])), len(lower))]
            if lower:
                h = _role_head(toks, lower[0], lower[-1], _titles())
                if _title_kind(_strip_dot(toks[h][2])) == "role":
                    while (
                        h + 2 <= lower[-1]
                        and toks[h + 1][2] == "of"
                        and toks[h + 2][2].islower()
                        and not _looks_like_verb(toks[h + 2][2])
                    ):
                        h += 2  # "Pell's chief of staff"
                    nxt = h + 1
                    if nxt < len(toks) and text[toks[h][1] : toks[nxt][0]].strip() == ",":
                        # "said Rubio's communications director, Alex Conant": the name in apposition
                        runs = _cap_runs(text, toks, list(range(nxt, min(nxt + 4, len(toks)))))
                        if runs and runs[0][0] == nxt and _clean_name(text[toks[nxt][0] : toks[runs[0][1]][1]])[1]:
                            a, b = runs[0]
                            return _name_mention(text, toks, a, b)
                    return _Mention(toks[k][0], toks[h][1], text[toks[k][0] : toks[h][1]], "role")
        before = _strip_dot(toks[a - 1][2]) if a > k else ""
        if before in ("for", "of", "at", "from", "with", "the") and a > k:
            # "a spokeswoman for the Ministry of Health": the role, with its organisation
            return _Mention(toks[k][0], toks[b][1], text[toks[k][0] : toks[b][1]], "role")
        while a < b and _strip_dot(toks[a][2]) in _openers():
            a += 1  # "When Trump finally wrapped up", "But Cruz would not": the name
        return _name_mention(text, toks, a, b)
    head = -1
    for x in idx:
        lw = _strip_dot(toks[x][2])
        if _title_kind(lw) or _title_kind(lw.rstrip("s")) or lw in _GROUPS:
            head = x
    if head < 0:
        # a description: "said the gambling tycoon", "the statement said"
        if _strip_dot(toks[k][2]) in _DESC_DETERMINERS:
            for x in idx[1:6]:
                if _desc_kind(toks[x][2]) is not None:
                    return _desc_before(text, toks, x)
        return None
    # "the association's chair, Gideon Pratt": the name in apposition
    nxt = head + 1
    if nxt < len(toks) and toks[nxt][0] < limit + 80 and text[toks[head][1] : toks[nxt][0]].strip() == ",":
        runs = _cap_runs(text, toks, list(range(nxt, min(nxt + 4, len(toks)))))
        if runs and runs[0][0] == nxt and _clean_name(text[toks[nxt][0] : toks[runs[0][1]][1]])[1]:
            a, b = runs[0]
            return _name_mention(text, toks, a, b)
    kind = "group" if _strip_dot(toks[head][2]) in _GROUPS else "role"
    return _Mention(toks[k][0], toks[head][1], text[toks[k][0] : toks[head][1]], kind)


_AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "be", "has", "had", "have", "will", "would", "can", "could", "should", "may", "might"}
    | {"must", "did", "does", "do", "not", "and", "or", "but", "who", "which", "that"}
)


def _is_description(w: str) -> bool:
    """A lower-case word that can describe a person before the name ("host", "campaign",
    "political"): not a verb form in -ed or -s, not an auxiliary or a conjunction."""
    return w.islower() and w not in _AUXILIARIES and not _looks_like_verb(w) and w not in _cues()


#: prepositions whose object is no subject ("in a statement to the Observer, ...")
_OBJECT_OF = frozenset({"to", "of", "for", "with", "by", "from", "at", "in", "on", "into", "about"})

#: characters between two words that end a clause for an apposition's subject: a sentence's
#: end, a quotation mark (the quoted words are left out of the words), a colon
_CLAUSE_EDGE = '.;:!?"“”\n'
_PARTY = re.compile(r"^[RDI]-[A-Z][\w.]*$")

#: what ends the clause of a reporting verb before a quoted word
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:as|while|but|whereas|although)\b")

#: a transcript's speaker label opening a paragraph: "PENCE: ...", "Mr. SMITH: ..."
_TRANSCRIPT = re.compile(r"[ \t]*((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s)?[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,2}):\s")
#: a speaker label opening the quoted words of a transcript quoted as a block: '"PENCE: Well, ...',
#: '"Chris Matthews: Seriously, ...'
_LABEL_INSIDE = re.compile(r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s)?[A-Z][\w'’.\-]+(?:\s[A-Z][\w'’.\-]+){0,2}):\s")


#: a name and a colon right before a quotation: 'Clinton: "Our goal ..."'
_LABEL_BEFORE = re.compile(r"(?<![\w'’.\-])((?:[A-Z][\w'’.\-]*\s){0,3}[A-Z][\w'’.\-]*):[ \t]?$")


def _label_before(text: str, names: _Names, para_start: int, s: int) -> _Mention | None:
    """A person's name and a colon right before the quotation at ``s`` ('Clinton: "..."'),
    after the paragraph's start, a sentence's end, a dash or a bracket, or after a short
    description that opens the paragraph ("Former secretary of state Hillary Rodham
    Clinton:"); a reporting verb before the name is left out ("Said Ellis:"). ``None``
    otherwise: "He said of Congress:", "Williams added about Carson:" (since quotes.v6)."""
    lm = _LABEL_BEFORE.search(text, max(para_start, s - 80), s)
    if lm is None or lm.end() != s:
        return None
    start = lm.start(1)
    first = text[start : text.find(" ", start, lm.end(1)) if " " in text[start : lm.end(1)] else lm.end(1)]
    if _strip_dot(first) in _cues() and start + len(first) < lm.end(1):
        start += len(first) + 1  # "Said Ellis:", "Added Gibbs:"
    pre = text[max(para_start, start - 120) : start].rstrip()
    if pre and pre.rstrip("\"”'’")[-1:] not in tuple(".!?-–—)]"):
        if start - para_start > 120:
            return None  # a description that opens the paragraph is short
        pre_words = [_strip_dot(w) for w in pre.split()]
        if (
            len(pre_words) > 6
            or any(c in pre for c in ',.;:"“”')
            or not pre[:1].isupper()
            or pre_words[-1] in _OBJECT_OF
            or any(w in _cues() or w in _PRONOUNS for w in pre_words)
        ):
            return None
    return _label_mention(text, start, lm.end(1), names, True)


def _label_mention(text: str, start: int, end: int, names: _Names, known: bool) -> _Mention | None:
    """A transcript's speaker label as a name mention, in title case when written in capitals
    ("WALLACE" -> "Wallace", which resolves to the article's "Chris Wallace"). With ``known``
    the label must name a person the article gives in full, or label two turns of the
    transcript ("VIDEO:" and "UPDATE:" once do not)."""
    label = text[start:end]
    name = " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in label.split())
    if known:
        clean, person = _clean_name(name)
        words = clean.split()
        if not person or not words:
            return None
        if len(words) < 2 and _strip_dot(words[-1]) not in names.full and text.count(label + ":") < 2:
            return None
    return _Mention(start, end, name, "name")


def _last(items: Sequence[tuple[int, str]], before: int) -> str | None:
    best = None
    for pos, name in items:
        if pos >= before:
            break
        best = name
    return best


# ---------------------------------------------------------------------------------------------
# the extractor


def _sentence_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            lo = mid + 1
        else:
            hi = mid
    return max(lo - 1, 0)


def _looks_like_verb(w: str) -> bool:
    """A past or present verb form that can introduce speech ("fumed", "lectures")."""
    lw = w.lower()
    return not _is_cap(w) and len(lw) > 3 and (lw.endswith("ed") or (lw.endswith("s") and not lw.endswith("ss")))


def _verb_next(text: str, words: list[tuple[int, int, str]], first: int, hi: int) -> tuple[int | None, _Mention | None]:
    """A speech verb the lexicon lacks, right after a quotation that ends in a comma: "...,"
    Mayor Ana Ruiz lectured councillors / "...," fumed office worker Dean Hollis."""
    if first >= len(words):
        return None, None
    if _looks_like_verb(words[first][2]):
        m = _np_after(text, words, first + 1, hi)
        if m is not None and m.kind in ("name", "role"):
            return first, m
        return None, None
    m = _np_after(text, words, first, hi)
    if m is None or m.kind == "group":
        return None, None
    nxt = next((i for i, w in enumerate(words) if w[0] >= m.end), None)
    if nxt is not None and words[nxt][0] - m.end <= 2 and _looks_like_verb(words[nxt][2]):
        return nxt, m
    return None, None


def _known_person(mention: str, names: _Names) -> bool:
    """A name that is a person's: two words or more, or a surname the article gave in full
    ("Japan's goal will ..." names no one)."""
    name, person = _clean_name(mention)
    words = name.split()
    if not person or not words:
        return False
    if len(words) >= 2:
        # not a sentence opener or a gerund before a name: "Under Florida law", "Many
        # Americans", "Bashing Trump" (since quotes.v2)
        first = _strip_dot(words[0])
        return first not in _openers() and not (first.endswith("ing") and first not in _article_names.first_names())
    return _strip_dot(words[0]) in names.full or _strip_dot(words[0]) in names.lone


#: lower-case words that can follow a sentence's subject as (the start of) its verb phrase
_VERB_WORDS = frozenset(
    {"would", "will", "was", "is", "has", "had", "have", "did", "does", "do", "could", "can", "should", "might", "may"}
    | {"also", "then", "later", "again", "once", "still", "now", "even", "never", "went", "got", "put", "took", "gave"}
    | {"made", "spoke", "wrote", "told", "said", "says", "began", "came", "kept", "let", "sent", "set", "won"}
)


def _issuer(
    text: str, words: list[tuple[int, int, str]], names: _Names, start: int, m: _Mention | None
) -> _Mention | None:
    """For a document the clause introduces ("Trump issued a statement saying ...", "released a
    new radio ad calling ..."), the subject of the clause that issued it; else ``m``."""
    if m is None or m.kind != "desc" or m.text.split()[0].lower() not in ("a", "an"):
        return m
    if _desc_kind(m.text.split()[-1]) != "document":
        return m
    who = _clause_subject(text, words, names, start, m.start)
    if who is None:
        # an organisation: "The ministry issued a statement saying ..."
        who = _subject(text, words, start, m.start)
        who = who if who is not None and who.kind == "name" else None
    return who or m


def _clause_subject(
    text: str, words: list[tuple[int, int, str]], names: _Names, start: int, limit: int
) -> _Mention | None:
    """The person who is the subject of a clause between ``start`` and ``limit`` (a quotation's
    start or its cue): "he", "she" or "they" opening the sentence, the sentence's subject
    (:func:`_subject`), else a name or "he"/"she"/"they" that opens a clause after a comma
    ("Immediately after the attacks, Trump issued a statement, "..."") and is followed by a
    verb (a form in -ed or -s, an auxiliary, a reporting verb), the first such. A name must be
    a person's the article gives (:func:`_known_person`)."""
    first = next((i for i, w in enumerate(words) if w[0] >= start), None)
    if first is not None:  # "He then implied that ...": a pronoun opens the sentence
        m = _pronoun_subject(text, words, first, limit)
        if m is not None:
            return m
    m = _subject(text, words, start, limit)
    if m is not None and m.text.endswith(("'s", "’s")):
        return None  # "Zuckoff's book is described as ...": the name is no subject
    if m is not None and ((m.kind == "name" and _known_person(m.text, names)) or m.text.lower() in ("he", "she")):
        return m
    for i, w in enumerate(words):
        if w[0] < start or w[1] > limit or i == 0 or "," not in _gap_after(text, words, i - 1):
            continue
        m = _np_after(text, words, i, limit)
        if (
            m is None
            or m.text.endswith(("'s", "’s"))
            or not ((m.kind == "name" and _known_person(m.text, names)) or m.text.lower() in ("he", "she", "they"))
        ):
            continue
        if _verb_follows(text, words, m, limit):
            return m
    return None


def _verb_follows(text: str, words: list[tuple[int, int, str]], m: _Mention, limit: int) -> bool:
    """Whether a verb follows the mention ``m`` right after it, before ``limit``: a form in -ed
    or -s, an auxiliary, a reporting verb, after one adverb in -ly."""
    end = m.end
    party = _PARTY_TAG.match(text, end)
    if party is not None:
        end = party.end()  # "Rep. Hakeem Jeffries (D-N.Y.) reacted", "Jim Jordan, R-Ohio, said"
    nxt = next((k for k in range(len(words)) if words[k][0] >= end), None)
    if nxt is None or words[nxt][1] > limit or text[end : words[nxt][0]].strip():
        return False
    v = words[nxt][2]
    if v.lower().endswith("ly") and nxt + 1 < len(words) and words[nxt + 1][1] <= limit:
        v = words[nxt + 1][2]
    lv = _strip_dot(v)
    return not _is_cap(v) and (_looks_like_verb(v) or lv in _VERB_WORDS or lv in _cues()) and lv not in _NOUN_CUES


#: "it" and an auxiliary after a cue ("it was", "it is", "it's", since quotes.v14 also "it had
#: been", "it would be", "it will", "it has", "it could not", "it'd", "it won't"): the subject of
#: the reported clause that introduces the quotation ('said it was "a dark day"', 'said it had
#: been "a dark day"'), never its speaker (since quotes.v12)
_IT_IS = re.compile(
    r"it(?:\s+(?:was|is|were|has|had|have|will|would|shall|should|can|could|may|might|must|does|did)"
    r"(?:n['’]t)?\b|\s+(?:cannot|won['’]t|can['’]t)|['’](?:s|d|ll)\b)",
    re.I,
)

#: a party tag after a name: " (D-N.Y.)", ", R-Ohio,"
_PARTY_TAG = re.compile(r"\s*(?:\([RDI]-[A-Z][\w.]*\)|,\s*[RDI]-[A-Z][\w.]*,)")


def _pronoun_subject(text: str, words: list[tuple[int, int, str]], i: int, limit: int) -> _Mention | None:
    """ "he", "she" or "they" at word ``i`` followed by a verb: a clause's subject."""
    w = words[i]
    if w[1] > limit or w[2].lower() not in ("he", "she", "they"):
        return None
    m = _Mention(w[0], w[1], w[2], "pronoun")
    return m if _verb_follows(text, words, m, limit) else None


def _subject(text: str, words: list[tuple[int, int, str]], start: int, limit: int) -> _Mention | None:
    """The subject of the sentence starting at ``start``: the name or pronoun that opens it
    (after an opening phrase up to a comma: "On Monday, Ruiz said ..."), when a lower-case
    word (its verb) follows it before ``limit``."""
    idx = [i for i, w in enumerate(words) if start <= w[0] < limit]
    if not idx:
        return None
    f = idx[0]
    if _strip_dot(words[f][2]) in _openers():
        f = next((i + 1 for i in idx[:-1] if "," in _gap_after(text, words, i)), f)
    m = _np_after(text, words, f, limit)
    if m is None or m.kind not in ("name", "pronoun") or (m.kind == "name" and not _clean_name(m.text)[1]):
        return None
    nxt = next((i for i, w in enumerate(words) if w[0] >= m.end), None)
    if nxt is None or words[nxt][1] > limit:
        return None
    if m.kind == "name" and text[m.end : words[nxt][0]].strip() == ",":
        return m  # "Piet Dahl, the opposition leader, rejected ...": a name and its apposition
    if _is_cap(words[nxt][2]) or _strip_dot(words[nxt][2]) in (_SMALL | _DETERMINERS | _STOP_AFTER_VERB):
        return None
    return m


#: how far before a participle cue its main clause's subject is looked for (since quotes.v5)
PARTICIPLE_REACH = 600

#: words that open a phrase before a sentence's subject ("In his interview with Fox News, Ryan
#: ...", "After the vote, the senator ..."), besides the ``sentence-openers`` lexicon
_PHRASE_OPENERS = frozenset(
    {"in", "on", "at", "after", "before", "during", "since", "with", "without", "for", "from", "by", "as"}
    | {"following", "despite", "amid", "while", "when", "speaking", "asked", "pressed", "responding"}
)


def _participle_subject(
    text: str, names: _Names, inside: list[tuple[int, int]], open_at: list[int], start: int, cue: int
) -> _Mention | None:
    """The subject of the main clause of a participle cue after a comma ("Sen. Bernie Sanders
    (I-Vt.) on Saturday criticized the accord ..., saying", "The Florida senator sought to calm
    his supporters ..., saying", "Asked whether ..., Mr. Santorum did not back down, saying",
    "..., Nefzi said, adding"), read from ``start`` (the sentence's start, at most
    ``PARTICIPLE_REACH`` characters back) to the cue at ``cue``: past opening phrases that end
    in a comma, the first noun phrase (a name, a pronoun, a role or a description after "the")
    that a verb or an apposition follows. ``None`` when the clause has no such subject (since
    quotes.v5)."""
    words = _outside(names, inside, open_at, max(start, cue - PARTICIPLE_REACH), cue)
    if len(words) < 2:
        return None
    last = len(words) - 1
    # "..., Nefzi said, adding" / "..., said Nefzi, adding": the reporting verb's speaker
    if _strip_dot(words[last][2]) in _cues():
        m = _np_before(text, words, last - 1)
        if m is not None and m.kind in ("name", "role") and not text[m.end : words[last][0]].strip():
            return m
    for j in range(max(0, last - 4), last):
        if _strip_dot(words[j][2]) in _cues() and _strip_dot(words[j][2]) not in _TELL:  # not "told O'Reilly"
            m = _np_after(text, words, j + 1, cue)
            if m is not None and m.kind == "name" and m.end >= words[last][1]:
                return m
    return _main_subject(text, words)


#: auxiliaries of a passive "asked" ("Trump was asked, "..."")
_PASSIVE = frozenset({"was", "were", "is", "are", "been", "being", "be"})

#: words that open a phrase of a participle before the main clause ("After saying ...,")
_OPENING_PARTICIPLE = frozenset({"after", "before", "while", "since", "upon", "by", "without", "when", "in"})


def _after_opening(
    text: str,
    words: list[tuple[int, int, str]],
    ci: int,
    sent_start: int,
    first_after: int,
    e: int,
    hi: int,
    content: str,
) -> _Mention | None:
    """For a participle cue that opens the sentence after "After", "While", "Before"...
    ("After saying her foot was "so swollen I could barely get my shoe on," she was ..."):
    the name or pronoun right after the comma that closes the opening phrase, once the
    quotation is over; ``None`` otherwise (since quotes.v6)."""
    if not words[ci][2].endswith("ing"):
        return None
    f = ci
    if ci > 0 and _strip_dot(words[ci - 1][2]) in _OPENING_PARTICIPLE:
        f = ci - 1
        if f > 0 and _plain_opener(_strip_dot(words[f - 1][2])):
            f -= 1  # "And in explaining why ..., Clinton described"
    elif not words[ci][2][:1].isupper():
        return None  # "Acknowledging that Trump "says a lot of stupid stuff," though, Allen did"
    if (f > 0 and words[f - 1][1] > sent_start) or text[sent_start : min(words[f][0], sent_start + 20)].strip(
        " \"“'‘("
    ):
        return None  # the phrase must open the sentence
    for k in range(first_after, min(len(words), first_after + 8)):
        # (the quotation's own last character counts before its first word after)
        gap = text[words[k - 1][1] : words[k][0]] if k > first_after else content.rstrip()[-1:] + text[e : words[k][0]]
        if "," in gap:
            m = _np_after(text, words, k, hi)
            if m is not None and m.start == words[k][0] and m.kind in ("name", "pronoun"):
                return m
            if k + 1 < len(words) and "," in text[words[k][1] : words[k + 1][0]] and words[k][2].islower():
                continue  # '..., stuff," though, Allen did': one word between two commas
            return None
        if any(c in gap for c in ".;:!?"):
            return None
    return None


def _main_subject(text: str, words: list[tuple[int, int, str]]) -> _Mention | None:
    """The subject of the main clause of the sentence whose words (up to some point) are
    ``words``: it opens the sentence, or follows an opening phrase and its comma ("On
    Friday,", "In his interview with Fox News,", "Asked whether he was suggesting ...,",
    "Speaking at a town hall in Salem, New Hampshire,"): the first noun phrase after one of the
    first three commas that a verb or an apposition follows (since quotes.v5)."""
    if not words:
        return None
    cue = words[-1][1] + 1
    last = len(words) - 1
    starts = [0, *[i + 1 for i in range(last) if "," in _gap_after(text, words, i)][:3]]
    for f in starts:
        lw = _strip_dot(words[f][2])
        while f < last and _plain_opener(lw) and "," not in _gap_after(text, words, f):
            f += 1  # "But Trump said", "And then the senator"
            lw = _strip_dot(words[f][2])
        if f == 0 and lw in _OPENING_PREPOSITIONS:
            m = _subject_after_phrase(text, words, cue)
            if m is not None:
                return m
        if lw in _PHRASE_OPENERS or _plain_opener(lw):
            continue
        if _is_cap(words[f][2]) and lw.endswith(("ing", "ed")) and lw not in _article_names.first_names():
            continue  # "Asked whether ...,", "Speaking to reporters,"
        m = _np_after(text, words, f, cue)
        if m is not None and _opens_at(words, f, m) and _heads_clause(text, words, f, m):
            return m
    return None


#: prepositions that open a sentence with a phrase of place or time before its subject, with
#: or without a comma ("In Wednesday's speech the senator also took ...")
_OPENING_PREPOSITIONS = frozenset({"in", "on", "at", "after", "before", "during", "following", "amid"})


def _subject_after_phrase(text: str, words: list[tuple[int, int, str]], cue: int) -> _Mention | None:
    """For a sentence that opens with a preposition's phrase and no comma after it ("In
    Wednesday's speech the senator also took a swipe at ..., calling"): "the" and a role or
    description, or "he" or "she", from the third word on, before any comma, that its verb
    follows; ``None`` otherwise (since quotes.v17: the subject was not read, and the participle
    went to the object before it)."""
    for g in range(2, min(8, len(words) - 1)):
        if "," in _gap_after(text, words, g - 1) or any(c in _gap_after(text, words, g - 1) for c in ";:"):
            return None
        if words[g][2] not in ("the", "he", "she"):
            continue  # (a name may end the phrase: "with the station Geo News in 2017")
        m = _np_after(text, words, g, cue)
        if m is None or m.start != words[g][0] or m.kind not in ("pronoun", "role", "desc"):
            continue
        if _heads_clause(text, words, g, m):
            return m
    return None


def _plain_opener(lw: str) -> bool:
    """A word that opens a sentence before its subject ("but", "meanwhile"): of the
    ``sentence-openers`` lexicon, no determiner or pronoun ("The senator", "He") and none of the
    prepositions that open a phrase up to a comma."""
    return lw in _openers() and lw not in _DETERMINERS and lw not in _PRONOUNS and lw not in _PHRASE_OPENERS


def _opens_at(words: list[tuple[int, int, str]], f: int, m: _Mention) -> bool:
    """Whether the noun phrase ``m`` opens at word ``f``: only capitalised words, determiners,
    titles, roles and descriptions before it ("the aide, Elizabeth Lauten"), not a verb and
    its object ("advising Williams College graduates")."""
    for w in words[f:]:
        if w[0] >= m.start:
            return True
        lw = _strip_dot(w[2])
        if not (_is_cap(w[2]) or lw in _DETERMINERS or _title_kind(lw) or _desc_kind(lw) or lw in _GROUPS):
            return False
    return True


#: past forms of common verbs that end in neither -ed nor -s: the verb after a clause's subject
#: ("The Florida senator sought to calm ...", "Trump went after Bush")
_IRREGULAR_PAST = frozenset(
    {"sought", "went", "took", "gave", "made", "spoke", "wrote", "told", "said", "began", "came", "kept", "let"}
    | {"sent", "set", "won", "met", "left", "led", "held", "brought", "thought", "felt", "stood", "ran", "saw"}
    | {"became", "fought", "struck", "hit", "cut", "put", "read", "drew", "threw", "broke", "chose", "rose"}
    | {"knew", "heard", "found", "paid", "lost", "taught", "caught", "sold", "built", "shot", "got", "sat"}
    | {"swore", "bore", "withdrew", "undertook"}
)


#: words that do not follow a sentence's subject ("Hours later, ...", "Early in his campaign, ...")
_NOT_AFTER_SUBJECT = frozenset({"later", "earlier", "ago", "last", "next", "of", "for", "from", "about", "into"})


def _heads_clause(text: str, words: list[tuple[int, int, str]], f: int, m: _Mention) -> bool:
    """Whether the noun phrase ``m`` (from word ``f``) is a clause's subject: a name, a
    pronoun, a role or "the" and a description, followed by its verb (a lower-case word that is
    no preposition or determiner; "on" or "in" before a capitalised word or a figure: "on
    Saturday criticized"), or by an apposition ("Piet Dahl, the opposition leader, rejected")."""
    if (
        m.kind in ("desc", "role")
        and m.text.split()[0].lower() not in ("the", "this")
        and not (m.kind == "role" and m.text[:1].isupper() and m.text.split()[0].endswith(_POSSESSIVE_END))
    ):
        # "a statement", "one user", "president of the Center ...": no one named; "Pell's
        # chief of staff" is someone (since quotes.v13)
        return False
    if m.kind == "group" and not m.text[:1].isupper():
        return False
    if m.text.endswith(("'s", "’s")):
        return False  # "Sanders' fundraising email ...": the name is no subject
    if m.kind == "name" and _strip_dot(m.text.split()[0]) in _openers():
        return False  # "That", "The": no name
    end = m.end
    party = _PARTY_TAG.match(text, end)
    if party is not None:
        end = party.end()  # "Sen. Bernie Sanders (I-Vt.) on Saturday criticized"
    nxt = next((i for i in range(f, len(words)) if words[i][0] >= end), None)
    if nxt is None:
        return False
    gap = text[end : words[nxt][0]].strip()
    if gap == ",":
        # "Elizabeth Lauten, the communications director for ..., wrote", "the aide, Elizabeth
        # Lauten, 31, who ..."; not "Salem, New Hampshire, Trump went"
        if m.kind == "name" and nxt < len(words) and words[nxt][2][:1].islower():
            return True  # "Cathi Herrod, president of the Center for Arizona Policy, ..."
        return m.kind in ("name", "role", "desc") and _article_names.APPOSITION.match(text, end) is not None
    if gap:
        return False
    w = words[nxt][2]
    lw = _strip_dot(w)
    if _is_cap(w) or lw in _NOT_AFTER_SUBJECT:
        return False
    if lw in ("on", "in", "at"):
        after = words[nxt + 1][2] if nxt + 1 < len(words) else ""
        return after[:1].isupper() or after[:1].isdigit()  # "on Saturday", "in March"
    if lw.endswith("ly") and nxt + 1 < len(words):
        lw = _strip_dot(words[nxt + 1][2])  # "Warren officially endorsed"
    return _looks_like_verb(lw) or lw in _VERB_WORDS or lw in _IRREGULAR_PAST or lw in _cues() or lw in _BEFORE_VERB


#: reporting verbs in -s that are plural nouns too ("Trump's late-night tweets targeting ...")
_NOUN_CUES = frozenset(
    {"tweets", "posts", "reports", "notes", "claims", "replies", "answers", "urges", "vows", "boasts", "laments"}
)
#: words between a subject and its verb ("Clinton once described", "Ruiz has said")
_BEFORE_VERB = frozenset(
    {"also", "once", "later", "then", "again", "previously", "recently", "now", "still", "first", "has", "had", "have"}
)
#: reporting verbs whose object is the one spoken to ("telling O'Reilly that ..."), not the speaker
_TELL = frozenset({"tell", "tells", "told", "telling"})


def _outside(
    names: _Names, inside: list[tuple[int, int]], open_at: list[int], lo: int, hi: int
) -> list[tuple[int, int, str]]:
    """The article's words within ``lo``..``hi`` that lie outside every quotation (``inside``,
    sorted, with ``open_at`` their starts)."""
    near = inside[max(bisect_right(open_at, lo) - 1, 0) : bisect_right(open_at, hi)]
    first, last = names.word_range(lo, hi)
    toks = names.all_tokens
    if not near or first >= last:
        return toks[first:last]
    # the quotations are sorted and do not overlap: a word is inside one when its start is, so
    # the words kept are the runs between the quotations, cut out by bisection on the starts
    starts = names._starts
    out: list[tuple[int, int, str]] = []
    k = first
    for qs, qe in near:
        a = bisect_left(starts, qs, k, last)
        out += toks[k:a]
        k = max(a, bisect_left(starts, qe, a, last))
    out += toks[k:last]
    return out


def _paragraph_subject(
    text: str, names: _Names, starts: list[int], para_start: int, inside: list[tuple[int, int]], open_at: list[int]
) -> _Mention | None:
    """The subject of the last sentence of the paragraph before ``para_start`` when it names a
    person (a name the article shows to be a person's, or a pronoun) outside any quotation,
    else ``None``."""
    if para_start < 2:
        return None
    end = len(text[: para_start - 1].rstrip())
    start = text.rfind("\n", 0, end) + 1
    last = max(starts[_sentence_of(starts, end - 1)], start) if starts else start
    words = _outside(names, inside, open_at, last, end)
    if not words or (last < words[0][0] and text[last : words[0][0]].strip()):
        return None  # the sentence opens with a quotation: its subject is no narrator's
    m = _subject(text, words, last, end)
    if m is None or (m.kind == "name" and not _known_person(m.text, names)):
        return None
    if m.kind == "pronoun" and m.text.lower() not in ("he", "she"):
        return None  # "it is hard for ...", "they" of a crowd
    return m


def _find_cue(words: list[tuple[int, int, str]], k: int, direction: int, stop: int) -> int | None:
    """Index of the first reporting-verb token from ``k`` in ``direction`` (up to ``stop``),
    leaving out infinitives ("to explain"). A form that is also a plural noun ("tweets",
    "claims") is a verb only after a name, a pronoun or a role ("Trump tweets", "the ministry
    claims"), not after a determiner or an adjective ("his late-night tweets")."""
    cues = _cues()
    titles = _titles()
    i = k
    while 0 <= i < len(words) and (words[i][0] >= stop if direction < 0 else words[i][1] <= stop):
        lw = _strip_dot(words[i][2])
        if lw in cues:
            prev = _strip_dot(words[i - 1][2]) if i else ""
            noun = lw in _NOUN_CUES and i > 0
            if noun and (_is_cap(words[i - 1][2]) or prev in _PRONOUNS or prev in titles or prev in _GROUPS):
                noun = False
            if prev != "to" and not noun:  # "would like Trump to explain his stance": no cue
                return i
        i += direction
    return None


def article_quotes(article: Article) -> ArticleQuotes:
    """Every direct quotation of ``article`` with its speaker and cue, the quoted terms that are
    not quotations, and notes (unbalanced marks)."""
    text = article.text
    spans, notes = _spans(text)
    if not spans:
        return ArticleQuotes(())
    names = _scan_names(text, [(s, e) for s, e, _, _ in spans], speakers=True)
    starts = [s.start for s in article.sentences] or [0]
    ends = [s.end for s in article.sentences] or [len(text)]
    inside = [(s, e) for s, e, _, _ in spans]
    open_at = [s for s, _ in inside]
    quotes: list[Quote] = []
    terms: list[QuotedTerm] = []
    speakers: list[tuple[int, str, str]] = []  # (position, canonical, kind person|org|group)
    prev_para_speaker: tuple[int, str | None, Span | None] | None = None
    unbalanced = 0
    for _n, (s, e, closed, _single) in enumerate(spans):
        a, b = s + 1, e - 1 if closed else e
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if not closed and b > a and text[b - 1] in _MARKS:
            b -= 1
        if b <= a:
            continue
        if not closed:
            unbalanced += 1
            if b - a > MAX_UNCLOSED_CHARS:
                notes.append(f"an opening quotation mark at character {s} never closes; not read as a quotation")
                continue
        if b - a > MAX_QUOTE_CHARS or (len(text) > 2 * MAX_QUOTE_CHARS and 2 * (b - a) > len(text)):
            notes.append(
                f"quoted text of {plural(b - a, 'character')} at character {s} is too long for a quotation; "
                "not read as one"
            )
            continue
        content = text[a:b]
        nwords = len(word_list(content))
        if nwords == 0:
            continue
        si = _sentence_of(starts, s)
        sent_start = starts[si] if article.sentences else 0
        if article.sentences:
            # the sentence where the quotation ends; when the quotation ends it, the next one too
            # (the segmenter splits '"...?" Graham asked.' after the mark)
            k_end = _sentence_of(starts, max(e - 1, s))
            if ends[k_end] <= e + 1 and k_end + 1 < len(ends):
                k_end += 1
            sent_end = ends[k_end]
        else:
            sent_end = len(text)
        para_start = text.rfind("\n", 0, s) + 1
        para_end = text.find("\n", e)
        para_end = len(text) if para_end < 0 else para_end
        lo = max(min(sent_start, s), para_start, s - CONTEXT_CHARS)
        hi = min(max(sent_end, e), para_end, e + CONTEXT_CHARS)
        # the words of the context outside every quotation
        words = _outside(names, inside, open_at, lo, hi)
        # (the words are in text order and do not overlap: those before and after the
        # quotation are a head and a tail of them)
        n_before = bisect_right(words, s, key=_END)
        first_after = bisect_left(words, e, key=_START)
        before, after = words[:n_before], words[first_after:]
        cue_i: int | None = None
        mention: _Mention | None = None
        late_limit: int | None = None
        cue_span: Span | None = None
        ends_open = content.rstrip("'’")[-1:] in ",!?" or text[b : b + 2].lstrip("\"”’'")[:1] == ","
        # 0. a dash and a name after the quotation ("..." ― Ana Ruiz) or a transcript label
        # before it (RUIZ: "...")
        dash = _DASH.match(text[e : e + 6])
        if dash and after and after[0][0] == e + dash.end():
            m = _np_after(text, words, first_after, hi)
            if m is not None and m.kind == "name":
                at = e + len(dash.group()) - len(dash.group().lstrip(" .,"))
                mention, cue_span = m, Span(at, at + 1)
        elif dash and "\n" in dash.group() and text[e : e + dash.end()].strip(" .,\n") in "―—–-":
            # the quotation ends its paragraph and the next is a dash and a name: "- Hillary
            # Clinton." / "-Michelle Marks, Philadelphia." (an attribution line)
            line_end = text.find("\n", e + dash.end())
            line_end = len(text) if line_end < 0 else line_end
            if line_end - (e + dash.end()) <= 120:
                nwords_ = names.words(e + dash.end(), line_end)
                m = _np_after(text, nwords_, 0, line_end) if nwords_ else None
                if m is not None and m.kind == "name" and m.start == e + dash.end() and _known_person(m.text, names):
                    at = e + len(dash.group().rstrip()) - 1
                    mention, cue_span = m, Span(at, at + 1)
        label_m = _TRANSCRIPT.match(text, para_start, s + 1)
        if mention is None and label_m is not None and label_m.end() <= a:
            mention = _label_mention(text, label_m.start(1), label_m.end(1), names, False)
            cue_span = Span(label_m.end(1), label_m.end(1) + 1)
        inner_m = _LABEL_INSIDE.match(text, a, b) if mention is None and text[a : a + 1].isupper() else None
        if inner_m is not None:
            # the label opens the quoted words: a transcript quoted as a block
            mention = _label_mention(text, inner_m.start(1), inner_m.end(1), names, True)
            if mention is not None:
                cue_span = Span(inner_m.end(1), inner_m.end(1) + 1)
        # 1. after the quotation: "...," she said / said Smith / the minister said
        if (
            mention is None
            and after
            and (ends_open or text[e : e + 3].strip()[:1] in (",", "") or nwords < MIN_QUOTE_WORDS)
        ):
            gap = text[e : after[0][0]]
            if gap.strip() in ("", ",", "—", "–", "-") or gap.strip() == ",":
                ci = _find_cue(words, first_after, 1, min(hi, after[0][0] + 80))
                if ci is not None and ci - first_after <= 6:
                    cue_i = ci
                    first = first_after
                    if ci == first:  # said Smith
                        mention = _np_after(text, words, ci + 1, hi)
                    else:
                        mention = _np_before(text, words, ci - 1) if ci - 1 >= first else None
                        if mention is not None and mention.start < after[0][0]:
                            mention = None
                if mention is None and content[-1:] in ",!?":
                    vi, vm = _verb_next(text, words, first_after, hi)
                    if vm is not None:
                        cue_i, mention = vi, vm
        # 2. before the quotation: Smith said: "..." / said Smith, "..." / Smith said that "..."
        # (the nearest reporting verb that has a speaker, of the three nearest)
        if cue_i is None and mention is None and before:
            k_from = n_before - 1
            for _ in range(3):
                ci = _find_cue(words, k_from, -1, lo)
                if ci is None or s - words[ci][1] > CONTEXT_CHARS:
                    break
                cue_i = ci if cue_i is None else cue_i
                m_after = _np_after(text, words, ci + 1, s) if _strip_dot(words[ci][2]) not in _TELL else None
                if (
                    m_after is not None
                    and m_after.kind in ("name", "role", "desc")
                    and _verb_follows(text, words, m_after, s)
                ) or (m_after is not None and _IT_IS.match(text, m_after.start, s)):
                    # "now said Trump had "the obligation ..."", 'asked about the levy, said it
                    # was "..."': the reported clause's subject
                    m_after = None
                m_before = _np_before(text, words, ci - 1) if ci > 0 and words[ci - 1][0] >= lo else None
                found = m_before or m_after
                if m_before is None and m_after is not None and m_after.kind in ("name", "role", "group", "pronoun"):
                    found = m_after
                if (
                    ci > 0
                    and m_after is not None
                    and m_after.kind in ("name", "role")
                    and "," in _gap_after(text, words, ci - 1)
                    and "," in text[m_after.end : m_after.end + 2]
                ):
                    # an inverted cue between commas: 'The paradox of Nancy, says Carl Anthony,
                    # historian, is that she was "..."'
                    found = m_after
                if (
                    ci > 0
                    and words[ci][2].endswith("ing")
                    and ("," in text[words[ci - 1][1] : words[ci][0]] or words[ci - 1][2] == "and")
                ):
                    # "Santorum did not back down, saying, ...", "..., calling it X and
                    # asserting that ...": the clause's subject
                    found = _subject(text, words, sent_start, words[ci][0]) or found
                found = _issuer(text, words, names, max(sent_start, lo), found)
                if found is not None:
                    cue_i, mention = ci, found
                    break
                k_from = ci - 1
        if mention is None and cue_i is not None:
            # "Trump, who previously questioned whether ... (a long clause), said Friday that
            # "..."", 'Graham said that Carson is a "good man," and said ...': the clause's subject
            # (a speaker for a quotation, looked for once the quoted words are one; it does not
            # make quoted words a quotation)
            late_limit = min(words[cue_i][0], s)
        # 3. a labelling verb before a partial quotation: Smith called the plan "a betrayal"
        label = False
        if cue_i is None and mention is None and before:
            for i in range(len(words) - 1, -1, -1):
                if words[i][1] > s or words[i][0] < lo:
                    continue
                if _strip_dot(words[i][2]) in _LABEL_VERBS:
                    m = _np_before(text, words, i - 1) if i > 0 else None
                    m = _issuer(text, words, names, max(sent_start, lo), m)
                    if i > 0 and words[i][2].endswith("ing") and "," in _gap_after(text, words, i - 1):
                        # "Perez hammered Trump, calling him a "train wreck"": the clause's subject
                        m = _clause_subject(text, words, names, max(sent_start, lo), words[i][0]) or m
                    if m is not None:
                        label, cue_i, mention = True, i, m
                    break
        # 4. a reporting verb later in the sentence: must "remain firm" in the face of ..., Smith said
        if cue_i is None and mention is None and after:
            first = first_after
            ci = _find_cue(words, first, 1, hi)
            m_before = _np_before(text, words, ci - 1) if ci is not None and ci > first else None
            if ci is not None and m_before is None and ci > first and "," in _gap_after(text, words, ci - 1):
                # an inverted cue after a comma: '... "drew well" in the primary, said Paul Beck'
                m_before = _np_after(text, words, ci + 1, hi)
                if m_before is not None and m_before.kind not in ("name", "role", "desc"):
                    m_before = None
            if ci is not None and m_before is not None:
                cue_i, mention = ci, m_before
        # 4b. a paragraph that is one quotation after a paragraph ending in a colon: that
        # paragraph's speaker ("Sanders made the following comment:" / "He said:")
        if mention is None and cue_i is None and text[para_start:s].strip() == "" and para_start >= 2:
            prev_end = len(text[: para_start - 1].rstrip())
            if text[prev_end - 1 : prev_end] == ":":
                prev_start = text.rfind("\n", 0, prev_end - 1) + 1
                lo2 = max(prev_start, prev_end - CONTEXT_CHARS)
                pwords = names.words(lo2, prev_end)
                ci = _find_cue(pwords, len(pwords) - 1, -1, lo2) if pwords else None
                m = _np_before(text, pwords, ci - 1) if ci is not None and ci > 0 else None
                if m is None and pwords:
                    # the last sentence's subject, after an opening phrase ("On July 6, Sanders ...")
                    f = max((i for i in range(len(pwords)) if i and ". " in _gap_after(text, pwords, i - 1)), default=0)
                    if _strip_dot(pwords[f][2]) in _openers():
                        f = next((i + 1 for i in range(f, len(pwords) - 1) if "," in _gap_after(text, pwords, i)), f)
                    m = _np_after(text, pwords, f, prev_end)
                    m = m if m is not None and m.kind in ("name", "pronoun") else None
                if m is not None:
                    mention = m
                    cue_span = Span(prev_end - 1, prev_end) if ci is None else Span(pwords[ci][0], pwords[ci][1])
        # 5. according to X anywhere in the sentence
        if mention is None:
            low = text[lo:hi].lower()
            k = low.find("according to ")
            if k >= 0 and not any(qs <= lo + k < qe for qs, qe in inside):
                acc = lo + k
                idx = next((i for i, w in enumerate(words) if w[0] >= acc + len("according to ")), None)
                if idx is not None:
                    m = _np_after(text, words, idx, hi)
                    if m is not None:
                        mention = m
                        cue_span = Span(acc, acc + len("according to"))
                        cue_i = None
        # 6. a quotation inside a sentence with no cue: the sentence's subject, when it names
        # someone and a verb follows ("Trump is promising lower taxes and "jobs, jobs, jobs"")
        if mention is None and cue_i is None and before and before[0][0] >= sent_start:
            f = 0  # the first of the words before
            while (
                f < len(words) - 1 and _strip_dot(words[f][2]) in _openers() and not _is_cap(words[f + 1][2][:1] or "a")
            ):
                f += 1
            m = _np_after(text, words, f, s)
            if m is not None and m.kind in ("name", "pronoun") and (m.kind != "name" or _known_person(m.text, names)):
                party = _PARTY_TAG.match(text, m.end)  # "Sen. Ted Cruz (R-Texas) on Friday lashed out" (v5)
                nxt = next((i for i, w in enumerate(words) if w[0] >= (party.end() if party else m.end)), None)
                if (
                    nxt is not None
                    and words[nxt][1] <= s
                    and party is not None
                    and _strip_dot(words[nxt][2]) in ("on", "in", "at")
                    and nxt + 1 < len(words)
                    and (words[nxt + 1][2][:1].isupper() or words[nxt + 1][2][:1].isdigit())
                ):
                    nxt += 2  # a time after the party tag: "on Friday"
                if (
                    nxt is not None
                    and nxt < len(words)
                    and words[nxt][1] <= s
                    and not _is_cap(words[nxt][2])
                    and _strip_dot(words[nxt][2]) not in (_SMALL | _DETERMINERS | _STOP_AFTER_VERB)
                ):
                    mention = m
            if mention is None:
                # the subject of a clause after an opening phrase: "To that, Kasich joked that ..."
                # (looked for once the quoted words are a quotation)
                late_limit = s
        if cue_i is not None and cue_span is None:
            cue_span = Span(words[cue_i][0], words[cue_i][1])
        # quotation or term?
        # (a description as speaker, "the statement said", is read since quotes.v2 and does not
        # make quoted words a quotation: the quotation/term decision is that of quotes.v1)
        cued = cue_span is not None and not label and mention is not None and mention.kind != "desc"
        if cued and cue_span is not None and nwords < MIN_QUOTE_WORDS:
            # a short quotation needs its cue next to it: 'said the vote was a "first step"'
            # or '"No," she said', not a reporting verb a clause away
            lo_w, hi_w = (cue_span.end, s) if cue_span.start < s else (e, cue_span.start)
            cued = len(names.words(lo_w, hi_w)) <= (SHORT_CUE_WORDS if cue_span.start < s else 6)
        kind = _term_kind(text, s, e, content, nwords, lo, cued)
        if kind == "speaker" and (cue_span is None or cue_span.end > s or _CLAUSE_BREAK.search(text, cue_span.end, s)):
            kind = "scare"  # the cue belongs to another clause ('..., Ruiz said, as the "threats" grew')
        if kind is not None:
            terms.append(QuotedTerm(article.id, si, Span(a, b), content, kind, Span(s, e if closed else b)))
            continue
        speaker: str | None = None
        speaker_span: Span | None = None
        if (
            cue_i is not None
            and cue_i > 0
            and words[cue_i][1] <= s
            and words[cue_i][2].endswith("ing")
            and ("," in _gap_after(text, words, cue_i - 1) or words[cue_i - 1][2] == "and")
        ):
            # a participle after a comma ("..., saying", "..., Nefzi said, adding"): the main
            # clause's subject, not the nearest name before the cue (since quotes.v5)
            sm = _participle_subject(text, names, inside, open_at, max(sent_start, para_start), words[cue_i][0])
            if sm is not None:
                mention = sm
        if mention is None and late_limit is not None:
            mention = _clause_subject(text, words, names, max(sent_start, lo), late_limit)
        if mention is None and cue_i is not None and words[cue_i][1] <= s:
            # "After saying her foot was "so swollen ...," she was ...": the subject after the
            # opening phrase (looked for once the quoted words are a quotation, since quotes.v6)
            mention = _after_opening(text, words, cue_i, sent_start, first_after, e, hi, content)
        if mention is None and cue_span is None:
            # a name and a colon right before the quotation inside a paragraph ('... ISIS.
            # Clinton: "Our goal is ..."', 'Pollsters agree - Carl Bialik: "..."'; looked for
            # once the quoted words are a quotation, since quotes.v6)
            label_b = _label_before(text, names, para_start, s)
            if label_b is not None:
                mention, cue_span = label_b, Span(label_b.end, label_b.end + 1)
        if mention is not None and mention.kind == "desc":
            # "the statement continued", "the IMF report stated": whoever issued it, where the
            # article says (since quotes.v5)
            mention = (
                _document_issuer(text, names, starts if article.sentences else [0], inside, open_at, mention) or mention
            )
        asked = (
            mention is not None
            and cue_i is not None
            and cue_i > 0
            and words[cue_i][1] <= s
            and _strip_dot(words[cue_i][2]) == "asked"
            and _strip_dot(words[cue_i - 1][2]) in _PASSIVE
        )
        if asked and cue_i is not None:
            # "Sanders was asked by host Bill Maher, ..., "Now, you famously said ..."": the
            # question is the asker's, who is no one the article names without "by" (since
            # quotes.v6)
            mention = None
            if cue_i + 2 < len(words) and words[cue_i + 1][2] == "by" and words[cue_i + 2][1] <= s:
                by = _np_after(text, words, cue_i + 2, s)
                mention = by if by is not None and by.kind in ("name", "role") else None
        if mention is not None:
            speaker, skind = _resolve(mention, names, speakers)
            speaker_span = Span(mention.start, mention.end)
            if speaker is not None and not asked:  # (the asker is not whom "he said" next names)
                speakers.append((mention.start, speaker, skind))
        elif asked:
            pass  # the asker is not named: no speaker
        elif (
            quotes
            and quotes[-1].speaker is not None
            and (quotes[-1].sentence == si or (cue_span is None and quotes[-1].start >= para_start))
        ):
            # a second quotation of the sentence ("... but warned of ...") or of the paragraph
            # ('"...," she said. "..."') has the first one's speaker
            speaker, speaker_span = quotes[-1].speaker, quotes[-1].speaker_mention
        elif cue_span is None and text[para_start:s].strip() == "":
            # a paragraph that opens with a quotation with no cue: after a paragraph that quoted
            # no one, that paragraph's subject ("Clinton restricted her comments to ...");
            # else it continues the previous speaker
            subject = _paragraph_subject(text, names, starts if article.sentences else [], para_start, inside, open_at)
            if subject is not None and (prev_para_speaker is None or prev_para_speaker[0] < subject.start):
                speaker, skind = _resolve(subject, names, speakers)
                speaker_span = Span(subject.start, subject.end)
                if speaker is not None:
                    speakers.append((subject.start, speaker, skind))
            elif prev_para_speaker is not None:
                pos, pspeaker, pspan = prev_para_speaker
                if pspeaker is not None and text.count("\n", pos, s) <= 2:
                    speaker, speaker_span = pspeaker, pspan
        elif (
            cue_span is None
            and si > 0
            and article.sentences
            and text[sent_start:s].strip() == ""
            and starts[si - 1] >= para_start
        ):
            # a quotation that opens a sentence inside a paragraph that quoted no one before: the
            # subject of the sentence before ("Clinton touted her credentials. "We need ..."")
            pwords = _outside(names, inside, open_at, starts[si - 1], ends[si - 1])
            if pwords and not text[starts[si - 1] : pwords[0][0]].strip():
                subject = _clause_subject(text, pwords, names, starts[si - 1], ends[si - 1])
                if subject is not None:
                    speaker, skind = _resolve(subject, names, speakers)
                    speaker_span = Span(subject.start, subject.end)
                    if speaker is not None:
                        speakers.append((subject.start, speaker, skind))
        if speaker is not None:
            prev_para_speaker = (s, speaker, speaker_span)
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                article=article.id,
                sentence=si,
                span=Span(a, b),
                text=content,
                speaker=speaker,
                speaker_mention=speaker_span,
                cue=cue_span,
            )
        )
    if unbalanced:
        notes.append(f"{unbalanced} quotation mark(s) without a closing mark (read to the end of their paragraph)")
    return ArticleQuotes(tuple(_repeated_lines(text, quotes)), tuple(terms), tuple(notes))


#: the most words of a line that is one quotation and repeats words quoted in the article: a
#: subheading or a pull quote
HEADING_WORDS = 12


def _repeated_lines(text: str, quotes: list[Quote]) -> list[Quote]:
    """A line that is one short quotation with no cue (a subheading or a pull quote,
    "'We need this town to come together'"), whose words another quotation of the article
    holds in order, gets that quotation's speaker: the first such after it, else the last
    before (since quotes.v17; before, the speaker of the paragraph before the line, who often
    is someone else)."""
    out = list(quotes)
    keys: list[list[str]] | None = None
    for i, q in enumerate(quotes):
        if q.cue is not None:
            continue
        ls = text.rfind("\n", 0, q.start) + 1
        le = text.find("\n", q.end)
        le = len(text) if le < 0 else le
        if text[ls : q.start].strip(" \t\"'“‘") or text[q.end : le].strip(" \t\"'”’.,!?"):
            continue
        key = _key_words(q.text)
        if not key or len(key) > HEADING_WORDS:
            continue
        n = len(key)
        if keys is None:
            keys = [_key_words(o.text) for o in quotes]
        holders = [
            o
            for j, o in enumerate(quotes)
            if j != i
            and o.speaker is not None
            and len(keys[j]) > n
            and any(keys[j][k : k + n] == key for k in range(len(keys[j]) - n + 1))
        ]
        if not holders:
            continue
        after = [o for o in holders if o.start > q.start]
        src = after[0] if after else holders[-1]
        if src.speaker != q.speaker:
            out[i] = replace(q, speaker=src.speaker, speaker_mention=src.speaker_mention)
    return out


def _document_issuer(
    text: str, names: _Names, starts: list[int], inside: list[tuple[int, int]], open_at: list[int], m: _Mention
) -> _Mention | None:
    """For a document named with "the" ("the statement", "the ad", "the IMF report"), who issued
    it: a capitalised name among its words ("the IMF report" -> IMF), else the subject of the
    sentence that last introduced a document of that head within ``PRONOUN_REACH`` characters
    ("Trump said in a statement released by his campaign. ... the statement continued", "The
    Romney campaign retorted with an ad of its own. The ad says: ..."); ``None`` when the
    article does not say (since quotes.v5)."""
    words = m.text.split()
    if words[0].lower() not in ("the", "this") or _desc_kind(words[-1]) != "document" or not words[-1].islower():
        return None  # not "The Washington Post"
    toks = names.words(m.start, m.end)
    caps = [t for t in toks[1:-1] if _is_cap(t[2])]
    if caps:
        a, b = caps[0][0], caps[-1][1]
        name = text[a:b]
        if name.endswith(("'s", "’s")):
            name, b = name[:-2], b - 2
        return _Mention(a, b, name, "name")
    head = re.escape(words[-1])
    lo = max(0, m.start - PRONOUN_REACH)
    introduced = re.compile(rf"\b(?:[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:[\w'’-]+\s+){{0,3}}?{head}\b")
    found = None
    for found in introduced.finditer(text, lo, m.start):  # noqa: B007 (the last one is kept)
        pass
    if found is None:
        return None
    at = found.start()
    si = _sentence_of(starts, at)
    # (bounded: a sentence of a hostile text may be the whole article)
    start = max(starts[si], text.rfind("\n", max(0, at - PARTICIPLE_REACH), at) + 1, at - PARTICIPLE_REACH)
    swords = _outside(names, inside, open_at, start, at)
    who = None
    k = len(swords) - 1
    if k >= 1 and _strip_dot(swords[k][2]) in ("in", "with", "via", "through", "on", "by", "into"):
        k -= 1  # "said in a statement", "retorted with an ad"
    verb = _strip_dot(swords[k][2]) if k >= 1 else ""
    if k >= 1 and swords[k][2].islower() and (_looks_like_verb(verb) or verb in _IRREGULAR_PAST or verb in _cues()):
        # the subject of the verb that issued it: "The Times said Cook provided a written
        # statement" is Cook's
        who = _np_before(text, swords, k - 1)
        if who is not None and not (
            who.kind in ("name", "pronoun") or (who.kind == "role" and any(_is_cap(w) for w in who.text.split()[1:]))
        ):
            who = None
    if who is None and swords:
        who = _clause_subject(text, swords, names, start, at)
    if who is None and swords:
        who = _main_subject(text, swords)
        if who is not None and not (
            who.kind in ("name", "pronoun") or (who.kind == "role" and any(_is_cap(w) for w in who.text.split()[1:]))
        ):
            who = None  # "The Romney campaign retorted with an ad": the campaign; not "the man"
    if who is not None and who.kind == "name" and _clean_name(who.text)[0] in _article_names.place_names():
        who = None  # "..., Libya, have filed a lawsuit": a place issues nothing
    if who is not None and who.kind == "role":
        # "The Romney campaign": its words, without the determiner
        first = who.text.split()[0]
        if first.lower() in _DETERMINERS:
            who = _Mention(who.start + len(first) + 1, who.end, who.text[len(first) + 1 :], "name")
        else:
            who = _Mention(who.start, who.end, who.text, "name")
    return who


#: a dash after a quotation, before the name of its speaker
_DASH = re.compile(r"[\s.,]*[―—–-]\s*")


#: the small words a title in title case writes in lower case ("Profiles in Courage")
_TITLE_SMALL = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or"})


def _title_case(content: str, nwords: int) -> bool:
    """Whether quoted words of ``nwords`` words are two words or more in title case (found only
    where :func:`_term_kind` needs to know)."""
    return nwords >= 2 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL for w in content.split())


def _term_kind(text: str, s: int, e: int, content: str, nwords: int, lo: int, cued: bool) -> str | None:
    """``None`` when the quoted words are a quotation, else the kind of term they are."""
    pre = text[max(lo, s - 40) : s].lower()
    pre_words = pre.split()
    prev_word = pre_words[-1].strip(",:;(") if pre_words else ""
    nxt = text[e : e + 40].lstrip()
    ends_sentence = content[-1:] in ".!?,"
    if pre.rstrip().endswith(_NICKNAME_ENDS):
        return "nickname" if nwords <= 4 else None
    # John "Jack" Smith: between two capitalised words
    raw_pre = text[max(lo, s - 40) : s].split()
    before_cap = raw_pre[-1][:1].isupper() if raw_pre else False
    if nwords <= 3 and before_cap and nxt[:1].isupper() and not ends_sentence and not cued:
        return "nickname"
    after_title_cue = prev_word in _TITLE_CUES or pre.rstrip().endswith(("titled", "entitled"))
    if after_title_cue and (_title_case(content, nwords) or nwords < MIN_QUOTE_WORDS or not ends_sentence):
        return "title"
    if not ends_sentence and nwords <= 8 and (not cued or prev_word in ("on", "in")) and _title_case(content, nwords):
        return "title"  # said on "Fox News Sunday": a show, though a speaker's cue is near
    if nwords < MIN_QUOTE_WORDS:
        # a short quotation needs a speaker's cue: said the vote was a "first step"; "No," she said
        so_called = pre.rstrip().endswith(("so-called", "so called"))
        if cued and not so_called and (nwords >= 2 or content[-1:] in ",.!?"):
            return None
        if cued and not so_called:
            return "speaker"  # saying she felt "exhilarated": the speaker's word, not the writer's distance
        return "scare"
    return None


def _resolve(m: _Mention, names: _Names, spoken: list[tuple[int, str, str]]) -> tuple[str | None, str]:
    """The canonical speaker for a mention and its kind: ``person`` or ``org`` (a name the
    article gives), ``group`` (words such as "officials", "they") or ``role`` (a role never
    tied to a name, kept as written)."""

    def last_spoken(kinds: tuple[str, ...]) -> str | None:
        return next((sp for pos, sp, k in reversed(spoken) if k in kinds and pos < m.start), None)

    if m.kind == "pronoun":
        p = m.text.lower()
        if p in ("he", "she"):
            # news introduces a speaker, then quotes "she said": the person last named as a
            # sentence's subject or a reporting verb's, or last quoted, whom the pronoun fits
            # (the article's pronouns, else the first name); else the person named last
            g = "m" if p == "he" else "f"
            subjects, confirmed, people = _fitting(names, g)
            salient = sorted(subjects + [(pos, n) for pos, n, k in spoken if k == "person" and _gender(n, names) == g])
            # a person shown to be of the pronoun's gender, named not far back, comes first
            known = [(pos, n) for pos, n in salient if _gender(n, names) == g and m.start - pos <= PRONOUN_REACH]
            # (the first-names lexicon too, since quotes.v2: "she" is not "Ted Cruz")
            who = _last(known, m.start) or _last(salient, m.start) or _last(confirmed, m.start)
            # the speaker last quoted counts too though nothing shows their gender ('"...," Cruz
            # said. / "...," he said.', since quotes.v5)
            quoted = {n for _, n, k in spoken if k == "person" and _gender(n, names) is None}
            unsure_quoted = [(pos, n) for pos, n, k in spoken if n in quoted]
            adjacent = _adjacent_unknown(
                m.start, sorted(salient + unsure_quoted) if unsure_quoted else salient, known, names, quoted
            )
            if adjacent is not None:
                who = adjacent
            introduced = _introduced_before(m.start, g, names)
            if introduced is not None:
                who = introduced
            nearer = _nearer_of_gender(m.start, g, who, names)
            if nearer is not None:
                who = nearer
            before = _sentence_before_person(m.start, g, names)
            if before is not None:
                who = before
            if not who:
                who = _last(people, m.start)
            if not who:
                # the last resort (since quotes.v3): the speaker last quoted or the one-word
                # name that last spoke ("Clinton said."), though nothing shows their gender
                unsure = sorted(
                    [(pos, n) for pos, n, k in spoken if k == "person" and _gender(n, names) is None]
                    + [(pos, n) for pos, n in names.speakers if _gender(n, names) is None]
                )
                who = _last(unsure, m.start)
            return who, "person"
        if p in ("it", "they"):
            # "The agency flagged what it called", "Hollin Mills employs ... It said": the
            # organisation that is the subject of the pronoun's sentence or of the one before
            # (since quotes.v10)
            subject = _org_subject(m.start, names, spoken, p == "it", run_words=1 if p == "it" else 2)
            if subject is not None:
                return subject, "org"
        if p == "it":
            return last_spoken(("org",)) or _last(names.orgs, m.start), "org"
        who = last_spoken(("group", "org"))
        return (who, "org") if who else (p, "group")
    if m.kind == "desc":
        words = m.text.split()
        det, head = words[0].lower(), _strip_dot(words[-1])
        if det not in ("the", "this"):
            return None, "role"  # "one user", "a source close to the campaign": not named
        if _desc_kind(head) == "person":
            # "the candidate", "the 46-year-old": the role tied to a name, else the person last
            # named as a subject or last quoted
            for pos, role, name in reversed(names.roles):
                if role == head and pos < m.start:
                    return name, "person"
            near = sorted(
                [(pos, n) for pos, n in names.subjects if m.start - pos <= PRONOUN_REACH]
                + [(pos, n) for pos, n, k in spoken if k == "person" and m.start - pos <= PRONOUN_REACH]
            )
            who = _last(near, m.start)
            if who is not None:
                return who, "person"
        return " ".join(words[1:]), "role"  # "the statement", "the man": as written
    if m.kind == "name":
        low = _capitalised_role(m, names)
        if low is not None:
            # "the Prime Minister", "the Mayor": the name the article gave that role, as "the
            # prime minister" reads (since quotes.v19); else as before
            tied, tied_kind = _resolve(low, names, spoken)
            if tied_kind == "person":
                return tied, tied_kind
        name, person = _clean_name(m.text)
        words = name.split()
        if len(words) == 1 and _strip_dot(words[0]) in _DETERMINERS:
            return None, "role"  # "The bias begins to show ...:": a sentence's first word, no name (since quotes.v6)
        if person and len(words) == 1:
            w = _strip_dot(words[0])
            full = names.full.get(w)
            if full is not None:
                return _surname_near(m.start, full, names), "person"
            return names.variants.get(w, name), "person"
        if person:
            # "Trump Jr." -> "Donald Trump Jr.": the fullest name the article gives it (since quotes.v5)
            full = names.full.get(_strip_dot(words[-1]), "")
            if full.rstrip(".").endswith(" " + name.rstrip(".")):
                return full, "person"
        return name, "person" if person else "org"
    # a role or group in lower case
    text = " ".join(m.text.split())
    if text.split()[0].lower() == "its" or names.text[max(0, m.start - 4) : m.start].lower() == "its ":
        # "Its board said", "its members said": the organisation "it" names (since quotes.v10)
        subject = _org_subject(m.start, names, spoken, True)
        if subject is not None:
            return subject, "org"
    words = [_strip_dot(w) for w in text.split()]
    raw = text.split()
    if words[0] in ("a", "an") and any(w in SPOKES_ROLES for w in words):
        # "a Brightwater spokesperson", "a spokesperson" after "The Tarn Water Board ...
        # conceded ...": the organisation they speak for, as the gold format asks, else none
        # (since quotes.v13)
        org = _spokes_org(m, raw, names, spoken)
        return (org, _org_or_person(org, names)) if org is not None else (None, "role")
    if text.split()[0].lower() in ("a", "an", "one", "another", "some"):
        return None, "role"  # "one retired teacher", "a spokeswoman": the article does not say who
    entity = _entity_qualifier(raw, names)
    for h, w in reversed(list(enumerate(words))):
        caps = any(x[:1].isupper() for x in raw[h + 1 :])  # "a spokeswoman for the Ministry"
        kind = _title_kind(w) or _title_kind(w.rstrip("s"))
        if kind == "role":
            ties = _qualified_roles(raw[:h], names) + _lower_roles(raw[:h], names)
            if not any(x[:1].isupper() and _strip_dot(x) not in _DETERMINERS for x in raw[:h]):
                ties += _titled_once(m.start, w, names)  # (not "the French president")
            for pos, role, name in reversed(sorted(ties)):
                if role == w and pos < m.start:
                    return name, "person"
            if w in SPOKES_ROLES:
                # "the Microsoft spokesperson", "the spokesperson" after "A Microsoft
                # spokesperson said": the organisation (since quotes.v13)
                org = _spokes_org(m, raw, names, spoken)
                if org is not None:
                    return org, _org_or_person(org, names)
            if (
                entity
                or any(
                    _strip_dot(x) in _POSSESSIVE_PRONOUNS or (x[:1].isupper() and x.endswith(_POSSESSIVE_END))
                    for x in raw[:h]
                )
                or names.text[max(0, m.start - 6) : m.start].lower().split()[-1:] in (["my"], ["your"])
            ):
                # "the Ruiz adviser", "his doctor", "Korvania's coast guard chief": someone
                # else's, not the person named or quoted last (since quotes.v13): as written
                break
            if m.kind == "role" and not caps:
                topic = _role_topic(m.start, w, names)
                if topic is not None:
                    # "Rosalind Ebbsworth ... was close to tears. She took over in June ... /
                    # "...," the club's manager said": the person the sentences before are
                    # about (since quotes.v11)
                    return topic, "person"
                who = last_spoken(("person",))
                if who is not None:
                    return who, "person"
            break
        if kind == "org":
            if any(x[:1].isupper() for x in raw[1:h]) and raw[0].lower() in _DETERMINERS:
                # "the Sanders campaign", "the Obama administration": its own words, not the
                # organisation named last (since quotes.v5)
                return " ".join(raw[1:]), "org"
            if not caps:
                # "the authority" -> "Esselmoor Rivers Authority": the organisation last named
                # whose name ends in that word, before the one that spoke last (since quotes.v8)
                headed = _headed(m.start, w, names, spoken)
                who = _last(headed, m.start)
                if who is None and w in COMMERCIAL_ROLES:
                    # "Quillmoor said it was too early ... / "...," the company said": the
                    # business that is the subject of its sentence or the one before, before
                    # the organisation that spoke or was named last (since quotes.v16; a run of
                    # one word since quotes.v15, then only when no organisation was named)
                    who = _org_subject(m.start, names, spoken, True, run_words=1)
                    if who is not None and _public_body(who, names):
                        who = None
                who = who or last_spoken(("org",)) or _last(names.orgs, m.start)
                if who is not None and not headed and w in COMMERCIAL_ROLES and _public_body(who, names):
                    # "the company" after a public body spoke or was named: the company named
                    # before it (since quotes.v9)
                    who = _company_before(m.start, names, spoken) or who
                if who is None and w in COMMERCIAL_ROLES:
                    # "Quillmoor said it was too early ... / "...," the company said": the
                    # name opening its sentence or the one before, which nothing shows is a
                    # person (since quotes.v15)
                    who = _org_subject(m.start, names, spoken, True, run_words=1)
                if who is not None:
                    return who, "org"
            break
    if text.split()[0].lower() in ("the", "its") and len(text.split()) > 1:
        # "the harbour authority" -> "harbour authority"; "Its chairman" -> "chairman" (since
        # quotes.v13, when the mention keeps its determiner)
        text = " ".join(text.split()[1:])
    return text, "group" if m.kind == "group" else "role"


def _capitalised_role(m: _Mention, names: _Names) -> _Mention | None:
    """A name mention after "the" that is a role in capitals ("the Prime Minister", "the
    Mayor"), as a role in lower case; else ``None``."""
    raw = m.text.split()
    if raw and raw[0].lower() == "the":
        raw = raw[1:]
    elif names.text[max(0, m.start - 4) : m.start].lower() != "the ":
        return None
    if not raw or len(raw) > 3 or not all(w[:1].isupper() for w in raw):
        return None
    if _title_kind(_strip_dot(raw[-1]).lower()) != "role":
        return None
    return _Mention(m.start, m.end, "the " + " ".join(w.lower() for w in raw), "role")


#: role words of someone who speaks for an organisation: "a Brightwater spokesperson" is
#: Brightwater's words in the gold format (since quotes.v13)
SPOKES_ROLES = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople", "spokespersons"}
)
_POSSESSIVE_END = ("'s", "’s", "'", "’")
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "my", "our", "your"})
#: "A Microsoft spokesperson", "a spokeswoman for the Ministry of Health": a spokesperson
#: named with an organisation (up to three capitalised words, "of", "and" or "for" between
#: them: "a Department of Education spokesperson"), for "the spokesperson said" later
#: (a capital letter is any upper-case one, "A Škoda spokesman", as ``str.isupper`` reads the
#: mention's own words)
_UPPER = "[" + "".join(re.escape(chr(c)) for c in range(0x2000) if chr(c).isupper()) + "]"
_SPOKES_NAMED = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+({_UPPER}[\w.&’'-]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?{_UPPER}[\w.&’'-]*){{0,2}})"
    r"\s+spokes(?:man|woman|person)\b"
    r"|\bspokes(?:man|woman|person)\s+(?:for|of|at)\s+"
    rf"((?:the\s+)?{_UPPER}[\w.&-]*(?:\s+(?:(?:of|and|for)\s+(?:the\s+)?)?{_UPPER}[\w.&-]*){{0,3}})"
)


#: a given name and "and" right before another person's name: "Hillary and Bill Clinton"
_SHARED_SURNAME = re.compile(r"\b[A-Z][\w'’.-]* (?:and|&) $")


def _surname_near(at: int, full: str, names: _Names) -> str:
    """The person a surname alone at ``at`` names: the fullest name the article gives under
    that surname (``full``), unless the article gives that name only after ``at`` and another
    person of the surname in full before it ("Kanye West announced ... / "...," West wrote",
    with "Kim Kardashian West" named later: Kanye West, since quotes.v17). A name whose words
    are all in ``full``'s is the same person; a run whose first word opens sentences or is a
    reporting verb ("Said Ellis") names no one, and a name after a given name and "and"
    ("Hillary and Bill Clinton") is not the surname's alone."""
    text = names.text
    people = names.people
    last = full.split()[-1]
    mine = set(full.split())
    others: dict[str, list[int]] = {}  # another person of the surname -> where named in full before ``at``
    for pos, n in people:
        if pos >= at:
            continue
        parts = n.split()
        if len(parts) < 2 or parts[-1] != last or set(parts) <= mine:
            continue
        first = _strip_dot(parts[0])
        if first in _openers() or first in _cues() or _title_kind(first):
            continue
        if parts[0] not in text[pos : pos + len(n) + 40]:
            continue
        if _SHARED_SURNAME.search(text, max(0, pos - 40), pos):
            continue  # "Hillary and Bill Clinton": the surname is both people's
        others.setdefault(n, []).append(pos)
    if not others:
        return full
    if not any(n == full and pos < at for pos, n in people):
        return max(others.items(), key=lambda kv: kv[1][-1])[0]  # the one named nearest before (v17)
    mine_at = [
        pos for pos, n in people if n == full and pos < at and full.split()[0] in text[pos : pos + len(full) + 40]
    ]
    confirmed = {n for _, n in names.confirmed}
    # a person, by a given name the lexicon knows or a title, an apposition or a reporting verb
    # ("Could Trump win?" names no one)
    others = {n: w for n, w in others.items() if _article_names.first_name_gender(n) or n in confirmed}
    if not mine_at or not others:
        return full
    # two people of the surname named in full before it (since quotes.v18): the one the article
    # names in full first, whom the surname alone goes on to name (a writer gives the other one
    # her full name again, or a first name); never the longer name for its length ("Malissa
    # Williams", a victim named after "Police Chief Calvin Williams", for the chief)
    return min([(mine_at[0], full), *((w[0], n) for n, w in others.items())])[1]


def _possessor_free(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


def _org_or_person(name: str, names: _Names) -> str:
    """``person`` for a name the article gives a person in full, else ``org``."""
    return "person" if names.full.get(_strip_dot(name.split()[-1])) == name else "org"


def _entity_qualifier(raw: list[str], names: _Names) -> str | None:
    """The capitalised words before a role mention's role that name a person the article names
    ("the Ruiz adviser" -> "Ruiz", "Obama's spokesman" -> "Obama"): someone the role belongs
    to, not who holds it (since quotes.v13). Places and organisations are not ("The Indiana
    governor", "the GOP leader": often the person the sentences before are about)."""
    caps = [_possessor_free(w) for w in raw if w[:1].isupper() and _strip_dot(w) not in _DETERMINERS]
    if not caps:
        return None
    return " ".join(caps) if _strip_dot(caps[-1]) in names.full else None


class _OrgIndex:
    """The organisations and people of one article by name, for :func:`_org_named`: each
    organisation (``names.orgs`` and the speakers resolved to one so far) under its name and
    under each of its openings of whole words ("Brightwater Line" under "Brightwater" too), each
    person of two words or more under each opening, with positions in order, and the first
    place each name is written. Built once per article; the speakers found later are taken in
    as they come, so a lookup reads only the entries of its name (before, each spokesperson's
    mention read every organisation and person named so far: a cost that grew with the square
    of the article)."""

    def __init__(self, names: _Names, spoken: list[tuple[int, str, str]]) -> None:
        self.text = names.text
        self.source = spoken  # the speakers resolved so far, which only grow
        self.orgs: dict[str, list[tuple[int, str]]] = {}  # name -> (position, name)
        self.longer: dict[str, list[tuple[int, str]]] = {}  # opening -> organisations it opens
        self._people: dict[str, list[tuple[int, str]]] = {}  # opening -> people it opens
        self._unknown: dict[str, list[tuple[int, str]]] = {}  # the same, of no known gender
        self._first: dict[str, int | None] = {}
        self.spoken = 0  # speakers taken in
        self.entries = 0  # entries filed and read: the work done, for the tests
        for pos, n in names.orgs:
            self._add_org(pos, n)
        for pos, n in names.people:
            if len(n.split()) >= 2:
                for k in _openings(n):
                    self._people.setdefault(k, []).append((pos, n))
                    self.entries += 1
        for found in self._people.values():
            found.sort()

    def _add_org(self, pos: int, n: str) -> None:
        for k in _openings(n):
            insort(self.longer.setdefault(k, []), (pos, n))
            self.entries += 1
        insort(self.orgs.setdefault(n, []), (pos, n))
        self.entries += 1

    def take(self) -> None:
        """Take in the organisations among the speakers resolved since the last call."""
        for pos, n, k in self.source[self.spoken :]:
            if k == "org":
                self._add_org(pos, n)
        self.spoken = len(self.source)

    def unknown(self, q: str, names: _Names) -> list[tuple[int, str]]:
        """The people whose name opens with ``q`` and whose gender nothing shows."""
        found = self._unknown.get(q)
        if found is None:
            found = [(pos, n) for pos, n in self._people.get(q, []) if _gender(n, names) is None]
            self._unknown[q] = found
            self.entries += len(self._people.get(q, []))
        return found

    def first(self, q: str) -> int | None:
        """Where ``q`` is first written as a whole word, if anywhere."""
        if q not in self._first:
            first = re.search(rf"(?<![\w-]){re.escape(q)}(?![\w-])", self.text)
            self._first[q] = None if first is None else first.start()
        return self._first[q]


def _openings(name: str) -> list[str]:
    """The openings of whole words of ``name``: those followed by a space."""
    return [name[:i] for i, c in enumerate(name) if c == " "]


def _before(found: list[tuple[int, str]], at: int) -> tuple[int, str] | None:
    """The last of the sorted ``found`` whose position is before ``at``."""
    i = bisect_left(found, (at,))
    return found[i - 1] if i else None


def _org_named(q: str, at: int, names: _Names, spoken: list[tuple[int, str, str]]) -> str | None:
    """The organisation a spokesperson's capitalised qualifier ``q`` names ("Brightwater" ->
    "Brightwater Line", "Justice Department" as written): the last organisation named before
    ``at`` whose name is ``q`` or opens with it, also a capitalised run the scan read as a person
    though nothing shows one; a person the article gives in full whose surname ``q`` is ("a Ruiz
    spokesman" -> "Ana Ruiz"); none for a place or an adjective of one ("a French spokesman");
    else ``q`` itself. Reads the article's :class:`_OrgIndex`."""
    q = " ".join(q.split())
    if not q or q in _article_names.place_names() or q in _article_names.demonyms():
        return None
    index = names.org_index
    if not isinstance(index, _OrgIndex) or index.source is not spoken:
        index = names.org_index = _OrgIndex(names, spoken)
    index.take()
    longer = [index.longer.get(q, []), index.unknown(q, names)]
    first = index.first(q)
    if first is not None:
        # the fuller name when the article gives it first ("Brightwater Line ... A Brightwater
        # spokesperson"), not one named after the short one ("Google ... Google Drive")
        fuller = [f for f in (_before(found, min(at, first + 1)) for found in longer) if f is not None]
        if fuller:
            return max(fuller)[1]
    if any(_before(found, at) is not None for found in [index.orgs.get(q, []), *longer]):
        return q
    last = _strip_dot(q.split()[-1])
    if last in names.full and len(q.split()) <= 2:
        # "a Ruiz spokeswoman", "Schuler's spokesperson": the person they speak for
        full = names.full[last]
        return full if full.endswith(q) or len(q.split()) == 1 else None
    return q


def _spokes_org(m: _Mention, raw: list[str], names: _Names, spoken: list[tuple[int, str, str]]) -> str | None:
    """The organisation a spokesperson's mention speaks for (since quotes.v13): its capitalised
    qualifier ("A Brightwater spokesperson"), its possessor's organisation word ("the
    company's spokeswoman"), the organisation after "for" ("a spokesman for the Justice
    Department"); with none, for "a spokesperson" the organisation that is the subject of its
    sentence or the one before ("The Tarn Water Board ... conceded ... "...," a spokesperson
    said"), for "the spokesperson" the organisation of the spokesperson last named with one
    within ``PRONOUN_REACH``."""
    words = [_strip_dot(w) for w in raw]
    h = max(n for n, w in enumerate(words) if w in SPOKES_ROLES)
    first = next((n for n in range(h) if raw[n][:1].isupper() and _strip_dot(raw[n]) not in _DETERMINERS), None)
    if first is not None:
        # ("a Department of Education spokesperson": its words from the first capitalised one;
        # "the Pentagon's top spokeswoman": up to the possessive)
        end = next((n for n in range(first, h) if raw[n].endswith(_POSSESSIVE_END)), h - 1)
        return _org_named(" ".join(_possessor_free(w) for w in raw[first : end + 1]), m.start, names, spoken)
    for n in range(h):
        if raw[n].endswith(_POSSESSIVE_END) and _title_kind(_possessor_free(words[n])) == "org":
            # "the company's spokeswoman": whom "the company" names
            owner = _resolve(_Mention(m.start, m.end, "the " + _possessor_free(words[n]), "role"), names, spoken)
            return owner[0] if owner[1] == "org" else None
    if h + 1 < len(raw) and words[h + 1] in ("for", "of", "at"):
        rest = raw[h + 2 :]
        if rest and _strip_dot(rest[0]) == "the":
            rest = rest[1:]
        if rest and rest[0][:1].isupper():
            return _org_named(" ".join(rest), m.start, names, spoken)
        if len(rest) == 1 and _title_kind(_strip_dot(rest[0])) == "org":
            owner = _resolve(_Mention(m.start, m.end, "the " + rest[0], "role"), names, spoken)
            return owner[0] if owner[1] == "org" else None
        return None
    if words[0] in ("a", "an"):
        return _org_subject(m.start, names, spoken, True)
    prior: re.Match[str] | None = None
    for found in _SPOKES_NAMED.finditer(names.text, max(0, m.start - PRONOUN_REACH), m.start):
        prior = found
    if prior is None:
        return None
    q = (prior.group(1) or prior.group(2) or "").strip()
    q = " ".join(_possessor_free(w) for w in q.removeprefix("the ").split())  # (not "of the" inside)
    return _org_named(q, prior.start(), names, spoken) if q else None


def _headed(at: int, w: str, names: _Names, spoken: list[tuple[int, str, str]]) -> list[tuple[int, str]]:
    """The organisations named within ``PRONOUN_REACH`` before ``at`` that the role word ``w``
    names: their name ends in it ("the authority" -> "Esselmoor Rivers Authority", since
    quotes.v8) or, since quotes.v10, opens with it ("the commission" -> "Commission on
    Presidential Debates", "the team" -> "Team Varengo", which the scan may read as a person
    though no given name and no pronoun shows one; not a run in capitals, "COMMITTEE HAS", a
    headline's words)."""
    unknown = [(pos, n) for pos, n in names.people if n.split()[0].lower() == w and _gender(n, names) is None]
    # "Commission on Presidential Debates", whose words after "on" the scan reads as a person
    for pos, n in names.people:
        if 0 <= at - pos <= PRONOUN_REACH and _gender(n, names) is None:
            before = re.search(r"\b([A-Z][a-z]+) (?:on|of|for) $", names.text[max(0, pos - 24) : pos])
            if before is not None and before.group(1).lower() == w:
                unknown.append((pos, before.group(0) + n))
    return sorted(
        (pos, n)
        for pos, n in [*names.orgs, *((pos, n) for pos, n, k in spoken if k == "org"), *unknown]
        if 0 <= at - pos <= PRONOUN_REACH
        and (n.split()[-1].lower() == w or (len(n.split()) > 1 and n.split()[0].lower() == w and not n.isupper()))
    )


def _sentence_start(text: str, at: int, floor: int) -> int:
    """The start of the sentence holding ``at``, not before ``floor`` (a paragraph's start, a
    sentence end that is no abbreviation's full stop)."""
    start = max(floor, text.rfind("\n", floor, at) + 1)
    ends = [mm.end() for mm in _SENTENCE_END.finditer(text, start, at) if not _abbreviation(text, mm.start())]
    return ends[-1] if ends else start


#: "The agency", "the three-member tribunal", "Donald Trump's campaign", "Hollin Mills": the
#: words that open a sentence and may name an organisation as its subject
_OPENING_ORG = re.compile(
    r"(?:[Tt]he\s+(?P<head>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
    r"|(?P<owner>(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*)['’]s\s+(?P<word>[a-z]+)\b"
    r"|(?:[Tt]he\s+)?(?P<name>[A-Z]))"
)


def _org_subject(
    at: int, names: _Names, spoken: list[tuple[int, str, str]], it: bool, *, run_words: int = 2
) -> str | None:
    """For "it", "they" or "its" at ``at``: the organisation that opens the pronoun's sentence
    (before the pronoun) or, when that sentence names none there or opens with a quotation,
    the sentence before, in the same paragraph or ending the one before: an organisation the
    article names ("The Regional Health Agency said ..."), one named by its role word after
    "the" ("The agency first flagged what it called ...": the organisation whose name ends or
    opens with that word), one named by a possessive ("Donald Trump's campaign is defending
    ... It's denouncing what it calls" -> "Donald Trump campaign") and, for "it", a capitalised
    run of ``run_words`` words or more that the scan read as a person though nothing shows one,
    no given name, no pronoun, no title or apposition ("Hollin Mills employs about 2,900 people.
    It said ..."). None when that subject is none of these (since quotes.v10). "the company"
    and "the firm" with no organisation named take a run of one word too (``run_words=1``:
    "Quillmoor said ... / "...," the company said", since quotes.v15)."""
    text = names.text
    floor = max(0, at - SENTENCE_REACH)
    start = _sentence_start(text, at, floor)
    for _ in range(2):
        found = _org_opening(start, at, names, spoken, it, run_words)
        if found is not None:
            return found
        if start <= floor:
            return None
        end = start
        while end > floor and text[end - 1].isspace():
            end -= 1
        if end <= floor or text.count("\n", end, start) > 2:
            return None
        at, start = end, _sentence_start(text, end - 1, floor)
    return None


def _org_opening(
    start: int, before: int, names: _Names, spoken: list[tuple[int, str, str]], it: bool, run_words: int = 2
) -> str | None:
    """The organisation named by the words that open the sentence at ``start``, before
    ``before`` (:func:`_org_subject`)."""
    text = names.text
    phrase = _OPENING_PHRASE.match(text, start, before)
    if phrase is not None and phrase.group(1).lower() in _PHRASE_OPENERS:
        # "In a statement, Harrowline said ...": the subject after an opening phrase of a
        # preposition and up to five words (since quotes.v16)
        start = phrase.end()
    mm = _OPENING_ORG.match(text, start, before)
    if mm is None:
        return None
    if mm.group("head"):
        # the first of three words in lower case that is an organisation's ("the three-member tribunal")
        w = next((x for x in mm.group("head").split() if _title_kind(x) == "org"), None)
        if w is None:
            return None
        headed = _headed(start, w, names, spoken)
        return headed[-1][1] if headed else None
    if mm.group("owner"):
        if _title_kind(mm.group("word")) != "org":
            return None
        return f"{mm.group('owner')} {mm.group('word')}"
    pos = mm.start("name")
    orgs = [n for p, n in names.orgs if p == pos] + [n for p, n, k in spoken if k == "org" and p == pos]
    if orgs:
        return orgs[0]
    if it:
        run = [n for p, n in names.people if p == pos]
        if (
            run
            and len(run[0].split()) >= run_words
            and _gender(run[0], names) is None
            and text.startswith(run[0], pos)  # as written, no title before it ("Mr Ferris said")
        ):
            return run[0]
        if run_words == 1 and run and len(run[0].split()) >= 2 and _gender(run[0], names) is None:
            # the scan left out the run's first word, which opens the sentence ("Tarvell
            # Mineral Holdings, which ...": "Mineral Holdings"): the run as written (since quotes.v15)
            span = _CAP_RUN.match(text, pos, before)
            if span is not None and span.group(0).endswith(run[0]):
                return span.group(0)
        if run_words == 1 and not run:
            # one capitalised word opening its sentence, which the scan leaves alone there,
            # as the subject of a reporting verb ("Quillmoor said ..."): not a word that opens
            # sentences, nor a person's or place's name the article gives (since quotes.v15)
            one = _SUBJECT_WORD.match(text, pos, before)
            if one is not None:
                word = one.group(1)
                if (
                    word.lower() not in _openers()
                    and one.group(2).lower() in _cues()
                    and not any(n.split()[-1] == word for _, n in names.people)
                    and word not in _article_names.place_names()
                ):
                    return word
    return None


#: a phrase that opens a sentence before its subject: a capitalised word (a preposition of
#: ``_PHRASE_OPENERS``), up to five more words and a comma ("In a statement, ", "On Friday, ")
_OPENING_PHRASE = re.compile(r"([A-Z][a-z]+)(?:[ \t]+[\w'’-]+){0,5},[ \t]+")
#: a run of capitalised words as written, for :func:`_org_opening`
_CAP_RUN = re.compile(r"[A-Z][\w&'’-]*(?:[ \t]+[A-Z][\w&'’-]*)*")  # within its line
#: a capitalised word and the verb after it ("Quillmoor said"), for :func:`_org_opening`
_SUBJECT_WORD = re.compile(r"([A-Z][\w&'’-]+)[ \t]+([a-z]+)\b")


#: role words of a business (``org`` words of ``speaker-titles``): after "the", they name a
#: company, never a public body (since quotes.v9)
COMMERCIAL_ROLES = frozenset({"company", "firm"})
#: last words of the names of public bodies, which "the company" never names (since quotes.v9)
PUBLIC_BODIES = frozenset(
    {
        *("agency", "authority", "board", "council", "ministry", "department", "commission", "office"),
        *("regulator", "police", "inspectorate", "government", "court", "tribunal", "committee", "executive"),
    }
)


def _public_body(name: str, names: _Names) -> bool:
    """Whether an organisation's name is a public body's: its last word says so ("Marine
    Casualty Board"), or it is in capitals and the initials of such a name the article gives
    ("NPSO" after "National Product Safety Office")."""
    if name.split()[-1].lower() in PUBLIC_BODIES:
        return True
    if not (name.isupper() and len(name) >= 2):
        return False
    initials = name.replace(".", "")
    return any(
        n.split()[-1].lower() in PUBLIC_BODIES and "".join(x[0] for x in n.split() if x[:1].isupper()) == initials
        for _, n in names.orgs
    )


def _company_before(at: int, names: _Names, spoken: list[tuple[int, str, str]]) -> str | None:
    """For "the company" at ``at`` whose candidate is a public body: the business named last
    before it within ``PRONOUN_REACH``: an organisation that spoke and is no public body, or a
    capitalised run of two words or more that the scan took for a person though nothing shows
    one (no given name of the ``first-names`` lexicon, no pronoun of the article) and whose
    first word the article also writes alone ("Vessock Chemicals" ... "Vessock, a privately
    owned company,") (since quotes.v9)."""
    found = [
        (pos, n)
        for pos, n, k in spoken
        if k == "org" and pos < at and at - pos <= PRONOUN_REACH and not _public_body(n, names)
    ]
    found += [
        (pos, n)
        for pos, n in names.people
        if pos < at
        and at - pos <= PRONOUN_REACH
        and len(n.split()) >= 2
        and _gender(n, names) is None
        and _first_word_alone(names.text, n)
    ]
    return _last(sorted(found), at)


def _first_word_alone(text: str, name: str) -> bool:
    """Whether the first word of ``name`` stands alone elsewhere in ``text``, no capitalised word
    after it: a business is shortened to its first word ("Corvane shares closed", "Vessock, a
    privately owned company"), a person to the last."""
    first = name.split()[0]
    return re.search(rf"(?<![\w'’-]){re.escape(first)}(?![\w-])(?!\s+[A-Z])", text) is not None


def _adjacent_unknown(
    at: int, salient: list[tuple[int, str]], known: list[tuple[int, str]], names: _Names, quoted: set[str]
) -> str | None:
    """For "he" or "she" at ``at``: the person last named as a subject or last quoted before
    it, when nothing shows their gender but the article shows them to be a person (a title, an
    apposition, a reporting verb right after, the surname used alone), the person last shown
    to be of the pronoun's gender was named in an earlier paragraph, and at most one paragraph
    break lies between them and the pronoun (since quotes.v4: 'noted NBC's Dante Chinni. /
    "...," he wrote' is Chinni's, not that of a man named a few paragraphs back)."""
    k = bisect_left(salient, (at, "")) - 1
    if k < 0:
        return None
    pos, name = salient[k]
    if _gender(name, names) is not None or not (name in quoted or any(n == name for _, n in names.confirmed)):
        return None  # a person whose gender is unknown, shown to be a person (a title, an apposition, quoted, ...)
    kk = bisect_left(known, (at, "")) - 1
    if kk >= 0 and known[kk][0] >= names.text.rfind("\n", 0, pos) + 1:
        return None  # one of the pronoun's gender named in the same paragraph, or after: theirs
    if names.text.count("\n", pos, at) > 1:
        return None
    return name


#: words before a capitalised run that make it a place or an organisation rather than the
#: person a "he" or "she" names ("outside the Lant Cafe", "in Saxby Close"; since quotes.v8)
_PLACE_BEFORE = frozenset(
    {
        *("the", "in", "at", "on", "from", "of", "to", "near", "into", "outside"),
        *("inside", "by", "for", "with", "across", "via", "towards", "toward", "around"),
    }
)


def _after_preposition(text: str, pos: int) -> bool:
    """Whether the word right before ``pos`` is "the" or a preposition."""
    before = text[max(0, pos - 16) : pos].split()
    return bool(before) and before[-1].lower() in _PLACE_BEFORE


def _nearer_of_gender(at: int, g: str, who: str | None, names: _Names) -> str | None:
    """For "he" or "she" at ``at`` whose candidate ``who`` shows no gender (or is none): the
    person of the pronoun's gender named last before it, when named after ``who``'s last
    mention, at most one paragraph break before and within ``PRONOUN_REACH`` ("Team manager
    Ilse Marchetti met the riders. "...," she said." is hers, not that of a capitalised run
    named earlier that nothing shows to be of either gender; since quotes.v8)."""
    if who is not None and _gender(who, names) is not None:
        return None
    people = names.people
    k = bisect_left(people, (at, "")) - 1
    lo = at - PRONOUN_REACH
    while k >= 0 and people[k][0] >= lo:
        pos, name = people[k]
        if who is not None and _same_person(name, who):
            return None  # ``who`` named after the last of the pronoun's gender
        if _gender(name, names) == g and not _after_preposition(names.text, pos):
            if names.text.count("\n", pos, at) > 1 or _in_sentence_of(who, pos, k, names):
                return None
            if who is not None and re.search(r"\b" + re.escape(who.split()[-1]) + r"\b", names.text[pos:at]):
                return None  # ``who`` named again after it ("Al Dwoskin ... behind Soros. ... Dwoskin said")
            return name
        k -= 1
    return None


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def _sentence_before_person(at: int, g: str, names: _Names) -> str | None:
    """For "he" or "she" at ``at`` right after a quotation that opens its sentence
    ('"...," she said'): the one person the sentence before it names, of the pronoun's gender
    or of none shown, when that sentence is in the quotation's paragraph or ends the one
    before ("Team manager Ilse Marchetti met the riders. "...," she said."; since quotes.v8)."""
    text = names.text
    close = at - 1
    while close > 0 and text[close] in " ,\t":
        close -= 1
    if close <= 0 or text[close] not in '"”':
        return None
    opening = text.rfind("“" if text[close] == "”" else '"', max(0, close - 1200), close)
    if opening <= 0:
        return None
    head = text[max(0, opening - 4) : opening]
    para = text.rfind("\n", 0, opening) + 1
    if text[para:opening].strip():
        # the quotation opens a sentence inside the paragraph: the sentence before ends right there
        if not _SENTENCE_END.search(head + " ") and not re.search(r"[.!?][\"”’']?\s*$", text[para:opening]):
            return None
        end = opening
    else:
        end = para
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end <= 0 or text.count("\n", end, para) > 2:
            return None
    para_start = text.rfind("\n", max(0, end - SENTENCE_REACH), end) + 1
    window = max(para_start, end - SENTENCE_REACH)
    people = names.people
    hi = bisect_left(people, (end, ""))
    if hi == 0 or people[hi - 1][0] < window:
        return None  # no one named in the window: nothing to read
    prev = [
        mm.end()
        for mm in _SENTENCE_END.finditer(text, window, max(window, end - 2))
        if not _abbreviation(text, mm.start())
    ]
    if not prev and para_start == 0 and end > SENTENCE_REACH:
        return None  # a sentence longer than the window: not read, so the time stays bounded
    start = prev[-1] if prev else window
    lo = bisect_left(people, (start, ""))
    # not a place's or an organisation's name ("at Tarrowby Mills", "the Clinton campaign"),
    # but "according to Dr. Ana Ruiz"
    named = [
        (pos, n)
        for pos, n in people[lo:hi]
        if not _after_preposition(text, pos) or text[max(0, pos - 13) : pos].lower().endswith("according to ")
    ]
    if not named or len({n for _, n in named}) != 1:
        return None  # no one, or several people: the rules before decide
    pos, name = named[0]
    if _gender(name, names) not in (g, None) or pos - start > SUBJECT_REACH:
        return None  # of the other gender, or named late in its sentence (an object, most often)
    if _PERSONAL.search(text, start, end) or _RELATIVE.search(text, start, pos):
        # "At one point, he even called White House spokesman Jay Carney ...", "Announcing her
        # candidacy at an event in central London, she said ...": the pronoun is the subject
        return None
    if _gender(name, names) is None:
        para = text.rfind("\n", 0, start) + 1
        if any(_gender(n, names) == g for _, n in people[bisect_left(people, (para, "")) : lo]):
            return None  # "Clara Moss ... said ... Jonas Wirth, the site manager, said ... / she said" (v4)
    return name


#: "the" (and up to two capitalised modifiers: "The Indiana governor") right before a role
#: mention that does not hold it
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[A-Z][\w.-]*\s+){0,2}$")

#: a sentence that opens with "he"/"she" or with "the" and a description or role ("The
#: Republican nominee was speaking ...") goes on about the person the sentence before named
_CHAIN_OPENING = re.compile(r"(?:[\"“]?\s*)(?:(?P<pron>He|She)\b|The\s+(?P<words>(?:[\w’'.-]+\s+){0,4}[a-z]+)\b)")

#: roles of a degree, not an office: "Dr Amara Feldtmann" may be "the health chief"
_DEGREE_ROLES = frozenset({"doctor", "professor"})

#: how many sentences back a role's person is looked for (since quotes.v11)
ROLE_TOPIC_SENTENCES = 3


def _role_topic(at: int, word: str, names: _Names) -> str | None:
    """For a role ``word`` after "the" that no name was tied to, which opens its sentence or
    follows a quotation that does ('"...," the club's manager said', "The Indiana governor
    said"): the person the sentences before are about. Back from the role's sentence, within
    ``SENTENCE_REACH`` and up to ``ROLE_TOPIC_SENTENCES`` sentences, a sentence that opens with
    "he"/"she" or with "the" and a description or role goes on; the first that opens with a
    person's name gives that person when the name is its subject, after no capitalised word
    but a title ("Director of public health Dr Amara Feldtmann said"; not "West Palm Beach")
    and no comma or conjunction, the first person named in its paragraph, not in the
    possessive nor one of two ("Ana Ruiz and Jo Bell clashed"), shown to be a person's (a
    gender, a title, a reporting verb right after), with no other role tied to it but a
    degree's, of the pronouns' gender passed, and the role's word does not come again after
    it (an unnamed "senior executive" it quoted); any other opening gives none (since
    quotes.v11)."""
    text = names.text
    if text[at : at + 4].lower() == "the ":
        before = text[max(0, at - 40) : at]
    else:
        m = _THE_BEFORE.search(text, max(0, at - 40), at)
        if m is None:
            return None
        before = text[max(0, at - 40) : m.start()]
    floor = max(0, at - SENTENCE_REACH)
    start = _sentence_start(text, at, floor)
    # the role opens its sentence, or a quotation that opens it comes right before
    lead = text[start : at - (len(text[max(0, at - 40) : at]) - len(before))]
    if lead.strip() and not re.fullmatch(r"\s*[\"“].*[,!?]\s*[\"”]\s*", lead, re.S):
        return None
    genders: set[str] = set()
    subjects = set(names.subjects)
    people = names.people
    for _ in range(ROLE_TOPIC_SENTENCES):
        end = start
        while end > floor and text[end - 1].isspace():
            end -= 1
        if end <= floor:
            return None
        start = _sentence_start(text, end - 1, floor)
        if start <= floor and floor > 0:
            return None  # the sentence may run on before the window: not read
        lo = bisect_left(people, (start, ""))
        # (a capitalised word after "the" is no name: "The Republican nominee was speaking")
        while lo < len(people) and people[lo][0] < start + SUBJECT_REACH and _after_preposition(text, people[lo][0]):
            lo += 1
        first = people[lo] if lo < len(people) and people[lo][0] < start + SUBJECT_REACH else None
        if first is not None:
            pos, name = first
            para = text.rfind("\n", 0, pos) + 1
            if (
                first not in subjects
                or _OPENING_CLAUSE.search(text, start, pos)
                or any(
                    w[:1].isupper() and _title_kind(_strip_dot(w)) is None
                    for w in text[start : max(pos, text.find(name.split()[0], pos, pos + 80))].strip(' "“').split()
                )
                or _possessive(text, pos, name)
                or re.match(
                    r"\s+(?:and|or|&)\s+[A-Z]",
                    text[text.find(name.split()[-1], pos, pos + 80) + len(name.split()[-1]) :],
                )
                or any(para <= p < pos for p, _ in people)
                or (_gender(name, names) is None and not any(p == pos for p, _ in names.confirmed))
                or any(_gender(name, names) not in (g, None) for g in genders)
                or any(n == name and r != word and r not in _DEGREE_ROLES for _, r, n in names.roles)
                or re.search(rf"\b{re.escape(word)}s?\b", text[pos + len(name) : at], re.I)
            ):
                return None
            return name
        opening = _CHAIN_OPENING.match(text, start)
        if opening is None:
            return None
        if opening.group("pron"):
            genders.add("m" if opening.group("pron") == "He" else "f")
        elif not _described(opening.group("words")):
            return None
    return None


def _lower_roles(before: list[str], names: _Names) -> list[tuple[int, str, str]]:
    """The roles in lower case tied to a name ("Environment minister Owain Delacourt") that a
    role mention whose words before its role word are ``before`` may name: none after a
    possessive pronoun ("her attorney": someone's, not the attorney named), and, when the
    mention has a capitalised modifier ("the Trump adviser"), only those with that word in
    the three words before the role (since quotes.v11)."""
    if any(_strip_dot(w) in ("his", "her", "their", "its", "my", "our", "your") for w in before):
        return []
    caps = [w.rstrip("'’s").lower() for w in before if w[:1].isupper() and _strip_dot(w) not in _DETERMINERS]
    if not caps:
        return names.lower_roles
    text = names.text
    return [
        r
        for r in names.lower_roles
        if all(c in {x.rstrip("'’s").lower() for x in text[max(0, r[0] - 60) : r[0]].split()[-4:-1]} for c in caps)
    ]


def _titled_once(at: int, word: str, names: _Names) -> list[tuple[int, str, str]]:
    """People named with a title that gives the role ``word`` whose name the scan ties to no
    role: one name ("President Obama formally endorsed ...") or a surname given in full before
    ("Sen. Sanders"), within ``PRONOUN_REACH`` before ``at`` (since quotes.v13; names of two
    words or more with a title are ``ArticleNames.roles``)."""
    text = names.text
    out: list[tuple[int, str, str]] = []
    for pos, name in names.people[bisect_left(names.people, (at - PRONOUN_REACH, "")) :]:
        if pos >= at:
            break
        last = name.split()[-1]
        end = text.find(last, pos, pos + 80)
        if end <= pos:
            continue
        info = _article_names._run_info(text[pos : end + len(last)], True)
        if info is not None and word in info.roles and not any(p == pos for p, _, _ in names.roles):
            out.append((pos, word, name))
    return out


def _qualified_roles(before: list[str], names: _Names) -> list[tuple[int, str, str]]:
    """The roles tied to a name by a title or an apposition (``ArticleNames.roles``) that a role
    mention whose words before its role word are ``before`` may name: all of them, or, when
    the mention has a capitalised qualifier or possessor that is a person's name the article
    gives in full ("Rubio's communications director", "the Trump adviser"), those with that
    word within 80 characters of the name (since quotes.v13; before, any director named
    earlier)."""
    caps = [_possessor_free(w).lower() for w in before if w[:1].isupper() and _strip_dot(w) not in _DETERMINERS]
    if not caps or _strip_dot(caps[-1]) not in names.full:
        return names.roles  # (an organisation's or a place's role: "the GOP leader", "the Ohio senator")
    text = names.text
    return [r for r in names.roles if all(c in text[max(0, r[0] - 80) : r[0] + len(r[2]) + 80].lower() for c in caps)]


def _described(words: str) -> bool:
    """Whether the words after a sentence's opening "The" hold a role or a person's
    description before the verb ("Republican vice presidential nominee was speaking"; not
    "order directs the treasury secretary"): read up to a determiner, a preposition or a word in
    lower case ending in -s, -ed or -ing that is neither."""
    for w in words.split():
        k = _strip_dot(w)
        if _title_kind(k) == "role" or _desc_kind(k) == "person":
            return True
        if k in _DETERMINERS or k in _PLACE_BEFORE or (w.islower() and k.endswith(("s", "ed", "ing"))):
            return False
    return False


def _possessive(text: str, pos: int, name: str) -> bool:
    """Whether the name at ``pos`` is in the possessive ("Ryan's break from Trump")."""
    last = name.split()[-1]
    k = text.find(last, pos, pos + 80)
    return k >= 0 and text[k + len(last) : k + len(last) + 2] in ("'s", "’s")


#: words before a sentence's first name that make it no subject: a comma (an opening phrase),
#: a conjunction that opens a clause ("Just hours before Mr. Cohn resigned, ...")
_OPENING_CLAUSE = re.compile(
    r",|\b(?:before|after|when|as|if|while|since|though|although|because|until|once|where)\b", re.I
)


#: a relative pronoun before the one person of a sentence makes that person the subject of
#: a relative clause, not of the sentence ("North Carolina, which Obama won narrowly, ...")
_RELATIVE = re.compile(r"\b(?:which|that|whom|whose|who)\b")

#: a personal pronoun in the sentence of the one person it names makes that person no subject
_PERSONAL = re.compile(r"\b(?:he|she|they|we|I|He|She|They|We)\b")


#: how far back the sentence before a quotation is looked for (since quotes.v8)
SENTENCE_REACH = 600

#: how far from its sentence's start the one person of the sentence before a quotation may be
#: named to be taken for its subject ("Retired crane driver Ossie Brand, 71, joined ..."; since quotes.v8)
SUBJECT_REACH = 60


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends a short capitalised word ("Sen.", "Dr.", "U.S.")
    rather than a sentence."""
    k = dot
    while k > 0 and not text[k - 1].isspace() and dot - k < 12:
        k -= 1
    word = re.split(r"[-/(\"“‘']", text[k:dot])[-1]  # "ex.-U.S.": its last part
    return bool(word) and word[:1].isupper() and len(word.replace(".", "")) <= 3


def _in_sentence_of(who: str | None, pos: int, k: int, names: _Names) -> bool:
    """Whether ``who`` is named earlier in the sentence of the person ``names.people[k]`` at
    ``pos`` ("Marit Olsgaard, head of operations at forwarder Nordlink Cargo, said": an
    apposition's name)."""
    if who is None:
        return False
    text = names.text
    while k > 0:
        k -= 1
        p, name = names.people[k]
        if any(not _abbreviation(text, p + mm.start()) for mm in _SENTENCE_END.finditer(text[p:pos])):
            return False
        if _same_person(name, who):
            return True
    return False


def _same_person(name: str, who: str) -> bool:
    """Whether two names of the article are one person's ("Al Dwoskin", "Dwoskin")."""
    return name == who or name.split()[-1] == who.split()[-1]


_OPENING_MARKS = "\"“‘'«„"


def _introduced_before(at: int, g: str, names: _Names) -> str | None:
    """For "he" or "she" at ``at`` in a paragraph that opens with a quotation
    ('"No one is writing songs for Hillary," he said.'): the person named last in the paragraph
    before, when that paragraph quotes no one, names them with a role ("something that
    concerns Henry Crespo, president of the ... Caucus.": an apposition of a role after the
    name alone) and their gender
    is the pronoun's or unknown; ``None`` otherwise (since quotes.v6: such a person is no
    sentence's subject, and the one named before as a subject was chosen)."""
    text = names.text
    para = text.rfind("\n", 0, at) + 1
    if para < 2 or text[para : min(at, para + 8)].lstrip()[:1] not in _OPENING_MARKS:
        return None
    prev_end = para - 1
    while prev_end > 0 and text[prev_end - 1].isspace() and para - prev_end < 8:
        prev_end -= 1
    prev = text.rfind("\n", max(0, prev_end - PRONOUN_REACH), prev_end) + 1
    if prev == 0 and prev_end > PRONOUN_REACH:
        return None  # (a paragraph longer than that: not read, so the time stays linear)
    if any(c in text[prev:prev_end] for c in _OPENING_MARKS[:3]):
        return None  # the paragraph before quotes someone: theirs, as before
    k = bisect_left(names.people, (para, "")) - 1
    first = bisect_left(names.people, (prev, ""))
    while k >= first and not text.startswith(names.people[k][1] + ",", names.people[k][0]):
        k -= 1  # a name inside the apposition ("the Harbour Guild")
    if k < first:
        return None
    pos, name = names.people[k]
    if not any(p == pos for p, _, _ in names.roles) or re.search(r"[.!?]\s", text[pos:prev_end]):
        return None  # a role in an apposition after the bare name, not a title ("President Barack
        # Obama"), in the paragraph's last sentence
    gender = _gender(name, names)
    if gender is None and any(_gender(n, names) == g for _, n in names.people[first:k]):
        return None  # "Clara Moss, who ..., said ... Jonas Wirth, the site manager, said ... / she said"
    return name if gender in (g, None) else None


def _fitting(names: _Names, g: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]], list[tuple[int, str]]]:
    """The article's subjects, confirmed people and people whom a pronoun of gender ``g`` may
    name (their gender ``g`` or unknown), kept for the next pronoun of the article."""
    found = names.fitting.get(g)
    if found is None:
        fits = (g, None)
        found = names.fitting[g] = (
            [(pos, n) for pos, n in names.subjects if _gender(n, names) in fits],
            [(pos, n) for pos, n in names.confirmed if _gender(n, names) in fits],
            [(pos, n) for pos, n in names.people if _gender(n, names) in fits],
        )
    return found


def _gender(name: str, names: _Names) -> str | None:
    """A person's gender as the ``first-names`` lexicon gives it
    (:func:`newsprism.names.first_name_gender`), else as the article shows it (pronouns,
    Mr./Ms.), else ``None``."""
    # the first-names lexicon first (since quotes.v2): an article's pronouns after a name are
    # sometimes another person's ("said Hillary Clinton's rival, who ... he")
    memo = names.gender_memo
    if name not in memo:
        memo[name] = _article_names.first_name_gender(name) or names.gender.get(name) or names.lone_gender.get(name)
    return memo[name]


# ---------------------------------------------------------------------------------------------
# the same quotation across articles


_STRAIGHT = str.maketrans("“”‘’„«»", '""\'\'"""')


def fold(text: str) -> str:
    """A quotation's text for comparison: NFKC, curly marks straight, whitespace folded."""
    t = unicodedata.normalize("NFKC", text)
    t = t.translate(_STRAIGHT)
    return " ".join(t.split())


def _name_words(name: str) -> list[str]:
    """A name's words for matching: case folded, accents taken off."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'").split()


def speaker_matches(query: str, speaker: str) -> bool:
    """Whether ``query`` names ``speaker``: the same words, case and accents aside, or the last
    words of the name ("Stoltenberg" and "jens stoltenberg" name "Jens Stoltenberg"; "Jens"
    does not, nor does "Berg")."""
    q, s = _name_words(query), _name_words(speaker)
    return bool(q) and len(q) <= len(s) and s[len(s) - len(q) :] == q


def _key_words(text: str) -> list[str]:
    return [fold_spelling(w) for w in word_list(text)]


def _match(a: list[str], b: list[str]) -> int:
    return sum(x.size for x in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())


def _same_words(short: list[str], long: list[str]) -> bool:
    """Whether ``short`` is rendered in ``long``: 80% of its words in order, or, for a typo
    ("provovative"), 85% of its characters in order within the matching part of ``long``."""
    if not short or not long:
        return False
    matched = _match(short, long)
    if matched >= 0.8 * len(short):
        return True
    if len(short) > 6 or matched < 0.5 * len(short) - 1:
        return False  # a typo costs a short quotation one word; a long one keeps 80% anyway
    a, b = " ".join(short), " ".join(long)
    if not any(w[:4] in b for w in short if len(w) >= 4):
        return False
    sm = SequenceMatcher(None, a, b, autojunk=False)
    return sum(x.size for x in sm.get_matching_blocks()) >= 0.85 * len(a)


def group_quotes(
    quotes: Iterable[Quote], articles: Iterable[Article] = (), terms: Iterable[QuotedTerm] = ()
) -> tuple[list[Quote], list[QuoteGroup], list[QuotedTerm]]:
    """Group the quotations that several articles carry and say how each rendered it.

    Two quotations of different articles are the same when, word for word (case, British and
    American spelling folded), the shorter one's words are found in order in the longer for
    at least 80% of them and it has three words or more. The group's reference is its longest
    rendering; each article's variant is ``verbatim`` (same text once marks and spaces are
    folded), ``trimmed`` (a sub-span of the reference, case aside) or ``altered`` with the
    character diff against the part of the reference it renders. A quoted term of two words
    or more (``terms``, read as a scare quote in its own article) that another article quotes
    as a quotation is that quotation: it becomes a quote of the group (speaker ``None``
    unless its article says). ``articles`` give each variant's cue words.

    Returns the quotes (the promoted terms appended, ids ``q<n>`` going on) with ``group`` set,
    the groups (ids ``g1``..., in the order of their first quotation) and the terms left."""
    qs = list(quotes)
    texts = {a.id: a.text for a in articles}
    left: list[QuotedTerm] = []
    words = [_key_words(q.text) for q in qs]
    # quoted terms that repeat another article's quotation
    n = len(qs)
    for term in terms:
        tw = _key_words(term.text)
        if len(tw) >= 2 and any(
            qs[i].article != term.article and len(words[i]) >= len(tw) and _same_words(tw, words[i]) for i in range(n)
        ):
            qs.append(Quote(f"q{len(qs) + 1}", term.article, term.sentence, term.span, term.text))
            words.append(tw)
        else:
            left.append(term)
    parent = list(range(len(qs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, set[int]] = {}
    for i, ws in enumerate(words):
        for w in set(ws):
            index.setdefault(w, set()).add(i)
    for i, ws in enumerate(words):
        if len(ws) < 2:
            continue
        counts: dict[int, int] = {}
        for w in set(ws):
            if len(index[w]) > 50:
                continue
            for j in index[w]:
                if j > i and qs[j].article != qs[i].article:
                    counts[j] = counts.get(j, 0) + 1
        if i >= n:  # a promoted term: compared with every quotation (a typo shares no word)
            counts.update({j: counts.get(j, 0) for j in range(n) if qs[j].article != qs[i].article})
        for j, c in counts.items():
            short = min(len(ws), len(words[j]))
            promoted = i >= n or j >= n
            if not promoted and (short < MIN_QUOTE_WORDS or c < 0.6 * min(len(set(ws)), len(set(words[j])))):
                continue
            a, b = (ws, words[j]) if len(ws) <= len(words[j]) else (words[j], ws)
            if _same_words(a, b):
                parent[find(j)] = find(i)
    members: dict[int, list[int]] = {}
    for i in range(len(qs)):
        members.setdefault(find(i), []).append(i)
    groups: list[QuoteGroup] = []
    out = list(qs)
    for root in sorted(members, key=lambda r: min(members[r])):
        ids = members[root]
        if len({qs[i].article for i in ids}) < 2:
            continue
        ref = max(ids, key=lambda i: (len(words[i]), len(qs[i].text), -i))
        gid = f"g{len(groups) + 1}"
        variants: list[QuoteVariant] = []
        seen: set[str] = set()
        # each article's fullest rendering is its variant (a partial quotation of the same words
        # elsewhere in the article stays in the group)
        for i in sorted(
            ids, key=lambda i: (i != ref, qs[i].article != qs[ref].article, -_match(words[i], words[ref]), i)
        ):
            q = qs[i]
            out[i] = replace(q, group=gid)
            if q.article in seen:
                continue  # an article quoting the same words twice: its first rendering
            seen.add(q.article)
            variant, diff = _variant(qs[ref].text, q.text)
            cue = q.cue.of(texts[q.article]) if q.cue is not None and q.article in texts else None
            variants.append(QuoteVariant(q.id, q.article, variant, q.speaker, cue, diff))
        speakers = [sp for sp in (qs[i].speaker for i in ids) if sp]
        # the name most variants give; a proper name before a role left as written
        speaker = (
            max(sorted(set(speakers)), key=lambda sp: (speakers.count(sp), sp[:1].isupper(), -len(sp)))
            if speakers
            else None
        )
        groups.append(QuoteGroup(gid, qs[ref].id, tuple(variants), speaker))
    return out, groups, left


def _variant(reference: str, text: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """Punctuation at either end is the quoting style ("Taiwan." inside the marks or after
    them), not a change of the words: it is left out of the comparison."""
    edge = ".,;:!? -–—…"
    ref, mine = fold(reference).strip(edge), fold(text).strip(edge)
    if ref == mine:
        return "verbatim", ()
    if mine.lower() in ref.lower():
        return "trimmed", ()
    # the part of the reference this rendering covers
    sm = SequenceMatcher(None, ref, mine, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    lo, hi = (blocks[0].a, blocks[-1].a + blocks[-1].size) if blocks else (0, len(ref))
    window = ref[lo:hi]
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, window, mine, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("=", window[i1:i2]))
        else:
            if i2 > i1:
                ops.append(("-", window[i1:i2]))
            if j2 > j1:
                ops.append(("+", mine[j1:j2]))
    return "altered", tuple(ops)


# ---------------------------------------------------------------------------------------------
# a story


def story_quotes(
    articles: Sequence[Article],
) -> tuple[list[Quote], list[QuoteGroup], list[QuotedTerm], list[str]]:
    """The quotations of a story's articles, numbered ``q1``... in article order, grouped
    across articles (:func:`group_quotes`), the quoted terms left, and one note per article
    whose quotation marks did not balance (``"<source>: ..."``)."""
    quotes: list[Quote] = []
    terms: list[QuotedTerm] = []
    notes: list[str] = []
    for art in articles:
        found = article_quotes(art)
        quotes += [replace(q, id=f"q{len(quotes) + k + 1}") for k, q in enumerate(found.quotes)]
        terms += found.terms
        notes += [f"{art.source}: {n}" for n in found.notes]
    quotes, groups, left = group_quotes(quotes, articles, terms)
    return quotes, groups, left, notes


def shared_sentences(quotes: Iterable[Quote]) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of sentences of different articles that carry a quotation of the same group."""
    by_group: dict[str, set[tuple[str, int]]] = {}
    for q in quotes:
        if q.group is not None:
            by_group.setdefault(q.group, set()).add((q.article, q.sentence))
    pairs: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for members in by_group.values():
        ms = sorted(members)
        pairs.update((a, b) for k, a in enumerate(ms) for b in ms[k + 1 :] if a[0] != b[0])
    return sorted(pairs)


def scare_marks(terms: Iterable[QuotedTerm], articles: Iterable[Article]) -> list[FramingMark]:
    """The scare quotes among quoted terms as ``scare_quote`` framing marks (ids ``m1``...),
    the quoted words' span with its marks; titles and nicknames are not framing."""
    texts = {a.id: a.text for a in articles}
    out: list[FramingMark] = []
    for t in terms:
        if t.kind == "scare":
            span = t.marked or t.span
            text = span.of(texts[t.article]) if t.article in texts else t.text
            out.append(FramingMark(f"m{len(out) + 1}", t.article, span, text, "scare_quote", lexicon=QUOTES_VERSION))
    return out
