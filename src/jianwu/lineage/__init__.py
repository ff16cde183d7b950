"""Lineage: which document of a corpus each plan re-issues (its parent, or nearest ancestor).

The contract shared by ``jianwu diff``, ``jianwu check``, ``jianwu tree`` and the
corpus index: ``find_links(documents)`` returns one ``Link`` per child that has
one, and never guesses between close candidates (a wrong parent is worse than none).
``analyse(documents)`` gives, for every document, the full ``Outcome``: its link, or
what it cites and the close candidates when it has none.

The finder (``lineage.finder``) looks candidates up in an index (``lineage.index``:
文号, title keys, MinHash LSH over title families and text shingles) and confirms them
by the share of the child's text found in them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Sequence

from ..model import Document
from .finder import Finder, Outcome

Relation = Literal["parent", "ancestor"]
FoundBy = Literal["doc_number", "title", "content"]

__all__ = ["FoundBy", "Link", "Outcome", "Relation", "analyse", "find_links", "link_of"]


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


def analyse(documents: Sequence[Document], children: Sequence[Document] | None = None) -> list[Outcome]:
    """The finder's decision for each of ``children`` (default: every document), in order."""
    docs = list(documents)
    finder = Finder(docs)
    return [finder.outcome(doc) for doc in (docs if children is None else children)]


def link_of(outcome: Outcome) -> Link | None:
    if outcome.parent is None or outcome.found_by is None:
        return None
    return Link(
        outcome.child.id,
        outcome.parent.id,
        outcome.relation,  # type: ignore[arg-type]
        outcome.found_by,  # type: ignore[arg-type]
        outcome.confidence,
        dict(outcome.evidence),
    )


def find_links(documents: Sequence[Document]) -> list[Link]:
    """Every child -> parent link among ``documents``, in the order of ``documents``."""
    return [link for link in map(link_of, analyse(documents)) if link is not None]
