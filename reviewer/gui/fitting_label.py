"""A one-line heading that picks the longest of its wordings that fits, never a cut-off word."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class FittingLabel(QLabel):
    """Shows the first of ``texts`` (longest first) that fits its width; the first is also
    the tooltip. Only when even the last does not fit is it cut, with "…". The label never
    makes its pane wider."""

    def __init__(self, texts: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not texts:
            raise ValueError("a FittingLabel needs at least one text")
        self._texts = list(texts)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(self._texts[0])
        self.setText(self._texts[0])

    def texts(self) -> list[str]:
        return list(self._texts)

    def fit(self) -> None:
        width = self.contentsRect().width() - 2 * self.margin() - 2 * max(self.indent(), 0)
        metrics = self.fontMetrics()
        for text in self._texts:
            if metrics.horizontalAdvance(text) <= width:
                break
        else:
            text = metrics.elidedText(self._texts[-1], Qt.TextElideMode.ElideRight, width)
        if text != self.text():
            self.setText(text)

    def _size_for(self, text: str) -> QSize:
        extra = self.contentsMargins().left() + self.contentsMargins().right() + 2 * self.margin()
        return QSize(
            self.fontMetrics().horizontalAdvance(text) + extra, super().sizeHint().height()
        )

    def sizeHint(self) -> QSize:
        return self._size_for(self._texts[0])

    def minimumSizeHint(self) -> QSize:
        return self._size_for(self._texts[-1])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()  # a style sheet's bold font is wider than the font the label began with
