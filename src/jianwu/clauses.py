"""Normalised text -> flat list of clauses (document order) forming a tree.

The hierarchy is inferred from the numbering styles a document actually uses:
a style seen for the first time opens a level below the current clause; a
style already open closes everything below it.  Numbering may restart under
each parent (（一） again in every chapter) or run on across parents (the
municipal plan's （三）…（二十八） across chapters 二、…七、): both are accepted.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional


from .metadata import NOTICE_WRAPPER, TITLE_EDITION, closing_kind, parse_date
from .model import Clause, NormalizedText
from .attachments import TABLE_HEADER, TABLE_TITLE, find_rows, find_sections
from .indicator_table import table_years
from .numbering import STRONG, Token, int_to_cn, match_label, match_token
from .patterns import compile_pattern

# A weak (arabic) token is accepted when it continues its level within this many steps.
MAX_WEAK_GAP = 3
# An appendix heading after the body: 附件 / 附件1 / 附件：重点任务分工表.  The body ends there;
# what follows is parsed by ``attachment_clauses``.
APPENDIX = compile_pattern(r"^附(?:件|表)\s*\d*\s*[：:]?\s*\S{0,30}$")
# A box set apart from the clauses: 专栏1 能源重点工程 / 专栏二：… (a 规划's projects and targets), or the
# notes after a passage: 名词解释： / 注释： / 注： — its numbered lines are the box's, not clauses.
ASIDE_HEADING = compile_pattern(r"^(?:专栏\s*[0-9一二三四五六七八九十]{1,3}|专栏(?:[\s：:]|$)|(?:名词解释|注释|注|备注|说明)[：:]?$)")
# Notes whose first note stands on their heading's line: 注：1.单位地区生产总值能耗按2020年不变价计算。
NOTE_WITH_TEXT = compile_pattern(r"^(?:注|注释|备注|说明)\s*[：:]\s*(?=\S)")
# The longest line ASIDE_HEADING is tried on (a box's title is short; a sentence is not a heading).
ASIDE_HEADING_MAX = 40
# A footnote mark inside a line (超低排放①改造): a line starting with it later is the footnote.
INLINE_NOTE_MARK = compile_pattern(r"[①-⑳](?<=[^\n].)")  # (the mark first: the scan looks for it alone)
# Between two cells of a table row as text keeps them: two spaces or more, or a tab (its title is the first cell).
CELL_GAP = compile_pattern(r"\s{2,}|\t")
# Spaces inside a heading between Chinese characters: a PDF's justified line or a Word user's
# spacing, not part of the title (（一）推进 工业领域节能 -> 推进工业领域节能; 5G 基站 keeps its space).
TITLE_INNER_SPACE = compile_pattern(r"(?<=[\p{Han}“”《》、])[ ]+(?=[\p{Han}“”《》])")
# The heading of a table of contents (a 规划's 目录 before its first chapter): 目录 / 目  录 / 目 录：
CONTENTS_HEADING = compile_pattern(r"^目\s*录\s*[：:]?$")
# What a contents line adds after its title: dot leaders and a page number (发展基础……1, 总体要求 3).
CONTENTS_TAIL = compile_pattern(r"[\s.．…·•—\-]*\d*$")
# A table header's cell of words only: 重点任务, 牵头单位, 完成时限（年） — not 2025年目标.
HAN_WORD = compile_pattern(r"[\p{Han}（）()]+")
# What is not a letter of a title when one line is compared with the title a notice names:
# brackets, quotes, spaces (国务院关于印发《2030年前碳达峰行动方案》的通知 names 2030年前碳达峰行动方案).
NOT_TITLE_LETTER = compile_pattern(r"[\s《》〈〉“”\"]")
# The most a notice's own numbered lines may hold beside the plan after them (its share of the length).
NOTICE_SHARE_MAX = 0.5


@dataclass(slots=True)  # (slots: made per clause, a little quicker to make and read)
class _Open:
    """A numbering level still open while the clause tree is built (its style, last value, token)."""

    style: str
    value: int
    token: str  # normalised


@dataclass(slots=True)
class _Start:
    """Where a clause starts in the text, before the clause tree is made of the starts."""

    offset: int  # where the clause begins (its number)
    body: int  # where its own text begins (after the number)
    token: Optional[Token]
    label: Optional[str]
    depth: int
    path: list[str]


def _accept(token: Token, stack: list[_Open], last_value: dict[str, int]) -> bool:
    """Is this token a clause number here, or a number that merely starts a line?"""
    if STRONG[token.style]:
        return True
    for level in stack:
        if level.style == token.style:
            return 0 <= token.value - level.value <= MAX_WEAK_GAP
    # A new level: starts at 1, or runs on from where this style last stopped.
    return token.value == 1 or token.value == last_value.get(token.style, -10) + 1


def find_clause_starts(text: str) -> list[_Start]:
    stack: list[_Open] = []
    last_value: dict[str, int] = {}
    starts: list[_Start] = []
    offset = 0
    aside: Optional[_Aside] = None  # the box or notes block the lines are in, if any
    marks = _inline_note_marks(text)
    for line in text.split("\n"):
        if starts and line.startswith("附") and APPENDIX.match(line):  # (a cheap test first)
            break
        token = match_token(line)
        if stack and line[:1] in ASIDE_FIRST:
            if len(line) <= ASIDE_HEADING_MAX and ASIDE_HEADING.match(line):
                aside = _Aside({lv.style: lv.value for lv in stack})
            elif (note := NOTE_WITH_TEXT.match(line)) is not None:
                # 注：1.单位GDP能耗按不变价计算。 / 2.… : the notes go on below, numbered from the first
                aside = _Aside({lv.style: lv.value for lv in stack})
                first = match_token(line[note.end():])
                if first is not None:
                    aside.own[first.style] = first.value
        if aside is not None:
            if token is None:
                aside.last = None
            elif not aside.resumes(token):
                offset += len(line) + 1
                continue  # a line of the box
            else:
                aside = None
        if token is not None and token.style == "circled" and marks.get(line[0], len(text)) < offset:
            token = None  # the footnote of a mark met in the text above (①超低排放是指…)
        if token is not None and _accept(token, stack, last_value):
            style = token.style
            depth = len(stack)  # the level of its style, if open; else a new one below the others
            for i, lv in enumerate(stack):
                if lv.style == style:
                    depth = i
                    break
            del stack[depth:]
            stack.append(_Open(token.style, token.value, token.normalized))
            last_value[token.style] = token.value
            starts.append(_Start(offset, offset + token.end, token, None, depth + 1, [lv.token for lv in stack]))
            if "。" in line and ("。1" in line or "。（1）" in line or "。（一）" in line):  # (INLINE_FIRST_ITEMS)
                _inline_items(text, line, offset, token, stack, last_value, starts)
        elif not stack and (label := match_label(line)) is not None:
            # Label headings (指导思想：) stand at the top before numbered clauses begin.
            starts.append(_Start(offset, offset + len(line), None, label, 1, [label]))
        offset += len(line) + 1
    return starts


# The styles of the items a heading's line may run on into (（一）加快产业结构调整。1.推进…。2.严格…;
# 一、总体要求。（一）指导思想。…), and the first item of each as it follows the heading's full stop
# (not a colon: 主要包括：1.工业；2.交通 lists within one sentence).
INLINE_ITEM_STYLES = ("arabic", "arabic_paren", "cn_paren")
INLINE_FIRST_ITEMS = ("。1", "。（1）", "。（一）")
# What ends the sentence before a later inline item: a full stop or a semicolon (1.推进落后产能淘汰。依法依规淘汰；2.严格项目准入。).
INLINE_ITEM_SEPARATORS = ("。", "；")


def _inline_items(text: str, line: str, offset: int, head: Token, stack: list[_Open], last_value: dict[str, int], starts: list[_Start]) -> None:
    """The items 1. 2. … (（1）…, （一）…) numbered inside a heading's line after its full stop, as a
    PDF or web page runs on their paragraphs: clauses under the heading, when they number on from 1 in a
    style not open above, two of them at least or one the next line goes on from (1.5万千瓦 / 2.5亿元 are
    decimals, no items)."""
    at = min((i for probe in INLINE_FIRST_ITEMS if (i := line.find(probe, head.end)) != -1), default=-1)
    first = match_token(line[at + 1 :]) if at != -1 else None
    if first is None or first.value != 1 or first.style not in INLINE_ITEM_STYLES or first.style == head.style:
        return
    if any(level.style == first.style for level in stack):
        return
    items = [(at + 1, first)]
    while True:
        pos, tok = items[-1]
        found = [i + 1 for sep in INLINE_ITEM_SEPARATORS if (i := line.find(sep + _spelled(first.style, tok.value + 1), pos + tok.end)) != -1]
        nxt = match_token(line[min(found) :]) if found else None
        if nxt is None or nxt.style != first.style or nxt.value != tok.value + 1:
            break
        items.append((min(found), nxt))
    if len(items) < 2:
        after = offset + len(line) + 1  # (the next line, numbered on: 一、总体要求。（一）指导思想。… / （二）主要目标。)
        nxt = match_token(text[after : after + 12]) if text.startswith(_spelled(first.style, 2), after) else None
        if nxt is None or nxt.style != first.style or nxt.value != 2:
            return
    depth = len(stack)
    path = [lv.token for lv in stack]
    for pos, tok in items:
        starts.append(_Start(offset + pos, offset + pos + tok.end, tok, None, depth + 1, path + [tok.normalized]))
    stack.append(_Open(first.style, items[-1][1].value, items[-1][1].normalized))
    last_value[first.style] = items[-1][1].value


def _spelled(style: str, value: int) -> str:
    """How an inline item of ``style`` numbered ``value`` starts: 2 (2. / 2、), （2）, （二）."""
    if style == "arabic":
        return str(value)
    return f"（{value}）" if style == "arabic_paren" else f"（{int_to_cn(value)}）"


# The first characters of ASIDE_HEADING's lines (a quick test before the pattern).
ASIDE_FIRST = frozenset("专名注备说")


@dataclass(slots=True)
class _Aside:
    """A box or notes block met between clauses: the levels open above it, and its own numbering."""

    open_levels: dict[str, int]  # style -> last value, when the box began
    own: dict[str, int] = field(default_factory=dict)  # style -> the box's last value
    last: Optional[str] = None  # the style of the box's line just above, if numbered

    def resumes(self, token: Token) -> bool:
        """Does ``token`` resume the plan's numbering (the next number of a level open above the
        box), rather than go on with the box's own?  Recorded as the box's when it does not.

        A 1 right after the box's own 1, 2 … of its style (no heading of the box between, as
        交通工程： over a second list) starts the clause's items below the box (a Word table's box
        of 1. 2. amid a clause's 1. 2.)."""
        before = self.open_levels.get(token.style)
        own = self.own.get(token.style, 0)
        if before is not None and token.value == before + 1 and own + 1 != token.value:
            return True
        if token.value == 1 and own >= 2 and self.last == token.style and before is None:
            return True
        self.own[token.style] = token.value
        self.last = token.style
        return False


