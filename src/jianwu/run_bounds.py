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

Computed in numpy for all pairs: k-grams as integer ids (ids of shorter grams paired,
doubling the length each step), then per k-gram the (a text, b text) pairs holding it.
"""

from __future__ import annotations

import numpy as np

CODE_BITS = 21  # every code point is below 0x110000 = 2**21
# (a text, b text, k-gram) triples counted at once: bounds the memory (a few int64 arrays of
# this length) when a k-gram is in many texts of both lists (a set phrase of every clause).
TRIPLES_PER_CHUNK = 1 << 20


def _gram_ids(codes: np.ndarray, k: int) -> np.ndarray:
    """Dense ids (0 .. distinct - 1) of the k-gram starting at each position (len(codes) - k + 1 of them).

    Two grams of length m at p and p + (m2 - m) overlap into the m2-gram at p (m2 <= 2m), and
    determine it: each step pairs two ids into one integer and renumbers the pairs densely.
    """
    ids, m, width = codes, 1, 1 << CODE_BITS  # length-1 grams: the code points themselves
    while m < k:
        m2 = min(2 * m, k)
        shift = m2 - m
        paired = ids[: len(ids) - shift] * width + ids[shift:]
        distinct, ids = np.unique(paired, return_inverse=True)
        ids, m, width = ids.reshape(-1), m2, max(len(distinct), 1)
    return ids


def shared_run_bounds(a_texts: list[str], b_texts: list[str], k: int) -> list[list[int]]:
    """``bound[i][j]`` >= the characters of ``a_texts[i]`` and ``b_texts[j]`` in common runs of at least ``k``.

    Exact (0) for every pair without a common k-gram.  ``k`` >= 1.
    """
    n_a, n_b = len(a_texts), len(b_texts)
    lengths = np.array([len(t) for t in a_texts + b_texts], dtype=np.int64)
    if n_a == 0 or n_b == 0:
        return [[0] * n_b for _ in range(n_a)]
    texts = a_texts + b_texts
    codes = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype="<u4").astype(np.int64)
    owner = np.repeat(np.arange(len(texts)), lengths)  # text of each position
    found = np.zeros(n_a * n_b, dtype=np.float64)  # M of each pair, row-major
    if len(codes) >= k:
        ids = _gram_ids(codes, k)
        inside = owner[: len(ids)] == owner[k - 1 :]  # the gram does not span two texts
        ids, gram_owner = ids[inside], owner[: len(inside)][inside]
        width = int(ids.max(initial=0)) + 1
        rows, counts = np.unique(gram_owner * width + ids, return_counts=True)  # (text, gram) once, with its count
        row_text, row_gram = rows // width, rows % width
        is_a = row_text < n_a
        a_text, a_gram, a_count = row_text[is_a], row_gram[is_a], counts[is_a]
        b_order = np.argsort(row_gram[~is_a], kind="stable")  # the b rows grouped by gram
        b_text, b_gram, b_count = (row_text[~is_a] - n_a)[b_order], row_gram[~is_a][b_order], counts[~is_a][b_order]
        per_gram = np.bincount(b_gram, minlength=width)  # b rows holding each gram
        first = np.concatenate([[0], np.cumsum(per_gram)[:-1]])  # where each gram's b rows start
        partners = per_gram[a_gram]  # b rows matching each a row
        ends = np.cumsum(partners)
        start = 0
        while start < len(a_text):  # a rows in chunks of about TRIPLES_PER_CHUNK triples
            base = ends[start - 1] if start else 0
            stop = max(int(np.searchsorted(ends, base + TRIPLES_PER_CHUNK, side="right")), start + 1)
            rep = partners[start:stop]
            a_row = np.repeat(np.arange(start, stop), rep)
            offset = np.arange(len(a_row)) - np.repeat(ends[start:stop] - rep - base, rep)
            b_row = first[a_gram[a_row]] + offset
            shared = np.minimum(a_count[a_row], b_count[b_row]).astype(np.float64)  # integers: summed exactly
            found += np.bincount(a_text[a_row] * n_b + b_text[b_row], weights=shared, minlength=n_a * n_b)
            start = stop
    bound = np.minimum(k * found.reshape(n_a, n_b).astype(np.int64), np.minimum.outer(lengths[:n_a], lengths[n_a:]))
    return bound.tolist()  # type: ignore[no-any-return]
