"""A table (Word or web page) -> text lines the clause and departments readers understand.

Plans put their division of labour in tables (重点任务分工表: 序号 / 重点任务 / 牵头单位 /
配合单位 / 完成时限).  Each task row becomes one clause-like line,

    1.推进工业节能改造（完成时限：2025年底）（牵头单位：区经济信息委；配合单位：区发展改革委）

that is, the 序号 as a clause number, the task, the other columns as ``（列名：值）`` and the
role columns as one responsibility note labelled with the table's own headers, so that
``departments.py`` reads the roles from the labels exactly as it does in running text.
A table without role columns (the 信息公开 block, a target table) gives one line per
row: ``索引号：… 发文机关：…`` for label/value cells, cells two spaces apart otherwise (as a PDF's
ruled table and a text's tabs: normalising keeps them, and the clause parser reads the cells).
"""

from __future__ import annotations


from ..numbering import match_token
from ..patterns import compile_pattern
from .pdf_tables import CELL_GAP  # (a plain table's cells apart as a PDF's are: a text's tab)

# Header of a role column: 牵头单位 / 责任部门 / 配合单位 / 主要责任单位 / 参与部门
ROLE_HEADER = compile_pattern(r"^(?:主要|具体)?(?:牵头|责任|主责|主办|负责|配合|参与|协同|协办|协助|参加)(?:单位|部门)$")
# Header of the task column: 重点任务 / 工作任务 / 任务内容 / 具体措施 / 主要工作 / 工作内容
TASK_HEADER = compile_pattern(r"^(?:重点|主要|具体|工作|目标)?(?:任务|工作|措施|内容|事项|举措)(?:内容|措施|名称|事项|举措)?$")
# Header of the number column: 序号 / 编号
NUMBER_HEADER = compile_pattern(r"^(?:序号|编号)$")
# A 序号 cell: 1 / 12 / 一 / 十四 (a bare number; written tokens such as （一） are kept as written)
BARE_ARABIC = compile_pattern(r"^\d{1,3}$")
BARE_CN = compile_pattern(r"^[一二三四五六七八九十]{1,3}$")
# White space inside a header cell: 牵 头 单 位 (headers are often spaced out to fill the cell)
SPACE = compile_pattern(r"\s+")
HEADER_ROWS = 3  # a header is one of the first rows (title rows may come first)


def _squeeze(cell: str) -> str:
    return SPACE.sub("", cell)


def _header_index(rows: list[list[str]]) -> int | None:
    """Index of the header row of a task table (one with a role column), or None."""
    for i, row in enumerate(rows[:HEADER_ROWS]):
        cells = [_squeeze(c) for c in row]
        if any(ROLE_HEADER.match(c) for c in cells) and len([c for c in cells if c]) >= 2:
            return i
    return None


def _number_token(cell: str) -> str:
    """序号 cell -> a clause number: 3 -> 3. ; 三 -> 三、 ; （三） / 3. stay as written."""
    cell = cell.strip()
    if BARE_ARABIC.match(cell):
        return f"{int(cell)}."
    if BARE_CN.match(cell):
        return f"{cell}、"
    return cell


class SpanCopy(str):
    """A cell's text repeated in a grid column its horizontal merge covers (gridSpan, colspan): the readers
    give the first column the text itself and the others a copy of this type."""


def span_cells(text: str, span: int) -> list[str]:
    """The grid columns of a cell spanning ``span`` of them: its text, then its copies."""
    return [text] + [SpanCopy(text)] * (span - 1)


def _distinct(row: list[str]) -> list[str]:
    """Cells of a row without the copies a horizontal merge repeats, empty cells dropped.

    Only a merge's copy (SpanCopy) goes: two cells that hold the same text are both kept (an indicator
    table's 2020年 and 2025年 values, 100 and 100)."""
    out: list[str] = []
    for raw in row:
        cell = raw.strip()
        if cell and not (isinstance(raw, SpanCopy) and out and out[-1] == cell):
            out.append(cell)
    return out


def _plain_row(row: list[str]) -> str:
    """One line for a row of a plain table: label cells (ending in ：) glued to their value."""
    parts: list[str] = []
    labelled = False
    for cell in _distinct(row):
        cell = cell.replace("\n", " ")
        if parts and parts[-1].endswith(("：", ":")):
            parts[-1] += cell
            labelled = True
        else:
            parts.append(cell)
    # Fields (索引号：… 发文机关：…) one space apart, as a web page's text has them; the cells of
    # a table of values (指标 2020年 2025年) two, as a PDF's ruled table and a text's tabs: normalising
    # keeps those, and the clause parser reads the cells (the first the row's title).
    return (" " if labelled else CELL_GAP).join(parts)


def _task_row(header: list[str], row: list[str]) -> str:
    number = ""
    task: list[str] = []
    extras: list[str] = []
    roles: list[str] = []
    for name, cell in zip(header, row):
        cell = cell.strip()
        if not cell:
            continue
        if NUMBER_HEADER.match(name):
            number = _number_token(cell)
        elif ROLE_HEADER.match(name):
            roles.append(f"{name}：{cell.replace(chr(10), '')}")
        elif TASK_HEADER.match(name) or not name:
            task.append(cell)
        else:
            extras.append(f"（{name}：{cell.replace(chr(10), '')}）")
    text = "\n".join(task)
    if number and text and match_token(text) is not None:
        number = ""  # the task cell already carries its number
    note = f"（{'；'.join(roles)}）" if roles else ""
    return number + text + "".join(extras) + note


def table_to_lines(rows: list[list[str]]) -> list[str]:
    """The lines a table contributes to the document text, in row order."""
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    header_at = _header_index(rows)
    if header_at is None:
        if all(len(_distinct(row)) <= 1 for row in rows):
            # A box, not a table (a 专栏 or a framed passage: one cell a row): its paragraphs are
            # lines, as a PDF's reader gives them (a grid of one column is no table) and a web
            # page's (a layout table is read as blocks).
            return [line.strip() for row in rows for cell in _distinct(row) for line in cell.split("\n") if line.strip()]
        return [line for line in map(_plain_row, rows) if line]
    lines = [line for line in map(_plain_row, rows[:header_at]) if line]
    header = [_squeeze(c) for c in rows[header_at]]
    for row in rows[header_at + 1:]:
        distinct = _distinct(row)
        if len(distinct) == 1 and len(row) > 2:
            lines.append(distinct[0])  # a row merged across the table: a group heading
            continue
        line = _task_row(header, row + [""] * (len(header) - len(row)))
        if line:
            lines.append(line)
    return lines

