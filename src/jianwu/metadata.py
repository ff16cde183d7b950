"""Document metadata from the cover notice and the preamble.

A plan usually arrives wrapped in its cover notice (通知 / 函): the notice's
title, addressees, body, the issuers' signature block, the date and the
publication note, then the plan's own title and preamble, then clause 一、.
Everything here reads only the text before the first clause, except the
citations, which are collected from the whole document.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import regex

from .model import Citation, Level
from .numbering import cn_to_int
from .patterns import compile_pattern
from .regions import grouping_or_province, scope_prefix
from .tables import read_table

# 发文字号: 渝环〔2023〕71号, 永川府发〔2023〕5号, 环综合[2022]42号, 宜府发﹝2023﹞5号, 川府发〔2022〕第8号
DOC_NUMBER = compile_pattern(r"\p{Han}{1,12}[〔［\[【(（﹝](?P<year>\d{4})[〕］\]】)）﹞]第?(?P<seq>\d{1,4})号")
# A 文号 whose year bracket was lost in conversion: 渝环〔202371号 (year and number fused)
GARBLED_DOC_NUMBER = compile_pattern(r"\p{Han}{1,12}[〔［\[【](?P<digits>\d{5,8})号")
# A line that is only a 文号 (the document's own number stands alone under the red head),
# possibly in brackets under the title: 渝环〔2023〕71号, （国发〔2021〕4号）.
OWN_DOC_NUMBER_LINE = compile_pattern(rf"^[（(]?(?:{DOC_NUMBER.pattern}|{GARBLED_DOC_NUMBER.pattern})[）)]?$")
# The same with conversion damage: other brackets, spaces, the closing bracket read as a letter,
# or the line broken after the year: 国发 (2021) 4 号, 大发改资源字 (2021 / J 283号.
DAMAGED_DOC_NUMBER_LINE = compile_pattern(
    r"^[（(]?(?P<prefix>\p{Han}{1,12}?)\s*[〔［\[【(（{]\s*(?P<year>(?:19|20)\d\d)\s*"
    r"[〕］\]】)）}JjlI」|]?\s*(?P<seq>\d{1,4})\s*(?:号[）)]?)?$"
)
# The number of an order (令) a government or ministry issues its rules by, its name on the line
# above or on the same line: 中华人民共和国生态环境部令 / 第19号, 山东省人民政府令（第352号）.
ORDER_NUMBER = compile_pattern(r"^(?P<org>\p{Han}{2,30}?)令\s*[（(]?\s*第\s*(?P<seq>\d{1,4})\s*号\s*[）)]?$")
# The name of the state an order's issuer may start with (中华人民共和国国务院令): not the issuer's.
STATE_NAME = "中华人民共和国"
# A signature date glued to the front of a title: 2022年3月1日X市…实施方案
LEADING_DATE = compile_pattern(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*")
# …or to the line after it (2021年10月17日相关解读：, 2022年5月26日为认真落实…); not a deadline
# in running text (2025年6月30日前完成…).
GLUED_DATE = compile_pattern(r"^(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?!\s*(?:前|起|以前|之前|以后|后|至|到|止|开始|为止|，|,))")
# The note under a 条例's or 办法's title on the session that passed it, its date first:
# （2022年9月29日江苏省第十三届人民代表大会常务委员会第三十二次会议通过）
PASSED_NOTE = compile_pattern(r"^[（(](?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^（()）]{4,80}?(?:通过|批准|修正|修订)[）)]$")
# A signature and its date set on one line: 宜宾市人民政府 2023年6月30日 (read as two lines; the
# space may be gone, as normalising drops a space between a name and a digit).
SIGNATURE_AND_DATE = compile_pattern(r"^(?P<names>\p{Han}[\p{Han}\s、]*?)\s*(?P<date>[\d〇○OoＯ０零一二三四五六七八九]{4}\s*年[^年]{2,12}日)$")
# A notice title and its 文号 on one line: …关于印发…的通知 宜府发〔2023〕5号 (read as two lines).
TITLE_AND_DOC_NUMBER = compile_pattern(rf"^(?P<head>.+?)\s+(?P<number>{DOC_NUMBER.pattern})$")
# …or its 文号 in brackets after it (a web copy's heading): 关于印发《昆明市碳达峰实施方案》的通知（昆政发〔2023〕8号）;
# not a sentence citing one (…的通知》（国发〔2021〕23号）, its head has punctuation or ends with 》).
TITLE_AND_BRACKETED_NUMBER = compile_pattern(
    rf"^(?P<head>[^，。；：、《》]*(?:《[^《》]*》[^，。；：、《》]*)*(?:的通知|的函|的批复|意见|方案|规划|计划))\s*[（(](?P<number>{DOC_NUMBER.pattern})[）)]$"
)
# …or glued to it, no space between: 珠海市人民政府关于印发珠海市碳达峰实施方案的通知珠府〔2023〕20号
TITLE_GLUED_DOC_NUMBER = compile_pattern(rf"^(?P<head>[^，。；：、《》]*(?:《[^《》]*》[^，。；：、《》]*)*?的通知)(?P<number>{DOC_NUMBER.pattern})$")
# A title line that is only a genre word (实施方案) continues the title above it.
GENRE_LINE = compile_pattern(r"^(?:的)?(?:实施意见|指导意见|意见|实施方案|行动方案|工作方案|方案|行动计划|任务分工)$")
# A heading that names its issuers and the plan they issue (web and news copies):
# 甘肃省委办公厅、省政府办公厅印发《关于推动城乡建设绿色发展的实施意见》（的通知）
ISSUED_HEADING = compile_pattern(r"^(?P<issuers>\p{Han}[\p{Han}、，\s]{2,80}?)(?<!关于)印发\s*[《〈](?P<title>[^《》〈〉]{4,80})[》〉]\s*(?:的通知)?(?=$|为|根据|按照|近日|日前)")

# Dates written alone on a line: 2023年8月18日 / 2023 10 25 / 20231020 / 2023-10-20 / 二〇二三年八月十八日
# (its zero also written ○, O or Ｏ: 二○二三年六月三十日, 二O二三年)
DATE_LINE = compile_pattern(
    r"^(?:"
    r"(?P<y1>\d{4})\s*年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日?"  # (日 lost from a copy: 2012年7月27)
    r"|(?P<y2>\d{4})[\s./-]+(?P<m2>\d{1,2})[\s./-]+(?P<d2>\d{1,2})"
    r"|(?P<y3>\d{4})(?P<m3>\d{2})(?P<d3>\d{2})"
    r"|(?P<y4>[〇○OoＯ０零一二三四五六七八九]{4})年(?P<m4>[一二三四五六七八九十]{1,3})月(?P<d4>[一二三四五六七八九十]{1,3})日"
    r"|(?P<y5>(?:19|20)\d{2})(?P<md5>\d{3})"
    r")$"
)
# (y5: 年, 月 and 日 lost from a web copy, 2023年4月28日 -> 2023428: a date when one split of the three digits
# only is one, 4|28; 2023128 is 1|28 or 12|8, no date; a day is not written with a leading zero)
# A date line of a year and month only (2022年8月, 二〇二二年八月): no date of issue, but a signature's line.
MONTH_LINE = compile_pattern(r"^(?:\d{4}\s*年\s*\d{1,2}|[〇○OoＯ０零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3})\s*月$")
# 此件公开发布 / 此件删减后公开 / 此件不公开 / 此件依申请公开; 公开方式：主动公开 (its other forms:
# 信息公开形式：主动公开, 信息公开选项：依申请公开, 公开属性：主动公开); 本文有删减
PUBLICATION = compile_pattern(
    r"此件[^）)\n]{0,10}公开[^）)\n]{0,4}|(?:信息)?公开(?:方式|形式|选项|属性)\s*[：:]\s*\p{Han}{0,4}公开|本[文件]有删减"
)
# The first words of a publication note's line: （此件…）, 公开方式：…, 信息公开选项：…
PUBLICATION_LINE_STARTS = ("（", "(", "公开", "信息公开")
# 《title》 optionally followed, within a few characters, by （文号）.
# OCR may read the closing 》 as } or ~ (《国务院关于…指导意见}（国发…）).
CITATION = compile_pattern(r"《(?P<title>[^《》\n{}~]{2,120})(?:》|[}~](?=[\s，。、；（(）)]|$))(?P<tail>[^《\n]{0,24})")
# Wrappers around a cited plan's own title inside a notice title:
# 重庆市生态环境局等部门关于印发〈…〉的函 -> …
# Only a 印发/转发/发布 wrapper is removed: 国务院关于…的指导意见 is itself the plan.
NOTICE_WRAPPER = compile_pattern(r"^.*?(?:关于)?(?:印发|转发|发布)\s*[〈《]?(?P<inner>.{4,}?)[〉》]?\s*的(?:通知|函|批复)$")
ANGLE_MARKS = compile_pattern(r"[〈〉<>]")
# What two spellings of one title may differ in: brackets, quotes, spaces (〈X〉 and 《X》, 中共中央 国务院).
NOT_TITLE_LETTERS = compile_pattern(r"[\s《》〈〉<>“”\"]")
# A plan title ends with one of these words.
# (指南: a ministry's 实施指南, 节能降碳改造升级实施指南)
PLAN_TITLE_ENDINGS = ("方案", "规划", "计划", "意见", "办法", "细则", "分工", "要点", "纲要", "措施", "清单", "条例", "规定", "行动", "指南")
# The period or edition a title may end with after its genre word: 行动计划（2023—2025年）,
# 管理办法（试行）, 规划（2021-2025年）, 实施方案（2022年）, 方案（征求意见稿）, 实施指南（2022年版）,
# 办法（2023年修订）, 方案（公开征求意见稿）, 实施方案（2023年度）, 清单（2022年本）, 指南（第二版）.
TITLE_EDITION = compile_pattern(
    r"[（(]\s*(?:(?:19|20)\d\d\s*(?:年\s*)?[—–－\-~～至到]+\s*(?:19|20)\d\d|(?:19|20)\d\d)\s*年?\s*(?:度|本|版|修订版?|修正)?\s*[）)]$"
    r"|[（(](?:试行|暂行|修订|修订稿|修订版|试行稿|(?:公开)?征求意见稿|送审稿|草案|代拟稿|第[一二三四五六七八九十]{1,2}版)[）)]$"
)
PLAN_TITLE_END = compile_pattern("(?:" + "|".join(PLAN_TITLE_ENDINGS) + ")$")  # (?:方案|规划|…|行动)$
# Sentence punctuation: titles and issuer lines have none.
SENTENCE_PUNCT = compile_pattern(r"[，。；：！？、]")
# An organisation name: 重庆市生态环境局, 沙坪坝区发展和改革委员会, 重庆市永川区人民政府
# (领导小组 and 联席会议 sign the plans they coordinate: 海南省应对气候变化及节能减排工作领导小组)
ORG_SUFFIXES = ("局", "委员会", "委", "政府", "管委会", "中心", "办公室", "办", "厅", "部", "院", "署", "会", "所", "处", "总局", "兵团", "银行", "总社",
                "领导小组", "联席会议")
ORG_NAME = compile_pattern(r"^\p{Han}{2,30}(?:" + "|".join(ORG_SUFFIXES) + ")$")  # ^\p{Han}{2,30}(?:局|委员会|…|总局)$
# The last characters of ORG_SUFFIXES: a name ending with another (or a final "\n", before which $
# matches too) is no ORG_NAME, without trying the pattern.
ORG_LAST = frozenset(suffix[-1] for suffix in ORG_SUFFIXES)
# A red-head marker after the issuers: "…委员会 文件"
# The label a plan issued with a notice stands under: 附件 / 附件1 / 附件一： (never part of its title).
ATTACHMENT_LABEL = compile_pattern(r"^附\s*件\s*[0-9一二三四五六七八九十]{0,3}\s*[：:]?$")
RED_HEAD = compile_pattern(r"\s*文件$")
# An attachment's label alone on its line, as a 公文 sets it above the attachment (附件 / 附件2 / 附表1);
# not a list of attachments (附件：1.…方案), which stands above the signature.
BARE_ATTACHMENT_LABEL = compile_pattern(r"(?m)^[ \t　]*附\s*[件表]\s*[0-9一二三四五六七八九十]{0,3}[ \t　]*$")
# Region prefix of a title or issuer: 重庆市永川区 / 资阳市 / 重庆高新区 / 四川省 / 深圳市前海深港现代服务业合作区
# (a 合作区's name may be longer, and a 开发区's in full: 成都高新技术产业开发区, 大连长兴岛经济技术开发区); after a city, a
# 地区 is a region it joins, no district of it (广安市|融入成渝地区双城经济圈… -> 广安市).
REGION = compile_pattern(
    r"^(?P<region>(?P<province>\p{Han}{2,7}?(?:省|自治区|特别行政区))?"
    r"(?:\p{Han}{2,7}?(?:市|自治州|地区|盟))?"
    r"(?:\p{Han}{1,7}?(?:高新区|经开区|新区|开发区|园区|示范区|自治县|(?<!地)区|县|旗)|\p{Han}{2,10}?合作区"
    r"|\p{Han}{2,8}?(?:经济技术开发区|高新技术产业开发区))?)"
)
# The heading of a table of contents before the body: 目录 / 目  录 / 目 录：
CONTENTS_LINE = compile_pattern(r"^目\s*录\s*[：:]?$")
# Fields of the 信息公开 table a government web page puts above a document:
# 索引号：… 发文机关：重庆市生态环境局 成文日期：2023-08-18 发文字号：渝环〔2023〕71号
PAGE_FIELD_NAMES = (
    "索引号|主题分类|公文种类|体裁分类|组配分类|服务对象|发文机关|发布机构|成文日期|发布日期|发布时间"
    "|发文字号|文号|生效日期|废止日期|有效性|标题|来源"
)
PAGE_FIELD = compile_pattern(
    rf"(?P<field>{PAGE_FIELD_NAMES})\s*[：:]\s*(?P<value>.*?)\s*(?=(?:{PAGE_FIELD_NAMES})\s*[：:]|$)"
)
# The 版记 at the very end: 抄送：市委办公厅… / 重庆市人民政府办公厅 2023年3月2日印发
CC_LINE = compile_pattern(r"^抄送[：:]")
PRINTED_LINE = compile_pattern(r"^\p{Han}{2,30}\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$")
# The signer's and the contact's lines by a signature: 签发人：张某 / （联系人：王某，联系电话：0758-2222222）
SIGNER_OR_CONTACT = compile_pattern(r"^(?:签发人[：:]\s*\p{Han}{2,4}|[（(]?联系人[：:][^\n]{0,40}?[）)]?)$")
# The notes a printed file sets by its signature and 版记: （此页无正文） / （共印30份）
PAGE_NOTE = compile_pattern(r"^[（(]?(?:此页无正文|本页无正文|共印\s*\d+\s*份)[）)]?$")
# The seal's place in a signature block, between the issuers and the date: （盖章） / （印章）
SEAL_LINE = compile_pattern(r"^[（(]\s*(?:盖章|印章|公章|签章|代章|章)\s*[）)]$")
# …or after a name on its line: 天津市生态环境局（盖章）
SEAL_MARK = compile_pattern(r"[（(]\s*(?:盖章|印章|公章|签章|代章)\s*[）)]$")  # (…办公室（代章）: its office's seal)
PRINTED_DATE = compile_pattern(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")  # the date of a PRINTED_LINE
# The last words of a prefecture-level name (REGION's second part): 苏州市, 延边朝鲜族自治州, 阿克苏地区, 锡林郭勒盟.
PREFECTURE_ENDINGS = ("市", "自治州", "地区", "盟")
# A zone's last words (a 合作区 too: 深圳市前海深港现代服务业合作区, 横琴粤澳深度合作区, 深汕特别合作区).
ZONE_SUFFIX = compile_pattern(r"(?:高新区|经开区|新区|开发区|园区|示范区|合作区|保税区)$")  # (天津港保税区)
# National issuers: 国务院, 国务院办公厅, 中共中央, 中共中央办公厅, 全国…, 国家发展改革委, 生态环境部 …
# Between two issuers of a 印发 heading: 、 ， or spaces, or nothing after 办公厅 / 委员会 / 政府 where
# the next one starts (市委办公厅市政府办公厅 -> 市委办公厅 | 市政府办公厅, 自治区党委自治区政府).
ISSUER_SEPARATOR = compile_pattern(r"[、，\s]+|(?<=办公厅|委员会|政府)(?=中共|\p{Han}{2,8}(?:省|市|自治区))")
# Between the names of an issuer line: spaces or 、 (邯郸市人民政府 邯郸市生态环境局).
ISSUER_LINE_SEPARATOR = compile_pattern(r"[\s、]+")
WHITE_SPACE = compile_pattern(r"\s+")  # a title wrapped over lines, rejoined without its breaks
# (a ministry's 办公厅 too: 生态环境部办公厅, 工业和信息化部办公厅)
# (中国气象局, 中国人民银行, 中国民用航空局, 中华全国供销合作总社, 最高人民法院, 共青团中央; not
# 中国共产党X省委员会, a province's)
NATIONAL_ISSUER = compile_pattern(
    r"^(?:国务院|中共中央|党中央|中央|全国|国家|中国(?!共产党)|中华|最高人民|共青团中央)\p{Han}*$|^\p{Han}{2,10}(?:部|总局|总署)(?:办公厅)?$"
)
# The first words of a national organ's name, never a region's: 国家市场监督管理总局 is not 国家市's.
NATIONAL_NAME_STARTS = ("国家", "中国", "中华", "全国", "最高")
# The central organs that sign without an 机关 suffix: 中共中央 国务院, 中共中央办公厅.
NATIONAL_ORG = compile_pattern(r"^(?:中共中央|党中央|国务院|中央军委)(?:办公厅)?$")
# A title issued at the national level: 国务院关于…, 中共中央 国务院关于…, 国务院办公厅关于…
NATIONAL_TITLE = compile_pattern(r"^(?:中共中央|党中央|国务院|中共中央办公厅|国务院办公厅)(?:[\s、]*(?:国务院|国务院办公厅))?关于")
# 新疆生产建设兵团 (the Xinjiang Production and Construction Corps) ranks as a province and issues its
# own plans; its organs are named after it in full or in short (兵团发展改革委, 兵团碳达峰实施方案).
XPCC = "新疆生产建设兵团"
XPCC_SHORT = "兵团"
# One of its divisions, which rank as prefectures: 新疆生产建设兵团第八师, 兵团第一师（阿拉尔市）
XPCC_DIVISION = compile_pattern(r"^(?:新疆生产建设兵团|兵团)(?P<division>第[一二三四五六七八九十]{1,3}师)")
# Region names that name no region: the red head lost (省人民政府关于…), or 自治区人民政府.
BARE_REGIONS = frozenset({"省", "市", "区", "县", "自治区", "自治州"})


@dataclass(frozen=True)
class Metadata:
    """What a plan says of itself in its head and tail: title, 文号, issuers, dates, region and level, citations."""

    title: Optional[str]
    doc_number: Optional[str]
    doc_number_valid: bool
    issuers: list[str]
    date: Optional[str]
    publication: Optional[str]
    region: Optional[str]
    level: Optional[Level]
    cites: list[Citation]
    regions: tuple[str, ...] = ()  # every issuing region of a joint plan, ``region`` first
    warnings: tuple[tuple[str, str], ...] = ()  # (code, message): what could not be read


MUNICIPALITIES = frozenset(row[0] for row in read_table("municipalities.tsv"))
PROVINCES: tuple[tuple[str, str], ...] = tuple((row[0], row[1]) for row in read_table("provinces.tsv"))
# A province named in running text by its short name: 河北, 内蒙古, 广西.
PROVINCE_MENTION = compile_pattern("|".join(sorted((short for _, short in PROVINCES), key=len, reverse=True)))
# The most-named province must be named this often, and more than any other.
PROVINCE_MENTIONS_MIN = 2


def dominant_province(text: str) -> Optional[str]:
    """The province (full name) ``text`` names most, if clearly one (湖北 in a plan of 省人民政府)."""
    counts: dict[str, int] = {}
    for m in PROVINCE_MENTION.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
    if not counts:
        return None
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    best, n = ordered[0]
    if n < PROVINCE_MENTIONS_MIN or (len(ordered) > 1 and ordered[1][1] == n):
        return None
    return next(full for full, short in PROVINCES if short == best)


# Quick tests in front of the cover patterns, each tried on every cover line several times (the
# cover is some ten lines, but a regex call costs a microsecond): each passes over only strings
# the pattern cannot match, the literal its every match holds missing.


def _title_end(s: str) -> bool:
    """``PLAN_TITLE_END.search(s)``: ``s`` ends with one of its words (or they stand before a final
    "\n", where $ matches too), or with them and an edition (``TITLE_EDITION``): "…实施方案" -> True,
    "…行动计划（2023—2025年）" -> True."""
    if s[-1:] == "\n":
        s = s[:-1]
    if s.endswith(PLAN_TITLE_ENDINGS):
        return True
    edition = TITLE_EDITION.search(s) if s[-1:] in "）)" else None  # …行动计划（2023—2025年）
    return edition is not None and s[: edition.start()].rstrip().endswith(PLAN_TITLE_ENDINGS)


def _org_name(s: str) -> bool:
    """``ORG_NAME.match(s)``, tried only on a string ending with the last character of a suffix or "\n"."""
    return (s[-1:] in ORG_LAST or s[-1:] == "\n") and ORG_NAME.match(s) is not None


def _own_doc_number_line(s: str) -> bool:
    """``OWN_DOC_NUMBER_LINE.match(s)``, tried only on a line holding 号 (both its 文号 shapes end with one)."""
    return "号" in s and OWN_DOC_NUMBER_LINE.match(s) is not None


def _publication_note(s: str) -> Optional[regex.Match[str]]:
    """``PUBLICATION.search(s)``, tried only on a line holding 此件, 公开 or 删减, words every match holds:
    "（此件公开发布）", "公开方式：主动公开", "（本文有删减）"."""
    return PUBLICATION.search(s) if "此件" in s or "公开" in s or "删减" in s else None


# DATE_LINE's alternatives start with a digit (\d, as regex reads it) or a Chinese digit: a line
# starting with anything else is no date, without trying the pattern (most lines parse_date sees
# are cover and closing lines, asked several times each).  first character -> may start one, as met.
DATE_FIRST_CN = frozenset("〇零一二三四五六七八九")
# The characters written for 〇 in a year: ○ (a circle), O and Ｏ (letters), ０ (a digit).
ZERO_LOOKALIKES = str.maketrans("○OoＯ０", "〇〇〇〇〇")
ONE_DIGIT = compile_pattern(r"\d")


@lru_cache(maxsize=4096)
def _may_start_date(first: str) -> bool:
    return first in DATE_FIRST_CN or ONE_DIGIT.match(first) is not None


def parse_date(line: str) -> Optional[str]:
    """ISO date of a line that is only a date, else None."""
    line = line.replace(" ", " ").strip()
    if not line or not _may_start_date(line[0]):
        return None
    m = DATE_LINE.match(line)
    if not m:
        return None
    if m.group("y5"):
        year, digits = int(m.group("y5")), m.group("md5")
        splits = [(int(digits[:k]), digits[k:]) for k in (1, 2) if digits[k] != "0" and digits[0] != "0"]
        valid = [(month, int(day)) for month, day in splits if 1 <= month <= 12 and 1 <= int(day) <= _days_in(year, month)]
        return f"{year:04d}-{valid[0][0]:02d}-{valid[0][1]:02d}" if len(valid) == 1 else None
    for i in "1234":
        if m.group(f"y{i}"):
            y, mo, d = m.group(f"y{i}"), m.group(f"m{i}"), m.group(f"d{i}")
            year, month, day = cn_to_int(y.translate(ZERO_LOOKALIKES) if i == "4" else y), cn_to_int(mo), cn_to_int(d)
            if year and month and day and 1 <= month <= 12 and 1 <= day <= 31 and 1949 <= year <= 2100:
                return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _days_in(year: int, month: int) -> int:
    import calendar

    return calendar.monthrange(year, month)[1]


def valid_doc_number(number: str) -> bool:
    return DOC_NUMBER.fullmatch(number) is not None or ("令第" in number and ORDER_NUMBER.fullmatch(number) is not None)


def repair_doc_number(number: str) -> str:
    """渝环〔202371号 -> 渝环〔2023〕71号 (used for matching, never for display)."""
    m = GARBLED_DOC_NUMBER.fullmatch(number)
    if not m:
        return number
    digits = m.group("digits")
    return f"{number[: m.start('digits') - 1]}〔{digits[:4]}〕{digits[4:]}号"


def core_title(title: str) -> str:
    """The cited plan itself: 关于印发〈X〉的通知 -> X; 〈〉 debris removed; any other title whole."""
    m = NOTICE_WRAPPER.match(title)
    inner = m.group("inner") if m else title
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


# The words a title line may end with before the 《》 of the plan it implements, set on the next
# line: 宁波市贯彻落实 / 《浙江省碳达峰实施方案》的实施意见.
CITING_ENDS = ("贯彻落实", "落实", "贯彻", "实施", "关于")
# A cited title inside a title: 《国务院关于印发2030年前碳达峰行动方案的通知》
CITED_TITLE = compile_pattern(r"《[^《》]*》")
# An item of a numbered list (a cover's 附件：1.… / 2.重点任务分工表), never a piece of a title (2030年前… is one).
LIST_ITEM = compile_pattern(r"^\d{1,2}[.．、]\s*\p{Han}")
# A cover title may be set over this many lines (large type in a PDF or Word file).
MAX_TITLE_LINES = 3


def _is_title(candidate: str) -> bool:
    return bool(
        _title_end(candidate)
        and not SENTENCE_PUNCT.search(candidate)
        and ("关于印发" not in candidate or "关于印发" not in CITED_TITLE.sub("", candidate))  # (…落实《…关于印发…的通知》的实施意见)
        and len(candidate) <= 60
        and not _org_name(candidate)
    )


def issued_heading(cover: list[str]) -> Optional[tuple[str, list[str]]]:
    """(title, issuers) of a heading 甲省委办公厅、省政府办公厅印发《X》, over one or two lines."""
    for i in range(min(len(cover), 6)):
        for used in range(1, MAX_TITLE_LINES + 1):
            if i + used > len(cover):
                break
            joined = "".join(cover[i : i + used])
            m = ISSUED_HEADING.match(joined) if "印发" in joined else None  # (a word every match holds)
            if m:
                names = ISSUER_SEPARATOR.split(m.group("issuers").strip())
                return ANGLE_MARKS.sub("", m.group("title")), [n for n in names if n]
    return None


# ``_title``'s heading when the caller has not looked for one.
_UNKNOWN: Any = object()


def _title(cover: list[str], heading: Optional[tuple[str, list[str]]] = _UNKNOWN) -> Optional[str]:
    """The plan's own title: the last title-shaped line(s) before the preamble.

    A title wrapped over lines (重庆市永川区“十四五”节能减排 / 工作实施方案) is joined:
    pieces without sentence punctuation, only the last of which ends like a title.  The
    issuer's own line above a 关于… title (邯郸市人民政府 / 关于加快… / …实施意见) is part
    of it; a signature date glued to its front (2022年3月1日X市…) is not.
    ``heading``: ``issued_heading(cover)``, when the caller has it already.
    """
    if heading is _UNKNOWN:
        heading = issued_heading(cover)
    if heading is not None:
        return heading[0]
    # (LEADING_DATE and GLUED_DATE start with a digit: tried on a line that may start a date)
    cover = [(LEADING_DATE.sub("", line) or line) if _may_start_date(line[:1]) else line for line in cover]
    best: Optional[str] = None
    titles: list[str] = []
    i = 0
    while i < len(cover):
        # The issuers' own lines above a 关于… title, one name or a line of names each (中共中央 / 国务院 /
        # 关于…的意见): part of it, as on one line (中共中央 国务院关于…); they do not count as its lines.
        lead = _issuer_lines_above_about(cover, i)
        used = lead + 1
        candidate = "".join(cover[i : i + used])
        while (
            used - lead < MAX_TITLE_LINES
            and i + used < len(cover)
            and not _title_end(candidate)
            and (_title_piece(candidate) or lead)
            and (_title_piece(cover[i + used]) or (cover[i + used][:1] == "《" and candidate.endswith(CITING_ENDS)))
            and not _whole_regional_title_below(candidate, cover[i + used], lead)
        ):
            candidate += cover[i + used]
            used += 1
        while i + used < len(cover) and _title_end(candidate) and GENRE_LINE.match(cover[i + used]):
            candidate += cover[i + used]  # …指导意见 / 实施方案: the genre of a plan named after another
            used += 1
        while used < MAX_TITLE_LINES and i + used < len(cover) and _title_continues(candidate, cover[i + used]):
            candidate += cover[i + used]  # …生态环境保护规划 / 重点任务分工方案: a plan's part named after it
            used += 1
        if i + used < len(cover) and _title_end(candidate) and TITLE_EDITION.fullmatch(cover[i + used]):
            candidate += cover[i + used]  # …行动计划 / （2023—2025年）: the period set on a line of its own
            used += 1
        if _is_title(candidate) and not GENRE_LINE.match(candidate):
            best = candidate
            titles.append(candidate)
            i += used
        else:
            i += 1
    if len(titles) > 1:
        # Title-shaped lines after the title (a preamble wrapped in a PDF: …工作的意见》和国务院《2030年
        # 前碳达峰行动): the one the notice title issues wins.
        notice = _notice_title(cover)
        named = NOT_TITLE_LETTERS.sub("", notice) if notice else None
        best = next((t for t in reversed(titles) if NOT_TITLE_LETTERS.sub("", t) == named), best)
    # A title with an unbalanced bracket is a fragment of a longer one (…指导意见〉实施方案).
    if best is not None and _balanced(best):
        return best.replace(" ", "")
    # No title line: take the plan named in the notice title (关于印发《X》的通知), which may
    # be wrapped over lines and nest the title of the plan it implements.
    notice = _notice_title(cover)
    if notice is not None:
        return notice
    return best.replace(" ", "") if best is not None else _own_notice_title(cover)


# The genres of a notice that is itself the document (no plan issued under it).
NOTICE_ENDINGS = ("的通知", "的函", "的决定", "的通报", "的批复")


def _own_notice_title(cover: list[str]) -> Optional[str]:
    """A notice's title when the notice is the document, issuing no plan (湖南省生态环境厅关于做好
    2023年度碳排放权交易配额分配工作的通知, its items 一、二、 below), set over up to three lines."""
    for i in range(min(len(cover), 6)):
        if "关于" not in cover[i] and not (i + 1 < len(cover) and cover[i + 1].startswith("关于") and _issuer_line(cover[i])):
            continue  # (its issuers may stand on the line above: 湖南省生态环境厅 / 关于做好…的通知)
        joined = cover[i]
        for extra in cover[i + 1 : i + MAX_TITLE_LINES]:
            if joined.endswith(NOTICE_ENDINGS):
                break
            joined += extra
        if (
            joined.endswith(NOTICE_ENDINGS)
            and "关于" in joined
            and "印发" not in joined
            and "转发" not in joined
            and len(joined) <= 80
            and not SENTENCE_PUNCT.search(joined)
        ):
            return WHITE_SPACE.sub("", joined)
    return None


# The longest line that continues a title ending in a genre word (重点任务分工方案, 责任分工清单,
# 和二〇三五年远景目标纲要): a title of its own is longer, or starts with its region.
MAX_CONTINUATION = 16


def _title_continues(title: str, line: str) -> bool:
    """Does ``line`` go on with ``title``, a whole title already (…规划 / 重点任务分工方案,
    …实施方案 / 任务清单, …规划 / 和二〇三五年远景目标纲要)?  It is short, ends like a title and
    starts with no region, issuer, 关于 or quote of its own; it is no repetition of the title."""
    return (
        len(line) <= MAX_CONTINUATION
        and line[:1] not in "关“\"《〈（(—-0123456789"
        and _title_end(line)
        and _title_end(title)
        and line not in title
        and len(title) + len(line) <= 60
        and _is_title(title)
        and _is_title(line)
        and _title_piece(line)
        and _named_region(line) is None
    )


def _whole_regional_title_below(piece: str, line: str, lead: int) -> bool:
    """Is ``line`` a whole title of its own, starting with its region, below a ``piece`` that names
    none (a web page's label above it: 方案全文 / 湖北省减污降碳协同增效实施方案)?  A title's wrapped
    first line starts with the region (重庆市永川区“十四五”节能减排 / 工作实施方案), not its rest."""
    return not lead and _named_region(piece) is None and _is_title(line) and _named_region(line) is not None


def _balanced(title: str) -> bool:
    """Does every 《 (〈) close, and every 》 (〉) close an open one?  "…〉实施方案" and
    "工作的意见》和国务院《2030年前碳达峰行动" (a preamble's fragment) do not."""
    if "》" not in title and "〉" not in title and "《" not in title and "〈" not in title:
        return True
    depth = 0
    for ch in title:
        if ch in "《〈":
            depth += 1
        elif ch in "》〉":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _notice_title(cover: list[str]) -> Optional[str]:
    for i, line in enumerate(cover):
        if "印发" not in line and "转发" not in line:  # 关于印发…, X省人民政府关于印发…, 国务院办公厅转发…
            continue
        joined = line
        for extra in cover[i + 1 : i + MAX_TITLE_LINES]:
            if joined.endswith(("的通知", "的函")):
                break
            joined += extra
        joined = WHITE_SPACE.sub("", joined)
        m = NOTICE_WRAPPER.match(joined)
        if m:
            inner = m.group("inner").replace("《", "〈").replace("》", "〉")
            return inner if _balanced(inner) else ANGLE_MARKS.sub("", inner)
    return None


def _issuer_line(line: str) -> bool:
    """A line of issuer names only: 邯郸市人民政府, 中共中央 国务院."""
    names = [n for n in ISSUER_LINE_SEPARATOR.split(line) if n]
    return bool(names) and all(_org_name(n) or NATIONAL_ISSUER.match(n) for n in names)


# The most issuer lines set one above another over a 关于… title (中共X省委 / X省人民政府 / 关于…).
MAX_ISSUER_LINES = 4


def _issuer_lines_above_about(cover: list[str], i: int) -> int:
    """How many issuer lines (``_issuer_line``) run from ``cover[i]`` down to a line starting with 关于
    that may go on a title; 0 when the run does not end at one."""
    if not any(line.startswith("关于") for line in cover[i + 1 : i + 1 + MAX_ISSUER_LINES]):
        return 0  # (a quick test first: few cover lines have a 关于 line below)
    k = 0
    while k < MAX_ISSUER_LINES and i + k < len(cover) and _issuer_line(cover[i + k]):
        k += 1
    return k if k and i + k < len(cover) and cover[i + k].startswith("关于") and _title_piece(cover[i + k]) else 0


def _title_piece(line: str) -> bool:
    """Could this line be part of a title wrapped over two lines?"""
    return not (
        line.startswith(("（", "(", "《"))
        or (line[:1].isdigit() and LIST_ITEM.match(line) is not None)  # 附件：1.… / 2.重点任务分工表: a list's item
        or (line.startswith("附") and ATTACHMENT_LABEL.match(line) is not None)
        or _publication_note(line)
        or parse_date(line)
        or (line[-1:] == "月" and MONTH_LINE.match(line) is not None)  # 二〇二二年十月 above the title
        or _own_doc_number_line(line)
        or _org_name(line)
        or (line.endswith("印发") and PRINTED_LINE.match(line) is not None)  # 版记: …办公厅2022年6月13日印发
        or CC_LINE.match(line) is not None
    )


def _issuers(cover: list[str]) -> list[str]:
    """Organisation-name lines just above the date line (the signature block; its date may name
    the month only, 温州市发展和改革委员会 / 2022年8月 under a plan's title: no date, but its issuers)."""
    date_index = next((i for i, line in enumerate(cover) if parse_date(line) or MONTH_LINE.match(line)), None)
    block: list[str] = []
    if date_index is not None:
        j = date_index - 1
        if j >= 0 and cover[j][:1] in "（(" and SEAL_LINE.match(cover[j]):
            j -= 1  # （盖章） between the names and the date
        signed: list[str] = []  # the block's lines, top first
        while j >= 0:
            if _org_names(cover[j]):
                signed.insert(0, cover[j])
            elif signed and _wraps_name(cover[j], signed[0]):
                # A name the line wrapped (two names side by side in a narrow column, a text layer):
                # 宁夏回族自治区发展和改革委员会　宁夏 / 回族自治区生态环境厅 is two names, not one.
                signed[0] = cover[j] + signed[0]
            else:
                break
            j -= 1
        block = [part for line in signed for name in _org_names(line) for part in _glued_names(name)]
    if not block:
        # No signature block: the red-head lines at the very top, and the names a notice title wrapped
        # after them goes on with (工业和信息化部 国家发展改革委 财政部 / 生态环境部 国务院国资委关于印发…).
        for line in cover:
            names = _org_names(line)
            if not names:
                at = line.find("关于") if block else -1
                block.extend(_prefix_names(line[:at]) if at > 0 else [])
                break
            block.extend(names)
    seen: list[str] = []
    for name in block:
        if name not in seen:
            seen.append(name)
    return seen


# A party committee's office and its government's run together (a heading's lost space):
# 自治区党委办公厅人民政府办公厅 -> 自治区党委办公厅, 人民政府办公厅.
GLUED_OFFICES = compile_pattern(r"^(?P<first>.+?(?:党委|委员会|委)办公[厅室])(?P<second>(?:人民)?政府办公[厅室])$")


def _joint_offices(names: list[str]) -> list[str]:
    """A joint issue of a party committee's office and its government's, the second named without
    its region, as the red head and the heading write it once (自治区党委办公厅 人民政府办公厅印发…):
    the second takes the first's region (自治区人民政府办公厅); names run together are parted first."""
    parted: list[str] = []
    for name in names:
        glued = GLUED_OFFICES.match(name) if "办公" in name else None
        parted.extend((glued.group("first"), glued.group("second")) if glued else (name,))
    if len(parted) < 2 or not parted[1].startswith(("人民政府", "政府")):
        return parted if len(parted) != len(names) else names
    first = parted[0][2:] if parted[0].startswith("中共") else parted[0]
    place = _named_region(parted[0]) or next((w for w in BARE_LEVEL_WORDS if first.startswith(w)), None)
    if place is None:
        return parted
    return [parted[0], *(place + n if n.startswith(("人民政府", "政府")) else n for n in parted[1:])]


# Words of a title, never of an issuer's name: 大连市贯彻落实国务院关于… is not issued by "大连市贯彻落实国务院".
TITLE_VERB = compile_pattern(r"贯彻|落实|推进|推动|加快|实施|印发|转发")


def _title_issuers(title: Optional[str]) -> list[str]:
    """The issuers a title names before its 关于, when nothing else names them: 中共中央 国务院关于…
    (the space gone from the title) -> 中共中央, 国务院; X省人民政府关于… -> X省人民政府."""
    at = title.find("关于") if title else -1
    return (_as_org_names(title[:at]) or []) if title and at >= 2 else []


def _as_org_names(prefix: str) -> Optional[list[str]]:
    """``prefix`` read as organisation names run together, the shortest first (中共中央国务院 ->
    中共中央, 国务院), or None when it is not made of them: national organs, or names that start
    with their region (not 省人民政府, its region lost; not 大连市贯彻落实国务院, a title's words)."""
    names = _org_name_split(prefix)
    return None if names is None else list(names)


# The suffixes a cut between two names may not fall inside: 江苏省发展和改革委|员会江苏省生态环境厅 is
# no cut (委 ends a name, but 委员会 goes on), 江苏省发展和改革委员会|江苏省生态环境厅 is.
LONG_ORG_SUFFIXES = tuple(suffix for suffix in ORG_SUFFIXES if len(suffix) > 1)


def _inside_suffix(head: str, rest: str) -> bool:
    """Would cutting ``head`` from ``rest`` split a suffix of a name (委|员会, 管委|会, 办公|室)?"""
    return any(head.endswith(suffix[:k]) and rest.startswith(suffix[k:])
               for suffix in LONG_ORG_SUFFIXES for k in range(1, len(suffix)))


@lru_cache(maxsize=256)
def _org_name_split(prefix: str) -> Optional[tuple[str, ...]]:
    """``_as_org_names``, each rest of the prefix read once (kept: a prefix of many names that
    could be cut several ways is not read again for every cut before it)."""
    if not prefix:
        return ()
    for end in range(2, min(len(prefix), 30) + 1):
        head = prefix[:end]
        if NATIONAL_ORG.match(head) or (
            head[-1] in ORG_LAST and _org_name(head) and _named_region(head) and not TITLE_VERB.search(head)
            and not _inside_suffix(head, prefix[end:])
        ):
            rest = _org_name_split(prefix[end:])
            if rest is not None:
                return (head, *rest)
    return None


def _org_names(line: str) -> list[str]:
    # (names between 、 too: 绍兴市发展和改革委员会、绍兴市生态环境局 signed on one line)
    names = RED_HEAD.sub("", line.replace("、", " ") if "、" in line else line).split()
    if "章" in line:
        names = [SEAL_MARK.sub("", n) for n in names if not SEAL_LINE.match(n)]  # 天津市生态环境局（盖章）
    if len(names) > 1 and all(len(n) == 1 for n in names):
        names = ["".join(names)]  # a name letter-spaced across the signature: 国  务  院
    return names if names and all(_org_name(n) or NATIONAL_ORG.match(n) for n in names) else []


def _wraps_name(line: str, below: str) -> bool:
    """Is ``line`` signature names whose last one goes on at the start of ``below`` (重庆市经济和信息化委员会
    重庆市住房和城 / 乡建设委员会)?  The names before it stand alone; a title above the block does not
    (长沙市碳达峰实施方案 / 长沙市发展和改革委员会 is no name)."""
    *names, piece = line.split() or [""]
    return bool(names) and all(_org_name(n) for n in names) and not _org_name(piece) and bool(_org_names(line + below))


def _glued_names(name: str) -> tuple[str, ...]:
    """A signature's "name" that is names run together (their gap lost in a text layer or a web copy),
    of one region or national organs: 江苏省发展和改革委员会江苏省生态环境厅, 中共江苏省委江苏省人民政府,
    财政部生态环境部 -> both; else the name alone (重庆市生态环境局两江新区分局 is one name: its second
    part does not name the region again)."""
    if len(name) < 5:
        return (name,)
    region = _named_region(name)
    if region is None:
        return _national_names(name)
    if name.count(region) < 2:
        return (name,)
    parts = _org_name_split(name)
    return parts if parts and len(parts) > 1 and all(_named_region(part) == region for part in parts) else (name,)


def _national_names(name: str) -> tuple[str, ...]:
    """National organs run together (a title wrapped between two, its space lost): 财政部生态环境部,
    国家发展改革委国家能源局 -> each, when every part is an organ of the department table; else the name."""
    from .aliases import resolve  # (the table the departments are read with: national organs by name)

    for end in range(2, len(name) - 1):
        head, rest = name[:end], name[end:]
        if head[-1] in ORG_LAST and NATIONAL_ISSUER.match(rest) and resolve(head).known:
            tail = _national_names(rest)
            if all(resolve(part).known for part in tail):
                return (head, *tail)
    return (name,)


def _named_region(source: str) -> Optional[str]:
    """The region a title or issuer starts with (中共 dropped: 中共云南省委 -> 云南省), if it names one."""
    body = source[2:] if source.startswith("中共") else source[5:] if source.startswith("中国共产党") else source
    if body.startswith(NATIONAL_NAME_STARTS) and body[2:3] not in "（(":
        return None  # (中国（上海）自由贸易试验区 is Shanghai's)
    if body.startswith((XPCC, XPCC_SHORT)):
        # 新疆生产建设兵团, 兵团生态环境局, 中共新疆生产建设兵团委员会; 兵团第八师 (a prefecture)
        division = XPCC_DIVISION.match(body) if "师" in body else None
        return XPCC + division.group("division") if division else XPCC
    m = REGION.match(body)
    region = m.group("region") if m else ""
    if region.endswith(PREFECTURE_ENDINGS) and "市" in body[len(region) + 2 : len(region) + 7]:
        # 阿克苏地区库车市, 苏州市昆山市: a county-level city under its prefecture, which REGION stops
        # before; it is named alone (a county-level city's name is unique, its table knows its province)
        region = _county_city_at(body, len(region)) or region
    if "州" in body and not region.endswith("自治州"):
        # 黔东南州人民政府, 贵州省黔南州, 黔东南州凯里市: an autonomous prefecture by its short name
        # (REGION reads no region there, or one running on past it: 恩施州市|场监督管理局)
        province = (m.group("province") or "") if m else ""
        hit = _short_prefecture(body, len(province))
        if hit:
            full, after = hit
            below = REGION.match(body[after:])
            rest = below.group("region") if below else ""
            rest = rest if rest and rest not in BARE_REGIONS else ""
            region = rest if rest in county_cities() else province + full + rest  # (a county-level city alone)
    return region if region and region not in BARE_REGIONS else None


def _county_city_at(body: str, at: int) -> Optional[str]:
    """The county-level city ``body`` names at ``at`` (苏州市|昆山市人民政府 -> 昆山市), if any."""
    cities = county_cities()
    return next((body[at:end] for end in range(at + 3, at + 7) if body[end - 1 : end] == "市" and body[at:end] in cities), None)


@lru_cache(maxsize=1)
def _prefecture_short_names() -> tuple[tuple[str, str], ...]:
    """(short name, full name) of the autonomous prefectures (``data/autonomous_prefectures.tsv``), longest first."""
    pairs = [(short, row[0]) for row in read_table("autonomous_prefectures.tsv") for short in row[1].split()]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _short_prefecture(body: str, at: int) -> Optional[tuple[str, int]]:
    """(full name, end) of the autonomous prefecture ``body`` names in short at ``at`` (黔东南州 ->
    黔东南苗族侗族自治州), not a district of that name (巴州区, in 巴中市)."""
    for short, full in _prefecture_short_names():
        end = at + len(short)
        if body.startswith(short, at) and body[end : end + 1] != "区":
            return full, end
    return None


def regions_and_level(title: Optional[str], issuers: list[str]) -> tuple[list[str], Optional[Level]]:
    """Every issuing region (the title's first, then each issuer's) and the level of the first.

    A joint plan of two governments carries both; a plan of 中共X省委 and X省人民政府 one.
    """
    regions: list[str] = []
    for source in issuers:
        region = _named_region(source)
        if region and not any(r.startswith(region) or region.startswith(r) or r.endswith(region) for r in regions):
            regions.append(region)
    own = _named_region(title) if title else None
    if own and not regions:
        regions = [own]
    elif own and own != regions[0] and own.endswith(regions[0]):
        regions[0] = own  # the title's fuller form: 重庆市永川区 for 永川区
    # Otherwise the title's "region" is not the issuer's (成渝地区双城经济圈…: the signatories' plan).
    if regions and issuers and _named_region(issuers[0]) is None and NATIONAL_ISSUER.match(issuers[0]):
        # ministries first, then the governments of the region a national plan is for (生态环境部 … 上海市人民政府
        # 江苏省人民政府 …, 长三角地区…攻坚行动方案): national, for the region its title names, if a known one
        group = scope_prefix(title) if title else None
        return ([group] if group and grouping_or_province(group) else []), "national"
    if regions:
        level = _level(regions[0])
        if level == "zone" and regions[0].endswith("新区") and any(
            name.endswith("人民政府") and _named_region(name) == regions[0] for name in issuers
        ):
            level = "district"  # 上海市浦东新区人民政府: a 新区 with a government is a district (两江新区 has a 管委会)
        return regions, level
    if (title and NATIONAL_TITLE.match(title)) or any(NATIONAL_ISSUER.match(name) for name in issuers):
        return [], "national"
    return [], None


def region_and_level(title: Optional[str], issuers: list[str]) -> tuple[Optional[str], Optional[Level]]:
    regions, level = regions_and_level(title, issuers)
    return (regions[0] if regions else None), level


@lru_cache(maxsize=1)
def county_cities() -> frozenset[str]:
    """The county-level cities (``data/county_cities.tsv``): 昆山市, 义乌市, 石河子市 …"""
    return frozenset(row[0] for row in read_table("county_cities.tsv"))


def _county_city(region: str) -> bool:
    """Does ``region`` end with a county-level city (昆山市, 江苏省昆山市, 苏州市昆山市, 湖南省津市市)?"""
    cities = county_cities()
    if region in cities:
        return True
    # (after a province's or prefecture's name: its last character one of 省 区 州 市 盟)
    return any(region[i - 1] in "省区州市盟" and region[i:] in cities for i in range(1, len(region) - 2))


def _level(region: str) -> Level:
    if region.startswith(XPCC):
        return "province" if region == XPCC else "city"  # 新疆生产建设兵团第八师: a division, as a prefecture
    if ZONE_SUFFIX.search(region):
        return "zone"
    if region.endswith("地区"):
        return "city"  # 喀什地区, 大兴安岭地区: a prefecture, as a 地级市
    if region.endswith(("林区", "特区")) and not region.endswith("经济特区"):
        return "county"  # 神农架林区, 六枝特区: counties in rank
    if region.endswith("区") and not region.endswith("自治区"):
        return "district"
    if region.endswith(("县", "旗")):
        return "county"  # 自治县; 旗 and 自治旗 are Inner Mongolia's counties
    if region.endswith(("市", "自治州", "地区", "盟")):
        if region in MUNICIPALITIES:
            return "municipality"
        return "county" if region.endswith("市") and _county_city(region) else "city"
    return "province"


def closing_kind(line: str) -> Optional[str]:
    """What a line of the closing block is (signature, date, 此件…, 版记), or None."""
    line = line.strip()
    if parse_date(line):
        return "date"
    if _publication_note(line) and line.startswith(PUBLICATION_LINE_STARTS):
        return "publication"
    if CC_LINE.match(line) or PRINTED_LINE.match(line):
        return "colophon"
    if line[:1] in "签（(联此本共":
        if SIGNER_OR_CONTACT.match(line):
            return "issuer"  # (签发人：张某 / （联系人：王某，电话：…） by the signature: its lines, no clause's)
        if PAGE_NOTE.match(line):
            return "colophon"
        if SEAL_LINE.match(line):
            return "issuer"  # （盖章）: the seal's place in the signature block
    if _own_doc_number_line(line):
        return "issuer"  # the 文号 set under the signature date (a web copy's): no clause's line
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
        pm = _publication_note(line)
        if pm:
            return pm.group().rstrip("）)")
    return None


def extract_metadata(text: str, body_start: int, body_end: Optional[int] = None) -> Metadata:
    """Metadata of a document whose clauses span ``body_start``–``body_end``.

    The cover (before the body) is read first; the closing block after the body
    (signature, date, 此件公开发布) fills what the cover lacks.
    """
    cover = _cover_lines(text[:body_start])
    after = text[body_end:] if body_end is not None else ""
    # The closing block ends where an attachment starts under its bare label (附件 / 附件2 alone on
    # a line): a table's cells below it (市生态环境局 / 2025年12月31日) are no signature and date.
    label = BARE_ATTACHMENT_LABEL.search(after) if "附" in after else None
    closing = _cover_lines(after[: label.start()] if label else after) if body_end is not None else []
    # (the last 12 lines, without splitting the whole text)
    tail = [line.strip() for line in text.rsplit("\n", 12)[-12:] if line.strip()]
    signature_tail = tail if label is None else []  # (an attachment's lines at the end are not a signature)
    if body_end is not None and label is None and not any(parse_date(line) for line in closing):
        # The signature swallowed by the last clause (trailing web-page lines after it):
        # the last lines of the document still carry it.
        if any(parse_date(line) for line in tail):
            closing = tail
    if len(cover) > 1 and _may_start_date(cover[0][:1]) and parse_date(cover[0]) and any(map(parse_date, cover[1:] + closing)):
        cover = cover[1:]  # a web copy's date of publication above the title: the signature's date below is the document's
    fields = _page_fields(cover)
    heading = issued_heading(cover)
    title = _title(cover, heading) or _page_title(fields)
    doc_number, damaged = _own_doc_number(cover)
    if doc_number is None and closing:
        # The 文号 set under the signature date (a web copy's), not in the cover
        doc_number = next((line.strip("（）()") for line in closing if _own_doc_number_line(line)), None)
    order = _order_number(cover) if doc_number is None else None
    if order is not None:
        doc_number = order[0]
    if doc_number is None and "文号" in fields and (DOC_NUMBER.fullmatch(fields["文号"]) or GARBLED_DOC_NUMBER.fullmatch(fields["文号"])):
        doc_number = fields["文号"]
    date = (
        next((d for d in map(parse_date, cover + closing) if d), None)
        # 中共中央 and 省委 documents print their date in brackets under the title: （2021年9月22日）
        or next((d for d in (parse_date(line[1:-1]) for line in cover if line[:1] in "（(" and line[-1:] in "）)") if d), None)
        # …and a 条例 or 办法 the date of the session that passed it: （2022年9月29日…常务委员会第三十二次会议通过）
        or next((parse_date(m["date"]) for line in cover if line[:1] in "（(" and (m := PASSED_NOTE.match(line))), None)
        or parse_date(fields.get("成文日期", ""))
        or parse_date(fields.get("发布日期", ""))
        or _glued_date(cover + closing + signature_tail)
        # No signature date: the 版记's printing date (安徽省生态环境厅办公室 2023年1月16日印发).
        or _printed_date(closing + tail)
    )
    publication = _publication(cover) or _publication(closing)
    # The signature above a date wins over a heading's issuers (which may be fused or abridged:
    # 自治区党委办公厅人民政府办公厅), which win over red-head lines.
    signed = _issuers(cover) if any(parse_date(line) for line in cover) else []
    # The notice title's own issuers win over a web page's 发文机关 / 发布机构 field (the site's office
    # may publish its government's documents: 发布机构：国务院办公厅 over 国务院关于印发…).
    issuers = (signed or (heading[1] if heading else []) or _issuers(cover) or _issuers(closing)
               or _notice_issuers(cover) or _org_names(fields.get("发文机关", "")) or ([order[1]] if order else [])
               or _title_issuers(title))
    issuers = _joint_offices(issuers)
    regions, level = regions_and_level(title, issuers)
    if not regions and level is None:
        # 自治区党委办公厅… names no region: the signature or red head elsewhere on the cover may.
        others = [n for line in cover + closing for n in _org_names(line)]
        regions, level = regions_and_level(None, others)
    if not regions and level is None and title and title.startswith(("省", "自治区")):
        # The red head lost (省人民政府关于…): the province the text names most.
        province = dominant_province(text)
        if province:
            regions, level = [province], "province"
    if regions and not issuers:
        # 省人民政府关于印发… (a gazette's reprint, no signature): named if its region is known
        bare = _bare_title_issuers(cover)
        named = [_with_region(name, regions[0]) for name in bare]
        issuers = named if bare and all(a != b for a, b in zip(bare, named)) else []
    elif regions:
        issuers = [_with_region(name, regions[0]) for name in issuers]
    warnings: list[tuple[str, str]] = []
    if damaged:
        warnings.append(("repaired_doc_number", f"文号 read through conversion damage: {damaged} -> {doc_number}"))
    # A bare excerpt (at most a title line before the clauses, nothing after) has no cover to
    # read; a published document that lacks one of these is worth a warning.
    published = len(cover) > 1 or bool(closing) or heading is not None
    for value, code, what in ((title, "no_title", "title"), (doc_number, "no_doc_number", "文号"), (date, "no_date", "date"), (level, "no_level", "level")):
        if value is None and published:
            warnings.append((code, f"{what} could not be read from the cover or the closing block"))
    return Metadata(
        title=title,
        doc_number=doc_number,
        doc_number_valid=doc_number is None or valid_doc_number(doc_number),
        issuers=issuers,
        date=date,
        publication=publication,
        region=regions[0] if regions else None,
        level=level,
        cites=find_citations(text, title),
        regions=tuple(regions),
        warnings=tuple(warnings),
    )


def _cover_lines(text: str) -> list[str]:
    """The non-empty lines of a cover or closing block, stripped; a signature and its date, or a
    notice title and its 文号, set on one line are split in two, as they are printed in a 红头 file."""
    lines: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line[0] == "目" and CONTENTS_LINE.match(line):
            break  # a 规划's 目录: its entries are none of the cover's fields
        if line.endswith("日") and "年" in line:
            m = SIGNATURE_AND_DATE.match(line)
            if m and parse_date(m.group("date")) and _org_names(m.group("names")):
                lines.extend((m.group("names"), m.group("date")))
                continue
        if line.endswith("号") and (" " in line or "\u3000" in line):
            m = TITLE_AND_DOC_NUMBER.match(line)
            if m:
                lines.extend((m.group("head"), m.group("number")))
                continue
        if line.endswith("号") and "的通知" in line:
            m = TITLE_GLUED_DOC_NUMBER.match(line)
            if m:
                lines.extend((m.group("head"), m.group("number")))
                continue
        if line.endswith(("号）", "号)")) and "关于" in line:
            m = TITLE_AND_BRACKETED_NUMBER.match(line)
            if m:
                lines.extend((m.group("head"), m.group("number")))
                continue
        if line[0] == "发" and lines and lines[-1].endswith(("印", "转")) and lines[-1].endswith(("关于印", "关于转")):
            lines[-1] += line  # a notice title broken inside its 印发 (…关于印 / 发…的通知): one line
            continue
        lines.append(line)
    return lines


def _own_doc_number(cover: list[str]) -> tuple[Optional[str], Optional[str]]:
    """(文号, as written when damaged) of the cover: alone on a line, or broken over two by conversion."""
    for line in cover:
        if _own_doc_number_line(line):
            return line.strip("（）()"), None
    for i, line in enumerate(cover):
        for candidate in (line, line + " " + cover[i + 1] if i + 1 < len(cover) else ""):
            # (its year starts 19 or 20)
            m = DAMAGED_DOC_NUMBER_LINE.match(candidate) if "19" in candidate or "20" in candidate else None
            if m:
                return f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('seq'))}号", candidate
    return None, None


