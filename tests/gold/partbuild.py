"""The build tool of the written gold parts I to M: rebuild a part from its marked-up sources.

Each part's ``src/build.py`` calls :func:`main` with its own ``src`` folder; the part's
``articles/``, ``gold.json``, ``credits.json``, ``figures.json`` and ``near_misses.json`` are
rewritten from ``src/articles/*.src``, ``src/figures.src`` and ``src/near_misses.src``. It was
part I's tool (adapted from part H's; I calls it with ``voice_note=False`` and the word range it
printed), copied into J, K, L and M with only their paths changed
and two additions, kept here once: a framing span without a note gets the note "outlet's
voice" (J), and a source whose header has ``published: <ISO date>`` is written as
``articles/<id>.html``, a plain saved page whose head carries the date
(``article:published_time``), the site name (``og:site_name``) and the headline (``<title>``),
and whose body has the headline as ``<h1>`` and every line, furniture included, as one ``<p>``
inside ``<article>``, in the order of the source (M; such a line may not hold ``&``, ``<`` or
``>``). Every other source is written as ``articles/<id>.txt``. No part before M has a
``published:`` header, so I, J, K and L rebuild byte for byte as their own copies did.

Source format: header lines `key: value` (outlet, story, credit, speakers), a line `===`,
then the article as scraped (first line the headline). A body line starting with
`[B:kind] ` is page furniture (goes to `boilerplate`); `[K:kind] ` is a story line that
looks like furniture (kept; listed in `lookalike_kept`). Every other line is copied as is.

Framing: `{type:exact span}` or `{type:exact span|note}` inside a story line marks a
framing span (type one of attribution, hedge, scare_quote, loaded, naming); the braces
and the type are removed from the article, the span stays. Notes say whose voice the
span is in ("outlet" or "quoted") and, for naming, the canonical name.

`{notquote:"Title"|kind}` marks quotation marks that are neither a quotation nor framing
(a title of a work, a nickname): they go to `quotation_marks_not_quotes` (read by no
scorer) and not to `quotes`.

Quotations ("..." or curly) in non-furniture lines become `quotes`, except marks inside a
`scare_quote` span. A paragraph that opens a quotation and does not close it (the first
paragraphs of a multi-paragraph quote) gives a quote running to the end of the line; each
paragraph of such a quote is its own entry with the same speaker. `speakers` gives the
speakers in order of appearance, separated by `;` (`null` for unknown).

Facts: `[[f1:exact sentence]]` around one sentence of a story line marks the sentence as a
mention of fact `f1`. Framing marks may sit inside it; the brackets and ids are removed. A
fact id is used once per article and in at least two articles; ids are local to a story and
become `<story>:<id>` in gold.json. The format's validator lets a sentence belong to one
fact only, so a sentence that carries two claims which another outlet reports in two
sentences is marked `[[f1,f2:...]]`: it is a mention of its main claim `f1` in `facts`, and
is listed with its second claim `f2` (and f2's mentions) in `two_claim_sentences`, a key no
scorer reads; a fact whose other mentions are all such second claims is left out of
`facts` (it would have one article).

Figures: each line of src/figures.src is
`story | article-a | figure text a | article-b | figure text b | yes/no | why`; the figure
text must occur in exactly one sentence (a fact-marked sentence, or else a piece of the
line split after `.`, `!` or `?` and a space) of its article; that sentence goes to
figures.json with `"conflict": true` for `yes`.

Near misses: each line of src/near_misses.src is
`story | article-a | text a | article-b | text b | why`: two sentences (found as for
figures) that share names, topic or numbers but carry different claims, so that no fact links
them; they go to near_misses.json (read by no scorer: a list of links a method should not make).

"""

import json
import re
from collections import Counter

MARK = re.compile(r"^\[(B|K):([a-z_]+)\] (.*)$")
FRAME = re.compile(r"\{(attribution|hedge|scare_quote|loaded|naming|notquote):([^}|]+)(?:\|([^}]+))?\}")
FACT = re.compile(r"\[\[([a-z0-9,]+):(.*?)\]\]")
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


SPLIT = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"”’)])\s+")


