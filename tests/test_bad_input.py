"""Bad input through the real entry point, for every command and format (issue 17).

Each case asserts the contract of the README: exit status 2, exactly one line
on stderr that names the bad path, no traceback, and nothing on stdout.  The
runs go through ``jianwu.cli.main`` in-process (``clirun.invoke``), the code
path of the console script, so that the table stays fast.
"""

from __future__ import annotations

import os
import socket
import zipfile
from pathlib import Path

import pytest

from clirun import invoke
from conftest import RAW

GOOD = str(RAW / "ziyang-jianwu-2023.txt")
PARENT = str(RAW / "chongqing-jianwu-2023.txt")

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f70000000049454e44ae426082")


def _zip_bytes(tmp: Path) -> bytes:
    path = tmp / "z.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", "hello")
    return path.read_bytes()


def make_bad(kind: str, tmp: Path) -> Path:
    """A bad input of ``kind`` inside ``tmp`` (named *.txt so that a directory walk picks it up too)."""
    path = tmp / f"bad-{kind}.txt"
    if kind == "missing":
        pass
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "blank":
        path.write_bytes(b"  \n\n\t\n")
    elif kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    elif kind == "png":
        path.write_bytes(PNG)
    elif kind == "zip":
        path.write_bytes(_zip_bytes(tmp))
    elif kind == "pdf":
        path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF garbage")
    elif kind == "shift_jis":
        path.write_bytes(Path(GOOD).read_text(encoding="utf-8").encode("shift_jis", "replace"))
    elif kind == "no_clauses":
        path.write_text("会议纪要\n\n请各单位抓好落实。\n", encoding="utf-8")
    elif kind == "loop":
        path.symlink_to(tmp / f"bad-{kind}-2.txt")
        (tmp / f"bad-{kind}-2.txt").symlink_to(path)
    elif kind == "broken_link":
        path.symlink_to(tmp / "nowhere.txt")
    elif kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
        sock.close()
    elif kind == "chardev":
        return Path("/dev/zero")
    else:
        raise ValueError(kind)
    return path


KINDS = ["missing", "empty", "blank", "binary", "png", "zip", "pdf", "shift_jis", "no_clauses",
         "loop", "broken_link", "directory", "fifo", "socket", "chardev"]

# (command and options, with {bad} for the bad path); no_clauses is a finding for check, not an error.
COMMANDS = [
    ["parse", "{bad}"], ["parse", "{bad}", "-f", "jsonl"], ["parse", "{bad}", "-f", "tree"],
    ["normalize", "{bad}"], ["normalize", "{bad}", "--lines"],
    ["targets", "{bad}"], ["targets", "{bad}", "-f", "json"], ["targets", "{bad}", "-f", "jsonl"], ["targets", "{bad}", "-f", "csv"],
    ["departments", "{bad}"], ["departments", "{bad}", "-f", "json"], ["departments", "{bad}", "-f", "csv"],
    ["departments", "{bad}", "--unknown", "-f", "csv"],
    ["check", "{bad}"], ["check", "{bad}", "-f", "json"], ["check", "{bad}", "-f", "github"], ["check", "{bad}", "-f", "sarif"],
    ["diff", "{bad}", PARENT], ["diff", "{bad}", PARENT, "-f", "json"], ["diff", "{bad}", PARENT, "-f", "markdown"],
    ["diff", "{bad}", PARENT, "-f", "html"], ["diff", GOOD, "{bad}"], ["diff", GOOD, "{bad}", "-f", "json"],
]


