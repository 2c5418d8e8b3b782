"""Words people read in a comparison: provision labels, vocabulary labels, cadences, thresholds.

The graph stores identifiers (eids such as ``art_6__para_2__point_a``, concept IRIs such as
``…/function/tu_phap``); a comparison is read by officials who cite "Điều 6 khoản 2 điểm a"
and say "Tư pháp". Everything here is a pure function of those identifiers, so every
renderer (html, docx, md, csv, json, terminal) says the same thing the same way.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import rdflib
from rdflib.namespace import SKOS

from cchc.graph import kinds, levels
from cchc.graph.namespaces import CCHC, VOCAB
from cchc.graph.ontology import vocabulary_graph

PAR_INDEX = rdflib.URIRef(f"{VOCAB}index/par_index")

# The order areas are listed in: the PAR Index's own order, then the areas it does not score.
AREA_ORDER = (
    "chi_dao_dieu_hanh", "the_che", "thu_tuc_hanh_chinh", "to_chuc_bo_may", "cong_vu", "tai_chinh_cong",
    "chinh_phu_so", "tac_dong", "tuyen_truyen", "danh_gia_chi_so", "kiem_tra", "thi_dua",
)
MODE_ORDER = ("chu_tri", "phoi_hop", "tham_dinh", "giam_sat")
MODE_LABELS = {"chu_tri": "Chủ trì", "phoi_hop": "Phối hợp", "tham_dinh": "Thẩm định", "giam_sat": "Giám sát"}
OTHER_FUNCTION = "other"

_ROMAN = re.compile(r"^[ivxlc]+$")


def notation(iri: str) -> str:
    """The last segment of a concept IRI: ``…/area/the_che`` → ``the_che``."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


@cache
def concept_label(scheme: str, code: str) -> str:
    """The Vietnamese prefLabel of a concept of ``scheme`` (area, function, period, doc-kind…)."""
    graph = vocabulary_graph()
    for label in graph.objects(rdflib.URIRef(f"{VOCAB}{scheme}/{code}"), SKOS.prefLabel):
        if getattr(label, "language", None) == "vi":
            return str(label)
    return code


def area_label(code: str) -> str:
    return concept_label("area", code)


def function_label(code: str) -> str:
    return concept_label("function", code)


def period_label(code: str) -> str:
    return concept_label("period", code)


def kind_label(code: str) -> str:
    return concept_label("doc-kind", code)


@cache
def _kind_pattern() -> re.Pattern[str]:
    return re.compile(kinds.expand(r"({instrument})\s+(?:số\s*:?\s*)?$"), re.IGNORECASE)


def kind_before(text: str, number: str) -> str:
    """The kind word printed before a number ("Quyết định số 39/QĐ-VP" → "Quyết định"), or ""."""
    at = text.find(number)
    if at < 0:
        return ""
    match = _kind_pattern().search(text[:at])
    return match.group(1)[0].upper() + match.group(1)[1:] if match else ""


def area_sort_key(code: str) -> tuple[int, str]:
    return (AREA_ORDER.index(code), code) if code in AREA_ORDER else (len(AREA_ORDER), code)


@cache
def par_areas() -> tuple[str, ...]:
    """The reform areas the PAR Index scores (its criteria's ``cchc:coversArea``), in order."""
    graph = vocabulary_graph()
    covered = {
        notation(str(area))
        for criterion in graph.subjects(rdflib.URIRef(CCHC + "criterionOf"), PAR_INDEX)
        for area in graph.objects(criterion, rdflib.URIRef(CCHC + "coversArea"))
    }
    return tuple(sorted(covered, key=area_sort_key))


@cache
def all_areas() -> tuple[str, ...]:
    """Every reform area of the SKOS scheme, in reading order."""
    graph = vocabulary_graph()
    codes = {str(code) for concept in graph.subjects(SKOS.inScheme, rdflib.URIRef(VOCAB + "area")) for code in graph.objects(concept, SKOS.notation)}
    return tuple(sorted(codes, key=area_sort_key))


