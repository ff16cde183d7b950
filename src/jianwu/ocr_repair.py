"""Repairs for OCR'd text layers (ABBYY FineReader, Acrobat Paper Capture, pdftotext of them).

OCR leaves spaces inside words and numbers (``〈国 务院``, ``2 0 2 1``, ``国发 (2021) 4 号``),
confuses brackets (``(`` for ``〔``, ``J`` for ``〕``, ``~`` or ``}`` for ``》``) and reads
look-alike characters (``秸轩`` for ``秸秆``, ``二0二一年`` for ``二〇二一年``).  These
repairs run only on a text that shows OCR signs (``looks_ocred``), line by line, before
normalisation's own punctuation and spacing pass, and each is reported so a reviewer sees
what changed.  Numbering, 文号, citations and targets are then read as in a clean text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Iterator, Optional

import regex

from .patterns import compile_pattern
from .std_patterns import compile_std

HAN = r"\p{Han}"
HAN_CHAR = compile_pattern(HAN)  # counted in a line: are its spaced gaps letter spacing?

# ---------------------------------------------------------------- signs of OCR

# A space between two Chinese characters inside prose: "〈国 务院关于" / "绿 色低碳".
SPACED_HAN = compile_pattern(rf"(?<={HAN}|[〈《（(〉》）)])[ \u3000](?={HAN}|[〈《（(〉》）)])")
# A 文号 with OCR damage: spaces or a confused bracket around its year.
# "国发 (2021) 4 号" / "大发改资源字(2021J 283" / "国发(2021)号"
DAMAGED_DOC_NUMBER = compile_pattern(r"\p{Han}[ ]*[(（〔\[][ ]*\d(?:[ ]*\d){3}[ ]*(?:[)）〕\]][ ]*\d|J|」)")  # see _damaged
# The opening brackets of DAMAGED_DOC_NUMBER: a match stands around one (the "(" of "国发 (2021)").
# Plain characters: the standard re finds them several times faster than regex does.  Not one
# before (spaces and) a CJK unified ideograph, where the pattern needs a digit: "（市发展改革委" —
# most brackets of a plan, which would each cost a try of the pattern (none of U+4E00..U+9FFF
# is a digit, \d, in any Unicode version: they are ideographs, Lo).
DOC_NUMBER_OPEN = compile_std(r"[(（〔\[](?![ ]*[\u4e00-\u9fff])")
# A title mark closed by a look-alike: "《…实施方案~，" / "《…指导意见}（国发"
FALSE_TITLE_CLOSE = compile_pattern(r"《[^《》\n]{2,60}?[~～}」]")
# Single digits set apart by spaces: "2 0 2 1", "1 0 0 次"
SPACED_DIGITS = compile_pattern(r"(?<!\d)\d(?: \d){2,}(?!\d)")
# A digit and a space after it: what each of the spaced-digit repairs (DIGIT_RUN, DIGITS_BEFORE_UNIT,
# SPACE_BEFORE_PERCENT) needs in a line.  "2 0 2 1" / "45 %"
DIGIT_THEN_SPACE = compile_pattern(r"\d ")
# Prose punctuation: a line with it is a sentence, not a list of names or a letter-spaced title.
PROSE = compile_pattern(r"[，。；、]")


# A row of a table as text: its number, then cells of two characters or more set apart by white
# space ("1 实施重点行业绿色升级工程 省工业和信息化厅 省发展改革委、省生态环境厅"): its gaps part
# cells, they are no OCR damage (a damaged prose line has gaps around single characters: "绿 色低碳").
TABLE_ROW_CELLS = compile_pattern(r"^\d{1,3}[ \t\u3000]*[^\s\d][^\s]+(?:[ \t\u3000]+[^\s]{2,})+$")
# A clause number at a line start, often followed by a space in clean texts too: "(十四) 探索"
LEADING_NUMBER = compile_pattern(r"^\s*[(（][一二三四五六七八九十\d]{1,4}[)）]\s*")


def _damaged(m: regex.Match[str]) -> bool:
    """A 文号 candidate is damaged when spaced out or bracketed with a look-alike; a clean
    〔2021〕 or a plain typed (2021) is not a sign of OCR."""
    s = m.group()
    return " " in s or s[-1] in "J」" or s.count("〔") != s.count("〕")


# The opening brackets of DAMAGED_DOC_NUMBER (DOC_NUMBER_OPEN's class), each found by str.find.
DOC_NUMBER_OPENERS = "(（〔["


def _opener_positions(text: str, openers: str = DOC_NUMBER_OPENERS) -> list[int]:
    """Where DOC_NUMBER_OPEN matches in ``text``, in order: the openers not followed by (spaces and)
    a CJK unified ideograph.  Each opener found by ``str.find`` (memchr: a pass over a whole text by a
    character class costs ten times as much, and few brackets of a plan are not before a hanzi)."""
    positions: list[int] = []
    n = len(text)
    for opener in openers:  # (``openers``: those of DOC_NUMBER_OPENERS the caller has not ruled out)
        at = text.find(opener)
        while at >= 0:
            j = at + 1
            while j < n and text[j] == " ":
                j += 1
            if j == n or not "\u4e00" <= text[j] <= "\u9fff":
                positions.append(at)
            at = text.find(opener, at + 1)
    positions.sort()
    return positions


def damaged_doc_number_candidates(text: str, openers: str = DOC_NUMBER_OPENERS) -> Iterator[regex.Match[str]]:
    """The matches of ``DAMAGED_DOC_NUMBER.finditer(text)``, tried only where one can start.

    A match is a hanzi, spaces, then an opening bracket: it can only start at the hanzi
    before the run of spaces before a bracket, one place per bracket.  Trying the pattern
    there, left to right, a try that starts inside the previous match passed over, gives
    finditer's matches without trying every character of the text (7 ms over the corpus).
    """
    end = 0  # of the previous match: finditer's matches do not overlap
    for at in _opener_positions(text, openers):  # (DOC_NUMBER_OPEN.finditer's starts)
        start = at - 1
        while start >= end and text[start] == " ":
            start -= 1
        if start < end:
            continue  # no hanzi before the spaces, or one inside the previous match
        m = DAMAGED_DOC_NUMBER.match(text, start)
        if m:
            yield m
            end = m.end()


def spaced_lines(text: str, ideographic_spaces: bool = True) -> Iterator[str]:
    """The lines of ``text`` (split at "\n") holding " " or "\u3000" (the spaces SPACED_HAN looks
    at), in order: "推进 工作".

    Found from the spaces (str.find: memchr), not by splitting the text: few lines of a plan
    hold one, and a test of every line (5,000 in the corpus) cost more than SPACED_HAN over the
    hundred that do.
    """
    # (``ideographic_spaces`` False: the caller knows the text holds no "\u3000", which str.find looks
    # for without memchr, its low byte being 0: a scan of every character)
    space, ideographic = text.find(" "), (text.find("\u3000") if ideographic_spaces else -1)  # the next of each, -1: none left
    while space >= 0 or ideographic >= 0:
        at = space if ideographic < 0 or 0 <= space < ideographic else ideographic
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        yield text[start:end]
        if 0 <= space <= end:
            space = text.find(" ", end)
        if 0 <= ideographic <= end:
            ideographic = text.find("\u3000", end)


# The look-alikes FALSE_TITLE_CLOSE closes a title with: a text without one has no match.
FALSE_TITLE_CLOSERS = "~～}」"
# A space or ideographic space between two characters that are not ASCII but ( and ): where
# SPACED_HAN can match (each character of its look-arounds, a hanzi or a bracket, is one of them).
# Standard re, the space first (its scan skips to the spaces): "国 务院" / "（一） 指导".
MAY_BE_SPACED_HAN = compile_std(r"[ \u3000](?<=[^\x00-\x27\x2a-\x7f][ \u3000])(?=[^\x00-\x27\x2a-\x7f])")


def looks_ocred(text: str, ascii: Optional[bytes] = None, ideographic_spaces: bool = True) -> bool:
    """Does ``text`` show the marks OCR leaves?  (Two signs at least, so one stray ~ is not enough.)

    ``ascii``: the ASCII characters of ``text`` (``text.encode("ascii", "ignore")``), when the caller
    has them: an ASCII character is looked for in those few bytes, not in the whole text (a one-character
    `in` of a Chinese text it lacks costs about four instructions a character: CJK characters hold
    the bytes of ASCII ones, false hits of memchr).  ``ideographic_spaces`` False: the caller knows
    ``text`` holds no "\u3000".
    """
    if ascii is None:
        openers = DOC_NUMBER_OPENERS
        closers = any(ch in text for ch in FALSE_TITLE_CLOSERS)
    else:
        openers = "".join(ch for ch in DOC_NUMBER_OPENERS if (ch.encode() in ascii if ch < "\x80" else ch in text))
        closers = any((ch.encode() in ascii if ch < "\x80" else ch in text) for ch in FALSE_TITLE_CLOSERS)
    signs = sum(1 for m in damaged_doc_number_candidates(text, openers) if _damaged(m))
    if closers:
        signs += len(FALSE_TITLE_CLOSE.findall(text))
    # SPACED_DIGITS and SPACED_HAN need a space, and neither matches across a line break: their
    # matches in the text are those in its lines holding one (few lines of a plan do).
    lines = list(spaced_lines(text, ideographic_spaces))
    signs += sum(len(SPACED_DIGITS.findall(line)) for line in lines if " " in line)
    if signs >= 2:
        return True
    spaced = 0
    for line in lines:
        if PROSE.search(line) and not (line[:1].isdigit() and TABLE_ROW_CELLS.match(line)):
            line = LEADING_NUMBER.sub("", line)
            if MAY_BE_SPACED_HAN.search(line) is not None:  # (most gaps: "到 2025 年", "（一） 指导")
                spaced += len(SPACED_HAN.findall(line))
    return signs >= 2 or spaced >= 5 or (signs == 1 and spaced >= 2)


# ---------------------------------------------------------------- repairs

# (name, pattern, replacement, example): applied in this order to each line.
# 文号: 机关代字 + 〔year〕 + sequence + 号; OCR spaces it out and confuses both brackets.
# "国发 (2021) 4 号" -> "国发〔2021〕4号";  "大发改资源字(2021J 283" (号 lost at the line's end)
# -> "大发改资源字〔2021〕283号"
DOC_NUMBER = compile_pattern(
    r"(?P<org>\p{Han}{1,12}?(?:[发办函字令]|政|府|委))[ ]*[(（〔\[【][ ]*(?P<year>\d(?:[ ]*\d){3})[ ]*[)）〕\]】J」][ ]*"
    r"(?P<seq>\d(?:[ ]*\d){0,3})[ ]*(?:号|$)"
)
# A title closed by a look-alike of 》 while a 《 is open: "《…实施方案~，" -> "《…实施方案》，"
TITLE_CLOSE = compile_pattern(r"(《[^《》\n]{2,60}?)[~～}」](?=[，。、；：（(\s]|$)")
# The same on a line that continues the title (the 《 is on the line before): a look-alike of
# 》 after a character or 〉, before punctuation: "…指导意见〉实施方案~，已经" (no 《 on the line)
ORPHAN_TITLE_CLOSE = compile_pattern(r"(?<=\p{Han}|〉)[~～}](?=[，。、；：（(]|$)")
# An opened 〈 title inside 《…》 closed by a look-alike: "〈国务院…意见>" -> "〈国务院…意见〉"
INNER_TITLE_CLOSE = compile_pattern(r"(〈[^〈〉《》\n]{2,60}?)[>＞](?=[^〉]*》|[^〉]*$)")
# Digits set apart by spaces: "2 0 2 1 年" -> "2021 年"; three or more single digits only,
# so "1 2" in a table row stays.
DIGIT_RUN = SPACED_DIGITS
# Two digits set apart before a unit: "4 5 % 以上" -> "45 % 以上", "1 0 个百分点" -> "10 个百分点"
DIGITS_BEFORE_UNIT = compile_pattern(r"(?<=(?<!\d)\d) (?=\d ?(?:%|‰|个|万|亿|千|百|年|倍|亩|吨|公里|平方|立方))")
# A space between a number and its percent sign: "45 %" -> "45%", "1.5 ‰" -> "1.5‰"
SPACE_BEFORE_PERCENT = compile_pattern(r"(?<=\d) +(?=[%‰％])")
# Zero written as the digit 0 or the letter O inside a Chinese year: "二0二一年" -> "二〇二一年"
CN_YEAR_ZERO = compile_pattern(r"(?<=[一二三四五六七八九〇])[0OoΟ○](?=[一二三四五六七八九〇0Oo]*年)|(?<=二)[0OoΟ○](?=[一二三四五六七八九〇0Oo]{1,2}年)")
# Letters O / l / I read for digits inside a number: "2O25年" -> "2025年", "l0%" -> "10%"
LETTER_IN_NUMBER = compile_pattern(r"(?<=\d)[Oo](?=\d|年|%)|(?<=\d)[lI](?=\d)|(?<![A-Za-z])[lI](?=\d{1,3}(?:[%年个万亿]|\.\d))")
# A clause number that lost its opening bracket at a line start: "十一）倡导…" -> "（十一）倡导…"
LOST_OPEN_PAREN = compile_pattern(r"^(?=[一二三四五六七八九十]{1,3}[)）])")
# A clause number whose brackets are half-width with spaces: "( 十二 ) 构建" -> "（十二）构建"
SPACED_PAREN_NUMBER = compile_pattern(r"^[(（][ ]*(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})[ ]*[)）][ ]*")


def _spaced_han(line: str) -> str:
    """Remove spaces between Chinese characters in a prose line or a letter-spaced one.

    A line of issuers ("沙坪坝区生态环境局 沙坪坝区交通局") keeps its spaces: it has no
    prose punctuation and its spaced gaps are few; so does a table row (``TABLE_ROW_CELLS``).
    """
    if MAY_BE_SPACED_HAN.search(line) is None:
        return line  # no gap SPACED_HAN can match ("到 2025 年")
    # (one scan for the gaps and the line without them: each match is one character removed)
    joined, gaps = SPACED_HAN.subn("", line)
    if not gaps or (line[:1].isdigit() and TABLE_ROW_CELLS.match(line)):
        return line  # no gap, or the gaps between a table row's cells
    if PROSE.search(line):
        return joined
    han = len(HAN_CHAR.findall(line))  # (counted only for a line without prose punctuation)
    letter_spaced = gaps * 2 >= han - 1 and han >= 4  # "人 民 政 府 批 准": every character apart
    return joined if letter_spaced else line


def _doc_number(m: regex.Match[str]) -> str:
    return f"{m['org']}〔{m['year'].replace(' ', '')}〕{m['seq'].replace(' ', '')}号"


@lru_cache(maxsize=1)
def word_confusions() -> tuple[tuple[str, str], ...]:
    """(misread, correct) pairs of ``data/ocr_confusions.tsv``, longest first."""
    rows = []
    text = resources.files("jianwu.data").joinpath("ocr_confusions.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        wrong, right = line.split("\t")[:2]
        rows.append((wrong, right))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def _confusion_pattern() -> regex.Pattern[str]:
    return compile_pattern("|".join(regex.escape(w) for w, _ in word_confusions()))


@lru_cache(maxsize=1)
def _confusion_table() -> dict[str, str]:
    return dict(word_confusions())


# The characters the repairs before the confusion words write (DOC_NUMBER's 〔〕号, the title marks'
# 》〉, a clause number's （, CN_YEAR_ZERO's 〇, LETTER_IN_NUMBER's 0 and 1): the others they only remove
# (spaces) or leave.
REPAIRS_WRITE = frozenset("〔〕号》〉（〇01")


def confusions_possible(text: str) -> tuple[str, ...]:
    """The misread words of ``word_confusions`` a line of ``text`` can hold once repaired, for
    ``repair_line``'s ``words``: those in ``text`` with its spaces removed ("秸 轩" -> 秸轩), and any
    holding a character the repairs write (none of the table's do).

    A repaired line is its line with spaces removed and some characters replaced or put in by
    REPAIRS_WRITE's: a word without those is in it only when it is in the line without its spaces.
    """
    squeezed = text.replace(" ", "").replace("\u3000", "") if " " in text or "\u3000" in text else text
    return tuple(wrong for wrong in _confusion_words() if wrong in squeezed or not REPAIRS_WRITE.isdisjoint(wrong))


@lru_cache(maxsize=1)
def _confusion_words() -> tuple[str, ...]:
    """The misread words of ``word_confusions``, longest first."""
    return tuple(wrong for wrong, _right in word_confusions())


def repair_line(line: str, words: Optional[tuple[str, ...]] = None) -> tuple[str, list[str]]:
    """(repaired line, names of the repairs made) for one line of an OCR'd text.

    ``words``: the misread words the line may hold (``confusions_possible`` of its text; None: all).
    """
    done: list[str] = []

    def step(name: str, new: str) -> None:
        nonlocal line
        if new != line:
            done.append(name)
            line = new

    # Each step is tried only on a line holding a character its pattern cannot match without
    # (a bracket, a space, 《, 年 …), tested on the line as the steps before left it.
    # (the quick tests spelled out as ``in`` tests: a generator under ``any`` costs more per line
    # than the five tests themselves, and an OCR'd text runs these on every line)
    if "(" in line or "（" in line or "〔" in line or "[" in line or "【" in line:
        step("doc_number", DOC_NUMBER.sub(_doc_number, line))
    # (each of the three needs a digit followed by a space, and only removes spaces: a line without
    # one is left as it is by all three)
    if " " in line and DIGIT_THEN_SPACE.search(line) is not None:
        step("spaced_digits", DIGIT_RUN.sub(lambda m: m.group().replace(" ", ""), line))
        step("spaced_digits", DIGITS_BEFORE_UNIT.sub("", line))
        step("spaced_digits", SPACE_BEFORE_PERCENT.sub("", line))
    if "《" in line:
        step("title_mark", TITLE_CLOSE.sub(r"\1》", line))
    if "《" not in line and ("~" in line or "～" in line or "}" in line):
        step("title_mark", ORPHAN_TITLE_CLOSE.sub("》", line))
    if "〈" in line:
        step("title_mark", INNER_TITLE_CLOSE.sub(r"\1〉", line))
    if " " in line or "\u3000" in line:
        step("spaced_han", _spaced_han(line))
    if line.startswith(("(", "（")):
        step("clause_number", SPACED_PAREN_NUMBER.sub(lambda m: f"（{m['n']}）", line))
    if ")" in line or "）" in line:
        step("clause_number", LOST_OPEN_PAREN.sub("（", line))
    if "年" in line:
        step("look_alike", CN_YEAR_ZERO.sub("〇", line))
    if "O" in line or "o" in line or "l" in line or "I" in line:
        step("look_alike", LETTER_IN_NUMBER.sub(lambda m: "0" if m.group() in "Oo" else "1", line))
    # The confusion words as a substring test each first (memchr): a line holds none of them, as a
    # rule, and the alternation's search of it costs a hundred times as much.
    for wrong in _confusion_words() if words is None else words:
        if wrong in line:
            confusions = _confusion_table()
            step("look_alike", _confusion_pattern().sub(lambda m: confusions[m.group()], line))
            break
    return line, done
