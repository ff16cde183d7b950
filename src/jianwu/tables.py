"""Package data tables (``src/jianwu/data/*.tsv``), read with importlib.resources.

A table is UTF-8, one row per line, cells separated by tabs; blank lines and
lines starting with ``#`` (the documentation of the columns) are skipped.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>``, each a tuple of stripped cells."""
    text = resources.files("jianwu.data").joinpath(name).read_text("utf-8")
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )
