"""jianwu's dataclasses made at import from compiled code kept in the user's cache directory.

On Python 3.11 and 3.12, ``@dataclass`` writes each generated method (``__init__``,
``__repr__``, ``__eq__``, a frozen class's ``__setattr__``, ``__delattr__`` and ``__hash__``)
as source text and compiles it (``dataclasses._create_fn``): about 0.6 ms a class on this
machine, 31–41 ms for the 44 classes a ``jianwu check`` makes (Typer's five among them).

``install()`` puts a stand-in for ``_create_fn`` in place that does what it does, to the
letter, but compiles each text once per machine: the code objects (``marshal``, per Python
version and bytecode magic) are kept in a cache file beside the pattern caches, keyed by the
whole text, so the function made is the one compiling that text makes.  It serves the classes
of jianwu's own modules; any other class goes to the original function.  Nothing is replaced
unless ``_create_fn`` is, by a checksum of its code, one this module copies (CPython 3.11.7's
and 3.12.1's); a release whose function differs runs its dataclasses unchanged, as does 3.13,
which makes a class's methods in one compilation.  ``jianwu/__init__`` installs it.
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import sys
import zlib
from importlib.util import MAGIC_NUMBER
from types import CodeType
from typing import Any, Callable, Optional

from .user_cache import read_cached_dict, write_cached_dict

CODE_CACHE_FILE = "dataclasses-py{}.{}-{}.marshal".format(*sys.version_info[:2], MAGIC_NUMBER.hex())
# Texts no class of this code makes any more are dropped once the file holds this many.
CODE_CACHE_LIMIT = 2000

# The ``dataclasses._create_fn`` that ``_create_fn`` below copies, by ``_fingerprint`` (a checksum of
# its bytecode, constants and names), with the one thing that differs between them: the name of
# the local holding a method's return annotation.
COPIED = {
    "b14fa4d6-737": "_return_type",  # CPython 3.11.7
    "67a550b5-701": "__dataclass_return_type__",  # 3.12.1
}

_ORIGINAL: Optional[Callable[..., Any]] = getattr(dataclasses, "_create_fn", None)
_return_name = "_return_type"  # COPIED's, set by install()
_codes: Optional[dict[str, CodeType]] = None  # loaded on the first class
_used: set[str] = set()
_unsaved = False


def _fingerprint(function: Any) -> str:
    """CRC-32 and length of the function's marshalled bytecode, constants and names: enough to tell
    one release's function from another's (a check against accident, not against an adversary)."""
    code = function.__code__
    data = marshal.dumps((code.co_code, code.co_consts, code.co_names))
    return f"{zlib.crc32(data):08x}-{len(data)}"


def install() -> bool:
    """Serve jianwu's dataclasses from compiled code (idempotent); False where this Python's
    ``dataclasses`` is not the one copied (they are then made as always)."""
    global _return_name
    current = getattr(dataclasses, "_create_fn", None)
    if current is _create_fn:
        return True
    if current is None or current is not _ORIGINAL:
        return False
    copied = COPIED.get(_fingerprint(current))
    if copied is None:
        return False
    _return_name = copied
    dataclasses._create_fn = _create_fn  # type: ignore[attr-defined]
    return True


def _load() -> dict[str, CodeType]:
    loaded = read_cached_dict(CODE_CACHE_FILE, marshal.loads)
    return {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, CodeType)}


def _save() -> None:
    if _codes is not None:
        write_cached_dict(CODE_CACHE_FILE, _codes, _used, CODE_CACHE_LIMIT, marshal.dumps)


def _compiled(text: str) -> CodeType:
    global _codes, _unsaved
    if _codes is None:
        _codes = _load()
    _used.add(text)
    code = _codes.get(text)
    if code is None:
        code = _codes[text] = compile(text, "<string>", "exec")  # what exec(text) compiles
        if not _unsaved:
            _unsaved = True
            atexit.register(_save)
    return code


def _create_fn(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):  # type: ignore[no-untyped-def]
    """``dataclasses._create_fn`` of CPython 3.11/3.12, line for line, with the text compiled once."""
    # (the original's names kept, ``globals`` and ``locals`` among them, to be read beside it)
    if globals is None or not str(globals.get("__name__", "")).startswith("jianwu."):
        return _ORIGINAL(name, args, body, globals=globals, locals=locals, return_type=return_type)  # type: ignore[misc]
    if locals is None:
        locals = {}
    return_annotation = ""
    if return_type is not dataclasses.MISSING:
        locals[_return_name] = return_type
        return_annotation = "->" + _return_name
    args = ",".join(args)
    body = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({args}){return_annotation}:\n{body}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    ns: dict[str, Any] = {}
    exec(_compiled(txt), globals, ns)
    return ns["__create_fn__"](**locals)
