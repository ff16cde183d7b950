"""dataclass_code: jianwu's dataclasses get the methods ``dataclasses`` itself makes, compiled once
per machine; other classes, and a Python whose ``_create_fn`` differs, are left to ``dataclasses``."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import types
from pathlib import Path
from typing import Any, Callable

import pytest

import jianwu  # noqa: F401  (installs the stand-in)
from jianwu import dataclass_code
from jianwu.model import Target, Warning_

from conftest import ROOT

INSTALLED = dataclasses._create_fn is dataclass_code._create_fn  # type: ignore[attr-defined]
pytestmark = pytest.mark.skipif(not INSTALLED, reason=f"dataclasses of Python {sys.version.split()[0]} are not the ones copied")

# Classes of every shape dataclasses makes methods for: defaults and factories, frozen (its
# __setattr__, __delattr__ and __hash__), order, unsafe_hash, keyword-only fields, slots.
SHAPES: list[tuple[dict[str, Any], Callable[[type], None]]] = [
    ({}, lambda cls: None),
    ({"frozen": True}, lambda cls: None),
    ({"order": True}, lambda cls: None),
    ({"unsafe_hash": True}, lambda cls: None),
    ({"kw_only": True}, lambda cls: None),
    ({"slots": True}, lambda cls: None),
    ({"frozen": True, "eq": False, "repr": False}, lambda cls: None),
]


def _make(module: str, options: dict[str, Any], create_fn: Callable[..., Any]) -> type:
    """The same class made in ``module`` with ``create_fn`` as ``dataclasses._create_fn``."""
    holder = types.ModuleType(module)
    sys.modules[module] = holder
    saved = dataclasses._create_fn  # type: ignore[attr-defined]
    dataclasses._create_fn = create_fn  # type: ignore[attr-defined]
    try:
        namespace = {
            "__module__": module,
            "__annotations__": {"name": "str", "value": "Optional[float]", "tags": "tuple[str, ...]", "year": "int"},
            "value": None,
            "tags": dataclasses.field(default_factory=tuple),
            "year": 2025,
        }
        cls = dataclasses.dataclass(**options)(type("Made", (), namespace))
    finally:
        dataclasses._create_fn = saved  # type: ignore[attr-defined]
        del sys.modules[module]
    return cls


def _methods(cls: type) -> dict[str, tuple[bytes, tuple[object, ...], tuple[str, ...]]]:
    out = {}
    for name in ("__init__", "__repr__", "__eq__", "__setattr__", "__delattr__", "__hash__", "__lt__", "__ge__"):
        fn = cls.__dict__.get(name)
        if isinstance(fn, types.FunctionType):
            code = fn.__code__
            out[name] = (code.co_code, code.co_consts, code.co_names)
    return out


@pytest.mark.parametrize("options", [s[0] for s in SHAPES], ids=[",".join(s[0]) or "plain" for s in SHAPES])
def test_a_jianwu_class_gets_the_methods_dataclasses_makes(options: dict[str, Any]) -> None:
    original = dataclass_code._ORIGINAL
    ours = _make("jianwu.shape_under_test", options, dataclass_code._create_fn)
    theirs = _make("jianwu.shape_under_test", options, original)
    assert _methods(ours) == _methods(theirs) and _methods(ours)
    a, b = ours(name="A", value=1.5), ours(name="A", value=1.5, year=2025)
    if options.get("eq", True):
        assert a == b and a != ours(name="B")
    if options.get("repr", True):
        assert repr(a) == repr(theirs(name="A", value=1.5)) == "Made(name='A', value=1.5, tags=(), year=2025)"
    if options.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.name = "C"  # type: ignore[misc]
        if options.get("eq", True):
            assert hash(a) == hash(b)


def test_jianwu_classes_are_made_from_the_kept_code_and_others_are_not() -> None:
    assert dataclass_code._codes  # the model's classes went through it
    init = Target.__init__.__code__
    assert any(code.co_consts and init in _nested(code) for code in dataclass_code._codes.values())
    before = dict(dataclass_code._codes)
    _make("not_jianwu_module", {}, dataclass_code._create_fn)
    assert dataclass_code._codes == before  # a class of another package: dataclasses' own function


def _nested(code: types.CodeType) -> list[types.CodeType]:
    inner = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    return [c for c in inner] + [d for c in inner for d in _nested(c)]


def test_a_python_whose_create_fn_differs_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    def other(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):  # type: ignore[no-untyped-def]
        return dataclass_code._ORIGINAL(name, args, body, globals=globals, locals=locals, return_type=return_type)  # type: ignore[misc]

    monkeypatch.setattr(dataclasses, "_create_fn", other)
    assert dataclass_code.install() is False
    assert dataclasses._create_fn is other  # type: ignore[attr-defined]
    monkeypatch.setattr(dataclass_code, "_ORIGINAL", other)
    assert dataclass_code.install() is False  # the same function in place, but not the one copied


SHOW = (
    "import jianwu.model as m, jianwu.dataclass_code as d, dataclasses;"
    "print(dataclasses._create_fn is d._create_fn, len(d._codes) > 0, m.Warning_('a', 'b') == m.Warning_('a', 'b'),"
    " repr(m.Warning_('x', 'y')))"
)


def _run(cache: Path) -> str:
    env = {"JIANWU_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", SHOW], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout


def test_the_code_is_kept_across_runs_and_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    expected = "True True True Warning_(code='x', message='y', line=None)\n"
    assert _run(tmp_path) == expected  # compiled, and kept at exit
    kept = tmp_path / dataclass_code.CODE_CACHE_FILE
    assert kept.stat().st_size > 0
    first = kept.read_bytes()
    assert _run(tmp_path) == expected  # from the file: nothing new, nothing written
    assert kept.read_bytes() == first
    kept.write_bytes(b"not marshal data")
    assert _run(tmp_path) == expected
    assert kept.read_bytes() == first  # compiled again, and the file made whole


def test_warnings_compare_and_print_as_dataclasses_do() -> None:
    assert Warning_("a", "b") == Warning_("a", "b", None) != Warning_("a", "c")
    assert repr(Warning_("a", "b", 3)) == "Warning_(code='a', message='b', line=3)"

