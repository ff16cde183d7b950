"""``jianwu check --format github``: GitHub Actions workflow commands, one per finding.

    ::error file=data/raw/x.txt,line=45,col=129,title=JW011 unbalanced-bracket::message

Escaping follows the runner: in the message ``%`` ``\\r`` ``\\n``; in property
values also ``:`` and ``,``.
"""

from __future__ import annotations

from ..check import CheckRun, Finding

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_line(f: Finding) -> str:
    props = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (("file", f.file.replace("\\", "/")), ("line", str(f.line)), ("col", str(f.column)), ("title", f"{f.rule} {f.name}"))
    )
    # Workflow commands have no page property: a PDF's page goes at the front of the message.
    message = f"page {f.page}: {f.message}" if f.page is not None else f.message
    return f"::{COMMAND[f.severity]} {props}::{escape_data(message)}"


def render_check_github(run: CheckRun) -> str:
    return "".join(github_line(f) + "\n" for f in run.findings)
