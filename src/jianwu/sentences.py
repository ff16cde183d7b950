"""Sentence alignment inside an aligned pair of clauses, and across the whole document pair.

A child plan that rewrites a clause keeps some of its parent's sentences,
rewords others, drops some and adds its own; a character diff of the whole
clause then shows short equal fragments (各区, 地区) between large deletions
and insertions, and the reader cannot tell which parent sentence became which
child sentence.  So the sentences of a pair are aligned first:

* a clause's text is cut after 。！？； (a closing quote stays with its
  sentence) and at line ends; a responsibility note after the last 。 is a
  sentence of its own;
* two sentences are compared by ``fuzz.ratio`` of their level-folded texts
  (全市 = 全区); a pair is kept when it reaches ``SENTENCE_MIN``;
* the pairs are chosen in order on both sides by the heaviest chain of
  similarities (a weighted LCS over sentences, at most a few dozen a side);
  a pair left off the chain that still reaches ``SENTENCE_MIN`` is a sentence
  moved inside the clause;
* a parent sentence the pair lost is looked up among the sentences of every
  other child clause (``SentenceIndex``, ``MOVED_MIN``: near-verbatim), and so
  is a child sentence the pair gained among the other parent clauses: such a
  sentence was moved to (or from) another clause, and the link says where.

Each link records the share of the parent clause its parent sentence covers,
so a pair's links tell how much of the parent clause survives, in which
sentences, whatever their order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Literal, Optional, Sequence


from .inline_diff import NOTE, fold_levels
from .patterns import compile_pattern

if TYPE_CHECKING:
    from .diffmodel import Alignment

SentenceStatus = Literal["identical", "modified", "moved", "dropped", "added"]

# One sentence: up to a sentence end (with a closing quote or bracket after it), or a line end.
# "指导思想。以习近平…思想为指导；坚持…。（市发展改革委牵头）" -> 指导思想。 | 以…为指导； | 坚持…。 | （市发展改革委牵头）
SENTENCE = compile_pattern(r"[^。！？；\n]*(?:[。！？；]+[”’」』]?|\n|$)")
SENTENCE_MIN = 0.5  # fuzz.ratio (0..1) of two folded sentences that pairs them inside a clause pair
MOVED_MIN = 0.8  # near-verbatim: a sentence found this close in another clause was moved there
# Shortest/longest length ratio of two sentences that can still be MOVED_MIN alike: ratio ≤ 2·short/(short+long).
LENGTH_BOUND = MOVED_MIN / (2 - MOVED_MIN)
MOVED_MIN_LEN = 10  # shorter sentences (指导思想。, 一是…) are too common to say where they went; notes never move


@dataclass(frozen=True)
class Sentence:
    """A sentence of a clause: where it is in the clause's text, and its folded text for comparing."""

    index: int  # in its clause
    start: int  # offsets into the clause's text
    end: int
    folded: str  # level-folded, stripped of spaces and line ends: what is compared


@dataclass
class SentenceLink:
    """One parent sentence and its child sentence, or a sentence of one side only."""

    status: SentenceStatus
    parent: Optional[int]  # sentence index in the parent clause
    child: Optional[int]
    parent_span: Optional[tuple[int, int]]  # offsets into the clause texts
    child_span: Optional[tuple[int, int]]
    similarity: float  # of the two folded sentences, 0..1 (0 for one side only)
    parent_share: float  # share of the parent clause's text its parent sentence is
    # A sentence moved to (parent side only) or from (child side only) another clause:
    # (clause index in the other document, sentence index there).
    elsewhere: Optional[tuple[int, int]] = None


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    # Folded once for the whole text: folding keeps every character's place, and a sentence never
    # starts right after 全 or 我 (it starts after 。！？；, a line end, or at 0), so a slice of the folded
    # text is the folded sentence.
    whole = fold_levels(text)
    for m in SENTENCE.finditer(text):
        start, end = m.span()
        if end == start:
            continue
        folded = whole[start:end].replace("\n", "").replace(" ", "")
        if folded:
            out.append(Sentence(len(out), start, end, folded))
    return out


def similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return 1.0 if a == b else fuzz.ratio(a, b) / 100


