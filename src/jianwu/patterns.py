"""Regular expressions compiled on first use, for the modules that read facts out of a plan.

The department, target and indicator rules are some hundred patterns; compiling them
with ``regex`` takes longer than importing the rest of jianwu, and a command that never
reads a note or a target (``jianwu index`` over an unchanged corpus, ``--help``) should
not pay for it.  ``lazy(source)`` stands for ``regex.compile(source)`` and compiles on
the first method call; after that its methods are the compiled pattern's own, so a
call costs what it costs on a compiled pattern.

    >>> YEAR = lazy(r"(?P<y>\\d{4})年")   # nothing compiled yet
    >>> YEAR.search("到2025年").group("y")   # compiled now, once
    '2025'

Compiling is also what a short command spends most of its time on: a ``jianwu parse FILE``
compiles some 150 patterns, 80 ms, more than the parse of a seed plan itself.  A pattern
compiled by ``regex`` pickles with its compiled code, and unpickling it costs 1/40 of
compiling it; so ``compile_pattern`` keeps the patterns it compiles in the user's cache
directory (``user_cache``), one pickle file per ``regex`` and Python version, and the next
process loads them from there.  Each pattern is pickled on its own in that file, and unpickled when
first asked for: the file holds every pattern any command of the user's compiled (some 340 after a
``parse``, a ``check`` and a ``diff``; up to ``PATTERN_CACHE_LIMIT``), a ``check`` of one plan asks for
about 250 (unpickling all 340 took 4.6 ms).  Like Python's own ``.pyc`` files the cache is a copy, never
the truth: an entry is keyed by the pattern's source and flags, a file that cannot be read
or holds anything but patterns of those sources is passed over, and ``JIANWU_CACHE=off``
turns it off.
"""

from __future__ import annotations

import atexit
import pickle
import sys
from functools import partial
from typing import Any, Callable, Dict, Iterator, Optional, Set, Tuple, Union, cast, overload

import regex

from .user_cache import read_cached_dict, write_cached_dict

# One cache file per regex and Python version: the compiled code is regex's own format, and the
# Unicode tables behind \p{Han} and friends are Python's.
# (source, flags) -> the pickle of that pattern, each on its own (unpickled when first asked for).
PATTERN_CACHE_FILE = "patterns-each-regex{}-py{}.{}.pickle".format(regex.__version__, *sys.version_info[:2])
# Stale entries (patterns since edited away) are dropped once the file holds this many.
PATTERN_CACHE_LIMIT = 2000

Key = Tuple[Union[str, bytes], int]
# Loaded on the first compile: a pattern, or its pickle from the file until it is asked for.
_patterns: Optional[Dict[Key, Union["regex.Pattern[Any]", bytes]]] = None
_used: Set[Key] = set()  # the keys this process asked for
_unsaved = False  # compiled here, not in the file: write it at exit


def _load() -> Dict[Key, Union["regex.Pattern[Any]", bytes]]:
    loaded = read_cached_dict(PATTERN_CACHE_FILE, pickle.loads)
    if all(isinstance(key, tuple) and len(key) == 2 and isinstance(value, bytes) for key, value in loaded.items()):
        return loaded
    return {}  # anything but pickles filed under (source, flags): compiled as if there were none


def _unpickled(key: Key, blob: bytes) -> Optional["regex.Pattern[Any]"]:
    """The pattern pickled in ``blob``, or None when it is not a pattern of ``key``'s source (or no pickle)."""
    try:
        pattern = pickle.loads(blob)
    except Exception:  # noqa: BLE001  (a damaged entry: compiled again)
        return None
    return pattern if isinstance(pattern, regex.Pattern) and pattern.pattern == key[0] else None


def _save() -> None:
    """Write the patterns to the cache file; best-effort, at exit."""
    if _patterns is not None:
        dumps = partial(pickle.dumps, protocol=pickle.HIGHEST_PROTOCOL)
        blobs = {key: value if isinstance(value, bytes) else dumps(value) for key, value in _patterns.items()}
        write_cached_dict(PATTERN_CACHE_FILE, blobs, _used, PATTERN_CACHE_LIMIT, dumps)


