"""Readers: a published file (text, PDF, Word, web page) -> ``SourceText``.

Every reader produces the same thing, so everything downstream (normalisation,
clause tree, facts, diff) works identically on every format.  The format is
detected from the content (magic bytes, the zip's parts, markup), never from
the file name.  One module per format; this module only detects and dispatches.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Repair, Warning_

# Formats jianwu can be given.  "text" covers .txt/.md in any supported encoding.
FORMATS = ("text", "pdf", "docx", "doc", "html", "ofd")


@dataclass(frozen=True)
class SourceText:
    """What a reader read: decoded text plus what the format knows about it.

    ``text`` has one physical line (text, PDF) or paragraph (Word, HTML) per
    ``"\\n"``; page breaks are ``"\\f"`` at the start of the page's first line.
    ``line_pages`` gives the 1-based page of each ``"\\n"``-separated line of
    ``text`` for paged formats (empty otherwise).
    """

    text: str
    format: str
    encoding: str = "utf-8"
    line_pages: tuple[int, ...] = ()
    warnings: tuple[Warning_, ...] = ()
    repairs: tuple[Repair, ...] = ()
    # Metadata the container states outright (a web page's 信息公开 table, Word's
    # core properties): keys are title, doc_number, issuers, date, publication.
    metadata: dict[str, str] = field(default_factory=dict)
    # For readers that know the layout (PDF): does each line of ``text`` start a
    # paragraph (True) or continue the previous line's (False)?  Normalisation
    # follows these decisions instead of guessing from line widths.  Empty: guess.
    paragraph_starts: tuple[bool, ...] = ()


def detect_format(raw: bytes) -> str:
    """The format of ``raw`` judged from its content (one of ``FORMATS``, or "zip"/"ole"/"binary")."""
    head = raw[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        from .container import zip_kind

        return zip_kind(raw)
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # OLE2 compound file: Word 97-2003 .doc or WPS .wps
    from .html import looks_like_html

    if looks_like_html(raw):
        return "html"
    return "text"


def read_bytes(raw: bytes, name: str) -> SourceText:
    """Read a document of any supported format; ``InputError`` names the file and what to do."""
    kind = detect_format(raw)
    if kind == "text":
        from .text import read_text

        return read_text(raw, name)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(raw, name)
    if kind == "docx":
        from .docx import read_docx

        return read_docx(raw, name)
    if kind == "doc":
        from .doc import read_doc

        return read_doc(raw, name)
    if kind == "html":
        from .html import read_html

        return read_html(raw, name)
    if kind == "ofd":
        raise InputError(name, "OFD document (GB/T 33190): not supported; export it to PDF and give jianwu the PDF")
    raise InputError(name, f"{kind} file: not a document jianwu reads (text, PDF, Word or a web page)")
