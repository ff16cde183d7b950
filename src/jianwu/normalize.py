"""Raw bytes -> clean simplified text, with a map back to raw lines.

Steps, in order: decode; OpenCC t2s (and script detection); per line, remove
conversion artefacts and drop chrome / page-number lines; drop a trailer that
repeats the cover notice; unify punctuation and spacing; rejoin lines that a
page break or hard wrapping cut mid-sentence.  Paragraphs are separated by
one "\\n" in the result; blank lines are gone.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Optional, Union

import regex

from .errors import InputError
from .model import NormalizedText, Repair, Script
from .numbering import LABEL_MAX_CHARS, Token, can_start_token, match_label, match_token
from .ocr_repair import SPACE_BEFORE_PERCENT, confusions_possible, looks_ocred, repair_line as repair_ocr_line, word_confusions
from .patterns import compile_pattern
from .script import detect_script, detect_script_holding, to_simplified
from .std_patterns import compile_std

if TYPE_CHECKING:
    from .readers import SourceText

# ---------------------------------------------------------------- patterns

# Markdown bold / emphasis markers left by Word->Markdown converters: **（市级…负责）**
MARKDOWN_BOLD = compile_pattern(r"\*{2,}|(?<!\S)__|__(?!\S)")
# Markdown heading marks at line start: "## 一、总体要求"
MARKDOWN_HEADING = compile_pattern(r"^#{1,6}\s+")
# Lines that start a block of their own and are never joined to the line above: an attachment's
# label (附件 / 附件2 / 附件1：重点任务分工表 / 附表1), the 版记's 抄送： (not 附件所列项目…, prose) and
# the heading of a table of contents (目  录), which a short title line above it never continues.
# A table's header row (序号 重点任务 牵头单位), and a row of it: its number, then a cell (1  实施… / 1实施…).
TABLE_HEADER_LINE = compile_pattern(r"^序\s*号")
# The same header set one cell per line (序号 / 重点任务 / 牵头单位): its rows' numbers stand alone
# on their lines, where a bare number is otherwise a page number.
CELL_HEADER_LINE = compile_pattern(r"^序\s*号$")
# The first cell of a table of main indicators set one cell per line (指标 / 单位 / 2020年 / 2025年 / 属性):
# its cells below stand alone on their lines, a value (18, 13.5) where a bare number is otherwise a page
# number; each is a line of its own, never joined to the cell above (—, %).  The table runs until a line
# of prose (a sentence mark, or longer than any cell).
INDICATOR_HEADER_CELLS = frozenset(("指标", "指标名称", "主要指标", "具体指标", "指标内容"))
INDICATOR_HEADER_FIRST = frozenset(c[0] for c in INDICATOR_HEADER_CELLS)
MAX_TABLE_CELL = 40
TABLE_CELL_END = compile_std(r"[，。；！？,;!?]")
TABLE_ROW_NUMBER = compile_pattern(r"^(?P<n>\d{1,3})(?![\d.．%])(?=\s*\p{Han})")
# A note under a table (注：各市州人民政府负责本地区任务落实，表中不再列出。): a line of its own after
# the last row, though the row ends without a stop (…省农业农村厅、省林业局 2025年底前).
TABLE_NOTE_LINE = compile_pattern(r"^(?:注|备注|说明)\s*[：:∶]")
OWN_BLOCK_LINE = compile_pattern(r"^(?:附\s*[件表]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*(?:[：:]\s*\S.{0,40})?$|抄\s*送[：:]|目\s*录\s*[：:]?$)")
# Word bookmarks exported as text: [bookmark: _GoBack]
BOOKMARK = compile_pattern(r"\[bookmark:[^\]]*\]")
# Pinyin that some mirror sites put after characters: 和【hé】新【xīn】疆 -> 和新疆
PINYIN_RUBY = compile_pattern(r"【[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}】")
# The same in half-width brackets after a hanzi, from a mirror's conversion to traditional characters:
# "印發(fā)給你們" -> "印發給你們".  A tone mark is required: 长度(km), 方案(a) are no pinyin.
PINYIN_PAREN = compile_pattern(r"(?<=\p{Han})\((?=[a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}\)")
# The comma such a mirror doubles, or writes before the text's own mark: "给你们,,请" / "一,、总体要求" /
# "组织实施,。" -> "给你们，请" / "一、总体要求" / "组织实施。" (after HALF_PUNCT has made it full-width).
DOUBLED_COMMA = compile_pattern(r"(?<=\p{Han})，(?=[，、。；：])")
# HTML leftovers: &nbsp; <br/>
HTML_LEFTOVER = compile_pattern(r"&nbsp;|&ensp;|&emsp;|<br\s*/?>", regex.IGNORECASE)
# A `jianwu check` silencing marker a reviewer added at a line's end (read by
# jianwu.check, removed here so it never reaches the parsed text):
# "…按职责分工负责  jianwu: ignore JW011" / "<!-- jianwu: ignore JW011, JW020 -->"
CHECK_IGNORE_MARKER = compile_pattern(
    r"\s*(?:<!--\s*)?jianwu\s*[:：]\s*ignore\s+(?P<rules>JW\d{3}(?:\s*[,，]?\s*JW\d{3})*)\s*(?:-->)?\s*$",
    regex.IGNORECASE,
)

# Web-page chrome lines, in simplified form (matched after t2s).
# 首页 政务公开 渝快办 … / 当前的位置: 首页>… / 字体: / 返回顶部 / 【版权声明】…
CHROME_LINE = compile_pattern(
    r"^(?:"
    r"首页(?:\s*[>＞»/|]\s*|\s+)\S.*"  # breadcrumb or navigation bar starting at 首页
    r"|(?:当前的?位置|您现在的位置|您的位置|当前位置|所在位置)\s*[:：].*"
    r"|【?\s*(?:字体|字号)\s*[:：].*"
    r"|(?:返回顶部|打印本页|关闭窗口|打印|关闭|分享到(?:[:：].*)?|收藏|扫一扫.*|【打印】.*|【关闭】.*|打印\s*[|｜/]\s*关闭)"
    r"|(?:浏览次数|访问量|阅读量|阅读次数|点击数|浏览量)\s*[:：]\s*\d+"
    r"|【?版权声明】?.*|.*版权所有.*|.*ICP备.*|网站标识码.*|(?:主办单位|承办单位|技术支持)\s*[:：].*"
    r")$"
)
# Page-number lines: — 3 —   - 12 -   －3－   第 3 页 共 10 页   3/10   a bare 1-3 digit line
PAGE_NUMBER_LINE = compile_pattern(
    r"^(?:[-—－–─~～·\s]*\d{1,3}[-—－–─~～·\s]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})$"
)
# A line is tried against CHROME_LINE only when it starts with a character one of its
# alternatives starts with (首页 当前位置 您的位置 所在位置 【字体 返回顶部 打印 关闭 分享到 收藏
# 扫一扫 版权声明 网站标识码 主办单位 承办单位 技术支持 浏览次数 访问量 阅读量 点击数) or holds a word it finds anywhere
# (…版权所有…, …ICP备…): most lines are prose and try nothing.  Keep in step with CHROME_LINE.
CHROME_FIRST = frozenset("首当您所【字返打关分收扫版网主承技浏访阅点")
CHROME_ANYWHERE = ("版权所有", "ICP备")
# Likewise for PAGE_NUMBER_LINE: a digit (DIGIT, \d as the pattern reads it), a dash or 第 first.
PAGE_NUMBER_FIRST = frozenset("-—－–─~～·第")
# One character of \s or \d as regex reads them (a line's first character, after strip: never a
# space in fact, tested all the same).
DIGIT = compile_pattern(r"\d")
SPACE = compile_pattern(r"\s")
# Whitespace variants and invisible characters.
# (These plain character classes use the standard library's re: it scans a text for them
# several times faster than regex does, with the same matches.)
SPACE_CHARS = "\u3000\u00a0" + "".join(map(chr, range(0x2002, 0x200B))) + "\u202f\t"  # \u2002-\u200a: en quad … hair space
SPACES = compile_std(f"[{SPACE_CHARS}]")
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = compile_std(f"[{INVISIBLE_CHARS}]")


def _has_any(text: str, chars: str) -> bool:
    """Does ``text`` hold one of ``chars``?  For a class of a few characters, a ``str.find`` per
    character (memchr) is 3-4 times quicker than the class's re scan, and most texts hold none
    (then ``sub`` would give the text back unchanged): "推进\u3000工作" -> True."""
    return any(ch in text for ch in chars)

HAN = r"\p{Han}"
CJK_PUNCT = "，。、；：！？（）《》〈〉“”‘’【】…—"
# A character that makes a neighbouring half-width mark "Chinese context".
CJK_CONTEXT = rf"[{HAN}{CJK_PUNCT}]"
# Spaces between Chinese and digits/Latin: "到 2025 年" -> "到2025年", "70% 以上" -> "70%以上"
# One space only: two or more (a tab is two, see unify) part a table's cells ("…不低于80%  省交通运输厅").
SPACE_CJK_THEN_ASCII = compile_pattern(rf"(?<={CJK_CONTEXT})[ ](?=[0-9A-Za-z%])")
SPACE_ASCII_THEN_CJK = compile_pattern(rf"(?<=[0-9A-Za-z%.])[ ](?={CJK_CONTEXT})")
# Spaces after an opening / before a closing Chinese mark: "（十四） 探索" -> "（十四）探索"
# After a closing bracket or a sentence's mark one space only: two part a table's cells
# ("省发展改革委（省能源局）  省经信厅", "…坚决遏制盲目发展。  省发展改革委").
SPACE_AFTER_OPEN = compile_pattern(r"(?<=[（《“])[ ]+|(?<=[），。、；：])[ ](?![ ])")
SPACE_BEFORE_CLOSE = compile_pattern(r"[ ]+(?=[，。、；：）》”])")
# A space after a decimal point inside prose, as an extraction sets a decimal's digits apart:
# "人均公园绿地面积达14. 5平方米" -> "…达14.5平方米", "PM2. 5" -> "PM2.5".  (After a hanzi or a
# Latin letter only: a clause number at a line's start, "1. 2025年底前…", or after a sentence's end,
# "…。2. 2025年…", is not a decimal.)
SPACE_IN_DECIMAL = compile_pattern(r"(?<=[\p{Han}A-Za-z]\d{1,6}\.)[ ](?=\d)")
# A line set letter-spaced (a Word export's 分散对齐, a PDF's wide heading): every hanzi apart,
# "第 一 章 总 体 要 求" -> "第一章总体要求", "附 件" -> "附件".  (A line of names, "沙坪坝区生态环境局
# 沙坪坝区交通局", has words apart, not characters.)
LETTER_SPACED_LINE = compile_pattern(r"^\p{Han}(?:[ ]+\p{Han})+$")
# A chapter's (section's, article's) number letter-spaced before its heading: "第 二 章 主要目标" -> "第二章 主要目标"
SPACED_ORDINAL = compile_pattern(r"^第[ ]*[一二三四五六七八九十百零〇\d]{1,4}[ ]*(?=[章节条篇])")
# a clause number set apart from its mark by an extraction: "1 .强化生态环境分区管控" -> "1.强化…"
SPACE_BEFORE_NUMBER_MARK = compile_pattern(r"^\d{1,3}\K[ ]+(?=[.．、][ ]*\p{Han})")
# Half-width brackets whose content is Chinese: (三) / (市发展改革委…负责)
HALF_PAREN_PAIR = compile_pattern(rf"\(([^()\n]*{HAN}[^()\n]*)\)")
# "(改革发展局…负责" with the ")" lost; "(“碳惠通”项目…" wrapped before its ")" (a PDF's line)
HALF_OPEN_BEFORE_HAN = compile_pattern(rf"\((?=[“‘《]?{HAN})")
HALF_CLOSE_AFTER_HAN = compile_pattern(rf"(?<={CJK_CONTEXT})\)")
# Half-width arabic item numbers before Chinese text: "(1)推进" -> "（1）推进"; also a 一 written as
# a dash (numbering.DASHED_NUMERAL): "(—)指导思想" -> "（—）指导思想"
HALF_PAREN_NUMBER = compile_pattern(rf"\((\d{{1,3}}|[二三四五六七八九]?十?[—–－ー])\)(?={HAN})")
# Half-width , ; : ? ! next to Chinese (1,000 and QQ:5 stay as they are).
HALF_PUNCT = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
HALF_PUNCT_IN_CJK = compile_pattern(rf"(?<={CJK_CONTEXT})[,;:?!]|[,;:?!](?={CJK_CONTEXT})")
# Full-width ASCII (０-９, Ａ-Ｚ, ％, ．) -> ASCII.
FULLWIDTH_ASCII: dict[int, Union[int, str]] = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
FULLWIDTH_ASCII.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
FULLWIDTH_ASCII.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
FULLWIDTH_ASCII.update({ord("％"): ord("%"), ord("．"): ord("."), ord("／"): ord("/")})
# The ratio sign Word users type for a colon: "责任单位∶自治区住房城乡建设厅" -> "："
FULLWIDTH_ASCII[ord("∶")] = ord("：")
# Clause numbers set as one enclosed character (WPS and Word fonts, text copied from their PDFs):
# "㈠指导思想" -> "（一）指导思想", "⑴推进" -> "（1）推进", "⒈大力发展" -> "1.大力发展".  (The circled
# ① … ⑳ are a numbering style of their own, kept.)
ENCLOSED_NUMBERS: dict[int, str] = {0x3220 + i: f"（{h}）" for i, h in enumerate("一二三四五六七八九十")}
ENCLOSED_NUMBERS.update({0x2474 + i: f"（{i + 1}）" for i in range(20)})  # ⑴ … ⒇
ENCLOSED_NUMBERS.update({0x2488 + i: f"{i + 1}." for i in range(20)})  # ⒈ … ⒛
FULLWIDTH_ASCII.update(ENCLOSED_NUMBERS)
# A character FULLWIDTH_ASCII changes ("２０２５", "％", "∶", "㈠"): a line without one is not translated
# (str.translate looks up every character of a Chinese line in the table).
FULLWIDTH_CHAR = compile_std("[" + "".join(re.escape(chr(c)) for c in sorted(FULLWIDTH_ASCII)) + "]")

# A line ends a sentence when it ends with one of these.
TERMINATORS = set("。！？；：…!?;")
# A line cannot end a paragraph when it ends with one of these: "高耗能、高排放、" / "（区发展"
OPEN_ENDINGS = set("，、（《“‘—－-,(")
# Closing brackets end a paragraph (responsibility notes do); a closing quote
# only when a terminator stands inside it: …“碳惠通” / 平台，… is one sentence.
BRACKET_CLOSERS = set("）】]")
QUOTE_CLOSERS = set("》”’」』")
# A line cannot start a paragraph with one of these.
CONTINUATION_STARTS = set("，。、；：）》”’%")
PROSE_PUNCT = compile_pattern(r"[，。、；！？,;]")
# The last characters of an organisation's name (局, 委员会, 人民政府, 办公室 …), as metadata.ORG_SUFFIXES end.
ORG_NAME_ENDS = frozenset("局委会厅部院署府办室心所处团行社组议")
# A date alone on its line, as a signature's: 2023年7月3日, 二〇二三年七月三日
SIGNATURE_DATE_LINE = compile_pattern(r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}|[〇○OoＯ０零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3})\s*日$")
# A 文号 alone on its line (发改产业〔2022〕200号, （国发〔2021〕4号）): it never continues the line above,
# a notice title with 、 between its issuers (国家发展改革委、工业和信息化部…关于印发…的通知).
DOC_NUMBER_LINE = compile_pattern(r"^[（(]?\p{Han}{1,12}[〔［\[【(（﹝]\d{4}[〕］\]】)）﹞]第?\d{1,4}号[）)]?$")
# Characters that take two columns on a page (CJK and full-width forms).
WIDE_CHAR = compile_pattern(r"[\u2e80-\U0010ffff]")
# A run of the other characters, removed to count the wide ones (few runs in a Chinese line).
NARROW_RUN = compile_std(r"[\x00-\u2e7f]+")  # [^\u2e80-\U0010ffff]+, which takes 4x as long to compile
# A hanzi or a digit on each side of a line break: a word a page break may have cut ("碳达|峰").
HAN_OR_DIGIT = compile_pattern(rf"[{HAN}\d]")
# Control characters that do not occur in text files.
CONTROL_CHAR = compile_pattern(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# C0 and C1 control characters (tab and line breaks aside), removed from every line so
# that none reaches a terminal (ESC starts escape sequences, BEL rings): "推进\x1b[2J工作".
# \f and \v are included: a page break has already been noted when they are removed.
LINE_CONTROL = compile_std(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
# Any character LINE_CONTROL (but \f, which PDF texts hold on every page), INVISIBLE, SPACES or
# FULLWIDTH_CHAR finds, in one class: a text without one (most) skips their passes.  "推进\u3000" / "２０２５"
RARE_CHARS = "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f" + INVISIBLE_CHARS + SPACE_CHARS + "".join(re.escape(chr(c)) for c in sorted(FULLWIDTH_ASCII))
RARE_CHAR = compile_std(f"[{RARE_CHARS}]")


# ---------------------------------------------------------------- decoding


# Encodings a text file is tried in, in order, when it has no BOM: UTF-8, the
# mainland's GB18030 (a superset of GBK and GB 2312), then Big5 as published in
# Taiwan and Hong Kong (Big5-HKSCS adds Hong Kong's characters).
TEXT_ENCODINGS = ("utf-8", "gb18030", "big5", "big5hkscs")


def decode(raw: bytes, source: str) -> tuple[str, str]:
    """Decode UTF-8 (BOM or not), UTF-16 with BOM, GB18030 or Big5; else InputError.

    A decoding must also be plausible Chinese (``jianwu.plausibility``): GB18030
    accepts almost any bytes, so a Big5 or Shift-JIS file would otherwise come out
    as mojibake and be parsed without a word.  The error names every encoding tried.
    """
    from .plausibility import judge

    if not raw.strip():
        raise InputError(source, "empty file")
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf-8", source), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf-16", source), "utf-16"
    if b"\x00" in raw:
        raise InputError(source, "binary file (NUL bytes), not a text document")
    tried: list[str] = []
    for encoding in TEXT_ENCODINGS:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            # (where: a file cut short ends in half a character, a pasted piece in another encoding starts somewhere)
            cut = ": the file ends inside a character" if exc.end >= len(raw) and exc.reason == "unexpected end of data" else ""
            tried.append(f"{encoding} (invalid byte at offset {exc.start}{cut})")
            continue
        if _looks_binary(text):
            raise InputError(source, "binary file (control characters), not a text document")
        verdict = judge(text)
        if verdict.plausible:
            return text, encoding
        tried.append(f"{encoding} ({verdict.describe()})")
    raise InputError(source, f"cannot decode as Chinese text; tried {', '.join(tried)}")


def _strict(raw: bytes, encoding: str, source: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"cannot decode as {encoding}: {exc.reason} at byte {exc.start}") from None
    return text.lstrip("\ufeff")


def _looks_binary(text: str) -> bool:
    return len(CONTROL_CHAR.findall(text)) > max(2, len(text) // 200)


# ---------------------------------------------------------------- line work  (script detection: script.py)


class _Line:
    """One kept line: its raw line number, cleaned text and layout, its numbering token.

    A plain class with slots (a dataclass with ``__post_init__`` cost a microsecond more per
    line, and normalisation makes one per line of every text).
    """

    __slots__ = ("raw", "text", "indent", "gap_before", "page_break_before", "token", "block_start", "_width")

    def __init__(self, raw: int, text: str, indent: int, gap_before: bool = False, page_break_before: bool = False) -> None:
        self.raw = raw  # 1-based raw line number
        self.text = text
        self.indent = indent  # display width of the raw line's leading white space (a paragraph indent)
        self.gap_before = gap_before  # blank or dropped lines stand between this and the previous line
        self.page_break_before = page_break_before  # a page-number line was dropped just before this line
        # Computed once per line: running headers, the trailer and joining each ask again.
        # Its numbering token: match_token only for a first character a style can start
        # (most lines are prose), LABEL_HEADING only for a line short enough (match_label's test).
        token = match_token(text) if _may_number(text[0]) else None
        self.token: Optional[Token] = token
        # numbered, or a label heading (指导思想：)
        self.block_start = token is not None or (len(text) <= LABEL_MAX_CHARS and match_label(text) is not None)
        self._width: Optional[int] = None  # see width

    @property
    def width(self) -> int:
        """Display width the line took on the page, indent included.

        Computed when first asked: only joining without the reader's paragraph starts asks.
        """
        if self._width is None:
            self._width = _display_width(self.text) + self.indent
        return self._width


class _LazyLine(_Line):
    """A ``_Line`` whose numbering token and block start are computed when first asked.

    For lines joined by the reader's paragraph starts (a PDF's physical lines): joining then asks
    neither, and only the cover lines (``_drop_trailer``, up to the first block start) and the cells
    of an indicator table do; a PDF has about ten physical lines per numbered one.
    """

    __slots__ = ("_token", "_block_start")

    def __init__(self, raw: int, text: str, indent: int, gap_before: bool = False, page_break_before: bool = False) -> None:
        self.raw = raw
        self.text = text
        self.indent = indent
        self.gap_before = gap_before
        self.page_break_before = page_break_before
        self._block_start: Optional[bool] = None  # not computed yet
        self._width = None

    def _number(self) -> None:
        text = self.text
        token = match_token(text) if _may_number(text[0]) else None
        self._token = token
        self._block_start = token is not None or (len(text) <= LABEL_MAX_CHARS and match_label(text) is not None)

    @property  # type: ignore[override]
    def token(self) -> Optional[Token]:
        if self._block_start is None:
            self._number()
        return self._token

    @property  # type: ignore[override]
    def block_start(self) -> bool:
        if self._block_start is None:
            self._number()
        return self._block_start  # type: ignore[return-value]


# A PDF's line joined by the reader's paragraph starts is a pair (raw line number, cleaned text), not
# a _Line: joining then reads neither layout nor numbering, and only the cover lines (_drop_trailer, up
# to the first block start) and the cells of an indicator table ask a line's numbering (_pair_token,
# _pair_block_start: as _LazyLine computes them).  A tuple is made in C, where a _LazyLine's __init__
# cost about 1,500 instructions a line, and a PDF has about ten physical lines per numbered one.  (A
# PDF's running headers are the reader's work: _drop_running_headers, which reads gaps and page breaks,
# is not run on it.)
ReaderLine = tuple[int, str]


def _pair_token(pair: ReaderLine) -> Optional[Token]:
    """The numbering token of a PDF line's pair, as ``_Line.token``."""
    text = pair[1]
    return match_token(text) if _may_number(text[0]) else None