@overload
def compile_pattern(source: str, flags: int = 0) -> "regex.Pattern[str]": ...
@overload
def compile_pattern(source: bytes, flags: int = 0) -> "regex.Pattern[bytes]": ...
def compile_pattern(source: Union[str, bytes], flags: int = 0) -> "regex.Pattern[Any]":
    """``regex.compile(source, flags)``, from the pattern cache when an earlier run compiled it."""
    global _patterns, _unsaved
    if _patterns is None:
        _patterns = _load()
    key = (source, flags)
    _used.add(key)
    compiled = _patterns.get(key)
    if isinstance(compiled, bytes):
        compiled = _unpickled(key, compiled)
        if compiled is not None:
            _patterns[key] = compiled
            return compiled
    if compiled is None:
        compiled = _patterns[key] = regex.compile(source, flags)
        if not _unsaved:
            _unsaved = True
            atexit.register(_save)
    return compiled

# The methods copied onto a lazy pattern once compiled: later calls skip __getattr__.
METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner")


class _Lazy:
    """A pattern source (or a function giving it) and its flags, compiled when first used."""

    def __init__(self, source: Union[str, Callable[[], str]], flags: int) -> None:
        self._source = source
        self._flags = flags

    def _compile(self) -> regex.Pattern[str]:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            source = self._source() if callable(self._source) else self._source
            compiled = compile_pattern(source, self._flags)
            self.__dict__["_compiled"] = compiled
            for name in METHODS:
                self.__dict__[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_source", "_flags", "_compiled"):
            raise AttributeError(name)  # copy, pickle and hasattr probe these: never compile for them
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})" if not callable(self._source) else "lazy(<built on first use>)"


def lazy(source: Union[str, Callable[[], str]], flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, done on first use; ``source`` may be a function giving the pattern."""
    return cast("regex.Pattern[str]", _Lazy(source, flags))


class _Anchored:
    """A pattern every match of which holds one of ``anchors``, characters it spells out."""

    def __init__(self, pattern: regex.Pattern[str], anchors: str) -> None:
        self.pattern = pattern
        self.anchors = anchors

    def search(self, string: str, pos: Optional[int] = None, endpos: Optional[int] = None) -> Optional[regex.Match[str]]:
        for ch in self.anchors:
            if string.find(ch, pos, endpos) >= 0:
                return self.pattern.search(string, pos, endpos)
        return None  # no anchor in string[pos:endpos]: no match there

    def finditer(self, string: str, pos: Optional[int] = None, endpos: Optional[int] = None) -> Iterator[regex.Match[str]]:
        for ch in self.anchors:
            if string.find(ch, pos, endpos) >= 0:
                return self.pattern.finditer(string, pos, endpos)
        return iter(())

    def sub(self, repl: str, string: str) -> str:
        for ch in self.anchors:
            if ch in string:
                return self.pattern.sub(repl, string)
        return string

    def __getattr__(self, name: str) -> Any:  # match, fullmatch …: the pattern's own
        if name in ("pattern", "anchors"):
            raise AttributeError(name)  # copy and pickle probe these before __init__
        return getattr(self.pattern, name)

    def __repr__(self) -> str:
        return f"anchored({self.pattern!r}, {self.anchors!r})"


def anchored(pattern: regex.Pattern[str], anchors: str) -> regex.Pattern[str]:
    """``pattern``, whose every match holds one of the characters ``anchors``: its ``search``,
    ``finditer`` and ``sub`` first look for them with ``str.find`` (a scan twenty times quicker
    than the engine's trying the pattern at every place) and give no match, or the text unchanged,
    where there is none.  Same results: a match lies inside ``string[pos:endpos]``.

        >>> SAME_BELOW = anchored(lazy(r"下\\s*同$"), "同")   # every match holds 同
        >>> SAME_BELOW.search("市发展改革委负责") is None, SAME_BELOW.search("负责，下同").span()
        (True, (3, 5))
    """
    return cast("regex.Pattern[str]", _Anchored(pattern, anchors))


def word_trie(words: list[str], slash: str = "/") -> str:
    """The alternation of ``words``, longest first (``|``.join of them escaped, sorted by length then
    text), written as a trie: each character tried once for the words it starts, not once
    for each word (``regex`` tries an alternation's branches one by one: with the 108 units, a
    quantity's match tried about a hundred branches, twice).  The same matches, tried in the same order:
    the branches that match at one place have matched texts that are prefixes of one another, so they lie
    on one path of the trie, where a longer one is tried first (a child before its optional end), as in
    the longest-first order.  ``slash``: what a ``/`` of a word is written as (UNIT_SLASH).

        >>> word_trie(["吨", "吨/年", "万元"])
        '(?:万元|吨(?:/年)?)'
    """
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [(slash if ch == "/" else regex.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(root)
