"""group: find the stories in a pile of articles.

Method ``group-hybrid.v1``, near-linear in the number of articles:

1. **Near-copies.** MinHash signatures (rensa) of each article's word 5-shingles, and LSH
   buckets, find near-duplicates (estimated Jaccard >= ``near_duplicate``): the same text
   republished with small edits. Such pairs always join one story.
2. **Same event, other words.** Each article is represented by its headline and lead (the
   first sentences): TF-IDF over stems, numbers and names (headline terms weigh double, the
   IDF comes from the whole pile) mixed with a sentence embedding of the same text. No
   all-pairs comparison: an inverted index over each article's most distinctive terms, with
   terms that are too common left out, proposes candidate pairs (articles sharing at least
   ``min_shared`` distinctive terms), and only those are scored.
3. **Clustering.** Candidate pairs are taken best first; two stories merge only when the
   average similarity over *all* their pairs of articles (computed exactly, not only the
   candidate pairs: with unit vectors it is the dot product of the stories' summed vectors)
   reaches ``threshold``, and never when their publication dates lie more than
   ``window_days`` apart (articles without a date do not count here). Average linkage keeps look-alike stories
   (same people, another event) apart where single linkage would chain them.
4. **Origins.** Inside a story, a pair of articles is a republication when at least
   ``republication`` of the shorter one's runs of four stemmed words occur in the other
   (containment, not Jaccard: a rewrite that keeps half of a wire story shares only a fifth of
   its shingles; on the dev gold set republications score 0.41 to 0.86, independent reports
   of one event 0.19 at most); republication links form origins, and ten republications of one
   wire story count as one independent origin. The origin is the earliest article (by date,
   then id: without dates the direction of copying is unknown).

Limits: English; articles without headline or lead text rely on their body's first
sentences; an event reported with no shared distinctive words and no shared wording is missed
when the embedding alone cannot bridge it.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from ._unionfind import UnionFind
from .model import Article
from .pipeline import ArticleLike, load_articles
from .text import stem, terms

GROUP_VERSION = "group-hybrid.v1"
#: grouping reads no further into an article than this many characters (headline, lead,
#: shingles and containment all come from the opening)
GROUP_HEAD = 4000
SCHEMA_STORIES = "newsprism.stories/1"


@dataclass(frozen=True, slots=True)
class GroupOptions:
    """Options of the grouping stage (see the module docstring for the method).

    ``window_days`` is 3: outlets report one event within a day or two, and a look-alike
    (the same people at another event) is typically a week or more later; no public set here
    carries dates, so this one was not tuned.

    Other defaults chosen on a small grid (threshold 0.25 to 0.4, weight 0.3 to 0.5, lead of 4 or 8
    sentences) over BASIL, ECB+ and the dev gold set together, at a point whose neighbours
    score close to it; ``benchmarks/bench_grouping.py`` reprints the scores.
    """

    threshold: float = 0.35
    near_duplicate: float = 0.5
    republication: float = 0.3
    window_days: int = 3
    embedder: str | None = "wordllama"
    weight: float = 0.5
    lead_sentences: int = 4
    top_terms: int = 30
    min_shared: int = 2
    max_df: float = 0.02
    max_block: int = 60
    num_perm: int = 64


@dataclass(frozen=True, slots=True)
class Story:
    """A story: its articles (ids), and for each article the id of its origin."""

    id: str
    articles: tuple[str, ...]
    origins: tuple[str, ...] = ()

    @property
    def n_origins(self) -> int:
        return len(set(self.origins)) if self.origins else len(self.articles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "articles": list(self.articles),
            "origins": dict(zip(self.articles, self.origins, strict=True)) if self.origins else {},
            "independent_origins": self.n_origins,
        }


@dataclass(frozen=True, slots=True)
class Grouping:
    """Every article in exactly one story."""

    stories: tuple[Story, ...]
    method: str = GROUP_VERSION
    stats: dict[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    labels: dict[str, str] = field(default_factory=dict)

    def story_of(self) -> dict[str, str]:
        return {a: s.id for s in self.stories for a in s.articles}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_STORIES,
            "method": self.method,
            "stats": dict(sorted(self.stats.items())),
            "stories": [s.to_dict() for s in self.stories],
            "problems": list(self.problems),
        }


def _lead(article: Article, n: int) -> str:
    sents = [s.text for s in article.sentences[:n]]
    return " ".join(sents)


def _day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _tfidf_rows(articles: Sequence[Article], opts: GroupOptions) -> tuple[Any, list[list[int]]]:
    """A sparse (CSR) matrix of L2-normalised TF-IDF rows, and each row's distinctive terms."""
    from scipy.sparse import csr_matrix

    bags: list[Counter[str]] = []
    for a in articles:
        bag: Counter[str] = Counter(terms(_lead(a, opts.lead_sentences)))
        for t in terms(a.title or ""):
            bag[t] += 2
        bags.append(bag)
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    vocab = {t: i for i, t in enumerate(sorted(df))}
    n = len(articles)
    rows, cols, vals, distinctive = [], [], [], []
    for r, bag in enumerate(bags):
        weighted = sorted(((1 + math.log(tf)) * (math.log((1 + n) / (1 + df[t])) + 1), t) for t, tf in bag.items())
        weighted = weighted[::-1][: opts.top_terms]
        norm = math.sqrt(sum(w * w for w, _ in weighted)) or 1.0
        keep = []
        for w, t in weighted:
            rows.append(r)
            cols.append(vocab[t])
            vals.append(w / norm)
            if df[t] > 1:
                keep.append(vocab[t])
        distinctive.append(keep)
    mat = csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))), dtype=np.float32)
    return mat, distinctive


