"""``jianwu.digest``: the SHA-256 of CPython's own module for a process's first bytes, OpenSSL's after."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from jianwu import digest


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """A process that has hashed nothing yet."""
    monkeypatch.setattr(digest, "_hashed", 0)
    monkeypatch.setattr(digest, "_builtin_looked_up", False)


@pytest.mark.parametrize("size", [0, 1, 55, 56, 64, 1000, 65_536, 699_999, 700_000, 700_001, 2_000_000])
def test_digests_are_hashlib_s(fresh: None, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    assert digest.sha256_hex(data) == hashlib.sha256(data).hexdigest()
    incremental = digest.sha256(data[: size // 2])
    incremental.update(data[size // 2 :])
    assert incremental.hexdigest() == hashlib.sha256(data).hexdigest()


def test_the_builtin_until_the_budget_then_openssl(fresh: None) -> None:
    small = b"x" * 300_000
    first, second, third = digest.sha256(small), digest.sha256(small), digest.sha256(small)
    assert type(first).__name__ == type(second).__name__ != type(hashlib.sha256()).__name__  # CPython's own
    assert type(third).__name__ == type(hashlib.sha256()).__name__  # past BUILTIN_BYTES: OpenSSL's
    assert digest.sha256(b"tiny").hexdigest() == hashlib.sha256(b"tiny").hexdigest()  # still under the budget


def test_without_the_builtin_module_hashlib_is_used(fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(digest, "_builtin_sha256", lambda: None)
    assert digest.sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert type(digest.sha256(b"abc")).__name__ == type(hashlib.sha256()).__name__


def test_parsing_a_text_plan_does_not_load_openssl(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """What the module is for: a command on a plan or two never imports hashlib (2 ms of OpenSSL)."""
    script = (
        "import sys; from jianwu import parse_document; parse_document(sys.argv[1]); "
        "print('hashlib' in sys.modules)"
    )
    plan = str(Path(__file__).resolve().parents[1] / "data" / "raw" / "ziyang-jianwu-2023.txt")
    out = subprocess.run([sys.executable, "-c", script, plan], capture_output=True, text=True, check=True,
                         env={"JIANWU_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert out.stdout.strip() == "False", out.stderr
