"""Attachments (附件) after the body of a plan: where each one is, what it is called, what it holds.

A national 意见 often carries its action plans as attachments (附件1 …行动方案,
附件2 重点任务分工表), and the provincial child re-issues them: most of the
content may sit there.  After the body, its closing block (issuer, date) and
any list of attachments (附件：1.…方案 2.…分工表, which names them but holds
nothing), each line ``附件1`` / ``附件2：…`` / ``附件`` opens a section that
runs to the next such line or the end of the text.  Its title is the rest of
the heading line, else the first line after it (joined with a second short
line when a long title wraps).

A section is kept when it holds something: numbered clauses (a plan, parsed by
``clauses`` as its own tree under the path prefix ``附件1``), or else at least
``MIN_ROWS`` rows of a table (任务分工表, 指标表: lines opening with the row
numbers 1, 2, 3 … in sequence).  A heading followed by nothing but the
signature, or by the next attachment's name, holds nothing and is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


from .numbering import cn_to_int
from .patterns import compile_pattern

# 附件1 / 附件 2： / 附件一 / 附件：重点任务分工表 — alone on its line, a short title at most; a table
# attached as 附表1 / 附表2：各地区目标 the same way (its own numbering: 附件1 and 附表1 may both be there).
ATTACHMENT_HEAD = compile_pattern(r"^[ \t　]*附\s*(?P<kind>[件表])\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[：:．.、]?\s*(?P<title>\S.{0,59})?$")
# A table row opening with its number: "1 推进工业绿色升级 …", "12、…", "3．…", or "1大力发展…" (the
# cell's space dropped by normalising, which removes a space between a digit and a hanzi)
ROW_START = compile_pattern(r"^[ \t　]*(?P<n>\d{1,3})(?:[、.．]|[ \t　]+|(?=\p{Han}))(?=\S)")
# A line opening with a hanzi (after any indent): a table's text cell.
HAN_FIRST = compile_pattern(r"^[ \t　]*\p{Han}")
# The header row of a table: 序号 重点任务 责任单位
TABLE_HEADER = compile_pattern(r"^[ \t　]*序\s*号")
# Words a complete title ends with: a second line is only joined to a title that lacks one.
TITLE_END = compile_pattern(r"(?:方案|计划|意见|办法|规划|要点|清单|分工|表|目录|细则|措施|任务|目标|名单|指标)[）)]?$")
# The title of a table attachment: 重点任务分工表, 主要指标表, 重点项目清单 (its clauses are rows).
TABLE_TITLE = compile_pattern(r"(?:表|清单|一览)[）)]?$")
MIN_ROWS = 2
TITLE_WRAP_MAX = 20  # characters of a second title line joined to the first


@dataclass(frozen=True)
class Section:
    """One attachment: offsets into the normalised text."""

    number: int  # 1 for 附件 / 附件1
    head: int  # start of the 附件 line
    title: str
    title_start: int  # where the title is written (on the head line, or the line after it)
    title_end: int  # where the content begins (after the title lines)
    end: int
    kind: str = "件"  # 件 (附件N) or 表 (附表N)

    @property
    def label(self) -> str:
        """The attachment's name as a path prefix: 附件1, 附表2."""
        return f"附{self.kind}{self.number}"


@dataclass(frozen=True)
class Row:
    """One row of a table attachment: offsets into the normalised text."""

    number: int
    start: int  # start of the row's number
    body: int  # start of its text
    end: int


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = start
    for line in text[start:end].split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def find_sections(text: str, after: int) -> list[Section]:
    """Attachment sections of ``text`` after offset ``after`` (the end of the body), holding content or not."""
    lines = _lines(text, after, len(text))
    heads: list[tuple[int, int, Optional[str], int, int, str]] = []  # (line index, number, title on the line, offset, title offset, kind)
    for k, (offset, line) in enumerate(lines):
        m = ATTACHMENT_HEAD.match(line)
        if m:
            n = m.group("n")
            number = (int(n) if n.isdigit() else cn_to_int(n) or 1) if n else 1
            heads.append((k, number, (m.group("title") or "").strip() or None, offset, offset + m.start("title") if m.group("title") else offset, m.group("kind")))
    sections: list[Section] = []
    for h, (k, number, title, offset, title_start, kind) in enumerate(heads):
        end_line = heads[h + 1][0] if h + 1 < len(heads) else len(lines)
        end = heads[h + 1][3] - 1 if h + 1 < len(heads) else len(text)
        body = [(o, l) for o, l in lines[k + 1 : end_line] if l.strip()]
        title_end = lines[k][0] + len(lines[k][1])
        if title is None and body:
            first_offset, first = body[0]
            title, title_start, title_end = first.strip(), first_offset + len(first) - len(first.lstrip()), first_offset + len(first)
            if len(body) > 1 and not TITLE_END.search(title) and len(body[1][1].strip()) <= TITLE_WRAP_MAX and ROW_START.match(body[1][1]) is None and TABLE_HEADER.match(body[1][1]) is None:
                title, title_end = title + body[1][1].strip(), body[1][0] + len(body[1][1])
        sections.append(Section(number, offset, title or f"附{kind}{number}", title_start, min(title_end, end), max(end, title_end), kind))
    return sections


def find_rows(text: str, start: int, end: int) -> list[Row]:
    """Table rows between ``start`` and ``end``: lines opening with 1, 2, 3 … in sequence (the rest continues a row)."""
    starts: list[tuple[int, int, int]] = []
    expected = 1
    lines = _lines(text, start, end)
    for k, (offset, line) in enumerate(lines):
        m = ROW_START.match(line)
        if m and int(m.group("n")) == expected:
            starts.append((expected, offset + m.start("n"), offset + m.end()))
            expected += 1
        elif line.strip() == str(expected) and k + 1 < len(lines) and HAN_FIRST.match(lines[k + 1][1]):
            # a table given one cell per line (1 / 强化生态环境分区管控 / 市生态环境局 / 2025年): the
            # row's number alone, its text from the next line (a value cell is followed by no hanzi)
            starts.append((expected, offset + line.index(str(expected)), lines[k + 1][0]))
            expected += 1
    if len(starts) < MIN_ROWS:
        return []
    rows: list[Row] = []
    for i, (number, row_start, body) in enumerate(starts):
        row_end = starts[i + 1][1] if i + 1 < len(starts) else end
        rows.append(Row(number, row_start, body, len(text[:row_end].rstrip())))
    return rows
