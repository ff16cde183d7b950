"""Round 13 of the diff's fast paths, in plain Python (``bench/README.md``, "Round 13: the plain diff"):
each gives exactly what the computation it replaces gives, on the clauses of the parent → child pairs of
``data/raw`` and on random texts.  The replaced computation is written out here as it stood.
"""

from __future__ import annotations

import random
from dataclasses import replace
from statistics import quantiles

import pytest
from rapidfuzz import fuzz

from jianwu import Document
from jianwu.align import MIN_RUN, NOISE_QUANTILE, BoundScores, _combined, _Grid, _Pairing, _scores, score, units
from jianwu.inline_diff import Edit, _diff_tokens, clause_spans, department_keys, diff_texts
from jianwu.run_bounds import PlainRunBounds, _plain_bounds, _plain_self_bounds
from jianwu.sentences import NOTE, SENTENCE_MIN, SentenceIndex, _chain, align_sentences, is_note, split_sentences
from jianwu.similarity import TermSimilarity

# (child, parent) pairs of data/raw: provinces against the national plan, a city against its
# province, districts against their city.
PAIRS = [
    ("corpus", "guangxi-lvse", "national-lvse"),
    ("corpus", "henan-lvse", "national-lvse"),
    ("corpus", "handan-lvse", "hebei-lvse"),
    ("corpus", "jiangsu-lvse", "national-lvse"),
    ("seeds", "shapingba-jianwu-2023", "chongqing-jianwu-2023"),
    ("seeds", "gaoxin-jianwu-2023", "chongqing-jianwu-2023"),
]


@pytest.fixture(scope="module")
def pairs(seeds: dict[str, Document], corpus: dict[str, Document]) -> list[tuple[Document, Document]]:
    sets = {"seeds": seeds, "corpus": corpus}
    return [(sets[where][child], sets[where][parent]) for where, child, parent in PAIRS]


def _random_texts(rng: random.Random, n: int, length: int) -> list[str]:
    return ["".join(rng.choice("ab中") for _ in range(rng.randrange(0, length))) for _ in range(n)]


def _distinct(bodies: list[str]) -> list[int]:
    first: dict[str, int] = {}
    return [k for k, body in enumerate(bodies) if first.setdefault(body, k) == k]


def test_one_index_bounds_the_grid_and_the_child_pairs(pairs: list[tuple[Document, Document]]) -> None:
    """``PlainRunBounds``: against another list, ``_plain_bounds``; among its texts (bounded while indexed
    or afterwards), ``_plain_bounds`` of the sub-list against a copy of itself (two lists)."""
    rng = random.Random(13)
    cases = [([u.body for u in units(c)[0]], [u.body for u in units(p)[0]]) for c, p in pairs]
    cases += [(_random_texts(rng, rng.randrange(0, 8), 30), _random_texts(rng, rng.randrange(0, 8), 30)) for _ in range(60)]
    for a, b in cases:
        for k in (1, 2, MIN_RUN):
            expected = _plain_bounds(a, b, k)
            for among in (True, False):
                index = PlainRunBounds(a, k, among=among)
                assert index.against(b) == expected, (a, b, k)
                for positions in (list(range(len(a))), _distinct(a), list(range(len(a)))[::-2]):
                    sub = [a[p] for p in positions]
                    assert index.among(positions) == _plain_bounds(sub, list(sub), k) == _plain_self_bounds(sub, k), (a, positions, k)


@pytest.mark.parametrize("vectorised", [True, False])
def test_grid_child_bounds_are_the_bounds_of_the_distinct_bodies(pairs: list[tuple[Document, Document]], vectorised: bool) -> None:
    from jianwu.run_bounds import shared_run_bounds

    for child, parent in pairs:
        c_units, p_units = units(child)[0], units(parent)[0]
        bodies = [u.body for u in c_units]
        distinct = _distinct(bodies)
        sub = [bodies[k] for k in distinct]
        grid = _Grid(c_units, p_units, vectorised, duplicates=True)
        assert grid.child_bounds(distinct) == shared_run_bounds(sub, sub, MIN_RUN, vectorised=vectorised)
        if not vectorised:
            assert _Grid(c_units, p_units, False).child_bounds(distinct) == _plain_bounds(sub, list(sub), MIN_RUN)


