"""Numbers with units in plan text: 3万台, 2.8亿立方米, 14%—15%, 1至2个, 135万吨标准煤, 三公里.

``find_quantities(sentence)`` returns every number that carries a unit, with the
multiplier folded into the value, ranges and comparator suffixes (以上, 左右)
attached, and numbers that belong to names skipped: PM2.5, 第三, 一厂一策,
“三线一单”, anything in quotes, 《》 or （）.  A number without a unit is never a
quantity (years, 文号 and clause numbers have none).  Units and multipliers are
data: ``data/units.tsv`` and ``data/multipliers.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from typing import Optional

import regex

from .patterns import compile_pattern, lazy, word_trie
from .std_patterns import compile_std
from .tables import read_table

CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True)
class Unit:
    """A unit as written, its base spelling and class (``data/units.tsv``)."""

    written: str
    unit: str  # base spelling
    cls: str  # ratio / count / measure
    measure: str = "absolute"  # rate / absolute (see data/units.tsv)


@lru_cache(maxsize=1)
def units() -> dict[str, Unit]:
    return {row[0]: Unit(row[0], row[1], row[2], row[3] if len(row) > 3 else "absolute") for row in read_table("units.tsv")}


@lru_cache(maxsize=1)
def multipliers() -> dict[str, int]:
    return {row[0]: int(row[1]) for row in read_table("multipliers.tsv")}


def _guarded(words: list[str], alternation: str) -> str:
    """``alternation`` behind a look-ahead for the first characters of ``words``.

    The engine tries the spellings one by one; at most places (进一步, 2025年) none
    can start, and the look-ahead says so in one test.  The matches are the same:
    the look-ahead only turns down places where every spelling would fail.
    """
    firsts = {w[0] for w in words}
    spaced = r"\s" if "/" in firsts else ""  # a spelling starting with / may start with space (UNIT_SLASH)
    return f"(?=[{''.join(regex.escape(c) for c in sorted(firsts))}{spaced}])(?:{alternation})"


# A PDF text layer may space a compound unit: 150万立方米 /日, 5 吨/ 万元.
UNIT_SLASH = r"\s*/\s*"
SPACES = lazy(r"\s+")
# Quicker test for SPACES: the standard re's \s is a superset of the regex module's (\x1c–\x1f).
MAYBE_SPACE = compile_std(r"\s")


def _unspaced(unit: str) -> str:
    """A unit as the table writes it: 吨 / 万元 -> 吨/万元."""
    return SPACES.sub("", unit) if MAYBE_SPACE.search(unit) else unit


# Arabic number: 2133.3 / 1,000 / 30 — not glued to a letter or another number (PM2.5, CO2, 5G).
# A unit must follow, so 5G or 10kV never match.
ARABIC = r"(?<![A-Za-z\d.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
# Chinese numeral: 三 / 十五 / 两万 — never starting with a bare 百/千/万 (千里林带, 百城千县, 万名).
CHINESE = r"(?<!第)[一二三四五六七八九十两][〇零一二三四五六七八九十百千万亿两]*"
# Range separator: 14%—15%, 1至2个, 10~15吨.
RANGE_SEP = r"[—\-－–~～至到]"
# Comparator and scope words written right after the unit: 3万台以上, 30%左右, 三公里范围内.
SUFFIX = r"及以上|或以上|以上|及以下|或以下|以下|以内|之内|范围内|左右|上下"
# SUFFIX as a trie, for the tokenizer: no word of it starts another, so at most one matches at a place, the
# same one (test_facts_speedups); each character is tried once instead of once a word.
SUFFIX_TRIE = r"(?:[及或]以[上下]|以[上下内]|之内|范围内|左右|上下)"
# A short parenthetical between value and suffix: 5000吨标准煤（当量值）及以上.
NOTE = r"（[^（）\n]{1,12}）"


# The groups of quantity_pattern that find_quantities reads, in the order it unpacks them.
QUANTITY_GROUPS = ("n1", "n2", "u1", "unit", "unit_m", "mult", "suffix", "approx", "m1")


@lru_cache(maxsize=1)
def quantity_pattern() -> regex.Pattern[str]:
    """The tokenizer, built from the unit and multiplier tables (longest spellings first, as tries)."""
    unit = _guarded(list(units()), word_trie(list(units()), UNIT_SLASH))
    mult = _guarded(list(multipliers()), word_trie(list(multipliers())))
    # A unit then a range separator (u1) is a run of the units' characters and spaces, then the separator (no
    # unit holds one: test_facts_speedups): the look-ahead turns the other values down (30%，) in one scan,
    # where the unit was matched and the separator tried after it.
    unit_chars = "".join(regex.escape(c) for c in sorted({c for w in units() for c in w}))
    return compile_pattern(quantity_source(unit, mult, SUFFIX_TRIE, rf"(?=[{unit_chars}\s]*{RANGE_SEP})"))


def quantity_source(unit: str, mult: str, suffix: str, before_u1: str = "") -> str:
    """``quantity_pattern``'s source, of the patterns of a unit, a multiplier and a suffix, and a look-ahead
    before the unit of a range's low end (test_facts_speedups builds it of the plain alternations too)."""
    num = rf"(?:{ARABIC}|{CHINESE})"
    return (
        # the low end of a range may carry its multiplier (1.5万—2万吨: m1) or its unit (13%—14%: u1); one with
        # both (360万千瓦—500万千瓦) is two quantities joined afterwards (_joined_ranges)
        rf"(?P<n1>{num})(?:(?:(?P<m1>{mult})(?={RANGE_SEP})|{before_u1}(?P<u1>{unit}))?(?P<sep>{RANGE_SEP})(?P<n2>{num}))?"
        rf"(?P<approx>余|多)?"
        rf"(?:(?P<unit>{unit})|(?P<mult>{mult})(?:余|多)?(?P<unit_m>{unit}))"
        rf"(?P<note>{NOTE})?(?P<suffix>{suffix})?"
    )


