"""Reading patterns of national and provincial plans (issue 11), one table per pattern.

The sentences are written for these tests in the shapes the plans use (numbers,
names and regions varied), each in a one-clause document.
"""

from __future__ import annotations

from typing import Any

import pytest

from jianwu import parse_document
from jianwu.model import Target


def targets_of(body: str) -> list[Target]:
    doc = parse_document(("某省实施方案\n一、主要目标\n" + body + "\n").encode(), doc_id="probe")
    return [t for c in doc.clauses for t in c.targets if t.kind != "condition"]


def num(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


# ------------------------------------------------------------------ regional sub-targets: scope


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，京津冀及周边地区、长三角地区煤炭消费量分别下降12%、6%左右。",
         [("京津冀及周边地区", "煤炭消费量", 12, "≈"), ("长三角地区", "煤炭消费量", 6, "≈")]),
        ("到2025年，汾渭平原、京津冀及周边地区细颗粒物浓度分别下降15%、10%以上。",
         [("汾渭平原", "细颗粒物浓度", 15, ">="), ("京津冀及周边地区", "细颗粒物浓度", 10, ">=")]),
        ("到2025年，长三角地区、珠三角地区细颗粒物浓度均下降8%。",
         [("长三角地区", "细颗粒物浓度", 8, "="), ("珠三角地区", "细颗粒物浓度", 8, "=")]),
        ("其中，成渝地区双城经济圈单位地区生产总值能耗下降14%。", [("成渝地区双城经济圈", "单位地区生产总值能耗", 14, "=")]),
        ("到2025年，河北省煤炭消费量下降10%。", [("河北省", "煤炭消费量", 10, "=")]),
        ("到2025年，北京大学实验室达到12个。", [(None, "北京大学实验室", 12, "=")]),  # a name, not a region
    ],
)
def test_regional_sub_targets_keep_the_indicator_and_take_the_region_as_scope(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.scope, t.indicator, num(t.value), t.comparator) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ lists sharing a head noun


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，化学需氧量、氨氮、氮氧化物、挥发性有机物等4项主要污染物重点工程减排量分别累计达到12.1万吨、0.7万吨、6.5万吨、2.9万吨。",
         [("化学需氧量重点工程减排量", 121000), ("氨氮重点工程减排量", 7000), ("氮氧化物重点工程减排量", 65000),
          ("挥发性有机物重点工程减排量", 29000)]),
        ("化学需氧量、氨氮等两项主要污染物重点工程减排量分别达到3.2万吨、1500吨。",
         [("化学需氧量重点工程减排量", 32000), ("氨氮重点工程减排量", 1500)]),
        ("氮氧化物和挥发性有机物重点工程减排量较2020年分别完成11万吨、8万吨。",
         [("氮氧化物重点工程减排量", 110000), ("挥发性有机物重点工程减排量", 80000)]),
        ("主要农作物化肥、农药利用率均达到43%。", [("主要农作物化肥利用率", 43), ("主要农作物农药利用率", 43)]),  # the sector for both
        ("到2025年，绿色防控、统防统治覆盖率分别达到55%、45%。", [("绿色防控覆盖率", 55), ("统防统治覆盖率", 45)]),
        # the things named before a shared attribute: the attribute is the head, not just its last word
        ("新建公共机构建筑、新建厂房屋顶光伏覆盖率力争达到50%。",
         [("新建公共机构建筑屋顶光伏覆盖率", 50), ("新建厂房屋顶光伏覆盖率", 50)]),
        ("到2025年，营运车辆、营运船舶单位换算周转量碳排放强度分别下降5%、3.5%。",
         [("营运车辆单位换算周转量碳排放强度", 5), ("营运船舶单位换算周转量碳排放强度", 3.5)]),
    ],
)
def test_a_list_shares_its_head_noun(body: str, expected: list[tuple[str, float]]) -> None:
    assert [(t.indicator, num(t.value)) for t in targets_of(body)] == expected


def test_the_count_closing_a_list_is_not_a_target() -> None:
    found = targets_of("到2025年，二氧化硫、氮氧化物、化学需氧量等3项主要污染物排放总量分别下降8%、10%、9%。")
    assert [t.value_text for t in found] == ["8%", "10%", "9%"]
    assert [t.indicator for t in found] == ["二氧化硫排放总量", "氮氧化物排放总量", "化学需氧量排放总量"]


def test_a_count_of_named_examples_stays_a_target() -> None:
    # nothing follows the count: 等5个 counts the bases to build
    [t] = targets_of("到2025年，建设甲市、乙市、丙市等5个大宗固废综合利用基地。")
    assert (t.value_text, t.unit) == ("5个", "个")


# ------------------------------------------------------------------ a shared denominator or head over a 分别 list


