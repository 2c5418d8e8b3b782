"""Reporting obligations: who reports, to whom, how often, by when and through what.

A sentence that says "báo cáo" and names a period or a deadline is an obligation. The
deadline is kept as written and, where it names a day ("chậm nhất ngày 05 của các tháng 3,
6, 9, 12", "ngày 16 của tháng cuối quý"), also as a day and a month within the period, so
calendars can resolve it to dates. Cues live in ``data/reporting.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache

from cchc.graph.agencies import find_mentions
from cchc.graph.literals import may_hold
from cchc.graph.model import ParsedDocument, Provision, ReportingObligation
from cchc.resources import read_text

_PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


@dataclass(frozen=True)
class _Cues:
    trigger: re.Pattern[str]
    periods: tuple[tuple[str, re.Pattern[str]], ...]
    deadline: re.Pattern[str]
    day: re.Pattern[str]
    months: re.Pattern[str]
    last_month: re.Pattern[str]
    days_before: re.Pattern[str]
    recipient: re.Pattern[str]
    recipient_end: re.Pattern[str]
    channel: re.Pattern[str]


@cache
def _cues() -> _Cues:
    raw = json.loads(read_text("cchc.graph", "data/reporting.json"))

    def c(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return _Cues(
        c(raw["trigger"]),
        tuple((name, c(p)) for name, p in raw["periods"]),
        c(raw["deadline"]),
        c(raw["day"]),
        c(raw["months"]),
        c(raw["last_month_of_period"]),
        c(raw["working_days_before"]),
        c(raw["recipient"], 0),
        c(raw["recipient_end"], 0),
        c(raw["channel"], 0),
    )


def _period(sentence: str) -> str | None:
    for name, pattern in _cues().periods:
        if name != "ad_hoc" and pattern.search(sentence):
            return name
    return "ad_hoc" if _cues().periods[0][1].search(sentence) else None


def _month_in_period(deadline: str, period: str | None) -> int | None:
    cues = _cues()
    if cues.last_month.search(deadline):
        return _PERIOD_MONTHS.get(period or "", None)
    months = cues.months.search(deadline)
    if months and period in _PERIOD_MONTHS:
        first = int(months.group(1))
        return (first - 1) % _PERIOD_MONTHS[period] + 1
    return None


def obligation(sentence: str, provision: Provision, reporter: str | None, prefix: str = "") -> ReportingObligation | None:
    """The obligation a sentence states, or None when it states no period and no deadline."""
    cues = _cues()
    if not cues.trigger.search(sentence):
        return None
    period = _period(sentence)
    deadline_match = cues.deadline.search(sentence)
    if period is None and deadline_match is None:
        return None
    deadline = deadline_match.group(1).strip() if deadline_match else None
    day = cues.day.search(deadline) if deadline else None
    before = find_mentions(sentence[: cues.trigger.search(sentence).start()])
    recipient_at = cues.recipient.search(sentence)
    recipients = find_mentions(sentence[recipient_at.end() :], addressed=True) if recipient_at else []
    if not recipients:  # "báo cáo Ban Chỉ đạo …": the object of the verb is the recipient
        after = sentence[cues.trigger.search(sentence).end() :]
        recipients = [m for m in find_mentions(after, addressed=True) if m.start <= 1]
    channel = cues.channel.search(sentence)
    # "báo cáo Trưởng Ban Chỉ đạo kết quả thực hiện": what is reported follows the
    # recipient, and a name may run on into it.
    recipient = cues.recipient_end.sub("", recipients[0].name) if recipients else None
    return ReportingObligation(
        reporter=before[0].name if before else reporter,
        recipient=recipient or None,
        period=period,
        deadline_rule=deadline,
        deadline_day=int(day.group(1)) if day and not cues.days_before.search(deadline or "") else None,
        deadline_month_in_period=_month_in_period(deadline, period) if deadline else None,
        channel=channel.group(1).strip() if channel else None,
        provision=prefix + provision.eid,
        text=sentence,
    )


def reporting_obligations(doc: ParsedDocument, prefix: str = "") -> list[ReportingObligation]:
    found: list[ReportingObligation] = []
    trigger = _cues().trigger
    for provision in doc.provisions():
        if not may_hold(trigger, provision.text, provision.lowered):
            continue  # no "báo cáo" anywhere in it: no obligation, whichever sentence
        previous: ReportingObligation | None = None
        for sentence in provision.sentences():
            duty = obligation(sentence, provision, None, prefix)
            if duty is None:
                continue
            if previous and previous.deadline_rule is None and duty.period is None and duty.deadline_rule:
                # "… báo cáo định kỳ 3 tháng, 6 tháng, 9 tháng, năm. Thời gian báo cáo: chậm
                # nhất ngày 05 …": the deadline completes the obligation just stated.
                duty = replace(
                    previous,
                    deadline_rule=duty.deadline_rule,
                    deadline_day=duty.deadline_day,
                    deadline_month_in_period=_month_in_period(duty.deadline_rule, previous.period),
                    recipient=previous.recipient or duty.recipient,
                    text=f"{previous.text} {duty.text}",
                )
                found[-1] = duty
            else:
                found.append(duty)
            previous = duty
    return found
