"""Word lists are data: every bundled lexicon loads with its provenance, a malformed file is
refused in one line naming file and line, and numbers and text read their words from them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

import pytest

from newsprism import lexicons, numbers, text
from newsprism.errors import NewsprismError
from newsprism.lexicons import Lexicon, LexiconError
from newsprism.numbers import quantities_in

BUNDLED = {
    "abbreviations",
    "agencies",
    "agency-names",
    "attribution-contexts",
    "distance-words",
    "government-modifiers",
    "legal-forms",
    "british-endings",
    "british-exceptions",
    "byline-words",
    "change-words",
    "claim-words",
    "currencies",
    "durations",
    "hedges",
    "intensity-pairs",
    "entity-aliases",
    "entity-descriptions",
    "first-names",
    "length-words",
    "loaded-words",
    "number-words",
    "qualifiers",
    "outlet-voice",
    "reader-address",
    "reporting-verbs",
    "scales",
    "scare-quote-cues",
    "place-names",
    "demonyms",
    "sentence-openers",
    "speaker-descriptions",
    "speaker-titles",
    "stopwords",
}


_LOAD = lexicons.load


def _clear() -> None:
    _LOAD.cache_clear()
    for fn in (text.stopwords, text.number_words, text._number_terms, text._spelling, numbers._tables):
        fn.cache_clear()
    text.fold_spelling.cache_clear()
    text.stem.cache_clear()


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Lines to add to a bundled lexicon, by name: the users see a changed copy."""
    extra: dict[str, str] = {}
    real = lexicons.load

    def load(name: str) -> Lexicon:
        lex = real(name)
        if name not in extra:
            return lex
        source = f"{lexicons.PACKAGE_DIR}/{name}.tsv"
        body = resources.files("newsprism").joinpath(source).read_text("utf-8")
        return lexicons.parse(body + extra[name] + "\n", source, name=name)

    _clear()
    monkeypatch.setattr(lexicons, "load", load)
    yield extra
    monkeypatch.undo()
    _clear()


# -- every bundled lexicon --------------------------------------------------------------------


def test_every_bundled_lexicon_is_listed() -> None:
    assert set(lexicons.names()) == BUNDLED


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_bundled_lexicon_loads_with_provenance(name: str) -> None:
    lex = lexicons.load(name)
    assert lex.name == name
    assert re.fullmatch(rf"{re.escape(name)}\.v[1-9][0-9]*", lex.version)
    assert "newsprism team" in lex.source
    assert lex.licence.startswith("MIT")
    assert lex.rows and all(len(row) == len(lex.columns) for row in lex.rows)
    assert len(lex.descriptions) == len(lex.columns) and all(lex.descriptions)
    assert len(set(lex.entries)) == len(lex.entries)
    assert lexicons.load(name) is lex  # cached


def test_lexicon_is_frozen() -> None:
    lex = lexicons.load("qualifiers")
    with pytest.raises(AttributeError):
        lex.version = "qualifiers.v9"  # type: ignore[misc]


def test_columns_by_name() -> None:
    lex = lexicons.load("qualifiers")
    assert lex.mapping()["at least"] == "lower-bound"
    assert lex.mapping("meaning") == lex.mapping()
    assert "up to" in lex.where("meaning", "upper-bound")
    with pytest.raises(KeyError, match="no column 'colour'"):
        lex.where("colour", "red")


def test_unknown_lexicon_is_named() -> None:
    with pytest.raises(
        LexiconError,
        match=r"data/lexicons/nonesuch\.tsv: no such lexicon \(bundled: abbreviations, agencies, agency-names, attribution-contexts, british-endings",
    ):
        lexicons.load("nonesuch")
    with pytest.raises(LexiconError, match="not a lexicon name"):
        lexicons.load("../furniture")


# -- malformed files --------------------------------------------------------------------------

HEAD = """# name: demo
# version: demo.v1
# source: written by the newsprism team
# licence: MIT
# column word: a word
# column value (int): a number
# column kind (a|b): a choice
"""


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("one\t1\ta\ntwo\t2\n", 9, "2 tab-separated values where the header declares 3"),
        ("one\t1\ta\ttoo many\n", 8, "4 tab-separated values"),
        ("one\tten\ta\n", 8, "column 'value': 'ten' is not an integer"),
        ("one\t1\tc\n", 8, "column 'kind': 'c' is not one of a, b"),
        ("one\t1\ta\n\n# a comment\none\t2\tb\n", 11, "'one' already listed on line 8"),
        ("one\t\ta\n", 8, "column 'value' is empty"),
        (" one\t1\ta\n", 8, "spaces around it"),
        ("", 7, "no entries after the header"),
        ("\n# only a comment\n", 9, "no entries after the header"),
    ],
)
def test_malformed_rows_are_refused_in_one_line(body: str, line: int, problem: str) -> None:
    with pytest.raises(LexiconError) as err:
        lexicons.parse(HEAD + body, "data/lexicons/demo.tsv", name="demo")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith(f"data/lexicons/demo.tsv, line {line}: ")
    assert problem in message
    assert isinstance(err.value, NewsprismError)


