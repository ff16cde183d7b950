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
"""

from __future__ import annotations

from typing import Any, Callable, Union, cast

import regex

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
            compiled = regex.compile(source, self._flags)
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
