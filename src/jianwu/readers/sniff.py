"""What a file is, judged from its bytes: a document jianwu reads, or what else it is.

``sniff(head, zip_names)`` returns ``(kind, label)``: ``kind`` is one of the readable
formats (text, pdf, docx, doc, html, ofd) or a category of file jianwu does not read
(image, archive, spreadsheet, presentation, media, data, binary); ``label`` names
the format for a message (``PNG image``, ``Excel workbook (.xlsx)``).  Only the first
bytes are needed, and for a zip the names of its parts.
"""

from __future__ import annotations

import regex

from ..patterns import compile_pattern

HEAD_BYTES = 8192  # enough for every signature below and for an HTML <head>

# (signature at offset 0, kind, label)
SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image", "PNG image"),
    (b"\xff\xd8\xff", "image", "JPEG image"),
    (b"GIF87a", "image", "GIF image"),
    (b"GIF89a", "image", "GIF image"),
    (b"II*\x00", "image", "TIFF image"),
    (b"MM\x00*", "image", "TIFF image"),
    (b"BM", "image", "BMP image"),
    (b"Rar!\x1a\x07", "archive", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive", "7-Zip archive"),
    (b"\x1f\x8b", "archive", "gzip archive"),
    (b"BZh", "archive", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "archive", "xz archive"),
    (b"ID3", "media", "MP3 audio"),
    (b"\x7fELF", "binary", "executable (ELF)"),
    (b"MZ", "binary", "Windows executable"),
    (b"{\\rtf", "doc", "RTF document"),
)
# Markup at the start of a file (a web page): <!DOCTYPE html>, <html>, <head>, <meta charset=...>
HTML_START = compile_pattern(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", regex.I | regex.S)
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Stream names in an OLE2 directory (UTF-16LE): which Office program wrote it.
OLE_STREAMS: tuple[tuple[str, str, str], ...] = (
    ("WordDocument", "doc", "Word 97-2003 document"),
    ("Workbook", "spreadsheet", "Excel 97-2003 workbook (.xls)"),
    ("Book", "spreadsheet", "Excel 5 workbook (.xls)"),
    ("PowerPoint Document", "presentation", "PowerPoint 97-2003 presentation (.ppt)"),
)
# Parts of a zip package that say what it holds.
ZIP_PARTS: tuple[tuple[str, str, str], ...] = (
    ("word/document.xml", "docx", "Word document (.docx)"),
    ("OFD.xml", "ofd", "OFD document"),
    ("xl/workbook.xml", "spreadsheet", "Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "presentation", "PowerPoint presentation (.pptx)"),
)
# A text file that is data, not prose: JSON, or XML that is not a web page.
JSON_START = compile_pattern(rb"^\s*[\[{]\s*[\"\[{\]}0-9-]")
XML_START = compile_pattern(rb"^\s*<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*<(?!html\b|!doctype\s+html)", regex.I | regex.S)
# RIFF containers: WAVE / AVI / WEBP; ISO media: ....ftyp
RIFF = compile_pattern(rb"^RIFF....(?P<kind>WAVE|AVI |WEBP)", regex.S)
FTYP = compile_pattern(rb"^....ftyp", regex.S)


def _ole_kind(head: bytes) -> tuple[str, str]:
    for stream, kind, label in OLE_STREAMS:
        if stream.encode("utf-16-le") in head:
            return kind, label
    # The directory may lie beyond the head; a .wps of Kingsoft WPS is a Word document
    # inside, and LibreOffice tells the rest apart when converting.
    return "doc", "Word 97-2003 or WPS document"


def _zip_kind(names: set[str]) -> tuple[str, str]:
    for part, kind, label in ZIP_PARTS:
        if part in names:
            return kind, label
    if "content.xml" in names and "mimetype" in names:
        return "archive", "OpenDocument file"
    return "archive", "zip archive"


def sniff(head: bytes, zip_names: set[str] | None = None) -> tuple[str, str]:
    """(kind, label) of a file from its first bytes (``zip_names``: the parts, for a zip)."""
    if b"%PDF-" in head[:1024]:
        return "pdf", "PDF"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(zip_names or set())
    if head.startswith(OLE2):
        return _ole_kind(head)
    for signature, kind, label in SIGNATURES:
        if head.startswith(signature):
            return kind, label
    riff = RIFF.match(head)
    if riff:
        kind = riff.group("kind")
        return ("image", "WEBP image") if kind == b"WEBP" else ("media", "audio/video file")
    if FTYP.match(head):
        return "media", "MP4/QuickTime video"
    if looks_like_html(head):
        return "html", "web page"
    if not head.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in head:
        return "binary", "binary file"
    if JSON_START.match(head):
        return "data", "JSON data"
    if XML_START.match(head):
        return "data", "XML data"
    return "text", "text"


def looks_like_html(raw: bytes) -> bool:
    return bool(HTML_START.match(raw[:4096].lstrip(b"\xef\xbb\xbf")))
