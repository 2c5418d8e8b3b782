"""L601–L603: PAR Index areas nobody leads or two agencies lead, and members with no duty.

The PAR Index areas are read from the vocabulary (``cv:par-index`` members, else the areas
the criteria of ``idx:par_index`` cover), never listed in code. An area counts as led when
a lead duty is classified in it, or names it outright in its text or in the heading it
sits under; a text that lists every area at once ("các lĩnh vực: thể chế; thủ tục hành
chính; …") leads none of them. Two leads are counted only when each names the area in
its own words, outside a sentence about coordination ("Phối hợp …"), and leave out the
committee chair, lower-level committees and helper groups, which lead inside their own
remit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import rdflib
from rdflib.namespace import SKOS

from cchc.graph.agencies import agency_key, find_mentions, held_agency
from cchc.graph.extract import cues as extraction_cues
from cchc.graph.functions import function_of
from cchc.graph.model import Facts, Provision
from cchc.graph.namespaces import CCHC, VOCAB
from cchc.graph.normalize import match_key
from cchc.graph.ontology import vocabulary_graph
from cchc.graph.structure import effective_metadata
from cchc.lint.context import LintContext, Part
from cchc.lint.findings import Finding, data
from cchc.lint.registry import check
from cchc.lint.text import excerpt, sentences

COVERS_AREA = rdflib.URIRef(CCHC + "coversArea")
CRITERION_OF = rdflib.URIRef(CCHC + "criterionOf")


@dataclass(frozen=True)
class Area:
    notation: str
    label: str  # Vietnamese prefLabel
    names: tuple[str, ...]  # match_key forms of its prefLabel and altLabels
    strong: tuple[str, ...]  # the names that cannot mean anything else (three syllables or an acronym)


@cache
def par_areas() -> tuple[Area, ...]:
    """The areas the PAR Index scores, in vocabulary order, with the names they go by."""
    graph = vocabulary_graph()
    members: list[rdflib.term.Node | None] = list(graph.objects(rdflib.URIRef(VOCAB + "par-index"), SKOS.member))
    if not members:
        index = rdflib.URIRef(VOCAB + "index/par_index")
        members = [graph.value(criterion, COVERS_AREA) for criterion in graph.subjects(CRITERION_OF, index)]
    areas = []
    for concept in members:
        if concept is None:
            continue
        notation = str(graph.value(concept, SKOS.notation) or str(concept).rsplit("/", 1)[-1])
        labels = [o for p in (SKOS.prefLabel, SKOS.altLabel) for o in graph.objects(concept, p) if getattr(o, "language", None) == "vi"]
        pref = next((str(o) for o in graph.objects(concept, SKOS.prefLabel) if getattr(o, "language", None) == "vi"), notation)
        names = tuple(sorted({match_key(str(label)) for label in labels if len(str(label)) > 3}, key=len, reverse=True))
        strong = tuple(
            sorted({match_key(str(label)) for label in labels if len(str(label).split()) >= 3 or str(label).isupper()}, key=len, reverse=True)
        )
        areas.append(Area(notation, pref, names, strong))
    order = data("cues.json")["par_area_order"]  # how reports list them; RDF sets have no order
    return tuple(sorted(areas, key=lambda a: (order.index(a.notation) if a.notation in order else len(order), a.notation)))


@cache
def _area_patterns(strong: bool) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (area.notation, re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in (area.strong if strong else area.names)) + r")(?!\w)"))
        for area in par_areas()
        if (area.strong if strong else area.names)
    )


def named_areas(text: str, strong: bool = False) -> set[str]:
    """PAR areas a text names, outside its coordination sentences.

    ``strong``: only by a name that cannot mean anything else, not inside parentheses and
    not narrowed to a sector ("cải cách thể chế trong lĩnh vực đô thị").
    """
    found: set[str] = set()
    scoped = re.compile(data("cues.json")["area_scope_after"])
    for sentence in sentences(text):
        if extraction_cues().phoi_hop.match(sentence.text.strip()):
            continue
        key = match_key(sentence.text)
        if strong:
            key = re.sub(r"\([^)]*\)", " ", key)
        hits = sorted(
            (match.start(), match.end(), notation) for notation, pattern in _area_patterns(strong) for match in pattern.finditer(key)
        )
        for start, end, notation in hits:
            if strong and scoped.match(key, end):
                continue  # "cải cách thể chế trong lĩnh vực đô thị": one sector's share
            if strong and any(e <= start and (m := scoped.match(key, e)) and m.end() >= start - 1 for _, e, _ in hits):
                continue  # "… trong lĩnh vực tài chính công": the sector, not the area
            found.add(notation)
    return found


def specific_areas(areas: set[str]) -> set[str]:
    """A text naming many areas enumerates the whole reform; it leads none of them."""
    return areas if len(areas) <= data("cues.json")["max_areas_named_for_lead"] else set()


def heading_text(heading: str, text: str) -> str:
    """What a provision is about: its heading, or a short first line of its text."""
    first = text.split("\n")[0]
    return " ".join(filter(None, [heading, first if len(first.split()) <= 30 else ""]))


def context_areas(*headings: str) -> set[str]:
    """PAR areas named by the headings a duty sits under, each naming one or two."""
    found: set[str] = set()
    for heading in headings:
        found |= specific_areas(named_areas(heading))
    return found


@dataclass(frozen=True)
class Lead:
    agency: str  # canonical name
    function: str
    area: str  # notation
    provision: str  # facts-style eid
    explicit: bool  # the duty names the area itself


def _canonical(facts: Facts) -> dict[str, str]:
    names = {}
    for agency in facts.agencies:
        for spelling in (agency.name, *agency.aliases):
            names[agency_key(spelling)] = agency.name
    return names


def leads(ctx: LintContext) -> list[Lead]:
    """Every (agency, PAR area) lead of the file, with whether it names the area itself."""
    canonical = _canonical(ctx.facts)
    par = {a.notation for a in par_areas()}
    found: list[Lead] = []
    for row in ctx.facts.assignments:
        if row.mode != "chu_tri":
            continue
        name = canonical.get(agency_key(row.agency), row.agency)
        function = function_of(name)
        own = specific_areas(named_areas(row.text, strong=True))
        part, local = ctx.split(row.provision)
        ancestors = part.ancestors(local) if local in part.provisions else []
        context = context_areas(*(heading_text(a.heading, a.text) for a in ancestors))
        for area in {row.area} | own | context:
            if area in par:
                found.append(Lead(name, function, area, row.provision, area in own))
    return found


def area_problems(areas: Iterable[Area], found: Iterable[Lead]) -> Iterator[tuple[str, Area, list[Lead]]]:
    """("L601", area, []) for an area nobody leads, ("L602", area, leads) for two or more."""
    cues = data("cues.json")
    found = list(found)
    led = {lead.area for lead in found}
    if len(led) < cues["par_min_led_areas"]:
        return  # the text does not divide the reform work by area
    exempt = set(cues["lead_exempt_functions"])
    for area in areas:
        if area.notation not in led:
            yield "L601", area, []
            continue
        explicit: dict[str, Lead] = {}
        for lead in found:
            if lead.area == area.notation and lead.explicit and lead.function not in exempt:
                explicit.setdefault(lead.function if lead.function != "other" else lead.agency, lead)
        if len(explicit) >= 2:
            yield "L602", area, list(explicit.values())


def about_reform(ctx: LintContext) -> bool:
    """Only a text about administrative reform is expected to divide the PAR Index areas."""
    reform = re.compile(data("cues.json")["reform_title"])
    titles = [part.doc.metadata.title or "" for part in ctx.parts] + [effective_metadata(ctx.parsed).title or ""]
    return any(reform.search(match_key(title)) for title in titles)


@check
def par_area_leads(ctx: LintContext) -> Iterator[Finding]:
    if not about_reform(ctx):
        return
    for rule_id, area, found in area_problems(par_areas(), leads(ctx)):
        if rule_id == "L601":
            yield ctx.finding("L601", None, label=ctx.whole(), line=None, area=area.label, scope=" trong văn bản")
            continue
        listed = "; ".join(f"{lead.agency} ({ctx.label(lead.provision)})" for lead in found)
        second = found[1]
        provision = ctx.provision(second.provision)
        text = next((a.text for a in ctx.facts.assignments if a.provision == second.provision), provision.text if provision else "")
        yield ctx.finding("L602", second.provision, excerpt=excerpt(text, 0, 0, 200), area=area.label, count=len(found), leads=listed)


# Members of a steering body -------------------------------------------------------------


@cache
def member_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cues = data("cues.json")
    return (
        re.compile(cues["member_heading"]),
        re.compile(cues["member_list_item"]),
        re.compile(cues["boilerplate_duty"]),
        re.compile(cues["member_not_designation"]),
    )


def _subtree_text(provision: Provision) -> str:
    return "\n".join(p.text for p in provision.walk() if p.text)


def specific_duty(text: str) -> bool:
    """Whether a member's duty says anything beyond "tasks the chair assigns"."""
    _, _, boilerplate, _ = member_patterns()
    return any(not boilerplate.search(match_key(s.text)) and len(s.text.split()) >= 3 for s in sentences(text))


