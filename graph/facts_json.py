"""The ``cchc-facts/1`` JSON view of one document (contract: shared/eval/SCHEMA.md)."""

from __future__ import annotations

from cchc.graph.model import Citation, Facts, ParsedDocument
from cchc.graph.structure import effective_metadata

SCHEMA = "cchc-facts/1"


def _instrument(citation: Citation) -> str:
    return citation.number or citation.title or citation.text


def facts_json(doc: ParsedDocument, facts: Facts) -> dict:
    meta = effective_metadata(doc)
    signer = meta.signer
    return {
        "schema": SCHEMA,
        "source": doc.source.name,
        "document": {
            "kind": meta.kind,
            "title": meta.title,
            "number": meta.number,
            "issued": meta.issued.isoformat() if meta.issued else None,
            "unit": meta.unit,
            "signer": {"name": signer.name, "authority": signer.authority, "title": signer.title} if signer else None,
            "legal_bases": [_instrument(c) for c in meta.legal_bases],
            "replaces": [_instrument(c) for c in meta.replaces],
        },
        "agencies": [{"name": a.name, "function": a.function} for a in facts.agencies],
        "assignments": [
            {"agency": a.agency, "mode": a.mode, "area": a.area, "provision": a.provision, "text": a.text}
            for a in facts.assignments
        ],
        "meetings": [{"body": m.body, "per_year": m.per_year} for m in facts.meetings if m.per_year],
        "warnings": [*doc.warnings, *facts.warnings],
    }
