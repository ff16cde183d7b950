"""Clause alignment: the exact seed alignments of issue 5, and the general behaviours on variants of real text."""

from __future__ import annotations

import pytest
import regex

from jianwu import Document, parse_document
from jianwu.align import align_documents
from jianwu.diffmodel import Alignment, clause_status
from jianwu.numbering import cn_to_int, int_to_cn

PARENT = "chongqing-jianwu-2023"


def cn(n: int) -> str:
    return f"（{int_to_cn(n)}）"


def pairs(alignments: list[Alignment], child: Document, parent: Document, kind: str = "clause") -> dict[str, list[str]]:
    """child clause's last path token -> last path tokens of its parent clauses, for one kind."""
    out: dict[str, list[str]] = {}
    for a in alignments:
        if a.kind == kind and a.child_index is not None and a.parent_index is not None:
            out.setdefault(child.clauses[a.child_index].path[-1], []).append(parent.clauses[a.parent_index].path[-1])
    return out


def dropped(alignments: list[Alignment], parent: Document, kind: str = "clause") -> list[str]:
    return [parent.clauses[a.parent_index].path[-1] for a in alignments if a.kind == kind and a.status == "dropped" and a.parent_index is not None]


@pytest.fixture(scope="module")
def shapingba(seeds: dict[str, Document]) -> list[Alignment]:
    return align_documents(seeds["shapingba-jianwu-2023"], seeds[PARENT])


@pytest.fixture(scope="module")
def gaoxin(seeds: dict[str, Document]) -> list[Alignment]:
    return align_documents(seeds["gaoxin-jianwu-2023"], seeds[PARENT])


def test_shapingba_alignment(seeds: dict[str, Document], shapingba: list[Alignment]) -> None:
    child, parent = seeds["shapingba-jianwu-2023"], seeds[PARENT]
    expected = {"指导思想": [cn(1)], "主要目标": [cn(2)]}
    expected |= {f"{i}.": [cn(i + 2)] for i in range(1, 14)}  # 1.–13. <-> （三）–（十五）
    expected |= {"14.": [cn(16), cn(17)], "15.": [cn(17)], "16.": [cn(18)], "17.": [cn(19)], "18.": [cn(20)], "19.": [cn(22)]}
    expected |= {f"{i}.": [cn(i + 3)] for i in range(20, 26)}  # 20.–25. <-> （二十三）–（二十八）
    assert pairs(shapingba, child, parent) == expected
    assert dropped(shapingba, parent) == [cn(21)]
    # no chapters in the district's task list: the parent's chapters are dropped, its 主要任务： label is added
    assert dropped(shapingba, parent, "heading") == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    assert [child.clauses[a.child_index].path for a in shapingba if a.kind == "heading" and a.status == "added"] == [["主要任务"]]


def test_shapingba_statuses(seeds: dict[str, Document], shapingba: list[Alignment]) -> None:
    child = seeds["shapingba-jianwu-2023"]
    by_child = {child.clauses[i].path[-1]: clause_status([a for a in shapingba if a.child_index == i], side="child") for i in range(len(child.clauses))}
    assert by_child["14."] == "merged"
    assert by_child["15."] == "modified"
    assert by_child["指导思想"] == "identical"  # label heading + paragraph == （一）指导思想。+ paragraph
    assert by_child["主要任务"] == "added"
    merged = [(a.basis, child.clauses[a.child_index].path[-1]) for a in shapingba if a.status == "merged"]
    assert merged == [("text", "14."), ("containment", "14.")]


