"""Saving is atomic and durable: a failed save leaves the file as it was, and no litter."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from workshop_app.domain import AddNode, NodeKind, Session, SetNodeFields
from workshop_app.fileformat import (
    SaveError,
    dumps_session,
    load_session,
    save_session,
    session_to_document,
)


def sample() -> Session:
    session = Session(meta={"title": "Kundenservice", "language": "de"})
    session.apply(AddNode("p1", NodeKind.PRIORITY, "Erstlösung", {"rank": 1}))
    session.apply(AddNode("r1", NodeKind.ROLE, "Servicekraft", {"load": 95}))
    return session


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Session, bytes]:
    """A folder holding ``session.yaml`` saved twice (so a backup exists too)."""
    path = tmp_path / "session.yaml"
    session = sample()
    save_session(session, path)
    session.apply(SetNodeFields("r1", {"load": 100}))
    save_session(session, path)
    session.apply(SetNodeFields("r1", {"notes": "changed since the last save"}))
    return path, session, path.read_bytes()


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def failing(
    real: Callable[..., Any], code: int, *, after: int = 0, partial: bool = False
) -> Callable[..., Any]:
    """``real``, failing with ``code`` from its ``after``-th call on."""
    calls = [0]

    def fake(fd: int, *args: Any) -> Any:
        calls[0] += 1
        if calls[0] <= after:
            return real(fd, *args)
        if partial and args:  # a write that gets part of the way first
            real(fd, bytes(args[0][:10]))
        raise OSError(code, os.strerror(code))

    return fake


def test_saved_file_loads_back_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    first = sample()
    save_session(first, path)
    assert not (tmp_path / "session.yaml.bak").exists()
    assert path.read_text(encoding="utf-8") == dumps_session(first)
    second = sample()
    second.apply(SetNodeFields("p1", {"label": "Erstlösungsquote"}))
    save_session(second, path)
    assert (tmp_path / "session.yaml.bak").read_text(encoding="utf-8") == dumps_session(first)
    assert session_to_document(load_session(path)) == session_to_document(second)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.yaml", "session.yaml.bak"]


def test_saving_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(sample(), path)
    first = path.read_bytes()
    save_session(load_session(path), path)
    assert path.read_bytes() == first == (tmp_path / "session.yaml.bak").read_bytes()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_permissions_of_the_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(sample(), path)
    path.chmod(0o640)
    save_session(sample(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("name", "after", "partial"),
    [("write", 0, True), ("write", 0, False), ("fsync", 0, False)],
    ids=["disk full mid-write", "disk full at once", "disk full on fsync"],
)
def test_full_disk_leaves_the_file_unchanged(
    saved: tuple[Path, Session, bytes],
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    after: int,
    partial: bool,
) -> None:
    path, session, before = saved
    state = folder_state(path.parent)
    with monkeypatch.context() as patch:
        patch.setattr(
            os, name, failing(getattr(os, name), errno.ENOSPC, after=after, partial=partial)
        )
        with pytest.raises(SaveError) as info:
            save_session(session, path)
    assert str(info.value) == (
        f"Could not save {path}: the disk is full. The file on disk is unchanged."
    )
    assert info.value.errno == errno.ENOSPC
    assert folder_state(path.parent) == state
    assert path.read_bytes() == before


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES])
def test_read_only_folder_leaves_the_file_unchanged(
    saved: tuple[Path, Session, bytes], monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    path, session, before = saved
    state = folder_state(path.parent)
    real_open = os.open

    def refuse_to_create(file: Any, flags: int, *args: Any) -> int:
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), file)
        return real_open(file, flags, *args)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", refuse_to_create)
        with pytest.raises(SaveError, match="read-only") as info:
            save_session(session, path)
    assert "The file on disk is unchanged." in str(info.value)
    assert folder_state(path.parent) == state
    assert path.read_bytes() == before


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_really_read_only_folder(saved: tuple[Path, Session, bytes]) -> None:
    path, session, before = saved
    path.parent.chmod(0o555)
    try:
        with pytest.raises(SaveError, match="read-only"):
            save_session(session, path)
    finally:
        path.parent.chmod(0o755)
    assert path.read_bytes() == before


@pytest.mark.parametrize("step", ["replace", "link-and-copy"])
def test_failure_while_swapping_leaves_no_temporary_file(
    saved: tuple[Path, Session, bytes], monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path, session, before = saved
    state = folder_state(path.parent)

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    with monkeypatch.context() as patch:
        if step == "replace":
            patch.setattr(os, "replace", broken)
        else:
            patch.setattr(os, "link", broken)
            patch.setattr("shutil.copy2", broken)
        with pytest.raises(SaveError, match=os.strerror(errno.EIO)):
            save_session(session, path)
    assert folder_state(path.parent) == state
    assert path.read_bytes() == before


def test_folder_that_cannot_be_synced_does_not_fail_a_finished_save(
    saved: tuple[Path, Session, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, session, before = saved
    with monkeypatch.context() as patch:  # the file's fsync works, the folder's does not
        patch.setattr(os, "fsync", failing(os.fsync, errno.EINVAL, after=1))
        save_session(session, path)
    assert path.read_text(encoding="utf-8") == dumps_session(session)
    assert (path.parent / "session.yaml.bak").read_bytes() == before


def test_missing_folder_is_a_clear_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="the folder does not exist"):
        save_session(sample(), tmp_path / "gone" / "session.yaml")


def test_failed_save_is_told_in_german(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    error = SaveError(path, OSError(errno.ENOSPC, "No space left on device"))
    assert error.message("de") == (
        f"{path} konnte nicht gespeichert werden: der Datenträger ist voll. "
        "Die Datei auf dem Datenträger ist unverändert."
    )
    assert isinstance(error, OSError)


def test_save_without_a_folder_part_writes_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    save_session(sample(), "plain.yaml")
    assert load_session(tmp_path / "plain.yaml").label("p1") == "Erstlösung"
