"""Parse throughput over the corpus, next to OpenCC conversion alone on the same texts.

Run:  python bench/bench_parse.py [--repeat N] [--cpu] [DIR]

``--cpu`` times CPU time of this process instead of the wall clock (steadier on a busy machine).

Both are measured in the same process and run, so the ratio is comparable across
machines; absolute numbers are not.  OpenCC t2s over the whole raw text is the
floor: every document goes through it once.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from jianwu import parse_document
from timing import best_of  # bench/timing.py (the script's own folder is on sys.path)
from jianwu.normalize import decode
from jianwu.script import converter


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="data/raw", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--cpu", action="store_true", help="CPU time of this process, not the wall clock")
    args = parser.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    paths = sorted(args.corpus.glob("*.txt"))
    raws = [p.read_bytes() for p in paths]
    texts = [decode(raw, str(p))[0] for raw, p in zip(raws, paths)]
    chars = sum(len(t) for t in texts)
    t2s = converter("t2s")
    parse_document(raws[0], doc_id="warm-up")  # load OpenCC dictionaries and compile patterns once

    opencc_time = best_of(args.repeat, lambda: [t2s.convert(t) for t in texts], clock)
    parse_time = best_of(args.repeat, lambda: [parse_document(raw, doc_id=p.stem) for raw, p in zip(raws, paths)], clock)

    print(f"corpus: {len(paths)} documents, {chars:,} characters (best of {args.repeat}, {'CPU' if args.cpu else 'wall'} time)")
    print(f"{'opencc t2s only':<22}{opencc_time * 1000:9.1f} ms  {chars / opencc_time / 1e6:7.2f} M chars/s")
    print(f"{'jianwu parse':<22}{parse_time * 1000:9.1f} ms  {chars / parse_time / 1e6:7.2f} M chars/s")
    print(f"{'parse / opencc':<22}{parse_time / opencc_time:9.1f} x")


if __name__ == "__main__":
    main()
