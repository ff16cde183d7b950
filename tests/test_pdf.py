"""The PDF reader (readers/pdf.py) on PDFs written by tests/pdfmake.py.

The seeds, laid out as printed plans (indents, hard wraps, running headers, page
numbers cutting sentences), must read back to exactly the clean text and clause
tree of the seed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jianwu import Document, parse_document
from jianwu.cli import app
from jianwu.errors import InputError
from jianwu.readers import pdf as pdf_reader
from jianwu.readers import read_bytes
from jianwu.serialize import document_to_dict
from pdfmake import Run, layout, make_pdf

from conftest import ROOT, SEED_IDS


@pytest.mark.parametrize(("doc_id", "width"), [(d, w) for d in SEED_IDS for w in (23, 29)])
def test_seed_laid_out_as_pdf_reads_back_to_the_same_text_and_tree(seeds: dict[str, Document], doc_id: str, width: int) -> None:
    seed = seeds[doc_id]
    pdf = make_pdf(layout(seed.text, width=width, header="某某市人民政府办公室文件", page_numbers="— {} —"))
    doc = parse_document(pdf, doc_id=doc_id)
    assert doc.format == "pdf"
    assert doc.text == seed.text
    assert [(c.path, c.title) for c in doc.clauses] == [(c.path, c.title) for c in seed.clauses]


@pytest.mark.parametrize("label", ["— {} —", "― {} ―", "- {} -", "第{}页", "{}", "第 {} 页 共 9 页"])
def test_page_numbers_inside_a_sentence_are_dropped_and_the_sentence_rejoined(label: str) -> None:
    sentence = "（一）推动能源绿色低碳转型。" + "严格合理控制煤炭消费增长，加快发展可再生能源，" * 6 + "提升非化石能源消费比重。"
    text = "一、主要任务\n" + sentence + "\n（二）加快形成绿色生活方式。倡导简约适度、绿色低碳的生活方式。"
    pages = layout(text, width=20, lines_per_page=4, page_numbers=label)
    read = read_bytes(make_pdf(pages), "x.pdf")
    assert sum(r.kind == "page_number" for r in read.repairs) == len(pages)
    doc = parse_document(make_pdf(pages), doc_id="x")
    assert doc.text.split("\n") == ["一、主要任务", sentence, "（二）加快形成绿色生活方式。倡导简约适度、绿色低碳的生活方式。"]


def test_running_header_and_footer_are_dropped_wherever_they_cut() -> None:
    note = "（一）加强组织领导。各部门要按照职责分工抓好落实，确保各项任务落地见效。（市发展改革委、市生态环境局、市经济信息委、市住房城乡建设委按职责分工负责）"
    pages = layout("三、保障措施\n" + note, width=18, lines_per_page=3, header="重庆市人民政府办公厅行政规范性文件",
                   page_numbers="- {} 重庆市人民政府办公厅发布")
    read = read_bytes(make_pdf(pages), "x.pdf")
    assert "行政规范性文件" not in read.text and "发布" not in read.text
    doc = parse_document(make_pdf(pages), doc_id="x")
    assert doc.text.split("\n") == ["三、保障措施", note]
    clause = doc.clauses[1]
    assert [d.name for d in clause.departments] == ["市发展改革委", "市生态环境局", "市经济信息委", "市住房城乡建设委"]


def test_attachment_labels_atop_their_pages_are_no_running_header() -> None:
    """附件1 / 附件2 / 附件3, each atop the first page of its attachment, recur at one height with
    only their digit changing, as a running header does: they are kept, each over its attachment."""
    prose = "坚持系统观念，统筹推进经济社会发展全面绿色转型，加快构建清洁低碳安全高效的能源体系。"
    body = "某省碳达峰实施方案\n一、总体要求\n" + prose * 3 + "\n二、保障措施\n" + prose
    pages = layout(body, width=28)
    for n, area in enumerate(("能源", "工业", "交通"), 1):
        pages += layout(f"附件{n}\n某省{area}领域重点任务\n一、推进{area}领域降碳\n" + prose, width=28)
    doc = parse_document(make_pdf(pages), doc_id="x")
    assert [(c.path, c.title) for c in doc.clauses if c.depth == 1] == [
        (["一、"], "总体要求"), (["二、"], "保障措施"), (["附件1"], "某省能源领域重点任务"),
        (["附件2"], "某省工业领域重点任务"), (["附件3"], "某省交通领域重点任务")]


# (lines as (left edge in ems, text), paragraphs expected): the column is 20 ems wide.
PARAGRAPH_CASES = [
    # a full line continues; a short line ends its paragraph; an indent starts one
    ([(2, "为深入贯彻落实党中央国务院决策部署，加"), (0, "快推进绿色低碳发展。"), (2, "一、总体要求")],
     ["为深入贯彻落实党中央国务院决策部署，加快推进绿色低碳发展。", "一、总体要求"]),
    # a short title line ends its paragraph even without punctuation
    ([(4, "某某市人民政府关于"), (4, "加快绿色发展的实施意见"), (0, "各区县人民政府，市政府各部门：")],
     ["某某市人民政府关于", "加快绿色发展的实施意见", "各区县人民政府，市政府各部门："]),
    # a clause number after a finished sentence starts a paragraph even without an indent
    ([(0, "（一）指导思想。坚持以人民为中心发展思想。"), (0, "（二）主要目标。到2025年，全市单位地区")],
     ["（一）指导思想。坚持以人民为中心发展思想。", "（二）主要目标。到2025年，全市单位地区"]),
    # … one set as an enclosed character too (㈡ for （二）: normalisation writes it out)
    ([(0, "㈠指导思想。坚持以人民为中心的发展思想。"), (0, "㈡主要目标。到2025年，全市单位地区")],
     ["（一）指导思想。坚持以人民为中心的发展思想。", "（二）主要目标。到2025年，全市单位地区"]),
    # a page printed narrower than its hard wraps: fragments left alone mid-sentence continue
    ([(2, "（一）指导思想。以习近平新时代中国特色社"), (0, "会主"), (0, "义思想为指导，深入贯彻党的二十大精神，"),
      (0, "全面"), (0, "贯彻新发展理念。")],
     ["（一）指导思想。以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，全面贯彻新发展理念。"]),
    # a paragraph typed in two pieces inside its bracket: one paragraph, the indent notwithstanding
    ([(2, "一是发展生物质能、地热能等。（区发展"), (2, "改革委、区经济信息委按职责分工负责）")],
     ["一是发展生物质能、地热能等。（区发展改革委、区经济信息委按职责分工负责）"]),
    # a ragged line broken before a number that did not fit: the space between the two comes back
    ([(2, "各地级城市空气优良天数比率（%）82.9"), (0, "83.6约束性")], ["各地级城市空气优良天数比率（%）82.9 83.6约束性"]),
    # … a justified line, stretched full: two numbers of one decimal point each, not one of two
    ([(2, "全省地级以上城市优良天数比率（%）82.9"), (0, "83.6约束性")], ["全省地级以上城市优良天数比率（%）82.9 83.6约束性"]),
    # … with room left, it broke inside the number (a Word export): no space
    ([(2, "全面发展绿色建筑，2"), (0, "025年城镇新建建筑执行绿色标准。")], ["全面发展绿色建筑，2025年城镇新建建筑执行绿色标准。"]),
    # an indented item number after a full line left open (a label's list): a new paragraph …
    ([(2, "参与部门：市工信局、市住建局、市机关事务"), (0, "局、市市场监管局、苏州市昆山生态环境局、各区"), (2, "2.大力发展光伏发电。")],
     ["参与部门：市工信局、市住建局、市机关事务局、市市场监管局、苏州市昆山生态环境局、各区", "2.大力发展光伏发电。"]),
    # … but not a number wrapped to an indented line
    ([(2, "到2025年，全市光伏装机容量比2020年增长达"), (2, "2.5倍以上。")], ["到2025年，全市光伏装机容量比2020年增长达2.5倍以上。"]),
    # a character pushed down with the punctuation after it (禁则), on an indented line: a wrap
    ([(2, "推进土壤污染防治、固体废物防治、节约用"), (1, "水、土地管理等法规制修订工作。")],
     ["推进土壤污染防治、固体废物防治、节约用水、土地管理等法规制修订工作。"]),
    # a clause number after a full line that closes its note starts a paragraph, indent or not …
    ([(2, "数据中心。（省通信管理局、工信厅负责）"), (0, "二、保障措施")], ["数据中心。（省通信管理局、工信厅负责）", "二、保障措施"]),
    # … not after a full line with its bracket still open
    ([(2, "数据中心。（省通信管理局、工信厅、省发"), (0, "改委负责）")], ["数据中心。（省通信管理局、工信厅、省发改委负责）"]),
    # a signature after a full line that ends its sentence: its names and its date, each a line
    ([(2, "现将方案印发给你们，请结合实际贯彻执。"), (0, "某某市人民政府办公室"), (0, "2023年6月12日")],
     ["现将方案印发给你们，请结合实际贯彻执。", "某某市人民政府办公室", "2023年6月12日"]),
    # … but a sentence going on after it is the paragraph's
    ([(2, "现将方案印发给你们，请结合实际贯彻执。"), (0, "市生态环境局负责。")], ["现将方案印发给你们，请结合实际贯彻执。市生态环境局负责。"]),
    # a first-line indent written as glyphs mapped to a control character (\x7f): no text, and no place in the line
    # (after the full lines above, ending their sentence: indented, it starts a paragraph)
    ([(0, "\x7f\x7f\x7f\x7f加强组织领导，健全工作机制。")], ["加强组织领导，健全工作机制。"]),
    # a clause number after a full line that is no prose (a wrapped heading) starts a paragraph
    ([(0, "（一）推进产业结构和能源结构优化调整的重点工程"), (0, "1.严格控制高耗能行业产能。"), (0, "2.推进传统产业绿色化改造。")],
     ["（一）推进产业结构和能源结构优化调整的重点工程", "1.严格控制高耗能行业产能。", "2.推进传统产业绿色化改造。"]),
]


@pytest.mark.parametrize(("rows", "expected"), PARAGRAPH_CASES)
def test_paragraphs_follow_the_geometry(rows: list[tuple[float, str]], expected: list[str]) -> None:
    # eight full lines of 22 ems before them show the column
    body = [(0, f"第{n}行背景文字用来确定文本栏的左右边界二。") for n in "一二三四五六七八"]
    runs = [Run(80 + 16 * indent, 760 - 26 * k, text) for k, (indent, text) in enumerate(body + rows)]
    doc = parse_document(make_pdf([runs]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n")[1:] == expected


def test_a_short_plans_title_is_its_own_paragraph() -> None:
    # its widest line, and so "full": the clause numbers after it start their paragraphs all the same
    rows = ["烟台市碳达峰实施方案", "一、总体要求", "二、重点任务", "三、保障措施"]
    doc = parse_document(make_pdf([[Run(80, 760 - 26 * k, text) for k, text in enumerate(rows)]]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n") == rows
    assert (doc.title, [c.key for c in doc.clauses]) == ("烟台市碳达峰实施方案", ["一、", "二、", "三、"])


# (lines as (left edge in ems, text)) of a page with fewer full lines than anything else: the column's
# right edge is where the full lines end, not where the most lines end; its left edge is where
# the lines after a first line start.
SPARSE_PAGE_CASES = [
    # a page's last clauses: one full line, headings of one length (the commonest end)
    [(2, "2.大力发展新能源。全面推进风电、太阳能发"), (0, "电大规模开发和高质量发展。"), (2, "（二）节能降碳增效行动。"),
     (2, "三、国际合作"), (2, "四、政策保障"), (2, "五、组织实施"), (2, "六、监督考核")],
    # a cover: centred lines ending alike above two full lines, then the plan's headings
    [(6, "某某市人民政府"), (6, "某政发〔2022〕25号"), (2, "各区人民政府，市政府各部门，市直各单位，有关"),
     (0, "单位："), (2, "现将《某某市碳达峰工作方案》印发给你们，请认"), (0, "真组织实施。"), (6, "某某市人民政府"),
     (2, "一、总体要求"), (2, "二、重点任务"), (2, "三、保障措施")],
    # paragraphs of a line and a bit: the left edge is where their short last lines start, so the
    # first lines are indented (the 1. after a line of 责任单位 starts its own paragraph)
    [(2, "（一）推进降碳。（省工业和信息化厅牵"), (0, "头）"), (2, "1.实施节能降碳改造。"), (2, "（二）推进产业结构调整。"),
     (2, "责任单位：省发展改革委、省工信厅"), (2, "1.坚决遏制“两高”项目盲目发展。"), (2, "2.依法依规淘汰落后产能。（省工信厅、"),
     (0, "省生态环境厅负责）"), (2, "3.推动存量项目节能改造升级。"), (2, "4.严格能效约束。")],
]


@pytest.mark.parametrize("rows", SPARSE_PAGE_CASES)
def test_a_sparse_pages_column_is_read_from_its_full_and_last_lines(rows: list[tuple[float, str]]) -> None:
    runs = [Run(80 + 16 * indent, 760 - 26 * k, text) for k, (indent, text) in enumerate(rows)]
    doc = parse_document(make_pdf([runs]), doc_id="x", require_clauses=False)
    lines = [text for _, text in rows]
    expected = []
    for k, text in enumerate(lines):  # a line after a full one (20 ems from the left edge) goes on it
        if k and rows[k - 1][0] + sum(0.5 if c.isascii() else 1 for c in lines[k - 1]) >= 20:
            expected[-1] += text
        else:
            expected.append(text)
    assert doc.text.split("\n") == expected


def test_pages_are_kept_for_lines_clauses_and_json(seeds: dict[str, Document]) -> None:
    seed = seeds["chongqing-jianwu-2023"]
    pdf = make_pdf(layout(seed.text, width=26, lines_per_page=26))
    doc = parse_document(pdf, doc_id="chongqing")
    read = read_bytes(pdf, "x.pdf")
    assert len(read.line_pages) == read.text.count("\n") + 1
    assert read.text.count("\f") == read.line_pages[-1] - 1
    data = document_to_dict(doc)
    pages = [c["page"] for c in data["clauses"]]
    assert pages == sorted(pages) and pages[0] == 1 and pages[-1] == read.line_pages[-1]
    for clause, item in zip(doc.clauses, data["clauses"]):
        line = read.text.split("\n")[clause.line - 1].lstrip("\f")
        assert line.startswith(clause.number or "")
        assert read.line_pages[clause.line - 1] == item["page"]
    assert "page" not in document_to_dict(seed)["clauses"][0]  # text files have no pages


def test_private_use_and_off_page_characters_are_warned_about() -> None:
    runs = [Run(80, 700, "一、总体要求\ue001加强领导"), Run(700, 600, "页面外的字"), Run(80, 650, "（一）指导思想。坚持绿色发展。")]
    read = read_bytes(make_pdf([runs]), "x.pdf")
    codes = {w.code: w.message for w in read.warnings}
    assert codes["unmapped_chars"] == "1 private-use or replacement characters kept (pages 1): U+E001"
    assert codes["outside_page"] == "5 characters outside the page box dropped (pages 1): 页面外的字"
    assert "页面外" not in read.text


def _two_pages_and_a_broken_page_tree(damage: bytes) -> bytes:
    raw = make_pdf([[Run(80, 700, "一、总体要求（一）指导思想。")], [Run(80, 700, "二、主要目标（二）到2025年。")]])
    return raw.replace(b"/Count 2", damage) if damage.startswith(b"/Count") else raw.replace(b"/Kids [6 0 R 8 0 R]", damage)


ONE, TWO = "一、总体要求（一）指导思想。", "\f二、主要目标（二）到2025年。"


@pytest.mark.parametrize(
    ("damage", "skipped", "text", "pages"),
    [
        (b"/Count 3", "1 page PDFium cannot load skipped (pages 3)", f"{ONE}\n{TWO}", (1, 2)),  # a page tree counting one page too many
        (b"/Kids [6 0 R 99 0 R]", "1 page PDFium cannot load skipped (pages 2)", ONE, (1,)),  # a page that is not in the file
        (b"/Kids [3 0 R 8 0 R]", "1 page PDFium cannot load skipped (pages 1)", TWO, (2,)),  # a page that is a font
    ],
)
def test_a_page_pdfium_cannot_load_is_skipped_with_a_warning(damage: bytes, skipped: str, text: str, pages: tuple[int, ...]) -> None:
    read = read_bytes(_two_pages_and_a_broken_page_tree(damage), "x.pdf")
    assert {w.code: w.message for w in read.warnings}["unloadable_pages"] == skipped
    assert (read.text, read.line_pages) == (text, pages)  # the pages read keep their numbers


def test_a_pdf_none_of_whose_pages_loads_is_corrupt(tmp_path) -> None:
    (tmp_path / "x.pdf").write_bytes(_two_pages_and_a_broken_page_tree(b"/Kids [3 0 R 99 0 R]"))
    result = CliRunner().invoke(app, ["parse", str(tmp_path / "x.pdf")])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: {tmp_path / 'x.pdf'}: corrupt PDF: Failed to load any page (PDFium: Page not found or content error).\n"


def test_bad_pdfs_are_one_line_and_exit_2(tmp_path) -> None:
    (tmp_path / "scan.pdf").write_bytes(make_pdf([[], []]))
    (tmp_path / "locked.pdf").write_bytes(make_pdf(layout("一、总体要求"), encrypted=True))
    (tmp_path / "broken.pdf").write_bytes(make_pdf(layout("一、总体要求"))[:400])
    (tmp_path / "empty.pdf").write_bytes(make_pdf([]))  # a page tree without a page
    runner = CliRunner()
    for name, message in [
        ("scan.pdf", "PDF without a text layer (2 pages of images, a scan): run OCR first, e.g. ocrmypdf -l chi_sim in.pdf out.pdf"),
        ("locked.pdf", "encrypted PDF (password required): decrypt it first, e.g. qpdf --decrypt"),
        ("broken.pdf", "corrupt PDF: Failed to load document (PDFium: Data format error)."),
        ("empty.pdf", "corrupt PDF: it has no page"),
    ]:
        result = runner.invoke(app, ["parse", str(tmp_path / name)])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == f"jianwu: {tmp_path / name}: {message}\n"


def test_check_findings_carry_the_page(tmp_path) -> None:
    text = "一、总体要求\n（一）指导思想。坚持绿色发展。\n" + "（二）主要目标。到2025年，全市生态环境质量持续改善。\n" * 3 + "（五）加强领导。（市发展改革委负责"
    (tmp_path / "plan.pdf").write_bytes(make_pdf(layout(text, width=24, lines_per_page=4)))
    result = CliRunner().invoke(app, ["check", str(tmp_path / "plan.pdf"), "--format", "json"])
    findings = json.loads(result.stdout)["findings"]
    assert findings and all(f["page"] >= 1 for f in findings)
    sarif = json.loads(CliRunner().invoke(app, ["check", str(tmp_path / "plan.pdf"), "--format", "sarif"]).stdout)
    result0 = sarif["runs"][0]["results"][0]
    assert result0["locations"][0]["logicalLocations"][0]["kind"] == "page"
    assert result0["properties"]["page"] == findings[0]["page"]
    github = CliRunner().invoke(app, ["check", str(tmp_path / "plan.pdf"), "--format", "github"]).stdout
    assert f"::page {findings[0]['page']}: " in github


def test_a_pdf_given_as_text_is_not_misread() -> None:
    with pytest.raises(InputError):
        read_bytes(b"%PDF-1.7\nnot really", "x.pdf")


# A space a PDF draws as a gap, with no space character (Chromium's PDFs, some typesetters): runs
# of one line as (gap before it in ems, text), and the line read back.  16-pt type, CJK 1 em wide,
# digits half an em.
GAP_CASES = [
    ([(0, "工业和信息化部"), (0.5, "国家发展改革委"), (0.3, "生态环境部")], "工业和信息化部 国家发展改革委 生态环境部"),  # joint signatures
    ([(0, "区经济信息委"), (0.28, "配合单位：区统计局")], "区经济信息委 配合单位：区统计局"),  # a sans font's space: 0.28 em
    ([(0, "推进工业领域"), (0.1, "节能降碳改造")], "推进工业领域节能降碳改造"),  # kerning, not a space
    ([(0, "非化石能源比重7.3"), (0.35, "13预期性")], "非化石能源比重7.3 13预期性"),  # two numbers of a table row
    ([(0, "能耗降低14.5"), (0.05, "约束性")], "能耗降低14.5约束性"),
    ([(0, "序号"), (3, "重点任务"), (3, "牵头单位")], "序号  重点任务  牵头单位"),  # table cells: a text's cell gap
]


@pytest.mark.parametrize(("runs", "expected"), GAP_CASES)
def test_a_gap_between_characters_is_a_space(runs: list[tuple[float, str]], expected: str) -> None:
    x, placed = 80.0, []
    for gap, text in runs:
        x += gap * 16
        placed.append(Run(x, 700, text))
        x += sum(16 if ord(c) > 0x2E80 else 8 for c in text)
    assert read_bytes(make_pdf([placed]), "x.pdf").text == expected


def test_letter_spaced_lines_keep_their_words_together() -> None:
    # A title set with half an em between its characters, every one: letter spacing, not spaces.
    title = "关于印发实施方案的通知"
    # (pdfium skips one-character runs of the test font: each character is drawn with an
    # ideographic space after it, which the reader keeps as a character and the test removes)
    runs = [Run(80 + 24 * k, 700, ch + "\u3000") for k, ch in enumerate(title)]
    text = read_bytes(make_pdf([runs]), "x.pdf").text
    assert text.replace("\u3000", "") == title


@pytest.mark.parametrize(
    ("header", "footer"),
    [
        ("12/7/26, 2:29 AM", "https://www.gd.gov.cn/zwgk/wjk/qbwj/yf/content/post_4091234.html 1/1"),
        ("2023/1/5 下午3:20", "file:///C:/Users/admin/Desktop/方案.html 1/1"),
        ("2023-01-05 15:20", "Page 1 of 1"),
    ],
)
def test_a_browser_prints_header_and_footer_are_dropped_on_a_single_page(header: str, footer: str) -> None:
    runs = [Run(40, 810, header), Run(250, 810, "广东省人民政府门户网站"), Run(160, 740, "广东省减污降碳协同增效实施方案", 22),
            Run(80, 690, "一、总体要求"), Run(80, 660, "（一）主要目标。到2025年，全省单位地区生产总值能耗下降14%。"),
            Run(40, 30, footer)]
    doc = parse_document(make_pdf([runs]), doc_id="x")
    assert doc.title == "广东省减污降碳协同增效实施方案"
    assert doc.level == "province"
    assert "http" not in doc.text and "1/1" not in doc.text and ":2" not in doc.text
    assert [c.number for c in doc.clauses] == ["一、", "（一）"]


def test_an_attachment_label_after_a_full_line_starts_its_own_paragraph() -> None:
    body = [(0, f"第{n}行背景文字用来确定文本栏的左右边界二。") for n in "一二三四五六七八"]
    full = "（一）实施重点行业绿色升级工程推进钢铁改。"  # as wide as the column: a full line
    assert len(full) == len(body[0][1])
    rows = body + [(0, full), (0, "附件：1.主要指标表"), (0, "附件2"), (0, "重点任务分工表")]
    runs = [Run(80, 760 - 26 * k, text) for k, (_, text) in enumerate(rows)]
    doc = parse_document(make_pdf([runs]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n")[-4:] == [full, "附件：1.主要指标表", "附件2", "重点任务分工表"]


def _ruled_table(cells: list[list[list[str]]], widths: list[float], left: float = 80.0, top: float = 700.0,
                 line: float = 14.0, size: float = 12.0) -> tuple[list[Run], list[tuple[float, float, float, float]]]:
    """Runs and border rules of a table: ``cells[row][column]`` are the lines of a cell (its text
    wrapped inside it), each row as tall as its tallest cell, each cell's lines centred in it."""
    runs: list[Run] = []
    rules: list[tuple[float, float, float, float]] = []
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    y = top
    ys = [y]
    for row in cells:
        height = line * max(len(c) for c in row) + 8
        for column, lines in enumerate(row):
            first = y - (height - line * len(lines)) / 2 - line + 3  # centred, as vertical-align: middle
            for k, text in enumerate(lines):
                runs.append(Run(xs[column] + 3, first - k * line, text, size))
        y -= height
        ys.append(y)
    for x in xs:
        rules.append((x - 0.5, ys[-1], 1.0, ys[0] - ys[-1]))
    for y in ys:
        rules.append((xs[0], y - 0.5, xs[-1] - xs[0], 1.0))
    return runs, rules


