"""Metadata of covers and closing blocks in the styles of national, provincial, municipal and joint plans.

Each case is a cover (and closing block) written the way such documents are published; the
body is one clause.  Expected: title, 文号, issuers, date, regions, level, metadata warnings.
"""

from __future__ import annotations

import pytest

from jianwu import parse_document

# One paragraph per line, as a text or Word export has it (long lines: not a hard-wrapped PDF dump).
BODY = (
    "一、总体要求\n（一）指导思想。" + "坚持系统观念，统筹推进经济社会发展全面绿色转型，加快构建清洁低碳安全高效的能源体系。" * 4 + "\n"
    "（二）主要目标。" + "到2025年，产业结构、能源结构、运输结构明显优化，绿色产业比重显著提升。" * 4 + "\n"
)

CASES = {
    "national, 文号 in brackets under the title": (
        "国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见\n（国发〔2021〕4 号）\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为贯彻落实党的十九大部署，现提出如下意见。\n",
        "国务院\n2021年2月2日\n（此件公开发布）\n",
        ("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", "国发〔2021〕4号", ["国务院"], "2021-02-02", [], "national", []),
    ),
    "national, OCR-damaged 文号": (
        "国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见\n国发 (2021) 4 号\n各省、自治区、直辖市人民政府：\n现提出如下意见。\n",
        "国务院\n2021年2月2日\n",
        ("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", "国发〔2021〕4号", ["国务院"], "2021-02-02", [], "national", ["repaired_doc_number"]),
    ),
    "national, 中共中央 国务院 over two lines, date in brackets": (
        "中共中央 国务院\n关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见\n（2021年9月22日）\n为完整、准确、全面贯彻新发展理念，现提出如下意见。\n",
        "",
        ("中共中央国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", None, ["中共中央", "国务院"], "2021-09-22", [], "national", ["no_doc_number"]),
    ),
    "national, 国务院办公厅": (
        "国务院办公厅关于科学绿化的指导意见\n国办发〔2021〕19号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院同意，现提出如下意见。\n",
        "国务院办公厅\n2021年5月18日\n（此件公开发布）\n",
        ("国务院办公厅关于科学绿化的指导意见", "国办发〔2021〕19号", ["国务院办公厅"], "2021-05-18", [], "national", []),
    ),
    "national, ministries' notice around the plan": (
        "生态环境部 国家发展改革委 工业和信息化部\n关于印发《减污降碳协同增效实施方案》的通知\n环综合〔2022〕42号\n"
        "各省、自治区、直辖市人民政府：\n现将《减污降碳协同增效实施方案》印发给你们，请认真贯彻落实。\n"
        "生态环境部 国家发展改革委\n工业和信息化部\n2022年6月10日\n（此件社会公开）\n减污降碳协同增效实施方案\n为深入贯彻落实党中央、国务院决策部署，制定本方案。\n",
        "",
        ("减污降碳协同增效实施方案", "环综合〔2022〕42号", ["生态环境部", "国家发展改革委", "工业和信息化部"], "2022-06-10", [], "national", []),
    ),
    "provincial, joint 省委 and 省政府": (
        "中共河北省委 河北省人民政府\n关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见\n（2022年1月5日）\n"
        "为深入贯彻落实《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》，提出如下实施意见。\n",
        "",
        ("中共河北省委河北省人民政府关于完整准确全面贯彻新发展理念认真做好碳达峰碳中和工作的实施意见", None,
         ["中共河北省委", "河北省人民政府"], "2022-01-05", ["河北省"], "province", ["no_doc_number"]),
    ),
    "provincial, 自治区 title, region from the signature": (
        "自治区人民政府关于加快建立健全绿色低碳循环发展\n经济体系的实施意见\n宁政发〔2021〕39号\n各市、县（区）人民政府：\n结合我区实际，提出如下实施意见。\n",
        "宁夏回族自治区人民政府\n2021年12月31日\n（此件公开发布）\n",
        ("自治区人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见", "宁政发〔2021〕39号", ["宁夏回族自治区人民政府"], "2021-12-31",
         ["宁夏回族自治区"], "province", []),
    ),
    "provincial, 委办 heading of a web copy (its second issuer named with the first one's region)": (
        "甘肃省委办公厅、省政府办公厅印发《关于推动城乡建设绿色发展的实施意见》\n为深入贯彻落实中央精神，结合我省实际，提出如下实施意见。\n",
        "",
        ("关于推动城乡建设绿色发展的实施意见", None, ["甘肃省委办公厅", "甘肃省政府办公厅"], None, ["甘肃省"], "province", ["no_doc_number", "no_date"]),
    ),
    "city, issuer line above a 关于 title over two lines": (
        "邯郸市人民政府\n关于加快建立健全绿色低碳循环发展\n经济体系的实施意见\n邯政字〔2021〕30号\n各县（市、区）人民政府：\n结合实际，提出如下实施意见。\n",
        "邯郸市人民政府\n2021年10月20日\n",
        ("邯郸市人民政府关于加快建立健全绿色低碳循环发展经济体系的实施意见", "邯政字〔2021〕30号", ["邯郸市人民政府"], "2021-10-20", ["邯郸市"], "city", []),
    ),
    "city, signature date glued to the plan's title": (
        "石家庄市人民政府\n关于印发石家庄市碳达峰实施方案的通知\n石政发〔2022〕5号\n各县（市、区）人民政府：\n"
        "现将《石家庄市碳达峰实施方案》印发给你们，请认真贯彻执行。\n石家庄市人民政府\n2022年3月1日石家庄市碳达峰实施方案\n为推动碳达峰，制定本方案。\n",
        "",
        ("石家庄市碳达峰实施方案", "石政发〔2022〕5号", ["石家庄市人民政府"], "2022-03-01", ["石家庄市"], "city", []),
    ),
    "municipality, joint plan of two governments": (
        "重庆市发展和改革委员会 四川省发展和改革委员会\n关于印发《成渝地区双城经济圈碳达峰碳中和联合行动方案》的通知\n渝发改环资〔2022〕1010号\n"
        "各区县发展改革委，各市（州）发展改革委：\n现将《成渝地区双城经济圈碳达峰碳中和联合行动方案》印发给你们。\n"
        "重庆市发展和改革委员会 四川省发展和改革委员会\n2022年8月1日\n成渝地区双城经济圈碳达峰碳中和联合行动方案\n为推动成渝地区双城经济圈建设，制定本方案。\n",
        "",
        ("成渝地区双城经济圈碳达峰碳中和联合行动方案", "渝发改环资〔2022〕1010号", ["重庆市发展和改革委员会", "四川省发展和改革委员会"], "2022-08-01",
         ["重庆市", "四川省"], "municipality", []),
    ),
    "district of a municipality": (
        "重庆市永川区人民政府\n关于印发重庆市永川区“十四五”节能减排\n工作实施方案的通知\n永川府发〔2023〕5号\n各镇人民政府、街道办事处：\n"
        "现将《重庆市永川区“十四五”节能减排工作实施方案》印发给你们。\n重庆市永川区人民政府\n2023年3月1日\n（此件删减后公开）\n"
        "重庆市永川区“十四五”节能减排\n工作实施方案\n为加快推进全区绿色转型，制定本方案。\n",
        "",
        ("重庆市永川区“十四五”节能减排工作实施方案", "永川府发〔2023〕5号", ["重庆市永川区人民政府"], "2023-03-01", ["重庆市永川区"], "district", []),
    ),
    "national joint, issuers joined by 、 in the notice title": (
        # (the title's 、 are no prose: neither the 文号 nor the addressees continue it)
        "国家发展改革委、工业和信息化部、生态环境部、国家能源局关于印发《高耗能行业重点领域节能降碳改造升级实施指南（2022年版）》的通知\n"
        "发改产业〔2022〕200号\n各省、自治区、直辖市及计划单列市发展改革委、工业和信息化主管部门：\n现将《高耗能行业重点领域节能降碳改造升级实施指南（2022年版）》印发给你们。\n"
        "国家发展改革委\n工业和信息化部\n生态环境部\n国家能源局\n2022年2月3日\n高耗能行业重点领域节能降碳改造升级实施指南（2022年版）\n",
        "",
        ("高耗能行业重点领域节能降碳改造升级实施指南（2022年版）", "发改产业〔2022〕200号", ["国家发展改革委", "工业和信息化部", "生态环境部", "国家能源局"],
         "2022-02-03", [], "national", []),
    ),
    "national joint, no 文号, addressees under the notice title": (
        "国家发展改革委、国家能源局关于印发《某领域碳达峰实施方案》的通知\n各省、自治区、直辖市发展改革委、能源局：\n现将《某领域碳达峰实施方案》印发给你们。\n"
        "国家发展改革委\n国家能源局\n2022年2月3日\n某领域碳达峰实施方案\n",
        "",
        ("某领域碳达峰实施方案", None, ["国家发展改革委", "国家能源局"], "2022-02-03", [], "national", ["no_doc_number"]),
    ),
    "county-level city under a 地区, named in the notice title only": (
        "阿克苏地区库车市人民政府关于印发库车市碳达峰实施方案的通知\n库政发〔2023〕11号\n各乡镇人民政府、街道办事处，市直各部门：\n"
        "现将《库车市碳达峰实施方案》印发给你们。\n2023年5月10日\n库车市碳达峰实施方案\n",
        "",
        ("库车市碳达峰实施方案", "库政发〔2023〕11号", ["阿克苏地区库车市人民政府"], "2023-05-10", ["库车市"], "county", []),
    ),
    "provincial 条例, the session that passed it noted under the title": (
        "江苏省节约能源条例\n（2022年9月29日江苏省第十三届人民代表大会常务委员会第三十二次会议通过）\n",
        "",
        ("江苏省节约能源条例", None, [], "2022-09-29", ["江苏省"], "province", ["no_doc_number"]),
    ),
    "municipal bureau, signed under the title with a month only": (
        "附件\n温州市“十四五”节能减排综合工作方案\n温州市发展和改革委员会\n2022年8月\n",
        "",
        ("温州市“十四五”节能减排综合工作方案", None, ["温州市发展和改革委员会"], None, ["温州市"], "city", ["no_doc_number", "no_date"]),
    ),
    "county, nothing but a title and a preamble": (
        "安岳县减污降碳协同增效实施方案\n为推动减污降碳，根据有关文件精神，制定本方案。\n",
        "",
        ("安岳县减污降碳协同增效实施方案", None, [], None, ["安岳县"], "county", ["no_doc_number", "no_date"]),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_cover_metadata(case: str) -> None:
    cover, closing, expected = CASES[case]
    doc = parse_document(cover + BODY + closing, doc_id="t")
    warnings = [w.code for w in doc.warnings if w.code.startswith(("no_", "repaired_"))]
    assert (doc.title, doc.doc_number, doc.issuers, doc.date, doc.regions, doc.level, warnings) == expected
    assert doc.region == (expected[4][0] if expected[4] else None)


# A title set in large type breaks wherever its line is full: after any word, inside one, after
# its genre word (…规划 / 重点任务分工方案), before its period (（2023—2025年）).
BROKEN_TITLES = ("江苏省生态环境保护规划重点任务分工方案", "湖南省减污降碳协同增效行动计划（2023—2025年）", "浙江省推动城乡建设绿色发展的实施意见")
PREAMBLE_AND_BODY = "\n为深入贯彻落实党中央、国务院决策部署，制定本方案。\n" + BODY


@pytest.mark.parametrize(("title", "at"), [(t, k) for t in BROKEN_TITLES for k in range(3, len(t) - 1)])
def test_a_plan_title_broken_anywhere(title: str, at: int) -> None:
    assert parse_document(title[:at] + "\n" + title[at:] + PREAMBLE_AND_BODY, doc_id="t").title == title


@pytest.mark.parametrize(("title", "at"), [(t, k) for t in BROKEN_TITLES for k in range(3, len(t) + 12, 2)])
def test_a_notice_title_broken_anywhere(title: str, at: int) -> None:
    """…关于印 / 发…: the notice names the plan, its issuer and, below its signature, the date."""
    region = title[:3]
    notice = f"{region}人民政府关于印发{title}的通知"
    cover = (notice[:at] + "\n" + notice[at:] + "\n苏政发〔2023〕5号\n各市人民政府：\n　　现将方案印发给你们，请认真贯彻执行。\n\n"
             f"{region}人民政府\n2023年3月5日\n\n")
    doc = parse_document(cover + BODY, doc_id="t")
    assert (doc.title, doc.issuers, doc.date) == (title, [region + "人民政府"], "2023-03-05")
