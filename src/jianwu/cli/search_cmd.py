"""`jianwu search`: which plans say a phrase (full-text index of `jianwu index`)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import DEFAULT_DB, EXIT_FINDINGS, EXIT_OK, app, out, stdout_console
from .index_cmd import reported


class SearchFormat(str, Enum):
    terminal = "terminal"
    json = "json"


@app.command()
def search(
    query: str = typer.Argument(..., help="A phrase, e.g. 碳排放双控 (one or two characters: a LIKE scan)."),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="The index built by jianwu index."),
    format: SearchFormat = typer.Option(SearchFormat.terminal, "--format", "-f", help="terminal or json."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many documents."),
) -> None:
    """Which plans say a phrase, with the clause paths.

    Exit 1 when no clause does.
    """
    from ..corpus.search import search as run, search_to_dict
    from ..serialize import dumps

    with reported():
        result = run(query, db, limit=limit)
    if format is SearchFormat.json:
        out(dumps(search_to_dict(result)))
    else:
        from rich.text import Text

        console = stdout_console(soft_wrap=True)  # a closed pipe ends quietly (exit 141)
        for d in result.documents:
            console.print(Text.assemble((d.id, "bold"), "  ", d.title or "", f"  ({len(d.clauses)})"))
            for c in d.clauses:
                line = Text(f"  {c.path}  :{c.line}  ")
                line.append_text(_marked(c.snippet, result.query))
                console.print(line)
        n = len(result.documents)
        console.print(f"{n} document{'s' * (n != 1)}, {result.clause_count} clause{'s' * (result.clause_count != 1)} ({result.mode})", style="dim")
    raise typer.Exit(EXIT_OK if result.documents else EXIT_FINDINGS)


def _marked(snippet: str, query: str) -> "object":
    from rich.text import Text

    text = Text(snippet)
    at = snippet.casefold().find(query.casefold())
    if at >= 0:
        text.stylize("bold reverse", at, at + len(query))
    return text
