"""The one contact the site gives that the notice does not: the national 人社 hotline.

Each result of the self-check names the office the notice names for its measure (`office`, declared in
calculator/measures/); beyond those, the site gives only this number, as the general enquiry line, saying that it
is the national line and not one the notice sets up. No address, form or list of documents is ever added.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hotline:
    number: str
    name: str
    what: str  # what the page says the line is
    source: str  # where the fact comes from (it is not in the notice)


NATIONAL_HOTLINE = Hotline(
    number="12333",
    name="全国人社服务热线",
    what="人力资源和社会保障部门全国统一的咨询服务电话，不是本通知设立的办理渠道",
    source="人力资源和社会保障部（www.mohrss.gov.cn）公布的全国统一人社咨询服务号码 12333",
)
