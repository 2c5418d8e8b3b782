"""From a synthetic unit to drafts: one unit profile per document, drafted by the generators.

Each unit has five documents: its Quy chế of the steering body, Quy chế phối hợp, Quy định
on the heads' responsibility, and the Kế hoạch of its year and of the next. Every document
draws its own number, date, signer, legal bases and recipients; each year draws the share
of the unit's duties its documents write down. Drafts go through ``cchc.generators``
exactly as ``cchc draft`` would, so the corpus measures the extractor on the drafting
stage's own output. What a draft was made from is returned with it: that, not a reading
of the text, is the ground truth.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace
from typing import Any

from cchc.generators.builders import KINDS, Draft, build
from cchc.generators.content import Content, SourceDuty, build_content
from cchc.generators.legal_bases import kind_additions
from cchc.generators.profile import Profile, validate
from cchc.generators.vietnamese import long_date
from cchc.synth.data import data
from cchc.synth.draws import chance, pick, rng_for
from cchc.synth.units import Unit

# (draft kind, years after the unit's year): five documents per unit.
PLAN = (("quy-che-bcd", 0), ("quy-che-phoi-hop", 0), ("quy-dinh-nguoi-dung-dau", 0), ("ke-hoach", 0), ("ke-hoach", 1))
CURRENT_SINCE = dt.date(2025, 7, 1)  # the two-level structure (Nghị định 150/2025/NĐ-CP)
HISTORIC_UNTIL = dt.date(2025, 6, 30)
NUMBERS = {"province_current": 3500, "province_historic": 3500, "district": 2500, "commune": 450}
GROUP = {"province_current": "province", "province_historic": "province", "district": "district", "commune": "commune"}
ORIGIN = "cchc synth: phân công sinh tổng hợp từ chức năng của đơn vị"


@dataclass(frozen=True)
class Planned:
    """One document of the corpus before it is drafted: where it goes and in which format."""

    unit: Unit
    position: int
    slug: str  # the draft kind (generators.builders.KINDS)
    year: int
    fmt: str  # txt | docx

    @property
    def stem(self) -> str:
        """Unique in the corpus, so predictions and gold pair by file name in one folder."""
        suffix = f"-{self.year}" if self.slug == "ke-hoach" else ""
        return f"{self.unit.slug}-{self.slug}{suffix}"

    @property
    def file_name(self) -> str:
        return f"{self.stem}.{self.fmt}"


@dataclass(frozen=True)
class Cited:
    text: str  # as printed after "Căn cứ"
    key: str  # the gold value


@dataclass
class Drafted:
    """A draft and what it was made from (the gold is written from these)."""

    planned: Planned
    profile: Profile
    draft: Draft
    bases: list[Cited]
    replaces: Cited | None


def plan_documents(unit: Unit, seed: int, docx_share: float) -> list[Planned]:
    """The unit's documents; the format is drawn apart from the content, so changing
    ``docx_share`` changes which files are .docx and nothing else."""
    plans = []
    for position, (slug, offset) in enumerate(PLAN):
        fmt = "docx" if rng_for(seed, "format", unit.index, position).random() < docx_share else "txt"
        plans.append(Planned(unit, position, slug, unit.year + offset, fmt))
    return plans


def _between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def _issued(rng: random.Random, planned: Planned) -> dt.date:
    """A plausible date: regulations during their year, a Kế hoạch around the turn of the
    year; a current unit issues nothing before 1 July 2025, a district nothing after."""
    year = planned.year
    if planned.slug == "ke-hoach":
        start, end = dt.date(year - 1, 12, 1), dt.date(year, 2, 28)
    else:
        start, end = dt.date(year, 1, 5), dt.date(year, 12, 20)
    if planned.unit.structure == "current":
        start = max(start, CURRENT_SINCE + dt.timedelta(days=14))
        end = max(end, start + dt.timedelta(days=60))
    else:
        end = min(end, HISTORIC_UNTIL)
    return _between(rng, start, end)


def _fill(templates: tuple[str, str], unit: Unit, rng: random.Random, issued: dt.date, year: int, number_cap: int) -> Cited:
    """A cited instrument of the unit or its superior: one drawn number and date, printed
    in the text and written in the gold key alike."""
    text, key = templates
    earliest = issued - dt.timedelta(days=400)
    if unit.structure == "current" and "{unit}" in text:
        earliest = max(earliest, CURRENT_SINCE)  # the unit's own instruments postdate it
    cited = _between(rng, earliest, issued - dt.timedelta(days=5))
    values = {
        "n": rng.randint(1, number_cap), "date": long_date(cited), "unit": unit.full_name, "superior": unit.superior,
        "year": year, "level": unit.level, "committee_full": unit.committee,
    }
    return Cited(text.format(**values), key.format(**values))


def _legal_bases(rng: random.Random, planned: Planned, issued: dt.date) -> list[Cited]:
    unit = planned.unit
    cap = NUMBERS[unit.kind]
    bases: list[Cited] = []
    for row in data("documents")["legal_bases"]:
        first, last = row["years"]
        if GROUP[unit.kind] not in row["kinds"] or not first <= issued.year <= last or not chance(rng, row["p"]):
            continue
        if row.get("structure", unit.structure) != unit.structure:
            continue  # e.g. the 2015 law for the three-level structure, the 2025 law for the two-level one
        cited = _fill((row["text"], row["key"]), unit, rng, issued, planned.year, cap) if row.get("local") else Cited(row["text"], row["key"])
        if all(c.key != cited.key for c in bases):
            bases.append(cited)
    return bases


def _replaces(rng: random.Random, planned: Planned, issued: dt.date) -> Cited | None:
    rule = data("documents")["replaces"]
    if not KINDS[planned.slug].promulgated or not chance(rng, rule["p"]):
        return None
    return _fill((rule["text"], rule["key"]), planned.unit, rng, issued, planned.year, NUMBERS[planned.unit.kind])


def _recipients(rng: random.Random, unit: Unit) -> list[str]:
    docs = data("documents")
    rows = docs["recipients"][GROUP[unit.kind]]
    chosen = [r for r in rows if chance(rng, 0.75)] or rows[:1]
    party = docs["party"].get(unit.level, "Đảng ủy")
    return [r.format(superior=unit.superior, level=unit.level, party=party) for r in chosen]


def _signer(rng: random.Random, unit: Unit) -> dict[str, Any]:
    if chance(rng, 0.5):
        return {"authority": "TM", "title": "Chủ tịch", "name": unit.chair}
    return {"authority": "KT", "on_behalf_of": "Chủ tịch", "title": "Phó Chủ tịch", "name": pick(rng, list(unit.vice_chairs))}


def profile_for(planned: Planned, rng: random.Random) -> tuple[Profile, list[Cited], Cited | None]:
    """The unit profile this one document is drafted from, with the citations it prints."""
    unit = planned.unit
    issued = _issued(rng, planned)
    blank = chance(rng, 0.04)  # a draft whose number and date are left to fill in
    number = "" if blank else str(rng.randint(1, NUMBERS[unit.kind]))
    bases = _legal_bases(rng, planned, issued)
    replaced = _replaces(rng, planned, issued)
    raw = {
        "unit": {"name": unit.name, "level": unit.level, **({"province": unit.superior} if unit.superior else {})},
        "place": unit.name,
        "number": number,
        "date": None if blank else issued.isoformat(),
        "year": planned.year,
        "signer": _signer(rng, unit),
        "agencies": [dict(a, functions=list(a["functions"])) for a in unit.agencies],
        "steering": unit.steering,
        "cadence": unit.cadence,
        "legal_bases": [c.text for c in bases],
        "recipients": _recipients(rng, unit),
        "ratings": [dict(r) for r in unit.ratings],
        "replaces": replaced.text if replaced else "",
    }
    profile = validate(raw, f"cchc synth: {planned.stem}")
    standing = profile.steering.standing
    if standing is not None:
        profile = replace(profile, proposer=standing.head)
    return profile, bases, replaced


def duties_for(unit: Unit, rng: random.Random) -> list[SourceDuty]:
    """Most of the unit's duties: its documents of one year agree with each other, those of
    another year differ a little, as a unit's regulations do."""
    kept = []
    for function, mode, area in unit.duties:
        essential = (function, mode, area) == ("noi_vu", "chu_tri", "chi_dao_dieu_hanh")
        if essential or chance(rng, 0.92):
            kept.append(SourceDuty(function, mode, area, (ORIGIN,)))
    return kept


