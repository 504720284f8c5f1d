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
from reviewer.core.workspace import Workspace
from reviewer.gui.edit_gateway import Origin
from reviewer.gui.project_actions import MAX_MATCHES
from reviewer.gui.propagation import PropagationBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from reviewer.core.project import ChangeSet, Concordance, TranslationMemory
    from reviewer.gui.concordance_panel import MatchesDock
    from reviewer.gui.main_window import MainWindow
    from reviewer.gui.project_edits import ProjectEditor
    from reviewer.gui.project_part import ProjectPart
    from reviewer.gui.project_view import ProjectView
    from reviewer.gui.replace_dialog import Replacer
    from reviewer.gui.search_dock import SearchDock


class ProjectFeatures(QObject):
    """Everything project-wide in one window, and the action handlers the action table names
    ("project.next_article"). Built before the actions, wired after them. The project list,
    its modules and the docks are made when first wanted (a project opens, an action needs
    them, a dock is shown): an article opens without them."""

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
        w.docks.add("concordanceDock", self._make_matches, self._place_matches)
        w.docks.add("searchDock", self._make_search, self._place_search)
        self._part: ProjectPart | None = None
        self._edits: ProjectEditor | None = None
        self._indexing = False  # a project is being read or indexed: no search index yet
        self.replacer: Replacer | None = None  # with its dialog, on the first Ctrl+H
        submit = lambda edit: w.review.submit(edit, Origin.ACTION)  # noqa: E731
        self.propagation = PropagationBar(w.settings, submit, w.reviewer_name)
        w.detail.add_under_target(self.propagation)
        w.setAcceptDrops(True)
        self._modified = (False, "")  # the open article had unsaved work (to tell a save)

    # -- the parts, made when first wanted ----------------------------------------------------
    def prepare(self) -> tuple[ProjectPart, ProjectEditor]:
        """The project part and its editor, made (with the project modules) on first use."""
        if self._part is None or self._edits is None:
            self._part, self._edits = self._make_part()
        return self._part, self._edits

    @property
    def part(self) -> ProjectPart:
        """The open project and its list."""
        return self.prepare()[0]

    @property
    def edits(self) -> ProjectEditor:
        return self.prepare()[1]

    @property
    def view(self) -> ProjectView:
        return self.part.view

    @property
    def search(self) -> SearchDock:
        from reviewer.gui.search_dock import SearchDock

        dock = self.w.docks.get("searchDock")
        assert isinstance(dock, SearchDock)
        return dock

    @property
    def matches(self) -> MatchesDock:
        from reviewer.gui.concordance_panel import MatchesDock

        dock = self.w.docks.get("concordanceDock")
        assert isinstance(dock, MatchesDock)
        return dock

    def _make_part(self) -> tuple[ProjectPart, ProjectEditor]:
        from reviewer.gui.project_edits import ProjectEditor
        from reviewer.gui.project_part import Hooks, ProjectPart
        from reviewer.gui.project_view import ProjectView

        w = self.w
        view = ProjectView(w.settings, self.tabs)
        view.setVisible(False)
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
        part = ProjectPart(view, hooks, w.config)
        edits = ProjectEditor(part)
        for source in (part.message, edits.message):
            source.connect(w.status.show_message)
        part.changed.connect(self.enable)
        edits.changed.connect(self.enable)
        part.opened.connect(self._project_opening)
        part.search_ready.connect(self._search_ready)
        part.rows_changed.connect(self._rows_changed)
        part.memory_ready.connect(self._memory)
        view.add_button(w.registry["actionApproveArticles"])
        return part, edits

    def _make_search(self) -> SearchDock:
        from reviewer.gui.search_dock import SearchDock

        search = SearchDock(self.w)
        search.hit_chosen.connect(lambda rel, row, pid: self.part.open_rel(rel, row, pid))
        part = self._part
        search.set_concordance(part.concordance if part else None, indexing=self._indexing)
        return search

    def _place_search(self, search: QDockWidget) -> None:
        self.w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, search)
        self.w.tabifyDockWidget(self.w.issues_dock, search)
        self.w.issues_dock.raise_()

    def _make_matches(self) -> MatchesDock:
        from reviewer.gui.concordance_panel import MatchesDock

        w = self.w
        matches = MatchesDock(w)
        matches.insert_requested.connect(w.review.set_target)
        matches.memory_wanted.connect(self._memory_wanted)
        w.add_segment_view(matches)
        matches.show_row(w.session, w.current_row())
        part = self._part
        if part is not None and part.memory is not None:
            matches.set_memory(part.memory, part.open_rel_now)
        else:
            matches.set_open_article(part.open_rel_now if part else "")
        return matches

    def _place_matches(self, matches: QDockWidget) -> None:
        # A tab beside the issues, as it has always come out: splitting a dock that is already
        # a tab (the glossary's, made first before) adds a tab, not a neighbour.
        self.w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, matches)
        self.w.tabifyDockWidget(self.w.issues_dock, matches)

    # -- action handlers (action_table) -----------------------------------------------------
    def open_folder_dialog(self) -> None:
        self.part.open_folder_dialog()

    def toggle_view(self) -> None:
        part = self._part
        if part is None:
            return
        if self.tabs.currentWidget() is part.view:
            self.tabs.setCurrentIndex(0)
        elif part.project is not None:
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
        if self._part is None or self._edits is None:
            return {"project": False, "replace": self.w.session is not None, "project_undo": False}
        return {**self._part.groups(), "project_undo": self._edits.can_undo}

    def open_path(self, path: str) -> bool:
        """A folder opens as a project, anything else as an article."""
        if os.path.isdir(path):
            return self.part.open_folder(path)
        return self.w.files.open_path(path)

    def shutdown(self) -> None:
        if self._part is not None:
            self._part.shutdown()

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
        view = self.view
        if self.tabs.indexOf(view) < 0:
            self.tabs.addTab(view, QCoreApplication.translate("Project", "Project"))
            self.matches.show()
            self.search.show()  # behind the issues, one click away
            self.w.issues_dock.raise_()
            width = self.w.width()
            self.w.resizeDocks(
                [self.w.issues_dock, self.matches],
                [width * 3 // 5, width * 2 // 5],
                Qt.Orientation.Horizontal,
            )
        self.tabs.setCurrentWidget(view)

    def wire(self) -> None:
        """Signals between the project features and the window's parts; after the actions."""
        w, bar = self.w, self.propagation
        bar.message.connect(w.status.show_message)
        bar.apply_elsewhere.connect(self._elsewhere)
        w.files.opened.connect(lambda ws, _row: self._article_opened(ws))
        w.files.opened.connect(lambda *_: self.enable())
        w.files.modified_changed.connect(self._maybe_saved)
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
            action.triggered.connect(lambda _c=False, n=n: self._insert_match(n - 1))
            w.addAction(action)
            keys.append(action.shortcut())
        w.detail.set_passthrough([*w.detail.target.passthrough, *keys])
        self.enable()

    # -- news from the project, for the docks made so far --------------------------------------
    def _insert_match(self, k: int) -> None:
        """Ctrl+1…9: no translations dock made yet means no project, so no match to insert."""
        if self.w.docks.made("concordanceDock") is not None:
            self.matches.insert(k)

    def _memory_wanted(self) -> None:
        if self._part is not None:
            self._part.current_memory()

    def _project_opening(self) -> None:
        self._indexing = True
        if self.w.docks.made("searchDock") is not None:
            self.search.set_concordance(None, indexing=True)

    def _search_ready(self, concordance: Concordance) -> None:
        self._indexing = False
        if self.w.docks.made("searchDock") is not None:
            self.search.set_concordance(concordance)

    def _rows_changed(self) -> None:
        if self.w.docks.made("searchDock") is not None:
            self.search.search()

    def _memory(self, memory: TranslationMemory) -> None:
        part = self.part
        rel = part.open_rel_now
        if self.w.docks.made("concordanceDock") is not None:
            self.matches.set_memory(memory, rel)
        self.propagation.set_project(part.project, memory, rel)

    def _article_opened(self, ws: Workspace) -> None:
        part = self._part
        if part is not None:
            part.article_opened(ws.path)
        rel = part.open_rel_now if part is not None else ""
        if self.w.docks.made("concordanceDock") is not None:
            self.matches.set_open_article(rel)
        if part is not None:
            self.propagation.set_project(part.project, part.memory, rel)
        else:
            self.propagation.set_project(None, None, rel)

    def _maybe_saved(self, modified: bool) -> None:
        """Saved: unsaved work before, none now, same article (an open says False too)."""
        ws = self.w.files.workspace
        path = ws.path if ws is not None else ""
        if self._modified == (True, path) and not modified and self._part is not None:
            self._part.article_saved(path)
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
