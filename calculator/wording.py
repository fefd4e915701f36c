"""Numbers as the results show them to residents."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

CENT = Decimal("0.01")


def zh_money(amount: Decimal | int) -> str:
    """12,345.60元"""
    return f"{Decimal(amount).quantize(CENT):,}元"


def zh_percent(part: int, whole: int, limit: Decimal) -> str:
    """`part / whole` as a percentage with two decimals, rounded towards `limit`'s side of the comparison.

    A rate just above the limit is rounded up and one at or below it is rounded down, so the printed figure
    never contradicts the words 高于 / 不高于 beside it.
    """
    exact = Decimal(part * 100) / Decimal(whole)
    rounding = ROUND_CEILING if exact > limit * 100 else ROUND_FLOOR
    return f"{exact.quantize(CENT, rounding=rounding)}％"
