"""Exchange with other tools: File › Import (XLIFF, issue sheets), File › Export (every format)."""

# A window part: it never imports another one. It reads the open article's session from the
# EditGateway; the window hands it the reviewer's name and a way to wait for the checks. An
# import reaches the article only as one edit through the gateway (one undo step); an export
# only reads.

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

from reviewer.core.errors import ReviewerError
from reviewer.core.scoring import DEFAULT_THRESHOLD
from reviewer.gui.edit_gateway import EditGateway, Origin

if TYPE_CHECKING:
    from reviewer.core.config import Config
    from reviewer.core.export_formats import ExportRequest
    from reviewer.core.session import ReviewSession

# The importers, the exporters (markdown-it, the report renderer) and their dialogs are imported
# on first use, inside the methods below: the window paints its first frame without them.

_LAST_IMPORT = "exchange/importFolder"
_LAST_EXPORT = "exchange/lastExport"


class ExchangeController(QObject):
    """Imports targets from files other tools wrote, and writes the exports."""

    message = Signal(str, int)  # status bar text, milliseconds
    about_to_act = Signal()  # commit an open table editor first

    def __init__(
        self,
        gateway: EditGateway,
        parent: QWidget,
        store: QSettings,
        config: Config | None,
        author: Callable[[], str],
        wait_for_checks: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.window = parent
        self.store = store
        self.config = config
        self.author = author
        self.wait_for_checks = wait_for_checks

    # -- import ------------------------------------------------------------------------------
    def _article(self) -> tuple[ReviewSession, str] | None:
        session = self.gateway.session
        return None if session is None else (session, session.doc.path or "")

    def import_dialog(self) -> None:
        open_ = self._article()
        if open_ is None:
            return
        start = str(self.store.value(_LAST_IMPORT, "") or os.path.dirname(open_[1]))
        from reviewer.gui import import_dialog

        path = import_dialog.ask_import_path(self.window, start)
        if path:
            self.store.setValue(_LAST_IMPORT, os.path.dirname(path))
            self.import_path(path)

    def drop(self, event: QDropEvent) -> bool:
        """A file dropped on the window: True when it is an XLIFF file or an issue sheet,
        whose import is then offered; anything else is the window's to open."""
        urls = event.mimeData().urls()
        path = urls[0].toLocalFile() if urls and urls[0].isLocalFile() else ""
        from reviewer.core import importing

        if os.path.splitext(path)[1].lower() not in importing.EXTENSIONS:
            return False
        event.acceptProposedAction()
        self.import_dropped(path)
        return True

    def import_dropped(self, path: str) -> None:
        """An XLIFF file or issue sheet dropped on the window: offer to import it."""
        from reviewer.gui import dialogs

        if self.gateway.session is None:
            dialogs.show_info(
                self.window,
                self.tr("Open the article first"),
                self.tr(
                    "{name} holds targets to import into an article. Open that article, then "
                    "drop the file on the window again (or use File › Import)."
                ).format(name=os.path.basename(path)),
            )
            return
        self.import_path(path)

    def import_path(self, path: str) -> bool:
        """Plan the import, show the preview, and apply what the user keeps as one undo step."""
        from reviewer.core import importing
        from reviewer.gui import dialogs, import_dialog

        open_ = self._article()
        if open_ is None:
            return False
        session, article = open_
        self.about_to_act.emit()
        name = os.path.basename(path)
        title = self.tr("Cannot import {name}").format(name=name)
        nothing = self.tr("Nothing was changed in the article.")
        try:
            plan = importing.plan_import(session, path, self.author())
        except ReviewerError as exc:
            dialogs.show_error(self.window, title, f"{exc}\n\n{nothing}")
            return False
        except Exception as exc:  # a bug below must still end in a dialog, never a crash
            dialogs.show_error(
                self.window,
                title,
                self.tr(
                    "{path} could not be read ({kind}: {error}). {nothing} Check that it is an "
                    "XLIFF file or an issue sheet exported by Reviewer; please report this as "
                    "a bug."
                ).format(path=path, kind=type(exc).__name__, error=exc, nothing=nothing),
            )
            return False
        if not plan.changes and not plan.rejected:
            dialogs.show_info(
                self.window,
                self.tr("Nothing to import"),
                self.tr(
                    "{name} changes nothing: its {n} targets are already those of the article "
                    "({untranslated} units have no target)."
                ).format(name=name, n=plan.unchanged, untranslated=plan.untranslated),
            )
            return False
        chosen = import_dialog.preview_import(self.window, plan, os.path.basename(article))
        edit = chosen.edit() if chosen is not None else None
        if edit is None or not self.gateway.submit(edit, Origin.ACTION):
            return False
        n = len(edit.rows)
        self.message.emit(
            (
                self.tr("Imported 1 target from {name}; Undo takes it back")
                if n == 1
                else self.tr("Imported {n} targets from {name}; Undo takes them back in one step")
            ).format(n=n, name=name),
            8000,
        )
        return True

    # -- export ------------------------------------------------------------------------------
    def export_dialog(self) -> None:
        open_ = self._article()
        if open_ is None:
            return
        from reviewer.gui import export_dialog

        request = export_dialog.ask_export(self.window, open_[1], self._last_export())
        if request is None:
            return
        self.store.setValue(
            _LAST_EXPORT,
            [request.format, request.path, request.include_checks, request.raw, request.every_pair],
        )
        self.export_to(request)

    def _last_export(self) -> ExportRequest | None:
        from reviewer.core.export_formats import BY_KEY, ExportRequest

        value = self.store.value(_LAST_EXPORT)
        if not isinstance(value, list) or len(value) != 5 or value[0] not in BY_KEY:
            return None

        def flag(v: object) -> bool:
            return v is True or str(v).lower() == "true"  # INI files give strings back

        return ExportRequest(
            str(value[1]), value[0], flag(value[2]), flag(value[3]), flag(value[4])
        )

    def export_to(self, request: ExportRequest) -> bool:
        """Write the export atomically; a failure names the file and changes nothing."""
        from reviewer.core.export_formats import BY_KEY, write_export
        from reviewer.gui import dialogs

        open_ = self._article()
        if open_ is None:
            return False
        session, article = open_
        fmt = BY_KEY[request.format]
        if request.include_checks and fmt.checks:
            self.wait_for_checks()
        failed = self.tr("Export failed")
        path = request.path
        try:
            count = write_export(
                [session],
                request,
                threshold=self.config.mqm_threshold if self.config else DEFAULT_THRESHOLD,
                root=os.path.dirname(os.path.abspath(article)),
                reviewer=self.author(),
            )
        except OSError as exc:
            # The raw error names a temporary file the user never chose.
            dialogs.show_error(
                self.window,
                failed,
                self.tr(
                    "Could not write {path}: {reason}.\n\nNothing was exported. Choose a folder "
                    "you can write to and export again."
                ).format(path=path, reason=exc.strerror or str(exc)),
            )
            return False
        except (ReviewerError, ValueError) as exc:
            dialogs.show_error(
                self.window, failed, self.tr("{path}: {error}").format(path=path, error=exc)
            )
            return False
        if fmt.key in ("xliff", "xliff2"):
            text = self.tr("Exported {n} units to {path}")
        elif fmt.key == "tmx":
            text = self.tr("Exported {n} translation units to {path}")
        else:
            text = self.tr("Exported {n} rows to {path}")
        self.message.emit(text.format(n=count, path=path), 8000)
        return True
