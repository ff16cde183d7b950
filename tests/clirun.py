"""Run the real entry point ``jianwu.cli.main`` in-process: exit code, stdout and stderr apart.

Unlike ``CliRunner.invoke(app, …)`` this goes through ``main()``, where usage
errors, broken pipes and internal failures get their one line and exit code;
unlike a subprocess it costs no interpreter start-up, so tables of many bad
inputs stay fast.  ``run_with_cache`` is the subprocess, for the cache tests: a process
that finds what an earlier one left in the cache directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from typer.testing import CliRunner

from jianwu.cli import main

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str


def invoke(*args: str, input: Optional[Union[str, bytes]] = None) -> Run:
    runner = CliRunner()
    with runner.isolation(input=input) as streams:
        out, err = streams[0], streams[1]
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    return Run(code, stdout, stderr)


def run_with_cache(cache: Path, *args: str, switch: str = "") -> subprocess.CompletedProcess[bytes]:
    """``python -m jianwu ARGS`` in a fresh process with the cache directory ``cache``
    (``switch``: ``JIANWU_CACHE``, e.g. "off"): what a run after another finds there."""
    env = {**os.environ, "JIANWU_CACHE_DIR": str(cache), "JIANWU_CACHE": switch}
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=ROOT, capture_output=True, env=env)
