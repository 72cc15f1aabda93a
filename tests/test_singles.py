"""Sentences only one outlet reports, only here or related elsewhere (singles.v1): the core
classification, the JSON field, the digest and every rendering show the two kinds apart."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsprism
from newsprism import render
from newsprism.comparison import compare as compare_records
from newsprism.digest import DigestOptions, digest
from newsprism.model import (
    ONLY_HERE,
    RELATED_ELSEWHERE,
    Comparison,
    Fact,
    FactMember,
    RelatedLink,
    Span,
)
from newsprism.render.view import build_view
from newsprism.singles import SINGLES_VERSION, single_sentences

from .conftest import WIRE, article_of

# An invented story: a shared fact, a sentence each outlet has alone with no related
# sentence elsewhere, and sentences alone but related to another outlet's.
A = article_of(
    "a",
    [
        "The river burst its banks at Holm on Tuesday night.",  # 0: shared with b0
        "Volunteers filled sandbags outside the town hall until dawn.",  # 1: related to b2 and c1
        "A brass band cancelled its spring concert.",  # 2: only here
    ],
    outlet="Valley Courier",
)
B = article_of(
    "b",
    [
        "The river overflowed at Holm late on Tuesday.",  # 0: shared with a0
        "Insurers expect claims to pass two million crowns.",  # 1: related to a0, in a shared fact
        "Residents stacked sandbags overnight at the town hall.",  # 2: related to a1
    ],
    outlet="Holm Post",
)
C = article_of("c", ["The mayor praised the town's volunteers.", "Sandbags ran short."], outlet="Radio North")
FACTS = (
    Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "some", 0.8),
    Fact("f2", (FactMember("a", 1),), "one"),
    Fact("f3", (FactMember("a", 2),), "one"),
    Fact("f4", (FactMember("b", 1),), "one"),
    Fact("f5", (FactMember("b", 2),), "one"),
    Fact("f6", (FactMember("c", 0),), "one"),
    Fact("f7", (FactMember("c", 1),), "one"),
)
RELATED = (
    RelatedLink(FactMember("a", 1), FactMember("b", 2), 0.46),
    RelatedLink(FactMember("a", 1), FactMember("c", 1), 0.33, "a part of the other's claim"),
    RelatedLink(FactMember("a", 0), FactMember("b", 1), 0.31),
)


def story() -> Comparison:
    return Comparison(articles=(A, B, C), facts=FACTS, reuse=(), related=RELATED)


def test_each_single_sentence_is_only_here_or_related_elsewhere() -> None:
    singles = {x.fact: x for x in single_sentences(FACTS, RELATED, (A, B, C))}
    assert set(singles) == {"f2", "f3", "f4", "f5", "f6", "f7"}  # the shared fact is none
    kinds = {f: x.kind for f, x in singles.items()}
    assert kinds == {
        "f2": RELATED_ELSEWHERE,
        "f3": ONLY_HERE,
        "f4": RELATED_ELSEWHERE,  # related to a sentence of a shared fact
        "f5": RELATED_ELSEWHERE,
        "f6": ONLY_HERE,
        "f7": RELATED_ELSEWHERE,
    }
    f2 = singles["f2"]
    # the related sentences, best first, with their facts, spans, scores and reasons
    assert [(r.article, r.sentence, r.fact, r.score) for r in f2.related] == [
        ("b", 2, "f5", 0.46),
        ("c", 1, "f7", 0.33),
    ]
    assert f2.related[0].span == B.sentences[2].span and f2.related[1].reason == "a part of the other's claim"
    assert f2.best_score == 0.46 and f2.span == A.sentences[1].span
    assert singles["f4"].related[0].fact == "f1"
    assert singles["f3"].related == () and singles["f3"].best_score is None


def test_no_related_link_leaves_every_single_only_here() -> None:
    singles = single_sentences(FACTS, (), (A, B, C))
    assert {x.kind for x in singles} == {ONLY_HERE}
    # a sentence without its article in the comparison keeps no span
    assert single_sentences(FACTS, RELATED)[0].span is None


def test_singles_in_json_are_derived_and_read_back() -> None:
    c = story()
    d = c.to_dict()
    by_fact = {x["fact"]: x for x in d["singles"]}
    assert by_fact["f3"] == {
        "fact": "f3",
        "article": "a",
        "sentence": 2,
        "start": A.sentences[2].span.start,
        "end": A.sentences[2].span.end,
        "kind": "only_here",
        "best_score": None,
        "related": [],
    }
    f2 = by_fact["f2"]
    assert f2["kind"] == "related_elsewhere" and f2["best_score"] == 0.46
    assert f2["related"][0] == {
        "article": "b",
        "sentence": 2,
        "start": B.sentences[2].span.start,
        "end": B.sentences[2].span.end,
        "fact": "f5",
        "score": 0.46,
        "reason": None,
    }
    back = Comparison.from_dict(json.loads(json.dumps(d)))
    assert back == c and back.singles == c.singles


def _pair() -> tuple[newsprism.RawArticle, newsprism.RawArticle]:
    """The wire story and an invented rewrite with one sentence close to one the wire has in
    a fact already (related elsewhere) and one nobody else has (only here)."""
    extra = (
        "Investigators will examine whether a fuel leak caused the blaze.\n"
        "Fire crews suspect that a leak of fuel in the engine room started the blaze.\n"
        "A harbour cafe handed out free coffee to the evacuated travellers.\n"
    )
    rewrite = "Ferry blaze\nA fire broke out in the engine room of the ferry Aurora Dawn on Monday.\n" + extra
    return newsprism.from_text(WIRE, id="wire", outlet="Nordpress"), newsprism.from_text(
        rewrite, id="post", outlet="Daily Post"
    )


def test_compare_classifies_its_single_sentences() -> None:
    c = compare_records(list(_pair()))
    assert c.algorithms["singles"] == SINGLES_VERSION
    singles = c.singles
    assert len(singles) == sum(1 for f in c.facts if len(f.members) == 1)
    text = {(x.article, x.sentence): c.article(x.article).sentences[x.sentence].text for x in singles}
    kind = {text[(x.article, x.sentence)]: x for x in singles}
    near = kind["Fire crews suspect that a leak of fuel in the engine room started the blaze."]
    assert near.kind == RELATED_ELSEWHERE
    assert ("wire", 4) in {(r.article, r.sentence) for r in near.related}
    assert kind["A harbour cafe handed out free coffee to the evacuated travellers."].kind == ONLY_HERE
    # the classification reads the alignment's related links, nothing else
    linked = {(m.article, m.sentence) for r in c.related for m in (r.a, r.b)}
    for x in singles:
        assert (x.kind == RELATED_ELSEWHERE) == ((x.article, x.sentence) in linked)
    out = json.loads(render(c, "json"))
    assert {x["kind"] for x in out["singles"]} == {ONLY_HERE, RELATED_ELSEWHERE}


def test_counts_of_one_outlet_count_only_here() -> None:
    s = build_view(story()).summary
    assert (s.by_one, s.by_one_related) == (2, 4)
    for fmt in ("text", "md", "html"):
        out = re.sub(r"\s+", " ", render(story(), fmt))
        assert "2 by one outlet only" in out and "4 by one outlet with related sentences elsewhere" in out, fmt


def test_digest_lists_the_two_kinds_apart() -> None:
    d = digest(story(), DigestOptions(min_sentences=0))  # no single-outlet sentence tops it up
    by = {o.article: o for o in d.only_by}
    assert (by["a"].facts, [f for f, _, _ in by["a"].sentences]) == (1, ["f3"])
    assert (by["a"].related_facts, [f for f, _, _ in by["a"].related]) == (1, ["f2"])
    assert (by["b"].facts, by["b"].related_facts) == (0, 2)
    assert by["b"].to_dict()["related"][0] == {"fact": "f4", "sentence": 1, "text": B.sentences[1].text}


def test_text_shows_only_here_apart_from_related_elsewhere() -> None:
    out = render(story(), "text", width=200)
    assert "Only in Valley Courier (1)" in out
    assert "In Valley Courier; related sentences elsewhere (1)" in out
    assert "Only in Holm Post" not in out and "In Holm Post; related sentences elsewhere (2)" in out
    alone = out.split("Only in Valley Courier (1)")[1].split("╰")[0]
    assert "A brass band" in alone and "Volunteers filled" not in alone
    near = out.split("In Valley Courier; related sentences elsewhere (1)")[1].split("╰")[0]
    assert "Volunteers filled" in near and "~ Holm Post (f5, 0.46): Residents stacked" in near


def test_markdown_shows_only_here_apart_from_related_elsewhere() -> None:
    out = render(story(), "md")
    assert "## Only in Valley Courier (1)\n\n- A brass band cancelled its spring concert.\n" in out
    assert (
        "## In Valley Courier; related sentences elsewhere (1)\n\n"
        "- Volunteers filled sandbags outside the town hall until dawn.\n"
        "  - ~ **Holm Post** (f5, 0.46): Residents stacked sandbags overnight at the town hall.\n"
        "  - ~ **Radio North** (f7, 0.33): Sandbags ran short.\n"
    ) in out
    assert "## Only in Holm Post" not in out
    digest_part = out.split("## Articles")[0]
    only, related = digest_part.split("Reported by one outlet, with related sentences elsewhere:")
    assert "**Valley Courier** (1 fact): A brass band" in only and "Holm Post" not in only.split("Reported only by")[1]
    # (the default digest tops itself up with a1 and b2, which it then does not list again)
    assert "**Holm Post** (1 fact): Insurers expect" in related


def test_html_shows_only_here_apart_from_related_elsewhere() -> None:
    out = render(story(), "html")
    row = re.search(r'<tr id="fact-f2" class="([^"]+)">(.*?)</tr>', out, re.S)
    assert row and row.group(1) == "single related-elsewhere"
    assert "1 outlet, related elsewhere" in row.group(2) and 'href="#fact-f5"' in row.group(2)
    alone = re.search(r'<tr id="fact-f3" class="([^"]+)">(.*?)</tr>', out, re.S)
    assert alone and alone.group(1) == "single only-here" and "1 outlet only" in alone.group(2)
    only = out.split("<h3>Reported only by</h3>")[1].split("<h3>")[0]
    assert "Valley Courier" in only and "Holm Post" not in only
    related = out.split("<h3>Reported by one outlet, with related sentences elsewhere</h3>")[1].split("<h3>")[0]
    assert "Holm Post" in related and 'href="#fact-f4"' in related and "Radio North" in related


def test_cli_json_carries_the_singles(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprism.cli import main

    wire, post = _pair()
    paths = []
    for raw, name in ((wire, "wire"), (post, "post")):
        p = tmp_path / f"{name}.txt"
        p.write_text(f"{raw.title}\n{raw.body}\n", encoding="utf-8")
        paths.append(str(p))
    result = CliRunner().invoke(main, ["compare", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["algorithms"]["singles"] == SINGLES_VERSION
    kinds = {x["kind"] for x in out["singles"]}
    assert kinds == {ONLY_HERE, RELATED_ELSEWHERE}


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_story_without_related_links_shows_only_here(fmt: str) -> None:
    c = Comparison(articles=(A, B, C), facts=FACTS, reuse=())
    out = render(c, fmt)
    assert "related sentences elsewhere (" not in out
    assert "related-elsewhere" not in out


def test_span_of_a_single_points_at_its_text() -> None:
    for x in story().singles:
        art = {"a": A, "b": B, "c": C}[x.article]
        assert isinstance(x.span, Span) and x.span.of(art.text) == art.sentences[x.sentence].text


def test_a_related_sentence_in_no_fact_gets_no_fact_link() -> None:
    """A related sentence that belongs to no fact (a standfirst, a truncated ending) is shown
    with its outlet and score, never as an empty ``#fact-`` link or an empty fact name."""
    c3 = article_of(
        "c",
        ["The mayor praised the town's volunteers.", "Sandbags ran short.", "The band will play in June."],
        outlet="Radio North",
    )
    related = (*RELATED, RelatedLink(FactMember("a", 2), FactMember("c", 2), 0.41))
    comparison = Comparison(articles=(A, B, c3), facts=FACTS, reuse=(), related=related)
    f3 = {x.fact: x for x in comparison.singles}["f3"]
    assert f3.kind == RELATED_ELSEWHERE and f3.related[0].fact is None
    html = render(comparison, "html")
    assert 'href="#fact-"' not in html
    row = re.search(r'<tr id="fact-f3" class="([^"]+)">(.*?)</tr>', html, re.S)
    assert row and "Radio North" in row.group(2) and "0.41" in row.group(2)
    assert 'href="#fact-f5"' in re.search(r'<tr id="fact-f2".*?</tr>', html, re.S).group(0)  # type: ignore[union-attr]
    text = render(comparison, "text", width=200)
    assert "~ Radio North (0.41): The band will play in June." in text and "(, 0.41)" not in text
    md = render(comparison, "md")
    assert "  - ~ **Radio North** (0.41): The band will play in June.\n" in md and "(, 0.41)" not in md
