"""Start-up: wall time of one ``jianwu`` command on one file, next to ``python -c "import typer"``.

Run:  python bench/bench_startup.py [--repeat N] [--module] [FILE ...]

``--module`` runs ``python -m jianwu`` instead of the ``jianwu`` script, so that another
checkout can be timed the same way: ``PYTHONPATH=../main/src python bench/bench_startup.py --module``.

Each command runs as a fresh process (what a shell, a pre-commit hook or CI pays);
the best of N runs of each is taken, the commands interleaved so that a busy
moment of the machine falls on all of them alike.  The ratio to ``import typer``
(the floor of any Typer tool) is what compares across machines.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time

DEFAULT_FILES = ("data/raw/shapingba-jianwu-2023.txt", "data/raw/corpus/handan-lvse.pdf")


def wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=list(DEFAULT_FILES))
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--module", action="store_true", help="run python -m jianwu (whatever jianwu PYTHONPATH gives)")
    args = parser.parse_args()
    jianwu = [sys.executable, "-m", "jianwu"] if args.module else [shutil.which("jianwu") or "jianwu"]
    commands: dict[str, list[str]] = {"python -c 'import typer'": [sys.executable, "-c", "import typer"]}
    for f in args.files:
        commands[f"jianwu parse {f}"] = [*jianwu, "parse", f]
        commands[f"jianwu check {f}"] = [*jianwu, "check", f]
    for argv in commands.values():
        wall(argv)  # warm the file cache
    best = {name: float("inf") for name in commands}
    for _ in range(args.repeat):
        for name, argv in commands.items():
            best[name] = min(best[name], wall(argv))
    base = best["python -c 'import typer'"]
    print(f"best of {args.repeat} wall-clock runs each")
    for name, seconds in best.items():
        print(f"{name:<58}{seconds * 1000:8.0f} ms  {seconds / base:5.2f} x")


if __name__ == "__main__":
    main()
