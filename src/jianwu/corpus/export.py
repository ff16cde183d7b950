"""``jianwu export``: every table of the index as files, for people who do not use SQL.

One file per table (``documents.csv``, ``clauses.jsonl`` …), rows in primary-key
order so the same index gives the same bytes.  CSV is UTF-8 with a BOM-less
header row (Excel: Data → From Text); JSON Lines has one object per row.
Parquet needs the optional ``pyarrow`` (``pip install 'jianwu[parquet]'``).
The FTS index and the cache of parsed documents are internal and not exported.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, Literal

from ..errors import UsageError
from ..safe_io import SafeCsvWriter
from .store import TABLES, connect

ExportFormat = Literal["csv", "jsonl", "parquet"]

# Primary-key order of each table, for deterministic files.
ORDER = {
    "meta": "key",
    "documents": "id",
    "clauses": "doc_id, idx",
    "departments": "doc_id, clause_idx, seq",
    "targets": "doc_id, clause_idx, seq",
    "links": "child_id, parent_id",
    "alignments": "child_id, parent_id, seq",
    "target_changes": "child_id, parent_id, seq",
    "department_changes": "child_id, parent_id, canonical",
    "errors": "path",
}


def _atomic(path: Path, write: Any, *, binary: bool = False) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export(db: Path | str, directory: Path | str, fmt: ExportFormat = "csv") -> list[Path]:
    """Write every table of ``db`` into ``directory``; the files written, in table order."""
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError("--format parquet needs pyarrow: pip install 'jianwu[parquet]'") from None
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    conn = connect(Path(db), create=False, readonly=True)
    written: list[Path] = []
    try:
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY {ORDER[table]}")
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
            path = directory / f"{table}.{fmt}"
            if fmt == "csv":
                def write(fh: Any, rows: list[Any] = rows, columns: list[str] = columns) -> None:
                    w = SafeCsvWriter(fh)  # cells like =HYPERLINK(…) neutralised, as in every CSV jianwu writes
                    w.writerow(columns)
                    w.writerows(rows)

                _atomic(path, write)
            elif fmt == "jsonl":
                def write(fh: Any, rows: list[Any] = rows, columns: list[str] = columns) -> None:
                    for row in rows:
                        fh.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")

                _atomic(path, write)
            else:
                import pyarrow as pa
                import pyarrow.parquet as pq

                table_data = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})
                _atomic(path, lambda fh, t=table_data: pq.write_table(t, fh), binary=True)
            written.append(path)
    finally:
        conn.close()
    return written
