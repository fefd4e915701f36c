"""The figures the rules read from the notice: id → (value, the sentence it stands in, its words there).

Written from the facts of notice/ by `python -m sitebuild.figures`: edit notice/, never this file (a test
checks that it is up to date, and the site's build refuses a stale one)."""

import datetime
from decimal import Decimal
from fractions import Fraction

FIGURES: dict[str, tuple[int | Decimal | Fraction | datetime.date, str, str]] = {
    "assistance-application-deadline": (datetime.date(2021, 12, 31), "c06-2", "2021年12月31日"),
    "assistance-cases-from": (datetime.date(2021, 1, 1), "c06-2", "2021年1月1日（含）之后"),
    "assistance-once-only": (1, "c06-3", "只能申领享受一次"),
    "assistance-payment-until": (datetime.date(2022, 6, 30), "c06-2", "2022年6月30日"),
    "flexible-si-extension-months": (6, "c12-5", "最多不超过6个月"),
    "internship-deadline": (datetime.date(2021, 12, 31), "c05-1", "2021年12月31日"),
    "internship-remaining-share": (Fraction(1, 3), "c05-1", "不足1/3"),
    "issue-date": (datetime.date(2021, 7, 26), "c18-3", "本通知自印发之日起实施"),
    "large-enterprise-refund-rate": (Decimal("0.30"), "c01-2", "30％"),
    "layoff-rate-limit": (Decimal("0.06"), "c01-1", "6％"),
    "living-allowance-deadline": (datetime.date(2021, 12, 31), "c03-1", "2021年12月31日"),
    "max-free-trainings-per-year": (3, "c03-3", "不超过3次"),
    "max-training-subsidies-per-year": (3, "c08-1", "不超过3次"),
    "min-contribution-months": (12, "c04-2", "累计缴费满1年"),
    "national-award": (Decimal("100000"), "c15-1", "国家级10万元"),
    "no-application-max-insured": (200, "c01-3", "200人（含）以下"),
    "no-application-rollout": (4, "c01-4", "4个月"),
    "orphan-min-age": (16, "a2-2-5", "16周岁(含)以上"),
    "other-unit-refund-rate": (Decimal("0.60"), "c01-2", "60％"),
    "poverty-alleviated-factor": (Decimal("1.5"), "c03-2", "1.5倍"),
    "preparatory-monthly-allowance": (Decimal("300"), "c03-4", "每人每月300元"),
    "prepay-internship-share": (Decimal("0.5"), "c05-3", "最多50％"),
    "prepay-social-insurance-share": (Decimal("0.5"), "c05-4", "最多50％"),
    "provincial-award": (Decimal("50000"), "c15-1", "省级5万元"),
    "public-welfare-near-retirement": (60, "c14-2", "不足5年"),
    "refund-application-deadline": (datetime.date(2021, 12, 31), "c01-1", "2021年12月31日"),
    "registered-near-retirement": (60, "a2-1-3", "5年以内"),
    "relaxed-contribution-deadline": (datetime.date(2021, 12, 31), "c04-2", "2021年12月31日"),
    "rural-policies-until": (datetime.date(2025, 12, 31), "c14-5", "2025年12月31日"),
    "small-unit-layoff-rate-limit": (Decimal("0.20"), "c01-1", "20％"),
    "small-unit-max-staff": (30, "c01-1", "30人（含）以下"),
    "tax-relief-until": (datetime.date(2025, 12, 31), "c07-1", "2025年12月31日"),
    "zero-employment-min-members": (2, "a2-1-1", "2名(含)以上"),
    "zero-employment-removal": (1, "c13-3", "已经有1人实现就业"),
}
