"""Document kinds and unit levels each have one source, the vocabulary: a kind or a level
added there alone is read by every part that names kinds or levels, and no pattern file
spells the list again. Invented texts and invented vocabulary entries throughout."""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cchc.graph import kinds, levels
from cchc.graph.model import SourceText
from cchc.graph.ontology import ontology_graph

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix cv:   <https://w3id.org/cchc/vocab/> .
@prefix lvl:  <https://w3id.org/cchc/vocab/unit-level/> .
"""
# A kind no text of the corpus has, and a kind of unit no province has.
NOTICE = """
<https://w3id.org/cchc/vocab/doc-kind/thong_cao> a skos:Concept ; skos:inScheme cv:doc-kind ;
    skos:notation "thong_cao" ; skos:prefLabel "Thông cáo"@vi , "Communiqué"@en ; skos:altLabel "TCáo"@vi .
"""
QUARTER = """
<https://w3id.org/cchc/vocab/unit-kind/tieu_khu> a skos:Concept ; skos:inScheme cv:unit-kind ;
    skos:notation "tieu_khu" ; skos:broader lvl:xa ; skos:prefLabel "tiểu khu"@vi , "quarter"@en .
"""


def _clear_caches() -> None:
    """Forget everything read from the vocabulary, so the next reader reads it again."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("cchc.") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper) and getattr(value, "__module__", "") == name:
                value.cache_clear()


@pytest.fixture
def vocabulary(monkeypatch):
    """Add Turtle to the vocabulary for one test."""

    def extend(turtle: str) -> None:
        graph = ontology_graph()
        graph.parse(data=PREFIXES + turtle, format="turtle")
        monkeypatch.setattr(kinds, "vocabulary_graph", lambda: graph)
        monkeypatch.setattr(levels, "vocabulary_graph", lambda: graph)
        _clear_caches()

    yield extend
    monkeypatch.undo()
    _clear_caches()


def test_a_kind_added_to_the_vocabulary_alone_is_a_heading_a_basis_a_reference_and_a_draft_code(vocabulary) -> None:
    from cchc.graph.structure import parse_document
    from cchc.lint.findings import data

    vocabulary(NOTICE)
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 12/TCáo-UBND\nLạng Sơn, ngày 09 tháng 3 năm 2026\nTHÔNG CÁO\n"
        "Về kết quả cải cách hành chính quý I\n"
        "Căn cứ Thông cáo số 03/TCáo-UBND ngày 05 tháng 1 năm 2026 của Ủy ban nhân dân tỉnh;\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "I. KẾT QUẢ\n1. Sở Nội vụ tiếp tục thực hiện Thông cáo số 07/TCáo-UBND ngày 10/2/2026.\n"
    )
    doc = parse_document(SourceText(name="vi-du.txt", text=text, format="txt"))
    assert doc.metadata.kind == "thong_cao"
    assert [(c.kind, c.number) for c in doc.metadata.legal_bases] == [("thong_cao", "03/TCáo-UBND"), ("luat", None)]
    assert "07/TCáo-UBND" in {r.instrument for r in doc.references}
    assert re.search(data("cues.json")["instrument"], "theo Thông cáo số 07/TCáo-UBND").group("kind") == "Thông cáo"
    assert kinds.abbreviation("thong_cao") == "TCáo" and kinds.label("thong_cao") == "Thông cáo"


def _strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{where}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}/{key}")


def test_no_pattern_file_spells_the_names_of_the_kinds() -> None:
    names = {name for kind in kinds.kinds().values() for name in kind.names}
    files = sorted([*(ROOT / "graph" / "data").glob("*.json"), *(ROOT / "src" / "cchc" / "lint").glob("*.json")])
    assert len(files) > 5
    rules = ROOT / "graph" / "data" / "duty_rules.jsonl"
    loaded = [(path, json.loads(path.read_text(encoding="utf-8"))) for path in files]
    loaded += [(rules, [json.loads(line) for line in rules.read_text(encoding="utf-8").splitlines() if line.strip()])]
    spelled = []
    for path, data in loaded:
        for where, text in _strings(data, path.name):
            listed = {name for name in names if re.search(rf"(?:^|[|(:]){re.escape(name)}(?=[|)])", text)}
            if len(listed) > 1 or ("Nghị định" in text and "Thông tư" in text):
                spelled.append(f"{where}: {sorted(listed)}")
    assert not spelled, "\n".join(spelled)


def test_a_level_added_to_the_vocabulary_alone_is_read_by_every_reader_of_levels(vocabulary) -> None:
    from cchc.generators.compare_labels import unit_level
    from cchc.generators.profile import parse_profile
    from cchc.graph import gazetteer
    from cchc.graph.units import authority_line
    from cchc.lint.agencies import changes

    vocabulary(QUARTER)
    words = levels.words()
    assert "tiểu khu" in words and [len(w) for w in words] == sorted(map(len, words), reverse=True)  # longest first
    assert authority_line(["ỦY BAN NHÂN DÂN", "TIỂU KHU AN BÌNH", "Số: 1/KH-UBND"]) == "ỦY BAN NHÂN DÂN TIỂU KHU AN BÌNH"
    assert (["tiểu", "khu"], "tiểu khu") in gazetteer._unit_levels()
    assert ["tiểu", "khu"] in gazetteer._levels("xa") and ["tiểu", "khu"] not in gazetteer._levels("huyen")
    assert unit_level("tiểu khu An Bình") == "tiểu khu"
    profile = (ROOT / "examples" / "profiles" / "xa-tan-phu.yaml").read_text(encoding="utf-8")
    parsed = parse_profile(profile.replace("level: xã", "level: tiểu khu"), "tieu-khu.yaml")
    assert (parsed.level, parsed.structure) == ("tiểu khu", "current")
    assert "tiểu khu" not in changes()[-1].unit_prefixes  # not of the abolished district level


def test_no_pattern_file_spells_the_level_words() -> None:
    """The agency grammar's levels come from the vocabulary too ("{level}")."""
    data = json.loads((ROOT / "graph" / "data" / "agencies.json").read_text(encoding="utf-8"))
    assert all("thị trấn" not in text for _, text in _strings(data, "agencies.json"))
    from cchc.graph.agencies import find_mentions

    assert [m.name for m in find_mentions("UBND các xã, thị trấn phối hợp")] == ["UBND các xã, thị trấn"]


def test_the_readers_of_levels_agree_with_the_vocabulary() -> None:
    from cchc.graph import gazetteer
    from cchc.lint.agencies import changes

    printed = {" ".join(form) for form, _ in gazetteer._unit_levels()}
    assert {word for word in levels.words()} <= printed and {"tp", "t p"} <= printed
    assert {written for _, written in gazetteer._unit_levels()} == set(levels.words())
    assert levels.words_of("tinh") == {"tỉnh", "thành phố"}
    assert set(changes()[-1].unit_prefixes) == {"huyện", "quận", "thị xã"}
    historic = {kind.word for kind in levels.unit_kinds() if not kind.current}
    assert historic == {"huyện", "quận", "thị xã", "thị trấn"}
