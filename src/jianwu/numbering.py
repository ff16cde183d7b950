"""Numbering tokens of Chinese official documents (GB/T 9704 and regulation style).

A token is recognised only at the start of a line.  Each style has an id, a
compiled pattern and a normalised spelling; the clause builder decides which
styles nest inside which from the order a document actually uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import regex

from .patterns import compile_pattern

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = r"[一二三四五六七八九十百零〇两]+"

# Each pattern is anchored at the start of a line; group "n" is the value.
# 第一部分 / 第一章 / 第十二条 / 第三节 : regulation style; 第一篇 : the part of a 规划纲要 above its chapters
VOLUME = compile_pattern(rf"^第(?P<n>{CN_NUMERAL}|\d+)篇\s*")
PART = compile_pattern(rf"^第(?P<n>{CN_NUMERAL}|\d+)部分\s*")
CHAPTER = compile_pattern(rf"^第(?P<n>{CN_NUMERAL}|\d+)章\s*")
SECTION = compile_pattern(rf"^第(?P<n>{CN_NUMERAL}|\d+)节\s*")
ARTICLE = compile_pattern(rf"^第(?P<n>{CN_NUMERAL}|\d+)条\s*")
# A numeral whose 一 (its units) a text layer or OCR gave as a dash of its shape: "—" of "—、总体要求",
# "十—" of "（十—）推进", "ー" (a katakana prolonged sound mark).  Read as 一 (DASH_AS_ONE), and only
# before the 、 or ） of a clause number: a dash has no other place there ("——统筹谋划" is none).
DASHES_AS_ONE = "—–－ー"
DASHED_NUMERAL = rf"(?:[二三四五六七八九]?十)?[{DASHES_AS_ONE}]"
DASH_AS_ONE = str.maketrans(DASHES_AS_ONE, "一" * len(DASHES_AS_ONE))
# 一、 二、 …   (also 一. / 一． written by some offices)
CN_DUN = compile_pattern(rf"^(?P<n>{CN_NUMERAL}|{DASHED_NUMERAL})[、.．]\s*")
# （一） （十四）   (half-width brackets are made full-width by normalisation)
CN_PAREN = compile_pattern(rf"^（(?P<n>{CN_NUMERAL}|{DASHED_NUMERAL})）\s*")
# 1. 1． 1、  but not 2.8亿 / 14.5% / 1.5倍 (a digit or % after the dot is a decimal)
ARABIC = compile_pattern(r"^(?P<n>\d{1,3})(?:[.．](?![\d%])|、)\s*")
# （1） and 1）, 1) (a lone half-width bracket is not made full-width by normalisation)
ARABIC_PAREN = compile_pattern(r"^（(?P<n>\d{1,3})）\s*")
ARABIC_RPAREN = compile_pattern(r"^(?P<n>\d{1,3})[）)]\s*")
# ① … ⑳
CIRCLED = compile_pattern(r"^(?P<n>[①-⑳])\s*")

# (style id, pattern, strong?) in the order they are tried.  A weak style's
# token is only accepted when its value fits the running sequence, because
# a line may start with a number for other reasons.
STYLES: tuple[tuple[str, regex.Pattern[str], bool], ...] = (
    ("volume", VOLUME, True),
    ("part", PART, True),
    ("chapter", CHAPTER, True),
    ("section", SECTION, True),
    ("article", ARTICLE, True),
    ("cn", CN_DUN, True),
    ("cn_paren", CN_PAREN, True),
    ("arabic_paren", ARABIC_PAREN, True),
    ("arabic", ARABIC, False),
    ("arabic_rparen", ARABIC_RPAREN, False),
    ("circled", CIRCLED, True),
)
STRONG = {style: strong for style, _, strong in STYLES}
_STYLE_PATTERN = {style: pattern for style, pattern, _ in STYLES}

# What each style's token starts with (its pattern's first element): only the styles a
# line's first character can start are tried, so a prose line costs one dict lookup.
CN_NUMERAL_CHARS = frozenset("一二三四五六七八九十百零〇两")
# One decimal digit of any script, as ``\d`` reads it in ARABIC: "1", "１".
DIGIT = compile_pattern(r"\d")


def _can_start(style: str, first: str) -> bool:
    if style in ("volume", "part", "chapter", "section", "article"):
        return first == "第"
    if style == "cn":
        return first in CN_NUMERAL_CHARS or first in DASHES_AS_ONE
    if style in ("cn_paren", "arabic_paren"):
        return first == "（"
    if style in ("arabic", "arabic_rparen"):
        return DIGIT.match(first) is not None
    return "①" <= first <= "⑳"  # circled


# first character -> the (style, pattern) pairs to try, in STYLES order; filled as characters are met.
_STYLES_BY_FIRST: dict[str, tuple[tuple[str, regex.Pattern[str]], ...]] = {}


def _styles_for(first: str) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    styles = _STYLES_BY_FIRST.get(first)
    if styles is None:
        styles = tuple((style, pattern) for style, pattern, _ in STYLES if _can_start(style, first))
        _STYLES_BY_FIRST[first] = styles
    return styles


def can_start_token(first: str) -> bool:
    """Can a line starting with character ``first`` start with a numbering token?  (False: match_token is None.)"""
    return bool(_styles_for(first))

# 指导思想： 主要目标： — an unnumbered label heading alone on its line.
LABEL_HEADING = compile_pattern(r"^(?P<label>\p{Han}{2,8})[：:]$")
# The longest line LABEL_HEADING can match: 8 hanzi, the colon and a final newline ($ matches before one).
LABEL_MAX_CHARS = 10
# Lines shaped like labels that are not headings: addressees (各镇街：) and cover fields.
NOT_A_LABEL = compile_pattern(
    r"^(?:各|附件|抄送|主送|联系人|联系电话|电话|传真|来源|发布|索引号|发文|成文|主题|字体|字号|标题|分类|文号|有效性)"
    r"|(?:政府|部门|单位)$"
)


@dataclass(frozen=True)
class Token:
    """A clause number as it stands at a line start (一、 （三） 3. 第五条), with its style and value."""

    style: str
    value: int
    written: str  # the token as it stands in the line, e.g. "（十四）"
    normalized: str  # canonical spelling used in paths, e.g. "（十四）", "1."
    end: int  # length of the token plus following spaces


# Longest numeral read as a clause number (第一百二十三条 has 5; digits up to 99999999).
MAX_NUMERAL_CHARS = 8


def cn_to_int(s: str) -> Optional[int]:
    """Chinese numeral (一 … 九十九, 一百…) to int; None when malformed."""
    if len(s) > MAX_NUMERAL_CHARS:
        return None  # no clause is numbered with this many digits; int() of it would be slow
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in CN_DIGITS:
            current = current * 10 + CN_DIGITS[ch] if current and s.find("十") < 0 and s.find("百") < 0 else CN_DIGITS[ch]
        else:
            return None
    return total + current


CN_DIGIT_CHARS = "零一二三四五六七八九"
# Units inside a group of four digits, and the names of the groups (万 = 10^4, 亿 = 10^8).
CN_SMALL_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def _group_to_cn(n: int) -> str:
    """1..9999 in full: 1005 -> 一千零五, 110 -> 一百一十, 14 -> 一十四 (the caller drops a leading 一十)."""
    out: list[str] = []
    gap = False
    for unit, name in CN_SMALL_UNITS:
        d = n // unit % 10
        if d:
            if gap and out:
                out.append("零")
            out.append(CN_DIGIT_CHARS[d] + name)
            gap = False
        else:
            gap = True
    if n % 10:
        if gap and out:
            out.append("零")
        out.append(CN_DIGIT_CHARS[n % 10])
    return "".join(out)


def int_to_cn(n: int) -> str:
    """Chinese numeral of any non-negative integer, as official documents write it.

    0 -> 零, 14 -> 十四, 28 -> 二十八, 110 -> 一百一十, 1000 -> 一千, 1005 -> 一千零五,
    10010 -> 一万零一十, 100000000 -> 一亿 (groups of four digits named 万 and 亿,
    亿亿 beyond).  The inverse of ``cn_to_int`` for 1..999.
    """
    if n < 0:
        raise ValueError(f"int_to_cn: negative number {n}")
    if n == 0:
        return "零"
    if n >= 10**8:
        high, low = divmod(n, 10**8)
        rest = "" if low == 0 else ("零" if low < 10**7 else "") + int_to_cn(low)
        return int_to_cn(high) + "亿" + rest
    if n >= 10**4:
        high, low = divmod(n, 10**4)
        rest = "" if low == 0 else ("零" if low < 1000 else "") + _group_to_cn(low)
        return _leading_group(high) + "万" + rest
    return _leading_group(n)


def _leading_group(n: int) -> str:
    """A number's first group: 十四, 十万 — not 一十四 (inside a number 一十 stays: 一百一十)."""
    text = _group_to_cn(n)
    return text[1:] if 10 <= n < 20 else text


