"""Converters from public data sets to gold sets (newsprism.eval.convert).

Every fixture here is invented text in the layout of the data set it mimics; none of it comes
from the data sets. The tests that read the real data (``shared/data``) skip without it.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism.cli import main as cli_main
from newsprism.eval import convert as cv
from newsprism.eval.convert import polnear as polnear_mod
from newsprism.eval.convert._common import _quote_regions
from newsprism.eval.convert.newswcl50 import _detokenize
from newsprism.eval.gold import load_gold, validate
from newsprism.eval.scoring import score_bodies

# ---------------------------------------------------------------- helpers


def read_gold(dest: Path) -> dict:
    return json.loads((dest / "gold.json").read_text(encoding="utf-8"))


def article_text(dest: Path, aid: str) -> str:
    return (dest / "articles" / f"{aid}.txt").read_text(encoding="utf-8")


def assert_valid(dest: Path) -> dict:
    """gold.json follows the format, and every span is an exact substring of its article file."""
    gold = read_gold(dest)
    assert set(gold) >= {"articles", "boilerplate", "facts", "quotes", "framing"}
    for aid, meta in gold["articles"].items():
        assert {"outlet", "story"} <= set(meta) <= {"outlet", "story", "date"}  # a date where the data has one
        assert meta["story"]
        assert (dest / "articles" / f"{aid}.txt").is_file() or (dest / "articles" / f"{aid}.html").is_file()
        assert all(c.isalnum() or c in "._-" for c in aid)
    for q in gold["quotes"]:
        assert set(q) == {"article", "text", "speaker"}
        assert q["text"] and q["text"] in article_text(dest, q["article"])
    for f in gold["framing"]:
        assert f["type"] in ("attribution", "hedge", "scare_quote", "loaded", "naming")
        assert f["text"] and f["text"] in article_text(dest, f["article"])
    assert gold["quotes"] == sorted(gold["quotes"], key=lambda q: (q["article"], q["text"], q["speaker"] or ""))
    assert validate(load_gold(dest)) == []
    return gold


# ---------------------------------------------------------------- BASIL fixture

TRIPLET = "0f0e0d0c-1111-4222-8333-944455556666"

BASIL_ARTICLES = {
    1: (
        "fox",
        "Harbor council approves new ferry tolls",
        [
            ["The Lowport harbor council approved new ferry tolls on Monday after a heated debate."],
            [
                '"This is a reckless tax on working families," said councillor Mara Velden.',
                '"We will fight it at every meeting."',
            ],
            ["Critics called the plan a cash grab by a bloated council."],
        ],
    ),
    2: (
        "NYT",
        "Lowport raises ferry tolls to fund repairs",
        [
            ["Lowport will raise ferry tolls to pay for pier repairs, the harbor council decided."],
            ['Ines Martínez, the harbor master, said the money was "needed to keep the piers safe for everyone."'],
        ],
    ),
    3: (
        "hpo",
        "Ferry riders face steeper fares",
        [["Ferry riders in Lowport face steeper fares from May, officials said."]],
    ),
}


def phrase(pid: str, sentence: str, txt: str, **kw) -> dict:
    base = {
        "aim": "dir",
        "bias": "lex",
        "id": pid,
        "indirect-ally-opponent-sentiment": "",
        "indirect-target-name": "",
        "notes": "",
        "polarity": "neg",
        "quote": "no",
        "speaker": "",
        "start": sentence.find(txt),
        "end": sentence.find(txt) + len(txt),
        "target": "Harbor_council",
        "txt": txt,
    }
    base.update(kw)
    return base


def make_basil(root: Path) -> Path:
    src = root / "basil"
    for n, (source, title, paras) in BASIL_ARTICLES.items():
        (src / "articles" / "2013").mkdir(parents=True, exist_ok=True)
        art = {
            "source": source,
            "title": title,
            "body-paragraphs": paras,
            "triplet-uuid": TRIPLET,
            "uuid": f"uuid-{n}",
            "main-event": "ferry tolls",
        }
        (src / "articles" / "2013" / f"{TRIPLET}_{n}.json").write_text(json.dumps(art), encoding="utf-8")
    s1 = [s for p in BASIL_ARTICLES[1][2] for s in p]
    s2 = [s for p in BASIL_ARTICLES[2][2] for s in p]
    ann1 = [
        phrase("p0", s1[0], "heated"),  # loaded
        phrase("p1", s1[1], "reckless tax", quote="yes", speaker="Mara_Velden"),  # loaded in a quote + quote
        phrase("p2", s1[2], "We will fight it", bias="inf", quote="yes", speaker="Mara_Velden"),
        phrase("p3", s1[3], "cash grab"),  # loaded
        phrase("p3", s1[3], "bloated", quote="yes", speaker="other_anti"),  # lex in "quote", category speaker
        phrase("p3", s1[3], "never written anywhere"),  # not in the text
        phrase("title", BASIL_ARTICLES[1][1], "new ferry tolls", bias="inf"),
    ]
    ann2 = [
        phrase("p1", s2[1], "needed to keep the piers safe", bias="inf", quote="yes", speaker="Ines_Mart"),
        phrase("p0", s2[0], "to pay for pier repairs", bias="inf", quote="yes", speaker="Harbor_council"),
    ]
    (src / "annotations" / "2013").mkdir(parents=True)
    for n, anns in ((1, ann1), (2, ann2), (3, [])):
        doc = {"phrase-level-annotations": anns, "triplet-uuid": TRIPLET, "article-level-annotations": {}}
        (src / "annotations" / "2013" / f"{TRIPLET}_{n}_ann.json").write_text(json.dumps(doc), encoding="utf-8")
    return src


def test_basil_converts_triplet_quotes_and_loaded(tmp_path: Path) -> None:
    src = make_basil(tmp_path)
    dest = tmp_path / "out"
    summary = cv.convert_basil(src, dest)
    gold = assert_valid(dest)
    assert (summary.name, summary.articles, summary.stories) == ("basil", 3, 1)
    arts = gold["articles"]
    assert {m["story"] for m in arts.values()} == {TRIPLET}
    assert arts[f"{TRIPLET}_1"]["outlet"] == "Fox News"
    assert arts[f"{TRIPLET}_2"]["outlet"] == "New York Times"
    assert arts[f"{TRIPLET}_3"]["outlet"] == "HuffPost"
    first = article_text(dest, f"{TRIPLET}_1")
    assert first.splitlines()[0] == "Harbor council approves new ferry tolls"
    assert first.splitlines()[2].startswith('"This is a reckless tax')  # one paragraph a line
    quotes = {(q["text"], q["speaker"]) for q in gold["quotes"]}
    assert quotes == {
        ("This is a reckless tax on working families,", "Mara Velden"),
        ("We will fight it at every meeting.", "Mara Velden"),
        ("needed to keep the piers safe for everyone.", "Ines Martínez"),  # name completed from text
    }
    loaded = {f["text"] for f in gold["framing"] if f["type"] == "loaded"}
    assert loaded == {"heated", "cash grab"}
    assert all("BASIL lexical bias" in f["note"] for f in gold["framing"])
    assert gold["facts"] == [] and gold["boilerplate"] == {}
    sk = summary.skipped
    assert sk["lexical bias inside a quotation (the speaker's word, not the outlet's)"] == 2
    assert sk["quote speaker only a category (other_pro/anti/neutral), not a name"] == 1
    assert sk["quote span not inside quotation marks (paraphrase)"] == 1
    assert sk["phrase not found in its article"] == 1
    assert summary.quotes == 3 and summary.framing == 2


def test_basil_quoted_loaded_option_and_limit(tmp_path: Path) -> None:
    src = make_basil(tmp_path)
    summary = cv.convert_basil(src, tmp_path / "out", quoted_loaded=True)
    gold = assert_valid(tmp_path / "out")
    assert {"reckless tax", "bloated"} <= {f["text"] for f in gold["framing"]}
    assert summary.framing == 4
    empty = cv.convert_basil(src, tmp_path / "none", limit=0)
    assert (empty.articles, empty.stories) == (0, 0)


def test_basil_missing_and_malformed(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="articles"):
        cv.convert_basil(tmp_path / "nowhere", tmp_path / "out")
    src = make_basil(tmp_path)
    bad = src / "articles" / "2013" / f"{TRIPLET}_1.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError) as err:
        cv.convert_basil(src, tmp_path / "out")
    assert str(bad) in str(err.value) and "\n" not in str(err.value)


# ---------------------------------------------------------------- PolNeAR fixture

POLNEAR_TEXT = """Mayor Quist Defends Bridge Budget.

