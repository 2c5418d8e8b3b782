"""One store of the five samples for the tests of units over time: read, never written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc.cli.app import app

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="package")
def sample_store(tmp_path_factory) -> str:
    location = str(tmp_path_factory.mktemp("samples") / "store")
    result = CliRunner().invoke(app, ["ingest", "--store", location, str(CORPUS)])
    assert result.exit_code == 0, result.output
    return location
