"""Departments from a 重点任务分工表 (task division table) given as text.

A plan's attachment (or a PDF's text layer) often gives who does what as a table:

    序号 重点任务 牵头单位 配合单位
    1 实施重点行业绿色升级工程 省工业和信息化厅 省发展改革委、省生态环境厅

``clauses.attachment_clauses`` makes each numbered line a clause of style ``row`` (``附件1/1``);
normalising glues the row number to the first cell and keeps the white space between the others.
The header line (in the attachment's own text) names the columns; its unit columns give the
roles: 牵头单位 / 牵头部门 -> lead, 配合单位 / 参与部门 -> support, 责任单位 / 负责单位 / 责任部门
-> responsible; a time column (完成时限) or any other column after the first unit column holds no
names.  A row's cells are its runs of non-white space (a list wrapped after 、 or ， stays one cell);
the last cells are the header's last columns, so a task cell with spaces, or wrapped over lines,
still works.  A row whose trailing cells are fewer than the unit columns (an empty 配合单位 cell)
gives its unit cells to the first unit columns.  Names are read and resolved as in a note
(``departments``): 、 and ， part them, 等 is cut, a verb (省发展改革委牵头) sets the role.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from .departments import (
    LEAD_IN, LEAD_LABELS, NOTE_LABEL, NOTE_LABEL_FIRSTS, ROLE_LABEL, ROLE_LABEL_FIRSTS, ROLE_MARK_QUICK, _is_deadline, _Item,
    _read_items, _role_mark, _split_depth0, _trim, verb_after_names,
)
from .attachments import find_rows
from .model import Role
from .patterns import compile_pattern, lazy

Column = Literal["lead", "support", "responsible", "other"]

# The header words of a unit column (group "kind" gives the role): 牵头单位 / 配合单位 / 责任单位 /
# 负责单位 / 责任部门 / 参与部门 / 主要责任单位 / 协办单位.
UNIT_COLUMN = compile_pattern(
    r"^(?:主要|具体)?(?P<kind>牵头|主责|主办|责任|负责|实施|落实|配合|参与|协同|协办|协助|参加)(?:单位|部门|主体|处室)$"
)
COLUMN_ROLES: dict[str, Role] = {
    "牵头": "lead", "主责": "lead", "主办": "lead",
    "责任": "responsible", "负责": "responsible", "实施": "responsible", "落实": "responsible",
    "配合": "support", "参与": "support", "协同": "support", "协办": "support", "协助": "support", "参加": "support",
}
# A cell of a table: a run of non-white space, going on over a line break right after 、 or ，
# (省发展改革委、\n省生态环境厅 is one cell; a task cell wrapped elsewhere is two, and stays left of the units).
CELL = compile_pattern(r"\S+(?:(?<=[、，,；;])\n\S+)*")
# A year glued to the cell before it: normalising drops the space between a hanzi and a digit
# (省能源局 2025年底前 -> 省能源局2025年底前); the cell is cut there when the rest is a deadline.
# (also after a bracket closing a cell: 省发展改革委（牵头）2025年)
GLUED_YEAR = compile_pattern(r"(?<=[\p{Han}）)〕])\d{4}(?=年|[—–－~-])")
# Prose punctuation: a line holding it is no header (重点任务分工表 is its title, 序号 … its header).
HEADER_PROSE = compile_pattern(r"[，。；：:]")
# The characters a unit column's header can hold (单位 / 部门 / 主体 / 处室): a quick test first.
HEADER_CHARS = "位门体室"
# A note under a table (注：各市（地）人民政府负责本地区任务落实，表中不再列出。, departments.NOTE_LABEL)
# ends the row above it, and may name who works on every row (``table_notes``).
# A cell glued to the one before it after a closing bracket: normalising drops the white space
# between CJK punctuation and a hanzi (省发展改革委（省能源局） 省经信厅 -> …（省能源局）省经信厅).
GLUED_AFTER_BRACKET = lazy(r"[）)](?=[^\s、，,；;）)])")


@dataclass(frozen=True)
class Header:
    """The columns of a task table from its first unit column on (the task columns before it aside)."""

    columns: tuple[Column, ...]

    @property
    def units(self) -> tuple[Role, ...]:
        """The roles of the unit columns, in order."""
        return tuple(c for c in self.columns if c != "other")  # type: ignore[misc]

    @property
    def trailing(self) -> int:
        """How many columns without names follow the last unit column (完成时限, 备注)."""
        n = 0
        for column in reversed(self.columns):
            if column != "other":
                break
            n += 1
        return n


def header_of_line(line: str) -> Optional[Header]:
    """The header of a table line: 序号 重点任务 牵头单位 配合单位 / 主要任务 责任单位 /
    序号 任务 牵头部门 参与部门 完成时限; None for a line that is not one."""
    if not any(ch in line for ch in HEADER_CHARS) or HEADER_PROSE.search(line):
        return None
    cells = line.split()
    columns: list[Column] = []
    for cell in cells:
        m = UNIT_COLUMN.match(cell)
        if m:
            columns.append(COLUMN_ROLES[m.group("kind")])
        elif columns:
            columns.append("other")
    if not columns or len(columns) == len(cells):
        return None  # no unit column, or no task column before it
    return Header(tuple(columns))


def find_header(text: str) -> Optional[tuple[Header, int]]:
    """The last table header among the lines of ``text`` (a clause's own text) and the offset in
    ``text`` where the line after it starts, or None."""
    if not ((" " in text or "\t" in text) and any(ch in text for ch in HEADER_CHARS)):
        return None  # a header's cells are set apart by white space, and one names units
    found: Optional[tuple[Header, int]] = None
    offset = 0
    for line in text.split("\n"):
        offset += len(line) + 1
        header = header_of_line(line)
        if header is not None:
            found = header, min(offset, len(text))
    return found


def body_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The rows (absolute spans of their text, after the row number) of a table inside a clause of
    the body, ``text[start:end]`` being what follows its header line: lines opening with 1, 2, 3 …"""
    return [(row.body, row.end) for row in find_rows(text, start, end)]


def row_cells(text: str, start: int, end: int, deadline: bool = False) -> list[tuple[int, int]]:
    """The cells (absolute spans) of the row ``text[start:end]``, up to a header a new page repeats;
    with ``deadline`` (the header has columns after its units), a deadline glued to the last cell
    is a cell of its own."""
    stop = end
    at = text.find("\n", start, end)
    while at >= 0:
        line_end = text.find("\n", at + 1, end)
        line_end = end if line_end < 0 else line_end
        if _is_note_line(text, at + 1, line_end) or header_of_line(text[at + 1:line_end]) is not None:
            stop = at
            break
        at = text.find("\n", at + 1, end)
    cells = []
    for m in CELL.finditer(text, start, stop):
        cells.extend(_unglue(text, *m.span()))
    if deadline and len(cells) > 1:
        a, b = cells[-1]
        year = GLUED_YEAR.search(text, a, b)
        if year is not None and _is_deadline(text[year.start():b]):
            cells[-1:] = [(a, year.start()), (year.start(), b)]
    return cells


def _is_note_line(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a note under the table (注：…)?"""
    return start < end and text[start] in NOTE_LABEL_FIRSTS and NOTE_LABEL.match(text, start, end) is not None


def table_notes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the notes under a table (注：… lines, after their label) in ``text[start:end]``."""
    out: list[tuple[int, int]] = []
    if not any(ch in text[start:end] for ch in NOTE_LABEL_FIRSTS):
        return out
    at = start
    while at < end:
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        if _is_note_line(text, at, line_end):
            out.append((NOTE_LABEL.match(text, at, line_end).end(), line_end))
        at = line_end + 1
    return out


def _unglue(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A cell, or the two cells normalising glued after a closing bracket when the second names units:
    省发展改革委（省能源局）省经信厅、省建设厅 -> 省发展改革委（省能源局） | 省经信厅、省建设厅;
    加强生态环境准入管理（试行）省生态环境厅 -> 加强生态环境准入管理（试行） | 省生态环境厅."""
    if "）" not in text[start:end] and ")" not in text[start:end]:
        return [(start, end)]
    for m in GLUED_AFTER_BRACKET.finditer(text, start, end):
        cut = m.end()
        if _is_units(text, cut, end):
            return [(start, cut)] + _unglue(text, cut, end)
    return [(start, end)]


def unit_cells(text: str, cells: list[tuple[int, int]], header: Header) -> list[tuple[Role, int, int]]:
    """(role, start, end) of the cells of a row that hold its units.

    From the right: up to ``header.trailing`` cells that name no one (2025年底前, 持续推进), then up
    to one cell per unit column that names units, never the first cell (the task).  Fewer unit cells
    than unit columns: the cells written are the first columns (an empty 配合单位 cell)."""
    i = len(cells) - 1
    for _ in range(header.trailing):
        if i < 1 or _is_units(text, *cells[i]):
            break
        i -= 1
    taken: list[tuple[int, int]] = []
    while i >= 1 and len(taken) < len(header.units) and _is_units(text, *cells[i]):
        taken.append(cells[i])
        i -= 1
    taken.reverse()
    return [(role, a, b) for role, (a, b) in zip(header.units, taken)]


def row_items(text: str, start: int, end: int, header: Header) -> list[_Item]:
    """The departments of the row ``text[start:end]`` (absolute offsets) under ``header``."""
    items: list[_Item] = []
    for role, a, b in unit_cells(text, row_cells(text, start, end, header.trailing > 0), header):
        items.extend(_cell_items(text, a, b, role) or ())
    return items


def _is_units(text: str, start: int, end: int) -> bool:
    """Does the cell ``text[start:end]`` name departments only (not 2025年底前, not a task)?"""
    return _cell_items(text, start, end, "responsible") is not None


def _cell_items(text: str, start: int, end: int, role: Role) -> Optional[list[_Item]]:
    """The departments of a unit cell in the column of ``role``, or None when the cell holds anything
    else: parts at ， and ；, items at 、 (as in a note); a verb after a part (省发展改革委牵头) gives it
    its own role; a deadline part (2025年底前完成) is passed over."""
    items: list[_Item] = []
    for p_start, p_end, _ in _split_depth0(text, "，,；;", start, end):
        p_start, p_end = _trim(text, p_start, p_end)
        if p_start >= p_end or _is_deadline(text[p_start:p_end]):
            continue
        part_role = role
        # 牵头：省生态环境厅；配合：省工业和信息化厅 in one 责任单位 cell: its labels give the roles
        label = ROLE_LABEL.match(text, p_start, p_end) if text[p_start] in ROLE_LABEL_FIRSTS else None
        if label is not None and label.group(0)[-1] in "：:∶":
            part_role = "lead" if label.group("kind") in LEAD_LABELS else "support"
            p_start = label.end()
        lead_in = LEAD_IN.match(text, p_start, p_end)
        if lead_in:
            p_start = lead_in.end()
        found_verb = verb_after_names(text, p_start, p_end)
        if found_verb is not None:
            p_end, part_role = found_verb
        found = _read_items(text, p_start, p_end)
        if not found or not all(is_org for _, _, _, is_org, _ in found):
            return None
        # 省生态环境厅（牵头）、省发展改革委 in a 责任单位 cell: the marked unit leads, the others support
        marks = ([_role_mark(text, i_start + length, p_end) for i_start, length, _, _, _ in found]
                 if ROLE_MARK_QUICK.search(text, p_start, p_end) is not None else [None] * len(found))
        lead = "lead" in marks
        items.extend(_Item(i_start, i_start + length, mark or ("support" if lead else part_role), 0, True)
                     for (i_start, length, _, _, _), mark in zip(found, marks))
    return items or None
