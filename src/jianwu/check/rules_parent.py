"""Rules against the parent plan, read from the comparison (``ParentComparison``: the alignment and
the targets compared, as ``jianwu diff`` makes them): JW040-JW041.

They run only when the parent was found in the corpus (``Context.diff``).
"""

from __future__ import annotations

from typing import Iterator

from .context import Context
from .findings import Hit, rule


@rule("JW040", "parent-title-mismatch", "warning", "parent",
      "A clause carries the title of one parent clause but the text of another (Shapingba 18., 19.).",
      "Give the clause the title of the parent clause whose text it follows, or restore the text.")
def parent_title_mismatch(ctx: Context) -> Iterator[Hit]:
    diff = ctx.diff
    if diff is None:
        return
    by_path = {tuple(c.path): c for c in diff.parent.clauses}
    for alignment in diff.alignments:
        if alignment.child_index is None or alignment.parent_index is None:
            continue
        clause = diff.child.clauses[alignment.child_index]
        body = diff.parent.clauses[alignment.parent_index]
        for flag in alignment.flags:
            titled = by_path.get(tuple(flag.parent_path or ()))
            if flag.code != "title_body_mismatch" or titled is None:
                continue
            line, column = ctx.position(clause.text_offset)
            yield Hit(
                f"{clause.number}{clause.title} has the title of the parent's {titled.number}{titled.title} "
                f"but follows the text of its {body.number}{body.title}; give the clause the title of the text it follows",
                line, column,
            )


@rule("JW041", "weakened-target", "warning", "parent",
      "The child plan sets a target looser than its parent's for the same indicator, scope and basis "
      "(the verdict of `jianwu diff`; absolute totals of different jurisdictions are not comparable and never reported).",
      "Restore at least the parent's value (a lower level may tighten a target, not loosen it).")
def weakened_target(ctx: Context) -> Iterator[Hit]:
    diff = ctx.diff
    if diff is None:
        return
    for change in diff.targets:
        if change.status != "looser" or change.child is None:
            continue
        start, end = change.child.span
        found = ctx.doc.text.find(change.indicator, start, end)
        line, column = ctx.position(found if found >= 0 else start)
        there = change.parent.value_text if change.parent is not None else "?"
        yield Hit(
            f"target “{change.indicator}” is looser than in the parent plan: {change.child.value_text} here, {there} there; "
            "restore the parent's value or a stricter one",
            line, column,
        )