# style -> the canonical spelling of a token of that style with value v.
_SPELLING = {
    "volume": lambda v: f"第{int_to_cn(v)}篇",
    "part": lambda v: f"第{int_to_cn(v)}部分",
    "chapter": lambda v: f"第{int_to_cn(v)}章",
    "section": lambda v: f"第{int_to_cn(v)}节",
    "article": lambda v: f"第{int_to_cn(v)}条",
    "cn": lambda v: f"{int_to_cn(v)}、",
    "cn_paren": lambda v: f"（{int_to_cn(v)}）",
    "arabic": lambda v: f"{v}.",
    "arabic_paren": lambda v: f"（{v}）",
    "arabic_rparen": lambda v: f"{v}）",
    "circled": lambda v: chr(0x2460 + v - 1),
}


def _normalized(style: str, value: int) -> str:
    return _SPELLING[style](value)


def match_token(line: str) -> Optional[Token]:
    """The numbering token at the start of ``line``, if any."""
    if not line:
        return None
    for style, pattern in _styles_for(line[0]):
        m = pattern.match(line)
        if not m:
            continue
        end = m.end()
        if end == len(line) and style in ("arabic", "arabic_rparen"):
            continue  # a bare "3." line is a page number or debris, not a clause
        token = _token(style, m.group())
        if token is None:
            continue
        return token
    return None


