"""Framing marks from word lists: hedges, loaded words and judging reporting verbs are found
whole-word and case-insensitive, phrases longest first, and the contexts that give a word its
other sense are not flagged. Every sentence here is written for these tests."""

from __future__ import annotations

import itertools

import pytest

from newsprism import framing_lexicon, lexicons
from newsprism.framing_lexicon import entry, lexicon_marks


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind, _ in lexicon_marks(text)]


# -- hedges -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hedge"),
    [
        ("The mayor allegedly took the money.", "allegedly"),
        ("The bridge was reportedly closed for a week.", "reportedly"),
        ("They unveiled the so-called recovery plan.", "so-called"),
        ("The treaty purportedly ends the dispute.", "purportedly"),
        ("Apparently the ferry left early.", "Apparently"),
        ("The dam was supposedly safe.", "supposedly"),
        ("The visit was ostensibly private.", "ostensibly"),
        ("The captain is said to have fled north.", "is said to"),
        ("The owner is believed to be abroad.", "is believed to"),
        ("The ledger, believed to have been burnt, was found.", "believed to have"),
        ("Funds were moved, it is claimed, to a shell firm.", "it is claimed"),
        ("A self-styled prophet led the march.", "self-styled"),
        ("The self-proclaimed king of pies opened a shop.", "self-proclaimed"),
        ("She condemned what she called a stitch-up.", "what she called"),
        ("According to some, the harbour will close.", "According to some"),
        ("Police are studying the alleged break-in.", "alleged"),
        ("His supposed ally stayed silent.", "supposed"),
        ("An apparent error delayed the count.", "apparent"),
        ("It is understood that the pier will reopen.", "It is understood"),
        ("It is believed the boat sank at dusk.", "It is believed"),
        ("The talks stalled, sources said.", "sources said"),
        ("Two sources told the paper the deal was off.", "sources told"),
        ("According to sources, the vote slipped.", "According to sources"),
        # a passive hedge before anything but a casualty's condition stays one
        ("The crew are thought to be safe ashore.", "are thought to"),
        ("The harbour master's supposed ally stayed silent.", "supposed"),
    ],
)
def test_hedges_are_found(sentence: str, hedge: str) -> None:
    assert (hedge, "hedge") in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "According to some 300 residents the road flooded twice.",  # a figure's qualifier
        "Astronomers mapped the so-called dark matter around the galaxy.",  # a term of art
        "It soon became apparent that the pump had failed.",  # a predicate, not a hedge
        "About 40 boats and some 12 ferries sailed.",  # figure qualifiers belong to `qualifiers`
        "Supposing the vote fails, the council meets again.",
        # hedges.v3: the writer's inference or a speaker's modality, a prospective role, and a
        # casualty's condition as a hospital gives it
        "The ferry appears to have left early.",
        "The survey's farmers seemed to favour the plan.",
        "The fund seemingly ran dry.",
        "Guards stopped a would-be thief at the gate.",
        "His injuries are not thought to be life-threatening.",
        "The driver was said to be in a stable condition last night.",
        "None of the crew is believed to be seriously hurt.",
        # the same without "a", as US outlets write it
        "The cyclist is believed to be in critical condition at the county hospital.",
        "Two passengers were said to be in serious but stable condition.",
        # framing-lexicon.v4: "it's" is no possessive before an after-determiner hedge
        "It's supposed to open in May.",
    ],
)
def test_hedge_contexts_are_not_flagged(sentence: str) -> None:
    assert [m for m in found(sentence) if m[1] == "hedge"] == []


@pytest.mark.parametrize(("phrase", "context"), lexicons.load("hedges").mapping("context").items())
def test_every_hedge_is_found(phrase: str, context: str) -> None:
    sentence = f"The {phrase} plan." if context == "after-determiner" else f"Yesterday, {phrase}; nothing else."
    assert found(sentence) == [(phrase, "hedge")]


def test_a_hedge_kind_comes_from_the_lexicon() -> None:
    text = "A self-appointed watchdog allegedly lied."
    kinds = [entry(text, m)["kind"] for m in lexicon_marks(text)]
    assert kinds == ["label", "doubt"]


