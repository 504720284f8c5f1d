"""Crash recovery in the window: the restore offer and the timer that drives the autosaver."""

# Used by FileController (file_controller.py): restore_on_open when an article opens (a restore
# goes through EditGateway.adopt, one undo step), then one AutosaveDriver per open article;
# mark_saved after a save, rebase after a reload, discard when the user discards on close.

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from reviewer.core.journal import DEFAULT_INTERVAL, Autosaver, Journal, pending_journals
from reviewer.core.journal_entry import JournalEntry, JournalError
from reviewer.core.journal_recovery import RecoveryResult, recover, session_digest
from reviewer.core.session import ReviewSession

TICK_MS = 250  # how often the driver polls the autosaver: the recovery window is 2 s + this


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Sequence[tuple[str, str]],
    default: str,
    detail: str = "",
) -> str:
    """Show a question and return the key of the button pressed. Tests monkeypatch this.

    ``buttons`` are (key, label) pairs, first the affirmative one; Escape picks ``default``.
    """
    from PySide6.QtWidgets import QMessageBox  # asked after a crash only; not on every open

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    roles = [QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.DestructiveRole]
    by_button: dict[Any, str] = {}
    for k, (key, label) in enumerate(buttons):
        role = roles[k] if k < len(roles) else QMessageBox.ButtonRole.RejectRole
        button = box.addButton(label, role)
        by_button[button] = key
        if key == default:
            box.setDefaultButton(button)
            box.setEscapeButton(button)
    box.exec()
    return by_button.get(box.clickedButton(), default)


def _t(text: str) -> str:
    return QCoreApplication.translate("recovery", text)


def _when(iso: str) -> str:
    try:
        when = datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso or QCoreApplication.translate("recovery", "an unknown time")
    # QLocale names the month in the window's language.
    stamp = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    return QLocale().toString(stamp, "d MMM yyyy HH:mm:ss")


def offer_recovery(parent: QWidget | None, entry: JournalEntry) -> bool:
    """Ask whether to restore a journal; True means restore.

    "Discard" deletes the journal; "Later" keeps it, so the offer comes back next time.
    """
    name = Path(entry.article).name
    answer = ask(
        parent,
        QCoreApplication.translate("recovery", "Restore unsaved work?"),
        QCoreApplication.translate(
            "recovery",
            "Reviewer closed without saving {name}. Restore the unsaved work from {when}?",
        ).format(name=name, when=_when(entry.saved_at)),
        [
            ("restore", QCoreApplication.translate("recovery", "Restore")),
            ("discard", QCoreApplication.translate("recovery", "Discard")),
            ("later", QCoreApplication.translate("recovery", "Later")),
        ],
        default="later",
        detail=entry.summary()
        + "\n\n"
        + QCoreApplication.translate("recovery", "Article: {path}").format(path=entry.article),
    )
    if answer == "discard" and entry.journal_file:
        try:
            os.unlink(entry.journal_file)
        except FileNotFoundError:
            pass
        except OSError:
            return False  # kept: the offer comes back, which is better than losing it
    return answer == "restore"


def restore_on_open(
    parent: QWidget | None,
    session: ReviewSession,
    journal: Journal,
    current_digest: str | None = None,
) -> RecoveryResult | None:
    """On opening an article: offer its journal, restore it, and say what happened.

    Returns None when there was nothing to restore or the user declined.
    """
    try:
        entry = journal.read()
    except JournalError as exc:
        answer = ask(
            parent,
            QCoreApplication.translate("recovery", "Unsaved work cannot be restored"),
            QCoreApplication.translate(
                "recovery", "The autosave journal of this article is unusable:\n{error}"
            ).format(error=exc),
            [
                ("discard", QCoreApplication.translate("recovery", "Delete it")),
                ("keep", QCoreApplication.translate("recovery", "Keep it")),
            ],
            default="keep",
        )
        if answer == "discard":
            journal.discard()
        return None
    if entry is None or not offer_recovery(parent, entry):
        return None
    digest_now = current_digest if current_digest is not None else session_digest(session)
    result = recover(session, entry, current_digest=digest_now)
    if result.blocked:
        answer = ask(
            parent,
            QCoreApplication.translate("recovery", "The article changed on disk"),
            result.messages[0],
            [
                ("force", QCoreApplication.translate("recovery", "Restore matching segments")),
                ("cancel", QCoreApplication.translate("recovery", "Don't restore")),
            ],
            default="cancel",
        )
        if answer != "force":
            return None
        result = recover(session, entry, force=True, current_digest=digest_now)
    return result


