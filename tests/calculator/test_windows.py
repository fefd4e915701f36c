"""Every measure opens with the notice (2021-07-26) and, where the notice states a last day, closes after it; its
public description's window (calculator/description.py) says the same."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from calculator import evaluate
from calculator.description import OPEN
from calculator.measures import MEASURES

ASKER = {"individual": {"asker": "individual"}, "unit": {"asker": "unit"}}


def status(measure, as_of) -> dict:
    asker = sorted(measure.audiences)[0]
    (found,) = evaluate(ASKER[asker], as_of.isoformat(), measures=[measure.id])["measures"]
    return found


@pytest.mark.parametrize("measure", MEASURES, ids=[m.id for m in MEASURES])
def test_not_yet_open_before_the_notice(measure):
    day_before = measure.opens.value - timedelta(days=1)
    assert status(measure, day_before)["status"] == "not_yet_open"
    assert status(measure, day_before)["status_label"] == "尚未实施（本通知自2021年7月26日起实施）"
    assert status(measure, measure.opens.value)["status"] != "not_yet_open"


@pytest.mark.parametrize("measure", [m for m in MEASURES if m.closes], ids=[m.id for m in MEASURES if m.closes])
def test_closed_the_day_after_the_last_day(measure):
    last_day = measure.closes.last_day.value
    on_last_day, day_after = status(measure, last_day), status(measure, last_day + timedelta(days=1))
    assert on_last_day["status"] != "closed"
    assert day_after["status"] == "closed"
    label = f"{last_day.year}年{last_day.month}月{last_day.day}日"
    assert day_after["status_label"] == f"已于{label}截止"
    assert day_after["window"] == on_last_day["window"] == {"closes": last_day.isoformat(),
                                                            "label": f"{measure.closes.what}截至{label}"}
    assert label in day_after["next_step"]
    assert day_after["conditions"] == on_last_day["conditions"], "conditions are still checked once closed"


def test_the_stated_last_days():
    closes = {m.id: m.closes.last_day.value.isoformat() for m in MEASURES if m.closes}
    assert closes == {"c01": "2021-12-31", "c03": "2021-12-31", "c04": "2021-12-31", "c05": "2021-12-31",
                      "c06": "2021-12-31", "c07": "2025-12-31"}


@pytest.mark.parametrize("measure", [m for m in MEASURES if not m.closes], ids=[m.id for m in MEASURES if not m.closes])
def test_no_end_date_is_said_not_invented(measure):
    found = status(measure, date(2026, 11, 27))
    assert found["window"] is None
    assert found["status"] != "closed"
    assert any("没有写明" in note and "截止日期" in note for note in found["notes"])


@pytest.mark.parametrize("measure", [m for m in MEASURES if m.closes], ids=[m.id for m in MEASURES if m.closes])
def test_a_deadline_written_as_before_a_day_says_the_day_is_counted(measure, notice):
    """“2021年12月31日前” leaves open whether the 31st is in; the window counts it, and the result says so."""
    last_day = measure.closes.last_day
    written_before = f"{last_day.text}前" in notice.text_of(last_day.cite)
    notes = status(measure, last_day.value)["notes"]
    assert any(f"“{last_day.text}前”" in note and "含" in note for note in notes) == written_before
    assert status(measure, last_day.value)["status"] != "closed"


@pytest.mark.parametrize("measure", MEASURES, ids=lambda m: m.id)
def test_the_window_gives_the_result_s_status_on_each_edge(measure):
    window = measure.description.window
    days = [window.opens.value - timedelta(days=1), window.opens.value]
    if window.last_day is not None:
        days += [window.last_day.value, window.last_day.value + timedelta(days=1)]
    for day in days:
        found = status(measure, day)
        expected = window.status_on(day)
        assert (found["status"] if found["status"] in ("closed", "not_yet_open") else OPEN) == expected, day
        if window.last_day is not None:
            assert found["window"] == {"closes": window.last_day.value.isoformat(), "label": window.label}
        else:
            assert found["window"] is None and window.label in found["notes"]
