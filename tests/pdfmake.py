"""Write small real PDFs for tests, with no library and no font file.

Text is set in a CID font with Identity-H encoding whose code for a character is
its Unicode code point; a ToUnicode CMap says so, which is all a text extractor
needs (no glyphs are embedded, so a viewer shows nothing, pdfium reads the text
and its positions).  CJK characters are 1 em wide, ASCII 0.5 em.  pdfium skips a text object of one
character when the font has no glyph outlines, so ``layout`` never sets a line of one
character (a real font's glyphs have boxes; this is only the test font).
"""

from __future__ import annotations

from dataclasses import dataclass

A4 = (595.0, 842.0)


@dataclass(frozen=True)
class Run:
    """One line of text: its left edge, baseline (PDF units, upwards) and size."""

    x: float
    y: float
    text: str
    size: float = 16.0


def _obj(number: int, body: bytes) -> bytes:
    return b"%d 0 obj\n" % number + body + b"\nendobj\n"


def _to_unicode(chars: list[str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for i in range(0, len(chars), 100):
        block = chars[i: i + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{ord(c):04X}> <{ord(c):04X}>" for c in block)
        lines.append("endbfchar")
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(lines).encode("ascii")


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def make_pdf(pages: list[list[Run]], *, size: tuple[float, float] = A4, encrypted: bool = False,
             rules: tuple[list[tuple[float, float, float, float]], ...] = (), turned: bool = False) -> bytes:
    """A PDF with one page per list of runs (an empty list: a page without text, like a scan);
    ``rules``: per page, filled rectangles (x, y, width, height), a table's borders.  ``turned``: each
    page a landscape page as a printer turns it onto portrait paper, ``/Rotate 90`` and its text drawn
    a quarter turn back (runs are placed on the landscape page as displayed, ``size`` the portrait sheet)."""
    chars = sorted({c for page in pages for run in page for c in run.text if ord(c) <= 0xFFFF})
    objects: dict[int, bytes] = {}
    # 1 catalog, 2 pages, 3 font, 4 descendant font, 5 ToUnicode, then page + content pairs.
    kids = [6 + 2 * i for i in range(len(pages))]
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(pages))
    objects[3] = b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>"
    widths = b" ".join(b"500" for _ in range(0x20, 0x7F))
    objects[4] = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> "
        b"/DW 1000 /W [32 [" + widths + b"]] >>"
    )
    objects[5] = _stream(_to_unicode(chars))
    for i, page in enumerate(pages):
        ops = []
        for run in page:
            codes = "".join(f"{ord(c):04X}" for c in run.text if ord(c) <= 0xFFFF)
            if turned:  # displayed (X, Y) is (y, width - x) on the sheet: draw at x = width - Y, y = X, running up
                ops.append(f"BT /F1 {run.size:g} Tf 0 1 -1 0 {size[0] - run.y:.2f} {run.x:.2f} Tm <{codes}> Tj ET")
            else:
                ops.append(f"BT /F1 {run.size:g} Tf 1 0 0 1 {run.x:.2f} {run.y:.2f} Tm <{codes}> Tj ET")
        if not page:
            ops.append("0.5 g 50 50 400 600 re f")  # a picture: a scan has images, no text
        for x, y, w, h in rules[i] if i < len(rules) else ():
            ops.append(f"{x:.2f} {y:.2f} {w:.2f} {h:.2f} re f")
        objects[kids[i]] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g]%s /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (size[0], size[1], b" /Rotate 90" if turned else b"", kids[i] + 1)
        )
        objects[kids[i] + 1] = _stream("\n".join(ops).encode("ascii"))
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += _obj(number, objects[number])
    trailer_extra = b""
    if encrypted:
        number = max(objects) + 1
        offsets[number] = len(out)
        out += _obj(number, b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"11" * 32, b"22" * 32))
        trailer_extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (number, b"33" * 16, b"33" * 16)
    xref = len(out)
    count = max(offsets) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        out += b"%010d 00000 n \n" % offsets[number]
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (count, trailer_extra, xref)
    return bytes(out)


def layout(text: str, *, width: int = 26, lines_per_page: int = 26, size: float = 16.0, left: float = 80.0,
           top: float = 760.0, header: str = "", page_numbers: str = "— {} —") -> list[list[Run]]:
    """Set paragraphs (one per line of ``text``) like a printed plan: a 2-em first-line indent,
    lines of ``width`` ems, a running header and a page number on every page."""
    rows: list[tuple[float, str]] = []  # (indent in ems, text)
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            continue
        first, rest = True, paragraph
        while rest:
            room = width - (2 if first else 0)
            take, used = 0, 0.0
            while take < len(rest) and used + _em(rest[take]) <= room:
                used += _em(rest[take])
                take += 1
            while take < len(rest) and " " in rest[take - 1: take + 1]:
                take += 1  # never wrap at a space (a line's edge keeps none): hang it in the margin
            if len(rest) - take == 1 or rest[take:take + 1] in CLOSING:
                take += 1  # hang a closing mark or a last lone character in the margin
            rows.append((2.0 if first else 0.0, rest[:take]))
            rest, first = rest[take:], False
    pages: list[list[Run]] = []
    for start in range(0, len(rows), lines_per_page):
        number = len(pages) + 1
        runs = [Run(left, top + 2.2 * size, header, size * 0.7)] if header else []
        for k, (indent, row) in enumerate(rows[start: start + lines_per_page]):
            runs.append(Run(left + indent * size, top - k * 1.6 * size, row, size))
        if page_numbers:
            label = page_numbers.format(number)
            runs.append(Run(left + width * size / 2 - len(label) * size / 4, 60.0, label, size * 0.8))
        pages.append(runs)
    return pages


# Marks a line may not start with (kinsoku): they hang in the right margin instead.
CLOSING = set("，。、；：！？）》」”’")


def _em(ch: str) -> float:
    return 0.5 if ord(ch) < 0x7F else 1.0
