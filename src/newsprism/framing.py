"""Framing marks of a story's articles, and whose voice each one is.

:func:`story_marks` gathers, for every article of a story, the words that frame what it
reports (types of :data:`newsprism.model.FRAMING_TYPES`):

- ``attribution``, ``hedge``, ``loaded``: the word lists of :mod:`newsprism.framing_lexicon`
  (judging reporting verbs read in context, hedges, loaded words); a loaded verb of saying
  that introduces a quotation ("fumed", "lectured" as the quotation's cue) is an
  ``attribution``: it is how the outlet reports the statement;
- ``scare_quote``: one or two quoted words with which the outlet keeps its distance: the quotes
  stage's candidates (:mod:`newsprism.quotes`), less those :func:`scare_quote_reason` finds to
  be someone's words, a name, a word mentioned as a word or an answer (since framing.v3);
- ``naming``: names chosen for an entity where outlets differ, when the caller passes them
  (:mod:`newsprism.entities`).

:func:`corpus_marks` gives the marks the corpus stores of each article at ingest: the same
framing marks, and a ``naming`` mark for every name of the alias table the article uses (a
corpus has no story to compare names within; ``newsprism outlets`` counts them per outlet).

Every mark says whether it stands inside a quotation (``quoted``): then the words are the
speaker's, not the outlet's, and :func:`own_voice` leaves them out of the outlet's counts. A
mark is attached to the fact of its sentence (``fact``) once the facts are known
(:func:`attach_facts`).

``framing.v12``: headlines marked by the body's rules (:func:`headline_marks`).
``framing.v14``: v13 and loaded marks from contrast evidence (:func:`contrast_marks`, called by
``compare`` once the facts' word edits are known): a graded word of ``intensity-pairs`` where
another outlet words the same fact with its plain word ("rattled" / "shook", "snapped up" /
"bought"); one article's marks (:data:`ARTICLE_MARKS_VERSION`) are unchanged.
``framing.v13``: v12 with the naming marks of ``entities.v10`` (a company's registered name,
"... plc", "... Ltd", where its outlet alone writes it; "Federal Republic of X" and "the Xian
Republic" for the state; "the government in" a city of the story's one formally named state; a
brand's owner named by the brand, "the Greyline owner", where the story states who owns it; a
plain description of a company that is the name its article gives it, resolved by a word
another article ties to the company, "The Tarnholm conglomerate"); one article's marks are not
changed by it.
``framing.v11``: v10 with the naming marks of ``entities.v9`` (within-story resolution with no
alias row: an abbreviation an outlet never writes out for a name the story writes in full, a
brand and its owner where an article states the relation and the outlets split on the names, a
nickname tied with no quotation marks, a capital tied to its state in so many words); one
article's marks are not changed by it.
``framing.v10``: v9 with the word lists of ``framing-lexicon.v4`` (``hedges.v3``: "appears to",
"seems to", their forms, "seemingly" and "would-be" are no hedge, nor a passive hedge before a
casualty's condition, "are not thought to be life-threatening"; "it's" is no possessive) and the
naming marks of ``entities.v8`` (a capital before "government", "regime", "junta" or
"authorities" for the story's one state the alias table lacks, "the Velsk regime"; "the club"
no mark; a registered name, "... Football Club Ltd", was tried as a form of the common one and
dropped: docs/entities.md).
``framing.v9``: v8 with the naming marks of ``entities.v7`` ("County Hall" for the story's one
county council, "B3290 Fellgate Road" for the road the others call "Fellgate Road", a formal name
stated after "officially" no mark); one article's marks are not changed by it.
``framing.v8``: v7 with scare quotes that hold on real reporting (``scare-quote-cues.v2``): a
quoted word or two is no scare quote when it stands in reported speech ("said that ...", "said
she would ...") or in a sentence attributed after a comma (", Schiff said."), beside a
speaker's quoted words, quoted elsewhere in the article and given to a speaker there, written
without marks elsewhere in the article (two words or more: a term), led by a capital ("Ferguson
effect", "Buffett rule": a name), named as words by what follows ("stands for", "to mean"), one
of a list of quoted labels ("red" to "yellow" to "green"), a survey's answer ("41 percent would
be "mostly satisfied""), in a list of headlines run into the text or an embedded post, or code;
:func:`article_scare_reasons`. framing.v8 also takes the naming marks of ``entities.v6`` (a
nickname tied to a name is that entity wherever the story writes it, and a mark when at most
half the other outlets write it; "the" and a singular head alone, "the tycoon", is the entity
the article last described with it; "health chiefs" the body named by the word; a description
before "the" and a name, "watchdog the Financial Conduct Board"); one article's marks are not
changed by it.
``framing.v7``: v6 with the word lists of ``framing-lexicon.v3`` (``loaded-words.v3``: general
news vocabulary of every kind the list defines, fraudster, swindled, made off with, scraped
through, firestorm, pull the plug..., and no "regime" after "monitoring", "oversight" and other
technical heads); the rules are v6's.
``framing.v6``: v5 with the naming marks of ``entities.v5`` (a nickname in quotation marks right
after a name, "dubbed “Red Ilaria”", is a mention and can be a mark; a common word opening a
sentence before a plain name, "Goalkeeper Piet Haverkamp", is none; a state's government or
officials join the naming table, never a mark); one article's marks are unchanged.
``framing.v5``: v4 with the naming marks of ``entities.v4`` (a short name merged with the longer
name it opens, an abbreviation coined in brackets, no mark for a place of the story before a
plain name); one article's marks (:data:`ARTICLE_MARKS_VERSION`) are unchanged.
``framing.v4`` (v3, and: the outlet naming itself as knowing, "the Gazette understands", is a
hedge (:func:`self_sourced`); a loaded verb of saying that opens reported speech, "lectured MPs
that...", is an attribution; the quotes stage's speaker terms are scare-quote candidates too,
and a hedge's passive after the marks, "are said to", names no speaker; the word lists of
``framing-lexicon.v2``). ``framing.v3``: scare quotes decided here (:func:`scare_quote_reason`);
v2 kept a loaded word inside a longer naming mark as well: "regime" in "the Brazzaville regime". Limits: those
of the word lists (no parser: a form's part of speech is not checked) and of quotation finding;
a hedge the writer puts in a speaker's mouth outside the marks ("she allegedly said") is the
outlet's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

from . import lexicons
from .framing_lexicon import FRAMING_LEXICON_VERSION, entry, lexicon_marks
from .model import FRAMING_TYPES, Article, Fact, FramingContrast, FramingMark, OutletProfile, Quote, Sentence, Span
from .names import reporting_cues
from .quotes import CONTEXT_CHARS, QUOTES_VERSION, SHORT_CUE_WORDS, QuotedTerm, article_quotes
from .text import stopwords, word_count

FRAMING_VERSION = "framing.v15"
#: the version of one article's marks (:func:`article_marks`), which the corpus stores: v2
#: changed only how a story's naming marks merge with them (:func:`story_marks`), v3 which
#: quoted words are scare quotes (:func:`scare_quote_reason`), v4 the outlet's own "the
#: Gazette understands" as a hedge (:func:`self_sourced`) and the word lists of
#: ``framing-lexicon.v2``, v7 the word lists of ``framing-lexicon.v3`` (``loaded-words.v3``),
#: v8 which quoted words are scare quotes (:func:`article_scare_reasons`, ``scare-quote-cues.v2``),
#: v10 the word lists of ``framing-lexicon.v4`` (``hedges.v3``), v15 those of
#: ``framing-lexicon.v5``, no attribution or hedge in a label ("CLAIM:") and the institutions
#: of ``scare-quote-cues.v3``
ARTICLE_MARKS_VERSION = "framing.v15"


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of the sorted, non-overlapping ``spans``."""
    k = bisect_right(starts, start) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


