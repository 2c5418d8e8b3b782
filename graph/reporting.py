"""Reporting obligations: who reports, to whom, how often, by when and through what.

A sentence that says "báo cáo" and names a period or a deadline is an obligation. The
deadline is kept as written and, where it names a day ("chậm nhất ngày 05 của các tháng 3,
6, 9, 12", "ngày 16 của tháng cuối quý", "chậm nhất ngày 15/11 hằng năm"), also as a day and a
month within the period, so calendars can resolve it to dates. A rule may name several dates
("trước ngày 01/6 và 15/11") or count from an event ("10 ngày làm việc kể từ ngày nhận được
văn bản"); the graph holds one day per rule, so ``explicit_dates`` and ``relative_anchor``
read the rule as written again for the calendar. Cues live in ``data/reporting.json``.
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
    dates_numeric: re.Pattern[str]
    dates_in_words: re.Pattern[str]
    relative: re.Pattern[str]
    matter_subject: re.Pattern[str]
    matter: re.Pattern[str]
    matter_end: re.Pattern[str]
    generic_reporter: re.Pattern[str]
    generic_recipient: re.Pattern[str]
    member_of: re.Pattern[str]
    provision_subject: re.Pattern[str]
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
        c(raw["dates_numeric"]),
        c(raw["dates_in_words"]),
        c(raw["relative"]),
        c(raw["matter_subject"]),
        c(raw["matter"]),
        c(raw["matter_end"]),
        c(raw["generic_reporter"]),
        c(raw["generic_recipient"]),
        c(raw["member_of"]),
        c(raw["provision_subject"]),
        c(raw["recipient"], 0),
        c(raw["recipient_end"], 0),
        c(raw["channel"], 0),
    )


def _period(sentence: str) -> str | None:
    for name, pattern in _cues().periods:
        if name != "ad_hoc" and pattern.search(sentence):
            return name
    return "ad_hoc" if _cues().periods[0][1].search(sentence) else None


@dataclass(frozen=True)
class DeadlineDate:
    """A day and month a rule names; ``year`` only when the rule writes one (a one-off)."""

    day: int
    month: int
    year: int | None = None


def explicit_dates(rule: str) -> tuple[DeadlineDate, ...]:
    """Every day-and-month ``rule`` writes, in order: "trước ngày 01/6 và 15/11" gives two,
    "ngày 05 của các tháng 3, tháng 6" one per month. Empty when it names no month (then
    the period decides: "ngày 16 của tháng cuối quý"), or counts from an event."""
    cues = _cues()
    if relative_anchor(rule):
        return ()
    found: list[tuple[int, DeadlineDate]] = []
    for match in cues.dates_numeric.finditer(rule):
        day, month = int(match.group(1)), int(match.group(2))
        found.append((match.start(), DeadlineDate(day, month, int(match.group(3)) if match.group(3) else None)))
    for match in cues.dates_in_words.finditer(rule):
        year = int(match.group(3)) if match.group(3) else None
        for month in re.findall(r"\d{1,2}", match.group(2)):
            found.append((match.start(), DeadlineDate(int(match.group(1)), int(month), year)))
    dates: list[DeadlineDate] = []
    for _, date in sorted(found, key=lambda pair: pair[0]):
        if 1 <= date.day <= 31 and 1 <= date.month <= 12 and date not in dates:
            dates.append(date)
    # "ngày 20 tháng 6 và ngày 20 tháng 12 năm 2026": the year written last is every date's
    years = {d.year for d in dates} - {None}
    if len(years) == 1:
        dates = [replace(d, year=d.year or next(iter(years))) for d in dates]
    return tuple(dates)


def relative_anchor(rule: str) -> str | None:
    """What a deadline is counted from ("ngày nhận được văn bản", "ngày họp", "kết thúc
    tháng"), or None when it is a date of its own: such a deadline has no day to put on a
    calendar, and guessing one would mislead."""
    match = _cues().relative.search(rule)
    if match is None:
        return None
    return next(group for group in match.groups() if group).strip()


def reported_matter(sentence: str) -> str | None:
    """What a sentence says is reported ("tình hình thực hiện nhiệm vụ cải cách hành
    chính"), so a calendar row names the report and not only its sender; None when it
    only says "báo cáo"."""
    cues = _cues()
    match = cues.matter_subject.search(sentence) or cues.matter.search(sentence)
    if match is None:
        return None
    matter = cues.matter_end.sub("", match.group(1)).strip(" ,-–:")
    return matter or None


def generic_parties(sentence: str) -> tuple[str | None, str | None]:
    """(sender, recipient) named by a collective noun rather than an agency: "Các cơ quan,
    đơn vị gửi báo cáo …", "… báo cáo cấp có thẩm quyền". Extraction leaves these out of
    the agencies; a calendar still shows them, since that is all the text says."""
    cues = _cues()
    trigger = cues.trigger.search(sentence)
    at = trigger.start() if trigger else len(sentence)
    sender = cues.generic_reporter.search(sentence[:at])
    recipient = cues.generic_recipient.search(sentence[at:]) if trigger else None

    def capital(text: str) -> str:
        return text[0].upper() + text[1:]

    return (capital(sender.group(1)) if sender else None, recipient.group(1) if recipient else None)


def deadline_rule(sentence: str) -> str | None:
    """The deadline a sentence writes ("chậm nhất ngày 16 của tháng cuối quý"), as written:
    a meeting rule ("họp vào ngày 25 hằng tháng") is read with the cues of a report's."""
    match = _cues().deadline.search(sentence)
    return match.group(1).strip() if match else None


def timing(rule: str, period: str | None) -> tuple[int | None, int | None]:
    """(day of month, month within the period) that ``rule`` names, as an obligation keeps them."""
    cues = _cues()
    day = cues.day.search(rule)
    fixed = day and not cues.days_before.search(rule) and not relative_anchor(rule)
    return (int(day.group(1)) if day and fixed else None, _month_in_period(rule, period))


def provision_addressees(text: str) -> str | None:
    """Whom a provision addresses, as written at its opening ("Thủ trưởng các Phòng, ban
    ngành huyện, …, Chủ tịch UBND các xã, thị trấn"), when that opening is a body or a
    collective noun: a report in a later clause of the provision is theirs."""
    cues = _cues()
    match = cues.provision_subject.search(text)
    if match is None:
        return None
    subject = match.group(1).strip(" ,")
    mentions = find_mentions(subject)
    if (mentions and mentions[0].start == 0) or cues.generic_reporter.match(subject):
        return subject[0].upper() + subject[1:]
    return None


def _month_in_period(deadline: str, period: str | None) -> int | None:
    cues = _cues()
    dates = explicit_dates(deadline)
    if dates and period in _PERIOD_MONTHS:  # "chậm nhất ngày 15/11 hằng năm": November
        return (dates[0].month - 1) % _PERIOD_MONTHS[period] + 1
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
    trigger = cues.trigger.search(sentence)
    if not trigger:
        return None
    period = _period(sentence)
    deadline_match = cues.deadline.search(sentence)
    if period is None and deadline_match is None:
        return None
    deadline = deadline_match.group(1).strip() if deadline_match else None
    day, month_in_period = timing(deadline, period) if deadline else (None, None)
    opening = sentence[: trigger.start()]
    before = find_mentions(opening)
    sender = before[0].name if before else reporter
    if before and (member := cues.member_of.search(opening[: before[0].start])):
        sender = f"{member.group(1).capitalize()} {sender}"  # the members, not their body
    recipient_at = cues.recipient.search(sentence)
    recipients = find_mentions(sentence[recipient_at.end() :], addressed=True) if recipient_at else []
    if not recipients:  # "báo cáo Ban Chỉ đạo …": the object of the verb is the recipient
        after = sentence[trigger.end() :]
        recipients = [m for m in find_mentions(after, addressed=True) if m.start <= 1]
    channel = cues.channel.search(sentence)
    # "báo cáo Trưởng Ban Chỉ đạo kết quả thực hiện": what is reported follows the
    # recipient, and a name may run on into it.
    recipient = cues.recipient_end.sub("", recipients[0].name) if recipients else None
    return ReportingObligation(
        reporter=sender,
        recipient=recipient or None,
        period=period,
        deadline_rule=deadline,
        deadline_day=day,
        deadline_month_in_period=month_in_period,
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
