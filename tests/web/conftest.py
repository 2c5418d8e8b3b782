"""The web app on a module's copy of the sample store, reached as http://127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from starlette.testclient import TestClient

from cchc.web import create_app

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(sample_store: Path) -> TestClient:
    return TestClient(create_app(sample_store), base_url=BASE)
