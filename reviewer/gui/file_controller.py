"""Files: open, save, reload, changes on disk, recent files, the autosave journal and watcher."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from reviewer.core.config import Config
from reviewer.core.errors import ReviewerError
from reviewer.core.journal import Journal
from reviewer.core.workspace import ExternalChangeError, SidecarChangedError, Workspace
from reviewer.gui import article_reader, recovery, settings
from reviewer.gui.edit_gateway import EditGateway, Origin
from reviewer.gui.watcher import ExternalChangeWatcher


class FileController(QObject):
    """Owns the open Workspace. ``is_modified`` (the workspace's own) is the one answer to
    "is there unsaved work": the title marker and the Save action follow ``modified_changed``."""

    opened = Signal(object, int)  # Workspace (new or reloaded), source row to show (-1: start)
    modified_changed = Signal(bool)
    message = Signal(str, int)  # status bar text, milliseconds (0: until replaced)
    about_to_save = Signal()  # commit open editors first

    def __init__(
        self,
        gateway: EditGateway,
        parent: QWidget,
        store: QSettings,
        config: Config | None,
        author: Callable[[], str],
        current_row: Callable[[], int],
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.window = parent
        self.store = store
        self.config = config
        self.author = author
        self.current_row = current_row
        self.workspace: Workspace | None = None
        self.autosave: recovery.AutosaveDriver | None = None
        self.watcher = ExternalChangeWatcher(self)
        self.watcher.changed.connect(self._on_external_change)
        self.watcher.removed.connect(self._on_file_removed)
        self.recent_menu = QMenu(self.tr("Open &Recent"), parent)
        self.recent_menu.setObjectName("menuRecent")
        self._rebuild_recent()

    # -- the one "modified" ----------------------------------------------------------------
    def is_modified(self) -> bool:
        return self.workspace is not None and self.workspace.is_dirty

    def refresh_modified(self) -> None:
        self.modified_changed.emit(self.is_modified())

    # -- recent files --------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        return settings.recent_files(self.store)

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for k, path in enumerate(recent, 1):
            action = self.recent_menu.addAction(f"&{k % 10} {os.path.basename(path)}")
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(recent))

    # -- opening ---------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        from reviewer.gui import dialogs

        recent = self.recent_files()
        start = os.path.dirname(recent[0]) if recent else os.getcwd()
        path = dialogs.ask_open_path(self.window, start)
        if path:
            self.open_path(path)

    def open_path(self, path: str) -> bool:
        if not self.maybe_save():
            return False
        workspace = article_reader.read_article(
            self.window, path, self.author, self.config, self._busy
        )
        if workspace is None:
            return False
        self._stop_autosave(discard=False)
        self._adopt(workspace, -1)
        settings.remember_file(self.store, path)
        self._rebuild_recent()
        article_reader.warn_about_problems(self.window, workspace)
        self._offer_recovery(workspace)
        self.autosave = recovery.AutosaveDriver.for_workspace(workspace, parent=self)
        self.autosave.failed.connect(lambda text: self.message.emit(text, 15000))
        return True

    def _adopt(self, workspace: Workspace, row: int) -> None:
        self.workspace = workspace
        self.gateway.set_session(workspace.session)
        self.opened.emit(workspace, row)
        if workspace.load_messages:
            self.message.emit(" ".join(workspace.load_messages), 10000)
        self.watcher.watch(workspace.path, workspace.disk_digest)
        self.refresh_modified()

    def _offer_recovery(self, workspace: Workspace) -> None:
        """Unsaved work from a crashed session: offer it; a restore is one undo step."""
        result = recovery.restore_on_open(
            self.window, workspace.session, Journal(workspace.path), workspace.disk_digest
        )
        if result is None:
            return
        if result.edit is not None:
            self.gateway.adopt(result.edit, Origin.RECOVERY)
        if result.messages:
            self.message.emit(" ".join(result.messages), 10000)
        self.refresh_modified()

    def _stop_autosave(self, discard: bool) -> None:
        if self.autosave is None:
            return
        if discard:
            self.autosave.discard()
        else:
            self.autosave.stop()
        self.autosave = None

    # -- saving ----------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded or unchanged)."""
        if not self.is_modified() or self.workspace is None:
            return True
        from reviewer.gui import dialogs  # asked only now: every open passes here

        answer = dialogs.ask_unsaved(self.window, os.path.basename(self.workspace.path))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._stop_autosave(discard=True)
            return True
        return False

    def save(self) -> bool:
        from reviewer.gui import dialogs

        ws = self.workspace
        if ws is None:
            return False
        self.about_to_save.emit()
        failed = self.tr("Save failed")
        try:
            with self._busy(self.tr("Saving {name}…").format(name=os.path.basename(ws.path))):
                ws.save()
        except ExternalChangeError as exc:
            # A sidecar rewritten by someone else (git pull) gets the same three choices.
            changed = exc.path if isinstance(exc, SidecarChangedError) else ws.path
            choice = dialogs.ask_external_change(self.window, os.path.basename(changed))
            if choice == "reload":
                self._reload_now()
                return False
            if choice == "save-as":
                return self.save_as()
            if choice != "overwrite":
                return False
            try:
                ws.save(force=True)
            except ReviewerError as exc2:
                dialogs.show_error(self.window, failed, str(exc2))
                return False
        except ReviewerError as exc:
            text = str(exc)
            nothing = self.tr("Nothing was changed on disk.")
            if "Nothing was changed on disk" not in text:
                text += "\n\n" + nothing
            dialogs.show_error(self.window, failed, text)
            return False
        self._after_save()
        return True

    def save_as(self) -> bool:
        from reviewer.gui import dialogs

        ws = self.workspace
        if ws is None:
            return False
        self.about_to_save.emit()
        path, _ = dialogs.ask_save_path(
            self.window,
            self.tr("Save article as"),
            ws.path,
            self.tr("Markdown articles (*.md)"),
        )
        if not path:
            return False
        try:
            ws.save_as(path)
        except ReviewerError as exc:
            dialogs.show_error(self.window, self.tr("Save failed"), str(exc))
            return False
        settings.remember_file(self.store, path)
        self._rebuild_recent()
        self._after_save()
        return True

    def _after_save(self) -> None:
        from reviewer.gui import dialogs

        ws = self.workspace
        assert ws is not None
        if self.autosave is not None:
            self.autosave.mark_saved(ws.path, ws.disk_digest)
        self.watcher.watch(ws.path, ws.disk_digest)
        self.refresh_modified()
        name = os.path.basename(ws.path)
        self.message.emit(self.tr("Saved {name} and its review").format(name=name), 5000)
        if ws.save_notes:  # what the save could not keep: an owner, a hard link
            dialogs.show_warning(
                self.window,
                self.tr("Saved, with a note"),
                self.tr("{name} was saved; not everything about the file could be kept:").format(
                    name=name
                )
                + "\n\n"
                + "\n\n".join(ws.save_notes),
            )

    @contextlib.contextmanager
    def _busy(self, message: str) -> Iterator[None]:
        """Wait cursor and a painted status message around a blocking core call."""
        self.message.emit(message, 0)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QGuiApplication.restoreOverrideCursor()
            self.message.emit("", 0)

    # -- reloading and changes on disk -------------------------------------------------------------
    def reload(self) -> None:
        from reviewer.gui import dialogs

        ws = self.workspace
        if ws is None:
            return
        if self.is_modified() and not dialogs.confirm(
            self.window,
            self.tr("Reload from disk"),
            self.tr(
                "Reload {name} from disk?\n\nYour unsaved target edits are re-applied where the "
                "segment is unchanged on disk; edits to segments that changed on disk too are "
                "dropped, and the status bar names them. Your review (states, issues) is kept, "
                "unless the review data file changed on disk: then that version is loaded. "
                "Undo history starts afresh."
            ).format(name=os.path.basename(ws.path)),
            self.tr("Reload"),
            default_ok=False,
        ):
            return
        self._reload_now()

    def _reload_now(self) -> bool:
        from reviewer.gui import dialogs

        ws = self.workspace
        assert ws is not None
        try:
            ws.reload()
        except ReviewerError as exc:
            dialogs.show_error(self.window, self.tr("Reload failed"), str(exc))
            return False
        row = self.current_row()
        self._adopt(ws, row if row < len(ws.session.doc.pairs) else -1)
        if self.autosave is not None:
            self.autosave.rebase(ws.disk_digest)
        return True

    def _on_external_change(self, path: str) -> None:
        from reviewer.gui import dialogs

        ws = self.workspace
        if ws is None or os.path.abspath(path) != os.path.abspath(ws.path):
            return
        name = os.path.basename(ws.path)
        if not self.is_modified():
            # Nothing of ours to lose: follow the file, as editors do.
            if self._reload_now():
                self.message.emit(
                    self.tr("{name} changed on disk and was reloaded").format(name=name), 8000
                )
            return
        choice = dialogs.ask_external_change(self.window, name)
        if choice == "reload":
            self._reload_now()
        elif choice == "overwrite":
            try:
                ws.save(force=True)
            except ReviewerError as exc:
                dialogs.show_error(self.window, self.tr("Save failed"), str(exc))
                return
            self._after_save()
        elif choice == "save-as":
            self.save_as()

    def _on_file_removed(self, path: str) -> None:
        name = os.path.basename(path)
        if os.path.isdir(os.path.dirname(os.path.abspath(path))):
            text = self.tr(
                "{name} was deleted or moved on disk; Save writes it again and Save As picks "
                "a new place."
            )
        else:
            text = self.tr(
                "{name} was deleted or moved on disk; its folder is gone too, so use Save As "
                "to save it elsewhere."
            )
        self.message.emit(text.format(name=name), 15000)

    # -- the rest of the File menu ---------------------------------------------------------------
    def start_fresh(self) -> None:
        from reviewer.gui import dialogs

        ws = self.workspace
        if ws is None or not ws.sidecar_blocked:
            return
        if not dialogs.confirm(
            self.window,
            self.tr("Start fresh review data"),
            self.tr(
                "Move {path} aside (it is kept, not deleted) so this review can be saved?"
            ).format(path=ws.sidecar_path),
            self.tr("Move aside"),
        ):
            return
        moved = ws.start_fresh()
        self.refresh_modified()
        if moved:
            self.message.emit(self.tr("Old review data moved to {path}").format(path=moved), 6000)

    def ask_reviewer_name(self) -> None:
        from reviewer.gui import dialogs

        name = dialogs.ask_text(
            self.window,
            self.tr("Reviewer name"),
            self.tr("Your name, stored with every change:"),
            self.author(),
        )
        if name is not None and name.strip():
            self.store.setValue("reviewer/name", name.strip())
            if self.workspace is not None:
                self.workspace.session.user = name.strip()
            self.message.emit(self.tr("Reviewer: {name}").format(name=name.strip()), 4000)

    def close(self) -> bool:
        """The window closes: False when the user keeps it open to save."""
        if not self.maybe_save():
            return False
        # Saved or discarded: nothing is left to recover.
        self._stop_autosave(discard=not self.is_modified())
        self.watcher.unwatch()
        return True