# The characters of RANGE_SEP and of the approx group (余|多) of quantity_pattern, for ``maybe_quantity``
# (test_facts_speedups checks they are those of the patterns).
RANGE_SEP_CHARS = "—-－–~～至到"
APPROX_CHARS = "余多"


@lru_cache(maxsize=1)
def maybe_quantity() -> regex.Pattern[str]:
    """A character a number may end with, then one a quantity may go on with.

    Every match of ``quantity_pattern`` holds such a pair where its first number ends (a digit or
    one of 〇…两百千万亿, then the first character of a unit, a multiplier, a range separator, 余 / 多,
    or a space), so a sentence without one has no quantity: 进一步推进, 2025年, 统一, 一体化 (most
    sentences with a numeral) are turned down by one search for two characters instead of the
    tokenizer trying a number at every numeral.  (``regex``, not the standard ``re``: the same
    ``\\d`` and ``\\s`` as the tokenizer's, and a class the pattern cache keeps; ``re`` compiles a
    superset of ``\\d`` in 4.5 ms, more than it saves a one-file parse.)

        >>> maybe_quantity().search("进一步推进2025年目标") is None, maybe_quantity().search("新增3万吨").group()
        (True, '3万')
    """
    follow = {w[0] for w in units()} | {w[0] for w in multipliers()} | set(RANGE_SEP_CHARS + APPROX_CHARS)
    return compile_pattern(r"[\d〇零一二三四五六七八九十两百千万亿][" + regex.escape("".join(sorted(follow))) + r"\s]")


