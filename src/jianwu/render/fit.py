"""Tables that fit a terminal: widest text columns wrapped, a wide matrix split into column blocks.

Widths are measured in terminal cells (a CJK character counts double), as rich
measures them.  Only terminals get fitted tables: a pipe or a file gets every
table as wide as it needs, so that no line is broken inside a cell.
"""

from __future__ import annotations

from copy import copy

from rich.cells import cell_len
from rich.errors import MarkupError
from rich.table import Table
from rich.text import Text

# Room a column takes beyond its content: the border and one space each side.
COLUMN_CHROME = 3
# A wrapped text column keeps at least this many cells, so words stay readable.
MIN_WRAPPED = 8


def _cell_width(cell: object) -> int:
    if isinstance(cell, Text):
        text = cell.plain
    else:
        text = str(cell)
        if "[" in text:  # rich renders a str cell as console markup: measure what it shows
            try:
                text = Text.from_markup(text).plain
            except MarkupError:
                pass
    return max((cell_len(line) for line in text.split("\n")), default=0)


def column_widths(table: Table) -> list[int]:
    """Natural width of each column: its widest cell or its header."""
    return [max([_cell_width(column.header)] + [_cell_width(c) for c in column._cells]) for column in table.columns]


def natural_width(table: Table) -> int:
    return sum(w + COLUMN_CHROME for w in column_widths(table)) + 1


def wrap_to_width(table: Table, width: int) -> Table:
    """Wrap the widest columns, sharing the room the others leave in proportion to their widths.

    The narrow columns (numbers, units, years) keep their natural width, so a value
    is never broken; each wrapped column keeps at least MIN_WRAPPED cells.
    """
    widths = column_widths(table)
    wrapped: list[int] = []
    total = natural_width(table)
    for i in sorted(range(len(widths)), key=lambda k: -widths[k]):
        if total <= width or widths[i] <= MIN_WRAPPED:
            break
        if table.columns[i].justify == "right":
            continue  # a number column: a value is never broken
        wrapped.append(i)
        total -= widths[i] - MIN_WRAPPED
    if not wrapped:
        return table
    fixed = sum(w + COLUMN_CHROME for i, w in enumerate(widths) if i not in wrapped) + 1
    room = max(width - fixed - COLUMN_CHROME * len(wrapped), MIN_WRAPPED * len(wrapped))
    natural = sum(widths[i] for i in wrapped)
    for i in wrapped:
        share = max(MIN_WRAPPED, room * widths[i] // natural)
        column = table.columns[i]
        column.no_wrap = False
        column.overflow = "fold"  # a run without spaces (Chinese) still breaks inside the column
        column.width = min(share, widths[i])
    for i, column in enumerate(table.columns):
        if i not in wrapped:
            column.no_wrap = True
    # The chrome of a column depends on the box style: let rich measure, and take the excess
    # from the wrapped columns, widest first.
    for _ in range(len(wrapped) * 4):
        excess = _rendered_width(table) - width
        if excess <= 0:
            break
        widest = max(wrapped, key=lambda k: table.columns[k].width or 0)
        column = table.columns[widest]
        if (column.width or 0) <= MIN_WRAPPED:
            break
        column.width = max(MIN_WRAPPED, (column.width or 0) - excess)
    return table


def _rendered_width(table: Table) -> int:
    from rich.console import Console

    return Console(width=100_000).measure(table).maximum


def column_blocks(table: Table, keep: int, width: int) -> list[Table]:
    """``table`` split into tables of the first ``keep`` columns plus as many others as fit ``width``."""
    widths = column_widths(table)
    fixed = sum(w + COLUMN_CHROME for w in widths[:keep]) + 1
    blocks: list[list[int]] = []
    current: list[int] = []
    used = fixed
    for i in range(keep, len(widths)):
        need = widths[i] + COLUMN_CHROME
        if current and used + need > width:
            blocks.append(current)
            current, used = [], fixed
        current.append(i)
        used += need
    if current:
        blocks.append(current)
    if len(blocks) <= 1:
        return [table]
    out = []
    for n, block in enumerate(blocks, start=1):
        part = copy(table)
        part.columns = [copy(table.columns[i]) for i in list(range(keep)) + block]
        part.rows = list(table.rows)
        first, last = table.columns[block[0]].header, table.columns[block[-1]].header
        part.title = f"{table.title or ''} ({n}/{len(blocks)}: columns {_plain(first)} … {_plain(last)})".strip()
        if n < len(blocks):
            part.caption = None
        out.append(part)
    return out


def _plain(header: object) -> str:
    return header.plain if isinstance(header, Text) else str(header)


def fit(table: Table, width: int, *, matrix_keep: int = 0) -> list[Table]:
    """The tables to print for ``table`` on a terminal ``width`` cells wide.

    ``matrix_keep``: for a matrix (many narrow columns after ``matrix_keep`` row
    headers), split into column blocks instead of wrapping cells.
    """
    if natural_width(table) <= width:
        return [table]
    if matrix_keep:
        return column_blocks(table, matrix_keep, width)
    return [wrap_to_width(table, width)]
