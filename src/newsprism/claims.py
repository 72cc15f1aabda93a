"""Same-claim scoring (``same-claim.v1``): the probability that two sentences carry the same
main claim, not merely the same topic, names or premise.

A logistic regression over cheap, deterministic pair features (see ``docs/claims.md`` for why
each one is there): content-word overlap both ways, overlap without names and numbers, shared
word bigrams, length ratio, names shared and unshared, numbers shared and differing, a
negation mismatch, the main predicate (verb-like words, reporting verbs left out), shared
quoted words and, when an embedder is given, the embeddings' cosine. Weights, feature scaling
and the shipped threshold live in ``data/same-claim.v1.json``, written by
``benchmarks/train_claims.py`` (trained on the MSRP training part, threshold chosen by 10-fold
cross-validation). One weight set per embedder (``wordllama``, ``minilm``) and one for word
overlap only (``None``).

Meant for candidate pairs only: the caller finds candidates (embedding cosine, shared terms)
and asks :meth:`ClaimModel.score_pairs` about them. Per-sentence work is cached by text, so a
story's sentences are read once; scoring 300 pairs takes about a millisecond.

Limits: English; names are capitalised words (a sentence's first word counts when it is not a
function word), the predicate is a heuristic without a tagger (a content word after a modal,
auxiliary, "to" or subject pronoun, or one ending in -ed/-ing), negation is a word list
(``claim-words`` lexicon). Trained on MSRP pairs, which were preselected as likely
paraphrases: on pairs that share little, the probability is less well calibrated.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import lexicons
from .errors import NewsprismError
from .text import WORD, quote_spans, stem, stopwords, terms

if TYPE_CHECKING:
    import numpy as np

VERSION = "same-claim.v1"
MODEL_FILE = "data/same-claim.v1.json"

#: features computed from the words alone, in the order the weights expect
TEXT_FEATURES = (
    "overlap_min",
    "overlap_max",
    "content_overlap_min",
    "bigram_dice",
    "terms_unshared",
    "length_ratio",
    "name_jaccard",
    "names_unshared",
    "numbers_shared",
    "numbers_differ",
    "negation_mismatch",
    "predicate_jaccard",
    "predicate_disjoint",
    "quoted_shared",
)
#: features of a model that reads embeddings: the cosine, then the word features
EMBEDDING_FEATURES = ("embedding_cosine", *TEXT_FEATURES)


class ClaimModelError(NewsprismError):
    """The same-claim model file is missing, corrupt or of another version; one line naming it."""


def feature_names(embedder: str | None) -> tuple[str, ...]:
    """The features a model for ``embedder`` reads (``None``: word overlap only)."""
    return TEXT_FEATURES if embedder is None else EMBEDDING_FEATURES


@cache
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Negation words, verb cues (claim-words lexicon) and every word of a reporting verb."""
    lex = lexicons.load("claim-words")
    reporting = frozenset(w for form in lexicons.load("reporting-verbs").entries for w in form.split())
    return frozenset(lex.where("kind", "negation")), frozenset(lex.where("kind", "verb-cue")), reporting


@cache
def _reporting_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _words()[2])


@dataclass(frozen=True)
class _Sentence:
    """What the pair features read of one sentence, computed once per text."""

    terms: frozenset[str]
    content: frozenset[str]  # terms without names, numbers and reporting verbs
    bigrams: frozenset[tuple[str, str]]
    n_words: int
    names: frozenset[str]
    numbers: frozenset[str]
    negated: bool
    predicates: frozenset[str]
    quoted: frozenset[str]


