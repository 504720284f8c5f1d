"""The true target behind an editor that shows it one character for one, invisible ones marked.

``QPlainTextEdit.toPlainText()`` turns a no-break space into a space and CR, U+2028 and
U+2029 into line feeds, so an editor must never read its target back from the widget. It keeps
the true text here and applies to it only the span the user changed.
"""

from __future__ import annotations

from reviewer.core.typing_steps import TextChange, text_change

BLOCK = "\u2029"  # a line break, as QTextDocument.toRawText() gives it
# Each stands in for one true character; the no-break space stays itself (the highlighter marks
# it). Only text the user types or pastes is read back, so a stand-in never turns into the
# character it shows. Arrows and the pilcrow are in every common font (the Unicode control
# pictures ␍ and ␤ are not, and showed as empty boxes).
CR_MARK = "\u21e4"  # ⇤ carriage return: back to the start of the line
LS_MARK = "\u21b2"  # ↲ line separator
PS_MARK = "\u00b6"  # ¶ paragraph separator
STAND_INS = {
    "\r": CR_MARK,
    "\u2028": LS_MARK,
    "\u2029": PS_MARK,
    "\ufdd0": "\ufffd",  # QTextDocument would take these two for block boundaries
    "\ufdd1": "\ufffd",
}
_TO_DISPLAY = str.maketrans(STAND_INS)
MARKS = frozenset(STAND_INS.values()) | {"\u00a0"}


def to_display(true: str) -> str:
    """What the editor shows: one character per true character; "\\n" becomes a line break."""
    return true.translate(_TO_DISPLAY)


def raw_of(true: str) -> str:
    """The editor document's raw text for ``true`` (its line breaks as U+2029)."""
    return to_display(true).replace("\n", BLOCK)


class ShadowText:
    """The true text of one editor, kept in step with its document one change at a time."""

    def __init__(self, true: str = "") -> None:
        self.true = true
        self.raw = raw_of(true)

    def reset(self, true: str) -> None:
        self.true = true
        self.raw = raw_of(true)

    def expect(self, start: int, end: int, true_insert: str) -> None:
        """The editor is about to replace document span [start, end) with ``true_insert``
        (a paste, a drop, a CRLF line break): take the exact characters, not what shows."""
        self.true = self.true[:start] + true_insert + self.true[end:]
        self.raw = self.raw[:start] + raw_of(true_insert) + self.raw[end:]

    def sync(self, raw_now: str) -> TextChange | None:
        """Follow the document to ``raw_now``; the change made to the true text, if any."""
        if raw_now == self.raw:
            return None
        change = text_change(self.raw, raw_now)
        # Typed text is what it is; only a typed line break needs translating back.
        inserted = change.inserted.replace(BLOCK, "\n")
        end = change.start + len(change.removed)
        removed = self.true[change.start : end]
        self.true = self.true[: change.start] + inserted + self.true[end:]
        self.raw = raw_now
        return TextChange(change.start, removed, inserted)

    def slice(self, start: int, end: int) -> str:
        """True text of document span [start, end): what a copy puts on the clipboard."""
        return self.true[start:end]
