"""``cchc compare A B [C …]`` and ``cchc compare --all --area AREA``: regulations side by side.

A few lines around the library: resolve what the person typed, build the comparison
(``cchc.generators.compare_build``) or the area survey (``compare_survey``), hand it to
the renderer of the chosen format, write it where asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from cchc.cli.console import out
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.results import emit

# The comparison library (python-docx, the vocabulary graph, the gazetteer) loads when the
# command runs: ``cchc --help`` and the other commands never need it.
if TYPE_CHECKING:
    from cchc.generators.compare_model import Comparison, Survey


class CompareFormat(str, Enum):
    html = "html"
    docx = "docx"
    md = "md"
    csv = "csv"
    json = "json"


def chosen_format(fmt: CompareFormat | None, output: Path | None) -> CompareFormat | None:
    """The format asked for, else the one the output file's name implies; None is the terminal."""
    from cchc.generators.compare_model import CompareError

    if fmt is not None:
        return fmt
    if output is None:
        return None
    from cchc.generators.tables import format_of

    implied = format_of(output)
    if implied not in {f.value for f in CompareFormat}:
        raise CompareError(f"{output}: không đoán được định dạng từ đuôi tệp; hãy thêm --format html|docx|md|csv|json")
    return CompareFormat(implied)


def rendered(result: Comparison | Survey, fmt: CompareFormat) -> str | bytes:
    """The comparison (or survey) in ``fmt``: text, or bytes for docx."""
    from cchc.generators import compare_data, compare_docx, compare_html, compare_md
    from cchc.generators.compare_model import Survey

    if isinstance(result, Survey):
        survey_renderers: dict[CompareFormat, Callable[[Survey], str | bytes]] = {
            CompareFormat.html: compare_html.survey_to_html,
            CompareFormat.docx: compare_docx.survey_to_docx,
            CompareFormat.md: compare_md.survey_to_markdown,
            CompareFormat.csv: compare_data.survey_to_csv,
            CompareFormat.json: compare_data.survey_to_json,
        }
        return survey_renderers[fmt](result)
    renderers: dict[CompareFormat, Callable[[Comparison], str | bytes]] = {
        CompareFormat.html: compare_html.to_html,
        CompareFormat.docx: compare_docx.to_docx,
        CompareFormat.md: compare_md.to_markdown,
        CompareFormat.csv: compare_data.to_csv,
        CompareFormat.json: compare_data.to_json,
    }
    return renderers[fmt](result)


def compare_command(
    units: Annotated[
        Optional[list[str]],
        typer.Argument(metavar="ĐƠN_VỊ...", help='Các đơn vị cần so sánh (ít nhất hai), vd. "Mỹ Xuyên" "Chợ Mới".', show_default=False),
    ] = None,
    all_units: Annotated[bool, typer.Option("--all", help="Mọi đơn vị trong kho (cần --area): ai chủ trì lĩnh vực đó ở đâu.")] = False,
    area: Annotated[Optional[str], typer.Option("--area", help='Lĩnh vực: "thể chế", "TTHC", "chính phủ số"…', show_default=False)] = None,
    fmt: Annotated[
        Optional[CompareFormat], typer.Option("--format", help="html, docx, md, csv hoặc json (mặc định: bảng trên màn hình).", show_default=False)
    ] = None,
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Tệp kết quả (mặc định: stdout; docx cần --out).", show_default=False)] = None,
    align: Annotated[bool, typer.Option("--align/--no-align", help="Đối chiếu từng Điều của các văn bản cùng loại.")] = True,
    as_of: Annotated[
        Optional[str],
        typer.Option("--as-of", help="So sánh các đơn vị như vào ngày này (YYYY-MM-DD): đơn vị còn hay không, văn bản nào còn hiệu lực.", show_default=False),
    ] = None,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """So sánh quy định cải cách hành chính giữa các đơn vị: cơ quan chủ trì, phối hợp, họp, báo cáo, xếp loại, căn cứ."""
    from cchc.generators import compare_terminal
    from cchc.generators.compare_build import build
    from cchc.generators.compare_labels import notation
    from cchc.generators.compare_model import CompareError, Survey
    from cchc.generators.compare_survey import survey
    from cchc.queries import resolve

    units = units or []
    target = chosen_format(fmt, output)
    if target is CompareFormat.docx and output is None:
        raise CompareError("định dạng docx cần tệp kết quả: thêm --out TỆP.docx")
    if all_units and units:
        raise CompareError("dùng --all hoặc nêu tên đơn vị, không dùng cả hai")
    if all_units and not area:
        raise CompareError('--all cần --area LĨNH_VỰC (vd. --all --area "thể chế")')
    if not all_units and len(units) < 2:
        raise CompareError("cần ít nhất hai đơn vị để so sánh (hoặc dùng --all --area LĨNH_VỰC)")
    wanted_area = resolve.area(area) if area else None
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise CompareError(f"--as-of: ngày không hợp lệ {as_of!r} (viết YYYY-MM-DD, vd. 2025-06-30)") from None
    with store_from(store_dir, endpoint) as store:
        if all_units:
            assert wanted_area is not None  # --all without --area was refused above
            result: Comparison | Survey = survey(store, wanted_area)
        else:
            resolved = [resolve.unit(store, unit) for unit in units]
            result = build(store, resolved, area=notation(wanted_area.value) if wanted_area else None, align=align, as_of=day)
    if target is None:
        out.print(compare_terminal.render_survey(result) if isinstance(result, Survey) else compare_terminal.render(result))
        return
    data = rendered(result, target)
    if output is None:
        typer.echo(data, nl=False)
        return
    what = f"lĩnh vực {result.area_label}" if isinstance(result, Survey) else f"{len(result.units)} đơn vị, {result.differing} nội dung khác nhau"
    emit(data, output, said=f"Đã ghi bảng so sánh ({what}) vào {output}")


def register(app: typer.Typer) -> None:
    app.command("compare")(compare_command)
