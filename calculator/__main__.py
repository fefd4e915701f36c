"""The command line: `python -m calculator`.

    python -m calculator [answers.json | -] [--as-of YYYY-MM-DD] [--json]   one set of answers → the result
    python -m calculator batch [units.csv | -] [-o out.csv] [--as-of ...]    caseworkers' CSV of units (c01)
    python -m calculator inputs [--json]                                     the input catalogue

Exit status: 0 done; 1 (batch) some rows were bad; 2 the invocation, the file or the answers are unusable, or
the results could not be written; 130 interrupted. Messages are Chinese and never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from decimal import Decimal
from typing import Any, NoReturn

from . import InputError, batch, catalogue, evaluate
from .contacts import NO_OFFICE
from .files import STDIO, FileProblem, opened_input, reason, result_file, where
from .rows import ROW_LIMIT
from .validation import shown
from .wording import AMOUNT_BOUNDS

ANSWERS_LIMIT = 1_000_000
"""Bytes an answers file may hold (one holds a few hundred): more is not an answers file."""
LONGEST_INT = 100
"""Digits of a JSON integer read as an int; a longer one is read as a Decimal (no answer needs it, and Python
refuses to read an int of more than 4300 digits)."""
NESTING_LIMIT = 800
"""Levels of arrays and objects an answers file may nest (one has two), checked before parsing: how deep Python's
own parser goes differs between versions (3.11 stops near 1000 levels, 3.12 and later go much deeper)."""
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
OUTCOME_MARKS = {"met": "✓", "not_met": "✗", "unknown": "?"}
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
    except (UsageError, FileProblem) as bad:
        print(bad, file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader of our output went away (… | head): stop quietly
        _discard_stdout()
        return 1
    except OSError as error:  # standard output cannot be written (a full disk: > /dev/full)
        _discard_stdout()
        print(f"无法写出结果：{reason(error)}。", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


def _discard_stdout() -> None:
    """Send what is left of standard output's buffer nowhere, so that exiting does not try to write it again."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _print_out(text: str) -> None:
    """Write `text` to standard output now, so that a failure to write is reported while we can still say so."""
    print(text)
    sys.stdout.flush()


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
    _print_out(json.dumps(result, ensure_ascii=False, indent=2) if args.json else render_result(result))
    return 0


def _source(parser: ArgumentParser, path: str | None) -> str:
    """The file to read, STDIO for standard input; a terminal is not read unless asked for with "-"."""
    if path is None and sys.stdin.isatty():
        raise UsageError(f"请给出要读取的文件，或用“-”从标准输入读取。\n{parser.format_usage().rstrip()}")
    return path or STDIO


class _NotAnswers(Exception):
    """Valid JSON that is not a usable answers file; the message says why."""


def _read_answers(path: str) -> Any:
    """The JSON value of the answers file (or standard input), numbers with decimals as Decimals; UsageError
    for what is not one JSON value in UTF-8 of at most ANSWERS_LIMIT bytes, with no key given twice."""
    try:
        with opened_input(path) as handle:
            data = handle.read(ANSWERS_LIMIT + 1)
    except OSError as error:
        raise UsageError(f"无法读取{where(path)}：{reason(error)}。") from None
    if len(data) > ANSWERS_LIMIT:
        raise UsageError(f"{where(path)} 超过 {ANSWERS_LIMIT // 1_000_000} MB，不是答案文件"
                         "（答案文件是以问题编号为键的 JSON 对象，只有几百字节）。")
    try:
        text = data.decode("utf-8-sig")
        if _nested_deeper_than(text, NESTING_LIMIT):
            raise RecursionError  # answered as when the parser itself runs out of depth
        return json.loads(text, parse_float=Decimal, parse_int=_json_int,
                          parse_constant=_no_constant, object_pairs_hook=_no_repeated_keys)
    except UnicodeDecodeError:
        raise UsageError(f"{where(path)} 不是 UTF-8 编码的文本。") from None
    except json.JSONDecodeError as error:
        raise UsageError(f"{where(path)} 不是有效的 JSON：第{error.lineno}行第{error.colno}列附近有误。") from None
    except RecursionError:
        raise UsageError(f"{where(path)} 不是答案文件：JSON 的嵌套太深。") from None
    except _NotAnswers as bad:
        raise UsageError(f"{where(path)} 不是有效的答案文件：{bad}") from None


