"""Rebuild tests/gold/heldout-g from the marked-up sources in src/articles/*.src.

Source format: header lines `key: value` (outlet, story, credit, speakers), a line `===`,
then the article as scraped (first line the headline). A body line starting with
`[B:kind] ` is page furniture (goes to `boilerplate`); `[K:kind] ` is a story line that
looks like furniture (kept; listed in `lookalike_kept`). Every other line is copied as is.
Quotations ("..." or curly) in non-furniture lines become `quotes`; `speakers` gives their
speakers in order of appearance, separated by `;` (`null` for unknown).

Run: python tests/gold/heldout-g/src/build.py
"""

import json
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MARK = re.compile(r"^\[(B|K):([a-z_]+)\] (.*)$")
QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”')


def main():
    (ROOT / "articles").mkdir(exist_ok=True)
    articles, boiler, kept, quotes, credits = {}, {}, [], [], {}
    kinds, kkinds = Counter(), Counter()
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
                out.append(text)
                if kind == "B":
                    boiler.setdefault(aid, []).append(text.strip())
                    kinds[tag] += 1
                    continue
                kept.append({"article": aid, "text": text.strip(), "kind": tag})
                kkinds[tag] += 1
                line = text
            else:
                out.append(line)
            if i > 0:
                nwords += len(line.split())
            for q in QUOTE.finditer(line):
                qs.append(q.group(1) or q.group(2))
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
        "framing": [],
        "lookalike_kept": kept,
    }
    (ROOT / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (ROOT / "credits.json").write_text(json.dumps(credits, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    stories = Counter(a["story"] for a in articles.values())
    print(f"articles {len(articles)}, stories {len(stories)}: {dict(sorted(stories.items()))}")
    print(f"boilerplate {sum(kinds.values())} lines in {len(boiler)} articles: {dict(kinds.most_common())}")
    print(f"kept look-alikes {len(kept)}: {dict(kkinds.most_common())}")
    print(f"quotes {len(quotes)}; credits {dict(Counter(credits.values()))}")
    print("words", min(words.values()), max(words.values()), {k: v for k, v in words.items() if not 150 <= v <= 350})


if __name__ == "__main__":
    main()
