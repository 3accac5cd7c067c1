"""The map picture is bounded by what the map holds, and written like every other file
(issue #18, item 7: a node at ±1e8 or 5,000 nodes froze the window for minutes and
took gigabytes)."""

from __future__ import annotations

from pathlib import Path

from map_helpers import MapShow
from map_samples import german_session
from PySide6.QtGui import QImage

from workshop_app.domain import AddEdge, AddNode, NodeKind, Session
from workshop_app.domain.kinds import POSITION_LIMIT, EdgeKind
from workshop_app.ui.map.export import MAX_PNG_PIXELS, MAX_PNG_SIDE


def far_apart() -> Session:
    session = Session(meta={"title": "Weit verstreut", "language": "de"})
    corners = [(POSITION_LIMIT, 0), (-POSITION_LIMIT, 0), (0, POSITION_LIMIT), (0, 0)]
    for number, (x, y) in enumerate(corners):
        session.apply(
            AddNode(f"p{number}", NodeKind.PRIORITY, f"Ecke {number}", {"position": [x, y]})
        )
    session.apply(AddNode("x", NodeKind.RESPONSIBILITY, "Mitte", {"position": [10, 10]}))
    session.apply(AddEdge("x", "p0", EdgeKind.SERVES))
    return session


def test_a_map_spread_to_the_position_limit_gives_a_bounded_picture(
    map_show: MapShow, tmp_path: Path
) -> None:
    view = map_show(far_apart())
    path = tmp_path / "weit.png"
    view.export_image(path)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() <= MAX_PNG_SIDE and image.height() <= MAX_PNG_SIDE
    assert image.width() * image.height() <= MAX_PNG_PIXELS * 1.01


def test_a_picture_replaces_the_old_one_whole_and_leaves_nothing_beside_it(
    map_show: MapShow, tmp_path: Path
) -> None:
    view = map_show(german_session(positioned=True))
    path = tmp_path / "karte.png"
    path.write_bytes(b"old picture")
    view.export_image(path)
    view.export_image(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [p.name for p in tmp_path.iterdir()] == ["karte.png"]


def test_a_picture_is_written_through_a_link_to_its_target(
    map_show: MapShow, tmp_path: Path
) -> None:
    view = map_show(german_session(positioned=True))
    target = tmp_path / "shared" / "karte.svg"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "karte.svg"
    link.symlink_to(target)
    view.export_image(link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_a_large_picture_reports_progress_and_can_be_stopped(
    map_show: MapShow, tmp_path: Path
) -> None:
    """The window paints between bands, and Cancel leaves the old file as it was."""
    view = map_show(german_session(positioned=True))
    path = tmp_path / "karte.png"
    path.write_bytes(b"old picture")
    told: list[float] = []
    assert not view.export_image(path, lambda fraction: told.append(fraction) and False)
    assert told and told[0] < 1
    assert [p.name for p in tmp_path.iterdir()] == ["karte.png"]
    assert path.read_bytes() == b"old picture"

    told.clear()
    assert view.export_image(path, lambda fraction: not told.append(fraction))
    assert told == sorted(told) and len(told) >= 1
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
