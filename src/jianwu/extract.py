"""Fill each clause's extracted facts: responsible departments, then targets."""

from __future__ import annotations

from typing import Optional

from .departments import assign_departments
from .model import Clause, NormalizedText, Warning_
from .targets import assign_targets


def extract_facts(clauses: list[Clause], normalized: NormalizedText, date: Optional[str] = None) -> list[Warning_]:
    """Set ``departments`` and ``targets`` on every clause; return their warnings.  ``date``: the document's
    (ISO), if known: a value of a year before it is a result reported, not a target (see assign_targets)."""
    issued = int(date[:4]) if date and date[:4].isdigit() else None
    return [*assign_departments(clauses, normalized), *assign_targets(clauses, normalized, issued)]
