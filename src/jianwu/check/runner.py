"""Run the rules over files: parse, find the parent, check, silence, sort."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Sequence, Union

from ..document import iter_document_paths
from ..errors import InputError
from ..model import Document
from ..normalize import CHECK_IGNORE_MARKER
from .config import CheckConfig
from .context import Context, split_raw_lines
from .findings import Finding, Rule
from .parents import ParentFinder

PathLike = Union[str, Path]


@dataclass
class CheckRun:
    """What a ``jianwu check`` run found over all its files, and what it could not read."""

    files: list[str] = field(default_factory=list)  # checked, in order
    findings: list[Finding] = field(default_factory=list)  # sorted
    errors: list[str] = field(default_factory=list)  # one line per unreadable input
    silenced: int = 0  # findings dropped by per-file-ignores or inline markers


def run_checks(paths: Sequence[PathLike], config: Optional[CheckConfig] = None,
               on_error: Optional[Callable[[InputError], None]] = None) -> list[Finding]:
    """Findings for every document under ``paths``, sorted by file, line, column, rule.

    An unreadable document is passed to ``on_error`` (and skipped), or raised
    as ``InputError`` when no ``on_error`` is given.
    """
    return check_paths(paths, config, on_error).findings


def check_paths(paths: Sequence[PathLike], config: Optional[CheckConfig] = None,
                on_error: Optional[Callable[[InputError], None]] = None,
                on_skip: Optional[Callable[[str], None]] = None, jobs: Optional[int] = None) -> CheckRun:
    """Check every document of ``paths``; ``jobs``: worker processes for the parent search's
    uncached profiles (None: one per core, 1: none; see ``parents``)."""
    config = config or CheckConfig()
    rules = config.rules()
    run = CheckRun()
    parents = ParentFinder(jobs, checked=[Path(p) for p in paths])
    seen: set[Path] = set()
    for path, problem in iter_document_paths([Path(p) for p in paths], on_skip=on_skip):
        if problem is None and (config.is_ignored(path) or path.resolve() in seen):
            continue  # ignored, or named twice (a file and its directory)
        try:
            if problem is not None:
                raise problem  # before resolve(): a symbolic link loop cannot be resolved
            seen.add(path.resolve())
            doc, raw_lines = load_for_check(path, parents)
        except InputError as exc:
            run.errors.append(str(exc))
            if on_error is None:
                raise
            on_error(exc)
            continue
        run.files.append(str(path))
        diff = parents.diff_for(doc, path) if any(c.number for c in doc.clauses) and _needs_parent(rules) else None
        ctx = Context(doc, diff.parent if diff is not None else None, raw_lines, diff=diff)
        findings, silenced = check_document(ctx, str(path), rules, config, config.ignored_rules(path))
        run.findings.extend(findings)
        run.silenced += silenced
    run.findings.sort(key=Finding.sort_key)
    return run


def _needs_parent(rules: list[Rule]) -> bool:
    return any(r.group == "parent" for r in rules)


def check_document(ctx: Context, file: str, rules: Iterable[Rule], config: CheckConfig,
                   ignored: frozenset[str] = frozenset()) -> tuple[list[Finding], int]:
    """(findings, number silenced) of one document."""
    markers = inline_markers(ctx.raw_lines)
    findings: list[Finding] = []
    silenced = 0
    for rule in rules:
        for hit in rule.check(ctx):
            if rule.id in ignored or rule.id in markers.get(hit.line, ()):
                silenced += 1
                continue
            findings.append(Finding(rule.id, rule.name, config.severity_of(rule), hit.message, file, hit.line, hit.column,
                                    ctx.doc.page_of_line(hit.line)))
    return sorted(set(findings), key=Finding.sort_key), silenced


def inline_markers(raw_lines: list[str]) -> dict[int, frozenset[str]]:
    """Raw line -> rule ids silenced on it by a ``jianwu: ignore JW0nn`` marker."""
    out: dict[int, frozenset[str]] = {}
    for number, line in enumerate(raw_lines, start=1):
        m = CHECK_IGNORE_MARKER.search(line)
        if m:
            out[number] = frozenset(rid.upper() for rid in m.group("rules").replace("，", " ").replace(",", " ").split())
    return out


def load_for_check(path: Path, parents: Optional[ParentFinder] = None) -> tuple[Document, list[str]]:
    """Parse ``path`` for checking (through the run's cache when given), with its raw lines for columns.

    A readable file without numbered clauses still loads: that is a finding
    (JW010), not an unreadable input.
    """
    doc = (parents or ParentFinder()).document(path)
    return doc, split_raw_lines(doc.normalized.raw)