def test_a_ruled_tables_rows_are_read_as_lines_of_cells() -> None:
    cells = [
        [["序号"], ["重点任务"], ["牵头单位"], ["配合单位"], ["完成时限"]],
        [["1"], ["严格执行钢铁、水泥", "等行业产能置换", "政策"], ["省发展改革", "委、省工业和", "信息化厅"], ["省生态环境厅、", "省自然资源厅"], ["持续", "推进"]],
        [["2"], ["推进超低排放改造"], ["省生态环境厅"], ["省发展改革委"], ["2025年", "底前"]],
    ]
    runs, rules = _ruled_table(cells, [40, 130, 80, 100, 60])
    before = [Run(80, 760, "附件"), Run(80, 735, "重点任务分工表")]
    read = read_bytes(make_pdf([before + runs], rules=([*rules],)), "x.pdf")
    assert read.text.split("\n") == [
        "附件", "重点任务分工表",
        "序号  重点任务  牵头单位  配合单位  完成时限",  # cells two spaces apart, as a tab in a text
        "1  严格执行钢铁、水泥等行业产能置换政策  省发展改革委、省工业和信息化厅  省生态环境厅、省自然资源厅  持续推进",
        "2  推进超低排放改造  省生态环境厅  省发展改革委  2025年底前",
    ]
    doc = parse_document(make_pdf([[Run(80, 790, "一、重点任务"), Run(80, 770, "（一）推进产能置换。严格执行产能置换政策。")] + before + runs],
                                  rules=([*rules],)), doc_id="x")
    rows = [c for c in doc.clauses if c.style == "row"]
    assert [(c.number, [(d.name, d.role) for d in c.departments]) for c in rows] == [
        ("1", [("省发展改革委", "lead"), ("省工业和信息化厅", "lead"), ("省生态环境厅", "support"), ("省自然资源厅", "support")]),
        ("2", [("省生态环境厅", "lead"), ("省发展改革委", "support")]),
    ]


