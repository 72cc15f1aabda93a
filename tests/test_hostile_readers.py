"""Hostile inputs to the readers: every bad input is named in one line, nothing good is lost,
memory stays bounded. Each file is built here, in tmp_path (fictional articles)."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsprism
from newsprism.corpus import ingest
from newsprism.errors import InputError
from newsprism.model import RawArticle
from newsprism.readers import ReadOptions, decode_text, is_article_text, read_path
from newsprism.sources import iter_records

from .conftest import INDEPENDENT, REWRITE, WIRE

NO_EMBEDDER = newsprism.CompareOptions(align=newsprism.AlignOptions(embedder=None))


def _page(text: str) -> str:
    title, *lines = text.strip().splitlines()
    paras = "".join(f"<p>{line}</p>" for line in lines)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>"


def _split(records: list[RawArticle | InputError]) -> tuple[list[RawArticle], list[str]]:
    return [r for r in records if isinstance(r, RawArticle)], [str(r) for r in records if isinstance(r, InputError)]


def _warc_records(pages: list[tuple[str, str]], *, gz: bool = False) -> list[bytes]:
    """One WARC response record per (url, html), each as its own bytes (a gzip member if gz)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = []
    for url, html in pages:
        buf = io.BytesIO()
        writer = WARCWriter(buf, gzip=gz)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
        )
        out.append(buf.getvalue())
    return out


def _lie(record: bytes, delta: int) -> bytes:
    """The record with its WARC Content-Length off by ``delta``."""
    m = re.search(rb"Content-Length: (\d+)", record)
    assert m
    return record[: m.start(1)] + str(int(m.group(1)) + delta).encode() + record[m.end(1) :]


PAGES = [("https://a.example/wire", _page(WIRE)), ("https://b.example/rewrite", _page(REWRITE))]
THIRD = ("https://c.example/independent", _page(INDEPENDENT))


# ------------------------------------------------ 1. one reader per format, shared by every command


