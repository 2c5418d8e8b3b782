"""Defects a drafter or a reviewing Sở Nội vụ would want fixed (``cchc lint FILE|UNIT``).

``lint_file`` analyses one file and runs the document checks (one module per rule family:
ratings, references, citations, numbering, blanks, duties, reporting, agencies);
``lint_unit`` asks the graph store about every document of an administrative unit. Rule
metadata and the data the rules match live in the JSON files of this package.
"""

from __future__ import annotations

from cchc.lint.findings import SEVERITIES, SEVERITY_LABELS, Finding, Rule, rules
from cchc.lint.run import LintReport, lint_document, lint_file

__all__ = ["SEVERITIES", "SEVERITY_LABELS", "Finding", "LintReport", "Rule", "lint_document", "lint_file", "lint_unit", "rules"]


def __getattr__(name: str):
    if name == "lint_unit":  # the graph side needs the store and query modules: load on demand
        from cchc.lint.unit import lint_unit

        return lint_unit
    raise AttributeError(name)
