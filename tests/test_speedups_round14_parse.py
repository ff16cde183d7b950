"""Round 14 of the parse's fast paths: each gives exactly what the computation it replaces gives,
on the text of every plan of ``data/raw``, on random texts of the characters each turns on, and on
a table of exact outputs (``bench/README.md``, "Round 14: the parse")."""

from __future__ import annotations

import pytest
from speedup_inputs import random_texts, text_lines

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


# The pieces the predicate words' pre-test turns on: each word of PREDICATE_END (and a line break after it,
# where $ also matches), pieces of words, and text no word ends with.
PREDICATE_WORD_PIECES = ["达到", "达", "稳定", "在", "至", "到", "为", "不低于", "控制在", "约", "优于", "分别", "均", "进一步", "平均每年",
                         "力争", "努力", "要", "或", "翻", "降", "\n", "\n\n", "能耗", "单位GDP", "比2020年", "，", "的", "于", "低", "持续"]


def test_predicate_end_tried_only_where_a_word_ends(plan_texts: list[str]) -> None:
    from jianwu.indicators import PREDICATE_END, PREDICATE_END_LAST

    from test_facts_speedups import _plain_analyse_predicate

    texts = random_texts(PREDICATE_WORD_PIECES, 20000, longest=8) + [line[:n] for line in text_lines(plan_texts[:8]) for n in (8, 20, 33)]
    words = 0
    for text in texts:
        for m in PREDICATE_END.finditer(text):
            assert m.group("w")[-1] in PREDICATE_END_LAST, (text, m.group())
            words += 1
        fast, plain = nz_analyse(text), _plain_analyse_predicate(text)
        assert (fast.subject, fast.words, fast.baseline_year) == (plain.subject, plain.words, plain.baseline_year), text  # type: ignore[attr-defined]
    assert words > 5000


def nz_analyse(text: str):  # (the memo of analyse_predicate left out: each text read afresh)
    from jianwu.indicators import _analyse_predicate

    return _analyse_predicate(text)


@pytest.mark.parametrize(
    ("text", "subject", "words"),
    [
        ("单位GDP能耗下降", "单位GDP能耗", ["下降"]),
        ("森林覆盖率稳定在\n", "森林覆盖率", ["稳定在"]),  # a line break after the word ($ matches before it)
        ("非化石能源消费比重力争达到", "非化石能源消费比重", ["达到", "力争"]),
        ("地表水优良水体比例持续", "地表水优良水体比例", ["持续"]),
        ("城市建成区绿地率", "城市建成区绿地率", []),  # ends with no word's last character
        ("新增\n\n", "新增\n\n", []),  # two line breaks: $ matches at neither
    ],
)
def test_predicate_end_exact_outputs(text: str, subject: str, words: list[str]) -> None:
    from jianwu.indicators import _analyse_predicate

    pred = _analyse_predicate(text)
    assert (pred.subject, pred.words) == (subject, words)
