"""Check output paths before writing, so a typo cannot overwrite something unexpected."""

from __future__ import annotations

from pathlib import Path

from cchc.errors import CchcError


class OutputPathError(CchcError):
    exit_code = 2


def checked_output(path: Path, overwrite: bool = True) -> Path:
    """The resolved path to write; refuses directories, missing parents and device files."""
    target = path.expanduser().resolve()
    if target.is_dir():
        raise OutputPathError(f"{path}: là một thư mục, cần một tên tệp")
    if not target.parent.is_dir():
        raise OutputPathError(f"{path}: thư mục {target.parent} không tồn tại")
    if target.exists() and not target.is_file():
        raise OutputPathError(f"{path}: không phải tệp thường")
    if target.exists() and not overwrite:
        raise OutputPathError(f"{path}: tệp đã tồn tại")
    return target
