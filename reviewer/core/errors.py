"""The project's own error types: every failure a user can meet is one of these."""

from __future__ import annotations


class ReviewerError(Exception):
    """Base of every error the project raises on purpose; its text is fit to show a user."""


class FormatError(ReviewerError):
    """Input that cannot be read as an sxs-lookup article (encoding, binary, size, I/O)."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str = "",
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint
        super().__init__(self.describe())

    def describe(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" {self.hint}"
        return text


class TargetRejected(ReviewerError):
    """An edited target that would make the article unparseable."""
