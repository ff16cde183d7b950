"""The sequence matcher of every character and token alignment: ``cydifflib`` when installed.

``cydifflib`` is a compiled port of ``difflib.SequenceMatcher``: the same algorithm, so the same
matching blocks and opcodes, five to forty times faster (most on long runs of one repeated
character, where the algorithm is quadratic). It is a declared dependency; the standard library's
is the fallback for an install without it, and gives the same output, only slower.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def sequence_matcher() -> type:
    """``cydifflib.SequenceMatcher``, else ``difflib.SequenceMatcher``: imported on first use."""
    try:
        from cydifflib import SequenceMatcher
    except ImportError:  # an optional speed-up: without it the standard library's, same output
        from difflib import SequenceMatcher
    return SequenceMatcher  # type: ignore[no-any-return]
