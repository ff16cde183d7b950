"""SHA-256 of the bytes a command reads, without loading OpenSSL for a few small ones.

``hashlib``'s SHA-256 is OpenSSL's: quick (about 0.6 ms a MB), but importing ``hashlib`` loads
OpenSSL, about 2 ms, which is more than a warm ``jianwu check FILE`` spends hashing.  CPython's
own SHA-256 (the ``_sha256`` module; ``_sha2`` from Python 3.12) loads in 0.2 ms and takes
about 3 ms a MB.  So a process hashes with CPython's own until it has hashed ``BUILTIN_BYTES``,
then with ``hashlib``: a check of a plan or two never loads OpenSSL, and a run over a corpus
pays at most about the load's time more than with ``hashlib`` alone.  The digests are the same
(``tests/test_digest.py``).
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Optional

# Bytes hashed with CPython's own SHA-256 before a process changes to OpenSSL's: about what
# OpenSSL's load costs in the built-in's time (2 ms at 3 ms a MB), so neither choice loses much.
BUILTIN_BYTES = 700_000


def _builtin_sha256() -> Optional[Callable[..., Any]]:
    """CPython's own SHA-256 constructor, or None when this Python was built without it."""
    try:
        return getattr(__import__("_sha2" if sys.version_info >= (3, 12) else "_sha256"), "sha256")  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None


_builtin: Optional[Callable[..., Any]] = None
_builtin_looked_up = False
_hashed = 0  # bytes given to the built-in so far


def sha256(data: bytes = b"") -> Any:
    """A SHA-256 hash object of ``data`` (``update``, ``hexdigest`` as ``hashlib.sha256``'s)."""
    global _builtin, _builtin_looked_up, _hashed
    if not _builtin_looked_up:
        _builtin, _builtin_looked_up = _builtin_sha256(), True
    if _builtin is not None and _hashed + len(data) <= BUILTIN_BYTES:
        _hashed += len(data)
        return _builtin(data)
    import hashlib

    return hashlib.sha256(data)


def sha256_hex(data: bytes) -> str:
    """The SHA-256 of ``data`` in hexadecimal."""
    return sha256(data).hexdigest()  # type: ignore[no-any-return]
