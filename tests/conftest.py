"""Shared fixtures: small articles the team wrote for the tests (fictional events)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprism.model import Article, Sentence, Span

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

WIRE = """Ferry fire forces evacuation of 212 passengers off Korsholm
NORDPRESS | March 3, 2025
KORSHOLM:
A fire broke out in the engine room of the ferry Aurora Dawn on Monday, forcing the evacuation of 212 passengers, the coastguard said.
Two crew members were treated for smoke inhalation and 12 passengers were taken to hospital, according to regional health officials.
"The crew acted quickly and nobody was left on board," coastguard spokeswoman Lena Virtanen told reporters.
Also read: Harbour tolls to rise next spring
The operator, Baltic Link, said repairs would cost about 1.5 million euros and take three weeks.
Investigators will examine whether a fuel leak caused the blaze.
COMMENTS
Replying to Erik
Comments are moderated before they appear.
"""

REWRITE = """Chaos at sea: ferry blaze sparks mass evacuation
By Tom Akers, Staff Reporter
Updated 14:32 GMT
A fire broke out in the engine room of the ferry Aurora Dawn on Monday, forcing the evacuation of 212 passengers, the coastguard claimed.
Two crew members were treated for smoke inhalation and at least 15 passengers were taken to hospital, according to regional health officials.
"The crew acted quickly and nobody was left on board," coastguard spokeswoman Lena Virtanen told reporters.
Advertisement
The embattled operator, Baltic Link, said repairs would cost about 1.5 million euros and take three weeks.
Share this article
"""

INDEPENDENT = """Passengers describe smoke and calm aboard burning ferry
5 min read
Smoke filled the lower decks of the Aurora Dawn before dawn on Monday as crews led more than two hundred people to lifeboats.
Regional health officials said a dozen travellers needed hospital care, while two sailors inhaled smoke.
Baltic Link put the repair bill at roughly €1.5m.
Photo: Mia Holm / Getty Images
One passenger, Ahmed Saleh, said the evacuation felt orderly.
"""


@pytest.fixture()
def story(tmp_path: Path) -> list[Path]:
    """Three fictional reports of one event: a wire story, a light rewrite, an independent one."""
    paths = []
    for name, text in (("wire", WIRE), ("rewrite", REWRITE), ("independent", INDEPENDENT)):
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite the golden files in tests/golden/ from the current renderings instead of comparing.",
    )


@pytest.fixture()
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when pytest runs with --update-golden (see tests/test_golden.py)."""
    return bool(request.config.getoption("--update-golden"))


def write_jsonl(path: Path, *records: dict[str, str]) -> Path:
    """Write ``records`` as JSON lines to ``path`` (the corpus tests' input files)."""
    import json

    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def count_rows(db: Path, sql: str) -> int:
    """The single number ``sql`` selects from the SQLite file ``db``."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def article_of(aid: str, sentences: list[str], **fields: Any) -> Article:
    """An article whose text is ``sentences`` joined by spaces, each with its span, read from
    ``{aid}.txt``; ``fields`` set the rest (title, outlet, removed ...)."""
    text, spans, pos = "", [], 0
    for i, s in enumerate(sentences):
        if i:
            text += " "
            pos += 1
        spans.append(Sentence(i, Span(pos, pos + len(s)), s))
        text += s
        pos += len(s)
    return Article(id=aid, text=text, source=f"{aid}.txt", sentences=tuple(spans), **fields)
