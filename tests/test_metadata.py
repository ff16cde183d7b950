"""Metadata fields of every seed, and each metadata rule on its own."""

from __future__ import annotations

import pytest

from jianwu import Document, parse_document
from jianwu.metadata import _title, core_title, parse_date, region_and_level, repair_doc_number, valid_doc_number

EXPECTED = {
    "chongqing-jianwu-2023": dict(
        title="重庆市减污降碳协同增效实施方案",
        doc_number=None,
        issuers=["重庆市生态环境局", "重庆市发展和改革委员会", "重庆市经济和信息化委员会", "重庆市住房和城乡建设委员会", "重庆市交通局", "重庆市农业农村委员会", "重庆市能源局"],
        date="2023-08-18",
        publication="此件公开发布",
        region="重庆市",
        level="municipality",
        script="traditional",
    ),
    "shapingba-jianwu-2023": dict(
        title="沙坪坝区减污降碳协同增效任务分工",
        doc_number="沙环发〔2023〕79号",
        issuers=["沙坪坝区生态环境局", "沙坪坝区发展和改革委员会", "沙坪坝区经济和信息化委员会", "沙坪坝区住房和城乡建设委员会", "沙坪坝区交通运输局", "沙坪坝区农业农村委员会"],
        date="2023-10-25",
        publication="此件公开发布",
        region="沙坪坝区",
        level="district",
        script="simplified",
    ),
    "gaoxin-jianwu-2023": dict(
        title="重庆高新区减污降碳协同增效实施方案",
        doc_number=None,
        issuers=["重庆高新区生态环境局", "重庆高新区改革发展局", "重庆高新区建设局", "重庆高新区规划和自然资源局", "重庆高新区城市建设事务中心"],
        date="2023-10-20",
        publication="此件公开发布",
        region="重庆高新区",
        level="zone",
        script="simplified",
    ),
    "ziyang-jianwu-2023": dict(
        title="资阳市减污降碳协同增效实施方案",
        doc_number=None,
        issuers=[],
        date=None,
        publication=None,
        region="资阳市",
        level="city",
        script="simplified",
    ),
    "yongchuan-jieneng-2023": dict(
        title="重庆市永川区“十四五”节能减排工作实施方案",
        doc_number="永川府发〔2023〕5号",
        issuers=["重庆市永川区人民政府"],
        date="2023-03-01",
        publication="此件删减后公开",
        region="重庆市永川区",
        level="district",
        script="simplified",
    ),
}


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_metadata(seeds: dict[str, Document], doc_id: str) -> None:
    doc = seeds[doc_id]
    assert {field: getattr(doc, field) for field in EXPECTED[doc_id]} == EXPECTED[doc_id]


def cites(doc: Document) -> list[tuple[str, str | None, bool]]:
    return [(c.core_title, c.doc_number, c.doc_number_valid) for c in doc.cites]


def test_citations_name_the_parent(seeds: dict[str, Document]) -> None:
    assert cites(seeds["shapingba-jianwu-2023"])[:2] == [
        ("重庆市减污降碳协同增效实施方案", "渝环〔2023〕71号", True),
        ("减污降碳协同增效实施方案", "环综合〔2022〕42号", True),
    ]
    # garbled 文号 kept as written and flagged; the 〈 lost in conversion does not hide the title
    assert cites(seeds["gaoxin-jianwu-2023"])[0] == ("重庆市减污降碳协同增效实施方案", "渝环〔202371号", False)
    assert cites(seeds["yongchuan-jieneng-2023"]) == [("重庆市“十四五”节能减排综合工作实施方案", "渝府发〔2022〕39号", True)]
    assert cites(seeds["ziyang-jianwu-2023"]) == [("四川省减污降碳协同增效行动方案", None, True)]
    # a plan does not cite itself (its cover notice names it)
    assert "重庆市减污降碳协同增效实施方案" not in [c for c, _, _ in cites(seeds["chongqing-jianwu-2023"])]


