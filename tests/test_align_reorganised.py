"""Alignment of children that reorganise their parent: partial reuse, splits across clauses, pair warnings.

The variants are built from the municipal plan's own text (real sentences, moved
and cut as a child plan does), with foreign paragraphs from the Yongchuan energy plan
standing in for a child's own new text.
"""

from __future__ import annotations

import pytest
import regex
from typer.testing import CliRunner

from jianwu import Document, parse_document
from jianwu.align import align_documents
from jianwu.cli import app
from jianwu.diff import diff_documents
from jianwu.diffmodel import Alignment, clause_status

from conftest import ROOT

PARENT = "chongqing-jianwu-2023"
SENTENCE = regex.compile(r"[^。；]+[。；]")


def clause(doc: Document, last: str) -> int:
    return next(i for i, c in enumerate(doc.clauses) if c.path[-1] == last)


def body_sentences(doc: Document, last: str) -> list[str]:
    c = doc.clauses[clause(doc, last)]
    return SENTENCE.findall(c.text[len(c.title):].lstrip("。"))


def foreign(seeds: dict[str, Document], k: int) -> str:
    """The k-th long clause body of the Yongchuan energy plan: text the municipal plan does not have."""
    bodies = [c.text[len(c.title):].lstrip("。") for c in seeds["yongchuan-jieneng-2023"].clauses if c.number is not None and len(c.text) > 180]
    return bodies[k]


def without(doc: Document, last: str) -> str:
    """The document's text with one clause (number, title and body) cut out."""
    c = doc.clauses[clause(doc, last)]
    return doc.text[: c.span[0]] + doc.text[c.span[1] :].lstrip("\n")


def entries_of(alignments: list[Alignment], parent: Document, last: str) -> list[Alignment]:
    i = clause(parent, last)
    return [a for a in alignments if a.parent_index == i]


def test_partial_reuse_in_another_chapter_is_carried_over_not_dropped(seeds: dict[str, Document]) -> None:
    """（十一）推进生态建设协同增效 (14 sentences) leaves chapter 三、; 4 of its sentences open a new
    clause at the end of chapter 七、 whose other half is new text: the parent clause is kept in part."""
    parent = seeds[PARENT]
    kept = body_sentences(parent, "（十一）")[:4]
    text = without(parent, "（十一）").rstrip("\n") + "\n（二十九）筑牢生态安全屏障。" + "".join(kept) + foreign(seeds, 0) + "\n"
    child = parse_document(text, doc_id="variant")
    alignments = align_documents(child, parent)
    (a,) = entries_of(alignments, parent, "（十一）")
    assert child.clauses[a.child_index].path == ["七、", "（二十九）"]
    assert (a.status, a.basis) == ("moved", "terms")  # its terms are the clear mutual best of both clauses
    assert a.scores is not None and 0.2 < a.scores.parent_coverage < 0.45  # the share it kept
    assert clause_status([x for x in alignments if x.child_index == a.child_index], side="child") == "moved"


def test_a_clause_spread_over_two_new_clauses_is_split(seeds: dict[str, Document]) -> None:
    """（十九）充分利用绿色财税金融政策工具 (11 sentences) becomes two new clauses at the end, each with
    about a third of its sentences and text of their own: split into both, not dropped."""
    parent = seeds[PARENT]
    s = body_sentences(parent, "（十九）")
    first, second = "".join(s[:4]), "".join(s[4:8])
    text = (
        without(parent, "（十九）").rstrip("\n")
        + "\n（二十九）强化财税政策支持。" + first + foreign(seeds, 1)
        + "\n（三十）大力发展绿色金融。" + second + foreign(seeds, 2) + "\n"
    )
    child = parse_document(text, doc_id="variant")
    alignments = align_documents(child, parent)
    split = entries_of(alignments, parent, "（十九）")
    assert sorted(child.clauses[a.child_index].path[-1] for a in split) == ["（三十）", "（二十九）"]
    assert {a.status for a in split} == {"split"}
    assert all(a.scores is not None and a.scores.parent_coverage >= 0.15 for a in split)


