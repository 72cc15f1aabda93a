from __future__ import annotations

from pathlib import Path

from newsprism import compare, from_text
from newsprism import prepare_article as prepare
from newsprism.reuse import reuse_pair

from .conftest import INDEPENDENT, REWRITE, WIRE


def _art(text: str, id: str):
    return prepare(from_text(text, id=id))


def test_light_rewrite_shows_high_share_and_spans() -> None:
    wire, rewrite = _art(WIRE, "wire"), _art(REWRITE, "rewrite")
    r = reuse_pair(rewrite, wire)
    assert r.share > 0.6
    assert r.spans
    for span in r.spans:
        assert 0 <= span.start < span.end <= len(rewrite.text)
    copied = " ".join(rewrite.text[s.start : s.end] for s in r.spans)
    assert "engine room of the ferry Aurora Dawn" in copied


def test_independent_report_shows_low_share() -> None:
    wire, indep = _art(WIRE, "wire"), _art(INDEPENDENT, "independent")
    assert reuse_pair(indep, wire).share < 0.15
    assert reuse_pair(wire, indep).share < 0.15


def test_shared_quotation_is_not_copying() -> None:
    quote = '"We will rebuild every house on this street before winter comes, whatever it costs," the mayor said.'
    a = _art(f"Head A\nFloods hit the valley town on Sunday.\n{quote}", "a")
    b = _art(f"Head B\nResidents counted the damage after the river burst its banks.\n{quote}", "b")
    r = reuse_pair(a, b)
    # only "the mayor said" lies outside the quotation and is shared: a small share, no quote in spans
    for span in r.spans:
        assert "rebuild" not in a.text[span.start : span.end]


def test_share_is_zero_for_unrelated(story: list[Path]) -> None:
    c = compare(story, options=None)
    shares = {(r.article, r.source): r.share for r in c.reuse}
    assert shares[("rewrite", "wire")] > 0.6
    assert shares[("independent", "wire")] < 0.15
    assert len(c.reuse) == 6
