"""Command line: parse options, call the library, render.

One module per command (``*_cmd.py``), each registering on the shared Typer
``app`` of ``common``; exit codes are decided in ``common`` and ``main``.
To add a command: a new ``NAME_cmd.py`` and one import line below.
"""

from __future__ import annotations

import errno
import gc
import sys

from ..errors import JianwuError
# Registering the commands; the order here is the order of `jianwu --help`.
from . import parse_cmd  # noqa: F401,I001
from . import check_cmd  # noqa: F401
from . import departments_cmd  # noqa: F401
from . import diff_cmd  # noqa: F401
from . import targets_cmd  # noqa: F401
from . import index_cmd  # noqa: F401
from . import search_cmd  # noqa: F401
from . import export_cmd  # noqa: F401
from . import coverage_cmd  # noqa: F401
from . import tree_cmd  # noqa: F401
from .common import EXIT_BROKEN_PIPE, EXIT_ERROR, EXIT_OK, app, broken_pipe, fail, write_atomic  # noqa: F401  (re-exported)
from .common import os  # noqa: F401  (tests patch cli.os.replace)

from ..console import GC_YOUNG_OBJECTS  # noqa: E402  (one value for both entry points)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: exit codes are decided here (see ``common``).

    Every failure is one line on stderr and exit 2: jianwu's own errors, click's
    usage errors (bad option values, unknown options, missing arguments) and any
    internal failure.  A closed pipe (``jianwu parse DIR -f jsonl | head``) ends
    the run quietly with 141 (128 + SIGPIPE, what the shell reports for any
    program stopped by a closed pipe), never 1, which means findings.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        code = app(args=argv, prog_name="jianwu", standalone_mode=False)
        sys.stdout.flush()
    except JianwuError as exc:
        fail(str(exc))
        code = EXIT_ERROR
    except KeyboardInterrupt:
        fail("interrupted")
        code = EXIT_ERROR
    except BrokenPipeError:
        code = broken_pipe()
    except Exception as exc:  # noqa: BLE001  (click's errors, OS errors, internal failures)
        code = _exit_for(exc)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def run() -> None:
    """The ``jianwu`` console script and ``python -m jianwu``: ``main``, then the process ends at once.

    Tearing the interpreter down (the objects of every module freed one by one: compiled
    patterns, tables, data classes) takes 20-25 ms after a ``parse`` or a ``check`` here, a sixth
    of the whole command, and nothing jianwu needs is done in it.  So, once ``main`` has decided
    the exit code, the exit handlers run (the caches' writes, multiprocessing's clean-up), both
    streams are flushed and the process ends with ``os._exit``, as mypy ends its runs (its
    ``--fast-exit``, the default).  With a thread still running that is not a daemon (none of
    jianwu's), or an exit that is not a code, it exits the usual way.

    The cyclic garbage collector runs once per ``GC_YOUNG_OBJECTS`` objects made (``gc.set_threshold``,
    as mypy's ``main`` does), not once per 700: a parse makes a few hundred thousand objects that
    live to the end of the command, and each of the 60-80 collections of a ``check`` of one plan walked
    the young ones again (7 ms of an edited plan's check); jianwu's data hold few cycles, and a run over a
    corpus still collects, less often.  This process is the command's own: the library never sets it.
    """
    gc.set_threshold(GC_YOUNG_OBJECTS, *gc.get_threshold()[1:])
    try:
        main()
    except SystemExit as exc:
        code = exc.code
    else:  # pragma: no cover - main always exits
        code = EXIT_OK
    threads = sys.modules.get("threading")
    if not isinstance(code, int) or (threads is not None and any(
            not t.daemon and t is not threads.main_thread() and t.is_alive() for t in threads.enumerate())):
        sys.exit(code)
    import atexit

    atexit._run_exitfuncs()  # what Python runs at exit, in the same order (last registered first)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = broken_pipe()
    except (OSError, ValueError):  # (main flushed it already: what an exit handler printed)
        code = code or EXIT_ERROR
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def _click_kinds(exc: BaseException) -> set[str]:
    """Names of ``exc``'s classes: click's exceptions, whether typer vendors click or not."""
    return {cls.__name__ for cls in type(exc).__mro__}


def _exit_for(exc: Exception) -> int:
    """Report an exception that is not jianwu's own as one line; its exit status."""
    kinds = _click_kinds(exc)
    if "NoArgsIsHelpError" in kinds:  # `jianwu` alone
        fail("missing command (see 'jianwu --help')")
        return EXIT_ERROR
    if "UsageError" in kinds:
        fail(usage_line(exc))
        return EXIT_ERROR
    if "Abort" in kinds:
        fail("interrupted")
        return EXIT_ERROR
    if "ClickException" in kinds:
        fail(" ".join(exc.format_message().split()))  # type: ignore[attr-defined]
        return EXIT_ERROR
    if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
        return broken_pipe()
    fail(f"internal error: {type(exc).__name__}: {exc}")
    return EXIT_ERROR


def usage_line(exc: Exception) -> str:
    """click's usage error as one line: ``parse: Invalid value for '--format' …  (see jianwu parse --help)``."""
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    command = ctx.command_path if ctx is not None else "jianwu"
    where = command.removeprefix("jianwu").strip()
    return f"{where + ': ' if where else ''}{message} (see '{command} --help')"
