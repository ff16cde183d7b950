"""Where jianwu keeps what it saves from one run to the next (the profile and pattern caches).

- ``$JIANWU_CACHE_DIR`` if set,
- else ``$XDG_CACHE_HOME/jianwu``,
- else ``~/.cache/jianwu``.

``JIANWU_CACHE=off`` (or 0, no, false) turns every cache off. A cache directory inside a
``data/raw`` is never used: the raw corpus is never written to, not even a cache.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

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
