"""Write a file whole or not at all, and say in one line why not.

A full disk, a read-only folder or a quota makes ``write_bytes`` fail halfway and leave a
truncated or empty file where the user expects a document. Here the data goes to a
temporary file in the same folder, is flushed and synced, then renamed over the target:
the target is either the old file or the new one, never a part, and a failure leaves no
temporary behind.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from cchc.errors import CchcError

_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "vượt hạn mức dung lượng",
    errno.EFBIG: "tệp vượt giới hạn kích thước được phép",
    errno.EACCES: "không có quyền ghi",
    errno.EPERM: "không có quyền ghi",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.ENOENT: "thư mục không tồn tại",
    errno.ENAMETOOLONG: "tên tệp quá dài",
}


class OutputWriteError(CchcError):
    exit_code = 2


def reason(error: OSError) -> str:
    return _REASONS.get(error.errno or 0, error.strerror or str(error))


def write_file(path: Path, data: bytes | str) -> None:
    """``data`` (str as UTF-8) at ``path``, atomically; OutputWriteError in one line."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())  # a full disk may only say so here, or at close
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise OutputWriteError(f"{path}: không ghi được tệp ({reason(error)})") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
