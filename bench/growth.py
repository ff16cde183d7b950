"""Growth benchmark (issue 17): time per KB and peak memory per input byte, 10 KB to 10 MB.

    python bench/growth.py                    # every kind, 10 KB .. 10 MB
    python bench/growth.py --max-kb 1000      # stop at 1 MB
    python bench/growth.py --kinds real note  # some kinds only

Each size of each kind is parsed (normalisation, clause tree, departments,
targets) and checked (every rule but the parent ones) in a fresh subprocess, so
that peak memory (``ru_maxrss``) belongs to that input alone; the time is CPU
time of the work itself (the machine is shared).  Kinds:

real     the seed plans of data/raw one after another, repeated to size
clause   lines that each start a （一）-style clause
note     lines of unclosed （责任单位：… responsibility notes
digits   one note with a run of digits
zeros    a plan of zero decimals (0.0、0.00% …)
list     one sentence listing bare values, the unit once at the end (12、12、…40万吨)
line     one single line of real text (no line breaks)

Linear means time per KB stays flat (the README quotes the ratio of the
largest to the smallest size) and memory per input byte stays bounded.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES_KB = (10, 100, 1000, 10000)


def make(kind: str, size: int) -> bytes:
    """``size`` bytes (about) of text of ``kind``, UTF-8."""
    if kind == "real":
        seed = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "raw").glob("*.txt")))
        text = seed
    elif kind == "clause":
        digits = "一二三四五六七八九"
        text = "一、总体要求\n" + "".join(f"（{digits[i % 9]}）推进重点领域协同减排工作。\n" for i in range(size // 30 + 1))
    elif kind == "note":
        text = "一、总体要求\n" + "加强管理（责任单位：市发展改革委、市生态环境局\n" * (size // 60 + 1)
    elif kind == "digits":
        text = "一、总体要求\n（一）推进工作（责任单位：" + "1" * size + "\n"
    elif kind == "zeros":
        text = "一、总体要求\n" + "（一）到2025年，排放强度下降0.0%、0.00%，达到0.000万吨。\n" * (size // 70 + 1)
    elif kind == "list":  # one sentence of bare values, the unit written once at the end
        text = "一、总体要求\n（一）到2025年，分别达到" + "12、" * (size // 3 + 1) + "40万吨。\n"
    elif kind == "line":
        seed = (ROOT / "data" / "raw" / "ziyang-jianwu-2023.txt").read_text(encoding="utf-8").replace("\n", "")
        text = seed
    else:
        raise ValueError(kind)
    raw = text.encode("utf-8")
    while len(raw) < size:
        raw = raw + b"\n" + raw if kind == "real" else raw + raw
    return raw[:size].decode("utf-8", "ignore").encode("utf-8")


CHILD = """
import json, resource, sys, time
from jianwu.check.config import CheckConfig
from jianwu.check.context import Context, split_raw_lines
from jianwu.check.runner import check_document
from jianwu.document import parse_bytes
raw = sys.stdin.buffer.read()
# Warm up (imports, OpenCC dictionaries, compiled patterns): not part of the growth.
warm = parse_bytes("一、总体要求\\n（一）推进工作（市发展改革委牵头）。到2025年下降10%。\\n".encode(), name="w", path="", doc_id="w")
check_document(Context(warm, None, split_raw_lines(warm.normalized.raw)), "w", CheckConfig().rules(), CheckConfig())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.process_time()
doc = parse_bytes(raw, name="bench.txt", path="", doc_id="bench", require_clauses=False)
t1 = time.process_time()
config = CheckConfig()
check_document(Context(doc, None, split_raw_lines(doc.normalized.raw)), "bench.txt",
               [r for r in config.rules() if r.group != "parent"], config)
t2 = time.process_time()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"parse": t1 - t0, "check": t2 - t1, "rss_before_kb": before, "rss_peak_kb": peak}))
"""


def measure(raw: bytes) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", CHILD], input=raw, capture_output=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-kb", type=int, default=10000)
    parser.add_argument("--kinds", nargs="*", default=["real", "clause", "note", "digits", "zeros", "list", "line"])
    args = parser.parse_args()
    print("| kind | size | parse ms/KB | check ms/KB | total ms/KB | peak MB | bytes of memory per input byte |")
    print("|---|---|---|---|---|---|---|")
    for kind in args.kinds:
        per_kb: list[float] = []
        for kb in (s for s in SIZES_KB if s <= args.max_kb):
            raw = make(kind, kb * 1024)
            m = measure(raw)
            total = (m["parse"] + m["check"]) * 1000 / kb
            per_kb.append(total)
            grown = max(m["rss_peak_kb"] - m["rss_before_kb"], 0) * 1024
            print(f"| {kind} | {kb} KB | {m['parse'] * 1000 / kb:.2f} | {m['check'] * 1000 / kb:.2f} | {total:.2f} | "
                  f"{m['rss_peak_kb'] / 1024:.0f} | {grown / len(raw):.1f} |", flush=True)
        if len(per_kb) > 1:
            print(f"| {kind} | largest/smallest time per KB | | | {per_kb[-1] / per_kb[0]:.2f}× | | |", flush=True)


if __name__ == "__main__":
    main()
