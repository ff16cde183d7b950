"""Speed of the PDF reader (readers/pdf.py) over data/raw/corpus/, beside pdftotext.

    python bench/bench_pdf.py [--repeat N]

Prints pages and characters per second of jianwu's reader (pypdfium2 plus the layout
work: lines, headers and footers, paragraphs) and, when ``pdftotext`` is on PATH, of
``pdftotext -layout`` (poppler, C++) on the same files in the same run, and their ratio.
CPU time of this process (jianwu) and of the children (pdftotext) is measured, so a busy
machine does not skew the ratio as much as wall-clock time would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "raw" / "corpus"


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def bench_jianwu(files: list[tuple[Path, bytes]], repeat: int) -> tuple[float, int, int]:
    """(CPU seconds per pass, pages, characters of text read) of readers.pdf.read_pdf."""
    from jianwu.readers.pdf import read_pdf

    read_pdf(files[0][1], str(files[0][0]))  # import and warm pdfium once
    best = float("inf")
    pages = chars = 0
    for _ in range(repeat):
        start = time.process_time()
        pages = chars = 0
        for path, raw in files:
            source = read_pdf(raw, str(path))
            pages += source.line_pages[-1] if source.line_pages else 0
            chars += len(source.text)
        best = min(best, time.process_time() - start)
    return best, pages, chars


def bench_pdftotext(files: list[tuple[Path, bytes]], repeat: int) -> tuple[float, int]:
    """(CPU seconds per pass of pdftotext -layout children, characters written)."""
    best = float("inf")
    chars = 0
    for _ in range(repeat):
        start = _children_cpu()
        chars = 0
        for path, _raw in files:
            out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
            chars += len(out.stdout.decode("utf-8", "replace"))
        best = min(best, _children_cpu() - start)
    return best, chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus; the fastest counts")
    args = parser.parse_args()
    files = [(p, p.read_bytes()) for p in sorted(CORPUS.glob("*.pdf"))]
    seconds, pages, chars = bench_jianwu(files, args.repeat)
    print(f"{len(files)} PDFs, {pages} pages, {chars} characters read")
    print(f"jianwu readers.pdf   {seconds:7.3f} s CPU  {pages / seconds:8.1f} pages/s  {chars / seconds:10.0f} chars/s")
    if shutil.which("pdftotext") is None:
        print("pdftotext not installed: no comparison")
        return
    other, other_chars = bench_pdftotext(files, args.repeat)
    print(f"pdftotext -layout    {other:7.3f} s CPU  {pages / other:8.1f} pages/s  {other_chars / other:10.0f} chars/s")
    print(f"ratio jianwu/pdftotext (time per page): {seconds / other:.2f}")


if __name__ == "__main__":
    main()
