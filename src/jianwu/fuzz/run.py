"""The long fuzz run: cases in worker processes, one merged report, minimised reproducers.

Case N of seed S is ``make_case(seeds, S, N)``, whichever worker runs it: the run is the same
cases in the same order for any number of workers, and a reported case can be rebuilt alone.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Optional

from ..model import Document
from .pipeline import LAYOUT_EVERY, Seeds, load_seeds, make_case, run_pipeline

# A case under 100 KB must never take this long (issue 17).
SLOW_SECONDS = 2.0
SLOW_LIMIT_BYTES = 100 * 1024
# Cases per task sent to a worker: large enough that the queue costs nothing, small enough that
# an interrupted run loses little.
CHUNK = 25
# Size classes of the report (upper bounds in KB).
SIZE_CLASSES = (1, 4, 10, 40, 100, 250, 10**9)


@dataclass
class Result:
    """What a worker sends back for one case (the steps only when the main process keeps them)."""

    number: int
    seed_name: str
    shape: str
    size: int
    seconds: float
    outcome: str  # ok, refused or crash
    signature: str = ""
    message: str = ""
    steps: list[str] = field(default_factory=list)


def crash_signature(exc: BaseException) -> str:
    """Exception type and the innermost jianwu frame: one signature per bug, not per input."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "jianwu" in f.filename and "/fuzz/" not in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


def run_case(seeds: Seeds, seed: int, number: int) -> Result:
    case, parent = make_case(seeds, seed, number)
    t0 = time.process_time()  # CPU time: the machine is shared, wall time would measure the others
    signature = message = ""
    try:
        outcome = "refused" if run_pipeline(case.raw, parent, layout=number % LAYOUT_EVERY == 0).startswith("refused") else "ok"
    except Exception as exc:  # noqa: BLE001  (the point: anything but JianwuError)
        outcome, signature, message = "crash", crash_signature(exc), f"{type(exc).__name__}: {exc}"[:300]
    seconds = time.process_time() - t0
    return Result(number, case.seed_name, case.shape, len(case.raw), seconds, outcome, signature, message, case.steps)


_SEEDS: Optional[Seeds] = None


def _init_worker(seeds_dir: Optional[Path]) -> None:
    global _SEEDS
    _SEEDS = load_seeds(seeds_dir)


def _run_chunk(task: tuple[int, int, int]) -> list[Result]:
    seed, first, last = task
    assert _SEEDS is not None
    results = [run_case(_SEEDS, seed, n) for n in range(first, last)]
    for r in results:  # the steps only travel back for the cases the report may show
        if r.outcome != "crash" and r.seconds < 0.5:
            r.steps = []
    return results


def _results(cases: int, seed: int, workers: int, seeds_dir: Optional[Path]) -> Iterator[Result]:
    tasks = [(seed, first, min(first + CHUNK, cases)) for first in range(0, cases, CHUNK)]
    if workers <= 1:
        _init_worker(seeds_dir)
        for task in tasks:
            yield from _run_chunk(task)
        return
    # fork: the workers start from this process's imports; each parses the seeds once.
    with multiprocessing.get_context("fork").Pool(workers, _init_worker, (seeds_dir,)) as pool:
        for chunk in pool.imap(_run_chunk, tasks):  # in case order: the first N done are cases 0..N-1
            yield from chunk


def _fails_alike(raw: bytes, parent: Optional[Document], signature: str) -> bool:
    try:
        run_pipeline(raw, parent)
    except Exception as exc:  # noqa: BLE001
        return crash_signature(exc) == signature
    return False


