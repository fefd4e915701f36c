"""Numbers as the results show them to residents."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

CENT = Decimal("0.01")
PERCENT_CENT = Decimal("0.0001")  # a rate as a fraction, to two decimals of a percentage


def zh_money(amount: Decimal | int) -> str:
    """12,345.60元"""
    return f"{Decimal(amount).quantize(CENT):,}元"


def shown_rate(part: int, whole: int, limit: Decimal) -> Decimal:
    """`part / whole` as a fraction to two decimals of a percentage, rounded towards `limit`'s side.

    A rate just above the limit is rounded up and one at or below it is rounded down, so the printed figure
    never contradicts the words 高于 / 不高于 beside it.
    """
    exact = Decimal(part) / Decimal(whole)
    return exact.quantize(PERCENT_CENT, rounding=ROUND_CEILING if exact > limit else ROUND_FLOOR)


def zh_percent(rate: Decimal) -> str:
    """0.0645 → 6.45％"""
    return f"{rate * 100:.2f}％"
