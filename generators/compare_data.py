"""The comparison for programs: JSON (the whole model) and CSV (the synoptic table).

JSON carries everything, alignment and word diffs included (``format: cchc-compare/1``).
CSV is the table only, one line per row, per unit a column of values and a column of the
provisions they come from, for a spreadsheet.
"""

from __future__ import annotations

import json

from cchc.generators.compare_model import Cell, Comparison, Survey
from cchc.generators.tables import to_csv as csv_text


def to_json(comparison: Comparison) -> str:
    return json.dumps(comparison.as_dict(), ensure_ascii=False, indent=2) + "\n"


def survey_to_json(survey: Survey) -> str:
    return json.dumps(survey.as_dict(), ensure_ascii=False, indent=2) + "\n"


def values_text(cell: Cell) -> str:
    return "; ".join(value.text + (f" ({value.note})" if value.note else "") for value in cell.values)


def refs_text(cell: Cell) -> str:
    """Provision labels of a cell, each once (two indents of one Mục read the same)."""
    labels = [ref.label for value in cell.values for ref in value.refs]
    return "; ".join(dict.fromkeys(labels))


def to_csv(comparison: Comparison) -> str:
    header = ["Mục", "Nội dung", "Khác nhau"]
    for unit in comparison.units:
        header += [unit, f"{unit} — điều khoản"]
    rows = []
    for row in comparison.rows:
        line = [row.section, row.label, "có" if row.differs else ""]
        for cell in row.cells:
            line += [values_text(cell), refs_text(cell)]
        rows.append(line)
    return csv_text(header, rows)


def survey_to_csv(survey: Survey) -> str:
    rows = [[cell.unit, survey.area_label, values_text(cell), refs_text(cell)] for cell in survey.cells]
    return csv_text(["Đơn vị", "Lĩnh vực", "Cơ quan chủ trì", "Điều khoản"], rows)
