"""Word documents: automatic numbering rendered as text, footnotes, bold headings, tables."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from cchc.graph.read import read_document

NUMBERING = f"""
<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def numbered(paragraph, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


def test_automatic_numbering_is_written_as_text(tmp_path: Path) -> None:
    document = Document()
    root = document.part.numbering_part.element
    root.insert(0, parse_xml(NUMBERING))
    root.append(parse_xml(NUM))
    numbered(document.add_paragraph("Phạm vi điều chỉnh"), 0)
    numbered(document.add_paragraph("Trách nhiệm của Sở Tư pháp"), 0)
    numbered(document.add_paragraph("Chủ trì rà soát văn bản."), 1)
    for text in ("một", "hai", "ba", "bốn", "năm", "sáu"):
        numbered(document.add_paragraph(f"Điểm {text}."), 2)
    numbered(document.add_paragraph("Phối hợp kiểm tra."), 1)
    numbered(document.add_paragraph("Điểm mới."), 2)
    path = tmp_path / "numbered.docx"
    document.save(path)
    lines = [line for line in read_document(path).text.splitlines() if line]
    assert lines == [
        "Điều 1. Phạm vi điều chỉnh",
        "Điều 2. Trách nhiệm của Sở Tư pháp",
        "1. Chủ trì rà soát văn bản.",
        "a) Điểm một.", "b) Điểm hai.", "c) Điểm ba.", "d) Điểm bốn.", "đ) Điểm năm.", "e) Điểm sáu.",
        "2. Phối hợp kiểm tra.",
        "a) Điểm mới.",
    ]


def test_articles_run_on_across_chapters_and_empty_numbered_paragraphs_count(tmp_path: Path) -> None:
    """Word counts an empty numbered paragraph ("Chương II" alone on its line) and keeps
    a level with ``lvlRestart`` 0 running when a higher level moves on."""
    document = Document()
    root = document.part.numbering_part.element
    root.insert(0, parse_xml(f"""
<w:abstractNum {nsdecls('w')} w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Chương %1"/><w:rPr><w:b/></w:rPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="Điều %2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>"""))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="91"/></w:num>'))

    def add(text: str, level: int) -> None:
        document.add_paragraph(text)._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="91"/></w:numPr>'))

    for text, level in (("", 0), ("Phạm vi", 1), ("Một.", 2), ("", 0), ("Trách nhiệm", 1), ("Hai.", 2), ("Ba.", 2)):
        add(text, level)
    path = tmp_path / "chapters.docx"
    document.save(path)
    lines = [line for line in read_document(path).text.splitlines() if line]
    assert lines == ["**Chương I**", "Điều 1. Phạm vi", "1. Một.", "**Chương II**", "Điều 2. Trách nhiệm", "1. Hai.", "2. Ba."]


def test_bold_paragraph_becomes_a_heading(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph().add_run("Điều 3. Trách nhiệm của Phòng Nội vụ").bold = True
    document.add_paragraph("1. Chủ trì.")
    path = tmp_path / "bold.docx"
    document.save(path)
    assert read_document(path).text.splitlines()[0] == "**Điều 3. Trách nhiệm của Phòng Nội vụ**"


def test_footnotes_are_anchored_and_listed(tmp_path: Path) -> None:
    import zipfile

    document = Document()
    paragraph = document.add_paragraph("Khắc phục hạn chế trong công tác cải cách hành chính")
    paragraph._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="1"/></w:r>'))
    plain = tmp_path / "plain.docx"
    document.save(plain)
    footnotes = (
        f'<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:t>Một bộ phận cán bộ chưa nhận thức đầy đủ.</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    )
    path = tmp_path / "notes.docx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            target.writestr(item, data)
        target.writestr("word/footnotes.xml", footnotes.encode("utf-8"))
    lines = read_document(path).text.splitlines()
    assert lines[0] == "Khắc phục hạn chế trong công tác cải cách hành chính⁽¹⁾"
    assert lines[-2:] == ["---", "1. Một bộ phận cán bộ chưa nhận thức đầy đủ."]


def test_a_task_table_with_merged_cells(tmp_path: Path) -> None:
    """A group row merged across the table is one heading line; a lead cell merged down
    over two rows leads both tasks."""
    from cchc.graph.pipeline import analyse

    document = Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=5, cols=5)
    for index, header in enumerate(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]):
        table.cell(0, index).text = header
    table.cell(1, 0).merge(table.cell(1, 4)).text = "I. Chính quyền số"
    for row, values in enumerate([["1", "Số hóa sổ hộ tịch", "Sở Tư pháp", "UBND các xã", "Quý I/2026"],
                                  ["2", "Số hóa hồ sơ địa chính", "", "Sở Tài chính", "Quý II/2026"],
                                  ["", "Cập nhật bản đồ địa chính", "", "", "Quý III/2026"]], start=2):
        for column, value in enumerate(values):
            if value:
                table.cell(row, column).text = value
    table.cell(3, 2).merge(table.cell(4, 2)).text = "Sở Nông nghiệp và Môi trường"
    path = tmp_path / "bang.docx"
    document.save(str(path))
    text = read_document(path).text
    assert "\nI. Chính quyền số\n" in text
    _, facts = analyse(path)
    assert [(t.content, t.lead, t.timeframe) for t in facts.tasks] == [
        ("Số hóa sổ hộ tịch", "Sở Tư pháp", "Quý I/2026"),
        ("Số hóa hồ sơ địa chính", "Sở Nông nghiệp và Môi trường", "Quý II/2026"),
        ("Cập nhật bản đồ địa chính", "Sở Nông nghiệp và Môi trường", "Quý III/2026"),
    ]
