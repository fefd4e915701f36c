"""Reading answers and the as-of date: every bad field is reported at once, in Chinese.

Whatever a caller passes (a huge integer, a deeply nested list, bytes, an object of any type), reading it raises
InputError and nothing else, and a message quotes at most a short prefix of a bad value (`quoted`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, TypeGuard, cast

from .dates import add_months, term_in_months
from .facts import Facts
from .inputs import BOOL, CHOICE, COUNT, DATE, EARLIEST_DATE, INPUTS, LATEST_DATE, MONEY, ORDER, Input
from .retirement import MIN_WORKING_AGE_YEARS, cohorts_for, legal_retirement
from .wording import CENT

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only: \d would take ２０２１ or ٢٠٢١
QUOTE_LIMIT = 30
"""A message quotes at most this many characters of a bad value."""
CONTROL_CHARACTERS = {code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0))}
"""Written out as \\x1b and so on when quoted, so that a message cannot steer the terminal that shows it."""
UNKNOWN_LIMIT = 10
"""Unknown questions reported one by one; any more are counted in one further error."""
KINDS: dict[type, str] = {list: "一个列表", tuple: "一个列表", dict: "一个对象（字典）", set: "一个集合", frozenset: "一个集合",
                         bytes: "一串字节", bytearray: "一串字节", type(None): "null"}


class InputError(Exception):
    """Bad input. `errors` lists every bad field: [{"field": input id, "message": 中文说明}, ...]."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        self.errors = errors
        super().__init__("；".join(f"{error['field']}：{error['message']}" for error in errors))


class _Invalid(Exception):
    """One value is unusable; the message says why, in Chinese."""


def shown(value: Any) -> str:
    """A value as a message may show it: never longer than about QUOTE_LIMIT characters, and never failing
    (nothing is converted with str() or repr(): a huge int or a deeply nested list cannot be)."""
    literal = _literal(value)
    if literal is not None:
        return "".join(literal)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"一个约{int(int.bit_length(value) * 0.30103) + 1}位的整数"
    return next((words for kind, words in KINDS.items() if isinstance(value, kind)), "一个无法识别的值")


def quoted(value: Any) -> str:
    """`shown(value)`, in Chinese quotation marks when it is the value as written: “abc”, “12”, 一个列表."""
    literal = _literal(value)
    return shown(value) if literal is None else f"“{literal[0]}”{literal[1]}"


def _literal(value: Any) -> tuple[str, str] | None:
    """Text, a number or a date as written, and a note of its length when it is cut short; None for anything
    else, and for an int too long to write out (str() of a huge int is slow, and refused beyond 4300 digits)."""
    if isinstance(value, str):
        text = str.__str__(value)
        head = text[:QUOTE_LIMIT].translate(CONTROL_CHARACTERS)
        return (head, "") if len(text) <= QUOTE_LIMIT else (head + "……", f"（共{len(text)}个字符）")
    if isinstance(value, bool):
        return ("true" if value else "false"), ""
    if isinstance(value, int):
        return (int.__repr__(value), "") if int.bit_length(value) <= 3 * QUOTE_LIMIT else None
    if isinstance(value, (float, Decimal)):
        return _literal(float.__repr__(value) if isinstance(value, float) else Decimal.__str__(value))
    if isinstance(value, date):
        return (datetime if isinstance(value, datetime) else date).isoformat(value), ""
    return None


def read(answers: Any, as_of: Any) -> Facts:
    """The facts for `answers` judged on `as_of` (default today), or InputError listing every bad field."""
    errors: list[dict[str, str]] = []
    if not isinstance(answers, dict):
        raise InputError([{"field": "answers", "message": "答案应是以问题编号为键的字典。"}])
    try:
        day = _as_of(as_of)
    except _Invalid as bad:
        errors.append({"field": "as_of", "message": str(bad)})
        day = None
    values: dict[str, Any] = {}
    unknown = 0
    for key, raw in dict.items(answers):  # the dict's own items, whatever a subclass makes of items()
        spec = INPUTS.get(key if type(key) is str else str.__str__(key)) if isinstance(key, str) else None
        if spec is None:
            unknown += 1
            if unknown <= UNKNOWN_LIMIT:
                errors.append({"field": shown(key), "message": f"没有这个问题：{quoted(key)}。"})
        elif raw is not None:
            try:
                values[spec.id] = PARSERS[spec.type](spec, raw)
            except _Invalid as bad:
                errors.append({"field": spec.id, "message": str(bad)})
    if unknown > UNKNOWN_LIMIT:
        errors.append({"field": "answers", "message": f"另有{unknown - UNKNOWN_LIMIT}个无法识别的问题，未逐一列出。"})
    asked = answers_asked(values)
    if day is not None:
        errors += _inconsistencies(asked, day)
    if errors or day is None:  # no date only where it is among the errors
        raise InputError(errors)
    return Facts(asked, day)


