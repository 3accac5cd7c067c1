"""Dates typed and shown in the UI language's form, stored as ISO."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from workshop_app.ui.dates import display_date, display_datetime, parse_date

GERMAN = QLocale(QLocale.Language.German)
AMERICAN = QLocale(QLocale.Language.English)
BRITISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("2027-01-15", GERMAN),
        ("2027-01-15", AMERICAN),
        (" 2027-1-15 ", BRITISH),
        ("15.01.2027", GERMAN),
        ("15.1.27", GERMAN),
        ("1/15/2027", AMERICAN),
        ("01/15/27", AMERICAN),
        ("15/01/2027", BRITISH),
    ],
)
def test_a_date_is_read_as_typed(text: str, locale: QLocale) -> None:
    assert parse_date(text, locale) == date(2027, 1, 15)


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("15/01/2027", AMERICAN),  # no 15th month
        ("2027-02-30", GERMAN),
        ("01/15/2027", GERMAN),
        ("next Friday", AMERICAN),
        ("", GERMAN),
    ],
)
def test_what_names_no_date_is_not_guessed(text: str, locale: QLocale) -> None:
    assert parse_date(text, locale) is None


def test_dates_are_shown_in_the_locales_form_with_the_full_year() -> None:
    assert display_date("2027-01-15", GERMAN) == "15.01.2027"
    assert display_date("2027-01-15", AMERICAN) == "1/15/2027"
    assert display_date("2027-01-15", BRITISH) == "15/01/2027"
    assert display_date("spring 2027", GERMAN) == "spring 2027"


def test_a_moment_in_german_has_no_am_pm_and_a_full_year() -> None:
    moment = datetime(2026, 12, 5, 7, 9).astimezone()
    assert display_datetime(moment, GERMAN) == "05.12.2026 07:09"