# -- attribution --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("The builder claimed the wall was sound.", "claimed"),
        ("Prosecutors alleged that the clerk forged the deeds.", "alleged"),
        ("The coach insisted the team was ready.", "insisted"),
        ("The firm admitted it had lost the files.", "admitted"),
        ("She conceded that the plan had failed.", "conceded"),
        ("He boasted that nobody could beat him.", "boasted"),
        ("The minister maintained that the port was safe.", "maintained"),
        ('"We did nothing wrong," the chairman maintained.', "maintained"),
        ("Critics charged that the audit was rushed.", "charged"),
        ("He admitted to lying about the loan.", "admitted"),
    ],
)
def test_judging_reporting_verbs_are_attributions(sentence: str, verb: str) -> None:
    assert (verb, "attribution") in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The goalkeeper conceded a late goal.",
        "The senator conceded defeat on Tuesday night.",
        "Two climbers were admitted to hospital with frostbite.",
        "The court denied bail to both men.",
        "The flood claimed the lives of 14 villagers.",
        "The cyclist claimed the title after a long sprint.",
        "The accused smiled at the jury.",
        "Insurance claims rose after the storm.",
        "The council maintained the road for decades.",
        "The pair were charged with burglary.",
        "The village boasts a fine harbour.",
        "Beijing moved to assert control over the strait.",
        "Farmers contend with drought every summer.",
        "The firm reported revenue of $4m and reported a loss.",  # neutral verbs: no mark
        "Everyone said the storm had passed.",
        "The clerk is accused of taking bribes.",  # the passive states a charge (v2)
        "Nobody has been accused of wrongdoing.",
        "The outbreak has claimed three lives in the town.",
        "Season ticket holders can claim a partial refund.",
        "The union's initial claim was 11 per cent.",
    ],
)
def test_other_senses_are_not_attributions(sentence: str) -> None:
    assert [m for m in found(sentence) if m[1] == "attribution"] == []


def test_alleged_after_a_determiner_is_a_hedge_not_an_attribution() -> None:
    assert found("Police alleged the alleged theft took place at night.") == [
        ("alleged", "attribution"),
        ("alleged", "hedge"),
    ]


@pytest.mark.parametrize("form", lexicons.load("reporting-verbs").where("stance", "judging"))
def test_every_judging_form_is_an_attribution(form: str) -> None:
    sentence = f"The minister {form} that the port reopened."
    assert found(sentence) == [(form, "attribution")]


# -- loaded words -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "word", "neutral"),
    [
        ("Union leaders slammed the new rota.", "slammed", "criticized"),
        ("The regime closed the border crossing.", "regime", "government"),
        ("Masked thugs smashed the shop window.", "thugs", "attackers"),
        ("The draconian curfew starts at nine.", "draconian", "strict"),
        ("The mayor lashed out at the auditors.", "lashed out", "criticized"),
        ("A furious crowd gathered at the depot.", "furious", "angry"),
        ("Bosses axed the night bus.", "axed", "cut"),
        ("The burglar will walk free next month.", "walk free", "be released"),
        ("Thieves struck in the dead of night.", "in the dead of night", "at night"),
        ("Residents face an eye-watering rise in fees.", "eye-watering", "large"),
        ("It ends a bruising six-week campaign.", "bruising", "hard-fought"),
        ("Rents have soared in the old town.", "soared", "rose sharply"),
        ("Carers were left scrambling for childcare.", "scrambling", "hurrying"),
        # loaded-words.v3 (sentences written for these tests)
        ("The treasurer funnelled the levy to a cousin.", "funnelled", "sent"),
        ("Burglars made off with the church silver.", "made off with", "stole"),
        ("The budget scraped through by four votes.", "scraped through", "passed narrowly"),
        ("A convicted fraudster ran the charity.", "fraudster", "convicted of fraud"),
        ("The ruling set off a firestorm online.", "firestorm", "criticism"),
        ("The board pulled the plug on the tram scheme.", "pulled the plug", "ended"),
        ("Up to 90 porters face the axe.", "face the axe", "lose their jobs"),
        ("The council grudgingly reopened the park.", "grudgingly", "reluctantly"),
        ("Ferry fares have ballooned since spring.", "ballooned", "rose"),
    ],
)
def test_loaded_words_are_found_with_their_neutral_alternative(sentence: str, word: str, neutral: str) -> None:
    marks = [m for m in lexicon_marks(sentence) if m[2] == "loaded"]
    assert [sentence[s:e] for s, e, _, _ in marks] == [word]
    assert neutral in entry(sentence, marks[0])["neutral"].split("|")
    assert neutral in lexicons.load("loaded-words").mapping("neutral")[word.lower()].split("|")


