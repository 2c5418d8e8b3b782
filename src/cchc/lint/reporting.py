"""L604–L605: a periodic reporting obligation with no recipient, or with no deadline.

The extracted obligations (``Facts.reporting``) say who reports, to whom and by when when
the sentence names them. Extraction finds recipients among known agency names only, so
before a missing recipient is reported the sentence is read once more for any capitalised
name after "gửi", "báo cáo", "về", "cho" ("gửi về Ủy viên thường trực"); a report routed
"qua Sở Nội vụ" has its recipient in the channel. Ad hoc reports ("khi có yêu cầu") need
neither: whoever asks receives them, when asked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cchc.graph.model import ReportingObligation
from cchc.lint.context import LintContext
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check


@cache
def _hints() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    cues = data("cues.json")
    return [re.compile(p) for p in cues["report_recipient_hints"]], re.compile(cues["report_deadline_hints"])


def period_label(period: str | None) -> str:
    return data("cues.json")["period_labels"].get(period or "", "định kỳ")


def reporting_problems(duty: ReportingObligation, surroundings: str = "") -> Iterator[tuple[str, dict[str, object]]]:
    """(rule id, fields) for what a periodic obligation leaves out.

    ``surroundings``: the rest of its provision and the lead-in above it, where a drafter
    often states the recipient or the deadline once for several reports."""
    if duty.period not in data("cues.json")["periodic"]:
        return
    recipients, deadline = _hints()
    fields = {"period": period_label(duty.period)}
    text = f"{duty.text}\n{surroundings}"
    if not duty.recipient and not duty.channel and not any(p.search(text) for p in recipients):
        yield "L604", fields
    if not duty.deadline_rule and not deadline.search(text):
        yield "L605", fields


@check
def reporting_obligations(ctx: LintContext) -> Iterator[Finding]:
    for duty in ctx.facts.reporting:
        part, local = ctx.split(duty.provision)
        provision = part.provisions.get(local)
        parent = part.provisions.get(part.parents.get(local) or "")
        surroundings = "\n".join(p.text for p in (provision, parent) if p is not None)
        for rule_id, fields in reporting_problems(duty, surroundings):
            yield ctx.finding(rule_id, duty.provision, excerpt=duty.text, **fields)
