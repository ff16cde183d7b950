"""`jianwu targets`: quantified targets, one row each."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import EXIT_ERROR, EXIT_OK, app, load_documents, out, print_table

class TargetsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def targets(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="Documents or directories of documents (text, PDF, Word, web pages)."),
    format: TargetsFormat = typer.Option(TargetsFormat.table, "--format", "-f", help="table (rich), json (a list of rows), jsonl (one row per line), or csv."),
    include_conditions: bool = typer.Option(False, "--include-conditions", help="Also list numbers that only scope an action (kind=condition: 3吨以下叉车)."),
    year: Optional[int] = typer.Option(None, "--year", help="Only targets whose deadline is this year, e.g. 2025."),
    wide: bool = typer.Option(False, "--wide", help="On a terminal, print tables as wide as they need instead of fitting them to its width."),
) -> None:
    """Quantified targets, one row each, across documents.

    Each row: doc, clause_path, line and the target's fields.
    """
    from ..serialize import dumps
    from ..render.targets import row_to_dict, rows_csv, rows_jsonl, rows_table, target_rows

    docs, errors = load_documents(paths)
    rows = target_rows(docs, include_conditions=include_conditions, year=year)
    if not docs:
        pass  # every input failed: the errors are on stderr, nothing to print
    elif format is TargetsFormat.json:
        out(dumps([row_to_dict(r) for r in rows]))
    elif format is TargetsFormat.jsonl:
        out(rows_jsonl(rows))
    elif format is TargetsFormat.csv:
        out(rows_csv(rows))
    else:
        print_table(rows_table(rows), wide=wide)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
