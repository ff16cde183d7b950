"""What every command shares: the Typer app, output helpers, document loading, safe writing.

Exit codes are decided here and in ``jianwu.cli.main``:

0  success (for ``check``: nothing at or above --fail-on)
1  ``check`` found something at or above --fail-on
2  usage error, unreadable or unparsable input, unwritable output, internal failure
141  stdout was closed by its reader (``jianwu parse DIR -f jsonl | head``): 128 + SIGPIPE
"""

from __future__ import annotations

import errno
import functools
import inspect
import os  # noqa: F401  (tests patch cli.os.replace)
import sys
from pathlib import Path
from typing import Any, Callable

from typing import TYPE_CHECKING

import typer
import typer.core
import typer.main

from ..errors import InputError, JianwuError
from .coercion import install as install_fast_coercion

if TYPE_CHECKING:
    from rich.console import Console

    from ..model import Document
from ..safe_io import OutputError, guard_raw, prepare_output_dir, terminal_safe, write_atomic, write_output  # noqa: F401  (shared by every command)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of stdout went away (`| head`)
DEFAULT_CORPUS = Path("data/raw")
# The index `jianwu index` builds, searched by search, export and coverage: ``corpus.store.DEFAULT_DB``,
# repeated here so that naming it in --help costs no sqlite import (a test keeps the two equal).
DEFAULT_DB = Path("data/jianwu.sqlite")

class FastCommand(typer.core.TyperCommand):
    """A Typer command whose option values are converted without pydantic (see ``coercion``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)  # with the --help option click adds
        install_fast_coercion(params)
        return params


class FastGroup(typer.core.TyperGroup):
    """The command group, likewise (its --version and --help)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        install_fast_coercion(params)
        return params


class SafeTyper(typer.Typer):
    """A Typer app whose every command turns a ``JianwuError`` into one line and exit 2.

    Commands registered with ``@app.command()`` get this for free, so an
    ``OutputError`` from ``write_output`` or an ``InputError`` raised anywhere in
    a command never escapes as a traceback (also under ``CliRunner``).

    Path checks are the library's, one line per bad path with the others still
    processed: click's own ``exists``/``readable`` checks, which would abort the
    whole run with a usage error, are switched off on every parameter.
    """

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        kwargs.setdefault("cls", FastCommand)
        register = super().command(*args, **kwargs)

        def decorator(fn: Callable[..., Any]) -> Callable[..., Any]:
            for parameter in inspect.signature(fn).parameters.values():
                info = parameter.default
                if hasattr(info, "readable") and hasattr(info, "exists"):  # typer.Argument / typer.Option
                    info.readable = False
                    info.exists = False

            @functools.wraps(fn)
            def guarded(*a: Any, **k: Any) -> Any:
                try:
                    return fn(*a, **k)
                except JianwuError as exc:
                    fail(str(exc))
                    raise typer.Exit(EXIT_ERROR) from None
                except BrokenPipeError:
                    raise typer.Exit(broken_pipe()) from None

            register(guarded)
            return fn

        return decorator

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app, building only the command asked for.

        Typer makes the click object of every registered command on each run (their
        parameters from their signatures): 7 ms, for ten commands when one is run.  When the
        first argument that is not an option names a command, the group is built with that
        command alone; anything else (``--help``, a misspelt command) gets the whole group,
        so help and error messages are the same.
        """
        argv = kwargs.get("args")
        asked = next((a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")), None)
        every = self.registered_commands
        chosen = [c for c in every if asked and (c.name or typer.main.get_command_name(getattr(c.callback, "__name__", ""))) == asked]
        if len(chosen) != 1:
            return super().__call__(*args, **kwargs)
        self.registered_commands = chosen
        try:
            return super().__call__(*args, **kwargs)
        finally:
            self.registered_commands = every


app = SafeTyper(
    name="jianwu",
    cls=FastGroup,
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


@functools.lru_cache(maxsize=None)
def stderr_console() -> Console:
    """The rich console on stderr (progress and summaries); rich is imported only when one is needed."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def broken_pipe() -> int:
    """The reader of stdout went away: print nothing more, keep Python's exit flush quiet, 141."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_BROKEN_PIPE


def fail(message: str) -> None:
    """One line on stderr, for one bad input; the caller decides the exit code.

    Control characters (from a file name) are shown as U+FFFD and line breaks as
    spaces: the message stays one line and cannot drive the terminal.
    """
    line = terminal_safe(" ".join(message.splitlines()), keep_colour=False)
    sys.stderr.write(f"jianwu: {line}\n")  # not rich: no markup, no :emoji: codes, no wrapping
    sys.stderr.flush()


def out(text: str) -> None:
    """Write to stdout; no control character but tab and newline reaches the terminal."""
    sys.stdout.write(terminal_safe(text))


@functools.lru_cache(maxsize=None)
def _stdout_console_class() -> type[Console]:
    from rich.console import Console

    class StdoutConsole(Console):
        """A rich console on stdout whose closed pipe ends the command quietly (rich itself exits 1)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError(errno.EPIPE, "broken pipe")

    return StdoutConsole


def stdout_console(**options: Any) -> Console:
    return _stdout_console_class()(**{"highlight": False, "soft_wrap": False, **options})


def stdout_styled() -> bool:
    """Would rich style what it prints on stdout?  Only on a terminal, or where the environment
    says there is one (rich's ``Console.is_terminal``: TTY_COMPATIBLE=1, FORCE_COLOR); anywhere
    else a renderer may write its plain text itself, without importing rich."""
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ or "ipykernel" in sys.modules:
        return True
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def print_wide(renderable: object) -> None:
    """Print a table as wide as it needs (``--wide``, and any output that is not a terminal)."""
    from rich.console import Console

    width = Console(width=100_000).measure(renderable).maximum  # type: ignore[arg-type]
    stdout_console(width=max(width, 80)).print(renderable)


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
    from ..document import iter_document_paths, parse_document

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


def guard_output_dir(directory: Path) -> None:
    """Refuse to write into a raw corpus, and make ``directory`` (``OutputError`` when impossible)."""
    prepare_output_dir(directory)
