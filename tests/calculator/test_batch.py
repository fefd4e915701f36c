"""`python -m calculator batch`: the caseworkers' CSV of units for 失业保险稳岗返还 and 免申即享.

Headers in both languages, a BOM, bad rows among good ones, unknown cells, the boundaries of the notice's
figures, streaming, and agreement with `calculator.evaluate` row by row. A few tests run a real process.
"""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import stat
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculator
from calculator import batch
from calculator.__main__ import BATCH_RULES, main

ROOT = Path(__file__).resolve().parents[2]
WINDOW_OPEN = "2021-09-01"
ZH_HEADER = "单位编号,单位名称,单位类型,企业规模,上年度参保职工人数,上年度裁员人数,2020年末参保人数,上年度实际缴纳失业保险费"
EN_HEADER = ("unit_id,unit_name,unit_type,enterprise_size,insured_staff_last_year,layoffs_last_year,"
             "insured_at_end_of_2020,uic_paid_last_year")
INPUT_KEYS = EN_HEADER.split(",")


def run_batch(text: str, language: str | None = None,
              as_of: str | None = WINDOW_OPEN) -> tuple[int, list[dict[str, str]], str]:
    """batch.run on the CSV `text`: the number of bad rows (-1 when the run is refused), the output rows as
    dicts, and the messages (or the refusal)."""
    sink = io.StringIO()
    messages: list[str] = []
    try:
        summary = batch.run(io.BytesIO(text.encode("utf-8")), sink, as_of=as_of, language=language,
                            report=messages.append)
    except batch.BatchError as bad:
        return -1, [], str(bad)
    return summary.bad, list(csv.DictReader(io.StringIO(sink.getvalue()))), "\n".join(messages)


def zh_rows(*lines: str) -> list[dict[str, str]]:
    _, rows, _ = run_batch("\n".join([ZH_HEADER, *lines]) + "\n")
    return rows


def one(line: str) -> dict[str, str]:
    [row] = zh_rows(line)
    return row


def run_process(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "calculator", "batch", *args], cwd=ROOT, input=stdin,
                          capture_output=True, check=False, timeout=60)


# ---- columns and languages ----

def test_input_columns_are_catalogue_inputs_of_types_the_batch_reads() -> None:
    entries = {entry["id"]: entry for entry in calculator.catalogue()}
    inputs = [key for key in batch.INPUT_COLUMNS if key not in (batch.ID_COLUMN, batch.NAME_COLUMN)]
    assert inputs == ["unit_type", "enterprise_size", "insured_staff_last_year", "layoffs_last_year",
                      "insured_at_end_of_2020", "uic_paid_last_year"]
    assert {entries[key]["type"] for key in inputs} == {"choice", "count", "money"}
    assert list(batch.INPUTS) == inputs


def test_chinese_headers_give_chinese_output() -> None:
    bad, rows, _ = run_batch(f"{ZH_HEADER}\nU1,甲公司,企业,中小微企业,100,6,150,20000\n")
    assert bad == 0
    assert list(rows[0]) == list(batch.OUTPUT_COLUMNS.values())
    assert rows == [{"行号": "2", "单位编号": "U1", "单位名称": "甲公司", "状态": "符合条件", "裁员率": "6.00%",
                     "返还比例": "60%", "返还上限（不超过，元）": "12000.00", "免申即享": "是", "原因": "", "错误": ""}]


def test_english_headers_give_english_output_with_codes() -> None:
    bad, rows, _ = run_batch(f"{EN_HEADER}\nU1,ACME,enterprise,large,100,7,150,20000\n")
    assert bad == 0
    assert list(rows[0]) == list(batch.OUTPUT_COLUMNS)
    row = rows[0]
    assert (row["status"], row["layoff_rate"], row["refund_rate"], row["max_refund"], row["no_application"]) == (
        "not_eligible", "7.00%", "", "", "no")


def test_lang_flag_overrides_the_header_language() -> None:
    _, rows, _ = run_batch(f"{EN_HEADER}\nU1,,enterprise,large,100,0,150,20000\n", language="zh")
    assert rows[0]["状态"] == "符合条件"
    assert rows[0]["返还比例"] == "30%"
    assert rows[0]["返还上限（不超过，元）"] == "6000.00"


def test_headers_in_any_order_with_spaces_and_unknown_columns_noted() -> None:
    bad, rows, messages = run_batch(" 上年度裁员人数 ,备注,单位编号,上年度参保职工人数\n0,x,U9,10\n")
    assert bad == 0
    assert rows[0]["单位编号"] == "U9"
    assert rows[0]["状态"] == "需要更多信息"
    assert "忽略无法识别的列：备注" in messages
    assert "没有这些列，按未知处理：单位类型、企业规模、2020年末参保人数、上年度实际缴纳失业保险费" in messages


def test_choice_cells_accept_the_value_or_the_chinese_label() -> None:
    by_label = one("U1,,以单位形式参保的个体经济组织,,12,2,12,1000")
    by_value = one("U1,,individual_economic_org,,12,2,12,1000")
    assert by_label == by_value
    assert by_label["状态"] == "符合条件"


def test_numbers_may_carry_thousands_separators_and_decimals() -> None:
    row = one('U1,,企业,大型企业,"1,000",10,"1,000","1,234,567.89"')
    assert row["返还上限（不超过，元）"] == "370370.36"  # 30% of 1,234,567.89, rounded down to the cent


# ---- statuses, boundaries and unknowns ----

