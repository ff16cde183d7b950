"""``jianwu coverage``: one base plan's clauses against every child, as data.

Rows are the base's clauses (headings and content clauses, in document order);
columns are the documents compared with it:

* the documents linked to it as parent in the index (``links.parent_id``), with
  ``depth=2`` also their own children (grandchildren, compared with the base
  directly: what of the national plan survives in a city's plan);
* when nothing is linked to the base, its *siblings*: the documents linked to
  the same parent, or, when the base has no parent in the index, the documents
  of its title family (``family_key``) at its rank of level — so siblings can be lined
  up against one of them when their parent is absent;
* or exactly the documents named with ``columns=[...]`` (``--child``).

Each cell is the status of that base clause in that column (``diffmodel.clause_status``:
identical, modified, merged, split, moved, partial … dropped) with the share of
it kept: the sum of the ``parent_coverage`` of the clause's alignments, capped at
1 (0 when dropped).  Linked pairs come from the index; any other pair is diffed
on the spot from the cached parses (``diff_documents``).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Sequence


from ..errors import UsageError
from ..patterns import compile_pattern
from .store import DEFAULT_DB, PairRows, connect, jianwu_build, load_document, pair_rows

COVERAGE_SCHEMA_VERSION = "1.0"
DROPPED = "dropped"


@dataclass
class CoverageChild:
    id: str
    title: Optional[str]
    level: Optional[str]
    region: Optional[str]
    relation: str  # parent / ancestor (from the link), grandchild, sibling, given
    depth: int  # 1 child or sibling, 2 grandchild
    via: Optional[str]  # the child a grandchild is linked through
    found_by: Optional[str]
    confidence: Optional[float]
    adoption: float = 0.0  # share of the base's content clauses this column kept in some form
    kept: float = 0.0  # mean kept share over the base's content clauses


@dataclass
class Cell:
    status: str
    kept: float
    child_paths: list[str] = field(default_factory=list)
    seq: Optional[int] = None  # the pair's alignment (position in DocumentDiff.alignments) the cell links to


@dataclass
class Row:
    index: int
    parent_path: list[str]
    title: str
    kind: str  # heading / clause
    cells: dict[str, Cell]
    kept_by: int = 0
    dropped_by: int = 0


@dataclass
class TargetCell:
    status: str  # same / stricter / looser / value_changed / year_changed / dropped
    value_text: Optional[str]
    detail: str
    child_path: Optional[str]


@dataclass
class TargetRow:
    parent_path: list[str]
    indicator: str
    value_text: str
    year: Optional[int]
    cells: dict[str, TargetCell]


@dataclass
class DepartmentCell:
    status: str  # mapped / parent_only
    child_names: list[str]


@dataclass
class DepartmentRow:
    canonical: str
    parent_names: list[str]
    generic: bool
    cells: dict[str, DepartmentCell]
    mapped_by: int = 0


@dataclass
class Coverage:
    parent: dict[str, Any]
    columns: str  # children / siblings / given
    depth: int
    children: list[CoverageChild]
    rows: list[Row]
    targets: list[TargetRow]
    departments: list[DepartmentRow]
    # The DocumentDiff of each column, when asked for (``keep_diffs``: the HTML pages).
    diffs: dict[str, Any] = field(default_factory=dict, repr=False)


# ---------------------------------------------------------------- resolving the base and its columns


def resolve_document(conn: sqlite3.Connection, ref: str) -> str:
    """A document id from an id or a path; ``UsageError`` naming it when it is not indexed."""
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (ref,)).fetchone():
        return ref
    path = Path(ref)
    if path.exists():
        row = conn.execute("SELECT id FROM documents WHERE path = ?", (str(path.resolve()),)).fetchone()
        if row:
            return row[0]
        raise UsageError(f"{ref}: not in the index (index it first: jianwu index {ref})")
    raise UsageError(f"{ref}: no such document in the index (give an id or the path of an indexed file)")


# What a title adds around its family: the genre at the end (实施意见, 行动方案 …).
GENRE_TAIL = compile_pattern(r"(?:的)?(?:实施意见|实施方案|行动方案|工作方案|指导意见|意见|方案|规划|通知)$")
# Marks that differ between copies of one title: spaces, quotes, title brackets.
TITLE_MARKS = compile_pattern(r"[\s“”‘’\"'《》〈〉<>]")


# Administrative rank of a level: siblings are of one rank (a municipality such as 重庆市 ranks with the provinces).
LEVEL_RANK = {"national": 0, "province": 1, "municipality": 1, "city": 2, "district": 3, "county": 3, "zone": 3}


def family_key(title: Optional[str], region: Optional[str]) -> Optional[str]:
    """What siblings' titles share: 重庆市人民政府办公厅关于推动城乡建设绿色发展的实施意见 -> 推动城乡建设绿色发展.

    The issuer (everything up to the last 关于, or else the document's own region in
    front) and the genre at the end are dropped: 重庆高新区减污降碳协同增效实施方案 and
    资阳市减污降碳协同增效实施方案 are both 减污降碳协同增效.
    """
    if not title:
        return None
    t = TITLE_MARKS.sub("", title)
    if "关于" in t:
        t = t[t.rindex("关于") + 2 :]
    elif region and t.startswith(region):
        t = t[len(region) :]
    t = GENRE_TAIL.sub("", t)
    return t or None


def _siblings(conn: sqlite3.Connection, base: str) -> list[tuple[str, str, Optional[str], Optional[str], Optional[float]]]:
    """Documents linked to the base's parent; without one, documents of its title family and level."""
    parents = [r[0] for r in conn.execute("SELECT parent_id FROM links WHERE child_id = ? ORDER BY parent_id", (base,))]
    if parents:
        marks = ",".join("?" * len(parents))
        ids = [r[0] for r in conn.execute(f"SELECT DISTINCT child_id FROM links WHERE parent_id IN ({marks}) AND child_id != ? ORDER BY child_id", (*parents, base))]
        return [(i, "sibling", None, None, None) for i in ids]
    title, region, level = conn.execute("SELECT title, region, level FROM documents WHERE id = ?", (base,)).fetchone()
    key = family_key(title, region)
    if key is None:
        return []
    out = []
    for doc_id, other_title, other_region, other_level in conn.execute("SELECT id, title, region, level FROM documents WHERE id != ? ORDER BY id", (base,)):
        same_rank = level is None or LEVEL_RANK.get(other_level or "", -1) == LEVEL_RANK.get(level, -2)
        if same_rank and family_key(other_title, other_region) == key:
            out.append((doc_id, "sibling", None, None, None))
    return out