@pytest.mark.parametrize(
    "sentence",
    [
        "She slammed the door on her way out.",
        "The sanctions regime was tightened in May.",
        "A flash mob danced in the station.",
        "The mob boss was jailed for life.",
        "Officers foiled a terror plot at the port.",
        "The reactor meltdown forced an evacuation.",
        "Mathematicians studied chaos theory for years.",
        "The rocket blasted off at dawn.",
        "Two crew were treated for cold and bruising.",  # the literal bruise (v2)
        "She had bruising on her arm.",
        "Diners were scrambling for cover when the roof gave way.",
        "Handout / Getty Images",  # a photo credit
        # loaded-words.v3: the technical senses
        "The bridge was under a monitoring regime.",
        "An oversight regime for the banks began.",
        "The rule has a chilling effect on reporters.",
        "He was charged with sharing obscene material.",
        "The knee-jerk reflex was tested.",
    ],
)
def test_neutral_and_literal_uses_are_not_loaded(sentence: str) -> None:
    assert [m for m in found(sentence) if m[1] == "loaded"] == []


@pytest.mark.parametrize("form", lexicons.load("loaded-words").entries)
def test_every_loaded_form_is_found(form: str) -> None:
    assert found(f"Yesterday, {form}; nothing else.") == [(form, "loaded")]
    assert found(f"YESTERDAY, {form.upper()}.") == [(form.upper(), "loaded")]


def test_loaded_list_leaves_out_usually_neutral_words() -> None:
    forms = set(lexicons.load("loaded-words").entries)
    assert not forms & {"people", "year", "said", "says", "attack", "government", "city", "crisis", "seized"}


def test_every_loaded_row_has_a_neutral_alternative() -> None:
    lex = lexicons.load("loaded-words")
    for form, neutral in lex.mapping("neutral").items():
        assert neutral != "-" and all(alt.strip() for alt in neutral.split("|")), form
    assert lex.where("origin", "recasens2013")  # provenance is recorded per row


# -- matching -----------------------------------------------------------------------------------


def test_longest_phrase_wins() -> None:
    assert found("A van slammed into the kiosk.") == [("slammed into", "loaded")]
    assert found("The owner is said to have left.") == [("is said to", "hedge")]
    assert found("It is claimed that the deal fell through.") == [("It is claimed", "hedge")]


def test_case_does_not_matter() -> None:
    assert found("ALLEGEDLY the THUGS fled.") == [("ALLEGEDLY", "hedge"), ("THUGS", "loaded")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The regimental band played.",  # regime
        "Reclaimed land was sold.",  # claimed
        "Her mobile rang twice.",  # mob
        "An anti-regime rally was held.",  # a compound is another word
        "The thugsome look of it.",  # thugs
    ],
)
def test_no_match_inside_a_larger_word(sentence: str) -> None:
    assert found(sentence) == []


def test_dashes_and_spaces_inside_phrases() -> None:
    assert found("the so\u2011called reform") == [("so\u2011called", "hedge")]
    assert found("He is  said\nto be ill.") == [("is  said\nto", "hedge")]


def test_marks_are_ordered_and_carry_their_lexicon_version() -> None:
    text = "Critics slammed the regime, which allegedly conceded that it lied."
    marks = lexicon_marks(text)
    assert [m[0] for m in marks] == sorted(m[0] for m in marks)
    versions = {kind: version for _, _, kind, version in marks}
    assert versions == {
        "loaded": lexicons.load("loaded-words").version,
        "hedge": lexicons.load("hedges").version,
        "attribution": lexicons.load("reporting-verbs").version,
    }
    assert entry(text, marks[-1])["lemma"] == "concede"


def test_empty_and_plain_text() -> None:
    assert lexicon_marks("") == []
    assert lexicon_marks("The council met on Monday and approved the budget.") == []


def test_expressions_are_built_once() -> None:
    assert framing_lexicon._tables() is framing_lexicon._tables()


def test_long_text_is_read_in_one_pass() -> None:
    para = "Officials allegedly slammed the plan. The committee met and said nothing. " * 2000
    marks = lexicon_marks(para)
    assert len(marks) == 4000
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(marks))
