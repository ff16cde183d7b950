"""Command line: parse options, call the library, render.

One module per command (``*_cmd.py``), each registering on the shared Typer
``app`` of ``common``; exit codes are decided in ``common`` and ``main``.
To add a command: a new ``NAME_cmd.py`` and one import line below.
"""

from __future__ import annotations

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
from .common import EXIT_ERROR, app, fail, write_atomic  # noqa: F401  (re-exported)
from .common import os  # noqa: F401  (tests patch cli.os.replace)


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
