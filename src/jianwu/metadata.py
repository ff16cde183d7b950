"""Document metadata from the cover notice and the preamble.

A plan usually arrives wrapped in its cover notice (通知 / 函): the notice's
title, addressees, body, the issuers' signature block, the date and the
publication note, then the plan's own title and preamble, then clause 一、.
Everything here reads only the text before the first clause, except the
citations, which are collected from the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import regex

from .model import Citation, Level
from .numbering import cn_to_int
from .tables import read_table

# 发文字号: 渝环〔2023〕71号, 永川府发〔2023〕5号, 环综合[2022]42号
DOC_NUMBER = regex.compile(r"\p{Han}{1,12}[〔［\[【(（](?P<year>\d{4})[〕］\]】)）](?P<seq>\d{1,4})号")
# A 文号 whose year bracket was lost in conversion: 渝环〔202371号 (year and number fused)
GARBLED_DOC_NUMBER = regex.compile(r"\p{Han}{1,12}[〔［\[【](?P<digits>\d{5,8})号")
# A line that is only a 文号 (the document's own number stands alone under the red head).
OWN_DOC_NUMBER_LINE = regex.compile(rf"^(?:{DOC_NUMBER.pattern}|{GARBLED_DOC_NUMBER.pattern})$")
# The same in brackets under the title, as gov.cn and provincial sites publish: （国发〔2021〕4号）
BRACKETED_DOC_NUMBER_LINE = regex.compile(rf"^[（(](?P<number>{DOC_NUMBER.pattern})[）)]$")

# Dates written alone on a line: 2023年8月18日 / 2023 10 25 / 20231020 / 2023-10-20 / 二〇二三年八月十八日
DATE_LINE = regex.compile(
    r"^(?:"
    r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|(?P<y2>\d{4})[\s./-]+(?P<m2>\d{1,2})[\s./-]+(?P<d2>\d{1,2})"
    r"|(?P<y3>\d{4})(?P<m3>\d{2})(?P<d3>\d{2})"
    r"|(?P<y4>[〇零一二三四五六七八九]{4})年(?P<m4>[一二三四五六七八九十]{1,3})月(?P<d4>[一二三四五六七八九十]{1,3})日"
    r")$"
)
# 此件公开发布 / 此件删减后公开 / 此件不公开 / 此件依申请公开
PUBLICATION = regex.compile(r"此件[^）)\n]{0,10}公开[^）)\n]{0,4}")
# 《title》 optionally followed, within a few characters, by （文号）.
CITATION = regex.compile(r"《(?P<title>[^《》\n]{2,120})》(?P<tail>[^《\n]{0,24})")
# Wrappers around a cited plan's own title inside a notice title:
# 重庆市生态环境局等部门关于印发〈…〉的函 -> …
NOTICE_WRAPPER = regex.compile(r"^.*?关于(?:印发|转发|发布)?\s*[〈《]?|[〉》]?\s*的(?:通知|函|批复|意见)$")
ANGLE_MARKS = regex.compile(r"[〈〉<>]")
# A plan title ends with one of these words.
PLAN_TITLE_END = regex.compile(r"(?:方案|规划|计划|意见|办法|细则|分工|要点|纲要|措施|清单|条例|规定|行动)$")
# Sentence punctuation: titles and issuer lines have none.
SENTENCE_PUNCT = regex.compile(r"[，。；：！？、]")
# An organisation name: 重庆市生态环境局, 沙坪坝区发展和改革委员会, 重庆市永川区人民政府
ORG_NAME = regex.compile(r"^\p{Han}{2,30}(?:局|委员会|委|政府|管委会|中心|办公室|办|厅|部|院|署|会|所|处|总局)$")
# A red-head marker after the issuers: "…委员会 文件"
RED_HEAD = regex.compile(r"\s*文件$")
# Region prefix of a title or issuer: 重庆市永川区 / 资阳市 / 重庆高新区 / 四川省
REGION = regex.compile(
    r"^(?P<region>(?:\p{Han}{2,7}?(?:省|自治区|特别行政区))?"
    r"(?:\p{Han}{2,7}?(?:市|自治州|地区|盟))?"
    r"(?:\p{Han}{1,7}?(?:高新区|经开区|新区|开发区|园区|示范区|自治县|区|县|旗))?)"
)
# Fields of the 信息公开 table a government web page puts above a document:
# 索引号：… 发文机关：重庆市生态环境局 成文日期：2023-08-18 发文字号：渝环〔2023〕71号
PAGE_FIELD_NAMES = (
    "索引号|主题分类|公文种类|体裁分类|组配分类|服务对象|发文机关|发布机构|成文日期|发布日期|发布时间"
    "|发文字号|文号|生效日期|废止日期|有效性|标题|来源"
)
PAGE_FIELD = regex.compile(
    rf"(?P<field>{PAGE_FIELD_NAMES})\s*[：:]\s*(?P<value>.*?)\s*(?=(?:{PAGE_FIELD_NAMES})\s*[：:]|$)"
)
# The 版记 at the very end: 抄送：市委办公厅… / 重庆市人民政府办公厅 2023年3月2日印发
CC_LINE = regex.compile(r"^抄送[：:]")
PRINTED_LINE = regex.compile(r"^\p{Han}{2,30}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
ZONE_SUFFIX = regex.compile(r"(?:高新区|经开区|新区|开发区|园区|示范区)$")
NATIONAL_ISSUER = regex.compile(r"^(?:国务院|中共中央|国家\p{Han}+|\p{Han}{2,8}部)$")


@dataclass(frozen=True)
class Metadata:
    title: Optional[str]
    doc_number: Optional[str]
    doc_number_valid: bool
    issuers: list[str]
    date: Optional[str]
    publication: Optional[str]
    region: Optional[str]
    level: Optional[Level]
    cites: list[Citation]


MUNICIPALITIES = frozenset(row[0] for row in read_table("municipalities.tsv"))


def parse_date(line: str) -> Optional[str]:
    """ISO date of a line that is only a date, else None."""
    m = DATE_LINE.match(line.replace(" ", " ").strip())
    if not m:
        return None
    for i in "1234":
        if m.group(f"y{i}"):
            y, mo, d = m.group(f"y{i}"), m.group(f"m{i}"), m.group(f"d{i}")
            year, month, day = cn_to_int(y), cn_to_int(mo), cn_to_int(d)
            if year and month and day and 1 <= month <= 12 and 1 <= day <= 31 and 1949 <= year <= 2100:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def valid_doc_number(number: str) -> bool:
    return DOC_NUMBER.fullmatch(number) is not None


def repair_doc_number(number: str) -> str:
    """渝环〔202371号 -> 渝环〔2023〕71号 (used for matching, never for display)."""
    m = GARBLED_DOC_NUMBER.fullmatch(number)
    if not m:
        return number
    digits = m.group("digits")
    return f"{number[: m.start('digits') - 1]}〔{digits[:4]}〕{digits[4:]}号"


def core_title(title: str) -> str:
    """The cited plan itself: 关于印发〈X〉的通知 -> X; 〈〉 debris removed."""
    inner = NOTICE_WRAPPER.sub("", title)
    return ANGLE_MARKS.sub("", inner).strip() or ANGLE_MARKS.sub("", title)


def find_citations(text: str, own_title: Optional[str]) -> list[Citation]:
    cites: list[Citation] = []
    seen: set[tuple[str, Optional[str]]] = set()
    for m in CITATION.finditer(text):
        title = m.group("title")
        tail = m.group("tail")
        number = None
        for pattern in (DOC_NUMBER, GARBLED_DOC_NUMBER):
            nm = pattern.search(tail)
            if nm and tail[: nm.start()].strip("（(的通知函”\" ") == "" or (nm and "的" in tail[: nm.start()]):
                number = nm.group()
                break
        core = core_title(title)
        if own_title and core == own_title:
            continue
        key = (core, number)
        if key in seen:
            continue
        seen.add(key)
        cites.append(Citation(title, core, number, number is None or valid_doc_number(number)))
    return cites


# A cover title may be set over this many lines (large type in a PDF or Word file).
MAX_TITLE_LINES = 3


def _is_title(candidate: str) -> bool:
    return bool(
        PLAN_TITLE_END.search(candidate)
        and not SENTENCE_PUNCT.search(candidate)
        and not candidate.startswith("关于")
        and "关于印发" not in candidate
        and len(candidate) <= 60
        and not ORG_NAME.match(candidate)
    )


def _title(cover: list[str]) -> Optional[str]:
    """The plan's own title: the last title-shaped line(s) before the preamble.

    A title wrapped over lines (重庆市永川区“十四五”节能减排 / 工作实施方案) is joined:
    pieces without sentence punctuation, only the last of which ends like a title.
    """
    best: Optional[str] = None
    i = 0
    while i < len(cover):
        used = 1
        candidate = cover[i]
        while (
            used < MAX_TITLE_LINES
            and i + used < len(cover)
            and not PLAN_TITLE_END.search(candidate)
            and _title_piece(candidate)
            and _title_piece(cover[i + used])
        ):
            candidate += cover[i + used]
            used += 1
        if _is_title(candidate):
            best = candidate
            i += used
        else:
            i += 1
    if best is not None:
        return best.replace(" ", "")
    # No title line: take the plan named in the notice title (关于印发《X》的通知).
    for line in cover:
        m = regex.search(r"关于印发《([^》]+)》", line)
        if m:
            return m.group(1)
    return None


def _title_piece(line: str) -> bool:
    """Could this line be part of a title wrapped over two lines?"""
    return not (
        line.startswith(("（", "(", "《"))
        or PUBLICATION.search(line)
        or parse_date(line)
        or OWN_DOC_NUMBER_LINE.match(line)
        or ORG_NAME.match(line)
    )


def _issuers(cover: list[str]) -> list[str]:
    """Organisation-name lines just above the date line (the signature block)."""
    date_index = next((i for i, line in enumerate(cover) if parse_date(line)), None)
    block: list[str] = []
    if date_index is not None:
        j = date_index - 1
        while j >= 0 and _org_names(cover[j]):
            block[:0] = _org_names(cover[j])
            j -= 1
    if not block:
        # No signature block: the red-head lines at the very top.
        for line in cover:
            names = _org_names(line)
            if not names:
                break
            block.extend(names)
    seen: list[str] = []
    for name in block:
        if name not in seen:
            seen.append(name)
    return seen


def _org_names(line: str) -> list[str]:
    names = RED_HEAD.sub("", line).split()
    return names if names and all(ORG_NAME.match(n) for n in names) else []


def region_and_level(title: Optional[str], issuers: list[str]) -> tuple[Optional[str], Optional[Level]]:
    for source in ([title] if title else []) + issuers:
        m = REGION.match(source)
        region = m.group("region") if m else ""
        if region:
            return region, _level(region)
    if any(NATIONAL_ISSUER.match(name) for name in issuers):
        return None, "national"
    return None, None


def _level(region: str) -> Level:
    if ZONE_SUFFIX.search(region):
        return "zone"
    if region.endswith(("区", "旗")) and not region.endswith("自治区"):
        return "district"
    if region.endswith(("县", "自治县")):
        return "county"
    if region.endswith(("市", "自治州", "地区", "盟")):
        return "municipality" if region in MUNICIPALITIES else "city"
    return "province"


def closing_kind(line: str) -> Optional[str]:
    """What a line of the closing block is (signature, date, 此件…, 版记), or None."""
    line = line.strip()
    if parse_date(line):
        return "date"
    if PUBLICATION.search(line) and line.startswith(("（", "(")):
        return "publication"
    if CC_LINE.match(line) or PRINTED_LINE.match(line):
        return "colophon"
    if _org_names(line):
        return "issuer"
    return None


def _page_fields(lines: list[str]) -> dict[str, str]:
    """The 信息公开 table fields of a web page, by canonical name (first occurrence wins)."""
    aliases = {"发文字号": "文号", "发布时间": "发布日期", "发布机构": "发文机关"}
    fields: dict[str, str] = {}
    for line in lines:
        for m in PAGE_FIELD.finditer(line):
            name = aliases.get(m.group("field"), m.group("field"))
            value = m.group("value").strip()
            if value and name not in fields:
                fields[name] = value
    return fields


def _publication(lines: list[str]) -> Optional[str]:
    for line in lines:
        pm = PUBLICATION.search(line)
        if pm:
            return pm.group().rstrip("）)")
    return None


def extract_metadata(text: str, body_start: int, body_end: Optional[int] = None) -> Metadata:
    """Metadata of a document whose clauses span ``body_start``–``body_end``.

    The cover (before the body) is read first; the closing block after the body
    (signature, date, 此件公开发布) fills what the cover lacks.
    """
    cover = [line.strip() for line in text[:body_start].split("\n") if line.strip()]
    closing = [line.strip() for line in text[body_end:].split("\n") if line.strip()] if body_end is not None else []
    title = _title(cover)
    doc_number: Optional[str] = None
    for line in cover:
        if OWN_DOC_NUMBER_LINE.match(line):
            doc_number = line
            break
        if (bracketed := BRACKETED_DOC_NUMBER_LINE.match(line)) is not None:
            doc_number = bracketed["number"]
            break
    fields = _page_fields(cover)
    if doc_number is None and "文号" in fields and (DOC_NUMBER.fullmatch(fields["文号"]) or GARBLED_DOC_NUMBER.fullmatch(fields["文号"])):
        doc_number = fields["文号"]
    date = (
        next((d for d in map(parse_date, cover + closing) if d), None)
        or parse_date(fields.get("成文日期", ""))
        or parse_date(fields.get("发布日期", ""))
    )
    publication = _publication(cover) or _publication(closing)
    issuers = _issuers(cover) or _issuers(closing) or _org_names(fields.get("发文机关", ""))
    region, level = region_and_level(title, issuers)
    return Metadata(
        title=title,
        doc_number=doc_number,
        doc_number_valid=doc_number is None or valid_doc_number(doc_number),
        issuers=issuers,
        date=date,
        publication=publication,
        region=region,
        level=level,
        cites=find_citations(text, title),
    )
