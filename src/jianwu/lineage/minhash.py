"""MinHash signatures and LSH bands, as datasketch 2 computes them, without importing it.

The parent search needs two things of MinHash LSH: a signature per set (``minhash``) and
the bands a signature is cut into for a similarity threshold (``bands``).  datasketch
defines both, but importing it imports SciPy (for the one integral that picks the bands):
about 0.6 s on an idle machine and 2 s on a busy one, paid by every ``jianwu check``,
``diff`` and ``tree`` run before it compares anything.  Its signatures also changed with
its version 2.0 (the "affine32" scheme replaced "legacy"), so a parent search that relied
on whichever datasketch was installed could find other candidates on another machine.

So the algorithm is pinned here, bit for bit datasketch 2's default (``scheme="affine32"``,
``seed=1``); ``tests/test_minhash.py`` checks it against datasketch itself (a test
dependency), signatures and bands alike.

A signature is ``bytes``: its ``num_perm`` values as little-endian ``uint32``, which is what
the LSH buckets key on and what the caches store.  A body's signature (thousands of shingles)
is computed with NumPy (``minhash``) once a process has made a few (``numpy_or_not``); a
title's (a few dozen bigrams) in plain Python (``plain_minhash``, the same values), so that
the parent search over stored profiles, which hashes only titles, runs without importing
NumPy (85 ms of a ``jianwu check``).  The
permutations are a table (``data/minhash_permutations.tsv``) for the same reason; ``REGENERATE``
prints it again, from NumPy's generator as datasketch draws it.
"""

from __future__ import annotations

import sys
import zlib
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, Sequence

from ..tables import read_table

if TYPE_CHECKING:
    import numpy as np

SEED = 1  # datasketch's default seed for its permutations
EMPTY = 0xFFFFFFFF  # the signature value of an empty set
MASK32 = 0xFFFFFFFF
PERMUTATIONS_TABLE = "minhash_permutations.tsv"
REGENERATE = ("python -c \"from jianwu.lineage.minhash import permutations_table as t; print(t(), end='')\""
              " > src/jianwu/data/minhash_permutations.tsv")

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


