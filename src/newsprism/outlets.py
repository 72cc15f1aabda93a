"""Outlet profiles over the corpus: how each outlet reports, across all its stored articles.

    import newsprism
    listing = newsprism.outlets_in("news.db", outlet="Daily Post", top=10)
    for profile in listing.outlets:
        print(profile.outlet, dict(profile.per_1000))

Ingest stores each article's framing marks (:func:`newsprism.framing.corpus_marks`); this
counts them per outlet (``articles.outlet``; the articles without one are one group, outlet
None). For each outlet: its articles and words (of the cleaned text, separated by white space:
within about 1% of the count of a comparison's profiles); its marks in its own voice (those
not inside a quotation, which are the speakers' words: counted apart, ``quoted``) by type and
per 1,000 words; the attribution verbs ("claimed", "insisted"), hedges, loaded words and scare
quotes it uses most, each with its count and rate (forms lower-cased, white space, dashes and
curly apostrophes folded, a scare quote without its marks and a final full stop or comma); and
the names it uses for the listing's top entities.

Names: a corpus has no story to merge an entity's names within, so names are those of the
``entity-aliases`` table (:func:`newsprism.entities.alias_mentions`: "DPRK", "Pyongyang" and
"North Korea" are one entity, North Korea). An entity is listed when the corpus uses two or
more of its forms in its own voice (forms equal once folded, "U.S." and "US", are one:
:func:`newsprism.entities.fold_key`); the ``top`` of them, by uses in the corpus, make
``entities``, and each outlet's profile gives its count of each form it uses for them, the form
shown as that outlet writes it most.

Order: outlets by articles (most first), then name (no outlet last); every list by count (most
first), then form or name. Articles stored without marks (before marks were kept, by
``ingest --no-framing`` or ``--no-quotes``, or by another method) have them found here, once
(``framed``), and kept. Limits: those of the word lists and of the alias table (a name it does
not list is not counted); rates are per 1,000 words of the cleaned text, headlines aside.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .entities import aliases, fold_key
from .errors import StoreError
from .framing import corpus_marks, corpus_marks_method
from .quotes import QUOTES_VERSION, article_quotes
from .store import DEFAULT_PATH, Store

#: the types of marks an outlet's profile counts and lists (``naming`` is counted by name)
TYPES = ("attribution", "hedge", "loaded", "scare_quote")
SCHEMA_OUTLETS = "newsprism.outlets/1"
#: stored articles whose marks are found at a time (one transaction each)
_BATCH = 500
_MARKS = "\"'“”‘’«»„"
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013"} | {"\u2019": "'"})


@dataclass(frozen=True, slots=True)
class FormCount:
    """A form an outlet uses: how often, and per 1,000 of its words."""

    form: str
    count: int
    per_1000: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"form": self.form, "count": self.count, "per_1000": self.per_1000}


@dataclass(frozen=True, slots=True)
class EntityNames:
    """The names used for one entity of the alias table (``entity``, its canonical name):
    each form with its count, most used first."""

    entity: str
    kind: str
    forms: tuple[FormCount, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "kind": self.kind,
            "forms": [{"form": f.form, "count": f.count} for f in self.forms],
        }


@dataclass(frozen=True, slots=True)
class OutletStats:
    """One outlet over all its stored articles (see the module's docstring): ``marks`` and
    ``per_1000`` its own-voice marks by type (:data:`TYPES`), ``quoted`` its marks inside
    quotations by type, ``top`` the forms it uses most of each type, ``names`` the forms it
    uses for the listing's entities."""

    outlet: str | None
    articles: int
    words: int
    marks: tuple[tuple[str, int], ...]
    per_1000: tuple[tuple[str, float], ...]
    quoted: tuple[tuple[str, int], ...] = ()
    top: tuple[tuple[str, tuple[FormCount, ...]], ...] = ()
    names: tuple[EntityNames, ...] = ()

    def most(self, type: str) -> tuple[FormCount, ...]:
        """The forms of one type it uses most (``attribution``, ``hedge``...)."""
        return dict(self.top).get(type, ())

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "words": self.words,
            "marks": dict(self.marks),
            "marks_per_1000": dict(self.per_1000),
            "quoted_marks": dict(self.quoted),
            "top": {t: [f.to_dict() for f in forms] for t, forms in self.top},
            "names": [n.to_dict() for n in self.names],
        }


