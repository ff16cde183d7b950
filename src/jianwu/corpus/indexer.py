"""``jianwu index``: parse a corpus into the database, in parallel and incrementally.

One run:

1. walk the paths (every format jianwu reads), hash each file (sha256);
2. a document whose path, sha256 and jianwu build are already in the index is
   not parsed again; documents under the given paths whose files are gone leave
   the index (with their links and alignments);
3. the others are parsed in worker processes; the main process is the only
   writer and commits one transaction per batch, so an interrupted run leaves
   every committed document complete and nothing half-written;
4. when any document changed, links are recomputed with ``lineage.find_links_in``
   over the whole corpus, from the lineage profiles the workers stored beside each
   parse (no document is loaded, none reparsed), and a pair is
   diffed again only when the link is new or its child's or parent's bytes (or
   the build) changed.  ``meta.links_dirty`` records that step 4 is owed, so an
   interrupted run finishes it next time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Optional, Sequence

from ..digest import sha256_hex
from ..errors import UsageError
from .store import DEFAULT_DB, IndexLock, connect, jianwu_build, load_document, write_document, write_pair

BATCH_DOCUMENTS = 64  # documents per transaction
BATCH_SECONDS = 2.0  # ... or whatever arrived within this long


@dataclass
class IndexReport:
    """What one ``index`` run did."""

    db: Path
    found: int = 0  # document files under the paths
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, message)
    links: int = 0
    pairs_compared: int = 0
    seconds: float = 0.0
    # Wall time of each step: scan (walk + hash), parse, link (find_links), compare (diffs).
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.parsed + self.unchanged


class Progress:
    """Done / total, rate, ETA and failures on stderr with rich, only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._progress: Any = None
        self._task: Any = None
        self.failures = 0

    def start(self, label: str, total: int) -> None:
        self.stop()
        if not self.enabled or total == 0:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Bar(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.fields[failed]}"),
            console=Console(stderr=True),
            transient=False,
        )
        self._progress.start()
        self._started = time.monotonic()
        self._task = self._progress.add_task(label, total=total, rate="", failed="")

    def advance(self, failed: bool = False) -> None:
        if failed:
            self.failures += 1
        if self._progress is None:
            return
        task = self._progress.tasks[0]
        done = task.completed + 1
        rate = done / max(time.monotonic() - self._started, 1e-6)
        self._progress.update(
            self._task, advance=1, rate=f"{rate:.1f} docs/s", failed=f"[red]{self.failures} failed[/]" if self.failures else ""
        )

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def sha256_file(path: Path) -> str:
    """The file's SHA-256, or "" when it is not a readable regular file (a FIFO must not block
    the run, /dev/zero must not be read forever): the worker then reports it as failed."""
    from ..errors import InputError
    from ..safe_io import read_regular_file

    try:
        return sha256_hex(read_regular_file(path))
    except InputError:
        return ""


def walk(paths: Sequence[Path], on_skip: Optional[Callable[[str], None]] = None) -> list[Path]:
    """Every document file under ``paths`` (absolute, sorted, no duplicates); ``UsageError`` for a missing path.

    ``on_skip`` gets the walk's "DIR: skipped N files (…)" line for each directory with other files.
    """
    from ..document import iter_document_paths

    found: set[Path] = set()
    for path, problem in iter_document_paths(list(paths), on_skip=on_skip):
        if problem is not None:
            if not path.exists():
                raise UsageError(str(problem))
            continue  # a directory without documents adds nothing
        found.add(path.resolve())
    return sorted(found)


def _under(path: str, roots: Sequence[Path]) -> bool:
    p = Path(path)
    return any(p == r or r in p.parents for r in roots)


def assign_ids(files: list[Path], known: dict[str, str]) -> dict[Path, str]:
    """Document ids: the file stem, unless another file already has it (then stem~<hash of the path>)."""
    by_path = {path: doc_id for doc_id, path in known.items()}
    taken = set(known)
    ids: dict[Path, str] = {}
    for f in files:
        if str(f) in by_path:
            ids[f] = by_path[str(f)]
    for f in files:
        if f in ids:
            continue
        doc_id = f.stem
        if doc_id in taken:
            doc_id = f"{f.stem}~{hashlib.sha1(str(f).encode()).hexdigest()[:8]}"
        taken.add(doc_id)
        ids[f] = doc_id
    return ids


