"""The pattern cache (patterns.compile_pattern): a process that finds its patterns in the cache
makes the same output as one that compiles them, and a cache that cannot be used is no error."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import regex

from jianwu import patterns
from jianwu.patterns import PATTERN_CACHE_FILE, compile_pattern

from clirun import run_with_cache as run
from conftest import RAW

SEED = str(RAW / "gaoxin-jianwu-2023.txt")


def test_a_warm_process_makes_what_a_cold_one_makes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = run(cache, "parse", SEED)
    stored = pickle.loads((cache / PATTERN_CACHE_FILE).read_bytes())
    assert len(stored) > 100 and all(isinstance(p, regex.Pattern) for p in stored.values())
    before = (cache / PATTERN_CACHE_FILE).stat().st_mtime_ns
    warm = run(cache, "parse", SEED)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr) == (0, cold.stdout, b"")
    assert (cache / PATTERN_CACHE_FILE).stat().st_mtime_ns == before  # nothing new compiled: no write
    # Another command's patterns are added to the same file, the parse's kept.
    run(cache, "check", SEED)
    assert set(stored) < set(pickle.loads((cache / PATTERN_CACHE_FILE).read_bytes()))


@pytest.mark.parametrize("spoil", ["damaged", "other patterns", "not patterns", "unwritable", "off"])
def test_a_cache_that_cannot_be_used_changes_nothing(spoil: str, tmp_path: Path) -> None:
    expected = run(tmp_path / "fresh", "parse", SEED)
    cache = tmp_path / "cache"
    cache.mkdir()
    switch = ""
    if spoil == "damaged":
        (cache / PATTERN_CACHE_FILE).write_bytes(b"\x80\x05not a pickle" * 50)
    elif spoil == "other patterns":  # an entry whose key is not its pattern's source
        (cache / PATTERN_CACHE_FILE).write_bytes(pickle.dumps({(r"\d{4}年", 0): regex.compile(r"\d{2}年")}))
    elif spoil == "not patterns":
        (cache / PATTERN_CACHE_FILE).write_bytes(pickle.dumps({("年", 0): "年"}))
    elif spoil == "unwritable":
        cache.rmdir()
        cache.write_text("a file where the cache directory should be")
    else:
        switch = "off"
    for _ in range(2):
        got = run(cache, "parse", SEED, switch=switch)
        assert (got.returncode, got.stdout, got.stderr) == (expected.returncode, expected.stdout, expected.stderr)
    if spoil == "off":
        assert list(cache.iterdir()) == []


def test_the_cache_is_never_in_the_raw_corpus(tmp_path: Path) -> None:
    raw_cache = tmp_path / "data" / "raw" / "cache"
    got = run(raw_cache, "parse", SEED)
    assert got.returncode == 0 and not raw_cache.exists()


def test_a_compiled_pattern_is_compiled_once_per_process() -> None:
    source = r"(?P<year>20\d\d)年(?=底|前)"
    first = compile_pattern(source)
    assert compile_pattern(source) is first and (source, 0) in patterns._used
    assert first.search("到2025年底").group("year") == "2025"
