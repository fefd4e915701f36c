"""Caseworker batch mode for 失业保险稳岗返还 (clause c01) and its 免申即享 internal data comparison.

A CSV of units comes in, one assessed row per unit goes out, row by row (memory stays flat however long the
file). Each row is judged by `calculator.evaluate(answers, as_of, measures=["c01"])`, the same call as the
self-check; this module only turns cells into answers and the result into cells (the layoff rate, refund rate
and 免申即享 come from the measure's `figures`).

Headers may be Chinese or English (the input ids), in any order; the output's headers and codes follow the
language of the id column's header unless a language is given. Rows are numbered as a spreadsheet numbers them:
the header is row 1, the first unit row 2.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TextIO

from . import InputError, catalogue, evaluate

MEASURE = "c01"
ZH, EN = "zh", "en"

ID_COLUMN, NAME_COLUMN = "unit_id", "unit_name"
INPUT_COLUMNS: dict[str, str] = {
    ID_COLUMN: "单位编号",
    NAME_COLUMN: "单位名称",
    "unit_type": "单位类型",
    "enterprise_size": "企业规模",
    "insured_staff_last_year": "上年度参保职工人数",
    "layoffs_last_year": "上年度裁员人数",
    "insured_at_end_of_2020": "2020年末参保人数",
    "uic_paid_last_year": "上年度实际缴纳失业保险费",
}
"""Input columns: English header (the catalogue's input id, or unit_id / unit_name) → Chinese header."""

OUTPUT_COLUMNS: dict[str, str] = {
    "row": "行号",
    ID_COLUMN: "单位编号",
    NAME_COLUMN: "单位名称",
    "status": "状态",
    "layoff_rate": "裁员率",
    "refund_rate": "返还比例",
    "max_refund": "返还上限（不超过，元）",
    "no_application": "免申即享",
    "reasons": "原因",
    "error": "错误",
}
"""Output columns: English header → Chinese header."""

NO_APPLICATION_CELLS = {ZH: {True: "是", False: "否", None: "待核实"}, EN: {True: "yes", False: "no", None: "unknown"}}
BAD_ROW_STATUS = {ZH: "输入有误", EN: "error"}

INPUTS: dict[str, dict[str, Any]] = {entry["id"]: entry for entry in catalogue() if entry["id"] in INPUT_COLUMNS}
CHOICE_VALUES: dict[str, dict[str, str]] = {
    key: {name.lower(): choice["value"] for choice in entry["choices"] for name in (choice["value"], choice["label"])}
    for key, entry in INPUTS.items() if entry["type"] == "choice"
}
"""For each choice column: every choice's value and Chinese label (lower-cased) → the value."""
ANSWERED_BY_UNIT = {"asker": "unit"}

THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?:\D|$))")


class BatchError(Exception):
    """The input cannot be processed at all (no usable header, bad as-of date): a Chinese message."""


@dataclass
class Summary:
    """What a run did: rows assessed, bad rows, and the count of each status label."""

    rows: int = 0
    bad: int = 0
    statuses: Counter[str] = field(default_factory=Counter)


def run(source: TextIO, sink: TextIO, *, as_of: str | None = None, language: str | None = None,
        report: Callable[[str], None] = lambda line: None) -> Summary:
    """Assess every unit row of the CSV `source` on `as_of` (default today) and write a CSV to `sink`.

    A bad row is written with its row number and the error, passed to `report`, and the run goes on; blank
    rows are skipped. Raises BatchError when nothing can be assessed (empty input, no id column, bad `as_of`).
    """
    day = _checked_as_of(as_of)
    rows = csv.reader(source)
    header = next(rows, None)
    if header is None:
        raise BatchError("输入文件是空的：第1行应是表头。")
    sheet = _read_header(header, day, language)
    if sheet.ignored:
        report(f"提示：忽略无法识别的列：{'、'.join(sheet.ignored)}。")
    absent = [_name(key, sheet.header_language) for key in INPUTS if key not in sheet.columns.values()]
    if absent:
        report(f"提示：没有这些列，按未知处理：{'、'.join(absent)}。")
    writer = csv.writer(sink)
    writer.writerow([_name(key, sheet.language, OUTPUT_COLUMNS) for key in OUTPUT_COLUMNS])
    summary = Summary()
    for number, cells in enumerate(rows, start=2):
        if not "".join(cells).strip():
            continue
        record, problems = sheet.assess(number, cells)
        summary.rows += 1
        summary.statuses[record["status"]] += 1
        if problems:
            summary.bad += 1
            unit = record[ID_COLUMN]
            report(f"第{number}行" + (f"（单位编号 {unit}）" if unit else "") + "：" + "；".join(problems))
        writer.writerow(record.values())
    return summary


def _checked_as_of(as_of: str | None) -> date:
    """The as-of date as the calculator reads it (today when None), fixed once for the whole run."""
    try:
        return date.fromisoformat(evaluate({}, as_of, measures=[MEASURE])["as_of"])
    except InputError as bad:
        raise BatchError("判断日期（--as-of）：" + "；".join(error["message"] for error in bad.errors)) from None


def _name(key: str, language: str, names: dict[str, str] = INPUT_COLUMNS) -> str:
    """A column's header (or an input's name in messages) in `language`."""
    return names.get(key, key) if language == ZH else key


