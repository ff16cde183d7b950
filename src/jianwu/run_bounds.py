"""Upper bounds on the text two clauses share in long runs, for every pair of two lists at once.

``align`` scores a clause pair by the characters of the two bodies in common runs of at
least ``MIN_RUN`` on their LCS alignment (``align.shared_runs``: one ``Indel.opcodes`` per
pair, the costliest step of the alignment).  Most pairs of a document pair are unrelated
clauses, and most steps only ask whether a score reaches a threshold; a bound answers
that for a whole grid at once, and only the pairs it cannot rule out are aligned.

The bound.  A common run of length L >= k is one substring of both texts: its L - k + 1
k-grams (k = the shortest run counted) occur in both, at distinct places of each, since the
runs of an alignment do not overlap.  So the runs hold at most M = sum over k-grams g of
min(count of g in a, count of g in b) k-gram places, and L <= k·(L - k + 1) for L >= k
gives ``shared <= k·M``; shared is also at most the shorter text.  No common k-gram
(M = 0): no run of k, shared is exactly 0.

Computed in numpy for all pairs: each k-gram hashed to an integer, the (hash, text) pairs
counted in one sort, then per hash the (a text, b text) pairs holding it.  Two k-grams of
one hash count as one: that only raises M (min(x + y, u + v) >= min(x, u) + min(y, v)),
so the bound holds whatever the hash; and as the hash keeps 40 bits or more, a false 0
is impossible and a false non-zero (one exact computation more) rare.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import chain, repeat
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # imported where used: numpy's import (some 70 ms) is paid by a diff, not by importing align
    import numpy as np

HASH_MULTIPLIER = 0x9E3779B97F4A7C15  # odd, bits well mixed: a polynomial hash modulo 2**64
# splitmix64's finaliser (xor-shift, multiply; twice, then a last xor-shift): every input bit moves the top bits.
MIX_STEPS = ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB))
FINAL_SHIFT = 31
# (a text, b text, k-gram) triples counted at once: bounds the memory (a few int64 arrays of
# this length) when a k-gram is in many texts of both lists (a set phrase of every clause).
TRIPLES_PER_CHUNK = 1 << 20


def _gram_hashes(codes: np.ndarray, k: int) -> np.ndarray:
    """A 64-bit hash of the k-gram starting at each position (len(codes) - k + 1 of them); arithmetic wraps.

    The polynomial hash, then splitmix64's finaliser: without it the last code point would
    only move the low bits, and the top bits (those kept) of 4-grams differing only there
    would meet.
    """
    import numpy as np

    n = len(codes) - k + 1
    hashes = np.zeros(n, dtype=np.uint64)
    for t in range(k):
        hashes = hashes * np.uint64(HASH_MULTIPLIER) + codes[t : t + n]
    for shift, multiplier in MIX_STEPS:
        hashes ^= hashes >> np.uint64(shift)
        hashes *= np.uint64(multiplier)
    return hashes ^ (hashes >> np.uint64(FINAL_SHIFT))


def shared_run_bounds(a_texts: list[str], b_texts: list[str], k: int, *, vectorised: bool = True) -> list[list[int]]:
    """``bound[i][j]`` >= the characters of ``a_texts[i]`` and ``b_texts[j]`` in common runs of at least ``k``.

    0 for every pair without a common k-gram.  ``k`` >= 1.  ``vectorised``: in NumPy (k-grams
    hashed); else in plain Python (k-grams as strings: M exact, so a bound no larger), for a
    process's first diff (``numpy_or_not``).  Either is a valid bound: the alignment built on
    it is the same.
    """
    n_a, n_b = len(a_texts), len(b_texts)
    if n_a == 0 or n_b == 0:
        return [[0] * n_b for _ in range(n_a)]
    if not vectorised:
        return _plain_bounds(a_texts, b_texts, k)
    import numpy as np

    texts = a_texts + b_texts
    lengths = np.array([len(t) for t in texts], dtype=np.int64)
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.uint64)
    owner = np.repeat(np.arange(len(texts), dtype=np.uint64), lengths)  # text of each position
    found = np.zeros(n_a * n_b, dtype=np.float64)  # M of each pair, row-major
    if len(codes) >= k:
        owner_bits = max(len(texts) - 1, 1).bit_length()
        hashes = _gram_hashes(codes, k)
        inside = owner[: len(hashes)] == owner[k - 1 :]  # the gram does not span two texts
        # One key per place: the hash's top bits, then the text; sorted, a hash's texts are
        # together, its a texts (numbered first) before its b texts.
        keys = ((hashes[inside] >> np.uint64(owner_bits)) << np.uint64(owner_bits)) | owner[: len(inside)][inside]
        rows, counts = np.unique(keys, return_counts=True)  # (hash, text) once each, with its count
        row_text = (rows & np.uint64((1 << owner_bits) - 1)).astype(np.int64)
        grams = rows >> np.uint64(owner_bits)
        new = np.concatenate((grams[:1] == grams[:1], grams[1:] != grams[:-1]))  # a hash's first row
        group = np.cumsum(new) - 1  # hash group of each row
        group_start = np.flatnonzero(new)
        is_a = row_text < n_a
        a_per_group = np.bincount(group, weights=is_a).astype(np.int64)
        b_per_group = np.bincount(group).astype(np.int64) - a_per_group
        a_rows = np.flatnonzero(is_a)
        partners = b_per_group[group[a_rows]]  # b rows of the same hash, after the a rows
        b_first = (group_start + a_per_group)[group[a_rows]]
        ends = np.cumsum(partners)
        start = 0
        while start < len(a_rows):  # a rows in chunks of about TRIPLES_PER_CHUNK triples
            base = int(ends[start - 1]) if start else 0
            stop = max(int(np.searchsorted(ends, base + TRIPLES_PER_CHUNK, side="right")), start + 1)
            rep = partners[start:stop]
            a_row = np.repeat(a_rows[start:stop], rep)
            offset = np.arange(len(a_row)) - np.repeat(ends[start:stop] - rep - base, rep)
            b_row = np.repeat(b_first[start:stop], rep) + offset
            shared = np.minimum(counts[a_row], counts[b_row]).astype(np.float64)  # integers: summed exactly
            found += np.bincount(row_text[a_row] * n_b + (row_text[b_row] - n_a), weights=shared, minlength=n_a * n_b)
            start = stop
    bound = np.minimum(k * found.reshape(n_a, n_b).astype(np.int64), np.minimum.outer(lengths[:n_a], lengths[n_a:]))
    return bound.tolist()  # type: ignore[no-any-return]


@lru_cache(maxsize=2048)
def _gram_counts(text: str, k: int) -> Counter[str]:
    """The k-grams of ``text`` and how often each occurs (a clause's are asked for the grid and
    for the duplicate check of the same diff: counted once)."""
    return Counter([text[s : s + k] for s in range(len(text) - k + 1)])


def _plain_bounds(a_texts: list[str], b_texts: list[str], k: int) -> list[list[int]]:
    """``shared_run_bounds`` in plain Python: M by k-grams as strings, through an index of the a texts'."""
    if a_texts is b_texts:
        return _plain_self_bounds(a_texts, k)
    return PlainRunBounds(a_texts, k).against(b_texts)


