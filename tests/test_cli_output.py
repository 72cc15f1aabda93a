"""``-o FILE``: atomic over regular files, written through anything else, and every failure
one line and exit 1.

A regular file (or a new one) is replaced atomically, keeping its permissions; a character
device, a FIFO or a symlink is written through and stays what it was. A missing or read-only
folder and a full disk are user errors: a one-line message naming the path, exit 1, and no
temporary file left behind.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsprism import cli

SRC = Path(__file__).resolve().parents[1] / "src"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI of this source tree."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-m", "newsprism", *args], capture_output=True, text=True, env=env, timeout=300
    )


def compare_to(story: list[Path], output: str | Path) -> subprocess.CompletedProcess[str]:
    return run("compare", str(story[0]), str(story[1]), "--embedder", "none", "-f", "md", "-o", str(output))


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_new_and_existing_regular_file(story: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    res = compare_to(story, out)
    assert res.returncode == 0, res.stderr
    assert out.read_text().startswith("# newsprism comparison")
    assert res.stderr == f"newsprism: wrote {out}\n"
    out.write_text("old")
    out.chmod(0o640)
    assert compare_to(story, out).returncode == 0
    assert out.read_text().startswith("# newsprism comparison")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_dev_null_stays_a_device(story: list[Path]) -> None:
    res = compare_to(story, "/dev/null")
    assert res.returncode == 0, res.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_symlink_stays_a_link_and_its_target_gets_the_text(story: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    res = compare_to(story, link)
    assert res.returncode == 0, res.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("# newsprism comparison")


def test_dangling_symlink_creates_its_target(story: list[Path], tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "new.md")
    assert compare_to(story, link).returncode == 0
    assert link.is_symlink() and (tmp_path / "new.md").read_text().startswith("# newsprism comparison")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_receives_the_text(story: list[Path], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = compare_to(story, fifo)
    reader.join(timeout=60)
    assert res.returncode == 0, res.stderr
    assert got and got[0].decode().startswith("# newsprism comparison")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_missing_folder(story: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "nope" / "report.md"
    res = compare_to(story, out)
    assert res.returncode == 1
    assert res.stderr == f"newsprism: error: {out}: cannot write: the folder {out.parent} does not exist\n"
    assert not out.parent.exists()


def test_read_only_folder(story: list[Path], tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user (root?) can write into a read-only folder")
        res = compare_to(story, folder / "report.md")
        assert res.returncode == 1
        assert res.stderr.count("\n") == 1 and f"{folder / 'report.md'}: cannot write: permission denied" in res.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_full_disk(story: list[Path]) -> None:
    res = compare_to(story, "/dev/full")
    assert res.returncode == 1
    assert res.stderr == "newsprism: error: /dev/full: cannot write: no space left on the device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("fails", ["write", "replace"])
def test_failed_atomic_write_leaves_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    out = tmp_path / "report.md"
    out.write_text("old")

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    if fails == "replace":
        monkeypatch.setattr(cli.os, "replace", full)
    else:
        monkeypatch.setattr(cli.os, "fdopen", full)
    with pytest.raises(cli.NewsprismError, match=r"report\.md: cannot write: no space left on the device$"):
        cli._emit("new text", str(out))
    assert out.read_text() == "old"
    assert os.listdir(tmp_path) == ["report.md"]


def test_read_only_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The read-only case for a user (root) that the folder test above cannot refuse."""

    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(cli.tempfile, "mkstemp", refused)
    out = tmp_path / "report.md"
    with pytest.raises(cli.NewsprismError) as info:
        cli._emit("text", str(out))
    assert str(info.value) == f"{out}: cannot write: permission denied; choose another -o path"
