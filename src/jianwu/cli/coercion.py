"""Option values without pydantic: the plain conversions every jianwu command needs.

Typer 0.29 converts every option value through a pydantic ``TypeAdapter``.
Importing pydantic and building the adapters takes about 0.25 s, more than all
of ``import typer``, and each ``jianwu`` run paid it before reading a byte.
The values jianwu's commands take are simple (a path, a string, a choice of an
``Enum``, a small integer, lists of these), so they are converted here directly;
anything else, and every value that is not plainly valid, goes to Typer's own
conversion, so that results and error messages stay exactly Typer's
("Invalid value for '--format' / '-f': Value error, 'yaml' is not one of …").

Typer versions without this machinery (before 0.29: click types, no pydantic)
are left alone: ``install`` does nothing there.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any, get_args, get_origin

# A value the fast path does not convert: Typer's own conversion decides (and reports).
_DEFER = object()


def _leaf(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    """``value`` converted to ``annotation`` as Typer would, or ``_DEFER``."""
    if getattr(info, "parser", None) is not None:
        return _DEFER
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        if isinstance(value, annotation):
            return value  # the default: Typer returns the member itself
        if not isinstance(value, str) or not info.case_sensitive or getattr(ctx, "token_normalize_func", None) is not None:
            return _DEFER
        for member in annotation:
            if str(member.value) == value:
                return member
        return _DEFER  # not a choice: Typer's message lists the choices
    if annotation is str:
        return value if isinstance(value, str) else _DEFER
    if annotation is int:
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return _DEFER
        if isinstance(value, str):
            # Plain decimal digits only ("7", "12"); signs, spaces, "007", "1e3" go to Typer.
            if not (value.isascii() and value.isdigit()) or (value.startswith("0") and value != "0"):
                return _DEFER
            value = int(value)
        if info.clamp or (info.min is not None and value < info.min) or (info.max is not None and value > info.max):
            return _DEFER
        return value
    if annotation is Path:
        if info.resolve_path or info.exists or info.readable or info.writable or not info.file_okay or not info.dir_okay:
            return _DEFER  # checks on the file system: Typer's
        if info.path_type not in (None, Path):
            return _DEFER
        if isinstance(value, Path):
            return value
        if isinstance(value, str) and value:
            return Path(value)
        return _DEFER
    return _DEFER


def _convert(annotation: Any, info: Any, value: Any, ctx: Any) -> Any:
    if get_origin(annotation) is list:
        (item_type,) = get_args(annotation) or (Any,)
        if not isinstance(value, (list, tuple)):
            return _DEFER  # Typer wraps a single value; rare, left to it
        items = [_leaf(item_type, info, item, ctx) for item in value]
        return _DEFER if any(item is _DEFER for item in items) else items
    return _leaf(annotation, info, value, ctx)


class FastRuntimeParam:
    """Stands in for Typer's ``RuntimeParam`` of one parameter (same ``coerce`` contract)."""

    def __init__(self, descriptor: Any) -> None:
        self.descriptor = descriptor
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        # Typer's RuntimeParam.coerce: missing values and a lone string for a list.
        multi = param.multiple or param.nargs == -1
        if value is None:
            return () if multi else None
        if not (multi and isinstance(value, str)) and self.descriptor.file_annotation is None:
            converted = _convert(self.descriptor.annotation, self.descriptor.parameter_info, value, ctx)
            if converted is not _DEFER:
                return converted
        return self._typer_param().coerce(value, param=param, ctx=ctx)

    def _typer_param(self) -> Any:
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(self.descriptor)
        return self._typer


def install(params: list[Any]) -> None:
    """Give each of a Typer command's ``params`` the fast conversion (no-op on other Typer versions)."""
    for param in params:
        if getattr(param, "_runtime_param", 0) is None and hasattr(param, "type_descriptor"):
            param._runtime_param = FastRuntimeParam(param.type_descriptor)