def _inline_note_marks(text: str) -> dict[str, int]:
    """Each footnote mark (① …) met inside a line, with the offset where it is first met."""
    marks: dict[str, int] = {}
    for m in INLINE_NOTE_MARK.finditer(text):
        marks.setdefault(m.group(), m.start())
    return marks


def _after_the_notice(text: str, starts: list[_Start]) -> list[_Start]:
    """The starts of the plan itself, when the notice that issues it numbers lines of its own first.

    A 印发 notice may give instructions (现就有关事项通知如下：一、… 二、…) or list its attachments
    (附件：1.… 2.…) before the plan it issues; the plan then starts under its own title, set on a
    line of its own after the notice's signature date: the title the notice names.  Those numbered
    lines are the notice's (its cover), and the plan's numbering is read from its title on.
    """
    if not starts:
        return starts
    named = _issued_title(text[: starts[0].offset])
    if named is None:
        return starts
    first = starts[0].offset
    probe = named[:4]  # (a quick find before a line is compared whole)
    found = text.find(probe, first)
    if found == -1:
        probe = named[:2]  # a quote or space among its first letters: 西宁市“十四五”…
        found = text.find(probe, first)
    while found != -1:
        line_start = text.rfind("\n", 0, found) + 1
        line_end = text.find("\n", found)
        if line_end == -1:
            break  # the title as the text's last line heads nothing
        # (a line more than twice the title's length, a paragraph, is never it, even letter-spaced)
        own = NOT_TITLE_LETTER.sub("", text[line_start:line_end]) if line_end - line_start <= 2 * len(named) + 4 else ""
        if own and own != named and named.startswith(own):
            line_end, own = _title_lines_end(text, line_start, line_end, named)
        elif own[-1:] in "）)" and own.startswith(named) and TITLE_EDITION.fullmatch(own[len(named) :]):
            own = named  # its period after it, which the notice left out: 武汉市碳达峰实施方案（2023—2025年）
        if own == named:
            # After the notice's signature date, and short beside the plan it issues: never half
            # of it (a plan whose own text is repeated, title and all, is not a notice and its plan).
            if not any(parse_date(line) for line in text[first:line_start].split("\n")):
                found = text.find(probe, line_end)
                continue  # no signature above it yet: the plan's own text naming it
            if line_start - first > NOTICE_SHARE_MAX * (len(text) - line_end):
                return starts
            plan = find_clause_starts(text[line_end + 1 :])
            if not plan:
                return starts
            base = line_end + 1
            return [_Start(st.offset + base, st.body + base, st.token, st.label, st.depth, st.path) for st in plan]
        found = text.find(probe, line_end)
    return starts


