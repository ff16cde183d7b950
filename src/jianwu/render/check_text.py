"""``jianwu check --format text``: findings grouped by file, for a terminal."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from ..check import CheckRun, Finding

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_check_text(run: CheckRun, console: Console, fail_on: str) -> None:
    for file, group in groupby(run.findings, key=lambda f: f.file):
        console.print(Text(file, style="bold underline"))
        for finding in group:
            console.print(_line(finding))
        console.print()
    console.print(Text(summary_line(run, fail_on), style="bold"))


def _line(f: Finding) -> Text:
    text = Text("  ")
    where = f"{f.line}:{f.column}" if f.page is None else f"p{f.page} {f.line}:{f.column}"
    text.append(where.ljust(9 if f.page is None else 13), style="dim")
    text.append(f.severity.ljust(8), style=STYLE[f.severity])
    text.append(f"{f.rule} ", style="bold")
    text.append(f"{f.name}  ", style="dim")
    text.append(f.message)
    return text


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
