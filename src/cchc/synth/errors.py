"""The synthetic corpus's one error: an output folder it must not overwrite."""

from __future__ import annotations

from cchc.errors import CchcError


class SynthError(CchcError):
    """``cchc synth`` cannot write where it was asked to (message in Vietnamese)."""

    exit_code = 2
