"""The texts ``cchc draft`` can write, apart from the builders that write them.

``cchc draft --help`` lists these kinds in its argument's choices, so the command module
needs them when it is registered; the builders (templates, content, profiles, legal
bases) load only when a draft is actually made. ``cchc.generators.builders`` re-exports
both names, where the rest of the code takes them from.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.graph import kinds


@dataclass(frozen=True)
class Kind:
    """One text the drafting stage can write: a template for a document kind of the
    vocabulary (``cchc.graph.kinds``), whose label and abbreviation it takes from there."""

    slug: str  # command-line name
    template: str
    doc_kind: str  # a notation of the doc-kind scheme: quyet_dinh, quy_che, …
    promulgated: bool  # comes with a Quyết định

    @property
    def word(self) -> str:
        """ "Quy chế", used in the decision's trích yếu."""
        return kinds.label(self.doc_kind)

    @property
    def code(self) -> str:
        """ "QC", the kind's part of a number."""
        return kinds.abbreviation(self.doc_kind) or ""

    @property
    def title(self) -> str:
        """ "QUY CHẾ", the kind heading."""
        return kinds.label(self.doc_kind).upper()


# The texts a draft can be (not the list of kinds, which is the vocabulary's): two kinds
# of Quy chế, a Quy định, a Kế hoạch, and the Quyết định that promulgates the first three.
KINDS: dict[str, Kind] = {
    "quyet-dinh": Kind("quyet-dinh", "quyet_dinh.outline.j2", "quyet_dinh", False),
    "quy-che-bcd": Kind("quy-che-bcd", "quy_che_bcd.outline.j2", "quy_che", True),
    "quy-che-phoi-hop": Kind("quy-che-phoi-hop", "quy_che_phoi_hop.outline.j2", "quy_che", True),
    "quy-dinh-nguoi-dung-dau": Kind("quy-dinh-nguoi-dung-dau", "quy_dinh_nguoi_dung_dau.outline.j2", "quy_dinh", True),
    "ke-hoach": Kind("ke-hoach", "ke_hoach.outline.j2", "ke_hoach", False),
}