def test_rules_that_are_no_grid_leave_the_lines_alone() -> None:
    # An underline and a rule under a red head: no table, the lines are read as before.
    runs = [Run(80, 760, "某某省人民政府文件"), Run(80, 700, "序号不是表格的一行文字"), Run(80, 680, "牵头单位也只是文字")]
    rules = [(80, 740, 400, 1.5), (80, 678, 120, 0.8)]
    read = read_bytes(make_pdf([runs], rules=(rules,)), "x.pdf")
    assert read.text.split("\n") == ["某某省人民政府文件", "序号不是表格的一行文字", "牵头单位也只是文字"]


def test_a_ruled_table_going_on_over_a_page_is_read_on_both() -> None:
    header = [["序号"], ["重点任务"], ["牵头单位"], ["配合单位"]]
    first, first_rules = _ruled_table([header, [["1"], ["实施重点行业", "绿色升级工程"], ["省工业和信", "息化厅"], ["省发展改革委"]]], [40, 130, 80, 100])
    # page 2: one row, no header (no word of a table's header on the page)
    second, second_rules = _ruled_table([[["2"], ["实施城镇绿色节能", "改造工程"], ["省住房城乡建", "设厅"], ["省能源局、省机", "关事务局"]]], [40, 130, 80, 100])
    read = read_bytes(make_pdf([first, second], rules=(first_rules, second_rules)), "x.pdf")
    assert read.text.split("\n") == [
        "序号  重点任务  牵头单位  配合单位",
        "1  实施重点行业绿色升级工程  省工业和信息化厅  省发展改革委",
        "\f2  实施城镇绿色节能改造工程  省住房城乡建设厅  省能源局、省机关事务局",
    ]


