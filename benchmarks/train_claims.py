"""Train the same-claim pair scorer (``same-claim.v1``) on the MSRP training part.

For each embedder (WordLlama, MiniLM, none: word overlap only) a logistic regression over
``newsprism.claims`` features is cross-validated (10 stratified folds, seeded): each fold's
threshold is chosen on its nine training folds (the accuracy-maximising one) and applied to the
held-out fold, so the accuracy and F1 are what a shipped threshold reaches on unseen pairs.
Baselines in the same run and the same folds: all-positive, and a cosine threshold (WordLlama,
MiniLM) chosen on the training folds. The final weights are fitted on all 4,076 pairs; the
shipped threshold is the one that maximises accuracy over the pooled out-of-fold probabilities.

    python benchmarks/train_claims.py            # prints the table, writes src/newsprism/data/same-claim.v1.json
    python benchmarks/train_claims.py --check    # prints the table only

numpy only (no scikit-learn needed); reads ../shared/data/msrp (or $NEWSPRISM_SHARED) at run time.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, skip, table

from newsprism.claims import MODEL_FILE, VERSION, feature_names, pair_features
from newsprism.embed import get_embedder

FOLDS = 10
SEED = 15
C = 1.0


def load_msrp() -> tuple[list[str], list[tuple[int, int]], np.ndarray] | None:
    """Unique sentences, pairs as indexes into them, labels (1: same information); ``None``
    when ../shared/data/msrp/train.tsv is not there."""
    shared = shared_dir()
    path = shared / "data" / "msrp" / "train.tsv" if shared else None
    if path is None or not path.is_file():
        return None
    texts: list[str] = []
    index: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    labels: list[int] = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) != 5:
                continue
            ids = []
            for t in row[3:5]:
                if t not in index:
                    index[t] = len(texts)
                    texts.append(t)
                ids.append(index[t])
            pairs.append((ids[0], ids[1]))
            labels.append(int(row[0]))
    return texts, pairs, np.asarray(labels)


def best_threshold(scores: np.ndarray, y: np.ndarray) -> float:
    """The threshold with the highest accuracy on ``scores`` (midpoint between neighbours)."""
    order = np.argsort(scores)
    s, t = scores[order], y[order]
    # predicting positive for scores >= s[k]: correct = negatives below k + positives from k on
    neg_below = np.concatenate([[0], np.cumsum(1 - t)])
    pos_from = np.concatenate([np.cumsum(t[::-1])[::-1], [0]])
    acc = neg_below + pos_from
    k = int(np.argmax(acc))
    if k == 0:
        return float(s[0]) - 1e-9
    if k == len(s):
        return float(s[-1]) + 1e-9
    return float((s[k - 1] + s[k]) / 2)


def metrics(pred: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0)))
    fn = float(np.sum(~pred & (y == 1)))
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(pred == (y == 1))), f1


def folds(y: np.ndarray) -> list[np.ndarray]:
    """``FOLDS`` stratified folds (the classes spread round-robin after a seeded shuffle)."""
    rng = np.random.default_rng(SEED)
    parts: list[list[int]] = [[] for _ in range(FOLDS)]
    k = 0
    for label in (0, 1):
        for i in rng.permutation(np.flatnonzero(y == label)):
            parts[k % FOLDS].append(int(i))
            k += 1
    return [np.sort(np.asarray(p)) for p in parts]


class Logistic:
    """L2-regularised logistic regression on standardised features, fitted by Newton's method
    (the objective of scikit-learn's ``LogisticRegression(C=C)``: the intercept not penalised)."""

    def __init__(self, X: np.ndarray, y: np.ndarray, c: float = C) -> None:
        self.mean = X.mean(0)
        self.scale = X.std(0)
        self.scale[self.scale == 0] = 1.0
        Z = np.column_stack([(X - self.mean) / self.scale, np.ones(len(X))])
        w = np.zeros(Z.shape[1])
        penalty = np.ones(Z.shape[1])
        penalty[-1] = 0.0
        for _ in range(100):
            p = 1.0 / (1.0 + np.exp(-Z @ w))
            grad = c * Z.T @ (p - y) + penalty * w
            hess = c * (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(penalty) + 1e-9 * np.eye(len(w))
            step = np.linalg.solve(hess, grad)
            w -= step
            if np.max(np.abs(step)) < 1e-10:
                break
        self.coef, self.intercept = w[:-1], float(w[-1])

    def proba(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(((X - self.mean) / self.scale) @ self.coef + self.intercept)))


def roc_auc(y: np.ndarray, s: np.ndarray) -> float:
    """Area under the ROC curve (Mann-Whitney, ties counted half)."""
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def cross_validate(X: np.ndarray | None, y: np.ndarray, parts: list[np.ndarray], score: np.ndarray | None = None):
    """Mean accuracy, F1 (threshold from the training folds), ROC AUC over the folds, and the
    pooled out-of-fold scores. ``X``: features for a logistic regression; ``score``: a fixed
    score (a cosine) thresholded as it is; neither: all-positive."""
    oof = np.zeros(len(y))
    accs, f1s, aucs = [], [], []
    for test in parts:
        train = np.setdiff1d(np.arange(len(y)), test)
        if X is None and score is None:
            pred = np.ones(len(test), dtype=bool)
            s_test = np.full(len(test), 1.0)
        else:
            if X is not None:
                model = Logistic(X[train], y[train])
                s_train, s_test = model.proba(X[train]), model.proba(X[test])
            else:
                assert score is not None
                s_train, s_test = score[train], score[test]
            pred = s_test >= best_threshold(s_train, y[train])
        oof[test] = s_test
        acc, f1 = metrics(pred, y[test])
        accs.append(acc)
        f1s.append(f1)
        aucs.append(roc_auc(y[test], s_test))
    return float(np.mean(accs)), float(np.mean(f1s)), float(np.mean(aucs)), oof


def embeddings(texts: list[str]) -> dict[str, np.ndarray]:
    """WordLlama and MiniLM embeddings of ``texts``, cached under the temporary folder (MiniLM
    takes about a minute for MSRP's 7,800 sentences on 2 cores)."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    out = {}
    for name in ("wordllama", "minilm"):
        path = Path(tempfile.gettempdir()) / f"newsprism-msrp-{name}-{key}.npy"
        if path.is_file():
            out[name] = np.load(path)
        else:
            out[name] = get_embedder(name).encode(texts)
            np.save(path, out[name])
    return out


def evaluate(texts, pairs, y, emb) -> tuple[list[list[object]], dict[str, dict]]:
    """The CV table rows and, per embedder, the final weights to ship."""
    parts = folds(y)
    idx = np.asarray(pairs)
    rows: list[list[object]] = []
    acc, f1, auc, _ = cross_validate(None, y, parts)
    rows.append(["all-positive", acc, f1, auc])
    for name in ("wordllama", "minilm"):
        cos = np.einsum("ij,ij->i", emb[name][idx[:, 0]], emb[name][idx[:, 1]])
        acc, f1, auc, _ = cross_validate(None, y, parts, score=cos)
        rows.append([f"{name} cosine, threshold from training folds", acc, f1, auc])
    models: dict[str, dict] = {}
    for name in ("wordllama", "minilm", None):
        X = pair_features(texts, emb.get(name or ""), pairs, name)
        acc, f1, auc, oof = cross_validate(X, y, parts)
        rows.append([f"newsprism {VERSION} ({name or 'word overlap only'})", acc, f1, auc])
        threshold = best_threshold(oof, y)
        final = Logistic(X, y)
        models[name or "none"] = {
            "embedder": name,
            "features": list(feature_names(name)),
            "coefficients": [round(float(c), 6) for c in final.coef],
            "intercept": round(final.intercept, 6),
            "scaling": {
                "mean": [round(float(v), 6) for v in final.mean],
                "scale": [round(float(v), 6) for v in final.scale],
            },
            "threshold": round(threshold, 4),
            "cv": {
                "folds": FOLDS,
                "seed": SEED,
                "accuracy": round(acc, 4),
                "f1": round(f1, 4),
                "roc_auc": round(auc, 4),
                "pooled_accuracy_at_shipped_threshold": round(metrics(oof >= threshold, y)[0], 4),
            },
        }
    return rows, models


def cv_table(y: np.ndarray, rows: list[list[object]]) -> str:
    return table(
        f"same-claim decision on MSRP train ({len(y)} pairs, {y.mean():.2f} positive), {FOLDS}-fold CV, "
        "thresholds chosen on the training folds",
        ["method", "accuracy", "F1", "ROC AUC"],
        rows,
    )


def main() -> None:
    data = load_msrp()
    if data is None:
        skip("MSRP not found (../shared/data/msrp/train.tsv)")
        return
    texts, pairs, y = data
    emb = embeddings(texts)
    rows, models = evaluate(texts, pairs, y, emb)
    print(cv_table(y, rows))
    if "--check" in sys.argv:
        return
    out = {
        "version": VERSION,
        "model": f"logistic regression (L2, C={C}, intercept not penalised, Newton) on standardised features",
        "training_data": f"MSRP training part (Dolan and Brockett 2005), {len(y)} pairs; the test part not used",
        "threshold_rule": "maximises accuracy over the pooled out-of-fold probabilities of the 10-fold CV",
        "models": models,
    }
    path = REPO / "src" / "newsprism" / MODEL_FILE
    path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
