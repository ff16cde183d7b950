"""Round 11 of the fast paths of normalisation and the departments (``bench/README.md``, "Round 11:
normalisation and departments"): each gives exactly what the plain computation it replaces gives, on
the clauses of every plan of ``data/raw`` and on random texts of the characters each turns on.  The
plain computation is the code as it stood before (``test_parse_speedups_round3``).
"""

from __future__ import annotations

from jianwu import departments as dp
from test_facts_speedups import clause_texts, docs, random_texts  # noqa: F401 (fixtures; tests/ is on sys.path)
# ``_split_depth0`` as it stood (every bracket and separator of the span looked at): the reference
from test_parse_speedups_round3 import _plain_split_depth0


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
