"""Numbers as the results show them to residents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .dates import zh_date

CENT = Decimal("0.01")
PERCENT_DECIMALS = 2

AMOUNT_BOUNDS: dict[str, tuple[str, str]] = {"upper": ("不超过", "上限"), "estimate": ("约", "估算"), "exact": ("", "")}
"""How an amount of each bound (calculator/result.py) is worded, in the command line and in the browser alike:
the word before it and the tag after it. An upper bound says 不超过, as the notice does (（一）, （八）, 附件2)."""


def zh_money(amount: Decimal | int) -> str:
    """12,345.60元"""
    return f"{Decimal(amount).quantize(CENT):,}元"


def shown_percent(part: int, whole: int, limit: Decimal) -> Decimal:
    """`part / whole` as the percentage a person reads: two decimals, rounded half-up (7 of 30 is 23.33, 1 of 6
    is 16.67).

    A rate that is not the limit never shows as the limit: where two decimals would make it read equal to
    `limit` (6.004％ or 5.996％ beside 6％), it gets as many more decimals as it takes to tell them apart.
    Rounding never carries a rate across the limit, since the limit has two decimals. Integers throughout: the
    batch works out a million of these.
    """
    decimals = PERCENT_DECIMALS
    while True:
        scale = 100 * 10 ** decimals
        rounded = (2 * part * scale + whole) // (2 * whole)  # half-up: rates are never negative
        bound = int(limit * scale)
        if rounded != bound or part * scale == bound * whole:
            return Decimal(rounded).scaleb(-decimals)
        decimals += 1


def zh_percent(percent: Decimal) -> str:
    """6.45 → 6.45％, with the decimals `percent` holds (`shown_percent` gives at least two)"""
    return f"{percent:f}％"


def through(day: date) -> str:
    """What a result says of a deadline the notice writes as “……前”."""
    return f"通知写的是“{zh_date(day)}前”，没有写明是否含当天；本自测按含{zh_date(day)}当天计算。"
