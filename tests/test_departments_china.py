"""Departments across China (issue 12): ministries, provinces, cities, districts and joint plans.

Every note here is written for the test (names and regions changed from the documents that
showed the pattern), so a rule cannot pass by knowing one plan.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jianwu import Document, parse_document
from jianwu.aliases import LEVELS, NOT_A_LEVEL, default_table, provinces, resolve
from jianwu.compare import pair_departments
from jianwu.model import DepartmentRef

R, L, S = "responsible", "lead", "support"


def plan(body: str) -> Document:
    return parse_document("测试实施方案\n一、重点任务\n" + body, doc_id="t")


def refs_of(sentence: str) -> list[DepartmentRef]:
    return plan("（一）" + sentence).clauses[-1].departments


# ---------------------------------------------------------------- reading rules

# sentence -> [(name, role, level, region)]
READING = [
    ("joint plan: the first of each partner's list leads",
     "共建综合交通网络。（责任单位：上海市交通委、市发展改革委；浙江省交通运输厅、发展改革委；两省市列首位的为牵头单位，下同）",
     [("上海市交通委", L, "市", "上海市"), ("市发展改革委", S, "市", "上海市"),
      ("浙江省交通运输厅", L, "省", "浙江省"), ("发展改革委", S, "省", "浙江省")]),
    ("joint plan: one body of each partner is not a duplicate",
     "共治跨界河流。（责任单位：陕西省生态环境厅、省水利厅；甘肃省生态环境厅、水利厅；双方列首位的为牵头单位）",
     [("陕西省生态环境厅", L, "省", "陕西省"), ("省水利厅", S, "省", "陕西省"),
      ("甘肃省生态环境厅", L, "省", "甘肃省"), ("水利厅", S, "省", "甘肃省")]),
    ("a place and level shared across a list",
     "推进电能替代。（湖南省能源局、经济和信息化厅按职责分工负责）",
     [("湖南省能源局", R, "省", "湖南省"), ("经济和信息化厅", R, "省", "湖南省")]),
    ("a level shared across a list of abbreviations",
     "推进园区循环化改造。（省工信厅、发改委、生态环境厅按职责分工负责）",
     [("省工信厅", R, "省", None), ("发改委", R, "省", None), ("生态环境厅", R, "省", None)]),
    ("自治区 is provincial, and shared",
     "推进绿色制造。（自治区工业和信息化厅、发展改革委、市场监管厅按职责分工负责）",
     [("自治区工业和信息化厅", R, "省", None), ("发展改革委", R, "省", None), ("市场监管厅", R, "省", None)]),
    ("ministries keep their own level after a prefixed name",
     "推进节能改造。（国家发展改革委、工业和信息化部、住房城乡建设部、国管局按职责分工负责）",
     [("国家发展改革委", R, "国家", None), ("工业和信息化部", R, "国家", None), ("住房城乡建设部", R, "国家", None),
      ("国管局", R, "国家", None)]),
    ("compound generic actors joined by 和",
     "落实属地责任。（各设区市人民政府和平潭综合实验区管委会负责）",
     [("各设区市人民政府", R, "市", None), ("平潭综合实验区管委会", R, None, "平潭综合实验区")]),
    ("a city's and the province's vertical regulators are separate",
     "发展绿色金融。（省地方金融监管局、人民银行福州中心支行、福建银保监局、厦门银保监局、福建证监局、厦门证监局按职责分工负责）",
     [("省地方金融监管局", R, "省", None), ("人民银行福州中心支行", R, None, "福州"), ("福建银保监局", R, None, "福建"),
      ("厦门银保监局", R, None, "厦门"), ("福建证监局", R, None, "福建"), ("厦门证监局", R, None, "厦门")]),
    ("the central bank's branch offices and a regional aviation authority",
     "推进绿色交通。（民航华北地区管理局、人民银行太原中心支行、中国人民银行石家庄中心支行、人民银行营业管理部按职责分工负责）",
     [("民航华北地区管理局", R, None, "华北"), ("人民银行太原中心支行", R, None, "太原"),
      ("中国人民银行石家庄中心支行", R, None, "石家庄"), ("人民银行营业管理部", R, None, None)]),
    ("nested brackets: the body's other plate",
     "加强干部培训。（市委党校（行政学院）、市发展改革委（市能源局）按职责分工负责）",
     [("市委党校（行政学院）", R, "市", None), ("市发展改革委（市能源局）", R, "市", None)]),
    ("nested 〔〕 plate after a shared prefix",
     "推进铁路建设。（自治区交通运输厅〔铁建办〕、发展改革委〔能源局〕按职责分工负责）",
     [("自治区交通运输厅〔铁建办〕", R, "省", None), ("发展改革委〔能源局〕", R, "省", None)]),
    ("places as actors",
     "推进示范建设。（浦东新区、嘉定区、各区按职责分工负责）",
     [("浦东新区", R, "区", "浦东新区"), ("嘉定区", R, "区", "嘉定区"), ("各区", R, "区", None)]),
    ("有关市 and 地方 as actors",
     "推进试点。（省生态环境厅牵头，有关市、地方按职责分工负责）",
     [("省生态环境厅", L, "省", None), ("有关市", R, "市", None), ("地方", R, None, None)]),
    ("local governments carry out, they do not support",
     "完善回收体系。（牵头单位：省商务厅；配合单位：省供销社、省邮政管理局等，各市人民政府负责落实）",
     [("省商务厅", L, "省", None), ("省供销社", S, "省", None), ("省邮政管理局", S, "省", None), ("各市人民政府", R, "市", None)]),
    ("a level list sharing 人民政府 is one actor",
     "推进绿色工厂建设。（责任单位：省经信厅、省发改委，各市、州、县人民政府）",
     [("省经信厅", L, "省", None), ("省发改委", L, "省", None), ("各市、州、县人民政府", R, None, None)]),
    ("a 责任单位 label holds across commas",
     "健全交易制度。（责任单位：人行南昌中心支行，省发改委、省地方金融监管局，江西证监局）",
     [("人行南昌中心支行", L, None, "南昌"), ("省发改委", L, "省", None), ("省地方金融监管局", L, "省", None),
      ("江西证监局", L, None, "江西")]),
    ("按照职责分工负责, a spaced-out PDF line, and 等",
     "推进通道绿化。（省林业局、省交通运输厅、中 国 铁 路 济 南 局 集 团 有 限 公 司 等 按 照 职 责 分 工 负 责）",
     [("省林业局", R, "省", None), ("省交通运输厅", R, "省", None), ("中国铁路济南局集团有限公司", R, None, "济南")]),
    ("party organs of the central and a provincial committee, mass organisations",
     "加强宣传引导。（中央宣传部、自治区党委宣传部、省委组织部、全国妇联、团省委、省总工会按职责分工负责）",
     [("中央宣传部", R, "国家", None), ("自治区党委宣传部", R, "省", None), ("省委组织部", R, "省", None),
      ("全国妇联", R, "国家", None), ("团省委", R, "省", None), ("省总工会", R, "省", None)]),
    ("partner labels name the place of their lists",
     "共建生态屏障。（贵州：生态环境厅、林业局；重庆：市生态环境局、市林业局；列首位的为牵头单位）",
     [("生态环境厅", L, "省", "贵州"), ("林业局", S, "省", "贵州"), ("市生态环境局", L, "市", "重庆"), ("市林业局", S, "市", "重庆")]),
    ("partner labels after a role label",
     "共治跨界河流。（责任单位：湖南方面：省生态环境厅、省水利厅；江西方面：省生态环境厅、省水利厅）",
     [("省生态环境厅", L, "省", "湖南"), ("省水利厅", L, "省", "湖南"), ("省生态环境厅", L, "省", "江西"), ("省水利厅", L, "省", "江西")]),
    ("half-width brackets over two lines, ∶ after the label",
     "推进城乡绿化。( 责任单位∶省林草局、自然资源厅\n等按职责分工负责)",
     [("省林草局", L, "省", None), ("自然资源厅", L, "省", None)]),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in READING], ids=[i for i, _, _ in READING])
def test_reading_rules(sentence: str, expected: list[tuple[str, str, str | None, str | None]]) -> None:
    doc = plan("（一）" + sentence)
    assert [(r.name, r.role, r.level, r.region) for r in doc.clauses[-1].departments] == expected
    assert all(r.known for r in doc.clauses[-1].departments)
    assert [w for w in doc.warnings if w.code in ("duplicate_department", "note_text_not_a_department")] == []


# ---------------------------------------------------------------- 〔〕 nested inside a （） note

# Sichuan and Hubei write the inner brackets of a note as 〔〕: read like （） there.
# sentence -> [(name, canonical, level, role)]
SQUARE_INSIDE = [
    ("a city and prefecture government",
     "（省生态环境厅牵头，各市〔州〕人民政府负责落实）",
     [("省生态环境厅", "生态环境局", "省", L), ("各市〔州〕人民政府", "地方政府", "市", R)]),
    ("two levels, each with its bracket, sharing 人民政府",
     "（省生态环境厅牵头，各市〔州〕、县〔市、区〕人民政府负责落实）",
     [("省生态环境厅", "生态环境局", "省", L), ("各市〔州〕、县〔市、区〕人民政府", "地方政府", None, R)]),
    ("townships and subdistricts",
     "（区农业农村委牵头，各乡镇〔街道〕负责落实）",
     [("区农业农村委", "农业农村委", "区", L), ("各乡镇〔街道〕", "地方政府", None, R)]),
    ("inside a 〔〕 note, after a supporter",
     "〔省农业农村厅牵头，省财政厅配合，各县〔市、区〕人民政府负责落实〕",
     [("省农业农村厅", "农业农村委", "省", L), ("省财政厅", "财政局", "省", S), ("各县〔市、区〕人民政府", "地方政府", "县", R)]),
    ("有关 governments, 按职责分工负责",
     "（省林业局牵头，有关市〔州〕、县〔市、区〕人民政府按职责分工负责）",
     [("省林业局", "林业局", "省", L), ("有关市〔州〕、县〔市、区〕人民政府", "地方政府", None, R)]),
    ("a bare list", "（省发展改革委、各市〔州〕人民政府）",
     [("省发展改革委", "发展改革委", "省", R), ("各市〔州〕人民政府", "地方政府", "市", R)]),
    ("a table alias written with 〔〕", "（省住房城乡建设厅、省级有关部门〔单位〕按职责分工负责）",
     [("省住房城乡建设厅", "住房城乡建委", "省", R), ("省级有关部门〔单位〕", "有关部门", "省", R)]),
    # Unchanged: （） inside, and 〔〕 naming the other plate.
    ("（） inside, as before", "（省生态环境厅牵头，各市（州）、县（市、区）人民政府负责落实）",
     [("省生态环境厅", "生态环境局", "省", L), ("各市（州）、县（市、区）人民政府", "地方政府", None, R)]),
    ("〔〕 for the other plate, as before", "（自治区交通运输厅〔铁建办〕、发展改革委〔能源局〕按职责分工负责）",
     [("自治区交通运输厅〔铁建办〕", "交通局", "省", R), ("发展改革委〔能源局〕", "发展改革委", "省", R)]),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in SQUARE_INSIDE], ids=[i for i, _, _ in SQUARE_INSIDE])
def test_square_brackets_inside_a_note(sentence: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    doc = plan("（一）推进结构调整。加快淘汰落后产能。" + sentence)
    assert [(r.name, r.canonical, r.level, r.role) for r in doc.clauses[-1].departments] == expected
    assert all(r.known for r in doc.clauses[-1].departments)
    assert [w.code for w in doc.warnings if w.code in ("duplicate_department", "note_text_not_a_department")] == []


def test_joint_plan_partners_and_same_below() -> None:
    doc = plan(
        "（一）共建综合交通网络。（责任单位：上海市交通委、市发展改革委；浙江省交通运输厅、发展改革委；两省市列首位的为牵头单位，下同）\n"
        "（二）共建世界级港口群。\n"
        "（三）共治跨界水体。（责任单位：上海市生态环境局、市水务局；浙江省生态环境厅、水利厅）")
    first, second, third = doc.clauses[1:]
    assert [(r.partner, r.inherited, r.declared_line) for r in first.departments] == [(0, False, None)] * 2 + [(1, False, None)] * 2
    assert [(r.name, r.role, r.partner, r.inherited, r.declared_line) for r in second.departments] == [
        ("上海市交通委", L, 0, True, 3), ("市发展改革委", S, 0, True, 3), ("浙江省交通运输厅", L, 1, True, 3), ("发展改革委", S, 1, True, 3)]
    # 列首位的为牵头单位 was declared above, so it ranks this note too.
    assert [(r.name, r.role, r.partner) for r in third.departments] == [
        ("上海市生态环境局", L, 0), ("市水务局", S, 0), ("浙江省生态环境厅", L, 1), ("水利厅", S, 1)]


def test_standing_actors_are_marked_inherited_with_the_declaration_line() -> None:
    doc = plan(
        "（一）推进国土绿化。（省自然资源厅牵头，省林业局、省水利厅等按职责分工负责，市州、县市区人民政府负责落实。以下均需\n"
        "市州、县市区人民政府落实，不再列出）\n"
        "（二）推进森林城市建设。（省林业局、省住房城乡建设厅按职责分工负责）")
    first, second = doc.clauses[1:]
    assert [(r.name, r.role, r.inherited) for r in first.departments] == [
        ("省自然资源厅", L, False), ("省林业局", S, False), ("省水利厅", S, False), ("市州、县市区人民政府", R, False)]
    assert [(r.name, r.role, r.inherited, r.declared_line) for r in second.departments] == [
        ("省林业局", R, False, None), ("省住房城乡建设厅", R, False, None), ("市州、县市区人民政府", R, True, 3)]


def test_standing_actors_in_the_same_sentence() -> None:
    doc = plan(
        "（一）推进工业绿色升级。（自治区工业和信息化厅、发展改革委按职责分工负责，各地级市人民政府、东部管委会具体落实，以下任务不再列出）\n"
        "（二）加快农业绿色发展。（自治区农业农村厅负责）")
    second = doc.clauses[-1].departments
    assert [(r.name, r.inherited, r.declared_line) for r in second] == [
        ("自治区农业农村厅", False, None), ("各地级市人民政府", True, 3), ("东部管委会", True, 3)]
    assert [w.code for w in doc.warnings if w.code == "note_text_not_a_department"] == []


# ---------------------------------------------------------------- one list before one 负责, one role

# sentence -> [(name, canonical, level, role)]
ONE_LIST = [
    ("enterprises beside the governments",
     "（市生态环境局牵头，市发展改革委配合，各区政府、市属国有企业负责落实）",
     [("市生态环境局", "生态环境局", "市", L), ("市发展改革委", "发展改革委", "市", S), ("各区政府", "地方政府", "区", R),
      ("市属国有企业", "国有企业", "市", R)]),
    ("zone committees beside the governments",
     "（省发展改革委牵头，各县市区政府、园区管委会负责落实）",
     [("省发展改革委", "发展改革委", "省", L), ("各县市区政府", "地方政府", None, R), ("园区管委会", "管委会", None, R)]),
    ("a league's 行政公署 is its government",
     "（自治区发展改革委牵头，各盟行政公署、市人民政府负责落实）",
     [("自治区发展改革委", "发展改革委", "省", L), ("各盟行政公署", "地方政府", "市", R), ("市人民政府", "地方政府", "市", R)]),
    ("the new districts' committees in brackets",
     "（市发展改革委牵头，各区政府（新区管委会）负责）",
     [("市发展改革委", "发展改革委", "市", L), ("各区政府（新区管委会）", "地方政府", "区", R)]),
    ("a department listed with the governments",
     "（市发展改革委牵头，市财政局、各区政府按职责分工负责）",
     [("市发展改革委", "发展改革委", "市", L), ("市财政局", "财政局", "市", R), ("各区政府", "地方政府", "区", R)]),
    # Unchanged: no local government in the list, a written 配合, 会同, a label.
    ("supporters after a lead, as before", "（区农业农村委牵头，区发展改革委、区属国有企业按职责分工负责）",
     [("区农业农村委", "农业农村委", "区", L), ("区发展改革委", "发展改革委", "区", S), ("区属国有企业", "国有企业", "区", S)]),
    ("配合 written, as before", "（省发展改革委牵头，各市人民政府、省属国有企业配合）",
     [("省发展改革委", "发展改革委", "省", L), ("各市人民政府", "地方政府", "市", S), ("省属国有企业", "国有企业", "省", S)]),
    ("会同, as before", "（市发展改革委会同各区政府、市属国有企业负责）",
     [("市发展改革委", "发展改革委", "市", L), ("各区政府", "地方政府", "区", S), ("市属国有企业", "国有企业", "市", S)]),
    ("a label carried over, as before", "（责任单位：省经信厅，省发改委、各市人民政府）",
     [("省经信厅", "经济信息委", "省", L), ("省发改委", "发展改革委", "省", L), ("各市人民政府", "地方政府", "市", R)]),
]


# Roles of local governments, zone committees and the Corps' divisions in notes of other provinces.
LOCAL_ROLES = [
    ("the Corps' divisions are local governments",
     "（自治区生态环境厅牵头，自治区发展改革委配合，各地州市人民政府、新疆生产建设兵团各师市按职责分工负责）",
     [("自治区生态环境厅", "生态环境局", "省", L), ("自治区发展改革委", "发展改革委", "省", S),
      ("各地州市人民政府", "地方政府", "市", R), ("新疆生产建设兵团各师市", "地方政府", "市", R)]),
    ("local governments under 责任单位 after a lead carry the task out",
     "（牵头单位：省能源局；责任单位：各市州人民政府）",
     [("省能源局", "能源局", "省", L), ("各市州人民政府", "地方政府", "市", R)]),
    ("departments under 责任单位 after a lead still support",
     "（牵头单位：省能源局；责任单位：省发展改革委、各市州人民政府）",
     [("省能源局", "能源局", "省", L), ("省发展改革委", "发展改革委", "省", S), ("各市州人民政府", "地方政府", "市", R)]),
    ("a zone committee after the governments under a carried label",
     "\n责任单位：市发展改革委、市生态环境局，各县（市、区）人民政府、洛阳高新区管委会",
     [("市发展改革委", "发展改革委", "市", L), ("市生态环境局", "生态环境局", "市", L),
      ("各县（市、区）人民政府", "地方政府", "县", R), ("洛阳高新区管委会", "高新区管委会", None, R)]),
    ("a department before the governments keeps the label's role",
     "\n责任单位：市发展改革委，市生态环境局、各区政府",
     [("市发展改革委", "发展改革委", "市", L), ("市生态环境局", "生态环境局", "市", L), ("各区政府", "地方政府", "区", R)]),
    ("a zone committee after a lead carries the task out",
     "（自治区住房和城乡建设厅牵头，自治区发展改革委、财政厅配合，宁东管委会负责）",
     [("自治区住房和城乡建设厅", "住房城乡建委", "省", L), ("自治区发展改革委", "发展改革委", "省", S),
      ("财政厅", "财政局", "省", S), ("宁东管委会", "管委会", None, R)]),
    ("a development zone's committee with a long name",
     "（市经济和信息化局牵头，北京经济技术开发区管委会配合）",
     [("市经济和信息化局", "经济信息委", "市", L), ("北京经济技术开发区管委会", "管委会", None, S)]),
    ("Henan's 各省辖市 are local governments; 指导 assigns",
     "（各省辖市、县（市）人民政府负责，省住房城乡建设厅指导）",
     [("各省辖市、县（市）人民政府", "地方政府", None, R), ("省住房城乡建设厅", "住房城乡建委", "省", R)]),
    ("units named as carrying out their own duty",
     "（省发展改革委牵头，重点用能单位落实主体责任）",
     [("省发展改革委", "发展改革委", "省", L), ("重点用能单位", "重点用能单位", None, R)]),
    ("Beijing's 规划自然资源委, a maritime administration, a civil aviation regional office",
     "（市规划自然资源委、上海海事局、民航广西区局按职责分工负责）",
     [("市规划自然资源委", "规划自然资源局", "市", R), ("上海海事局", "海事局", None, R), ("民航广西区局", "民航局", None, R)]),
]


def test_first_listed_leads_across_branch_offices_and_zone_committees() -> None:
    # 列第一位的为牵头单位 declared once: two customs offices of two places are one list, not two
    # partners' lists; a zone committee beside the governments is not ranked.
    doc = plan("（一）推动能源绿色低碳转型。（责任单位：省发改委、省工信厅，列第一位的为牵头单位）\n"
               "（二）推进交通运输协同增效。（省交通运输厅、省公安厅、福州海关、厦门海关等按职责分工负责）\n"
               "（三）加强组织实施。（各设区市人民政府、平潭综合实验区管委会负责）\n")
    assert [[(r.name, r.role) for r in c.departments] for c in doc.clauses[-2:]] == [
        [("省交通运输厅", L), ("省公安厅", S), ("福州海关", S), ("厦门海关", S)],
        [("各设区市人民政府", R), ("平潭综合实验区管委会", R)]]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in LOCAL_ROLES], ids=[i for i, _, _ in LOCAL_ROLES])
def test_local_governments_and_zones_carry_tasks_out(sentence: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    refs = refs_of("推进结构调整。加快淘汰落后产能。" + sentence)
    assert [(r.name, r.canonical, r.level, r.role) for r in refs] == expected
    assert all(r.known for r in refs)


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in ONE_LIST], ids=[i for i, _, _ in ONE_LIST])
def test_one_list_before_one_verb_has_one_role(sentence: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    refs = refs_of("推进结构调整。加快淘汰落后产能。" + sentence)
    assert [(r.name, r.canonical, r.level, r.role) for r in refs] == expected
    assert all(r.known for r in refs)


# ---------------------------------------------------------------- note forms: 主要责任单位, 、 between parts, deadlines, levels

# sentence -> [(name, canonical, level, role)]
MIIT = "各省、自治区、直辖市及新疆生产建设兵团工业和信息化主管部门"
MIIT_WIDE = "各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化主管部门"
NOTE_FORMS = [
    ("主要责任单位", "（主要责任单位：市生态环境局、市发展改革委）",
     [("市生态环境局", "生态环境局", "市", L), ("市发展改革委", "发展改革委", "市", L)]),
    ("主要责任单位 then 配合单位", "（主要责任单位：市生态环境局；配合单位：市财政局）",
     [("市生态环境局", "生态环境局", "市", L), ("市财政局", "财政局", "市", S)]),
    ("具体责任单位", "（具体责任单位：区住房城乡建委、区城市管理局）",
     [("区住房城乡建委", "住房城乡建委", "区", L), ("区城市管理局", "城市管理局", "区", L)]),
    ("parts joined by 、", "（市发展改革委牵头、市统计局配合）",
     [("市发展改革委", "发展改革委", "市", L), ("市统计局", "统计局", "市", S)]),
    ("parts joined by 、 after 负责", "（市发展改革委负责、市统计局配合）",
     [("市发展改革委", "发展改革委", "市", L), ("市统计局", "统计局", "市", S)]),
    ("a bare list and its deadline", "（市发展改革委、市生态环境局，2025年底前完成）",
     [("市发展改革委", "发展改革委", "市", R), ("市生态环境局", "生态环境局", "市", R)]),
    ("roles and a deadline by month", "（市发展改革委牵头，市生态环境局配合，2024年12月底前完成）",
     [("市发展改革委", "发展改革委", "市", L), ("市生态环境局", "生态环境局", "市", S)]),
    ("a standing task", "（区农业农村委牵头，区发展改革委按职责分工负责，持续推进）",
     [("区农业农村委", "农业农村委", "区", L), ("区发展改革委", "发展改革委", "区", S)]),
    ("MIIT's provincial authorities", f"（{MIIT}负责）", [(MIIT, "经济信息委", "省", R)]),
    ("… carry out after the ministry's lead", f"（工业和信息化部牵头，{MIIT_WIDE}负责落实）",
     [("工业和信息化部", "经济信息委", "国家", L), (MIIT_WIDE, "经济信息委", None, R)]),
    ("the provinces' departments, a bracket of other forms", "（生态环境部、各省（区、市）生态环境部门按职责分工负责）",
     [("生态环境部", "生态环境局", "国家", R), ("各省（区、市）生态环境部门", "生态环境局", "省", R)]),
    ("省级 departments", "（生态环境部牵头，各省级生态环境部门负责）",
     [("生态环境部", "生态环境局", "国家", L), ("各省级生态环境部门", "生态环境局", "省", R)]),
    # Unchanged: the provinces' governments; a list of levels sharing 人民政府; a function's departments.
    ("the provinces' governments", "（各省、自治区、直辖市人民政府负责）", [("各省、自治区、直辖市人民政府", "地方政府", "省", R)]),
    ("各级 departments supporting", "（生态环境部牵头，各级生态环境部门配合）",
     [("生态环境部", "生态环境局", "国家", L), ("各级生态环境部门", "生态环境局", None, S)]),
    ("a party committee's general office, a province's financial bureau", "（省委办公厅牵头，区委办、省金融局配合）",
     [("省委办公厅", "党委办公室", "省", L), ("区委办", "党委办公室", "区", S), ("省金融局", "金融监管局", "省", S)]),
    ("a city before a department is no list of levels", "（市发展改革委牵头，各区、市生态环境局配合）",
     [("市发展改革委", "发展改革委", "市", L), ("各区", "地方政府", "区", S), ("市生态环境局", "生态环境局", "市", S)]),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in NOTE_FORMS], ids=[i for i, _, _ in NOTE_FORMS])
def test_note_forms(sentence: str, expected: list[tuple[str, str, str | None, str]]) -> None:
    doc = plan("（一）推进结构调整。加快淘汰落后产能。" + sentence)
    assert [(r.name, r.canonical, r.level, r.role) for r in doc.clauses[-1].departments] == expected
    assert all(r.known for r in doc.clauses[-1].departments)
    assert [w.code for w in doc.warnings if w.code in ("duplicate_department", "note_text_not_a_department")] == []


@pytest.mark.parametrize("sentence", [
    "到2025年，单位地区生产总值能耗下降（2025年底前完成）。",  # a deadline alone is no note
    "推进重点行业改造（2023—2025年）。",
])
def test_a_deadline_alone_is_no_note(sentence: str) -> None:
    assert refs_of(sentence) == []


# ---------------------------------------------------------------- bodies of one function are not duplicates

# sentence -> ([(name, canonical)], number of duplicate_department warnings)
BODIES = [
    ("the two grid companies", "（国家能源局、国家电网有限公司、中国南方电网有限责任公司按职责分工负责）",
     ([("国家能源局", "能源局"), ("国家电网有限公司", "电网公司"), ("中国南方电网有限责任公司", "电网公司")], 0)),
    ("the three oil companies", "（国家能源局、中国石油、中国石化、中国海油按职责分工负责）",
     ([("国家能源局", "能源局"), ("中国石油", "石油石化企业"), ("中国石化", "石油石化企业"), ("中国海油", "石油石化企业")], 0)),
    ("a bureau and its traffic police", "（市公安局、市公安局交管局按职责分工负责）",
     ([("市公安局", "公安局"), ("市公安局交管局", "公安局")], 0)),
    ("… written in full", "（市公安局、市公安局交通管理局、市交通局按职责分工负责）",
     ([("市公安局", "公安局"), ("市公安局交通管理局", "公安局"), ("市交通局", "交通局")], 0)),
    ("a province's grid company and the state one", "（省能源局、国网四川省电力公司、国家电网有限公司按职责分工负责）",
     ([("省能源局", "能源局"), ("国网四川省电力公司", "电网公司"), ("国家电网有限公司", "电网公司")], 0)),
    ("two courts", "（省高级人民法院、市中级人民法院按职责分工负责）",
     ([("省高级人民法院", "法院"), ("市中级人民法院", "法院")], 0)),
    # Still duplicates: one body under two of its names.
    ("one company, two names", "（国家能源局、国家电网有限公司、国家电网按职责分工负责）",
     ([("国家能源局", "能源局"), ("国家电网有限公司", "电网公司")], 1)),
    ("one company, full and short", "（中国石化、中石化按职责分工负责）", ([("中国石化", "石油石化企业")], 1)),
    ("one traffic police, two names", "（市公安交管局、市公安局交管局按职责分工负责）", ([("市公安交管局", "公安局")], 1)),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in BODIES], ids=[i for i, _, _ in BODIES])
def test_bodies_of_one_function_are_not_duplicates(sentence: str, expected: tuple[list[tuple[str, str]], int]) -> None:
    doc = plan("（一）推进结构调整。加快淘汰落后产能。" + sentence)
    got = [(r.name, r.canonical) for r in doc.clauses[-1].departments]
    assert (got, sum(w.code == "duplicate_department" for w in doc.warnings)) == expected
    assert all(r.known for r in doc.clauses[-1].departments)
    assert [w.code for w in doc.warnings if w.code == "department_repaired"] == []


def test_the_body_column_is_read() -> None:
    from jianwu.aliases import parse_table

    table = parse_table("国家电网\t电网公司\t-\t\t国家电网\n南方电网\t电网公司\t-\n")
    assert [(row.canonical, row.no_level, row.body) for row in table.exact.values()] == [("电网公司", True, "国家电网"), ("电网公司", True, None)]
    assert (resolve("国网四川省电力公司").body, resolve("南方电网").body, resolve("市公安局").body) == ("国家电网", "南方电网", None)


# 以下均需X落实，不再列出 after a comma or ；, without 不再列出, or on a heading: body -> {clause: [(name, role, inherited)]}
STANDING = [
    ("after a comma",
     "（一）推进A。（市生态环境局牵头，市发展改革委配合，以下均需各区政府落实，不再列出）\n（二）推进B。（市财政局负责）",
     {"一、/（一）": [("市生态环境局", L, False), ("市发展改革委", S, False), ("各区政府", R, False)],
      "一、/（二）": [("市财政局", R, False), ("各区政府", R, True)]}),
    ("after ；",
     "（一）推进A。（市生态环境局牵头，市发展改革委配合；以下均需各区政府落实，不再列出）\n（二）推进B。（市财政局负责）",
     {"一、/（一）": [("市生态环境局", L, False), ("市发展改革委", S, False), ("各区政府", R, False)],
      "一、/（二）": [("市财政局", R, False), ("各区政府", R, True)]}),
    ("after 。, as before",
     "（一）推进A。（市生态环境局牵头，市发展改革委配合。以下均需各区政府落实，不再列出）\n（二）推进B。（市财政局负责）",
     {"一、/（一）": [("市生态环境局", L, False), ("市发展改革委", S, False), ("各区政府", R, False)],
      "一、/（二）": [("市财政局", R, False), ("各区政府", R, True)]}),
    ("以下均需 without 不再列出",
     "（一）推进A。（市生态环境局牵头，以下均需各区政府落实）\n（二）推进B。（市财政局负责）",
     {"一、/（一）": [("市生态环境局", L, False), ("各区政府", R, False)],
      "一、/（二）": [("市财政局", R, False), ("各区政府", R, True)]}),
    ("the actors in the last part, no lead-in, as before",
     "（一）推进A。（市发展改革委按职责分工负责，各区县政府具体落实，以下任务不再列出）\n（二）推进B。（市财政局负责）",
     {"一、/（一）": [("市发展改革委", R, False), ("各区县政府", R, False)],
      "一、/（二）": [("市财政局", R, False), ("各区县政府", R, True)]}),
    ("on a chapter heading: its clauses only, not the heading, not the next chapter",
     "（以下各项任务均需各区县政府落实，不再列出）\n（一）推进A。（市生态环境局负责）\n（二）推进B。（市财政局负责）\n"
     "二、保障措施\n（一）加强领导。（市委组织部负责）",
     {"一、": [], "一、/（一）": [("市生态环境局", R, False), ("各区县政府", R, True)],
      "一、/（二）": [("市财政局", R, False), ("各区县政府", R, True)], "二、": [], "二、/（一）": [("市委组织部", R, False)]}),
    ("on a section heading, 〔〕 inside",
     "（一）推进能源结构调整（以下均由各县〔市、区〕人民政府负责落实，不再一一列出）\n1.推进A。（市生态环境局负责）\n"
     "（二）推进交通运输结构调整。\n1.推进B。（市交通局负责）",
     {"一、/（一）": [], "一、/（一）/1.": [("市生态环境局", R, False), ("各县〔市、区〕人民政府", R, True)],
      "一、/（二）": [], "一、/（二）/1.": [("市交通局", R, False)]}),
    ("a bracket that defines is still no note",
     "（以下简称“两高”项目）\n（一）推进A。（市生态环境局负责）",
     {"一、": [], "一、/（一）": [("市生态环境局", R, False)]}),
]


@pytest.mark.parametrize("body,expected", [(b, e) for _, b, e in STANDING], ids=[i for i, _, _ in STANDING])
def test_standing_declarations(body: str, expected: dict[str, list[tuple[str, str, bool]]]) -> None:
    # A body starting with a bracket continues the heading 一、重点任务; else it is below it.
    doc = parse_document("测试实施方案\n一、重点任务" + ("\n" if body.startswith("（一）") else "") + body, doc_id="t")
    got = {c.key: [(r.name, r.role, r.inherited) for r in c.departments] for c in doc.clauses}
    assert {k: got[k] for k in expected} == expected
    assert all(r.known for c in doc.clauses for r in c.departments)
    assert [w.code for w in doc.warnings if w.code == "note_text_not_a_department"] == []


@pytest.mark.parametrize("note", [
    "（责任单位：江苏省发展改革委、省能源局；安徽\n― 3 ―\n省发展改革委、能源局）",
    "（责任单位：江苏省发展改革委、省能源局；安徽\n- 3 -\n省发展改革委、能源局）",
    "（责任单位：江苏省发展改革委、省能源局；安徽\n\n3\n\n省发展改革委、能源局）",
])
def test_a_page_number_inside_a_note_does_not_break_a_name(note: str) -> None:
    doc = plan("（一）共建新能源基地。加快推进。" + note)
    assert [(r.name, r.level, r.region) for r in doc.clauses[-1].departments] == [
        ("江苏省发展改革委", "省", "江苏省"), ("省能源局", "省", "江苏省"), ("安徽省发展改革委", "省", "安徽省"), ("能源局", "省", "安徽省")]


@pytest.mark.parametrize("sentence", [
    "推进超大城市治理（超大城市实施）。",  # a place with a verb that does not assign
    "推进重点区域（成渝地区、长三角地区）协同治理。",  # areas, not actors
])
def test_places_alone_do_not_make_a_note(sentence: str) -> None:
    assert refs_of(sentence) == []


# ---------------------------------------------------------------- the alias table

# name -> (canonical, level): one canonical function for every level of government
FUNCTIONS = [
    ("人力资源社会保障部", "人力社保局", "国家"), ("省人力资源和社会保障厅", "人力社保局", "省"), ("区人社局", "人力社保局", "区"),
    ("市场监管总局", "市场监管局", "国家"), ("省市场监管局", "市场监管局", "省"), ("市市场监管委", "市场监管局", "市"),
    ("自然资源部", "规划自然资源局", "国家"), ("省自然资源厅", "规划自然资源局", "省"), ("市规划和自然资源局", "规划自然资源局", "市"),
    ("区规划资源局", "规划自然资源局", "区"),
    ("工业和信息化部", "经济信息委", "国家"), ("省工信厅", "经济信息委", "省"), ("市经信委", "经济信息委", "市"),
    ("省经济和信息化厅", "经济信息委", "省"),
    ("住房和城乡建设部", "住房城乡建委", "国家"), ("省住建厅", "住房城乡建委", "省"), ("县住建局", "住房城乡建委", "县"),
    ("国家发展改革委", "发展改革委", "国家"), ("省发改委", "发展改革委", "省"), ("县发展和改革局", "发展改革委", "县"),
    ("人民银行", "人民银行", None), ("人民银行西安分行", "人民银行", None), ("人民银行兰州中心支行", "人民银行", None),
    ("中央宣传部", "宣传部", "国家"), ("省委宣传部", "宣传部", "省"), ("市委宣传部", "宣传部", "市"),
    ("中央组织部", "组织部", "国家"), ("市委组织部", "组织部", "市"),
    ("全国妇联", "妇联", "国家"), ("省妇联", "妇联", "省"),
    ("证监会", "证监局", "国家"), ("青岛证监局", "证监局", None),
    ("银保监会", "金融监管总局", "国家"), ("大连银保监局", "金融监管总局", None), ("国家金融监督管理总局宁波监管局", "金融监管总局", None),
    ("地方各级人民政府", "地方政府", None), ("各市人民政府", "地方政府", "市"), ("各区人民政府", "地方政府", "区"),
    ("各镇街", "地方政府", None), ("各县（市、区）人民政府", "地方政府", "县"),  # the bracket: other forms of 县
    ("各省（区、市）人民政府", "地方政府", "省"), ("各省、自治区、直辖市人民政府", "地方政府", "省"), ("各县级市人民政府", "地方政府", "县"),
    ("各市（州）、县（市、区）人民政府", "地方政府", None), ("新疆生产建设兵团", "地方政府", "省"),
    ("海关总署", "海关", "国家"), ("南宁海关", "海关", None),
    ("税务总局", "税务局", "国家"), ("省税务局", "税务局", "省"), ("广西税务局", "税务局", "省"),
    ("国家林草局", "林业局", "国家"), ("省林草局", "林业局", "省"), ("市林业局", "林业局", "市"),
    ("国家能源局", "能源局", "国家"), ("省能源局", "能源局", "省"),
    ("应急管理部", "应急局", "国家"), ("自治区应急厅", "应急局", "省"),
    ("退役军人事务部", "退役军人事务局", "国家"), ("区退役军人事务局", "退役军人事务局", "区"),
    ("卫生健康委", "卫生健康委", None), ("省卫健委", "卫生健康委", "省"), ("国家卫生健康委", "卫生健康委", "国家"),
    ("文化和旅游部", "文化旅游委", "国家"), ("省文旅厅", "文化旅游委", "省"),
    ("国家机关事务管理局", "机关事务局", "国家"), ("国管局", "机关事务局", "国家"), ("自治区机管局", "机关事务局", "省"),
    ("审计署", "审计局", "国家"), ("省审计厅", "审计局", "省"),
    ("国务院国资委", "国资委", "国家"), ("省政府国资委", "国资委", "省"),
    ("国家邮政局", "邮政管理局", "国家"), ("宁夏邮政管理局", "邮政管理局", "省"),
    ("国家粮食和物资储备局", "粮食和物资储备局", "国家"), ("省粮食和物资储备局", "粮食和物资储备局", "省"),
    ("国家标准委", "标准委", "国家"), ("国家知识产权局", "知识产权局", "国家"), ("市知识产权局", "知识产权局", "市"),
    ("医保局", "医保局", None), ("国家医保局", "医保局", "国家"),
    ("共青团中央", "团委", "国家"), ("团市委", "团委", "市"),
    ("全国总工会", "总工会", "国家"), ("市总工会", "总工会", "市"),
    ("中央网信办", "网信办", "国家"), ("省委网信办", "网信办", "省"), ("中央编办", "编办", "国家"), ("市委编办", "编办", "市"),
    ("国家铁路局", "铁路局", "国家"), ("民航局", "民航局", "国家"), ("民航中南地区管理局", "民航局", None),
    ("广电总局", "广播电视局", "国家"), ("体育总局", "体育局", "国家"), ("国家统计局", "统计局", "国家"),
    ("国际发展合作署", "国际发展合作署", "国家"), ("金融监管总局", "金融监管总局", "国家"),
    ("省直有关部门", "有关部门", "省"), ("国务院有关部门", "有关部门", "国家"),
    ("恩施州生态环境局", "生态环境局", "市"), ("内蒙古自治区生态环境厅", "生态环境局", "省"),
]


@pytest.mark.parametrize("name,canonical,level", FUNCTIONS, ids=[f[0] for f in FUNCTIONS])
def test_one_canonical_function_across_levels(name: str, canonical: str, level: str | None) -> None:
    res = resolve(name)
    assert (res.canonical, res.level, res.known) == (canonical, level, True)


# name -> (canonical, level, region): abbreviations and branches
CANONICAL = [
    ("县城管局", "城市管理局", "县", None),  # 县 + 城管局, not 县城 + 管局
    ("县城乡建设局", "住房城乡建委", "县", None),
    ("县城市管理局", "城市管理局", "县", None),
    ("市生态环境局万州分局", "生态环境局", None, "万州"),  # a branch of the city's bureau after the vertical reform
    ("重庆市生态环境局渝北分局", "生态环境局", None, "渝北"),
    ("市规划和自然资源局高新分局", "规划自然资源局", None, "高新"),
    ("市自然资源和规划局滨江分局", "规划自然资源局", None, "滨江"),
    ("市公安局高新分局", "公安局", None, "高新"),
    ("市市场监督管理局经开区分局", "市场监管局", None, "经开区"),
    ("中直管理局", "机关事务局", "国家", None),
    ("应急部", "应急局", "国家", None),
    ("市自规局", "规划自然资源局", "市", None),
    ("市资规局", "规划自然资源局", "市", None),
    ("市道路运输局", "道路运输局", "市", None),
    ("省道路运输管理局", "道路运输局", "省", None),
    # Unchanged
    ("区公安分局", "公安局", "区", None), ("区生态环境分局", "生态环境局", "区", None), ("市城管局", "城市管理局", "市", None),
    ("国管局", "机关事务局", "国家", None), ("应急管理部", "应急局", "国家", None),
]


@pytest.mark.parametrize("name,canonical,level,region", CANONICAL, ids=[c[0] for c in CANONICAL])
def test_canonical_names_of_abbreviations_and_branches(name: str, canonical: str, level: str | None, region: str | None) -> None:
    res = resolve(name)
    assert (res.canonical, res.level, res.place, res.known) == (canonical, level, region, True)


def test_two_administrations_of_central_organs_are_two_bodies() -> None:
    refs = refs_of("推进节约型机关建设。（国管局、中直管理局按职责分工负责）")
    assert [(r.name, r.canonical, r.level) for r in refs] == [("国管局", "机关事务局", "国家"), ("中直管理局", "机关事务局", "国家")]


def test_every_alias_resolves_to_its_own_row() -> None:
    table = default_table()
    wrong = {alias: (row.canonical, resolve(alias).canonical) for alias, row in table.exact.items()
             if resolve(alias).canonical != row.canonical or not resolve(alias).known}
    assert wrong == {}


def test_no_two_canonical_names_collide() -> None:
    """A canonical name is never another function's spelling: each alias that is itself a
    canonical name maps to that canonical (no 林业局 -> X while X's rows say 林业局 -> Y)."""
    table = default_table()
    canonicals = {row.canonical for row in table.exact.values()} | {row.canonical for _, row in table.patterns}
    clashes = {c: table.exact[c].canonical for c in canonicals if c in table.exact and table.exact[c].canonical != c}
    assert clashes == {}
    assert not {c for c in canonicals if c.startswith(LEVELS) and not NOT_A_LEVEL.match(c)}  # level-free


def test_province_table_is_well_formed() -> None:
    names = provinces()
    assert len({full for _, full in names}) == 34
    assert ("广西", "广西壮族自治区") in names and ("内蒙古", "内蒙古自治区") in names


# ---------------------------------------------------------------- cross-level mapping in the diff

def _ref(name: str) -> DepartmentRef:
    res = resolve(name)
    return DepartmentRef(name, res.canonical, res.level, "responsible", res.generic, res.known, region=res.place)


@pytest.mark.parametrize("parent,child", [
    ("人力资源社会保障部", "人社局"), ("人力资源社会保障厅", "区人力社保局"), ("市场监管总局", "市市场监管委"),
    ("自然资源部", "区规划资源局"), ("人民银行", "人民银行成都分行"), ("中央宣传部", "省委宣传部"), ("省委宣传部", "市委宣传部"),
    ("中央组织部", "市委组织部"), ("全国妇联", "省妇联"), ("证监会", "深圳证监局"), ("银保监会", "宁波银保监局"),
    ("地方各级人民政府", "各市人民政府"), ("各市人民政府", "各区人民政府"), ("各区人民政府", "各镇街"),
])
def test_pair_departments_across_levels(parent: str, child: str) -> None:
    pairing = pair_departments([_ref(parent)], [_ref(child)])
    assert [(p.name, c.name) for p, c in pairing.mapped] == [(parent, child)]
    assert pairing.parent_only == pairing.child_only == []


def test_pair_departments_prefers_the_same_region() -> None:
    parent = [_ref("重庆市生态环境局"), _ref("四川省生态环境厅")]
    parent[0].region, parent[1].region = "重庆市", "四川省"
    child = [_ref("四川省生态环境厅")]
    child[0].region = "四川省"
    pairing = pair_departments(parent, child)
    assert [(p.name, c.name) for p, c in pairing.mapped] == [("四川省生态环境厅", "四川省生态环境厅")]
    assert [p.name for p in pairing.parent_only] == ["重庆市生态环境局"]


# ---------------------------------------------------------------- the real corpus texts

CORPUS_TEXT = Path("/work/corpus-text")


@pytest.mark.skipif(not CORPUS_TEXT.is_dir(), reason="the corpus text dumps are not on this machine")
def test_corpus_texts_have_no_unknown_names() -> None:
    unknown = sorted({r.name for p in sorted(CORPUS_TEXT.glob("*.txt"))
                      for c in parse_document(p.read_text(encoding="utf-8"), doc_id=p.stem, require_clauses=False).clauses
                      for r in c.departments if not r.known})
    assert unknown == []


# ---------------------------------------------------------------- lead recall on national and provincial notes

# The styles of national and provincial plans (names changed); expected: the leads, in order.
LEAD_NOTES = [
    ("（国家发展改革委、工业和信息化部按职责分工负责）", []),
    ("（国家发展改革委牵头，工业和信息化部、生态环境部按职责分工负责）", ["国家发展改革委"]),
    ("（工业和信息化部、国家发展改革委、生态环境部等按职责分工负责，列第一位者为牵头单位）", ["工业和信息化部"]),
    ("（自然资源部、国家林草局牵头，财政部、农业农村部参与）", ["自然资源部", "国家林草局"]),
    ("（省发展改革委牵头，省工业和信息化厅、省生态环境厅等按职责分工负责）", ["省发展改革委"]),
    ("（牵头单位：省住房城乡建设厅；配合单位：省发展改革委、省财政厅）", ["省住房城乡建设厅"]),
    ("（牵头单位：省交通运输厅、省公安厅；配合单位：省生态环境厅，各市人民政府）", ["省交通运输厅", "省公安厅"]),
    ("（责任单位：省农业农村厅、省林业局）", ["省农业农村厅", "省林业局"]),
    ("（省科技厅会同省教育厅、省工信厅负责）", ["省科技厅"]),
    ("（由自治区商务厅牵头，自治区市场监管厅配合）", ["自治区商务厅"]),
    ("（省生态环境厅负责，省水利厅、省住房城乡建设厅配合）", ["省生态环境厅"]),
    ("（责任单位：广东省发展改革委、省能源局；广西壮族自治区发展改革委、能源局；两省区列首位的为牵头单位）",
     ["广东省发展改革委", "广西壮族自治区发展改革委"]),
    ("（牵头单位：生态环境部　参与单位：国家发展改革委、工业和信息化部）", ["生态环境部"]),
    ("（国家发展改革委、国家能源局会同有关部门按职责分工负责）", ["国家发展改革委", "国家能源局"]),
    ("（责任主体：各区县政府；配合单位：市生态环境局）", ["各区县政府"]),
]


@pytest.mark.parametrize("note,leads", LEAD_NOTES, ids=[n for n, _ in LEAD_NOTES])
def test_leads_of_national_and_provincial_notes(note: str, leads: list[str]) -> None:
    refs = refs_of("推进重点任务。" + note)
    assert [r.name for r in refs if r.role == "lead"] == leads
    assert all(r.known for r in refs)


# ---------------------------------------------------------------- a function's departments, a 厅 alone

@pytest.mark.parametrize("name,canonical", [
    ("生态环境部门", "生态环境局"), ("各级住房城乡建设部门", "住房城乡建委"), ("有关林草部门", "林业局"), ("发展改革部门", "发展改革委"),
])
def test_a_functions_departments_are_generic(name: str, canonical: str) -> None:
    res = resolve(name)
    assert (res.canonical, res.generic, res.known) == (canonical, True, True)


def test_a_ting_written_alone_is_provincial() -> None:
    refs = refs_of("推进城乡绿化。（自然资源厅、省林草局、市政府办公厅按职责分工负责）")
    assert [(r.name, r.level) for r in refs] == [("自然资源厅", "省"), ("省林草局", "省"), ("市政府办公厅", "市")]


# ---------------------------------------------------------------- jianwu check stays quiet on these notes

JOINT_PLAN = (
    "川渝共建绿色低碳示范区实施方案\n2023年8月18日\n一、重点任务\n"
    "（一）共建综合交通网络。加快推进。（责任单位：重庆市交通局、市发展改革委；四川省交通运输厅、发展改革委；"
    "两省市列首位的为牵头单位，下同）\n"
    "（二）共治跨界河流。加快推进。（责任单位：重庆市生态环境局、市水利局；四川省生态环境厅、水利厅）\n"
    "（三）发展绿色金融。加快推进。（人民银行重庆营业管理部、重庆银保监局、四川银保监局、重庆证监局、四川证监局、"
    "深圳证监局按职责分工负责）\n"
    "（四）推进示范。加快推进。（省工信厅、发改委、生态环境厅，各设区市人民政府和平潭综合实验区管委会按职责分工负责）\n"
)


@pytest.mark.parametrize("rule_id", ["JW031", "JW032"])
def test_check_raises_no_false_department_findings_on_joint_plans(tmp_path: Path, rule_id: str) -> None:
    from jianwu.check import CheckConfig, check_paths

    path = tmp_path / "joint.txt"
    path.write_text(JOINT_PLAN, encoding="utf-8")
    run = check_paths([path], CheckConfig(enable=frozenset({rule_id}), root=tmp_path))
    assert (run.errors, [f.message for f in run.findings]) == ([], [])


def test_check_still_finds_a_real_duplicate_in_a_joint_note(tmp_path: Path) -> None:
    from jianwu.check import CheckConfig, check_paths

    path = tmp_path / "joint.txt"
    path.write_text(JOINT_PLAN.replace("四川省交通运输厅、发展改革委；", "四川省交通运输厅、发展改革委、发展改革委；"), encoding="utf-8")
    run = check_paths([path], CheckConfig(enable=frozenset({"JW032"}), root=tmp_path))
    assert [(f.line, f.rule) for f in run.findings] == [(4, "JW032")]


# ---------------------------------------------------------------- dept10: enterprises, branches, places, old names

# name -> (canonical, level, region, known, generic): a name resolved alone
RESOLVED_DEPT10 = [
    # a branch of a bank or company: the head (its canonical when known, else as written), the place, no level
    ("国家开发银行广东省分行", "国家开发银行", None, "广东省", True, False),
    ("中国农业发展银行湖南省分行", "中国农业发展银行", None, "湖南省", True, False),
    ("中国华能集团广东分公司", "中国华能集团", None, "广东", False, False),
    ("中国石化广州分公司", "石油石化企业", None, "广州", True, False),
    ("广东电网有限责任公司佛山供电局", "电网公司", None, "佛山", True, False),
    ("中国铁路郑州局集团有限公司洛阳车务段", "国铁集团", None, "洛阳", True, False),
    ("中国铁路上海局集团有限公司南京货运中心", "国铁集团", None, "南京", True, False),
    ("中国移动湖南公司", "中国移动", None, "湖南", False, False),  # a province's company, without 分
    ("中国华能集团有限公司", "中国华能集团有限公司", None, None, False, False),  # not 中国华能 | 集团有限 | 公司
    ("国家能源局华北监管局", "能源监管办", None, "华北", True, False),
    # 国家 / 中国 is part of an enterprise's or an institute's name, not a level
    ("国家能源投资集团有限责任公司", "国家能源投资集团有限责任公司", None, None, False, False),
    ("中国科学院青岛生物能源与过程研究所", "中国科学院青岛生物能源与过程研究所", None, None, False, False),
    # a company of a place: its whole name, the place its region, no level (a bare 市 / 县 is still a level)
    ("天津港集团", "天津港集团", None, "天津", False, False),
    ("广东省能源集团", "广东省能源集团", None, "广东省", False, False),
    ("县城投集团", "城投集团", "县", None, False, False),
    # Southern Grid's companies, the State Grid's county company
    ("南方电网广西电网公司", "电网公司", None, "广西", True, False),
    ("深圳供电局有限公司", "电网公司", None, "深圳", True, False),
    ("国网浙江安吉县供电有限公司", "电网公司", None, "浙江安吉县", True, False),
    # a named place's government
    ("西昌市人民政府", "地方政府", "县", "西昌市", True, True),  # a county-level city (data/county_cities.tsv)
    ("昆山市发展改革委", "发展改革委", "县", "昆山市", True, False),
    ("包头市人民政府", "地方政府", "市", "包头市", True, True),
    ("木里藏族自治县人民政府", "地方政府", "县", "木里藏族自治县", True, True),
    ("镇海区政府", "地方政府", "区", "镇海区", True, True),
    ("涪城区人民政府", "地方政府", "区", "涪城区", True, True),  # …城区 is a district, not a 主城区
    ("东城区", "地方政府", "区", "东城区", True, True),
    # the Corps before its departments, its divisions and farms
    ("兵团发展改革委", "发展改革委", "省", "兵团", True, False),
    ("新疆生产建设兵团生态环境局", "生态环境局", "省", "新疆生产建设兵团", True, False),
    ("各师市", "地方政府", "市", None, True, True),
    ("团场", "地方政府", None, None, True, True),
    # Xinjiang's 地区 beside its 州 and 市: prefectures
    ("各地州市人民政府", "地方政府", "市", None, True, True),
    ("各地（州、市）人民政府（行政公署）", "地方政府", "市", None, True, True),
    # a city's bureau in a county (Jiangsu), Shenzhen's municipal bureaus in a district
    ("苏州市昆山生态环境局", "生态环境局", None, "昆山", True, False),
    ("市生态环境局龙岗管理局", "生态环境局", None, "龙岗", True, False),
    ("市交通运输局龙岗管理局", "交通局", None, "龙岗", True, False),
    ("市公安局交通警察局龙岗大队", "公安局", None, "龙岗", True, False),
    # a ministry's department or bureau: the ministry (the unit is its body)
    ("农业农村部科技教育司", "农业农村委", "国家", None, True, False),
    ("国家发展改革委资源节约和环境保护司", "发展改革委", "国家", None, True, False),
    ("国家林草局生态保护修复司", "林业局", "国家", None, True, False),
    ("国家环保总局", "生态环境局", "国家", None, True, False),
    ("国家工商总局", "市场监管局", "国家", None, True, False),
    ("铁道部", "铁路局", "国家", None, True, False),
    ("中国人民银行", "人民银行", "国家", None, True, False),
    ("国家自然科学基金委", "自然科学基金委", "国家", None, True, False),
    ("各功能区", "管委会", None, None, True, True),
    ("阿里地区行署", "地方政府", "市", "阿里地区", True, True),  # a prefecture by its 行署 (成渝地区 is no actor)
    ("锡林郭勒盟行政公署", "地方政府", "市", "锡林郭勒盟", True, True),
    ("各开发〔度假〕区管委会", "管委会", None, None, True, True),
    ("中国铁路青藏集团有限公司", "国铁集团", None, "青藏", True, False),
    ("区建设交通委", "住房城乡建委", "区", None, True, False),
    ("浦东公安分局交警支队", "公安局", None, "浦东", True, False),
    ("涉农区人民政府", "地方政府", "区", None, True, True),
    ("市国税局", "税务局", "市", None, True, False),
    ("市卫计委", "卫生健康委", "市", None, True, False),  # 涉农 qualifies, it is no place
    ("各街镇", "地方政府", None, None, True, True),
    ("市公安局公安交通管理局", "公安局", "市", None, True, False),
    ("区住房建设和水务局", "住房城乡建委", "区", None, True, False),
    ("各开发区（园区）管委会", "管委会", None, None, True, True),
    # names of earlier years, and local names
    ("省发展计划委", "发展改革委", "省", None, True, False),
    ("省经贸委", "经济信息委", "省", None, True, False),
    ("省物价局", "发展改革委", "省", None, True, False),
    ("省食品药品监管局", "市场监管局", "省", None, True, False),
    ("省旅游局", "文化旅游委", "省", None, True, False),
    ("区住房和建设局", "住房城乡建委", "区", None, True, False),
    ("市城乡水务局", "水利局", "市", None, True, False),
    ("自治区畜牧兽医局", "畜牧兽医局", "省", None, True, False),
    ("市委办公室", "党委办公室", "市", None, True, False),
    ("市公安局交警大队", "公安局", "市", None, True, False),
    ("各地方工业和信息化主管部门", "经济信息委", None, None, True, True),
]


@pytest.mark.parametrize("name,canonical,level,region,known,generic", RESOLVED_DEPT10, ids=[r[0] for r in RESOLVED_DEPT10])
def test_enterprises_branches_places_and_old_names(name: str, canonical: str, level: str | None, region: str | None,
                                                   known: bool, generic: bool) -> None:
    res = resolve(name)
    assert (res.canonical, res.level, res.place, res.known, res.generic) == (canonical, level, region, known, generic)


# sentence -> ([(name, role)], warnings of duplicate_department / note_text_not_a_department)
NOTES_DEPT10 = [
    ("old bodies merged since are two departments",
     "（省经信委牵头，省环保厅、省质监局、省工商局、省安监局配合）",
     ([("省经信委", L), ("省环保厅", S), ("省质监局", S), ("省工商局", S), ("省安监局", S)], [])),
    ("a lead marked in a bracket after its name, in a label's list",
     "（责任单位：市生态环境局（牵头）、市发展改革委、市交通运输局）",
     ([("市生态环境局", L), ("市发展改革委", S), ("市交通运输局", S)], [])),
    ("… in a bare list, 〔〕 and not first",
     "（市商务局、市市场监管局〔牵头〕、市公安局）",
     ([("市商务局", S), ("市市场监管局", L), ("市公安局", S)], [])),
    ("… before a comma: the label's later units support",
     "（责任单位：省生态环境厅（牵头），省发展改革委、省财政局）",
     ([("省生态环境厅", L), ("省发展改革委", S), ("省财政局", S)], [])),
    ("分别牵头",
     "（市科技局、市教育局分别牵头负责）",
     ([("市科技局", L), ("市教育局", L)], [])),
    ("two departments of one ministry are two",
     "（农业农村部科技教育司、农业农村部种植业管理司牵头，国家发展改革委资源节约和环境保护司配合）",
     ([("农业农村部科技教育司", L), ("农业农村部种植业管理司", L), ("国家发展改革委资源节约和环境保护司", S)], [])),
    ("the national and the local tax bureaus before 2018 are two",
     "（市国税局、市地税局、市财政局负责）",
     ([("市国税局", R), ("市地税局", R), ("市财政局", R)], [])),
    ("a land bureau and a planning bureau of the 2000s are two",
     "（市国土资源局、市规划局、市建委、市房管局负责）",
     ([("市国土资源局", R), ("市规划局", R), ("市建委", R), ("市房管局", R)], [])),
    ("加强指导 after a government's 负责",
     "（各省、自治区、直辖市人民政府负责，国家发展改革委加强指导）",
     ([("各省、自治区、直辖市人民政府", R), ("国家发展改革委", R)], [])),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in NOTES_DEPT10], ids=[i for i, _, _ in NOTES_DEPT10])
