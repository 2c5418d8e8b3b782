"""A lint report as JSON, CSV or Markdown text, for programs, spreadsheets and reviews.

The terminal table is drawn by the command (``cchc.cli.lint``); these forms are plain
strings so they can be written to a file, attached to an e-mail or diffed.
"""

from __future__ import annotations

import json

from cchc.generators.tables import markdown_cell
from cchc.generators.tables import to_csv as csv_text
from cchc.lint.findings import SEVERITY_LABELS, Finding
from cchc.lint.run import LintReport

FIELDS = ("rule", "name", "severity", "source", "provision", "label", "line", "message", "fix", "excerpt")
# The spreadsheet's headers, one per field; JSON keeps the field names.
CSV_HEADERS = ("Mã quy tắc", "Tên quy tắc", "Mức độ", "Tệp", "Mã điều khoản", "Vị trí", "Dòng", "Nội dung", "Đề xuất sửa", "Trích đoạn")
HEADERS = ("Mã", "Mức độ", "Vị trí", "Nội dung", "Đề xuất sửa")


def summary(report: LintReport) -> str:
    counts = report.counts()
    counted = f"{counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} lưu ý"
    if report.date is None:
        return f"{counted} — {report.date_basis}"
    when = f"{report.date.day:02d}/{report.date.month:02d}/{report.date.year}"
    return f"{counted} — tên cơ quan được xét theo ngày {when} ({report.date_basis})"


def place(finding: Finding) -> str:
    """Where, with the source line when the label does not already say it."""
    if finding.line is not None and "dòng" not in finding.label:
        return f"{finding.label} (dòng {finding.line})"
    return finding.label


def to_json(report: LintReport) -> str:
    data = {
        "target": report.target,
        "date": report.date.isoformat() if report.date else None,
        "date_basis": report.date_basis,
        "counts": report.counts(),
        "notes": list(report.notes),
        "findings": [finding.as_dict() for finding in report.findings],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_csv(report: LintReport) -> str:
    rows = []
    for finding in report.findings:
        row = finding.as_dict()
        row["severity"] = SEVERITY_LABELS[finding.severity]  # "Lỗi", as the table says
        rows.append(["" if row[key] is None else row[key] for key in FIELDS])
    return csv_text(CSV_HEADERS, rows)


def _cell(text: str) -> str:
    return markdown_cell(" ".join(str(text).split()))


def to_markdown(report: LintReport) -> str:
    lines = [f"# Kết quả kiểm tra: {report.target}", "", summary(report) + ".", ""]
    lines += [f"> {note}" for note in report.notes]
    if report.notes:
        lines.append("")
    if not report.findings:
        return "\n".join([*lines, "Không phát hiện lỗi nào.", ""])
    lines.append("| " + " | ".join(HEADERS) + " |")
    lines.append("|" + "---|" * len(HEADERS))
    for finding in report.findings:
        content = finding.message + (f" — “{finding.excerpt}”" if finding.excerpt else "")
        cells = (finding.rule, SEVERITY_LABELS[finding.severity], place(finding), content, finding.fix)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join([*lines, ""])