def full(t: Target) -> tuple[Any, ...]:
    return (t.indicator, num(t.value), t.unit, t.comparator, t.direction, t.year, t.baseline_year)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the per-unit denominator of the first item is written once for the flows after it
        ("到2025年，单位地区生产总值能耗和二氧化碳排放分别比2020年下降13.5%、18%。",
         [("单位地区生产总值能耗", 13.5, "%", "=", "down", 2025, 2020), ("单位地区生产总值二氧化碳排放", 18, "%", "=", "down", 2025, 2020)]),
        ("到2025年，单位地区生产总值能耗、二氧化碳排放分别比2020年下降13.5%、18%。",
         [("单位地区生产总值能耗", 13.5, "%", "=", "down", 2025, 2020), ("单位地区生产总值二氧化碳排放", 18, "%", "=", "down", 2025, 2020)]),
        ("到2025年，单位国内生产总值能源消耗和二氧化碳排放分别下降13.5%和18%。",
         [("单位国内生产总值能源消耗", 13.5, "%", "=", "down", 2025, None), ("单位国内生产总值二氧化碳排放", 18, "%", "=", "down", 2025, None)]),
        ("到2025年，全省单位GDP能耗、水耗、用水量分别下降14%、16%、15%。",
         [("单位GDP能耗", 14, "%", "=", "down", 2025, None), ("单位GDP水耗", 16, "%", "=", "down", 2025, None),
          ("单位GDP用水量", 15, "%", "=", "down", 2025, None)]),
        ("到2025年，规模以上工业单位增加值能耗和用水量分别下降13.5%、15%以上。",
         [("规模以上工业单位增加值能耗", 13.5, "%", ">=", "down", 2025, None), ("规模以上工业单位增加值用水量", 15, "%", ">=", "down", 2025, None)]),
        ("到2025年，单位地区生产总值能耗和二氧化碳排放均下降15%。",
         [("单位地区生产总值能耗", 15, "%", "=", "down", 2025, None), ("单位地区生产总值二氧化碳排放", 15, "%", "=", "down", 2025, None)]),
        # an item with a denominator of its own, or one that is no bare flow, keeps its wording
        ("到2025年，万元GDP用水量、万元工业增加值用水量分别下降16%、15%。",
         [("万元GDP用水量", 16, "%", "=", "down", 2025, None), ("万元工业增加值用水量", 15, "%", "=", "down", 2025, None)]),
        ("到2025年，单位地区生产总值能耗和碳排放强度分别下降14%、18%。",
         [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, None), ("碳排放强度", 18, "%", "=", "down", 2025, None)]),
        ("到2025年，人均公园绿地面积和城市绿道长度分别达到15平方米、500公里。",
         [("人均公园绿地面积", 15, "平方米", "=", None, 2025, None), ("城市绿道长度", 500, "公里", "=", None, 2025, None)]),
        # the capacity head of the last item is written once for the sources before it
        ("到2025年，风电、光伏装机容量分别达到640万千瓦、2750万千瓦。",
         [("风电装机容量", 6400000, "千瓦", "=", None, 2025, None), ("光伏装机容量", 27500000, "千瓦", "=", None, 2025, None)]),
        ("到2025年，光伏发电、风电装机规模分别达到3250万千瓦、1750万千瓦。",
         [("光伏发电装机规模", 32500000, "千瓦", "=", None, 2025, None), ("风电装机规模", 17500000, "千瓦", "=", None, 2025, None)]),
        ("到2025年，风电和光伏发电装机容量分别达到500万千瓦、1000万千瓦以上。",
         [("风电装机容量", 5000000, "千瓦", ">=", None, 2025, None), ("光伏发电装机容量", 10000000, "千瓦", ">=", None, 2025, None)]),
        ("其中风电、光伏、生物质发电装机分别达到300万千瓦、500万千瓦、50万千瓦。",
         [("风电装机", 3000000, "千瓦", "=", None, None, None), ("光伏装机", 5000000, "千瓦", "=", None, None, None),
          ("生物质发电装机", 500000, "千瓦", "=", None, None, None)]),
        ("到2025年，风电、光伏发电量分别达到100亿千瓦时、80亿千瓦时。",
         [("风电发电量", 10000000000, "千瓦时", "=", None, 2025, None), ("光伏发电量", 8000000000, "千瓦时", "=", None, 2025, None)]),
    ],
)
def test_a_shared_denominator_or_head_goes_to_every_item(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [full(t) for t in targets_of(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bare flow changed by a share, after a per-unit target of its sentence, is per the same unit (and
        # measured from the same base year)
        ("到2025年，单位地区生产总值能耗较2020年下降14.5%、二氧化碳排放下降19.5%。",
         [("单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, 2020), ("单位地区生产总值二氧化碳排放", 19.5, "%", "=", "down", 2025, 2020)]),
        ("到2025年，单位GDP能耗比2020年下降14.5%，二氧化碳排放下降19.5%。",
         [("单位GDP能耗", 14.5, "%", "=", "down", 2025, 2020), ("单位GDP二氧化碳排放", 19.5, "%", "=", "down", 2025, 2020)]),
        # a total has its own unit; another sentence, or a target that is no per-unit one, lends nothing
        ("到2025年，单位地区生产总值能耗下降14.5%，用水量控制在10亿立方米以内。",
         [("单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, None), ("用水量", 1000000000, "立方米", "<=", None, 2025, None)]),
        ("到2025年，全省单位地区生产总值能源消耗比2020年下降15%，煤炭消费量下降12%左右。",
         [("单位地区生产总值能源消耗", 15, "%", "=", "down", 2025, 2020), ("煤炭消费量", 12, "%", "≈", "down", 2025, 2020)]),
        ("到2025年，单位地区生产总值能耗和煤炭消费量分别下降14%、10%。",
         [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, None), ("煤炭消费量", 10, "%", "=", "down", 2025, None)]),
        ("到2025年，单位地区生产总值能耗下降14.5%。二氧化碳排放下降19.5%。",
         [("单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, None), ("二氧化碳排放", 19.5, "%", "=", "down", 2025, None)]),
        ("到2025年，森林覆盖率达到60%，二氧化碳排放下降19.5%。",
         [("森林覆盖率", 60, "%", "=", None, 2025, None), ("二氧化碳排放", 19.5, "%", "=", "down", 2025, None)]),
    ],
)
def test_a_flow_after_a_per_unit_target_shares_its_denominator(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [full(t) for t in targets_of(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a value without a subject after a 、 is the same indicator's, as after a ，
        ("光伏装机容量2025年达到100万千瓦、2030年达到200万千瓦。",
         [("光伏装机容量", 1000000, "千瓦", "=", None, 2025, None), ("光伏装机容量", 2000000, "千瓦", "=", None, 2030, None)]),
        ("光伏装机容量2025年达到100万千瓦，2030年达到200万千瓦。",
         [("光伏装机容量", 1000000, "千瓦", "=", None, 2025, None), ("光伏装机容量", 2000000, "千瓦", "=", None, 2030, None)]),
        ("森林覆盖率2025年达到58%以上、2030年达到60%以上。",
         [("森林覆盖率", 58, "%", ">=", None, 2025, None), ("森林覆盖率", 60, "%", ">=", None, 2030, None)]),
        ("到2025年，单位地区生产总值能耗比2020年下降14%、力争下降14.5%。",
         [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, 2020), ("单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, 2020)]),
    ],
)
def test_a_value_without_subject_in_the_same_segment(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [full(t) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ baselines: the end of a plan period, 年底; 占比 is no 比


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # “十三五”末 is 2020, the base of the change; the deadline stays the sentence's own
        ("到2025年，单位地区生产总值能耗较“十三五”末下降14%。", [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, 2020)]),
        ("到2025年，单位地区生产总值能耗比“十三五”期末下降14%。", [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, 2020)]),
        ("与“十三五”末相比，单位地区生产总值二氧化碳排放下降18%。",
         [("单位地区生产总值二氧化碳排放", 18, "%", "=", "down", None, 2020)]),
        ("到2035年，单位地区生产总值能耗较“十四五”末下降10%。", [("单位地区生产总值能耗", 10, "%", "=", "down", 2035, 2025)]),
        ("到2025年，单位地区生产总值能耗比2020年底下降14%。", [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, 2020)]),
        # a period that is no base is still the deadline
        ("“十四五”末，森林覆盖率达到60%。", [("森林覆盖率", 60, "%", "=", None, 2025, None)]),
        # the 比 of 占比 compares nothing: the year after it is the deadline
        ("新能源公交车占比2024年底前达到90%以上。", [("新能源公交车占比", 90, "%", ">=", None, 2024, None)]),
        ("新能源公交车占比2024年达到90%以上。", [("新能源公交车占比", 90, "%", ">=", None, 2024, None)]),
        ("到2025年，新能源汽车占比比2020年提高10个百分点。", [("新能源汽车占比", 10, "个百分点", "=", "up", 2025, 2020)]),
        # a change with no base of its own is measured from the base of the change before it in its sentence
        ("到2025年，全省VOCs排放总量较2020年削减10%以上，氮氧化物排放总量削减10%以上。",
         [("VOCs排放总量", 10, "%", ">=", "down", 2025, 2020), ("氮氧化物排放总量", 10, "%", ">=", "down", 2025, 2020)]),
        ("到2030年，单位地区生产总值二氧化碳排放比2005年下降65%以上，单位地区生产总值能耗下降20%，新能源占比提高5个百分点。",
         [("单位地区生产总值二氧化碳排放", 65, "%", ">=", "down", 2030, 2005), ("单位地区生产总值能耗", 20, "%", "=", "down", 2030, 2005),
          ("新能源占比", 5, "个百分点", "=", "up", 2030, 2005)]),
        # not a change before its base, a level, a total added, or a change of another sentence
        ("到2025年，单位地区生产总值能耗下降14%，二氧化碳排放比2020年下降18%。",
         [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, None), ("单位地区生产总值二氧化碳排放", 18, "%", "=", "down", 2025, 2020)]),
        ("到2025年，能耗比2020年下降14%，森林覆盖率达到60%，新增光伏装机500万千瓦。",
         [("能耗", 14, "%", "=", "down", 2025, 2020), ("森林覆盖率", 60, "%", "=", None, 2025, None), ("光伏装机", 5000000, "千瓦", "=", "up", 2025, None)]),
        ("到2025年，能耗比2020年下降14%。二氧化碳排放下降18%。",
         [("能耗", 14, "%", "=", "down", 2025, 2020), ("二氧化碳排放", 18, "%", "=", "down", 2025, None)]),
    ],
)
def test_baselines_and_deadlines(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [full(t) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ a change from a base value to the target


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the base value (and its year) is what was: the target is the value after the verb
        ("到2025年，非化石能源消费比重由2020年的15.9%提高到20%。", [("非化石能源消费比重", 20, "%", "=", "up", 2025, 2020)]),
        ("到2025年，非化石能源消费比重从2020年的15.9%提高到20%以上。", [("非化石能源消费比重", 20, "%", ">=", "up", 2025, 2020)]),
        ("到2025年，煤炭消费比重由2020年的60%下降至52%左右。", [("煤炭消费比重", 52, "%", "≈", "down", 2025, 2020)]),
        ("到2025年，煤炭消费比重由60%降低到52%。", [("煤炭消费比重", 52, "%", "=", "down", 2025, None)]),
        ("非化石能源消费比重由2020年的15.9%提高到2025年的20%。", [("非化石能源消费比重", 20, "%", "=", "up", 2025, 2020)]),
        ("森林覆盖率由“十三五”末的55%提高到58%。", [("森林覆盖率", 58, "%", "=", "up", None, 2020)]),
        ("到2025年，新能源汽车保有量由2020年的5万辆增加到20万辆，森林覆盖率达到60%。",
         [("新能源汽车保有量", 200000, "辆", "=", "up", 2025, 2020), ("森林覆盖率", 60, "%", "=", None, 2025, None)]),
        # 目前 dates the base value: the target is still a target
        ("力争到2025年，城市生活垃圾回收利用率由目前的30%提升至35%。", [("城市生活垃圾回收利用率", 35, "%", "=", "up", 2025, None)]),
        # no base value: unchanged
        ("到2025年，森林覆盖率提高到58%。", [("森林覆盖率", 58, "%", "=", "up", 2025, None)]),
    ],
)
def test_a_change_from_a_base_value(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [full(t) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ one combined total is one target


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2030年，风电、太阳能发电总装机容量达到8亿千瓦以上。", [("风电、太阳能发电总装机容量", 800000000, ">=", "absolute")]),
        ("到2025年，水电、风电、光伏发电合计装机规模达到6000万千瓦。", [("水电、风电、光伏发电合计装机规模", 60000000, "=", "absolute")]),
        ("到2030年，当年新增新能源、清洁能源动力的交通工具比例达到35%左右。",
         [("新增新能源、清洁能源动力的交通工具比例", 35, "≈", "rate")]),
    ],
)
def test_one_combined_total_is_one_target(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.comparator, t.measure) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ basis


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，单位地区生产总值能耗累计下降13%，“十四五”期间年均下降2.7%。",
         [("单位地区生产总值能耗", 13, "cumulative"), ("单位地区生产总值能耗", 2.7, "annual")]),
        ("到2025年，单位地区生产总值二氧化碳排放比2020年下降19%。", [("单位地区生产总值二氧化碳排放", 19, "cumulative")]),
        ("到2025年，森林覆盖率提高至58%。", [("森林覆盖率", 58, "level")]),
        ("到2025年，煤炭消费比重下降至55%左右。", [("煤炭消费比重", 55, "level")]),
        ("到2025年，非化石能源消费比重达到22%。", [("非化石能源消费比重", 22, "level")]),
        ("邮政快递网点塑料袋使用比例每年下降15%。", [("邮政快递网点塑料袋使用比例", 15, "annual")]),
        ("“十四五”期间，新增城市绿地1200公顷。", [("城市绿地", 1200, "cumulative")]),
    ],
)
def test_basis(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.basis) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ indicators without verbs or padding, with their subject


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("“十四五”期间，遴选150家公共机构能效领跑者。", ["公共机构能效领跑者"]),
        ("到2025年，评选80个绿色低碳示范社区。", ["绿色低碳示范社区"]),
        ("新增和改造污水收集管网6万公里。", ["污水收集管网"]),
        ("新建及改造供热管网1200公里。", ["供热管网"]),
        ("到2025年，大宗固废年利用量达到40亿吨左右；到2030年，年利用量达到45亿吨左右。", ["大宗固废年利用量", "大宗固废年利用量"]),
        ("到2025年，城市生活污水集中处理率达到97%，收集率提高5个百分点。", ["城市生活污水集中处理率", "城市生活污水集中收集率"]),
        ("邮政快递网点塑料袋使用比例每年下降15%。", ["邮政快递网点塑料袋使用比例"]),
    ],
)
def test_indicator_without_verbs_or_padding(body: str, expected: list[str]) -> None:
    assert [t.indicator for t in targets_of(body)] == expected


# ------------------------------------------------------------------ units


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，单位GDP能耗和二氧化碳排放分别降低18个、9个百分点。",
         [("单位GDP能耗", 18, "个百分点", "18个"), ("单位GDP二氧化碳排放", 9, "个百分点", "9个百分点")]),
        ("到2025年，城市污水处理能力新增150万立方米 /日。", [("城市污水处理能力", 1500000, "立方米/日", "150万立方米 /日")]),
        ("到2025年，再生水利用能力达到30万立方米/ 日。", [("再生水利用能力", 300000, "立方米/日", "30万立方米/ 日")]),
    ],
)
def test_units(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.unit, t.value_text) for t in targets_of(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a compound unit is read whole, per unit of output: a rate
        ("到2025年，煤电机组平均供电煤耗降至300克标准煤/千瓦时以下。",
         [("煤电机组平均供电煤耗", 300, "克标准煤/千瓦时", "<=", "down", "rate", "target")]),
        ("到2025年，吨钢综合能耗降至540千克标准煤/吨。", [("吨钢综合能耗", 540, "千克标准煤/吨", "=", "down", "rate", "target")]),
        ("城市降尘量不高于5吨/平方公里·月。", [("城市降尘量", 5, "吨/平方公里·月", "<=", None, "rate", "target")]),
        ("城市降尘量控制在5吨/（平方公里·月）以内。", [("城市降尘量", 5, "吨/平方公里·月", "<=", None, "rate", "target")]),
        ("到2025年，吨钢电耗降至450千瓦时/吨以下。", [("吨钢电耗", 450, "千瓦时/吨", "<=", "down", "rate", "target")]),
        # the shorter units they start with are still read as before
        ("工业园区基本淘汰35蒸吨/小时以下燃煤锅炉。", [("燃煤锅炉", 35, "蒸吨/小时", "<=", None, "absolute", "condition")]),
        ("到2025年，单位工业增加值能耗降至0.5吨标准煤/万元。", [("单位工业增加值能耗", 0.5, "吨标准煤/万元", "=", "down", "rate", "target")]),
        ("到2025年，年综合利用量达到100万吨。", [("年综合利用量", 1000000, "吨", "=", None, "absolute", "target")]),
    ],
)
def test_compound_units(body: str, expected: list[tuple[Any, ...]]) -> None:
    doc = parse_document(("某省实施方案\n一、主要目标\n" + body + "\n").encode(), doc_id="probe")
    found = [t for c in doc.clauses for t in c.targets]
    assert [(t.indicator, num(t.value), t.unit, t.comparator, t.direction, t.measure, t.kind) for t in found] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a coefficient or index needs no unit: the unit is ""
        ("到2025年，数据中心电能利用效率（PUE）降至1.3以下。", [("数据中心电能利用效率（PUE）", 1.3, "", "<=", "down", 2025)]),
        ("到2025年，农田灌溉水有效利用系数提高到0.58。", [("农田灌溉水有效利用系数", 0.58, "", "=", "up", 2025)]),
        ("到2025年，农田灌溉水有效利用系数达到0.58以上，森林覆盖率达到60%。",
         [("农田灌溉水有效利用系数", 0.58, "", ">=", None, 2025), ("森林覆盖率", 60, "%", "=", None, 2025)]),
        ("到2025年，农田灌溉水有效利用系数由2020年的0.55提高到0.58。", [("农田灌溉水有效利用系数", 0.58, "", "=", "up", 2025)]),
        ("新建大型数据中心PUE值不高于1.25。", [("新建大型数据中心PUE值", 1.25, "", "<=", None, None)]),
        ("到2025年，生态环境状况指数（EI）保持在60以上。", [("生态环境状况指数（EI）", 60, "", ">=", None, 2025)]),
        # a unit, a year, a class or no number after the head: as before
        ("到2025年，空气质量综合指数下降5%。", [("空气质量综合指数", 5, "%", "=", "down", 2025)]),
        ("到2025年，生态质量指数达到2级。", []),
        ("到2025年，农田灌溉水有效利用系数达到全国平均水平。", []),
        ("系数为2021年版，指数按2020年计。", []),
    ],
)
def test_unitless_values_of_a_coefficient_or_index(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.unit, t.comparator, t.direction, t.year) for t in targets_of(body)] == expected


