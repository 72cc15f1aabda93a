"""Framing marks from word lists: newsprism's curated lexicons (``framing_lexicon.lexicon_marks``:
``hedges``, ``loaded-words``, and the judging verbs of ``reporting-verbs`` read with
``attribution-contexts``) against the Recasens et al. (2013) lexicons used as plain word lists,
the baseline the framing issue measured.

What is measured: for each framing type the lists serve (attribution, hedge, loaded), precision,
recall and F1 of span marks against the ``framing`` entries of the team's gold sets
(``tests/gold/dev`` and ``examples`` by default; ``--gold DIR``, repeatable, to name others).
Scoring follows ``../shared/eval/score.py`` ``_score_framing``: each article is read and cleaned
once (``newsprism.api.load_articles``); every occurrence of a gold text in the cleaned text
(folded as score.py folds: NFKC, straight quotes, white space) is a gold span; a predicted span
is right when it overlaps a gold span of the same type in the same article; a gold mark is
recalled when any of its spans overlaps a prediction of its type; a gold text that the cleaner
dropped still counts as a gold mark (missed). A second newsprism row leaves out the marks
inside a quotation of three words or more (``text.quote_spans``): words a speaker chose, which
BASIL's converter also leaves out of its gold; that choice belongs to the framing stage, not to
the lists, and is shown here to size it. Speed: articles per second of ``lexicon_marks``
over a set (the median of 5 runs, after a first call that builds the expressions).

The baseline (``../shared/data/neus_allsides/data/lexicons``, read at run time, nothing of it
copied into the repository): ``report_verbs.txt`` as attribution, ``hedges_hyland2005.txt`` as
hedge, ``bias-lexicon/bias-lexicon_og.txt`` (the 654 lemmas of Recasens et al.) as loaded, each
entry matched whole-word and case-insensitive wherever it stands; "+forms" also matches each
single word with -s, -es, -d, -ed and -ing added (the lists hold lemmas: "claim", not
"claimed"). Where the folder is absent the baseline rows are left out, with a message.

Out-of-sample checks, ``loaded`` only, when ``../shared/data`` holds them (``--no-external``
leaves them out): BASIL (lexical-bias phrases, converted by ``newsprism.eval.convert``, which
leaves out those inside quotations) and NewsWCL50 (``PROPERTY`` annotations). Neither was looked
at while writing the lists. Both mark only what their annotators judged biased about the
story's targets, so a right loaded word they did not mark counts against precision; NewsWCL50
marks about 50 phrases an article, many of them plain ("meeting", "North Korea" are not marked
loaded but "north", "deal" fall inside marked phrases), which rewards a list that flags common
words: read its recall, not its F1.

How the dev set was used: its gold framing texts were read once, before the lists were written,
to see which kinds of words the annotators mark (verbs of saying such as "slammed", labels,
emotive adjectives, dramatic verbs of motion, tabloid nouns and idioms; hedges are mostly
"allegedly" and "so-called"). Each kind was then filled from general news usage, with its
inflected forms, and the contexts (``unless_prev`` / ``unless_next``) from the other senses of
each word. The first measure showed that 43 of the 87 distinct dev loaded texts
were entries verbatim; the 14 of them that had come from a single dev mark rather than from
general usage ("rickety", "herded", "made off with", "soared"...) were then taken out, with
their other forms and two words seen only inside longer marks ("crackdown", "toil"): 27 forms
(dev loaded F1 0.687 -> 0.548). 29 dev texts are still entries, common words of their kind
(slammed, regime, draconian, embattled, heist...), so the dev and ``examples`` scores flatter
the lists, loaded most: the held-out gold and the two sets above are the fair measure.
No context was written from a dev error. ``--errors`` prints, per type, the gold marks missed
and the predictions that match no gold mark, to see which kinds a list lacks or over-reaches.

    PYTHONPATH=src python benchmarks/bench_framing_lexicons.py [--gold DIR ...] [--errors] [--no-external]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, shared_dir, table

from newsprism.api import load_articles
from newsprism.eval.convert import convert_basil, convert_newswcl50
from newsprism.eval.gold import GoldSet, load_gold
from newsprism.eval.matching import find_spans
from newsprism.eval.scoring import overlap, prf
from newsprism.framing_lexicon import FRAMING_LEXICON_VERSION, lexicon_marks
from newsprism.text import quote_spans

TYPES = ("attribution", "hedge", "loaded")
RECASENS = {
    "attribution": "bias_related_lexicons/report_verbs.txt",
    "hedge": "bias_related_lexicons/hedges_hyland2005.txt",
    "loaded": "bias-lexicon/bias-lexicon_og.txt",
}

Marker = Callable[[str], list[tuple[int, int, str]]]


def ours(text: str) -> list[tuple[int, int, str]]:
    return [(s, e, t) for s, e, t, _ in lexicon_marks(text)]


def ours_outside_quotes(text: str) -> list[tuple[int, int, str]]:
    """``ours`` less the marks inside a quotation of three words or more (the speaker's words)."""
    quoted = [(s, e) for s, e in quote_spans(text) if len(text[s:e].split()) >= 3]
    return [(s, e, t) for s, e, t in ours(text) if not any(qs <= s and e <= qe for qs, qe in quoted)]


def _read_list(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        word = line.strip().lower()
        if word and not word.startswith("#"):
            out.append(word)
    return out


def word_list_marker(lists: dict[str, list[str]], forms: bool) -> Marker:
    """Every entry of each list, whole word, case-insensitive; with ``forms`` a single word
    also with -s/-es/-d/-ed/-ing. The same span may be marked for several types."""
    patterns = {}
    for kind, words in lists.items():
        alts = []
        for w in sorted(set(words), key=lambda w: (-len(w), w)):
            piece = r"\s+".join(re.escape(x) for x in w.split())
            if forms and " " not in w:
                piece += "(?:s|es|d|ed|ing)?"
            alts.append(piece)
        patterns[kind] = re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)", re.IGNORECASE)

    def mark(text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), kind) for kind, pat in patterns.items() for m in pat.finditer(text)]

    return mark


