"""A line edit's clear button, made when its field first holds text.

The first clear button of a process looks its icon up (~10 ms); a window start would pay it
for search and filter fields that are empty, where the button does not show anyway.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def clear_button_when_typed(edit: QLineEdit) -> None:
    """``edit.setClearButtonEnabled(True)`` once the field is not empty."""
    if edit.text():
        edit.setClearButtonEnabled(True)
        return

    def on_text(text: str) -> None:
        if text:
            edit.textChanged.disconnect(on_text)
            edit.setClearButtonEnabled(True)

    edit.textChanged.connect(on_text)
