from __future__ import annotations

import subprocess
import sys

import newsprism


def test_all_is_sorted_and_complete() -> None:
    assert newsprism.__all__ == sorted(newsprism.__all__)
    for name in newsprism.__all__:
        assert hasattr(newsprism, name), name


def test_import_stays_light() -> None:
    code = (
        "import sys, newsprism; heavy = [m for m in ('trafilatura', 'onnxruntime', 'wordllama', 'rich', "
        "'click', 'sentencex', 'charset_normalizer', 'numpy', 'scipy', 'sqlite3', 'rensa', 'feedparser', "
        "'warcio', 'lxml') if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""


def test_public_functions_are_the_facade_after_submodules_load() -> None:
    """Loading the core modules (as the CLI and the corpus do) must not shadow the facade."""
    import newsprism.api
    import newsprism.comparison
    import newsprism.corpus
    import newsprism.grouping

    assert newsprism.compare is newsprism.api.compare
    assert newsprism.group is newsprism.api.group
    assert callable(newsprism.render)


def test_core_refuses_paths() -> None:
    import pytest

    from newsprism.comparison import compare as compare_records

    with pytest.raises(TypeError, match=r"newsprism\.compare"):
        compare_records(["a.txt", "b.txt"])  # type: ignore[list-item]


def test_errors_share_one_root() -> None:
    for name in ("InputError", "EmptyArticleError", "CompareError", "GoldSetError", "MissingDependencyError"):
        assert issubclass(getattr(newsprism, name), newsprism.NewsprismError)


def test_render_formats(story) -> None:
    c = newsprism.compare(story, options=newsprism.CompareOptions(align=newsprism.AlignOptions(embedder=None)))
    assert newsprism.render(c, "json").startswith("{")
    assert newsprism.render(c, "md").startswith("# newsprism comparison")
    assert "Articles" in newsprism.render(c, "text")


def test_newsprism_render_works_after_a_renderer_module_is_imported() -> None:
    """Importing ``newsprism.render.text`` rebinds the package attribute to the subpackage;
    ``newsprism.render(c)`` still renders (checked in a fresh process: import order matters)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = (
        "import glob, newsprism.render.text, newsprism\n"
        "c = newsprism.compare(sorted(glob.glob('examples/articles/*'))[:2])\n"
        "print(newsprism.render(c, 'md') == newsprism.render.render(c, 'md') != '')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={"PYTHONPATH": str(root / "src")},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
