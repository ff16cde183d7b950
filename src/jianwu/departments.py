"""Responsibility notes -> ``DepartmentRef`` on every clause.

A task clause of these plans ends with a note naming who carries it out:
``（市发展改革委、市经济信息委按职责分工负责）``, ``（区农业农村委牵头，区发展改革委按职责
分工负责）``, ``（责任单位：A、B；配合单位：C）``, or a bare ``（A、B）``.  A clause may
carry one note after each of its tasks.  Steps:

1. find the notes in a clause's own text: bracket groups at depth 0 that assign
   (a role label or a verb) or list only departments at a sentence end, a note
   whose closing or opening bracket was lost, a ``责任单位：`` line;
2. cut a note into parts (at ，；。, and 、 after a verb) and a part into items (at 、),
   and read the role from a label before the items (责任单位：) or a verb after them
   (牵头 / 配合 / 按职责分工负责); a deadline part (2025年底前完成) names no one;
3. resolve each item in the alias table (``aliases.py``), repairing a name that
   a page break cut and duplicated a character of;
4. apply the conventions a plan declares once: ``列首位的为牵头单位`` (the first
   unit listed leads), ``下同`` (the same below) and ``以下均需X落实，不再列出`` (X
   works on every later task; on a heading, on the tasks below it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional, Sequence

import regex

from .aliases import LOCAL_UNITS, compact, fold_brackets, join_points, levels_function, looks_like_org, provinces, repair_name, resolve
from .model import Clause, DepartmentRef, NormalizedText, Role, Warning_
from .patterns import anchored, compile_pattern, lazy
from .std_patterns import compile_std

# ---------------------------------------------------------------- patterns


# A Chinese character of a pattern, and the quantifier that may follow it (均? / 区{1,2}).
HAN_CHAR = lazy(r"\p{Han}")
QUANTIFIER = lazy(r"[?*+]\??|\{\d+(?:,\d*)?\}\??")


def spaced(pattern: str, anchors: str = "") -> regex.Pattern[str]:
    """``pattern``, compiled on first use, so that its words also match when a PDF spaced their
    characters out: 按 职 责 分 工 负 责 (a text layer that justifies lines by spacing every character).

    ``anchors``: characters one of which every match holds (spacing adds only white space between
    a pattern's characters); its search, finditer and sub then skip a text without any
    (``patterns.anchored``): a note part rarely holds the 牵 of 牵头, the 同 of 下同 or the 等 of 等部门.
    """
    compiled = lazy(lambda: _spaced_source(pattern))
    return anchored(compiled, anchors) if anchors else compiled


def _spaced_source(pattern: str) -> str:
    """``pattern`` with \\s* after every Chinese character outside a character class (and after its quantifier)."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":  # an escape: copy it and the escaped character (\p{Han} whole)
            end = pattern.index("}", i) + 1 if pattern.startswith(("\\p{", "\\P{"), i) else i + 2
            out.append(pattern[i:end])
            i = end
            continue
        in_class = (in_class or ch == "[") and ch != "]"
        out.append(ch)
        i += 1
        if HAN_CHAR.match(ch) and not in_class:
            quantifier = QUANTIFIER.match(pattern, i)
            if quantifier:  # 均? -> 均?\s*: the quantifier stays on the character
                out.append(quantifier.group())
                i = quantifier.end()
            out.append(r"\s*")
    return "".join(out)


# Half-width brackets survive normalisation when a note spans lines: ( 省林草局、…\n…负责)
OPENERS = {"（": "）", "〔": "〕", "(": ")"}
CLOSERS = {v: k for k, v in OPENERS.items()}
# A bracket that defines or qualifies instead of assigning:
# （以下简称“三线一单”） （以下统称各区县政府） （含运渣车） （特殊用途除外）
NOT_A_NOTE = lazy(r"^(?:以下|下称|简称|统称|含|包括|不含|即|如|例如|注|详见|见)|除外$")
# NOT_A_NOTE's words, for ``_not_a_note`` (a search of the pattern tries its 除外$ at every character).
NOT_A_NOTE_HEADS = ("以下", "下称", "简称", "统称", "含", "包括", "不含", "即", "如", "例如", "注", "详见", "见")
NOT_A_NOTE_TAIL = "除外"
# (Patterns used with .match(text, pos) have no "^": match() anchors at pos, where "^" fails.)
# A role label before a list: 责任单位：A、B / 牵头部门：A / 配合单位：C / 主要责任单位：A (group
# "kind" gives the role; 主要 / 具体 qualify it).
ROLE_LABEL = spaced(
    r"(?:主要|具体)?(?P<kind>责任|牵头|主责|主办|负责|配合|参与|协同|协办|协助|参加)(?:(?:单位|部门|主体|处室)(?:为|是)?[：:∶]?|[：:∶])"
)
# White space right before a role label: 牵头单位：生态环境部　参与单位：国家发展改革委
LABEL_AFTER_SPACE = anchored(lazy(r"[ \t\u3000](?=(?:主要|具体)?(?:责任|牵头|主责|主办|配合|参与|协同|协办|协助|参加)(?:单位|部门)[：:∶])"), " \t\u3000")
# A role label with its colon right after a sentence end, outside brackets (1.钢铁超低排放改造工程。责任单位：A、B。)
LABEL_AFTER_SENTENCE = lazy(
    r"[。；;]\s*(?=【?(?:主要|具体)?(?:责任|牵头|主责|配合|参与|协办|协助|参加)(?:单位|部门)(?:[：:∶]|】))"
)
LABEL_WORDS = ("单位", "部门")  # every LABEL_AFTER_SENTENCE match holds one, before its colon or 】
LABEL_ENDS = "：:∶】"
# A label in 【】 (【责任单位】省生态环境厅、省发展改革委 / 【牵头单位】A【配合单位】B): read as 责任单位：
BRACKET_LABEL = lazy(r"【(?P<label>(?:主要|具体)?(?:责任|牵头|主责|主办|负责|配合|参与|协同|协办|协助|参加)(?:单位|部门))】")
# The characters a ROLE_LABEL match can start with (the first of its kinds): a line starting with
# none of them is not a label line.
ROLE_LABEL_FIRSTS = "责牵主负配参协具"
LEAD_LABELS = frozenset({"责任", "牵头", "主责", "主办", "负责"})
# Labels that name the units in charge without ranking them: 列首位的为牵头单位 may still rank them.
UNRANKED_LABELS = frozenset({"责任", "负责", "主责"})
# 牵头单位：A；责任单位：B — after a written lead, 责任单位 are the units that carry out its task.
SUBORDINATE_AFTER_LEAD = frozenset({"责任", "负责"})
# A partner's list in a joint plan: 四川：A、B；重庆：C、D
PARTNER_LABEL = lazy(r"(?P<partner>\p{Han}{2,8}?)(?:方面)?[：:∶]")
PARTNER_LABEL_LONGEST = 11  # 8 + 方面 + its colon: a part without a colon that early has no partner label
# Municipalities directly under the central government: a partner 重庆： is a city-level government.
MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})
# Words before the first department of a part: 由A牵头 / 均由A负责 / 具体由A负责
LEAD_IN = spaced(r"(?:具体|均|统一)?由|请")
# Verbs after the last department of a part (tried in this order):
# 牵头 / 牵头负责 / 负责牵头 / 牵头抓总 -> the departments lead
LEAD_VERB = spaced(r"(?:共同)?(?:牵头(?:负责|抓总|落实|实施)?|负责牵头|总牵头)$", "牵")
# 配合 / 配合落实 / 协助 / 参与 -> the departments support
SUPPORT_VERB = spaced(r"(?:按照?职责)?(?:配合(?:落实|实施|推进)?|协助|参与|协同配合)$", "配协参")
# 按职责分工负责 / 按职能分工负责 / 负责 / 分别负责 / 负责落实 / 抓好落实 -> responsible;
# 负责本地区具体落实 / 负责辖区内任务落实 (local governments: the task where they are);
# 落实主体责任 / 落实属地责任 (重点用能单位落实主体责任); 指导 / 督导 (（各市县政府负责，省住建厅指导）,
# （各省、自治区、直辖市人民政府负责，国家发展改革委加强指导）).
RESPONSIBLE_VERB = spaced(
    r"(?:(?:按照|按|根据|依据)?(?:各自)?(?:职责|职能)(?:分工)?)?"
    r"(?:分别|共同|具体|按要求)?(?:负责(?:(?:本地区|本辖区|辖区内?|本区域|属地)(?:各项|相关)?(?:任务|工作)?(?:的)?(?:具体)?)?"
    r"(?:落实|实施|推进)?|抓好落实|落实(?:主体|属地|监管)责任|落实|实施|(?:负责)?(?:指导督促|督促指导|指导监督|监督指导|指导|督导))$",
    "负实导",  # 负责 / 落实 / 实施 / 指导
)
# An adverb before a verb (looked at after the verb is found, not in its pattern): 市科技局、市教育局分别牵头负责 /
# （各省、自治区、直辖市人民政府负责，国家发展改革委加强指导）.
VERB_ADVERBS = frozenset({"分别", "加强", "统筹", "做好"})
VERBS: tuple[tuple[regex.Pattern[str], Role], ...] = (
    (LEAD_VERB, "lead"),
    (SUPPORT_VERB, "support"),
    (RESPONSIBLE_VERB, "responsible"),
)
# A bracket assigns only if it holds one of these: the anchors of the verbs and of FIRST_LEADS, and
# the first characters of the role labels (ROLE_LABEL_FIRSTS) (导: 指导 / 督导).
ASSIGNMENT_CHARS = "负牵责实配导协参主"  # (the commonest first: the test stops at the first found)
ASSIGNMENT_CHAR_LIST = tuple(ASSIGNMENT_CHARS)  # (iterating a str makes a string per CJK character)
# Verbs that make a list of places a note: （浦东新区、松江区按职责分工负责）
ASSIGNING = lazy(r"负\s*责|牵\s*头|配\s*合")
# A会同B负责: A leads, B supports.
TOGETHER_WITH = "会同"
# Two departments joined by a word inside one item: 区发展改革委和区经济信息委
CONJUNCTION = lazy(r"以及|和|及|与")
# 等 / 等部门 / 等有关单位 after the last department: 市乡村振兴局等 / 市经济合作局等部门
ETC = spaced(r"等(?:(?:有关|相关)?(?:部门|单位))?$", "等")
# 列首位的为牵头单位 / 排在第一位的为牵头部门 / 第一个单位为牵头单位 (declared once, applies below);
# a joint plan names whose lists it means: 两省市列首位的为牵头单位 / 双方列首位的为牵头单位.
FIRST_LEADS = spaced(
    r"[，,；;]?(?:[两双各]\p{Han}{0,3}?)?(?:(?:列|排|位列|排名|排序)(?:在)?(?:首位|第一位|第一个|第一|最前)(?:的|者)?(?:部门|单位)?"
    r"(?:为|是)?牵头(?:单位|部门)?|第一(?:个|家)?(?:单位|部门)为牵头(?:单位|部门)|牵头(?:单位|部门)(?:列|排)(?:在)?(?:首位|第一位))",
    "牵",  # FIRST_LEADS_ANCHOR
)
# Every FIRST_LEADS match holds the 牵 of 牵头, with at most FIRST_LEADS_BEFORE characters before
# it (，两省市列在第一位的部门为牵头…: 1 + 4 + 2 + 1 + 3 + 1 + 2 + 1) and FIRST_LEADS_AFTER from it
# on (牵头单位列在第一位), white space aside: ``first_leads_start`` looks only there.  Counted from
# the pattern above; test_departments checks them against a whole-text search.
FIRST_LEADS_ANCHOR = "牵"
# Every FIRST_LEADS match also holds 列 or 排 (列首位, 排在第一位, 牵头单位列首位) or the 第 of 第一个单位为
# 牵头单位: a note with 牵 but none of them (most notes that name a lead) has no match (``_may_first_lead``).
FIRST_LEADS_OTHERS = "列排第"
FIRST_LEADS_BEFORE = 15
FIRST_LEADS_AFTER = 9
# The label of a note under a table or a text (注：各市（地）人民政府负责本地区任务落实，表中不再列出。).
NOTE_LABEL = lazy(r"(?:注|备注|说明)\s*[：:∶]")
NOTE_LABEL_FIRSTS = "注备说"
# 下同 (the same below) closing a note or one sentence of it.
SAME_BELOW = spaced(r"[，,；;]?\s*下同$", "同")
# 不再列出 / 不再做分工: a sentence naming who works on every task, e.g.
# 〔…。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕
# 〔…，各地级市人民政府具体落实，以下任务不再列出〕 (the actors stand in the same sentence)
# 注：各市（地）人民政府负责本地区任务落实，表中不再列出。 (under a task table)
NOT_LISTED_AGAIN = spaced(
    r"[，,；;]?\s*(?:以下|后文|下文|表中|表内|下表)?(?:各项|所有)?(?:任务|工作)?均?不再(?:一一)?(?:列出|列举|做分工|分工|重复)$",
    "再",
)
# Lead-in of such a sentence: 具体任务均涉及X / 以下均需X落实 / 各项任务均由X
STANDING_LEAD_IN = spaced(r"(?:以下|具体|各项)?(?:各项)?(?:任务|工作)?(?:均|都)?(?:涉及|需要?|由|要)")
# The same lead-in naming the tasks below: a declaration even without 不再列出 —
# （A牵头，以下均需各区政府落实） / 以下各项任务均由各县（市、区）人民政府负责落实
STANDING_BELOW = spaced(r"(?:以下|下列)(?:各项|所有)?(?:任务|工作)?(?:均|都)?(?:涉及|需要?|由|要)", "下")
# 、 right after a verb ends a part like ，: （市发展改革委牵头、市统计局配合） (the standard ``re``:
# it runs on every note, and finds the few places several times faster).
VERB_THEN_ITEM_SEP = compile_std(r"(?:牵\s*头|配\s*合|协\s*助|参\s*与|负\s*责|落\s*实)\s*、")
# A part that gives the task's deadline, not who does it: （A、B，2025年底前完成） /
# （…，2024年12月底前） / （…，持续推进） / （完成时限：2023年起）.
DEADLINE = lazy(
    r"^(?:(?:完成)?时限[：:∶]?)?(?:(?:\d{4}年?[—–－~-])?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:年?底|末|上半年|下半年)?"
    r"(?:前|以前|之前|起|开始)?(?:基本|全面)?(?:完成|建成|见效|实施|推进|持续推进|落实)?|(?:长期|持续)(?:推进|实施|开展|坚持))$"
)
# The characters a DEADLINE match starts with: a part starting with none of them is no deadline.
DEADLINE_FIRSTS = "0123456789完时长持"
# A page number a PDF left at a line end inside a note (浙江― 3 ―\n省交通运输厅): the note goes on.
PAGE_RESIDUE = lazy(r"[―—–－-]\s*\d{1,3}\s*[―—–－-]\s*$")
ITEM_SEP = "、/"  # items of a list
# Where _is_assignment and _is_bare_list cut a bracket's content: items (A、B), parts (A牵头，B配合),
# both (A、B，C).
ITEM_SPLIT = lazy(r"[、/]")
PART_SPLIT = lazy(r"[，,；;。]")
LIST_SPLIT = lazy(r"[、，,；;/]")
PART_SEP = "，,；;"  # parts of a sentence of a note
GROUP_SEP = "；;"  # a new partner's list (for 列首位的为牵头单位 in a joint plan)
SENTENCE_ENDS = ("", "\n", "。", "；", ";")