def _jsonl_with_bad_lines(path: Path) -> None:
    path.write_text(
        "\n".join(
            [
                json.dumps({"text": WIRE, "outlet": "Nordpress"}),
                "{not json",
                json.dumps({"text": REWRITE}),
                json.dumps({"title": "Only furniture", "text": "Advertisement\nShare this article"}),
                json.dumps({"text": INDEPENDENT}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )


def test_jsonl_bad_line_is_named_and_good_lines_kept_everywhere(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    _jsonl_with_bad_lines(p)
    not_json = f"{p}:2: line is not valid JSON (JSONDecodeError)"
    furniture = f"{p}:4: "
    ok, bad = _split(list(iter_records([p])))
    assert [a.source for a in ok] == [f"{p}:1", f"{p}:3", f"{p}:4", f"{p}:5"] and bad == [not_json]

    comparison = newsprism.compare([p], skip_errors=True, options=NO_EMBEDDER)
    assert [a.source for a in comparison.articles] == [f"{p}:1", f"{p}:3", f"{p}:5"]
    assert f"skipped {not_json}" in comparison.warnings
    assert any(w.startswith(f"skipped {furniture}") for w in comparison.warnings)

    grouping = newsprism.group([p], skip_errors=True)
    assert sorted(a for s in grouping.stories for a in s.articles).__len__() == 3
    assert not_json in grouping.problems and any(x.startswith(furniture) for x in grouping.problems)

    summary = ingest([p], db=tmp_path / "c.db", workers=1)
    assert summary.added == 3
    reasons = {f"{s}: {r}" for s, r in summary.rejected}
    assert not_json in reasons and any(x.startswith(furniture) for x in reasons)

    with pytest.raises(InputError) as info:  # the single-file reader: same code, first problem raised
        read_path(p)
    assert str(info.value) == not_json


def test_compare_and_group_read_warc_feeds_and_folders(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"".join(_warc_records(PAGES)))
    comparison = newsprism.compare([warc], options=NO_EMBEDDER)
    assert [a.source for a in comparison.articles] == [f"{warc}#1", f"{warc}#2"]
    assert max(len(a.sentences) for a in comparison.articles) < 20  # records, not the file as text

    warc_gz = tmp_path / "crawl.warc.gz"
    warc_gz.write_bytes(b"".join(_warc_records([*PAGES, THIRD], gz=True)))
    grouping = newsprism.group([warc_gz], skip_errors=True)
    assert sum(len(s.articles) for s in grouping.stories) == 3 and not grouping.problems

    folder = tmp_path / "pile"
    (folder / "sub").mkdir(parents=True)
    feed_items = "".join(
        f"<item><title>{t.splitlines()[0]}</title><link>https://f.example/{i}</link>"
        f"<content:encoded><![CDATA[{''.join(f'<p>{x}</p>' for x in t.splitlines()[1:])}]]></content:encoded></item>"
        for i, t in enumerate((WIRE, INDEPENDENT))
    )
    (folder / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Feed</title>{feed_items}</channel></rss>",
        encoding="utf-8",
    )
    with gzip.open(folder / "sub" / "rewrite.html.gz", "wt", encoding="utf-8") as fh:
        fh.write(_page(REWRITE))
    comparison = newsprism.compare([folder], options=NO_EMBEDDER)
    assert [a.source for a in comparison.articles] == [
        f"{folder}/feed.rss#1",
        f"{folder}/feed.rss#2",
        f"{folder}/sub/rewrite.html.gz",
    ]


# ------------------------------------------------ 2. gzipped pages; every file or folder named


@pytest.mark.parametrize("name", ["page.html.gz", "page.htm.gz", "page.txt.gz", "page.xhtml.gz"])
def test_gzipped_pages_are_read(tmp_path: Path, name: str) -> None:
    p = tmp_path / name
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write(WIRE if name.startswith("page.txt") else _page(WIRE))
    [art] = read_path(p)
    assert art.id == "page" and "engine room" in art.body
    assert art.format == ("txt" if ".txt" in name else "html")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cut.html.gz", gzip.compress(_page(WIRE).encode())[:60], "is not a readable gzip file (EOFError: "),
        ("fake.html.gz", b"<html>not gzip</html>", "is not a readable gzip file (BadGzipFile: "),
        ("bomb.txt.gz", gzip.compress(b"Headline\n" + b"a" * 3000), "expands to more than 2,000 bytes when gunzipped"),
        ("doc.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF document, not text or HTML"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not text or HTML"),
        ("empty.jsonl", b"\n\n", "is empty"),
        (
            "empty.rss",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            "is a feed with no entries",
        ),
    ],
)
def test_files_that_yield_nothing_are_named(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    [err] = list(iter_records([p], options=ReadOptions(max_article_bytes=2000)))
    assert isinstance(err, InputError) and str(err).startswith(f"{p}: {message}")
    assert "\n" not in str(err)


def test_empty_folder_missing_file_and_broken_link_are_named(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "pile").mkdir()
    (tmp_path / "pile" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "pile" / "notes.csv").write_text("a,b\n")  # not an article file: not looked at
    records = list(iter_records([tmp_path / "empty", tmp_path / "pile", tmp_path / "missing.html"]))
    assert [str(r) for r in records] == [
        f"{tmp_path}/empty: holds no article files (.txt, .html, .jsonl, feeds, WARC)",
        f"{tmp_path}/pile/gone.txt: no such file",
        f"{tmp_path}/missing.html: no such file",
    ]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder and file")
def test_unreadable_folder_and_file_are_named(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    (pile / "locked").mkdir(parents=True)
    (pile / "locked" / "a.txt").write_text(WIRE)
    (pile / "secret.txt").write_text(WIRE)
    (pile / "ok.txt").write_text(REWRITE)
    os.chmod(pile / "locked", 0)
    os.chmod(pile / "secret.txt", 0)
    try:
        ok, bad = _split(list(iter_records([pile])))
    finally:
        os.chmod(pile / "locked", 0o755)
        os.chmod(pile / "secret.txt", 0o644)
    assert [a.source for a in ok] == [f"{pile}/ok.txt"]
    assert bad == [
        f"{pile}/locked: folder cannot be read (Permission denied)",
        f"{pile}/secret.txt: cannot be read (Permission denied)",
    ]


# ------------------------------------------------ 3. WARC: garbage, truncation, lying lengths, quiet


def test_garbage_warc_is_named(tmp_path: Path) -> None:
    p = tmp_path / "noise.warc"
    p.write_bytes(random.Random(7).randbytes(5000))
    assert [str(r) for r in iter_records([p])] == [f"{p}: is not a WARC file (no WARC/1.x record header found)"]
    summary = ingest([p], db=tmp_path / "c.db", workers=1)
    assert summary.added == 0 and [f"{s}: {r}" for s, r in summary.rejected] == [
        f"{p}: is not a WARC file (no WARC/1.x record header found)"
    ]


def test_gzipped_warc_cut_after_300_bytes_is_named(tmp_path: Path) -> None:
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(b"".join(_warc_records(PAGES, gz=True))[:300])
    [err] = list(iter_records([p]))
    assert re.fullmatch(
        rf"{re.escape(str(p))}#1: truncated or corrupt WARC record \(EOFError: [^\n]+\); rest of file skipped",
        str(err),
    )


LIED = "WARC record's Content-Length does not match its content; skipped, reading resumes at the next record"


@pytest.mark.parametrize(
    ("delta", "message"),
    [
        (+150, LIED),
        (-40, LIED),
        (+100_000, LIED),
        (-400, LIED),
        (-100_000, "WARC record header is cut short, too long or has no valid Content-Length; skipped"),
    ],
)
@pytest.mark.parametrize("gz", [False, True])
def test_lying_content_length_loses_only_its_record(tmp_path: Path, delta: int, message: str, gz: bool) -> None:
    records = _warc_records([PAGES[0], PAGES[1], THIRD])
    records[1] = _lie(records[1], delta)
    p = tmp_path / ("lie.warc.gz" if gz else "lie.warc")
    data = b"".join(records)
    p.write_bytes(gzip.compress(data) if gz else data)
    ok, bad = _split(list(iter_records([p])))
    assert [a.url for a in ok] == ["https://a.example/wire", "https://c.example/independent"]
    assert [a.source for a in ok] == [f"{p}#1", f"{p}#3"]
    assert bad == [f"{p}#2: {message}"]


def test_garbage_between_records_is_named_and_skipped(tmp_path: Path) -> None:
    records = _warc_records([PAGES[0], THIRD])
    p = tmp_path / "mixed.warc"
    p.write_bytes(records[0] + b"some junk\nmore junk\n" + records[1])
    ok, bad = _split(list(iter_records([p])))
    assert [a.source for a in ok] == [f"{p}#1", f"{p}#2"]
    assert bad == [f"{p}: 20 bytes after record 1 are not a WARC record; skipped to the next one"]


def test_warcio_messages_go_to_the_log_not_the_terminal(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    [record] = _warc_records([PAGES[0]])
    p = tmp_path / "spaces.warc"
    p.write_bytes(record.replace(b"https://a.example/wire", b"https://a.example/wire page"))
    caplog.set_level(logging.DEBUG, logger="newsprism.sources")
    ok, bad = _split(list(iter_records([p])))
    assert len(ok) == 1 and not bad
    assert capfd.readouterr() == ("", "")
    assert any("warcio" in r.getMessage() and r.name == "newsprism.sources" for r in caplog.records)


def test_warc_cli_ingest_reports_what_it_skipped(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    records = _warc_records([PAGES[0], PAGES[1], THIRD])
    records[1] = _lie(records[1], 150)
    p = tmp_path / "lie.warc"
    p.write_bytes(b"".join(records))
    summary = ingest([p], db=tmp_path / "c.db", workers=1)
    assert summary.added == 2
    assert [f"{s}: {r}" for s, r in summary.rejected] == [
        f"{p}#2: WARC record's Content-Length does not match its content; skipped, reading resumes at the next record"
    ]
    assert capfd.readouterr().err == ""


# ------------------------------------------------ 4. encodings


UTF8 = "Café owners in Zürich said the price rose by 10 per cent — “again”, the third time this year.\n"


def test_utf8_with_a_few_invalid_bytes_is_utf8_with_a_warning(tmp_path: Path) -> None:
    good = ("Prices rise again in Zürich\n" + UTF8 * 40).encode()
    bad = good[:300] + b"\xff" + good[300:2000] + b"\xfe\xfe" + good[2000:]
    text, warnings = decode_text(bad, "x")
    assert warnings == ("3 invalid UTF-8 bytes replaced",)
    assert text.count("\ufffd") == 3 and text.replace("\ufffd", "") == good.decode()
    p = tmp_path / "damaged.txt"
    p.write_bytes(bad)
    q = tmp_path / "other.txt"
    q.write_text(WIRE, encoding="utf-8")
    comparison = newsprism.compare([p, q], options=NO_EMBEDDER)
    assert f"{p}: 3 invalid UTF-8 bytes replaced" in comparison.warnings
    assert "Zürich" in comparison.articles[0].text


@pytest.mark.parametrize(
    ("data", "warnings"),
    [
        (("Prices rise\n" + UTF8 * 3).encode("utf-16-le"), ("read as UTF-16-LE without a byte-order mark",)),
        (("Prices rise\n" + UTF8 * 3).encode("utf-16-be"), ("read as UTF-16-BE without a byte-order mark",)),
        (("Prices rise\n" + UTF8 * 3).encode("utf-16"), ()),  # with a BOM
        (("Prices rise\n" + UTF8.replace("—", "-").replace("“", '"').replace("”", '"') * 3).encode("cp1252"), ()),
    ],
)
def test_encodings_are_recognised(data: bytes, warnings: tuple[str, ...]) -> None:
    text, found = decode_text(data, "x")
    assert found == warnings
    assert text.startswith("Prices rise\n") and "Zürich" in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 20, "x: looks like a binary file, not text or HTML"),
        (b"\x00\x01\x02\x03" * 500, "x: looks like a binary file, not text or HTML"),
        (b"PK\x03\x04" + b"\x00" * 100, "x: is a ZIP archive (an Office document, EPUB or similar), not text or HTML"),
        (
            b"\x1f\x8b\x08\x00" + b"\x00" * 100,
            "x: is gzip-compressed data (name it .gz to have it read), not text or HTML",
        ),
    ],
)
def test_binary_data_is_named(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, "x")
    assert str(info.value) == message


# ------------------------------------------------ 5. pages that are not articles


NAV_ONLY = (
    "<html><head><title>The Valley Courier</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
    "<li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul></nav></body></html>"
)
SHORT = "<html><head><title>Pier opens</title></head><body><article><p>The new pier opened on Monday.</p></article></body></html>"


def test_navigation_page_is_refused_and_a_short_article_is_not(tmp_path: Path) -> None:
    nav = tmp_path / "nav.html"
    nav.write_text(NAV_ONLY)
    short = tmp_path / "short.html"
    short.write_text(SHORT)
    ok, bad = _split(list(iter_records([nav, short])))
    assert bad == [f"{nav}: is a page without article text (3 words)"]
    assert [a.body for a in ok] == ["The new pier opened on Monday."]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Home", False),
        ("Home\nNews\nSport\nWeather", False),
        ("Subscribe now\nSign in\nMost read today", False),
        ("The new pier opened on Monday.", True),
        ("“We are relieved,” the mayor said at the quay.”", True),
        ("Harbour master says the new pier will open in June after two years of delays and disputes", True),
        ("新しい桟橋が月曜日に開業した。", True),
        ("Short line.\nAnother one.", False),
    ],
)
def test_is_article_text(body: str, expected: bool) -> None:
    assert is_article_text(body) is expected


def _bomb(items: str) -> str:
    ents = '<!ENTITY lol0 "lol">' + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    return (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{ents}]><rss version="2.0" '
        f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>x</title>{items}</channel></rss>'
    )


def test_billion_laughs_feed_stores_nothing(tmp_path: Path) -> None:
    p = tmp_path / "bomb.rss"
    p.write_text(
        _bomb(
            "<item><title>&lol9;</title><content:encoded>&lol9;</content:encoded></item>"
            "<item><title>Pier opens</title><content:encoded>&lol9;</content:encoded></item>"
            "<item><title>&lol9;</title><link>https://x.example/a</link><description>&lol9;</description></item>"
        )
    )
    records = list(iter_records([p]))
    assert [str(r) for r in records] == [
        f"{p}#1: feed entry's title is only unexpanded entity references (&lol9;); skipped",
        f"{p}#2: feed entry's text is only unexpanded entity references (&amp;lol9); skipped",
        f"{p}#3: feed entry's title is only unexpanded entity references (&lol9;); skipped",
    ]
    summary = ingest([p], db=tmp_path / "c.db", workers=1)
    assert summary.added == 0 and len(summary.rejected) == 3


def test_feed_entry_without_title_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "untitled.rss"
    body = "".join(f"<p>{x}</p>" for x in WIRE.splitlines()[1:])
    p.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>x</title><item><content:encoded><![CDATA[{body}]]></content:encoded></item></channel></rss>"
    )
    assert [str(r) for r in iter_records([p])] == [f"{p}#1: feed entry has no title"]


# ------------------------------------------------ 6. size caps are options


def test_read_options_are_validated() -> None:
    with pytest.raises(ValueError, match=r"^ReadOptions\.max_record_bytes must be a positive number of bytes, not 0$"):
        ReadOptions(max_record_bytes=0)
    assert ReadOptions().max_article_bytes == 20_000_000


def test_caps_refuse_with_one_line(tmp_path: Path) -> None:
    small = ReadOptions(max_article_bytes=2000, max_record_bytes=3000, max_feed_bytes=1000, max_gunzipped_bytes=5000)
    big_txt = tmp_path / "big.txt"
    big_txt.write_text("Headline\n" + "word " * 1000)
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        json.dumps({"text": "Head\n" + "x" * 5000})
        + "\n"
        + json.dumps({"text": "Head\n" + "y" * 2500})
        + "\n"
        + json.dumps({"text": WIRE[:1500]})
        + "\n"
    )
    feed = tmp_path / "big.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>' + "t" * 2000 + "</title></channel></rss>"
    )
    records = _warc_records([PAGES[0], ("https://big.example/", _page(WIRE + "More text here.\n" * 300)), THIRD])
    warc = tmp_path / "big.warc"
    warc.write_bytes(b"".join(records))
    gz_lines = tmp_path / "many.jsonl.gz"
    line = (json.dumps({"text": WIRE[:600]}) + "\n").encode()
    gz_lines.write_bytes(gzip.compress(line * 10))
    crossing = 5000 // len(line) + 1  # the line that takes the gunzipped stream over the cap

    ok, bad = _split(list(iter_records([big_txt, lines, feed, warc, gz_lines], options=small)))
    assert bad == [
        f"{big_txt}: file is too large for one article (5,009 bytes; the limit is 2,000 bytes)",
        f"{lines}:1: line is too large for one record (over 3,000 bytes)",
        f"{lines}:2: record is too large for one article (over 2,000 bytes)",
        f"{feed}: feed is too large to read (over 1,000 bytes)",
        f"{warc}#2: WARC record is too large ({len(records[1]) - records[1].index(b'HTTP/1.1') - 4} bytes; "
        "the limit is 3,000 bytes); skipped",
        f"{gz_lines}:{crossing}: file expands to more than 5,000 bytes when gunzipped; rest skipped",
    ]
    assert [a.source for a in ok] == [
        f"{lines}:3",
        f"{warc}#1",
        f"{warc}#3",
        *[f"{gz_lines}:{i}" for i in range(1, crossing)],
    ]


