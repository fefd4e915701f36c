"""Numbers as the results show them to residents."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

CENT = Decimal("0.01")
PERCENT_DECIMALS = 2


def zh_money(amount: Decimal | int) -> str:
    """12,345.60元"""
    return f"{Decimal(amount).quantize(CENT):,}元"


def shown_percent(rate: Fraction, limit: Decimal) -> Decimal:
    """`rate` (a fraction) as the percentage a person reads: two decimals, rounded half-up (7 of 30 is
    23.33％, 1 of 6 is 16.67％).

    A rate that is not the limit never shows as the limit: where two decimals would make it read equal to
    `limit` (6.004％ or 5.996％ beside 6％), it gets as many more decimals as it takes to tell them apart
    (6.004％, 5.996％). Rounding never carries a rate across the limit, since the limit has two decimals.
    """
    percent, bound = rate * 100, Fraction(limit * 100)
    decimals = PERCENT_DECIMALS
    while True:
        scale = 10 ** decimals
        rounded = Fraction(int(percent * scale + Fraction(1, 2)), scale)  # half-up: rates are never negative
        if rounded != bound or percent == bound:
            return Decimal(rounded.numerator) / Decimal(rounded.denominator)
        decimals += 1


def zh_percent(percent: Decimal) -> str:
    """6.45 → 6.45％ (as many decimals as `percent` holds, at least two)"""
    return f"{percent:.{max(PERCENT_DECIMALS, -percent.as_tuple().exponent)}f}％"
