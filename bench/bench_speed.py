"""Issue 16's speed ratios, side by side, from one run: parse, startup, diff, growth.

Run:  python bench/bench_speed.py [--repeat N] [--max-kb KB]

Every figure is a ratio to a baseline measured in the same run (the absolute
times depend on the machine and on what else runs on it; the ratios much less):

(a) parse    the full parse (normalise, clause tree, metadata, departments,
             targets) of every document of data/raw (the seed .txt files and the
             PDFs of data/raw/corpus/), against OpenCC t2s on the same texts.
             Each file is *read* once beforehand (``readers.read_bytes``: decoding,
             or the PDF reader's text layer, and the bytes' SHA-256, which the
             document carries); what is timed is the parse of what was
             read, and OpenCC converts that same read text.  PDF reading is shown on
             its own line (it is the reader's cost, not the parser's).
(b) startup  wall time of ``jianwu parse FILE`` and ``jianwu check FILE`` in a fresh
             process, against ``python -c "import typer"``; best of N, interleaved; the
             files of ``bench/bench_startup.py`` (a seed plan and a corpus PDF), the
             slower of the two in the summary; ``parse`` twice: read before (a PDF's text
             from the reader cache, ``readers/source_cache.py``) and the file edited before
             each run (as below: never read before, the PDF reader runs); ``check`` three times: with the caches
             off (every plan of the file's directory parsed, every pattern compiled), warm
             (a cache directory of this run's, filled by the first round: nothing parsed),
             and with the file edited before each run (a copy of its directory, the copy
             given one more trailing newline: the file parsed, its parent from the cache).
(c) diff     ``diff_documents`` of every plan of data/raw whose parent is there (the
             seed districts against the Chongqing plan, the provinces and Dalian
             against the national 意见, Handan against Hebei), against a whole-text
             character diff of the same two normalised texts
             (``difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``); twice:
             with NumPy (this process has it: a corpus run's diffs), and in plain Python
             (what a process's first diff runs, ``numpy_or_not``: ``jianwu diff A B``, a check).
(d) growth   parse and check of 10 KB .. ``--max-kb`` of real text (the seeds one after
             another, ``bench/growth.py``), each size in a fresh process: CPU time per
             KB of the largest against the smallest size, and peak memory.

In-process timings (a, c) are CPU time of this process (``time.process_time``), best of
N: the machine is shared, and CPU time is what the work itself costs.  In (a) OpenCC and the parse
take turns, N rounds of five conversions and one parse.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from bench_startup import DEFAULT_FILES as STARTUP_FILES  # the bench scripts' folder is on sys.path
from growth import SIZES_KB, make, measure
from jianwu.diff import diff_documents
from jianwu.document import iter_document_paths, parse_bytes
from jianwu.lineage import analyse
from jianwu.model import Document
from jianwu.readers import SourceText, read_bytes
from jianwu.script import converter

ROOT = Path(__file__).resolve().parent.parent
OPENCC_PER_ROUND = 5  # OpenCC's runs per round of (a): its time is a few milliseconds, the parse's a hundred
RAW = ROOT / "data" / "raw"


def cpu_best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The least CPU time of ``repeat`` runs of ``fn``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def wall_best_of(repeat: int, commands: dict[str, list[str]]) -> dict[str, float]:
    """Best wall time of each command in a fresh process, the commands taking turns."""
    best = {name: float("inf") for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            start = time.perf_counter()
            done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            if done.returncode not in (0, 1):  # check exits 1 on findings; 2 is a failure
                raise SystemExit(f"{' '.join(cmd)}: exit {done.returncode}")
            best[name] = min(best[name], elapsed)
    return best


class _Preread:
    """``read_bytes`` answered from what was read beforehand, so that only the parse is timed."""

    def __init__(self, sources: dict[bytes, SourceText]) -> None:
        self.sources, self.calls = sources, 0

    def __call__(self, raw: bytes, name: str, **options: object) -> SourceText:
        self.calls += 1
        return self.sources[raw]


def bench_parse(repeat: int) -> dict[str, float]:
    import jianwu.document as document

    paths = [p for p, problem in iter_document_paths([RAW]) if problem is None]
    raws = {p: p.read_bytes() for p in paths}
    read_time = cpu_best_of(1, lambda: [read_bytes(raws[p], str(p), cached=False) for p in paths if p.suffix == ".pdf"])
    sources = {raws[p]: read_bytes(raws[p], str(p)) for p in paths}
    texts = [sources[raws[p]].text for p in paths]
    chars = sum(len(t) for t in texts)
    t2s = converter("t2s")
    preread = _Preread(sources)
    original, document.read_bytes = document.read_bytes, preread  # type: ignore[attr-defined]
    try:
        def parse_all() -> None:
            for p in paths:
                parse_bytes(raws[p], name=str(p), path=str(p.relative_to(ROOT)), doc_id=p.stem)

        parse_all()  # warm up: OpenCC dictionaries, compiled patterns, data tables
        if preread.calls != len(paths):
            raise SystemExit("bench_speed: parse_bytes no longer calls document.read_bytes; time the parse another way")
        # Taking turns, as the start-up lines do: a round is OpenCC's conversion (a few milliseconds,
        # so OPENCC_PER_ROUND times) then one whole parse; each figure is its best over the rounds,
        # so that a slow or fast spell of the machine falls on both alike.
        opencc_time = parse_time = float("inf")
        for _ in range(repeat):
            opencc_time = min(opencc_time, cpu_best_of(OPENCC_PER_ROUND, lambda: [t2s.convert(t) for t in texts]))
            parse_time = min(parse_time, cpu_best_of(1, parse_all))
    finally:
        document.read_bytes = original  # type: ignore[attr-defined]
    n_pdf = sum(1 for p in paths if p.suffix == ".pdf")
    print(f"(a) parse: {len(paths)} documents ({len(paths) - n_pdf} text, {n_pdf} PDF), {chars:,} characters read; best of {repeat} rounds taking turns (OpenCC {OPENCC_PER_ROUND} times a round), CPU")
    print(f"    {'opencc t2s':<30}{opencc_time * 1000:9.1f} ms  {chars / opencc_time / 1e6:7.2f} M chars/s")
    print(f"    {'jianwu parse (of the read text)':<30}{parse_time * 1000:9.1f} ms  {chars / parse_time / 1e6:7.2f} M chars/s")
    print(f"    {'reading the PDFs (once)':<30}{read_time * 1000:9.1f} ms  (not in the parse above)")
    return {"parse": parse_time / opencc_time}


def bench_startup(repeat: int) -> dict[str, float]:
    exe = shutil.which("jianwu", path=str(Path(sys.executable).parent)) or shutil.which("jianwu")
    jianwu = [exe] if exe else [sys.executable, "-m", "jianwu"]
    commands = {"import typer": [sys.executable, "-c", "import typer"]}
    # check's profile cache (lineage/profile_cache.py): a directory of this run's, warmed by the
    # first round; "cold" runs with the cache off (every plan of the file's directory parsed).
    os.environ["JIANWU_CACHE_DIR"] = tempfile.mkdtemp(prefix="jianwu-bench-cache-")
    os.environ.pop("JIANWU_CACHE", None)
    # "edited": the pre-commit case, a plan just changed beside unchanged ones. A copy of the file's
    # directory, the file's copy given one more trailing newline before each run (its parse and
    # profile miss; its parent's come from the cache).
    copies = Path(tempfile.mkdtemp(prefix="jianwu-bench-edited-"))
    for f in STARTUP_FILES:  # bench/bench_startup.py's files: a seed plan and a corpus PDF
        commands[f"jianwu parse {f}"] = [*jianwu, "parse", f]
        commands[f"jianwu check {f} (cold)"] = ["env", "JIANWU_CACHE=off", *jianwu, "check", f]
        commands[f"jianwu check {f} (warm)"] = [*jianwu, "check", f]
        directory = copies / Path(f).parent.name
        if not directory.exists():
            shutil.copytree(ROOT / Path(f).parent, directory, ignore=lambda _, names: [n for n in names if (ROOT / Path(f).parent / n).is_dir()])
        edited = str(directory / Path(f).name)
        touch_then = ["sh", "-c", 'f="$1"; shift; printf "\\n" >> "$f" && exec "$@"', "sh", edited]
        commands[f"jianwu check {f} (edited)"] = [*touch_then, *jianwu, "check", edited]
        # A file never read before (readers/source_cache.py keeps what the PDF reader read).
        commands[f"jianwu parse {f} (edited)"] = [*touch_then, *jianwu, "parse", edited]
    wall_best_of(1, commands)  # warm the file cache and check's profile cache
    best = wall_best_of(repeat, commands)
    base = best["import typer"]
    print(f"(b) startup: wall time of a fresh process, best of {repeat}, taking turns")
    for name, t in best.items():
        print(f"    {name:<58}{t * 1000:9.1f} ms  {t / base:6.2f}×")

    def worst(prefix: str, suffix: str = "") -> float:
        return max(t for name, t in best.items() if name.startswith(prefix) and name.endswith(suffix)) / base

    return {"parse_wall": max(worst("jianwu parse ", ".txt"), worst("jianwu parse ", ".pdf")),
            "parse_edited": worst("jianwu parse ", "(edited)"), "check_wall": worst("jianwu check ", "(warm)"),
            "check_edited": worst("jianwu check ", "(edited)"), "check_cold": worst("jianwu check ", "(cold)")}


def bench_diff(repeat: int) -> dict[str, float]:
    import jianwu.align
    import jianwu.run_bounds
    from jianwu import parse_document

    paths = [p for p, problem in iter_document_paths([RAW]) if problem is None]
    docs = [parse_document(p) for p in paths]
    pairs = [(o.child, o.parent) for o in analyse(docs) if o.parent is not None and o.found_by is not None]
    chosen = jianwu.align.use_numpy

    def diff_plain(child: Document, parent: Document) -> None:
        """A process's first diff: NumPy not imported for it (numpy_or_not), nothing counted before."""
        jianwu.run_bounds._gram_counts.cache_clear()
        jianwu.align.use_numpy = lambda extra: False
        try:
            diff_documents(child, parent)
        finally:
            jianwu.align.use_numpy = chosen

    print(f"(c) diff: {len(pairs)} parent → child pairs of data/raw; best of {repeat}, CPU; NumPy, and plain Python (a process's first diff)")
    print(f"    {'child':24} {'parent':24} {'chars':>12} {'diff ms':>8} {'plain ms':>8} {'chars ms':>9} {'diff/chars':>10} {'plain/chars':>11}")
    total_diff = total_plain = total_chars = 0.0
    worst = worst_plain = 0.0
    for child, parent in pairs:
        a, b = parent.text, child.text
        t_diff = cpu_best_of(repeat, lambda: diff_documents(child, parent))
        t_plain = cpu_best_of(repeat, lambda: diff_plain(child, parent))
        t_chars = cpu_best_of(repeat, lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
        total_diff, total_plain, total_chars = total_diff + t_diff, total_plain + t_plain, total_chars + t_chars
        worst, worst_plain = max(worst, t_diff / t_chars), max(worst_plain, t_plain / t_chars)
        print(f"    {child.id:24} {parent.id:24} {f'{len(b)}/{len(a)}':>12} {t_diff * 1000:8.1f} {t_plain * 1000:8.1f} {t_chars * 1000:9.1f}"
              f" {t_diff / t_chars:10.2f} {t_plain / t_chars:11.2f}")
    print(f"    {'all pairs':<50}{'':>12} {total_diff * 1000:8.1f} {total_plain * 1000:8.1f} {total_chars * 1000:9.1f}"
          f" {total_diff / total_chars:10.2f} {total_plain / total_chars:11.2f}")
    return {"diff_worst": worst, "diff_all": total_diff / total_chars, "plain_worst": worst_plain, "plain_all": total_plain / total_chars}


def bench_growth(max_kb: int) -> dict[str, float]:
    sizes = [kb for kb in SIZES_KB if kb <= max_kb]
    print(f"(d) growth: parse + check of real text (the seeds repeated), each size in a fresh process, CPU")
    per_kb: list[float] = []
    peak = 0.0
    for kb in sizes:
        m = measure(make("real", kb * 1024))
        per_kb.append((m["parse"] + m["check"]) * 1000 / kb)
        peak = m["rss_peak_kb"] / 1024
        print(f"    {kb:>6} KB  {per_kb[-1]:6.2f} ms/KB  peak {peak:6.0f} MB")
    return {"growth": per_kb[-1] / per_kb[0] if len(per_kb) > 1 else 1.0, "peak_mb": peak, "growth_kb": sizes[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="best of N (default 5)")
    parser.add_argument("--max-kb", type=int, default=SIZES_KB[-1], help=f"largest growth input (default {SIZES_KB[-1]} KB)")
    args = parser.parse_args()
    r: dict[str, float] = {}
    r.update(bench_parse(args.repeat))
    r.update(bench_startup(args.repeat))
    r.update(bench_diff(args.repeat))
    r.update(bench_growth(args.max_kb))
    size = f"{int(r['growth_kb'])} KB"
    rows = [
        ("full parse / OpenCC t2s, same texts", f"{r['parse']:.1f}×", "≤ 30×"),
        ('jianwu parse FILE / python -c "import typer" (read before, worst)', f"{r['parse_wall']:.2f}×", "≤ 2.5×"),
        ('jianwu parse FILE / python -c "import typer" (file edited, worst)', f"{r['parse_edited']:.2f}×", "≤ 2.5×"),
        ('jianwu check FILE / python -c "import typer" (warm cache, worst)', f"{r['check_wall']:.2f}×", "≤ 2.5×"),
        ('jianwu check FILE / python -c "import typer" (file edited, worst)', f"{r['check_edited']:.2f}×", "≤ 2.5×"),
        ('jianwu check FILE / python -c "import typer" (cache off, worst)', f"{r['check_cold']:.2f}×", "≤ 2.5×"),
        ("jianwu diff / difflib char diff, worst pair", f"{r['diff_worst']:.2f}", "≤ 0.25"),
        ("jianwu diff / difflib char diff, all pairs", f"{r['diff_all']:.2f}", "≤ 0.25"),
        ("  the same, plain Python (a process's first diff), worst pair", f"{r['plain_worst']:.2f}", "≤ 0.25"),
        ("  the same, plain Python, all pairs", f"{r['plain_all']:.2f}", "≤ 0.25"),
        (f"time per KB, {size} / 10 KB (parse + check)", f"{r['growth']:.2f}×", "≤ 1.5×"),
        (f"peak memory at {size}", f"{r['peak_mb']:.0f} MB", "bounded"),
    ]
    print()
    print(f"{'issue 16, this run':<62}{'measured':>10}  goal")
    for label, value, goal in rows:
        print(f"{label:<62}{value:>10}  {goal}")

if __name__ == "__main__":
    main()
