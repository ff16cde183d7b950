"""``jianwu check --format json``: versioned, documented (``data/check.schema.json``)."""

from __future__ import annotations

from typing import Any

from .. import __version__
from ..check import SEVERITY_RANK, CheckRun, Finding
from ..serialize import dumps

CHECK_SCHEMA_VERSION = "1.0"


def check_to_dict(run: CheckRun, fail_on: str) -> dict[str, Any]:
    counts = {s: sum(1 for f in run.findings if f.severity == s) for s in ("error", "warning", "info")}
    failed = bool(run.errors) or any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[fail_on] for f in run.findings)
    return {
        "schema_version": CHECK_SCHEMA_VERSION,
        "tool": {"name": "jianwu", "version": __version__},
        "fail_on": fail_on,
        "failed": failed,
        "files": list(run.files),
        "unreadable": list(run.errors),
        "summary": {"files": len(run.files), "findings": len(run.findings), "silenced": run.silenced, **counts},
        "findings": [_finding(f) for f in run.findings],
    }


def _finding(f: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": f.rule, "name": f.name, "severity": f.severity, "message": f.message,
                            "file": f.file, "line": f.line, "column": f.column}
    if f.page is not None:
        data["page"] = f.page  # PDFs: the page the line is on
    return data


def render_check_json(run: CheckRun, fail_on: str) -> str:
    return dumps(check_to_dict(run, fail_on))
