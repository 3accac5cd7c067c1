"""What the analysis reports: a :class:`Finding` with its :class:`Severity`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workshop_app.domain.change import ReviewKey
from workshop_app.domain.session import review_key

__all__ = ["Finding", "Severity"]


class Severity(StrEnum):
    """How much a finding matters; members are listed from most to least."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def order(self) -> int:
        """0 for ``error``, 1 for ``warning``, 2 for ``info``: for sorting."""
        return _ORDER[self]


_ORDER = {severity: index for index, severity in enumerate(Severity)}


@dataclass(frozen=True)
class Finding:
    """One ambiguity on the map.

    Attributes
    ----------
    code : str
        The rule's stable code, e.g. ``"no-owner"`` (see ``DESIGN.md``).
    severity : Severity
    subjects : tuple of str
        The ids of the nodes the finding is about, sorted.
    message : str
        What the facilitator reads out, naming labels, in one language.
    accepted : bool
        The group reviewed this finding and accepted it as it is.
    note : str or None
        The note of the group's review, if there is one.

    Examples
    --------
    >>> finding = Finding("no-owner", Severity.ERROR, ("x",), "Nobody is accountable for “X”.")
    >>> finding.to_json()["severity"]
    'error'
    """

    code: str
    severity: Severity
    subjects: tuple[str, ...]
    message: str
    accepted: bool = False
    note: str | None = None

    @property
    def key(self) -> ReviewKey:
        """The finding's rule and subjects, as the group's review of it is kept."""
        return review_key(self.code, self.subjects)

    def sort_key(self) -> tuple[int, str, tuple[str, ...]]:
        """Errors first, then warnings, then info; within those by code and subjects."""
        return self.severity.order, self.code, self.subjects

    def to_json(self) -> dict[str, Any]:
        """The finding as plain data for ``check --format json``.

        Examples
        --------
        >>> finding = Finding("isolated", Severity.INFO, ("a",), "…")
        >>> finding.to_json()  # doctest: +NORMALIZE_WHITESPACE
        {'code': 'isolated', 'severity': 'info', 'subjects': ['a'], 'message': '…',
         'accepted': False}
        """
        return {
            "code": self.code,
            "severity": self.severity.value,
            "subjects": list(self.subjects),
            "message": self.message,
            "accepted": self.accepted,
        }
