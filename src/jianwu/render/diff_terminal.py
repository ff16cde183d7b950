"""``jianwu diff`` in the terminal: a summary panel, then one section per clause pair.

Deleted parent text is red and struck through, inserted child text green and
underlined.  Where colour is not available (a pipe, a file, NO_COLOR) the changes
are marked in text instead, as git's word diff does: ``[-deleted-]{+inserted+}``.
Long unchanged runs are shortened to their ends in the inline view
(``--side-by-side`` shows both texts whole).
"""

from __future__ import annotations

from typing import Iterable, Optional

from rich.console import Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..diffmodel import Alignment, CorpusEntry, DocumentDiff, clause_label, corpus_row, moved_sentence_notes, select, summary_rows
from ..inline_diff import Edit

DELETED = "red strike"
INSERTED = "green underline"
STATUS_STYLE = {
    "identical": "dim",
    "modified": "yellow",
    "merged": "magenta",
    "split": "magenta",
    "moved": "cyan",
    "dropped": "red",
    "added": "green",
}
CONTEXT = 24  # characters kept at each end of a long unchanged run in the inline view


def _changed(text: Text, run: str, style: str, marks: bool, opener: str, closer: str) -> None:
    text.append(f"{opener}{run}{closer}" if marks else run, style=style)


def inline_text(edits: Iterable[Edit], *, shorten: bool = True, marks: bool = False) -> Text:
    text = Text()
    for e in edits:
        if e.op == "equal":
            run = e.child
            if shorten and len(run) > 3 * CONTEXT:
                text.append(run[:CONTEXT])
                text.append(f" …{len(run) - 2 * CONTEXT}… ", style="dim")
                text.append(run[-CONTEXT:])
            else:
                text.append(run)
            continue
        if e.parent:
            _changed(text, e.parent, DELETED, marks, "[-", "-]")
        if e.child:
            _changed(text, e.child, INSERTED, marks, "{+", "+}")
    return text


def side_texts(edits: Iterable[Edit], *, marks: bool = False) -> tuple[Text, Text]:
    parent, child = Text(), Text()
    for e in edits:
        if e.op == "equal":
            parent.append(e.parent)
            child.append(e.child)
            continue
        if e.parent:
            _changed(parent, e.parent, DELETED, marks, "[-", "-]")
        if e.child:
            _changed(child, e.child, INSERTED, marks, "{+", "+}")
    return parent, child


def summary_panel(diff: DocumentDiff) -> Panel:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in summary_rows(diff):
        grid.add_row(escape(label), escape(value))  # a str cell is markup: document text must not be read as tags
    return Panel(grid, title="jianwu diff", title_align="left", expand=False)


def _heading(diff: DocumentDiff, a: Alignment) -> Text:
    head = Text()
    head.append(f"{a.status}", style=f"bold {STATUS_STYLE[a.status]}")
    if a.similarity is not None and a.status != "identical":
        head.append(f" {a.similarity:.2f}")
    if a.basis:
        head.append(f" [{a.basis}]", style="dim")
    head.append("  ")
    head.append(clause_label(diff.parent, a.parent_index))
    head.append("  →  ", style="dim")
    head.append(clause_label(diff.child, a.child_index), style="bold")
    return head


def section(diff: DocumentDiff, a: Alignment, *, side_by_side: bool, marks: bool = False) -> RenderableType:
    parts: list[RenderableType] = [_heading(diff, a)]
    for flag in a.flags:
        parts.append(Text(f"  ⚠ {flag.code}: {flag.message}", style="yellow"))
    for note in moved_sentence_notes(diff, a):
        parts.append(Text(f"  ↪ {note}", style="cyan"))
    if a.status == "added" and a.child_index is not None:
        parts.append(Text(diff.child.clauses[a.child_index].text, style="green"))
    elif a.status == "dropped" and a.parent_index is not None:
        parts.append(Text(diff.parent.clauses[a.parent_index].text, style="red"))
    elif a.status != "identical" and a.edits:
        if side_by_side:
            table = Table(show_header=True, header_style="bold", expand=True, show_lines=False)
            # fold: Chinese has no spaces to wrap at, and the default would crop each paragraph to "…"
            table.add_column(escape(f"parent {diff.parent.id}"), ratio=1, overflow="fold")
            table.add_column(escape(f"child {diff.child.id}"), ratio=1, overflow="fold")
            table.add_row(*side_texts(a.edits, marks=marks))
            parts.append(table)
        else:
            parts.append(inline_text(a.edits, marks=marks))
    return Group(*parts, Text(""))


