"""Find the parent plan of one child plan in a corpus (``jianwu diff CHILD``, ``jianwu check``).

A thin front to the lineage finder (``jianwu.lineage``): by the 文号 the child cites, by the
title it cites, or by title family and shared text when it cites nothing; the level must go
up, and close candidates give no parent.  ``ParentNotFoundError`` names what the child cites.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Sequence

from .errors import ParentNotFoundError
from .model import Document


@dataclass(frozen=True)
class ParentMatch:
    document: Document
    by: str  # doc_number / title / content
    relation: str = "parent"  # or "ancestor": the direct parent is absent
    confidence: float = 1.0
    evidence: dict[str, object] = field(default_factory=dict, compare=False)


def not_found_message(child: Document, corpus_name: str, cites: str, candidates: Sequence[dict[str, object]] = ()) -> str:
    where = child.path or child.id
    what = f"it cites {cites}" if cites != "no plan cited" else "it cites no plan"
    if candidates:
        names = ", ".join(str(c["candidate"]) for c in candidates)
        what += f"; several close candidates, none chosen: {names}"
    return f"{where}: parent plan not found in {corpus_name}: {what}"


def find_parent(child: Document, corpus: Sequence[Document], corpus_name: str = "the corpus") -> ParentMatch:
    """The corpus document ``child`` implements; ``ParentNotFoundError`` naming what it cites otherwise."""
    from .lineage import analyse

    docs = list(corpus)
    if not any(d is child for d in docs):
        docs.append(child)
    outcome = analyse(docs, [child])[0]
    if outcome.parent is None or outcome.found_by is None:
        raise ParentNotFoundError(not_found_message(child, corpus_name, outcome.cites, outcome.candidates))
    return ParentMatch(outcome.parent, outcome.found_by, outcome.relation, outcome.confidence, dict(outcome.evidence))


def parent_of(child: Document, corpus: Sequence[Document]) -> Optional[ParentMatch]:
    try:
        return find_parent(child, corpus)
    except ParentNotFoundError:
        return None
