"""Lint one file: read, parse and extract it (``cchc.graph.pipeline.analyse``), run every check.

The same call serves the command line, tests and other programs; nothing is printed and
nothing is stored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cchc.graph.model import Facts, ParsedDocument
from cchc.graph.pipeline import analyse
from cchc.lint.context import LintContext
from cchc.lint.findings import Finding, sort_key
from cchc.lint.registry import document_checks


@dataclass(frozen=True)
class LintReport:
    """The findings for one file or one unit, and the date time-dependent rules used."""

    target: str
    findings: tuple[Finding, ...]
    date: dt.date | None = None
    date_basis: str = ""
    notes: tuple[str, ...] = field(default=())

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts


def lint_document(parsed: ParsedDocument, facts: Facts, as_of: dt.date | None = None) -> LintReport:
    """Every document check on an analysed file (with its attached texts)."""
    ctx = LintContext(parsed, facts, as_of)
    found: dict[tuple, Finding] = {}
    for document_check in document_checks():
        for finding in document_check(ctx):
            found.setdefault((finding.rule, finding.provision, finding.line, finding.message), finding)
    return LintReport(parsed.source.name, tuple(sorted(found.values(), key=sort_key)), ctx.date, ctx.date_basis, tuple(ctx.notes))


def lint_file(path: Path | str, encoding: str | None = None, as_of: dt.date | None = None) -> LintReport:
    """Read, parse, extract and lint one file; unreadable input raises ``InputFileError``."""
    parsed, facts = analyse(path, encoding)
    return lint_document(parsed, facts, as_of)
