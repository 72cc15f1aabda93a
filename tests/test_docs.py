"""The README's promises: its first two commands, and every command it shows exists."""

from __future__ import annotations

import re

from click.testing import CliRunner

from newsprism.cli import main

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_demo_and_test() -> None:
    commands = re.findall(r"^    (make \w+)", README, flags=re.M)[:2]
    assert commands == ["make demo", "make test"]
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_every_command_in_the_readme_exists_and_has_help() -> None:
    shown = set(re.findall(r"^ {4}(?:cat \S+ \| )?newsprism ([a-z]+)", README, flags=re.M))
    assert {"compare", "eval", "ingest", "group", "stories", "search", "articles", "convert"} <= shown
    runner = CliRunner()
    for name in sorted(shown):
        assert name in main.commands, f"README shows 'newsprism {name}', which does not exist"
        res = runner.invoke(main, [name, "--help"])
        assert res.exit_code == 0 and res.output.startswith("Usage:"), name


def test_every_dependency_is_explained() -> None:
    doc = (REPO / "docs" / "dependencies.md").read_text()
    pyproject = (REPO / "pyproject.toml").read_text()
    deps = re.findall(
        r'^\s+"([A-Za-z0-9_.-]+)[<>=!~]', pyproject.split("dependencies = [", 1)[1].split("]", 1)[0], re.M
    )
    for dep in deps:
        assert f"| {dep} |" in doc, dep


def test_every_api_name_in_the_readme_exists() -> None:
    import newsprism

    names = set(re.findall(r"\bnewsprism\.([A-Za-z_]+)\(", README))
    assert {"compare", "group", "ingest", "prepare", "render", "from_text"} <= names
    for name in names:
        assert callable(getattr(newsprism, name)), name
    for record in re.findall(r"`([A-Z][A-Za-z]+)`", README.split("## Python API", 1)[1].split("## Measure it", 1)[0]):
        if record.endswith("Options") or record in ("RawArticle", "Article"):
            continue
        assert hasattr(newsprism, record), record


def test_report_doc_runs() -> None:
    """docs/report.md: its commands use real options, its Python block runs as written."""
    import os

    doc = (REPO / "docs" / "report.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(main, ["compare", "--help"]).output
    commands = re.findall(r"^ {4}newsprism compare (.+)$", doc, flags=re.M)
    assert len(commands) >= 2
    for line in commands:
        for option in re.findall(r"(--[a-z-]+)", line):
            assert option in help_text, option
        assert "--format html" in line
    assert "html" in re.search(r"--format \[([a-z|]+)\]", help_text).group(1).split("|")  # type: ignore[union-attr]
    code = doc.split("```python\n", 1)[1].split("```", 1)[0]
    here = os.getcwd()
    os.chdir(REPO)
    try:
        scope: dict[str, object] = {}
        exec(compile(code, "docs/report.md", "exec"), scope)
    finally:
        os.chdir(here)
    page = scope["page"]
    assert isinstance(page, str) and page.startswith("<!DOCTYPE html>")
    assert len(scope["summary"].sentences) <= 3  # type: ignore[attr-defined]
    for name in ("render_html", "digest", "DigestOptions", "environment", "context", "REPUBLISHED"):
        assert name in doc, name


def test_the_web_doc_matches_the_app() -> None:
    """docs/web.md: its commands and options exist, its endpoints are the app's, its policy
    and limits are the code's."""
    import pytest

    doc = (REPO / "docs" / "web.md").read_text(encoding="utf-8")
    serve = main.commands["serve"]
    options = {o for p in serve.params for o in getattr(p, "opts", ())}
    for line in re.findall(r"^ {4}newsprism serve(.*)$", doc, flags=re.M):
        for opt in re.findall(r"--[a-z-]+", line):
            assert opt in options, opt
    for opt in re.findall(r"`(--[a-z-]+)`", doc):
        assert opt in options, opt
    from newsprism.web import WebOptions

    defaults = WebOptions()
    flat = " ".join(doc.split())
    assert f"`--max-request-bytes` ({defaults.max_request_bytes // 1_000_000} MB)" in flat
    assert f"`--max-article-bytes` ({defaults.max_article_bytes // 1_000_000} MB)" in flat
    assert f"`--max-articles` ({defaults.max_articles})" in flat
    assert f"more than {defaults.max_sentences:,} sentences" in flat
    assert f"`--timeout` seconds ({defaults.request_seconds:g})" in flat
    pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'newsprism[web]'")
    from newsprism.web import create_app
    from newsprism.web._app import CSP

    assert CSP in flat

    def shape(path: str) -> str:
        return re.sub(r"\{[^}]*\}", "{}", path)

    routes = {shape(getattr(r, "path", "")) for r in create_app(None).routes}
    shown = re.findall(r"^\| `(?:GET |POST )?(/[^`?]*)", doc, flags=re.M)
    assert len(shown) >= 9
    for path in shown:
        assert shape(path) in routes, path
    for path in re.findall(r"`, `(/[a-z]+)\?", doc):
        assert path in routes, path


def test_every_command_in_the_spark_doc_exists_and_has_help() -> None:
    doc = (REPO / "docs" / "spark.md").read_text(encoding="utf-8")
    shown = re.findall(r"^ {4}newsprism ((?:spark )?[a-z]+)", doc, flags=re.M)
    assert {"spark ingest", "spark group", "spark compare", "import", "stories"} <= set(shown)
    runner = CliRunner()
    for command in sorted(set(shown)):
        res = runner.invoke(main, [*command.split(), "--help"])
        assert res.exit_code == 0 and res.output.startswith("Usage:"), command
    for name in re.findall(r"`([a-z_]+)`", doc.split("## Install", 1)[0]):
        if name in ("pile_stats", "blocking_terms", "blocking_keys", "band_keys", "near_duplicate", "kept_pairs"):
            import newsprism.grouping

            assert callable(getattr(newsprism.grouping, name)), name


def test_the_layout_names_each_module_and_its_current_version() -> None:
    """The README's layout lines ("align.py ... (align-hybrid.v6)") name the version a module
    ships, and every top-level module of the core has a line."""
    import importlib

    from .conftest import REPO as root

    lines = dict(re.findall(r"^ {6}([a-z_]+)\.py +(.*)$", README, flags=re.MULTILINE))
    shipped = {
        "align": "ALIGN_VERSION",
        "numbers": "NUMBERS_VERSION",
        "grouping": "GROUP_VERSION",
        "digest": "DIGEST_VERSION",
        "singles": "SINGLES_VERSION",
        "reuse": "REUSE_VERSION",
    }
    for module, constant in shipped.items():
        version = getattr(importlib.import_module(f"newsprism.{module}"), constant)
        assert module in lines and version in lines[module], (module, version, lines.get(module))
    for name in ("singles", "digest", "comparison"):
        assert (root / "src" / "newsprism" / f"{name}.py").exists() and name in lines