@dataclass(frozen=True)
class _Sheet:
    """What the header says about the rows below it, and how to assess one of them."""

    columns: dict[int, str]  # column index → key of INPUT_COLUMNS
    width: int  # number of header cells
    header_language: str  # that of the id column's header
    language: str  # of the output
    ignored: list[str]  # headers not recognised
    as_of: date

    def assess(self, number: int, cells: list[str]) -> tuple[dict[str, Any], list[str]]:
        """The output record (in OUTPUT_COLUMNS order) for the unit on spreadsheet row `number`, and the
        problems that make it a bad row (empty if none)."""
        values = {key: cells[index].strip() for index, key in self.columns.items() if index < len(cells)}
        record: dict[str, Any] = dict.fromkeys(OUTPUT_COLUMNS, "")
        record["row"] = number
        record[ID_COLUMN] = values.get(ID_COLUMN, "")
        record[NAME_COLUMN] = values.get(NAME_COLUMN, "")
        problems = []
        if len(cells) > self.width and "".join(cells[self.width:]).strip():
            problems.append(f"本行有{len(cells)}个单元格，多于表头的{self.width}列")
        if not record[ID_COLUMN]:
            problems.append(f"{_name(ID_COLUMN, self.language)}：不能为空")
        answers = dict(ANSWERED_BY_UNIT)
        for key, text in values.items():
            if text and key in INPUTS:
                answers[key] = _answer(key, text)
        try:
            measure = evaluate(answers, self.as_of, measures=[MEASURE])["measures"][0]
        except InputError as bad:
            problems += [self._problem(error["field"], values.get(error["field"]), error["message"])
                         for error in bad.errors]
        if problems:
            record["status"] = BAD_ROW_STATUS[self.language]
            record["error"] = "；".join(problems)
            return record, problems
        record.update(_cells(measure, self.language))
        return record, []

    def _problem(self, key: str, text: str | None, message: str) -> str:
        return f"{_name(key, self.language)}" + (f"（{text}）" if text else "") + f"：{message}"


def _read_header(header: list[str], as_of: date, language: str | None) -> _Sheet:
    """The sheet the header describes; BatchError when it has no id column or names a column twice."""
    known = {name: key for key, zh in INPUT_COLUMNS.items() for name in (key, zh)}
    columns: dict[int, str] = {}
    ignored: list[str] = []
    header_language = EN
    for index, raw in enumerate(header):
        name = raw.strip()
        key = known.get(name) or known.get(name.lower())
        if key is None:
            if name:
                ignored.append(name)
            continue
        if key in columns.values():
            raise BatchError(f"表头第{index + 1}列“{name}”与前面的列重复（都是{INPUT_COLUMNS[key]}/{key}）。")
        columns[index] = key
        if key == ID_COLUMN:
            header_language = ZH if name == INPUT_COLUMNS[ID_COLUMN] else EN
    if ID_COLUMN not in columns.values():
        accepted = "、".join(f"{zh}（{key}）" for key, zh in INPUT_COLUMNS.items())
        raise BatchError(f"表头缺少“单位编号”（unit_id）列。第1行应是表头，可用的列：{accepted}。")
    return _Sheet(columns, len(header), header_language, language or header_language, ignored, as_of)


def _answer(key: str, text: str) -> Any:
    """A cell's text as the answer `evaluate` expects: a choice's value for its value or Chinese label, an int
    for digits, a Decimal for another number (thousands separators allowed). Other text is passed on as it is,
    so that the calculator's own message says what is wrong with it."""
    if key in CHOICE_VALUES:
        return CHOICE_VALUES[key].get(text.lower(), text)
    if text.isdecimal():
        return int(text)
    try:
        return Decimal(THOUSANDS.sub("", text) if "," in text else text)
    except InvalidOperation:
        return text


def _cells(measure: dict[str, Any], language: str) -> dict[str, str]:
    """The output cells read from the measure's result."""
    amount, figures = measure["amount"], measure["figures"]
    reasons = [condition["text"] for condition in measure["conditions"] if condition["outcome"] == "not_met"]
    if not reasons and measure["missing"]:
        reasons.append(("缺少：" if language == ZH else "missing: ")
                       + "、".join(_name(key, language) for key in measure["missing"]))
    return {
        "status": measure["status_label"] if language == ZH else measure["status"],
        "layoff_rate": _percent(figures["layoff_rate"], 2),
        "refund_rate": _percent(figures["refund_rate"], 0),
        "max_refund": f"{amount['value']:.2f}" if amount else "",
        "no_application": NO_APPLICATION_CELLS[language][figures["no_application"]],
        "reasons": "；".join(reasons),
    }


def _percent(rate: float | None, decimals: int) -> str:
    """A rate (a fraction) as a percentage with at least `decimals` decimals, more where the figure has them (a
    rate shown more precisely beside its limit, e.g. 6.001%); empty when unknown."""
    if rate is None:
        return ""
    fraction_digits = len(repr(rate).partition(".")[2])  # the figure is the shown rate: 0.2333, 0.06001
    return f"{rate:.{max(decimals, fraction_digits - 2)}%}"
