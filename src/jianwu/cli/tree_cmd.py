"""`jianwu tree`: the family tree of a corpus (national → province → city → district)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError, JianwuError
from .common import DEFAULT_CORPUS, EXIT_ERROR, EXIT_OK, app, fail, guard_output_dir, load_documents, out, write_output


class TreeFormat(str, Enum):
    terminal = "terminal"
    json = "json"


@app.command()
def tree(
    directory: Optional[Path] = typer.Argument(None, help="The corpus (default: data/raw). Walked recursively."),
    format: TreeFormat = typer.Option(TreeFormat.terminal, "--format", "-f", help="terminal or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
) -> None:
    """The family tree of a corpus and how each link was found."""
    from ..serialize import dumps
    from ..lineage.tree import build_tree, tree_to_dict

    corpus = directory or DEFAULT_CORPUS
    try:
        if not corpus.is_dir():
            raise InputError(str(corpus), "corpus is not a directory" if corpus.exists() else "no such directory")
        if output is not None:
            guard_output_dir(output.parent)
        docs, errors = load_documents([corpus])
        roots = build_tree(docs)
        if format is TreeFormat.json:
            text = dumps(tree_to_dict(roots))
        else:
            import io
            import sys

            from rich.console import Console

            from ..render.lineage_tree import render_tree

            buffer = io.StringIO()
            terminal = output is None and sys.stdout.isatty()
            # A pipe or a file gets whole lines (no cropping, no colour); a terminal its width.
            console = Console(file=buffer, width=None if terminal else 10_000, force_terminal=terminal, no_color=not terminal,
                              color_system="auto" if terminal else None, highlight=False)
            console.print(render_tree(roots, str(corpus)))
            text = "\n".join(line.rstrip() for line in buffer.getvalue().split("\n"))
    except JianwuError as exc:
        fail(str(exc))
        raise typer.Exit(EXIT_ERROR)
    if output is not None:
        write_output(output, text)  # links, devices, the raw guard: safe_io
    else:
        out(text)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
