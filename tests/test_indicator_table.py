"""Targets from a table of main indicators (主要指标表), in the body or as an attachment."""

from __future__ import annotations

import pytest

from jianwu import parse_document

HEAD = "某省“十四五”生态环境保护规划\n一、主要目标\n到2025年，生态环境持续改善。\n"


def table_targets(text: str) -> list[tuple]:
    doc = parse_document(text, doc_id="t")
    return [(t.indicator, t.value, t.unit, t.comparator, t.direction, t.year, t.baseline_year, t.basis, t.measure)
            for c in doc.clauses for t in c.targets if "到2025年" not in t.text]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Cells as a text export keeps them (spaces, tabs), a category in front of a row's number.
        ("专栏1 “十四五”生态环境保护主要指标\n类别 序号 指标 2020年 2025年 指标属性\n"
         "环境治理 1 地级及以上城市细颗粒物（PM2.5）浓度（微克/立方米） 39 35 约束性\n"
         "2 地级及以上城市空气质量优良天数比率（%） 82.9 83.6 约束性\n"
         "应对气候变化 3 单位地区生产总值二氧化碳排放降低（%） — 〔18〕 约束性\n"
         "4 单位地区生产总值能源消耗降低（%） — 〔完成国家下达目标〕 约束性\n"
         "生态保护 5 森林覆盖率（%） 30.22 31 约束性\n注：〔〕内为五年累计数。",
         [("地级及以上城市细颗粒物（PM2.5）浓度", 35, "微克/立方米", "=", None, 2025, None, "level", "rate"),
          ("地级及以上城市空气质量优良天数比率", 83.6, "%", "=", None, 2025, None, "level", "rate"),
          ("单位地区生产总值二氧化碳排放", 18, "%", "=", "down", 2025, 2020, "cumulative", "rate"),
          ("森林覆盖率", 31, "%", "=", None, 2025, None, "level", "rate")]),
        # A tab-separated export with a category column (its cells keep their gaps: two spaces), as
        # the PDF reader also gives a ruled table's rows.
        ("主要指标\n类别\t序号\t指标\t2020年\t2025年\t属性\n能源\t1\t非化石能源消费比重（%）\t20.8\t24\t预期性\n"
         "环境\t2\t地级及以上城市PM2.5平均浓度（微克/立方米）\t25\t24\t约束性",
         [("非化石能源消费比重", 24, "%", "=", None, 2025, None, "level", "rate"),
          ("地级及以上城市PM2.5平均浓度", 24, "微克/立方米", "=", None, 2025, None, "level", "rate")]),
        # Two target years; a sign before a value; a tab-separated export.
        ("主要指标\n指标\t2020年\t2025年\t2030年\t属性\n城市生活垃圾资源化利用率（%）\t60\t≥80\t≥85\t预期性\n"
         "新能源汽车保有量（万辆）\t12\t50\t120\t预期性",
         [("城市生活垃圾资源化利用率", 80, "%", ">=", None, 2025, None, "level", "rate"),
          ("城市生活垃圾资源化利用率", 85, "%", ">=", None, 2030, None, "level", "rate"),
          ("新能源汽车保有量", 500000, "辆", "=", None, 2025, None, "level", "absolute"),  # 万 folded in, as in a sentence
          ("新能源汽车保有量", 1200000, "辆", "=", None, 2030, None, "level", "absolute")]),
        # Half-width brackets around the unit (a web or text export: normalisation leaves them around no hanzi).
        ("主要指标\n序号\t指标\t2020年\t2025年\t属性\n1\t地级及以上城市空气质量优良天数比率(%)\t88.5\t90\t约束性\n"
         "2\t地级及以上城市细颗粒物(PM2.5)浓度(微克/立方米)\t33\t30\t约束性",
         [("地级及以上城市空气质量优良天数比率", 90, "%", "=", None, 2025, None, "level", "rate"),
          ("地级及以上城市细颗粒物(PM2.5)浓度", 30, "微克/立方米", "=", None, 2025, None, "level", "rate")]),
        # A comparator written after a cell's value, as a sentence writes it (14左右, 31以上, 97及以上).
        ("主要指标\n指标\t2020年\t2025年\t属性\n单位地区生产总值能耗降低（%）\t—\t14左右\t约束性\n"
         "森林覆盖率（%）\t30\t31以上\t约束性\n城市污水处理率（%）\t95\t97及以上\t约束性\n"
         "细颗粒物（PM2.5）平均浓度（微克/立方米）\t30\t28以下\t约束性",
         [("单位地区生产总值能耗", 14, "%", "≈", "down", 2025, 2020, "cumulative", "rate"),
          ("森林覆盖率", 31, "%", ">=", None, 2025, None, "level", "rate"),
          ("城市污水处理率", 97, "%", ">=", None, 2025, None, "level", "rate"),
          ("细颗粒物（PM2.5）平均浓度", 28, "微克/立方米", "<=", None, 2025, None, "level", "rate")]),
    ],
)
def test_a_table_of_main_indicators_in_the_body(table: str, expected: list[tuple]) -> None:
    assert table_targets(HEAD + table + "\n二、重点任务\n（一）优化能源结构。") == expected


