"""A fuzzer for jianwu: mutated real plans through parse, targets, departments, check and diff.

    python -m jianwu.fuzz --cases 100000 --seed 1 --out fuzz-report   # the long run (issue 17)

Each case takes a real document (``data/raw`` by default), applies a few of the
mutations below — delete, duplicate, swap, join or split lines; insert CJK,
ASCII, control characters, brackets, numbering tokens, responsibility-note
fragments or digit runs; drop closing brackets; repeat blocks; cut at a
character or byte offset; flip bytes; re-encode (GB18030, UTF-16, BOM, Big5,
CRLF) — and runs it in-process through the whole pipeline: parse (with
departments and targets), the JSON of ``parse``, the target and department
tables and CSV, every ``check`` rule with the parent rules, and ``diff``
against the document's parent (its JSON, Markdown and terminal forms).

The oracle: a case may be refused with a ``JianwuError`` (one line, exit 2 in
the CLI); any other exception is a crash.  Crashes are grouped by exception and
place, minimised (lines, then characters, then bytes) and written as
reproducers; the slowest cases are reported with their time per KB.

The mutations take a ``random.Random``, so the test suite drives the same code
from hypothesis (``st.randoms``: fixed seed, shrinking) and the long run from a
seeded generator (every case reproducible from ``--seed`` and its number).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

from .errors import JianwuError
from .model import Document

# Largest mutated text (characters): mutated plans of 40-250 KB are where the
# robustness run found super-linear time; a little beyond keeps that covered.
MAX_CASE_CHARS = 400_000
# A case under 100 KB must never take this long (issue 17).
SLOW_SECONDS = 2.0
SLOW_LIMIT_BYTES = 100 * 1024

# ---------------------------------------------------------------- what mutations insert

BRACKETS = "（）()《》〈〉【】〔〕[]“”‘’「」"
CONTROLS = "".join(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, 0x85, 0x9B]))
FRAGMENTS = (
    "（一）", "（十四）", "一、", "二十、", "1.", "12.", "（3）", "5）", "①", "⑳", "第十条", "第一千条", "第3章", "第一部分",
    "（责任单位：", "（牵头单位：", "（市发展改革委牵头，市生态环境局配合）", "按职责分工负责）", "负责）", "牵头", "配合",
    "各区县（自治县）人民政府", "区住房城乡建设|建委", "市生态环境局、", "、",
    "到2025年", "到2030年，", "比2020年下降13.5%", "0.0", "0.00%", "10%", "5万吨", "2.8亿元", "不低于", "以上", "累计",
    "1000", "一百二十三", "〔2023〕79号", "渝府发〔2022〕", "《重庆市", "》", "。", "，", "；", "：", "\n", "\f", "\t", "  ",
    "**", "## ", "[bookmark: _GoBack]", "&nbsp;", "<br/>", "jianwu: ignore JW011",
)


def _random_cjk(rnd: random.Random, n: int, alphabet: str) -> str:
    if alphabet and rnd.random() < 0.7:
        return "".join(rnd.choice(alphabet) for _ in range(n))
    return "".join(chr(rnd.randint(0x4E00, 0x9FFF)) for _ in range(n))


def _snippet(rnd: random.Random, alphabet: str) -> str:
    """Something to insert: mostly short, sometimes a long pathological run."""
    kind = rnd.randrange(8)
    n = rnd.choice((1, 2, 3, 5, 10, 30)) if rnd.random() < 0.9 else rnd.choice((500, 2000, 10000))
    if kind == 0:
        return _random_cjk(rnd, n, alphabet)
    if kind == 1:
        return "".join(chr(rnd.randint(32, 126)) for _ in range(n))
    if kind == 2:
        return "".join(rnd.choice(CONTROLS) for _ in range(min(n, 5)))
    if kind == 3:
        return "".join(rnd.choice(BRACKETS) for _ in range(min(n, 10)))
    if kind == 4:
        return rnd.choice("0123456789") * n  # digit runs (inside notes, numbers)
    if kind == 5:
        return ("0." + "0" * rnd.randint(1, 5) + rnd.choice(("", "%", "万吨", "倍"))) * max(1, n // 10)
    return "".join(rnd.choice(FRAGMENTS) for _ in range(max(1, min(n, 40) // 4)))


# ---------------------------------------------------------------- mutations on lines

Lines = list[str]


def _delete(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    if len(lines) < 2:
        return "delete: nothing"
    i = rnd.randrange(len(lines))
    k = min(rnd.choice((1, 1, 2, 5, 20)), len(lines) - i)
    del lines[i:i + k]
    return f"delete {k} lines at {i}"


def _duplicate(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines) + 1)
    lines.insert(j, lines[i])
    return f"duplicate line {i} at {j}"


def _swap(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    return f"swap lines {i} and {j}"


def _insert(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    at = rnd.randint(0, len(lines[i]))
    text = _snippet(rnd, alphabet)
    lines[i] = lines[i][:at] + text + lines[i][at:]
    return f"insert {text[:20]!r}{'…' if len(text) > 20 else ''} ({len(text)} chars) in line {i} at {at}"


def _join(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    if len(lines) < 2:
        return "join: nothing"
    i = rnd.randrange(len(lines) - 1)
    lines[i:i + 2] = [lines[i] + lines[i + 1]]
    return f"join lines {i} and {i + 1}"


def _split(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    at = rnd.randint(0, len(lines[i]))
    lines[i:i + 1] = [lines[i][:at], lines[i][at:]]
    return f"split line {i} at {at}"


def _drop_closers(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    k = rnd.choice((1, 5, 50, len(lines)))
    for j in range(i, min(i + k, len(lines))):
        lines[j] = lines[j].replace("）", "").replace("》", "")
    return f"drop closing brackets in {k} lines from {i}"


def _repeat_block(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    i = rnd.randrange(len(lines))
    block = lines[i:i + rnd.randint(1, 30)]
    size = sum(len(x) + 1 for x in block) or 1
    times = max(1, min(rnd.choice((2, 2, 5, 5, 20)) if rnd.random() < 0.9 else 100, MAX_CASE_CHARS // 2 // size))
    lines[i:i] = block * times
    return f"repeat {len(block)} lines at {i} {times} times"


def _repeat_line_start(lines: Lines, rnd: random.Random, alphabet: str) -> str:
    """Many lines that each start a clause or an unclosed note: the shapes that were quadratic."""
    start = rnd.choice(("（一）", "（责任单位：", "一、", "1.", "（市发展改革委、", "第一条"))
    n = rnd.choice((50, 200, 500)) if rnd.random() < 0.8 else 3000
    i = rnd.randrange(len(lines) + 1)
    lines[i:i] = [start + _random_cjk(rnd, rnd.randint(2, 20), alphabet) for _ in range(n)]
    return f"insert {n} lines starting {start!r} at {i}"


LINE_MUTATIONS: tuple[Callable[[Lines, random.Random, str], str], ...] = (
    _delete, _duplicate, _swap, _insert, _insert, _insert, _join, _split, _drop_closers, _repeat_block, _repeat_line_start,
)


# ---------------------------------------------------------------- encoding and bytes


def _encode(text: str, rnd: random.Random) -> tuple[bytes, str]:
    choice = rnd.random()
    if choice < 0.70:
        return text.encode("utf-8", "surrogatepass"), "utf-8"
    if choice < 0.80:
        return text.encode("gb18030", "replace"), "gb18030"
    if choice < 0.85:
        return text.encode("utf-16", "surrogatepass"), "utf-16"
    if choice < 0.90:
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8", "surrogatepass"), "utf-8-sig crlf"
    if choice < 0.95:
        from .normalize import _converter

        return _converter("s2t").convert(text).encode("big5", "replace"), "big5"
    return text.encode(rnd.choice(("shift_jis", "euc_kr", "latin-1")), "replace"), "foreign"


def _byte_mutation(raw: bytes, rnd: random.Random) -> tuple[bytes, str]:
    if not raw:
        return raw, "none"
    if rnd.random() < 0.5:
        at = rnd.randrange(len(raw))
        return raw[:at], f"cut at byte {at}"
    data = bytearray(raw)
    for _ in range(rnd.choice((1, 3, 10))):
        data[rnd.randrange(len(data))] = rnd.randrange(256)
    return bytes(data), "flip bytes"


@dataclass
class Case:
    seed_name: str
    raw: bytes
    steps: list[str] = field(default_factory=list)


def mutate(seed_name: str, text: str, rnd: random.Random) -> Case:
    """One mutated document: a few line mutations, an encoding, sometimes a byte mutation."""
    alphabet = "".join(sorted(set(text)))
    lines = text.split("\n") or [""]
    steps: list[str] = []
    for _ in range(rnd.choice((1, 1, 2, 3, 5, 8))):
        if not lines:
            lines = [""]
        steps.append(rnd.choice(LINE_MUTATIONS)(lines, rnd, alphabet))
    mutated = "\n".join(lines)
    if len(mutated) > MAX_CASE_CHARS:
        mutated = mutated[:MAX_CASE_CHARS]
        steps.append(f"truncated to {MAX_CASE_CHARS} characters")
    if rnd.random() < 0.05:
        at = rnd.randint(0, len(mutated))
        mutated = mutated[:at]
        steps.append(f"cut at character {at}")
    raw, encoding = _encode(mutated, rnd)
    steps.append(f"encoded {encoding}")
    if rnd.random() < 0.08:
        raw, how = _byte_mutation(raw, rnd)
        steps.append(how)
    return Case(seed_name, raw, steps)


# ---------------------------------------------------------------- running one case through everything


def run_pipeline(raw: bytes, parent: Optional[Document], name: str = "fuzz.txt") -> str:
    """Everything a command does with a document, in-process; returns "ok" or "refused: …".

    Raises whatever jianwu raises that is not a ``JianwuError``: that is a crash.
    """
    from .check.config import CheckConfig
    from .check.context import Context, split_raw_lines
    from .check.runner import check_document
    from .diff import diff_documents
    from .diffmodel import diff_to_dict
    from .document import parse_bytes
    from .render.departments import assignments_csv, matrix_to_dict, responsibility_matrix, unknown_names
    from .render.diff_markdown import render_markdown
    from .render.targets import row_to_dict, rows_csv, target_rows
    from .serialize import document_to_dict, dumps

    try:
        doc = parse_bytes(raw, name=name, path="", doc_id="fuzz", require_clauses=False)
    except JianwuError as exc:
        return f"refused: {exc}"
    dumps(document_to_dict(doc))
    rows = target_rows([doc], include_conditions=True)
    dumps([row_to_dict(r) for r in rows])
    rows_csv(rows)
    for by in ("name", "canonical"):
        dumps(matrix_to_dict(responsibility_matrix(doc, by)))
    assignments_csv([doc])
    unknown_names(doc)
    diff = None
    if parent is not None and any(c.number for c in doc.clauses):
        diff = diff_documents(doc, parent, found_by="given")
        dumps(diff_to_dict(diff))
        render_markdown(diff)
    config = CheckConfig()
    ctx = Context(doc, diff.parent if diff is not None else None, split_raw_lines(doc.normalized.raw), diff=diff)
    check_document(ctx, name, config.rules(), config)
    return "ok"


# ---------------------------------------------------------------- seeds


def default_seed_dir() -> Path:
    here = Path.cwd() / "data" / "raw"
    return here if here.is_dir() else Path(__file__).resolve().parents[2] / "data" / "raw"


@dataclass
class Seeds:
    texts: dict[str, str]
    parents: dict[str, Optional[Document]]


def load_seeds(directory: Optional[Path] = None) -> Seeds:
    """The seed documents (text files) and, for each, the parent it is diffed against."""
    from .document import parse_document
    from .errors import ParentNotFoundError
    from .normalize import decode
    from .parent import find_parent

    directory = directory or default_seed_dir()
    paths = sorted(p for p in directory.iterdir() if p.suffix in (".txt", ".md") and p.is_file())
    texts = {p.name: decode(p.read_bytes(), str(p))[0] for p in paths}
    docs = {p.name: parse_document(p) for p in paths}
    parents: dict[str, Optional[Document]] = {}
    for name, doc in docs.items():
        try:
            parents[name] = find_parent(doc, [d for n, d in docs.items() if n != name]).document
        except ParentNotFoundError:
            # No parent in the corpus: diff against another plan all the same (the diff must hold up).
            parents[name] = next(d for n, d in docs.items() if n != name) if len(docs) > 1 else None
    return Seeds(texts, parents)


# ---------------------------------------------------------------- the long run


@dataclass
class Crash:
    signature: str
    message: str
    case_number: int
    seed_name: str
    steps: list[str]
    raw: bytes
    minimised: bytes = b""


@dataclass
class Timing:
    seconds: float
    size: int
    case_number: int
    seed_name: str
    steps: list[str]

    @property
    def ms_per_kb(self) -> float:
        return self.seconds * 1000 / max(self.size / 1024, 0.001)


def crash_signature(exc: BaseException) -> str:
    """Exception type and the innermost jianwu frame: one signature per bug, not per input."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "jianwu" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    return f"{type(exc).__name__} at {where}"


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