def _as_of(raw: Any) -> date:
    if raw is None:
        return date.today()
    if isinstance(raw, datetime):
        raw = datetime.date(raw)
    return _parse_date(raw, EARLIEST_DATE, LATEST_DATE)


def answers_asked(values: dict[str, Any]) -> dict[str, Any]:
    """Only the answers to questions that are asked, given the other answers (catalogue order)."""
    kept: dict[str, Any] = {}
    for spec in _in_catalogue_order(tuple(values)):
        if spec.asked(kept):
            kept[spec.id] = values[spec.id]
    return kept


@lru_cache(maxsize=256)
def _in_catalogue_order(input_ids: tuple[str, ...]) -> tuple[Input, ...]:
    """The questions in catalogue order, where a question comes after those its `ask_if` names (cached: the
    same questions are answered row after row)."""
    return tuple(INPUTS[input_id] for input_id in sorted(input_ids, key=ORDER.__getitem__))


def _parse_bool(spec: Input, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    raise _Invalid("请回答“是”（true）或“否”（false）。")


def _parse_count(spec: Input, raw: Any) -> int:
    value = _number(raw)
    low, high = cast(int, spec.min), cast(int, spec.max)  # a count's bounds are whole numbers
    if not _is_whole(value) or not low <= value <= high:  # the range first: int(1E+999999999) is slow
        raise _Invalid(_expected(spec, "整数"))
    return int(value)


def _number(raw: Any) -> int | float | Decimal | None:
    """A number as its plain type (an int, float or Decimal, whatever subclass came in), None for anything else
    (a bool included)."""
    kind = type(raw)
    if kind is int or kind is Decimal or kind is float:  # the common cases, quickly
        return raw
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return int.__int__(raw)
    if isinstance(raw, float):
        return float.__float__(raw)
    return Decimal(raw) if isinstance(raw, Decimal) else None


def _is_whole(value: int | float | Decimal | None) -> TypeGuard[int | float | Decimal]:
    """A finite whole number (float.is_integer is False for inf and nan)."""
    if isinstance(value, int):
        return True
    if isinstance(value, float):
        return value.is_integer()
    return isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value()


def _parse_money(spec: Input, raw: Any) -> Decimal:
    number = _number(raw)
    if number is None:
        raise _Invalid(_expected(spec, "金额"))
    value = Decimal(repr(number)) if isinstance(number, float) else Decimal(number)
    if not value.is_finite() or not cast(Decimal, spec.min) <= value <= cast(Decimal, spec.max):
        raise _Invalid(_expected(spec, "金额"))
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _expected(spec: Input, kind: str) -> str:
    return f"请填写{spec.min}到{spec.max}之间的{kind}（单位：{spec.unit}）。"


def _parse_date(raw: Any, earliest: date, latest: date) -> date:
    """A date, given as a date object (not a datetime) or as YYYY-MM-DD text, between `earliest` and `latest`."""
    if isinstance(raw, date) and not isinstance(raw, datetime):
        value = raw if type(raw) is date else date.fromordinal(date.toordinal(raw))  # a plain date, not a subclass
    elif isinstance(raw, str) and ISO_DATE.fullmatch(raw):
        try:
            value = date.fromisoformat(raw)
        except ValueError:
            raise _Invalid(f"没有这一天：{raw}。") from None
    else:
        raise _Invalid("日期应写成YYYY-MM-DD的形式，例如2021-07-26。")
    if not earliest <= value <= latest:
        raise _Invalid(f"日期应在{earliest.isoformat()}到{latest.isoformat()}之间。")
    return value


def _parse_answer_date(spec: Input, raw: Any) -> date:
    return _parse_date(raw, cast(date, spec.min), cast(date, spec.max))


CHOICE_VALUES = {spec.id: {option.value: option.value for option in spec.choices} for spec in INPUTS.values()}
"""For each choice question: its values, each mapped to itself (so that an equal str subclass becomes a str)."""


def _parse_choice(spec: Input, raw: Any) -> str:
    if isinstance(raw, str) and raw in CHOICE_VALUES[spec.id]:
        return CHOICE_VALUES[spec.id][raw]
    options = "、".join(f"{option.value}（{option.label}）" for option in spec.choices)
    raise _Invalid(f"{quoted(raw)}不是可选的答案；可选：{options}。")


PARSERS: dict[str, Callable[[Input, Any], Any]] = {
    BOOL: _parse_bool, COUNT: _parse_count, MONEY: _parse_money, DATE: _parse_answer_date, CHOICE: _parse_choice,
}


WORKING = frozenset({"employed_enterprise", "employed_other", "self_employed"})


def _outside_working_age(values: dict[str, Any], as_of: date) -> bool:
    """Whether the answers show the person under 16 or past the legal retirement age on the as-of date, and so
    not among the household's members of working age."""
    birth, sex, category = (values.get(key) for key in ("birth_date", "sex", "female_retirement_category"))
    if birth is None:
        return False
    if as_of < add_months(birth, 12 * MIN_WORKING_AGE_YEARS.value):
        return True
    if sex is None or (sex == "female" and category is None):
        return False
    return as_of >= legal_retirement(birth, cohorts_for(sex, category), as_of).reached_on


def _inconsistencies(values: dict[str, Any], as_of: date) -> list[dict[str, str]]:
    """Answers that contradict each other or the as-of date, each reported on the later question, naming both
    answers in the catalogue's words."""
    found: list[dict[str, str]] = []

    def report(field: str, message: str) -> None:
        found.append({"field": field, "message": message})

    def said(input_id: str) -> str:
        """An answer as the question and what was answered to it."""
        spec, value = INPUTS[input_id], values[input_id]
        answer = {CHOICE: spec.choice_label, BOOL: lambda yes: "是" if yes else "否"}.get(spec.type, str)(value)
        return f"对“{spec.label}”回答了“{answer}”"

    get = values.get
    staff, layoffs = get("insured_staff_last_year"), get("layoffs_last_year")
    if staff is not None and layoffs is not None and layoffs > staff:
        report("layoffs_last_year", f"上年度裁员人数（{layoffs}人）不能多于上年度参保职工人数（{staff}人）。")
    able, working = get("household_able_members"), get("household_members_working")
    if able is not None and working is not None:
        if working > able:
            report("household_members_working", f"已经就业的人数（{working}人）不能多于家庭成员人数（{able}人）。")
        else:
            income = get("household_members_with_business_income")
            if income is not None and income > able - working:
                report("household_members_with_business_income",
                       f"有经营性或投资性收入的人数（{income}人）不能多于没有就业的家庭成员人数（{able - working}人）。")
    working_now = get("employment_status") in WORKING
    if working_now and working == 0 and not _outside_working_age(values, as_of):  # one of the working-age members
        report("household_members_working", f"您{said('employment_status')}，又{said('household_members_working')}；"
                                            "您本人在工作，已经就业的家庭成员（含您本人）就不会是0人。请核对这两个回答。")
    seeking = get("employment_status") == "not_working" and get("able_and_willing_to_work") is True
    if seeking and working is not None and working == able and not _outside_working_age(values, as_of):
        field = "household_able_members" if able == 0 else "household_members_working"
        report(field, f"您{said('employment_status')}，又{said('able_and_willing_to_work')}，您本人就是没有就业的"
                      f"家庭成员之一，而您{said(field)}；家庭成员（{able}人）中已经就业的（{working}人）应少于家庭成员人数。"
                      "请核对这些回答。")
    if working_now and get("military_spouse_without_work"):
        report("military_spouse_without_work",
               f"您{said('employment_status')}，又{said('military_spouse_without_work')}；请核对这两个回答。")
    if get("employment_status") == "not_working" and get("stable_employment"):
        report("stable_employment", f"您{said('employment_status')}，又{said('stable_employment')}；请核对这两个回答。")
    household_urban = get("household_urban")
    if household_urban is not None and get("dibao_family") in ("urban", "rural") and household_urban != (
            get("dibao_family") == "urban"):
        report("household_urban", f"您{said('dibao_family')}，又{said('household_urban')}；请核对这两个回答。")
    start, end, hired = get("internship_start"), get("internship_end"), get("intern_hired_on")
    if start is not None and end is not None and end <= start:
        report("internship_end", "见习期满日期应晚于见习开始日期。")
    elif start is not None and end is not None and get("internship_term_unit") == "months" and (
            term_in_months(start, end) is None):
        report("internship_term_unit",
               f"见习开始日期（{start.isoformat()}）到见习期满日期（{end.isoformat()}）不是整月，与"
               f"{said('internship_term_unit')}不符：按月约定的，期满日是开始日若干个月后对应日的前一天"
               "（例如2021年1月1日开始、见习期6个月，期满日为2021年6月30日）。请核对日期，或选“按天约定”。")
    if start is not None and hired is not None and hired < start:
        report("intern_hired_on", "实现稳定就业的日期不能早于见习开始日期。")
    birth, arose = get("birth_date"), get("unemployment_case_date")
    if birth is not None and arose is not None and arose < birth:
        report("unemployment_case_date",
               f"情形发生的日期（{arose.isoformat()}）不能早于出生日期（{birth.isoformat()}）。")
    for field, what in (("birth_date", "出生日期"), ("unemployment_case_date", "情形发生的日期"),
                        ("intern_hired_on", "实现稳定就业的日期")):
        day = get(field)
        if day is not None and day > as_of:
            report(field, f"{what}不能晚于判断日期（{as_of.isoformat()}）。")
    return found
