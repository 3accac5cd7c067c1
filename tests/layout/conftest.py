"""Fixtures of the layout tests: generated organisations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from benchmarks.orgs import generate_organisation
from workshop_app.domain import Session


@pytest.fixture(scope="session")
def generate() -> Callable[[int], Session]:
    """``benchmarks.orgs.generate_organisation``: realistic maps of any size."""
    return generate_organisation
