from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsprism._firstchar import admits, first_chars
from newsprism.clean import LONG_LINE, _reads_as_furniture, classify_line, clean_body, load_patterns, parse_patterns

FURNITURE = [
    ("Also read: Harbour tolls to rise next spring", "teaser"),
    ("Read more: Minister resigns over bridge contract", "teaser"),
    ("RELATED: Five things to know about the strike", "teaser"),
    ("Related stories", "teaser"),
    ("Advertisement", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Sign up for our free morning newsletter", "prompt"),
    ("Share this article", "prompt"),
    ("Share on Facebook", "prompt"),
    ("Facebook Twitter WhatsApp Email", "prompt"),
    ("Follow us on Instagram and X for the latest updates", "prompt"),
    ("Click here to subscribe", "teaser"),
    ("Photo: Mia Holm / Getty Images", "photo"),
    ("Rescuers search the rubble on Tuesday. (Photo by Ana Ruiz)", "photo"),
    ("Firefighters at the scene on Monday / Reuters", "photo"),
    ("By Tom Akers, Staff Reporter", "byline"),
    ("By Jane Roe and Sam Poe", "byline"),
    ("NORDPRESS | March 3, 2025", "byline"),
    ("Reuters | March 3, 2025", "byline"),
    ("Updated 14:32 GMT", "time"),
    ("Published: 2 hours ago", "time"),
    ("5 min read", "time"),
    ("Reading time: 3 min", "time"),
    ("March 3, 2025 10:15", "time"),
    ("KORSHOLM:", "dateline"),
    ("NEW DELHI --", "dateline"),
    ("Replying to Erik", "comments"),
    ("You have 2 free articles left this month. Subscribe for full access.", "prompt"),
    ("You have read 3 of 5 free articles this month.", "prompt"),
    ("Comments are moderated before they appear.", "comments"),
    ("What do you think? Leave a comment below.", "comments"),
    ("Don't miss a story: get the Courier newsletter every morning", "prompt"),
    ("Filed: 3 May 2025 14:10 GMT", "time"),
    ("Valley Courier Newsroom, with Nordpress", "byline"),
    ("Tags: ferries, Baltic, safety", "meta"),
    ("© 2025 The Valley Courier", "meta"),
    ("Sport | Athletics", "meta"),
    ("14/02/2025 - 09:30", "time"),
    ("12 May 2025 • 4 min read", "time"),
    ("Crowds on the quay on Friday. Photo: Ana Ruiz / Valley Courier", "photo"),
    ("The Courier is reader-funded. Support our journalism from £2 a month", "prompt"),
    ("(Reporting by Ana Ruiz; Editing by Tom Akers)", "credit"),
    ("KORSHOLM, March 3 (NP) -", "dateline"),
]

STORY = [
    "You have 10 days left to apply for the grant, the council told residents on Monday.",
    "A fire broke out in the engine room of the ferry on Monday, the coastguard said.",
    "By Tuesday, the water had receded from most streets.",
    "Deepening ties",
    "Share prices of the operator fell 4 per cent.",
    "Photographers were kept away from the site by police.",
    "Updated figures released by the ministry show a sharp rise.",
    "Related costs were not disclosed, the company said.",
    '"We will rebuild," the mayor said.',
    "Read the full statement on the ministry's website, he added.",
    "Comments made by the minister drew criticism.",
    "Follow-up inspections are planned for May.",
    "WHY THIS QUESTION MATTERS:",
    "WHAT HAPPENS NEXT:",
]


@pytest.mark.parametrize(("line", "category"), FURNITURE)
def test_furniture_is_dropped(line: str, category: str) -> None:
    pat = classify_line(line, load_patterns())
    assert pat is not None, line
    assert pat.category == category


@pytest.mark.parametrize("line", STORY)
def test_story_lines_are_kept(line: str) -> None:
    assert classify_line(line, load_patterns()) is None


STORY_PARAS = [
    "The harbour board voted on Tuesday to close the north quay for repairs until the spring.",
    "Engineers found cracks in the old stone wall last month after the winter storms had passed.",
    "Fishing boats will moor at the south pier while the work goes on, the board said in a statement.",
    "The repairs are expected to cost about two million crowns, shared between the town and the port.",
]


def test_comment_section_drops_the_rest() -> None:
    body = "\n".join([*STORY_PARAS, "COMMENTS", "Great article!", "I disagree with this."])
    cleaned = clean_body(body)
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert cleaned.removed == ("COMMENTS", "Great article!", "I disagree with this.")
    assert cleaned.reasons == ("comments", "comments", "comments")


def test_comment_link_above_the_story_never_cuts_it() -> None:
    # a menu above the story, a "Comments" link among its items: the story below stays whole
    menu = ["Home", "Local", "Sport", "Readers' Comments", "Contact"]
    body = "\n".join([*menu, *STORY_PARAS])
    cleaned = clean_body(body)
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert "Readers' Comments" in cleaned.removed


def test_comment_heading_needs_story_above_and_comments_below() -> None:
    # halfway down, a heading with as much story below as above: only the heading goes
    body = "\n".join([*STORY_PARAS[:2], "Discussion", *STORY_PARAS[2:]])
    assert clean_body(body).paragraphs == tuple(STORY_PARAS)
    # a long thread below a short story is cut when comment-shaped lines follow the heading
    thread = [f"Reader {i} says the quay should have been mended years ago, before the storms." for i in range(8)]
    body = "\n".join([*STORY_PARAS[:3], "Comments (8)", "Name (required)", *thread])
    assert clean_body(body).paragraphs == tuple(STORY_PARAS[:3])


def test_closing_paragraph_inviting_comments_stays() -> None:
    closing = (
        "The board will hold a public meeting on the plans next month, and residents can send their views "
        "before then. Do you think the quay should close? Tell us what you think in the comments below!"
    )
    body = "\n".join([*STORY_PARAS, closing])
    assert clean_body(body).paragraphs[-1] == closing


def test_field_lines_are_not_labels() -> None:
    body = "\n".join(["Author: Ana Ruiz", *STORY_PARAS, "Name: Harbour Works Ltd"])
    cleaned = clean_body(body)
    assert cleaned.paragraphs[0] == "Author: Ana Ruiz"
    assert cleaned.paragraphs[-1] == "Name: Harbour Works Ltd"


STRUCTURE_HEAD = [
    ("The Gullhaven Post | Stories the council would rather you missed", "masthead"),
    ("Eastmoor Evening — Serving the valley since 1921", "masthead"),
    ("Kelby Record | Business | 4 June 2025", "time"),  # a phrase pattern finds it first
]
STRUCTURE_TAIL = [
    ("Pass this on to someone who would enjoy it!", "appeal"),
    ("Keep the Gullhaven Post free for everyone", "after-story"),
    ("Seen something? Message the newsdesk at desk@gullhaven.example", "appeal"),
    ("Talk (42)", "comment-form"),
    ("Show first: Newest | Oldest", "navigation"),
    ("Stand with local reporting: your gift keeps us going", "appeal"),
    ("——", "separator"),
]


@pytest.mark.parametrize(("line", "category"), STRUCTURE_HEAD)
def test_shape_furniture_above_the_story(line: str, category: str) -> None:
    cleaned = clean_body("\n".join([line, *STORY_PARAS]))
    assert dict(zip(cleaned.removed, cleaned.reasons, strict=True)).get(line) == category
    assert cleaned.paragraphs == tuple(STORY_PARAS)


@pytest.mark.parametrize(("line", "category"), [x for x in STRUCTURE_TAIL if x[1] != "after-story"])
def test_shape_furniture_below_the_story(line: str, category: str) -> None:
    cleaned = clean_body("\n".join([*STORY_PARAS, line]))
    assert dict(zip(cleaned.removed, cleaned.reasons, strict=True)).get(line) == category
    assert cleaned.paragraphs == tuple(STORY_PARAS)


def test_headline_list_after_the_story() -> None:
    teasers = [
        "Council Approves New Ferry Timetable",
        "Lighthouse Keeper Retires After Forty Years",
        "Storm Warning for the Coast",
    ]
    cleaned = clean_body("\n".join([*STORY_PARAS, *teasers]))
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert set(cleaned.reasons) == {"headline-list"}
    # one title-case line after the story may be the story's own (a closing crosshead): it stays
    cleaned = clean_body("\n".join([*STORY_PARAS, "What the Harbour Board Decided Next Week"]))
    assert cleaned.paragraphs[-1] == "What the Harbour Board Decided Next Week"


STORY_LOOKALIKES = [
    "Gullhaven 2 Eastmoor 1 — a late goal settled it",  # between paragraphs: never touched
    "He said: “You will not see me on that quay again!”",
    "Residents can email the board at quay@harbour.example before Friday.",
    "You can read the full report on the council website.",
    "He denied the charges.",
    "Key dates:",
]


@pytest.mark.parametrize("line", STORY_LOOKALIKES)
def test_story_lines_that_look_like_furniture_stay(line: str) -> None:
    middle = clean_body("\n".join([*STORY_PARAS[:2], line, *STORY_PARAS[2:]]))
    assert line in middle.paragraphs
    if line != STORY_LOOKALIKES[0]:
        tail = clean_body("\n".join([*STORY_PARAS, line]))
        assert line in tail.paragraphs


def test_shape_rules_skip_html_and_fall_back_when_near_empty() -> None:
    line = "Keep the Gullhaven Post free for everyone"
    teasers = ["Council Approves New Ferry Timetable", "Lighthouse Keeper Retires After Forty Years"]
    body = "\n".join([*STORY_PARAS, *teasers, line])
    assert clean_body(body, html=True).paragraphs == (*STORY_PARAS, *teasers, line)
    # a page that is nothing but short lines has no anchor: left alone
    short = ["Council Approves the New Ferry Timetable Today", "Lighthouse Keeper Retires After Forty Years"]
    assert clean_body("\n".join(short)).paragraphs == tuple(short)


def test_repeated_lines_of_an_outlet() -> None:
    from newsprism.clean import CleanOptions, line_key, repeated_lines

    bodies = [f"{STORY_PARAS[i % 4]} Case {i}.\nThe Gullhaven Post, since 1921\n" for i in range(6)]
    keys = repeated_lines(bodies, outlet="Gullhaven Post", min_articles=5)
    assert keys == {line_key("the gullhaven post,  since 1921", "gullhaven  post")}
    cleaned = clean_body(bodies[0], options=CleanOptions(repeated=keys), outlet="Gullhaven Post")
    assert cleaned.reasons == ("repeated-line",)
    # another outlet's line of the same words is its own: the table is per outlet
    assert clean_body(bodies[0], options=CleanOptions(repeated=keys), outlet="Eastmoor Evening").reasons != (
        "repeated-line",
    )
    assert repeated_lines(bodies[:4], outlet="Gullhaven Post", min_articles=5) == frozenset()
    # a long paragraph in many articles is a story syndicated, not chrome
    long = " ".join(["word"] * 41)
    assert repeated_lines([f"{long}\nCase {i}." for i in range(9)]) == frozenset()
    assert CleanOptions(repeated=keys).version.startswith("furniture.v15+repeated-")


def test_comment_heading_in_the_first_half_drops_only_itself() -> None:
    body = "Story line one.\nComments\nStory line two.\nStory line three.\nStory line four.\n"
    cleaned = clean_body(body)
    assert cleaned.removed == ("Comments",)
    assert len(cleaned.paragraphs) == 4


def test_removed_lines_are_verbatim_and_headline_repeat_dropped() -> None:
    body = "  Ferry fire forces evacuation\nA line of story.\n   Advertisement  \nAnother line.\n"
    cleaned = clean_body(body, title="Ferry fire forces evacuation")
    assert cleaned.text == "A line of story.\nAnother line."
    assert cleaned.removed == ("  Ferry fire forces evacuation", "   Advertisement  ")
    assert cleaned.reasons == ("headline", "advert")


def test_labels_at_the_edges_and_beside_furniture() -> None:
    story = [f"Story sentence number {i} says something about the ferry." for i in range(12)]
    body = "\n".join(
        [
            "A standfirst that sums up the whole story in one line",
            "THE VALLEY COURIER",
            "By Ana Ruiz",
            *story[:6],
            "What happens next",
            "Advertisement",
            *story[6:],
            "Ferry news",
            "Most read",
        ]
    )
    cleaned = clean_body(body)
    assert "THE VALLEY COURIER" in cleaned.removed  # a masthead above a byline
    assert "What happens next" in cleaned.paragraphs  # a subheading mid-story stays
    assert "Ferry news" in cleaned.removed  # a label below the last line of story
    assert cleaned.paragraphs[0].startswith("A standfirst")
    assert dict(zip(cleaned.removed, cleaned.reasons, strict=True))["THE VALLEY COURIER"] == "label"


def test_bad_pattern_file_names_the_line() -> None:
    with pytest.raises(ValueError, match="furniture line 2"):
        parse_patterns("teaser\tline\t^ok$\nbroken line without tabs\n")
    with pytest.raises(ValueError, match="furniture line 1: bad regular expression"):
        parse_patterns("teaser\tline\t(unclosed\n")


def _try_all(line: str, patterns):
    """The cleaner's rule without its shortcuts: the first pattern that matches, in order."""
    stripped = line.strip()
    lower = stripped.lower()
    for p in patterns:
        if len(stripped) > LONG_LINE and not p.long:
            continue
        if p.needs and not any(n in lower for n in p.needs):
            continue
        found = p.regex.search(stripped)
        if found and not (
            len(stripped) > LONG_LINE
            and p.start
            and found.start() > 0
            and (p.scope == "rest" or not _reads_as_furniture(stripped, patterns))
        ):
            return p
    return None


def test_first_chars_of_anchored_patterns() -> None:
    assert first_chars(re.compile(r"^(photo|image)s?:")) == frozenset("pi")
    assert first_chars(re.compile(r"^(photo|image)s?:", re.IGNORECASE)) == frozenset("piPI")
    assert first_chars(re.compile(r"^\(?(by|via)\b", re.IGNORECASE)) == frozenset("(bvBV")
    assert first_chars(re.compile(r"(?-i:^[A-C]x)")) == frozenset("ABC")
    digits = first_chars(re.compile(r"^\d+ min"))
    assert admits(digits, "7") and admits(digits, "\u0663") and not admits(digits, "x")
    assert first_chars(re.compile(r"^(?!NOTE)[A-Z]")) == frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    assert first_chars(re.compile(r"^(a|)b")) == frozenset("ab")
    for unknown in (r"photo", r"^.{0,20}x", r"^\w+:", r"^[^a]b", r"^(a|)", r"^a|b", r"^(?=a)a"):
        assert first_chars(re.compile(unknown)) is None, unknown
    # the Kelvin sign folds onto "k" under IGNORECASE, so a line starting with it is tried
    assert re.compile(r"^kilo", re.IGNORECASE).search("\u212ailo")
    assert admits(first_chars(re.compile(r"^kilo", re.IGNORECASE)), "\u212a")


def test_shortcuts_pick_the_same_pattern_as_trying_all(gold_lines) -> None:
    """The first-character and needs shortcuts never change which pattern a line matches:
    checked on every line of the bundled gold sets and examples."""
    patterns = load_patterns()
    assert len(gold_lines) > 500
    matched = 0
    for line in gold_lines:
        want = _try_all(line, patterns)
        assert classify_line(line, patterns) is want, line
        matched += want is not None
    assert matched > 50


_PIECES = [f[0] for f in FURNITURE] + ["©", "(c)", "K", "\u212a", "1", "٣", " ", "|", "/", "Photo", "by", ":"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), min_size=1, max_size=6))
def test_shortcuts_agree_on_generated_lines(parts: list[str]) -> None:
    line = " ".join(parts).strip() or "x"
    patterns = load_patterns()
    assert classify_line(line, patterns) is _try_all(line, patterns)


