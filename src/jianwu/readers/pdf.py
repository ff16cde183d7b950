"""PDF -> ``SourceText`` with PDFium (``pdfium_lib``), using the characters' geometry.

Plain-text converters (pdftotext, copy-paste) throw the geometry away and leave
hard wraps, page numbers inside sentences and running headers in the text.  This
reader keeps it:

* characters are grouped into physical lines by their baseline, left to right;
* running headers, footers and page numbers are recognised by where they sit
  (the first or last lines of a page) and by repeating across pages, wherever
  they cut the text, and are dropped (recorded as repairs);
* each line gets a paragraph decision from the text column of its page: a line
  reaching the column's right edge continues on the next line, a short line
  ends its paragraph, a first-line indent starts one.

The text keeps one physical line per ``"\\n"`` (so positions map back to a page
and a line of the page), with ``"\\f"`` at each page's first line;
``SourceText.paragraph_starts`` carries the decisions, which normalisation
follows instead of guessing from line widths.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Optional

from ..errors import InputError
# A table's header line (序号 重点任务 牵头单位), the number opening one of its rows (1实施… / 1 实施…),
# and an attachment's label (附件 / 附件2 / 附件1：…) or 抄送：: each starts a paragraph, as
# normalisation keeps them apart in a text.
from ..normalize import OWN_BLOCK_LINE, TABLE_HEADER_LINE, TABLE_ROW_NUMBER
from ..model import Repair, Warning_
from . import SourceText
from ..patterns import compile_pattern
from .pdf_columns import LEFT, SPANNING, columns_in_order, split_at
from .pdf_tables import CELL_GAP, Grid, Row, find_grids, go_on, read_rows

if TYPE_CHECKING:
    from .pdfium_lib import Document

# A page-number line, after spaces are removed: — 3 —  ― 3 ―  - 3 -  －3－  ·3·  第3页  第3页共10页
# 3/10  (3)  and a bare 3.  OCR reads the dashes as 一 or ~: "一 4 一", "- 4 一".
PAGE_NUMBER = compile_pattern(
    r"^(?:[-—―－–─一~～·•]*[(（]?\d{1,3}[)）]?[-—―－–─一~～·•]*"
    r"|第\d{1,3}页(?:[,，/]?共\d{1,3}页)?"
    r"|\d{1,3}/\d{1,3})$"
)
# What a web browser prints at the edges of each page of a saved web page, after spaces are removed:
# a header starting with the date and time of printing, then the page's title (Chrome, Edge:
# "12/7/26, 2:29 AM  河南省人民政府…", "2023/1/5 下午3:20 …", "2023-01-05 15:20"), and a footer
# with the page's address and the page count ("https://www.henan.gov.cn/2022/01-05/2378901.html 3/10",
# "file:///…/plan.html 1/9", Firefox's "Page 1 of 9").  Dropped on every page, where a single-page
# print cannot repeat them; only as the first or last line of a page (see _at_edge).
BROWSER_HEADER = compile_pattern(
    r"^(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日),?"
    r"(?:上午|下午|凌晨|中午|晚上)?\d{1,2}:\d{2}(?::\d{2})?(?:[AaPp]\.?[Mm]\.?)?(?!\d)"
)
# A gazette's running head, after spaces are removed: its name and the issue (某某省人民政府公报2022年第10期,
# 2022年第5期浙江政报, 国务院公报2021年第31号（总第1750号）).  Dropped as the first or last line of any page.
GAZETTE_HEAD = compile_pattern(
    r"^(?:\S{2,24}?(?:公报|政报|政府公告)(?:\d{4}年)?第\d{1,3}[期号](?:（总第\d+[期号]）)?"
    r"|(?:\d{4}年)?第\d{1,3}[期号](?:（总第\d+[期号]）)?\S{2,24}?(?:公报|政报))$"
)
BROWSER_FOOTER = compile_pattern(
    r"^(?:(?:https?|file)://|www\.)\S+$|^(?:Page|页)?\d{1,4}(?:of|/|共)\d{1,4}页?$"
)
# Digits inside a header/footer line (its page number), folded for comparing pages:
# "- 3 重庆市人民政府办公厅发布" and "- 4 重庆市人民政府办公厅发布" are one footer.
DIGITS = compile_pattern(r"\d+")
# White space, removed to compare edge lines and page numbers: "- 3 -" -> "-3-".
WHITE_SPACE = compile_pattern(r"\s+")
# Characters that take a full em on the page: CJK and full-width forms (from U+2E80 on),
# and the dashes, ellipsis and curly quotes Chinese fonts set full width; others about half.
WIDE_BELOW_CJK = frozenset("\u2014\u2015\u2026\u201c\u201d\u2018\u2019")


def _wide(ch: str) -> bool:
    return ch >= "\u2e80" or ch in WIDE_BELOW_CJK  # (a plain comparison: called per character)
# Private-use code points (a font's own glyphs without Unicode) and the replacement character.
UNMAPPED = compile_pattern(r"[\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
# A strong clause number at a line start: 一、 （一） （1） 第一条 2. 2、 ㈠ ⑴ ⒈ (a new paragraph after a sentence
# end; an indented one starts one after a line left open: 参与部门：市工信局、各区镇 / 2.大力发展光伏发电).
# Not a number wrapped to the line start: 2.5倍, 3.5万亩.
CLAUSE_START = compile_pattern(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十百]+[章节条部]|\d{1,2}[、.．](?![\d.．%])|[㈠-㈩⑴-⒛])")
SENTENCE_END = set("。；：！？;:!?")
# Closing brackets and quotes: a paragraph may end on them (responsibility notes do).
CLOSERS = set("）)】]》”’")
NOTE_CLOSERS = set("）)】")  # a bracket that closes a paragraph's last note: （省发展改革委牵头）
# A signature's line: issuers' names (河南省人民政府办公厅, 深圳市生态环境局　深圳市发展和改革委员会) or its date
# (2022年6月10日); after a finished sentence it starts a block of its own, aligned right or not.
SIGNATURE_LINE = compile_pattern(
    r"^(?:\p{Han}{2,30}(?:局|委员会|委|政府|办公厅|办公室|厅|部|署|院|中心|管委会)(?:[ \u3000]+|$))+$"
    r"|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$"
)
# A real title in the information dictionary has four hanzi in a row, and is not a file name
# or a Word default ("Microsoft Word - 通知.doc", "方案.pdf").
HAN_WORD = compile_pattern(r"\p{Han}{4}")
FILE_NAME_TITLE = compile_pattern(r"(?i)\.(?:docx?|wps|pdf)$|^microsoft")
# Sentence punctuation inside a line: the paragraph is prose, not a title or an issuer line.
PROSE_PUNCT = compile_pattern(r"[，。、；！？,;]")
# A run of half-width letters, digits and signs at a line's start: a word a line is not broken inside
# (83.6 / PM2.5 / 2025年's 2025).
LEADING_HALFWIDTH = compile_pattern(r"[0-9A-Za-z.%‰/+\-]+")
# The number a line ends with (82.9).
TRAILING_NUMBER = compile_pattern(r"[0-9.]+$")
# Punctuation a line may not start with (GB/T 15834 and typesetters' 禁则): the character before it moves
# down with it.
NO_LINE_START = frozenset("，。、；：！？）》”’%,.;:!?)")

# A space a PDF sets as a gap, with no space character (Chromium/Skia, some typesetters): between two
# CJK characters a gap of more than this many ems ("工业和信息化部  国家发展改革委"; justified prose
# spreads a line by a small fraction of an em), between two digits more than this share of an em
# ("7.3 13" in a table row; a digit is about half an em wide in every font, so the estimate holds).
WORD_GAP_EM = 0.25
DIGIT_GAP_EM = 0.3
# Words of a table's header: a page holding one may hold a ruled table (pdf_tables), and only
# such a page's path objects are looked at.
TABLE_WORDS = ("序号", "牵头", "配合", "责任单位", "责任部门", "完成时限", "时间节点", "指标", "属性")
# How many lines at the top and the bottom of a page may be a header or footer.
EDGE_LINES = 3
# A column's right edge is read from the lines reaching at least this share of the widest line's
# span from its left edge (full lines, hanging punctuation): not from headings and last lines.
EDGE_LINE_SHARE = 0.6
# … and within this many ems of the rightmost end two such lines share (punctuation hangs an em at most).
EDGE_HANG_EMS = 1.5
# A header/footer repeats on at least this share of the pages (and on two pages at least).
REPEAT_SHARE = 0.3
# Longest running header/footer, in characters.
MAX_RUNNING = 40


@dataclass
class _Line:
    page: int  # 1-based
    text: str
    x0: float  # left edge of the first character
    x1: float  # right edge (origin + advance) of the last character
    y: float  # baseline, PDF user space (upwards)
    size: float  # font size of the line's characters (median)
    column_left: float = 0.0
    column_right: float = 0.0
    starts_paragraph: bool = True
    ruled: bool = False  # a row of a ruled table (pdf_tables), its cells on one line
    row: Optional[Row] = None  # that row
    col: int = 0  # on a page set in two columns (pdf_columns): 1 left, 2 right, 0 across them
    header: Optional[Row] = None  # the first row of its table (a page on, the table's on the first page)
    # It goes on the line above after a space: a ragged line wrapped at a space between half-width
    # words (…比率（%）82.9 | 83.6 约束性); the two are given as one line.
    space_before: bool = False


@dataclass
class _Page:
    number: int
    lines: list[_Line] = field(default_factory=list)


def read_pdf(raw: bytes, name: str) -> SourceText:
    """Read a PDF's text layer (``InputError`` for a scan, an encrypted or a corrupt file)."""
    from .pdfium_lib import FPDF_ERR_PASSWORD, Document, PdfiumError

    try:
        pdf = Document(raw)
    except PdfiumError as exc:
        if exc.code == FPDF_ERR_PASSWORD:
            raise InputError(name, "encrypted PDF (password required): decrypt it first, e.g. qpdf --decrypt") from None
        raise InputError(name, f"corrupt PDF: {exc}") from None
    except ImportError as exc:
        raise InputError(name, f"cannot read PDF: {exc}") from None
    with pdf:
        try:
            pages, warnings = _read_pages(pdf)
        except PdfiumError as exc:
            raise InputError(name, f"corrupt PDF: {exc}") from None
        metadata = _metadata(pdf)
    if not any(p.lines for p in pages):
        raise InputError(
            name,
            f"PDF without a text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of images, a scan): "
            "run OCR first, e.g. ocrmypdf -l chi_sim in.pdf out.pdf",
        )
    repairs: list[Repair] = []
    _drop_running_lines(pages, repairs)
    _decide_paragraphs(pages)
    return _source_text(pages, warnings, repairs, metadata)


