"""``jianwu check --format sarif``: SARIF 2.1.0 for code-scanning tools.

Columns are counted in characters (``columnKind: unicodeCodePoints``), as in
every other format; paths stay relative so code scanning maps them onto the
repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import __version__
from ..check import CheckRun, Finding, Rule
from ..check.config import CheckConfig
from ..serialize import dumps

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(file: str) -> str:
    path = Path(file)
    return path.as_uri() if path.is_absolute() else path.as_posix()


def _rule(rule: Rule, config: CheckConfig) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.summary},
        "help": {"text": rule.help},
        "defaultConfiguration": {"level": LEVEL[config.severity_of(rule)]},
        "properties": {"group": rule.group},
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {
        "physicalLocation": {"artifactLocation": {"uri": _uri(f.file)}, "region": {"startLine": f.line, "startColumn": f.column}}
    }
    result: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [location],
    }
    if f.page is not None:
        # A PDF: lines are the reader's lines of the text layer; the page locates them for a person.
        location["logicalLocations"] = [{"name": f"page {f.page}", "kind": "page"}]
        result["properties"] = {"page": f.page}
    return result


def check_to_sarif(run: CheckRun, config: CheckConfig) -> dict[str, Any]:
    rules = config.rules()
    index = {r.id: i for i, r in enumerate(rules)}
    results = [_result(f, index) for f in run.findings]
    invocation: dict[str, Any] = {"executionSuccessful": not run.errors}
    if run.errors:
        invocation["toolExecutionNotifications"] = [{"level": "error", "message": {"text": e}} for e in run.errors]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "jianwu", "version": __version__, "rules": [_rule(r, config) for r in rules]}},
                "columnKind": "unicodeCodePoints",
                "invocations": [invocation],
                "results": results,
            }
        ],
    }


def render_check_sarif(run: CheckRun, config: CheckConfig) -> str:
    return dumps(check_to_sarif(run, config))
