"""Every draft kind × example profile × source (default, --like each sample unit,
--consensus), rendered to .docx, linted and read back: the measurements issue 14 asks
for, printed as one table.

    python benchmarks/draft_matrix.py [--store DIR] [--out DIR]

The store holds examples/corpus (ingested here when DIR is empty). Counted per draft:
lint findings other than what is true of today only (L703, L304), round-trip problems,
role conflicts (L606), members without duty (L603), the NQ 76 areas of a Kế hoạch's
table, "[cần bổ sung" marks, and the model chapters/articles a --like draft follows.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import tempfile
from pathlib import Path

from cchc.generators.builders import KINDS
from cchc.generators.drafting import Source, make_draft
from cchc.generators.profile import load_profile
from cchc.generators.render_docx import render_docx
from cchc.generators.roundtrip import compare
from cchc.graph.pipeline import ingest
from cchc.graph.read import read_document
from cchc.graph.store import open_store
from cchc.lint import lint_file

ROOT = Path(__file__).resolve().parents[1]
TODAY_ONLY = {"L703", "L304"}
# The sample texts of each kind, to set the drafts' length beside.
REAL = {
    "ke-hoach": ("003",), "quy-che-bcd": ("000", "001"), "quy-dinh-nguoi-dung-dau": ("002",), "quy-che-phoi-hop": ("004",),
}
UNITS = ("huyện Mỹ Xuyên", "Văn phòng Ủy ban nhân dân Thành phố", "huyện Hớn Quản", "huyện Chợ Mới", "tỉnh Quảng Nam")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None, help="keep the .docx files here")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    store_dir = args.store or Path(tmp.name) / "store"
    store = open_store(store_dir)
    if store.count() == 0:
        ingest(store, [ROOT / "examples" / "corpus"])
    out = args.out or Path(tmp.name) / "drafts"
    out.mkdir(parents=True, exist_ok=True)
    sources = [Source()] + [Source("like", u) for u in UNITS] + [Source("consensus")]
    totals: collections.Counter[str] = collections.Counter()
    lengths: dict[str, list[str]] = collections.defaultdict(list)
    print("| bản thảo | nguồn | lỗi lint | đọc lại sai | L606 | L603 | lĩnh vực KH | cần bổ sung | bố cục mẫu |")
    print("|---|---|---|---|---|---|---|---|---|")
    for profile_path in sorted((ROOT / "examples" / "profiles").glob("*.yaml")):
        profile = load_profile(profile_path)
        for kind in KINDS:
            if kind == "quyet-dinh":
                continue
            for source in sources:
                draft = make_draft(kind, profile, source, store)
                unit = re.sub(r"\W+", "-", source.unit).strip("-")
                path = out / ("-".join(filter(None, [profile_path.stem, kind, source.mode, unit])) + ".docx")
                path.write_bytes(render_docx(draft.documents))
                findings = [f for f in lint_file(path).findings if f.rule not in TODAY_ONLY]
                problems = compare(draft, [path]).problems()
                areas = len({d.area for d in draft.duties if d.mode == "chu_tri"}) if kind == "ke-hoach" else ""
                layout = next((n for n in draft.content.notes if n.startswith("bố cục theo")), "")
                counts = {
                    "lint": len(findings), "roundtrip": len(problems),
                    "L606": sum(f.rule == "L606" for f in findings), "L603": sum(f.rule == "L603" for f in findings),
                    "marks": len(draft.to_complete),
                }
                totals.update(counts)
                if source.mode == "default":
                    lengths[kind].append(f"{profile_path.stem} {_words(path)}")
                totals["drafts"] += 1
                name = source.mode + (f" {source.unit}" if source.unit else "")
                shown = re.sub(r"^bố cục theo “[^”]*”: ", "", layout)
                print(f"| {profile_path.stem} {kind} | {name} | {counts['lint']} | {counts['roundtrip']} | {counts['L606']} | "
                      f"{counts['L603']} | {areas} | {counts['marks']} | {shown} |")
                for finding in findings:
                    print(f"|  | {finding.rule} {finding.label} | {finding.message[:120]} |", file=sys.stderr)
    print(f"\n{totals['drafts']} bản thảo: lint {totals['lint']}, đọc lại sai {totals['roundtrip']}, L606 {totals['L606']}, "
          f"L603 {totals['L603']}, cần bổ sung {totals['marks']}")
    print("\n| loại | số từ (mặc định, theo hồ sơ) | số từ văn bản thật |\n|---|---|---|")
    corpus = ROOT / "examples" / "corpus"
    for kind, keys in REAL.items():
        real = ", ".join(f"{key} {_words(next(corpus.glob(key + '_*')))}" for key in keys)
        print(f"| {kind} | {'; '.join(lengths[kind])} | {real} |")
    return 0


def _words(path: Path) -> int:
    """Words as a reader counts them: of the text, not of its markup."""
    return len(re.findall(r"\w+", read_document(path).text))


if __name__ == "__main__":
    raise SystemExit(main())
