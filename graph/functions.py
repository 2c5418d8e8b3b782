"""An agency's function in the shared SKOS scheme, from the names it appears under.

The labels of ``ontology/vocab/functions.ttl`` (names at each level, abbreviations) are
matched inside the normalised agency name, longest label first, so "Trưởng Phòng Nội vụ
huyện" and "Phòng NV" both land on ``noi_vu``. Unknown names get ``other``: extend the
vocabulary file to teach it a new one.
"""

from __future__ import annotations

import re
from functools import cache

import rdflib
from rdflib.namespace import SKOS

from cchc.graph.namespaces import CCHC, VOCAB
from cchc.graph.phrases import phrase_alternation
from cchc.graph.normalize import match_key
from cchc.graph.ontology import vocabulary_graph

LEVEL_LABEL = rdflib.URIRef(CCHC + "levelLabel")
SCHEME = rdflib.URIRef(VOCAB + "function")


def _key(name: str) -> str:
    """"HĐND - UBND", "HĐND & UBND" and "HĐND và UBND" name the same office."""
    return match_key(name).replace(" - ", " và ")


@cache
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    graph = vocabulary_graph()
    by_label: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, SCHEME):
        notation = str(graph.value(concept, SKOS.notation))
        for prop in (SKOS.altLabel, LEVEL_LABEL):
            for label in graph.objects(concept, prop):
                by_label.setdefault(_key(str(label)), notation)
    return re.compile(r"(?<!\w)(?:" + phrase_alternation(by_label) + r")(?!\w)"), by_label


@cache
def function_of(name: str) -> str:
    pattern, by_label = _labels()
    key = _key(name)
    found = [m.group(0) for m in pattern.finditer(key)]
    if not found:
        return "other"
    return by_label[max(found, key=len)]


@cache
def comma_fields() -> tuple[str, ...]:
    """Field names that hold a comma ("Văn hóa, Thể thao và Du lịch"), longest first: a
    list of bodies by field ("các Sở: Xây dựng, Văn hóa, Thể thao và Du lịch") must not cut
    them at the comma."""
    graph = vocabulary_graph()
    fields: set[str] = set()
    for concept in graph.subjects(SKOS.inScheme, SCHEME):
        for prop in (SKOS.altLabel, LEVEL_LABEL):
            for label in graph.objects(concept, prop):
                words = str(label).split(" ", 1)
                if len(words) == 2 and "," in words[1] and words[1][:1].isupper():
                    fields.add(words[1])
    return tuple(sorted(fields, key=len, reverse=True))


@cache
def _spellings() -> dict[str, str]:
    graph = vocabulary_graph()
    found: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, SCHEME):
        for prop in (SKOS.altLabel, LEVEL_LABEL):
            for label in graph.objects(concept, prop):
                found.setdefault(match_key(str(label)), str(label))
    return found


_FIELD_NAME = re.compile(r"^(Sở|Bộ|Cục) (\S.*)$")
_COMPONENT = re.compile(r"(\s+và\s+|\s*,\s*|\s+-\s+)", re.IGNORECASE)


def usual_spelling(name: str) -> str:
    """A name read from capitals ("SỞ NỘI VỤ" → "Sở Nội Vụ") in its usual spelling: the
    vocabulary's ("Sở Nội vụ") when it knows the name, else a field name's own rule, the
    first word of each field capitalised ("Sở Y tế", "Sở Giáo dục và Đào tạo")."""
    known = _spellings().get(match_key(name))
    if known:
        return known
    field = _FIELD_NAME.match(name)
    if not field:
        return name
    parts = _COMPONENT.split(field.group(2))
    cased = [p.lower() if _COMPONENT.fullmatch(p) else p[:1].upper() + p[1:].lower() for p in parts]
    return f"{field.group(1)} {''.join(cased)}"
