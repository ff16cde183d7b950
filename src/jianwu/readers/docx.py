"""Word .docx -> ``SourceText``: body paragraphs and tables in order, numbers rendered.

One line per paragraph.  Word's automatic numbering is rendered into the text
(``docx_numbering``), because government Word files number their clauses that
way and the numbers are not in the paragraph text.  Tables become lines the
clause and departments readers understand (``table_lines``).  Headers, footers,
comments and footnotes live in other parts of the package and are never read;
deleted revisions, hidden runs and field codes are left out; text boxes give
their own lines before the paragraph that anchors them.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Iterator, Optional

from ..errors import InputError
from . import SourceText
from .docx_numbering import W, NumberingRenderer, _on, _val
from .table_lines import span_cells, table_to_lines

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not part of what the paragraph shows.
# (w:rt: the phonetic guide above a w:ruby's base text.)
SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}rPr", f"{W}pPr", f"{W}instrText", f"{W}delText", MC_FALLBACK,
           f"{W}txbxContent", f"{W}rt"}
# Main-part content types python-docx refuses (macro-enabled documents, templates): their
# body is the same WordprocessingML, so the package is opened as a plain .docx.
OTHER_MAIN_TYPES = re.compile(
    rb"application/vnd\.(?:ms-word\.document\.macroEnabled|ms-word\.template\.macroEnabledTemplate"
    rb"|openxmlformats-officedocument\.wordprocessingml\.template)\.main\+xml"
)
WML_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
REL_NUMBERING = "/numbering"
REL_STYLES = "/styles"


def read_docx(raw: bytes, name: str) -> SourceText:
    import docx  # python-docx: heavy, imported only when a .docx is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        try:
            document = docx.Document(io.BytesIO(raw))
        except ValueError as exc:
            if "is not a Word file" not in str(exc):
                raise
            document = docx.Document(io.BytesIO(_as_plain_docx(raw)))  # .docm, .dotx, .dotm
    except PackageNotFoundError as exc:
        raise InputError(name, f"Word .docx file is damaged and cannot be opened ({type(exc).__name__})") from None
    except Exception as exc:  # lxml / zipfile / KeyError errors of a truncated or corrupt package
        raise InputError(name, f"Word .docx file is damaged and cannot be opened ({type(exc).__name__})") from None
    blobs = {"numbering": None, "styles": None}
    for rel in document.part.rels.values():
        if rel.is_external:
            continue
        for key, suffix in (("numbering", REL_NUMBERING), ("styles", REL_STYLES)):
            if rel.reltype.endswith(suffix):
                blobs[key] = rel.target_part.blob
    reader = _BodyReader(NumberingRenderer(blobs["numbering"], blobs["styles"]))
    lines = list(reader.block_lines(document.element.body))
    text = "\n".join(line for line in lines if line.strip())
    if not text.strip():
        raise InputError(name, "Word .docx file has no text in its body")
    metadata: dict[str, str] = {}
    title = (document.core_properties.title or "").strip()
    if title:
        metadata["title"] = title
    return SourceText(text=text, format="docx", encoding="utf-8", metadata=metadata)


def _as_plain_docx(raw: bytes) -> bytes:
    """The package with its main part declared as a plain document (see ``OTHER_MAIN_TYPES``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = OTHER_MAIN_TYPES.sub(WML_MAIN, data)
            target.writestr(item, data)
    return out.getvalue()


class _BodyReader:
    """Walks the body in document order; keeps the numbering counters across it."""

    def __init__(self, numbering: NumberingRenderer) -> None:
        self.numbering = numbering

    def block_lines(self, container) -> Iterator[str]:  # type: ignore[no-untyped-def]
        """Lines of the block-level children of the body, a cell, a text box or a content control."""
        for child in container.iterchildren():
            tag = child.tag
            if tag == f"{W}p":
                yield from self.paragraph_lines(child)
            elif tag == f"{W}tbl":
                yield from table_to_lines(self.table_rows(child))
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent"):
                inner = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
                if inner is not None:
                    yield from self.block_lines(inner)

    def paragraph_lines(self, p, *, keep_bare_number: bool = False) -> Iterator[str]:  # type: ignore[no-untyped-def]
        for box in _text_boxes(p):
            yield from self.block_lines(box)
        text = "".join(_runs_text(p))
        number = self._number(p)
        if number is None:
            yield text
        elif text.strip() or keep_bare_number:
            yield number + text
        # A numbered paragraph without text still counts (Word shows its number on an
        # empty line); it gives no line, so it cannot become an empty clause.

    def _number(self, p) -> Optional[str]:  # type: ignore[no-untyped-def]
        ppr = p.find(f"{W}pPr")
        if ppr is None:
            return None
        style = _val(ppr.find(f"{W}pStyle"))
        num_pr = ppr.find(f"{W}numPr")
        num_id = ilvl = None
        if num_pr is not None:
            num_id = _val(num_pr.find(f"{W}numId"))
            ilvl_el = num_pr.find(f"{W}ilvl")
            if ilvl_el is not None:
                try:
                    ilvl = int(_val(ilvl_el, "0") or 0)
                except ValueError:
                    ilvl = 0
        if num_id is None and style is None:
            return None
        return self.numbering.number(num_id, ilvl, style)

    def table_rows(self, tbl) -> list[list[str]]:  # type: ignore[no-untyped-def]
        """Cell texts by row; a vertically merged cell repeats the text of the cell it continues."""
        rows: list[list[str]] = []
        above: dict[int, str] = {}  # grid column -> text of the last cell starting there
        for tr in tbl.iterchildren(f"{W}tr"):
            row: list[str] = []
            column = _int_val(tr.find(f"{W}trPr/{W}gridBefore"), 0)
            row.extend([""] * column)
            for tc in tr.iterchildren(f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = _int_val(tcpr.find(f"{W}gridSpan") if tcpr is not None else None, 1)
                merge = tcpr.find(f"{W}vMerge") if tcpr is not None else None
                if merge is not None and _val(merge, "continue") != "restart":
                    text = above.get(column, "")
                else:
                    text = "\n".join(
                        line for line in self._cell_lines(tc) if line.strip()
                    )
                above[column] = text
                row.extend(span_cells(text, span))
                column += span
            rows.append(row)
        return rows

    def _cell_lines(self, tc) -> Iterator[str]:  # type: ignore[no-untyped-def]
        for child in tc.iterchildren():
            if child.tag == f"{W}p":
                yield from self.paragraph_lines(child, keep_bare_number=True)
            elif child.tag == f"{W}tbl":
                for row in self.table_rows(child):  # a nested table: its cells as lines
                    yield " ".join(c for c in row if c.strip())
            elif child.tag == f"{W}sdt":
                inner = child.find(f"{W}sdtContent")
                if inner is not None:
                    yield from self.block_lines(inner)


def _int_val(el, default: int) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(_val(el, str(default)) or default)
    except ValueError:
        return default


def _runs_text(p) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The text a paragraph shows: w:t, tabs and breaks, without deleted, hidden or field-code text."""
    stack = [iter(p.iterchildren())]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIPPED:
            continue
        if tag == f"{W}r":
            rpr = child.find(f"{W}rPr")
            if rpr is not None and _on(rpr.find(f"{W}vanish")):
                continue  # hidden text
        if tag == f"{W}t":
            yield child.text or ""
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            yield "\t"
        elif tag == f"{W}br":
            if (child.get(f"{W}type") or "textWrapping") == "textWrapping":
                yield "\n"
        elif tag == f"{W}cr":
            yield "\n"
        elif tag == f"{W}noBreakHyphen":
            yield "-"
        else:
            stack.append(iter(child.iterchildren()))


def _text_boxes(p):  # type: ignore[no-untyped-def]
    """The w:txbxContent of text boxes anchored in a paragraph (not their fallback copies)."""
    out = []
    for box in p.iter(f"{W}txbxContent"):
        ancestor = box.getparent()
        nested = False  # in a fallback copy, or in another box (read with that box)
        while ancestor is not None and ancestor is not p:
            if ancestor.tag in (MC_FALLBACK, f"{W}txbxContent"):
                nested = True
                break
            ancestor = ancestor.getparent()
        if not nested:
            out.append(box)
    return out
