"""Attachments (附件) parsed as their own clause trees or table rows, and aligned like the body.

The documents are built as a national 意见 is: a short body with its own clauses, a list of its
attachments and the signature, then 附件1 — a whole action plan (here the real text of the
Chongqing plan, or of the Gaoxin plan that re-issues it) — and 附件2, a 重点任务分工表 whose rows
name each task and its lead departments (built from the same plan's clauses).  Inside the
attachments the seed alignment of Gaoxin against Chongqing must hold exactly, under the path prefix.
"""

from __future__ import annotations

import pytest

from jianwu import Document, parse_document
from jianwu.align import align_documents
from jianwu.attachments import find_sections

PARENT_BODY = """国务院关于推进减污降碳协同增效的指导意见
国发〔2023〕1号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为深入贯彻落实党中央、国务院关于碳达峰碳中和的决策部署，现就推进减污降碳协同增效提出以下意见。
一、总体要求
（一）明确工作方向。坚持系统观念，把减污降碳协同增效作为促进经济社会发展全面绿色转型的总抓手。
二、组织实施
（二）抓好贯彻落实。各地区各部门要按照附件确定的任务分工，细化工作举措，确保各项任务落地见效。"""

CHILD_BODY = """重庆高新区管委会关于推进减污降碳协同增效的实施意见
各镇人民政府、街道办事处，管委会各部门：
为贯彻落实国务院关于推进减污降碳协同增效的指导意见，结合我区实际，提出以下实施意见。
一、总体要求
（一）明确工作方向。坚持系统观念，把减污降碳协同增效作为促进全区经济社会发展全面绿色转型的总抓手。
二、组织实施
（二）抓好贯彻落实。各部门要按照附件确定的任务分工，细化工作举措，每年报送工作进展。"""


def plan_text(doc: Document) -> str:
    return doc.text[doc.clauses[0].span[0] : doc.clauses[-1].span[1]]


def task_rows(doc: Document) -> str:
    """One row per task clause: 1．title  lead departments (as a 分工表 is printed)."""
    tasks = [c for c in doc.clauses if c.number and c.depth == 2 and c.departments]
    return "\n".join(f"{k}．{c.title}  {'、'.join(d.name for d in c.departments[:3])}" for k, c in enumerate(tasks, 1))


def with_attachments(body: str, plan: Document, issuer: str) -> str:
    return f"""{body}
附件：1．{plan.title}
      2．重点任务分工表
{issuer}
2023年8月18日
（此件公开发布）
附件1
{plan.title}
{plan_text(plan)}
附件2
重点任务分工表
序号  重点任务  牵头单位
{task_rows(plan)}
"""


@pytest.fixture(scope="module")
def parent(seeds: dict[str, Document]) -> Document:
    return parse_document(with_attachments(PARENT_BODY, seeds["chongqing-jianwu-2023"], "国务院"), doc_id="parent")


@pytest.fixture(scope="module")
def child(seeds: dict[str, Document]) -> Document:
    return parse_document(with_attachments(CHILD_BODY, seeds["gaoxin-jianwu-2023"], "重庆高新区管委会"), doc_id="child")


def test_attachments_are_clause_trees_under_a_prefix(parent: Document, seeds: dict[str, Document]) -> None:
    plan = seeds["chongqing-jianwu-2023"]
    body = [c.path for c in parent.clauses if not c.path[0].startswith("附件")]
    assert body == [["一、"], ["一、", "（一）"], ["二、"], ["二、", "（二）"]]
    one = [c for c in parent.clauses if c.path[0] == "附件1"]
    assert (one[0].path, one[0].style, one[0].title) == (["附件1"], "attachment", "重庆市减污降碳协同增效实施方案")
    assert [c.path[1:] for c in one[1:]] == [c.path for c in plan.clauses]  # the whole plan, every clause
    assert [c.text for c in one[1:]] == [c.text for c in plan.clauses]
    assert one[2].depth == 3 and one[2].path == ["附件1", "一、", "（一）"]


def test_a_table_attachment_is_rows(parent: Document) -> None:
    rows = [c for c in parent.clauses if c.path[0] == "附件2"]
    assert (rows[0].style, rows[0].title) == ("attachment", "重点任务分工表")
    assert {c.style for c in rows[1:]} == {"row"}
    assert len(rows) - 1 == 26  # （三）…（二十八）: every task clause with departments
    assert rows[1].path == ["附件2", "1."] and rows[1].text == "加强生态环境分区管控  市发展改革委、市经济信息委、市规划自然资源局"


