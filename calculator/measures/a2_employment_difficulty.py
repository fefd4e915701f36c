"""附件2 with （十三）: who counts as 就业困难人员 (ten categories) or may be treated as one (five more)."""

from __future__ import annotations

from ..age_checks import at_least_age, near_retirement, retirement_note, working_age
from ..checks import combined, flag, in_turn, one_of, unknown
from ..facts import Facts
from ..measure import Measure
from ..parameter import Parameter
from ..result import MET, NOT_MET, UNKNOWN, Assessment, Check, Verdict, any_of, shown

ZERO_EMPLOYMENT_MIN_MEMBERS = Parameter(2, cite="a2-1-1", text="2名(含)以上")
REMOVED_ONCE_EMPLOYED = Parameter(1, cite="c13-3", text="已经有1人实现就业")
NEAR_RETIREMENT = Parameter(60, cite="a2-1-3", text="5年以内")  # months
ORPHAN_MIN_AGE = Parameter(16, cite="a2-2-5", text="16周岁(含)以上")

OFFICE = "当地街道、社区公共就业服务机构"
HOUSEHOLD = ("household_able_members", "household_members_working", "household_members_with_business_income")


def zero_employment_family(facts: Facts, title: str = "城镇零就业家庭成员") -> Check:
    """城镇零就业家庭 exactly as 附件2 defines it, and removed once one member works (（十三）)."""
    urban = facts.get("household_urban")
    if urban is None:
        return unknown(facts, "household_urban", "a2-1-1", title)
    if not urban:
        return Check(f"{title}：您家不是城镇居民家庭。", NOT_MET, "a2-1-1")
    able, working, income = (facts.get(input_id) for input_id in HOUSEHOLD)
    if working is not None and working >= REMOVED_ONCE_EMPLOYED.value:
        return Check(f"{title}：您家已有{working}人就业；零就业家庭成员中{REMOVED_ONCE_EMPLOYED.text}的，"
                     "要将该家庭从零就业家庭中移除。", NOT_MET, REMOVED_ONCE_EMPLOYED.cite)
    if able is None or working is None or income is None:
        return Check(f"{title}：还需要同一户口内在法定劳动年龄内、有劳动能力和就业要求的家庭成员人数，"
                     "以及其中就业和有经营性、投资性收入的人数。", UNKNOWN, "a2-1-1", facts.ask(*HOUSEHOLD))
    qualifying = able - income
    members = (f"同一户口内在法定劳动年龄内、有劳动能力和就业要求的家庭成员{able}人，都处于无业状态，"
               f"其中没有经营性、投资性收入的{qualifying}人")
    if qualifying >= ZERO_EMPLOYMENT_MIN_MEMBERS.value:
        return Check(f"{title}：{members}，达到{ZERO_EMPLOYMENT_MIN_MEMBERS.text}。", MET, "a2-1-1")
    return Check(f"{title}：{members}，不足{ZERO_EMPLOYMENT_MIN_MEMBERS.value}名。", NOT_MET, "a2-1-1")


def _not_working(facts: Facts) -> Check:
    return one_of(facts, "employment_status", {"not_working"}, "", "目前未就业",
                  "您目前的工作状况是“{label}”，不是未就业")


def _registered_near_retirement(facts: Facts) -> Check:
    title = f"登记失业人员中距法定退休年龄{NEAR_RETIREMENT.text}的人员"
    parts = in_turn(
        lambda: one_of(facts, "employment_status", {"not_working"}, "", "目前没有工作",
                       "您目前的工作状况是“{label}”，不是失业人员"),
        lambda: flag(facts, "registered_unemployed", "", "已办理失业登记", "还没有办理失业登记"),
        lambda: near_retirement(facts, NEAR_RETIREMENT, inclusive=True),
    )
    return combined(title, NEAR_RETIREMENT.cite, parts)


def _rural_labour(facts: Facts, title: str, cite: str, group: str, key_county: bool) -> Check:
    """脱贫劳动力 / 农村低收入劳动力, in or outside a 省级乡村振兴重点帮扶县."""
    name = {"alleviated": "脱贫人口", "rural_low_income": "农村低收入人口"}[group]
    county = "属于省级乡村振兴重点帮扶县"
    parts = in_turn(
        lambda: one_of(facts, "poverty_status", {group}, "", f"您是全国扶贫开发信息系统中的{name}",
                       f"您不是{name}"),
        lambda: flag(facts, "in_key_assistance_county", "", county, f"不{county}", met_when=key_county),
        lambda: working_age(facts, ""),
        lambda: flag(facts, "able_and_willing_to_work", "", "有劳动能力和就业意愿", "没有劳动能力或就业意愿"),
        lambda: _not_working(facts),
    )
    return combined(title, cite, parts)