def _expected_to_fail(kind: str, args: list[str]) -> bool:
    if kind == "no_clauses" and args[0] in ("check", "normalize"):
        return False  # check reports JW010; normalize prints the text
    return True


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(a if not a.startswith("/") else Path(a).stem[:8] for a in c))
def test_bad_input_is_one_line_exit_2_nothing_on_stdout(tmp_path: Path, kind: str, command: list[str]) -> None:
    if kind == "socket" and len(str(tmp_path)) > 90:
        pytest.skip("the socket path is too long for AF_UNIX here")
    bad = make_bad(kind, tmp_path)
    args = [str(bad) if a == "{bad}" else a for a in command]
    if not _expected_to_fail(kind, command):
        pytest.skip(f"{kind} is not an error for {command[0]}")
    result = invoke(*args)
    assert result.code == 2, (result.code, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("jianwu: "), result.stderr
    assert str(bad) in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("kind", ["missing", "binary", "loop", "fifo", "directory", "shift_jis"])
@pytest.mark.parametrize("command", [["parse", "-f", "jsonl"], ["targets", "-f", "csv"], ["departments", "-f", "csv"], ["check", "-f", "json"]])
def test_a_bad_input_does_not_stop_the_good_one(tmp_path: Path, kind: str, command: list[str]) -> None:
    bad = make_bad(kind, tmp_path)
    result = invoke(command[0], str(bad), GOOD, *command[1:])
    assert result.code == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
    assert "ziyang" in result.stdout


def test_a_directory_of_bad_inputs_reports_each_and_processes_the_good(tmp_path: Path) -> None:
    for kind in ("empty", "binary", "png", "fifo", "broken_link", "loop"):
        make_bad(kind, tmp_path)
    (tmp_path / "good.txt").write_bytes(Path(GOOD).read_bytes())
    result = invoke("parse", str(tmp_path), "-f", "jsonl")
    assert result.code == 2
    assert result.stdout.count("\n") == 1 and '"id": "good"' in result.stdout
    lines = result.stderr.replace(str(tmp_path), "T").splitlines()
    # Each bad entry named once, in order; the problems this module owns, word for word
    # (binary and PNG are the readers' messages).
    assert [line.split(": ")[1] for line in lines] == [
        "T/bad-binary.txt", "T/bad-broken_link.txt", "T/bad-empty.txt", "T/bad-fifo.txt", "T/bad-loop-2.txt", "T/bad-loop.txt", "T/bad-png.txt"]
    assert lines[1:6] == [
        "jianwu: T/bad-broken_link.txt: broken symbolic link (its target does not exist)",
        "jianwu: T/bad-empty.txt: empty file",
        "jianwu: T/bad-fifo.txt: is a FIFO (named pipe), not a regular file: jianwu reads only regular files",
        "jianwu: T/bad-loop-2.txt: is a symbolic link loop (it never reaches a file)",
        "jianwu: T/bad-loop.txt: is a symbolic link loop (it never reaches a file)",
    ]


@pytest.mark.parametrize("args", [
    ["parse", GOOD, "-f", "yaml"], ["parse", GOOD, "--nope"], ["parse"],
    ["normalize"], ["normalize", GOOD, "--lines=maybe"], ["normalize", GOOD, PARENT],
    ["targets", GOOD, "--year", "soon"], ["targets", GOOD, "-f", "xml"],
    ["departments", GOOD, "--by", "size"], ["departments", GOOD, "-f", "xml"],
    ["check", GOOD, "--fail-on", "fatal"], ["check", GOOD, "-f", "xml"],
    ["diff", GOOD, PARENT, "-f", "pdf"], ["diff", GOOD, PARENT, "--only", "some"],
    ["diff", GOOD, PARENT, "--corpus", str(RAW)],  # conflicting: PARENT and --corpus
    ["diff", GOOD, PARENT, "--side-by-side", "-f", "json"],  # conflicting: columns in JSON
    ["search"], ["search", "碳", "--limit", "0"], ["index", GOOD, "--jobs", "0"], ["export"], ["export", "out", "-f", "xml"],
    ["nosuchcommand"], [],
])
def test_bad_options_are_one_line_exit_2(args: list[str]) -> None:
    result = invoke(*args)
    assert result.code == 2, (result.code, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("jianwu: "), result.stderr
    assert "Traceback" not in result.stderr


def test_index_does_not_wait_for_a_fifo(tmp_path: Path) -> None:
    fifo = make_bad("fifo", tmp_path)
    result = invoke("index", str(fifo), GOOD, "--db", str(tmp_path / "db.sqlite"), "--jobs", "1")
    assert result.code == 1  # the index's own status: some documents could not be indexed
    assert f"jianwu: {fifo}: is a FIFO (named pipe)" in result.stderr
