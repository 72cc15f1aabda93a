"""End-to-end tests of the command line, run as a user runs it (a subprocess)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, input=stdin, cwd=cwd, timeout=300
    )


def test_compare_text(story: list[Path]) -> None:
    res = run("compare", *map(str, story), "--width", "120")
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "3 articles" in out
    assert "Figures that disagree" in out and "'12'" in out and "'at least 15'" in out
    assert "Only in independent" in out
    assert "Page furniture removed" in out and "Replying to Erik" in out
    assert res.stderr == ""


def test_compare_json_contract(story: list[Path]) -> None:
    res = run("compare", *map(str, story), "--format", "json", "--embedder", "none")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["schema"] == "newsprism.comparison/1"
    ids = [a["id"] for a in data["articles"]]
    assert ids == ["wire", "rewrite", "independent"]
    for a in data["articles"]:
        assert set(a) >= {"id", "outlet", "title", "text", "removed", "sentences"}
        for s in a["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(a["text"])
    seen = [(m["article"], m["sentence"]) for f in data["facts"] for m in f["mentions"]]
    assert sorted(seen) == sorted((a["id"], i) for a in data["articles"] for i in range(len(a["sentences"])))
    by_id = {a["id"]: a for a in data["articles"]}
    assert data["quotes"], "the story quotes people"
    for q in data["quotes"]:
        assert by_id[q["article"]]["text"][q["start"] : q["end"]] == q["text"]
    grouped = {q["id"] for g in data["quote_groups"] for q in data["quotes"] if q["group"] == g["id"]}
    assert all(v["quote"] in grouped for g in data["quote_groups"] for v in g["variants"])
    for m in data["framing"]:
        assert m["type"] in ("attribution", "hedge", "scare_quote", "loaded", "naming")
        assert by_id[m["article"]]["text"][m["start"] : m["end"]] == m["text"]
    assert {(r["article"], r["source"]) for r in data["reuse"]} == {(a, b) for a in ids for b in ids if a != b}
    # the figures block (docs/report.md, "The figures in the JSON"): quantities at their offsets,
    # conflicts inside one fact, across articles, holding quantities of the list
    numbers = data["numbers"]
    assert set(numbers) == {"quantities", "conflicts"}
    kinds = {"count", "percent", "money", "year", "date", "duration"}
    for q in numbers["quantities"]:
        assert set(q) == {"article", "sentence", "start", "end", "text", "value", "kind", "unit", "qualifier"}
        art = by_id[q["article"]]
        sent = art["sentences"][q["sentence"]]
        assert sent["start"] <= q["start"] < q["end"] <= sent["end"]
        assert art["text"][q["start"] : q["end"]] == q["text"]
        assert q["kind"] in kinds and isinstance(q["value"], float)
    members = {f["id"]: {(m["article"], m["sentence"]) for m in f["mentions"]} for f in data["facts"]}
    assert numbers["conflicts"], "the story's figures disagree"
    for c in numbers["conflicts"]:
        assert set(c) == {"fact", "kind", "unit", "quantities", "reason"}
        assert c["kind"] in kinds and c["reason"]
        assert len({q["article"] for q in c["quantities"]}) >= 2
        for q in c["quantities"]:
            assert q in numbers["quantities"] and q["kind"] == c["kind"]
            assert (q["article"], q["sentence"]) in members[c["fact"]]
    wire = data["articles"][0]
    assert "Also read: Harbour tolls to rise next spring" in wire["removed"]
    assert "KORSHOLM:" in wire["removed"] and "Replying to Erik" in wire["removed"]


def test_compare_markdown_to_file(story: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    res = run("compare", *map(str, story), "--format", "md", "-o", str(out), "--outlet", f"{story[0]}=Nordpress")
    assert res.returncode == 0, res.stderr
    text = out.read_text()
    assert text.startswith("# newsprism comparison")
    assert "**Nordpress**" in text and "## Shared facts" in text
    assert f"wrote {out}" in res.stderr


def test_stdin(story: list[Path]) -> None:
    res = run("compare", "-", str(story[1]), "--format", "json", "--embedder", "none", stdin=story[0].read_text())
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["articles"][0]["id"] == "stdin"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (["one"], "newsprism: error: compare needs two or more articles; give at least two files\n"),
        (
            ["one", "one"],
            "newsprism: {d}/one.txt: same article as {d}/one.txt; compared once\n"
            "newsprism: error: compare needs two or more different articles; the inputs hold the same article\n",
        ),
        (
            ["one", "missing"],
            "newsprism: skipped {d}/missing.txt: no such file\n"
            "newsprism: error: compare needs two or more articles; give at least two files\n",
        ),
        (
            ["empty", "binary"],
            "newsprism: skipped {d}/empty.txt: is empty\n"
            "newsprism: skipped {d}/binary.txt: looks like a binary file, not text or HTML\n"
            "newsprism: error: compare needs two or more articles; give at least two files\n",
        ),
    ],
)
def test_bad_input_one_line_errors(tmp_path: Path, story: list[Path], files: list[str], message: str) -> None:
    (tmp_path / "one.txt").write_text(story[0].read_text())
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    res = run("compare", *[str(tmp_path / f"{f}.txt") for f in files])
    assert res.returncode == 1
    assert res.stdout == ""
    # each skipped file is named on its own line, before the final error
    assert res.stderr == message.format(d=tmp_path)
    assert "Traceback" not in res.stderr


def test_duplicate_is_compared_once_with_a_warning(story: list[Path]) -> None:
    res = run("compare", str(story[0]), str(story[0]), str(story[1]), "--format", "json", "--embedder", "none")
    assert res.returncode == 0
    assert "same article as" in res.stderr
    assert len(json.loads(res.stdout)["articles"]) == 2


def test_bad_usage_exit_2(story: list[Path]) -> None:
    res = run("compare", *map(str, story), "--format", "pdf")
    assert res.returncode == 2
    res = run("compare", *map(str, story), "--outlet", "Nordpress")
    assert res.returncode == 2 and "FILE=NAME" in res.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("newsprism, version ")
    assert "compare" in run("--help").stdout


def test_outlet_names_a_file_however_its_path_is_spelled(story: list[Path]) -> None:
    folder = story[0].parent
    a, b = story[0].name, story[1].name
    res = run("compare", a, b, "--format", "json", "--embedder", "none", "--outlet", f"./{a}=Nordpress", cwd=folder)
    assert res.returncode == 0, res.stderr
    outlets = {x["id"]: x["outlet"] for x in json.loads(res.stdout)["articles"]}
    assert outlets[story[0].stem] == "Nordpress"
    res = run("compare", a, b, "--outlet", "./missing.txt=X", cwd=folder)
    assert res.returncode == 2 and "missing.txt is not one of the files to compare" in res.stderr


def test_caps_are_options_that_refuse_with_one_line(story: list[Path]) -> None:
    res = run("compare", *map(str, story), "--embedder", "none", "--max-sentences", "3")
    assert res.returncode == 1
    assert "over the cap of 3 a comparison aligns" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = run("compare", *map(str, story), "--embedder", "none", "--max-bytes", "200")
    assert res.returncode == 1
    assert res.stderr.count("file is too large for one article") == 3
    assert "the limit is 200 bytes" in res.stderr
    assert "--max-sentences" in run("compare", "--help").stdout
    assert "--max-bytes" in run("ingest", "--help").stdout
