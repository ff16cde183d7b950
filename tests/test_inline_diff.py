"""Inline diff for Chinese: tokens, whole-token changes, phrase boundaries, on real seed sentences."""

from __future__ import annotations

import pytest

from jianwu.inline_diff import diff_texts, level_only_edits, note_spans, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # a year is one token; a number keeps its unit, the qualifier after it is separate
        ("到2025年，非化石能源消费比重达到25%", ["到", "2025年", "，", *"非化石能源消费比重达到", "25%"]),
        ("降低14.5%以上", ["降", "低", "14.5%", "以", "上"]),
        ("建设充电基础设施3万台以上", [*"建设充电基础设施", "3万台", "以", "上"]),
        ("森林蓄积量不低于2.8亿立方米", [*"森林蓄积量不低于", "2.8亿立方米"]),
        ("PM2.5年平均浓度不超过34微克/立方米", ["PM2.5", *"年平均浓度不超过", "34微克/立方米"]),
        ("累计建设25座充电站", [*"累计建设", "25座", *"充电站"]),
        ("有序推广LNG动力船舶应用", [*"有序推广", "LNG", *"动力船舶应用"]),
        # departments of a responsibility note are whole tokens (no departments extracted here)
        (
            "（市发展改革委、市经济信息委按职责分工负责）",
            ["（", "市发展改革委", "、", "市经济信息委", "按职责分工负责", "）"],
        ),
        # Gaoxin's note without its closing bracket
        ("（改革发展局、生态环境局按职责分工负责", ["（", "改革发展局", "、", "生态环境局", "按职责分工负责"]),
    ],
)
def test_tokenize(text: str, tokens: list[str]) -> None:
    assert tokenize(text, note_spans(text)) == tokens


def changes(parent: str, child: str) -> list[tuple[str, str, str]]:
    return [(e.op, e.parent, e.child) for e in diff_texts(parent, child, note_spans(parent), note_spans(child)) if e.op != "equal"]


@pytest.mark.parametrize(
    ("parent", "child", "expected"),
    [
        # municipal （十三） -> Shapingba 11.: localised river list, whole phrases
        (
            "加强长江、嘉陵江、乌江干流重庆段排污口精细化管理",
            "加强嘉陵江干流重庆段排污口精细化管理",
            [("delete", "长江、", ""), ("delete", "、乌江", "")],
        ),
        # a number with its unit changes whole, never 3 + 0%→5%
        ("比例达到30%，绿色建材", "比例达到35%，绿色建材", [("replace", "30%", "35%")]),
        ("稳定在70%以上", "稳定在70%", [("delete", "以上", "")]),
        ("到2025年，新增", "到2030年，新增", [("replace", "2025年", "2030年")]),
        # 市 -> 区 in a note is a level-only edit, kept equal: what stands out is the department dropped
        (
            "（市发展改革委、市经济信息委、市能源局按职责分工负责）",
            "（区发展改革委、区经济信息委按职责分工负责）",
            [("delete", "、市能源局", "")],
        ),
        # 全国 -> 全省 and 全市 -> 全区 are level-only; 国家 -> 省 is not (no department key here)
        ("全国统一的绿色产品标准", "全省统一的绿色产品标准", []),
        ("推动我国绿色低碳发展", "推动我省绿色低碳发展", []),  # 我国 -> 我省 too; 中国 stays
        ("全市推进，市生态环境局负责", "全旗推进，旗生态环境局负责", []),  # a banner (旗) under its city
        ("中国特色", "中省特色", [("replace", "国", "省")]),
        ("全市各区县", "全区各镇街", [("replace", "区县", "镇街")]),
        ("国家发展改革委", "省发展改革委", [("replace", "国家", "省")]),
        # municipal （六） -> Shapingba 4.: the list of districts dropped
        (
            "拓宽公众参与渠道。在中心城区和涪陵区、长寿区、江津区、合川区、永川区、璧山区开展“无废城市”建设。",
            "拓宽公众参与渠道。开展“无废城市”建设。",
            [("delete", "在中心城区和涪陵区、长寿区、江津区、合川区、永川区、璧山区", "")],
        ),
        # a rewritten phrase is one change, not a scatter of shared characters
        (
            "打造重庆经济技术开发区等国家绿色产业示范基地。",
            "培育做大环保产业。",
            [("replace", "打造重庆经济技术开发区等国家绿色产业示范基地", "培育做大环保产业")],
        ),
        ("同一句话。", "同一句话。", []),
        # a list of values rewritten one by one: value against value, not on 0.2万吨 that recurs in another place
        (
            "减排量分别达到4.2万吨、0.2万吨、6.6万吨、3.1万吨。",
            "减排量分别达到0.3万吨、0.02万吨、0.5万吨、0.2万吨。",
            [("replace", "4.2万吨、0.2万吨、6.6万吨、3.1万吨", "0.3万吨、0.02万吨、0.5万吨、0.2万吨")],
        ),
        # values apart are each their own change; an unchanged one stays equal
        ("能耗下降10%，用水量下降5%，碳排放下降18%", "能耗下降12%，用水量下降5%，碳排放下降19.5%",
         [("replace", "10%", "12%"), ("replace", "18%", "19.5%")]),
        ("到2025年，能耗下降10%", "到2025年，新增指标达到30%，能耗下降10%", [("insert", "", "新增指标达到30%，")]),
    ],
)
def test_changes(parent: str, child: str, expected: list[tuple[str, str, str]]) -> None:
    assert changes(parent, child) == expected


