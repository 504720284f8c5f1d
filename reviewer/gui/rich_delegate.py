"""A delegate that paints a cell's HTML (hits with the match marked, before/after of a change)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reviewer.gui import theme
from reviewer.gui.markup import esc

HTML_ROLE = Qt.ItemDataRole.UserRole + 20  # rich text of the cell; else its display text
_PAD = 3


def mark_spans(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    """``text`` escaped, with the given spans marked as the filter marks what it found."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        if start < pos or end <= start:
            continue
        out.append(esc(text[pos:start]))
        out.append(
            f"<span style='background-color:{theme.FILTER_HIT}'>{esc(text[start:end])}</span>"
        )
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


class RichTextDelegate(QStyledItemDelegate):
    """Paints ``HTML_ROLE`` (one line, or wrapped to the column when ``wrap``)."""

    def __init__(self, parent: QWidget | None = None, wrap: bool = False) -> None:
        super().__init__(parent)
        self.wrap = wrap

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(_PAD)
        html = index.data(HTML_ROLE)
        if not isinstance(html, str):
            html = esc(index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc.setHtml(html)
        doc.setTextWidth(width if self.wrap else -1)
        return doc

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        doc = self._document(opt, index, opt.rect.width())
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        context = QAbstractTextDocumentLayout.PaintContext()
        # The window's tables select in a light colour (theme.TABLE_STYLE): text stays dark.
        context.palette.setColor(
            QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.Text)
        )
        if not self.wrap:
            # One line, vertically centred like the plain cells beside it.
            offset = max(0.0, (opt.rect.height() - doc.size().height()) / 2)
            painter.translate(0, offset)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 400
        doc = self._document(option, index, width)
        return QSize(int(doc.idealWidth()) + 2 * _PAD, int(doc.size().height()) + 1)
