"""`jianwu export`: every table of the index as CSV, JSON Lines (or Parquet with pyarrow) files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .common import DEFAULT_DB, EXIT_OK, app, guard_output_dir, out
from .index_cmd import reported


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def export(
    directory: Path = typer.Argument(..., help="Directory to write one file per table into."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The index built by jianwu index."),
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="csv, jsonl, or parquet (needs pyarrow)."),
) -> None:
    """Every table of the index as CSV, JSONL or Parquet files."""
    from ..corpus.export import export as run

    with reported():
        guard_output_dir(directory)
        written = run(db, directory, format.value)
    for path in written:
        out(f"{path}\n")
    raise typer.Exit(EXIT_OK)
