"""Clause alignment of a child plan against its parent plan.

Numbering is useless across levels (the municipal （三）…（二十八） became a
district's 1.…25.), so clauses are aligned on what they say, where they stand
and what they are called, in this order.  Every pair records the step that
made it (``basis``) and the scores it was made on, so a result can be explained.

1. Units.  A clause whose own text has a body beyond its title sentence is a
   *content clause*; one that is only a title (一、总体要求, a bare label such as
   主要任务：) is a *heading*.  Content is aligned with content, headings with
   headings (step 8).
2. Folding.  District plans rewrite 市 as 区 and localise place names, so the
   compared texts drop the responsibility note and fold the level characters
   省/市/区/县/州/镇/乡 to one placeholder (全市 = 全区, 市发展改革委 = 区发展改革委).
3. Scores (rapidfuzz) for every (child, parent) content pair.  ``title`` is
   ``fuzz.ratio`` of the titles.  For bodies, the LCS alignment of
   ``rapidfuzz.distance.Indel.opcodes`` is kept only where it runs for at least
   ``MIN_RUN`` characters: text really carried over comes in runs, while two
   unrelated clauses of the same family share scattered characters (character
   LCS gives them 0.15-0.30; runs give them under 0.1).  ``body`` is
   2·shared/(len child + len parent); ``parent_coverage`` shared/len parent (how
   much of the parent survives); ``child_coverage`` shared/len child.  The
   body scores of a pair are computed only when a step needs them and a bound
   on its shared runs (``run_bounds``, every pair at once) cannot rule it out
   (``_Grid``): the same scores, for a seventh of the pairs.
4. Text pairs: strongest first (mean of body and the larger coverage), one
   partner per clause, accepted when body >= ``TEXT_MIN`` or a coverage >=
   ``COVER_MIN`` (an abridged or an extended clause).
5. Title pairs: clauses still free whose titles are near-identical
   (title >= ``TITLE_MIN``): the same task, rewritten.
6. Order: the heaviest chain of pairs standing in the same order in both
   documents (a maximum-weight increasing subsequence) is the backbone; a pair
   off the backbone is ``moved``.
7. Position pairs: between two consecutive backbone pairs that leave at most
   ``MAX_GAP`` free clauses on each side (a tight gap pins the place), free
   clauses are a rewrite in place when their combined score (title + body)/2
   beats the noise of the two documents (``NOISE_QUANTILE`` of all pair
   scores); best first, without crossing.  A wide gap means new and dropped
   clauses, not rewrites.
8. Merges and splits: a parent clause whose body is at least ``COVER_MIN``
   inside a paired child clause is merged into it (even when it was also
   carried over alone elsewhere); a child clause still free that is at least
   ``COVER_MIN`` inside a paired parent clause was split from it.
9. Headings: each heading is paired with the heading of the other document
   holding most of the partners of its content (a plurality vote from both
   sides, so a child chapter holding two parent chapters' content is a merge;
   only headings at the same nesting depth vote: chapter with chapter; when one
   plan has a level more, the levels are matched where their titles agree best);
   headings without aligned content fall back to a near-identical title.
10. Flags: a text pair whose child title is another parent clause's title
    (``title_body_mismatch``), a child clause whose body lies mostly inside
    another child clause (``duplicate_in_child``), a position pair
    (``rewritten``).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Callable, Container, Optional

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, LCSseq

from .diffmodel import Alignment, Basis, Flag, Scores
from .inline_diff import NOTE, fold_levels
from .model import Clause, Document
from .patterns import compile_pattern
from .numpy_or_not import DIFF_EXTRA_MS_PER_CHAR, use_numpy
from .run_bounds import PlainRunBounds, shared_run_bounds
from .similarity import TermSimilarity

MIN_BODY = 8  # characters of folded body that make a clause content, not a heading
MIN_RUN = 4  # shorter common runs are coincidence, not copied text
TEXT_MIN = 0.5  # body similarity that pairs two clauses on text alone
COVER_MIN = 0.5  # share of one body inside the other that pairs (or merges) them
COVER_MIN_LEN = 30  # coverage is only trusted for bodies at least this long
TITLE_MIN = 0.8  # near-identical titles
NOISE_QUANTILE = 3  # of 4: a position pair must beat the upper quartile of all pair scores
MAX_GAP = 3  # free clauses per side between two backbone pairs for a rewrite in place
DUPLICATE_MIN = 0.7  # share of a child body repeated inside another child clause
# Term pairs (step 5b): the TF-IDF n-gram cosine of true pairs of rewritten clauses lies at
# 0.15-0.5, the best wrong partner of a clause under 0.14 (README, diff method).  A term pair is
# the mutual best of both clauses, by a margin over each one's second best.
TERMS_MIN = 0.15
TERMS_MARGIN = 1.5
# Inside two aligned headings (step 7) the place is pinned: a lower bar.
HEADING_TERMS_MIN = 0.10
HEADING_TITLE_MIN = 0.5
# Partial reuse (step 8b): a parent clause still free whose text is at least this share inside a
# child clause (in runs), with term support, is carried over in part, not dropped.
PARTIAL_MIN = 0.15
PARTIAL_PARTNERS = 2  # a parent clause split across at most this many child clauses
TERMS_STRONG = 0.2  # reworded throughout: a parent clause this close on terms alone to one child clause

# Punctuation between a title and its body: 指导思想。\n以…
LEADING_PUNCT = compile_pattern(r"^[\s。：:；;，,、]+")


@dataclass
class Unit:
    """A clause as compared: folded title and body."""

    index: int  # in Document.clauses
    title: str
    body: str
    headings: list[int] = field(default_factory=list)  # indices of heading ancestors, outermost first


def fold(text: str) -> str:
    return fold_levels(text)


def body_of(clause: Clause) -> str:
    """The clause's own text without its title sentence and responsibility notes."""
    text = clause.text
    if clause.number is not None and text.startswith(clause.title):
        text = text[len(clause.title):]
    text = NOTE.sub("", text)
    return LEADING_PUNCT.sub("", text).strip()


