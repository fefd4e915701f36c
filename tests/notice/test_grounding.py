"""The check that keeps plain language honest: a line's figures and offices must stand in the sentences it cites,
written the same way; lines that add a number, change a date or name another office fail."""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sitebuild.grounding import figures, offices, part_references, ungrounded
from sitebuild.model import Notice

UNITS = ["元", "％", "人", "个月", "次", "倍", "年", "周岁"]
C01_1 = ("在我市参加失业保险的企业……上年度未裁员或裁员率不高于6％（上年度全国城镇调查失业率控制目标）的，30人（含）以下的"
         "参保单位裁员率不高于参保职工总数20％的，可在2021年12月31日前申请失业保险稳岗返还。")
C01_2 = "具体缴费金额可依据征缴机构提供的上年度缴费记录确定。"
C06_2 = "2021年1月1日（含）之后新发生的，申领受理时间截至2021年12月31日，根据申领时间，实际发放时间最长可至2022年6月30日。"
C13_3 = "零就业家庭成员中已经有1人实现就业的，街道、社区公共就业服务机构确认属实后，要同步将该家庭从零就业家庭中及时移除。"


@pytest.mark.parametrize(("text", "found"), [
    ("2021年12月31日前申请，最多返还30％。", ["2021年12月31日", "30％"]),
    ("2020年末参保200人（含）以下，2022届毕业生，2020年度已受理。", ["2020年末", "200人", "2022届", "2020年度"]),
    ("本通知下发之日起4个月内，不足1/3，三分之一，1.5倍，不超过3次。", ["4个月", "1/3", "三分之一", "1.5倍", "3次"]),
    ("每人每月300元，国家级10万元，16周岁以上，只能领一次，一次性奖补。", ["300元", "10万元", "16周岁", "一次", "一次"]),
    ("按葫人社函〔2021〕49号执行。", ["2021", "49号"]),
    ("见附件2和第（十三）条；统一推进一线教师培训。", []),  # references to parts, and words with 一 in them
])
def test_figures_are_found_with_their_units(text: str, found: list[str]) -> None:
    assert figures(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("由街道、社区公共就业服务机构确认", ["街道", "社区公共就业服务机构"]),
    ("按规定报市人力资源和社会保障局、市财政局备案", ["市人力资源和社会保障局", "市财政局"]),
    ("统一按照人力资源社会保障部、教育部有关要求执行", ["人力资源社会保障部", "教育部"]),
    ("可依据征缴机构提供的上年度缴费记录", ["征缴机构"]),
    ("可以向经办机构、税务部门或人社局申请", ["经办机构", "税务部门", "人社局"]),
    ("按人社部发〔2019〕124号执行，搞活内部分配，加快部署", []),  # a document number; 内部, 部署 are no offices
])
def test_offices_are_found_as_written(text: str, found: list[str]) -> None:
    assert offices(text) == found


def test_parts_a_line_points_to_are_read_as_ids() -> None:
    assert part_references("见附件1、附件2和第（三）条、第（十）条、第（十三）条、第(十八)条") == ["a1", "a2", "c03", "c10", "c13", "c18"]


# -- lines that must fail ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "cited", "token"), [
    ("上年度裁员率不高于8％。", C01_1, "'8％'"),  # a changed rate
    ("50人（含）以下的单位，裁员率不高于20％。", C01_1, "'50人'"),  # a changed headcount
    ("2022年12月31日前申请。", C06_2, "'2022年12月31日'"),  # a changed date, though 2022年 and 12月31日 occur
    ("2021年12月30日前申请。", C01_1, "'2021年12月30日'"),
    ("120天内拨付到位。", "各县（市）区应在本通知下发之日起4个月内。", "'120天'"),  # the same span, another unit
    ("每次补贴500元。", C01_1, "'500元'"),  # an added amount
    ("最多2人。", "已经有12人实现就业。", "'2人'"),  # a figure inside another figure is not that figure
    ("按1倍计算。", "补贴标准为当地农村最低生活保障标准的1.5倍。", "'1倍'"),
    ("缴费记录向经办机构查询。", C01_2, "'经办机构'"),  # an office the sentence does not name
    ("看省征缴机构提供的缴费记录。", C01_2, "'看省征缴机构'"),  # the sentence's office, at another level
    ("由当地人力资源和社会保障局确认。", C13_3, "'当地人力资源和社会保障局'"),
    ("由县人力资源和社会保障局审定。", "由市人力资源和社会保障局、市财政局定期通报全市。", "'县人力资源和社会保障局'"),
    ("找有关部门办理。", "各级人力资源社会保障部门负责审定。", "'有关部门'"),
    ("找部门办理。", "各级人力资源社会保障部门负责审定。", "bare word"),  # an office named by a generic word
])
def test_a_line_that_adds_or_changes_a_figure_or_an_office_fails(line: str, cited: str, token: str) -> None:
    problems = ungrounded(line, cited)
    assert problems and any(token in problem for problem in problems), problems


@pytest.mark.parametrize(("line", "cited"), [
    ("上年度没有裁员，或裁员率不高于6%。", C01_1),  # the same figure, half-width
    ("30人(含)以下的单位：裁员率不高于20％也可以。", C01_1),
    ("2021年12月31日前申请。", C01_1),
    ("缴多少，看征缴机构提供的上年度缴费记录。", C01_2),
    ("有1人就业后，经街道、社区公共就业服务机构确认。", C13_3),
    ("最长发到2022年6月30日，只能领一次。", C06_2 + "失业补助金只能申领享受一次。"),
])
def test_a_line_that_keeps_the_sentences_figures_and_offices_passes(line: str, cited: str) -> None:
    assert ungrounded(line, cited) == []


# -- every sentence of the notice, both ways ---------------------------------------------------------------

def _sentences_with_figures(notice: Notice) -> list[str]:
    return [s.text for part in notice.parts for s in part.sentences if figures(s.text)]


@given(data=st.data())
def test_restating_a_figure_of_a_sentence_passes_and_a_number_it_lacks_fails(notice: Notice, data) -> None:
    sentence = data.draw(st.sampled_from(_sentences_with_figures(notice)))
    figure = data.draw(st.sampled_from(figures(sentence)))
    assert ungrounded(f"您可以得到{figure}。", sentence) == []
    number, unit = data.draw(st.integers(min_value=1, max_value=10_000)), data.draw(st.sampled_from(UNITS))
    added = f"{number}{unit}"
    assume(not re.search(rf"(?<![\d.]){re.escape(added)}", sentence))
    assert any(repr(added) in problem for problem in ungrounded(f"另外还有{added}。", sentence))


def test_every_office_the_notice_names_is_recognised(notice: Notice) -> None:
    """The office words cover every body the notice itself names, so a line cannot slip one past the check."""
    document = notice.document
    bodies = [*document.issuers, *(s.name for s in document.signature), document.imprint_office]
    for body in bodies:
        found = offices(body)
        assert found and body.endswith(found[-1]), (body, found)
