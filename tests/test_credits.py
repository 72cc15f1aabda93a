"""Agency credits (credits.v3): bylines, datelines and credit lines at an article's edges
credit it; an agency named inside story text does not; an agency not on the list is found by
its name's shape in the same positions. Every example is written here."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

import newsprism
from newsprism.api import compare
from newsprism.credits import (
    GENERIC,
    HEAD_LINES,
    agencies,
    credit_of,
    credit_outlet,
    credited_agencies,
    find_credits,
    other_origin,
    resolve_outlet,
    site_of,
)
from newsprism.grouping import group
from newsprism.model import Article, RawArticle, source_name
from newsprism.pipeline import prepare_article

STORY = (
    "The harbour board of Eastmere voted on Tuesday to rebuild the northern breakwater after the "
    "winter storms, its chairwoman said.\n"
    "Repairs will cost about 4 million euros and take two years, the board said in a statement.\n"
    "Fishermen welcomed the vote but asked for work to pause during the herring season."
)


@pytest.mark.parametrize(
    ("top", "bottom", "credit", "form"),
    [
        ("AFP January 31, 2023", "", "AFP", "byline"),
        ("By Jane Roe, Reuters", "", "Reuters", "byline"),
        ("Reuters Staff", "", "Reuters", "byline"),
        ("By ASSOCIATED PRESS | Updated 10:15 a.m. ET", "", "AP", "byline"),
        ("Press Trust of India | New Delhi", "", "PTI", "byline"),
        ("Jane Roe and Tom Moe, Agence France-Presse", "", "AFP", "byline"),
        ("EASTMERE (AFP) - The harbour board met.", "", "AFP", "dateline"),
        ("EASTMERE, Jan 31 (Reuters) - The harbour board met.", "", "Reuters", "dateline"),
        ("(Reuters) - The harbour board met.", "", "Reuters", "dateline"),
        ("EAST MERE, N.D. (AP) — The harbour board met.", "", "AP", "dateline"),
        ("NEW EASTMERE [Northland], Jan 31 (ANI): The board met.", "", "ANI", "dateline"),
        ("", "— Associated Press", "AP", "signoff"),
        ("", "-AFP", "AFP", "signoff"),
        ("", "(With inputs from PTI)", "PTI", "inputs"),
        ("", "With agency inputs", GENERIC, "inputs"),
        ("", "(with Reuters inputs)", "Reuters", "inputs"),
        ("", "(Reporting by Jane Roe in Eastmere; Editing by Tom Moe)", "Reuters", "reporting"),
        ("", "Copyright 2023 The Associated Press. All rights reserved.", "AP", "copyright"),
        ("", "The Associated Press contributed to this report.", "AP", "inputs"),
        ("", "Associated Press writer Jane Roe in Eastmere contributed.", "AP", "inputs"),
        ("", "Contributing: Associated Press", "AP", "inputs"),
        ("By Jane Roe, PA Media", "", "PA Media", "byline"),
        ("", "Additional reporting by the Press Association", "PA Media", "inputs"),
        ("", "Additional reporting by The Associated Press", "AP", "inputs"),
        ("", "Additional reporting: Reuters and AFP.", "Reuters, AFP", "inputs"),
        ("Harbour desk, with agency inputs", "", GENERIC, "inputs"),
        ("Eastmere, Feb 3 (PTI) The harbour board met.", "", "PTI", "dateline"),
        ("", "Contributing: Tom Moe in Eastmere; the Associated Press", "AP", "inputs"),
        ("", "Daily Post's Jane Roe and The Associated Press contributed to this report.", "AP", "inputs"),
        ("", "This story has been published from a wire agency feed without modifications.", GENERIC, "inputs"),
        ("Ledger staff, with Reuters", "", "Reuters", "inputs"),
        ("By Jane Roe with AFP", "", "AFP", "inputs"),
        ("Harbour desk, with the Associated Press and AFP", "", "AP, AFP", "inputs"),
    ],
)
def test_credit_forms_at_the_edges(top: str, bottom: str, credit: str, form: str) -> None:
    body = "\n".join(x for x in (top, STORY, bottom) if x)
    found = find_credits(body)
    assert credit_of(found) == credit
    assert [c.form for c in found] == [form]
    assert found[0].line == (top or bottom)


@pytest.mark.parametrize(
    "line",
    [
        "Reuters reported that the harbour board would meet again in March.",
        "The chairwoman told AFP the vote was close.",
        "In an interview with the Associated Press, she said the work would start soon.",
        "Eastmere Tells AFP It Will Rebuild",  # a headline, not a byline
        "AFP PHOTO / Jane Roe",  # a picture's credit
        "Jane Roe/AP",
        "(Tom Moe/Reuters)",
        "Image copyright Reuters",
        "Bloomberg Philanthropies gave the town a grant.",
        "The fleet, she said (AP), would wait.",
        "With inputs from the harbour master, the board changed the plan.",
        "A Turning Point for Reuters",  # headlines in title case
        "Why Harbour Repairs Run Late, Costly, and Risky (Bloomberg)",
        "REUTERS/Jane Roe",
        "By Jane Roe, PA",  # the bare "PA" is a US state as often as the agency
        "Additional reporting by Reuters showed the board had met twice.",
        "Eastmere, the port (AFP) says, will rebuild.",
        "The board, with agency inputs from three ministries, changed the plan last week.",
        "Catch up on the harbour vote with AP experts on our weekly podcast.",
        "The mayor met with Reuters",  # a sentence, not a byline closing "with AGENCY"
        "By Jane Roe, with AFP photographers",
    ],
)
def test_an_agency_inside_story_text_is_a_source_not_a_credit(line: str) -> None:
    for body in (f"{line}\n{STORY}", f"{STORY}\n{line}"):
        assert find_credits(body) == (), body


REPORTING = "(Reporting by Jane Roe; editing by Tom Moe)"


@pytest.mark.parametrize(
    ("top", "credit"),
    [
        # another wire service's own copy, closed with the same style of credit line: credited
        # to the service its dateline names (credits.v3), else to nobody
        ("EASTMERE, Northland (Harbour Wire) - The board met.", "Harbour Wire"),
        ("By Jane Roe, Harbour Wire", None),
        ("(Harbour Wire) - The board met.", "Harbour Wire"),
        ("HARBOUR WIRE | 3 March 2025\nEASTMERE (HW) - The board met.", "Harbour Wire"),
        ("EASTMERE (HW) - The board met.", "HW"),  # the acronym, when no line writes the name
        ("EASTMERE (AP) - The board met.", "AP"),  # another agency's dateline: its copy
        # no other origin named: Reuters' house style, as in credits.v1
        ("", "Reuters"),
        ("By Jane Roe", "Reuters"),
        ("By Jane Roe, Staff Writer", "Reuters"),  # a job, not an origin
        ("Sen. Tom Moe (R-Northland) - The board met.", "Reuters"),  # a party and state, not an origin
        ("EASTMERE (Reuters) - The board met.", "Reuters"),
        ("By Jane Roe, Reuters", "Reuters"),
    ],
)
def test_the_reporting_line_is_reuters_only_without_another_origin(top: str, credit: str | None) -> None:
    body = "\n".join(x for x in (top, STORY, REPORTING) if x)
    assert credit_of(find_credits(body)) == credit
    assert credit_of(find_credits(f"{STORY}\n{REPORTING}", byline="Jane Roe, Harbour Wire")) is None
    assert credit_of(find_credits(f"{STORY}\n{REPORTING}", byline="Jane Roe")) == "Reuters"


def test_other_origin() -> None:
    assert other_origin(["EASTMERE (Harbour Wire) - The board met."], "Reuters") == "Harbour Wire"
    assert other_origin(["By Jane Roe, The Eastmere Ledger"], "Reuters") == "The Eastmere Ledger"
    assert other_origin(["EASTMERE (Reuters) - The board met.", "By Jane Roe, Reuters"], "Reuters") is None
    assert other_origin(["By the way, the board met on Tuesday."], "Reuters") is None  # no name after the comma
    assert other_origin([STORY], "Reuters", byline="Jane Roe, Harbour Wire") == "Harbour Wire"
    assert other_origin(["x" * 5000 + " (Harbour Wire) - y"], "Reuters") is None  # a dateline opens a line


@pytest.mark.parametrize(
    ("top", "bottom", "credit", "form"),
    [
        ("By Jane Roe, Harbour Wire Service", "", "Harbour Wire Service", "byline"),
        ("EASTMERE (Northland News Agency) - The board met.", "", "Northland News Agency", "dateline"),
        ("", "— Fenwick Press Agency", "Fenwick Press Agency", "signoff"),
        ("", "Additional reporting by Harbour Wire Service", "Harbour Wire Service", "inputs"),
        ("", "© 2024 Kessock Newswire", "Kessock Newswire", "copyright"),
        ("", "Copyright Kessock Newswire, used under licence.", "Kessock Newswire", "copyright"),  # no year
        ("", "COPYRIGHT KESSOCK NEWSWIRE", "Kessock Newswire", "copyright"),
        ("Harbour desk, with Carran News Service", "", "Carran News Service", "inputs"),
        ("", "Carran News Service contributed to this report.", "Carran News Service", "inputs"),
        ("NORTHLAND PRESS AGENCY | 3 March 2025", "", "Northland Press Agency", "byline"),  # capitals
        ("By Tallis Agency", "", "Tallis Agency", "byline"),  # "Agency" after a name: the whole author
        ("", "— Tallis Agency", "Tallis Agency", "signoff"),
        ("EASTMERE, Jan 31 (Marrow Telegraph Agency) - The board met.", "", "Marrow Telegraph Agency", "dateline"),
        ("Source: Ostland Presse-Agentur", "", "Ostland Presse-Agentur", "byline"),
        # agencies of agencies.v3, as listed
        ("EASTMERE (Anadolu Agency) - The board met.", "", "Anadolu", "dateline"),
        ("By The Canadian Press", "", "Canadian Press", "byline"),
        ("EASTMERE, Jan 31 (TASS) - The board met.", "", "TASS", "dateline"),
        ("", "— Bernama", "Bernama", "signoff"),
        ("By Jane Roe, Australian Associated Press", "", "AAP", "byline"),
        ("", "Additional reporting by Kyodo News Agency", "Kyodo", "inputs"),  # a listed agency's name
    ],
)
def test_an_agency_not_on_the_list_is_found_by_its_names_shape(top: str, bottom: str, credit: str, form: str) -> None:
    body = "\n".join(x for x in (top, STORY, bottom) if x)
    found = find_credits(body)
    assert credit_of(found) == credit
    assert [c.form for c in found] == [form]
    # not in credits.v2's way (the cleaner's): listed agencies only
    assert credit_of(find_credits(body, shapes=False)) in (None, credit)


@pytest.mark.parametrize(
    "line",
    [
        # public bodies: their names end as some agencies' do, and they stand in no credit position
        "The Environment Agency said the river had burst its banks.",
        "By Jane Roe, Environment Agency",
        "By the Environment Agency",
        "Source: Food Standards Agency",
        "— National Security Agency",
        "Central Intelligence Agency",
        "EASTMERE (Central Intelligence Agency) - The board met.",
        "By Jane Roe, Federal Emergency Management Agency",
        "The agency said the work would start in March.",
        "Jane Roe, Harbour Agency",  # "Agency" after a name is an employer in a byline, not the author
        # no suffix of a news agency
        "— Secret Service",
        "By Jane Roe, Postal Service",
        "National Weather Service",
        "By Jane Roe, Westmark Wire",  # a bare "Wire" names sites as often as agencies
        # a government's news service, in story text or in a credit position
        "The Government News Service said the minister would visit Eastmere.",
        "Source: Government News Service",
        "— PR Newswire",  # a press-release service
        # names of agencies inside story text
        "The Harbour Wire Service reported that the board would meet again.",
        "She told the Northland News Agency the vote was close.",
        "A Turning Point for Carran News Service",
    ],
)
def test_names_shaped_like_agencies_outside_credit_positions_are_none(line: str) -> None:
    for body in (f"{line}\n{STORY}", f"{STORY}\n{line}"):
        assert find_credits(body) == (), body


def test_an_acronym_counts_where_the_article_introduces_it() -> None:
    dateline = "EASTMERE (HWS) - The board met."
    # the byline names the agency and the dateline its initials
    found = find_credits(f"By Harbour Wire Service\n{dateline}\n{STORY}")
    assert credit_of(found) == "Harbour Wire Service"
    assert [c.form for c in found] == ["byline", "dateline"]
    # the story introduces it: "the Harbour Wire Service (HWS)"
    told = "The chairwoman told the Harbour Wire Service (HWS) the vote was close."
    assert credit_of(find_credits(f"{dateline}\n{STORY}\n{told}")) == "Harbour Wire Service"
    # an acronym nobody introduces names no agency ("(CNN) -" is a broadcaster's dateline)
    assert find_credits(f"{dateline}\n{STORY}") == ()
    # the agency's own service, named with its acronym: one agency
    masthead = "NORTHLAND NEWS AGENCY | NNA Wire Service"
    assert credit_of(find_credits(f"{masthead}\nEASTMERE (NNA) - The board met.\n{STORY}")) == "Northland News Agency"


def test_an_agencys_own_copy_is_credited_to_it() -> None:
    """The lead's convention (credits.v3): the credit is the agency whose copy the text is, its
    own reports included; without metadata the agency is the outlet too."""
    own = "\n".join(["By Harbour Wire Service", f"EASTMERE (HWS) - {STORY}", "— Harbour Wire Service"])
    found = find_credits(own)
    assert credit_of(found) == "Harbour Wire Service"
    assert resolve_outlet(None, found, url=None, source="pages/board.txt", id="x") == "Harbour Wire Service"
    a = prepare_article(_raw("own", own))
    assert a.credit == "Harbour Wire Service" and a.outlet == "Harbour Wire Service"
    listed = prepare_article(_raw("afp", f"AFP January 31, 2023\n\n{STORY}"))
    assert listed.credit == "AFP" == listed.outlet


def test_the_agency_name_shapes_are_data() -> None:
    from newsprism.lexicons import load

    lexicon = load("agency-names")
    assert lexicon.version == "agency-names.v1"
    for suffix in lexicon.where("kind", "suffix") + lexicon.where("kind", "after-name"):
        name = f"Harbour {suffix}"
        assert credit_of(find_credits(f"By {name}\n{STORY}")) == name, suffix
    for word in lexicon.where("kind", "state"):
        assert find_credits(f"By {word} News Service\n{STORY}") == (), word
    for word in lexicon.where("kind", "public"):
        assert find_credits(f"By {word} Agency\n{STORY}") == (), word
        assert credit_of(find_credits(f"By {word} News Agency\n{STORY}")) == f"{word} News Agency", word


def test_only_the_edges_count() -> None:
    middle = "\n".join([STORY] * 6)
    body = f"{middle}\nReuters Staff\n{middle}"  # a byline-like line far from either edge
    assert len([x for x in body.split("\n") if x]) > 2 * HEAD_LINES
    assert find_credits(body) == ()
    # a dateline is read at the top only, a Reuters-style credit line at the bottom only
    assert find_credits(f"{STORY}\n" * 4 + "EASTMERE (AFP) - The board met.") == ()
    assert find_credits("(Reporting by Jane Roe; Editing by Tom Moe)\n" + f"{STORY}\n" * 4) == ()


def test_bylines_from_metadata_and_several_agencies() -> None:
    assert credit_of(find_credits(STORY, byline="Jane Roe, Reuters")) == "Reuters"
    assert credit_of(find_credits(STORY, byline="Jane Roe")) is None
    both = find_credits(f"EASTMERE (AFP) - The board met.\n{STORY}\nWith inputs from Reuters")
    assert credit_of(both) == "AFP, Reuters"
    assert credit_outlet(both) == "AFP"  # only the dateline says the text is the agency's copy
    assert credited_agencies("AFP, Reuters") == {"AFP", "Reuters"}
    assert credited_agencies(GENERIC) == frozenset() and credited_agencies(None) == frozenset()
    assert credit_of(find_credits(f"{STORY}\nWith agency inputs\n(With inputs from PTI)")) == "PTI"


def test_the_agency_list_is_data() -> None:
    assert {"AFP", "Reuters", "AP", "dpa", "ANI", "PTI", "Xinhua", "EFE", "ANSA", "Kyodo", "Yonhap", "UPI"} <= set(
        agencies()
    )
    assert {"IANS", "Bloomberg"} <= set(agencies())
    # written as listed or in capitals, never otherwise
    assert credit_of(find_credits(f"DPA\n{STORY}")) == "dpa"
    assert credit_of(find_credits(f"reuters staff\n{STORY}")) is None


def test_outlet_resolution_order() -> None:
    afp = find_credits(f"AFP January 31, 2023\n{STORY}")
    src = "pages/harbour-vote.txt"
    assert resolve_outlet("Daily Post", afp, url="https://www.gazette.example/a", source=src, id="x") == "Daily Post"
    assert resolve_outlet(None, afp, url="https://www.gazette.example/a", source=src, id="x") == "gazette.example"
    assert resolve_outlet(None, afp, url=None, source=src, id="x") == "AFP"
    assert resolve_outlet(None, (), url=None, source=src, id="x") == "harbour-vote"
    assert resolve_outlet(None, (), url=None, source="-", id="stdin") == "stdin"
    assert source_name("feeds/daily-post.jsonl.gz:12") == "daily-post"
    assert source_name("crawl.warc.gz#3") == "crawl"
    assert site_of("HTTPS://user@WWW.Gazette.Example:8080/a?b") == "gazette.example"
    assert site_of("not a url") is None


def _raw(id: str, body: str, title: str = "Harbour board votes to rebuild breakwater") -> RawArticle:
    return RawArticle(id=id, body=body, source=f"{id}.txt", title=title)


def test_the_pipeline_records_the_credit_and_drops_the_byline_from_the_text() -> None:
    a = prepare_article(_raw("wire", f"AFP January 31, 2023\n\n{STORY}"))
    assert a.credit == "AFP" and a.outlet == "AFP"
    assert "AFP January 31, 2023" in a.removed and "AFP" not in a.text
    assert a.published == "2023-01-31"
    b = prepare_article(_raw("rewrite", STORY))
    assert b.credit is None and b.outlet == "rewrite"
    assert Article.from_dict(json.loads(json.dumps(a.to_dict()))) == a
    old = a.to_dict()
    del old["credit"]  # a report written before credits reads back
    assert Article.from_dict(old).credit is None


def test_every_rendering_shows_credit_and_outlet(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(f"Harbour board votes\n\nAFP January 31, 2023\n\n{STORY}\n", encoding="utf-8")
    other = STORY.replace("voted on Tuesday", "decided on Tuesday").replace("Fishermen", "Local fishermen")
    (tmp_path / "rewrite.txt").write_text(f"Board backs breakwater\n\n{other}\n", encoding="utf-8")
    c = compare([tmp_path / "wire.txt", tmp_path / "rewrite.txt"])
    text, md = newsprism.render(c, "text", width=200), newsprism.render(c, "md")
    data = json.loads(newsprism.render(c, "json"))
    assert {a["outlet"]: a["credit"] for a in data["articles"]} == {"AFP": "AFP", "rewrite": None}
    assert "| wire | AFP | AFP | Harbour board votes |" in md
    assert "| rewrite | rewrite | - | Board backs breakwater |" in md
    assert "**AFP**:" in md and "**rewrite**:" in md
    assert "AFP" in text and "rewrite" in text


TITLE = "Eastmere harbour board votes to rebuild storm-hit breakwater"


def test_two_copies_of_one_agency_are_one_origin() -> None:
    first = prepare_article(_raw("a", f"EASTMERE (Reuters) - {STORY}", TITLE))
    # the same wire story, rewritten: one phrase of it kept, too little for a republication
    edited = (
        "Eastmere's port authority on Tuesday backed rebuilding its storm-battered northern sea wall, "
        "according to the body's head.\n"
        "Repairs will cost about 4 million euros and take two years, officials estimate.\n"
        "Trawler crews praised the decision yet want a halt while herring are running."
    )
    second = prepare_article(_raw("b", f"By Jane Roe, Reuters\n{edited}", TITLE))
    own = (
        "Our reporter watched the Eastmere harbour board vote to rebuild the breakwater on Tuesday evening.\n"
        "Two members abstained, worried that the four million euro bill would fall on local taxpayers.\n"
        "Outside, a dozen fishermen held banners asking for a pause in the herring season."
    )
    third = prepare_article(_raw("c", f"{own}\nWith agency inputs", TITLE))
    grouping = group([first, second, third])
    [story] = grouping.stories
    assert story.n_origins == 2  # a and b share Reuters' copy; c's generic credit joins nothing
    origins = dict(zip(story.articles, story.origins, strict=True))
    assert origins["a"] == origins["b"] != origins["c"]
    assert grouping.stats["same_credit_joins"] == 1 and grouping.stats["republication_pairs"] == 0
    # without their credits the two Reuters copies read as independent reports
    [plain] = group([replace(a, credit=None) for a in (first, second, third)]).stories
    assert plain.n_origins == 3


def test_two_stories_of_one_agency_stay_two_origins() -> None:
    first = prepare_article(_raw("a", f"EASTMERE (Reuters) - {STORY}", TITLE))
    later = (
        "Eastmere's harbour board picked a builder for its northern breakwater on Friday, after three "
        "firms bid for the contract to rebuild the storm-hit harbour wall.\n"
        "The winning bid came in under the board's estimate, a member said."
    )
    second = prepare_article(_raw("b", f"EASTMERE (Reuters) - {later}", TITLE))
    [story] = group([first, second]).stories
    assert story.n_origins == 2  # both Reuters, but no wording in common: two reports


def _pair(folder: Path) -> list[Path]:
    folder.mkdir()
    (folder / "wire.txt").write_text(f"Harbour board votes\n\nAFP January 31, 2023\n\n{STORY}\n", encoding="utf-8")
    other = STORY.replace("voted on Tuesday", "decided on Tuesday").replace("Fishermen", "Local fishermen")
    (folder / "rewrite.txt").write_text(f"Board backs breakwater\n\n{other}\n", encoding="utf-8")
    return [folder / "wire.txt", folder / "rewrite.txt"]


def test_the_store_keeps_credits_and_labels_stories_readably(tmp_path: Path) -> None:
    from newsprism.corpus import group_corpus, ingest
    from newsprism.store import Store

    db = tmp_path / "news.db"
    ingest(_pair(tmp_path / "pages"), db=db, workers=1)
    group_corpus(db=db)
    with Store(db) as st:
        [row] = st.stories()
        assert row.headline == "Harbour board votes"  # the first article by date: the dated wire copy
        assert row.outlets == ("AFP", "rewrite") and row.credits == ("AFP",)
        assert row.label == "Harbour board votes (AFP, rewrite)"
        assert {r.outlet: r.credit for r in st.articles()} == {"AFP": "AFP", "rewrite": None}
        stored = {a.outlet: a for a in st.story_articles(row.id)}
        assert stored["AFP"].credit == "AFP" and stored["AFP"].label == "AFP"
        assert stored["rewrite"].label == "rewrite"  # not the 16-hex id it is stored under


def test_an_article_stored_before_credits_is_named_by_its_file(tmp_path: Path) -> None:
    import sqlite3

    from newsprism.store import Store, _schema

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    assert _schema.migrate(conn, target=8)[-1] == 8
    conn.execute(
        "INSERT INTO articles (id, source, title, text, sentences) VALUES (?, ?, ?, ?, ?)",
        ("00000000000000aa", "pages/harbour-vote.txt", "Old headline", "A stored article.", "[[0, 17]]"),
    )
    conn.close()
    with Store(db) as st:
        a = st.get_article("00000000000000aa")
        assert a.credit is None and a.outlet is None and a.label == "harbour-vote"
        assert [(r.outlet, r.credit) for r in st.articles()] == [("harbour-vote", None)]


def test_two_articles_of_one_outlet_are_told_apart_in_the_renderings(tmp_path: Path) -> None:
    (tmp_path / "wire1.txt").write_text(f"Harbour board votes\n\nAFP January 31, 2023\n\n{STORY}\n", encoding="utf-8")
    other = STORY.replace("voted on Tuesday", "decided on Tuesday").replace("Fishermen", "Local fishermen")
    (tmp_path / "wire2.txt").write_text(f"Board backs breakwater\n\nAFP\n\n{other}\n", encoding="utf-8")
    c = compare([tmp_path / "wire1.txt", tmp_path / "wire2.txt"])
    assert [a.outlet for a in c.articles] == ["AFP", "AFP"]
    md = newsprism.render(c, "md")
    assert "**AFP \\[wire1\\]**:" in md and "**AFP \\[wire2\\]**:" in md


#: Parts scored for credits but with no round of rules written for what they missed: the
#: number of their articles read right. Part J (credits.v2) missed its two articles credited
#: to an invented agency; K and L the same, each with its own invented agency; M too
#: (2026-12-03 at bcda639), and N (27 of 30 at 9a3478b, before credits.v3). credits.v3 is the
#: round for J and K (an agency by its name's shape; the lead's convention that an agency's
#: own copy is credited to it, their gold rewritten to it): they read every article right,
#: checked exactly below. L, M and N were rescored by the lead after credits.v3, their gold
#: rewritten to the same convention (the agency's own reports, nothing else): L 32 of 32, M 30
#: of 31 (a rewrite "with Lantern" / "Source: LNA" names the agency by neither a listed name
#: nor its shape), N 29 of 30 (a rewrite's "draws on reporting by" note) after the lead's fix
#: for a copyright line without a year ("Copyright <agency>": the word was read into the
#: name), seen on part N; N is seen for credits from then on. O (scored by the lead at 0fc82f0,
#: credits.v3): 28 of 30, its agency's two rewrites that name it in a note missed. P (scored
#: by the lead at becc10a, credits.v3, unread): 28 of 30. Q (scored by the lead at 78a8a34,
#: credits.v3, unread for credits): 28 of 30.
MEASURED = {"heldout-l": 32, "heldout-m": 30, "heldout-n": 29, "heldout-o": 28, "heldout-p": 28, "heldout-q": 28}
#: Parts written but not yet scored: left out so that no test reads them before the lead scores them.
UNSCORED: set[str] = set()
PARTS = sorted(
    p.parent.name for p in (Path(__file__).parent / "gold").glob("*/credits.json") if p.parent.name not in UNSCORED
)


def test_the_written_parts_with_credits_are_found() -> None:
    assert {"heldout-f", "heldout-g", "heldout-h", "heldout-i"} <= set(PARTS)


@pytest.mark.parametrize("part", PARTS)
def test_credits_of_the_written_gold_parts(part: str) -> None:
    """The agency each article of a written gold part carries (its ``credits.json``, written
    with the part; every part that has one joins). Parts F, G and I were scored before the
    forms they missed were added (credits.v1, credits.v2), H before and after, J and K before
    credits.v3 (and I, J and K's gold moved to the convention that an agency's own copy is
    credited to it)."""
    from newsprism.readers import read_path

    root = Path(__file__).parent / "gold" / part
    want = json.loads((root / "credits.json").read_text(encoding="utf-8"))
    short = {"Associated Press": "AP", "agency": GENERIC}
    got = {}
    for path in sorted(p for p in (root / "articles").iterdir() if p.suffix in (".txt", ".html")):
        got[path.stem] = prepare_article(read_path(path)[0]).credit
    expected = {k: short.get(v, v) if v else None for k, v in want.items()}
    if part in MEASURED:  # scored, no round written for it yet: no fewer right than measured
        assert sum(got[k] == v for k, v in expected.items()) >= MEASURED[part]
    else:
        assert got == expected
