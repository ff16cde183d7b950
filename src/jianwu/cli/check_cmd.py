"""`jianwu check`: the CI gate."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import JianwuError
from ..safe_io import read_stdin_lines
from .common import DEFAULT_CORPUS, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, app, fail, out, stdout_console, stdout_styled

class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


def _check_paths(paths: Optional[list[str]]) -> list[Path]:
    """PATH arguments, with "-" replaced by the paths read from stdin (one per line)."""
    out_paths: list[Path] = []
    for p in paths or []:
        if p == "-":
            out_paths.extend(Path(line) for line in read_stdin_lines())
        else:
            out_paths.append(Path(p))
    return out_paths if paths else [DEFAULT_CORPUS]


@app.command()
def check(
    paths: Optional[list[str]] = typer.Argument(None, metavar="[PATH]...", help="Documents or directories (default data/raw/); - reads paths from stdin, one per line."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text (grouped by file), json, github (workflow commands) or sarif (2.1.0)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding of this severity or above is found [default: fail-on in pyproject.toml, else error]."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF", help="Only documents added or modified since this git ref (git diff --diff-filter=AM REF)."),
    config: Optional[Path] = typer.Option(None, "--config", help="pyproject.toml to read [tool.jianwu.check] from [default: the nearest one upwards]."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for the plans the parent search has not seen (default: the cores)."),
) -> None:
    """Check documents for CI: rule ids, annotations, exit codes.

    Numbering, structure, garbling, content, and against the parent plan.
    """
    from ..check import SEVERITY_RANK, check_paths, load_config
    from ..check.git import changed_documents

    try:
        cfg = load_config(config)
        targets = _check_paths(paths)
        if changed_since is not None:
            targets = changed_documents(changed_since, targets)
        threshold = fail_on.value if fail_on is not None else (cfg.fail_on or "error")
        run = check_paths(targets, cfg, on_error=lambda exc: fail(str(exc)), on_skip=fail, jobs=jobs)
    except JianwuError as exc:
        fail(str(exc))
        raise typer.Exit(EXIT_ERROR) from None
    if run.errors and not run.files:
        raise typer.Exit(EXIT_ERROR)  # every input failed: the errors are on stderr, nothing on stdout
    if format is CheckFormat.text:
        from ..render.check_text import plain_check_text, render_check_text

        plain = None if stdout_styled() else plain_check_text(run, threshold)
        if plain is not None:
            sys.stdout.write(plain)
        else:
            render_check_text(run, stdout_console(soft_wrap=True), threshold)
    elif format is CheckFormat.json:
        from ..render.check_json import render_check_json

        out(render_check_json(run, threshold))
    elif format is CheckFormat.github:
        from ..render.check_github import render_check_github

        out(render_check_github(run))
    else:
        from ..render.check_sarif import render_check_sarif

        out(render_check_sarif(run, cfg))
    if run.errors:
        raise typer.Exit(EXIT_ERROR)
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in run.findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)