@pytest.mark.parametrize(("line", "status", "layoff_rate", "refund_rate", "no_application"), [
    ("U1,,企业,中小微企业,100,6,150,1000", "符合条件", "6.00%", "60%", "是"),        # 6%: not above the limit
    ("U2,,企业,中小微企业,100,7,150,1000", "不符合条件", "7.00%", "", "否"),
    ("U3,,社会团体,,30,6,30,1000", "符合条件", "20.00%", "60%", "是"),               # 30 staff: the 20% limit
    ("U4,,社会团体,,30,7,30,1000", "不符合条件", "23.33%", "", "否"),               # 7/30 = 23.333…%
    ("U5,,社会团体,,31,2,31,1000", "不符合条件", "6.45%", "", "否"),                 # 31 staff: back to 6%
    ("U6,,社会团体,,31,1,31,1000", "符合条件", "3.23%", "60%", "是"),                # 1/31 = 3.2258…%
    ("U10,,基金会,,100001,6001,10,1000", "不符合条件", "6.001%", "", "否"),          # 6.0009…%: not “6.00%”
    ("U7,,基金会,,300,0,200,1000", "符合条件", "0.00%", "60%", "是"),                # 200 insured: 免申即享
    ("U8,,基金会,,300,0,201,1000", "符合条件", "0.00%", "60%", "否"),                # 201: must apply
    ("U9,,其他（以上都不是）,,10,0,10,1000", "不符合条件", "0.00%", "", "否"),
])
def test_boundary_rows(line: str, status: str, layoff_rate: str, refund_rate: str, no_application: str) -> None:
    row = one(line)
    assert (row["状态"], row["裁员率"], row["返还比例"], row["免申即享"], row["错误"]) == (
        status, layoff_rate, refund_rate, no_application, "")
    assert (row["返还上限（不超过，元）"] == "600.00") == (refund_rate == "60%")
    assert bool(row["原因"]) == (status == "不符合条件")


def test_unknown_cells_give_need_info_and_name_the_missing_columns() -> None:
    need_info, size_unknown, headcount_unknown, paid_unknown = zh_rows(
        "U1,,企业,中小微企业,,,150,1000",
        "U2,,企业,,100,0,150,1000",
        "U3,,律师事务所,,100,0,,1000",
        "U4,,企业,大型企业,100,0,150,",
    )
    assert (need_info["状态"], need_info["裁员率"], need_info["免申即享"]) == ("需要更多信息", "", "待核实")
    assert need_info["原因"] == "缺少：上年度参保职工人数、上年度裁员人数"
    assert (size_unknown["状态"], size_unknown["返还比例"], size_unknown["返还上限（不超过，元）"]) == ("符合条件", "", "")
    assert size_unknown["原因"] == "缺少：企业规模"
    assert (paid_unknown["返还比例"], paid_unknown["返还上限（不超过，元）"]) == ("30%", "")
    assert paid_unknown["原因"] == "缺少：上年度实际缴纳失业保险费"
    assert (headcount_unknown["状态"], headcount_unknown["免申即享"]) == ("符合条件", "待核实")
    assert headcount_unknown["原因"] == "缺少：2020年末参保人数"


def test_english_output_names_missing_inputs_by_id() -> None:
    _, rows, _ = run_batch(f"{EN_HEADER}\nU1,,enterprise,sme,,,150,1000\n")
    assert (rows[0]["status"], rows[0]["no_application"]) == ("need_info", "unknown")
    assert rows[0]["reasons"] == "missing: insured_staff_last_year、layoffs_last_year"


def test_after_the_deadline_the_status_says_closed_and_the_comparison_still_shows() -> None:
    _, rows, _ = run_batch(f"{ZH_HEADER}\nU1,,企业,中小微企业,100,6,150,1000\n", as_of="2026-11-27")
    assert (rows[0]["状态"], rows[0]["免申即享"], rows[0]["返还上限（不超过，元）"]) == (
        "已于2021年12月31日截止", "是", "600.00")


# ---- bad rows ----

def test_a_bad_row_in_the_middle_is_reported_and_the_others_go_on() -> None:
    text = "\n".join([ZH_HEADER,
                      "U1,,企业,中小微企业,100,6,150,1000",
                      "U2,,公司,中小微企业,100,-3,150,1000",
                      "U3,,企业,中小微企业,10,11,150,1000",
                      ",无编号,企业,中小微企业,100,0,150,1000",
                      "U5,,企业,中小微企业,100,0,150,1000,多余",
                      "U6,,企业,大型企业,100,0,150,1000"]) + "\n"
    bad, rows, messages = run_batch(text)
    assert bad == 4
    assert [row["行号"] for row in rows] == ["2", "3", "4", "5", "6", "7"]
    assert [row["状态"] for row in rows] == ["符合条件", "输入有误", "输入有误", "输入有误", "输入有误", "符合条件"]
    bad = rows[1]["错误"]
    assert "单位类型（公司）：“公司”不是可选的答案" in bad
    assert "上年度裁员人数（-3）：请填写0到10000000之间的整数（单位：人）。" in bad
    assert "上年度裁员人数（11）：上年度裁员人数（11人）不能多于上年度参保职工人数（10人）。" in rows[2]["错误"]
    assert rows[3]["错误"] == "单位编号：不能为空"
    assert rows[4]["错误"] == "本行有9个单元格，多于表头的8列"
    assert rows[5]["返还比例"] == "30%"
    lines = messages.splitlines()
    assert lines[0].startswith("第3行（单位编号 U2）：单位类型（公司）：")
    assert lines[1].startswith("第4行（单位编号 U3）：")
    assert lines[2] == "第5行：单位编号：不能为空"
    assert lines[3] == "第6行（单位编号 U5）：本行有9个单元格，多于表头的8列"


def test_blank_rows_are_skipped_and_short_rows_are_unknown_cells() -> None:
    rows = zh_rows(",,,,,,,", "", "U2,,企业")
    assert [(row["行号"], row["状态"]) for row in rows] == [("4", "需要更多信息")]


