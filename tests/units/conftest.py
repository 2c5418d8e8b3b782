"""The tests of units over time read the shared sample store (tests/conftest.py), as text."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def sample_store_path(sample_store: Path) -> str:
    return str(sample_store)
