"""Reliability (issue 17): odd files, output paths, the raw-corpus guard, decoding, exit codes.

Each test is a finding of the robustness run, kept as a regression test.
"""

from __future__ import annotations

import re

import codecs
import json
import os
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from jianwu import parse_document
from jianwu.errors import InputError
from jianwu.normalize import decode
from jianwu.numbering import cn_to_int, int_to_cn
from jianwu import safe_io
from jianwu.safe_io import OutputError, csv_cell, in_raw_corpus, read_regular_file, terminal_safe, write_output

from clirun import invoke
from conftest import RAW, ROOT

ZIYANG = RAW / "ziyang-jianwu-2023.txt"
SHAPINGBA = RAW / "shapingba-jianwu-2023.txt"


def run(*args: str, cwd: Path = ROOT, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=cwd, capture_output=True, input=input, timeout=120)


# ---------------------------------------------------------------- long lists of bare values


def test_a_long_list_of_bare_values_takes_the_unit_written_once() -> None:
    """分别达到12、12、…、40万吨 with 5,000 values: each is in 万吨. Searching the sentence from its
    start for each value made this quadratic (5,000 values took 3 s, 16,000 took 30 s)."""
    from jianwu.quantities import find_quantities

    found = find_quantities("到2025年，分别达到" + "12、" * 5000 + "40.5万吨")
    tons = [(q.text, q.unit, q.value) for q in found if q.unit == "吨"]
    assert len(tons) == 5001
    assert tons[0] == ("12", "吨", 120000) and tons[-1] == ("40.5万吨", "吨", 405000)
    assert [q.start for q in found] == sorted(q.start for q in found)


# ---------------------------------------------------------------- numerals beyond the old table


@pytest.mark.parametrize(("n", "cn"), [
    (0, "零"), (7, "七"), (10, "十"), (14, "十四"), (20, "二十"), (99, "九十九"), (100, "一百"), (101, "一百零一"),
    (110, "一百一十"), (999, "九百九十九"), (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"),
    (1100, "一千一百"), (10000, "一万"), (10010, "一万零一十"), (100000, "十万"), (150000, "十五万"),
    (12345678, "一千二百三十四万五千六百七十八"), (100000000, "一亿"), (100000001, "一亿零一"),
    (10**16, "一亿亿"),
])
def test_int_to_cn_for_any_number(n: int, cn: str) -> None:
    assert int_to_cn(n) == cn


def test_int_to_cn_is_the_inverse_of_cn_to_int() -> None:
    assert [n for n in range(1, 1000) if cn_to_int(int_to_cn(n)) != n] == []


def test_clause_numbered_beyond_999_parses() -> None:
    doc = parse_document("一、总则\n第1000条 推进工作。\n第1001条 加强管理。\n")
    assert [c.key for c in doc.clauses] == ["一、", "一、/第一千条", "一、/第一千零一条"]


def test_an_absurdly_long_clause_number_is_not_a_number() -> None:
    assert cn_to_int("1" * 5000) is None  # int() of it would raise (and be slow)


# ---------------------------------------------------------------- decoding must be plausible


def _shapingba_text() -> str:
    return SHAPINGBA.read_text(encoding="utf-8")


def test_big5_is_detected_and_converted_to_simplified() -> None:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(_shapingba_text())
    doc = parse_document(traditional.encode("big5", "replace"), doc_id="big5")
    reference = parse_document(SHAPINGBA)
    assert (doc.encoding, doc.script) == ("big5", "traditional")
    assert doc.title == reference.title
    assert len(doc.clauses) == len(reference.clauses)


@pytest.mark.parametrize(("encoding", "share"), [("shift_jis", "12%"), ("euc_kr", "45%")])
def test_other_cjk_encodings_are_refused_not_read_as_mojibake(encoding: str, share: str) -> None:
    raw = _shapingba_text().encode(encoding, "replace")
    with pytest.raises(InputError) as caught:
        decode(raw, "plan.txt")
    message = str(caught.value)
    assert re.fullmatch(rf"plan\.txt: cannot decode as Chinese text; tried utf-8 \(invalid byte at offset \d+\), gb18030 \({share} common hanzi "
                        r"among \d+ characters\), big5 \(invalid byte at offset \d+\), big5hkscs \(invalid byte at offset \d+\)", message)


def test_gb18030_and_utf8_still_decode() -> None:
    text = _shapingba_text()
    assert decode(text.encode("gb18030"), "x")[1] == "gb18030"
    assert decode(text.encode("utf-8"), "x")[1] == "utf-8"
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"), "x")[1] == "utf-8-sig"


def test_shift_jis_through_the_cli_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(_shapingba_text().encode("shift_jis", "replace"))
    result = invoke("parse", str(path))
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"jianwu: {path}: cannot decode as Chinese text; tried utf-8") and result.stderr.count("\n") == 1


