"""``cchc synth OUT``: a deterministic synthetic corpus, with ground truth, for scale and accuracy tests."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from cchc.cli.console import err, out
from cchc.synth.names import GOLD, MANIFEST  # for the help text; the generator loads when it runs

LABELS = {"abbreviation": "viết tắt", "old_tone": "dấu kiểu cũ", "page_break": "câu ngắt qua trang"}
HELP = f"""Sinh bộ văn bản tổng hợp (tất định) kèm đáp án chuẩn cchc-facts/1.

Mỗi đơn vị (tỉnh/thành phố, xã/phường/đặc khu, huyện/quận/thị xã trước 01/7/2025) có 5 văn bản soạn bằng bộ soạn thảo: Quy chế hoạt động Ban Chỉ đạo, Quy chế phối hợp, Quy định trách nhiệm người đứng đầu, Kế hoạch CCHC năm và năm sau; cơ quan, phân công, lịch họp, chế độ báo cáo và thời hạn khác nhau theo đơn vị. Tệp được "làm cũ" như văn bản thật: viết tắt (UBND, HĐND, VP, TTHC, CCHC…), đặt dấu kiểu cũ (hoà, uỷ), tiêu đề in đậm hoặc Markdown, câu bị ngắt qua trang; .txt và .docx.

Bố cục: THƯ_MỤC/<cấp>/<đơn-vị>/<tên>.txt|.docx, đáp án <tên>.facts.json bên cạnh, bản sao phẳng THƯ_MỤC/{GOLD}/<tên>.json (tên duy nhất trong bộ) và THƯ_MỤC/{MANIFEST} (mỗi dòng một văn bản). Cùng --units và --seed cho cùng nội dung (tệp .txt và đáp án giống từng byte, .docx cùng nội dung), dù --jobs bao nhiêu.

Chấm trích xuất (score.py ghép dự đoán với đáp án theo tên tệp trong một thư mục):

\b
  for f in THƯ_MỤC/*/*/*.txt THƯ_MỤC/*/*/*.docx; do
    cchc facts "$f" --format json > "PRED/$(basename "${{f%.*}}").json"
  done
  python ../shared/eval/score.py --dir PRED THƯ_MỤC/{GOLD} -v
"""


def synth_command(
    out_dir: Annotated[Path, typer.Argument(metavar="THƯ_MỤC", help="Thư mục kết quả (mới hoặc rỗng).", show_default=False)],
    units: Annotated[int, typer.Option("--units", "-n", min=1, help="Số đơn vị; mỗi đơn vị 5 văn bản.")] = 10,
    seed: Annotated[int, typer.Option("--seed", "-s", help="Hạt giống ngẫu nhiên.")] = 0,
    docx_share: Annotated[float, typer.Option("--docx-share", min=0.0, max=1.0, help="Tỷ lệ văn bản ghi .docx (còn lại .txt).")] = 0.2,
    perturb: Annotated[bool, typer.Option("--perturb/--clean", help="Làm cũ văn bản (viết tắt, dấu cũ, ngắt trang…) hoặc để sạch.")] = True,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Số tiến trình song song (kết quả không đổi).")] = 1,
    force: Annotated[bool, typer.Option("--force", help="Thay bộ văn bản tổng hợp cũ trong THƯ_MỤC (chỉ xóa những gì manifest của nó liệt kê).")] = False,
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from cchc.synth.corpus import Options, write_corpus

    options = Options(units=units, seed=seed, docx_share=docx_share, perturb=perturb, jobs=jobs)
    started = time.perf_counter()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True) as bar:
        task = bar.add_task("Đang sinh văn bản", total=units * 5)
        summary = write_corpus(out_dir, options, force=force, on_unit=lambda n: bar.advance(task, n))
    elapsed = time.perf_counter() - started
    formats = ", ".join(f"{n} .{fmt}" for fmt, n in sorted(summary.formats.items()))
    levels = ", ".join(f"{level} {n}" for level, n in sorted(summary.levels.items()))
    out.print(f"Đã ghi {summary.documents} văn bản ({formats}) của {units} đơn vị vào {out_dir} trong {elapsed:.1f} giây.", highlight=False)
    out.print(f"Theo cấp: {levels}.", highlight=False)
    if summary.perturbations:
        done = ", ".join(f"{LABELS.get(what, what)} {n}" for what, n in sorted(summary.perturbations.items()))
        out.print(f"Làm cũ: {done}.", highlight=False)
    out.print(f"Đáp án chuẩn: {out_dir / GOLD} (python ../shared/eval/score.py --dir PRED {out_dir / GOLD}).", highlight=False)


synth_command.__doc__ = HELP


def register(app: typer.Typer) -> None:
    app.command("synth", help=HELP)(synth_command)
