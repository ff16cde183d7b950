"""lineage.ratio.title_ratio is rapidfuzz's fuzz.ratio, bit for bit: on the corpus' titles and on
random strings over a small alphabet (many common subsequences), short and long."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from jianwu.lineage.ratio import lcs_length, title_ratio

from jianwu.model import Document

ALPHABET = "碳达峰实施方案关于印发的通知省市区县重庆四川“十四五”ab "


@pytest.mark.parametrize("a, b, ratio", [
    ("", "", 100.0),
    ("", "方案", 0.0),
    ("方案", "方案", 100.0),
    ("碳达峰实施方案", "碳达峰行动方案", 71.42857142857143),
    ("减污降碳协同增效实施方案", "减污降碳协同增效行动方案", 83.33333333333334),
])
def test_known_ratios(a: str, b: str, ratio: float) -> None:
    assert title_ratio(a, b) == fuzz.ratio(a, b) == ratio


def test_the_corpus_titles_pairwise(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    titles = sorted({doc.title for doc in [*seeds.values(), *corpus.values()] if doc.title})
    assert len(titles) > 20
    for a, b in itertools.product(titles, repeat=2):
        assert title_ratio(a, b) == fuzz.ratio(a, b), (a, b)


def test_random_strings_past_a_machine_word() -> None:
    rng = random.Random(16)
    for _ in range(3000):
        a = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 150)))
        b = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 150)))
        assert title_ratio(a, b) == fuzz.ratio(a, b), (a, b)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(ALPHABET, max_size=60), st.text(ALPHABET, max_size=60))
def test_lcs_is_symmetric_and_bounded(a: str, b: str) -> None:
    n = lcs_length(a, b)
    assert n == lcs_length(b, a) <= min(len(a), len(b))
    assert title_ratio(a, b) == fuzz.ratio(a, b)