# ---------------------------------------------------------------- only regular files are read


@pytest.fixture()
def odd(tmp_path: Path) -> Path:
    """A directory of odd paths: a FIFO, a symbolic link loop, a broken link, a directory, a socket."""
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "dir.txt").mkdir()
    import socket

    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "sock.txt"))
    except OSError:
        pass
    sock.close()
    return tmp_path


@pytest.mark.parametrize(("name", "problem"), [
    ("fifo.txt", "is a FIFO (named pipe), not a regular file: jianwu reads only regular files"),
    ("loop1", "is a symbolic link loop (it never reaches a file)"),
    ("broken.txt", "broken symbolic link (its target does not exist)"),
    ("dir.txt", "is a directory, not a document"),
    ("sock.txt", "is a socket, not a regular file: jianwu reads only regular files"),
])
def test_odd_paths_are_refused_naming_what_they_are(odd: Path, name: str, problem: str) -> None:
    if not (odd / name).exists() and not (odd / name).is_symlink():
        pytest.skip(f"{name} could not be made here")
    with pytest.raises(InputError) as caught:
        read_regular_file(odd / name)
    assert caught.value.problem == problem


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_character_devices_are_refused_without_reading(device: str) -> None:
    with pytest.raises(InputError) as caught:
        read_regular_file(Path(device))
    assert caught.value.problem == "is a character device, not a regular file: jianwu reads only regular files"


def test_oversized_input_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 3000)
    monkeypatch.setattr(safe_io, "MAX_INPUT_BYTES", 2048)
    with pytest.raises(InputError) as caught:
        read_regular_file(path)
    assert caught.value.problem == "too large: 0 MB (jianwu reads documents up to 50 MB)"


def test_a_fifo_in_a_directory_is_reported_not_waited_for(odd: Path) -> None:
    (odd / "good.txt").write_bytes(ZIYANG.read_bytes())
    result = invoke("parse", str(odd), "-f", "jsonl")
    assert result.code == 2
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good"]
    assert f"jianwu: {odd / 'fifo.txt'}: is a FIFO (named pipe)" in result.stderr


