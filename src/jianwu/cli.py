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


def print_wide(renderable: object) -> None:
    """Print a table as wide as it needs: a narrow terminal or a pipe must not squeeze its columns away."""
    width = Console(width=100_000).measure(renderable).maximum  # type: ignore[arg-type]
    Console(highlight=False, soft_wrap=False, width=max(width, 80)).print(renderable)


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


def one_file_given(paths: list[Path], docs: list[Document], errors: int) -> bool:
    """A single file argument that parsed: JSON output is one object rather than a list."""
    return len(docs) == 1 and errors == 0 and len(paths) == 1 and paths[0].is_file()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600); give it the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
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
        data = document_to_dict(docs[0]) if one_file_given(paths, docs, errors) else [document_to_dict(d) for d in docs]
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
            out_paths.extend(Path(line.strip()) for line in sys.stdin.read().splitlines() if line.strip())
        else:
            out_paths.append(Path(p))
    return out_paths if paths else [DEFAULT_CORPUS]


@app.command()
def check(
    paths: Optional[list[str]] = typer.Argument(None, help="Documents or directories (default data/raw/); - reads paths from stdin, one per line."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text (grouped by file), json, github (workflow commands) or sarif (2.1.0)."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Exit 1 when a finding of this severity or above is found [default: fail-on in pyproject.toml, else error]."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF", help="Only documents added or modified since this git ref (git diff --diff-filter=AM REF)."),
    config: Optional[Path] = typer.Option(None, "--config", help="pyproject.toml to read [tool.jianwu.check] from [default: the nearest one upwards]."),
) -> None:
    """Check documents for CI: numbering, structure, garbling, content, and against the parent plan."""
    from .check import SEVERITY_RANK, check_paths, load_config
    from .check.git import changed_documents

    try:
        cfg = load_config(config)
        targets = _check_paths(paths)
        if changed_since is not None:
            targets = changed_documents(changed_since, targets)
        threshold = fail_on.value if fail_on is not None else (cfg.fail_on or "error")
        run = check_paths(targets, cfg, on_error=lambda exc: fail(str(exc)))
    except JianwuError as exc:
        fail(str(exc))
        raise typer.Exit(EXIT_ERROR) from None
    if format is CheckFormat.text:
        from .render.check_text import render_check_text

        render_check_text(run, Console(highlight=False, soft_wrap=True), threshold)
    elif format is CheckFormat.json:
        from .render.check_json import render_check_json

        out(render_check_json(run, threshold))
    elif format is CheckFormat.github:
        from .render.check_github import render_check_github

        out(render_check_github(run))
    else:
        from .render.check_sarif import render_check_sarif

        out(render_check_sarif(run, cfg))
    if run.errors:
        raise typer.Exit(EXIT_ERROR)
    failing = any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold] for f in run.findings)
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


class DepartmentsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class DepartmentsBy(str, Enum):
    name = "name"
    canonical = "canonical"


@app.command()
def departments(
    paths: list[Path] = typer.Argument(..., help="Documents or directories of documents (*.txt, *.md)."),
    format: DepartmentsFormat = typer.Option(DepartmentsFormat.table, "--format", "-f", help="table (rich), json, or csv (one row per clause-department assignment)."),
    by: DepartmentsBy = typer.Option(DepartmentsBy.name, "--by", help="Rows per department as written (name) or per canonical department, aliases grouped (canonical)."),
    unknown: bool = typer.Option(False, "--unknown", help="List only the department names that are not in the alias table."),
) -> None:
    """Responsibility matrix: which department leads (L), supports (S) or is responsible (R) for which clause."""
    from .render.departments import (
        assignments_csv,
        matrix_table,
        matrix_to_dict,
        responsibility_matrix,
        unknown_csv,
        unknown_names,
        unknown_table,
        unknown_to_dict,
    )

    docs, errors = load_documents(paths)
    single = one_file_given(paths, docs, errors)
    if unknown:
        names = [u for doc in docs for u in unknown_names(doc)]
        if format is DepartmentsFormat.json:
            out(dumps([unknown_to_dict(u) for u in names]))
        elif format is DepartmentsFormat.csv:
            out(unknown_csv(names))
        elif docs:
            stdout_console().print(unknown_table(docs, names))
    elif format is DepartmentsFormat.csv:
        out(assignments_csv(docs, by.value))
    elif format is DepartmentsFormat.json:
        matrices = [matrix_to_dict(responsibility_matrix(doc, by.value)) for doc in docs]
        if matrices:
            out(dumps(matrices[0] if single else matrices))
    else:
        for doc in docs:
            print_wide(matrix_table(responsibility_matrix(doc, by.value)))
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)


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
    from .diff import diff_corpus, diff_documents
    from .diffmodel import corpus_to_dict, diff_to_dict
    from .errors import UsageError
    from .parent import find_parent

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
                from .render.diff_markdown import render_corpus_markdown

                text = render_corpus_markdown(entries)
            elif format is DiffFormat.html:
                from .render.diff_html import render_corpus_html

                text = render_corpus_html(entries)
            else:
                from .render.diff_terminal import render_corpus

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
                from .render.diff_markdown import render_markdown

                text = render_markdown(result, only=only_value, side_by_side=side_by_side)
            elif format is DiffFormat.html:
                from .render.diff_html import render_html

                text = render_html(result, only=only_value)
            else:
                from .render.diff_terminal import render_diff

                marks = output is not None or stdout_console().no_color or not stdout_console().is_terminal
                renderables = render_diff(result, only=only_value, side_by_side=side_by_side, marks=marks)
                text = ""
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


class TargetsFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def targets(
    paths: list[Path] = typer.Argument(..., help="Documents or directories of documents (*.txt, *.md)."),
    format: TargetsFormat = typer.Option(TargetsFormat.table, "--format", "-f", help="table (rich), json (a list of rows), jsonl (one row per line), or csv."),
    include_conditions: bool = typer.Option(False, "--include-conditions", help="Also list numbers that only scope an action (kind=condition: 3吨以下叉车)."),
    year: Optional[int] = typer.Option(None, "--year", help="Only targets whose deadline is this year, e.g. 2025."),
) -> None:
    """Quantified targets, one row per target across all documents (doc, clause_path, line and the target's fields)."""
    from .render.targets import row_to_dict, rows_csv, rows_jsonl, rows_table, target_rows

    docs, errors = load_documents(paths)
    rows = target_rows(docs, include_conditions=include_conditions, year=year)
    if not docs:
        pass  # every input failed: the errors are on stderr, nothing to print
    elif format is TargetsFormat.json:
        out(dumps([row_to_dict(r) for r in rows]))
    elif format is TargetsFormat.jsonl:
        out(rows_jsonl(rows))
    elif format is TargetsFormat.csv:
        out(rows_csv(rows))
    else:
        print_wide(rows_table(rows))
    raise typer.Exit(EXIT_ERROR if errors else EXIT_OK)


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
