"""The same plan, delivered differently, gives the same facts.

Encodings (GB18030, UTF-16), Windows line endings and a PDF-style layout (fixed
width, indented paragraphs, page numbers) must not change the clause tree, the
departments (name, role) or the targets (indicator, value, unit, comparator, year).
"""

from __future__ import annotations

from typing import Any, Callable

import pytest

from jianwu import Document, parse_document
from test_normalize import pdf_wrap

from conftest import RAW, SEED_IDS


def facts(doc: Document) -> list[tuple[Any, ...]]:
    return [
        (
            tuple(c.path),
            c.title,
            tuple((d.name, d.canonical, d.role) for d in c.departments),
            tuple((t.indicator, t.value, t.unit, t.comparator, t.year, t.kind) for t in c.targets),
        )
        for c in doc.clauses
    ]


def raw_text(doc_id: str) -> str:
    return (RAW / f"{doc_id}.txt").read_bytes().decode("utf-8")


DELIVERIES: dict[str, Callable[[str, Document], bytes]] = {
    "gb18030": lambda raw, doc: raw.encode("gb18030"),
    "utf-16": lambda raw, doc: raw.encode("utf-16"),
    "crlf": lambda raw, doc: raw.replace("\n", "\r\n").encode("utf-8"),
    "pdf-28": lambda raw, doc: pdf_wrap(doc.text, 28).encode("utf-8"),
    "pdf-32": lambda raw, doc: pdf_wrap(doc.text, 32).encode("gb18030"),
}


@pytest.mark.parametrize("delivery", sorted(DELIVERIES))
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_same_facts_however_delivered(seeds: dict[str, Document], doc_id: str, delivery: str) -> None:
    doc = seeds[doc_id]
    redelivered = parse_document(DELIVERIES[delivery](raw_text(doc_id), doc), doc_id=doc_id)
    assert facts(redelivered) == facts(doc)
    if not delivery.startswith("pdf"):
        assert (redelivered.title, redelivered.date, redelivered.issuers, redelivered.doc_number) == (
            doc.title, doc.date, doc.issuers, doc.doc_number)


def alignment(child: Document, parent: Document) -> list[tuple[Any, ...]]:
    from jianwu.diff import diff_documents

    result = diff_documents(child, parent)
    return [
        (
            tuple(child.clauses[a.child_index].path) if a.child_index is not None else None,
            tuple(parent.clauses[a.parent_index].path) if a.parent_index is not None else None,
            a.status,
        )
        for a in result.alignments
    ]


@pytest.mark.parametrize("doc_id", ["shapingba-jianwu-2023", "gaoxin-jianwu-2023"])
def test_alignment_is_the_same_for_a_pdf_layout_of_the_child(seeds: dict[str, Document], doc_id: str) -> None:
    parent, child = seeds["chongqing-jianwu-2023"], seeds[doc_id]
    as_pdf = parse_document(pdf_wrap(child.text, 30).encode("gb18030"), doc_id=doc_id)
    assert alignment(as_pdf, parent) == alignment(child, parent)
