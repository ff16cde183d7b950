"""What every command shares: the Typer app, output helpers, document loading, safe writing.

Exit codes are decided here and in ``jianwu.cli.main``:

0  success (for ``check``: nothing at or above --fail-on)
1  ``check`` found something at or above --fail-on
2  usage error, unreadable or unparsable input, internal failure
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer
from rich.console import Console

from ..document import iter_document_paths, parse_document
from ..errors import InputError, JianwuError
from ..model import Document

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_CORPUS = Path("data/raw")

app = typer.Typer(
    name="jianwu",
    help="Parse and compare Chinese government policy plans (减污降碳 / 节能减排 / 碳达峰 实施方案).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # -h as well as --help; help as wide as the terminal (click stops at 80 columns otherwise).
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 160},
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        sys.stdout.write(f"jianwu {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Parse and compare Chinese government policy plans (减污降碳 / 节能减排 / 碳达峰 实施方案)."""
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str) -> None:
    """One line on stderr, for one bad input; the caller decides the exit code."""
    err.print(f"jianwu: {message}", markup=False)


def out(text: str) -> None:
    sys.stdout.write(text)


def stdout_console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def print_wide(renderable: object) -> None:
    """Print a table as wide as it needs (``--wide``, and any output that is not a terminal)."""
    width = Console(width=100_000).measure(renderable).maximum  # type: ignore[arg-type]
    Console(highlight=False, soft_wrap=False, width=max(width, 80)).print(renderable)


def print_table(renderable: object, *, wide: bool = False, matrix_keep: int = 0) -> None:
    """A table on stdout: fitted to the terminal on a terminal, unless ``wide`` (long cells wrapped;
    a matrix, ``matrix_keep`` row-header columns and many narrow ones, split into column blocks);
    as wide as it needs in a pipe or a file, so that no line is ever broken inside a cell."""
    from rich.table import Table

    from ..render.fit import fit

    console = stdout_console()
    if wide or not console.is_terminal or not isinstance(renderable, Table):
        print_wide(renderable)
        return
    for part in fit(renderable, console.width, matrix_keep=matrix_keep):
        console.print(part)


def load_documents(paths: list[Path]) -> tuple[list[Document], int]:
    """Parse every document under ``paths``; report each bad one; return (docs, n_errors)."""
    docs: list[Document] = []
    errors = 0
    for path, problem in iter_document_paths(paths, on_skip=fail):
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