# The others of a joint notice's issuers, left unnamed after the lead: 生态环境部等7部门, 省发展改革委等十部门
ETC_DEPARTMENTS = compile_pattern(r"等(?:\d{1,2}|[一二三四五六七八九十]{1,3})?个?(?:部门|单位|部委)$")


def _notice_issuers(cover: list[str]) -> list[str]:
    """The issuers a notice title names before its 关于, for a cover without a signature:
    郑州市人民政府办公厅关于印发…的通知 -> 郑州市人民政府办公厅; 生态环境部 国家发展改革委关于印发… ->
    both; 洛阳市人民政府 / 关于印发… (the name on the line above) -> 洛阳市人民政府."""
    for i, line in enumerate(cover[:8]):
        at = line.find("关于")
        if at < 0 or ("印发" not in line and "转发" not in line):
            continue
        names = _prefix_names(line[:at].strip() or (cover[i - 1] if i else ""))
        if names:
            return names
    return []


def _prefix_names(prefix: str) -> list[str]:
    """The issuers a title names before its 关于 (``prefix``), or [] when it is not made of names (a web
    page's fields line, 索引号：… 标题：国务院关于印发…)."""
    if "等" in prefix:
        prefix = ETC_DEPARTMENTS.sub("", prefix)  # 湖北省生态环境厅等11部门: the lead, the others unnamed
    names: list[str] = []
    for part in ISSUER_LINE_SEPARATOR.split(prefix):
        if not part:
            continue
        if NATIONAL_ISSUER.match(part) and _org_name(part):
            names.extend(_glued_names(part))  # 生态环境部, 国家发展改革委: a ministry names no region
            continue
        found = _as_org_names(part) or (list(glued) if len(glued := _national_names(part)) > 1 else None)
        if not found:
            return []
        names.extend(found)
    return names