def long_run(cases: int, seed: int, out: Path, seeds_dir: Optional[Path] = None, progress_every: int = 500,
             slowest: int = 15) -> int:
    """Run ``cases`` cases; write the report and reproducers under ``out``; exit status 0/1."""
    seeds = load_seeds(seeds_dir)
    names = sorted(seeds.texts)
    out.mkdir(parents=True, exist_ok=True)
    crashes: dict[str, Crash] = {}
    crash_count = 0
    refused = 0
    timings: list[Timing] = []
    slow_small: list[Timing] = []
    started = time.perf_counter()
    total_bytes = 0
    done = 0
    try:
        for number in range(cases):
            rnd = random.Random(f"{seed}:{number}")
            name = rnd.choice(names)
            case = mutate(name, seeds.texts[name], rnd)
            parent = seeds.parents[name]
            t0 = time.process_time()  # CPU time: the machine is shared, wall time would measure the others
            try:
                outcome = run_pipeline(case.raw, parent)
                refused += outcome.startswith("refused")
            except Exception as exc:  # noqa: BLE001  (the point: anything but JianwuError)
                crash_count += 1
                signature = crash_signature(exc)
                if signature not in crashes:
                    crashes[signature] = Crash(signature, f"{type(exc).__name__}: {exc}"[:300], number, name, case.steps, case.raw)
            seconds = time.process_time() - t0
            total_bytes += len(case.raw)
            timing = Timing(seconds, len(case.raw), number, name, case.steps)
            timings.append(timing)
            timings = sorted(timings, key=lambda t: -t.seconds)[:slowest] if len(timings) > 4 * slowest else timings
            if seconds > SLOW_SECONDS and len(case.raw) < SLOW_LIMIT_BYTES:
                slow_small.append(timing)
            done = number + 1
            if progress_every and done % progress_every == 0:
                elapsed = time.perf_counter() - started
                print(f"{done} cases, {elapsed:.0f} s, {crash_count} crashes ({len(crashes)} distinct), "
                      f"{refused} refused, {len(slow_small)} slow", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        print(f"interrupted after {done} cases", file=sys.stderr)
    elapsed = time.perf_counter() - started
    for crash in crashes.values():
        crash.minimised = minimise(crash.raw, seeds.parents[crash.seed_name], crash.signature)
    report = _report(done, seed, elapsed, total_bytes, refused, crash_count, crashes, sorted(timings, key=lambda t: -t.seconds)[:slowest], slow_small)
    (out / "report.md").write_text(report, encoding="utf-8")
    for i, crash in enumerate(crashes.values(), start=1):
        (out / f"crash-{i}.bin").write_bytes(crash.minimised)
    print(report)
    return 1 if crashes or slow_small else 0


def _report(cases: int, seed: int, elapsed: float, total_bytes: int, refused: int, crash_count: int,
            crashes: dict[str, Crash], slowest: list[Timing], slow_small: list[Timing]) -> str:
    lines = [
        "# jianwu fuzz report",
        "",
        f"- cases: {cases} (seed {seed}; case N is `random.Random(f\"{seed}:N\")`)",
        f"- time: {elapsed:.0f} s ({elapsed / max(cases, 1) * 1000:.0f} ms per case), {total_bytes / 1024 / 1024:.1f} MB of input",
        f"- refused with one line (JianwuError): {refused}",
        f"- crashes: {crash_count} ({len(crashes)} distinct)",
        f"- cases under {SLOW_LIMIT_BYTES // 1024} KB slower than {SLOW_SECONDS:.0f} s of CPU time: {len(slow_small)}",
        "",
    ]
    for i, crash in enumerate(crashes.values(), start=1):
        lines += [f"## crash {i}: {crash.signature}", "", f"- {crash.message}",
                  f"- case {crash.case_number} from {crash.seed_name}: {'; '.join(crash.steps)}",
                  f"- minimised reproducer: crash-{i}.bin ({len(crash.minimised)} bytes): `{crash.minimised[:200]!r}`", ""]
    lines += ["## slowest cases", "", "| case | seed | KB | CPU seconds | ms/KB | mutations |", "|---|---|---|---|---|---|"]
    for t in slowest:
        lines.append(f"| {t.case_number} | {t.seed_name} | {t.size / 1024:.0f} | {t.seconds:.2f} | {t.ms_per_kb:.2f} | {'; '.join(t.steps)[:160]} |")
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jianwu.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="number of cases (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the run (each case is reproducible from it)")
    parser.add_argument("--out", type=Path, default=Path("fuzz-report"), help="directory for report.md and crash reproducers")
    parser.add_argument("--seeds", type=Path, default=None, help="directory of seed documents (default data/raw)")
    parser.add_argument("--progress", type=int, default=500, help="print progress every N cases (0: never)")
    args = parser.parse_args(argv)
    return long_run(args.cases, args.seed, args.out, args.seeds, args.progress)


if __name__ == "__main__":
    sys.exit(main())
