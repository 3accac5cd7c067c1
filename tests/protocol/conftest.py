"""Fixtures of the protocol tests: sessions to export."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from workshop_app.domain import Session

from .helpers import build_session

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def hostile_session() -> Callable[[str], Session]:
    return build_session


@pytest.fixture(scope="session")
def generate() -> Callable[..., Session]:
    """``benchmarks.orgs.generate_organisation``: realistic maps of any size."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    from benchmarks.orgs import generate_organisation

    return generate_organisation
