"""Web pages: the article and its 信息公开 table, no chrome; the same plan as text and as a page gives the same tree."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest

from formats import plan_html
from jianwu.document import parse_bytes, parse_document
from jianwu.model import Document
from jianwu.readers import read_bytes
from jianwu.readers.html import decode_page

from conftest import ROOT, SEED_IDS
from test_docx import assert_same_plan

CHROME = ("分享到", "微信", "打印本页", "关闭窗口", "相关文章", "示范项目名单", "版权所有", "ICP备", "网站标识码", "隐藏的编号文字",
          "注释里的文字", "脚本", "请输入关键字", "机构概况", "当前位置", "字号：大", "_重庆市人民政府网")


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_web_page_gives_the_same_tree(seeds: dict[str, Document], doc_id: str) -> None:
    text_doc = seeds[doc_id]
    raw = plan_html(text_doc)
    assert b'charset=gb2312' in raw
    page = parse_bytes(raw, name=f"{doc_id}.html", path="", doc_id=doc_id)
    assert (page.format, page.encoding) == ("html", "gb18030")
    for chrome in CHROME:
        assert chrome not in page.text, chrome
    assert assert_same_plan(text_doc, page) == 0
    assert page.text.startswith("索引号：11500000009275780L/2023-00081主题分类：生态环境")


def _page(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head><body>{body}</body></html>".encode("utf-8")


ARTICLE = "".join(f"<p>（{n}）加强第{n}项工作，完善机制，推进落实，确保各项任务取得实效。</p>" for n in "一二三四五")


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        (  # no class names at all: the densest block wins over link lists
            '<div><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">政策文件</a> <a href="/c">互动交流</a></div>'
            f"<div>{ARTICLE}</div>"
            '<div><ul><li><a href="/1">关于印发某某通知</a></li><li><a href="/2">关于印发另一通知</a></li><li><a href="/3">第三个通知</a></li></ul></div>',
            [f"（{n}）加强第{n}项工作，完善机制，推进落实，确保各项任务取得实效。" for n in "一二三四五"],
        ),
        (  # <br> breaks, entities, a heading outside the container, a table inside it
            '<h1 class="title">某区节能减排工作实施方案</h1><div class="zoom">一、总体要求<br>&ldquo;十四五&rdquo;期间&nbsp;推进节能。<br/>'
            "（一）加强领导，完善机制，推进落实，确保各项任务取得实效。"
            "<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr><tr><td>1</td><td>推进节能</td><td>区发展改革委</td></tr></table>"
            "</div>",
            ["某区节能减排工作实施方案", "一、总体要求", "“十四五”期间\xa0推进节能。", "（一）加强领导，完善机制，推进落实，确保各项任务取得实效。",
             "1.推进节能（牵头单位：区发展改革委）"],
        ),
        (  # a layout table holding the article is read as blocks, not as one row
            '<table><tr><td class="nav"><a href="/">首页</a></td></tr><tr><td>'
            f"{ARTICLE}</td></tr></table>",
            [f"（{n}）加强第{n}项工作，完善机制，推进落实，确保各项任务取得实效。" for n in "一二三四五"],
        ),
        (  # hidden elements, scripts, styles and comments are not text; a source line break between Chinese vanishes
            '<div class="pages_content"><p>（一）加强领导，\n      完善机制。</p><p hidden>（二）隐藏</p><p style="display: none">（三）隐藏</p>'
            "<script>var x='（四）';</script><style>p{}</style><!-- （五） --><p>（二）推进 落实 work。</p></div>",
            ["（一）加强领导，完善机制。", "（二）推进 落实 work。"],
        ),
        (  # the 信息公开 block as a list of label spans, inside the same wrapper as the article
            '<div class="xxgk"><ul><li><span>索引号</span>115000/2023-1</li><li><span>发文机关：</span>某区生态环境局</li>'
            '<li><span>成文日期：</span>2023-10-20</li></ul>'
            f'<div class="TRS_Editor">{ARTICLE}</div></div>',
            ["索引号：115000/2023-1", "发文机关：某区生态环境局", "成文日期：2023-10-20"]
            + [f"（{n}）加强第{n}项工作，完善机制，推进落实，确保各项任务取得实效。" for n in "一二三四五"],
        ),
    ],
)
def test_article_lines(body: str, lines: list[str]) -> None:
    assert read_bytes(_page(body), "p.html").text.split("\n") == lines


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (b'<html><head><meta charset="gb2312"></head>' + "（一）碳达峰".encode("gb18030"), "gb18030"),
        (b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head>' + "（一）碳达峰".encode("gbk"), "gb18030"),
        (b'<?xml version="1.0" encoding="gb2312"?><html>' + "（一）碳达峰".encode("gb18030"), "gb18030"),
        (b"<html><head><meta charset='big5'></head>" + "（一）碳達峰".encode("big5"), "big5hkscs"),
        (codecs.BOM_UTF8 + '<html><meta charset="gbk">（一）碳达峰'.encode(), "utf-8-sig"),  # a BOM wins over the meta tag
        ("<html><body>（一）碳达峰".encode("utf-16"), "utf-16"),
        ("<html><body>（一）碳达峰".encode("utf-8"), "utf-8"),
        ("<html><body>（一）碳达峰".encode("gb18030"), "gb18030"),  # nothing declared, not UTF-8
        (b'<html><meta charset="utf-8">' + "（一）碳达峰".encode("gb18030"), "gb18030"),  # declared wrongly: what decodes
    ],
)
def test_charset(raw: bytes, encoding: str) -> None:
    text, used, warnings = decode_page(raw, "p.html")
    assert (used, warnings) == (encoding, [])
    assert "（一）碳" in text


def test_undecodable_bytes_are_replaced_with_a_warning() -> None:
    raw = b'<html><meta charset="big5"><body><p>' + "（一）碳達峰".encode("big5") + b"\xff\xff\x80</p>"
    read = read_bytes(raw, "p.html")
    assert [w.code for w in read.warnings] == ["undecodable_bytes"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")


def test_parse_and_normalize_a_page_named_txt(tmp_path: Path, seeds: dict[str, Document]) -> None:
    path = tmp_path / "gaoxin.txt"  # a saved page with the wrong suffix is still a page
    path.write_bytes(plan_html(seeds["gaoxin-jianwu-2023"]))
    result = run("parse", str(path))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["format"], data["encoding"], data["doc_number"]) == ("html", "gb18030", None)
    normalized = run("normalize", str(path))
    assert normalized.returncode == 0
    assert "分享到" not in normalized.stdout and "（三）加强生态环境分区管控" in normalized.stdout


def test_page_without_article_text_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(_page("<script>load()</script>"))
    result = run("parse", str(path))
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", f"jianwu: {path}: web page has no text in its body (is the article loaded by a script?)\n"
    )


def test_page_parsed_directly(seeds: dict[str, Document], tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_bytes(plan_html(seeds["yongchuan-jieneng-2023"]))
    doc = parse_document(path)
    assert doc.doc_number == "永川府发〔2023〕5号" and doc.format == "html"
