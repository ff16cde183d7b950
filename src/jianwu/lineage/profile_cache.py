"""Profiles of plan files kept from one run to the next, so that ``jianwu check FILE`` does not
parse its whole directory every time.

``jianwu check FILE`` looks for FILE's parent among the plans in FILE's directory. Each run parsed
every one of them: for a directory of 21 PDFs that took 1.3 s, for a check of a single file. The
parent search needs only each plan's profile (``lineage.profile``: title key, 文号, citations,
level, region, shingle set). This module keeps those profiles in one SQLite file in the user's
cache directory:

- ``$JIANWU_CACHE_DIR`` if set,
- else ``$XDG_CACHE_HOME/jianwu``,
- else ``~/.cache/jianwu``.

Each entry is keyed by three things:

- the file's resolved path;
- its SHA-256;
- a fingerprint of the installed jianwu code and data files.

So an edited file misses, and so does any change to jianwu. A file that misses is parsed as
before, and its profile is stored. Files without numbered clauses are stored too, as "not a plan".

The same file keeps the whole parsed documents ``check`` compares and checks (the checked file
and the parent found for it), keyed the same way and by the path as it was given (a document
records it): a check of a new or edited plan parses that plan only, not its parent as well, and
``jianwu check DIR`` in CI parses only the files that changed.  Each is a zlib-compressed pickle
(about 25 KB for a plan of 9,000 characters), one row per file, replaced when the file changes.
And it keeps each checked file's comparison with its parent (``ParentComparison``: what the
parent rules read of a diff), keyed by both documents' paths and bytes, how the parent was found
and the code: a check of a plan whose parent and itself are unchanged compares nothing.  The
comparison is pickled without its two documents (they are stored, or parsed, apart) and given
back the run's own.

The cache is best-effort. When it cannot be opened, read or written (a read-only home, a locked or
damaged database), the run goes on without it, with the same result. ``JIANWU_CACHE=off`` turns
it off. Its entries are pickles: point ``JIANWU_CACHE_DIR`` only at a directory that no one else
can write.
"""

from __future__ import annotations

import io
import os
import pickle
import sqlite3
import zlib
from pathlib import Path
from typing import Optional

from ..diffmodel import ParentComparison
from ..model import Document
from ..safe_io import in_raw_corpus
from ..user_cache import CACHE_DIR_ENV, CACHE_SWITCH_ENV, cache_dir, code_fingerprint  # noqa: F401  (re-exported)
from .profile import Profile

CACHE_FILE = "profiles.sqlite"
SCHEMA = """CREATE TABLE IF NOT EXISTS profiles (
    path TEXT PRIMARY KEY,  -- the file's resolved path: one row per file, replaced when it changes
    sha256 TEXT NOT NULL,   -- of the file's bytes
    code TEXT NOT NULL,     -- code_fingerprint() of the jianwu that made the profile
    profile BLOB            -- pickled Profile; NULL: the file is not a plan (no numbered clauses)
)"""
DOCUMENTS_SCHEMA = """CREATE TABLE IF NOT EXISTS documents (
    path TEXT PRIMARY KEY,  -- the file's resolved path: one row per file, replaced when it changes
    given TEXT NOT NULL,    -- the path as given (Document.path)
    sha256 TEXT NOT NULL,   -- of the file's bytes
    code TEXT NOT NULL,     -- code_fingerprint() of the jianwu that parsed it
    document BLOB NOT NULL  -- zlib-compressed pickled Document, with its facts
)"""
DIFFS_SCHEMA = """CREATE TABLE IF NOT EXISTS diffs (
    path TEXT PRIMARY KEY,  -- the child's resolved path: one row per checked file, replaced when anything changes
    key TEXT NOT NULL,      -- diff_key(): the child's and parent's paths and bytes, how the parent was found, the code
    diff BLOB NOT NULL      -- zlib-compressed pickled ParentComparison, its two documents left out (DocumentPickler)
)"""
DIGESTS_SCHEMA = """CREATE TABLE IF NOT EXISTS digests (
    path TEXT PRIMARY KEY,  -- the file's resolved path
    stat TEXT NOT NULL,     -- file_stamp(): its device, inode, size, modification and change times
    sha256 TEXT NOT NULL    -- of its bytes when it had that stamp
)"""
# A file modified this recently may be modified again within the file system's time granularity
# without its stamp changing: its digest is not remembered (git's "racily clean" entries).  FAT
# keeps modification times to two seconds; a margin beyond that.
SETTLED_NS = 3_000_000_000
REMEMBER_DIGEST = "INSERT OR REPLACE INTO digests (path, stat, sha256) VALUES (?, ?, ?)"
# A miss is ``MISS``; a hit is a Profile, or None for a file that is not a plan.
MISS = object()