def designation(heading: str, text: str) -> tuple[str, str] | None:
    """(the member as written, the provision's own duty text) when a provision is about one
    member ("Thành viên Ban Chỉ đạo - Trưởng Phòng Tư pháp"), as its heading or first line."""
    pattern, _, _, sentence = member_patterns()
    first, _, rest = text.partition("\n")
    if heading and pattern.match(match_key(heading)):
        who, duty = heading, text
    elif not heading and first and pattern.match(match_key(first)):
        who, duty = first, rest
    else:
        return None
    if re.match(r"(?i)^(?:các|những)\b", who) or sentence.search(match_key(who)):
        return None  # "Các thành viên …", "Thành viên … có trách nhiệm …": a rule, not a member
    return who.strip(" .:"), duty


def _designations(part: Part) -> Iterator[tuple[Provision, str, str]]:
    """(provision, the member as written, its duty text) for each provision about one member."""
    for provision in part.provisions.values():
        found = designation(provision.heading, provision.text) if provision.kind != "indent" else None
        if found is None:
            continue
        who, own = found
        duty = "\n".join(filter(None, [own, *(_subtree_text(c) for c in provision.children)]))
        if not duty.strip() and _heads_numbered_run(part, provision):
            continue  # "1. Nhiệm vụ của thành viên" over "1.1.", "1.2.": a heading, its items follow
        yield provision, who, duty