_REPORTING = re.compile(r"[A-Za-z]+(?: (?:to|out))?")
#: a verb of saying that opens reported speech: "that" right after it or after an object that
#: is a pronoun or a name ("lectured MPs that", "scolded him that"; not "brushed aside warnings
#: that", where "that" opens the warnings)
_SAYING_THAT = re.compile(
    r"(?:\s+(?:him|her|them|us|me|[A-Z][\w'’-]*)){0,2}\s+that\s+"
    # what opens the reported clause: a determiner, a pronoun, a name, a figure or a quotation
    # ("railed that "screens...", "scoffed that Obama"; not "brushed off that treatment")
    r"(?:(?:the|a|an|this|these|those|his|her|its|their|our|my|your|some|no|any|every|all|he|she|it"
    r"|they|we|i|you|there|nobody|no-one|everyone|everybody|nothing)\b|[A-Z0-9\"“‘'])"
)


#: a word in capitals before a colon that opens its line: a label ("CLAIM: ...", "VERDICT:"),
#: the form of a fact check or a Q&A, not the outlet's judging of a statement (framing.v15; a
#: loaded word stays: a tabloid's "FURY: ..." is its word choice)
_LABEL_BEFORE = re.compile(r"(?:^|\n)[ \t]*\Z")


def _is_label(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a label: capitals only, a colon right after it, nothing
    but spaces before it on its line."""
    word = text[start:end]
    return text[end : end + 1] == ":" and word.isupper() and bool(_LABEL_BEFORE.search(text, max(0, start - 8), start))


def _reported(text: str, sentence_starts: list[int], start: int) -> bool:
    """Whether ``start`` stands in reported speech: after a reporting verb earlier in its
    sentence ("argued that the plan was a ploy", "accused him of demonizing"). A loaded word
    there is most often the speaker's, paraphrased (judged on real reporting: 7 of 20 loaded
    marks sampled on BASIL were)."""
    k = bisect_right(sentence_starts, start) - 1
    lo = sentence_starts[k] if k >= 0 else 0
    cues = reporting_cues()
    return any(m.group().lower() in cues for m in _REPORTING.finditer(text, lo, start))


def article_marks(
    article: Article, quotes: Iterable[Quote] = (), terms: Iterable[QuotedTerm] = ()
) -> list[FramingMark]:
    """The framing marks of one article (ids left empty; :func:`story_marks` numbers them), in
    text order. ``quotes`` and ``terms`` are the article's quotations and quoted terms."""
    text = article.text
    own = [q for q in quotes if q.article == article.id]
    spans = sorted((q.start, q.end) for q in own)
    starts = [s for s, _ in spans]
    cues = {(q.cue.start, q.cue.end) for q in own if q.cue is not None}
    sentence_starts = [s.start for s in article.sentences] or [0]
    out: list[FramingMark] = []

    def mark(start: int, end: int, kind: str, lexicon: str, quoted: bool, note: str | None = None) -> None:
        out.append(
            FramingMark(
                "", article.id, Span(start, end), text[start:end], kind, lexicon=lexicon, quoted=quoted, note=note
            )
        )

    for start, end, kind, version in lexicon_marks(text):
        if kind != "loaded" and text[end : end + 1] == ":" and _is_label(text, start, end):
            continue  # "CLAIM: ...": a fact check's label
        note = None
        if kind == "loaded":
            row = entry(text, (start, end, kind, version))
            if row.get("kind") == "saying" and (
                any(cs <= start and end <= ce for cs, ce in cues) or _SAYING_THAT.match(text, end)
            ):
                # "...," fumed the mayor / he lectured MPs that...: how the outlet reports the
                # statement (reported speech since framing.v4)
                kind = "attribution"
            elif row.get("neutral"):
                note = f"neutral: {row['neutral']}"
        quoted = _inside(spans, starts, start, end)
        if kind == "loaded" and not quoted and _reported(text, sentence_starts, start):
            quoted, note = True, "reported speech" + (f"; {note}" if note else "")
        mark(start, end, kind, FRAMING_LEXICON_VERSION, quoted, note)
    candidates = _scare_candidates(article, own, terms)
    said = quoted_words((q.text for q in own), {_key(text, sp.start, sp.end) for sp in candidates})
    reasons = [
        scare_quote_reason(text, span.start, span.end, *_sentence(article, sentence_starts, span.start), said, spans)
        for span in candidates
    ]
    for span, why in zip(candidates, article_scare_reasons(text, candidates, reasons, own), strict=True):
        if why is None:
            mark(span.start, span.end, "scare_quote", QUOTES_VERSION, _inside(spans, starts, span.start, span.end))
    taken = [(m.start, m.end) for m in out]
    for start, end in self_sourced(text, article.outlet):
        if not any(s < end and start < e for s, e in taken):
            note = "the outlet's own unnamed sourcing"
            mark(start, end, "hedge", FRAMING_VERSION, _inside(spans, starts, start, end), note)
    out.sort(key=lambda m: (m.start, m.end, m.type))
    return out


#: what an outlet says of itself when it reports what it was told by no one it names ("The
#: Gazette understands", "the Times has learned")
_SELF_VERBS = re.compile(r"(?:understands|understood|has\s+learn(?:ed|t)|has\s+been\s+told|was\s+told)(?![\w-])")
#: an outlet name longer than this is not looked for (each verb looks back as far as the name)
SELF_NAME_CHARS = 120
#: words one of which a text holds when it can hold such a phrase (a quick test first)
_SELF_WORDS = ("understands", "understood", "learned", "learnt", "told")


@cache
def _self_pattern(outlet: str) -> re.Pattern[str] | None:
    """The expression of ``outlet`` naming itself right before one of :data:`_SELF_VERBS`: its
    name (less a leading "The"), or its last word after "the" ("the Gazette" of "The Harnwick
    Gazette"), then spaces to the end of the searched stretch; none for a name of no letters."""
    words = re.findall(r"[\w&'’.-]+", outlet)
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return None
    full = r"\s+".join(re.escape(w) for w in words)
    forms = [rf"(?:[Tt]he\s+)?{full}"]
    if len(words) > 1 and len(words[-1]) > 2:
        forms.append(rf"[Tt]he\s+{re.escape(words[-1])}")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms)})\s+\Z")


def self_sourced(text: str, outlet: str | None) -> list[tuple[int, int]]:
    """The spans where the outlet names itself as knowing what it does not source ("The Harnwick
    Gazette understands that...", "the Times has learned"): a hedge in the outlet's own voice,
    the claim pinned on no one named (since framing.v4). Matched case-sensitively on the
    outlet's name as the input gives it; without an outlet (or with one of more than
    ``SELF_NAME_CHARS``), none. Each verb looks back only as far as the outlet's name reaches."""
    pattern = _self_pattern(outlet) if outlet and len(outlet) <= SELF_NAME_CHARS else None
    if pattern is None or not any(w in text for w in _SELF_WORDS):
        return []
    reach = len(outlet or "") + 16
    out = []
    for m in _SELF_VERBS.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
            continue
        named = pattern.search(text, max(0, m.start() - reach), m.start())
        if named is not None:
            out.append((named.start(), m.end()))
    return out


#: which marks the corpus keeps of an article (:func:`corpus_marks`)
CORPUS_MARKS_VERSION = "corpus-marks.v1"


@cache
def corpus_marks_method() -> str:
    """The versions that decide an article's stored marks (:func:`corpus_marks`): this rule,
    the framing stage, its word lists, the quotes stage (scare quotes, ``quoted``) and the
    alias table. A store whose marks were made by another method finds them again."""
    aliases = lexicons.load("entity-aliases").version
    return "+".join((CORPUS_MARKS_VERSION, ARTICLE_MARKS_VERSION, FRAMING_LEXICON_VERSION, QUOTES_VERSION, aliases))