# ---------------------------------------------------------------- characters and lines


def _read_pages(pdf: "Document") -> tuple[list[_Page], list[Warning_]]:
    from .pdfium_lib import PdfiumError

    pages: list[_Page] = []
    outside: list[tuple[int, str]] = []
    unmapped: list[tuple[int, str]] = []
    unloadable: list[int] = []
    table_before = False  # the page before held a ruled table
    # The last row of the page before (its line: its Row and its table's header with it), when its
    # table may go on here (only page numbers and footers after it).
    carry: Optional[_Line] = None
    for index in range(pdf.page_count):
        try:
            with pdf.text_page(index) as (textpage, box):
                chars = _characters(pdf, textpage, box, index + 1, outside)
                turn = _text_turn(pdf, textpage, chars)
                if turn:
                    chars = [(*_turned(x, y, turn)[::-1], ch, wide) for y, x, ch, wide in chars]
                # (a page's path objects are looked at only when its text may hold a table, or a
                # table of the page before may go on: a continued table repeats no header)
                grids = find_grids(_turned_bounds(pdf.paths(), turn)) if table_before or _may_hold_table(chars) else []
                table_before = bool(grids)
        except PdfiumError:  # a page tree naming more pages than it holds, a broken page object
            unloadable.append(index + 1)
            continue
        em = _page_em(chars)
        rows: list[Row] = []
        if grids:
            chars, rows = read_rows(chars, grids, em)
        groups = _baseline_groups(chars, em)
        headers = {r.grid: r for r in rows if r.index == 0}
        if rows and carry is not None and not any(len(g) >= 10 and g[0][0] > grids[0].top for g in groups):
            rows, headers[0] = _go_on(carry, rows, grids[0])
        lines = _page_lines(index + 1, groups, rows, em, headers)
        carry = _carried(lines) if rows else None
        for line in lines:
            for m in UNMAPPED.finditer(line.text):
                unmapped.append((index + 1, m.group()))
        pages.append(_Page(index + 1, lines))
    if len(unloadable) == pdf.page_count:
        raise PdfiumError(6, "any page")
    warnings: list[Warning_] = []
    if unloadable:
        warnings.append(Warning_("unloadable_pages", f"{len(unloadable)} page{'s' if len(unloadable) != 1 else ''} PDFium cannot load skipped (pages {_pages(unloadable)})"))
    if outside:
        sample = "".join(ch for _, ch in outside[:20])
        where = sorted({p for p, _ in outside})
        warnings.append(Warning_("outside_page", f"{len(outside)} characters outside the page box dropped (pages {_pages(where)}): {sample}"))
    if unmapped:
        where = sorted({p for p, _ in unmapped})
        codes_seen = " ".join(sorted({f"U+{ord(ch):04X}" for _, ch in unmapped}))
        warnings.append(
            Warning_("unmapped_chars", f"{len(unmapped)} private-use or replacement characters kept (pages {_pages(where)}): {codes_seen}")
        )
    return pages, warnings


