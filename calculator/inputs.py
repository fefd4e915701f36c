"""The input catalogue: every question the calculator can use, declared once.

The self-check form, the command line, the docs' field reference and the tests all read this catalogue.
`ask_if` is declarative (every listed input must hold one of the listed values) so the browser form can show
or hide a question before Python has loaded. A question comes after every question its `ask_if` names.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

BOOL, COUNT, MONEY, DATE, CHOICE = "bool", "count", "money", "date", "choice"

EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2100, 12, 31)

# Choice values that measures and `ask_if` both refer to.
LISTED_UNIT_TYPES = (
    "enterprise", "social_group", "foundation", "social_service_org",
    "law_firm", "accounting_firm", "individual_economic_org",
)
SCHOOL_KINDS = ("undergraduate_university", "higher_vocational", "secondary_vocational", "technical_school")
HIGHER_EDUCATION = ("undergraduate_university", "higher_vocational")
UNEMPLOYMENT_ASSISTANCE_CASES = ("ended_still_unemployed", "not_entitled")
PREPARATORY_TRAINEES = ("rural", "urban_dibao")


AskIf = Mapping[str, Sequence[Any]]
"""An input's id → the answers to it under which a question is asked."""


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    statement: str  # the answer in the second person, as a result states it: “您家是城市低保家庭”


@dataclass(frozen=True, slots=True)
class Input:
    """A question. Every yes/no and choice answer has its own statement (`statements`, value → words), and a
    count may have one too (`template`, e.g. “上年度裁员{}人”): a condition on an answer says what was
    answered in these words and nothing else (calculator/checks.py), so its text cannot state another answer."""

    id: str
    label: str
    help: str
    type: str
    choices: tuple[Choice, ...] = ()
    min: int | Decimal | date | None = None
    max: int | Decimal | date | None = None
    unit: str | None = None
    ask_if: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    statements: tuple[tuple[Any, str], ...] = ()
    template: str | None = None

    def asked(self, answers: Mapping[str, Any]) -> bool:
        """Whether this question is asked, given the answers to the questions before it: every input its
        `ask_if` names holds one of the listed values. The self-check page does the same in the browser, from
        the `ask_if` of `as_json` (docs/assets/selfcheck/form.mjs; a test runs both over every question)."""
        # A loop: twice as fast as all(…), and the batch asks this of every question in every row.
        for condition, allowed in self.ask_if:  # noqa: SIM110
            if answers.get(condition) not in allowed:
                return False
        return True

    def choice_label(self, value: str) -> str:
        return next(choice.label for choice in self.choices if choice.value == value)

    def statement(self, value: Any) -> str:
        """The answer `value` in the second person (“您以前没有领取过失业补助金”)."""
        if self.template is not None:
            return self.template.format(value)
        return STATEMENTS[self.id][value]

    def as_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"id": self.id, "label": self.label, "help": self.help, "type": self.type}
        if self.type == CHOICE:
            entry["choices"] = [{"value": c.value, "label": c.label} for c in self.choices]
        entry["min"] = _json_bound(self.min)
        entry["max"] = _json_bound(self.max)
        entry["unit"] = self.unit
        entry["ask_if"] = {key: list(values) for key, values in self.ask_if} or None
        return entry


def _json_bound(bound: int | Decimal | date | None) -> int | float | str | None:
    if isinstance(bound, date):
        return bound.isoformat()
    if isinstance(bound, Decimal):
        return int(bound) if bound == bound.to_integral_value() else float(bound)
    return bound


def _ask_if(condition: AskIf | None) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    return tuple((key, tuple(values)) for key, values in (condition or {}).items())


def yes_no(id: str, label: str, yes: str, no: str, help: str = "",
           ask_if: AskIf | None = None) -> Input:
    """A yes/no question; `yes` and `no` state each answer (“您是残疾人” / “您不是残疾人”)."""
    return Input(id, label, help, BOOL, ask_if=_ask_if(ask_if), statements=((True, yes), (False, no)))


def count(id: str, label: str, help: str, unit: str, *, max: int, min: int = 0,
          ask_if: AskIf | None = None, said: str | None = None) -> Input:
    """A whole number; `said` states an answer where a result does (“上年度裁员{}人”)."""
    return Input(id, label, help, COUNT, min=min, max=max, unit=unit, ask_if=_ask_if(ask_if), template=said)


def money(id: str, label: str, help: str, *, max: int, unit: str = "元",
          ask_if: AskIf | None = None) -> Input:
    return Input(id, label, help, MONEY, min=Decimal(0), max=Decimal(max), unit=unit, ask_if=_ask_if(ask_if))


