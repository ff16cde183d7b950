"""An index of a corpus for parent search: never every document against every other.

Lookups a child's parent search needs, each returning only documents that can be its
parent, so a child's work does not grow with the corpus (nor with its own family: a
thousand siblings of one district plan are never each other's candidates):

- ``by_number``: own 文号 key -> documents (exact, after damage repair);
- ``by_plan``: (region, plan key) -> documents (an exact cited title);
- ``cited_titles``: MinHash LSH over character bigrams of title family keys, bucketed by
  the title's region (a cited title with a character lost at a line break matches only a
  document of the region it names);
- ``family_titles`` and ``texts``: the same over title families, and MinHash LSH over
  8-character shingles of the body, bucketed by administrative rank and geography, so that
  a child asks only the ranks above its own and the places that may be above it (national;
  its own province; a region its own region's name begins with): a re-issue whose title
  adds 加快 or changes the genre word, one that copies its parent's text but whose title is
  unreadable.  Three hundred cities' plans of one national family are not candidates of
  every district of the country.

The LSH is datasketch's banding (its optimal bands and rows for the threshold, the same
buckets ``MinHashLSH`` would fill; ``minhash`` computes both without importing it) with the group in the bucket key.  Candidates are
then confirmed with ``shared_text``: the share of the child's body shingles found in the
candidate's body, exact, computed only for candidates that pass the cheaper tests.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Callable, Hashable, Iterable, Optional, Sequence

from .cites import province_of
from .keys import cites_number, number_parts
from .minhash import bands, unpack_u32
from .profile import TEXT_PERM, TITLE_PERM, Profile, title_minhash

# Administrative rank: a parent's is lower than its child's.
LEVEL_RANK = {"national": 0, "province": 1, "municipality": 1, "city": 2, "district": 3, "county": 3, "zone": 3}
# LSH thresholds (estimated Jaccard). Title families of one lineage are near-identical; a
# child's text shares a small part of its parent's (Hainan's 实施意见: 7 % of its shingles).
TITLE_LSH_THRESHOLD = 0.5
TEXT_LSH_THRESHOLD = 0.1
# Shingle sets kept at once (80 KB for a 20,000-character plan): the parents many children
# are compared with stay, the rest is loaded again when needed, so memory does not grow
# with the corpus.
SHINGLE_CACHE = 256


# Nothing ranks below a district: its plans are never anyone's parent by content.
LOWEST_RANK = max(LEVEL_RANK.values())


def rank(level: Optional[str]) -> Optional[int]:
    return LEVEL_RANK.get(level) if level else None


def ranks_above(child_rank: Optional[int]) -> range:
    """The ranks a parent of a child of ``child_rank`` may have (unknown: only national)."""
    return range(0, 1) if child_rank is None else range(0, child_rank)


NATIONAL = ("national",)


def places_of(profile: Profile) -> list[tuple[str, ...]]:
    """The content buckets a possible parent goes in: national, or its region and its province.

    These are exactly the places ``finder._region_compatible`` accepts (a sub-national plan
    without a region never is a content parent)."""
    if profile.level == "national":
        return [NATIONAL]
    if not profile.region:
        return []
    places = [("region", profile.region)]
    province = province_of(profile.region)
    if province is not None:
        places.append(("province", province))
    return places


def places_above(profile: Profile) -> list[tuple[str, ...]]:
    """The places a child's content parent may be of: national, its province, a prefix of its region."""
    places = [NATIONAL]
    if profile.province:
        places.append(("province", profile.province))
    if profile.region:
        places.extend(("region", profile.region[:k]) for k in range(1, len(profile.region) + 1))
    return places


