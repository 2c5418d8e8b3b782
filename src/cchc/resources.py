"""Find packaged data files (ontology, vocabularies, shapes, queries, templates, patterns).

Everything goes through ``importlib.resources`` so an installed wheel works exactly like
the checkout; a missing file fails loudly with the package and name it looked for.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from cchc.errors import ResourceMissingError


def resource(package: str, name: str) -> Traversable:
    """The packaged file ``name`` (may contain ``/``) inside ``package``."""
    node: Traversable = files(package)
    for part in name.split("/"):
        node = node / part
    if not node.is_file():
        raise ResourceMissingError(f"thiếu tệp dữ liệu {name!r} trong gói {package}")
    return node


def read_text(package: str, name: str) -> str:
    return resource(package, name).read_text(encoding="utf-8")


def list_resources(package: str, suffix: str, folder: str = "") -> list[str]:
    """Names (relative to ``package``) of the packaged files ending with ``suffix``."""
    node: Traversable = files(package)
    if folder:
        for part in folder.split("/"):
            node = node / part
    if not node.is_dir():
        return []
    prefix = f"{folder}/" if folder else ""
    return sorted(prefix + child.name for child in node.iterdir() if child.name.endswith(suffix))