def targets_table(diff: DocumentDiff) -> Table:
    table = Table(title="Targets", title_justify="left", show_lines=False)
    for col in ("status", "indicator", "parent", "child", "detail"):
        table.add_column(col)
    for t in diff.targets:
        table.add_row(
            Text(t.status, style=STATUS_STYLE.get({"stricter": "added", "looser": "dropped"}.get(t.status, ""), "")),
            escape(t.indicator),
            escape(clause_label(diff.parent, t.parent_index)) if t.parent_index is not None else "—",
            escape(clause_label(diff.child, t.child_index)) if t.child_index is not None else "—",
            escape(t.detail),
        )
    return table


def departments_table(diff: DocumentDiff) -> Table:
    table = Table(title="Departments", title_justify="left")
    for col in ("status", "canonical", "parent", "child"):
        table.add_column(col)
    for d in diff.departments:
        table.add_row(d.status.replace("_", " "), escape(d.canonical), escape("、".join(d.parent_names)) or "—",
                      escape("、".join(d.child_names)) or "—")
    return table


def render_diff(
    diff: DocumentDiff, *, only: Optional[str] = None, side_by_side: bool = False, marks: bool = False
) -> list[RenderableType]:
    """Renderables for the terminal; ``marks`` spells changes out for output without colour."""
    out: list[RenderableType] = [summary_panel(diff)]
    out += [section(diff, a, side_by_side=side_by_side, marks=marks) for a in select(diff.alignments, only)]
    if only is None:
        out += [targets_table(diff), departments_table(diff)]
    return out


# Short headers for the terminal; markdown and html spell them out (diffmodel.CORPUS_COLUMNS).
TERMINAL_CORPUS_HEADERS = ("child", "parent", "kept", "mod", "drop", "add", "copied", "strict", "loose", "depts", "flags")
CORPUS_CAPTION = "kept/mod/drop: parent clauses · add: child clauses · copied: child text from the parent · strict/loose: targets · depts: mapped"


def render_corpus(entries: list[CorpusEntry], *, only: Optional[str] = None) -> list[RenderableType]:
    """One summary row per (child, parent) pair; children whose parent is missing, with what they cite.

    With ``only``, a table per pair of its selected clauses follows the summary.
    """
    table = Table(title="Child plans against their parents", title_justify="left", caption=CORPUS_CAPTION, caption_justify="left")
    for col in TERMINAL_CORPUS_HEADERS:
        ident = col in ("child", "parent")
        table.add_column(col, overflow="fold", no_wrap=ident, justify="left" if ident else "right")
    missing = Table(title="Parent not in the corpus", title_justify="left")
    missing.add_column("child", no_wrap=True)
    missing.add_column("cites", overflow="fold")
    for entry in entries:
        if entry.diff is not None:
            table.add_row(*map(escape, corpus_row(entry.diff)))
        elif not entry.top:
            missing.add_row(escape(entry.child.id), escape(entry.missing or ""))
    selected: list[RenderableType] = []
    for entry in entries if only is not None else ():
        if entry.diff is None:
            continue
        pairs = Table(title=escape(f"{entry.diff.child.id} ← {entry.diff.parent.id}: {only}"), title_justify="left")
        for col in ("status", "parent", "child"):
            pairs.add_column(col)
        for a in select(entry.diff.alignments, only):
            pairs.add_row(Text(a.status, style=STATUS_STYLE[a.status]), escape(clause_label(entry.diff.parent, a.parent_index)),
                          escape(clause_label(entry.diff.child, a.child_index)))
        selected.append(pairs)
    return [table, *selected, missing]
