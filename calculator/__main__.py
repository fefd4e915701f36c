"""The command line: `python -m calculator`.

    python -m calculator [answers.json | -] [--as-of YYYY-MM-DD] [--json]   one set of answers → the result
    python -m calculator batch [units.csv | -] [-o out.csv] [--as-of ...]    caseworkers' CSV of units (c01)
    python -m calculator inputs [--json]                                     the input catalogue

Exit status: 0 done; 1 (batch) some rows were bad; 2 the invocation, the file or the answers are unusable.
Messages are Chinese and never a traceback.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn, TextIO

from . import InputError, batch, catalogue, evaluate
from .contacts import NO_OFFICE

STDIO = "-"
OUTCOME_MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}
BOUND_WORDS = {"upper": "不超过", "exact": "", "estimate": "约"}
BOUND_NOTES = {"upper": "（上限）", "exact": "", "estimate": "（估算）"}
TYPE_WORDS = {"bool": "是/否（true/false）", "count": "整数", "money": "金额", "date": "日期（YYYY-MM-DD）",
              "choice": "单选"}
OTHER_FIELDS = {"as_of": "判断日期（--as-of）", "answers": "答案文件", "measures": "措施"}
LABEL_WIDTH = 4  # readable output: field labels padded to four CJK characters
INPUT_LABELS: dict[str, str] = {entry["id"]: entry["label"] for entry in catalogue()}


class UsageError(Exception):
    """The invocation cannot be carried out; the message is Chinese."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse, with Chinese help switches and its usage errors raised as UsageError."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(add_help=False, formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs)
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"命令行参数有误：{message}\n{self.format_usage().rstrip()}")


