"""The filter bar above the table: text or regex, state or repetitions, issues, severity,
check, edited."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

from reviewer.core.filtering import FilterSpec
from reviewer.core.mqm import Severity
from reviewer.core.segments import State
from reviewer.gui import labels, theme
from reviewer.gui.line_edits import clear_button_when_typed

UNFINISHED = "unfinished"
REPETITIONS = "repetitions"  # segments whose source occurs more than once, grouped
_TIP = Qt.ItemDataRole.ToolTipRole


def elide_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """Fit text into width, ending with "…" after a whole word where one fits."""
    cut = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    if cut == text or not cut.endswith("…"):
        return cut
    head = cut[:-1]
    if not text[len(head)].isspace() and " " in head.rstrip():
        head = head.rstrip().rsplit(" ", 1)[0]  # "cut at th…" reads worse than "cut at…"
    return head.rstrip() + "…"


class ElidingComboBox(QComboBox):
    """A combo box that ends a text too long for it with "…" instead of clipping mid-letter."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            opt,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        opt.currentText = elide_words(opt.currentText, self.fontMetrics(), field.width() - 4)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class FilterBar(QWidget):
    """Collects a FilterSpec; typing is debounced so a burst of keys filters once."""

    changed = Signal()
    focused = Signal()  # the text field got focus: a search is likely to follow
    leave = Signal()  # Esc or Down in the text field: back to the segments, filter kept

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._titles: dict[str, str] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(6)

        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Filter source and target (Ctrl+F)…"))
        clear_button_when_typed(self.text)
        self.text.setMinimumWidth(120)
        layout.addWidget(self.text, 2)

        self.regex = QCheckBox(self.tr("Re&gex"), self)
        self.regex.setObjectName("filterRegex")
        layout.addWidget(self.regex)

        self.where = QComboBox(self)
        self.where.setObjectName("filterWhere")
        for label, value in (
            (self.tr("Source + target"), "both"),
            (self.tr("Source"), "source"),
            (self.tr("Target"), "target"),
        ):
            self.where.addItem(label, value)
        layout.addWidget(self.where)

        self.state = QComboBox(self)
        self.state.setObjectName("filterState")
        self.state.addItem(self.tr("Any state"), None)
        self.state.addItem(self.tr("Unfinished"), UNFINISHED)
        for s in State:
            self.state.addItem(labels.state(s), s)
        self.state.addItem(self.tr("Repetitions"), REPETITIONS)
        self.state.setItemData(
            self.state.count() - 1,
            self.tr("Segments whose source occurs more than once, each source's together"),
            _TIP,
        )
        layout.addWidget(self.state)

        self.issues = QComboBox(self)
        self.issues.setObjectName("filterIssues")
        self.issues.addItem(self.tr("Any issues"), None)
        self.issues.addItem(self.tr("Issues or checks"), "any")
        for sev in (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.NEUTRAL):
            self.issues.addItem(
                self.tr("Severity: {level}").format(level=labels.severity(sev)), sev
            )
        layout.addWidget(self.issues)

        self.check = ElidingComboBox(self)
        self.check.setObjectName("filterCheck")
        # Only the checks with results in this file: the list fills when the checks are in.
        self.populate_checks({})
        self.check.currentIndexChanged.connect(self._check_tooltip)
        layout.addWidget(self.check)

        self.edited = QCheckBox(self.tr("&Edited now"), self)
        self.edited.setObjectName("filterEdited")
        self.edited.setToolTip(self.tr("Only segments whose target was edited in this session"))
        layout.addWidget(self.edited)

        self.count = QLabel(self)
        self.count.setObjectName("filterCount")
        self.count.setMinimumWidth(80)
        layout.addWidget(self.count)

        for combo, chars in (
            (self.where, 12),
            (self.state, 10),
            (self.issues, 11),
            (self.check, 18),  # "Inline code changed (3)" whole; longer titles end in "…"
        ):
            # Long check titles must not widen the window past small screens.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(chars)

        self.text.installEventFilter(self)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.changed)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.returnPressed.connect(self.apply_now)
        self.regex.toggled.connect(self.apply_now)
        self.edited.toggled.connect(self.apply_now)
        for combo in (self.where, self.state, self.issues, self.check):
            combo.currentIndexChanged.connect(self.apply_now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() == QEvent.Type.FocusIn:
            self.focused.emit()
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Down)
            and not event.modifiers()
        ):
            self.apply_now()
            self.leave.emit()
            return True
        return super().eventFilter(watched, event)

    def populate_checks(self, counts: Mapping[str, tuple[str, int]]) -> None:
        """List the checks with results here: code -> (title, segments with a result)."""
        current = self.check.currentData()
        shown = {code: (labels.check_title(title), n) for code, (title, n) in counts.items()}
        if current and current not in shown:
            # Fixed since it was chosen: keep it, or the filter would change under the user.
            shown[current] = (self._titles.get(current, current), 0)
        self._titles = {code: title for code, (title, _n) in shown.items()}
        self.check.blockSignals(True)
        self.check.clear()
        self.check.addItem(self.tr("Any check"), "")
        self.check.setItemData(0, self.tr("Show segments whatever their check results"), _TIP)
        for code, (title, n) in sorted(shown.items(), key=lambda kv: kv[1][0].lower()):
            self.check.addItem(f"{title} ({n:,})", code)
            where = (
                (self.tr("1 segment") if n == 1 else self.tr("{n} segments").format(n=f"{n:,}"))
                if n
                else self.tr("no segment now")
            )
            self.check.setItemData(self.check.count() - 1, f"{title} [{code}]: {where}", _TIP)
        self.check.setCurrentIndex(max(self.check.findData(current), 0))
        self.check.blockSignals(False)
        self._check_tooltip()

    def _check_tooltip(self) -> None:
        # The closed combo may show the title cut short; hovering it shows it whole.
        self.check.setToolTip(self.check.currentData(_TIP) or "")

    def apply_now(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def spec(self) -> FilterSpec:
        where = self.where.currentData()
        state = self.state.currentData()
        if state == UNFINISHED:
            states = {s for s in State if not s.is_finished}
        elif isinstance(state, State):
            states = {state}
        else:
            states = set()
        issues = self.issues.currentData()
        return FilterSpec(
            text=self.text.text(),
            regex=self.regex.isChecked(),
            in_source=where in ("both", "source"),
            in_target=where in ("both", "target"),
            states=states,
            has_issues=issues == "any",
            severity=issues if isinstance(issues, Severity) else None,
            check_code=self.check.currentData() or "",
            edited_only=self.edited.isChecked(),
            repetitions=state == REPETITIONS,
        )

    def clear(self) -> None:
        """Reset every input and filter once, not once per input."""
        inputs = (
            self.text,
            self.regex,
            self.where,
            self.state,
            self.issues,
            self.check,
            self.edited,
        )
        for w in inputs:
            w.blockSignals(True)
        self.text.clear()
        self.regex.setChecked(False)
        self.edited.setChecked(False)
        for combo in (self.where, self.state, self.issues, self.check):
            combo.setCurrentIndex(0)
        for w in inputs:
            w.blockSignals(False)
        self.apply_now()

    def focus_text(self) -> None:
        """Ctrl+F: type a filter; what is there is selected, so typing replaces it."""
        self.text.setFocus()
        self.text.selectAll()

    def set_count(self, shown: int, total: int) -> None:
        self.count.setText(
            self.tr("{shown} of {total} shown").format(shown=f"{shown:,}", total=f"{total:,}")
            if shown != total
            else self.tr("{total} segments").format(total=f"{total:,}")
        )

    def set_error(self, message: str) -> None:
        self.text.setStyleSheet(theme.ERROR_FIELD_STYLE if message else "")
        self.text.setToolTip(message)