class Buckets:
    """MinHash LSH with groups: a query finds documents of the given groups sharing a band."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.ranges = bands(threshold, num_perm)
        self.table: dict[tuple[Hashable, int, bytes], list[int]] = {}

    def _keys(self, signature: bytes) -> list[bytes]:
        return [signature[4 * start : 4 * end] for start, end in self.ranges]  # 4 bytes a value

    def insert(self, group: Hashable, position: int, values: bytes) -> None:
        for band, key in enumerate(self._keys(values)):
            self.table.setdefault((group, band, key), []).append(position)

    def query(self, groups: Iterable[Hashable], values: bytes) -> set[int]:
        keys = self._keys(values)
        found: set[int] = set()
        for group in groups:
            for band, key in enumerate(keys):
                found.update(self.table.get((group, band, key), ()))
        return found


ShingleSource = Callable[[Profile], bytes]  # a packed shingle set (minhash.pack_u32)


class CorpusIndex:
    """The documents of a corpus (their profiles), indexed by 文号, title and text.

    ``shingles`` loads a document's shingle set when its profile does not hold it.
    """

    def __init__(self, profiles: Sequence[Profile], shingles: Optional[ShingleSource] = None) -> None:
        self.entries: list[Profile] = list(profiles)
        self._load = shingles
        self._shingles: OrderedDict[int, bytes] = OrderedDict()
        self._child_set: tuple[int, frozenset[int]] = (-1, frozenset())  # the last child's shingles, as a set
        self.by_number: dict[str, list[int]] = {}
        self.by_number_tail: dict[str, list[int]] = {}  # 〔2022〕150号 -> documents, for a bare 文号 read with words before it
        self.by_plan: dict[tuple[Optional[str], str], list[int]] = {}
        self.cited_titles = Buckets(TITLE_LSH_THRESHOLD, TITLE_PERM)
        self.family_titles = Buckets(TITLE_LSH_THRESHOLD, TITLE_PERM)
        self.texts = Buckets(TEXT_LSH_THRESHOLD, TEXT_PERM)
        for i, p in enumerate(self.entries):
            if p.number:
                self.by_number.setdefault(p.number, []).append(i)
                self.by_number_tail.setdefault(number_parts(p.number)[1], []).append(i)
            level = rank(p.level)
            if p.key is not None:
                self.by_plan.setdefault((p.key.region, p.key.plan), []).append(i)
                self.cited_titles.insert(p.key.region, i, title_minhash(p.key.family))
            if level is None or level == LOWEST_RANK:  # unknown, or a district: never a content parent
                continue
            for place in places_of(p):
                if p.key is not None:
                    self.family_titles.insert((level, place), i, title_minhash(p.key.family))
                self.texts.insert((level, place), i, p.minhash)
        self._positions = {id(p): i for i, p in enumerate(self.entries)}

    def position(self, profile: Profile) -> int:
        return self._positions[id(profile)]

    def shingles_of(self, position: int) -> bytes:
        profile = self.entries[position]
        if profile.shingles is not None:
            return profile.shingles
        cached = self._shingles.get(position)
        if cached is None:
            if self._load is None:
                raise LookupError(f"no shingles for {profile.id}")
            cached = self._load(profile)
            self._shingles[position] = cached
            if len(self._shingles) > SHINGLE_CACHE:
                self._shingles.popitem(last=False)
        else:
            self._shingles.move_to_end(position)
        return cached

    def shared_text(self, child: int, parent: int) -> float:
        """Share of the child's body shingles found in the parent's body (0..1)."""
        if self._child_set[0] != child:  # a child is confirmed against its candidates one after another
            self._child_set = (child, frozenset(unpack_u32(self.shingles_of(child))))
        own = self._child_set[1]
        if not own:
            return 0.0
        # Both sets are unique values: the intersection counts the shared shingles.
        return len(own.intersection(unpack_u32(self.shingles_of(parent)))) / len(own)

    def numbered(self, number: str) -> list[int]:
        """Documents whose own 文号 the cited key ``number`` names (``keys.cites_number``)."""
        exact = self.by_number.get(number)
        if exact:
            return exact
        tail = number_parts(number)[1]
        return [i for i in self.by_number_tail.get(tail, ()) if cites_number(number, self.entries[i].number or "")]

    def titles_of_region(self, region: Optional[str], family: str) -> list[int]:
        """Documents of ``region`` whose title family is like ``family``."""
        return sorted(self.cited_titles.query([region], title_minhash(family)))

    def parents_by_content(self, child: int) -> list[int]:
        """Documents of a rank and place above the child's whose title family or body text is like the child's."""
        profile = self.entries[child]
        places = places_above(profile)
        groups = [(level, place) for level in ranks_above(rank(profile.level)) for place in places]
        found = self.texts.query(groups, profile.minhash)
        if profile.key is not None:
            found |= self.family_titles.query(groups, title_minhash(profile.key.family))
        return sorted(found)
