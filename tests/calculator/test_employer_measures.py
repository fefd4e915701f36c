"""（五）就业见习 and （十五）一次性奖补."""

from __future__ import annotations

import pytest

from measure_result import measure_result

INTERNSHIP = {"asker": "unit", "runs_internship": True, "internship_start": "2021-01-01",
              "internship_end": "2021-01-31"}  # a 30-day term: a third is 10 days


@pytest.mark.parametrize(("hired", "outcome"), [
    ("2021-01-20", "not_met"), ("2021-01-21", "not_met"),  # 11, then exactly 10 days (1/3) left: not “不足”
    ("2021-01-22", "met"), ("2021-01-31", "met"), ("2021-02-01", "not_met"),  # after the term ended
])
def test_c05_less_than_a_third_of_the_term_left(hired, outcome):
    found = measure_result("c05", {**INTERNSHIP, "intern_hired_on": hired}, "2021-09-01")
    assert found["conditions"][1]["outcome"] == outcome


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