@pytest.fixture(scope="module")
def gold_lines() -> list[str]:
    root = Path(__file__).parent.parent
    lines = []
    for folder in (root / "tests" / "gold", root / "examples"):
        for path in sorted(folder.rglob("*.txt")):
            lines += [x.strip() for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines


def test_a_list_of_the_story_after_its_last_paragraph_stays() -> None:
    # (lines of five words or fewer after the story are labels: see the test above)
    papers = [
        "The Gullhaven Evening Post and Herald",
        "The Eastmoor Weekly Record of Events",
        "The Kelby and District Times Today",
    ]
    body = "\n".join([*STORY_PARAS, "The papers that backed the plan are:", *papers])
    assert clean_body(body).paragraphs[-3:] == tuple(papers)
    seats = ["Safe Seats (12): Kelby, Eastmoor, Gullhaven", "Marginal Seats (4): Northfield, Westport, Upper Kelby"]
    assert clean_body("\n".join([*STORY_PARAS, *seats])).paragraphs[-2:] == tuple(seats)


# furniture.v4: kinds found by the words a site uses of itself after the story, by shape
# anywhere, and by what a pattern says the page does to the reader (own wordings)
V4_TAIL = [
    ("Marta Lindqvist is the Post's transport correspondent. She covered the courts before that.", "bio"),
    ("He writes about farming and rural affairs for the Eastmoor Evening.", "bio"),
    ("Good reporting is expensive to produce. If it matters to you, fund it with a small monthly gift.", "appeal"),
    ("Our newsroom runs on reader donations, not advertising.", "appeal"),
    ("Liked this piece? Forward it to a colleague.", "appeal"),
    ("The Gullhaven Post is owned by Northsea Titles Ltd, part of the Brightwater group.", "notice"),
    ("This page may not be copied or redistributed without the publisher's consent.", "notice"),
    ("We correct our mistakes promptly: if you spot an error, tell the standards desk.", "notice"),
    ("312 comments · Top | Latest", "comments"),
    ("Replies (9) | Order: Oldest first", "navigation"),
    ("Commenting on this report has been turned off for legal reasons.", "comments"),
    ("This archive is for subscribers only. Sign in to keep reading.", "prompt"),
]
V4_ANYWHERE = [
    ("FROM THE ARCHIVE → How the old ferry pier was built", "teaser"),
    ("View the harbour festival in pictures (31 photos)", "teaser"),
    ("ABOVE: Divers at the wreck of the trawler off Kelby Point", "photo"),
]
V4_LOOKALIKES = [
    # a bio-like line that is the story's own: the subject's job is no journalist's
    "Ingrid Moe is the harbour board's finance director and has held the post since 2019.",
    # the trade and money without a word to the reader or the outlet's "we"
    "Local newspapers have lost most of their advertising money to the big platforms, the report found.",
    # a transcript speaker and a list item under upper-case words: not captions
    "HALVORSEN: We did not expect the water to rise so fast",
    "VICTIMS: Two crew members of the trawler",
    # a dateline before a sentence
    "KELBY: The ferry resumed its crossings on Thursday after repairs.",
    # comments by a person are not a comment section
    "Her comments were not available to the inquiry, the chairman said.",
    "After the members-only briefing, two councillors said they would vote against.",
    # a question to a source, answered
    "Will fares rise? The operator says no.",
    "Will the new timetable suit you? Probably not.",
]


@pytest.mark.parametrize(("line", "category"), V4_TAIL)
def test_v4_furniture_below_the_story(line: str, category: str) -> None:
    cleaned = clean_body("\n".join([*STORY_PARAS, line]))
    assert dict(zip(cleaned.removed, cleaned.reasons, strict=True)).get(line) == category
    assert cleaned.paragraphs == tuple(STORY_PARAS)


@pytest.mark.parametrize(("line", "category"), V4_ANYWHERE)
def test_v4_furniture_anywhere_in_scraped_text(line: str, category: str) -> None:
    cleaned = clean_body("\n".join([*STORY_PARAS[:2], line, *STORY_PARAS[2:]]))
    assert dict(zip(cleaned.removed, cleaned.reasons, strict=True)).get(line) == category
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    # HTML is what trafilatura kept: the shape rules stay off there
    assert line in clean_body("\n".join([*STORY_PARAS[:2], line, *STORY_PARAS[2:]]), html=True).paragraphs


@pytest.mark.parametrize("line", V4_LOOKALIKES)
def test_v4_story_lines_that_look_like_furniture_stay(line: str) -> None:
    for body in ([*STORY_PARAS[:2], line, *STORY_PARAS[2:]], [*STORY_PARAS, line]):
        assert line in clean_body("\n".join(body)).paragraphs


def test_a_table_row_in_the_story_stays() -> None:
    row = "Date | 4 Jan | 9 Feb | 2 Mar"
    cleaned = clean_body("\n".join([*STORY_PARAS[:2], row, *STORY_PARAS[2:]]))
    assert row in cleaned.paragraphs
    # above the story the same shape is a timestamp line and goes
    assert row not in clean_body("\n".join([row, *STORY_PARAS])).paragraphs


def test_a_bio_ends_the_story_above_it() -> None:
    # a bio is long and ends a sentence, but it is no anchor: furniture below it goes too
    bio = "Tomas Berg is a staff writer at the Kelby Record, where he covers the harbour and its trade."
    cleaned = clean_body("\n".join([*STORY_PARAS, bio, "Seen something? Message desk@kelby.example", "Talk (3)"]))
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert cleaned.reasons[0] == "bio"


def test_lines_two_articles_of_one_outlet_repeat_at_their_edges() -> None:
    from newsprism.clean import CleanOptions, pile_repeated
    from newsprism.comparison import CompareOptions, with_pile_repeated
    from newsprism.model import RawArticle

    masthead = "Kelby Record: the paper the harbour reads"
    other = [
        "The lighthouse on Skarv Point will be lit again next month after a two-year restoration.",
        "Volunteers raised most of the money for new lenses at summer fairs and a winter auction.",
    ]
    one = RawArticle("a", "\n".join([masthead, *STORY_PARAS]), "a.txt", outlet="Kelby Record")
    two = RawArticle("b", "\n".join([masthead, *other]), "b.txt", outlet="Kelby Record")
    keys = pile_repeated([one, two])
    assert keys
    cleaned = clean_body(one.body, options=CleanOptions(repeated=keys), outlet="Kelby Record")
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert cleaned.reasons == ("repeated-line",)
    # one outlet's line says nothing of another's, nor of articles without an outlet
    assert pile_repeated([one, RawArticle("c", two.body, "c.txt", outlet="Eastmoor Evening")]) == frozenset()
    assert pile_repeated([RawArticle("d", one.body, "d.txt"), RawArticle("e", two.body, "e.txt")]) == frozenset()
    # two articles of one story (an update) share a paragraph: their shared deck is not chrome
    update = RawArticle("u", "\n".join([masthead, *STORY_PARAS[:2]]), "u.txt", outlet="Kelby Record")
    assert pile_repeated([one, update]) == frozenset()
    # compare and eval add the pile's lines to the cleaner's options
    assert with_pile_repeated(CompareOptions(), [one, two]).clean.repeated == keys
    assert with_pile_repeated(CompareOptions(), [one]) == CompareOptions()


def test_a_short_line_one_outlet_prints_between_the_paragraphs_of_two_stories() -> None:
    """furniture.v13: a share bar or sponsor line after the lead of two different stories of
    one outlet is the site's, though it stands between story paragraphs; a short line printed
    in one of them only is not counted."""
    from newsprism.clean import CleanOptions, pile_repeated
    from newsprism.model import RawArticle

    bar = "Pass it on to Signal, Mastodon or Post"
    crosshead = "What comes next"
    other = [
        "The lighthouse on Skarv Point will be lit again next month after a two-year restoration.",
        "Volunteers raised most of the money for new lenses at summer fairs and a winter auction.",
    ]
    one = RawArticle("a", "\n".join([STORY_PARAS[0], bar, crosshead, *STORY_PARAS[1:]]), "a.txt", outlet="Kelby Record")
    two = RawArticle("b", "\n".join([other[0], bar, other[1]]), "b.txt", outlet="Kelby Record")
    keys = pile_repeated([one, two])
    cleaned = clean_body(one.body, options=CleanOptions(repeated=keys), outlet="Kelby Record")
    assert bar not in cleaned.paragraphs and cleaned.reasons.count("repeated-line") == 1
    assert len(keys) == 1  # the crosshead, printed by one story only, is not the site's
    # the same two lines in two articles of one story (an update) are the story's: kept
    update = RawArticle("u", "\n".join([STORY_PARAS[0], bar, STORY_PARAS[1]]), "u.txt", outlet="Kelby Record")
    assert pile_repeated([one, update]) == frozenset()


LIGHTHOUSE = [
    "The lighthouse on Skarv Point will be lit again next month after a two-year restoration.",
    "Volunteers raised most of the money for new lenses at summer fairs and a winter auction.",
]


def test_a_label_two_stories_of_one_outlet_print_with_other_words() -> None:
    """furniture.v14: "READ NEXT:", "Sponsored:", "Travel:" head a line on every page of a
    site, each time with other words; a label heading short lines of two different stories of
    one outlet is the site's with whatever follows it. A label line that ends a sentence, one
    that opens a quotation, one printed by one story only, and a transcript's speaker heading
    many lines are not counted."""
    from newsprism.clean import CleanOptions, article_labels, line_label, pile_repeated
    from newsprism.model import RawArticle

    one_lines = [
        STORY_PARAS[0],
        "Sponsored: Harbour Kitchens, fitted in a fortnight",
        *STORY_PARAS[1:],
        "NEXT UP: Ferry timetable changes for the winter",
        "Why it matters: the pier is the town's only sheltered landing.",
    ]
    two_lines = [
        LIGHTHOUSE[0],
        "Sponsored: Skarv Point Cafe, open every weekend",
        LIGHTHOUSE[1],
        "Next up: Two new lifeguards for the summer season",
        "Why it matters: ships still use the light to find the channel.",
    ]
    one = RawArticle("a", "\n".join(one_lines), "a.txt", outlet="Kelby Record")
    two = RawArticle("b", "\n".join(two_lines), "b.txt", outlet="Kelby Record")
    keys = pile_repeated([one, two])
    cleaned = clean_body(one.body, options=CleanOptions(repeated=keys), outlet="Kelby Record")
    assert cleaned.paragraphs == (*STORY_PARAS, one_lines[-1])  # a sentence after a label is story
    assert cleaned.reasons.count("repeated-line") == 2
    # the labels: digits read as one, quotations and sentences are not labels
    assert (
        line_label("Coming up at 8: The Drive with Lola")
        == line_label("Coming up at 6: Early news")
        == "coming up at 0"
    )
    assert line_label('Mayor: "We will rebuild the pier"') is None
    assert line_label("Why it matters: the pier is the town's only sheltered landing.") is None
    assert line_label("a lower-case start: is a sentence run on") is None
    # a transcript's speaker heads many lines of one article: no label of the site's
    transcript = ["HOST: Welcome back", "GUEST: Thank you", "HOST: So what now", "HOST: And then", "HOST: Really"]
    assert article_labels(transcript) == frozenset({"guest"})
    # an update of one story shares a paragraph with it: its labels are not counted
    update = RawArticle(
        "u", "\n".join([STORY_PARAS[0], "Sponsored: Kelby Tyres, two for one"]), "u.txt", outlet="Kelby Record"
    )
    assert pile_repeated([one, update]) == frozenset()


def test_a_short_sentence_two_stories_print_below_the_story() -> None:
    """furniture.v14: a short sentence (at most 20 words) two different stories of one outlet
    print word for word below their last long paragraph is the site's (a gift offer, a print
    edition line, figures read as one); the same sentence between long paragraphs (a
    background sentence of a running story) is not, and it does not make two stories one."""
    from newsprism.clean import CleanOptions, pile_repeated
    from newsprism.model import RawArticle

    long_a = (
        "The harbour board met on Tuesday evening and agreed, after a long debate about the cost "
        "of repairs and the views of fishermen, to close the old pier for the whole winter."
    )
    long_b = (
        "Skarv Point's lighthouse keepers, who have kept the lamp lit through storms for decades, "
        "said on Friday that the new lenses would be fitted by volunteers over the spring months."
    )
    gift = "Know a friend who would enjoy this? Members may pass on 5 stories each month to anyone."
    background = "The town's harbour was built in the nineteenth century and was last repaired in the sixties."
    one = RawArticle("a", "\n".join([long_a, STORY_PARAS[0], gift.replace("5", "7")]), "a.txt", outlet="Kelby Record")
    two = RawArticle("b", "\n".join([long_b, LIGHTHOUSE[0], gift]), "b.txt", outlet="Kelby Record")
    keys = pile_repeated([one, two])
    cleaned = clean_body(one.body, options=CleanOptions(repeated=keys), outlet="Kelby Record")
    assert cleaned.paragraphs == (long_a, STORY_PARAS[0])
    three = RawArticle(
        "c", "\n".join([long_a, background, STORY_PARAS[0], long_a[:-1] + " again."]), "c.txt", outlet="Kelby Record"
    )
    four = RawArticle(
        "d", "\n".join([long_b, background, LIGHTHOUSE[0], long_b[:-1] + " again."]), "d.txt", outlet="Kelby Record"
    )
    assert pile_repeated([three, four]) == frozenset()


@pytest.mark.parametrize(
    "line",
    [
        # an organisation is no writer, whatever critic sits on its board
        "The Kelby Harbour Trust is led by a board that includes two former mayors and a noted critic of the port",
        # who owns a company, in business news, is no notice of the site's owners
        "Skarv Ferries is owned by Northsea Holdings Ltd, which is seeking to buy two rival operators on the "
        "coast in a deal the regulator opposes.",
    ],
)
def test_story_endings_about_organisations_stay(line: str) -> None:
    assert line in clean_body("\n".join([*STORY_PARAS, line])).paragraphs


def test_a_body_the_shape_rules_would_empty_falls_back_to_the_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose story is a list of title-case lines under one sentence (a programme, an
    honours list) would lose the list as headline-shaped furniture: the body would keep 16
    words of 100, so the cleaner falls back to the phrase patterns alone and keeps it."""
    from newsprism import clean as clean_module
    from newsprism.clean import CleanOptions

    lead = "The festival committee announced on Monday the bands that will play on the harbour stage."
    acts = [f"The {name} Brass Band From Northfield" for name in ("Gull", "Tern", "Heron", "Plover", "Curlew")]
    acts += [f"Saturday Evening With The {name} Singers" for name in ("Quay", "Dock", "Pier", "Mole", "Jetty")]
    acts += [f"Sunday Morning Hymns By The {name} Choir" for name in ("Abbey", "Chapel", "Minster", "Priory")]
    body = "\n".join([lead, *acts])
    fallback = clean_body(body, options=CleanOptions(use_structure=False))
    assert clean_body(body).paragraphs == fallback.paragraphs == (lead, *acts)
    monkeypatch.setattr(clean_module, "_near_empty", lambda *_: False)
    assert clean_body(body).paragraphs != fallback.paragraphs  # the shape rules alone drop the list


def test_a_table_of_the_story_is_no_masthead_and_its_header_no_breadcrumb() -> None:
    lead = (
        "The harbour league ended on Saturday with three clubs level on points after thirty games, "
        "and the title went to goal difference."
    )
    table = ["Club | Played | Points", "Gull Rovers | 30 | 61", "Tern Athletic | 30 | 61", "Heron Town | 30 | 61"]
    middle = "Heron Town scored twice in the last ten minutes of the season to finish third on goal difference."
    body = "\n".join([lead, *table, middle, *table[1:]])
    kept = clean_body(body).paragraphs
    assert kept == (lead, *table, middle, *table[1:])
    # a breadcrumb with bars and no table below it still goes
    assert "News | Sport | Local" not in clean_body("News | Sport | Local\n" + body).paragraphs


# furniture.v5: the outlet's own voice between the paragraphs, off the story's topic (own wordings)
V5_BETWEEN = [
    "Independent reporting is not cheap. Chip in from £3 a month and keep the Gullhaven Post going.",
    "Seen something we should know? Ring the newsdesk on 0161 496 0732 or message us.",
    "Weekend Walks, our free Saturday newsletter: sign up at www.gullhavenpost.example",
    "Contact the editor at letters@gullhavenpost.example",
    "Follow @gullhavenpost",
]
V5_STAYS = [
    # a call-out for readers' accounts of the story itself
    "Were you stranded by the closure? Send your photos to the Post and we will share them.",
    # the outlet named in the story's own line
    "Two skippers told the Post they would lose a week of fishing.",
    # "we" and "you" alone: columns and explainers speak so
    "How do we know the wall is unsafe?",
    "You might think a stone wall lasts for ever.",
    # a list item of the story with money by the year, a handle inside a sentence
    "• skippers who earn under $40,000 a year (61 percent);",
    "The survey was first reported by @harbourwatch on its blog.",
]


@pytest.mark.parametrize("line", V5_BETWEEN)
def test_v5_the_outlet_speaking_between_paragraphs_goes(line: str) -> None:
    body = "\n".join([*STORY_PARAS[:2], line, *STORY_PARAS[2:]])
    cleaned = clean_body(body, title="North quay to close for repairs", outlet="The Gullhaven Post")
    assert line in cleaned.removed
    assert cleaned.paragraphs == tuple(STORY_PARAS)


@pytest.mark.parametrize("line", V5_STAYS)
def test_v5_story_lines_in_a_voice_stay(line: str) -> None:
    for at in (2, len(STORY_PARAS)):
        body = "\n".join([*STORY_PARAS[:at], line, *STORY_PARAS[at:]])
        cleaned = clean_body(body, title="North quay to close for repairs", outlet="The Gullhaven Post")
        assert line in cleaned.paragraphs


def test_v5_an_appeal_that_speaks_of_the_story_stays() -> None:
    """The same appeal naming the story's own topic (the quay) is not off the topic."""
    line = "Chip in from £3 a month and keep our reporting on the quay and the harbour board going."
    body = "\n".join([*STORY_PARAS[:2], line, *STORY_PARAS[2:]])
    assert line in clean_body(body, title="North quay to close", outlet="The Gullhaven Post").paragraphs


def test_v5_a_slogan_under_the_masthead_goes_a_standfirst_stays() -> None:
    slogan = "Sailing with the news since 1921"
    deck = "Repairs to the north quay will last until spring"
    body = "\n".join(["THE GULLHAVEN POST", slogan, deck, *STORY_PARAS])
    cleaned = clean_body(body, title="North quay to close for repairs", outlet="The Gullhaven Post")
    assert slogan in cleaned.removed
    assert dict(zip(cleaned.removed, cleaned.reasons, strict=True))[slogan] == "masthead"
    assert deck in cleaned.paragraphs


def test_furniture_v7_shapes_at_the_edges() -> None:
    # furniture.v7: a comment heading joined to its controls cuts the comments below the story;
    # a strip of figures, a wire slug and a line that is only an agency credit go at the edges
    comments = ["Comments (12) | Sort by: Oldest", "Harbour Hal: Good news at last.", "Mia K: About time too, frankly."]
    cleaned = clean_body("\n".join([*STORY_PARAS, *comments]))
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert set(cleaned.reasons) == {"comments"}
    shouting = clean_body("\n".join([*STORY_PARAS, "31 COMMENTS — Join the debate", "Skipper: Well said."]))
    assert shouting.paragraphs == tuple(STORY_PARAS)
    # the heading alone with story below it as long as above: a subheading, nothing cut
    story_below = clean_body("\n".join([STORY_PARAS[0], "Comments (2) | Sort by: Top", *STORY_PARAS[1:]]))
    assert STORY_PARAS[-1] in story_below.paragraphs
    top = ["KLB 100 2,140.5 ▲0.4% | €/$ 1.09 | Brent $80.10", "KELBY-HARBOUR/ (updates with vote)"]
    tail = ["The Associated Press contributed to this report."]
    cleaned = clean_body("\n".join([*top, *STORY_PARAS, *tail]))
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert cleaned.reasons == ("ticker", "slug", "credit")
    # a table of the story's own stays, and so does a dateline
    table = ["2019 | 4,100 | 12%", "2020 | 4,600 | 14%"]
    kept = clean_body("\n".join([*STORY_PARAS[:2], *table, *STORY_PARAS[2:]]))
    assert kept.paragraphs == (*STORY_PARAS[:2], *table, *STORY_PARAS[2:])
    dateline = "KELBY (AP) - " + STORY_PARAS[0]
    assert clean_body("\n".join([dateline, *STORY_PARAS[1:]])).paragraphs[0] == dateline


def test_an_edge_line_repeated_with_other_figures_is_the_outlets() -> None:
    from newsprism.clean import CleanOptions, pile_repeated
    from newsprism.model import RawArticle

    other = [
        "The lighthouse on Skarv Point will be lit again next month after a two-year restoration.",
        "Volunteers raised most of the money for new lenses at summer fairs and a winter auction.",
    ]
    one = RawArticle("a", "\n".join(["You have 2 free articles left.", *STORY_PARAS]), "a.txt", outlet="Kelby Record")
    two = RawArticle("b", "\n".join(["You have 1 free article left.", *other]), "b.txt", outlet="Kelby Record")
    three = RawArticle("c", "\n".join(["You have 1 free articles left.", *other]), "c.txt", outlet="Kelby Record")
    assert pile_repeated([one, two]) == frozenset()  # "article" against "articles": another line
    keys = pile_repeated([one, three])
    cleaned = clean_body(one.body, options=CleanOptions(repeated=keys), outlet="Kelby Record")
    assert cleaned.paragraphs == tuple(STORY_PARAS)
    assert cleaned.reasons == ("repeated-line",)


# furniture.v9: the outlet's own promotions, headline lists under a dropped heading, readers'
# posts under a comment count, bios by their beat, appeals whose own words are the only overlap


def _v9(lines: list[str], outlet: str = "Brackwater Signal") -> dict[str, str]:
    page = "\n".join([*STORY_PARAS, *lines])
    cleaned = clean_body(page, title="Harbour board closes north quay", outlet=outlet)
    return dict(zip(cleaned.removed, cleaned.reasons, strict=True))


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Coming up on Signal: The Harbour Hour with Ros Penna, 6pm", "promo"),
        ("Also read on the Signal: Ferry timetable changes from May", "promo"),
        # the outlet's name alone before a colon is a source; a label naming it otherwise too
        ("Signal: The board has not replied to questions", None),
        ("Story highlights on CNN: The harbour closes", None),
        ("FIRST ON SIGNAL: Board to close quay", None),
        # a sentence is never a promotion
        ("Coming up on Signal: the board's vote, in full.", None),
    ],
)
def test_v9_the_outlets_own_promotions(line: str, why: str | None) -> None:
    assert _v9([line]).get(line) == why


