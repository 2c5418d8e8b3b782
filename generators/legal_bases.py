"""The căn cứ a draft cites: the profile's own, then those its kind needs on its date.

A commune's or a district's Kế hoạch carries out the province's Kế hoạch of the same
year, so a draft (no number yet) cites that plan with blanks for its number and date,
unless the profile cites it already; a numbered text cites only what its profile lists, as
a blank in a signed text is a defect (lint L501). A Quy chế phối hợp rests on the one-stop decree, a Quy định on heads on the decree on
heads' responsibility, a Quy chế BCĐ that also steers Đề án 06 on the Prime Minister's
decision approving it; and a decree replaced on 1 July 2025 must not be cited after it.
Which instrument, for which kind, in force when, is data (``data/legal_bases.yaml``).
"""

from __future__ import annotations

import datetime as dt

from cchc.generators.data_files import data
from cchc.generators.profile import Profile
from cchc.generators.vietnamese import BLANK, long_date
from cchc.graph.normalize import match_key


def kind_bases(profile: Profile, kind: str) -> list[str]:
    """The profile's bases, then the kind's in force on the draft's date, none twice."""
    return list(profile.legal_bases) + [text for text, _ in kind_additions(profile, kind)] + superior_plan(profile, kind)


def superior_plan(profile: Profile, kind: str) -> list[str]:
    """The province's Kế hoạch CCHC of the year, for a plan below the province."""
    if kind != "ke-hoach" or profile.number or not profile.province or match_key(profile.level) == match_key("tỉnh"):
        return []
    province = match_key(profile.province)
    if any(match_key("kế hoạch") in match_key(b) and province in match_key(b) for b in profile.legal_bases):
        return []
    return [f"Kế hoạch số{BLANK}/KH-UBND {long_date(None)} của Ủy ban nhân dân {profile.province} "
            f"về cải cách hành chính năm {profile.year}"]


def kind_additions(profile: Profile, kind: str) -> list[tuple[str, str]]:
    """(text, number) of each basis the kind adds to the profile's own."""
    on = profile.date or dt.date(profile.year, 1, 1)
    cited = match_key(" ".join(profile.legal_bases))
    remit = profile.steering.remit.lower()
    out = []
    for basis in data("legal_bases"):
        if kind not in basis["kinds"] or match_key(str(basis["number"])) in cited:
            continue
        if basis.get("when") and basis["when"] not in remit:
            continue
        if not _in_force(basis, on):
            continue
        out.append((str(basis["text"]), str(basis["number"])))
    return out


def _in_force(basis: dict, on: dt.date) -> bool:
    start, end = basis.get("from"), basis.get("until")
    return (start is None or start <= on) and (end is None or on <= end)
