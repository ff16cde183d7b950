"""Responsibility extraction (issue 3): notes, roles, aliases, repairs, conventions, the CLI.

Rule tests run real sentences (from the seeds, and from real plans outside the
corpus for formats the seeds lack) through the whole pipeline.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jianwu import Document, parse_document
from jianwu.aliases import LEVELS, NOT_A_LEVEL, compact, default_table, parse_table, repair_name, resolve
from jianwu.cli import app

from conftest import ROOT, SEED_IDS, SEED_PATHS

sys.path.insert(0, str(Path(__file__).parent))
from test_normalize import pdf_wrap  # noqa: E402


def plan(body: str) -> Document:
    """A minimal plan around ``body`` (which may hold several clauses)."""
    return parse_document("测试实施方案\n一、重点任务\n" + body, doc_id="t")


def departments_of(sentence: str) -> list[tuple[str, str]]:
    clause = plan("（一）" + sentence).clauses[-1]
    return [(r.name, r.role) for r in clause.departments]


R, L, S = "responsible", "lead", "support"

# ---------------------------------------------------------------- note formats (real sentences)

RULES = [
    # Seeds.
    ("cq 负责", "推动将碳达峰碳中和及碳减排相关目标任务落实情况等纳入生态环境保护督察。（市生态环境局负责）",
     [("市生态环境局", R)]),
    ("ziyang bold 牵头/配合", "情节严重的依规依纪依法追究。 **（市生态环境局牵头，市发展改革委配合）**",
     [("市生态环境局", L), ("市发展改革委", S)]),
    ("ziyang bold generic", "确保减污降碳协同增效工作取得成效。**（市级相关部门按职责分工负责）**", [("市级相关部门", R)]),
    ("yongchuan 牵头 then 按职责分工负责", "提升农村沼气利用水平。（区农业农村委牵头，区发展改革委按职责分工负责）",
     [("区农业农村委", L), ("区发展改革委", S)]),
    ("yongchuan two leads, 等", "落实城镇污水处理费征收标准动态调整机制。（区发展改革委、区税务局牵头，区经济信息委、区财政局、区生态环境局、区住房城乡建委等按职责分工负责）",
     [("区发展改革委", L), ("区税务局", L), ("区经济信息委", S), ("区财政局", S), ("区生态环境局", S), ("区住房城乡建委", S)]),
    ("gaoxin half-width, closing bracket lost", "依法加快城市建成区重污染企业搬迁改造或关闭退出。(改革发展局、生态环境局、规划和自然资源局按职责分工负责",
     [("改革发展局", R), ("生态环境局", R), ("规划和自然资源局", R)]),
    ("gaoxin note without 。 before it", "重点建设用地安全利用率稳定保持100%（生态环境局、规划和自然资源局按职责分工负责）",
     [("生态环境局", R), ("规划和自然资源局", R)]),
    ("shapingba note on its own line", "推动将碳达峰碳中和及碳减排相关目标任务落实情况等纳入生态环境保护督察。\n（区生态环境局负责）",
     [("区生态环境局", R)]),
    ("shapingba note split by a page break", "倡导城乡居民低碳生活风尚。（区发展\n\n改革委、区教委、重庆市邮政管理局四分局按职责分工负责）",
     [("区发展改革委", R), ("区教委", R), ("重庆市邮政管理局四分局", R)]),
    ("shapingba page break repeated a character", "提升农村用能电气化水平。（区规划和自然资源局、区住房城乡建设\n\n建委、区城市管理局按职责分工负责）",
     [("区规划和自然资源局", R), ("区住房城乡建设委", R), ("区城市管理局", R)]),
    ("shapingba duplicate in one note", "不断提升生态系统碳汇与净化功能。（区发展改革委、区规划和自然资源局、区生态环境局、区规划和自然资源局按职责分工负责）",
     [("区发展改革委", R), ("区规划和自然资源局", R), ("区生态环境局", R)]),
    ("ziyang 等部门", "实现污染物和碳排放均达到行业先进水平。（市生态环境局、市商务局、市经济合作局等部门按职责分工负责）",
     [("市生态环境局", R), ("市商务局", R), ("市经济合作局", R)]),
    ("shapingba generic actors and a party organ", "推动开展务实合作。（区委宣传部、区级有关部门、各镇街、管委会、区属重点国有企业按职责分工负责）",
     [("区委宣传部", R), ("区级有关部门", R), ("各镇街", R), ("管委会", R), ("区属重点国有企业", R)]),
    ("cq vertical bodies", "服务外贸出口行业发展。（市金融监管局、人行重庆营管部、国家金融监督管理总局重庆监管局、重庆证监局、重庆海关按职责分工负责）",
     [("市金融监管局", R), ("人行重庆营管部", R), ("国家金融监督管理总局重庆监管局", R), ("重庆证监局", R), ("重庆海关", R)]),
    # Brackets inside a clause that are not notes.
    ("以下简称", "严格落实生态保护红线、环境质量底线、资源利用上线和生态环境准入清单（以下简称“三线一单”）等生态环境分区管控政策。", []),
    ("含", "对货运车辆（含运渣车）按排放标准、时段、路线精细化管控，加快淘汰老旧车辆。", []),
    ("以下统称", "各区县（自治县）人民政府和两江新区、西部科学城重庆高新区、万盛经开区管委会（以下统称各区县政府），市级有关部门要统一思想认识。", []),
    ("a place in brackets", "以重要水源地（水库）汇水区为重点，实施小流域水土流失综合治理。", []),
    ("a department in brackets mid-sentence", "由（区发展改革委）统筹推进项目建设。", []),
    # Formats of real plans outside the corpus.
    ("sichuan 〔责任单位〕 with a standing actor", "推进商业秘密保护。〔责任单位：省发展改革委、省市场监管局、商务厅、省大数据中心按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕",
     [("省发展改革委", L), ("省市场监管局", L), ("商务厅", L), ("省大数据中心", L), ("相关市（州）人民政府", R)]),
    ("责任单位 / 配合单位", "强化履约监管。（责任单位：市发展改革委、市经济信息委；配合单位：市财政局）",
     [("市发展改革委", L), ("市经济信息委", L), ("市财政局", S)]),
    ("牵头单位 then 责任单位", "强化履约监管。（牵头单位：市发展改革委；责任单位：市经济信息委、市财政局）",
     [("市发展改革委", L), ("市经济信息委", S), ("市财政局", S)]),
    ("会同", "完善绿色金融政策。（市发展改革委会同市财政局、市金融监管局负责）",
     [("市发展改革委", L), ("市财政局", S), ("市金融监管局", S)]),
    ("负责 then 配合", "完善绿色金融政策。（市发展改革委负责，市财政局配合）", [("市发展改革委", L), ("市财政局", S)]),
    ("由…牵头", "完善绿色金融政策。（由市发展改革委牵头，各区县（自治县）人民政府负责落实）",
     [("市发展改革委", L), ("各区县（自治县）人民政府", R)]),  # local governments carry out, not support
    ("bare list at the end of a clause", "推进园区循环化改造。（区发展改革委、区经济信息委）", [("区发展改革委", R), ("区经济信息委", R)]),
    ("bare list joined by 和", "推进园区循环化改造（区发展改革委和区经济信息委）。", [("区发展改革委", R), ("区经济信息委", R)]),
    ("opening bracket lost", "加强管理。市发展改革委、市财政局按职责分工负责）", [("市发展改革委", R), ("市财政局", R)]),
    ("责任单位 line without brackets", "推进园区循环化改造。\n责任单位：市发展改革委、市财政局", [("市发展改革委", L), ("市财政局", L)]),
    ("national ministries", "推进节能改造。（国家发展改革委、工业和信息化部、生态环境部、市场监管总局、国家能源局等按职责分工负责）",
     [("国家发展改革委", R), ("工业和信息化部", R), ("生态环境部", R), ("市场监管总局", R), ("国家能源局", R)]),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in RULES], ids=[i for i, _, _ in RULES])
def test_note_rules(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert departments_of(sentence) == expected


def test_several_notes_in_one_clause_keep_their_index_and_span() -> None:
    doc = plan("（一）推进A。（责任单位：区发展改革委，配合单位：区财政局）推进B。（责任单位：区生态环境局）")
    refs = doc.clauses[-1].departments
    assert [(r.name, r.role, r.note) for r in refs] == [("区发展改革委", L, 0), ("区财政局", S, 0), ("区生态环境局", L, 1)]
    assert [doc.text[r.span[0]:r.span[1]] for r in refs] == ["区发展改革委", "区财政局", "区生态环境局"]


def test_warnings_for_notes() -> None:
    doc = plan("（一）推进A。（区规划和自然资源局、区规划和自然资源局负责）\n（二）推进B。(区财政局负责\n（三）推进C。（区财政局负责，区生态环境局加强宣传）")
    assert [(w.code, w.line) for w in doc.warnings] == [
        ("duplicate_department", 3), ("unclosed_note", 4), ("note_text_not_a_department", 5)]


# ---------------------------------------------------------------- conventions declared once

def test_same_below_applies_to_later_clauses_without_a_note() -> None:
    doc = plan(
        "（一）推进A。（区发展改革委、区经济信息委按职能分工负责，下同）\n（二）推进B。\n（三）推进C。（区财政局负责）\n"
        "（四）推进D。\n二、保障措施\n（一）加强领导。")
    got = {c.key: [(r.name, r.role) for r in c.departments] for c in doc.clauses}
    both = [("区发展改革委", R), ("区经济信息委", R)]
    assert got["一、/（一）"] == both and got["一、/（二）"] == both
    assert got["一、/（三）"] == [("区财政局", R)]
    assert got["一、/（四）"] == both  # 下同 holds until the chapter ends
    assert got["二、"] == [] and got["二、/（一）"] == []


def test_first_listed_leads_once_declared() -> None:
    doc = parse_document(
        "测试实施方案\n各项任务中列首位的为牵头单位。\n一、重点任务\n"
        "（一）推进A。（市发展改革委、市经济信息委、市财政局按职责分工负责）\n"
        "（二）推进B。（市生态环境局牵头，市财政局、市经济信息委按职责分工负责）", doc_id="t")
    got = [[(r.name, r.role) for r in c.departments] for c in doc.clauses[1:]]
    assert got == [[("市发展改革委", L), ("市经济信息委", S), ("市财政局", S)],
                   [("市生态环境局", L), ("市财政局", S), ("市经济信息委", S)]]


def test_first_leads_window_finds_what_a_whole_text_search_finds() -> None:
    """first_leads_start looks only near each 牵: its bounds must hold every way FIRST_LEADS is written."""
    import random

    from jianwu.departments import FIRST_LEADS, first_leads_start

    rng = random.Random(16)
    # Each declaration the pattern knows, at its longest, spaced out as a PDF may space it.
    longest = ["，两省市列在第一位的部门为牵头单位", "；各省区第一个单位为牵头部门", "，双方牵头单位排在第一位", "列首位的为牵头单位"]
    pieces = list("，,；;两双各省市列排位在首第一个前的者部门单为是牵头家区、") + [" ", "\u3000", "\n"]
    texts = [Path(path).read_text("utf-8") for path in SEED_PATHS]
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 20))]
        phrase = rng.choice(longest)
        spaced_out = "".join(ch + " " * rng.choice((0, 0, 1, 3)) for ch in phrase)
        words.insert(rng.randint(0, len(words)), spaced_out if rng.random() < 0.7 else "")
        texts.append("".join(words))
    found = 0
    for text in texts:
        m = FIRST_LEADS.search(text)
        assert first_leads_start(text) == (m.start() if m else None), text
        found += m is not None
    assert found > 2000  # the declarations were found, not only their absence


def test_first_listed_leads_in_each_partner_list_of_a_joint_plan() -> None:
    doc = plan("（一）共建充电设施。（四川省发展改革委、四川省经济和信息化厅、重庆市发展改革委、重庆市经济信息委按职责分工负责，列首位的为牵头单位）")
    assert [(r.name, r.role, r.level, r.canonical) for r in doc.clauses[-1].departments] == [
        ("四川省发展改革委", L, "省", "发展改革委"), ("四川省经济和信息化厅", S, "省", "经济信息委"),
        ("重庆市发展改革委", L, "市", "发展改革委"), ("重庆市经济信息委", S, "市", "经济信息委")]


def test_standing_actor_joins_every_later_note() -> None:
    doc = plan("（一）推进A。〔责任单位：省发展改革委按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。〕\n（二）推进B。〔责任单位：省商务厅〕")
    assert [(r.name, r.role, r.generic, r.canonical) for r in doc.clauses[-1].departments] == [
        ("省商务厅", L, False, "商务委"), ("相关市（州）人民政府", R, True, "地方政府")]


# ---------------------------------------------------------------- alias table

ALIASES = [
    # name, canonical, level, generic
    ("市发展改革委", "发展改革委", "市", False),
    ("区发展改革委", "发展改革委", "区", False),
    ("发展改革委", "发展改革委", None, False),
    ("资阳 市发展和改革委员会", "发展改革委", "市", False),
    ("重庆市发展和改革委员会", "发展改革委", "市", False),
    ("市经济和信息化局", "经济信息委", "市", False),
    ("省经济和信息化厅", "经济信息委", "省", False),
    ("市规划自然资源局", "规划自然资源局", "市", False),
    ("区规划和自然资源局", "规划自然资源局", "区", False),
    ("市自然资源和规划局", "规划自然资源局", "市", False),
    ("区住房城乡建设委", "住房城乡建委", "区", False),
    ("市住房城乡建委", "住房城乡建委", "市", False),
    ("重庆市住房和城乡建设委员会", "住房城乡建委", "市", False),
    ("城建中心", "城市建设事务中心", None, False),
    ("城市建设事务中心", "城市建设事务中心", None, False),
    ("市交通运输局", "交通局", "市", False),
    ("区交通局", "交通局", "区", False),
    ("市场监管局", "市场监管局", None, False),  # 市场, not a level
    ("市市场监管局", "市场监管局", "市", False),
    ("市政府口岸物流办", "口岸物流办", "市", False),
    ("区物流办", "口岸物流办", "区", False),
    ("改革发展局", "改革发展局", None, False),
    ("人行重庆营管部", "人民银行", None, False),
    ("人行永川中心支行", "人民银行", None, False),
    ("重庆证监局", "证监局", None, False),
    ("国家金融监督管理总局重庆监管局", "金融监管总局", None, False),
    ("永川银保监分局", "金融监管总局", None, False),
    ("市邮管七分局", "邮政管理局", None, False),
    ("重庆市邮政管理局四分局", "邮政管理局", None, False),
    ("市邮政管理局", "邮政管理局", "市", False),
    ("区委宣传部", "宣传部", "区", False),
    ("国家发展改革委", "发展改革委", "国家", False),
    ("生态环境部", "生态环境局", "国家", False),
    ("永川高新区管委会", "高新区管委会", None, False),
    ("各有关部门", "有关部门", None, True),
    ("区级有关部门", "有关部门", "区", True),
    ("市级相关部门", "有关部门", "市", True),
    ("各区县政府", "地方政府", None, True),
    ("区属重点国有企业", "重点国有企业", "区", True),
    ("管委会", "管委会", None, True),
]


@pytest.mark.parametrize("name,canonical,level,generic", ALIASES, ids=[a[0] for a in ALIASES])
def test_alias_resolution(name: str, canonical: str, level: str | None, generic: bool) -> None:
    res = resolve(name)
    assert (res.canonical, res.level, res.generic, res.known) == (canonical, level, generic, True)


@pytest.mark.parametrize("name,canonical,level", [
    ("区新能源汽车推进办公室", "新能源汽车推进办公室", "区"),
    ("重庆市某某局", "某某局", "市"),
    ("华能集团", "华能集团", None),
])
def test_unknown_names_are_kept_with_their_level(name: str, canonical: str, level: str | None) -> None:
    res = resolve(name)
    assert (res.canonical, res.level, res.known) == (canonical, level, False)


def test_canonical_names_are_level_free() -> None:
    table = default_table()
    rows = list(table.exact.values()) + [row for _, row in table.patterns]
    bad = {r.canonical for r in rows if r.canonical.startswith(LEVELS) and not NOT_A_LEVEL.match(r.canonical)}
    assert bad == set()


@pytest.mark.parametrize("text,problem", [
    ("市发展改革委\n", "expected alias<TAB>canonical"),
    ("发展改革委\t发展改革委\n发展改革委\t发改\n", "listed twice"),
    ("发展改革委\t发展改革委\t镇\n", "bad level"),
    ("发展改革委\t发展改革委\t\tteam\n", "bad level"),
])
def test_alias_table_rejects_bad_rows(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_table(text)


@pytest.mark.parametrize("raw,joins,expected", [
    ("区住房城乡建设建委", [7], "区住房城乡建设委"),  # 建 repeated after the break
    ("市生态环境境局", [5], "市生态环境局"),
    ("区住房城乡建设建委", [], "区住房城乡建设委"),  # already re-flowed: the break is gone, the repeat is not
    ("区住房城乡建设建委", [3], "区住房城乡建设委"),  # a join elsewhere does not hide the repeat
    ("区住房城乡建设委", [7], None),  # nothing to repair
    ("区生态环环保局", [], None),  # a repeat, but no known department without it
    ("区某某局", [], None),  # unknown, nothing repeated
    ("市公安局交管局", [4], None),  # a body under its department: 局 repeats, no break repeated it
    ("市公安局交管局", [], None),
])
def test_repair_name(raw: str, joins: list[int], expected: str | None) -> None:
    assert repair_name(raw, 0, joins) == expected


# ---------------------------------------------------------------- the seeds

SEED_CLAUSES = {
    ("chongqing-jianwu-2023", "五、/（十九）"): [
        ("市发展改革委", R), ("市财政局", R), ("市生态环境局", R), ("市商务委", R), ("市金融监管局", R), ("人行重庆营管部", R),
        ("国家金融监督管理总局重庆监管局", R), ("重庆证监局", R), ("重庆海关", R)],
    ("chongqing-jianwu-2023", "七、/（二十六）"): [("市级有关部门", R), ("各区县政府", R)],
    ("chongqing-jianwu-2023", "七、/（二十八）"): [("市生态环境局", R)],
    ("chongqing-jianwu-2023", "三、/（八）"): [
        ("市发展改革委", R), ("市经济信息委", R), ("市生态环境局", R), ("市住房城乡建委", R), ("市城市管理局", R), ("市交通局", R),
        ("市政府口岸物流办", R)],
    ("shapingba-jianwu-2023", "4."): [  # note split by a page break: 区发展 | 改革委
        ("区发展改革委", R), ("区教委", R), ("区经济信息委", R), ("区财政局", R), ("区生态环境局", R), ("区住房城乡建设委", R),
        ("区城市管理局", R), ("区交通局", R), ("区商务委", R), ("区市场监管局", R), ("区机关事务局", R), ("重庆市邮政管理局四分局", R)],
    ("shapingba-jianwu-2023", "7."): [  # page break left 区住房城乡建设 | 建委
        ("区规划和自然资源局", R), ("区生态环境局", R), ("区住房城乡建设委", R), ("区城市管理局", R), ("区农业农村委", R), ("区经济信息委", R)],
    ("shapingba-jianwu-2023", "9."): [  # 区规划和自然资源局 twice
        ("区发展改革委", R), ("区规划和自然资源局", R), ("区生态环境局", R), ("区住房城乡建设委", R), ("区城市管理局", R), ("区农业农村委", R)],
    ("shapingba-jianwu-2023", "12."): [
        ("区发展改革委", R), ("区规划和自然资源局", R), ("区生态环境局", R), ("区城市管理局", R), ("区经济信息委", R)],
    ("shapingba-jianwu-2023", "13."): [  # split 区住房城乡建设 | 委
        ("区发展改革委", R), ("区经济信息委", R), ("区生态环境局", R), ("区住房城乡建设委", R), ("区城市管理局", R), ("区商务委", R),
        ("区市场监管局", R)],
    ("shapingba-jianwu-2023", "24."): [("区委宣传部", R), ("区级有关部门", R), ("各镇街", R), ("管委会", R), ("区属重点国有企业", R)],
    ("shapingba-jianwu-2023", "25."): [("区生态环境局", R)],  # note on its own line
    ("gaoxin-jianwu-2023", "二、/（三）"): [("改革发展局", R), ("生态环境局", R), ("规划和自然资源局", R)],  # no closing bracket
    ("gaoxin-jianwu-2023", "二、/（四）"): [("改革发展局", R), ("生态环境局", R), ("规划和自然资源局", R), ("市场监管局", R)],
    ("gaoxin-jianwu-2023", "二、/（五）"): [
        ("改革发展局", R), ("生态环境局", R), ("建设局", R), ("规划和自然资源局", R), ("城市建设事务中心", R)],
    ("gaoxin-jianwu-2023", "四、/（十三）"): [("生态环境局", R), ("规划和自然资源局", R)],  # no 。 before the note
    ("gaoxin-jianwu-2023", "四、/（十四）"): [("改革发展局", R), ("生态环境局", R), ("城建中心", R)],
    ("gaoxin-jianwu-2023", "六、/（二十）"): [],  # no note
    ("ziyang-jianwu-2023", "四、/（十三）"): [  # split 市生态环 | 境局
        ("市生态环境局", R), ("市发展改革委", R), ("市住房城乡建设局", R), ("市水务局", R), ("市经济和信息化局", R)],
    ("ziyang-jianwu-2023", "四、/（十五）"): [  # split 市 | 生态环境局
        ("市生态环境局", R), ("市发展改革委", R), ("市经济和信息化局", R), ("市住房城乡建设局", R), ("市城市管理行政执法局", R),
        ("市农业农村局", R), ("市商务局", R), ("市市场监管局", R), ("市机关事务管理局", R)],
    ("ziyang-jianwu-2023", "七、/（二十三）"): [("市级相关部门", R)],  # bold
    ("ziyang-jianwu-2023", "七、/（二十六）"): [("市生态环境局", L), ("市发展改革委", S)],  # bold, 牵头/配合
    ("ziyang-jianwu-2023", "三、/（九）"): [("市住房城乡建设局", R), ("市自然资源局", R), ("市生态环境局", R), ("市乡村振兴局", R)],
    ("ziyang-jianwu-2023", "六、/（二十二）"): [
        ("市财政局", R), ("市发展改革委", R), ("市生态环境局", R), ("市住房城乡建设局", R), ("市交通运输局", R), ("市地方金融监管局", R),
        ("市经济和信息化局", R), ("人行资阳分行", R), ("中国银行保险监督管理委员会资阳监管分局", R)],
    ("yongchuan-jieneng-2023", "三、/（四）/3."): [
        ("区经济信息委", L), ("区生态环境局", L), ("区发展改革委", S), ("区公安局", S), ("区住房城乡建委", S), ("区交通局", S),
        ("区商务委", S), ("区国有资产管理中心", S), ("区市场监管局", S), ("市邮管七分局", S)],
    ("yongchuan-jieneng-2023", "三、/（五）/1."): [("区农业农村委", L), ("区发展改革委", S)],
    ("yongchuan-jieneng-2023", "三、/（六）/1."): [("区机关事务管理中心", R)],
    ("yongchuan-jieneng-2023", "四、/（四）"): [  # text on the line after the heading
        ("区发展改革委", R), ("区经济信息委", R), ("区生态环境局", R), ("区住房城乡建委", R), ("区市场监管局", R), ("区机关事务管理中心", R)],
    ("yongchuan-jieneng-2023", "五、/（一）"): [("区发展改革委", L), ("区生态环境局", L), ("区级有关部门", S)],
    ("yongchuan-jieneng-2023", "五、/（二）"): [("区发展改革委", L), ("区生态环境局", L), ("区委组织部", S)],
    ("yongchuan-jieneng-2023", "三、/（二）/1."): [
        ("区发展改革委", R), ("区经济信息委", R), ("区生态环境局", R), ("区城市管理局", R), ("永川高新区管委会", R),
        ("港桥产业促进中心", R), ("三教产业促进中心", R)],
}

TOTALS = {
    "chongqing-jianwu-2023": 139,
    "shapingba-jianwu-2023": 120,
    "gaoxin-jianwu-2023": 57,
    "ziyang-jianwu-2023": 134,
    "yongchuan-jieneng-2023": 184,
}

DEPARTMENT_WARNINGS = {
    "chongqing-jianwu-2023": [],
    "shapingba-jianwu-2023": [("department_repaired", 86), ("duplicate_department", 94), ("duplicate_department", 104)],
    "gaoxin-jianwu-2023": [("unclosed_note", 45), ("unclosed_note", 47), ("unclosed_note", 49)],
    "ziyang-jianwu-2023": [],
    "yongchuan-jieneng-2023": [],
}
DEPARTMENT_CODES = {"department_repaired", "duplicate_department", "unclosed_note", "note_text_not_a_department"}


@pytest.mark.parametrize("doc_id,key", list(SEED_CLAUSES), ids=[f"{d}:{k}" for d, k in SEED_CLAUSES])
def test_seed_clause_departments(seeds: dict[str, Document], doc_id: str, key: str) -> None:
    clause = next(c for c in seeds[doc_id].clauses if c.key == key)
    assert [(r.name, r.role) for r in clause.departments] == SEED_CLAUSES[(doc_id, key)]


def test_every_seed_has_three_tricky_clauses() -> None:
    assert all(sum(d == doc_id for d, _ in SEED_CLAUSES) >= 3 for doc_id in SEED_IDS)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_assignment_totals(seeds: dict[str, Document], doc_id: str) -> None:
    assert sum(len(c.departments) for c in seeds[doc_id].clauses) == TOTALS[doc_id]


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_department_warnings(seeds: dict[str, Document], doc_id: str) -> None:
    got = [(w.code, w.line) for w in seeds[doc_id].warnings if w.code in DEPARTMENT_CODES]
    assert got == DEPARTMENT_WARNINGS[doc_id]


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_seed_names_are_all_in_the_alias_table_and_spans_hold_them(seeds: dict[str, Document], doc_id: str) -> None:
    doc = seeds[doc_id]
    refs = [r for c in doc.clauses for r in c.departments]
    assert [r.name for r in refs if not r.known] == []
    written = [(r.name, compact(doc.text[r.span[0]:r.span[1]])) for r in refs]
    assert [w for w in written if w[0] != w[1]] == ([("区住房城乡建设委", "区住房城乡建设建委")] if doc_id.startswith("shapingba") else [])


def test_parent_and_child_share_canonical_names(seeds: dict[str, Document]) -> None:
    def canon(doc: Document) -> set[str]:
        return {r.canonical for c in doc.clauses for r in c.departments if not r.generic}

    parent, child = canon(seeds["chongqing-jianwu-2023"]), canon(seeds["shapingba-jianwu-2023"])
    assert child - parent == {"宣传部"}  # every other district department has its municipal counterpart


@pytest.mark.parametrize("doc_id", SEED_IDS)
@pytest.mark.parametrize("width", [29, 37])
def test_extraction_survives_a_pdf_rewrap(seeds: dict[str, Document], doc_id: str, width: int) -> None:
    doc = seeds[doc_id]
    rewrapped = parse_document(pdf_wrap(doc.text, width), doc_id=doc_id)

    def written(d: Document) -> list[tuple[str, list[tuple[str, str]]]]:
        return [(c.key, [(compact(d.text[r.span[0]:r.span[1]]), r.role) for r in c.departments]) for c in d.clauses]

    assert written(rewrapped) == written(doc)


def test_parse_json_carries_departments() -> None:
    result = CliRunner().invoke(app, ["parse", "data/raw/ziyang-jianwu-2023.txt"])
    assert result.exit_code == 0, result.stderr
    clause = next(c for c in json.loads(result.stdout)["clauses"] if c["path"] == ["七、", "（二十六）"])
    assert [{k: d[k] for k in ("name", "canonical", "level", "role")} for d in clause["departments"]] == [
        {"name": "市生态环境局", "canonical": "生态环境局", "level": "市", "role": "lead"},
        {"name": "市发展改革委", "canonical": "发展改革委", "level": "市", "role": "support"}]


# ---------------------------------------------------------------- jianwu departments

@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def run(*args: str):
    return CliRunner().invoke(app, ["departments", *args])


def test_cli_table(in_root: None, golden) -> None:
    result = run("data/raw/gaoxin-jianwu-2023.txt")
    assert (result.exit_code, result.stderr) == (0, "")
    golden("departments/gaoxin-table.txt", result.stdout)


def test_cli_table_by_canonical(in_root: None, golden) -> None:
    result = run("data/raw/shapingba-jianwu-2023.txt", "--by", "canonical")
    assert (result.exit_code, result.stderr) == (0, "")
    golden("departments/shapingba-canonical-table.txt", result.stdout)


def test_cli_json(in_root: None, golden) -> None:
    result = run("data/raw/yongchuan-jieneng-2023.txt", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["assignments"] == 184
    lead = next(d for d in data["departments"] if d["department"] == "区发展改革委")
    assert lead["counts"] == {"lead": 5, "support": 5, "responsible": 22, "total": 32}  # 33 in the text, one in prose
    golden("departments/yongchuan.json", result.stdout)


def test_cli_json_by_canonical_groups_aliases(in_root: None) -> None:
    result = run("data/raw/gaoxin-jianwu-2023.txt", "-f", "json", "--by", "canonical")
    rows = {d["department"]: d for d in json.loads(result.stdout)["departments"]}
    assert rows["城市建设事务中心"]["names"] == ["城市建设事务中心", "城建中心"]
    assert rows["城市建设事务中心"]["counts"]["total"] == 7


def test_cli_csv_all_seeds(in_root: None, golden) -> None:
    result = run(*SEED_PATHS, "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "document,clause,label,department,name,canonical,level,role,generic,known,note,line,region,partner,inherited,declared_line"
    assert len(lines) - 1 == sum(TOTALS.values())
    golden("departments/ziyang.csv", "".join(line + "\n" for line in lines if line.startswith(("document,", "ziyang-"))))


def test_cli_unknown_lists_names_missing_from_the_table(in_root: None, tmp_path: Path) -> None:
    doc = tmp_path / "t.txt"
    doc.write_text("测试实施方案\n一、重点任务\n（一）推进A。（区发展改革委、区新能源汽车推进办公室牵头，区某某局配合）\n（二）推进B。（区某某局负责）\n", encoding="utf-8")
    result = run(str(doc), "--unknown", "--format", "csv")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "document,name,level,count,clauses,lines\n"
        "t,区某某局,区,2,一、/（一） 一、/（二）,3 4\n"
        "t,区新能源汽车推进办公室,区,1,一、/（一）,3\n")
    seeds = run(*SEED_PATHS, "--unknown", "--format", "json")
    assert (seeds.exit_code, seeds.stdout) == (0, "[]\n")


def test_cli_missing_file(in_root: None) -> None:
    result = run("data/raw/gaoxin-jianwu-2023.txt", "nope.txt", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == "jianwu: nope.txt: no such file or directory\n"
    assert len(result.stdout.splitlines()) == 1 + TOTALS["gaoxin-jianwu-2023"]  # the good file is still reported


def test_cli_bad_option(in_root: None) -> None:
    result = run("data/raw", "--format", "xml")
    assert result.exit_code == 2 and result.stdout == ""
