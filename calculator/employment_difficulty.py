"""就业困难人员 (附件2 一, ten categories), those who may be treated as one (附件2 二, five more on the conditions
of 辽政发〔2020〕9号) and 城镇零就业家庭 (附件2 一 1, with （十三）'s removal once a member works): the groups that
（三）, （十四） and 附件2 itself ask about, defined here once."""

from __future__ import annotations

from .age_checks import RETIREMENT_AGE, WORKING_AGE, at_least_age, near_retirement, working_age
from .checks import AT_LEAST, among, answer, combined, condition, in_turn, stated, unknown
from .concept import Concept
from .facts import Facts
from .parameter import figure
from .result import MET, Check

ZERO_EMPLOYMENT_MIN_MEMBERS = figure("zero-employment-min-members")
REMOVED_ONCE_EMPLOYED = figure("zero-employment-removal")
NEAR_RETIREMENT = figure("registered-near-retirement")  # months
ORPHAN_MIN_AGE = figure("orphan-min-age")

HOUSEHOLD = ("household_able_members", "household_members_working", "household_members_with_business_income")
REFERENCE_CONDITIONS = "符合辽政发〔2020〕9号规定的参照享受条件"
NOT_WORKING = {"not_working"}


def zero_employment_family(facts: Facts, title: str = "城镇零就业家庭成员") -> Check:
    """城镇零就业家庭 exactly as 附件2 defines it, and removed once one member works (（十三）)."""
    if facts.get("household_urban") is None:
        return unknown(facts, title, "a2-1-1", "household_urban")
    urban = stated(facts, "household_urban", {True})
    if not urban.holds:
        return condition(title, "a2-1-1", urban)
    able, working, income = (facts.get(input_id) for input_id in HOUSEHOLD)
    members = urban.aside() + "；" + (stated(facts, "household_able_members").aside() + "，" if able is not None else "")
    if working is not None and working >= REMOVED_ONCE_EMPLOYED.value:
        return condition(title, REMOVED_ONCE_EMPLOYED.cite, members + stated(facts, "household_members_working", {0})
                         + f"；零就业家庭成员中{REMOVED_ONCE_EMPLOYED.text}的，要将该家庭从零就业家庭中移除")
    if able is None or working is None or income is None:
        return unknown(facts, title, "a2-1-1", *HOUSEHOLD,
                       need="还需要同一户口内在法定劳动年龄内、有劳动能力和就业要求的家庭成员人数，"
                            "以及其中就业和有经营性、投资性收入的人数")
    qualifying = able - income
    said = (members + stated(facts, "household_members_working").aside() + "，"
            + stated(facts, "household_members_with_business_income").aside()
            + AT_LEAST.said(qualifying, ZERO_EMPLOYMENT_MIN_MEMBERS.value,
                            f"；处于无业状态且无经营性、投资性收入的{qualifying}人，",
                            (ZERO_EMPLOYMENT_MIN_MEMBERS.text, f"{ZERO_EMPLOYMENT_MIN_MEMBERS.value}名")))
    return condition(title, "a2-1-1", said)


def not_working(facts: Facts) -> Check:
    """Without work on the judgement date (a part of a combined condition)."""
    return answer(facts, "employment_status", NOT_WORKING, "")


def _registered_near_retirement(facts: Facts) -> Check:
    title = f"登记失业人员中距法定退休年龄{NEAR_RETIREMENT.text}的人员"
    return combined(title, NEAR_RETIREMENT.cite, in_turn(
        lambda: not_working(facts),
        lambda: answer(facts, "registered_unemployed", {True}, ""),
        lambda: near_retirement(facts, NEAR_RETIREMENT, inclusive=True),
    ))


def _rural_labour(facts: Facts, title: str, cite: str, group: str, key_county: bool) -> Check:
    """脱贫劳动力 / 农村低收入劳动力, in or outside a 省级乡村振兴重点帮扶县."""
    return combined(title, cite, in_turn(
        lambda: answer(facts, "poverty_status", {group}, ""),
        lambda: answer(facts, "in_key_assistance_county", {key_county}, ""),
        lambda: working_age(facts, ""),
        lambda: answer(facts, "able_and_willing_to_work", {True}, ""),
        lambda: not_working(facts),
    ))


