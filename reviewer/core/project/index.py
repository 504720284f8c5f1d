"""A project: the records of a folder's articles, opened, queried, checked and kept current."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from reviewer.core.config import Config
from reviewer.core.errors import ReviewerError
from reviewer.core.project import cache
from reviewer.core.project.checking import check_in_workers, stored_findings
from reviewer.core.project.discovery import (
    Found,
    Stamp,
    common_root,
    discover,
    relative,
    stamp_file,
)
from reviewer.core.project.indexing import index_records, unchanged
from reviewer.core.project.listing import ArticleRow, ProjectTotals, make_row, totals
from reviewer.core.project.parallel import CancelToken, ProgressFn
from reviewer.core.project.records import ArticleRecord, StoredFinding, article_path, summarize
from reviewer.core.project.settings import ArticleConfigs
from reviewer.core.project.worker import CheckTask
from reviewer.core.workspace import Workspace, open_article

if TYPE_CHECKING:
    from reviewer.core.project.concordance import Concordance

T = TypeVar("T")

_MISSING = Stamp(-1, -1)


@dataclass(frozen=True, slots=True)
class Changes:
    """What a rescan or refresh found: articles added, removed and changed (relative paths)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    @property
    def all(self) -> list[str]:
        return [*self.added, *self.removed, *self.changed]