def test_v9_a_run_of_headlines_under_a_dropped_heading_goes_with_figures_and_numbers() -> None:
    tail = ["Trending now", "1. Ferry fares to rise by 4% in June", "2. Lifeboat crew honoured, at last, in Carrow"]
    found = _v9(tail)
    assert found[tail[1]] == found[tail[2]] == "headline-list"
    # under a kept lead-in of the story's own, the same lines stay
    story_list = [
        "The boats that will move are:",
        "1. Morning Star, the trawler from Carrow",
        "2. Kittiwake and her tender from Pellow",
    ]
    assert not set(story_list) & set(_v9(story_list))


def test_v9_readers_posts_under_a_comment_count() -> None:
    tail = ["Signal Comments (2)", "Rosa from Quay Lane: About time too.", "Harbourwatcher7: they said that last year"]
    found = _v9(tail)
    assert found[tail[1]] == found[tail[2]] == "comments"
    # one line of another shape below the count keeps them all: the run must end the page
    mixed = _v9([*tail, "The board meets again in March to review the timetable for the repairs."])
    assert tail[1] not in mixed


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Mara Quell writes about ports, shipping and the people who work on them.", "bio"),
        ("Mara Quell covers transport and energy.", "bio"),
        ("Mara Quell covers the cost herself.", None),
        # a story's own sentence with "covers" and an amount (review of furniture.v9)
        ("Tropical Storm Maria covers large parts of the island.", None),
        ("Lake Ardmore Park covers most of the valley floor.", None),
        ("She writes about it in a new book out next month.", None),
    ],
)
def test_v9_a_bio_by_its_beat_at_the_end(line: str, why: str | None) -> None:
    assert _v9([line]).get(line) == why


