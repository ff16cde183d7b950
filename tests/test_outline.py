"""Exact clause outlines of every seed, and their survival of a PDF-style re-wrap."""

from __future__ import annotations

import pytest

from jianwu import Document, normalize_text
from jianwu.clauses import build_clauses
from test_normalize import pdf_wrap

from conftest import CORPUS_IDS, SEED_IDS


def outline(doc: Document) -> str:
    return "".join(f"{'  ' * (c.depth - 1)}{'/'.join(c.path)}\t{c.title}\n" for c in doc.clauses)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_outline_matches_golden(seeds: dict[str, Document], golden, doc_id: str) -> None:
    golden(f"outline/{doc_id}.txt", outline(seeds[doc_id]))


def counts(doc: Document) -> tuple[int, ...]:
    numbered = [c for c in doc.clauses if c.number]
    return tuple(sum(1 for c in numbered if c.depth == d) for d in (1, 2, 3))


@pytest.mark.parametrize(
    ("doc_id", "by_depth"),
    [
        ("chongqing-jianwu-2023", (7, 28, 0)),  # 一、–七、, （一）–（二十八） running on across chapters
        ("shapingba-jianwu-2023", (25, 0, 0)),  # 1.–25. at the top
        ("gaoxin-jianwu-2023", (6, 22, 0)),
        ("ziyang-jianwu-2023", (7, 26, 0)),
        ("yongchuan-jieneng-2023", (5, 21, 39)),  # （一） restarts per chapter; 65 in all
    ],
)
def test_clause_counts(seeds: dict[str, Document], doc_id: str, by_depth: tuple[int, int, int]) -> None:
    assert counts(seeds[doc_id]) == by_depth


def test_label_headings_are_recognised(seeds: dict[str, Document]) -> None:
    labels = [(c.path, c.text[:8]) for c in seeds["shapingba-jianwu-2023"].clauses if c.style == "label"]
    assert labels == [(["指导思想"], "以习近平新时代中"), (["主要目标"], "到2025年，全"), (["主要任务"], "")]


def test_clause_fields(seeds: dict[str, Document]) -> None:
    doc = seeds["yongchuan-jieneng-2023"]
    clause = next(c for c in doc.clauses if c.path == ["三、", "（五）", "2."])
    assert (clause.number, clause.style, clause.depth, clause.title, clause.line) == ("2.", "arabic", 3, "强化农业面源污染防治", 40)
    assert clause.text.startswith("强化农业面源污染防治。完善废弃农膜")
    assert doc.text[clause.span[0]:clause.span[0] + 2] == "2."
    assert doc.text[clause.text_offset:clause.text_offset + len(clause.text)] == clause.text
    chapter = next(c for c in doc.clauses if c.path == ["一、"])
    assert chapter.title == "总体要求" and chapter.text.startswith("总体要求\n以习近平")


def test_numbers_inside_sentences_are_not_clauses(seeds: dict[str, Document]) -> None:
    text = "\n".join(["一、总体要求", "（一）森林蓄积量不低于", "2.8亿立方米，PM2.5浓度下降。", "3吨以下叉车", "一是加强管理，二是强化监督。"])
    clauses = build_clauses(normalize_text(text))
    assert [c.path for c in clauses] == [["一、"], ["一、", "（一）"]]


def test_weak_numbers_must_continue_their_sequence() -> None:
    text = "\n".join(["1.加强组织领导。", "2.加强宣传。", "7.5万吨以上的项目另行规定", "3.加强评估。"])
    assert [c.path for c in build_clauses(normalize_text(text))] == [["1."], ["2."], ["3."]]


def test_regulation_style_chapters_and_articles() -> None:
    text = "\n".join(["第一章 总则", "第一条 为了规范管理，制定本办法。", "第二条 本办法适用于全市。", "第二章 职责", "第三条 市生态环境局负责监督。"])
    paths = [c.path for c in build_clauses(normalize_text(text))]
    assert paths == [["第一章"], ["第一章", "第一条"], ["第一章", "第二条"], ["第二章"], ["第二章", "第三条"]]


