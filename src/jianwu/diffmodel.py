"""Typed result of ``jianwu diff``: a child plan compared with its parent.

``DocumentDiff`` holds references to both parsed ``Document`` objects (so
renderers can show clause text without reparsing) and everything the
comparison found.  ``diff_to_dict`` gives the JSON shape documented in
``data/diff.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Optional

from .inline_diff import Edit
from .sentences import SentenceLink
from .model import DepartmentRef, Document, Target

DIFF_SCHEMA_VERSION = "1.0"

Status = Literal["identical", "modified", "merged", "split", "moved", "dropped", "added"]
Kind = Literal["heading", "clause"]
# How a pair was made: shared text, a near-identical title, place between two text pairs,
# containment (merge/split partner), the content under a heading.
# terms: shared character n-grams (reordered or paraphrased text); partial: a share of the
# parent clause's text found inside the child clause (partial reuse, below the text bar);
# heading: a lower bar inside two aligned headings.
Basis = Literal["text", "title", "position", "containment", "children", "terms", "partial", "heading"]
TargetStatus = Literal["same", "stricter", "looser", "not_comparable", "value_changed", "year_changed", "new", "dropped"]
DepartmentStatus = Literal["mapped", "parent_only", "child_only"]


@dataclass(frozen=True)
class Scores:
    """Similarity of the compared (folded) texts, 0..1, see ``align``."""

    title: float
    body: float
    parent_coverage: float  # share of the parent's body found in the child's
    child_coverage: float  # share of the child's body found in the parent's
    terms: float = 0.0  # TF-IDF cosine of the character 2-3-grams of title + body (``similarity``)


@dataclass(frozen=True)
class Flag:
    """An inconsistency worth a reviewer's look; the path names the other clause involved."""

    code: str  # title_body_mismatch / duplicate_in_child / rewritten
    message: str
    child_path: Optional[list[str]] = None
    parent_path: Optional[list[str]] = None


@dataclass
class DepartmentPairing:
    """Departments of one aligned pair, matched by canonical name."""

    mapped: list[tuple[DepartmentRef, DepartmentRef]] = field(default_factory=list)  # (parent, child)
    parent_only: list[DepartmentRef] = field(default_factory=list)
    child_only: list[DepartmentRef] = field(default_factory=list)


@dataclass
class Alignment:
    """One (child clause, parent clause) pair, or a clause present on one side only."""

    kind: Kind
    status: Status
    child_index: Optional[int]  # index into child.clauses
    parent_index: Optional[int]
    basis: Optional[Basis] = None
    scores: Optional[Scores] = None
    similarity: Optional[float] = None  # fuzz.ratio of the two own texts as written, 0..1
    edits: list[Edit] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    departments: Optional[DepartmentPairing] = None
    sentences: list[SentenceLink] = field(default_factory=list)  # sentence alignment of the pair (``sentences``)


@dataclass
class TargetChange:
    """A target of the parent and/or the child, compared as data."""

    status: TargetStatus
    indicator: str
    parent: Optional[Target]
    child: Optional[Target]
    parent_index: Optional[int]  # clause holding the parent's target
    child_index: Optional[int]
    detail: str


@dataclass
class DepartmentChange:
    """A department (by canonical name) across the whole pair of documents."""

    canonical: str
    status: DepartmentStatus
    parent_names: list[str]
    child_names: list[str]
    parent_clauses: list[int]
    child_clauses: list[int]
    generic: bool


@dataclass
class Summary:
    """The counts of a diff: clauses by status, targets by verdict, departments, copied share."""

    parent_status: dict[str, int]  # content clauses of the parent by final status
    child_status: dict[str, int]
    heading_parent_status: dict[str, int]
    heading_child_status: dict[str, int]
    copied_share: float  # share of the child's clause text found unchanged in its parent clauses
    targets: dict[str, int]
    departments: dict[str, int]
    flags: int
    level_only_edits: int = 0  # tokens shown equal that differ only by level (全市/全区, 市X/区X, 国家X/省X)


@dataclass
class ParentComparison:
    """What ``jianwu check``'s parent rules read of a comparison (``diff.compare_for_check``): the
    clause alignment, with its flags but ``duplicate_in_child``, and the targets compared, as
    ``diff_documents`` makes them;
    not the rest of a diff (similarities, inline edits, sentence links, department pairings, the
    summary), a third of its time."""

    child: Document
    parent: Document
    found_by: str  # given / doc_number / title
    alignments: list[Alignment]
    targets: list[TargetChange]


