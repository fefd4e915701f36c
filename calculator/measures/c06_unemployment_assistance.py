"""（六）失业补助金: for insured unemployed without benefit; cases from 2021-01-01, applications to 2021-12-31."""

from __future__ import annotations

from datetime import date

from ..checks import NOT_BEFORE, answer, condition, in_turn, unknown
from ..dates import zh_date
from ..facts import Facts
from ..inputs import UNEMPLOYMENT_ASSISTANCE_CASES
from ..measure import Deadline, Measure
from ..parameter import figure
from ..result import Assessment, Check, all_of

CASES_FROM = figure("assistance-cases-from")
APPLICATION_DEADLINE = figure("assistance-application-deadline")
PAYMENT_UNTIL = figure("assistance-payment-until")
ONCE_ONLY = figure("assistance-once-only")



def _new_case(facts: Facts) -> Check:
    title = f"{CASES_FROM.text}新发生"
    arose = facts.get("unemployment_case_date")
    if arose is None:
        return unknown(facts, title, "c06-2", "unemployment_case_date")
    return condition(title, "c06-2", NOT_BEFORE.said(arose, CASES_FROM.value, f"情形发生于{zh_date(arose)}，",
                                                     zh_date(CASES_FROM.value)))


def _payment_note(as_of: date) -> list[str]:
    if as_of <= APPLICATION_DEADLINE.value:
        return []
    if as_of <= PAYMENT_UNTIL.value:
        return [f"申领受理已于{zh_date(APPLICATION_DEADLINE.value)}截止；已受理的，根据申领时间，"
                f"实际发放时间最长可至{zh_date(PAYMENT_UNTIL.value)}。"]
    return [f"失业补助金的实际发放时间最长至{zh_date(PAYMENT_UNTIL.value)}，到判断日期已经结束。"]


def assess(facts: Facts) -> Assessment:
    checks = in_turn(
        lambda: answer(facts, "employment_status", {"not_working"}, "c06-1", "失业人员"),
        lambda: answer(facts, "insured_before_unemployment", {True}, "c06-1", "参保失业人员"),
        lambda: answer(facts, "ui_benefit_situation", UNEMPLOYMENT_ASSISTANCE_CASES, "c06-1",
                       "领取失业保险金期满仍未就业，或不符合领取失业保险金条件"),
        lambda: _new_case(facts),
        lambda: answer(facts, "received_unemployment_assistance", {False}, ONCE_ONLY.cite,
                       f"失业补助金{ONCE_ONLY.text}"),
    )
    notes = ["失业补助金的发放标准按现行规定执行，通知没有写明金额。",
             "通知没有写明“新发生”以哪一天为准，本自测按领取失业保险金期满或失业的日期判断。"]
    return Assessment(
        verdict=all_of(*checks),
        conditions=checks,
        apply=(f"可在{zh_date(APPLICATION_DEADLINE.value)}前申领失业补助金；根据申领时间，"
               f"实际发放时间最长可至{zh_date(PAYMENT_UNTIL.value)}。"),
        notes=notes + _payment_note(facts.as_of),
    )


MEASURE = Measure(
    id="c06",
    clause="c06",
    title="失业补助金",
    audiences=frozenset({"individual"}),
    assess=assess,
    figures=(CASES_FROM, APPLICATION_DEADLINE, PAYMENT_UNTIL, ONCE_ONLY),
    inputs=("employment_status", "insured_before_unemployment", "ui_benefit_situation", "unemployment_case_date",
            "received_unemployment_assistance"),
    closes=Deadline(APPLICATION_DEADLINE, "申领受理"),
)
