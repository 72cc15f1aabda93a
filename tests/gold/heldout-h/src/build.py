"""Rebuild tests/gold/heldout-h from the marked-up sources in src/articles/*.src.

Adapted from tests/gold/heldout-g/src/build.py (same source format, plus framing marks and
multi-paragraph quotes).

Source format: header lines `key: value` (outlet, story, credit, speakers), a line `===`,
then the article as scraped (first line the headline). A body line starting with
`[B:kind] ` is page furniture (goes to `boilerplate`); `[K:kind] ` is a story line that
looks like furniture (kept; listed in `lookalike_kept`). Every other line is copied as is.

Framing: `{type:exact span}` or `{type:exact span|note}` inside a story line marks a
framing span (type one of attribution, hedge, scare_quote, loaded, naming); the braces
and the type are removed from the article, the span stays. Notes say whose voice the
span is in ("outlet" or "quoted") and, for naming, the canonical name.

Quotations ("..." or curly) in non-furniture lines become `quotes`, except marks inside a
`scare_quote` span. A paragraph that opens a quotation and does not close it (the first
paragraphs of a multi-paragraph quote) gives a quote running to the end of the line; each
paragraph of such a quote is its own entry with the same speaker. `speakers` gives the
speakers in order of appearance, separated by `;` (`null` for unknown).

Run: python tests/gold/heldout-h/src/build.py
"""

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MARK = re.compile(r"^\[(B|K):([a-z_]+)\] (.*)$")
FRAME = re.compile(r"\{(attribution|hedge|scare_quote|loaded|naming):([^}|]+)(?:\|([^}]+))?\}")
QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|"([^"]+)$|“([^”“]+)$')


def strip_framing(line):
    """The line without framing markup, and the marks as (start, end, type, text, note)."""
    out, marks, pos = [], [], 0
    for m in FRAME.finditer(line):
        out.append(line[pos : m.start()])
        start = sum(len(x) for x in out)
        typ, text, note = m.groups()
        out.append(text)
        marks.append((start, start + len(text), typ, text, note))
        pos = m.end()
    out.append(line[pos:])
    return "".join(out), marks


def main():
    (ROOT / "articles").mkdir(exist_ok=True)
    articles, boiler, kept, quotes, credits, framing = {}, {}, [], [], {}, []
    kinds, kkinds, ftypes = Counter(), Counter(), Counter()
    words = {}
    for src in sorted((HERE / "articles").glob("*.src")):
        aid = src.stem
        head, body = src.read_text(encoding="utf-8").split("\n===\n", 1)
        meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
        articles[aid] = {"outlet": meta["outlet"], "story": meta["story"]}
        credits[aid] = None if meta["credit"] == "null" else meta["credit"]
        speakers = [s.strip() for s in meta.get("speakers", "").split(";") if s.strip()]
        out, qs, nwords = [], [], 0
        for i, line in enumerate(body.rstrip("\n").split("\n")):
            m = MARK.match(line)
            if m:
                kind, tag, text = m.groups()
                if kind == "B":
                    if "{" in text:
                        raise SystemExit(f"{aid}: framing mark in furniture: {text}")
                    out.append(text)
                    boiler.setdefault(aid, []).append(text.strip())
                    kinds[tag] += 1
                    continue
                line, marks = strip_framing(text)
                kept.append({"article": aid, "text": line.strip(), "kind": tag})
                kkinds[tag] += 1
            else:
                line, marks = strip_framing(line)
            out.append(line)
            if "{" in line or "}" in line:
                raise SystemExit(f"{aid}: stray brace: {line}")
            if i > 0:
                nwords += len(line.split())
            for _start, _end, typ, text, note in marks:
                entry = {"article": aid, "text": text, "type": typ}
                if note:
                    entry["note"] = note
                framing.append(entry)
                ftypes[typ] += 1
            scare = [(s, e) for s, e, t, _, _ in marks if t == "scare_quote"]
            for q in QUOTE.finditer(line):
                if any(s <= q.start() and q.end() <= e for s, e in scare):
                    continue
                qs.append(next(g for g in q.groups() if g is not None).rstrip())
        if len(qs) != len(speakers):
            raise SystemExit(f"{aid}: {len(qs)} quotes but {len(speakers)} speakers: {qs}")
        for t, s in zip(qs, speakers, strict=True):
            quotes.append({"article": aid, "text": t, "speaker": None if s == "null" else s})
        words[aid] = nwords
        (ROOT / "articles" / f"{aid}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    gold = {
        "articles": articles,
        "boilerplate": boiler,
        "facts": [],
        "quotes": quotes,
        "framing": framing,
        "lookalike_kept": kept,
    }
    (ROOT / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (ROOT / "credits.json").write_text(json.dumps(credits, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    stories = Counter(a["story"] for a in articles.values())
    print(f"articles {len(articles)}, stories {len(stories)}: {dict(sorted(stories.items()))}")
    print(
        f"outlets {len({a['outlet'] for a in articles.values()})}: {dict(Counter(a['outlet'] for a in articles.values()))}"
    )
    print(f"boilerplate {sum(kinds.values())} lines in {len(boiler)} articles: {dict(kinds.most_common())}")
    print(f"kept look-alikes {len(kept)}: {dict(kkinds.most_common())}")
    print(
        f"quotes {len(quotes)} (null speaker {sum(q['speaker'] is None for q in quotes)}); "
        f"credits {dict(Counter(credits.values()))}"
    )
    print(f"framing {len(framing)}: {dict(ftypes.most_common())}")
    print("words", min(words.values()), max(words.values()), {k: v for k, v in words.items() if not 150 <= v <= 260})


if __name__ == "__main__":
    main()