# The level words an issuer's name starts with when its region is left to the reader (a gazette's
# reprint, a 省委 document): 省人民政府, 自治区人民政府, 市生态环境局.  (自治区 before 区)
BARE_LEVEL_WORDS = ("自治区", "自治州", "省", "市", "州", "县", "区", "旗", "盟")


def _bare_title_issuers(cover: list[str]) -> list[str]:
    """The issuers a title names before its 关于 without their region (省人民政府关于印发…的通知,
    自治区人民政府关于…的实施意见), for a cover that names them nowhere else (``_with_region`` names them)."""
    for line in cover[:8]:
        at = line.find("关于")
        if at >= 2 and line.startswith(BARE_LEVEL_WORDS):
            prefix = ETC_DEPARTMENTS.sub("", line[:at]) if "等" in line[:at] else line[:at]  # (省生态环境厅等11部门)
            names = [n for n in ISSUER_LINE_SEPARATOR.split(prefix) if n]
            if names and all(n.startswith(BARE_LEVEL_WORDS) and _org_name(n) for n in names):
                return names
    return []


def _with_region(name: str, region: str) -> str:
    """An issuer named without its region, given the document's: 省人民政府 in 湖北省 -> 湖北省人民政府,
    市生态环境局 in 苏州市 -> 苏州市生态环境局; any other name as it is (省发展改革委 in 苏州市)."""
    if not name.startswith(BARE_LEVEL_WORDS) or _named_region(name) is not None:
        return name
    word = next(w for w in BARE_LEVEL_WORDS if name.startswith(w))
    if name[len(word) : len(word) + 1] in ("场", "域") or not region.endswith(word) or (word == "区" and region.endswith("自治区")):
        # (市场监督管理局, 区域…: no level word)
        return name
    return region + name[len(word):]


