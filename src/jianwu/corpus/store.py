"""The corpus database: schema, connection, locking, and the rows of one document or pair.

One SQLite file (WAL mode) that analysts open as it is with ``sqlite3``, pandas
``read_sql`` or Datasette.  The schema is versioned in ``meta.schema_version``
(documented in the README); a database of another version is rebuilt, because
everything in it is derived from the documents and can be recomputed.

Rows are built here from the library's dataclasses (``Document``,
``DocumentDiff``) as plain tuples, so worker processes can build them and the
one writer in the main process only executes the inserts.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from ..errors import JianwuError

SCHEMA_VERSION = "2"  # 2: targets scope/basis/measure, departments region/partner/inherited
DEFAULT_DB = Path("data/jianwu.sqlite")

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    title TEXT,
    doc_number TEXT,
    doc_number_valid INTEGER NOT NULL,
    issuers TEXT NOT NULL,            -- JSON list
    date TEXT,
    publication TEXT,
    region TEXT,
    level TEXT,
    script TEXT NOT NULL,
    encoding TEXT NOT NULL,
    clauses INTEGER NOT NULL,
    warnings TEXT NOT NULL,           -- JSON list of {code, message, line}
    cites TEXT NOT NULL,              -- JSON list of {title, core_title, doc_number}
    jianwu_version TEXT NOT NULL,
    jianwu_build TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE TABLE IF NOT EXISTS clauses (
    clause_id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,             -- position in the document (Document.clauses index)
    path TEXT NOT NULL,               -- 二、/（三）
    number TEXT,
    style TEXT NOT NULL,
    depth INTEGER NOT NULL,
    kind TEXT NOT NULL,               -- heading (has sub-clauses) / clause
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    line INTEGER NOT NULL,
    UNIQUE (doc_id, idx)
);
CREATE VIRTUAL TABLE IF NOT EXISTS clauses_fts USING fts5(
    title, text, content='clauses', content_rowid='clause_id', tokenize='trigram'
);
CREATE TRIGGER IF NOT EXISTS clauses_ai AFTER INSERT ON clauses BEGIN
    INSERT INTO clauses_fts(rowid, title, text) VALUES (new.clause_id, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS clauses_ad AFTER DELETE ON clauses BEGIN
    INSERT INTO clauses_fts(clauses_fts, rowid, title, text) VALUES ('delete', old.clause_id, old.title, old.text);
END;
CREATE TABLE IF NOT EXISTS departments (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_idx INTEGER NOT NULL,
    seq INTEGER NOT NULL,             -- order inside the clause
    note INTEGER NOT NULL,
    name TEXT NOT NULL,
    canonical TEXT NOT NULL,
    level TEXT,
    role TEXT NOT NULL,
    generic INTEGER NOT NULL,
    known INTEGER NOT NULL,
    line INTEGER NOT NULL,
    region TEXT,                      -- the partner's region in a joint plan (四川省), else NULL
    partner INTEGER NOT NULL,         -- which partner's list of a note (；-separated lists of a joint plan), 0-based
    inherited INTEGER NOT NULL,       -- 1: the clause has it only from a convention declared elsewhere
    declared_line INTEGER,            -- raw line of that declaration
    PRIMARY KEY (doc_id, clause_idx, seq)
);
CREATE INDEX IF NOT EXISTS departments_canonical ON departments(canonical);
CREATE TABLE IF NOT EXISTS targets (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause_idx INTEGER NOT NULL,
    seq INTEGER NOT NULL,             -- order inside the clause
    indicator TEXT NOT NULL,
    value REAL,                       -- numeric value (NULL for text values, see value_text)
    value_max REAL,
    value_text TEXT NOT NULL,
    unit TEXT,
    comparator TEXT NOT NULL,
    direction TEXT,
    year INTEGER,
    kind TEXT NOT NULL,
    period TEXT,
    baseline_year INTEGER,
    modality TEXT,
    text TEXT NOT NULL,
    line INTEGER NOT NULL,
    scope TEXT,                       -- the region or group the target is set for (京津冀及周边地区)
    basis TEXT,                       -- cumulative / annual / level
    measure TEXT,                     -- rate / absolute
    PRIMARY KEY (doc_id, clause_idx, seq)
);
CREATE INDEX IF NOT EXISTS targets_indicator ON targets(indicator);
CREATE TABLE IF NOT EXISTS document_cache (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    blob BLOB NOT NULL                -- the parsed Document (zlib pickle), so lineage and diffs need no reparse
);
CREATE TABLE IF NOT EXISTS lineage_cache (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    profile BLOB NOT NULL,            -- what the parent search needs (lineage.Profile, pickle, ~2 KB)
    shingles BLOB NOT NULL            -- the body's 8-character shingle set (sorted uint32), read only for candidates
);
CREATE TABLE IF NOT EXISTS links (
    child_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    parent_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    relation TEXT NOT NULL,
    found_by TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,           -- JSON
    child_sha256 TEXT NOT NULL,       -- what the pair's alignments were computed from
    parent_sha256 TEXT NOT NULL,
    jianwu_build TEXT NOT NULL,
    summary TEXT,                     -- JSON summary of the diff (see diff.schema.json)
    copied_share REAL,
    PRIMARY KEY (child_id, parent_id)
);
CREATE INDEX IF NOT EXISTS links_parent ON links(parent_id);
CREATE TABLE IF NOT EXISTS alignments (
    child_id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    seq INTEGER NOT NULL,             -- reading order of the diff
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    child_idx INTEGER,
    parent_idx INTEGER,
    basis TEXT,
    title_score REAL,
    body_score REAL,
    parent_coverage REAL,
    child_coverage REAL,
    similarity REAL,
    flags TEXT NOT NULL,              -- JSON list of flag codes
    PRIMARY KEY (child_id, parent_id, seq),
    FOREIGN KEY (child_id, parent_id) REFERENCES links(child_id, parent_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS alignments_parent_clause ON alignments(parent_id, parent_idx);
CREATE TABLE IF NOT EXISTS target_changes (
    child_id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    indicator TEXT NOT NULL,
    detail TEXT NOT NULL,
    parent_clause_idx INTEGER,
    parent_target_seq INTEGER,        -- targets.seq of the parent's target
    child_clause_idx INTEGER,
    child_target_seq INTEGER,
    parent_value_text TEXT,
    child_value_text TEXT,
    PRIMARY KEY (child_id, parent_id, seq),
    FOREIGN KEY (child_id, parent_id) REFERENCES links(child_id, parent_id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS department_changes (
    child_id TEXT NOT NULL,
    parent_id TEXT NOT NULL,
    canonical TEXT NOT NULL,
    status TEXT NOT NULL,             -- mapped / parent_only / child_only
    generic INTEGER NOT NULL,
    parent_names TEXT NOT NULL,       -- JSON list
    child_names TEXT NOT NULL,        -- JSON list
    PRIMARY KEY (child_id, parent_id, canonical),
    FOREIGN KEY (child_id, parent_id) REFERENCES links(child_id, parent_id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS errors (
    path TEXT PRIMARY KEY,
    message TEXT NOT NULL
);
"""

