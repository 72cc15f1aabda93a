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

from .model import Article, Fact, Mention
from .text import terms

ALIGN_VERSION = "align-hybrid.v1"


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Options of the alignment stage.

    ``embedder``: ``"minilm"``, ``"wordllama"`` or ``None`` (word overlap only).
    ``weight``: share of the embedding cosine in the similarity (the rest is word overlap).
    ``threshold``: lowest similarity for two sentences to be matched.
    ``group_threshold``: lowest average similarity for two groups to merge into one fact.
    """

    embedder: str | None = "minilm"
    weight: float = 0.6
    threshold: float = 0.45
    group_threshold: float = 0.35

    def __post_init__(self) -> None:
        if not 0.0 <= self.weight <= 1.0:
            raise ValueError("weight must lie between 0 and 1")
        if self.embedder is None and self.weight:
            object.__setattr__(self, "weight", 0.0)


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
    lex = _tfidf(texts)
    sim = lex @ lex.T
    if options.embedder and options.weight > 0:
        from .embed import get_embedder

        emb = get_embedder(options.embedder).encode(list(texts))
        sim = options.weight * (emb @ emb.T) + (1 - options.weight) * sim
    return sim


class _Groups:
    """Union-find over sentence nodes that keeps each group's articles."""

    def __init__(self, owners: list[int]) -> None:
        self.parent = list(range(len(owners)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(owners))}
        self.owners = owners

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))


def align(articles: Sequence[Article], *, options: AlignOptions | None = None) -> list[Fact]:
    """Group every sentence of every article into exactly one fact."""
    opts = options or AlignOptions()
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
            cand = np.argwhere(block >= opts.threshold)
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
    groups = _Groups(owners)
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
            if avg < opts.group_threshold:
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
        mentions = tuple(Mention(articles[nodes[m][0]].id, nodes[m][1]) for m in members)
        n = len({owners[m] for m in members})
        coverage = "all" if n == n_articles else ("one" if n == 1 else "some")
        facts.append(Fact(f"f{k}", mentions, coverage, score))
    return facts