@pytest.mark.parametrize("width", [24, 28, 30, 33])
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_pdf_rewrap_keeps_outline_and_text(seeds: dict[str, Document], doc_id: str, width: int) -> None:
    """Lay the seed out like a PDF extraction (fixed width, indents, page numbers): same clauses, same text."""
    doc = seeds[doc_id]
    rewrapped = build_clauses(normalize_text(pdf_wrap(doc.text, width)))
    assert [(c.path, c.title) for c in rewrapped] == [(c.path, c.title) for c in doc.clauses]
    assert [c.text.replace("\n", "") for c in rewrapped] == [c.text.replace("\n", "") for c in doc.clauses]


def test_parts_nest_chapters() -> None:
    text = "\n".join(["第一部分 总体要求", "一、指导思想", "坚持稳中求进。", "第二部分 重点任务", "一、加强管理。"])
    assert [c.path for c in build_clauses(normalize_text(text))] == [
        ["第一部分"], ["第一部分", "一、"], ["第二部分"], ["第二部分", "一、"]]


def test_an_appendix_after_the_body_is_parsed_apart_as_rows() -> None:
    """The body ends at 附件; the 分工表 after it is its own clause 附件1 with rows, not clauses of the body (issue 13)."""
    text = "\n".join(
        ["附件：甲区实施方案", "一、总体要求", "（一）加强领导。", "（二）加强宣传。", "附件", "重点任务分工表", "1.推进工作 区发展改革委", "2.加强管理 区生态环境局"]
    )
    clauses = build_clauses(normalize_text(text))
    assert [(c.path, c.style, c.text) for c in clauses] == [
        (["一、"], "cn", "总体要求"),
        (["一、", "（一）"], "cn_paren", "加强领导。"),
        (["一、", "（二）"], "cn_paren", "加强宣传。"),
        (["附件1"], "attachment", "重点任务分工表"),
        (["附件1", "1."], "row", "推进工作 区发展改革委"),
        (["附件1", "2."], "row", "加强管理 区生态环境局"),
    ]


# ---------------------------------------------------------------- the PDFs of data/raw/corpus/


@pytest.mark.parametrize("doc_id", CORPUS_IDS)
def test_pdf_outline_matches_golden(corpus: dict[str, Document], golden, doc_id: str) -> None:
    """Each golden outline was checked against the document's own text (headings, numbering)."""
    golden(f"outline/{doc_id}.txt", outline(corpus[doc_id]))


@pytest.mark.parametrize(
    ("doc_id", "by_depth"),
    [
        ("national-lvse", (8, 30, 0)),  # 一、–八、, （一）–（三十） running on across chapters
        ("chongqing-chengxiang", (3, 12, 30)),  # 一、–三、, （一） restarting per chapter, 1.–30. running on
        ("gansu-chengxiang", (3, 11, 28)),  # 1. restarting under every （一）
        ("hebei-lvse", (7, 25, 0)),  # printed from a web page narrower than its hard wraps
        ("jiangsu-lvse", (9, 30, 0)),  # a WPS export (fonts scaled by the text matrix)
        ("sichuan-lvhua", (3, 14, 0)),  # letter-spaced lines
        ("hebei-chengxiang-news", (0, 0, 0)),  # a news report: no clauses
    ],
)
def test_pdf_clause_counts(corpus: dict[str, Document], doc_id: str, by_depth: tuple[int, int, int]) -> None:
    assert counts(corpus[doc_id]) == by_depth


