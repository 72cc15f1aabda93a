"""Hostile inputs answered within bounds: caps on what alignment reads (refused or cut, with
the message), a linear label pass in the cleaner, phrase patterns that spare long story
paragraphs, and one medium input compared under an address-space limit.

No timing assertions: the slow cases run in a subprocess with a generous timeout that only a
quadratic or cubic version would reach (see benchmarks/bench_compare.py for the numbers)."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsprism
from newsprism.align import AlignOptions, _Similarity, align
from newsprism.clean import (
    LONG_LINE,
    _split_labels_beside_furniture,
    classify_line,
    clean_body,
    is_label,
    load_patterns,
)
from newsprism.comparison import CompareOptions
from newsprism.errors import CompareError
from newsprism.model import RawArticle
from newsprism.pipeline import prepare_article

SRC = Path(__file__).resolve().parents[1] / "src"


def _words(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(n)]


def _article(seed: int, sentences: int) -> str:
    rng = random.Random(seed)
    vocab = _words(seed, 800)
    body = [" ".join(rng.choice(vocab) for _ in range(rng.randint(6, 16))).capitalize() + "." for _ in range(sentences)]
    return "\n".join(" ".join(body[i : i + 5]) for i in range(0, len(body), 5))


# --- caps of the alignment -----------------------------------------------------------------


def test_an_article_over_max_sentences_is_refused_naming_it_and_the_cap():
    long = RawArticle(id="long", body=_article(1, 40), source="long.txt", title="Long")
    short = RawArticle(id="short", body=_article(2, 5), source="short.txt", title="Short")
    opts = CompareOptions(align=AlignOptions(embedder=None, max_sentences=30))
    with pytest.raises(CompareError) as err:
        newsprism.compare([long, short], options=opts)
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("long.txt: 40 sentences, over the cap of 30")
    assert "AlignOptions.max_sentences" in message


def test_an_article_at_max_sentences_is_compared():
    long = RawArticle(id="long", body=_article(1, 30), source="long.txt", title="Long")
    short = RawArticle(id="short", body=_article(2, 5), source="short.txt", title="Short")
    opts = CompareOptions(align=AlignOptions(embedder=None, max_sentences=30))
    comparison = newsprism.compare([long, short], options=opts)
    assert sum(len(f.members) for f in comparison.facts) == 35


@pytest.mark.parametrize("name", ["max_sentences", "max_sentence_chars"])
@pytest.mark.parametrize("value", [0, -1, 2.5])
def test_caps_must_be_positive_whole_numbers(name, value):
    with pytest.raises(ValueError, match=rf"^AlignOptions\.{name} must be a whole number of 1 or more, not {value}$"):
        AlignOptions(**{name: value})


def test_a_sentence_over_max_sentence_chars_is_scored_on_its_first_characters():
    head = " ".join(_words(3, 30))
    a = head + " " + " ".join(_words(4, 300))
    b = head + " " + " ".join(_words(5, 300))
    opts = AlignOptions(embedder=None, max_sentence_chars=len(head))
    sim = _Similarity([a, b], opts).block([0], [1])
    assert sim[0, 0] == pytest.approx(1.0, abs=1e-6)  # only the shared head is read
    full = _Similarity([a, b], AlignOptions(embedder=None)).block([0], [1])
    assert full[0, 0] < 0.5


def test_align_scores_blocks_without_changing_results(monkeypatch):
    """Tiny blocks (one row at a time) give the same facts as one block for the whole pair."""
    import newsprism.align as align_module

    arts = [
        prepare_article(RawArticle(id=f"a{i}", body=_article(10, 12) + "\n" + _article(20 + i, 6), source=f"a{i}"))
        for i in range(3)
    ]
    opts = AlignOptions(embedder=None)
    whole = align(arts, options=opts)
    monkeypatch.setattr(align_module, "_BLOCK_ENTRIES", 1)
    assert align(arts, options=opts) == whole
    assert any(len(f.members) == 3 for f in whole)


# --- the cleaner's label pass is linear, and equal to the old fixpoint ----------------------


def _labels_beside_furniture_reference(kept, dropped, n_lines):
    """The earlier implementation (cubic), kept as the reference for the property test."""
    furniture = {n for n, _, _ in dropped}
    order = sorted([n for n, _ in kept] + list(furniture))
    neighbours = {
        n: (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None) for i, n in enumerate(order)
    }
    edge = max(3, n_lines // 4)
    labels = []
    changed = True
    while changed:
        changed = False
        for n, line in kept:
            if (n, line) in labels or not is_label(line) or edge <= n < n_lines - edge:
                continue
            if any(m in furniture for m in neighbours[n] if m is not None):
                labels.append((n, line))
                furniture.add(n)
                changed = True
    return [k for k in kept if k not in labels], sorted(labels)


_LINE_KINDS = st.sampled_from(["empty", "label", "sentence", "furniture"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_KINDS, min_size=0, max_size=40))
def test_label_pass_equals_the_reference(kinds):
    kept, dropped = [], []
    for n, kind in enumerate(kinds):
        if kind == "label":
            kept.append((n, f"Section {n}"))
        elif kind == "sentence":
            kept.append((n, f"The council met on day {n} and voted."))
        elif kind == "furniture":
            dropped.append((n, "Advertisement", "advert"))
    assert _split_labels_beside_furniture(kept, dropped, len(kinds)) == _labels_beside_furniture_reference(
        kept, dropped, len(kinds)
    )


def test_five_thousand_label_lines_clean_in_a_subprocess():
    """A cubic label pass takes hours on this page; a linear one well under a second. The
    timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism.clean import clean_body
        lines = ["Advertisement"] + [f"Label {i}" for i in range(5000)] + ["The council met and voted."]
        lines += [f"Label {i}" for i in range(5000)] + ["Advertisement"]
        result = clean_body("\\n".join(lines))
        print(len(result.removed))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 10_002  # every label touches furniture through its neighbours


