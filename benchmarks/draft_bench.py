"""How long each draft kind takes as .docx: profile → content → model → .docx bytes.

Run with ``.venv/bin/python benchmarks/draft_bench.py``. The bar (issue 5) is < 300 ms for
a Quy chế hoạt động của Ban Chỉ đạo with its Quyết định (every kind is timed, issue 7);
the first run pays for imports and template compilation, so the median of the later runs
is what is reported.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from cchc.generators.drafting import make_draft
from cchc.generators.profile import load_profile
from cchc.generators.render_docx import render_docx

PROFILES = Path(__file__).resolve().parents[1] / "examples" / "profiles"


def once(profile_path: Path, kind: str = "quy-che-bcd") -> float:
    started = time.perf_counter()
    profile = load_profile(profile_path)
    render_docx(make_draft(kind, profile).documents)
    return time.perf_counter() - started


KINDS = ("quyet-dinh", "quy-che-bcd", "quy-che-phoi-hop", "quy-dinh-nguoi-dung-dau", "ke-hoach")


def main(rounds: int = 20) -> int:
    worst = 0.0
    for path in sorted(PROFILES.glob("*.yaml")):
        for kind in KINDS:
            once(path, kind)  # warm-up: imports, vocabularies, compiled templates
            times = [once(path, kind) for _ in range(rounds)]
            median = statistics.median(times) * 1000
            if kind == "quy-che-bcd":
                worst = max(worst, median)
            print(f"{path.stem:20s} {kind:24s} .docx: median {median:6.1f} ms, max {max(times) * 1000:6.1f} ms ({rounds} lần)")
    print(f"Quy chế BCĐ, ngưỡng 300 ms: {'đạt' if worst < 300 else 'KHÔNG ĐẠT'} (chậm nhất {worst:.1f} ms)")
    return 0 if worst < 300 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
