"""Notice when the open article changes on disk: a file watcher plus a digest check on focus."""

# Used by FileController (file_controller.py): watch() on open, save and reload (our own write
# is then the known digest and is not reported); ``changed`` asks reload / overwrite / save as.

from __future__ import annotations

import os

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

from reviewer.core.errors import FormatError
from reviewer.core.fileio import digest, read_bytes

DEBOUNCE_MS = 150  # editors write in bursts (truncate, write, rename): look once it settles


class ExternalChangeWatcher(QObject):
    """Watches one article. ``changed`` fires once per new on-disk content that differs from
    the known digest; touching a file or rewriting the same bytes fires nothing."""

    changed = Signal(str)  # path: the bytes on disk are not the ones loaded or saved
    removed = Signal(str)  # path: the file is gone (deleted, moved away, unreadable)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.path = ""
        self.known_digest = ""
        self._reported: str | None = None  # digest already reported, or "" for "removed"
        self._fs = QFileSystemWatcher(self)
        self._fs.fileChanged.connect(self._on_fs_event)
        self._fs.directoryChanged.connect(self._on_fs_event)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.check_now)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self.on_application_state)

    # -- what to watch ----------------------------------------------------------------------
    def watch(self, path: str, known_digest: str) -> None:
        """Watch ``path``, whose current content (loaded or just saved) has ``known_digest``."""
        path = os.path.abspath(path)
        if path != self.path:
            self.unwatch()
            self.path = path
        self.known_digest = known_digest
        self._reported = None
        self._arm()

    def set_known_digest(self, known_digest: str) -> None:
        """Our own save wrote these bytes: do not report them as an external change."""
        self.known_digest = known_digest
        self._reported = None
        self._arm()

    def unwatch(self) -> None:
        self._debounce.stop()
        watched = self._fs.files() + self._fs.directories()
        if watched:
            self._fs.removePaths(watched)
        self.path = ""
        self.known_digest = ""
        self._reported = None

    def _arm(self) -> None:
        """(Re-)add the file and its folder. An atomic replace swaps the inode, after which
        the old watch is dead; the folder watch tells us the new file has arrived."""
        if not self.path:
            return
        folder = os.path.dirname(self.path)
        if folder and folder not in self._fs.directories() and os.path.isdir(folder):
            self._fs.addPath(folder)
        if self.path not in self._fs.files() and os.path.exists(self.path):
            self._fs.addPath(self.path)

    # -- events -----------------------------------------------------------------------------
    def _on_fs_event(self, changed: str) -> None:
        if not self.path:
            return
        if changed == self.path or changed == os.path.dirname(self.path):
            self._arm()
            self._debounce.start()

    def on_application_state(self, state: Qt.ApplicationState) -> None:
        # Back from another program: the watcher can miss changes (network drives, sleep).
        if state == Qt.ApplicationState.ApplicationActive and self.path:
            self._arm()
            self.check_now()

    def check_now(self) -> bool:
        """Compare the file with the known digest now; True when a signal was emitted."""
        if not self.path:
            return False
        try:
            current = digest(read_bytes(self.path))
        except FormatError:
            if self._reported == "":
                return False
            self._reported = ""
            self.removed.emit(self.path)
            return True
        self._arm()
        if current == self.known_digest:
            self._reported = None
            return False
        if current == self._reported:
            return False  # already told the user about exactly these bytes
        self._reported = current
        self.changed.emit(self.path)
        return True