@lru_cache(maxsize=1)
def maybe_quantity_wide() -> re.Pattern[str]:
    """``maybe_quantity`` widened for the standard ``re``, its quick pre-test: every match of ``maybe_quantity``
    is one of this pattern (a character of ``maybe_number_class``, which holds every ``\\d`` and the numerals,
    then one of the same followers or the standard ``re``'s ``\\s``, a superset of ``regex``'s).  So a sentence
    it finds nothing in has no pair, and the first pair is at or after its first match.  ``regex`` tests
    ``\\d`` at each character four times slower than ``re`` scans a class of plain ranges; most sentences
    with a numeral (2025年, 进一步) have no pair.

        >>> maybe_quantity_wide().search("进一步推进2025年目标") is None, maybe_quantity_wide().search("新增3万吨").group()
        (True, '3万')
    """
    follow = {w[0] for w in units()} | {w[0] for w in multipliers()} | set(RANGE_SEP_CHARS + APPROX_CHARS)
    return compile_std(maybe_number_class("百千万亿") + "[" + "".join(re.escape(c) for c in sorted(follow)) + r"\s]")


@lru_cache(maxsize=1)
def quantity_group_numbers() -> tuple[int, ...]:
    """The numbers of QUANTITY_GROUPS in ``quantity_pattern``: ``regex`` reads a group by number
    seven times faster than by name (0.6 against 4.2 µs for the eight)."""
    index = quantity_pattern().groupindex
    return tuple(index[name] for name in QUANTITY_GROUPS)


# 一厂一策, 一级一源一策, 两高一低, 一江两岸: numerals that are part of a slogan, not counts.
NUMERAL_NAME = lazy(r"[一二三四五六七八九十两]\p{Han}{1,2}[一二三四五六七八九十两]\p{Han}")
# Words after which a Chinese numeral is a count: 建成两个, 至少三家, 新增五座.
CN_COUNT_CONTEXT = lazy(
    r"(?:达到|达|新增|增加|减少|建设|建成|新建|创建|完成|培育|打造|累计|至少|超过|不少于|不低于|不超过|约|为|共|淘汰|实施|认定|形成|年的)$"
)
# Verbs of a change after which a Chinese numeral is a share or a multiple: 增长一倍, 提高两个百分点, 下降三个百分点.
CN_CHANGE_CONTEXT = lazy(r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|削减|压减|压降)$")
# Ranges of characters that are never a decimal digit (regex's \d, \p{Nd}): ASCII and Latin-1 but 0-9;
# General Punctuation to Miscellaneous Symbols and Arrows (U+2000–2BFF: “” — … Ⅲ ①); CJK punctuation,
# kana, Bopomofo and the CJK ideographs (U+3000–9FFF); the full-width forms but ０-９.  None of these
# blocks has digits, in any Unicode version so far (test_parse_speedups checks the installed one).
NEVER_DIGIT_RANGES = ((0x00, 0x2F), (0x3A, 0xFF), (0x2000, 0x2BFF), (0x3000, 0x9FFF), (0xFF00, 0xFF0F), (0xFF1A, 0xFFEF))
# The Chinese characters a number or year may be written with (CHINESE, YEAR_NUM).
CN_NUMERAL_CHARS = "〇零一二三四五六七八九十两"


def maybe_number_class(also: str = "") -> str:
    """A character class for the standard ``re``: every character a number may hold and more.

    It holds CN_NUMERAL_CHARS, the characters of ``also``, and everything outside NEVER_DIGIT_RANGES
    (regex's \\d among them): a text it finds nothing in has no number, no year written in
    digits or numerals, and none of ``also``.  The standard ``re`` scans a class of plain ranges
    three times faster than ``regex`` scans ``[\\d一…]``; the class may say yes where there is no
    number (a Devanagari letter), never no where there is one.

        >>> import re; MAYBE = re.compile(maybe_number_class("类"))
        >>> MAYBE.search("推进绿色低碳发展，") is None, MAYBE.search("达到Ⅲ类").group(), MAYBE.search("到２０25").group()
        (True, '类', '２')
    """
    holes = sorted({ord(ch) for ch in CN_NUMERAL_CHARS + also})
    kept: list[tuple[int, int]] = []  # NEVER_DIGIT_RANGES without the holes
    for low, high in NEVER_DIGIT_RANGES:
        for hole in (h for h in holes if low <= h <= high):
            if low < hole:
                kept.append((low, hole - 1))
            low = hole + 1
        if low <= high:
            kept.append((low, high))
    return "[^" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in kept) + "]"


