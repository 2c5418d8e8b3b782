"""The package around a draft's text: its properties say who issues it, nothing else.

python-docx starts from its own sample file, which carries "python-docx" as author and
description, a 2013 creation date, "Microsoft Macintosh Word" as application, a thumbnail
of an empty page, a customXml item and a stylesWithEffects part. Word shows the first in
File › Info and the thumbnail in Explorer; a civil servant's draft must not. Each is
dropped or rewritten here, and the document-wide language is Vietnamese.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_APP = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>{application}</Application><Company>{company}</Company></Properties>"
)


def clean_package(doc: DocxDocument, title: str, issuer: str, issued: dt.date | None, year: int | None) -> None:
    """Properties of a text of ``issuer``; no template leftovers. The dates are the
    text's own (or 1 January of its year), so one draft always writes the same file."""
    for rels, dropped in ((doc.part.package.rels, {RT.THUMBNAIL}), (doc.part.rels, {RT.CUSTOM_XML, _STYLES_WITH_EFFECTS})):
        for r_id, rel in list(rels.items()):
            if rel.reltype in dropped:
                rels.pop(r_id)
    when = dt.datetime.combine(issued or dt.date(year or 2000, 1, 1), dt.time())
    core = doc.core_properties
    core.author, core.title, core.language = issuer, title, "vi-VN"
    core.comments = core.subject = core.keywords = core.category = core.last_modified_by = ""
    core.created = core.modified = when
    core.revision = 1
    app = doc.part.package.part_related_by(RT.EXTENDED_PROPERTIES)
    app._blob = _APP.format(application="cchc", company=escape(issuer)).encode("utf-8")
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")) if defaults is not None else ():
        lang.set(qn("w:val"), "vi-VN")