def index(
    paths: Sequence[Path | str],
    db: Path | str = DEFAULT_DB,
    *,
    jobs: Optional[int] = None,
    progress: bool = False,
    on_failure: Optional[Callable[[str, str], None]] = None,
    on_skip: Optional[Callable[[str], None]] = None,
) -> IndexReport:
    """Index every document under ``paths`` into ``db``; see the module docstring.

    ``on_failure(path, message)`` is called for each document that could not be indexed,
    ``on_skip(line)`` with the walk's "skipped N files" line of each directory.
    """
    from .pool import default_jobs, run_isolated
    from .tasks import diff_task, parse_task

    from ..safe_io import guard_raw

    started = time.monotonic()
    db = Path(db)
    guard_raw(db)  # the raw corpus is never written, not even an index beside the documents
    roots = [Path(p).resolve() for p in paths]
    if not roots:
        raise UsageError("give at least one document or directory to index")
    files = walk([Path(p) for p in paths], on_skip)
    jobs = jobs or default_jobs()
    report = IndexReport(db=db, found=len(files))
    bar = Progress(progress)

    def failed(path: str, message: str) -> None:
        report.failed.append((path, message))
        if on_failure:
            on_failure(path, message)

    with IndexLock(db):
        conn = connect(db)
        try:
            build = jianwu_build()
            known = {r[0]: r[1] for r in conn.execute("SELECT id, path FROM documents")}
            state = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT path, sha256, jianwu_build FROM documents")}
            ids = assign_ids(files, known)
            todo: list[tuple[str, str, str]] = []
            for f in files:
                if state.get(str(f)) == (sha256_file(f), build):
                    report.unchanged += 1
                else:
                    todo.append((str(f), ids[f], build))
            report.phases["scan"] = time.monotonic() - started
            present = {str(f) for f in files}
            gone = [p for p in state if p not in present and _under(p, roots)]
            with transaction(conn):
                # Errors are retried every run: the rows say what the latest run could not index.
                for (path,) in conn.execute("SELECT path FROM errors").fetchall():
                    if _under(path, roots) or path not in present:
                        conn.execute("DELETE FROM errors WHERE path = ?", (path,))
                for path in gone:
                    conn.execute("DELETE FROM documents WHERE path = ?", (path,))
                if gone:
                    _set_meta(conn, "links_dirty", "1")
            report.removed = len(gone)

            # ---- parse
            batch: list[Any] = []
            last_flush = [time.monotonic()]

            def flush() -> None:
                if not batch:
                    return
                with transaction(conn):
                    changed = False
                    for kind, path, value in batch:
                        if kind == "ok":
                            write_document(conn, value)
                            changed = True
                        else:
                            # The file's current bytes could not be indexed: its old parse is no longer it.
                            changed |= conn.execute("DELETE FROM documents WHERE path = ?", (path,)).rowcount > 0
                            conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?)", (path, value))
                    if changed:  # a file that fails again changes nothing: no relinking for it
                        _set_meta(conn, "links_dirty", "1")
                batch.clear()
                last_flush[0] = time.monotonic()

            def parsed(item: tuple[str, str, str], result: Any) -> None:
                if isinstance(result, str):
                    batch.append(("error", item[0], result))
                    failed(item[0], result)
                    bar.advance(failed=True)
                else:
                    batch.append(("ok", item[0], result))
                    report.parsed += 1
                    bar.advance()
                if len(batch) >= BATCH_DOCUMENTS or time.monotonic() - last_flush[0] > BATCH_SECONDS:
                    flush()

            def crashed(item: tuple[str, str, str], message: str) -> None:
                parsed(item, message)

            parse_started = time.monotonic()
            bar.start("parsing", len(todo))
            run_isolated(parse_task, todo, min(jobs, max(1, len(todo))), parsed, crashed)
            flush()
            bar.stop()
            report.phases["parse"] = time.monotonic() - parse_started

            # ---- links and pairs
            if _get_meta(conn, "links_dirty") == "1" or report.parsed or report.removed or _get_meta(conn, "links_dirty") is None:
                _relink(conn, db, build, jobs, report, bar, run_isolated, diff_task, failed)
            report.links = conn.execute("SELECT count(*) FROM links").fetchone()[0]
            with transaction(conn):
                _set_meta(conn, "jianwu_version", _version())
                _set_meta(conn, "jianwu_build", build)
        finally:
            bar.stop()
            conn.close()
    report.seconds = time.monotonic() - started
    return report


