"""A small stored corpus for the web tests: two stories (fictional events, written for the
tests) on two dates, one of whose articles is hostile (script, event handlers, a
``javascript:`` link in its headline and text)."""

from __future__ import annotations

from pathlib import Path

from .conftest import INDEPENDENT, REWRITE, WIRE, write_jsonl

BRIDGE_A = """The council of Brindle closed the old river bridge on Thursday after engineers found deep cracks in two of its piers.
Traffic will be sent over the ring road for at least six weeks, the council said in a statement.
The engineers' report, seen by this newspaper, says the cracks widened by four millimetres since the spring inspection.
Shop owners on the east bank said they feared losing customers during the closure.
A temporary footbridge for pedestrians and cyclists is to open within ten days.
"""

HOSTILE_TITLE = "Brindle bridge shut <script>window.__pwned = 1</script> after cracks found"

BRIDGE_B = """The council of Brindle closed the old river bridge on Thursday after engineers found deep cracks in two of its piers <img src=x onerror="window.__pwned = 1">.
Traffic will be diverted over the ring road for at least six weeks, the council said.
Read the report <a href="javascript:window.__pwned = 1">here</a> and [there](javascript:window.__pwned=1).
Local traders warned that the closure would cost them customers.
A temporary footbridge for walkers and cyclists should open within ten days, officials said.
"""


def body(text: str) -> str:
    """The article body of a conftest article (its first line is the headline)."""
    return text.split("\n", 1)[1]


def headline(text: str) -> str:
    return text.split("\n", 1)[0]


def build_corpus(folder: Path) -> Path:
    """Ingest and group the corpus into ``folder/news.db``; return its path."""
    from newsprism.corpus import group_corpus, ingest

    pile = write_jsonl(
        folder / "pile.jsonl",
        {"id": "wire", "outlet": "Nordpress", "published": "2025-03-03", "title": headline(WIRE), "text": body(WIRE)},
        {
            "id": "rewrite",
            "outlet": "Daily Post",
            "published": "2025-03-03",
            "title": headline(REWRITE),
            "text": body(REWRITE),
        },
        {
            "id": "independent",
            "outlet": "Harbour Times",
            "published": "2025-03-04",
            "title": headline(INDEPENDENT),
            "text": body(INDEPENDENT),
        },
        {
            "id": "bridge-a",
            "outlet": "Brindle Gazette",
            "published": "2025-04-10",
            "title": "Brindle closes river bridge after cracks found in piers",
            "text": BRIDGE_A,
        },
        {"id": "bridge-b", "outlet": "Evil Daily", "published": "2025-04-11", "title": HOSTILE_TITLE, "text": BRIDGE_B},
    )
    db = folder / "news.db"
    ingest([str(pile)], db=db, workers=1)
    group_corpus(db=db)
    return db