@pytest.mark.parametrize(
    ("head", "line", "problem"),
    [
        ("# hello\n# name: demo\n", 1, "the header must start with '# name: ...'"),
        ("one\t1\n", 1, "the header lacks: name, version, source, licence, column"),
        ("# name: demo\n# source: us\n# licence: MIT\n# column word: w\nx\n", 5, "the header lacks: version"),
        ("# name: demo\n# version: demo.v1\n# source: us\n# licence: MIT\nx\n", 5, "the header lacks: column"),
        (
            "# name: demo\n# version: 1.0\n# source: us\n# licence: MIT\n# column w: w\nx\n",
            6,
            "does not read 'demo.vN'",
        ),
        ("# name: other\n# version: other.v1\n# source: us\n# licence: MIT\n# column w: w\nx\n", 6, "names 'other'"),
        ("# name: demo\n# name: demo\n", 2, "'name' given twice"),
        ("# name: demo\n# version: demo.v1", 2, "the header lacks: source, licence, column"),
        ("# name: demo\n# column w (bool): w\n", 2, "is not int, float or a choice"),
        ("# name: demo\n# column w: w\n# column w: again\n", 3, "column 'w' declared twice"),
        ("# name: demo\n# column: w\n", 2, "a column line reads"),
        ("# name: demo\n# licence\n", 2, "a header line reads '# licence: VALUE'"),
    ],
)
def test_malformed_headers_are_refused_in_one_line(head: str, line: int, problem: str) -> None:
    with pytest.raises(LexiconError) as err:
        lexicons.parse(head, "demo.tsv", name="demo")
    message = str(err.value)
    assert "\n" not in message and message.startswith(f"demo.tsv, line {line}: ") and problem in message


def test_a_well_formed_file_parses() -> None:
    lex = lexicons.parse(HEAD + "# first group\none\t1\ta\r\n\ntwo\t2\tb\n", "demo.tsv", name="demo")
    assert lex.rows == (("one", "1", "a"), ("two", "2", "b"))
    assert lex.columns == ("word", "value", "kind") and lex.descriptions[1] == "a number"
    assert (lex.name, lex.version, lex.source, lex.licence) == (
        "demo",
        "demo.v1",
        "written by the newsprism team",
        "MIT",
    )


# -- numbers reads its words from the lexicons --------------------------------------------------


def _one(sentence: str) -> tuple[str, float, str | None, str | None]:
    [q] = quantities_in(sentence)
    return q.kind, q.value, q.unit, q.qualifier


@pytest.mark.parametrize("form", lexicons.load("currencies").where("position", "word"))
def test_every_currency_word_is_read(form: str) -> None:
    code = lexicons.load("currencies").mapping("code")[form]
    assert _one(f"it cost 40 {form} in all") == ("money", 40.0, code, None)


@pytest.mark.parametrize("sign", lexicons.load("currencies").where("position", "sign"))
def test_every_currency_sign_is_read(sign: str) -> None:
    code = lexicons.load("currencies").mapping("code")[sign]
    assert _one(f"it cost {sign.upper()} 40 in all") == ("money", 40.0, code, None)


@pytest.mark.parametrize("word", lexicons.load("scales").entries)
def test_every_scale_is_read(word: str) -> None:
    factor = float(lexicons.load("scales").mapping("factor")[word])
    assert _one(f"a $3 {word} deal") == ("money", 3 * factor, "USD", None)
    if word in lexicons.load("scales").where("joined", "yes"):
        assert _one(f"a $3{word} deal") == ("money", 3 * factor, "USD", None)
    else:
        assert quantities_in(f"a $3{word} deal") == []


@pytest.mark.parametrize("word", lexicons.load("scales").where("money_only", "yes"))
def test_letter_scales_need_money(word: str) -> None:
    assert _one(f"stood 5 {word} away")[:2] == ("count", 5.0)
    assert _one(f"raised 5{word} dollars")[:3] == ("money", 5 * float(lexicons.load("scales").mapping()[word]), "USD")


@pytest.mark.parametrize(("word", "value"), lexicons.load("number-words").mapping("value").items())
def test_every_number_word_is_read(word: str, value: str) -> None:
    found = quantities_in(f"{word} ships sank")
    if word == "one" or word in lexicons.load("number-words").where("kind", "scale"):
        assert found == []  # "one" is too often not a figure; a scale is no figure alone
    else:
        assert [(q.kind, q.value) for q in found] == [("count", float(value))]