def _title_lines_end(text: str, line_start: int, line_end: int, named: str) -> tuple[int, str]:
    """(end, letters) of the title ``named`` set from ``line_start`` over up to three lines (江西省生态环境保护规划 /
    重点任务分工方案, its large type broken after a genre word), its first line's letters a start of it;
    else (``line_end``, "") (no title there)."""
    end = line_end
    for _ in range(2):
        following = text.find("\n", end + 1)
        if following == -1:
            break
        end = following
        own = NOT_TITLE_LETTER.sub("", text[line_start:end])
        if own == named:
            return end, own
        if not named.startswith(own):
            break
    return line_end, ""


def _after_the_contents(text: str, starts: list[_Start]) -> list[_Start]:
    """The starts without a table of contents: after a 目录 line, the numbered lines up to the
    heading that repeats its first entry (第一章 发展基础……1 … 第一章 发展基础) list the chapters,
    they head nothing."""
    at = text.find("录")
    while at != -1:
        if text[at - 1 : at] in ("目", " ", "\u3000"):  # (名录, 记录 … : no heading, nothing sliced)
            line_start = text.rfind("\n", 0, at) + 1
            line_end = text.find("\n", at)
            if line_end == -1:
                return starts
            if CONTENTS_HEADING.match(text[line_start:line_end]):
                break
        at = text.find("录", at + 1)
    else:
        return starts
    first = next((i for i, st in enumerate(starts) if st.offset > line_end), None)
    if first is None or starts[first].token is None:
        return starts
    entry = starts[first]
    key = (entry.token.normalized, _contents_title(text, entry))
    for j in range(first + 1, len(starts)):
        st = starts[j]
        if st.token is not None and st.token.normalized == key[0] and _contents_title(text, st) == key[1]:
            return starts[:first] + starts[j:]  # (the body reopens the levels the contents opened)
    return starts


