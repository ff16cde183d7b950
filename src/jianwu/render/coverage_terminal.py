"""``jianwu coverage`` in the terminal: a compact heat grid that fits the width.

One character per (row, column) cell, coloured by status, with a legend; the
label column (clause path and title) takes what the grid leaves and is truncated
by display width (a CJK character counts two).  When the columns do not fit
beside a readable label, the grid is printed in blocks of columns.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..corpus.coverage import Coverage

# status -> (symbol, style); unknown statuses (a newer aligner's) show as "?".
CLAUSE_STYLES = {
    "identical": ("=", "black on green"),
    "modified": ("~", "black on yellow"),
    "merged": ("M", "white on magenta"),
    "split": ("S", "white on magenta"),
    "partial": ("p", "black on bright_yellow"),
    "moved": ("m", "white on blue"),
    "dropped": ("·", "white on red"),
}
TARGET_STYLES = {
    "same": ("=", "black on green"),
    "stricter": ("↑", "black on bright_green"),
    "looser": ("↓", "white on red"),
    "value_changed": ("≠", "black on yellow"),
    "year_changed": ("y", "black on yellow"),
    "dropped": ("·", "white on bright_black"),
}
DEPARTMENT_STYLES = {"mapped": ("●", "black on green"), "parent_only": ("·", "white on bright_black")}
UNKNOWN = ("?", "reverse")
MIN_LABEL = 16  # display cells kept for the label before the grid is split into blocks
TAIL = 8  # " 12/345" after each row


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` display cells (CJK = 2), with … when cut; padded to the width."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…" + " " * (width - 1 - used)


def _legend(console: Console, title: str, styles: dict[str, tuple[str, str]], extra: str = "") -> None:
    """``title  = identical  ~ modified …`` wrapped between items (never inside one) to the console width."""
    items = [(symbol, status.replace("_", " "), style) for status, (symbol, style) in styles.items()]
    line = Text(title, "bold")
    for symbol, label, style in items:
        item_width = cell_len(symbol) + 1 + cell_len(label) + 2
        if cell_len(line.plain) + item_width > console.width and line.plain.strip():
            console.print(line, no_wrap=True, overflow="crop")
            line = Text("  ")
        else:
            line.append("  ")
        line.append(symbol, style)
        line.append(f" {label}")
    if extra:
        if cell_len(line.plain) + 2 + cell_len(extra) > console.width:
            console.print(line, no_wrap=True, overflow="crop")
            line = Text(" ")
        line.append("  " + extra, "dim")
    console.print(line, no_wrap=True, overflow="crop")


def _grid(
    console: Console,
    labels: Sequence[str],
    ncols: int,
    cell: Callable[[int, int], Optional[tuple[str, str]]],
    tail: Callable[[int], str],
    width: int,
) -> None:
    label_width = min(max((cell_len(l) for l in labels), default=0), 48)
    per_block = max(1, width - MIN_LABEL - TAIL - 1)
    blocks = [range(start, min(ncols, start + per_block)) for start in range(0, ncols, per_block)] or [range(0)]
    for block in blocks:
        lw = max(MIN_LABEL, min(label_width, width - len(block) - TAIL - 1))
        if len(blocks) > 1:
            console.print(Text(f"columns {block.start + 1}–{block.stop}", "dim"))
        numbers = [str(c + 1) for c in block]
        for digit in range(max((len(n) for n in numbers), default=0)):
            row = "".join(n.rjust(len(max(numbers, key=len)))[digit] for n in numbers)
            console.print(Text(" " * (lw + 1) + row, "dim"))
        for r, label in enumerate(labels):
            line = Text(truncate(label, lw) + " ")
            for c in block:
                got = cell(r, c)
                if got is None:
                    line.append(" ")
                else:
                    line.append(got[0], got[1])
            line.append(" " + tail(r))
            console.print(line, no_wrap=True, overflow="crop")


def render_coverage_terminal(cov: Coverage, console: Optional[Console] = None) -> None:
    console = console or Console(highlight=False)
    width = console.width
    ids = [c.id for c in cov.children]
    p = cov.parent
    head = truncate(f"coverage of {p['id']}  {p['title'] or ''}", max(10, width - 16)).rstrip()
    console.print(Text.assemble((head, "bold"), (f"  ({len(ids)} {cov.columns})", "dim")), no_wrap=True, overflow="crop")
    for n, c in enumerate(cov.children, 1):
        via = f" via {c.via}" if c.via else ""
        console.print(
            Text(truncate(f"{n:>3} {c.id}  {c.level or '—'}  {c.relation}{via}  adoption {c.adoption:.1%}  kept {c.kept:.1%}", width - 1).rstrip()),
            no_wrap=True,
        )
    console.print()
    _legend(console, "clauses", CLAUSE_STYLES, "right: kept by / dropped by")
    labels = ["  " * (len(r.parent_path) - 1) + "/".join(r.parent_path[-1:]) + " " + r.title for r in cov.rows]
    _grid(
        console, labels, len(ids),
        lambda r, c: CLAUSE_STYLES.get(cov.rows[r].cells[ids[c]].status, UNKNOWN),
        lambda r: f"{cov.rows[r].kept_by}/{cov.rows[r].dropped_by}",
        width,
    )
    if cov.targets:
        console.print()
        _legend(console, "targets", TARGET_STYLES, "blank: not compared; right: kept by / dropped by")
        labels = ["/".join(t.parent_path) + f" {t.indicator} {t.value_text}" + (f" ({t.year})" if t.year else "") for t in cov.targets]

        def target_cell(r: int, c: int) -> Optional[tuple[str, str]]:
            got = cov.targets[r].cells.get(ids[c])
            return None if got is None else TARGET_STYLES.get(got.status, UNKNOWN)

        def target_tail(r: int) -> str:
            cells = cov.targets[r].cells.values()
            return f"{sum(1 for c in cells if c.status != 'dropped')}/{sum(1 for c in cells if c.status == 'dropped')}"

        _grid(console, labels, len(ids), target_cell, target_tail, width)
    if cov.departments:
        console.print()
        _legend(console, "departments", DEPARTMENT_STYLES, "blank: not named; right: mapped by")

        def department_cell(r: int, c: int) -> Optional[tuple[str, str]]:
            got = cov.departments[r].cells.get(ids[c])
            return None if got is None else DEPARTMENT_STYLES.get(got.status, UNKNOWN)

        _grid(console, [d.canonical for d in cov.departments], len(ids), department_cell, lambda r: str(cov.departments[r].mapped_by), width)
