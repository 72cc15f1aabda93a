"""Agency credits on real articles: how many articles of allsides_baly2020 newsprism credits
to each news agency, in which form, and a sample to check by hand.

Data, read at run time (nothing of it is copied into the repository):
``../shared/data/allsides_baly2020/articles.jsonl.gz`` (37,554 full articles from 491 US
outlets). Each record's text is the body; its ``authors`` field is the byline, as the JSONL
reader takes it. Credits are found as :func:`newsprism.api.load_articles` finds them
(``newsprism.credits.find_credits`` over the raw body's edges and the byline).

How: every record is read; ``credited`` counts the articles with a credit, per agency (an
article crediting two counts for both) and per form; ``mentions`` counts the articles whose
text names an agency (as written or in capitals) anywhere, credited or not. The time per
article is measured against reading the record alone (the baseline, same run) and, for
scale, against the cleaner (``clean_body``), which every article goes through too.

    python benchmarks/bench_credits.py [--limit N] [--sample 40] [--seed 0] [--old REV [--changed 40]]
        [--skip PARTS] [--heldout]

The written gold parts: every seen ``tests/gold/*/credits.json`` (a part joins when it has
one; seen: ``_common.SEEN_PARTS``) but those named in ``--skip`` is scored, each article's
credit against the file's (``null`` for own reporting, ``agency`` for a credit that names
none), as ``tests/test_credits.py`` checks them. The held-out parts are scored too only with
``--heldout`` (for the lead's one scoring at the end).

``--old REV`` (a git revision) loads ``src/newsprism/credits.py`` of that revision beside this
tree's (with ``git show``; its other imports and the word lists are this tree's) and prints,
in the same run, both versions' counts per agency and per form, both versions' scores on the
written parts, and the articles whose credit changes (``--changed N`` of them, seeded, with
the lines each version reads as credits) to judge by hand.

``--sample N`` prints N credited articles (the credit line) and N not credited but naming an
agency (the lines that name it, the byline field, the first and last lines), to judge by
hand whether the credit is right and whether a credit was missed. The printout is for the
terminal only: never paste it into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common
from _common import old_module, shared_dir, skip, table

from newsprism import credits as new
from newsprism.clean import CleanOptions, clean_body
from newsprism.credits import GENERIC, _agencies, credit_of, find_credits
from newsprism.readers import read_path


def old_credits(rev: str, folder: Path) -> ModuleType:
    """``newsprism.credits`` of ``rev`` (its relative imports read this tree's modules)."""
    return old_module(rev, "credits", folder)


def gold_parts(heldout: bool = False, skip: str = "") -> list[Path]:
    """Every seen written gold part with a ``credits.json`` (and with ``heldout`` the held-out
    ones too), by name, but those named in ``skip`` (comma-separated)."""
    left_out = {x.strip() for x in skip.split(",") if x.strip()}
    return [p for p in _common.gold_parts("credits.json", heldout) if p.name not in left_out]


def score_part(part: Path, module: ModuleType) -> tuple[int, int, list[str]]:
    """Articles of ``part`` whose credit ``module`` reads as its ``credits.json`` says, of all,
    and the others (``id: got, want``)."""
    want = json.loads((part / "credits.json").read_text(encoding="utf-8"))
    short = {"Associated Press": "AP", "agency": GENERIC}
    right, wrong = 0, []
    for art, credit in sorted(want.items()):
        [path] = [p for p in (part / "articles").glob(f"{art}.*") if p.suffix in (".txt", ".html", ".htm")]
        raw = read_path(path)[0]
        got = module.credit_of(module.find_credits(raw.body, byline=raw.byline))
        expected = short.get(credit, credit) if credit else None
        if got == expected:
            right += 1
        else:
            wrong.append(f"{art}: {got}, want {expected}")
    return right, len(want), wrong


def counts(
    module: ModuleType, records: list[tuple[str, str, str]]
) -> tuple[Counter[str], Counter[str], dict[str, Any]]:
    """Articles per agency and per form, and each credited article's credits, by id."""
    per_agency: Counter[str] = Counter()
    per_form: Counter[str] = Counter()
    found_by_id: dict[str, Any] = {}
    for rid, body, byline in records:
        found = module.find_credits(body, byline=byline or None)
        credit = module.credit_of(found)
        if credit:
            found_by_id[rid] = found
            per_agency.update(credit.split(", "))
            per_form.update({c.form for c in found})
    return per_agency, per_form, found_by_id


def compare_versions(args: argparse.Namespace, records: list[tuple[str, str, str]]) -> None:
    """Both versions' counts, written-part scores and changed articles, in one run."""
    with tempfile.TemporaryDirectory() as tmp:
        old = old_credits(args.old, Path(tmp))
        label_old, label_new = f"{old.CREDITS_VERSION} ({args.old})", f"{new.CREDITS_VERSION} (this tree)"
        rows = []
        for part in gold_parts(args.heldout, args.skip):
            r_old, n, w_old = score_part(part, old)
            r_new, _, w_new = score_part(part, new)
            rows.append([part.name, f"{r_old} of {n}", f"{r_new} of {n}", "; ".join(w_new) or "-"])
            if w_old:
                print(f"{part.name} wrong with {label_old}: {'; '.join(w_old)}")
        print(table("Written gold parts: articles credited right", ["part", label_old, label_new, "wrong now"], rows))
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(2):  # alternating, twice each: the machine's load drifts
            t0 = time.perf_counter()
            a_old, f_old, by_old = counts(old, records)
            times["old"].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            a_new, f_new, by_new = counts(new, records)
            times["new"].append(time.perf_counter() - t0)
    n = max(1, len(records))
    print(
        table(
            "Time to find credits (same run, alternating; best of 2)",
            ["version", "ms/article", "ratio to old"],
            [
                [label_old, 1000 * min(times["old"]) / n, 1.0],
                [label_new, 1000 * min(times["new"]) / n, min(times["new"]) / max(min(times["old"]), 1e-9)],
            ],
        )
    )
    print(
        table(
            "Articles credited per agency",
            ["agency", label_old, label_new],
            [[a, a_old[a], a_new[a]] for a in sorted(set(a_old) | set(a_new), key=lambda a: (-a_new[a], a))],
        )
    )
    print(
        table(
            "Articles per credit form",
            ["form", label_old, label_new],
            [[f, f_old[f], f_new[f]] for f in sorted(set(f_old) | set(f_new), key=lambda f: (-f_new[f], f))],
        )
    )
    changed = [rid for rid, _, _ in records if _credit(by_old.get(rid)) != _credit(by_new.get(rid))]
    print(f"{len(changed)} articles of {len(records)} change their credit; {len(by_old)} -> {len(by_new)} credited")
    rnd = random.Random(args.seed)
    shown = sorted(rnd.sample(changed, min(args.changed, len(changed))))
    print(f"\n# changed (which version is right?), {len(shown)} of {len(changed)}")
    for rid in shown:
        print(f"- {rid}: {_credit(by_old.get(rid))} -> {_credit(by_new.get(rid))}")
        for tag, found in (("old", by_old.get(rid) or ()), ("new", by_new.get(rid) or ())):
            for c in found:
                print(f"    {tag} {c.form}:{','.join(c.agencies)}: {c.line[:120]}")


def _credit(found: Any) -> str | None:
    """The credit string of an article's credits (None without)."""
    return credit_of(found) if found else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="read at most N records (0: all)")
    ap.add_argument("--sample", type=int, default=0, help="print N credited and N uncredited mentioning an agency")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--old", help="a git revision: compare its credits.py with this tree's")
    ap.add_argument("--changed", type=int, default=40, help="with --old: print N articles whose credit changes")
    ap.add_argument("--skip", default="", help="written parts not to score, comma-separated")
    ap.add_argument("--heldout", action="store_true", help="score the held-out parts too (the lead's one scoring)")
    args = ap.parse_args()
    shared = shared_dir()
    path = shared / "data" / "allsides_baly2020" / "articles.jsonl.gz" if shared else None
    if path is None or not path.is_file():
        skip("../shared/data/allsides_baly2020/articles.jsonl.gz is not there")
    assert path is not None
    records = []
    t0 = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit and n >= args.limit:
                break
            rec = json.loads(line)
            records.append((rec.get("ID") or str(n), rec.get("content_original") or "", rec.get("authors") or ""))
    read_s = time.perf_counter() - t0
    if args.old:
        compare_versions(args, records)
        return
    rows = []
    for part in gold_parts(args.heldout, args.skip):
        right, n, wrong = score_part(part, new)
        rows.append([part.name, f"{right} of {n}", "; ".join(wrong) or "-"])
    print(table(f"Written gold parts ({new.CREDITS_VERSION})", ["part", "credited right", "wrong"], rows))
    pattern = _agencies().pattern
    t0 = time.perf_counter()
    for _rid, body, _byline in records:
        clean_body(body)
    clean_s = time.perf_counter() - t0
    per_agency: Counter[str] = Counter()
    per_form: Counter[str] = Counter()
    credited, mentioning = [], []
    t0 = time.perf_counter()
    for rid, body, byline in records:
        found = find_credits(body, byline=byline or None)
        credit = credit_of(found)
        if credit:
            credited.append((rid, body, byline, found))
            per_agency.update(credit.split(", "))
            per_form.update({c.form for c in found})
        elif pattern.search(body):
            mentioning.append((rid, body, byline))
    credit_s = time.perf_counter() - t0
    n = len(records)
    print(
        f"{n} articles, {len(credited)} credited ({len(credited) / max(1, n):.1%}), "
        f"{len(mentioning)} not credited but naming an agency"
    )
    print(table("Articles credited per agency", ["agency", "articles"], [[a, c] for a, c in per_agency.most_common()]))
    print(table("Articles per credit form", ["form", "articles"], [[f, c] for f, c in per_form.most_common()]))
    print(
        table(
            "Time (same run)",
            ["step", "seconds", "ms/article", "ratio to reading"],
            [
                ["read the record (baseline)", read_s, 1000 * read_s / max(1, n), 1.0],
                [
                    f"clean the body ({CleanOptions().version})",
                    clean_s,
                    1000 * clean_s / max(1, n),
                    clean_s / max(read_s, 1e-9),
                ],
                ["find credits", credit_s, 1000 * credit_s / max(1, n), credit_s / max(read_s, 1e-9)],
            ],
        )
    )
    if args.sample:
        rnd = random.Random(args.seed)
        print("\n# credited (is the credit right?)")
        for rid, _body, byline, found in rnd.sample(credited, min(args.sample, len(credited))):
            shown = " | ".join(f"{c.form}:{','.join(c.agencies)}: {c.line[:110]}" for c in found)
            print(f"- {rid} [byline field: {byline[:40]}] {shown}")
        print("\n# not credited, naming an agency (was a credit missed?)")
        for rid, body, byline in rnd.sample(mentioning, min(args.sample, len(mentioning))):
            lines = [x.strip() for x in body.splitlines() if x.strip()]
            named = [x[:110] for x in lines if pattern.search(x)][:2]
            print(
                f"- {rid} [byline field: {byline[:40]}] first: {lines[0][:90]!r} last: {lines[-1][:90]!r} "
                f"naming: {named}"
            )


if __name__ == "__main__":
    main()
