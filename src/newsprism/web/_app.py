"""The FastAPI application behind ``newsprism serve`` (see :mod:`newsprism.web`).

Routes parse their parameters, make one call into the core or the store, and render; the
middleware around them sets the security headers, caps the request body, refuses foreign
host names and bounds request time. Errors are one line: ``{"error": "..."}`` for ``/api``
and an HTML page elsewhere, with a 4xx status for anything the client can change.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import CompareError, InputError, NewsprismError, StoreError
from ..model import Comparison, RawArticle
from . import STATIC, WebOptions, page, report_page

#: pages have no script at all: nothing runs, whatever an article holds
CSP = (
    "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class Refused(HTTPException):
    """A request refused with a 4xx status and a one-line message."""


def _size(n: int) -> str:
    from ..readers import size_text

    return size_text(n)


class Guard:
    """ASGI middleware: security headers on every response, only ``allowed_hosts``, the body
    capped at ``max_request_bytes`` (413, checked on Content-Length and on the bytes as they
    arrive), and at most ``request_seconds`` per request (408)."""

    def __init__(self, app: ASGIApp, options: WebOptions) -> None:
        self.app = app
        self.options = options

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        opts = self.options
        started = False

        async def send_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        async def refuse(status: int, text: str) -> None:
            api = str(scope.get("path", "")).startswith("/api/")
            response = _error_response(status, text, api)
            await response(scope, receive, send_headers)

        headers = {k.lower(): v for k, v in scope.get("headers", [])}
        if opts.allowed_hosts is not None:
            host = headers.get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            name = name.strip("[]").lower()
            if name not in opts.allowed_hosts:
                await refuse(421, f"this server answers to {', '.join(opts.allowed_hosts)}, not to {host or 'no host'}")
                return
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await refuse(400, "the Content-Length header is not a number")
                return
            if declared > opts.max_request_bytes:
                await refuse(
                    413, f"the request is {_size(declared)}, over the limit of {_size(opts.max_request_bytes)}"
                )
                return
        seen = 0

        async def capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > opts.max_request_bytes:
                    raise Refused(413, f"the request is over the limit of {_size(opts.max_request_bytes)}")
            return message

        try:
            with anyio.fail_after(opts.request_seconds):
                await self.app(scope, capped, send_headers)
        except TimeoutError:
            if not started:
                await refuse(
                    408,
                    f"the request took longer than the limit of {opts.request_seconds:g} s; "
                    "send fewer or shorter articles",
                )
        except Refused as exc:
            if not started:
                await refuse(exc.status_code, str(exc.detail))


class RawJSON(Response):
    """JSON written by :func:`json.dumps` (or passed through as text), skipping FastAPI's
    walk over every value of a large comparison (7 ms of 50 on a seed-sized pair)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        if isinstance(content, bytes):
            return content
        text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
        return text.encode("utf-8")


def _error_response(status: int, text: str, api: bool) -> Response:
    if api:
        return JSONResponse({"error": text}, status_code=status)
    return HTMLResponse(page("error.html", status=status, message=text), status_code=status)


def _status(exc: NewsprismError) -> int:
    """The HTTP status of an error of the core or the store."""
    text = str(exc)
    if isinstance(exc, StoreError):
        if ": no story " in text or ": no article " in text or "no stored article is of the outlet" in text:
            return 404
        if "cannot search" in text or "empty search" in text:
            return 400
        return 503
    return 422


class ArticleIn(BaseModel):
    """One article to compare: its ``text`` (the first non-empty line is the headline unless
    ``title`` is given) or a saved page's ``html``."""

    text: str | None = Field(default=None, description="Plain text; the first non-empty line is the headline.")
    html: str | None = Field(default=None, description="A saved HTML page (read as `compare` reads .html files).")
    title: str | None = Field(default=None, max_length=2_000, description="The headline, when not in `text`.")
    outlet: str | None = Field(default=None, max_length=200, description="The outlet's name.")
    name: str | None = Field(default=None, max_length=200, description="How messages name this article.")


class CompareIn(BaseModel):
    articles: list[ArticleIn] = Field(description="Two or more articles about one story (at most the server's limit).")


class ErrorOut(BaseModel):
    error: str


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in (
        (400, "A malformed request or search query"),
        (404, "No such story, outlet, or no corpus"),
        (408, "The request took longer than the server's limit"),
        (413, "The request or an article is larger than the server's limit"),
        (421, "A host name this server does not answer to"),
        (422, "Articles that cannot be read or compared, or bad parameters"),
    )
}