class PlainRunBounds:
    """``shared_run_bounds`` in plain Python of one list of texts against another list, and among
    themselves, the list's k-grams indexed once: a diff's child bodies are bounded against the
    parent's (the grid), then against each other (the duplicate check), on one index.

    ``among``: the texts are bounded against each other while they are indexed (each against the
    index of those before it, then added to it: ``_plain_self_bounds``), for ``among`` to read.
    """

    def __init__(self, texts: list[str], k: int, *, among: bool = False) -> None:
        self.texts, self.k = texts, k
        index = self._index = _GramIndex()
        self._among: Optional[list[list[int]]] = None
        if not among:
            for i, text in enumerate(texts):
                index.add(i, _gram_counts(text, k))
            return
        found = self._among = [[0] * len(texts) for _ in texts]
        for j, text in enumerate(texts):
            counts = _gram_counts(text, k)
            index.count_into(found, j, counts)
            index.add(j, counts)
            found[j][j] = max(len(text) - k + 1, 0)
            for i in range(j):
                found[j][i] = found[i][j]

    def against(self, b_texts: list[str]) -> list[list[int]]:
        """``shared_run_bounds(self.texts, b_texts, k)``."""
        k, index = self.k, self._index
        found = [[0] * len(b_texts) for _ in self.texts]
        for j, text in enumerate(b_texts):
            index.count_into(found, j, _gram_counts(text, k))
        return _capped(found, k, self.texts, b_texts)

    def among(self, positions: list[int]) -> list[list[int]]:
        """``shared_run_bounds(sub, sub, k)`` of the texts at ``positions`` (``sub``, in that order)."""
        k, texts, found = self.k, self.texts, self._among
        sub = [texts[p] for p in positions]
        if found is None:
            return _plain_self_bounds(sub, k)
        return _capped([[found[p][q] for q in positions] for p in positions], k, sub, sub)


def _capped(found: list[list[int]], k: int, a_texts: list[str], b_texts: list[str]) -> list[list[int]]:
    """``min(k·M, len(a), len(b))`` of every pair, M = ``found[i][j]``: the bounds, each row in C."""
    b_lengths = list(map(len, b_texts))
    return [list(map(min, map(k.__mul__, row), repeat(len(a)), b_lengths)) for row, a in zip(found, a_texts)]


class _GramIndex:
    """The texts holding each k-gram: those holding it once (most k-grams of a clause are met once
    in it) apart from those holding it more often, with their counts.

    The texts holding a k-gram once are a string, text i as the character ``chr(i)``: adding one is
    a concatenation (of the empty string, for a k-gram new to the index: no new object), and the
    texts of many k-grams are counted by ``Counter`` over their concatenation, in C.
    """

    def __init__(self) -> None:
        self.once: dict[str, str] = {}  # k-gram -> the texts holding it once, text i as chr(i)
        self.often: dict[str, list[tuple[int, int]]] = {}  # k-gram -> (text, its count there >= 2)

    def add(self, i: int, counts: Counter[str]) -> None:
        once, often = self.once, self.often
        get, text = once.get, chr(i)
        for gram, count in counts.items():
            if count == 1:
                once[gram] = get(gram, "") + text
            else:
                often.setdefault(gram, []).append((i, count))

    def count_into(self, found: list[list[int]], j: int, counts: Counter[str]) -> None:
        """``found[i][j]`` = M of each indexed text i with the text of k-gram ``counts``."""
        # A text holding a k-gram once shares min(1, its count in text j) = 1 place of it: counted in C.
        for text, m in Counter("".join(filter(None, map(self.once.get, counts)))).items():
            found[ord(text)][j] = m
        often = self.often
        for gram in filter(often.__contains__, counts):  # (the few k-grams some text holds more than once)
            count = counts[gram]
            for i, held in often[gram]:
                found[i][j] += held if held < count else count


def _plain_self_bounds(texts: list[str], k: int) -> list[list[int]]:
    """``_plain_bounds(texts, texts, k)`` (a list against itself), each pair counted once.  M is
    symmetric, and a text's M with itself is its number of k-grams; so text j is counted against
    the index of the texts before it, then joins it (``PlainRunBounds(among=True)``): half the work."""
    return PlainRunBounds(texts, k, among=True).among(list(range(len(texts))))
