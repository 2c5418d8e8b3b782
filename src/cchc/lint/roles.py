"""L606–L607: one task, one role per body and one body leading.

A task is a row of a task table (its lead and partner cells) or one sentence of prose.
In prose a body counts as its own partner only when its name is written after "phối
hợp" in the sentence that also makes it lead: "Phòng Nội vụ chủ trì, phối hợp với Phòng
Nội vụ …". "Chủ trì, phối hợp với các cơ quan liên quan" names nobody twice, and
extraction's pairing of such a lead with a partner duty is not the drafter's doing.
Two leads are counted in task tables only, outside the steps of a published procedure,
where each step names the office that receives and the one that decides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from cchc.graph.agencies import agency_key, find_mentions, held_agency
from cchc.lint.context import LintContext
from cchc.lint.findings import Finding
from cchc.lint.registry import check
from cchc.lint.text import excerpt

_PARTNER_CUE = re.compile(r"(?i)phối\s+hợp")
_OWN_UNIT = re.compile(r"\([^)]*\)")  # "Bộ Công an (Trung tâm Dữ liệu quốc gia)": one body
_GENERIC = re.compile(r"(?i)^(?:các|những|cơ quan|đơn vị)\b")  # "các bộ, ngành …": no one body


def _keys(names: Iterable[str]) -> dict[str, str]:
    """agency_key → the name as written, for every body the cells or phrases name."""
    found: dict[str, str] = {}
    for name in names:
        mentions = [held_agency(m.name) or m.name for m in find_mentions(name) if m.kind in ("agency", "title")]
        for mention in mentions or [name]:
            found.setdefault(agency_key(mention), mention.strip())
    return found


def _named_after_partner_cue(text: str) -> set[str]:
    cue = _PARTNER_CUE.search(text)
    return set(_keys([text[cue.end():]])) if cue else set()


def _lead_keys(cells: Iterable[str]) -> dict[str, str]:
    named = _keys(_OWN_UNIT.sub(" ", cell) for cell in cells)
    return {key: name for key, name in named.items() if not _GENERIC.match(name)}


@check
def one_role_per_task(ctx: LintContext) -> Iterator[Finding]:
    reported: set[tuple[str, str]] = set()
    for task in ctx.facts.tasks:
        leads = _keys(task.leads or ((task.lead,) if task.lead else ()))
        partners = _keys(task.coordinators)
        for key in sorted(leads.keys() & partners.keys()):
            reported.add((task.provision, key))
            yield ctx.finding("L606", task.provision, excerpt=excerpt(task.content, 0, 0, 160), agency=leads[key])
        sole = _lead_keys((task.lead,) if task.lead else task.leads)
        if len(sole) >= 2 and not task.step:
            yield ctx.finding("L607", task.provision, excerpt=excerpt(task.content, 0, 0, 160),
                              count=len(sole), leads="; ".join(sole.values()))
    modes: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in ctx.facts.assignments:
        modes[(row.provision, row.text)][row.mode].add(row.agency)
    for (provision, text), by_mode in modes.items():
        twice = _named_after_partner_cue(text)
        for agency in sorted(by_mode["chu_tri"] & by_mode["phoi_hop"]):
            key = agency_key(agency)
            if key in twice and (provision, key) not in reported:
                reported.add((provision, key))
                yield ctx.finding("L606", provision, excerpt=excerpt(text, 0, 0, 200), agency=agency)