def verbatim(clause: Clause) -> tuple[str, str]:
    """(title, rest) as written: a label 指导思想： and a numbered （一）指导思想。 compare equal."""
    text = clause.text
    if clause.number is not None and text.startswith(clause.title):
        text = text[len(clause.title):]
    return clause.title, LEADING_PUNCT.sub("", text).strip()


def units(doc: Document) -> tuple[list[Unit], list[Unit]]:
    """(content clauses, headings) of a document, in document order."""
    content: list[Unit] = []
    headings: list[Unit] = []
    heading_paths: dict[tuple[str, ...], int] = {}
    for i, clause in enumerate(doc.clauses):
        # A table row (任务分工表) is content whatever its length: its cells are its text.
        body = fold(clause.text if clause.style == "row" else body_of(clause))
        ancestors = [heading_paths[tuple(clause.path[:k])] for k in range(1, len(clause.path)) if tuple(clause.path[:k]) in heading_paths]
        unit = Unit(i, fold(clause.title), body, ancestors)
        if len(body) >= MIN_BODY or (clause.style == "row" and body):
            content.append(unit)
        else:
            headings.append(unit)
            heading_paths[tuple(clause.path)] = i
    return content, headings


def shared_runs(a: str, b: str) -> int:
    """Characters of ``a`` and ``b`` in common runs of at least MIN_RUN (on their LCS alignment)."""
    if not a or not b:
        return 0
    # The equal runs of the alignment are its matching blocks; summed in C (map, filter, sum).
    return sum(filter(_LONG_RUN, map(_SIZE, Indel.opcodes(a, b).as_matching_blocks())))


_SIZE = attrgetter("size")
_LONG_RUN = (MIN_RUN - 1).__lt__  # size >= MIN_RUN


def score(child: Unit, parent: Unit, terms: float = 0.0) -> Scores:
    return _scores(fuzz.ratio(child.title, parent.title) / 100, shared_runs(child.body, parent.body), len(child.body), len(parent.body), terms)


def _scores(title: float, shared: int, lc: int, lp: int, terms: float = 0.0) -> Scores:
    """The scores of a pair from its title ratio, its shared runs and its body lengths.

    Body and coverages only grow with ``shared`` (each correctly rounded operation is
    monotone): given an upper bound on ``shared``, they are upper bounds too.
    """
    return Scores(
        title=title,
        body=2 * shared / (lc + lp) if lc + lp else 0.0,
        parent_coverage=shared / lp if lp >= COVER_MIN_LEN else 0.0,
        child_coverage=shared / lc if lc >= COVER_MIN_LEN else 0.0,
        terms=terms,
    )


def _text_strength(s: Scores) -> float:
    return (s.body + max(s.parent_coverage, s.child_coverage)) / 2


def _is_text_pair(s: Scores) -> bool:
    return s.body >= TEXT_MIN or max(s.parent_coverage, s.child_coverage) >= COVER_MIN


def _combined(s: Scores) -> float:
    return (s.title + s.body) / 2


# Threshold tests of steps 8 and 8b (``_Grid.passes``: each only turns true as a coverage grows).
def _partly_inside(s: Scores) -> bool:
    return s.parent_coverage >= PARTIAL_MIN


def _parent_inside(s: Scores) -> bool:
    return s.parent_coverage >= COVER_MIN


def _child_inside(s: Scores) -> bool:
    return s.child_coverage >= COVER_MIN


def _backbone(pairs: list[tuple[int, int, float]]) -> set[tuple[int, int]]:
    """The heaviest chain of (child, parent, weight) pairs increasing on both sides."""
    pairs = sorted(pairs)
    best: list[float] = []
    prev: list[int] = []
    for i, (c, p, w) in enumerate(pairs):
        best.append(w)
        prev.append(-1)
        for j in range(i):
            if pairs[j][0] < c and pairs[j][1] < p and best[j] + w > best[i]:
                best[i], prev[i] = best[j] + w, j
    if not pairs:
        return set()
    k = max(range(len(pairs)), key=lambda i: (best[i], -i))
    chain: set[tuple[int, int]] = set()
    while k >= 0:
        chain.add((pairs[k][0], pairs[k][1]))
        k = prev[k]
    return chain


class BoundScores(tuple):  # type: ignore[type-arg]
    """A bound's scores (``_Grid.bound``): the fields of ``Scores``, in its order, read by name as a
    ``Scores``' are; made from its values in C (``tuple.__new__``)."""

    __slots__ = ()
    title = property(itemgetter(0))
    body = property(itemgetter(1))
    parent_coverage = property(itemgetter(2))
    child_coverage = property(itemgetter(3))
    terms = property(itemgetter(4))


_new_tuple = tuple.__new__


# Body and coverages of a pair sharing no run (``_Grid.passes``): 0.0 whatever the lengths.
_NOTHING_SHARED = Scores(title=0.0, body=0.0, parent_coverage=0.0, child_coverage=0.0)
# Stand-ins for combined scores (0..1) known to lie below or above the order statistics ``_Grid.noise`` reads.
BELOW_EVERY_SCORE, ABOVE_EVERY_SCORE = -1.0, 2.0


