"""Duty units and the clause grammar of roles, one invented example per pattern.

Every text here is made up for the test (no sentence of the corpus), in the layouts real
regulations use; each assertion failed with the extractor before duty units.
"""

from __future__ import annotations

import json

import pytest

from cchc.errors import CchcError
from cchc.graph.agencies import find_mentions
from cchc.graph.extract import extract_facts
from cchc.graph.facts_json import facts_json
from cchc.graph.model import SourceText
from cchc.graph.rdf import document_triples
from cchc.graph.rules import RuleFileError, parse_rules
from cchc.graph.structure import parse_document


def parsed(text: str):
    return parse_document(SourceText(name="vi-du.txt", text=text, format="txt"))


def roles(text: str) -> set[tuple[str, str]]:
    return {(a.agency, a.mode) for a in extract_facts(parsed(text)).assignments}


def rows(text: str) -> set[tuple[str, str, str]]:
    return {(a.agency, a.mode, a.area) for a in extract_facts(parsed(text)).assignments}


# --- segmentation ---------------------------------------------------------------------


def test_numbered_items_without_any_article_are_read() -> None:
    """A Chỉ thị or Công văn: "1. Sở Y tế" with points below it, no Điều anywhere."""
    text = (
        "CHỈ THỊ\nVề tăng cường quản lý chợ đầu mối\n"
        "Để chấn chỉnh tình trạng buôn bán tự phát, Chủ tịch yêu cầu:\n"
        "1. Sở Công Thương\n"
        "a) Rà soát, sửa đổi quy định về quản lý chợ trên địa bàn.\n"
        "2. Sở Y tế: kiểm tra an toàn thực phẩm tại các chợ đầu mối.\n"
    )
    found = roles(text)
    assert ("Sở Công Thương", "chu_tri") in found
    assert ("Sở Y tế", "chu_tri") in found


def test_text_before_the_first_heading_and_the_closing_are_kept_apart() -> None:
    text = (
        "Thời gian qua, việc cấp phép còn chậm.\n"
        "1. Sở Xây dựng hướng dẫn thủ tục cấp phép xây dựng.\n"
        "Trên đây là chỉ đạo của Ủy ban nhân dân tỉnh, yêu cầu Sở Tài chính theo dõi, tổng hợp.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    doc = parsed(text)
    assert doc.preamble is not None and "cấp phép còn chậm" in doc.preamble.text
    assert doc.closing is not None and doc.closing.text.startswith("Trên đây là")
    assert "Trên đây" not in doc.body[-1].text  # not read as the last item's duty
    assert roles(text) == {("Sở Xây dựng", "chu_tri")}


def test_an_untitled_article_is_a_duty_sentence() -> None:
    assert ("Sở Giao thông vận tải", "chu_tri") in roles(
        "Điều 7. Sở Giao thông vận tải có trách nhiệm công khai thủ tục cấp giấy phép lái xe.\n"
    )


def test_a_clause_with_two_duties_becomes_two_units() -> None:
    text = (
        "Điều 4. Trách nhiệm của Sở Du lịch\n"
        "1. Chủ trì xây dựng quy định về quản lý điểm du lịch; phối hợp với Sở Tài chính thẩm định dự toán kinh phí quảng bá.\n"
    )
    found = roles(text)
    assert ("Sở Du lịch", "chu_tri") in found and ("Sở Du lịch", "phoi_hop") in found
    assert ("Sở Tài chính", "chu_tri") in found  # the reversed partner leads the second duty


# --- agencies from headings and lead-ins ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("II. NHIỆM VỤ\n1. Sở Lao động (cơ quan thường trực)\na) Tổng hợp kết quả thực hiện chương trình.\n", ("Sở Lao động", "chu_tri")),
        ("3. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường\na) Quán triệt chỉ thị tới cán bộ, công chức.\n", ("Chủ tịch UBND các xã, phường", "chu_tri")),
        ("4. Đề nghị: Hội Cựu chiến binh tỉnh, Đoàn Thanh niên tỉnh\na) Vận động hội viên tham gia giữ gìn vệ sinh môi trường.\n", ("Hội Cựu chiến binh tỉnh", "chu_tri")),
        ("5. Trung tâm Lưu trữ thực hiện các nhiệm vụ sau:\na) Số hóa tài liệu lưu trữ lịch sử.\n", ("Trung tâm Lưu trữ", "chu_tri")),
        ("6. Các cơ quan cấp phép (Sở Xây dựng, Ban Quản lý các khu công nghiệp):\na) Công khai danh mục hồ sơ.\n", ("Ban Quản lý các khu công nghiệp", "chu_tri")),
        ("7. Ban Quản lý các khu chế xuất và khu công nghệ cao\na) Hướng dẫn doanh nghiệp lập hồ sơ.\n", ("Ban Quản lý các khu chế xuất và khu công nghệ cao", "chu_tri")),
        ("Điều 5. Trách nhiệm của Phó Trưởng Ban thường trực - Giám đốc Sở Nội vụ\n1. Điều phối hoạt động chung.\n", ("Sở Nội vụ", "chu_tri")),
        ("Điều 6. Thành viên Ban Chỉ đạo - Giám đốc Sở Tư pháp:\n1. Theo dõi thi hành pháp luật.\n", ("Sở Tư pháp", "chu_tri")),
        ("II. NHIỆM VỤ\n2.1. Sở Y tế - Cơ quan thường trực Hội đồng\n- Theo dõi tiến độ tiêm chủng mở rộng.\n", ("Sở Y tế", "chu_tri")),
        ("3. Các cơ quan quản lý ngành (gồm các Sở: Y tế, Văn hóa, Thể thao và Du lịch)\n- Hướng dẫn kiểm kê tài sản.\n", ("Sở Văn hóa, Thể thao và Du lịch", "chu_tri")),
    ],
    ids=["trailing-note", "collective-first", "request", "lead-in", "members-in-brackets", "whole-name", "post-holder", "member-seat", "dash-note", "listed-by-field"],
)
def test_agencies_from_headings_and_lead_ins(text: str, expected: tuple[str, str]) -> None:
    assert expected in roles(text)