def take_facts(aid, story, line, facts, sents, seconds):
    """The line without fact markup; each marked sentence recorded in `facts` and `sents`."""

    def repl(m):
        ids, inner = m.groups()
        plain = strip_framing(inner)[0].strip()
        sents.append(("fact", plain))
        main, *second = (f"{story}:{fid}" for fid in ids.split(","))
        for key in [main, *second]:
            if aid in facts.setdefault(key, {}) or aid in seconds.setdefault(key, {}):
                raise SystemExit(f"{aid}: fact {key} twice")
        facts[main][aid] = plain
        for key in second:
            seconds[key][aid] = (plain, main)
        return "\x00" + inner + "\x01"

    marked = FACT.sub(repl, line)
    if "[[" in marked or "]]" in marked:
        raise SystemExit(f"{aid}: stray fact bracket: {line}")
    # the unmarked stretches are split into sentences by the caller; keep the marks out
    return marked.replace("\x00", "").replace("\x01", "")


def find_sentence(sents, aid, fig):
    """The one sentence of article `aid` that holds `fig` (fact-marked sentences first)."""
    hits = sorted({s for k, s in sents[aid] if k == "fact" and fig in s})
    if not hits:
        hits = sorted({s for _, s in sents[aid] if fig in s})
    if len(hits) != 1:
        raise SystemExit(f"{fig!r} in {aid}: {len(hits)} sentences {hits}")
    return hits[0]


def read_near_misses(here, sents, facts):
    """near_misses.json entries from src/near_misses.src: pairs of sentences in no common fact."""
    out = []
    for raw in (here / "near_misses.src").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        story, a, ta, b, tb, why = (x.strip() for x in raw.split(" | "))
        sa, sb = find_sentence(sents, a, ta), find_sentence(sents, b, tb)
        for f in facts.values():
            if f.get(a) == sa and f.get(b) == sb:
                raise SystemExit(f"near miss {sa!r} / {sb!r} is a fact")
        out.append({"story": story, "articles": [a, b], "sentences": [sa, sb], "why": why})
    return out


def read_figures(here, sents):
    """figures.json entries from src/figures.src."""
    out = []
    for raw in (here / "figures.src").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        story, a, fa, b, fb, conflict, why = (x.strip() for x in raw.split(" | "))
        pair = []
        for aid, fig in ((a, fa), (b, fb)):
            pair.append((aid, find_sentence(sents, aid, fig), fig))
        out.append(
            {
                "story": story,
                "articles": [pair[0][0], pair[1][0]],
                "sentences": [pair[0][1], pair[1][1]],
                "figures": [pair[0][2], pair[1][2]],
                "conflict": {"yes": True, "no": False}[conflict],
                "why": why,
            }
        )
    return out


def as_html(aid, meta, lines):
    """A saved page for an article with a publication date in its metadata."""
    for line in lines:
        if any(c in line for c in "&<>"):
            raise SystemExit(f"{aid}: '&', '<' or '>' in a line of a page: {line}")
    head, *body = lines
    page = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{head}</title>",
        f'<meta property="og:site_name" content="{meta["outlet"]}">',
        f'<meta property="article:published_time" content="{meta["published"]}">',
        "</head>",
        "<body>",
        "<article>",
        f"<h1>{head}</h1>",
        *(f"<p>{line}</p>" for line in body if line.strip()),
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(page) + "\n"