def test_a_table_going_on_over_a_page_drops_its_repeated_header_and_mends_a_row_broken_over_the_break() -> None:
    # Word's "repeat header row" and "allow row to break across pages", and a lead cell merged down
    # over the break: row 2 is broken (its 序号 cell empty on page 2), its lead written once for rows 2 and 3.
    header = [["序号"], ["重点任务"], ["牵头单位"], ["配合单位"]]
    widths = [40, 130, 80, 100]
    first, first_rules = _ruled_table([header, [["1"], ["实施重点行业", "绿色升级工程"], ["省工业和信", "息化厅"], ["省发展改革委"]],
                                       [["2"], ["实施城镇绿色"], ["省住房城乡建", "设厅"], ["省能源局、省机"]]], widths)
    second, second_rules = _ruled_table([header, [[], ["节能改造工程"], [], ["关事务局"]], [["3"], ["推进既有建筑节能改造"], [], ["省财政厅"]]], widths)
    # no rule under the rest of row 2 in the lead column: the cell goes on down over row 3
    under_rest = sorted((r[1] for r in second_rules if r[3] == 1.0), reverse=True)[2]
    second_rules = [r for r in second_rules if not (r[3] == 1.0 and abs(r[1] - under_rest) < 0.1)]
    second_rules += [(80, under_rest, 170, 1.0), (330, under_rest, 100, 1.0)]
    read = read_bytes(make_pdf([first, second], rules=(first_rules, second_rules)), "x.pdf")
    assert read.text.split("\n") == [
        "序号  重点任务  牵头单位  配合单位",
        "1  实施重点行业绿色升级工程  省工业和信息化厅  省发展改革委",
        "2  实施城镇绿色节能改造工程  省住房城乡建设厅  省能源局、省机关事务局",
        "\f3  推进既有建筑节能改造  省住房城乡建设厅  省财政厅",
    ]