def test_garbled_doc_numbers_are_warned(seeds: dict[str, Document]) -> None:
    codes = [(w.code, w.message.split(" (")[0]) for w in seeds["gaoxin-jianwu-2023"].warnings if w.code == "garbled_doc_number"]
    assert codes == [
        ("garbled_doc_number", "cited 文号 looks garbled: 渝环〔202371号"),
        ("garbled_doc_number", "cited 文号 looks garbled: 环综合〔202242号"),
        ("garbled_doc_number", "cited 文号 looks garbled: 渝委发〔20228号"),
    ]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2023年8月18日", "2023-08-18"),
        ("2023 10 25", "2023-10-25"),
        ("20231020", "2023-10-20"),
        ("2023-3-1", "2023-03-01"),
        ("2023.03.01", "2023-03-01"),
        ("二〇二三年八月十八日", "2023-08-18"),
        ("二○二三年六月三十日", "2023-06-30"),  # ○ (a circle) for 〇, as web and Word copies write it
        ("二O二二年五月二十日", "2022-05-20"),  # the letter O
        ("二Ｏ二一年十月二十四日", "2021-10-24"),
        ("２０２３年5月6日", "2023-05-06"),  # full-width digits stay digits
        ("到2025年，全区", None),
        ("2023年13月1日", None),
        ("12345678", None),
        # 年, 月 and 日 lost from a web copy: a date when the three digits split one way only
        ("2012年7月27", "2012-07-27"),  # its 日 lost
        ("2023428", "2023-04-28"),
        ("2023101", "2023-10-01"),  # (a day is not written 01)
        ("2023128", None),  # 1月28日 or 12月8日
        ("202341", None),  # (a year and a month, or 4月1日)
    ],
)
def test_parse_date(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


@pytest.mark.parametrize(
    ("number", "valid", "repaired"),
    [
        ("渝环〔2023〕71号", True, "渝环〔2023〕71号"),
        ("永川府发〔2023〕5号", True, "永川府发〔2023〕5号"),
        ("环综合[2022]42号", True, "环综合[2022]42号"),
        ("渝环〔202371号", False, "渝环〔2023〕71号"),
        ("渝委发〔20228号", False, "渝委发〔2022〕8号"),
        ("宜府发﹝2023﹞5号", True, "宜府发﹝2023﹞5号"),  # small-form brackets (Word, web copies)
        ("川府发〔2022〕第8号", True, "川府发〔2022〕第8号"),
    ],
)
def test_doc_numbers(number: str, valid: bool, repaired: str) -> None:
    assert valid_doc_number(number) is valid
    assert repair_doc_number(number) == repaired


@pytest.mark.parametrize(
    ("title", "core"),
    [
        ("关于印发〈减污降碳协同增效实施方案〉的通知", "减污降碳协同增效实施方案"),
        ("重庆市生态环境局等部门关于印发重庆市减污降碳协同增效实施方案〉的函", "重庆市减污降碳协同增效实施方案"),
        ("重庆市减污降碳协同增效实施方案", "重庆市减污降碳协同增效实施方案"),
    ],
)
def test_core_title(title: str, core: str) -> None:
    assert core_title(title) == core


@pytest.mark.parametrize(
    ("title", "issuers", "region", "level"),
    [
        ("四川省减污降碳协同增效行动方案", [], "四川省", "province"),
        ("重庆市减污降碳协同增效实施方案", [], "重庆市", "municipality"),
        ("资阳市减污降碳协同增效实施方案", [], "资阳市", "city"),
        ("沙坪坝区减污降碳协同增效任务分工", [], "沙坪坝区", "district"),
        ("安岳县减污降碳协同增效实施方案", [], "安岳县", "county"),
        ("重庆高新区减污降碳协同增效实施方案", [], "重庆高新区", "zone"),
        ("减污降碳协同增效实施方案", ["生态环境部", "国家发展改革委"], None, "national"),
        (None, ["四川省生态环境厅"], "四川省", "province"),
        ("减污降碳协同增效典型案例汇编", ["生态环境部办公厅"], None, "national"),  # a ministry's 办公厅
        ("工业领域碳达峰实施方案", ["工业和信息化部办公厅", "国家发展改革委办公厅"], None, "national"),
        ("伊金霍洛旗碳达峰实施方案", [], "伊金霍洛旗", "county"),  # 旗 and 自治旗: Inner Mongolia's counties
        ("鄂温克族自治旗碳达峰实施方案", [], "鄂温克族自治旗", "county"),
        ("喀什地区碳达峰实施方案", [], "喀什地区", "city"),  # a 地区 is a prefecture
        ("广安市融入成渝地区双城经济圈生态环境保护实施方案", [], "广安市", "city"),  # a 地区 it joins, no district
        ("浦东新区碳达峰实施方案", ["上海市浦东新区人民政府"], "上海市浦东新区", "district"),  # a 新区 with a government
        ("重庆两江新区减污降碳协同增效实施方案", ["重庆两江新区管理委员会"], "重庆两江新区", "zone"),  # one with a 管委会
        # County-level cities (data/county_cities.tsv) rank as counties; prefectures stay cities.
        ("昆山市减污降碳协同增效实施方案", ["昆山市人民政府办公室"], "昆山市", "county"),
        ("义乌市碳达峰实施方案", [], "义乌市", "county"),
        ("仁怀市“十四五”节能减排综合工作实施方案", [], "仁怀市", "county"),
        ("津市市碳达峰实施方案", [], "津市市", "county"),  # (a 市 inside its name)
        (None, ["江苏省昆山市人民政府"], "江苏省昆山市", "county"),
        ("苏州市碳达峰实施方案", ["苏州市人民政府"], "苏州市", "city"),
        ("石河子市碳达峰实施方案", [], "石河子市", "county"),  # a city of the 兵团's, under the province
        # 新疆生产建设兵团 ranks as a province; its divisions (师) as prefectures.
        ("兵团碳达峰实施方案", ["新疆生产建设兵团"], "新疆生产建设兵团", "province"),
        (None, ["新疆生产建设兵团发展和改革委员会", "新疆生产建设兵团生态环境局"], "新疆生产建设兵团", "province"),
        ("兵团第八师碳达峰实施方案", [], "新疆生产建设兵团第八师", "city"),
        # An autonomous prefecture by its short name is read as its full name (data/autonomous_prefectures.tsv).
        ("黔东南州“十四五”节能减排综合工作方案", ["黔东南州人民政府办公室"], "黔东南苗族侗族自治州", "city"),
        ("西双版纳州碳达峰实施方案", ["西双版纳傣族自治州人民政府"], "西双版纳傣族自治州", "city"),
        (None, ["贵州省黔南州生态环境局"], "贵州省黔南布依族苗族自治州", "city"),
        (None, ["恩施州市场监督管理局"], "恩施土家族苗族自治州", "city"),  # (州 then 市场…)
        # A county-level city under its prefecture is named alone (its name is unique; the table knows its province).
        (None, ["黔东南州凯里市人民政府"], "凯里市", "county"),
        ("阿克苏地区库车市碳达峰实施方案", [], "库车市", "county"),
        ("库车市碳达峰实施方案", ["阿克苏地区库车市人民政府"], "库车市", "county"),
        (None, ["伊犁哈萨克自治州奎屯市人民政府办公室"], "奎屯市", "county"),
        ("江苏省苏州市昆山市碳达峰实施方案", [], "昆山市", "county"),
        ("苏州市城市管理领域碳达峰实施方案", ["苏州市城市管理局"], "苏州市", "city"),  # (城市: no city's name)
        ("喀什地区莎车县碳达峰实施方案", [], "喀什地区莎车县", "county"),
        # A title's words after the issuers' region are no region below it (…创新区 is no 新区).
        ("浙江省减污降碳协同创新区建设实施方案", ["浙江省发展和改革委员会", "浙江省生态环境厅"], "浙江省", "province"),
        ("巴州区碳达峰实施方案", [], "巴州区", "district"),
        # A 合作区 is a zone, its name may be long.
        ("前海合作区碳达峰实施方案", ["深圳市前海深港现代服务业合作区管理局"], "深圳市前海深港现代服务业合作区", "zone"),
        ("深圳市深汕特别合作区碳达峰实施方案", [], "深圳市深汕特别合作区", "zone"),
        ("神农架林区碳达峰实施方案", ["神农架林区人民政府"], "神农架林区", "county"),  # a 林区 and a 特区 rank as counties
        ("六枝特区碳达峰实施方案", [], "六枝特区", "county"),
        # A 开发区 named in full, its name longer than a district's; a 保税区 is a zone.
        (None, ["成都高新技术产业开发区管理委员会"], "成都高新技术产业开发区", "zone"),
        (None, ["大连长兴岛经济技术开发区管理委员会"], "大连长兴岛经济技术开发区", "zone"),
        (None, ["天津港保税区管理委员会"], "天津港保税区", "zone"),
        # National organs named 中国…, 中华…, 最高…, 国家… (国家市场监督管理总局 names no 国家市).
        ("气象部门碳达峰行动方案", ["中国气象局"], None, "national"),
        ("银行业保险业绿色金融指引", ["中国人民银行", "中国银保监会"], None, "national"),
        ("供销合作社系统碳达峰实施方案", ["中华全国供销合作总社"], None, "national"),
        ("市场监管领域碳达峰实施方案", ["国家市场监督管理总局"], None, "national"),
        # Ministries first, then the governments of the region a national plan is for: national, for that region.
        ("长三角地区2020-2021年秋冬季大气污染综合治理攻坚行动方案", ["生态环境部", "发展改革委", "上海市人民政府", "江苏省人民政府"],
         "长三角地区", "national"),
        ("秋冬季大气污染综合治理攻坚行动方案", ["生态环境部", "北京市人民政府", "天津市人民政府"], None, "national"),
        ("宣传教育工作方案", ["中共湖北省委宣传部", "湖北省生态环境厅"], "湖北省", "province"),  # (a province's 宣传部)
        (None, ["中国共产党湖北省委员会", "湖北省人民政府"], "湖北省", "province"),  # the party's full name  # 巴中市巴州区, not 巴音郭楞 (巴州)
    ],
)
def test_region_and_level(title: str | None, issuers: list[str], region: str | None, level: str) -> None:
    assert region_and_level(title, issuers) == (region, level)


def test_parse_document_accepts_text_and_bytes() -> None:
    text = "甲市减污降碳协同增效实施方案\n一、总体要求\n（一）到2025年，全市协同推进。"
    by_text = parse_document(text, doc_id="demo")
    by_bytes = parse_document(text.encode("gb18030"), doc_id="demo")
    assert by_text.title == by_bytes.title == "甲市减污降碳协同增效实施方案"
    assert [c.path for c in by_text.clauses] == [c.path for c in by_bytes.clauses] == [["一、"], ["一、", "（一）"]]


CLOSING = """重庆市某区“十四五”节能减排工作实施方案
一、总体要求
（一）加强领导。各部门要落实责任。（区发展改革委负责）
（二）加强宣传。组织开展节能宣传周。（区生态环境局负责）
重庆市某区人民政府
2023年3月1日
（此件公开发布）
抄送：区委办公室，区人大常委会办公室。
重庆市某区人民政府办公室 2023年3月2日印发"""


def test_signature_and_colophon_after_the_body() -> None:
    """A plan signed at its end: the signature block leaves the last clause and fills the metadata."""
    doc = parse_document(CLOSING, doc_id="closing")
    assert doc.clauses[-1].text == "加强宣传。组织开展节能宣传周。（区生态环境局负责）"
    assert (doc.date, doc.issuers, doc.publication) == ("2023-03-01", ["重庆市某区人民政府"], "此件公开发布")


@pytest.mark.parametrize(
    "extra",
    ["签发人：张某", "（联系人：王某，联系电话：0758-2222222）", "（此件公开发布）\n抄送：市委办公室。\n盐城市生态环境局办公室  2023年7月4日印发\n（共印30份）"],
)
def test_a_signer_or_contact_line_by_the_signature_is_the_closing_block_s(extra: str) -> None:
    """签发人：… under the signature date, （联系人：…） beside it, （此页无正文） above it, （共印30份） under the
    版记: no text of the last clause."""
    text = "盐城市减污降碳协同增效实施方案\n一、总体要求\n坚持系统观念。\n二、保障措施\n加强宣传。\n（此页无正文）\n盐城市生态环境局\n2023年6月30日\n" + extra
    doc = parse_document(text, doc_id="t")
    assert (doc.clauses[-1].text, doc.issuers, doc.date) == ("保障措施\n加强宣传。", ["盐城市生态环境局"], "2023-06-30")


def test_a_notice_title_s_issuers_win_over_a_page_field() -> None:
    """发布机构：国务院办公厅 on a web page's fields line; the notice title is 国务院's (关于 after its name)."""
    text = ("索引号：000014349/2022-00032 发布机构：国务院办公厅 成文日期：2022年01月24日 发文字号：国发〔2021〕33号 "
            "标题：国务院关于印发“十四五”节能减排综合工作方案的通知\n国务院关于印发“十四五”节能减排综合工作方案的通知\n"
            "各省、自治区、直辖市人民政府：\n现将《“十四五”节能减排综合工作方案》印发给你们。\n“十四五”节能减排综合工作方案\n一、总体要求\n二、主要目标\n")
    doc = parse_document(text, doc_id="t")
    assert (doc.issuers, doc.doc_number, doc.date, doc.level) == (["国务院"], "国发〔2021〕33号", "2022-01-24", "national")


def test_a_clause_ending_with_a_name_keeps_it() -> None:
    doc = parse_document("甲区实施方案\n一、总体要求\n（一）加强领导。各部门要落实责任。\n区生态环境局", doc_id="name")
    assert doc.clauses[-1].text == "加强领导。各部门要落实责任。\n区生态环境局"
    assert doc.issuers == []


PAGE_TABLE = """索引号：11500000MB1A23456X/2023-00123 发文机关：重庆市生态环境局
成文日期：2023-08-18 发文字号：渝环〔2023〕71号 发布日期：2023-08-25
重庆市减污降碳协同增效实施方案
为协同推进减污降碳，制定本方案。
一、总体要求
（一）加强领导。各部门要落实责任。"""


def test_web_page_metadata_table_fills_what_the_text_lacks() -> None:
    doc = parse_document(PAGE_TABLE, doc_id="page")
    assert (doc.doc_number, doc.date, doc.issuers) == ("渝环〔2023〕71号", "2023-08-18", ["重庆市生态环境局"])


def test_a_signature_date_wins_over_the_page_table() -> None:
    text = PAGE_TABLE.replace("重庆市减污降碳协同增效实施方案\n", "重庆市生态环境局\n2023年8月17日\n重庆市减污降碳协同增效实施方案\n")
    assert parse_document(text, doc_id="page").date == "2023-08-17"


@pytest.mark.parametrize(
    ("cover", "title"),
    [
        ("重庆市永川区\n“十四五”节能减排\n工作实施方案", "重庆市永川区“十四五”节能减排工作实施方案"),  # three lines of large type
        ("重庆市减污降碳\n协同增效实施方案", "重庆市减污降碳协同增效实施方案"),
        ("（此件公开发布）\n重庆市减污降碳协同增效实施方案", "重庆市减污降碳协同增效实施方案"),  # a note is never part of it
        # The period or edition after the genre word, on the title's line or the next.
        ("宜宾市减污降碳协同增效行动计划（2023—2025年）", "宜宾市减污降碳协同增效行动计划（2023—2025年）"),
        ("宜宾市“十四五”生态环境保护规划（2021-2025年）", "宜宾市“十四五”生态环境保护规划（2021-2025年）"),
        ("宜宾市减污降碳协同增效行动计划\n（2023—2025年）", "宜宾市减污降碳协同增效行动计划（2023—2025年）"),
        ("宜宾市碳排放管理办法（试行）", "宜宾市碳排放管理办法（试行）"),
        ("宜宾市碳达峰实施方案（征求意见稿）", "宜宾市碳达峰实施方案（征求意见稿）"),
        ("宜宾市碳达峰实施方案（公开征求意见稿）", "宜宾市碳达峰实施方案（公开征求意见稿）"),
        ("高耗能行业重点领域节能降碳改造升级实施指南（2022年版）", "高耗能行业重点领域节能降碳改造升级实施指南（2022年版）"),  # a 实施指南
        ("宜宾市节能监察办法（2023年修订）", "宜宾市节能监察办法（2023年修订）"),
        ("宜宾市节能降碳工作要点（2023年度）", "宜宾市节能降碳工作要点（2023年度）"),
        ("宜宾市产业结构调整指导目录清单（2022年本）", "宜宾市产业结构调整指导目录清单（2022年本）"),
        ("宜宾市企业碳排放核算指南（第二版）", "宜宾市企业碳排放核算指南（第二版）"),
        ("宜宾市碳排放管理办法\n（试行稿）", "宜宾市碳排放管理办法（试行稿）"),
        # A title of its own starting with 关于 (实施意见, 指导意见), after its notice too.
        ("关于推进城乡建设绿色发展的实施意见", "关于推进城乡建设绿色发展的实施意见"),
        ("湖南省人民政府办公厅关于印发《关于推进城乡建设绿色发展的实施意见》的通知\n湘政办发〔2022〕30号\n"
         "湖南省人民政府办公厅\n2022年6月30日\n关于推进城乡建设绿色发展的实施意见", "关于推进城乡建设绿色发展的实施意见"),
        # The attachment label above a plan issued with its notice.
        ("附件\n浙江省能源领域碳达峰实施方案", "浙江省能源领域碳达峰实施方案"),
        ("附件1\n苏州市碳达峰实施方案", "苏州市碳达峰实施方案"),
        # The 版记 of a notice (抄送, the printing office and date) above the plan it issues.
        ("生态环境部\n2022年6月10日\n抄送：教育部、科技部。\n生态环境部办公厅2022年6月13日印发\n减污降碳协同增效实施方案",
         "减污降碳协同增效实施方案"),
        # A cover's list of attachments above the plan: its items are no piece of the title.
        ("附件：1.某市碳达峰实施方案\n2.重点任务分工表\n某市碳达峰实施方案", "某市碳达峰实施方案"),
        ("2030年前碳达峰行动方案", "2030年前碳达峰行动方案"),
        # A web page's label above a whole title that starts with its region.
        ("方案全文\n湖北省减污降碳协同增效实施方案", "湖北省减污降碳协同增效实施方案"),
        ("政策原文\n苏州市碳达峰实施方案", "苏州市碳达峰实施方案"),
        ("宜宾市人民政府\n二○二三年六月三十日\n宜宾市碳达峰实施方案", "宜宾市碳达峰实施方案"),
        ("宜宾市人民政府 2023年6月30日\n宜宾市碳达峰实施方案", "宜宾市碳达峰实施方案"),  # signature and date on one line
        # Broken after a genre word, the next line a part of the plan named after it (分工方案, 任务清单 …).
        ("江苏省生态环境保护规划\n重点任务分工方案", "江苏省生态环境保护规划重点任务分工方案"),
        ("山东省“十四五”节能减排实施方案\n责任分工", "山东省“十四五”节能减排实施方案责任分工"),
        ("河南省推进碳达峰碳中和工作实施方案\n任务清单", "河南省推进碳达峰碳中和工作实施方案任务清单"),
        ("湘潭市国民经济和社会发展第十四个五年规划\n和二〇三五年远景目标纲要", "湘潭市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要"),
        ("郑州市“十四五”节能减排综合工作方案\n重点任务分工\n（2022—2025年）", "郑州市“十四五”节能减排综合工作方案重点任务分工（2022—2025年）"),
        ("附件1\n无锡市“十四五”生态环境保护规划\n重点任务分工方案", "无锡市“十四五”生态环境保护规划重点任务分工方案"),
        # …but a title of its own (its region first), or the title repeated, does not go on with it.
        ("宜宾市碳达峰实施方案\n宜宾市碳达峰实施方案", "宜宾市碳达峰实施方案"),
        ("四川省碳达峰实施方案\n宜宾市碳达峰实施方案", "宜宾市碳达峰实施方案"),
        # Broken before the 《》 of the plan it implements; a 关于印发 inside that 《》 is no notice's.
        ("宁波市贯彻落实\n《浙江省碳达峰实施方案》的实施意见", "宁波市贯彻落实《浙江省碳达峰实施方案》的实施意见"),
        ("关于贯彻落实\n《国务院关于印发2030年前碳达峰行动方案的通知》的实施意见",
         "关于贯彻落实《国务院关于印发2030年前碳达峰行动方案的通知》的实施意见"),
        # A date of the year and month above the title is none of it.
        ("二〇二二年十月\n福建省“十四五”节能减排综合工作方案", "福建省“十四五”节能减排综合工作方案"),
        # Issuers set one per line over 关于…: the same title as on one line (not the last issuer's only).
        ("中共中央\n国务院\n关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见"),
        ("中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见"),
        ("中共广西壮族自治区委员会\n广西壮族自治区人民政府\n关于完整准确全面贯彻新发展理念做好碳达峰碳中和\n工作的实施意见",
         "中共广西壮族自治区委员会广西壮族自治区人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见"),
        ("广西壮族自治区人民政府\n关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见",
         "广西壮族自治区人民政府关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的实施意见"),
    ],
)
def test_title_set_over_several_lines(cover: str, title: str) -> None:
    doc = parse_document(f"{cover}\n为协同推进，制定本方案。\n一、总体要求\n（一）加强领导。", doc_id="t")
    assert doc.title == title


@pytest.mark.parametrize(
    ("cover", "fields"),
    [
        ("宜宾市人民政府\n宜府发〔2023〕5号\n现将方案印发给你们。\n宜宾市人民政府 2023年6月30日\n宜宾市碳达峰实施方案",
         dict(doc_number="宜府发〔2023〕5号", issuers=["宜宾市人民政府"], date="2023-06-30", region="宜宾市", level="city")),
        ("宜宾市人民政府关于印发宜宾市碳达峰实施方案的通知 宜府发〔2023〕5号\n宜宾市碳达峰实施方案",  # 文号 on the notice's line; no signature: the notice title names the issuer
         dict(doc_number="宜府发〔2023〕5号", issuers=["宜宾市人民政府"], date=None, region="宜宾市", level="city")),
        ("宜宾市人民政府关于印发宜宾市碳达峰实施方案的通知\n宜府发﹝2023﹞5号\n宜宾市人民政府\n二O二三年六月三十日\n宜宾市碳达峰实施方案",
         dict(doc_number="宜府发﹝2023﹞5号", issuers=["宜宾市人民政府"], date="2023-06-30", region="宜宾市", level="city")),
        # …or glued to it.
        ("宜宾市人民政府关于印发宜宾市碳达峰实施方案的通知宜府发〔2023〕5号\n宜宾市人民政府\n2023年6月30日\n宜宾市碳达峰实施方案",
         dict(doc_number="宜府发〔2023〕5号", issuers=["宜宾市人民政府"], date="2023-06-30", region="宜宾市", level="city")),
        # A web copy's date of publication above it: the signature's date is the document's.
        ("2023年7月5日\n关于印发宜宾市碳达峰实施方案的通知\n宜府发〔2023〕5号\n宜宾市人民政府\n2023年6月30日\n宜宾市碳达峰实施方案",
         dict(doc_number="宜府发〔2023〕5号", issuers=["宜宾市人民政府"], date="2023-06-30", region="宜宾市", level="city")),
        ("2023年6月30日\n宜宾市碳达峰实施方案", dict(date="2023-06-30", region="宜宾市")),  # (the only date)
        # A web copy's heading with its 文号 in brackets after it.
        ("关于印发《宜宾市碳达峰实施方案》的通知（宜府发〔2023〕5号）\n宜宾市人民政府\n2023年6月30日\n宜宾市碳达峰实施方案",
         dict(doc_number="宜府发〔2023〕5号", issuers=["宜宾市人民政府"], date="2023-06-30", region="宜宾市", level="city")),
    ],
)
def test_cover_lines_printed_together(cover: str, fields: dict[str, object]) -> None:
    doc = parse_document(f"{cover}\n为协同推进，制定本方案。\n一、总体要求\n（一）加强领导。", doc_id="t")
    assert doc.title == "宜宾市碳达峰实施方案"
    assert {name: getattr(doc, name) for name in fields} == fields


@pytest.mark.parametrize(
    ("title_line", "issuers"),
    [
        ("中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", ["中共中央", "国务院"]),
        ("河北省人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见", ["河北省人民政府"]),
        ("省人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见", []),  # the region lost: no name to give
        ("大连市贯彻落实国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见实施方案", []),  # a title's words
        # two names run together: cut between them, never inside a suffix (委|员会, 管委|会)
        ("江苏省发展和改革委员会江苏省生态环境厅关于印发江苏省减污降碳协同增效实施方案的通知",
         ["江苏省发展和改革委员会", "江苏省生态环境厅"]),
        ("苏州工业园区管委会苏州市生态环境局关于印发苏州工业园区碳达峰实施方案的通知", ["苏州工业园区管委会", "苏州市生态环境局"]),
    ],
)
def test_issuers_named_before_the_title_s_guanyu(title_line: str, issuers: list[str]) -> None:
    """With no signature, red head or heading, the issuers a title names before its 关于."""
    doc = parse_document(f"{title_line}\n（2021年9月22日）\n一、总体要求\n（一）加强领导。", doc_id="t")
    assert doc.issuers == issuers


def test_xpcc_signature_is_its_issuer() -> None:
    """新疆生产建设兵团 signs as an organisation (no 局/委/政府 suffix): issuer, region and level."""
    text = ("新疆生产建设兵团关于印发兵团碳达峰实施方案的通知\n新兵发〔2023〕3号\n各师市：\n现将方案印发给你们。\n"
            "新疆生产建设兵团\n2023年2月20日\n兵团碳达峰实施方案\n一、总体要求\n二、重点任务\n")
    doc = parse_document(text, doc_id="t")
    assert (doc.title, doc.doc_number, doc.issuers, doc.date, doc.region, doc.level) == (
        "兵团碳达峰实施方案", "新兵发〔2023〕3号", ["新疆生产建设兵团"], "2023-02-20", "新疆生产建设兵团", "province")


@pytest.mark.parametrize(
    ("cover", "doc_number", "issuers", "level"),
    [
        # An order (令): its number under the issuer's name, or beside it; the state's name is not the issuer's.
        ("中华人民共和国生态环境部令\n第19号\n《碳排放权交易管理办法（试行）》已于2020年12月25日审议通过，现予公布。\n部长 黄润秋\n2020年12月31日\n碳排放权交易管理办法（试行）\n",
         "中华人民共和国生态环境部令第19号", ["生态环境部"], "national"),
        ("山东省人民政府令（第352号）\n《山东省节约能源条例实施办法》已经省政府常务会议通过，现予公布。\n省长 周乃翔\n2022年11月20日\n山东省节约能源条例实施办法\n",
         "山东省人民政府令第352号", ["山东省人民政府"], "province"),
    ],
)
def test_order_numbers(cover: str, doc_number: str, issuers: list[str], level: str) -> None:
    doc = parse_document(cover + "第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 本办法自印发之日起施行。\n", doc_id="t")
    assert (doc.doc_number, doc.doc_number_valid, doc.issuers, doc.level) == (doc_number, True, issuers, level)


def test_a_letter_spaced_signature_is_one_name() -> None:
    """国  务  院 over the date (a 红头 signature set letter-spaced) is the issuer 国务院."""
    text = ("国务院关于印发2030年前碳达峰行动方案的通知\n国发〔2021〕23号\n各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n"
            "国  务  院\n2021 年 10 月 24 日\n2030年前碳达峰行动方案\n一、总体要求\n二、主要目标\n")
    doc = parse_document(text, doc_id="t")
    assert (doc.issuers, doc.date, doc.level) == (["国务院"], "2021-10-24", "national")


@pytest.mark.parametrize(
    ("cover", "closing", "issuers", "date"),
    [
        # No signature: the issuers the notice title names before its 关于.
        ("郑州市人民政府办公厅关于印发郑州市碳达峰实施方案的通知\n郑政办〔2023〕18号\n各县（市、区）人民政府：\n现将方案印发给你们。\n郑州市碳达峰实施方案\n",
         "", ["郑州市人民政府办公厅"], None),
        ("生态环境部 国家发展改革委关于印发《减污降碳协同增效实施方案》的通知\n环综合〔2022〕42号\n各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n减污降碳协同增效实施方案\n",
         "", ["生态环境部", "国家发展改革委"], None),
        # A joint notice naming its lead only (等11部门), in full or without its region.
        ("湖北省生态环境厅等11部门关于印发湖北省减污降碳协同增效实施方案的通知\n鄂环发〔2023〕5号\n各市、州、县人民政府：\n现将方案印发给你们。\n湖北省减污降碳协同增效实施方案\n",
         "", ["湖北省生态环境厅"], None),
        ("生态环境部等7部门关于印发减污降碳协同增效实施方案的通知\n环综合〔2022〕42号\n各省、自治区、直辖市人民政府：\n现将方案印发给你们。\n减污降碳协同增效实施方案\n",
         "", ["生态环境部"], None),
        ("省生态环境厅等十部门关于印发湖北省减污降碳协同增效实施方案的通知\n鄂环发〔2023〕5号\n各市、州、县人民政府：\n现将方案印发给你们。\n湖北省减污降碳协同增效实施方案\n",
         "", ["湖北省生态环境厅"], None),
        # A date alone under the notice: the notice's issuer, the date.
        ("吉林省人民政府关于印发吉林省碳达峰实施方案的通知\n吉政发〔2022〕24号\n各市（州）人民政府：\n现将方案印发给你们，本方案自2023年1月1日起施行。\n2022年12月30日\n吉林省碳达峰实施方案\n",
         "", ["吉林省人民政府"], "2022-12-30"),
        # No signature date at all: the 版记's printing date.
        ("安徽省生态环境厅关于印发安徽省减污降碳协同增效实施方案的通知\n皖环发〔2023〕3号\n各市生态环境局：\n现将方案印发给你们。\n安徽省减污降碳协同增效实施方案\n",
         "\n抄送：生态环境部。\n安徽省生态环境厅办公室                 2023年1月16日印发\n", ["安徽省生态环境厅"], "2023-01-16"),
        # A seal mark after each name.
        ("天津市减污降碳协同增效实施方案\n", "\n天津市生态环境局（盖章）　　天津市发展和改革委员会（盖章）\n2023年4月12日\n",
         ["天津市生态环境局", "天津市发展和改革委员会"], "2023-04-12"),
        # A 领导小组 (or its office, sealing for it: （代章）) signs the plan it coordinates.
        ("海南省碳达峰实施方案任务分工\n", "\n海南省碳达峰碳中和工作领导小组办公室（代章）\n2023年6月30日\n",
         ["海南省碳达峰碳中和工作领导小组办公室"], "2023-06-30"),
        ("海南省碳达峰实施方案任务分工\n", "\n海南省应对气候变化及节能减排工作领导小组\n2023年6月30日\n",
         ["海南省应对气候变化及节能减排工作领导小组"], "2023-06-30"),
        # Names between 、 on the signature's line.
        ("绍兴市减污降碳协同增效实施方案\n", "\n绍兴市发展和改革委员会、绍兴市生态环境局\n2023年7月3日\n",
         ["绍兴市发展和改革委员会", "绍兴市生态环境局"], "2023-07-03"),
        # Issuers on several lines, the seal's place between them and the date.
        ("天津市减污降碳协同增效实施方案\n",
         "\n天津市生态环境局　　　天津市发展和改革委员会\n天津市工业和信息化局　天津市住房和城乡建设委员会\n（盖章）\n2023年4月12日\n",
         ["天津市生态环境局", "天津市发展和改革委员会", "天津市工业和信息化局", "天津市住房和城乡建设委员会"], "2023-04-12"),
    ],
)
def test_issuers_and_date_without_a_signature(cover: str, closing: str, issuers: list[str], date: str | None) -> None:
    doc = parse_document(cover + "一、总体要求\n二、重点任务\n（一）加强组织领导。\n" + closing, doc_id="t")
    assert (doc.issuers, doc.date) == (issuers, date)


@pytest.mark.parametrize(
    ("note", "publication"),
    [("（此件公开发布）", "此件公开发布"), ("（公开方式：主动公开）", "公开方式：主动公开"), ("公开方式：依申请公开", "公开方式：依申请公开"),
     ("（信息公开形式：主动公开）", "信息公开形式：主动公开"), ("信息公开选项：依申请公开", "信息公开选项：依申请公开"),
     ("（本文有删减）", "本文有删减")],
)
def test_publication_notes(note: str, publication: str) -> None:
    """Both forms of the note under the signature: 此件… and 公开方式：…, before the plan or after it."""
    cover = "湖北省人民政府关于印发湖北省碳达峰实施方案的通知\n鄂政发〔2022〕30号\n各市、州、县人民政府：\n现将方案印发给你们。\n"
    body = "湖北省碳达峰实施方案\n一、总体要求\n二、重点任务\n（一）加强组织领导。\n"
    before = parse_document(cover + f"湖北省人民政府\n2022年12月28日\n{note}\n" + body, doc_id="t")
    after = parse_document(body + f"湖北省人民政府\n2022年12月28日\n{note}\n", doc_id="t")
    assert (before.publication, before.date) == (publication, "2022-12-28")
    assert (after.publication, after.date, after.clauses[-1].text) == (publication, "2022-12-28", "加强组织领导。")


@pytest.mark.parametrize(
    ("cover", "title"),
    [
        # A preamble wrapped in a PDF, one of its lines title-shaped (ends with 行动, no punctuation, its 》
        # before its 《): the title the notice issues wins; alone, such a line is a fragment.
        (["广东省人民政府关于印发广东省碳达峰实施方案的通知", "粤府〔2023〕4号", "广东省人民政府", "2022年12月28日", "广东省碳达峰实施方案",
          "为深入贯彻落实党中央、国务院关于碳达峰碳中和的重大战略决策，根据《中共中央", "国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和",
          "工作的意见》和国务院《2030年前碳达峰行动", "方案》，结合我省实际，制定本方案。"], "广东省碳达峰实施方案"),
        (["广东省人民政府关于印发广东省碳达峰实施方案的通知", "粤府〔2023〕4号", "工作的意见》和国务院《2030年前碳达峰行动"], "广东省碳达峰实施方案"),
    ],
)
def test_title_shaped_fragments_of_a_preamble(cover: list[str], title: str) -> None:
    assert _title(cover) == title


TABLE_ATTACHMENT = "附件\n\n重点任务分工表\n\n序号\n重点任务\n牵头单位\n完成时限\n1\n强化生态环境分区管控\n市生态环境局\n2025年12月31日\n2\n加强准入管理\n市生态环境局\n2024年6月30日\n"


@pytest.mark.parametrize(
    ("closing", "issuers", "date"),
    [
        # An attachment's table cells, one per line (a Word or PDF table), are no signature nor date.
        ("", [], None),
        ("合肥市人民政府办公室\n2023年5月4日\n", ["合肥市人民政府办公室"], "2023-05-04"),
        ("附件：重点任务分工表\n合肥市人民政府办公室\n2023年5月4日\n", ["合肥市人民政府办公室"], "2023-05-04"),  # a list of attachments
    ],
)
def test_an_attachment_table_is_not_the_closing_block(closing: str, issuers: list[str], date: str | None) -> None:
    doc = parse_document("合肥市减污降碳协同增效实施方案\n一、总体要求\n二、重点任务\n（一）加强源头防控。\n" + closing + TABLE_ATTACHMENT, doc_id="t")
    assert (doc.issuers, doc.date) == (issuers, date)


@pytest.mark.parametrize(
    ("region", "place", "in_yangtze_delta"),
    [
        ("河北省邯郸市", ("河北", "邯郸"), False),
        ("邯郸市", (None, "邯郸"), None),  # a prefecture: its province unknown here
        ("昆山市", ("江苏", "昆山"), True),  # a county-level city: its province from data/county_cities.tsv
        ("义乌市", ("浙江", "义乌"), True),
        ("石河子市", ("新疆", "石河子"), False),
    ],
)
def test_place_of_a_region(region: str, place: tuple[str | None, str | None], in_yangtze_delta: bool | None) -> None:
    from jianwu.regions import covers, place_of

    assert (place_of(region), covers("长三角地区", region)) == (place, in_yangtze_delta)


@pytest.mark.parametrize(
    ("closing", "doc_number"),
    [
        ("贵阳市人民政府\n2023年3月15日\n筑府发〔2023〕7号\n", "筑府发〔2023〕7号"),  # a web copy's 文号 under the date
        ("贵阳市人民政府\n2023年3月15日\n（筑府发〔2023〕7号）\n", "筑府发〔2023〕7号"),
        ("贵阳市人民政府\n2023年3月15日\n", None),
    ],
)
def test_a_doc_number_under_the_signature_date(closing: str, doc_number: str | None) -> None:
    doc = parse_document("贵阳市减污降碳协同增效实施方案\n一、总体要求\n二、重点任务\n（一）加强组织领导。\n" + closing, doc_id="t")
    assert (doc.doc_number, doc.issuers, doc.date) == (doc_number, ["贵阳市人民政府"], "2023-03-15")
    assert doc.clauses[-1].text == "加强组织领导。"  # the closing block is no clause's


@pytest.mark.parametrize(
    ("cover", "fields"),
    [
        # A gazette's reprint: the issuer named without its region, the text naming the province.
        ("省人民政府关于印发四川省碳达峰实施方案的通知\n川府发〔2023〕5号\n各市（州）人民政府：\n现将方案印发给你们。\n"
         "省人民政府\n2023年6月30日\n四川省碳达峰实施方案",
         dict(doc_number="川府发〔2023〕5号", issuers=["四川省人民政府"], date="2023-06-30")),
        ("省人民政府关于印发四川省碳达峰实施方案的通知\n川府发〔2023〕5号\n各市（州）人民政府：\n现将方案印发给你们。\n"
         "2023年6月30日\n四川省碳达峰实施方案",
         dict(doc_number="川府发〔2023〕5号", issuers=["四川省人民政府"], date="2023-06-30")),
        # The region unknown: the bare name is not given (test_issuers_named_before_the_title_s_guanyu).
        ("省人民政府关于印发碳达峰实施方案的通知\n2023年6月30日\n碳达峰实施方案", dict(issuers=[], date="2023-06-30")),
        # A 市 name of the region's level, not 市场 (市场监督管理局 names no region).
        ("市人民政府关于印发苏州市碳达峰实施方案的通知\n2023年6月30日\n苏州市碳达峰实施方案", dict(issuers=["苏州市人民政府"], date="2023-06-30")),
    ],
)
def test_issuers_named_without_their_region(cover: str, fields: dict[str, object]) -> None:
    doc = parse_document(f"{cover}\n为协同推进，制定本方案。\n一、总体要求\n（一）加强领导。", doc_id="t")
    assert {name: getattr(doc, name) for name in fields} == fields


@pytest.mark.parametrize(
    ("name", "region", "named"),
    [("省人民政府", "湖北省", "湖北省人民政府"), ("自治区人民政府", "广西壮族自治区", "广西壮族自治区人民政府"),
     ("市生态环境局", "苏州市", "苏州市生态环境局"), ("市场监督管理局", "苏州市", "市场监督管理局"),
     ("省发展改革委", "苏州市", "省发展改革委"), ("区人民政府", "宁夏回族自治区", "区人民政府"),
     ("区人民政府", "北京市朝阳区", "北京市朝阳区人民政府"), ("苏州市人民政府", "苏州市", "苏州市人民政府")],
)
def test_with_region(name: str, region: str, named: str) -> None:
    from jianwu.metadata import _with_region

    assert _with_region(name, region) == named


@pytest.mark.parametrize(
    ("cover", "title"),
    [
        ("湖南省生态环境厅关于做好2023年度碳排放权交易配额分配工作的通知\n湘环函〔2023〕15号\n各市州生态环境局：\n现将有关事项通知如下：\n",
         "湖南省生态环境厅关于做好2023年度碳排放权交易配额分配工作的通知"),
        ("湖南省生态环境厅\n关于做好2023年度碳排放权交易\n配额分配工作的通知\n各市州生态环境局：\n现将有关事项通知如下：\n",
         "湖南省生态环境厅关于做好2023年度碳排放权交易配额分配工作的通知"),
        # A notice issuing a plan names it, even when the plan's own title is not printed.
        ("湖南省生态环境厅关于印发湖南省碳达峰实施方案的通知\n各市州生态环境局：\n现将方案印发给你们。\n", "湖南省碳达峰实施方案"),
        # a reply (批复) approving a plan: its own title, not the plan's
        ("湖南省生态环境厅关于长沙市碳达峰实施方案的批复\n湘环函〔2023〕16号\n长沙市生态环境局：\n你局《关于报请审批的请示》收悉。现批复如下：\n",
         "湖南省生态环境厅关于长沙市碳达峰实施方案的批复"),
    ],
)
def test_a_notice_that_is_the_document_is_its_title(cover: str, title: str) -> None:
    body = ("一、明确分配范围\n" + "纳入配额管理的重点排放单位名单见附件，各地要认真核实企业信息。" * 3 + "\n二、加强组织实施\n"
            + "各地要加强指导，按时完成配额核定和发放工作。" * 3 + "\n\n湖南省生态环境厅\n2023年4月6日\n")
    doc = parse_document(cover + body, doc_id="t")
    assert (doc.title, doc.issuers, doc.date, doc.region) == (title, ["湖南省生态环境厅"], "2023-04-06", "湖南省")


@pytest.mark.parametrize(
    ("signature", "issuers"),
    [
        # a name wrapped at the end of a narrow signature line (two names side by side)
        ("宁夏回族自治区发展和改革委员会　　宁夏\n回族自治区生态环境厅", ["宁夏回族自治区发展和改革委员会", "宁夏回族自治区生态环境厅"]),
        ("重庆市经济和信息化委员会 重庆市住房和城\n乡建设委员会\n重庆市能源局", ["重庆市经济和信息化委员会", "重庆市住房和城乡建设委员会", "重庆市能源局"]),
        # names of one region run together, their gap lost
        ("江苏省发展和改革委员会江苏省生态环境厅", ["江苏省发展和改革委员会", "江苏省生态环境厅"]),
        ("中共江苏省委江苏省人民政府", ["中共江苏省委", "江苏省人民政府"]),
        # one name: its second part does not name the region again
        ("重庆市生态环境局两江新区分局", ["重庆市生态环境局两江新区分局"]),
        ("江苏省苏州市人民政府", ["江苏省苏州市人民政府"]),
        ("江苏省生态环境厅\n江苏省发展和改革委员会", ["江苏省生态环境厅", "江苏省发展和改革委员会"]),
    ],
)
def test_a_signature_s_names_wrapped_or_run_together(signature: str, issuers: list[str]) -> None:
    text = f"关于印发某某实施方案的通知\n各有关单位：\n现将《某某实施方案》印发给你们。\n{signature}\n2023年3月15日\n某某实施方案\n一、总体要求\n二、重点任务\n"
    assert parse_document(text, doc_id="t").issuers == issuers


@pytest.mark.parametrize(
    ("head", "issuers"),
    [
        # national organs run together (a title wrapped between two, its space lost)
        ("工业和信息化部 国家发展改革委 财政部生态环境部 国务院国资委关于印发工业能效提升行动计划的通知",
         ["工业和信息化部", "国家发展改革委", "财政部", "生态环境部", "国务院国资委"]),
        ("生态环境部国家发展改革委工业和信息化部关于印发减污降碳协同增效实施方案的通知", ["生态环境部", "国家发展改革委", "工业和信息化部"]),
        ("中国人民银行国家金融监督管理总局关于印发方案的通知", ["中国人民银行", "国家金融监督管理总局"]),
        # one organ
        ("生态环境部办公厅关于印发方案的通知", ["生态环境部办公厅"]),
        ("国家能源局南方监管局关于印发方案的通知", ["国家能源局南方监管局"]),
        # a notice title wrapped after a line of names only: the names of both lines
        ("工业和信息化部 国家发展改革委 财政部\n生态环境部 国务院国资委关于印发工业能效提升行动计划的通知",
         ["工业和信息化部", "国家发展改革委", "财政部", "生态环境部", "国务院国资委"]),
        ("江苏省发展和改革委员会\n江苏省生态环境厅关于印发方案的通知", ["江苏省发展和改革委员会", "江苏省生态环境厅"]),
        ("宜宾市人民政府\n关于印发方案的通知", ["宜宾市人民政府"]),
    ],
)
def test_a_notice_title_s_issuers_run_together_or_wrapped(head: str, issuers: list[str]) -> None:
    text = f"{head}\n各省、自治区、直辖市：\n现将《方案》印发给你们。\n减污降碳协同增效实施方案\n一、总体要求\n二、重点任务\n"
    assert parse_document(text, doc_id="t").issuers == issuers


@pytest.mark.parametrize(
    ("heading", "issuers"),
    [
        # a joint issue of the two offices, the government's written without its region (written once)
        ("自治区党委办公厅 人民政府办公厅印发《关于推动城乡建设绿色发展的实施意见》的通知", ["自治区党委办公厅", "自治区人民政府办公厅"]),
        # … their names run together (the heading's space lost)
        ("自治区党委办公厅人民政府办公厅印发《关于推动城乡建设绿色发展的实施意见》的通知", ["自治区党委办公厅", "自治区人民政府办公厅"]),
        # each named in full: as they are
        ("中共宁夏回族自治区委员会办公厅 宁夏回族自治区人民政府办公厅印发《关于推动城乡建设绿色发展的实施意见》的通知",
         ["中共宁夏回族自治区委员会办公厅", "宁夏回族自治区人民政府办公厅"]),
    ],
)
def test_a_committees_and_a_governments_offices_issue_jointly(heading: str, issuers: list[str]) -> None:
    doc = parse_document(f"{heading}\n各市、县（区）党委和人民政府：\n现印发给你们，请结合实际认真贯彻落实。\n"
                         "为认真落实意见精神，提出如下实施意见。\n一、总体要求\n（一）主要目标。到2025年，体制机制基本建立。", doc_id="t")
    assert doc.issuers == issuers
