"""Extraction rules on real sentences, and the scorer's figures on the five sample documents."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cchc.graph.agencies import find_mentions
from cchc.graph.areas import classify
from cchc.graph.extract import extract_facts
from cchc.graph.facts_json import facts_json
from cchc.graph.model import SourceText
from cchc.graph.structure import parse_document

HERE = Path(__file__).parent
CORPUS = HERE.parents[1] / "examples" / "corpus"


def facts_of(text: str):
    doc = parse_document(SourceText(name="snippet.txt", text=text, format="txt"))
    return {(a.agency, a.mode, a.area) for a in extract_facts(doc).assignments}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Phòng Nội vụ chủ trì, phối hợp với Phòng Văn hóa và Thông tin, Trung tâm Văn hóa - Thể thao và Truyền thanh huyện và UBND các xã, thị trấn tổ chức tuyên truyền.",
         ["Phòng Nội vụ", "Phòng Văn hóa và Thông tin", "Trung tâm Văn hóa - Thể thao và Truyền thanh huyện", "UBND các xã, thị trấn"]),
        ("Cơ quan chủ trì: Văn phòng HĐND & UBND huyện.", ["Văn phòng HĐND & UBND huyện"]),
        ("Văn phòng Ủy ban nhân dân tỉnh chủ trì thẩm định", ["Văn phòng Ủy ban nhân dân tỉnh"]),
        ("Các Sở, ngành: Tài chính, Tư pháp, Khoa học và Công nghệ có trách nhiệm phối hợp với Sở Nội vụ",
         ["Sở Tài chính", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Nội vụ"]),
        ("Phó Trưởng Ban Chỉ đạo - Trưởng Phòng Nội vụ", ["Phó Trưởng Ban Chỉ đạo", "Trưởng Phòng Nội vụ"]),
    ],
)
def test_agency_names_are_found_whole(sentence: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(sentence)] == names


@pytest.mark.parametrize(
    ("duty", "area"),
    [
        ("Rà soát, hệ thống hóa văn bản quy phạm pháp luật; báo cáo kết quả", "the_che"),
        ("Triển khai dịch vụ công trực tuyến toàn trình", "chinh_phu_so"),
        ("Thực hiện cơ chế tự chủ về tài chính tại các đơn vị sự nghiệp", "tai_chinh_cong"),
        ("Theo dõi, đôn đốc, báo cáo tiến độ", "chi_dao_dieu_hanh"),
        ("Tuyên truyền về cải cách hành chính trên phương tiện thông tin đại chúng", "tuyen_truyen"),
    ],
)
def test_duties_get_their_reform_area(duty: str, area: str) -> None:
    assert classify(duty) == area


def test_subject_heading_gives_its_clauses_to_the_agency() -> None:
    text = "Điều 5. Trách nhiệm của Sở Tư pháp\n1. Chủ trì rà soát, hệ thống hóa văn bản quy phạm pháp luật.\n2. Phối hợp với Sở Nội vụ kiểm tra công tác cải cách hành chính.\n"
    found = facts_of(text)
    assert ("Sở Tư pháp", "chu_tri", "the_che") in found
    assert ("Sở Tư pháp", "phoi_hop", "kiem_tra") in found


def test_post_held_by_an_agency_head() -> None:
    text = "Điều 4. Phó Trưởng Ban Chỉ đạo - Trưởng Phòng Nội vụ\n1. Tham mưu sắp xếp tổ chức bộ máy hành chính.\n"
    assert ("Phòng Nội vụ", "chu_tri", "to_chuc_bo_may") in facts_of(text)
    doc = parse_document(SourceText(name="p.txt", text=text, format="txt"))
    (agency,) = extract_facts(doc).agencies
    assert (agency.name, agency.function, agency.aliases) == ("Phòng Nội vụ", "noi_vu", ("Trưởng Phòng Nội vụ",))


def test_plan_roles_by_label() -> None:
    text = "I. NHIỆM VỤ\n1. Cải cách thủ tục hành chính\nCơ quan chủ trì: Văn phòng HĐND và UBND huyện. Cơ quan phối hợp: Phòng Nội vụ, UBND các xã, thị trấn.\n"
    found = facts_of(text)
    assert ("Văn phòng HĐND và UBND huyện", "chu_tri", "thu_tuc_hanh_chinh") in found
    assert ("Phòng Nội vụ", "phoi_hop", "thu_tuc_hanh_chinh") in found


def test_meetings_per_year() -> None:
    text = "Điều 8. Chế độ họp\n1. Ban Chỉ đạo họp định kỳ 02 lần/năm và đột xuất khi có yêu cầu.\n"
    doc = parse_document(SourceText(name="m.txt", text=text, format="txt"))
    meetings = extract_facts(doc).meetings
    assert [(m.body, m.per_year, m.ad_hoc) for m in meetings] == [("Ban Chỉ đạo", 2.0, True)]


def test_scores_on_the_sample_documents(tmp_path: Path) -> None:
    """The scorer of shared/eval (copied here) on the five seeds: the floor this code holds.

    Issue 3 asks for assignments F1 ≥ 0.85; this guards what the code holds today.
    """
    for path in sorted(CORPUS.glob("*.txt")):
        doc = parse_document(SourceText(name=path.name, text=path.read_text(encoding="utf-8"), format="txt", path=path))
        (tmp_path / f"{path.stem}.json").write_text(json.dumps(facts_json(doc, extract_facts(doc)), ensure_ascii=False))
    result = subprocess.run(
        [sys.executable, str(HERE / "score.py"), "--dir", str(tmp_path), str(HERE / "gold")],
        capture_output=True, text=True, check=True,
    )
    total = next(line for line in result.stdout.splitlines() if line.startswith("TOTAL"))
    assignments_f1 = float(re.search(r"assignments P=[\d.]+ R=[\d.]+ F1=([\d.]+)", total).group(1))
    assert assignments_f1 >= 0.85, total
    assert float(re.search(r"document fields ([\d.]+)", total).group(1)) >= 0.95, total
    assert float(re.search(r"legal bases F1=([\d.]+)", total).group(1)) >= 0.90, total


@pytest.mark.parametrize(
    ("name", "function"),
    [
        ("Trưởng Phòng Nội vụ huyện", "noi_vu"),
        ("Phòng NV", "noi_vu"),
        ("VP HĐND-UBND huyện", "van_phong"),
        ("Văn phòng HĐND & UBND huyện", "van_phong"),
        ("Sở TT&TT", "thong_tin_truyen_thong"),
        ("UBND các xã, thị trấn", "ubnd_cap_duoi"),
        ("Tổ Chuyên viên", "to_giup_viec"),
        ("Phòng Quản trị - Tài vụ", "other"),
    ],
)
def test_agency_functions_come_from_the_vocabulary(name: str, function: str) -> None:
    from cchc.graph.functions import function_of

    assert function_of(name) == function


def test_one_entity_per_agency_with_its_spellings() -> None:
    text = (
        "Điều 2. Trách nhiệm của Văn phòng HĐND và UBND huyện\n1. Chủ trì kiểm soát thủ tục hành chính.\n"
        "Điều 3. Trách nhiệm của Phòng Tư pháp\n1. Phối hợp với VP HĐND-UBND huyện rà soát văn bản quy phạm pháp luật.\n"
    )
    doc = parse_document(SourceText(name="a.txt", text=text, format="txt"))
    agencies = {a.name: a for a in extract_facts(doc).agencies}
    office = agencies["Văn phòng HĐND và UBND huyện"]
    assert office.function == "van_phong" and office.aliases == ("VP HĐND-UBND huyện",)
    assert agencies["Phòng Tư pháp"].function == "tu_phap"


def test_every_assignment_points_at_its_sentence_in_the_source() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        source = SourceText(name=path.name, text=path.read_text(encoding="utf-8"), format="txt", path=path)
        for row in extract_facts(parse_document(source)).assignments:
            quoted = source.text[row.span.start : row.span.end]
            assert " ".join(row.text.split()[:4]) in " ".join(quoted.split()), (path.name, row.text[:60])
            assert source.text.count("\n", 0, row.span.start) + 1 == row.span.line


def test_capitals_are_letters_that_are_upper_case() -> None:
    # "đ" lies inside the range À–Ỹ: a name must not run on into "điều chỉnh".
    assert [m.name for m in find_mentions("tham mưu Ủy ban nhân dân tỉnh điều chỉnh kịp thời")] == ["Ủy ban nhân dân tỉnh"]


def test_partners_are_the_agencies_listed_after_phoi_hop_voi() -> None:
    text = "Điều 3. Tổ chức thực hiện\n1. Sở Y tế chủ trì, phối hợp với các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh ban hành kế hoạch.\n"
    roles = {(agency, mode) for agency, mode, _ in facts_of(text)}
    assert roles == {("Sở Y tế", "chu_tri")}


def test_every_fact_traces_to_its_characters() -> None:
    """Provenance: meetings, reporting duties, rating rules and plan tasks carry the exact
    span of the source they were read from, like assignments do."""
    from cchc.graph.pipeline import analyse

    facts_seen = traced = 0
    for path in sorted((Path(__file__).resolve().parents[2] / "examples" / "corpus").glob("*.txt")):
        parsed, facts = analyse(path)
        for fact in (*facts.meetings, *facts.reporting, *facts.ratings, *facts.tasks):
            facts_seen += 1
            text = getattr(fact, "text", None) or fact.content
            if fact.span and " ".join(text.split()[:3]) in parsed.source.text[fact.span.start : fact.span.end]:
                traced += 1
    assert facts_seen >= 30
    assert traced >= facts_seen - 1


def test_ministries_are_agencies_but_sets_codes_and_units_are_not() -> None:
    sentence = "Bộ Khoa học và Công nghệ chủ trì, phối hợp với Bộ Tài chính, Bộ Công an hướng dẫn áp dụng Bộ chỉ số, Bộ Tiêu chí và Bộ luật Lao động."
    assert [(m.name, m.kind) for m in find_mentions(sentence)] == [
        ("Bộ Khoa học và Công nghệ", "agency"), ("Bộ Tài chính", "agency"), ("Bộ Công an", "agency"),
    ]
    # a one-stop unit is an organisational unit of its committee, not a ministry
    assert [m.name for m in find_mentions("Bộ phận Một cửa xã tiếp nhận hồ sơ")] == ["Bộ phận Một cửa xã"]
    text = "Điều 3. Tổ chức thực hiện\n1. Bộ trưởng Bộ Nội vụ chủ trì kiểm tra công tác cải cách hành chính.\n"
    assert ("Bộ Nội vụ", "chu_tri", "kiem_tra") in facts_of(text)
    from cchc.graph.functions import function_of

    assert function_of("Bộ Nội vụ") == "noi_vu" and function_of("Bộ Tư pháp") == "tu_phap"


def test_the_council_joins_its_committee_once() -> None:
    text = (
        "Điều 6. Trách nhiệm của Phòng Kinh tế\n"
        "1. Chủ trì, phối hợp với Văn phòng HĐND và UBND xã và Phòng Văn hóa - Xã hội tham mưu thực hiện cơ chế tự chủ tài chính.\n"
    )
    found = facts_of(text)
    assert ("Phòng Kinh tế", "chu_tri", "tai_chinh_cong") in found
    partners = {agency for agency, mode, _ in found if mode == "phoi_hop"}
    assert partners == {"Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội"}
    assert [m.name for m in find_mentions("VP HĐND-UBND huyện và Phòng Nội vụ")] == ["VP HĐND-UBND huyện", "Phòng Nội vụ"]


def test_a_sentence_can_name_supervision_and_appraisal() -> None:
    text = (
        "Điều 7. Tổ chức thực hiện\n"
        "1. Ủy ban Mặt trận Tổ quốc Việt Nam xã thực hiện giám sát việc thực hiện nhiệm vụ cải cách hành chính trên địa bàn xã.\n"
        "2. Phòng Văn hóa - Xã hội thẩm định kết quả tự đánh giá, chấm điểm các tiêu chí thuộc lĩnh vực cải cách tổ chức bộ máy.\n"
        "3. Văn phòng HĐND và UBND xã chủ trì thẩm định các đề án cải cách hành chính.\n"
    )
    roles = {(agency, mode) for agency, mode, _ in facts_of(text)}
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "giam_sat") in roles
    assert ("Phòng Văn hóa - Xã hội", "tham_dinh") in roles
    assert ("Văn phòng HĐND và UBND xã", "chu_tri") in roles  # "chủ trì" leads, whatever it leads


def test_the_front_chair_seat_is_the_front_but_a_committee_chair_is_a_post() -> None:
    text = (
        "Điều 8. Nhiệm vụ của các thành viên Ban Chỉ đạo\n"
        "1. Thành viên Ban Chỉ đạo - Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã\n"
        "a) Thực hiện giám sát, phản biện xã hội đối với công tác cải cách hành chính trên địa bàn xã.\n"
        "Điều 9. Trưởng Ban Chỉ đạo - Chủ tịch UBND xã\n"
        "1. Lãnh đạo, chỉ đạo toàn diện công tác cải cách hành chính của xã.\n"
    )
    doc = parse_document(SourceText(name="f.txt", text=text, format="txt"))
    facts = extract_facts(doc)
    agencies = {(a.agency, a.mode) for a in facts.assignments}
    assert ("Ủy ban Mặt trận Tổ quốc Việt Nam xã", "giam_sat") in agencies
    assert any(agency.startswith("Chủ tịch UBND xã") for agency, _ in agencies)  # as the gold annotates it
    assert [(m.body, m.agency) for m in facts.members] == [("Ban Chỉ đạo", "Ủy ban Mặt trận Tổ quốc Việt Nam xã")]


def test_a_membership_is_a_fact_with_its_provision() -> None:
    from pyoxigraph import NamedNode

    from cchc.graph.namespaces import CCHC, ORG
    from cchc.graph.rdf import document_triples

    text = (
        "Điều 5. Nhiệm vụ của các thành viên Ban Chỉ đạo\n"
        "1. Thành viên Ban Chỉ đạo - Trưởng Phòng Tư pháp\n"
        "a) Chủ trì rà soát, hệ thống hóa văn bản quy phạm pháp luật.\n"
    )
    doc = parse_document(SourceText(name="m.txt", text=text, format="txt"))
    facts = extract_facts(doc)
    (member,) = facts.members
    assert text[member.span.start : member.span.end] == "Thành viên Ban Chỉ đạo - Trưởng Phòng Tư pháp"
    triples = document_triples(doc, facts)
    nodes = [t.subject for t in triples if t.predicate == NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type") and t.object == NamedNode(ORG + "Membership")]
    assert len(nodes) == 1
    about = {t.predicate.value: t.object for t in triples if t.subject == nodes[0]}
    assert about[CCHC + "provision"].value.endswith("/art_5__para_1")
    assert about[CCHC + "sourceText"].value == "Thành viên Ban Chỉ đạo - Trưởng Phòng Tư pháp"
    labels = {t.subject: t.object.value for t in triples if t.predicate.value.endswith("prefLabel")}
    assert (labels[about[ORG + "member"]], labels[about[ORG + "organization"]]) == ("Phòng Tư pháp", "Ban Chỉ đạo")
    assert any(t.predicate == NamedNode(ORG + "memberOf") for t in triples)  # the short form stays


def test_bcd_is_the_steering_body_written_short() -> None:
    """"BCĐ" (and "BĐH") is how many regulations write the body after its first mention: its
    posts, members and meetings read as with "Ban Chỉ đạo", the text kept as written."""
    from cchc.graph.agencies import agency_key

    text = (
        "Điều 4. Trách nhiệm của Trưởng BCĐ - Chủ tịch UBND huyện\n"
        "1. Lãnh đạo, điều hành chung hoạt động của BCĐ; phân công nhiệm vụ cho các thành viên BCĐ.\n"
        "Điều 5. Trách nhiệm của Phó Trưởng BCĐ - Trưởng Phòng Nội vụ\n"
        "1. Chủ trì tham mưu sắp xếp tổ chức bộ máy hành chính tinh gọn.\n"
        "Điều 6. Trách nhiệm của các thành viên BCĐ\n"
        "1. Thành viên BCĐ - Trưởng Phòng Tư pháp:\n"
        "a) Chủ trì tham mưu rà soát, hệ thống hóa văn bản quy phạm pháp luật.\n"
        "2. Thành viên Thường trực BCĐ:\n"
        "a) Theo dõi, đôn đốc, tổng hợp kết quả thực hiện nhiệm vụ cải cách hành chính.\n"
        "Điều 7. Chế độ họp\n"
        "1. BCĐ họp định kỳ mỗi quý một lần và họp đột xuất khi có yêu cầu của Trưởng BCĐ.\n"
    )
    facts = extract_facts(parse_document(SourceText(name="bcd.txt", text=text, format="txt")))
    rows = {(a.agency, a.mode, a.area) for a in facts.assignments}
    assert ("Chủ tịch UBND huyện", "chu_tri", "chi_dao_dieu_hanh") in rows
    assert ("Phòng Nội vụ", "chu_tri", "to_chuc_bo_may") in rows
    assert ("Phòng Tư pháp", "chu_tri", "the_che") in rows
    assert not any("Trưởng BCĐ" in agency for agency, _, _ in rows)  # the post is the chair's seat, not a duty holder
    assert ("BCĐ", "Phòng Tư pháp") in {(m.body, m.agency) for m in facts.members}
    assert [(m.body, m.per_year) for m in facts.meetings] == [("BCĐ", 4.0)]
    assert [(m.name, m.kind) for m in find_mentions("Phó Trưởng BĐH - Giám đốc Sở Nội vụ")] == [
        ("Phó Trưởng BĐH", "post"), ("Giám đốc Sở Nội vụ", "title"),
    ]
    assert agency_key("Thường trực BCĐ") == agency_key("Thường trực Ban Chỉ đạo")
    assert agency_key("BĐH") == agency_key("Ban điều hành")


def test_the_office_chief_seat_is_the_office_and_its_partner_does_not_lead() -> None:
    """"Chánh VP HĐND và UBND xã" heads the office: the seat's duties are the office's, under
    any spelling of it, and the centre it works with is a partner."""
    from cchc.graph.agencies import agency_key, held_agency

    text = (
        "Điều 6. Trách nhiệm của Phó Trưởng Ban Chỉ đạo - Chánh VP HĐND và UBND xã\n"
        "1. Chủ trì tham mưu xây dựng kế hoạch cải cách hành chính hằng năm.\n"
        "2. Chủ trì, phối hợp với Trung tâm Phục vụ hành chính công xã tham mưu kiểm soát thủ tục hành chính.\n"
        "Điều 7. Trách nhiệm của các thành viên Ban Chỉ đạo\n"
        "1. Thành viên Ban Chỉ đạo - Phó Chánh VP UBND tỉnh:\n"
        "a) Chủ trì, phối hợp với Trung tâm Phục vụ hành chính công tỉnh tham mưu thực hiện cơ chế một cửa.\n"
    )
    rows = facts_of(text)
    assert ("Văn phòng HĐND và UBND xã", "chu_tri", "thu_tuc_hanh_chinh") in rows
    assert ("Văn phòng UBND tỉnh", "chu_tri", "thu_tuc_hanh_chinh") in rows
    centres = {(agency, mode) for agency, mode, _ in rows if agency.startswith("Trung tâm")}
    assert centres == {("Trung tâm Phục vụ hành chính công xã", "phoi_hop"), ("Trung tâm Phục vụ hành chính công tỉnh", "phoi_hop")}
    assert held_agency("Chánh VP HĐND và UBND xã") == "Văn phòng HĐND và UBND xã"
    full = "Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân xã"
    assert [m.name for m in find_mentions(f"{full} chủ trì")] == [full]
    assert agency_key(full) == agency_key("Văn phòng HĐND và UBND xã") == agency_key("VP HĐND-UBND xã")
    # Without a seat to lead it, "Chủ trì, phối hợp với X" still makes X a partner, never the lead.
    sentence = "Điều 3. Tổ chức thực hiện\n1. Chủ trì, phối hợp với Trung tâm Phục vụ hành chính công tỉnh tham mưu kiểm soát thủ tục hành chính.\n"
    assert {(agency, mode) for agency, mode, _ in facts_of(sentence)} == {("Trung tâm Phục vụ hành chính công tỉnh", "phoi_hop")}


@pytest.mark.parametrize(
    "name",
    [
        "Trung tâm Phục vụ hành chính công đặc khu",
        "Trung tâm Phục vụ hành chính công thành phố",
        "Trung tâm Phục vụ hành chính công thị xã Bến Cát",
        "Trung tâm Phục vụ hành chính công thị trấn",
        "Trung tâm Phục vụ hành chính công các xã, thị trấn",
    ],
)
def test_a_name_ends_after_its_whole_level(name: str) -> None:
    """A level of two words is one word of the name: the lowercase run that reads
    "hành chính công" must not stop between "đặc" and "khu"."""
    assert [m.name for m in find_mentions(f"{name} chủ trì kiểm soát thủ tục hành chính.")] == [name]


def test_the_front_is_found_in_old_tone_spelling_and_as_a_member_seat() -> None:
    """The Front's giám sát duty in a Quy chế BCĐ: written "Uỷ ban MTTQ" (old tone placement)
    under an item heading, or as the seat "Thành viên BCĐ - Chủ tịch Ủy ban MTTQ …"."""
    text = (
        "Điều 8. Trách nhiệm của các cơ quan, đơn vị có liên quan\n"
        "1. Uỷ ban MTTQ Việt Nam xã:\n"
        "a) Giám sát việc giải quyết thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông.\n"
        "Điều 9. Trách nhiệm của các thành viên BCĐ\n"
        "1. Thành viên BCĐ - Chủ tịch Ủy ban MTTQ Việt Nam huyện:\n"
        "a) Giám sát tác động của cải cách hành chính đến người dân, doanh nghiệp.\n"
    )
    rows = facts_of(text)
    assert ("Uỷ ban MTTQ Việt Nam xã", "giam_sat", "thu_tuc_hanh_chinh") in rows
    assert ("Ủy ban MTTQ Việt Nam huyện", "giam_sat", "tac_dong") in rows


def test_a_body_written_two_ways_is_one_node() -> None:
    """The membership names "Ban Chỉ đạo", the meeting rule "BCĐ": one body in the graph."""
    from cchc.graph.namespaces import CCHC, ORG
    from cchc.graph.rdf import document_triples

    text = (
        "Điều 5. Nhiệm vụ của các thành viên Ban Chỉ đạo\n"
        "1. Thành viên Ban Chỉ đạo - Trưởng Phòng Tư pháp\n"
        "a) Chủ trì rà soát, hệ thống hóa văn bản quy phạm pháp luật.\n"
        "Điều 6. Chế độ họp\n"
        "1. BCĐ họp định kỳ 6 tháng một lần.\n"
    )
    doc = parse_document(SourceText(name="b.txt", text=text, format="txt"))
    triples = document_triples(doc, extract_facts(doc))
    member_of = {t.object for t in triples if t.predicate.value == ORG + "organization"}
    meets = {t.object for t in triples if t.predicate.value == CCHC + "body"}
    assert len(member_of) == 1 and member_of == meets


@pytest.mark.parametrize(
    ("name", "function"),
    [
        ("Sở Nông nghiệp và Môi trường", "nong_nghiep_moi_truong"),
        ("Sở Tài nguyên và Môi trường tỉnh Lào Cai", "nong_nghiep_moi_truong"),  # merged in 2025
        ("Sở Giao thông vận tải", "xay_dung"),  # merged into Xây dựng in 2025
        ("Sở Khoa học và Công nghệ", "khoa_hoc_cong_nghe"),
        ("Công an xã Tân Phú", "cong_an"),
        ("Thuế tỉnh Lạng Sơn", "thue"),
        ("Sở Dân tộc và Tôn giáo", "dan_toc_ton_giao"),
    ],
)
def test_the_2025_departments_have_their_functions(name: str, function: str) -> None:
    from cchc.graph.functions import function_of

    assert function_of(name) == function