def newest_pending(data_dir: str | None = None) -> JournalEntry | None:
    """The most recent journal whose article still exists: what to offer at start-up."""
    entries = [e for e in pending_journals(data_dir) if os.path.isfile(e.article)]
    return entries[-1] if entries else None


class AutosaveDriver(QObject):
    """Polls a core Autosaver from a QTimer; the window only forwards save/reload/close."""

    written = Signal()  # the journal was written
    failed = Signal(str)  # the journal could not be written (disk full, no permission)

    def __init__(
        self,
        autosaver: Autosaver,
        parent: QObject | None = None,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(parent)
        self.autosaver = autosaver
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        autosaver.attach()
        self.timer.start()
        app = QCoreApplication.instance()
        if app is not None:
            # A normal quit with unsaved work still leaves a fresh journal behind.
            app.aboutToQuit.connect(self.flush)

    @classmethod
    def for_workspace(
        cls,
        workspace: Any,
        parent: QObject | None = None,
        interval: float = DEFAULT_INTERVAL,
        data_dir: str | None = None,
    ) -> AutosaveDriver:
        """A driver for a core Workspace (anything with .path, .session and .disk_digest)."""
        saver = Autosaver(
            workspace.session,
            Journal(workspace.path, data_dir),
            workspace.disk_digest,
            interval=interval,
        )
        return cls(saver, parent)

    @property
    def journal(self) -> Journal:
        return self.autosaver.journal

    def tick(self) -> None:
        if self.autosaver.flush_if_due():
            self._report_ok()
        elif self.autosaver.last_error is not None:
            self._report_error()

    def flush(self) -> None:
        """Write now if anything changed (on quit, before a risky operation)."""
        if self.autosaver.flush():
            self._report_ok()
        elif self.autosaver.last_error is not None:
            self._report_error()

    def _report_ok(self) -> None:
        self._failing = False
        self.written.emit()

    def _report_error(self) -> None:
        if not self._failing:  # say it once per failure spell, not every tick
            self._failing = True
            err = self.autosaver.last_error
            self.failed.emit(
                QCoreApplication.translate(
                    "recovery", "Autosave failed: {path}: {error}. Save your work."
                ).format(
                    path=self.autosaver.journal.path,
                    error=getattr(err, "strerror", None) or err,
                )
            )

    def mark_saved(self, article_path: str, disk_digest: str) -> None:
        """After Save or Save As: the journal goes; Save As moves the driver to the new path."""
        self.autosaver.mark_saved(disk_digest)
        data_dir = self.autosaver.journal.path.parent.parent  # <data>/journal/<file>
        moved = Journal(article_path, data_dir)
        if moved.path != self.autosaver.journal.path:
            self.autosaver.journal = moved

    def rebase(self, disk_digest: str) -> None:
        """After a reload: edits kept over the new bytes are journaled against them."""
        self.autosaver.base_digest = disk_digest
        self.autosaver.notify()

    def discard(self) -> None:
        """The user discarded the unsaved work (close without saving): nothing to restore."""
        self.stop()
        self.autosaver.journal.discard()

    def stop(self) -> None:
        self.timer.stop()
        self.autosaver.detach()
        app = QCoreApplication.instance()
        if app is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                app.aboutToQuit.disconnect(self.flush)
