"""The family tree of a corpus: national → province → city → district, from the lineage links.

Each document is a node; a linked child hangs under its parent (or nearest ancestor), with
how the link was found.  Roots are the documents without a link: national plans (the top of
their families) and plans whose parent is not in the corpus, with what they cite.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

from ..model import Document
from . import analyse
from .finder import LEVEL_RANK, Cited, Outcome

TREE_SCHEMA_VERSION = "1.0"


@dataclass
class TreeNode:
    """A document of the corpus, or (``doc`` None) a parent several of them cite that is absent."""

    doc: Optional[Document]
    outcome: Optional[Outcome]
    children: list["TreeNode"] = field(default_factory=list)
    cites: Optional[str] = None  # for an absent parent: how its children cite it
    outcome_cited: Optional[Cited] = None  # …and the citation behind it


def _fullness(o: Outcome) -> int:
    return _cited_fullness(o.cited)


def _fullness_of(node: TreeNode) -> int:
    return _cited_fullness(node.outcome_cited)


def _cited_fullness(cited: Optional[Cited]) -> int:
    """2: with a 文号 written soundly; 1: with a damaged one; 0: none."""
    if cited is None or not cited.number:
        return 0
    return 2 if cited.number in cited.display else 1

    @property
    def linked(self) -> bool:
        return self.outcome.parent is not None


def _order(node: TreeNode) -> tuple[int, str]:
    if node.doc is None:
        return (-1, node.cites or "")
    return (LEVEL_RANK.get(node.doc.level or "", 99), node.doc.id)


def _absent_key(o: Outcome) -> Optional[tuple[object, ...]]:
    """What identifies the absent parent a plan cites: its title key, else its 文号."""
    cited = o.cited
    if cited is None:
        return None
    if cited.key is not None and cited.key.plan:
        return ("title", cited.key.region, cited.key.plan)
    return ("number", cited.number) if cited.number else None


def build_tree(documents: Sequence[Document], outcomes: Optional[Sequence[Outcome]] = None) -> list[TreeNode]:
    """The roots of the corpus's family tree (children sorted by level, then id)."""
    outcomes = list(outcomes) if outcomes is not None else analyse(documents)
    nodes = {id(o.child): TreeNode(o.child, o) for o in outcomes}
    roots: list[TreeNode] = []
    absent: dict[tuple[object, ...], TreeNode] = {}
    for o in outcomes:
        node = nodes[id(o.child)]
        parent = nodes.get(id(o.parent)) if o.parent is not None else None
        if parent is not None:
            parent.children.append(node)
            continue
        key = None if o.top else _absent_key(o)
        if key is None:
            roots.append(node)
            continue
        # Siblings citing one absent parent hang under it (never under each other).
        if key not in absent:
            absent[key] = TreeNode(None, None, cites=o.cites, outcome_cited=o.cited)
            roots.append(absent[key])
        group = absent[key]
        if _fullness(o) > _fullness_of(group):
            group.cites, group.outcome_cited = o.cites, o.cited  # the fullest citation: with a sound 文号
        group.children.append(node)
    # An absent parent cited by one plan only is just that plan's note.
    roots = [r.children[0] if r.doc is None and len(r.children) == 1 else r for r in roots]
    for node in [*nodes.values(), *absent.values()]:
        node.children.sort(key=_order)
    # Families present in the corpus first, then siblings under an absent parent, then lone
    # plans; each by level and id.
    roots.sort(key=lambda n: (0 if n.doc is not None and n.children else 1 if n.doc is None else 2, *_order(n)))
    return roots


def _link(o: Outcome) -> Optional[dict[str, Any]]:
    if o.parent is None:
        return None
    link: dict[str, Any] = {"relation": o.relation, "found_by": o.found_by, "confidence": o.confidence}
    if "citation" in o.evidence:
        link["citation"] = o.evidence["citation"]
    link["shared_text"] = o.evidence.get("shared_text")
    return link


def node_to_dict(node: TreeNode) -> dict[str, Any]:
    d, o = node.doc, node.outcome
    if d is None or o is None:
        return {"absent": True, "cites": node.cites, "children": [node_to_dict(c) for c in node.children]}
    return {
        "absent": False,
        "id": d.id,
        "path": d.path,
        "title": d.title,
        "doc_number": d.doc_number,
        "region": d.region,
        "level": d.level,
        "link": _link(o),
        "top": o.top,
        "cites": None if (o.parent is not None or o.top) else o.cites,
        "candidates": list(o.candidates),
        "children": [node_to_dict(c) for c in node.children],
    }


def tree_to_dict(roots: list[TreeNode]) -> dict[str, Any]:
    def count(nodes: list[TreeNode]) -> tuple[int, int]:
        docs = links = 0
        for n in nodes:
            sub_docs, sub_links = count(n.children)
            docs += (n.doc is not None) + sub_docs
            links += (len(n.children) if n.doc is not None else 0) + sub_links
        return docs, links

    docs, links = count(roots)
    return {"schema_version": TREE_SCHEMA_VERSION, "documents": docs, "links": links, "roots": [node_to_dict(r) for r in roots]}
