"""The article's front matter above the table: one line of title and description, more if room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from reviewer.core.format import FrontMatter
from reviewer.gui import theme
from reviewer.gui.markup import esc

TALL = 760  # below this window height the metadata line gives its room to the segments


class FrontMatterBar(QLabel):
    """Read-only. The title and description are cut to one line (all of it in the tooltip);
    the metadata line shows only on a tall window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frontMatter")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(theme.FRONT_MATTER_STYLE)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._title = ""
        self._description = ""
        self._meta = ""
        self._error = ""
        self._empty = True

    def show_front_matter(self, fm: FrontMatter | None) -> None:
        self._empty = fm is None
        if fm is None:
            self._title = self._description = self._meta = self._error = ""
        else:
            items = dict(fm.display_items())
            self._title = items.pop("title", "")
            self._description = items.pop("description", "")
            self._meta = " · ".join(
                f"<span style='color:{theme.META_KEY}'>{esc(k)}:</span> {esc(v)}"
                for k, v in items.items()
            )
            self._error = fm.error or ""
        self.setToolTip(
            "\n".join(t for t in (self._title, self._description) if t)
            or self.tr("Front matter (read-only)")
        )
        self.relayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def relayout(self) -> None:
        if self._empty:
            self.setText(self.tr("<i>No front matter</i>") if self.toolTip() else "")
            return
        title = self._title or self.tr("(no title)")
        metrics = self.fontMetrics()
        room = max(40, self.width() - 24 - metrics.horizontalAdvance(title) * 1.15)
        line = f"<b>{esc(title)}</b>"
        if self._description:
            cut = metrics.elidedText(self._description, Qt.TextElideMode.ElideRight, int(room) - 20)
            line += f" — {esc(cut)}"
        lines = [line]
        window = self.window()
        if self._meta and window is not None and window.height() >= TALL:
            lines.append(f"<span style='font-size:small'>{self._meta}</span>")
        if self._error:
            kept = self.tr("(kept verbatim)")
            lines.append(theme.colored(f"{esc(self._error)} {kept}", theme.BAD))
        self.setText("<br>".join(lines))
        self.setFixedHeight(metrics.lineSpacing() * len(lines) + 6)
