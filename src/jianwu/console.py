"""The ``jianwu`` console script and ``python -m jianwu``: ``cli.run``, with the collector set first.

``cli.run`` sets the cyclic garbage collector's threshold for the command's process
(``GC_YOUNG_OBJECTS``, defined here and read by the CLI); set here, before the CLI is imported, it also spares the import of
Typer and of every command's module its collections (19 of them, about 2 ms).  Only this entry
point and ``cli.run`` set it: importing jianwu, or ``jianwu.cli``, never does.
"""

from __future__ import annotations

import gc

# Objects made (net of those freed) between two collections of the youngest generation, in a
# command's process; Python's default is 700.  (Here, not in the CLI: importing it is what comes after.)
GC_YOUNG_OBJECTS = 100_000


def run() -> None:
    gc.set_threshold(GC_YOUNG_OBJECTS, *gc.get_threshold()[1:])
    from .cli import run as cli_run

    cli_run()