def corpus_marks(article: Article, quotes: Iterable[Quote] = (), terms: Iterable[QuotedTerm] = ()) -> list[FramingMark]:
    """The marks the corpus keeps of one article, ids ``m1``... in text order: its framing marks
    (:func:`article_marks`) and a ``naming`` mark for every name of the alias table it uses
    (:func:`newsprism.entities.alias_marks`, ``note`` the canonical name), so that an outlet's
    choice of names can be counted across its articles (within a story :func:`story_marks`
    marks only the names that set an outlet apart). ``quotes`` and ``terms`` are the
    article's quotations and quoted terms (:func:`newsprism.quotes.article_quotes`)."""
    from .entities import alias_marks  # the entities stage loads its tables on first use

    qs = [q for q in quotes if q.article == article.id]
    found = article_marks(article, qs, terms) + alias_marks(article, qs)
    found.sort(key=lambda m: (m.start, m.end, m.type))
    # new records rather than dataclasses.replace, which is several times slower
    return [
        FramingMark(f"m{k}", m.article, m.span, m.text, m.type, m.lexicon, m.entity, m.fact, m.quoted, m.note)
        for k, m in enumerate(found, start=1)
    ]


def story_marks(
    articles: Sequence[Article],
    quotes: Iterable[Quote] = (),
    terms: Iterable[QuotedTerm] = (),
    extra: Iterable[FramingMark] = (),
) -> list[FramingMark]:
    """The framing marks of every article of a story, in article then text order, numbered
    ``m1``...; ``extra`` marks (naming) join them, a lexicon mark overlapping one of them
    giving way, unless it is a word inside a longer name ("regime" in "the Brazzaville
    regime": the name is a naming choice, the word a loaded one; since framing.v2)."""
    qs, ts, ex = list(quotes), list(terms), list(extra)
    out: list[FramingMark] = []
    for art in articles:
        mine = [m for m in ex if m.article == art.id]
        found = [m for m in article_marks(art, qs, ts) if not any(_gives_way(m, x) for x in mine)]
        merged = sorted(found + mine, key=lambda m: (m.start, m.end, m.type))
        out += merged
    return [replace(m, id=f"m{k}") for k, m in enumerate(out, start=1)]


def headline_marks(articles: Sequence[Article]) -> list[FramingMark]:
    """The framing marks of each article's headline, numbered ``h1``... in article order, spans
    into ``Article.title`` (a headline is not part of ``Article.text``; the comparison's JSON
    lists them under ``headline_framing``). The headline is read as a one-sentence article by
    the same rules as the body (:func:`article_marks`: word lists with their contexts, scare
    quotes of the quotes stage, where a headline's single marks around a speaker's words are a
    quotation, "Barr: report 'imminent'"), and its quotations are its own: a loaded word inside
    a quoted headline phrase is flagged ``quoted``. No naming marks: which outlet names an
    entity how is read in the body (:mod:`newsprism.entities`)."""
    out: list[FramingMark] = []
    for art in articles:
        head = art.title or ""
        if not head.strip():
            continue
        line = Article(
            art.id,
            head,
            art.source,
            outlet=art.outlet,
            sentences=(Sentence(0, Span(0, len(head)), head),),
        )
        found = article_quotes(line)
        said = _headline_said(head)
        for m in article_marks(line, found.quotes, found.terms):
            if not m.quoted and m.type != "scare_quote" and any(s <= m.start and m.end <= e for s, e in said):
                given = "the headline gives these words to a source"
                m = replace(m, quoted=True, note=given + (f"; {m.note}" if m.note else ""))
            out.append(m)
    return [replace(m, id=f"h{k}") for k, m in enumerate(out, start=1)]


#: a headline led by a speaker and a colon, the words after it the speaker's ("Jeb Bush: ...",
#: "Obama on Leno: ..."): two to four capitalised words, or any of them and "on" and a few
#: words; not in capitals (a section's label, "OPINION: ..."), not one word alone ("Opinion:")
_HEADLINE_SPEAKER = re.compile(
    r"(?=[^:]*[a-z][^:]*:)"
    r"(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}|[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} on [^:]{1,40}): "
)
#: words a headline puts in quotation marks, single or double: a source's words by the
#: headline convention ("McCain family slams 'mocking' tweet")
_HEADLINE_QUOTED = re.compile(r"(?<![\w'’])['‘\"“]([^'‘’\"“”]{1,120})['’\"”](?![\w'’])")


def _headline_said(head: str) -> list[tuple[int, int]]:
    """The stretches of a headline that are a source's words (since framing.v12's review): what
    follows a speaker's colon, and words in quotation marks."""
    spans = [(m.start(1), m.end(1)) for m in _HEADLINE_QUOTED.finditer(head)]
    lead = _HEADLINE_SPEAKER.match(head)
    if lead is not None:
        spans.append((lead.end(), len(head)))
    return spans


def _gives_way(mark: FramingMark, name: FramingMark) -> bool:
    """Whether a lexicon mark yields to a naming mark: they overlap, and the mark is not a word
    inside the longer name."""
    if not (name.start < mark.end and mark.start < name.end):
        return False
    inside = name.start <= mark.start and mark.end <= name.end
    return not (inside and name.end - name.start > mark.end - mark.start and mark.type == "loaded")


def attach_facts(marks: Iterable[FramingMark], facts: Iterable[Fact], articles: Sequence[Article]) -> list[FramingMark]:
    """The marks with ``fact`` set to the fact of the sentence they stand in (if any)."""
    fact_of = {(m.article, m.sentence): f.id for f in facts for m in f.members}
    bounds = {a.id: ([s.start for s in a.sentences], a) for a in articles}
    out = []
    for m in marks:
        starts, art = bounds.get(m.article, ([], None))
        k = bisect_right(starts, m.start) - 1
        fid = fact_of.get((m.article, k)) if art is not None and k >= 0 else None
        out.append(replace(m, fact=fid) if fid is not None else m)
    return out


def own_voice(marks: Iterable[FramingMark]) -> list[FramingMark]:
    """The marks in the outlet's own voice: not inside a quotation."""
    return [m for m in marks if not m.quoted]


def outlet_profiles(
    articles: Sequence[Article],
    facts: Iterable[Fact],
    marks: Iterable[FramingMark],
    quotes: Iterable[Quote] = (),
) -> list[OutletProfile]:
    """One :class:`~newsprism.model.OutletProfile` per article, in article order: its own-voice
    marks per 1,000 words by type, the shared facts it carries (of those two or more articles
    carry), its quotations and speakers, and the facts that most of the other articles carry
    but it does not (``omitted``, fact ids)."""
    fs = [f for f in facts if len({m.article for m in f.members}) >= 2]
    mine = [m for m in marks if not m.quoted]
    qs = list(quotes)
    others = max(1, len(articles) - 1)
    out = []
    for art in articles:
        words = word_count(art.text)
        counts = Counter(m.type for m in mine if m.article == art.id)
        per_1000 = tuple((t, round(1000 * counts[t] / words, 2) if words else 0.0) for t in FRAMING_TYPES)
        carried = [f for f in fs if any(m.article == art.id for m in f.members)]
        omitted = tuple(
            f.id
            for f in fs
            if art.id not in {m.article for m in f.members} and 2 * len({m.article for m in f.members}) > others
        )
        said = Counter(q.speaker for q in qs if q.article == art.id and q.speaker)
        speakers = tuple(sorted(said.items(), key=lambda kv: (-kv[1], kv[0])))
        own_quotes = sum(1 for q in qs if q.article == art.id)
        out.append(
            OutletProfile(art.id, art.label, words, per_1000, len(carried), len(fs), own_quotes, speakers, omitted)
        )
    return out