@dataclass
class DocumentDiff:
    """A child plan compared with its parent: alignments, targets, departments, summary, warnings."""

    child: Document
    parent: Document
    found_by: str  # given / doc_number / title
    alignments: list[Alignment]
    targets: list[TargetChange]
    departments: list[DepartmentChange]
    summary: Summary
    # About the pair as a whole (``pair_warnings``): negligible shared text, levels inverted.
    warnings: list[Flag] = field(default_factory=list)

    def child_clause_status(self, index: int) -> Status:
        return clause_status([a for a in self.alignments if a.child_index == index], side="child")

    def parent_clause_status(self, index: int) -> Status:
        return clause_status([a for a in self.alignments if a.parent_index == index], side="parent")


@dataclass
class CorpusEntry:
    """One document of a corpus run: its diff, or what it cites when its parent is missing."""

    child: Document
    diff: Optional[DocumentDiff]
    missing: Optional[str] = None  # what it cites as its parent, when it has none here
    outcome: Any = None  # the lineage decision (``lineage.Outcome``): relation, confidence, evidence

    @property
    def top(self) -> bool:
        """A national plan: the top of its family, not missing a parent."""
        return bool(self.outcome is not None and self.outcome.top)


def clause_status(entries: list[Alignment], *, side: Literal["child", "parent"]) -> Status:
    """The one status of a clause, from the entries it appears in.

    A child clause in a merge is ``merged``; a parent clause merged into one child
    clause but also carried over on its own elsewhere keeps the status of that
    carry-over (Shapingba 14. merges （十六）+（十七）, and 15. repeats （十七）).
    """
    if not entries:
        return "added" if side == "child" else "dropped"
    statuses = [e.status for e in entries]
    if side == "child":
        for s in ("merged", "split"):
            if s in statuses:
                return s  # type: ignore[return-value]
        return statuses[0]
    own = [s for s in statuses if s != "merged"]
    return own[0] if own else "merged"


# ---------------------------------------------------------------- JSON


def _round(x: Optional[float]) -> Optional[float]:
    return None if x is None else round(x, 3)


def _doc_info(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "region": doc.region,
        "level": doc.level,
        "sha256": doc.sha256,
        "clauses": len(doc.clauses),
    }


def _dept(d: DepartmentRef) -> dict[str, Any]:
    return {"name": d.name, "canonical": d.canonical, "level": d.level, "role": d.role, "generic": d.generic}


def _target(t: Optional[Target]) -> Optional[dict[str, Any]]:
    if t is None:
        return None
    return {
        "indicator": t.indicator,
        "value": t.value,
        "value_max": t.value_max,
        "value_text": t.value_text,
        "unit": t.unit,
        "comparator": t.comparator,
        "direction": t.direction,
        "year": t.year,
        "kind": t.kind,
        "text": t.text,
        "scope": t.scope,
        "basis": t.basis,
        "measure": t.measure,
    }


def _path(doc: Document, index: Optional[int]) -> Optional[list[str]]:
    return None if index is None else list(doc.clauses[index].path)


def _sentence(diff: DocumentDiff, a: Alignment, link: SentenceLink) -> dict[str, Any]:
    out: dict[str, Any] = {
        "status": link.status,
        "parent": link.parent,
        "child": link.child,
        "parent_span": list(link.parent_span) if link.parent_span else None,
        "child_span": list(link.child_span) if link.child_span else None,
        "similarity": _round(link.similarity),
        "parent_share": _round(link.parent_share),
        "moved_to": None,
        "moved_from": None,
    }
    if link.elsewhere is not None:
        clause, sentence = link.elsewhere
        if link.child is None:  # a parent sentence found in another child clause
            out["moved_to"] = {"child_path": list(diff.child.clauses[clause].path), "sentence": sentence}
        else:
            out["moved_from"] = {"parent_path": list(diff.parent.clauses[clause].path), "sentence": sentence}
    return out


def alignment_to_dict(diff: DocumentDiff, a: Alignment) -> dict[str, Any]:
    child = diff.child.clauses[a.child_index] if a.child_index is not None else None
    parent = diff.parent.clauses[a.parent_index] if a.parent_index is not None else None
    out: dict[str, Any] = {
        "kind": a.kind,
        "status": a.status,
        "child_path": _path(diff.child, a.child_index),
        "parent_path": _path(diff.parent, a.parent_index),
        "child_title": child.title if child else None,
        "parent_title": parent.title if parent else None,
        "child_line": child.line if child else None,
        "parent_line": parent.line if parent else None,
        "basis": a.basis,
        "similarity": _round(a.similarity),
        "scores": None
        if a.scores is None
        else {k: _round(getattr(a.scores, k)) for k in ("title", "body", "parent_coverage", "child_coverage", "terms")},
        "edits": [
            {"op": e.op, "parent": e.parent, "child": e.child, "parent_start": e.parent_start, "child_start": e.child_start}
            for e in a.edits
            if e.op != "equal"
        ],
        "flags": [
            {"code": f.code, "message": f.message, "child_path": f.child_path, "parent_path": f.parent_path} for f in a.flags
        ],
        "departments": None,
        "sentences": [_sentence(diff, a, link) for link in a.sentences],
    }
    if a.departments is not None:
        out["departments"] = {
            "mapped": [{"parent": _dept(p), "child": _dept(c)} for p, c in a.departments.mapped],
            "parent_only": [_dept(d) for d in a.departments.parent_only],
            "child_only": [_dept(d) for d in a.departments.child_only],
        }
    return out


