"""Caseworker batch mode for 失业保险稳岗返还 (clause c01) and its 免申即享 internal data comparison.

A CSV of units comes in, one assessed row per unit goes out, row by row (memory stays flat however long the
file). Each row is judged by `calculator.evaluate(answers, as_of, measures=["c01"])`, the same call as the
self-check; this module only turns cells into answers and the result into cells (the layoff rate, refund rate
and 免申即享 come from the measure's `figures`).

Headers may be Chinese or English (the input ids), in any order; the output's headers and codes follow the
language of the id column's header unless a language is given. Rows are numbered by the file line they start
on (calculator/rows.py, which also reads files in any state): the header is row 1, the first unit row 2.
A bad row, however it is bad, is written with its reason and reported; the rows after it go on.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, BinaryIO, TextIO

from . import InputError, catalogue, evaluate
from .rows import NotCsv, Problem, Row, read_rows
from .validation import CONTROL_CHARACTERS, quoted, shown

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

NUMBER_COLUMNS = ("row", "layoff_rate", "refund_rate", "max_refund")
"""Output columns that hold numbers the tool works out itself (never negative); every other column is text."""

NO_APPLICATION_CELLS = {ZH: {True: "是", False: "否", None: "待核实"}, EN: {True: "yes", False: "no", None: "unknown"}}
BAD_ROW_STATUS = {ZH: "输入有误", EN: "error"}

INPUTS: dict[str, dict[str, Any]] = {entry["id"]: entry for entry in catalogue() if entry["id"] in INPUT_COLUMNS}
CHOICE_VALUES: dict[str, dict[str, str]] = {
    key: {name.lower(): choice["value"] for choice in entry["choices"] for name in (choice["value"], choice["label"])}
    for key, entry in INPUTS.items() if entry["type"] == "choice"
}
"""For each choice column: every choice's value and Chinese label (lower-cased) → the value."""
COUNTS = frozenset(key for key, entry in INPUTS.items() if entry["type"] == "count")
ANSWERED_BY_UNIT = {"asker": "unit"}

NUMBER = re.compile(r"-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]+))?")
"""A number cell: digits, optionally grouped in thousands by commas (1,234,567), optionally with decimals."""
FULL_WIDTH = str.maketrans("０１２３４５６７８９，．－", "0123456789,.-")
"""Full-width digits, comma, point and minus (typed with a Chinese input method) read as their ASCII forms."""
MONEY_DECIMALS = 2
SHORT_DIGITS = 18
"""Digits read straight as an int; a longer number is read as a Decimal (Python reads no int beyond 4300)."""
CELL_LIMIT = 1000
"""Characters an input cell may hold (a unit's id or name is far shorter; Excel holds at most 32,767)."""
SHOWN_LIMIT = 30
"""Characters of an id or a name that cannot be copied (too long, or holding a line break) shown in its row."""
OTHER_SEPARATORS = {";": "分号", "\t": "制表符"}
FORMULA_STARTS = "=+-@＝＋－＠"
"""What a spreadsheet reads as the start of a formula (after any spaces); also a cell starting with tab, CR or LF."""


class BatchError(Exception):
    """The input cannot be processed at all (not a CSV, no usable header, bad as-of date): a Chinese message."""


class _CellError(Exception):
    """A cell cannot be read as its column's kind of value; the message says what it should look like."""


@dataclass
class Summary:
    """What a run did: rows assessed, bad rows, and the count of each status label."""

    rows: int = 0
    bad: int = 0
    statuses: Counter[str] = field(default_factory=Counter)


def run(source: BinaryIO | Iterable[bytes], sink: TextIO, *, as_of: str | None = None, language: str | None = None,
        excel: bool = False, report: Callable[[str], None] = lambda line: None) -> Summary:
    """Assess every unit row of the CSV bytes `source` on `as_of` (default today) and write a CSV to `sink`.

    A bad row is written with its row number and the error, passed to `report`, and the run goes on; blank
    rows are skipped, and a header repeated further down (as when two exports are joined) is read as the header
    of the rows after it. With `excel`, text cells are kept from being read as formulas (`for_excel`). Raises
    BatchError when nothing can be assessed (not a CSV file, no usable header, bad `as_of`).
    """
    day = _checked_as_of(as_of)
    rows = (row for row in read_rows(source) if "".join(row.cells).strip() or row.problem)
    try:
        first = next(rows, None)
        if first is None:
            raise BatchError("输入文件是空的：第1行应是表头。")
        sheet = _read_header(_header_cells(first), day, language)
        if sheet.ignored:
            report(f"提示：忽略无法识别的列：{'、'.join(shown(name) for name in sheet.ignored)}。")
        absent = [_name(key, sheet.header_language) for key in INPUTS if key not in sheet.columns.values()]
        if absent:
            report(f"提示：没有这些列，按未知处理：{'、'.join(absent)}。")
        writer = csv.writer(sink)
        writer.writerow([_name(key, sheet.language, OUTPUT_COLUMNS) for key in OUTPUT_COLUMNS])
        summary = Summary()
        for row in rows:
            if not row.problem and _is_header(row.cells):
                try:
                    sheet = _read_header(row.cells, day, sheet.language)
                except BatchError as bad:
                    record, problems = sheet.bad_row(row, [str(bad)])
                else:
                    report(f"提示：第{row.number}行是又一个表头，此后的行按它读取。")
                    continue
            else:
                record, problems = sheet.assess(row)
            summary.rows += 1
            summary.statuses[record["status"]] += 1
            if problems:
                summary.bad += 1
                unit = record[ID_COLUMN]
                report(f"第{row.number}行" + (f"（单位编号 {shown(unit)}）" if unit.strip() else "") + "："
                       + "；".join(problems))
            writer.writerow(for_excel(record) if excel else record.values())
    except NotCsv as bad:
        raise BatchError(str(bad)) from None
    return summary


