"""The target and department fast paths give exactly what the plain computations they replace give.

Like ``test_parse_speedups``: each shortcut of ``targets``, ``quantities``, ``indicators``,
``departments`` and ``aliases`` (``bench/README.md``, "Targets and departments") is checked against
the straightforward computation on every plan of ``data/raw`` and on random texts made of the
characters and words the rule turns on.
"""

from __future__ import annotations

import random
import re
import sys
from typing import Sequence

import pytest
import regex

from jianwu import Document


@pytest.fixture(scope="module")
def docs(seeds: dict[str, Document], corpus: dict[str, Document]) -> list[Document]:
    return [*seeds.values(), *corpus.values()]


@pytest.fixture(scope="module")
def clause_texts(docs: list[Document]) -> list[str]:
    return [c.text for d in docs for c in d.clauses]


def random_texts(pieces: Sequence[str], count: int = 5000, seed: int = 16, longest: int = 30) -> list[str]:
    """Short texts made of ``pieces`` (the characters and words a rule turns on, and a few others)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def test_maybe_number_class_holds_every_digit_and_numeral() -> None:
    from jianwu.quantities import CN_NUMERAL_CHARS, NEVER_DIGIT_RANGES, maybe_number_class

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    never = "".join(chr(c) for low, high in NEVER_DIGIT_RANGES for c in range(low, high + 1))
    assert regex.findall(r"\d", never) == []  # the ranges hold no digit
    maybe = re.compile(maybe_number_class("类"))
    for ch in regex.findall(r"\d", every) + list(CN_NUMERAL_CHARS + "类"):
        assert maybe.fullmatch(ch), hex(ord(ch))
    outside = [ch for ch in never if maybe.fullmatch(ch)]
    assert sorted(outside) == sorted(CN_NUMERAL_CHARS + "类")  # the class leaves out the rest of the ranges


TARGET_PIECES = [
    *"。；;！？!?\n，、（）“”《》 　a推进年类级十五两〇零一二三四五六七八九0123456789%", "\n\n", "2025年", "到2025年，", "比2020年",
    "“十四五”期间", "十四五末", "下降14%", "达到45%、50%", "3万台以上", "Ⅲ类", "一级A", "（市发展改革委负责）", "（区农业农村委牵头）",
    "已建成", "主要目标", "１２", "٣", "二〇二五年", "个", "万吨",
]


def test_sentences_left_out_hold_no_target_or_deadline(docs: list[Document], clause_texts: list[str]) -> None:
    from jianwu.quantities import find_quantities
    from jianwu.targets import CATEGORY, MAY_HOLD_TARGET, PERIOD, YEAR, _time_events, sentences

    texts = clause_texts + random_texts(TARGET_PIECES) + random_texts(TARGET_PIECES, 3000, seed=17, longest=120)
    left_out = 0
    for text in texts:
        every = sentences(text, 7)
        kept = sentences(text, 7, only=MAY_HOLD_TARGET)
        assert [s for s in every if MAY_HOLD_TARGET.search(s[0])] == [s for s in kept if MAY_HOLD_TARGET.search(s[0])], text
        assert all(s in every for s in kept)
        for sentence, _ in every:
            if MAY_HOLD_TARGET.search(sentence) is None:
                left_out += 1
                assert not _time_events(sentence) and not find_quantities(sentence), sentence
                assert not CATEGORY.search(sentence) and not YEAR.search(sentence) and not PERIOD.search(sentence), sentence
    assert left_out > 4000
