"""One call from a profile to written files: choose the content, build, render, write.

The CLI and the benchmark use this; tests use the pieces. Where duties come from is one
of: the defaults (no graph needed), ``like`` a reference unit of the graph, or the
graph's ``consensus``.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cchc.generators.adapt import sentences
from cchc.generators.builders import Draft, build, kind_of
from cchc.generators.content import build_content, default_duties
from cchc.generators.errors import DraftError
from cchc.generators.profile import Profile
from cchc.generators.render_docx import render_docx
from cchc.generators.render_text import render_text
from cchc.graph.agencies import agency_key
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
    layout = _layout(store, unit, attached if slug == "quyet-dinh" else slug, notes) if source.mode == "like" and store is not None else None

    def made(sentences: dict[tuple[str, str, str], str]) -> Draft:
        content = build_content(profile, found, origin, override, roles=bcd, sentences=sentences)
        content.notes.extend(notes)
        if layout is not None:
            content.layout, content.layout_place = layout, unit
        return build(slug, profile, content, override, pair=pair, attached_slug=attached)

    if source.mode != "like":
        return made({})
    return _in_the_models_words(made, sentences(profile, found, unit))


def _layout(store: GraphStore, unit: str, slug: str, notes: list[str]):
    """The model text's layout, or None (said in the notes) when the unit has no text of the kind."""
    from cchc.generators.model_outline import model_outline
    from cchc.queries import resolve

    found = model_outline(store, resolve.unit(store, unit), slug)
    if found is None:
        notes.append(f"{unit} không có văn bản cùng loại trong kho: bố cục theo mẫu mặc định")
    return found


def _in_the_models_words(made, adapted: dict[tuple[str, str, str], str]) -> Draft:
    """The draft with as many of the model's sentences as read back to what they say: a
    sentence whose agency reads back wrong gives way to the stock one, until none does."""
    from cchc.generators.roundtrip import compare

    for _ in range(3):
        draft = made(adapted)
        if not adapted:
            return draft
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for n, document in enumerate(draft.documents):
                files.append(Path(tmp) / f"draft_{n}.docx")
                files[-1].write_bytes(render_docx([document]))
            comparison = compare(draft, files)
        wrong = {row[0] for row in comparison.missing("assignments") | comparison.extra("assignments")}
        # A meeting, report or rating read from a kept sentence: the rule is the draft's own.
        other_facts = any(comparison.missing(w) or comparison.extra(w) for w in ("meetings", "reporting", "ratings"))
        if not wrong and not other_facts:
            break
        adapted = {key: text for key, text in adapted.items()
                   if agency_key(key[0]) not in wrong and not any(_names(text, agency) for agency in wrong)
                   and not (other_facts and _OTHER_FACTS.search(text))}
    else:
        adapted = {}
        draft = made(adapted)
    kept = sum(1 for d in draft.duties if (d.agency, d.mode, d.area) in adapted)
    draft.content.notes.append(f"giữ câu chữ của văn bản mẫu cho {kept} nhiệm vụ; các nhiệm vụ khác theo câu mặc định")
    return draft


_OTHER_FACTS = re.compile(r"(?i)báo cáo|\bhọp\b|xếp loại|%")


def _names(text: str, key: str | None) -> bool:
    return bool(key and key in agency_key(text))


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
