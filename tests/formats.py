"""Build the .docx and web-page versions of a parsed plan, as they are published.

``plan_docx(doc)``: every numbered clause is a paragraph whose number is Word
automatic numbering (``numbering.xml``; the number is removed from the text): one
multi-level list whose levels follow the clause depths (the top level through a
paragraph style based on another one, linked by ``w:lvl/w:pStyle``, lower levels
through ``w:numPr``), restarts of lower levels as Word does them, ``w:lvlRestart 0``
for a level whose numbers run on across parents, and a ``w:num`` with
``w:startOverride`` where the written number is not the one Word would count.
Runs of leaf clauses whose note is a lead/support note become a 重点任务分工表 (序号 /
重点任务 / 牵头单位 / 配合单位 / 完成时限), the 序号 an automatically numbered cell.
A header, a footer, a comment-free footnote-free body.

``plan_html(doc)``: a government page in gb2312 with navigation, breadcrumb, 字号 links,
the 信息公开 table, the article in a ``TRS_Editor`` container, a related-article list,
a share widget, scripts, a hidden block and a footer.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass, field

from jianwu.departments import find_notes
from jianwu.model import Clause, Document
from jianwu.numbering import match_token

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CN_STYLES = {"cn", "cn_paren", "chapter", "section", "article", "part"}
NUM_FMT = {"arabic": "decimal", "arabic_paren": "decimal", "arabic_rparen": "decimal", "circled": "decimalEnclosedCircle"}
TOP_STYLE, BASE_STYLE = "JwHeading1", "JwHeadingBase"


def _template(written: str, style: str, value: int, ilvl: int) -> str:
    """lvlText for a token as written: 一、 -> %1、 ; （十四） -> （%2） ; 第三条 -> 第%1条."""
    from jianwu.numbering import int_to_cn

    numeral = chr(0x2460 + value - 1) if style == "circled" else (int_to_cn(value) if style in CN_STYLES else str(value))
    at = written.index(numeral)
    return written[:at] + f"%{ilvl + 1}" + written[at + len(numeral):]


@dataclass
class _List:
    """One abstract numbering being built, with the counters Word would keep for it."""

    abstract_id: int
    levels: dict[int, tuple[str, str]] = field(default_factory=dict)  # ilvl -> (numFmt, lvlText)
    no_restart: set[int] = field(default_factory=set)
    counters: dict[int, int] = field(default_factory=dict)


class _Numbering:
    def __init__(self) -> None:
        self.lists: list[_List] = []
        self.nums: list[tuple[int, int, dict[int, int]]] = []  # (numId, abstractId, startOverrides)
        self.main_num: dict[int, int] = {}  # abstract id -> its plain w:num

    def new_list(self) -> _List:
        lst = _List(len(self.lists))
        self.lists.append(lst)
        self.main_num[lst.abstract_id] = self._num(lst.abstract_id, {})
        return lst

    def _num(self, abstract_id: int, overrides: dict[int, int]) -> int:
        num_id = len(self.nums) + 1
        self.nums.append((num_id, abstract_id, overrides))
        return num_id

    def number(self, lst: _List, ilvl: int, value: int) -> int:
        """numId to number the next paragraph of ``lst`` at ``ilvl`` as ``value``."""
        predicted = lst.counters.get(ilvl, 0) + 1
        num_id = self.main_num[lst.abstract_id]
        if predicted != value:
            num_id = self._num(lst.abstract_id, {ilvl: value})
        lst.counters[ilvl] = value
        for lower in [k for k in lst.counters if k > ilvl and k not in lst.no_restart]:
            del lst.counters[lower]
        return num_id

    def xml(self) -> str:
        parts = [f'<w:numbering xmlns:w="{W_NS}">']
        for lst in self.lists:
            parts.append(f'<w:abstractNum w:abstractNumId="{lst.abstract_id}"><w:multiLevelType w:val="multilevel"/>')
            for ilvl in range(9):
                fmt, text = lst.levels.get(ilvl, ("decimal", f"%{ilvl + 1}."))
                link = f'<w:pStyle w:val="{TOP_STYLE}"/>' if lst.abstract_id == 0 and ilvl == 0 else ""
                restart = '<w:lvlRestart w:val="0"/>' if ilvl in lst.no_restart else ""
                parts.append(
                    f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{restart}{link}'
                    f'<w:lvlText w:val="{html.escape(text, quote=True)}"/><w:lvlJc w:val="left"/></w:lvl>'
                )
            parts.append("</w:abstractNum>")
        for num_id, abstract_id, overrides in self.nums:
            over = "".join(
                f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{v}"/></w:lvlOverride>' for i, v in overrides.items()
            )
            parts.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{over}</w:num>')
        parts.append("</w:numbering>")
        return "".join(parts)


def _lines_with_clauses(doc: Document) -> list[tuple[str, Clause | None]]:
    starts = {c.span[0]: c for c in doc.clauses if c.number}
    out: list[tuple[str, Clause | None]] = []
    offset = 0
    for line in doc.text.split("\n"):
        out.append((line, starts.get(offset)))
        offset += len(line) + 1
    return out


def table_note(clause: Clause) -> tuple[str, str, str] | None:
    """(task text, leads, supports) when the clause ends with one lead/support note, else None."""
    roles = {d.role for d in clause.departments}
    if not clause.departments or roles - {"lead", "support"} or "lead" not in roles:
        return None
    if {d.note for d in clause.departments} != {0} or "\n" in clause.text:
        return None
    notes = find_notes(clause.text)
    if len(notes) != 1 or notes[0][2] or notes[0][1] != len(clause.text) - 1 or clause.text[notes[0][0] - 1] != "（":
        return None
    leads = "、".join(d.name for d in clause.departments if d.role == "lead")
    supports = "、".join(d.name for d in clause.departments if d.role == "support")
    return clause.text[: notes[0][0] - 1], leads, supports


def plan_docx(doc: Document, *, tables: bool = True) -> bytes:
    """The plan as a Word file with automatic numbering (see module docstring)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    word = docx.Document()
    base = word.styles.add_style(BASE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    top = word.styles.add_style(TOP_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    top.base_style = base
    base.element.get_or_add_pPr().append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:numId w:val="1"/></w:numPr>'))
    word.sections[0].header.paragraphs[0].text = "重庆市人民政府行政规范性文件"
    word.sections[0].footer.paragraphs[0].text = "— 1 —"

    numbering = _Numbering()
    main = numbering.new_list()
    style_lists: dict[tuple[str, str], _List] = {}
    depth_key: dict[int, tuple[str, str]] = {}
    # Which (style, template) each depth uses first, and whether its numbers run on across parents.
    clauses = [c for c in doc.clauses if c.number]
    first_child_values: dict[int, list[int]] = {}
    previous_parent: dict[int, tuple[str, ...]] = {}
    for c in clauses:
        ilvl = c.depth - 1
        token = match_token(c.number + "x")
        assert token is not None
        key = (NUM_FMT.get(c.style, "chineseCounting"), _template(c.number, c.style, token.value, ilvl))
        depth_key.setdefault(ilvl, key)
        parent = tuple(c.path[:-1])
        if previous_parent.get(ilvl) != parent:
            first_child_values.setdefault(ilvl, []).append(token.value)
            previous_parent[ilvl] = parent
    for ilvl, key in depth_key.items():
        main.levels[ilvl] = key
        if any(v > 1 for v in first_child_values.get(ilvl, [])[1:]):
            main.no_restart.add(ilvl)

    body = word.element.body
    sect = body[-1]
    rows: list[tuple[int, int, str, str, str]] = []  # pending 分工表 rows: (numId, ilvl, task, leads, supports)

    def flush_table() -> None:
        if not rows:
            return
        cells = "".join(f"<w:tc><w:p><w:r><w:t>{h}</w:t></w:r></w:p></w:tc>" for h in ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"))
        xml = [f'<w:tbl xmlns:w="{W_NS}"><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tr>{cells}</w:tr>']
        for num_id, ilvl, task, leads, supports in rows:
            number_cell = f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr></w:p>'
            xml.append(
                f"<w:tr><w:tc>{number_cell}</w:tc>"
                + "".join(f"<w:tc><w:p><w:r><w:t>{html.escape(t)}</w:t></w:r></w:p></w:tc>" for t in (task, leads, supports))
                + "<w:tc><w:p/></w:tc></w:tr>"
            )
        xml.append("</w:tbl>")
        sect.addprevious(parse_xml("".join(xml)))
        rows.clear()

    for line, clause in _lines_with_clauses(doc):
        if clause is None:
            flush_table()
            sect.addprevious(_paragraph(parse_xml, line, None, None, None))
            continue
        token = match_token(line)
        assert token is not None, line
        ilvl = clause.depth - 1
        key = (NUM_FMT.get(clause.style, "chineseCounting"), _template(clause.number or "", clause.style, token.value, ilvl))
        if depth_key.get(ilvl) == key:
            lst, list_ilvl = main, ilvl
        else:  # a style this depth does not usually have: a list of its own
            lst = style_lists.get(key)
            if lst is None:
                lst = style_lists[key] = numbering.new_list()
                lst.levels[0] = (key[0], key[1].replace(f"%{ilvl + 1}", "%1"))
            list_ilvl = 0
        num_id = numbering.number(lst, list_ilvl, token.value)
        rest = line[len(clause.number or ""):]
        note = table_note(clause) if tables and lst is main else None
        is_leaf = not any(c.path[: len(clause.path)] == clause.path and len(c.path) > len(clause.path) for c in doc.clauses)
        if note is not None and is_leaf and rest == clause.text:
            rows.append((num_id, list_ilvl, note[0], note[1], note[2]))
            continue
        flush_table()
        if lst is main and ilvl == 0 and num_id == numbering.main_num[0]:
            sect.addprevious(_paragraph(parse_xml, rest, TOP_STYLE, None, None))  # numbered by its style
        else:
            sect.addprevious(_paragraph(parse_xml, rest, None, num_id, list_ilvl))
    flush_table()
    word.part.numbering_part._element = parse_xml(numbering.xml())
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def _paragraph(parse_xml, text: str, style: str | None, num_id: int | None, ilvl: int | None):  # type: ignore[no-untyped-def]
    ppr = ""
    if style or num_id is not None:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num_id is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ppr += "</w:pPr>"
    # Two runs, the second with a tracked deletion and a hidden run that are not text.
    half = len(text) // 2
    runs = (
        f'<w:r><w:t xml:space="preserve">{html.escape(text[:half])}</w:t></w:r>'
        f'<w:del w:id="1" w:author="x"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>'
        f'<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r>'
        f'<w:r><w:t xml:space="preserve">{html.escape(text[half:])}</w:t></w:r>'
    )
    return parse_xml(f'<w:p xmlns:w="{W_NS}">{ppr}{runs}</w:p>')


def _html_paragraphs(lines: list[str]) -> str:
    """Seed lines as a CMS writes them: <p> with inline spans, source line breaks, entities, <br> groups."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if i % 7 == 3 and i + 1 < len(lines):  # two paragraphs in one <div>, split by <br>
            out.append(f"<div>{_inline(line, i)}<br/>\n{_inline(lines[i + 1], i + 1)}</div>")
            i += 2
            continue
        out.append(f'<p style="text-indent:2em;">{_inline(line, i)}</p>')
        i += 1
    return "\n".join(out)


def _inline(text: str, i: int) -> str:
    escaped = html.escape(text, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
    if i % 3 == 0 and len(escaped) > 40:
        # a source line break between two Chinese characters (it vanishes), inside a styled span
        cut = next((k for k in range(20, len(escaped) - 1) if "\u4e00" <= escaped[k - 1] <= "\u9fff" and "\u4e00" <= escaped[k] <= "\u9fff"), None)
        if cut is not None:
            escaped = f'<span style="font-family:仿宋_GB2312;">{escaped[:cut]}\n  {escaped[cut:]}</span>'
    if i % 5 == 1:
        escaped = f"&nbsp;&nbsp;<font face=\"仿宋\">{escaped}</font>"
    return escaped


def plan_html(doc: Document) -> bytes:
    """The plan as a government web page, encoded as its gb2312 meta tag says (see module docstring)."""
    title = html.escape(doc.title or "")
    rows = [("索引号", "11500000009275780L/2023-00081"), ("主题分类", "生态环境")]
    if doc.issuers:
        rows.append(("发文机关", "、".join(doc.issuers)))
    if doc.date:
        rows.append(("成文日期", doc.date))
    rows.append(("标题", doc.title or ""))
    if doc.doc_number:
        rows.append(("发文字号", doc.doc_number))
    if doc.date:
        rows.append(("发布日期", doc.date))
    table = "".join(
        "<tr>" + "".join(f"<td class=\"label\">{k}：</td><td>{html.escape(v)}</td>" for k, v in rows[i:i + 2]) + "</tr>"
        for i in range(0, len(rows), 2)
    )
    nav = "".join(f'<li><a href="/{i}/">{name}</a></li>' for i, name in enumerate(("首页", "机构概况", "政务公开", "办事服务", "互动交流", "专题专栏")))
    related = "".join(f'<li><a href="/r{i}.html">关于印发第{i}批绿色低碳示范项目名单的通知</a><span>2023-0{i}-01</span></li>' for i in range(1, 6))
    body = _html_paragraphs(doc.text.split("\n"))
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}_重庆市人民政府网</title>
<style type="text/css">.TRS_Editor P{{line-height:2;}} .hide{{display:none}}</style>
<script type="text/javascript">var keywords = "一、脚本里的文字（一）不是正文";</script>
</head>
<body>
<div class="header"><div class="logo"><h1>重庆市生态环境局</h1></div>
<ul class="nav">{nav}</ul>
<div class="search"><input type="text" value="请输入关键字"/><button>搜索</button></div></div>
<div class="main">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zcwj/">政策文件</a></div>
<div class="xxgk-info"><table class="table">{table}</table></div>
<div class="article">
<h2 class="article-title">{title}</h2>
<div class="article-info">来源：重庆市生态环境局 <span class="font-size">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{body}
</div></div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a><a class="bds_qzone">QQ空间</a></div>
<div class="article-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="related"><h3>相关文章</h3><ul>{related}</ul></div>
</div>
<div style="display:none">一、隐藏的编号文字</div>
<!-- 二、注释里的文字 -->
<div class="footer"><p>主办单位：重庆市生态环境局 版权所有 渝ICP备05003300号</p><p>网站标识码：5000000012</p></div>
<script>document.write("（一）脚本写出的文字");</script>
</body>
</html>
"""
    return page.encode("gb18030")
