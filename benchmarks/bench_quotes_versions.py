"""The quotes stage of an earlier commit against this one: the same quotations, speakers and
spans, or the differences, and the time of each.

Reads ``src/newsprism/quotes.py`` and ``src/newsprism/names.py`` of ``--old`` (a git revision)
with ``git show``, loads them beside this tree's (their other imports and the word lists are
this tree's), and runs both ``article_quotes`` on the same cleaned articles, in turns:

- the team's gold sets ``tests/gold/dev``, ``heldout-e`` to ``heldout-k``;
- PolNeAR dev and BASIL, converted into a temporary folder (``newsprism convert``'s code),
  when ``../shared/data`` holds them; PolNeAR dev in two seeded halves (``polnear-dev-a``
  and ``polnear-dev-b``: the shared data has no PolNeAR test split, so half B stands for
  one and is scored, with the whole of dev, only with ``--polnear-b``) and BASIL also in its
  quotations whose gold speaker is a person or an organisation and in those whose gold
  speaker is a group ("Democratic lawmakers", where the article quotes one of them by name:
  ``basil-person-org``, ``basil-group``), scored apart;
- the first ``--allsides N`` articles of allsides_baly2020 (default 3,000), cleaned as ingest
  cleans them;
- with ``--long``, three invented articles of 46k, 91k and 182k characters with a
  spokesperson's mention every 114 characters (:data:`LONG_UNIT`), one set each: whether the
  time an article takes grows with its length or faster (the ratio new/old of each, and
  across the three).

Every quotation is compared field by field (id, sentence, span, text, speaker, speaker's
mention, cue), and so are the quoted terms, the notes and what the two ``names.scan_names``
find in each article (full names, people, organisations, roles, subjects, genders). The table gives, per set, the
articles whose output differs, the quotations and speakers that differ, the milliseconds an
article each version takes (the sum of its calls, after a warm-up) and their ratio, and on the
gold sets the quote F1 and speaker accuracy of each (the scorer of ``newsprism eval``). The first
``--show`` differences are printed. Exit 1 when ``--same`` is given and anything differs, or
when ``--same-quotes`` is given and a quotation's span or words or a quoted term differs
(the articles "differing in quoted words"; speakers and cues may differ).
Reads ``../shared/data`` at run time; nothing of it is kept.

    python benchmarks/bench_quotes_versions.py --old 7c48433 [--allsides 3000] [--same] [--show 20]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO, allsides_path, shared_dir, table

from newsprism import from_text
from newsprism import names as new_names
from newsprism import quotes as new
from newsprism.api import load_articles
from newsprism.errors import InputError
from newsprism.eval.convert import convert_basil, convert_polnear
from newsprism.eval.gold import GoldSet, load_gold
from newsprism.eval.scoring import _quotes
from newsprism.model import Article
from newsprism.pipeline import prepare_article
from newsprism.sources import iter_records


def _show(rev: str, path: str) -> str:
    return subprocess.run(["git", "show", f"{rev}:{path}"], cwd=REPO, check=True, capture_output=True, text=True).stdout


def _load(name: str, source: str, folder: Path) -> ModuleType:
    path = folder / f"{name}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def old_quotes(rev: str, folder: Path) -> ModuleType:
    """``newsprism.quotes`` of ``rev``, with that revision's ``names`` (the other modules it
    imports are this tree's)."""
    names_src = _show(rev, "src/newsprism/names.py").replace("from . import", "from newsprism import")
    names_src = re.sub(r"from \.(\w+) import", r"from newsprism.\1 import", names_src)
    _load("names_old", names_src, folder)
    quotes_src = _show(rev, "src/newsprism/quotes.py").replace("from . import names as", "import names_old as")
    quotes_src = re.sub(r"from \.(\w+) import", r"from newsprism.\1 import", quotes_src)
    return _load("quotes_old", quotes_src, folder)


def _fields(found: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[str]]:
    """An ``ArticleQuotes`` of either version as plain values."""
    quotes = [(q.id, q.sentence, q.span, q.text, q.speaker, q.speaker_mention, q.cue, q.group) for q in found.quotes]
    return quotes, [dataclasses.astuple(t) for t in found.terms], list(found.notes)


def _names_fields(scan: Callable[..., Any], art: Article) -> tuple[Any, ...]:
    """What ``scan_names`` of either version reads of an article's names (outside its
    quotations, as ``article_quotes`` calls it), as plain values."""
    spans = [(s, e) for s, e, _, _ in new._spans(art.text)[0]]
    try:
        found = scan(art.text, spans, speakers=True)  # as the quotes stage reads names (since quotes.v5)
    except TypeError:
        found = scan(art.text, spans)
    return tuple(
        getattr(found, f)
        for f in ("full", "people", "orgs", "roles", "confirmed", "subjects", "gender", "lone", "lone_gender")
    )