def test_learned_shape_on_ten_thousand_edge_lines_in_a_subprocess():
    """The learned line-shape decision reads each line outside the story once (runs, counts
    and sums in one pass each): linear, ten thousand short lines below a story and a long
    line of one token take a second or two. The timeout only catches a hang."""
    code = textwrap.dedent(
        """
        from newsprism.clean import CleanOptions, clean_body
        story = "The harbour board voted on Tuesday to rebuild the northern breakwater, its chair said.\\n" * 3
        lines = [f"more notes from the harbour board, item {i}" for i in range(10_000)] + ["x" * 200_000]
        lines += ["a. — b " * 30_000, "Notes: are — " * 20_000]  # attributions and lead-ins, over and over
        result = clean_body(story + "\\n".join(lines), options=CleanOptions(learned_shape=True))
        print(len(result.paragraphs) >= 3)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"]


def test_shape_rules_and_speaker_names_on_hostile_lines_in_a_subprocess():
    """The structural furniture rules (contact addresses, separators, comment headings) and
    the speaker scan on lines built to make a backtracking expression or a per-run lookback
    quadratic: each took a minute or more before they were bounded; linear, they take well
    under a second. The timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism.clean import clean_body
        from newsprism.names import scan_names
        from newsprism.sources import description_paragraphs
        story = "The harbour board voted on Tuesday to rebuild the northern breakwater, its chair said.\\n" * 3
        kept = []
        for page in (
            story + "x " * 11 + "a" * 100_000 + "@.",  # one long token before an at sign
            story + "Harbour Post" + " " * 100_000 + "News",  # a run of spaces inside a masthead
            "\\n".join(([story.strip()] * 2 + ["Discussion"]) * 5_000),  # comment headings all down
        ):
            kept.append(len(clean_body(page).paragraphs))
        print(kept[0] > 0, kept[2] > 0, len(scan_names("x NATO said " * 8_333).people) >= 0)
        print(len(description_paragraphs("<p " * 33_333)) <= 1)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "True", "True"]


# --- phrase patterns spare long story paragraphs -------------------------------------------

_STORY = (
    "The mayor said on Tuesday that the council would review the dam's safety report before the vote, "
    "and residents at the meeting asked why {phrase} after the first flood warning was issued last month."
)

LONG_LINES = [  # (line, category or None for story text)
    (_STORY.format(phrase="comments are closed on the council's website"), None),
    (_STORY.format(phrase="the comments policy of the council changed"), None),
    (_STORY.format(phrase="they had to sign up for flood alerts by text message"), None),
    (_STORY.format(phrase="the newsletter was free"), None),
    (_STORY.format(phrase="nobody would tell us what the comments below the report meant"), None),
    (_STORY.format(phrase="the company kept all rights reserved under the old contract"), None),
    (
        "The council said people could donate to the flood fund online or at the town hall, and urged "
        "anyone who had not yet done so to donate today",
        None,
    ),
    (
        "Comments are closed for this article because of legal proceedings; please read our community "
        "guidelines before commenting on other stories on this site.",
        "comments",
    ),
    (
        "Sign up for our free morning newsletter and get the day's top stories, analysis and weather "
        "delivered to your inbox every weekday at 6am.",
        "prompt",
    ),
    (
        "Let us know what you think in the comments below: was the council right to delay the dam vote "
        "until the safety report is published?",
        "comments",
    ),
]

