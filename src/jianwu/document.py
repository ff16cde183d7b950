"""The pipeline: path or text -> ``Document``."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Union

from .clauses import build_clauses
from .errors import InputError
from .kind import is_news_report, reported_title
from .extract import extract_facts
from .metadata import extract_metadata
from .model import Document, Warning_
from .normalize import normalize_source
from .readers import read_bytes

# Files a directory walk picks up (the format itself is then judged from the content).
DOCUMENT_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".ofd")


def document_id(path: Path) -> str:
    return path.stem


def read_source(path: Path) -> bytes:
    """The raw bytes of a document file, or an ``InputError`` naming it."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a document") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def parse_document(
    source: Union[str, Path, bytes], *, doc_id: str | None = None, require_clauses: bool = True
) -> Document:
    """Parse a plan from a path, raw bytes, or a string of text.

    A ``str`` is treated as a path when such a file exists and otherwise as the
    document's text.  Raises ``InputError`` for unreadable or unparsable input,
    including a text without numbered clauses unless ``require_clauses`` is false
    (``jianwu check`` reports that as a finding instead).
    """
    if isinstance(source, bytes):
        raw, name, path = source, doc_id or "<bytes>", ""
    elif isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 4096 and Path(source).is_file()):
        p = Path(source)
        raw = read_source(p)
        name, path = str(p), str(p)
        doc_id = doc_id or document_id(p)
    else:
        raw, name, path = source.encode("utf-8"), doc_id or "<text>", ""
    return parse_bytes(raw, name=name, path=path, doc_id=doc_id or name, require_clauses=require_clauses)


def parse_bytes(raw: bytes, *, name: str, path: str, doc_id: str, require_clauses: bool = True) -> Document:
    source = read_bytes(raw, name)
    normalized = normalize_source(source)
    clauses = build_clauses(normalized)
    kind = "plan"
    if not any(c.number for c in clauses):
        if is_news_report(normalized.text):
            kind, clauses = "news", []  # a report about a plan: no clauses of its own (see kind.py)
        elif require_clauses:
            raise InputError(name, "no numbered clauses found (is this a plan?)")
    body_start = clauses[0].span[0] if clauses else len(normalized.text)
    body_end = clauses[-1].span[1] if clauses else len(normalized.text)
    meta = extract_metadata(normalized.text, body_start, body_end)
    warnings: list[Warning_] = list(source.warnings)
    if kind == "news":
        about = reported_title(normalized.text)
        what = f"a news report about 《{about}》" if about else "a news report"
        warnings.append(Warning_("not_a_plan", f"{what}, not a plan: no clauses, departments or targets are read from it; give jianwu the plan itself"))
    if not meta.doc_number_valid and meta.doc_number:
        warnings.append(Warning_("garbled_doc_number", f"文号 looks garbled: {meta.doc_number}"))
    for cite in meta.cites:
        if not cite.doc_number_valid:
            warnings.append(Warning_("garbled_doc_number", f"cited 文号 looks garbled: {cite.doc_number} (《{cite.title}》)"))
    warnings.extend(extract_facts(clauses, normalized))
    return Document(
        id=doc_id,
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        script=normalized.script,
        encoding=normalized.encoding,
        title=meta.title,
        doc_number=meta.doc_number,
        doc_number_valid=meta.doc_number_valid,
        issuers=meta.issuers,
        date=meta.date,
        publication=meta.publication,
        region=meta.region,
        level=meta.level,
        cites=meta.cites,
        clauses=clauses,
        kind=kind,
        warnings=warnings,
        normalized=normalized,
    )


def _is_readme(path: Path) -> bool:
    """A directory's README (README.md, readme.txt) describes the documents; it is not one.
    Named on the command line it is read like any file."""
    return path.stem.lower() == "readme"


def iter_document_paths(paths: list[Path]) -> list[tuple[Path, InputError | None]]:
    """Expand files and directories into document paths (sorted), with an error per bad path."""
    out: list[tuple[Path, InputError | None]] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES and not _is_readme(f))
            if not found:
                out.append((p, InputError(str(p), "directory has no documents (text, PDF, Word or web pages)")))
            out.extend((f, None) for f in found)
        elif p.exists():
            out.append((p, None))
        else:
            out.append((p, InputError(str(p), "no such file or directory")))
    return out