@pytest.mark.parametrize(
    ("body", "measure"),
    [
        ("到2025年，森林覆盖率达到60%。", "rate"),
        ("到2025年，PM2.5年平均浓度不超过30微克/立方米。", "rate"),
        ("到2025年，城市人均公园绿地面积达到15平方米。", "rate"),
        ("新增和改造污水收集管网6万公里。", "absolute"),
        ("到2025年，建成充电桩5万台。", "absolute"),
    ],
)
def test_measure(body: str, measure: str) -> None:
    assert [t.measure for t in targets_of(body)] == [measure]


# ------------------------------------------------------------------ kinds: price rules, share targets


@pytest.mark.parametrize(
    "body",
    [
        "对高耗能企业用电价格不受上浮20%限制。",
        "高耗能行业电价上浮不超过10%。",
        "燃煤发电市场交易价格浮动范围扩大为上下浮动原则上均不超过20%。",
    ],
)
def test_price_rules_are_not_targets(body: str) -> None:
    assert targets_of(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "对符合条件的项目按照投资额的10%给予补助，最高不超过500万元。",
        "单个项目最高补助200万元。",
        "省财政安排专项资金5亿元。",
        "中央财政安排资金100亿元。",
        "省财政每年安排5亿元支持节能改造。",
        "对获评国家级绿色工厂的企业给予50万元奖励。",
        "补助比例不超过项目总投资的30%。",
        "对新建超低能耗建筑给予30%的贴息。",
        "统筹整合涉农资金20亿元用于农村人居环境整治。",
        "各级财政下达奖补资金3亿元。",
    ],
)
def test_grants_are_not_targets(body: str) -> None:
    assert targets_of(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，绿色信贷余额达到5000亿元。", [("绿色信贷余额", 500000000000, "元")]),
        ("到2025年，环保产业营业收入达到1000亿元。", [("环保产业营业收入", 100000000000, "元")]),
        ("到2025年，一般公共预算收入达到500亿元。", [("一般公共预算收入", 50000000000, "元")]),
        ("到2025年，完成省下达的节能环保投资任务100亿元。", [("省下达的节能环保投资任务", 10000000000, "元")]),
        ("到2025年，节能环保产业产值达到2000亿元，完成投资300亿元。", [("节能环保产业产值", 200000000000, "元"), ("投资", 30000000000, "元")]),
        # a grant word inside an indicator of a share is no grant
        ("到2025年，农机购置补贴资金使用率达到95%以上。", [("农机购置补贴资金使用率", 95, "%")]),
    ],
)
def test_money_targets_stay_targets(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.unit) for t in targets_of(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，90%的省级、85%的市级和65%的县级党政机关达到创建标准。",
         [("省级党政机关", "党政机关达到创建标准", 90, "="), ("市级党政机关", "党政机关达到创建标准", 85, "="),
          ("县级党政机关", "党政机关达到创建标准", 65, "=")]),
        ("力争75%以上县级及以上党政机关建成节约型机关。", [("县级及以上党政机关", "党政机关建成节约型机关", 75, ">=")]),
        ("到2025年，80%以上的公共机构开展生活垃圾分类。", [(None, "公共机构开展生活垃圾分类", 80, ">=")]),
    ],
)
def test_shares_of_a_group_are_targets(body: str, expected: list[tuple[Any, ...]]) -> None:
    found = targets_of(body)
    assert [(t.scope, t.indicator, num(t.value), t.comparator) for t in found] == expected
    assert {(t.kind, t.measure) for t in found} == {("target", "rate")}


