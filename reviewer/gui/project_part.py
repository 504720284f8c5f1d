"""The open project: reading it off the GUI thread, checks in the background, keeping up with
saves and the disk, moving between articles, and project-wide approval and its undo."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reviewer.core.config import Config
from reviewer.core.edits import Edit
from reviewer.core.project import (
    ArticleRow,
    CancelToken,
    Concordance,
    ProgressFn,
    Project,
    ProjectTotals,
    TranslationMemory,
    open_project,
    translation_memory,
)
from reviewer.core.project.checking import PARALLEL_CHECKS_FROM
from reviewer.core.session import ReviewSession
from reviewer.gui.project_jobs import JobRunner
from reviewer.gui.project_view import ProjectView

CHECK_BATCHES = 4  # the list fills in this many steps while the checks run
MIN_BATCH = 150


@dataclass(frozen=True)
class Hooks:
    """What the project features need of the window (main_window fills it in)."""

    parent: QWidget
    open_article: Callable[[str], bool]
    goto_row: Callable[[int], bool]
    session: Callable[[], ReviewSession | None]
    current_row: Callable[[], int]
    submit: Callable[[Edit], bool]  # one undo step in the open article
    author: Callable[[], str]
    wait_for_checks: Callable[[], None]
    show_article: Callable[[], None]
    show_project: Callable[[], None]


def _offset(progress: ProgressFn, base: int, total: int, what: str) -> ProgressFn:
    """Progress of one batch as progress of the whole."""

    def report(done: int, _total: int, _what: str) -> None:
        progress(base + done, total, what)

    return report


class _Relay(QObject):
    """A job's news between its start and its end (rows as checks come in); parentless."""

    rows = Signal(object, object, object)  # project, rows, totals