def pack_u32(values: Iterable[int]) -> bytes:
    """``uint32`` values as little-endian bytes (a signature, a shingle set)."""
    packed = array("I", values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack_u32(blob: bytes) -> array:  # type: ignore[type-arg]
    """``pack_u32``'s values back, as an ``array('I')``."""
    values = array("I")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values


@lru_cache(maxsize=None)
def permutations(num_perm: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The affine permutations ``h -> a*h + b (mod 2**32)`` (``a`` odd: a bijection), from the table."""
    rows = sorted((int(i), int(a), int(b)) for n, i, a, b in read_table(PERMUTATIONS_TABLE) if int(n) == num_perm)
    if [i for i, _, _ in rows] != list(range(num_perm)):
        raise ValueError(f"{PERMUTATIONS_TABLE} has no {num_perm} permutations: regenerate it: {REGENERATE}")
    return tuple(a for _, a, _ in rows), tuple(b for _, _, b in rows)


def drawn_permutations(num_perm: int) -> "tuple[np.ndarray, np.ndarray]":
    """The permutations as datasketch draws them (NumPy's generator): what the table holds."""
    import numpy as np

    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(h: int) -> int:
    """MurmurHash3's 32-bit finalizer: mixes each CRC once before the permutations."""
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & MASK32
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & MASK32
    return h ^ (h >> 16)


def _fmix32_lanes(x: int, low: int) -> int:
    """``_fmix32`` of every lane's value at once (``low``: the low 32 bits of every lane): a right
    shift brings the next lane's low bits into a lane's high half, which ``low`` clears, and a
    product's high half is cleared the same way."""
    x ^= (x >> 16) & low
    x = (x * 0x85EBCA6B) & low
    x ^= (x >> 13) & low
    x = (x * 0xC2B2AE35) & low
    return x ^ ((x >> 16) & low)


# Lanes of a plain-Python signature: 32-bit values, each in 64 bits of one Python integer (the
# product of a 32-bit value and a 32-bit factor, plus a 32-bit term, fits).
LANE_ONE = b"\x01" + b"\x00" * 7


def plain_minhash(values: Iterable[bytes], num_perm: int) -> bytes:
    """``minhash`` in plain Python: for the few dozen values of a title, and a process's first
    bodies (``numpy_or_not``), quicker than importing NumPy.

    The permutations are the lanes of one integer (SIMD within a register): one multiplication,
    one addition and one mask apply all ``num_perm`` of them to a value at once, and the signature
    so far keeps, lane by lane, the lesser of its value and the new one (``_lesser_lanes``).  A body
    of 1,600 sampled shingles takes 2.4 ms (32 ms one value and one permutation at a time; 4.0 ms
    with the values as the lanes, a permutation at a time, each permutation's least lane found by
    folding the integer in halves), a title's few dozen bigrams a quarter of what that took.
    """
    hashed = set(map(zlib.crc32, values))  # (_fmix32 is a bijection: as many mixed values as hashed ones)
    if not hashed:
        return pack_u32([EMPTY] * num_perm)
    a, b, low, guard = _permutation_lanes(num_perm)
    n = len(hashed)
    mixed = iter(_from_lanes(_fmix32_lanes(_to_lanes(hashed), int.from_bytes(LANE_ONE * n, "little") * MASK32), n))
    least = (a * next(mixed) + b) & low
    for h in mixed:
        least = _lesser_lanes(least, (a * h + b) & low, guard)
    return pack_u32(_from_lanes(least, num_perm))


@lru_cache(maxsize=None)
def _permutation_lanes(num_perm: int) -> tuple[int, int, int, int]:
    """(the permutations' factors as lanes, their terms as lanes, the low 32 bits of every lane, bit 32 of every lane)."""
    a, b = permutations(num_perm)
    ones = int.from_bytes(LANE_ONE * num_perm, "little")  # 1 in every lane
    return _to_lanes(a), _to_lanes(b), ones * MASK32, ones << 32


def _lesser_lanes(x: int, y: int, guard: int) -> int:
    """Lane by lane, the lesser of ``x``'s and ``y``'s 32-bit values (``guard``: bit 32 of every lane).
    (x + 2**32 - y) has bit 32 set where x >= y, and never borrows from the next lane; that bit
    less its copy shifted down to bit 0 is MASK32 there, which selects y there, x elsewhere."""
    at_least = ((x | guard) - y) & guard
    return x ^ ((x ^ y) & (at_least - (at_least >> 32)))


def _to_lanes(values: Iterable[int]) -> int:
    wide = array("Q", values)
    if sys.byteorder == "big":
        wide.byteswap()
    return int.from_bytes(wide.tobytes(), "little")


def _from_lanes(x: int, n: int) -> array:  # type: ignore[type-arg]
    wide = array("Q")
    wide.frombytes(x.to_bytes(8 * n, "little"))
    if sys.byteorder == "big":
        wide.byteswap()
    return wide


def minhash(values: Sequence[bytes], num_perm: int) -> bytes:
    """The ``num_perm`` MinHash signature of a set of byte strings, each hashed by CRC-32."""
    import numpy as np

    hashes = np.fromiter((zlib.crc32(v) for v in values), dtype=np.uint32, count=len(values))
    if not hashes.size:
        return pack_u32([EMPTY] * num_perm)
    a, b = (np.array(p, dtype=np.uint32) for p in permutations(num_perm))
    with np.errstate(over="ignore"):  # uint32 wraps around: that is the modulo 2**32
        h = hashes
        h = h ^ (h >> np.uint32(16))
        h = h * np.uint32(0x85EBCA6B)
        h = h ^ (h >> np.uint32(13))
        h = h * np.uint32(0xC2B2AE35)
        mixed = (h ^ (h >> np.uint32(16))).reshape(-1, 1)
        return (mixed * a + b).min(axis=0).astype("<u4").tobytes()


def permutations_table() -> str:
    """``data/minhash_permutations.tsv`` as drawn now (for every ``num_perm`` of ``OPTIMAL_BANDS``)."""
    lines = [
        "# The affine permutations h -> a*h + b (mod 2**32) of jianwu's MinHash (lineage/minhash.py): datasketch 2's",
        "# (scheme affine32, seed 1): a = 2 * randint(0, 2**31) + 1, then b = randint(0, 2**32), num_perm of each,",
        "# from numpy.random.RandomState(1). A table so that title signatures need no NumPy; tests/test_minhash.py",
        "# draws them again and compares. Regenerate: " + REGENERATE,
        "# num_perm\tindex\ta\tb",
    ]
    for num_perm in sorted({n for _, n in OPTIMAL_BANDS}):
        a, b = drawn_permutations(num_perm)
        lines.extend(f"{num_perm}\t{i}\t{int(x)}\t{int(y)}" for i, (x, y) in enumerate(zip(a, b)))
    return "\n".join(lines) + "\n"
