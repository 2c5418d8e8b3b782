"""ParsedDocument → Facts.

Not built yet: responsibility extraction (agencies, assignments, meetings, reporting,
ratings, plan tasks) is the work of the extraction issue. Until then every document yields
no facts and a warning says so, instead of pretending.
"""

from __future__ import annotations

from cchc.graph.model import Facts, ParsedDocument

NOT_BUILT = "chưa trích xuất phân công, chế độ họp, báo cáo (tính năng đang xây dựng)"


def extract_facts(doc: ParsedDocument) -> Facts:
    return Facts(warnings=(NOT_BUILT,))