def draft_unit(unit: Unit, seed: int, plans: list[Planned]) -> list[Drafted]:
    """Draft a unit's documents through the generators (no graph store needed).

    The duty content is built once per year: it depends only on the unit (its agencies,
    steering body and cadences) and the year, not on a document's number, date or signer,
    and wording it is most of the cost of a draft. Texts without the steering body's seats
    take the same content without the seats' duties, which is what ``build_content`` with
    ``roles=False`` gives.
    """
    contents: dict[int, Content] = {}
    drafted = []
    for planned in plans:
        rng = rng_for(seed, "document", unit.index, planned.position)
        profile, bases, replaced = profile_for(planned, rng)
        if planned.year not in contents:
            duties = duties_for(unit, rng_for(seed, "duties", unit.index, planned.year))
            contents[planned.year] = build_content(profile, duties, ORIGIN, roles=True)
        full = contents[planned.year]
        seats = planned.slug == "quy-che-bcd"
        content = replace(full, duties=[d for d in full.duties if seats or not d.role], notes=list(full.notes))
        added = [Cited(text, number) for text, number in kind_additions(profile, planned.slug)]  # the kind's own căn cứ
        drafted.append(Drafted(planned, profile, build(planned.slug, profile, content), bases + added, replaced))
    return drafted
