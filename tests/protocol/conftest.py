"""Fixtures of the protocol tests: sessions to export."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from benchmarks.orgs import generate_organisation
from workshop_app.domain import Session

from .helpers import build_session


@pytest.fixture
def hostile_session() -> Callable[[str], Session]:
    return build_session


@pytest.fixture(scope="session")
def generate() -> Callable[..., Session]:
    """``benchmarks.orgs.generate_organisation``: realistic maps of any size."""
    return generate_organisation