def test_a_row_broken_over_a_page_beside_an_empty_category_cell_is_mended() -> None:
    # An indicator table whose 类别 is written in its group's first row only: the row before the break
    # has no first cell, and the rest of its 指标 (（吨）) at the top of page 2 is no row of its own.
    header = [["类别"], ["指标"], ["2020年"], ["2025年"], ["属性"]]
    widths = [60, 130, 50, 50, 50]
    first, first_rules = _ruled_table([header, [["污染减排"], ["化学需氧量重点", "工程减排量（吨）"], ["—"], ["[8300]"], ["约束性"]],
                                       [[], ["氮氧化物重点", "工程减排量"], ["—"], ["[6000]"], ["约束性"]]], widths)
    second, second_rules = _ruled_table([[[], ["（吨）"], [], [], []], [["生态保护"], ["森林覆盖率（%）"], ["45.87"], ["46.3"], ["预期性"]]],
                                        widths)
    read = read_bytes(make_pdf([first, second], rules=(first_rules, second_rules)), "x.pdf")
    assert read.text.split("\n") == [
        "类别  指标  2020年  2025年  属性",
        "污染减排  化学需氧量重点工程减排量（吨）  —  [8300]  约束性",
        "氮氧化物重点工程减排量（吨）  —  [6000]  约束性",
        "\f生态保护  森林覆盖率（%）  45.87  46.3  预期性",
    ]


