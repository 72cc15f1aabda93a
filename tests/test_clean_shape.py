"""The learned line-shape evidence of the cleaner (``shape.v2``, on by default since
``furniture.v8``; off, the version is ``furniture.v15-noshape``): what it may
drop, what it never touches, the shipped model file and bad model files."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsprism.clean import CLEANER_VERSION, CLEANER_VERSION_WITHOUT_SHAPE, CleanOptions, clean_body
from newsprism.lineshape import FEATURES, VERSION, ShapeModelError, line_features, load_model

TITLE = "Landslip closes valley road"
STORY = [
    "Crews worked through the night to clear the landslip that closed the valley road on Monday, the county said.",
    "Engineers expect one lane to reopen by the weekend once the slope has been checked and fenced off.",
    "Residents of the upper village have been driving a forty-minute detour through the forest track since then.",
]
TAIL = [
    "Tonight on Valley FM: The Farm Hour with Gwen Astley, 8pm",
    "Market prices slip for second week",
    "New head named at Carrow primary school",
    "Sheila from Pellow: about time they fixed that bank",
]
PAGE = "\n".join(["Pellow Valley Voice", "Written by Tomas Breck", *STORY, *TAIL])
ON = CleanOptions(learned_shape=True)
OFF = CleanOptions(learned_shape=False)


def _shipped_text() -> str:
    return resources.files("newsprism").joinpath("data", "shape.v2.json").read_text(encoding="utf-8")


def test_the_shipped_model_loads_with_its_header():
    data = json.loads(resources.files("newsprism").joinpath("data", "shape.v2.json").read_text(encoding="utf-8"))
    assert data["version"] == VERSION
    assert data["source"] and data["licence"]
    assert tuple(data["features"]) == FEATURES
    model = load_model()
    assert 0.5 <= model.bar < 1.0


def test_on_by_default_as_furniture_v12_and_noshape_when_off():
    assert CleanOptions().learned_shape is True
    assert CleanOptions().version == ON.version == CLEANER_VERSION == "furniture.v15"
    assert OFF.version == CLEANER_VERSION_WITHOUT_SHAPE == "furniture.v15-noshape"
    assert "shape" not in clean_body(PAGE, title=TITLE, options=OFF).reasons
    assert "shape" in clean_body(PAGE, title=TITLE).reasons
    custom = CleanOptions(shape_model=_shipped_text())
    assert custom.version.startswith("furniture.v15-noshape+shape-custom-")
    assert CleanOptions(patterns="", learned_shape=True).version.endswith("+" + VERSION)


def test_lines_after_the_story_that_the_other_evidence_keeps_are_dropped_with_their_reason():
    before = clean_body(PAGE, title=TITLE, options=OFF)
    after = clean_body(PAGE, title=TITLE, options=ON)
    assert all(line in before.paragraphs for line in TAIL)
    assert set(before.removed) <= set(after.removed)  # it only adds
    added = {line: why for line, why in zip(after.removed, after.reasons, strict=True) if line not in before.removed}
    assert added == dict.fromkeys(TAIL, "shape")
    assert after.paragraphs == tuple(STORY)


@pytest.mark.parametrize(
    "tail",
    [
        ["Talks resume on Thursday."],  # a sentence
        ["The full list of closures:", "Upper Lane", "Mill Hill"],  # a line ending in a colon, and what it introduces
        ["Road | Closed | Reopens", "Upper Lane | Monday | Friday", "Mill Hill | Tuesday | Sunday"],  # a table
        ["Detour via Carrow, Pellow, Stanning and Ebb"],  # a list item
        ["Thanks to the crews — Ada Lyle (@adalyle) March 3, 2024"],  # an embedded post
        ["A lone line after the story stays"],  # one line alone: a crosshead as often as furniture
    ],
)
def test_story_shapes_after_the_story_stay(tail):
    page = "\n".join([*STORY, *tail])
    assert "shape" not in clean_body(page, title=TITLE, options=ON).reasons


def test_nothing_with_a_kept_sentence_between_the_line_and_the_story():
    closing = "The county will review the slope again in the spring."
    page = "\n".join([*STORY, TAIL[1], TAIL[2], closing])
    result = clean_body(page, title=TITLE, options=ON)
    assert "shape" not in result.reasons


def test_a_field_with_its_value_stays():
    field = "Venue: Carrow Park on Saturday afternoon"
    page = "\n".join([*STORY, field, TAIL[1], TAIL[2]])
    result = clean_body(page, title=TITLE, options=ON)
    assert field in result.paragraphs
    assert "shape" in result.reasons  # a line beside it goes


def test_nothing_with_a_long_kept_line_between_the_line_and_the_story():
    quote = " ".join(["the council should have acted on the slope years ago"] * 3) + " — Valley Residents Group"
    page = "\n".join([*STORY, "Views", TAIL[1], quote])
    assert "shape" not in clean_body(page, title=TITLE, options=ON).reasons


def test_a_deck_above_the_story_and_lines_inside_it_stay():
    deck = "Upper village cut off as engineers check the slope"
    inside = "Road works ahead"
    page = "\n".join([deck, STORY[0], inside, STORY[1], STORY[2], *TAIL])
    result = clean_body(page, title=TITLE, options=ON)
    assert deck in result.paragraphs and inside in result.paragraphs


def test_nothing_without_an_anchor_and_nothing_on_html():
    page = "\n".join(TAIL)
    assert "shape" not in clean_body(page, title=TITLE, options=ON).reasons
    assert "shape" not in clean_body(PAGE, title=TITLE, options=ON, html=True).reasons


def test_features_and_eligible_lines():
    lines = PAGE.split("\n")
    feats, eligible = line_features(lines, TITLE, set(), every=True)
    assert set(feats) == set(range(len(lines)))
    assert all(len(f) == len(FEATURES) for f in feats.values())
    story = {lines.index(s) for s in STORY}
    assert not eligible & story
    only, _ = line_features(lines, TITLE, set())
    assert not set(only) & story  # at inference only the lines outside the story are read
    assert all(only[n] == feats[n] for n in only)  # and read the same


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a JSON object"),
        (json.dumps({"version": "shape.v0"}), "not a shape.v2 model"),
        (
            json.dumps(
                {
                    "version": VERSION,
                    "features": list(FEATURES),
                    "mean": [0.0],
                    "scale": [1.0],
                    "coefficients": [1.0],
                    "intercept": 0,
                    "bar": 0.9,
                }
            ),
            "needs",
        ),
    ],
)
def test_a_bad_model_is_refused_once_in_one_line(text, message):
    with pytest.raises(ShapeModelError, match=message) as info:
        CleanOptions(shape_model=text)
    assert "\n" not in str(info.value)


def test_a_model_of_ones_own_switches_the_decision_on_and_is_named():
    data = json.loads(resources.files("newsprism").joinpath("data", "shape.v2.json").read_text(encoding="utf-8"))
    data["bar"] = 0.999999
    opts = CleanOptions(shape_model=json.dumps(data))
    assert "+shape-custom-" in opts.version
    assert "shape" not in clean_body(PAGE, title=TITLE, options=opts).reasons  # a bar nothing reaches


# shape.v2: guards where real pages showed story lines outside the anchors


def test_an_anchor_may_end_in_an_attribution():
    from newsprism.lineshape import _anchor

    quote = (
        "“We rebuilt the wall in a fortnight and the road will stay open all winter,” the engineer said. — County Post"
    )
    assert _anchor(quote)
    assert not _anchor("Market prices slip for second week — County Post")
    # the line between the story and such a paragraph is inside the story: not dropped
    page = "\n".join([*STORY, TAIL[1], quote, TAIL[2]])
    result = clean_body(page, title=TITLE, options=ON)
    assert TAIL[1] in result.paragraphs and quote in result.paragraphs


def test_a_summary_s_items_before_the_story_stay():
    items = [
        "Crews spent the night clearing rock from the valley road",
        "Repairs to cost millions",  # short: a headline's shape, but one of the summary's items
        "Residents of the upper village face a long detour",
    ]
    page = "\n".join([*items, *STORY, *TAIL])
    result = clean_body(page, title=TITLE, options=ON)
    assert all(item in result.paragraphs for item in items)
    assert "shape" in result.reasons  # the tail still goes


def test_a_sentence_that_lost_its_stop_after_the_story_stays_and_so_does_what_lies_before_it():
    pointer = "For the engineers' full report on the slope and the repairs, see the county council's planning pages"
    page = "\n".join([*STORY, TAIL[1], pointer])
    result = clean_body(page, title=TITLE, options=ON)
    assert pointer in result.paragraphs and TAIL[1] in result.paragraphs
    # a line of headline case of the same length is no sentence: a list of headlines still goes
    headline = "Council Approves New Budget For Roads And Bridges After Months Of Talks In Pellow"
    page = "\n".join([*STORY, TAIL[1], TAIL[2], headline])
    assert "shape" in clean_body(page, title=TITLE, options=ON).reasons


def test_the_story_s_list_under_a_lead_in_stays_and_a_short_heading_s_does_not():
    lead_in = "The villages cut off by the landslip are:"
    # six words each: shorter lines at the edges are labels, dropped before the decision runs
    places = [
        "Upper Pellow Green and the Old Mill",
        "Carrow Bridge End and Farthing Lane",
        "Stanning Mill Row and Ebb Cottages",
    ]
    result = clean_body("\n".join([*STORY, lead_in, *places]), title=TITLE, options=ON)
    assert all(p in result.paragraphs for p in places)
    assert "shape" in clean_body("\n".join([*STORY, *TAIL[1:3], "More:", *places]), title=TITLE).reasons
