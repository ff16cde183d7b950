"""Word .docx -> ``SourceText`` (to be built: issue 9)."""

from __future__ import annotations

from ..errors import InputError
from . import SourceText


def read_docx(raw: bytes, name: str) -> SourceText:
    raise InputError(name, "Word .docx: not supported yet")
