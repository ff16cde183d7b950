"""Find the parent plan of a child plan in a corpus, from what the child cites.

A district plan names the plan it implements: 《重庆市减污降碳协同增效实施方案》
（渝环〔2023〕71号）.  A corpus document is that parent when its own 文号 equals a
cited 文号 (garbled numbers such as 渝环〔202371号 repaired first), or else when
its whole title equals a cited plan's core title (never a substring: the
municipal plan cites the national 《减污降碳协同增效实施方案》, which is the tail
of its own title).  When several corpus documents are cited, the nearest level
above the child wins (a district's parent is the municipal plan, not the
national one it also cites).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional, Sequence

import regex
from rapidfuzz import fuzz

from .errors import ParentNotFoundError
from .metadata import REGION, repair_doc_number
from .model import Citation, Document

# Marks that differ between two copies of one title: quotes, spaces, title brackets
TITLE_NOISE = regex.compile(r"[\s“”‘’\"'《》〈〉<>]")
# Bracket spellings of a 文号's year: 〔2023〕 [2023] ［2023］ 【2023】
NUMBER_BRACKETS = str.maketrans({"[": "〔", "［": "〔", "【": "〔", "]": "〕", "］": "〕", "】": "〕"})
# Administrative rank: a parent is of a lower rank number than its child.
LEVEL_RANK = {"national": 0, "province": 1, "municipality": 1, "city": 2, "district": 3, "county": 3, "zone": 3}


@dataclass(frozen=True)
class ParentMatch:
    document: Document
    citation: Citation
    by: Literal["doc_number", "title"]


def number_key(number: str) -> str:
    return repair_doc_number(number.replace(" ", "").translate(NUMBER_BRACKETS))


def title_key(title: str) -> str:
    return TITLE_NOISE.sub("", title)


def _without_region(title: str) -> str:
    m = REGION.match(title)
    return title[m.end():] if m else title


def likely_parent_citation(child: Document) -> Optional[Citation]:
    """The cited document most likely to be the parent plan: the title closest to the child's own."""
    if not child.cites:
        return None
    own = _without_region(title_key(child.title or ""))
    return max(
        enumerate(child.cites),
        key=lambda ic: (fuzz.ratio(own, _without_region(title_key(ic[1].core_title))), -ic[0]),
    )[1]


def citation_text(cite: Optional[Citation]) -> str:
    """《减污降碳协同增效实施方案》（环综合〔2022〕42号）, or a note that nothing is cited."""
    if cite is None:
        return "no plan cited"
    number = f"（{cite.doc_number}）" if cite.doc_number else ""
    return f"《{cite.core_title}》{number}"


def find_parent(child: Document, corpus: Sequence[Document], corpus_name: str = "the corpus") -> ParentMatch:
    """The corpus document ``child`` implements; ``ParentNotFoundError`` naming what it cites otherwise."""
    matches: list[tuple[tuple[int, int, int], ParentMatch]] = []
    child_rank = LEVEL_RANK.get(child.level or "", 99)
    for order, cite in enumerate(child.cites):
        for doc in corpus:
            if doc is child or doc.sha256 == child.sha256:
                continue
            by: Optional[Literal["doc_number", "title"]] = None
            if cite.doc_number and doc.doc_number and number_key(cite.doc_number) == number_key(doc.doc_number):
                by = "doc_number"
            elif doc.title and title_key(cite.core_title) == title_key(doc.title):
                by = "title"
            if by is None:
                continue
            rank = LEVEL_RANK.get(doc.level or "", -1)
            # Nearest level above the child first, then a 文号 match, then citation order.
            closeness = rank if rank < child_rank else -1
            matches.append(((-closeness, 0 if by == "doc_number" else 1, order), ParentMatch(doc, cite, by)))
    if not matches:
        where = child.path or child.id
        cited = likely_parent_citation(child)
        what = f"it cites {citation_text(cited)}" if cited else "it cites no plan"
        raise ParentNotFoundError(f"{where}: parent plan not found in {corpus_name}: {what}")
    return min(matches, key=lambda m: (m[0], m[1].document.id))[1]