@pytest.mark.parametrize(
    ("parent", "child"),
    [
        ("加强长江、嘉陵江、乌江干流重庆段排污口精细化管理", "加强嘉陵江干流重庆段排污口精细化管理"),
        ("", "全新条款。"),
        ("整条删除。", ""),
        ("到2025年，规模以上工业单位增加值能耗降低14.5%以上", "到2025年，规上工业单位增加值能耗下降15%"),
    ],
)
def test_edits_cover_both_texts_exactly(parent: str, child: str) -> None:
    edits = diff_texts(parent, child)
    assert "".join(e.parent for e in edits) == parent
    assert "".join(e.child for e in edits) == child
    for e in edits:
        assert parent[e.parent_start : e.parent_start + len(e.parent)] == e.parent
        assert child[e.child_start : e.child_start + len(e.child)] == e.child


def test_deterministic() -> None:
    a = "推动柑橘、榨菜、生态畜牧、茶叶、中药材、特色经济林等现代山地特色农业集群发展" * 20
    b = "推动蔬菜、水果、水产、花卉等现代都市农业集群发展" * 20
    assert diff_texts(a, b) == diff_texts(a, b)


def test_protected_span_is_one_token() -> None:
    text = "（区住房城乡建设委负责）"
    assert tokenize(text, [(1, 9)]) == ["（", "区住房城乡建设委", *"负责）"]


def test_level_only_edits_are_equal_and_counted() -> None:
    edits = diff_texts("全市推进市级平台建设，全市统一", "全区推进区级平台建设，全区统一")
    assert [e.op for e in edits] == ["equal"]
    assert (edits[0].parent, edits[0].child) == ("全市推进市级平台建设，全市统一", "全区推进区级平台建设，全区统一")
    assert level_only_edits(edits) == 3


def test_department_names_match_by_canonical_key() -> None:
    """国家发展改革委 -> 省发展改革委 is the same department one level down: equal by its key."""
    parent, child = "（国家发展改革委、生态环境部负责）", "（省发展改革委、省生态环境厅负责）"
    spans_p, spans_c = [(1, 8), (9, 14)], [(1, 7), (8, 14)]
    keys = {"国家发展改革委": "§发展改革委", "省发展改革委": "§发展改革委", "生态环境部": "§生态环境", "省生态环境厅": "§生态环境"}
    edits = diff_texts(parent, child, spans_p, spans_c, keys)
    assert [e.op for e in edits] == ["equal"]
    assert level_only_edits(edits) == 2


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("推进改造。（省工业和信息化厅、省发展改革委按职责分工负责）", ["省工业和信息化厅", "省发展改革委", "按职责分工负责"]),
        # a note with a label (Shandong, Guangdong): the departments after it, the label no department
        ("推进改造。（责任单位：省工业和信息化厅、省发展改革委）", ["省工业和信息化厅", "省发展改革委"]),
        ("推进改造。（主要责任部门：市发展改革委，市生态环境局）", ["市发展改革委", "市生态环境局"]),
    ],
)
def test_note_items(text: str, items: list[str]) -> None:
    assert [text[a:b] for a, b in note_spans(text)] == items


def test_a_labelled_note_is_left_out_of_the_compared_body() -> None:
    from jianwu import parse_document
    from jianwu.align import body_of

    doc = parse_document("某省方案\n一、重点任务\n（一）优化产能规模。严格落实产能置换政策。（责任单位：省工业和信息化厅、省发展改革委）\n", doc_id="x")
    assert body_of(doc.clauses[-1]) == "严格落实产能置换政策。"
