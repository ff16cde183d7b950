"""What a worker process of ``jianwu index`` does: parse one file, or diff one linked pair.

Both return plain rows (``store.DocumentRows`` / ``store.PairRows``) or an error
message; they never raise, so an exception in the library costs one document.

Test hooks (environment variables, read in the worker):
``JIANWU_TEST_CRASH_ON=NAME`` makes the worker ``os._exit`` on the file named NAME
(as a crashing C library would); ``JIANWU_TEST_SLOW=SECONDS`` makes each parse
take at least that long (to interrupt a run, or start a second one, mid-way).
"""

from __future__ import annotations

import os
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Any, Union

from .store import DocumentRows, PairRows, document_rows, pair_rows, unpack_document

ParseResult = Union[DocumentRows, str]


def parse_task(item: tuple[str, str, str]) -> ParseResult:
    """``(path, doc_id, build)`` -> the document's rows, or the message of why it cannot be indexed."""
    path, doc_id, build = item
    if os.environ.get("JIANWU_TEST_CRASH_ON") == Path(path).name:
        os._exit(70)
    slow = float(os.environ.get("JIANWU_TEST_SLOW", "0") or 0)
    started = time.monotonic()
    try:
        from ..document import parse_document
        from ..errors import InputError

        try:
            doc = parse_document(Path(path), doc_id=doc_id)
        except InputError as exc:
            return exc.problem
        rows = document_rows(doc, build)
    except Exception as exc:  # a bug must cost one document, not the run
        return f"internal error: {type(exc).__name__}: {exc}"
    if slow:
        time.sleep(max(0.0, slow - (time.monotonic() - started)))
    return rows


_db: dict[str, sqlite3.Connection] = {}


def _connection(db: str) -> sqlite3.Connection:
    if db not in _db:
        _db[db] = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True, timeout=60)
    return _db[db]


@lru_cache(maxsize=64)
def _document(db: str, doc_id: str, sha256: str) -> Any:
    row = _connection(db).execute("SELECT blob FROM document_cache WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise LookupError(f"{doc_id} is not in the index")
    return unpack_document(row[0])


def diff_task(item: tuple[str, Any, str, str, str]) -> Union[PairRows, str]:
    """``(db, link, child_sha, parent_sha, build)`` -> the pair's rows, or why it could not be compared."""
    db, link, child_sha, parent_sha, build = item
    try:
        from ..diff import diff_documents

        child = _document(db, link.child_id, child_sha)
        parent = _document(db, link.parent_id, parent_sha)
        return pair_rows(link, diff_documents(child, parent, found_by=link.found_by), build)
    except Exception as exc:
        return f"diff against {link.parent_id} failed: {type(exc).__name__}: {exc}"

