"""Time of each parse step over the same texts, as multiples of OpenCC t2s on those texts.

Run:  python bench/bench_steps.py [--repeat N] [--pdf] [DIR]

The steps are those of ``jianwu.document.parse_bytes``: reading (decoding; PDF text
extraction with ``--pdf``), normalisation, the clause tree, metadata, departments
and targets.  Each step runs on the previous step's output, kept from one warm-up
parse, so a step's time is its own; the sum is close to a whole parse.  Everything is
measured in one process and run, best of N: the ratios compare across machines,
the milliseconds do not.  With ``--pdf`` the PDFs under DIR (``data/raw/corpus``) are
included (their OpenCC baseline is t2s over their extracted text).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from jianwu.clauses import build_clauses
from jianwu.departments import assign_departments
from jianwu.metadata import extract_metadata
from jianwu.model import Clause
from jianwu.normalize import normalize_source
from jianwu.readers import read_bytes
from jianwu.script import converter
from jianwu.targets import assign_targets
from timing import best_of  # bench/timing.py (the script's own folder is on sys.path)


def body_span(text: str, clauses: list[Clause]) -> tuple[int, int]:
    """Where the clauses start and end, as ``parse_bytes`` gives them to ``extract_metadata``."""
    first = next((c for c in clauses if c.number), clauses[0] if clauses else None)
    body = [c for c in clauses if c.style != "attachment" and not (c.path[0].startswith("附件") and c.depth > 1)]
    return (first.span[0] if first is not None else len(text)), (body[-1].span[1] if body else len(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="data/raw", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also the PDFs under DIR, recursively")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))
    if args.pdf:
        paths += sorted(args.corpus.rglob("*.pdf"))
    raws = [p.read_bytes() for p in paths]
    sources = [read_bytes(raw, str(p)) for raw, p in zip(raws, paths)]
    normalized = [normalize_source(s) for s in sources]
    clauses = [build_clauses(n) for n in normalized]
    bodies = [body_span(n.text, c) for n, c in zip(normalized, clauses)]
    texts = [s.text for s in sources]
    chars = sum(len(t) for t in texts)
    t2s = converter("t2s")
    for n, c in zip(normalized, clauses):  # warm: load tables, compile patterns
        assign_departments(c, n)
        assign_targets(c, n)

    opencc = best_of(args.repeat, lambda: [t2s.convert(t) for t in texts])
    steps = {
        "read": lambda: [read_bytes(raw, str(p), cached=False) for raw, p in zip(raws, paths)],
        "normalize": lambda: [normalize_source(s) for s in sources],
        "clauses": lambda: [build_clauses(n) for n in normalized],
        "metadata": lambda: [extract_metadata(n.text, a, b) for n, (a, b) in zip(normalized, bodies)],
        "departments": lambda: [assign_departments(c, n) for n, c in zip(normalized, clauses)],
        "targets": lambda: [assign_targets(c, n) for n, c in zip(normalized, clauses)],
    }
    times = {name: best_of(args.repeat, fn) for name, fn in steps.items()}
    total = sum(times.values())
    print(f"{len(paths)} documents, {chars:,} characters (best of {args.repeat}); opencc t2s {opencc * 1000:.1f} ms")
    print(f"{'step':<14}{'ms':>9}{'x opencc':>10}{'share':>8}")
    for name, t in times.items():
        print(f"{name:<14}{t * 1000:9.1f}{t / opencc:10.1f}{t / total:8.0%}")
    print(f"{'sum':<14}{total * 1000:9.1f}{total / opencc:10.1f}")


if __name__ == "__main__":
    main()
