"""The side report of a draft: for every article, where its content came from.

A drafter must be able to check each duty against its source before signing, and see the
duties that could not be placed (no agency of the new unit holds their function). JSON
for programs, Markdown for people.
"""

from __future__ import annotations

import json
from typing import Any

from cchc.generators.builders import Draft
from cchc.generators.document_model import Article, Chapter, Section
from cchc.generators.vocab import areas

MODE_LABELS = {"chu_tri": "chủ trì", "phoi_hop": "phối hợp", "tham_dinh": "thẩm định", "giam_sat": "giám sát"}


def report_data(draft: Draft, profile_source: str, files: list[str], check: list[str] | None = None) -> dict[str, Any]:
    articles = []
    for document in draft.documents:
        for text in document.texts():
            for part in text.body:
                containers = part.articles if isinstance(part, Chapter) else [part]
                for container in containers:
                    label = container.label if isinstance(container, (Article, Section)) else ""
                    articles.append({
                        "text": text.kind_title,
                        "article": label,
                        "title": container.title,
                        "sources": container.sources or [f"mẫu: {text.template}"],
                    })
    return {
        "schema": "cchc-draft-report/1",
        "kind": draft.kind,
        "profile": profile_source,
        "origin": draft.content.origin,
        "files": files,
        "templates": draft.templates,
        "articles": articles,
        "duties": [
            {"agency": d.agency, "mode": d.mode, "area": d.area, "text": d.text, "sources": list(d.sources)} for d in draft.duties
        ],
        "unmapped": [
            {"function": u.function, "mode": u.mode, "area": u.area, "agencies": list(u.agencies), "sources": list(u.sources)}
            for u in draft.content.unmapped
        ],
        "omitted": [{"agency": d.agency, "mode": d.mode, "area": d.area} for d in draft.omitted],
        "notes": draft.content.notes,
        "filled": draft.content.filled,
        "to_complete": draft.to_complete,
        "round_trip": check,
    }


def report_markdown(data: dict[str, Any]) -> str:
    lines = [
        f"# Báo cáo nguồn của dự thảo `{data['kind']}`",
        "",
        f"- Hồ sơ đơn vị: `{data['profile']}`",
        f"- Nội dung phân công: {data['origin']}",
        f"- Tệp: {', '.join(f'`{f}`' for f in data['files'])}",
        "",
        "## Nguồn của từng điều",
        "",
        "| Văn bản | Điều/mục | Tiêu đề | Nguồn |",
        "|---|---|---|---|",
    ]
    for row in data["articles"]:
        sources = "<br>".join(row["sources"]) or "mẫu"
        lines.append(f"| {row['text']} | {row['article']} | {row['title'] or '—'} | {sources} |")
    lines += ["", "## Nhiệm vụ chưa giao được (không cơ quan nào của đơn vị giữ chức năng)", ""]
    if data["unmapped"]:
        for u in data["unmapped"]:
            area = areas().get(u["area"], u["area"])
            was = f" (trước đây: {', '.join(u['agencies'])})" if u["agencies"] else ""
            lines.append(f"- chức năng `{u['function']}`{was}: {MODE_LABELS.get(u['mode'], u['mode'])} — {area}; nguồn: {', '.join(u['sources'])}")
    else:
        lines.append("- Không có.")
    if data["omitted"]:
        lines += ["", "## Nhiệm vụ không thuộc loại văn bản này", ""]
        lines += [f"- {o['agency']}: {MODE_LABELS.get(o['mode'], o['mode'])} — {areas().get(o['area'], o['area'])}" for o in data["omitted"]]
    if data["filled"]:
        lines += ["", "## Đã bổ sung theo phân công mặc định", ""] + [f"- {n}" for n in data["filled"]]
    if data["to_complete"]:
        lines += ["", "## Còn phải viết trong dự thảo", ""] + [f"- {n}" for n in data["to_complete"]]
    if data["notes"]:
        lines += ["", "## Ghi chú", ""] + [f"- {n}" for n in data["notes"]]
    if data["round_trip"] is not None:
        lines += ["", "## Kiểm tra đọc lại", ""]
        lines += [f"- {p}" for p in data["round_trip"]] or ["- Đọc lại bằng bộ trích xuất cho đúng các phân công, cuộc họp và chế độ báo cáo đã soạn."]
    return "\n".join(lines) + "\n"


def report_bytes(data: dict[str, Any], fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return report_markdown(data).encode("utf-8")
