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

import regex

from .indicators import COMPARATOR_AFTER
from .model import Target
from .patterns import compile_pattern

# The header of an indicator table: 指标 and its year columns (指标2020年2025年 属性, 指标 2020年（基期） 2025年).
HEADER_YEAR = compile_pattern(r"((?:19|20)\d\d)年")
# A comparator written after a cell's value, as in a sentence (indicators.COMPARATOR_AFTER): 6左右, 95以上.
VALUE_SUFFIX = r"及以上|或以上|以上|及以下|或以下|以下|以内|左右|上下"
# A row: [category][row number] indicator（unit） values [属性]; the values are numbers, — or 〔…〕.
ROW = compile_pattern(
    r"^(?:(?P<n>\d{1,2})(?![\d.．、])\s*)?(?P<indicator>[^\s\d—–\-〔].*?)\s*"
    r"(?P<values>(?:(?:[—–\-－]+|〔[^〕\n]{1,20}〕|\[[^\]\n]{1,20}\]|【[^】\n]{1,20}】|[≥≤><＞＜]?\d+(?:\.\d+)?%?(?:" + VALUE_SUFFIX + r")?)\s*)+)(?P<kind>约束性|预期性)?$"
)
# One value of a row: a number (its sign), a bracketed (cumulative) one, a dash or a bracketed phrase.
# 〔18〕 is also written [18] or 【18】.
VALUE = compile_pattern(
    r"(?P<sign>[≥≤><＞＜])?(?P<n>\d+(?:\.\d+)?)%?(?P<suffix>" + VALUE_SUFFIX + r")?|[〔\[【]\s*(?P<sum>\d+(?:\.\d+)?)\s*%?\s*[〕\]】]|[〔\[【][^〕\]】\n]*[〕\]】]|[—–\-－]+"
)
# A category in front of a row's number: 环境治理1地级…, or its cell ``环境  3  地级…`` (a table's cells
# keep their gaps, a tab or a PDF's ruled cells); a category alone on its line is skipped.
CATEGORY_THEN_NUMBER = compile_pattern(r"^(?P<category>\p{Han}{2,10}?)\s*(?=\d{1,2}(?![\d.．、])\s*\p{Han})")
# The unit in brackets closing the indicator: …浓度（微克/立方米）, …比率（%）, …比率(%) (half-width
# brackets around no hanzi are left so by normalisation).
UNIT_NOTE = compile_pattern(r"（(?P<unit>[^（）]{1,12})）$|\((?P<unit2>[^()（）\p{Han}]{1,12})\)$")
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
# A table set one cell per line (a Word table pasted as text: 指标 / 单位 / 2020年 / 2025年 / 属性, then each row's
# cells, one a line; normalisation keeps those lines apart, lone numbers too): the header's cells, its year
# cells (2025年, 2025年（目标）), the cells that end a row (属性) and the first cell of the indicator column.
CELL_HEADER_WORDS = frozenset((
    "序号", "类别", "类型", "领域", "指标", "指标名称", "主要指标", "具体指标", "指标内容", "单位", "计量单位",
    "属性", "指标属性", "指标性质", "性质", "备注",
))
INDICATOR_CELLS = frozenset(("指标", "指标名称", "主要指标", "具体指标", "指标内容"))
UNIT_CELLS = frozenset(("单位", "计量单位"))
KIND_CELLS = frozenset(("约束性", "预期性"))
CELL_YEAR = compile_pattern(r"^((?:19|20)\d\d)年(?:[（(][^（）()]{1,6}[）)]|目标值?|基期|基准年|现状值?)?$")
# Header cells after the year columns that hold no number (a row's 约束性, a remark).
NOT_VALUE_COLUMNS = frozenset(("属性", "指标属性", "指标性质", "性质", "类型", "备注"))
MAX_CELL = 40  # the longest cell (normalize.MAX_TABLE_CELL)
# A total over the plan's period, as a sentence's (targets.CUMULATIVE_HEADS): 化学需氧量重点工程减排量 (万吨) — 17.3.
AMOUNT_OVER_PERIOD = compile_pattern(r"(?:减排量|新增量|累计量)$")
# Rates whatever their unit: per-unit and share indicators.
RATE_WORDS = compile_pattern(r"率|比例|比重|占比|强度|浓度|密度|指数|人均|单位|每万|万元|天数")