# Tables an export writes, in this order (the FTS index and the pickled cache are internal).
TABLES = ("meta", "documents", "clauses", "departments", "targets", "links", "alignments", "target_changes", "department_changes", "errors")


class DatabaseError(JianwuError):
    """The corpus database cannot be opened, is locked by another run, or is not a jianwu index."""


@lru_cache(maxsize=1)
def jianwu_build() -> str:
    """A fingerprint of the code and data tables that produce the index (so a parser change re-indexes).

    Computed once per process: it describes the code this process runs, even when
    the files change under it.
    """
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def jianwu_version() -> str:
    from .. import __version__

    return __version__


def connect(db: Path, *, create: bool = True, readonly: bool = False) -> sqlite3.Connection:
    """Open (and with ``create``, initialise) the database; ``DatabaseError`` when it is not one."""
    if not create and not db.exists():
        raise DatabaseError(f"{db}: no such index (build it with: jianwu index PATH --db {db})")
    if create:
        db.parent.mkdir(parents=True, exist_ok=True)
    try:
        if readonly:
            conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30, isolation_level=None)
        else:
            conn = sqlite3.connect(db, timeout=30, isolation_level=None)
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        version = _schema_version(conn)
        if create and version != SCHEMA_VERSION:
            if version is not None:
                _drop_all(conn)
            conn.executescript(SCHEMA)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
        elif create and not readonly:
            # Internal tables added within a schema version (lineage_cache): derived, filled on the next run.
            conn.executescript(SCHEMA)
        elif version != SCHEMA_VERSION:
            raise DatabaseError(f"{db}: not a jianwu index of schema {SCHEMA_VERSION} (found {version}); rebuild it with jianwu index")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{db}: {exc}") from None
    return conn


