"""Domain errors. The store and the use cases raise these; only cli/ turns
them into a sentence on stderr and an exit code."""

from __future__ import annotations


class BriefError(Exception):
    """Something the user should be told in one sentence. Exit code 1."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(BriefError):
    """What the user typed cannot be used (a bad date, grade, empty text)."""

    exit_code = 2


class NotFound(BadInput):
    """An id or name that the notebook does not hold."""


class Ambiguous(BadInput):
    """A name that fits several entities; `candidates` lists (id, name)."""

    def __init__(self, message: str, candidates: list[tuple[int, str]] | None = None):
        super().__init__(message)
        self.candidates = candidates or []


class Conflict(BriefError):
    """The change would break the notebook's integrity (a cited source)."""


class NotebookError(BriefError):
    """The notebook file cannot be used: missing, corrupt, newer, locked."""
