"""How ``export_protocol`` is called: page size, language, progress, failures, imports."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.domain import Session
from workshop_app.protocol import export_protocol

from .helpers import page_sizes


def test_a4_by_default_letter_on_request_with_landscape_pages(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    export_protocol(hostile_session("en"), a4)
    export_protocol(hostile_session("en"), letter, pagesize="letter")
    assert {(round(w), round(h)) for w, h in page_sizes(a4)} == {(595, 842), (842, 595)}
    assert {(round(w), round(h)) for w, h in page_sizes(letter)} == {(612, 792), (792, 612)}


@pytest.mark.parametrize(
    ("options", "message"),
    [({"pagesize": "A5"}, "pagesize"), ({"language": "fr"}, "language")],
)
def test_unknown_options_are_refused_before_anything_is_written(
    tmp_path: Path, hostile_session: Callable[[str], Session], options: dict, message: str
) -> None:
    path = tmp_path / "protocol.pdf"
    with pytest.raises(ValueError, match=message):
        export_protocol(hostile_session("en"), path, **options)
    assert list(tmp_path.iterdir()) == []


def test_progress_runs_from_zero_to_one_without_going_back(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    fractions: list[float] = []
    export_protocol(hostile_session("de"), tmp_path / "p.pdf", progress=fractions.append)
    assert fractions[0] == 0.0
    assert fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert len(fractions) > 5


def test_a_failed_export_keeps_the_old_file_and_leaves_no_litter(
    tmp_path: Path, hostile_session: Callable[[str], Session], monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_app.protocol import document

    path = tmp_path / "protocol.pdf"
    path.write_bytes(b"the protocol of last week")

    def fail(self: object, story: list) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(document.ProtocolDocument, "build_story", fail)
    with pytest.raises(OSError, match="disk full"):
        export_protocol(hostile_session("de"), path)
    assert path.read_bytes() == b"the protocol of last week"
    assert [p.name for p in tmp_path.iterdir()] == ["protocol.pdf"]


def test_unwritable_target_raises_oserror(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    with pytest.raises(OSError):
        export_protocol(hostile_session("de"), tmp_path / "missing" / "protocol.pdf")


def test_importing_the_package_does_not_load_reportlab() -> None:
    script = "import sys, workshop_app.protocol; print('reportlab' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_an_export_cancelled_from_the_progress_callback_writes_nothing(
    tmp_path: Path, hostile_session: Callable[[str], Session]
) -> None:
    from reportlab import rl_config

    class Cancelled(Exception):
        pass

    def cancel_halfway(fraction: float) -> None:
        if fraction > 0.5:
            raise Cancelled

    setting = rl_config.useA85
    with pytest.raises(Cancelled):
        export_protocol(hostile_session("de"), tmp_path / "p.pdf", progress=cancel_halfway)
    assert list(tmp_path.iterdir()) == []
    assert rl_config.useA85 == setting
