"""Fill each clause's extracted facts: responsible departments and targets."""

from __future__ import annotations

from .model import Clause, NormalizedText, Warning_


def extract_facts(clauses: list[Clause], normalized: NormalizedText) -> list[Warning_]:
    """Set ``departments`` and ``targets`` on every clause; return warnings."""
    warnings: list[Warning_] = []
    try:
        from .departments import assign_departments
    except ImportError:  # module not built yet
        assign_departments = None
    try:
        from .targets import assign_targets
    except ImportError:
        assign_targets = None
    if assign_departments is not None:
        warnings.extend(assign_departments(clauses, normalized))
    if assign_targets is not None:
        warnings.extend(assign_targets(clauses, normalized))
    return warnings