def _pair_block_start(pair: ReaderLine) -> bool:
    """Does a PDF line's pair start a block, as ``_Line.block_start``?"""
    text = pair[1]
    return _pair_token(pair) is not None or (len(text) <= LABEL_MAX_CHARS and match_label(text) is not None)


@lru_cache(maxsize=1)
def confusions_write_fullwidth() -> bool:
    """Does a correction of ``ocr_repair.word_confusions`` hold a full-width ASCII character (none does)?"""
    return FULLWIDTH_CHAR.search("".join(right for _wrong, right in word_confusions())) is not None


# first character of a line -> can a numbering style start there (numbering.can_start_token), as met.
_may_number = lru_cache(maxsize=4096)(can_start_token)


# The characters the steps of clean_inline look for (their tests below, in one class): a line
# without any is only translated (FULLWIDTH_ASCII, which makes none of them) and stripped.
INLINE_MARK_CHARS = "nN[【&<#*_(),;:?! "
INLINE_MARK = compile_std(r"[nN\[【&<#*_(),;:?! ]")  # [INLINE_MARK_CHARS]
# The bytes that are no ASCII mark of INLINE_MARK_CHARS nor \n, deleted by bytes.translate (normalize_text).
_NOT_ASCII_MARK = bytes(b for b in range(128) if chr(b) not in INLINE_MARK_CHARS + "\n")


