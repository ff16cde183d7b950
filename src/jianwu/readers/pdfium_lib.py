"""The few PDFium calls the PDF reader makes, on the library pypdfium2 ships, through ctypes.

Why not pypdfium2's own Python layer: ``import pypdfium2`` declares every function of PDFium's
API (a generated ctypes module of 4,500 lines) and builds its helper classes, 17-20 ms on this
machine, an eighth of a whole ``jianwu parse plan.pdf``.  The reader needs some twenty functions.
They are declared here, on the same shared library, found in the ``pypdfium2_raw`` package
(pypdfium2 >= 4.21) without importing it; dlopen and the declarations take about 2 ms.  A build
of pypdfium2 against a system PDFium falls back to the system's ``pdfium``.

Handles are untyped pointers (``c_void_p``): ctypes then passes them without the checks and
conversions pypdfium2's typed pointers make at every call, which matters for the two calls made
per character (``FPDFText_GetCharOrigin``, ``FPDFText_IsGenerated``).

PDFium is not thread-safe; jianwu reads PDFs in one thread per process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from contextlib import contextmanager
from functools import lru_cache
from importlib.util import find_spec
from typing import Iterator, Optional

# FPDF_GetLastError's codes, worded as pypdfium2 words them.
ERRORS = {
    0: "Success",
    1: "Unknown error",
    2: "File access error",
    3: "Data format error",
    4: "Incorrect password error",
    5: "Unsupported security scheme error",
    6: "Page not found or content error",
}
FPDF_ERR_PASSWORD = 4

_POINTER = ctypes.c_void_p
_INT = ctypes.c_int
_FLOAT_OUT = ctypes.POINTER(ctypes.c_float)
# name: (result, arguments), as declared in PDFium's public headers (fpdfview.h, fpdf_text.h,
# fpdf_doc.h, fpdf_transformpage.h).
PROTOTYPES: dict[str, tuple[Optional[type], tuple[type, ...]]] = {
    "FPDF_InitLibraryWithConfig": (None, (_POINTER,)),
    "FPDF_LoadMemDocument64": (_POINTER, (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p)),
    "FPDF_GetLastError": (ctypes.c_ulong, ()),
    "FPDF_GetPageCount": (_INT, (_POINTER,)),
    "FPDF_CloseDocument": (None, (_POINTER,)),
    "FPDF_LoadPage": (_POINTER, (_POINTER, _INT)),
    "FPDF_ClosePage": (None, (_POINTER,)),
    "FPDFPage_GetCropBox": (_INT, (_POINTER, _FLOAT_OUT, _FLOAT_OUT, _FLOAT_OUT, _FLOAT_OUT)),
    "FPDFPage_GetMediaBox": (_INT, (_POINTER, _FLOAT_OUT, _FLOAT_OUT, _FLOAT_OUT, _FLOAT_OUT)),
    "FPDF_GetMetaText": (ctypes.c_ulong, (_POINTER, ctypes.c_char_p, _POINTER, ctypes.c_ulong)),
    "FPDFText_LoadPage": (_POINTER, (_POINTER,)),
    "FPDFText_ClosePage": (None, (_POINTER,)),
    "FPDFText_CountChars": (_INT, (_POINTER,)),
    "FPDFText_GetText": (_INT, (_POINTER, _INT, _INT, _POINTER)),
    "FPDFText_GetCharOrigin": (_INT, (_POINTER, _INT, _POINTER, _POINTER)),
    "FPDFText_IsGenerated": (_INT, (_POINTER, _INT)),
    "FPDFText_GetCharAngle": (ctypes.c_float, (_POINTER, _INT)),
    "FPDFPage_CountObjects": (_INT, (_POINTER,)),
    "FPDFPage_GetObject": (_POINTER, (_POINTER, _INT)),
    "FPDFPageObj_GetType": (_INT, (_POINTER,)),
    "FPDFPageObj_GetBounds": (_INT, (_POINTER, _FLOAT_OUT, _FLOAT_OUT, _FLOAT_OUT, _FLOAT_OUT)),
}
FPDF_PAGEOBJ_PATH = 2  # FPDFPageObj_GetType of a path: a line, a rectangle, a table's border


class PdfiumError(Exception):
    """PDFium could not open the document or a page (``code``: FPDF_GetLastError's, or 6 for a page)."""

    def __init__(self, code: int, what: str = "document", message: Optional[str] = None) -> None:
        self.code = code
        super().__init__(message or f"Failed to load {what} (PDFium: {ERRORS.get(code, f'error {code}')}).")


class _LibraryConfig(ctypes.Structure):
    # FPDF_LIBRARY_CONFIG, version 2 (fpdfview.h), as pypdfium2 initialises PDFium.
    _fields_ = [
        ("version", ctypes.c_int),
        ("m_pUserFontPaths", ctypes.c_void_p),
        ("m_pIsolate", ctypes.c_void_p),
        ("m_v8EmbedderSlot", ctypes.c_uint),
    ]


def library_file() -> Optional[str]:
    """The PDFium pypdfium2 installed (``pypdfium2_raw/libpdfium.so``, ``pdfium.dll``, ...), or the system's."""
    if sys.platform.startswith(("win32", "cygwin", "msys")):  # the names pypdfium2_raw's loader looks for
        name = "pdfium.dll"
    elif sys.platform.startswith(("darwin", "ios")):
        name = "libpdfium.dylib"
    else:
        name = "libpdfium.so"
    try:
        spec = find_spec("pypdfium2_raw")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        path = os.path.join(location, name)
        if os.path.exists(path):
            return path
    return ctypes.util.find_library("pdfium")


@lru_cache(maxsize=1)
def library() -> ctypes.CDLL:
    """PDFium, loaded, declared and initialised once a process (``ImportError`` when absent)."""
    path = library_file()
    if path is None:
        raise ImportError("PDFium not found: install pypdfium2 (pip install pypdfium2)")
    lib = ctypes.CDLL(path)  # pypdfium2 loads it the same way (the C calling convention)
    for name, (result, arguments) in PROTOTYPES.items():
        function = getattr(lib, name)
        function.restype, function.argtypes = result, arguments
    # Initialising twice is harmless (PDFium returns at once): pypdfium2 may share the library.
    lib.FPDF_InitLibraryWithConfig(ctypes.byref(_LibraryConfig(2, None, None, 0)))
    return lib


@lru_cache(maxsize=None)
def per_character(name: str) -> ctypes._CFuncPtr:  # type: ignore[name-defined]
    """PDFium's function ``name`` (one returning an ``int``) declared without argument types, for the
    calls made once per character: ctypes then passes each argument as it is (``c_void_p`` handles
    and addresses made once per page, a Python ``int`` as a C ``int``) instead of converting every
    argument through its declared type at every call (0.5 -> 0.39 us a call)."""
    function = library()[name]  # (a new function object: the declared one keeps its types)
    function.restype, function.argtypes = _INT, None
    return function


class Document:
    """An open PDF: its pages' handles, one at a time, and its information dictionary.

    PDFium reads from ``raw`` while the document is open; the object keeps it alive.
    """

    def __init__(self, raw: bytes) -> None:
        self.lib = library()
        self._raw = raw
        self.handle: Optional[int] = self.lib.FPDF_LoadMemDocument64(raw, len(raw), None)
        if not self.handle:
            raise PdfiumError(int(self.lib.FPDF_GetLastError()))
        self.page_count = self.lib.FPDF_GetPageCount(self.handle)
        self._page: Optional[int] = None  # the page open in text_page, for paths()
        if self.page_count < 1:  # (PDFium opens it, with no error to tell)
            self.close()
            raise PdfiumError(0, message="it has no page")

    def __enter__(self) -> "Document":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self.handle:
            self.lib.FPDF_CloseDocument(self.handle)
            self.handle = None

    @contextmanager
    def text_page(self, index: int) -> Iterator[tuple[int, tuple[float, float, float, float]]]:
        """Page ``index`` (from 0): its text page's handle and its box, both closed on leaving."""
        page = self.lib.FPDF_LoadPage(self.handle, index)
        if not page:
            raise PdfiumError(6, f"page {index + 1}")
        try:
            box = self._crop_box(page)
            text = self.lib.FPDFText_LoadPage(page)
            if not text:
                raise PdfiumError(6, f"the text of page {index + 1}")
            self._page = page
            try:
                yield text, box
            finally:
                self._page = None
                self.lib.FPDFText_ClosePage(text)
        finally:
            self.lib.FPDF_ClosePage(page)

    def paths(self, max_objects: int = 5000) -> list[tuple[float, float, float, float]]:
        """The bounds (left, bottom, right, top) of the path objects (lines, rectangles) of the page
        open in ``text_page``; none for a page of more than ``max_objects`` objects (a drawing, not
        a table: looking at each costs more than the page's text)."""
        lib, page = self.lib, self._page
        if page is None:
            return []
        count = lib.FPDFPage_CountObjects(page)
        if count > max_objects:
            return []
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        out = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
        bounds: list[tuple[float, float, float, float]] = []
        for i in range(count):
            obj = lib.FPDFPage_GetObject(page, i)
            if obj and lib.FPDFPageObj_GetType(obj) == FPDF_PAGEOBJ_PATH and lib.FPDFPageObj_GetBounds(obj, *out):
                bounds.append((left.value, bottom.value, right.value, top.value))
        return bounds

    def _crop_box(self, page: int) -> tuple[float, float, float, float]:
        """(left, bottom, right, top): the CropBox, else the MediaBox, else US Letter (as pypdfium2)."""
        box = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
        pointers = [ctypes.pointer(v) for v in box]
        if self.lib.FPDFPage_GetCropBox(page, *pointers) or self.lib.FPDFPage_GetMediaBox(page, *pointers):
            return (box[0].value, box[1].value, box[2].value, box[3].value)
        return (0.0, 0.0, 612.0, 792.0)

    def meta_text(self, key: str) -> str:
        """A value of the information dictionary ("Title", "Author", ...), or ""."""
        tag = key.encode("ascii")
        size = int(self.lib.FPDF_GetMetaText(self.handle, tag, None, 0))
        if size <= 2:
            return ""
        buffer = ctypes.create_string_buffer(size)
        self.lib.FPDF_GetMetaText(self.handle, tag, buffer, size)
        return buffer.raw[: size - 2].decode("utf-16-le", errors="replace")
