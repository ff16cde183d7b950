"""Targets set in a table of main indicators (主要指标表), as a 规划 or a 方案 states its goals.

Such a table has a header naming its year columns, then a row per indicator, its unit in brackets
and a value under each year (the first year's the base, the others' the targets), often a row
number, a category and the 属性 (约束性 / 预期性).  Normalising drops the spaces between a hanzi and a
digit, so a row reads as one run of text::

    类别 序号 指标2020年2025年 指标属性
    环境治理1地级及以上城市细颗粒物（PM2.5）浓度（微克/立方米）39 35约束性
    应对气候变化5单位地区生产总值二氧化碳排放降低（%）— 〔18〕 约束性

Each numeric value under a year after the first is a target of that year (``〔18〕``: a five-year
cumulative value, as the table's note says); ``—`` and words (〔完成国家下达目标〕) are none.  The
sentence reader never sees the table's lines (``mask_tables``): read as a sentence, a table is
one long run of numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from .model import Target
from .patterns import compile_pattern

# The header of an indicator table: 指标 and its year columns (指标2020年2025年 属性, 指标 2020年（基期） 2025年).
HEADER_YEAR = compile_pattern(r"((?:19|20)\d\d)年")
# A row: [category][row number] indicator（unit） values [属性]; the values are numbers, — or 〔…〕.
ROW = compile_pattern(
    r"^(?:(?P<n>\d{1,2})(?![\d.．、])\s*)?(?P<indicator>[^\s\d—–\-〔].*?)\s*"
    r"(?P<values>(?:(?:[—–\-－]+|〔[^〕\n]{1,20}〕|\[[^\]\n]{1,20}\]|【[^】\n]{1,20}】|[≥≤><＞＜]?\d+(?:\.\d+)?%?)\s*)+)(?P<kind>约束性|预期性)?$"
)
# One value of a row: a number (its sign), a bracketed (cumulative) one, a dash or a bracketed phrase.
# 〔18〕 is also written [18] or 【18】.
VALUE = compile_pattern(
    r"(?P<sign>[≥≤><＞＜])?(?P<n>\d+(?:\.\d+)?)%?|[〔\[【]\s*(?P<sum>\d+(?:\.\d+)?)\s*%?\s*[〕\]】]|[〔\[【][^〕\]】\n]*[〕\]】]|[—–\-－]+"
)
# A category in front of a row's number: 环境治理1地级…, or its cell ``环境  3  地级…`` (a table's cells
# keep their gaps, a tab or a PDF's ruled cells); a category alone on its line is skipped.
CATEGORY_THEN_NUMBER = compile_pattern(r"^(?P<category>\p{Han}{2,10}?)\s*(?=\d{1,2}(?![\d.．、])\s*\p{Han})")
# The unit in brackets closing the indicator: …浓度（微克/立方米）, …比率（%）.
UNIT_NOTE = compile_pattern(r"（(?P<unit>[^（）]{1,12})）$")
# The unit in a column of its own (a header 指标 单位 2020年 2025年): …平均浓度 微克/立方米 / …比率% (a % is glued).
UNIT_CELL = compile_pattern(r"(?:\s+(?P<unit>[^\s（）]{1,10})|(?P<percent>%))$")
# A category cell before the indicator, a space between them: 生态保护 森林覆盖率（%）.
CATEGORY_CELL = compile_pattern(r"^\p{Han}{2,10}\s+(?=\S)")
# A table's note after its last row (in the last row's clause of an attachment): 注：〔〕内为五年累计数。
NOTE_LINE = compile_pattern(r"^\s*(?:注|备注|说明)\d?[：:]")
# Words that make the indicator a change, with their direction: …能耗降低（%）, …增长（%）.
CHANGE_WORD = compile_pattern(r"(?P<down>降低|下降|减少|削减)$|(?P<up>提高|增长|增加|提升)$")
SIGNS = {"≥": ">=", "＞": ">", ">": ">", "≤": "<=", "＜": "<", "<": "<"}
# The most lines between the header and a row (a category alone on its line, a wrapped cell).
MAX_GAP = 2
# Rates whatever their unit: per-unit and share indicators.
RATE_WORDS = compile_pattern(r"率|比例|比重|占比|强度|浓度|密度|指数|人均|单位|每万|万元|天数")


def _header(line: str) -> Optional[tuple[int, ...]]:
    if "指标" not in line or "年" not in line or len(line) > 60 or "。" in line:
        return None
    years = tuple(int(y) for y in HEADER_YEAR.findall(line))
    return years if years and len(set(years)) == len(years) else None


def mask_tables(text: str, offset: int) -> tuple[str, list[Target]]:
    """(``text`` with its indicator tables' lines blanked, same length; the tables' targets).
    ``offset``: where ``text`` starts in the document (for the targets' spans)."""
    if "指标" not in text:  # (every header holds it)
        return text, []
    targets: list[Target] = []
    blanked: list[tuple[int, int]] = []
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    i = 0
    while i < len(lines):
        years = _header(lines[i])
        if years is None:
            i += 1
            continue
        rows, gap, j = 0, 0, i + 1
        while j < len(lines) and gap <= MAX_GAP:
            found = _row_targets(lines[j], years, offset + starts[j])
            if found is None:
                gap += 1
            else:
                targets.extend(found)
                rows += 1
                gap = 0
                blanked.append((starts[j], starts[j] + len(lines[j])))
            j += 1
        if rows:
            blanked.append((starts[i], starts[i] + len(lines[i])))
        i = j if rows else i + 1
    if not blanked:
        return text, []
    out = list(text)
    for a, b in blanked:
        out[a:b] = " " * (b - a)
    return "".join(out), targets


def table_years(text: str) -> tuple[int, ...]:
    """The year columns of the indicator table header in ``text`` (an attachment's title and
    header, its rows the clauses below it), or () when it has none."""
    if "指标" not in text:
        return ()
    return next((years for line in text.split("\n") if (years := _header(line))), ())


def row_targets(text: str, offset: int, years: tuple[int, ...]) -> Optional[list[Target]]:
    """The targets of a table row given as a clause of its own (its number stripped: an
    attachment's row), under a header of these year columns; None when it is no such row."""
    if not years:
        return None
    lines = text.strip().split("\n")
    if len(lines) > 1 and not all(NOTE_LINE.match(line) for line in lines[1:]):
        return None
    return _row_targets(text.split("\n")[0], years, offset)  # the last row may hold the table's note


def _unit(written: Optional[str]) -> tuple[Optional[str], int, Optional[str]]:
    """(base unit, multiplier, measure) of a unit column as written: 万辆 -> (辆, 10000, absolute),
    % -> (%, 1, rate); an unknown unit is kept as written (its measure then unknown)."""
    if not written:
        return None, 1, None
    from .quantities import multipliers, units

    known = units()
    if written in known:  # (千瓦, 千克: a unit that starts like a multiplier is a unit first)
        return known[written].unit, 1, known[written].measure
    for prefix, factor in sorted(multipliers().items(), key=lambda kv: -len(kv[0])):
        rest = written[len(prefix):]
        if written.startswith(prefix) and rest in known:
            return known[rest].unit, factor, known[rest].measure
    return written, 1, None


def _row_targets(line: str, years: tuple[int, ...], at: int) -> Optional[list[Target]]:
    """The targets of one row (possibly none: dashes, words), or None when the line is no row."""
    line = line.rstrip()
    category = CATEGORY_THEN_NUMBER.match(line)
    if category is not None:
        at += category.end()
        line = line[category.end():]
    m = ROW.match(line)
    if m is None:
        return None
    values = list(VALUE.finditer(m.group("values")))
    if len(values) < len(years):
        return None
    indicator = m.group("indicator").strip()
    unit_m = UNIT_NOTE.search(indicator)
    unit, factor, measure = _unit(unit_m.group("unit") if unit_m else None)
    name = indicator[: unit_m.start()] if unit_m else indicator
    if unit_m is None and (" " in indicator or indicator.endswith("%")):  # a unit column (UNIT_CELL)
        cell = UNIT_CELL.search(indicator)
        written = None if cell is None else (cell.group("unit") or cell.group("percent"))
        if written is not None and _unit(written)[2] is not None:
            unit, factor, measure = _unit(written)
            name = indicator[: cell.start()]
    if " " in name:
        category_cell = CATEGORY_CELL.match(name)
        if category_cell is not None:
            name = name[category_cell.end():]
    change = CHANGE_WORD.search(name)
    direction = None if change is None else ("down" if change.group("down") else "up")
    if change is not None:
        name = name[: change.start()]
    if len(name) < 2:
        return None
    values = values[-len(years):]
    base_year = years[0] if len(years) > 1 else None
    base = m.start("values")
    out: list[Target] = []
    for year, v in zip(years[1:] if len(years) > 1 else years, values[1:] if len(years) > 1 else values):
        number = v.group("n") or v.group("sum")
        if number is None:
            continue  # — or 〔完成国家下达目标〕: no number to hold it to
        value = Decimal(number) * factor
        cumulative = v.group("sum") is not None or direction is not None
        out.append(Target(
            indicator=name,
            value=int(value) if value == value.to_integral_value() else float(value),
            value_text=v.group(),
            unit=unit,
            comparator=SIGNS.get(v.group("sign") or "", "="),
            direction=direction,
            year=year,
            kind="target",
            text=line,
            span=(at, at + len(line)),
            baseline_year=base_year if cumulative else None,
            value_span=(at + base + v.start(), at + base + v.end()),
            basis="cumulative" if cumulative else "level",
            measure="rate" if measure == "rate" or (unit and "/" in unit) or RATE_WORDS.search(name) else "absolute",
        ))
    return out
