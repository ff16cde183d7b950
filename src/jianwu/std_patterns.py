"""Standard-library ``re`` patterns, their compiled code kept in the user's cache directory.

A few scans run on every line of every plan (sentence ends, spaces, full-width digits,
"may this sentence hold a number?") and the standard ``re`` runs them several times faster
than ``regex``; but ``re`` compiles a class over wide ranges of Unicode slowly: the dozen
such patterns jianwu has take 14 ms to compile, a tenth of a ``jianwu parse FILE``.  Unlike
``regex`` (see ``patterns``), a compiled ``re`` pattern does not pickle its code: it pickles
as its source and is compiled again.

``compile_std(source)`` is ``re.compile(source)``, built from compiled code kept in a cache
file beside ``patterns``' one: the parser and code generator of ``re`` run once, on the first
use of a pattern on a machine, and later processes give the code to ``_sre.compile``, the
call ``re.compile`` itself ends with.  The code is ``re``'s internal format, so the file is
per Python version and ``_sre.MAGIC`` (the version of that format), and ``_sre.compile``
validates whatever it is given.  The pattern built equals ``re.compile(source)`` (patterns
compare by source, flags and code), which is checked when it is first compiled; where
``re``'s internals are not those of CPython 3.11 to 3.13, or anything fails, the result is
plain ``re.compile``.

    >>> END = compile_std(r"[。；]")
    >>> END == re.compile(r"[。；]"), END.search("推进绿色发展。").start()
    (True, 6)
"""

from __future__ import annotations

import atexit
import pickle
import re
import sys
from functools import partial
from typing import Any, Dict, List, Optional, Tuple

from .user_cache import read_cached_dict, write_cached_dict

try:  # CPython 3.11+: the compiler behind re.compile (sre_compile before)
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover  (3.10, other Pythons: plain re.compile)
    _sre = None  # type: ignore[assignment]

Key = Tuple[str, int]
# What _sre.compile takes after the source: flags, code, groups - 1, groupindex, indexgroup.
Parts = Tuple[int, List[int], int, Dict[str, int], Tuple[Optional[str], ...]]

STD_CACHE_FILE = "patterns-re-py{}.{}-sre{}.pickle".format(*sys.version_info[:2], getattr(_sre, "MAGIC", 0))

# Stale entries (patterns since edited away) are dropped once the file holds this many.
STD_CACHE_LIMIT = 500

_entries: Optional[Dict[Key, Parts]] = None  # loaded on the first compile
_used: set[Key] = set()  # the keys this process asked for
_unsaved = False


def _load() -> Dict[Key, Parts]:
    return read_cached_dict(STD_CACHE_FILE, pickle.loads)


def _save() -> None:
    if _entries is not None:
        write_cached_dict(STD_CACHE_FILE, _entries, _used, STD_CACHE_LIMIT, partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL))


def _parts(source: str, flags: int) -> Parts:
    """What ``re._compiler.compile`` hands ``_sre.compile``: the parse and code of ``source``."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)  # opcodes are named int constants: kept as plain ints
    groupindex = dict(parsed.state.groupdict)
    indexgroup: List[Optional[str]] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _build(source: str, parts: Parts) -> "re.Pattern[str]":
    flags, code, groups, groupindex, indexgroup = parts
    return _sre.compile(source, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def compile_std(source: str, flags: int = 0) -> "re.Pattern[str]":
    """``re.compile(source, flags)``, from compiled code an earlier run kept when there is some."""
    global _entries, _unsaved
    if _sre is None or not isinstance(source, str):
        return re.compile(source, flags)
    if _entries is None:
        _entries = _load()
    key = (source, int(flags))
    _used.add(key)
    parts: Any = _entries.get(key)
    if parts is not None:
        try:
            return _build(source, parts)
        except Exception:  # noqa: BLE001  (an entry _sre refuses: compiled again below)
            pass
    compiled = re.compile(source, flags)
    try:
        parts = _parts(source, int(flags))
        if _build(source, parts) != compiled:
            return compiled
    except Exception:  # noqa: BLE001  (re's internals not what this module knows: no cache)
        return compiled
    _entries[key] = parts
    if not _unsaved:
        _unsaved = True
        atexit.register(_save)
    return compiled
