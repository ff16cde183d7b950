"""A fuzzer for jianwu: mutated real plans through parse, targets, departments, check and diff.

    python -m jianwu.fuzz --cases 100000 --seed 1 --out fuzz-report   # the long run (issue 17)

Each case takes a real document (``data/raw`` by default) — mostly a window of its lines, some
whole plans, a few large ones (``mutations.choose_source``) — applies a few mutations (delete,
duplicate, swap, join or split lines; insert CJK, ASCII, control characters, brackets,
numbering tokens, responsibility-note fragments or digit runs; drop closing brackets; repeat
blocks; cut at a character or byte offset; flip bytes; re-encode) and runs it in-process
through every stage from one parse (``pipeline.run_pipeline``).

The oracle: a case may be refused with a ``JianwuError`` (one line, exit 2 in the CLI); any
other exception is a crash.  Crashes are grouped by exception and place, minimised (lines,
then bytes) and written as reproducers; the slowest cases are reported with their time per KB
(``run.long_run``, in worker processes).
"""

from .mutations import LINE_MUTATIONS, Case, Source, choose_source, mutate
from .pipeline import Seeds, load_seeds, make_case, run_pipeline

__all__ = ["LINE_MUTATIONS", "Case", "Seeds", "Source", "choose_source", "load_seeds", "make_case", "mutate", "run_pipeline"]
