"""L501–L504: what a text leaves to be filled in.

A number or a date left blank in a text that has been promulgated (L501, L502); a
"[cần bổ sung: …]" that ``cchc draft`` writes where it had nothing to say (L503); a chương,
điều or mục with a heading and nothing under it (L504). The last two hold for drafts too:
they are what a drafter must still write.

Drafts leave "Số: /QĐ-UBND" and "ngày … tháng … năm 2025" for the clerk to fill in when the
text is signed; a promulgated text must not. A text that calls itself a draft ("DỰ THẢO"
in its header) is therefore exempt. Every line of the file is read, the header included,
since the document's own number and date live there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from cchc.graph.structure import clean
from cchc.lint.context import LintContext, Part
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check
from cchc.lint.text import excerpt


@cache
def _patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]], re.Pattern[str], re.Pattern[str]]:
    cues = data("cues.json")
    return (
        re.compile(cues["blank_number"]),
        [re.compile(p) for p in cues["blank_dates"]],
        re.compile(cues["draft_marker"], re.IGNORECASE),
        re.compile(cues["placeholder"]),
    )


def is_draft(ctx: LintContext) -> bool:
    """A text not yet promulgated: marked "DỰ THẢO" ("Dự thảo lần 2", "(Dự thảo)") near its
    top, or whose own header leaves its number blank ("Số:      /QĐ-UBND"): a signed text
    always carries its number there, so only its attached texts can have been left blank."""
    number, _, marker, _ = _patterns()
    limit = data("cues.json")["draft_marker_lines"]
    lines = ctx.parsed.source.lines
    first = min((p.span.line for p in ctx.parts[0].provisions.values()), default=len(lines) + 1)
    for line in (clean(text) for text in lines[: min(limit, first - 1)]):
        if line and (marker.match(line) or (re.match(r"(?i)^số\b", line) and number.match(line))):
            return True
    starts = [a.body[0].span.line - 12 for a in ctx.parsed.attachments if a.body]
    for start in starts:
        window = [clean(line) for line in lines[max(start - 1, 0) : start - 1 + limit]]
        if any(marker.match(line) for line in window if line):
            return True
    return False


def _part_starts(ctx: LintContext) -> list[int]:
    """The first source line of each part: an attached text starts a few lines above its
    "(Ban hành kèm theo …)" line (its kind and trích yếu), else above its first provision."""
    starts = [1]
    for part in ctx.parts[1:]:
        cited = part.doc.metadata.promulgated_by
        anchor = ctx.line_of(cited.text, starts[-1]) if cited else None
        first = min((p.span.line for p in part.provisions.values()), default=None)
        starts.append(max(starts[-1], (anchor or first or starts[-1]) - 6))
    return starts


def _place(ctx: LintContext, starts: list[int], line: int) -> tuple[Part, str | None]:
    """The part and provision holding a source line (None: the part's header)."""
    owner = ctx.parts[max(i for i, start in enumerate(starts) if start <= line)]
    holder = [eid for start, eid in sorted((p.span.line, p.eid) for p in owner.provisions.values()) if start <= line]
    return owner, holder[-1] if holder else None


@check
def blank_numbers_and_dates(ctx: LintContext) -> Iterator[Finding]:
    if is_draft(ctx):
        ctx.notes.append("Văn bản là dự thảo (ghi “Dự thảo” hoặc chưa có số ở phần đầu): không kiểm tra số, ngày để trống.")
        return
    number, dates, _, placeholder = _patterns()
    starts = _part_starts(ctx)
    for index, raw in enumerate(ctx.parsed.source.lines, start=1):
        line = clean(raw)
        if not line or placeholder.search(line):
            continue  # "…, ngày … tháng … năm ……": a line of a form, blank on purpose
        found: list[tuple[str, re.Match[str]]] = [("L501", m) for m in number.finditer(line)]
        covered: list[tuple[int, int]] = []
        for pattern in dates:
            for match in pattern.finditer(line):
                if not any(start <= match.start() < end for start, end in covered):
                    covered.append(match.span())
                    found.append(("L502", match))
        for rule_id, match in found:
            part, eid = _place(ctx, starts, index)
            if part.template:
                continue
            blank = " ".join(match.group(0).split())
            yield ctx.finding(rule_id, eid, part=part, excerpt=excerpt(line, match.start(), match.end(), 160), line=index, blank=blank)


_UNITS = {"chapter": "Chương", "article": "Điều", "section": "Mục", "part": "Phần"}


@check
def to_be_completed(ctx: LintContext) -> Iterator[Finding]:
    marker = re.compile(data("cues.json")["to_be_completed"])
    starts = _part_starts(ctx)
    for index, raw in enumerate(ctx.parsed.source.lines, start=1):
        line = clean(raw)
        for match in marker.finditer(line):
            part, eid = _place(ctx, starts, index)
            yield ctx.finding("L503", eid, part=part, excerpt=excerpt(line, match.start(), match.end(), 160), line=index,
                              marker=match.group(0))


@check
def empty_provisions(ctx: LintContext) -> Iterator[Finding]:
    lines = ctx.parsed.source.lines
    for part in ctx.parts:
        if part.template:
            continue
        ordered = sorted(part.provisions.values(), key=lambda p: p.span.line)
        for index, provision in enumerate(ordered):
            unit, heading = _UNITS.get(provision.kind), provision.heading.rstrip()
            if not unit or not _is_title(heading) or provision.text.strip() or provision.children:
                continue
            following = ordered[index + 1] if index + 1 < len(ordered) else None
            if following is not None and following.kind not in _UNITS:
                continue  # its khoản were read on their own
            end = following.span.line - 1 if following is not None else len(lines)
            if any(clean(line) for line in lines[provision.span.line : end]):
                continue
            yield ctx.finding("L504", provision.eid, part=part, excerpt=heading[:200], line=provision.span.line,
                              unit=unit, unit_lower=unit.lower(), heading=heading)


def _is_title(heading: str) -> bool:
    """A title ("Tổ chức thực hiện"), not the sentence of an untitled article, which
    ends like a sentence or runs long (a file cut off mid-sentence)."""
    return bool(heading) and heading[-1] not in ".;:!?…" and len(heading.split()) <= 25