def diff_to_dict(diff: DocumentDiff, only: Optional[str] = None) -> dict[str, Any]:
    """The JSON object of ``jianwu diff --format json``; ``only`` keeps those alignments (see ``select``)."""
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "child": _doc_info(diff.child),
        "parent": _doc_info(diff.parent),
        "parent_found_by": diff.found_by,
        "summary": summary_to_dict(diff.summary),
        "alignments": [alignment_to_dict(diff, a) for a in select(diff.alignments, only)],
        "targets": [
            {
                "status": t.status,
                "indicator": t.indicator,
                "detail": t.detail,
                "parent_path": _path(diff.parent, t.parent_index),
                "child_path": _path(diff.child, t.child_index),
                "parent": _target(t.parent),
                "child": _target(t.child),
            }
            for t in diff.targets
        ],
        "departments": [
            {
                "canonical": d.canonical,
                "status": d.status,
                "generic": d.generic,
                "parent_names": d.parent_names,
                "child_names": d.child_names,
                "parent_paths": [diff.parent.clauses[i].path for i in d.parent_clauses],
                "child_paths": [diff.child.clauses[i].path for i in d.child_clauses],
            }
            for d in diff.departments
        ],
        "warnings": [
            {"code": f.code, "message": f.message, "child_path": None, "parent_path": None} for f in diff.warnings
        ]
        + [
            {
                "code": f.code,
                "message": f.message,
                "child_path": _path(diff.child, a.child_index),
                "parent_path": _path(diff.parent, a.parent_index),
            }
            for a in diff.alignments
            for f in a.flags
            if f.code != "rewritten"
        ],
    }


def summary_to_dict(s: Summary) -> dict[str, Any]:
    p, c = s.parent_status, s.child_status
    return {
        "parent_clauses": sum(p.values()),
        "child_clauses": sum(c.values()),
        "kept": p.get("identical", 0),
        "modified": sum(v for k, v in p.items() if k not in ("identical", "dropped")),
        "dropped": p.get("dropped", 0),
        "added": c.get("added", 0),
        "parent_status": dict(sorted(p.items())),
        "child_status": dict(sorted(c.items())),
        "headings": {"parent_status": dict(sorted(s.heading_parent_status.items())), "child_status": dict(sorted(s.heading_child_status.items()))},
        "copied_share": _round(s.copied_share),
        "targets": dict(sorted(s.targets.items())),
        "departments": dict(sorted(s.departments.items())),
        "flags": s.flags,
        "level_only_edits": s.level_only_edits,
    }


# ---------------------------------------------------------------- shared by the renderers

ONLY_STATUSES: dict[str, tuple[str, ...]] = {
    "changed": ("modified", "merged", "split", "moved"),
    "dropped": ("dropped",),
    "added": ("added",),
}


def select(alignments: list[Alignment], only: Optional[str]) -> list[Alignment]:
    """The entries ``--only changed|dropped|added`` keeps (all when ``only`` is None)."""
    if only is None:
        return list(alignments)
    keep = ONLY_STATUSES[only]
    return [a for a in alignments if a.status in keep]


def clause_label(doc: Document, index: Optional[int]) -> str:
    """``五、/（十七） 深入推进排污许可与碳排放协同管理`` (a label heading shows as ``指导思想：``)."""
    if index is None:
        return "—"
    clause = doc.clauses[index]
    number = clause.key if clause.number is not None else clause.path[-1] + "："
    return f"{number} {clause.title}".strip() if clause.number is not None else number


def moved_sentence_notes(diff: DocumentDiff, a: Alignment) -> list[str]:
    """One line per sentence of the entry found in another clause: where it went, or where it came from."""
    notes: list[str] = []
    for link in a.sentences:
        if link.elsewhere is None:
            continue
        clause, sentence = link.elsewhere
        if link.child is None and link.parent is not None:
            notes.append(f"parent sentence {link.parent + 1} moved to {clause_label(diff.child, clause)} (sentence {sentence + 1}, {link.similarity:.0%} alike)")
        elif link.child is not None:
            notes.append(f"child sentence {link.child + 1} comes from {clause_label(diff.parent, clause)} (sentence {sentence + 1}, {link.similarity:.0%} alike)")
    return notes


