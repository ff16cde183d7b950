"""Inline-diff edits marked up with <del>/<ins>, for the HTML and Markdown reports."""

from __future__ import annotations

from typing import Callable, Iterable

from ..inline_diff import Edit

Escape = Callable[[str], str]


def marked_inline(edits: Iterable[Edit], escape: Escape) -> str:
    """One text: the child's, with the parent's deletions struck through in place."""
    out: list[str] = []
    for e in edits:
        if e.op == "equal":
            out.append(escape(e.child))
            continue
        if e.parent:
            out.append(f"<del>{escape(e.parent)}</del>")
        if e.child:
            out.append(f"<ins>{escape(e.child)}</ins>")
    return "".join(out)


def marked_sides(edits: Iterable[Edit], escape: Escape) -> tuple[str, str]:
    """(parent, child) texts for a side-by-side view, each with its own changes marked."""
    parent: list[str] = []
    child: list[str] = []
    for e in edits:
        if e.op == "equal":
            parent.append(escape(e.parent))
            child.append(escape(e.child))
            continue
        if e.parent:
            parent.append(f"<del>{escape(e.parent)}</del>")
        if e.child:
            child.append(f"<ins>{escape(e.child)}</ins>")
    return "".join(parent), "".join(child)
