"""Work around defects of the Qt binding that would otherwise crash the app."""

from __future__ import annotations

import ctypes
import sys

__all__ = ["keep_none_alive"]

#: A reference count None cannot use up: one per Qt call for years of use.
_PLENTY = 1 << 48


def keep_none_alive() -> None:
    """WORKAROUND for shiboken6 6.12.0 on Python 3.11.

    Each call of a Qt method that returns nothing (``painter.drawPath``,
    ``label.setText``…) drops a reference to ``None`` it never took. Python
    3.12 made ``None`` immortal, so the binding only goes wrong on 3.11,
    where ``None``'s count runs out after some thousand calls — a map of a
    few hundred nodes painted a few times — and the interpreter aborts with
    "deallocating None", taking the unsaved workshop with it. This checks
    whether the binding in use has the defect and, only then, gives ``None``
    the same practically endless count Python 3.12 gives it.
    """
    if sys.version_info >= (3, 12):
        return
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("")
    if sys.getrefcount(None) < before - 50:
        ctypes.c_ssize_t.from_address(id(None)).value += _PLENTY
