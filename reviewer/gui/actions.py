"""Builds the window's actions, menus and toolbar from the action table (action_table.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from reviewer.gui.action_spec import ActionSpec
from reviewer.gui.action_table import ACTIONS, EXTRA_KEYS, MENUS, TOOLBAR
from reviewer.gui.preview_actions import PREVIEW_ACTIONS
from reviewer.gui.project_actions import PROJECT_ACTIONS


def _t(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _keys(spec: ActionSpec) -> list[QKeySequence]:
    return [QKeySequence(k) for k in spec.keys]


def key_text(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


class Actions(QObject):
    """The window's actions, menus and toolbar, built from ``ACTIONS``."""

    def __init__(
        self,
        window: QMainWindow,
        resolve: Callable[[str], Callable[[], object]],
        dock_action: Callable[[str], QAction],
        specs: tuple[ActionSpec, ...] = ACTIONS + PROJECT_ACTIONS + PREVIEW_ACTIONS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.dock_action = dock_action  # a dock's show/hide action, by the dock's objectName
        self.specs = specs
        self.by_name: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        for spec in specs:
            self.by_name[spec.name] = self._make(spec, resolve)
        self._build_menus()
        self.toolbar = self._build_toolbar()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def _make(self, spec: ActionSpec, resolve: Callable[[str], Callable[[], object]]) -> QAction:
        if spec.dock:
            action = self.dock_action(spec.dock)
        else:
            action = QAction(_t(spec.text), self.window)
            handler = resolve(spec.handler)
            if spec.checkable:
                action.setCheckable(True)
                action.toggled.connect(handler)
            else:
                action.triggered.connect(lambda _checked=False, h=handler: h())
        action.setObjectName(spec.name)
        action.setText(_t(spec.text))
        if spec.keys:
            action.setShortcuts(_keys(spec))
        if spec.label:
            action.setIconText(_t(spec.label))
        if spec.tip:
            action.setStatusTip(_t(spec.tip))
        self.set_tip(action, _t(spec.tip) if spec.tip else "")
        self.window.addAction(action)
        return action

    @staticmethod
    def set_tip(action: QAction, what: str) -> None:
        """Tooltips say what an action does and its keys, so the keys are learnt."""
        what = what or action.text().replace("&", "").rstrip("…")
        keys = key_text(action)
        action.setToolTip(f"{what} ({keys})" if keys else what)

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        for title in MENUS:
            menu = bar.addMenu(_t(title))
            menu.setObjectName("menu" + title.replace("&", ""))
            self.menus[title.replace("&", "")] = menu
        for spec in self.specs:
            top, _, sub = spec.menu.partition("/")
            menu = self.menus[top]
            if sub:
                key = f"{top}/{sub.replace('&', '')}"
                if key not in self.menus:
                    menu.addSeparator()
                    self.menus[key] = menu.addMenu(_t(sub))
                menu = self.menus[key]
            action = self.by_name[spec.name]
            if spec.after:
                listed = menu.actions()
                k = listed.index(self.by_name[spec.after]) + 1
                if k < len(listed):
                    if spec.separator:
                        menu.insertSeparator(listed[k])
                    menu.insertAction(listed[k], action)
                    continue
            if spec.separator:
                menu.addSeparator()
            menu.addAction(action)

    def _build_toolbar(self) -> QToolBar:
        tb = QToolBar(QCoreApplication.translate("Actions", "Main"), self.window)
        tb.setObjectName("mainToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.setMovable(False)
        for name in TOOLBAR:
            if name is None:
                tb.addSeparator()
            else:
                tb.addAction(self.by_name[name])
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        return tb

    def follow_undo_stack(self, stack: QUndoStack) -> None:
        """Undo and Redo name the step they would take; the toolbar keeps its short labels."""
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)

    def _undo_text(self, step: str) -> None:
        self._name_step(
            self.by_name["actionUndo"], QCoreApplication.translate("Actions", "&Undo"), step
        )

    def _redo_text(self, step: str) -> None:
        self._name_step(
            self.by_name["actionRedo"], QCoreApplication.translate("Actions", "&Redo"), step
        )

    def _name_step(self, action: QAction, fallback: str, step: str) -> None:
        action.setText(f"{fallback} {step}" if step else fallback)
        self.set_tip(action, action.text().replace("&", ""))

    def enable(self, groups: dict[str, bool]) -> None:
        """Enable each action whose group is true now ("always" always is); groups not named
        keep their state (the project features tell theirs apart)."""
        for spec in self.specs:
            if spec.group != "always" and spec.group in groups:
                self.by_name[spec.name].setEnabled(groups[spec.group])

    def editor_keys(self) -> list[QKeySequence]:
        """Keys the target editors must hand to the window (approve, move, undo…)."""
        return [k for spec in self.specs if spec.in_editors for k in _keys(spec)]

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(action, keys) for every action with a key, in menu order, then widget keys."""
        ordered = [spec for spec in self.specs if not spec.after]
        for spec in self.specs:
            if spec.after:  # listed where its menu shows it
                names = [s.name for s in ordered]
                k = names.index(spec.after) + 1 if spec.after in names else len(ordered)
                ordered.insert(k, spec)
        rows = [
            (_t(spec.text).replace("&", "").rstrip("…"), key_text(self.by_name[spec.name]))
            for spec in ordered
            if spec.keys
        ]
        return rows + [(_t(what), keys) for what, keys in EXTRA_KEYS]
