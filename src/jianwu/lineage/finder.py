"""The lineage finder: which corpus document a plan re-issues, with how sure it is and why.

It works on profiles (``profile.Profile``: keys, citations, MinHash; the documents' text is not
needed). For each child, candidates come from the index (``index.CorpusIndex``), never from a
scan of the corpus, and only of ranks above the child's:

1. by 文号: every 文号 the child writes (in a citation or bare, damage repaired) that is a
   corpus document's own;
2. by title: every 《title》 it cites, reduced to its key (issuer, wrapper, punctuation gone,
   region kept apart), exactly or, for a character lost at a line break, by fuzzy ratio;
3. by content: documents whose title family is the child's (LSH over family bigrams) or whose
   text the child copies (LSH over body shingles), for children that cite nothing.

A candidate must be of a higher level than the child (a sibling never is; a city may cite another
city of its province by 文号 or title: a county-level city read as a city) and of the child's
family or share its text; a sub-national one found by content must be the child's own
province (named in its region, or the province its text names most). Each survivor gets a
confidence; the nearest level above the child wins, then the highest score; two close
candidates that are not copies of one document give no link (a wrong parent is worse than
none). Thresholds and why: see the constants below and the README's lineage section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from .cites import Cited, child_province, citations_of, province_of
from .index import LEVEL_RANK, CorpusIndex, ShingleSource, rank
from .profile import Profile
from .ratio import title_ratio

__all__ = ["Candidate", "Cited", "Finder", "LEVEL_RANK", "Outcome", "child_province", "citations_of", "family_similarity", "rank"]

# --- thresholds (tuned for precision on the seeds and the 21-PDF corpus; see README)
# A cited title matches a corpus title at this fuzzy ratio of their keys (one character lost in
# a 30-character title is 0.98; two different provinces' 实施意见 never reach it: regions differ).
TITLE_RATIO_MIN = 0.9
# Two titles are of one family at this similarity of their family keys (also when the shorter
# family, at least FAMILY_SUBSTRING_MIN characters, is inside the longer: 碳达峰 / 2030年前碳达峰).
FAMILY_MIN = 0.8
FAMILY_SUBSTRING_MIN = 3
# A cited document that is neither of the child's family nor copied by it is a reference
# (根据…), not the parent.
CITED_FAMILY_MIN = 0.5
CITED_SHARED_MIN = 0.1
# Found by content only: the child must copy at least this share of its text from the candidate
# (Hainan's 实施意见 copies 7 % of its shingles from the national 意见; unrelated plans of the
# same genre share about 1 %, siblings of one family share 10-30 % but are never of a higher level).
SHARED_MIN = 0.05
# No link below this confidence; two candidates within AMBIGUITY of each other give none.
CONFIDENCE_MIN = 0.7
AMBIGUITY = 0.05

@dataclass
class Candidate:
    """A possible parent of a child in the corpus, with how it was found and how well it fits."""

    position: int
    found_by: str = "content"  # the strongest way it was found: doc_number > title > content
    cited: Optional[Cited] = None
    title_ratio: float = 0.0
    family: float = 0.0
    shared: float = 0.0
    confidence: float = 0.0
    score: float = 0.0


@dataclass
class Outcome:
    """What the finder decided for one document.

    ``child`` and ``parent`` are what the finder was given: ``Document``s from ``analyse``,
    ``Profile``s from ``Finder`` itself (both have ``id``, ``level``, ``region``).
    """

    child: Any
    parent: Any = None
    relation: str = "parent"
    found_by: Optional[str] = None
    confidence: float = 0.0
    evidence: dict[str, object] = field(default_factory=dict)
    cites: str = "no plan cited"  # what the child cites as its parent, for "parent not found"
    cited: Optional[Cited] = None  # the same, with its keys
    top: bool = False  # a national plan: the top of its family, not missing a parent
    candidates: list[dict[str, object]] = field(default_factory=list)  # close ones, when none was chosen


def family_similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    ratio = title_ratio(a, b) / 100
    short, long_ = sorted((a, b), key=len)
    if len(short) >= FAMILY_SUBSTRING_MIN and short in long_:
        ratio = max(ratio, 0.85)
    return ratio


def _region_compatible(child: Profile, candidate: Profile) -> bool:
    """May ``candidate`` (found by content) be an ancestor of ``child`` by geography?"""
    if candidate.level == "national":
        return True
    if not candidate.region:
        return False
    if child.region and child.region.startswith(candidate.region):
        return True
    province = province_of(candidate.region)
    return province is not None and province == child.province


def _contains(outer: Profile, inner: Profile) -> bool:
    """Does ``inner``'s region lie in ``outer``'s as written (洛阳市 holds 洛阳市伊川县)?"""
    return bool(outer.region and inner.region and inner.region != outer.region and inner.region.startswith(outer.region))


def likely_citation(entry: Profile, cites: Sequence[Cited]) -> Optional[Cited]:
    """The cited document most likely to be the parent: the title closest to the child's family."""
    titled = [c for c in cites if c.key is not None]
    if titled:
        family = entry.key.family if entry.key else ""
        return max(enumerate(titled), key=lambda ic: (family_similarity(family, ic[1].key.family), -ic[0]))[1]  # type: ignore[union-attr]
    return cites[0] if cites else None