def test_news_report_is_not_a_plan(corpus: dict[str, Document]) -> None:
    doc = corpus["hebei-chengxiang-news"]
    assert (doc.kind, doc.clauses) == ("news", [])
    assert [w.code for w in doc.warnings] == ["not_a_plan"]
    assert all(d.kind == "plan" for k, d in corpus.items() if k != "hebei-chengxiang-news")


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # Up to the first 。, or up to a colon its text follows.
        ("一、重点任务\n（一）推进能源结构调整：大力发展光伏。", ["重点任务", "推进能源结构调整"]),
        ("一、重点任务\n（一）主要目标：到2025年，全市能耗下降14%。", ["重点任务", "主要目标"]),
        ("一、重点任务\n（一）加强组织领导：", ["重点任务", "加强组织领导"]),  # a colon ending the line: nothing cut
        ("一、重点任务\n（一）会议于10:30召开。", ["重点任务", "会议于10:30召开"]),  # a clock time is no colon
        # A colon inside brackets is the bracket's: the title ends before the bracket.
        ("一、重点任务\n1.推进钢铁超低排放改造（完成时限：2025年底前）（牵头单位：省生态环境厅）", ["重点任务", "推进钢铁超低排放改造"]),
        ("一、重点任务\n（一）主要目标（2025年）：全市能耗下降14%。", ["重点任务", "主要目标（2025年）"]),
        # A number alone on its line (a PDF or Word heading): the title is the next line.
        ("第一章\n发展基础\n成效明显。\n第二章\n总体要求\n坚持系统观念。", ["发展基础", "总体要求"]),
        ("一、\n加强组织领导。各级部门要落实责任。", ["加强组织领导"]),
        # Spaces between Chinese characters of a heading (a PDF's justified line) are not the title's.
        ("一、 总体要求\n（一）推进 工业领域节能\n加快推动。\n（二）推进  建筑 领域节能。加快推动。", ["总体要求", "推进工业领域节能", "推进建筑领域节能"]),
        ("一、重点任务\n（一）推进 5G 基站建设。", ["重点任务", "推进5G基站建设"]),
    ],
)
def test_clause_titles(text: str, titles: list[str]) -> None:
    assert [c.title for c in build_clauses(normalize_text(text)) if c.number] == titles


@pytest.mark.parametrize(
    ("text", "outline"),
    [
        # Items run on into their heading's line after its full stop: clauses under it.
        ("一、主要任务\n（一）加强源头防控。1.强化生态环境分区管控。严格落实“三线一单”。2.加强生态环境准入管理。坚决遏制高耗能项目。\n（二）突出重点领域。",
         [("一、", "主要任务", "主要任务"), ("一、/（一）", "加强源头防控", "加强源头防控。"),
          ("一、/（一）/1.", "强化生态环境分区管控", "强化生态环境分区管控。严格落实“三线一单”。"),
          ("一、/（一）/2.", "加强生态环境准入管理", "加强生态环境准入管理。坚决遏制高耗能项目。"),
          ("一、/（二）", "突出重点领域", "突出重点领域。")]),
        # …the later ones after a semicolon too; a next line numbered on continues them.
        ("一、主要任务\n（一）加快产业结构调整。1.推进落后产能淘汰。依法依规淘汰；2.严格项目准入。\n3.推动绿色转型。",
         [("一、", "主要任务", "主要任务"), ("一、/（一）", "加快产业结构调整", "加快产业结构调整。"),
          ("一、/（一）/1.", "推进落后产能淘汰", "推进落后产能淘汰。依法依规淘汰；"),
          ("一、/（一）/2.", "严格项目准入", "严格项目准入。"), ("一、/（一）/3.", "推动绿色转型", "推动绿色转型。")]),
        # One inline item that the next line numbers on from: 一、总体要求。（一）指导思想。… / （二）…
        ("一、总体要求。（一）指导思想。以习近平新时代中国特色社会主义思想为指导。\n（二）主要目标。到2025年形成格局。",
         [("一、", "总体要求", "总体要求。"), ("一、/（一）", "指导思想", "指导思想。以习近平新时代中国特色社会主义思想为指导。"),
          ("一、/（二）", "主要目标", "主要目标。到2025年形成格局。")]),
        # No items: a list within one sentence (after a colon), decimals, a lone number, a style open above.
        ("一、主要任务\n（一）突出重点领域。主要包括：1.工业领域；2.交通领域。",
         [("一、", "主要任务", "主要任务"), ("一、/（一）", "突出重点领域", "突出重点领域。主要包括：1.工业领域；2.交通领域。")]),
        ("一、主要任务\n（一）开展试点。其中，1.5万吨以上项目完成改造。2.5亿元资金全部到位。",
         [("一、", "主要任务", "主要任务"), ("一、/（一）", "开展试点", "开展试点。其中，1.5万吨以上项目完成改造。2.5亿元资金全部到位。")]),
        ("一、主要任务\n（一）开展试点。1.建设园区。\n（二）强化保障。",
         [("一、", "主要任务", "主要任务"), ("一、/（一）", "开展试点", "开展试点。1.建设园区。"), ("一、/（二）", "强化保障", "强化保障。")]),
        ("1.主要任务\n（1）开展试点。1.建设园区。2.建设社区。",
         [("1.", "主要任务", "主要任务"), ("1./（1）", "开展试点", "开展试点。1.建设园区。2.建设社区。")]),
    ],
)
def test_items_run_on_into_their_heading_s_line(text: str, outline: list[tuple[str, str, str]]) -> None:
    assert [("/".join(c.path), c.title, c.text) for c in build_clauses(normalize_text(text))] == outline


