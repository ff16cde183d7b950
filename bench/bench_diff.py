"""Time of ``jianwu diff`` per seed pair, next to a whole-text character diff of the same two documents.

Run:  python bench/bench_diff.py [--repeat N] [DIR]

For every document of DIR whose parent is in DIR, three timings (best of N, in
the same process and run, so the ratios are comparable across machines):

* ``diff``   ``diff_documents`` on the two parsed documents (alignment, inline
             diffs, targets, departments, summary);
* ``full``   the whole command: parse both files, then diff;
* ``chars``  ``difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()``
             on the two normalised texts: a plain character diff of the same pair.
"""

from __future__ import annotations

import argparse
import difflib
from pathlib import Path

from jianwu import parse_document
from timing import best_of  # bench/timing.py (the script's own folder is on sys.path)
from jianwu.diff import diff_documents
from jianwu.errors import ParentNotFoundError
from jianwu.parent import find_parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default="data/raw", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    docs = [parse_document(p) for p in sorted(args.corpus.glob("*.txt"))]
    print(f"{'child':24} {'parent':24} {'chars':>14} {'diff ms':>8} {'full ms':>8} {'chars ms':>9} {'diff/chars':>10} {'full/chars':>10}")
    for child in docs:
        try:
            parent = find_parent(child, docs).document
        except ParentNotFoundError:
            continue
        a, b = parent.text, child.text
        t_diff = best_of(args.repeat, lambda: diff_documents(child, parent))
        t_full = best_of(args.repeat, lambda: diff_documents(parse_document(Path(child.path)), parse_document(Path(parent.path))))
        t_chars = best_of(args.repeat, lambda: difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes())
        sizes = f"{len(b)}/{len(a)}"
        print(
            f"{child.id:24} {parent.id:24} {sizes:>14} {t_diff * 1000:8.1f} {t_full * 1000:8.1f} {t_chars * 1000:9.1f}"
            f" {t_diff / t_chars:10.2f} {t_full / t_chars:10.2f}"
        )


if __name__ == "__main__":
    main()
