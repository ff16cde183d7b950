"""Legacy Word .doc, WPS .wps and RTF -> ``SourceText``, converted to .docx by LibreOffice.

No maintained permissive Python library reads the Word 97-2003 binary format, so
jianwu asks LibreOffice (``soffice --headless --convert-to docx``) when it is on
PATH, in a temporary directory with a private profile (a running LibreOffice is
not disturbed) and a time limit, then reads the result as a .docx.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from . import SourceText

CONVERT_TIMEOUT_S = 120
OFFICE_BINARIES = ("soffice", "libreoffice")


def find_office() -> str | None:
    """The LibreOffice binary on PATH, if any."""
    for binary in OFFICE_BINARIES:
        found = shutil.which(binary)
        if found:
            return found
    return None


def read_doc(raw: bytes, name: str, label: str = "Word 97-2003 or WPS document") -> SourceText:
    office = find_office()
    if office is None:
        raise InputError(
            name,
            f"{label}: jianwu converts it with LibreOffice, which is not installed "
            "(install LibreOffice so that soffice is on PATH, or save the file as .docx)",
        )
    with tempfile.TemporaryDirectory(prefix="jianwu-doc-") as tmp:
        source = Path(tmp) / "document.doc"
        source.write_bytes(raw)
        command = [
            office, "--headless", "--norestore", "--nologo",
            f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}",
            "--convert-to", "docx", "--outdir", tmp, str(source),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=CONVERT_TIMEOUT_S, stdin=subprocess.DEVNULL,
                env={**os.environ, "HOME": tmp},
            )
        except subprocess.TimeoutExpired:
            raise InputError(name, f"{label}: LibreOffice did not convert it within {CONVERT_TIMEOUT_S} s") from None
        except OSError as exc:
            raise InputError(name, f"{label}: cannot run LibreOffice ({office}): {exc.strerror or exc}") from None
        converted = Path(tmp) / "document.docx"
        if done.returncode != 0 or not converted.is_file():
            raise InputError(name, f"{label}: LibreOffice could not convert it (is the file damaged?)")
        raw_docx = converted.read_bytes()
    from .docx import read_docx

    return replace(read_docx(raw_docx, name), format="doc")