# Provisions -----------------------------------------------------------------------------
def _number(kind: str, raw: str) -> str:
    number = raw.split("_", 1)[0]  # "6_2" is the second "Điều 6" of a source with a typo
    if number == "dd":
        return "đ"
    return number.upper() if kind in ("sec", "chp", "part") and _ROMAN.match(number) else number


def eid_label(eid: str) -> str:
    """``art_6__para_2__point_a`` → "Điều 6 khoản 2 điểm a"; ``sec_ii__para_3`` → "Mục II.3".

    Indents (``indent_16``) are numbered across the whole document by the parser, so their
    number means nothing to a reader and is left out; the source text says which one.
    """
    words: list[str] = []
    in_section = False
    for part in (p for p in eid.split("__") if p):
        kind, _, raw = part.partition("_")
        number = _number(kind, raw)
        if kind == "art":
            words.append(f"Điều {number}")
        elif kind == "sec":
            words.append(f"Mục {number}")
            in_section = True
        elif kind == "chp":
            words.append(f"Chương {number}")
        elif kind == "part":
            words.append(f"Phần {number}")
        elif kind == "para":
            if in_section and words and words[-1].startswith("Mục"):
                words[-1] = f"{words[-1]}.{number}"
            else:
                words.append(f"khoản {number}")
        elif kind == "point":
            words.append(f"điểm {number}")
    return " ".join(words)


@lru_cache(maxsize=8192)  # documents share their structure: the same few hundred paths recur
def provision_label(eid_path: str, annex_kind: str | None = None) -> str:
    """The label of a provision addressed relative to its document (``att_1/art_5__para_2``).

    A provision of an attached Quy chế/Quy định gets "(Quy chế kèm theo)", because the
    promulgating Quyết định has its own Điều 1, 2, 3; a path naming no provision (the
    document, or the attached text itself) is its preamble, where legal bases are cited.
    """
    segments = [s for s in eid_path.split("/") if s]
    annexed = any(s.startswith("att_") for s in segments)
    eid = next((s for s in reversed(segments) if not s.startswith("att_")), "")
    label = (eid_label(eid) if eid else "") or "Phần căn cứ ban hành"
    if annexed:
        label += f" ({kind_label(annex_kind)} kèm theo)" if annex_kind else " (văn bản kèm theo)"
    return label


# Facts in words -------------------------------------------------------------------------
def _count(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def cadence(per_year: float | None, ad_hoc: bool) -> str:
    """How often a body meets: "hằng quý (4 lần/năm), đột xuất khi cần"."""
    names = {12: "hằng tháng", 4: "hằng quý", 2: "6 tháng một lần", 1: "hằng năm", 52: "hằng tuần"}
    parts: list[str] = []
    if per_year:
        name = names.get(int(per_year)) if float(per_year).is_integer() else None
        parts.append(f"{name} ({_count(per_year)} lần/năm)" if name else f"{_count(per_year)} lần/năm")
    if ad_hoc:
        parts.append("đột xuất khi cần")
    return ", ".join(parts) or "không nêu tần suất"


def threshold(min_percent: float | None, max_percent: float | None) -> str:
    """A rating band as printed: "≥ 90%", "60%–70%", "≤ 50%"."""
    if min_percent is not None and max_percent is not None:
        return f"{_count(min_percent)}%–{_count(max_percent)}%"
    if min_percent is not None:
        return f"≥ {_count(min_percent)}%"
    if max_percent is not None:
        return f"≤ {_count(max_percent)}%"
    return "không nêu ngưỡng"


def unit_level(unit: str) -> str | None:
    """The level word a unit's name starts with ("huyện Mỹ Xuyên" → "huyện"), if any."""
    lowered = unit.lower()
    return next((level for level in levels.words() if lowered.startswith(level + " ")), None)
