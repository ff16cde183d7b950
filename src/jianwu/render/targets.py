"""Target rows across documents (``jianwu targets``): rich table, JSON, JSON Lines, CSV.

``target_rows`` flattens the targets of parsed documents into typed rows (one
per target, with the document id, clause path and raw line); the other
functions render rows.  The JSON form of a row is ``$defs/target_row`` in
``data/document.schema.json``.
"""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass
from typing import Any, Optional

from rich import box
from rich.markup import escape
from rich.table import Table

from ..safe_io import SafeCsvWriter
from ..model import Document, Target
from ..serialize import dumps

SYMBOLS = {">=": "≥", "<=": "≤", "range": "–"}
# The basis column: blank for a level (the usual case), Σ for a cumulative change, /yr for a change per year.
BASIS_MARKS = {"level": "", "cumulative": "Σ", "annual": "/yr"}
CSV_COLUMNS = (
    "doc", "clause_path", "line", "kind", "indicator", "comparator", "value", "value_max", "unit", "direction",
    "year", "period", "baseline_year", "modality", "value_text", "scope", "basis", "measure", "text", "span_start",
    "span_end", "value_start", "value_end",
)


@dataclass(frozen=True)
class TargetRow:
    doc: str  # document id
    clause_path: list[str]
    line: int  # raw line of the value (of the sentence when the value has no span)
    target: Target
    page: Optional[int] = None  # page of that line, for a PDF


def target_rows(docs: list[Document], *, include_conditions: bool = False, year: Optional[int] = None) -> list[TargetRow]:
    """One row per target, documents and clauses in order; conditions only when asked for."""
    rows: list[TargetRow] = []
    for doc in docs:
        for clause in doc.clauses:
            for t in clause.targets:
                if t.kind == "condition" and not include_conditions:
                    continue
                if year is not None and t.year != year:
                    continue
                at = t.value_span[0] if t.value_span else t.span[0]
                rows.append(TargetRow(doc.id, list(clause.path), doc.line_at(at), t, doc.page_at(at)))
    return rows


def row_to_dict(row: TargetRow) -> dict[str, Any]:
    """The JSON object of a row (``$defs/target_row``; spans are lists once dumped)."""
    data = asdict(row.target)
    for key in ("value", "value_max"):  # 20, not 20.0: the same numbers as `jianwu parse`
        if isinstance(data[key], float) and data[key].is_integer():
            data[key] = int(data[key])
    data.update(doc=row.doc, clause_path=list(row.clause_path), line=row.line)
    if row.page is not None:
        data["page"] = row.page
    return data


def rows_jsonl(rows: list[TargetRow]) -> str:
    return "".join(dumps(row_to_dict(r), indent=None) + "\n" for r in rows)


def _number(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def rows_csv(rows: list[TargetRow]) -> str:
    buf = io.StringIO()
    writer = SafeCsvWriter(buf)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        t = r.target
        value_span = t.value_span or (None, None)
        writer.writerow([
            r.doc, "/".join(r.clause_path), r.line, t.kind, t.indicator, t.comparator, _number(t.value),
            _number(t.value_max), t.unit or "", t.direction or "", _number(t.year), t.period or "",
            _number(t.baseline_year), t.modality or "", t.value_text, t.scope or "", t.basis, t.measure, t.text,
            t.span[0], t.span[1],
            _number(value_span[0]), _number(value_span[1]),
        ])
    return buf.getvalue()


def rows_table(rows: list[TargetRow]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title=f"{len(rows)} targets")
    for name, justify in (("doc", "left"), ("clause", "left"), ("line", "right"), ("scope", "left"), ("indicator", "left"),
                          ("", "center"), ("value", "right"), ("unit", "left"), ("written", "left"), ("dir", "left"),
                          ("basis", "left"), ("year", "right"), ("base", "right"), ("kind", "left"), ("mod", "left")):
        table.add_column(name, justify=justify, no_wrap=name != "indicator")  # type: ignore[arg-type]
    for r in rows:
        t = r.target
        value = _number(t.value) + (f"–{_number(t.value_max)}" if t.value_max is not None else "")
        table.add_row(
            escape(r.doc), escape("/".join(r.clause_path)), str(r.line), escape(t.scope or ""), escape(t.indicator),
            SYMBOLS.get(t.comparator, t.comparator) if t.comparator != "=" else "", escape(value), escape(t.unit or ""),
            escape(t.value_text), {"up": "↑", "down": "↓"}.get(t.direction or "", ""), BASIS_MARKS.get(t.basis, t.basis),
            _number(t.year), _number(t.baseline_year),
            "" if t.kind == "target" else t.kind, escape(t.modality or ""),
        )
    return table
