"""Index synthetic corpora of growing size; re-index them unchanged; cover the big parent.

    nice python bench/bench_corpus.py --sizes 250 1000 [--jobs 2] [--keep DIR]

For each size N a corpus of N/FAMILY families (each a parent and FAMILY-1
children, built by ``make_corpus.py`` from the seeds; ``--family N`` makes one
family of N documents) is written to a temporary directory and indexed
by ``jianwu.index`` in a fresh process (so peak memory is that run's own).
Reported per size: wall time, documents per second, CPU seconds (main process and
workers: on a shared machine the wall time includes waiting for a core), peak RSS
of the main process and of the largest worker, wall and CPU time per document,
the wall time of the step phases, a second ``index`` of the unchanged corpus (and
its share of the first), ``coverage`` of the first family's parent against its
children, and
the links found against the known families (right / wrong / missing).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its (finished) worker processes."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def one(size: int, jobs: int | None, keep: Path | None, family: int) -> dict[str, object]:
    sys.path.insert(0, str(HERE))
    from make_corpus import make_corpus

    import jianwu

    tmp = Path(tempfile.mkdtemp(prefix=f"jianwu-bench-{size}-", dir=keep))
    corpus, db = tmp / "corpus", tmp / "corpus.sqlite"
    families = max(1, size // family)
    known = dict(make_corpus(corpus, families=families, children=size // families - 1, seed=size))
    load0 = os.getloadavg()[0]
    (main0, kids0), t0 = cpu(), time.monotonic()
    first = jianwu.index([corpus], db, jobs=jobs)
    wall = time.monotonic() - t0
    main1, kids1 = cpu()
    main_cpu, worker_cpu = main1 - main0, kids1 - kids0
    cpu_s = main_cpu + worker_cpu
    peak_main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    load1 = os.getloadavg()[0]
    t1, c1 = time.monotonic(), sum(cpu())
    again = jianwu.index([corpus], db, jobs=jobs)
    rewall, recpu = time.monotonic() - t1, sum(cpu()) - c1
    t2, c2 = time.monotonic(), sum(cpu())
    cov = jianwu.coverage("f000-parent", db)
    cov_wall, cov_cpu = time.monotonic() - t2, sum(cpu()) - c2
    import sqlite3

    conn = sqlite3.connect(db)
    links = dict(conn.execute("SELECT child_id, parent_id FROM links").fetchall())
    conn.close()
    right = sum(1 for c, p in known.items() if links.get(c) == p)
    wrong = sum(1 for c, p in links.items() if known.get(c) != p)
    return {
        "documents": first.documents,
        "failed": len(first.failed),
        "wall_s": round(wall, 1),
        "docs_per_s": round(first.documents / wall, 1),
        "cpu_s": round(cpu_s, 1),
        "cpu_main_s": round(main_cpu, 1),
        "cpu_workers_s": round(worker_cpu, 1),
        "load_avg_start_end": [round(load0, 1), round(load1, 1)],
        "ms_per_doc_wall": round(1000 * wall / first.documents, 1),
        "ms_per_doc_cpu": round(1000 * cpu_s / first.documents, 1),
        "peak_main_mb": round(peak_main),
        "peak_worker_mb": round(peak_worker),
        "phases_s": {k: round(v, 1) for k, v in first.phases.items()},
        "reindex_s": round(rewall, 2),
        "reindex_cpu_s": round(recpu, 2),
        "reindex_share": round(rewall / wall, 4),
        "reindex_parsed": again.parsed,
        "coverage_s": round(cov_wall, 2),
        "coverage_cpu_s": round(cov_cpu, 2),
        "coverage_columns": len(cov.children),
        "coverage_rows": len(cov.rows),
        "links_right": right,
        "links_wrong": wrong,
        "links_missing": len(known) - right,
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "dir": str(tmp),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[250, 1000])
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="write the corpora and databases under DIR (default: a temporary directory)")
    ap.add_argument("--family", type=int, default=50, help="documents per family (a parent and FAMILY-1 children; default 50)")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.jobs, args.keep, args.family)))
        return
    results = {}
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size), "--family", str(args.family)] + (["--jobs", str(args.jobs)] if args.jobs else []) + (["--keep", str(args.keep)] if args.keep else [])
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results[size] = json.loads(proc.stdout.strip().splitlines()[-1])
        print(size, json.dumps(results[size], ensure_ascii=False), flush=True)
    sizes = sorted(results)
    if len(sizes) > 1:
        small, big = results[sizes[0]], results[sizes[-1]]
        print(f"time per document, {sizes[-1]} vs {sizes[0]}: wall ×{big['ms_per_doc_wall'] / small['ms_per_doc_wall']:.2f}, cpu ×{big['ms_per_doc_cpu'] / small['ms_per_doc_cpu']:.2f}")


if __name__ == "__main__":
    main()
