"""Runs the automatic checks off the GUI thread once the table first painted, and hands them in.

An article checked before with the same checks takes its results from the check cache before
its first paint. Otherwise the rows in view are checked first and shown as soon as they are
done, then the rest follows (both cores; see core/check_jobs.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from reviewer import start_trace
from reviewer.core import check_cache, check_jobs, check_prestart
from reviewer.core.check_jobs import Done, Message, Partial, Request
from reviewer.core.checks import Finding
from reviewer.core.checks.lexicon import LanguageSettings
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import Workspace
from reviewer.gui import background

FALLBACK_MS = 1500  # a table squeezed to nothing never paints: start the checks anyway
AHEAD = 40  # rows below the view checked with it, for the first scroll


class _Relay(QObject):
    """Carries a worker's result to the GUI thread; parentless, so a window closed while the
    checks run cannot delete it under the worker."""

    message = Signal(object, object)  # document, Partial | Done


class ChecksRunner(QObject):
    """Starts the checks after the first paint (the rows show first), on a worker; adopts the
    results on the GUI thread. An edit during the run makes it run again on the new text."""

    first_paint = Signal()  # the table showed its first rows of this article
    partial = Signal(list)  # the checks of these rows are in (the rest still runs)
    finished = Signal()  # the session holds the findings now
    message = Signal(str, int)  # for the status bar: the run failed

    def __init__(self, viewport: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: ReviewSession | None = None
        self.words: int | None = None  # source words of the article, counted by the worker
        self._article = ""  # the path the results are kept under
        self._digest = ""  # the file's digest while the text is the one loaded from it
        self._workspace: Workspace | None = None
        self._thread: threading.Thread | None = None
        self._early: check_prestart.EarlyJob | None = None
        self._unwanted: check_prestart.EarlyJob | None = None  # stopped after the first paint
        self._edited = False
        self._armed = False
        self._viewport = viewport
        viewport.installEventFilter(self)
        self._relay = _Relay()
        self._relay.message.connect(self._on_message)

    def watch(
        self, session: ReviewSession, paints: bool, workspace: Workspace | None = None
    ) -> bool:
        """A new (or reloaded) article: take stored results now when there are any (True:
        ``finished`` was emitted); else start after its first paint, or now when nothing
        paints."""
        self.session = session
        self.words = None
        self._edited = False
        self._article = workspace.path if workspace is not None else ""
        self._digest = workspace.disk_digest if workspace is not None else ""
        self._workspace = workspace
        adopted = self._adopt_stored(session)
        early = check_prestart.take(self._article) if self._article else None
        self._early = None
        if early is not None and adopted:
            # Its work is not wanted: stopped now, reaped after the first paint (waiting for
            # it to end took ~4 ms before it).
            self._stop_unwanted()
            with contextlib.suppress(OSError):
                os.kill(early.pid, signal.SIGTERM)
            self._unwanted = early
        elif early is not None:
            # Started with the program: it checks while this window paints (rows in view first).
            self._early = early
            request = self._request(session)
            early.tell("rows", list(request.first))
            self._launch(request, early)
        if paints:
            self._armed = True
            QTimer.singleShot(FALLBACK_MS, self._fallback)
        else:
            self._armed = False
            QTimer.singleShot(0, self._painted)
        return adopted

    def _language(self) -> LanguageSettings:
        """The language files the checks read now (the settings may change while it is open)."""
        ws = self._workspace
        return ws.config.language_settings() if ws is not None else LanguageSettings()

    def _key(self, session: ReviewSession) -> str:
        return check_cache.fingerprint(session.check_config, self._language())

    def _adopt_stored(self, session: ReviewSession) -> bool:
        """The results stored for exactly this text and these checks, before the first paint."""
        if not self._article or session.doc.is_modified or not len(session.doc.pairs):
            return False
        stored = check_cache.load(self._article, self._key(session), self._digest)
        if stored is None or len(stored.hashes) != 16 * len(session.doc.pairs):
            return False
        if stored.words is None:
            return False
        session.assign_findings(check_jobs.findings_of(stored.findings, session.doc.path))
        self.words = stored.words
        self.finished.emit()
        start_trace.mark("stored-results-adopted")
        return True

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

    def _stop_unwanted(self) -> None:
        if self._unwanted is not None:
            self._unwanted.close()
            self._unwanted = None

    def _painted(self) -> None:
        start_trace.mark("table-painted")
        self.first_paint.emit()
        self._stop_unwanted()
        if self._early is not None:
            self._early.tell("painted")  # it may use the second core now
        self.start()

    def _rows_in_view(self) -> list[int]:
        """Source rows the table shows now, and the next few."""
        view = self._viewport.parent()
        if not isinstance(view, QAbstractItemView) or view.model() is None:
            return []
        proxy = view.model()
        top = view.indexAt(self._viewport.rect().topLeft()).row()
        bottom = view.indexAt(self._viewport.rect().bottomLeft()).row()
        if top < 0:
            return []
        if bottom < 0:
            bottom = proxy.rowCount() - 1
        last = min(bottom + AHEAD, proxy.rowCount() - 1)
        mapper = getattr(proxy, "mapToSource", None)
        rows = []
        for r in range(top, last + 1):
            index = proxy.index(r, 0)
            rows.append(mapper(index).row() if mapper is not None else index.row())
        return rows

    def start(self) -> None:
        session = self.session
        if session is None or session.checks_ready:
            return
        if self._thread is not None and self._thread.is_alive():
            return
        self._edited = False
        self._launch(self._request(session))

    def _request(self, session: ReviewSession) -> Request:
        doc = session.doc
        return Request(
            article=self._article or (doc.path or ""),
            doc=doc,
            config=session.check_config,
            key=self._key(session),
            digest="" if doc.is_modified else self._digest,
            want_words=self.words is None,
            first=self._rows_in_view(),
            store=bool(self._article),
            language=self._language(),
        )

    def _launch(self, request: Request, early: check_prestart.EarlyJob | None = None) -> None:
        doc = request.doc
        relay = self._relay  # the closure keeps it alive until the worker is done
        self._thread = background.start(request, lambda msg: relay.message.emit(doc, msg), early)

    def run_again(self, deliver: Callable[[Message], None]) -> threading.Thread:
        """Check the whole article again with the settings as they are now (the findings
        shown stay meanwhile); the messages go to ``deliver`` on a worker thread, the last a
        ``Done``, and the results are kept for the next open."""
        session = self.session
        assert session is not None
        request = self._request(session)
        request.first, request.want_words = (), False
        return background.start(request, deliver)

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

    def _on_message(self, doc: object, message: Message) -> None:
        session = self.session
        if session is None or doc is not session.doc:
            return  # a file opened or reloaded since: its own run is on the way
        if isinstance(message, Partial):
            if self._edited:
                return
            by_row: dict[int, list[Finding]] = {row: [] for row in message.rows}
            for finding, plain in zip(
                check_jobs.findings_of(message.findings, doc.path), message.findings, strict=True
            ):
                by_row[plain[0]].append(finding)
            session.assign_partial(by_row)
            self.partial.emit(message.rows)
            start_trace.mark("partial-results-applied", str(len(message.rows)))
            return
        assert isinstance(message, Done)
        if isinstance(message.words, int):
            self.words = message.words
        if message.failed:
            self.message.emit(self.tr("The automatic checks failed; see the terminal."), 8000)
            return
        if self._edited:
            # Some targets changed while the checks read them: check the current text again.
            self.start()
            return
        session.assign_findings(check_jobs.findings_of(message.findings, doc.path))
        self.finished.emit()
        start_trace.mark("results-applied")
