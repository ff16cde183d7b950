"""Formats judged from content, not names; directories report what they skip."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from jianwu.document import iter_document_paths
from jianwu.readers import detect

from conftest import RAW, ROOT


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name in names:
            z.writestr(name, "<x/>")
    return buf.getvalue()


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize(
    ("raw", "kind", "label"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf", "PDF"),
        (b"\r\n%PDF-1.4", "pdf", "PDF"),  # junk before the header, as some servers add
        (_zip("[Content_Types].xml", "word/document.xml"), "docx", "Word document (.docx)"),
        (_zip("OFD.xml", "Doc_0/Document.xml"), "ofd", "OFD document"),
        (_zip("xl/workbook.xml"), "spreadsheet", "Excel workbook (.xlsx)"),
        (_zip("ppt/presentation.xml"), "presentation", "PowerPoint presentation (.pptx)"),
        (_zip("mimetype", "content.xml"), "archive", "OpenDocument file"),
        (_zip("a.txt"), "archive", "zip archive"),
        (OLE + "WordDocument".encode("utf-16-le"), "doc", "Word 97-2003 document"),
        (OLE + "Workbook".encode("utf-16-le"), "spreadsheet", "Excel 97-2003 workbook (.xls)"),
        (OLE + "PowerPoint Document".encode("utf-16-le"), "presentation", "PowerPoint 97-2003 presentation (.ppt)"),
        (b"{\\rtf1\\ansi", "doc", "RTF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image", "JPEG image"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image", "WEBP image"),
        (b"Rar!\x1a\x07\x00", "archive", "RAR archive"),
        (b"\x1f\x8b\x08\x00", "archive", "gzip archive"),
        (b"\x00\x00\x00\x18ftypmp42", "media", "MP4/QuickTime video"),
        (b'<!DOCTYPE html>\n<html lang="zh-CN">', "html", "web page"),
        (b'\xef\xbb\xbf<html><head><meta charset="utf-8">', "html", "web page"),
        (b'<?xml version="1.0"?>\n<!DOCTYPE html><html>', "html", "web page"),
        (b'<?xml version="1.0" encoding="UTF-8"?>\n<w:document>', "data", "XML data"),
        (b'{"schema_version": "1.0"}', "data", "JSON data"),
        (b"abc\x00def", "binary", "binary file"),
        ("一、总体要求\n（一）指导思想".encode("utf-16"), "text", "text"),
        ("一、总体要求\n（一）指导思想".encode("gb18030"), "text", "text"),
        ("[bookmark: _GoBack]一、总体要求".encode(), "text", "text"),
    ],
)
def test_detect(raw: bytes, kind: str, label: str) -> None:
    assert detect(raw) == (kind, label)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def test_a_txt_that_is_a_pdf_goes_to_the_pdf_reader(tmp_path: Path) -> None:
    assert detect(b"%PDF-1.5\n...")[0] == "pdf"


def test_directory_walk_judges_every_file_by_content_and_reports_what_it_skips(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / ".git").mkdir()
    (corpus / "plan").write_bytes((RAW / "ziyang-jianwu-2023.txt").read_bytes())  # no suffix: still a plan
    (corpus / "sub" / "seal.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (corpus / "sub" / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (corpus / "tasks.xlsx").write_bytes(_zip("xl/workbook.xml"))
    (corpus / "scan.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")  # named as a document: reported, exit 2
    (corpus / ".git" / "index").write_bytes(b"DIRC\x00\x00")  # hidden: never looked at
    (corpus / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    seen: list[str] = []
    found = iter_document_paths([corpus], on_skip=seen.append)
    assert found == [(corpus / "plan", None), (corpus / "scan.txt", None)]
    assert seen == [f"{corpus}: skipped 3 files (2 images, 1 spreadsheet)"]
    result = run("parse", str(corpus), "-f", "jsonl")
    assert result.returncode == 2
    assert result.stderr == (
        f"jianwu: {corpus}: skipped 3 files (2 images, 1 spreadsheet)\n"
        f"jianwu: {corpus / 'scan.txt'}: JPEG image, not a document: if it is a scanned page, OCR it into a PDF "
        "with a text layer (e.g. ocrmypdf) and give jianwu the PDF\n"
    )
    assert len(result.stdout.splitlines()) == 1
    (corpus / "scan.txt").unlink()
    assert run("parse", str(corpus), "-f", "jsonl").returncode == 0  # skipping alone is not an error


def test_directory_of_only_skipped_files(tmp_path: Path) -> None:
    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("parse", str(tmp_path))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"jianwu: {tmp_path}: skipped 1 file (1 image)\n"
        f"jianwu: {tmp_path}: directory has no documents (text, PDF, Word or web pages)\n"
    )


def test_check_reports_skipped_files_too(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_bytes((RAW / "ziyang-jianwu-2023.txt").read_bytes())
    (tmp_path / "data.json").write_text('{"a": 1}', encoding="utf-8")
    result = run("check", str(tmp_path))
    assert f"jianwu: {tmp_path}: skipped 1 file (1 data file)\n" in result.stderr


@pytest.mark.parametrize(
    ("name", "raw", "problem"),
    [
        ("scan.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image, not a document: if it is a scanned page, OCR it into a PDF with a text layer (e.g. ocrmypdf) and give jianwu the PDF"),
        ("plan.txt", _zip("a.txt"), "zip archive, not a document: extract it and give jianwu the documents inside"),
        ("plan.docx", _zip("xl/workbook.xml"), "Excel workbook (.xlsx), not a document: jianwu reads plans as text, PDF, Word (.docx, .doc, .wps) or web pages; give it the plan in one of those"),
        ("plan.ofd", _zip("OFD.xml"), "OFD document (GB/T 33190): no well-kept Python library reads it; export it to PDF (e.g. with the issuing site's OFD reader) and give jianwu the PDF"),
    ],
)
def test_a_file_jianwu_cannot_read_is_one_line_and_exit_2(tmp_path: Path, name: str, raw: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    result = run("parse", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"jianwu: {path}: {problem}\n")
