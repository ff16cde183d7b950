"""Fill each clause's extracted facts: responsible departments, then targets."""

from __future__ import annotations

from .departments import assign_departments
from .model import Clause, NormalizedText, Warning_
from .targets import assign_targets


def extract_facts(clauses: list[Clause], normalized: NormalizedText) -> list[Warning_]:
    """Set ``departments`` and ``targets`` on every clause; return their warnings."""
    return [*assign_departments(clauses, normalized), *assign_targets(clauses, normalized)]
