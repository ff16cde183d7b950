"""Cost of the lineage finder on a corpus: index build and parent search, next to parsing.

Run:  python bench/bench_lineage.py [--repeat N] [DIR...]

Prints, for the documents of DIR (default data/raw, recursively):

* ``parse``  time to parse every document (the work any corpus run does anyway);
* ``profile`` time to compute every document's lineage profile (keys, citations, body shingles
             and MinHash: what ``jianwu index`` does in its workers, after parsing);
* ``index``  time to build the lineage index over the profiles (文号, title keys, MinHash LSH over
             title families and body shingles);
* ``links``  time of ``find_links`` (index included);
* ``cands``  candidates the index returned per child, and how many of them needed the exact
             shared-text check: the finder's work per child grows with these, not with the
             corpus size (no document is compared with every other).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from jianwu import parse_document
from jianwu.document import iter_document_paths
from jianwu.errors import InputError
from jianwu.lineage import find_links, profile_of
from jianwu.lineage.finder import Finder
from jianwu.lineage.index import CorpusIndex
from timing import best_of  # bench/timing.py (the script's own folder is on sys.path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", default=[Path("data/raw")], type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = [p for p, problem in iter_document_paths(args.dirs) if problem is None]

    def parse_all() -> list:  # type: ignore[type-arg]
        docs = []
        for p in paths:
            try:
                docs.append(parse_document(p))
            except InputError:
                pass
        return docs

    docs = parse_all()
    t_parse = best_of(args.repeat, parse_all)
    t_profile = best_of(args.repeat, lambda: [profile_of(d) for d in docs])
    profiles = [profile_of(d) for d in docs]
    t_index = best_of(args.repeat, lambda: CorpusIndex(profiles))
    t_links = best_of(args.repeat, lambda: find_links(docs))
    # Candidates per child: count the exact shared-text checks.
    finder = Finder(profiles)
    checks = 0
    original = finder.index.shared_text

    def counting(child, parent):  # type: ignore[no-untyped-def]
        nonlocal checks
        checks += 1
        return original(child, parent)

    finder.index.shared_text = counting  # type: ignore[method-assign]
    links = sum(finder.outcome(p).parent is not None for p in profiles)
    n = len(docs)
    print(f"documents {n}, links {links}")
    print(f"parse  {t_parse * 1000:8.0f} ms")
    print(f"profile {t_profile * 1000:7.0f} ms  ({t_profile / t_parse:.1%} of parse)")
    print(f"index  {t_index * 1000:8.0f} ms  ({t_index / t_parse:.1%} of parse)")
    print(f"links  {t_links * 1000:8.0f} ms  ({t_links / t_parse:.1%} of parse; profiles included)")
    print(f"exact shared-text checks per child: {checks / max(n, 1):.2f} (of {n - 1} other documents)")


if __name__ == "__main__":
    main()
