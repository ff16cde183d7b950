"""The corpus family tree (``jianwu tree``) as a rich Tree for the terminal."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from ..lineage.tree import TreeNode

FOUND_BY = {"doc_number": "文号", "title": "title", "content": "title family + shared text"}


def _label(node: TreeNode) -> str:
    d, o = node.doc, node.outcome
    if d is None or o is None:
        return f"[red]not in the corpus: {escape(node.cites or '')}[/red]  [dim](cited by {len(node.children)} plans)[/dim]"
    facts = " · ".join(x for x in (d.doc_number, d.region, d.level) if x)
    label = f"[bold]{escape(d.title or d.id)}[/bold]  [dim]{escape(d.id)}{' · ' + escape(facts) if facts else ''}[/dim]"
    if o.parent is not None:
        how = FOUND_BY.get(o.found_by or "", o.found_by or "")
        shared = o.evidence.get("shared_text")
        extra = f", {float(shared):.0%} of its text shared" if isinstance(shared, (int, float)) else ""  # type: ignore[arg-type]
        relation = "" if o.relation == "parent" else " [yellow](ancestor: its direct parent is absent)[/yellow]"
        label += f"\n[green]← by {escape(how)}, confidence {o.confidence:.2f}{escape(extra)}[/green]{relation}"
    elif o.top:
        label += "\n[dim]top of its family[/dim]"
    elif o.cites != "no plan cited":
        label += f"\n[red]parent not in the corpus: it cites {escape(o.cites)}[/red]"
    else:
        label += "\n[red]parent not in the corpus: it cites no plan[/red]"
        if o.candidates:
            names = ", ".join(str(c["candidate"]) for c in o.candidates)
            label += f"\n[red]several close candidates, none chosen: {escape(names)}[/red]"
    return label


def render_tree(roots: list[TreeNode], title: str) -> Tree:
    tree = Tree(f"[bold]{escape(title)}[/bold]", guide_style="dim")

    def add(parent: Tree, node: TreeNode) -> None:
        branch = parent.add(_label(node))
        for child in node.children:
            add(branch, child)

    for root in roots:
        add(tree, root)
    return tree