def for_excel(record: dict[str, Any]) -> list[Any]:
    """The record's cells as Excel may open them safely: a text cell that a spreadsheet would read as a formula
    (one starting with = + - @ or their full-width forms, also after spaces, or with a tab, CR or LF) gets an
    apostrophe in front, so it stays text; the tool's own number cells stay numbers."""
    return [value if key in NUMBER_COLUMNS else _as_text(value) for key, value in record.items()]


def _as_text(text: str) -> str:
    start = text.lstrip()[:1]
    return "'" + text if text[:1] in ("\t", "\r", "\n") or (start and start in FORMULA_STARTS) else text


def _checked_as_of(as_of: str | None) -> date:
    """The as-of date as the calculator reads it (today when None), fixed once for the whole run."""
    try:
        return date.fromisoformat(evaluate({}, as_of, measures=[MEASURE])["as_of"])
    except InputError as bad:
        raise BatchError("判断日期（--as-of）：" + "；".join(error["message"] for error in bad.errors)) from None


def _header_cells(row: Row) -> list[str]:
    """The cells of the first row, which must be the header; BatchError when that row cannot be read."""
    if row.problem is None:
        return row.cells
    if row.problem.kind == "encoding":
        guess = f"（第{row.number}行看起来是 {row.problem.encoding} 编码。）" if row.problem.encoding else ""
        raise BatchError(f"输入文件不是 UTF-8 编码的文本；在 Excel 中请另存为“CSV UTF-8（逗号分隔）”。{guess}")
    raise BatchError(f"无法读取第{row.number}行的表头：{row.problem.message}。")


def _is_header(cells: list[str]) -> bool:
    """A row with a cell that names the id column (单位编号 or unit_id) is a header, not a unit."""
    names = (ID_COLUMN, INPUT_COLUMNS[ID_COLUMN])
    text = "".join(cells).lower()  # first a quick look: most rows have neither name anywhere
    return any(name in text for name in names) and any(cell.strip().lower() in names for cell in cells)


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

    def assess(self, row: Row) -> tuple[dict[str, Any], list[str]]:
        """The output record (in OUTPUT_COLUMNS order) for the unit in `row`, and the problems that make it a
        bad row (empty if none)."""
        if row.problem:
            return self.bad_row(row, [self._row_problem(row.problem)])
        values = self._values(row.cells)
        if row.end > row.number:  # a quoted cell held a line break: fine in a column the batch ignores
            broken = [key for key, text in values.items() if "\n" in text or "\r" in text]
            if broken:
                names = "、".join(_name(key, self.language) for key in broken)
                return self.bad_row(row, [f"{names}：单元格里有换行（本行从第{row.number}行延续到第{row.end}行），"
                                          "可能是引号没有配对；这几行都没有判断，请核对原文件"])
        problems = []
        answers = dict(ANSWERED_BY_UNIT)
        for key, cell in values.items():
            if len(cell) > CELL_LIMIT:
                problems.append(f"{_name(key, self.language)}：有{len(cell)}个字符，超过了{CELL_LIMIT}个字符")
            elif key in INPUTS and (text := cell.strip()):
                try:
                    answers[key] = _answer(key, text)
                except _CellError as bad:
                    problems.append(self._problem(key, text, str(bad)))
        if len(row.cells) > self.width and "".join(row.cells[self.width:]).strip():
            problems.append(f"本行有{len(row.cells)}个单元格，多于表头的{self.width}列")
        if not values.get(ID_COLUMN, "").strip():
            problems.append(f"{_name(ID_COLUMN, self.language)}：不能为空")
        try:
            measure = evaluate(answers, self.as_of, measures=[MEASURE])["measures"][0]
        except InputError as bad:
            problems += [self._problem(error["field"], values.get(error["field"], "").strip(), error["message"])
                         for error in bad.errors]
        if problems:
            return self.bad_row(row, problems, values)
        record = self._record(row.number, values)
        record.update(_cells(measure, self.language))
        return record, []

    def bad_row(self, row: Row, problems: list[str],
                values: dict[str, str] | None = None) -> tuple[dict[str, Any], list[str]]:
        """The output record of a bad row: its number, its unit's id and name as far as they can be read, the
        error status and the problems."""
        record = self._record(row.number, self._values(row.cells) if values is None else values)
        record["status"] = BAD_ROW_STATUS[self.language]
        record["error"] = "；".join(problems)
        return record, problems

    @staticmethod
    def _record(number: int, values: dict[str, str]) -> dict[str, Any]:
        """A record with the row number and the unit's id and name copied as they are (a cell that cannot be
        copied, too long or with a line break or a NUL, is shown in short), every other cell empty."""
        record: dict[str, Any] = dict.fromkeys(OUTPUT_COLUMNS, "")
        record["row"] = number
        for key in (ID_COLUMN, NAME_COLUMN):
            text = values.get(key, "")
            usable = len(text) <= CELL_LIMIT and "\n" not in text and "\r" not in text and "\0" not in text
            record[key] = text if usable else _shortened(text)
        return record

    def _values(self, cells: list[str]) -> dict[str, str]:
        """The row's cells of the recognised columns, as they are (an id or a name is copied verbatim)."""
        return {key: cells[index] for index, key in self.columns.items() if index < len(cells)}

    def _row_problem(self, problem: Problem) -> str:
        key = self.columns.get(problem.cell) if problem.cell is not None else None
        return (f"{_name(key, self.language)}：" if key else "") + problem.message

    def _problem(self, key: str, text: str, message: str) -> str:
        return f"{_name(key, self.language)}" + (f"（{shown(text)}）" if text else "") + f"：{message}"


