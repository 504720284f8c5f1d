"""Visible forms of spaces, no-break spaces, tabs and line breaks, for display only."""

from __future__ import annotations

from dataclasses import dataclass

# (character, symbol shown, name) for every invisible character met in the articles. The
# symbols follow memoQ where it has one (· space, ° no-break space, → tab).
_TABLE: tuple[tuple[str, str, str], ...] = (
    (" ", "·", "space"),
    ("\u00a0", "°", "no-break space"),
    ("\u202f", "⸰", "narrow no-break space"),
    ("\t", "→", "tab"),
    ("\n", "↵", "line break"),
    ("\u2028", "⤶", "line separator"),
    ("\u2029", "¶", "paragraph separator"),
    ("\u2002", "⸱", "en space"),
    ("\u2003", "⸱", "em space"),
    ("\u2009", "⸱", "thin space"),
    ("\u200b", "⁞", "zero-width space"),
    ("\u200d", "⁞", "zero-width joiner"),
    ("\u200e", "⁞", "left-to-right mark"),
    ("\u200f", "⁞", "right-to-left mark"),
    ("\u2060", "⁞", "word joiner"),
    ("\ufeff", "⁞", "zero-width no-break space"),
)
SYMBOLS: dict[str, str] = {char: symbol for char, symbol, _ in _TABLE}
NAMES: dict[str, str] = {char: name for char, _, name in _TABLE}
# Characters that look like an ordinary space but are not one: worth a distinct colour.
SPECIAL_SPACES = frozenset(c for c in SYMBOLS if c not in (" ", "\n", "\t"))


@dataclass(frozen=True, slots=True)
class WhitespaceMark:
    """One invisible character of a text and how to show it."""

    offset: int
    char: str
    symbol: str
    name: str

    @property
    def special(self) -> bool:
        """A no-break, narrow or zero-width space: easily mistaken for a normal space."""
        return self.char in SPECIAL_SPACES


def whitespace_marks(text: str) -> list[WhitespaceMark]:
    """Every invisible character of ``text`` with its offset, symbol and name."""
    return [
        WhitespaceMark(i, ch, SYMBOLS[ch], NAMES[ch]) for i, ch in enumerate(text) if ch in SYMBOLS
    ]


def show_whitespace(text: str, keep_line_breaks: bool = True) -> str:
    """``text`` with each invisible character replaced by its symbol, for display only.

    Every character maps to one character, so offsets stay valid, except that a line break
    becomes ``↵`` followed by the line break itself when ``keep_line_breaks`` is true.
    """
    out = []
    for ch in text:
        symbol = SYMBOLS.get(ch)
        if symbol is None:
            out.append(ch)
        elif ch == "\n" and keep_line_breaks:
            out.append("↵\n")
        else:
            out.append(symbol)
    return "".join(out)


def describe_char(ch: str) -> str:
    """A name for a character a reviewer may need to tell apart, e.g. for a status bar."""
    name = NAMES.get(ch)
    return f"{name} (U+{ord(ch):04X})" if name else f"U+{ord(ch):04X}"
