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
    stored = pickle.loads((cache / PATTERN_CACHE_FILE).read_bytes())  # each pattern pickled on its own
    assert len(stored) > 100 and all(isinstance(pickle.loads(p), regex.Pattern) and pickle.loads(p).pattern == source
                                     for (source, _), p in stored.items())
    before = (cache / PATTERN_CACHE_FILE).stat().st_mtime_ns
    warm = run(cache, "parse", SEED)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr) == (0, cold.stdout, b"")
    assert (cache / PATTERN_CACHE_FILE).stat().st_mtime_ns == before  # nothing new compiled: no write
    # Another command's patterns are added to the same file, the parse's kept.
    run(cache, "check", SEED)
    assert set(stored) < set(pickle.loads((cache / PATTERN_CACHE_FILE).read_bytes()))


@pytest.mark.parametrize("spoil", ["damaged", "other patterns", "not patterns", "whole patterns", "damaged entry",
                                   "unwritable", "off"])
def test_a_cache_that_cannot_be_used_changes_nothing(spoil: str, tmp_path: Path) -> None:
    expected = run(tmp_path / "fresh", "parse", SEED)
    cache = tmp_path / "cache"
    cache.mkdir()
    switch = ""
    if spoil == "damaged":
        (cache / PATTERN_CACHE_FILE).write_bytes(b"\x80\x05not a pickle" * 50)
    elif spoil == "other patterns":  # an entry whose key is not its pattern's source
        (cache / PATTERN_CACHE_FILE).write_bytes(pickle.dumps({(r"\d{4}年", 0): pickle.dumps(regex.compile(r"\d{2}年"))}))
    elif spoil == "not patterns":
        (cache / PATTERN_CACHE_FILE).write_bytes(pickle.dumps({("年", 0): pickle.dumps("年"), ("月", 0): "月"}))
    elif spoil == "whole patterns":  # the file as it was before each pattern was pickled on its own
        (cache / PATTERN_CACHE_FILE).write_bytes(pickle.dumps({(r"\d{4}年", 0): regex.compile(r"\d{4}年")}))
    elif spoil == "damaged entry":
        (cache / PATTERN_CACHE_FILE).write_bytes(pickle.dumps({(r"\d{4}年", 0): b"\x80\x05not a pickle"}))
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


def test_a_pattern_is_unpickled_only_when_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    # The file's entries stay pickles until compile_pattern asks for one; a pickle that is not a
    # pattern of its key's source is compiled anew (and replaced).
    source, other = r"(?P<n>\d+)项(?=任务)", r"(?P<n>\d+)个(?=项目)"
    monkeypatch.setattr(patterns, "_patterns", {(source, 0): pickle.dumps(regex.compile(source)),
                                                (other, 0): pickle.dumps(regex.compile(r"\d+")),
                                                ("未问", 0): pickle.dumps(regex.compile("未问"))})
    monkeypatch.setattr(patterns, "_unsaved", True)  # (no exit handler registered by this test)
    asked = compile_pattern(source)
    assert isinstance(asked, regex.Pattern) and asked.search("完成12项任务").group("n") == "12"
    assert patterns._patterns[(source, 0)] is asked and compile_pattern(source) is asked
    assert isinstance(patterns._patterns[("未问", 0)], bytes)  # not asked for: still its pickle
    mended = compile_pattern(other)
    assert mended.pattern == other and patterns._patterns[(other, 0)] is mended