def _shortened(text: str) -> str:
    """The start of a cell too long or too broken to copy: its first line, up to SHOWN_LIMIT characters, with
    control characters written out."""
    return (text.splitlines() or [""])[0][:SHOWN_LIMIT].translate(CONTROL_CHARACTERS) + "……"


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
            raise BatchError(f"表头第{index + 1}列{quoted(name)}与前面的列重复（都是{INPUT_COLUMNS[key]}/{key}）。")
        columns[index] = key
        if key == ID_COLUMN:
            header_language = ZH if name == INPUT_COLUMNS[ID_COLUMN] else EN
    if ID_COLUMN not in columns.values():
        accepted = "、".join(f"{zh}（{key}）" for key, zh in INPUT_COLUMNS.items())
        raise BatchError(f"表头缺少“单位编号”（unit_id）列。第1行应是表头，可用的列：{accepted}。"
                         + _other_separator(header, known))
    return _Sheet(columns, len(header), header_language, language or header_language, ignored, as_of)


def _other_separator(header: list[str], known: dict[str, str]) -> str:
    """A hint when the header names known columns separated by something else than commas (a semicolon, as
    Excel writes in some countries, or a tab), else ""."""
    for mark, name in OTHER_SEPARATORS.items():
        if any(part.strip().lower() in known for cell in header if mark in cell for part in cell.split(mark)):
            return f"这一行的列看起来是用{name}分隔的；本工具只读逗号分隔的 CSV，在 Excel 中请另存为“CSV UTF-8（逗号分隔）”。"
    return ""


def _answer(key: str, text: str) -> Any:
    """A cell's text as the answer `evaluate` expects: a choice's value for its value or Chinese label (other
    text is passed on as it is, so that the calculator's message lists the choices), a number for a number.
    _CellError for a number cell that is not plainly a number of its kind."""
    if key in CHOICE_VALUES:
        return CHOICE_VALUES[key].get(text.lower(), text)
    ascii = text.isascii()
    if ascii and text.isdigit() and len(text) <= SHORT_DIGITS:  # the common case, quickly
        return int(text)
    number = NUMBER.fullmatch(text if ascii else text.translate(FULL_WIDTH))
    decimals = number and number.group(1)
    if number is None or (decimals is not None and (key in COUNTS or len(decimals) > MONEY_DECIMALS)):
        raise _CellError(NUMBER_HELP[INPUTS[key]["type"]].format(**INPUTS[key]))
    written = number.group()
    return Decimal(written.replace(",", "") if "," in written else written)


NUMBER_HELP = {
    "count": "请填写{min}到{max}之间的整数（单位：{unit}）：只写数字，可用英文逗号分隔千位（如 1,200），不带小数点或其他符号。",
    "money": "请填写{min}到{max}之间的金额（单位：{unit}）：只写数字，可用英文逗号分隔千位，最多两位小数（如 86,400.50）。",
}
"""What a number cell of each type should look like (filled in from the input's catalogue entry)."""


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
