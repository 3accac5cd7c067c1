"""Responsibility Map: a facilitator's instrument for responsibility workshops.

The public API is pure Python and imports without Qt::

    from workshop_app import load_session, save_session, find_ambiguities

Names are imported on first use (PEP 562), so ``import workshop_app.ui``
does not pay for the file format or the analysis before the window shows.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_PUBLIC = {
    "CaseWalk": "workshop_app.cases",
    "walk_case": "workshop_app.cases",
    "Finding": "workshop_app.analysis",
    "find_ambiguities": "workshop_app.analysis",
    "Session": "workshop_app.domain",
    "SessionFormatError": "workshop_app.fileformat",
    "load_session": "workshop_app.fileformat",
    "save_session": "workshop_app.fileformat",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'workshop_app' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
