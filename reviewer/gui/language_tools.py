"""The window's spelling, terminology and check-settings features, wired to the other parts.

Split from main_window for size: it builds the glossary dock, puts the spell checker on both
target editors and the term marks on the source view, reads the article's project settings,
has the language data loaded off the GUI thread (language_data), and the checks run again
(check_again) when settings, glossaries or words change.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QDockWidget, QWidget

from reviewer import start_trace
from reviewer.core.checks import lexicon, spelling_messages, terms
from reviewer.core.config import (
    PROJECT_FILE_NAME,
    Config,
    ConfigError,
    config_for_article,
    default_config_path,
    find_project_config,
    load_config,
    load_project_config,
)
from reviewer.core.session import ReviewSession
from reviewer.core.workspace import Workspace
from reviewer.gui import check_data
from reviewer.gui.check_again import CheckAgain
from reviewer.gui.language_data import LanguageData
from reviewer.gui.spell_check import Spelling
from reviewer.gui.term_marks import TermMarks
from reviewer.gui.text_editor import SegmentTextEdit
from reviewer.gui.visible_text import CR_MARK

if TYPE_CHECKING:
    from reviewer.core.check_settings import CheckSettings
    from reviewer.gui.check_settings_dialog import CheckSettingsDialog
    from reviewer.gui.checks_runner import ChecksRunner
    from reviewer.gui.delegates import SegmentDelegate
    from reviewer.gui.detail import DetailPane
    from reviewer.gui.dock_slots import DockSlots
    from reviewer.gui.file_controller import FileController
    from reviewer.gui.glossary_editor import GlossaryDock
    from reviewer.gui.segment_view import SegmentView
    from reviewer.gui.status_bar import StatusPanel

# Events by which the user starts to work in the detail pane's target editor.
_EDITING = (QEvent.Type.FocusIn, QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)
DEFAULT_GLOSSARY = "glossary.csv"  # created beside the user's config by the first term added


class Window(Protocol):
    """What these features use of the main window (see main_window.py)."""

    config: Config | None

    @property
    def files(self) -> FileController: ...
    @property
    def detail(self) -> DetailPane: ...
    @property
    def delegate(self) -> SegmentDelegate: ...
    @property
    def checks(self) -> ChecksRunner: ...
    @property
    def status(self) -> StatusPanel: ...
    @property
    def proxy(self) -> QSortFilterProxyModel: ...
    @property
    def issues_dock(self) -> QDockWidget: ...
    @property
    def docks(self) -> DockSlots: ...
    @property
    def session(self) -> ReviewSession | None: ...
    @property
    def workspace(self) -> Workspace | None: ...
    def add_segment_view(self, view: SegmentView) -> None: ...
    def addDockWidget(self, area: Qt.DockWidgetArea, dock: QDockWidget) -> None: ...
    def tabifyDockWidget(self, first: QDockWidget, second: QDockWidget) -> None: ...


def _selection_text(text: str) -> str:
    """A selection of the source view as source text: the view's marks taken out again."""
    for mark, real in (("↵", ""), (CR_MARK, ""), ("·", " "), ("\u2029", " "), ("\u2028", " ")):
        text = text.replace(mark, real)
    return text


def _checked(session: ReviewSession | None, row: int) -> tuple[str, list[str]]:
    """A segment's target and its spelling findings' messages, for the underlines."""
    if session is None or not session.checks_ready or not 0 <= row < len(session.doc.pairs):
        return "", []
    found = session.findings(row, True)
    codes = spelling_messages.CODES
    return session.doc.pairs[row].target, [f.message for f in found if f.code in codes]


