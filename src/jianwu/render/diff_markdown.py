"""``jianwu diff --format markdown``: a report that reads on GitHub or in any Markdown viewer.

Changes are marked with inline ``<del>``/``<ins>`` (CommonMark passes them
through, and unlike ``~~``/``**`` they work next to Chinese punctuation).  All
document text is escaped for both HTML and Markdown.
"""

from __future__ import annotations

import html
from typing import Iterable, Optional


from ..diffmodel import CORPUS_COLUMNS, Alignment, CorpusEntry, DocumentDiff, clause_label, corpus_row, moved_sentence_notes, select, summary_rows
from ..patterns import compile_pattern
from .marks import marked_inline, marked_sides

# Characters Markdown would read as markup inside a paragraph or a table cell.
MARKDOWN_SPECIAL = compile_pattern(r"([\\`*_\[\]|~#])")


def escape(text: str) -> str:
    """Document text as literal Markdown: HTML-escaped, markup characters backslashed, newlines as <br>."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", "<br>")


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(rows_) + " |" for rows_ in ([escape(c) for c in row] for row in rows)]
    return lines


def _section(diff: DocumentDiff, a: Alignment, side_by_side: bool) -> list[str]:
    score = f" {a.similarity:.2f}" if a.similarity is not None and a.status != "identical" else ""
    lines = [
        f"### {escape(clause_label(diff.child, a.child_index))} ⟸ {escape(clause_label(diff.parent, a.parent_index))}",
        "",
        f"**{a.status}**{score}" + (f" · aligned on {a.basis}" if a.basis else ""),
        "",
    ]
    for flag in a.flags:
        lines += [f"> ⚠ {flag.code}: {escape(flag.message)}", ""]
    for note in moved_sentence_notes(diff, a):
        lines += [f"> ↪ {escape(note)}", ""]
    if a.status == "added" and a.child_index is not None:
        lines += [f"<ins>{escape(diff.child.clauses[a.child_index].text)}</ins>", ""]
    elif a.status == "dropped" and a.parent_index is not None:
        lines += [f"<del>{escape(diff.parent.clauses[a.parent_index].text)}</del>", ""]
    elif a.status != "identical" and a.edits:
        if side_by_side:
            parent, child = marked_sides(a.edits, escape)
            lines += [f"| parent {escape(diff.parent.id)} | child {escape(diff.child.id)} |", "|---|---|", f"| {parent} | {child} |", ""]
        else:
            lines += [marked_inline(a.edits, escape), ""]
    return lines


def render_markdown(diff: DocumentDiff, *, only: Optional[str] = None, side_by_side: bool = False) -> str:
    lines = [f"# {escape(diff.child.title or diff.child.id)} ⟸ {escape(diff.parent.title or diff.parent.id)}", "", "## Summary", ""]
    lines += _table(("", "value"), summary_rows(diff))
    lines += ["", "## Clauses", ""]
    for a in select(diff.alignments, only):
        lines += _section(diff, a, side_by_side)
    lines += ["## Targets", ""]
    lines += _table(
        ("status", "indicator", "parent clause", "child clause", "detail"),
        (
            (
                t.status,
                t.indicator,
                clause_label(diff.parent, t.parent_index) if t.parent_index is not None else "—",
                clause_label(diff.child, t.child_index) if t.child_index is not None else "—",
                t.detail,
            )
            for t in diff.targets
        ),
    )
    lines += ["", "## Departments", ""]
    lines += _table(
        ("status", "canonical", "parent", "child"),
        ((d.status.replace("_", " "), d.canonical, "、".join(d.parent_names) or "—", "、".join(d.child_names) or "—") for d in diff.departments),
    )
    return "\n".join(lines) + "\n"


def render_corpus_markdown(entries: list[CorpusEntry], *, only: Optional[str] = None) -> str:
    """The corpus summary table; with ``only``, each pair's selected clauses listed after it."""
    lines = ["# Child plans against their parents", ""]
    lines += _table(CORPUS_COLUMNS, (corpus_row(e.diff) for e in entries if e.diff is not None))
    if only is not None:
        for e in entries:
            if e.diff is None:
                continue
            lines += ["", f"## {e.diff.child.id} ← {e.diff.parent.id}: {only}", ""]
            selected = select(e.diff.alignments, only)
            lines += _table(("status", "parent", "child"), ((a.status, clause_label(e.diff.parent, a.parent_index), clause_label(e.diff.child, a.child_index)) for a in selected)) if selected else ["(none)"]
    lines += ["", "## Parent not in the corpus", ""]
    lines += _table(("child", "cites"), ((e.child.id, e.missing or "") for e in entries if e.diff is None and not e.top))
    return "\n".join(lines) + "\n"
