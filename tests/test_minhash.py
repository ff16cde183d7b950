"""jianwu's MinHash and LSH bands are datasketch 2's, bit for bit, without importing it at run time."""

from __future__ import annotations

import random
import subprocess
import sys
import zlib

import numpy as np
import pytest

from jianwu.lineage import minhash

datasketch = pytest.importorskip("datasketch")


def _datasketch_signature(values: list[bytes], num_perm: int) -> np.ndarray:
    m = datasketch.MinHash(num_perm=num_perm, hashfunc=zlib.crc32)
    if values:
        m.update_batch(values)
    return m.hashvalues


@pytest.mark.parametrize("num_perm", [64, 128])
@pytest.mark.parametrize("size", [0, 1, 2, 50, 3000])
def test_signature_is_datasketchs(num_perm: int, size: int) -> None:
    rnd = random.Random(size * 1000 + num_perm)
    values = [rnd.randbytes(rnd.randint(1, 12)) for _ in range(size)]
    ours = minhash.minhash(values, num_perm)
    assert ours.dtype == np.uint32
    assert ours.tolist() == _datasketch_signature(values, num_perm).tolist()


def test_signature_of_real_text_bigrams_is_datasketchs() -> None:
    text = "重庆市减污降碳协同增效实施方案（渝环〔2023〕79号）"
    values = [text[i : i + 2].encode("utf-8") for i in range(len(text) - 1)]
    assert minhash.minhash(values, 64).tolist() == _datasketch_signature(values, 64).tolist()


@pytest.mark.parametrize("threshold, num_perm", sorted(minhash.OPTIMAL_BANDS))
def test_bands_are_datasketchs(threshold: float, num_perm: int) -> None:
    lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert minhash.bands(threshold, num_perm) == list(lsh.hashranges)


def test_bands_for_an_unlisted_threshold_say_what_to_add() -> None:
    with pytest.raises(ValueError, match="add them to OPTIMAL_BANDS"):
        minhash.bands(0.3, 64)


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
