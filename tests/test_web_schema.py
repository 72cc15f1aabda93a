"""Generated requests against the web app's OpenAPI document (Schemathesis): no request,
however odd, gets a 5xx, and every refusal is one ``{"error": ...}``. Bounded for a 2-core
machine: a few examples per operation, valid and invalid ones, derandomized so a run is repeatable."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsprism[web]'")
schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (the dev extra)")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from newsprism.web import WebOptions, create_app  # noqa: E402

from .webcorpus import build_corpus  # noqa: E402

EXAMPLES = 25


def test_no_generated_request_gets_a_server_error(tmp_path: Path) -> None:
    db = build_corpus(tmp_path)
    app = create_app(db, options=WebOptions(max_request_bytes=200_000, request_seconds=10))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/compare", "/api/stories", "/api/stories/{story_id}", "/api/search"}
    seen: dict[str, set[int]] = {}
    modes = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
    for op, mode in ((op, mode) for op in operations for mode in modes):

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case) -> None:
            response = case.call()
            seen.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)
            where = f"{case.method} {case.formatted_path}"
            assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
            if response.status_code >= 400:
                assert set(response.json()) == {"error"}, f"{where}: {response.text[:300]}"

        try:
            check()
        except Unsatisfiable:  # nothing in this operation can be made invalid (a free string path)
            assert mode is schemathesis.GenerationMode.NEGATIVE, op.path
    assert len(seen) == len(operations)
