"""`python -m calculator`: one set of answers (readable and JSON), --as-of, stdin, errors, the input catalogue.

A few tests run the command as a real process; the rest call main() in-process.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calculator
from calculator.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
WINDOW_OPEN = "2021-09-01"
SME = {
    "asker": "unit", "unit_type": "enterprise", "enterprise_size": "sme", "insured_staff_last_year": 100,
    "layoffs_last_year": 6, "insured_at_end_of_2020": 150, "uic_paid_last_year": 20000.5,
}


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    """`python -m calculator ARGS` as a real process, from the project root."""
    return subprocess.run([sys.executable, "-m", "calculator", *args], cwd=ROOT, input=stdin,
                          capture_output=True, check=False, timeout=60)


def decoded(process: subprocess.CompletedProcess) -> tuple[str, str]:
    return process.stdout.decode("utf-8"), process.stderr.decode("utf-8")


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(SME, ensure_ascii=False), encoding="utf-8")
    return path


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_readable_output_as_a_real_process(answers_file: Path) -> None:
    process = run_cli(str(answers_file), "--as-of", WINDOW_OPEN)
    out, err = decoded(process)
    assert process.returncode == 0, err
    assert err == ""
    assert out.startswith("自测结果（判断日期：2021-09-01）\n")
    result = calculator.evaluate(SME, WINDOW_OPEN)
    sections = out.split("\n■ ")[1:]
    assert [section.splitlines()[0] for section in sections] == [
        *(f"{measure['title']}（{measure['clause']}）" for measure in result["measures"]), "其他可能相关的条款"]
    c01, measure = sections[0], result["measures"][0]
    assert "状态　　：符合条件" in c01
    assert "期限　　：申请截至2021年12月31日" in c01
    assert "金额　　：不超过 12,000.30 元（上限）" in c01
    assert f"算法　　：{measure['amount']['formula']}" in c01
    assert [f"✓ {condition['text']} [c01-1]" for condition in measure["conditions"]] == [
        line.split("条件　　：", 1)[-1].strip() for line in c01.splitlines() if "✓" in line]
    assert f"下一步　：{measure['next_step']}" in c01
    for note in measure["notes"]:
        assert f"· {note}" in c01
    for item in result["guidance"]:
        assert f"  · {item['text']} [{item['cite']}]" in sections[-1]
    assert "Traceback" not in out + err


def test_readable_output_aligns_continuation_lines_under_the_first_value(
        answers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(answers_file), "--as-of", WINDOW_OPEN]) == 0
    lines = capsys.readouterr().out.splitlines()
    first = next(index for index, line in enumerate(lines) if line.startswith("  条件　　：✓"))
    assert lines[first + 1].startswith(" " * 12 + "✓ ")  # "  条件　　：" takes 2 + 4 × 2 + 2 columns


def test_readable_output_shows_unknown_conditions_and_the_questions_left(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = {"asker": "unit", "unit_type": "law_firm"}
    path = tmp_path / "partial.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert main([str(path), "--as-of", WINDOW_OPEN]) == 0
    c01 = capsys.readouterr().out.split("■ ")[1]
    measure = calculator.evaluate(answers, WINDOW_OPEN)["measures"][0]
    assert measure["missing"] == ["insured_staff_last_year", "layoffs_last_year", "uic_paid_last_year"]
    assert "状态　　：需要更多信息" in c01
    assert f"? {measure['conditions'][1]['text']} [c01-1]" in c01
    assert "还需回答：上年度参保职工人数（insured_staff_last_year）\n" in c01
    assert "\n            上年度裁员人数（layoffs_last_year）\n" in c01


def test_not_met_conditions_are_crossed_and_have_no_amount(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    answers = {**SME, "layoffs_last_year": 7}
    path = tmp_path / "laid-off.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    assert main([str(path), "--as-of", WINDOW_OPEN]) == 0
    c01 = capsys.readouterr().out.split("■ ")[1]
    measure = calculator.evaluate(answers, WINDOW_OPEN)["measures"][0]
    assert "状态　　：不符合条件" in c01
    assert f"✗ {measure['conditions'][1]['text']} [c01-1]" in c01
    assert "金额" not in c01


def test_json_output_is_the_result_of_evaluate(answers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(answers_file), "--json", "--as-of", WINDOW_OPEN]) == 0
    assert json.loads(capsys.readouterr().out) == calculator.evaluate(SME, WINDOW_OPEN)


def test_as_of_defaults_to_today_and_a_closed_measure_says_when_it_closed(
        answers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(answers_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["as_of"] == date.today().isoformat()
    c01 = result["measures"][0]
    assert (c01["status"], c01["status_label"]) == ("closed", "已于2021年12月31日截止")


def test_as_of_before_the_notice_took_effect(answers_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(answers_file), "--as-of", "2021-07-01"]) == 0
    assert "状态　　：尚未实施（本通知自2021年7月26日起实施）" in capsys.readouterr().out


def test_answers_from_stdin_as_a_real_process() -> None:
    payload = json.dumps(SME, ensure_ascii=False).encode("utf-8")
    for args in ((), ("-",)):
        process = run_cli(*args, "--json", "--as-of", WINDOW_OPEN, stdin=payload)
        out, err = decoded(process)
        assert process.returncode == 0, err
        assert json.loads(out) == calculator.evaluate(SME, WINDOW_OPEN)


def test_answers_from_stdin_with_a_byte_order_mark(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    feed_stdin(monkeypatch, "\ufeff".encode() + json.dumps(SME).encode())
    assert main(["--json", "--as-of", WINDOW_OPEN]) == 0
    assert json.loads(capsys.readouterr().out)["measures"][0]["status"] == "eligible"


def test_input_error_exits_2_with_each_fields_chinese_message_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**SME, "layoffs_last_year": -1, "unit_type": "company"}), encoding="utf-8")
    process = run_cli(str(path))
    out, err = decoded(process)
    assert process.returncode == 2
    assert out == ""
    assert "答案有误" in err
    assert "上年度裁员人数（layoffs_last_year）：请填写0到10000000之间的整数（单位：人）。" in err
    assert "贵单位在葫芦岛市参加失业保险，属于哪类参保单位？（unit_type）：“company”不是可选的答案" in err
    assert "Traceback" not in err


def test_inconsistent_answers_are_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "more-layoffs-than-staff.json"
    path.write_text(json.dumps({**SME, "layoffs_last_year": 101}), encoding="utf-8")
    assert main([str(path)]) == 2
    assert "不能多于上年度参保职工人数（100人）" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "message"), [
    (b'{"asker": "unit",', "不是有效的 JSON：第1行第18列附近有误。"),
    (b"\xff\xfe{}", "不是 UTF-8 编码的文本。"),
    (b'["unit"]', "答案文件：答案应是以问题编号为键的字典。"),
])
def test_unusable_answers_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        content: bytes, message: str) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(content)
    assert main([str(path)]) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""


def test_missing_file_and_directory_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere.json")]) == 2
    assert f"无法读取文件 {tmp_path / 'nowhere.json'}：路径不存在。" in capsys.readouterr().err
    assert main([str(tmp_path)]) == 2
    assert f"无法读取文件 {tmp_path}：这是一个目录。" in capsys.readouterr().err


@pytest.mark.parametrize(("as_of", "message"), [
    ("2021-02-30", "判断日期（--as-of）：没有这一天：2021-02-30。"),
    ("1.9.2021", "判断日期（--as-of）：日期应写成YYYY-MM-DD的形式"),
])
def test_bad_as_of_exits_2(answers_file: Path, capsys: pytest.CaptureFixture[str], as_of: str,
                           message: str) -> None:
    assert main([str(answers_file), "--as-of", as_of]) == 2
    assert message in capsys.readouterr().err


def test_unknown_option_exits_2_with_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--bogus"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("命令行参数有误：")
    assert "usage: python -m calculator" in err


def test_help_names_the_other_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert "python -m calculator batch --help" in out
    assert "python -m calculator inputs" in out


def test_inputs_lists_the_whole_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inputs"]) == 0
    out = capsys.readouterr().out
    entries = calculator.catalogue()
    assert out.startswith(f"共{len(entries)}个问题")
    blocks = {block.split("  ", 1)[0]: block for block in out.split("\n\n")[1:]}
    assert list(blocks) == [entry["id"] for entry in entries]
    for entry in entries:
        block = blocks[entry["id"]]
        assert block.splitlines()[0] == f"{entry['id']}  {entry['label']}"
        for choice in entry.get("choices", []):
            assert f"{choice['value']}：{choice['label']}" in block
        if entry["type"] in ("count", "money"):
            assert f"范围　　：{entry['min']} 到 {entry['max']}" in block
    assert "何时询问：asker 为 \"unit\"（用人单位或机构）" in blocks["unit_type"]
    assert "unit_type 为 \"enterprise\"（企业）" in blocks["enterprise_size"]
    assert "类型　　：整数，单位：人" in blocks["insured_staff_last_year"]


def test_inputs_json_is_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inputs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == calculator.catalogue()


def test_without_a_file_a_terminal_is_not_read(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main([]) == 2
    assert main(["batch"]) == 2
    err = capsys.readouterr().err
    assert err.count("请给出要读取的文件，或用“-”从标准输入读取。") == 2


# ---- hostile answers files and outputs: exit 2 with a Chinese message, never a traceback ----

def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(("content", "message"), [
    ('{"asker": ' + "7" * 5000 + "}", "“777777777777777777777777777777……”（共5000个字符）不是可选的答案"),
    ('{"insured_staff_last_year": ' + "9" * 5000 + "}", "请填写0到10000000之间的整数"),
    ('{"asker": ' + nested(500) + "}", "一个列表不是可选的答案"),
    ('{"asker": ' + nested(990) + "}", "JSON 的嵌套太深"),
    ('{"asker": ' + nested(100_000) + "}", "JSON 的嵌套太深"),
    ('{"asker": "unit", "asker": "individual"}', "“asker”出现了不止一次"),
    ('{"uic_paid_last_year": NaN}', "NaN 不是 JSON 中的数"),
    ('{"' + "k" * 100_000 + '": 1}', "没有这个问题：“kkkkkkkkkkkkkkkkkkkkkkkkkkkkkk……”（共100000个字符）"),
    ('{"asker": "' + "x" * 900_000 + '"}', "“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx……”（共900000个字符）不是可选的答案"),
    ('{"asker": "' + "x" * 2_000_000 + '"}', "超过 1 MB，不是答案文件"),
])
def test_a_hostile_answers_file_exits_2_with_a_short_chinese_message(tmp_path: Path, content: str,
                                                                     message: str) -> None:
    path = tmp_path / "answers.json"
    path.write_text(content, encoding="utf-8")
    process = run_cli(str(path), "--as-of", WINDOW_OPEN)
    out, err = decoded(process)
    assert process.returncode == 2, err
    assert message in err
    assert out == "" and "Traceback" not in err
    assert len(err) < 1000, "a bad value is quoted by a short prefix only"


@pytest.mark.parametrize("command", [["--as-of", WINDOW_OPEN], ["--json", "--as-of", WINDOW_OPEN], ["inputs"]])
def test_output_to_a_full_disk_exits_2_with_a_chinese_message(answers_file: Path, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        args = command if command == ["inputs"] else [str(answers_file), *command]
        process = subprocess.run([sys.executable, "-m", "calculator", *args], cwd=ROOT, stdout=full,
                                 stderr=subprocess.PIPE, check=False, timeout=60)
    err = process.stderr.decode("utf-8")
    assert process.returncode == 2
    assert err == "无法写出结果：磁盘空间已满。\n"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
    | st.sampled_from(["unit", "individual", "enterprise", "2021-09-01", "２０２１-０９-０１", "\t=1+1"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)
ANSWER_KEYS = st.sampled_from([entry["id"] for entry in calculator.catalogue()]) | st.text(max_size=10)
# JSON text a person or a program might feed the command: objects of answers, anything else, and the extremes.
ANSWERS_TEXT = st.one_of(
    st.dictionaries(ANSWER_KEYS, JSON_VALUES, max_size=6).map(json.dumps),
    JSON_VALUES.map(json.dumps),
    st.tuples(ANSWER_KEYS, st.integers(1, 6000)).map(lambda pair: json.dumps({pair[0]: 0}).replace("0", "9" * pair[1])),
    st.tuples(ANSWER_KEYS, st.integers(1, 3000)).map(
        lambda pair: '{"%s": %s}' % (pair[0].replace('"', ""), nested(pair[1]))),
    st.text(max_size=30),
)


@settings(max_examples=150, deadline=None)
@given(ANSWERS_TEXT, st.sampled_from([[], ["--json"]]))
def test_any_answers_text_gives_a_result_or_a_chinese_message(text: str, flags: list[str]) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8", errors="surrogatepass")), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", stdin)
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        status = main(["-", "--as-of", WINDOW_OPEN, *flags])
    assert status in (0, 2)
    assert (status == 0) == bool(out.getvalue()) and (status == 2) == bool(err.getvalue())
    assert len(err.getvalue()) < 5000 and "Traceback" not in err.getvalue()