def test_a_text_about_one_units_duties_makes_it_the_default_agency() -> None:
    """ "Quy định chức năng, nhiệm vụ … của Trung tâm X": its duties are X's."""
    text = (
        "QUY ĐỊNH\nCHỨC NĂNG, NHIỆM VỤ, QUYỀN HẠN VÀ CƠ CẤU TỔ CHỨC CỦA SỞ Y TẾ\n"
        "Điều 2. Nhiệm vụ và quyền hạn\n1. Hướng dẫn các cơ sở khám bệnh lập hồ sơ cấp phép hoạt động.\n"
    )
    assert ("Sở Y tế", "chu_tri") in roles(text)


def test_a_line_stating_a_task_attribute_is_no_duty() -> None:
    """ "Thời gian thực hiện: …" under a duty qualifies it; it is no second duty."""
    text = "1. Sở Xây dựng\n- Rà soát quy hoạch các khu dân cư.\nThời gian thực hiện: Quý IV năm 2026.\nKinh phí: ngân sách tỉnh.\n"
    texts = {a.text for a in extract_facts(parsed(text)).assignments}
    assert texts == {"Rà soát quy hoạch các khu dân cư."}


def test_a_request_names_each_body_asked() -> None:
    found = roles("4. Đề nghị: Hội Cựu chiến binh tỉnh, Đoàn Thanh niên tỉnh\na) Vận động hội viên giữ gìn vệ sinh.\n")
    assert found == {("Hội Cựu chiến binh tỉnh", "chu_tri"), ("Đoàn Thanh niên tỉnh", "chu_tri")}


