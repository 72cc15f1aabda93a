"""Scores of newsprism's JSON output against a gold set, per task, as GOLD_FORMAT.md defines
them (the same definitions as the shared ``score.py``; a test checks that both agree).

- grouping: B-cubed precision / recall / F1 over articles (a lost article is a story alone);
- cleaning: dropped body lines against ``boilerplate`` (the headline is not counted);
- body coverage: share of gold fact sentences and quotes still found in the cleaned text;
- alignment: same-fact links between sentences of two articles; a gold sentence stands for the
  predicted sentence that overlaps it by at least half of the longer of the two;
- quotes: a predicted quote matches a gold one of the same article when their texts share 80%
  of the longer (matching characters); speaker accuracy over matches;
- framing: spans of the same type that overlap, per type and overall;
- quotes and framing are per-article tasks: :func:`score_reports` scores them on the compared
  articles and on the one-article records (``singles``) of every other article;
- a task (or a framing type) with nothing to score is ``{"scored": false, "why": ...}``
  (:func:`not_scored`), never a perfect or a zero score: no articles, no gold items and no
  predictions, or a gold set that marks nothing for the task at all (it does not annotate it:
  PolNeAR has no framing, no boilerplate, no facts; predictions are then counted, not
  scored). Here newsprism departs from ``score.py``, which gives such a task 1.0 or 0.0;
- figures (``figures.json``, written parts only; GOLD_FORMAT.md and ``score.py`` have no such
  task): each reported disagreement (``numbers.conflicts``) is matched to the written pairs of
  figures by sentence: it matches a pair when it holds a quantity inside the pair's sentence in
  each of the pair's two articles. A conflict matched to a pair with ``"conflict": true`` is
  real; else one matched to a pair with ``"conflict": false`` is a false alarm on a written
  pair; else it is unmatched (the writers wrote no pair there: neither right nor wrong).
  Recall: the real pairs some conflict matches, of every real pair of the set;
- body extraction (:func:`score_bodies`): shared 4-token shingles, as the ScrapingHub benchmark does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from itertools import combinations
from typing import Any

from ..text import plural
from .gold import FRAMING_TYPES, GoldSet
from .matching import find_spans, fold

Json = dict[str, Any]


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(
    hits: float, predicted: int, gold: int, *, recalled: float | None = None, empty_precision: float | None = None
) -> Json:
    """Precision, recall and F1 with the conventions of the gold format (nothing to find and
    nothing found is perfect). ``recalled``: gold items found, where that count differs from
    the predicted ``hits`` (span overlap is not one-to-one); ``empty_precision``: precision
    when nothing is predicted (default 1.0 when there is nothing to find, else 0.0)."""
    if empty_precision is None:
        empty_precision = 1.0 if gold == 0 else 0.0
    p = hits / predicted if predicted else empty_precision
    r = (hits if recalled is None else recalled) / gold if gold else 1.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1(p, r), 4),
        "predicted": predicted,
        "gold": gold,
    }


def not_scored(why: str, **counts: int) -> Json:
    """What a task with nothing to score reports instead of its scores: ``why`` in words."""
    return {"scored": False, "why": why, **counts}


def is_scored(task: Any) -> bool:
    """Whether a task's scores hold numbers (not :func:`not_scored`)."""
    return isinstance(task, dict) and task.get("scored") is not False


def _unmarked(items: str, task: str) -> str:
    return f"the gold set marks no {items} at all (it does not annotate {task}); predictions counted, not scored"


