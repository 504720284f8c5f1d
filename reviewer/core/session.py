"""A review session: one article, its per-segment review records and check findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from reviewer.core.checks import CheckConfig, Finding, Level, check_pair, pair_checks, run_checks
from reviewer.core.edits import Composite, Edit, SetState, SetTarget
from reviewer.core.format import Document
from reviewer.core.segments import ReviewList, SegmentReview, State

ChangeListener = Callable[[Edit, bool], None]  # (edit, reverted)


class ReviewSession:
    """The single place where edits are applied; the window and the CLI both go through it."""

    def __init__(
        self,
        doc: Document,
        reviews: Sequence[SegmentReview] | None = None,
        user: str = "",
        check_config: CheckConfig | None = None,
    ) -> None:
        self.doc = doc
        self.user = user
        self.check_config = check_config or CheckConfig()
        if reviews is None:
            reviews = ReviewList(doc.pairs)  # records are made as segments are first touched
        if len(reviews) != len(doc.pairs):
            raise ValueError("one review record per pair is required")
        self.reviews = ReviewList.of(reviews, doc.pairs)
        self._findings: list[list[Finding]] | None = None
        # Rows whose pair checks have run while the others still run (the rows in view first);
        # the document checks' findings on them come with the full run.
        self._partial: dict[int, list[Finding]] = {}
        self._rows: dict[str, int] | None = None
        self.listeners: list[ChangeListener] = []
        # Called after reset(): the whole document was replaced, so views rebuild everything.
        self.reset_listeners: list[Callable[[], None]] = []
        # Bumped on every apply, revert and reset, so a window can compare it with a saved mark.
        self.revision = 0
        self._opened_targets: dict[int, str] = {}  # rows edited this session -> target at open

    # -- lookup -------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.doc.pairs)

    def row_of(self, pair_id: str) -> int:
        if self._rows is None:
            # Reversed, so a (synthetic) repeated id keeps its first row.
            ids = self.doc.pairs.ids()
            self._rows = dict(zip(reversed(ids), range(len(ids) - 1, -1, -1), strict=True))
        return self._rows[pair_id]

    # -- edits ----------------------------------------------------------------------
    def apply(self, edit: Edit) -> None:
        """Apply ``edit``; it is validated first unless its caller already did (the window)."""
        if not edit.author:
            edit.author = self.user
        if not edit.validated:
            edit.validate(self)
        edit.apply(self)
        self._after(edit, reverted=False)

    def revert(self, edit: Edit) -> None:
        edit.revert(self)
        self._after(edit, reverted=True)

    def reset(self, doc: Document, reviews: Sequence[SegmentReview]) -> None:
        """Swap in a re-read document and its review records (reload); undo history is void."""
        if len(reviews) != len(doc.pairs):
            raise ValueError("one review record per pair is required")
        self.doc = doc
        self.reviews = ReviewList.of(reviews, doc.pairs)
        self._findings = None
        self._partial = {}
        self._rows = None
        self._opened_targets = {}
        self.revision += 1
        for listener in list(self.reset_listeners):
            listener()

    def _after(self, edit: Edit, reverted: bool) -> None:
        self.revision += 1
        if not reverted:
            for target_edit in _target_edits(edit):
                self._opened_targets.setdefault(target_edit.row, target_edit.old_target)
        if self._findings is not None:
            for row in edit.rows:
                self._recheck(row)
        elif self._partial:
            for row in edit.rows:
                self._partial.pop(row, None)  # checked on the old text: wait for the full run
        for listener in list(self.listeners):
            listener(edit, reverted)

    def edited_rows(self) -> set[int]:
        """Rows whose target differs from what it was when the article was opened (or reloaded)."""
        pairs = self.doc.pairs
        return {r for r, t in self._opened_targets.items() if pairs[r].target != t}

    # -- checks --------------------------------------------------------------------
    @property
    def checks_ready(self) -> bool:
        return self._findings is not None

    def rows_to_report(self) -> list[int]:
        """Rows that may hold an issue or a finding, in order: every other row holds neither.

        Lets a full listing skip the rows whose records were never made (fresh, no issues).
        """
        rows = {k for k, _ in self.reviews.made()}
        if self._findings is not None:
            rows.update(k for k, found in enumerate(self._findings) if found)
        return sorted(rows)

    def run_checks(self, others: Sequence[Document] = ()) -> None:
        """Run every enabled check; ``others`` widens the consistency checks to more files."""
        findings: list[list[Finding]] = [[] for _ in range(len(self.doc.pairs))]
        for f in run_checks([self.doc, *others], self.check_config):
            if f.path == self.doc.path:
                try:
                    findings[self.row_of(f.pair_id)].append(f)
                except KeyError:
                    continue
        self._findings = findings
        self._partial = {}

    def assign_findings(self, findings: Iterable[Finding]) -> None:
        """Adopt findings computed elsewhere (one run_checks over many files), keeping ours."""
        rows: list[list[Finding]] = [[] for _ in range(len(self.doc.pairs))]
        for f in findings:
            if f.path == self.doc.path:
                try:
                    rows[self.row_of(f.pair_id)].append(f)
                except KeyError:
                    continue
        self._findings = rows
        self._partial = {}

    def assign_partial(self, findings: dict[int, list[Finding]]) -> None:
        """Adopt the pair checks' findings of some rows while the full run goes on (the rows
        in view); the full run's findings replace them."""
        if self._findings is None:
            self._partial.update(findings)

    def checked(self, row: int) -> bool:
        """The checks on this row have run (all of them, or its pair checks among the first
        rows; the document checks' findings on it may follow)."""
        return self._findings is not None or row in self._partial

    def findings_so_far(self, row: int) -> list[Finding]:
        """Undismissed check results of a row as far as known: all of them once the checks
        are ready, those of a row already checked before, none otherwise (never runs them)."""
        if self._findings is not None:
            return self.findings(row)
        return self._undismissed(row, self._partial.get(row, []))

    def _undismissed(self, row: int, found: list[Finding]) -> list[Finding]:
        review = self.reviews.peek(row)  # a row never touched dismissed nothing: make no record
        if not found or review is None or not review.dismissed:
            return list(found)
        return [f for f in found if f.code not in review.dismissed]

    def _recheck(self, row: int) -> None:
        assert self._findings is not None
        pair = self.doc.pairs[row]
        pair_codes = {c.code for c in pair_checks()}
        # Document-level findings (consistency, register) stay until the next full run.
        keep = [f for f in self._findings[row] if f.code not in pair_codes]
        self._findings[row] = keep + check_pair(pair, self.doc.path, self.check_config)

    def findings(self, row: int, include_dismissed: bool = False) -> list[Finding]:
        """Check results on a segment; dismissed ones are hidden unless asked for."""
        if self._findings is None:
            self.run_checks()
        assert self._findings is not None
        found = self._findings[row]
        if include_dismissed:
            return list(found)
        return self._undismissed(row, found)

    def flagged_codes(self, row: int) -> set[str]:
        """Checks on a segment already raised as issues (open or not): not to count twice."""
        review = self.reviews.peek(row)
        return {i.check_code for i in review.issues if i.check_code} if review else set()

    def all_findings(self, include_dismissed: bool = False) -> list[Finding]:
        return [f for row in range(len(self)) for f in self.findings(row, include_dismissed)]

    # -- review queries --------------------------------------------------------------
    def is_clean(self, row: int) -> bool:
        """No open issue and no undismissed error-level check: safe to approve in bulk."""
        if self.reviews[row].open_issues:
            return False
        return not any(f.level is Level.ERROR for f in self.findings(row))

    def clean_rows(self, rows: Iterable[int] | None = None) -> list[int]:
        candidates = range(len(self)) if rows is None else rows
        return [
            r
            for r in candidates
            if self.reviews[r].state is not State.APPROVED and self.is_clean(r)
        ]

    def approval(self, rows: Iterable[int]) -> SetState | None:
        """One edit approving the given segments (already approved ones are left alone)."""
        todo = tuple(r for r in rows if self.reviews[r].state is not State.APPROVED)
        if not todo:
            return None
        return SetState(row_list=todo, state=State.APPROVED, author=self.user)

    def approve(self, rows: Iterable[int]) -> SetState | None:
        """Approve and apply at once, for callers with no undo stack (the CLI)."""
        edit = self.approval(rows)
        if edit is not None:
            self.apply(edit)
        return edit

    def state_counts(self) -> dict[State, int]:
        made = self.reviews.made_records()
        # list.count compares by identity in C; hashing 50k enums costs ~10x more.
        states = [review.state for review in made]
        counts = {state: states.count(state) for state in State}
        counts[State.UNREVIEWED] += len(self.reviews) - len(made)  # never touched: unreviewed
        return counts

    def records_with_issues(self) -> list[SegmentReview]:
        """The records with any issue at all (open or not), in row order."""
        return [r for r in self.reviews.made_records() if r.issues]


def _target_edits(edit: Edit) -> list[SetTarget]:
    if isinstance(edit, SetTarget):
        return [edit]
    if isinstance(edit, Composite):
        return [t for e in edit.edits for t in _target_edits(e)]
    return []