class Project:
    """The articles of one folder, indexed.

    Open with ``open_project``. ``rows()`` and ``totals()`` feed the list; ``run_checks()``
    fills in the check findings (the slow part, spread over the cores, cached);
    ``refresh(rels)`` re-reads articles after a save or a change on disk; ``rescan()`` looks for
    added, removed and changed files. Every record is replaced whole, never patched, so the
    index always describes a version of each file that existed.
    """

    def __init__(
        self,
        root: str,
        config: Config,
        records: dict[str, ArticleRecord],
        *,
        files: list[str] | None = None,
        use_cache: bool = True,
    ) -> None:
        self.root = os.path.abspath(root)
        # The user's config; each article's adds its project file (.reviewer.yaml) over it.
        self.configs = ArticleConfigs(config)
        self.config = self.configs.for_path(os.path.join(self.root, "_"))  # the root folder's
        self._records = records
        self._files = files  # explicit articles (a CLI run on files), None: the whole folder
        self.use_cache = use_cache
        self.revision = 0  # bumped on every change, so a view can tell it is out of date
        # Folders the last look at the disk could not list (their articles are missing).
        self.problems: list[str] = []
        self._concordance: Concordance | None = None
        self._rows: list[ArticleRow] | None = None
        self._cached: cache.Loaded | None = None  # where records without text get theirs
        self._texts_ready = False
        self._memo: dict[str, tuple[int, object]] = {}

    # -- reading -------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._records)

    @property
    def rels(self) -> list[str]:
        return list(self._records)

    @property
    def records(self) -> list[ArticleRecord]:
        """Every article's record, with its segments' text."""
        self._load_texts()
        return list(self._records.values())

    def record(self, rel: str, texts: bool = True) -> ArticleRecord:
        """One article's record; without ``texts`` its ids, sources and targets may be empty
        (not yet read from the cache), which spares a list the cost of reading them."""
        if texts:
            self._load_texts()
        return self._records[rel]

    def _load_texts(self) -> None:
        if self._texts_ready:
            return
        if self._cached is not None:
            loaded, self._cached = self._cached, None
            loaded.fill_texts(self._records)
        missing = [r for r in self._records.values() if not r.has_texts]
        for record in missing:  # the cache's text did not fit: read those files again
            found = stamp_file(self.root, record.rel)
            if found is not None:
                fresh = summarize(found, self.configs.base)
                self._carry_findings(record, fresh)
                self._records[record.rel] = fresh
            else:
                record.has_texts = True  # gone: an empty article until the next rescan
        self._texts_ready = True
        if missing:
            self._changed()
            self.save_cache()  # the cache's text was damaged: write it whole again

    def path_of(self, rel: str) -> str:
        return article_path(self.root, rel)

    def rel_of(self, path: str) -> str:
        return relative(self.root, os.path.abspath(path))

    def rows(self) -> list[ArticleRow]:
        """One row per article, in path order (rebuilt only after a change)."""
        if self._rows is None:
            self._rows = [
                make_row(r, self.config_of(r.rel).mqm_threshold) for r in self._records.values()
            ]
        return self._rows

    def row(self, rel: str) -> ArticleRow:
        return make_row(self._records[rel], self.config_of(rel).mqm_threshold)

    def totals(self) -> ProjectTotals:
        return totals(self.rows(), self.config.mqm_threshold)

    def open_workspace(self, rel: str, user: str = "") -> Workspace:
        """Open one article for editing, as the window and the CLI do (sidecar and all)."""
        return open_article(self.path_of(rel), user=user, config=self.config_of(rel))

    def config_of(self, rel: str) -> Config:
        """The settings that apply to one article (its project file merged over the user's)."""
        return self.configs.for_path(self.path_of(rel))

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """``make()``, computed once per revision of the project (derived indexes)."""
        hit = self._memo.get(key)
        if hit is not None and hit[0] == self.revision:
            return hit[1]  # type: ignore[return-value]
        value = make()
        self._memo[key] = (self.revision, value)
        return value

    def concordance(self) -> Concordance:
        """The search index over every source and target (built on first use, kept current)."""
        from reviewer.core.project.concordance import Concordance

        if self._concordance is None:
            self._concordance = Concordance(self.records)
        return self._concordance

    # -- checks ----------------------------------------------------------------------------
    def has_findings(self, record: ArticleRecord) -> bool:
        return record.findings is not None and record.findings_key == self.configs.key_for(
            self.path_of(record.rel)
        )

    def unchecked(self) -> list[str]:
        """Articles whose check findings are missing or stale."""
        return [rel for rel, r in self._records.items() if not r.error and not self.has_findings(r)]

    def findings(self, rel: str) -> list[StoredFinding]:
        """The findings a user sees on an article (dismissed ones left out); [] if unchecked."""
        record = self._records[rel]
        return record.live_findings() if self.has_findings(record) else []

    def run_checks(
        self,
        progress: ProgressFn | None = None,
        cancel: CancelToken | None = None,
        rels: Iterable[str] | None = None,
    ) -> int:
        """Run the checks on every article that needs them (or on ``rels``); returns how many
        were checked. Cancelling keeps the articles finished so far."""
        todo = self.unchecked() if rels is None else [r for r in rels if r in self._records]
        if not todo:
            return 0
        tasks = []
        for rel in todo:
            path = self.path_of(rel)
            tasks.append(
                CheckTask(rel, path, self.configs.for_path(path), self.configs.key_for(path))
            )
        done = 0
        try:
            for rel, article_digest, key, plain in check_in_workers(tasks, progress, cancel):
                record = self._records.get(rel)
                if record is None or record.digest != article_digest:
                    continue  # changed on disk meanwhile: the next refresh checks it again
                record.findings = stored_findings(plain)
                record.findings_key = key
                done += 1
        finally:
            if done:
                self._changed()
                self.save_cache()
        return done

    # -- keeping up with the disk ---------------------------------------------------------
    def refresh(self, rels: Iterable[str], check: bool = True) -> Changes:
        """Read these articles again (after a save, or a change on disk). A file gone is
        removed; a new one added. When ``check`` and the project has been checked, their
        checks run again at once (one article takes milliseconds)."""
        added: list[str] = []
        removed: list[str] = []
        changed: list[str] = []
        for rel in dict.fromkeys(rels):
            found = stamp_file(self.root, rel)
            old = self._records.get(rel)
            if found is None:
                if old is not None:
                    del self._records[rel]
                    removed.append(rel)
                continue
            if old is not None and unchanged(old, found):
                continue
            record = summarize(found, self.configs.base)
            self._carry_findings(old, record)
            self._records[rel] = record
            (changed if old is not None else added).append(rel)
        if added:
            self._records = dict(
                sorted(self._records.items(), key=lambda kv: (kv[0].casefold(), kv[0]))
            )
        result = Changes(added, removed, changed)
        if result:
            self._changed()
            if check and any(self.has_findings(r) for r in self._records.values()):
                stale = [self._records[r] for r in added + changed]
                self.run_checks(rels=[r.rel for r in stale if not self.has_findings(r)])
            self.save_cache()
        return result

    def rescan(
        self, progress: ProgressFn | None = None, cancel: CancelToken | None = None
    ) -> Changes:
        """Look at the whole folder again: new, deleted and changed articles."""
        # Settings are read again too: a project file, glossary or dictionary may have changed.
        self.configs = ArticleConfigs(self.configs.base)
        self.config = self.configs.for_path(os.path.join(self.root, "_"))
        found = self._discover()
        before = dict(self._records)
        records = index_records(found, dict(before), self.configs, progress, cancel, [])
        added = [rel for rel in records if rel not in before]
        removed = [rel for rel in before if rel not in records]
        changed = [rel for rel in records if rel in before and records[rel] is not before[rel]]
        self._records = records
        self._texts_ready = False
        result = Changes(added, removed, changed)
        if result:
            self._changed()
            self.save_cache()
        return result

    def save_cache(self) -> None:
        if not self.use_cache:
            return
        self._load_texts()
        kept = self._records
        if self._files is not None:
            # A run on some files of a folder keeps the cached records of the others.
            others = cache.load(self.root)
            others.fill_texts(others.records)
            kept = {
                **{rel: r for rel, r in others.records.items() if r.has_texts},
                **self._records,
            }
        cache.save(self.root, list(kept.values()))

    def _discover(self) -> list[Found]:
        self.problems = []
        if self._files is None:
            return discover(self.root, self.problems)
        out = []
        for rel in self._files:
            found = stamp_file(self.root, rel)
            # A file named but missing stays a row, whose error says so (never silently gone).
            out.append(found or Found(rel, self.path_of(rel), _MISSING, None))
        out.sort(key=lambda f: (f.rel.casefold(), f.rel))
        return out

    def _carry_findings(self, old: ArticleRecord | None, new: ArticleRecord) -> None:
        # Findings depend on the article's text only (dismissals are applied when read), so a
        # change of the review data alone keeps them.
        if old is not None and old.digest == new.digest and self.has_findings(old):
            new.findings, new.findings_key = old.findings, old.findings_key

    def _changed(self) -> None:
        self.revision += 1
        self._rows = None
        if self._concordance is not None:
            self._concordance.update(self.records)