Mayor Elin Quist on Tuesday defended the bridge budget. “We did the sums twice and the numbers hold,” Quist told reporters.

The opposition said the plan was “pure fantasy” and promised to vote against it.

Officials said the bridge would open in 2027.

“Nobody here wants a half-built bridge,” one planning memo read.
"""


def brat_span(text: str, tid: str, kind: str, needle: str) -> str:
    at = text.index(needle)
    return f"{tid}\t{kind} {at} {at + len(needle)}\t{needle}"


def make_polnear(root: Path) -> Path:
    src = root / "polnear"
    data = src / "data"
    for sub in ("dev/text", "dev/attributions", "train/text", "train/attributions"):
        (data / sub).mkdir(parents=True)
    name = "wash-post_2016-10-01_mayor-quist-defends-bridge"
    (data / "dev" / "text" / f"{name}.txt").write_text(POLNEAR_TEXT, encoding="utf-8")
    t = POLNEAR_TEXT
    lines = [
        brat_span(t, "T1", "Source", "Quist told"[:5]),
        brat_span(t, "T2", "Cue", "told reporters"[:4]),
        brat_span(t, "T3", "Content", "“We did the sums twice and the numbers hold,”"),
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
        brat_span(t, "T4", "Source", "The opposition"),
        brat_span(t, "T5", "Cue", "said the plan"[:4]),
        brat_span(t, "T6", "Content", "the plan was “pure fantasy”"),
        "E2\tAttribution:T5 Content:T6 Cue:T5 Source:T4",
        brat_span(t, "T7", "Source", "Officials"),
        brat_span(t, "T8", "Content", "the bridge would open in 2027"),
        "E3\tAttribution:T8 Content:T8 Source:T7",
        brat_span(t, "T9", "Content", "Nobody here wants a half-built bridge,"),
        "E4\tAttribution-no-source:T9 Content:T9",
        "#1\tAnnotatorNotes T1\tan invented note",
    ]
    (data / "dev" / "attributions" / f"{name}_ab12.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (data / "dev" / "attributions" / f"{name}_cd34.ann").write_text("", encoding="utf-8")
    other = "politico_2016-10-02_no-quotes-here"
    (data / "dev" / "text" / f"{other}.txt").write_text("No Quotes Here\n\nA calm day.\n", encoding="utf-8")
    (data / "dev" / "attributions" / f"{other}_ab12.ann").write_text("", encoding="utf-8")
    train = "nyt_2016-01-05_train-article"
    (data / "train" / "text" / f"{train}.txt").write_text(
        'Train Title\n\n"Trains run late every single day," Ada Holm said.\n', encoding="utf-8"
    )
    tt = (data / "train" / "text" / f"{train}.txt").read_text(encoding="utf-8")
    (data / "train" / "attributions" / f"{train}_ab12.ann").write_text(
        "\n".join(
            [
                brat_span(tt, "T1", "Source", "Ada Holm"),
                brat_span(tt, "T2", "Content", "Trains run late every single day,"),
                "E1\tAttribution:T2 Content:T2 Source:T1",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    rows = [
        ["compartment", "filename", "level", "annotators", "publisher", "publication_date", "author", "title"],
        [
            "dev",
            name,
            "level-1",
            "ab12|cd34",
            "wash-post",
            "2016-10-01",
            "A. Writer",
            "Mayor Quist Defends Bridge Budget",
        ],
        ["dev", other, "level-1", "ab12", "politico", "2016-10-02", "B. Writer", "No Quotes Here"],
        ["train", train, "level-1", "ab12", "nyt", "2016-01-05", "C. Writer", "Train Title"],
    ]
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\n").writerows(rows)
    (data / "metadata.tsv").write_text(buf.getvalue(), encoding="utf-8")
    return src


def test_polnear_direct_quotes_with_sources(tmp_path: Path) -> None:
    src = make_polnear(tmp_path)
    dest = tmp_path / "out"
    summary = cv.convert_polnear(src, dest)
    gold = assert_valid(dest)
    name = "wash-post_2016-10-01_mayor-quist-defends-bridge"
    assert (summary.articles, summary.stories) == (2, 2)
    assert gold["articles"][name] == {"outlet": "Washington Post", "story": name}
    assert gold["articles"]["politico_2016-10-02_no-quotes-here"]["outlet"] == "Politico"
    assert article_text(dest, name) == POLNEAR_TEXT  # written as it is
    quotes = {(q["text"], q["speaker"]) for q in gold["quotes"]}
    assert quotes == {
        ("We did the sums twice and the numbers hold,", "Quist"),
        ("Nobody here wants a half-built bridge,", None),
    }
    assert summary.skipped["quoted fragment under 3 words (scare quote or label)"] == 1
    assert summary.skipped["other annotators' copies of an article (first kept)"] == 1
    assert gold["framing"] == []


def test_polnear_train_split_and_errors(tmp_path: Path) -> None:
    src = make_polnear(tmp_path)
    summary = cv.convert_polnear(src, tmp_path / "train", split="train")
    gold = assert_valid(tmp_path / "train")
    assert summary.articles == 1
    assert gold["quotes"] == [
        {"article": "nyt_2016-01-05_train-article", "text": "Trains run late every single day,", "speaker": "Ada Holm"}
    ]
    assert gold["articles"]["nyt_2016-01-05_train-article"]["outlet"] == "New York Times"
    with pytest.raises(ValueError, match="split"):
        cv.convert_polnear(src, tmp_path / "x", split="everything")
    (src / "data" / "metadata.tsv").unlink()
    with pytest.raises(ValueError, match="metadata"):
        cv.convert_polnear(src, tmp_path / "x")


SPEAKER_KINDS = ("pronoun", "surname", "description", "name", "group", "null", "fixed", "as written")


def test_polnear_bundled_speaker_overlay_is_well_formed() -> None:
    """The hand-made dev overlay: header and columns, 8-hex keys, unique (article, sha8), a kind
    first in every note, a speaker unless the kind is null, and no cell long enough to be text."""
    text = polnear_mod.bundled_speaker_overlay("dev")
    assert text is not None and polnear_mod.bundled_speaker_overlay("train") is None
    lines = text.splitlines()
    assert lines[0].startswith("#")
    body = [line for line in lines if line and not line.startswith("#")]
    assert body[0].split("\t") == list(polnear_mod.SPEAKER_COLUMNS)
    rows = [line.split("\t") for line in body[1:]]
    assert len(rows) > 600
    keys = set()
    for article, sha8, source, speaker, note in rows:  # five cells, or the unpacking fails
        assert re.fullmatch(r"[0-9a-f]{8}", sha8)
        assert re.fullmatch(
            r"(breitbart|huff-post|nyt|politico|usa-today|wash-post|west-journal)_2016-\d\d-\d\d_[a-z0-9-]+", article
        )
        assert (article, sha8) not in keys
        keys.add((article, sha8))
        kind = note.split(":", 1)[0]
        assert kind in SPEAKER_KINDS, note
        assert bool(speaker) == (kind != "null"), (article, sha8)
        if kind == "as written":
            assert speaker == source
        assert speaker == " ".join(speaker.split()) and not speaker.lower().startswith(("sen. ", "mr. ", "rep. "))
        assert max(len(source), len(speaker), len(note)) < 200  # names and remarks, never article text
    assert len(polnear_mod.load_speaker_overlay(text)) == len(rows)


def test_polnear_applies_a_speaker_overlay(tmp_path: Path) -> None:
    src = make_polnear(tmp_path)
    name = "wash-post_2016-10-01_mayor-quist-defends-bridge"
    sums = "We did the sums twice and the numbers hold,"
    nobody = "Nobody here wants a half-built bridge,"
    assert polnear_mod.quote_sha8(" We did  the sums twice\nand the numbers hold,") == polnear_mod.quote_sha8(sums)
    overlay = tmp_path / "speakers.tsv"
    overlay.write_text(
        "# an invented overlay\n"
        "article\tquote_sha8\tsource_as_written\tspeaker\tnote\n"
        f"{name}\t{polnear_mod.quote_sha8(sums)}\tQuist\tElin Quist\tsurname\n"
        f"{name}\t{polnear_mod.quote_sha8(nobody)}\tsomeone else\tA. Planner\tfixed\n"  # source differs: not applied
        f"{name}\t{polnear_mod.quote_sha8('not a quote of the article')}\tX\tY\tname\n",  # no such quote: ignored
        encoding="utf-8",
    )
    summary = cv.convert_polnear(src, tmp_path / "out", speakers=overlay)
    gold = assert_valid(tmp_path / "out")
    assert {(q["text"], q["speaker"]) for q in gold["quotes"]} == {(sums, "Elin Quist"), (nobody, None)}
    assert summary.counts == {"speakers set from the overlay": 1, "of them changed": 1}
    assert "1 speakers set from the overlay" in str(summary)
    assert summary.skipped["speaker overlay row whose source text is not the data's (not applied)"] == 1
    # null in the overlay clears a speaker; no overlay keeps the Source text
    overlay.write_text(
        f"article\tquote_sha8\tsource_as_written\tspeaker\tnote\n{name}\t{polnear_mod.quote_sha8(sums)}\tQuist\t\tnull\n",
        encoding="utf-8",
    )
    cv.convert_polnear(src, tmp_path / "out", speakers=overlay)
    assert {(q["text"], q["speaker"]) for q in read_gold(tmp_path / "out")["quotes"]} == {(sums, None), (nobody, None)}
    summary = cv.convert_polnear(src, tmp_path / "plain", speakers=None)
    assert {(q["text"], q["speaker"]) for q in read_gold(tmp_path / "plain")["quotes"]} == {
        (sums, "Quist"),
        (nobody, None),
    }
    assert summary.counts == {}
    for bad, message in (
        ("article\tsha\tsource\tspeaker\tnote\n", "header"),
        (f"article\tquote_sha8\tsource_as_written\tspeaker\tnote\n{name}\tXYZ12345\ta\tb\tc\n", "hex"),
        (f"article\tquote_sha8\tsource_as_written\tspeaker\tnote\n{name}\tabcdef12\ta\tb\n", "cells"),
        ("article\tquote_sha8\tsource_as_written\tspeaker\tnote\n" + f"{name}\tabcdef12\ta\tb\tc\n" * 2, "twice"),
        ("# only a comment\n", "header"),
    ):
        overlay.write_text(bad, encoding="utf-8")
        with pytest.raises(ValueError, match=message):
            cv.convert_polnear(src, tmp_path / "bad", speakers=overlay)
    with pytest.raises(ValueError, match="speaker overlay"):
        cv.convert_polnear(src, tmp_path / "bad", speakers=tmp_path / "missing.tsv")


# ---------------------------------------------------------------- NewsWCL50 fixture

WCL_DOCS = {
    # doc: list of sentences, each a list of tokens; "\\n" ends a paragraph
    "0_L": [
        ["Lake", "council", "bans", "motor", "boats", "\\n"],
        ["The", "lake", "council", "of", "Varnby", "banned", "motor", "boats", "on", "Friday", "."],
        ["Mayor", "Osk", "Lind", "called", "it", "a", '"', "long", "-", "overdue", "step", '"', ".", "\\n"],
        ["Boat", "owners", "said", "they", "were", "n't", "consulted", "."],
    ],
    "0_R": [
        ["Bureaucrats", "crush", "boaters", "'", "freedom", "\\n"],
        ["Varnby", "'s", "power", "-", "hungry", "council", "rammed", "through", "a", "boat", "ban", ".", "\\n"],
    ],
    "1_L": [["Snow", "closes", "mountain", "pass", "\\n"], ["The", "pass", "closed", "(", "again", ")", "."]],
}

WCL_ANNOTATIONS = [
    # id, code_type, code_name, code_mention, target_concept, event, outlet, paragraph, sentence, start, end
    ["0_L_0000", "GROUP", "VAR\\Lake council", "The lake council", "", "0", "L", "1", "1", "0", "2"],
    ["0_L_0001", "ACTOR", "VAR\\Osk Lind", "Mayor Osk Lind", "", "0", "L", "1", "2", "0", "2"],
    ["0_L_0002", "PROPERTY", "Importance", "long-overdue step", "Boat ban", "0", "L", "1", "2", "7", "10"],
    ["0_L_0003", "ACTOR", "VAR\\Osk Lind", "Mayor  Osk Lind", "", "0", "L", "1", "2", "0", "2"],  # duplicate
    ["0_L_0004", "GROUP", "Boat owners", "boat owners", "", "0", "L", "2", "3", "0", "1"],  # case differs
    ["0_R_0000", "GROUP", "VAR\\Lake council", "power-hungry council", "", "0", "R", "1", "1", "2", "5"],
    ["0_R_0001", "PROPERTY", "Aggressor", "rammed through", "VAR\\Lake council", "0", "R", "1", "1", "6", "7"],
    ["0_R_0002", "COUNTRY", "USA", "Bureaucrats", "", "0", "R", "0", "0", "0", "0"],
    ["0_R_0003", "GROUP", "Boaters", "boaters' freedom", "", "0", "R", "0", "0", "2", "4"],
    ["0_R_0004", "GROUP", "Boaters", "words that are not there", "", "0", "R", "0", "0", "2", "4"],
    ["1_L_0000", "EVENT", "Pass closure", "The pass closed", "", "1", "L", "1", "1", "0", "2"],
]


def make_newswcl50(root: Path) -> Path:
    src = root / "newswcl50"
    out = src / "cdcr" / "NewsWCL50-prep" / "output_data"
    out.mkdir(parents=True)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["", "topic/subtopic_name", "doc_id", "sent_id", "token_id", "token", "reference"])
    for doc, sents in WCL_DOCS.items():
        for sid, toks in enumerate(sents):
            for tid, tok in enumerate(toks):
                w.writerow([f"{doc}_{sid}_{tid}", f"{doc[0]}/-/{doc}", doc, sid, tid, tok, "-"])
    (out / "conll.csv").write_text(buf.getvalue(), encoding="utf-8")
    orig = src / "original"
    orig.mkdir()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "id",
            "code_type",
            "code_name",
            "code_mention",
            "target_concept",
            "event_id",
            "publisher_id",
            "paragraph",
            "sentence",
            "start",
            "end",
        ]
    )
    w.writerows(WCL_ANNOTATIONS)
    (orig / "Annotations.csv").write_text("sep=,\n" + buf.getvalue(), encoding="utf-8")
    (orig / "urls.tsv").write_text(
        "Event ID\tOutlet\tURL\n0\tL\thttps://www.nytimes.com/2020/a.html\n0\tR\thttp://www.example-right.org/b\n"
        "1\tL\thttps://www.nytimes.com/2020/c.html\n",
        encoding="utf-8",
    )
    return src


def test_newswcl50_naming_and_loaded(tmp_path: Path) -> None:
    src = make_newswcl50(tmp_path)
    dest = tmp_path / "out"
    summary = cv.convert_newswcl50(src, dest)
    gold = assert_valid(dest)
    assert (summary.articles, summary.stories) == (3, 2)
    assert gold["articles"]["0_L"] == {"outlet": "New York Times", "story": "event-0"}
    assert gold["articles"]["0_R"] == {"outlet": "example-right.org", "story": "event-0"}
    assert gold["articles"]["1_L"]["story"] == "event-1"
    text = article_text(dest, "0_L")
    assert text.splitlines() == [
        "Lake council bans motor boats",
        'The lake council of Varnby banned motor boats on Friday. Mayor Osk Lind called it a "long-overdue step".',
        "Boat owners said they weren't consulted.",
    ]
    assert article_text(dest, "0_R").splitlines()[1].startswith("Varnby's power-hungry council rammed")
    assert article_text(dest, "1_L").splitlines()[1] == "The pass closed (again)."
    got = {(f["article"], f["type"], f["text"], f.get("note")) for f in gold["framing"]}
    assert ("0_L", "naming", "The lake council", "Lake council") in got
    assert ("0_L", "naming", "Mayor Osk Lind", "Osk Lind") in got
    assert ("0_L", "loaded", "long-overdue step", "Importance (about Boat ban)") in got
    assert ("0_L", "naming", "Boat owners", "Boat owners") in got  # surface form as in the text
    assert ("0_R", "naming", "power-hungry council", "Lake council") in got
    assert ("0_R", "loaded", "rammed through", "Aggressor (about VAR\\Lake council)") in got
    assert ("0_R", "naming", "Bureaucrats", "United States") in got  # country code spelled out
    assert ("1_L", "naming", "The pass closed", "Pass closure") in got
    assert summary.skipped["mention not found in the detokenized text"] == 1
    assert summary.skipped["duplicate naming span (same text and note, kept once)"] == 1
    one = cv.convert_newswcl50(src, tmp_path / "one", limit=1)
    assert (one.articles, one.stories) == (2, 1)


def test_newswcl50_missing_file(tmp_path: Path) -> None:
    src = make_newswcl50(tmp_path)
    (src / "original" / "urls.tsv").unlink()
    with pytest.raises(ValueError, match=r"urls\.tsv"):
        cv.convert_newswcl50(src, tmp_path / "out")


def test_detokenize_rules() -> None:
    toks = [
        "He",
        "said",
        '"',
        "it",
        "'s",
        "a",
        "well",
        "-",
        "known",
        "fact",
        '"',
        "(",
        "mostly",
        ")",
        ",",
        "and",
        "left",
        ".",
    ]
    assert _detokenize(toks) == 'He said "it\'s a well-known fact" (mostly), and left.'
    assert _detokenize(["‘", "Maybe", "’", "she", "did", "n’t"]) == "‘Maybe’ she didn’t"
    assert _detokenize(["the", "boaters", "'", "rights"]) == "the boaters' rights"
    assert _detokenize(["he", "says", "'", "no", "deal", "'", "."]) == "he says 'no deal'."


# ---------------------------------------------------------------- ECB+ fixture


def make_ecbplus(root: Path) -> Path:
    src = root / "ecbplus"
    base = src / "ECBplus-prep" / "output_data" / "test_parsing"
    docs = {
        ("1ecb", "1_1ecb"): ("A comet was seen over Tarn on Sunday.", "Astronomers in Tarn watched it for hours."),
        ("1ecb", "1_2ecb"): ("Tarn residents saw a bright comet.", "``It was beautiful, '' one said."),
        ("1ecbplus", "1_1ecbplus"): ("A second comet crossed the sky over Ulm.", "It came a year later."),
        ("2ecb", "2_1ecb"): ("A dam burst near Kesk.", ""),
    }
    for (folder, stem), (title, text) in docs.items():
        (base / folder).mkdir(parents=True, exist_ok=True)
        (base / folder / f"{stem}.json").write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")
    (base / "1ecb" / "annotation" / "original").mkdir(parents=True)
    (base / "1ecb" / "annotation" / "original" / "event_mentions_1ecb.json").write_text("[]", encoding="utf-8")
    return src


def test_ecbplus_stories_by_topic_half(tmp_path: Path) -> None:
    src = make_ecbplus(tmp_path)
    dest = tmp_path / "out"
    summary = cv.convert_ecbplus(src, dest)
    gold = assert_valid(dest)
    assert (summary.articles, summary.stories) == (4, 3)
    assert gold["articles"] == {
        "1_1ecb": {"outlet": None, "story": "1ecb"},
        "1_2ecb": {"outlet": None, "story": "1ecb"},
        "1_1ecbplus": {"outlet": None, "story": "1ecbplus"},
        "2_1ecb": {"outlet": None, "story": "2ecb"},
    }
    assert (
        article_text(dest, "1_1ecb")
        == "A comet was seen over Tarn on Sunday.\nAstronomers in Tarn watched it for hours.\n"
    )
    assert article_text(dest, "1_2ecb").splitlines()[1] == '"It was beautiful," one said.'
    assert article_text(dest, "2_1ecb").splitlines() == ["2_1ecb", "A dam burst near Kesk."]
    two = cv.convert_ecbplus(src, tmp_path / "two", limit=2)
    assert (two.articles, two.stories) == (3, 2)
    with pytest.raises(ValueError, match="no ECB"):
        cv.convert_ecbplus(tmp_path / "out" / "articles", tmp_path / "x")


# ---------------------------------------------------------------- NeuS AllSides fixture


def make_neus(root: Path) -> Path:
    src = root / "neus_allsides"
    folder = src / "data" / "raw_crawled"
    folder.mkdir(parents=True)
    rows = [
        {
            "id": 12,
            "date": "2021-05-02T09:00:00-07:00",
            "news": {
                "left": {
                    "newsSource": "Left Daily",
                    "newsTitle": "Ferry  strike ends",
                    "newBody": ["Ferry crews in Oska went back to work.", "The  strike lasted  nine days."],
                },
                "right": {
                    "newsSource": "Right Post",
                    "newsTitle": "Oska strike over",
                    "newBody": "['Nine days of strikes ended on Sunday.', 'Fares stay the same.']",
                },
                "center": {
                    "newsSource": "Centre Wire",
                    "newsTitle": "",
                    "newBody": ["A side without a headline is left out."],
                },
            },
        },
        {
            "id": 9,
            "date": "2021-05-01",
            "news": {
                "center": {
                    "newsSource": "Centre Wire",
                    "newsTitle": "Bridge opens",
                    "newBody": ["The Oska bridge opened."],
                }
            },
        },
        {"id": 30, "date": "2021-05-03", "news": {}},
    ]
    (folder / "stories.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    return src


def test_neus_stories_outlets_and_dates(tmp_path: Path) -> None:
    src = make_neus(tmp_path)
    dest = tmp_path / "out"
    summary = cv.convert_neus(src, dest)
    gold = assert_valid(dest)
    assert (summary.articles, summary.stories) == (3, 2)
    assert gold["articles"] == {
        "neus-9-center": {"date": "2021-05-01", "outlet": "Centre Wire", "story": "9"},
        "neus-12-left": {"date": "2021-05-02", "outlet": "Left Daily", "story": "12"},
        "neus-12-right": {"date": "2021-05-02", "outlet": "Right Post", "story": "12"},
    }
    assert (
        article_text(dest, "neus-12-left")
        == "Ferry strike ends\nFerry crews in Oska went back to work.\nThe strike lasted nine days.\n"
    )
    assert article_text(dest, "neus-12-right").splitlines()[1:] == [
        "Nine days of strikes ended on Sunday.",
        "Fares stay the same.",
    ]
    one = cv.convert_neus(src, tmp_path / "one", limit=1)  # the first story in id order: 9, not 12
    assert (one.articles, one.stories) == (1, 1)
    assert [a.id for a in cv.read_neus(src, 2)] == ["neus-9-center", "neus-12-left", "neus-12-right"]


def test_neus_missing_and_malformed(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="raw_crawled folder not found"):
        cv.convert_neus(tmp_path / "nothing", tmp_path / "x")
    folder = tmp_path / "bad" / "data" / "raw_crawled"
    folder.mkdir(parents=True)
    with pytest.raises(ValueError, match="no NeuS stories"):
        cv.convert_neus(tmp_path / "bad", tmp_path / "x")
    (folder / "a.jsonl").write_text('{"id": 1}\n{"id": 2,\n', encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        cv.convert_neus(tmp_path / "bad", tmp_path / "x")


# ---------------------------------------------------------------- ScrapingHub fixture

PAGE_A = "<html><head><title>Owl census</title></head><body><nav>Home | News</nav><p>The owl census counted 41 barn owls this spring.</p><p>Volunteers walked every hedge.</p></body></html>"
PAGE_B = "<html><body><p>Rain delayed the regatta by two hours.</p><footer>© Someone</footer></body></html>"


def make_scrapinghub(root: Path) -> Path:
    src = root / "scrapinghub_aeb"
    (src / "html").mkdir(parents=True)
    (src / "html" / "aaa1.html.gz").write_bytes(gzip.compress(PAGE_A.encode("utf-8")))
    (src / "html" / "bbb2.html").write_text(PAGE_B, encoding="utf-8")
    truth = {
        "aaa1": {
            "articleBody": "The owl census counted 41 barn owls this spring.\n\nVolunteers walked every hedge.",
            "url": "https://www.owlnews.example/census",
        },
        "bbb2": {"articleBody": "Rain delayed the regatta by two hours.", "url": ""},
        "ccc3": {"articleBody": "A page whose HTML is missing.", "url": "https://x.example/"},
    }
    (src / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return src


def test_scrapinghub_pages_and_bodies(tmp_path: Path) -> None:
    src = make_scrapinghub(tmp_path)
    dest = tmp_path / "out"
    summary = cv.convert_scrapinghub(src, dest)
    gold = assert_valid(dest)
    assert (summary.articles, summary.stories) == (2, 2)
    assert summary.skipped == {"page without its HTML file": 1}
    assert (dest / "articles" / "aaa1.html").read_text(encoding="utf-8") == PAGE_A  # decompressed
    assert (dest / "articles" / "bbb2.html").read_text(encoding="utf-8") == PAGE_B
    assert gold["articles"] == {
        "aaa1": {"outlet": "owlnews.example", "story": "aaa1"},
        "bbb2": {"outlet": None, "story": "bbb2"},
    }
    assert gold["bodies"]["bbb2"] == "Rain delayed the regatta by two hours."
    assert set(gold["bodies"]) == {"aaa1", "bbb2"}
    perfect = score_bodies(gold["bodies"], gold["bodies"])
    assert perfect["f1"] == 1.0


# ---------------------------------------------------------------- score_bodies


def test_score_bodies_perfect() -> None:
    gold = {"a": "one two three four five six", "b": "short text"}
    s = score_bodies(gold, dict(gold))
    assert (s["precision"], s["recall"], s["f1"], s["accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert s["averaging"] == "macro" and s["pages"] == 2


def test_score_bodies_empty() -> None:
    gold = {"a": "one two three four five six", "b": "seven eight nine ten eleven"}
    s = score_bodies(gold, {})  # nothing extracted: missing ids count as empty
    assert (s["precision"], s["recall"], s["f1"], s["accuracy"]) == (0.0, 0.0, 0.0, 0.0)
    assert s["per_page"]["a"] == {"precision": None, "recall": 0.0}
    both_empty = score_bodies({"a": ""}, {"a": ""})
    assert both_empty["accuracy"] == 1.0 and both_empty["f1"] == 1.0


def test_score_bodies_partial_is_macro_over_shingles() -> None:
    # gold a b c d e -> shingles abcd, bcde; extracted a b c d x y -> abcd, bcdx, cdxy
    # tp 1, fp 2, fn 1: precision 1/3, recall 1/2 on that page
    gold = {"p": "a b c d e", "q": "same text on this page"}
    got = {"p": "a b c d x y", "q": "same text on this page", "extra": "ignored"}
    s = score_bodies(gold, got)
    assert s["per_page"]["p"]["precision"] == pytest.approx(1 / 3)
    assert s["per_page"]["p"]["recall"] == pytest.approx(1 / 2)
    assert s["precision"] == pytest.approx((1 + 1 / 3) / 2)
    assert s["recall"] == pytest.approx((1 + 1 / 2) / 2)
    p, r = (1 + 1 / 3) / 2, (1 + 1 / 2) / 2
    assert s["f1"] == pytest.approx(2 * p * r / (p + r))
    assert s["accuracy"] == 0.5
    # tokens are \w+ runs, punctuation and spacing do not matter, case does
    assert score_bodies({"x": "Hello, world!"}, {"x": "Hello world"})["f1"] == 1.0
    assert score_bodies({"x": "Hello world"}, {"x": "hello world"})["f1"] == 0.0


# ---------------------------------------------------------------- shared behaviour


def test_output_is_deterministic_and_stale_files_go(tmp_path: Path) -> None:
    src = make_ecbplus(tmp_path)
    dest = tmp_path / "out"
    cv.convert_ecbplus(src, dest)
    first = (dest / "gold.json").read_bytes()
    cv.convert_ecbplus(src, dest)
    assert (dest / "gold.json").read_bytes() == first
    assert not list(dest.glob(".gold.*"))  # no temporary file left
    cv.convert_ecbplus(src, dest, limit=1)
    assert sorted(p.name for p in (dest / "articles").iterdir()) == ["1_1ecb.txt", "1_2ecb.txt"]


def test_refuses_to_write_into_a_foreign_folder(tmp_path: Path) -> None:
    src = make_ecbplus(tmp_path)
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.md").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not a gold set"):
        cv.convert_ecbplus(src, foreign)


def test_bad_limit(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="limit"):
        cv.convert_ecbplus(make_ecbplus(tmp_path), tmp_path / "out", limit=-1)


def test_registry_and_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert set(cv.CONVERTERS) == {"basil", "polnear", "newswcl50", "ecbplus", "scrapinghub", "neus"}
    data = tmp_path / "shared" / "data"
    (data / "scrapinghub_aeb").mkdir(parents=True)
    monkeypatch.setenv("NEWSPRISM_SHARED_DATA", str(data))
    assert cv.default_source("scrapinghub") == data / "scrapinghub_aeb"
    monkeypatch.setenv("NEWSPRISM_SHARED_DATA", str(tmp_path / "shared"))
    assert cv.default_source("scrapinghub") == data / "scrapinghub_aeb"
    with pytest.raises(ValueError, match="unknown data set"):
        cv.default_source("nope")
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path / "cache"))
    assert cv.default_cache() == tmp_path / "cache"
    assert cv.default_dest("basil") == tmp_path / "cache" / "gold" / "basil"
    monkeypatch.delenv("NEWSPRISM_CACHE")
    assert cv.default_cache() == Path.home() / ".cache" / "newsprism"


def test_convert_by_name_uses_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    src = make_ecbplus(data)
    monkeypatch.setenv("NEWSPRISM_SHARED_DATA", str(data))
    monkeypatch.setenv("NEWSPRISM_CACHE", str(tmp_path / "cache"))
    summary = cv.convert("ecbplus")
    assert summary.dest == tmp_path / "cache" / "gold" / "ecbplus"
    assert summary.articles == 4 and "4 articles" in str(summary)
    assert src.is_dir()
    runner = CliRunner()
    ok = runner.invoke(cli_main, ["convert", "ecbplus", "--limit", "1", "--dest", str(tmp_path / "cli")])
    assert ok.exit_code == 0, ok.output
    missing = ["convert", "ecbplus", "--src", str(tmp_path / "missing"), "--dest", str(tmp_path / "cli2")]
    assert runner.invoke(cli_main, missing).exit_code == 2


def test_quote_regions() -> None:
    text = 'He said "one two three" and “four five.”\n“Six seven\n“eight nine,” she said.\nNo marks.'
    spans = [text[s:e] for s, e in _quote_regions(text)]
    assert spans == ["one two three", "four five.", "Six seven", "eight nine,"]
    carried = "She said “the piers are safe.\nWe checked each one,” Orla Finn added. He is 5'11\"."
    assert [carried[s:e] for s, e in _quote_regions(carried)] == ["the piers are safe.", "We checked each one,"]
    nested = "“The report called it “a failure” twice,” he said."
    assert [nested[s:e] for s, e in _quote_regions(nested)] == ["The report called it “a failure” twice,"]


# ---------------------------------------------------------------- the real data (skipped without it)


def real_source(name: str) -> Path:
    try:
        return cv.default_source(name)
    except ValueError as exc:
        pytest.skip(f"shared data not found: {exc}")


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(cv.CONVERTERS))
def test_real_data_small(name: str, tmp_path: Path) -> None:
    src = real_source(name)
    dest = tmp_path / name
    summary = cv.CONVERTERS[name](src, dest, limit=2)
    assert summary.articles > 0
    assert 0 < summary.stories <= 2
    gold = assert_valid(dest)
    assert len(gold["articles"]) == summary.articles
    if name == "basil":
        assert summary.articles == 6 and summary.framing > 0
        assert {m["outlet"] for m in gold["articles"].values()} <= {"Fox News", "New York Times", "HuffPost"}
    if name == "newswcl50":
        assert summary.articles == 10 and summary.framing > 0
    if name == "scrapinghub":
        assert set(gold["bodies"]) == set(gold["articles"])


@pytest.mark.slow
def test_real_polnear_dev_takes_every_overlay_speaker(tmp_path: Path) -> None:
    """Every row of the bundled dev overlay finds its quote, with the Source text it records."""
    src = real_source("polnear")
    summary = cv.convert_polnear(src, tmp_path / "dev")
    rows = polnear_mod.load_speaker_overlay(polnear_mod.bundled_speaker_overlay("dev") or "")
    assert summary.quotes == len(rows)
    assert summary.counts["speakers set from the overlay"] == len(rows)
    assert not any("speaker overlay" in reason for reason in summary.skipped)