def _nested_deeper_than(text: str, limit: int) -> bool:
    """Whether arrays and objects in `text` (brackets outside strings) nest deeper than `limit`."""
    depth = 0
    for token in _STRING_OR_BRACKET.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                return True
        elif bracket in "]}":
            depth -= 1
    return False


def _json_int(text: str) -> int | Decimal:
    return int(text) if len(text) <= LONGEST_INT else Decimal(text)


def _no_constant(name: str) -> NoReturn:
    raise _NotAnswers(f"{name} 不是 JSON 中的数。")


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; _NotAnswers when a key is given twice (which answer would count?)."""
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _NotAnswers(f"“{shown(key)}”出现了不止一次，不知道以哪一个为准。")
        seen.add(key)
    return dict(pairs)


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
    word, tag = AMOUNT_BOUNDS[bound]
    return f"{word} {number} {unit}{f'（{tag}）' if tag else ''}".lstrip()


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
    _print_out(json.dumps(entries, ensure_ascii=False, indent=2) if args.json else render_catalogue(entries))
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
    parser.add_argument("-o", "--output", default=STDIO,
                        help="结果 CSV，完成后才写出（见下文“结果文件”）；省略或“-”表示标准输出")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD", help="判断日期：按哪一天判断（默认今天）")
    parser.add_argument("--lang", choices=(batch.ZH, batch.EN),
                        help="结果的表头和代码用中文（zh）或英文（en）；默认与输入的“单位编号”列表头相同")
    parser.add_argument("--excel", action="store_true",
                        help="结果写成带 BOM 的 UTF-8，并防止单元格被 Excel 当作公式（见下文），便于 Excel 直接打开")
    args = parser.parse_args(argv)
    units = _source(parser, args.units)
    encoding = "utf-8-sig" if args.excel else "utf-8"
    with opened_input(units) as source:
        try:
            with result_file(args.output, encoding, source) as sink:
                summary = batch.run(source, sink, as_of=args.as_of, language=args.lang, excel=args.excel,
                                    report=lambda line: print(line, file=sys.stderr))
        except batch.BatchError as bad:
            raise UsageError(str(bad)) from None
        except KeyboardInterrupt:
            if args.output == STDIO:
                raise
            print(f"已中断，没有写出结果（{where(args.output)} 保持原样）。", file=sys.stderr)
            return 130
        except BrokenPipeError:
            raise
        except OSError as error:
            if args.output == STDIO:
                raise
            raise FileProblem(f"读写文件时出错：{reason(error)}；没有写出结果（{where(args.output)} 保持原样）。") from None
    counts = "，".join(f"{label} {count}" for label, count in summary.statuses.most_common())
    print(f"共 {summary.rows} 个单位" + (f"：{counts}" if counts else "") + "。", file=sys.stderr)
    if summary.bad:
        print(f"有 {summary.bad} 行输入有误，已在结果的“错误”列和上方逐行列出。", file=sys.stderr)
    return 1 if summary.bad else 0


OUTPUT_HELP = {
    "row": "该单位在输入文件中开始的行号（表头为第1行）",
    batch.ID_COLUMN: "原样照录",
    batch.NAME_COLUMN: "原样照录",
    "status": "与自测结果相同（如“符合条件”，申请截止后为“已于…截止”；英文为 eligible、closed 等代码）；"
              f"出错的行为“{batch.BAD_ROW_STATUS[batch.ZH]}”（{batch.BAD_ROW_STATUS[batch.EN]}）",
    "layoff_rate": "上年度裁员率，与判断条件中的写法一致",
    "refund_rate": "返还比例上限，按第（一）条随单位类型和企业规模而定",
    "max_refund": "返还金额上限（不超过，元）",
    "no_application": " / ".join(f"{zh}（{en}）" for zh, en in zip(batch.NO_APPLICATION_CELLS[batch.ZH].values(),
                                                                  batch.NO_APPLICATION_CELLS[batch.EN].values(),
                                                                  strict=True)),
    "reasons": "不符合的条件，或缺少的列",
    "error": "本行输入的问题（出错的行）",
}
"""What each batch output column holds, for `batch --help`."""

BATCH_RULES = {
    "文件": "UTF-8 编码（可带 BOM），行尾 CRLF、LF、CR 均可，空行跳过。中途再出现一行表头（有一格是“单位编号”或 "
            "unit_id，如两份导出拼在一起时），其后的行按这一行表头读取。",
    "数字": "只写数字，可用英文逗号分隔千位（如 1,200），全角数字也可以；人数不能带小数点，金额最多两位小数。"
            "1.000、1e3、1_000、1 000 这类写法有歧义，算作输入有误。",
    "编号和名称": "单位编号、单位名称原样写入结果，前后的空格也保留。",
    "出错的行": "照样写入结果（状态为“输入有误”，“错误”列写明原因），并在标准错误中列出行号；其他行照常处理。"
                f"这一行不是 UTF-8 编码（如 GBK）、含空字符（NUL）、超过 {ROW_LIMIT // 1024} KB，输入列的单元格"
                f"超过 {batch.CELL_LIMIT} 个字符，也都只算这一行出错。单元格开头的引号一直没有配对（到文件末尾，或超过 "
                f"{ROW_LIMIT // 1024} KB）时，这一行出错，其后的行另行读取；引号到后面某一行才配对、使输入列的单元格"
                "含有换行时，这一行出错，所跨的几行都不判断。",
    "行号": "该单位在输入文件中开始的那一行（表头为第1行）；单元格里没有换行时，与 Excel 的行号相同。",
    "结果文件": "先写到同一目录下的临时文件，全部处理完才改名为 -o 指定的文件：中途出错或按 Ctrl+C 都不会留下结果文件，"
                "原有的同名文件保持不变。-o 指向输入文件本身（包括通过另一个路径或链接）时拒绝执行，输入文件不会被改动。"
                "写到标准输出时无法这样保护，请以退出状态为准。",
    "--excel": "结果是带 BOM 的 UTF-8。以 = + - @（或全角的 ＝＋－＠，前面有空格也算）开头、或以制表符、回车、换行开头的"
               "文字单元格，开头加一个英文单引号 '，Excel 就把整格当作文字，不会当作公式执行。"
               "行号、裁员率、返还比例、返还上限是本工具算出的数，不加单引号。",
    "不加 --excel": "每个单元格原样写出，不作任何处理，供其他程序读取；其中可能有会被 Excel 当作公式的单元格，"
                    "请不要直接用 Excel 打开（要用 Excel 打开，请加 --excel）。",
}
"""The rules of the batch mode, in `batch --help` and, word for word, in README.md (a test checks)."""


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
        *(f"{topic}：{text}" for topic, text in BATCH_RULES.items()),
        "",
        "退出状态：0 全部行已处理；1 有行输入有误；2 参数、文件或表头无法使用。结果无法写出时也是 2，按 Ctrl+C 中断为 130。",
    ])


def _table(rows: list[tuple[str, str, str]]) -> list[str]:
    widths = [max(_width(row[column]) for row in rows) + 2 for column in range(2)]
    return [("  " + _pad(first, widths[0]) + _pad(second, widths[1]) + third).rstrip() for first, second, third in rows]


if __name__ == "__main__":
    sys.exit(main())