def day(id: str, label: str, help: str = "", ask_if: AskIf | None = None) -> Input:
    return Input(id, label, help, DATE, min=EARLIEST_DATE, max=LATEST_DATE, ask_if=_ask_if(ask_if))


def choice(id: str, label: str, help: str, choices: Mapping[str, tuple[str, str]],
           ask_if: AskIf | None = None) -> Input:
    """A choice; `choices` maps each value to its label and the statement of that answer."""
    options = tuple(Choice(value, text, said) for value, (text, said) in choices.items())
    return Input(id, label, help, CHOICE, choices=options, ask_if=_ask_if(ask_if),
                 statements=tuple((option.value, option.statement) for option in options))


# Who is asked what: the answers a question's `ask_if` requires, shared by the questions that need them.
UNIT: AskIf = {"asker": ["unit"]}
INDIVIDUAL: AskIf = {"asker": ["individual"]}
RUNS_INTERNSHIP: AskIf = {**UNIT, "runs_internship": [True]}
NOT_WORKING: AskIf = {**INDIVIDUAL, "employment_status": ["not_working"]}
ASSISTANCE_CASE: AskIf = {**NOT_WORKING, "insured_before_unemployment": [True],
                   "ui_benefit_situation": list(UNEMPLOYMENT_ASSISTANCE_CASES)}
STUDENT_OR_GRADUATE: AskIf = {**INDIVIDUAL, "school_kind": list(SCHOOL_KINDS)}
URBAN_HOUSEHOLD: AskIf = {**INDIVIDUAL, "household_urban": [True]}
IN_TRAINING: AskIf = {**INDIVIDUAL, "in_free_training": [True]}

LISTED_UNITS_IN_WORDS = "企业、社会团体、基金会、社会服务机构、律师事务所、会计师事务所或以单位形式参保的个体经济组织"
REFERENCE_DOCUMENT = ("《辽宁省人民政府关于深入实施就业优先政策进一步做好稳就业工作的若干意见》"
                      "（辽政发〔2020〕9号）")

