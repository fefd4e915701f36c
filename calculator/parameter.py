"""A figure or date the notice fixes, declared once, next to the words it comes from (Catala-style).

`text` is the figure exactly as written in the sentence `cite` names; a test checks that it occurs there,
so a rule can never drift from the notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Parameter:
    value: Decimal | Fraction | int | date
    cite: str  # sentence anchor, e.g. "c01-1"
    text: str  # as written in that sentence, e.g. "6％"


ISSUE_DATE = Parameter(date(2021, 7, 26), cite="c18-3", text="本通知自印发之日起实施")
"""The notice took effect on issue; the date itself is the signature's 2021年7月26日 (document.yaml)."""
