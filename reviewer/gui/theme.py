"""Every colour the window paints with, by meaning, and the style sheets built from them."""

from __future__ import annotations

from reviewer.core.checks import Level
from reviewer.core.mqm import Severity
from reviewer.core.segments import State

# -- neutral text and surfaces -----------------------------------------------------------------
MUTED = "#757575"  # ids, row numbers, "unchanged", secondary text
SUBTLE = "#9e9e9e"  # resolved and handled items, unknown states
HEADING = "#455a64"  # section headings in the detail pane and dialogs
BODY = "#37474f"  # the selected issue's full text
META_KEY = "#607d8b"  # front matter keys
CODE_NOTE = "#78909c"  # a check code beside its title
EMPTY_TEXT = "#546e7a"  # the "open an article" page
PANEL = "#eceff1"  # the front matter strip
READONLY_BG = "#fafafa"  # source and diff views
WHITE = "#ffffff"
GRID = "#e0e0e0"
ALTERNATE_ROW = "#f7f9fb"
SELECTED_ROW = "#cfe3fa"
MORE_MARKER = "#1565c0"  # "…more" on a row with hidden text
FOCUS_BORDER = "#1e88e5"  # the table's inline editor
ERROR_FIELD = "#ffebee"  # a filter field holding a bad regular expression
FILTER_HIT = "#fff176"  # what the filter matched, in every painted cell
PROGRESS_TRACK = "#e6eaed"  # the project view's progress bar: what is left ...
PROGRESS_REVIEWED = "#a5d6a7"  # ... reviewed but not approved ...
PROGRESS_APPROVED = "#43a047"  # ... approved
PROGRESS_TEXT = "#263238"
OFFER_BG = "#fff8e1"  # the offer to carry a fix to repeated segments

# -- meaning -----------------------------------------------------------------------------------
GOOD = "#2e7d32"  # pass, approved
BAD = "#c62828"  # fail, refused, critical, errors
WARN = "#ef6c00"  # warnings

STATE_COLORS: dict[State, str] = {
    State.UNREVIEWED: SUBTLE,
    State.EDITED: FOCUS_BORDER,
    State.NEEDS_WORK: "#f57c00",
    State.REVIEWED: "#00897b",
    State.APPROVED: GOOD,
}
SEVERITY_COLORS: dict[Severity, str] = {
    Severity.NEUTRAL: MUTED,
    Severity.MINOR: "#f9a825",
    Severity.MAJOR: WARN,
    Severity.CRITICAL: BAD,
}
LEVEL_COLORS: dict[Level, str] = {
    Level.ERROR: BAD,
    Level.WARNING: WARN,
    Level.INFO: FOCUS_BORDER,
}
# A check result raised as an issue stays listed but greyed, as QA warnings acted on do in
# memoQ and Trados: the issue carries it into the score and the export, the marker shows why.
FLAGGED_COLOR = SUBTLE
PARSE_WARNING = "#6d4c41"  # text outside every pair: not editable

