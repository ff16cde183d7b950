"""Fact patterns are compiled on first use, and then behave as compiled patterns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import regex

from jianwu.patterns import lazy

ROOT = Path(__file__).resolve().parents[1]


def test_lazy_compiles_on_first_use_and_matches_as_compiled():
    source = r"(?P<y>(?:19|20)\d{2})年(?!\d{1,2}月)"
    pattern = lazy(source)
    assert "_compiled" not in vars(pattern)
    text = "到2025年，比2020年3月下降"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in regex.compile(source).finditer(text)]
    assert pattern.search(text).group("y") == "2025"
    assert pattern.pattern == source and "_compiled" in vars(pattern)


def test_importing_the_fact_modules_compiles_none_of_their_patterns():
    code = (
        "import jianwu.departments, jianwu.targets, jianwu.indicators, jianwu.aliases, jianwu.quantities, jianwu.regions\n"
        "from jianwu.patterns import _Lazy\n"
        "mods = [jianwu.departments, jianwu.targets, jianwu.indicators, jianwu.aliases, jianwu.quantities, jianwu.regions]\n"
        "found = {id(v): v for m in mods for v in vars(m).values() if isinstance(v, _Lazy)}\n"
        "print(len(found), sum('_compiled' in vars(v) for v in found.values()))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    lazy_count, compiled = map(int, done.stdout.split())
    assert lazy_count > 80 and compiled == 0
