"""Marking strings for translation where they are data (tables, constants), typed as str."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context``; translate it where it is shown."""
    return text