def test_a_share_keeps_its_modality() -> None:
    [t] = targets_of("力争75%以上县级及以上党政机关建成节约型机关。")
    assert t.modality == "力争"


# ------------------------------------------------------------------ 分别 over years


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("2025年和2030年，非化石能源消费占比分别提升至12%、18%以上。", [(2025, 12, ">="), (2030, 18, ">=")]),
        ("到2025年、2030年，新能源汽车新车销售占比分别达到20%、40%左右。", [(2025, 20, "≈"), (2030, 40, "≈")]),
    ],
)
def test_respectively_over_years(body: str, expected: list[tuple[Any, ...]]) -> None:
    found = targets_of(body)
    assert [(t.year, num(t.value), t.comparator) for t in found] == expected
    assert len({t.indicator for t in found}) == 1


# ------------------------------------------------------------------ counts: named examples, references, sums


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the count after named examples counts the noun that follows
        ("到2025年，完成甲港、乙港、丙港等5个国家资源综合利用基地建设。", [("国家资源综合利用基地", 5, "个")]),
        ("持续推进甲县、乙县、丙县等市县6座生活垃圾焚烧处理设施改造工程。", [("生活垃圾焚烧处理设施改造工程", 6, "座")]),
        ("甲钢铁集团等8条铁路专用线力争2022年底前建成投用。", [("铁路专用线", 8, "条")]),
        # a count after a preposition refers to things, it commits to nothing
        ("按照省委、省政府对16个州（市）的发展定位，统筹推进。", []),
        ("围绕城市体检8个方面的具体指标，构建指标体系。", []),
        # verbs before a count go: 加快, 完善, 推动
        ("加快25个智慧物流园区建设。", [("智慧物流园区", 25, "个")]),
        ("完善1000个垃圾分类和资源化利用示范村。", [("垃圾分类和资源化利用示范村", 1000, "个")]),
        ("推动12个红松绿色产业基地建设。", [("红松绿色产业基地", 12, "个")]),
        # one absolute quantity for a list without 分别/均 is their sum
        ("到2025年，绿色食品、有机农产品和地理标志农产品认证产品达到2450个。",
         [("绿色食品、有机农产品和地理标志农产品认证产品", 2450, "个")]),
        # … while with 均 each item gets it
        ("到2025年，甲县、乙县污水处理厂均达到3座。", [("污水处理厂", 3, "座"), ("污水处理厂", 3, "座")]),  # scopes 甲县, 乙县
    ],
)
def test_counts(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.unit) for t in targets_of(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("全省耕地质量平均提升0.5个等级。", [("耕地质量", 0.5, "等级", "rate")]),
        ("到2025年，管道分输能力达到1.5亿方/日。", [("管道分输能力", 150000000, "立方米/日", "absolute")]),
        ("2021年，压减地下水超采量1亿立方米以上。", [("地下水超采量", 100000000, "立方米", "absolute")]),
    ],
)
def test_more_units(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.indicator, num(t.value), t.unit, t.measure) for t in targets_of(body)] == expected


