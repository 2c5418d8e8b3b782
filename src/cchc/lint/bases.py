"""L303–L304: a căn cứ that was no longer in force.

A text cannot rest on an instrument that had ceased before its own date (L303, an error:
usually a căn cứ copied from an older text). One that ceased since is worth knowing when
the text is amended or replaced (L304, information), with what replaced it. The table of
instruments and their ends is ``graph/data/instruments.json``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from cchc.graph.in_force import Instrument, ceased_by, successors_on
from cchc.lint.agencies import shown_date
from cchc.lint.context import LintContext, Where
from cchc.lint.findings import Finding
from cchc.lint.registry import check


def _short(text: str, limit: int = 120) -> str:
    """The cited text, cut at a word with "…" when long."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _successors(instrument: Instrument, on: dt.date) -> dict[str, str]:
    numbers, sources = successors_on(instrument, on)
    return {"successor": ", ".join(numbers), "authority": "; ".join(sources)}


@check
def bases_in_force(ctx: LintContext) -> Iterator[Finding]:
    today = dt.date.today()
    for part in ctx.parts:
        for citation in part.doc.metadata.legal_bases:
            where: Where = {"part": part, "excerpt": citation.text[:200], "line": ctx.line_of(citation.text[:60]) or None}
            cited = _short(citation.text)
            if ctx.date is not None and (early := ceased_by(citation, ctx.date)) is not None:
                yield ctx.finding("L303", None, **where, cited=cited, until=shown_date(early.until + dt.timedelta(days=1)), **_successors(early, ctx.date),
                                  date=f"{shown_date(ctx.date)} ({ctx.date_basis})")
                continue
            later = ceased_by(citation, today)
            if later is not None:
                yield ctx.finding("L304", None, **where, cited=cited, until=shown_date(later.until + dt.timedelta(days=1)), **_successors(later, today))