def _profiles(conn: sqlite3.Connection) -> list[Any]:
    """Every indexed document's lineage profile, in id order, without loading any document.

    A document indexed before profiles were stored gets one now, from its cached parse.
    """
    from ..lineage.profile import pack_profile, profile_of, unpack_profile

    rows = conn.execute(
        "SELECT d.id, l.profile FROM documents d JOIN document_cache c ON c.doc_id = d.id "
        "LEFT JOIN lineage_cache l ON l.doc_id = d.id ORDER BY d.id"
    ).fetchall()
    # None: not stored, or stored in a form this jianwu does not read (unpack_profile).
    stored = {doc_id: None if blob is None else unpack_profile(blob) for doc_id, blob in rows}
    missing = [doc_id for doc_id, _ in rows if stored[doc_id] is None]
    if missing:
        with transaction(conn):
            for doc_id in missing:
                doc = load_document(conn, doc_id)
                profile = profile_of(doc)
                conn.execute("INSERT OR REPLACE INTO lineage_cache VALUES (?, ?, ?)", (doc_id, *pack_profile(profile)))
                stored[doc_id] = profile
    return [stored[doc_id] for doc_id, _ in rows]


def _relink(conn: sqlite3.Connection, db: Path, build: str, jobs: int, report: IndexReport, bar: Progress, run_isolated: Any, diff_task: Any, failed: Callable[[str, str], None]) -> None:
    from ..lineage import find_links_in
    from ..lineage.profile import unpack_shingles

    link_started = time.monotonic()
    profiles = _profiles(conn)
    shas = {p.id: p.sha256 for p in profiles}
    paths = dict(conn.execute("SELECT id, path FROM documents").fetchall())

    def shingles(profile: Any) -> Any:
        # Only candidates that passed the level, region and family tests are read.
        row = conn.execute("SELECT shingles FROM lineage_cache WHERE doc_id = ?", (profile.id,)).fetchone()
        return unpack_shingles(row[0])

    links = find_links_in(profiles, shingles)
    del profiles
    stored = {
        (r[0], r[1]): (r[2], r[3], r[4])
        for r in conn.execute("SELECT child_id, parent_id, child_sha256, parent_sha256, jianwu_build FROM links")
    }
    wanted = {(link.child_id, link.parent_id): link for link in links}
    todo = []
    with transaction(conn):
        for key in stored:
            if key not in wanted:
                conn.execute("DELETE FROM links WHERE child_id = ? AND parent_id = ?", key)
        for key, link in wanted.items():
            current = (shas[link.child_id], shas[link.parent_id], build)
            if stored.get(key) == current:
                conn.execute(
                    "UPDATE links SET relation = ?, found_by = ?, confidence = ?, evidence = ? WHERE child_id = ? AND parent_id = ?",
                    (link.relation, link.found_by, float(link.confidence), json.dumps(_plain_evidence(link.evidence), ensure_ascii=False, sort_keys=True), *key),
                )
            else:
                todo.append((str(db), link, current[0], current[1], build))
    report.phases["link"] = time.monotonic() - link_started
    compare_started = time.monotonic()
    batch: list[Any] = []
    errors = [0]

    def flush() -> None:
        with transaction(conn):
            for rows in batch:
                write_pair(conn, rows)
        batch.clear()

    def compared(item: Any, result: Any) -> None:
        link = item[1]
        if isinstance(result, str):
            errors[0] += 1
            conn.execute("INSERT OR REPLACE INTO errors VALUES (?, ?)", (paths[link.child_id], result))
            failed(paths[link.child_id], result)
            bar.advance(failed=True)
        else:
            batch.append(result)
            report.pairs_compared += 1
            bar.advance()
        if len(batch) >= BATCH_DOCUMENTS:
            flush()

    def crashed(item: Any, message: str) -> None:
        compared(item, f"diff against {item[1].parent_id}: {message}")

    bar.start("comparing", len(todo))
    run_isolated(diff_task, todo, min(jobs, max(1, len(todo))), compared, crashed)
    if batch:
        flush()
    bar.stop()
    report.phases["compare"] = time.monotonic() - compare_started
    if not errors[0]:
        with transaction(conn):
            _set_meta(conn, "links_dirty", "0")


def _plain_evidence(evidence: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in evidence.items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}


def _version() -> str:
    from .. import __version__

    return __version__


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def _get_meta(conn: sqlite3.Connection, key: str) -> Optional[str]:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None