def _header(line: str) -> Optional[tuple[int, ...]]:
    if "指标" not in line or "年" not in line or len(line) > 60 or "。" in line:
        return None
    years = tuple(int(y) for y in HEADER_YEAR.findall(line))
    return years if years and len(set(years)) == len(years) else None


def _trailing(line: str) -> int:
    """How many value columns a header line has after its last year: 指标 单位 2020年 2025年 年均增速 属性 -> 1
    (年均增速; the 属性 and 备注 cells hold words, not values)."""
    last = None
    for last in HEADER_YEAR.finditer(line):
        pass
    rest = line[last.end():].split() if last is not None else []
    return sum(1 for cell in rest if cell not in NOT_VALUE_COLUMNS and cell[0] not in "（(")


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
        if lines[i] in INDICATOR_CELLS:  # (a header set one cell per line: its first cells may stand before)
            found_cells = _cell_table(lines, starts, i, offset)
            if found_cells is not None:
                made, first, i = found_cells
                targets.extend(made)
                blanked.append((starts[first], starts[i] - 1))
                continue
        years = _header(lines[i])
        if years is None:
            i += 1
            continue
        rows, gap, j = 0, 0, i + 1
        trailing = _trailing(lines[i])
        while j < len(lines) and gap <= MAX_GAP:
            found = _row_targets(lines[j], years, offset + starts[j], trailing)
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


def _cell_table(lines: list[str], starts: list[int], at: int, offset: int) -> Optional[tuple[list[Target], int, int]]:
    """(targets, first line, line after the table) of a table set one cell per line whose indicator cell
    is ``lines[at]``, or None when no such table is there (no year column, no row)."""
    first = at
    while first > 0 and lines[first - 1] in CELL_HEADER_WORDS:
        first -= 1  # 序号 / 类别 before 指标
    header: list[str] = []
    years: list[int] = []
    j = first
    while j < len(lines) and (lines[j] in CELL_HEADER_WORDS or CELL_YEAR.match(lines[j]) is not None):
        year = CELL_YEAR.match(lines[j])
        header.append("年" if year is not None else lines[j])
        if year is not None:
            years.append(int(year.group(1)))
        j += 1
    if not years or len(set(years)) != len(years) or header.count("年") != len(years):
        return None
    last_year = len(header) - 1 - header[::-1].index("年")
    first_year = header.index("年")
    if last_year - first_year + 1 != len(years):
        return None  # the year columns are not side by side
    unit_before = first_year > 0 and header[first_year - 1] in UNIT_CELLS
    by_kind = any(h in ("属性", "指标属性", "指标性质", "性质") for h in header[last_year + 1:])
    trailing = len(header) - 1 - last_year
    cells: list[int] = []  # line numbers of the cells after the header
    while j < len(lines) and lines[j] and len(lines[j]) <= MAX_CELL and not NOTE_LINE.match(lines[j]) and not any(
            c in lines[j] for c in "，。；！？"):
        cells.append(j)
        j += 1
    rows: list[list[int]] = []
    if by_kind:  # a row ends at its 属性 (a category cell merged over rows is written once)
        row: list[int] = []
        for k in cells:
            row.append(k)
            if lines[k] in KIND_CELLS:
                rows.append(row)
                row = []
    else:
        rows = [cells[k:k + len(header)] for k in range(0, len(cells) - len(header) + 1, len(header))]
    out: list[Target] = []
    for row in rows:
        kept = row[: len(row) - trailing] if trailing else row
        lead = 2 if unit_before else 1
        if len(kept) < len(years) + lead:
            continue
        value_cells = kept[-len(years):]
        values = [VALUE.fullmatch(lines[k]) for k in value_cells]
        if any(v is None for v in values):
            continue
        name = lines[kept[-len(years) - lead]]
        unit, factor, measure = _unit(lines[kept[-len(years) - 1]] if unit_before else None)
        unit_m = UNIT_NOTE.search(name)
        if unit_m is not None and not unit_before:
            unit, factor, measure = _unit(unit_m.group("unit") or unit_m.group("unit2"))
            name = name[: unit_m.start()]
        if len(CHANGE_WORD.sub("", name)) < 2 or name[0].isdigit():
            continue
        span = (offset + starts[row[0]], offset + starts[row[-1]] + len(lines[row[-1]]))
        text = " ".join(lines[k] for k in row)
        out.extend(_targets(name, unit, factor, measure,
                            [(v, offset + starts[k]) for v, k in zip(values, value_cells)], tuple(years), text, span))
    if not out:
        return None
    return out, first, j


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


