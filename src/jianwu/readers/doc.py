"""Legacy Word .doc / WPS .wps -> ``SourceText`` via LibreOffice (to be built: issue 9)."""

from __future__ import annotations

from ..errors import InputError
from . import SourceText


def read_doc(raw: bytes, name: str) -> SourceText:
    raise InputError(name, "Word 97-2003 .doc / WPS file: not supported yet")
