"""`jianwu diff`: a plan against its parent, or a whole corpus."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

from typing import TYPE_CHECKING

import typer

from ..errors import InputError, JianwuError, UsageError
from .common import DEFAULT_CORPUS, EXIT_ERROR, EXIT_OK, app, fail, guard_output_dir, guard_raw, load_documents, out, print_table, stdout_console, write_atomic, write_output

if TYPE_CHECKING:
    from ..model import Document

class DiffFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    html = "html"


class DiffOnly(str, Enum):
    changed = "changed"
    dropped = "dropped"
    added = "added"


def _corpus_documents(directory: Path, known: list[Document], *, recursive: bool = True) -> list[Document]:
    """Every document of ``directory`` (and below it when ``recursive``), reusing those already
    parsed (a diff never reparses)."""
    from ..document import DOCUMENT_SUFFIXES, iter_document_paths, parse_document

    by_path = {Path(d.path).resolve(): d for d in known if d.path}
    docs: list[Document] = []
    top = [directory] if recursive else sorted(f for f in directory.iterdir() if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
    for path, problem in iter_document_paths(top, on_skip=fail):
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


# Width of side-by-side output written to a file or pipe (a terminal uses its own width).
SIDE_BY_SIDE_COLUMNS = 160


def _render_text(renderables: list, columns: Optional[int] = None) -> str:  # type: ignore[type-arg]
    """Renderables as plain text for a file or pipe: text never wrapped, tables as wide as they need
    (``columns``: the one width for side-by-side output, whose columns must wrap)."""
    import io

    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    from ..render.fit import natural_width

    buffer = io.StringIO()
    for r in renderables:
        if columns:
            width, soft = columns, False
        else:
            width, soft = (max(natural_width(r), 80), False) if isinstance(r, Table) else (100_000, True)
            if isinstance(r, Panel):
                width, soft = max(Console(width=100_000).measure(r.renderable).maximum + 4, 40), False
        Console(file=buffer, width=width, no_color=True, highlight=False, soft_wrap=soft, color_system=None).print(r)
    return buffer.getvalue()


def _write_corpus_html(directory: Path, entries: list, only: Optional[str]) -> None:  # type: ignore[type-arg]
    """``index.html`` linking one review page per pair, all written into ``directory``."""
    from ..render.diff_html import render_corpus_html, render_html

    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: the corpus HTML report is a directory of pages; give -o DIR")
    guard_output_dir(directory)
    pages: dict[str, str] = {}
    for entry in entries:
        if entry.diff is None:
            continue
        name = f"{entry.child.id}.html"
        write_atomic(directory / name, render_html(entry.diff, only=only))
        pages[entry.child.id] = name
    write_atomic(directory / "index.html", render_corpus_html(entries, pages))


@app.command()
def diff(
    child: Optional[Path] = typer.Argument(None, metavar="[CHILD]", help="The child plan (district, city, province). Omit to compare every document of the corpus that has its parent there."),
    parent: Optional[Path] = typer.Argument(None, metavar="[PARENT]", help="The parent plan. Omit to find it in the corpus from what CHILD cites (文号, then title)."),
    corpus: Optional[Path] = typer.Option(None, "--corpus", help="Where to look for parents (default: CHILD's directory, or data/raw without CHILD)."),
    format: DiffFormat = typer.Option(DiffFormat.terminal, "--format", "-f", help="terminal, json, markdown or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout; for the corpus HTML report, a DIR of pages (index.html and one page per pair)."),
    only: Optional[DiffOnly] = typer.Option(None, "--only", help="Show only changed, dropped or added clauses."),
    side_by_side: bool = typer.Option(False, "--side-by-side", help="Parent and child text in two columns, each in full (terminal, markdown; html always is)."),
    wide: bool = typer.Option(False, "--wide", help="On a terminal, print the corpus table as wide as it needs instead of fitting it."),
) -> None:
    """Compare a plan with its parent, or every plan of a corpus.

    Kept, changed, dropped and added clauses; targets and departments compared.
    """
    from ..diff import diff_corpus, diff_documents
    from ..diffmodel import corpus_alignments, corpus_to_dict, diff_to_dict
    from ..document import parse_document
    from ..parent import find_parent
    from ..serialize import dumps

    only_value = only.value if only is not None else None
    errors = 0
    try:
        if parent is not None and corpus is not None:
            raise UsageError("--corpus is used to find the parent; give either PARENT or --corpus")
        if side_by_side and format in (DiffFormat.json, DiffFormat.html):
            raise UsageError(f"--side-by-side is for terminal and markdown output; {format.value} has no columns to choose")
        if output is not None:
            guard_raw(output)  # before any parsing: refused at once
        if child is None:
            directory = corpus or DEFAULT_CORPUS
            if not directory.is_dir():
                raise InputError(str(directory), "corpus is not a directory (give --corpus DIR, or run from the repository root)")
            docs, errors = load_documents([directory])
            entries = diff_corpus(docs, str(directory))
            if format is DiffFormat.json:
                data = corpus_to_dict(entries)
                if only_value is not None:  # each pair's selected clause pairs, in the order of "pairs"
                    for pair, selected in zip(data["pairs"], corpus_alignments(entries, only_value)):
                        pair["alignments"] = selected
                text = dumps(data)
            elif format is DiffFormat.markdown:
                from ..render.diff_markdown import render_corpus_markdown

                text = render_corpus_markdown(entries, only=only_value)
            elif format is DiffFormat.html:
                from ..render.diff_html import render_corpus_html

                if output is not None:
                    _write_corpus_html(output, entries, only_value)
                    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
                text = render_corpus_html(entries)
            else:
                from ..render.diff_terminal import render_corpus

                renderables = render_corpus(entries, only=only_value)
                text = ""
                if output is None:
                    for r in renderables:
                        print_table(r, wide=wide)
                    renderables = []
        else:
            child_doc = parse_document(child)  # InputError names the path and what it is
            if parent is not None:
                parent_doc, found_by = parse_document(parent), "given"
            else:
                directory = corpus or child.parent
                if not directory.is_dir():
                    raise InputError(str(directory), "corpus is not a directory (give --corpus DIR)")
                # CHILD's own directory, not below it (data/raw/'s seeds do not parse corpus/'s PDFs
                # to find their parent); a --corpus DIR given is searched whole
                candidates = _corpus_documents(directory, [child_doc], recursive=corpus is not None)
                match = find_parent(child_doc, candidates, str(directory))
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

                console = stdout_console()
                marks = output is not None or console.no_color or not console.is_terminal
                renderables = render_diff(result, only=only_value, side_by_side=side_by_side, marks=marks)
                text = ""
                for warning in result.warnings:  # the pair may make no sense: say so apart from the report
                    fail(f"warning: {child} against {parent_doc.path or parent_doc.id}: {warning.message}")
    except JianwuError as exc:
        fail(str(exc))
        raise typer.Exit(EXIT_ERROR)
    if format is DiffFormat.terminal:
        console = stdout_console()
        if output is not None or not console.is_terminal:
            text = _render_text(renderables, SIDE_BY_SIDE_COLUMNS if side_by_side else None)
        else:
            from rich.table import Table

            for r in renderables:
                print_table(r) if isinstance(r, Table) else console.print(r)
    if output is not None:
        write_output(output, text)  # OutputError: one line, exit 2 (SafeTyper)
    elif text:
        out(text)
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)
