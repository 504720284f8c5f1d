"""Painting highlighted, wrapped segments in the table and editing them inline."""

from __future__ import annotations

import weakref
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QRegularExpression,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QLinearGradient,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reviewer.core.checks import Finding, Level
from reviewer.core.mqm import Issue
from reviewer.gui import labels, theme
from reviewer.gui.markup import to_html
from reviewer.gui.model import (
    COL_ISSUES,
    COL_SOURCE,
    COL_STATE,
    COL_TARGET,
    ISSUES_ROLE,
    STATE_ROLE,
)
from reviewer.gui.text_editor import SegmentTextEdit

AnyIndex = QModelIndex | QPersistentModelIndex
_PAD = 4


def shiboken_valid(obj: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def _mark_matches(doc: QTextDocument, rx: QRegularExpression) -> None:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(theme.FILTER_HIT))
    cursor = doc.find(rx, 0)
    while not cursor.isNull() and cursor.hasSelection():
        cursor.mergeCharFormat(fmt)
        cursor = doc.find(rx, cursor)


def _fitting_height(doc: QTextDocument, height: int) -> float:
    """Height of the leading whole lines of ``doc`` that fit in ``height`` (at least one)."""
    layout = doc.documentLayout()
    fits = 0.0
    block = doc.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for k in range(lines.lineCount()):
            line = lines.lineAt(k)
            bottom = top + line.y() + line.height()
            if bottom > height + 0.5:
                return fits or bottom
            fits = bottom
        block = block.next()
    return fits or float(height)