def test_v9_an_appeal_whose_shared_words_are_its_own_and_a_figure_of_the_story() -> None:
    appeal = "Reporting costs money. Back the Signal from £3 a month."
    assert _v9([appeal]) == {appeal: "outlet"} or _v9([appeal])[appeal] in {"outlet", "appeal"}
    # a price by the period that does not speak to the reader is the story's figure
    fact = "Boat owners will pay an extra £40 a year in mooring fees."
    assert fact not in _v9([fact, "The board meets again in March."])


def test_v9_a_tables_rows_under_their_heading_are_no_labels() -> None:
    tail = ["Quay | Berths | Length (m)", "North | 14 | 220", "Filed under: Harbours", "Related stories"]
    found = _v9(tail)
    assert "North | 14 | 220" not in found


# furniture.v10: the story's own lists and structure that shape rules and patterns took for
# furniture (issue 16, a sample of every removed line on real text judged by eye)

_MEMBERS = [
    "Brackwater Tenants Union",
    "Coastal Rights Forum",
    "Dunmore Fishers Cooperative",
    "Eastfield Legal Aid Centre",
    "Friends of the North Quay",
    "Greyport Dockworkers Association",
    "Harbour Heritage Trust",
]


def _cleaned(lines: list[str]) -> tuple[tuple[str, ...], dict[str, str]]:
    cleaned = clean_body("\n".join(lines), title="Harbour board closes north quay", outlet="Brackwater Signal")
    return cleaned.paragraphs, dict(zip(cleaned.removed, cleaned.reasons, strict=True))


