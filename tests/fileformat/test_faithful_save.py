"""A save keeps the file's place in the file system: links, owner, permissions, attributes.

Each case is a defect the second red-team round found (issue #18, items 12
and 13): saving over a symbolic link replaced the link with a file, owner,
group, ACLs and extended attributes were lost, hard links broke, a setuid bit
was copied, a ``.bak`` that is a folder blocked every save, names of 236 to 255
bytes could not be saved, and a save that would be too large to open again
was written anyway.
"""

from __future__ import annotations

import os
import stat
import struct
from pathlib import Path

import pytest

from workshop_app import fileformat
from workshop_app.domain import AddNode, NodeKind, Session
from workshop_app.fileformat import (
    MAX_FILE_BYTES,
    SaveError,
    SessionTooLargeError,
    atomic,
    dumps_session,
    load_session,
    save_session,
)
from workshop_app.fileformat.atomic import backup_path, remove_stale_temporaries, write_atomic

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX file system")
root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root"
)


def session(label: str = "Erstlösung") -> Session:
    result = Session(meta={"title": "Kundenservice"})
    result.apply(AddNode("p1", NodeKind.PRIORITY, label, {"rank": 1}))
    return result


def saved_twice(path: Path) -> tuple[str, str]:
    """Save two versions at ``path``; their texts (the first is now the backup)."""
    first, second = session("eins"), session("zwei")
    save_session(first, path)
    save_session(second, path)
    return dumps_session(first), dumps_session(second)


@posix
def test_saving_through_a_symbolic_link_updates_its_target(tmp_path: Path) -> None:
    synced = tmp_path / "cloud" / "workshop.yaml"
    synced.parent.mkdir()
    save_session(session("alt"), synced)
    link = tmp_path / "workshop.yaml"
    link.symlink_to(synced)
    save_session(session("neu"), link)
    assert link.is_symlink() and link.resolve() == synced
    assert load_session(synced).label("p1") == "neu"
    assert load_session(Path(backup_path(synced))).label("p1") == "alt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cloud", "workshop.yaml"]


@posix
def test_a_dangling_link_is_written_through_not_replaced(tmp_path: Path) -> None:
    link = tmp_path / "workshop.yaml"
    link.symlink_to(tmp_path / "real.yaml")
    save_session(session(), link)
    assert link.is_symlink()
    assert load_session(tmp_path / "real.yaml").label("p1") == "Erstlösung"