# ---------------------------------------------------------------------------------------------
# scare quotes (framing.v3)

#: a verb of saying this many words after the closing mark still gives the quoted words
#: (quotes.py reads a short quotation's cue in the same window: SHORT_CUE_WORDS before, 6 after)
SAY_AFTER_WORDS = 6
#: quotations the quotes stage kept (three words or more by its count) that are still read as
#: a candidate scare quote when they hold at most this many words between spaces and have
#: no cue and no speaker ("so-called "bank-grade security"": the hyphen made three words)
SHORT_QUOTATION_WORDS = 2

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-]*")
_SINGLE_MARKS = "'‘‚‹"
_MARKS = "\"“”„«»‘’'‚‹›"
_SMALL = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or", "&", "de", "von"})
#: words between a subject and its verb ("the firm has repeatedly described")
_BETWEEN_WORDS = (
    "has have had is was were are be been will would could can may might also again later then not never keeps kept"
    " keep even once just already still did does do who which that"
    # since framing.v15: a habit begun, "officials have taken to calling it a ..."
    " taken begun started to"
)
_BETWEEN = frozenset(_BETWEEN_WORDS.split())
#: a verb of saying after the marks names no speaker of them after these words: "to" ("wants
#: to say"), and the passive of a hedge ("ministers are said to be haggling", since framing.v4)
_NOT_SPEAKER_BEFORE = frozenset({"to", "is", "are", "was", "were", "be", "been", "being"})
#: a line led by a speaker and a colon (a headline's convention: "Barr: report 'imminent'")
_SPEAKER_LINE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}: ")
#: a headline's "Name: " inside a sentence (a list of headlines run into the text)
_HEADLINE_IN_TEXT = re.compile(r"(?<![\w,])[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}: \S")
#: a share of people right before quoted words: the words are their answer in a survey
_SURVEY = re.compile(
    r"(?:\bpercent|%|\bper cent)\s+(?:(?:of\s+)?(?:\w+\s+){0,2}(?:voters|respondents|people|adults|Americans"
    r"|residents|members|users|participants|parents|students|workers|patients|viewers|readers|customers"
    r"|citizens|those\s+(?:polled|surveyed|asked))\s+"
    r"|(?:[\w’'-]+\s+){0,6}(?:is|are|was|were|be|said|say|says|thought|think|felt|feel|feels|rated|answered|chose)\s+)\Z"
)
#: the byline of an embedded post after its text ("— Donald J. Trump (@realDonaldTrump)")
_POST_BYLINE = re.compile(r"[—–-]\s*[A-Z][^()\n]{0,60}\(@\w+\)")
#: quoted words inside a clause, left out when looking for its end
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
#: what ends the clause of a verb of saying before quoted words (quotes.py's clause break, less
#: "as": "described the grounding as an "incident"", "dismissed the plan as "a stunt"")
_BREAK = re.compile(r"[,;:]|\b(?:while|but|whereas|although)\b")


@cache
def _scare_cues() -> tuple[frozenset[str], ...]:
    """The ``scare-quote-cues`` lexicon by kind (say with every reporting verb, mention, answer,
    distance, institution, defines)."""
    rows = lexicons.load("scare-quote-cues").mapping("kind")
    kinds = {
        k: frozenset(w for w, v in rows.items() if v == k)
        for k in ("say", "mention", "answer", "distance", "institution", "defines", "reports")
    }
    say = kinds["say"] | frozenset(reporting_cues())
    return (
        say,
        kinds["mention"],
        kinds["answer"],
        kinds["distance"],
        kinds["institution"],
        kinds["defines"],
        say | kinds["reports"],
    )


def _tokens(
    text: str, lo: int, hi: int, skip: Sequence[tuple[int, int]] = (), limit: int | None = None
) -> list[tuple[int, int, str]]:
    """The words of ``text[lo:hi]`` as (start, end, lower case), less those inside ``skip``
    (sorted, non-overlapping spans); the first ``limit`` of them when given."""
    n = len(skip)
    k = bisect_right(skip, (lo, len(text) + 1)) - 1 if n else -1
    out = []
    for m in _TOKEN.finditer(text, lo, hi):
        at = m.start()
        while k + 1 < n and skip[k + 1][0] <= at:
            k += 1
        if k >= 0 and at < skip[k][1]:
            continue
        out.append((at, m.end(), m.group().lower().rstrip(".")))
        if limit is not None and len(out) >= limit:
            break
    return out


def _ends_with(words: list[str], phrases: frozenset[str], reach: int = 1) -> bool:
    """Whether one of ``phrases`` (one or two words) ends within the last ``reach`` of ``words``."""
    for k in range(len(words), max(0, len(words) - reach), -1):
        if words[k - 1] in phrases or (k >= 2 and f"{words[k - 2]} {words[k - 1]}" in phrases):
            return True
    return False


def _subject_is_institution(toks: list[tuple[int, int, str]], k: int, text: str) -> bool:
    """Whether the subject before the verb ``toks[k]`` is a state or corporate body ("the firm",
    "the Interior Ministry", "it"): the head word before the verb, over auxiliaries and adverbs."""
    institution = _scare_cues()[4]
    i = k - 1
    while i >= 0 and (toks[i][2] in _BETWEEN or toks[i][2].endswith("ly")):
        i -= 1
    return i >= 0 and toks[i][2].replace("’", "'").removesuffix("'s") in institution


#: the longest run of words (a quoted term) looked for among the article's quotations
ECHO_WORDS = 6
_PUNCT = ".,;:!?()\"“”‘’'"


def quoted_words(texts: Iterable[str], keys: Iterable[str] | None = None) -> frozenset[str]:
    """Runs of one to ``ECHO_WORDS`` words of the quotations ``texts``, lower case, without
    punctuation, joined by spaces: the words :func:`scare_quote_reason` reads as a speaker's.
    With ``keys`` (such runs), only those of them that the quotations hold: one pass over the
    words of each quotation that holds a key's first word."""
    if keys is None:
        out: set[str] = set()
        for text in texts:
            words = _fold_words(text)
            for n in range(1, ECHO_WORDS + 1):
                out.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        return frozenset(out)
    by_first: dict[str, list[list[str]]] = {}
    for key in keys:
        ws = key.split(" ")
        if key and len(ws) <= ECHO_WORDS:
            by_first.setdefault(ws[0], []).append(ws)
    found: set[str] = set()
    for text in texts:
        low = text.lower()
        if not any(first in low for first in by_first):
            continue
        words = _fold_words(text)
        for i, w in enumerate(words):
            for ws in by_first.get(w, ()):
                if words[i : i + len(ws)] == ws:
                    found.add(" ".join(ws))
    return frozenset(found)


def _fold_words(text: str) -> list[str]:
    return [w for w in (x.strip(_PUNCT).lower() for x in text.split()) if w]


def _key(text: str, s: int, e: int) -> str:
    """The words inside the marks ``text[s:e]`` as :func:`scare_quote_reason` compares them."""
    inner = text[s + 1 : e - 1].strip(" \t\"“”‘’'")
    return " ".join(w for w in (x.strip(".,;:!?()").lower() for x in inner.split()) if w)