class _Grid:
    """The scores of every (child, parent) content pair, each pair's computed when a step needs it.

    A pair's body and coverages take one LCS alignment of the two bodies (``shared_runs``), the
    costliest part of the alignment; most pairs are unrelated clauses that no step pairs.
    ``shared_run_bounds`` bounds the shared runs of every pair at once (exactly 0 without a
    common ``MIN_RUN``-gram), and ``bound`` gives the scores of that bound: body and
    coverages at least the pair's own.  A step testing a score against a threshold asks
    ``passes``: the bound first, the exact scores only when the bound cannot rule the pair
    out.  Titles (``fuzz.ratio``, cheap) are computed for every pair up front.
    """

    def __init__(self, c_units: list[Unit], p_units: list[Unit], vectorised: bool, *, duplicates: bool = False) -> None:
        """``duplicates``: ``child_bounds`` will be asked (in plain Python, the child bodies are then
        bounded against each other as they are indexed for the grid: ``PlainRunBounds``)."""
        self.n_child, self.n_parent = len(c_units), len(p_units)
        self._c_bodies, self._p_bodies = [u.body for u in c_units], [u.body for u in p_units]
        self.titles = [[fuzz.ratio(c.title, p.title) / 100 for p in p_units] for c in c_units]  # [child][parent]
        # In plain Python the child bodies' k-grams are indexed once, for these bounds and ``child_bounds``'.
        self._plain = None if vectorised else PlainRunBounds(self._c_bodies, MIN_RUN, among=duplicates)
        if self._plain is None:
            self._bounds = shared_run_bounds(self._c_bodies, self._p_bodies, MIN_RUN)  # >= shared_runs, [child][parent]
        else:
            self._bounds = self._plain.against(self._p_bodies)
        # The partners a clause may share a run with (a non-zero bound), in order: the others share nothing.
        self._sharing_parents = [[pi for pi, b in enumerate(row) if b] for row in self._bounds]
        self._sharing_children: list[list[int]] = [[] for _ in p_units]
        for ci, partners in enumerate(self._sharing_parents):
            for pi in partners:
                self._sharing_children[pi].append(ci)
        self._exact: dict[tuple[int, int], Scores] = {}
        self._bound: dict[tuple[int, int], Scores] = {}
        self._at_zero: dict[Callable[[Scores], bool], bool] = {}

    def child_bounds(self, positions: list[int]) -> list[list[int]]:
        """``shared_run_bounds`` of the child bodies at ``positions`` against each other (the duplicate check)."""
        if self._plain is not None:
            return self._plain.among(positions)
        bodies = [self._c_bodies[ci] for ci in positions]
        return shared_run_bounds(bodies, bodies, MIN_RUN)

    def exact(self, ci: int, pi: int) -> Scores:
        """The pair's scores (``score``), ``terms`` left 0 (see ``_Pairing.scores``)."""
        s = self._exact.get((ci, pi))
        if s is None:
            c, p = self._c_bodies[ci], self._p_bodies[pi]
            shared = shared_runs(c, p) if self._bounds[ci][pi] else 0  # no common MIN_RUN-gram: no run
            s = self._exact[(ci, pi)] = _scores(self.titles[ci][pi], shared, len(c), len(p))
        return s

    def bound(self, ci: int, pi: int) -> Scores:
        """Upper bounds of the pair's body and coverages (its own title): ``_scores`` of the bound on its shared runs.

        A ``BoundScores``, the fields of a ``Scores`` read as a ``Scores``' (a tuple, made in C: a
        diff bounds some 500 pairs; a frozen ``Scores`` takes 0.7 µs to make)."""
        s = self._bound.get((ci, pi))
        if s is None:
            shared, lc, lp = self._bounds[ci][pi], len(self._c_bodies[ci]), len(self._p_bodies[pi])
            s = self._bound[(ci, pi)] = _new_tuple(BoundScores, (  # type: ignore[assignment]
                self.titles[ci][pi],
                2 * shared / (lc + lp) if lc + lp else 0.0,  # as _scores computes them
                shared / lp if lp >= COVER_MIN_LEN else 0.0,
                shared / lc if lc >= COVER_MIN_LEN else 0.0,
                0.0,
            ))
        return s

    def passes(self, ci: int, pi: int, test: Callable[[Scores], bool]) -> bool:
        """``test(self.exact(ci, pi))``, for a ``test`` of body and coverages only that can only turn true as they grow.

        Such a test false on the bound is false on the pair: the alignment is not computed.  A
        pair without a common ``MIN_RUN``-gram has body and coverages 0.0 whatever its
        lengths: one answer for all of them.
        """
        if not self._bounds[ci][pi]:
            at_zero = self._at_zero.get(test)
            if at_zero is None:
                at_zero = self._at_zero[test] = test(_NOTHING_SHARED)
            return at_zero
        return test(self.bound(ci, pi)) and test(self.exact(ci, pi))

    def parents_passing(self, ci: int, test: Callable[[Scores], bool], among: Optional[Container[int]] = None) -> list[int]:
        """The parent positions ``pi`` (ascending, ``among`` these) for which ``passes(ci, pi, test)``.

        Only those sharing a run are tried when the test fails on nothing shared.
        """
        tried = range(self.n_parent) if test(_NOTHING_SHARED) else self._sharing_parents[ci]
        return [pi for pi in tried if (among is None or pi in among) and self.passes(ci, pi, test)]

    def children_passing(self, pi: int, test: Callable[[Scores], bool]) -> list[int]:
        """The child positions ``ci`` (ascending) for which ``passes(ci, pi, test)``."""
        tried = range(self.n_child) if test(_NOTHING_SHARED) else self._sharing_children[pi]
        return [ci for ci in tried if self.passes(ci, pi, test)]

    def noise(self) -> float:
        """``quantiles`` (n=4) cut point ``NOISE_QUANTILE`` of every pair's combined score, exactly, from few exact scores.

        ``statistics.quantiles``' default method interpolates between the order statistics
        j - 1 and j (0-based) of the sorted data, j = i·(N+1)//4 clamped to 1..N-1, and reads
        nothing else for cut point i.  Every pair's combined score lies between its title
        alone (body >= 0) and its bound's; the order statistics of those lower (upper) bounds
        bound the true ones.  So a pair whose upper bound is below the lower bound of order
        statistic j - 1 stands below both, a pair whose lower bound is above the upper bound
        of order statistic j above both: their places are known and their values not needed.
        They are given ``BELOW_EVERY_SCORE`` and ``ABOVE_EVERY_SCORE`` (every combined score is
        in 0..1: the two order statistics keep their values), the others their exact score
        (the lower bound when both bounds meet), and ``quantiles`` is computed on that list.

        The pairs between the two are scored one by one, the widest bounds first, and each
        score narrows them: a pair's exact score is both its bounds, so the order statistic
        j - 1 of the lower bounds can only rise and j of the upper bounds only fall, and the
        pairs left may come to stand outside (a fifth fewer exact scores, one LCS alignment each).
        """
        n = self.n_child * self.n_parent
        if n < 2:
            return 0.0
        j = min(max(NOISE_QUANTILE * (n + 1) // 4, 1), n - 1)
        n_parent, c_lengths, p_lengths = self.n_parent, list(map(len, self._c_bodies)), list(map(len, self._p_bodies))
        low = [t / 2 for row in self.titles for t in row]  # (title + 0.0) / 2: exact without a common MIN_RUN-gram
        high = [  # _combined(self.bound(ci, pi)), written out (no Scores made for every pair)
            (t + (2 * shared / (lc + lp) if lc + lp else 0.0)) / 2 if shared else t / 2
            for titles, bounds, lc in zip(self.titles, self._bounds, c_lengths)
            for t, shared, lp in zip(titles, bounds, p_lengths)
        ]
        lows, highs = sorted(low), sorted(high)
        floor, ceiling = lows[j - 1], highs[j]
        between = [k for k, (lo, hi) in enumerate(zip(low, high)) if lo != hi and hi >= floor and lo <= ceiling]
        for k in sorted(between, key=lambda k: (low[k] - high[k], k)):  # widest first
            lo, hi = low[k], high[k]
            if hi < floor or lo > ceiling:
                continue  # outside now
            value = low[k] = high[k] = _combined(self.exact(*divmod(k, n_parent)))
            del lows[bisect_left(lows, lo)]
            insort(lows, value)
            del highs[bisect_left(highs, hi)]
            insort(highs, value)
            floor, ceiling = lows[j - 1], highs[j]
        stand_in: list[float] = []
        for k, (lo, hi) in enumerate(zip(low, high)):
            if hi < floor:
                stand_in.append(BELOW_EVERY_SCORE)
            elif lo > ceiling:
                stand_in.append(ABOVE_EVERY_SCORE)
            else:
                stand_in.append(hi if lo == hi else _combined(self.exact(*divmod(k, n_parent))))
        return quantile_cut(stand_in, NOISE_QUANTILE, 4)


def quantile_cut(values: list[float], i: int, n: int) -> float:
    """Cut point ``i`` (1..n-1) of ``statistics.quantiles(values, n=n)``, its default ("exclusive")
    method, the same float, for two values or more: written out, as importing ``statistics`` (with
    ``fractions``) took 1.3 ms of every ``jianwu check`` that compares."""
    data = sorted(values)
    m = len(data) + 1
    j = min(max(i * m // n, 1), len(data) - 1)  # the order statistics j - 1 and j (0-based)
    delta = i * m - j * n  # exact integer arithmetic, as statistics does
    return (data[j - 1] * (n - delta) + data[j] * delta) / n


@dataclass
class _Pair:
    """A child clause paired with a parent clause by one step of the alignment."""

    child: int  # position in the content list
    parent: int
    basis: Basis
    scores: Scores
    flags: list[Flag] = field(default_factory=list)


@dataclass
class _Pairing:
    """Primary pairs under construction: one partner per clause on each side."""

    grid: _Grid  # scores by (child position, parent position), ``terms`` left 0 (see ``terms``)
    terms: TermSimilarity  # n-gram cosines, computed only for the pairs a step looks at
    pairs: dict[int, _Pair] = field(default_factory=dict)  # child position -> pair
    taken: set[int] = field(default_factory=set)  # parent positions with a partner
    # Fill in the n-gram cosine of each pair made (its ``Scores.terms``, which no step reads: what a
    # diff shows); False leaves it 0.0 and the cosine uncomputed where no step asks for it.
    pair_terms: bool = True

    def free(self, ci: int, pi: int) -> bool:
        return ci not in self.pairs and pi not in self.taken

    def scores(self, ci: int, pi: int) -> Scores:
        """The pair's scores with its n-gram cosine filled in (``pair_terms``)."""
        s = self.grid.exact(ci, pi)  # (made as dataclasses.replace would, without its per-field Python)
        return Scores(s.title, s.body, s.parent_coverage, s.child_coverage, self.terms(ci, pi)) if self.pair_terms else s

    def add(self, ci: int, pi: int, basis: Basis) -> _Pair:
        pair = self.pairs[ci] = _Pair(ci, pi, basis, self.scores(ci, pi))
        self.taken.add(pi)
        return pair

    def greedy(self, candidates: list[tuple[int, int]], basis: Basis) -> None:
        for ci, pi in candidates:
            if self.free(ci, pi):
                self.add(ci, pi, basis)


def align_documents(child: Document, parent: Document, *, duplicates: bool = True, pair_terms: bool = True) -> list[Alignment]:
    """Align every clause of ``child`` with ``parent``; entries in reading order (see module doc).

    ``duplicates=False`` leaves out the child's own repeated clauses (``duplicate_in_child`` flags,
    a child-by-child comparison: about a tenth of the alignment's time); nothing else depends on them.
    ``pair_terms=False`` leaves each pair's ``scores.terms`` at 0.0: no step reads a pair's cosine
    once it is made (the steps ask for the cosines of free clauses), and most pairs' are asked for
    by no step, so their clauses' norms are never summed (a twentieth of the alignment)."""
    c_units, c_heads = units(child)
    p_units, p_heads = units(parent)
    # A process's first diffs in plain Python: importing NumPy costs more than it saves (numpy_or_not).
    vectorised = use_numpy(DIFF_EXTRA_MS_PER_CHAR * (len(child.text) + len(parent.text)))
    texts = [u.title + u.body for u in c_units], [u.title + u.body for u in p_units]
    state = _Pairing(_Grid(c_units, p_units, vectorised, duplicates=duplicates), TermSimilarity(*texts, vectorised=vectorised),
                     pair_terms=pair_terms)
    grid = state.grid

    # Step 4: text pairs, strongest first.
    text = sorted(((ci, pi) for ci in range(grid.n_child) for pi in grid.parents_passing(ci, _is_text_pair)), key=lambda cp: (-_text_strength(grid.exact(*cp)), -grid.titles[cp[0]][cp[1]], cp))
    state.greedy(text, "text")
    # Step 5: near-identical titles.
    titled = sorted(((ci, pi) for ci, row in enumerate(grid.titles) for pi, t in enumerate(row) if t >= TITLE_MIN), key=lambda cp: (-grid.titles[cp[0]][cp[1]], -grid.exact(*cp).body, cp))
    state.greedy(titled, "title")
    # Step 5b: shared terms, reordered or paraphrased.
    _term_pairs(state)
    # Step 6: backbone of pairs in the same order.
    chain = _backbone([(p.child, p.parent, 1 + _text_strength(p.scores)) for p in state.pairs.values()])
    # Step 7: a lower bar inside headings aligned by the pairs so far; 7b: rewrites in place.
    if _heading_pairs(state, child, parent, c_units, p_units, c_heads, p_heads):
        chain = _backbone([(p.child, p.parent, 1 + _text_strength(p.scores)) for p in state.pairs.values()])
    _position_pairs(state, chain, parent, p_units)
    # Step 8: merges and splits; 8b: partial reuse.
    entries = [(p.child, p.parent, p.basis, p.scores, p.flags) for p in state.pairs.values()]
    entries += _containment(state, len(c_units))
    entries += _partial_reuse(state, entries, len(c_units), len(p_units))
    # Step 10: flags.
    _mismatch_flags(entries, grid, parent, p_units)
    repeated = _duplicates(c_units, child, grid.child_bounds) if duplicates else {}

    alignments = _content_alignments(child, parent, entries, c_units, p_units, chain, repeated)
    alignments += _heading_alignments(child, parent, alignments, c_units, p_units, c_heads, p_heads)
    return _reading_order(_heading_with_content(alignments, child, parent), child, parent)


_Entry = tuple[int, int, Basis, Scores, list[Flag]]  # (child position, parent position, basis, scores, flags)


def _not_merged(state: _Pairing, free_c: list[int], free_p: list[int]) -> tuple[list[int], list[int]]:
    """The free clauses that are not merged or split (step 8) into a clause paired already.

    A free parent clause lying mostly inside a paired child clause is merged into it, a free child
    clause inside a paired parent clause split from it: neither is a rewrite of the clause that
    happens to stand beside it or share its chapter (广东 3. 优化产能规模，推动产业协同 holds the
    national 3. and 4.; its 4. 推动战略性新兴产业示范 is new, not the national 4. rewritten).
    """
    grid = state.grid
    paired = state.pairs
    free_p = [pi for pi in free_p if not any(ci in paired for ci in grid.children_passing(pi, _parent_inside))]
    free_c = [ci for ci in free_c if not grid.parents_passing(ci, _child_inside, among=state.taken)]
    return free_c, free_p


def _position_pairs(state: _Pairing, chain: set[tuple[int, int]], parent: Document, p_units: list[Unit]) -> None:
    """Step 7: in each tight gap between consecutive backbone pairs, pair free clauses scoring above the noise."""
    grid = state.grid
    noise = grid.noise()
    anchors = [(-1, -1)] + sorted(chain) + [(grid.n_child, len(p_units))]
    for (c0, p0), (c1, p1) in zip(anchors, anchors[1:]):
        free_c = [ci for ci in range(c0 + 1, c1) if ci not in state.pairs]
        free_p = [pi for pi in range(p0 + 1, p1) if pi not in state.taken]
        if len(free_c) > MAX_GAP or len(free_p) > MAX_GAP:
            continue  # a wide gap does not pin a place: new and dropped clauses, not rewrites
        if not free_c or not free_p:
            continue
        free_c, free_p = _not_merged(state, free_c, free_p)
        around = [parent.clauses[p_units[k].index].key for k in (p0, p1) if 0 <= k < len(p_units)]
        chosen: list[tuple[int, int]] = []
        for ci, pi in sorted(((ci, pi) for ci in free_c for pi in free_p), key=lambda cp: (-_combined(grid.exact(*cp)), cp)):
            s = grid.exact(ci, pi)
            if _combined(s) <= noise or not state.free(ci, pi) or any((ci - a) * (pi - b) < 0 for a, b in chosen):
                continue  # noise, taken, or crossing a rewrite already chosen in this gap
            chosen.append((ci, pi))
            where = " and ".join(around) or "the ends"
            state.add(ci, pi, "position").flags.append(
                Flag("rewritten", f"aligned by position (between the partners of {where}): title {s.title:.2f}, body {s.body:.2f}")
            )


def _term_pairs(state: _Pairing) -> None:
    """Step 5b: free clauses whose n-gram cosine is the clear mutual best of both (strongest first)."""
    grid = state.grid
    free_c = [ci for ci in range(grid.n_child) if ci not in state.pairs]
    free_p = [pi for pi in range(grid.n_parent) if pi not in state.taken]
    if not free_c or not free_p:
        return

    def top2(values: list[tuple[float, int]]) -> tuple[float, int, float]:
        values.sort(key=lambda v: (-v[0], v[1]))
        return values[0][0], values[0][1], values[1][0] if len(values) > 1 else 0.0

    terms = state.terms
    row = {ci: top2([(terms(ci, pi), pi) for pi in free_p]) for ci in free_c}
    col = {pi: top2([(terms(ci, pi), ci) for ci in free_c]) for pi in free_p}
    found = []
    for ci, (best, pi, second) in row.items():
        cbest, cci, csecond = col[pi]
        if cci == ci and best >= TERMS_MIN and best >= TERMS_MARGIN * second and best >= TERMS_MARGIN * csecond:
            found.append((-best, ci, pi))
    for _, ci, pi in sorted(found):
        state.add(ci, pi, "terms")


def _nearest_heading(unit: Unit) -> int | None:
    return unit.headings[-1] if unit.headings else None


def _heading_pairs(
    state: _Pairing, child: Document, parent: Document, c_units: list[Unit], p_units: list[Unit], c_heads: list[Unit], p_heads: list[Unit]
) -> None:
    """Step 7b: inside two headings aligned one-to-one by the pairs so far, free clauses pair on a lower bar.

    The chapter pins the place (政策保障 ↔ 政策保障): clauses under it whose
    terms or titles are each other's best among the free clauses of the two
    chapters are the same task rewritten (建立统一规范的碳排放统计核算体系 ↔
    建立碳排放统计核算制度), best first, without crossing.
    """
    entries = [(p.child, p.parent, p.basis, p.scores, []) for p in state.pairs.values()]
    provisional = _content_alignments(child, parent, entries, c_units, p_units, set(), {})
    links = [a for a in _heading_alignments(child, parent, provisional, c_units, p_units, c_heads, p_heads) if a.status in ("identical", "modified")]
    grid = state.grid
    added = 0
    for link in links:
        free_c = [ci for ci, u in enumerate(c_units) if ci not in state.pairs and _nearest_heading(u) == link.child_index]
        free_p = [pi for pi, u in enumerate(p_units) if pi not in state.taken and _nearest_heading(u) == link.parent_index]
        if not free_c or not free_p:
            continue
        free_c, free_p = _not_merged(state, free_c, free_p)
        if not free_c or not free_p:
            continue

        def strength(ci: int, pi: int) -> float:
            return max(state.terms(ci, pi) / HEADING_TERMS_MIN, grid.titles[ci][pi] / HEADING_TITLE_MIN)

        best_p = {ci: max(free_p, key=lambda pi: (strength(ci, pi), -pi)) for ci in free_c}
        best_c = {pi: max(free_c, key=lambda ci: (strength(ci, pi), -ci)) for pi in free_p}
        chosen: list[tuple[int, int]] = []
        for ci, pi in sorted(((ci, best_p[ci]) for ci in free_c), key=lambda cp: (-strength(*cp), cp)):
            if best_c[pi] != ci or strength(ci, pi) < 1 or not state.free(ci, pi) or any((ci - a) * (pi - b) < 0 for a, b in chosen):
                continue
            chosen.append((ci, pi))
            state.add(ci, pi, "heading")
            added += 1
    return added


def _partial_reuse(state: _Pairing, entries: list[_Entry], n_child: int, n_parent: int) -> list[_Entry]:
    """Step 8b: a parent clause still unpaired, found in part (>= PARTIAL_MIN, with term support) in one or two child clauses,
    or else clearly best on terms in one child clause.

    A free child clause holding it becomes its partner (``partial``); a child
    clause already paired holds it as a merge; two child clauses are a split.
    """
    grid = state.grid
    paired_p = {e[1] for e in entries}
    extra: list[_Entry] = []
    for pi in range(n_parent):
        if pi in paired_p:
            continue
        terms = state.terms
        holders = [ci for ci in grid.children_passing(pi, _partly_inside) if terms(ci, pi) >= TERMS_MIN]
        if not holders:  # reworded: the child clause that is the clear best on terms
            ranked = sorted(range(n_child), key=lambda ci: (-terms(ci, pi), ci))
            best = terms(ranked[0], pi) if ranked else 0.0
            second = terms(ranked[1], pi) if len(ranked) > 1 else 0.0
            if best >= TERMS_STRONG and best >= TERMS_MARGIN * second:
                holders = ranked[:1]
        holders = sorted(holders, key=lambda ci: (-grid.exact(ci, pi).parent_coverage, ci))[:PARTIAL_PARTNERS]
        for ci in holders:
            if ci not in state.pairs:
                pair = state.add(ci, pi, "partial")
                extra.append((ci, pi, "partial", pair.scores, pair.flags))
            else:
                extra.append((ci, pi, "containment", state.scores(ci, pi), []))
    return extra


def _containment(state: _Pairing, n_child: int) -> list[_Entry]:
    """Step 8: parent bodies inside a paired child clause (merge); free child bodies inside a paired parent clause (split)."""
    grid = state.grid
    extra: list[_Entry] = []
    for p in state.pairs.values():
        for pi in grid.parents_passing(p.child, _parent_inside):
            if pi != p.parent:
                extra.append((p.child, pi, "containment", state.scores(p.child, pi), []))
    for ci in range(n_child):
        if ci in state.pairs:
            continue
        inside = grid.parents_passing(ci, _child_inside, among=state.taken)
        if inside:
            best = max(inside, key=lambda pi: (grid.exact(ci, pi).child_coverage, -pi))
            extra.append((ci, best, "containment", state.scores(ci, best), []))
    return extra


def _mismatch_flags(entries: list[_Entry], grid: _Grid, parent: Document, p_units: list[Unit]) -> None:
    """Step 10: a pair made on text whose child title is (near-)identical to another parent clause's title,
    unless that clause is merged into the same child clause too (重点行业和园区绿色升级工程 holds
    重点行业绿色升级工程 and 园区节能环保提升工程: its title is one partner's, its body both)."""
    paired = {(ci, pi) for ci, pi, *_ in entries}
    for ci, pi, basis, s, flags in entries:
        if basis != "text" or s.title >= TITLE_MIN:
            continue
        titles = grid.titles[ci]
        other = max(range(len(p_units)), key=lambda k: (titles[k], -k))
        if titles[other] >= TITLE_MIN and (ci, other) not in paired:
            titled, texted = parent.clauses[p_units[other].index], parent.clauses[p_units[pi].index]
            flags.append(
                Flag(
                    "title_body_mismatch",
                    f"title is that of {titled.key} but the body is that of {texted.key}",
                    parent_path=list(titled.path),
                )
            )


def _duplicates(c_units: list[Unit], child: Document, child_bounds: Callable[[list[int]], list[list[int]]]) -> dict[int, list[Flag]]:
    """Child clauses whose body lies mostly inside another child clause (by content position).

    ``child_bounds``: ``shared_run_bounds`` of the bodies at some content positions against each
    other (``_Grid.child_bounds``: in plain Python, on the grid's index of the child bodies)."""
    flags: dict[int, list[Flag]] = {}
    # Identical bodies are flagged against their first occurrence, once each, and only the
    # first takes part in the pairwise comparison: a block repeated n times must cost n,
    # not n² comparisons and n² flags.
    first_of: dict[str, int] = {}
    distinct: list[int] = []
    for k, unit in enumerate(c_units):
        f = first_of.setdefault(unit.body, k)
        if f == k:
            distinct.append(k)
        elif len(unit.body) >= COVER_MIN_LEN:
            big, small = child.clauses[c_units[f].index], child.clauses[unit.index]
            flags.setdefault(k, []).append(
                Flag("duplicate_in_child", f"100% of its text is repeated in {big.key}", child_path=list(big.path)))
            if len(flags.get(f, [])) < 1:
                flags.setdefault(f, []).append(
                    Flag("duplicate_in_child", f"contains 100% of {small.key}", child_path=list(small.path)))
    bounds = child_bounds(distinct)  # >= shared_runs of every pair, all at once
    for i, row in zip(distinct, bounds):
        a = c_units[i]
        for j, bound in zip(distinct, row):
            b = c_units[j]
            if i == j or len(b.body) < COVER_MIN_LEN or len(b.body) > len(a.body):
                continue
            if bound / len(b.body) < DUPLICATE_MIN or LCSseq.similarity(a.body, b.body) < DUPLICATE_MIN * len(b.body):
                continue  # the bound, then the LCS, bound the shared runs: cheap rejections
            inside = shared_runs(a.body, b.body) / len(b.body)
            if inside >= DUPLICATE_MIN:
                big, small = child.clauses[a.index], child.clauses[b.index]
                flags.setdefault(j, []).append(
                    Flag("duplicate_in_child", f"{inside:.0%} of its text is repeated in {big.key}", child_path=list(big.path))
                )
                flags.setdefault(i, []).append(
                    Flag("duplicate_in_child", f"contains {inside:.0%} of {small.key}", child_path=list(small.path))
                )
    return flags


def _content_alignments(
    child: Document,
    parent: Document,
    entries: list[_Entry],
    c_units: list[Unit],
    p_units: list[Unit],
    chain: set[tuple[int, int]],
    duplicates: dict[int, list[Flag]],
) -> list[Alignment]:
    parents_of: dict[int, set[int]] = {}
    children_of: dict[int, set[int]] = {}
    for ci, pi, *_ in entries:
        parents_of.setdefault(ci, set()).add(pi)
        children_of.setdefault(pi, set()).add(ci)
    out: list[Alignment] = []
    flagged: set[int] = set()
    for ci, pi, basis, s, flags in sorted(entries, key=lambda e: (e[0], e[1])):
        if len(parents_of[ci]) > 1:
            status = "merged"
        elif len(children_of[pi]) > 1 and all(len(parents_of[c]) == 1 for c in children_of[pi]):
            status = "split"
        elif basis in ("text", "title", "terms", "partial") and (ci, pi) not in chain:
            status = "moved"
        elif verbatim(child.clauses[c_units[ci].index]) == verbatim(parent.clauses[p_units[pi].index]):
            status = "identical"
        else:
            status = "modified"
        extra = duplicates.get(ci, []) if ci not in flagged else []
        flagged.add(ci)
        out.append(Alignment("clause", status, c_units[ci].index, p_units[pi].index, basis, s, flags=list(flags) + extra))  # type: ignore[arg-type]
    paired_c = {ci for ci, *_ in entries}
    paired_p = {pi for _, pi, *_ in entries}
    out += [Alignment("clause", "added", u.index, None, flags=list(duplicates.get(ci, []))) for ci, u in enumerate(c_units) if ci not in paired_c]
    out += [Alignment("clause", "dropped", None, u.index) for pi, u in enumerate(p_units) if pi not in paired_p]
    return out


def _chain_pairs(
    c_chain: list[int], p_chain: list[int], title: dict[tuple[int, int], float], same_style: Callable[[int, int], bool]
) -> list[tuple[int, int]]:
    """The headings above an aligned content pair, paired level by level: chapter with chapter.

    Chains of one length pair by depth.  When one plan has a level more (the parent's 第一部分 总体要求 >
    一、指导思想, the child's 一、总体要求 alone), the shorter chain lies against the longer at the
    offset whose titles agree best (一、能源绿色低碳转型行动 meets 三、能源绿色低碳转型行动 under
    第二部分 重点任务, not 第二部分), then whose numbering styles agree (一、总体要求 meets 一、总体要求,
    not 第一部分 总体要求); on a tie, at the top.
    """
    if len(c_chain) == len(p_chain):
        return list(zip(c_chain, p_chain))
    short, long_ = (c_chain, p_chain) if len(c_chain) < len(p_chain) else (p_chain, c_chain)
    child_short = short is c_chain

    def pairs(offset: int) -> list[tuple[int, int]]:
        window = long_[offset:offset + len(short)]
        return list(zip(short, window)) if child_short else list(zip(window, short))

    offsets = range(len(long_) - len(short) + 1)
    best = max(offsets, key=lambda o: (sum(title[pair] for pair in pairs(o)), sum(same_style(*pair) for pair in pairs(o)), -o))
    return pairs(best)


def _heading_alignments(
    child: Document,
    parent: Document,
    content: list[Alignment], c_units: list[Unit], p_units: list[Unit], c_heads: list[Unit], p_heads: list[Unit]
) -> list[Alignment]:
    """Pair headings through the content under them (plurality vote both ways), else by title."""
    c_anc = {u.index: u.headings for u in c_units + c_heads}
    p_anc = {u.index: u.headings for u in p_units + p_heads}
    votes: dict[tuple[int, int], int] = {}

    def same_style(hc: int, hp: int) -> bool:
        return child.clauses[hc].style == parent.clauses[hp].style

    title = {(hc.index, hp.index): fuzz.ratio(hc.title, hp.title) / 100 for hc in c_heads for hp in p_heads}
    for a in content:
        if a.child_index is None or a.parent_index is None:
            continue
        for hc, hp in _chain_pairs(c_anc[a.child_index], p_anc[a.parent_index], title, same_style):
            votes[(hc, hp)] = votes.get((hc, hp), 0) + 1
    links: set[tuple[int, int]] = set()
    for hc in c_heads:
        mine = [(v, title[(hc.index, hp)], -hp) for (c, hp), v in votes.items() if c == hc.index]
        if mine:
            links.add((hc.index, -max(mine)[2]))
    for hp in p_heads:
        mine = [(v, title[(hc, hp.index)], -hc) for (hc, p), v in votes.items() if p == hp.index]
        if mine:
            links.add((-max(mine)[2], hp.index))
    linked_c = {c for c, _ in links}
    linked_p = {p for _, p in links}
    by_title = sorted(
        ((t, c, p) for (c, p), t in title.items() if t >= TITLE_MIN and c not in linked_c and p not in linked_p),
        key=lambda x: (-x[0], x[1], x[2]),
    )
    basis: dict[tuple[int, int], Basis] = {link: "children" for link in links}
    for t, c, p in by_title:
        if c not in linked_c and p not in linked_p:
            links.add((c, p))
            basis[(c, p)] = "title"
            linked_c.add(c)
            linked_p.add(p)
    parents_of: dict[int, int] = {}
    children_of: dict[int, int] = {}
    for c, p in links:
        parents_of[c] = parents_of.get(c, 0) + 1
        children_of[p] = children_of.get(p, 0) + 1
    out: list[Alignment] = []
    for c, p in sorted(links):
        if parents_of[c] > 1:
            status = "merged"
        elif children_of[p] > 1:
            status = "split"
        else:
            status = "identical" if verbatim(child.clauses[c]) == verbatim(parent.clauses[p]) else "modified"
        out.append(Alignment("heading", status, c, p, basis[(c, p)]))  # type: ignore[arg-type]
    out += [Alignment("heading", "added", u.index, None) for u in c_heads if u.index not in linked_c]
    out += [Alignment("heading", "dropped", None, u.index) for u in p_heads if u.index not in linked_p]
    return out


def _heading_with_content(alignments: list[Alignment], child: Document, parent: Document) -> list[Alignment]:
    """A heading left alone on one side paired with the clause of its title left alone on the other.

    A clause whose own text is no more than its title (``MIN_BODY``) is a heading, one with a
    sentence more is content, and the two are aligned apart: ``二、重点任务`` of the parent and
    ``二、重点任务`` with an opening sentence in the child (``全面落实…，重点做好以下工作：``) came out
    dropped and added.  Such a pair, of one numbering style and near-identical titles (``TITLE_MIN``),
    the child's text the parent's with a sentence added or removed, is a clause modified.
    """
    added = [a for a in alignments if a.parent_index is None and a.status == "added"]
    dropped = [a for a in alignments if a.child_index is None and a.status == "dropped"]
    candidates = []
    for a in added:
        c = child.clauses[a.child_index]  # type: ignore[index]
        for d in dropped:
            if a.kind == d.kind:
                continue  # two headings or two clauses: their own steps left them apart
            p = parent.clauses[d.parent_index]  # type: ignore[index]
            if c.style != p.style or c.style == "row":
                continue
            title = fuzz.ratio(fold(c.title), fold(p.title)) / 100
            if title >= TITLE_MIN:
                candidates.append((-title, a.child_index, d.parent_index, a, d, title))
    if not candidates:
        return alignments
    gone: set[int] = set()
    paired: list[Alignment] = []
    used_c: set[int] = set()
    used_p: set[int] = set()
    for _, ci, pi, a, d, title in sorted(candidates, key=lambda x: x[:3]):
        if ci in used_c or pi in used_p:
            continue
        used_c.add(ci)
        used_p.add(pi)
        gone.update((id(a), id(d)))
        c_body, p_body = fold(body_of(child.clauses[ci])), fold(body_of(parent.clauses[pi]))
        scores = _scores(title, shared_runs(c_body, p_body), len(c_body), len(p_body))
        paired.append(Alignment("clause", "modified", ci, pi, "title", scores))
    return [a for a in alignments if id(a) not in gone] + paired


def _reading_order(alignments: list[Alignment], child: Document, parent: Document) -> list[Alignment]:
    """Child order; a parent-only entry goes after the entries of the parent clause before it."""
    anchor: dict[int, int] = {}  # parent index -> first child index it is aligned with
    for a in alignments:
        if a.child_index is not None and a.parent_index is not None:
            anchor[a.parent_index] = min(anchor.get(a.parent_index, a.child_index), a.child_index)

    def key(a: Alignment) -> tuple[int, int, int]:
        if a.child_index is not None:
            return (a.child_index, 0, a.parent_index if a.parent_index is not None else -1)
        assert a.parent_index is not None
        before = [anchor[p] for p in anchor if p < a.parent_index]
        return (max(before) if before else -1, 1, a.parent_index)

    return sorted(alignments, key=key)