def test_half_width_right_bracket_numbers() -> None:
    """1) 2) as typed (a lone half-width bracket stays half-width): a level like 1） 2）."""
    clauses = build_clauses(normalize_text("一、保障措施\n1)加强组织领导。\n2)强化考核评价。\n二、附则\n本方案自印发之日起施行。"))
    assert [(c.path, c.title) for c in clauses if c.number] == [
        (["一、"], "保障措施"), (["一、", "1）"], "加强组织领导"), (["一、", "2）"], "强化考核评价"), (["二、"], "附则")]


PLAN_BODY = "\n".join(
    f"{cn}、{title}\n（{cn}）{title}的任务。到2025年，全市协同推进{title}，形成一批可复制可推广的经验做法，各项工作取得明显成效。"
    for cn, title in zip("一二三四五", ["总体要求", "优化能源结构", "推进产业升级", "加强生态保护", "保障措施"])
)


@pytest.mark.parametrize(
    "notice",
    [
        # Instructions numbered by the notice itself, then its signature, then the plan it issues.
        "国务院关于印发2030年前碳达峰行动方案的通知\n国发〔2021〕23号\n现就有关事项通知如下：\n"
        "一、各地区要科学制定碳达峰行动方案。\n二、各部门要加强协调配合。\n国务院\n2021年10月24日\n2030年前碳达峰行动方案",
        # Its attachments listed one a line.
        "国务院关于印发《2030年前碳达峰行动方案》的通知\n国发〔2021〕23号\n现将方案印发给你们。\n附件：\n"
        "1.2030年前碳达峰行动方案\n2.重点任务分工表\n国务院\n2021年10月24日\n2030年前碳达峰行动方案",
    ],
)
def test_a_notice_numbering_lines_of_its_own_is_the_cover(notice: str) -> None:
    from jianwu import parse_document

    doc = parse_document(f"{notice}\n{PLAN_BODY}", doc_id="t")
    assert [c.path for c in doc.clauses if c.depth == 1] == [["一、"], ["二、"], ["三、"], ["四、"], ["五、"]]
    assert (doc.title, doc.doc_number, doc.issuers, doc.date) == ("2030年前碳达峰行动方案", "国发〔2021〕23号", ["国务院"], "2021-10-24")