def test_shapingba_flags(seeds: dict[str, Document], shapingba: list[Alignment]) -> None:
    child, parent = seeds["shapingba-jianwu-2023"], seeds[PARENT]
    flags = [(child.clauses[a.child_index].path[-1], f.code, f.parent_path or f.child_path) for a in shapingba if a.child_index is not None for f in a.flags]
    assert flags == [
        ("14.", "duplicate_in_child", ["15."]),
        ("15.", "duplicate_in_child", ["14."]),
        ("18.", "title_body_mismatch", ["五、", cn(17)]),
        ("19.", "title_body_mismatch", ["五、", cn(18)]),
    ]
    mismatch = next(f for a in shapingba for f in a.flags if f.code == "title_body_mismatch")
    assert mismatch.message == "title is that of 五、/（十七） but the body is that of 五、/（二十）"
    assert parent.clauses[next(a.parent_index for a in shapingba if a.flags and a.flags[0].code == "title_body_mismatch")].path == ["五、", cn(20)]


def test_gaoxin_alignment(seeds: dict[str, Document], gaoxin: list[Alignment]) -> None:
    child, parent = seeds["gaoxin-jianwu-2023"], seeds[PARENT]
    expected = {cn(i): [cn(i)] for i in range(1, 10)}
    expected |= {cn(10): [cn(11)]}
    expected |= {cn(i): [cn(i + 1)] for i in range(11, 16)}
    expected |= {cn(16): [cn(18)], cn(17): [cn(19)], cn(18): [cn(22)], cn(19): [cn(23)]}
    expected |= {cn(i): [cn(i + 6)] for i in range(20, 23)}
    assert pairs(gaoxin, child, parent) == expected
    assert dropped(gaoxin, parent) == [cn(10), cn(17), cn(20), cn(21), cn(24), cn(25)]
    # chapters: 五、 of Gaoxin merges the parent's 五、 and 六、; its 六、 is the parent's 七、
    assert pairs(gaoxin, child, parent, "heading") == {"一、": ["一、"], "二、": ["二、"], "三、": ["三、"], "四、": ["四、"], "五、": ["五、", "六、"], "六、": ["七、"]}
    assert [a.status for a in gaoxin if a.kind == "heading"] == ["identical"] * 4 + ["merged", "merged", "identical"]


def test_gaoxin_rewrite_is_aligned_by_position(seeds: dict[str, Document], gaoxin: list[Alignment]) -> None:
    child = seeds["gaoxin-jianwu-2023"]
    a = next(a for a in gaoxin if a.child_index is not None and child.clauses[a.child_index].path == ["五、", cn(19)])
    assert (a.status, a.basis, [f.code for f in a.flags]) == ("modified", "position", ["rewritten"])
    assert a.scores is not None and a.scores.body < 0.1  # the text is rewritten: only title and place tie it
    assert a.flags[0].message == "aligned by position (between the partners of 六、/（二十二） and 七、/（二十六）): title 0.30, body 0.05"
    # the text-based pairs say so too
    bases = {child.clauses[a.child_index].path[-1]: a.basis for a in gaoxin if a.kind == "clause" and a.child_index is not None}
    assert bases[cn(11)] == "title"  # 推动碳排放达峰与空气质量改善协同: same title, body rewritten for the zone
    assert bases[cn(12)] == "text"


def test_every_clause_has_exactly_one_status(seeds: dict[str, Document], shapingba: list[Alignment], gaoxin: list[Alignment]) -> None:
    for child_id, alignments in (("shapingba-jianwu-2023", shapingba), ("gaoxin-jianwu-2023", gaoxin)):
        child, parent = seeds[child_id], seeds[PARENT]
        assert {a.child_index for a in alignments} - {None} == set(range(len(child.clauses)))
        assert {a.parent_index for a in alignments} - {None} == set(range(len(parent.clauses)))
        for a in alignments:
            assert (a.status in ("dropped", "added")) == (a.child_index is None or a.parent_index is None)
        # one entry per (child, parent) pair
        keys = [(a.child_index, a.parent_index) for a in alignments if a.child_index is not None and a.parent_index is not None]
        assert len(keys) == len(set(keys))


# ---- general behaviour on variants of the municipal plan's own text (not seed-specific rules)