def test_a_deadline_written_after_the_value_in_its_segment() -> None:
    found = targets_of("甲集团等6条铁路专用线力争2021年底前建成投用，乙公司等5条铁路专用线力争2022年建成投用。")
    assert [(t.indicator, num(t.value), t.year) for t in found] == [("铁路专用线", 6, 2021), ("铁路专用线", 5, 2022)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the list before 分别/均 names who; the verb after it acts on the indicator
        ("甲市、乙市分别新增公共充电桩2000个、1500个。", [("甲市", "公共充电桩", 2000, "cumulative"), ("乙市", "公共充电桩", 1500, "cumulative")]),
        ("京津冀及周边地区、汾渭平原均削减煤炭消费量10%。",
         [("京津冀及周边地区", "煤炭消费量", 10, "cumulative"), ("汾渭平原", "煤炭消费量", 10, "cumulative")]),
        ("甲县和乙县分别建成污水处理厂3座、2座。", [("甲县", "污水处理厂", 3, "level"), ("乙县", "污水处理厂", 2, "level")]),
        # a leading 分别新增 and an inner 原则上 are padding
        ("到2025年，分别新增公共充电桩2000个、换电站50座。", [(None, "公共充电桩", 2000, "cumulative"), (None, "换电站", 50, "cumulative")]),
        ("公共机构原则上新建建筑光伏覆盖率达到50%。", [(None, "公共机构新建建筑光伏覆盖率", 50, "level")]),
    ],
)
def test_who_then_respectively_then_the_action(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [(t.scope, t.indicator, num(t.value), t.basis) for t in targets_of(body)] == expected


# ------------------------------------------------------------------ shares and changes written in words

ROW = ("indicator", "value", "value_max", "unit", "comparator", "direction", "year", "baseline_year", "value_text", "basis")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("到2025年，全市单位地区生产总值能耗比2020年下降百分之十四点五。",
         [("单位地区生产总值能耗", 14.5, None, "%", "=", "down", 2025, 2020, "百分之十四点五", "cumulative")]),
        ("到2025年，煤炭消费量减少百分之十。", [("煤炭消费量", 10, None, "%", "=", "down", 2025, None, "百分之十", "cumulative")]),
        ("到2025年，非化石能源消费比重提高到百分之二十五以上。",
         [("非化石能源消费比重", 25, None, "%", ">=", "up", 2025, None, "百分之二十五", "level")]),
        ("到2025年，可再生能源占比百分之三十左右。", [("可再生能源占比", 30, None, "%", "≈", None, 2025, None, "百分之三十", "level")]),
        ("到2025年，城镇污水处理率达到百分之百。", [("城镇污水处理率", 100, None, "%", "=", None, 2025, None, "百分之百", "level")]),
        ("到2025年，比重提高到百分之三至百分之五。", [("比重", 3, 5, "%", "range", "up", 2025, None, "百分之三至百分之五", "level")]),
        ("到2025年，工业用水重复利用率提高千分之五。", [("工业用水重复利用率", 5, None, "‰", "=", "up", 2025, None, "千分之五", "cumulative")]),
        # a fraction: a share in %, rounded to two places; written as the plan wrote it
        ("到2025年，绿色建筑占比达到三分之一左右。", [("绿色建筑占比", 33.33, None, "%", "≈", None, 2025, None, "三分之一", "level")]),
        ("到2025年，能耗降低四分之一。", [("能耗", 25, None, "%", "=", "down", 2025, None, "四分之一", "cumulative")]),
        # tenths
        ("到2025年，清洁能源公交车占比达到五成以上。", [("清洁能源公交车占比", 50, None, "%", ">=", None, 2025, None, "五成", "level")]),
        ("到2025年，回收率达到七至八成。", [("回收率", 70, 80, "%", "range", None, 2025, None, "七至八成", "level")]),
        # multiples: 增长1倍 is 1 倍 up, and so are 增长一倍 and 翻一番 (翻两番: ×4, up 3 倍)
        ("到2025年，新能源汽车保有量增长一倍以上。", [("新能源汽车保有量", 1, None, "倍", ">=", "up", 2025, None, "一倍", "cumulative")]),
        ("到2025年，地区生产总值比2020年翻一番。", [("地区生产总值", 1, None, "倍", "=", "up", 2025, 2020, "一番", "cumulative")]),
        ("到2035年，经济总量翻两番。", [("经济总量", 3, None, "倍", "=", "up", 2035, None, "两番", "cumulative")]),
        ("到2025年，非化石能源比重提高两个百分点。", [("非化石能源比重", 2, None, "个百分点", "=", "up", 2025, None, "两个百分点", "cumulative")]),
        # lines that do not change
        ("到2025年，建成两个示范园区，培育十家企业，新增五十个充电站。",
         [("示范园区", 2, None, "个", "=", None, 2025, None, "两个", "level"), ("企业", 10, None, "家", "=", None, 2025, None, "十家", "level"),
          ("充电站", 50, None, "个", "=", "up", 2025, None, "五十个", "cumulative")]),
        ("到2025年，占比达到3%—5%，提高2个百分点。",
         [("占比", 3, 5, "%", "range", None, 2025, None, "3%—5%", "level"), ("占比", 2, None, "个百分点", "=", "up", 2025, None, "2个百分点", "cumulative")]),
        ("到2025年，全市单位地区生产总值能耗比2020年下降14.5%。",
         [("单位地区生产总值能耗", 14.5, None, "%", "=", "down", 2025, 2020, "14.5%", "cumulative")]),
        ("推进“一带一路”建设，落实“三线一单”，坚决遏制“两高”项目，“十四五”期间，一是加强，二是推进。", []),
        ("坚持一成不变，发挥三成员单位作用，做好“百分之百”宣传。", []),
    ],
)
def test_shares_and_changes_written_in_words(body: str, expected: list[tuple[Any, ...]]) -> None:
    got = [tuple(num(getattr(t, name)) for name in ROW) for t in targets_of(body)]
    assert got == expected


# ------------------------------------------------------------------ audit of national and provincial plans (targ9)


