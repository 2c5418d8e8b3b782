"""A clean draft from the generators lints clean: the linter does not fight the drafter."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.lint import lint_file

ROOT = Path(__file__).resolve().parents[2]
PROFILES = sorted((ROOT / "examples" / "profiles").glob("*.yaml"))


def _generators():
    """The drafting API of ``cchc.generators``, or a skip saying what is missing."""
    try:
        from cchc.generators.builders import KINDS
        from cchc.generators.drafting import make_draft
        from cchc.generators.profile import load_profile
        from cchc.generators.render_docx import render_docx
    except ImportError as error:
        pytest.skip(f"cchc.generators chưa có API soạn thảo (make_draft, load_profile, render_docx): {error}")
    if not PROFILES:
        pytest.skip("chưa có hồ sơ đơn vị mẫu trong examples/profiles/")
    return KINDS, make_draft, load_profile, render_docx


def test_every_default_draft_lints_clean(tmp_path: Path) -> None:
    kinds, make_draft, load_profile, render_docx = _generators()
    dirty = {}
    for profile_path in PROFILES:
        profile = load_profile(profile_path)
        for kind in kinds:
            draft = make_draft(kind, profile)
            path = tmp_path / f"{profile_path.stem}-{kind}.docx"
            path.write_bytes(render_docx(draft.documents))
            report = lint_file(path)
            if report.findings:
                dirty[path.name] = [(f.rule, f.label, f.message) for f in report.findings]
    assert not dirty, dirty
