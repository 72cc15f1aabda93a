"""A digest of everything ingest derives from an article's quotations, to show that a change
made for speed changes no output: per article, the quotations, quoted terms and notes of
:func:`newsprism.quotes.article_quotes`, the marks of :func:`newsprism.framing.corpus_marks`
given them, and the rows the store writes (``store._quote_rows``, ``store._mark_rows``).

Sets: the team's gold sets ``tests/gold/dev`` and ``heldout-e`` to ``heldout-k``, and the
first ``--allsides N`` articles of allsides_baly2020 (default 3,000) cleaned as ingest cleans
them. Prints one SHA-256 a set; ``--save FILE`` writes them, ``--check FILE`` compares with a
saved run (exit 1 on any difference, naming the first differing article of each set).

    python benchmarks/quotes_digest.py --save /tmp/before.json    # on the old commit
    python benchmarks/quotes_digest.py --check /tmp/before.json   # on the new one

Reads ``../shared/data`` at run time; nothing of it is kept.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import REPO
from bench_quotes_versions import allsides_articles, gold_articles

from newsprism.framing import corpus_marks
from newsprism.model import Article
from newsprism.quotes import article_quotes
from newsprism.store import _mark_rows, _quote_rows

GOLD = ("dev", "heldout-e", "heldout-f", "heldout-g", "heldout-h", "heldout-i", "heldout-j", "heldout-k")


def article_digest(article: Article) -> str:
    """The SHA-256 of the repr of what ingest derives from the article's quotations."""
    found = article_quotes(article)
    marks = corpus_marks(article, found.quotes, found.terms)
    parts = (
        found.quotes,
        found.terms,
        found.notes,
        marks,
        _quote_rows(article.id, article.text, found.quotes),
        _mark_rows(article.id, article.text, marks),
    )
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--allsides", type=int, default=3000, help="first N allsides_baly2020 articles (0: none)")
    ap.add_argument("--save", type=Path, help="write the digests (per article) to this JSON file")
    ap.add_argument("--check", type=Path, help="compare with digests saved by --save; exit 1 on a difference")
    args = ap.parse_args()
    sets: dict[str, list[Article]] = {name: gold_articles(REPO / "tests" / "gold" / name)[1] for name in GOLD}
    if args.allsides:
        sets["allsides"] = allsides_articles(args.allsides)
    found = {name: {a.id: article_digest(a) for a in arts} for name, arts in sets.items()}
    for name, per in found.items():
        whole = hashlib.sha256("".join(f"{k}:{v}\n" for k, v in sorted(per.items())).encode()).hexdigest()
        print(f"{name:10s} {len(per):5d} articles  {whole[:16]}")
    if args.save:
        args.save.write_text(json.dumps(found, sort_keys=True), encoding="utf-8")
    if args.check:
        saved = json.loads(args.check.read_text(encoding="utf-8"))
        bad = 0
        for name, per in found.items():
            old = saved.get(name, {})
            diff = sorted(k for k in per.keys() | old.keys() if per.get(k) != old.get(k))
            if diff:
                bad += len(diff)
                print(f"{name}: {len(diff)} articles differ, first {diff[0]}")
        print("identical" if not bad else f"{bad} articles differ")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
