"""Typed errors of the jianwu library.

The CLI turns every ``JianwuError`` into one line on stderr and exit status 2;
anything else is an internal failure (also exit 2, never 0).
"""

from __future__ import annotations


class JianwuError(Exception):
    """Base class for errors the user can act on."""


class InputError(JianwuError):
    """A document that cannot be read or parsed: names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ParentNotFoundError(JianwuError):
    """``jianwu diff CHILD`` could not find the parent plan in the corpus."""


class UsageError(JianwuError):
    """Options that do not fit together."""