@pytest.mark.parametrize(("text", "message"), [
    ("", "输入文件是空的"),
    ("单位名称,单位类型\n甲,企业\n", "表头缺少“单位编号”（unit_id）列"),
    ("单位编号,unit_id\nU1,U1\n", "表头第2列“unit_id”与前面的列重复（都是单位编号/unit_id）"),
    ("单位编号;单位名称\nU1;甲\n", "这一行的列看起来是用分号分隔的；本工具只读逗号分隔的 CSV"),
    ("unit_id\tunit_type\nU1\tenterprise\n", "这一行的列看起来是用制表符分隔的"),
])
def test_an_unusable_header_stops_the_run(text: str, message: str) -> None:
    bad, _, error = run_batch(text)
    assert bad == -1
    assert message in error


def test_a_bad_as_of_date_stops_the_run() -> None:
    bad, _, error = run_batch(f"{ZH_HEADER}\n", as_of="2021-13-01")
    assert bad == -1
    assert error.startswith("判断日期（--as-of）：")


# ---- the command as a real process: files, BOM, stdin/stdout, exit status ----

def test_bom_file_to_excel_file_with_a_bad_row_exits_1(tmp_path: Path) -> None:
    units, out = tmp_path / "units.csv", tmp_path / "out.csv"
    units.write_bytes(("\ufeff" + "\r\n".join([ZH_HEADER, "U1,甲,企业,中小微企业,100,6,150,1000",
                                               "U2,乙,企业,中小微企业,abc,0,150,1000",
                                               "U3,丙,基金会,,50,1,50,2000"]) + "\r\n").encode("utf-8"))
    process = run_process(str(units), "-o", str(out), "--as-of", WINDOW_OPEN, "--excel")
    err = process.stderr.decode("utf-8")
    assert process.returncode == 1
    assert process.stdout == b""
    assert "第3行（单位编号 U2）：上年度参保职工人数（abc）：请填写0到10000000之间的整数（单位：人）：只写数字" in err
    assert "共 3 个单位：符合条件 2，输入有误 1。" in err
    assert "Traceback" not in err
    data = out.read_bytes()
    assert data.startswith("\ufeff行号,单位编号".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert [(row["单位编号"], row["状态"]) for row in rows] == [("U1", "符合条件"), ("U2", "输入有误"),
                                                                 ("U3", "符合条件")]


def test_stdin_to_stdout_exits_0_without_a_bom() -> None:
    process = run_process("--as-of", WINDOW_OPEN,
                          stdin=f"{EN_HEADER}\nU1,,enterprise,sme,100,0,150,1000\n".encode("utf-8"))
    assert process.returncode == 0, process.stderr.decode()
    assert process.stdout.decode("utf-8") == (
        "row,unit_id,unit_name,status,layoff_rate,refund_rate,max_refund,no_application,reasons,error\r\n"
        "2,U1,,eligible,0.00%,60%,600.00,yes,,\r\n")


def test_unusable_invocations_exit_2(tmp_path: Path) -> None:
    missing = run_process(str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 2
    assert f"无法读取文件 {tmp_path / 'nowhere.csv'}：路径不存在。" in missing.stderr.decode()
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(f"{ZH_HEADER}\nU1,,企业,,1,0,1,1\n".encode("gbk"))
    not_utf8 = run_process(str(gbk))
    assert not_utf8.returncode == 2
    assert "不是 UTF-8 编码的文本；在 Excel 中请另存为“CSV UTF-8（逗号分隔）”。" in not_utf8.stderr.decode()
    assert "Traceback" not in not_utf8.stderr.decode()
    same = run_process(str(gbk), "-o", str(tmp_path / "." / "gbk.csv"))
    assert same.returncode == 2
    assert "结果文件不能与输入文件相同" in same.stderr.decode()
    assert gbk.read_bytes().startswith("单位编号".encode("gbk"))


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_bytes(b"".join(unit_lines(5000)))
    child = subprocess.Popen([sys.executable, "-m", "calculator", "batch", str(path), "--as-of", WINDOW_OPEN],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout.readline().startswith(b"row,unit_id")
    child.stdout.close()  # like `| head -1`
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1
    assert "Traceback" not in err and "Exception" not in err, err


def test_main_in_process_reads_stdin_and_writes_stdout(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = f"{ZH_HEADER}\nU1,,企业,中小微企业,100,6,150,1000\nU2,,企业,,x,0,1,1\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["batch", "-", "--as-of", WINDOW_OPEN]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1].startswith("2,U1,,符合条件,6.00%,60%,600.00,是")
    assert "第3行（单位编号 U2）" in captured.err
    assert main(["batch", "-", "--as-of", "2021-02-30"]) == 2
    assert "判断日期（--as-of）：没有这一天：2021-02-30。" in capsys.readouterr().err


def test_batch_help_documents_every_column_and_choice(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["batch", "--help"])
    out = capsys.readouterr().out
    for key, zh in [*batch.INPUT_COLUMNS.items(), *batch.OUTPUT_COLUMNS.items()]:
        assert any(line.split()[:2] == [zh, key] for line in out.splitlines()), key
    for entry in batch.INPUTS.values():
        for choice in entry.get("choices", []):
            assert f"{choice['value']} {choice['label']}" in out
    assert "退出状态：0 全部行已处理；1 有行输入有误；2 参数、文件或表头无法使用。" in out


# ---- streaming ----

class Sink:
    """A text sink that keeps only how many lines were written."""

    def __init__(self) -> None:
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return len(text)


def unit_lines(count: int, sink: Sink | None = None) -> Iterator[bytes]:
    """A header and `count` unit rows; with `sink`, each row is only handed out once the previous one's result
    has been written."""
    yield EN_HEADER.encode() + b"\n"
    for number in range(count):
        if sink is not None:
            assert sink.lines == number + 1, "the batch waited for more input before writing a result"
        yield f"U{number},,enterprise,sme,{100 + number % 50},{number % 9},150,{1000 + number}\n".encode()


def test_each_row_is_written_before_the_next_is_read() -> None:
    sink = Sink()
    summary = batch.run(unit_lines(200, sink), sink, as_of=WINDOW_OPEN)
    assert (summary.rows, summary.bad, sink.lines) == (200, 0, 201)


def test_memory_stays_flat_as_rows_grow() -> None:
    def peak(count: int) -> int:
        tracemalloc.start()
        try:
            batch.run(unit_lines(count), Sink(), as_of=WINDOW_OPEN)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(10)  # warm up caches and lazy imports
    small, large = peak(100), peak(1500)
    assert large < small + 64 * 1024, (small, large)


# ---- agreement with evaluate ----

CELLS = {
    "unit_type": st.sampled_from(["", "企业", "enterprise", "社会团体", "律师事务所", "其他（以上都不是）"]),
    "enterprise_size": st.sampled_from(["", "大型企业", "sme"]),
    "insured_staff_last_year": st.one_of(st.just(""), st.integers(0, 400).map(str)),
    "layoffs_last_year": st.one_of(st.just(""), st.integers(0, 60).map(str)),
    "insured_at_end_of_2020": st.one_of(st.just(""), st.integers(150, 250).map(str)),
    "uic_paid_last_year": st.one_of(st.just(""), st.decimals(0, 10**6, places=2).map(str)),
}


@settings(max_examples=150, deadline=None)
@given(st.fixed_dictionaries(CELLS))
def test_each_output_row_agrees_with_evaluate(cells: dict[str, str]) -> None:
    line = ",".join(["U1", "", *(cells[key] for key in INPUT_KEYS[2:])])
    row = one(line)
    answers: dict[str, Any] = {"asker": "unit"}
    for key, text in cells.items():
        if text:
            answers[key] = batch.CHOICE_VALUES[key][text.lower()] if key in batch.CHOICE_VALUES else Decimal(text)
    try:
        measure = calculator.evaluate(answers, WINDOW_OPEN, measures=["c01"])["measures"][0]
    except calculator.InputError:
        assert row["状态"] == "输入有误"
        return
    assert row["状态"] == measure["status_label"]
    amount = measure["amount"]
    assert row["返还上限（不超过，元）"] == (f"{amount['value']:.2f}" if amount else "")
    unit_type, size = answers.get("unit_type"), answers.get("enterprise_size")
    if measure["status"] == "not_eligible" or unit_type in (None, "other") or (unit_type, size) == ("enterprise", None):
        assert row["返还比例"] == "" and not amount
    else:
        assert row["返还比例"] == ("30%" if (unit_type, size) == ("enterprise", "large") else "60%")
    if amount:
        assert Decimal(str(amount["value"])) <= Decimal(cells["uic_paid_last_year"]) * Decimal(row["返还比例"][:-1]) / 100
    layoffs, staff = answers.get("layoffs_last_year"), answers.get("insured_staff_last_year")
    if layoffs == 0:
        assert row["裁员率"] == "0.00%"
    elif layoffs is not None and staff is not None:
        assert abs(Decimal(row["裁员率"][:-1]) - layoffs * 100 / staff) < Decimal("0.01")
    else:
        assert row["裁员率"] == ""
    insured = answers.get("insured_at_end_of_2020")
    if measure["status"] == "not_eligible" or (insured is not None and insured > 200):
        assert row["免申即享"] == "否"
    elif measure["status"] == "eligible" and insured is not None:
        assert row["免申即享"] == "是"
    else:
        assert row["免申即享"] == "待核实"


def test_the_benchmark_runs_on_a_few_rows() -> None:
    """bench/batch.py is not timed here; this only keeps it working."""
    process = subprocess.run([sys.executable, "bench/batch.py", "--rows", "300"], cwd=ROOT, capture_output=True,
                             text=True, check=False, timeout=120)
    assert process.returncode == 0, process.stderr
    lines = process.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    assert "batch/parse" in lines[1] and "peak RSS MiB" in lines[1]
    assert [line.split()[0] for line in lines[2:]] == ["3", "30", "300"]


# ---- hostile files: nothing lost, nothing planted ----

def unit_line(number: int, name: str | None = None) -> str:
    return f"U{number},{name or f'单位{number}'},企业,中小微企业,100,6,150,1000"


def good_lines(first: int, last: int) -> list[str]:
    return [unit_line(number) for number in range(first, last + 1)]


def run_file(tmp_path: Path, data: bytes,
             *args: str) -> tuple[subprocess.CompletedProcess[bytes], list[dict[str, str]]]:
    """`batch units.csv -o out.csv` as a real process; the input must be byte-identical afterwards."""
    units, out = tmp_path / "units.csv", tmp_path / "out.csv"
    units.write_bytes(data)
    process = run_process(str(units), "-o", str(out), "--as-of", WINDOW_OPEN, *args)
    assert units.read_bytes() == data, "the input was changed"
    assert "Traceback" not in process.stderr.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))) if out.exists() else []
    return process, rows


FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "=1+1", "\t=1+1", "  =1+1",
            "\u3000@x", "＝1+1", "－1", "-5", "+5"]