class ProfileCache:
    """The profiles stored under ``cache_dir()`` (or ``directory``); every method is best-effort."""

    def __init__(self, directory: Optional[Path] = None) -> None:
        self._db: Optional[sqlite3.Connection] = None
        where = directory if directory is not None else cache_dir()
        if where is None or in_raw_corpus(where):  # data/raw is never written to, not even a cache
            return
        try:
            where.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(where / CACHE_FILE, timeout=2.0)
            _journal_without_fsync(db)
            db.execute(SCHEMA)
            db.execute(DOCUMENTS_SCHEMA)
            db.execute(DIFFS_SCHEMA)
            db.execute(DIGESTS_SCHEMA)
            db.commit()
            self._db = db
        except (OSError, sqlite3.Error):
            self._db = None

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def get(self, path: Path, sha256: str) -> object:
        """The stored Profile of ``path`` with these bytes, None for "not a plan", or ``MISS``."""
        if self._db is None:
            return MISS
        try:
            row = self._db.execute("SELECT sha256, code, profile FROM profiles WHERE path = ?", (str(path),)).fetchone()
            if row is None or row[0] != sha256 or row[1] != code_fingerprint():
                return MISS
            return None if row[2] is None else pickle.loads(row[2])
        except Exception:  # noqa: BLE001  (a damaged entry or database is a miss, never an error)
            return MISS

    def put(self, path: Path, sha256: str, profile: Optional[Profile], *, stamp: Optional[str] = None) -> None:
        """Store the profile of ``path`` with these bytes (and, given its ``file_stamp``, remember
        the digest in the same transaction)."""
        if self._db is None:
            return
        blob = None if profile is None else pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO profiles (path, sha256, code, profile) VALUES (?, ?, ?, ?)",
                                 (str(path), sha256, code_fingerprint(), blob))
                if stamp is not None:
                    self._db.execute(REMEMBER_DIGEST, (str(path), stamp, sha256))
        except sqlite3.Error:
            pass  # a locked or read-only database: the next run parses the file again

    def known_sha256(self, path: Path, stamp: str) -> Optional[str]:
        """The SHA-256 of ``path``'s bytes when it had this ``file_stamp`` before, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT sha256 FROM digests WHERE path = ? AND stat = ?", (str(path), stamp)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row is not None else None

    def remember_sha256(self, path: Path, stamp: str, sha256: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute(REMEMBER_DIGEST, (str(path), stamp, sha256))
        except sqlite3.Error:
            pass

    def get_document(self, path: Path, given: str, sha256: str) -> Optional[Document]:
        """The stored parse of ``path`` (given as ``given``) with these bytes, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT given, sha256, code, document FROM documents WHERE path = ?", (str(path),)).fetchone()
            if row is None or (row[0], row[1], row[2]) != (given, sha256, code_fingerprint()):
                return None
            doc = pickle.loads(zlib.decompress(row[3]))
        except Exception:  # noqa: BLE001  (a damaged entry or database is a miss, never an error)
            return None
        return doc if isinstance(doc, Document) else None

    def put_document(self, path: Path, doc: Document) -> None:
        if self._db is None:
            return
        blob = zlib.compress(pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL), 1)
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO documents (path, given, sha256, code, document) VALUES (?, ?, ?, ?, ?)",
                                 (str(path), doc.path, doc.sha256, code_fingerprint(), blob))
        except sqlite3.Error:
            pass  # a locked or read-only database: the next run parses the file again

    def get_diff(self, path: Path, key: str, child: Document, parent: Document) -> Optional[ParentComparison]:
        """The stored diff of the checked file ``path`` under ``key``, with ``child`` and ``parent``
        as its documents, or None."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT key, diff FROM diffs WHERE path = ?", (str(path),)).fetchone()
            if row is None or row[0] != key:
                return None
            diff = _DocumentUnpickler(io.BytesIO(zlib.decompress(row[1])), child, parent).load()
        except Exception:  # noqa: BLE001  (a damaged entry or database is a miss, never an error)
            return None
        return diff if isinstance(diff, ParentComparison) and diff.child is child and diff.parent is parent else None

    def put_diff(self, path: Path, key: str, diff: ParentComparison) -> None:
        if self._db is None:
            return
        buffer = io.BytesIO()
        _DocumentPickler(buffer, diff.child, diff.parent).dump(diff)
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO diffs (path, key, diff) VALUES (?, ?, ?)",
                                 (str(path), key, zlib.compress(buffer.getvalue(), 1)))
        except sqlite3.Error:
            pass


def _journal_without_fsync(db: sqlite3.Connection) -> None:
    """Write-ahead logging, synced only at checkpoints: a commit (three in a check of an edited
    plan) costs no fsync (the cache's time in such a check: 9-28 ms before, 5-14 ms after).  A
    cache can lose its last writes to a power cut (the next run makes them again); the database
    stays whole.  Where WAL cannot be had (a file system without shared memory), the default
    journal is kept."""
    try:
        if str(db.execute("PRAGMA journal_mode=WAL").fetchone()[0]).lower() == "wal":
            db.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error:
        pass


def file_stamp(info: os.stat_result, now_ns: int) -> Optional[str]:
    """What identifies a file's bytes without reading them (as git's index does): device, inode,
    size, modification and change times (the change time cannot be set back); None for a file
    modified in the last SETTLED_NS, whose next change could keep the same stamp."""
    if now_ns - max(info.st_mtime_ns, info.st_ctime_ns) < SETTLED_NS:
        return None
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def diff_key(child: Document, parent: Document, parent_path: Path, found_by: str) -> str:
    """What a stored diff depends on: both documents (their paths as given, their bytes), the
    parent's file, how it was found, and the code that compared them."""
    return "\0".join((child.path, child.sha256, str(parent_path), parent.path, parent.sha256, found_by, code_fingerprint()))


class _DocumentPickler(pickle.Pickler):
    """Pickles a diff with its two documents as references ("child", "parent"), not copies."""

    def __init__(self, stream: io.BytesIO, child: Document, parent: Document) -> None:
        super().__init__(stream, protocol=pickle.HIGHEST_PROTOCOL)
        self._documents = {id(child): "child", id(parent): "parent"}

    def persistent_id(self, obj: object) -> Optional[str]:
        return self._documents.get(id(obj)) if isinstance(obj, Document) else None


class _DocumentUnpickler(pickle.Unpickler):
    def __init__(self, stream: io.BytesIO, child: Document, parent: Document) -> None:
        super().__init__(stream)
        self._documents = {"child": child, "parent": parent}

    def persistent_load(self, pid: object) -> Document:
        return self._documents[str(pid)]
