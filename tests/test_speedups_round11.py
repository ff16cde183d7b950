"""Round 11 of the fast paths of normalisation and the departments (``bench/README.md``, "Round 11:
normalisation and departments"): each gives exactly what the plain computation it replaces gives, on
the clauses of every plan of ``data/raw`` and on random texts of the characters each turns on.  The
plain computations are written out here as the code stood before.
"""

from __future__ import annotations

from typing import Optional

from jianwu import departments as dp
from test_facts_speedups import clause_texts, docs, random_texts  # noqa: F401 (fixtures; tests/ is on sys.path)


def _plain_split_depth0(text: str, seps: str, start: int = 0, end: Optional[int] = None) -> list[tuple[int, int, str]]:
    """``departments._split_depth0`` as it stood: every bracket and separator found by one scan."""
    end = len(text) if end is None else end
    if not any(sep in text[start:end] for sep in seps):
        return [(start, end, "")]
    pieces: list[tuple[int, int, str]] = []
    depth, piece, before = 0, start, ""
    for m in dp._split_marks(seps).finditer(text, start, end):
        ch = m.group()
        if ch in dp.OPENERS:
            depth += 1
        elif ch in dp.CLOSERS:
            if depth:
                depth -= 1
        elif depth == 0:
            i = m.start()
            pieces.append((piece, i, before))
            piece, before = i + 1, ch
    pieces.append((piece, end, before))
    return pieces


# Separators of every kind _split_depth0 is asked for, the brackets, names.
SPLIT_PIECES = [*"、/，,；;。（）〔〕()", "市发展改革委", "省生态环境厅", "牵头", "负责", " "]


def test_split_depth0_by_str_split_is_the_scan(clause_texts: list[str]) -> None:
    texts = clause_texts + random_texts(SPLIT_PIECES, 20000)
    split = 0
    for text in texts:
        for seps in (dp.ITEM_SEP, dp.PART_SEP, "。"):
            for start, end in ((0, len(text)), (1, max(1, len(text) - 1))):
                expected = _plain_split_depth0(text, seps, start, end)
                assert dp._split_depth0(text, seps, start, end) == expected, (text, seps, start, end)
                split += len(expected) > 1
    assert split > 10000