# -- markup in source and target text: (foreground, background, bold, monospace) ------------------
MARKUP: dict[str, tuple[str, str | None, bool, bool]] = {
    "code": ("#8a3b00", "#f4efe6", False, True),
    "autolink": ("#0b5cad", None, False, False),
    "url": ("#0b5cad", None, False, False),
    "linkurl": ("#0b5cad", None, False, False),
    "tag": ("#8e24aa", None, False, False),
    "placeholder": (BAD, None, True, False),
    "entity": ("#00796b", None, True, False),
    "escape": ("#6d6d6d", None, False, False),
    "markup": ("#e65100", None, True, False),
}
EDGE_SPACE = "#ffe0b2"  # leading and trailing whitespace: significant in this format
SPECIAL_CHAR = "#d7ccc8"  # no-break space, CR, line and paragraph separators
SPECIAL_MARK = "#6d4c41"
CHIP_BG = "#e3f2fd"  # a long URL or tag collapsed in the table
CHIP_FG = "#0b5cad"
DIFF_REMOVED_BG = "#ffd7d5"
DIFF_REMOVED_FG = "#86181d"
DIFF_ADDED_BG = "#ccffd8"
DIFF_ADDED_FG = "#165c26"
# -- spelling and terminology ------------------------------------------------------------------
SPELLING_UNDERLINE = "#e53935"  # an unknown word in a target editor
COMPOUND_UNDERLINE = "#1e88e5"  # a split compound or a missing hyphen
TERM_BG = "#c8e6c9"  # a glossary term in the source
NAME_BG = "#d1c4e9"  # a do-not-translate name in the source
TERM_MISSING_BG = "#ffe0b2"  # a term whose required rendering the target lacks
TERM_MISSING_LINE = "#e65100"
# The article preview (as core/render/style.py tints segments in a browser).
PREVIEW_CURRENT = SELECTED_ROW  # the current sentence in the colour of the grid's current row
PREVIEW_CURRENT_LINE = FOCUS_BORDER  # and underlined, as a note is tinted blue too
PREVIEW_TINTS: dict[Level, str] = {
    Level.ERROR: "#fbd3d3",
    Level.WARNING: "#ffeccc",
    Level.INFO: "#ebe8f5",
}
PREVIEW_BUSY = "#8a8a8a"  # "building the preview…"
WHITESPACE_MARK = "#4a78b0"  # a visible space, tab or no-break space in the target editor


def markup_css(kind: str) -> str:
    """Inline CSS for a markup kind, for rich text (the table, the source and diff views)."""
    if kind == "edge":
        return f"background-color:{EDGE_SPACE};"
    if kind == "special":
        return f"background-color:{SPECIAL_CHAR};color:{SPECIAL_MARK};"
    if kind == "chip":
        return f"background-color:{CHIP_BG};color:{CHIP_FG};"
    fg, bg, bold, mono = MARKUP[kind]
    css = f"color:{fg};"
    if bg:
        css += f"background-color:{bg};"
    if bold:
        css += "font-weight:600;"
    if mono:
        css += "font-family:monospace;"
    return css


def muted(html: str) -> str:
    return f"<span style='color:{MUTED}'>{html}</span>"


def colored(html: str, color: str, bold: bool = False) -> str:
    weight = ";font-weight:600" if bold else ""
    return f"<span style='color:{color}{weight}'>{html}</span>"


# -- style sheets ------------------------------------------------------------------------------
TABLE_STYLE = (
    f"QTableView {{ gridline-color:{GRID}; alternate-background-color:{ALTERNATE_ROW}; }}"
    f"QTableView::item:selected {{ background:{SELECTED_ROW}; color:black; }}"
)
FRONT_MATTER_STYLE = (
    f"QLabel#frontMatter {{ background:{PANEL}; border-radius:4px; padding:2px 8px; }}"
)
EMPTY_STYLE = f"QLabel {{ color:{EMPTY_TEXT}; font-size:15px; padding:40px; }}"
HEADING_STYLE = f"color:{HEADING};font-weight:600;"
READONLY_STYLE = f"QTextBrowser {{ background:{READONLY_BG}; }}"
PREVIEW_BUSY_STYLE = f"color:{PREVIEW_BUSY};padding:2px 6px;"
ISSUE_TEXT_STYLE = f"QLabel {{ color:{BODY}; padding:2px; }}"
INLINE_EDITOR_STYLE = f"QPlainTextEdit#inlineEditor {{ border: 2px solid {FOCUS_BORDER}; }}"
HINT_STYLE = f"color:{MUTED};"
PROGRESS_BAR_STYLE = (
    f"QProgressBar {{ background:{PROGRESS_TRACK}; border:none; border-radius:3px; }}"
    f"QProgressBar::chunk {{ background:{PROGRESS_APPROVED}; border-radius:3px; }}"
)
OFFER_STYLE = f"QWidget#propagationBar {{ background:{OFFER_BG}; border-radius:3px; }}"
ERROR_FIELD_STYLE = f"QLineEdit {{ background:{ERROR_FIELD}; }}"