def test_the_body_and_its_metadata_end_before_the_attachments(parent: Document) -> None:
    assert (parent.title, parent.doc_number, parent.date) == ("国务院关于推进减污降碳协同增效的指导意见", "国发〔2023〕1号", "2023-08-18")
    last_body = [c for c in parent.clauses if not c.path[0].startswith("附件")][-1]
    assert last_body.text.endswith("确保各项任务落地见效。")  # not the list of attachments, not the signature


def test_a_list_of_attachments_before_the_signature_is_not_an_attachment() -> None:
    text = "正文。\n附件：1．某某行动方案\n      2．重点任务分工表\n某某省人民政府\n2023年8月18日\n"
    sections = find_sections(text, 0)
    assert [s.title for s in sections] == ["1．某某行动方案"]
    doc = parse_document("一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n" + text, doc_id="x")
    assert [c.path for c in doc.clauses] == [["一、"], ["一、", "（一）"]]


def cn_paths(alignments, child: Document, parent: Document, prefix: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in alignments:
        if a.kind == "clause" and a.child_index is not None and a.parent_index is not None:
            c, p = child.clauses[a.child_index], parent.clauses[a.parent_index]
            if c.path[0] == prefix and len(c.path) > 1:
                out.setdefault(c.path[-1], []).append("/".join(p.path))
    return out


def test_attachments_align_like_the_body(child: Document, parent: Document) -> None:
    """附件1 of the child (Gaoxin's plan) against 附件1 of the parent (Chongqing's): the seed alignment, prefixed."""
    alignments = align_documents(child, parent)

    def cn(n: int) -> str:
        from jianwu.numbering import int_to_cn

        return f"（{int_to_cn(n)}）"

    chapter = {n: ch for ch, ns in {"一、": (1, 2), "二、": range(3, 7), "三、": range(7, 12), "四、": range(12, 16), "五、": range(16, 21), "六、": range(21, 26), "七、": range(26, 29)}.items() for n in ns}
    mapping = {i: i for i in range(1, 10)} | {10: 11} | {i: i + 1 for i in range(11, 16)} | {16: 18, 17: 19, 18: 22, 19: 23} | {i: i + 6 for i in range(20, 23)}
    expected = {cn(c): [f"附件1/{chapter[p]}/{cn(p)}"] for c, p in mapping.items()}
    assert cn_paths(alignments, child, parent, "附件1") == expected
    dropped = sorted(parent.clauses[a.parent_index].path[-1] for a in alignments if a.status == "dropped" and parent.clauses[a.parent_index].path[0] == "附件1")
    assert dropped == sorted(cn(n) for n in (10, 17, 20, 21, 24, 25))
    heads = {(child.clauses[a.child_index].path[-1], parent.clauses[a.parent_index].path[-1]) for a in alignments if a.kind == "heading" and a.child_index is not None and a.parent_index is not None and child.clauses[a.child_index].path[0] == "附件1"}
    assert ("附件1", "附件1") in heads and ("五、", "六、") in heads  # Gaoxin 五、 holds Chongqing 五、 and 六、
    # the body pairs with the body, the table rows with the table rows
    body = cn_paths(alignments, child, parent, "一、") | cn_paths(alignments, child, parent, "二、")
    assert body == {"（一）": ["一、/（一）"], "（二）": ["二、/（二）"]}
    rows = cn_paths(alignments, child, parent, "附件2")
    assert all(p[0].startswith("附件2/") for p in rows.values())
    # row k of Gaoxin's table names the task of its clause k: the same task as the parent's row for that clause
    assert rows["1."] == ["附件2/1."] and rows["8."] == ["附件2/9."]


BODY = "宜宾市碳达峰实施方案\n一、总体要求\n（一）坚持系统观念。\n二、保障措施\n（二）加强组织领导。\n"


@pytest.mark.parametrize(
    ("attachments", "expected"),
    [
        # Cells kept apart by spaces: normalising glues the row number to its first cell (1大力…).
        ("附件\n重点任务分工表\n序号  重点任务  牵头单位\n1  大力发展非化石能源  市发展改革委\n2  推进煤炭消费替代  市发展改革委",
         [("附件1", "重点任务分工表", ""), ("附件1/1", "大力发展非化石能源", "大力发展非化石能源  市发展改革委"),
          ("附件1/2", "推进煤炭消费替代", "推进煤炭消费替代  市发展改革委")]),
        # Two attachments, each row ending with a name, then the 版记: neither joins a row.
        ("附件1\n重点任务分工表\n1.大力发展非化石能源。市发展改革委\n2.推进煤炭消费替代。市发展改革委\n附件2\n重点项目清单\n"
         "1.宜宾光伏电站项目。叙州区\n2.宜宾抽水蓄能电站项目。屏山县\n抄送：市委各部门。\n宜宾市人民政府办公室 2023年6月30日印发",
         [("附件1", "重点任务分工表", ""), ("附件1/1.", "大力发展非化石能源", "大力发展非化石能源。市发展改革委"),
          ("附件1/2.", "推进煤炭消费替代", "推进煤炭消费替代。市发展改革委"), ("附件2", "重点项目清单", ""),
          ("附件2/1.", "宜宾光伏电站项目", "宜宾光伏电站项目。叙州区"), ("附件2/2.", "宜宾抽水蓄能电站项目", "宜宾抽水蓄能电站项目。屏山县")]),
        # 附表N: a table attachment numbered apart from the 附件 (附件1 and 附表1 side by side); its title
        # is not joined with the table's header row.
        ("附件1\n重点任务分工表\n1.大力发展非化石能源。市发展改革委\n2.推进煤炭消费替代。市发展改革委\n"
         "附表1\n各区县能耗强度降低目标\n序号 地区 目标\n1 叙州区 14%\n2 南溪区 14%\n附表2：重点工程减排量\n1 叙州区 1000吨\n2 南溪区 900吨",
         [("附件1", "重点任务分工表", ""), ("附件1/1.", "大力发展非化石能源", "大力发展非化石能源。市发展改革委"),
          ("附件1/2.", "推进煤炭消费替代", "推进煤炭消费替代。市发展改革委"), ("附表1", "各区县能耗强度降低目标", ""),
          ("附表1/1", "叙州区14%", "叙州区14%"), ("附表1/2", "南溪区14%", "南溪区14%"), ("附表2", "重点工程减排量", ""),
          ("附表2/1", "叙州区1000吨", "叙州区1000吨"), ("附表2/2", "南溪区900吨", "南溪区900吨")]),
        # Cells kept apart by tabs (two spaces once normalised): as many cells as the header names, the first is the title.
        ("附件1\n重点任务分工表\n序号\t重点任务\t牵头单位\t配合单位\n1\t强化生态环境分区管控\t市生态环境局\t市发展改革委\n"
         "2\t强化生态环境准入管理\t市生态环境局\t市工业和信息化局",
         [("附件1", "重点任务分工表", ""), ("附件1/1", "强化生态环境分区管控", "强化生态环境分区管控  市生态环境局  市发展改革委"),
          ("附件1/2", "强化生态环境准入管理", "强化生态环境准入管理  市生态环境局  市工业和信息化局")]),
        # A table set one cell per line (a web page's or a Word table's text): the row numbers stand alone
        # (not page numbers), the last row's name and date cells are no signature.
        ("附件\n重点任务分工表\n序号\n重点任务\n牵头单位\n完成时限\n1\n强化生态环境分区管控\n市生态环境局\n2025年12月31日\n"
         "2\n加强准入管理\n市生态环境局\n2024年6月30日",
         [("附件1", "重点任务分工表", ""), ("附件1/1", "强化生态环境分区管控", "强化生态环境分区管控\n市生态环境局\n2025年12月31日"),
          ("附件1/2", "加强准入管理", "加强准入管理\n市生态环境局\n2024年6月30日")]),
    ],
)
def test_attachment_tables_as_text(attachments: str, expected: list[tuple[str, str, str]]) -> None:
    doc = parse_document(BODY + attachments, doc_id="t")
    got = [("/".join(c.path), c.title, c.text if c.style != "attachment" else "") for c in doc.clauses if c.path[0].startswith(("附件", "附表"))]
    assert got == expected


def test_a_body_line_starting_with_fujian_is_prose() -> None:
    """附件所列项目… is a sentence of the body, not an attachment's label: it stays in its clause."""
    doc = parse_document(BODY.replace("（二）加强组织领导。\n", "（二）加强组织领导，\n附件所列项目由市发展改革委统筹推进。\n"), doc_id="t")
    assert doc.clauses[-1].path == ["二、", "（二）"] and doc.clauses[-1].text.endswith("附件所列项目由市发展改革委统筹推进。")
