"""Errors the user is meant to read.

Every expected failure (bad input, a missing record, a refused workflow step,
a locked or damaged database) is a ``HueDeskError`` carrying a Vietnamese and an
English sentence. The command line prints it on one line; the UI shows it next
to the field it names. Anything else is a bug and may surface as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class HueDeskError(Exception):
    """An expected error with a message in Vietnamese and English."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en

    def message(self, lang: str = "vi") -> str:
        """The message in one language (``"vi"`` or ``"en"``)."""
        return self.en if lang == "en" else self.vi


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: which field, and what is wrong, in both languages."""

    field: str
    label_vi: str
    label_en: str
    problem_vi: str
    problem_en: str

    @property
    def vi(self) -> str:
        return f"{self.label_vi}: {self.problem_vi}"

    @property
    def en(self) -> str:
        return f"{self.label_en}: {self.problem_en}"


class ValidationError(HueDeskError):
    """Input was refused; ``problems`` names each field and what is wrong with it."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        if not problems:
            raise ValueError("ValidationError needs at least one problem")
        self.problems = problems
        super().__init__("; ".join(p.vi for p in problems), "; ".join(p.en for p in problems))

    @property
    def fields(self) -> list[str]:
        """Names of the fields with problems, in the order found."""
        return [p.field for p in self.problems]


class NotFoundError(HueDeskError):
    """A record that was asked for does not exist."""


class ConflictError(HueDeskError):
    """The record changed since the caller read it (another window, officer or laptop saved
    first): the window offers to reload it and apply the caller's changes again."""


class WorkflowError(HueDeskError):
    """A status change that the record kind's workflow does not allow."""


class DatabaseError(HueDeskError):
    """The database file cannot be used: locked, damaged, not HueDesk's, or too new."""


class PermissionDenied(HueDeskError):
    """The current user's role does not allow this action."""
