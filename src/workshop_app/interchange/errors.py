"""The interchange's refusal: an imported file that cannot become a session.

Like :class:`~workshop_app.fileformat.SessionFormatError` it carries an
English template and its values, so the window shows it in German while the
command line prints English.
"""

from __future__ import annotations

from typing import Any

from workshop_app.fileformat.errors import one_line
from workshop_app.i18n import translator
from workshop_app.interchange._de import GERMAN

__all__ = ["ImportRefused"]


class ImportRefused(ValueError):
    """A file that cannot be imported; nothing was written.

    Parameters
    ----------
    problem
        What is wrong, as English source text with ``{placeholders}``.
    source
        The file's name.
    place
        Where in the file: a cell (``C3``) or an element (``node n4``).
    **params
        Values for the placeholders, already rendered as text.

    Examples
    --------
    >>> err = ImportRefused("{value} is not one of A, R, C, I", source="raci.csv",
    ...                     place="C3", value="'X'")
    >>> str(err)
    "raci.csv, C3: 'X' is not one of A, R, C, I"
    >>> err.message("de")
    "raci.csv, C3: 'X' ist keiner der Buchstaben A, R, C, I"
    """

    def __init__(self, problem: str, *, source: str, place: str | None = None, **params: Any):
        self.problem = problem
        self.source = source
        self.place = place
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        """The whole refusal on one line, in ``language`` (``de`` or ``en``)."""
        _ = translator(GERMAN, language)
        where = ", ".join(p for p in (self.source, self.place) if p)
        return one_line(f"{where}: " + _(self.problem).format(**self.params))
