"""The terminal: tables fit the width (CJK counted double), pipes never hard-wrapped, help and version, options refused."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from typer.testing import CliRunner

from jianwu import parse_document
from jianwu.cli import app
from jianwu.render.departments import matrix_table, responsibility_matrix
from jianwu.render.fit import column_blocks, fit, natural_width

from conftest import RAW, SEED_CORPUS

runner = CliRunner()
GAOXIN, CHONGQING, SHAPINGBA = (str(RAW / f"{n}-jianwu-2023.txt") for n in ("gaoxin", "chongqing", "shapingba"))


def rendered_lines(tables: list, width: int) -> list[str]:  # type: ignore[type-arg]
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    for t in tables:
        console.print(t)
    return buffer.getvalue().splitlines()


@pytest.mark.parametrize("width", [60, 100, 140])
def test_department_matrix_split_into_column_blocks_that_fit(width: int) -> None:
    table = matrix_table(responsibility_matrix(parse_document(RAW / "gaoxin-jianwu-2023.txt"), "name"))
    assert natural_width(table) > 140  # 22 columns: too wide for any of these terminals
    blocks = fit(table, width, matrix_keep=1)
    assert len(blocks) > 1
    lines = rendered_lines(blocks, width)
    assert max(cell_len(line) for line in lines) <= width
    # every block repeats the department column, and every clause column appears exactly once
    headers = [[str(c.header) for c in b.columns] for b in blocks]
    assert all(h[0] == "department" for h in headers)
    data = [h for block in headers for h in block[1:]]
    assert data == [str(c.header) for c in table.columns[1:]]
    # no cell is cut: 生态环境局 leads off every block in full
    assert sum("生态环境局" in line for line in lines) == len(blocks)


def test_column_blocks_keep_a_narrow_table_whole() -> None:
    table = matrix_table(responsibility_matrix(parse_document(RAW / "gaoxin-jianwu-2023.txt"), "name"))
    assert column_blocks(table, 1, 10_000) == [table]


def terminal(*args: str, columns: int = 100) -> subprocess.CompletedProcess[str]:
    """jianwu as a user runs it in a terminal ``columns`` wide (rich honours TTY_COMPATIBLE)."""
    env = {**os.environ, "TTY_COMPATIBLE": "1", "COLUMNS": str(columns), "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "jianwu", *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)


def visible_width(line: str) -> int:
    import re

    return cell_len(re.sub(r"\x1b\[[0-9;]*m", "", line))


@pytest.mark.parametrize(
    "args",
    [
        ("departments", GAOXIN),
        ("diff", "--corpus", str(SEED_CORPUS)),
        ("diff", SHAPINGBA, CHONGQING, "--side-by-side"),
    ],
    ids=["departments", "diff-corpus", "side-by-side"],
)
def test_output_fits_a_100_column_terminal(args: tuple[str, ...]) -> None:
    result = terminal(*args)
    assert result.returncode == 0, result.stderr
    assert max(visible_width(line) for line in result.stdout.splitlines()) <= 100


def test_side_by_side_wraps_both_columns_in_full() -> None:
    result = terminal("diff", SHAPINGBA, CHONGQING, "--side-by-side", "--only", "changed")
    assert "…" not in result.stdout.replace("…80…", "")
    # the whole of a long clause is there, folded over lines (join the right column's pieces)
    text = "".join(line.split("│")[2].strip() for line in result.stdout.splitlines() if line.count("│") == 3)
    assert "应对气候变化" in text


def test_piped_output_is_never_hard_wrapped() -> None:
    """Through a pipe, a clause stays on one line: grep finds 到2025年 and 区发展改革委 whole."""
    result = subprocess.run([sys.executable, "-m", "jianwu", "diff", SHAPINGBA, CHONGQING], capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    # the summary panel and tables are as wide as they need; a clause's inline diff is one line
    assert max(visible_width(line) for line in lines) > 240
    assert not any(line.endswith(("到2", "区发展改")) for line in lines)
    assert any("区发展改革委" in line and "按职责分工负责" in line for line in lines)


def test_table_to_a_pipe_is_as_wide_as_it_needs() -> None:
    result = subprocess.run([sys.executable, "-m", "jianwu", "departments", GAOXIN], capture_output=True, text=True, encoding="utf-8", timeout=120)
    widths = {visible_width(line) for line in result.stdout.splitlines() if line.strip()}
    assert max(widths) > 140  # one table, not column blocks


def test_version_and_short_help() -> None:
    version = runner.invoke(app, ["--version"])
    assert (version.exit_code, version.stdout) == (0, "jianwu 0.1.0\n")
    short = runner.invoke(app, ["-h"])
    assert short.exit_code == 0 and "Commands:" in short.stdout
    assert runner.invoke(app, ["diff", "-h"]).stdout == runner.invoke(app, ["diff", "--help"]).stdout


def test_command_summaries_are_complete() -> None:
    help_text = subprocess.run([sys.executable, "-m", "jianwu", "--help"], capture_output=True, text=True, env={**os.environ, "COLUMNS": "100"}).stdout
    commands = help_text.split("Commands:")[1].splitlines()
    assert commands and not any(line.rstrip().endswith("...") or line.rstrip().endswith("…") for line in commands)
    assert "  diff         Compare a plan with its parent, or every plan of a corpus." in commands


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([SHAPINGBA, CHONGQING, "--format", "json", "--side-by-side"], "jianwu: --side-by-side is for terminal and markdown output; json has no columns to choose\n"),
        ([SHAPINGBA, CHONGQING, "--format", "html", "--side-by-side"], "jianwu: --side-by-side is for terminal and markdown output; html has no columns to choose\n"),
    ],
)
def test_options_that_do_not_fit_are_refused(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["diff", *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


def test_only_in_corpus_mode() -> None:
    data = json.loads(runner.invoke(app, ["diff", "--corpus", str(SEED_CORPUS), "--format", "json", "--only", "dropped"]).stdout)
    by_child = {p["child"]["id"]: p["alignments"] for p in data["pairs"]}
    assert set(by_child) == {"gaoxin-jianwu-2023", "shapingba-jianwu-2023"}
    assert all(a["status"] == "dropped" for pairs in by_child.values() for a in pairs)
    assert len(by_child["gaoxin-jianwu-2023"]) == 6
    text = runner.invoke(app, ["diff", "--corpus", str(SEED_CORPUS), "--only", "dropped"]).stdout
    assert "gaoxin-jianwu-2023 ← chongqing-jianwu-2023: dropped" in text
    markdown = runner.invoke(app, ["diff", "--corpus", str(SEED_CORPUS), "--format", "markdown", "--only", "added"]).stdout
    assert "## shapingba-jianwu-2023 ← chongqing-jianwu-2023: added" in markdown


def test_corpus_html_needs_a_directory(tmp_path: Path) -> None:
    existing = tmp_path / "report.html"
    existing.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["diff", "--corpus", str(SEED_CORPUS), "--format", "html", "-o", str(existing)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"jianwu: {existing}: the corpus HTML report is a directory of pages; give -o DIR\n"