LIVE = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def is_live(cell: str) -> bool:
    """Whether a spreadsheet could read the cell as a formula."""
    return cell.startswith(("\t", "\r", "\n")) or cell.lstrip().startswith(LIVE)


def test_excel_output_has_no_cell_a_spreadsheet_reads_as_a_formula(tmp_path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ZH_HEADER.split(","))
    for number, text in enumerate(FORMULAS):
        writer.writerow([text if number % 2 else f"U{number}", text, "企业", "中小微企业", "100", "6", "150", "1000"])
    data = buffer.getvalue().encode("utf-8")
    process, rows = run_file(tmp_path, data, "--excel")
    assert process.returncode == 0, process.stderr.decode()
    assert not [cell for row in rows for cell in row.values() if is_live(cell)]
    for number, (row, text) in enumerate(zip(rows, FORMULAS)):
        assert row["单位名称"] == "'" + text, "the text itself is kept, behind an apostrophe"
        assert row["单位编号"] == ("'" + text if number % 2 else f"U{number}")
        assert row["状态"] == "符合条件"
    plain, plain_rows = run_file(tmp_path, data)
    assert [row["单位名称"] for row in plain_rows] == FORMULAS, "without --excel every cell is written as it is"


def test_a_name_starting_with_a_line_break_is_a_bad_row_written_without_it() -> None:
    sink = io.StringIO()
    batch.run(io.BytesIO(f'{ZH_HEADER}\nU1,"\r=1+1",企业,,1,0,1,1\nU2,"\n@x",企业,,1,0,1,1\n'.encode()), sink,
              as_of=WINDOW_OPEN, excel=True)
    rows = list(csv.DictReader(io.StringIO(sink.getvalue())))
    assert [(row["单位编号"], row["单位名称"], row["状态"]) for row in rows] == [("U1", "……", "输入有误"),
                                                                           ("U2", "……", "输入有误")]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(st.sampled_from('=+-@\t ,"\'＝－\u3000U1甲'), max_size=8),
                          st.text(st.sampled_from('=+-@\t ,"\'＝－\u3000乙'), max_size=8)), min_size=1, max_size=5))
