"""The console script (``cli.run``) ends the process with ``os._exit`` once ``main`` is done:
everything ``main`` printed arrives, the exit handlers run, the exit code is ``main``'s."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from clirun import invoke

ROOT = Path(__file__).resolve().parents[1]
SEED = "data/raw/shapingba-jianwu-2023.txt"


def script(*args: str, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "JIANWU_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=ROOT, capture_output=True, env=env, timeout=120)


def test_a_long_output_through_a_pipe_arrives_whole(tmp_path: Path) -> None:
    done = script("parse", "data/raw", "-f", "jsonl", cache=tmp_path / "cache")
    in_process = invoke("parse", "data/raw", "-f", "jsonl")
    assert (done.returncode, done.stderr) == (in_process.code, in_process.stderr.encode()) == (0, b"")
    assert done.stdout.decode("utf-8") == in_process.stdout and len(done.stdout) > 1_000_000


def test_the_exit_handlers_run_the_caches_are_written(tmp_path: Path) -> None:
    # The compiled patterns, among others, are written by exit handlers (patterns._save): the
    # script leaves the cache files a usual exit of main leaves.
    assert script("parse", SEED, cache=tmp_path / "fast").returncode == 0
    env = {**os.environ, "JIANWU_CACHE_DIR": str(tmp_path / "usual")}
    usual = subprocess.run([sys.executable, "-c", f"from jianwu.cli import main; main(['parse', {SEED!r}])"],
                           cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert usual.returncode == 0
    names = sorted(p.name for p in (tmp_path / "fast").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "usual").iterdir())
    assert sum(n.startswith("patterns-") for n in names) == 2  # regex's and re's


def test_the_exit_codes_and_stderr_are_mains(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    for args in (["parse", SEED], ["parse", str(tmp_path / "empty.txt")], ["check", SEED, "--fail-on", "warning"], ["parse", "--bogus"]):
        done = script(*args, cache=tmp_path / "cache")
        in_process = invoke(*args)
        assert (done.returncode, done.stderr.decode()) == (in_process.code, in_process.stderr), args
    assert [invoke(*a).code for a in (["parse", SEED], ["parse", str(tmp_path / "empty.txt")], ["check", SEED, "--fail-on", "warning"])] == [0, 2, 1]


def test_a_thread_still_running_is_waited_for(tmp_path: Path) -> None:
    # Not one of jianwu's (it starts daemon threads only), but a plug-in's or a caller's: the
    # usual exit, which joins it.
    done_file = tmp_path / "done"
    code = (
        "import threading, time, jianwu.cli as cli\n"
        "def work():\n"
        "    time.sleep(0.3)\n"
        f"    open({str(done_file)!r}, 'w').write('done')\n"
        "def main():\n"
        "    threading.Thread(target=work).start()\n"
        "    raise SystemExit(3)\n"
        "cli.main = main\n"
        "cli.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60)
    assert (done.returncode, done.stderr) == (3, b"")
    assert done_file.read_text() == "done"


def test_the_console_entry_and_the_cli_set_one_collector_threshold() -> None:
    # The console script sets the collector before importing the CLI; cli.run sets the same.
    from jianwu import cli, console

    assert console.GC_YOUNG_OBJECTS == cli.GC_YOUNG_OBJECTS
    done = subprocess.run([sys.executable, "-c", "import gc, jianwu.cli; print(gc.get_threshold()[0])"],
                          cwd=ROOT, capture_output=True, timeout=60)
    assert done.stdout.decode().strip() == str(gc.get_threshold()[0])  # importing the CLI leaves it alone
