"""Which files of the named paths are documents to ingest, and why the others are not.

A folder copied from a shared drive holds more than regulations: a README, a
spreadsheet, the same Quyết định as .docx and as its scanned .pdf. Each file left out is
reported with its reason, so nothing is lost silently; a path named directly is always
read (and fails clearly if it cannot be). The names and the order of preference are data
(``data/file_choice.json``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cchc.resources import read_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str  # in Vietnamese, for the user


@cache
def _rules() -> dict:
    return json.loads(read_text("cchc.graph", "data/file_choice.json"))


def choose_files(paths: Iterable[Path | str]) -> tuple[list[Path], list[Skipped]]:
    """(files to read in order, files of the named folders left out with their reason)."""
    chosen: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            chosen.append(path)
            continue
        found, left = _in_folder(path)
        chosen.extend(found)
        skipped.extend(left)
    return chosen, skipped


def _walk(folder: Path) -> tuple[list[Path], list[Path]]:
    """(every entry that is not a folder, sorted; the links that lead back into a folder
    already walked). Links are followed once, so a loop is reported, not walked forever."""
    seen: set[tuple[int, int]] = set()
    found: list[Path] = []
    loops: list[Path] = []
    for root, folders, names in os.walk(folder, followlinks=True):
        here = os.stat(root)
        if (here.st_dev, here.st_ino) in seen:
            loops.append(Path(root))
            folders.clear()
            continue
        seen.add((here.st_dev, here.st_ino))
        found.extend(Path(root) / name for name in names)
    return sorted(found), sorted(loops)


def _in_folder(folder: Path) -> tuple[list[Path], list[Skipped]]:
    rules = _rules()
    notes = set(rules["notes"])
    preference = rules["preference"]
    candidates: dict[Path, list[Path]] = {}
    skipped: list[Skipped] = []
    files, loops = _walk(folder)
    skipped.extend(Skipped(loop, "liên kết vòng tới thư mục đã duyệt, không đọc lại") for loop in loops)
    for path in files:
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue  # hidden files and folders (.git, .DS_Store) are the system's, not the user's
        if not path.is_file():
            skipped.append(Skipped(path, "không phải tệp thông thường (ống dẫn, thiết bị hoặc liên kết hỏng)"))
            continue
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            skipped.append(Skipped(path, f"loại tệp {suffix or '(không có đuôi)'} không hỗ trợ (chỉ .txt, .md, .docx, .pdf)"))
        elif path.stem.lower() in notes:
            skipped.append(Skipped(path, "tệp ghi chú của thư mục, không phải văn bản"))
        else:
            candidates.setdefault(path.with_suffix(""), []).append(path)
    chosen: list[Path] = []
    for _, versions in sorted(candidates.items()):
        versions.sort(key=lambda p: preference.index(p.suffix.lower()))
        chosen.append(versions[0])
        skipped.extend(
            Skipped(other, f"cùng văn bản với {versions[0].name}: giữ bản {versions[0].suffix.lower()}, bỏ bản {other.suffix.lower()}")
            for other in versions[1:]
        )
    return chosen, skipped
