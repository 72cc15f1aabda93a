from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsprism import InputError, from_text, read_path

PAGE = """<!doctype html><html><head><title>Bridge reopens after repairs | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:title" content="Bridge reopens after repairs">
<meta property="article:published_time" content="2025-04-02T08:00:00Z">
<link rel="canonical" href="https://courier.example/bridge-reopens"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The Millbrook bridge reopened to traffic on Tuesday after eight months of repairs that cost the county 4.2 million dollars.</p>
<p>Engineers replaced the worn steel bearings and resurfaced the deck, the county roads office said in a statement.</p>
<p>Commuters had faced detours of up to forty minutes while the crossing was closed to cars and lorries.</p>
</article><footer>Copyright 2025 The Valley Courier. All rights reserved.</footer></body></html>"""


def test_txt_headline_and_body(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("\n\n  Headline here  \nFirst line of the body.\nSecond line.\n", encoding="utf-8")
    [raw] = read_path(p)
    assert raw.title == "Headline here"
    assert raw.body.strip().splitlines() == ["First line of the body.", "Second line."]
    assert raw.id == "a"


def test_html_body_and_metadata(tmp_path: Path) -> None:
    p = tmp_path / "courier.html"
    p.write_text(PAGE, encoding="utf-8")
    [raw] = read_path(p)
    assert raw.outlet == "The Valley Courier"
    assert raw.title == "Bridge reopens after repairs"
    assert raw.url == "https://courier.example/bridge-reopens"
    assert raw.published == "2025-04-02"
    assert "steel bearings" in raw.body
    assert "Home" not in raw.body and "Copyright" not in raw.body


def test_outlet_override(tmp_path: Path) -> None:
    p = tmp_path / "courier.html"
    p.write_text(PAGE, encoding="utf-8")
    assert read_path(p, outlet="Courier")[0].outlet == "Courier"


def test_jsonl_records(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    lines = [
        {"text": "Headline one\nBody one is here.", "outlet": "Post"},
        {"title": "Two", "text": "Body two.", "url": "https://x.example/2", "published": "2025-01-01", "id": "two"},
        {"html": PAGE},
    ]
    p.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    arts = read_path(p)
    assert [a.id for a in arts] == ["batch-1", "two", "batch-3"]
    assert arts[0].title == "Headline one" and arts[0].outlet == "Post"
    assert arts[1].url == "https://x.example/2"
    assert arts[2].outlet == "The Valley Courier"


def test_jsonl_gz(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"text": "Head\nBody text."}) + "\n")
    assert read_path(p)[0].id == "batch-1"


def test_windows_1252_and_utf16(tmp_path: Path) -> None:
    text = "Café owners protest\nThe café’s owner said prices rose by 10 per cent — again.\n"
    p1 = tmp_path / "cp.txt"
    p1.write_bytes(text.replace("’", "'").encode("cp1252"))
    assert "café" in read_path(p1)[0].body
    p2 = tmp_path / "u16.txt"
    p2.write_bytes(text.encode("utf-16"))
    assert "café’s" in read_path(p2)[0].body


def test_from_text() -> None:
    raw = from_text("Title\nBody.", outlet="X")
    assert raw.title == "Title" and raw.body == "Body." and raw.outlet == "X" and len(raw.id) == 16


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: is empty"),
        ("blank.txt", b"  \n\n  ", "blank.txt: is empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary.txt: looks like a binary file, not text or HTML"),
        ("only.txt", b"Just a headline\n", "only.txt: has a headline but no article body below it"),
        (
            "nobody.html",
            b"<html><head><title>x</title><script>var a=1;</script></head><body></body></html>",
            "nobody.html: is a page with no article body that could be found",
        ),
        ("bad.jsonl", b'{"text": "a\\nb"}\nnot json\n', "bad.jsonl:2: line is not valid JSON (JSONDecodeError)"),
        ("notext.jsonl", b'{"title": "x"}\n', "notext.jsonl:1: has neither a non-empty 'text' nor 'html' field"),
    ],
)
def test_bad_input_messages(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_path(p)
    assert str(info.value) == f"{tmp_path}/{message}"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)