def test_notes_of_old_and_national_plans(sentence: str, expected: tuple[list[tuple[str, str]], list[str]]) -> None:
    doc = plan("（一）推进结构调整。" + sentence)
    got = [(r.name, r.role) for r in doc.clauses[-1].departments]
    assert (got, [w.code for w in doc.warnings if w.code in ("duplicate_department", "note_text_not_a_department")]) == expected


# body -> {clause: [(name, role, inherited)]}
DECLARED_DEPT10 = [
    ("以下各项工作均需 after a comma",
     "（一）推进A。（州农业农村局负责，以下各项工作均需各县（市）人民政府落实，不再列出）\n（二）推进B。（州财政局负责）",
     {"一、/（一）": [("州农业农村局", R, False), ("各县（市）人民政府", R, False)],
      "一、/（二）": [("州财政局", R, False), ("各县（市）人民政府", R, True)]}),
    ("第一个单位为牵头单位 in a 注 line below the tasks",
     "（一）推进A。（责任单位：市工业和信息化局、市发展改革委）\n（二）推进B。（责任单位：市交通运输局、市公安局）\n"
     "注：各项任务的第一个单位为牵头单位，其他单位按职责分工负责。",
     {"一、/（一）": [("市工业和信息化局", L, False), ("市发展改革委", S, False)],
      "一、/（二）": [("市交通运输局", L, False), ("市公安局", S, False)]}),
    ("a 责任单位 line ending in a bracket that declares",
     "（一）推进A。\n责任单位：市工业和信息化局，各区县人民政府（以下均需各区县人民政府落实，不再列出）\n"
     "（二）推进B。\n责任单位：市发展改革委",
     {"一、/（一）": [("市工业和信息化局", L, False), ("各区县人民政府", R, False)],
      "一、/（二）": [("市发展改革委", L, False), ("各区县人民政府", R, True)]}),
]