def _sentence(article: Article, starts: Sequence[int], pos: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``pos`` (``starts``: the sentences' starts; the
    whole text for an article without sentences)."""
    sents = article.sentences
    if not sents:
        return 0, len(article.text)
    k = max(0, bisect_right(starts, pos) - 1)
    return sents[k].start, max(sents[k].end, pos)


#: at most this many characters between two quoted spans for one to stand beside the other
#: (a speaker's words quoted in pieces: "the "Trump dossier," that was turned into...")
NEIGHBOUR_CHARS = 40
#: and at most this many words
NEIGHBOUR_WORDS = 3
_NEIGHBOUR_BREAK = re.compile(r"[.;:!?()\n]")


def article_scare_reasons(
    text: str, candidates: Sequence[Span], reasons: Sequence[str | None], quotes: Sequence[Quote] = ()
) -> list[str | None]:
    """The reasons of :func:`scare_quote_reason` for an article's ``candidates`` (sorted, with
    their marks), with what the rest of the article says of whose words they are (since
    framing.v8): a candidate with no reason is ``echo`` when the same words are quoted
    elsewhere in the article and given to a speaker there (a label someone coined, quoted again
    without a verb), and ``speaker`` when it stands beside a speaker's quoted words, at most
    ``NEIGHBOUR_WORDS`` words and no stop between (a partial quotation in pieces: "agreed to
    "immediately begin" buying "large quantities""). ``quotes`` are the article's quotations;
    those with a speaker or a cue count as a speaker's words."""
    out = list(reasons)
    bare = _bare_counts(text, candidates, reasons)
    given = {_key(text, sp.start, sp.end) for sp, why in zip(candidates, reasons, strict=True) if why == "speaker"}
    spoken = sorted(
        [(sp.start, sp.end) for sp, why in zip(candidates, reasons, strict=True) if why in ("speaker", "echo")]
        + [(q.start, q.end) for q in quotes if q.speaker is not None or q.cue is not None]
    )
    distance = _scare_cues()[3]
    for i, (sp, why) in enumerate(zip(candidates, reasons, strict=True)):
        if why is not None or _ends_with([w for _, _, w in _tokens(text, max(0, sp.start - 40), sp.start)], distance):
            continue  # a word of distance before the marks holds whatever else does ("so-called")
        key = _key(text, sp.start, sp.end)
        if given and key in given:
            out[i] = "echo"
            continue
        if bare.get(key, 0) > 0:
            out[i] = "term"  # the outlet writes the words without marks elsewhere: a term, not distance
            continue
        k = bisect_right(spoken, (sp.start, len(text) + 1))
        near = spoken[max(0, k - 1) : k + 1]
        for a, b in near:
            gap = text[b : sp.start] if b <= sp.start else text[sp.end : a] if sp.end <= a else None
            if (
                gap is not None
                and len(gap) <= NEIGHBOUR_CHARS
                and not _NEIGHBOUR_BREAK.search(gap)
                and len(_TOKEN.findall(gap)) <= NEIGHBOUR_WORDS
            ):
                out[i] = "speaker"
                break
    return out


#: at most this many distinct terms of an article are looked for without their marks
TERM_KEYS = 200


def _bare_counts(text: str, candidates: Sequence[Span], reasons: Sequence[str | None]) -> dict[str, int]:
    """For the words of each candidate with no reason that hold two words or more (or a hyphen:
    "swing states", "fast-track"), how many times the article writes them beyond its quoted
    candidates: without marks, the outlet's own term (since framing.v8). One pass over the
    words of the text; at most ``TERM_KEYS`` distinct words looked for."""
    keys = sorted(
        {k for sp, why in zip(candidates, reasons, strict=True) if why is None for k in [_key(text, sp.start, sp.end)]}
    )
    keys = [k for k in keys if (" " in k or "-" in k) and len(k.split(" ")) <= ECHO_WORDS][:TERM_KEYS]
    if not keys:
        return {}
    by_first: dict[str, list[list[str]]] = {}
    for key in keys:
        ws = key.split(" ")
        by_first.setdefault(ws[0], []).append(ws)
    # the candidates' own words blanked, so what is counted is what stands without marks
    # (counting all and taking the quoted ones off missed a quoted one glued to a dash)
    # (the text between them sliced, not a list of its characters: a tenth of the time)
    pieces: list[str] = []
    k = 0
    for sp in sorted(candidates, key=lambda sp: sp.start):
        if sp.start >= k:
            pieces += (text[k : sp.start], " " * (sp.end - sp.start))
        elif sp.end > k:
            pieces.append(" " * (sp.end - k))
        k = max(k, sp.end)
    pieces.append(text[k:])
    blanked = "".join(pieces)
    if "Σ" not in blanked:
        # a word of the folded text is a piece of the text in lower case (lowering is by
        # character but for a final sigma): a key with a word found nowhere in it is written
        # nowhere without marks, and needs no pass over the words (2 articles in 3 with keys)
        low = blanked.lower()
        if not any(all(w in low for w in ws) for wss in by_first.values() for ws in wss):
            return dict.fromkeys(keys, 0)
    seen: Counter[str] = Counter()
    words = _fold_words(re.sub(r"[—–/]", " ", blanked))
    for i, w in enumerate(words):
        for ws in by_first.get(w, ()):
            if words[i : i + len(ws)] == ws:
                seen[" ".join(ws)] += 1
    return {k: seen[k] for k in keys}


def _scare_candidates(article: Article, quotes: Sequence[Quote], terms: Iterable[QuotedTerm]) -> list[Span]:
    """The spans, with their marks, of the quoted words that may be scare quotes: the quotes
    stage's terms of kind ``scare`` and, since framing.v4, ``speaker`` (:func:`scare_quote_reason`
    decides whose words they are), and its quotations of at most ``SHORT_QUOTATION_WORDS``
    words between spaces with neither cue nor speaker."""
    text = article.text
    out = [t.marked or t.span for t in terms if t.article == article.id and t.kind in ("scare", "speaker")]
    for q in quotes:
        if q.cue is None and q.speaker is None and len(q.text.split()) <= SHORT_QUOTATION_WORDS:
            a, b = q.start, q.end
            while a > 0 and text[a - 1].isspace():
                a -= 1
            while b < len(text) and text[b].isspace():
                b += 1
            if a > 0 and b < len(text) and text[a - 1] in _MARKS and text[b] in _MARKS:
                out.append(Span(a - 1, b + 1))
    return sorted(set(out), key=lambda sp: (sp.start, sp.end))


def scare_quote_reason(
    text: str,
    s: int,
    e: int,
    lo: int,
    hi: int,
    quoted: frozenset[str] = frozenset(),
    skip: Sequence[tuple[int, int]] = (),
) -> str | None:
    """Why the quoted words ``text[s:e]`` (with their marks) in the sentence ``text[lo:hi]`` are
    not the outlet's scare quote, or ``None`` when they are (framing.v3). ``quoted`` are the
    words of the article's quotations (:func:`quoted_words`), ``skip`` their spans (sorted).
    Only ``CONTEXT_CHARS`` on either side of the marks are read.

    In this order (the reasons are the rules; ``docs/framing.md`` says what each rests on):

    - a word of distance right before the marks ("so-called", "self-styled", "vaunted") makes
      them a scare quote whatever else holds;
    - ``answer``: the words are an answer or a vote ("yes", "no", "yea");
    - ``mention``: the words are named as words ("the word", "the term", "known as");
    - ``name``: every word is capitalised and the words do not open their sentence: a title, a
      name or a nickname ("Face the Nation", "Tent City");
    - ``headline``: single marks in a line with no full stop (a headline, a crosshead): the
      headline convention for a quotation;
    - ``echo``: the words are quoted in one of the article's quotations (a speaker's word
      quoted again);
    - ``speaker``: a verb of saying stands within ``SHORT_CUE_WORDS`` words before the marks
      in the same clause, within ``SAY_AFTER_WORDS`` after them, or "according to" in the
      sentence: a partial quotation. Not when the verb's subject is a state or corporate body
      ("the firm described the grounding as an "incident""): an institution's label quoted
      back in a word or two is the outlet's distance from official wording.

    Since framing.v8 (``scare-quote-cues.v2``), also: ``code`` (a page's code:
    ``{"unitName":"..."}``); ``mention`` when a word after the marks says what they mean
    ("stands for", "to mean", "connotes"); ``list`` (one of three quoted labels or more joined
    by commas, "to" or "or": a scale's or a survey's labels); ``name`` for two words or more led
    by a capital ("Ferguson effect", "America first"); ``headline`` for single marks after a
    headline's "Name: " inside the sentence (a list of headlines run into the text);
    ``answer`` after a share of people ("41 percent would be"); ``speaker`` for an embedded
    post ("— Name (@handle)" after the words), in reported speech (a verb of saying, or a
    ``reports`` word such as "believe", "found", "allegations", before "that" or before a
    pronoun: "said she would"), and in a sentence attributed by a clause after a comma (",
    the former FBI director said."), each but the post unless the speaker is an institution.
    :func:`article_scare_reasons` adds what the rest of the article says."""
    say, mention, answer, distance, _, defines, _ = _scare_cues()
    inner = text[s + 1 : e - 1].strip(" \t\"“”‘’'")
    words = [w.strip(".,;:!?()").lower() for w in inner.split()]
    words = [w for w in words if w]
    if not words:
        return "empty"
    lo, hi = max(lo, s - CONTEXT_CHARS), min(hi, e + CONTEXT_CHARS)  # bounded, whatever the sentence
    before = _tokens(text, lo, s, skip)
    prev = [w for _, _, w in before]
    if _ends_with(prev, distance, 1):
        return None
    if " ".join(words) in answer:
        return "answer"
    if _ends_with(prev, mention, 3):
        return "mention"
    if (text[e : e + 1] == ":" and (text[e + 1 : e + 2] in ('"', "{", "[") or text[e + 1 : e + 2].isdigit())) or text[
        s - 1 : s
    ] in ("{", ":", "["):
        return "code"  # {"unitName":"dfpPosition5"}: a page's code, not prose ("a "reform": it" is prose)
    after = _tokens(text, e, hi, skip, SAY_AFTER_WORDS + 1)
    if _starts_with([w for _, _, w in after], defines) and not text[e : after[0][0]].strip(" )\"”’'").strip():
        return "mention"  # "antifa" stands for..., used "liberal" to mean...
    if _in_list(text, s, e):
        return "list"  # "consistently liberal," "mixed," "mostly conservative": labels of a scale
    raw = [w.strip(".,;:!?()\"“”‘’'") for w in inner.split()]
    caps = [w for w in raw if w and w.lower() not in _SMALL]
    opens = not text[lo:s].strip(" \t\n\"“”‘’'([—–-")
    if (
        caps
        and not opens
        and all(w[:1].isupper() or w[:1].isdigit() for w in caps)
        and any(w[:1].isupper() for w in caps)
    ):
        return "name"
    if len(raw) >= 2 and raw[0][:1].isupper() and raw[0] != "I" and raw[1][:1] not in "'’":
        # since framing.v8: a label led by a name ("Ferguson effect", "Buffett rule", "FISA
        # memo", "October surprise"), a slogan or a quoted phrase ("America first", "Trust us")
        return "name"
    # a short line (a headline, a crosshead): read within CONTEXT_CHARS of the marks
    w0 = max(0, s - CONTEXT_CHARS)
    nl = text.rfind("\n", w0, s)
    line_start = nl + 1 if nl >= 0 else (0 if w0 == 0 else -1)
    nl = text.find("\n", e, e + CONTEXT_CHARS)
    line_end = nl if nl >= 0 else (len(text) if len(text) - e <= CONTEXT_CHARS else -1)
    if line_start >= 0 and _SPEAKER_LINE.match(text, line_start, s):
        return "headline"  # Barr: report on FISA abuses 'imminent'
    if text[s] in _SINGLE_MARKS and line_start >= 0 and line_end >= 0:
        line = text[line_start:line_end].rstrip()
        if line.rstrip("\"”’'")[-1:] not in ".!?:":
            return "headline"
    if text[s] in _SINGLE_MARKS and _HEADLINE_IN_TEXT.search(text, lo, s):
        # since framing.v8: a list of headlines run into the text ("Overnight Energy: Senate eyes
        # nixing 'forever chemicals' fix | ...", "Gowdy: I '100 percent' still believe ...")
        return "headline"
    if inner[-1:] in "!?" or (opens and inner[-1:] in ".,"):
        return "speech"  # "Maybe, yes." / "Do something!": a quoted sentence, not a label
    if _SURVEY.search(text, max(lo, s - 80), s):
        return "answer"  # since framing.v8: "41 percent would be "mostly satisfied"": a survey's answer
    nl = text.find("\n", e, e + CONTEXT_CHARS)
    if _POST_BYLINE.search(text, e, nl if nl >= 0 else min(len(text), e + CONTEXT_CHARS)):
        return "speaker"  # since framing.v8: an embedded post: "... our "leaders" ... — Name (@handle)"
    if " ".join(words) in quoted:
        return "echo"
    # a verb of saying before the marks, in the same clause
    for k in range(len(before) - 1, max(-1, len(before) - 1 - SHORT_CUE_WORDS), -1):
        w = before[k][2]
        two = f"{before[k - 1][2]} {w}" if k else ""
        if w in say or two in say:
            if _BREAK.search(_QUOTED.sub("", text[before[k][1] : s])):
                break
            return None if _subject_is_institution(before, k - (1 if two in say else 0), text) else "speaker"
    for k, (_, _, w) in enumerate(after[:SAY_AFTER_WORDS]):
        two = f"{w} {after[k + 1][2]}" if k + 1 < len(after) else ""
        if (w in say or two in say) and not (k and after[k - 1][2] in _NOT_SPEAKER_BEFORE):
            if k == 0:
                return "speaker"  # "...", said Smith
            return None if _subject_is_institution(after, k, text) else "speaker"
    if "according to" in " ".join(prev) or "according to" in text[e:hi].lower():
        return "speaker"
    # since framing.v8: reported speech ("Sanders has said that overall, the agency is still
    # providing "excellent" care"; "She said she would allow ... a "hardship exemption"")
    verb = _reported_from(text, before, s)
    if verb is not None:
        return None if _subject_is_institution(before, verb, text) else "speaker"
    # since framing.v8: the sentence's attribution after a comma further on ("The state's case
    # rested on a "radical" interpretation of the law, Johnson & Johnson said")
    k_after = _attributed_after(text, e, hi, skip)
    if k_after is not None:
        toks, at = k_after
        return None if _subject_is_institution(toks, at, text) else "speaker"
    return None


#: personal pronouns that open a reported clause right after a verb of saying ("said she would")
_REPORTED_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "you"})
#: words a verb of saying may take before the "that" of its reported clause ("told reporters on
#: Monday that", "said in a statement that")
REPORTED_THAT_WORDS = 5
#: words of an attribution clause after a comma before its verb of saying (", sources familiar
#: with the move told Fox News"; "..., Schiff said")
ATTRIBUTION_WORDS = 6