@dataclass
class _Item:
    """One department of a note before resolution; offsets are absolute."""

    start: int
    end: int
    role: Role
    group: int
    explicit: bool  # the role was written (label or verb), not defaulted
    ranked: bool = True  # the role ranks the units (牵头 / 配合), not just 责任单位：
    place: Optional[str] = None  # the partner label of its list: 四川：A、B


@dataclass
class Note:
    """One responsibility note; offsets are absolute in the normalised text."""

    start: int  # first character of the content (after the bracket)
    end: int
    unclosed: bool = False  # a bracket was lost
    items: list[_Item] = field(default_factory=list)
    fragments: list[str] = field(default_factory=list)  # text that names no department
    same_below: bool = False  # 下同 on its own list: later clauses without a note inherit it
    standing: list[_Item] = field(default_factory=list)  # 不再列出 …: actors added to every later note
    first_leads: bool = False  # declares 列首位的为牵头单位


# ---------------------------------------------------------------- finding notes


def first_leads_start(text: str) -> Optional[int]:
    """Where ``FIRST_LEADS.search(text)`` starts (a 列首位的为牵头单位 declared anywhere), or None.

    The search runs only in a window around each 牵 (FIRST_LEADS_BEFORE / _AFTER characters
    that are not white space): a scan of the whole text tries the pattern at every character,
    and costs a plan more than reading all its notes.  A window may cut a match short at its
    end, which changes where the match ends, never where it starts.
    """
    best: Optional[int] = None
    at = text.find(FIRST_LEADS_ANCHOR)
    while at >= 0:
        start = _skip_chars(text, at, -FIRST_LEADS_BEFORE)
        if best is not None and start >= best:
            break  # later windows start later still
        m = FIRST_LEADS.search(text, start, _skip_chars(text, at, FIRST_LEADS_AFTER))
        if m is not None and (best is None or m.start() < best):
            best = m.start()
        at = text.find(FIRST_LEADS_ANCHOR, at + 1)
    return best


