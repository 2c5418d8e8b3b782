"""The clause grammar of roles: who, in one duty unit, leads, coordinates, appraises or
supervises.

A duty clause reads ``[fronted phrase,] SUBJECT LIST [aside,] ROLE/VERB …``. The subject
is the list of names at the start (after "Giao", "Đề nghị", "Yêu cầu" when the issuer
hands the duty on); when the clause names none, the agencies of its heading or lead-in
are the subject. Only two positions make a name an assignee: the subject, and the list
right after "phối hợp (với)" when the subject leads. Every other name is an object or a
recipient ("tham mưu UBND tỉnh …", "báo cáo về Sở X"), whatever its words. Labels
("Cơ quan chủ trì: X", "Đơn vị chủ trì tham mưu thực hiện: X") name the roles outright.

Each role found carries the id of the rule that found it (``data/duty_rules.jsonl``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

from cchc.graph.agencies import Mention, find_mentions, iter_mentions, listed_header, names_at
from cchc.graph.duties import DutyUnit, Subject, _leading_group
from cchc.graph.rules import match_at, rule, search


@dataclass(frozen=True)
class Role:
    agency: str
    mode: str  # chu_tri | phoi_hop | tham_dinh | giam_sat
    rule: str  # ids of the subject rule and the role rule, "+"-joined
    request: bool = False  # a body the issuer can only ask ("Đề nghị Ủy ban MTTQ …")


def _named(text: str) -> list[Mention]:
    return [m for m in find_mentions(text) if m.kind != "body"]


def _names_from(text: str) -> Iterator[Mention]:
    return (m for m in iter_mentions(text) if m.kind != "body")


def _labelled(text: str) -> list[Role]:
    roles: list[Role] = []
    if ":" not in text:  # every label ends with a colon: most clauses are spared three scans
        return roles
    for rule_id in ("role.label.lead", "role.label.partner", "role.label.doer"):
        for match in rule(rule_id).finditer(text):
            for index, mention in enumerate(_named(match.group(1))):
                lead = rule_id == "role.label.lead" or (rule_id == "role.label.doer" and index == 0)
                roles.append(Role(mention.name, "chu_tri" if lead else "phoi_hop", rule_id))
    return roles


@dataclass(frozen=True)
class _Subject:
    names: list[Mention]
    predicate: str  # what the subject does: the rest of the clause
    rule: str
    request: bool


_OPENING = re.compile(r"\s*(?:(?:các|cho|đối với)\s+)?", re.IGNORECASE)  # what may stand before a subject


def _opening_end(text: str, offset: int) -> int:
    """Where a subject may begin at ``offset``, past "các", "cho", "đối với"."""
    opening = _OPENING.match(text, offset)
    assert opening is not None  # every part of _OPENING is optional: it always matches
    return opening.end()


def own_subject(text: str) -> _Subject | None:
    """The clause's own subject list, when it names one where a subject stands."""
    offset = 0
    fronted = rule("role.fronted").match(text)
    if fronted:
        offset = fronted.end()
    request = False
    delegate = match_at("role.delegate", text, offset)
    used = "role.subject"
    if delegate:
        request = match_at("role.request", text, offset) is not None
        offset = delegate
        used = "role.subject.request" if request else "role.subject.delegated"
    listed = listed_header(text[offset:])  # "Các Sở, ngành: Tài chính, Tư pháp …"
    collective = None if listed else match_at("seg.heading.collective", text, offset)
    if collective and next(_names_from(text[collective:]), None):
        offset = collective  # "Các Sở, ban, ngành, UBND cấp xã …": the named body
    elif not listed and not names_at(text, _opening_end(text, offset)):
        return None  # most duties open with their verb: no need to read the whole clause
    mentions = _names_from(text[offset:])
    first = next(mentions, None)
    if not first:
        return None
    before = text[offset : offset + first.start]
    if not (listed and listed.end() >= first.start) and not _OPENING.fullmatch(before):
        return None
    group = _leading_group(chain([first], mentions), text[offset:])
    end = offset + group[-1].end
    end = match_at("role.aside", text, end) or end
    end = match_at("role.collective_tail", text, end) or end
    predicate = text[end:]
    if rule("role.not_subject").match(predicate) or not predicate.strip(" .;:"):
        return None
    handed = rule("role.delegator").match(predicate)
    if handed and not delegate:  # "UBND tỉnh giao Sở X …": Sở X is the assignee
        inner = own_subject(predicate[handed.end() :])
        if inner:
            return _Subject(inner.names, inner.predicate, "role.subject.delegated", inner.request)
        # Handed to no nameable agency ("… giao Giám đốc các sở, Thủ trưởng các ban, ngành
        # …"): still the clause's own subject, so the heading's agencies are not it.
        return _Subject([], predicate, "role.subject.delegated", False)
    return _Subject(group, predicate, used, request)