def _columns(conn: sqlite3.Connection, base: str, depth: int, given: Optional[Sequence[str]]) -> tuple[str, list[tuple[str, str, Optional[str], Optional[str], Optional[float]]]]:
    """(kind of columns, [(id, relation, via, found_by, confidence)])."""
    if given:
        ids = [resolve_document(conn, g) for g in given]
        return "given", [(i, "given", None, None, None) for i in dict.fromkeys(ids) if i != base]
    children = conn.execute(
        "SELECT child_id, relation, found_by, confidence FROM links WHERE parent_id = ? ORDER BY child_id", (base,)
    ).fetchall()
    if not children:
        return "siblings", _siblings(conn, base)
    out = [(c, rel, None, by, conf) for c, rel, by, conf in children]
    if depth >= 2:
        seen = {base, *(c for c, *_ in children)}
        for child, *_ in children:
            for (grand,) in conn.execute("SELECT child_id FROM links WHERE parent_id = ? ORDER BY child_id", (child,)):
                if grand not in seen:
                    seen.add(grand)
                    out.append((grand, "grandchild", child, None, None))
    return "children", out


# ---------------------------------------------------------------- the pair rows of each column


def _stored_pair(conn: sqlite3.Connection, child: str, parent: str) -> Optional[PairRows]:
    link = conn.execute("SELECT * FROM links WHERE child_id = ? AND parent_id = ?", (child, parent)).fetchone()
    if link is None:
        return None
    key = (child, parent)
    return PairRows(
        link,
        conn.execute("SELECT * FROM alignments WHERE child_id = ? AND parent_id = ? ORDER BY seq", key).fetchall(),
        conn.execute("SELECT * FROM target_changes WHERE child_id = ? AND parent_id = ? ORDER BY seq", key).fetchall(),
        conn.execute("SELECT * FROM department_changes WHERE child_id = ? AND parent_id = ? ORDER BY canonical", key).fetchall(),
    )


def _fresh_pair(conn: sqlite3.Connection, child: str, parent: str, base_doc: Any, build: str) -> tuple[PairRows, Any]:
    from ..diff import diff_documents
    from ..lineage import Link

    diff = diff_documents(load_document(conn, child), base_doc, found_by="given")
    link = Link(child, parent, "parent", "given", 0.0)  # type: ignore[arg-type]
    return pair_rows(link, diff, build), diff


# Column positions in the stored tuples (see store.SCHEMA).
A_SEQ, A_KIND, A_STATUS, A_CHILD, A_PARENT, A_PCOV, A_SIM = 2, 3, 4, 5, 6, 10, 12
T_STATUS, T_DETAIL, T_PCLAUSE, T_PSEQ, T_CCLAUSE, T_CVALUE = 3, 5, 6, 7, 8, 11
D_CANONICAL, D_STATUS, D_CHILD_NAMES = 2, 3, 6


