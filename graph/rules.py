"""Extraction rules kept as data: one rule per line of a JSONL file, each with an id.

The layout follows spaCy's EntityRuler pattern files: a line is one JSON object with
``id``, ``stage``, ``pattern``, ``flags`` and ``note``. Rules are checked when the file is
first read, so a missing key or a regex that does not compile is reported as a one-line
error naming the data file and line, never blamed on the document being read. The id
of the rule that produced a fact travels with the fact (``cchc facts --explain``, PROV in
the graph), so a wrong fact can be traced to the line that made it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from cchc.errors import ResourceMissingError
from cchc.graph.kinds import expand
from cchc.graph.literals import literal
from cchc.resources import read_text

_REQUIRED = ("id", "stage", "pattern")
_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL}


class RuleFileError(ResourceMissingError):
    """A rule file of the package is malformed: the package, not the user's input, is wrong."""

    def __init__(self, file: str, line: int, problem: str) -> None:
        super().__init__(f"{file}, dòng {line}: quy tắc không hợp lệ ({problem})")


@dataclass(frozen=True)
class Rule:
    id: str
    stage: str
    pattern: re.Pattern[str]
    note: str = ""
    requires: str | None = None  # lower-case words every match holds: a cheap test first


def parse_rules(text: str, file: str) -> dict[str, Rule]:
    """The rules of one JSONL text by id; raises ``RuleFileError`` at the first bad line."""
    rules: dict[str, Rule] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as error:
            raise RuleFileError(file, number, f"JSON: {error.msg}") from None
        if not isinstance(raw, dict):
            raise RuleFileError(file, number, "mỗi dòng phải là một đối tượng JSON")
        missing = [key for key in _REQUIRED if not isinstance(raw.get(key), str) or not raw[key]]
        if missing:
            raise RuleFileError(file, number, "thiếu khóa " + ", ".join(missing))
        if raw["id"] in rules:
            raise RuleFileError(file, number, f"mã {raw['id']} bị trùng")
        flags = 0
        for flag in raw.get("flags", ""):
            if flag not in _FLAGS:
                raise RuleFileError(file, number, f"cờ {flag!r} không được hỗ trợ")
            flags |= _FLAGS[flag]
        try:
            pattern = re.compile(expand(raw["pattern"]), flags)
        except re.error as error:
            raise RuleFileError(file, number, f"biểu thức chính quy: {error}") from None
        requires = raw.get("requires")
        if requires is not None and (not isinstance(requires, str) or not requires or requires != requires.lower()):
            raise RuleFileError(file, number, "khóa requires phải là chuỗi chữ thường")
        rules[raw["id"]] = Rule(raw["id"], raw["stage"], pattern, raw.get("note", ""), requires or literal(pattern))
    return rules


@cache
def rules(file: str = "data/duty_rules.jsonl") -> dict[str, Rule]:
    return parse_rules(read_text("cchc.graph", file), f"cchc/graph/{file}")


@cache
def rule(rule_id: str) -> re.Pattern[str]:
    """The compiled pattern of one rule of the duty grammar."""
    return rules()[rule_id].pattern


def search(rule_id: str, text: str, lowered: str | None = None) -> re.Match[str] | None:
    """``rule(rule_id).search(text)``, skipped when ``text`` (``lowered``: its lower case)
    lacks the words the rule requires: most duty units never name a closing formula."""
    found = rules()[rule_id]
    if found.requires is not None and found.requires not in (text.lower() if lowered is None else lowered):
        return None
    return found.pattern.search(text)


def match_at(rule_id: str, text: str, pos: int) -> int | None:
    """Where rule ``rule_id`` matched from ``pos`` ends, or None. Rules are written
    anchored ("^…"), and ``Pattern.match(text, pos)`` would not let "^" match at ``pos``."""
    found = rule(rule_id).match(text[pos:])
    return pos + found.end() if found else None
