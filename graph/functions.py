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

from cchc.graph.agencies import field_heads
from cchc.graph.namespaces import CCHC, VOCAB
from cchc.graph.normalize import match_key
from cchc.graph.ontology import vocabulary_graph
from cchc.graph.phrases import phrase_alternation

LEVEL_LABEL = rdflib.URIRef(CCHC + "levelLabel")
SCHEME = rdflib.URIRef(VOCAB + "function")


def _key(name: str) -> str:
    """"HĐND - UBND", "HĐND & UBND" and "HĐND và UBND" name the same office."""
    return match_key(name).replace(" - ", " và ")


@cache
def _names() -> tuple[tuple[str, str], ...]:
    """(notation, name) of every name the functions vocabulary gives an agency."""
    graph = vocabulary_graph()
    return tuple(
        (str(graph.value(concept, SKOS.notation)), str(label))
        for concept in graph.subjects(SKOS.inScheme, SCHEME)
        for prop in (SKOS.altLabel, LEVEL_LABEL)
        for label in graph.objects(concept, prop)
    )


@cache
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    by_label: dict[str, str] = {}
    for notation, name in _names():
        by_label.setdefault(_key(name), notation)
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
    fields: set[str] = set()
    for _, name in _names():
        words = name.split(" ", 1)
        if len(words) == 2 and "," in words[1] and words[1][:1].isupper():
            fields.add(words[1])
    return tuple(sorted(fields, key=len, reverse=True))


@cache
def _spellings() -> dict[str, str]:
    found: dict[str, str] = {}
    for _, name in _names():
        found.setdefault(match_key(name), name)
    return found


_COMPONENT = re.compile(r"(\s+và\s+|\s*,\s*|\s+-\s+)", re.IGNORECASE)


def usual_spelling(name: str) -> str:
    """A name read from capitals ("SỞ NỘI VỤ" → "Sở Nội Vụ") in its usual spelling: the
    vocabulary's ("Sở Nội vụ") when it knows the name, else a field name's own rule, the
    first word of each field capitalised ("Sở Y tế", "Sở Giáo dục và Đào tạo")."""
    known = _spellings().get(match_key(name))
    if known:
        return known
    head, _, field = name.partition(" ")
    if head not in field_heads() or not field:
        return name
    parts = _COMPONENT.split(field)
    cased = [p.lower() if _COMPONENT.fullmatch(p) else p[:1].upper() + p[1:].lower() for p in parts]
    return f"{head} {''.join(cased)}"