def open_project(
    root: str,
    config: Config | None = None,
    *,
    files: Sequence[str] | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    use_cache: bool = True,
) -> Project:
    """Index the articles of ``root`` (or only ``files``, paths below it).

    Articles whose size, modification time and sidecar match the cache are taken from it;
    a changed time with the same bytes (a checkout) keeps the cached record too. The rest is
    read in worker processes. Raises Cancelled when ``cancel`` is set (what was read so far
    is cached, so the next open is quicker).
    """
    config = config or Config()
    root = os.path.abspath(root)
    if not os.path.isdir(root):
        raise ReviewerError(f"{root}: is not a folder. Open a folder of articles as a project.")
    rels = None if files is None else [relative(root, os.path.abspath(f)) for f in files]
    project = Project(root, config, {}, files=rels, use_cache=use_cache)
    found = project._discover()
    loaded = cache.load(root) if use_cache else cache.Loaded({}, None)
    known = loaded.records
    changed: list[str] = []
    try:
        project._records = index_records(found, known, project.configs, progress, cancel, changed)
    except BaseException:
        if use_cache and changed:  # keep what was read: the next open starts from there
            loaded.fill_texts(known)
            cache.save(root, [r for r in known.values() if r.has_texts])
        raise
    project._cached = loaded
    if changed or (files is None and len(known) != len(project._records)):
        project.save_cache()
    return project


def open_paths(
    paths: Sequence[str],
    config: Config | None = None,
    *,
    use_cache: bool = True,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> Project:
    """A project over the files and folders named on a command line (root: their common
    folder; a single folder is the project itself)."""
    if len(paths) == 1 and os.path.isdir(paths[0]):
        return open_project(paths[0], config, use_cache=use_cache, progress=progress, cancel=cancel)
    root = common_root(paths)
    files: list[str] = []
    problems: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            files += [f.path for f in discover(p, problems)]
        else:
            files.append(p)
    project = open_project(
        root,
        config,
        files=list(dict.fromkeys(files)),
        use_cache=use_cache,
        progress=progress,
        cancel=cancel,
    )
    project.problems = problems + project.problems
    return project
