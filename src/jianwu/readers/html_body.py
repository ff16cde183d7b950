"""A web page's DOM -> the lines of its article (lxml).

General rules, no site list:

1. Drop what a reader never sees: scripts, styles, forms' controls, comments,
   ``hidden`` / ``display:none`` / ``visibility:hidden`` elements.
2. The 信息公开 table — the smallest element naming at least two of 索引号, 发文机关,
   成文日期, 发文字号, 发布日期 … — becomes ``字段：值`` lines at the top.
3. The content container is found by text density: every block of text scores by
   its length and its Chinese punctuation, added to its container and (less) to
   the containers above; a container's score is multiplied by ``1 - link density``
   and by its class/id (``TRS_Editor``, ``zoom``, ``article``, ``content``,
   ``pages_content``, ``xxgk`` … up; ``nav``, ``footer``, ``breadcrumb``, ``share``,
   ``related`` … down).  The best one is widened to a parent that adds little text
   (the article's title above its body).
4. Inside it, ``<p>``, ``<div>``, ``<br>``, headings and list items are line breaks,
   ``<table>`` rows become lines (``table_lines``), and navigation-like blocks
   (chrome class names, link lists) and chrome lines (字号：大 中 小, 分享到, 打印, 上一篇)
   are left out.  The page's heading is put first when the container lacks it.
"""

from __future__ import annotations

import re
from typing import Optional

from .table_lines import span_cells, table_to_lines

INVISIBLE_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select",
                  "option", "button", "input", "textarea", "head", "link", "meta", "map", "audio", "video"}
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
              "header", "footer", "blockquote", "pre", "center", "address", "figure", "figcaption", "hr", "form",
              "main", "nav", "aside", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "body", "html"}
CONTAINER_TAGS = {"div", "td", "section", "article", "main", "body", "form", "center", "font", "span"}
# style="display:none" / "visibility: hidden"
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Class / id words of the article container: TRS_Editor (TRS CMS), zoom, pages_content (gov.cn) …
CONTENT_NAME = re.compile(
    r"trs_editor|trs_paper|zoom|article|content|pages_content|xxgk|detail|zhengwen|wenzhang|\bzw\b|main-?text|"
    r"\btext\b|art_con|news_?con|con_?text|view|custom_unionstyle|wzcon|\bbody\b",
    re.I,
)
# Class / id words of chrome: navigation, breadcrumb, font-size links, share widgets, related lists, footers.
CHROME_NAME = re.compile(
    r"nav|menu|breadcrumb|crumb|position|location|dqwz|share|bdshare|jiathis|print|font-?size|zihao|fontsize|"
    r"related|relevant|xgwz|xgxx|xgwj|recommend|sidebar|\bside\b|comment|pager|pagination|toolbar|login|search|"
    r"copyright|foot|friend|banner|advert|qrcode|erweima|\bewm\b|gotop|backtop|top-?bar|\bheader\b|\bhead\b|links?\b",
    re.I,
)
# Fields of the 信息公开 table (as metadata.py names them).
# A field is counted when written with its colon (``有效性`` alone is a common word).
INFO_FIELD = re.compile(r"(索引号|主题分类|公文种类|发文机关|发布机构|成文日期|发布日期|发文字号|文号|生效日期|有效性|体裁分类)\s*[：:]")
INFO_MAX_CHARS = 1500  # the table is short; an article that names a field is not it
INFO_LABEL_CELL = re.compile(r"^\s*(索引号|主题分类|公文种类|发文机关|发布机构|成文日期|发布日期|发文字号|文号|生效日期|有效性|体裁分类|标题|名称)\s*[：:]?\s*$")
# Chrome lines a page puts inside the article: 字号：大 中 小 / 【打印】【关闭】 / 分享到： / 上一篇：
CHROME_LINE = re.compile(
    r"^(?:【?\s*(?:字号|字体)\s*[：:]|分享到|【\s*(?:打印|关闭|收藏)|打印本页|关闭窗口|上一篇|下一篇|"
    r"(?:相关|推荐)(?:文章|链接|阅读|新闻|文件|稿件|信息|政策)|扫一扫|浏览次数|访问量|阅读次数)"
)
# What a document title says it is: 关于…的通知 / …实施方案 / …意见
TITLE_WORDS = re.compile(r"关于|方案|意见|通知|办法|规划|计划|决定|公告|细则|规定|纲要|批复|函$")
CN_PUNCT = re.compile(r"[，。；、：]")
# A line break in the source between two wide characters vanishes (CSS Text segment breaks).
SEGMENT_BREAK = re.compile(r"(?<=[\u2e80-\uffef])[ \t\r\f\v]*\n\s*(?=[\u2e80-\uffef])")
COLLAPSIBLE = re.compile(r"[ \t\r\n\f\v]+")
MIN_BLOCK_CHARS = 10
LAYOUT_CELL_BLOCKS = 4  # a cell with this many paragraphs / line breaks is page layout, not data
ANCESTOR_WEIGHTS = (1.0, 1.0, 0.5, 0.33, 0.2)  # the block itself, its parent, grandparent …
WIDEN_RATIO = 1.15  # a parent that adds at most 15% text (a title, a date line) still holds the article


