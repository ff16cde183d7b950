"""`jianwu parse` and `jianwu normalize`: formats, output files, bad input, determinism."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jianwu.cli import app, main

from conftest import CORPUS_IDS, RAW, ROOT, SEED_PATHS

runner = CliRunner()
CHONGQING = str(RAW / "chongqing-jianwu-2023.txt")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The real console entry point (python -m jianwu), stdout and stderr apart."""
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")


def test_json_of_one_file_is_one_object() -> None:
    result = runner.invoke(app, ["parse", CHONGQING])
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.0"
    assert (data["id"], data["title"], data["script"], len(data["clauses"])) == (
        "chongqing-jianwu-2023", "重庆市减污降碳协同增效实施方案", "traditional", 35)
    assert data["clauses"][1]["path"] == ["一、", "（一）"]
    assert set(data) >= {"id", "path", "sha256", "script", "title", "doc_number", "issuers", "date", "region", "level", "cites", "clauses", "warnings"}


def test_jsonl_has_one_line_per_document() -> None:
    result = runner.invoke(app, ["parse", str(RAW), "--format", "jsonl"])
    assert (result.exit_code, result.stderr) == (0, "")
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    # by path: data/raw/chongqing-…, then data/raw/corpus/*.pdf (walked recursively, its README.md skipped), then the rest
    assert ids == ["chongqing-jianwu-2023", *CORPUS_IDS, "gaoxin-jianwu-2023", "shapingba-jianwu-2023", "yongchuan-jieneng-2023", "ziyang-jianwu-2023"]


def test_tree_draws_the_outline() -> None:
    result = runner.invoke(app, ["parse", str(RAW / "shapingba-jianwu-2023.txt"), "--format", "tree"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("沙坪坝区减污降碳协同增效任务分工  沙环发〔2023〕79号 · 2023-10-25 · district")
    assert any("25. 加强评估考核督察" in line for line in lines)
    assert sum(1 for line in lines if "─ " in line) == 28


def test_output_dir_gets_one_file_per_document(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", *(str(ROOT / p) for p in SEED_PATHS), "-o", str(tmp_path / "out")])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [f"{i}.json" for i in ("chongqing-jianwu-2023", "gaoxin-jianwu-2023", "shapingba-jianwu-2023", "yongchuan-jieneng-2023", "ziyang-jianwu-2023")]


def test_output_files_get_the_usual_mode_and_no_temporary_leftovers(tmp_path: Path) -> None:
    import os

    result = runner.invoke(app, ["parse", str(RAW / "ziyang-jianwu-2023.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert [p.name for p in tmp_path.iterdir()] == ["ziyang-jianwu-2023.json"]
    assert (tmp_path / "ziyang-jianwu-2023.json").stat().st_mode & 0o777 == 0o666 & ~umask


def test_an_interrupted_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jianwu import cli

    target = tmp_path / "doc.json"
    target.write_text("old", encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        cli.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.json"]


def test_refuses_to_write_into_the_raw_corpus() -> None:
    before = sorted(p.name for p in RAW.iterdir())
    result = run("parse", "data/raw/ziyang-jianwu-2023.txt", "-o", "data/raw")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == "jianwu: data/raw: refusing to write into the raw corpus (data/raw)\n"
    assert sorted(p.name for p in RAW.iterdir()) == before


def test_output_is_deterministic() -> None:
    first = run("parse", "data/raw", "-f", "jsonl")
    second = run("parse", "data/raw", "-f", "jsonl")
    assert first.returncode == 0 and first.stdout == second.stdout


def write(directory: Path, name: str, content: bytes | None) -> Path:
    path = directory / name
    if content is None:
        path.mkdir()
    elif name != "missing.txt":
        path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("missing.txt", b"", "no such file or directory"),
        ("empty", None, "directory has no documents (text, PDF, Word or web pages)"),
        ("e.txt", b"", "empty file"),
        ("b.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image, not a document: if it is a scanned page, OCR it into a PDF with a text layer (e.g. ocrmypdf) and give jianwu the PDF"),
        ("c.txt", b"abc\x00\x01def", "binary file, not a document: jianwu reads plans as text, PDF, Word (.docx, .doc, .wps) or web pages; give it the plan in one of those"),
        ("u.txt", bytes([0x81, 0x30, 0xFF, 0xFF, 0x80]) * 4, "cannot decode as Chinese text; tried utf-8 (invalid byte at offset 0), gb18030 (invalid byte at offset 0), big5 (invalid byte at offset 0), big5hkscs (invalid byte at offset 0)"),
        ("n.txt", "这是一段没有编号的文字。\n第二段。".encode(), "no numbered clauses found (is this a plan?)"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, name: str, content: bytes | None, problem: str) -> None:
    path = write(tmp_path, name, content)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"jianwu: {path}: {problem}\n"


def test_good_paths_are_still_processed_next_to_bad_ones(tmp_path: Path) -> None:
    result = run("parse", str(tmp_path / "missing.txt"), "data/raw/ziyang-jianwu-2023.txt", "-f", "jsonl")
    assert result.returncode == 2
    assert result.stderr == f"jianwu: {tmp_path / 'missing.txt'}: no such file or directory\n"
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ziyang-jianwu-2023"]


def test_usage_error_exits_2() -> None:
    result = run("parse", "data/raw", "--format", "yaml")
    assert result.returncode == 2 and result.stdout == ""
    assert "yaml" in result.stderr and "Traceback" not in result.stderr


def test_normalize_prints_clean_text_with_raw_lines() -> None:
    result = runner.invoke(app, ["normalize", str(RAW / "gaoxin-jianwu-2023.txt"), "--lines"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("    4  重庆高新区生态环境局 重庆高新区改革发展局")  # chrome lines 1-2 are gone
    assert "   45  （三）加强生态环境分区管控。" in "\n".join(lines)
    assert not any("返回顶部" in line or "字体" in line for line in lines)


def test_normalize_missing_file_is_one_line() -> None:
    result = run("normalize", "nope.txt")
    assert (result.returncode, result.stdout, result.stderr) == (2, "", "jianwu: nope.txt: no such file or directory\n")


def test_python_dash_m_and_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "parse" in result.stdout and "normalize" in result.stdout


def test_a_run_builds_only_the_command_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """SafeTyper.__call__: the group holds the one command named (the others' click objects are not
    made), and every command is registered again afterwards; no command named: the whole group."""
    import typer.main

    seen: list[list[str]] = []
    real = typer.main.get_command

    def spy(typer_instance):  # type: ignore[no-untyped-def]
        command = real(typer_instance)
        seen.append(sorted(getattr(command, "commands", {})))
        return command

    def exit_code(*argv: str) -> int:
        with pytest.raises(SystemExit) as exited:
            main(list(argv))
        return int(exited.value.code)

    monkeypatch.setattr(typer.main, "get_command", spy)
    every = list(app.registered_commands)
    assert exit_code("tree", "--help") == 0
    assert exit_code("--help") == 0
    assert exit_code("pars", "x") == 2  # a misspelt command: the whole group, click's message
    assert seen[0] == ["tree"] and len(seen[1]) == len(seen[2]) == len(every) > 5
    assert app.registered_commands == every
