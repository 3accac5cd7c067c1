"""The installed Qt binding does not corrupt Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call
that returns nothing; after a few thousand paints the interpreter aborts and
the unsaved workshop is gone. ``pyproject.toml`` excludes it; this test fails
if such a binding is installed anyway.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_void_qt_calls_keep_none_alive() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("")
    assert sys.getrefcount(None) >= before - 10
