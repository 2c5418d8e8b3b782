"""Ground truth in the ``cchc-facts/1`` format (../shared/eval/SCHEMA.md), from what a draft
was made of — its profile, its duties, its meeting rule, its citations — never from
reading the file back, so extraction is measured against what is really in the text.
"""

from __future__ import annotations

from typing import Any

from cchc.generators.builders import KINDS
from cchc.graph.facts_json import SCHEMA
from cchc.synth.documents import Drafted

ROLE_FUNCTIONS = {"head": "chu_tich", "deputy": "chu_tich", "working_group": "to_giup_viec"}


def _function(drafted: Drafted, agency: str, role: str) -> str:
    record = drafted.profile.agency(agency)
    if record is not None and record.functions:
        return record.functions[0]
    if agency == drafted.profile.steering.working_group:
        return "to_giup_viec"
    return ROLE_FUNCTIONS.get(role, "chu_tich" if agency.startswith(("Chủ tịch", "Phó Chủ tịch")) else "other")


def gold_facts(drafted: Drafted) -> dict[str, Any]:
    """The facts a perfect extractor would print for this document."""
    profile, draft, planned = drafted.profile, drafted.draft, drafted.planned
    decision = draft.documents[0]
    text = decision.attachment or decision  # a decision that promulgates a text takes its kind and title
    signer = profile.signer
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    agencies: dict[str, str] = {}
    for duty in draft.duties:
        key = (duty.agency, duty.mode, duty.area)
        if key in seen:
            continue  # one row per (agency, mode, area), as SCHEMA.md says
        seen.add(key)
        agencies.setdefault(duty.agency, _function(drafted, duty.agency, duty.role))
        rows.append({"agency": duty.agency, "mode": duty.mode, "area": duty.area, "text": duty.text})
    return {
        "schema": SCHEMA,
        "source": planned.file_name,
        "document": {
            "kind": KINDS[planned.slug].doc_kind,
            "title": text.title,
            "number": f"{profile.number}/{decision.header.code}" if profile.number else None,
            "issued": profile.date.isoformat() if profile.date else None,
            "unit": profile.unit,
            "signer": {"name": signer.name, "authority": signer.authority or None, "title": signer.title},
            "legal_bases": [c.key for c in drafted.bases],
            "replaces": [drafted.replaces.key] if drafted.replaces else [],
        },
        "agencies": [{"name": name, "function": function} for name, function in agencies.items()],
        "assignments": rows,
        "meetings": [{"body": m.body, "per_year": m.per_year} for m in draft.meetings],
    }
