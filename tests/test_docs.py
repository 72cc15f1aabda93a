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