@pytest.mark.parametrize("body,expected", [(b, e) for _, b, e in DECLARED_DEPT10], ids=[i for i, _, _ in DECLARED_DEPT10])
def test_declarations_dept10(body: str, expected: dict[str, list[tuple[str, str, bool]]]) -> None:
    doc = parse_document("测试实施方案\n一、重点任务\n" + body, doc_id="t")
    got = {c.key: [(r.name, r.role, r.inherited) for r in c.departments] for c in doc.clauses}
    assert {k: got[k] for k in expected} == expected
    assert [w.code for w in doc.warnings if w.code == "note_text_not_a_department"] == []


def test_a_label_after_a_sentence_of_a_box_item() -> None:
    # A 专栏's items: 1.钢铁超低排放改造工程。责任单位：A、B。 — one note per label, 牵头单位：A；配合单位：B one note.
    doc = parse_document("测试规划\n一、优化能源结构\n推进煤炭消费减量替代。\n专栏1 重点工程\n"
                         "1.钢铁超低排放改造工程。责任单位：省生态环境厅、省工业和信息化厅。\n"
                         "2.燃煤锅炉淘汰工程。牵头单位：省市场监管局；配合单位：省生态环境厅。\n", doc_id="t")
    got = [(r.name, r.role, r.note) for c in doc.clauses for r in c.departments]
    assert got == [("省生态环境厅", L, 0), ("省工业和信息化厅", L, 0), ("省市场监管局", L, 1), ("省生态环境厅", S, 1)]
    assert [w.code for w in doc.warnings if w.code == "note_text_not_a_department"] == []