def difficulty_checks(facts: Facts) -> list[Check]:
    """The ten categories of 就业困难人员 (附件2 一)."""
    return [
        zero_employment_family(facts),
        one_of(facts, "dibao_family", {"urban"}, "a2-1-2", "您家是城市低保家庭。", "您家不是城市低保家庭。",
               "城市最低生活保障家庭成员"),
        _registered_near_retirement(facts),
        flag(facts, "disabled", "a2-1-4", "您是残疾人。", "您不是残疾人。", "残疾人"),
        flag(facts, "single_parent_of_minor", "a2-1-5", "是。", "不是。", "单亲抚养未成年人者"),
        flag(facts, "military_spouse_without_work", "a2-1-6", "是。", "不是。", "随军后无工作的现役军人配偶"),
        flag(facts, "special_care_recipient", "a2-1-7", "是。", "不是。", "享受定期定量抚恤和生活补助的优抚对象"),
        one_of(facts, "martyr_family", {"child", "other"}, "a2-1-8", "您是烈属。", "您不是烈属。", "烈属"),
        _rural_labour(facts, "脱贫劳动力", "a2-1-9", "alleviated", key_county=True),
        _rural_labour(facts, "农村低收入劳动力", "a2-1-10", "rural_low_income", key_county=True),
    ]


def reference_checks(facts: Facts) -> list[Check]:
    """The five categories who may be treated as 就业困难人员 (附件2 二)."""
    return [
        flag(facts, "model_worker", "a2-2-1", "是。", "不是。", "县级以上（含县级）劳动模范"),
        flag(facts, "land_expropriated_farmer", "a2-2-2", "是。", "不是。", "土地被依法征收的失地农民"),
        _rural_labour(facts, "非省级乡村振兴重点帮扶县的脱贫劳动力", "a2-2-3", "alleviated", key_county=False),
        _rural_labour(facts, "非省级乡村振兴重点帮扶县的农村低收入劳动力", "a2-2-4", "rural_low_income",
                      key_county=False),
        combined("符合条件的孤儿", ORPHAN_MIN_AGE.cite, in_turn(
            lambda: flag(facts, "orphan", "", "您是全国儿童福利信息系统中的孤儿", "您不是孤儿"),
            lambda: at_least_age(facts, ORPHAN_MIN_AGE.value, ORPHAN_MIN_AGE.text, ""),
            lambda: flag(facts, "able_and_willing_to_work", "", "有劳动能力和就业意愿", "没有劳动能力或就业意愿"),
        )),
    ]


def employment_difficulty(facts: Facts) -> Verdict:
    """Whether the person is a 就业困难人员 (附件2 一), as other measures ask."""
    return any_of(*difficulty_checks(facts))


def assess(facts: Facts) -> Assessment:
    difficulty, reference = difficulty_checks(facts), reference_checks(facts)
    notes = []
    if any_of(*difficulty).outcome == MET:
        notes.append("就业困难人员可通过组织参加职业培训、推荐企业吸纳、帮助灵活就业、扶持自主创业、"
                     "公益性岗位援助等方式获得就业帮扶（第（十三）条）；具体认定以公共就业服务机构为准。")
    elif any_of(*reference).outcome == MET:
        notes.append("您属于可参照就业困难人员享受相关政策的人员，还须符合《辽宁省人民政府关于深入实施就业优先政策"
                     "进一步做好稳就业工作的若干意见》（辽政发〔2020〕9号）规定的参照享受条件。")
    if difficulty[0].cite == REMOVED_ONCE_EMPLOYED.cite:
        notes.append("家庭中尚未就业的其他成员，可获得就业指导、岗位信息、推荐培训等公共就业服务；"
                     "符合其他类别就业困难人员条件的，可按其他类别落实援助政策（第（十三）条）。")
    checks = difficulty + reference
    return Assessment(
        verdict=any_of(*checks),
        conditions=shown(checks),
        apply=f"可向{OFFICE}咨询就业困难人员认定和相应的援助政策。",
        notes=notes + retirement_note(facts),
    )


MEASURE = Measure(
    id="a2",
    clause="c13",
    title="就业困难人员及参照享受相关政策人员范围",
    audiences=frozenset({"individual"}),
    office=OFFICE,
    assess=assess,
    attachment="a2",
)
