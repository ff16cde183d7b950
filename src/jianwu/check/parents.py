"""The parent plan of a checked document, compared with it, for the parent rules.

The parent is looked for among the documents of the checked file's own
directory, not below it (the corpus it was added to, e.g. ``data/raw/``), with
``parent.find_parent`` (the lineage finder): by the 文号 or the title the child cites,
or by title family and shared text when it cites nothing.  Every file
is parsed once per run, whether it is checked, a parent, or both; a document
whose parent is not there is checked without the parent rules.  The others of the
directory are parsed without their facts (departments, targets: what the search does
not look at); the one found as a parent, or checked itself, gets them then.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from ..diff import diff_documents
from ..diffmodel import DocumentDiff
from ..document import DOCUMENT_SUFFIXES, add_facts, iter_document_paths, parse_document
from ..errors import InputError, ParentNotFoundError
from ..model import Document
from ..parent import find_parent


class ParentFinder:
    def __init__(self) -> None:
        self._documents: dict[Path, Document] = {}
        self._without_facts: set[Path] = set()  # parsed for the parent search only
        self._corpora: dict[Path, list[Document]] = {}

    def document(self, path: Path) -> Document:
        """``path`` parsed (once per run); a text without numbered clauses still loads (JW010)."""
        key = path.resolve()
        if key not in self._documents:
            self._documents[key] = parse_document(path, require_clauses=False)
        elif key in self._without_facts:
            add_facts(self._documents[key])  # in place: the corpus lists hold this same object
            self._without_facts.discard(key)
        return self._documents[key]

    def _candidate(self, path: Path) -> Document:
        """``path`` parsed for the parent search: its facts wait until it is checked or found."""
        key = path.resolve()
        if key not in self._documents:
            self._documents[key] = parse_document(path, require_clauses=False, facts=False)
            self._without_facts.add(key)
        return self._documents[key]

    def corpus(self, directory: Path) -> list[Document]:
        """Every readable plan of ``directory`` (unreadable ones are the checked files' concern)."""
        key = directory.resolve()
        if key not in self._corpora:
            docs: list[Document] = []
            # The directory itself, not its subdirectories: data/raw/'s seeds are not the
            # parents of data/raw/corpus/'s PDFs, and parsing every PDF below data/raw to
            # check one text file would make each check as slow as checking them all.
            files = sorted(f for f in directory.iterdir() if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            for path, problem in iter_document_paths(files):
                if problem is None:
                    try:
                        doc = self._candidate(path)
                    except InputError:
                        continue
                    if any(c.number for c in doc.clauses):
                        docs.append(doc)
            self._corpora[key] = docs
        return self._corpora[key]

    def diff_for(self, doc: Document, path: Path) -> Optional[DocumentDiff]:
        """``doc`` compared with its parent from ``path``'s directory, or None when none is there."""
        try:
            match = find_parent(doc, self.corpus(path.parent))
        except ParentNotFoundError:
            return None
        parent = self.document(Path(match.document.path))  # the same object, now with its facts
        return diff_documents(doc, parent, found_by=match.by)