def _reported_from(text: str, before: list[tuple[int, int, str]], s: int) -> int | None:
    """The index in ``before`` (the words of the sentence before the marks at ``s``) of a verb of
    saying whose reported clause holds the marks: "said that ...", "told reporters on Monday
    that ...", "said she would ..."; none when a quotation mark, a colon or a semicolon stands
    between the verb and its "that" (the verb then introduces something else)."""
    cues = reporting_cues()
    say = _scare_cues()[6]
    first = None
    for k, (_, end, w) in enumerate(before):
        if w not in say:
            continue
        first = k if first is None else first
        nxt = before[k + 1 : k + 1 + REPORTED_THAT_WORDS]
        for j, (a, _, x) in enumerate(nxt):
            if re.search(r"[;:!?]|\.(?=\s)", text[end:a]):
                break
            if x == "that" or (j == 0 and w in cues and x in _REPORTED_SUBJECTS):
                return k
    if first is not None:
        # a second reported clause: "Sanders also said, "...," and that the administration
        # remains "hopeful""
        for j in range(first + 2, len(before)):
            if before[j][2] == "that" and before[j - 1][2] == "and":
                return first
    return None


def _attributed_after(
    text: str, e: int, hi: int, skip: Sequence[tuple[int, int]]
) -> tuple[list[tuple[int, int, str]], int] | None:
    """A clause after a comma between the marks (ending at ``e``) and the sentence's end ``hi``
    whose verb of saying attributes the sentence: its words and the verb's index in them."""
    cues = reporting_cues()
    for m in re.finditer(r",", text[e:hi]):
        at = e + m.start()
        q = bisect_right(skip, (at, len(text) + 1)) - 1
        if q >= 0 and skip[q][0] <= at < skip[q][1]:
            continue  # a comma inside a quotation
        toks = _tokens(text, at + 1, hi, skip, ATTRIBUTION_WORDS + 2)
        for j, (_, end, w) in enumerate(toks[: ATTRIBUTION_WORDS + 1]):
            nxt = toks[j + 1][2] if j + 1 < len(toks) else ""
            if w in cues and nxt != "to" and not (j and toks[j - 1][2] in _NOT_SPEAKER_BEFORE):
                if j == 0 and (w not in _INVERTED or text[end : end + 1] == ","):
                    break  # ", noted climate sceptics", "working with, say, a..."
                if _ATTRIBUTION_TAIL.match(text, end, hi):
                    return toks, j
                break
    return None


