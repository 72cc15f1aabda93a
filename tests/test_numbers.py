"""numbers.v5 and v6: what a figure counts, what is not a figure, and when two figures of one fact
disagree. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

from newsprism.model import Article, Fact, FactMember, Sentence, Span
from newsprism.numbers import NUMBERS_VERSION, conflicts, quantities_in

# -- reading one figure: (text, kind, value, unit, qualifier) ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("At least 11 people were killed.", [("At least 11", "count", 11.0, "people", "at least")]),
        ("12 dead", [("12", "count", 12.0, "dead", None)]),
        ("to 2 per cent of GDP", [("2 per cent", "percent", 2.0, None, None)]),
        ("two percent", [("two percent", "percent", 2.0, None, None)]),
        ("fell 2.5% on", [("2.5%", "percent", 2.5, None, None)]),
        ("a $1.2 billion deal", [("$1.2 billion", "money", 1.2e9, "USD", None)]),
        ("1.2bn dollars in aid", [("1.2bn dollars", "money", 1.2e9, "USD", None)]),
        ("more than 30 billion yen", [("more than 30 billion yen", "money", 3e10, "JPY", "more than")]),
        ("roughly €1.5m", [("€1.5m", "money", 1.5e6, "EUR", "roughly")]),
        ("by fiscal 2027", [("2027", "year", 2027.0, None, None)]),
        ("on 3 March", [("3 March", "date", 303.0, None, None)]),
        ("Twenty-five firefighters", [("Twenty-five", "count", 25.0, "firefighters", None)]),
        # the counted thing is the head noun of the figure's noun phrase, not the next word
        ("Three of the fire department's trucks burned.", [("Three", "count", 3.0, "trucks", None)]),
        ("A dozen senior officers resigned.", [("dozen", "count", 12.0, "officers", None)]),
        ("The firm employs 3,400 full-time staff.", [("3,400", "count", 3400.0, "staff", None)]),
        ("Nine more schools closed.", [("Nine", "count", 9.0, "schools", None)]),
        ("Forty people killed in the blast", [("Forty", "count", 40.0, "people", None)]),
        (
            "Six of the 20 ministers quit.",
            [("Six", "count", 6.0, "ministers", None), ("20", "count", 20.0, "ministers", None)],
        ),
        # a hyphenated figure modifies another noun: it counts its own noun, or is a duration
        ("the three-time champion", [("three", "count", 3.0, "time", None)]),
        ("a 12-member panel", [("12", "count", 12.0, "member", None)]),
        ("an 18-month sentence", [("18-month", "duration", 547.5, "sentence", None)]),
        ("He served 30 years in the Senate.", [("30 years", "duration", 30 * 365.0, None, None)]),
        ("a year and a half in jail", [("a year and a half", "duration", 547.5, None, None)]),
        ("two and a half years", [("two and a half years", "duration", 912.5, None, None)]),
        ("nearly two years", [("nearly two years", "duration", 730.0, None, "nearly")]),
        # "m" joined to a figure is millions in news, metres in a length context
        ("5m people live there", [("5m", "count", 5e6, "people", None)]),
        ("a wave 5m tall", [("5", "count", 5.0, "m", None)]),
        ("behind a 5m wall", [("5", "count", 5.0, "m", None)]),
        ("stood 5 m away", [("5", "count", 5.0, "m", None)]),
        # ranges are one figure
        ("20 to 30 people", [("20 to 30", "count", 20.0, "people", "range")]),
        ("between 20 and 30 million dollars", [("between 20 and 30 million dollars", "money", 2e7, "USD", "range")]),
        ("2 to 3 percent", [("2 to 3 percent", "percent", 2.0, None, "range")]),
        # the longest qualifier wins
        ("just over 50 ships", [("just over 50", "count", 50.0, "ships", "just over")]),
        # not figures
        ("one of the", []),
        ("the 12th floor", []),
        ("Detectives zero in on a suspect.", []),
        ("the No. 2 official", []),
        ("ranked #1 in the poll", []),
        ("a shop on Fifth Avenue", []),
        ("the 101st Airborne", []),
        ("They closed Route 66 again", []),
        ("the F-35 jet", []),
        ("before COVID-19 arrived", []),
        ("at 9 p.m. on Friday", []),
        ("at 10:30 on Friday", []),
        ("since 9/11", []),
        ("open 24/7", []),
        ("the Senate voted 52-48", []),
        ("won 3-1", []),
        ("a 45-year-old man", []),
        (
            "Fifteen of the 19 Sept. 11 hijackers",
            [
                ("Fifteen", "count", 15.0, None, None),
                ("19", "count", 19.0, None, None),
                ("Sept. 11", "date", 911.0, None, None),
            ],
        ),
    ],
)
def test_quantities(text: str, expected: list[tuple]) -> None:
    got = [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in quantities_in(text)]
    assert got == expected


def test_offsets_shift_with_the_sentence() -> None:
    [q] = quantities_in("cost 4.2 million dollars", offset=100)
    assert (q.start, q.end) == (105, 124)


def test_version() -> None:
    assert NUMBERS_VERSION == "numbers.v8"


# -- conflicts inside one fact -------------------------------------------------------------------


def test_in_all_before_a_figure_is_no_total() -> None:
    # "in all 50 states" counts states like "in 38 states"; "In all, 40" is a total (review of numbers.v6)
    a = "Protesters marched against the new law in all 50 states on Saturday."
    b = "Protesters marched against the new law in 38 states on Saturday."
    assert [c[1] for c in _conflicts(a, b)] == [["50", "38"]]


def _article(aid: str, text: str) -> Article:
    return Article(aid, text, f"{aid}.txt", sentences=(Sentence(0, Span(0, len(text)), text),))


def _conflicts(a: str, b: str) -> list[tuple[str, list[str], str | None]]:
    articles = [_article("a", a), _article("b", b)]
    qs = quantities_in(a, article="a") + quantities_in(b, article="b")
    fact = Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all")
    return [(c.kind, [q.text for q in c.quantities], c.reason) for c in conflicts([fact], qs, articles)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the same thing, values that disagree: listed, with the reason
        (
            "12 people were killed in the storm",
            "at least 14 people were killed in the storm",
            [("count", ["12", "at least 14"], "both count 'people' killed, and both say 'storm'")],
        ),
        (
            "A dozen senior officers resigned on Monday.",
            "Fifteen officers resigned on Monday.",
            [("count", ["dozen", "Fifteen"], "both count 'officers' resigned, and both say 'monday'")],
        ),
        (
            "Three of the fire department's trucks were destroyed.",
            "Five trucks were destroyed.",
            [("count", ["Three", "Five"], "both count 'trucks' destroyed")],
        ),
        (
            "The 1990 invasion of the island began at dawn.",
            "The 1991 invasion of the island began at dawn.",
            [("year", ["1990", "1991"], "both date 'invasion', and both say 'island', 'began'")],
        ),
        (
            "an 18-month sentence for fraud",
            "a two-year sentence for fraud",
            [("duration", ["18-month", "two-year"], "both measure 'sentence', and both say 'fraud'")],
        ),
        (
            "The council wants $40 million for the bridge.",
            "The council wants $55 million for the bridge.",
            [("money", ["$40 million", "$55 million"], "both are sums for 'bridge', and both say 'wants', 'council'")],
        ),
        (
            "The council vote on March 3 was delayed.",
            "The council vote on March 5 was delayed.",
            [("date", ["March 3", "March 5"], "both date 'vote', and both say 'delayed', 'council'")],
        ),
        (
            "More than 3,000 people marched.",
            "Some 1,200 people marched.",
            [("count", ["More than 3,000", "Some 1,200"], "both count 'people' marched")],
        ),
        # values that agree once qualifier, range, rounding or unit is applied
        ("More than 3,000 people marched.", "3,150 people marched.", []),
        ("Nearly 5,000 people fled.", "4,800 people fled.", []),
        ("About 300 people fled.", "320 people fled.", []),
        ("Up to 40 people were hurt.", "25 people were hurt.", []),
        ("1.2 million people voted.", "1,230,000 people voted.", []),
        ("5m people voted.", "five million people voted.", []),
        ("3,000 people voted.", "3,140 people voted.", []),
        ("20 to 30 people were arrested.", "25 people were arrested.", []),
        ("He got an 18-month sentence.", "He got a sentence of a year and a half.", []),
        ("He was jailed for 18 months.", "He was jailed for a year and a half.", []),
        ("a 22-month siege of the city", "nearly two years of siege of the city", []),
        ("raise spending to 2 per cent of GDP by fiscal 2027", "raise spending to two percent of GDP by 2027", []),
        ("repairs cost $1.2 billion", "repairs cost 1.2bn dollars", []),
        ("on January 31", "on 31 Jan.", []),
        # figures of different things are not compared
        ("500 missiles and 12 ships", "40 planes and 12 ships", []),
        ("He served 30 years in the Senate.", "The three-time senator won again.", []),
        ("12 people were killed in the storm.", "15 people were injured in the storm.", []),
        ("the 1991 war in the gulf", "the 2003 invasion of the gulf states", []),
        ("Police zero in on the gang.", "Police arrested 2 of the gang.", []),
        ("She was the No. 2 official.", "She was the No. 3 official.", []),
        ("He lived on Fifth Avenue with four dogs.", "He lived on Sixth Avenue with four dogs.", []),
        ("Police say 10 people were hurt.", "Police say 12 vehicles were hurt.", []),
        ("Gingrich had 11 percent, Palin 10 percent.", "Among young voters, Romney led (17 percent).", []),
    ],
)
def test_conflicts(a: str, b: str, expected: list[tuple]) -> None:
    assert _conflicts(a, b) == expected


def test_single_mention_facts_have_no_conflicts() -> None:
    qs = quantities_in("12 dead", article="a")
    assert conflicts([Fact("f1", (FactMember("a", 0),), "one")], qs) == []


def test_without_sentences_nothing_is_compared() -> None:
    # numbers.v5: a conflict needs words its two sentences share besides the counted noun
    qs = quantities_in("12 ships sank in 1990", article="a") + quantities_in("14 ships sank in 1991", article="b")
    fact = Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all")
    assert conflicts([fact], qs) == []
    articles = [_article("a", "12 ships sank in 1990"), _article("b", "14 ships sank in 1991")]
    # the year is not compared: one shared word besides what it dates is too little for a year
    assert [(c.kind, c.reason) for c in conflicts([fact], qs, articles)] == [
        ("count", "both count 'ships', and both say 'sank'")
    ]


def test_two_approximate_figures_share_one_tolerance() -> None:
    assert _conflicts("About 2,500 people must move.", "Roughly 3,000 people must move.") == [
        ("count", ["About 2,500", "Roughly 3,000"], "both count 'people', and both say 'move'")
    ]
    assert _conflicts("About 2,900 people must move.", "Roughly 3,000 people must move.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("fewer than 2,000 adult sturgeon remain", "sturgeon"),
        ("12 ships sank", "ships"),
        ("Roughly 3,000 people left", "people"),
        ("Only 40 farms survived", "farms"),
    ],
)
def test_the_noun_phrase_ends_before_its_verb(text: str, unit: str) -> None:
    assert [q.unit for q in quantities_in(text)] == [unit]


def test_figures_both_sentences_give_are_no_conflict() -> None:
    # the same two shares in both, attached to different words: not a disagreement
    assert (
        _conflicts(
            "The mayor leads with 31 percent of likely voters, ahead of the senator at 24 percent.",
            "The senator trails in the likely field at 24 percent (the mayor has 31 percent).",
        )
        == []
    )


# -- numbers.v3: what is not compared, and precision read from the other figure -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second year of a span and a decade are no counts; the span and decade are years
        ("through the 2014-15 season", [("2014-15", "year", 2014.0, None, "span")]),
        ("a plan for 2021-2023 only", [("2021-2023", "year", 2021.0, None, "span")]),
        ("the mills of the 1880s closed", [("1880s", "year", 1880.0, None, "decade")]),
        ("built in the 1960's", [("1960's", "year", 1960.0, None, "decade")]),
        ("voters in their 30s", []),
        # figures with a leading zero, and times and ages written with spaces, are no counts
        ("the record is 4, 017 points", [("4", "count", 4.0, None, None)]),
        ("the bell rang at 6 : 45 p. m. sharp", []),
        ("a 52 - year - old driver", []),
    ],
)
def test_quantities_v3(text: str, expected: list[tuple]) -> None:
    got = [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in quantities_in(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a part of a total, or an increment, is not the total
        ("The crash involved 40 cars, including six trucks.", "Nine trucks were involved in the crash.", []),
        ("Nine patients were flown out.", "Two other patients were flown out.", []),
        ("Nine patients were flown out.", "Officials said an additional two patients were flown out.", []),
        ("14 people were rescued on Monday.", "Four of them were rescued on Monday.", []),
        # an earlier value named as such is not the figure of now
        ("Sales reached 900 cars, up from 750 cars last year.", "Sales reached 900 cars this year.", []),
        ("About 40 people applied, compared with 65 people in May.", "About 40 people applied.", []),
        # a distance is compared only when measured from the same place or of the same thing
        ("The fire was 12 miles north of the dam.", "The fire was 30 miles south of the airport.", []),
        (
            "The fire was 12 miles north of the dam.",
            "The blaze burned 20 miles north of the dam.",
            [("count", ["12", "20"], "both measure 'miles' of 'dam', and both say 'north'")],
        ),
        (
            "The slide left the road 40 kilometres (25 miles) west of the pass.",
            "It struck at a depth of 25 miles.",
            [],
        ),
        (
            "The well reached a depth of 3.1 miles.",
            "The well reached a depth of 31 miles.",
            [("count", ["3.1", "31"], "both measure 'miles' of 'depth', and both say 'reached', 'well'")],
        ),
        # a figure with a fraction counts no whole things: compared only when the words around it agree
        ("Smith averaged 18.5 points a game.", "Jones scored 12.5 points a game.", []),
        (
            "Its depth gauge read 18.5 points.",
            "Its depth gauge read 12.5 points.",
            [("count", ["18.5", "12.5"], "both measure 'points' of 'read', and both say 'gauge', 'depth'")],
        ),
        # written to different precision: the coarser figure stands for what rounds to it
        ("The trail is 6.3 miles long from the gate.", "The trail runs 6 miles from the gate.", []),
        ("He was held for 28 months in the camp.", "He was held for about two years in the camp.", []),
        (
            "The queue lasted six hours at the depot.",
            "The queue lasted seven hours at the depot.",
            [("count", ["six", "seven"], "both count 'hours' lasted, and both say 'queue', 'depot'")],
        ),
        # decades and spans of years hold the years in them
        ("The mill was built in the 1920s.", "The mill was built in 1924.", []),
        ("He signed through the 2014-15 season.", "He signed through the 2014-2015 season.", []),
        # casualties of different roles are not compared
        ("The gunman shot four guards.", "The gunman killed two guards.", []),
    ],
)
def test_conflicts_v3(a: str, b: str, expected: list[tuple]) -> None:
    assert _conflicts(a, b) == expected


# -- numbers.v4: distances with a conversion in brackets, units of length ending the noun ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The road was shut 13 km north of the dam.", [("13", "count", 13.0, "km", None)]),
        ("The wall is 10 feet west of the road.", [("10", "count", 10.0, "feet", None)]),
        (
            "It struck 58 km (36 miles) south-west of the dam.",
            [("58", "count", 58.0, "km", None), ("36", "count", 36.0, "miles", None)],
        ),
    ],
)
def test_quantities_v4(text: str, expected: list[tuple]) -> None:
    got = [(q.text, q.kind, q.value, q.unit, q.qualifier) for q in quantities_in(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the place after the brackets is both figures' place
        (
            "The quake struck 58 km (36 miles) south-west of Eastmere.",
            "The quake struck 40 miles south-west of Eastmere.",
            [("count", ["36", "40"], "both measure 'miles' of 'eastmere', and both say 'south-west', 'struck'")],
        ),
        (
            "The quake struck 58 km (36 miles) south-west of Eastmere.",
            "The quake struck 58 kilometres south-west of Eastmere.",
            [],
        ),
        ("The quake struck 58 km (36 miles) south-west of Eastmere.", "It struck 36 miles southwest of Eastmere.", []),
        # different places: not compared (numbers.v3 compared them by the verb before them)
        (
            "The quake struck 12 km (7.5 miles) north of Eastmere.",
            "The quake struck 20 km (12 miles) north of Tolbridge.",
            [],
        ),
        # no place: the words before the first figure, for both
        (
            "The well reached a depth of 10 km (6 miles).",
            "The well reached a depth of 8 miles.",
            [("count", ["6", "8"], "both measure 'miles' of 'depth', and both say 'reached', 'well'")],
        ),
        # a unit of length ends the noun: "13 km north of" is a distance from its place
        (
            "The road was shut 13 km north of the dam.",
            "The road was shut 15 km north of the dam.",
            [("count", ["13", "15"], "both measure 'km' of 'dam', and both say 'shut', 'north'")],
        ),
        ("The road was shut 13 km north of the dam.", "The road was shut 15 km north of the bridge.", []),
        # no place and no word before it in its clause: a distance is not compared (a word after
        # the unit, "stretch", was tried as what it measures and made false conflicts of yards
        # rushing on the judged round)
        ("A 13 km stretch of the coast road was shut.", "A 15 km stretch was closed by the police.", []),
        ("The trail is 6.3 miles long from the gate.", "The trail runs 6 miles from the gate.", []),
    ],
)
def test_conflicts_v4(a: str, b: str, expected: list[tuple]) -> None:
    assert _conflicts(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # numbers.v5: the reason names words both sentences share besides the counted noun
        (
            "Two power cables were cut off the coast.",
            "Three power cables were cut off the coast.",
            [("count", ["Two", "Three"], "both count 'cables', and both say 'power', 'cut'")],
        ),
        # ... and without any, the shared noun is no evidence of one claim
        ("The council needs £20m.", "Its budget shows the council has £14m.", []),
        # the verb that gives both counts their role is the shared claim
        (
            "Five trucks were destroyed.",
            "Three trucks were destroyed.",
            [("count", ["Five", "Three"], "both count 'trucks' destroyed")],
        ),
        # values more than three times apart are of different scopes (a part and the whole, a
        # margin and a total) ...
        ("The storm damaged 300 houses in the province.", "The storm damaged 10 houses in the valley town.", []),
        ("Rowe beat Kale by 1,212 votes.", "Rowe beat Kale with 14,806 votes.", []),
        # ... unless written with the same digits: a slip
        (
            "The quake struck at a depth of 2.3 miles near the town.",
            "The quake struck at a depth of 23 miles near the town.",
            [("count", ["2.3", "23"], "both measure 'miles' of 'depth', and both say 'near', 'town'")],
        ),
        # counts over different periods are not compared; a sentence that names none may not say
        ("The plant makes 400 cars a day.", "The plant makes 500 cars a week.", []),
        (
            "The firm made $2.1 billion in the first six months of the year.",
            "The firm made $2.6 billion this year.",
            [],
        ),
        (
            "The firm made $2.1 billion in sales.",
            "The firm made $2.6 billion in sales this year.",
            [("money", ["$2.1 billion", "$2.6 billion"], "both are sums for 'sales', and both say 'firm'")],
        ),
        # a year is not counted over a period: the period words do not keep two years apart
        (
            "Residents in 2014 backed the school levy this year.",
            "Residents in 2016 backed the school levy.",
            [("year", ["2014", "2016"], "both date 'backed', and both say 'residents', 'school'")],
        ),
        # figures of two names, neither named in the other sentence
        ("In the final, Smith scored 25 points.", "In the final, Jones scored 18 points.", []),
        (
            "In the final, Smith scored 25 points.",
            "In the final, Smith scored 18 points.",
            [("count", ["25", "18"], "both count 'points' scored, and both say 'smith', 'final'")],
        ),
        # a figure of an earlier event is not compared with the story's
        ("The last flood in the valley covered 120 homes.", "The flood in the valley covered 140 homes.", []),
        ("He had a prior conviction for fraud in 2004.", "He had a conviction for fraud in 2006.", []),
        ("She had previously been fined four times for speeding.", "She was fined three times for speeding.", []),
        # either end of a ratio is no total
        ("The club lost six of its last 9 matches at home.", "The club lost 11 matches at home.", []),
        ("The club won 14 of its next 20 matches at home.", "The club won 17 matches at home.", []),
        # rounding and hedges together: "about 3 years" holds 42 months
        ("The hall was opened 42 months ago in the village.", "The hall in the village opened about 3 years ago.", []),
        # a figure joined to its scale is read to its last digit: "£8m" holds "£8.3m"
        ("The council must save £8.3m next year.", "The council must save £8m next year.", []),
        (
            "The council must save £8.6m next year.",
            "The council must save £8m next year.",
            [("money", ["£8.6m", "£8m"], "both are sums for 'year', and both say 'save', 'next'")],
        ),
    ],
)
def test_conflicts_v5(a: str, b: str, expected: list[tuple]) -> None:
    assert _conflicts(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # numbers.v6: noun phrases qualified differently, each by a word the other sentence lacks
        ("The couple paid $20.1 million in federal taxes.", "The couple paid $13.6 million in state taxes.", []),
        ("The storm damaged 300 houses in the province.", "The storm damaged 200 houses in the town.", []),
        ("He spent 19 seasons with the club.", "He spent four seasons as the club's director.", []),
        # ... but a qualifier the other sentence also names is the same thing, told in more detail
        (
            "Two cables in the Mediterranean were cut.",
            "Three cables between Italy and Egypt in the Mediterranean were cut.",
            [("count", ["Two", "Three"], "both count 'cables', and both say 'mediterranean', 'cut'")],
        ),
        (
            "The couple paid $20.1 million in federal taxes.",
            "The couple paid $13.6 million in federal taxes.",
            [("money", ["$20.1 million", "$13.6 million"], "both are sums for 'taxes', and both say 'paid', 'couple'")],
        ),
        # figures of two owners, neither named in the other sentence
        (
            "Acme's bid of $5 billion was rejected by the board.",
            "Brill's bid of $4 billion was rejected by the board.",
            [],
        ),
        (
            "Wednesday's quake struck the coast 50 miles west of the city.",
            "Sunday's quake struck the coast 85 miles west of the city.",
            [],
        ),
        (
            "Acme's bid of $5.5 billion was rejected by the board.",
            "Acme's bid of $4 billion was rejected by the board.",
            [("money", ["$5.5 billion", "$4 billion"], "both are sums for 'bid', and both say 'acme's', 'rejected'")],
        ),
        # different ordinals in the figures' clauses
        ("The second quake killed 12 people in the valley.", "The first quake killed 15 people in the valley.", []),
        # a total against a figure not given as one; a part of any kind
        ("A total of 40 people were arrested at the march.", "Police arrested 25 people at the march.", []),
        ("Police arrested 40 people at the march in all.", "Police arrested 25 people at the march.", []),
        (
            "Police arrested 40 people at the march in all.",
            "A total of 30 people were arrested at the march.",
            [("count", ["40", "30"], "both count 'people' arrested")],
        ),
        ("The couple paid an additional $13.6 million in taxes.", "The couple paid $20 million in taxes.", []),
        ("Among them, 12 children died in the fire.", "Fifteen children died in the fire.", []),
    ],
)
def test_conflicts_v6(a: str, b: str, expected: list[tuple]) -> None:
    assert _conflicts(a, b) == expected


def _found(sentences: list[str], other: str) -> list[list[str]]:
    """The conflicts of a fact of article a's first sentence and article b's only one, a's other
    sentences in its text."""
    spans, start = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, Span(start, start + len(s)), s))
        start += len(s) + 1
    a = Article("a", " ".join(sentences), "a.txt", sentences=tuple(spans))
    b = _article("b", other)
    qs = [q for s in a.sentences for q in quantities_in(s.text, article="a", sentence=s.index, offset=s.start)]
    qs += quantities_in(other, article="b")
    fact = Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all")
    return [[q.text for q in c.quantities] for c in conflicts([fact], qs, [a, b])]


def test_a_figure_the_other_article_gives_settles_the_pair() -> None:
    """numbers.v6: when one outlet writes both values of one noun (a sub-total and a total), the
    other outlet giving one of them is no disagreement, wherever in the article the value stands."""
    first, second = "12 people died in the flood in the town.", "In the whole region, 30 people died in the flood."
    other = "30 people died in the flood in the town."
    assert _found([first], other) == [["12", "30"]]
    assert _found([first, second], other) == []


def test_a_bound_is_settled_only_by_a_close_value() -> None:
    """numbers.v6: "at least 15" agrees with any larger figure; another figure of the noun in the
    other article ("212 passengers" evacuated) is not the same value and settles nothing."""
    first, second = "12 passengers were taken to hospital.", "The crew evacuated 212 passengers."
    other = "At least 15 passengers were taken to hospital."
    assert _found([first, second], other) == [["12", "At least 15"]]
    assert _found([first, "Later, 15 passengers were taken to a clinic."], other) == []


def _article_of(aid: str, sentences: list[str]) -> Article:
    spans, start = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, Span(start, start + len(s)), s))
        start += len(s) + 1
    return Article(aid, " ".join(sentences), f"{aid}.txt", sentences=tuple(spans))


def _found_in_both(a_sentences: list[str], b_sentences: list[str]) -> list[list[str]]:
    """The conflicts of a fact of the first sentences of articles a and b, the other sentences
    in their texts."""
    arts = [_article_of("a", a_sentences), _article_of("b", b_sentences)]
    qs = [
        q
        for art in arts
        for s in art.sentences
        for q in quantities_in(s.text, article=art.id, sentence=s.index, offset=s.start)
    ]
    fact = Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all")
    return [[q.text for q in c.quantities] for c in conflicts([fact], qs, arts)]


def test_both_outlets_giving_several_values_of_a_thing_is_no_disagreement() -> None:
    """numbers.v7: when each outlet gives more than one value of the thing (two tremors'
    distances), a differing pair across them is likely two of those things, not a disagreement;
    one outlet's second value alone (an update) keeps the pair."""
    a = "The quake struck 40 miles from Harlow, the survey said."
    b = "The quake struck 55 miles from Harlow, the survey said."
    a_other = "An aftershock on Tuesday was felt 12 miles from Harlow."
    b_other = "A smaller tremor was felt 20 miles from Harlow."
    assert _found_in_both([a], [b]) == [["40", "55"]]
    assert _found_in_both([a, a_other], [b]) == [["40", "55"]]
    assert _found_in_both([a], [b, b_other]) == [["40", "55"]]
    assert _found_in_both([a, a_other], [b, b_other]) == []


