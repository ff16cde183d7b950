"""readers.source_cache: a PDF or Word file read once gives, from the cache, exactly what its
reader gives; other bytes, other code or other libraries miss; a cache that cannot be used
changes nothing; a file that cannot be read is not kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jianwu.errors import InputError
from jianwu.readers import read_bytes, source_cache
from jianwu.readers.source_cache import PREFIX, entry_name

from clirun import run_with_cache as run
from conftest import RAW, ROOT
from formats import plan_docx

PDFS = sorted((RAW / "corpus").glob("*.pdf"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(where))
    return where


def entries(where: Path) -> list[str]:
    return sorted(p.name for p in where.iterdir() if p.name.startswith(PREFIX)) if where.exists() else []


def test_every_corpus_pdf_from_the_cache_is_what_the_reader_reads(cache: Path) -> None:
    for pdf in PDFS:
        raw = pdf.read_bytes()
        fresh = read_bytes(raw, pdf.name, cached=False)
        assert read_bytes(raw, pdf.name) == fresh  # read, and kept
        assert read_bytes(raw, pdf.name) == fresh  # from the cache
    assert len(entries(cache)) == len(PDFS) == 21


def test_a_docx_from_the_cache_is_what_the_reader_reads(cache: Path, seeds: dict) -> None:
    raw = plan_docx(seeds["gaoxin-jianwu-2023"])
    fresh = read_bytes(raw, "plan.docx", cached=False)
    assert read_bytes(raw, "plan.docx") == fresh == read_bytes(raw, "other name.docx")
    assert [n.split("-")[1] for n in entries(cache)] == ["docx"]


def test_text_files_are_not_kept(cache: Path) -> None:
    raw = (RAW / "gaoxin-jianwu-2023.txt").read_bytes()
    assert read_bytes(raw, "plan.txt") == read_bytes(raw, "plan.txt", cached=False)
    assert entries(cache) == []


def test_what_is_read_carries_the_digest_of_its_bytes_taken_once(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import hashlib

    from jianwu.document import parse_bytes

    pdf = RAW / "corpus" / "handan-lvse.pdf"
    raw = pdf.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    assert read_bytes(raw, pdf.name).sha256 == read_bytes(raw, pdf.name).sha256 == digest  # read, then from the cache
    assert read_bytes(raw, pdf.name, cached=False).sha256 == digest
    assert entry_name("pdf", raw, digest) == entry_name("pdf", raw)
    assert parse_bytes(raw, name=pdf.name, path="", doc_id="h").sha256 == digest
    # A digest the caller took is the one used: the bytes are not hashed again.
    hashed: list[int] = []
    real = hashlib.sha256
    monkeypatch.setattr(hashlib, "sha256", lambda data=b"": hashed.append(len(data)) or real(data))
    doc = parse_bytes(raw, name=pdf.name, path="", doc_id="h", sha256=digest)
    assert doc.sha256 == digest and len(raw) not in hashed


def test_other_bytes_code_or_libraries_miss(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = PDFS[0].read_bytes()
    first = entry_name("pdf", raw)
    assert entry_name("pdf", raw + b"\n") != first
    monkeypatch.setattr(source_cache, "code_fingerprint", lambda: "other code")
    assert entry_name("pdf", raw) != first
    monkeypatch.undo()
    monkeypatch.setenv("JIANWU_CACHE_DIR", str(cache))
    monkeypatch.setattr(source_cache, "_libraries", lambda kind: "pdfium upgraded")
    assert entry_name("pdf", raw) != first


def test_the_pdf_library_stamp_names_pdfium_itself() -> None:
    assert "libpdfium" in source_cache._libraries("pdf")


@pytest.mark.parametrize("spoil", [b"not zlib at all", b"x\x9c\x03\x00\x00\x00\x00\x01"])
def test_a_damaged_entry_is_read_again_and_replaced(spoil: bytes, cache: Path) -> None:
    raw = PDFS[1].read_bytes()
    fresh = read_bytes(raw, "plan.pdf")
    (cache / entry_name("pdf", raw)).write_bytes(spoil)
    assert read_bytes(raw, "plan.pdf") == fresh
    assert (cache / entry_name("pdf", raw)).read_bytes() != spoil


def test_an_entry_that_is_not_a_source_text_is_read_again(cache: Path) -> None:
    import pickle
    import zlib

    raw = PDFS[2].read_bytes()
    fresh = read_bytes(raw, "plan.pdf")
    (cache / entry_name("pdf", raw)).write_bytes(zlib.compress(pickle.dumps({"text": "假的"})))
    assert read_bytes(raw, "plan.pdf") == fresh


def test_an_unreadable_pdf_is_not_kept(cache: Path) -> None:
    raw = PDFS[0].read_bytes()[:2000]  # cut short: corrupt
    for _ in range(2):
        with pytest.raises(InputError):
            read_bytes(raw, "cut.pdf")
    assert entries(cache) == []


def test_the_oldest_entries_go_past_the_limit(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(source_cache, "SOURCE_CACHE_LIMIT", 4)
    monkeypatch.setattr(source_cache, "PRUNE_TO", 2)
    names = []
    for i, pdf in enumerate(PDFS[:5]):
        raw = pdf.read_bytes()
        read_bytes(raw, pdf.name)
        names.append(entry_name("pdf", raw))
        os.utime(cache / names[-1], ns=(10**18 + i * 10**9, 10**18 + i * 10**9))  # written in this order
    assert entries(cache) == sorted(names[3:])


def test_a_parse_from_the_cache_imports_no_pdf_library_and_prints_the_same(tmp_path: Path) -> None:
    pdf = str(PDFS[3])
    code = ("import sys, io, contextlib\nfrom jianwu.cli import main\nout = io.StringIO()\n"
            "try:\n    with contextlib.redirect_stdout(out):\n"
            f"        main(['parse', {pdf!r}])\nexcept SystemExit:\n    pass\n"
            "sys.stderr.write(out.getvalue())\n"
            "print(' '.join(sorted(m for m in sys.modules if m.startswith(('pypdfium2', 'jianwu.readers.pdf')))))\n")
    env = {**os.environ, "JIANWU_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    again = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    # The first run reads the PDF with PDFium's own functions, never pypdfium2's Python layer.
    assert first.stdout.split() == ["jianwu.readers.pdf", "jianwu.readers.pdf_columns", "jianwu.readers.pdf_tables", "jianwu.readers.pdfium_lib"] and again.stdout.split() == []
    assert again.stderr == first.stderr and '"sha256"' in first.stderr
    off = run(tmp_path / "off", "parse", pdf, switch="off")
    assert (off.returncode, off.stdout.decode(), off.stderr) == (0, first.stderr, b"")
    assert not (tmp_path / "off").exists()