def _contents_title(text: str, st: _Start) -> str:
    """The title on a clause's own line without a contents line's leaders and page number."""
    end = text.find("\n", st.body)
    line = text[st.body : len(text) if end == -1 else end]
    return CONTENTS_TAIL.sub("", line).replace(" ", "")


def _issued_title(cover: str) -> Optional[str]:
    """The title of the plan the cover's notice title issues (关于印发X的通知 -> X), letters only."""
    lines = [line.strip() for line in cover.split("\n") if line.strip()]
    for i, line in enumerate(lines[:8]):
        if "印发" not in line and "转发" not in line:
            continue
        joined = line
        for extra in lines[i + 1 : i + 3]:  # a notice title wrapped over lines of large type
            if joined.endswith(("通知", "函")):
                break
            joined += extra
        m = NOTICE_WRAPPER.match(NOT_TITLE_LETTER.sub("", joined))
        if m and len(m.group("inner")) >= 6:
            return m.group("inner")
    return None


def title_of(own_text: str) -> str:
    """Heading of a clause: its first line up to the first 。 (or the whole first line), or up to a
    colon its text follows (（一）推进能源结构调整：大力发展光伏。 -> 推进能源结构调整).  A number set
    alone on its line (第一章 / 发展基础, as a PDF or Word heading often is) takes the next line's."""
    first = own_text.lstrip("\n").split("\n", 1)[0]
    head = first.split("。", 1)[0]
    colon = head.find("：")
    if colon < 0 and ":" in head:
        colon = next((i for i, ch in enumerate(head) if ch == ":" and not (head[i - 1 : i].isdigit() and head[i + 1 : i + 2].isdigit())), -1)
    if 0 < colon < len(head.rstrip("：:；; ")):
        head = head[:colon]
        # A colon inside brackets is the bracket's (…盲目发展（完成时限：持续推进）): the title ends before it.
        if head.count("（") > head.count("）") and head.rfind("（") >= 2:
            head = head[: head.rfind("（")]
    return head.rstrip("：:；; ")