def _heads_numbered_run(part: Part, provision: Provision) -> bool:
    siblings = part.children(part.parents.get(provision.eid))
    return any(s.number.startswith(f"{provision.number}.") for s in siblings if s is not provision)


@check
def members_without_duty(ctx: LintContext) -> Iterator[Finding]:
    """Three ways a member goes without a duty: the provision naming the member says nothing
    specific; extraction found the membership (``Facts.members``) but no duty of that agency
    anywhere in the file; a composition list names a member no provision speaks of."""
    canonical = _canonical(ctx.facts)
    with_duty = {agency_key(canonical.get(agency_key(a.agency), a.agency)) for a in ctx.facts.assignments}
    with_duty |= {function_of(a.agency) for a in ctx.facts.assignments} - {"other"}
    reported: set[str] = set()
    for part in ctx.parts:
        for provision, who, duty in _designations(part):
            if not specific_duty(duty):
                reported.add(part.prefix + provision.eid)
                detail = "" if not duty.strip() else " (chỉ có nhiệm vụ chung “theo sự phân công”)"
                yield ctx.finding("L603", provision.eid, part=part, excerpt=excerpt(who, 0, 0, 160),
                                  line=provision.span.line, member=who, detail=detail)
    for member in ctx.facts.members:
        key = agency_key(canonical.get(agency_key(member.agency), member.agency))
        if member.provision in reported or key in with_duty or function_of(member.agency) in with_duty - {"other"}:
            continue
        reported.add(member.provision)
        yield ctx.finding("L603", member.provision, excerpt=member.text, member=member.agency,
                          detail=f" ({member.body}) trong văn bản")
    for part in ctx.parts:
        yield from _listed_members(ctx, part, with_duty)


def _listed_members(ctx: LintContext, part: Part, with_duty: set[str]) -> Iterator[Finding]:
    """Members named in a composition list ("- Trưởng phòng Tư pháp - Thành viên;") whose
    agency no provision of the file gives a duty, unless the file leaves duties to a Quy chế."""
    _, item, _, _ = member_patterns()
    suffix = re.compile(data("cues.json")["member_role_suffix"], re.IGNORECASE)
    whole = match_key("\n".join(f"{p.heading}\n{p.text}" for p in part.provisions.values()))
    if re.search(data("cues.json")["member_duties_elsewhere"], whole):
        return
    for provision in part.provisions.values():
        for line in provision.text.split("\n"):
            match = item.match(match_key(line))
            if not match or match.group("role").startswith(("trưởng", "phó")):
                continue
            who = suffix.sub("", line.strip())  # "Giám đốc Sở Tư pháp - Thành viên;" → the member
            names = [held_agency(m.name) or m.name for m in find_mentions(who) if m.kind in ("agency", "title")]
            if not names:
                continue
            key = agency_key(names[0])
            if key in with_duty or function_of(names[0]) in with_duty:
                continue
            yield ctx.finding("L603", provision.eid, part=part, excerpt=excerpt(line, 0, 0, 160), member=names[0],
                              detail=" trong văn bản (nhiệm vụ của thành viên chưa được quy định)")
