"""The pipeline: path or text -> ``Document``."""

from __future__ import annotations

import stat
from collections import Counter
from pathlib import Path
from typing import Callable, Optional, Union

from .errors import InputError
from .model import Document, Warning_
from .readers import FORMATS, SKIPPED_KINDS, read_bytes
from .safe_io import document_files, read_regular_file, stat_input

# Suffixes of document files: ``jianwu check --changed-since`` looks at these; a
# directory walk judges every file by its content, and reports (rather than skips)
# a file with one of these suffixes that holds something else.
DOCUMENT_SUFFIXES = (".txt", ".md", ".text", ".pdf", ".docx", ".doc", ".wps", ".html", ".htm", ".shtml", ".ofd")


def document_id(path: Path) -> str:
    return path.stem


def read_source(path: Path) -> bytes:
    """The raw bytes of a document file, or an ``InputError`` naming it (only regular files, size-limited)."""
    return read_regular_file(path)


def parse_document(
    source: Union[str, Path, bytes], *, doc_id: str | None = None, require_clauses: bool = True, facts: bool = True
) -> Document:
    """Parse a plan from a path, raw bytes, or a string of text.

    A ``str`` is treated as a path when such a file exists and otherwise as the
    document's text.  Raises ``InputError`` for unreadable or unparsable input,
    including a text without numbered clauses unless ``require_clauses`` is false
    (``jianwu check`` reports that as a finding instead).  ``facts=False`` leaves the
    clauses' departments and targets out (see ``add_facts``).
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
    return parse_bytes(raw, name=name, path=path, doc_id=doc_id or name, require_clauses=require_clauses, facts=facts)


def parse_bytes(
    raw: bytes, *, name: str, path: str, doc_id: str, require_clauses: bool = True, facts: bool = True, sha256: str | None = None
) -> Document:
    """``parse_document`` of a file's bytes (``sha256``: their digest, when the caller has it)."""
    # The pipeline's modules are imported here, not with this one: a check whose documents all
    # come from the cache (``lineage.profile_cache``) parses nothing and does not pay for them.
    from .clauses import build_clauses
    from .extract import extract_facts
    from .kind import is_news_report, reported_title
    from .metadata import extract_metadata
    from .normalize import normalize_source

    source = read_bytes(raw, name, sha256=sha256)
    normalized = normalize_source(source)
    clauses = build_clauses(normalized)
    kind = "plan"
    numbered = next((c for c in clauses if c.number), None)
    if numbered is None:
        if is_news_report(normalized.text):
            kind, clauses = "news", []  # a report about a plan: no clauses of its own (see kind.py)
        elif require_clauses:
            raise InputError(name, "no numbered clauses found (is this a plan?)")
    elif is_news_report(normalized.text[: numbered.span[0]]):
        kind, clauses = "news", []  # a byline before the numbered sections: a report, its sections the reporter's
    # The cover ends at the first numbered clause: labels before it (标题：, 分类：) are a web
    # page's 信息公开 table, part of the cover.
    first = next((c for c in clauses if c.number), clauses[0] if clauses else None)
    body_start = first.span[0] if first is not None else len(normalized.text)
    body = [c for c in clauses if c.style != "attachment" and not (c.path[0].startswith(("附件", "附表")) and c.depth > 1)]
    body_end = body[-1].span[1] if body else len(normalized.text)  # attachments follow the closing block
    meta = extract_metadata(normalized.text, body_start, body_end)
    warnings: list[Warning_] = list(source.warnings)
    if kind == "plan":  # a report has no 文号 or date of its own to miss
        warnings.extend(Warning_(code, message) for code, message in meta.warnings)
    if kind == "news":
        about = reported_title(normalized.text)
        what = f"a news report about 《{about}》" if about else "a news report"
        warnings.append(Warning_("not_a_plan", f"{what}, not a plan: no clauses, departments or targets are read from it; give jianwu the plan itself"))
    if not meta.doc_number_valid and meta.doc_number:
        warnings.append(Warning_("garbled_doc_number", f"文号 looks garbled: {meta.doc_number}"))
    for cite in meta.cites:
        if not cite.doc_number_valid:
            warnings.append(Warning_("garbled_doc_number", f"cited 文号 looks garbled: {cite.doc_number} (《{cite.title}》)"))
    if facts:
        warnings.extend(extract_facts(clauses, normalized, meta.date, meta.region))
    return Document(
        id=doc_id,
        path=path,
        sha256=source.sha256,
        script=normalized.script,
        encoding=normalized.encoding,
        title=meta.title,
        doc_number=meta.doc_number,
        doc_number_valid=meta.doc_number_valid,
        issuers=meta.issuers,
        date=meta.date,
        publication=meta.publication,
        region=meta.region,
        regions=list(meta.regions),
        level=meta.level,
        cites=meta.cites,
        clauses=clauses,
        kind=kind,
        warnings=warnings,
        normalized=normalized,
    )


