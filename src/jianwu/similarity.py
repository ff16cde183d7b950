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
in one pass; each pair's cosine is then one set intersection and one sum, both
run in C, and only for the pairs the alignment looks at.  Pure Python; no numpy.
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from itertools import compress

from .patterns import compile_pattern

# What is not a term: punctuation, spaces and digits (years and values differ between levels).
NOT_TERM = compile_pattern(r"[^\p{Han}A-Za-z]+")
# Stands for a run of non-term characters (itself one of them: NUL is neither Han nor Latin).
SEPARATOR = "\0"
COMMON_SHARE = 0.5  # a term in more than this share of the pair's clauses is left out of the dot products
_IS_ZERO = (0.0).__eq__


def terms(text: str) -> set[str]:
    """Character 2- and 3-grams of the Han/Latin runs of ``text`` (n-grams never span punctuation).

    Built over the whole text at once, in C (``map`` of string concatenation over shifted
    copies): the text's non-term runs become one ``SEPARATOR`` each, and the n-grams holding
    one are dropped.  The same set as cutting the runs apart and slicing each, three times faster.
    """
    s = NOT_TERM.sub(SEPARATOR, text)
    two = list(map(operator.add, s, s[1:]))  # 2-grams, by start
    grams = set(two)
    grams.update(map(operator.add, two, s[2:]))  # 3-grams: a 2-gram and the character after it
    return {g for g in grams if SEPARATOR not in g}


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

    def __init__(self, child_texts: list[str], parent_texts: list[str]) -> None:
        c_bags = [terms(t) for t in child_texts]
        p_bags = [terms(t) for t in parent_texts]
        df: Counter[str] = Counter()
        for bag in c_bags:
            df.update(bag)
        for bag in p_bags:
            df.update(bag)
        n = len(c_bags) + len(p_bags)
        # IDF depends on the document frequency only: one table by frequency, squared.
        norm_weight = [math.log((1 + n) / (1 + k)) ** 2 for k in range(n + 1)]
        dot_weight = [w if k <= COMMON_SHARE * n else 0.0 for k, w in enumerate(norm_weight)]
        # A norm is an exact sum: the weights as integers over one power of two, summed in C as
        # integers and divided once (int / int rounds correctly, as math.fsum does: same float).
        ratios = [w.as_integer_ratio() for w in norm_weight]
        scale = max(d for _, d in ratios)
        exact = [m * (scale // d) for m, d in ratios]
        self._c_norms = [math.sqrt(sum(map(exact.__getitem__, map(df.__getitem__, bag))) / scale) or 1.0 for bag in c_bags]
        self._p_norms = [math.sqrt(sum(map(exact.__getitem__, map(df.__getitem__, bag))) / scale) or 1.0 for bag in p_bags]
        # Only a term of both documents, in two clauses at least and not common, adds to a dot
        # product: intersecting bags cut down to those is several times faster.
        shared = list(set().union(*p_bags) & set().union(*c_bags)) if c_bags and p_bags else []  # so df >= 2
        weights = list(map(dot_weight.__getitem__, map(df.__getitem__, shared)))
        self._squared = dict(zip(shared, weights))
        for t in compress(shared, map(_IS_ZERO, weights)):  # common terms: no weight in a dot product
            del self._squared[t]
        useful = set(self._squared)  # a set: set & set runs in C, set & dict_keys does not
        self._c_bags = [bag & useful for bag in c_bags]
        self._p_bags = [bag & useful for bag in p_bags]
        self._memo: dict[tuple[int, int], float] = {}

    def __call__(self, ci: int, pi: int) -> float:
        value = self._memo.get((ci, pi))
        if value is None:
            dot = math.fsum(map(self._squared.__getitem__, self._c_bags[ci] & self._p_bags[pi]))
            value = self._memo[(ci, pi)] = min(dot / (self._c_norms[ci] * self._p_norms[pi]), 1.0)
        return value


def cosine_grid(child_texts: list[str], parent_texts: list[str]) -> list[list[float]]:
    """Every pair's cosine (``TermSimilarity``): ``grid[child][parent]``."""
    sim = TermSimilarity(child_texts, parent_texts)
    return [[sim(ci, pi) for pi in range(len(parent_texts))] for ci in range(len(child_texts))]
