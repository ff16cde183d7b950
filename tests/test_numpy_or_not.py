"""When a process imports NumPy (numpy_or_not): not for a check of one plan, edited or not; once
the extra cost of plain Python would pass the import's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import RAW, ROOT


def python(code: str, cache: Path) -> list[str]:
    env = {**os.environ, "JIANWU_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, check=True)
    return done.stdout.split()


def test_plain_python_until_its_extra_cost_passes_the_import(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from jianwu import numpy_or_not as n\n"
        "print(n.use_numpy(50), n.use_numpy(30), 'numpy' in sys.modules, n.use_numpy(10), n.use_numpy(1))\n"
    )
    # 50 + 30 <= 85: plain; 10 more would pass it: NumPy from then on (use_numpy itself imports nothing).
    assert python(code, tmp_path) == ["False", "False", "False", "True", "True"]


def test_a_check_of_one_plan_does_not_import_numpy(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("chongqing-jianwu-2023.txt", "gaoxin-jianwu-2023.txt", "shapingba-jianwu-2023.txt"):
        (plans / name).write_bytes((RAW / name).read_bytes())
    child = plans / "shapingba-jianwu-2023.txt"
    code = (
        "import sys\n"
        "from jianwu.check.runner import check_paths\n"
        f"run = check_paths([{str(child)!r}])\n"
        "print(len(run.findings), 'numpy' in sys.modules)\n"
    )
    cold = python(code, tmp_path / "cache")  # three plans profiled and a diff: all cheaper in plain Python than the import
    warm = python(code, tmp_path / "cache")
    child.write_bytes(child.read_bytes() + "\n".encode())
    edited = python(code, tmp_path / "cache")  # its profile and its diff, in plain Python
    assert (cold[1], warm[1], edited[1]) == ("False", "False", "False")
    assert cold[0] == warm[0] == edited[0]
