"""Fill each clause's extracted facts: responsible departments, then targets."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .departments import assign_departments
from .model import Clause, NormalizedText, Warning_
from .regions import names_own_place
from .targets import assign_targets


def extract_facts(
    clauses: list[Clause], normalized: NormalizedText, date: Optional[str] = None, region: Optional[str] = None
) -> list[Warning_]:
    """Set ``departments`` and ``targets`` on every clause; return their warnings.  ``date``: the document's
    (ISO), if known: a value of a year before it is a result reported, not a target (see assign_targets).
    ``region``: the document's, if known: a target written with its name (武汉市细颗粒物… in Wuhan's plan) is
    for the document's own jurisdiction, scope ``None``, as one written with 全市."""
    issued = int(date[:4]) if date and date[:4].isdigit() else None
    warnings = [*assign_departments(clauses, normalized), *assign_targets(clauses, normalized, issued)]
    if region:
        for clause in clauses:
            if any(t.scope for t in clause.targets):
                clause.targets = [replace(t, scope=None) if t.scope and names_own_place(t.scope, region) else t
                                  for t in clause.targets]
    return warnings