@dataclass(frozen=True)
class OutletListing:
    """What :func:`outlets_in` found: one :class:`OutletStats` per outlet, and ``entities``,
    the entities whose names are compared (with the corpus's counts of each form).
    ``framed`` counts the stored articles whose marks were found by this call (stored without
    them), by ``method``."""

    outlets: tuple[OutletStats, ...]
    entities: tuple[EntityNames, ...] = ()
    framed: int = 0
    method: str = ""
    query: dict[str, Any] = field(default_factory=dict)
    #: stored articles without marks of ``method``, left out (``outlets_in(fill=False)`` only)
    unframed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_OUTLETS,
            "method": self.method,
            "query": dict(self.query),
            "framed": self.framed,
            "entities": [e.to_dict() for e in self.entities],
            "outlets": [o.to_dict() for o in self.outlets],
        }


def fill_marks(store: Store, on_article: Callable[[int, int], None] | None = None) -> int:
    """Find and store the framing marks of the stored articles that have none of this code's
    method (and their quotations too, where those are missing: the marks need them, found
    once for both); returns how many articles that was. ``on_article(done, total)`` is told
    after each batch."""
    method = corpus_marks_method()
    missing = store.unframed(method)
    if not missing:
        return 0
    unquoted = set(store.unquoted(QUOTES_VERSION))
    for lo in range(0, len(missing), _BATCH):
        articles = list(store.iter_articles(ids=missing[lo : lo + _BATCH]))
        found = [(a, article_quotes(a)) for a in articles]
        quotes = [(a, q.quotes) for a, q in found if a.id in unquoted]
        if quotes:
            store.save_quotes(quotes, QUOTES_VERSION)
        store.save_marks(((a, corpus_marks(a, q.quotes, q.terms)) for a, q in found), method)
        if on_article:
            on_article(min(lo + _BATCH, len(missing)), len(missing))
    return len(missing)


def _fold(form: str, kind: str = "") -> str:
    """A form as counted: lower case, white space, dashes and curly apostrophes folded; a
    scare quote without its quotation marks."""
    folded = " ".join(form.lower().translate(_DASHES).split())
    return folded.strip(_MARKS + " ").rstrip(".,;:").rstrip(_MARKS + " ") if kind == "scare_quote" else folded


def _rate(n: int, words: int) -> float:
    return round(1000 * n / words, 2) if words else 0.0


def _ranked(counts: Counter[str], top: int, words: int) -> tuple[FormCount, ...]:
    best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return tuple(FormCount(form, n, _rate(n, words)) for form, n in best)


