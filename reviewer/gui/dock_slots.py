"""Docks made when first wanted: until then an action stands in for each dock's show/hide action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow


class DockSlots(QObject):
    """A hidden dock costs nothing before the first paint: it is made (and its module imported)
    when its action shows it or a part asks for it. The docks the saved window state shows are
    made before the state is restored, so they are painted with the window; one made later
    takes the place the state kept for it (``restoreDockWidget``), else its default place."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._makers: dict[str, tuple[Callable[[], QDockWidget], Callable[[QDockWidget], None]]]
        self._makers = {}
        self._docks: dict[str, QDockWidget] = {}
        self._actions: dict[str, QAction] = {}

    def add(
        self, name: str, make: Callable[[], QDockWidget], place: Callable[[QDockWidget], None]
    ) -> QAction:
        """``make`` builds and wires the dock named ``name``; ``place`` adds it to the window
        where it goes when no saved state names it. Returns the action that shows it."""
        self._makers[name] = (make, place)
        action = QAction(self.window)
        action.setCheckable(True)
        action.triggered.connect(lambda on, n=name: self._toggle(n, on))
        self._actions[name] = action
        return action

    def action(self, name: str) -> QAction:
        """The show/hide action of the dock ``name`` (made or not)."""
        if name in self._actions:
            return self._actions[name]
        dock = self.window.findChild(QDockWidget, name)
        assert dock is not None, name
        return dock.toggleViewAction()

    def made(self, name: str) -> QDockWidget | None:
        return self._docks.get(name)

    def get(self, name: str) -> QDockWidget:
        """The dock ``name``, made now if it was not yet (hidden unless the state shows it)."""
        dock = self._docks.get(name)
        if dock is not None:
            return dock
        make, place = self._makers[name]
        dock = make()
        self._docks[name] = dock
        if not self.window.restoreDockWidget(dock):
            place(dock)
            dock.hide()
        action = self._actions[name]
        dock.toggleViewAction().toggled.connect(action.setChecked)
        action.setChecked(not dock.isHidden())
        return dock

    def make_shown(self, names: list[str] | None) -> None:
        """Before the window state is restored: make the docks it shows (``None``: a state
        saved without that list, which may show any)."""
        for name in list(self._makers):
            if names is None or name in names:
                self.get(name)

    def _toggle(self, name: str, on: bool) -> None:
        """What a dock's own toggleViewAction does when triggered."""
        dock = self.get(name)
        if on == dock.isHidden():
            if on:
                dock.show()
            else:
                dock.close()
        if on:
            dock.raise_()