# ---- warnings about the pair as a whole


def test_unrelated_plans_warn(seeds: dict[str, Document]) -> None:
    diff = diff_documents(seeds["yongchuan-jieneng-2023"], seeds[PARENT])
    assert [w.code for w in diff.warnings] == ["negligible_shared_text"]
    assert diff.warnings[0].message == "only 1.3% of the child's clause text is found in the parent: the two plans may be unrelated"


def test_inverted_levels_warn(seeds: dict[str, Document]) -> None:
    diff = diff_documents(seeds[PARENT], seeds["shapingba-jianwu-2023"])
    assert [w.code for w in diff.warnings] == ["child_level_above_parent"]
    assert diff.warnings[0].message == "the child's level (municipality) is above the parent's (district): are the two given the wrong way round?"
    assert diff_documents(seeds["shapingba-jianwu-2023"], seeds[PARENT]).warnings == []


@pytest.fixture()
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_warnings_on_stderr_and_in_json(at_root: None) -> None:
    runner = CliRunner()
    args = ["diff", "data/raw/chongqing-jianwu-2023.txt", "data/raw/shapingba-jianwu-2023.txt"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert result.stderr == (
        "jianwu: warning: data/raw/chongqing-jianwu-2023.txt against data/raw/shapingba-jianwu-2023.txt: "
        "the child's level (municipality) is above the parent's (district): are the two given the wrong way round?\n"
    )
    assert "wrong way round" in result.stdout  # and in the summary
    result = runner.invoke(app, [*args, "--format", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    import json

    warnings = json.loads(result.stdout)["warnings"]
    assert warnings[0] == {
        "code": "child_level_above_parent",
        "message": "the child's level (municipality) is above the parent's (district): are the two given the wrong way round?",
        "child_path": None,
        "parent_path": None,
    }


# ---- sentences


def test_sentence_alignment_of_a_pair(seeds: dict[str, Document]) -> None:
    """Shapingba 7. against （九）: the district keeps 10 of 13 sentences, rewords 3, drops 2 (its
    推动广阳湾智创生态城… and the 500万平方米 target), in the order of both texts."""
    child, parent = seeds["shapingba-jianwu-2023"], seeds[PARENT]
    diff = diff_documents(child, parent)
    a = next(a for a in diff.alignments if a.child_index == clause(child, "7."))
    got = [(s.status, s.parent, s.child) for s in a.sentences]
    assert got == [
        ("identical", 0, 0), ("identical", 1, 1), ("identical", 2, 2), ("modified", 3, 3), ("dropped", 4, None),
        ("identical", 5, 4), ("identical", 6, 5), ("identical", 7, 6), ("identical", 8, 7), ("dropped", 9, None),
        ("modified", 10, 8), ("identical", 11, 9), ("modified", 12, 10),
    ]
    assert round(sum(s.parent_share for s in a.sentences if s.child is not None), 2) == 0.87  # the share of （九） it kept


def test_a_sentence_moved_to_another_clause_says_where(seeds: dict[str, Document]) -> None:
    """The child moves one sentence of （十五） into （七）: the pair （十五）↔（十五） links it to where it
    went, the pair （七）↔（七） to where it came from; responsibility notes, alike everywhere, never move."""
    parent = seeds[PARENT]
    moved = body_sentences(parent, "（十五）")[2]
    seven = parent.clauses[clause(parent, "（七）")]
    end_of_seven = seven.text_offset + seven.text.index("（市")  # before its responsibility note
    text = parent.text[:end_of_seven] + moved + parent.text[end_of_seven:]
    fifteen = text.index("（十五）")
    at = text.index(moved, fifteen)
    text = text[:at] + text[at + len(moved):]
    child = parse_document(text, doc_id="variant")
    diff = diff_documents(child, parent)

    def pair(last: str):
        return next(a for a in diff.alignments if a.parent_index == clause(parent, last) and a.child_index == clause(child, last))

    out = [(link.parent, link.elsewhere) for link in pair("（十五）").sentences if link.status == "moved"]
    assert out == [(3, (clause(child, "（七）"), len(body_sentences(parent, "（七）")) + 1))]
    came = [(link.child, link.elsewhere) for link in pair("（七）").sentences if link.status == "moved"]
    assert came == [(len(body_sentences(parent, "（七）")) + 1, (clause(parent, "（十五）"), 3))]
    notes = [link for a in diff.alignments for link in a.sentences if link.status == "moved" and link.parent_span and parent.clauses[a.parent_index].text[link.parent_span[0]] == "（"]
    assert notes == []


def test_chapters_meet_their_own_when_the_parent_has_a_level_more(seeds: dict[str, Document]) -> None:
    # The municipal plan with its chapters put into two 部分: the child (the plan as it is) has one
    # level less, and its 二、加强源头防控协同增效 is the parent's 二、 under 第二部分, not 第二部分 itself.
    plan = seeds[PARENT]
    text = plan.text
    first, second = text.index("\n一、总体要求") + 1, text.index("\n二、加强源头防控协同增效") + 1
    parted = text[:first] + "第一部分 总体要求\n" + text[first:second] + "第二部分 重点任务\n" + text[second:]
    parent = parse_document(parted, doc_id="parted")
    headings = {(tuple(plan.clauses[a.child_index].path), tuple(parent.clauses[a.parent_index].path), a.status)
                for a in align_documents(plan, parent) if a.kind == "heading" and a.child_index is not None and a.parent_index is not None}
    assert (("一、",), ("第一部分", "一、"), "identical") in headings  # the same title twice: the same numbering
    assert (("二、",), ("第二部分", "二、"), "identical") in headings
    assert (("七、",), ("第二部分", "七、"), "identical") in headings
    assert not [h for h in headings if len(h[1]) == 1]  # 第一部分, 第二部分: no partner


PROMOTED_PARENT = """江苏省减污降碳协同增效实施方案
一、重点任务
（一）推进工业领域协同增效。
1.推动产业结构优化升级。坚决遏制高耗能、高排放、低水平项目盲目发展，严格落实钢铁、水泥、平板玻璃等行业产能置换政策。
2.推进重点行业清洁生产。在钢铁、建材、石化化工、有色等行业开展减污降碳协同增效试点，推进清洁生产审核。
（二）推进交通运输协同增效。
1.优化运输结构。推进大宗货物和中长途货物运输“公转铁”“公转水”，提高铁路和水路货运量占比。
2.推广新能源车船。加快新能源汽车推广应用，推动公交、出租、物流配送等领域车辆电动化。
"""
PROMOTED_CHILD = """无锡市减污降碳协同增效实施方案
一、推进工业领域协同增效
（一）推动产业结构优化升级。坚决遏制高耗能、高排放、低水平项目盲目发展，严格落实钢铁、水泥、平板玻璃等行业产能置换政策。
（二）推进重点行业清洁生产。在钢铁、建材、石化化工、有色等行业开展减污降碳协同增效试点，推进清洁生产审核。
二、推进交通运输协同增效
（一）优化运输结构。推进大宗货物和中长途货物运输“公转铁”“公转水”，提高铁路和水路货运量占比。
（二）推广新能源车船。加快新能源汽车推广应用，推动公交、出租、物流配送等领域车辆电动化。
"""


def test_sections_promoted_to_chapters_meet_their_sections() -> None:
    # The child drops the parent's 一、重点任务 and makes its （一）（二） chapters: 一、推进工业领域协同增效
    # is the parent's （一）, not a split of 一、重点任务.
    child, parent = parse_document(PROMOTED_CHILD, doc_id="wuxi"), parse_document(PROMOTED_PARENT, doc_id="jiangsu")
    got = sorted(((tuple(child.clauses[a.child_index].path) if a.child_index is not None else None,
                   tuple(parent.clauses[a.parent_index].path) if a.parent_index is not None else None, a.status)
                  for a in align_documents(child, parent) if a.kind == "heading"), key=str)
    assert got == sorted([
        (("一、",), ("一、", "（一）"), "identical"),
        (("二、",), ("一、", "（二）"), "identical"),
        (None, ("一、",), "dropped"),
    ], key=str)