# --- the clause grammar -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # [fronted phrase,] SUBJECT … ROLE
        ("Trên cơ sở đề xuất của các xã, Sở Tài chính tổng hợp dự toán kinh phí.", {("Sở Tài chính", "chu_tri")}),
        # a label with words before its colon
        ("Đơn vị chủ trì tham mưu thực hiện: Sở Văn hóa. Đơn vị phối hợp: Sở Du lịch.", {("Sở Văn hóa", "chu_tri"), ("Sở Du lịch", "phoi_hop")}),
        # "phối hợp X" without "với"
        ("Sở Công Thương chủ trì, phối hợp Sở Xây dựng, Công an tỉnh kiểm tra chợ.", {("Sở Công Thương", "chu_tri"), ("Sở Xây dựng", "phoi_hop"), ("Công an tỉnh", "phoi_hop")}),
        # a partner list that opens with a collective
        ("Sở Y tế chủ trì, phối hợp với các sở, ngành, UBND các xã tổ chức tiêm chủng.", {("Sở Y tế", "chu_tri"), ("UBND các xã", "phoi_hop")}),
        # the reversed partner: A helps B, B leads
        ("Công an tỉnh phối hợp với Sở Giao thông vận tải trong việc cấp đổi giấy phép lái xe.", {("Công an tỉnh", "phoi_hop"), ("Sở Giao thông vận tải", "chu_tri")}),
        # objects and recipients are not assignees
        ("Sở Nội vụ tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh và Bộ Nội vụ.", {("Sở Nội vụ", "chu_tri")}),
        ("Các xã gửi báo cáo về Sở Tài chính để tổng hợp báo cáo Chủ tịch UBND tỉnh.", set()),
        # a delegation: the bodies after "giao" are the assignees
        ("Ủy ban nhân dân tỉnh giao Sở Tư pháp rà soát văn bản quy phạm pháp luật.", {("Sở Tư pháp", "chu_tri")}),
        # only the first body after "phối hợp với" leads; the others help, as the subject does
        ("Công an tỉnh phối hợp với Sở Tư pháp, Sở Y tế và các cơ quan liên quan hướng dẫn thủ tục.", {("Công an tỉnh", "phoi_hop"), ("Sở Tư pháp", "chu_tri"), ("Sở Y tế", "phoi_hop")}),
        # a bare head word names no agency
        ("Giám đốc Sở, Thủ trưởng các cơ quan, đơn vị có trách nhiệm triển khai thực hiện chỉ thị.", set()),
        # the closing call to report difficulties assigns no work
        ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, Sở Y tế phản ánh về Sở Nội vụ để tổng hợp.", set()),
        # sending staff to take part is coordinating
        ("Sở Giáo dục và Đào tạo cử cán bộ chuyên môn tham gia đoàn kiểm tra liên ngành.", {("Sở Giáo dục và Đào tạo", "phoi_hop")}),
        # the standard closing clause names executors, not reform work
        ("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này.", set()),
        # partners closed by a colon are part of the subject phrase: the subject does the duty
        ("Sở Y tế phối hợp Bảo hiểm xã hội tỉnh: hướng dẫn các cơ sở khám bệnh thanh toán chi phí.", {("Sở Y tế", "chu_tri"), ("Bảo hiểm xã hội tỉnh", "phoi_hop")}),
        # a collective closing the subject list before its responsibility
        ("Sở Y tế, Sở Xây dựng và các sở, ngành quản lý chuyên ngành theo chức năng có trách nhiệm phối hợp công khai thông tin.", {("Sở Y tế", "phoi_hop"), ("Sở Xây dựng", "phoi_hop")}),
    ],
    ids=["fronted", "label-words", "partner-without-voi", "partner-collective", "reversed", "recipients", "report-to", "delegation", "reversed-co-partners", "bare-head", "difficulties", "sends-staff", "execution", "partners-before-colon", "collective-tail"],
)
def test_clause_grammar(sentence: str, expected: set[tuple[str, str]]) -> None:
    assert roles(f"Điều 3. Tổ chức thực hiện\n1. {sentence}\n") == expected


def test_a_sentence_subject_beats_its_heading() -> None:
    text = "Điều 9. Trách nhiệm của Sở Nội vụ\n1. Giao Thanh tra tỉnh thanh tra việc tuyển dụng công chức.\n2. Hướng dẫn xếp loại công chức.\n"
    found = roles(text)
    assert ("Thanh tra tỉnh", "chu_tri") in found and ("Sở Nội vụ", "chu_tri") in found
    assert {a.provision for a in extract_facts(parsed(text)).assignments if a.agency == "Sở Nội vụ"} == {"art_9__para_2"}


def test_a_duty_handed_to_no_named_agency_is_not_the_headings() -> None:
    """ "UBND tỉnh giao Giám đốc các sở, …" under a commune heading: the sentence has its
    own subject, so the communes do not inherit the province's closing instruction."""
    text = (
        "10. Ủy ban nhân dân các xã\na) Ban hành kế hoạch thực hiện.\n"
        "Ủy ban nhân dân tỉnh giao Giám đốc các sở, Thủ trưởng các ban, ngành tổ chức tuyên truyền, phổ biến rộng rãi kế hoạch này.\n"
    )
    assert {(a.agency, a.area) for a in extract_facts(parsed(text)).assignments} == {("Ủy ban nhân dân các xã", "chi_dao_dieu_hanh")}


