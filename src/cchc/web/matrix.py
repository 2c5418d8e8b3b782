"""Page "Ma trận" (``/ma-tran?unit=…``): a unit's responsibility matrix, and its workbook
(``/ma-tran.xlsx?unit=…``)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import Response

from cchc.errors import CchcError
from cchc.generators.matrix_xlsx import legend, to_xlsx
from cchc.queries.matrix import responsibility_matrix
from cchc.web.documents import unit_names
from cchc.web.rendering import render

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def file_name(unit: str) -> str:
    """"huyện Chợ Mới" → "ma-tran-huyen-cho-moi.xlsx" (ASCII, for every browser)."""
    plain = unicodedata.normalize("NFKD", unit.replace("đ", "d").replace("Đ", "D"))
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(c for c in plain if not unicodedata.combining(c)).lower()).strip("-")
    return f"ma-tran-{slug or 'don-vi'}.xlsx"


def matrix_page(request: Request) -> Response:
    store = request.app.state.store
    units = unit_names(store)
    unit = request.query_params.get("unit", "")
    if not unit:
        return render(request, "matrix.html.j2", units=units, unit="", matrix=None)
    try:
        matrix = responsibility_matrix(store, unit)
    except CchcError as error:
        return render(request, "matrix.html.j2", status_code=404, units=units, unit=unit, matrix=None, error=str(error))
    columns, rows = matrix.pivot()
    cells = [list(zip(row, colours)) for row, colours in zip(rows, matrix.pivot_colours())]
    return render(request, "matrix.html.j2", units=units, unit=unit, matrix=matrix, columns=columns, cells=cells, legend=legend())


def matrix_download(request: Request) -> Response:
    unit = request.query_params.get("unit", "")
    try:
        matrix = responsibility_matrix(request.app.state.store, unit, cite_documents=True)
    except CchcError as error:
        return Response(str(error), status_code=404, media_type="text/plain; charset=utf-8")
    name = file_name(matrix.unit)
    disposition = f"attachment; filename=\"{name}\"; filename*=UTF-8''{quote(name)}"
    return Response(to_xlsx(matrix), media_type=XLSX, headers={"Content-Disposition": disposition})
