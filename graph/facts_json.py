"""The ``cchc-facts/1`` JSON view of one document (contract: shared/eval/SCHEMA.md)."""

from __future__ import annotations

from cchc.graph.model import Assignment, Citation, Facts, ParsedDocument
from cchc.graph.structure import effective_metadata

SCHEMA = "cchc-facts/1"


def _instrument(citation: Citation) -> str:
    return citation.number or citation.title or citation.text


def _explained(row: Assignment) -> dict:
    """Why a row is there: the rules that made it, how its area was decided, and the
    characters of the source it was read from."""
    return {
        "rules": [r for r in row.rule.split("+") if r],
        "area_rule": row.area_rule or None,
        "area_score": round(row.area_score, 3) if row.area_score is not None else None,
        "span": [row.span.start, row.span.end] if row.span else None,
        "line": row.span.line if row.span else None,
    }


def facts_json(doc: ParsedDocument, facts: Facts, explain: bool = False) -> dict:
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
            | ({"explain": _explained(a)} if explain else {})
            for a in facts.assignments
        ],
        "meetings": [{"body": m.body, "per_year": m.per_year} for m in facts.meetings if m.per_year],
        "warnings": [*doc.warnings, *facts.warnings],
    }
