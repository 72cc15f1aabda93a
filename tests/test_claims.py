"""Same-claim scoring (same-claim.v1): the bundled model loads with its declared features, a
paraphrase scores above a same-topic pair, negation and quotations move the score the right
way, scores are deterministic, and a broken model file is refused in one line.

The sentences are written for these tests; no test trains the model or reads ../shared."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from newsprism.claims import (
    EMBEDDING_FEATURES,
    MODEL_FILE,
    TEXT_FEATURES,
    VERSION,
    ClaimModel,
    ClaimModelError,
    _load,
    feature_names,
)
from newsprism.errors import NewsprismError

BUNDLED = json.loads(resources.files("newsprism").joinpath(MODEL_FILE).read_text("utf-8"))


def _fake_embeddings(texts: list[str], dim: int = 64) -> np.ndarray:
    """Deterministic stand-in embeddings (bag of hashed words), L2-normalised: no model loaded."""
    out = np.zeros((len(texts), dim))
    for k, t in enumerate(texts):
        for w in t.lower().split():
            out[k, sum(map(ord, w.strip(".,\"'"))) % dim] += 1.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.mark.parametrize("embedder", ["wordllama", "minilm", None])
def test_bundled_model_loads_with_declared_features(embedder: str | None) -> None:
    model = ClaimModel.load(embedder)
    assert model.version == VERSION == BUNDLED["version"]
    assert model.features_names == feature_names(embedder)
    assert model.features_names == (TEXT_FEATURES if embedder is None else EMBEDDING_FEATURES)
    entry = BUNDLED["models"][embedder or "none"]
    assert entry["features"] == list(model.features_names)
    assert entry["embedder"] == embedder
    assert 0.0 < model.threshold < 1.0
    assert {"accuracy", "f1", "roc_auc", "folds"} <= set(entry["cv"])
    assert "MSRP" in BUNDLED["training_data"]


# (same claim, same topic or names but another claim): the first pair must score higher
PARAPHRASE_VS_TOPIC = [
    (
        ("The council approved the new bus lanes on Monday.", "On Monday the council voted to approve new bus lanes."),
        (
            "The council approved the new bus lanes on Monday.",
            "The council has been criticised by shopkeepers for years.",
        ),
    ),
    (
        (
            "Halvorsen asked Norway to step up its support for the rescue teams.",
            "Halvorsen urged Norway to step up support for rescue teams.",
        ),
        (
            "Halvorsen asked Norway to step up its support for the rescue teams.",
            "Halvorsen claimed that Denmark had hidden the storm warnings.",
        ),
    ),
    (
        ("The bakery chain will close 40 shops by June.", "By June, the bakery chain is closing 40 of its shops."),
        ("The bakery chain will close 40 shops by June.", "The bakery chain was founded in a village in 1952."),
    ),
]


@pytest.mark.parametrize("embedder", [None, "wordllama"])
@pytest.mark.parametrize(("same", "other"), PARAPHRASE_VS_TOPIC)
def test_paraphrase_scores_above_same_topic_other_claim(
    embedder: str | None, same: tuple[str, str], other: tuple[str, str]
) -> None:
    model = ClaimModel.load(embedder)
    texts = [*same, *other]
    emb = _fake_embeddings(texts)
    p_same, p_other = model.score_pairs(texts, emb, [(0, 1), (2, 3)])
    assert p_same > p_other


# (base, same wording, the claim negated)
NEGATIONS = [
    (
        "The mayor will attend the summit in Oslo.",
        "The mayor will also attend the summit in Oslo.",
        "The mayor will not attend the summit in Oslo.",
    ),
    (
        "The company approved the merger.",
        "The company also approved the merger.",
        "The company denied approving the merger.",
    ),
    (
        "Officials confirmed the bridge is safe.",
        "Officials also confirmed the bridge is safe.",
        "Officials never confirmed the bridge is safe.",
    ),
    ("The union accepted the offer.", "The union also accepted the offer.", "The union didn't accept the offer."),
]


@pytest.mark.parametrize(("base", "kept", "negated"), NEGATIONS)
def test_negation_mismatch_lowers_the_score(base: str, kept: str, negated: str) -> None:
    model = ClaimModel.load(None)
    p_kept, p_negated = model.score_pairs([base, kept, negated], None, [(0, 1), (0, 2)])
    assert p_negated < p_kept
    i = TEXT_FEATURES.index("negation_mismatch")
    assert model.features(base, negated)[i] == 1.0
    assert model.features(base, kept)[i] == 0.0
    row = model.features(base, negated)
    unnegated = row.copy()
    unnegated[i] = 0.0
    assert model.probabilities(row[None])[0] < model.probabilities(unnegated[None])[0]


def test_shared_quoted_words_raise_the_score() -> None:
    model = ClaimModel.load(None)
    a = 'The minister called the plan "a betrayal of every farmer in the valley".'
    quoted = 'The plan is "a betrayal of every farmer in the valley", the minister said.'
    unquoted = "The plan is a betrayal of every farmer in the valley, the minister said."
    p_quoted, p_unquoted = model.score_pairs([a, quoted, unquoted], None, [(0, 1), (0, 2)])
    assert p_quoted > p_unquoted
    assert model.features(a, quoted)[TEXT_FEATURES.index("quoted_shared")] > 0
    assert model.features(a, unquoted)[TEXT_FEATURES.index("quoted_shared")] == 0


def test_differing_numbers_and_names_are_counted() -> None:
    model = ClaimModel.load(None)
    f = model.features("Police arrested 12 people in Leeds.", "Police arrested 15 people in York.")
    assert f[TEXT_FEATURES.index("numbers_differ")] > 0
    assert f[TEXT_FEATURES.index("numbers_shared")] == 0
    assert f[TEXT_FEATURES.index("names_unshared")] > 0


def test_predicate_ignores_reporting_verbs() -> None:
    model = ClaimModel.load(None)
    f = model.features(
        "Halvorsen asked Norway to step up its support.", "Halvorsen claimed that Denmark has spread rumours."
    )
    assert f[TEXT_FEATURES.index("predicate_disjoint")] == 1.0
    g = model.features(
        "Halvorsen said Norway will step up support.", "Halvorsen told reporters Norway would step up support."
    )
    assert g[TEXT_FEATURES.index("predicate_jaccard")] == 1.0


def test_scores_are_deterministic_and_symmetric() -> None:
    model = ClaimModel.load("wordllama")
    texts = [s for pair in PARAPHRASE_VS_TOPIC for p in pair for s in p]
    emb = _fake_embeddings(texts)
    pairs = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    first = model.score_pairs(texts, emb, pairs)
    again = ClaimModel.load("wordllama").score_pairs(list(texts), emb.copy(), pairs)
    assert np.array_equal(first, again)
    swapped = model.score_pairs(texts, emb, [(j, i) for i, j in pairs])
    assert np.allclose(first, swapped)
    assert first.shape == (len(pairs),) and np.all((first > 0) & (first < 1))
    assert model.score_pairs(texts, emb, []).shape == (0,)
    single = model.features(texts[0], texts[1], emb[0], emb[1])
    assert np.allclose(single, model.feature_matrix(texts, emb, [(0, 1)])[0])


def test_embedding_model_needs_embeddings() -> None:
    with pytest.raises(ValueError, match="embeddings"):
        ClaimModel.load("wordllama").score_pairs(["a b", "c d"], None, [(0, 1)])


def _write(tmp_path: Path, data: object | str) -> Path:
    path = tmp_path / "model.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def _changed(change) -> dict:
    data = json.loads(json.dumps(BUNDLED))
    change(data)
    return data


CORRUPT = [
    ("{not json", "not JSON"),
    (_changed(lambda d: d.update(version="same-claim.v0")), "version 'same-claim.v0'"),
    (_changed(lambda d: d["models"].pop("none")), "no weights for embedder 'none'"),
    (_changed(lambda d: d["models"]["none"]["features"].reverse()), "features"),
    (_changed(lambda d: d["models"]["none"]["coefficients"].pop()), "one finite value per feature"),
    (_changed(lambda d: d["models"]["none"].pop("scaling")), "malformed"),
    (_changed(lambda d: d["models"]["none"].update(threshold=3)), "out of range"),
    ([1, 2, 3], "version None"),
]


@pytest.mark.parametrize(("content", "message"), CORRUPT)
def test_corrupt_model_file_is_refused_in_one_line(tmp_path: Path, content: object, message: str) -> None:
    path = _write(tmp_path, content)
    _load.cache_clear()
    with pytest.raises(ClaimModelError) as info:
        ClaimModel.load(None, path=path)
    text = str(info.value)
    assert "\n" not in text and text.startswith(str(path)) and message in text
    assert isinstance(info.value, NewsprismError)


def test_missing_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ClaimModelError, match="cannot read"):
        ClaimModel.load(None, path=tmp_path / "absent.json")
