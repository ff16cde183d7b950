"""std_patterns.compile_std: the standard ``re`` patterns built from cached code equal what
``re.compile`` makes, and a cache that cannot be used changes nothing."""

from __future__ import annotations

import pickle
import re
import sys
from pathlib import Path

import pytest

from jianwu import aliases, departments, normalize, ocr_repair, quantities, std_patterns, targets
from jianwu.std_patterns import STD_CACHE_FILE, compile_std

from clirun import run_with_cache as run
from conftest import RAW

SEED = str(RAW / "shapingba-jianwu-2023.txt")

# Every module-level compile_std pattern of the parser.
MODULE_PATTERNS = sorted(
    ((module.__name__, name) for module in (aliases, departments, normalize, ocr_repair, quantities, targets)
     for name, value in vars(module).items() if isinstance(value, re.Pattern) and value.pattern in {
         key[0] for key in (std_patterns._entries or {})}),
)


def test_the_parser_uses_compile_std_for_its_wide_classes() -> None:
    assert len(MODULE_PATTERNS) >= 12
    assert ("jianwu.targets", "MAY_HOLD_TARGET") in MODULE_PATTERNS


@pytest.mark.parametrize("module, name", MODULE_PATTERNS)
def test_a_module_pattern_is_what_re_compile_makes(module: str, name: str) -> None:
    pattern = getattr(sys.modules[module], name)
    assert pattern == re.compile(pattern.pattern, pattern.flags)


@pytest.mark.parametrize("source, flags, text, found", [
    (r"[。；;！？!?\n]", 0, "推进绿色发展；加快", [("；", 6)]),
    (r"(?P<year>20\d\d)年(?=底|前)", 0, "到2025年底", [("2025年", 1)]),
    (r"[\u2e80-\U0010ffff]", 0, "a碳b", [("碳", 1)]),
    (r"energy|能耗", re.IGNORECASE, "ENERGY和能耗", [("ENERGY", 0), ("能耗", 7)]),
    (r"(?m)^\s+$", 0, "甲\n  \n乙", [("  ", 2)]),
])
def test_a_pattern_built_from_cached_code_matches_as_re_does(
        source: str, flags: int, text: str, found: list[tuple[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(std_patterns, "_entries", {})
    first = compile_std(source, flags)  # compiled, its code kept
    assert (source, flags) in std_patterns._entries
    rebuilt = std_patterns._build(source, std_patterns._entries[(source, flags)])
    assert rebuilt == first == re.compile(source, flags) and rebuilt is not re.compile(source, flags)
    assert [(m.group(), m.start()) for m in rebuilt.finditer(text)] == found
    assert rebuilt.groupindex == re.compile(source, flags).groupindex


def test_an_entry_sre_refuses_is_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"[。；]"
    flags, code, groups, groupindex, indexgroup = std_patterns._parts(source, 0)
    monkeypatch.setattr(std_patterns, "_entries", {(source, 0): (flags, [999_999, *code], groups, groupindex, indexgroup)})
    assert compile_std(source) == re.compile(source)


def test_a_warm_process_makes_what_a_cold_one_makes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cold = run(cache, "parse", SEED)
    stored = pickle.loads((cache / STD_CACHE_FILE).read_bytes())
    assert len(stored) >= 12 and all(isinstance(code, list) for _, code, *_ in stored.values())
    before = (cache / STD_CACHE_FILE).stat().st_mtime_ns
    warm = run(cache, "parse", SEED)
    assert (warm.returncode, warm.stdout, warm.stderr) == (cold.returncode, cold.stdout, cold.stderr) == (0, cold.stdout, b"")
    assert (cache / STD_CACHE_FILE).stat().st_mtime_ns == before  # nothing new compiled: no write


def _cut_short(fresh: Path) -> bytes:
    """Every entry's code cut short: _sre refuses it."""
    good = pickle.loads(fresh.read_bytes())
    return pickle.dumps({key: (flags, code[:3], groups, index, names) for key, (flags, code, groups, index, names) in good.items()})


SPOILED = {  # what the cache file holds instead of good entries (given the good file)
    "damaged": lambda fresh: b"\x80\x05not a pickle" * 50,
    "not a dict": lambda fresh: pickle.dumps(["[。；]"]),
    "wrong code": _cut_short,
}


@pytest.mark.parametrize("spoil", [*SPOILED, "off"])
def test_a_cache_that_cannot_be_used_changes_nothing(spoil: str, tmp_path: Path) -> None:
    expected = run(tmp_path / "fresh", "parse", SEED)
    cache = tmp_path / "cache"
    cache.mkdir()
    if spoil in SPOILED:
        (cache / STD_CACHE_FILE).write_bytes(SPOILED[spoil](tmp_path / "fresh" / STD_CACHE_FILE))
    for _ in range(2):
        got = run(cache, "parse", SEED, switch="off" if spoil == "off" else "")
        assert (got.returncode, got.stdout, got.stderr) == (expected.returncode, expected.stdout, expected.stderr)
    assert spoil != "off" or list(cache.iterdir()) == []
