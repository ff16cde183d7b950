"""Readers: a published file (text, PDF, Word, web page) -> ``SourceText``.

Every reader produces the same thing, so everything downstream (normalisation,
clause tree, facts, diff) works identically on every format.  The format is
detected from the content (magic bytes, the zip's parts, markup), never from
the file name.  One module per format; this module only detects and dispatches.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Optional

from ..digest import sha256_hex
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
    # SHA-256 (hex) of the bytes read, set by ``read_bytes``: the document's identity, hashed
    # once for the reader cache's key and the parsed document alike.
    sha256: str = ""


# What to do with a file jianwu does not read, by the kind ``sniff`` gave it.
GENERIC_ADVICE = "jianwu reads plans as text, PDF, Word (.docx, .doc, .wps) or web pages; give it the plan in one of those"
ADVICE = {
    "image": "if it is a scanned page, OCR it into a PDF with a text layer (e.g. ocrmypdf) and give jianwu the PDF",
    "archive": "extract it and give jianwu the documents inside",
}
# Plural names of the kinds jianwu skips in a directory: "skipped 3 files (2 images, 1 spreadsheet)".
SKIPPED_KINDS = {
    "image": ("image", "images"),
    "archive": ("archive", "archives"),
    "spreadsheet": ("spreadsheet", "spreadsheets"),
    "presentation": ("presentation", "presentations"),
    "media": ("audio/video file", "audio/video files"),
    "data": ("data file", "data files"),
    "binary": ("binary file", "binary files"),
    "special": ("special file (FIFO, device, socket)", "special files (FIFO, device, socket)"),
}


def detect(raw: bytes) -> tuple[str, str]:
    """(kind, label) of ``raw`` judged from its content: a format of ``FORMATS`` or a kind of ``SKIPPED_KINDS``."""
    from .sniff import sniff

    names = None
    if raw.startswith(b"PK"):
        from .container import zip_names

        names = zip_names(raw)
    # The whole file for an OLE2 compound file: its directory of streams may lie anywhere.
    return sniff(raw if raw.startswith(b"\xd0\xcf\x11\xe0") else raw[:8192], names)


def detect_format(raw: bytes) -> str:
    """The format of ``raw`` judged from its content (one of ``FORMATS``, or a kind of file jianwu skips)."""
    return detect(raw)[0]


def read_bytes(raw: bytes, name: str, *, cached: bool = True, sha256: Optional[str] = None) -> SourceText:
    """Read a document of any supported format; ``InputError`` names the file and what to do.

    What the PDF and Word readers read is kept in the user's cache (``source_cache``) unless
    ``cached`` is false: the same bytes are read once.  ``sha256``: the bytes' digest, when the
    caller has it already (else computed here); the result carries it.
    """
    digest = sha256 or sha256_hex(raw)
    return replace(_lookalikes_unified(_read(raw, name, cached, digest)), sha256=digest)


def _lookalikes_unified(source: SourceText) -> SourceText:
    """``source`` with the look-alikes of hanzi a PDF's text layer may hold (``⽣态`` for 生态:
    ``lookalike_hanzi``) replaced, in its text and metadata, and the replacement listed in its
    repairs.  (Each replacement is one character: the line and page maps stay as they are.)"""
    from ..lookalike_hanzi import unify_lookalikes

    text, found, at = unify_lookalikes(source.text)
    metadata = {key: unify_lookalikes(value)[0] for key, value in source.metadata.items()}
    if not found and metadata == source.metadata:
        return source
    repairs = source.repairs
    if found:
        pairs = " ".join(f"{a}→{b}" for a, b in list(found.items())[:10])
        more = f" and {len(found) - 10} more" if len(found) > 10 else ""
        repairs = (*repairs, Repair("lookalike_hanzi", source.text.count("\n", 0, at) + 1, f"{pairs}{more}"))
    return replace(source, text=text, metadata=metadata, repairs=repairs)


def _read(raw: bytes, name: str, cached: bool, digest: str) -> SourceText:
    kind, label = detect(raw)
    if kind == "text":
        from .text import read_text

        return read_text(raw, name)
    if kind in ("pdf", "docx", "doc"):
        read = _format_reader(kind, raw, name, label)
        if not cached:
            return read()
        from .source_cache import read_cached

        return read_cached(kind, raw, read, digest)
    if kind == "html":
        from .html import read_html

        return read_html(raw, name)
    if kind == "ofd":
        raise InputError(
            name,
            "OFD document (GB/T 33190): no well-kept Python library reads it; "
            "export it to PDF (e.g. with the issuing site's OFD reader) and give jianwu the PDF",
        )
    raise InputError(name, f"{label}, not a document: {ADVICE.get(kind, GENERIC_ADVICE)}")


def _format_reader(kind: str, raw: bytes, name: str, label: str) -> Callable[[], SourceText]:
    """The reading of a PDF, .docx or .doc/.wps file, to be done (or found in the cache: then
    its reader is not even imported)."""

    def read() -> SourceText:
        if kind == "pdf":
            from .pdf import read_pdf

            return read_pdf(raw, name)
        if kind == "docx":
            from .docx import read_docx

            return read_docx(raw, name)
        from .doc import read_doc

        return read_doc(raw, name, label)

    return read