def row(t: Target) -> tuple[Any, ...]:
    return (t.scope, t.indicator, num(t.value), t.unit, t.comparator, t.direction, t.year, t.baseline_year, t.basis)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a 分别 list whose values each have their own verb
        ("到2025年，PM2.5浓度和优良天数比率分别下降到33微克/立方米、提高到82%。",
         [(None, "PM2.5浓度", 33, "微克/立方米", "=", "down", 2025, None, "level"),
          (None, "优良天数比率", 82, "%", "=", "up", 2025, None, "level")]),
        ("到2025年，森林覆盖率、湿地保护率分别稳定在45%、提高到55%以上。",
         [(None, "森林覆盖率", 45, "%", "=", None, 2025, None, "level"),
          (None, "湿地保护率", 55, "%", ">=", "up", 2025, None, "level")]),
        # a multiple of a base year's value: the year is the baseline, not the deadline
        ("到2025年，新能源装机规模是2020年的两倍，光伏发电装机达到2020年的1.5倍，新能源发电量占比提高8个百分点。",
         [(None, "新能源装机规模", 2, "倍", "=", None, 2025, 2020, "level"),
          (None, "光伏发电装机", 1.5, "倍", "=", None, 2025, 2020, "level"),
          (None, "新能源发电量占比", 8, "个百分点", "=", "up", 2025, None, "cumulative")]),
        ("到2025年，生物质发电装机容量较2020年翻一番。",
         [(None, "生物质发电装机容量", 1, "倍", "=", "up", 2025, 2020, "cumulative")]),
        # … but the year after 提高到 is the deadline
        ("非化石能源消费比重由2020年的15.9%提高到2025年的20%。",
         [(None, "非化石能源消费比重", 20, "%", "=", "up", 2025, 2020, "level")]),
        # places listed before the indicator they share
        ("拉萨市、日喀则市、那曲市PM2.5浓度分别控制在18、15、10微克/立方米以下。",
         [("拉萨市", "PM2.5浓度", 18, "微克/立方米", "<=", None, None, None, "level"),
          ("日喀则市", "PM2.5浓度", 15, "微克/立方米", "<=", None, None, None, "level"),
          ("那曲市", "PM2.5浓度", 10, "微克/立方米", "<=", None, None, None, "level")]),
        ("到2025年，涪城区、游仙区、安州区单位地区生产总值能耗分别下降15%、14.5%、14%。",
         [("涪城区", "单位地区生产总值能耗", 15, "%", "=", "down", 2025, None, "cumulative"),
          ("游仙区", "单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, None, "cumulative"),
          ("安州区", "单位地区生产总值能耗", 14, "%", "=", "down", 2025, None, "cumulative")]),
        ("到2025年，长沙、株洲、湘潭三市城镇新建建筑中绿色建筑面积占比分别达到80%、75%、75%以上。",
         [("长沙", "城镇新建建筑中绿色建筑面积占比", 80, "%", ">=", None, 2025, None, "level"),
          ("株洲", "城镇新建建筑中绿色建筑面积占比", 75, "%", ">=", None, 2025, None, "level"),
          ("湘潭", "城镇新建建筑中绿色建筑面积占比", 75, "%", ">=", None, 2025, None, "level")]),
        # places only, after a target of the same sentence: its indicator, for each of them; 全州 is framing
        ("到2025年，全州延吉市、珲春市PM2.5年均浓度均控制在28微克/立方米以内，龙井市、图们市控制在25微克/立方米以内。",
         [("延吉市", "PM2.5年均浓度", 28, "微克/立方米", "<=", None, 2025, None, "level"),
          ("珲春市", "PM2.5年均浓度", 28, "微克/立方米", "<=", None, 2025, None, "level"),
          ("龙井市", "PM2.5年均浓度", 25, "微克/立方米", "<=", None, 2025, None, "level"),
          ("图们市", "PM2.5年均浓度", 25, "微克/立方米", "<=", None, 2025, None, "level")]),
        # a place alone after a target: the target's indicator there (not the object of a verb: 治理生态脆弱地区50万亩)
        ("到2025年，京津冀及周边地区、长三角地区PM2.5浓度分别下降10%、8%左右，汾渭平原下降10%以上。",
         [("京津冀及周边地区", "PM2.5浓度", 10, "%", "≈", "down", 2025, None, "cumulative"),
          ("长三角地区", "PM2.5浓度", 8, "%", "≈", "down", 2025, None, "cumulative"),
          ("汾渭平原", "PM2.5浓度", 10, "%", ">=", "down", 2025, None, "cumulative")]),
        # a sector written once before a list, a pollutant list's head after the last pollutant
        ("到2025年，钢铁行业颗粒物、二氧化硫、氮氧化物有组织排放浓度分别不高于10、35、50毫克/立方米。",
         [(None, "钢铁行业颗粒物有组织排放浓度", 10, "毫克/立方米", "<=", None, 2025, None, "level"),
          (None, "钢铁行业二氧化硫有组织排放浓度", 35, "毫克/立方米", "<=", None, 2025, None, "level"),
          (None, "钢铁行业氮氧化物有组织排放浓度", 50, "毫克/立方米", "<=", None, 2025, None, "level")]),
        ("到2025年，重点行业能耗、水耗分别下降5%、8%。",
         [(None, "重点行业能耗", 5, "%", "=", "down", 2025, None, "cumulative"),
          (None, "重点行业水耗", 8, "%", "=", "down", 2025, None, "cumulative")]),
        # the head a list shares: all that follows the sector (等行业) or the items' last word
        ("到2025年，钢铁、水泥、炼油等行业能耗强度分别下降3%、5%、4%以上。",
         [(None, "钢铁行业能耗强度", 3, "%", ">=", "down", 2025, None, "cumulative"),
          (None, "水泥行业能耗强度", 5, "%", ">=", "down", 2025, None, "cumulative"),
          (None, "炼油行业能耗强度", 4, "%", ">=", "down", 2025, None, "cumulative")]),
        ("到2025年，铁路、水路货运量占比提高2个百分点。",
         [(None, "铁路货运量占比", 2, "个百分点", "=", "up", 2025, None, "cumulative"),
          (None, "水路货运量占比", 2, "个百分点", "=", "up", 2025, None, "cumulative")]),
        # a class that names what a share counts is part of the share's indicator
        ("到2025年，省控断面达到或优于Ⅲ类水质比例达到95%。",
         [(None, "省控断面达到或优于Ⅲ类水质比例", 95, "%", "=", None, 2025, None, "level")]),
        # a measure inside the indicator's name
        ("到2025年，公园绿地500米服务半径覆盖率达到95%。",
         [(None, "公园绿地500米服务半径覆盖率", 95, "%", "=", None, 2025, None, "level")]),
        # 水平 after the value is no noun it scopes; 回升并 and 五年 are no part of the indicator
        ("到2025年，原油年产量回升并稳定在2亿吨水平，单位GDP能耗五年累计下降13.5%。",
         [(None, "原油年产量", 200000000, "吨", "=", None, 2025, None, "level"),
          (None, "单位GDP能耗", 13.5, "%", "=", "down", 2025, None, "cumulative")]),
        # a share of the previous indicator
        ("到2025年，煤炭消费总量控制在4300万吨左右，占一次能源消费比重下降到30%以下。",
         [(None, "煤炭消费总量", 43000000, "吨", "<=", None, 2025, None, "level"),
          (None, "煤炭消费总量占一次能源消费比重", 30, "%", "<=", "down", 2025, None, "level")]),
        # a box's item numbers are no part of the indicator; a count built after 建成 is a target
        ("（1）到2025年，新增绿色建筑面积5000万平方米以上；2.建成10个以上国家级绿色工业园区。",
         [(None, "绿色建筑面积", 50000000, "平方米", ">=", "up", 2025, None, "cumulative"),
          (None, "国家级绿色工业园区", 10, "个", ">=", None, 2025, None, "level")]),
        # a bare entity after a per-unit target of another entity is measured the same way, from the same base
        ("到2025年，营运车辆单位运输周转量能耗比2020年下降5%，营运船舶下降3.5%。",
         [(None, "营运车辆单位运输周转量能耗", 5, "%", "=", "down", 2025, 2020, "cumulative"),
          (None, "营运船舶单位运输周转量能耗", 3.5, "%", "=", "down", 2025, 2020, "cumulative")]),
        # units of refining
        ("到2025年，炼油行业单位能量因数能耗达到7千克标准油/（吨·能量因数）以下，乙烯行业能耗降至590千克标油/吨。",
         [(None, "炼油行业单位能量因数能耗", 7, "千克标准油/（吨·能量因数）", "<=", None, 2025, None, "level"),
          (None, "乙烯行业能耗", 590, "千克标准油/吨", "=", "down", 2025, None, "level")]),
        # an ordinal is no quantity; a count with no verb before it names what follows
        ("按照《某市人民政府关于推进转型升级的意见》第3条要求，推进企业搬迁。", []),
        ("到2025年，空气质量综合指数退出全国168个重点城市后十位，优良天数比率达到70%左右。",
         [(None, "优良天数比率", 70, "%", "≈", None, 2025, None, "level")]),
        # a segment ending in 中 names what a share after it counts among
        ("到2025年，大型工矿企业中长距离运输的煤炭和焦炭中，铁路运输比例力争达到90%。",
         [(None, "大型工矿企业中长距离运输的煤炭和焦炭中铁路运输比例", 90, "%", "=", None, 2025, None, "level")]),
        # a bare rate of change is the previous indicator's; a share of a reference after a bound
        ("到2025年，煤炭消费量控制在10050万吨左右，年均增速控制在2%以内。",
         [(None, "煤炭消费量", 100500000, "吨", "<=", None, 2025, None, "level"),
          (None, "煤炭消费量年均增速", 2, "%", "<=", None, 2025, None, "annual")]),
        ("到2025年，储能设施规模不低于装机容量的10%。",
         [(None, "储能设施规模占装机容量", 10, "%", ">=", None, 2025, None, "level")]),
        # a count right after a condition counts the condition's noun
        ("到2025年底前，全市淘汰35蒸吨/小时及以下燃煤锅炉200台。",
         [(None, "燃煤锅炉", 200, "台", "=", None, 2025, None, "level")]),
        # a second way to meet the target, after 或; a range 之间; a yearly amount
        ("到2025年，城市生活污水集中收集率力争达到70%以上或比2020年提高5个百分点以上。",
         [(None, "城市生活污水集中收集率", 70, "%", ">=", None, 2025, None, "level"),
          (None, "城市生活污水集中收集率", 5, "个百分点", ">=", "up", 2025, 2020, "cumulative")]),
        ("到2025年，全市空气质量优良天数比率保持在90%～95%之间。",
         [(None, "空气质量优良天数比率", 90, "%", "range", None, 2025, None, "level")]),
        ("“十四五”期间，全省完成节能量500万吨标准煤，年均节能量100万吨标准煤。",
         [(None, "节能量", 5000000, "吨标准煤", "=", None, 2025, None, "level"),
          (None, "年均节能量", 1000000, "吨标准煤", "=", None, 2025, None, "annual")]),
        # a penalty and a time limit are no targets
        ("对违法排污的企业，处10万元以上100万元以下的罚款。", []),
        ("生态环境部门应当在15个工作日内反馈结果。", []),
        # the cost of a project is no target (完成投资 would be)
        ("“十四五”期间，全市累计新增光伏装机200万千瓦，总投资约120亿元。",
         [(None, "光伏装机", 2000000, "千瓦", "=", "up", 2025, None, "cumulative")]),
        # what was done since a past year is no target
        ("2021年以来，全省累计完成节能改造项目320个，节约标准煤45万吨。", []),
        ("“十三五”以来，全市单位地区生产总值二氧化碳排放累计下降18.2%。", []),
    ],
)
def test_audit_of_national_and_provincial_sentences(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [row(t) for t in targets_of(body)] == expected


def test_values_of_years_before_the_document_are_results_not_targets() -> None:
    """A plan signed in 2022 reports 2020's state and the 十三五's results: no targets (a plan without a date
    keeps them: nothing tells them from targets)."""
    cover = "某市人民政府关于印发某市“十四五”生态环境保护规划的通知\n某府发〔2022〕3号\n各区县人民政府：\n现将规划印发给你们。\n某市人民政府\n2022年5月20日\n"
    body = ("某市“十四五”生态环境保护规划\n一、发展基础\n截至2020年底，全市森林覆盖率达到27.3%，建成国家级绿色工厂12家。"
            "2020年，全市PM2.5浓度为50微克/立方米，较2015年下降37.5%。\n二、主要目标\n到2025年，全市PM2.5浓度降至45微克/立方米以下。\n")
    for text, expected in ((cover + body, [("PM2.5浓度", 45, 2025)]),
                           (body, [("森林覆盖率", 27.3, 2020), ("国家级绿色工厂", 12, 2020), ("PM2.5浓度", 50, 2020),
                                   ("PM2.5浓度", 37.5, 2020), ("PM2.5浓度", 45, 2025)])):
        doc = parse_document(text.encode(), doc_id="probe")
        assert [(t.indicator, num(t.value), t.year) for c in doc.clauses for t in c.targets if t.kind == "target"] == expected


def test_the_lines_of_a_box_table_are_sentences_of_their_own() -> None:
    """专栏 rows exported as cells (tabs, spaces): each line ends its sentence, its row number is no part of the
    indicator, and the header never joins the first row."""
    body = ("专栏1 重大项目清单\n序号\t项目名称\t建设内容\t总投资（亿元）\t建设年限\n"
            "1\t长兴抽水蓄能电站\t装机容量120万千瓦\t80\t2022—2027\n2\t吴兴区光伏项目\t分布式光伏50万千瓦\t25\t2022—2025")
    assert [(t.indicator, num(t.value), t.unit) for t in targets_of(body)] == [
        ("长兴抽水蓄能电站 装机容量", 1200000, "千瓦"), ("吴兴区光伏项目 分布式光伏", 500000, "千瓦")]


def test_a_box_of_labelled_values() -> None:
    """——指标：值 lines of a 专栏: the label before the colon is the indicator."""
    body = ("专栏1 “十四五”能源发展主要目标\n——能源消费总量：控制在1.6亿吨标准煤左右。\n——非化石能源消费比重：16%以上。\n"
            "——单位GDP能耗：五年累计下降14%。\n①煤电装机：5000万千瓦；")
    assert [(t.indicator, num(t.value), t.unit, t.comparator, t.basis) for t in targets_of(body)] == [
        ("能源消费总量", 160000000, "吨标准煤", "<=", "level"), ("非化石能源消费比重", 16, "%", ">=", "level"),
        ("单位GDP能耗", 14, "%", "=", "cumulative"), ("煤电装机", 50000000, "千瓦", "=", "level")]


def test_place_last_characters_cover_the_region_table() -> None:
    """_is_place turns a subject down by its last character (PLACE_LAST) before the region pattern: every group
    region of the table ends with one of them."""
    from jianwu.regions import _table
    from jianwu.targets import PLACE_LAST

    regions, aliases = _table()
    spellings = {n for n in set(regions) | set(aliases) if regions.get(n) is None or regions[n].kind == "group"}
    assert {n[-1] for n in spellings} <= PLACE_LAST


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the deadline framing a sentence carries on, not a milestone written after one of its values
        ("到2025年，单位地区生产总值能耗下降13.5%，2030年非化石能源消费比重提高至25%。森林覆盖率达到62%。",
         [(None, "单位地区生产总值能耗", 13.5, "%", "=", "down", 2025, None, "cumulative"),
          (None, "非化石能源消费比重", 25, "%", "=", "up", 2030, None, "level"),
          (None, "森林覆盖率", 62, "%", "=", None, 2025, None, "level")]),
        ("到2030年，森林覆盖率达到65%。森林蓄积量达到2.3亿立方米。",
         [(None, "森林覆盖率", 65, "%", "=", None, 2030, None, "level"),
          (None, "森林蓄积量", 230000000, "立方米", "=", None, 2030, None, "level")]),
        # a range written whole at both ends
        ("到2025年，抽水蓄能装机规模达到360万千瓦—500万千瓦，新增处理能力1.5万—2万吨。",
         [(None, "抽水蓄能装机规模", 3600000, "千瓦", "range", None, 2025, None, "level"),
          (None, "处理能力", 15000, "吨", "range", "up", 2025, None, "cumulative")]),
        # 分别 without a subject: the indicators of the values before, in order
        ("到2025年，一般工业固体废物综合利用率达到60%、磷石膏综合利用率达到65%，2030年分别达到65%、70%。",
         [(None, "一般工业固体废物综合利用率", 60, "%", "=", None, 2025, None, "level"),
          (None, "磷石膏综合利用率", 65, "%", "=", None, 2025, None, "level"),
          (None, "一般工业固体废物综合利用率", 65, "%", "=", None, 2030, None, "level"),
          (None, "磷石膏综合利用率", 70, "%", "=", None, 2030, None, "level")]),
        # what the last item counts among is shared by the list
        ("到2025年，城市公交、出租车中新能源车辆占比分别达到72%、35%。",
         [(None, "城市公交中新能源车辆占比", 72, "%", "=", None, 2025, None, "level"),
          (None, "出租车中新能源车辆占比", 35, "%", "=", None, 2025, None, "level")]),
        ("城市公交、出租汽车、城市物流配送领域新能源汽车分别达到72%、35%、20%。",
         [(None, "城市公交领域新能源汽车", 72, "%", "=", None, None, None, "level"),
          (None, "出租汽车领域新能源汽车", 35, "%", "=", None, None, None, "level"),
          (None, "城市物流配送领域新能源汽车", 20, "%", "=", None, None, None, "level")]),
        # a value that only names a target (a pretext, what a subject is) is none
        ("不得以下降30%为由关停企业。未完成年度能耗下降3%目标的区县，暂停新增高耗能项目审批。", []),
        # the unit a value is per, written before it; 千克标准煤; a per-unit 吨/万平方米
        ("城市建成区平均人口密度不低于每平方公里1万人。",
         [(None, "城市建成区平均人口密度", 10000, "人/平方公里", ">=", None, None, None, "level")]),
        ("到2025年，钢铁行业吨钢综合能耗降至540千克标准煤以下，施工现场建筑垃圾排放量不高于300吨/万平方米。",
         [(None, "钢铁行业吨钢综合能耗", 540, "千克标准煤", "<=", "down", 2025, None, "level"),
          (None, "施工现场建筑垃圾排放量", 300, "吨/万平方米", "<=", None, 2025, None, "level")]),
        # 力争达到 after a change: the same change, further
        ("到2025年，规模以上工业单位增加值能耗较2020年累计下降14%以上，力争达到15%。",
         [(None, "规模以上工业单位增加值能耗", 14, "%", ">=", "down", 2025, 2020, "cumulative"),
          (None, "规模以上工业单位增加值能耗", 15, "%", "=", "down", 2025, 2020, "cumulative")]),
        # a later sentence's bare verb and value in the unit of the clause's last target: its next milestone
        ("2025年底前，累计推广超低能耗建筑500万平方米以上；2030年底前，推广1000万平方米以上。",
         [(None, "超低能耗建筑", 5000000, "平方米", ">=", None, 2025, None, "cumulative"),
          (None, "超低能耗建筑", 10000000, "平方米", ">=", None, 2030, None, "level")]),
    ],
)
def test_audit_of_provincial_and_ministry_plans(body: str, expected: list[tuple[Any, ...]]) -> None:
    assert [row(t) for t in targets_of(body)] == expected