# A Chinese character (the word a numeral may be glued to: 统一, 进一步).
HAN_CHAR = lazy(r"\p{Han}")
# Pairs of brackets whose content is a name, a quotation or an aside, not a commitment.
OPENERS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】", "「": "」"}
# A bare number in a list whose unit is written once at the end: 分别达到30、40万吨.
BARE_BEFORE = lazy(r"(?<![A-Za-z\d.])(?P<n>\d+(?:\.\d+)?)(?P<sep>[、和及与])$")
BARE_JOINERS = "、和及与"  # the characters BARE_BEFORE ends with
# The run of digits and dots that ends at endpos, matched right to left (12.5 in 达到12.5、).
DIGITS_BEFORE = lazy(r"(?r)[\d.]+")
# Every character a number of ``quantity_pattern`` may hold (ARABIC: digits, comma, dot; CHINESE: its
# numerals), for NUMBER_RUN_BEFORE (test_facts_speedups checks them against the two patterns).
NUMBER_CHARS = r"\d,.〇零一二三四五六七八九十百千万亿两"
# The run of NUMBER_CHARS that ends at endpos, matched right to left: 1,200.5 in 新增1,200.5万 (endpos
# after the 5), where the first number of a quantity ending there starts at the earliest.
NUMBER_RUN_BEFORE = lazy(rf"(?r)[{NUMBER_CHARS}]+")


@dataclass(frozen=True)
class Quantity:
    """A number with its unit inside one sentence (offsets relative to the sentence)."""

    start: int
    value_end: int  # end of number + unit: ``value_text`` is sentence[start:value_end]
    end: int  # after any （note） and suffix
    value: Decimal
    value_max: Optional[Decimal]
    unit: str
    unit_class: str
    measure: str  # rate / absolute, from the unit (data/units.tsv)
    factor: int  # multiplier folded into the value
    suffix: str  # 以上 / 以下 / 以内 / 左右 / 范围内 … or ""
    approx: str  # 余 / 多 written after the number (100多个), or ""
    text: str  # value as written


def _made(fields: dict[str, object]) -> Quantity:
    """``Quantity(**fields)`` (every field given) without the frozen class's ``__init__``, which sets each
    field by ``object.__setattr__``: 24k instructions a quantity (callgrind), against 6.6k for one
    ``dict.update``.  The instance is the same, its fields in the same order (test_facts_speedups)."""
    q = object.__new__(Quantity)
    q.__dict__.update(fields)
    return q


def cn_numeral(s: str) -> Optional[int]:
    """一 -> 1, 十五 -> 15, 两万 -> 20000, 一百二十 -> 120, 二〇二五 -> 2025; None when malformed."""
    if not s:
        return None
    if len(s) > 1 and all(ch in CN_DIGIT for ch in s):  # positional digits, as in years
        return int("".join(str(CN_DIGIT[ch]) for ch in s))
    yi, wan, section, digit = 0, 0, 0, None  # 亿 groups done, 万 group done, below 万, pending digit
    for ch in s:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in CN_SMALL_UNIT:
            if digit is None and ch != "十":
                return None
            section += (1 if digit is None else digit) * CN_SMALL_UNIT[ch]
            digit = None
        elif ch == "万":
            wan = (section + (digit or 0)) * 10_000
            section, digit = 0, None
        elif ch == "亿":
            yi = (yi + wan + section + (digit or 0)) * 100_000_000
            wan, section, digit = 0, 0, None
        else:
            return None
    return yi + wan + section + (digit or 0)


def number_value(s: str) -> Optional[Decimal]:
    if s[0].isdigit():
        return Decimal(s.replace(",", ""))
    n = cn_numeral(s)
    return None if n is None else Decimal(n)