SHORT_LINES = [
    ("Comments are closed.", "comments"),
    ("Read our comments policy", "comments"),
    ("Sign up for our newsletter", "prompt"),
    ("Donate today!", "prompt"),
    ("Tell us your views in the comments below", "comments"),
    ("2025 Herald Media. All rights reserved.", "meta"),
]


@pytest.mark.parametrize(("line", "category"), LONG_LINES + SHORT_LINES)
def test_phrase_patterns_on_long_and_short_lines(line, category):
    pat = classify_line(line, load_patterns())
    assert (pat.category if pat else None) == category


def test_the_long_lines_of_the_table_are_long():
    assert all(len(line) > LONG_LINE for line, _ in LONG_LINES)
    assert all(len(line) <= LONG_LINE for line, _ in SHORT_LINES)


def test_a_one_line_article_mentioning_a_phrase_is_kept():
    line = LONG_LINES[0][0]
    article = prepare_article(RawArticle(id="one", body=line, source="one.txt", title="Dam report"))
    assert article.text == line


def test_a_story_paragraph_with_a_rest_phrase_does_not_drop_the_rest():
    paragraphs = [f"Paragraph {i} of the story says the council met and voted on the plan." for i in range(6)]
    paragraphs[4] = LONG_LINES[4][0]
    result = clean_body("\n".join(paragraphs))
    assert result.removed == ()


# --- one medium input within an address-space limit ----------------------------------------