def _printed_date(lines: list[str]) -> Optional[str]:
    """The date of a 版记's printing line: 安徽省生态环境厅办公室 2023年1月16日印发 -> 2023-01-16."""
    for line in lines:
        if line.endswith("印发") and PRINTED_LINE.match(line):
            m = PRINTED_DATE.search(line)
            if m and (iso := parse_date(m.group())):
                return iso
    return None


def _order_number(cover: list[str]) -> Optional[tuple[str, str]]:
    """(number, issuer) of an order (令) heading the cover: 中华人民共和国生态环境部令 / 第19号 ->
    (中华人民共和国生态环境部令第19号, 生态环境部)."""
    for i, line in enumerate(cover[:4]):
        if "令" not in line:
            continue
        candidate = line if line.endswith(("号", "）", ")")) or i + 1 == len(cover) else line + cover[i + 1]
        m = ORDER_NUMBER.match(candidate) if "第" in candidate else None
        if m:
            org = m.group("org")
            return f"{org}令第{m.group('seq')}号", org.removeprefix(STATE_NAME) or org
    return None


def _glued_date(lines: list[str]) -> Optional[str]:
    for line in lines:
        m = GLUED_DATE.match(line) if _may_start_date(line[:1]) else None
        if m and (iso := parse_date(m.group("date"))):
            return iso
    return None


def _page_title(fields: dict[str, str]) -> Optional[str]:
    title = fields.get("标题", "").replace(" ", "")
    return title if title and _title_end(title) else None