def test_excel_output_never_starts_a_cell_with_a_formula_and_keeps_the_text(units: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(ZH_HEADER.split(","))
    for unit_id, name in units:
        writer.writerow([unit_id, name, "企业", "中小微企业", "100", "6", "150", "1000"])
    sink = io.StringIO()
    batch.run(io.BytesIO(buffer.getvalue().encode()), sink, as_of=WINDOW_OPEN, excel=True)
    written = list(csv.reader(io.StringIO(sink.getvalue())))
    assert not [cell for row in written for cell in row if is_live(cell)]
    for row in written[1:]:
        _, unit_id, name, status = row[:4]
        if status != batch.BAD_ROW_STATUS[batch.ZH]:
            original = units[int(row[0]) - 2]
            assert [unit_id, name] == ["'" + text if is_live(text) else text for text in original]


def test_a_real_negative_number_and_the_tools_own_numbers_stay_numbers_in_excel_output() -> None:
    sink = io.StringIO()
    batch.run(io.BytesIO(f"{ZH_HEADER}\n-5,-5,企业,中小微企业,100,6,150,1000\n".encode()), sink, as_of=WINDOW_OPEN,
              excel=True)
    [row] = list(csv.DictReader(io.StringIO(sink.getvalue())))
    assert (row["单位编号"], row["单位名称"]) == ("'-5", "'-5"), "an id is text, though it looks like a number"
    assert (row["行号"], row["裁员率"], row["返还比例"], row["返还上限（不超过，元）"]) == ("2", "6.00%", "60%", "600.00")


def test_ids_and_names_are_copied_as_they_are_spaces_and_all() -> None:
    [row] = zh_rows(" U1\t,  甲 公司 ,企业,中小微企业,100,6,150,1000")
    assert (row["单位编号"], row["单位名称"], row["状态"]) == (" U1\t", "  甲 公司 ", "符合条件")
    [blank] = zh_rows(" \t ,甲,企业,中小微企业,100,6,150,1000")
    assert blank["错误"] == "单位编号：不能为空"


def test_a_megabyte_cell_is_one_bad_row_and_the_rest_go_on(tmp_path: Path) -> None:
    lines = [ZH_HEADER, *good_lines(1, 3), unit_line(4, "x" * 1_000_000), *good_lines(5, 7)]
    process, rows = run_file(tmp_path, ("\n".join(lines) + "\n").encode())
    assert process.returncode == 1
    assert [row["行号"] for row in rows] == [str(number) for number in range(2, 9)]
    bad = rows[3]
    assert (bad["单位编号"], bad["状态"], bad["错误"]) == ("U4", "输入有误", "这一行超过 64 KB，没有读取")
    assert bad["单位名称"] == "x" * 30 + "……"
    assert [row["状态"] for row in rows if row is not bad] == ["符合条件"] * 6
    assert "第5行（单位编号 U4）：这一行超过 64 KB，没有读取" in process.stderr.decode()


def test_a_long_line_without_any_line_end_is_skipped_with_flat_memory() -> None:
    def source() -> Iterator[bytes]:
        yield f"{ZH_HEADER}\n{unit_line(1)}\nU2,".encode()
        for _ in range(200):  # 20 MB on one line, in pieces
            yield b"y" * 100_000
        yield f"\r\n{unit_line(3)}".encode()

    sink = io.StringIO()
    tracemalloc.start()
    try:
        summary = batch.run(source(), sink, as_of=WINDOW_OPEN)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000, peak
    rows = list(csv.DictReader(io.StringIO(sink.getvalue())))
    assert [(row["行号"], row["单位编号"], row["状态"]) for row in rows] == [
        ("2", "U1", "符合条件"), ("3", "U2", "输入有误"), ("4", "U3", "符合条件")]
    assert summary.bad == 1


@pytest.mark.parametrize(("cell", "message"), [
    ("9" * 5000, "上年度参保职工人数：有5000个字符，超过了1000个字符"),
    ("9" * 999, "上年度参保职工人数（999999999999999999999999999999……（共999个字符））：请填写0到10000000之间的整数"),
    ("-" + "9" * 4500, "上年度参保职工人数：有4501个字符，超过了1000个字符"),
])
def test_a_number_of_thousands_of_digits_is_one_bad_row(tmp_path: Path, cell: str, message: str) -> None:
    lines = [ZH_HEADER, unit_line(1), f"U2,乙,企业,中小微企业,{cell},6,150,1000", unit_line(3)]
    process, rows = run_file(tmp_path, ("\n".join(lines) + "\n").encode())
    assert process.returncode == 1
    assert [(row["单位编号"], row["状态"]) for row in rows] == [("U1", "符合条件"), ("U2", "输入有误"), ("U3", "符合条件")]
    assert rows[1]["错误"].startswith(message)
    assert len(process.stderr) < 2000


def test_a_gbk_row_late_in_a_utf8_file_is_one_bad_row(tmp_path: Path) -> None:
    lines = [(line + "\r\n").encode() for line in [ZH_HEADER, *good_lines(1, 3001)]]
    lines[2840] = (unit_line(2840, "某某商贸有限公司") + "\r\n").encode("gbk")
    process, rows = run_file(tmp_path, b"".join(lines), "--excel")
    assert process.returncode == 1
    assert len(rows) == 3001 and [row["行号"] for row in rows] == [str(n) for n in range(2, 3003)]
    bad = rows[2839]
    assert (bad["行号"], bad["单位编号"], bad["单位名称"], bad["状态"]) == ("2841", "U2840", "某某商贸有限公司", "输入有误")
    assert bad["错误"] == "不是 UTF-8 编码的文本（看起来是 GBK 编码）"
    assert "第2841行（单位编号 U2840）：不是 UTF-8 编码的文本（看起来是 GBK 编码）" in process.stderr.decode()
    assert sum(row["状态"] == "符合条件" for row in rows) == 3000


@pytest.mark.parametrize("how", ["hard link", "symbolic link", "relative path", "dot-dot path", "standard input"])
def test_o_naming_the_input_by_another_name_is_refused_and_the_input_kept(tmp_path: Path, how: str) -> None:
    data = (ZH_HEADER + "\n" + unit_line(1) + "\n").encode()
    folder = tmp_path / "folder"
    folder.mkdir()
    units = folder / "units.csv"
    units.write_bytes(data)
    other = {"hard link": tmp_path / "linked.csv", "symbolic link": tmp_path / "pointer.csv",
             "relative path": Path("units.csv"), "dot-dot path": Path("../folder/./units.csv"),
             "standard input": units}[how]
    if how == "hard link":
        other.hardlink_to(units)
    elif how == "symbolic link":
        other.symlink_to(units)
    if how == "standard input":
        process = subprocess.run([sys.executable, "-m", "calculator", "batch", "-o", str(units)], cwd=ROOT,
                                 stdin=units.open("rb"), capture_output=True, check=False, timeout=60,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
    else:
        process = subprocess.run([sys.executable, "-m", "calculator", "batch", str(units), "-o", str(other)],
                                 cwd=folder, capture_output=True, check=False, timeout=60,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.returncode == 2
    assert "结果文件不能与输入文件相同" in process.stderr.decode()
    assert units.read_bytes() == data
    assert sorted(path.name for path in folder.iterdir()) == ["units.csv"], "no temporary file is left"


def test_o_is_written_only_when_complete_and_keeps_an_existing_files_mode(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("an earlier result\n", encoding="utf-8")
    out.chmod(0o640)
    target = tmp_path / "pointer.csv"
    target.symlink_to(out)
    units = tmp_path / "units.csv"
    units.write_text("\n".join([ZH_HEADER, *good_lines(1, 3)]) + "\n", encoding="utf-8")
    assert run_process(str(units), "-o", str(target), "--as-of", WINDOW_OPEN).returncode == 0
    assert target.is_symlink(), "a link is followed, not replaced"
    assert out.read_text(encoding="utf-8").startswith("行号,单位编号")
    assert out.stat().st_mode & 0o777 == 0o640
    refused = run_process(str(tmp_path / "nowhere.csv"), "-o", str(out))
    assert refused.returncode == 2 and out.read_text(encoding="utf-8").startswith("行号,单位编号")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv", "pointer.csv", "units.csv"]


@pytest.mark.parametrize(("output", "message"), [
    ("folder", "无法写入文件 {tmp}/folder：这是一个目录。"),
    ("missing/out.csv", "无法写入文件 {tmp}/missing/out.csv：路径不存在。"),
    ("units.csv/out.csv", "无法写入文件 {tmp}/units.csv/out.csv：路径中有一段不是目录。"),
])
def test_an_unusable_output_path_exits_2_before_reading(tmp_path: Path, output: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    units = tmp_path / "units.csv"
    units.write_text(ZH_HEADER + "\n", encoding="utf-8")
    process = run_process(str(units), "-o", str(tmp_path / output))
    assert process.returncode == 2
    assert process.stderr.decode() == message.format(tmp=tmp_path) + "\n"


def test_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("\n".join([ZH_HEADER, *good_lines(1, 3)]) + "\n", encoding="utf-8")
    assert run_process(str(units), "-o", "/dev/null").returncode == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    full = run_process(str(units), "-o", "/dev/full")
    assert full.returncode == 2
    assert "读写文件时出错：磁盘空间已满；没有写出结果（文件 /dev/full 保持原样）。" in full.stderr.decode()
    with open("/dev/full", "wb") as sink:
        to_stdout = subprocess.run([sys.executable, "-m", "calculator", "batch", str(units)], cwd=ROOT, stdout=sink,
                                   stderr=subprocess.PIPE, check=False, timeout=60)
    assert to_stdout.returncode == 2
    assert to_stdout.stderr.decode().endswith("无法写出结果：磁盘空间已满。\n")


def test_ctrl_c_mid_run_leaves_no_output_and_the_earlier_result_as_it_was(tmp_path: Path) -> None:
    units, out = tmp_path / "units.csv", tmp_path / "out.csv"
    units.write_bytes(b"".join(unit_lines(300_000)))
    out.write_text("an earlier result\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "calculator", "batch", str(units), "-o", str(out), "--as-of",
                              WINDOW_OPEN], cwd=ROOT, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp") and path.stat().st_size]:
        assert time.monotonic() < deadline and child.poll() is None, "the run never started writing"
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 130
    assert err.endswith(f"已中断，没有写出结果（文件 {out} 保持原样）。\n")
    assert out.read_text(encoding="utf-8") == "an earlier result\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.csv", "units.csv"]


def test_an_unclosed_quote_is_reported_on_its_row_and_the_rows_after_it_are_read(tmp_path: Path) -> None:
    lines = [ZH_HEADER, unit_line(1), 'U2,"乙公司,企业,中小微企业,100,6,150,1000', *good_lines(3, 5)]
    process, rows = run_file(tmp_path, ("\n".join(lines) + "\n").encode())
    assert process.returncode == 1
    assert [(row["行号"], row["单位编号"], row["状态"]) for row in rows] == [
        ("2", "U1", "符合条件"), ("3", "U2", "输入有误"), ("4", "U3", "符合条件"), ("5", "U4", "符合条件"),
        ("6", "U5", "符合条件")]
    assert rows[1]["错误"] == "单位名称：单元格开头的引号没有配对：到文件末尾都没有结束；后面的行已另行读取"
    assert "共 5 个单位：符合条件 4，输入有误 1。" in process.stderr.decode()


def test_a_quote_closed_lines_later_is_one_bad_row_that_names_the_lines(tmp_path: Path) -> None:
    lines = [ZH_HEADER, unit_line(1), 'U2,"乙公司,企业,中小微企业,100,6,150,1000', 'U3,丙",企业,中小微企业,1,0,1,1',
             unit_line(4)]
    process, rows = run_file(tmp_path, ("\n".join(lines) + "\n").encode())
    assert [(row["行号"], row["单位编号"], row["状态"]) for row in rows] == [
        ("2", "U1", "符合条件"), ("3", "U2", "输入有误"), ("5", "U4", "符合条件")]
    assert rows[1]["错误"].startswith("单位名称：单元格里有换行（本行从第3行延续到第4行），可能是引号没有配对")
    assert rows[1]["单位名称"] == "乙公司,企业,中小微企业,100,6,150,1000……"
    assert "第3行（单位编号 U2）：单位名称：单元格里有换行" in process.stderr.decode()


def test_a_line_break_inside_a_column_the_batch_ignores_is_fine() -> None:
    _, rows, _ = run_batch(f'{ZH_HEADER},备注\n{unit_line(1)},"第一行\n第二行"\n{unit_line(2)},\n')
    assert [(row["行号"], row["单位编号"], row["状态"]) for row in rows] == [("2", "U1", "符合条件"),
                                                                          ("4", "U2", "符合条件")]


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r"])
def test_crlf_lf_and_cr_line_ends_read_alike(end: str) -> None:
    text = end.join([ZH_HEADER, unit_line(1), "", 'U2,"乙",企业,,1,0,1,1', unit_line(3)]) + end
    bad, rows, _ = run_batch(text)
    assert bad == 0
    assert [(row["行号"], row["单位编号"]) for row in rows] == [("2", "U1"), ("4", "U2"), ("5", "U3")]


def test_byte_order_marks_nul_bytes_and_repeated_headers() -> None:
    text = "\n".join(["\ufeff" + ZH_HEADER, unit_line(1), "\ufeff" + ZH_HEADER, unit_line(2), "U3,丙\0,企业,,1,0,1,1",
                      "单位名称,上年度参保职工人数,单位编号,单位类型,上年度裁员人数", "丁,10,U4,基金会,1",
                      "单位编号,单位编号", unit_line(5)]) + "\n"
    bad, rows, messages = run_batch(text)
    assert [(row["行号"], row["单位编号"], row["单位名称"], row["状态"]) for row in rows] == [
        ("2", "U1", "单位1", "符合条件"), ("4", "U2", "单位2", "符合条件"), ("5", "U3", "丙\\x00……", "输入有误"),
        ("7", "U4", "丁", "符合条件"), ("8", "", "单位编号", "输入有误"), ("9", "企业", "U5", "输入有误")]
    assert rows[2]["错误"] == "含有空字符（NUL），不像是文本"
    assert (rows[3]["裁员率"], rows[3]["原因"]) == ("10.00%", "缺少：2020年末参保人数、上年度实际缴纳失业保险费"), (
        "read by the header above it")
    assert rows[4]["错误"].startswith("表头第2列“单位编号”与前面的列重复")
    assert "本行有8个单元格，多于表头的5列" in rows[5]["错误"], "a header that cannot be used changes nothing"
    assert "提示：第3行是又一个表头，此后的行按它读取。" in messages
    assert "提示：第6行是又一个表头，此后的行按它读取。" in messages
    assert bad == 3


@pytest.mark.parametrize(("cell", "read_as"), [
    ("1,234", "1234"), ("１２０", "120"), ("１，２００", "1200"), (" 120 ", "120"), ("1.000", None), ("1e3", None),
    ("1_000", None), ("1 000", None), ("1'000", None), ("1.234,5", None), ("1,00", None), ("12,3456", None),
    ("+5", None), ("0x10", None), ("٣", None), ("NaN", None), ("Infinity", None),
])
def test_a_count_cell_is_read_only_when_it_is_plainly_a_number(cell: str, read_as: str | None) -> None:
    row = one(f'U1,,企业,中小微企业,"{cell}",0,"{cell}",1000')
    if read_as is None:
        assert row["状态"] == "输入有误"
        assert row["错误"].startswith(f"上年度参保职工人数（{cell.strip()}）：请填写0到10000000之间的整数（单位：人）：只写数字")
    else:
        assert row["状态"] == "符合条件", row["错误"]
        assert row["免申即享"] == ("是" if int(read_as) <= 200 else "否")


@pytest.mark.parametrize(("cell", "amount"), [
    ("1,000", "600.00"), ("1000.5", "600.30"), ("1,000.50", "600.30"), ("１０００．５", "600.30"), ("1.000", None),
    ("1.005", None), ("1,000.505", None), ("1e3", None), ("1.000,50", None),
])
def test_a_money_cell_takes_at_most_two_decimals(cell: str, amount: str | None) -> None:
    row = one(f'U1,,企业,中小微企业,100,6,150,"{cell}"')
    if amount is None:
        assert row["错误"].startswith(f"上年度实际缴纳失业保险费（{cell}）：请填写0到10000000000之间的金额（单位：元）：")
    else:
        assert row["返还上限（不超过，元）"] == amount


@pytest.mark.parametrize(("data", "message"), [
    (b"PK\x03\x04\x14\x00\x06\x00", "输入文件看起来是Excel 工作簿（.xlsx）或其他压缩文件，不是 CSV 文本文件"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "输入文件看起来是旧版 Excel 工作簿（.xls）"),
    ("\ufeff单位编号\n".encode("utf-16"), "输入文件看起来是UTF-16 编码的文本（Excel 的“Unicode 文本”）"),
    (bytes(range(128, 256)) * 4, "输入文件不是 UTF-8 编码的文本"),
    (b"\xef\xbb\xbf\n\n  \n", "输入文件是空的"),
    (b"unit_id\0,x\n", "无法读取第1行的表头：含有空字符（NUL），不像是文本。"),
    (f"{ZH_HEADER}\n".encode("gbk"), "（第1行看起来是 GBK 编码。）"),
])
def test_a_file_that_is_not_a_csv_of_units_stops_the_run(tmp_path: Path, data: bytes, message: str) -> None:
    process, rows = run_file(tmp_path, data)
    assert process.returncode == 2
    assert message in process.stderr.decode()
    assert not (tmp_path / "out.csv").exists(), "no output for an input that cannot be read"


def test_a_directory_as_input_exits_2(tmp_path: Path) -> None:
    process = run_process(str(tmp_path))
    assert process.returncode == 2
    assert process.stderr.decode() == f"无法读取文件 {tmp_path}：这是一个目录。\n"


# Rows a file might hold, good and bad: every line is accounted for, in order, and nothing but BatchError escapes.
CELL_TEXT = st.text(st.sampled_from('U12 ,"\'=企业甲\t\0\ufeff') | st.characters(), max_size=12)
LINE = st.one_of(
    st.integers(1, 99).map(unit_line),
    st.lists(CELL_TEXT, max_size=10).map(lambda cells: ",".join(cells)),
    st.just(ZH_HEADER), st.just(""), st.just('U9,"unclosed'),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(),
       st.lists(st.tuples(st.integers(0, 11), st.binary(min_size=1, max_size=3)), max_size=2))
def test_any_file_is_read_row_by_row_without_planting_or_losing_a_unit(lines: list[str], end: str, excel: bool,
                                                                         noise: list[tuple[int, bytes]]) -> None:
    encoded = [(line + end).encode("utf-8", errors="surrogatepass") for line in [ZH_HEADER, *lines]]
    for index, junk in noise:  # bytes of no particular encoding in some lines
        if index + 1 < len(encoded):
            encoded[index + 1] = junk + encoded[index + 1]
    sink = io.StringIO()
    try:
        summary = batch.run(encoded, sink, as_of=WINDOW_OPEN, excel=excel)
    except batch.BatchError:
        return
    rows = list(csv.reader(io.StringIO(sink.getvalue())))[1:]
    lines_in_file = re.split(rb"\r\n|\r|\n", b"".join(encoded))[:-1]
    numbers = [int(row[0]) for row in rows]
    assert numbers == sorted(set(numbers)) and all(2 <= number <= len(lines_in_file) for number in numbers)
    assert summary.rows == len(rows) and summary.bad == sum(row[3] == "输入有误" for row in rows)
    if excel:
        assert not [cell for row in rows for cell in row if is_live(cell)]
    for number, line in enumerate(lines_in_file, start=1):  # a unit line after no quote at all is read as it is
        if b'"' in line:
            break
        text = line.decode("utf-8", errors="replace")
        if number > 1 and text in {unit_line(unit) for unit in range(1, 100)}:
            assert [row[3] for row in rows if row[0] == str(number)] == ["符合条件"]


def test_the_readme_states_the_rules_and_columns_of_batch_help_word_for_word() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for topic, text in BATCH_RULES.items():
        assert f"- **{topic}**：{text}\n" in readme, topic
    for key, zh in batch.INPUT_COLUMNS.items():
        assert f"| {zh} | {key} |" in readme
    for key, zh in batch.OUTPUT_COLUMNS.items():
        assert f"| {zh} | {key} |" in readme or f"{zh} / " in readme or f" / {zh} |" in readme, key
