"""Documents to plain dicts and deterministic JSON.

Keys are sorted on output; lists keep document order.  No timestamps, no
absolute paths beyond what the caller passed in.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields, is_dataclass
from typing import Any

from .model import Clause, Document

SCHEMA_VERSION = "1.0"


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def clause_to_dict(clause: Clause, doc: Document | None = None) -> dict[str, Any]:
    """A clause as JSON; ``page`` (of its number) is added for paged sources (PDF)."""
    data = {
        "path": list(clause.path),
        "number": clause.number,
        "style": clause.style,
        "depth": clause.depth,
        "title": clause.title,
        "text": clause.text,
        "line": clause.line,
        "span": list(clause.span),
        "text_span": [clause.text_offset, clause.text_offset + len(clause.text)],
        "departments": _plain(clause.departments),
        "targets": _plain(clause.targets),
    }
    page = doc.page_at(clause.span[0]) if doc is not None else None
    if page is not None:
        data["page"] = page
    return data


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "id": doc.id,
        "kind": doc.kind,
        "path": doc.path,
        "sha256": doc.sha256,
        "script": doc.script,
        "encoding": doc.encoding,
        "format": doc.format,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "doc_number_valid": doc.doc_number_valid,
        "issuers": list(doc.issuers),
        "date": doc.date,
        "publication": doc.publication,
        "region": doc.region,
        "regions": list(doc.regions),
        "level": doc.level,
        "cites": [asdict(c) for c in doc.cites],
        "clauses": [clause_to_dict(c, doc) for c in doc.clauses],
        "warnings": [asdict(w) for w in doc.warnings],
    }


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """Deterministic JSON: sorted keys, real UTF-8 characters, trailing newline when indented."""
    text = json.dumps(_plain(data), ensure_ascii=False, sort_keys=True, indent=indent)
    return text + "\n" if indent is not None else text
