"""`python -m calculator batch`: the caseworkers' CSV of units for 失业保险稳岗返还 and 免申即享.

Headers in both languages, a BOM, bad rows among good ones, unknown cells, the boundaries of the notice's
figures, streaming, and agreement with `calculator.evaluate` row by row. A few tests run a real process.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
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
from calculator.__main__ import main

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
        summary = batch.run(io.StringIO(text), sink, as_of=as_of, language=language, report=messages.append)
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
    assert "第3行（单位编号 U2）：上年度参保职工人数（abc）：请填写0到10000000之间的整数（单位：人）。" in err
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
    path.write_text("".join(unit_lines(5000)), encoding="utf-8")
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


def unit_lines(count: int, sink: Sink | None = None) -> Iterator[str]:
    """A header and `count` unit rows; with `sink`, each row is only handed out once the previous one's result
    has been written."""
    yield EN_HEADER + "\n"
    for number in range(count):
        if sink is not None:
            assert sink.lines == number + 1, "the batch waited for more input before writing a result"
        yield f"U{number},,enterprise,sme,{100 + number % 50},{number % 9},150,{1000 + number}\n"


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