@pytest.mark.parametrize(
    ("name", "title_lines", "title"),
    [
        # The plan's title broken after its genre word (…规划 / 重点任务分工方案), or over three
        # lines, quotes among its first letters.
        ("江西省生态环境保护规划重点任务分工方案", "江西省生态环境保护规划\n重点任务分工方案", None),
        ("西宁市“十四五”生态环境保护规划重点任务分工方案", "西宁市“十四五”\n生态环境保护规划\n重点任务分工方案", None),
        ("西宁市“十四五”生态环境保护规划重点任务分工方案", "西宁市“十四五”生态环境保护规划重点任务分工方案", None),
        # …or with its period, which the notice leaves out.
        ("武汉市碳达峰实施方案", "武汉市碳达峰实施方案（2023—2025年）", "武汉市碳达峰实施方案（2023—2025年）"),
    ],
)
def test_a_notice_before_a_plan_title_set_over_lines_is_the_cover(name: str, title_lines: str, title: str | None) -> None:
    """The title set over lines is still the title the notice names: the notice's own numbered
    lines above it are its cover."""
    from jianwu import parse_document

    notice = (f"江西省人民政府办公厅关于印发{name}的通知\n赣府厅字〔2022〕40号\n"
              "现就有关事项通知如下：\n一、加强组织领导。各地要高度重视。\n二、强化督促落实。要加强调度。\n"
              f"江西省人民政府办公厅\n2022年4月18日\n{title_lines}")
    doc = parse_document(f"{notice}\n{PLAN_BODY}", doc_id="t")
    assert [c.path for c in doc.clauses if c.depth == 1] == [["一、"], ["二、"], ["三、"], ["四、"], ["五、"]]
    assert doc.clauses[0].title == "总体要求"
    assert (doc.title, doc.date) == (title or name, "2022-04-18")


def test_a_plan_repeating_its_own_title_is_not_cut() -> None:
    """Without the notice's signature before it, or when what would be cut is as long as the rest,
    the title line is the plan's own text: nothing is dropped."""
    from jianwu import parse_document

    cover = "国务院关于印发2030年前碳达峰行动方案的通知\n2030年前碳达峰行动方案\n"
    once = parse_document(cover + PLAN_BODY, doc_id="t")
    twice = parse_document(cover + PLAN_BODY + "\n国务院\n2021年10月24日\n2030年前碳达峰行动方案\n" + PLAN_BODY, doc_id="t")
    assert len([c for c in twice.clauses if c.number]) == 2 * len([c for c in once.clauses if c.number])


