"""The window's parts that draw nothing until they are used, made then. Part of the main window
(split out of main_window.py); the parts themselves never import one another."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from reviewer.gui.exchange import ExchangeController
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.preferences import Preferences


class LateParts(QObject):
    """File › Import and Export (and a dropped XLIFF file or issue sheet), File › Settings and
    Help › About. Each part is made, its module imported and its signals wired, the first time
    one of its actions runs or the window asks for it: the first frame is painted without
    them, and their actions, keys and menu entries are there from the start."""

    NAMES = ("exchange", "preferences")  # the action table's handler prefixes they answer to

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.w = w
        self._exchange: ExchangeController | None = None
        self._preferences: Preferences | None = None

    def handler(self, part: str, method: str) -> Callable[..., object]:
        """The action handler ``part.method``, looked up (and the part made) when it runs."""
        return lambda *args: getattr(getattr(self, part), method)(*args)

    def made(self) -> list[str]:
        return [name for name in self.NAMES if getattr(self, "_" + name) is not None]

    @property
    def exchange(self) -> ExchangeController:
        if self._exchange is None:
            from reviewer.gui.exchange import ExchangeController

            w = self.w
            part = ExchangeController(
                w.gateway, w, w.settings, w.config, w.reviewer_name, w.checks.wait
            )
            part.message.connect(w.status.show_message)
            part.about_to_act.connect(w.table.commit_editor)  # an open table editor first
            self._exchange = part
        return self._exchange

    @property
    def preferences(self) -> Preferences:
        if self._preferences is None:
            from reviewer.gui.preferences import Preferences

            self._preferences = Preferences(self.w, self.w.settings)
        return self._preferences
