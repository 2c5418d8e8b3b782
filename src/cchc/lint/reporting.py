"""L604–L605: a periodic reporting obligation with no recipient, or with no deadline;
L608: a report sent to the wrong level.

The extracted obligations (``Facts.reporting``) say who reports, to whom and by when when
the sentence names them. Extraction finds recipients among known agency names only, so
before a missing recipient is reported the sentence is read once more for any capitalised
name after "gửi", "báo cáo", "về", "cho" ("gửi về Ủy viên thường trực"); a report routed
"qua Sở Nội vụ" has its recipient in the channel. Ad hoc reports ("khi có yêu cầu") need
neither: whoever asks receives them, when asked.

A report goes up, or across to the body that collects it: a committee (Ủy ban nhân dân)
reports to its own council or a higher level, never to a specialised office ("Phòng …"),
which advises it; nobody reports to a lower level, or to a level abolished at the
document's date (the district level from 1 July 2025). Levels are read from the names
(``cues.json``: ``report_levels``); a name that does not say its level is not judged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache
from typing import TypedDict

from cchc.graph.model import ReportingObligation
from cchc.graph.normalize import match_key
from cchc.lint.context import LintContext
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check


@cache
def _hints() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    cues = data("cues.json")
    return [re.compile(p) for p in cues["report_recipient_hints"]], re.compile(cues["report_deadline_hints"])


def period_label(period: str | None) -> str:
    return data("cues.json")["period_labels"].get(period or "", "định kỳ")


class ReportingFields(TypedDict):
    """The message fields of rules L604 and L605."""

    period: str


def reporting_problems(duty: ReportingObligation, surroundings: str = "") -> Iterator[tuple[str, ReportingFields]]:
    """(rule id, fields) for what a periodic obligation leaves out.

    ``surroundings``: the rest of its provision and the lead-in above it, where a drafter
    often states the recipient or the deadline once for several reports."""
    if duty.period not in data("cues.json")["periodic"]:
        return
    recipients, deadline = _hints()
    fields: ReportingFields = {"period": period_label(duty.period)}
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


@cache
def _levels() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str], re.Pattern[str], dict[str, dt.date]]:
    cues = data("cues.json")["report_levels"]
    return (
        tuple((name, re.compile(pattern)) for name, pattern in cues["levels"]),
        re.compile(cues["committee"]),
        re.compile(cues["office"]),
        {name: dt.date.fromisoformat(day) for name, day in cues["abolished"].items()},
    )


def level_of(name: str) -> tuple[int, str] | None:
    """(rank, level name), rank 0 the highest, for a name that says its level."""
    levels, _, _, _ = _levels()
    key = match_key(name)
    return next(((rank, level) for rank, (level, pattern) in enumerate(levels) if pattern.search(key)), None)


def wrong_level(reporter: str, recipient: str, when: dt.date | None) -> tuple[str, str] | None:
    """(what is wrong, where the report should go) when ``reporter`` may not report to
    ``recipient``."""
    _, committee, office, abolished = _levels()
    sender, receiver = level_of(reporter), level_of(recipient)
    if committee.search(match_key(reporter)) and office.search(match_key(recipient)):
        return "Ủy ban nhân dân không báo cáo cơ quan chuyên môn tham mưu cho mình", "cấp trên trực tiếp"
    if sender is None or receiver is None:
        return None
    end = abolished.get(receiver[1])
    if end is not None and when is not None and when >= end:
        return f"cấp {receiver[1]} không còn từ ngày {end:%d/%m/%Y}", "cấp trên trực tiếp đang tồn tại (cấp tỉnh)"
    if receiver[0] > sender[0]:
        return "báo cáo gửi cấp dưới", "cấp trên hoặc cơ quan tổng hợp cùng cấp"
    return None


@check
def reports_to_the_right_level(ctx: LintContext) -> Iterator[Finding]:
    for duty in ctx.facts.reporting:
        if not duty.reporter or not duty.recipient:
            continue
        found = wrong_level(duty.reporter, duty.recipient, ctx.date)
        if found is None:
            continue
        problem, expected = found
        sender, receiver = level_of(duty.reporter), level_of(duty.recipient)
        yield ctx.finding("L608", duty.provision, excerpt=duty.text, reporter=duty.reporter, recipient=duty.recipient,
                          reporter_level=f"cấp {sender[1]}" if sender else "không rõ cấp",
                          recipient_level=f"cấp {receiver[1]}" if receiver else "cơ quan chuyên môn",
                          problem=problem, expected=expected)