def score(
    gold: GoldSet, texts: dict[str, str], preds: dict[str, list[tuple[int, int, str]]], kind: str
) -> tuple[list[int], list[str], list[str]]:
    """score.py's ``_score_framing`` for one type: [right predictions, recalled gold marks,
    predictions, gold marks]; also the missed gold texts and the wrong predictions (their
    text, lower case), for ``--errors``."""
    hits = recalled = n_pred = n_gold = 0
    missed: list[str] = []
    wrong: list[str] = []
    for art in sorted(gold.data["articles"]):
        text = texts.get(art, "")
        marks = [g for g in gold.data.get("framing", []) if g["article"] == art and g["type"] == kind]
        truth = [find_spans(g["text"], text) for g in marks]
        pred = [(s, e) for s, e, t in preds.get(art, []) if t == kind]
        flat = [s for spans in truth for s in spans]
        for p in pred:
            if any(overlap(p, g) for g in flat):
                hits += 1
            else:
                wrong.append(text[p[0] : p[1]].lower())
        for g, spans in zip(marks, truth, strict=True):
            if any(overlap(p, s) for p in pred for s in spans):
                recalled += 1
            else:
                missed.append(g["text"])
        n_pred += len(pred)
        n_gold += len(truth)
    return [hits, recalled, n_pred, n_gold], missed, wrong


def _row(name: str, kind: str, counts: list[int]) -> list[object]:
    hits, recalled, n_pred, n_gold = counts
    res = prf(hits, n_pred, n_gold, recalled=recalled, empty_precision=0.0)
    return [name, kind, n_pred, n_gold, res["precision"], res["recall"], res["f1"]]