def test_the_energy_administrations_regional_offices_as_a_group() -> None:
    refs = refs_of("推进D。（国家能源局派出机构、各省级能源主管部门负责）")
    assert [(r.name, r.canonical, r.level, r.generic) for r in refs] == [
        ("国家能源局派出机构", "能源监管办", None, True), ("各省级能源主管部门", "能源局", "省", True)]


@pytest.mark.parametrize("body,expected", [
    ("（一）推进A。【责任单位】省生态环境厅、省发展改革委\n",
     [("省生态环境厅", L), ("省发展改革委", L)]),
    ("（一）推进B。【牵头单位】省工业和信息化厅【配合单位】省发展改革委、省科技厅\n",
     [("省工业和信息化厅", L), ("省发展改革委", S), ("省科技厅", S)]),
    ("（一）推进C。\n【责任单位】省住房城乡建设厅，各市州人民政府\n",
     [("省住房城乡建设厅", L), ("各市州人民政府", R)]),
    # the whole note in 【】, a label and its colon inside
    ("（一）推进D。【责任单位：省住房城乡建设厅、省发展改革委】\n",
     [("省住房城乡建设厅", L), ("省发展改革委", L)]),
    ("（一）推进E。【牵头单位：省住房城乡建设厅；配合单位：省发展改革委】\n",
     [("省住房城乡建设厅", L), ("省发展改革委", S)]),
    ("（一）推进F。【牵头单位：省住房城乡建设厅】【配合单位：省发展改革委、省林业局】\n",
     [("省住房城乡建设厅", L), ("省发展改革委", S), ("省林业局", S)]),
    ("（一）推进G。\n【责任单位：省住房城乡建设厅、省发展改革委】\n",
     [("省住房城乡建设厅", L), ("省发展改革委", L)]),
    ("（一）推进H。\n【牵头单位：省住房城乡建设厅】【配合单位：省发展改革委】\n",
     [("省住房城乡建设厅", L), ("省发展改革委", S)]),
], ids=["after a sentence", "two labels", "on a line of its own", "note in brackets", "two labels in one", "two notes",
        "note on its own line", "two notes on their own line"])
