"""The term marks' and spelling's language data, loaded on worker threads once it is wanted."""

from __future__ import annotations

import threading
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.core.session import ReviewSession
from reviewer.gui import check_data


class Window(Protocol):
    """What loading the language data uses of the main window (see main_window.py)."""

    @property
    def session(self) -> ReviewSession | None: ...


class Relay(QObject):
    """Brings a worker's result to the GUI thread (parentless: it outlives a closed window)."""

    loaded = Signal()
    dictionary = Signal()
    loaded_all = Signal()


class LanguageData(QObject):
    """Starts the loads; ``relay`` tells on the GUI thread when each is done."""

    def __init__(self, window: Window, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.relay = Relay()
        self._loading_all: threading.Thread | None = None
        self._shown: dict[str, object] = {}  # "painted", "checked" → the session it was for
        self._loaded_for: object = None  # the session the marks' data was loaded for

    def when_shown(self, what: str) -> None:
        """Once the article is painted with its check results, the window is visually
        complete: only then load what the term marks and spelling menu read."""
        session = self.window.session
        self._shown[what] = session
        done = all(self._shown.get(w) is session for w in ("painted", "checked"))
        if session is not None and done and self._loaded_for is not session:
            self._loaded_for = session
            QTimer.singleShot(0, self.load)

    def load(self) -> None:
        """Load the marks' language data on a worker thread."""
        relay = self.relay

        def work() -> None:
            try:
                check_data.preload_marks()
            finally:
                relay.loaded.emit()
            try:
                check_data.preload_dictionary()
            finally:
                relay.dictionary.emit()

        threading.Thread(target=work, name="check-data", daemon=True).start()

    def load_all(self) -> None:
        """The user starts to edit a target: load every table the checks of a segment read on
        a worker thread, so that the underlines follow the typing and checking the edited
        segment (on the GUI thread) never waits for them."""
        session = self.window.session
        running = self._loading_all is not None and self._loading_all.is_alive()
        if session is None or running or check_data.all_loaded():
            return
        config, relay = session.check_config, self.relay

        def work() -> None:
            try:
                check_data.preload(config)
            finally:
                relay.loaded_all.emit()

        self._loading_all = threading.Thread(target=work, name="check-data-all", daemon=True)
        self._loading_all.start()