def _noise_before(grid: _Grid) -> float:
    """``_Grid.noise`` as it stood: every pair between the first bounds of the two order statistics scored."""
    n = grid.n_child * grid.n_parent
    if n < 2:
        return 0.0
    j = min(max(NOISE_QUANTILE * (n + 1) // 4, 1), n - 1)
    low = [t / 2 for row in grid.titles for t in row]
    high = [_combined(grid.bound(ci, pi)) if shared else t / 2 for ci, (titles, bounds) in enumerate(zip(grid.titles, grid._bounds)) for pi, (t, shared) in enumerate(zip(titles, bounds))]
    floor, ceiling = sorted(low)[j - 1], sorted(high)[j]
    stand_in = [-1.0 if hi < floor else 2.0 if lo > ceiling else hi if lo == hi else _combined(grid.exact(*divmod(k, grid.n_parent))) for k, (lo, hi) in enumerate(zip(low, high))]
    return quantiles(stand_in, n=4)[NOISE_QUANTILE - 1]


@pytest.mark.parametrize("vectorised", [True, False])
def test_noise_narrowed_score_by_score_is_the_quantile(pairs: list[tuple[Document, Document]], vectorised: bool) -> None:
    """The noise quantile, the pairs between the bounds scored widest first, is the quantile of every
    pair's combined score (and what the noise was), from fewer exact scores."""
    fewer = 0
    for child, parent in pairs:
        c_units, p_units = units(child)[0], units(parent)[0]
        grid = _Grid(c_units, p_units, vectorised)
        noise = grid.noise()
        scored = len(grid._exact)
        before = _Grid(c_units, p_units, vectorised)
        assert noise == _noise_before(before)
        assert scored <= len(before._exact)
        fewer += scored < len(before._exact)
        assert noise == quantiles([_combined(score(c, p)) for c in c_units for p in p_units], n=4)[NOISE_QUANTILE - 1], child.id
    assert fewer >= 3


def test_bound_scores_read_as_the_scores_of_the_bound(pairs: list[tuple[Document, Document]]) -> None:
    for child, parent in pairs[:3]:
        c_units, p_units = units(child)[0], units(parent)[0]
        grid = _Grid(c_units, p_units, False)
        for ci, c in enumerate(c_units):
            for pi, p in enumerate(p_units):
                bound = grid.bound(ci, pi)
                assert isinstance(bound, BoundScores)
                expected = _scores(grid.titles[ci][pi], grid._bounds[ci][pi], len(c.body), len(p.body))
                assert tuple(bound) == (expected.title, expected.body, expected.parent_coverage, expected.child_coverage, expected.terms)
                assert (bound.title, bound.body, bound.parent_coverage, bound.child_coverage, bound.terms) == tuple(bound)


def test_pair_scores_are_the_replaced_exact_scores(pairs: list[tuple[Document, Document]]) -> None:
    child, parent = pairs[0]
    c_units, p_units = units(child)[0], units(parent)[0]
    state = _Pairing(_Grid(c_units, p_units, False), TermSimilarity([u.title + u.body for u in c_units], [u.title + u.body for u in p_units], vectorised=False))
    for ci in range(0, len(c_units), 3):
        for pi in range(len(p_units)):
            assert state.scores(ci, pi) == replace(state.grid.exact(ci, pi), terms=state.terms(ci, pi))


def _sentence_pieces(pairs: list[tuple[Document, Document]]) -> list[tuple[str, str, list[tuple[int, int]], list[tuple[int, int]], dict[str, str]]]:
    """(parent text, child text, spans, spans, department keys) of every aligned clause pair's whole texts and sentences."""
    from jianwu.align import align_documents

    out = []
    for child, parent in pairs:
        for a in align_documents(child, parent):
            if a.child_index is None or a.parent_index is None:
                continue
            p, c = parent.clauses[a.parent_index], child.clauses[a.child_index]
            keys = department_keys(p, c)
            out.append((p.text, c.text, clause_spans(p), clause_spans(c), keys))
            for s in split_sentences(p.text):
                text = p.text[s.start : s.end]
                spans = [(x - s.start, y - s.start) for x, y in clause_spans(p) if s.start <= x and y <= s.end]
                out.append((text, text, spans, spans, keys))
    return out


def test_equal_texts_are_one_equal_run_as_the_token_diff_finds(pairs: list[tuple[Document, Document]]) -> None:
    """Two equal texts with the same spans: ``diff_texts`` without tokens is the token diff, at any offsets."""
    pieces = _sentence_pieces(pairs)
    equal = 0
    for parent, child, p_spans, c_spans, keys in pieces + [("", "", [], [], {}), ("全国", "全国", [], [], {}), ("2025年下降14.5%", "2025年下降14.5%", [(0, 5)], [(0, 5)], {})]:
        for texts in ((parent, parent), (child, child), (parent, child)):
            for spans in ((p_spans, p_spans), (p_spans, c_spans), (c_spans, c_spans)):
                full = _diff_tokens(*texts, sorted(spans[0]), sorted(spans[1]), keys)
                assert diff_texts(*texts, spans[0], spans[1], keys) == full
                shifted = [Edit(e.op, e.parent, e.child, e.parent_start + 7, e.child_start + 3, e.level_only) for e in full]
                assert diff_texts(*texts, spans[0], spans[1], keys, at=(7, 3)) == shifted
                equal += texts[0] == texts[1] and spans[0] == spans[1]
    assert equal > 1000


def _chain_before(sim: list[list[float]]) -> list[tuple[int, int]]:
    """``sentences._chain`` as it stood (each cell's ``max``)."""
    n, m = len(sim), len(sim[0]) if sim else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            take = sim[i][j] + below[j + 1] if sim[i][j] >= SENTENCE_MIN else -1.0
            row[j] = max(take, below[j], row[j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= SENTENCE_MIN and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def test_sentence_chain_and_moved_pairs_are_as_before(pairs: list[tuple[Document, Document]]) -> None:
    """The sentence chain (each cell's max written out) and the pairs moved inside a clause (looked for
    among the free sentences): the chain of the old code, on real clause pairs and on random scores with ties."""
    from jianwu.align import align_documents

    rng = random.Random(31)
    matrices = [[[rng.choice((0.0, 0.3, 0.5, 0.5, 0.75, 1.0)) for _ in range(rng.randrange(0, 7))] for _ in range(rng.randrange(0, 7))] for _ in range(400)]
    matrices = [m for m in matrices if len({len(r) for r in m}) <= 1]
    for child, parent in pairs:
        for a in align_documents(child, parent):
            if a.child_index is None or a.parent_index is None:
                continue
            ps, cs = split_sentences(parent.clauses[a.parent_index].text), split_sentences(child.clauses[a.child_index].text)
            sim = [[1.0 if p.folded == c.folded else fuzz.ratio(p.folded, c.folded) / 100 for c in cs] for p in ps]
            matrices.append(sim)
            links = align_sentences(ps, cs, 100)
            chain = _chain_before(sim)
            used_p, used_c = {i for i, _ in chain}, {j for _, j in chain}
            moved = []
            for _, i, j in sorted((-sim[i][j], i, j) for i in range(len(ps)) for j in range(len(cs)) if i not in used_p and j not in used_c and sim[i][j] >= SENTENCE_MIN):
                if i not in used_p and j not in used_c:
                    moved.append((i, j))
                    used_p.add(i)
                    used_c.add(j)
            assert sorted((link.parent, link.child) for link in links if link.status == "moved") == sorted(moved)
    for sim in matrices:
        assert _chain(sim) == _chain_before(sim), sim


def test_note_pretest_and_length_order_are_as_before(pairs: list[tuple[Document, Document]]) -> None:
    """``is_note`` with its bracket pre-test is the NOTE match; the sentence index's length order, sorted
    in C, is the order by (length, index)."""
    for child, parent in pairs:
        sentences = [(i, split_sentences(c.text)) for i, c in enumerate(child.clauses)]
        folded = [s.folded for _, ss in sentences for s in ss] + ["（市发展改革委牵头）", "（市发展改革委牵头", " （负责）", ""]
        for text in folded:
            m = NOTE.match(text)
            assert is_note(text) == (m is not None and m.end() >= len(text) - 1), text
        index = SentenceIndex(sentences)
        order = sorted(range(len(index.texts)), key=lambda k: (len(index.texts[k]), k))
        assert index._by_length == order
        assert index._lengths == [len(index.texts[k]) for k in order]
        assert index._texts_by_length == [index.texts[k] for k in order]