def test_a_shared_name_keeps_apart_the_other_values() -> None:
    """numbers.v7: an outlet's other values of the thing count only when their sentence names
    whom both sentences name: the votes of another candidate are another thing."""
    a = ["Independent Ray Tolland came third with 2,107 votes.", "Mara Quist won by 1,212 votes."]
    b = ["Independent Ray Tolland was third with 2,170 votes.", "Four rivals shared fewer than 1,500 votes."]
    assert _found_in_both(a, b) == [["2,107", "2,170"]]
    # the same values told without the name: each outlet's two values are of one thing
    a_bare = ["The third candidate had 2,107 votes.", "The winner's margin was 1,212 votes."]
    b_bare = ["The third candidate had 2,170 votes.", "Four rivals shared fewer than 1,500 votes."]
    assert _found_in_both(a_bare, b_bare) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # numbers.v8: the noun's own modifiers differ, each absent from the other sentence
        ("The order covers two coastal provinces, the minister said.", "The order covers six inland provinces.", []),
        # a modifier the other sentence also names, or one side without one: the same thing
        (
            "The order covers two coastal provinces, the minister said.",
            "The order covers six provinces, the minister said.",
            [("count", ["two", "six"], "both count 'provinces', and both say 'covers', 'order'")],
        ),
        (
            "The order covers two coastal provinces, the minister said.",
            "The order covers six coastal provinces, the minister said.",
            [("count", ["two", "six"], "both count 'provinces', and both say 'coastal', 'covers'")],
        ),
        # two clock times: two readings of a changing value, not a disagreement
        (
            "By 11 p.m. the storm had sustained winds of 65 mph, forecasters said.",
            "At 2 a.m. the storm had sustained winds of 50 mph, forecasters said.",
            [],
        ),
        (
            "At 2 a.m. the storm had sustained winds of 65 mph, forecasters said.",
            "At 2 a.m. the storm had sustained winds of 50 mph, forecasters said.",
            [("count", ["65", "50"], "both count 'mph', and both say 'forecasters', 'winds'")],
        ),
        (
            "The storm had sustained winds of 65 mph, forecasters said.",
            "At 2 a.m. the storm had sustained winds of 50 mph, forecasters said.",
            [("count", ["65", "50"], "both count 'mph', and both say 'forecasters', 'winds'")],
        ),
        # years more than two apart date different events; one apart is a disagreement
        (
            "The council voted to build the bridge in 2009, the mayor said.",
            "The council voted to build the bridge in 2016, the mayor said.",
            [],
        ),
        (
            "The council voted to build the bridge in 2009, the mayor said.",
            "The council voted to build the bridge in 2010, the mayor said.",
            [("year", ["2009", "2010"], "both date 'bridge', and both say 'mayor', 'build'")],
        ),
        # a rise against a fall: two changes; two falls that differ disagree
        (
            "The index fell 2,352 points on the day, traders said.",
            "The index closed 1,985 points higher on the day.",
            [],
        ),
        (
            "The index fell 2,352 points on the day, traders said.",
            "The index fell 1,985 points on the day, traders said.",
            [("count", ["2,352", "1,985"], "both count 'points', and both say 'fell', 'index'")],
        ),
        # "two dozen" is 24
        ("The party needs to win 24 seats in the House.", "The party needs to win two dozen seats in the House.", []),
        (
            "The party needs to win 20 seats in the House.",
            "The party needs to win two dozen seats in the House.",
            [("count", ["20", "two dozen"], "both count 'seats', and both say 'win', 'needs'")],
        ),
        # "1" with a plural noun names a thing (a line, a route), it counts none
        ("She rode the B, Q and 1 trains that morning.", "She rode three trains that morning.", []),
        (
            "She rode two trains that morning.",
            "She rode three trains that morning.",
            [("count", ["two", "three"], "both count 'trains', and both say 'rode', 'morning'")],
        ),
    ],
)
def test_conflicts_v8(a: str, b: str, expected: list[tuple]) -> None:
    assert _conflicts(a, b) == expected
