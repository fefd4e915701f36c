"""The figures the rules read from notice/: whether a fact's words state its typed value, and the module that
carries them to the rules, `calculator/figures.py` (standard library only, so the command line and the browser
need no build to read them).

    .venv/bin/python -m sitebuild.figures      # rewrite calculator/figures.py from notice/

A test checks that the committed module is what this writes; the site's build refuses a stale one.
"""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal
from fractions import Fraction

from calculator.dates import zh_date

from .model import Figure
from .paths import NOTICE_DIR, PROJECT_ROOT

MODULE = PROJECT_ROOT / "calculator" / "figures.py"
ISSUE = "印发之日"  # words that date a figure by the notice's issue, which document.yaml's `signed_on` gives

_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(％|%|倍|万元|元|个月|年)?")
# What a number followed by this unit means as a typed value of each type.
_SCALES = {
    "rate": {"％": Decimal("0.01"), "%": Decimal("0.01"), "倍": Decimal(1)},
    "money": {"万元": Decimal(10_000), "元": Decimal(1)},
    "months": {"个月": Decimal(1), "年": Decimal(12)},
}


def disagreement(words: str, type_: str, value: int | Decimal | Fraction | datetime.date,
                 issued: datetime.date) -> str | None:
    """Why `words` do not state `value`, written as a `type_` (6％ is the rate 0.06, 10万元 the money 100000,
    满1年 12 months, 1/3 the fraction 1/3; a date is written as 2021年12月31日 or is the notice's day of issue),
    or None when they do."""
    if isinstance(value, datetime.date):
        if zh_date(value) in words or (ISSUE in words and value == issued):
            return None
        return f"{value.isoformat()} is neither written in {words!r} nor the day of issue they name"
    if isinstance(value, Fraction):
        return None if f"{value.numerator}/{value.denominator}" in words else f"{words!r} does not write {value}"
    amounts = [(Decimal(number), unit) for number, unit in _AMOUNT.findall(words)]
    if not amounts and "一" in words:
        amounts = [(Decimal(1), "")]  # 只能申领享受一次
    scales = _SCALES.get(type_)
    stated = {number * scales.get(unit, Decimal(0)) if scales else number for number, unit in amounts}
    return None if value in stated else f"{words!r} does not state the {type_} {value}"


def module_text(figures: tuple[Figure, ...]) -> str:
    """The text of calculator/figures.py for these figures."""
    lines = [
        f"    {json.dumps(figure.id)}: ({_literal(figure.value)}, {json.dumps(figure.cite)}, "
        f"{json.dumps(figure.words, ensure_ascii=False)}),"
        for figure in sorted(figures, key=lambda figure: figure.id)
    ]
    return (
        '"""The figures the rules read from the notice: id → (value, the sentence it stands in, its words there).\n\n'
        "Written from the facts of notice/ by `python -m sitebuild.figures`: edit notice/, never this file (a test\n"
        'checks that it is up to date, and the site\'s build refuses a stale one)."""\n\n'
        "import datetime\n"
        "from decimal import Decimal\n"
        "from fractions import Fraction\n\n"
        "FIGURES: dict[str, tuple[int | Decimal | Fraction | datetime.date, str, str]] = {\n"
        + "\n".join(lines)
        + "\n}\n"
    )


def _literal(value: int | Decimal | Fraction | datetime.date) -> str:
    if isinstance(value, Decimal):
        return f'Decimal("{value}")'
    return repr(value)  # 30, Fraction(1, 3), datetime.date(2021, 12, 31)


def main() -> None:
    from .loader import load_notice

    MODULE.write_text(module_text(load_notice(NOTICE_DIR).figures), encoding="utf-8")
    print(f"wrote {MODULE.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