def test_a_list_the_story_announces_stays_whole() -> None:
    kept, removed = _cleaned([*STORY_PARAS, "The groups that signed the letter to the board include:", *_MEMBERS])
    assert removed == {}
    assert kept[-len(_MEMBERS) :] == tuple(_MEMBERS)


@pytest.mark.parametrize(
    "lead",
    [
        None,  # no lead-in: a run of title-case lines after the story is other stories' headlines
        "Other articles in the harbour series:",  # the outlet's own pages
        "To contact the editors responsible for this story:",  # the desk
        "Read more about the quay from the Brackwater Signal:",  # the outlet itself
    ],
)
def test_a_run_without_the_storys_lead_in_still_goes(lead: str | None) -> None:
    _, removed = _cleaned([*STORY_PARAS, *([lead] if lead else []), *_MEMBERS])
    assert {removed.get(m) for m in _MEMBERS} - {None}  # some of them go, as in furniture.v9


def test_the_announced_list_ends_at_the_next_paragraph() -> None:
    kept, removed = _cleaned(
        [*STORY_PARAS[:2], "The groups that signed include:", *_MEMBERS[:3], *STORY_PARAS[2:], "Read more:", "A"]
    )
    assert all(m in kept for m in _MEMBERS[:3])
    assert "Read more:" in removed  # the patterns still apply after it


