"""The parse's fast paths give exactly what the plain computations they replace give.

Each speed-up of the parse (``bench/bench_steps.py`` measures them) is checked here against
the straightforward definition it stands for, on the normalised text of every plan of
``data/raw`` and on random texts made of the characters the rule looks at, so that the parse
output cannot change.
"""

from __future__ import annotations

import random
from typing import Sequence

import pytest

from jianwu import Document
from jianwu.ocr_repair import DAMAGED_DOC_NUMBER, damaged_doc_number_candidates


@pytest.fixture(scope="module")
def plan_texts(seeds: dict[str, Document], corpus: dict[str, Document]) -> list[str]:
    """The raw and the normalised text of every plan of data/raw."""
    docs = [*seeds.values(), *corpus.values()]
    return [d.normalized.raw for d in docs] + [d.normalized.text for d in docs]


def random_texts(pieces: Sequence[str], count: int = 3000, seed: int = 16) -> list[str]:
    """Short texts made of ``pieces`` (the characters and words a rule turns on, and a few others)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30))) for _ in range(count)]


def test_damaged_doc_number_candidates_are_finditers_matches(plan_texts: list[str]) -> None:
    pieces = [*"国发 (（〔[)）〕]J」2019a\n", "2021", "2 0 2 1", "  ", "号", "国发 (2021) 4", "字(2021J", "(2021〕"]
    texts = plan_texts + random_texts(pieces)
    texts += ["国发 (2021) 4 号", "大发改资源字(2021J 283", "国发(2021)号 文 〔2022〕 3", " (2021)1", "(2021)1"]
    for text in texts:
        expected = [(m.span(), m.group()) for m in DAMAGED_DOC_NUMBER.finditer(text)]
        assert [(m.span(), m.group()) for m in damaged_doc_number_candidates(text)] == expected, text


def test_script_from_the_changed_class_is_the_counted_script(plan_texts: list[str]) -> None:
    from jianwu import normalize

    normalize.detect_script("推进")
    normalize.detect_script("发展")  # a second text: the class of the hanzi t2s changes is made
    assert normalize._t2s_changed is not None
    traditional = "推進綠色低碳發展，關於加快建立健全綠色低碳循環發展經濟體系的實施意見"
    mixed = ["发展與推进", "乾隆", "一个發", "㐀們", "\U00020000发展"]  # 㐀 and 𠀀 are not counted
    texts = plan_texts + [traditional, traditional[:3], "", "abc", *mixed] + random_texts([*traditional, *"发展推进，a\n"])
    for text in texts:
        assert normalize.detect_script(text) == normalize._counted_script(text), text
