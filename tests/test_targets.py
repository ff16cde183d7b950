"""Quantitative targets (issue 4): each rule on real seed sentences, exact lists per seed, `jianwu targets`.

Rules are tested where they stand in the seeds: ``at(doc, fragment)`` returns the
targets whose value lies inside ``fragment`` of the parsed seed.  The few rules no
seed exercises (ranges, stretch goals, 个百分点, a 分别 count mismatch) use the
issue's own example phrases in a one-clause document.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from typer.testing import CliRunner

from jianwu import Document, parse_document
from jianwu.cli import app
from jianwu.model import Target
from jianwu.quantities import cn_numeral, find_quantities
from test_normalize import pdf_wrap

from conftest import RAW, ROOT, SEED_IDS, SEED_PATHS

runner = CliRunner()
CQ, YC, GX, SPB, ZY = "chongqing-jianwu-2023", "yongchuan-jieneng-2023", "gaoxin-jianwu-2023", "shapingba-jianwu-2023", "ziyang-jianwu-2023"


def at(doc: Document, fragment: str) -> list[Target]:
    """Targets (any kind) whose value stands inside ``fragment`` (which must occur once in the text)."""
    assert doc.text.count(fragment) == 1, f"fragment not unique in {doc.id}: {fragment}"
    start = doc.text.index(fragment)
    end = start + len(fragment)
    return [t for c in doc.clauses for t in c.targets if t.value_span and start <= t.value_span[0] < end]


def of_text(body: str) -> tuple[list[Target], Document]:
    """Targets of a one-clause document (for rules no seed sentence exercises)."""
    doc = parse_document(("甲区实施方案\n一、主要目标\n" + body + "\n").encode(), doc_id="probe")
    return [t for c in doc.clauses for t in c.targets], doc


def num(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def row(t: Target) -> tuple[Any, ...]:
    return (t.indicator, num(t.value), t.unit, t.comparator, t.year)


# ------------------------------------------------------------------ numbers, multipliers, units


@pytest.mark.parametrize(
    ("written", "value"),
    [("一", 1), ("十", 10), ("十五", 15), ("二十八", 28), ("三百", 300), ("一百二十", 120), ("两万", 20000),
     ("三千五百", 3500), ("一亿二千万", 120000000), ("二〇二五", 2025), ("百", None), ("五x", None)],
)
def test_chinese_numerals(written: str, value: int | None) -> None:
    assert cn_numeral(written) == value


@pytest.mark.parametrize(
    ("doc_id", "fragment", "value", "unit", "value_text"),
    [
        (CQ, "建设充电基础设施3万台以上", 30000, "台", "3万台"),
        (CQ, "全市森林蓄积量不低于2.8亿立方米", 280000000, "立方米", "2.8亿立方米"),
        (ZY, "天然气消费量预计达到135万吨标准煤", 1350000, "吨标准煤", "135万吨标准煤"),
        (YC, "营业收入达到1300亿元", 130000000000, "元", "1300亿元"),
        (YC, "屋顶分布式光伏面积达到180万平方米", 1800000, "平方米", "180万平方米"),
        (YC, "全区新能源汽车产量达到15万辆", 150000, "辆", "15万辆"),
        (CQ, "可再生能源建筑应用面积新增500万平方米", 5000000, "平方米", "500万平方米"),
        (YC, "重点工程减排量分别达到2133.3吨", 2133.3, "吨", "2133.3吨"),
        (ZY, "单位地区生产总值二氧化碳排放降低17.0%", 17, "%", "17.0%"),
        (GX, "生态保护红线面积不少于27.5平方公里", 27.5, "平方公里", "27.5平方公里"),
        (GX, "PM2.5年平均浓度不超过34微克/立方米", 34, "微克/立方米", "34微克/立方米"),
        (GX, "优良天数稳定在322天左右", 322, "天", "322天"),
        (GX, "累计建设25座充电站", 25, "座", "25座"),
        (GX, "累计创建国家级绿色工厂2家", 2, "家", "2家"),
        (YC, "建成市级绿色园区2个", 2, "个", "2个"),
        (YC, "对进水生化需氧量浓度低于100mg/L的污水厂", 100, "mg/L", "100mg/L"),
        (YC, "35蒸吨/小时以下燃煤锅炉", 35, "蒸吨/小时", "35蒸吨/小时"),
        (GX, "金凤监测点三公里范围内", 3, "公里", "三公里"),  # a Chinese numeral
    ],
)
def test_values_fold_multipliers_and_keep_the_base_unit(seeds: dict[str, Document], doc_id: str, fragment: str, value: float, unit: str, value_text: str) -> None:
    [t] = at(seeds[doc_id], fragment)
    assert (num(t.value), t.unit, t.value_text) == (value, unit, value_text)
    assert seeds[doc_id].text[t.value_span[0]:t.value_span[1]] == value_text


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("提高5个百分点", [("5", "个百分点")]),  # 个百分点 is not %
        ("新增装机容量10万千瓦", [("100000", "千瓦")]),  # 千瓦 is a unit, not 千 × 瓦
        ("淘汰老旧车辆100多辆", [("100", "辆")]),
        ("分别达到30、40万吨", [("300000", "吨"), ("400000", "吨")]),  # the unit written once at the end
        ("实施“一厂一策”改造，推进“三线一单”落地", []),
        ("百城千县万名专家", []),
        ("PM2.5浓度，2025年，〔2023〕5号，第三批", []),
        # shares written in words (quantities.worded_quantities), 点 as the decimal point
        ("下降百分之十四点五", [("14.5", "%")]),
        ("百分之三至五、千分之三", [("3", "%"), ("3", "‰")]),
        ("三分之一、三分之二、十分之一", [("33.33", "%"), ("66.67", "%"), ("10", "%")]),
        ("五成以上，两成", [("50", "%"), ("20", "%")]),
        ("翻一番，翻两番，增长一倍", [("1", "倍"), ("3", "倍"), ("1", "倍")]),
        ("一成不变，建成三成员单位，翻番，第三分之一", []),
        # units written as symbols (a technical office's plan, a PDF's font): the base unit as in words
        ("改造100万㎡，绿地50万m²，管网200㎞，再生水1000万m³", [("1000000", "平方米"), ("500000", "平方米"), ("200", "公里"), ("10000000", "立方米")]),
        ("能耗50万tce，排放3万tCO2，单位面积能耗10kgce/㎡", [("500000", "吨标准煤"), ("30000", "吨二氧化碳"), ("10", "千克标准煤/平方米")]),
        ("新增处理能力5万m³/d，治理面积12km²", [("50000", "立方米/日"), ("12", "平方公里")]),
        ("PM2.5浓度降低，CO2排放", []),
    ],
)
def test_quantity_tokenizer(phrase: str, expected: list[tuple[str, str]]) -> None:
    assert [(format(q.value.normalize(), "f"), q.unit) for q in find_quantities(phrase)] == expected


def test_decimal_values_are_exact() -> None:
    [q] = find_quantities("森林蓄积量不低于2.8亿立方米")
    assert q.value == Decimal("280000000.0")


# ------------------------------------------------------------------ comparators, direction, year, baseline, modality


@pytest.mark.parametrize(
    ("doc_id", "fragment", "comparator"),
    [
        (CQ, "规模以上工业单位增加值能耗降低14.5%以上", ">="),  # 以上
        (CQ, "全市森林蓄积量不低于2.8亿立方米", ">="),  # 不低于
        (YC, "创建至少1家节约型公共机构示范单位", ">="),  # 至少
        (GX, "生态保护红线面积不少于27.5平方公里", ">="),  # 不少于
        (GX, "PM2.5年平均浓度不超过34微克/立方米", "<="),  # 不超过
        (CQ, "港口新改建岸电泊位超过250个", ">"),  # 超过
        (YC, "标杆水平产能比例超过30%", ">"),
        (GX, "优良天数稳定在322天左右", "≈"),  # 左右
        (YC, "比重下降至30%左右", "≈"),
        (CQ, "非化石能源消费比重达到25%", "="),
        (YC, "对进水生化需氧量浓度低于100mg/L的污水厂", "<"),  # 低于 (a condition)
        (CQ, "铁路货场、机场车辆及3吨以下叉车", "<="),  # 以下 (a condition)
    ],
)
def test_comparator(seeds: dict[str, Document], doc_id: str, fragment: str, comparator: str) -> None:
    assert [t.comparator for t in at(seeds[doc_id], fragment)] == [comparator]


@pytest.mark.parametrize(
    ("doc_id", "fragment", "direction"),
    [
        (CQ, "全市化肥使用总量下降1%", "down"),
        (CQ, "规模以上工业单位增加值能耗降低14.5%以上", "down"),
        (YC, "煤炭消费占能源消费总量比重下降至30%左右", "down"),
        (CQ, "森林覆盖率提高至57%以上", "up"),
        (CQ, "可再生能源建筑应用面积新增500万平方米", "up"),
        (ZY, "2023年新增氢能公交车20辆", "up"),
        (CQ, "装配式建筑占新建建筑比例达到30%", None),
        (YC, "挥发性有机物排放量下降率达到10%", None),  # 下降率 is the indicator; 达到 says nothing
    ],
)
def test_direction(seeds: dict[str, Document], doc_id: str, fragment: str, direction: str | None) -> None:
    assert [t.direction for t in at(seeds[doc_id], fragment)] == [direction]


@pytest.mark.parametrize(
    ("doc_id", "fragment", "year", "period"),
    [
        (CQ, "到2025年，非化石能源消费比重达到25%", 2025, None),
        (CQ, "“十四五”期间，全市化肥使用总量下降1%", 2025, "十四五"),
        # carried to the following sentences of the clause, period included
        (CQ, "力争秸秆综合利用率达到90%以上", 2025, "十四五"),
        (YC, "“十四五”期间，规上工业单位增加值能耗下降14.5%", 2025, "十四五"),
        (YC, "标杆水平产能比例超过30%", 2025, None),  # 到2025年 overrides the period
        (GX, "2025年，新增创建“无废城市细胞”50个", 2025, None),  # a year without 到
        (ZY, "2023年新增氢能公交车20辆", 2023, None),
        # no year before it in the clause: not borrowed from a later sentence
        (YC, "纯电动汽车占比不低于30%", None, None),
        (GX, "化肥农药利用率达到43%", None, None),
        # a clause without any year: the previous clause's year does not leak in
        (GX, "重点建设用地安全利用率稳定保持100%", None, None),
    ],
)
def test_deadline_year(seeds: dict[str, Document], doc_id: str, fragment: str, year: int | None, period: str | None) -> None:
    assert [(t.year, t.period) for t in at(seeds[doc_id], fragment)] == [(year, period)]


@pytest.mark.parametrize(
    ("doc_id", "fragment", "baseline"),
    [
        (YC, "单位地区生产总值能源消耗比2020年下降14.5%", 2020),
        (YC, "万元工业增加值用水量比2020年下降15%", 2020),
        # the baseline of one segment does not reach the next segment's values
        (YC, "化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到2133.3吨、89.85吨、1614吨、330.5吨", None),
    ],
)
def test_baseline_year(seeds: dict[str, Document], doc_id: str, fragment: str, baseline: int | None) -> None:
    assert {t.baseline_year for t in at(seeds[doc_id], fragment)} == {baseline}


@pytest.mark.parametrize(
    ("doc_id", "fragment", "modality"),
    [
        (CQ, "力争秸秆综合利用率达到90%以上", "力争"),
        (YC, "力争规上工业企业用水重复利用率达到92%以上", "力争"),
        (YC, "万元工业增加值用水量比2020年下降15%", None),  # 力争 governs its own segment only
        (ZY, "天然气消费量预计达到135万吨标准煤", "预计"),
        (GX, "重点建设用地安全利用率稳定保持100%", None),  # 确保污染地块及时修复治理 is a clause, not a frame
    ],
)
def test_modality(seeds: dict[str, Document], doc_id: str, fragment: str, modality: str | None) -> None:
    assert [t.modality for t in at(seeds[doc_id], fragment)] == [modality]


def test_frame_segments_give_modality_and_baseline_to_the_sentence() -> None:
    targets, _ = of_text("与2020年相比，单位地区生产总值二氧化碳排放下降18%。确保到2025年，森林覆盖率达到55%。")
    assert [(t.indicator, t.baseline_year, t.modality) for t in targets] == [
        ("单位地区生产总值二氧化碳排放", 2020, None), ("森林覆盖率", None, "确保")]


# ------------------------------------------------------------------ indicators: subject, object and counted forms


@pytest.mark.parametrize(
    ("doc_id", "fragment", "indicators"),
    [
        (CQ, "装配式建筑占新建建筑比例达到30%", ["装配式建筑占新建建筑比例"]),
        (YC, "全区单位地区生产总值能源消耗比2020年下降14.5%", ["单位地区生产总值能源消耗"]),  # 全区 and the baseline go
        (CQ, "建设充电基础设施3万台以上", ["充电基础设施"]),  # verb + object + value
        (YC, "建成市级绿色园区2个、市级绿色工厂18家", ["市级绿色园区", "市级绿色工厂"]),
        (GX, "完成1个近零碳园区、1个低碳社区试点示范创建", ["近零碳园区", "低碳社区试点示范"]),  # verb + count + noun
        (GX, "累计建设25座充电站、5座换电站、5座综合型能源补给站", ["充电站", "换电站", "综合型能源补给站"]),
        (YC, "创建至少1家节约型公共机构示范单位", ["节约型公共机构示范单位"]),
        (GX, "新增创建“无废城市细胞”50个", ["无废城市细胞"]),
        (YC, "城镇新建建筑100%执行绿色建筑标准", ["城镇新建建筑执行绿色建筑标准"]),  # an adverbial percentage
        (GX, "PM2.5年平均浓度不超过34微克/立方米", ["PM2.5年平均浓度"]),  # PM2.5 stays in the name
        (YC, "全区公共机构单位建筑面积能耗下降6%、人均综合能耗下降7%", ["公共机构单位建筑面积能耗", "人均综合能耗"]),
        # a 、 list that is not parallel stays one indicator
        (YC, "全区各级党政机关、事业单位新增和更新的公务用车纯电动汽车占比不低于30%",
         ["各级党政机关、事业单位新增和更新的公务用车纯电动汽车占比"]),
    ],
)
def test_indicator(seeds: dict[str, Document], doc_id: str, fragment: str, indicators: list[str]) -> None:
    assert [t.indicator for t in at(seeds[doc_id], fragment)] == indicators


def test_share_of_a_reference_names_both() -> None:
    targets, _ = of_text("到2025年，新能源汽车新车销售量达到汽车新车销售总量的20%左右。")
    assert [row(t) for t in targets] == [("新能源汽车新车销售量占汽车新车销售总量", 20, "%", "≈", 2025)]


# ------------------------------------------------------------------ 分别 lists, shared values, ranges, stretch goals


@pytest.mark.parametrize(
    ("doc_id", "fragment", "expected"),
    [
        (YC, "化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到2133.3吨、89.85吨、1614吨、330.5吨",
         [("化学需氧量重点工程减排量", 2133.3), ("氨氮重点工程减排量", 89.85), ("氮氧化物重点工程减排量", 1614),
          ("挥发性有机物重点工程减排量", 330.5)]),
        (YC, "绿色防控、统防统治覆盖率分别达到45%、50%", [("绿色防控覆盖率", 45), ("统防统治覆盖率", 50)]),
        (YC, "溶剂型工业涂料、溶剂型油墨使用比例分别降低20%、15%", [("溶剂型工业涂料使用比例", 20), ("溶剂型油墨使用比例", 15)]),
        # shared value: one number, two indicators
        (YC, "全区主要农作物化肥、农药利用率稳定在43%以上", [("主要农作物化肥利用率", 43), ("主要农作物农药利用率", 43)]),
    ],
)
def test_respectively_lists_pair_indicators_and_values(seeds: dict[str, Document], doc_id: str, fragment: str, expected: list[tuple[str, float]]) -> None:
    assert [(t.indicator, num(t.value)) for t in at(seeds[doc_id], fragment)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，国家级、市级绿色工厂分别达到5家、20家。", [("国家级绿色工厂", 5, "家", "=", 2025), ("市级绿色工厂", 20, "家", "=", 2025)]),
        ("到2025年，氮氧化物和挥发性有机物排放总量分别下降10%以上。",
         [("氮氧化物排放总量", 10, "%", ">=", 2025), ("挥发性有机物排放总量", 10, "%", ">=", 2025)]),
        ("化学需氧量和氨氮重点工程减排量分别达到5000吨和300吨。",
         [("化学需氧量重点工程减排量", 5000, "吨", "=", None), ("氨氮重点工程减排量", 300, "吨", "=", None)]),
    ],
)
def test_respectively_lists_beyond_the_seeds(body: str, expected: list[tuple[Any, ...]]) -> None:
    targets, doc = of_text(body)
    assert [row(t) for t in targets] == expected
    assert doc.warnings == []


def test_a_target_written_with_the_documents_own_name_is_for_its_own_jurisdiction() -> None:
    # 武汉市… in Wuhan's plan reads as 全市…: no scope (README: scope null); another city's value keeps its own
    doc = parse_document("武汉市空气质量改善行动方案\n一、主要目标\n到2025年，武汉市细颗粒物平均浓度控制在35微克/立方米以下，"
                         "襄阳市细颗粒物平均浓度下降5%。\n", doc_id="wuhan")
    assert doc.region == "武汉市"
    assert [(t.scope, t.indicator) for c in doc.clauses for t in c.targets] == [(None, "细颗粒物平均浓度"), ("襄阳市", "细颗粒物平均浓度")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 左右 after a value: about that much; after 控制在 the verb's bound (README: comparator)
        ("到2025年，煤炭消费总量比2020年下降5%左右、控制在1.24亿吨左右。",
         [(None, "煤炭消费总量", 5, "%", "≈"), (None, "煤炭消费总量", 124000000, "吨", "<=")]),
        ("到2025年，细颗粒物平均浓度控制在30微克/立方米以下。", [(None, "细颗粒物平均浓度", 30, "微克/立方米", "<=")]),
        # against the period before, no year named: 同比 / 较上年 is no part of the indicator
        ("秋冬季期间，重度及以上污染天数同比减少2%左右。", [(None, "重度及以上污染天数", 2, "%", "≈")]),
        ("2023年，全市单位地区生产总值能耗较上年下降3%。", [(None, "单位地区生产总值能耗", 3, "%", "=")]),
        # a provincial plan's values for its cities: each city is the scope of its value (data/prefectures.tsv)
        ("到2017年，全省可吸入颗粒物年均浓度较2012年下降12%。其中，武汉市、襄阳市可吸入颗粒物年均浓度较2012年下降18%。",
         [(None, "可吸入颗粒物年均浓度", 12, "%", "="), ("武汉市", "可吸入颗粒物年均浓度", 18, "%", "="),
          ("襄阳市", "可吸入颗粒物年均浓度", 18, "%", "=")]),
        ("到2025年，城市生活垃圾回收利用率达到35%。", [(None, "城市生活垃圾回收利用率", 35, "%", "=")]),  # 城市 names no city
        # a modal verb before the change is no part of the indicator (需 / 必须 / 应当, as 要 and 应)
        ("我市单位GDP二氧化碳排放需下降18%，森林覆盖率应当达到45%。",
         [(None, "单位GDP二氧化碳排放", 18, "%", "="), (None, "森林覆盖率", 45, "%", "=")]),
        # the items of a 其中 list are measured as its head is, in its unit
        ("到2025年，全省可再生能源装机容量达到5000万千瓦，其中光伏发电3000万千瓦、风电1500万千瓦。",
         [(None, "可再生能源装机容量", 50000000, "千瓦", "="), (None, "光伏发电装机容量", 30000000, "千瓦", "="),
          (None, "风电装机容量", 15000000, "千瓦", "=")]),
        ("到2025年，新能源汽车保有量达到100万辆以上，其中纯电动汽车80万辆。",
         [(None, "新能源汽车保有量", 1000000, "辆", ">="), (None, "纯电动汽车保有量", 800000, "辆", "=")]),
        ("到2025年，新建绿色建筑面积达到2000万平方米，其中超低能耗建筑面积100万平方米、装配式建筑占比达到30%。",
         [(None, "新建绿色建筑面积", 20000000, "平方米", "="), (None, "超低能耗建筑面积", 1000000, "平方米", "="),
          (None, "装配式建筑占比", 30, "%", "=")]),  # (its own measure; another unit)
    ],
)
def test_comparator_baseline_and_scope_beyond_the_seeds(body: str, expected: list[tuple[Any, ...]]) -> None:
    targets, _ = of_text(body)
    assert [(t.scope, t.indicator, num(t.value), t.unit, t.comparator) for t in targets] == expected


def test_a_respectively_count_mismatch_is_a_warning() -> None:
    targets, doc = of_text("到2025年，绿色防控、统防统治覆盖率分别达到45%、50%、60%。")
    assert [(t.indicator, num(t.value)) for t in targets] == [("绿色防控、统防统治覆盖率", v) for v in (45, 50, 60)]
    [warning] = [w for w in doc.warnings if w.code == "target_count_mismatch"]
    assert warning.line == 3 and "2 indicators and 3 values" in warning.message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("“十四五”期间，建设1至2个近零碳示范园区。", [("近零碳示范园区", 1, 2, "个", "range")]),
        ("到2025年，单位地区生产总值能耗下降14%—15%。", [("单位地区生产总值能耗", 14, 15, "%", "range")]),
    ],
)
def test_ranges_keep_both_bounds(body: str, expected: list[tuple[Any, ...]]) -> None:
    targets, _ = of_text(body)
    assert [(t.indicator, num(t.value), num(t.value_max), t.unit, t.comparator) for t in targets] == expected


def test_a_stretch_goal_is_a_second_target() -> None:
    targets, _ = of_text("到2025年，单位地区生产总值能耗比2020年下降14%，力争下降14.5%。")
    assert [(t.indicator, num(t.value), t.direction, t.baseline_year, t.modality) for t in targets] == [
        ("单位地区生产总值能耗", 14, "down", 2020, None), ("单位地区生产总值能耗", 14.5, "down", 2020, "力争")]


# ------------------------------------------------------------------ kinds: conditions, categorical, never targets


@pytest.mark.parametrize(
    ("doc_id", "fragment", "expected"),
    [
        (CQ, "铁路货场、机场车辆及3吨以下叉车", [("叉车", 3, "吨", "<=")]),
        (YC, "工业园区基本淘汰35蒸吨/小时以下燃煤锅炉", [("燃煤锅炉", 35, "蒸吨/小时", "<=")]),
        (YC, "65蒸吨/小时以上燃煤锅炉", [("燃煤锅炉", 65, "蒸吨/小时", ">=")]),
        (YC, "鼓励年产废量1万吨以上的企业", [("年产废量", 10000, "吨", ">=")]),
        (YC, "对进水生化需氧量浓度低于100mg/L的污水厂", [("进水生化需氧量浓度", 100, "mg/L", "<")]),
        (YC, "常住人口200户或500人以上的农村集聚点", [("常住人口", 200, "户", ">="), ("常住人口", 500, "人", ">=")]),
        (YC, "对年综合能源消费量5000吨标准煤（当量值）及以上的", [("年综合能源消费量", 5000, "吨标准煤", ">=")]),
    ],
)
def test_scoping_numbers_are_conditions(seeds: dict[str, Document], doc_id: str, fragment: str, expected: list[tuple[Any, ...]]) -> None:
    found = at(seeds[doc_id], fragment)
    assert [(t.indicator, num(t.value), t.unit, t.comparator) for t in found] == expected
    assert {(t.kind, t.year, t.direction, t.modality) for t in found} == {("condition", None, None, None)}


def test_a_class_reached_is_categorical(seeds: dict[str, Document]) -> None:
    [t] = at(seeds[YC], "大陆溪湾凼国控考核断面水质稳定达到Ⅳ类")
    assert (t.indicator, t.value, t.value_text, t.unit, t.comparator, t.kind, t.year) == (
        "大陆溪湾凼国控考核断面水质", "Ⅳ类", "Ⅳ类", None, "=", "categorical", 2025)


@pytest.mark.parametrize(
    ("doc_id", "fragment"),
    [
        (CQ, "逐步将碳达峰碳中和目标统筹纳入成渝地区双城经济圈和我市“三线一单”生态环境分区管控制度体系"),
        (CQ, "对不符合要求的“两高一低”项目坚决不予准入"),
        (YC, "实施“一厂一策”改造"),
        (YC, "探索实施PM2.5、臭氧污染连片整治"),
        (YC, "确保完成“十四五”节能减排目标"),
        (YC, "认真落实市第六次党代会精神和区第十五次党代会精神"),
        (YC, "（渝府发〔2022〕39号）"),
        (YC, "推进国三及以下排放标准营运柴油货车淘汰更新"),
        (GX, "2030年，减污降碳协同能力显著提升"),
        (ZY, "开展百城千县万名专家生态环境科技帮扶行动"),
        (ZY, "实施农村生活污水治理“千村示范工程”"),
        (SPB, "“十四五”期间，全区化肥使用总量下降1%。强化秸秆焚烧管控"),  # only the 1% — 十四五 is no number
    ],
)
def test_never_targets(seeds: dict[str, Document], doc_id: str, fragment: str) -> None:
    found = [t.value_text for t in at(seeds[doc_id], fragment)]
    assert found == (["1%"] if "1%" in fragment else [])


def test_reported_results_are_not_targets() -> None:
    targets, _ = of_text("“十三五”期间，全市单位GDP能耗累计下降19.4%，超额完成目标任务。截至2022年底，全市已建成充电桩2万个。")
    assert targets == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the clause's end ends its last sentence, terminator or not
        ("到2025年，非化石能源消费比重达到25%", [("非化石能源消费比重", 25, "%", "=", 2025)]),
        ("到2025年，非化石能源消费比重达到25%。", [("非化石能源消费比重", 25, "%", "=", 2025)]),
        ("到2025年，森林覆盖率达到60%，\n城市建成区绿地率达到40%", [("森林覆盖率", 60, "%", "=", 2025), ("城市建成区绿地率", 40, "%", "=", 2025)]),
        # a soft break inside it still joins
        ("到2025年，非化石能源消费比重达\n到25%", [("非化石能源消费比重", 25, "%", "=", 2025)]),
    ],
)
def test_the_last_sentence_of_a_clause_needs_no_terminator(body: str, expected: list[tuple[Any, ...]]) -> None:
    targets, _ = of_text(body)
    assert [row(t) for t in targets] == expected


def test_children_of_a_clause_ending_in_a_colon_inherit_its_year() -> None:
    doc = parse_document("甲区实施方案\n一、主要目标\n到2025年，主要目标如下：\n（一）单位地区生产总值能耗下降14%。\n（二）森林覆盖率达到55%。\n".encode(), doc_id="p")
    assert [(c.key, t.indicator, t.year) for c in doc.clauses for t in c.targets] == [
        ("一、/（一）", "单位地区生产总值能耗", 2025), ("一、/（二）", "森林覆盖率", 2025)]


# ------------------------------------------------------------------ sentence text and spans


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_text_is_the_sentence_and_spans_point_into_the_normalised_text(seeds: dict[str, Document], doc_id: str) -> None:
    doc = seeds[doc_id]
    for clause in doc.clauses:
        for t in clause.targets:
            start, end = t.span
            assert doc.text[start:end].replace("\n", "") == t.text
            assert clause.text_offset <= start < end <= clause.text_offset + len(clause.text)
            assert doc.text[t.value_span[0]:t.value_span[1]] == t.value_text
            assert start <= t.value_span[0] < t.value_span[1] <= end
            assert not t.text.endswith(("。", "；", "负责）"))


def test_text_of_a_target(seeds: dict[str, Document]) -> None:
    [t] = at(seeds[CQ], "到2025年，非化石能源消费比重达到25%")
    assert t.text == "到2025年，非化石能源消费比重达到25%，为实现碳达峰奠定坚实基础"


@pytest.mark.parametrize("width", [20, 27, 33, 41])
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_pdf_rewrap_keeps_every_target(seeds: dict[str, Document], doc_id: str, width: int) -> None:
    """Lines wrapped anywhere (2133.\\n3吨, 135\\n万吨), page numbers between: the same targets."""
    def facts(doc: Document) -> list[tuple[Any, ...]]:
        return [(c.key, t.indicator, t.value, t.unit, t.comparator, t.direction, t.year, t.period, t.baseline_year,
                 t.modality, t.kind, t.text) for c in doc.clauses for t in c.targets]

    rewrapped = parse_document(pdf_wrap(seeds[doc_id].text, width).encode(), doc_id=doc_id)
    assert facts(rewrapped) == facts(seeds[doc_id])


# ------------------------------------------------------------------ exact lists per seed

CHONGQING = [
    ("二、/（五）", "非化石能源消费比重", 25, "%", "=", 2025),
    ("三、/（七）", "规模以上工业单位增加值能耗", 14.5, "%", ">=", 2025),
    ("三、/（七）", "单位工业增加值用水量", 15, "%", ">=", 2025),
    ("三、/（七）", "重点行业主要污染物排放强度", 10, "%", ">=", 2025),
    ("三、/（八）", "充电基础设施", 30000, "台", ">=", 2025),
    ("三、/（八）", "港口新改建岸电泊位", 250, "个", ">", 2025),
    ("三、/（九）", "装配式建筑占新建建筑比例", 30, "%", "=", 2025),
    ("三、/（九）", "绿色建材在新建建筑中的应用比例", 70, "%", "=", 2025),
    ("三、/（九）", "可再生能源建筑应用面积", 5000000, "平方米", "=", 2025),
    ("三、/（十）", "畜禽粪污综合利用率", 80, "%", ">=", 2025),
    ("三、/（十）", "化肥使用总量", 1, "%", "=", 2025),
    ("三、/（十）", "秸秆综合利用率", 90, "%", ">=", 2025),
    ("三、/（十一）", "森林蓄积量", 280000000, "立方米", ">=", 2025),
    ("三、/（十一）", "森林覆盖率", 57, "%", ">=", 2025),
    ("三、/（十一）", "城市建成区绿化覆盖率", 43, "%", ">=", 2025),
    ("四、/（十五）", "大宗工业固体废物资源化利用率", 70, "%", ">=", 2025),
]

YONGCHUAN = [
    ("二、", "单位地区生产总值能源消耗", 14.5, "%", "=", 2025),
    ("二、", "化学需氧量重点工程减排量", 2133.3, "吨", "=", 2025),
    ("二、", "氨氮重点工程减排量", 89.85, "吨", "=", 2025),
    ("二、", "氮氧化物重点工程减排量", 1614, "吨", "=", 2025),
    ("二、", "挥发性有机物重点工程减排量", 330.5, "吨", "=", 2025),
    ("三、/（一）/1.", "规上工业单位增加值能耗", 14.5, "%", "=", 2025),
    ("三、/（一）/1.", "标杆水平产能比例", 30, "%", ">", 2025),
    ("三、/（一）/2.", "规上工业企业用水重复利用率", 92, "%", ">=", 2025),
    ("三、/（一）/2.", "万元工业增加值用水量", 15, "%", "=", 2025),
    ("三、/（二）/1.", "市级绿色园区", 2, "个", "=", 2025),
    ("三、/（二）/1.", "市级绿色工厂", 18, "家", "=", 2025),
    ("三、/（三）/1.", "屋顶分布式光伏面积", 1800000, "平方米", "=", 2025),
    ("三、/（三）/2.", "城镇新建建筑执行绿色建筑标准", 100, "%", "=", 2025),
    ("三、/（四）/1.", "永川城区公共交通机动化出行分担率", 36, "%", "=", 2025),
    ("三、/（四）/3.", "智能网联新能源汽车产业营业收入", 130000000000, "元", "=", 2025),
    ("三、/（四）/3.", "新能源汽车产量", 150000, "辆", "=", 2025),
    ("三、/（五）/2.", "农作物秸秆综合利用率", 90, "%", ">=", 2025),
    ("三、/（五）/2.", "畜禽粪污综合利用率", 90, "%", ">=", 2025),
    ("三、/（五）/2.", "主要农作物化肥利用率", 43, "%", ">=", 2025),
    ("三、/（五）/2.", "主要农作物农药利用率", 43, "%", ">=", 2025),
    ("三、/（五）/2.", "绿色防控覆盖率", 45, "%", "=", 2025),
    ("三、/（五）/2.", "统防统治覆盖率", 50, "%", "=", 2025),
    ("三、/（五）/3.", "农村生活污水治理率", 40, "%", "=", 2025),
    ("三、/（五）/3.", "行政村生活垃圾有效治理比例", 100, "%", "=", 2025),
    ("三、/（六）/2.", "各级党政机关、事业单位新增和更新的公务用车纯电动汽车占比", 30, "%", ">=", None),
    ("三、/（六）/2.", "公共机构单位建筑面积能耗", 6, "%", "=", 2025),
    ("三、/（六）/2.", "人均综合能耗", 7, "%", "=", 2025),
    ("三、/（六）/3.", "节约型公共机构示范单位", 1, "家", ">=", 2025),
    ("三、/（八）/1.", "煤炭消费占能源消费总量比重", 30, "%", "≈", 2025),
    ("三、/（九）/1.", "溶剂型工业涂料使用比例", 20, "%", "=", 2025),
    ("三、/（九）/1.", "溶剂型油墨使用比例", 15, "%", "=", 2025),
    ("三、/（九）/1.", "溶剂型胶粘剂使用量", 20, "%", "=", 2025),
    ("三、/（九）/2.", "挥发性有机物排放量下降率", 10, "%", "=", 2025),
    ("三、/（十）/1.", "城市生活污水集中处理率", 98, "%", ">=", 2025),
    ("三、/（十）/2.", "城市生活垃圾焚烧处理能力占比", 100, "%", "=", 2025),
]

YONGCHUAN_CONDITIONS = [
    ("三、/（二）/2.", "年产废量", 10000, "吨", ">=", None),
    ("三、/（五）/3.", "常住人口", 200, "户", ">=", None),
    ("三、/（五）/3.", "常住人口", 500, "人", ">=", None),
    ("三、/（八）/2.", "燃煤锅炉", 35, "蒸吨/小时", "<=", None),
    ("三、/（八）/2.", "燃煤锅炉", 65, "蒸吨/小时", ">=", None),
    ("三、/（十）/1.", "进水生化需氧量浓度", 100, "mg/L", "<", None),
    ("四、/（三）/2.", "年综合能源消费量", 5000, "吨标准煤", ">=", None),
]

OTHER_SEEDS = {
    GX: [
        ("二、/（五）", "非化石能源消费比重", 25, "%", "=", 2025),
        ("二、/（六）", "无废城市细胞", 50, "个", "=", 2025),
        ("三、/（七）", "国家级绿色工厂", 2, "家", "=", 2025),
        ("三、/（七）", "市级绿色工厂", 10, "家", "=", 2025),
        ("三、/（七）", "近零碳园区", 1, "个", "=", 2025),
        ("三、/（七）", "低碳社区试点示范", 1, "个", "=", 2025),
        ("三、/（八）", "充电站", 25, "座", "=", 2025),
        ("三、/（八）", "换电站", 5, "座", "=", 2025),
        ("三、/（八）", "综合型能源补给站", 5, "座", "=", 2025),
        ("三、/（九）", "装配式建筑占新建建筑比例", 30, "%", "=", 2025),
        ("三、/（九）", "绿色建材在新建建筑中的应用比例", 70, "%", "=", 2025),
        ("三、/（十）", "化肥农药利用率", 43, "%", "=", None),
        ("三、/（十）", "生态保护红线面积", 27.5, "平方公里", ">=", 2025),
        ("三、/（十）", "森林覆盖率", 40, "%", ">=", 2025),
        ("四、/（十一）", "优良天数", 322, "天", "≈", 2025),
        ("四、/（十一）", "PM2.5年平均浓度", 34, "微克/立方米", "<=", 2025),
        ("四、/（十三）", "重点建设用地安全利用率", 100, "%", "=", None),
        ("四、/（十四）", "大宗工业固体废物资源化利用率", 70, "%", ">=", 2025),
    ],
    SPB: [
        ("7.", "装配式建筑占新建建筑比例", 30, "%", "=", 2025),
        ("7.", "绿色建材在新建建筑中的应用比例", 70, "%", "=", 2025),
        ("8.", "畜禽粪污综合利用率", 80, "%", ">=", 2025),
        ("8.", "化肥使用总量", 1, "%", "=", 2025),
        ("8.", "秸秆综合利用率", 90, "%", ">=", 2025),
        ("13.", "大宗工业固体废物资源化利用率", 70, "%", ">=", 2025),
    ],
    ZY: [
        ("一、/（二）", "单位地区生产总值二氧化碳排放", 17, "%", "=", 2025),
        ("二、/（五）", "天然气消费量", 1350000, "吨标准煤", "=", 2025),
        ("二、/（五）", "煤炭消费总量", 5, "%", "≈", 2025),
        ("三、/（八）", "氢能公交车", 20, "辆", "=", 2023),
        ("三、/（九）", "城市建成区绿地率", 38, "%", "=", 2025),
    ],
}


def listed(doc: Document, kind: str) -> list[tuple[Any, ...]]:
    return [(c.key, *row(t)) for c in doc.clauses for t in c.targets if t.kind == kind]


def test_municipal_plan_has_exactly_these_16_targets(seeds: dict[str, Document]) -> None:
    assert listed(seeds[CQ], "target") == CHONGQING
    assert len(CHONGQING) == 16
    assert listed(seeds[CQ], "condition") == [("三、/（八）", "叉车", 3, "吨", "<=", None)]
    assert listed(seeds[CQ], "categorical") == []


def test_yongchuan_plan_has_exactly_these_35_targets(seeds: dict[str, Document]) -> None:
    assert listed(seeds[YC], "target") == YONGCHUAN
    assert len(YONGCHUAN) == 35
    assert listed(seeds[YC], "condition") == YONGCHUAN_CONDITIONS
    assert listed(seeds[YC], "categorical") == [("三、/（七）/2.", "大陆溪湾凼国控考核断面水质", "Ⅳ类", None, "=", 2025)]


@pytest.mark.parametrize("doc_id", sorted(OTHER_SEEDS))
def test_other_seeds_targets(seeds: dict[str, Document], doc_id: str) -> None:
    assert listed(seeds[doc_id], "target") == OTHER_SEEDS[doc_id]


def test_parse_json_has_targets_in_every_clause() -> None:
    result = runner.invoke(app, ["parse", str(RAW / f"{CQ}.txt")])
    assert (result.exit_code, result.stderr) == (0, "")
    clauses = json.loads(result.stdout)["clauses"]
    assert all(isinstance(c["targets"], list) for c in clauses)
    [forest] = [c for c in clauses if c["path"] == ["三、", "（十一）"]]
    assert forest["targets"][0] == {
        "indicator": "森林蓄积量", "value": 280000000, "value_text": "2.8亿立方米", "unit": "立方米", "comparator": ">=",
        "direction": None, "year": 2025, "kind": "target", "period": None, "baseline_year": None, "modality": None,
        "value_max": None, "span": forest["targets"][0]["span"],
        "text": "到2025年，全市森林蓄积量不低于2.8亿立方米，森林覆盖率提高至57%以上，城市建成区绿化覆盖率保持在43%以上，不断提升生态系统碳汇与净化功能",
        "value_span": forest["targets"][0]["value_span"], "scope": None, "basis": "level", "measure": "absolute",
    }


# ------------------------------------------------------------------ jianwu targets


def test_targets_json_is_one_row_per_target_across_documents() -> None:
    result = runner.invoke(app, ["targets", str(RAW), "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    rows = json.loads(result.stdout)
    by_doc = {d: sum(1 for r in rows if r["doc"] == d) for d in SEED_IDS}
    assert by_doc == {CQ: 16, SPB: 6, GX: 18, ZY: 5, YC: 36}  # Yongchuan: 35 targets + 1 categorical
    assert {r["kind"] for r in rows} == {"target", "categorical"}
    first = rows[0]
    assert (first["doc"], first["clause_path"], first["line"], first["indicator"], first["value"]) == (
        CQ, ["二、", "（五）"], 31, "非化石能源消费比重", 25)


def test_include_conditions_and_year_filter() -> None:
    result = runner.invoke(app, ["targets", str(RAW / f"{YC}.txt"), "--format", "json", "--include-conditions"])
    assert result.exit_code == 0
    assert sum(1 for r in json.loads(result.stdout) if r["kind"] == "condition") == 7
    result = runner.invoke(app, ["targets", *(str(ROOT / p) for p in SEED_PATHS), "--format", "json", "--year", "2023"])
    assert [(r["doc"], r["indicator"], r["value"], r["unit"]) for r in json.loads(result.stdout)] == [(ZY, "氢能公交车", 20, "辆")]
    assert '"value": 20,' in result.stdout  # whole numbers print as in `jianwu parse`, not 20.0


def test_targets_jsonl_and_csv() -> None:
    jsonl = runner.invoke(app, ["targets", str(RAW / f"{ZY}.txt"), "--format", "jsonl"])
    assert jsonl.exit_code == 0
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [(r["indicator"], r["value"], r["modality"]) for r in lines] == [
        ("单位地区生产总值二氧化碳排放", 17, None), ("天然气消费量", 1350000, "预计"), ("煤炭消费总量", 5, None),
        ("氢能公交车", 20, None), ("城市建成区绿地率", 38, None)]
    table = runner.invoke(app, ["targets", str(RAW / f"{ZY}.txt"), "--format", "csv"])
    assert (table.exit_code, table.stderr) == (0, "")
    records = list(csv.DictReader(io.StringIO(table.stdout)))
    assert records[1] == {
        "doc": ZY, "clause_path": "二、/（五）", "line": "27", "kind": "target", "indicator": "天然气消费量", "comparator": "=",
        "value": "1350000", "value_max": "", "unit": "吨标准煤", "direction": "", "year": "2025", "period": "",
        "baseline_year": "", "modality": "预计", "value_text": "135万吨标准煤", "scope": "", "basis": "level", "measure": "absolute",
        "text": "到2025年，天然气消费量预计达到135万吨标准煤，煤炭消费总量下降5%左右",
        "span_start": records[1]["span_start"], "span_end": records[1]["span_end"],
        "value_start": records[1]["value_start"], "value_end": records[1]["value_end"],
    }


def test_targets_table() -> None:
    result = runner.invoke(app, ["targets", str(RAW / f"{CQ}.txt")])
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "16 targets"
    assert any("森林蓄积量" in line and "≥" in line and "280000000" in line and "立方米" in line for line in lines)
    assert not any("叉车" in line for line in lines)


def test_targets_output_is_deterministic() -> None:
    first = runner.invoke(app, ["targets", str(RAW), "--format", "json", "--include-conditions"])
    second = runner.invoke(app, ["targets", str(RAW), "--format", "json", "--include-conditions"])
    assert first.stdout == second.stdout


def test_targets_bad_input_is_one_line_and_exit_2(tmp_path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["targets", str(RAW / f"{ZY}.txt"), str(empty), "--format", "json"])
    assert result.exit_code == 2
    assert len(json.loads(result.stdout)) == 5  # the readable document is still listed
    assert result.stderr == f"jianwu: {empty}: empty file\n"
    missing = runner.invoke(app, ["targets", str(tmp_path / "nope.txt")])
    assert (missing.exit_code, missing.stdout) == (2, "")
    assert missing.stderr.count("\n") == 1 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr
    bad_year = runner.invoke(app, ["targets", str(RAW), "--year", "twenty"])
    assert bad_year.exit_code == 2 and "Traceback" not in bad_year.stderr
