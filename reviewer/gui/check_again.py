"""Running every check on the open article again when its settings, glossary or words change."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reviewer.core import check_jobs
from reviewer.core.check_jobs import Done
from reviewer.core.session import ReviewSession

if TYPE_CHECKING:
    from reviewer.gui.checks_runner import ChecksRunner
    from reviewer.gui.status_bar import StatusPanel


class Window(Protocol):
    """What checking again uses of the main window (see main_window.py)."""

    @property
    def checks(self) -> ChecksRunner: ...
    @property
    def status(self) -> StatusPanel: ...
    @property
    def session(self) -> ReviewSession | None: ...


class _Relay(QObject):
    """Brings a worker's result to the GUI thread (parentless: it outlives a closed window)."""

    checked = Signal(object, object)  # document, a check_jobs message (Partial | Done)


class CheckAgain(QObject):
    """Runs the checks again off the GUI thread; the findings shown stay until the new ones
    are in, and a run asked for during another starts once that one is in."""

    def __init__(self, window: Window, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self._relay = _Relay()
        self._relay.checked.connect(self._on_checked)
        self._rerun = False  # run the checks again once the current run is in
        self._checking: threading.Thread | None = None
        self._revision = -1

    def run(self) -> None:
        """Run every check on the open article again, off the GUI thread; the findings shown
        stay until the new ones are in."""
        session = self.window.session
        if session is None:
            return
        running = self._checking is not None and self._checking.is_alive()
        if not session.checks_ready or running:
            self._rerun = True  # after the run in progress, whose settings may be old
            return
        self._rerun = False
        self._revision = session.revision
        doc, relay = session.doc, self._relay
        self._checking = self.window.checks.run_again(lambda msg: relay.checked.emit(doc, msg))

    def after_first_results(self) -> None:
        """The article's first results are in: a run asked for before them starts now."""
        if self._rerun:
            self.run()

    def _on_checked(self, doc: object, message: object) -> None:
        if not isinstance(message, Done):
            return  # the rows in view first: the findings shown stay until all are in
        session = self.window.session
        self._checking = None
        if session is None or session.doc is not doc:
            return
        if message.failed:
            self.window.status.show_message(
                QCoreApplication.translate(
                    "LanguageTools", "The automatic checks failed; see the terminal."
                ),
                8000,
            )
            return
        if self._rerun or session.revision != self._revision:
            self._rerun = False
            self.run()  # settings or targets changed while it ran
            return
        session.assign_findings(check_jobs.findings_of(message.findings, session.doc.path))
        self.window.checks.finished.emit()
