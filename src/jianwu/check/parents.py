"""The parent plan of a checked document, compared with it, for the parent rules.

The parent is looked for among the documents of the checked file's own
directory, not below it (the corpus it was added to, e.g. ``data/raw/``), with
the lineage finder (``jianwu.lineage``): by the 文号 or the title the child cites,
or by title family and shared text when it cites nothing.  The search works on the
profiles of the directory's plans; those are kept from one run to the next
(``lineage.profile_cache``), so a plan already seen with the same bytes by the same
jianwu is not parsed again; so are the documents parsed whole (the checked files and the
parents found), so that a check of a new plan parses that plan only.  Every file that is parsed is parsed once per run, whether
it is checked, a parent, or both; the others of the directory are parsed without their
facts (departments, targets: what the search does not look at).  A document whose
parent is not there is checked without the parent rules.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ..diffmodel import ParentComparison
from ..document import DOCUMENT_SUFFIXES, add_facts, document_id, iter_document_paths, parse_bytes, read_source
from ..errors import InputError
from ..model import Document

if TYPE_CHECKING:
    from ..lineage.profile import Profile
    from ..lineage.profile_cache import ProfileCache


def _stamp(path: Path) -> Optional[str]:
    """``path``'s ``file_stamp`` (None: recently modified, or not a regular file: read it)."""
    from ..lineage.profile_cache import file_stamp

    try:
        info = os.stat(path)
    except OSError:
        return None
    return file_stamp(info, time.time_ns()) if stat.S_ISREG(info.st_mode) else None


def _as_plan(stored: object, doc_id: str) -> Optional[Profile]:
    """A stored profile under this run's document id (None: the file is not a plan)."""
    return None if stored is None else replace(stored, id=doc_id)  # type: ignore[type-var]


class ParentFinder:
    def __init__(self) -> None:
        self._documents: dict[Path, Document] = {}
        self._without_facts: set[Path] = set()  # parsed for the parent search only
        self._corpora: dict[Path, list[tuple[Path, Profile]]] = {}  # directory -> (file, profile) of its plans
        self._cache: Optional[ProfileCache] = None  # opened on the first search

    def _profile_cache(self) -> ProfileCache:
        from ..lineage.profile_cache import ProfileCache

        if self._cache is None:
            self._cache = ProfileCache()
        return self._cache

    def document(self, path: Path) -> Document:
        """``path`` parsed (once per run, or from the cache when a run before parsed these bytes);
        a text without numbered clauses still loads (JW010)."""
        key = path.resolve()
        if key not in self._documents:
            raw = read_source(path)
            cache = self._profile_cache()
            sha256 = hashlib.sha256(raw).hexdigest()
            doc = cache.get_document(key, str(path), sha256)
            if doc is None:
                doc = parse_bytes(raw, name=str(path), path=str(path), doc_id=document_id(path), require_clauses=False, sha256=sha256)
                cache.put_document(key, doc)
            self._documents[key] = doc
        elif key in self._without_facts:
            doc = self._documents[key]
            add_facts(doc)
            self._without_facts.discard(key)
            self._profile_cache().put_document(key, doc)
        return self._documents[key]

    def _profile(self, path: Path) -> Optional[Profile]:
        """The profile of the plan ``path`` (None when it has no numbered clauses): from this run's
        parse, else from the cache, else parsed now without its facts and stored."""
        from ..lineage.profile import profile_of
        from ..lineage.profile_cache import MISS

        key = path.resolve()
        cache = self._profile_cache()
        if key in self._documents:  # parsed in this run already (a checked file)
            doc = self._documents[key]
            stored = cache.get(key, doc.sha256)
            if stored is not MISS:  # the same bytes, the same jianwu: the same profile, made before
                return _as_plan(stored, doc.id)
            profile = profile_of(doc) if any(c.number for c in doc.clauses) else None
            cache.put(key, doc.sha256, profile)  # a write (a transaction) only when it is new
            return profile
        stamp = _stamp(path)
        known = cache.known_sha256(key, stamp) if stamp is not None else None
        if known is not None:  # unchanged since its digest was taken: not read again
            stored = cache.get(key, known)
            if stored is not MISS:
                return _as_plan(stored, document_id(path))
        raw = read_source(path)
        sha256 = hashlib.sha256(raw).hexdigest()
        new_stamp = stamp if stamp is not None and sha256 != known else None  # to remember with what is stored
        stored = cache.get(key, sha256)
        if stored is not MISS:
            if new_stamp is not None:
                cache.remember_sha256(key, new_stamp, sha256)
            return _as_plan(stored, document_id(path))
        doc = parse_bytes(raw, name=str(path), path=str(path), doc_id=document_id(path), require_clauses=False, facts=False, sha256=sha256)
        self._documents[key] = doc
        self._without_facts.add(key)
        profile = profile_of(doc) if any(c.number for c in doc.clauses) else None
        cache.put(key, sha256, profile, stamp=new_stamp)
        return profile

    def corpus(self, directory: Path) -> list[tuple[Path, Profile]]:
        """(file, profile) of every readable plan of ``directory`` (unreadable ones are the checked files' concern)."""
        key = directory.resolve()
        if key not in self._corpora:
            plans: list[tuple[Path, Profile]] = []
            # The directory itself, not its subdirectories: data/raw/'s seeds are not the
            # parents of data/raw/corpus/'s PDFs, and parsing every PDF below data/raw to
            # check one text file would make each check as slow as checking them all.
            files = sorted(f for f in directory.iterdir() if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            for path, problem in iter_document_paths(files):
                if problem is None:
                    try:
                        profile = self._profile(path)
                    except InputError:
                        continue
                    if profile is not None:
                        plans.append((path, profile))
            self._corpora[key] = plans
        return self._corpora[key]

    def diff_for(self, doc: Document, path: Path) -> Optional[ParentComparison]:
        """``doc`` compared with its parent from ``path``'s directory, or None when none is there."""
        from ..lineage.finder import Finder
        from ..lineage.profile import profile_of
        from ..lineage.profile_cache import diff_key

        plans = self.corpus(path.parent)
        key = path.resolve()
        profiles = [profile for _, profile in plans]
        files = [f for f, _ in plans]
        at = next((i for i, f in enumerate(files) if f.resolve() == key), None)
        if at is None:  # not among the directory's plans (as find_parent does: the child joins the corpus)
            profiles.append(profile_of(doc))
            files.append(path)
            at = len(profiles) - 1
        outcome = Finder(profiles).outcome_at(at)
        if outcome.parent is None or outcome.found_by is None:
            return None
        parent_file = files[next(i for i, p in enumerate(profiles) if p is outcome.parent)]
        parent = self.document(parent_file)  # with its facts (parsed now, or completed in place)
        cache = self._profile_cache()
        stored_key = diff_key(doc, parent, parent_file.resolve(), outcome.found_by)
        diff = cache.get_diff(key, stored_key, doc, parent)
        if diff is None:
            from ..diff import compare_for_check  # (align, rapidfuzz: not imported when the comparison is stored)

            diff = compare_for_check(doc, parent, found_by=outcome.found_by)
            cache.put_diff(key, stored_key, diff)
        return diff
