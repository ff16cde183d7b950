"""Reading inputs and writing outputs safely: the one place every command goes through.

Reading: only regular files are read (a FIFO would block, a device would never
end), never more than ``MAX_INPUT_BYTES``; anything else is an ``InputError``
that names the path and what it is.

Writing: ``write_output`` replaces a regular file atomically (never half a
file), writes *through* a symbolic link to the file it names (the link stays),
and writes straight into a character device or a FIFO with a reader
(``/dev/null``, ``/dev/stdout``, ``/proc/self/fd/1``) instead of renaming a
regular file over it.  Every failure is an ``OutputError``:
``cannot write PATH: REASON``.

The raw-corpus guard: nothing is ever written into a ``data/raw`` directory,
judged on the resolved path (symbolic links and ``..`` followed), wherever
the command runs from.  "A jianwu corpus" is any directory named ``raw``
whose parent is named ``data`` — the layout of the repository and of every
corpus checkout.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Optional, TextIO

from .errors import InputError, JianwuError

# The largest input jianwu reads (a 500-page plan as text is ~2 MB; a scanned
# PDF rarely exceeds 30 MB).  Above it a document is refused before it is read,
# so memory stays a small multiple of what is accepted.
MAX_INPUT_BYTES = 50 * 1024 * 1024
MAX_INPUT_LABEL = "50 MB"

# The corpus directory nothing may be written into: .../data/raw/...
RAW_CORPUS_PARTS = ("data", "raw")


class OutputError(JianwuError):
    """An output path jianwu cannot or will not write (exit status 2)."""


# ---------------------------------------------------------------- what a path is


def kind_of_mode(mode: int) -> str:
    """A human name for the file type in ``mode`` ("regular file", "FIFO (named pipe)", …)."""
    if stat.S_ISREG(mode):
        return "regular file"
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def _reason(exc: OSError) -> str:
    """The lower-case reason of an OS error: "permission denied", "no space left on device"."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]


def stat_input(path: Path) -> os.stat_result:
    """``os.stat`` of an input path, or an ``InputError`` that says what is wrong with it."""
    try:
        return os.stat(path)
    except ValueError:
        raise InputError(str(path), "invalid path (contains a NUL byte)") from None
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise InputError(str(path), "broken symbolic link (its target does not exist)") from None
        if exc.errno == errno.ENOENT:
            raise InputError(str(path), "no such file or directory") from None
        if exc.errno == errno.ELOOP:
            raise InputError(str(path), "is a symbolic link loop (it never reaches a file)") from None
        raise InputError(str(path), f"cannot read: {_reason(exc)}") from None


# ---------------------------------------------------------------- reading


