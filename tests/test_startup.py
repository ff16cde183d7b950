"""Start-up: a command imports what it needs, and jianwu's own option conversion is Typer's."""

from __future__ import annotations

import enum
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from jianwu.cli import app
from jianwu.cli.coercion import FastRuntimeParam

ROOT = Path(__file__).resolve().parents[1]

# Heavy imports a command pays only when it uses them.
HEAVY = ("pydantic", "rich", "datasketch", "scipy", "jsonschema", "lxml", "rapidfuzz")


def loaded_after(argv: list[str]) -> set[str]:
    """The HEAVY top-level modules imported by running ``jianwu ARGV`` in a fresh interpreter."""
    code = (
        "import sys, io, contextlib\n"
        "from jianwu.cli import main\n"
        "buf = io.StringIO()\n"
        "try:\n"
        "    with contextlib.redirect_stdout(buf):\n"
        f"        main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_parse_of_a_text_file_imports_no_renderer_validator_or_reader():
    assert loaded_after(["parse", "data/raw/shapingba-jianwu-2023.txt"]) == set()


def test_a_warm_check_imports_no_parser_renderer_or_fuzzy_matcher(tmp_path: Path) -> None:
    # Everything a check of a seed needs is in the cache after one run: the plans of its
    # directory, its parent and its diff.  The second run parses and compares nothing.
    argv = ["check", "data/raw/shapingba-jianwu-2023.txt"]
    code = (
        "import sys, io, contextlib\n"
        "from jianwu.cli import main\n"
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'rapidfuzz', 'numpy', 'multiprocessing')\n"
        "    or m in ('jianwu.clauses', 'jianwu.targets', 'jianwu.departments', 'jianwu.diff', 'jianwu.align',\n"
        "             'jianwu.quantities', 'decimal'))))\n"
    )
    env = {**os.environ, "JIANWU_CACHE_DIR": str(tmp_path / "cache")}
    cold = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert {"jianwu.diff", "jianwu.quantities"} <= set(cold.stdout.split())
    warm = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert warm.stdout.split() == []


def test_help_and_version_load_nothing_heavy():
    assert loaded_after(["--version"]) == set()
    assert loaded_after(["parse", "--help"]) == set()


