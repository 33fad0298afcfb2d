"""The one error hierarchy of mtcr.

Services raise these; only the CLI and API edges translate them into exit codes or HTTP statuses.
Every error names what was wrong (the field, file or entry) so a user can fix the input.
"""

from __future__ import annotations


class MtcrError(Exception):
    """Root of every error mtcr raises on purpose."""


class InputError(MtcrError):
    """Bad input from a user: names the field and the problem."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


class UnitError(InputError):
    """A quantity whose unit is unknown or of the wrong dimension."""


class DataFileError(MtcrError):
    """A bundled or user-supplied data file that does not validate.

    The message names the file, the entry id (when known) and the field path.
    """

    def __init__(self, path: str, problem: str, entry_id: str | None = None, field: str | None = None) -> None:
        self.path = path
        self.entry_id = entry_id
        self.field = field
        self.problem = problem
        where = path
        if entry_id:
            where += f", entry {entry_id}"
        if field:  # a place in the file reads as one ("line 3, column name"), a field path is named so
            where += f", {field}" if field.startswith("line ") else f", field {field}"
        super().__init__(f"{where}: {problem}")


class NotFoundError(MtcrError):
    """A named thing (entry, edition, regime) does not exist."""

    def __init__(self, what: str, name: str, hint: str = "") -> None:
        self.what = what
        self.name = name
        message = f"unknown {what} {name!r}"
        if hint:
            message += f"; {hint}"
        super().__init__(message)