#: what may follow the verb of an attribution clause before the sentence ends or the next
#: comma: a few words with no "that" (", Schiff said.", ", sources told Fox News, even as...",
#: ", the agency said in a statement."; not ", the president never said or implied that...")
_ATTRIBUTION_TAIL = re.compile(
    r"(?:\s+(?!that\b)[\w'’&.-]+){0,8}?\s*"
    r"(?:[,;:!?)\]—–]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])\.|\Z)"
)
#: verbs of saying that open an attribution clause before their subject (", said Smith")
_INVERTED = frozenset({"said", "says", "added", "wrote", "told", "according"})


def _starts_with(words: list[str], phrases: frozenset[str]) -> bool:
    """Whether ``words`` open with one of ``phrases`` (one to three words)."""
    return any(" ".join(words[:n]) in phrases for n in (1, 2, 3) if len(words) >= n)


#: quoted words in a run of quoted items ("red" to "yellow" to "green")
_LIST_ITEM = re.compile(r"[\"“][^\"“”\n]{1,40}[\"”]")
#: what may stand between two items of a list of quoted labels
_LIST_GAP = re.compile(r"\s*[,;/]?\s*(?:(?:and|or|to|then|versus|vs\.)\s+)?")
#: the same gap read backwards from an item: it must end where the item starts
_LIST_GAP_BEFORE = re.compile(r"(?<=[\"”])\s*[,;/]?\s*(?:(?:and|or|to|then|versus|vs\.)\s+)?\Z")
#: quoted items a run must hold to be a list of labels
LIST_ITEMS = 3


def _in_list(text: str, s: int, e: int) -> bool:
    """Whether the marks ``text[s:e]`` stand in a run of at least ``LIST_ITEMS`` quoted items
    joined by commas, "to" or "or" (at least one of them: "a "sneaky" and "scheming" horde" is
    no list): the labels of a scale, the options of a survey, categories named, not used. The
    run is walked outwards from the candidate, item by item, so what stands further away (a
    long quotation, a stray mark) does not change it."""
    if not _LIST_ITEM.fullmatch(text, s, e):
        return False
    items = [(s, e)]
    while len(items) < 2 * LIST_ITEMS:  # to the left: a gap, then an item that ends there
        a = items[0][0]
        gap = _LIST_GAP_BEFORE.search(text, max(0, a - 16), a)
        c = gap.start() - 1 if gap else -1
        if c < 0 or text[c] not in '"”':
            break
        o = max(text.rfind('"', max(0, c - 41), c), text.rfind("“", max(0, c - 41), c))
        if o < 0 or not _LIST_ITEM.fullmatch(text, o, c + 1):
            break
        items.insert(0, (o, c + 1))
    while len(items) < 4 * LIST_ITEMS:  # to the right: a gap, then an item that starts there
        b = items[-1][1]
        gap = _LIST_GAP.match(text, b, min(len(text), b + 16))
        o = gap.end() if gap else len(text)
        if o == b or o >= len(text) or text[o] not in '"“':
            break  # no gap at all: marks glued to the last item's are no new item
        c = min((x for x in (text.find('"', o + 1, o + 42), text.find("”", o + 1, o + 42)) if x >= 0), default=-1)
        if c < 0 or not _LIST_ITEM.fullmatch(text, o, c + 1) or not _LIST_GAP.fullmatch(text, b, o):
            break
        items.append((o, c + 1))
    if len(items) < LIST_ITEMS:
        return False
    gaps = [text[x[1] : y[0]] for x, y in pairwise(items)]
    inner = [text[x[1] - 2 : x[1]] for x in items[:-1]]
    return any("," in g or re.search(r"\b(?:to|or)\b", g) for g in gaps) or any("," in x for x in inner)


#: an edit side longer than this (in words) is a rewrite, not one slot worded two ways
CONTRAST_SIDE_WORDS = 8
_EDIT_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_MATCH_GROUP = re.Match.group
#: punctuation to spaces and ’ to ' (hyphens and apostrophes kept): words split on white space
#: then, as :data:`_EDIT_WORD` reads them, for a quick test
_TO_SPACE = str.maketrans({**{c: " " for c in '"“”‘«».,;:!?()[]{}/—–…*'}, "’": "'"})


@dataclass(frozen=True)
class _Pairs:
    """``intensity-pairs`` as the contrast rule reads it."""

    version: str
    #: first word -> the intense forms (word tuples) that open with it, longest first
    intense: dict[str, tuple[tuple[str, ...], ...]]
    #: intense form -> its plain forms (word tuples)
    plain: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    #: the longest word of each intense form that is no stopword ("army" of "an army of", "hit"
    #: of "hit with"): one of them is in any text that holds a form
    keys: frozenset[str]


@cache
def _intensity_pairs() -> _Pairs:
    lex = lexicons.load("intensity-pairs")
    common = stopwords()
    intense: dict[str, list[tuple[str, ...]]] = {}
    plain = {}
    for row in lex.rows:
        values = dict(zip(lex.columns, row, strict=True))
        form = tuple(values["form"].split())
        intense.setdefault(form[0], []).append(form)
        plain[form] = tuple(tuple(p.split()) for p in values["plain"].split("|"))
    return _Pairs(
        lex.version,
        {w: tuple(sorted(fs, key=len, reverse=True)) for w, fs in intense.items()},
        plain,
        frozenset(max(form, key=lambda w: (w not in common, len(w))) for form in plain),
    )


