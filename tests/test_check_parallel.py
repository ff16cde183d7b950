"""check/parents: the parent search's missing profiles made in worker processes give the same
profiles, parent and findings as made one by one; a file whose worker dies is passed over like an
unreadable one; a directory too small to pay for a pool gets none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jianwu.check import parents
from jianwu.check.parents import PARALLEL_MIN_BYTES, ParentFinder
from jianwu.corpus import pool

from conftest import RAW, ROOT

# Handan cites Hebei; the others are the national 意见's children and a sibling family's plans.
PLANS = ["handan-lvse", "hebei-lvse", "national-lvse", "jilin-lvse", "hainan-lvse", "gansu-chengxiang", "jiangsu-lvhua"]


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "plans"
    where.mkdir()
    for name in PLANS:
        shutil.copy(RAW / "corpus" / f"{name}.pdf", where / f"{name}.pdf")
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(tmp_path / "cache"))
    return where


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of files each pool the search started was given."""
    started: list[int] = []
    real = pool.run_isolated

    def spy(fn: Any, items: Any, jobs: int, on_result: Any, on_crash: Any) -> None:
        items = list(items)
        started.append(len(items))
        real(fn, items, jobs, on_result, on_crash)

    monkeypatch.setattr(pool, "run_isolated", spy)
    return started


def _search(directory: Path, jobs: int) -> list[tuple[str, Any]]:
    return [(path.name, profile) for path, profile in ParentFinder(jobs).corpus(directory)]


def test_profiles_made_in_workers_are_those_made_one_by_one(plans: Path, pools: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert sum((plans / f"{n}.pdf").stat().st_size for n in PLANS) >= PARALLEL_MIN_BYTES
    by_workers = _search(plans, jobs=2)
    assert pools == [len(PLANS) - 1]  # the first made here, before the workers are forked
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(tmp_path / "another cache"))
    one_by_one = _search(plans, jobs=1)
    assert pools == [len(PLANS) - 1]  # no second pool
    assert by_workers == one_by_one
    assert [name for name, _ in by_workers] == sorted(f"{n}.pdf" for n in PLANS)
    # The workers' profiles were stored: the next search looks them up and starts no pool.
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(tmp_path / "cache"))
    assert _search(plans, jobs=2) == by_workers
    assert pools == [len(PLANS) - 1]


REAL_TASK = parents.profile_task


def dies_on_jilin(path: str) -> Any:
    """``profile_task``, but the worker process dies on Jilin's plan (as a crashing reader library would)."""
    if path.endswith("jilin-lvse.pdf"):
        os._exit(70)
    return REAL_TASK(path)


def test_a_file_whose_worker_dies_is_passed_over(plans: Path, pools: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parents, "profile_task", dies_on_jilin)
    names = [name for name, _ in _search(plans, jobs=2)]
    assert pools == [len(PLANS) - 1]  # (Jilin's is not the first, made in this process)
    assert names == sorted(f"{n}.pdf" for n in PLANS if n != "jilin-lvse")


def test_a_small_directory_starts_no_pool(tmp_path: Path, pools: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    where = tmp_path / "seeds"
    where.mkdir()
    for seed in ("chongqing-jianwu-2023", "gaoxin-jianwu-2023", "shapingba-jianwu-2023"):
        shutil.copy(RAW / f"{seed}.txt", where / f"{seed}.txt")
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(tmp_path / "cache"))
    assert len(_search(where, jobs=2)) == 3
    assert pools == []


def test_check_reports_the_same_with_and_without_workers(plans: Path, tmp_path: Path) -> None:
    def check(jobs: int, cache: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "JIANWU_CACHE_DIR": str(tmp_path / cache)}
        argv = [sys.executable, "-m", "jianwu", "check", str(plans / "handan-lvse.pdf"), "--format", "json", "--jobs", str(jobs)]
        return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)

    one, two = check(1, "c1"), check(2, "c2")
    assert (one.returncode, one.stderr) == (two.returncode, two.stderr) == (0, "")
    assert one.stdout == two.stdout
    assert '"JW041"' in one.stdout  # the parent (Hebei) was found and compared: its weakened targets


def test_plans_the_run_checks_are_not_profiled_in_workers(plans: Path, pools: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Checked, a plan is parsed whole in this process: a worker reading it too would read it twice.
    from jianwu.check.runner import check_paths

    whole = check_paths([plans], jobs=2)  # every plan of the directory checked (an empty cache)
    assert pools == []
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(tmp_path / "another cache"))
    alone = check_paths([plans / "handan-lvse.pdf"], jobs=2)
    assert pools == [len(PLANS) - 2]  # the others but the first, made here before the pool
    assert [f for f in whole.findings if f.file.endswith("handan-lvse.pdf")] == alone.findings