def _blocks(doc: Document) -> list[str]:
    """The normalised text cut at every clause start."""
    starts = [c.span[0] for c in doc.clauses] + [len(doc.text)]
    return [doc.text[: starts[0]]] + [doc.text[a:b] for a, b in zip(starts, starts[1:])]


def test_swapped_clauses_are_moved(seeds: dict[str, Document]) -> None:
    parent = seeds[PARENT]
    blocks = _blocks(parent)
    i, j = 1 + next(k for k, c in enumerate(parent.clauses) if c.path[-1] == cn(13)), 1 + next(k for k, c in enumerate(parent.clauses) if c.path[-1] == cn(15))
    # move （十五）'s text (renumbered) in front of （十三）
    moved = blocks[j].replace(cn(15), cn(13), 1)
    rest = [b.replace(cn(13), cn(14), 1) if k == i else b.replace(cn(14), cn(15), 1) if k == i + 1 else b for k, b in enumerate(blocks)]
    text = "".join(rest[:i] + [moved] + rest[i:j] + rest[j + 1 :])
    child = parse_document(text, doc_id="variant")
    alignments = align_documents(child, parent)
    moved_pairs = [(child.clauses[a.child_index].path[-1], parent.clauses[a.parent_index].path[-1]) for a in alignments if a.status == "moved"]
    assert moved_pairs == [(cn(13), cn(15))]
    assert {a.status for a in alignments} <= {"identical", "moved", "modified"}


def _renumber(text: str) -> str:
    """Every line-initial （N） becomes （N+1）."""
    return regex.sub(r"(?m)^（([一二三四五六七八九十]+)）", lambda m: cn((cn_to_int(m.group(1)) or 0) + 1), text)


def test_a_clause_cut_in_two_is_split(seeds: dict[str, Document]) -> None:
    parent = seeds[PARENT]
    clause = next(c for c in parent.clauses if c.path[-1] == cn(9))
    sentences = clause.text.split("。")
    half = len(sentences) // 2
    first = "。".join(sentences[:half]) + "。"
    second = "推进农村建设绿色低碳发展。" + "。".join(sentences[half:])
    text = parent.text[: clause.span[0]] + f"{cn(9)}{first}\n{cn(10)}{second}" + _renumber(parent.text[clause.span[1] :])
    child = parse_document(text, doc_id="variant")
    alignments = align_documents(child, parent)
    split = [(child.clauses[a.child_index].path[-1], parent.clauses[a.parent_index].path[-1], a.basis) for a in alignments if a.status == "split"]
    assert split == [(cn(9), cn(9), "text"), (cn(10), cn(9), "containment")]
    assert {a.status for a in alignments} == {"identical", "split"}


def test_a_wide_gap_holds_new_and_dropped_clauses_not_rewrites(seeds: dict[str, Document]) -> None:
    """Five municipal clauses replaced by five unrelated ones (from the Yongchuan energy plan): no pairing by position."""
    parent, other = seeds[PARENT], seeds["yongchuan-jieneng-2023"]
    foreign = [c for c in other.clauses if c.number is not None and len(c.text) > 80][:5]
    replaced = [c for c in parent.clauses if c.path[-1] in {cn(n) for n in range(16, 21)}]
    text = parent.text
    for old, new in sorted(zip(replaced, foreign), key=lambda p: -p[0].span[0]):
        text = text[: old.text_offset] + new.text + text[old.span[1] :]
    child = parse_document(text, doc_id="variant")
    alignments = align_documents(child, parent)
    assert [a.basis for a in alignments if a.basis == "position"] == []
    assert [parent.clauses[a.parent_index].path[-1] for a in alignments if a.status == "dropped"] == [cn(n) for n in range(16, 21)]
    assert [child.clauses[a.child_index].path[-1] for a in alignments if a.status == "added"] == [cn(n) for n in range(16, 21)]


