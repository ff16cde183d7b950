"""Word automatic numbering (``numbering.xml``) rendered as the text Word shows.

Government Word files number their clauses with list numbering (一、 （一） 1. （1）),
so the numbers are not in the paragraph text.  No Python library renders Chinese
numbering formats, so this module does, following ECMA-376 Part 1 §17.9:

- a paragraph is numbered by its own ``w:numPr`` or by its style's (``w:pStyle``,
  inherited through ``w:basedOn``); ``numId`` 0 switches numbering off;
- without ``w:ilvl`` the level is the one of the abstract numbering linked to the
  paragraph's style (``w:lvl/w:pStyle``), else level 0;
- counters belong to the abstract numbering (every ``w:num`` of one ``w:abstractNum``
  continues one list); a ``w:num``'s ``w:lvlOverride/w:startOverride`` is that level's
  start in this ``w:num`` and restarts the level the first time the ``w:num`` is used;
  a ``w:lvlOverride/w:lvl`` replaces the level's definition;
- using a level restarts the lower levels (or only those whose ``w:lvlRestart``
  allows it; ``w:lvlRestart`` 0 never restarts);
- ``w:lvlText`` ``%1、`` / ``（%2）`` / ``第%1条`` / ``%1.%2`` with every ``%N`` in its level's
  ``w:numFmt`` (decimal under ``w:isLgl``), followed by ``w:suff`` (tab, space or nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

CN_DIGITS = "〇一二三四五六七八九"
CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
CN_LEGAL_TRADITIONAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
# 甲乙丙丁… (天干) and 子丑寅卯… (地支): ideographTraditional / ideographZodiac
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, *, digits: str = CN_DIGITS, units: str = "十百千", myriads: str = "万亿", zero: str = "零",
                     bare_ten: bool = True) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 105 -> 一百零五, 110 -> 一百一十, 10000 -> 一万.

    ``bare_ten`` writes 10–19 as 十… (as Word's chineseCounting does) rather than 一十….
    """
    if n == 0:
        return digits[0]
    if n < 0:
        return str(n)
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    out: list[str] = []
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out.append(zero)
        out.append(_four_digits(group, digits, units, zero))
        if index:
            out.append(myriads[index - 1] if index - 1 < len(myriads) else "")
        need_zero = False
    text = "".join(out)
    if bare_ten and text.startswith(digits[1] + units[0]):
        text = text[1:]
    return text


def _four_digits(group: int, digits: str, units: str, zero: str) -> str:
    """0 < group < 10000 without a leading zero: 1005 -> 一千零五."""
    places = [group // 1000, group // 100 % 10, group // 10 % 10, group % 10]
    names = [units[2], units[1], units[0], ""]
    out: list[str] = []
    pending_zero = False
    for digit, name in zip(places, names):
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append(zero)
            pending_zero = False
        out.append(digits[digit] + name)
    return "".join(out)


def _letters(n: int, base: str) -> str:
    """Word's letter lists: A … Z, AA … ZZ, AAA …"""
    if n <= 0:
        return str(n)
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _enclosed(n: int, first: int, last_value: int) -> str:
    """①… for 1..last_value; beyond that Word writes the plain number."""
    return chr(first + n - 1) if 1 <= n <= last_value else str(n)


def format_number(n: int, num_fmt: str) -> str:
    """The counter value ``n`` written in ``w:numFmt`` ``num_fmt`` (unknown formats: decimal)."""
    if num_fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        # (LibreOffice writes Word's chineseCounting as taiwaneseCountingThousand after a .doc round trip.)
        return chinese_counting(n)
    if num_fmt == "japaneseCounting":
        # Japanese counting writes 百 / 千 without a leading 一: 105 -> 百五, 110 -> 百十.
        return chinese_counting(n).replace("一百", "百").replace("一千", "千").replace("零", "")
    if num_fmt == "chineseLegalSimplified":
        return chinese_counting(n, digits=CN_LEGAL_DIGITS, units="拾佰仟", myriads="万亿", bare_ten=False)
    if num_fmt == "ideographLegalTraditional":
        return chinese_counting(n, digits=CN_LEGAL_TRADITIONAL_DIGITS, units="拾佰仟", myriads="萬億", bare_ten=False)
    if num_fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if num_fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = HEAVENLY_STEMS if num_fmt == "ideographTraditional" else EARTHLY_BRANCHES
        return cycle[(n - 1) % len(cycle)] if n > 0 else str(n)
    if num_fmt == "decimalFullWidth" or num_fmt == "decimalFullWidth2":
        return str(n).translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if num_fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        if num_fmt == "ideographEnclosedCircle":
            return chr(0x3280 + n - 1) if 1 <= n <= 10 else str(n)  # ㊀ … ㊉
        return _enclosed(n, 0x2460, 20)  # ① … ⑳
    if num_fmt == "decimalEnclosedParen":
        return _enclosed(n, 0x2474, 20)  # ⑴ … ⒇
    if num_fmt == "decimalEnclosedFullstop":
        return _enclosed(n, 0x2488, 20)  # ⒈ … ⒛
    if num_fmt == "decimalZero":
        return f"{n:02d}"
    if num_fmt == "upperLetter":
        return _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if num_fmt == "lowerLetter":
        return _letters(n, "abcdefghijklmnopqrstuvwxyz")
    if num_fmt == "upperRoman":
        return _roman(n)
    if num_fmt == "lowerRoman":
        return _roman(n).lower()
    if num_fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True)
