"""Round 14 of the parse's fast paths: each gives exactly what the computation it replaces gives,
on the text of every plan of ``data/raw``, on random texts of the characters each turns on, and on
a table of exact outputs (``bench/README.md``, "Round 14: the parse")."""

from __future__ import annotations

import pytest
from speedup_inputs import random_texts

from jianwu import normalize as nz

# The pieces the inline marks' pre-test turns on: every mark of INLINE_MARK_CHARS, at a line's start,
# inside and at its end (a space there is stripped), line breaks, blank lines, a form feed, OCR'd text.
MARK_PIECES = [*nz.INLINE_MARK_CHARS, *"推进绿色低碳发展，。\n\n\f", " ", "　", "(一)", "(三) ", "2025年", "**重点**", "[bookmark: a]",
               "【拼音】", "【hé】", "【lǜ】", "&nbsp;", "<br>", "# 标题", "a,b", "说明:", "N", "秸 轩", "2 0 2 1", "国发〔2021〕4号", "jianwu: ignore"]


def _crlf(text: str) -> str:
    """``text`` with CRLF line breaks: normalised with the per-line search of every line, no pre-test."""
    return text.replace("\n", "\r\n")


def _result(text: str) -> tuple:
    n = nz.normalize_text(text)
    return n.text, n.line_starts, n.repairs


def test_inline_marks_pretest_gives_the_per_line_search(plan_texts: list[str]) -> None:
    for text in plan_texts + random_texts(MARK_PIECES, 3000, longest=40):
        if "\r" in text:
            continue
        assert _result(text) == _result(_crlf(text)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求\n推进 绿色低碳发展 \n", "一、总体要求\n推进 绿色低碳发展"),  # a space (the only mark): kept between hanzi, stripped at the end
        ("推进(一)工作, 落实\n【说明】国家 标准", "推进（一）工作，落实【说明】国家 标准"),  # several marks, 【 among them
        ("推进工作, 落实\n和【hé】新【lǜ】疆", "推进工作，落实和新疆"),  # pinyin ruby: a line whose only mark is 【 (joined: no terminator)
        ("推进发展 \n落实任务", "推进发展\n落实任务"),  # a space at a line's end only: stripped
        ("目标:达到**60%**\n二、主要任务", "目标：达到60%\n二、主要任务"),  # markdown bold, a half-width colon
        ("第一条 总则\f\n推进(工作)", "第一条 总则\n推进（工作）"),  # a form feed's line
        ("到2025年, 单位GDP能耗下降13.5% \n(二)重点任务", "到2025年，单位GDP能耗下降13.5%\n（二）重点任务"),  # ASCII text among the marks
    ],
)
def test_inline_marks_exact_outputs(text: str, expected: str) -> None:
    assert nz.normalize_text(text).text == expected
    assert nz.normalize_text(_crlf(text)).text == expected