# ---------------------------------------------------------------- the raw-corpus guard, from anywhere


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A copy of a jianwu corpus: <tmp>/repo/data/raw with one plan."""
    raw = tmp_path / "repo" / "data" / "raw"
    raw.mkdir(parents=True)
    (raw / "ziyang.txt").write_bytes(ZIYANG.read_bytes())
    return raw


def _listing(directory: Path) -> list[str]:
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def test_guard_holds_from_outside_the_repository(corpus: Path, tmp_path: Path) -> None:
    before = _listing(corpus)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for args in (["parse", str(corpus / "ziyang.txt"), "-o", str(corpus)],
                 ["parse", str(corpus / "ziyang.txt"), "-o", str(corpus / "sub")],
                 ["diff", str(corpus / "ziyang.txt"), str(corpus / "ziyang.txt"), "-o", str(corpus / "r.json")]):
        result = run(*args, cwd=elsewhere)
        assert result.returncode == 2 and result.stdout == b""
        assert b"refusing to write into the raw corpus (data/raw)" in result.stderr
    assert _listing(corpus) == before


def test_guard_holds_for_dotdot_and_links(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(corpus)
    assert in_raw_corpus(corpus / ".." / "raw")
    assert in_raw_corpus(tmp_path / "link" / "new.json")
    assert not in_raw_corpus(corpus.parent / "parsed")
    result = run("parse", "ziyang.txt", "-o", "../raw", cwd=corpus)
    assert result.returncode == 2 and b"refusing to write into the raw corpus" in result.stderr
    assert _listing(corpus) == ["ziyang.txt"]


# ---------------------------------------------------------------- -o onto what is there


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert write_output(link, "new") == "replaced"
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_output_to_dev_null_streams_and_keeps_the_device() -> None:
    assert write_output(Path("/dev/null"), "text") == "streamed"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_to_a_fifo_without_reader_is_refused_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="it is a FIFO with no reader"):
        write_output(fifo, "text")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_to_a_fifo_with_a_reader_streams(tmp_path: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    import time

    for _ in range(100):  # wait until cat has opened the FIFO
        try:
            assert write_output(fifo, "through the pipe\n") == "streamed"
            break
        except OutputError:
            time.sleep(0.05)
    assert reader.communicate(timeout=10)[0] == b"through the pipe\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_to_proc_self_fd_1_streams_into_stdout(tmp_path: Path) -> None:
    result = run("diff", str(SHAPINGBA), str(RAW / "chongqing-jianwu-2023.txt"), "-f", "json", "-o", "/proc/self/fd/1")
    assert result.returncode == 0 and result.stderr == b""
    assert json.loads(result.stdout)["child"]["id"] == "shapingba-jianwu-2023"


@pytest.mark.parametrize(("make", "given", "message"), [
    ("file", "f/out.json", "cannot write {d}/f/out.json: {d}/f is a file, a directory is needed"),
    ("dir", "d", "cannot write {d}/d: it is a directory, a file name is needed"),
    (None, "/dev/full", "cannot write /dev/full: no space left on device"),
    (None, "/proc/jianwu/out.json", "cannot write /proc/jianwu/out.json: no such file or directory"),
])
def test_output_path_errors_are_plain_lines(tmp_path: Path, make: str | None, given: str, message: str) -> None:
    if make == "file":
        (tmp_path / "f").write_text("x", encoding="utf-8")
    elif make == "dir":
        (tmp_path / "d").mkdir()
    path = given if given.startswith("/") else str(tmp_path / given)
    result = invoke("diff", str(SHAPINGBA), str(RAW / "chongqing-jianwu-2023.txt"), "-f", "json", "-o", path)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: {message.format(d=tmp_path)}\n"


def test_parse_output_dir_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("x", encoding="utf-8")
    result = invoke("parse", str(ZIYANG), "-o", str(tmp_path / "out"))
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: cannot write {tmp_path / 'out'}: it is a regular file, a directory is needed\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_read_only_directory_is_permission_denied(tmp_path: Path) -> None:
    (tmp_path / "ro").mkdir(mode=0o555)
    result = invoke("diff", str(SHAPINGBA), str(RAW / "chongqing-jianwu-2023.txt"), "-f", "json", "-o", str(tmp_path / "ro" / "r.json"))
    assert result.code == 2 and result.stderr == f"jianwu: cannot write {tmp_path / 'ro' / 'r.json'}: permission denied\n"


# ---------------------------------------------------------------- an unreadable file does not stop the others


UNREADABLE_SCRIPT = """
import contextlib, io, os, sys
from jianwu.cli import main
command, locked, good = sys.argv[1:4]
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    for warm in ([command, good, *sys.argv[4:]], [command, "/nonexistent.txt", *sys.argv[4:]]):
        try:  # every lazy import, while we can still read them
            main(warm)
        except SystemExit:
            pass
if os.geteuid() == 0:  # root reads mode-000 files: become nobody for the real run
    os.setgid(65534)
    os.setuid(65534)