def minimise(raw: bytes, parent: Optional[Document], signature: str, budget: int = 400) -> bytes:
    """A smaller input that fails with the same signature: delta debugging on lines, then bytes."""
    calls = 0

    def still(candidate: bytes) -> bool:
        nonlocal calls
        calls += 1
        return _fails_alike(candidate, parent, signature)

    for separator in (b"\n", None):
        units: list[bytes] = raw.split(b"\n") if separator else [bytes([b]) for b in raw]
        if separator is None and len(units) > 4000:
            break  # byte-level on a large input would exceed the budget; lines are enough
        join = (lambda parts: b"\n".join(parts)) if separator else (lambda parts: b"".join(parts))
        chunk = max(1, len(units) // 2)
        while chunk >= 1 and calls < budget:
            i, changed = 0, False
            while i < len(units) and calls < budget:
                candidate = units[:i] + units[i + chunk:]
                if candidate and still(join(candidate)):
                    units, changed = candidate, True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
        raw = join(units)
    return raw


@dataclass
class Tally:
    """The merged figures of a run."""

    done: int = 0
    refused: int = 0
    crashes: int = 0
    total_bytes: int = 0
    cpu_seconds: float = 0.0
    first_crash: dict[str, Result] = field(default_factory=dict)  # signature -> lowest case number
    slowest: list[Result] = field(default_factory=list)
    slowest_small: list[Result] = field(default_factory=list)  # the slowest cases under SLOW_LIMIT_BYTES
    slow_small: list[Result] = field(default_factory=list)  # cases under SLOW_LIMIT_BYTES over SLOW_SECONDS
    shapes: dict[str, list[float]] = field(default_factory=dict)  # shape -> [cases, CPU s, bytes, max s]
    sizes: dict[int, list[float]] = field(default_factory=dict)  # size class -> [cases, CPU s, max s]

    def add(self, r: Result, keep: int) -> None:
        self.done += 1
        self.refused += r.outcome == "refused"
        self.total_bytes += r.size
        self.cpu_seconds += r.seconds
        if r.outcome == "crash":
            self.crashes += 1
            self.first_crash.setdefault(r.signature, r)
        if r.size < SLOW_LIMIT_BYTES:
            if r.seconds > SLOW_SECONDS:
                self.slow_small.append(r)
            self.slowest_small = _keep_slowest(self.slowest_small, r, keep)
        self.slowest = _keep_slowest(self.slowest, r, keep)
        shape = self.shapes.setdefault(r.shape, [0, 0.0, 0, 0.0])
        shape[0] += 1
        shape[1] += r.seconds
        shape[2] += r.size
        shape[3] = max(shape[3], r.seconds)
        bound = next(b for b in SIZE_CLASSES if r.size < b * 1024)
        size = self.sizes.setdefault(bound, [0, 0.0, 0.0])
        size[0] += 1
        size[1] += r.seconds
        size[2] = max(size[2], r.seconds)


def _keep_slowest(kept: list[Result], r: Result, keep: int) -> list[Result]:
    """``kept`` with ``r``, cut back to the ``keep`` slowest now and then (ties: the lower case number)."""
    kept.append(r)
    return sorted(kept, key=lambda t: (-t.seconds, t.number))[:keep] if len(kept) > 4 * keep else kept


def long_run(cases: int, seed: int, out: Path, seeds_dir: Optional[Path] = None, progress_every: int = 1000,
             slowest: int = 15, workers: int = 2, max_seconds: float = 0.0) -> int:
    """Run ``cases`` cases in ``workers`` processes; write the report and reproducers under ``out``; 0/1."""
    out.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    started = time.perf_counter()
    stopped = ""
    try:
        for r in _results(cases, seed, workers, seeds_dir):
            tally.add(r, slowest)
            if progress_every and tally.done % progress_every == 0:
                print(f"{tally.done} cases, {time.perf_counter() - started:.0f} s, {tally.crashes} crashes "
                      f"({len(tally.first_crash)} distinct), {tally.refused} refused, {len(tally.slow_small)} slow",
                      file=sys.stderr, flush=True)
            if max_seconds and time.perf_counter() - started > max_seconds:
                stopped = f"stopped by --max-seconds {max_seconds:.0f} after {tally.done} cases"
                break
    except KeyboardInterrupt:
        stopped = f"interrupted after {tally.done} cases"
    if stopped:
        print(stopped, file=sys.stderr)
    elapsed = time.perf_counter() - started
    crashes = sorted(tally.first_crash.values(), key=lambda r: r.number)
    seeds = load_seeds(seeds_dir) if crashes else None
    reproducers = []
    for r in crashes:
        assert seeds is not None
        case, parent = make_case(seeds, seed, r.number)
        reproducers.append(minimise(case.raw, parent, r.signature))
    report = _report(tally, seed, workers, elapsed, crashes, reproducers, slowest, stopped)
    (out / "report.md").write_text(report, encoding="utf-8")
    for i, raw in enumerate(reproducers, start=1):
        (out / f"crash-{i}.bin").write_bytes(raw)
    print(report)
    return 1 if crashes or tally.slow_small else 0


def _report(t: Tally, seed: int, workers: int, elapsed: float, crashes: list[Result], reproducers: list[bytes],
            slowest: int, stopped: str) -> str:
    lines = [
        "# jianwu fuzz report",
        "",
        f"- cases: {t.done} (cases 0–{t.done - 1} of seed {seed}; case N is `make_case(seeds, {seed}, N)`)"
        + (f"; {stopped}" if stopped else ""),
        f"- time: {elapsed:.0f} s wall in {workers} worker(s), {t.cpu_seconds:.0f} s CPU "
        f"({t.cpu_seconds / max(t.done, 1) * 1000:.1f} ms CPU per case), {t.total_bytes / 1024 / 1024:.1f} MB of input",
        f"- refused with one line (JianwuError): {t.refused}",
        f"- crashes (any other exception: `internal error`, a wrong exit status): {t.crashes} ({len(crashes)} distinct)",
        f"- cases under {SLOW_LIMIT_BYTES // 1024} KB slower than {SLOW_SECONDS:.0f} s of CPU time: {len(t.slow_small)}",
        "",
        "| shape | cases | share | mean KB | mean ms CPU | max s CPU |",
        "|---|---|---|---|---|---|",
    ]
    for shape in ("window", "whole", "large"):
        n, cpu, size, worst = t.shapes.get(shape, [0, 0.0, 0, 0.0])
        if n:
            lines.append(f"| {shape} | {n} | {n / t.done:.1%} | {size / n / 1024:.1f} | {cpu / n * 1000:.1f} | {worst:.2f} |")
    lines += ["", "| size | cases | mean ms CPU | max s CPU |", "|---|---|---|---|"]
    lower = 0
    for bound in SIZE_CLASSES:
        n, cpu, worst = t.sizes.get(bound, [0, 0.0, 0.0])
        label = f"≥ {lower} KB" if bound == SIZE_CLASSES[-1] else f"{lower}–{bound} KB"
        lower = bound
        if n:
            lines.append(f"| {label} | {n} | {cpu / n * 1000:.1f} | {worst:.2f} |")
    lines.append("")
    for i, (crash, raw) in enumerate(zip(crashes, reproducers), start=1):
        lines += [f"## crash {i}: {crash.signature}", "", f"- {crash.message}",
                  f"- case {crash.number} from {crash.seed_name}: {'; '.join(crash.steps)}",
                  f"- minimised reproducer: crash-{i}.bin ({len(raw)} bytes): `{raw[:200]!r}`", ""]
    if t.slow_small:
        lines += [f"## cases under {SLOW_LIMIT_BYTES // 1024} KB slower than {SLOW_SECONDS:.0f} s", "",
                  ", ".join(f"case {r.number} ({r.size / 1024:.0f} KB, {r.seconds:.2f} s)" for r in t.slow_small[:200]), ""]
    lines += _slowest_table("slowest cases", t.slowest, slowest)
    lines += [""] + _slowest_table(f"slowest cases under {SLOW_LIMIT_BYTES // 1024} KB", t.slowest_small, slowest)
    return "\n".join(lines) + "\n"


def _slowest_table(title: str, results: list[Result], count: int) -> list[str]:
    lines = [f"## {title}", "", "| case | seed | shape | KB | CPU seconds | ms/KB | mutations |", "|---|---|---|---|---|---|---|"]
    for r in sorted(results, key=lambda x: (-x.seconds, x.number))[:count]:
        ms_per_kb = r.seconds * 1000 / max(r.size / 1024, 0.001)
        lines.append(f"| {r.number} | {r.seed_name} | {r.shape} | {r.size / 1024:.0f} | {r.seconds:.2f} | {ms_per_kb:.2f} | "
                     f"{'; '.join(r.steps)[:160]} |")
    return lines
