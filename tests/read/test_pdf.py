"""PDFs with a text layer: text read, page numbers and running headers dropped."""

from __future__ import annotations

from pathlib import Path

from cchc.graph.read import read_document


def tiny_pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with Helvetica text, one line per text row (ASCII only)."""
    objects: list[bytes] = []
    kids = []
    font_id = 3 + 2 * len(pages)
    for index, lines in enumerate(pages):
        page_id, content_id = 3 + 2 * index, 4 + 2 * index
        kids.append(f"{page_id} 0 R")
        stream = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
        objects.append(
            f"{page_id} 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content_id} 0 R >> endobj\n".encode()
        )
        objects.append(f"{content_id} 0 obj << /Length {len(stream)} >> stream\n{stream}\nendstream endobj\n".encode())
    head = [
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n",
        f"2 0 obj << /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >> endobj\n".encode(),
    ]
    font = f"{font_id} 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n".encode()
    body = b"%PDF-1.4\n"
    offsets = []
    for obj in [*head, *objects, font]:
        offsets.append(len(body))
        body += obj
    xref = len(body)
    body += f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    body += f"trailer << /Size {len(offsets) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return body


def test_text_layer_is_read_without_page_furniture(tmp_path: Path) -> None:
    pages = [
        ["UBND TINH X", "Dieu 1. Pham vi dieu chinh", "Quy che nay quy dinh", "1"],
        ["UBND TINH X", "Dieu 2. Doi tuong ap dung", "2"],
        ["UBND TINH X", "Dieu 3. Trach nhiem", "3"],
    ]
    path = tmp_path / "rule.pdf"
    path.write_bytes(tiny_pdf(pages))
    lines = [line.strip() for line in read_document(path).text.splitlines() if line.strip()]
    assert lines == ["Dieu 1. Pham vi dieu chinh", "Quy che nay quy dinh", "Dieu 2. Doi tuong ap dung", "Dieu 3. Trach nhiem"]
