"""Responsibility Map: a facilitator's instrument for responsibility workshops.

The public API is pure Python and imports without Qt::

    from workshop_app import load_session, save_session, find_ambiguities
"""

from workshop_app.analysis import Finding, find_ambiguities
from workshop_app.domain import Session
from workshop_app.fileformat import SessionFormatError, load_session, save_session

__version__ = "0.1.0"

__all__ = [
    "Finding",
    "Session",
    "SessionFormatError",
    "__version__",
    "find_ambiguities",
    "load_session",
    "save_session",
]