def test_a_merge_titled_after_one_of_its_parts_is_no_title_body_mismatch() -> None:
    """重点行业和园区绿色升级工程 holds the parent's （一） and （二）, named after （一）, written more like （二）:
    a merge, not a clause with another's title (that flag is for a title of a clause merged elsewhere)."""
    parent = parse_document(
        "洛阳市节能减排综合工作方案\n一、重点工程\n"
        "（一）重点行业绿色升级工程。以钢铁、有色、建材、石化化工等行业为重点，推进节能改造和污染物深度治理。"
        "推进钢铁、水泥、焦化行业超低排放改造，到2025年，全市完成钢铁行业超低排放改造。（市发展改革委、市工业和信息化局、市生态环境局按职责分工负责）\n"
        "（二）园区节能环保提升工程。引导工业企业向园区集聚，推动工业园区能源系统整体优化和污染综合整治。"
        "到2025年，省级以上开发区全部实施循环化改造。（市发展改革委、市工业和信息化局、市生态环境局按职责分工负责）\n"
        "（三）城镇绿色节能改造工程。全面推进城镇绿色规划、绿色建设、绿色运行管理。\n", doc_id="city")
    child = parse_document(
        "洛龙区节能减排实施方案\n一、重点工程\n"
        "（一）重点行业和园区绿色升级工程。以建材、石化化工等行业为重点，推进节能改造和污染物深度治理。"
        "引导工业企业向园区集聚，推动洛龙产业集聚区能源系统整体优化和污染综合整治。"
        "（区发展改革委、区工业和信息化局、市生态环境局洛龙分局按职责分工负责）\n"
        "（二）城镇绿色节能改造工程。全面推进城镇绿色规划、绿色建设、绿色运行管理。\n", doc_id="district")
    alignments = align_documents(child, parent)
    assert {k: sorted(v) for k, v in pairs(alignments, child, parent).items()} == {cn(1): [cn(1), cn(2)], cn(2): [cn(3)]}
    assert {a.status for a in alignments if a.child_index is not None and child.clauses[a.child_index].path[-1] == cn(1)} == {"merged"}
    assert [f.code for a in alignments for f in a.flags] == []


