"""Responsibility matrix: department × clause, with lead/support marks and counts.

``responsibility_matrix`` builds the typed matrix of one document; the other
functions render matrices as a rich Table, plain dicts for JSON, or CSV.
Rows are departments as written (``by="name"``) or canonical departments
(``by="canonical"``, aliases and spellings grouped); columns are the clauses
that name at least one department, in document order.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

from rich import box
from rich.markup import escape
from rich.table import Table

from ..patterns import compile_pattern
from ..safe_io import SafeCsvWriter
from ..model import Clause, DepartmentRef, Document, Role
from ..numbering import cn_to_int

By = Literal["name", "canonical"]
ROLES: tuple[Role, ...] = ("lead", "support", "responsible")
MARKS = {"lead": "L", "support": "S", "responsible": "R"}
STYLES = {"lead": "bold green", "support": "yellow", "responsible": "cyan"}
# The number inside a path token: 二、 -> 二, （十四） -> 十四, 1. -> 1, 第三章 -> 三
TOKEN_NUMBER = compile_pattern(r"\d+|[一二三四五六七八九十百零〇两]+")


@dataclass
class MatrixColumn:
    key: str  # clause path, e.g. 二、/（三）
    label: str  # compact numbering, e.g. 2.3
    number: Optional[str]
    title: str
    line: int
    page: Optional[int] = None  # PDFs: page of the clause's number


@dataclass
class MatrixCell:
    clause: str  # column key
    roles: list[Role]  # in the order written (a clause may name a department in two notes)
    notes: list[int]
    lines: list[int]
    inherited: list[bool] = field(default_factory=list)  # from 下同 / 不再列出, not written in the clause


@dataclass
class MatrixRow:
    department: str  # the name as written, or the canonical name with by="canonical"
    names: list[str]  # every spelling grouped into this row, first-seen order
    canonical: str
    level: Optional[str]  # None when unprefixed, or when grouped names differ in level
    generic: bool
    known: bool
    cells: list[MatrixCell] = field(default_factory=list)

    def count(self, role: Role) -> int:
        return sum(cell.roles.count(role) for cell in self.cells)

    @property
    def total(self) -> int:
        return sum(len(cell.roles) for cell in self.cells)


@dataclass
class Matrix:
    document: str  # id
    title: Optional[str]
    by: By
    columns: list[MatrixColumn]
    rows: list[MatrixRow]

    @property
    def assignments(self) -> int:
        return sum(row.total for row in self.rows)


def clause_label(clause: Clause) -> str:
    """Compact numbering of a clause path: [三、, （一）, 1.] -> 3.1.1; a label heading keeps its text."""
    parts = []
    for token in clause.path:
        m = TOKEN_NUMBER.search(token)
        if m is None and len(token) == 1 and "①" <= token <= "⑳":
            parts.append(str(ord(token) - ord("①") + 1))
        elif m is None:
            parts.append(token)
        else:
            value = cn_to_int(m.group())
            parts.append(str(value) if value is not None else m.group())
    return ".".join(parts)


def responsibility_matrix(doc: Document, by: By = "name") -> Matrix:
    columns: list[MatrixColumn] = []
    rows: dict[str, MatrixRow] = {}
    for clause in doc.clauses:
        if not clause.departments:
            continue
        columns.append(MatrixColumn(clause.key, clause_label(clause), clause.number, clause.title, clause.line, doc.page_at(clause.span[0])))
        for ref in clause.departments:
            _add(rows, ref, clause, doc, by)
    order = {key: n for n, key in enumerate(rows)}
    ranked = sorted(rows.values(), key=lambda r: (-r.total, order[r.department]))
    return Matrix(doc.id, doc.title, by, columns, ranked)


def _add(rows: dict[str, MatrixRow], ref: DepartmentRef, clause: Clause, doc: Document, by: By) -> None:
    key = ref.canonical if by == "canonical" else ref.name
    row = rows.get(key)
    if row is None:
        row = rows[key] = MatrixRow(key, [], ref.canonical, ref.level, ref.generic, ref.known)
    if ref.name not in row.names:
        row.names.append(ref.name)
    if ref.level != row.level:
        row.level = None
    row.known = row.known and ref.known
    cell = row.cells[-1] if row.cells and row.cells[-1].clause == clause.key else None
    if cell is None:
        cell = MatrixCell(clause.key, [], [], [])
        row.cells.append(cell)
    cell.roles.append(ref.role)
    cell.notes.append(ref.note)
    cell.lines.append(doc.line_at(ref.span[0]))
    cell.inherited.append(ref.inherited)


# ---------------------------------------------------------------- renderers


def matrix_table(matrix: Matrix) -> Table:
    """A rich Table: one row per department, one column per clause, then the counts."""
    title = f"{matrix.title or matrix.document}  ({matrix.document})"
    table = Table(
        title=escape(title),
        caption=(
            f"{matrix.assignments} assignments of {len(matrix.rows)} departments in {len(matrix.columns)} clauses · "
            "L lead (牵头/责任单位) · S support (配合) · R responsible (负责) · l s r inherited (下同, 不再列出) · "
            "? not in the alias table"
        ),
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
    )
    table.add_column("canonical" if matrix.by == "canonical" else "department", no_wrap=True)
    for column in matrix.columns:
        table.add_column(escape(column.label), justify="center", no_wrap=True)
    for role in ROLES:
        table.add_column(MARKS[role], justify="right", no_wrap=True)
    table.add_column("Σ", justify="right", no_wrap=True)
    for row in matrix.rows:
        cells = {cell.clause: cell for cell in row.cells}
        label = escape(row.department) + ("" if row.known else " ?")
        marks = []
        for column in matrix.columns:
            cell = cells.get(column.key)
            marks.append("" if cell is None else "".join(
                f"[{STYLES[r]}]{MARKS[r].lower() if inherited else MARKS[r]}[/]" for r, inherited in zip(cell.roles, cell.inherited)))
        counts = [str(row.count(role)) for role in ROLES]
        table.add_row(f"[dim]{label}[/dim]" if row.generic else label, *marks, *counts, str(row.total))
    return table


def _column(c: MatrixColumn) -> dict[str, Any]:
    data = {"key": c.key, "label": c.label, "number": c.number, "title": c.title, "line": c.line}
    if c.page is not None:
        data["page"] = c.page  # PDFs: the page of the clause's number
    return data


def matrix_to_dict(matrix: Matrix) -> dict[str, Any]:
    return {
        "id": matrix.document,
        "title": matrix.title,
        "by": matrix.by,
        "assignments": matrix.assignments,
        "clauses": [
            _column(c) for c in matrix.columns
        ],
        "departments": [
            {
                "department": row.department,
                "names": row.names,
                "canonical": row.canonical,
                "level": row.level,
                "generic": row.generic,
                "known": row.known,
                "counts": {**{role: row.count(role) for role in ROLES}, "total": row.total},
                "clauses": [
                    {"clause": cell.clause, "roles": cell.roles, "notes": cell.notes, "lines": cell.lines, "inherited": cell.inherited}
                    for cell in row.cells
                ],
            }
            for row in matrix.rows
        ],
    }


CSV_FIELDS = ("document", "clause", "label", "department", "name", "canonical", "level", "role", "generic", "known", "note", "line",
              "region", "partner", "inherited", "declared_line")


def assignments_csv(docs: list[Document], by: By = "name") -> str:
    """One CSV row per (clause, department) assignment: the matrix's filled cells, long form."""
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(CSV_FIELDS)
    for doc in docs:
        for clause in doc.clauses:
            label = clause_label(clause)
            for ref in clause.departments:
                department = ref.canonical if by == "canonical" else ref.name
                writer.writerow(
                    (doc.id, clause.key, label, department, ref.name, ref.canonical, ref.level or "", ref.role,
                     _flag(ref.generic), _flag(ref.known), ref.note, doc.line_at(ref.span[0]),
                     ref.region or "", ref.partner, _flag(ref.inherited), ref.declared_line or "")
                )
    return buffer.getvalue()