def _written(spellings: Counter[str]) -> str:
    """The spelling written most (the first in order on a tie)."""
    return min(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _names(
    rows: list[tuple[str | None, str, str, str | None, bool, int]], top: int
) -> tuple[tuple[EntityNames, ...], dict[str | None, tuple[EntityNames, ...]]]:
    """The listing's entities (two or more forms in the corpus, the ``top`` most used) and, per
    outlet, the forms it uses for them."""
    kinds = {a.canonical: a.kind for a in aliases().values()}
    # entity -> form key -> outlet -> spelling -> count (own voice only)
    uses: dict[str, dict[str, dict[str | None, Counter[str]]]] = defaultdict(lambda: defaultdict(dict))
    for outlet, _, text, note, quoted, n in rows:
        if quoted or note is None:
            continue
        spelled = uses[note][fold_key(text)].setdefault(outlet, Counter())
        spelled[" ".join(text.split())] += n
    totals = {e: sum(c.total() for forms in by.values() for c in forms.values()) for e, by in uses.items()}
    chosen = sorted((e for e, by in uses.items() if len(by) >= 2), key=lambda e: (-totals[e], e))[:top]
    entities = []
    per_outlet: dict[str | None, list[EntityNames]] = defaultdict(list)
    for e in chosen:
        corpus: list[FormCount] = []
        outlets: dict[str | None, list[FormCount]] = defaultdict(list)
        for by_outlet in uses[e].values():
            every: Counter[str] = Counter()
            for outlet, spelled in by_outlet.items():
                every.update(spelled)
                outlets[outlet].append(FormCount(_written(spelled), spelled.total()))
            corpus.append(FormCount(_written(every), every.total()))

        def order(forms: list[FormCount]) -> tuple[FormCount, ...]:
            return tuple(sorted(forms, key=lambda f: (-f.count, f.form)))

        entities.append(EntityNames(e, kinds.get(e, ""), order(corpus)))
        for outlet, forms in outlets.items():
            per_outlet[outlet].append(EntityNames(e, kinds.get(e, ""), order(forms)))
    return tuple(entities), {o: tuple(v) for o, v in per_outlet.items()}


def outlets_in(
    db: str | Path | Store = DEFAULT_PATH,
    *,
    outlet: str | None = None,
    top: int = 10,
    on_frame: Callable[[int, int], None] | None = None,
    fill: bool = True,
) -> OutletListing:
    """How each outlet reports across its stored articles: one :class:`OutletStats` per outlet
    (``outlet``: that one only), with its own-voice framing marks per 1,000 words, the ``top``
    attribution verbs, hedges, loaded words and scare quotes it uses most, and the names it
    uses for the ``top`` entities whose names vary in the corpus (see the module's
    docstring). Articles stored without marks have them found and stored here, once
    (``framed``; ``on_frame(done, total)`` is told the progress). Raises :class:`StoreError`
    for an outlet with no stored article. With ``fill=False`` (a read-only store) nothing is
    written: articles without marks are left out of the rates and counted in ``unframed``."""
    name = db.name if isinstance(db, Store) else str(db)
    if top < 1:
        raise StoreError(f"{name}: top must be at least 1, not {top}")
    with nullcontext(db) if isinstance(db, Store) else Store(db) as store:
        framed = fill_marks(store, on_frame) if fill else 0
        unframed = 0 if fill else len(store.unframed(corpus_marks_method()))
        sizes = store.outlet_sizes(outlet)
        if outlet is not None and not sizes:
            raise StoreError(
                f"{name}: no stored article is of the outlet {outlet!r} (names are matched as written); "
                f"newsprism outlets --db {name} lists them"
            )
        counts = store.mark_counts(outlet=outlet)
        naming = store.mark_counts(naming=True)
    entities, names = _names(naming, top)
    own: dict[str | None, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    quoted: dict[str | None, Counter[str]] = defaultdict(Counter)
    for o, kind, form, _, inside, n in counts:
        if inside:
            quoted[o][kind] += n
        else:
            own[o][kind][_fold(form, kind)] += n
    profiles = []
    for o, articles, words in sizes:
        by_type = own.get(o, {})
        marks = tuple((t, by_type[t].total() if t in by_type else 0) for t in TYPES)
        profiles.append(
            OutletStats(
                outlet=o,
                articles=articles,
                words=words,
                marks=marks,
                per_1000=tuple((t, _rate(n, words)) for t, n in marks),
                quoted=tuple((t, quoted[o][t]) for t in TYPES) if o in quoted else tuple((t, 0) for t in TYPES),
                top=tuple((t, _ranked(by_type[t], top, words) if t in by_type else ()) for t in TYPES),
                names=names.get(o, ()),
            )
        )
    profiles.sort(key=lambda p: (-p.articles, p.outlet is None, p.outlet or ""))
    query = {"outlet": outlet, "top": top}
    return OutletListing(tuple(profiles), entities, framed, corpus_marks_method(), query, unframed)


__all__ = ["SCHEMA_OUTLETS", "TYPES", "EntityNames", "FormCount", "OutletListing", "OutletStats", "outlets_in"]