class ProjectPart(QObject):
    """Owns the open ``Project``; every change to it runs as a job on the project thread."""

    message = Signal(str, int)
    changed = Signal()  # a project opened or closed, or a job started or ended: enablement
    opened = Signal()  # another project is being opened: forget what belonged to the last
    search_ready = Signal(object)  # Concordance, built (or updated) on the project thread
    memory_ready = Signal(object)  # TranslationMemory of the project's current revision
    rows_changed = Signal()

    def __init__(self, view: ProjectView, hooks: Hooks, config: Config | None) -> None:
        super().__init__(hooks.parent)
        self.view = view
        self.hooks = hooks
        self.config = config or Config()
        self.project: Project | None = None
        self.concordance: Concordance | None = None
        self.memory: TranslationMemory | None = None
        self.jobs = JobRunner(self)
        self.jobs.progress.connect(self.view.show_progress)
        self.jobs.busy_changed.connect(self._busy_changed)
        self.view.cancel_requested.connect(self.cancel)
        self.view.open_requested.connect(self.open_rel)
        self._relay = _Relay()
        self._relay.rows.connect(self._show_rows)
        self._places: dict[str, int] = {}  # article -> the segment the user left it at
        self._open_rel = ""
        self._root = ""  # the folder being opened or open
        self._disk_timer = QTimer(self)
        self._disk_timer.setSingleShot(True)
        self._disk_timer.setInterval(700)
        self._disk_timer.timeout.connect(self.rescan)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _p: self._disk_timer.start())
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    # -- what the window asks ---------------------------------------------------------------
    def groups(self) -> dict[str, bool]:
        """Enablement groups of the project actions (see action_table)."""
        has = self.project is not None
        return {
            "project": has,
            "replace": has or self.hooks.session() is not None,
        }

    @property
    def open_rel_now(self) -> str:
        """The open article, relative to the project ("" when none or not of the project)."""
        return self._open_rel

    def rel_of(self, path: str) -> str:
        """``path`` relative to the project, or "" when it is not one of its articles."""
        if self.project is None or not path:
            return ""
        rel = self.project.rel_of(path)
        return rel if not rel.startswith("../") and rel in self.project.rels else ""

    # -- opening ---------------------------------------------------------------------------
    def open_folder_dialog(self) -> None:
        start = self.project.root if self.project is not None else os.getcwd()
        path = QFileDialog.getExistingDirectory(
            self.hooks.parent, self.tr("Open a folder of articles as a project"), start
        )
        if path:
            self.open_folder(path)

    def open_folder(self, path: str) -> bool:
        """Read the folder's articles on the project thread; the list shows when they are in,
        the checks fill in after. True when the reading started."""
        root = os.path.abspath(path)
        if self.project is not None and self.project.root == root:
            self.hooks.show_project()
            return True
        self.jobs.cancel()
        self.project = self.concordance = self.memory = None
        self._root = root
        self.opened.emit()
        self.view.set_root(root)
        self.view.set_rows([], None)
        self.hooks.show_project()
        config = self.config
        self.jobs.submit(
            self.tr("Reading articles"),
            lambda progress, cancel: self._read(root, config, progress, cancel),
            self._opened,
            failed=lambda exc: self._failed(self.tr("Cannot open the project"), exc),
            cancelled=lambda: self.message.emit(
                self.tr("Opening the project was cancelled; what was read is cached."), 8000
            ),
        )
        self.changed.emit()
        return True

    @staticmethod
    def _read(
        root: str, config: Config, progress: ProgressFn, cancel: CancelToken
    ) -> tuple[Project, list[ArticleRow], ProjectTotals]:
        project = open_project(root, config, progress=progress, cancel=cancel)
        return project, project.rows(), project.totals()

    def _opened(self, result: tuple[Project, list[ArticleRow], ProjectTotals]) -> None:
        project, rows, totals = result
        if project.root != self._root:
            return  # another folder was opened meanwhile
        self.project = project
        self._show_rows(project, rows, totals)
        problems = project.problems + project.configs.problems
        if problems:
            self.message.emit(" ".join(problems), 15000)
        self._watch()
        self._index()
        self._check()
        session = self.hooks.session()
        if session is not None:
            self.article_opened(session.doc.path or "")
        self.changed.emit()

    def _show_rows(self, project: object, rows: object, totals: object) -> None:
        if project is not self.project or not isinstance(rows, list):
            return  # a project closed since the job started
        assert isinstance(totals, ProjectTotals)
        self.view.set_rows(rows, totals)
        self.rows_changed.emit()

    def _index(self) -> None:
        """Build the search index and the translation memory (each under a second at 5,000
        articles), on the project thread."""
        project = self.project
        if project is None:
            return

        def work(progress: ProgressFn, cancel: CancelToken) -> tuple[Concordance, Any]:
            progress(0, 0, self.tr("Indexing for search"))
            concordance = project.concordance()
            return concordance, translation_memory(project)

        self.jobs.submit(self.tr("Indexing for search"), work, self._indexed, cancellable=False)

    def _indexed(self, result: tuple[Concordance, TranslationMemory]) -> None:
        self.concordance, self.memory = result
        self.search_ready.emit(self.concordance)
        self.memory_ready.emit(self.memory)

    def _check(self) -> None:
        """The checks on every article not yet checked, in a few batches so the list fills in
        as they come; a cancel keeps the articles done (they are cached)."""
        project, relay = self.project, self._relay
        if project is None or not project.unchecked():
            return

        what = self.tr("Checking articles")
        few = len(project.unchecked()) < PARALLEL_CHECKS_FROM  # checked here, not in workers

        def work(progress: ProgressFn, cancel: CancelToken) -> int:
            todo = project.unchecked()
            batches = max(1, min(CHECK_BATCHES, len(todo) // MIN_BATCH))
            size = -(-len(todo) // batches)  # even batches: none small enough to run here
            done = 0
            for k in range(0, len(todo), size):
                batch = todo[k : k + size]
                project.run_checks(_offset(progress, done, len(todo), what), cancel, rels=batch)
                done += len(batch)
                relay.rows.emit(project, project.rows(), project.totals())
            return done

        self.jobs.submit(
            self.tr("Checking articles"),
            work,
            lambda n: self.message.emit(self.tr("Checks done on {n} articles").format(n=n), 5000),
            cancelled=lambda: self.message.emit(
                self.tr("Checks stopped; the articles checked so far are kept."), 6000
            ),
            in_process=few,
        )

    def _failed(self, title: str, exc: BaseException) -> None:
        from reviewer.gui import dialogs

        dialogs.show_error(self.hooks.parent, title, str(exc))
        self.changed.emit()

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            self.view.hide_progress()
        self.changed.emit()

    def cancel(self) -> None:
        self.jobs.cancel()

    def shutdown(self) -> None:
        self.jobs.shutdown()

    # -- keeping up with saves and the disk -----------------------------------------------------
    def article_opened(self, path: str) -> None:
        """The window opened (or reloaded) an article: the list follows it."""
        rel = self.rel_of(path)
        self._open_rel = rel
        if rel:
            self.view.select_rel(rel)

    def article_saved(self, path: str) -> None:
        rel = self.rel_of(path)
        if rel:
            self.refresh([rel])

    def refresh(self, rels: list[str]) -> None:
        project = self.project
        if project is None or not rels:
            return
        self.run_job(
            self.tr("Updating the list"), lambda p, c: project.refresh(rels), self._updated
        )

    def rescan(self) -> None:
        """Look at the whole folder again (files added, removed or changed by others)."""
        project = self.project
        if project is None or self.jobs.queued("rescan"):
            return
        self.run_job("rescan", lambda p, c: project.rescan(p, c), self._updated)

    def _updated(self, changes: object) -> None:
        self._watch()
        project = self.project
        if (
            changes
            and project is not None
            and project.unchecked()
            and any(project.has_findings(project.record(rel, texts=False)) for rel in project.rels)
        ):
            self._check()  # new or changed articles of a checked project

    def run_job(
        self,
        label: str,
        change: Callable[[ProgressFn, CancelToken], Any],
        done: Callable[[Any], None] | None = None,
        *,
        failed: Callable[[BaseException], None] | None = None,
        cancellable: bool = False,
        in_process: bool = True,
    ) -> None:
        """Run ``change`` on the project thread; the list follows whatever it changed (even
        when it is cancelled or fails half way). ``in_process``: it may run checks here (a
        refresh, an approval, a replace refresh what they change), see project_jobs."""
        project, relay = self.project, self._relay
        if project is None:
            return

        def work(progress: ProgressFn, cancel: CancelToken) -> Any:
            revision = project.revision
            try:
                return change(progress, cancel)
            finally:
                if project.revision != revision:
                    relay.rows.emit(project, project.rows(), project.totals())

        self.jobs.submit(
            label,
            work,
            done,
            failed=failed or (lambda exc: self._failed(label, exc)),
            cancelled=lambda: self.message.emit(
                self.tr("Cancelled: {what}").format(what=label), 5000
            ),
            cancellable=cancellable,
            in_process=in_process,
        )

    def current_memory(self) -> TranslationMemory | None:
        """The translation memory; when the project changed since it was built, a new one is
        built on the project thread (the old one answers meanwhile)."""
        project, memory = self.project, self.memory
        if project is None or memory is None:
            return memory
        if memory.revision != project.revision and not self.jobs.queued("memory"):
            self.jobs.submit(
                "memory",
                lambda p, c: translation_memory(project),
                self._memory_built,
                cancellable=False,
            )
        return memory

    def _memory_built(self, memory: TranslationMemory) -> None:
        if memory.project is self.project:
            self.memory = memory
            self.memory_ready.emit(memory)

    def _watch(self) -> None:
        project = self.project
        if project is None:
            return
        folders = {os.path.dirname(project.path_of(rel)) for rel in project.rels}
        folders.add(project.root)
        stale = [f for f in self._watcher.directories() if f not in folders]
        if stale:
            self._watcher.removePaths(stale)
        new = [f for f in sorted(folders) if f not in set(self._watcher.directories())]
        if new:
            self._watcher.addPaths(new)

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive and self.project is not None:
            self._disk_timer.start()

    # -- moving between articles ---------------------------------------------------------------
    def open_rel(self, rel: str, row: int = -1, pair_id: str = "") -> bool:
        """Open an article of the project at ``row`` (the segment ``pair_id`` when the row no
        longer holds it), else where the user left it."""
        project = self.project
        if project is None:
            return False
        session = self.hooks.session()
        if self._open_rel and session is not None:
            self._places[self._open_rel] = self.hooks.current_row()
        if rel != self._open_rel or session is None:
            if not self.hooks.open_article(project.path_of(rel)):
                return False
            session = self.hooks.session()
            if row < 0:
                row = self._places.get(rel, -1)
        if session is not None and pair_id:
            ids = session.doc.pairs.ids()
            if not (0 <= row < len(ids) and ids[row] == pair_id) and pair_id in ids:
                row = session.row_of(pair_id)
        if row >= 0:
            self.hooks.goto_row(row)
        self.view.select_rel(rel)
        self.hooks.show_article()
        return True

    def next_article(self) -> bool:
        return self._step(1)

    def previous_article(self) -> bool:
        return self._step(-1)

    def _step(self, step: int) -> bool:
        here = self._open_rel or self.view.current_rel()
        rel = self.view.neighbour(here, step)
        if not rel:
            self.message.emit(
                self.tr("This is the last article in the list")
                if step > 0
                else self.tr("This is the first article in the list"),
                4000,
            )
            return False
        return self.open_rel(rel)

    def toggle_view(self) -> None:
        self.hooks.show_project() if not self.view.isVisible() else self.hooks.show_article()