def _flag(value: bool) -> str:
    return "true" if value else "false"


# ---------------------------------------------------------------- names the alias table lacks


@dataclass
class UnknownName:
    document: str
    name: str
    level: Optional[str]
    clauses: list[str]
    lines: list[int]

    @property
    def count(self) -> int:
        return len(self.lines)


def unknown_names(doc: Document) -> list[UnknownName]:
    """Department names of ``doc`` not in the alias table (extracted all the same), by name."""
    found: dict[str, UnknownName] = {}
    for clause in doc.clauses:
        for ref in clause.departments:
            if ref.known:
                continue
            entry = found.setdefault(ref.name, UnknownName(doc.id, ref.name, ref.level, [], []))
            if clause.key not in entry.clauses:
                entry.clauses.append(clause.key)
            entry.lines.append(doc.line_at(ref.span[0]))
    return sorted(found.values(), key=lambda u: (-u.count, u.name))


def unknown_table(docs: list[Document], unknown: list[UnknownName]) -> Table:
    table = Table(
        title="department names not in the alias table (src/jianwu/data/departments.tsv)",
        caption=f"{len(unknown)} names in {len(docs)} documents",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    for name in ("document", "name", "level", "count", "clauses", "lines"):
        table.add_column(name, no_wrap=name in ("document", "name"))
    for u in unknown:
        table.add_row(escape(u.document), escape(u.name), u.level or "", str(u.count), escape(" ".join(u.clauses)), " ".join(map(str, u.lines)))
    return table


def unknown_to_dict(u: UnknownName) -> dict[str, Any]:
    return {"document": u.document, "name": u.name, "level": u.level, "count": u.count, "clauses": u.clauses, "lines": u.lines}


def unknown_csv(unknown: list[UnknownName]) -> str:
    buffer = io.StringIO()
    writer = SafeCsvWriter(buffer)
    writer.writerow(("document", "name", "level", "count", "clauses", "lines"))
    for u in unknown:
        writer.writerow((u.document, u.name, u.level or "", u.count, " ".join(u.clauses), " ".join(map(str, u.lines))))
    return buffer.getvalue()