def _candidates(distinctive: list[list[int]], days: list[int | None], opts: GroupOptions) -> set[tuple[int, int]]:
    """Pairs of articles sharing at least ``min_shared`` distinctive terms, found through
    blocking keys, never by comparing all pairs.

    A term held by at most ``max_block`` articles is a key. A commoner term (a name in the news
    for years) is a key only within a week: a dated article holds it tagged with its week and
    with the next week, each counting half, so two articles of the same week share one whole
    term and articles a week apart half of one. Keys held by more than ``max_block`` articles
    are dropped. Shared keys are counted by one sparse matrix product.
    """
    from scipy.sparse import csr_matrix, triu

    n = len(distinctive)
    cap = min(opts.max_block, max(8, int(opts.max_df * n)))
    df: Counter[int] = Counter(t for ts in distinctive for t in ts)
    keys: dict[tuple[int, int], int] = {}
    rows = array("i")
    cols = array("i")
    vals = array("f")
    half = math.sqrt(0.5)  # a product of two halves-by-square-root is one half
    for doc, ts in enumerate(distinctive):
        day = days[doc]
        for t in ts:
            if df[t] <= cap:
                tagged = [((t, -1), 1.0)]
            elif day is not None:
                tagged = [((t, day // 7), half), ((t, day // 7 + 1), half)]
            else:
                continue
            for key, weight in tagged:
                rows.append(doc)
                cols.append(keys.setdefault(key, len(keys)))
                vals.append(weight)
    if not rows:
        return set()
    b = csr_matrix(
        (
            np.frombuffer(vals, dtype=np.float32),
            (np.frombuffer(rows, dtype=np.int32), np.frombuffer(cols, dtype=np.int32)),
        ),
        shape=(n, len(keys)),
    )
    del keys
    key_df = np.diff(b.tocsc().indptr)
    b = b[:, np.flatnonzero((key_df > 1) & (key_df <= cap))]
    bt = b.T.tocsr()
    out: set[tuple[int, int]] = set()
    for lo in range(0, n, 4096):  # in slices of rows, so memory stays bounded on large piles
        shared = triu(b[lo : lo + 4096] @ bt, k=lo + 1).tocoo()
        keep = shared.data >= opts.min_shared - 1e-6
        out.update(zip((shared.row[keep] + lo).tolist(), shared.col[keep].tolist(), strict=True))
    return out


_FAST_WORD = re.compile(r"\w+")


def _grams(article: Article, n: int = 4, chars: int = GROUP_HEAD) -> set[int]:
    """Hashes of the runs of ``n`` stemmed words in the article's opening (for containment)."""
    ws = [stem(w) for w in _FAST_WORD.findall(article.text[:chars].lower())]
    return {hash(tuple(ws[i : i + n])) for i in range(len(ws) - n + 1)}


def _shingles(article: Article, n: int = 5, chars: int = 3000) -> list[str]:
    """Word 5-shingles of the article's opening (a near-copy is a copy from its first lines)."""
    ws = _FAST_WORD.findall(article.text[:chars].lower())
    return [" ".join(ws[i : i + n]) for i in range(max(1, len(ws) - n + 1))] if ws else [""]


def near_duplicates(articles: list[Article], *, threshold: float = 0.5, num_perm: int = 64) -> set[tuple[int, int]]:
    """Pairs of articles (indexes) whose word 5-shingles overlap by about ``threshold`` or more."""
    from rensa import RMinHash, RMinHashLSH

    bands = 16 if num_perm % 16 == 0 else 8
    lsh = RMinHashLSH(threshold=threshold, num_perm=num_perm, num_bands=bands)
    hashes = []
    for i, a in enumerate(articles):
        mh = RMinHash(num_perm=num_perm, seed=42)
        mh.update(_shingles(a))
        hashes.append(mh)
        lsh.insert(i, mh)
    pairs = set()
    for i, mh in enumerate(hashes):
        for j in lsh.query(mh):
            if j > i and mh.jaccard(hashes[j]) >= threshold:
                pairs.add((i, int(j)))
    return pairs


def group(
    items: Iterable[ArticleLike],
    *,
    options: GroupOptions | None = None,
    previous: dict[str, str] | None = None,
    skip_errors: bool = False,
) -> Grouping:
    """Group articles (or the files and folders that hold them) into stories.

    ``previous`` (article id -> story id, from an earlier grouping) keeps story ids stable.
    Articles with the same id are grouped once.
    """
    opts = options or GroupOptions()
    loaded, problems = load_articles(items, skip_errors=skip_errors)
    unique: dict[str, Article] = {}
    for a in loaded:
        unique.setdefault(a.id, a)
    articles = list(unique.values())
    order = sorted(range(len(articles)), key=lambda i: articles[i].id)
    arts = [articles[i] for i in order]  # the result never depends on the input order
    n = len(arts)
    if n == 0:
        return Grouping((), stats={"articles": 0, "rejected": len(problems)}, problems=tuple(str(p) for p in problems))
    mat, distinctive = _tfidf_rows(arts, opts)
    emb = None
    if opts.embedder and opts.weight > 0:
        from .embed import get_embedder

        texts = [((a.title or "") + ". " + _lead(a, opts.lead_sentences))[:1000] for a in arts]
        emb = get_embedder(opts.embedder).encode(texts)
    days = [_day(a.published) for a in arts]
    dups = near_duplicates(arts, threshold=opts.near_duplicate, num_perm=opts.num_perm)
    cand = _candidates(distinctive, days, opts) | dups

    dup_set = set(dups)
    heap: list[tuple[float, int, int]] = []  # articles are sorted by id: indexes break ties
    if cand:
        pairs = sorted(cand)
        ia = [p[0] for p in pairs]
        ib = [p[1] for p in pairs]
        lex = np.asarray(mat[ia].multiply(mat[ib]).sum(axis=1)).ravel()
        score = lex if emb is None else opts.weight * np.einsum("ij,ij->i", emb[ia], emb[ib]) + (1 - opts.weight) * lex
        for (i, j), s in zip(pairs, score, strict=True):
            di, dj = days[i], days[j]
            if di is not None and dj is not None and abs(di - dj) > opts.window_days and (i, j) not in dup_set:
                continue
            s = 1.0 if (i, j) in dup_set else float(s)
            if s >= opts.threshold:
                heap.append((-round(s, 6), i, j))
    heapq.heapify(heap)
    clusters = UnionFind(n)
    # average linkage of dot products is the dot product of the clusters' summed vectors
    lex_sum: dict[int, Any] = {}
    emb_sum: dict[int, np.ndarray] = {}
    span: dict[int, tuple[int, int] | None] = {}
    for i, d in enumerate(days):
        span[i] = (d, d) if d is not None else None

    def lex_of(root: int) -> Any:
        return lex_sum[root] if root in lex_sum else mat[root]

    def emb_of(root: int) -> np.ndarray:
        assert emb is not None
        return emb_sum[root] if root in emb_sum else emb[root]

    while heap:
        _, i, j = heapq.heappop(heap)
        ri, rj = clusters.find(i), clusters.find(j)
        if ri == rj:
            continue
        na, nb = len(clusters.members[ri]), len(clusters.members[rj])
        if (i, j) not in dup_set and (na > 1 or nb > 1):
            # two single articles: their pair score is the average already
            sa, sb = span[ri], span[rj]
            if sa and sb and (sb[0] - sa[1] > opts.window_days or sa[0] - sb[1] > opts.window_days):
                continue
            avg = float(lex_of(ri).multiply(lex_of(rj)).sum())
            if emb is not None:
                avg = opts.weight * float(emb_of(ri) @ emb_of(rj)) + (1 - opts.weight) * avg
            if avg / (na * nb) < opts.threshold:
                continue
        new_lex = lex_of(ri) + lex_of(rj)
        new_emb = emb_of(ri) + emb_of(rj) if emb is not None else None
        sa, sb = span[ri], span[rj]
        new_span = (min(sa[0], sb[0]), max(sa[1], sb[1])) if sa and sb else (sa or sb)
        root = clusters.union(i, j)
        for old in (ri, rj):
            lex_sum.pop(old, None)
            emb_sum.pop(old, None)
            span.pop(old, None)
        lex_sum[root] = new_lex
        if new_emb is not None:
            emb_sum[root] = new_emb
        span[root] = new_span
    groups = sorted(sorted(m, key=lambda k: arts[k].id) for m in clusters.members.values())
    origin_sets = UnionFind(n)
    republished = 0
    for members in groups:
        if len(members) < 2:
            continue
        grams = {i: _grams(arts[i]) for i in members}  # one story at a time: memory stays small
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                shared = len(grams[i] & grams[j])
                if (min(i, j), max(i, j)) in dup_set or shared >= opts.republication * max(
                    1, min(len(grams[i]), len(grams[j]))
                ):
                    origin_sets.union(i, j)
                    republished += 1
    stories = _name_stories(arts, groups, origin_sets, days, previous or {})
    stats = {
        "articles": n,
        "candidate_pairs": len(cand),
        "near_duplicate_pairs": len(dups),
        "republication_pairs": republished,
        "stories": len(stories),
        "rejected": len(problems),
    }
    labels = {a.id: f"{a.outlet or Path(a.source).stem or a.id}: {a.title or '-'}" for a in arts}
    return Grouping(tuple(stories), stats=stats, problems=tuple(str(p) for p in problems), labels=labels)


def _name_stories(
    arts: list[Article],
    groups: list[list[int]],
    origins: UnionFind,
    days: list[int | None],
    previous: dict[str, str],
) -> list[Story]:
    """Story ids: a story keeps the id of the previous story it overlaps most; a new story is
    named after its first article, so ids do not depend on the order of the input."""
    overlap: list[tuple[int, str, int]] = []
    for g, members in enumerate(groups):
        counts = Counter(previous[arts[k].id] for k in members if arts[k].id in previous)
        overlap += [(-c, sid, g) for sid, c in counts.items()]
    overlap.sort()
    names: dict[int, str] = {}
    used: set[str] = set()
    for _, sid, g in overlap:
        if g not in names and sid not in used:
            names[g] = sid
            used.add(sid)
    stories = []

    def first(k: int) -> tuple[int, str]:
        day = days[k]
        return (day if day is not None else 10**9, arts[k].id)

    for g, members in enumerate(groups):
        sid = names.get(g) or ""
        if not sid:
            sid = "s" + hashlib.sha256(arts[members[0]].id.encode()).hexdigest()[:10]
            while sid in used:
                sid = "s" + hashlib.sha256(sid.encode()).hexdigest()[:10]
            used.add(sid)

        by_origin: dict[int, list[int]] = defaultdict(list)
        for k in members:
            by_origin[origins.find(k)].append(k)
        origin_of = {k: arts[min(ks, key=first)].id for ks in by_origin.values() for k in ks}
        ids = tuple(arts[k].id for k in members)
        stories.append(Story(sid, ids, tuple(origin_of[k] for k in members)))
    stories.sort(key=lambda s: (-len(s.articles), s.articles[0]))
    return stories