# The characters that open or close a sheltered span (OPENERS and their closers): ``sheltered``
# looks only at these, the text between two of them keeps the state of the one before.
# (Plain characters: the standard re finds them several times faster than regex, at the same places.)
SHELTER_MARKS = compile_std("[" + re.escape("".join(OPENERS) + "".join(OPENERS.values())) + "]")


@lru_cache(maxsize=64)
def sheltered(sentence: str) -> tuple[bool, ...]:
    """For each character: is it inside quotes, 《》, 〈〉 or （） (a name or an aside)?

    An opening mark pushes its closer and a matching closer pops it (a “ inside a “…”
    quote is text); a character is inside while the stack is not empty, the marks of
    the outermost pair included.  Only the marks are visited: a sheltered stretch runs
    from the mark that opens the outermost pair to the mark that closes it.

    Memoised for the last few sentences only: the target rules ask it of the same
    sentence several times in a row (a larger cache would only flatter benchmarks).
    """
    for opener in OPENERS:
        if opener in sentence:
            break
    else:  # no opener, nothing inside (a closer alone opens nothing): substring tests, not the scan
        return (False,) * len(sentence)
    inside = [False] * len(sentence)
    stack: list[str] = []
    begin = 0  # where the current outermost pair opened
    for m in SHELTER_MARKS.finditer(sentence):
        ch = m.group()
        if stack and ch == stack[-1]:
            stack.pop()
            if not stack:
                i = m.start()
                inside[begin:i + 1] = [True] * (i + 1 - begin)
            continue
        if ch in OPENERS and not (ch == "“" and stack and stack[-1] == "”"):
            if not stack:
                begin = m.start()
            stack.append(OPENERS[ch])
    if stack:
        inside[begin:] = [True] * (len(sentence) - begin)
    return tuple(inside)


def _is_name(sentence: str, start: int, end: int, is_chinese: bool, unit_class: str) -> bool:
    if not is_chinese:
        # An Arabic number starts with a decimal digit, which NUMERAL_NAME (Chinese numerals and
        # \p{Han} only) never holds: no match covers ``start``, and the rest is for Chinese numerals.
        return False
    for m in NUMERAL_NAME.finditer(sentence, max(0, start - 4), min(len(sentence), end + 4)):
        if m.start() <= start < m.end():
            return True
    if not is_chinese or unit_class == "measure":
        return False
    # A Chinese numeral glued to a preceding word (统一, 进一步) counts only after a count verb.
    before = sentence[max(0, start - 4):start]
    if not before or HAN_CHAR.match(before[-1]) is None or CN_COUNT_CONTEXT.search(before):
        return False
    return unit_class != "ratio" or not CN_CHANGE_CONTEXT.search(before)


def find_quantities(sentence: str) -> list[Quantity]:
    """Every number with a unit in ``sentence``, in order: those of the tokenizer, and shares and
    changes written in words (百分之十四点五, 三分之一, 五成, 翻一番: ``worded_quantities``)."""
    found = _unit_quantities(sentence)
    # MAY_BE_WORDED is 分之, 番 or a numeral and 成: substring tests first (the standard re tries its
    # alternation at every character), the pattern only for a sentence with a 成 and neither word.
    if "分之" not in sentence and "番" not in sentence and ("成" not in sentence or MAY_BE_WORDED.search(sentence) is None):
        return found  # most sentences have none
    return _with_worded(found, worded_quantities(sentence))


