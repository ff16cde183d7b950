"""``jianwu check --format text``: findings grouped by file, for a terminal.

The report is a list of rows, each a run of (text, style) pieces.  On a terminal rich prints
them styled; anywhere else (a pipe, a file, a CI log: where a check mostly runs) rich would
print the pieces' text as it is, and ``plain_check_text`` writes that without importing rich
(25 ms, a tenth of a warm ``jianwu check FILE``).  A row holding a tab or a control character is
left to rich, which expands the one and strips the other.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Iterator, Optional

from ..check import CheckRun, Finding

if TYPE_CHECKING:
    from rich.console import Console

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}

Row = list[tuple[str, str]]  # (text, style) pieces; the first piece's style is the line's own

# What rich changes in a text it prints: tabs (expanded to 8 columns) and the control codes it strips.
RICH_CHANGES = frozenset("\t\x07\x08\x0b\x0c\x0d")


def rows(run: CheckRun, fail_on: str) -> Iterator[Row]:
    for file, group in groupby(run.findings, key=lambda f: f.file):
        yield [(file, "bold underline")]
        for finding in group:
            yield _line(finding)
        yield []
    yield [(summary_line(run, fail_on), "bold")]


def render_check_text(run: CheckRun, console: Console, fail_on: str) -> None:
    from rich.text import Text

    for row in rows(run, fail_on):
        if not row:
            console.print()
            continue
        (first, style), *rest = row
        text = Text(first, style=style)
        for piece, piece_style in rest:
            text.append(piece, style=piece_style)
        console.print(text)


def plain_check_text(run: CheckRun, fail_on: str) -> Optional[str]:
    """The report as rich prints it off a terminal (no styles), or None when a row holds
    something rich would change (``RICH_CHANGES``)."""
    lines = ["".join(piece for piece, _ in row) for row in rows(run, fail_on)]
    text = "\n".join(lines) + "\n"
    return None if not RICH_CHANGES.isdisjoint(text.replace("\n", "")) else text


def _line(f: Finding) -> Row:
    where = f"{f.line}:{f.column}" if f.page is None else f"p{f.page} {f.line}:{f.column}"
    return [
        ("  ", ""),
        (where.ljust(9 if f.page is None else 13), "dim"),
        (f.severity.ljust(8), STYLE[f.severity]),
        (f"{f.rule} ", "bold"),
        (f"{f.name}  ", "dim"),
        (f.message, ""),
    ]


def summary_line(run: CheckRun, fail_on: str) -> str:
    counts = {s: sum(1 for f in run.findings if f.severity == s) for s in ("error", "warning", "info")}
    files = len(run.files)
    parts = [f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
             f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
             f"{counts['info']} info"]
    line = f"{files} file{'s' if files != 1 else ''} checked: {', '.join(parts)}"
    if run.silenced:
        line += f" ({run.silenced} silenced)"
    if run.errors:
        line += f"; {len(run.errors)} unreadable"
    return line + f"; failing on {fail_on} and above"
