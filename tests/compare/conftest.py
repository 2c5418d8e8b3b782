"""A store with the sample corpus, shared by the compare tests of one module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app
from cchc.graph.store.embedded import EmbeddedStore

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store holding the five sample documents, ingested through the CLI."""
    directory = tmp_path_factory.mktemp("compare") / "store"
    result = CliRunner().invoke(app, ["ingest", "--store", str(directory), str(CORPUS)])
    assert result.exit_code == 0, result.output
    return directory


@pytest.fixture
def store(store_dir: Path) -> Iterator[EmbeddedStore]:
    """The store opened for one test (closed after, so CLI calls can open it again)."""
    opened = EmbeddedStore(store_dir)
    yield opened
    opened.close()