def _unit_quantities(sentence: str) -> list[Quantity]:
    """Every number followed by a unit of the tables (quantity_pattern), in order."""
    wide = maybe_quantity_wide().search(sentence)  # the quick pre-test: the pair, if any, is at or after it
    pair = maybe_quantity().search(sentence, wide.start()) if wide is not None else None
    if pair is None:
        return []  # a number followed by what a quantity goes on with (most numerals are not: 进一步, 2025年)
    table, mults, numbers = units(), multipliers(), quantity_group_numbers()
    # Every match's first number is a run of NUMBER_CHARS ending at a pair, so at or after the first
    # pair: no match starts before the run that ends there, and the tokenizer starts at that run (its
    # look-behinds still see the characters before it).  Over data/raw the run starts 60% into the sentence.
    start_at = NUMBER_RUN_BEFORE.match(sentence, 0, pair.start() + 1).start()
    matches = list(quantity_pattern().finditer(sentence, start_at))
    if not matches:
        return []
    shelter = sheltered(sentence)
    found: list[Quantity] = []
    for m in matches:
        start = m.start()
        if shelter[start] or (start and sentence[start - 1] == "第"):
            continue  # 第3条 / 第5项: an ordinal, not a quantity
        # All the groups in one call, by number (by name, they cost more than the rest of the loop).
        n1, n2, u1, unit_written, unit_m, mult, suffix, approx, m1 = m.group(*numbers)
        written = unit_written or unit_m
        unit = table.get(written) or table[_unspaced(written)]  # no unit of the table holds a space
        factor = mults[mult] if mult else 1
        low = number_value(n1)
        high = number_value(n2) if n2 else None
        if low is None or (n2 and high is None):
            continue
        if u1 and table[_unspaced(u1)].unit != unit.unit:
            continue  # 3吨至5万台 is not one range
        low_factor = mults[m1] if m1 else factor  # 1.5万—2万吨: each end its multiplier
        if high is not None and high * factor <= low * low_factor:
            continue  # 2020—2025 and the like are not ranges of a value
        if _is_name(sentence, start, m.end(), not n1[0].isdigit(), unit.cls):
            continue
        value_end = m.end(numbers[3] if unit_written else numbers[4])  # the end of unit / unit_m
        found.append(
            _made(dict(  # Quantity(...): see _made
                start=start,
                value_end=value_end,
                end=m.end(),
                value=low * low_factor,
                value_max=None if high is None else high * factor,
                unit=unit.unit,
                unit_class=unit.cls,
                measure=unit.measure,
                factor=factor,
                suffix=suffix or "",
                approx=approx or "",
                text=sentence[start:value_end],
            ))
        )
    if len(found) > 1:
        found = _joined_ranges(sentence, found)
    return _points_lists(sentence, _backfill_bare(sentence, found, shelter))