@pytest.mark.parametrize(("phrase", "meaning"), lexicons.load("qualifiers").mapping().items())
def test_every_qualifier_is_kept(phrase: str, meaning: str) -> None:
    assert meaning in ("lower-bound", "upper-bound", "approximate", "estimate")
    phrases = lexicons.load("qualifiers").entries
    # the longest phrase that ends the text before the figure wins ("just over", not "over")
    longest = max((p for p in phrases if phrase == p or phrase.endswith(" " + p)), key=len)
    assert longest == phrase
    assert _one(f"then {phrase} 12 ships sank")[3] == phrase


def test_a_currency_added_to_the_lexicon_is_recognised(patched: dict[str, str]) -> None:
    patched["currencies"] = "quid\tGBP\tword\tno\nzł\tPLN\tsign\tno"
    assert _one("lost 40 quid") == ("money", 40.0, "GBP", None)
    assert _one("paid zł 40 for it") == ("money", 40.0, "PLN", None)


def test_a_qualifier_added_to_the_lexicon_is_kept(patched: dict[str, str]) -> None:
    patched["qualifiers"] = "well over\tlower-bound"
    assert _one("well over 12 ships sank")[3] == "well over"  # the longest phrase wins


def test_a_scale_added_to_the_lexicon_is_read(patched: dict[str, str]) -> None:
    patched["scales"] = "lac\t1e5\tyes\tno"
    assert _one("Rs 4 lac in cash")[:3] == ("money", 4e5, "INR")


# -- text reads its words from the lexicons ----------------------------------------------------


def test_stopwords_are_the_stopword_list_and_the_neutral_reporting_verbs() -> None:
    stop = text.stopwords()
    verbs = lexicons.load("reporting-verbs")
    assert set(lexicons.load("stopwords").entries) <= stop
    assert {"said", "told", "added", "according", "noted"} <= stop
    assert {w for p in verbs.where("stopword", "yes") for w in p.split()} <= stop
    assert not set(verbs.where("stopword", "no")) & stop  # "claimed", "warned" still count


def test_reporting_verbs_are_graded() -> None:
    verbs = lexicons.load("reporting-verbs")
    stance = verbs.mapping("stance")
    assert {stance[v] for v in ("said", "told", "added", "according to")} == {"neutral"}
    assert {stance[v] for v in ("claimed", "alleged", "insisted", "admitted", "conceded", "boasted")} == {"judging"}
    assert set(verbs.where("stopword", "yes")) <= set(verbs.where("stance", "neutral"))


def test_terms_drop_neutral_reporting_verbs_only() -> None:
    assert text.terms("The minister said the port reopened") == ["minister", "port", "reopen"]
    assert text.terms("The minister claimed the port reopened") == ["minister", "claim", "port", "reopen"]


def test_a_stopword_added_to_the_lexicon_is_dropped(patched: dict[str, str]) -> None:
    patched["reporting-verbs"] = "quipped\tquip\tjudging\tyes"
    patched["stopwords"] = "port"
    assert text.terms("The minister quipped the port reopened") == ["minister", "reopen"]


@pytest.mark.parametrize(("british", "american"), lexicons.load("british-endings").mapping().items())
def test_every_british_ending_is_folded(british: str, american: str) -> None:
    assert text.fold_spelling("colab" + british) == "colab" + american


@pytest.mark.parametrize("word", lexicons.load("british-exceptions").entries)
def test_every_exception_is_kept(word: str) -> None:
    assert text.fold_spelling(word) == word


def test_a_spelling_added_to_the_lexicon_is_folded(patched: dict[str, str]) -> None:
    patched["british-endings"] = "ae\te"
    patched["british-exceptions"] = "colour"
    assert text.fold_spelling("encyclopae") == "encyclope"
    assert text.fold_spelling("colour") == "colour"
    assert text.fold_spelling("humour") == "humor"


def test_number_words_come_from_the_lexicon(patched: dict[str, str]) -> None:
    patched["number-words"] = "score\t20\tnumber"
    assert text.number_words()["score"] == 20
    assert "#20" in text.terms("a score of ships")
    assert _one("a score ships sank")[:2] == ("count", 20.0)


def test_docs_list_every_lexicon_with_its_version() -> None:
    from .conftest import REPO

    doc = (REPO / "docs" / "lexicons.md").read_text(encoding="utf-8")
    for name in lexicons.names():
        assert f"| `{name}.tsv` | {lexicons.load(name).version} |" in doc, name