class Level:
    """One ``w:lvl`` of an abstract numbering."""

    ilvl: int
    num_fmt: str = "decimal"
    lvl_text: str = "%1."
    start: int = 1
    restart: Optional[int] = None  # w:lvlRestart (None: restart after any higher level)
    suffix: str = "tab"
    is_legal: bool = False
    style: Optional[str] = None  # w:pStyle linking this level to a paragraph style


@dataclass(frozen=True)
class AbstractNum:
    id: str
    levels: dict[int, Level]
    num_style_link: Optional[str] = None  # w:numStyleLink: the definition lives in a numbering style


@dataclass(frozen=True)
class Num:
    id: str
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class StyleInfo:
    """What numbering a paragraph style carries, directly or through ``w:basedOn``."""

    num_id: Optional[str]
    ilvl: Optional[int]
    based_on: Optional[str]


def _val(el: Optional[etree._Element], default: Optional[str] = None) -> Optional[str]:
    if el is None:
        return default
    return el.get(f"{W}val", default)


def _int(value: Optional[str], default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(el: Optional[etree._Element]) -> bool:
    """A toggle property (w:isLgl, w:vanish): present and not val=0/false/off."""
    return el is not None and _val(el, "true") not in ("0", "false", "off")


def _level(el: etree._Element) -> Level:
    restart = el.find(f"{W}lvlRestart")
    return Level(
        ilvl=_int(el.get(f"{W}ilvl"), 0),
        num_fmt=_val(el.find(f"{W}numFmt"), "decimal") or "decimal",
        lvl_text=_val(el.find(f"{W}lvlText"), "") or "",
        start=_int(_val(el.find(f"{W}start")), 1),
        restart=_int(_val(restart), 0) if restart is not None else None,
        suffix=_val(el.find(f"{W}suff"), "tab") or "tab",
        is_legal=_on(el.find(f"{W}isLgl")),
        style=_val(el.find(f"{W}pStyle")),
    )


def parse_numbering(xml: Optional[bytes]) -> tuple[dict[str, AbstractNum], dict[str, Num]]:
    """The abstract numberings and numbering instances of a ``numbering.xml`` part."""
    if not xml:
        return {}, {}
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    abstracts: dict[str, AbstractNum] = {}
    for el in root.iter(f"{W}abstractNum"):
        levels = {lv.ilvl: lv for lv in map(_level, el.findall(f"{W}lvl"))}
        abstract_id = el.get(f"{W}abstractNumId", "")
        abstracts[abstract_id] = AbstractNum(abstract_id, levels, _val(el.find(f"{W}numStyleLink")))
    nums: dict[str, Num] = {}
    for el in root.iter(f"{W}num"):
        starts: dict[int, int] = {}
        overrides: dict[int, Level] = {}
        for ov in el.findall(f"{W}lvlOverride"):
            ilvl = _int(ov.get(f"{W}ilvl"), 0)
            start = ov.find(f"{W}startOverride")
            if start is not None:
                starts[ilvl] = _int(_val(start), 1)
            lvl = ov.find(f"{W}lvl")
            if lvl is not None:
                overrides[ilvl] = replace(_level(lvl), ilvl=ilvl)
        num_id = el.get(f"{W}numId", "")
        nums[num_id] = Num(num_id, _val(el.find(f"{W}abstractNumId"), "") or "", starts, overrides)
    return abstracts, nums


def parse_styles(xml: Optional[bytes]) -> dict[str, StyleInfo]:
    """Paragraph (and numbering) styles by id: their ``w:numPr`` and ``w:basedOn``."""
    if not xml:
        return {}
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    styles: dict[str, StyleInfo] = {}
    for el in root.iter(f"{W}style"):
        num_pr = el.find(f"{W}pPr/{W}numPr")
        num_id = _val(num_pr.find(f"{W}numId")) if num_pr is not None else None
        ilvl_el = num_pr.find(f"{W}ilvl") if num_pr is not None else None
        styles[el.get(f"{W}styleId", "")] = StyleInfo(
            num_id=num_id,
            ilvl=_int(_val(ilvl_el), 0) if ilvl_el is not None else None,
            based_on=_val(el.find(f"{W}basedOn")),
        )
    return styles


class NumberingRenderer:
    """Renders the number of each numbered paragraph, in document order (it keeps the counters)."""

    def __init__(self, numbering_xml: Optional[bytes], styles_xml: Optional[bytes]) -> None:
        self.abstracts, self.nums = parse_numbering(numbering_xml)
        self.styles = parse_styles(styles_xml)
        self._counters: dict[str, dict[int, int]] = {}  # abstract id -> level -> current value
        self._used_nums: set[str] = set()

    # ------------------------------------------------------------ resolution

    def style_numbering(self, style_id: Optional[str]) -> tuple[Optional[str], Optional[int]]:
        """(numId, ilvl) a paragraph style carries, following ``w:basedOn`` (cycles stop)."""
        num_id: Optional[str] = None
        ilvl: Optional[int] = None
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.styles:
            seen.add(style_id)
            info = self.styles[style_id]
            if num_id is None and info.num_id is not None:
                num_id = info.num_id
            if ilvl is None and info.ilvl is not None:
                ilvl = info.ilvl
            style_id = info.based_on
        return num_id, ilvl

    def _abstract(self, num: Num) -> Optional[AbstractNum]:
        abstract = self.abstracts.get(num.abstract_id)
        if abstract is not None and not abstract.levels and abstract.num_style_link:
            # The list is defined by a numbering style whose numPr points at the real w:num.
            linked_num, _ = self.style_numbering(abstract.num_style_link)
            linked = self.nums.get(linked_num or "")
            if linked is not None and linked.abstract_id != abstract.id:
                return self.abstracts.get(linked.abstract_id)
        return abstract

    def _level_of(self, num: Num, abstract: AbstractNum, ilvl: int) -> Optional[Level]:
        """The level as this w:num sees it: its own w:lvl override, its start override."""
        level = num.level_overrides.get(ilvl) or abstract.levels.get(ilvl)
        if level is not None and ilvl in num.start_overrides:
            level = replace(level, start=num.start_overrides[ilvl])
        return level

    # ------------------------------------------------------------ rendering

    def number(self, num_id: Optional[str], ilvl: Optional[int], style_id: Optional[str]) -> Optional[str]:
        """The number text of a paragraph (with its suffix), advancing the counters; None if unnumbered.

        ``num_id`` / ``ilvl`` are the paragraph's own ``w:numPr`` values (None when absent).
        """
        style_num, style_ilvl = self.style_numbering(style_id)
        if num_id is None:
            num_id = style_num
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        num = self.nums[num_id]
        abstract = self._abstract(num)
        if abstract is None:
            return None
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None:
            ilvl = next((lv.ilvl for lv in abstract.levels.values() if style_id and lv.style == style_id), 0)
        level = self._level_of(num, abstract, ilvl)
        if level is None:
            return None
        counters = self._counters.setdefault(abstract.id, {})
        if num_id not in self._used_nums:
            self._used_nums.add(num_id)
            for over_ilvl in num.start_overrides:
                counters.pop(over_ilvl, None)  # the list starts again at the override
        value = counters.get(ilvl, level.start - 1) + 1
        counters[ilvl] = value
        self._restart_below(counters, num, abstract, ilvl)
        if level.num_fmt == "bullet":
            return None  # a bullet is not a clause number
        return self._text(level, counters, num, abstract) + {"tab": "\t", "space": " "}.get(level.suffix, "")

    def _restart_below(self, counters: dict[int, int], num: Num, abstract: AbstractNum, ilvl: int) -> None:
        """Levels below ``ilvl`` start again, unless their w:lvlRestart says otherwise."""
        for lower in [k for k in counters if k > ilvl]:
            level = self._level_of(num, abstract, lower)
            restart = level.restart if level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                del counters[lower]

    def _text(self, level: Level, counters: dict[int, int], num: Num, abstract: AbstractNum) -> str:
        out: list[str] = []
        text = level.lvl_text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                ref = int(text[i + 1]) - 1
                ref_level = self._level_of(num, abstract, ref)
                start = ref_level.start if ref_level is not None else 1
                value = counters.get(ref, start)
                fmt = ref_level.num_fmt if ref_level is not None else "decimal"
                if level.is_legal:
                    fmt = "decimal"  # legal numbering: 1.1.1 whatever the levels' own formats
                out.append(format_number(value, fmt))
                i += 2
                continue
            out.append(ch)
            i += 1
        return "".join(out)