def _mode(predicate: str) -> tuple[str, str]:
    """The role the clause's verb gives its subject, and the rule that says so."""
    if rule("role.verb.partner").match(predicate):  # "Phối hợp với cơ quan chủ trì …" coordinates
        return "phoi_hop", "role.verb.partner"
    leads = search("role.verb.lead", predicate)
    if not leads:
        if rule("role.verb.appraise").match(predicate):
            return "tham_dinh", "role.verb.appraise"
        if rule("role.verb.supervise").match(predicate):
            return "giam_sat", "role.verb.supervise"
    return "chu_tri", "role.verb.lead" if leads else "role.verb.default"


def _partners(predicate: str) -> list[Mention]:
    """The list right after "phối hợp (với)", skipping a collective that opens it."""
    found = rule("role.partner_with").search(predicate)
    if not found:
        return []
    start = found.end()
    start = match_at("role.partner_collective", predicate, start) or start
    mentions = _names_from(predicate[start:])
    first = next(mentions, None)
    if not first or first.start > 6:
        return []
    return _leading_group(chain([first], mentions), predicate[start:])


def _joined_partners(predicate: str) -> list[Mention]:
    """The partners of a subject phrase closed by a colon ("… phối hợp Ban B, Sở C: …")."""
    opening = rule("role.partner_in_subject").match(predicate)
    if not opening:
        return []
    rest = predicate[opening.end() :]
    mentions = _names_from(rest)
    first = next(mentions, None)
    if not first or first.start != 0:
        return []
    group = _leading_group(chain([first], mentions), rest)
    return group if rest[group[-1].end :].lstrip().startswith(":") else []


@dataclass(frozen=True)
class Carry:
    """What a clause hands to the next clause of the same provision: its own subject, and
    whether that subject led there."""

    subjects: tuple[Subject, ...] = ()
    led: bool = False


def roles(unit: DutyUnit, carry: Carry = Carry()) -> tuple[list[Role], Carry]:
    """Every assignment the unit makes, each with the rules that produced it, and what
    the next clause inherits. A later clause of the same provision with no subject of its
    own ("…; đồng thời, phối hợp với Sở X …") has the previous one's subject; after the
    subject led ("Chủ trì …. Chủ động phối hợp với Sở X để …") it still leads, and X is its
    partner."""
    text = unit.text
    if search("role.skip.execution", text) or rule("role.skip.difficulties").match(text):
        return [], Carry()
    labelled = _labelled(text)
    if labelled:
        return labelled, Carry()
    own = own_subject(text)
    if own and not own.names:
        return [], Carry()
    if own:
        used = tuple(Subject(m.name, m.kind, own.rule) for m in own.names)
        predicate, request = own.predicate, own.request
    elif carry.subjects or unit.subjects:
        used = carry.subjects or unit.subjects
        predicate, request = text, any(s.rule == "seg.heading.request" for s in used)
    else:
        # No one named to lead it: "Chủ trì, phối hợp với X …" still makes X a partner.
        if _mode(text)[0] != "chu_tri" or not rule("role.verb.lead").match(text):
            return [], Carry()
        return [Role(m.name, "phoi_hop", "role.partner_with.unled") for m in _partners(text)], Carry()
    if unit.provision.kind == "preamble" and rule("role.skip.promulgation").match(predicate):
        return [], Carry()
    mode, mode_rule = _mode(predicate)
    joined = _joined_partners(predicate) if own and mode == "phoi_hop" else []
    if joined:
        found = [Role(s.name, "chu_tri", f"{s.rule}+role.partner_in_subject", request) for s in used]
        found.extend(Role(m.name, "phoi_hop", "role.partner_in_subject") for m in joined)
        return found, Carry(used, True)
    if mode == "phoi_hop" and carry.led and not own and unit.rule == "seg.unit.sentence":
        partners = _partners(predicate)
        if partners:  # the lead goes on with a partner
            return [Role(m.name, "phoi_hop", "role.partner_with.continued") for m in partners], carry
    found = [Role(s.name, mode, f"{s.rule}+{mode_rule}", request) for s in used]
    if mode == "chu_tri":
        for mention in _partners(predicate):
            found.append(Role(mention.name, "phoi_hop", "role.partner_with"))
    elif mode == "phoi_hop":
        helped = rule("role.partner_reversed").match(predicate)
        if helped:
            names = _names_from(predicate[helped.end() :])
            first = next(names, None)
            if first and first.start == 0:
                # "phối hợp với Sở A, Sở B và …": A leads the work; B helps, as the subject does.
                group = _leading_group(chain([first], names), predicate[helped.end() :])
                found.append(Role(group[0].name, "chu_tri", "role.partner_reversed"))
                found.extend(Role(m.name, "phoi_hop", "role.partner_with") for m in group[1:])
    led = mode == "chu_tri"
    return found, Carry(used, led) if own else Carry(carry.subjects, led or carry.led)