def _chain(sim: list[list[float]]) -> list[tuple[int, int]]:
    """The heaviest order-preserving set of (parent, child) sentence pairs reaching SENTENCE_MIN."""
    n, m = len(sim), len(sim[0]) if sim else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below, scores = best[i], best[i + 1], sim[i]
        for j in range(m - 1, -1, -1):
            # max(take, below[j], row[j + 1]), take = the pair's score and the best after it when it
            # reaches SENTENCE_MIN: the skips are sums of scores (>= 0.0), so a pair below the bar never wins.
            value = below[j] if below[j] >= row[j + 1] else row[j + 1]
            score = scores[j]
            if score >= SENTENCE_MIN and score + below[j + 1] > value:
                value = score + below[j + 1]
            row[j] = value
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


def align_sentences(parent: Sequence[Sentence], child: Sequence[Sentence], parent_length: int) -> list[SentenceLink]:
    """Links of one clause pair in reading order: in-order pairs, sentences moved inside the clause, and one-sided ones."""
    from rapidfuzz import fuzz

    sim = [[1.0 if p.folded == c.folded else fuzz.ratio(p.folded, c.folded) / 100 for c in child] for p in parent]
    chain = _chain(sim)
    used_p = {i for i, _ in chain}
    used_c = {j for _, j in chain}
    moved: list[tuple[int, int]] = []
    free_p = [i for i in range(len(parent)) if i not in used_p]  # (the chain holds most sentences)
    free_c = [j for j in range(len(child)) if j not in used_c]
    for s, i, j in sorted((-sim[i][j], i, j) for i in free_p for j in free_c if sim[i][j] >= SENTENCE_MIN):
        if i not in used_p and j not in used_c:
            moved.append((i, j))
            used_p.add(i)
            used_c.add(j)
    total = parent_length or 1
    links: list[SentenceLink] = []
    for i, j in chain + moved:
        p, c = parent[i], child[j]
        status: SentenceStatus = "moved" if (i, j) in moved else "identical" if p.folded == c.folded else "modified"
        links.append(SentenceLink(status, i, j, (p.start, p.end), (c.start, c.end), sim[i][j], (p.end - p.start) / total))
    links += [SentenceLink("dropped", p.index, None, (p.start, p.end), None, 0.0, (p.end - p.start) / total) for p in parent if p.index not in used_p]
    links += [SentenceLink("added", None, c.index, None, (c.start, c.end), 0.0, 0.0) for c in child if c.index not in used_c]
    # Child order; a parent-only sentence right after the partner of the parent sentence before it.
    partner = {link.parent: link.child for link in links if link.parent is not None and link.child is not None}

    def key(link: SentenceLink) -> tuple[int, int, int]:
        if link.child is not None:
            return (link.child, 0, 0)
        before = [c for p, c in partner.items() if p < (link.parent or 0)]
        return (max(before) if before else -1, 1, link.parent or 0)

    return sorted(links, key=key)


def is_note(folded: str) -> bool:
    """A responsibility note (（…按职责分工负责）): a list of departments, alike in every clause, never a moved sentence."""
    if not folded.startswith("（"):  # (NOTE's first character: most sentences are not tried)
        return False
    m = NOTE.match(folded)
    return m is not None and m.end() >= len(folded) - 1


