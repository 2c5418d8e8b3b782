"""A store with the sample corpus, shared by the compare tests of one module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.graph.store.embedded import EmbeddedStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def store_dir(sample_store: Path) -> Path:
    """An embedded store holding the five sample documents (the module's copy)."""
    return sample_store


@pytest.fixture
def store(store_dir: Path) -> Iterator[EmbeddedStore]:
    """The store opened for one test (closed after, so CLI calls can open it again)."""
    opened = EmbeddedStore(store_dir)
    yield opened
    opened.close()
