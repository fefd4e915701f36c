"""Legal retirement age before and after the 2025 reform, at the edges of the birth cohorts."""

from __future__ import annotations

from datetime import date

import pytest

from calculator.retirement import MEN, WOMEN_CADRES, WOMEN_WORKERS, legal_retirement

AFTER_REFORM = date(2026, 11, 27)


@pytest.mark.parametrize(("cohorts", "born", "age_months"), [
    # men: 60, one month more per four birth months from January 1965, at most 63
    (MEN, date(1964, 12, 31), 720), (MEN, date(1965, 1, 1), 721), (MEN, date(1965, 4, 30), 721),
    (MEN, date(1965, 5, 1), 722), (MEN, date(1968, 5, 10), 731), (MEN, date(1976, 8, 31), 755),
    (MEN, date(1976, 9, 1), 756), (MEN, date(1990, 6, 1), 756),
    # women whose original age was 55: from January 1970, at most 58
    (WOMEN_CADRES, date(1969, 12, 31), 660), (WOMEN_CADRES, date(1970, 1, 1), 661),
    (WOMEN_CADRES, date(1970, 4, 30), 661), (WOMEN_CADRES, date(1970, 5, 1), 662),
    (WOMEN_CADRES, date(1981, 8, 31), 695), (WOMEN_CADRES, date(1981, 9, 1), 696),
    (WOMEN_CADRES, date(1995, 1, 1), 696),
    # women whose original age was 50: one month per two birth months from January 1975, at most 55
    (WOMEN_WORKERS, date(1974, 12, 31), 600), (WOMEN_WORKERS, date(1975, 1, 1), 601),
    (WOMEN_WORKERS, date(1975, 2, 28), 601), (WOMEN_WORKERS, date(1975, 3, 1), 602),
    (WOMEN_WORKERS, date(1984, 10, 31), 659), (WOMEN_WORKERS, date(1984, 11, 1), 660),
    (WOMEN_WORKERS, date(2000, 1, 1), 660),
])
def test_age_under_the_2024_decision(cohorts, born, age_months):
    assert legal_retirement(born, cohorts, AFTER_REFORM).age_months == age_months


def test_the_rules_in_force_on_the_as_of_date_apply():
    born = date(1966, 3, 1)
    assert legal_retirement(born, MEN, date(2024, 12, 31)).age_months == 720
    assert legal_retirement(born, MEN, date(2025, 1, 1)).age_months == 724
    assert legal_retirement(date(1972, 3, 10), WOMEN_WORKERS, date(2021, 8, 1)).age_months == 600
    assert legal_retirement(date(1972, 3, 10), WOMEN_CADRES, date(2021, 8, 1)).age_months == 660


def test_the_day_the_age_is_reached():
    # the annex's first row: born January–April 1965 → 60 years 1 month → retires February–May 2025
    assert legal_retirement(date(1965, 4, 15), MEN, AFTER_REFORM).reached_on == date(2025, 5, 15)
    assert legal_retirement(date(1965, 1, 31), MEN, AFTER_REFORM).reached_on == date(2025, 2, 28)
    assert legal_retirement(date(1972, 2, 29), WOMEN_WORKERS, AFTER_REFORM).reached_on == date(2022, 2, 28)
    assert legal_retirement(date(1964, 2, 29), MEN, date(2021, 8, 1)).reached_on == date(2024, 2, 29)
