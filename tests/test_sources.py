from __future__ import annotations

import io
import json
from pathlib import Path

from newsprism.errors import InputError
from newsprism.model import RawArticle
from newsprism.sources import iter_records

BODY = "<p>The harbour master said the new pier would open in June after two years of work.</p>" * 3

FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title>
<item><title>New pier to open in June</title><link>https://gazette.example/news/new-pier</link>
<pubDate>Mon, 03 Mar 2025 09:00:00 GMT</pubDate><content:encoded><![CDATA[{BODY}]]></content:encoded></item>
<item><title>Saved beside the feed</title><link>https://gazette.example/news/saved-story</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate><description>short</description></item>
<item><title>Nothing to read</title><link>https://gazette.example/news/missing</link><description>x</description></item>
</channel></rss>"""

PAGE = f"<html><head><title>Saved story</title></head><body><article><h1>Saved story</h1>{BODY}</article></body></html>"


def _split(records) -> tuple[list[RawArticle], list[InputError]]:
    ok = [r for r in records if isinstance(r, RawArticle)]
    bad = [r for r in records if isinstance(r, InputError)]
    return ok, bad


def test_feed_entries_saved_pages_and_rejects(tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "saved-story.html").write_text(PAGE, encoding="utf-8")
    ok, bad = _split(list(iter_records([tmp_path / "feed.rss"])))
    assert [a.title for a in ok] == ["New pier to open in June", "Saved story"]
    assert ok[0].outlet == "Harbour Gazette" and ok[0].published == "2025-03-03"
    assert ok[0].url == "https://gazette.example/news/new-pier"
    assert "harbour master" in ok[0].body
    assert [str(e) for e in bad] == [
        f"{tmp_path}/feed.rss#3: feed entry has only a teaser in its description (1 word, 0 paragraphs; "
        "a whole article has at least 150 words in 3 paragraphs) and no saved page beside the feed"
    ]


def _paragraph(i: int) -> str:
    return (
        f"In its {i}th sitting the harbour board of Eastmere weighed the cost of mending the old "
        "breakwater against what the fishing fleet lost in the winter storms, members said."
    )


def _feed(*items: str) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Eastmere Gazette</title>'
        + "".join(items)
        + "</channel></rss>"
    )


def _item(n: int, description: str) -> str:
    return (
        f"<item><title>Story {n}</title><link>https://gazette.example/{n}</link>"
        f"<author>Jane Roe</author><description><![CDATA[{description}]]></description></item>"
    )


def test_a_description_holding_a_whole_article_is_the_article(tmp_path: Path) -> None:
    html = "".join(f"<p>{_paragraph(i)}</p>" for i in range(6))  # 6 x 29 words
    breaks = "<br><br>".join(_paragraph(i) for i in range(6))
    plain = "\n\n".join(_paragraph(i) for i in range(6))
    (tmp_path / "feed.rss").write_text(_feed(_item(1, html), _item(2, breaks), _item(3, plain)), encoding="utf-8")
    ok, bad = _split(list(iter_records([tmp_path / "feed.rss"])))
    assert not bad
    assert [a.title for a in ok] == ["Story 1", "Story 2", "Story 3"]
    for a in ok:
        assert a.body.split("\n") == [_paragraph(i) for i in range(6)]
        assert a.outlet == "Eastmere Gazette" and a.format == "feed" and a.url is not None


def test_a_teaser_description_is_rejected_with_its_size(tmp_path: Path) -> None:
    one_long = " ".join(_paragraph(i) for i in range(6))  # long enough, but one paragraph
    short = "".join(f"<p>{_paragraph(i)}</p>" for i in range(3))  # three paragraphs, 87 words
    (tmp_path / "feed.rss").write_text(
        _feed(_item(1, one_long), _item(2, short), _item(3, "<p>The board met.</p><p>Read more</p>")), encoding="utf-8"
    )
    ok, bad = _split(list(iter_records([tmp_path / "feed.rss"])))
    assert not ok
    sizes = [str(e).split("(", 1)[1].split(";")[0] for e in bad]
    assert sizes == ["174 words, 1 paragraph", "87 words, 3 paragraphs", "5 words, 0 paragraphs"]
    assert all("only a teaser in its description" in str(e) for e in bad)


def test_feed_with_entity_expansion_is_refused_or_harmless(tmp_path: Path) -> None:
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>x</title>'
        "<item><title>&lol3;</title><description>&lol3;</description></item></channel></rss>"
    )
    (tmp_path / "bomb.rss").write_text(lol)
    records = list(iter_records([tmp_path / "bomb.rss"]))
    assert all(isinstance(r, InputError) for r in records)
    assert len(records) <= 1 or all("no full text" in str(r) for r in records)


def test_not_a_feed(tmp_path: Path) -> None:
    (tmp_path / "data.xml").write_text("<catalog><book/></catalog>")
    [err] = list(iter_records([tmp_path / "data.xml"]))
    assert str(err) == f"{tmp_path}/data.xml: is XML but not an RSS or Atom feed"


def _warc(path: Path, pages: list[tuple[str, str]], truncate: int = 0) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        writer.write_record(rec)
    data = buf.getvalue()
    path.write_bytes(data[: len(data) - truncate] if truncate else data)


def test_warc_responses_and_truncation(tmp_path: Path) -> None:
    pages = [("https://a.example/1", PAGE), ("https://a.example/2", PAGE.replace("Saved story", "Second story"))]
    _warc(tmp_path / "good.warc", pages)
    ok, bad = _split(list(iter_records([tmp_path / "good.warc"])))
    assert [a.url for a in ok] == ["https://a.example/1", "https://a.example/2"] and not bad
    _warc(tmp_path / "cut.warc", pages, truncate=120)
    ok, bad = _split(list(iter_records([tmp_path / "cut.warc"])))
    assert len(ok) == 1
    assert len(bad) == 1 and "truncated or corrupt WARC record" in str(bad[0])


def test_jsonl_bad_lines_are_skipped_and_named(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"text": "Head\nBody one."}),
                "{broken",
                json.dumps([1]),
                json.dumps(
                    {"content_original": "Body two.", "title": "T", "source": "Src", "date": "2020-01-02", "ID": "x2"}
                ),
            ]
        )
        + "\n"
    )
    ok, bad = _split(list(iter_records([p])))
    assert [a.id for a in ok] == ["batch-1", "x2"]
    assert ok[1].outlet == "Src" and ok[1].published == "2020-01-02"
    assert [str(e) for e in bad] == [
        f"{p}:2: line is not valid JSON (JSONDecodeError)",
        f"{p}:3: line is not a JSON object",
    ]


def test_records_of_several_files_in_path_order_with_options(tmp_path: Path) -> None:
    from newsprism.readers import ReadOptions

    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two\nBody two.\n")
    (tmp_path / "one.txt").write_text("One\nBody one.\n")
    (tmp_path / "big.txt").write_text("Big\n" + "word " * 100)
    ok, bad = _split(list(iter_records([tmp_path], options=ReadOptions(max_article_bytes=100))))
    assert [a.id for a in ok] == ["two", "one"]
    assert [str(e) for e in bad] == [
        f"{tmp_path}/big.txt: file is too large for one article (504 bytes; the limit is 100 bytes)"
    ]
