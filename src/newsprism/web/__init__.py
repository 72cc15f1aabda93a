"""The web app: ``newsprism serve`` (FastAPI, Jinja2, uvicorn; the ``web`` extra).

Pages to paste or upload two or more articles and read their comparison, to browse the
stored stories (newest first, by outlet and date, full-text search), to open a story's report
and an outlet's profile; a JSON API for the same (``/api/compare``, ``/api/stories``,
``/api/stories/{id}``, ``/api/search``, ``/api/outlets``) described at ``/openapi.json``.

The layer is thin: every finding comes from the core (:func:`newsprism.comparison.compare`,
:func:`newsprism.corpus.compare_story`, :func:`newsprism.outlets.outlets_in`) and the store
(:class:`newsprism.store.Store`, opened read-only). What it adds is the surface's safety, set
by :class:`WebOptions`: every article string is escaped (Jinja2 autoescaping), pages carry a
Content-Security-Policy without script, request bodies, articles per comparison and request
time are capped with a one-line 4xx JSON error, the server binds 127.0.0.1 unless told
otherwise and answers only to the host names it serves, and no endpoint reads a path a client
names (uploads are read from memory: :func:`newsprism.readers.read_bytes`). See docs/web.md.

``import newsprism.web`` does not import FastAPI: :func:`create_app` and :func:`serve` do,
and a missing extra fails with the install command (:data:`INSTALL`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import MissingDependencyError
from ..model import Comparison

if TYPE_CHECKING:  # pragma: no cover
    import jinja2
    from fastapi import FastAPI

#: the command that installs what the web app needs
INSTALL = "pip install 'newsprism[web]'"
#: the host names of this machine's loopback: a server bound to one answers only to these
LOOPBACK = ("127.0.0.1", "localhost", "::1")
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


@dataclass(frozen=True, slots=True, kw_only=True)
class WebOptions:
    """The web app's limits, validated once.

    - ``max_request_bytes`` (5 MB): the largest request body (a JSON comparison request, a
      form with its uploads); a larger one is refused with 413 before it is read whole.
    - ``max_article_bytes`` (1 MB): one article's text, HTML or uploaded file (413).
    - ``max_articles`` (10): articles in one comparison; fewer than 2 or more than this is 422.
    - ``max_sentences`` (1,000): sentences of one article a comparison aligns (422 above).
    - ``request_seconds`` (20): the longest a request may take; a comparison still running
      then is answered with 408 and its result dropped.
    - ``allowed_hosts``: the ``Host`` names answered, port aside (a guard against DNS
      rebinding: another site's page cannot read the corpus through a name that points at
      127.0.0.1); None answers any. :func:`serve` on a loopback address sets :data:`LOOPBACK`.
    - ``embedder``: the sentence embeddings of comparisons (as ``compare --embedder``).
    """

    max_request_bytes: int = 5_000_000
    max_article_bytes: int = 1_000_000
    max_articles: int = 10
    max_sentences: int = 1_000
    request_seconds: float = 20.0
    allowed_hosts: tuple[str, ...] | None = None
    embedder: str = "wordllama"

    def __post_init__(self) -> None:
        from .. import _checks as check
        from ..embed import EMBEDDERS

        for name in ("max_request_bytes", "max_article_bytes", "max_sentences"):
            check.whole(self, name, 1)
        check.whole(self, "max_articles", 2)
        value = self.request_seconds
        check.relation(self, "request_seconds", check.is_number(value) and value > 0, "a number above 0")
        hosts = self.allowed_hosts
        check.relation(
            self,
            "allowed_hosts",
            hosts is None or (isinstance(hosts, tuple) and all(isinstance(h, str) for h in hosts)),
            "a tuple of host names or None",
        )
        check.choice(self, "embedder", (*EMBEDDERS, "none", None))


def require_web() -> None:
    """Raise :class:`MissingDependencyError` naming :data:`INSTALL` when the extra is missing."""
    from importlib.util import find_spec

    missing = []
    for module, package in (
        ("fastapi", "fastapi"),
        ("jinja2", "jinja2"),
        ("uvicorn", "uvicorn"),
        ("python_multipart", "python-multipart"),
    ):
        try:
            found = find_spec(module) is not None
        except (ImportError, ValueError):  # a module set to None in sys.modules
            found = False
        if not found:
            missing.append(package)
    if missing:
        raise MissingDependencyError(
            f"the web app needs {', '.join(missing)} (the web extra); install it with: {INSTALL}"
        )


@cache
def templates() -> jinja2.Environment:
    """The Jinja2 environment of the pages: every value autoescaped, undefined names fail."""
    try:
        import jinja2
    except ImportError:
        raise MissingDependencyError(f"the HTML pages need jinja2; install it with: {INSTALL}") from None
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    from ..render.view import plural

    env.filters["plural"] = plural
    return env


def page(name: str, **context: Any) -> str:
    """Render the template ``name`` with ``context`` (escaped)."""
    return templates().get_template(name).render(**context)


def report_page(comparison: Comparison) -> str:
    """A comparison as one HTML page of the web app: the report of ``compare --format html``
    (the same templates, :mod:`newsprism.render.html`: digest, facts by outlet with the words
    that differ, quotations, reuse, figures, naming, credits, profiles, furniture) inside the
    app's navigation. Every value is escaped by the report's own autoescaping environment."""
    from ..render.html import context, environment, stylesheet
    from ..render.view import build_view

    title = _report_title(comparison)
    body = environment().get_template("_report.html").render(**context(build_view(comparison), title=title))
    return page("report.html", title=title, report=body, css=stylesheet())


def _report_title(comparison: Comparison) -> str:
    from ..render.view import one_line

    heads = [one_line(a.title) for a in comparison.articles if a.title]
    return heads[0] if heads else "comparison"


def create_app(db: str | Path | None = None, *, options: WebOptions | None = None) -> FastAPI:
    """The FastAPI application over the corpus ``db`` (opened read-only on each request;
    None: comparisons of pasted articles only)."""
    require_web()
    from ._app import build_app

    return build_app(None if db is None else Path(db), options or WebOptions())


def serve(
    db: str | Path | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    options: WebOptions | None = None,
    workers: int = 1,
    log_level: str = "warning",
) -> None:
    """Run the web app with uvicorn until interrupted (binds ``host``, 127.0.0.1 by default).
    ``workers`` above 1 runs that many server processes (comparisons are CPU-bound and hold
    Python's GIL, so one process uses one core)."""
    require_web()
    import dataclasses
    import json
    import os

    import uvicorn

    opts = options or WebOptions()
    if opts.allowed_hosts is None and host in LOOPBACK:
        opts = dataclasses.replace(opts, allowed_hosts=LOOPBACK)
    if workers <= 1:
        app = create_app(db, options=opts)
        uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False)
        return
    # each worker process builds the app from the environment it inherits; the processes
    # already use the cores, so each runs its numerical libraries on one thread (measured by
    # benchmarks/bench_serve.py on 2 cores: /api/compare p95 at 8 clients 384 -> 233 ms)
    for name in _THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    os.environ[_CONFIG] = json.dumps(
        {"db": None if db is None else str(Path(db).resolve()), "options": dataclasses.asdict(opts)}
    )
    uvicorn.run(
        "newsprism.web:from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        server_header=False,
    )


_CONFIG = "NEWSPRISM_WEB_CONFIG"
#: the thread counts of OpenMP, OpenBLAS and MKL, which the workers' numpy and onnxruntime read
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def from_environment() -> FastAPI:
    """The app :func:`serve` describes in ``$NEWSPRISM_WEB_CONFIG`` (for its worker processes)."""
    import json
    import os

    config = json.loads(os.environ[_CONFIG])
    opts = config["options"]
    if opts.get("allowed_hosts") is not None:
        opts["allowed_hosts"] = tuple(opts["allowed_hosts"])
    return create_app(config["db"], options=WebOptions(**opts))


__all__ = [
    "INSTALL",
    "LOOPBACK",
    "WebOptions",
    "create_app",
    "from_environment",
    "page",
    "report_page",
    "require_web",
    "serve",
]