@pytest.mark.parametrize("label", ["JANE ODUYA, HOST:", "THE MAYOR:", "THE VOTE:"])
def test_a_speaker_or_crosshead_in_capitals_between_paragraphs_stays(label: str) -> None:
    kept, removed = _cleaned([STORY_PARAS[0], label, *STORY_PARAS[1:]])
    assert label in kept and removed == {}


def test_a_dateline_above_the_story_still_goes() -> None:
    _, removed = _cleaned(["KESSFORD:", *STORY_PARAS])
    assert removed == {"KESSFORD:": "dateline"}


def test_the_dates_of_a_timeline_stay() -> None:
    lines = [STORY_PARAS[0], "March 3, 2024", STORY_PARAS[1], "9 March 2024", STORY_PARAS[2], STORY_PARAS[3]]
    kept, removed = _cleaned(lines)
    assert removed == {} and "March 3, 2024" in kept and "9 March 2024" in kept


def test_one_date_between_paragraphs_is_the_pages_own() -> None:
    _, removed = _cleaned([STORY_PARAS[0], "March 3, 2024", *STORY_PARAS[1:]])
    assert removed == {"March 3, 2024": "time"}


# furniture.v11: the story text v10 still dropped in a sample of real removed lines (issue 16)


def test_a_crosshead_read_as_a_byline_between_paragraphs_stays() -> None:
    kept, removed = _cleaned([STORY_PARAS[0], STORY_PARAS[1], "The harbour team", *STORY_PARAS[2:]])
    assert "The harbour team" in kept and removed == {}


