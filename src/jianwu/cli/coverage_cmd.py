"""`jianwu coverage`: one parent's clauses against all of its children."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import UsageError
from .common import DEFAULT_DB, EXIT_OK, app, guard_output_dir, out, write_atomic, write_output
from .index_cmd import reported


class CoverageFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    csv = "csv"
    html = "html"


@app.command()
def coverage(
    parent: str = typer.Argument(..., help="The base document: an id in the index, or the path of an indexed file."),
    db: Optional[Path] = typer.Option(None, "--db", help=f"The index built by jianwu index (default {DEFAULT_DB})."),
    corpus: Optional[list[Path]] = typer.Option(None, "--corpus", help="Index these documents into a temporary database instead of using --db."),
    depth: int = typer.Option(1, "--depth", min=1, max=2, help="1: children; 2: and grandchildren (compared with the base directly)."),
    child: Optional[list[str]] = typer.Option(None, "--child", help="Compare with exactly these documents (ids or paths; repeatable)."),
    format: CoverageFormat = typer.Option(CoverageFormat.terminal, "--format", "-f", help="terminal, json, csv, or html (needs -o DIR)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (html: DIR/index.html and DIR/pairs/<child>.html)."),
) -> None:
    """One parent's clauses against all its children, as a matrix.

    Each cell: the clause's status in that child and the share kept; targets and departments below.
    """
    from ..corpus.coverage import coverage as from_db, coverage_from_corpus

    with reported():
        if db is not None and corpus:
            raise UsageError("give either --db or --corpus, not both")
        if format is CoverageFormat.html and output is None:
            raise UsageError("--format html writes a page and one diff page per child: give -o DIR")
        if output is not None and format is CoverageFormat.html:
            guard_output_dir(output)
        keep = format is CoverageFormat.html
        if corpus:
            cov = coverage_from_corpus(parent, corpus, depth=depth, columns=child, keep_diffs=keep)
        else:
            cov = from_db(parent, db or DEFAULT_DB, depth=depth, columns=child, keep_diffs=keep)
        if format is CoverageFormat.html:
            _write_html(cov, output)  # type: ignore[arg-type]
            raise typer.Exit(EXIT_OK)
        if format is CoverageFormat.terminal and output is None:
            from ..render.coverage_terminal import render_coverage_terminal

            render_coverage_terminal(cov)
            raise typer.Exit(EXIT_OK)
        if format is CoverageFormat.json:
            from ..corpus.coverage import coverage_to_dict
            from ..serialize import dumps

            text = dumps(coverage_to_dict(cov))
        elif format is CoverageFormat.csv:
            from ..render.coverage_csv import render_coverage_csv

            text = render_coverage_csv(cov)
        else:
            import io

            from rich.console import Console

            from ..render.coverage_terminal import render_coverage_terminal

            buf = io.StringIO()
            render_coverage_terminal(cov, Console(file=buf, width=120, highlight=False, color_system=None))
            text = buf.getvalue()
        if output is None:
            out(text)
        else:
            write_output(output, text)  # links, devices, the raw guard: safe_io
    raise typer.Exit(EXIT_OK)


def _write_html(cov: object, directory: Path) -> None:
    from ..render.coverage_html import pair_page_name, render_coverage_html
    from ..render.diff_html import render_html

    for child_id, diff in cov.diffs.items():  # type: ignore[attr-defined]
        write_atomic(directory / pair_page_name(child_id), render_html(diff))
    write_atomic(directory / "index.html", render_coverage_html(cov))  # type: ignore[arg-type]
    out(f"{directory / 'index.html'}\n")
