"""Errors of the drafting stage, each one a Vietnamese message the CLI prints as one line.

They subclass ``cchc.errors.CchcError`` so the command line reports them without a
traceback and with a non-zero exit status, like every other domain error.
"""

from __future__ import annotations

from cchc.errors import CchcError


class ProfileError(CchcError):
    """A unit profile that cannot be used: every problem found is listed, not just the first."""

    exit_code = 2

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        listed = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}: hồ sơ đơn vị không hợp lệ ({len(problems)} lỗi):\n{listed}")


class TemplateError(CchcError):
    """A template that does not render: names the template file and the line."""

    exit_code = 7

    def __init__(self, template: str, line: int | None, problem: str) -> None:
        self.template = template
        self.line = line
        where = f"{template}, dòng {line}" if line else template
        super().__init__(f"mẫu {where}: {problem}")


class DraftError(CchcError):
    """A draft that cannot be made from what was given (unknown kind, missing content…)."""

    exit_code = 7
