"""Lineage: which document of a corpus each plan re-issues (its parent, or nearest ancestor).

The contract shared by ``jianwu diff``, ``jianwu check``, ``jianwu tree`` and the
corpus index: ``find_links(documents)`` returns one ``Link`` per child that has
one, and never guesses between close candidates (a wrong parent is worse than none).

This first version confirms links only by cited 文号 or exact cited title
(``jianwu.parent``); issue 10 replaces the finder behind the same contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Sequence

from ..errors import ParentNotFoundError
from ..model import Document
from ..parent import find_parent

Relation = Literal["parent", "ancestor"]
FoundBy = Literal["doc_number", "title", "content"]


@dataclass(frozen=True)
class Link:
    """``child`` re-issues ``parent`` (or, relation "ancestor", a plan further up its family)."""

    child_id: str
    parent_id: str
    relation: Relation
    found_by: FoundBy
    confidence: float  # 0..1
    # What the link rests on: the citation as written, scores, candidates considered.
    evidence: dict[str, object] = field(default_factory=dict, compare=False)


def find_links(documents: Sequence[Document]) -> list[Link]:
    """Every child -> parent link among ``documents``, in the order of ``documents``."""
    links: list[Link] = []
    for doc in documents:
        try:
            match = find_parent(doc, documents)
        except ParentNotFoundError:
            continue
        evidence: dict[str, object] = {"citation": match.citation.title}
        if match.citation.doc_number:
            evidence["doc_number"] = match.citation.doc_number
        links.append(Link(doc.id, match.document.id, "parent", match.by, 1.0, evidence))
    return links