def _tag(el) -> str:  # type: ignore[no-untyped-def]
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _names(el) -> str:  # type: ignore[no-untyped-def]
    return f"{el.get('class', '')} {el.get('id', '')}"


def _clean_text(text: Optional[str]) -> str:
    if not text:
        return ""
    return COLLAPSIBLE.sub(" ", SEGMENT_BREAK.sub("", text))


def _drop_invisible(root) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, (etree._Comment, etree._ProcessingInstruction)):
                doomed.append(el)
            continue
        tag = _tag(el)
        if tag in INVISIBLE_TAGS or el.get("hidden") is not None or el.get("aria-hidden") == "true" \
                or HIDDEN_STYLE.search(el.get("style", "")) or (tag == "input" and el.get("type") == "hidden"):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the tail text that follows it


class _Lengths:
    """Text and link-text lengths of every element, computed once bottom-up."""

    def __init__(self, root) -> None:  # type: ignore[no-untyped-def]
        self.text: dict[object, int] = {}
        self.links: dict[object, int] = {}
        self._fill(root)

    def _fill(self, el) -> None:  # type: ignore[no-untyped-def]
        stack = [(el, False)]
        while stack:
            node, done = stack.pop()
            if not done:
                stack.append((node, True))
                stack.extend((child, False) for child in node if isinstance(child.tag, str))
                continue
            total = len((node.text or "").strip())
            links = 0
            for child in node:
                if isinstance(child.tag, str):
                    total += self.text[child]
                    links += self.links[child]
                total += len((child.tail or "").strip())
            self.text[node] = total
            self.links[node] = total if _tag(node) == "a" else links

    def density(self, el) -> float:  # type: ignore[no-untyped-def]
        total = self.text.get(el, 0)
        return self.links.get(el, 0) / total if total else 1.0


