"""Read the YAML data files of the drafting stage (conventions, default duties)."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from cchc.resources import read_text


@cache
def data(name: str) -> Any:
    return yaml.safe_load(read_text("cchc.generators", f"data/{name}.yaml"))