def test_too_large(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB without writing them
    with pytest.raises(
        InputError, match=r"huge\.txt: file is too large for one article \(52\.4 MB; the limit is 20 MB\)"
    ):
        read_path(p)


def test_read_path_and_iter_records_share_one_reader(tmp_path: Path) -> None:
    """read_path reads JSONL, feeds and gzipped pages through the code iter_records uses
    (compare, group, ingest): the same records, the first problem raised instead of yielded."""
    from newsprism.sources import iter_records

    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"text": "Head\nBody one."}) + "\n" + json.dumps({"html": PAGE}) + "\n")
    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Courier</title><item><title>Bridge reopens</title><content:encoded><![CDATA["
        + PAGE.split("<article>")[1].split("</article>")[0]
        + "]]></content:encoded></item></channel></rss>"
    )
    page = tmp_path / "courier.html.gz"
    with gzip.open(page, "wt", encoding="utf-8") as fh:
        fh.write(PAGE)
    for p in (jsonl, feed, page):
        assert read_path(p) == list(iter_records([p]))
    assert read_path(page)[0].title == "Bridge reopens after repairs"
    assert read_path(feed, outlet="Courier")[0].outlet == "Courier"


# furniture.v6: the HTML reading (chunked bodies joined by their template; edges that
# trafilatura's two settings agree on)

_CHUNK_ONE = [
    "The harbour board voted on Thursday to rebuild the eastern breakwater, which storms breached"
    " twice last winter and left the fishing fleet exposed.",
    "Board members said the work would start in spring and take about two years, with most of the"
    " money coming from a regional fund for coastal defences.",
    "Fishermen who moor at the eastern quay told the meeting that they had lost nets and two small"
    " boats when the sea wall gave way in January.",
]
_CHUNK_TWO = [
    "Engineers from the county council presented three designs, and the board chose the one with a"
    " higher crest and a wider base of rock armour.",
    "The chosen design raises the wall by a metre and a half, which the engineers said should hold"
    " against the largest storms recorded in the last century.",
    "A public exhibition of the plans will open at the library next month, and residents can send"
    " comments to the board until the end of the summer.",
]


def _block(paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<div class="grid story"><div class="body article__body">{body}</div><div class="aside"></div></div>'


def _chunked_page(second: str) -> str:
    return (
        "<!doctype html><html><head><title>Breakwater to be rebuilt</title></head><body>"
        '<nav><a href="/">Home</a></nav><main><article><h1>Breakwater to be rebuilt</h1>'
        f'<div class="article__chunks">{_block(_CHUNK_ONE)}<div class="row ad-row"><div class="ad"></div></div>'
        f"{second}</div></article></main><footer>Footer</footer></body></html>"
    )


def test_a_body_printed_in_chunks_of_one_template_is_read_whole() -> None:
    from newsprism import from_html

    body = from_html(_chunked_page(_block(_CHUNK_TWO))).body
    lines = body.splitlines()
    assert lines[: len(_CHUNK_ONE)] == _CHUNK_ONE
    assert lines[len(_CHUNK_ONE) :] == _CHUNK_TWO


def test_a_block_of_links_in_the_same_template_is_not_joined() -> None:
    from newsprism import from_html

    links = [
        f'<a href="/news/{i}">{t}</a>'
        for i, t in enumerate(
            [
                "Council agrees the budget for next year after a long debate about the libraries",
                "Primary school garden wins a national award for its pond and its orchard",
                "Coast road to close for three weeks of repairs to the sea wall near the pier",
            ]
        )
    ]
    body = from_html(_chunked_page(_block(links))).body
    assert body.splitlines() == _CHUNK_ONE


def test_a_second_block_of_another_template_is_not_joined() -> None:
    from newsprism import from_html

    other = "".join(f"<p>{p}</p>" for p in _CHUNK_TWO)
    body = from_html(_chunked_page(f'<div class="grid promo"><div class="teaser">{other}</div></div>')).body
    assert "rock armour" not in body


@pytest.mark.parametrize(
    ("default", "strict", "kept"),
    [
        # a deck above and headlines of other stories below, which the precise setting leaves out
        (
            "A short deck above the story\nFirst paragraph.\nMiddle line\nLast paragraph.\nOther story one\nOther two",
            "First paragraph.\nLast paragraph.",
            "First paragraph.\nMiddle line\nLast paragraph.",
        ),
        # a long paragraph at an edge stays
        (
            " ".join(["word"] * 40) + "\nFirst paragraph.\nLast paragraph.",
            "First paragraph.\nLast paragraph.",
            " ".join(["word"] * 40) + "\nFirst paragraph.\nLast paragraph.",
        ),
        # no line in common: the default reading stands
        ("One line.\nTwo line.", "Something else entirely.", "One line.\nTwo line."),
        # lines compared by their words; a line the strict text has once is matched once
        ("Same line\nFirst, paragraph!\nSame line", "Same line\nFirst paragraph", "Same line\nFirst, paragraph!"),
    ],
)
def test_edges_both_settings_agree_on(default: str, strict: str, kept: str) -> None:
    from newsprism.readers import _agreed_edges

    assert _agreed_edges(default, strict) == kept