def _edit_words(text: str) -> tuple[list[re.Match[str]], list[str]]:
    """The words of ``text`` (matches with offsets into it) and their folded forms (lower
    case, straight apostrophe): the text is folded once, the loops run in C."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): fold word by word
        found = list(_EDIT_WORD.finditer(text))
        return found, [m.group().lower().replace("’", "'") for m in found]
    found = list(_EDIT_WORD.finditer(low))
    return found, list(map(_MATCH_GROUP, found))


def _may_grade(text: str, pairs: _Pairs) -> bool:
    """Whether ``text`` holds a word that opens an intense form (a quick test before its
    words are read one by one: most sentences hold none). An ASCII text is read as bytes (the
    same words, several times faster than ``str.translate``)."""
    low = text.lower()
    if low.isascii():
        return not _ascii_keys(pairs.keys).isdisjoint(low.encode("ascii").translate(_BYTES_TO_SPACE).split())
    return not pairs.keys.isdisjoint(low.translate(_TO_SPACE).split())


#: :data:`_TO_SPACE` for ASCII bytes, and the separators ``str.split`` splits at that
#: ``bytes.split`` does not (\x1c to \x1f) made spaces
_BYTES_TO_SPACE = bytes(32 if chr(c) in '".,;:!?()[]{}/*' or 0x1C <= c <= 0x1F else c for c in range(256))


@cache
def _ascii_keys(keys: frozenset[str]) -> frozenset[bytes]:
    return frozenset(k.encode("ascii") for k in keys if k.isascii())


def _intense_forms(words: list[str], pairs: _Pairs) -> list[tuple[int, tuple[str, ...]]]:
    """The intense forms in ``words`` (position, form), the longest at each position, none
    overlapping: a dictionary look-up per word, a slice comparison only where a form opens."""
    out: list[tuple[int, tuple[str, ...]]] = []
    end = 0
    for i in [k for k, w in enumerate(words) if w in pairs.intense]:
        if i < end:
            continue
        for form in pairs.intense[words[i]]:
            if tuple(words[i : i + len(form)]) == form:
                out.append((i, form))
                end = i + len(form)
                break
    return out


def _holds(words: list[str], single: set[str], phrase: tuple[str, ...]) -> bool:
    """Whether ``words`` (their set ``single``) hold ``phrase`` as consecutive words."""
    if len(phrase) == 1:
        return phrase[0] in single
    if phrase[0] not in single:
        return False
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i, w in enumerate(words) if w == phrase[0])


def _plain_in(form: tuple[str, ...], words: list[str], pairs: _Pairs, skip: frozenset[str] = frozenset()) -> str | None:
    """The first (sorted) plain form of ``form`` that ``words`` hold, leaving out ``skip``."""
    single = set(words)
    found = sorted(" ".join(p) for p in pairs.plain[form] if _holds(words, single, p))
    found = [f for f in found if f not in skip]
    return found[0] if found else None


def contrast_marks(
    contrasts: Iterable[FramingContrast],
    articles: Sequence[Article],
    marks: Iterable[FramingMark] = (),
    quotes: Iterable[Quote] = (),
    facts: Iterable[Fact] | None = None,
) -> list[FramingMark]:
    """Loaded marks from contrast evidence (since framing.v14): in a word edit of a fact two
    articles share (:func:`newsprism.contrast.fact_contrasts`), one article's words hold an
    intense form of ``intensity-pairs`` ("stormed out", "slashed", "snapped up") where the other
    article's words of the same edit hold one of that form's plain words ("left", "cut",
    "bought") and no intense form of their own: the outlet graded a plain act. Ids are left
    empty; a form that overlaps one of ``marks`` (any type) is not marked again. Each side of
    the edit is at most :data:`CONTRAST_SIDE_WORDS` words (a longer one is a rewrite). Quoted
    and reported-speech forms are flagged ``quoted``, as :func:`article_marks` does.

    Limits: the fact's sentences are compared as the first article against each other one
    (contrast.v1), so two later articles are not compared with each other; a headline is not
    read (its word edits have no spans); an act worded plainly by no other outlet stays
    unmarked (the list alone is no evidence: "battled the blaze" is plain news).

    With ``facts``, the sentences of a shared fact are evidence too where their edits are not
    (a sentence rewritten with more than ``contrast.MAX_EDITS`` edits, two articles after the
    first): one article's sentence holds an intense form and another's in the same fact one of
    its plain words and no intense form at all."""
    pairs = _intensity_pairs()
    by_id = {a.id: a for a in articles}
    taken: dict[str, list[tuple[int, int]]] = {}
    for m in marks:
        taken.setdefault(m.article, []).append((m.start, m.end))
    found: dict[tuple[str, int, int], str] = {}
    for contrast in contrasts:
        if contrast.fact == "headline":
            continue
        for edit in contrast.edits:
            if edit.before is None or edit.after is None:
                continue
            if not (_may_grade(edit.before_text, pairs) or _may_grade(edit.after_text, pairs)):
                continue
            sides = []
            for art, span, words_text in (
                (edit.a, edit.before, edit.before_text),
                (edit.b, edit.after, edit.after_text),
            ):
                words, folded = _edit_words(words_text)
                if not words or len(words) > CONTRAST_SIDE_WORDS:
                    break
                sides.append((art, span.start, words, folded, _intense_forms(folded, pairs)))
            if len(sides) != 2:
                continue
            for (art, offset, words, _, forms), (_, _, _, other, other_forms) in (sides, sides[::-1]):
                if not forms or other_forms:
                    continue  # nothing graded here, or the other outlet grades the act too
                for i, form in forms:
                    neutral = _plain_in(form, other, pairs)
                    if neutral is not None:
                        key = (art, offset + words[i].start(), offset + words[i + len(form) - 1].end())
                        found.setdefault(key, neutral)
    if facts is not None:
        _sentence_evidence(facts, by_id, pairs, found)
    out: list[FramingMark] = []
    qs = list(quotes)
    for (art_id, start, end), neutral in sorted(found.items()):
        article = by_id.get(art_id)
        if article is None or any(s < end and start < e for s, e in taken.get(art_id, ())):
            continue
        spans = sorted((q.start, q.end) for q in qs if q.article == art_id)
        starts = [s for s, _ in spans]
        quoted = _inside(spans, starts, start, end)
        note = f"neutral: {neutral}, as another outlet words this fact"
        if not quoted and _reported(article.text, [s.start for s in article.sentences] or [0], start):
            quoted, note = True, f"reported speech; {note}"
        taken.setdefault(art_id, []).append((start, end))
        out.append(
            FramingMark(
                "",
                art_id,
                Span(start, end),
                article.text[start:end],
                "loaded",
                lexicon=pairs.version,
                quoted=quoted,
                note=note,
            )
        )
    return out


def _sentence_evidence(
    facts: Iterable[Fact],
    by_id: dict[str, Article],
    pairs: _Pairs,
    found: dict[tuple[str, int, int], str],
) -> None:
    """Add to ``found`` the intense forms of a fact's sentence whose plain word another
    article's sentence of the same fact holds (which holds no intense form); a plain word
    that is a stopword (``text.stopwords``: "in", "with", "said") does not count here."""
    common = stopwords()
    for fact in facts:
        if len({m.article for m in fact.members}) < 2:
            continue
        members = [
            (m, by_id[m.article])
            for m in fact.members
            if m.article in by_id and m.sentence < len(by_id[m.article].sentences)
        ]
        if not any(_may_grade(art.sentences[m.sentence].text, pairs) for m, art in members):
            continue
        sents = []
        for m, art in members:
            span = art.sentences[m.sentence].span
            words, folded = _edit_words(art.text[span.start : span.end])
            sents.append((m.article, span.start, words, folded, _intense_forms(folded, pairs)))
        plains = [(a, folded) for a, _, _, folded, forms in sents if not forms]
        for art_id, offset, words, _, forms in sents:
            others = [folded for a, folded in plains if a != art_id]
            if not forms or not others:
                continue
            for i, form in forms:
                hits = [n for other in others if (n := _plain_in(form, other, pairs, common)) is not None]
                if hits:
                    key = (art_id, offset + words[i].start(), offset + words[i + len(form) - 1].end())
                    found.setdefault(key, min(hits))


def number_marks(marks: Iterable[FramingMark], articles: Sequence[Article]) -> list[FramingMark]:
    """``marks`` in article then text order, numbered ``m1``... (as :func:`story_marks`)."""
    order = {a.id: k for k, a in enumerate(articles)}
    ordered = sorted(marks, key=lambda m: (order.get(m.article, len(order)), m.start, m.end, m.type))
    return [replace(m, id=f"m{k}") for k, m in enumerate(ordered, start=1)]