# Questions about a time say it against the 判断日期 (the as-of date), never 今年 / 现在 / 目前 by themselves.
CATALOGUE: tuple[Input, ...] = (
    choice("asker", "您是以什么身份自测？",
           "个人：查看与自己有关的补贴和帮扶；用人单位或机构：查看稳岗返还、见习补贴等由单位申请的政策。",
           {"individual": ("个人", "您以个人身份自测"), "unit": ("用人单位或机构", "您以用人单位或机构身份自测")}),

    # ---- 用人单位或机构 ----
    choice("unit_type", "贵单位在葫芦岛市参加失业保险，属于哪类参保单位？",
           "失业保险稳岗返还面向在我市参加失业保险的企业、社会团体、基金会、社会服务机构、律师事务所、"
           "会计师事务所和以单位形式参保的个体经济组织。",
           {"enterprise": ("企业", "贵单位是企业"),
            "social_group": ("社会团体", "贵单位是社会团体"),
            "foundation": ("基金会", "贵单位是基金会"),
            "social_service_org": ("社会服务机构", "贵单位是社会服务机构"),
            "law_firm": ("律师事务所", "贵单位是律师事务所"),
            "accounting_firm": ("会计师事务所", "贵单位是会计师事务所"),
            "individual_economic_org": ("以单位形式参保的个体经济组织", "贵单位是以单位形式参保的个体经济组织"),
            "other": ("其他（以上都不是）", f"贵单位不是{LISTED_UNITS_IN_WORDS}")},
           ask_if=UNIT),
    choice("enterprise_size", "企业规模",
           "大型企业和中小微企业的稳岗返还比例上限不同；企业规模以经办机构的认定为准。",
           {"large": ("大型企业", "贵单位是大型企业"), "sme": ("中小微企业", "贵单位是中小微企业")},
           ask_if={**UNIT, "unit_type": ["enterprise"]}),
    count("insured_staff_last_year", "上年度参保职工人数",
          "上年度在本单位参加失业保险的职工人数，用于计算裁员率和判断是否属于30人（含）以下的参保单位。",
          "人", max=10_000_000, ask_if=UNIT, said="上年度参保职工{}人"),
    count("layoffs_last_year", "上年度裁员人数", "上年度没有裁员的填0。", "人", max=10_000_000, ask_if=UNIT,
          said="上年度裁员{}人"),
    count("insured_at_end_of_2020", "2020年末参保人数",
          "用于判断是否属于稳岗返还“免申即享”的范围（200人（含）以下）。", "人", max=10_000_000, ask_if=UNIT,
          said="2020年末参保人数{}人"),
    money("uic_paid_last_year", "上年度单位及其职工实际缴纳的失业保险费",
          "可依据征缴机构提供的上年度缴费记录确定。", max=10_000_000_000, ask_if=UNIT),
    yes_no("runs_internship", "贵单位是否组织了就业见习（与见习人员签订了见习协议）？",
           "贵单位组织了就业见习", "贵单位没有组织就业见习", ask_if=UNIT),
    day("internship_start", "见习协议约定的见习开始日期", ask_if=RUNS_INTERNSHIP),
    day("internship_end", "见习协议约定的见习期满日期", ask_if=RUNS_INTERNSHIP),
    choice("internship_term_unit", "见习协议是按月还是按天约定见习期限的？",
           "按协议的写法选择：写“见习期6个月”的选按月，写“见习期90天”的选按天。按月约定的，"
           "期满日是开始日若干个月后对应日的前一天（例如2021年1月1日开始、见习期6个月，期满日为2021年6月30日）。"
           "不回答的，开始日期到期满日期是整月的按日历月计算，不是整月的按天计算；两种算法结论不同时，自测会请您回答。",
           {"months": ("按月约定（如“见习期6个月”）", "见习协议按月约定见习期限"),
            "days": ("按天约定（如“见习期90天”）", "见习协议按天约定见习期限")},
           ask_if=RUNS_INTERNSHIP),
    day("intern_hired_on", "见习人员实现稳定就业的日期",
        "见习人员签订劳动合同等实现稳定就业的日期；到判断日期还没有就业的不填。", ask_if=RUNS_INTERNSHIP),
    yes_no("intern_retained", "见习期满后，贵单位是否留用了见习人员？",
           "见习期满后贵单位留用了见习人员", "见习期满后贵单位没有留用见习人员", ask_if=RUNS_INTERNSHIP),
    yes_no("internship_interrupted_by_epidemic", "见习是否因疫情影响暂时中断过？",
           "见习因疫情影响暂时中断过", "见习没有因疫情影响暂时中断过", ask_if=RUNS_INTERNSHIP),
    yes_no("hires_veterans_or_key_groups", "贵单位是否招用了退役士兵或重点群体人员？",
           "贵单位招用了退役士兵或重点群体人员", "贵单位没有招用退役士兵或重点群体人员",
           "“重点群体”的范围由财税〔2019〕22号等文件规定，本通知没有列出；请对照该文件或向税务部门咨询。",
           ask_if=UNIT),
    choice("honour_title", "在新一轮充分就业社区、青年就业见习基地建设中，贵单位获批的称号",
           "没有参加或没有获批的，选“没有获批”。",
           {"national": ("国家级", "贵单位获批国家级称号"), "provincial": ("省级", "贵单位获批省级称号"),
            "none": ("没有获批", "贵单位没有获批国家级、省级称号")}, ask_if=UNIT),

    # ---- 个人：基本情况 ----
    day("birth_date", "出生日期", "用于计算法定退休年龄和年龄条件。", ask_if=INDIVIDUAL),
    choice("sex", "性别", "用于计算法定退休年龄。", {"male": ("男", "您是男性"), "female": ("女", "您是女性")},
           ask_if=INDIVIDUAL),
    choice("female_retirement_category", "您原来适用的法定退休年龄",
           "渐进式延迟法定退休年龄改革之前的法定退休年龄；不清楚的可向社会保险经办机构查询。",
           {"worker": ("50周岁（女工人）", "您原来适用的法定退休年龄是50周岁（女工人）"),
            "cadre": ("55周岁（女干部）", "您原来适用的法定退休年龄是55周岁（女干部）")},
           ask_if={**INDIVIDUAL, "sex": ["female"]}),
    choice("employment_status", "在判断日期，您的工作状况是？", "",
           {"employed_enterprise": ("在企业工作（企业在职职工）", "您在企业工作（企业在职职工）"),
            "employed_other": ("在机关、事业单位、社会组织等其他单位工作",
                               "您在机关、事业单位、社会组织等其他单位工作"),
            "self_employed": ("个体经营或灵活就业", "您从事个体经营或灵活就业"),
            "not_working": ("没有工作（失业、无业）", "您没有工作（失业、无业）"),
            "student": ("在校学生", "您是在校学生"),
            "retired": ("已退休", "您已退休")},
           ask_if=INDIVIDUAL),
    yes_no("able_and_willing_to_work", "您是否有劳动能力，并且有就业意愿？",
           "您有劳动能力和就业意愿", "您没有劳动能力或没有就业意愿", ask_if=INDIVIDUAL),
    count("uib_contribution_months", "到判断日期，您累计缴纳失业保险费的月数",
          "各段参保缴费合并计算；满12个月即满1年。", "个月", max=1_000,
          ask_if={**INDIVIDUAL, "employment_status": ["employed_enterprise"]}, said="您累计缴纳失业保险费{}个月"),
    yes_no("registered_unemployed", "在判断日期，您是否已在公共就业服务机构办理失业登记？",
           "您已办理失业登记", "您没有办理失业登记", ask_if=NOT_WORKING),
    yes_no("insured_before_unemployment", "您失业前是否参加了失业保险？",
           "您失业前参加了失业保险", "您失业前没有参加失业保险", ask_if=NOT_WORKING),
    choice("ui_benefit_situation", "在判断日期，您领取失业保险金的情况是？", "",
           {"ended_still_unemployed": ("领取失业保险金期满，仍未就业", "您领取失业保险金期满，仍未就业"),
            "not_entitled": ("不符合领取失业保险金的条件", "您不符合领取失业保险金的条件"),
            "receiving": ("正在领取失业保险金", "您正在领取失业保险金")},
           ask_if={**NOT_WORKING, "insured_before_unemployment": [True]}),
    day("unemployment_case_date", "上述情形发生的日期",
        "领取失业保险金期满的，填期满日期；不符合领取条件的，填失业的日期。", ask_if=ASSISTANCE_CASE),
    yes_no("received_unemployment_assistance", "在判断日期以前，您是否领取过失业补助金？",
           "您以前领取过失业补助金", "您以前没有领取过失业补助金", ask_if=ASSISTANCE_CASE),

    # ---- 个人：学校和毕业 ----
    choice("school_kind", "您是否是以下学校的毕业生（含判断日期当年毕业的在校生）？", "",
           {"undergraduate_university": ("普通本科高校", "您是普通本科高校毕业生"),
            "higher_vocational": ("高职院校", "您是高职院校毕业生"),
            "secondary_vocational": ("中职学校（中等职业学校）", "您是中职学校（中等职业学校）毕业生"),
            "technical_school": ("技工院校", "您是技工院校毕业生"),
            "none": ("都不是", "您不是普通本科高校、高职院校、中职学校或技工院校的毕业生")},
           ask_if=INDIVIDUAL),
    yes_no("graduating_year", "在判断日期，您是否处于毕业年度（判断日期当年毕业）？",
           "您处于毕业年度", "您不在毕业年度", ask_if=STUDENT_OR_GRADUATE),
    yes_no("obtained_certificate_this_year",
           "判断日期当年，您是否参加了职业技能培训，并取得了职业资格证书或职业技能等级证书（含1+X证书中的X证书）？",
           "您当年参加了职业技能培训并取得了证书", "您当年没有参加职业技能培训并取得证书",
           ask_if={**STUDENT_OR_GRADUATE, "graduating_year": [True]}),
    count("training_subsidies_used_this_year", "判断日期当年，您已经享受过几次职业技能培训补贴？",
          "没有享受过的填0。", "次", max=100,
          ask_if={**STUDENT_OR_GRADUATE, "graduating_year": [True], "obtained_certificate_this_year": [True]}),
    yes_no("flexible_si_subsidy_ended", "在判断日期，您享受的灵活就业社会保险补贴是否已经期满？",
           "您享受的灵活就业社会保险补贴已经期满", "您没有享受灵活就业社会保险补贴，或还没有期满",
           "没有享受过的选“否”。", ask_if={**INDIVIDUAL, "school_kind": list(HIGHER_EDUCATION)}),
    yes_no("stable_employment", "在判断日期，您是否已经实现稳定就业？",
           "您已经实现稳定就业", "您还没有实现稳定就业",
           "通知没有定义“稳定就业”，以经办机构的认定为准。",
           ask_if={**INDIVIDUAL, "school_kind": list(HIGHER_EDUCATION), "flexible_si_subsidy_ended": [True]}),

    # ---- 个人：家庭和困难情况 ----
    choice("poverty_status", "您（或您的家庭）是否是脱贫人口或农村低收入人口？",
           "以全国扶贫开发信息系统中的登记为准；两者都是的，请选“脱贫人口”。",
           {"alleviated": ("脱贫人口（脱贫家庭）", "您是脱贫人口（脱贫家庭）"),
            "rural_low_income": ("农村低收入人口（农村低保对象、农村特困人员、农村易返贫致贫人口等）",
                                 "您是农村低收入人口"),
            "none": ("都不是", "您不是脱贫人口，也不是农村低收入人口")},
           ask_if=INDIVIDUAL),
    yes_no("in_key_assistance_county", "您所在的县（市、区）是否是省级乡村振兴重点帮扶县？",
           "您所在的县是省级乡村振兴重点帮扶县", "您所在的县不是省级乡村振兴重点帮扶县",
           "以全国扶贫开发信息系统中的登记为准。",
           ask_if={**INDIVIDUAL, "poverty_status": ["alleviated", "rural_low_income"]}),
    choice("dibao_family", "您家是否是最低生活保障（低保）家庭？", "",
           {"urban": ("城市低保家庭", "您家是城市低保家庭"), "rural": ("农村低保家庭", "您家是农村低保家庭"),
            "none": ("不是", "您家不是低保家庭")}, ask_if=INDIVIDUAL),
    yes_no("extreme_poverty", "您是否是特困人员？", "您是特困人员", "您不是特困人员", ask_if=STUDENT_OR_GRADUATE),
    yes_no("disabled", "您是否是残疾人？", "您是残疾人", "您不是残疾人", ask_if=INDIVIDUAL),
    yes_no("disabled_parent_poor_family", "您是否是家庭经济困难的残疾人子女？",
           "您是家庭经济困难的残疾人子女", "您不是家庭经济困难的残疾人子女", ask_if=STUDENT_OR_GRADUATE),
    choice("martyr_family", "您是否是烈属？", "",
           {"child": ("是，烈士子女", "您是烈士子女"), "other": ("是，烈士的其他遗属", "您是烈士的其他遗属"),
            "none": ("不是", "您不是烈属")}, ask_if=INDIVIDUAL),
    yes_no("orphan", "您是否是孤儿？", "您是孤儿", "您不是孤儿",
           "附件2所说的孤儿，指全国儿童福利信息系统中的孤儿。", ask_if=INDIVIDUAL),
    yes_no("state_student_loan", "您是否获得了国家助学贷款？", "您获得了国家助学贷款", "您没有获得国家助学贷款",
           ask_if=STUDENT_OR_GRADUATE),
    yes_no("household_urban", "您家是否是城镇居民家庭？", "您家是城镇居民家庭", "您家不是城镇居民家庭",
           "用于判断是否是城镇零就业家庭。", ask_if=INDIVIDUAL),
    count("household_able_members",
          "在判断日期，您家同一户口内，在法定劳动年龄内、有劳动能力和就业要求的家庭成员有几人（含您本人）？",
          "家庭成员指配偶、父母、子女和其他共同生活的近亲属（民法典第1045条）。", "人", max=50,
          ask_if=URBAN_HOUSEHOLD,
          said="同一户口内在法定劳动年龄内、有劳动能力和就业要求的家庭成员{}人"),
    count("household_members_working", "在判断日期，上述家庭成员中（含您本人）已经就业的有几人？", "", "人", max=50,
          ask_if=URBAN_HOUSEHOLD, said="其中已经就业的{}人"),
    count("household_members_with_business_income", "上述家庭成员中，没有就业但有经营性或投资性收入的有几人？",
          "", "人", max=50, ask_if=URBAN_HOUSEHOLD, said="没有就业但有经营性、投资性收入的{}人"),
    yes_no("single_parent_of_minor", "您是否是单亲抚养未成年人者？",
           "您是单亲抚养未成年人者", "您不是单亲抚养未成年人者", ask_if=INDIVIDUAL),
    yes_no("military_spouse_without_work", "您是否是随军后没有工作的现役军人配偶？",
           "您是随军后没有工作的现役军人配偶", "您不是随军后没有工作的现役军人配偶", ask_if=INDIVIDUAL),
    yes_no("special_care_recipient", "您是否是享受定期定量抚恤和生活补助的优抚对象？",
           "您是享受定期定量抚恤和生活补助的优抚对象", "您不是享受定期定量抚恤和生活补助的优抚对象",
           ask_if=INDIVIDUAL),
    yes_no("model_worker", "您是否是县级以上（含县级）劳动模范？",
           "您是县级以上（含县级）劳动模范", "您不是县级以上（含县级）劳动模范", ask_if=INDIVIDUAL),
    yes_no("land_expropriated_farmer", "您是否是土地被依法征收的失地农民？",
           "您是土地被依法征收的失地农民", "您不是土地被依法征收的失地农民", ask_if=INDIVIDUAL),
    yes_no("meets_reference_conditions",
           f"您是否符合{REFERENCE_DOCUMENT}规定的参照就业困难人员享受有关援助和帮扶政策的条件？",
           "您符合辽政发〔2020〕9号规定的参照享受条件", "您不符合辽政发〔2020〕9号规定的参照享受条件",
           "只有县级以上（含县级）劳动模范、土地被依法征收的失地农民、非省级乡村振兴重点帮扶县的脱贫劳动力和"
           "农村低收入劳动力、符合条件的孤儿需要回答（附件2第二部分）。这些条件由该文件规定，本通知没有列出；"
           "不清楚的可向当地街道、社区公共就业服务机构咨询。",
           ask_if=INDIVIDUAL),
    choice("veteran_or_key_group", "您是否是退役士兵或重点群体人员？",
           "“重点群体”的范围由财税〔2019〕22号等文件规定，本通知没有列出；请对照该文件或向税务部门咨询。",
           {"veteran": ("退役士兵", "您是退役士兵"), "key_group": ("重点群体人员", "您是重点群体人员"),
            "neither": ("都不是", "您不是退役士兵，也不是重点群体人员")}, ask_if=INDIVIDUAL),

    # ---- 个人：职业培训 ----
    yes_no("in_free_training", "判断日期当年，您是否参加了免费职业培训（含预备制培训）？",
           "您当年参加了免费职业培训", "您当年没有参加免费职业培训", ask_if=INDIVIDUAL),
    count("free_trainings_this_year", "判断日期当年，您累计参加了几次免费职业培训（含正在参加的这次）？", "", "次",
          min=1, max=100, ask_if=IN_TRAINING, said="这是您当年累计参加的第{}次免费职业培训"),
    count("training_days", "这次实际参加有效培训的天数", "", "天", max=366, ask_if=IN_TRAINING),
    money("rural_dibao_standard", "当地农村最低生活保障标准（每人每月）",
          "按当地民政部门公布的标准填写，用于估算脱贫人口的培训期间生活费补贴。", max=100_000, unit="元/月",
          ask_if={**IN_TRAINING, "poverty_status": ["alleviated"]}),
    money("urban_dibao_standard", "当地城市最低生活保障标准（每人每月）",
          "按当地民政部门公布的标准填写，用于估算就业困难人员的培训期间生活费补贴。", max=100_000, unit="元/月",
          ask_if=IN_TRAINING),
    choice("two_after_student", "您是否是参加预备制培训的“两后生”？",
           "“两后生”一般指初中、高中毕业后未能继续升学的人员，以当地认定为准。",
           {"rural": ("农村学员", "您是参加预备制培训的“两后生”中的农村学员"),
            "urban_dibao": ("城市低保家庭学员", "您是参加预备制培训的“两后生”中的城市低保家庭学员"),
            "other": ("其他“两后生”", "您是其他“两后生”"),
            "no": ("不是“两后生”", "您不是参加预备制培训的“两后生”")},
           ask_if=IN_TRAINING),
    count("preparatory_training_months", "参加预备制培训的月数", "", "个月", max=120,
          ask_if={**IN_TRAINING, "two_after_student": list(PREPARATORY_TRAINEES)}),

    # ---- 所有人 ----
    yes_no("ongoing_2020_benefit",
           "在判断日期，您（贵单位）是否有2020年度已受理、享受期还没有结束的减负稳岗扩就业政策？",
           "您（贵单位）有2020年度已受理、享受期还没有结束的减负稳岗扩就业政策",
           "您（贵单位）没有2020年度已受理、享受期还没有结束的减负稳岗扩就业政策"),
)

INPUTS: dict[str, Input] = {spec.id: spec for spec in CATALOGUE}
ORDER: dict[str, int] = {spec.id: index for index, spec in enumerate(CATALOGUE)}
STATEMENTS: dict[str, dict[Any, str]] = {spec.id: dict(spec.statements) for spec in CATALOGUE}
"""Each yes/no and choice answer's statement, by question and answer (an answer is of its question's type)."""


def catalogue() -> list[dict[str, Any]]:
    """The catalogue as JSON-serialisable dicts, in the order the questions are asked."""
    return [spec.as_json() for spec in CATALOGUE]