@posix
def test_permissions_are_kept_without_setuid_and_setgid(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(session(), path)
    path.chmod(0o6664)
    save_session(session("neu"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664


@root
def test_owner_and_group_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(session(), path)
    os.chown(path, 4321, 8765)
    save_session(session("neu"), path)
    info = path.stat()
    assert (info.st_uid, info.st_gid) == (4321, 8765)


def _set_or_skip(path: Path, name: str, value: bytes) -> None:
    try:
        os.setxattr(path, name, value)
    except OSError as error:
        pytest.skip(f"this file system keeps no {name} ({error.strerror})")


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="extended attributes (Linux)")
def test_extended_attributes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(session(), path)
    _set_or_skip(path, "user.xdg.comment", b"Kunde A, vertraulich")
    save_session(session("neu"), path)
    assert os.getxattr(path, "user.xdg.comment").decode() == "Kunde A, vertraulich"


def _acl(group_id: int) -> bytes:
    """A POSIX access ACL (the kernel's xattr form) giving group ``group_id`` read and write."""
    undefined = 0xFFFFFFFF
    entries = [
        (0x01, 6, undefined),  # owner rw
        (0x04, 4, undefined),  # owning group r
        (0x08, 6, group_id),  # the shared group rw
        (0x10, 6, undefined),  # mask rw
        (0x20, 4, undefined),  # others r
    ]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


@pytest.mark.skipif(not hasattr(os, "setxattr"), reason="access control lists (Linux)")
def test_access_control_list_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(session(), path)
    _set_or_skip(path, "system.posix_acl_access", _acl(8765))
    save_session(session("neu"), path)
    assert os.getxattr(path, "system.posix_acl_access") == _acl(8765)


@posix
def test_hard_links_keep_sharing_the_saved_content(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    first = session("alt")
    save_session(first, path)
    other = tmp_path / "team" / "session.yaml"
    other.parent.mkdir()
    os.link(path, other)
    save_session(session("neu"), path)
    assert load_session(other).label("p1") == "neu"
    assert os.path.samefile(path, other)
    backup = Path(backup_path(path))
    assert backup.read_text(encoding="utf-8") == dumps_session(first)
    assert not os.path.samefile(backup, path)
    assert path.stat().st_nlink == 2


@posix
def test_file_and_backup_linked_by_a_killed_save_are_not_a_users_hard_link(
    tmp_path: Path,
) -> None:
    path = tmp_path / "session.yaml"
    saved_twice(path)
    backup = Path(backup_path(path))
    backup.unlink()
    os.link(path, backup)  # what a kill between backup and swap leaves
    before = path.read_bytes()
    save_session(session("drei"), path)
    assert backup.read_bytes() == before
    assert load_session(path).label("p1") == "drei"
    assert path.stat().st_nlink == 1


@pytest.mark.parametrize("length", [236, 247, 251, 252, 255])
def test_names_up_to_the_limit_are_saved(tmp_path: Path, length: int) -> None:
    name = "ü" * ((length - 5) // 2) + "x" * ((length - 5) % 2) + ".yaml"
    assert len(name.encode()) == length
    path = tmp_path / name
    first, second = saved_twice(path)
    assert path.read_text(encoding="utf-8") == second
    assert Path(backup_path(path)).read_text(encoding="utf-8") == first
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [name, Path(backup_path(path)).name]
    )


def test_stale_temporary_of_a_long_name_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / ("w" * 250 + ".yaml")
    save_session(session(), path)
    own = atomic._temp_name(str(path))
    assert len(os.fsencode(Path(own).name)) <= 255
    dead = Path(own.replace(f".{os.getpid()}-", f".{2**22 + 7}-"))
    dead.write_bytes(b"half a session")  # what a killed save of another process left
    if atomic.is_running(2**22 + 7):
        pytest.skip("that process id is in use here")
    assert remove_stale_temporaries(path) == [dead.name]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_folder_named_like_the_backup_does_not_block_saving(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    save_session(session(), path)
    Path(backup_path(path)).mkdir()
    save_session(session("neu"), path)
    assert load_session(path).label("p1") == "neu"
    assert Path(backup_path(path)).is_dir()


def test_a_folder_in_the_files_place_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    path.mkdir()
    with pytest.raises(SaveError) as info:
        save_session(session(), path)
    assert str(info.value) == (
        f"Could not save {path}: a folder has that name. The file on disk is unchanged."
    )
    assert "ein Ordner trägt diesen Namen" in info.value.message("de")


def too_large_for_its_limit(path: Path, limit: int) -> str:
    """A session file under ``limit`` whose saved text is over it; its text.

    An unknown field is kept as read: a long flow list of short words grows
    by a third when written (", " between items).
    """
    save_session(session(), path)
    words = ",".join(["ab"] * (limit // 3 - 100))
    text = path.read_text(encoding="utf-8") + f"extra: [{words}]\n"
    assert len(text.encode()) < limit
    path.write_text(text, encoding="utf-8")
    return text


def assert_refused_before_writing(path: Path, text: str, megabytes: int) -> None:
    loaded = load_session(path)
    with pytest.raises(SessionTooLargeError) as info:
        save_session(loaded, path)
    assert path.read_text(encoding="utf-8") == text
    assert not Path(backup_path(path)).exists()
    assert f"more than the {megabytes} MiB a session file may have" in str(info.value)
    assert f"mehr als die {megabytes} MiB" in info.value.message("de")


def test_a_save_too_large_to_open_again_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 2**20  # the same rule at 1 MiB, to keep the test quick
    for module in (fileformat, fileformat.parser, fileformat.writer):
        monkeypatch.setattr(module, "MAX_FILE_BYTES", limit)
    path = tmp_path / "session.yaml"
    text = too_large_for_its_limit(path, limit)
    assert_refused_before_writing(path, text, 1)


@pytest.mark.slow
def test_a_save_over_the_real_limit_is_refused_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "session.yaml"
    text = too_large_for_its_limit(path, MAX_FILE_BYTES)
    assert_refused_before_writing(path, text, MAX_FILE_BYTES // 2**20)


def test_exports_keep_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "protocol.pdf"
    write_atomic(path, b"one", keep_backup=False)
    write_atomic(path, b"two", keep_backup=False)
    assert [p.name for p in tmp_path.iterdir()] == ["protocol.pdf"]
    assert path.read_bytes() == b"two"