@lru_cache(maxsize=50_000)
def _read(text: str) -> _Sentence:
    negations, cues, reporting = _words()
    stop = stopwords()
    term_list = terms(text)
    names: set[str] = set()
    predicates: set[str] = set()
    negated = False
    cue = False
    n_words = 0
    for k, m in enumerate(WORD.finditer(text)):
        raw = m.group()
        w = raw.lower().replace("’", "'")
        n_words += 1
        if w in negations or w.endswith("n't"):
            negated = True
        if w[0].isdigit():
            cue = False
            continue
        if raw[0].isupper() and (k > 0 or (w not in stop and w not in reporting and w not in cues)):
            if len(w) > 1:
                names.add(stem(w))
            continue
        if w in cues:
            cue = True
            continue
        if w in stop or w in reporting or len(w) < 3:
            continue
        if cue or (len(w) > 5 and (w.endswith("ed") or w.endswith("ing"))):
            predicates.add(stem(w))
        cue = False
    quoted: set[str] = set()
    for s, e in quote_spans(text):
        quoted.update(terms(text[s:e]))
    numbers = frozenset(t for t in term_list if t.startswith("#"))
    all_terms = frozenset(term_list)
    return _Sentence(
        terms=all_terms,
        content=frozenset(all_terms - numbers - names - _reporting_stems()),
        bigrams=frozenset(pairwise(term_list)),
        n_words=n_words,
        names=frozenset(names),
        numbers=numbers,
        negated=negated,
        predicates=frozenset(predicates - names),
        quoted=frozenset(quoted),
    )


def _overlaps(a: frozenset[Any], b: frozenset[Any]) -> tuple[int, float, float]:
    shared = len(a & b)
    fa = shared / len(a) if a else 0.0
    fb = shared / len(b) if b else 0.0
    return shared, min(fa, fb), max(fa, fb)


def _text_features(a: _Sentence, b: _Sentence) -> list[float]:
    shared, omin, omax = _overlaps(a.terms, b.terms)
    _, cmin, _ = _overlaps(a.content, b.content)
    nb = len(a.bigrams) + len(b.bigrams)
    names_union = len(a.names | b.names)
    names_shared = len(a.names & b.names)
    preds_union = len(a.predicates | b.predicates)
    preds_shared = len(a.predicates & b.predicates)
    nums_shared = len(a.numbers & b.numbers)
    return [
        omin,
        omax,
        cmin,
        2 * len(a.bigrams & b.bigrams) / nb if nb else 0.0,
        math.log1p(len(a.terms) + len(b.terms) - 2 * shared),
        min(a.n_words, b.n_words) / max(a.n_words, b.n_words, 1),
        names_shared / names_union if names_union else 0.0,
        math.log1p(names_union - names_shared),
        math.log1p(nums_shared),
        math.log1p(len(a.numbers) + len(b.numbers) - 2 * nums_shared),
        float(a.negated != b.negated),
        preds_shared / preds_union if preds_union else 0.0,
        float(bool(a.predicates) and bool(b.predicates) and not preds_shared),
        math.log1p(len(a.quoted & b.quoted)),
    ]


def pair_features(
    texts: Sequence[str], emb: np.ndarray | None, pairs: Sequence[tuple[int, int]], embedder: str | None
) -> np.ndarray:
    """Unscaled features of ``pairs`` (indexes into ``texts``), one row a pair, in the order of
    :func:`feature_names` for ``embedder``; ``emb`` holds the L2-normalised embeddings of
    ``texts`` (ignored when ``embedder`` is ``None``)."""
    import numpy as np

    sents: dict[int, _Sentence] = {}
    for i, j in pairs:
        if i not in sents:
            sents[i] = _read(texts[i])
        if j not in sents:
            sents[j] = _read(texts[j])
    X = np.asarray([_text_features(sents[i], sents[j]) for i, j in pairs], dtype=np.float64).reshape(
        len(pairs), len(TEXT_FEATURES)
    )
    if embedder is None:
        return X
    if emb is None:
        raise ValueError(f"the {embedder} same-claim model needs the sentences' embeddings")
    idx = np.asarray(pairs, dtype=np.intp).reshape(len(pairs), 2)
    cos = np.einsum("ij,ij->i", emb[idx[:, 0]], emb[idx[:, 1]]).astype(np.float64)
    return np.column_stack([cos, X])