def main(argv: list[str] | None = None) -> int:
    """Run the command line with `argv` (default sys.argv[1:]); returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    commands = {"batch": run_batch, "inputs": run_inputs}
    command = commands.get(args[0]) if args else None
    try:
        return command(args[1:]) if command else run_evaluate(args)
    except UsageError as bad:
        print(bad, file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output went away (… | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


# ---- python -m calculator [answers.json] ----

def run_evaluate(argv: list[str]) -> int:
    parser = ArgumentParser(
        prog="python -m calculator",
        description="按葫人社发〔2021〕2号判断一组答案可享受的政策，输出结果。",
        epilog="其他命令：\n"
               "  python -m calculator batch --help    经办机构批量比对（CSV，失业保险稳岗返还“免申即享”）\n"
               "  python -m calculator inputs          列出全部问题（答案文件的字段说明）\n\n"
               "退出状态：0 成功；2 参数、文件或答案有误（错误信息写到标准错误）。",
    )
    parser.add_argument("answers", nargs="?",
                        help="答案文件（JSON 对象，键为问题编号）；省略或“-”表示从标准输入读取")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="判断日期：按哪一天判断（默认今天）")
    parser.add_argument("--json", action="store_true", help="输出 JSON，而不是便于阅读的文本")
    args = parser.parse_args(argv)
    answers = _read_answers(_source(parser, args.answers))
    try:
        result = evaluate(answers, args.as_of)
    except InputError as bad:
        print("答案有误：", file=sys.stderr)
        for error in bad.errors:
            print(f"  {_field_name(error['field'])}：{error['message']}", file=sys.stderr)
        return 2
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else render_result(result))
    return 0


def _source(parser: ArgumentParser, path: str | None) -> str:
    """The file to read, STDIO for standard input; a terminal is not read unless asked for with "-"."""
    if path is None and sys.stdin.isatty():
        raise UsageError(f"请给出要读取的文件，或用“-”从标准输入读取。\n{parser.format_usage().rstrip()}")
    return path or STDIO


def _read_answers(path: str) -> Any:
    where = _where(path)
    try:
        data = sys.stdin.buffer.read() if path == STDIO else Path(path).read_bytes()
    except OSError as error:
        raise UsageError(f"无法读取{where}：{_os_problem(error)}。") from None
    try:
        return json.loads(data.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise UsageError(f"{where} 不是 UTF-8 编码的文本。") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{where} 不是有效的 JSON：第{error.lineno}行第{error.colno}列附近有误。") from None


def _field_name(field: str) -> str:
    entry = INPUT_LABELS.get(field)
    return f"{entry}（{field}）" if entry else OTHER_FIELDS.get(field, field)


def render_result(result: dict[str, Any]) -> str:
    """The result as aligned Chinese text: per measure its status, window, amount, conditions, next step, office, notes."""
    lines = [f"自测结果（判断日期：{result['as_of']}）"]
    if not result["measures"]:
        lines += ["", "根据已有的答案，没有可以判断的政策；请补充答案（python -m calculator inputs 列出全部问题）。"]
    for measure in result["measures"]:
        lines += ["", f"■ {measure['title']}（{measure['clause']}）"]
        lines += _field("状态", [measure["status_label"]])
        if measure["window"]:
            lines += _field("期限", [measure["window"]["label"]])
        amount = measure["amount"]
        if amount:
            lines += _field("金额", [_amount(amount)])
            lines += _field("算法", [amount["formula"]])
        lines += _field("条件", [f"{OUTCOME_MARKS[c['outcome']]} {c['text']} [{c['cite']}]"
                                 for c in measure["conditions"]])
        lines += _field("还需回答", [f"{INPUT_LABELS[key]}（{key}）" for key in measure["missing"]])
        lines += _field("下一步", [measure["next_step"]])
        office = measure["office"]
        lines += _field("受理部门", [f"{office['name']} [{office['cite']}]" if office else NO_OFFICE])
        lines += _field("说明", [f"· {note}" for note in measure["notes"]])
    if result["guidance"]:
        lines += ["", "■ 其他可能相关的条款"]
        lines += [f"  · {item['text']} [{item['cite']}]" for item in result["guidance"]]
    lines += ["", "✓ 符合  ✗ 不符合  ? 尚不清楚；[c01-1] 等为通知原文的句子编号（网站 clauses/c01/#c01-1）。"]
    return "\n".join(lines)


def _field(label: str, values: list[str]) -> list[str]:
    """`label：` then the first value, further values aligned under it; nothing when there are no values."""
    head = f"  {label.ljust(LABEL_WIDTH, '　')}："
    indent = " " * _width(head)
    return [(head if index == 0 else indent) + value for index, value in enumerate(values)]


def _amount(amount: dict[str, Any]) -> str:
    value, unit, bound = amount["value"], amount["unit"], amount["bound"]
    number = f"{value:,.2f}" if unit.startswith("元") else f"{value:,}"
    return f"{BOUND_WORDS[bound]} {number} {unit}{BOUND_NOTES[bound]}".lstrip()


def _width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


# ---- python -m calculator inputs ----

def run_inputs(argv: list[str]) -> int:
    parser = ArgumentParser(prog="python -m calculator inputs",
                            description="列出自测的全部问题：编号、问题、类型、范围、可选答案和何时询问。")
    parser.add_argument("--json", action="store_true", help="输出 JSON（与网页表单读取的目录相同）")
    args = parser.parse_args(argv)
    entries = catalogue()
    print(json.dumps(entries, ensure_ascii=False, indent=2) if args.json else render_catalogue(entries))
    return 0


def render_catalogue(entries: list[dict[str, Any]]) -> str:
    """The catalogue as a field reference for writing answer files."""
    by_id = {entry["id"]: entry for entry in entries}
    lines = [f"共{len(entries)}个问题；答案文件是以问题编号为键的 JSON 对象，不知道的可以不填。"]
    for entry in entries:
        lines += ["", f"{entry['id']}  {entry['label']}"]
        lines += _field("类型", [TYPE_WORDS[entry["type"]] + (f"，单位：{entry['unit']}" if entry["unit"] else "")])
        if entry["type"] in ("count", "money", "date") and entry["min"] is not None:
            lines += _field("范围", [f"{entry['min']} 到 {entry['max']}"])
        lines += _field("可选", [f"{choice['value']}：{choice['label']}" for choice in entry.get("choices", [])])
        if entry["ask_if"]:
            lines += _field("何时询问", ["，且 ".join(_condition(by_id[key], values)
                                                for key, values in entry["ask_if"].items())])
        if entry["help"]:
            lines += _field("说明", [entry["help"]])
    return "\n".join(lines)


def _condition(entry: dict[str, Any], values: list[Any]) -> str:
    names = {choice["value"]: choice["label"] for choice in entry.get("choices", [])}
    names.update({True: "是", False: "否"})
    shown = "或".join(f"{json.dumps(value, ensure_ascii=False)}（{names[value]}）" if value in names
                     else json.dumps(value, ensure_ascii=False) for value in values)
    return f"{entry['id']} 为 {shown}"


# ---- python -m calculator batch ----

def run_batch(argv: list[str]) -> int:
    parser = ArgumentParser(
        prog="python -m calculator batch",
        description="经办机构批量比对：按失业保险稳岗返还（第（一）条）逐行判断 CSV 中的参保单位，"
                    "输出状态、裁员率、返还比例、返还上限和是否“免申即享”。逐行读写，文件再大内存也不增长。",
        epilog=batch_columns_help(),
    )
    parser.add_argument("units", nargs="?", help="参保单位 CSV（UTF-8，可带 BOM）；省略或“-”表示标准输入")
    parser.add_argument("-o", "--output", default=STDIO, help="结果 CSV；省略或“-”表示标准输出")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="判断日期：按哪一天判断（默认今天）")
    parser.add_argument("--lang", choices=(batch.ZH, batch.EN),
                        help="结果的表头和代码用中文（zh）或英文（en）；默认与输入的“单位编号”列表头相同")
    parser.add_argument("--excel", action="store_true", help="结果写成带 BOM 的 UTF-8，便于 Excel 直接打开")
    args = parser.parse_args(argv)
    units = _source(parser, args.units)
    if STDIO not in (units, args.output) and Path(units).resolve() == Path(args.output).resolve():
        raise UsageError("结果文件不能与输入文件相同（-o 会覆盖输入）。")
    try:
        with _csv_file(units, "r", "utf-8-sig") as source, \
                _csv_file(args.output, "w", "utf-8-sig" if args.excel else "utf-8") as sink:
            summary = batch.run(source, sink, as_of=args.as_of, language=args.lang,
                                report=lambda line: print(line, file=sys.stderr))
    except batch.BatchError as bad:
        raise UsageError(str(bad)) from None
    except UnicodeDecodeError:
        raise UsageError(f"{_where(units)} 不是 UTF-8 编码的文本；"
                         "在 Excel 中请另存为“CSV UTF-8（逗号分隔）”。") from None
    except csv.Error as bad:
        raise UsageError(f"{_where(units)} 不是有效的 CSV（{bad}）。") from None
    counts = "，".join(f"{label} {count}" for label, count in summary.statuses.most_common())
    print(f"共 {summary.rows} 个单位" + (f"：{counts}" if counts else "") + "。", file=sys.stderr)
    if summary.bad:
        print(f"有 {summary.bad} 行输入有误，已在结果的“错误”列和上方逐行列出。", file=sys.stderr)
    return 1 if summary.bad else 0


def _where(path: str) -> str:
    return "标准输入" if path == STDIO else f"文件 {path}"


def _os_problem(error: OSError) -> str:
    """Why a file could not be opened, in Chinese."""
    reasons = {FileNotFoundError: "路径不存在", IsADirectoryError: "这是一个目录", PermissionError: "没有权限"}
    return reasons.get(type(error), error.strerror or str(error))


@contextmanager
def _csv_file(path: str, mode: str, encoding: str) -> Iterator[TextIO]:
    """A CSV file (STDIO: standard input or output) opened as text with `encoding`, newlines left to csv."""
    if path == STDIO:
        stream = sys.stdin if mode == "r" else sys.stdout
        stream.reconfigure(encoding=encoding, newline="")
        yield stream
        return
    try:
        handle = open(path, mode, encoding=encoding, newline="")
    except OSError as error:
        raise UsageError(f"无法{'读取' if mode == 'r' else '写入'}文件 {path}：{_os_problem(error)}。") from None
    with handle:
        yield handle


OUTPUT_HELP = {
    "row": "在输入文件中的行号（表头为第1行）",
    batch.ID_COLUMN: "原样照录",
    batch.NAME_COLUMN: "原样照录",
    "status": "与自测结果相同（如“符合条件”，申请截止后为“已于…截止”；英文为 eligible、closed 等代码）；"
              f"出错的行为“{batch.BAD_ROW_STATUS[batch.ZH]}”（{batch.BAD_ROW_STATUS[batch.EN]}）",
    "layoff_rate": "上年度裁员率，与判断条件中的写法一致",
    "refund_rate": "返还比例上限，按第（一）条随单位类型和企业规模而定",
    "max_refund": "返还金额上限（不超过，元）",
    "no_application": " / ".join(f"{zh}（{en}）" for zh, en in zip(batch.NO_APPLICATION_CELLS[batch.ZH].values(),
                                                                  batch.NO_APPLICATION_CELLS[batch.EN].values())),
    "reasons": "不符合的条件，或缺少的列",
    "error": "本行输入的问题（出错的行）",
}
"""What each batch output column holds, for `batch --help`."""


def batch_columns_help() -> str:
    """The column reference shown by `batch --help`, read from the batch module and the input catalogue."""
    rows = [("输入列（中文）", "英文表头", "内容")]
    kinds = {batch.ID_COLUMN: "必填，原样写入结果", batch.NAME_COLUMN: "可选，原样写入结果"}
    for key, zh in batch.INPUT_COLUMNS.items():
        entry = batch.INPUTS.get(key)
        if entry is None:
            rows.append((zh, key, kinds[key]))
        elif entry["type"] == "choice":
            rows.append((zh, key, "填值或中文：" + "、".join(f"{c['value']} {c['label']}" for c in entry["choices"])))
        else:
            rows.append((zh, key, f"{TYPE_WORDS[entry['type']]}，{entry['min']}–{entry['max']} {entry['unit']}"))
    out = [("输出列（中文）", "英文表头", "内容")]
    out += [(zh, key, OUTPUT_HELP[key]) for key, zh in batch.OUTPUT_COLUMNS.items()]
    return "\n".join([
        "输入：第1行是表头（中文或英文均可，列的顺序不限，无法识别的列被忽略）；空单元格表示未知。",
        *_table(rows),
        "",
        "输出：表头和代码的语言随输入的“单位编号”列（或 --lang）。",
        *_table(out),
        "",
        "出错的行照样写入结果（“错误”列写明原因），并在标准错误中列出行号；其他行继续处理。",
        "退出状态：0 全部行已处理；1 有行输入有误；2 参数、文件或表头无法使用。",
    ])


def _table(rows: list[tuple[str, str, str]]) -> list[str]:
    widths = [max(_width(row[column]) for row in rows) + 2 for column in range(2)]
    return [("  " + _pad(first, widths[0]) + _pad(second, widths[1]) + third).rstrip() for first, second, third in rows]


if __name__ == "__main__":
    sys.exit(main())
