"""One call from a profile to written files: choose the content, build, render, write.

The CLI and the benchmark use this; tests use the pieces. Where duties come from is one
of: the defaults (no graph needed), ``like`` a reference unit of the graph, or the
graph's ``consensus``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc.generators.builders import Draft, build, kind_of
from cchc.generators.content import build_content, default_duties
from cchc.generators.errors import DraftError
from cchc.generators.profile import Profile
from cchc.generators.render_docx import render_docx
from cchc.generators.render_text import render_text
from cchc.graph.store.base import GraphStore

FORMATS = ("docx", "md", "html")


@dataclass(frozen=True)
class Source:
    mode: str = "default"  # default | like | consensus
    unit: str = ""  # for like


def make_draft(slug: str, profile: Profile, source: Source = Source(), store: GraphStore | None = None,
               override: Path | None = None, pair: bool = False, attached: str = "quy-che-bcd") -> Draft:
    kind_of(slug)
    notes: list[str] = []
    if source.mode == "default":
        found, origin = default_duties(), "mặc định theo chức năng (generators/data/default_duties.yaml)"
    elif store is None:
        raise DraftError("--like và --consensus cần kho đồ thị (--store hoặc --endpoint)")
    elif source.mode == "like":
        from cchc.generators.graph_content import like

        found, unit = like(store, source.unit)
        origin = f"theo văn bản của {unit} trong kho, chuyển sang cơ quan của {profile.unit} theo chức năng"
    else:
        from cchc.generators.graph_content import consensus

        found, notes = consensus(store)
        origin = "đồng thuận: phân công mà đa số đơn vị trong kho thống nhất, theo từng lĩnh vực"
    bcd = slug == "quy-che-bcd" or (slug == "quyet-dinh" and attached == "quy-che-bcd")
    content = build_content(profile, found, origin, override, roles=bcd)
    content.notes.extend(notes)
    return build(slug, profile, content, override, pair=pair, attached_slug=attached)


def render(draft: Draft, fmt: str, override: Path | None = None) -> list[bytes]:
    """One payload per output file (two for a pair)."""
    if fmt not in FORMATS:
        raise DraftError(f"định dạng không hỗ trợ: {fmt!r}; chọn docx, md hoặc html")
    if fmt == "docx":
        return [render_docx([document]) for document in draft.documents]
    return [render_text([document], fmt, draft.kind, override) for document in draft.documents]


def output_paths(out: Path, draft: Draft) -> list[Path]:
    """``out`` itself, or for a pair ``out`` (the decision) and ``<stem>-<kind><suffix>``."""
    if len(draft.documents) == 1:
        return [out]
    return [out, out.with_name(f"{out.stem}-{draft.kind}{out.suffix}")]
