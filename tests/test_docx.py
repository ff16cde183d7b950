"""Word files: the same plan as text and as .docx with automatic numbering gives the same clause tree."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from formats import plan_docx, table_note
from jianwu.departments import find_notes
from jianwu.document import parse_bytes
from jianwu.model import Clause, Document
from jianwu.readers import read_bytes
from jianwu.readers.table_lines import span_cells, table_to_lines

from conftest import ROOT, SEED_IDS

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _without_note(clause: Clause) -> str:
    notes = find_notes(clause.text)
    return clause.text[: notes[-1][0] - 1] if notes else clause.text


def _target_facts(clause: Clause) -> list[tuple]:
    return [(t.indicator, t.value, t.unit, t.comparator, t.direction, t.year, t.kind) for t in clause.targets]


def assert_same_plan(text_doc: Document, other: Document) -> int:
    """Same metadata and clause tree; returns how many clauses came through a 分工表 row."""
    assert (other.title, other.doc_number, other.date, other.issuers, other.region, other.level) == (
        text_doc.title, text_doc.doc_number, text_doc.date, text_doc.issuers, text_doc.region, text_doc.level
    )
    assert [(c.path, c.number, c.style, c.depth, c.title) for c in other.clauses] == [
        (c.path, c.number, c.style, c.depth, c.title) for c in text_doc.clauses
    ]
    from_table = 0
    for a, b in zip(text_doc.clauses, other.clauses):
        if a.text != b.text and "（牵头单位：" in b.text:
            from_table += 1  # the note came from the table's role columns: same roles, other words
            assert _without_note(a) == _without_note(b)
        else:
            assert a.text == b.text, a.key
        assert [(d.name, d.canonical, d.role) for d in a.departments] == [(d.name, d.canonical, d.role) for d in b.departments], a.key
        assert _target_facts(a) == _target_facts(b), a.key
    return from_table


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_docx_with_automatic_numbering_gives_the_same_tree(seeds: dict[str, Document], doc_id: str) -> None:
    text_doc = seeds[doc_id]
    raw = plan_docx(text_doc)
    numbering = zipfile.ZipFile(io.BytesIO(raw)).read("word/numbering.xml").decode()
    body = zipfile.ZipFile(io.BytesIO(raw)).read("word/document.xml").decode()
    # The numbers are really not in the text: no paragraph starts with one.
    for clause in text_doc.clauses:
        if clause.number and clause.style != "arabic":
            assert f"<w:t xml:space=\"preserve\">{clause.number}" not in body
    assert "w:abstractNum" in numbering
    docx_doc = parse_bytes(raw, name=f"{doc_id}.docx", path="", doc_id=doc_id)
    assert docx_doc.format == "docx"
    assert "删除的文字" not in docx_doc.text and "隐藏文字" not in docx_doc.text
    assert "行政规范性文件" not in docx_doc.text  # the header is not body text
    from_table = assert_same_plan(text_doc, docx_doc)
    expected_rows = sum(1 for c in text_doc.clauses if c.number and table_note(c) is not None and "\n" not in c.text)
    assert from_table <= expected_rows


def test_some_seed_notes_arrive_through_a_task_table(seeds: dict[str, Document]) -> None:
    doc = seeds["ziyang-jianwu-2023"]
    docx_doc = parse_bytes(plan_docx(doc), name="z.docx", path="", doc_id="z")
    assert assert_same_plan(doc, docx_doc) >= 1
    assert [c.key for c in docx_doc.clauses if "（牵头单位：" in c.text] == ["七、/（二十六）"]


# ---------------------------------------------------------------- tables


@pytest.mark.parametrize(
    ("rows", "lines"),
    [
        (  # the 重点任务分工表
            [["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
             ["1", "推进工业节能改造", "区经济信息委", "区发展改革委、区生态环境局", "2025年底"],
             ["2", "加强建筑节能", "区住房城乡建委", "", "持续推进"]],
            ["1.推进工业节能改造（完成时限：2025年底）（牵头单位：区经济信息委；配合单位：区发展改革委、区生态环境局）",
             "2.加强建筑节能（完成时限：持续推进）（牵头单位：区住房城乡建委）"],
        ),
        (  # spaced-out headers, a title row, a group row merged across the table, written numbers
            [span_cells("附件：重点任务分工表", 4),
             ["序 号", "工作任务", "责任单位", "参与单位"],
             span_cells("一、加强源头防控", 4),
             ["（一）", "强化分区管控", "市生态环境局", "各区县政府"]],
            ["附件：重点任务分工表", "一、加强源头防控", "（一）强化分区管控（责任单位：市生态环境局；参与单位：各区县政府）"],
        ),
        (  # a task cell that carries its own number; a Chinese 序号
            [["序号", "主要任务", "牵头部门"], ["", "3.推进节水", "区水利局"], ["四", "推进节地", "区规划自然资源局"]],
            ["3.推进节水（牵头部门：区水利局）", "四、推进节地（牵头部门：区规划自然资源局）"],
        ),
        (  # the 信息公开 table: label cells glued to their values
            [["索引号：", "11500000MB1A23456X/2023-00123", "发文机关：", "重庆市生态环境局"],
             ["成文日期：", "2023-08-18", "发文字号：", "渝环〔2023〕71号"]],
            ["索引号：11500000MB1A23456X/2023-00123 发文机关：重庆市生态环境局", "成文日期：2023-08-18 发文字号：渝环〔2023〕71号"],
        ),
        (  # a plain data table: its cells two spaces apart, as a PDF's ruled table and a text's tabs
            [["指标", "2020年", "2025年"], ["单位地区生产总值能耗下降", "", "14.5%"], ["", "", ""]],
            ["指标  2020年  2025年", "单位地区生产总值能耗下降  14.5%"],
        ),
        (  # equal values in two cells are two values; only a merge's copies (span_cells) are one cell
            [["指标", "2020年", "2025年"], ["县级城市集中式饮用水水源地水质达标率（%）", "100", "100"],
             span_cells("注：〔〕内为五年累计数", 3)],
            ["指标  2020年  2025年", "县级城市集中式饮用水水源地水质达标率（%）  100  100", "注：〔〕内为五年累计数"],
        ),
    ],
)
def test_table_lines(rows: list[list[str]], lines: list[str]) -> None:
    assert table_to_lines(rows) == lines


def _docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    """A minimal .docx package around ``body`` (WordprocessingML of w:body's children)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
            '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
            "</Types>"))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"))
        z.writestr("word/_rels/document.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            "</Relationships>"))
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>')
        z.writestr("word/numbering.xml", f"<w:numbering {W}>{numbering}</w:numbering>")
        z.writestr("word/footer1.xml", f"<w:ftr {W}><w:p><w:r><w:t>— 1 —</w:t></w:r></w:p></w:ftr>")
    return buf.getvalue()


def _p(text: str, num: str = "", ilvl: int = 0) -> str:
    ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


LEVELS = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def test_docx_body_order_numbering_merged_cells_text_boxes_and_fields() -> None:
    body = (
        _p("某区节能减排实施方案")
        + '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<w:txbxContent><w:p><w:r><w:t>文本框中的文字</w:t></w:r></w:p></w:txbxContent></wp:inline></w:drawing></w:r></w:p>'
        + _p("总体要求", "1", 0)
        + _p("加强领导。", "1", 1)
        + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>字段结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:tab/><w:t>尾</w:t></w:r></w:p>'
        + _p("重点任务", "1", 0)
        + "<w:tbl><w:tr>"
        + "".join(f"<w:tc>{_p(h)}</w:tc>" for h in ("序号", "重点任务", "牵头单位"))
        + "</w:tr><w:tr>"
        + f'<w:tc>{_p("", "1", 1).replace("<w:r><w:t></w:t></w:r>", "")}</w:tc><w:tc>{_p("推进节能")}</w:tc>'
        + f'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>{_p("区发展改革委")}</w:tc>'
        + "</w:tr><w:tr>"
        + f'<w:tc>{_p("", "1", 1).replace("<w:r><w:t></w:t></w:r>", "")}</w:tc><w:tc>{_p("推进节水")}</w:tc>'
        + "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
        + "</w:tr></w:tbl>"
        + '<w:sdt><w:sdtContent>' + _p("内容控件中的段落") + "</w:sdtContent></w:sdt>"
        + _p("", "1", 0)  # an empty numbered paragraph counts but gives no line
        + _p("保障措施", "1", 0)
    )
    read = read_bytes(_docx(body, LEVELS), "t.docx")
    assert read.format == "docx"
    assert read.text.split("\n") == [
        "某区节能减排实施方案",
        "文本框中的文字",
        "一、总体要求",
        "（一）加强领导。",
        "字段结果第一行",
        "第二行\t尾",
        "二、重点任务",
        "（一）推进节能（牵头单位：区发展改革委）",
        "（二）推进节水（牵头单位：区发展改革委）",
        "内容控件中的段落",
        "四、保障措施",
    ]
    assert "— 1 —" not in read.text  # the footer is not body text


# ---------------------------------------------------------------- command line


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env)