def _row_targets(line: str, years: tuple[int, ...], at: int, trailing: int = 0) -> Optional[list[Target]]:
    """The targets of one row (possibly none: dashes, words), or None when the line is no row.
    ``trailing``: the value columns after the years' (年均增速), left out."""
    line = line.rstrip()
    category = CATEGORY_THEN_NUMBER.match(line)
    if category is not None:
        at += category.end()
        line = line[category.end():]
    m = ROW.match(line)
    if m is None:
        return None
    values = list(VALUE.finditer(m.group("values")))
    if len(values) < len(years) + trailing:
        return None
    if trailing:
        values = values[:-trailing]
    indicator = m.group("indicator").strip()
    unit_m = UNIT_NOTE.search(indicator)
    unit, factor, measure = _unit((unit_m.group("unit") or unit_m.group("unit2")) if unit_m else None)
    name = indicator[: unit_m.start()] if unit_m else indicator
    if unit_m is None and (" " in indicator or indicator.endswith("%")):  # a unit column (UNIT_CELL)
        if indicator.endswith("%"):  # (glued to the name: 能源结构 非化石能源消费比重%, its category cell before)
            written, cut = "%", len(indicator) - 1
        else:
            cell = UNIT_CELL.search(indicator)
            written, cut = (None, 0) if cell is None else (cell.group("unit") or cell.group("percent"), cell.start())
        if written is not None and _unit(written)[2] is not None:
            unit, factor, measure = _unit(written)
            name = indicator[:cut].rstrip()
    if " " in name:
        category_cell = CATEGORY_CELL.match(name)
        if category_cell is not None:
            name = name[category_cell.end():]
    if len(CHANGE_WORD.sub("", name)) < 2:
        return None
    base = at + m.start("values")
    return _targets(name, unit, factor, measure, [(v, base + v.start()) for v in values[-len(years):]], years, line, (at, at + len(line)))


def _targets(
    name: str,
    unit: Optional[str],
    factor: int,
    measure: Optional[str],
    values: list[tuple[regex.Match[str], int]],
    years: tuple[int, ...],
    text: str,
    span: tuple[int, int],
) -> list[Target]:
    """The targets of a row: ``values`` (VALUE matches and their absolute starts) under ``years``, the
    first year's the base when there are several."""
    change = CHANGE_WORD.search(name)
    direction = None if change is None else ("down" if change.group("down") else "up")
    if change is not None:
        name = name[: change.start()]
    base_year = years[0] if len(years) > 1 else None
    out: list[Target] = []
    for year, (v, start) in zip(years[1:] if len(years) > 1 else years, values[1:] if len(years) > 1 else values):
        number = v.group("n") or v.group("sum")
        if number is None:
            continue  # — or 〔完成国家下达目标〕: no number to hold it to
        value = Decimal(number) * factor
        cumulative = v.group("sum") is not None or direction is not None or (
            measure == "absolute" and "量" in name and AMOUNT_OVER_PERIOD.search(name) is not None)
        out.append(Target(
            indicator=name,
            value=int(value) if value == value.to_integral_value() else float(value),
            value_text=v.group(),
            unit=unit,
            comparator=SIGNS.get(v.group("sign") or "") or COMPARATOR_AFTER.get(v.group("suffix") or "", "="),
            direction=direction,
            year=year,
            kind="target",
            text=text,
            span=span,
            baseline_year=base_year if cumulative else None,
            value_span=(start, start + len(v.group())),
            basis="cumulative" if cumulative else "level",
            measure="rate" if measure == "rate" or (unit and "/" in unit) or RATE_WORDS.search(name) else "absolute",
        ))
    return out
