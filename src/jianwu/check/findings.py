"""Findings and the rule registry of ``jianwu check``.

A rule is a function from a ``Context`` (the parsed document, its parent when
one was found, the raw lines) to ``Hit`` s; the runner turns hits into
``Finding`` s with the file, the configured severity and the rule's name.
Rule ids are stable: a retired rule keeps its id unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Literal, Optional

from .context import Context

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
# error > warning > info: a finding fails the run when its rank >= the --fail-on rank.
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Hit:
    """What a rule reports: a message and a raw position (1-based line and column, in characters)."""

    message: str
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)  # no dict per finding: a plan may have one per line
class Finding:
    """One problem a rule found at one place of one file."""

    rule: str  # stable id, e.g. "JW011"
    name: str  # e.g. "unbalanced-bracket"
    severity: Severity
    message: str  # says what to fix
    file: str  # as the user named it (or as git listed it)
    line: int  # raw line, 1-based
    column: int  # characters, 1-based
    page: Optional[int] = None  # page of the line, for a PDF (its raw lines are the PDF's lines)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)


RuleFunc = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A check rule as it is documented, configured and reported (its id and name, severity, SARIF texts)."""

    id: str
    name: str
    severity: Severity  # default; configuration may change it
    summary: str  # one line: what the rule finds (SARIF shortDescription, docs)
    help: str  # how to fix it (SARIF help)
    group: str  # numbering / structure / garbling / content / parent
    check: RuleFunc


RULES: dict[str, Rule] = {}


def rule(id: str, name: str, severity: Severity, group: str, summary: str, help: str) -> Callable[[RuleFunc], RuleFunc]:
    """Register ``func`` as rule ``id``; ids and names must be unique."""

    def register(func: RuleFunc) -> RuleFunc:
        if id in RULES or any(r.name == name for r in RULES.values()):
            raise ValueError(f"duplicate rule {id} {name}")
        RULES[id] = Rule(id, name, severity, summary, help, group, func)
        return func

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, by id (importing the rule modules registers them)."""
    from . import rules_content, rules_garbling, rules_parent, rules_structure  # noqa: F401

    return [RULES[k] for k in sorted(RULES)]