def _skip_chars(text: str, at: int, count: int) -> int:
    """The offset ``count`` characters that are not white space before (count < 0) or after ``at``.

    str.isspace is true of every character the patterns match as white space (and of
    \\x1c–\\x1f besides): the window can only grow."""
    i = at
    if count < 0:
        while i > 0 and count < 0:
            i -= 1
            count += not text[i].isspace()
    else:
        while i < len(text) and count > 0:
            count -= not text[i].isspace()
            i += 1
    return i


# The marks _bracket_groups reads: brackets and line breaks (the text between them changes nothing).
# (The plain computation, one scan for all of them; ``_bracket_groups`` finds them by str.find, below.)
BRACKET_MARKS = compile_std("[" + re.escape("".join(OPENERS) + "".join(CLOSERS)) + "\n]")
BRACKETS = "".join(OPENERS) + "".join(CLOSERS)


def bracket_marks(text: str) -> list[int]:
    """The offsets of every bracket (OPENERS, CLOSERS) of ``text``, in order: by ``str.find`` of each."""
    marks: list[int] = []
    for ch in BRACKETS:
        at = text.find(ch)
        while at >= 0:
            marks.append(at)
            at = text.find(ch, at + 1)
    marks.sort()
    return marks


def clause_marks(doc_marks: list[int], text: str, clause: Clause) -> Optional[list[int]]:
    """``bracket_marks(clause.text)`` from the document's ``doc_marks`` (one search per document, not
    six per clause): the marks inside the clause's span, when its text is that span of the document's
    ``text`` (None otherwise: its own are looked for)."""
    offset = clause.text_offset
    if not text.startswith(clause.text, offset):
        return None
    end = offset + len(clause.text)
    lo = bisect_left(doc_marks, offset)
    hi = bisect_left(doc_marks, end, lo)
    return [at - offset for at in doc_marks[lo:hi]] if lo < hi else []


def _bracket_groups(text: str, marks: Optional[list[int]] = None) -> list[tuple[int, Optional[int]]]:
    """(open, close) of each depth-0 bracket group, in order.

    close is None for a group never closed before the end of its paragraph;
    open is -1 for an orphan closing bracket (its opening was lost).

    The brackets are found by ``str.find`` of each (a scan many times quicker than a character class
    tried at every character: most of a clause is prose), and line breaks only where they matter:
    between a bracket left open and the next bracket.  A line break with no group open changes
    nothing, and one after the last bracket ends its open group as the text's end does (the same
    ``(open, None)``): what a scan of every mark (``BRACKET_MARKS``) gives.  ``marks``: the text's
    ``bracket_marks`` when known.
    """
    if marks is None:
        marks = bracket_marks(text)
    if not marks:
        return []
    groups: list[tuple[int, Optional[int]]] = []
    stack: list[int] = []
    last = 0
    for i in marks:
        if stack:  # the line breaks since the last bracket
            at = text.find("\n", last, i)
            while at >= 0:
                if not PAGE_RESIDUE.search(text, max(0, at - 12), at):
                    groups.append((stack[0], None))  # a note never spans a paragraph break
                    stack.clear()
                    break
                at = text.find("\n", at + 1, i)
        last = i
        if text[i] in OPENERS:
            stack.append(i)
        elif not stack:  # a closer
            groups.append((-1, i))
        else:
            start = stack.pop()
            if not stack:
                groups.append((start, i))
    if stack:
        groups.append((stack[0], None))
    return groups


def _may_first_lead(content: str) -> bool:
    """Can ``content`` hold a FIRST_LEADS match: its 牵 and one of FIRST_LEADS_OTHERS?"""
    return FIRST_LEADS_ANCHOR in content and ("列" in content or "排" in content or "第" in content)


def _not_a_note(content: str) -> bool:
    """``NOT_A_NOTE.search(content)`` for a stripped content (no line break at its end for $ to stand
    before): it starts with one of the heads or ends with the tail."""
    return content.startswith(NOT_A_NOTE_HEADS) or content.endswith(NOT_A_NOTE_TAIL)


def _core(content: str) -> str:
    """Content without conventions and closing punctuation: what must name departments."""
    core = content.strip()
    if _may_first_lead(core):
        core = FIRST_LEADS.pattern.sub("", core)
    core = SAME_BELOW.sub("", core.rstrip("。；;，, "))
    return core.strip().rstrip("。；;，, ")


def _first_item(part: str, found: Optional[Sequence[Optional[tuple[int, int]]]] = None) -> str:
    """The first item of a note part, its lead-in (由) and verb cut off: 由市发展改革委、市财政局负责 -> 市发展改革委.

    ``found``: the span of what each of VERBS found searching the whole part (``_verb_spans``).  The
    verbs have no look-behind nor ^, so searching the part after its lead-in finds the leftmost match
    there, which is the whole part's when that starts after the lead-in: a verb is searched again
    only when its match starts inside the lead-in, and not at all when it found none in the whole part.
    """
    lead_in = LEAD_IN.match(part)
    skip = lead_in.end() if lead_in else 0
    end = len(part)
    for index, (pattern, _role) in enumerate(VERBS):
        if found is not None:
            span = found[index]
            at = None if span is None else span[0]
        else:
            m = pattern.search(part, skip)
            at = None if m is None else m.start()
        if at is not None and at < skip:
            m = pattern.search(part, skip)
            at = None if m is None else m.start()
        if at is not None and at > skip:
            end = at
            break
    return ETC.sub("", compact(ITEM_SPLIT.split(part[skip:end])[0]))


@lru_cache(maxsize=4096)
def _verb_spans(segment: str) -> tuple[Optional[tuple[int, int]], ...]:
    """The span of what each of ``VERBS`` finds searching ``segment`` whole (None where it finds nothing).

    A function of the segment's text alone (the verbs have no look-behind nor ^, and their $ is the
    end of what is searched: ``pattern.search(text, start, end)`` finds ``start`` plus what a search of
    ``text[start:end]`` finds), memoised: a note's parts are searched when the note is found
    (``_is_assignment``) and again when it is read (``verb_after_names``), and plans repeat their parts
    (市发展改革委、市经济信息委按职责分工负责)."""
    out: list[Optional[tuple[int, int]]] = []
    for pattern, _role in VERBS:
        m = pattern.search(segment)
        out.append(None if m is None else m.span())
    return tuple(out)


def _is_assignment(content: str) -> bool:
    """Does this bracket content assign responsibility by a label or a verb?"""
    for ch in ASSIGNMENT_CHAR_LIST:  # (a loop over a tuple: a generator under ``any`` costs more than the tests)
        if ch in content:
            break
    else:
        return False  # （2021—2025年）, （含运渣车）: no label, verb or 列首位的为牵头单位 can be in it
    core = _core(_verb_commas(content, 0, len(content)))
    if not core:
        return FIRST_LEADS.search(content) is not None
    if core[0] in ROLE_LABEL_FIRSTS and ROLE_LABEL.match(core):
        return True
    return any(_part_assigns(part.strip()) for part in PART_SPLIT.split(core))


@lru_cache(maxsize=4096)
def _part_assigns(part: str) -> bool:
    """Does one part of a bracket's content (cut at ，；。) name a department before a verb?  A function
    of the part's text alone, memoised like ``_verb_spans``."""
    found = _verb_spans(part)
    if not any(found):
        return False
    first = _first_item(part, found)
    if looks_like_org(first):
        return True
    # （浦东新区、松江区负责）: places act only with a verb that assigns (not （超大城市实施）).
    return looks_like_org(first, places=True) and any(
        ASSIGNING.search(part[span[0]:span[1]]) for span in found if span is not None)


def _is_bare_list(content: str) -> bool:
    """（A、B）: every item a department, at least one in the alias table."""
    items = [ETC.sub("", compact(x)) for x in LIST_SPLIT.split(_core(content))]
    items = [x for x in items if not _is_deadline(x)]  # （A、B，2025年底前完成）
    if not items or not any(_known(x) for x in items):
        return False
    orgs = [looks_like_org(x) for x in items]
    if all(orgs):
        return True
    # Places before a government they share: （省通信管理局，长沙市、株洲市、湘潭市人民政府）
    governments = [k for k, (x, is_org) in enumerate(zip(items, orgs)) if is_org and resolve(x).local_government]
    return all(is_org or (looks_like_org(x, places=True) and any(k > i for k in governments))
               for i, (x, is_org) in enumerate(zip(items, orgs)))


