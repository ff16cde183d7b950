"""jianwu's MinHash and LSH bands are datasketch 2's, bit for bit, without importing it at run time."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
import zlib

import pytest

from jianwu.lineage import minhash

from conftest import RAW, ROOT

datasketch = pytest.importorskip("datasketch")


def _datasketch_signature(values: list[bytes], num_perm: int) -> list[int]:
    m = datasketch.MinHash(num_perm=num_perm, hashfunc=zlib.crc32)
    if values:
        m.update_batch(values)
    return [int(v) for v in m.hashvalues]


def _values(signature: bytes) -> list[int]:
    return list(minhash.unpack_u32(signature))


@pytest.mark.parametrize("num_perm", [64, 128])
@pytest.mark.parametrize("size", [0, 1, 2, 50, 3000])
def test_signature_is_datasketchs(num_perm: int, size: int) -> None:
    rnd = random.Random(size * 1000 + num_perm)
    values = [rnd.randbytes(rnd.randint(1, 12)) for _ in range(size)]
    ours = minhash.minhash(values, num_perm)
    assert len(ours) == 4 * num_perm
    assert _values(ours) == _datasketch_signature(values, num_perm)
    assert minhash.plain_minhash(values, num_perm) == ours


@pytest.mark.parametrize("size", [63, 64, 65, 127, 128, 129, 1001, 1655])
def test_the_lanes_give_numpys_signature(size: int) -> None:
    # plain_minhash applies every permutation to a value at once, on the lanes of one integer.
    rnd = random.Random(size)
    values = [rnd.randbytes(4) for _ in range(size)]
    assert minhash.plain_minhash(values, 128) == minhash.minhash(values, 128)


@pytest.mark.parametrize("pairs", [[(0, minhash.MASK32)] * 70, [(minhash.MASK32, 0)] * 70, [(0, 0), (minhash.MASK32, minhash.MASK32)] * 40,
                                   [(i, 99 - i) for i in range(100)], [(0x80000000, 0x7FFFFFFF), (0x7FFFFFFF, 0x80000000)] * 9])
def test_the_lesser_lanes_of_extreme_values(pairs: list[tuple[int, int]]) -> None:
    # Lane values at 0 and 2**32 - 1, where a borrow between lanes would show.
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    guard = int.from_bytes(minhash.LANE_ONE * len(pairs), "little") << 32
    lesser = minhash._lesser_lanes(minhash._to_lanes(xs), minhash._to_lanes(ys), guard)
    assert list(minhash._from_lanes(lesser, len(pairs))) == [min(x, y) for x, y in pairs]
    assert list(minhash._from_lanes(minhash._to_lanes(xs), len(xs))) == xs


def test_signature_of_real_text_bigrams_is_datasketchs() -> None:
    text = "重庆市减污降碳协同增效实施方案（渝环〔2023〕79号）"
    values = [text[i : i + 2].encode("utf-8") for i in range(len(text) - 1)]
    assert _values(minhash.minhash(values, 64)) == _datasketch_signature(values, 64)
    assert minhash.plain_minhash(values, 64) == minhash.minhash(values, 64)


@pytest.mark.parametrize("num_perm", sorted({n for _, n in minhash.OPTIMAL_BANDS}))
def test_the_permutation_table_is_what_numpy_draws(num_perm: int) -> None:
    a, b = minhash.drawn_permutations(num_perm)
    assert minhash.permutations(num_perm) == (tuple(int(x) for x in a), tuple(int(y) for y in b))
    table = ROOT / "src" / "jianwu" / "data" / minhash.PERMUTATIONS_TABLE
    assert table.read_text("utf-8") == minhash.permutations_table()


def test_packed_values_are_little_endian_uint32() -> None:
    assert minhash.pack_u32([1, 0xFFFFFFFF]) == b"\x01\x00\x00\x00\xff\xff\xff\xff"
    assert list(minhash.unpack_u32(minhash.pack_u32([7, 2**31]))) == [7, 2**31]


@pytest.mark.parametrize("threshold, num_perm", sorted(minhash.OPTIMAL_BANDS))
def test_bands_are_datasketchs(threshold: float, num_perm: int) -> None:
    lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert minhash.bands(threshold, num_perm) == list(lsh.hashranges)


def test_bands_for_an_unlisted_threshold_say_what_to_add() -> None:
    with pytest.raises(ValueError, match="add them to OPTIMAL_BANDS"):
        minhash.bands(0.3, 64)


def test_the_parent_search_over_stored_profiles_does_not_import_numpy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A warm ``check`` finds the parent from stored profiles: title signatures in plain Python, no NumPy (85 ms)."""
    from jianwu.document import parse_document
    from jianwu.lineage.finder import Finder
    from jianwu.lineage.profile import profile_of

    profiles = [profile_of(parse_document(RAW / f"{name}.txt")) for name in ("chongqing-jianwu-2023", "gaoxin-jianwu-2023")]
    expected = Finder(profiles).outcome_at(1)
    assert expected.parent is not None and expected.found_by is not None
    stored = tmp_path / "profiles.pickle"
    stored.write_bytes(pickle.dumps(profiles))
    code = (
        "import pickle, sys\n"
        "from jianwu.lineage.finder import Finder\n"
        f"profiles = pickle.loads(open({str(stored)!r}, 'rb').read())\n"
        "outcome = Finder(profiles).outcome_at(1)\n"
        "print(outcome.parent.id, outcome.found_by, 'numpy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [expected.parent.id, str(expected.found_by), "False"]


def test_the_parent_search_does_not_import_datasketch_or_scipy() -> None:
    code = (
        "import sys\n"
        "from jianwu.lineage.profile import title_minhash\n"
        "from jianwu.lineage.index import Buckets, TEXT_LSH_THRESHOLD\n"
        "from jianwu.lineage.profile import TEXT_PERM\n"
        "title_minhash('减污降碳协同增效实施方案'); Buckets(TEXT_LSH_THRESHOLD, TEXT_PERM)\n"
        "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_profile_made_without_numpy_is_the_one_made_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process's first profile is made in plain Python (``numpy_or_not``): the same profile, byte for byte."""
    import jianwu.lineage.profile as profile_module
    from jianwu.document import parse_document

    paths = [*sorted(RAW.glob("*.txt")), *sorted((RAW / "corpus").glob("*.pdf"))[:4]]
    for path in paths:
        doc = parse_document(path, require_clauses=False)
        monkeypatch.setattr(profile_module, "use_numpy", lambda extra: True)
        fast = pickle.dumps(profile_module.profile_of(doc))
        monkeypatch.setattr(profile_module, "use_numpy", lambda extra: False)
        assert pickle.dumps(profile_module.profile_of(doc)) == fast, path.name
    mixed = "PM2.5浓度下降ä12%，𠀀年达到２０２５①"  # 1-, 2-, 3- and 4-byte characters in UTF-8
    assert profile_module.plain_shingle_values(mixed) == profile_module.shingle_values(mixed).tolist()
    assert profile_module.plain_shingle_values("一二三") == [] and profile_module.plain_text_minhash([]) == minhash.plain_minhash([], 128)


@pytest.mark.parametrize("hashed", [[0, minhash.MASK32, 1, 0x80000000, 0x7FFFFFFF, 0xFFFF0000, 0x0000FFFF],
                                    random.Random(7).sample(range(1 << 32), 300)])
def test_the_finalizer_on_lanes_is_the_one_per_value(hashed: list[int]) -> None:
    # plain_minhash mixes every hashed value at once, on the lanes: the same values as _fmix32 of each.
    n = len(hashed)
    low = int.from_bytes(minhash.LANE_ONE * n, "little") * minhash.MASK32
    mixed = minhash._fmix32_lanes(minhash._to_lanes(hashed), low)
    assert list(minhash._from_lanes(mixed, n)) == [minhash._fmix32(h) for h in hashed]
