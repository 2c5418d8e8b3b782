"""A cheap necessary test before a regular expression scans a long text.

Python's ``re`` has no fast path for a case-insensitive literal: ``\\bbáo cáo\\b`` walks the
whole of every provision. Most rule patterns that gate a reader (a meeting's "họp", a
report's "báo cáo", an index's "chỉ số") are one word between boundaries, and that word
must occur in the lower-cased text for the pattern to match anywhere, so a substring test
in C rules out most provisions at once.
"""

from __future__ import annotations

import re
from functools import cache


@cache
def literal(pattern: re.Pattern[str]) -> str | None:
    """The lower-case literal a ``\\bword\\b`` pattern is made of, else None."""
    body = pattern.pattern
    if body.startswith(r"\b") and body.endswith(r"\b"):
        body = body[2:-2]
    return body.lower() if body and re.escape(body).replace("\\ ", " ") == body else None


def may_hold(pattern: re.Pattern[str], text: str, lowered: str) -> bool:
    """False only when ``pattern`` cannot match ``text`` (``lowered`` is its lower case)."""
    needed = literal(pattern)
    return needed in lowered if needed is not None else pattern.search(text) is not None
