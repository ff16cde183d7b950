"""Ruled tables on a PDF page: each row read as one line, its cells left to right.

A plan's 重点任务分工表 or table of main indicators is set as a grid of ruled cells, and the text
of each cell wraps inside it.  Read across the page baseline by baseline, the cells of a row
interleave::

    严格执行钢铁、水泥、平板玻璃   省发展改革     省生态环境厅、省
    1 等行业产能置换政策，坚决遏制   委、省工业和   自然资源厅、省市      持续推进
    “两高一低”项目盲目发展         信息化厅       场监管局

This module finds the grid from the page's rules (thin path objects: Word, WPS and browsers
draw a border as a line or a thin filled rectangle) and gives each row as one line, each cell's
lines joined and the cells set apart by two spaces, the form a table has in a text file
(``1  严格执行…盲目发展  省发展改革委、省工业和信息化厅  省生态环境厅、…``), which normalisation,
``task_table`` and ``indicator_table`` read.  A cell merged over rows gives its text to each
row it spans.  A page without a grid of at least two columns and one row (a table going on from
the page before may hold one row on a page) is left to the line reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

# A rule is at most this thick (pt) one way and at least RULE_MIN_LENGTH long the other.
RULE_THICKNESS = 2.5
RULE_MIN_LENGTH = 6.0
# Rules closer than this (pt) meet (a border drawn as four lines leaves small gaps at corners),
# and positions closer than this are one grid line.
TOUCH = 3.0
# Between two cells of a row: two spaces, as a text's table has a tab (normalising keeps them, where
# it takes one space out between a hanzi and a digit: "不低于80%  省交通运输厅").
CELL_GAP = "  "
# Two pieces of one rule lie within this (pt) of one line.
ALIGNED = 1.0
# A grid has at least this many column lines and row lines: two columns, one row (a table going on
# from the page before may hold one row on a page).
MIN_COLUMN_LINES = 3
MIN_ROW_LINES = 2

Char = tuple[float, float, str, bool]  # (baseline, x, character, wide), as the PDF reader makes them
Bounds = tuple[float, float, float, float]  # (left, bottom, right, top)


@dataclass(frozen=True)
class Grid:
    """A ruled table: its column lines (x, with the span of y each covers), its row rules (with
    the span of x each covers) and its row lines (the rules' heights, top first)."""

    verticals: tuple[tuple[float, float, float], ...]  # (x, bottom, top)
    horizontals: tuple[tuple[float, float, float], ...]  # (left, right, y)
    rows: tuple[float, ...]  # y of each row line, top first
    left: float
    right: float

    @property
    def top(self) -> float:
        return self.rows[0]

    @property
    def bottom(self) -> float:
        return self.rows[-1]

    def holds(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.bottom <= y <= self.top

    def cell_of(self, x: float, y: float) -> tuple[float, float, float, float]:
        """(left, right, top, bottom) of the cell holding the point: between the column lines
        crossing its height, and between the row rules crossing its column (a cell merged over
        rows has no rule between them, one merged over columns no column line)."""
        xs = _merge([vx for vx, bottom, top in self.verticals if bottom - TOUCH <= y <= top + TOUCH])
        left = max((vx for vx in xs if vx <= x), default=self.left)
        right = min((vx for vx in xs if vx > x), default=self.right)
        ys = [hy for hl, hr, hy in self.horizontals if hl <= left + TOUCH and hr >= right - TOUCH]
        top = min((hy for hy in ys if hy >= y), default=self.top)
        bottom = max((hy for hy in ys if hy < y), default=self.bottom)
        return left, right, top, bottom

    def rows_of(self, top: float, bottom: float) -> list[int]:
        """The rows (0 from the top) between two row lines: one, or those a merged cell spans."""
        return [i for i in range(len(self.rows) - 1) if self.rows[i] <= top + TOUCH and self.rows[i + 1] >= bottom - TOUCH]

    def spanned(self, left: float, row: int) -> list[int]:
        """The rows the cell whose left edge is ``left`` in row ``row`` spans (it alone, or a merge)."""
        _, _, top, bottom = self.cell_of(left + TOUCH + 0.5, (self.rows[row] + self.rows[row + 1]) / 2)
        return self.rows_of(top, bottom)


def _merge(values: list[float]) -> list[float]:
    merged: list[float] = []
    for v in sorted(values):
        if not merged or v - merged[-1] > TOUCH:
            merged.append(v)
    return merged


def _joined(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """(position, start, end) segments on one line (positions within ALIGNED) that touch or overlap
    (within TOUCH), joined into one; the others as they are."""
    out: list[tuple[float, float, float]] = []
    for at, start, end in sorted(segments):
        if out and at - out[-1][0] <= ALIGNED and start <= out[-1][2] + TOUCH:
            out[-1] = (out[-1][0], out[-1][1], max(out[-1][2], end))
        else:
            out.append((at, start, end))
    return out


def find_grids(paths: Sequence[Bounds]) -> list[Grid]:
    """The ruled tables among a page's path bounds."""
    horizontals = [(l, r, (b + t) / 2) for l, b, r, t in paths if t - b <= RULE_THICKNESS and r - l >= RULE_MIN_LENGTH]
    verticals = [((l + r) / 2, b, t) for l, b, r, t in paths if r - l <= RULE_THICKNESS and t - b >= RULE_MIN_LENGTH]
    if len(horizontals) < MIN_ROW_LINES - 1 or len(verticals) < MIN_COLUMN_LINES - 1:
        return []
    # Word and WPS draw each cell's borders apart: the pieces of one line are one rule (a table of
    # 60 rows is then some 60 rules, not 2,000 pieces crossing 2,000 others).
    horizontals = [(a, b, y) for y, a, b in _joined([(y, l, r) for l, r, y in horizontals])]
    verticals = _joined(verticals)
    # Rules that meet are of one table: union-find over the crossings of horizontals and verticals.
    parent = list(range(len(horizontals) + len(verticals)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for h, (left, right, y) in enumerate(horizontals):
        for v, (x, bottom, top) in enumerate(verticals):
            if left - TOUCH <= x <= right + TOUCH and bottom - TOUCH <= y <= top + TOUCH:
                parent[find(h)] = find(len(horizontals) + v)
    groups: dict[int, tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]] = {}
    for h, rule in enumerate(horizontals):
        groups.setdefault(find(h), ([], []))[0].append(rule)
    for v, rule in enumerate(verticals):
        groups.setdefault(find(len(horizontals) + v), ([], []))[1].append(rule)
    grids = []
    for hs, vs in groups.values():
        rows = _merge([y for _, _, y in hs])[::-1]
        columns = _merge([x for x, _, _ in vs])
        if len(rows) < MIN_ROW_LINES or len(columns) < MIN_COLUMN_LINES:
            continue
        grids.append(Grid(tuple(sorted(vs)), tuple(sorted(hs)), tuple(rows), columns[0], columns[-1]))
    return sorted(grids, key=lambda g: -g.top)


@dataclass
class Row:
    """A table row read as one line: its text, where it starts and ends, its top baseline, and its
    cells with text as (left edge, text), left to right, in row ``index`` (0 at the top) of grid ``grid``."""

    text: str
    x0: float
    x1: float
    y: float
    cells: tuple[tuple[float, str], ...] = ()
    grid: int = 0
    index: int = 0

    def with_cells(self, cells: list[tuple[float, str]]) -> "Row":
        ordered = tuple(sorted(cells))
        return Row(CELL_GAP.join(t for _, t in ordered), self.x0, self.x1, self.y, ordered, self.grid, self.index)


def read_rows(chars: list[Char], grids: list[Grid], em: float) -> tuple[list[Char], list[Row]]:
    """(the characters outside every grid, the rows of the grids as lines).  A cell merged over
    rows gives its text to each of them (牵头单位 written once for three tasks is each one's)."""
    outside: list[Char] = []
    cells: dict[tuple[int, tuple[float, float, float, float]], list[Char]] = {}
    for c in chars:
        y, x = c[0], c[1] + 0.25 * em  # (a character's origin is its left edge: a bit inside it)
        grid_index = next((i for i, g in enumerate(grids) if g.holds(x, y)), None)
        if grid_index is None:
            outside.append(c)
            continue
        cells.setdefault((grid_index, grids[grid_index].cell_of(x, y)), []).append(c)
    by_row: dict[tuple[int, int], list[tuple[float, list[Char]]]] = {}
    for (g, (left, _, top, bottom)), members in cells.items():
        for r in grids[g].rows_of(top, bottom):
            by_row.setdefault((g, r), []).append((left, members))
    rows: list[Row] = []
    for (g, r), columns in sorted(by_row.items()):
        cells = [(left, t) for left, t in ((left, _cell_text(members, em)) for left, members in sorted(columns, key=lambda cm: cm[0])) if t]
        texts = [t for _, t in cells]
        if not texts:
            continue
        members_all = [c for _, members in columns for c in members]
        x0 = min(c[1] for c in members_all)
        last = max(members_all, key=lambda c: c[1])
        # (the row's height: its top line's, less a line, so that rows keep their order among the lines)
        rows.append(Row(CELL_GAP.join(texts), x0, last[1] + (em if last[3] else 0.5 * em), grids[g].rows[r] - em, tuple(cells), g, r))
    return outside, rows


def go_on(before: Row, header: Optional[Row], rows: list[Row], grid: Grid) -> tuple[Optional[Row], list[Row]]:
    """A table going on at the top of a page: ``before``, the last row of the page before (``header``:
    the table's first row), and ``rows``, those of the page's first ``grid``, top first.  Returns
    ``before`` with the rest of its cells (None: it had none here) and the rows left:

    * the header row Word repeats on each page is dropped;
    * a row broken over the page (its first cell, 序号, empty here, not merged down) is the rest of
      ``before``: each cell's text goes on the cell of ``before`` it is under; so is one of half as many
      cells as ``before`` or fewer when ``before`` has no first cell (a 类别 merged down beside it);
    * a cell merged down over the page break (empty at the top, spanning rows: 牵头单位 written once for
      tasks on both pages) gives each row it spans here the text it had on the page before.
    """
    rows = list(rows)
    top = 0  # the grid's first row of data
    if rows and header is not None and rows[0].index == 0 and rows[0].text == header.text:
        rows.pop(0)
        top = 1
    if top >= len(grid.rows) - 1 or not before.cells:
        return None, rows
    merged: Optional[Row] = None
    first_left = before.cells[0][0]
    # (the row before without a first cell of its own, a 类别 merged down beside it: the rest is the
    # few cells a broken row leaves, 氮氧化物重点工程减排量 | （吨）, not a row of its own under the 类别)
    if (rows and rows[0].index == top and rows[0].cells[0][0] > grid.left + TOUCH and len(grid.spanned(grid.left, top)) == 1
            and (abs(first_left - grid.left) <= TOUCH or 2 * len(rows[0].cells) <= len(before.cells))):
        rest = rows.pop(0)
        cells = list(before.cells)
        for left, text in rest.cells:
            at = next((i for i, (l, _) in enumerate(cells) if abs(l - left) <= TOUCH), None)
            if at is None:
                cells.append((left, text))
            else:
                cells[at] = (cells[at][0], cells[at][1] + text)
        merged = before = before.with_cells(cells)
    for left, text in before.cells:
        spanned = grid.spanned(left, top)
        if len(spanned) < 2:
            continue
        for i, row in enumerate(rows):
            if row.index in spanned and not any(abs(l - left) <= TOUCH for l, _ in row.cells):
                rows[i] = row.with_cells([*row.cells, (left, text)])
    return merged, rows


def _cell_text(members: list[Char], em: float) -> str:
    """A cell's characters, its lines top to bottom, each left to right, joined without a break."""
    ordered = sorted(members, key=lambda c: -c[0])
    lines: list[list[Char]] = []
    base = None
    for c in ordered:
        if base is None or base - c[0] > 0.4 * em:
            lines.append([c])
            base = c[0]
        else:
            lines[-1].append(c)
    # (white space inside a cell is layout: a cell is one run of text, as task_table reads cells)
    return "".join(ch for line in lines for _, _, ch, _ in sorted(line, key=lambda c: c[1]) if not ch.isspace())