def _joined_ranges(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """360万千瓦—500万千瓦: two values of one unit joined by a range separator alone are one range."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (prev is not None and q.start == prev.end + 1 and sentence[prev.end] in RANGE_SEP_CHARS and prev.unit == q.unit
                and not prev.suffix and prev.value_max is None and q.value_max is None and prev.value < q.value):
            out[-1] = replace(q, start=prev.start, value=prev.value, value_max=q.value, text=sentence[prev.start:q.value_end])
        else:
            out.append(q)
    return out


def _backfill_bare(sentence: str, found: list[Quantity], shelter: list[bool]) -> list[Quantity]:
    """分别达到30、40万吨: the unit written once at the end applies to the bare numbers before it."""
    for q in found:  # a bare number needs a joiner (or a joiner and a line break) before a value
        c = q.start
        if c and (sentence[c - 1] in BARE_JOINERS or sentence[c - 1] == "\n"):
            break
    else:
        return found  # most lists: no value has one, nothing to fill in
    out: list[Quantity] = []
    starts: set[int] = set()  # of ``out``: a set, so a list of thousands of values stays linear
    for q in found:
        chain: list[Quantity] = []
        cursor = q.start
        while (b := _bare_before(sentence, cursor)) and not shelter[b.start()]:
            value = Decimal(b.group("n")) * q.factor
            chain.append(Quantity(b.start(), b.end("n"), b.end("n"), value, None, q.unit, q.unit_class, q.measure, q.factor, q.suffix, "", b.group("n")))
            cursor = b.start()
        for c in reversed(chain):  # found right to left, listed left to right
            if c.start not in starts:
                out.append(c)
                starts.add(c.start)
        out.append(q)
        starts.add(q.start)
    return out


def _bare_before(sentence: str, cursor: int) -> Optional[regex.Match[str]]:
    """BARE_BEFORE in ``sentence[:cursor]``, searched only when that ends with a joiner (or a
    joiner and a line break, where $ also matches): most values have none before them.

    The match is digits and dots only, so it starts in the run of those before the joiner: the
    search starts there (its look-behind still sees the character before), which keeps a list of
    thousands of values linear instead of searching the sentence from 0 for each.
    """
    end = cursor - 1 if cursor and sentence[cursor - 1] == "\n" else cursor
    if end <= 0 or sentence[end - 1] not in BARE_JOINERS:
        return None
    run = DIGITS_BEFORE.match(sentence, 0, end - 1)
    return BARE_BEFORE.search(sentence, run.start(), cursor) if run else None


# Between two values of one list: 分别降低18个、9个百分点.
LIST_JOINER = lazy(r"^(?:、|和|及|与|或)$")


def _points_lists(sentence: str, found: list[Quantity]) -> list[Quantity]:
    """分别降低18个、9个百分点: a 个 listed before 个百分点 is the same unit, written short."""
    for q in found:  # only a 个 before a 个百分点 changes: most lists have neither (one pass, no copy)
        if q.unit == "个百分点":
            break
    else:
        return found
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.unit == "个" and nxt.unit == "个百分点" and LIST_JOINER.match(sentence[q.end:nxt.start].strip()):
            out[i] = replace(q, unit=nxt.unit, unit_class=nxt.unit_class, measure=nxt.measure)
    return out


# ------------------------------------------------------------------ shares and changes written in words

# A number written in words with 点 as the decimal point: 十四点五 / 二十五 / 百 (of 百分之百) / 三点五.
WORDED_NUMBER = r"[〇零一二三四五六七八九十百两]+(?:点[〇零一二三四五六七八九]+)?"
# A share per hundred or per thousand in words: 百分之十四点五 / 百分之二十五以上 / 百分之百 / 千分之三 /
# 百分之三至百分之五, 百分之三至五 (a range).  The written share is the value, in % or ‰.
WORDED_PERCENT = lazy(
    rf"(?P<base>[百千])分之(?P<n1>{WORDED_NUMBER})(?:{RANGE_SEP}(?:(?P=base)分之)?(?P<n2>{WORDED_NUMBER}))?"
    rf"(?P<suffix>{SUFFIX})?"
)
# A fraction in words: 三分之一 / 三分之二左右 (not 百分之, 千分之: WORDED_PERCENT) -> a share in %.
WORDED_FRACTION = lazy(
    r"(?<![〇零一二三四五六七八九十百千万亿两第])(?P<d>[一二三四五六七八九十两]{1,3})分之(?P<n>[一二三四五六七八九十两]{1,3})"
    rf"(?P<suffix>{SUFFIX})?"
)
# Tenths: 五成以上 -> 50% / 七至八成 -> 70%–80%; only where a share ends (a bound, a break, 的, and, or the end),
# so 一成不变, 三成员 and 建成 are no share.
WORDED_TENTHS = lazy(
    r"(?<![〇零一二三四五六七八九十百千万亿两第])(?P<n1>[一二三四五六七八九两])(?:[至到—~～](?P<n2>[一二三四五六七八九]))?成"
    rf"(?P<suffix>{SUFFIX})?(?=[，。；、,;：:）)的和或]|$)"
)
# Doubling: 翻一番 = up by 100% (1倍), 翻两番 = ×4 (3倍).  The quantity starts after 翻, the verb of the
# change (indicators.UP_VERBS), as 增长 before 1倍.
WORDED_DOUBLING = lazy(rf"(?<=翻)(?P<n>[一两二三四])番(?P<suffix>{SUFFIX})?")
# A sentence without one of these has no worded share (each pattern above holds one).
MAY_BE_WORDED = compile_std(r"分之|[一二三四五六七八九两]成|番")
# Cents and a share per hundred, as a fraction's value is rounded: 三分之一 -> 33.33.
FRACTION_PLACES = Decimal("0.01")


def worded_number(s: str) -> Optional[Decimal]:
    """十四点五 -> 14.5, 二十五 -> 25, 百 -> 100, 一百 -> 100; None when malformed (点 alone, 十点)."""
    whole, _, decimals = s.partition("点")
    if whole.startswith("百"):
        whole = "一" + whole  # 百分之百
    n = cn_numeral(whole)
    if n is None or (decimals and not all(ch in CN_DIGIT for ch in decimals)):
        return None
    return Decimal(f"{n}.{''.join(str(CN_DIGIT[ch]) for ch in decimals)}") if decimals else Decimal(n)


def _worded(sentence: str, start: int, value_end: int, end: int, value: Decimal, value_max: Optional[Decimal],
            unit: str, suffix: Optional[str]) -> Quantity:
    u = units()[unit]
    return Quantity(start, value_end, end, value, value_max, u.unit, u.cls, u.measure, 1, suffix or "", "",
                    sentence[start:value_end])


def worded_quantities(sentence: str) -> list[Quantity]:
    """The shares and changes written in words in ``sentence``, in order (outside quotes and brackets).

        >>> [(str(q.value), q.unit, q.suffix, q.text) for q in worded_quantities("下降百分之十四点五，五成以上")]
        [('14.5', '%', '', '百分之十四点五'), ('50', '%', '以上', '五成')]
    """
    found: list[Quantity] = []
    if "分之" in sentence:
        for m in WORDED_PERCENT.finditer(sentence):
            low = worded_number(m.group("n1"))
            high = worded_number(m.group("n2")) if m.group("n2") else None
            if low is None or (m.group("n2") and (high is None or high <= low)):
                continue
            unit = "%" if m.group("base") == "百" else "‰"
            value_end = m.end("n2") if m.group("n2") else m.end("n1")
            found.append(_worded(sentence, m.start(), value_end, m.end(), low, high, unit, m.group("suffix")))
        for m in WORDED_FRACTION.finditer(sentence):
            d, n = cn_numeral(m.group("d")), cn_numeral(m.group("n"))
            if not d or not n or n > d:
                continue
            value = (Decimal(100 * n) / Decimal(d)).quantize(FRACTION_PLACES)
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            found.append(_worded(sentence, m.start(), m.end("n"), m.end(), value, None, "%", m.group("suffix")))
    if "成" in sentence:
        for m in WORDED_TENTHS.finditer(sentence):
            low = Decimal(10 * CN_DIGIT[m.group("n1")])
            high = Decimal(10 * CN_DIGIT[m.group("n2")]) if m.group("n2") else None
            if high is not None and high <= low:
                continue
            value_end = m.start("suffix") if m.group("suffix") else m.end()  # after 成
            found.append(_worded(sentence, m.start(), value_end, m.end(), low, high, "%", m.group("suffix")))
    if "番" in sentence:
        for m in WORDED_DOUBLING.finditer(sentence):
            value = Decimal(2 ** CN_DIGIT[m.group("n")] - 1)
            value_end = m.start("suffix") if m.group("suffix") else m.end()  # after 番
            found.append(_worded(sentence, m.start(), value_end, m.end(), value, None, "倍", m.group("suffix")))
    if not found:
        return found
    shelter = sheltered(sentence)
    return sorted((q for q in found if not shelter[q.start]), key=lambda q: q.start)


def _with_worded(found: list[Quantity], worded: list[Quantity]) -> list[Quantity]:
    """``found`` and ``worded`` in order; a number of the tokenizer inside a worded share is part of it
    (百分之十五个 is no count 十五个)."""
    if not worded:
        return found
    spans = [(w.start, w.end) for w in worded]
    kept = [q for q in found if not any(a <= q.start < b or q.start <= a < q.end for a, b in spans)]
    return sorted([*kept, *worded], key=lambda q: q.start)
