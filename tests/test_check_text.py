"""``jianwu check --format text`` off a terminal: the plain report is, byte for byte, what rich
prints there; a row rich would change (a tab, a control code) is left to rich; on a terminal
(or where the environment says there is one) rich styles it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from jianwu.check import CheckConfig, CheckRun, Finding, check_paths
from jianwu.render.check_text import plain_check_text, render_check_text

from conftest import RAW, ROOT


def rich_plain(run: CheckRun, fail_on: str) -> str:
    buffer = io.StringIO()
    render_check_text(run, Console(file=buffer, force_terminal=False, highlight=False, soft_wrap=True), fail_on)
    return buffer.getvalue()


def finding(message: str, page: int | None = None) -> Finding:
    return Finding("JW011", "unbalanced-bracket", "warning", message, "plan.txt", 3, 7, page)


@pytest.fixture(scope="module")
def raw_run() -> CheckRun:
    files = sorted(p for p in RAW.rglob("*") if p.is_file() and p.suffix in (".txt", ".pdf"))
    return check_paths(files, CheckConfig(root=ROOT))


@pytest.mark.parametrize("fail_on", ["error", "info"])
def test_the_plain_report_of_data_raw_is_what_rich_prints(raw_run: CheckRun, fail_on: str) -> None:
    assert len(raw_run.findings) > 50 and any(f.page for f in raw_run.findings)
    assert plain_check_text(raw_run, fail_on) == rich_plain(raw_run, fail_on)


@pytest.mark.parametrize("run", [
    CheckRun(files=["plan.txt"]),
    CheckRun(files=["plan.txt"], findings=[finding("“（”未闭合"), finding("第3页", page=3)], silenced=2),
    CheckRun(files=["plan.txt", "b.txt"], findings=[finding("ESC \x1b[2J and NUL \x00 kept, as rich keeps them")],
             errors=["b.txt: unreadable"]),
])
def test_small_reports(run: CheckRun) -> None:
    assert plain_check_text(run, "warning") == rich_plain(run, "warning")


@pytest.mark.parametrize("changed", ["\t", "\r", "\x07", "\x08", "\x0b", "\x0c"])
def test_what_rich_would_change_is_left_to_rich(changed: str) -> None:
    run = CheckRun(files=["plan.txt"], findings=[finding(f"一{changed}二")])
    assert plain_check_text(run, "error") is None
    assert changed not in rich_plain(run, "error") or changed == "\t"  # rich strips control codes
    assert "\t" not in rich_plain(CheckRun(files=["plan.txt"], findings=[finding("一\t二")]), "error")


def check(*env: tuple[str, str]) -> subprocess.CompletedProcess[bytes]:
    environ = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR")}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "jianwu", "check", str(RAW / "gaoxin-jianwu-2023.txt")],
                          cwd=ROOT, capture_output=True, env=environ)


def test_the_command_prints_the_same_with_and_without_rich() -> None:
    plain = check()
    by_rich = check(("TTY_COMPATIBLE", "0"))  # rich asked, told there is no terminal
    assert (plain.returncode, plain.stdout, plain.stderr) == (by_rich.returncode, by_rich.stdout, by_rich.stderr)
    assert plain.stdout.endswith(b"; failing on error and above\n") and b"\x1b[" not in plain.stdout


def test_a_forced_terminal_gets_styles() -> None:
    styled = check(("FORCE_COLOR", "1"))
    assert b"\x1b[1m" in styled.stdout and styled.returncode == check().returncode