class SentenceIndex:
    """The sentences of many clauses of one document, for finding where a sentence went."""

    def __init__(self, clauses: list[tuple[int, list[Sentence]]]) -> None:
        self.owners: list[tuple[int, int]] = []  # (clause index, sentence index)
        self.texts: list[str] = []
        self.exact: dict[str, int] = {}
        for clause_index, sentences in clauses:
            for s in sentences:
                if len(s.folded) >= MOVED_MIN_LEN and not is_note(s.folded):
                    self.exact.setdefault(s.folded, len(self.texts))
                    self.owners.append((clause_index, s.index))
                    self.texts.append(s.folded)
        # Sentence indices by length (then index), for the length window of ``find``: sorted in C.
        by_length = sorted(zip(map(len, self.texts), range(len(self.texts))))
        self._by_length = list(map(itemgetter(1), by_length))
        self._lengths = list(map(itemgetter(0), by_length))
        self._texts_by_length = list(map(self.texts.__getitem__, self._by_length))  # a window is one slice of it
        # What ``find`` gave for a sentence and the clauses left out: a plan repeating a passage
        # asks for the same sentences again and again (a plan pasted four times over: 69,138
        # questions, 267 of them different), each a fuzzy search of the other document.
        self._found: dict[tuple[str, frozenset[int]], Optional[tuple[int, int, float]]] = {}

    def find(self, folded: str, *, besides: frozenset[int] = frozenset()) -> Optional[tuple[int, int, float]]:
        """(clause, sentence, similarity) of the closest sentence at least MOVED_MIN alike, outside the clauses ``besides``."""
        key = (folded, besides)
        if key not in self._found:
            self._found[key] = self._search(folded, besides)
        return self._found[key]

    def _search(self, folded: str, besides: frozenset[int]) -> Optional[tuple[int, int, float]]:
        if len(folded) < MOVED_MIN_LEN or not self.texts or is_note(folded):
            return None
        k = self.exact.get(folded)
        if k is not None and self.owners[k][0] not in besides:
            return (*self.owners[k], 1.0)
        from rapidfuzz import fuzz, process

        # Only sentences of a length within the bound can reach MOVED_MIN (fuzz.ratio is at most
        # 2·min/(a+b) of the two lengths): a slice of the sentences by length.  Its few hits are
        # ranked as extract ranks all the sentences (by score, then by index: the best three).
        n = len(folded)
        lo = bisect_left(self._lengths, int(n * LENGTH_BOUND))
        hi = bisect_right(self._lengths, int(n / LENGTH_BOUND) + 1)
        hits = process.extract(folded, self._texts_by_length[lo:hi], scorer=fuzz.ratio, score_cutoff=MOVED_MIN * 100, limit=None)
        for score, k in sorted((-score, self._by_length[lo + at]) for _, score, at in hits)[:3]:
            if self.owners[k][0] not in besides:
                return (*self.owners[k], -score / 100)
        return None


def link_moved_sentences(
    alignments: list["Alignment"], child: list[list[Sentence]], parent: list[list[Sentence]], parent_lengths: list[int]
) -> None:
    """Say where each sentence a clause pair lost went, and where each one it gained came from.

    A parent sentence without partner in its pair (or of a dropped clause) found
    near-verbatim in another child clause becomes ``moved`` with ``elsewhere`` =
    (that child clause, its sentence); a child sentence without partner (or of an
    added clause) found in another parent clause likewise, pointing into the parent.
    One-sided clauses get links only for such sentences.
    """
    c_index = SentenceIndex([(i, s) for i, s in enumerate(child)])
    p_index = SentenceIndex([(i, s) for i, s in enumerate(parent)])
    # A clause's partners in other entries (the other half of a merge or split) hold its other
    # sentences by design: those are not moves.
    partners_of_child: dict[int, set[int]] = {}
    partners_of_parent: dict[int, set[int]] = {}
    for a in alignments:
        if a.child_index is not None and a.parent_index is not None:
            partners_of_child.setdefault(a.child_index, set()).add(a.parent_index)
            partners_of_parent.setdefault(a.parent_index, set()).add(a.child_index)
    for a in alignments:
        if a.kind != "clause":
            continue
        if a.child_index is not None and a.parent_index is not None:
            for link in a.sentences:
                if link.status == "dropped" and link.parent is not None:
                    found = c_index.find(parent[a.parent_index][link.parent].folded, besides=frozenset(partners_of_parent[a.parent_index]))
                    if found:
                        link.status, link.elsewhere, link.similarity = "moved", (found[0], found[1]), found[2]
                elif link.status == "added" and link.child is not None:
                    found = p_index.find(child[a.child_index][link.child].folded, besides=frozenset(partners_of_child[a.child_index]))
                    if found:
                        link.status, link.elsewhere, link.similarity = "moved", (found[0], found[1]), found[2]
        elif a.parent_index is not None:
            total = parent_lengths[a.parent_index] or 1
            for s in parent[a.parent_index]:
                found = c_index.find(s.folded)
                if found:
                    a.sentences.append(SentenceLink("moved", s.index, None, (s.start, s.end), None, found[2], (s.end - s.start) / total, (found[0], found[1])))
        elif a.child_index is not None:
            for s in child[a.child_index]:
                found = p_index.find(s.folded)
                if found:
                    a.sentences.append(SentenceLink("moved", None, s.index, None, (s.start, s.end), found[2], 0.0, (found[0], found[1])))
