"""An index of a corpus for parent search: never every document against every other.

Lookups a child's parent search needs, each sub-linear in the corpus size:

- ``by_number``: own 文号 key -> documents (exact, after damage repair);
- ``by_plan``: (region, plan key) -> documents (an exact cited title);
- ``titles``: MinHash LSH over character bigrams of title family keys (a cited title with a
  character lost at a line break, a re-issue whose title adds 加快 or changes the genre word);
- ``texts``: MinHash LSH over 8-character shingles of the body (a re-issue that copies its
  parent's text but whose title is unreadable).

Candidates from the index are then confirmed one by one with ``shared_text``: the share of
the child's body shingles found in the candidate's body (exact, computed only for candidates).
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import regex

from ..model import Document
from .keys import TitleKey, number_key, own_title_key

# Characters that carry the text: punctuation, spaces and numbering do not.
NOT_TEXT_CHAR = regex.compile(r"[^\p{Han}\p{N}]")
SHINGLE = 8  # characters: long enough that shared boilerplate phrases are rare, short enough for OCR damage
TITLE_PERM, TEXT_PERM = 64, 128
# LSH thresholds (estimated Jaccard). Title families of one lineage are near-identical; a
# child's text shares a small part of its parent's (Hainan's 实施意见: 7 % of its shingles).
TITLE_LSH_THRESHOLD = 0.5
TEXT_LSH_THRESHOLD = 0.1
# Shingles of a body sampled for the MinHash (1 in SAMPLE by hash): keeps 100,000 documents cheap.
SAMPLE = 4


def _hash(data: bytes) -> int:
    # Deterministic across runs (Python's hash() is salted), and fast (C).
    return zlib.crc32(data)


def body_text(doc: Document) -> str:
    """The plan's own text (from the first clause on), reduced to the characters that carry it."""
    start = doc.clauses[0].span[0] if doc.clauses else 0
    return NOT_TEXT_CHAR.sub("", doc.text[start:])


def shingles(text: str, n: int = SHINGLE) -> frozenset[int]:
    return frozenset(_hash(text[i : i + n].encode("utf-8")) for i in range(max(len(text) - n + 1, 0)))


def _minhash(values: Sequence[bytes], num_perm: int):  # type: ignore[no-untyped-def]
    from datasketch import MinHash

    m = MinHash(num_perm=num_perm, hashfunc=_hash)
    if values:
        m.update_batch(values)
    return m


def _bigrams(text: str) -> list[bytes]:
    return [text[i : i + 2].encode("utf-8") for i in range(max(len(text) - 1, 1))]


# Shingle sets kept at once (about 1 MB each for a 20,000-character plan): the parents many
# children are compared with stay, the rest is recomputed when needed, so memory does not grow
# with the corpus.
SHINGLE_CACHE = 256


@dataclass
class Entry:
    doc: Document
    key: Optional[TitleKey]
    number: Optional[str]
    minhash: Any = field(default=None, repr=False)  # of the body's sampled shingles (1 KB)


class CorpusIndex:
    """The documents of a corpus, indexed by 文号, title and text."""

    def __init__(self, documents: Sequence[Document]) -> None:
        from datasketch import MinHashLSH

        self.entries: list[Entry] = []
        self._shingles: OrderedDict[int, frozenset[int]] = OrderedDict()
        self.by_number: dict[str, list[int]] = {}
        self.by_plan: dict[tuple[Optional[str], str], list[int]] = {}
        self.titles = MinHashLSH(threshold=TITLE_LSH_THRESHOLD, num_perm=TITLE_PERM)
        self.texts = MinHashLSH(threshold=TEXT_LSH_THRESHOLD, num_perm=TEXT_PERM)
        for i, doc in enumerate(documents):
            key = own_title_key(doc.title)
            if key is not None and key.region is None and doc.region and doc.level != "national":
                # 关于推动城乡建设绿色发展的实施意见 of 甘肃省委办公厅: the issuer's region, so that a
                # citation of another province's plan of that title never matches it.
                key = TitleKey(doc.region, key.plan, key.family)
            number = number_key(doc.doc_number) if doc.doc_number else None
            entry = Entry(doc, key, number)
            self.entries.append(entry)
            if number:
                self.by_number.setdefault(number, []).append(i)
            if key is not None:
                self.by_plan.setdefault((key.region, key.plan), []).append(i)
                self.titles.insert(i, _minhash(_bigrams(key.family), TITLE_PERM))
            entry.minhash = self._text_minhash(shingles(body_text(doc)))
            self.texts.insert(i, entry.minhash)
        self._positions = {id(e.doc): i for i, e in enumerate(self.entries)}

    @staticmethod
    def _text_minhash(values: frozenset[int]):  # type: ignore[no-untyped-def]
        sampled = [s.to_bytes(4, "little") for s in sorted(values) if s % SAMPLE == 0]
        return _minhash(sampled, TEXT_PERM)

    def shingles_of(self, entry: Entry) -> frozenset[int]:
        position = self._positions[id(entry.doc)]
        cached = self._shingles.get(position)
        if cached is None:
            cached = shingles(body_text(entry.doc))
            self._shingles[position] = cached
            if len(self._shingles) > SHINGLE_CACHE:
                self._shingles.popitem(last=False)
        else:
            self._shingles.move_to_end(position)
        return cached

    def shared_text(self, child: Entry, parent: Entry) -> float:
        """Share of the child's body shingles found in the parent's body (0..1)."""
        own = self.shingles_of(child)
        if not own:
            return 0.0
        return len(own & self.shingles_of(parent)) / len(own)

    def similar_titles(self, family: str) -> list[int]:
        return sorted(self.titles.query(_minhash(_bigrams(family), TITLE_PERM)))

    def similar_texts(self, entry: Entry) -> list[int]:
        return sorted(self.texts.query(entry.minhash))

    def entry_of(self, doc: Document) -> Entry:
        return self.entries[self._positions[id(doc)]]
