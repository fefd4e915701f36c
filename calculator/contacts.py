"""Where a resident can ask: the office the notice names for a measure, or, where it names none, the national
人社 hotline — the one contact given that the notice does not (its source is said with it).

No address, form or list of documents is ever added: the notice gives none.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Office:
    """An office as the notice names it, and the sentence that names it."""

    name: str
    cite: str

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "cite": self.cite}


@dataclass(frozen=True, slots=True)
class Hotline:
    number: str
    name: str
    what: str  # what the line is, as the site and the command line say it
    source: str  # where the fact comes from (it is not in the notice)


NATIONAL_HOTLINE = Hotline(
    number="12333",
    name="全国人社服务热线",
    what="人力资源和社会保障部门全国统一的咨询服务电话，不是本通知设立的办理渠道",
    source="人力资源和社会保障部（www.mohrss.gov.cn）公布的全国统一人社咨询服务号码 12333",
)

NO_OFFICE = "通知没有写明受理部门"


def enquiry(office: Office | None) -> str:
    """Whom to ask, as a clause of a sentence: the office the notice names, else that it names none and the line."""
    if office is not None:
        return f"可向{office.name}咨询"
    return f"{NO_OFFICE}，可拨打{NATIONAL_HOTLINE.name}{NATIONAL_HOTLINE.number}咨询"
