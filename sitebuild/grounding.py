"""What a plain-language line may say: every figure and every office it names must stand in the sentences it
cites, written the same way (a sentence's 4个月 may not become 120天, its 征缴机构 may not become 经办机构).

Figures are found by their shapes: dates (2021年12月31日, 2020年末, 2022届, 2020年度), fractions (1/3, 三分之一),
and numbers in Arabic or Chinese numerals with their unit (60％, 1.5倍, 3次, 4个月, 30人, 300元, 10万元, 一次).
Offices are found by the words that make a name an office (…部门, …机构, …局, …厅, 税务…, 经办…, 街道, 社区…);
the name is the run of characters around that word up to punctuation or a linking word (由, 向, 按照, 的…).
There is no list of offices: the cited sentence is the list, so a line can only name an office as the notice does.
"""

from __future__ import annotations

import re
import unicodedata

_CN = "零〇一二两三四五六七八九十百千万半"
# Units a count or amount is written with, longest first so 个月 wins over 月 and 万元 over 元.
_UNITS = ("个月", "周岁", "万元", "亿元", "季度", "年度", "%", "倍", "次", "年", "月", "日", "天", "周", "岁", "人",
          "名", "元", "届", "项", "类", "条", "号", "户", "个", "批", "级")
_UNIT = "|".join(map(re.escape, _UNITS))
_FIGURE = re.compile(
    r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?|末|底|初|度)?"  # a year, a month, a day: one figure
    r"|\d{4}届"
    r"|\d{1,2}月\d{1,2}日"
    r"|\d+/\d+"
    rf"|[{_CN}]+分之[{_CN}]+"
    rf"|\d+(?:\.\d+)?(?:{_UNIT})?"
    rf"|[{_CN}]+(?:{_UNIT})"
)
# 附件1 and 第（十二）条 point to another part of the notice: links, not figures (see `part_references`).
_PART_REFERENCE = re.compile(r"附件(\d+)|第[（(]([一二三四五六七八九十]+)[）)]条")

# Words that end an office's name (…部门, …局), and words that mark one wherever they stand (税务…, 街道).
_OFFICE_HEADS = ("部门", "机构", "办公室", "办事处", "委员会", "政府", "中心", "窗口", "局", "厅")
_MINISTRY = r"(?<![内全干局])部(?![分署门位长队])"  # 教育部, 人力资源社会保障部; not 内部, 部署, 部分
_OFFICE_MARKERS = ("公共就业服务", "人力资源", "税务", "经办", "街道", "社区", "人社")
_COMMISSION = r"委(?![托员屈])"  # 省发展改革委; not 委托
_OFFICE_WORD = re.compile("|".join((*_OFFICE_HEADS, _MINISTRY, _COMMISSION, *_OFFICE_MARKERS)))
_OFFICE_HEAD = re.compile("|".join((*_OFFICE_HEADS, _MINISTRY, _COMMISSION)))
# A name runs over Chinese characters and stops at punctuation, at 、 and at the words that link it to a verb.
_LINKING_WORDS = ("按照", "依据", "根据", "通过", "报送", "负责", "由", "向", "到", "找", "去", "请", "在", "经", "的",
                  "对", "给", "被", "把", "从", "跟", "与", "或", "及", "是", "为", "让", "将", "按", "报", "送")
# A word before a name that makes it another office: 省, 县, 当地, 各级 … (看征缴机构 is 征缴机构; 省征缴机构 is not).
_QUALIFIER_ENDS = "省市县区乡镇村级地家央"
# Document numbers (葫人社函〔2021〕49号) name documents, not offices, though they hold 人社.
_DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]+[〔\[]\d{4}[〕\]]\d+号")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]*")


def normalized(text: str) -> str:
    """Full-width and half-width forms alike (％ and %, （ and (): the same figure in the same form."""
    return unicodedata.normalize("NFKC", text)


def _masked(text: str, pattern: re.Pattern[str]) -> str:
    """`text` normalized, with what `pattern` matches blanked out (the same length, so spans still fit `text`)."""
    return pattern.sub(lambda m: "＿" * len(m.group()), normalized(text))