def _schema_version(conn: sqlite3.Connection) -> Optional[str]:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise sqlite3.DatabaseError("not a jianwu index (it has tables but no meta table)") from None
        return None
    return row[0] if row else None


def _drop_all(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = OFF")
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'clauses_fts_%' AND name NOT LIKE 'sqlite_%'")]
    for name in names:
        conn.execute(f'DROP TABLE IF EXISTS "{name}"')
    conn.execute("PRAGMA foreign_keys = ON")


class IndexLock:
    """An exclusive ``flock`` on ``DB.lock``: one ``jianwu index`` per database at a time."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self._fd: Optional[int] = None

    def __enter__(self) -> "IndexLock":
        import fcntl

        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise DatabaseError(f"{self.path.with_suffix('')}: another jianwu index is running on this database (pid {holder}); wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd
        from .pool import INHERITED_FDS

        INHERITED_FDS.add(fd)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            from .pool import INHERITED_FDS

            INHERITED_FDS.discard(self._fd)
            os.close(self._fd)  # closing releases the flock
            self._fd = None


# ---------------------------------------------------------------- rows


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def pack_document(doc: Any) -> bytes:
    return zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 6)


def unpack_document(blob: bytes) -> Any:
    return pickle.loads(zlib.decompress(blob))


@dataclass
class DocumentRows:
    """Everything ``jianwu index`` stores about one parsed document."""

    document: tuple
    clauses: list[tuple] = field(default_factory=list)
    departments: list[tuple] = field(default_factory=list)
    targets: list[tuple] = field(default_factory=list)
    blob: bytes = b""
    profile: bytes = b""  # lineage.Profile without its shingles
    shingles: bytes = b""


def document_rows(doc: Any, build: str) -> DocumentRows:
    """The rows of ``doc`` (a parsed ``Document``), ready for ``write_document``."""
    cites = [{"title": c.title, "core_title": c.core_title, "doc_number": c.doc_number} for c in doc.cites]
    warnings = [{"code": w.code, "message": w.message, "line": w.line} for w in doc.warnings]
    rows = DocumentRows(
        (
            doc.id, doc.path, doc.sha256, doc.format, doc.title, doc.doc_number, int(doc.doc_number_valid),
            _json(doc.issuers), doc.date, doc.publication, doc.region, doc.level, doc.script, doc.encoding,
            len(doc.clauses), _json(warnings), _json(cites), jianwu_version(), build,
        )
    )
    parents = {"/".join(c.path[:-1]) for c in doc.clauses if len(c.path) > 1}
    for i, c in enumerate(doc.clauses):
        kind = "heading" if c.key in parents else "clause"
        rows.clauses.append((doc.id, i, c.key, c.number, c.style, c.depth, kind, c.title, c.text, c.line))
        for j, d in enumerate(c.departments):
            rows.departments.append(
                (doc.id, i, j, d.note, d.name, d.canonical, d.level, d.role, int(d.generic), int(d.known), doc.line_at(d.span[0]),
                 d.region, d.partner, int(d.inherited), d.declared_line)
            )
        for j, t in enumerate(c.targets):
            value = t.value if isinstance(t.value, (int, float)) and not isinstance(t.value, bool) else None
            rows.targets.append(
                (doc.id, i, j, t.indicator, value, t.value_max, t.value_text, t.unit, t.comparator, t.direction, t.year,
                 t.kind, t.period, t.baseline_year, t.modality, t.text, doc.line_at(t.span[0]), t.scope, t.basis, t.measure)
            )
    rows.blob = pack_document(doc)
    from ..lineage.profile import pack_profile, profile_of

    # The parent search's profile, computed here in the worker, so that linking a large
    # corpus never unpickles its documents.
    rows.profile, rows.shingles = pack_profile(profile_of(doc))
    return rows


def write_document(conn: sqlite3.Connection, rows: DocumentRows) -> None:
    """Replace the document (and everything derived from it) inside the caller's transaction."""
    doc_id, path = rows.document[0], rows.document[1]
    conn.execute("DELETE FROM documents WHERE id = ? OR path = ?", (doc_id, path))
    conn.execute("DELETE FROM errors WHERE path = ?", (path,))
    conn.execute(f"INSERT INTO documents VALUES ({','.join('?' * len(rows.document))})", rows.document)
    conn.executemany("INSERT INTO clauses (doc_id, idx, path, number, style, depth, kind, title, text, line) VALUES (?,?,?,?,?,?,?,?,?,?)", rows.clauses)
    conn.executemany("INSERT INTO departments VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.departments)
    conn.executemany("INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.targets)
    conn.execute("INSERT INTO document_cache VALUES (?, ?)", (doc_id, rows.blob))
    if rows.profile:
        conn.execute("INSERT INTO lineage_cache VALUES (?, ?, ?)", (doc_id, rows.profile, rows.shingles))


@dataclass
class PairRows:
    """Everything ``jianwu index`` stores about one linked (child, parent) pair."""

    link: tuple
    alignments: list[tuple] = field(default_factory=list)
    target_changes: list[tuple] = field(default_factory=list)
    department_changes: list[tuple] = field(default_factory=list)


def _target_seq(doc: Any, clause_idx: Optional[int], target: Any) -> Optional[int]:
    if clause_idx is None or target is None:
        return None
    for j, t in enumerate(doc.clauses[clause_idx].targets):
        if t is target:
            return j
    return None


def pair_rows(link: Any, diff: Any, build: str) -> PairRows:
    """The rows of one link and its diff (``DocumentDiff``)."""
    from ..diffmodel import summary_to_dict

    child, parent = diff.child, diff.parent
    summary = summary_to_dict(diff.summary)
    rows = PairRows(
        (
            link.child_id, link.parent_id, link.relation, link.found_by, float(link.confidence),
            _json({k: v for k, v in link.evidence.items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}),
            child.sha256, parent.sha256, build, _json(summary), summary.get("copied_share"),
        )
    )
    for seq, a in enumerate(diff.alignments):
        s = a.scores
        rows.alignments.append(
            (
                link.child_id, link.parent_id, seq, a.kind, a.status, a.child_index, a.parent_index, a.basis,
                s.title if s else None, s.body if s else None, s.parent_coverage if s else None, s.child_coverage if s else None,
                a.similarity, _json([f.code for f in a.flags]),
            )
        )
    for seq, t in enumerate(diff.targets):
        rows.target_changes.append(
            (
                link.child_id, link.parent_id, seq, t.status, t.indicator, t.detail,
                t.parent_index, _target_seq(parent, t.parent_index, t.parent),
                t.child_index, _target_seq(child, t.child_index, t.child),
                t.parent.value_text if t.parent else None, t.child.value_text if t.child else None,
            )
        )
    for d in diff.departments:
        rows.department_changes.append(
            (link.child_id, link.parent_id, d.canonical, d.status, int(d.generic), _json(list(d.parent_names)), _json(list(d.child_names)))
        )
    return rows


def write_pair(conn: sqlite3.Connection, rows: PairRows) -> None:
    conn.execute("DELETE FROM links WHERE child_id = ? AND parent_id = ?", rows.link[:2])
    conn.execute("INSERT INTO links VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows.link)
    conn.executemany("INSERT INTO alignments VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows.alignments)
    conn.executemany("INSERT INTO target_changes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows.target_changes)
    conn.executemany("INSERT OR REPLACE INTO department_changes VALUES (?,?,?,?,?,?,?)", rows.department_changes)


def load_document(conn: sqlite3.Connection, doc_id: str) -> Any:
    row = conn.execute("SELECT blob FROM document_cache WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise DatabaseError(f"document {doc_id} is not in the index")
    return unpack_document(row[0])
