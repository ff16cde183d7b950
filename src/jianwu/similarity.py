"""Character n-gram similarity of clauses that survives reordering and paraphrase.

The LCS coverage of ``align`` counts text carried over in order, in runs; a
province that rewrites a national clause keeps its terms (绿色供应链,
再生资源回收, 生产者责任延伸) but reorders them and changes the verbs around
them, and the LCS sees almost nothing.  Here each clause is a bag of the
character 2- and 3-grams of its level-folded text, weighted by TF-IDF with the
document frequency counted over the clauses of *both* documents of the pair
(a term every clause of the family shares — 绿色, 低碳, 发展 — weighs almost
nothing; a term two clauses share and the others do not weighs a lot), and two
clauses are compared by the cosine of their vectors.

Computed once per document pair: the n-gram sets and the document frequencies
in one pass, in numpy (each n-gram an integer id made of its code points: every
clause of both documents at once, no string per n-gram); each pair's cosine is
then one set intersection and one sum, both run in C, and only for the pairs the
alignment looks at.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING

from .patterns import compile_pattern

if TYPE_CHECKING:  # imported where used: numpy's import (some 70 ms) is paid by a diff, not by importing align
    import numpy as np

# What is not a term: punctuation, spaces and digits (years and values differ between levels).
NOT_TERM = compile_pattern(r"[^\p{Han}A-Za-z]+")
# Stands for a run of non-term characters (itself one of them: NUL is neither Han nor Latin).
SEPARATOR = "\0"
COMMON_SHARE = 0.5  # a term in more than this share of the pair's clauses is left out of the dot products
# An n-gram's id packs its code points, CODE_BITS each (every code point is below 0x110000 = 2**21):
# a 3-gram fills 63 bits of an int64.  A 3-gram's first code point is not 0 (NUL is SEPARATOR,
# never in an n-gram), so every 3-gram id is above every 2-gram id: the ids of the two never meet.
CODE_BITS = 21


def terms(text: str) -> set[str]:
    """Character 2- and 3-grams of the Han/Latin runs of ``text`` (n-grams never span punctuation).

    Each run's n-grams are made in C (``map`` of string concatenation over shifted copies of the
    run): quicker than making them over the whole text, the non-term runs as separators, and
    dropping those that hold one in a Python test each (every clause of data/raw: 70 → 55 ms).
    """
    grams: set[str] = set()
    add_all = grams.update
    for run in NOT_TERM.split(text):
        if len(run) > 2:
            two = list(map(operator.add, run, run[1:]))  # 2-grams, by start
            add_all(two)
            add_all(map(operator.add, two, run[2:]))  # 3-grams: a 2-gram and the character after it
        elif len(run) == 2:
            grams.add(run)
    return grams


def _clause_terms(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``(owners, terms)``: one row per distinct (text, n-gram) pair, sorted by text, then by term id.

    The n-grams are those of ``terms``; the ids are dense (0 .. number of distinct n-grams of
    all the texts - 1), so an array indexed by id is as long as there are n-grams.
    """
    import numpy as np

    runs = [NOT_TERM.sub(SEPARATOR, t) for t in texts]
    # The texts one after another, a SEPARATOR between two: no n-gram spans two texts.
    codes = np.frombuffer(SEPARATOR.join(runs).encode("utf-32-le"), dtype="<u4").astype(np.int64)
    text_of = np.repeat(np.arange(len(texts)), [len(r) + 1 for r in runs])[: len(codes)]  # by position
    two = (codes[:-1] << CODE_BITS) | codes[1:]
    two_ok = (codes[:-1] != 0) & (codes[1:] != 0)  # holds no SEPARATOR
    three = (two[:-1] << CODE_BITS) | codes[2:]
    three_ok = two_ok[:-1] & (codes[2:] != 0)
    grams = np.concatenate([two[two_ok], three[three_ok]])
    owners = np.concatenate([text_of[:-1][two_ok], text_of[:-2][three_ok]])
    distinct, ids = np.unique(grams, return_inverse=True)
    rows = np.sort(owners * len(distinct) + ids.reshape(-1))  # (text, id) pairs, in order ...
    rows = rows[np.concatenate((rows[:1] == rows[:1], rows[1:] != rows[:-1]))]  # ... once each (np.unique's hash path is slower)
    width = max(len(distinct), 1)
    return rows // width, rows % width