class Finder:
    """Parent search over one corpus of profiles (built once, queried per child).

    ``shingles`` loads a document's body shingle set when its profile does not hold it
    (``jianwu index`` keeps them in the database).
    """

    def __init__(self, profiles: Sequence[Profile], shingles: Optional[ShingleSource] = None) -> None:
        self.index = CorpusIndex(profiles, shingles)

    def outcome(self, profile: Profile) -> Outcome:
        return self.outcome_at(self.index.position(profile))

    def outcome_at(self, me: int) -> Outcome:
        index = self.index
        entry = index.entries[me]
        child_rank = rank(entry.level)
        cites = entry.cites
        likely = likely_citation(entry, cites)
        result = Outcome(entry, cites=likely.display if likely else "no plan cited", cited=likely, top=entry.level == "national")
        if result.top:
            return result
        candidates: dict[int, Candidate] = {}

        def add(position: int, by: str, cited: Optional[Cited], ratio: float = 0.0) -> None:
            cand = candidates.setdefault(position, Candidate(position))
            order = ("content", "title", "doc_number")
            if order.index(by) > order.index(cand.found_by) or (by == cand.found_by and ratio > cand.title_ratio):
                cand.found_by, cand.cited, cand.title_ratio = by, cited, max(ratio, cand.title_ratio)

        for cited in cites:
            if cited.number:
                for position in index.numbered(cited.number):
                    add(position, "doc_number", cited)
            if cited.key is not None and cited.key.plan:
                for position in index.by_plan.get((cited.key.region, cited.key.plan), []):
                    add(position, "title", cited, 1.0)
                for position in index.titles_of_region(cited.key.region, cited.key.family):
                    other_key = index.entries[position].key
                    assert other_key is not None
                    ratio = title_ratio(cited.key.plan, other_key.plan) / 100
                    if ratio >= TITLE_RATIO_MIN:
                        add(position, "title", cited, ratio)
        for position in index.parents_by_content(me):
            add(position, "content", None)

        # A same-family plan the child cites with a region but that is not here: its direct
        # parent is absent, and only that region's plans or national ones may stand in.
        resolved = {c.cited for c in candidates.values() if c.cited is not None}
        absent_regions = {
            c.key.region
            for c in cites
            if c.key is not None and c.key.region and c not in resolved and entry.key is not None
            and c.key.region != entry.region  # 广东省工业领域… citing 《广东省碳达峰实施方案》: its own level
            and family_similarity(entry.key.family, c.key.family) >= FAMILY_MIN
        }
        # … and a same-family national plan it cites that is not here: no other national plan found
        # by content stands in for it (广东省碳达峰实施方案 citing 《2030年前碳达峰行动方案》 is no child
        # of the national 工业领域碳达峰实施方案 whose text it shares).
        absent_national = any(
            c.key is not None and c.key.region is None and c not in resolved and entry.key is not None
            and family_similarity(entry.key.family, c.key.family) >= FAMILY_MIN
            for c in cites
        )
        kept: list[Candidate] = []
        for cand in candidates.values():
            other = index.entries[cand.position]
            if cand.position == me or other.sha256 == entry.sha256:
                continue
            if not self._level_goes_up(child_rank, rank(other.level)) and not self._county_level_city(entry, other, cand):
                continue
            cand.family = family_similarity(entry.key.family, other.key.family) if entry.key and other.key else 0.0
            if cand.found_by == "content":
                # The cheap tests first: a large corpus gives many same-family candidates.
                if absent_regions and other.level != "national" and other.region not in absent_regions \
                        and not _contains(other, entry):
                    continue  # … unless it is the child's own city's: 洛阳市伊川县 citing an absent 河南省 plan
                if absent_national and other.level == "national":
                    continue
                if cand.family < FAMILY_MIN or not _region_compatible(entry, other):
                    continue
                cand.shared = index.shared_text(me, cand.position)
                if cand.shared < SHARED_MIN:
                    continue
            else:
                cand.shared = index.shared_text(me, cand.position)
                if cand.family < CITED_FAMILY_MIN and cand.shared < CITED_SHARED_MIN:
                    continue
            cand.confidence = self._confidence(cand)
            cand.score = cand.confidence + 0.5 * min(cand.shared, 0.4)
            if cand.confidence >= CONFIDENCE_MIN:
                kept.append(cand)
        # A plan found by content only is never preferred to a cited one of a closer family: 广州市工业领域
        # 碳达峰实施方案 citing the national 工业领域碳达峰实施方案 is not a child of 广东省碳达峰实施方案
        # (family 碳达峰, broader), though of a nearer level and sharing its text.
        cited_family = max((c.family for c in kept if c.found_by != "content"), default=0.0)
        kept = [c for c in kept if c.found_by != "content" or c.family >= cited_family]
        if cited_family >= FAMILY_MIN:
            # … nor is a cited plan of another family, the basis it names first (为深入贯彻《中共中央 国务院
            # 关于…的意见》…和《减污降碳协同增效实施方案》), though a short child shares its boilerplate
            kept = [c for c in kept if c.family >= CITED_FAMILY_MIN]
        if not kept:
            result.candidates = []
            return result
        # The nearest level above the child first, then the best score.
        nearest = max(rank(index.entries[c.position].level) or 0 for c in kept)
        level = sorted((c for c in kept if rank(index.entries[c.position].level) == nearest), key=lambda c: (-c.score, index.entries[c.position].id))
        best = level[0]
        rivals = [c for c in level[1:] if best.score - c.score < AMBIGUITY and not self._same_document(best, c)]
        if rivals:
            result.candidates = [self._describe(c) for c in [best, *rivals]]
            return result
        parent = index.entries[best.position]
        result.parent = parent
        result.found_by = best.found_by
        result.confidence = round(best.confidence, 3)
        result.relation = self._relation(entry, parent, best, absent_regions)
        result.evidence = self._describe(best)
        return result

    @staticmethod
    def _level_goes_up(child_rank: Optional[int], parent_rank: Optional[int]) -> bool:
        if parent_rank is None:
            return False
        if child_rank is None:  # a child of unknown level: only a national plan is surely above it
            return parent_rank == 0
        return parent_rank < child_rank

    @staticmethod
    def _county_level_city(child: Profile, other: Profile, cand: Candidate) -> bool:
        """A city that cites, by 文号 or title, another city's plan of its own province: a county-level
        city (昆山市 贯彻落实《苏州市…方案》) read as a city like the prefecture above it.

        Cities of one province do not cite each other's plans as their basis; the cited one must not
        cite the child back (two such plans would each be the other's parent).
        """
        if cand.found_by == "content" or child.level != "city" or other.level != "city":
            return False
        if not child.region or not other.region or child.region == other.region:
            return False
        provinces = {p for p in (child.province, other.province, province_of(child.region), province_of(other.region)) if p}
        if len(provinces) > 1:
            return False  # another province's city
        return not any(
            (c.number is not None and c.number == child.number) or (c.key is not None and c.key.region == child.region)
            for c in other.cites
        )

    @staticmethod
    def _confidence(cand: Candidate) -> float:
        copied = min(cand.shared / 0.2, 1.0)
        if cand.found_by == "doc_number":
            return 0.95 + 0.05 * copied
        if cand.found_by == "title":
            return 0.6 + 3.0 * (cand.title_ratio - TITLE_RATIO_MIN) + 0.1 * copied
        return 0.35 + 0.35 * cand.family + 0.3 * copied

    def _same_document(self, a: Candidate, b: Candidate) -> bool:
        """Two copies of one plan (e.g. its PDF and its text): choosing either is right."""
        x, y = self.index.entries[a.position], self.index.entries[b.position]
        return x.key is not None and x.key == y.key and x.number == y.number

    def _relation(self, child: Profile, parent: Profile, cand: Candidate, absent_regions: set[str]) -> str:
        child_rank, parent_rank = rank(child.level) or 0, rank(parent.level) or 0
        # A municipality's districts and counties are its direct children.
        direct = child_rank - parent_rank == 1 or (parent.level == "municipality" and child_rank == 3)
        if absent_regions and parent.region not in absent_regions and not (direct and _contains(parent, child)):
            return "ancestor"  # it cites its own direct parent, which is not here
        if cand.found_by != "content":
            return "parent"
        return "parent" if direct else "ancestor"

    def _describe(self, cand: Candidate) -> dict[str, object]:
        other = self.index.entries[cand.position]
        evidence: dict[str, object] = {"candidate": other.id, "found_by": cand.found_by}
        if cand.cited is not None:
            evidence["citation"] = cand.cited.written
        evidence["title_ratio"] = round(cand.title_ratio, 3)
        evidence["family"] = round(cand.family, 3)
        evidence["shared_text"] = round(cand.shared, 3)
        evidence["confidence"] = round(cand.confidence, 3)
        return evidence
