"""What the PDF and Word readers read, kept in the user's cache directory.

Reading a PDF is most of what ``jianwu parse plan.pdf`` does: PDFium loading each
page's fonts and content, a call per character for its position; for a plan of 9,000
characters about 40 ms, more than the parse of what it reads.  A .doc or
.wps costs LibreOffice's start, seconds.  An analyst runs ``parse``, ``targets``,
``departments``, ``diff`` on the same file one after the other, and each read it again.

``read_cached(kind, raw, read)`` gives what ``read()`` gives, the ``SourceText``, from the cache
when a run has read the same bytes before: one zlib-compressed pickle per file, named by a
digest of

- the file's bytes (SHA-256), and its kind;
- jianwu's code and data (``user_cache.code_fingerprint``): any change to a reader misses;
- the reading libraries as installed (the size and time of pypdfium2's pdfium, python-docx's and
  lxml's modules, the LibreOffice binary): an upgrade of pdfium, which may read a PDF's text
  differently, misses too.

A file that cannot be read is not kept (its error is raised each time).  The cache is
best-effort, as the others: an entry that cannot be read or unpickled, or holds anything but a
``SourceText``, is read again from the file; ``JIANWU_CACHE=off`` turns it off.  It keeps at most
``SOURCE_CACHE_LIMIT`` files, the oldest written dropped first.
"""

from __future__ import annotations

import os
import pickle
import shutil
import zlib
from functools import lru_cache
from importlib.util import find_spec
from typing import Callable, Optional

from ..digest import sha256 as new_sha256, sha256_hex
from ..user_cache import code_fingerprint, read_cache_file, usable_cache_dir, write_cache_file
from . import SourceText

# The kinds kept: the readers that cost more than the parse (text and web pages are decoded faster
# than a cache file is read).
CACHED_KINDS = frozenset({"pdf", "docx", "doc"})
# The installed code each kind's reader runs on, beside jianwu's: top-level modules (their files'
# size and time) and programs on PATH.
LIBRARIES = {"pdf": ("pypdfium2", "pypdfium2_raw"), "docx": ("docx", "lxml"), "doc": ("docx", "lxml")}
PROGRAMS = {"doc": ("soffice", "libreoffice")}
PREFIX = "source-"
SOURCE_CACHE_LIMIT = 2000
PRUNE_TO = 1600  # when the limit is passed: room for a few hundred more before the next pruning


def _stamp(path: str | None) -> str:
    if path is None:
        return "-"
    try:
        info = os.stat(os.path.realpath(path))
    except OSError:
        return "?"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


@lru_cache(maxsize=None)
def _libraries(kind: str) -> str:
    """Where the kind's libraries and programs are, their sizes and times (no import; once a process)."""
    parts = []
    for module in LIBRARIES.get(kind, ()):
        try:
            spec = find_spec(module)
        except (ImportError, ValueError):
            spec = None
        parts.append(_stamp(spec.origin if spec is not None else None))
        if spec is not None and spec.submodule_search_locations:  # a package: its shared libraries too
            for location in spec.submodule_search_locations:
                try:
                    names = sorted(n for n in os.listdir(location) if n.endswith((".so", ".dylib", ".dll", ".pyd")))
                except OSError:
                    names = []
                parts.extend(_stamp(os.path.join(location, n)) for n in names)
    parts.extend(_stamp(shutil.which(program)) for program in PROGRAMS.get(kind, ()))
    return "\n".join(parts)


def entry_name(kind: str, raw: bytes, sha256: Optional[str] = None) -> str:
    """The cache file for ``raw`` read as ``kind`` (``sha256``: the bytes' digest, if known)."""
    digest = new_sha256()
    for part in (kind, sha256 or sha256_hex(raw), code_fingerprint(), _libraries(kind)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return f"{PREFIX}{kind}-{digest.hexdigest()[:40]}.pickle"


def read_cached(kind: str, raw: bytes, read: Callable[[], SourceText], sha256: Optional[str] = None) -> SourceText:
    """``read()``, or what it gave for the same bytes in an earlier run."""
    if kind not in CACHED_KINDS or usable_cache_dir() is None:
        return read()
    name = entry_name(kind, raw, sha256)
    data = read_cache_file(name)
    if data is not None:
        try:
            kept = pickle.loads(zlib.decompress(data))
        except Exception:  # noqa: BLE001  (a damaged entry: read again, and replaced)
            kept = None
        if isinstance(kept, SourceText):
            return kept
    source = read()
    write_cache_file(name, zlib.compress(pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL), 1))
    _prune()
    return source


def _prune() -> None:
    """Drop the oldest entries once there are more than SOURCE_CACHE_LIMIT."""
    where = usable_cache_dir()
    if where is None:
        return
    try:
        names = [n for n in os.listdir(where) if n.startswith(PREFIX)]
        if len(names) <= SOURCE_CACHE_LIMIT:
            return
        aged = sorted(names, key=lambda n: (os.stat(where / n).st_mtime_ns, n))
        for old in aged[: len(aged) - PRUNE_TO]:
            os.unlink(where / old)
    except OSError:
        pass