def clean_inline(line: str, fullwidth: bool = True) -> str:
    """Artefact removal and punctuation/spacing unification inside one line.

    ``fullwidth=False``: the caller knows the line holds no FULLWIDTH_ASCII character.
    """
    if INLINE_MARK.search(line) is None:  # nine lines in ten
        if fullwidth and FULLWIDTH_CHAR.search(line):
            line = line.translate(FULLWIDTH_ASCII)
        return line.strip()
    return _clean_steps(line, fullwidth)


def _clean_steps(line: str, fullwidth: bool) -> str:
    """``clean_inline`` step by step."""
    # Each step runs only on a line holding a character its pattern cannot match without
    # (most lines hold none): the same result, without sixteen scans of every line.
    if "n" in line or "N" in line:  # "jianwu: ignore …" (IGNORECASE: only n and N match an n)
        line = CHECK_IGNORE_MARKER.sub("", line)
    if "[" in line:
        line = BOOKMARK.sub("", line)
    if "【" in line:
        line = PINYIN_RUBY.sub("", line)
    if "&" in line or "<" in line:
        line = HTML_LEFTOVER.sub(" ", line)
    if "#" in line:
        line = MARKDOWN_HEADING.sub("", line)
    if "*" in line or "_" in line:
        line = MARKDOWN_BOLD.sub("", line)
    if fullwidth and FULLWIDTH_CHAR.search(line):
        line = line.translate(FULLWIDTH_ASCII)
    if "(" in line:
        if ")" in line:
            line = PINYIN_PAREN.sub("", line)
        line = HALF_PAREN_PAIR.sub(r"（\1）", line)
        # (each of the next two needs a "(" still there: HALF_PAREN_PAIR turned most of them, e.g. (三))
        if "(" in line:
            line = HALF_PAREN_NUMBER.sub(r"（\1）", line)
        if "(" in line:
            line = HALF_OPEN_BEFORE_HAN.sub("（", line)
    if ")" in line:
        line = HALF_CLOSE_AFTER_HAN.sub("）", line)
    if "," in line or ";" in line or ":" in line or "?" in line or "!" in line:  # HALF_PUNCT
        line = _full_width_punct(line)
        if "，，" in line or "，、" in line or "，。" in line or "，；" in line or "，：" in line:  # (DOUBLED_COMMA's)
            line = DOUBLED_COMMA.sub("", line)
    if " " in line:
        # (each rule removes spaces only, and needs one: the line is done when none is left)
        line = SPACE_CJK_THEN_ASCII.sub("", line)
        if " " in line:
            line = SPACE_ASCII_THEN_CJK.sub("", line)
        if " " in line:
            line = SPACE_AFTER_OPEN.sub("", line)
        if " " in line:
            line = SPACE_BEFORE_CLOSE.sub("", line)
        if " " in line and "." in line:
            line = SPACE_IN_DECIMAL.sub("", line)
        if " " in line and line[:1].isdigit():
            line = SPACE_BEFORE_NUMBER_MARK.sub("", line)
        if " " in line and ("%" in line or "‰" in line):
            line = SPACE_BEFORE_PERCENT.sub("", line)  # "达到20 %左右" -> "达到20%左右" (every text, not OCR's only)
        if " " in line and LETTER_SPACED_LINE.match(line) is not None:
            line = line.replace(" ", "")
        if " " in line and line[:1] == "第":
            line = SPACED_ORDINAL.sub(lambda m: m.group().replace(" ", ""), line)
    return line.strip()