def test_the_subject_carries_to_the_next_clause() -> None:
    text = "1. Sở Thông tin và Truyền thông có trách nhiệm tuyên truyền chính sách; đồng thời, phối hợp chặt chẽ với Sở Tài chính xây dựng cơ sở dữ liệu.\n"
    found = roles(text)
    assert ("Sở Thông tin và Truyền thông", "phoi_hop") in found and ("Sở Tài chính", "chu_tri") in found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Giao Văn phòng Chính phủ ký văn bản thông báo.", "Văn phòng Chính phủ"),
        ("Viện Nghiên cứu phát triển kinh tế chủ trì đề tài.", "Viện Nghiên cứu phát triển kinh tế"),
        ("Thuế tỉnh Lạng Sơn hướng dẫn kê khai.", "Thuế tỉnh Lạng Sơn"),
        ("Hiệp hội Doanh nghiệp tỉnh phối hợp tuyên truyền.", "Hiệp hội Doanh nghiệp tỉnh"),
        ("Văn phòng HĐND và UBND huyện chuẩn bị tài liệu họp.", "Văn phòng HĐND và UBND huyện"),
        ("Ủy ban nhân dân Thành phố yêu cầu các Sở triển khai.", "Ủy ban nhân dân Thành phố"),
        ("Sở Y tế, Các bệnh viện tuyến tỉnh phối hợp thực hiện.", "Sở Y tế"),
        ("Sở Tư pháp Sở Y tế", "Sở Tư pháp"),  # a table cell whose paragraphs ran together
        ("Phòng Văn hóa - Xã hội thụ lý hồ sơ đề nghị.", "Phòng Văn hóa - Xã hội"),
        ("Sở Tài chính - Cơ quan thường trực Hội đồng thẩm định", "Sở Tài chính"),
        ("Cục Thuế cử cán bộ tham gia đoàn công tác.", "Cục Thuế"),
        ("Khi Giám đốc Sở vắng mặt, một Phó Giám đốc điều hành.", "Giám đốc Sở"),
        ("Ban Quản lý Khu Nông nghiệp ứng dụng Công nghệ cao tỉnh tiếp nhận hồ sơ.", "Ban Quản lý Khu Nông nghiệp ứng dụng Công nghệ cao tỉnh"),
        # a management board's lower-case complement, "và" joining two managed things
        ("Ban Quản lý các cụm công nghiệp và khu du lịch phối hợp kiểm tra.", "Ban Quản lý các cụm công nghiệp và khu du lịch"),
        ("Ban quản lý rừng phòng hộ Sông Đà, Sở Tài chính cùng thực hiện.", "Ban quản lý rừng phòng hộ Sông Đà"),
        ("Ban Quản lý Khu du lịch Núi Bà và Sở Xây dựng chủ trì.", "Ban Quản lý Khu du lịch Núi Bà"),
    ],
)
def test_names_end_at_the_right_word(sentence: str, name: str) -> None:
    assert find_mentions(sentence)[0].name == name


# --- provenance and rules as data -----------------------------------------------------------


def test_every_assignment_says_which_rules_made_it() -> None:
    doc = parsed("Điều 3. Tổ chức thực hiện\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính lập dự toán.\n")
    facts = extract_facts(doc)
    data = facts_json(doc, facts, explain=True)
    why = {row["agency"]: row["explain"] for row in data["assignments"]}
    assert why["Sở Y tế"]["rules"] == ["role.subject", "role.verb.lead"]
    assert why["Sở Tài chính"]["rules"] == ["role.partner_with"]
    assert why["Sở Y tế"]["span"][0] == doc.source.text.index("Sở Y tế chủ trì")
    assert "explain" not in facts_json(doc, facts)["assignments"][0]  # the cchc-facts/1 view stays as it was
    plans = {str(t.object.value) for t in document_triples(doc, facts) if t.predicate.value.endswith("#extractedBy")}
    assert "https://w3id.org/cchc/rule/role.partner_with" in plans


def test_each_fact_is_derived_from_its_provision_in_prov_terms() -> None:
    """The derivation is stated once, by cchc:provision, which the ontology makes a
    sub-property of prov:wasDerivedFrom: a PROV reader finds it through the ontology."""
    from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store

    from cchc.graph.ontology import ontology_ntriples

    doc = parsed("Điều 3. Tổ chức thực hiện\n1. Sở Y tế chủ trì lập dự toán.\n")
    store = Store()
    store.load(ontology_ntriples().encode(), format=RdfFormat.N_TRIPLES)
    store.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in document_triples(doc, extract_facts(doc)))
    rows = list(store.query(
        "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "PREFIX cchc: <https://w3id.org/cchc/ontology#> "
        "SELECT ?source WHERE { ?fact a cchc:Assignment . ?p rdfs:subPropertyOf* prov:wasDerivedFrom . ?fact ?p ?source }"
    ))
    assert [row["source"].value.rsplit("/", 1)[-1] for row in rows] == ["art_3__para_1"]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "a", "stage": "role"}', "thiếu khóa pattern"),
        ('{"id": "a", "stage": "role", "pattern": "(unclosed"}', "biểu thức chính quy"),
        ('{"id": "a", "stage": "role", "pattern": "x", "flags": "q"}', "cờ"),
        ("not json", "JSON"),
        ('{"id": "a", "stage": "role", "pattern": "x", "requires": "Thi Hành"}', "requires"),
    ],
)
def test_a_bad_rule_line_is_one_line_naming_file_and_line(line: str, problem: str) -> None:
    good = json.dumps({"id": "ok", "stage": "role", "pattern": "x"})
    with pytest.raises(RuleFileError) as raised:
        parse_rules(f"{good}\n{line}\n", "quy-tac.jsonl")
    message = str(raised.value)
    assert isinstance(raised.value, CchcError) and "\n" not in message
    assert message.startswith("quy-tac.jsonl, dòng 2:") and problem in message