def build_clauses(normalized: NormalizedText) -> list[Clause]:
    text = normalized.text
    starts = _after_the_contents(text, _after_the_notice(text, find_clause_starts(text)))
    clauses = _build(normalized, starts, body_end_of(text, starts), len(text))
    if starts:
        clauses += attachment_clauses(normalized, _appendix_start(text, starts))
    return clauses


def _build(normalized: NormalizedText, starts: list[_Start], last_end: int, labels_end: int) -> list[Clause]:
    """Clauses from their starts: each runs to the next start (the last to ``last_end``)."""
    text = normalized.text
    clauses: list[Clause] = []
    for i, st in enumerate(starts):
        end = starts[i + 1].offset if i + 1 < len(starts) else last_end
        own = text[st.body:end]
        stripped = own.rstrip("\n")
        end = st.body + len(stripped)
        lead = len(stripped) - len(stripped.lstrip("\n"))
        if st.token is not None:
            number: Optional[str] = st.token.written
            style = st.token.style
            title = title_of(stripped)
            if " " in title:
                title = TITLE_INNER_SPACE.sub("", title)
        else:
            number = None
            style = "label"
            title = st.label or ""
            stripped = ""
        clauses.append(
            Clause(
                path=st.path,
                number=number,
                style=style,
                depth=st.depth,
                title=title,
                text=stripped.strip("\n") if st.token is not None else "",
                line=normalized.line_at(st.offset),
                span=(st.offset, end),
                text_offset=st.body + lead,
            )
        )
    _attach_label_bodies(clauses, text, starts, labels_end)
    return clauses


def attachment_clauses(normalized: NormalizedText, after: int) -> list[Clause]:
    """The attachments after offset ``after`` (see ``attachments``): each a clause ``附件N`` over its own tree or rows.

    A plan's clauses get the path prefix: ``附件1/一、/（一）``; a table's rows are
    clauses ``附件2/1`` … (style ``row``).  The attachment's own clause holds its
    title and any text before its first clause (为贯彻落实…，制定本方案。).
    """
    text = normalized.text
    out: list[Clause] = []
    seen: set[str] = set()
    for sec in find_sections(text, after):
        prefix = sec.label
        sub = [st for st in find_clause_starts(text[sec.title_end:sec.end]) if st.token is not None or st.label is not None]
        children: list[Clause]
        if any(st.token is not None for st in sub):
            base = sec.title_end
            shifted = [_Start(st.offset + base, st.body + base, st.token, st.label, st.depth + 1, [prefix, *st.path]) for st in sub]
            children = _build(normalized, shifted, _closing_start(text, shifted[-1].offset, sec.end), sec.end)
            first = shifted[0].offset
        else:
            rows = find_rows(text, sec.title_end, sec.end)
            if rows:  # the last row ends before the 版记 (抄送：… / …印发) that may follow the table
                last = rows[-1]
                # (a date under a name there is the row's last cells: 市生态环境局 / 2025年12月31日)
                rows[-1] = replace(last, end=max(last.body, _closing_start(text, last.start, last.end, ("publication", "colophon"))))
            columns = _header_columns(text, sec.title_end, rows[0].start) if rows else 0
            children = [
                Clause(
                    path=[prefix, str(r.number)],
                    number=str(r.number),
                    style="row",
                    depth=2,
                    title=_row_title(title_of(text[r.body:r.end]), columns),
                    text=text[r.body:r.end],
                    line=normalized.line_at(r.start),
                    span=(r.start, r.end),
                    text_offset=r.body,
                )
                for r in rows
            ]
            first = rows[0].start if rows else sec.end
        if TABLE_TITLE.search(sec.title):  # numbered rows of a table (1．…): rows, whatever their numbering
            children = [replace(c, style="row") for c in children]
        if prefix in seen or not (children or table_years(text[sec.title_start:sec.end])):
            continue  # a heading that holds nothing (a list of attachments before the signature)
        # (a table of main indicators without row numbers is held in the attachment's own text)
        seen.add(prefix)
        head_text = text[sec.title_start:first].rstrip()
        out.append(
            Clause(
                path=[prefix],
                number=prefix,
                style="attachment",
                depth=1,
                title=sec.title,
                text=head_text,
                line=normalized.line_at(sec.head),
                span=(sec.head, sec.title_start + len(head_text)),
                text_offset=sec.title_start,
            )
        )
        out += children
    return out