def main(here, *, voice_note=True, words_range=(150, 300)):
    """Rebuild the part whose marked-up sources are in the folder ``here`` (its ``src``).

    ``voice_note``: a framing span without a note gets the note "outlet's voice" (J on; part I
    wrote none). ``words_range``: the story lengths the summary flags outside of (I: 150 to 260).
    """
    root = here.parent
    (root / "articles").mkdir(exist_ok=True)
    articles, boiler, kept, quotes, credits, framing = {}, {}, [], [], {}, []
    facts, sents, seconds, notquotes = {}, {}, {}, []
    kinds, kkinds, ftypes = Counter(), Counter(), Counter()
    words, dated = {}, {}
    for src in sorted((here / "articles").glob("*.src")):
        aid = src.stem
        head, body = src.read_text(encoding="utf-8").split("\n===\n", 1)
        meta = dict(line.split(": ", 1) for line in head.strip().splitlines())
        articles[aid] = {"outlet": meta["outlet"], "story": meta["story"]}
        credits[aid] = None if meta["credit"] == "null" else meta["credit"]
        speakers = [s.strip() for s in meta.get("speakers", "").split(";") if s.strip()]
        out, qs, nwords = [], [], 0
        sents[aid] = []
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
                text = take_facts(aid, meta["story"], text, facts, sents[aid], seconds)
                line, marks = strip_framing(text)
                kept.append({"article": aid, "text": line.strip(), "kind": tag})
                kkinds[tag] += 1
            else:
                line = take_facts(aid, meta["story"], line, facts, sents[aid], seconds)
                line, marks = strip_framing(line)
                if i > 0:
                    sents[aid].extend(("line", x) for x in SPLIT.split(line.strip()))
            out.append(line)
            if "{" in line or "}" in line:
                raise SystemExit(f"{aid}: stray brace: {line}")
            if i > 0:
                nwords += len(line.split())
            for _start, _end, typ, text, note in marks:
                if typ == "notquote":
                    notquotes.append({"article": aid, "text": text, "kind": note})
                    continue
                entry = {"article": aid, "text": text, "type": typ}
                # every span of J to M is in the outlet's voice; a naming note is the canonical name
                if note or voice_note:
                    entry["note"] = note if note else "outlet's voice"
                framing.append(entry)
                ftypes[typ] += 1
            scare = [(s, e) for s, e, t, _, _ in marks if t in ("scare_quote", "notquote")]
            for q in QUOTE.finditer(line):
                if any(s <= q.start() and q.end() <= e for s, e in scare):
                    continue
                qs.append(next(g for g in q.groups() if g is not None).rstrip())
        if len(qs) != len(speakers):
            raise SystemExit(f"{aid}: {len(qs)} quotes but {len(speakers)} speakers: {qs}")
        for t, s in zip(qs, speakers, strict=True):
            quotes.append({"article": aid, "text": t, "speaker": None if s == "null" else s})
        words[aid] = nwords
        for old in (root / "articles").glob(f"{aid}.*"):
            old.unlink()
        if "published" in meta:
            (root / "articles" / f"{aid}.html").write_text(as_html(aid, meta, out), encoding="utf-8")
            dated[aid] = meta["published"]
        else:
            (root / "articles" / f"{aid}.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    fact_list, two_claims = [], []
    for fid, mentions in facts.items():
        also = seconds.get(fid, {})
        if len(mentions) + len(also) < 2:
            raise SystemExit(f"fact {fid} has one article: {mentions}")
        if len(mentions) >= 2:
            fact_list.append({"id": fid, "mentions": mentions})
        for aid, (sent, main) in also.items():
            two_claims.append(
                {
                    "article": aid,
                    "sentence": sent,
                    "main_fact": main,
                    "second_fact": fid,
                    "second_fact_mentions": mentions,
                }
            )
    figures = read_figures(here, sents)
    near = read_near_misses(here, sents, facts)
    (root / "near_misses.json").write_text(json.dumps(near, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "figures.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    gold = {
        "articles": articles,
        "boilerplate": boiler,
        "facts": fact_list,
        "quotes": quotes,
        "framing": framing,
        "lookalike_kept": kept,
        "two_claim_sentences": two_claims,
        "quotation_marks_not_quotes": notquotes,
    }
    (root / "gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "credits.json").write_text(json.dumps(credits, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
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
    nlinks = sum(len(f["mentions"]) * (len(f["mentions"]) - 1) // 2 for f in fact_list)
    print(
        f"facts {len(fact_list)} ({nlinks} sentence pairs; two-claim sentences {len(two_claims)}); "
        f"figure pairs {len(figures)} (conflicts {sum(f['conflict'] for f in figures)}); "
        f"near misses {len(near)}"
    )
    print(f"dated (html) {len(dated)}: {dict(sorted(dated.items()))}")
    print(
        "words",
        min(words.values()),
        max(words.values()),
        {k: v for k, v in words.items() if not words_range[0] <= v <= words_range[1]},
    )