@pytest.mark.parametrize(
    ("text", "paths"),
    [
        # A 专栏 box restarting its own 1. 2. 3. under a clause whose 1. 2. run on after it.
        ("一、重点任务\n（一）推进能源结构调整。\n1.大力发展光伏。\n2.推动水电开发。\n专栏1 能源重点工程\n1.可再生能源工程。\n"
         "2.电网工程。\n3.储能工程。\n3.加快氢能发展。\n二、保障措施\n加强组织领导。",
         ["一、", "一、/（一）", "一、/（一）/1.", "一、/（一）/2.", "一、/（一）/3.", "二、"]),
        # A box between two （） clauses, its items a level the plan has not opened.
        ("一、重点任务\n（一）推进能源结构调整。\n专栏1能源绿色低碳转型重点工程\n1.可再生能源工程。\n2.电网工程。\n"
         "（二）推进产业结构调整。\n1.推动传统产业升级。\n二、保障措施", ["一、", "一、/（一）", "一、/（二）", "一、/（二）/1.", "二、"]),
        # A box of 1. 2. before a clause's first items: the 1 right after the box's 2 starts the clause's.
        ("一、重点任务\n（一）加强源头防控\n专栏1 源头防控重点工程\n1.“三线一单”生态环境分区管控。\n2.产业结构调整。\n"
         "1.强化生态环境分区管控。\n2.加强生态环境准入管理。\n（二）突出重点领域", ["一、", "一、/（一）", "一、/（一）/1.", "一、/（一）/2.", "一、/（二）"]),
        # …but a box's second list under a heading of the box's own is the box's.
        ("一、重点任务\n（一）加强源头防控\n专栏1 重点工程\n能源工程：\n1.风电工程。\n2.光伏工程。\n交通工程：\n1.港口岸电工程。\n"
         "（二）突出重点领域", ["一、", "一、/（一）", "一、/（二）"]),
        # A （一）（二） box in a 规划's 一、: its items are not the chapter's.
        ("一、重点任务\n专栏一：重点工程\n（一）光伏工程。\n（二）储能工程。\n二、保障措施", ["一、", "二、"]),
        # A glossary after the last clause, and a footnote of a mark in the text.
        ("一、重点任务\n（一）推动钢铁企业完成超低排放①改造。\n①超低排放是指颗粒物浓度不高于10毫克/立方米。\n（二）推进清洁生产。\n"
         "二、保障措施\n加强组织领导。\n名词解释：\n1.超低排放：指排放浓度达到燃气轮机组限值。\n2.清洁生产：指从源头削减污染。",
         ["一、", "一、/（一）", "一、/（二）", "二、"]),
        # ① … as clauses (no mark of them in the text above): kept.
        ("一、重点任务\n（一）推进工业节能。\n①推动钢铁行业超低排放改造；\n②推动石化化工行业节能改造。\n二、保障措施",
         ["一、", "一、/（一）", "一、/（一）/①", "一、/（一）/②", "二、"]),
        # Notes whose first note is on the 注： line: the notes after it are not clauses.
        ("一、重点任务\n（一）能源转型\n1.大力发展新能源。\n2.严控化石能源消费。\n注：1.能耗按2020年不变价计算。\n2.非化石能源包括可再生能源和核能。\n（二）节能降碳",
         ["一、", "一、/（一）", "一、/（一）/1.", "一、/（一）/2.", "一、/（二）"]),
    ],
)
def test_boxes_notes_and_footnotes_are_not_clauses(text: str, paths: list[str]) -> None:
    assert ["/".join(c.path) for c in build_clauses(normalize_text(text)) if c.number] == paths


def test_a_news_report_with_numbered_sections_is_news() -> None:
    """A reporter's byline before the numbered sections: the sections are the report's, not a plan's."""
    from jianwu import parse_document

    doc = parse_document("我市出台碳达峰实施方案\n本报讯 近日，宜宾市人民政府印发《宜宾市碳达峰实施方案》。\n"
                         "一、明确目标\n到2025年单位GDP能耗下降14%。\n二、部署任务\n推进能源转型。", doc_id="t")
    assert (doc.kind, doc.clauses) == ("news", [])
    assert [w.code for w in doc.warnings] == ["not_a_plan"]
    # the opening of a report without a byline: what the reporter learnt from whom
    doc = parse_document("记者从市生态环境局获悉，近日，市政府印发《某某市碳达峰实施方案》。方案提出，到2025年，"
                         "非化石能源消费比重达到20%。\n据介绍，方案共分为五个部分。\n", doc_id="t")
    assert doc.kind == "news" and "某某市碳达峰实施方案" in doc.warnings[0].message


@pytest.mark.parametrize(
    "contents",
    [
        "目  录\n第一章 发展基础\n第二章 总体要求\n",
        "目录\n第一章 发展基础……………………1\n第一节 主要成效 2\n第二章 总体要求……………………5\n",
    ],
)
def test_a_table_of_contents_heads_nothing(contents: str) -> None:
    """The chapters a 规划's 目录 lists are not clauses: the outline starts where the first one repeats."""
    text = "某省生态环境保护规划\n" + contents + "第一章 发展基础\n第一节 主要成效\n成效明显。\n第二章 总体要求\n一、指导思想\n坚持系统观念。"
    clauses = build_clauses(normalize_text(text))
    assert [(c.path, c.title) for c in clauses] == [
        (["第一章"], "发展基础"), (["第一章", "第一节"], "主要成效"), (["第二章"], "总体要求"), (["第二章", "一、"], "指导思想")]


