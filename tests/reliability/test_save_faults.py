"""Saving under faults: leftovers of killed saves, read-only files, a really full disk.

The real full disk is a 64 KiB tmpfs (mounted when the tests run as root on
Linux, otherwise skipped; ``tests/fileformat/test_atomic_save.py`` injects
ENOSPC and short writes everywhere else). The real read-only folder is the
same tmpfs remounted read-only: ``chmod`` does not stop root.
"""

from __future__ import annotations

import errno
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_sessions import large_session

from workshop_app.domain import AddNode, NodeKind, Session
from workshop_app.fileformat import SaveError, dumps_session, load_session, save_session
from workshop_app.fileformat.atomic import remove_stale_temporaries


def small_session(label: str = "Erstlösung") -> Session:
    session = Session(meta={"title": "Kundenservice", "language": "de"})
    session.apply(AddNode("p1", NodeKind.PRIORITY, label, {"rank": 1}))
    return session


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_the_next_save_removes_what_killed_saves_left_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(small_session(), path)
    dead, own = _dead_pid(), os.getpid()
    leftovers = [
        f".session.yaml.{dead}-0123abcd.tmp",
        f".session.yaml.bak.{dead}-89abcdef.tmp",
        f".session.yaml.{own}-00000000.tmp",
    ]
    not_ours = [
        ".session.yaml.1-0123abcd.tmp",  # pid 1 runs: another window saving right now
        f".other.yaml.{dead}-0123abcd.tmp",  # another file's
        ".session.yaml.0123abcd.tmp",  # not our pattern
        f".session.yaml.{dead}-0123abcd.tmp.keep",
        "session.yaml.tmp",
        f".protocol.pdf.{dead}-0123abcd.tmp",
    ]
    for name in leftovers + not_ours:
        (tmp_path / name).write_text("half a session", encoding="utf-8")
    save_session(small_session("Neu"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["session.yaml", "session.yaml.bak", *not_ours]
    )
    assert load_session(path).label("p1") == "Neu"


def test_an_hour_old_leftover_goes_even_if_its_pid_is_alive_again(tmp_path: Path) -> None:
    leftover = tmp_path / ".session.yaml.1-0123abcd.tmp"
    leftover.write_text("x", encoding="utf-8")
    an_hour_ago = time.time() - 3700
    os.utime(leftover, (an_hour_ago, an_hour_ago))
    assert remove_stale_temporaries(tmp_path / "session.yaml") == [leftover.name]


def test_save_killed_after_keeping_the_backup_leaves_no_litter_next_time(tmp_path: Path) -> None:
    # The state such a kill leaves: file and backup are one file (two links).
    path = tmp_path / "session.yaml"
    save_session(small_session("Alt"), path)
    os.link(path, tmp_path / "session.yaml.bak")
    save_session(small_session("Neu"), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.yaml", "session.yaml.bak"]
    assert load_session(tmp_path / "session.yaml.bak").label("p1") == "Alt"
    assert load_session(path).label("p1") == "Neu"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(small_session("Alt"), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(SaveError) as info:
        save_session(small_session("Neu"), path)
    assert str(info.value) == (
        f"Could not save {path}: the file is read-only or you may not change it. "
        "The file on disk is unchanged."
    )
    assert info.value.message("de").startswith(f"{path} konnte nicht gespeichert werden: die Datei")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.yaml"]


def _mount_tmpfs(folder: Path, options: str) -> bool:
    if os.name != "posix" or os.geteuid() != 0:
        return False
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return result.returncode == 0


@pytest.fixture
def reliability_tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs: a disk that is really full after a small session."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    if not _mount_tmpfs(folder, "size=64k"):
        pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_really_full_disk_keeps_the_original_byte_for_byte(reliability_tiny_disk: Path) -> None:
    path = reliability_tiny_disk / "session.yaml"
    save_session(small_session(), path)
    before = path.read_bytes()
    big = large_session(60, seed=3, note_chars=1200)
    assert len(dumps_session(big).encode()) > 64 * 1024
    with pytest.raises(SaveError) as info:
        save_session(big, path)
    assert info.value.errno == errno.ENOSPC
    assert "the disk is full" in str(info.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in reliability_tiny_disk.iterdir()) == ["session.yaml"]


def test_really_read_only_folder_keeps_the_original(reliability_tiny_disk: Path) -> None:
    path = reliability_tiny_disk / "session.yaml"
    save_session(small_session("Alt"), path)
    before = path.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(reliability_tiny_disk)], check=True)
    with pytest.raises(SaveError) as info:
        save_session(small_session("Neu"), path)
    assert info.value.errno == errno.EROFS
    assert "the folder is read-only" in str(info.value)
    assert path.read_bytes() == before
