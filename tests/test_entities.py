"""Entities across a story: mentions, aliases, surnames, roles, the naming table and marks."""

from __future__ import annotations

import time

import pytest

from newsprism import from_text, lexicons
from newsprism.entities import (
    ENTITIES_VERSION,
    fold_key,
    naming_marks,
    naming_table,
    plain_name,
    story_entities,
)
from newsprism.model import Article, Entity
from newsprism.pipeline import prepare_article


def art(body: str, id: str, outlet: str | None = None) -> Article:
    return prepare_article(from_text(body, id=id, outlet=outlet or id, title="Headline"))


def by_name(entities: list[Entity], name: str) -> Entity:
    hits = [e for e in entities if e.name == name]
    assert len(hits) == 1, [e.name for e in entities]
    return hits[0]


def texts(entity: Entity) -> list[tuple[str, str]]:
    return [(m.article, m.text) for m in entity.mentions]


# the stories of these tests are made up for them
A = art(
    "Envoys from the DPRK arrived in Geneva on Tuesday for talks on the fishing dispute.\n"
    "Prime Minister Fumio Kishida said the talks would be hard. The prime minister added that "
    "Pyongyang had agreed to send its fisheries chief, Ro Chol-su.",
    "a",
    "Harbour Times",
)
B = art(
    "North Korea sent a delegation to Geneva for the fishing talks.\n"
    'Kishida said Japan wanted a deal. "North Korea must stop the raids," Kishida told reporters.',
    "b",
    "Coastal Post",
)
C = art(
    "Delegates from North Korea met Japanese officials in Geneva.\nJapan's Fumio Kishida called the meeting useful.",
    "c",
    "Wire",
)


def test_alias_table_merges_dprk_north_korea_and_pyongyang() -> None:
    ents = story_entities([A, B, C])
    nk = by_name(ents, "North Korea")
    assert nk.kind == "place"
    assert texts(nk) == [
        ("a", "DPRK"),
        ("a", "Pyongyang"),
        ("b", "North Korea"),
        ("b", "North Korea"),
        ("c", "North Korea"),
    ]


def test_surname_merges_with_the_full_name_across_articles() -> None:
    ents = story_entities([A, B, C])
    pm = by_name(ents, "Fumio Kishida")
    assert pm.kind == "person"
    assert ("b", "Kishida") in texts(pm) and ("c", "Fumio Kishida") in texts(pm)
    assert not [e for e in ents if e.name == "Kishida"]


def test_role_resolves_to_the_name_it_was_given_before() -> None:
    pm = by_name(story_entities([A, B, C]), "Fumio Kishida")
    assert texts(pm)[:2] == [("a", "Prime Minister Fumio Kishida"), ("a", "The prime minister")]


def test_role_in_apposition_and_a_role_never_given_stays_out() -> None:
    body = (
        "Lina Varga, the harbour minister, opened the quay. The minister said it was late.\n"
        "The foreign minister did not come. The treasurer was away."
    )
    ents = story_entities([art(body, "x")])
    varga = by_name(ents, "Lina Varga")
    assert texts(varga) == [("x", "Lina Varga"), ("x", "The minister")]
    assert not any("foreign minister" in m.text or "treasurer" in m.text for e in ents for m in e.mentions)


def test_mentions_point_into_the_article_text() -> None:
    arts = [A, B, C]
    ents = story_entities(arts)
    texts_of = {a.id: a.text for a in arts}
    for e in ents:
        for m in e.mentions:
            assert texts_of[m.article][m.start : m.end] == m.text


def test_ids_are_deterministic_and_in_order_of_first_mention() -> None:
    first = story_entities([A, B, C])
    again = story_entities([A, B, C])
    assert first == again
    assert [e.id for e in first] == [f"e{i}" for i in range(1, len(first) + 1)]
    starts = [(["a", "b", "c"].index(e.mentions[0].article), e.mentions[0].start) for e in first]
    assert starts == sorted(starts)
    assert first[0].name == "North Korea"  # "DPRK" opens article a


def test_metonym_after_in_is_the_place_itself() -> None:
    a = art("Moscow rejected the plan. Protesters gathered in Moscow on Sunday. The Kremlin said nothing.", "m")
    ents = story_entities([a])
    russia = by_name(ents, "Russia")
    assert [m.text for m in russia.mentions] == ["Moscow", "Kremlin"]
    assert [m.text for m in by_name(ents, "Moscow").mentions] == ["Moscow"]


def test_alias_before_a_title_is_split_off() -> None:
    a = art("The talks were hosted by U.S. President Dana Whitlock in Oslo.", "u")
    ents = story_entities([a])
    assert [m.text for m in by_name(ents, "United States").mentions] == ["U.S."]
    assert [m.text for m in by_name(ents, "Dana Whitlock").mentions] == ["President Dana Whitlock"]


def test_alias_inside_a_longer_name_is_not_read() -> None:
    a = art("Members of the UN Security Council met on Friday.", "s")
    names = [e.name for e in story_entities([a])]
    assert "UN Security Council" in names and "United Nations" not in names


def test_lower_case_alias_in_any_case_and_acronym_of_a_long_name() -> None:
    a = art("The Hermit Kingdom fired a missile. The Coastal Fisheries Board said the NHA agreed.", "h")
    b = art("North Korea fired a missile, the CFB said.", "i")
    ents = story_entities([a, b])
    assert [m.text for m in by_name(ents, "North Korea").mentions] == ["Hermit Kingdom", "North Korea"]
    assert [m.text for m in by_name(ents, "Coastal Fisheries Board").mentions] == ["Coastal Fisheries Board", "CFB"]


def test_state_form_merges_with_the_short_name() -> None:
    a = art("The Republic of Tessaly signed the accord.", "r")
    b = art("Tessaly signed the accord on Monday.", "t")
    ents = story_entities([a, b])
    assert [m.text for m in by_name(ents, "Tessaly").mentions] == ["Republic of Tessaly", "Tessaly"]


def test_common_words_opening_sentences_are_not_entities() -> None:
    a = art("Critics said the plan was weak. Speaking on Monday, Ines Roda agreed. Critics were not speaking.", "w")
    names = [e.name for e in story_entities([a])]
    assert names == ["Ines Roda"]