def _cell(entries: list[tuple], child_paths: dict[int, str]) -> Cell:
    from ..diffmodel import Alignment, clause_status

    if not entries:
        return Cell(DROPPED, 0.0)
    status = clause_status([Alignment(e[A_KIND], e[A_STATUS], e[A_CHILD], e[A_PARENT]) for e in entries], side="parent")
    if status == DROPPED:
        return Cell(DROPPED, 0.0, [], entries[0][A_SEQ])
    covered = [e[A_PCOV] for e in entries if e[A_PCOV] is not None]
    if covered:
        kept = min(1.0, sum(covered))
    else:  # headings carry no text scores
        sims = [e[A_SIM] for e in entries if e[A_SIM] is not None]
        kept = 1.0 if status == "identical" or not sims else max(sims)
    paths = [child_paths.get(e[A_CHILD], "") for e in entries if e[A_CHILD] is not None]
    first = next(e for e in entries if e[A_CHILD] is not None)
    return Cell(status, round(kept, 3), paths, first[A_SEQ])


def coverage(
    parent: str,
    db: Path | str = DEFAULT_DB,
    *,
    depth: int = 1,
    columns: Optional[Sequence[str]] = None,
    keep_diffs: bool = False,
) -> Coverage:
    """The coverage matrix of ``parent`` (an id or the path of an indexed file) in the index ``db``.

    ``keep_diffs`` diffs every column afresh and keeps the ``DocumentDiff`` objects
    (for per-pair pages whose anchors must match the cells).
    """
    if depth not in (1, 2):
        raise UsageError(f"--depth {depth}: give 1 (children) or 2 (and grandchildren)")
    conn = connect(Path(db), create=False, readonly=True)
    try:
        return _coverage(conn, parent, depth, columns, keep_diffs)
    finally:
        conn.close()


def _coverage(conn: sqlite3.Connection, ref: str, depth: int, given: Optional[Sequence[str]], keep_diffs: bool) -> Coverage:
    base = resolve_document(conn, ref)
    info = conn.execute("SELECT id, path, title, doc_number, region, level, clauses FROM documents WHERE id = ?", (base,)).fetchone()
    parent_info = dict(zip(("id", "path", "title", "doc_number", "region", "level", "clauses"), info))
    kind_of_columns, cols = _columns(conn, base, depth, given)
    if not cols:
        raise UsageError(
            f"{ref}: nothing to compare it with: no indexed document is linked to it as parent or shares its parent; "
            "name the documents to compare with --child ID"
        )
    clauses = conn.execute("SELECT idx, path, title, kind FROM clauses WHERE doc_id = ? ORDER BY idx", (base,)).fetchall()
    base_doc = None
    build = jianwu_build()
    children: list[CoverageChild] = []
    pairs: dict[str, PairRows] = {}
    diffs: dict[str, Any] = {}
    for doc_id, relation, via, found_by, confidence in cols:
        meta = conn.execute("SELECT title, level, region FROM documents WHERE id = ?", (doc_id,)).fetchone()
        children.append(CoverageChild(doc_id, meta[0], meta[1], meta[2], relation, 2 if relation == "grandchild" else 1, via, found_by, confidence))
        stored = None if keep_diffs else _stored_pair(conn, doc_id, base)
        if stored is None:
            if base_doc is None:
                base_doc = load_document(conn, base)
            stored, diff = _fresh_pair(conn, doc_id, base, base_doc, build)
            if keep_diffs:
                diffs[doc_id] = diff
        pairs[doc_id] = stored

    child_paths = {
        c.id: dict(conn.execute("SELECT idx, path FROM clauses WHERE doc_id = ?", (c.id,)).fetchall()) for c in children
    }
    by_parent: dict[str, dict[int, list[tuple]]] = {}
    for doc_id, rows in pairs.items():
        grouped: dict[int, list[tuple]] = {}
        for a in rows.alignments:
            if a[A_PARENT] is not None:
                grouped.setdefault(a[A_PARENT], []).append(a)
        by_parent[doc_id] = grouped
    out_rows: list[Row] = []
    for idx, path, title, kind in clauses:
        cells = {c.id: _cell(by_parent[c.id].get(idx, []), child_paths[c.id]) for c in children}
        dropped = sum(1 for cell in cells.values() if cell.status == DROPPED)
        out_rows.append(Row(idx, path.split("/"), title, kind, cells, len(cells) - dropped, dropped))
    content = [r for r in out_rows if r.kind == "clause"] or out_rows
    for c in children:
        cells = [r.cells[c.id] for r in content]
        if cells:
            c.adoption = round(sum(1 for cell in cells if cell.status != DROPPED) / len(cells), 3)
            c.kept = round(sum(cell.kept for cell in cells) / len(cells), 3)
    paths = {idx: path for idx, path, _, _ in clauses}
    return Coverage(
        parent_info,
        kind_of_columns,
        depth,
        children,
        out_rows,
        _target_rows(conn, base, paths, children, pairs, child_paths),
        _department_rows(conn, base, children, pairs),
        diffs,
    )