@lru_cache(maxsize=4096)
def _token(style: str, matched: str) -> Optional[Token]:
    """The token of ``style`` whose pattern matched ``matched`` at a line's start ("（十四） "), or
    None when its numeral has no value ("零、").

    A function of the matched text alone (the pattern is anchored, so ``matched`` is the
    line up to the match's end, and the group "n" is read again from it): documents number
    with a few hundred distinct tokens, and reading a numeral and spelling it out (cn_to_int,
    int_to_cn, the frozen Token) took 4 of the 6 µs a numbered line cost.  Token is frozen:
    the lines share one.
    """
    raw = _STYLE_PATTERN[style].match(matched).group("n")
    written = matched.rstrip()
    if style in ("cn", "cn_paren") and raw[-1] in DASHES_AS_ONE:  # （十—）: written as it is meant, （十一）
        raw, written = raw.translate(DASH_AS_ONE), written.translate(DASH_AS_ONE)
    value = ord(raw) - 0x2460 + 1 if style == "circled" else cn_to_int(raw)
    if not value:
        return None
    return Token(style, value, written, _normalized(style, value), len(matched))


def match_label(line: str) -> Optional[str]:
    """The label of an unnumbered heading line such as ``主要任务：``."""
    if len(line) > LABEL_MAX_CHARS:
        return None
    m = LABEL_HEADING.match(line)
    if not m or NOT_A_LABEL.search(m.group("label")):
        return None
    return m.group("label")
