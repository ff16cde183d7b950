"""`jianwu departments`: the responsibility matrix."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .common import EXIT_ERROR, EXIT_OK, app, load_documents, one_file_given, out, print_table

class DepartmentsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class DepartmentsBy(str, Enum):
    name = "name"
    canonical = "canonical"


@app.command()
def departments(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="Documents or directories of documents (text, PDF, Word, web pages)."),
    format: DepartmentsFormat = typer.Option(DepartmentsFormat.table, "--format", "-f", help="table (rich), json, or csv (one row per clause-department assignment)."),
    by: DepartmentsBy = typer.Option(DepartmentsBy.name, "--by", help="Rows per department as written (name) or per canonical department, aliases grouped (canonical)."),
    unknown: bool = typer.Option(False, "--unknown", help="List only the department names that are not in the alias table."),
    wide: bool = typer.Option(False, "--wide", help="On a terminal, print tables as wide as they need instead of fitting them to its width."),
) -> None:
    """Who leads, supports or is responsible for each clause.

    The responsibility matrix: which department leads (L), supports (S) or is responsible (R) for which clause.
    """
    from ..serialize import dumps
    from ..render.departments import (
        assignments_csv,
        matrix_table,
        matrix_to_dict,
        responsibility_matrix,
        unknown_csv,
        unknown_names,
        unknown_table,
        unknown_to_dict,
    )

    docs, errors = load_documents(paths)
    single = one_file_given(paths, docs, errors)
    if not docs:
        pass  # every input failed: the errors are on stderr, nothing on stdout (not even a CSV header)
    elif unknown:
        names = [u for doc in docs for u in unknown_names(doc)]
        if format is DepartmentsFormat.json:
            out(dumps([unknown_to_dict(u) for u in names]))
        elif format is DepartmentsFormat.csv:
            out(unknown_csv(names))
        elif docs:
            print_table(unknown_table(docs, names), wide=wide)
    elif format is DepartmentsFormat.csv:
        out(assignments_csv(docs, by.value))
    elif format is DepartmentsFormat.json:
        matrices = [matrix_to_dict(responsibility_matrix(doc, by.value)) for doc in docs]
        if matrices:
            out(dumps(matrices[0] if single else matrices))
    else:
        for doc in docs:
            print_table(matrix_table(responsibility_matrix(doc, by.value)), wide=wide, matrix_keep=1)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