class LanguageTools(QObject):
    """Handlers for actionCheckSettings and actionAddTerm; the glossary dock is actionGlossary."""

    def __init__(self, window: Window, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window
        self._dock_parent = parent
        self.spelling = Spelling(self)
        self._glossaries: tuple[list[str], str] = ([], "")  # its files, once it is made
        toggle = window.docks.add("glossaryEditor", self._make_glossary, self._place_glossary)
        self._glossary_on_top = False  # shown and not behind the issues tab
        self._was_on_top = False
        toggle.toggled.connect(lambda _on: setattr(self, "_was_on_top", self._glossary_on_top))
        toggle.triggered.connect(self._after_glossary_toggle)  # after the dock's own handler
        self.marks = TermMarks(window.detail.source)
        window.add_segment_view(self.marks)
        self.spelling.attach(window.detail.target, self._detail_source, self._detail_checked)
        window.detail.target.installEventFilter(self)
        self.data = LanguageData(window, self)
        self.data.relay.loaded.connect(self._on_loaded)
        self.data.relay.dictionary.connect(self._on_dictionary)
        self.data.relay.loaded_all.connect(self.spelling.refresh)
        self.again = CheckAgain(window, self)
        self._told: set[str] = set()  # notices already shown once
        window.files.opened.connect(self._on_opened)
        window.checks.first_paint.connect(lambda: self.data.when_shown("painted"))
        window.checks.finished.connect(lambda: self.data.when_shown("checked"))
        window.checks.finished.connect(self._on_first_results)
        window.delegate.editor_created.connect(self._on_table_editor)
        self.spelling.message.connect(window.status.show_message)
        self.spelling.words_changed.connect(self.again.run)
        self._show_glossaries(self.user_config())

    # -- sources for the spell checker -----------------------------------------------------------
    def _detail_source(self) -> str:
        detail = self.window.detail
        session, row = detail.session, detail.row
        return session.doc.pairs[row].source if session is not None and row >= 0 else ""

    def _detail_checked(self) -> tuple[str, list[str]]:
        detail = self.window.detail
        return _checked(detail.session, detail.row)

    def _on_table_editor(self, editor: object, index: object) -> None:
        session = self.window.session
        if not isinstance(editor, SegmentTextEdit) or session is None:
            return
        assert isinstance(index, QModelIndex)
        row = self.window.proxy.mapToSource(index).row()
        if 0 <= row < len(session.doc.pairs):
            source = session.doc.pairs[row].source
            self.spelling.attach(editor, lambda: source, lambda: _checked(session, row))
            self.data.load_all()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _EDITING and watched is self.window.detail.target:
            self.data.load_all()
        return False

    # -- an article opens: its settings, then its data ------------------------------------------
    def user_config(self) -> Config:
        return self.window.config or Config()

    def _on_opened(self, workspace: Workspace, _row: int) -> None:
        config = workspace.config
        check_data.configure(config.language_settings())
        self._show_glossaries(config)
        if not check_data.loaded():
            # The glossaries and names (~10 ms): the current segment's term marks then come
            # with the first paint instead of changing the source view a moment after it.
            check_data.preload_marks()
        if check_data.loaded():
            # After the window has shown the new workspace: this runs before it does, while
            # the editors still hold the old article (a reload replaces it under them).
            QTimer.singleShot(0, self._on_loaded)
        if check_data.dictionary_loaded():
            QTimer.singleShot(0, self._on_dictionary)

    def _show_glossaries(self, config: Config) -> None:
        folder = Path(self.user_config().path or default_config_path()).parent
        self._glossaries = (config.language_settings().glossaries, str(folder / DEFAULT_GLOSSARY))
        if self.window.docks.made("glossaryEditor") is not None:
            self.glossary.set_files(*self._glossaries)

    def _on_loaded(self) -> None:
        if not check_data.loaded():
            return
        self.spelling.refresh()
        self.marks.refresh()
        start_trace.mark("term-marks-and-underlines-refreshed")
        for problem in terms.load_problems():
            self._tell_once(problem)

    def _on_dictionary(self) -> None:
        if not check_data.dictionary_loaded():
            return
        start_trace.mark("dictionary-loaded")
        session = self.window.session
        status = lexicon.spelling_status()
        wanted = session is not None and "spelling" not in session.check_config.disabled
        if not status.available and wanted:
            self._tell_once(status.message)

    def _tell_once(self, text: str) -> None:
        if text not in self._told:
            self._told.add(text)
            self.window.status.show_message(text, 30000)

    # -- the settings page ----------------------------------------------------------------------
    def spelling_note(self) -> str:
        if not check_data.dictionary_loaded():
            return self.tr("The Dutch dictionary is loading.")
        status = lexicon.spelling_status()
        return status.message

    def _dictionary_path(self) -> str:
        """The user dictionary in force: the open article's, else the one the user's settings
        name (Add to Dictionary writes the same file)."""
        in_force = lexicon.user_dictionary_path()
        return in_force or self.user_config().language_settings().user_dictionary or ""

    def _settings_for(self, project: bool) -> CheckSettings:
        """The settings the page edits: the window's user config, or the article's project
        file (created in the article's folder when there is none yet)."""
        from reviewer.core.check_settings import CheckSettings  # ~3 ms: not before a first paint

        ws = self.window.workspace
        found = find_project_config(ws.path) if ws is not None else None
        layer: Config | None = None
        if found is not None:
            layer = load_project_config(found)
        elif project and ws is not None:
            layer = Config(path=str(Path(ws.path).resolve().parent / PROJECT_FILE_NAME))
        return CheckSettings(self.user_config(), layer, edit_project=project)

    def check_settings(self) -> CheckSettingsDialog | None:
        from reviewer.gui.check_settings_dialog import CheckSettingsDialog

        try:
            dialog = CheckSettingsDialog(
                self.window.detail.window(),
                self._settings_for,
                self.window.workspace is not None,
                self.spelling_note(),
            )
        except ConfigError as exc:
            self.window.status.show_message(str(exc), 0)
            return None
        dialog.applied.connect(self.apply_settings)
        words = dialog.files.words
        words.set_path(self._dictionary_path())
        words.changed.connect(self.spelling.words_edited)
        # After apply_settings: the settings may name another dictionary file.
        dialog.applied.connect(lambda _written: words.set_path(self._dictionary_path()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def apply_settings(self, written: str = "") -> None:
        """A config file changed: read the settings again and check the article with them."""
        path = self.user_config().path
        if written and os.path.basename(written) != PROJECT_FILE_NAME:
            path = written  # the user's config, perhaps written for the first time
        try:
            user = load_config(path) if path else self.user_config()
        except ConfigError as exc:
            self.window.status.show_message(str(exc), 0)
            return
        self.window.config = user
        self.window.files.config = user
        ws = self.window.workspace
        if ws is None:
            return
        try:
            merged = config_for_article(ws.path, user)
        except ConfigError as exc:
            self.window.status.show_message(str(exc), 0)
            merged = user
        ws.config = merged
        ws.session.check_config = merged.check_config()
        editing = check_data.all_loaded()
        if check_data.configure(merged.language_settings()):
            self.data.load()  # the marks and menu read the new files
            if editing:
                self.data.load_all()
        check_data.reload_terms()
        self._show_glossaries(merged)
        self.again.run()

    # -- glossary ---------------------------------------------------------------------------------
    @property
    def glossary(self) -> GlossaryDock:
        """The glossary dock, made when first wanted."""
        from reviewer.gui.glossary_editor import GlossaryDock

        dock = self.window.docks.get("glossaryEditor")
        assert isinstance(dock, GlossaryDock)
        return dock

    def _make_glossary(self) -> GlossaryDock:
        from reviewer.gui.glossary_editor import GlossaryDock

        dock = GlossaryDock(self._dock_parent)
        dock.set_files(*self._glossaries)
        dock.visibilityChanged.connect(self._note_glossary_shown)
        dock.message.connect(self.window.status.show_message)
        dock.changed.connect(self._on_glossary_saved)
        return dock

    def _place_glossary(self, dock: QDockWidget) -> None:
        # A tab beside the issues, not a split: each keeps the full width for its columns.
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.window.tabifyDockWidget(self.window.issues_dock, dock)

    def _note_glossary_shown(self, visible: bool) -> None:
        self._glossary_on_top = visible

    def _after_glossary_toggle(self, shown: bool) -> None:
        """View › Glossary brings the dock to the front; it hides only a dock already in
        front, not one behind the issues tab."""
        if shown or not self._was_on_top:
            self.glossary.show()
            self.glossary.raise_()

    def add_term(self) -> None:
        """Add the selected source text (and selected target text) to the glossary."""
        from reviewer.gui.term_dialog import TermInput

        detail = self.window.detail
        english = _selection_text(detail.source.textCursor().selectedText())
        cursor = detail.target.textCursor()
        dutch = detail.target.shadow.slice(cursor.selectionStart(), cursor.selectionEnd())
        if self.glossary.ask_add(TermInput(english, dutch)):
            self.glossary.show()
            self.glossary.raise_()

    def _on_glossary_saved(self, path: str) -> None:
        ws = self.window.workspace
        if ws is not None and path not in ws.config.language_settings().glossaries:
            self._use_new_glossary(path)
            return
        check_data.reload_terms()
        self.marks.refresh()
        self.again.run()

    def _use_new_glossary(self, path: str) -> None:
        """The first term of a new glossary file: name the file in the user's settings."""
        settings = self._settings_for(False)
        layer = settings.layer
        folder = Path(settings.path).parent
        layer.glossaries.append(Path(path).name if Path(path).parent == folder else path)
        layer.explicit.add("glossaries")
        try:
            written = settings.save()
        except (OSError, ConfigError) as exc:
            self.window.status.show_message(str(exc), 0)
            return
        self.apply_settings(written)

    # -- the article's first check results -------------------------------------------------------
    def _on_first_results(self) -> None:
        if not check_data.all_loaded():
            self.spelling.refresh()  # the underlines read the findings
        self.again.after_first_results()