def _speed(marker: Marker, texts: Iterable[str]) -> float:
    items = list(texts)
    marker(items[0] if items else "")
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in items:
            marker(t)
        times.append(time.perf_counter() - t0)
    median = statistics.median(times)
    return len(items) / median if median else float("inf")


def _external(shared: Path | None, tmp: Path) -> list[tuple[Path, tuple[str, ...]]]:
    """BASIL and NewsWCL50 converted into ``tmp`` (``loaded`` only), those that are present."""
    out: list[tuple[Path, tuple[str, ...]]] = []
    for name, convert in (("basil", convert_basil), ("newswcl50", convert_newswcl50)):
        src = shared / "data" / name if shared else None
        if not src or not src.is_dir():
            print(f"../shared/data/{name} is absent: left out")
            continue
        dest = tmp / name
        convert(src, dest)
        out.append((dest, ("loaded",)))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", help="a gold set folder (repeatable)")
    ap.add_argument("--errors", action="store_true", help="print missed gold marks and wrong predictions")
    ap.add_argument("--no-external", action="store_true", help="leave out BASIL and NewsWCL50")
    args = ap.parse_args(argv)
    folders: list[tuple[Path, tuple[str, ...]]] = [
        (p, TYPES) for p in (args.gold or [REPO / "tests" / "gold" / "dev", REPO / "examples"])
    ]

    markers: dict[str, Marker] = {
        f"newsprism {FRAMING_LEXICON_VERSION}": ours,
        "  less marks in quotations": ours_outside_quotes,
    }
    shared = shared_dir()
    lex_dir = shared / "data" / "neus_allsides" / "data" / "lexicons" if shared else None
    if lex_dir and lex_dir.is_dir():
        lists = {kind: _read_list(lex_dir / rel) for kind, rel in RECASENS.items()}
        markers["recasens 2013 lists"] = word_list_marker(lists, forms=False)
        markers["recasens 2013 lists +forms"] = word_list_marker(lists, forms=True)
    else:
        print("the Recasens lexicons (../shared/data/neus_allsides/data/lexicons) are absent: no baseline rows")

    tmp = tempfile.TemporaryDirectory()
    if not args.no_external:
        folders += _external(shared, Path(tmp.name))
    for folder, types in folders:
        gold = load_gold(folder)
        articles, problems = load_articles([gold.files[a] for a in sorted(gold.files)], skip_errors=True)
        texts = {a.id: a.text for a in articles}
        n_marks = Counter(g["type"] for g in gold.data.get("framing", []))
        rows: list[list[object]] = []
        errors: dict[str, dict[str, tuple[list[str], list[str]]]] = {}
        for name, marker in markers.items():
            preds = {art: marker(text) for art, text in texts.items()}
            total = [0, 0, 0, 0]
            for kind in types:
                counts, missed, wrong = score(gold, texts, preds, kind)
                errors.setdefault(name, {})[kind] = (missed, wrong)
                rows.append(_row(name, kind, counts))
                total = [x + y for x, y in zip(total, counts, strict=True)]
            if len(types) > 1:
                rows.append(_row(name, "all three", total))
        speed = _speed(ours, texts.values())
        title = (
            f"{gold.name}: {len(texts)} articles ({len(problems)} unreadable), gold marks "
            + ", ".join(f"{k} {n_marks[k]}" for k in types)
            + f"; lexicon_marks {speed:,.0f} articles/s"
        )
        print(table(title, ["lists", "type", "predicted", "gold", "precision", "recall", "F1"], rows))
        print()
        if args.errors:
            for name, by_kind in errors.items():
                for kind, (missed, wrong) in by_kind.items():
                    print(f"[{gold.name}] {name} {kind}: missed {len(missed)}: {'; '.join(missed)}")
                    common = Counter(wrong).most_common(25)
                    print(f"[{gold.name}] {name} {kind}: wrong {len(wrong)}: {common}")
            print()
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