main([command, locked, good, *sys.argv[4:]])
"""


@pytest.mark.parametrize("command", [["parse", "-f", "jsonl"], ["targets", "-f", "csv"], ["departments", "-f", "csv"], ["check"]])
def test_an_unreadable_file_does_not_stop_the_others(command: list[str]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        os.chmod(scratch, 0o755)  # nobody must reach good.txt
        locked, good = Path(scratch) / "locked.txt", Path(scratch) / "good.txt"
        good.write_bytes(ZIYANG.read_bytes())
        locked.write_bytes(ZIYANG.read_bytes())
        os.chmod(good, 0o644)
        os.chmod(locked, 0)
        done = subprocess.run([sys.executable, "-c", UNREADABLE_SCRIPT, command[0], str(locked), str(good), *command[1:]],
                              cwd=scratch, capture_output=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.decode() == f"jianwu: {locked}: cannot read: permission denied\n"
    assert b"ziyang" in done.stdout or b"good" in done.stdout


# ---------------------------------------------------------------- exit codes and one-line errors


@pytest.mark.parametrize(("args", "line"), [
    (["parse", "data/raw", "--format", "yaml"], "jianwu: parse: Invalid value for '--format' / '-f': "),
    (["parse"], "jianwu: parse: Missing argument 'PATH...'. (see 'jianwu parse --help')"),
    (["parse", "--bogus", "x"], "jianwu: parse: No such option: --bogus (see 'jianwu parse --help')"),
    (["targets", "data/raw", "--year", "soon"], "jianwu: targets: Invalid value for '--year': "),
    (["diff", "a", "b", "c"], "jianwu: diff: Got unexpected extra argument(s) (c) (see 'jianwu diff --help')"),
    (["nosuchcommand"], "jianwu: No such command 'nosuchcommand'. (see 'jianwu --help')"),
    ([], "jianwu: missing command (see 'jianwu --help')"),
])
def test_usage_errors_are_one_line_exit_2(args: list[str], line: str) -> None:
    result = invoke(*args)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith(line) and result.stderr.count("\n") == 1, result.stderr


@pytest.mark.parametrize("stdin", [b"\xff\xfe\x00garbage\x81", b"\xc3\x28 not utf-8\n", b"data/raw\x00/x.txt\n", bytes(range(256))])
def test_check_dash_with_garbage_on_stdin(stdin: bytes) -> None:
    result = invoke("check", "-", input=stdin)
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr.startswith("jianwu: <stdin>: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_broken_pipe_exits_141_quietly() -> None:
    done = subprocess.run(f"{sys.executable} -m jianwu parse data/raw -f jsonl | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}",
                          shell=True, executable="/bin/bash", cwd=ROOT, capture_output=True, timeout=120)
    assert (done.stdout, done.stderr) == (b"141\n", b"")


def test_broken_pipe_of_a_rich_table_exits_141_quietly() -> None:
    done = subprocess.run(f"{sys.executable} -m jianwu parse data/raw -f tree | head -c 10 >/dev/null; echo ${{PIPESTATUS[0]}}",
                          shell=True, executable="/bin/bash", cwd=ROOT, capture_output=True, timeout=120)
    assert (done.stdout, done.stderr) == (b"141\n", b"")


@pytest.mark.parametrize("args", [
    ["departments", "-f", "csv"], ["departments", "-f", "json"], ["departments", "--unknown", "-f", "csv"],
    ["targets", "-f", "csv"], ["parse", "-f", "json"], ["check", "-f", "json"], ["check", "-f", "sarif"], ["check"],
])
def test_nothing_on_stdout_when_every_input_failed(args: list[str], tmp_path: Path) -> None:
    result = invoke(*args, str(tmp_path / "missing.txt"))
    assert (result.code, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: {tmp_path / 'missing.txt'}: no such file or directory\n"


# ---------------------------------------------------------------- output safety


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "esc.txt"
    text = ZIYANG.read_text(encoding="utf-8").replace("总体要求", "总体\x1b]0;pwned\x07要求\x1b[2J\x9b31m", 1)
    path.write_text(text, encoding="utf-8")
    for args in (["normalize", str(path)], ["normalize", str(path), "--lines"], ["parse", str(path), "-f", "tree"],
                 ["diff", str(path), str(ZIYANG)], ["diff", str(path), str(ZIYANG), "-f", "markdown"],
                 ["targets", str(path)], ["departments", str(path)], ["check", str(path)]):
        result = invoke(*args)
        assert result.code in (0, 1), (args, result.stderr)
        assert not any(c in result.stdout + result.stderr for c in "\x1b\x07\x9b"), args


def test_a_file_name_with_escapes_is_shown_safely(tmp_path: Path) -> None:
    result = invoke("parse", str(tmp_path / "x\x1b[31m.txt"))
    assert result.code == 2 and "\x1b" not in result.stderr and "\ufffd[31m" in result.stderr


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("-3.5", "-3.5"), ("+10%", "+10%"), ("=", "="), ("-", "-"), ("区发展改革委", "区发展改革委"), (3, 3),
])
def test_csv_cells_are_neutralised(cell: object, safe: object) -> None:
    assert csv_cell(cell) == safe


def test_csv_of_a_file_named_like_a_formula(tmp_path: Path) -> None:
    path = tmp_path / "=cmd.txt"
    path.write_bytes(SHAPINGBA.read_bytes())
    result = invoke("departments", str(path), "-f", "csv")
    assert result.code == 0
    rows = result.stdout.splitlines()[1:]
    assert rows and all(row.startswith("'=cmd,") for row in rows)


def test_terminal_safe() -> None:
    assert terminal_safe("a\x1b[2Jb\tc\nd\x07\x9b") == "a\ufffd[2Jb\tc\nd\ufffd\ufffd"


def test_terminal_safe_keeps_only_colour_sequences() -> None:
    assert terminal_safe("\x1b[1;31mX\x1b[0m") == "\x1b[1;31mX\x1b[0m"  # rich's colours for a terminal
    assert terminal_safe("\x1b]0;title\x07\x1b[2J\x1b[H") == "\ufffd]0;title\ufffd\ufffd[2J\ufffd[H"
    assert terminal_safe("\x1b[1mX", keep_colour=False) == "\ufffd[1mX"