def verb_after_names(text: str, start: int, end: int) -> Optional[tuple[int, Role]]:
    """(where it starts, its role) of the first verb of ``VERBS`` after some names in ``text[start:end]``
    (省发展改革委牵头 -> the offset of 牵头, lead), or None."""
    for span, (_pattern, verb_role) in zip(_verb_spans(text[start:end]), VERBS):
        if span is not None and span[0] > 0:
            at = start + span[0]
            if at - 2 > start and text[at - 2:at] in VERB_ADVERBS:
                at -= 2  # 分别牵头, 加强指导: the adverb is the verb's, not the last name's
            return at, verb_role
    return None


def _verb_commas(text: str, start: int, end: int) -> str:
    """``text`` with each 、 right after a verb in ``text[start:end]`` read as ，: 牵头、B配合 -> 牵头，B配合."""
    if text.find("、", start, end) < 0:
        return text
    for m in VERB_THEN_ITEM_SEP.finditer(text, start, end):
        text = text[: m.end() - 1] + "，" + text[m.end():]
    return text


def _is_deadline(part: str) -> bool:
    """Is a part of a note its deadline (2025年底前完成, 持续推进)?  A quick literal test first."""
    return ("年" in part or "持续" in part or "长期" in part) and DEADLINE.match(compact(part)) is not None


def _known(name: str) -> bool:
    """In the alias table, or two table names joined by 和/及 (区发展改革委和区经济信息委)."""
    if resolve(name).known:
        return True
    return any(resolve(name[: m.start()]).known and resolve(name[m.end():]).known for m in CONJUNCTION.finditer(name))


def _standing_declaration(content: str) -> bool:
    """（以下各项任务均需各区县政府落实，不再列出）: a bracket that starts like a definition (以下)
    but declares who works on the tasks below — a chapter heading carries it."""
    return "再" in content and NOT_LISTED_AGAIN.search(content.strip().rstrip("。；;，, ")) is not None


def find_notes(text: str, marks: Optional[list[int]] = None) -> list[tuple[int, int, bool]]:
    """(start, end, unclosed) of the content of each responsibility note in a clause's own text
    (``marks``: its ``bracket_marks`` when known)."""
    notes: list[tuple[int, int, bool]] = []
    for open_, close in _bracket_groups(text, marks):
        if open_ < 0 and close is not None:
            # The opening bracket was lost: the note starts after the last sentence end.
            begin = max(text.rfind(ch, 0, close) for ch in "。；;\n）") + 1
            content = text[begin:close]
            if content.strip() and not _not_a_note(content.strip()) and _is_assignment(content):
                notes.append((begin, close, True))
            continue
        end = close if close is not None else len(text) if "\n" not in text[open_:] else text.index("\n", open_)
        content = text[open_ + 1:end]
        if not content.strip() or (_not_a_note(content.strip()) and not _standing_declaration(content)):
            continue
        if close is not None and close - open_ <= ROLE_MARK_LONGEST and _is_role_mark(text, open_, close):
            continue  # 省发展改革委（牵头）: a role written after a name, read with the name's note or cell
        at_end = close is not None and text[close + 1:close + 2] in SENTENCE_ENDS
        if _is_assignment(content) or (at_end and _is_bare_list(content)) or _standing_declaration(content):
            notes.append((open_ + 1, end, close is None))
    # A sentence outside brackets naming who works on every later task: 各市州人民政府负责本地区具体
    # 落实，以下不再列出。 (its 不再列出 makes it a declaration, its verb after a name a note).
    if "不再" in text:
        notes.extend(_standing_sentences(text, notes))
    # A 责任单位：… line with no brackets at all, or such a label after a sentence of the line (a 专栏's
    # items: 1.钢铁超低排放改造工程。责任单位：省生态环境厅、省工业和信息化厅。).
    offset = 0
    for line in text.split("\n") if "\n" in text else (text,):  # (most clauses are one line: no split)
        label = ROLE_LABEL.match(line) if line[:1] in ROLE_LABEL_FIRSTS else BRACKET_LABEL.match(line) if line[:1] == "【" else None
        start = offset
        if label is None and line[:1] == "【" and line[1:2] in ROLE_LABEL_FIRSTS:
            label = ROLE_LABEL.match(line, 1)  # 【责任单位：A、B】: the whole note in 【】
            start += 1
        if label and label.group(0)[-1] in "：:】" and not any(s <= offset < e for s, e, _ in notes):
            end = offset + len(line.rstrip("。；; "))
            if start > offset and line.rstrip("。；; ").endswith("】"):
                end -= 1
            # 责任单位：A、B（以下均需各区县人民政府落实，不再列出）: the bracket is a note of its own
            inner = [s - 1 for s, _, _ in notes if offset < s <= end]
            notes.append((start, min(inner) if inner else end, False))
        offset += len(line) + 1
    notes.extend(_labels_after_sentences(text, notes))
    return sorted(notes)


