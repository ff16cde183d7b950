"""`jianwu diff`: a plan against its parent, or a whole corpus."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..document import iter_document_paths, parse_document
from ..errors import InputError, JianwuError
from ..model import Document
from ..serialize import dumps
from .common import DEFAULT_CORPUS, EXIT_ERROR, EXIT_OK, app, fail, guard_output_dir, load_documents, out, print_wide, stdout_console, write_atomic

class DiffFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"


class DiffOnly(str, Enum):
    changed = "changed"
    dropped = "dropped"
    added = "added"


def _corpus_documents(directory: Path, known: list[Document]) -> list[Document]:
    """Every document of ``directory``, reusing those already parsed (a diff never reparses)."""
    by_path = {Path(d.path).resolve(): d for d in known if d.path}
    docs: list[Document] = []
    for path, problem in iter_document_paths([directory]):
        if problem is not None:
            raise problem
        doc = by_path.get(path.resolve())
        if doc is None:
            try:
                doc = parse_document(path)
            except InputError as exc:
                fail(f"{exc} (skipped while looking for the parent)")
                continue
        docs.append(doc)
    return docs


def _render_text(renderables: list, width: int = 120) -> str:  # type: ignore[type-arg]
    import io

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, no_color=True, highlight=False, soft_wrap=False, color_system=None)
    for r in renderables:
        console.print(r)
    return buffer.getvalue()


@app.command()
def diff(
    child: Optional[Path] = typer.Argument(None, help="The child plan (district, city, province). Omit to compare every document of the corpus that has its parent there."),
    parent: Optional[Path] = typer.Argument(None, help="The parent plan. Omit to find it in the corpus from what CHILD cites (文号, then title)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Where to look for parents (default: CHILD's directory, or data/raw without CHILD)."),
    format: DiffFormat = typer.Option(DiffFormat.terminal, "--format", "-f", help="terminal, json, markdown or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    only: Optional[DiffOnly] = typer.Option(None, "--only", help="Show only changed, dropped or added clauses."),
    side_by_side: bool = typer.Option(False, "--side-by-side", help="Parent and child text in two columns (terminal, markdown; html always is)."),
) -> None:
    """Compare a plan with its parent: kept, changed, dropped and added clauses, targets, departments."""
    from ..diff import diff_corpus, diff_documents
    from ..diffmodel import corpus_to_dict, diff_to_dict
    from ..errors import UsageError
    from ..parent import find_parent

    only_value = only.value if only is not None else None
    errors = 0
    try:
        if parent is not None and corpus is not None:
            raise UsageError("--corpus is used to find the parent; give either PARENT or --corpus")
        if output is not None:
            guard_output_dir(output.parent)
        if child is None:
            directory = corpus or DEFAULT_CORPUS
            if not directory.is_dir():
                raise InputError(str(directory), "corpus is not a directory (give --corpus DIR, or run from the repository root)")
            docs, errors = load_documents([directory])
            entries = diff_corpus(docs, str(directory))
            if format is DiffFormat.json:
                text = dumps(corpus_to_dict(entries))
            elif format is DiffFormat.markdown:
                from ..render.diff_markdown import render_corpus_markdown

                text = render_corpus_markdown(entries)
            elif format is DiffFormat.html:
                from ..render.diff_html import render_corpus_html

                text = render_corpus_html(entries)
            else:
                from ..render.diff_terminal import render_corpus

                renderables = render_corpus(entries)
                text = ""
                if output is None:
                    for r in renderables:
                        print_wide(r)
                    renderables = []
        else:
            child_doc = parse_document(child) if child.is_file() else None
            if child_doc is None:
                raise InputError(str(child), "no such file" if not child.exists() else "not a file")
            if parent is not None:
                if not parent.is_file():
                    raise InputError(str(parent), "no such file" if not parent.exists() else "not a file")
                parent_doc, found_by = parse_document(parent), "given"
            else:
                directory = corpus or child.parent
                if not directory.is_dir():
                    raise InputError(str(directory), "corpus is not a directory (give --corpus DIR)")
                match = find_parent(child_doc, _corpus_documents(directory, [child_doc]), str(directory))
                parent_doc, found_by = match.document, match.by
            result = diff_documents(child_doc, parent_doc, found_by=found_by)
            if format is DiffFormat.json:
                text = dumps(diff_to_dict(result, only=only_value))
            elif format is DiffFormat.markdown:
                from ..render.diff_markdown import render_markdown

                text = render_markdown(result, only=only_value, side_by_side=side_by_side)
            elif format is DiffFormat.html:
                from ..render.diff_html import render_html

                text = render_html(result, only=only_value)
            else:
                from ..render.diff_terminal import render_diff

                marks = output is not None or stdout_console().no_color or not stdout_console().is_terminal
                renderables = render_diff(result, only=only_value, side_by_side=side_by_side, marks=marks)
                text = ""
                for warning in result.warnings:  # the pair may make no sense: say so apart from the report
                    fail(f"warning: {child} against {parent_doc.path or parent_doc.id}: {warning.message}")
    except JianwuError as exc:
        fail(str(exc))
        raise typer.Exit(EXIT_ERROR)
    if format is DiffFormat.terminal:
        if output is not None:
            text = _render_text(renderables)
        else:
            console = stdout_console()
            for r in renderables:
                console.print(r)
    if output is not None:
        write_atomic(output, text)
    elif text:
        out(text)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