def test_a_multi_megabyte_line_and_many_sentences_compare_under_1_5_gb():
    """A 3 MB line without punctuation (its own sentence) and two articles of 2,500 sentences
    each, compared with the default embedder under RLIMIT_AS of 1.5 GB (the line, embedded
    whole, made the tokenizer ask for gigabytes)."""
    code = textwrap.dedent(
        """
        import random, resource
        limit = 1536 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        import newsprism
        from newsprism.model import RawArticle

        def words(seed, n):
            rng = random.Random(seed)
            return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9))) for _ in range(n)]

        def article(seed, sentences):
            rng = random.Random(seed)
            vocab = words(seed, 3000)
            body = [" ".join(rng.choice(vocab) for _ in range(rng.randint(6, 16))).capitalize() + "." for _ in range(sentences)]
            return "\\n".join(" ".join(body[i:i + 5]) for i in range(0, len(body), 5))

        rng = random.Random(7)
        vocab = words(7, 3000)
        line = " ".join(rng.choice(vocab) for _ in range(500_000))[:3_000_000]
        arts = [
            RawArticle(id="line", body=line, source="line.txt", title="A line"),
            RawArticle(id="a", body=article(1, 2500), source="a.txt", title="A"),
            RawArticle(id="b", body=article(1, 1250) + "\\n" + article(2, 1250), source="b.txt", title="B"),
        ]
        comparison = newsprism.compare(arts)
        print(len(comparison.articles), max(len(f.members) for f in comparison.facts))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr[-2000:]
    n_articles, biggest_fact = map(int, done.stdout.split())
    assert n_articles == 3 and biggest_fact >= 2  # the 1,250 shared sentences of a and b are found


def test_nested_look_alike_blocks_read_in_a_subprocess():
    """The chunked-body rule of the HTML reading (furniture.v6) compares blocks of one
    template with the text: on a page of 3,000 look-alike blocks, each holding the next, it
    reads at most 50 groups of them (and the parser nests at most 255 deep). The timeout only
    catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism.readers import from_html
        para = "<p>" + " ".join(f"word{i}" for i in range(40)) + ".</p>"
        block = '<div class="c"><div class="c">' + para + para + '</div>'
        html = "<html><body><article>" + block * 3000 + "</div>" * 3000 + "</article></body></html>"
        print(len(from_html(html).body) > 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_many_quoted_words_in_one_sentence_are_judged_in_a_subprocess():
    """framing.v3 reads a bounded window around each quoted word (quotes.CONTEXT_CHARS), so a
    sentence of thousands of quoted words costs time linear in them. The timeout only catches
    a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.framing import article_marks
        from newsprism.pipeline import prepare_article
        from newsprism.quotes import article_quotes
        text = 'Officials said the "plan" and the "reform" were "fine" and a "deal", ' * 3000 + 'she said.\\n'
        a = prepare_article(from_text(text, title="Quoted words"))
        found = article_quotes(a)
        marks = article_marks(a, found.quotes, found.terms)
        print(len(found.terms), sum(m.type == "scare_quote" for m in marks))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    terms, marks = map(int, done.stdout.split())
    assert terms == 12_000 and 0 < marks <= terms


def test_many_distinct_quoted_terms_and_commas_are_judged_in_a_subprocess():
    """framing.v8 looks for each quoted term of two words (or a hyphen) written without marks elsewhere in the
    article (at most ``TERM_KEYS`` distinct terms, one pass over the words), for speakers'
    quoted words beside each term (a bisection) and for an attribution after each comma within
    ``CONTEXT_CHARS``: an article of thousands of distinct terms costs time linear in them. The
    timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.framing import article_marks
        from newsprism.pipeline import prepare_article
        from newsprism.quotes import article_quotes
        w = lambda k: "".join(chr(97 + int(d)) for d in str(k))
        text = " ".join(f'The "plan-{w(k)}" grew, a, b, c, d, and the "{w(k)} deal" too.' for k in range(4000)) + "\\n"
        a = prepare_article(from_text(text, title="Quoted terms"))
        found = article_quotes(a)
        marks = article_marks(a, found.quotes, found.terms)
        print(len(found.terms), sum(m.type == "scare_quote" for m in marks))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    terms, marks = map(int, done.stdout.split())
    assert terms == 8_000 and 0 < marks <= terms


def test_credit_lines_of_hostile_shape_in_a_subprocess():
    """credits.v2's origin and "with AGENCY" patterns on edge lines built to make a regular
    expression backtrack: long runs of capitalised words, brackets, commas and "with". The
    timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism.credits import credit_of, find_credits, other_origin
        runs = [
            "By " + "Jane Roe, " * 20000 + "with Reuters",
            "EASTMERE " + "(Harbour Wire " * 20000 + ") - x",
            "Ledger " * 30000 + ", with Reuters",
            "By " + "A " * 50000 + ", Harbour Wire",
            "(" + "Harbour, with Reuters " * 5000,
        ]
        for line in runs:
            body = line + "\\nThe council met.\\n(Reporting by Jane Roe; editing by Tom Moe)\\n" + line
            credit_of(find_credits(body, byline=line))
            other_origin([line] * 8, "Reuters", byline=line)
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_agency_names_of_hostile_shape_in_a_subprocess():
    """credits.v3's agencies by their names' shape on edge lines and bodies built to make the
    search slow: long runs of capitalised words before "News Agency", many acronyms in
    brackets, a body full of introductions. The timeout only catches a hang."""
    code = textwrap.dedent(
        """
        from newsprism.credits import credit_of, find_credits
        acronyms = " ".join(f"({chr(65 + i % 26)}{chr(65 + i // 26 % 26)}X)" for i in range(600))
        runs = [
            "By " + "Harbour " * 50000 + "News Agency",
            "EASTMERE " + acronyms + " - x",
            "(" * 40000 + "Harbour Wire Service",
            "NORTHLAND " * 30000 + "PRESS AGENCY",
        ]
        intro = "The Harbour Wire Service (AAX) said. " * 20000
        for line in runs:
            body = line + "\\nThe council met.\\n" + intro + "\\n(Reporting by Jane Roe; editing by Tom Moe)\\n" + line
            credit_of(find_credits(body, byline=line))
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_distances_with_many_brackets_in_a_subprocess():
    """numbers.v4 reads past conversions in brackets in bounded windows (the 80 characters
    before a figure, 8 words after it): bracket-heavy sentences, and lines of bracketed
    figures broken into sentences as the pipeline caps them. The timeout only catches a hang.
    (One sentence of thousands of figures costs more than linear time in ``quantities_in``,
    numbers.v3 as v4: the pipeline's ``max_sentence_chars`` bounds it.)"""
    code = textwrap.dedent(
        """
        from newsprism.model import Fact, FactMember
        from newsprism.numbers import conflicts, quantities_in
        text = "It struck " + "12 km (7.5 miles ( ( 3 " * 100 + "north of the dam."
        qs = quantities_in(text, article="a")
        qs += quantities_in(text.replace("12 km", "15 km"), article="b")
        fact = Fact("f1", (FactMember("a", 0), FactMember("b", 0)), "all")
        found = conflicts([fact], qs)
        for line in ("1 " + "a " * 20000 + "(" * 5000 + " 2 km) north of X.", "(" * 20000 + "3 km", "4 km (" * 5000):
            for i in range(0, len(line), 2000):  # sentences as the pipeline caps them
                quantities_in(line[i : i + 2000])
        print(len(qs) > 0, len(found) >= 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True True"


def test_figures_of_one_noun_across_a_long_article_in_a_subprocess():
    """numbers.v6 looks for a figure the other article gives too among that article's first
    ``TWIN_REACH`` figures of each kind, not all of them: two articles of thousands of figures of
    one noun, every sentence in one fact with the other's, cost time linear in the pairs of
    the fact's sentences. The timeout only catches a hang."""
    code = textwrap.dedent(
        """
        from newsprism.model import Article, Fact, FactMember, Sentence, Span
        from newsprism.numbers import conflicts, quantities_in
        arts, qs = [], []
        for aid, base in (("a", 10), ("b", 13)):
            sents, start = [], 0
            for i in range(4000):
                t = f"Officials said {base + i} people were evacuated from the valley town."
                sents.append(Sentence(i, Span(start, start + len(t)), t))
                qs += quantities_in(t, article=aid, sentence=i, offset=start)
                start += len(t) + 1
            arts.append(Article(aid, " ".join(s.text for s in sents), aid + ".txt", sentences=tuple(sents)))
        facts = [Fact(f"f{i}", (FactMember("a", i), FactMember("b", i)), "all") for i in range(4000)]
        print(len(conflicts(facts, qs, arts)) >= 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_participles_and_documents_in_one_long_sentence_in_a_subprocess():
    """quotes.v5 looks for a participle's or a document's clause subject at most
    quotes.PARTICIPLE_REACH characters back, so one sentence of thousands of such quotations
    costs time linear in them. The timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.pipeline import prepare_article
        from newsprism.quotes import article_quotes
        text = (
            'Mayor Ana Ruiz said in a statement that the wall held, and the statement said "the channel '
            'stays open all night", as Tomas Dahl went on, saying "we will win the vote" '
        ) * 3000 + 'she said.\\n'
        a = prepare_article(from_text(text, title="Participles"))
        found = article_quotes(a)
        print(len(found.quotes), len({q.speaker for q in found.quotes}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    quotes, speakers = map(int, done.stdout.split())
    assert quotes == 6_000 and speakers >= 1


def test_labels_askers_and_introduced_people_in_long_paragraphs_in_a_subprocess():
    """quotes.v6's labels before quotations, "was asked" questions, opening participle phrases,
    the person introduced before a paragraph and the surnames spelt otherwise read a bounded
    stretch of text each (a label's 120 characters, a paragraph's last PRONOUN_REACH, at most
    MAX_VARIANT_LOOKUPS names), so thousands of them in one paragraph, after a paragraph of
    100,000 characters, cost time linear in the text. The timeout only catches a hang, it
    measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.pipeline import prepare_article
        from newsprism.quotes import article_quotes
        names = " ".join(f"Hallvard{chr(97 + k // 26)}{chr(97 + k % 26)} spoke." for k in range(600))
        text = (
            "Dorit Hallvardsen, president of the guild, spoke. " + names + " word" * 20000 + ".\\n"
            + '"We wait," he said. '
            + 'Ruiz: "The wall stays." Berg was asked by Ana Ruiz, "Will it hold?" '
            'After saying "it holds," she left. ' * 2000
            + "\\n"
        )
        a = prepare_article(from_text(text, title="Labels"))
        found = article_quotes(a)
        print(len(found.quotes) >= 4000, len({q.speaker for q in found.quotes}) >= 1)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True True"


def test_an_outlet_naming_itself_thousands_of_times_is_read_in_a_subprocess():
    """framing.v4's "the Gazette understands": each verb looks back only as far as the outlet's
    name reaches, so a text of 40,000 such verbs, and a name of thousands of words, cost time
    linear in the text. The timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism.framing import self_sourced
        text = 'The Gazette understands, was told, has learned ' * 13_000 + 'the end.'
        print(len(self_sourced(text, 'The Harnwick Gazette')), len(self_sourced(text, 'Word ' * 5000)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["13000", "0"]


def test_thousands_of_nicknames_and_state_descriptions_are_read_in_a_subprocess():
    """entities.v5's nicknames ('Ola Brenn, dubbed "Red Ola"') are matched by one bounded pattern
    after each name, and a state's officials ("U.S. officials") by the description reader's
    bounded look-back, so an article of thousands of each costs time linear in the text. The
    timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.pipeline import prepare_article
        from newsprism.entities import story_entities
        body = ('Ola Brenn, dubbed "Red Ola", said U.S. officials and the Russian government met. ' * 3000
                + 'Russia and the United States agreed. ' + 'X, "The The The The The' * 2000)
        ents = story_entities([prepare_article(from_text(body, id='a', title='T'))])
        brenn = [e for e in ents if e.name == 'Ola Brenn'][0]
        print(sum(m.text == 'Red Ola' for m in brenn.mentions))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3000"]


def test_a_story_of_thousands_of_nicknames_is_searched_for_a_bounded_few():
    """entities.v6 looks for a story's nicknames again in every article: at most
    ``MAX_STORY_NICKNAMES`` of them, in one pattern, so an article of thousands of different
    nicknames costs time linear in the text. The timeout only catches a hang."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.pipeline import prepare_article
        from newsprism.entities import MAX_STORY_NICKNAMES, story_entities
        tags = ['abcdefghij'[i % 10] * (1 + i // 10) for i in range(2000)]
        body = ' '.join(f'Ola Brenn{t}, dubbed "Iron Vos{t}", spoke.' for t in tags)
        other = ' '.join(f'Iron Vos{t} spoke.' for t in tags)
        arts = [prepare_article(from_text(t, id=i, title='T', outlet=i)) for i, t in (('a', body), ('b', other))]
        ents = story_entities(arts)
        again = sum(1 for e in ents for m in e.mentions if m.article == 'b' and e.name.startswith('Ola Brenn'))
        print(again <= MAX_STORY_NICKNAMES, again > 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]


def test_thousands_of_council_seats_are_read_in_a_subprocess():
    """entities.v7 reads "County Hall" as the story's county council: the seats of an article are
    found in one pass and the name reader's runs of the same words dropped in one more, so an
    article of thousands of them costs time linear in the text. The timeout only catches a hang."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.pipeline import prepare_article
        from newsprism.entities import story_entities
        body = 'Dunmarsh County Council met. ' + 'County Hall said no. Fans sang outside County Hall. ' * 4000
        ents = story_entities([prepare_article(from_text(body, id='a', title='T'))])
        council = [e for e in ents if e.name == 'Dunmarsh County Council'][0]
        print(sum(m.text == 'County Hall' for m in council.mentions))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["4000"]


def test_announced_lists_timelines_and_speaker_labels_in_a_subprocess():
    """furniture.v10 walks announced lists once (each line is a lead-in or an item of one
    lead-in) and restores speaker labels and dates in one pass: thousands of each stay linear.
    The timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism.clean import clean_body
        para = "The harbour board voted on Tuesday to close the north quay for repairs until spring."
        lines = [para]
        for i in range(3000):
            lines += ["The groups that signed the letter include:", f"Harbour Group {i}", "JANE DOE, HOST:", para]
            lines += ["March 3, 2024", para]
        result = clean_body("\\n".join(lines))
        print(len(result.removed))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == 0  # the story's own lists, speakers and timeline all stay


def test_ownership_and_capital_ties_on_one_long_capitalised_word_in_a_subprocess():
    """entities.v9's ownership relations ("Velmont, which owns Velcom") and capital ties
    ("Durnsk is the capital of Ostravia") read names from a word's start only: a name pattern
    tried at every letter of one 100,000-character capitalised word read the rest of the word
    from each, quadratic (minutes). The timeout only catches a hang, it measures nothing."""
    code = textwrap.dedent(
        """
        from newsprism import from_text
        from newsprism.pipeline import prepare_article
        from newsprism.entities import story_entities
        for word in ("A" * 100_000, "Ab-" * 33_000, "A'b" * 33_000):
            body = "Velmont owns Velcom and Durnsk is the capital of Ostravia. " + word + " owns it."
            ents = story_entities([prepare_article(from_text(body, id="a", title="T"))])
            print(sum(e.name in ("Velcom", "Durnsk") for e in ents))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env={"PYTHONPATH": str(SRC)}
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["2", "2", "2"]
