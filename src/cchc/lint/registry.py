"""The document checks, one module per rule family, each a function (context) → findings.

A family module registers its checks with ``@check`` when imported; ``document_checks``
imports every family listed here, so adding a family is one file and one name.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from cchc.lint.context import LintContext
from cchc.lint.findings import Finding

DocumentCheck = Callable[[LintContext], Iterable[Finding]]
FAMILIES = ("ratings", "references", "citations", "bases", "numbering", "blanks", "duties", "roles", "reporting", "agencies")
_CHECKS: dict[str, DocumentCheck] = {}


def check(function: DocumentCheck) -> DocumentCheck:
    """Register a document check (idempotent: re-importing a module adds nothing)."""
    _CHECKS[f"{function.__module__}.{function.__name__}"] = function
    return function


def document_checks() -> list[DocumentCheck]:
    for family in FAMILIES:
        importlib.import_module(f"cchc.lint.{family}")
    return list(_CHECKS.values())
