"""Alignment: group the sentences of several articles into facts.

Method ``align-hybrid.v1``:

1. Every pair of sentences from two different articles gets a similarity that mixes sentence
   embeddings (cosine; see :mod:`newsprism.embed`) with word overlap (cosine of TF-IDF
   weighted stems, numbers and names; the IDF is computed over the sentences of the story,
   so words every article repeats weigh little).
2. For each pair of articles, sentences are matched one-to-one (greedy on the best similarity
   first): a fact has at most one sentence in each article, so a sentence that matches two
   sentences of another article keeps only the better one. Pairs below ``threshold`` are
   not matched.
3. Matched pairs of all article pairs are merged into facts, best first, under two
   constraints: a fact never holds two sentences of one article, and two groups merge only
   when the average similarity over all their cross-article pairs stays above
   ``group_threshold``. This stops chains (a~b, b~c, but a and c about different things)
   that single-linkage connected components create.
4. Every sentence that matched nothing is a fact of its own (information only its article
   reports).

Limits: a sentence that merges two facts of another article matches only one of them; a fact
split over two sentences in one article is linked through one of them only.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ._unionfind import UnionFind
from .model import Article, Fact, FactMember
from .text import terms

ALIGN_VERSION = "align-hybrid.v1"


#: Per embedder: (weight of the embedding cosine, threshold, group threshold). Chosen on the
#: dev gold set from a plateau of a grid (weights 0.4 to 0.8, thresholds 0.2 to 0.5), not its peak;
#: benchmarks/bench_align.py reprints the grid.
DEFAULTS: dict[str | None, tuple[float, float, float]] = {
    "minilm": (0.6, 0.35, 0.3),
    "wordllama": (0.5, 0.25, 0.2),
    None: (0.0, 0.25, 0.2),
}


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Options of the alignment stage.

    ``embedder``: ``"wordllama"`` (the default: about 20 ms for two 600-word articles),
    ``"minilm"`` (2 to 4 points of F1 more on the gold sets, about 8 ms a sentence on 2 cores)
    or ``None`` (word overlap only).
    ``weight``: share of the embedding cosine in the similarity (the rest is word overlap).
    ``threshold``: lowest similarity for two sentences to be matched.
    ``group_threshold``: lowest average similarity for two groups to merge into one fact.
    Left as None, the last three take the embedder's defaults (:data:`DEFAULTS`).
    """

    embedder: str | None = "wordllama"
    weight: float | None = None
    threshold: float | None = None
    group_threshold: float | None = None

    def __post_init__(self) -> None:
        if self.embedder not in DEFAULTS:
            raise ValueError(f"unknown embedder {self.embedder!r}; choose one of: minilm, wordllama, None")
        weight, threshold, group = DEFAULTS[self.embedder]
        if self.embedder is None:
            object.__setattr__(self, "weight", 0.0)
        for name, value in (("weight", weight), ("threshold", threshold), ("group_threshold", group)):
            if getattr(self, name) is None:
                object.__setattr__(self, name, value)
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must lie between 0 and 1")

    @property
    def params(self) -> tuple[float, float, float]:
        """``(weight, threshold, group_threshold)``, resolved."""
        return float(self.weight or 0.0), float(self.threshold or 0.0), float(self.group_threshold or 0.0)


def _tfidf(texts: Sequence[str]) -> np.ndarray:
    bags = [Counter(terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(texts)
    mat = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for r, bag in enumerate(bags):
        for term, tf in bag.items():
            idf = math.log((1 + n) / (1 + df[term])) + 1.0
            boost = 1.5 if term.startswith("#") else 1.0
            mat[r, vocab[term]] = (1 + math.log(tf)) * idf * boost
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return mat / norms


def similarity_matrix(texts: Sequence[str], options: AlignOptions) -> np.ndarray:
    """The similarity of every pair of sentences (square, symmetric)."""
    weight = options.params[0]
    lex = _tfidf(texts)
    sim = lex @ lex.T
    if options.embedder and weight > 0:
        from .embed import get_embedder

        emb = get_embedder(options.embedder).encode(list(texts))
        sim = weight * (emb @ emb.T) + (1 - weight) * sim
    return sim


def align(articles: Sequence[Article], *, options: AlignOptions | None = None) -> list[Fact]:
    """Group every sentence of every article into exactly one fact."""
    opts = options or AlignOptions()
    _, threshold, group_threshold = opts.params
    nodes: list[tuple[int, int]] = [(ai, s.index) for ai, a in enumerate(articles) for s in a.sentences]
    if not nodes:
        return []
    owners = [ai for ai, _ in nodes]
    texts = [articles[ai].sentences[si].text for ai, si in nodes]
    sim = similarity_matrix(texts, opts)
    index_of = {node: k for k, node in enumerate(nodes)}
    # ties are broken by article id and sentence, so that the input order does not matter
    rank = {k: (articles[ai].id, si) for k, (ai, si) in enumerate(nodes)}
    starts = {ai: index_of[(ai, 0)] for ai, a in enumerate(articles) if a.sentences}

    links: list[tuple[float, int, int]] = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if i not in starts or j not in starts:
                continue
            ri = range(starts[i], starts[i] + len(articles[i].sentences))
            rj = range(starts[j], starts[j] + len(articles[j].sentences))
            block = sim[np.ix_(list(ri), list(rj))]
            cand = np.argwhere(block >= threshold)
            scored = sorted(
                ((float(block[x, y]), ri[x], rj[y]) for x, y in cand),
                key=lambda t: (-round(t[0], 6), *sorted((rank[t[1]], rank[t[2]]))),
            )
            used_a: set[int] = set()
            used_b: set[int] = set()
            for score, a, b in scored:
                if a in used_a or b in used_b:
                    continue
                used_a.add(a)
                used_b.add(b)
                links.append((score, a, b))

    links.sort(key=lambda t: (-round(t[0], 6), *sorted((rank[t[1]], rank[t[2]]))))
    groups = UnionFind(len(owners))
    weakest: dict[int, float] = {}
    for score, a, b in links:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            continue
        ma, mb = groups.members[ra], groups.members[rb]
        if {owners[x] for x in ma} & {owners[x] for x in mb}:
            continue
        if len(ma) + len(mb) > 2:
            avg = float(sim[np.ix_(ma, mb)].mean())
            if avg < group_threshold:
                continue
        low = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
        groups.union(a, b)
        root = groups.find(a)
        weakest.pop(ra, None)
        weakest.pop(rb, None)
        weakest[root] = low

    raw_facts = []
    for root, members in groups.members.items():
        ordered = sorted(members)
        raw_facts.append((ordered[0], ordered, weakest.get(root, 1.0)))
    raw_facts.sort()
    n_articles = len(articles)
    facts = []
    for k, (_, members, score) in enumerate(raw_facts, start=1):
        members_ = tuple(FactMember(articles[nodes[m][0]].id, nodes[m][1]) for m in members)
        n = len({owners[m] for m in members})
        coverage = "all" if n == n_articles else ("one" if n == 1 else "some")
        facts.append(Fact(f"f{k}", members_, coverage, round(score, 4)))
    return facts
