"""What an aligned pair of documents says as data: targets, departments, summary metrics.

Targets are matched inside aligned clause pairs (a parent target can only have
gone where its clause went), one-to-one, on indicator similarity; then compared
by value taking comparator and direction into account:

* ``>=`` / ``>`` (a floor: 达到25%以上) and ``=`` / ``≈`` with a direction (a change
  of a given size: 降低14.5%, 下降1%): a larger value asks for more -> stricter;
* ``<=`` / ``<`` (a ceiling: 不超过34微克/立方米): a smaller value is stricter;
* anything else (no direction, a range, a text value, different units) is just
  ``value_changed``.  A different year is ``year_changed`` (the value comparison
  is kept in ``detail``).

Departments are matched by ``DepartmentRef.canonical``, which names a function of
government and is level-free, so the parent's 市发展改革委 meets the child's
区发展改革委, a ministry its provincial 厅, and 地方各级人民政府 the child's 各镇街.
"""

from __future__ import annotations

from typing import Iterable

from rapidfuzz import fuzz

from .align import fold
from .diffmodel import (
    Alignment,
    DepartmentChange,
    DepartmentPairing,
    Summary,
    TargetChange,
    clause_status,
)
from .model import DepartmentRef, Document, Target

INDICATOR_MIN = 0.6  # indicator similarity that makes two targets the same target
FLOOR_COMPARATORS = (">=", ">")
CEILING_COMPARATORS = ("<=", "<")
POINT_COMPARATORS = ("=", "≈")
TARGET_STATUSES = ("same", "stricter", "looser", "value_changed", "year_changed", "new", "dropped")


# ---------------------------------------------------------------- targets


def _sense(t: Target) -> int:
    """+1 when a larger value asks for more, -1 when a smaller one does, 0 when unknown."""
    if t.comparator in FLOOR_COMPARATORS:
        return 1
    if t.comparator in CEILING_COMPARATORS:
        return -1
    if t.comparator in POINT_COMPARATORS and t.direction in ("up", "down"):
        return 1
    return 0


def compare_values(parent: Target, child: Target) -> tuple[str, str]:
    """(same / stricter / looser / value_changed, why) for two targets of one indicator, years aside."""
    pv, cv = parent.value, child.value
    shown = f"{parent.value_text} → {child.value_text}"
    if (parent.unit or None) != (child.unit or None):
        return "value_changed", f"{shown} (unit {parent.unit} → {child.unit})"
    if not isinstance(pv, (int, float)) or not isinstance(cv, (int, float)):
        return ("same", shown) if pv == cv and parent.value_text == child.value_text else ("value_changed", shown)
    sense_p, sense_c = _sense(parent), _sense(child)
    if pv == cv and parent.value_max == child.value_max:
        if parent.comparator == child.comparator or sense_p == sense_c != 0:
            return "same", shown
        return "value_changed", f"{shown} (comparator {parent.comparator} → {child.comparator})"
    if sense_p != sense_c or sense_p == 0 or parent.comparator == "range" or child.comparator == "range":
        return "value_changed", shown
    stricter = (cv - pv) * sense_p > 0
    return ("stricter" if stricter else "looser"), shown


def compare_target(parent: Target, child: Target) -> tuple[str, str]:
    status, detail = compare_values(parent, child)
    if parent.year is not None and child.year is not None and parent.year != child.year:
        return "year_changed", f"year {parent.year} → {child.year}; value {status}: {detail}"
    return status, detail


def _counted(t: Target) -> bool:
    return t.kind != "condition"


def compare_targets(alignments: Iterable[Alignment], child: Document, parent: Document) -> list[TargetChange]:
    """Targets of both documents, matched within aligned clause pairs, in child reading order."""
    candidates: list[tuple[float, tuple[int, int], tuple[int, int]]] = []
    for a in alignments:
        if a.kind != "clause" or a.child_index is None or a.parent_index is None:
            continue
        for pk, pt in enumerate(parent.clauses[a.parent_index].targets):
            for ck, ct in enumerate(child.clauses[a.child_index].targets):
                if not (_counted(pt) and _counted(ct)):
                    continue
                similarity = fuzz.ratio(fold(pt.indicator), fold(ct.indicator)) / 100
                if similarity >= INDICATOR_MIN or (pt.indicator and pt.indicator in ct.text) or (ct.indicator and ct.indicator in pt.text):
                    bonus = 0.1 * ((pt.unit == ct.unit) + (pt.year == ct.year) + (pt.value == ct.value))
                    candidates.append((similarity + bonus, (a.parent_index, pk), (a.child_index, ck)))
    candidates.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[tuple[int, int]] = set()
    used_c: set[tuple[int, int]] = set()
    changes: list[tuple[tuple[float, int, int], TargetChange]] = []
    for _, (pi, pk), (ci, ck) in candidates:
        if (pi, pk) in used_p or (ci, ck) in used_c:
            continue
        used_p.add((pi, pk))
        used_c.add((ci, ck))
        pt, ct = parent.clauses[pi].targets[pk], child.clauses[ci].targets[ck]
        status, detail = compare_target(pt, ct)
        changes.append(((ci, 0, ck), TargetChange(status, ct.indicator or pt.indicator, pt, ct, pi, ci, detail)))  # type: ignore[arg-type]
    anchor = {pi: ci for _, (pi, _), (ci, _) in candidates}
    for a in alignments:
        if a.child_index is not None and a.parent_index is not None:
            anchor.setdefault(a.parent_index, a.child_index)
    for ci, clause in enumerate(child.clauses):
        for ck, ct in enumerate(clause.targets):
            if _counted(ct) and (ci, ck) not in used_c:
                changes.append(((ci, 0, ck), TargetChange("new", ct.indicator, None, ct, None, ci, ct.value_text)))
    for pi, clause in enumerate(parent.clauses):
        for pk, pt in enumerate(clause.targets):
            if _counted(pt) and (pi, pk) not in used_p:
                before = max((c for p, c in anchor.items() if p <= pi), default=-1)
                changes.append(((before, 1, pi * 1000 + pk), TargetChange("dropped", pt.indicator, pt, None, pi, None, pt.value_text)))
    return [c for _, c in sorted(changes, key=lambda x: x[0])]