def test_a_chrome_paragraph_wrapped_over_lines_is_dropped_whole() -> None:
    # A web page printed to PDF: its 版权声明 wrapped over two lines; the text drops the first as chrome,
    # and its rest (者个人学习…) must not end the last clause.
    body = [(0, f"第{n}行背景文字用来确定文本栏的左右边界二。") for n in "一二三四五六七八"]
    rows = [(2, "（二）加强组织实施。各部门按职责分工负责。"), (0, "【版权声明】本网为公益类网站，本网站刊载的所"),
            (0, "有内容仅供访问者个人学习、研究之用。")]
    runs = [Run(80 + 16 * indent, 760 - 26 * k, text) for k, (indent, text) in enumerate([(2, "一、总体要求"), *body, *rows])]
    doc = parse_document(make_pdf([runs]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n")[-1] == "（二）加强组织实施。各部门按职责分工负责。"
    assert [r.kind for r in doc.normalized.repairs].count("chrome") == 2


def test_a_justified_line_stretched_full_goes_on_its_paragraph() -> None:
    # A line with few places to break is spread to the column's edge: its characters stand further apart
    # (here 19 pt, not 16) at the paragraph's own line pitch; a larger type would stand apart.
    body = [Run(80, 760 - 26 * k, f"第{n}行背景文字用来确定文本栏的左右边界二。") for k, n in enumerate("一二三四五六七八")]
    first = Run(112, 760 - 26 * 8, "化学需氧量、氨氮、氮氧化物、挥发性有机物重")  # full: 2 + 19 ems
    stretched = Run(80, 760 - 26 * 9, "点工程减排量分别达到十五万吨和两万吨", 19.0)
    assert 80 + 19 * 18 >= 416  # reaches the column's edge
    doc = parse_document(make_pdf([[*body, first, stretched]]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n")[-1] == "化学需氧量、氨氮、氮氧化物、挥发性有机物重点工程减排量分别达到十五万吨和两万吨"
    title = Run(80, 760 - 26 * 9 - 30, "点工程减排量分别达到十五万吨和两万吨", 19.0)  # the same line set apart: a heading
    doc = parse_document(make_pdf([[*body, first, title]]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n")[-1] == "点工程减排量分别达到十五万吨和两万吨"


def _wrapped(text: str, width: float, indent: float = 32.0) -> list[tuple[float, str]]:
    """(left offset, text) of the lines of a paragraph set in a column ``width`` pt wide (16-pt type, CJK
    16 pt wide, the rest 8), its first line indented."""
    lines: list[tuple[float, str]] = []
    line, used, offset = "", indent, indent
    for ch in text:
        w = 16 if ord(ch) > 0x2E80 else 8
        if used + w > width:
            carried = line[-1] if ch in "，。、；：）" else ""  # (no line starts with punctuation: 禁则)
            lines.append((offset, line[: len(line) - len(carried)]))
            line, offset = carried, 0.0
            used = sum(16 if ord(c) > 0x2E80 else 8 for c in line)
        line += ch
        used += w
    lines.append((offset, line))
    return lines


def test_a_page_in_two_columns_is_read_column_by_column() -> None:
    # A gazette's page (公报): its running head across the top, two columns of 13 ems with a gutter of
    # 1.5 ems, read baseline by baseline they interleave.
    left_text = "（一）主要目标。到2025年，全省单位地区生产总值能耗比2020年下降14%，主要污染物排放总量持续减少，生态环境质量持续改善，减污降碳协同增效取得明显成效，绿色低碳发展水平显著提升。"
    right_text = "（二）重点任务。推进重点行业节能降碳改造，实施钢铁、水泥、平板玻璃等行业能效提升行动，推动工业园区循环化改造，建设一批绿色低碳示范园区，加快淘汰落后产能。"
    runs = [Run(200, 790, "某某省人民政府公报　2022年第10期")]
    for x, text in ((80.0, left_text), (312.0, right_text)):
        for k, (offset, line) in enumerate(_wrapped(text, 208)):
            runs.append(Run(x + offset, 740 - 26 * k, line))
    doc = parse_document(make_pdf([runs]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n") == [left_text, right_text]


def test_a_notes_wrapped_end_beside_page_breaks_is_kept_in_a_pdf() -> None:
    # "按职责分工负责）" wrapped onto a line of its own next to three page breaks: in a text file that is
    # a running header's signature (normalize), in a PDF the reader has dropped the headers already.
    from jianwu.normalize import normalize_text

    note = "（市发展改革委、市生态环境局等"
    text = "\n".join(f"（{n}）推进工作。加强统筹。\n{note}\n按职责分工负责）\n\f（{n}{n}）落实任务。" for n in "一二三")
    pdf = normalize_text(text, format="pdf")
    assert pdf.text.count("按职责分工负责）") == 3
    assert not any(r.kind == "running_header" for r in pdf.repairs)
    assert normalize_text(text).text.count("按职责分工负责）") == 0  # a text file: a running header


def test_a_cell_merged_over_rows_is_each_rows() -> None:
    # 牵头单位 written once for two tasks (a cell over two rows: no rule between them in its column).
    widths = [40, 140, 90]
    runs, rules = _ruled_table([[["序号"], ["重点任务"], ["牵头单位"]], [["1"], ["推进钢铁超低排放"], ["省生态"]],
                                [["2"], ["推进水泥超低排放"], ["环境厅"]]], widths)
    # the rule under row 1 stops at the third column: the cell 省生态环境厅 spans rows 1 and 2
    under_first = sorted((r[1] for r in rules if r[3] == 1.0), reverse=True)[2]  # top border, under the header, under row 1
    rules = [r for r in rules if not (r[3] == 1.0 and abs(r[1] - under_first) < 0.1)] + [(80, under_first, 180, 1.0)]
    read = read_bytes(make_pdf([runs], rules=(rules,)), "x.pdf")
    assert read.text.split("\n") == ["序号  重点任务  牵头单位", "1  推进钢铁超低排放  省生态环境厅", "2  推进水泥超低排放  省生态环境厅"]


def test_random_rules_never_break_the_reader() -> None:
    # Rules anywhere (grids, stray lines, zero-size boxes, rules over text): the reader reads every
    # character once, in or out of a table, and gives the same text twice.
    import random

    rnd = random.Random(11)
    words = ["序号", "重点任务", "牵头单位", "省发展改革委", "2025年", "指标", "属性", "约束性"]
    for _ in range(40):
        runs = [Run(rnd.uniform(40, 500), rnd.uniform(40, 800), rnd.choice(words), 12) for _ in range(rnd.randint(1, 12))]
        rules = [(rnd.uniform(30, 520), rnd.uniform(30, 810), rnd.choice([0, 0.5, 1, rnd.uniform(0, 300)]),
                  rnd.choice([0, 0.5, 1, rnd.uniform(0, 300)])) for _ in range(rnd.randint(0, 25))]
        pdf = make_pdf([runs], rules=(rules,))
        text = read_bytes(pdf, "x.pdf").text
        assert text == read_bytes(pdf, "x.pdf").text
        assert sorted(text.replace(" ", "").replace("\n", "")) == sorted("".join(r.text for r in runs))


def test_a_table_drawn_cell_by_cell_is_one_grid() -> None:
    # Word draws each cell's four borders apart: 60 rows of 4 cells are 960 pieces of 65 lines.
    from jianwu.readers.pdf_tables import find_grids

    pieces = []
    for row in range(60):
        for column in range(4):
            x0, x1, y0, y1 = 80 + 100 * column, 180 + 100 * column, 700 - 10 * row, 690 - 10 * row
            pieces += [(x0, y0 - 0.25, x1, y0 + 0.25), (x0, y1 - 0.25, x1, y1 + 0.25),
                       (x0 - 0.25, y1, x0 + 0.25, y0), (x1 - 0.25, y1, x1 + 0.25, y0)]
    grids = find_grids(pieces)
    assert len(grids) == 1
    assert len(grids[0].rows) == 61 and len(grids[0].horizontals) == 61 and len(grids[0].verticals) == 5


def _line_of_every_step(page: int, group: list, em: float, col: int = pdf_reader.SPANNING):
    """``pdf._line_of`` as written before its steps narrower than every gap were passed over at once."""
    size, measured = pdf_reader._line_size(group, em)
    half, gap = 0.5 * size, 2.0 * size
    word_gap, digit_gap = (pdf_reader.WORD_GAP_EM * size, pdf_reader.DIGIT_GAP_EM * size) if measured else (gap, gap)
    parts: list[str] = []
    prev_end = None
    prev_wide = False
    for _, x, ch, wide in group:
        if prev_end is not None and parts and parts[-1][-1] != " ":
            space = x - prev_end
            if space > gap and measured:
                parts.append(pdf_reader.CELL_GAP)
            elif space > gap or (space > word_gap and wide and prev_wide) or (space > digit_gap and ch.isdigit() and parts[-1].isdigit()):
                parts.append(" ")
        parts.append(ch)
        prev_end = x + (size if wide else half)
        prev_wide = wide
    text = "".join(parts).strip()
    if not text:
        return None
    first = next(c for c in group if not c[2].isspace())
    last = next(c for c in reversed(group) if not c[2].isspace())
    return pdf_reader._Line(page, text, first[1], last[1] + pdf_reader._advance(last[2], size), group[0][0], size, col=col)


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "raw" / "corpus").glob("*.pdf")), ids=lambda p: p.stem)
def test_a_lines_text_is_the_one_every_step_gives(path: Path) -> None:
    # _line_of passes over the steps narrower than every gap it tells at once: the same lines, on
    # every baseline group of every page of the corpus, with its em and with a smaller and a larger one.
    from jianwu.readers.pdfium_lib import Document

    with Document(path.read_bytes()) as doc:
        for index in range(doc.page_count):
            with doc.text_page(index) as (textpage, box):
                chars = pdf_reader._characters(doc, textpage, box, index + 1, [])
            em = pdf_reader._page_em(chars)
            for group in pdf_reader._baseline_groups(chars, em):
                for scale in (0.5, 1.0, 3.0):
                    assert pdf_reader._line_of(index + 1, group, em * scale) == _line_of_every_step(index + 1, group, em * scale)


def test_a_page_turned_for_display_reads_along_its_text() -> None:
    """A landscape table printed onto a portrait sheet (/Rotate 90, its text drawn a quarter turn back)
    reads line by line, as displayed, not one character a line.  (The rows start with their number:
    the test font, without glyph outlines, leaves PDFium no box for a turned run of hanzi only.)"""
    rows = ["1  推进能源转型  省发展改革委  省能源局", "2  推进工业降碳  省工业和信息化厅  省生态环境厅",
            "3  推进城乡建设绿色转型  省住房城乡建设厅  省发展改革委"]
    raw = make_pdf([[Run(80, 500 - 30 * i, row, 14) for i, row in enumerate(rows)]], turned=True)
    assert read_bytes(raw, "turned.pdf", cached=False).text == "\n".join(row.replace("  ", " ") for row in rows)
