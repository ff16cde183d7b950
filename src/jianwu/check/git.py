"""``--changed-since REF``: the documents added or modified since a git ref."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Sequence

from ..document import DOCUMENT_SUFFIXES
from ..errors import JianwuError


class GitError(JianwuError):
    """git could not list the changes (bad ref, not a repository, no git)."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)
    except FileNotFoundError:
        raise GitError("--changed-since needs git, which is not installed") from None
    if done.returncode != 0:
        reason = next((line.strip() for line in done.stderr.splitlines() if line.strip()), f"exit status {done.returncode}")
        raise GitError(f"git {' '.join(args[:2])} failed: {reason}")
    return done.stdout


def changed_documents(ref: str, within: Sequence[Path], cwd: Path | None = None) -> list[Path]:
    """Documents under ``within`` (files or directories) that ``git diff --diff-filter=AM REF`` lists.

    Renames count as additions (``--no-renames``) so a renamed and edited
    document is checked.  Paths are returned relative to ``cwd`` when possible.
    """
    cwd = cwd or Path.cwd()
    if ref.startswith("-"):
        raise GitError(f"--changed-since {ref}: not a git ref")
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names = _git(["diff", "--name-only", "--no-renames", "--diff-filter=AM", "-z", ref, "--"], cwd).split("\0")
    roots = [p.resolve() for p in within]
    out: list[Path] = []
    for name in sorted(n for n in names if n):
        path = (top / name).resolve()
        if path.suffix.lower() not in DOCUMENT_SUFFIXES or not path.is_file():
            continue
        if not any(path == root or root in path.parents for root in roots):
            continue
        rel = os.path.relpath(path, cwd)
        out.append(Path(rel) if not rel.startswith("..") else path)
    return out
