"""Load test of `newsprism serve` on loopback: requests/s and latency of the JSON API.

Starts the real server (`python -m newsprism serve --workers 2`, uvicorn) on a free
127.0.0.1 port over a corpus made from the bundled example story, then sends a fixed number
of requests from 1, 8 and 32 concurrent clients (httpx, asyncio) and reports requests/s,
median and p95 latency and errors:

- ``POST /api/compare`` on two seed-sized articles (the example's wire text, 535 words, and
  its HTML page, 542 words), twice: the same pair every time (the sentence-embedding cache
  warm, as when people compare one story again) and a fresh pair every time (a token added to
  every sentence, so no sentence is in the cache);
- ``GET /api/stories/{id}`` for the stored story, whose comparison is kept in the store
  (read, not recomputed).

Baseline in the same run: the same comparison called in-process (read from bytes, compared,
turned into the JSON contract), one at a time. Targets (issue #19): p95 <= 300 ms for
/api/compare at 8 clients on 2 cores; p95 <= 50 ms for /api/stories/{id}. Any error (a
non-200 answer, a refused connection) fails the run; so does the whole run taking over
--budget seconds.

    python benchmarks/bench_serve.py [--requests 96] [--budget 600]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import httpx
from _common import REPO, table

EXAMPLE = REPO / "examples" / "articles"
LEVELS = (1, 8, 32)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fresh(text: str, n: int) -> str:
    """``text`` with a token of its own before every sentence's end: no sentence repeats."""
    return re.sub(r"([.!?])(\s)", rf" z{n}q\1\2", text)


def _payload(wire: str, page: str, n: int | None) -> dict:
    if n is not None:
        wire, page = _fresh(wire, n), _fresh(page, n)
    return {"articles": [{"text": wire, "name": "wire"}, {"html": page, "name": "eastport"}]}


def _p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]


async def _load(base: str, method: str, path: str, bodies, total: int, clients: int) -> tuple[list[float], int, float]:
    """``total`` requests from ``clients`` concurrent clients; latencies (s), errors, wall time."""
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def worker() -> None:
            nonlocal errors
            for i in counter:
                body = bodies(i) if bodies else None
                t0 = time.perf_counter()
                try:
                    r = await client.request(method, path, json=body)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                latencies.append(time.perf_counter() - t0)
                errors += not ok

        t0 = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        wall = time.perf_counter() - t0
    return latencies, errors, wall


def _in_process(wire: str, page: str, fresh: bool, repeat: int) -> list[float]:
    """The same comparison called in-process, as the server makes it, one at a time."""
    from newsprism.web import WebOptions
    from newsprism.web._app import build_app

    app = build_app(None, WebOptions())
    options = app.state.compare_options
    from newsprism.comparison import compare
    from newsprism.readers import read_bytes

    times = []
    for i in range(repeat):
        p = _payload(wire, page, 10_000 + i if fresh else None)
        t0 = time.perf_counter()
        raws = [
            read_bytes(p["articles"][0]["text"].encode(), "wire.txt"),
            read_bytes(p["articles"][1]["html"].encode(), "eastport.html"),
        ]
        json.dumps(compare(raws, options=options).to_dict())
        times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=96, help="requests per row (default 96)")
    ap.add_argument("--budget", type=float, default=600, help="the most seconds the whole run may take")
    ap.add_argument("--workers", type=int, default=2, help="server processes (newsprism serve --workers; default 2)")
    args = ap.parse_args()
    started = time.monotonic()
    wire = (EXAMPLE / "wire-kessel-dam.txt").read_text(encoding="utf-8")
    page = (EXAMPLE / "eastport-herald-kessel-dam.html").read_text(encoding="utf-8")

    from newsprism.corpus import compare_story, group_corpus, ingest
    from newsprism.web import WebOptions
    from newsprism.web._app import build_app

    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    db = tmp / "news.db"
    ingest([str(EXAMPLE)], db=db, workers=1)
    story = group_corpus(db=db).stories[0].id
    compare_story(story, db=db, options=build_app(None, WebOptions()).state.story_options)  # kept

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp / "serve.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsprism",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    rows: list[list[object]] = []
    failed = 0
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                print((tmp / "serve.log").read_text(), file=sys.stderr)
                return 1
            time.sleep(0.2)
        # warm up: the embedding model loads on the first comparison
        for _i in range(3):
            httpx.post(base + "/api/compare", json=_payload(wire, page, None), timeout=60).raise_for_status()
            httpx.get(f"{base}/api/stories/{story}", timeout=60).raise_for_status()

        same = _in_process(wire, page, False, 20)
        fresh = _in_process(wire, page, True, 20)
        base_same, base_fresh = statistics.median(same), statistics.median(fresh)
        rows.append(
            [
                "in-process compare, same pair (baseline)",
                1,
                20,
                1 / base_same,
                base_same * 1000,
                _p95(same) * 1000,
                1.0,
                0,
            ]
        )
        rows.append(
            [
                "in-process compare, fresh pair (baseline)",
                1,
                20,
                1 / base_fresh,
                base_fresh * 1000,
                _p95(fresh) * 1000,
                1.0,
                0,
            ]
        )

        def run(label: str, method: str, path: str, bodies, clients: int, total: int, baseline: float) -> None:
            nonlocal failed
            remaining = args.budget - (time.monotonic() - started)
            lat, errors, wall = asyncio.run(
                asyncio.wait_for(_load(base, method, path, bodies, total, clients), timeout=max(1.0, remaining))
            )
            failed += errors
            p95 = _p95(lat)
            rows.append(
                [label, clients, total, total / wall, statistics.median(lat) * 1000, p95 * 1000, p95 / baseline, errors]
            )

        n = 0

        def fresh_body(i: int) -> dict:
            nonlocal n
            n += 1
            return _payload(wire, page, n)

        for clients in LEVELS:
            run(
                "POST /api/compare, same pair",
                "POST",
                "/api/compare",
                lambda i: _payload(wire, page, None),
                clients,
                args.requests,
                base_same,
            )
        for clients in LEVELS:
            run("POST /api/compare, fresh pair", "POST", "/api/compare", fresh_body, clients, args.requests, base_fresh)
        for clients in (1, 8):
            run(
                "GET /api/stories/{id} (kept)",
                "GET",
                f"/api/stories/{story}",
                None,
                clients,
                4 * args.requests,
                base_same,
            )
    except TimeoutError:
        print(f"bench_serve: over the budget of {args.budget:g} s", file=sys.stderr)
        return 1
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    print(
        table(
            f"newsprism serve on loopback ({args.workers} uvicorn worker processes, {os.cpu_count()} cores); "
            "x baseline = p95 / in-process median of the same "
            "comparison",
            ["what", "clients", "requests", "req/s", "median ms", "p95 ms", "x baseline", "errors"],
            rows,
        )
    )
    compare8 = next(r for r in rows if str(r[0]).startswith("POST /api/compare, fresh") and r[1] == 8)
    story8 = next(r for r in rows if str(r[0]).startswith("GET") and r[1] == 8)
    print(
        f"\ntargets: /api/compare p95 at 8 clients {compare8[5]:.0f} ms (<= 300), "
        f"/api/stories/{{id}} p95 at 8 clients {story8[5]:.0f} ms (<= 50); errors {failed}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
