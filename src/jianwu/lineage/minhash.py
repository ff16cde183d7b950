"""MinHash signatures and LSH bands, as datasketch 2 computes them, without importing it.

The parent search needs two things of MinHash LSH: a signature per set (``minhash``) and
the bands a signature is cut into for a similarity threshold (``bands``).  datasketch
defines both, but importing it imports SciPy (for the one integral that picks the bands):
about 0.6 s on an idle machine and 2 s on a busy one, paid by every ``jianwu check``,
``diff`` and ``tree`` run before it compares anything.  Its signatures also changed with
its version 2.0 (the "affine32" scheme replaced "legacy"), so a parent search that relied
on whichever datasketch was installed could find other candidates on another machine.

So the algorithm is pinned here, in a few lines of NumPy, bit for bit datasketch 2's
default (``scheme="affine32"``, ``seed=1``); ``tests/test_minhash.py`` checks it against
datasketch itself (a test dependency), signatures and bands alike.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
from typing import Iterable

import numpy as np

SEED = 1  # datasketch's default seed for its permutations
EMPTY = np.uint32(0xFFFFFFFF)  # the signature value of an empty set

# The (bands, rows) datasketch's MinHashLSH chooses for (threshold, num_perm): the pair that
# minimises the false positive plus false negative probability, found by integrating over the
# similarity with SciPy.  Precomputed for the thresholds the parent search uses (a new pair
# is added with `python -c "from datasketch import MinHashLSH as L; l = L(threshold=T,
# num_perm=N); print(l.b, l.r)"`; tests/test_minhash.py checks every entry).
OPTIMAL_BANDS: dict[tuple[float, int], tuple[int, int]] = {
    (0.5, 64): (14, 4),
    (0.1, 128): (64, 2),
}


def bands(threshold: float, num_perm: int) -> list[tuple[int, int]]:
    """The ``[start, end)`` ranges of a signature that LSH hashes as bands (``MinHashLSH.hashranges``)."""
    try:
        b, r = OPTIMAL_BANDS[(threshold, num_perm)]
    except KeyError:
        raise ValueError(f"no LSH bands for threshold {threshold} and {num_perm} permutations: add them to OPTIMAL_BANDS") from None
    return [(i * r, (i + 1) * r) for i in range(b)]


@lru_cache(maxsize=None)
def permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``h -> a*h + b (mod 2**32)`` (``a`` odd: a bijection), drawn as datasketch draws them."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer: mixes each CRC once before the permutations (wrapping arithmetic)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def minhash(values: Iterable[bytes], num_perm: int) -> np.ndarray:
    """The ``num_perm`` MinHash signature (``uint32``) of a set of byte strings, each hashed by CRC-32."""
    hashes = np.fromiter((zlib.crc32(v) for v in values), dtype=np.uint32)
    if not hashes.size:
        return np.full(num_perm, EMPTY, dtype=np.uint32)
    a, b = permutations(num_perm)
    with np.errstate(over="ignore"):  # uint32 wraps around: that is the modulo 2**32
        mixed = _fmix32(hashes).reshape(-1, 1)
        return (mixed * a + b).min(axis=0)
