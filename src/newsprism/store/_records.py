"""The frozen records the store returns besides :class:`~newsprism.model.Article`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Quote


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``Store.add_articles`` did: content-hash ids, in input order.

    ``duplicates`` holds the id of every input whose text was already stored (by an earlier
    call or earlier in the same call); the stored row was left as it was.
    """

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"added": list(self.added), "duplicates": list(self.duplicates)}


@dataclass(frozen=True, slots=True)
class Storable:
    """An article as the values the store writes (see :func:`newsprism.store.storable`):
    its content-hash ``id``, the ``articles`` row, if computed, the ``features`` row, and,
    if given, the hash of the record it was made from (kept in ``inputs``). ``quotes`` holds
    the ``quotes`` rows and ``quoter`` the quotes version that found them; ``quotes=None``:
    not looked for (an empty tuple: looked for, none found). ``marks`` holds the ``marks``
    rows and ``framed`` the article's ``framed`` row (None: not looked for)."""

    id: str
    article: tuple[Any, ...]
    features: tuple[Any, ...] | None = None
    input_hash: str | None = None
    quotes: tuple[tuple[Any, ...], ...] | None = None
    quoter: str | None = None
    marks: tuple[tuple[Any, ...], ...] | None = None
    framed: tuple[Any, ...] | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One article matching a full-text query.

    ``snippet`` is a short extract with each matched term in ``[...]``; ``score`` is the
    negated bm25 rank (title matches weigh double), so a higher score is a better match.
    """

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article as a line of a listing: its outlet (else its file name), headline,
    date, size and agency credit."""

    id: str
    outlet: str | None
    title: str | None
    published: str | None
    n_sentences: int
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "outlet": self.outlet,
            "credit": self.credit,
            "title": self.title,
            "published": self.published,
            "n_sentences": self.n_sentences,
        }


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A stored quotation with the article it is in: ``quote.article`` is the article's stored
    id and ``quote.id`` its id in that article (``q<n>``); ``cue`` is the cue words as the
    article wrote them ("told reporters" has the span ``quote.cue``)."""

    quote: Quote
    cue: str | None
    outlet: str | None
    title: str | None
    published: str | None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.quote.to_dict(),
            "cue_words": self.cue,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A stored story as a line of a listing.

    ``outlets`` are the distinct outlet names of its articles, sorted (an article stored
    without one is named by its file); ``n_origins`` counts the articles that republish no
    other article of the story: the independent reports. ``headline`` is the title of its
    first article (by date, then id), ``credits`` the agencies its articles credit, sorted;
    :attr:`label` names the story to a person.
    """

    id: str
    size: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    n_origins: int
    method: str | None
    headline: str | None = None
    credits: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """``headline (outlet, outlet, ...)``: the story as a person reads its name."""
        outlets = ", ".join(self.outlets)
        return f"{self.headline or '-'}" + (f" ({outlets})" if outlets else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "size": self.size,
            "outlets": list(self.outlets),
            "first_published": self.first_published,
            "last_published": self.last_published,
            "n_origins": self.n_origins,
            "method": self.method,
            "headline": self.headline,
            "credits": list(self.credits),
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class StoriesSaved:
    """What ``Store.save_stories`` changed: story ids, each list sorted."""

    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"created": list(self.created), "changed": list(self.changed), "deleted": list(self.deleted)}


@dataclass(frozen=True, slots=True)
class IngestRun:
    """One recorded ingest run; ``finished_at`` is None for a run that did not finish."""

    id: int
    started_at: str
    finished_at: str | None
    added: int
    duplicates: int
    rejected: int
    note: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "added": self.added,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "note": self.note,
        }