def build_app(db: Path | None, options: WebOptions) -> FastAPI:
    """The application (see :func:`newsprism.web.create_app`)."""
    from ..align import AlignOptions
    from ..comparison import CompareOptions
    from ..comparison import compare as compare_records
    from ..readers import ReadOptions, read_bytes

    embedder = None if options.embedder == "none" else options.embedder
    # pasted articles: the server's sentence cap
    compare_options = CompareOptions(align=AlignOptions(embedder=embedder, max_sentences=options.max_sentences))
    # stored stories: the options `newsprism compare --story ID --embedder E` keeps its comparison under
    story_options = CompareOptions(align=AlignOptions(embedder=embedder))
    read_options = ReadOptions(max_article_bytes=options.max_article_bytes)
    limiter = anyio.CapacityLimiter(4)

    app = FastAPI(
        title="newsprism",
        summary="How different news outlets report the same story",
        docs_url=None,  # the interactive docs load script from a CDN: no script, no network
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.compare_options = compare_options
    app.state.story_options = story_options
    app.add_middleware(Guard, options=options)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error_response(exc.status_code, str(exc.detail), request.url.path.startswith("/api/"))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors()[:3]:
            where = ".".join(str(x) for x in err.get("loc", ()) if x != "body") or "request"
            parts.append(f"{where}: {err.get('msg', 'invalid')}")
        return _error_response(422, "; ".join(parts) or "invalid request", request.url.path.startswith("/api/"))

    @app.exception_handler(NewsprismError)
    async def refused(request: Request, exc: NewsprismError) -> Response:
        return _error_response(_status(exc), str(exc), request.url.path.startswith("/api/"))

    # ------------------------------------------------------------------ the core, bounded

    def check_count(n: int) -> None:
        if n < 2:
            raise Refused(422, f"give two or more articles to compare (got {n})")
        if n > options.max_articles:
            raise Refused(422, f"give at most {options.max_articles} articles to compare (got {n})")

    def read_one(data: bytes, name: str, outlet: str | None, title: str | None = None) -> RawArticle:
        if len(data) > options.max_article_bytes:
            raise Refused(
                413, f"{name}: is {_size(len(data))}, over the limit of {_size(options.max_article_bytes)} an article"
            )
        raw = read_bytes(data, name, outlet=outlet or None, options=read_options)
        return dataclasses.replace(raw, title=title) if title else raw

    async def run_compare(raws: list[RawArticle], warnings: list[str]) -> Comparison:
        def work() -> Comparison:
            return compare_records(raws, options=compare_options, skip_errors=True, warnings=warnings)

        # abandoned when the request times out: the client gets its 408 at once
        return await anyio.to_thread.run_sync(work, abandon_on_cancel=True, limiter=limiter)

    def corpus() -> Path:
        if db is None:
            raise Refused(404, "no corpus: start the server with newsprism serve --db news.db")
        return db

    @contextmanager
    def reading() -> Iterator[Any]:
        from ..store import Store

        with Store(corpus(), readonly=True) as store:
            yield store

    def iso(value: str | None, name: str) -> str | None:
        if not value:
            return None
        from ..dates import parse_iso_date

        try:
            parse_iso_date(value)
        except ValueError as exc:
            raise Refused(422, f"{name}: {exc}, e.g. 2025-03-01") from None
        return value

    # ------------------------------------------------------------------ JSON API

    api: dict[str, Any] = {"tags": ["api"], "responses": ERRORS, "response_class": RawJSON}

    @app.post("/api/compare", **api)
    async def api_compare(request: CompareIn) -> RawJSON:
        """Compare two or more articles; the answer is the JSON contract (`compare --format json`)."""
        check_count(len(request.articles))
        raws: list[RawArticle] = []
        warnings: list[str] = []
        for i, a in enumerate(request.articles, 1):
            if (a.text is None) == (a.html is None):
                raise Refused(422, f"articles.{i}: give either text or html")
            name = a.name or f"article {i}"
            body = a.text if a.text is not None else a.html
            try:
                raws.append(
                    read_one(
                        (body or "").encode("utf-8", "surrogatepass"),
                        name + (".html" if a.html is not None else ".txt"),
                        a.outlet,
                        a.title,
                    )
                )
            except InputError as exc:
                warnings.append(f"skipped {exc}")
        if len(raws) < 2:
            raise Refused(422, "; ".join([*warnings, "fewer than two readable articles"]))
        return RawJSON((await run_compare(raws, warnings)).to_dict())

    @app.get("/api/stories", **api)
    def api_stories(
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=10, description="ISO date")] = None,
        until: Annotated[str | None, Query(max_length=10, description="ISO date")] = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    ) -> RawJSON:
        """Stored stories, newest first; filter by outlet and by date."""
        with reading() as store:
            rows = store.stories(
                since=iso(since, "since"),
                until=iso(until, "until"),
                outlet=outlet or None,
                newest_first=True,
                limit=limit,
                offset=offset,
            )
        return RawJSON({"stories": [r.to_dict() for r in rows], "limit": limit, "offset": offset})

    @app.get("/api/stories/{story_id}", **api)
    def api_story(story_id: str) -> RawJSON:
        """One stored story and its comparison: the kept one, passed on as stored, when there
        is one (`newsprism compare --story ID` keeps it), else computed and not kept."""
        from ..corpus import compare_story, kept_comparison

        with reading() as store:
            row = store.story(story_id)
            text = kept_comparison(story_id, db=store, options=story_options)
            if text is None:
                comparison = compare_story(story_id, db=store, options=story_options, keep=False)
                text = json.dumps(comparison.to_dict(), ensure_ascii=False)
        return RawJSON('{"story": ' + json.dumps(row.to_dict(), ensure_ascii=False) + ', "comparison": ' + text + "}")

    @app.get("/api/search", **api)
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=500, description="SQLite FTS5 query")],
        limit: Annotated[int, Query(ge=1, le=200)] = 20,
    ) -> RawJSON:
        """Full-text search of the stored articles, best first, each with its story."""
        with reading() as store:
            hits = store.search(q, limit=limit)
            story = store.stories_of(h.id for h in hits)
        return RawJSON({"query": q, "hits": [{**h.to_dict(), "story": story.get(h.id)} for h in hits]})

    @app.get("/api/outlets", **api)
    def api_outlets(
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        top: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> RawJSON:
        """Each outlet's profile over its stored articles (`newsprism outlets --format json`)."""
        from ..outlets import outlets_in

        with reading() as store:
            listing = outlets_in(store, outlet=outlet or None, top=top, fill=False)
        return RawJSON({**listing.to_dict(), "unframed": listing.unframed})

    # ------------------------------------------------------------------ pages

    html: dict[str, Any] = {"response_class": HTMLResponse, "include_in_schema": False}

    @app.get("/", **html)
    def index() -> str:
        return page("index.html", corpus=db is not None, options=options)

    @app.post("/compare", **html)
    async def compare_form(request: Request) -> Response:
        form = await request.form(
            max_files=options.max_articles + 1,
            max_fields=4 * options.max_articles + 8,
            max_part_size=options.max_article_bytes,
        )
        texts = [str(v) for v in form.getlist("text")]
        outlets = [str(v) for v in form.getlist("outlet")]
        raws: list[RawArticle] = []
        warnings: list[str] = []
        items: list[tuple[bytes, str, str | None]] = []
        for i, text in enumerate(texts):
            if text.strip():
                items.append((text.encode("utf-8", "surrogatepass"), f"pasted article {i + 1}", _at(outlets, i)))
        for upload in form.getlist("file"):
            if isinstance(upload, str) or not upload.filename:
                continue
            data = await upload.read(options.max_article_bytes + 1)
            items.append((data, Path(upload.filename.replace("\\", "/")).name or "upload", None))
        check_count(len(items))
        for data, name, outlet in items:
            try:
                raws.append(read_one(data, name, outlet))
            except InputError as exc:
                warnings.append(f"skipped {exc}")
        if len(raws) < 2:
            raise Refused(422, "; ".join([*warnings, "fewer than two readable articles"]))
        try:
            comparison = await run_compare(raws, warnings)
        except CompareError as exc:
            raise Refused(422, str(exc)) from None
        return HTMLResponse(report_page(comparison))

    @app.get("/stories", **html)
    def stories_page(
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
    ) -> str:
        per = 50
        with reading() as store:
            rows = store.stories(
                since=iso(since, "since"),
                until=iso(until, "until"),
                outlet=outlet or None,
                newest_first=True,
                limit=per + 1,
                offset=(page_no - 1) * per,
            )
            names = store.outlet_names()
        query = {"outlet": outlet or "", "since": since or "", "until": until or ""}
        return page("stories.html", stories=rows[:per], more=len(rows) > per, page=page_no, query=query, outlets=names)

    @app.get("/stories/{story_id}", **html)
    def story_page(story_id: str) -> str:
        from ..corpus import compare_story

        with reading() as store:
            store.story(story_id)
            comparison = compare_story(story_id, db=store, options=story_options, keep=False)
        return report_page(comparison)

    @app.get("/search", **html)
    def search_page(q: Annotated[str, Query(max_length=500)] = "") -> str:
        hits: list[Any] = []
        story: dict[str, str] = {}
        if q.strip():
            with reading() as store:
                hits = store.search(q, limit=50)
                story = store.stories_of(h.id for h in hits)
        return page("search.html", q=q, hits=hits, story=story)

    @app.get("/outlets", **html)
    def outlets_page(name: Annotated[str | None, Query(max_length=200)] = None) -> str:
        from ..outlets import outlets_in

        with reading() as store:
            listing = outlets_in(store, outlet=name or None, top=10, fill=False)
        return page("outlets.html", listing=listing, one=name)

    return app


def _at(values: list[str], i: int) -> str | None:
    return values[i].strip() or None if i < len(values) else None


__all__ = ["CSP", "build_app"]