def _half_punct_mark(m: regex.Match[str]) -> str:
    return HALF_PUNCT[m.group()]


def _full_width_punct(line: str) -> str:
    """``HALF_PUNCT_IN_CJK.sub`` of HALF_PUNCT's marks, without a Python call per mark when it can:
    "推进,落实;完成" -> "推进，落实；完成".

    Each match is one mark, so when there are as many matches (findall, in C, the same scan as sub's)
    as marks in the line, sub turns every mark: ``str.replace`` of each mark does the same.  A line
    with a mark outside Chinese context (1,000 / QQ:5) goes through the callback as before.
    """
    present = [mark for mark in HALF_PUNCT if mark in line]
    if len(HALF_PUNCT_IN_CJK.findall(line)) == sum(line.count(mark) for mark in present):
        for mark in present:
            line = line.replace(mark, HALF_PUNCT[mark])
        return line
    return HALF_PUNCT_IN_CJK.sub(_half_punct_mark, line)


# first character of a stripped line -> (may it be CHROME_LINE, may it be PAGE_NUMBER_LINE), as met.
@lru_cache(maxsize=4096)
def _first_checks(first: str) -> tuple[bool, bool]:
    space = SPACE.match(first) is not None
    return (first in CHROME_FIRST or space, first in PAGE_NUMBER_FIRST or space or DIGIT.match(first) is not None)


