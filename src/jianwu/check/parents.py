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

The profiles the cache lacks are made in worker processes (``corpus.pool``, one per core
unless ``jobs`` says otherwise) when their files come to ``PARALLEL_MIN_BYTES`` or more: a
first check on a fresh machine (in CI) reads every plan beside the checked file, and reading
a PDF is most of a profile's cost.  The profiles are the same either way; a file whose worker
dies (a crash in a reader library) is passed over, as an unreadable one is.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence, Union

from ..diffmodel import ParentComparison
from ..digest import sha256_hex
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


# The parent search's missing profiles are made in worker processes when their files hold at least
# this many bytes (two PDFs, or some thirty text plans): below it a pool costs more than it saves.
PARALLEL_MIN_BYTES = 1_000_000

# What a worker gives for a file: (its bytes' SHA-256, its profile or None when it is not a plan),
# or why it could not be read.
WorkerResult = Union[tuple[str, Optional["Profile"]], str]


def _plan_profile(doc: Document) -> Optional[Profile]:
    """``doc``'s lineage profile, or None when it has no numbered clauses (not a plan)."""
    from ..lineage.profile import profile_of

    return profile_of(doc) if any(c.number for c in doc.clauses) else None


def profile_task(path: str) -> WorkerResult:
    """In a worker process: the profile of the plan at ``path``, parsed without its facts."""
    try:
        raw = read_source(Path(path))
        sha256 = sha256_hex(raw)
        doc = parse_bytes(raw, name=path, path=path, doc_id=document_id(Path(path)), require_clauses=False, facts=False, sha256=sha256)
        return sha256, _plan_profile(doc)
    except InputError as exc:
        return exc.problem
    except Exception as exc:  # noqa: BLE001  (a bug costs this one file, as in the sequential search)
        return f"internal error: {type(exc).__name__}: {exc}"


def _resolved(path: Path) -> Optional[Path]:
    """``path`` resolved, or None for a symbolic link loop (the run reports that path as it meets it)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return None


def _as_plan(stored: object, doc_id: str) -> Optional[Profile]:
    """A stored profile under this run's document id (None: the file is not a plan)."""
    return None if stored is None else replace(stored, id=doc_id)  # type: ignore[type-var]