def test_a_table_attachment_with_or_without_row_numbers() -> None:
    for rows in ("1 单位地区生产总值能耗降低（%） — 14.5 约束性\n2 非化石能源消费比重（%） 7.3 13 预期性",
                 "单位地区生产总值能耗降低（%） — 14.5 约束性\n非化石能源消费比重（%） 7.3 13 预期性"):
        text = HEAD + "二、保障措施\n（一）加强组织领导。\n附件1\n“十四五”节能减排主要指标表\n序号 指标 2020年 2025年 属性\n" + rows
        assert table_targets(text) == [
            ("单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, 2020, "cumulative", "rate"),
            ("非化石能源消费比重", 13, "%", "=", None, 2025, None, "level", "rate"),
        ], rows


def test_lines_that_are_not_a_table_are_sentences() -> None:
    """A sentence naming 指标 and years is no header: its targets are read as a sentence's."""
    text = HEAD + "（一）主要指标。到2025年，森林覆盖率比2020年提高到31%。\n二、重点任务\n（二）优化能源结构。"
    doc = parse_document(text, doc_id="t")
    assert [(t.indicator, t.value, t.year) for c in doc.clauses for t in c.targets if "森林" in t.indicator] == [("森林覆盖率", 31, 2025)]


def test_a_row_without_a_number_holds_no_target_and_no_sentence() -> None:
    """An attachment row whose value is words (〔完成国家下达目标〕) is still a row: read as a sentence
    it would give junk; it gives nothing."""
    text = (HEAD + "二、保障措施\n（一）加强组织领导。\n附件1\n“十四五”节能减排主要指标表\n序号 指标 2020年 2025年 属性\n"
            "1 单位地区生产总值二氧化碳排放降低（%） — 〔完成国家下达目标〕 约束性\n2 非化石能源消费比重（%） 7.3 13 预期性")
    assert table_targets(text) == [("非化石能源消费比重", 13, "%", "=", None, 2025, None, "level", "rate")]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # a 单位 column (its cell after the indicator's, a % glued to it), 〔〕 written [] or 【】
        ("表1 主要指标\n序号\t指标名称\t单位\t2020年\t2025年\t属性\n"
         "1\t设区城市细颗粒物（PM2.5）平均浓度\t微克/立方米\t25\t≤24\t约束性\n"
         "2\t设区城市空气质量优良天数比率\t%\t93.3\t≥93\t约束性\n"
         "3\t化学需氧量重点工程减排量\t万吨\t—\t[7.6]\t约束性\n"
         "4\t氨氮重点工程减排量\t吨\t—\t【300】\t约束性",
         [("设区城市细颗粒物（PM2.5）平均浓度", 24, "微克/立方米", "<=", None, 2025, None, "level", "rate"),
          ("设区城市空气质量优良天数比率", 93, "%", ">=", None, 2025, None, "level", "rate"),
          ("化学需氧量重点工程减排量", 76000, "吨", "=", None, 2025, 2020, "cumulative", "absolute"),
          ("氨氮重点工程减排量", 300, "吨", "=", None, 2025, 2020, "cumulative", "absolute")]),
        # a category cell with no row number, a space before the indicator
        ("主要指标\n类别\t指标\t2020年\t2025年\t属性\n生态保护\t森林覆盖率（%）\t45.87\t46.3\t预期性\n"
         "\t湿地保护率（%）\t50\t55\t预期性",
         [("森林覆盖率", 46.3, "%", "=", None, 2025, None, "level", "rate"),
          ("湿地保护率", 55, "%", "=", None, 2025, None, "level", "rate")]),
    ],
)
def test_unit_and_category_columns(table: str, expected: list[tuple]) -> None:
    assert table_targets(HEAD + table + "\n二、重点任务\n（一）优化能源结构。") == expected


