"""Departments from a 重点任务分工表 given as text (task_table.py): the columns of the header give the roles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from jianwu import Document, parse_document
from jianwu.task_table import Header, header_of_line

sys.path.insert(0, str(Path(__file__).parent))
from pdfmake import Run, layout, make_pdf  # noqa: E402

R, L, S = "responsible", "lead", "support"

BODY = """某省“十四五”节能减排实施方案
一、主要目标
（一）到2025年，全省单位地区生产总值能耗下降14.5%。
二、保障措施
（二）加强组织领导。
"""


def with_table(table: str) -> Document:
    return parse_document(BODY + "附件\n重点任务分工表\n" + table, doc_id="t")


def rows_of(doc: Document) -> dict[str, list[tuple[str, str, str, str | None]]]:
    """Per row clause: (name, canonical, role, level) of its departments; each span is the name in the text."""
    out: dict[str, list[tuple[str, str, str, str | None]]] = {}
    for clause in doc.clauses:
        if clause.style == "row":
            for d in clause.departments:
                assert doc.text[d.span[0]:d.span[1]] == d.name
            out["/".join(clause.path)] = [(d.name, d.canonical, d.role, d.level) for d in clause.departments]
    return out


TABLES = [
    (
        "measures_column_ending_sentences",  # tab-separated cells; a cell ending in 。 before the units' cells
        "序号\t重点任务\t具体措施\t牵头单位\t配合单位\n"
        "1\t推进结构调整\t严格落实产能置换政策，坚决遏制盲目发展。\t省发展改革委\t省生态环境厅、省商务厅\n"
        "2\t加强协同治理\t开展重点行业协同治理试点；\t省生态环境厅\t省发展改革委\n",
        {
            "附件1/1": [("省发展改革委", "发展改革委", L, "省"), ("省生态环境厅", "生态环境局", S, "省"), ("省商务厅", "商务委", S, "省")],
            "附件1/2": [("省生态环境厅", "生态环境局", L, "省"), ("省发展改革委", "发展改革委", S, "省")],
        },
    ),
    (
        "lead_support",
        "序号 重点任务 牵头单位 配合单位\n"
        "1 实施重点行业绿色升级工程 省工业和信息化厅 省发展改革委、省生态环境厅\n"
        "2 实施园区节能环保提升工程 省发展改革委 省工业和信息化厅、省商务厅\n"
        "3 实施城镇绿色节能改造工程 省住房城乡建设厅 省能源局、省机关事务局\n",
        {
            "附件1/1": [("省工业和信息化厅", "经济信息委", L, "省"), ("省发展改革委", "发展改革委", S, "省"),
                      ("省生态环境厅", "生态环境局", S, "省")],
            "附件1/2": [("省发展改革委", "发展改革委", L, "省"), ("省工业和信息化厅", "经济信息委", S, "省"),
                      ("省商务厅", "商务委", S, "省")],
            "附件1/3": [("省住房城乡建设厅", "住房城乡建委", L, "省"), ("省能源局", "能源局", S, "省"),
                      ("省机关事务局", "机关事务局", S, "省")],
        },
    ),
    (
        "responsible_with_local_governments_and_commas",
        "序号 工作任务 责任单位\n"
        "1 推进工业节能 省工业和信息化厅、各市人民政府\n"
        "2 推进建筑节能 省住房城乡建设厅，省发展改革委\n",
        {
            "附件1/1": [("省工业和信息化厅", "经济信息委", R, "省"), ("各市人民政府", "地方政府", R, "市")],
            "附件1/2": [("省住房城乡建设厅", "住房城乡建委", R, "省"), ("省发展改革委", "发展改革委", R, "省")],
        },
    ),
    (
        "time_column_tabs_a_task_with_a_space_and_an_empty_cell",
        "序号 任务 牵头部门 参与部门 完成时限\n"
        "1 实施 节能改造 省发展改革委 省财政厅、省能源局 2025年底前\n"
        "2 推进交通绿色低碳 省交通运输厅 持续推进\n"  # no 参与部门: the lead's cell is the lead
        "3\t淘汰落后产能\t省工业和信息化厅\t省发展改革委\t2023年\n",
        {
            "附件1/1": [("省发展改革委", "发展改革委", L, "省"), ("省财政厅", "财政局", S, "省"), ("省能源局", "能源局", S, "省")],
            "附件1/2": [("省交通运输厅", "交通局", L, "省")],
            "附件1/3": [("省工业和信息化厅", "经济信息委", L, "省"), ("省发展改革委", "发展改革委", S, "省")],
        },
    ),
    (
        "no_number_column",
        "主要任务 负责单位\n"
        "1 推进工业节能 省工业和信息化厅\n"
        "2 推进建筑节能 省住房城乡建设厅等\n",
        {
            "附件1/1": [("省工业和信息化厅", "经济信息委", R, "省")],
            "附件1/2": [("省住房城乡建设厅", "住房城乡建委", R, "省")],
        },
    ),
    (
        "wrapped_rows_a_level_list_and_a_note_kept",
        "序号 重点任务 牵头单位 配合单位 备注\n"
        "1 实施重点行业绿色升级工程，推动钢铁、有色、\n建材等行业节能改造 省工业和信息化厅 省发展改革委、\n省生态环境厅\n"
        "2 推进工业节能 省工业和信息化厅 各市、州、县人民政府 新增\n"
        "3 实施园区节能环保提升工程（省发展改革委牵头，省商务厅配合）\n",  # a note: read as before
        {
            "附件1/1": [("省工业和信息化厅", "经济信息委", L, "省"), ("省发展改革委", "发展改革委", S, "省"),
                      ("省生态环境厅", "生态环境局", S, "省")],
            "附件1/2": [("省工业和信息化厅", "经济信息委", L, "省"), ("各市、州、县人民政府", "地方政府", S, None)],
            "附件1/3": [("省发展改革委", "发展改革委", L, "省"), ("省商务厅", "商务委", S, "省")],
        },
    ),
    (
        "a_header_repeated_on_a_new_page",
        "序号 重点任务 责任部门\n"
        "1 推进工业节能 省工业和信息化厅\n"
        "序号 重点任务 责任部门\n"
        "2 推进建筑节能 省住房城乡建设厅\n",
        {
            "附件1/1": [("省工业和信息化厅", "经济信息委", R, "省")],
            "附件1/2": [("省住房城乡建设厅", "住房城乡建委", R, "省")],
        },
    ),
    (
        "no_unit_column_names_no_one",
        "序号 指标 2020年 2025年\n"
        "1 单位地区生产总值能耗下降 省发展改革委 14.5%\n"
        "2 化学需氧量减排量 省生态环境厅 8%\n",
        {"附件1/1": [], "附件1/2": []},
    ),
]


# A cell glued to the one before it after a closing bracket (normalising drops the space after
# CJK punctuation), a note under the table naming who works on every row, a note ending a row.
TABLES_DEPT9 = [
    (
        "cells glued after a bracket",
        "序号 重点任务 牵头单位 配合单位\n"
        "1 推动能源绿色低碳转型 省发展改革委（省能源局） 省经信厅、省建设厅\n"
        "2 加强生态环境准入管理（试行） 省生态环境厅 省发展改革委\n",
        {
            "附件1/1": [("省发展改革委（省能源局）", "发展改革委", L, "省"), ("省经信厅", "经济信息委", S, "省"),
                      ("省建设厅", "住房城乡建委", S, "省")],
            "附件1/2": [("省生态环境厅", "生态环境局", L, "省"), ("省发展改革委", "发展改革委", S, "省")],
        },
    ),
    (
        "a note under the table names who works on every row",
        "序号 重点任务 牵头单位 配合单位 完成时限\n"
        "1 强化生态环境分区管控 省生态环境厅 省发展改革委 2025年底前\n"
        "2 推进城乡建设协同增效 省住建厅 省发展改革委 2025年\n"
        "注：各市（地）人民政府（行署）负责本地区任务落实，表中不再列出。\n",
        {
            "附件1/1": [("省生态环境厅", "生态环境局", L, "省"), ("省发展改革委", "发展改革委", S, "省"),
                      ("各市（地）人民政府（行署）", "地方政府", R, "市")],
            "附件1/2": [("省住建厅", "住房城乡建委", L, "省"), ("省发展改革委", "发展改革委", S, "省"),
                      ("各市（地）人民政府（行署）", "地方政府", R, "市")],
        },
    ),
    (
        # dept10: the last row's units hold a 、 (it reads as prose): the 注 line is still a line of its own
        "a note under a last row listing two units",
        "序号 重点任务 牵头单位 配合单位 完成时限\n"
        "1 推动钢铁行业超低排放改造 省生态环境厅 省工业和信息化厅、省发展改革委 2025年底前\n"
        "2 推进农村生活污水治理 省生态环境厅 省农业农村厅、省乡村振兴局 2025年底前\n"
        "注：各市州人民政府负责本地区任务落实，表中不再列出。\n",
        {
            "附件1/1": [("省生态环境厅", "生态环境局", L, "省"), ("省工业和信息化厅", "经济信息委", S, "省"),
                      ("省发展改革委", "发展改革委", S, "省"), ("各市州人民政府", "地方政府", R, "市")],
            "附件1/2": [("省生态环境厅", "生态环境局", L, "省"), ("省农业农村厅", "农业农村委", S, "省"),
                      ("省乡村振兴局", "乡村振兴局", S, "省"), ("各市州人民政府", "地方政府", R, "市")],
        },
    ),
    (
        "a lead marked in a 责任单位 cell: the others support",
        "序号 重点任务 责任单位 完成时限\n"
        "1 推动钢铁行业超低排放改造 省生态环境厅（牵头）、省工业和信息化厅、省发展改革委 2025年底前\n"
        "2 推进港口岸电建设 省交通运输厅、省发展改革委（牵头） 2025年\n",
        {
            "附件1/1": [("省生态环境厅", "生态环境局", L, "省"), ("省工业和信息化厅", "经济信息委", S, "省"),
                      ("省发展改革委", "发展改革委", S, "省")],
            "附件1/2": [("省交通运输厅", "交通局", S, "省"), ("省发展改革委", "发展改革委", L, "省")],
        },
    ),
    (
        "labels inside a 责任单位 cell",
        "序号 重点任务 责任单位 完成时限\n"
        "1 推动钢铁行业超低排放改造 牵头：省生态环境厅；配合：省工业和信息化厅、省发展改革委 2025年底前\n"
        "2 推进港口岸电建设 省交通运输厅 2025年\n",
        {
            "附件1/1": [("省生态环境厅", "生态环境局", L, "省"), ("省工业和信息化厅", "经济信息委", S, "省"),
                      ("省发展改革委", "发展改革委", S, "省")],
            "附件1/2": [("省交通运输厅", "交通局", R, "省")],
        },
    ),
    (
        "a note under the table without 不再列出 only ends the last row",
        "序号 重点任务 牵头单位 配合单位\n"
        "1 强化生态环境分区管控 省生态环境厅 省发展改革委\n"
        "2 推进城乡建设协同增效 省住建厅 省发展改革委\n"
        "注：完成时限以国家要求为准。\n",
        {
            "附件1/1": [("省生态环境厅", "生态环境局", L, "省"), ("省发展改革委", "发展改革委", S, "省")],
            "附件1/2": [("省住建厅", "住房城乡建委", L, "省"), ("省发展改革委", "发展改革委", S, "省")],
        },
    ),
]


@pytest.mark.parametrize("table,expected", [(t, e) for _, t, e in TABLES_DEPT9], ids=[i for i, _, _ in TABLES_DEPT9])
def test_glued_cells_and_notes_under_a_task_table(table: str, expected: dict) -> None:
    assert rows_of(with_table(table)) == expected


def test_a_table_inside_a_body_clause_keeps_its_bracketed_cells() -> None:
    # 各镇（街道） in a row is a cell of the table, not a note of the clause holding it.
    text = ("某县碳达峰实施方案\n五、保障措施\n（一）加强组织领导。重点任务分工如下：\n"
            "序号 重点任务 牵头单位 配合单位\n1 推进能源结构调整 县发改局 县工信局\n"
            "2 推进城乡建设碳达峰 县住建局 县自然资源局、各镇（街道）\n（二）强化考核评价。\n")
    doc = parse_document(text, doc_id="t")
    clause = next(c for c in doc.clauses if c.text.startswith("加强组织领导"))
    assert [(d.name, d.role, d.note) for d in clause.departments] == [
        ("县发改局", L, 0), ("县工信局", S, 0), ("县住建局", L, 1), ("县自然资源局", S, 1), ("各镇（街道）", S, 1)]


def test_a_note_under_a_table_of_notes_reaches_every_row() -> None:
    # A Word table read as rows with notes (（牵头单位：…；配合单位：…）) and a 注 line under it.
    text = (BODY + "附件\n重点任务分工表\n1.强化生态环境分区管控（牵头单位：省生态环境厅；配合单位：省发展改革委）\n"
            "2.推进城乡建设协同增效（牵头单位：省住建厅；配合单位：省自然资源厅）\n"
            "注：各市人民政府负责本地区任务落实，表中不再列出。\n")
    doc = parse_document(text, doc_id="t")
    rows = [[(d.name, d.role, d.inherited) for d in c.departments] for c in doc.clauses if c.style == "row"]
    assert rows == [
        [("省生态环境厅", L, False), ("省发展改革委", S, False), ("各市人民政府", R, True)],
        [("省住建厅", L, False), ("省自然资源厅", S, False), ("各市人民政府", R, True)]]


def test_a_standing_sentence_of_the_body_reaches_the_rows_of_a_task_table() -> None:
    body = ("某省“十四五”节能减排实施方案\n一、主要目标\n（一）到2025年，全省单位地区生产总值能耗下降14.5%。\n"
            "二、重点工程\n重点工程的责任分工见附件。各市州人民政府负责本地区具体落实，以下不再列出。\n")
    table = ("序号 工作任务 责任单位\n1 实施重点行业绿色升级工程 省工信厅、各市州人民政府\n"
             "2 实施园区节能环保提升工程 省发展改革委牵头，省商务厅配合\n")
    doc = parse_document(body + "附件\n重点任务分工表\n" + table, doc_id="t")
    rows = {"/".join(c.path): [(d.name, d.role, d.inherited) for d in c.departments] for c in doc.clauses}
    assert rows["二、"] == [("各市州人民政府", R, False)]
    assert rows["附件1/1"] == [("省工信厅", R, False), ("各市州人民政府", R, False)]
    assert rows["附件1/2"] == [("省发展改革委", L, False), ("省商务厅", S, False), ("各市州人民政府", R, True)]


@pytest.mark.parametrize("table,expected", [(t, e) for _, t, e in TABLES], ids=[i for i, _, _ in TABLES])
def test_rows_of_a_task_table_get_the_departments_of_their_unit_columns(table: str, expected: dict) -> None:
    assert rows_of(with_table(table)) == expected


@pytest.mark.parametrize("line,header", [
    ("序号 重点任务 牵头单位 配合单位", Header((L, S))),
    ("序号 工作任务 责任单位", Header((R,))),
    ("序号 任务 牵头部门 参与部门 完成时限", Header((L, S, "other"))),
    ("主要任务 主要责任单位", Header((R,))),
    ("牵头单位 配合单位", None),  # no task column
    ("牵头单位：省发展改革委", None),  # a note's label, not a header
    ("重点任务分工表", None),
])
def test_header_columns(line: str, header: Header | None) -> None:
    assert header_of_line(line) == header


def test_the_body_clauses_keep_their_departments() -> None:
    doc = with_table(TABLES[0][1])
    assert [c.departments for c in doc.clauses if c.style != "row"] == [[] for c in doc.clauses if c.style != "row"]


def test_a_table_inside_a_clause_of_the_body_gives_a_note_per_row() -> None:
    doc = parse_document(
        "某省实施方案\n一、重点任务\n（一）实施节能降碳重点工程。各项工程分工如下。\n重点工程分工表\n"
        "序号 重点任务 牵头单位 配合单位\n1 实施重点行业绿色升级工程 省工业和信息化厅 省发展改革委、省生态环境厅\n"
        "2 实施园区节能环保提升工程 省发展改革委 省商务厅\n（二）加强组织领导。\n",
        doc_id="t",
    )
    one, two = doc.clauses[1], doc.clauses[2]
    assert [(d.name, d.role, d.note) for d in one.departments] == [
        ("省工业和信息化厅", L, 0), ("省发展改革委", S, 0), ("省生态环境厅", S, 0), ("省发展改革委", L, 1), ("省商务厅", S, 1)]
    assert two.departments == []


def test_a_task_table_in_a_pdf() -> None:
    pages = layout(BODY.strip(), width=26)
    runs, y = [], 700.0
    for row in [["附件"], ["重点任务分工表"], ["序号", "重点任务", "牵头单位", "配合单位"],
                ["1", "实施重点行业绿色升级工程", "省工业和信息化厅", "省发展改革委、省生态环境厅"],
                ["2", "实施园区节能环保提升工程", "省发展改革委", "省商务厅"]]:
        for x, cell in zip([40.0, 80.0, 300.0, 420.0] if len(row) > 1 else [80.0], row):
            runs.append(Run(x, y, cell, 10.0))
        y -= 20
    doc = parse_document(make_pdf([*pages, runs]), doc_id="x")
    assert rows_of(doc) == {
        "附件1/1": [("省工业和信息化厅", "经济信息委", L, "省"), ("省发展改革委", "发展改革委", S, "省"),
                  ("省生态环境厅", "生态环境局", S, "省")],
        "附件1/2": [("省发展改革委", "发展改革委", L, "省"), ("省商务厅", "商务委", S, "省")],
    }


def test_table_rows_are_no_sign_of_ocr_and_keep_their_cells_in_an_ocred_text() -> None:
    from jianwu.ocr_repair import looks_ocred, repair_line

    rows = "\n".join(line for line in TABLES[0][1].split("\n")[1:] if line)
    assert looks_ocred(rows) is False  # six gaps between cells, each set apart by prose punctuation (、)
    assert repair_line(rows.split("\n")[0]) == (rows.split("\n")[0], [])
    assert repair_line("推进绿 色低碳发展，建立健 全体系。")[0] == "推进绿色低碳发展，建立健全体系。"
