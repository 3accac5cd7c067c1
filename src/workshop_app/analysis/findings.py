"""What the analysis reports: a :class:`Finding` with its :class:`Severity`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from workshop_app.domain.change import ReviewKey
from workshop_app.domain.session import review_key

__all__ = ["Finding", "Severity", "open_marks"]


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


@dataclass(frozen=True, eq=False)
class Finding:
    """One ambiguity on the map.

    Its message is written when first read, not when the rule finds it: a
    large map has thousands of findings, and most of them are never shown
    one by one (the findings list shows the few in view, the protocol groups
    them). The analysis passes a function that writes it; the facts it
    names are those of the analysis (the subjects' fields as they were).

    Attributes
    ----------
    code : str
        The rule's stable code, e.g. ``"no-owner"`` (see ``DESIGN.md``).
    severity : Severity
    subjects : tuple of str
        The ids of the nodes the finding is about, sorted.
    message : str
        What the facilitator reads out, naming labels, in one language
        (given as text, or as a function that writes it when first read).
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
    _message: str | Callable[[], str] = field(repr=False)
    accepted: bool = False
    note: str | None = None

    @classmethod
    def found(
        cls,
        code: str,
        severity: Severity,
        subjects: tuple[str, ...],
        message: str | Callable[[], str],
        accepted: bool = False,
        note: str | None = None,
    ) -> Finding:
        """A finding, made as fast as the analysis needs (thousands on a large map).

        The same as the constructor, without its field-by-field checks of a
        frozen dataclass: a map of 5,000 nodes can have 10,000 findings.
        """
        finding = object.__new__(cls)
        finding.__dict__.update(
            code=code,
            severity=severity,
            subjects=subjects,
            _message=message,
            accepted=accepted,
            note=note,
        )
        return finding

    @functools.cached_property
    def message(self) -> str:
        text = self._message
        return text if isinstance(text, str) else text()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return self._facts() == other._facts() and self.message == other.message

    def __hash__(self) -> int:
        return hash(self._facts())

    def _facts(self) -> tuple[object, ...]:
        return self.code, self.severity, self.subjects, self.accepted, self.note

    @functools.cached_property
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


def open_marks(findings: Iterable[Finding]) -> dict[str, Severity]:
    """Each subject of an open finding with the severity of its most severe one.

    What the map rings, in the window and in the protocol; accepted findings
    mark nothing.
    """
    marks: dict[str, Severity] = {}
    for finding in findings:
        if finding.accepted:
            continue
        for subject in finding.subjects:
            known = marks.get(subject)
            if known is None or finding.severity.order < known.order:
                marks[subject] = finding.severity
    return marks