# The character a plan writes before its own level's names (全省, 省发展改革委), by the end of its
# region's name (河北省, 广西壮族自治区 -> 全区, 石家庄市, 大足区, 兰考县, 锡林郭勒盟, 达拉特旗).
LEVEL_CHARS = "省市区县州盟旗"


def level_example(parent: Document, child: Document) -> str:
    """What a level-only edit of this pair looks like: 全国→全省, 国家X→省X (national → province)."""
    def char(doc: Document) -> Optional[str]:
        if doc.level == "national":
            return "国"
        last = (doc.region or "")[-1:]
        return last if last and last in LEVEL_CHARS else None

    p, c = char(parent), char(child)
    if p is None or c is None or p == c:
        return "全市→全区, 市X→区X"
    return f"全{p}→全{c}, {'国家' if p == '国' else p}X→{'国家' if c == '国' else c}X"


def summary_rows(diff: DocumentDiff) -> list[tuple[str, str]]:
    """(label, value) rows of the summary, the same in every format."""
    s = summary_to_dict(diff.summary)

    def counts(d: dict[str, int], order: tuple[str, ...]) -> str:
        return " · ".join(f"{k.replace('_', ' ')} {d[k]}" for k in order if d.get(k))

    statuses = ("identical", "modified", "merged", "split", "moved", "dropped", "added")
    h = s["headings"]
    return [
        ("child", f"{diff.child.title or diff.child.id} ({diff.child.id})"),
        ("parent", f"{diff.parent.title or diff.parent.id} ({diff.parent.id}, found by {diff.found_by})"),
        ("parent clauses", f"{s['parent_clauses']}: kept {s['kept']} · modified {s['modified']} · dropped {s['dropped']}"),
        ("  by status", counts(s["parent_status"], statuses) or "—"),
        ("child clauses", f"{s['child_clauses']}: added {s['added']}"),
        ("  by status", counts(s["child_status"], statuses) or "—"),
        ("headings", f"parent {counts(h['parent_status'], statuses) or '—'}; child {counts(h['child_status'], statuses) or '—'}"),
        ("copied from parent", f"{s['copied_share']:.1%} of the child's clause text"),
        ("level-only edits", f"{s['level_only_edits']} ({level_example(diff.parent, diff.child)}: shown as equal)"),
        ("targets", " · ".join(f"{k.replace('_', ' ')} {v}" for k, v in diff.summary.targets.items())),
        ("departments", f"mapped {s['departments']['mapped']} · parent only {s['departments']['parent_only']} · child only {s['departments']['child_only']}"),
        ("flags", str(s["flags"])),
    ] + [("warning", w.message) for w in diff.warnings]


CORPUS_COLUMNS = ("child", "parent", "kept", "modified", "dropped", "added", "copied", "stricter", "looser", "depts mapped", "flags")


def corpus_row(diff: DocumentDiff) -> tuple[str, ...]:
    """The summary row of one pair in ``jianwu diff`` without arguments (see CORPUS_COLUMNS)."""
    s = summary_to_dict(diff.summary)
    return (
        diff.child.id,
        diff.parent.id,
        str(s["kept"]),
        str(s["modified"]),
        str(s["dropped"]),
        str(s["added"]),
        f"{s['copied_share']:.1%}",
        str(s["targets"]["stricter"]),
        str(s["targets"]["looser"]),
        str(s["departments"]["mapped"]),
        str(s["flags"]),
    )


def _link_info(e: CorpusEntry) -> dict[str, Any]:
    o = e.outcome
    return {
        "relation": o.relation if o is not None else "parent",
        "confidence": o.confidence if o is not None else 1.0,
        "evidence": dict(o.evidence) if o is not None else {},
    }


def corpus_to_dict(entries: list[CorpusEntry]) -> dict[str, Any]:
    return {
        "schema_version": DIFF_SCHEMA_VERSION,
        "pairs": [
            {
                "child": _doc_info(e.diff.child),
                "parent": _doc_info(e.diff.parent),
                "parent_found_by": e.diff.found_by,
                **_link_info(e),
                "summary": summary_to_dict(e.diff.summary),
            }
            for e in entries
            if e.diff is not None
        ],
        "missing": [
            {
                "child": _doc_info(e.child),
                "cites": e.missing,
                "candidates": list(e.outcome.candidates) if e.outcome is not None else [],
            }
            for e in entries
            if e.diff is None and not e.top
        ],
        "top": [_doc_info(e.child) for e in entries if e.diff is None and e.top],
    }


def corpus_alignments(entries: list[CorpusEntry], only: Optional[str]) -> list[list[dict[str, Any]]]:
    """For each pair of a corpus run (the order of ``corpus_to_dict``'s ``pairs``): its selected clause pairs."""
    return [[alignment_to_dict(e.diff, a) for a in select(e.diff.alignments, only)] for e in entries if e.diff is not None]
