"""Task tables (STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm).

A table row line has cells joined by " | " (every reader writes tables so). A header row
is recognised by its cells (``data/tasks.json``); the rows after it with the same number
of cells are tasks, until the next header. Each task also yields its lead
(chủ trì) and coordinators (phối hợp) as assignments in the area of its content.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from cchc.graph.agencies import find_mentions
from cchc.graph.model import ParsedDocument, PlanTask
from cchc.resources import read_text


@dataclass(frozen=True)
class _Cues:
    columns: dict[str, re.Pattern[str]]
    split: re.Pattern[str]
    step: re.Pattern[str]
    step_area: str


@cache
def _cues() -> _Cues:
    raw = json.loads(read_text("cchc.graph", "data/tasks.json"))
    return _Cues(
        {k: re.compile(v, re.IGNORECASE) for k, v in raw["columns"].items()},
        re.compile(raw["split"]),
        re.compile(raw["step"], re.IGNORECASE),
        raw["step_area"],
    )


def step_area() -> str:
    """The reform area of every step of a published procedure."""
    return _cues().step_area


def _header(cells: list[str]) -> dict[str, int] | None:
    """Column index of each role, when the cells are a task-table header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        for role, pattern in _cues().columns.items():
            if role not in roles and pattern.search(cell.strip()):
                roles[role] = index
                break
    return roles if "content" in roles and "lead" in roles else None


def _partners(cell: str | None) -> tuple[str, ...]:
    """ "Sở Tư pháp; UBND các xã" and "Sở Khoa học và Công nghệ Sở Công Thương" (a cell's
    paragraphs run together) both give one entry per agency."""
    if not cell:
        return ()
    partners: list[str] = []
    for piece in filter(None, _cues().split.split(cell)):
        named = find_mentions(piece)
        partners.extend(m.name for m in named) if len(named) > 1 else partners.append(piece)
    return tuple(partners)


# A cell separator is a pipe with a blank (or the line's end) on each side; "\|" is a pipe
# inside a cell (Markdown's escape). Cleaning folds " |  | " to " | | ", so the blank
# between two pipes is shared: the lookahead leaves it to the next separator, and an empty
# cell (a task with no coordinators) stays a cell.
_SEPARATOR = re.compile(r"(?:^|(?<=\s))\|(?=\s|$)")


def _cells(line: str) -> list[str] | None:
    if " | " not in line:
        return None
    return [cell.strip().replace("\\|", "|") for cell in _SEPARATOR.split(line)]


def plan_tasks(doc: ParsedDocument, prefix: str = "") -> list[PlanTask]:
    tasks: list[PlanTask] = []
    roles: dict[str, int] | None = None
    width = 0
    # A header holds until the next header: group rows ("I. NÂNG CAO NHẬN THỨC …") between
    # the rows are parsed as headings of their own and must not end the table.
    # Tables may stand before any numbered heading (an annex under "PHỤ LỤC"): the
    # preamble and the closing are read too. Rows may drop their empty trailing cells.
    for provision in doc.every_provision():
        for line in provision.text.split("\n"):
            cells = _cells(line)
            if cells is None:
                continue
            header = _header(cells)
            if header:
                roles, width = header, len(cells)
                continue
            if roles is None or len(cells) > width or len(cells) <= max(roles["content"], roles["lead"]):
                continue
            cells = cells + [""] * (width - len(cells))
            content = cells[roles["content"]]
            lead = cells[roles["lead"]]
            if not content or not lead:
                continue  # a group row such as "| I. Kinh tế số |"

            def cell(role: str, cells: list[str] = cells, roles: dict[str, int] = roles) -> str | None:
                return cells[roles[role]] or None if role in roles else None

            tasks.append(
                PlanTask(
                    content=content,
                    lead=lead,
                    coordinators=_partners(cell("partners")),
                    timeframe=cell("timeframe"),
                    output=cell("output"),
                    provision=prefix + provision.eid,
                    leads=_partners(lead),
                    budget=cell("budget"),
                    step=cells[0] if _cues().step.match(cells[0]) else None,
                )
            )
    return tasks
