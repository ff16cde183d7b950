"""Command line: parse options, call the library, render.  Exit codes live here.

0  success (for ``check``: nothing at or above --fail-on)
1  ``check`` found something at or above --fail-on
2  usage error, unreadable or unparsable input, internal failure
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from .document import iter_document_paths, parse_document
from .errors import InputError, JianwuError
from .model import Document
from .serialize import document_to_dict, dumps

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_CORPUS = Path("data/raw")

app = typer.Typer(
    name="jianwu",
    help="Parse and compare Chinese government policy plans (减污降碳 / 节能减排 / 碳达峰 实施方案).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str) -> None:
    """One line on stderr, for one bad input; the caller decides the exit code."""
    err.print(f"jianwu: {message}", markup=False)


def out(text: str) -> None:
    sys.stdout.write(text)


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def load_documents(paths: list[Path]) -> tuple[list[Document], int]:
    """Parse every document under ``paths``; report each bad one; return (docs, n_errors)."""
    docs: list[Document] = []
    errors = 0
    for path, problem in iter_document_paths(paths):
        if problem is None:
            try:
                docs.append(parse_document(path))
                continue
            except InputError as exc:
                problem = exc
        fail(str(problem))
        errors += 1
    return docs, errors


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def guard_output_dir(directory: Path) -> None:
    """Refuse to write into the raw corpus."""
    resolved = directory.resolve()
    raw = DEFAULT_CORPUS.resolve()
    if resolved == raw or raw in resolved.parents:
        raise JianwuError(f"{directory}: refusing to write into the raw corpus ({DEFAULT_CORPUS})")


class ParseFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    tree = "tree"


@app.command()
def parse(
    paths: list[Path] = typer.Argument(..., help="Documents or directories of documents (*.txt, *.md)."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (one object, or a list for several files), jsonl, or tree."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write DIR/<id>.json per document (atomically) instead of printing."),
) -> None:
    """Parse plans into a clause tree with metadata, departments and targets."""
    docs, errors = load_documents(paths)
    if output is not None:
        guard_output_dir(output)
        for doc in docs:
            write_atomic(output / f"{doc.id}.json", dumps(document_to_dict(doc)))
    elif format is ParseFormat.tree:
        console = stdout_console()
        from .render.tree import outline_tree

        for doc in docs:
            console.print(outline_tree(doc))
    elif format is ParseFormat.jsonl:
        for doc in docs:
            out(dumps(document_to_dict(doc), indent=None) + "\n")
    elif docs:
        data = document_to_dict(docs[0]) if len(docs) == 1 and errors == 0 and len(paths) == 1 and paths[0].is_file() else [document_to_dict(d) for d in docs]
        out(dumps(data))
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)


@app.command()
def normalize(
    path: Path = typer.Argument(..., help="One document."),
    lines: bool = typer.Option(False, "--lines", help="Prefix each line with the raw line it starts on."),
) -> None:
    """Print the normalised text of a document (what every other command reads)."""
    doc = parse_document(path) if path.is_file() else None
    if doc is None:
        raise InputError(str(path), "no such file")
    if not lines:
        out(doc.text + "\n")
        raise typer.Exit(EXIT_OK)
    offset = 0
    for line in doc.text.split("\n"):
        out(f"{doc.line_at(offset):>5}  {line}\n")
        offset += len(line) + 1


def main() -> None:
    """Console-script entry point: every failure becomes one line and exit 2."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        app()
    except JianwuError as exc:
        fail(str(exc))
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        fail("interrupted")
        sys.exit(EXIT_ERROR)
    except BrokenPipeError:
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # an internal failure must never look like success
        fail(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_ERROR)