def add_facts(doc: Document) -> None:
    """Complete a document parsed with ``facts=False``: its clauses' departments and targets and
    their warnings, last as in a whole parse, so that it equals what ``parse_document`` gives.

    For a search among many documents (the parent of a checked plan) that needs only their
    titles, 文号 and text: the facts, three quarters of a parse, are read for the one found.
    """
    from .extract import extract_facts

    doc.warnings.extend(extract_facts(doc.clauses, doc.normalized, doc.date, doc.region))


def _is_readme(path: Path) -> bool:
    """A directory's README (README.md, readme.txt) describes the documents; it is not one.
    Named on the command line it is read like any file."""
    return path.stem.lower() == "readme"


def sniff_path(path: Path) -> tuple[str, str]:
    """(kind, label) of a regular file judged from its content (see ``readers.sniff``); unreadable: ("text", "")."""
    from .readers.container import zip_names
    from .readers.sniff import HEAD_BYTES, OLE2, sniff

    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
            names = None
            if head.startswith(b"PK"):
                fh.seek(0)
                names = zip_names(fh)
            elif head.startswith(OLE2):
                head += fh.read()  # its directory of streams may lie anywhere
    except OSError:
        return "text", ""  # reading it again reports the problem with the file's name
    return sniff(head, names)


def _walk(directory: Path) -> tuple[list[Path], Counter[str]]:
    """Entries under ``directory`` that are documents, and the kinds of the files that are not.

    Every regular file is judged by its content, whatever its name; hidden files and
    directories (``.git``, ``.DS_Store``) are not looked at.  An entry whose suffix says
    it is a document is kept whatever it holds (a scan saved as .txt, a FIFO, a broken
    link), so that reading it reports the problem.
    """
    found: list[Path] = []
    skipped: Counter[str] = Counter()
    for f in document_files(directory, None, hidden=False):
        if _is_readme(f):
            continue  # the folder's description of its documents (data/raw/corpus/README.md), not one
        named_as_document = f.suffix.lower() in DOCUMENT_SUFFIXES
        try:
            info = f.stat()
        except OSError:
            info = None
        if info is None or stat.S_ISDIR(info.st_mode):
            found.append(f)  # a broken link or an unreadable directory: reported when read
            continue
        if not stat.S_ISREG(info.st_mode):
            if named_as_document:
                found.append(f)
            else:
                skipped["special"] += 1
            continue
        kind, _label = sniff_path(f)
        if kind in FORMATS or named_as_document:
            found.append(f)
        else:
            skipped[kind] += 1
    return found, skipped


def skipped_summary(directory: Path, skipped: Counter[str]) -> str:
    """``data/x: skipped 3 files (2 images, 1 spreadsheet)``"""
    total = sum(skipped.values())
    kinds = ", ".join(
        f"{n} {SKIPPED_KINDS.get(kind, (kind, kind))[0 if n == 1 else 1]}"
        for kind, n in sorted(skipped.items(), key=lambda item: (-item[1], item[0]))
    )
    return f"{directory}: skipped {total} file{'s' if total != 1 else ''} ({kinds})"


def iter_document_paths(
    paths: list[Path], on_skip: Optional[Callable[[str], None]] = None
) -> list[tuple[Path, InputError | None]]:
    """Expand files and directories into document paths (sorted), with an error per bad path.

    A path that is not a directory is passed on as it is (reading then refuses a
    FIFO, a device or a socket, naming it); one that cannot be looked at at all
    (missing, a symbolic link loop, a NUL in the name) gets its error here.  A
    directory is walked recursively (``_walk``); the files in it that are not
    documents are skipped and, when ``on_skip`` is given, reported to it in one
    line per directory.
    """
    out: list[tuple[Path, InputError | None]] = []
    for p in paths:
        try:
            info = stat_input(p)
        except InputError as exc:
            out.append((p, exc))
            continue
        if not stat.S_ISDIR(info.st_mode):
            out.append((p, None))
            continue
        try:
            found, skipped = _walk(p)
        except OSError as exc:
            out.append((p, InputError(str(p), f"cannot read directory: {(exc.strerror or str(exc)).lower()}")))
            continue
        if skipped and on_skip is not None:
            on_skip(skipped_summary(p, skipped))
        if not found:
            out.append((p, InputError(str(p), "directory has no documents (text, PDF, Word or web pages)")))
        out.extend((f, None) for f in found)
    return out