def test_the_last_row_of_an_attachment_table_may_hold_the_note() -> None:
    text = (HEAD + "二、保障措施\n（一）加强组织领导。\n附件1\n主要指标表\n序号 指标 2020年 2025年 属性\n"
            "1 城市污水集中收集率（%） 70 70 预期性\n2 县级城市集中式饮用水水源地水质达标率（%） 100 100 约束性\n"
            "注：单位地区生产总值能耗按2020年不变价计算。")
    assert table_targets(text) == [("城市污水集中收集率", 70, "%", "=", None, 2025, None, "level", "rate"),
                                   ("县级城市集中式饮用水水源地水质达标率", 100, "%", "=", None, 2025, None, "level", "rate")]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # A Word table pasted as text, one cell a line: a lone value (14, 18) is a cell, not a page number; a
        # category cell merged over rows is written once (each row ends at its 属性).
        ("表1 主要指标\n序号\n类别\n指标\n单位\n2020年\n2025年\n属性\n1\n能源\n单位地区生产总值能耗降低\n%\n—\n14\n约束性\n"
         "2\n化学需氧量重点工程减排量\n万吨\n—\n18\n约束性\n3\n非化石能源消费比重\n%\n13.5\n20\n预期性",
         [("单位地区生产总值能耗", 14, "%", "=", "down", 2025, 2020, "cumulative", "rate"),
          # a 减排量 is a total over the period, as in a sentence
          ("化学需氧量重点工程减排量", 180000, "吨", "=", None, 2025, 2020, "cumulative", "absolute"),
          ("非化石能源消费比重", 20, "%", "=", None, 2025, None, "level", "rate")]),
        # no 属性 column: rows of as many cells as the header; the unit in brackets; a year cell with a note
        ("指标名称\n2020年（基期）\n2025年\n2030年\n森林覆盖率（%）\n30\n31\n32\n城市生活垃圾回收利用率（%）\n—\n35\n40",
         [("森林覆盖率", 31, "%", "=", None, 2025, None, "level", "rate"),
          ("森林覆盖率", 32, "%", "=", None, 2030, None, "level", "rate"),
          ("城市生活垃圾回收利用率", 35, "%", "=", None, 2025, None, "level", "rate"),
          ("城市生活垃圾回收利用率", 40, "%", "=", None, 2030, None, "level", "rate")]),
        # a value column after the years' (年均增速) is no year's; a % glued to the name after a category cell
        ("表1 主要指标\n类别 指标 单位 2020年 2025年 年均增速 属性\n能源消费 全社会用电量 亿千瓦时 4830 6800 7.1% 预期性\n"
         "能源结构 非化石能源消费比重 % 20.8 24 — 约束性",
         [("全社会用电量", 680000000000, "千瓦时", "=", None, 2025, None, "level", "absolute"),
          ("非化石能源消费比重", 24, "%", "=", None, 2025, None, "level", "rate")]),
    ],
)
def test_tables_one_cell_a_line_and_columns_after_the_years(table: str, expected: list[tuple]) -> None:
    assert table_targets(HEAD + table + "\n二、重点任务\n（一）优化能源结构。") == expected