def test_a_box_of_places_takes_the_indicator_of_its_title() -> None:
    """专栏 “…”各地级以上市能耗强度降低目标 then ——places：value lines: each place a scope of the title's indicator,
    its change word the direction (the title, however long, no part of the first line's sentence)."""
    body = ("专栏1 “十四五”各地级以上市能耗强度降低目标\n——广州市、深圳市：14.5%；\n——汕头市：13.5%。\n"
            "专栏2 重点指标\n——非化石能源消费比重：16%以上。")
    assert [(t.scope, t.indicator, num(t.value), t.direction) for t in targets_of(body)] == [
        ("广州市", "能耗强度", 14.5, "down"), ("深圳市", "能耗强度", 14.5, "down"), ("汕头市", "能耗强度", 13.5, "down"),
        (None, "非化石能源消费比重", 16, None)]


def test_a_total_after_an_addition_is_no_stretch_of_the_change() -> None:
    """新增…1000万千瓦，到2030年累计达到2500万千瓦: 累计达到 a total (no direction); only a share 力争达到 after a change
    is the change, further."""
    assert [(t.indicator, num(t.value), t.direction, t.year) for t in targets_of(
        "“十四五”期间，力争新增新能源装机容量1000万千瓦以上，到2030年累计达到2500万千瓦。")] == [
        ("新能源装机容量", 10000000, "up", 2025), ("新能源装机容量", 25000000, None, 2030)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an extent right after a verb is what is built or done, the noun after it what is counted (not a scope)
        ("到2025年，累计建成10.75亿亩高标准农田，推广500万平方米超低能耗建筑，完成造林100万亩。",
         [("高标准农田", 1075000000, "亩", "target"), ("超低能耗建筑", 5000000, "平方米", "target"), ("造林", 1000000, "亩", "target")]),
        # and each item of the verb's list
        ("到2025年，力争完成20万亩节水改造项目和5万亩滴灌试点。",
         [("节水改造项目", 200000, "亩", "target"), ("滴灌试点", 50000, "亩", "target")]),
        # a bound or 的 still scopes: a condition
        ("淘汰35蒸吨/小时以下燃煤锅炉，对5万平方米以上的商场实施改造。",
         [("燃煤锅炉", 35, "蒸吨/小时", "condition"), ("商场", 50000, "平方米", "condition")]),
    ],
)
def test_an_extent_a_verb_completes_is_a_target(body: str, expected: list[tuple[Any, ...]]) -> None:
    doc = parse_document(("某省实施方案\n一、主要目标\n" + body + "\n").encode(), doc_id="probe")
    assert [(t.indicator, num(t.value), t.unit, t.kind) for c in doc.clauses for t in c.targets] == expected