NO_ARTICLES_COMPARED = "no articles compared (no story of two or more articles)"


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters two ``(start, end)`` spans share (0 when they are apart)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def bcubed(truth: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a labelling ``pred`` (item -> cluster) against
    ``truth``; every item of ``truth`` must have a label in ``pred``."""
    members_pred: dict[str, set[str]] = {}
    members_true: dict[str, set[str]] = {}
    for a in truth:
        members_pred.setdefault(pred[a], set()).add(a)
        members_true.setdefault(truth[a], set()).add(a)
    p = r = 0.0
    for a in truth:
        mp, mt = members_pred[pred[a]], members_true[truth[a]]
        both = len(mp & mt)
        p += both / len(mp)
        r += both / len(mt)
    n = len(truth) or 1
    p, r = p / n, r / n
    return p, r, f1(p, r)


def score_grouping(gold: GoldSet, stories: Json) -> Json:
    truth = {a: str(m["story"]) for a, m in gold.data["articles"].items()}
    pred: dict[str, str] = {}
    for story in stories.get("stories", []):
        for a in story["articles"]:
            pred[a] = str(story["id"])
    if not truth:
        return not_scored("the gold set has no articles")
    lost = sorted(a for a in truth if a not in pred)
    for a in lost:
        pred[a] = "\0lost:" + a
    p, r, f = bcubed(truth, pred)
    return {
        "bcubed_precision": round(p, 4),
        "bcubed_recall": round(r, 4),
        "bcubed_f1": round(f, 4),
        "articles": len(truth),
        "lost_articles": lost,
    }


def score_reports(gold: GoldSet, reports: Iterable[Json], singles: Iterable[Json] = ()) -> Json:
    """Score comparison reports (the JSON contract) against the gold set.

    ``singles``: one-article records in the same shape (``articles``, ``quotes``,
    ``framing``) for articles that are in no report; they count for the per-article tasks,
    quotes and framing, only. An article is scored once: a single whose article is in a
    report is left out."""
    articles: dict[str, Json] = {}
    links: set[frozenset[tuple[str, int]]] = set()
    quotes: list[Json] = []
    framing: list[Json] = []
    headlines: list[Json] = []
    conflicts: list[Json] = []
    for rep in reports:
        arts = {a["id"]: a for a in rep.get("articles", [])}
        articles.update(arts)
        for fact in rep.get("facts", []):
            nodes = [(m["article"], m["sentence"]) for m in fact.get("mentions", [])]
            links.update(frozenset(pair) for pair in combinations(nodes, 2) if pair[0][0] != pair[1][0])
        quotes.extend(rep.get("quotes", []))
        framing.extend(rep.get("framing", []))
        headlines.extend(rep.get("headline_framing", []))
        conflicts.extend((rep.get("numbers") or {}).get("conflicts", []))
    known = gold.data["articles"]
    scored = sorted(a for a in articles if a in known)
    in_scope = set(scored)
    links = {link for link in links if all(node[0] in in_scope for node in link)}
    every = dict(articles)
    for rec in singles:
        arts = {a["id"]: a for a in rec.get("articles", [])}
        if not arts or arts.keys() & every.keys():
            continue
        every.update(arts)
        quotes.extend(rec.get("quotes", []))
        framing.extend(rec.get("framing", []))
        headlines.extend(rec.get("headline_framing", []))
    per_article = sorted(a for a in every if a in known)
    stories = gold.stories()
    return {
        "articles_scored": len(scored),
        "articles_missing": sorted(a for a in known if a not in articles and len(stories[str(known[a]["story"])]) > 1),
        "cleaning": _cleaning(gold, articles, scored),
        "body_coverage": _coverage(gold, articles, scored),
        "alignment": _alignment(gold, articles, links, in_scope),
        "quotes": _quotes(gold, quotes, per_article),
        "framing": _framing(gold, every, framing, per_article, headlines),
        "figures": _figures(gold, articles, conflicts, in_scope),
    }


def _figures(gold: GoldSet, articles: dict[str, Json], conflicts: list[Json], in_scope: set[str]) -> Json:
    pairs = gold.figures()
    if pairs is None:
        return not_scored("the gold set has no figures.json (written pairs of figures); conflicts not scored")
    if not in_scope:
        return not_scored(NO_ARTICLES_COMPARED)
    # each pair's two (article, sentence spans in the cleaned text); None when not compared
    located: list[tuple[bool, list[tuple[str, list[tuple[int, int]]]] | None]] = []
    for pair in pairs:
        ends = list(zip(pair["articles"], pair["sentences"], strict=True))
        if all(a in in_scope for a, _ in ends):
            located.append((bool(pair["conflict"]), [(a, find_spans(s, articles[a].get("text", ""))) for a, s in ends]))
        else:
            located.append((bool(pair["conflict"]), None))

    def holds(conflict: Json, article: str, spans: list[tuple[int, int]]) -> bool:
        return any(
            q.get("article") == article and any(overlap((q["start"], q["end"]), sp) for sp in spans)
            for q in conflict.get("quantities", [])
        )

    real = false_alarm = unmatched = 0
    found: set[int] = set()
    for c in conflicts:
        if not {q.get("article") for q in c.get("quantities", [])} <= in_scope:
            continue
        matched = [
            i
            for i, (_, ends) in enumerate(located)
            if ends is not None and all(holds(c, a, spans) for a, spans in ends)
        ]
        found.update(i for i in matched if located[i][0])
        if any(located[i][0] for i in matched):
            real += 1
        elif matched:
            false_alarm += 1
        else:
            unmatched += 1
    reported = real + false_alarm + unmatched
    real_pairs = sum(1 for is_real, _ in located if is_real)
    return {
        "reported": reported,
        "real": real,
        "false_alarm": false_alarm,
        "unmatched": unmatched,
        "real_pairs": real_pairs,
        "real_found": len(found),
        "real_pairs_not_compared": sum(1 for is_real, ends in located if is_real and ends is None),
        "pairs": len(pairs),
        "precision": round(real / reported, 4) if reported else 0.0,
        "recall": round(len(found) / real_pairs, 4) if real_pairs else 1.0,
    }


def _cleaning(gold: GoldSet, articles: dict[str, Json], scored: list[str]) -> Json:
    hits = n_pred = n_gold = n_art = 0
    for a in scored:
        if gold.files[a].suffix != ".txt":
            continue
        n_art += 1
        raw_lines = gold.raw(a).splitlines()
        headline = fold(raw_lines[0]) if raw_lines else ""
        truth = {fold(x) for x in gold.data.get("boilerplate", {}).get(a, [])}
        dropped = {fold(x) for x in articles[a].get("removed", [])} - {"", headline}
        hits += len(truth & dropped)
        n_pred += len(dropped)
        n_gold += len(truth)
    if not scored:
        return not_scored(NO_ARTICLES_COMPARED)
    if not n_art:
        return not_scored("no .txt articles compared (cleaning is scored on .txt articles)")
    if not any(gold.data.get("boilerplate", {}).values()):
        return not_scored(_unmarked("boilerplate lines", "cleaning"), predicted=n_pred)
    if not n_gold and not n_pred:
        return not_scored(f"no boilerplate in the gold set for the {n_art} compared articles and none dropped")
    return prf(hits, n_pred, n_gold)


def _gold_texts(gold: GoldSet, art: str) -> list[str]:
    texts = [f["mentions"][art] for f in gold.data.get("facts", []) if art in f["mentions"]]
    return texts + [q["text"] for q in gold.data.get("quotes", []) if q["article"] == art]


def _coverage(gold: GoldSet, articles: dict[str, Json], scored: list[str]) -> Json:
    found = total = 0
    for a in scored:
        text = articles[a].get("text", "")
        for t in _gold_texts(gold, a):
            total += 1
            found += bool(find_spans(t, text))
    if not scored:
        return not_scored(NO_ARTICLES_COMPARED)
    if not total:
        return not_scored(f"no gold fact sentences or quotations in the {len(scored)} compared articles")
    return {"kept": found, "of": total, "share": round(found / total, 4)}


def sentence_for(article: Json, span: tuple[int, int]) -> int | None:
    """The predicted sentence that overlaps ``span`` most, if it covers at least half of the
    longer of the two; else None (a sentence that merges several gold sentences matches none)."""
    best, best_len = None, 0
    for i, s in enumerate(article.get("sentences", [])):
        ov = overlap(span, (s["start"], s["end"]))
        if ov > best_len and 2 * ov >= max(span[1] - span[0], s["end"] - s["start"]):
            best, best_len = i, ov
    return best


def _alignment(
    gold: GoldSet, articles: dict[str, Json], links: set[frozenset[tuple[str, int]]], in_scope: set[str]
) -> Json:
    truth: set[frozenset[tuple[str, Any]]] = set()
    for fact in gold.data.get("facts", []):
        nodes: list[tuple[str, Any]] = []
        for a, sent in fact["mentions"].items():
            if a not in in_scope:
                continue
            spans = find_spans(sent, articles[a].get("text", ""))
            idx = sentence_for(articles[a], spans[0]) if spans else None
            nodes.append((a, idx if idx is not None else "unmatched:" + sent[:30]))
        truth.update(frozenset(pair) for pair in combinations(nodes, 2) if pair[0][0] != pair[1][0])
    predicted: set[frozenset[tuple[str, Any]]] = set(links)
    if not in_scope:
        return not_scored(NO_ARTICLES_COMPARED)
    if not gold.data.get("facts"):
        return not_scored(_unmarked("facts", "alignment"), predicted=len(predicted))
    if not truth and not predicted:
        return not_scored(
            f"no same-fact links in the gold set between the {len(in_scope)} compared articles and none found"
        )
    return prf(len(truth & predicted), len(predicted), len(truth))


def _text_similarity(a: str, b: str) -> float:
    x, y = fold(a), fold(b)
    if not x or not y:
        return 0.0
    blocks = SequenceMatcher(None, x, y, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / max(len(x), len(y))


def same_speaker(pred: str | None, truth: str | None) -> bool:
    """A speaker matches when the names are equal, share the last word, or one's words
    contain the other's ("Stoltenberg" names "Jens Stoltenberg")."""
    p = fold(pred or "").split()
    t = fold(truth or "").split()
    if not p or not t:
        return not p and not t
    return p == t or p[-1] == t[-1] or set(p) <= set(t) or set(t) <= set(p)


def _quotes(gold: GoldSet, quotes: list[Json], scored: list[str]) -> Json:
    hits = n_pred = n_gold = speakers = 0
    for a in scored:
        truth = [q for q in gold.data.get("quotes", []) if q["article"] == a]
        pred = [q for q in quotes if q["article"] == a]
        n_pred += len(pred)
        n_gold += len(truth)
        candidates = sorted(
            ((_text_similarity(p["text"], t["text"]), i, j) for i, p in enumerate(pred) for j, t in enumerate(truth)),
            reverse=True,
        )
        taken_p: set[int] = set()
        taken_t: set[int] = set()
        for sim, i, j in candidates:
            if sim >= 0.8 and i not in taken_p and j not in taken_t:
                taken_p.add(i)
                taken_t.add(j)
                hits += 1
                speakers += same_speaker(pred[i].get("speaker"), truth[j].get("speaker"))
    if not scored:
        return not_scored("no articles", articles=0)
    if not gold.data.get("quotes"):
        return not_scored(_unmarked("quotations", "quotes"), articles=len(scored), predicted=n_pred)
    if not n_gold and not n_pred:
        return not_scored(
            f"no quotations in the gold set for its {plural(len(scored), 'article')} and none found",
            articles=len(scored),
        )
    out = prf(hits, n_pred, n_gold)
    out["speaker_accuracy"] = round(speakers / hits, 4) if hits else 0.0
    out["articles"] = len(scored)
    return out


def _framing_counts(
    gold: GoldSet,
    articles: dict[str, Json],
    framing: list[Json],
    scored: list[str],
    headlines: list[Json] | None = None,
) -> tuple[Json, list[int]]:
    """Per type and in all: precise hits, recalled hits, predicted, gold. With ``headlines``
    (marks whose spans are in the article's ``title``), a gold mark whose words stand in the
    headline and not in the body is matched against those."""
    by_type: Json = {}
    tot = [0, 0, 0, 0]
    for kind in FRAMING_TYPES:
        c = [0, 0, 0, 0]
        for a in scored:
            text = articles[a].get("text", "")
            title = articles[a].get("title") or ""
            truth: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
            for g in gold.data.get("framing", []):
                if g["article"] == a and g["type"] == kind:
                    body = find_spans(g["text"], text)
                    head = find_spans(g["text"], title) if headlines is not None and not body else []
                    truth.append((body, head))
            pred = [(f["start"], f["end"]) for f in framing if f["article"] == a and f["type"] == kind]
            hpred = [(f["start"], f["end"]) for f in headlines or () if f["article"] == a and f["type"] == kind]
            flat = [s for spans, _ in truth for s in spans]
            hflat = [s for _, spans in truth for s in spans]
            c[0] += sum(any(overlap(p, g) for g in flat) for p in pred)
            c[0] += sum(any(overlap(p, g) for g in hflat) for p in hpred)
            c[1] += sum(
                any(overlap(p, g) for p in pred for g in body) or any(overlap(p, g) for p in hpred for g in head)
                for body, head in truth
            )
            c[2] += len(pred) + len(hpred)
            c[3] += len(truth)
        if not any(g["type"] == kind for g in gold.data.get("framing", [])):
            by_type[kind] = not_scored(_unmarked(f"{kind} spans", kind), predicted=c[2])
        elif c[2] or c[3]:
            by_type[kind] = prf(c[0], c[2], c[3], recalled=c[1])
        else:
            by_type[kind] = not_scored(f"no {kind} spans in the gold set for these articles and none found")
        tot = [x + y for x, y in zip(tot, c, strict=True)]
    return by_type, tot


def _framing(
    gold: GoldSet,
    articles: dict[str, Json],
    framing: list[Json],
    scored: list[str],
    headlines: list[Json] | None = None,
) -> Json:
    """Every mark as the report contract lists it, and apart (``own_voice_*``) the outlet's own
    marks only: a mark flagged ``quoted`` is in a speaker's words, which the gold format never
    marks as the outlet's framing (issue 18: kept out of the outlet's own counts). With
    ``headlines`` (the reports' ``headline_framing``, spans in each article's ``title``),
    ``with_headlines`` scores body and headline marks together: the contract's ``framing``
    holds body marks only, so a gold mark in the headline is missed there by any rule."""
    by_type, tot = _framing_counts(gold, articles, framing, scored)
    if not scored:
        return not_scored("no articles", articles=0)
    if not gold.data.get("framing"):
        return not_scored(_unmarked("framing spans", "framing"), articles=len(scored), predicted=tot[2])
    if not tot[2] and not tot[3]:
        return not_scored(
            f"no framing spans in the gold set for its {plural(len(scored), 'article')} and none found",
            articles=len(scored),
        )
    out = prf(tot[0], tot[2], tot[3], recalled=tot[1], empty_precision=0.0)
    out["articles"] = len(scored)
    _, o = _framing_counts(gold, articles, [f for f in framing if not f.get("quoted")], scored)
    own = prf(o[0], o[2], o[3], recalled=o[1], empty_precision=0.0)
    out["own_voice_precision"] = own["precision"]
    out["own_voice_f1"] = own["f1"]
    out["own_voice_predicted"] = own["predicted"]
    out["by_type"] = by_type
    if headlines is not None:
        head_types, h = _framing_counts(gold, articles, framing, scored, headlines)
        both = prf(h[0], h[2], h[3], recalled=h[1], empty_precision=0.0)
        both["headline_marks"] = len([m for m in headlines if m.get("article") in set(scored)])
        both["by_type"] = {k: v.get("f1") for k, v in head_types.items() if "f1" in v}
        out["with_headlines"] = both
    return out


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        sh = tuple(tokens[i : i + n])
        if sh:
            out[sh] += 1
    return out


def score_bodies(gold_bodies: Mapping[str, str], extracted: Mapping[str, str]) -> dict[str, Any]:
    """Body-extraction precision, recall and F1 as the ScrapingHub benchmark's ``evaluate.py``
    defines them.

    Per page: both texts are split into ``\\w+`` tokens (case kept) and into overlapping
    4-token shingles (a text under 4 tokens is one shorter shingle); as multisets,
    tp = shared shingles, fp = extracted only, fn = gold only, then normalized by
    tp + fp + fn so that long pages weigh no more than short ones.

    Averaging is **macro** over pages: precision is the mean of per-page precisions over the
    pages with something extracted (tp + fp > 0), recall the mean of per-page recalls over the
    pages with a gold body (tp + fn > 0); F1 is the harmonic mean of those two means (not the
    mean of per-page F1s). ``accuracy`` is the share of pages whose token sequences are equal.
    A page whose gold and extraction are both empty counts only for accuracy. A page missing
    from ``extracted`` counts as extracting nothing; ids not in ``gold_bodies`` are ignored.
    Where no page has an extraction (or no page a gold body), that mean is 0.0 (1.0 when
    neither side has any text at all). The benchmark's bootstrap confidence intervals are
    not computed.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    exact = 0
    per_page: dict[str, dict[str, float | None]] = {}
    for key in sorted(gold_bodies):
        true = gold_bodies[key] or ""
        pred = extracted.get(key) or ""
        t, p = _shingles(true), _shingles(pred)
        tp = float(sum((t & p).values()))
        fp = float(sum((p - t).values()))
        fn = float(sum((t - p).values()))
        total = tp + fp + fn
        if total:
            tp, fp, fn = tp / total, fp / total, fn / total
        prec = rec = None
        if tp + fp > 0:
            prec = 1.0 if fp == fn == 0 else tp / (tp + fp)
            precisions.append(prec)
        if tp + fn > 0:
            rec = 1.0 if fp == fn == 0 else tp / (tp + fn)
            recalls.append(rec)
        same = _TOKEN_RE.findall(true) == _TOKEN_RE.findall(pred)
        exact += same
        per_page[key] = {"precision": prec, "recall": rec}
    nothing = not precisions and not recalls
    precision = sum(precisions) / len(precisions) if precisions else (1.0 if nothing else 0.0)
    recall = sum(recalls) / len(recalls) if recalls else (1.0 if nothing else 0.0)
    n = len(gold_bodies)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "accuracy": exact / n if n else 1.0,
        "pages": n,
        "averaging": "macro",
        "per_page": per_page,
    }