def _characters(pdf: "Document", textpage: int, box: tuple[float, float, float, float], page: int,
                outside: list[tuple[int, str]]) -> list[tuple[float, float, str, bool]]:
    """The page's characters as (baseline, x, char, wide); those outside its box go to ``outside``."""
    from .pdfium_lib import per_character

    lib = pdf.lib
    get_origin, is_generated = per_character("FPDFText_GetCharOrigin"), per_character("FPDFText_IsGenerated")
    ox, oy = ctypes.c_double(), ctypes.c_double()
    # The arguments of the per-character calls as ctypes passes them, made once, not at each call.
    handle = ctypes.c_void_p(textpage)
    origin_x, origin_y = ctypes.c_void_p(ctypes.addressof(ox)), ctypes.c_void_p(ctypes.addressof(oy))
    count = lib.FPDFText_CountChars(textpage)
    codes = (ctypes.c_ushort * (count + 1))()
    got = lib.FPDFText_GetText(textpage, 0, count, codes) if count > 0 else 0
    left, bottom, right, top = box
    x_min, x_max, y_min, y_max = left - 1, right + 1, bottom - 1, top + 1
    chars: list[tuple[float, float, str, bool]] = []
    for i, code in enumerate(codes[: min(count, max(got - 1, 0))]):
        ch = chr(code)
        if code <= 0x20 or 0x7F <= code <= 0x9F:
            if ch in "\r\n" or (code == 0x20 and is_generated(handle, i)) or (code != 0x20 and not ch.isspace()):
                # line ends, spaces pdfium inserted itself, control characters: no text, and no place
                # in a line's geometry (a producer that wrote a first-line indent as glyphs mapped to
                # \x7f would otherwise have the line start at the margin)
                continue
        if 0xD800 <= code <= 0xDFFF:
            ch = "\ufffd"
        get_origin(handle, i, origin_x, origin_y)
        x, y = ox.value, oy.value
        if not (x_min <= x <= x_max and y_min <= y <= y_max):
            if not ch.isspace():
                outside.append((page, ch))
            continue
        chars.append((y, x, ch, ch >= "\u2e80" or ch in WIDE_BELOW_CJK))  # wide: _wide(ch), inlined
    return chars