class SegmentEditor(SegmentTextEdit):
    """Inline multi-line editor: Return commits, Shift+Return adds a line break, Esc cancels;
    Ctrl+Z undoes its own typing, nothing reaches the article before Return."""

    def __init__(self, parent: QWidget | None, delegate: SegmentDelegate) -> None:
        super().__init__(parent, local_undo=True)
        self.setObjectName("inlineEditor")
        self._delegate = delegate
        self.setFrameShape(QPlainTextEdit.Shape.Box)
        self.setStyleSheet(theme.INLINE_EDITOR_STYLE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mods = event.modifiers()
            if mods & Qt.KeyboardModifier.ShiftModifier:
                super().keyPressEvent(event)  # a line break, as the target writes them
                return
            if not mods & Qt.KeyboardModifier.ControlModifier:
                self._delegate.commitData.emit(self)
                self._delegate.closeEditor.emit(self, QStyledItemDelegate.EndEditHint.NoHint)
                return
        super().keyPressEvent(event)


class SegmentDelegate(QStyledItemDelegate):
    """Rich, wrapped text for source and target; only visible rows are ever laid out."""

    editor_created = Signal(object, object)  # the inline editor, its (proxy) index

    def __init__(self, parent: QObject | None = None, max_lines: int = 3) -> None:
        super().__init__(parent)
        self.max_lines = max_lines
        # One layout per text and width, with the fitting height per row height beside it:
        # the current row is measured whole (text_height) and painted from the same layout.
        self._cache: OrderedDict[tuple[str, int], tuple[QTextDocument, dict[int, float]]] = (
            OrderedDict()
        )
        self._cache_size = 256
        self._highlight: QRegularExpression | None = None
        self._editor: weakref.ref[SegmentEditor] | None = None
        self.passthrough: list[QKeySequence] = []  # window keys the editor hands on

    def current_editor(self) -> SegmentEditor | None:
        """The open inline editor, if any, so the window can commit it before an action."""
        editor = self._editor() if self._editor is not None else None
        if editor is not None and not shiboken_valid(editor):
            return None
        return editor

    # -- painting --------------------------------------------------------------------
    def set_highlight(self, text: str, regex: bool = False, case_sensitive: bool = False) -> None:
        """Mark what the filter matched in every painted cell (empty text: mark nothing)."""
        rx: QRegularExpression | None = None
        if text:
            pattern = text if regex else QRegularExpression.escape(text)
            options = QRegularExpression.PatternOption.NoPatternOption
            if not case_sensitive:
                options = QRegularExpression.PatternOption.CaseInsensitiveOption
            rx = QRegularExpression(pattern, options)
            if not rx.isValid():
                rx = None
        self._highlight = rx
        self._cache.clear()

    def _document(
        self, text: str, width: int, font: QFont, height: int
    ) -> tuple[QTextDocument, float]:
        """The laid-out text and the height of the whole lines that fit in ``height``."""
        key = (text, width)
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            doc, by_height = cached
            if height not in by_height:
                by_height[height] = _fitting_height(doc, height)
            return doc, by_height[height]
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setHtml(to_html(text, chips=True))
        if self._highlight is not None:
            _mark_matches(doc, self._highlight)
        doc.setTextWidth(max(10, width))
        fits = _fitting_height(doc, height)
        self._cache[key] = (doc, {height: fits})
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return doc, fits

    def text_height(self, text: str, width: int, font: QFont) -> int:
        """Height a cell needs to show all of ``text`` at ``width`` (the current row grows)."""
        doc, _fits = self._document(text, width - 2 * _PAD, font, 0)
        return int(doc.size().height()) + 6

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        col = index.column()
        if col not in (COL_SOURCE, COL_TARGET, COL_ISSUES, COL_STATE):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(_PAD, 2, -_PAD, -2)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setClipRect(opt.rect)
        if col == COL_ISSUES:
            self._paint_issues(painter, rect, index, opt)
            painter.restore()
            return
        if col == COL_STATE:
            self._paint_state(painter, rect, index, text, opt)
            painter.restore()
            return
        doc, fits = self._document(text, rect.width(), opt.font, rect.height())
        painter.translate(rect.topLeft())
        # Only whole lines: a half-clipped line reads as garbage.
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = QRectF(0, 0, rect.width(), fits)
        painter.setClipRect(QRectF(0, 0, rect.width(), fits))
        doc.documentLayout().draw(painter, ctx)
        painter.setClipping(False)
        if doc.size().height() > fits + 1:
            # More text than the row shows: say so; the detail pane has all of it.
            marker = " " + QCoreApplication.translate("SegmentDelegate", "…more")
            fm = painter.fontMetrics()
            w = fm.horizontalAdvance(marker) + 4
            h = fm.height()
            box = QRectF(rect.width() - w, fits - h, w, h)
            alternate = bool(opt.features & QStyleOptionViewItem.ViewItemFeature.Alternate)
            background = QColor(
                theme.SELECTED_ROW
                if selected
                else (theme.ALTERNATE_ROW if alternate else theme.WHITE)
            )
            fade = QLinearGradient(box.left() - 24, 0, box.left(), 0)
            transparent = QColor(background)
            transparent.setAlpha(0)
            fade.setColorAt(0, transparent)
            fade.setColorAt(1, background)
            painter.fillRect(QRectF(box.left() - 24, box.top(), 24, h), QBrush(fade))
            painter.fillRect(box, background)
            painter.setPen(QColor(theme.MORE_MARKER))
            painter.drawText(
                box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), marker
            )
        painter.restore()

    def _paint_state(
        self, painter: QPainter, rect: Any, index: AnyIndex, text: str, opt: QStyleOptionViewItem
    ) -> None:
        state = index.data(STATE_ROLE)
        fm = painter.fontMetrics()
        size = 10
        top = rect.top() + (fm.height() - size) / 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.STATE_COLORS.get(state, theme.SUBTLE)))
        painter.drawEllipse(QRectF(rect.left(), top, size, size))
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        text_rect = rect.adjusted(size + 6, 0, 0, 0)
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text
        )

    def _paint_issues(
        self, painter: QPainter, rect: Any, index: AnyIndex, opt: QStyleOptionViewItem
    ) -> None:
        data = index.data(ISSUES_ROLE)
        if not data:
            return
        issues: list[Issue]
        findings: list[Finding]
        issues, findings = data
        x = rect.left()
        y = rect.top()
        fm = painter.fontMetrics()
        h = fm.height() + 2
        pills: list[tuple[str, str]] = []
        by_sev: dict[str, int] = {}
        for i in issues:
            by_sev[i.severity.value] = by_sev.get(i.severity.value, 0) + 1
        for sev, color in theme.SEVERITY_COLORS.items():
            if sev.value in by_sev:
                pills.append((f"⚑ {by_sev[sev.value]} {labels.severity(sev).lower()}", color))
        by_level: dict[Level, int] = {}
        for f in findings:
            by_level[f.level] = by_level.get(f.level, 0) + 1
        for level in (Level.ERROR, Level.WARNING, Level.INFO):
            if level in by_level:
                pills.append(
                    ("▲ " + labels.level_count(level, by_level[level]), theme.LEVEL_COLORS[level])
                )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for label, color in pills:
            w = fm.horizontalAdvance(label) + 10
            if y + h > rect.bottom() + 2:
                break
            box = QRectF(x, y, min(w, rect.width()), h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor(theme.WHITE))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)
            y += h + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # Uniform rows: the view never asks every row for its height.
        fm = option.fontMetrics
        return QSize(120, fm.lineSpacing() * self.max_lines + 6)

    # -- editing -----------------------------------------------------------------------
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = SegmentEditor(parent, self)
        editor.setFont(option.font)
        editor.set_passthrough(self.passthrough)
        self._editor = weakref.ref(editor)
        self.editor_created.emit(editor, index)
        return editor

    def destroyEditor(self, editor: QWidget, index: AnyIndex) -> None:
        if self._editor is not None and self._editor() is editor:
            self._editor = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, SegmentEditor):
            editor.markup.source = index.sibling(index.row(), COL_SOURCE).data() or ""
            text = index.data(Qt.ItemDataRole.EditRole) or ""
            if editor.true_text() != text:
                editor.set_true_text(text, keep_cursor=False)
                editor.move_cursor_end()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, SegmentEditor):
            # The true text, never toPlainText(): that would rewrite what was not touched.
            model.setData(index, editor.true_text(), Qt.ItemDataRole.EditRole)

    def commit_open_editor(self) -> None:
        editor = self.current_editor()
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect = option.rect
        # Taller than the row, so a long segment is editable without scrolling a tiny box.
        height = max(rect.height(), option.fontMetrics.lineSpacing() * 6 + 12)
        editor.setGeometry(rect.x(), rect.y(), rect.width(), height)