def test_a_table_of_contents_under_the_title_is_neither_title_nor_cover() -> None:
    """目  录 under a 规划's title is a block of its own (no wrapped rest of the title), and its
    entries are no cover: a bare 规划 is no published notice lacking a 文号 and date."""
    from jianwu import parse_document

    doc = parse_document(
        "湖南省“十四五”生态环境保护规划\n目  录\n第一章 发展基础与形势…………………………1\n"
        "第二章 总体要求……………………………………5\n第三章 保障措施……………………………………9\n"
        "第一章 发展基础与形势\n第一节 发展基础\n第二节 面临形势\n第二章 总体要求\n第三章 保障措施", doc_id="t")
    assert (doc.title, doc.region, doc.level) == ("湖南省“十四五”生态环境保护规划", "湖南省", "province")
    assert ["/".join(c.path) for c in doc.clauses] == ["第一章", "第一章/第一节", "第一章/第二节", "第二章", "第三章"]
    assert [w.code for w in doc.warnings] == []


def test_a_plan_outline_s_volumes_nest_chapters() -> None:
    """第一篇 … 第二篇 (a 规划纲要's parts) over 第一章 and 第一节; chapters run on across them."""
    text = "某省国民经济和社会发展第十四个五年规划纲要\n第一篇 开启新征程\n第一章 发展环境\n第一节 发展基础\n第二章 指导方针\n第二篇 坚持创新驱动发展\n第三章 打造创新平台\n第一节 建设重大创新平台"
    assert [(c.path, c.title) for c in build_clauses(normalize_text(text))] == [
        (["第一篇"], "开启新征程"), (["第一篇", "第一章"], "发展环境"), (["第一篇", "第一章", "第一节"], "发展基础"),
        (["第一篇", "第二章"], "指导方针"), (["第二篇"], "坚持创新驱动发展"), (["第二篇", "第三章"], "打造创新平台"),
        (["第二篇", "第三章", "第一节"], "建设重大创新平台")]


def test_clause_numbers_set_as_enclosed_characters_are_clauses() -> None:
    """㈠ ⑴ ⒈ (one character each: WPS and Word fonts, text copied from their PDFs) number like （一） （1） 1."""
    text = "某市碳达峰实施方案\n一、重点任务\n㈠能源转型\n⒈大力发展光伏。\n⒉严控煤炭。\n⑴推进煤电改造。\n⑵压减散煤。\n㈡节能降碳\n"
    assert [(c.key, c.title) for c in build_clauses(normalize_text(text))] == [
        ("一、", "重点任务"), ("一、/（一）", "能源转型"), ("一、/（一）/1.", "大力发展光伏"), ("一、/（一）/2.", "严控煤炭"),
        ("一、/（一）/2./（1）", "推进煤电改造"), ("一、/（一）/2./（2）", "压减散煤"), ("一、/（二）", "节能降碳")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("—、总体要求", [("一、", "一、", "总体要求")]),  # an em dash for 一
        ("（—）指导思想。坚持绿色发展。", [("（一）", "（一）", "指导思想")]),
        ("(–)指导思想", [("（一）", "（一）", "指导思想")]),  # an en dash, half-width brackets
        ("（十—）推进节能降碳", [("（十一）", "（十一）", "推进节能降碳")]),
        ("（二十－）加强组织领导", [("（二十一）", "（二十一）", "加强组织领导")]),  # a full-width hyphen-minus
        ("ー、重点任务", [("一、", "一、", "重点任务")]),  # a katakana prolonged sound mark
        ("——统筹谋划，系统推进。", []),  # a dash, not a number
        ("（——）", []),
    ],
)
def test_a_clause_number_whose_one_is_a_dash_is_read(line: str, expected: list[tuple[str, str, str]]) -> None:
    """OCR and text layers give 一 as a dash of its shape; in a clause number's place it can be nothing else."""
    assert [(c.key, c.number, c.title) for c in build_clauses(normalize_text("某市方案\n" + line))] == expected