def _exact_norms(owners: np.ndarray, frequencies: np.ndarray, weights: list[float], n: int) -> list[float]:
    """Each text's vector norm: sqrt of the exact sum of ``weights[df]`` over its terms, or 1.0 for none.

    Exact, so the same float whatever order the terms come in: the weights as integers over one
    power of two (``as_integer_ratio``), each text's sum an integer (Python's, unbounded) and
    divided once (int / int rounds correctly, as ``math.fsum`` does: same float).  Summed by
    document frequency: a text's terms of one frequency all weigh the same, so the sum is
    count × weight over the few frequencies it has.
    """
    import numpy as np

    ratios = [w.as_integer_ratio() for w in weights]
    scale = max(d for _, d in ratios)
    exact = [m * (scale // d) for m, d in ratios]
    totals = [0] * n
    groups, counts = np.unique(owners * (len(weights)) + frequencies, return_counts=True)
    for group, count in zip(groups.tolist(), counts.tolist()):
        text, k = divmod(group, len(weights))
        totals[text] += count * exact[k]
    return [math.sqrt(total / scale) or 1.0 for total in totals]


class TermSimilarity:
    """TF-IDF cosine of (child, parent) pairs of texts, ``sim(ci, pi)`` in 0..1, computed on demand.

    Weights are binary term presence times IDF (clauses are short: an n-gram
    rarely repeats inside one, and a repeat says little), so a dot product is
    the sum of IDF² over the terms two clauses share: one set intersection and
    one ``math.fsum(map(...))`` per pair, both in C (``fsum`` is exact, so the
    result does not depend on the order a set is walked in: same bytes every run).  A term found in more than
    ``COMMON_SHARE`` of all clauses still counts in each vector's norm but not
    in the dot products: nearly every pair shares it alike.  The alignment
    asks only for the pairs its steps look at (clauses still free), and each
    pair is computed once.
    """

    def __init__(self, child_texts: list[str], parent_texts: list[str], *, vectorised: bool = True) -> None:
        """``vectorised``: the n-grams counted in NumPy; else in plain Python, with the same results
        (``numpy_or_not``: a process's first diff does not import NumPy for it)."""
        if not vectorised:
            self._count_plain(child_texts, parent_texts)
            return
        import numpy as np

        texts = [*child_texts, *parent_texts]
        n_child, n = len(child_texts), len(texts)
        owners, grams = _clause_terms(texts)  # one row per (clause, term), terms as integer ids
        df = np.bincount(grams)  # by term id: the ids are dense, each in some clause
        # IDF depends on the document frequency only: one table by frequency, squared.
        norm_weight = [math.log((1 + n) / (1 + k)) ** 2 for k in range(n + 1)]
        dot_weight = [w if k <= COMMON_SHARE * n else 0.0 for k, w in enumerate(norm_weight)]
        norms = _exact_norms(owners, df[grams], norm_weight, n)
        self._c_norms, self._p_norms = norms[:n_child], norms[n_child:]
        # Only a term of both documents, in two clauses at least and not common, adds to a dot
        # product: intersecting bags cut down to those is several times faster.
        in_child = np.zeros(len(df), dtype=bool)
        in_child[grams[owners < n_child]] = True
        in_parent = np.zeros(len(df), dtype=bool)
        in_parent[grams[owners >= n_child]] = True
        weights = np.array(dot_weight)[df]
        useful = in_child & in_parent & (weights != 0.0)  # common terms: no weight in a dot product
        self._squared: list[float] = weights.tolist()  # by term id; read only for useful terms
        keep = useful[grams]
        kept, bounds = grams[keep].tolist(), np.searchsorted(owners[keep], np.arange(n + 1)).tolist()
        bags = [set(kept[a:b]) for a, b in zip(bounds, bounds[1:])]  # sets: set & set runs in C
        self._c_bags, self._p_bags = bags[:n_child], bags[n_child:]
        self._memo: dict[tuple[int, int], float] = {}
        self._lazy = False

    def _count_plain(self, child_texts: list[str], parent_texts: list[str]) -> None:
        """``__init__`` with the n-grams as strings in sets and a Counter: the same cosines.

        Only the document frequencies are counted for every clause: a diff asks for few pairs
        (those left free by the alignment's first steps; 84 of Guangxi's 840 against the
        national 意见), so a clause's norm is summed when a pair of it is first asked for, and a
        pair's dot product is taken over the two whole bags (every n-gram of both is in both
        documents, so df >= 2; the common ones weigh 0.0, which ``fsum`` adds exactly).
        """
        self._c_bags = [terms(t) for t in child_texts]  # type: ignore[misc]
        self._p_bags = [terms(t) for t in parent_texts]  # type: ignore[misc]
        df: Counter[str] = Counter(chain.from_iterable(self._c_bags))
        df.update(chain.from_iterable(self._p_bags))
        n = len(self._c_bags) + len(self._p_bags)
        norm_weight = [math.log((1 + n) / (1 + k)) ** 2 for k in range(n + 1)]
        self._dot_by_df = [w if k <= COMMON_SHARE * n else 0.0 for k, w in enumerate(norm_weight)]
        # Exact sums, as _exact_norms: the weights as integers over one power of two, divided once.
        ratios = [w.as_integer_ratio() for w in norm_weight]
        self._scale = max(d for _, d in ratios)
        self._exact_by_df = [m * (self._scale // d) for m, d in ratios]
        self._df = df
        self._c_norms = [-1.0] * len(self._c_bags)  # -1: not summed yet (a norm is >= 0)
        self._p_norms = [-1.0] * len(self._p_bags)
        self._memo = {}
        self._lazy = True

    def _plain_norm(self, norms: list[float], bags: list[set[str]], i: int) -> float:
        norm = norms[i]
        if norm < 0.0:
            total = sum(map(self._exact_by_df.__getitem__, map(self._df.__getitem__, bags[i])))
            norm = norms[i] = math.sqrt(total / self._scale) or 1.0
        return norm

    def _plain_cosine(self, ci: int, pi: int) -> float:
        shared = self._c_bags[ci] & self._p_bags[pi]  # type: ignore[operator]
        dot = math.fsum(map(self._dot_by_df.__getitem__, map(self._df.__getitem__, shared)))
        norms = self._plain_norm(self._c_norms, self._c_bags, ci) * self._plain_norm(self._p_norms, self._p_bags, pi)  # type: ignore[arg-type]
        return min(dot / norms, 1.0)

    def _vector_cosine(self, ci: int, pi: int) -> float:
        dot = math.fsum(map(self._squared.__getitem__, self._c_bags[ci] & self._p_bags[pi]))
        return min(dot / (self._c_norms[ci] * self._p_norms[pi]), 1.0)

    def __call__(self, ci: int, pi: int) -> float:
        value = self._memo.get((ci, pi))
        if value is None:
            value = self._memo[(ci, pi)] = self._plain_cosine(ci, pi) if self._lazy else self._vector_cosine(ci, pi)
        return value

    def norms(self) -> tuple[list[float], list[float]]:
        """Every child clause's and every parent clause's vector norm (for tests: a diff needs few)."""
        if self._lazy:
            for i in range(len(self._c_norms)):
                self._plain_norm(self._c_norms, self._c_bags, i)  # type: ignore[arg-type]
            for i in range(len(self._p_norms)):
                self._plain_norm(self._p_norms, self._p_bags, i)  # type: ignore[arg-type]
        return list(self._c_norms), list(self._p_norms)


def cosine_grid(child_texts: list[str], parent_texts: list[str]) -> list[list[float]]:
    """Every pair's cosine (``TermSimilarity``): ``grid[child][parent]``."""
    sim = TermSimilarity(child_texts, parent_texts)
    return [[sim(ci, pi) for pi in range(len(parent_texts))] for ci in range(len(child_texts))]