# ---------------------------------------------------------------- departments


def pair_departments(parent: list[DepartmentRef], child: list[DepartmentRef]) -> DepartmentPairing:
    """Match one clause pair's departments by canonical function, across levels.

    The canonical name is one per function of government (aliases), so 人力资源社会保障部 meets
    人力资源社会保障厅 and 人社局, 证监会 meets 厦门证监局, 地方各级人民政府 meets 各区人民政府.
    Two passes, each first come first matched: the same function in the same region and role
    first (a joint parent names 重庆市X局 and 四川省X厅: the child's 四川省X厅 takes the second),
    then the same function anywhere.
    """
    pairing = DepartmentPairing()
    remaining = list(child)
    matched: dict[int, DepartmentRef] = {}
    for strict in (True, False):
        for n, p in enumerate(parent):
            if n in matched:
                continue
            match = next((c for c in remaining if c.canonical == p.canonical
                          and (not strict or (c.region == p.region and c.role == p.role))), None)
            if match is not None:
                remaining.remove(match)
                matched[n] = match
    for n, p in enumerate(parent):
        if n in matched:
            pairing.mapped.append((p, matched[n]))
        else:
            pairing.parent_only.append(p)
    pairing.child_only = remaining
    return pairing


def compare_departments(child: Document, parent: Document) -> list[DepartmentChange]:
    """Every department of either document by canonical name: mapped, parent only, child only."""
    seen: dict[str, DepartmentChange] = {}
    for side, doc in (("parent", parent), ("child", child)):
        for i, clause in enumerate(doc.clauses):
            for d in clause.departments:
                entry = seen.setdefault(d.canonical, DepartmentChange(d.canonical, "mapped", [], [], [], [], d.generic))
                names, clauses = (entry.parent_names, entry.parent_clauses) if side == "parent" else (entry.child_names, entry.child_clauses)
                if d.name not in names:
                    names.append(d.name)
                if i not in clauses:
                    clauses.append(i)
    for entry in seen.values():
        if not entry.child_names:
            entry.status = "parent_only"
        elif not entry.parent_names:
            entry.status = "child_only"
    order = {"mapped": 0, "parent_only": 1, "child_only": 2}
    return sorted(seen.values(), key=lambda e: (order[e.status], e.generic, e.canonical))


# ---------------------------------------------------------------- summary


def _statuses(alignments: list[Alignment], kind: str, side: str, indices: Iterable[int]) -> dict[str, int]:
    by_index: dict[int, list[Alignment]] = {}
    for a in alignments:
        i = a.child_index if side == "child" else a.parent_index
        if a.kind == kind and i is not None:
            by_index.setdefault(i, []).append(a)
    counts: dict[str, int] = {}
    for i in indices:
        entries = [e for e in by_index.get(i, []) if (e.parent_index if side == "child" else e.child_index) is not None]
        status = clause_status(entries, side=side)  # type: ignore[arg-type]
        counts[status] = counts.get(status, 0) + 1
    return counts


def copied_share(alignments: list[Alignment], child: Document) -> float:
    """Share of the child's clause text found unchanged (equal runs) in the parent clauses it is aligned with."""
    covered: dict[int, set[int]] = {}
    for a in alignments:
        if a.child_index is None or a.parent_index is None:
            continue
        offsets = covered.setdefault(a.child_index, set())
        for e in a.edits:
            if e.op == "equal":
                offsets.update(range(e.child_start, e.child_start + len(e.child)))
    total = sum(len(c.text) for c in child.clauses)
    return sum(len(v) for v in covered.values()) / total if total else 0.0


def summarize(
    alignments: list[Alignment],
    child: Document,
    parent: Document,
    targets: list[TargetChange],
    departments: list[DepartmentChange],
) -> Summary:
    def indices(side: str, kind: str) -> list[int]:
        found = {a.child_index if side == "child" else a.parent_index for a in alignments if a.kind == kind}
        return sorted(i for i in found if i is not None)

    target_counts = {s: 0 for s in TARGET_STATUSES}
    for t in targets:
        target_counts[t.status] += 1
    named = [d for d in departments if not d.generic]
    return Summary(
        parent_status=_statuses(alignments, "clause", "parent", indices("parent", "clause")),
        child_status=_statuses(alignments, "clause", "child", indices("child", "clause")),
        heading_parent_status=_statuses(alignments, "heading", "parent", indices("parent", "heading")),
        heading_child_status=_statuses(alignments, "heading", "child", indices("child", "heading")),
        copied_share=copied_share(alignments, child),
        targets=target_counts,
        departments={
            "mapped": sum(d.status == "mapped" for d in named),
            "parent_only": sum(d.status == "parent_only" for d in named),
            "child_only": sum(d.status == "child_only" for d in named),
            "generic": len(departments) - len(named),
        },
        flags=sum(1 for a in alignments for f in a.flags if f.code != "rewritten"),
    )

