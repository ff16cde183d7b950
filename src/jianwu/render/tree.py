"""Outline of a document as a rich Tree."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from ..model import Document


def outline_tree(doc: Document) -> Tree:
    head = escape(doc.title or doc.id)
    meta = " · ".join(x for x in (doc.doc_number, doc.date, doc.level, doc.script) if x)
    root = Tree(f"[bold]{head}[/bold]  [dim]{escape(meta)}[/dim]")
    stack: list[tuple[int, Tree]] = [(0, root)]
    for clause in doc.clauses:
        while stack[-1][0] >= clause.depth:
            stack.pop()
        facts = []
        if clause.departments:
            facts.append(f"{len(clause.departments)} dept")
        if clause.targets:
            facts.append(f"{len(clause.targets)} target")
        label = f"[cyan]{escape(clause.number or clause.path[-1] + '：')}[/cyan] {escape(clause.title)}"
        if facts:
            label += f"  [dim]({', '.join(facts)})[/dim]"
        node = stack[-1][1].add(label)
        stack.append((clause.depth, node))
    return root