def difficulty_checks(facts: Facts) -> list[Check]:
    """The ten categories of 就业困难人员 (附件2 一)."""
    return [
        zero_employment_family(facts),
        answer(facts, "dibao_family", {"urban"}, "a2-1-2", "城市最低生活保障家庭成员"),
        _registered_near_retirement(facts),
        answer(facts, "disabled", {True}, "a2-1-4", "残疾人"),
        answer(facts, "single_parent_of_minor", {True}, "a2-1-5", "单亲抚养未成年人者"),
        answer(facts, "military_spouse_without_work", {True}, "a2-1-6", "随军后无工作的现役军人配偶"),
        answer(facts, "special_care_recipient", {True}, "a2-1-7", "享受定期定量抚恤和生活补助的优抚对象"),
        answer(facts, "martyr_family", {"child", "other"}, "a2-1-8", "烈属"),
        _rural_labour(facts, "脱贫劳动力", "a2-1-9", "alleviated", key_county=True),
        _rural_labour(facts, "农村低收入劳动力", "a2-1-10", "rural_low_income", key_county=True),
    ]


def reference_checks(facts: Facts) -> list[Check]:
    """The five categories who may be treated as 就业困难人员 (附件2 二), before the conditions of 辽政发〔2020〕9号."""
    return [
        answer(facts, "model_worker", {True}, "a2-2-1", "县级以上（含县级）劳动模范"),
        answer(facts, "land_expropriated_farmer", {True}, "a2-2-2", "土地被依法征收的失地农民"),
        _rural_labour(facts, "非省级乡村振兴重点帮扶县的脱贫劳动力", "a2-2-3", "alleviated", key_county=False),
        _rural_labour(facts, "非省级乡村振兴重点帮扶县的农村低收入劳动力", "a2-2-4", "rural_low_income",
                      key_county=False),
        combined("符合条件的孤儿", ORPHAN_MIN_AGE.cite, in_turn(
            lambda: answer(facts, "orphan", {True}, ""),
            lambda: at_least_age(facts, ORPHAN_MIN_AGE.value, f"{ORPHAN_MIN_AGE.value}周岁（含）以上", ""),
            lambda: answer(facts, "able_and_willing_to_work", {True}, ""),
        )),
    ]


def reference_conditions(facts: Facts) -> Check:
    """The conditions of 辽政发〔2020〕9号 that the five categories must also meet (附件2 二's opening words)."""
    return answer(facts, "meets_reference_conditions", {True}, "a2-2-intro", REFERENCE_CONDITIONS)


def employment_difficulty(facts: Facts, title: str, cite: str) -> Check:
    """Whether the person is a 就业困难人员 (附件2 一), as one condition of another measure."""
    return among(title, cite, difficulty_checks(facts), "附件2第一部分所列的十类人员")


def by_reference(facts: Facts, title: str, cite: str) -> Check:
    """Whether the person may be treated as a 就业困难人员 (附件2 二, on 辽政发〔2020〕9号's conditions), as one
    condition of another measure."""
    group = among(title, cite, reference_checks(facts), "附件2第二部分所列的五类人员")
    return combined(title, cite, [group, reference_conditions(facts)]) if group.outcome == MET else group


ZERO_EMPLOYMENT_FAMILY = Concept("城镇零就业家庭", figures=(ZERO_EMPLOYMENT_MIN_MEMBERS, REMOVED_ONCE_EMPLOYED),
                                 inputs=("household_urban", *HOUSEHOLD))
EMPLOYMENT_DIFFICULTY = Concept(
    "就业困难人员", figures=(NEAR_RETIREMENT,),
    inputs=("dibao_family", "employment_status", "registered_unemployed", "disabled", "single_parent_of_minor",
            "military_spouse_without_work", "special_care_recipient", "martyr_family", "poverty_status",
            "in_key_assistance_county", "able_and_willing_to_work"),
    concepts=(ZERO_EMPLOYMENT_FAMILY, RETIREMENT_AGE, WORKING_AGE),
)
TREATED_AS_EMPLOYMENT_DIFFICULTY = Concept(
    "可参照就业困难人员享受相关政策人员", figures=(ORPHAN_MIN_AGE,),
    inputs=("model_worker", "land_expropriated_farmer", "poverty_status", "in_key_assistance_county",
            "able_and_willing_to_work", "employment_status", "orphan", "birth_date", "meets_reference_conditions"),
    concepts=(WORKING_AGE,),
)
