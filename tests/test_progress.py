"""Terminal niceties: progress with totals and ETA (a bar on a terminal, plain lines
elsewhere) on ingest, group and eval; compare fits an 80-column terminal; "1 article"."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprism import _progress
from newsprism._progress import Progress
from newsprism.cli import main
from newsprism.sources import count_records
from newsprism.text import plural

from .conftest import INDEPENDENT, REPO, REWRITE, WIRE, write_jsonl

EXAMPLE = sorted(str(p) for p in (REPO / "examples" / "articles").iterdir())


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(_progress.time, "monotonic", c)
    return c


def test_plain_lines_give_totals_share_and_time_left(clock: Clock) -> None:
    out = io.StringIO()
    with Progress("ingest", total=4, stream=out, tty=False, every=5) as p:
        clock.now += 1
        p.advance()  # under 5 s: nothing yet
        clock.now += 9
        p.advance()  # 2 of 4 in 10 s
        clock.now += 10
        p.advance()  # 3 of 4 in 20 s
        p.advance()  # under 5 s after the last line: nothing
    assert out.getvalue().splitlines() == [
        "ingest: 2/4 records (50%), 10 s, about 10 s left",
        "ingest: 3/4 records (75%), 20 s, about 7 s left",
        "ingest: done in 20 s",
    ]


def test_short_work_writes_nothing(clock: Clock) -> None:
    out = io.StringIO()
    with Progress("group", stream=out, tty=False, every=5) as p:
        p.update("features", 10, 20)
        p.update("cluster", 20, 20)
    assert out.getvalue() == ""


def test_stages_name_themselves_and_an_unknown_total_counts(clock: Clock) -> None:
    out = io.StringIO()
    with Progress("eval", stream=out, tty=False, every=0) as p:
        p.update("compare", 1, 3)
        clock.now += 90
        p.update("single", 1, None)
        p.update("single", 2, 1)
    lines = out.getvalue().splitlines()
    assert lines[0] == "eval: comparing stories: 1/3 stories (33%), 0 s"  # no ETA before any time has passed
    assert lines[1] == "eval: single articles: 1 article, 0 s"
    assert lines[-1] == "eval: done in 1 min 30 s"


def test_disabled_progress_writes_nothing() -> None:
    out = io.StringIO()
    with Progress("ingest", total=2, stream=out, tty=False, every=0, enabled=False) as p:
        p.advance()
    assert out.getvalue() == ""


def test_a_terminal_gets_a_bar_with_total_and_time_left() -> None:
    out = io.StringIO()
    with Progress("group", stream=out, tty=True) as p:
        p.update("features", 3, 8)
        p._bar.refresh()
        shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.getvalue())
    assert "group: grouping features" in shown and "3/8" in shown and "articles" in shown and "left" in shown
    assert "-:--:--" in shown or re.search(r"\d:\d\d:\d\d", shown)


def test_count_records_knows_pages_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(WIRE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<html></html>")
    write_jsonl(tmp_path / "pile.jsonl", {"text": REWRITE}, {"text": INDEPENDENT})
    assert count_records([tmp_path]) == 4
    assert count_records([tmp_path / "a.txt", tmp_path / "missing.txt"]) == 2
    (tmp_path / "feed.rss").write_text("<rss></rss>")
    assert count_records([tmp_path]) is None  # a feed's entries are known only by reading it
    assert count_records(["-"]) is None


def _run(*args: str, every: str = "0") -> tuple[int, str, str]:
    res = CliRunner(env={"NEWSPRISM_PROGRESS_EVERY": every}).invoke(main, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_ingest_group_and_eval_report_progress_on_stderr(tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    code, out, err = _run("ingest", *EXAMPLE, "--db", db)
    assert code == 0, err
    assert "ingest: 4/4 records (100%)" in err and "ingest: done in" in err
    assert "ingest:" not in out  # data on stdout, chatter on stderr
    code, out, err = _run("group", "--db", db)
    assert code == 0 and "group: clustering: 4/4 articles (100%)" in err
    code, out, err = _run("eval", str(REPO / "examples"), "--task", "alignment")
    assert code == 0 and "eval: comparing stories: 1/1 story (100%)" in err
    code, out, err = _run("ingest", *EXAMPLE, "--db", db, "--quiet")
    assert code == 0 and "ingest:" not in err
    code, out, err = _run("group", *EXAMPLE, every="5")  # short work: no progress lines at all
    assert code == 0 and "group:" not in err


@pytest.mark.parametrize("columns", [None, "60"])
def test_compare_fits_the_terminal_when_piped(columns: str | None) -> None:
    env = {"COLUMNS": columns} if columns else {}
    res = CliRunner(env=env).invoke(main, ["compare", *EXAMPLE])
    assert res.exit_code == 0
    from rich.cells import cell_len

    widest = max(cell_len(line) for line in res.stdout.splitlines())
    assert widest <= int(columns or 80)
    assert widest >= int(columns or 80) - 5  # the width is used, not a narrower one


def test_compare_fits_80_columns_with_many_long_named_outlets() -> None:
    from rich.cells import cell_len

    from newsprism.comparison import compare
    from newsprism.readers import from_text
    from newsprism.render import render

    texts = [WIRE, REWRITE, INDEPENDENT, WIRE.replace("212", "213"), REWRITE.replace("Monday", "Sunday")]
    arts = [
        from_text(t.replace("Ferry", "Ferry " + "x" * 150, 1), outlet=f"The Extraordinarily Long Named Outlet {i}")
        for i, t in enumerate(texts)
    ]
    out = render(compare(arts), "text", width=80)
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_plural() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(0, "article") == "0 articles"
    assert plural(1_200, "article") == "1,200 articles"
    assert plural(1, "story", "stories") == "1 story" and plural(2, "story", "stories") == "2 stories"


def test_one_of_each_reads_singular(tmp_path: Path) -> None:
    db = str(tmp_path / "one.db")
    one = tmp_path / "one.txt"
    one.write_text(WIRE)
    code, out, err = _run("ingest", str(one), "--db", db, every="5")
    assert code == 0 and "0 duplicates" in out
    code, out, err = _run("articles", "--db", db)
    assert "(1 of 1 article)" in err and "1 articles" not in err
    code, out, err = _run("group", str(tmp_path / "one.txt"), str(REPO / "examples" / "articles"), every="5")
    assert code == 0 and "1 articles" not in out and re.search(r"\b1 article\b", out)
