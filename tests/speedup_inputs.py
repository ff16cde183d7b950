"""Inputs for the tests that hold a fast path to the plain computation it replaces
(test_parse_speedups*, test_facts_speedups): random texts made of the pieces a rule turns on."""

from __future__ import annotations

import random
from typing import Sequence


def random_texts(pieces: Sequence[str], count: int = 3000, seed: int = 16, longest: int = 30) -> list[str]:
    """Short texts made of ``pieces`` (the characters and words a rule turns on, and a few others)."""
    rnd = random.Random(seed)
    return ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


def text_lines(texts: list[str]) -> list[str]:
    """The non-blank lines of ``texts``, stripped."""
    return [line.strip() for text in texts for line in text.split("\n") if line.strip()]
