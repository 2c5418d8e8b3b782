"""What a lint run reports: one ``Finding`` per defect, described by a rule of ``rules.json``.

Rule metadata (id, name, severity, the Vietnamese message and fix templates) is data, so a
reviewer can reword a message or demote a rule without touching the checks; a check only
supplies the fields its templates name.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import cache

from cchc.errors import ResourceMissingError
from cchc.graph.kinds import expanded
from cchc.resources import read_text

SEVERITIES = ("error", "warning", "info")
SEVERITY_LABELS = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Lưu ý"}
PACKAGE = "cchc.lint"


@dataclass(frozen=True)
class Rule:
    id: str  # "L101"
    name: str  # "rating-inverted"
    family: str  # the module that checks it
    severity: str  # error | warning | info
    title: str  # what the rule looks for, in Vietnamese
    message: str  # str.format template
    fix: str  # str.format template


@dataclass(frozen=True)
class Finding:
    """One defect, where it is, what is wrong and how to mend it.

    ``provision`` is the eid in the form the facts use (``att_1/art_12__para_2`` for the
    first attached text; ``<document>#<eid>`` in a unit's report), None for the header or
    the whole document; ``label`` says the
    same for people ("Quy định kèm theo, Điều 12 khoản 2"); ``excerpt`` is the source text
    as written.
    """

    rule: str
    name: str
    severity: str
    source: str  # file name, or the unit for a graph lint
    provision: str | None
    label: str
    line: int | None
    message: str
    fix: str
    excerpt: str = ""

    def as_dict(self) -> dict[str, str | int | None]:
        return asdict(self)


@cache
def rules() -> dict[str, Rule]:
    """Every rule by id, from the packaged ``rules.json``."""
    raw = json.loads(read_text(PACKAGE, "rules.json"))
    found = {}
    for entry in raw["rules"]:
        rule = Rule(**entry)
        if rule.severity not in SEVERITIES:
            raise ResourceMissingError(f"rules.json: quy tắc {rule.id} có mức độ không hợp lệ {rule.severity!r}")
        found[rule.id] = rule
    return found


@cache
def data(name: str) -> dict:
    """A packaged JSON data file of ``cchc.lint`` (cues, agency changes), its ``{instrument}``
    placeholders filled with the document kinds of the vocabulary (``cchc.graph.kinds``)."""
    return expanded(json.loads(read_text(PACKAGE, name)))


def make(rule_id: str, *, source: str, provision: str | None, label: str, line: int | None, excerpt: str = "", **fields: object) -> Finding:
    """A finding of rule ``rule_id`` with its message and fix filled from ``fields``."""
    rule = rules()[rule_id]
    values = {key: _shown(value) for key, value in fields.items()}
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=rule.severity,
        source=source,
        provision=provision,
        label=label,
        line=line,
        message=rule.message.format(**values),
        fix=rule.fix.format(**values),
        excerpt=" ".join(excerpt.split()),
    )


def _shown(value: object) -> object:
    """Percentages and scores as people write them: 90, not 90.0; 2,5 not 2.5."""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return value


def sort_key(finding: Finding) -> tuple:
    return (finding.source, finding.line if finding.line is not None else 10**9, finding.rule, finding.label)
