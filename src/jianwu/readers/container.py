"""Zip containers: the parts a zip holds, which tell a .docx from an .ofd, an .xlsx or an archive."""

from __future__ import annotations

import io
import zipfile
from typing import BinaryIO, Union


def zip_names(source: Union[bytes, BinaryIO]) -> set[str]:
    """Names of the parts of a zip (bytes or an open binary file); empty when it is not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return set()


def zip_kind(raw: bytes) -> str:
    """"docx" for a Word document, "ofd" for GB/T 33190, else what ``sniff`` calls it (archive, spreadsheet…)."""
    from .sniff import sniff

    return sniff(raw[:8], zip_names(raw))[0]
