"""Zip containers: which document a zip holds (.docx, .ofd) judged by its parts."""

from __future__ import annotations

import io
import zipfile


def zip_kind(raw: bytes) -> str:
    """"docx" for a Word document, "ofd" for GB/T 33190, "zip" for anything else."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "word/document.xml" in names:
        return "docx"
    if "OFD.xml" in names:
        return "ofd"
    return "zip"