def test_a_staff_byline_above_the_story_still_goes() -> None:
    _, removed = _cleaned(["The Signal news team", *STORY_PARAS])
    assert removed == {"The Signal news team": "byline"}


def test_a_byline_between_paragraphs_with_a_comma_still_goes() -> None:
    # not a crosshead's shape: a comma
    line = "The Signal news team, with Tom Brigg"
    _, removed = _cleaned([STORY_PARAS[0], STORY_PARAS[1], line, *STORY_PARAS[2:]])
    assert line in removed


_TRANSCRIPT = [
    "JANE ODUYA, HOST:",
    "Today we look at why the harbour board closed the north quay for repairs until the spring.",
    "TOM BRIGG, BYLINE: Engineers found cracks in the old stone wall last month after the storms.",
    "JANE ODUYA: And the boats will moor at the south pier while the work goes on, the board said.",
    "TOM BRIGG: The repairs are expected to cost about two million crowns, shared with the port.",
]


def test_a_transcripts_first_speaker_above_the_first_paragraph_stays() -> None:
    kept, removed = _cleaned(_TRANSCRIPT)
    assert kept[0] == "JANE ODUYA, HOST:" and removed == {}


def test_a_dateline_above_a_page_that_is_no_transcript_still_goes() -> None:
    _, removed = _cleaned(["JANE ODUYA, HOST:", *STORY_PARAS])
    assert removed == {"JANE ODUYA, HOST:": "dateline"}


def test_a_timelines_date_above_a_caption_stays() -> None:
    lines = [
        STORY_PARAS[0],
        "March 3, 2024",
        STORY_PARAS[1],
        "9 March 2024",
        "Photo: the north quay at low tide",
        STORY_PARAS[2],
        "March 12, 2024",
        STORY_PARAS[3],
    ]
    kept, removed = _cleaned(lines)
    assert all(d in kept for d in ("March 3, 2024", "9 March 2024", "March 12, 2024"))
    assert removed == {"Photo: the north quay at low tide": "photo"}


_ROUNDUP = [
    "The board's vote drew comment from both sides.",
    "“The quay has needed this work for a decade, and the board was right to act now.”",
    "Jane Oduya, Kessford Lantern",
    "“Closing the quay in the fishing season puts the smallest boats out of work.”",
    "Tom Brigg, The Greyport Courier",
    "“Two million crowns is a fair price for a wall that will stand another century.”",
    "Editorial Board, Brackwater Herald",
]


def test_a_roundups_attributions_stay_down_to_the_last() -> None:
    kept, removed = _cleaned([*STORY_PARAS, *_ROUNDUP])
    assert kept[-1] == "Editorial Board, Brackwater Herald" and removed == {}


def test_one_name_and_outlet_below_the_story_is_still_a_label() -> None:
    _, removed = _cleaned([*STORY_PARAS, "Jane Oduya, Kessford Lantern"])
    assert removed == {"Jane Oduya, Kessford Lantern": "label"}


# furniture.v12: a masthead by the outlet's own name, a text line's short code (issue 16 part 1)


@pytest.mark.parametrize(
    "banner",
    [
        "BRACKWATER SIGNAL ~ Serving the quays since 1902",
        "The Brackwater Signal ★ Your harbour. Your paper.",
        "Brackwater Signal — news from the north shore and beyond",
    ],
)
def test_a_masthead_by_the_outlets_own_name_above_the_story_goes(banner: str) -> None:
    kept, removed = _cleaned([banner, *STORY_PARAS])
    assert removed == {banner: "masthead"} and kept == tuple(STORY_PARAS)


def test_another_outlets_name_or_a_sentence_naming_the_outlet_is_no_masthead() -> None:
    # the name must be the article's own outlet, followed by a mark, not a sentence's words
    from newsprism.clean import _named_masthead, _named_masthead_pattern

    own = _named_masthead_pattern("The Brackwater Signal")
    assert _named_masthead("THE BRACKWATER SIGNAL ~ Serving the quays", own) == "masthead"
    assert _named_masthead("KESSFORD LANTERN ~ Serving the quays", own) is None
    assert _named_masthead("Brackwater Signal readers asked the board about the quay", own) is None
    assert _named_masthead('Brackwater Signal: "We will fight the closure"', own) is None
    first = "Brackwater Signal readers asked the board about the quay"
    kept, removed = _cleaned([first, *STORY_PARAS])
    assert first in kept and removed == {}


def test_a_masthead_by_name_with_a_long_rest_or_below_the_story_stays() -> None:
    long_rest = "Brackwater Signal: " + " ".join(["word"] * 13)
    kept, _ = _cleaned([long_rest, *STORY_PARAS])
    assert long_rest in kept
    between = "Brackwater Signal ~ Serving the quays since 1902"
    kept, _ = _cleaned([STORY_PARAS[0], STORY_PARAS[1], between, *STORY_PARAS[2:]])
    assert between in kept


@pytest.mark.parametrize("where", ["between", "after"])
def test_a_tip_line_with_a_text_short_code_goes(where: str) -> None:
    tip = "Spotted something? Text Signal News on 64123"
    lines = [*STORY_PARAS[:2], tip, *STORY_PARAS[2:]] if where == "between" else [*STORY_PARAS, tip]
    kept, removed = _cleaned(lines)
    assert removed == {tip: "outlet"} and tip not in kept


def test_a_five_digit_figure_in_a_story_line_is_no_short_code() -> None:
    line = "Text alerts went to 12000 residents on Monday"
    kept, removed = _cleaned([*STORY_PARAS[:2], line, *STORY_PARAS[2:]])
    assert line in kept and removed == {}


def test_the_pages_last_line_below_an_appeal_goes() -> None:
    lines = [
        *STORY_PARAS,
        "Spotted something? Text Signal News on 64123",
        "Signal Tides: high water at 6.40, low at 12.55",
    ]
    kept, removed = _cleaned(lines)
    assert removed == {lines[-2]: "outlet", lines[-1]: "trailer"} and kept == tuple(STORY_PARAS)