def test_stdin_over_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"Headline\n" + b"a" * 5000)

    monkeypatch.setattr("sys.stdin", Stdin)
    with pytest.raises(InputError) as info:
        read_path("-", options=ReadOptions(max_article_bytes=1000))
    assert str(info.value) == "-: input is too large for one article (over 1,000 bytes)"


# ------------------------------------------------ end to end, as a user runs it


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI of the newsprism under test (its folder first on the path: cwd is elsewhere)."""
    here = str(Path(newsprism.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([here, os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def test_cli_compare_warc_names_the_bad_record_and_prints_nothing_else(tmp_path: Path) -> None:
    records = _warc_records([PAGES[0], PAGES[1], THIRD])
    records[1] = _lie(records[1], 150)
    (tmp_path / "lie.warc").write_bytes(b"".join(records))
    (tmp_path / "noise.warc").write_bytes(random.Random(3).randbytes(3000))
    res = _cli("compare", "lie.warc", "noise.warc", "--format", "json", "--embedder", "none", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert [a["id"] for a in json.loads(res.stdout)["articles"]] == ["lie-1", "lie-3"]
    assert res.stderr.splitlines() == [
        f"newsprism: skipped lie.warc#2: {LIED}",
        "newsprism: skipped noise.warc: is not a WARC file (no WARC/1.x record header found)",
    ]


def test_a_jsonl_line_with_a_few_invalid_bytes_is_repaired_with_a_warning(tmp_path: Path) -> None:
    from newsprism.sources import iter_records

    good = '{"title": "Harbour closed", "text": "The harbour closed on Monday after a storm damaged the pier."}'
    bad = good.replace("Monday", "Mon\\u00e9day").encode().replace(b"\\u00e9", b"\xff")
    path = tmp_path / "feed.jsonl"
    path.write_bytes(good.encode() + b"\n" + bad + b"\n")
    first, second = list(iter_records([path]))
    assert not first.warnings
    assert second.warnings == ("1 invalid UTF-8 byte replaced",)
    assert "Mon\ufffdday" in second.body