@dataclass(frozen=True)
class ClaimModel:
    """One weight set of ``same-claim.v1``: for ``embedder`` (``None``: word overlap only)."""

    embedder: str | None
    features_names: tuple[str, ...]
    coefficients: np.ndarray
    intercept: float
    mean: np.ndarray
    scale: np.ndarray
    #: probability at or above which a pair counts as the same claim (chosen by cross-validation)
    threshold: float
    version: str = VERSION

    @classmethod
    def load(cls, embedder: str | None = "wordllama", path: str | Path | None = None) -> ClaimModel:
        """The bundled model for ``embedder`` (``"wordllama"``, ``"minilm"`` or ``None``), or the
        one in the JSON file ``path``. Raises :class:`ClaimModelError` (one line) when the file
        is missing, not JSON, of another version or declares other features than this code."""
        return _load(embedder, None if path is None else str(path))

    def features(
        self, text_a: str, text_b: str, emb_a: np.ndarray | None = None, emb_b: np.ndarray | None = None
    ) -> np.ndarray:
        """The feature vector of one pair (unscaled, in :attr:`features_names` order)."""
        import numpy as np

        row = _text_features(_read(text_a), _read(text_b))
        if self.embedder is not None:
            if emb_a is None or emb_b is None:
                raise ValueError(f"the {self.embedder} same-claim model needs both sentences' embeddings")
            row.insert(0, float(np.dot(emb_a, emb_b)))
        return np.asarray(row, dtype=np.float64)

    def feature_matrix(
        self, texts: Sequence[str], emb: np.ndarray | None, pairs: Sequence[tuple[int, int]]
    ) -> np.ndarray:
        """Unscaled features of ``pairs`` (indexes into ``texts``), one row a pair."""
        return pair_features(texts, emb, pairs, self.embedder)

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        """Same-claim probabilities of unscaled feature rows."""
        import numpy as np

        z = ((X - self.mean) / self.scale) @ self.coefficients + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def score_pairs(self, texts: Sequence[str], emb: np.ndarray | None, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """Same-claim probability of each pair ``(i, j)`` of ``texts`` (a story's sentences).
        ``emb``: the sentences' L2-normalised embeddings, shape ``(len(texts), d)``, from this
        model's embedder (``None`` for the word-overlap model)."""
        return self.probabilities(self.feature_matrix(texts, emb, pairs))

    def same_claim(self, texts: Sequence[str], emb: np.ndarray | None, pairs: Sequence[tuple[int, int]]) -> np.ndarray:
        """Whether each pair reaches the shipped :attr:`threshold` (a boolean array)."""
        return self.score_pairs(texts, emb, pairs) >= self.threshold


@cache
def _load(embedder: str | None, path: str | None) -> ClaimModel:
    import numpy as np

    origin = path or MODEL_FILE
    try:
        raw = (
            Path(path).read_text("utf-8")
            if path
            else resources.files("newsprism").joinpath(MODEL_FILE).read_text("utf-8")
        )
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimModelError(f"{origin}: cannot read the same-claim model ({exc.__class__.__name__})") from None
    except json.JSONDecodeError as exc:
        raise ClaimModelError(f"{origin}: not JSON (line {exc.lineno}); reinstall newsprism") from None
    if not isinstance(data, dict) or data.get("version") != VERSION:
        found = data.get("version") if isinstance(data, dict) else None
        raise ClaimModelError(f"{origin}: version {found!r}, this newsprism reads {VERSION!r}")
    key = embedder or "none"
    models = data.get("models")
    if not isinstance(models, dict) or key not in models:
        raise ClaimModelError(f"{origin}: no weights for embedder {key!r}")
    m = models[key]
    want = feature_names(embedder)
    try:
        if tuple(m["features"]) != want:
            raise ClaimModelError(
                f"{origin}: the {key} weights are for features {', '.join(m['features'])}, not {', '.join(want)}"
            )
        coef = np.asarray(m["coefficients"], dtype=np.float64)
        mean = np.asarray(m["scaling"]["mean"], dtype=np.float64)
        scale = np.asarray(m["scaling"]["scale"], dtype=np.float64)
        intercept = float(m["intercept"])
        threshold = float(m["threshold"])
    except ClaimModelError:
        raise
    except (KeyError, TypeError, ValueError) as exc:
        raise ClaimModelError(f"{origin}: the {key} weights are malformed ({exc.__class__.__name__}: {exc})") from None
    if not (coef.shape == mean.shape == scale.shape == (len(want),)) or not np.all(np.isfinite(coef)):
        raise ClaimModelError(f"{origin}: the {key} weights do not have one finite value per feature")
    if not np.all(scale > 0) or not 0.0 < threshold < 1.0:
        raise ClaimModelError(f"{origin}: the {key} scaling or threshold is out of range")
    if (m.get("embedder") or None) != embedder:
        raise ClaimModelError(f"{origin}: the {key} weights expect embedder {m.get('embedder')!r}")
    return ClaimModel(embedder, want, coef, intercept, mean, scale, threshold)
