"""``fuzz.ratio`` of two plan titles, without importing rapidfuzz.

The lineage finder compares a dozen short strings (titles, 10 to 40 characters) per plan it
places; rapidfuzz's import (14 ms, 47 modules) is more than a warm ``jianwu check FILE`` spends
on anything else of its own, and a check whose diff is cached needs rapidfuzz for nothing else.
``title_ratio`` is rapidfuzz's ``fuzz.ratio`` (the normalised Indel similarity, times 100) to
the last bit: the same LCS, found with the bit-parallel algorithm of Allison and Dix (one
Python integer of ``len(a)`` bits stands for a row of the LCS table), and the same float
operations in the same order.  ``tests/test_lineage_ratio.py`` compares the two.

    >>> title_ratio("碳达峰实施方案", "碳达峰行动方案")
    71.42857142857143
"""

from __future__ import annotations


def lcs_length(a: str, b: str) -> int:
    """The length of a longest common subsequence of ``a`` and ``b``."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}  # the positions of each character of a, as bits
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    full = bit - 1
    row = full  # a zero bit for each LCS step taken so far
    for ch in b:
        mask = masks.get(ch)
        if mask:
            matched = row & mask
            row = ((row + matched) | (row - matched)) & full
    return len(a) - bin(row).count("1")


def title_ratio(a: str, b: str) -> float:
    """``rapidfuzz.fuzz.ratio(a, b)``: 100 × (1 − Indel distance / (len(a) + len(b)))."""
    total = len(a) + len(b)
    if not total:
        return 100.0
    return (1.0 - (total - 2 * lcs_length(a, b)) / total) * 100
