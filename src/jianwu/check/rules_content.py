"""Content rules: titles, departments and targets of one document.  JW030-JW033.

The department and target rules read what the extractors put on the clauses
(``Clause.departments``, ``Clause.targets``); with no extractor installed
they find nothing.
"""

from __future__ import annotations

from typing import Iterator, Optional


from ..model import Clause, DepartmentRef
from ..patterns import compile_pattern
from .context import Context
from .findings import Hit, rule

# What may stand before a repeated department name in a note for it to count as a name of its
# own, not the tail of a longer one: a list separator, a bracket or white space
# (“市生态环境局、市生态环境局” repeats; “区生态环境局” does not repeat “生态环境局”).
NAME_SEPARATOR = compile_pattern(r"[（、，,；;：:\s]")


def _is_heading_only(ctx: Context, clause: Clause) -> bool:
    """A structural heading: its own text is just the title and it has children."""
    return clause.text.strip("。：: \n") == clause.title and bool(ctx.doc.children(clause))


@rule("JW030", "duplicate-title", "warning", "content",
      "Two clauses of one document have the same title (a copy-paste slip).",
      "Give the later clause its own title, or merge the two clauses.")
def duplicate_title(ctx: Context) -> Iterator[Hit]:
    first: dict[str, Clause] = {}
    for clause in ctx.doc.clauses:
        if clause.number is None or not clause.title:
            continue
        earlier = first.get(clause.title)
        if earlier is None:
            first[clause.title] = clause
            continue
        if _is_heading_only(ctx, clause) and _is_heading_only(ctx, earlier):
            continue  # the same sub-heading repeated in each chapter is a layout, not a slip
        line, column = ctx.position(clause.text_offset)
        yield Hit(
            f"{clause.number}{clause.title} repeats the title of {earlier.number} (line {earlier.line}); "
            "give this clause the title that matches its text",
            line, column,
        )


def _dept_position(ctx: Context, clause: Clause, dept: DepartmentRef) -> tuple[int, int]:
    start = dept.span[0] if dept.span != (0, 0) else clause.span[0]
    return ctx.position(start)


@rule("JW031", "unknown-department", "warning", "content",
      "A responsibility note names a department that is not in the alias table.",
      "Check the name for a typo (区住房城乡建设建委); if it is right, add it to the alias table.")
def unknown_department(ctx: Context) -> Iterator[Hit]:
    for clause in ctx.doc.clauses:
        for dept in clause.departments:
            if dept.known or dept.generic:
                continue
            line, column = _dept_position(ctx, clause, dept)
            yield Hit(f"department “{dept.name}” in {clause.number or clause.key} is not in the alias table; check the name for a typo or add an alias", line, column)


@rule("JW032", "duplicate-department", "warning", "content",
      "One responsibility note names the same department twice.",
      "Delete the repeated name; a department that was meant differently needs its own name.")
def duplicate_department(ctx: Context) -> Iterator[Hit]:
    text = ctx.doc.text
    for clause in ctx.doc.clauses:
        reported: set[int] = set()
        seen: dict[tuple[int, Optional[str], Optional[str], str], DepartmentRef] = {}
        for dept in clause.departments:
            if dept.generic or dept.inherited:
                continue
            # 重庆市X局 and 四川省X厅, or 厦门证监局 and 福建证监局, are two bodies of one function.
            key = (dept.note, dept.region, dept.level, dept.canonical)
            if key in seen:  # an extractor that keeps repeats
                reported.add(dept.span[0])
                yield _duplicate_hit(ctx, clause, dept.name, dept.span[0])
                continue
            seen[key] = dept
            # An extractor that merges repeats: look for the name again in the same note.
            if dept.span == (0, 0):
                continue
            start, end = _note_bounds(text, dept.span[0])
            # Only within the same list: after ； a joint plan lists its other partner's bodies.
            list_end = min((i for i in (text.find("；", dept.span[1], end), text.find(";", dept.span[1], end)) if i >= 0), default=end)
            end = list_end
            for offset in _repeats(text, dept.name, dept.span[1], end):
                if offset not in reported:
                    reported.add(offset)
                    yield _duplicate_hit(ctx, clause, dept.name, offset)


def _repeats(text: str, name: str, start: int, end: int) -> Iterator[int]:
    """Offsets of ``name`` in ``text[start:end]`` after a separator (not overlapping, left to
    right): a plain search, not a pattern compiled per department name."""
    if not name:
        return
    at = text.find(name, start, end)
    while at >= 0:
        if at > start and NAME_SEPARATOR.match(text, at - 1):
            yield at
            at = text.find(name, at + len(name), end)
        else:
            at = text.find(name, at + 1, end)


def _note_bounds(text: str, offset: int) -> tuple[int, int]:
    """The responsibility note around ``offset``: from its （ to its ） (or the paragraph's ends)."""
    start = max(text.rfind("（", 0, offset), text.rfind("\n", 0, offset) + 1)
    close, newline = text.find("）", offset), text.find("\n", offset)
    ends = [i for i in (close, newline) if i >= 0]
    return start, min(ends) if ends else len(text)


def _duplicate_hit(ctx: Context, clause: Clause, name: str, offset: int) -> Hit:
    line, column = ctx.position(offset)
    return Hit(f"“{name}” is named twice in the responsibility note of {clause.number or clause.key}; delete the repetition", line, column)


@rule("JW033", "target-year-before-date", "warning", "content",
      "A target's year is earlier than the document's own date.",
      "Check the year: a plan issued in 2023 cannot set a target for 2020 (a typo for 2025?).")
def target_year_before_date(ctx: Context) -> Iterator[Hit]:
    date = ctx.doc.date
    if not date:
        return
    issued = int(date[:4])
    for clause in ctx.doc.clauses:
        for target in clause.targets:
            if target.kind == "condition" or target.year is None or target.year >= issued:
                continue
            found = ctx.doc.text.find(str(target.year), target.span[0], target.span[1])
            line, column = ctx.position(found if found >= 0 else target.span[0])
            yield Hit(f"target “{target.indicator}” is set for {target.year}, before the document's date {date}; check the year", line, column)

