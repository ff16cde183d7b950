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

Computed once per document pair: the vectors are built in one pass, and the
cosines of all pairs through an inverted index over the parent's vectors, so
the work is the number of (child term, parent clause holding it) postings, not
clause pairs times vocabulary.  Pure Python; no numpy.
"""

from __future__ import annotations

import math
from collections import Counter

import regex

# What is not a term: punctuation, spaces and digits (years and values differ between levels).
NOT_TERM = regex.compile(r"[^\p{Han}A-Za-z]+")
NGRAM_SIZES = (2, 3)
COMMON_SHARE = 0.5  # a term in more than this share of the pair's clauses is left out of the dot products


def terms(text: str) -> set[str]:
    """Character 2- and 3-grams of the Han/Latin runs of ``text`` (n-grams never span punctuation)."""
    grams: set[str] = set()
    for run in NOT_TERM.split(text):
        for n in NGRAM_SIZES:
            grams.update([run[i:i + n] for i in range(len(run) - n + 1)])
    return grams


def cosine_grid(child_texts: list[str], parent_texts: list[str]) -> list[list[float]]:
    """TF-IDF cosine of every (child, parent) pair of texts: ``grid[child][parent]`` in 0..1.

    Weights are binary term presence times IDF (clauses are short: an n-gram
    rarely repeats inside one, and a repeat says little).  A term found in more
    than ``COMMON_SHARE`` of all clauses still counts in each vector's norm but
    is left out of the dot products: it is shared by nearly every pair alike.
    """
    c_bags = [terms(t) for t in child_texts]
    p_bags = [terms(t) for t in parent_texts]
    df: Counter[str] = Counter()
    for bag in c_bags + p_bags:
        df.update(bag)
    n = len(c_bags) + len(p_bags)
    idf = {t: math.log((1 + n) / (1 + k)) for t, k in df.items()}
    common = COMMON_SHARE * n
    # Only a term of both documents can add to a cosine: the others count in the norms only.
    in_child: set[str] = set().union(*c_bags)
    useful = {t for t in set().union(*p_bags) & in_child if df[t] <= common}
    postings: dict[str, list[tuple[int, float]]] = {}
    for pi, bag in enumerate(p_bags):
        norm = math.sqrt(sum(idf[t] ** 2 for t in bag)) or 1.0
        for t in bag & useful:
            postings.setdefault(t, []).append((pi, idf[t] / norm))
    grid: list[list[float]] = []
    for bag in c_bags:
        norm = math.sqrt(sum(idf[t] ** 2 for t in bag)) or 1.0
        row = [0.0] * len(p_bags)
        for t in bag & useful:
            w = idf[t]
            for pi, pw in postings[t]:
                row[pi] += w * pw
        grid.append([min(x / norm, 1.0) for x in row])
    return grid
