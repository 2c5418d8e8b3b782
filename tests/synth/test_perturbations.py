"""The files look like an archive's: abbreviations, old tones, bold and Markdown headings,
sentences cut across page breaks — and a clean corpus has none of these."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from synth_support import manifest

from cchc.synth.corpus import Options, write_corpus

OLD_TONES = re.compile(r"(?<!\w)(?:hoà|hoá|Hoà|Hoá|uỷ|Uỷ|UỶ|thuỷ|Thuỷ|HOÀ)(?!\w)")
ABBREVIATIONS = re.compile(r"(?<!\w)(?:UBND|HĐND|TTHC|CCHC|VP|KH&CN|TT&TT|VH&TT|KH&ĐT|TC-KH)(?!\w)")


def _texts(corpus: Path, rows: list[dict]) -> dict[str, str]:
    return {r["file"]: (corpus / r["file"]).read_bytes().decode("utf-8-sig") for r in rows if r["format"] == "txt"}


def _body(text: str) -> str:
    """The text after the first "Căn cứ" (past the header, where "UBND" is never written)."""
    return text[text.find("Căn cứ"):]


def test_each_perturbation_occurs(corpus: Path, rows: list[dict]) -> None:
    texts = _texts(corpus, rows)
    assert sum(bool(OLD_TONES.search(t)) for t in texts.values()) >= 2
    assert sum(bool(ABBREVIATIONS.search(_body(t))) for t in texts.values()) >= 2
    assert any(re.search(r"(?m)^#{1,3} (?:Điều|Chương|[IVX]+\.)", t) for t in texts.values())  # Markdown headings
    assert any(re.search(r"(?m)^\*\*(?:Điều|Chương|[IVX]+\.)", t) for t in texts.values())  # bold headings
    assert any(re.search(r"(?m)^(?:Điều \d+\.|Chương [IVX]+)", t) for t in texts.values())  # plain headings
    cut = re.compile(r"[^\s.:;!?)\]]\r?\n(?:\r?\n)?\f?[a-zđà-ỹ]{2,}")  # a sentence going on past a page break
    assert sum(bool(cut.search(t) or "\f" in t) for t in texts.values()) >= 2
    assert any("\r\n" not in t for t in texts.values())
    counted = {}
    for row in rows:
        for what, n in row["perturbations"].items():
            counted[what] = counted.get(what, 0) + n
    assert counted.get("abbreviation", 0) > 20 and counted.get("old_tone", 0) > 5 and counted.get("page_break", 0) > 3


def test_docx_files_carry_page_breaks(corpus: Path, rows: list[dict]) -> None:
    broken = [r for r in rows if r["format"] == "docx" and r["perturbations"].get("page_break")]
    assert broken
    for row in broken:
        xml = zipfile.ZipFile(io.BytesIO((corpus / row["file"]).read_bytes())).read("word/document.xml").decode()
        assert xml.count('<w:br w:type="page"/>') == row["perturbations"]["page_break"]


def test_clean_corpus_has_none(tmp_path: Path) -> None:
    out = tmp_path / "clean"
    write_corpus(out, Options(units=3, seed=1, perturb=False))
    rows = manifest(out)
    assert all(not r["perturbations"] for r in rows)
    for text in _texts(out, rows).values():
        assert not OLD_TONES.search(text.replace("CỘNG HÒA", "")) and "\f" not in text
        assert not re.search(r"(?<!\w)(?:TTHC|CCHC)(?!\w)", text)
