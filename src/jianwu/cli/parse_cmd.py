"""`jianwu parse` and `jianwu normalize`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .common import EXIT_ERROR, EXIT_OK, app, guard_output_dir, guard_raw, load_documents, one_file_given, out, stdout_console, write_atomic

class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    tree = "tree"


@app.command()
def parse(
    paths: list[Path] = typer.Argument(..., metavar="PATH...", help="Documents or directories of documents (text, PDF, Word, web pages)."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (one object, or a list for several files), jsonl, or tree."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write DIR/<id>.json per document (atomically) instead of printing."),
) -> None:
    """Parse plans: clause tree, metadata, departments, targets.

    JSON (one object, or a list for several files), JSONL, or an outline tree.
    """
    from ..serialize import document_to_dict, dumps

    if output is not None:
        guard_raw(output)  # before any parsing: refused at once
    docs, errors = load_documents(paths)
    if output is not None:
        if docs:
            guard_output_dir(output)
        for doc in docs:
            write_atomic(output / f"{doc.id}.json", dumps(document_to_dict(doc)))
    elif format is ParseFormat.tree:
        console = stdout_console()
        from ..render.tree import outline_tree

        for doc in docs:
            console.print(outline_tree(doc))
    elif format is ParseFormat.jsonl:
        for doc in docs:
            out(dumps(document_to_dict(doc), indent=None) + "\n")
    elif docs:
        data = document_to_dict(docs[0]) if one_file_given(paths, docs, errors) else [document_to_dict(d) for d in docs]
        out(dumps(data))
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)


@app.command()
def normalize(
    path: Path = typer.Argument(..., metavar="PATH", help="One document."),
    lines: bool = typer.Option(False, "--lines", help="Prefix each line with the raw line it starts on."),
) -> None:
    """Print the normalised text that every command reads.

    From any format jianwu reads; --lines shows the raw line each line starts on.
    """
    from ..document import parse_document

    doc = parse_document(path, require_clauses=False)  # InputError (one line, exit 2) for anything but a readable document
    if not lines:
        out(doc.text + "\n")
        raise typer.Exit(EXIT_OK)
    offset = 0
    for line in doc.text.split("\n"):
        out(f"{doc.line_at(offset):>5}  {line}\n")
        offset += len(line) + 1