def _refuse_kind(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise InputError(str(path), "is a directory, not a document")
    if not stat.S_ISREG(mode):
        raise InputError(str(path), f"is a {kind_of_mode(mode)}, not a regular file: jianwu reads only regular files")


def _too_large(path: str, size: int) -> InputError:
    return InputError(path, f"too large: {size / 1024 / 1024:.0f} MB (jianwu reads documents up to {MAX_INPUT_LABEL})")


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_INPUT_BYTES``; ``InputError`` otherwise.

    The file is opened non-blocking and checked again after opening, so a path
    swapped for a FIFO between the check and the open cannot block the run.
    """
    _refuse_kind(path, stat_input(path).st_mode)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        _refuse_kind(path, info.st_mode)
        if info.st_size > MAX_INPUT_BYTES:
            raise _too_large(str(path), info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = _read_limited(fh, str(path))
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {_reason(exc)}") from None
    finally:
        os.close(fd)
    return data


def _read_limited(stream: BinaryIO, name: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise _too_large(name, len(data))
    return data


def read_stdin_bytes() -> bytes:
    """Standard input, at most ``MAX_INPUT_BYTES`` (``InputError`` beyond)."""
    return _read_limited(sys.stdin.buffer, "<stdin>")


def read_stdin_lines() -> list[str]:
    """Non-empty lines of standard input as UTF-8 text (paths given with ``-``)."""
    raw = read_stdin_bytes()
    if b"\x00" in raw:
        raise InputError("<stdin>", "contains NUL bytes: expected paths, one per line")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError("<stdin>", f"not UTF-8 text (invalid byte at offset {exc.start}): expected paths, one per line") from None
    return [line.strip() for line in text.splitlines() if line.strip()]


def document_files(directory: Path, suffixes: Optional[tuple[str, ...]], *, hidden: bool = True) -> list[Path]:
    """Entries under ``directory`` (recursively, sorted) whose name ends in one of ``suffixes``.

    Regular files and anything else with such a name (a FIFO, a broken link) are
    returned, so that reading reports the odd ones rather than skipping them
    silently; directories and symbolic links to directories are not entered twice.
    ``suffixes`` None: every entry.  ``hidden`` False: names starting with "." (files
    and directories: ``.git``, ``.DS_Store``) are not looked at.
    """
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()
    stack = [directory]
    while stack:
        current = stack.pop()
        try:
            info = os.stat(current)
            if (info.st_dev, info.st_ino) in seen_dirs:
                continue  # a symbolic link back up the tree
            seen_dirs.add((info.st_dev, info.st_ino))
            entries = list(os.scandir(current))
        except OSError:
            if current == directory:
                raise
            found.append(Path(current))  # an unreadable subdirectory: reported when read
            continue
        for entry in entries:
            path = Path(entry.path)
            if not hidden and entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            elif suffixes is None or path.suffix.lower() in suffixes:
                found.append(path)
    return sorted(found)


# ---------------------------------------------------------------- the raw-corpus guard


def in_raw_corpus(path: Path) -> bool:
    """Does ``path`` (resolved: links, ``..`` and the working directory) lie in a ``data/raw``?"""
    try:
        parts = Path(os.path.realpath(path)).parts
    except (OSError, ValueError):
        return False
    return any(parts[i:i + 2] == RAW_CORPUS_PARTS for i in range(len(parts) - 1))


def guard_raw(path: Path) -> None:
    """Refuse to write ``path`` when it resolves into a raw corpus (``data/raw``)."""
    if in_raw_corpus(path):
        raise OutputError(f"{path}: refusing to write into the raw corpus (data/raw)")


# ---------------------------------------------------------------- what reaches a terminal or a spreadsheet

# C0 and C1 control characters but tab and newline: ESC (escape sequences), BEL, CR, DEL …
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# A spreadsheet reads a cell starting with one of these as a formula: =HYPERLINK(…), +1, -1, @SUM
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# A colour/style sequence (SGR: ESC [ … m) as rich writes it for a terminal: it can only
# colour text, never move the cursor, clear the screen or set the window title.
SGR_OR_CONTROL = re.compile(r"(\x1b\[[0-9;]*m)|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str, *, keep_colour: bool = True) -> str:
    """``text`` with every control character but tab and newline shown as U+FFFD.

    Colour sequences (``ESC [ 1;31 m``) that a renderer produced are kept unless
    ``keep_colour`` is false; document text never carries any (normalisation
    removed its control characters), so nothing else of ESC survives.
    """
    if not keep_colour:
        return TERMINAL_CONTROL.sub("\ufffd", text)
    return SGR_OR_CONTROL.sub(lambda m: m.group(1) or "\ufffd", text)


# A plain number a spreadsheet reads as a value, not a formula: -3.5  +2  -10%
PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?%?")


def csv_cell(value: object) -> object:
    """A CSV cell no spreadsheet runs as a formula: a leading = + - @ tab or CR gets a ' before it.

    Plain numbers stay as they are (-3.5 is a value, not a formula), and so does
    a lone mark (the comparator "=", a "-" for none): nothing follows it to run.
    """
    if (isinstance(value, str) and len(value) > 1 and value.startswith(CSV_FORMULA_START)
            and not PLAIN_NUMBER.fullmatch(value)):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose every cell goes through ``csv_cell``: use it for every CSV jianwu writes."""

    def __init__(self, stream: TextIO) -> None:
        import csv

        self._writer = csv.writer(stream, lineterminator="\n")

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


# ---------------------------------------------------------------- writing


def prepare_output_dir(directory: Path) -> None:
    """Make ``directory`` (and parents) for writing, refusing the raw corpus; ``OutputError`` on failure."""
    guard_raw(directory)
    problem = _directory_problem(directory)
    if problem:
        raise OutputError(f"cannot write {directory}: {problem}")


def _directory_problem(directory: Path) -> str:
    """Why ``directory`` cannot be made or used as a directory ("" when it can)."""
    try:
        info = os.stat(directory)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        return _mkdir_reason(directory, exc)
    if info is not None and not stat.S_ISDIR(info.st_mode):
        return f"it is a {kind_of_mode(info.st_mode)}, a directory is needed"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return _mkdir_reason(directory, exc)
    return ""


def _mkdir_reason(directory: Path, exc: OSError) -> str:
    if exc.errno in (errno.EEXIST, errno.ENOTDIR):
        for parent in reversed((directory, *directory.parents)):
            if parent.exists() and not parent.is_dir():
                return f"{parent} is a file, a directory is needed"
    return _reason(exc)


def write_output(path: Path, text: str) -> str:
    """Write ``text`` (UTF-8) to ``path``; returns how: "replaced", "created" or "streamed".

    A regular file (or a new one) is replaced atomically; through a symbolic
    link the file it names is replaced and the link kept.  A character device
    or a FIFO with a reader is written in place (streamed), never renamed over.
    Sockets, block devices, FIFOs without a reader and directories are refused.
    """
    guard_raw(path)
    try:
        info: Optional[os.stat_result] = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_mkdir_reason(path.parent, exc)}") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a directory, a file name is needed")
    if info is not None and (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
        _stream_to(path, text, fifo=stat.S_ISFIFO(info.st_mode))
        return "streamed"
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a {kind_of_mode(info.st_mode)}; give a file name")
    # A symbolic link (or a chain of them) to a file: replace the file, keep the link.
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    guard_raw(target)
    problem = _directory_problem(target.parent)
    if problem:
        raise OutputError(f"cannot write {path}: {problem}")
    write_atomic(target, text)
    return "replaced" if info is not None else "created"


def _stream_to(path: Path, text: str, *, fifo: bool) -> None:
    flags = os.O_WRONLY | (os.O_NONBLOCK if fifo else 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if fifo and exc.errno == errno.ENXIO:
            raise OutputError(f"cannot write {path}: it is a FIFO with no reader") from None
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        if fifo:
            os.set_blocking(fd, True)  # a reader is there: write at its pace
        data = text.encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to the regular file ``path`` so that a failure never leaves half a file.

    The text goes to a temporary file beside it, which is renamed over ``path``
    once complete; ``OutputError`` (and no temporary file left) on any failure.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_mkdir_reason(path.parent, exc)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        # mkstemp makes the file private (0600); give it the mode a plain open() would have.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {_reason(exc)}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