# Text set at a quarter or half turn: a landscape table on a page turned for display (/Rotate 90, its
# text drawn turned back), or a page scanned upside down.  Characters sampled from a page for their
# angle (FPDFText_GetCharAngle, radians clockwise), and how close to a quarter turn counts.
TURN_SAMPLE = 24
TURN_TOLERANCE = 0.1


def _text_turn(pdf: "Document", textpage: int, chars: list[tuple[float, float, str, bool]]) -> int:
    """Quarter turns (0-3, counter-clockwise) of most of a page's text: 0 for text set upright.

    Characters are read along baselines, left to right: a page whose text runs up the page (a table
    of a landscape page turned for display) would give one character a line.  The angle of a few
    characters across the page decides (one call each: the page's other characters are not asked)."""
    count = pdf.lib.FPDFText_CountChars(textpage)
    if count <= 0 or not chars:
        return 0
    step = max(1, count // TURN_SAMPLE)
    turns = Counter()
    for i in range(0, count, step):
        angle = pdf.lib.FPDFText_GetCharAngle(textpage, i)
        if angle < 0:  # (-1: no such character)
            continue
        quarter = round(angle / (math.pi / 2))
        if abs(angle - quarter * math.pi / 2) <= TURN_TOLERANCE:
            turns[-quarter % 4] += 1  # (PDFium measures the angle clockwise, as on a screen: y down)
    if not turns:
        return 0
    turn, seen = turns.most_common(1)[0]
    return turn if seen * 2 > sum(turns.values()) else 0


def _turned(x: float, y: float, turn: int) -> tuple[float, float]:
    """A point of text set ``turn`` quarter turns counter-clockwise, in the frame where that text is upright."""
    if turn == 1:
        return y, -x
    if turn == 2:
        return -x, -y
    if turn == 3:
        return -y, x
    return x, y


def _turned_bounds(bounds: list[tuple[float, float, float, float]], turn: int) -> list[tuple[float, float, float, float]]:
    """Path bounds (left, bottom, right, top) in the frame of text set ``turn`` quarter turns (``_turned``)."""
    if not turn:
        return bounds
    out = []
    for left, bottom, right, top in bounds:
        (x1, y1), (x2, y2) = _turned(left, bottom, turn), _turned(right, top, turn)
        out.append((min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)))
    return out


def _may_hold_table(chars: list[tuple[float, float, str, bool]]) -> bool:
    """Does the page's text hold a word of a table's header (序号, 牵头单位, 指标 …)?"""
    text = "".join([c[2] for c in chars])
    return any(word in text for word in TABLE_WORDS)


def _go_on(carry: _Line, rows: list[Row], grid: Grid) -> tuple[list[Row], Optional[Row]]:
    """The page's rows, its first grid's read as the table of ``carry`` going on (``pdf_tables.go_on``;
    ``carry`` takes the rest of its row), and that table's header."""
    assert carry.row is not None
    merged, kept = go_on(carry.row, carry.header, [r for r in rows if r.grid == 0], grid)
    if merged is not None:
        carry.text, carry.row, carry.x1 = merged.text, merged, max(carry.x1, merged.x1)
    return kept + [r for r in rows if r.grid != 0], carry.header


def _carried(lines: list[_Line]) -> Optional[_Line]:
    """The page's last table row, when only short lines (a page number, a footer) follow it."""
    for line in reversed(lines):
        if line.ruled:
            return line
        if len(line.text) > MAX_RUNNING:
            return None
    return None


def _pages(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers[:10]) + (" …" if len(numbers) > 10 else "")


