"""PDF -> ``SourceText`` (to be built: issue 9)."""

from __future__ import annotations

from ..errors import InputError
from . import SourceText


def read_pdf(raw: bytes, name: str) -> SourceText:
    raise InputError(name, "PDF: not supported yet")
