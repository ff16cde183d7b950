"""Where jianwu keeps what it saves from one run to the next (the profile and pattern caches).

- ``$JIANWU_CACHE_DIR`` if set,
- else ``$XDG_CACHE_HOME/jianwu``,
- else ``~/.cache/jianwu``.

``JIANWU_CACHE=off`` (or 0, no, false) turns every cache off. A cache directory inside a
``data/raw`` is never used: the raw corpus is never written to, not even a cache.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Optional

from .digest import sha256 as new_sha256, sha256_hex

CACHE_DIR_ENV = "JIANWU_CACHE_DIR"
CACHE_SWITCH_ENV = "JIANWU_CACHE"  # off, 0, no or false: no cache


def cache_dir() -> Optional[Path]:
    """Where the caches live, or None when ``JIANWU_CACHE`` turns them off."""
    if os.environ.get(CACHE_SWITCH_ENV, "").strip().lower() in ("off", "0", "no", "false"):
        return None
    explicit = os.environ.get(CACHE_DIR_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    # No home to expand (HOME unset, no passwd entry) leaves "~": no cache, rather than one made
    # in whatever the working directory is.
    return Path(base) / "jianwu" if os.path.isabs(base) else None


def usable_cache_dir() -> Optional[Path]:
    """``cache_dir()``, or None when it would lie in a raw corpus (``data/raw``)."""
    from .safe_io import in_raw_corpus

    where = cache_dir()
    return None if where is None or in_raw_corpus(where) else where


def read_cache_file(name: str) -> Optional[bytes]:
    """The bytes of the cache file ``name``, or None (no cache, no such file, unreadable)."""
    where = usable_cache_dir()
    if where is None:
        return None
    try:
        return (where / name).read_bytes()
    except OSError:
        return None


def read_cached_dict(name: str, loads: Callable[[bytes], object]) -> dict[Any, Any]:
    """The dict kept in the cache file ``name`` (``loads`` reads its format: pickle, marshal), or {}
    when there is none or it is damaged (it is then written anew at exit)."""
    data = read_cache_file(name)
    if data is None:
        return {}
    try:
        loaded = loads(data)
    except Exception:  # noqa: BLE001  (a damaged file: passed over)
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write_cached_dict(name: str, entries: dict[Any, Any], used: set[Any], limit: int, dumps: Callable[[dict[Any, Any]], bytes]) -> None:
    """Write ``entries`` to the cache file ``name`` (``dumps``: its format); past ``limit`` entries,
    only those this process ``used`` (the others: entries no code of this version asks for)."""
    kept = entries if len(entries) <= limit else {key: value for key, value in entries.items() if key in used}
    write_cache_file(name, dumps(kept))


def write_cache_file(name: str, data: bytes) -> None:
    """Write the cache file ``name`` whole (a temporary file renamed over it); best-effort:
    a cache directory that cannot be made or written is passed over (the next run makes it again)."""
    import tempfile

    where = usable_cache_dir()
    if where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{name}-", dir=where)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, where / name)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass


def read_cached_text(name: str, header: str) -> Optional[str]:
    """The text stored by ``write_cached_text(name, header, …)``, or None when the file is missing or
    is not that: another header, or a body whose length and digest differ from those it records."""
    data = read_cache_file(name)
    try:
        first, body = (data or b"").decode("utf-8").split("\n", 1)
    except (UnicodeDecodeError, ValueError):
        return None
    return body if first == _text_header(header, body) else None


def write_cached_text(name: str, header: str, body: str) -> None:
    write_cache_file(name, f"{_text_header(header, body)}\n{body}".encode("utf-8"))


def _text_header(header: str, body: str) -> str:
    return f"{header} {len(body)} {sha256_hex(body.encode('utf-8'))[:16]}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of the names, sizes and modification times of jianwu's source and data files.

    Any change to the code (or to the tables it reads) gives a new fingerprint, so what a cache
    keeps (profiles, documents, diffs, read texts) is never read by code that would make it differently.
    Looking at about a hundred files this way takes well under a millisecond.
    """
    from . import __version__

    digest = new_sha256(__version__.encode())
    _fingerprint_files(str(Path(__file__).resolve().parent), "", digest)
    return digest.hexdigest()[:32]


def _fingerprint_files(directory: str, relative: str, digest: Any) -> None:
    """Add each file of ``directory`` (``relative`` to the package), then each subdirectory's, in
    name order, to ``digest``: a line of path, size and modification time per file."""
    with os.scandir(directory) as found:
        entries = sorted(found, key=lambda entry: entry.name)
    subdirectories = []
    for entry in entries:
        if entry.is_dir():
            if entry.name != "__pycache__":
                subdirectories.append(entry)
        elif not entry.name.endswith(".pyc"):
            info = entry.stat()
            digest.update(f"{relative}{entry.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for entry in subdirectories:
        _fingerprint_files(entry.path, f"{relative}{entry.name}{os.sep}", digest)
