"""The PDF reader (readers/pdf.py) on PDFs written by tests/pdfmake.py.

The seeds, laid out as printed plans (indents, hard wraps, running headers, page
numbers cutting sentences), must read back to exactly the clean text and clause
tree of the seed.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from jianwu import Document, parse_document
from jianwu.cli import app
from jianwu.errors import InputError
from jianwu.readers import read_bytes
from jianwu.serialize import document_to_dict
from pdfmake import Run, layout, make_pdf

from conftest import SEED_IDS


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
    # a page printed narrower than its hard wraps: fragments left alone mid-sentence continue
    ([(2, "（一）指导思想。以习近平新时代中国特色社"), (0, "会主"), (0, "义思想为指导，深入贯彻党的二十大精神，"),
      (0, "全面"), (0, "贯彻新发展理念。")],
     ["（一）指导思想。以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，全面贯彻新发展理念。"]),
]


@pytest.mark.parametrize(("rows", "expected"), PARAGRAPH_CASES)
def test_paragraphs_follow_the_geometry(rows: list[tuple[float, str]], expected: list[str]) -> None:
    # eight full lines of 22 ems before them show the column
    body = [(0, f"第{n}行背景文字用来确定文本栏的左右边界二。") for n in "一二三四五六七八"]
    runs = [Run(80 + 16 * indent, 760 - 26 * k, text) for k, (indent, text) in enumerate(body + rows)]
    doc = parse_document(make_pdf([runs]), doc_id="x", require_clauses=False)
    assert doc.text.split("\n")[1:] == expected


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