def test_parse_docx_reports_its_format(tmp_path: Path, seeds: dict[str, Document]) -> None:
    path = tmp_path / "ziyang.docx"
    path.write_bytes(plan_docx(seeds["ziyang-jianwu-2023"]))
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["format"], data["encoding"], data["title"]) == ("docx", "utf-8", "资阳市减污降碳协同增效实施方案")
    normalized = run("normalize", str(path))
    assert normalized.returncode == 0 and normalized.stdout.split("\n")[0] == "资阳市减污降碳协同增效实施方案"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, "zip archive, not a document: extract it and give jianwu the documents inside"),
        (None, "Word .docx file is damaged and cannot be opened (KeyError)"),
        (_docx(_p("")), "Word .docx file has no text in its body"),
    ],
)
def test_bad_docx_is_one_line_and_exit_2(tmp_path: Path, content: bytes | None, problem: str) -> None:
    path = tmp_path / "bad.docx"
    if content is None:  # a zip with a document part name but not a Word package
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("word/document.xml", "<not-xml")
        content = buf.getvalue()
    path.write_bytes(content)
    result = run("parse", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"jianwu: {path}: {problem}\n")


OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 64


def test_doc_without_libreoffice_names_it(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"  # the name does not matter: the content is a Word 97-2003 file
    path.write_bytes(OLE_DOC)
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    result = run("parse", str(path), env={**os.environ, "PATH": str(empty_bin)})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"jianwu: {path}: Word 97-2003 document: jianwu converts it with LibreOffice, which is not installed "
        "(install LibreOffice so that soffice is on PATH, or save the file as .docx)\n"
    )


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_doc_converted_by_libreoffice_gives_the_same_tree(tmp_path: Path, seeds: dict[str, Document]) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    doc = seeds["yongchuan-jieneng-2023"]
    source = tmp_path / "plan.docx"
    source.write_bytes(plan_docx(doc, tables=False))
    subprocess.run(
        [office, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "doc",
         "--outdir", str(tmp_path / "out"), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    raw = (tmp_path / "out" / "plan.doc").read_bytes()
    assert raw.startswith(b"\xd0\xcf\x11\xe0")
    converted = parse_bytes(raw, name="plan.doc", path="", doc_id="plan")
    assert converted.format == "doc"
    assert_same_plan(doc, converted)


def test_macro_enabled_documents_and_templates_are_read(seeds: dict[str, Document]) -> None:
    raw = plan_docx(seeds["ziyang-jianwu-2023"])
    for content_type in (
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    ):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", content_type.encode())
                target.writestr(item, data)
        doc = parse_bytes(out.getvalue(), name="t.docm", path="", doc_id="t")
        assert len(doc.clauses) == len(seeds["ziyang-jianwu-2023"].clauses)


def test_ruby_text_and_moved_text() -> None:
    body = (
        '<w:p><w:r><w:t>（一）推进</w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>tàn</w:t></w:r></w:rt>'
        '<w:rubyBase><w:r><w:t>碳</w:t></w:r></w:rubyBase></w:ruby></w:r>'
        '<w:moveFrom w:id="1" w:author="x"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="2" w:author="x"><w:r><w:t>达峰</w:t></w:r></w:moveTo></w:p>'
    )
    assert read_bytes(_docx(body), "t.docx").text == "（一）推进碳达峰"


def _tbl(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc><w:p><w:r><w:t>{cell}</w:t></w:r></w:p></w:tc>" for cell in row) + "</w:tr>"
        for row in rows) + "</w:tbl>"


def test_an_indicator_table_in_word_reads_as_the_same_tables_text() -> None:
    """Its cells two spaces apart, as the text's tabs: the same text (not the cells run together,
    1单位地区生产总值能耗降低（%）—14.5约束性), the same targets."""
    rows = [["序号", "指标", "2020年", "2025年", "属性"], ["1", "单位地区生产总值能耗降低（%）", "—", "14.5", "约束性"],
            ["2", "非化石能源消费比重（%）", "7.3", "13", "预期性"], ["3", "城市污水处理率（%）", "97.5", "98", "预期性"]]
    head = "某省“十四五”节能减排实施方案\n一、主要目标\n到2025年，全省节能减排取得明显成效。\n"
    text = (head + "\n".join("\t".join(row) for row in rows)).encode()
    text_doc = parse_bytes(text, name="x.txt", path="", doc_id="x")
    word_doc = parse_bytes(_docx("".join(_p(line) for line in head.splitlines()) + _tbl(rows)), name="x.docx", path="", doc_id="x")
    assert word_doc.text == text_doc.text
    assert [_target_facts(c) for c in word_doc.clauses] == [_target_facts(c) for c in text_doc.clauses] == [[
        ("单位地区生产总值能耗", 14.5, "%", "=", "down", 2025, "target"), ("非化石能源消费比重", 13, "%", "=", None, 2025, "target"),
        ("城市污水处理率", 98, "%", "=", None, 2025, "target")]]


def test_a_box_of_one_cell_gives_its_paragraphs_as_lines() -> None:
    """A 专栏 set in a table of one cell is a box, not a table: its paragraphs stay lines, as in the text
    (not one line, 专栏1节能降碳重点工程1.钢铁行业…2.园区…)."""
    head = ["某省节能减排实施方案", "一、重点任务", "（一）实施重点行业绿色升级工程。推进钢铁、水泥行业超低排放改造。（省工业和信息化厅牵头）"]
    box = ["专栏1 节能降碳重点工程", "1.钢铁行业超低排放改造工程。到2025年，全省钢铁企业完成超低排放改造。",
           "2.园区节能环保提升工程。推动30个园区完成循环化改造。"]
    tail = ["（二）实施园区节能环保提升工程。推进园区循环化改造。（省发展改革委牵头）"]
    cell = "<w:tbl><w:tr><w:tc>" + "".join(_p(t) for t in box) + "</w:tc></w:tr></w:tbl>"
    word = parse_bytes(_docx("".join(_p(t) for t in head) + cell + "".join(_p(t) for t in tail)), name="x.docx", path="", doc_id="x")
    text = parse_bytes("\n".join(head + box + tail).encode(), name="x.txt", path="", doc_id="x")
    assert word.text == text.text
    assert word.text.split("\n")[3:6] == ["专栏1节能降碳重点工程", box[1], box[2]]
    assert table_to_lines([["专栏2 重点工程\n1.甲工程。"], ["2.乙工程。"]]) == ["专栏2 重点工程", "1.甲工程。", "2.乙工程。"]
