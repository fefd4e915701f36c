"""附件2 with （十三）: who is in the scope of 就业困难人员 (ten categories), and who may be treated as one (five
more, on the conditions of 辽政发〔2020〕9号, which the notice does not list). A scope result: 属于…范围.

The groups themselves are defined in calculator/employment_difficulty.py, which （三） and （十四） read too."""

from __future__ import annotations

from ..age_checks import RETIREMENT_AGE, retirement_note
from ..employment_difficulty import (
    EMPLOYMENT_DIFFICULTY, REMOVED_ONCE_EMPLOYED, TREATED_AS_EMPLOYMENT_DIFFICULTY, difficulty_checks,
    reference_checks, reference_conditions,
)
from ..facts import Facts
from ..inputs import REFERENCE_DOCUMENT
from ..measure import Measure
from ..result import MET, NOT_MET, Assessment, Check, all_of, any_of

DIFFICULTY = "就业困难人员范围"
REFERENCE_GROUP = "可参照就业困难人员享受相关政策人员范围"
SCOPE = "就业困难人员及参照享受相关政策人员范围"


def _shown(difficulty: list[Check], reference: list[Check], conditions: Check) -> list[Check]:
    """The categories met, if any: of the ten alone, or of the five with 辽政发〔2020〕9号's conditions (and the
    ten while the person may still be one); otherwise every category."""
    if any_of(*difficulty).outcome == MET:
        return [check for check in difficulty if check.outcome == MET]
    referred = [check for check in reference if check.outcome == MET]
    if referred:
        return ([] if conditions.outcome == MET else difficulty) + referred + [conditions]
    return difficulty + reference


def assess(facts: Facts) -> Assessment:
    difficulty, reference = difficulty_checks(facts), reference_checks(facts)
    conditions = reference_conditions(facts)
    is_difficult, referred = any_of(*difficulty), any_of(*reference)
    treated_as = all_of(referred, conditions) if referred.outcome == MET else referred
    verdict = any_of(is_difficult, treated_as)
    notes = ["附件2只列出人员范围；就业困难人员的认定和可享受的援助政策的具体条件、标准按有关规定执行，本通知没有写明，"
             "由哪个部门认定，本通知也没有写明。"]
    if is_difficult.outcome == MET:
        notes.append("就业困难人员可通过组织参加职业培训、推荐企业吸纳、帮助灵活就业、扶持自主创业、"
                     "公益性岗位援助等方式获得就业帮扶（第（十三）条）。")
    elif referred.outcome != NOT_MET:
        notes.append(f"附件2第二部分所列人员，须符合{REFERENCE_DOCUMENT}规定的条件，才可参照就业困难人员享受有关援助和"
                     f"帮扶政策；这些条件本通知没有列出。")
    if difficulty[0].cite == REMOVED_ONCE_EMPLOYED.cite:
        notes.append("家庭中尚未就业的其他成员，可获得就业指导、岗位信息、推荐培训等公共就业服务；"
                     "符合其他类别就业困难人员条件的，可按其他类别落实援助政策（第（十三）条）。")
    return Assessment(
        verdict=verdict,
        conditions=_shown(difficulty, reference, conditions),
        apply="就业困难人员的认定和相应的援助政策，按有关规定执行。",
        notes=notes + retirement_note(facts),
        scope=DIFFICULTY if is_difficult.outcome == MET else REFERENCE_GROUP,
    )


MEASURE = Measure(
    id="a2",
    clause="c13",
    title="就业困难人员及参照享受相关政策人员范围",
    audiences=frozenset({"individual"}),
    assess=assess,
    figures=(REMOVED_ONCE_EMPLOYED,),
    concepts=(EMPLOYMENT_DIFFICULTY, TREATED_AS_EMPLOYMENT_DIFFICULTY, RETIREMENT_AGE),
    attachment="a2",
    scope=SCOPE,
)
