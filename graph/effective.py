"""When a text enters into force, and until when, read from its own clause.

"Quyết định này có hiệu lực thi hành kể từ ngày ký" starts on the day it is signed; "…
kể từ ngày 01 tháng 12 năm 2025" on that day; "… đến ngày 31/12/2026" says when it ends.
Together with what replaced it, this is the document's in-force interval in the graph
(ELI ``first_date_entry_in_force``, ``date_no_longer_in_force``), which the point-in-time
queries read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache

from cchc.graph.bases import date_in
from cchc.graph.kinds import expanded
from cchc.resources import read_text


@dataclass(frozen=True)
class InForce:
    start: dt.date | None
    end: dt.date | None = None


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = expanded(json.loads(read_text("cchc.graph", "data/in_force.json")))
    return re.compile(raw["clause"]), re.compile(raw["signing"]), re.compile(raw["until"])


def in_force(text: str, issued: dt.date | None) -> InForce | None:
    """The interval its own clause gives a text issued on ``issued``; None without one."""
    clause, signing, until = _patterns()
    match = clause.search(text)
    if not match:
        return None
    rest = match.group(1)
    start = issued if signing.match(rest) else date_in("ngày " + rest)
    end_match = until.search(rest)
    end = date_in("ngày " + end_match.group(1)) if end_match else None
    return InForce(start, end) if start or end else None
