"""`jianwu index`: parse a corpus into the SQLite index (parallel, incremental)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from ..errors import JianwuError
from .common import DEFAULT_DB, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, app, fail, stderr_console


@contextmanager
def reported() -> Iterator[None]:
    """A library error or Ctrl-C becomes one line on stderr and exit 2 (shared by the corpus commands)."""
    try:
        yield
    except JianwuError as exc:
        fail(str(exc))
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        # Every batch committed before the interrupt is complete; the next run carries on from there.
        fail("interrupted")
        raise typer.Exit(EXIT_ERROR) from None


@app.command()
def index(
    paths: list[Path] = typer.Argument(..., help="Documents or directories (walked recursively, every format jianwu reads)."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The SQLite index to build or update."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: the cores)."),
) -> None:
    """Index plans into one SQLite database, incrementally.

    Documents, clauses, departments, targets, links and alignments.
    """
    from ..corpus.indexer import index as run

    with reported():
        report = run(paths, db, jobs=jobs, progress=stderr_console().is_terminal, on_failure=lambda path, message: fail(f"{path}: {message}"))
    if stderr_console().is_terminal or report.failed:
        stderr_console().print(
            f"jianwu: indexed {report.documents} of {report.found} documents into {db} "
            f"({report.parsed} parsed, {report.unchanged} unchanged, {report.removed} removed, {len(report.failed)} failed; "
            f"{report.links} links, {report.pairs_compared} pairs compared) in {report.seconds:.1f} s",
            markup=False,
            highlight=False,
        )
    raise typer.Exit(EXIT_FINDINGS if report.failed else EXIT_OK)