def test_a_bad_option_value_still_gets_typers_message():
    # The fast conversion defers what it cannot convert: Typer's own message, word for word.
    done = subprocess.run([sys.executable, "-m", "jianwu", "parse", "data/raw", "--format", "yaml"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr == ("jianwu: parse: Invalid value for '--format' / '-f': Value error, "
                           "'yaml' is not one of 'json', 'jsonl', 'tree'. (see 'jianwu parse --help')\n")


def _samples(annotation: object) -> list[object]:
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [m.value for m in annotation] + list(annotation)
    if annotation is int:
        return ["0", "1", "2", "12", 3]
    if annotation is str:
        return ["x", "国务院", "-"]
    if annotation is Path:
        return ["data/raw", "a b.txt", "-", Path("data/raw")]
    return []


def _outcome(convert: object) -> tuple[object, ...]:
    """(value, its type) or (exception type, message): what a conversion gave."""
    try:
        value = convert()  # type: ignore[operator]
    except Exception as exc:  # noqa: BLE001  (Typer's BadParameter and the like)
        return (type(exc), str(exc))
    return (value, type(value))


def test_fast_conversion_gives_exactly_what_typer_gives():
    from typer._coercion import build_runtime_param

    group = typer.main.get_command(app)
    ctx = group.make_context("jianwu", ["parse", "x"], resilient_parsing=True)
    checked = 0
    for command in group.commands.values():
        for param in command.get_params(ctx):
            descriptor = param.type_descriptor
            fast, slow = FastRuntimeParam(descriptor), build_runtime_param(descriptor)
            annotation = descriptor.annotation
            inner = typer.main.get_args(annotation)[0] if typer.main.get_origin(annotation) is list else annotation
            values: list[object] = [None]
            for v in _samples(inner):
                values.append((v,) if param.nargs == -1 or param.multiple else v)
            for value in values:
                expected = _outcome(lambda: slow.coerce(value, param=param, ctx=ctx))
                got = _outcome(lambda: fast.coerce(value, param=param, ctx=ctx))
                assert got == expected, (command.name, param.name, value)
                checked += 1
    assert checked > 100


@pytest.mark.parametrize("value", ["0", "3", "007", "-1", " 2", "x"])
def test_out_of_range_or_odd_integers_are_typers_to_judge(value):
    from typer._coercion import build_runtime_param

    group = typer.main.get_command(app)
    ctx = group.make_context("jianwu", ["search", "x"], resilient_parsing=True)
    param = next(p for p in group.commands["coverage"].get_params(ctx) if p.name == "depth")
    slow = build_runtime_param(param.type_descriptor)
    fast = FastRuntimeParam(param.type_descriptor)
    expected = _outcome(lambda: slow.coerce(value, param=param, ctx=ctx))
    assert _outcome(lambda: fast.coerce(value, param=param, ctx=ctx)) == expected


def test_default_db_is_the_stores():
    from jianwu.cli.common import DEFAULT_DB
    from jianwu.corpus.store import DEFAULT_DB as STORE_DEFAULT_DB

    assert DEFAULT_DB == STORE_DEFAULT_DB


# ---------------------------------------------------------------- shortcuts give what the long way gives


def test_common_hanzi_are_what_each_pair_decodes_to():
    import regex

    from jianwu.plausibility import common_hanzi

    chars: set[str] = set()
    for codec, leads, trails in (("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
                                 ("big5", range(0xA4, 0xC7), (*range(0x40, 0x7F), *range(0xA1, 0xFF)))):
        for lead in leads:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    assert common_hanzi() == frozenset(c for c in chars if regex.match(r"\p{Han}", c))


def test_numbering_tokens_tried_by_first_character_match_trying_every_style():
    from jianwu import numbering

    def every_style(line: str):  # match_token before the first-character table
        for style, pattern, _ in numbering.STYLES:
            m = pattern.match(line)
            if not m:
                continue
            raw = m.group("n")
            value = ord(raw) - 0x2460 + 1 if style == "circled" else numbering.cn_to_int(raw)
            if value and (line[m.end():] or style not in ("arabic", "arabic_rparen")):
                return style, value, m.end()
        return None

    lines = {"", "第", "一", "（", "1", "１", "٣、", "⑳ 结", "①", "1.5倍", "3.", "12）", "第十二条 总", "十、", "两、"}
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        lines.update(path.read_text(encoding="utf-8", errors="replace").split("\n"))
    for line in lines:
        token = numbering.match_token(line.strip())
        got = (token.style, token.value, token.end) if token is not None else None
        assert got == every_style(line.strip()), line


def test_script_detection_remembers_hanzi_without_changing_the_answer():
    from jianwu import normalize

    texts = ["推进绿色低碳发展", "推進綠色低碳發展", "发展與推进", "abc", "" , "關於加快發展的實施意見" * 3]
    first = [normalize.detect_script(t) for t in texts]
    again = [normalize.detect_script(t) for t in reversed(texts)][::-1]
    assert first == again
    assert first[:5] == [("simplified", 0), ("traditional", 3), ("mixed", 1), ("simplified", 0), ("simplified", 0)]


@pytest.mark.parametrize("name", ["shapingba-jianwu-2023.txt", "chongqing-jianwu-2023.txt", "corpus/handan-lvse.pdf"])
def test_facts_added_later_give_the_whole_parse(name):
    # check and diff parse the parent candidates without their facts and add them to the one found.
    from jianwu.document import add_facts, parse_document
    from jianwu.serialize import document_to_dict

    path = ROOT / "data" / "raw" / name
    light = parse_document(path, facts=False)
    assert not any(c.departments or c.targets for c in light.clauses)
    add_facts(light)
    assert document_to_dict(light) == document_to_dict(parse_document(path))