def test_labels_in_lenticular_brackets(body: str, expected: list[tuple[str, str]]) -> None:
    doc = parse_document("测试实施方案\n一、重点任务\n" + body, doc_id="t")
    assert [(r.name, r.role) for r in doc.clauses[-1].departments] == expected
    assert [w.code for w in doc.warnings if w.code == "note_text_not_a_department"] == []



@pytest.mark.parametrize("note,expected", [
    ("（省通信管理局、省工业和信息化厅）", [("省通信管理局", R), ("省工业和信息化厅", R)]),
    # places before the government they share
    ("（省通信管理局、省工业和信息化厅，长沙市、株洲市、湘潭市人民政府）",
     [("省通信管理局", R), ("省工业和信息化厅", R), ("长沙市", R), ("株洲市", R), ("湘潭市人民政府", R)]),
    # places alone, or a place no government follows: no note
    ("（长沙市、株洲市）", []),
    ("（省发展改革委、长沙市）", []),
])
def test_a_bare_list_of_departments_at_a_clause_s_end(note: str, expected: list[tuple[str, str]]) -> None:
    doc = parse_document("测试实施方案\n一、重点任务\n1.加强新型基础设施节能降碳。推进数据中心改造。" + note + "\n2.其他。\n", doc_id="t")
    assert [(r.name, r.role) for r in doc.clauses[1].departments] == expected
