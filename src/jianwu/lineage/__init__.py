"""Lineage: which document of a corpus each plan re-issues (its parent, or nearest ancestor).

The contract shared by ``jianwu diff``, ``jianwu check``, ``jianwu tree`` and the
corpus index: ``find_links(documents)`` returns one ``Link`` per child that has
one, and never guesses between close candidates (a wrong parent is worse than none).
``analyse(documents)`` gives, for every document, the full ``Outcome``: its link, or
what it cites and the close candidates when it has none.

The finder (``lineage.finder``) looks candidates up in an index (``lineage.index``:
文号, title keys, MinHash LSH over title families and text shingles, only of ranks above
the child's) and confirms them by the share of the child's text found in them.  It works
on profiles (``lineage.profile``: what it needs of a document, about 2 KB), so a large
corpus (``jianwu index``) runs ``find_links_in(profiles, shingles)`` without holding any
document in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Literal, Optional, Sequence

from ..model import Document
from .finder import Finder, Outcome
from .index import ShingleSource
from .profile import Profile, profile_of

Relation = Literal["parent", "ancestor"]
FoundBy = Literal["doc_number", "title", "content"]

__all__ = ["FoundBy", "Link", "Outcome", "Relation", "Profile", "analyse", "find_links", "find_links_in", "link_of", "profile_of"]


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
    profiles = [profile_of(d) for d in docs]
    finder = Finder(profiles)
    position = {id(d): i for i, d in enumerate(docs)}
    by_id = {id(p): d for p, d in zip(profiles, docs)}

    def with_documents(o: Outcome) -> Outcome:
        return replace(o, child=by_id[id(o.child)], parent=by_id[id(o.parent)] if o.parent is not None else None)

    wanted = range(len(docs)) if children is None else [position[id(c)] for c in children]
    return [with_documents(finder.outcome_at(i)) for i in wanted]


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


def find_links_in(profiles: Iterable[Profile], shingles: Optional[ShingleSource] = None) -> list[Link]:
    """``find_links`` over profiles (``profile_of``); ``shingles(profile)`` loads the body shingle
    set of a profile stored without it (only candidates' are asked for)."""
    finder = Finder(list(profiles), shingles)
    return [link for link in (link_of(finder.outcome_at(i)) for i in range(len(finder.index.entries))) if link is not None]