def _target_rows(conn: sqlite3.Connection, base: str, paths: dict[int, str], children: list[CoverageChild], pairs: dict[str, PairRows], child_paths: dict[str, dict[int, str]]) -> list[TargetRow]:
    targets = conn.execute(
        "SELECT clause_idx, seq, indicator, value_text, year FROM targets WHERE doc_id = ? AND kind != 'condition' ORDER BY clause_idx, seq", (base,)
    ).fetchall()
    rows = []
    for clause_idx, seq, indicator, value_text, year in targets:
        cells: dict[str, TargetCell] = {}
        for c in children:
            for t in pairs[c.id].target_changes:
                if t[T_PCLAUSE] == clause_idx and t[T_PSEQ] == seq:
                    child_path = child_paths[c.id].get(t[T_CCLAUSE]) if t[T_CCLAUSE] is not None else None
                    cells[c.id] = TargetCell(t[T_STATUS], t[T_CVALUE], t[T_DETAIL], child_path)
                    break
        rows.append(TargetRow(paths[clause_idx].split("/"), indicator, value_text, year, cells))
    return rows


def _department_rows(conn: sqlite3.Connection, base: str, children: list[CoverageChild], pairs: dict[str, PairRows]) -> list[DepartmentRow]:
    names: dict[str, list[str]] = {}
    generic: dict[str, bool] = {}
    for canonical, name, is_generic in conn.execute("SELECT canonical, name, generic FROM departments WHERE doc_id = ? ORDER BY clause_idx, seq", (base,)):
        if name not in names.setdefault(canonical, []):
            names[canonical].append(name)
        generic[canonical] = bool(is_generic)
    rows = []
    for canonical, parent_names in names.items():
        cells: dict[str, DepartmentCell] = {}
        for c in children:
            for d in pairs[c.id].department_changes:
                if d[D_CANONICAL] == canonical and d[D_STATUS] in ("mapped", "parent_only"):
                    cells[c.id] = DepartmentCell(d[D_STATUS], json.loads(d[D_CHILD_NAMES]))
                    break
        mapped = sum(1 for cell in cells.values() if cell.status == "mapped")
        rows.append(DepartmentRow(canonical, parent_names, generic[canonical], cells, mapped))
    return rows


def coverage_from_corpus(parent: str, corpus: Sequence[Path], *, depth: int = 1, columns: Optional[Sequence[str]] = None, keep_diffs: bool = False, jobs: Optional[int] = None) -> Coverage:
    """``coverage`` over documents not indexed yet: index them into a temporary database first."""
    import tempfile

    from .indexer import index

    paths = list(corpus)
    if Path(parent).exists() and not any(Path(parent).resolve() == p.resolve() or p.resolve() in Path(parent).resolve().parents for p in paths):
        paths.append(Path(parent))
    with tempfile.TemporaryDirectory(prefix="jianwu-coverage-") as tmp:
        db = Path(tmp) / "corpus.sqlite"
        index(paths, db, jobs=jobs)
        return coverage(parent, db, depth=depth, columns=columns, keep_diffs=keep_diffs)


# ---------------------------------------------------------------- JSON


def coverage_to_dict(cov: Coverage) -> dict[str, Any]:
    """The JSON of ``jianwu coverage --format json`` (``data/coverage.schema.json``)."""
    return {
        "schema_version": COVERAGE_SCHEMA_VERSION,
        "parent": cov.parent,
        "columns": cov.columns,
        "depth": cov.depth,
        "children": [
            {
                "id": c.id, "title": c.title, "level": c.level, "region": c.region, "relation": c.relation, "depth": c.depth,
                "via": c.via, "found_by": c.found_by, "confidence": c.confidence, "adoption": c.adoption, "kept": c.kept,
            }
            for c in cov.children
        ],
        "rows": [
            {
                "parent_path": r.parent_path,
                "title": r.title,
                "kind": r.kind,
                "cells": {k: {"status": v.status, "kept": v.kept, "child_paths": v.child_paths} for k, v in r.cells.items()},
                "kept_by": r.kept_by,
                "dropped_by": r.dropped_by,
            }
            for r in cov.rows
        ],
        "targets": [
            {
                "parent_path": t.parent_path, "indicator": t.indicator, "value_text": t.value_text, "year": t.year,
                "cells": {k: {"status": v.status, "value_text": v.value_text, "detail": v.detail, "child_path": v.child_path} for k, v in t.cells.items()},
            }
            for t in cov.targets
        ],
        "departments": [
            {
                "canonical": d.canonical, "parent_names": d.parent_names, "generic": d.generic, "mapped_by": d.mapped_by,
                "cells": {k: {"status": v.status, "child_names": v.child_names} for k, v in d.cells.items()},
            }
            for d in cov.departments
        ],
    }
