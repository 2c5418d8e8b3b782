"""``cchc draft KIND``: soạn thảo văn bản theo Nghị định 30/2020/NĐ-CP từ hồ sơ đơn vị và đồ thị."""

from __future__ import annotations

import tempfile
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape

from cchc.cli.console import err
from cchc.cli.options import Endpoint, StoreDir, store_from
from cchc.cli.paths import checked_output
from cchc.generators.draft_kinds import KINDS  # the choices of the KIND argument; the builders load on use

if TYPE_CHECKING:  # the members are made at run time from KINDS, which mypy cannot list

    class DraftKind(str, Enum): ...

    class AttachedKind(str, Enum): ...

else:
    DraftKind = Enum("DraftKind", {slug.replace("-", "_"): slug for slug in KINDS}, type=str)
    AttachedKind = Enum("AttachedKind", {s.replace("-", "_"): s for s, k in KINDS.items() if k.promulgated}, type=str)
_QUY_CHE_BCD = AttachedKind("quy-che-bcd")  # what a Quyết định promulgates unless --for says


class DraftFormat(str, Enum):
    docx = "docx"
    md = "md"
    html = "html"


def draft_command(
    kind: Annotated[DraftKind, typer.Argument(metavar="LOẠI", help="Loại văn bản: " + ", ".join(KINDS), show_default=False)],
    profile: Annotated[Path, typer.Option("--profile", help="Hồ sơ đơn vị (YAML), xem examples/profiles/.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Tệp kết quả (.docx, .md, .html).", show_default=False)],
    like: Annotated[Optional[str], typer.Option("--like", help='Lấy phân công theo văn bản của một đơn vị trong kho (vd. "Mỹ Xuyên").')] = None,
    consensus: Annotated[bool, typer.Option("--consensus", help="Lấy phân công mà đa số đơn vị trong kho thống nhất.")] = False,
    fmt: Annotated[Optional[DraftFormat], typer.Option("--format", help="docx, md hoặc html (mặc định: theo đuôi tệp --out).")] = None,
    templates: Annotated[Optional[Path], typer.Option("--templates", help="Thư mục mẫu Jinja2 thay cho mẫu có sẵn.")] = None,
    report: Annotated[Optional[Path], typer.Option("--report", help="Báo cáo nguồn của từng điều (.md hoặc .json).")] = None,
    pair: Annotated[bool, typer.Option("--pair", help="Ghi Quyết định và văn bản ban hành kèm thành hai tệp.")] = False,
    attached: Annotated[AttachedKind, typer.Option("--for", help="Với quyet-dinh: văn bản được ban hành kèm.")] = _QUY_CHE_BCD,
    check: Annotated[bool, typer.Option("--check", help="Đọc lại bản .docx bằng bộ trích xuất và so với nội dung đã soạn.")] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Thoát với mã 1 khi phải bổ sung phân công mặc định, còn chỗ «[cần bổ sung: …]» hoặc đọc lại khác nội dung đã soạn."),
    ] = False,
    store_dir: StoreDir = None,
    endpoint: Endpoint = None,
) -> None:
    """Soạn Quyết định, Quy chế, Quy định, Kế hoạch CCHC theo thể thức Nghị định 30/2020/NĐ-CP."""
    from cchc.generators.drafting import Source, make_draft, output_paths, render
    from cchc.generators.errors import DraftError
    from cchc.generators.profile import load_profile
    from cchc.generators.report import report_bytes, report_data
    from cchc.generators.vocab import areas, functions

    if like and consensus:
        raise DraftError("chỉ chọn một trong --like và --consensus")
    chosen = fmt.value if fmt else (out.suffix.lstrip(".").lower() or "docx")
    if chosen not in ("docx", "md", "html"):
        raise DraftError(f"{out}: không biết định dạng theo đuôi tệp; dùng --format docx|md|html")
    if templates is not None and not templates.is_dir():
        raise DraftError(f"{templates}: thư mục mẫu không tồn tại")
    unit = load_profile(profile)
    targets = [checked_output(out)]
    store = None
    source = Source("like", like) if like else Source("consensus") if consensus else Source()
    try:
        if source.mode != "default":
            store = store_from(store_dir, endpoint)
        draft = make_draft(kind.value, unit, source, store, templates, pair=pair, attached=attached.value)
    finally:
        if store is not None:
            store.close()
    targets = [checked_output(p) for p in output_paths(targets[0], draft)]
    payloads = render(draft, chosen, templates)
    from cchc.writing import write_file

    for target, payload in zip(targets, payloads):
        write_file(target, payload)
        err.print(f"Đã ghi {target}")
    problems = None
    if check:
        problems = _check(draft, targets if chosen == "docx" else None)
        for line in problems:
            err.print(f"[yellow]Đọc lại khác nội dung đã soạn:[/] {line}", soft_wrap=True)
        if not problems:
            err.print("Đọc lại: đúng các phân công, cuộc họp và chế độ báo cáo đã soạn.")
    for missing in draft.content.unmapped:
        from cchc.generators.compare_labels import MODE_LABELS  # the vocabulary graph: only when a role is missing

        function = functions().get(missing.function, missing.function)
        role = f"{MODE_LABELS.get(missing.mode, missing.mode).lower()} {areas().get(missing.area, missing.area).lower()}"
        err.print(f"[yellow]Chưa giao được:[/] {role} — trong hồ sơ không cơ quan nào giữ chức năng «{function}»", soft_wrap=True)
    for note in draft.content.filled:
        err.print(f"[yellow]Đã bổ sung:[/] {note}", soft_wrap=True)
    for marker in draft.to_complete:
        err.print(f"[red]Cần bổ sung trong dự thảo:[/] {escape(marker)}", soft_wrap=True)
    if report:
        target = checked_output(report)
        data = report_data(draft, str(profile), [str(t) for t in targets], problems)
        write_file(target, report_bytes(data, "json" if report.suffix.lower() == ".json" else "md"))
        err.print(f"Đã ghi báo cáo nguồn {target}")
    if strict and (draft.content.filled or draft.to_complete or problems):
        err.print(
            f"[red]--strict:[/] {len(draft.content.filled)} chỗ đã bổ sung theo mặc định, {len(draft.to_complete)} chỗ còn phải viết, "
            f"{len(problems or [])} chỗ đọc lại khác; cần rà soát trước khi dùng.",
            soft_wrap=True,
        )
        raise typer.Exit(1)


def _check(draft, docx_files: list[Path] | None) -> list[str]:
    """Round trip on the .docx (written to a temporary file when another format was asked)."""
    from cchc.generators.render_docx import render_docx
    from cchc.generators.roundtrip import compare

    if docx_files:
        return compare(draft, docx_files).problems()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n, document in enumerate(draft.documents):
            path = Path(tmp) / f"draft_{n}.docx"
            path.write_bytes(render_docx([document]))
            files.append(path)
        return compare(draft, files).problems()


def register(app: typer.Typer) -> None:
    app.command("draft")(draft_command)