#: the seed of PolNeAR dev's halves: A, whose errors may be read, and B, scored only
POLNEAR_SPLIT_SEED = 17

#: a gold speaker that is a group of people ("Democratic lawmakers", "Nebraska officials"):
#: BASIL names one where the article quotes a member by name
GROUP_SPEAKER = re.compile(
    r"(?i)(?:lawmakers|officials|democrats|republicans|catholics|companies|plaintiffs|protestors)$"
)


def polnear_halves(ids: list[str]) -> tuple[list[str], list[str]]:
    """PolNeAR dev's article ids in two seeded halves (A, B), each sorted."""
    ids = sorted(ids)
    b = set(random.Random(POLNEAR_SPLIT_SEED).sample(ids, len(ids) // 2))
    return [i for i in ids if i not in b], sorted(b)


def subset(gold: GoldSet, articles: list[Article], ids: list[str] | None = None, group: bool | None = None):
    """The articles of ``ids`` (all without), and a gold set whose quotes are those of a group
    speaker (``group`` true), of a person or organisation (false), or all (None)."""
    keep = set(ids) if ids is not None else None
    arts = [a for a in articles if keep is None or a.id in keep]
    if group is None:
        return gold, arts
    quotes = [q for q in gold.data.get("quotes", []) if bool(GROUP_SPEAKER.search(q.get("speaker") or "")) == group]
    return dataclasses.replace(gold, data={**gold.data, "quotes": quotes}), arts


def gold_articles(gold_dir: Path) -> tuple[GoldSet, list[Article]]:
    gold = load_gold(gold_dir)
    ids = sorted(gold.files)
    arts, _ = load_articles([gold.files[a] for a in ids], skip_errors=True)
    return gold, arts


#: the invented paragraph the ``--long`` articles repeat (400, 800, 1,600 times): two
#: spokespeople of an organisation and a person of another, 114 characters
LONG_UNIT = (
    'A Brightwater spokesperson said "We agree," said the spokesperson. Maria Lopez of the Tarn Water Board said "no". '
)


def long_articles() -> list[tuple[str, list[Article]]]:
    """The ``--long`` sets: one invented article each, of 400, 800 and 1,600 ``LONG_UNIT``."""
    return [
        (
            f"long {round(n * len(LONG_UNIT) / 1000)}k chars",
            [prepare_article(from_text(LONG_UNIT * n, id=f"long-{n}", title="Fares"))],
        )
        for n in (400, 800, 1600)
    ]


def allsides_articles(n: int) -> list[Article]:
    out: list[Article] = []
    for k, rec in enumerate(iter_records([str(allsides_path())])):
        if k >= n:
            break
        if isinstance(rec, InputError):
            continue
        try:
            out.append(prepare_article(rec))
        except InputError:
            continue
    return out


def compare(
    name: str,
    articles: list[Article],
    gold: GoldSet | None,
    old: Callable[[Article], Any],
    names_old: ModuleType | None,
    shown: list[str],
    show: int,
) -> list[object]:
    for a in articles[:20] if len(articles) > 1 else ():  # warm-up: word lists, caches
        old(a)
        new.article_quotes(a)
    t_old = t_new = 0.0
    differ = n_quotes = q_diff = s_diff = names_differ = words_differ = 0
    pred_old: list[dict[str, Any]] = []
    pred_new: list[dict[str, Any]] = []
    for k, art in enumerate(articles):
        if k % 2:  # in turns: a drift of the machine's speed hits both
            t = time.process_time()
            a = old(art)
            t_old += time.process_time() - t
            t = time.process_time()
            b = new.article_quotes(art)
            t_new += time.process_time() - t
        else:
            t = time.process_time()
            b = new.article_quotes(art)
            t_new += time.process_time() - t
            t = time.process_time()
            a = old(art)
            t_old += time.process_time() - t
        if names_old is not None and _names_fields(names_old.scan_names, art) != _names_fields(
            new_names.scan_names, art
        ):
            names_differ += 1
        fa, fb = _fields(a), _fields(b)
        n_quotes += len(fb[0])
        pred_old += [{"article": art.id, "text": q.text, "speaker": q.speaker} for q in a.quotes]
        pred_new += [{"article": art.id, "text": q.text, "speaker": q.speaker} for q in b.quotes]
        if fa == fb:
            continue
        differ += 1
        # the quotations themselves (spans and words) and the quoted terms, speakers and cues aside
        if [(q[2], q[3]) for q in fa[0]] != [(q[2], q[3]) for q in fb[0]] or fa[1] != fb[1]:
            words_differ += 1
        qa, qb = {q[2]: q for q in fa[0]}, {q[2]: q for q in fb[0]}
        q_diff += len(set(qa) ^ set(qb)) + sum(qa[s] != qb[s] for s in set(qa) & set(qb))
        s_diff += sum(qa[s][4] != qb[s][4] for s in set(qa) & set(qb))
        if len(shown) < show:
            for s in sorted(set(qa) | set(qb), key=lambda sp: (sp.start, sp.end)):
                if qa.get(s) != qb.get(s) and len(shown) < show:
                    shown.append(f"{name} {art.id} {s.start}-{s.end}\n  old: {qa.get(s)}\n  new: {qb.get(s)}")
            if fa[1] != fb[1] and len(shown) < show:
                shown.append(f"{name} {art.id}: quoted terms differ ({len(fa[1])} old, {len(fb[1])} new)")
            if fa[2] != fb[2] and len(shown) < show:
                shown.append(f"{name} {art.id}: notes differ\n  old: {fa[2]}\n  new: {fb[2]}")
    n = max(len(articles), 1)
    row: list[object] = [name, len(articles), n_quotes, differ, words_differ, q_diff, s_diff, names_differ]
    row += [1000 * t_old / n, 1000 * t_new / n, t_new / t_old if t_old else float("nan")]
    if gold is not None:
        ids = [a.id for a in articles]
        so, sn = _quotes(gold, pred_old, ids), _quotes(gold, pred_new, ids)
        row += [
            f"{so.get('f1', '-')} / {sn.get('f1', '-')}",
            f"{so.get('speaker_accuracy', '-')} / {sn.get('speaker_accuracy', '-')}",
        ]
    else:
        row += ["-", "-"]
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", required=True, help="git revision of the earlier quotes stage")
    ap.add_argument("--allsides", type=int, default=3000, help="first N allsides_baly2020 articles (0: none)")
    ap.add_argument("--show", type=int, default=20, help="differences to print")
    ap.add_argument("--same", action="store_true", help="exit 1 when any output differs")
    ap.add_argument(
        "--same-quotes",
        action="store_true",
        help="exit 1 when a quotation's span or words, or a quoted term, differs (speakers and cues may)",
    )
    ap.add_argument(
        "--polnear-b",
        action="store_true",
        help="also score PolNeAR dev's half B, the stand-in for a test split (score it once before and once after)",
    )
    ap.add_argument(
        "--long",
        action="store_true",
        help="also time three invented articles of 46k, 91k and 182k characters (a spokesperson every 114)",
    )
    args = ap.parse_args()
    rows: list[list[object]] = []
    shown: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-quotes-versions-") as tmp:
        old = old_quotes(args.old, Path(tmp)).article_quotes
        names_old = sys.modules["names_old"]
        sets: list[tuple[str, list[Article], GoldSet | None]] = []
        for name in ("dev", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i", "heldout-j", "heldout-k"):
            path = REPO / "tests" / "gold" / name
            if (path / "gold.json").is_file():
                gold, arts = gold_articles(path)
                sets.append((name, arts, gold))
        data = shared_dir()
        for name, convert, folder in (("polnear-dev", convert_polnear, "polnear"), ("basil", convert_basil, "basil")):
            if data is not None and (data / "data" / folder).is_dir():
                convert(data / "data" / folder, Path(tmp) / name)
                gold, arts = gold_articles(Path(tmp) / name)
                if name == "polnear-dev":
                    half_a, half_b = polnear_halves([a.id for a in arts])
                    parts = [("-a", half_a, None)]
                    if args.polnear_b:  # the whole of dev holds B too
                        parts = [("", None, None), *parts, ("-b", half_b, None)]
                else:
                    parts = [("", None, None), ("-person-org", None, False), ("-group", None, True)]
                for suffix, ids, group in parts:
                    g, a = subset(gold, arts, ids, group)
                    sets.append((name + suffix, a, g))
        if args.allsides:
            sets.append((f"allsides first {args.allsides}", allsides_articles(args.allsides), None))
        if args.long:
            sets += [(name, arts, None) for name, arts in long_articles()]
        for name, arts, gold in sets:
            rows.append(compare(name, arts, gold, old, names_old, shown, args.show))
    print(
        table(
            f"quotes of {args.old} (old) against this tree (new), same articles, calls in turns",
            [
                "set",
                "articles",
                "quotes (new)",
                "articles differing",
                "of them in quoted words",
                "quotes differing",
                "speakers differing",
                "name scans differing",
                "old ms/article",
                "new ms/article",
                "new/old",
                "quote F1 old / new",
                "speaker acc old / new",
            ],
            rows,
        )
    )
    for line in shown:
        print(line)
    if args.same and any(r[3] or r[7] for r in rows):
        sys.exit(1)
    if args.same_quotes and any(r[4] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