def test_naming_table_counts_forms_per_outlet() -> None:
    rows = naming_table(story_entities([A, B, C]), [A, B, C])
    nk = next(r for r in rows if r.name == "North Korea")
    assert [(o.outlet, o.forms) for o in nk.outlets] == [
        ("Harbour Times", (("DPRK", 1), ("Pyongyang", 1))),
        ("Coastal Post", (("North Korea", 2),)),
        ("Wire", (("North Korea", 1),)),
    ]
    pm = next(r for r in rows if r.name == "Fumio Kishida")
    assert pm.outlets[0].forms == (("Prime Minister Fumio Kishida", 1), ("the prime minister", 1))
    assert pm.outlets[1].forms == (("Kishida", 2),)
    assert pm.to_dict()["outlets"][1] == {"outlet": "Coastal Post", "forms": [{"form": "Kishida", "count": 2}]}
    # an entity of one article has no row
    assert all(len(r.outlets) >= 2 for r in rows)


def test_naming_marks_for_the_forms_that_set_an_outlet_apart() -> None:
    arts = [A, B, C]
    ents = story_entities(arts)
    marks = naming_marks(ents, arts)
    got = [(m.article, m.text, m.note) for m in marks]
    # "DPRK" and "Pyongyang": only Harbour Times; "North Korea" (the canonical name) and
    # "Kishida" (words of it) are plain names; "the prime minister" is used once beside his
    # name once: a reference, not a choice
    assert got == [("a", "DPRK", "North Korea"), ("a", "Pyongyang", "North Korea")]
    assert all(m.type == "naming" and m.lexicon == ENTITIES_VERSION for m in marks)
    assert [m.id for m in marks] == ["m1", "m2"]
    nk = by_name(ents, "North Korea")
    assert marks[0].entity == nk.id


def test_a_role_is_a_mark_where_the_outlet_uses_it_more_than_the_name() -> None:
    a = art(
        "Energy Minister Tove Lund approved the dam. The minister said it was safe. "
        "Critics asked the minister to resign.",
        "r1",
    )
    b = art("Tove Lund approved the dam on Monday. Lund said it was safe.", "r2")
    marks = naming_marks(story_entities([a, b]), [a, b])
    assert [(m.article, m.text, m.note) for m in marks] == [
        ("r1", "The minister", "Tove Lund"),
        ("r1", "the minister", "Tove Lund"),
    ]


def test_naming_marks_inside_a_quotation_are_flagged_quoted() -> None:
    a = art('Officials in Tarn praised the deal. "Pyongyang has kept its word," Mayor Ilse Brandt said.', "q1")
    b = art("North Korea kept its promise, officials in Tarn said.", "q2")
    c = art("North Korea kept its word, said Tarn's mayor.", "q3")
    marks = naming_marks(story_entities([a, b, c]), [a, b, c])
    assert [(m.text, m.quoted) for m in marks] == [("Pyongyang", True)]


def test_a_form_used_by_half_the_other_outlets_is_no_mark() -> None:
    a = art("Pyongyang fired a missile.", "p1")
    b = art("Pyongyang fired a missile again.", "p2")
    c = art("North Korea fired a missile.", "p3")
    marks = naming_marks(story_entities([a, b, c]), [a, b, c])
    # Pyongyang: the one other outlet of three... p1 shares it with p2 (1 of 2 others): no mark
    assert marks == []


def test_plain_names_and_titles() -> None:
    assert plain_name("Kishida", "Fumio Kishida")
    assert plain_name("Fumio K. Kishida", "Fumio Kishida")
    assert plain_name("Prime Minister Kishida", "Fumio Kishida", person=True)
    assert not plain_name("Prime Minister Kishida", "Fumio Kishida")
    assert not plain_name("the prime minister", "Fumio Kishida", person=True)
    assert not plain_name("DR Congo", "Democratic Republic of the Congo")
    assert fold_key("The U.S.'s") == "us" and fold_key("Kim Jong-un") == fold_key("Kim Jong Un")


def test_alias_lexicon_is_consistent() -> None:
    lex = lexicons.load("entity-aliases")
    assert lex.columns == ("alias", "canonical", "kind", "register")
    rows = {r[0]: r for r in lex.rows}
    for _alias, canonical, kind, _register in lex.rows:
        assert canonical in rows, canonical  # every canonical name is an alias of itself
        assert rows[canonical][2] == kind
        assert rows[canonical][3] in ("common", "official")
    assert rows["DPRK"][1:] == ("North Korea", "place", "official")
    assert rows["hermit kingdom"][3] == "loaded"


def test_no_entities_in_empty_or_lower_case_text() -> None:
    assert story_entities([]) == []
    a = art("nothing here is named at all.", "z")
    assert story_entities([a]) == []
    assert naming_table([], [a]) == [] and naming_marks([], [a]) == []


def test_long_story_is_fast() -> None:
    para = (
        "Prime Minister Fumio Kishida met U.S. President Dana Whitlock in Washington. The prime minister "
        "said Beijing was watching. Mr. Kishida told the DPRK envoy that North Korea must stop.\n"
    )
    a = art(para * 400, "long1")
    b = art(para.replace("DPRK", "North Korean") * 400, "long2")
    t0 = time.perf_counter()
    ents = story_entities([a, b])
    naming_marks(ents, [a, b])
    assert time.perf_counter() - t0 < 10


# descriptions used as names (entities.v3, entity-descriptions.v1); made-up stories

GREEN = art(
    "Workers digging for peat giant Brackwell Fuel Company found a wooden canoe.\n"
    "The peat giant has stopped digging near the site. Even the union barons were pleased. "
    "The Fen Workers Union said jobs were safe.\n"
    "Labour chief Ansel Varro said the find was welcome.",
    "green",
    "Green Daily",
)
WIRE = art(
    "Workers at Brackwell Fuel Company found a wooden canoe in a bog.\n"
    "Brackwell Fuel Company said it had stopped digging. The Fen Workers Union welcomed the pause.\n"
    "Labour Minister Ansel Varro said the find was welcome.",
    "wire",
    "Wire",
)


