"""``python -m jianwu.fuzz``: the long run (see ``jianwu.fuzz``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Optional

from . import __doc__ as DOC
from .run import long_run


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jianwu.fuzz", description=(DOC or "").split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="number of cases (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the run (each case is reproducible from it)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-report"), help="directory for report.md and crash reproducers")
    parser.add_argument("--seeds", type=Path, default=None, help="directory of seed documents (default data/raw)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--max-seconds", type=float, default=0.0, help="stop after this many seconds and report the cases done")
    parser.add_argument("--progress", type=int, default=1000, help="print progress every N cases (0: never)")
    args = parser.parse_args(argv)
    return long_run(args.cases, args.seed, args.out, args.seeds, args.progress, workers=args.workers,
                    max_seconds=args.max_seconds)


if __name__ == "__main__":
    sys.exit(main())
