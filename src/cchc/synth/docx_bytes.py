"""A generated .docx made reproducible, and given the page breaks an archive copy has.

python-docx stamps every zip member with the time of saving and keeps its template's core
properties; a corpus must be the same on every run, so the members are rewritten with one
fixed time and ``created``/``modified`` are set to a date drawn for the document.
A sentence cut across pages (``perturb.split_across_pages``) gets a real page break run
at the start of its second half.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

PAGE_BREAK_RUN = '<w:r><w:br w:type="page"/></w:r>'
_CREATED = re.compile(r"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


def _page_breaks(xml: str, continuations: list[str]) -> str:
    for text in continuations:
        at = xml.find(f">{escape(text)}</w:t>")
        run = xml.rfind("<w:r>", 0, at) if at >= 0 else -1
        if run >= 0:
            xml = xml[:run] + PAGE_BREAK_RUN + xml[run:]
    return xml


def reproducible_docx(payload: bytes, stamp: dt.datetime, continuations: Sequence[str] = ()) -> bytes:
    """The same document with fixed timestamps (and page breaks before ``continuations``)."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(payload))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _CREATED.sub(lambda m: m.group(1) + iso + m.group(2), data.decode("utf-8")).encode("utf-8")
            elif info.filename == "word/document.xml" and continuations:
                data = _page_breaks(data.decode("utf-8"), list(continuations)).encode("utf-8")
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, data)
    return buffer.getvalue()