def test_a_description_before_a_name_or_holding_its_words_is_a_mention_of_it() -> None:
    ents = story_entities([GREEN, WIRE])
    company = by_name(ents, "Brackwell Fuel Company")
    # before the name, then alone (the span leaves "The" out, as the gold sets write it)
    assert texts(company)[:3] == [("green", "peat giant"), ("green", "Brackwell Fuel Company"), ("green", "peat giant")]
    union = by_name(ents, "Fen Workers Union")
    assert ("green", "union barons") in texts(union)  # a plural of a person word: the body they lead
    varro = by_name(ents, "Ansel Varro")
    assert ("green", "Labour chief") in texts(varro)
    # "Labour" inside the description is no entity of its own
    assert not [e for e in ents if e.name == "Labour"]


def test_descriptions_set_apart_are_naming_marks_with_the_canonical_name() -> None:
    ents = story_entities([GREEN, WIRE])
    marks = [(m.article, m.text, m.note) for m in naming_marks(ents, [GREEN, WIRE])]
    assert ("green", "peat giant", "Brackwell Fuel Company") in marks
    assert ("green", "union barons", "Fen Workers Union") in marks
    assert ("green", "Labour chief", "Ansel Varro") in marks
    assert not [m for m in marks if m[0] == "wire"]
    rows = {n.name: n for n in naming_table(ents, [GREEN, WIRE])}
    green_forms = dict(rows["Brackwell Fuel Company"].outlets[0].forms)
    assert green_forms["peat giant"] == 2


def test_a_description_every_outlet_uses_or_a_shortened_title_is_no_mark() -> None:
    a = art("Mining giant Ostrava Metals Company cut 300 jobs. HTA chief Ida Brenner said fares would rise.", "a", "A")
    b = art(
        "Mining giant Ostrava Metals Company said it would cut jobs. "
        "HTA chief executive Ida Brenner said fares would rise.",
        "b",
        "B",
    )
    ents = story_entities([a, b])
    assert ("a", "Mining giant") in texts(by_name(ents, "Ostrava Metals Company"))
    assert ("a", "HTA chief") in texts(by_name(ents, "Ida Brenner"))
    assert naming_marks(ents, [a, b]) == []


def test_what_is_no_description() -> None:
    a = art(
        "Fire chief Nadia Ferreby said the fire was out. The chief executive of Tollan Bank resigned. "
        "Tollan Bank said a giant step had been taken. The inspection regime at Tollan Bank was praised. "
        "President Ilse Kovac met the dictator of Varnia. The dictator said nothing.",
        "a",
        "A",
    )
    b = art("Nadia Ferreby said the fire was out. Tollan Bank lost its chief. Ilse Kovac met him.", "b", "B")
    ents = story_entities([a, b])
    forms = {m.text for e in ents for m in e.mentions}
    # a title word after a lower-case word is a job title; a head followed by a noun is none;
    # a literal context; a person described with no name tied to the description
    assert not forms & {"Fire chief", "chief executive", "giant", "inspection regime", "dictator", "The dictator"}


def test_the_watchdog_is_the_organisation_named_before_and_the_regime_alone_is_no_naming_mark() -> None:
    a = art(
        "The Lake Varn Water Authority published its report on Monday. The watchdog said farms were to blame. "
        "Officials of Marrovia met envoys of the Republic of Tessaly. Critics said the regime in Tessaly "
        "had lied, and the Tessaly regime denied it.",
        "a",
        "A",
    )
    b = art(
        "The Lake Varn Water Authority said farms were to blame. Marrovia and Tessaly held talks. "
        "Tessaly denied lying.",
        "b",
        "B",
    )
    ents = story_entities([a, b])
    assert ("a", "watchdog") in texts(by_name(ents, "Lake Varn Water Authority"))
    tessaly = by_name(ents, "Tessaly")
    assert ("a", "Tessaly regime") in texts(tessaly)
    marks = {(m.text, m.note) for m in naming_marks(ents, [a, b])}
    assert ("watchdog", "Lake Varn Water Authority") in marks
    assert ("Tessaly regime", "Tessaly") in marks
    assert not [m for m in marks if m[0] in ("regime", "the regime")]