def _page_em(chars: list[tuple[float, float, str, bool]]) -> float:
    """The page's em: the typical step from one CJK character's origin to the next on a baseline.
    The font size a PDF states is not the size on the page (WPS and Acrobat Paper Capture scale
    1-pt or 360-pt fonts by the text matrix)."""
    steps = sorted(
        b[1] - a[1] for a, b in zip(chars, chars[1:]) if a[3] and abs(a[0] - b[0]) < 0.5 and 3 < b[1] - a[1] < 60
    )
    return steps[len(steps) // 2] if steps else 10.0


def _line_size(group: list[tuple[float, float, str, bool]], em: float) -> tuple[float, bool]:
    """The line's own em (a title set larger than the body), from its CJK characters' steps, and
    whether it was measured so (two steps at least; else the page's em, which a line of a
    larger or smaller type does not have)."""
    steps = sorted(b[1] - a[1] for a, b in zip(group, group[1:]) if a[3] and b[3] and b[1] > a[1])
    return (steps[len(steps) // 2], True) if len(steps) >= 2 else (em, False)


BASELINE, ORIGIN_X = itemgetter(0), itemgetter(1)  # of a (baseline, x, char, wide) character


def _baseline_groups(chars: list[tuple[float, float, str, bool]], em: float) -> list[list[tuple[float, float, str, bool]]]:
    """Characters -> the page's lines, top to bottom: same baseline (within 0.4 em), each left to right."""
    if not chars:
        return []
    chars.sort(key=BASELINE, reverse=True)  # top to bottom (a stable sort either way: the same order as by -y)
    within = 0.4 * max(em, 1.0)  # every character of a page has the page's em
    groups: list[list[tuple[float, float, str, bool]]] = [[chars[0]]]
    base = chars[0][0]
    for c in chars[1:]:
        if base - c[0] <= within:
            groups[-1].append(c)
        else:
            groups.append([c])
            base = c[0]
    for group in groups:
        group.sort(key=ORIGIN_X)
    return groups


def _page_lines(page: int, groups: list[list[tuple[float, float, str, bool]]], rows: list[Row], em: float,
                headers: dict[int, Optional[Row]]) -> list[_Line]:
    """The page's lines and its tables' rows (a line each) in reading order: top to bottom, or on a page
    set in two columns (pdf_columns) the left column's, then the right's."""
    def ruled(row: Row, col: int = SPANNING) -> _Line:
        return _Line(page, row.text, row.x0, row.x1, row.y, em, ruled=True, row=row, header=headers.get(row.grid), col=col)

    order = columns_in_order(groups, em, [(r.y, r.x0, r.x1) for r in rows])
    if order is None:
        lines = [line for line in (_line_of(page, g, em) for g in groups) if line is not None]
        return sorted(lines + [ruled(r) for r in rows], key=lambda ln: -ln.y) if rows else lines
    centre, items = order
    out: list[_Line] = []
    for col, item in items:
        if item >= len(groups):
            out.append(ruled(rows[item - len(groups)], col))
            continue
        group = groups[item]
        if col != SPANNING:
            group = split_at(group, centre)[0 if col == LEFT else 1]
        line = _line_of(page, group, em, col)
        if line is not None:
            out.append(line)
    return out


def _line_of(page: int, group: list[tuple[float, float, str, bool]], em: float, col: int = SPANNING) -> Optional[_Line]:
    """One line of characters (sorted by x), with the spaces its gaps stand for; None when it is blank."""
    size, measured = _line_size(group, em)
    half, gap = 0.5 * size, 2.0 * size
    # (a space drawn as a gap is told from the line's own spacing: only in a line whose em is measured)
    word_gap, digit_gap = (WORD_GAP_EM * size, DIGIT_GAP_EM * size) if measured else (gap, gap)
    parts: list[str] = []
    prev_end: Optional[float] = None
    prev_wide = False
    least_gap = min(gap, word_gap, digit_gap)  # a step no wider than this is no gap of any kind (most steps)
    for _, x, ch, wide in group:
        if prev_end is not None and x - prev_end > least_gap and parts[-1][-1] != " ":
            space = x - prev_end
            if space > gap and measured:
                # table cells or a tab stop, in a line of its em: two spaces, a cell gap as a text has one
                # (normalisation keeps two spaces, and the table readers split on them)
                parts.append(CELL_GAP)
            elif space > gap or (space > word_gap and wide and prev_wide) or (space > digit_gap and ch.isdigit() and parts[-1].isdigit()):
                parts.append(" ")  # a space the PDF did not write (or the gaps of a line spaced out: 通   知)
        parts.append(ch)
        prev_end = x + (size if wide else half)  # x + _advance(ch, size)
        prev_wide = wide
    text = "".join(parts).strip()
    if not text:
        return None
    first = next(c for c in group if not c[2].isspace())
    last = next(c for c in reversed(group) if not c[2].isspace())
    return _Line(page, text, first[1], last[1] + _advance(last[2], size), group[0][0], size, col=col)


def _advance(ch: str, size: float) -> float:
    return size if _wide(ch) else 0.5 * size


# ---------------------------------------------------------------- headers, footers, page numbers


def _fold(text: str) -> str:
    return DIGITS.sub("#", WHITE_SPACE.sub("", text))


def _edge_lines(page: _Page) -> list[int]:
    n = len(page.lines)
    return sorted(set(range(min(EDGE_LINES, n))) | set(range(max(n - EDGE_LINES, 0), n)))


def _drop_running_lines(pages: list[_Page], repairs: list[Repair]) -> None:
    """Drop page numbers and running headers/footers from the edges of every page.

    A page number is a page-number-shaped line among the first or last lines of a
    page.  A running header/footer is a short edge line that recurs (digits folded)
    at about the same height on at least ``REPEAT_SHARE`` of the pages.
    """
    heights: dict[str, list[tuple[int, float]]] = {}
    for page in pages:
        for i in _edge_lines(page):
            line = page.lines[i]
            if len(line.text) <= MAX_RUNNING and not (line.text[:1] == "附" and OWN_BLOCK_LINE.match(line.text)):
                # (an attachment's label atop each of its pages, 附件1 / 附件2 / 附件3, is no running header)
                heights.setdefault(_fold(line.text), []).append((page.number, line.y))
    need = max(2, int(REPEAT_SHARE * len(pages) + 0.999))
    running = set()
    for key, seen in heights.items():
        by_page = {p for p, _ in seen}
        if len(by_page) < need:
            continue
        ys = sorted(y for _, y in seen)
        median = ys[len(ys) // 2]
        if sum(1 for y in ys if abs(y - median) <= 24) >= need:
            running.add(key)
    for page in pages:
        drop: set[int] = set()
        edges = _edge_lines(page)
        for i in edges:
            line = page.lines[i]
            compact = WHITE_SPACE.sub("", line.text)
            if PAGE_NUMBER.match(compact) and _at_edge(page, i, drop):
                drop.add(i)
                repairs.append(Repair("page_number", 0, f"p{page.number}: {line.text}"))
            elif (BROWSER_HEADER.match(compact) or BROWSER_FOOTER.match(compact) or GAZETTE_HEAD.match(compact)) and _at_edge(page, i, drop, any_length=True):
                drop.add(i)
                repairs.append(Repair("browser_chrome", 0, f"p{page.number}: {line.text[:30]}"))
            elif _fold(line.text) in running:
                drop.add(i)
                repairs.append(Repair("running_header", 0, f"p{page.number}: {line.text[:30]}"))
        if drop:
            page.lines = [ln for i, ln in enumerate(page.lines) if i not in drop]


def _at_edge(page: _Page, i: int, dropped: set[int], any_length: bool = False) -> bool:
    """Is line ``i`` the first or last line of the page, once lines already dropped are ignored?
    (A short line, or with ``any_length`` any line, may also be the second or the last but one:
    a browser's footer under a page number, a page number above a footer.)"""
    kept = [j for j in range(len(page.lines)) if j not in dropped]
    near = any_length or len(page.lines[i].text) <= 8
    return i in (kept[0], kept[-1]) or near and (i in kept[:2] or i in kept[-2:])


# ---------------------------------------------------------------- paragraphs


def _column(lines: list[_Line], minimum: int = 8) -> Optional[tuple[float, float]]:
    """(left, right) edge of the text column of ``lines``, when enough long lines show it.

    Left: the leftmost start that at least a tenth of the lines share (first lines
    are indented further right; a cover page has more of them than full lines).  Right: the
    commonest end of the lines reaching across most of the column, among the ends near the
    rightmost one that two lines share; justified OCR'd lines end up to half an em either side
    of it, punctuation may hang beyond it.
    """
    body = [ln for ln in lines if len(ln.text) >= 6]
    if len(body) < minimum:
        return None
    # (the short last lines of paragraphs too: where most paragraphs take one line and a bit, they
    # are most of the lines at the left edge, the first lines being indented)
    starts = Counter(round(ln.x0 / 2) for ln in lines if len(ln.text) >= 2)
    shared = max(2, len(body) // 10)
    left = min((k for k, v in starts.items() if v >= shared), default=min(starts)) * 2.0
    # Only lines reaching across most of the widest line's span: on a page with few full lines, the
    # headings of one length (四、国际合作 五、政策保障 六、组织实施, six characters each) would
    # otherwise be the commonest end, and every line reaching it would count as full.
    reach = max(ln.x1 for ln in body) - left
    ends = Counter(round(ln.x1 / 2) for ln in body if ln.x1 - left >= EDGE_LINE_SHARE * reach) \
        or Counter(round(ln.x1 / 2) for ln in body)
    # Each 2-pt bin counted with its neighbours (OCR jitter).
    score = {k: ends[k] + ends.get(k - 1, 0) + ends.get(k + 1, 0) for k in ends}
    # Nor from centred lines ending alike (a cover's 青岛市人民政府 and 青政发〔2022〕25号 above two
    # full lines): no two lines end right of the edge, but a line's hanging punctuation (up to an
    # em beyond) may, so the commonest end is taken among those within EDGE_HANG_EMS of the
    # rightmost shared one.
    both = [k for k, v in score.items() if v >= 2]
    if both:
        size = sorted(ln.size for ln in body)[len(body) // 2]
        floor = max(both) - EDGE_HANG_EMS * size / 2
        score = {k: v for k, v in score.items() if k >= floor}
    right = max(score, key=lambda k: (score[k], k)) * 2.0
    return left, right




def _decide_paragraphs(pages: list[_Page]) -> None:
    every = [ln for p in pages for ln in p.lines]
    fallback = _column(every, minimum=1)
    prev: Optional[_Line] = None
    prose = False  # the paragraph so far has sentence punctuation (it is prose, not a title)
    depth = 0  # the （ and 《 the paragraph so far has left open
    next_row = 0  # after a table's header (序号 …): the number the next row starts with
    for page in pages:
        cols = {ln.col for ln in page.lines}
        edges = {col: _column([ln for ln in page.lines if ln.col == col]) or fallback for col in cols} if len(cols) > 1 else {}
        column = _column(page.lines) or fallback
        for line in page.lines:
            if edges:
                column = edges[line.col]
            if column is not None:
                line.column_left, line.column_right = column
            row = False
            if next_row and line.text[:1].isdigit():
                m = TABLE_ROW_NUMBER.match(line.text)
                row = m is not None and int(m.group("n")) == next_row
                next_row += row
            own_block = False
            if line.text[:1] == "序" and TABLE_HEADER_LINE.match(line.text):
                next_row, own_block = 1, True
            elif line.text[:1] in "附抄" and OWN_BLOCK_LINE.match(line.text):
                own_block = True
            ruled = line.ruled or (prev is not None and prev.ruled)  # a table's row, or the line after the table
            line.starts_paragraph = (prev is None or column is None or row or own_block or ruled
                                     or _starts_paragraph(prev, line, prose, depth > 0))
            prose = bool(PROSE_PUNCT.search(line.text)) or (prose and not line.starts_paragraph)
            if line.starts_paragraph:
                depth = 0
            if depth or "（" in line.text or "《" in line.text:
                depth = max(0, depth + _bracket_depth(line.text))
            line.space_before = (not line.starts_paragraph and prev is not None and prev.page == line.page
                                 and prev.text[-1] < "\x80" and _between_words(prev.text[-1], line.text[0])
                                 and ((not _full(prev) and _no_room(prev, line)) or _two_decimals(prev.text, line.text)))
            prev = line


def _full(line: _Line) -> bool:
    """Does the line reach the right edge of its column (within less than one character)?"""
    return line.x1 >= line.column_right - 0.75 * line.size


def _no_room(prev: _Line, line: _Line) -> bool:
    """Would the first word of ``line`` not have fit at the end of ``prev``?  Then ``prev`` was wrapped
    before it, full or not: a ragged-right line breaks before a number or a Latin word that does not
    fit, after another (…比率（%）82.9 | 83.6 约束性), and before a character that punctuation may not be
    parted from (…节约用 | 水、).  Half-width characters are taken as half an em, the narrowest they are set."""
    word = LEADING_HALFWIDTH.match(line.text)
    if word is not None:
        if not prev.text[-1].isascii():
            return False  # …下降 | 13.5%: prose decides (a cover's 意见 | 04230 is no wrap)
        width = 0.5 * len(word.group())
    elif line.text[1:2] in NO_LINE_START:
        width = 2.0  # the character and the punctuation after it
    else:
        return False  # one character: ``_full`` says whether it had room
    return prev.x1 + width * line.size > prev.column_right + 0.1 * line.size


def _between_words(last: str, first: str) -> bool:
    """Do two lines meet between half-width letters or digits?  A line that is not full and had no room
    for the next word broke at a space there; one with room broke inside a number (…绿色建筑，2 | 025年)."""
    return last.isascii() and last.isalnum() and first.isascii() and first.isalnum()


def _two_decimals(before: str, after: str) -> bool:
    """Would the end of ``before`` and the start of ``after`` make one number of two decimal points
    (82.9 | 83.6 of a justified line, stretched full)?  Then a space parted them."""
    end = TRAILING_NUMBER.search(before)
    start = LEADING_HALFWIDTH.match(after)
    return end is not None and "." in end.group() and start is not None and "." in start.group()


def _bracket_depth(text: str) -> int:
    """（ and 《 that ``text`` opens, less those it closes."""
    return text.count("（") + text.count("《") - text.count("）") - text.count("》")


def _stretched(prev: _Line, line: _Line) -> bool:
    """Is the wider-spaced of two lines a justified line stretched full, at the other's line pitch (its
    characters spread wide, "点 工 程 减 排 量 分 别 达 到 15.4 万"), not a line of larger type?"""
    wider = line if line.size > prev.size else prev
    return _full(wider) and prev.page == line.page and 0 < prev.y - line.y <= 2.0 * min(line.size, prev.size)


def _heading_line(line: _Line) -> bool:
    """Is ``line`` a numbered heading on a line of its own (一、总体要求: its 、 is the number's, no prose)?"""
    number = CLAUSE_START.match(line.text) if line.starts_paragraph else None
    return number is not None and PROSE_PUNCT.search(line.text, number.end()) is None


def _starts_paragraph(prev: _Line, line: _Line, prose: bool, in_bracket: bool = False) -> bool:
    """Does ``line`` start a paragraph, given the line before it (``prose``: its paragraph is prose;
    ``in_bracket``: it has a （ or 《 open)?"""
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size) and not _stretched(prev, line):
        return True  # a change of type size: a title or heading
    if prev.page == line.page and prev.y - line.y > 3.3 * line.size:
        return True  # a blank line between them
    if (prev.text[-1] in SENTENCE_END or (prev.text[-1] in NOTE_CLOSERS and not in_bracket)) and CLAUSE_START.match(line.text):
        return True  # 一、 （二） after a finished sentence or a closed note (…按职责分工负责）), even without an indent
    if prev.text[-1] == "。" and not _full(line) and SIGNATURE_LINE.match(line.text):
        return True  # …请认真贯彻执行。 / 河南省人民政府办公厅 / 2022年6月10日: the signature, not the notice's words
    # The paragraph so far is prose and stops mid-sentence (not after 。； or a closing bracket).
    mid_sentence = prose and prev.text[-1] not in SENTENCE_END | CLOSERS and not CLAUSE_START.match(line.text)
    indented = line.x0 - line.column_left >= 0.8 * line.size
    if _full(prev) or (prev.text[-1] not in SENTENCE_END | CLOSERS and _no_room(prev, line)):
        # A full line continues on the next one; an indent after it starts a paragraph
        # unless the sentence is left open ("…对河北" / "工" set off by OCR).  A clause number after
        # a title or a heading starts one, indent or not: on a short plan's page the title, its
        # widest line, is "full", and so are headings of one length (烟台市碳达峰实施方案 /
        # 一、总体要求 / 二、重点任务); a wrapped heading is full too.
        if not in_bracket and CLAUSE_START.match(line.text) and (not prose or _heading_line(prev)):
            return True
        return indented and not mid_sentence
    if mid_sentence and in_bracket:
        # "…地热能等。（区发展" / "改革委…负责）": a paragraph split inside a bracket or a title (text
        # pasted from another PDF, each piece typed as its own paragraph), indent or not
        return False
    if indented:
        return True  # a first-line indent (or a centred line)
    # A short line ends its paragraph, unless it stops mid-sentence: text laid out twice
    # (a hard-wrapped page printed narrower) leaves a few characters of each line on the
    # next one ("…确保实现碳" / "达" / "峰、碳中和目标"), and lines of such a page end
    # anywhere.  A short numbered line without a full stop is a heading of its own
    # ("（三）加快…，助力…新动能"); "（十五）推进…。实施…“厂网一体" goes on.
    heading = (
        prev.starts_paragraph
        and CLAUSE_START.match(prev.text) is not None
        and "。" not in prev.text
        and prev.x1 - prev.column_left < 0.8 * (prev.column_right - prev.column_left)
    )
    return not mid_sentence or heading


# ---------------------------------------------------------------- result


def _source_text(pages: list[_Page], warnings: list[Warning_], repairs: list[Repair], metadata: dict[str, str]) -> SourceText:
    texts: list[str] = []
    line_pages: list[int] = []
    starts: list[bool] = []
    page_first_line: dict[int, int] = {}
    for page in pages:
        for k, line in enumerate(page.lines):
            if k == 0:
                page_first_line[page.number] = len(texts) + 1
            elif line.space_before:
                texts[-1] += " " + line.text
                continue
            texts.append(("\f" if k == 0 and page.number > 1 else "") + line.text)
            line_pages.append(page.number)
            starts.append(line.starts_paragraph)
    # Repairs found before the lines were numbered point at the first line of their page.
    numbered = []
    for r in repairs:
        page_no = int(r.detail[1:].split(":", 1)[0])
        numbered.append(Repair(r.kind, page_first_line.get(page_no, 1), r.detail))
    return SourceText(
        text="\n".join(texts),
        format="pdf",
        encoding="pdf",
        line_pages=tuple(line_pages),
        warnings=tuple(warnings),
        repairs=tuple(numbered),
        metadata=metadata,
        paragraph_starts=tuple(starts),
    )


def _metadata(pdf: "Document") -> dict[str, str]:
    """The document information dictionary's title, when it is a real one (not "Microsoft Word - x.doc")."""
    try:
        title = pdf.meta_text("Title").strip()
    except Exception:  # noqa: BLE001 - a broken info dictionary is not worth failing the read
        return {}
    if title and HAN_WORD.search(title) and not FILE_NAME_TITLE.search(title):
        return {"title": title}
    return {}