NO_FIRST_CHECKS = (False, False)


@lru_cache(maxsize=4096)
def _line_first_checks(first: str) -> Optional[tuple[bool, bool]]:
    """``_first_checks(first)``, or None when neither holds and ``first`` starts no table header line
    either (序号, INDICATOR_HEADER_CELLS): normalize_text's loop then skips its first-character tests."""
    checks = _first_checks(first)
    return None if checks == NO_FIRST_CHECKS and first != "序" and first not in INDICATOR_HEADER_FIRST else checks


def _may_drop(line: str) -> tuple[bool, bool]:
    """(may stripped ``line`` match CHROME_LINE, may it match PAGE_NUMBER_LINE); False: it cannot."""
    chrome, page_number = _first_checks(line[0])
    return chrome or CHROME_ANYWHERE[0] in line or CHROME_ANYWHERE[1] in line, page_number


def _display_width(s: str) -> int:
    """Columns ``s`` takes: two for each wide character (WIDE_CHAR), one for the rest."""
    if s.isascii():
        return len(s)
    return len(s) + len(NARROW_RUN.sub("", s))


# A hard wrap is not read where more than one line in this many is wider than the wrap.
WRAP_OVER_SHARE = 10


def _wrap_width(lines: list[_Line]) -> Optional[int]:
    """The width a hard-wrapped (PDF) extraction cut its lines at, if it did."""
    measured = [ln for ln in lines if len(ln.text) >= 8]
    if len(measured) < 8:
        return None
    # A line is at least as wide as it is long: when a quarter of them are longer than 110
    # characters, the 75th percentile of the widths is over 110 (a text of whole paragraphs per
    # line, most texts that are not PDFs), known without measuring a line.
    if sum(1 for ln in measured if len(ln.text) > 110) >= len(measured) - (len(measured) * 3) // 4:
        return None
    widths = sorted(ln.width for ln in measured)
    p75 = widths[(len(widths) * 3) // 4]
    if p75 > 110:
        return None  # whole paragraphs per line: not hard-wrapped
    near_full = len(widths) - bisect_left(widths, p75 - 4)
    if near_full * 2 < len(widths):
        return None
    # No line of a hard wrap runs past its width: lines well wider than most (more than one in
    # WRAP_OVER_SHARE) are whole paragraphs of a short text, not the rest of a wrap.
    over = len(widths) - bisect_right(widths, p75 + 4)
    if over * WRAP_OVER_SHARE > len(widths):
        return None
    # A hard wrap cuts a line wherever the width runs out, mostly mid-sentence; lines of one
    # width that mostly end a sentence are paragraphs of one line each (a short list of tasks
    # of like length: 加快推动工业领域节能降碳改造工作。 / 加快推动建筑领域…。), not a wrap.
    ended = sum(1 for ln in lines if ln.width >= p75 - 4 and len(ln.text) >= 8 and ln.text[-1] in TERMINATORS)
    return p75 if ended * 2 <= near_full else None


def _is_heading(line: _Line) -> bool:
    """A numbered heading line such as 一、总体要求 / （一）指导思想 (no prose after it)."""
    token = line.token
    if token is None:
        return False
    rest = line.text[token.end:]
    return len(rest) <= 30 and not PROSE_PUNCT.search(rest)


def _unbalanced_open(line: str) -> bool:
    return line.count("（") > line.count("）") or line.count("《") > line.count("》")


def _own_block(text: str) -> bool:
    """Is this a line never joined to the line above, though not a clause (附件2, 抄送：…)?"""
    return text[0] in "附抄目" and OWN_BLOCK_LINE.match(text) is not None


def _continues(prev: _Line, nxt: _Line, wrap: Optional[int]) -> bool:
    """Does ``nxt`` continue the sentence that ``prev`` left open?"""
    a, b = prev.text, nxt.text
    if nxt.block_start or _own_block(nxt.text):
        # A label-shaped line (设兵团：) after prose cut mid-word is the rest of a wrapped line
        # (…直辖市人民政府，新疆生产建 / 设兵团：), not a heading; a numbered line is never a rest.
        return (
            nxt.token is None
            and not _own_block(b)
            and HAN_OR_DIGIT.match(a[-1]) is not None
            and ((wrap is not None and prev.width >= wrap - 4) or PROSE_PUNCT.search(a) is not None)
            and not _is_heading(prev)
        )
    if b[-1] in "号）)" and DOC_NUMBER_LINE.match(b) is not None:
        return False
    if a[-1] == "日" and SIGNATURE_DATE_LINE.match(a) is not None:
        # A signature's date ends its block, however wide its line (set to the right margin in a
        # layout extraction) and on whatever page the text goes on (2022年5月26日 / \f为认真落实…).
        return False
    if a.endswith("的通知") and "关于" in a and "。" not in a and b[0] not in CONTINUATION_STARTS:
        return False  # a notice title, complete (its addressees below: 各省、自治区…：), though its 、 look like prose
    if wrap and prev.width >= wrap - 4 and nxt.indent < 2:
        return True  # a full line of a hard-wrapped extraction, heading or not
    if _is_heading(prev):
        return False
    last = a[-1]
    if last in OPEN_ENDINGS or b[0] in CONTINUATION_STARTS:
        return True
    if nxt.page_break_before and last not in TERMINATORS and last not in BRACKET_CLOSERS:
        return True  # the page ended mid-sentence
    if last in TERMINATORS or last in BRACKET_CLOSERS:
        return False
    if last in QUOTE_CLOSERS and len(a) > 1 and a[-2] in TERMINATORS:
        return False
    if _unbalanced_open(a):
        return True  # "…（区发展" / "改革委…负责）"
    # Ends in a character or digit: a cut only when the line is prose, not a
    # title, issuer or date line (those have no sentence punctuation).
    if "、" in a and b[-1:] == "日" and all(name[-1:] in ORG_NAME_ENDS for name in a.split("、")) and SIGNATURE_DATE_LINE.match(b) is not None:
        return False  # names between 、 above a signature date (市发展改革委、市生态环境局 / 2023年7月3日)
    return bool(PROSE_PUNCT.search(a))


def _drop_running_headers(lines: list[_Line], repairs: list[Repair]) -> list[_Line]:
    """Drop a short line that a PDF repeats next to its page breaks (running header/footer).

    Only lines seen at least three times, at least twice right beside a dropped page
    number or a blank gap, count: a repeated clause line never sits there every time.
    """
    # The short lines counted first (Counter counts in C; most short lines are met once, and a
    # text none of whose lines repeats three times, most texts, is done), then where the repeated ones stand.
    counts = Counter([ln.text for ln in lines if len(ln.text) <= 40 and not ln.block_start])
    seen: dict[str, list[int]] = {text: [] for text, count in counts.items() if count >= 3}  # in first-seen order
    if not seen:
        return lines
    for i, ln in enumerate(lines):
        where = seen.get(ln.text)
        if where is not None and not ln.block_start:  # (a repeated text is short)
            where.append(i)
    drop: set[int] = set()
    for text, where in seen.items():
        beside_break = sum(
            1 for i in where if lines[i].page_break_before or (i + 1 < len(lines) and lines[i + 1].page_break_before)
        )
        if beside_break >= 2:
            drop.update(where)
            repairs.append(Repair("running_header", lines[where[0]].raw, f"{text[:30]} (x{len(where)})"))
    if not drop:
        return lines
    kept: list[_Line] = []
    for i, ln in enumerate(lines):
        if i in drop:
            if i + 1 < len(lines):
                lines[i + 1].gap_before = lines[i + 1].page_break_before = True
            continue
        kept.append(ln)
    return kept


def _drop_trailer(lines: list, repairs: list[Repair], pairs: bool = False) -> list:
    """Drop a block at the end that repeats lines of the cover notice.

    Word files saved from a 红头文件 often end with a second copy of the
    notice's last paragraph, the issuers and 此件公开发布.  ``pairs``: the lines are ReaderLine pairs.
    """
    block_start = _pair_block_start if pairs else BLOCK_START
    text_of = PAIR_TEXT if pairs else LINE_TEXT
    first_clause = next((i for i, ln in enumerate(lines) if block_start(ln)), None)
    if first_clause is None:
        return lines
    cover = {text_of(ln) for ln in lines[:first_clause]}
    start = len(lines)
    while start > first_clause + 1 and text_of(lines[start - 1]) in cover:
        start -= 1
    if len(lines) - start < 2:
        return lines
    raw = lines[start][0] if pairs else lines[start].raw
    repairs.append(Repair("trailer", raw, f"{len(lines) - start} lines repeating the cover notice"))
    return lines[:start]


BLOCK_START = attrgetter("block_start")
LINE_TEXT = attrgetter("text")
PAIR_TEXT = itemgetter(1)


def normalize_text(
    text: str,
    encoding: str = "utf-8",
    *,
    format: str = "text",
    line_pages: tuple[int, ...] = (),
    paragraph_starts: tuple[bool, ...] = (),
    reader_repairs: tuple[Repair, ...] = (),
) -> NormalizedText:
    """Normalise already-decoded text (see module docstring).

    ``format``, ``line_pages`` (page of each line of ``text``), ``paragraph_starts``
    (the reader's layout decision for each line; followed instead of guessing) and
    ``reader_repairs`` (what the reader repaired, sorted in with normalisation's own)
    come from the reader.
    """
    decoded = text
    # The text's ASCII characters, in one pass (about five instructions a character): a test of an
    # ASCII character on them is memchr over a few hundred bytes, where `in` on a Chinese text that
    # lacks it costs about four instructions a character (memchr's false hits: CJK characters hold the
    # bytes of ASCII ones).  Line breaks, form feeds, INLINE_MARK's and looks_ocred's marks are tested on it.
    ascii_bytes = text.encode("ascii", "ignore")
    if b"\r" in ascii_bytes:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    form_feeds = b"\f" in ascii_bytes
    # One scan for all the characters the whole-text passes below remove or unify: most texts
    # hold none (a PDF's form feeds aside: not in RARE_CHAR), and then none of those passes need
    # scan it; in a corpus run the same scan looks for a traditional hanzi (detect_script_holding).
    # (The script is the same with invisible characters removed or not: they are no hanzi.)
    script, traditional, rare = detect_script_holding(text, RARE_CHARS, RARE_CHAR)
    if rare and _has_any(text, INVISIBLE_CHARS):
        text = INVISIBLE.sub("", text)
    simplified = to_simplified(text) if traditional else text
    repairs: list[Repair] = []
    lines: list[Union[_Line, ReaderLine]] = []  # (a PDF's reader-joined lines: ReaderLine pairs)
    gap = page_break = False
    # OCR'd text layer: repair its spaces, brackets, look-alikes.  (Neither the removal of invisible
    # characters nor the line breaks' unification removes an ASCII character but \r: those of a text
    # not converted by t2s are the text's, as \n stands for \r.)
    # (without a rare character, in RARE_CHARS, the text holds no ideographic space, one of SPACE_CHARS)
    ocr = looks_ocred(simplified, ascii_bytes if not traditional else None, rare or bool(traditional))
    if rare or traditional:  # (OpenCC's conversion may write any character: looked at again)
        # No line can hold a full-width character the text lacks (OCR repairs aside, which rewrite lines).
        fullwidth = ocr or FULLWIDTH_CHAR.search(simplified) is not None
        # Control characters removed and spaces unified over the whole text at once (neither
        # pattern touches a line break, so its lines are the raw lines, cleaned).
        unified_text = LINE_CONTROL.sub("", simplified)
        if _has_any(unified_text, SPACE_CHARS):
            # (a tab, a table's cell gap in a text, becomes two spaces: see SPACE_CJK_THEN_ASCII)
            unified_text = SPACES.sub(" ", unified_text.replace("\t", "  ") if "\t" in unified_text else unified_text)
        form_feeds = "\f" in simplified
    else:  # the same, knowing the text holds no full-width ASCII, space variant, nor control character but \f
        # (and the OCR repairs write no full-width ASCII, but for a confusion word's correction holding one)
        fullwidth = ocr and confusions_write_fullwidth()
        unified_text = simplified.replace("\f", "") if form_feeds else simplified
    # The lines of a text without a rare character nor a traditional one are its raw lines, a form
    # feed taken out of the few holding one: split once, not twice.
    plain = not (rare or traditional)
    # Once for the whole text what no line can hold without it: a form feed (form_feeds), a word
    # CHROME_LINE finds anywhere in a line (looked for in each line only when the text holds one).
    # (the rarest character of each word first: a one-character `in` is memchr, a word's a slower scan)
    chrome_anywhere = ("权" in unified_text and CHROME_ANYWHERE[0] in unified_text) or ("备" in unified_text and CHROME_ANYWHERE[1] in unified_text)
    # An OCR'd text's misread words (ocr_repair.word_confusions) its lines can hold, found once.
    confusable = confusions_possible(unified_text) if ocr else ()
    # (_may_drop and clean_inline, inlined: a call per line is a tenth of the loop's time)
    first_checks = _line_first_checks
    inline_mark = INLINE_MARK.search
    # The marks of INLINE_MARK the text holds (a str.find each, memchr: a class's scan of every line
    # costs ten times as much): a line holds none of the others.  Most texts hold none or one (a
    # space, a half-width bracket), tested by `in`; with more, the class is searched.
    # (without a rare or traditional character, unified_text's ASCII characters are the text's but \f and \r)
    marks = [mark for mark in INLINE_MARK_CHARS if mark in unified_text] if not plain else \
        [mark for mark in INLINE_MARK_CHARS if (mark.encode() in ascii_bytes if mark < "\x80" else mark in unified_text)]
    one_mark = marks[0] if len(marks) == 1 else None
    # A plain text's lines holding an ASCII mark, found once: its ASCII bytes with every other byte
    # but \n deleted (C, over a few hundred bytes), split at \n, give each raw line the ASCII marks
    # it holds (b"": none).  A line's stripped text is a piece of its raw line (the OCR repairs
    # write no mark), so a line with none there and no non-ASCII mark (【, an `in` test) is passed
    # over unsearched.  (None: a text with \r, whose line breaks were rewritten, or not plain.)
    mark_lines = None
    if plain and marks and b"\r" not in ascii_bytes:
        mark_lines = ascii_bytes.translate(None, _NOT_ASCII_MARK).split(b"\n")
    wide_marks = [mark for mark in marks if mark >= "\x80"]
    wide_mark = wide_marks[0] if wide_marks else None  # (INLINE_MARK_CHARS holds one: 【)
    cell_row = 0  # under a table header 序号 alone on its line: the row number expected next
    cell_table = False  # under an indicator table's header set one cell per line (INDICATOR_HEADER_CELLS)
    cell_lines: set[int] = set()  # the raw numbers of its lines: each a line of its own
    header_first = INDICATOR_HEADER_FIRST
    # (joined by the reader's paragraph starts, the lines' tokens are asked of a few: see _LazyLine
    # and, for a PDF, ReaderLine)
    line_class = _LazyLine if paragraph_starts else _Line
    reader_lines = bool(paragraph_starts) and format == "pdf"  # (its lines: ReaderLine pairs)
    raw_lines = simplified.split("\n")
    chrome_goes_on = False  # the line before was a chrome paragraph's: its wrapped rest goes too
    for number, (raw_line, unified) in enumerate(zip(raw_lines, raw_lines if plain else unified_text.split("\n")), start=1):
        if form_feeds and "\f" in raw_line:  # pdftotext marks each page break with a form feed
            gap = page_break = True
            if plain:
                unified = raw_line.replace("\f", "")
        stripped = unified.strip()
        if not stripped:
            gap = True
            continue
        if chrome_goes_on:
            # The rest of a chrome paragraph the reader wrapped (a web page printed to PDF:
            # 【版权声明】本网为公益类网站，… / 者个人学习、研究或欣赏之用…): chrome as its first line is.
            if number <= len(paragraph_starts) and not paragraph_starts[number - 1]:
                repairs.append(Repair("chrome", number, stripped[:40]))
                continue
            chrome_goes_on = False
        first = stripped[0]
        checks = first_checks(first)
        # (None: the first character starts none of the lines tested here, and most lines are prose)
        if checks is not None or cell_table or chrome_anywhere:
            chrome, page_number = checks or NO_FIRST_CHECKS
            if first == "序" and CELL_HEADER_LINE.match(stripped):
                cell_row = 1  # a table set one cell per line: its row numbers stand alone below
            if cell_table:
                if len(stripped) > MAX_TABLE_CELL or TABLE_CELL_END.search(stripped) is not None:
                    cell_table = False  # prose again: the table ended
            elif first in header_first and stripped in INDICATOR_HEADER_CELLS:
                cell_table = True
            if chrome or (chrome_anywhere and (CHROME_ANYWHERE[0] in stripped or CHROME_ANYWHERE[1] in stripped)):
                if CHROME_LINE.match(stripped):
                    repairs.append(Repair("chrome", number, stripped[:40]))
                    gap = True
                    chrome_goes_on = bool(paragraph_starts)
                    continue
            if page_number and PAGE_NUMBER_LINE.match(stripped):
                if cell_row and stripped == str(cell_row):
                    cell_row += 1  # the next row's number, not a page number
                elif cell_table and stripped.isdigit() and not (form_feeds and "\f" in raw_line):
                    pass  # a value cell of the table, not a page number (one a page break stands beside is)
                else:
                    repairs.append(Repair("page_number", number, stripped))
                    gap = page_break = True
                    continue
        if ocr:
            stripped, fixed = repair_ocr_line(stripped, confusable)
            if fixed:  # (most lines: none, and no generator made for them)
                repairs.extend(Repair(f"ocr_{name}", number, stripped[:40]) for name in dict.fromkeys(fixed))
            # (the repairs write no mark of INLINE_MARK, nor white space at a line's end: a repaired line
            # holds only marks its line held, tested below as any line's; stripped once more all the same)
            stripped = stripped.strip()
        if marks and (mark_lines is None or mark_lines[number - 1] or (wide_mark is not None and wide_mark in stripped)) and (
                one_mark in stripped if one_mark is not None else inline_mark(stripped) is not None):
            # (a line found to hold a mark goes to the steps: clean_inline would search it for one again)
            cleaned = _clean_steps(stripped, fullwidth)
            if cleaned != stripped and ("**" in stripped or "[bookmark" in stripped):
                repairs.append(Repair("markdown", number, "conversion markup removed"))
            if not cleaned:
                gap = True
                continue
        elif fullwidth and FULLWIDTH_CHAR.search(stripped):
            # clean_inline's fast path: translated (the translation makes no white space, so
            # the stripped line stays stripped, and no mark of the markdown repair)
            cleaned = stripped.translate(FULLWIDTH_ASCII)
        else:
            cleaned = stripped
        # (a line not starting with white space has no indent: lstrip() leaves it whole)
        if reader_lines:
            lines.append((number, cleaned))  # type: ignore[arg-type]
        else:
            # (joined by the reader's paragraph starts, no line's indent is asked: _continues and the
            # wrap width, which read it, are not run)
            indent = _display_width(raw_line[: len(raw_line) - len(raw_line.lstrip())].replace("\t", "    ")) if not paragraph_starts and raw_line[:1].isspace() else 0
            lines.append(line_class(number, cleaned, indent, gap, page_break))
        if cell_table:
            if (_pair_token(lines[-1]) if reader_lines else lines[-1].token) is not None:  # a numbered heading (二、重点任务): the table ended
                cell_table = False
            else:
                cell_lines.add(number)
        gap = page_break = False
    # (a PDF's running headers are dropped by the reader, by where they sit on the page: a short line
    # repeated beside page breaks is then text, a note's wrapped end 按职责分工负责） as often as not)
    if format != "pdf":
        lines = _drop_running_headers(lines, repairs)
    lines = _drop_trailer(lines, repairs, reader_lines)
    # (the NormalizedText made once, with the reader's format, pages and repairs: each made
    # again by dataclasses.replace cost its line-start offsets again)
    return _join(lines, script, encoding, traditional, repairs, decoded, paragraph_starts, format, tuple(line_pages), reader_repairs,
                 cell_lines)


# Repairs in the order of their lines, then kinds: (r.line, r.kind), made in C (a PDF reports
# a page-number line per page).
REPAIR_ORDER = attrgetter("line", "kind")


def _join(
    lines: list[_Line],
    script: Script,
    encoding: str,
    traditional: int,
    repairs: list[Repair],
    raw: str,
    paragraph_starts: tuple[bool, ...] = (),
    format: str = "text",
    line_pages: tuple[int, ...] = (),
    reader_repairs: tuple[Repair, ...] = (),
    cell_lines: Optional[set[int]] = None,
) -> NormalizedText:
    """The lines joined into paragraphs; ``cell_lines`` (raw numbers): cells of a table, never joined."""
    parts: list[str] = []
    starts: list[tuple[int, int]] = []
    offset = 0
    if paragraph_starts:
        # The reader's layout: a paragraph at each line it starts one at, nothing judged.
        # (a PDF's lines are ReaderLine pairs already)
        pairs = lines if not lines or type(lines[0]) is tuple else [(ln.raw, ln.text) for ln in lines]
        for i, (number, text) in enumerate(pairs):  # type: ignore[misc]
            if i and paragraph_starts[number - 1]:
                parts.append("\n")
                offset += 1
            starts.append((offset, number))
            parts.append(text)
            offset += len(text)
    else:
        wrap = _wrap_width(lines)
        prev: Optional[_Line] = None
        next_row = 0  # after a table's header (序号 …): the number the next row starts with
        for ln in lines:
            row = ln.raw in cell_lines if cell_lines else False
            first = ln.text[0]
            if next_row:
                if first.isdigit() and (m := TABLE_ROW_NUMBER.match(ln.text)) is not None and int(m.group("n")) == next_row:
                    row = True
                    next_row += 1
                elif ln.token is not None or _own_block(ln.text):
                    next_row = 0  # the table ended: a clause, an attachment
                elif first in "注备说" and TABLE_NOTE_LINE.match(ln.text) is not None:
                    row = True  # a note under the table: its own line
                    next_row = 0
            elif first == "序" and TABLE_HEADER_LINE.match(ln.text):
                next_row = 1
            if prev is not None:
                if not row and _continues(prev, ln, wrap):
                    if ln.gap_before and HAN_OR_DIGIT.match(prev.text[-1]) and HAN_OR_DIGIT.match(ln.text[0]):
                        repairs.append(Repair("split_word", ln.raw, f"{prev.text[-6:]}|{ln.text[:6]}"))
                else:
                    parts.append("\n")
                    offset += 1
            starts.append((offset, ln.raw))
            parts.append(ln.text)
            offset += len(ln.text)
            # Keep judging continuation on the physical line just added.
            prev = ln
    return NormalizedText(
        text="".join(parts),
        line_starts=tuple(starts),
        script=script,
        encoding=encoding,
        traditional_chars=traditional,
        repairs=tuple(sorted(repairs + list(reader_repairs), key=REPAIR_ORDER)),  # (the reader's after ours)
        raw=raw,
        format=format,
        line_pages=line_pages,
    )


def normalize_bytes(raw: bytes, source: str = "<bytes>") -> NormalizedText:
    """Read ``raw`` in whatever format it is (text, PDF, Word, web page) and normalise it."""
    from .readers import read_bytes

    return normalize_source(read_bytes(raw, source))


def normalize_source(read: SourceText) -> NormalizedText:
    """Normalise what a reader read, keeping its format, pages and repairs."""
    # (its repairs sorted in with normalisation's, stable: after those of the same line and kind,
    # as sorting the two sorted lists again put them)
    return normalize_text(
        read.text,
        read.encoding,
        format=read.format,
        line_pages=read.line_pages,
        paragraph_starts=read.paragraph_starts,
        reader_repairs=tuple(read.repairs),
    )