class ParentFinder:
    def __init__(self, jobs: Optional[int] = None, checked: Sequence[Path] = ()) -> None:
        """``jobs``: worker processes for the profiles the cache lacks (None: one per core; 1: none).
        ``checked``: the files and directories this run checks; their plans are parsed whole in
        this process anyway, so their profiles are made from that parse, never in a worker."""
        self._jobs = jobs
        resolved = [(path, _resolved(path)) for path in checked]
        self._checked_files = {key for path, key in resolved if key is not None and not path.is_dir()}
        self._checked_dirs = [key for path, key in resolved if key is not None and path.is_dir()]
        self._documents: dict[Path, Document] = {}
        self._without_facts: set[Path] = set()  # parsed for the parent search only
        self._corpora: dict[Path, list[tuple[Path, Profile]]] = {}  # directory -> (file, profile) of its plans
        self._cache: Optional[ProfileCache] = None  # opened on the first search
        # Looked up or made ahead of the search (by _profiles_ahead): a profile (None: not a plan),
        # or why the file could not be read; taken by _profile.
        self._ahead: dict[Path, Union[Optional[Profile], str]] = {}

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
            cache = self._profile_cache()
            # A parent unchanged since a run before parsed it: its digest is known (as for the
            # profiles, ``_stored``), so it is not read or hashed again.
            stamp = _stamp(path)
            known = cache.known_sha256(key, stamp) if stamp is not None else None
            doc = cache.get_document(key, str(path), known) if known is not None else None
            if doc is None:
                raw = read_source(path)
                sha256 = sha256_hex(raw)
                if stamp is not None and sha256 != known:
                    cache.remember_sha256(key, stamp, sha256)  # (the next run need not read it)
                doc = cache.get_document(key, str(path), sha256) if sha256 != known else None
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
        from ..lineage.profile_cache import MISS

        key = path.resolve()
        cache = self._profile_cache()
        if key in self._documents:  # parsed in this run already (a checked file)
            doc = self._documents[key]
            stored = cache.get(key, doc.sha256)
            if stored is not MISS:  # the same bytes, the same jianwu: the same profile, made before
                return _as_plan(stored, doc.id)
            profile = _plan_profile(doc)
            cache.put(key, doc.sha256, profile)  # a write (a transaction) only when it is new
            return profile
        if key in self._ahead:
            ahead = self._ahead.pop(key)
            if isinstance(ahead, str):
                raise InputError(str(path), ahead)
            return ahead
        stored, raw, sha256, new_stamp = self._stored(path)
        if stored is not MISS:
            return _as_plan(stored, document_id(path))
        doc = parse_bytes(raw, name=str(path), path=str(path), doc_id=document_id(path), require_clauses=False, facts=False, sha256=sha256)
        self._documents[key] = doc
        self._without_facts.add(key)
        profile = _plan_profile(doc)
        cache.put(key, sha256, profile, stamp=new_stamp)
        return profile

    def _stored(self, path: Path) -> tuple[object, bytes, str, Optional[str]]:
        """(the stored profile of ``path`` or ``MISS``, its bytes (b"" when not read), their digest,
        the stamp to store with a profile made now (None: none))."""
        from ..lineage.profile_cache import MISS

        key = path.resolve()
        cache = self._profile_cache()
        stamp = _stamp(path)
        known = cache.known_sha256(key, stamp) if stamp is not None else None
        if known is not None:  # unchanged since its digest was taken: not read again
            stored = cache.get(key, known)
            if stored is not MISS:
                return stored, b"", known, None
        raw = read_source(path)
        sha256 = sha256_hex(raw)
        new_stamp = stamp if stamp is not None and sha256 != known else None  # to remember with what is stored
        stored = cache.get(key, sha256)
        if stored is not MISS and new_stamp is not None:
            cache.remember_sha256(key, new_stamp, sha256)
            new_stamp = None
        return stored, raw, sha256, new_stamp

    def _profiles_ahead(self, paths: list[Path]) -> None:
        """Look up the profiles of ``paths`` and, when those the cache lacks come to
        ``PARALLEL_MIN_BYTES``, make them in worker processes (``_profile`` takes them)."""
        from ..corpus.pool import default_jobs
        from ..lineage.profile_cache import MISS

        jobs = self._jobs or default_jobs()
        if jobs <= 1:
            return
        todo: list[tuple[Path, str, Optional[str]]] = []  # (file, digest, stamp) of each profile missing
        size = 0
        found: dict[Path, Optional[Profile]] = {}
        for path in paths:
            key = path.resolve()
            if key in self._documents or key in self._ahead or self._will_check(key):
                continue
            try:
                stored, raw, sha256, new_stamp = self._stored(path)
            except InputError:
                continue  # _profile meets it again, and the search passes it over
            if stored is MISS:
                todo.append((path, sha256, new_stamp))
                size += len(raw)
            else:
                found[key] = _as_plan(stored, document_id(path))
        self._ahead.update(found)  # (looked up once: not again by _profile)
        if size < PARALLEL_MIN_BYTES or len(todo) < 2:
            return  # made one by one by _profile
        from ..corpus.pool import run_isolated

        cache = self._profile_cache()
        wanted = {str(path): (path.resolve(), sha256, stamp) for path, sha256, stamp in todo}

        def made(item: str, result: WorkerResult) -> None:
            key, sha256, stamp = wanted[item]
            if isinstance(result, str):
                self._ahead[key] = result
                return
            digest, profile = result
            cache.put(key, digest, profile, stamp=stamp if digest == sha256 else None)  # (changed since: no stamp)
            self._ahead[key] = profile

        def died(item: str, message: str) -> None:
            self._ahead[wanted[item][0]] = message

        # The first one here: the workers are forked with what it compiled and loaded (patterns,
        # tables), which each would otherwise make again, a third of a second with the caches off.
        first, *rest = wanted
        made(first, profile_task(first))
        run_isolated(profile_task, rest, min(jobs, len(rest)), made, died)

    def _will_check(self, key: Path) -> bool:
        """Is the file ``key`` (resolved) one this run checks, or in a directory it checks?"""
        return key in self._checked_files or any(key.is_relative_to(d) for d in self._checked_dirs)

    def corpus(self, directory: Path) -> list[tuple[Path, Profile]]:
        """(file, profile) of every readable plan of ``directory`` (unreadable ones are the checked files' concern)."""
        key = directory.resolve()
        if key not in self._corpora:
            plans: list[tuple[Path, Profile]] = []
            # The directory itself, not its subdirectories: data/raw/'s seeds are not the
            # parents of data/raw/corpus/'s PDFs, and parsing every PDF below data/raw to
            # check one text file would make each check as slow as checking them all.
            files = sorted(f for f in directory.iterdir() if f.is_file() and f.suffix.lower() in DOCUMENT_SUFFIXES)
            readable = [path for path, problem in iter_document_paths(files) if problem is None]
            self._profiles_ahead(readable)
            for path in readable:
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
