"""The window's wiring of the project features: the project tab, the search and translations
docks, replace, propagation and the lead's batch approval. Part of the main window (split out
of main_window.py); the features themselves never import one another or the window's parts."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import QTabWidget

from reviewer.core.errors import ReviewerError
from reviewer.core.project import ChangeSet, TranslationMemory
from reviewer.core.workspace import Workspace
from reviewer.gui.concordance_panel import MAX_MATCHES, MatchesDock
from reviewer.gui.edit_gateway import Origin
from reviewer.gui.project_edits import ProjectEditor
from reviewer.gui.project_part import Hooks, ProjectPart
from reviewer.gui.project_view import ProjectView
from reviewer.gui.propagation import PropagationBar
from reviewer.gui.search_dock import SearchDock

if TYPE_CHECKING:
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.replace_dialog import Replacer


class ProjectFeatures(QObject):
    """Everything project-wide in one window, and the action handlers the action table names
    ("project.next_article"). Built before the actions, wired after them."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.w = w
        article = w.takeCentralWidget()
        assert article is not None
        self.tabs = QTabWidget(w)
        self.tabs.setObjectName("centralTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)  # one tab until a project is opened: no tab bar
        self.tabs.addTab(article, QCoreApplication.translate("Project", "Article"))
        w.setCentralWidget(self.tabs)
        self.view = ProjectView(w.settings, self.tabs)
        self.view.setVisible(False)
        self.search = SearchDock(w)
        self.matches = MatchesDock(w)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.matches)
        w.splitDockWidget(w.issues_dock, self.matches, Qt.Orientation.Horizontal)
        w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search)
        w.tabifyDockWidget(w.issues_dock, self.search)
        self.search.hide()
        self.matches.hide()
        w.issues_dock.raise_()
        hooks = Hooks(
            parent=w,
            open_article=lambda path: w.files.open_path(path),
            goto_row=lambda row: w.nav.goto_source_row(row),
            session=lambda: w.session,
            current_row=lambda: w.nav.current_row(),
            submit=lambda edit: w.review.submit(edit, Origin.ACTION),
            author=w.reviewer_name,
            wait_for_checks=lambda: w.checks.wait(),
            show_article=lambda: self.tabs.setCurrentIndex(0),
            show_project=self._show_project,
        )
        self.part = ProjectPart(self.view, hooks, w.config)
        self.edits = ProjectEditor(self.part)
        self.replacer: Replacer | None = None  # with its dialog, on the first Ctrl+H
        self.propagation = PropagationBar(w.settings, hooks.submit, w.reviewer_name)
        w.detail.add_under_target(self.propagation)
        w.setAcceptDrops(True)
        self._modified = (False, "")  # the open article had unsaved work (to tell a save)

    # -- action handlers (action_table) -----------------------------------------------------
    def open_folder_dialog(self) -> None:
        self.part.open_folder_dialog()

    def toggle_view(self) -> None:
        if self.tabs.currentWidget() is self.view:
            self.tabs.setCurrentIndex(0)
        elif self.part.project is not None:
            self._show_project()

    def next_article(self) -> None:
        self.part.next_article()

    def previous_article(self) -> None:
        self.part.previous_article()

    def search_project(self) -> None:
        self.search.focus_search()

    def replace(self) -> None:
        if self.replacer is None:
            from reviewer.gui.replace_dialog import Replacer

            self.replacer = Replacer(self.part, self.edits)
        self.replacer.replace_dialog()

    def approve_articles(self) -> None:
        self.part.hooks.show_project()
        self.edits.approve_articles()

    def undo_in_articles(self) -> None:
        self.edits.undo_project_edit()

    def apply_to_repetitions(self) -> None:
        self.propagation.apply_here()

    # -- the window asks -----------------------------------------------------------------------
    def groups(self) -> dict[str, bool]:
        """Enablement of the project actions (see action_table)."""
        return {**self.part.groups(), "project_undo": self.edits.can_undo}

    def open_path(self, path: str) -> bool:
        """A folder opens as a project, anything else as an article."""
        if os.path.isdir(path):
            return self.part.open_folder(path)
        return self.w.files.open_path(path)

    def shutdown(self) -> None:
        self.part.shutdown()

    def drop(self, event: QDropEvent) -> None:
        """Dragging an article or a folder onto the window: accepted; dropped: opened."""
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            if event.type() == QEvent.Type.Drop:
                self.open_path(urls[0].toLocalFile())

    def enable(self) -> None:
        """The project actions follow the project's state (the window's own follow its)."""
        self.w.registry.enable(self.groups())

    def _show_project(self) -> None:
        if self.tabs.indexOf(self.view) < 0:
            self.tabs.addTab(self.view, QCoreApplication.translate("Project", "Project"))
            self.matches.show()
            self.search.show()  # behind the issues, one click away
            self.w.issues_dock.raise_()
            width = self.w.width()
            self.w.resizeDocks(
                [self.w.issues_dock, self.matches],
                [width * 3 // 5, width * 2 // 5],
                Qt.Orientation.Horizontal,
            )
        self.tabs.setCurrentWidget(self.view)

    def wire(self) -> None:
        """Signals between the project features and the window's parts; after the actions."""
        w, part, search, matches, bar = (
            self.w,
            self.part,
            self.search,
            self.matches,
            self.propagation,
        )
        for source in (part.message, self.edits.message, bar.message):
            source.connect(w.status.show_message)
        part.changed.connect(self.enable)
        self.edits.changed.connect(self.enable)
        part.opened.connect(lambda: search.set_concordance(None, indexing=True))
        part.search_ready.connect(search.set_concordance)
        part.rows_changed.connect(search.search)
        part.memory_ready.connect(self._memory)
        search.hit_chosen.connect(lambda rel, row, pid: part.open_rel(rel, row, pid))
        matches.insert_requested.connect(w.review.set_target)
        matches.memory_wanted.connect(part.current_memory)
        bar.apply_elsewhere.connect(self._elsewhere)
        w.files.opened.connect(lambda ws, _row: self._article_opened(ws))
        w.files.opened.connect(lambda *_: self.enable())
        w.files.modified_changed.connect(self._maybe_saved)
        w.add_segment_view(matches)
        w.add_segment_view(bar)
        review = w.registry.menus["Review"]
        propagate = w.registry["actionApplyToRepetitions"]
        auto = QAction(
            QCoreApplication.translate(
                "Project", "Apply Fixes to E&xact Repetitions Automatically"
            ),
            w,
        )
        auto.setObjectName("actionAutoPropagate")
        auto.setCheckable(True)
        auto.setChecked(bar.automatic)
        auto.setStatusTip(
            QCoreApplication.translate(
                "Project",
                "When you leave an edited segment, repetitions in the article that "
                "still hold its old translation get the same fix (one undo step)",
            )
        )
        auto.toggled.connect(bar.set_automatic)
        listed = review.actions()
        k = listed.index(propagate) + 1
        if k < len(listed):
            review.insertAction(listed[k], auto)
        else:
            review.addAction(auto)
        keys = []
        for n in range(1, MAX_MATCHES + 1):
            action = QAction(
                QCoreApplication.translate(
                    "Project", "Insert Translation {n} from the Project"
                ).format(n=n),
                w,
            )
            action.setObjectName(f"actionInsertMatch{n}")
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _c=False, n=n: matches.insert(n - 1))
            w.addAction(action)
            keys.append(action.shortcut())
        w.detail.set_passthrough([*w.detail.target.passthrough, *keys])
        self.view.add_button(w.registry["actionApproveArticles"])
        self.enable()

    def _memory(self, memory: TranslationMemory) -> None:
        rel = self.part.open_rel_now
        self.matches.set_memory(memory, rel)
        self.propagation.set_project(self.part.project, memory, rel)

    def _article_opened(self, ws: Workspace) -> None:
        self.part.article_opened(ws.path)
        rel = self.part.open_rel_now
        self.matches.set_open_article(rel)
        self.propagation.set_project(self.part.project, self.part.memory, rel)

    def _maybe_saved(self, modified: bool) -> None:
        """Saved: unsaved work before, none now, same article (an open says False too)."""
        ws = self.w.files.workspace
        path = ws.path if ws is not None else ""
        if self._modified == (True, path) and not modified:
            self.part.article_saved(path)
        self._modified = (modified, path)

    def _elsewhere(self, plan: ChangeSet) -> None:
        """The same fix in other articles: previewed, then written with the project-wide undo."""
        from reviewer.gui import change_preview

        intro = QCoreApplication.translate(
            "Project",
            "These segments of other articles have the same source and still hold the old "
            "translation. Their files change when you apply; the project view offers the undo. "
            "Approved segments are left alone.",
        )
        try:
            chosen = change_preview.ask_changes(self.w, plan, intro)
        except ReviewerError as exc:
            self.w.status.show_message(str(exc), 8000)
            return
        if chosen is not None and chosen.changes:
            self.edits.apply_project_changes(chosen)