def _labels_after_sentences(text: str, notes: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """(start, end, False) of each role label right after a sentence end outside the ``notes`` found, to
    the end of its sentence (1.钢铁超低排放改造工程。责任单位：A、B。 / …。牵头单位：A；配合单位：B。).
    Looked for from each 单位 / 部门 before a colon (a clause holds a few): no scan of every line."""
    out: list[tuple[int, int, bool]] = []
    if not ("：" in text or ":" in text or "∶" in text or "】" in text):
        return out  # no LABEL_ENDS after any 单位 / 部门 (most clauses hold neither colon nor 】)
    for word in LABEL_WORDS:
        at = text.find(word)
        while at >= 0:
            after = text[at + 2:at + 3]
            if after and after in LABEL_ENDS and not any(s <= at < e for s, e, _ in notes + out):
                begin = max(text.rfind(ch, max(0, at - 9), at) for ch in "。；;")
                m = LABEL_AFTER_SENTENCE.match(text, begin) if begin >= 0 else None
                if m is not None and text.rfind("\n", begin, at) < 0:
                    line_end = text.find("\n", at)
                    stop = text.find("。", at, len(text) if line_end < 0 else line_end)
                    start, end = m.end(), (len(text) if line_end < 0 else line_end) if stop < 0 else stop
                    if text[start] == "【" and after != "】":
                        # 【责任单位：A、B】: the whole note in 【】 (not a label in them: 【责任单位】A、B), and the
                        # notes in 【】 right after it (【牵头单位：A】【配合单位：B】)
                        close = text.find("】", at, end)
                        while close >= 0 and text.startswith("【", close + 1) and text.find("】", close + 1, end) >= 0:
                            close = text.find("】", close + 1, end)
                        start, end = start + 1, close if close >= 0 else end
                    out.append((start, end, False))
            at = text.find(word, at + 2)
    return out


def _standing_sentences(text: str, notes: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """(start, end, False) of each sentence of ``text`` outside the ``notes`` found that declares
    standing actors (``_standing_declaration``) and names them before a verb (``_is_assignment``)."""
    out: list[tuple[int, int, bool]] = []
    at = text.find("不再")
    while at >= 0:
        end = len(text)
        for ch in "。；;\n":
            stop = text.find(ch, at)
            if 0 <= stop < end:
                end = stop
        start = max(text.rfind(ch, 0, at) for ch in "。；;\n）)") + 1
        label = NOTE_LABEL.match(text, start, at) if text[start:start + 1] in NOTE_LABEL_FIRSTS else None
        start = label.end() if label else start  # 注：各市人民政府负责…，表中不再列出
        content = text[start:end]
        if (not any(s <= at < e for s, e, _ in notes) and _standing_declaration(content) and _is_assignment(content)):
            start, end = _trim(text, start, end)
            out.append((start, end, False))
        at = text.find("不再", end)
    return out


# ---------------------------------------------------------------- reading a note


@lru_cache(maxsize=None)
def _split_marks(seps: str) -> regex.Pattern[str]:
    """The characters _split_depth0 looks at for ``seps``: brackets and the separators."""
    return compile_pattern("[" + regex.escape("".join(OPENERS) + "".join(CLOSERS) + seps) + "]")


def _split_depth0(text: str, seps: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of the pieces of ``text[start:end]`` cut at ``seps`` outside brackets."""
    end = len(text) if end is None else end
    span = text[start:end]  # (``in`` on the span: cheaper than a bounded find on the text per separator)
    kinds, found = 0, ""
    for sep in seps:
        if sep in span:
            kinds += 1
            found = sep
    if not kinds:  # no separator in the span, e.g. no 。 in most notes: one piece, whatever its brackets
        return [(start, end, "")]
    pieces: list[tuple[int, int, str]] = []
    if kinds == 1 and not ("（" in span or "）" in span or "〔" in span or "〕" in span or "(" in span or ")" in span):  # BRACKETS
        # One kind of separator and no bracket (most lists: 市发展改革委、市经济信息委): every separator
        # is at depth 0 and cuts, as the scan below would, and ``str.split`` finds them in one pass
        # (the scan costs a match object and a Python step per mark).
        at, before = start, ""
        for piece in span.split(found):
            stop = at + len(piece)
            pieces.append((at, stop, before))
            at, before = stop + 1, found
        return pieces
    depth, piece, before = 0, start, ""
    for m in _split_marks(seps).finditer(text, start, end):
        ch = m.group()
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS:
            if depth:
                depth -= 1
        elif depth == 0:
            i = m.start()
            pieces.append((piece, i, before))
            piece, before = i + 1, ch
    pieces.append((piece, end, before))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class _Cursor:
    """What earlier parts of a note decide for the later ones."""

    group: int = 0  # partner's list (；, 四川：)
    lead_seen: bool = False  # after a lead, undeclared departments support
    label: Optional[Role] = None  # 责任单位：A，B，C — a label holds until another label or a verb
    place: Optional[str] = None  # the partner label of the current list (四川：)
    label_ranked: bool = True
    # 牵头单位：A；责任单位：B — the label names the units that carry out the lead's task
    # (SUBORDINATE_AFTER_LEAD): local governments under it carry it out where they are.
    label_subordinate: bool = False
    marked_lead: bool = False  # 责任单位：A（牵头），B、C — a lead marked in brackets: the label's later units support
    may_mark: bool = False  # the note holds a role mark (（牵头）), looked for once per note


def read_note(text: str, start: int, end: int, base: int = 0, unclosed: bool = False) -> Note:
    """Parse the note ``text[start:end]``; ``base`` makes offsets in ``text`` absolute."""
    note = Note(base + start, base + end, unclosed)
    # The note's text once, for the quick tests below (``in`` on it is cheaper than a bounded find on
    # the clause's text); the blanking keeps every length, so spans stay those of ``text``.
    content = text[start:end]
    blanked = text
    if _may_first_lead(content):
        for m in FIRST_LEADS.pattern.finditer(text, start, end):
            note.first_leads = True
            blanked = blanked[: m.start()] + " " * (m.end() - m.start()) + blanked[m.end():]
    if note.first_leads or " " in content or "\t" in content or "\u3000" in content:  # LABEL_AFTER_SPACE's anchors
        for m in LABEL_AFTER_SPACE.pattern.finditer(blanked, start, end):
            # 牵头单位：A　参与单位：B — a space before a label ends a part like a comma would.
            blanked = blanked[: m.start()] + "，" + blanked[m.end():]
    if "【" in content:
        for m in BRACKET_LABEL.finditer(blanked, start, end):  # 【牵头单位】A【配合单位】B -> ，牵头单位：A，配合单位：B
            blanked = blanked[: m.start()] + "，" + m.group("label") + "：" + blanked[m.end():]
        at = blanked.find("】【", start, end)
        while at >= 0:  # 【牵头单位：A】【配合单位：B】 (read from after its first 【) -> 牵头单位：A，，配合单位：B
            blanked = blanked[:at] + "，，" + blanked[at + 2:]
            at = blanked.find("】【", at + 2, end)
    if "、" in content:  # (the blanking above neither adds nor removes a 、)
        blanked = _verb_commas(blanked, start, end)  # 市发展改革委牵头、市统计局配合 — parts joined by 、
    # A role mark opens a bracket inside the note: most notes hold none.
    may_mark = ("（" in content or "(" in content or "〔" in content) and ROLE_MARK_QUICK.search(text, start, end) is not None
    cursor = _Cursor(may_mark=may_mark)
    # SAME_BELOW's 同 and NOT_LISTED_AGAIN's 再, looked for once per note (the blanking adds neither).
    may_same, may_again = "同" in content, "再" in content
    for index, (s_start, s_end, _) in enumerate(_split_depth0(blanked, "。", start, end)):
        s_start, s_end = _trim(blanked, s_start, s_end)
        while s_end > s_start and blanked[s_end - 1] in "；;，, ":
            s_end -= 1
        same_below = SAME_BELOW.search(blanked, s_start, s_end) if may_same else None
        if same_below:
            s_end = same_below.start()
        not_again = NOT_LISTED_AGAIN.search(blanked, s_start, s_end) if may_again else None
        if not_again:
            s_end = not_again.start()
        standing = index > 0 and bool(same_below or not_again)
        note.same_below = note.same_below or (index == 0 and bool(same_below))
        target = note.standing if standing else note.items
        parts = _split_depth0(blanked, PART_SEP, s_start, s_end)
        for number, (p_start, p_end, sep) in enumerate(parts):
            last_stands = not standing and bool(not_again) and number == len(parts) - 1
            if not standing and _declares_standing(blanked, p_start, p_end, last_stands):
                # （A牵头，B配合，以下均需各区政府落实，不再列出）: after a comma as after 。, the
                # sentence names who works on every later task; its lead-in (以下均需) is no name.
                _read_part(blanked, p_start, p_end, sep, True, note.standing, note, cursor, base)
                continue
            before = len(target)
            _read_part(blanked, p_start, p_end, sep, standing, target, note, cursor, base)
            if last_stands:
                # 〔…，各地级市人民政府具体落实，以下任务不再列出〕: the last part stands for every later task.
                note.standing.extend(replace(item) for item in target[before:])
    _lead_before_support(note.items)
    return note


def _declares_standing(text: str, start: int, end: int, not_listed: bool) -> bool:
    """Does the part ``text[start:end]`` open with the lead-in of a standing declaration: 以下均需
    anywhere, 各项任务均由 / 具体任务均涉及 in the last part of a sentence ending in 不再列出
    (``not_listed``)?"""
    start, end = _trim(text, start, end)
    if not_listed:
        m = STANDING_LEAD_IN.match(text, start, end)
        return m is not None and m.end() > start
    # Every STANDING_BELOW match starts with the 以 of 以下 or the 下 of 下列: a quick test first.
    return start < end and text[start] in "以下" and STANDING_BELOW.match(text, start, end) is not None


def _read_part(
    text: str, start: int, end: int, sep: str, standing: bool, target: list[_Item], note: Note, cursor: _Cursor, base: int
) -> None:
    """One part of a note: [label] [由] A、B [等] [verb]."""
    start, end = _trim(text, start, end)
    if start >= end or (text[start] in DEADLINE_FIRSTS and _is_deadline(text[start:end])):
        return  # nothing, or the task's deadline: （A牵头，B配合，2025年底前完成）
    if sep and sep in GROUP_SEP:
        cursor.group += 1
        cursor.place = None
    role: Optional[Role] = None
    ranked = True
    label = ROLE_LABEL.match(text, start, end) if text[start] in ROLE_LABEL_FIRSTS else None
    if label:
        kind = label.group("kind")
        subordinate = kind in SUBORDINATE_AFTER_LEAD and cursor.lead_seen
        lead = kind in LEAD_LABELS and not subordinate
        role = "lead" if lead else "support"
        ranked = not (lead and kind in UNRANKED_LABELS)
        cursor.label, cursor.label_ranked, cursor.label_subordinate = role, ranked, subordinate
        start = label.end()
    head = text[start:min(end, start + PARTNER_LABEL_LONGEST)]  # where a partner label's colon can be
    partner = PARTNER_LABEL.match(text, start, end) if "：" in head or ":" in head or "∶" in head else None
    if partner and _is_place(partner.group("partner")):
        if not (sep and sep in GROUP_SEP) or cursor.place is not None:
            cursor.group += 1
        cursor.place = partner.group("partner")
        start = partner.end()
    for lead_in in ((STANDING_LEAD_IN,) if standing else ()) + (LEAD_IN,):
        m = lead_in.match(text, start, end)
        if m:
            start = m.end()
    found_verb = verb_after_names(text, start, end)
    verb = found_verb is not None
    own_duty = False  # 落实主体责任 / 落实属地责任: the units carry out their own duty
    if found_verb is not None:
        own_duty = text.find("责任", found_verb[0], end) >= 0
        end, verb_role = found_verb
        if role is None and verb_role != "responsible":
            role = verb_role
    written = role is not None  # a label or a 牵头 / 配合 verb in this very part
    if role is None and not verb and cursor.label is not None:
        role, ranked = cursor.label, cursor.label_ranked  # 责任单位：A，B: the label still holds
        if role == "lead" and cursor.marked_lead:
            role = "support"  # 责任单位：A（牵头），B: A was marked the lead
    elif verb or written:
        cursor.label = None if not label else cursor.label
    explicit = role is not None
    if role is None:
        role = "support" if cursor.lead_seen else "responsible"
    cursor.lead_seen = cursor.lead_seen or role == "lead"
    together = text.find(TOGETHER_WITH, start, end)
    items = _read_items(text, start, end)
    # …配合，各区政府、市属国有企业负责落实: one list before one 负责 has one role.  With a local
    # government in it, the list names who carries the task out where it is (enterprises, zone
    # committees, 行政公署 beside the governments), not the lead's supporters.
    carry_out = verb and not written and together < 0 and (own_duty or any(item[4] for item in items))
    # Under a label carried from an earlier part (责任单位：A，各县人民政府、高新区管委会) or one naming
    # who carries out a lead's task (牵头单位：A；责任单位：各市州人民政府), a local government and the
    # actors after it in its part (a zone's committee, enterprises) carry the task out where they are.
    under_label = cursor.label is not None and not verb and (not written or (label is not None and cursor.label_subordinate))
    after_local = False
    # 市生态环境局（牵头）、市发展改革委: a role written after a name (only looked for after a bracket closes)
    marks = [_role_mark(text, i + n, end) for i, n, _, _, _ in items] if cursor.may_mark else None
    for k, (i_start, length, name, is_org, local_government) in enumerate(items):
        i_end = i_start + length
        if not is_org:
            note.fragments.append(name)
            continue
        item_role: Role = role
        if marks is not None and not local_government:
            item_role = marks[k] or ("support" if "lead" in marks else role)
            cursor.lead_seen = cursor.lead_seen or item_role == "lead"
            cursor.marked_lead = cursor.marked_lead or marks[k] == "lead"
            target.append(_Item(base + i_start, base + i_end, item_role, cursor.group, True, True, cursor.place))
            continue
        if together >= 0:  # A会同B负责
            item_role = "lead" if i_start < together else "support"
        elif carry_out or after_local:
            item_role = "responsible"
        elif local_government and (not written or under_label):
            # …配合单位：…等，各市人民政府负责落实 / 责任单位：省X厅，各市、州、县人民政府: the local
            # governments carry the task out where they are; they are not the lead's supporters.
            item_role = "responsible"
            after_local = under_label
        target.append(_Item(base + i_start, base + i_end, item_role, cursor.group, explicit or together >= 0,
                            ranked or together >= 0, cursor.place))


# A role written in a bracket after a name: 责任单位：市生态环境局（牵头）、市发展改革委 / 市市场监管局〔牵头〕.
# The marked unit leads, the others of its part support it; the name ends before the bracket.
ROLE_MARK = lazy(r"[（(〔]\s*(?P<role>牵头|配合)(?:单位|部门)?\s*[）)〕]")
ROLE_MARK_OPENERS = "（(〔"
# A quick test of a part or a cell for a role mark (the standard ``re``: it runs on every part).
ROLE_MARK_QUICK = compile_std(r"[（(〔]\s*(?:牵头|配合)")


ROLE_MARK_LONGEST = 8  # （ 牵头单位 ） with a space inside


def _is_role_mark(text: str, open_: int, close: int) -> bool:
    """Is the bracket ``text[open_:close + 1]`` a role mark (（牵头）) and nothing else?"""
    m = ROLE_MARK.match(text, open_, close + 1)
    return m is not None and m.end() == close + 1


def _role_mark(text: str, at: int, end: int) -> Optional[Role]:
    """The role written in a bracket at ``text[at:end]`` right after a name, or None."""
    if at >= end or text[at] not in ROLE_MARK_OPENERS:
        return None
    m = ROLE_MARK.match(text, at, end)
    return None if m is None else ("lead" if m.group("role") == "牵头" else "support")


# Actors that, like a local government, carry a task out where they are rather than support its
# lead: a zone's committee (（A牵头，B配合，宁东管委会负责）) — canonical names of the alias table.
CARRY_OUT_ACTORS = frozenset({"管委会", "高新区管委会"})


@lru_cache(maxsize=4096)
def _read_item(written: str) -> tuple[int, str, bool, bool]:
    """An item of a note as written (市经济合作局等部门) -> its length without a closing 等 (等部门), its
    name (compacted), whether it names a department or actor (places count) and whether it carries
    the task out where it is (a local government, or the departments of the levels below).

    A function of the item's text alone (ETC, searched in the item's span before, has no look-behind,
    and endpos ends the text for its $): memoised like ``_item_spans``.
    """
    length = len(written)
    if written[-1] in "）)〕":
        opener = max(written.rfind(ch) for ch in ROLE_MARK_OPENERS)
        if opener > 0 and _role_mark(written, opener, length) is not None and ROLE_MARK.match(written, opener).end() == length:
            length = _trim(written, 0, opener)[1]  # 市生态环境局（牵头）: the name before its role
    etc = ETC.search(written[:length])
    if etc and etc.start() > 0:
        length = _trim(written, 0, etc.start())[1]
    name = compact(written[:length])
    is_org = looks_like_org(name, places=True)
    # A local government, or a function's departments at the levels below (各省、自治区、直辖市…
    # 工业和信息化主管部门, generic): each carries the task out where it is.
    res = resolve(name)
    local = is_org and (res.local_government or res.canonical in CARRY_OUT_ACTORS
                        or (res.generic and levels_function(name) is not None))
    return length, name, is_org, local


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Items of a part at 、 and 会同; an item naming two known departments joined by 和/及 is cut."""
    out: list[tuple[int, int]] = []
    for a, b in _join_government_lists(text, _split_depth0(text, ITEM_SEP, start, end)):
        out.extend((a + p, a + q) for p, q in _item_spans(text[a:b]))
    return out


def _read_items(text: str, start: int, end: int) -> list[tuple[int, int, str, bool, bool]]:
    """(start, *_read_item) of each item of ``_items(text, start, end)``, in order: what _read_part
    reads.  One memo per piece of the list (``_read_piece``) instead of a slice and a look-up per item."""
    out: list[tuple[int, int, str, bool, bool]] = []
    for a, b in _join_government_lists(text, _split_depth0(text, ITEM_SEP, start, end)):
        if a == b:
            continue  # an empty piece (、、) has no item: _item_spans trims it away
        for p, length, name, is_org, local in _read_piece(text[a:b]):  # (a loop, not a generator per piece)
            out.append((a + p, length, name, is_org, local))
    return out


@lru_cache(maxsize=4096)
def _read_piece(piece: str) -> tuple[tuple[int, int, str, bool, bool], ...]:
    """(start in ``piece``, *_read_item) of each item of one piece of a list (``_item_spans``):
    ``piece[p:q]`` is the text ``_read_item`` reads of the item at ``text[a + p:a + q]``.  A function
    of the piece's text alone, like the two it combines."""
    return tuple((p, *_read_item(piece[p:q])) for p, q in _item_spans(piece))


@lru_cache(maxsize=4096)
def _item_spans(piece: str) -> tuple[tuple[int, int], ...]:
    """The items (spans in ``piece``) of one piece of a list: cut at 会同, trimmed, and cut at 和/及
    between two known departments (``_conjunction_cut``).

    A function of the piece's text alone: memoised, for plans name the same departments note
    after note (data/raw: 1,339 items, 260 different).
    """
    together = piece.find(TOGETHER_WITH)
    pieces = [(0, together), (together + len(TOGETHER_WITH), len(piece))] if together >= 0 else [(0, len(piece))]
    spans: list[tuple[int, int]] = []
    for p, q in pieces:
        p, q = _trim(piece, p, q)
        if p < q:
            spans.extend((p + a, p + b) for a, b in _conjunction_cut(piece[p:q]))
    return tuple(spans)


# One level of local government in a list that shares its last word: 各市、州、县人民政府 /
# 市州、县市区人民政府 / 各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门 (the pieces
# before the one that ends in 人民政府 or names a function's departments).
BARE_UNITS = lazy(rf"^(?:各|有关|相关)?(?:{LOCAL_UNITS}|[（）()和及])+$")
UNITS_GOVERNMENT = lazy(rf"^(?:{LOCAL_UNITS}|[（）()、])+(?:人民政府|政府)$")


def _join_government_lists(text: str, pieces: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Join 各市、州、县人民政府 back into one item: its pieces are levels, not departments."""
    out: list[tuple[int, int]] = []
    pending: list[tuple[int, int]] = []
    for a, b, _ in pieces:
        piece = text[a:b]
        if _bare_levels(piece):
            pending.append((a, b))
            continue
        if pending and _closes_levels(piece):  # looked at only after bare levels: most lists have none
            out.append((pending[0][0], b))
        else:
            out.extend(pending)
            out.append((a, b))
        pending = []
    return out + pending


@lru_cache(maxsize=4096)
def _bare_levels(piece: str) -> bool:
    """Is a piece of a list a bare level (各市, 州, 自治区)?  Memoised like ``_item_spans``."""
    # 各市〔州〕、县〔市、区〕人民政府 as 各市（州）、县（市、区）人民政府
    return BARE_UNITS.match(fold_brackets(compact(piece))) is not None


@lru_cache(maxsize=4096)
def _closes_levels(piece: str) -> bool:
    """Does a piece after bare levels end their list: levels and their government (县人民政府), or
    levels and a function's departments (各省、自治区、|直辖市及新疆生产建设兵团工业和信息化主管部门)?"""
    name = fold_brackets(compact(piece))
    return UNITS_GOVERNMENT.match(name) is not None or levels_function(name, True) is not None


@lru_cache(maxsize=4096)
def _conjunction_cut(item: str) -> tuple[tuple[int, int], ...]:
    """The spans (in ``item``) of the departments an item names: itself, or two joined by 和/及/与
    (区发展改革委和区经济信息委).  Memoised like ``_item_spans``."""
    whole = ETC.sub("", compact(item))
    if resolve(whole).known:
        return ((0, len(item)),)
    for m in CONJUNCTION.finditer(item):
        left, right = (0, m.start()), (m.end(), len(item))
        if all(resolve(ETC.sub("", compact(item[p:q]))).known for p, q in (left, right)):
            return left, right  # 区发展改革委和区经济信息委 / 各设区市人民政府和平潭综合实验区管委会
    return ((0, len(item)),)


def _lead_before_support(items: list[_Item]) -> None:
    """（A负责，B配合）: a note with supporters but no written lead is led by those before them.
    (One pass over the items, not two generators: a lead ends it, the first supporter is where the
    leads end, and one supporter must have been written so.)"""
    first_support, written = -1, False
    for n, item in enumerate(items):
        role = item.role
        if role == "lead":
            return
        if role == "support":
            if first_support < 0:
                first_support = n
            written = written or item.explicit
    if not written:
        return
    for item in items[:first_support]:
        item.role = "lead"


def _apply_first_leads(items: list[_Item], places: list[Optional[str]], local: list[bool]) -> None:
    """列首位的为牵头单位: the first of each partner's list leads, the others support.

    A partner's list is delimited by ；, by a partner label (四川：), or by a change
    of the place written before the level (四川省… then 重庆市…).  Local governments
    named in the list (各市人民政府负责落实) keep their role: they are not ranked.
    """
    if any(item.explicit and item.ranked for item in items):
        return  # 牵头 / 配合 written: the note ranks its units itself
    group, current, seen = 0, None, set()
    for item, place, is_local in zip(items, places, local):
        if is_local:
            continue
        if place and current and place != current:
            group += 1
        current = place or current
        key = (item.group, group)
        item.role = "support" if key in seen else "lead"
        seen.add(key)


# ---------------------------------------------------------------- resolution


class _JoinPoints:
    """A document's ``join_points``, worked out on first use: only a name the table does not know
    is repaired with them (one document of the 26 of data/raw needs them; listing them costs ~0.1 ms
    a document)."""

    def __init__(self, normalized: NormalizedText) -> None:
        self._normalized = normalized
        self._points: Optional[list[int]] = None

    def get(self) -> list[int]:
        if self._points is None:
            self._points = join_points(self._normalized)
        return self._points


def to_ref(text: str, item: _Item, joins: _JoinPoints, note: int) -> tuple[DepartmentRef, Optional[str]]:
    """The DepartmentRef of an item, and the name as written when it had to be repaired."""
    written = compact(text[item.start:item.end])
    name, res, repaired = written, resolve(written), None
    if not res.known:
        fixed = repair_name(text[item.start:item.end], item.start, joins.get())
        if fixed:
            name, res, repaired = fixed, resolve(fixed), written
    ref = DepartmentRef(name, res.canonical, res.level, item.role, res.generic, res.known, (item.start, item.end), note,
                        res.place, item.group)
    if item.place and ref.region is None and not res.local_government:  # 四川：生态环境厅、发展改革委
        ref.region = item.place
        if ref.level is None and not res.fixed_level and not ref.generic:
            ref.level = _place_level(item.place)
    return ref, repaired


def _is_place(label: str) -> bool:
    """四川 / 重庆市 / 成都方面 as a partner label, not 其中 / 注."""
    return _place_level(label.removesuffix("方面")) is not None


def _place_level(place: str) -> Optional[str]:
    """The level of a partner's place: 四川 / 四川省 -> 省, 重庆 / 成都市 -> 市."""
    if place in MUNICIPALITIES or place in ("北京市", "天津市", "上海市", "重庆市"):
        return "市"
    if place.endswith(("省", "自治区")) or any(place == written for written, _ in provinces()):
        return "省"  # before 州: 贵州, 广州 are told apart by the province table
    if place.endswith(("市", "州", "盟")):
        return "市"
    if place.endswith(("区", "县", "旗")):
        return "区" if place.endswith("区") else "县"
    return None


# A 厅 is a provincial department (a city's 办公厅 aside): 自然资源厅 written alone is 省.
PROVINCIAL_ONLY = lazy(r"(?<!办公)厅(?:[（(〔][^）)〕]*[）)〕])?$")


def share_prefix(refs: list[DepartmentRef]) -> None:
    """A level and place written once for a list: 四川省能源局、经济和信息化厅 -> both 四川省;
    省工信厅、发改委、生态环境厅 -> all 省; 重庆市生态环境局、市发展改革委 -> both 重庆市.

    Within one partner's list, a name written without a level takes the level and place
    of the nearest earlier name that has one; a name with the same level but no place
    takes its place.  Bodies whose level the name fixes (ministries, vertically managed
    offices) and generic actors take nothing.
    """
    context: dict[int, tuple[Optional[str], str]] = {}
    for ref in refs:
        res = resolve(ref.name)
        if res.prefixed and ref.level is not None:
            previous = context.get(ref.partner)
            if ref.region is None and previous and previous[1] == ref.level:
                ref.region = previous[0]
            context[ref.partner] = (ref.region, ref.level)
            continue
        if res.prefixed or res.fixed_level or ref.generic or not ref.known:
            continue
        previous = context.get(ref.partner)
        if previous is not None:
            ref.region, ref.level = previous
        elif PROVINCIAL_ONLY.search(ref.name):
            ref.level = "省"  # 自然资源厅: only a province has a 厅


def set_partners(refs: list[DepartmentRef]) -> None:
    """``partner``: which government's list a reference is in, for notes of a joint plan.

    A partner is a province or city named before its departments (重庆市…；四川省…); a
    reference without one (vertically managed offices, generic actors) stays with the
    partner before it.  A note naming fewer than two partners has partner 0 throughout.
    """
    regions: list[str] = []
    current = 0
    for ref in refs:
        if ref.region and ref.level in ("省", "市") and not ref.generic:
            if ref.region not in regions:
                regions.append(ref.region)
            current = regions.index(ref.region)
        ref.partner = current
    if len(regions) < 2:
        for ref in refs:
            ref.partner = 0


def _identity(ref: DepartmentRef) -> tuple[Optional[str], Optional[str], str]:
    """What makes two references the same body: 重庆市X局 and 四川省X厅, or 厦门证监局 and
    福建证监局, are different bodies; generic actors are told apart by what is written.  Two
    references of one identity may still be two bodies of one function (``_same_body``)."""
    return ref.region, ref.level, ref.name if ref.generic else ref.canonical


def _same_body(a: DepartmentRef, b: DepartmentRef) -> bool:
    """Two references of one ``_identity``: one body, unless the table tells their bodies apart
    (国家电网 / 南方电网, 市公安局 / 市公安局交管局).  Looked up only then: most notes name no body twice."""
    return a.generic or a.name == b.name or resolve(a.name).body == resolve(b.name).body





# ---------------------------------------------------------------- the pass over a document


def _on_note_line(text: str, at: int) -> bool:
    """Is ``at`` on a line opening with a note label (注：/ 说明：/ 备注：)?"""
    start = text.rfind("\n", 0, at) + 1
    return text[start:start + 1] in NOTE_LABEL_FIRSTS and NOTE_LABEL.match(text, start, at + 1) is not None


@dataclass
class _Inherited:
    """A 下同 list: clauses after the declaring one, under the same parent, without a note take it."""

    refs: list[DepartmentRef]
    parent: list[str]
    depth: int

    def covers(self, clause: Clause) -> bool:
        return clause.path[: len(self.parent)] == self.parent and clause.depth >= self.depth


def assign_departments(clauses: list[Clause], normalized: NormalizedText) -> list[Warning_]:
    """Set ``clause.departments`` on every clause (document order); return warnings.

    A row of a task table (``task_table``) without a note of its own takes its unit cells."""
    from . import task_table  # (it reads cells with this module's note reader)

    text = normalized.text
    joins = _JoinPoints(normalized)
    first_leads_from = first_leads_start(text)
    doc_marks = bracket_marks(text)
    if first_leads_from and _on_note_line(text, first_leads_from):
        first_leads_from = 0  # 注：各项任务的第一个单位为牵头单位 under the tasks: it speaks of the notes above it too
    # Standing actors (不再列出), their _identity, and the clause path whose subtree they join (() for
    # every later note).
    standing: list[tuple[DepartmentRef, tuple[Optional[str], Optional[str], str], list[str]]] = []
    inherited: Optional[_Inherited] = None
    warnings: list[Warning_] = []
    table: Optional[task_table.Header] = None  # the header of the 分工表 whose rows come next
    table_standing: list[tuple[DepartmentRef, tuple[Optional[str], Optional[str], str], list[str]]] = []
    for number, clause in enumerate(clauses):
        clause.departments = []
        if inherited is not None and not inherited.covers(clause):
            inherited = None
        found = find_notes(clause.text, clause_marks(doc_marks, text, clause))
        if clause.style != "row":
            header = task_table.find_header(clause.text)  # 序号 重点任务 牵头单位 配合单位
            table = header[0] if header else None
            if header and found:  # notes inside the table's rows (各镇（街道）) are its cells, read below
                found = [f for f in found if f[0] < header[1]]
            if header and not found:  # a table inside a clause of the body: a note per row
                end = clause.text_offset + len(clause.text)
                rows = task_table.body_rows(text, clause.text_offset + header[1], end)
                for index, (start, row_end) in enumerate(rows):
                    clause.departments += _table_refs(text, task_table.row_items(text, start, row_end, header[0]), index,
                                                      clause, joins, warnings, normalized)
            # 注：各市州人民政府负责本地区任务落实，表中不再列出 — under any row of the table that follows
            table_standing = []
            if number + 1 < len(clauses) and clauses[number + 1].style == "row":
                table_standing = _table_standing(clauses, number + 1, text, joins, warnings, normalized)
        elif found and "不再" in clause.text:
            # The table's note (注：…不再列出) is read for all its rows (table_standing), not as this row's.
            spans = task_table.table_notes(clause.text, 0, len(clause.text))
            found = [f for f in found if not any(clause.text.rfind("\n", 0, a) < f[0] <= b for a, b in spans)]
        if clause.style == "row" and not found and table is not None:  # a row of the table: its unit cells
            start = clause.text_offset
            items = task_table.row_items(text, start, start + len(clause.text), table)
            refs = _table_refs(text, items, 0, clause, joins, warnings, normalized)
            # Standing actors declared for every later task (以下均需…落实，不再列出) and by the table's note.
            have = {}
            for r in refs:
                have.setdefault(_identity(r), []).append(r)
            for r, key, within in standing + table_standing:
                others = have.get(key)
                if within or (others and any(_same_body(r, o) for o in others)):
                    continue
                have.setdefault(key, []).append(r)
                refs.append(replace(r, note=0))
            clause.departments = refs
            continue
        path = clause.path
        # A heading (a clause its successor is under) declares for the clauses below it only:
        # 一、重点任务（以下各项任务均需各区县政府落实，不再列出）.
        below = clauses[number + 1].path if found and number + 1 < len(clauses) else []
        heading = len(below) > len(path) and below[: len(path)] == path
        for index, (start, end, unclosed) in enumerate(found):
            note = read_note(clause.text, start, end, clause.text_offset, unclosed)
            where = normalized.line_at(note.start)
            if unclosed:
                excerpt = compact(clause.text[start:end])[:40]
                warnings.append(Warning_("unclosed_note", f"{clause.key}: responsibility note lacks a bracket: {excerpt}", where))
            for fragment in note.fragments:
                message = f"{clause.key}: {fragment!r} in a responsibility note names no department"
                warnings.append(Warning_("note_text_not_a_department", message, where))
            if note.first_leads or (first_leads_from is not None and note.start >= first_leads_from):
                resolutions = [resolve(compact(text[i.start:i.end])) for i in note.items]
                # A branch office's place (福州海关, 厦门海关) names no partner's list; a zone committee
                # is not ranked, like a government.
                _apply_first_leads(note.items, [None if r.fixed_level else r.place for r in resolutions],
                                   [r.local_government or r.canonical in CARRY_OUT_ACTORS for r in resolutions])
            refs = _resolve_items(text, note.items, index, joins, warnings, normalized)
            share_prefix(refs)
            set_partners(refs)
            refs = _dedupe(refs, clause, normalized, warnings)
            # 不再列出 / 下同 in a later sentence: these actors work on this task and every later one.
            new_standing = _resolve_items(text, note.standing, index, joins, warnings, normalized)
            share_prefix(new_standing)
            scope = path if heading else []
            for r in new_standing:
                r = replace(r, role="responsible", inherited=True, declared_line=where)
                standing.append((r, _identity(r), scope))
            have: dict[tuple[Optional[str], Optional[str], str], list[DepartmentRef]] = {}
            # (a note that only declares, after the clause's note naming the same actors: 责任单位：A、
            # 各区县人民政府（以下均需各区县人民政府落实，不再列出） names them once)
            for r in refs if note.items else clause.departments:
                have.setdefault(_identity(r), []).append(r)
            for r, key, within in standing + table_standing if clause.style == "row" else standing:
                others = have.get(key)
                if (others and any(_same_body(r, o) for o in others)) or (within and path[: len(within)] != within):
                    continue
                written_here = r.declared_line == where and note.start <= r.span[0] < note.end
                if written_here and heading and not note.items:
                    continue  # the heading only declares: its actors work on the tasks below it
                refs.append(replace(r, note=index, inherited=not written_here,
                                    declared_line=None if written_here else r.declared_line))
            clause.departments.extend(refs)
            if note.same_below:
                inherited = _Inherited([replace(r) for r in refs if not r.inherited], clause.path[:-1], clause.depth)
                inherited.refs = [replace(r, inherited=True, declared_line=where) for r in inherited.refs]
        if not found and inherited is not None:
            clause.departments = [replace(r, note=0) for r in inherited.refs]
    return warnings


def _table_standing(
    clauses: list[Clause], first: int, text: str, joins: _JoinPoints, warnings: list[Warning_], normalized: NormalizedText
) -> list[tuple[DepartmentRef, tuple[Optional[str], Optional[str], str], list[str]]]:
    """The standing actors a note under a task table declares (注：各市（地）人民政府负责本地区任务落实，
    表中不再列出), for every row of the table: the rows from ``clauses[first]`` on, as standing entries."""
    from . import task_table

    out: list[tuple[DepartmentRef, tuple[Optional[str], Optional[str], str], list[str]]] = []
    number = first
    while number < len(clauses) and clauses[number].style == "row":
        clause = clauses[number]
        number += 1
        if "不再" not in clause.text:
            continue
        for start, end in task_table.table_notes(clause.text, 0, len(clause.text)):
            if not _standing_declaration(clause.text[start:end]):
                continue
            note = read_note(clause.text, start, end, clause.text_offset)
            where = normalized.line_at(note.start)
            refs = _resolve_items(text, note.standing, 0, joins, warnings, normalized)
            share_prefix(refs)
            for r in refs:
                r = replace(r, role="responsible", inherited=True, declared_line=where)
                out.append((r, _identity(r), []))
    return out


def _table_refs(
    text: str, items: list[_Item], index: int, clause: Clause, joins: _JoinPoints, warnings: list[Warning_],
    normalized: NormalizedText,
) -> list[DepartmentRef]:
    """The references of one row of a task table (its unit cells' items), as of one note."""
    refs = _resolve_items(text, items, index, joins, warnings, normalized)
    share_prefix(refs)
    set_partners(refs)
    return _dedupe(refs, clause, normalized, warnings)


def _resolve_items(
    text: str, items: list[_Item], index: int, joins: _JoinPoints, warnings: list[Warning_], normalized: NormalizedText
) -> list[DepartmentRef]:
    refs: list[DepartmentRef] = []
    for item in items:
        ref, repaired = to_ref(text, item, joins, index)
        if repaired:
            message = f"{repaired} read as {ref.name} (characters repeated at a line or page break)"
            warnings.append(Warning_("department_repaired", message, normalized.line_at(item.start)))
        refs.append(ref)
    return refs


def _dedupe(
    refs: list[DepartmentRef], clause: Clause, normalized: NormalizedText, warnings: list[Warning_]
) -> list[DepartmentRef]:
    """A department listed twice in one note is reported once, with a warning."""
    out: list[DepartmentRef] = []
    seen: dict[tuple[Optional[str], Optional[str], str], list[DepartmentRef]] = {}
    for ref in refs:
        key = _identity(ref)
        others = seen.get(key)
        if others is None:
            seen[key] = [ref]
        elif any(_same_body(ref, other) for other in others):
            message = f"{clause.key}: {ref.name} listed twice in one responsibility note"
            warnings.append(Warning_("duplicate_department", message, normalized.line_at(ref.span[0])))
            continue
        else:
            others.append(ref)  # 国家电网 after 南方电网: another body of the function
        out.append(ref)
    return out
