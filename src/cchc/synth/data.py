"""Read the synthetic corpus's data files (name pools, agencies, citations, perturbations).

Pools and tables live in ``data/*.yaml`` so that adding a province, an agency spelling or
an abbreviation is an edit to data, reviewed as such, never to code.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from cchc.resources import read_text


@cache
def data(name: str) -> Any:
    """The parsed ``data/<name>.yaml`` of this package (read once per process)."""
    return yaml.safe_load(read_text("cchc.synth", f"data/{name}.yaml"))