def _header_columns(text: str, start: int, end: int) -> int:
    """The number of cells after 序号 in a table's header row between ``start`` and ``end``
    (序号 重点任务 牵头单位 配合单位 -> 3), 0 when there is none or a cell holds more than words."""
    for line in text[start:end].split("\n"):
        if line.startswith("序") and TABLE_HEADER.match(line):
            cells = line.split()
            # (only words: a year column's space is gone once normalised, 指标 2020年 -> 指标2020年)
            return len(cells) - 1 if all(HAN_WORD.fullmatch(c) for c in cells) else 0
    return 0


def _row_title(first_line: str, columns: int) -> str:
    """A row's title: its first cell.  Cells kept apart by two spaces or a tab end at CELL_GAP; a
    row whose single spaces split it into as many cells as the header names after 序号 (a tab
    turned into one space: 强化生态环境分区管控 市生态环境局 市发展改革委) ends its first at the first."""
    if columns >= 2 and " " in first_line:
        cells = first_line.split()
        if len(cells) == columns:
            return cells[0]
    return CELL_GAP.split(first_line, 1)[0]


def body_end_of(text: str, starts: list[_Start]) -> int:
    """Where the last clause ends: before an appendix, and before the closing block above it."""
    end = _appendix_start(text, starts)
    return _closing_start(text, starts[-1].offset if starts else 0, end)


def _closing_start(text: str, last_start: int, end: int, ends: tuple[str, ...] = ("date", "publication", "colophon")) -> int:
    """Start of the signature block / 版记 that ends the document before ``end``.

    Trailing lines that are issuers, a date, 此件公开发布 or 抄送/印发 lines; only
    cut when a date, a publication note or a 版记 line is among them (a kind in ``ends``), so
    a clause that merely ends with an organisation's name keeps it.
    """
    body = text[:end].rstrip("\n")
    cut = len(body)
    kinds: set[str] = set()
    while cut > last_start:
        line_start = body.rfind("\n", last_start, cut) + 1
        if line_start <= last_start:
            break  # never cut into the line that holds the last clause's number
        kind = closing_kind(body[line_start:cut])
        if kind is None:
            break
        kinds.add(kind)
        cut = line_start - 1
    return cut if kinds.intersection(ends) else end


def _appendix_start(text: str, starts: list[_Start]) -> int:
    """Offset of an appendix heading after the last clause start, else the end of the text."""
    if not starts:
        return len(text)
    offset = text.find("\n", starts[-1].offset)
    while offset != -1:
        line_start = offset + 1
        line_end = text.find("\n", line_start)
        if APPENDIX.match(text[line_start: len(text) if line_end == -1 else line_end]):
            return offset
        offset = line_end
    return len(text)


def _attach_label_bodies(clauses: list[Clause], text: str, starts: list[_Start], labels_end: int) -> None:
    """A label heading owns the paragraphs after it, up to the next clause."""
    for i, (clause, st) in enumerate(zip(clauses, starts)):
        if st.token is not None:
            continue
        end = starts[i + 1].offset if i + 1 < len(starts) else labels_end
        body_start = st.body + 1 if st.body < len(text) and text[st.body:st.body + 1] == "\n" else st.body
        clause.text = text[body_start:end].strip("\n")
        clause.text_offset = body_start
        clause.span = (st.offset, body_start + len(text[body_start:end].rstrip("\n")))
