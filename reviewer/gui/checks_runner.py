"""Runs the automatic checks off the GUI thread once the table first painted, and hands them in."""

from __future__ import annotations

import threading

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from reviewer.core.session import ReviewSession
from reviewer.gui import background

FALLBACK_MS = 1500  # a table squeezed to nothing never paints: start the checks anyway


class _Relay(QObject):
    """Carries a worker's result to the GUI thread; parentless, so a window closed while the
    checks run cannot delete it under the worker."""

    done = Signal(object, object)  # document, (findings, words)


class ChecksRunner(QObject):
    """Starts the checks after the first paint (the rows show first), on a worker; adopts the
    results on the GUI thread. An edit during the run makes it run again on the new text."""

    first_paint = Signal()  # the table showed its first rows of this article
    finished = Signal()  # the session holds the findings now
    message = Signal(str, int)  # for the status bar: the run failed

    def __init__(self, viewport: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.words: int | None = None  # source words of the article, counted by the worker
        self._thread: threading.Thread | None = None
        self._edited = False
        self._armed = False
        viewport.installEventFilter(self)
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)

    def watch(self, session: ReviewSession, paints: bool) -> None:
        """A new (or reloaded) article: start after its first paint, or now when nothing paints."""
        self.session = session
        self.words = None
        self._edited = False
        if paints:
            self._armed = True
            QTimer.singleShot(FALLBACK_MS, self._fallback)
        else:
            self._armed = False
            QTimer.singleShot(0, self._painted)

    def note_target_edit(self) -> None:
        if self.session is not None and not self.session.checks_ready:
            self._edited = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(0, self._painted)
        return False

    def _fallback(self) -> None:
        if self._armed:
            self._armed = False
            self._painted()

    def _painted(self) -> None:
        self.first_paint.emit()
        self.start()

    def start(self) -> None:
        session = self.session
        if session is None or session.checks_ready:
            return
        if self._thread is not None and self._thread.is_alive():
            return
        self._edited = False
        doc = session.doc
        relay = self._relay  # the closure keeps it alive until the worker is done
        self._thread = background.start(
            doc,
            session.check_config,
            self.words is None,
            lambda result: relay.done.emit(doc, result),
        )

    def wait(self) -> None:
        """Block until the checks are in (for batch decisions that depend on them)."""
        session = self.session
        if session is None or session.checks_ready:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for _ in range(3):
                if self._thread is not None:
                    self._thread.join()
                QApplication.processEvents()
                if session.checks_ready:
                    return
                self.start()
            session.run_checks()
        finally:
            QGuiApplication.restoreOverrideCursor()

    def _on_done(self, doc: object, result: object) -> None:
        session = self.session
        if session is None or doc is not session.doc:
            return  # a file opened or reloaded since: its own run is on the way
        assert isinstance(result, tuple)
        findings, words = result
        if isinstance(words, int):
            self.words = words
        if findings is None:
            self.message.emit(self.tr("The automatic checks failed; see the terminal."), 8000)
            return
        if self._edited:
            # Some targets changed while the checks read them: check the current text again.
            self.start()
            return
        session.assign_findings(findings)
        self.finished.emit()