def _as_written(text: str, searched: str, start: int, end: int) -> str:
    """A span found in the normalized `searched`, as `text` writes it (where normalizing kept the length)."""
    return text[start:end] if len(text) == len(searched) else searched[start:end]


def figures(text: str) -> list[str]:
    """The figures a text states, each with its unit, as written: ['2021年12月31日', '60％', '4个月']."""
    searched = _masked(text, _PART_REFERENCE)
    return [_as_written(text, searched, *m.span()) for m in _FIGURE.finditer(searched)]


def _stands_in(figure: str, text: str) -> bool:
    """`figure` occurs in the normalized `text` as a whole figure: 2人 does not stand in 12人, nor 1 in 1.5."""
    figure = normalized(figure)
    numeral = r"[\d./]" if figure[0].isdigit() else f"[{_CN}]"
    after = r"(?![\d.])" if figure[-1].isdigit() else ""
    return re.search(rf"(?<!{numeral}){re.escape(figure)}{after}", text) is not None


def _name_start(text: str, start: int, limit: int) -> int:
    """Where the name ending at `start` begins: back over Chinese characters to a linking word or `limit`."""
    while start > limit and _HAN.match(text[start - 1]) and not text[:start].endswith(_LINKING_WORDS):
        start -= 1
    return start


def _name_end(text: str, end: int) -> int:
    """Where the name of a marker (税务…, 街道…) ends: at the head word that ends it if one follows in the same
    run of characters before any linking word (经办机构, 税务部门), else at the marker itself (街道)."""
    run = _HAN_RUN.match(text, end).group()  # type: ignore[union-attr]  # `*`: it matches, if only ""
    for word in _LINKING_WORDS:
        if (cut := run.find(word)) >= 0:
            run = run[:cut]
    head = _OFFICE_HEAD.search(run)
    return end + head.end() if head else end


def offices(text: str) -> list[str]:
    """The offices a text names, each as written: ['征缴机构', '街道', '社区公共就业服务机构']."""
    searched = _masked(text, _DOCUMENT_NUMBER)
    names, taken = [], 0
    for match in _OFFICE_WORD.finditer(searched):
        if match.start() < taken:
            continue  # inside a name already found
        end = match.end() if _OFFICE_HEAD.fullmatch(match.group()) else _name_end(searched, match.end())
        names.append(_as_written(text, searched, _name_start(searched, match.start(), taken), end))
        taken = end
    return names


def part_reference_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, part id) of each other part a text points to: 附件2 → a2, 第（十二）条 → c12."""
    numerals = "一二三四五六七八九十"
    found = []
    for match in _PART_REFERENCE.finditer(text):
        if match.group(1):
            part = f"a{match.group(1)}"
        else:
            tens, ten, units = match.group(2).rpartition("十")
            number = (numerals.index(tens) + 1 if tens else 1) * 10 if ten else 0
            part = f"c{number + (numerals.index(units) + 1 if units else 0):02d}"
        found.append((match.start(), match.end(), part))
    return found


def part_references(text: str) -> list[str]:
    return [part for _, _, part in part_reference_spans(text)]


def _office_stands_in(name: str, cited: str, cited_offices: list[str]) -> bool:
    """`name` stands in the cited text, or is one of its offices after a word that does not qualify it (看征缴机构)."""
    return name in cited or any(
        name.endswith(office) and not name[: -len(office)].endswith(tuple(_QUALIFIER_ENDS)) for office in cited_offices
    )


def ungrounded(line: str, cited: str) -> list[str]:
    """What `line` states that `cited` (the text of the sentences it cites) does not: a problem per figure or office."""
    cited = normalized(cited)
    problems = [f"{figure!r} does not stand in its cited sentences" for figure in figures(line)
                if not _stands_in(figure, cited)]
    cited_offices = offices(cited)
    for name in offices(line):
        if _OFFICE_HEAD.fullmatch(normalized(name)):
            problems.append(f"{name!r} names an office by a bare word: name it as the cited sentence does")
        elif not _office_stands_in(normalized(name), cited, cited_offices):
            problems.append(f"office {name!r} does not stand in its cited sentences")
    return problems
