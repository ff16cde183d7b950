"""jianwu's own PDFium calls (``readers/pdfium_lib.py``) against pypdfium2's on the same library."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest

from jianwu.readers import pdfium_lib
from jianwu.readers.pdfium_lib import Document, PdfiumError, per_character

ROOT = Path(__file__).resolve().parent.parent
PDFS = sorted((ROOT / "data" / "raw" / "corpus").glob("*.pdf"))


def test_the_library_is_the_one_pypdfium2_installs() -> None:
    import pypdfium2_raw

    found = pdfium_lib.library_file()
    assert found is not None and Path(found).parent == Path(pypdfium2_raw.__file__).parent


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (2, "Failed to load document (PDFium: File access error)."),
        (3, "Failed to load document (PDFium: Data format error)."),
        (4, "Failed to load document (PDFium: Incorrect password error)."),
        (5, "Failed to load document (PDFium: Unsupported security scheme error)."),
        (99, "Failed to load document (PDFium: error 99)."),
    ],
)
def test_errors_are_worded_as_pypdfium2_words_them(code: int, message: str) -> None:
    from pypdfium2.internal.consts import ErrorToStr

    assert str(PdfiumError(code)) == message
    if code in ErrorToStr:
        assert message == f"Failed to load document (PDFium: {ErrorToStr[code]})."


@pytest.mark.parametrize("raw", [b"", b"%PDF-1.4\n", b"x" * 100], ids=["empty", "header only", "not a PDF"])
def test_what_is_not_a_pdf_is_refused_with_the_format_error(raw: bytes) -> None:
    with pytest.raises(PdfiumError) as caught:
        Document(raw)
    assert caught.value.code == 3


def test_a_page_past_the_last_is_refused() -> None:
    with Document(PDFS[0].read_bytes()) as pdf:
        with pytest.raises(PdfiumError) as caught:
            with pdf.text_page(pdf.page_count):
                pass
    assert caught.value.code == 6


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_pages_boxes_characters_and_information_equal_pypdfium2s(path: Path) -> None:
    raw = path.read_bytes()
    theirs = pypdfium2.PdfDocument(raw)
    try:
        with Document(raw) as ours:
            assert ours.page_count == len(theirs)
            assert {key: ours.meta_text(key) for key in theirs.METADATA_KEYS} == theirs.get_metadata_dict()
            for index in (0, ours.page_count - 1):
                page = theirs[index]
                textpage = page.get_textpage()
                with ours.text_page(index) as (handle, box):
                    assert box == pytest.approx(page.get_cropbox())
                    count = ours.lib.FPDFText_CountChars(handle)
                    assert count == textpage.count_chars()
                    codes = (ctypes.c_ushort * (count + 1))()
                    got = ours.lib.FPDFText_GetText(handle, 0, count, codes)
                    assert bytes(codes)[: 2 * (got - 1)].decode("utf-16-le", "replace") == textpage.get_text_range(0, count)
                    x, y = ctypes.c_double(), ctypes.c_double()
                    for i in range(0, count, max(1, count // 20)):
                        ours.lib.FPDFText_GetCharOrigin(handle, i, ctypes.addressof(x), ctypes.addressof(y))
                        ox, oy = ctypes.c_double(), ctypes.c_double()
                        pdfium_c.FPDFText_GetCharOrigin(textpage, i, ox, oy)
                        assert (x.value, y.value) == (ox.value, oy.value)
                        assert bool(ours.lib.FPDFText_IsGenerated(handle, i)) == bool(pdfium_c.FPDFText_IsGenerated(textpage, i))
                        # The reader's per-character calls, declared without argument types, give the same.
                        ux, uy = ctypes.c_double(), ctypes.c_double()
                        per_character("FPDFText_GetCharOrigin")(ctypes.c_void_p(handle), i, ctypes.c_void_p(ctypes.addressof(ux)),
                                                                ctypes.c_void_p(ctypes.addressof(uy)))
                        assert (ux.value, uy.value) == (ox.value, oy.value)
                        assert (bool(per_character("FPDFText_IsGenerated")(ctypes.c_void_p(handle), i))
                                == bool(pdfium_c.FPDFText_IsGenerated(textpage, i)))
                textpage.close()
                page.close()
    finally:
        theirs.close()
