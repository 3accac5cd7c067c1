"""The UI names Qt's enum values by their enum (``Qt.AlignmentFlag.AlignLeft``).

The short spelling (``Qt.AlignLeft``) is a compatibility shim in PySide6 that
type checkers do not know and a later release may drop.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

import workshop_app.ui

UI = Path(workshop_app.ui.__file__).parent
TESTS = Path(__file__).resolve().parent
_MODULES = (QtCore, QtGui, QtWidgets, QtSvg)
# ``Qt.AlignLeft`` or ``QFrame.NoFrame``, not followed by an attribute or a call.
_SHORT = re.compile(r"\b(Qt|Q[A-Z]\w*)\.([A-Z]\w*)\b(?!\s*[.(])")


def _unscoped(source: Path) -> list[str]:
    found = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        for match in _SHORT.finditer(line):
            owner = next((getattr(m, match[1]) for m in _MODULES if hasattr(m, match[1])), None)
            if isinstance(getattr(owner, match[2], None), enum.Enum):
                found.append(f"{source.name}:{number}: {match[0]}")
    return found


def test_the_ui_and_its_tests_spell_qt_enums_with_their_enum() -> None:
    sources = [p for p in (*UI.rglob("*.py"), *TESTS.rglob("*.py")) if p != Path(__file__)]
    unscoped = [hit for source in sorted(sources) for hit in _unscoped(source)]
    assert not unscoped, "\n".join(unscoped)


def test_the_check_sees_a_short_enum(tmp_path: Path) -> None:
    sample = tmp_path / "short.py"
    sample.write_text(
        "label.setAlignment(Qt.AlignLeft)\nlabel.setAlignment(Qt.AlignmentFlag.AlignLeft)\n",
        encoding="utf-8",
    )
    assert _unscoped(sample) == ["short.py:1: Qt.AlignLeft"]
