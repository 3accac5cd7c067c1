"""Dates as the facilitator types and reads them: ISO or the UI language's own form.

A session stores dates as ISO text (``2027-01-15``). In the window a date is
shown in the form of the UI language's locale (``15.01.2027`` in German,
``1/15/2027`` in American English) and may be typed in that form or in ISO;
either way it is stored as typed, never guessed into another day.

The locale is the system's when it speaks the UI language (a British system
gives ``15/01/2027``), else the language's own default.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale

from workshop_app.ui.i18n import ui_language

__all__ = ["display_date", "display_datetime", "parse_date", "typed_date_example", "ui_locale"]

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
#: A two-digit year is in this century: workshops and their due dates are not historic.
_CENTURY = 2000


def ui_locale() -> QLocale:
    """The locale whose date forms the window uses."""
    language = QLocale.Language.German if ui_language() == "de" else QLocale.Language.English
    system = QLocale.system()
    return system if system.language() == language else QLocale(language)


def _full_year(qt_format: str) -> str:
    """A Qt date format with a four-digit year (``dd.MM.yy`` → ``dd.MM.yyyy``)."""
    return re.sub(r"y+", "yyyy", qt_format)


def _numeric_pattern(qt_format: str) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """A pattern for a numeric short date format, and the order of its parts.

    ``dd.MM.yy`` gives a pattern for ``15.01.2027``, ``5.1.27`` … and
    ``("d", "M", "y")``. None for a format with month names.
    """
    parts = re.findall(r"d+|M+|y+|[^dMy]+", qt_format)
    order: list[str] = []
    pattern = r"\s*"
    for part in parts:
        letter = part[0]
        if letter in "dMy":
            if letter in "dM" and len(part) > 2:
                return None  # a weekday or month name
            order.append(letter)
            pattern += r"(\d{2}|\d{4})" if letter == "y" else r"(\d{1,2})"
        else:
            pattern += r"\s*" + re.escape(part.strip()) + r"\s*" if part.strip() else r"\s+"
    if sorted(order) != ["M", "d", "y"]:
        return None
    return re.compile(pattern + r"\s*"), tuple(order)


def parse_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date ``text`` names, in ISO or the locale's short form; None if it names none.

    Examples
    --------
    >>> from PySide6.QtCore import QLocale
    >>> parse_date("2027-01-15"), parse_date("15.01.2027", QLocale(QLocale.Language.German))
    (datetime.date(2027, 1, 15), datetime.date(2027, 1, 15))
    >>> english = QLocale(QLocale.Language.English)
    >>> parse_date("1/15/27", english), parse_date("15/1/2027", english)
    (datetime.date(2027, 1, 15), None)
    """
    locale = locale if locale is not None else ui_locale()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(group) for group in match.groups())
    else:
        found = _numeric_pattern(locale.dateFormat(QLocale.FormatType.ShortFormat))
        if found is None or (match := found[0].fullmatch(text)) is None:
            return None
        values = dict(zip(found[1], (int(group) for group in match.groups()), strict=True))
        year, month, day = values["y"], values["M"], values["d"]
        if year < 100:
            year += _CENTURY
    try:
        return date(year, month, day)
    except ValueError:
        return None


def display_date(iso: str, locale: QLocale | None = None) -> str:
    """An ISO date in the locale's short form with the full year; other text as it is."""
    locale = locale if locale is not None else ui_locale()
    parsed = parse_date(iso, locale) if _ISO.fullmatch(iso) else None
    if parsed is None:
        return iso
    short = _full_year(locale.dateFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDate(parsed.year, parsed.month, parsed.day), short)


def display_datetime(moment: datetime, locale: QLocale | None = None) -> str:
    """A moment in local time, in the locale's form with the full year (``05.12.2026 07:09``)."""
    locale = locale if locale is not None else ui_locale()
    stamp = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    short = _full_year(locale.dateTimeFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(stamp, short)


def typed_date_example(locale: QLocale | None = None) -> str:
    """How a date may be typed, for a placeholder: ``2027-01-15 or 15.01.2027``."""
    locale = locale if locale is not None else ui_locale()
    return f"2027-01-15 / {display_date('2027-01-15', locale)}"
