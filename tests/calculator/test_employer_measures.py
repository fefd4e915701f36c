"""（五）就业见习 and （十五）一次性奖补."""

from __future__ import annotations

from datetime import date

import pytest

from calculator.dates import term_in_months
from measure_result import measure_result

INTERNSHIP = {"asker": "unit", "runs_internship": True, "internship_start": "2021-01-01",
              "internship_end": "2021-01-30", "internship_term_unit": "days"}  # a 30-day term: a third is 10 days


@pytest.mark.parametrize(("hired", "outcome"), [
    ("2021-01-20", "not_met"), ("2021-01-21", "not_met"),  # 11, then exactly 10 days (1/3) left: not “不足”
    ("2021-01-22", "met"), ("2021-01-30", "met"), ("2021-01-31", "not_met"),  # after the term ended
])
def test_c05_less_than_a_third_of_a_term_in_days(hired, outcome):
    found = measure_result("c05", {**INTERNSHIP, "intern_hired_on": hired}, "2021-09-01")
    assert found["conditions"][1]["outcome"] == outcome


@pytest.mark.parametrize(("start", "end", "hired", "outcome"), [
    # 12 months: a third is 4 calendar months, whatever the days in them
    ("2021-01-01", "2021-12-31", "2021-09-01", "not_met"), ("2021-01-01", "2021-12-31", "2021-09-02", "met"),
    ("2021-03-01", "2022-02-28", "2021-11-01", "not_met"), ("2021-03-01", "2022-02-28", "2021-11-02", "met"),
    # 6 months: 2 months
    ("2021-03-01", "2021-08-31", "2021-07-01", "not_met"), ("2021-03-01", "2021-08-31", "2021-07-02", "met"),
    ("2021-01-31", "2021-07-30", "2021-05-31", "not_met"), ("2021-01-31", "2021-07-30", "2021-06-01", "met"),
    # 1 month from 31 January ends on February's last day, which has no 31st: a third of its 28 days is 9⅓ days
    ("2021-01-31", "2021-02-28", "2021-02-19", "not_met"), ("2021-01-31", "2021-02-28", "2021-02-20", "met"),
    # 1 month: a third of a month; the part month is counted in the days of the month it falls in (31)
    ("2021-01-01", "2021-01-31", "2021-01-21", "not_met"),  # 11 days: 11/31 ≥ 1/3
    ("2021-01-01", "2021-01-31", "2021-01-22", "met"),  # 10 days: 10/31 < 1/3
])
def test_c05_a_term_in_months_is_counted_in_calendar_months(start, end, hired, outcome):
    found = measure_result("c05", {**INTERNSHIP, "internship_start": start, "internship_end": end,
                                   "internship_term_unit": "months", "intern_hired_on": hired}, "2022-06-01")
    assert found["conditions"][1]["outcome"] == outcome


@pytest.mark.parametrize(("start", "end", "months"), [
    ("2021-01-01", "2021-12-31", 12), ("2021-03-01", "2022-02-28", 12), ("2021-03-01", "2021-08-31", 6),
    ("2021-01-15", "2021-04-14", 3), ("2021-01-31", "2021-02-28", 1), ("2021-03-31", "2021-04-30", 1),
    ("2021-03-01", "2021-08-28", None), ("2021-01-15", "2021-04-15", None), ("2021-01-01", "2021-01-30", None),
])
def test_whole_calendar_months(start, end, months):
    assert term_in_months(date.fromisoformat(start), date.fromisoformat(end)) == months


def test_c05_says_how_the_term_is_counted_and_mentions_part_months_only_where_they_count():
    whole = measure_result("c05", {**INTERNSHIP, "internship_end": "2021-12-31", "internship_term_unit": "months",
                                   "intern_hired_on": "2021-09-15"}, "2021-10-01")
    assert "见习协议按月约定见习期限，见习期12个月" in whole["conditions"][1]["text"]
    assert "还有3个月16天，不足见习期的1/3（4个月）" in whole["conditions"][1]["text"]
    assert not any("零头" in note for note in whole["notes"])
    assert any("按月约定的按日历月计算" in note for note in whole["notes"])
    part = measure_result("c05", {**INTERNSHIP, "internship_end": "2021-04-30", "internship_term_unit": "months",
                                  "intern_hired_on": "2021-03-22"}, "2021-10-01")
    assert any("零头天数" in note for note in part["notes"])


def test_c05_prepayments_and_extension_are_noted():
    found = measure_result("c05", {**INTERNSHIP, "intern_hired_on": "2021-01-25", "intern_retained": True,
                                   "internship_interrupted_by_epidemic": True}, "2021-09-01")
    assert found["amount"] is None
    notes = " ".join(found["notes"])
    assert "最多50％的见习补贴" in notes and "最多50％的社会保险补贴" in notes and "相应延长见习期限" in notes
    assert "按协议确定的最长期限计算" in found["next_step"]


@pytest.mark.parametrize(("title", "status", "value"), [("national", "eligible", 100_000),
                                                        ("provincial", "eligible", 50_000),
                                                        ("none", "not_eligible", None)])
def test_c15_one_off_awards(title, status, value):
    found = measure_result("c15", {"asker": "unit", "honour_title": title}, "2026-11-27")
    assert found["status"] == status
    assert (found["amount"] or {}).get("value") == value