def test_a_clause_merged_into_its_neighbour_is_no_rewrite_of_the_new_clause_beside_it() -> None:
    """广东 3. holds the national 3. and 4.; its own 4. (推动战略性新兴产业示范) is new: added, not the national 4. rewritten by position."""
    parent = parse_document(
        "工业领域碳达峰实施方案\n一、重点任务\n"
        "1.构建有利于碳减排的产业布局。贯彻落实产业发展与转移指导目录，推进重点区域产业有序转移和承接。\n"
        "2.坚决遏制高耗能高排放低水平项目盲目发展。对高耗能高排放低水平项目实行清单管理、分类处置、动态监控。\n"
        "3.优化重点行业产能规模。严格落实钢铁、水泥、平板玻璃、电解铝等行业产能置换政策，加快化解过剩产能，持续依法依规淘汰落后产能。\n"
        "4.推动产业低碳协同示范。强化能源、钢铁、石化化工、建材、有色金属、纺织、造纸等行业耦合发展，推动产业循环链接，实施钢化联产、炼化集成。\n"
        "5.调整优化用能结构。重点控制化石能源消费，有序推进钢铁、建材、石化化工、有色金属等行业煤炭减量替代。\n"
        "6.推动工业用能电气化。拓宽电能替代领域，在铸造、玻璃、陶瓷等重点行业推广电锅炉、电窑炉。\n"
        "7.提升重点用能设备能效。实施变压器、电机等能效提升计划，推动重点用能设备系统节能改造升级。\n"
        "8.建设绿色低碳工厂。培育绿色工厂，开展绿色制造技术创新及集成应用，实施绿色工厂动态化管理。\n"
        "9.构建绿色低碳供应链。支持汽车、电子、纺织、通信等行业龙头企业在供应链整合中发挥引领作用。\n"
        "10.加强再生资源循环利用。实施废钢铁、废有色金属、废纸、废塑料等再生资源回收利用行业规范管理。\n"
        "11.强化工业固废综合利用。落实资源综合利用税收优惠政策，构建工业固废综合利用体系。\n"
        , doc_id="national")
    child = parse_document(
        "广东省工业领域碳达峰实施方案\n一、重点任务\n"
        "1.构建有利于碳减排的产业布局。贯彻落实产业发展与转移指导目录，推动珠三角地区产业向粤东粤西粤北地区有序转移。\n"
        "2.坚决遏制高耗能高排放低水平项目盲目发展。对高耗能高排放低水平项目实行清单管理、分类处置、动态监控。\n"
        "3.优化产能规模，推动产业协同。严格落实钢铁、水泥、平板玻璃等行业产能置换政策，加快化解过剩产能，持续依法依规淘汰落后产能。"
        "强化能源、钢铁、石化化工、建材、纺织、造纸等行业耦合发展，推动产业循环链接，实施炼化集成。\n"
        "4.推动战略性新兴产业示范。加快发展新一代电子信息、智能家电、新能源汽车等战略性支柱产业集群。\n"
        "5.调整优化用能结构。严格合理控制煤炭消费，有序推进钢铁、建材、石化化工、造纸等行业煤炭减量替代。\n"
        "6.推动工业用能电气化。拓宽电能替代领域，在铸造、玻璃、陶瓷等重点行业推广电锅炉、电窑炉。\n"
        "7.提升重点用能设备能效。实施变压器、电机等能效提升计划，推动重点用能设备系统节能改造升级。\n"
        "8.建设绿色低碳工厂。培育绿色工厂，开展绿色制造技术创新及集成应用，实施绿色工厂动态化管理。\n"
        "9.构建绿色低碳供应链。支持汽车、电子、纺织、通信等行业龙头企业在供应链整合中发挥引领作用。\n"
        "10.加强再生资源循环利用。实施废钢铁、废有色金属、废纸、废塑料等再生资源回收利用行业规范管理。\n"
        "11.强化工业固废综合利用。落实资源综合利用税收优惠政策，构建工业固废综合利用体系。\n"
        , doc_id="guangdong")
    alignments = align_documents(child, parent)
    assert {k: sorted(v) for k, v in pairs(alignments, child, parent).items()} == {
        "1.": ["1."], "2.": ["2."], "3.": ["3.", "4."], **{f"{n}.": [f"{n}."] for n in range(5, 12)}}
    assert [a.status for a in alignments if a.child_index is not None and child.clauses[a.child_index].path[-1] == "4."] == ["added"]
    assert [a.basis for a in alignments if a.basis == "position"] == []


def test_a_heading_given_an_opening_sentence_is_the_parents_heading_modified() -> None:
    """二、重点任务 alone in the parent is a heading; the child's, with a sentence under its title, is
    content: aligned apart they were dropped and added; by title and style they are one clause modified."""
    parent = parse_document(
        "某省实施方案\n一、总体要求\n（一）主要目标。到2025年，全省单位地区生产总值能耗下降14%，主要污染物排放总量持续减少。\n"
        "二、重点任务\n（一）推进能源结构调整。严控煤炭消费，大力发展光伏、风电等可再生能源。\n", doc_id="province")
    child = parse_document(
        "某市实施方案\n一、总体要求\n（一）主要目标。到2025年，全市单位地区生产总值能耗下降14.5%，主要污染物排放总量持续减少。\n"
        "二、重点任务\n全面落实省委省政府部署，重点做好以下工作：\n（一）推进能源结构调整。严控煤炭消费，大力发展光伏、风电等可再生能源。\n", doc_id="city")
    alignments = align_documents(child, parent)
    heading = [(a.kind, a.status, a.basis) for a in alignments if a.child_index is not None and child.clauses[a.child_index].key == "二、"
               or a.parent_index is not None and parent.clauses[a.parent_index].key == "二、"]
    assert heading == [("clause", "modified", "title")]
    assert {a.status for a in alignments} == {"identical", "modified"}