def test_the_pages_last_line_below_a_credit_goes() -> None:
    last = "Members can read the board's full report with our notes — log in to continue"
    kept, removed = _cleaned([*STORY_PARAS, "Additional reporting by Reuters", last])
    assert removed.get(last) == "trailer" and kept == tuple(STORY_PARAS)


def test_the_storys_last_sentence_between_a_teaser_and_a_credit_stays() -> None:
    # a line below it: the story ended there, not above the teaser
    last = "Shares in the port company fell on the news."
    kept, _ = _cleaned([*STORY_PARAS, "WATCH: Divers inspect the north quay wall (2:41)", last, "With agency inputs"])
    assert kept[-1] == last


def test_the_pages_last_line_below_an_advert_or_a_quotation_stays() -> None:
    # an advertisement stands between paragraphs as often as after them
    last = "The quay will reopen in April."
    kept, _ = _cleaned([*STORY_PARAS, "Advertisement", last])
    assert kept[-1] == last
    quoted = '"We will be back by Easter," the harbour master said.'
    kept, _ = _cleaned([*STORY_PARAS, "Additional reporting by Reuters", quoted])
    assert kept[-1] == quoted


def test_the_storys_last_line_below_an_embedded_videos_call_stays() -> None:
    # an appeal, a prompt or a teaser stands between a story's paragraphs as often as after them
    last = "But the fishermen are not having it."
    kept, removed = _cleaned([*STORY_PARAS, "Watch the latest video at video.example.com", last])
    assert kept[-1] == last and last not in removed


def test_the_pages_last_line_announcing_an_embed_stays() -> None:
    # a line ending in a colon announces what stood below it (an embedded post the scrape left out)
    last = "Fishermen in general seem to dislike the plan. From the harbour forum:"
    kept, _ = _cleaned([*STORY_PARAS, "Additional reporting by Reuters", last])
    assert kept[-1] == last


# --- furniture.v15 (issue 16 part 1): notes about the article, signed posts, source notes,
# labels of short sentences in a pile (all text invented)


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Correction: An earlier version of this article gave the wrong date for the quay vote.", "meta"),
        ("A previous version of this story misnamed the harbour master.", "meta"),
        ("This article was amended on 3 May to correct the cost of the repairs.", "meta"),
        ("This story has been updated to include a response from the port company.", "meta"),
        ("A version of this article appears in print on page 7 of the Saturday edition.", "meta"),
        ("This story appeared in the print edition of 4 March.", "meta"),
        ("MORE", "meta"),
        ("(MORE)", "meta"),
        ("Recommended by Clickwell: Residents are rushing to claim this little-known rebate", "advert"),
        ("This article draws on reporting by Kestrel Press Agency.", "credit"),
        # the story's own words about versions, print and recommendations stay
        ("An earlier version of the plan was rejected by the board in 2019.", None),
        ("The report was amended on Monday after objections from fishermen.", None),
        ("More", None),
        # a note the scrape ran into the story's next paragraph: the story's words stay
        ("This story has been updated to reflect new developments.The harbour board met again on Friday.", None),
        ("Recommended by engineers: a full survey of the wall before work starts.", None),
    ],
)
def test_v15_notes_about_the_article_itself(line: str, why: str | None) -> None:
    pat = classify_line(line, load_patterns())
    assert (pat.category if pat is not None else None) == why


def test_v15_readers_posts_signed_as_readers_end_the_page() -> None:
    posts = ["Nina K: Disgraceful. Nobody asked us.", "Sam from Orley: Where will the boats go now?"]
    found = _v9([*posts, "Related: Ferry fares to rise in April"])
    assert found[posts[0]] == found[posts[1]] == "comments"
    # one post alone is no run
    assert posts[0] not in _v9([posts[0]])
    # a vox pop names people whole, a transcript's speakers are in capitals: they stay
    vox = ["Nina Karlsen, a net maker: It is a disgrace.", "Sam Orley, 52: Where will the boats go now?"]
    assert not set(vox) & set(_v9(vox))
    speakers = ["HOST: So where will the boats go?", "MAYOR: To the south pier, for the winter."]
    assert not set(speakers) & set(_v9(speakers))
    # a story line below the posts: they are not the page's end
    below = "The board meets again in March to review the timetable for the repairs."
    assert not set(posts) & set(_v9([*posts, below]))


def test_v15_a_source_note_below_the_story() -> None:
    notes = ["Source: Kestrel Press Agency", "Sources: harbour board minutes, port company statement."]
    for note in notes:
        assert _v9([note]).get(note) == "credit"
    # between two paragraphs of the story it is the story's (a chart's source, a list)
    mid = clean_body("\n".join([STORY_PARAS[0], notes[0], *STORY_PARAS[1:]]), outlet="Brackwater Signal")
    assert notes[0] in mid.paragraphs
    # a sentence with more in it than a source is no note
    long_note = "Source: a harbour official who asked not to be named said the board had known for years."
    assert long_note not in _v9([long_note])


def test_v15_a_bracket_after_a_word_ends_no_label_line() -> None:
    from newsprism.clean import line_label

    assert line_label("Companies in this story: Harbour Holdings plc (HBH)") == "companies in this story"
    assert line_label("Why it matters: the quay is the only landing (for now).") is None


def test_v15_a_label_of_short_sentences_two_stories_of_one_outlet_print() -> None:
    """A label heading a short sentence in two articles of one outlet on different stories is
    the site's; its sentence goes when it shares no word with the rest of the article ("Coming
    up at 7: ..."), or when the label's lines of the two stories share a word neither story
    holds (a road of the travel bulletin, whatever place the story shares). A smart-brevity
    "Why it matters: ..." speaks of each story and stays."""
    from newsprism.clean import CleanOptions, pile_repeated
    from newsprism.model import RawArticle

    one_lines = [
        *STORY_PARAS,
        "Why it matters: the north quay is where the fishing boats land their catch.",
        "Travel: Slow traffic on the coast road at Marlow, north quay closed.",
        "Coming up at 7: The Evening Phone-in with Dana Pell.",
    ]
    two_lines = [
        *LIGHTHOUSE,
        "Why it matters: the lighthouse guards the channel into the bay.",
        "Travel: Queues on the coast road at Marlow, temporary lights.",
        "Coming up at 6: Drivetime with Ola Brenn.",
    ]
    one = RawArticle("a", "\n".join(one_lines), "a.txt", title="Harbour board closes north quay", outlet="Bay FM")
    two = RawArticle("b", "\n".join(two_lines), "b.txt", title="Skarv Point light to shine again", outlet="Bay FM")
    keys = pile_repeated([one, two])
    cleaned = clean_body(one.body, title=one.title, options=CleanOptions(repeated=keys), outlet="Bay FM")
    assert cleaned.paragraphs == (*STORY_PARAS, one_lines[-3])
    assert set(cleaned.removed) == set(one_lines[-2:])
    # without the other story: no evidence, every line stays
    alone = clean_body(one.body, title=one.title, options=CleanOptions(repeated=pile_repeated([one])), outlet="Bay FM")
    assert one_lines[-1] in alone.paragraphs and one_lines[-2] in alone.paragraphs
