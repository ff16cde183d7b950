"""``jianwu coverage --format csv``: the clause matrix, one row per parent clause.

Columns: ``parent_path, title, kind, kept_by, dropped_by``, then for each column
(child) ``<id>`` (its status) and ``<id>:kept`` (the share kept, 0..1).  Targets
and departments are in the JSON and HTML formats.
"""

from __future__ import annotations

import io

from ..corpus.coverage import Coverage
from ..safe_io import SafeCsvWriter


def render_coverage_csv(cov: Coverage) -> str:
    buf = io.StringIO()
    w = SafeCsvWriter(buf)
    ids = [c.id for c in cov.children]
    w.writerow(["parent_path", "title", "kind", "kept_by", "dropped_by", *(x for i in ids for x in (i, f"{i}:kept"))])
    for r in cov.rows:
        w.writerow(["/".join(r.parent_path), r.title, r.kind, r.kept_by, r.dropped_by, *(x for i in ids for x in (r.cells[i].status, f"{r.cells[i].kept:.3f}"))])
    return buf.getvalue()