def _own_text(el) -> str:  # type: ignore[no-untyped-def]
    """Text of ``el`` outside its block-level children (its inline text)."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and _tag(child) not in BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _name_weight(el) -> float:  # type: ignore[no-untyped-def]
    names = _names(el)
    if not names.strip():
        return 1.0
    if CHROME_NAME.search(names) and not CONTENT_NAME.search(names):
        return 0.2
    return 1.6 if CONTENT_NAME.search(names) else 1.0


def find_container(root, lengths: _Lengths):  # type: ignore[no-untyped-def]
    """The element that holds the article (see module docstring, step 3)."""
    scores: dict[object, float] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or _tag(el) in ("a", "body", "html"):
            continue
        text = _own_text(el)
        if len(text) < MIN_BLOCK_CHARS:
            continue
        score = 1 + len(CN_PUNCT.findall(text)) + min(len(text) / 100, 3)
        node, level = el, 0
        while node is not None and level < len(ANCESTOR_WEIGHTS):
            if _tag(node) in CONTAINER_TAGS or node is not el:
                scores[node] = scores.get(node, 0.0) + score * ANCESTOR_WEIGHTS[level]
            node, level = node.getparent(), level + 1
    best, best_score = None, 0.0
    for el, score in scores.items():
        final = score * (1 - lengths.density(el)) * _name_weight(el)
        if final > best_score:
            best, best_score = el, final
    if best is None:
        return root
    while True:
        parent = best.getparent()
        if parent is None or _tag(parent) in ("body", "html"):
            break
        own = lengths.text[best] - lengths.links[best]
        if lengths.text[parent] - lengths.links[parent] > own * WIDEN_RATIO or _name_weight(parent) < 1:
            break
        best = parent
    return best


def _is_chrome_block(el, lengths: _Lengths) -> bool:  # type: ignore[no-untyped-def]
    """A navigation-like block inside the article: chrome class names, or a list of links."""
    if _name_weight(el) < 1:
        return True
    if _tag(el) in ("ul", "ol", "div", "dl", "table") and lengths.density(el) > 0.7:
        return sum(1 for a in el.iter("a")) >= 3
    return False


class _Lines:
    """Turns an element tree into lines: block elements and <br> end lines."""

    def __init__(self, lengths: _Lengths) -> None:
        self.lengths = lengths
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        line = "".join(self.buffer).strip()
        self.buffer = []
        if line and not CHROME_LINE.match(line):
            self.lines.append(line)

    def walk(self, el, *, top: bool = False) -> None:  # type: ignore[no-untyped-def]
        tag = _tag(el)
        if not top and tag != "a" and _is_chrome_block(el, self.lengths):
            return  # (a link's class says nothing: <a class="link"> inside a sentence is text)
        if tag == "br":
            self.flush()
            return
        if tag == "table" and not _is_layout_table(el):
            self.flush()
            self.lines.extend(line for line in table_to_lines(self.table_rows(el)) if not CHROME_LINE.match(line))
            return
        block = tag in BLOCK_TAGS
        if block:
            self.flush()
        if tag == "pre":
            for piece in (el.text_content() or "").split("\n"):
                self.buffer.append(piece)
                self.flush()
        else:
            self.buffer.append(_clean_text(el.text))
            for child in el:
                if isinstance(child.tag, str):
                    self.walk(child)
                self.buffer.append(_clean_text(child.tail))
        if block:
            self.flush()

    def table_rows(self, table) -> list[list[str]]:  # type: ignore[no-untyped-def]
        rows: list[list[str]] = []
        for tr in table.iter("tr"):
            if tr.getparent() is not None and _nearest_table(tr) is not table:
                continue  # a row of a nested table: read with its cell
            row: list[str] = []
            for cell in tr:
                if _tag(cell) not in ("td", "th"):
                    continue
                inner = _Lines(self.lengths)
                inner.walk(cell, top=True)
                inner.flush()
                text = "\n".join(inner.lines)
                span = cell.get("colspan", "1")
                row.extend(span_cells(text, int(span) if span.isdigit() and 0 < int(span) < 50 else 1))
            rows.append(row)
        return rows


def _is_layout_table(table) -> bool:  # type: ignore[no-untyped-def]
    """A table that lays out the page (old CMS templates) rather than holding data.

    Its rows have one cell, or a cell holds another table or several paragraphs:
    it is read as blocks, not as rows.
    """
    rows = [tr for tr in table.iter("tr") if _nearest_table(tr) is table]
    if not rows:
        return True
    single = sum(1 for tr in rows if len([c for c in tr if _tag(c) in ("td", "th")]) <= 1)
    if single * 2 > len(rows):
        return True
    for tr in rows:
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            if cell.find(".//table") is not None:
                return True
            if sum(1 for el in cell.iter("p", "div", "br")) >= LAYOUT_CELL_BLOCKS:
                return True
    return False


def _nearest_table(el):  # type: ignore[no-untyped-def]
    node = el.getparent()
    while node is not None and _tag(node) != "table":
        node = node.getparent()
    return node


def _info_block(root):  # type: ignore[no-untyped-def]
    """The 信息公开 block: the short element naming most fields (``字段：`` or a label cell), or None."""
    best, best_key = None, None
    for el in root.iter("table", "tbody", "ul", "dl", "div"):
        text = el.text_content()
        if len(text) > INFO_MAX_CHARS:
            continue
        fields = {m.group(1) for m in INFO_FIELD.finditer(text)}
        fields |= {m.group(1) for cell in el.iter("td", "th") if (m := INFO_LABEL_CELL.match(cell.text_content()))}
        fields.discard("标题")
        fields.discard("名称")
        if len(fields) < 2:
            continue
        key = (-len(fields), len(text))
        if best_key is None or key < best_key:
            best, best_key = el, key
    return best


def _info_lines(block, lengths: _Lengths) -> list[str]:  # type: ignore[no-untyped-def]
    reader = _Lines(lengths)
    # Label cells without a colon (索引号 | 11500000…) get one, so that each reads 字段：值.
    for cell in block.iter("td", "th", "span", "label", "strong", "b", "dt"):
        text = cell.text_content()
        if INFO_LABEL_CELL.match(text) and not text.strip().endswith(("：", ":")):
            cell.tail = "：" + (cell.tail or "")
    reader.walk(block, top=True)
    reader.flush()
    lines: list[str] = []
    for line in reader.lines:  # a label alone on its line takes the value on the next one
        if lines and lines[-1].endswith(("：", ":")):
            lines[-1] += line
        else:
            lines.append(line)
    return lines


def _heading(root, container) -> Optional[str]:  # type: ignore[no-untyped-def]
    """The page's article heading outside the container (the last h1/h2/.title before it)."""
    order = {el: i for i, el in enumerate(root.iter())}
    limit = order.get(container, len(order))
    found = None
    for el in root.iter("h1", "h2", "h3", "div", "p", "td"):
        if order[el] >= limit or container in el.iterancestors() or el in container.iterancestors():
            continue
        if _tag(el) in ("div", "p", "td") and not re.search(r"title|biaoti|\bbt\b|\btit\b", _names(el), re.I):
            continue
        text = _clean_text(el.text_content()).strip()
        if 6 <= len(text) <= 200 and TITLE_WORDS.search(text) and not CHROME_NAME.search(_names(el)):
            found = text
    return found


def page_lines(text: str) -> tuple[list[str], dict[str, str]]:
    """(lines, metadata) of a decoded page."""
    import lxml.html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses an encoding declaration in a str
    try:
        root = lxml.html.document_fromstring(text)
    except Exception:  # lxml.etree.ParserError on a page with no markup left
        return [], {}
    metadata: dict[str, str] = {}
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        metadata["page_title"] = _clean_text(title.text_content()).strip()
    _drop_invisible(root)
    lengths = _Lengths(root)
    lines: list[str] = []
    info = _info_block(root)
    if info is not None:
        lines.extend(_info_lines(info, lengths))
        info.drop_tree()
        lengths = _Lengths(root)
    container = find_container(root, lengths)
    reader = _Lines(lengths)
    reader.walk(container, top=True)
    reader.flush()
    heading = _heading(root, container)
    squeezed = "".join(reader.lines[:20]).replace(" ", "")
    if heading and heading.replace(" ", "") not in squeezed:
        lines.append(heading)
    lines.extend(reader.lines)
    return lines, metadata