def test_a_neutral_description_joins_the_table_but_is_no_mark() -> None:
    a = art("Travellers on Skyra Air were stranded. The carrier Skyra Air blamed the storm.", "a", "A")
    b = art("Skyra Air cancelled 40 flights because of the storm.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "carrier") in texts(by_name(ents, "Skyra Air"))
    assert naming_marks(ents, [a, b]) == []


def test_the_same_head_word_is_the_same_description_and_an_adjective_before_a_name_is_none() -> None:
    a = art("Rival mob boss Carlo Venti died in prison. His company found the giant Orlo field.", "a", "A")
    b = art("Mob boss Carlo Venti died on Monday. The firm found the Orlo field.", "b", "B")
    ents = story_entities([a, b])
    venti = by_name(ents, "Carlo Venti")
    assert ("a", "Rival mob boss") in texts(venti) and ("b", "Mob boss") in texts(venti)
    assert naming_marks(ents, [a, b]) == []  # "rival" adds no other name
    assert not [m for e in ents for m in e.mentions if m.text == "giant"]


def test_a_group_word_with_a_name_in_it_names_the_body() -> None:
    a = art("Tarn rebels shelled the town. The Tarn Freedom Party denied it.", "a", "A")
    b = art("The Tarn Freedom Party shelled the town, officials said.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Tarn rebels") in texts(by_name(ents, "Tarn Freedom Party"))
    assert [(m.text, m.note) for m in naming_marks(ents, [a, b])] == [("Tarn rebels", "Tarn Freedom Party")]


def test_the_nato_chief_is_the_person_given_a_nato_title_and_nato_stays_a_mention() -> None:
    a = art("NATO Secretary General Ola Brenn met envoys. The talks were hard, the NATO chief claimed.", "a", "A")
    b = art("NATO Secretary General Ola Brenn met envoys. Brenn said the talks were hard.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "NATO chief") in texts(by_name(ents, "Ola Brenn"))
    assert texts(by_name(ents, "NATO")).count(("a", "NATO")) == 2
    assert ("NATO chief", "Ola Brenn") in [(m.text, m.note) for m in naming_marks(ents, [a, b])]


# entities.v4: short names and coined abbreviations; made-up stories


def test_a_short_name_that_opens_one_longer_name_of_the_story_is_that_entity() -> None:
    a = art("Smoke rose over Tarnby. Chemical giant Brellock said the fire was out. Brellock will pay.", "a", "A")
    b = art("A fire broke out at Brellock Chemicals near Tarnby. Brellock Chemicals said nobody was hurt.", "b", "B")
    ents = story_entities([a, b])
    firm = by_name(ents, "Brellock Chemicals")
    assert {("a", "Brellock"), ("a", "Chemical giant"), ("b", "Brellock Chemicals")} <= set(texts(firm))
    assert not [e for e in ents if e.name == "Brellock"]
    # the short name is a plain name; the description only one outlet uses is the mark
    marks = [(m.article, m.text, m.note) for m in naming_marks(ents, [a, b])]
    assert marks == [("a", "Chemical giant", "Brellock Chemicals")]


def test_a_short_name_shared_by_two_longer_names_or_written_as_a_place_stays_apart() -> None:
    a = art("Harwell Bank and Harwell Trust both lent money. Harwell said little.", "a", "A")
    b = art("Harwell Bank lent money to the town. Harwell Trust did too.", "b", "B")
    ents = story_entities([a, b])
    assert {e.name for e in ents} >= {"Harwell Bank", "Harwell Trust"}
    assert ("a", "Harwell") not in texts(by_name(ents, "Harwell Bank")) + texts(by_name(ents, "Harwell Trust"))
    # the town, not the council named after it
    c = art("Flooding hit homes in Oxmere on Monday. Oxmere Council opened a shelter.", "c", "C")
    d = art("Oxmere Council opened a shelter after the flood.", "d", "D")
    ents = story_entities([c, d])
    assert ("c", "Oxmere") not in texts(by_name(ents, "Oxmere Council"))


def test_an_abbreviation_coined_in_brackets_is_the_name_before_it() -> None:
    a = art("Staff at Greyline Transport (GRL) walked out. GRL said talks would resume.", "a", "A")
    b = art("Greyline Transport staff walked out on Monday.", "b", "B")
    ents = story_entities([a, b])
    assert {("a", "GRL"), ("b", "Greyline Transport")} <= set(texts(by_name(ents, "Greyline Transport")))
    # letters the name lacks: no coinage ("Orla Fenn (BBC)")
    c = art("Dunmere Harbour (QXZ) was closed. QXZ said nothing.", "c", "C")
    ents = story_entities([c, art("Dunmere Harbour was closed.", "d", "D")])
    assert ("c", "QXZ") not in texts(by_name(ents, "Dunmere Harbour"))


def test_a_place_of_the_story_before_a_plain_name_is_no_mark() -> None:
    a = art("Flooding hit Brenmoor. Brenmoor MP Ada Quell said help was slow. Brenmoor Coast Guard came.", "a", "A")
    b = art("Brenmoor flooded on Monday. Ada Quell said help was slow. The Coast Guard came.", "b", "B")
    marks = [m.text for m in naming_marks(story_entities([a, b]), [a, b])]
    assert "Brenmoor MP Ada Quell" not in marks and "Brenmoor Coast Guard" not in marks
    # an evaluative word is no place: still a choice
    c = art("Flooding hit Brenmoor. Furious MP Ada Quell said help was slow.", "c", "C")
    assert "Furious MP Ada Quell" in [m.text for m in naming_marks(story_entities([c, b]), [c, b])]


# entities.v5: a state's government and officials, nicknames, a common word opening a sentence;
# made-up stories


def test_a_states_government_and_officials_name_the_state_and_are_no_mark() -> None:
    a = art(
        "Russia denied the report. The Russian government said senior U.S. officials had lied, "
        "and British authorities agreed with the United States.",
        "a",
        "A",
    )
    b = art("Moscow denied the report. The United States said Britain agreed.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Russian government") in texts(by_name(ents, "Russia"))
    assert ("a", "U.S. officials") in texts(by_name(ents, "United States"))  # from the capitalised modifier
    assert ("a", "U.S.") in texts(by_name(ents, "United States"))  # the alias stays a mention
    assert "British authorities" not in [m.text for e in ents for m in e.mentions]  # no UK named in a
    marks = [m.text for m in naming_marks(ents, [a, b])]
    assert "Russian government" not in marks and "U.S. officials" not in marks
    assert "Moscow" in marks  # the metonym is still a choice


def test_what_names_no_state() -> None:
    a = art(
        "Russia said no. The government said White House officials and Trump administration "
        "officials had met. U.N. nuclear watchdog staff left.",
        "a",
        "A",
    )
    ents = story_entities([a])
    found = [m.text for e in ents for m in e.mentions]
    assert not [t for t in found if t.endswith(("government", "officials", "watchdog"))], found
    assert "White House" in found and "U.N." in found


def test_a_nickname_right_after_a_name_is_a_mention_and_a_mark() -> None:
    a = art(
        "Councillor Ilaria Vossberg – dubbed “Red Ilaria” by her opponents – backed the law. "
        "Goalkeeper Piet Haverkamp – the “Octopus” to the fans – made eight saves.",
        "a",
        "A",
    )
    b = art("Ilaria Vossberg backed the law. The team's goalkeeper Piet Haverkamp made saves.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Red Ilaria") in texts(by_name(ents, "Ilaria Vossberg"))
    assert ("a", "Octopus") in texts(by_name(ents, "Piet Haverkamp"))
    assert not [e for e in ents if e.name in ("Red Ilaria", "Octopus")]
    marks = [(m.text, m.note) for m in naming_marks(ents, [a, b])]
    assert ("Red Ilaria", "Ilaria Vossberg") in marks and ("Octopus", "Piet Haverkamp") in marks
    # "Goalkeeper" opens the sentence and the story writes "goalkeeper": no choice of name
    assert "Goalkeeper Piet Haverkamp" not in [m for m, _ in marks]


def test_what_is_no_nickname() -> None:
    a = art(
        'Ola Brenn, "Never" was all she said. Mira Tolk, the "Power" singer, sang. '
        'The bill, dubbed "Clean Water First", passed.',
        "a",
        "A",
    )
    ents = story_entities([a])
    assert ("a", "Power") not in texts(by_name(ents, "Mira Tolk"))
    assert ("a", "Never") not in texts(by_name(ents, "Ola Brenn"))
    assert not [m for e in ents for m in e.mentions if m.text in ("Power", "Never")]


# entities.v6: a nickname tied to a name is that entity wherever the story writes it; made-up
# stories


def test_a_tied_nickname_is_the_entity_elsewhere_in_the_story() -> None:
    a = art(
        "Fund manager once known as ‘the Quiet Millionaire’ faces jail.\n"
        "Mr Oskar Brandvik, dubbed “the Quiet Millionaire” by the press, stood still.",
        "a",
        "A",
    )
    b = art(
        "CONMAN JAILED: 'QUIET MILLIONAIRE' GUILTY\n"
        'Oskar Brandvik was convicted. The former fund boss, 58, known as the "Quiet Millionaire", wept.',
        "b",
        "B",
    )
    c = art("Oskar Brandvik was convicted of fraud. Brandvik said nothing.", "c", "C")
    ents = story_entities([a, b, c])
    found = texts(by_name(ents, "Oskar Brandvik"))
    assert [t for x, t in found if x == "a" and "Quiet" in t] == ["Quiet Millionaire", "the Quiet Millionaire"]
    assert ("b", "QUIET MILLIONAIRE") in found and ("b", "Quiet Millionaire") in found
    assert not [e for e in ents if "millionaire" in e.name.casefold()]
    # two of three outlets write it: still each one's choice of name (half the others share it)
    marks = [(m.article, m.text) for m in naming_marks(ents, [a, b, c])]
    assert ("a", "Quiet Millionaire") in marks and ("b", "Quiet Millionaire") in marks


def test_what_a_tied_nickname_does_not_reach() -> None:
    a = art("Goalkeeper Piet Haverkamp – the “Octopus” to the fans – made eight saves.", "a", "A")
    b = art(
        "Piet Haverkamp made saves. An octopus was seen in the harbour. Octopus Holdings sponsors the club.",
        "b",
        "B",
    )
    ents = story_entities([a, b])
    found = texts(by_name(ents, "Piet Haverkamp"))
    assert ("a", "Octopus") in found
    assert not [t for x, t in found if x == "b" and "ctopus" in t]  # lower case; a longer name
    # a form every other outlet writes is no choice, nickname or not
    c = art("Piet Haverkamp – the “Octopus” – saved twice.", "c", "C")
    marks = [m.text for m in naming_marks(story_entities([a, c]), [a, c])]
    assert "Octopus" not in marks


def test_the_head_alone_is_the_entity_last_described_with_it() -> None:
    a = art(
        "Tech tycoon Ravi Sorel bought the club on Monday. The tycoon said he would invest. Sorel met fans.",
        "a",
        "A",
    )
    b = art("Ravi Sorel bought the club on Monday. Sorel said he would invest.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "tycoon") in texts(by_name(ents, "Ravi Sorel"))
    marks = [m.text for m in naming_marks(ents, [a, b])]
    assert "Tech tycoon" in marks and "tycoon" in marks
    # with no description before it, "the tycoon" is still no one's (the nearest named is too often another)
    c = art("Ravi Sorel met Ida Quist on Monday. The tycoon said he would invest.", "c", "C")
    assert not [m for e in story_entities([c]) for m in e.mentions if m.text == "tycoon"]


def test_chiefs_after_a_lower_case_word_are_the_body_named_by_it() -> None:
    a = art(
        "The Regional Health Agency traced the outbreak. A cooling tower was the source, health chiefs have confirmed.",
        "a",
        "A",
    )
    b = art("The Regional Health Agency traced the outbreak to a cooling tower.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "health chiefs") in texts(by_name(ents, "Regional Health Agency"))
    assert "health chiefs" in [m.text for m in naming_marks(ents, [a, b])]
    # the kind of body is no name of it ("service chiefs", "police chiefs": many chiefs); a fire
    # chief is a job
    c = art(
        "The National Parks Service closed the trails, service chiefs said. On Monday fire chief Ada Lind agreed.",
        "c",
        "C",
    )
    found = [m.text for e in story_entities([c]) for m in e.mentions]
    assert "service chiefs" not in found and "fire chief" not in found


def test_a_description_before_the_and_a_name_describes_that_name() -> None:
    a = art(
        "Oskar Brandvik was convicted. Shamed watchdog the Financial Conduct Board admitted failings.",
        "a",
        "A",
    )
    b = art("Oskar Brandvik was convicted. The Financial Conduct Board admitted failings.", "b", "B")
    ents = story_entities([a, b])
    # a capitalised word opening the sentence is a modifier of the description
    assert ("a", "Shamed watchdog") in texts(by_name(ents, "Financial Conduct Board"))
    assert "Shamed watchdog" in [m.text for m in naming_marks(ents, [a, b])]
    # a name after "the" that the description cannot describe: no description
    c = art("Oskar Brandvik met tycoon the Financial Conduct Board chairman.", "c", "C")
    assert "tycoon" not in [m.text for m in by_name(story_entities([c]), "Financial Conduct Board").mentions]


def test_a_plural_head_alone_is_no_mention() -> None:
    # "the rebels" after "Tory rebels" are those MPs, not the party
    a = art("Tory rebels defeated the Conservative Party whip on Monday. The rebels said more would follow.", "a", "A")
    found = [m.text for e in story_entities([a]) for m in e.mentions]
    assert "rebels" not in found


# entities.v7: a council's seat, a numbered road, a formal name stated as information; made-up
# stories


def test_a_council_seat_is_the_council_of_the_story() -> None:
    a = art("Dunmarsh District Council closed the pier on Monday. The council blamed the storm.", "a", "A")
    b = art("District Hall has admitted that it ignored a warning about the pier.", "b", "B")
    c = art("Dunmarsh District Council said the pier would reopen in May.", "c", "C")
    ents = story_entities([a, b, c])
    council = by_name(ents, "Dunmarsh District Council")
    assert ("b", "District Hall") in texts(council)
    assert [(m.article, m.text) for m in naming_marks(ents, [a, b, c])] == [("b", "District Hall")]
    # the building: after a locative word, or with a name before it; no council: a name of its own
    d = art("Fans sang outside District Hall. A vigil was held at Dunmarsh District Hall.", "d", "D")
    ents = story_entities([a, d, c])
    assert not [t for _, t in texts(by_name(ents, "Dunmarsh District Council")) if "Hall" in t]
    e = art("City Hall has admitted that it ignored a warning.", "e", "E")
    assert [x.name for x in story_entities([e])] == ["City Hall"]


def test_a_seat_with_two_councils_of_its_kind_is_left_alone() -> None:
    a = art("Dunmarsh District Council and Orley District Council met.", "a", "A")
    b = art("District Hall said nothing.", "b", "B")
    ents = story_entities([a, b])
    assert all(("b", "District Hall") not in texts(e) for e in ents if "Council" in e.name)


def test_a_numbered_road_is_the_road_its_name_says() -> None:
    a = art("Engineers cleared the B4410 Kelmer Road on Friday.", "a", "A")
    b = art("The Kelmer Road will reopen on Monday, engineers said.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "B4410 Kelmer Road") in texts(by_name(ents, "Kelmer Road"))
    assert [m.text for m in naming_marks(ents, [a, b])] == ["B4410 Kelmer Road"]
    # no road word at the end: a model or a district code, not a road
    c = art("The F-35 Lightning fleet was grounded.", "c", "C")
    d = art("The Lightning fleet was grounded.", "d", "D")
    assert not [e for e in story_entities([c, d]) if ("c", "F-35 Lightning") in texts(e) and e.name == "Lightning"]


def test_a_formal_name_stated_as_information_is_no_mark() -> None:
    a = art("Tessaly, officially the Republic of Tessaly, seized the boat.", "a", "A")
    b = art("Tessaly seized the boat on Tuesday.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Republic of Tessaly") in texts(by_name(ents, "Tessaly"))
    assert naming_marks(ents, [a, b]) == []
    c = art("The Republic of Tessaly seized the boat on Tuesday.", "c", "C")
    assert [m.text for m in naming_marks(story_entities([c, b]), [c, b])] == ["Republic of Tessaly"]


def test_a_capital_before_government_is_the_story_s_one_unknown_state() -> None:
    a = art("Patrol boats of the Republic of Tarnovia seized a trawler. Tarnovia said it was fishing.", "a", "A")
    b = art("Gunboats of the Ostrel regime seized a British trawler. Tarnovia's navy took it to port.", "b", "B")
    c = art("Tarnovia held the crew for a day. The owners paid a fine.", "c", "C")
    ents = story_entities([a, b, c])
    state = by_name(ents, "Tarnovia")
    assert ("b", "Ostrel") in texts(state)
    marks = [(m.article, m.text, m.note) for m in naming_marks(ents, [a, b, c])]
    assert ("b", "Ostrel", "Tarnovia") in marks
    # an adjective beside a name is no evidence of a state ("Parisian" beside "Paris"), and a
    # demonym or a common word before "authorities" is no capital
    d = art("Coast guard crews on Tarnovian boats seized a trawler off Tarnovia.", "d", "D")
    e = art("Boats of the Ostrel regime seized a trawler.", "e", "E")
    assert ("e", "Ostrel") not in texts(by_name(story_entities([d, e]), "Tarnovia"))
    f = art("The Republic of Tarnovia said Swedish authorities and Federal authorities agreed.", "f", "F")
    g = art("Tarnovia said federal agents were told.", "g", "G")
    assert texts(by_name(story_entities([f, g]), "Tarnovia")) == [("f", "Republic of Tarnovia"), ("g", "Tarnovia")]


def test_a_capital_written_elsewhere_or_two_unknown_states_stay_apart() -> None:
    a = art("Patrol boats of the Republic of Tarnovia seized a trawler in Ostrel harbour.", "a", "A")
    b = art("The Ostrel regime seized a trawler. Crowds gathered in Ostrel.", "b", "B")
    assert all(("b", "Ostrel") not in texts(e) for e in story_entities([a, b]) if e.name == "Tarnovia")
    c = art("The Republic of Tarnovia and the Republic of Vellmark met.", "c", "C")
    d = art("The Ostrel government said talks went well.", "d", "D")
    assert all(("d", "Ostrel") not in texts(e) for e in story_entities([c, d]) if e.kind == "place")


def test_a_body_named_by_its_kind_is_no_mark() -> None:
    a = art(
        "Nurses at Marlow Grove Hospital were praised. Staff at the Kelby hospital cheered. "
        "Officials at the Kelby hospital said she was well.",
        "a",
        "A",
    )
    b = art("Nurses at Marlow Grove Hospital were praised on Friday.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "the Kelby hospital") in texts(by_name(ents, "Marlow Grove Hospital"))
    # entities.v8: a body named by its kind ("the hospital", "the committee", "the club") is no
    # choice of name, however often the outlet writes it (entities.v7 marked both)
    assert naming_marks(ents, [a, b]) == []


def test_version_is_v10() -> None:
    assert ENTITIES_VERSION == "entities.v10"


@pytest.mark.parametrize("word", ["Scottish", "Welsh", "Catalan", "Houthi", "Tory", "Communist", "Military"])
def test_a_nation_party_or_form_of_government_is_no_capital(word: str) -> None:
    """entities.v8's capital rule: a capitalised word before "government" that names a nation
    within a state, a people, a party or a form of government ("the Scottish government", "the
    Houthi authorities", "the Military government") is no capital of the story's one unknown
    state, and no naming mark for it."""
    a = art(
        "Patrol boats of the Republic of Tarnovia seized a British trawler. Tarnovia said it was fishing.", "a", "A"
    )
    b = art(f"Ministers said the {word} government protested to Tarnovia. Tarnovia held the crew.", "b", "B")
    ents = story_entities([a, b])
    assert ("b", word) not in texts(by_name(ents, "Tarnovia"))
    assert [m.text for m in naming_marks(ents, [a, b])] == ["Republic of Tarnovia"]


# entities.v9: within-story resolution with no alias row; made-up stories


def test_an_abbreviation_an_outlet_never_writes_out_is_a_mark() -> None:
    a = art("The Tarrant Rowing Council ruled on Sunday that the race stands.", "a", "A")
    b = art("The result stands, according to the TRC. Crews were told on Sunday.", "b", "B")
    ents = story_entities([a, b])
    assert ("b", "TRC") in texts(by_name(ents, "Tarrant Rowing Council"))
    assert [(m.article, m.text, m.note) for m in naming_marks(ents, [a, b])] == [("b", "TRC", "Tarrant Rowing Council")]
    # introduced beside the full name: style, no mark (as before)
    c = art("The Tarrant Rowing Council (TRC) ruled. The TRC said the race stands.", "c", "C")
    assert naming_marks(story_entities([a, c]), [a, c]) == []
    # two letters, or letters that are not the name's initials: no mark
    d = art("The result stands, according to the TR. Crews were told.", "d", "D")
    assert naming_marks(story_entities([a, d]), [a, d]) == []


def test_a_brand_and_its_owner_are_one_entity_when_the_outlets_split_on_them() -> None:
    a = art("The regulator fined Corlan Mobile on Monday. Corlan Mobile customers lost service for a day.", "a", "A")
    b = art(
        "Brightwave Communications Group was fined £3m. Shares in Brightwave fell 2.1%. "
        "Brightwave made £1.2bn last year and trades as Corlan Mobile.",
        "b",
        "B",
    )
    c = art("The regulator fined Corlan Mobile's owner, Brightwave, £3m. Brightwave said sorry.", "c", "C")
    ents = story_entities([a, b, c])
    firm = by_name(ents, "Brightwave Communications Group")
    assert {("a", "Corlan Mobile"), ("b", "Brightwave"), ("c", "Brightwave")} <= set(texts(firm))
    # the brand where the others write the owner is the choice; the names inside the stated
    # relation ("trades as Corlan Mobile", "Corlan Mobile's owner") are told, not chosen
    marks = [(m.article, m.text, m.note) for m in naming_marks(ents, [a, b, c])]
    assert marks == [("a", "Corlan Mobile", "Brightwave Communications Group")] * 2


def test_a_brand_and_owner_every_outlet_names_stay_two() -> None:
    a = art("Harlow Foods, which owns Pell Market, bought a farm. Pell Market shoppers were told.", "a", "A")
    b = art("Harlow Foods bought a farm. Pell Market will sell its milk.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Pell Market") not in texts(by_name(ents, "Harlow Foods"))


def test_a_nickname_tied_without_quotation_marks_is_the_entity() -> None:
    a = art("Oxmere Rovers, known as the Herons, won planning permission for a new ground on Friday.", "a", "A")
    b = art("The Herons are getting a new home. Fans of the Herons cheered.", "b", "B")
    c = art("Oxmere Rovers won permission for a new ground. Oxmere Rovers will move in 2029.", "c", "C")
    ents = story_entities([a, b, c])
    assert {("a", "Herons"), ("b", "Herons")} <= set(texts(by_name(ents, "Oxmere Rovers")))
    marks = [(m.article, m.text) for m in naming_marks(ents, [a, b, c])]
    assert marks == [("a", "Herons"), ("b", "Herons"), ("b", "Herons")]
    # no "the", or an alias of the table: no nickname
    d = art("Oxmere Rovers, known as Herons United, won. Herons United fans cheered.", "d", "D")
    assert ("d", "Herons United") not in texts(by_name(story_entities([d, c]), "Oxmere Rovers"))


def test_a_capital_tied_to_its_state_stands_for_it_as_a_government() -> None:
    a = art("Protesters marched in Durnsk, the capital of Ostravia, on Sunday. Ostravia said the march was legal.", "a")
    b = art(
        "The Durnsk government banned the march. Durnsk denied any arrests. A Durnsk court will sit on Monday.", "b"
    )
    c = art("Ostravia banned the march on Saturday. Ostravia said police would keep order.", "c")
    ents = story_entities([a, b, c])
    state = texts(by_name(ents, "Ostravia"))
    assert state.count(("b", "Durnsk")) == 2  # "the Durnsk government", "Durnsk denied"
    assert texts(by_name(ents, "Durnsk")) == [("a", "Durnsk"), ("b", "Durnsk")]  # the tie, "a Durnsk court"
    assert [(m.article, m.text, m.note) for m in naming_marks(ents, [a, b, c])] == [("b", "Durnsk", "Ostravia")] * 2
    # a provincial capital, or no tie in the story: the city alone
    d = art("Protesters marched in Durnsk, the provincial capital of Ostravia. Ostravia said it was legal.", "d")
    assert ("b", "Durnsk") not in texts(by_name(story_entities([d, b, c]), "Ostravia"))


# entities.v10: registered names, formal state names the name reader cut, a state's seat;
# made-up stories


def test_a_registered_name_is_the_company_and_a_mark_where_only_its_outlet_writes_it() -> None:
    a = art("Pellmarsh Garden Tools plc recalled two mowers on Monday. Pellmarsh said the fault was rare.", "a", "A")
    b = art("Pellmarsh Garden Tools has recalled two mowers. The company told owners to stop.", "b", "B")
    c = art("Mowers made by Pellmarsh are being recalled. Pellmarsh Garden Tools said it was sorry.", "c", "C")
    ents = story_entities([a, b, c])
    firm = by_name(ents, "Pellmarsh Garden Tools")
    assert firm.kind == "org"
    # the run the name reader took for a person ("Garden Tools") is the company too
    assert {("a", "Pellmarsh Garden Tools plc"), ("a", "Pellmarsh"), ("b", "Pellmarsh Garden Tools")} <= set(
        texts(firm)
    )
    assert [(m.article, m.text, m.note) for m in naming_marks(ents, [a, b, c])] == [
        ("a", "Pellmarsh Garden Tools plc", "Pellmarsh Garden Tools")
    ]


def test_shorter_names_on_the_way_to_a_registered_name_are_its() -> None:
    a = art("Shares in Durrow Ferry Services Ltd fell. Durrow said the ferries would sail.", "a", "A")
    b = art("The operator, Durrow Ferry, said the ferries would sail again on Monday.", "b", "B")
    ents = story_entities([a, b])
    assert {("a", "Durrow"), ("b", "Durrow Ferry")} <= set(texts(by_name(ents, "Durrow Ferry Services")))
    assert [m.text for m in naming_marks(ents, [a, b])] == ["Durrow Ferry Services Ltd"]


def test_a_registered_name_beside_its_everyday_name_or_in_a_list_is_no_mark() -> None:
    a = art("Keldon Mills Ltd has been charged. Keldon Mills said it would not comment.", "a", "A")
    b = art("Keldon Mills was charged on Monday. Keldon Mills refused to comment.", "b", "B")
    assert naming_marks(story_entities([a, b]), [a, b]) == []
    c = art("Keldon Mills was charged on Monday.\nCompanies in this story: Keldon Mills Ltd | Arrow Bank", "c", "C")
    assert naming_marks(story_entities([b, c]), [b, c]) == []
    d = art("Keldon Mills was charged.\nCompanies in this story: Keldon Mills Ltd (KLDN)", "d", "D")
    assert naming_marks(story_entities([b, d]), [b, d]) == []


def test_a_legal_form_after_a_name_cut_at_and_is_left_alone() -> None:
    a = art("Fenwick Sand and Gravel Ltd won the contract. Gravel prices rose.", "a", "A")
    b = art("Fenwick Sand won the contract on Monday. Fenwick said work starts soon.", "b", "B")
    ents = story_entities([a, b])
    assert all(e.name != "Gravel" for e in ents)  # the cut run is no registered name of "Gravel"
    assert naming_marks(ents, [a, b]) == []


def test_a_formal_state_name_of_two_words_before_of_is_the_state() -> None:
    a = art("A quake struck the Federal Republic of Ostmark on Sunday, the interior ministry said.", "a", "A")
    b = art("A quake struck Ostmark on Sunday. Ostmark has declared an emergency.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Federal Republic of Ostmark") in texts(by_name(ents, "Ostmark"))
    assert [(m.text, m.note) for m in naming_marks(ents, [a, b])] == [("Federal Republic of Ostmark", "Ostmark")]


def test_the_government_in_a_city_is_the_story_s_one_formal_state() -> None:
    a = art("Floods hit the Kingdom of Valmark on Friday. Valmark asked for help.", "a", "A")
    b = art("The government in Hessby has ordered an inquiry. Rescuers in Hessby worked all night.", "b", "B")
    c = art("Valmark has ordered an inquiry into the floods, its ministers said.", "c", "C")
    ents = story_entities([a, b, c])
    assert ("b", "Hessby") in texts(by_name(ents, "Valmark"))
    assert texts(by_name(ents, "Hessby")) == [("b", "Hessby")]  # "in Hessby" stays the city
    assert ("Hessby", "Valmark") in [(m.text, m.note) for m in naming_marks(ents, [a, b, c])]
    # two formal states in the story: nothing says whose seat it is
    d = art("The Republic of Carsova sent boats.", "d", "D")
    assert ("b", "Hessby") not in texts(by_name(story_entities([a, b, c, d]), "Valmark"))


def test_a_brand_s_owner_named_by_the_brand_is_the_stated_owner() -> None:
    a = art(
        "Drivers at Redline voted to strike. Tollmere Transport Group plc, which owns Redline, offered 4%.", "a", "A"
    )
    b = art("Redline drivers will walk out. The Redline owner says more money would mean fewer buses.", "b", "B")
    c = art("Redline drivers will strike, Tollmere said. Tollmere, the company behind Redline, offered 4%.", "c", "C")
    ents = story_entities([a, b, c])
    assert ("b", "The Redline owner") in texts(by_name(ents, "Tollmere Transport Group"))
    assert texts(by_name(ents, "Redline")).count(("b", "Redline")) == 1  # the one inside is the description's
    marks = [(m.article, m.text) for m in naming_marks(ents, [a, b, c])]
    # the registered name is a choice inside the stated relation too
    assert marks == [("a", "Tollmere Transport Group plc"), ("b", "The Redline owner")]
    # no stated owner: "the Redline owner" stays the brand's words
    d = art("Redline drivers will walk out. Redline made a loss.", "d", "D")
    assert all(m.text != "The Redline owner" for e in story_entities([d, b]) for m in e.mentions)


def test_a_formal_name_by_the_state_s_adjective_is_the_state() -> None:
    a = art("Carsova and the Dravenian Republic signed an accord on Friday in Lesk.", "a", "A")
    b = art("Carsova and Dravenia signed a treaty. Dravenia will open its border.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Dravenian Republic") in texts(by_name(ents, "Dravenia"))
    assert ("Dravenian Republic", "Dravenia") in [(m.text, m.note) for m in naming_marks(ents, [a, b])]
    # no name of the story gives the adjective: a name of its own
    c = art("Carsova and Ostmark signed a treaty.", "c", "C")
    assert all(e.name != "Ostmark" or len(e.mentions) == 1 for e in story_entities([a, c]))


def test_a_description_by_a_word_another_article_ties_to_a_company_is_that_company() -> None:
    a = art("The Penmore biscuit maker Hollin Foods is to be sold. Hollin Foods employs 600 people.", "a", "A")
    b = art("The Penmore biscuit firm is to be sold, workers said. The union said it was worried.", "b", "B")
    c = art("Hollin Foods is to be sold to a rival for £40m. Hollin Foods shares rose.", "c", "C")
    ents = story_entities([a, b, c])
    assert ("b", "Penmore biscuit firm") in texts(by_name(ents, "Hollin Foods"))
    # a plain description that is the name its article gives the company: a mark
    assert [(m.article, m.text) for m in naming_marks(ents, [a, b, c])] == [("b", "Penmore biscuit firm")]
    # after the article has named the company it is a reference, no mark
    d = art("Hollin Foods is to be sold. The Penmore biscuit firm employs 600.", "d", "D")
    assert naming_marks(story_entities([a, d, c]), [a, d, c]) == []
    # two companies tied to the word: left alone
    e = art("Penmore-based Arlow Mills said it might bid for the Penmore biscuit firm too.", "e", "E")
    assert ("b", "Penmore biscuit firm") not in [t for x in story_entities([a, b, e]) for t in texts(x)]


def test_a_seat_of_another_word_is_the_story_s_one_council() -> None:
    a = art("Shire Hall has admitted the bridge was not inspected for six years.", "a", "A")
    b = art("Ashmere County Council said the bridge would reopen in May.", "b", "B")
    ents = story_entities([a, b])
    assert ("a", "Shire Hall") in texts(by_name(ents, "Ashmere County Council"))
    assert [(m.text, m.note) for m in naming_marks(ents, [a, b])] == [("Shire Hall", "Ashmere County Council")]
    # two councils in the story: nothing says which
    c = art("Ashmere County Council and Brill District Council met on Monday.", "c", "C")
    assert ("a", "Shire Hall") not in texts(by_name(story_entities([a, c]), "Ashmere County Council"))


def test_a_seat_is_no_council_of_another_kind() -> None:
    a = art("He set his sights on City Hall before the election.", "a", "A")
    b = art("The National Security Council met on Monday.", "b", "B")
    assert all(e.name != "National Security Council" or len(e.mentions) == 1 for e in story_entities([a, b]))
