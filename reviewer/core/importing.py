"""Importing targets from XLIFF or an issue sheet: a plan to preview, then one undoable edit."""

# The window shows plan_import's changes and rejections in a preview and pushes plan.edit() as
# one undo step; the CLI prints them and applies plan.edit() before saving. Nothing here writes.

from __future__ import annotations

import enum
import os
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace

from reviewer.core import inline
from reviewer.core.edits import Composite, SetTarget
from reviewer.core.errors import FormatError, TargetRejected
from reviewer.core.fileio import read_guarded
from reviewer.core.format import EditWarning, check_target
from reviewer.core.interchange import pick_names
from reviewer.core.session import ReviewSession
from reviewer.core.sheet_import import read_csv, read_xlsx
from reviewer.core.xliff_read import read_xliff

# An XLIFF of the largest real article is about 10 MB; a synthetic 50,000-pair one about 60.
MAX_IMPORT_BYTES = 100 * 1024 * 1024
EXTENSIONS = (".xlf", ".xliff", ".xlsx", ".csv")


class Reason(enum.Enum):
    """Why a unit of the import file was left out; the value is a stable code for reports."""

    ID_CHANGED = "id-changed"
    SOURCE_CHANGED = "source-changed"
    INVALID_TARGET = "invalid-target"
    CODES_LOST = "codes-lost"
    CODES_CHANGED = "codes-changed"
    FRONT_MATTER = "front-matter"
    CONFLICT = "conflict"
    UNREADABLE = "unreadable"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Reason.ID_CHANGED: "id not in the article",
    Reason.SOURCE_CHANGED: "source changed",
    Reason.INVALID_TARGET: "target refused",
    Reason.CODES_LOST: "markup codes lost",
    Reason.CODES_CHANGED: "markup codes changed",
    Reason.FRONT_MATTER: "front matter",
    Reason.CONFLICT: "conflicting corrections",
    Reason.UNREADABLE: "unreadable unit",
}


@dataclass(frozen=True, slots=True)
class Change:
    """A target the import would set: before and after, with the format's warnings."""

    row: int
    id: str
    before: str
    after: str
    line: int  # where the unit or row is in the import file
    warnings: tuple[EditWarning, ...] = ()


@dataclass(frozen=True, slots=True)
class Rejected:
    id: str
    line: int
    reason: Reason
    message: str


@dataclass(slots=True)
class Candidate:
    """A target an import file offers for a segment, in a shape common to XLIFF and sheets."""

    id: str
    line: int
    source: str | None
    target: str | None  # None: nothing offered (an untranslated unit)
    codes: Counter[str] | None = None  # markup codes in the target; None: none to check
    problem: str = ""
    problem_reason: Reason = Reason.UNREADABLE


@dataclass(slots=True)
class ImportPlan:
    """What importing ``path`` would do to the article: nothing changes until edit() is applied."""

    path: str
    kind: str  # "XLIFF 1.2", "XLIFF 2.1", "XLSX", "CSV"
    author: str
    changes: list[Change] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    unchanged: int = 0  # units whose target already is the article's
    untranslated: int = 0  # units with no target

    def edit(self) -> Composite | None:
        """One edit setting every changed target (one undo step), or None when nothing does."""
        if not self.changes:
            return None
        n = len(self.changes)
        return Composite(
            edits=[
                SetTarget(row=c.row, new_target=c.after, author=self.author) for c in self.changes
            ],
            label=f"Import {n} target{'s' if n != 1 else ''} from {os.path.basename(self.path)}",
            author=self.author,
        )

    def only(self, rows: Collection[int]) -> ImportPlan:
        """The same plan keeping only the changes to ``rows`` (those left ticked in a preview);
        its edit() is then one step for just those."""
        return replace(self, changes=[c for c in self.changes if c.row in rows])

    def summary(self) -> str:
        return (
            f"{len(self.changes)} to change, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected, {self.untranslated} without a target"
        )


def _same_text(a: str, b: str) -> bool:
    """Equal but for whitespace: some tools re-indent the XML they save (Lokalize indents a
    <source> that starts with a code). The source is only compared, never written, so such a
    unit still matches."""
    return a == b or a.split() == b.split()


def _shown(lost: Counter[str]) -> str:
    return ", ".join(f"{t!r}" + (f" ×{n}" if n > 1 else "") for t, n in list(lost.items())[:4])


def _markup_warning(source: str, target: str, new: str) -> EditWarning | None:
    """Plain-text imports (sheets, raw XLIFF) may drop markup: warn, as a reviewer would."""
    shared = inline.code_texts(inline.split(source)) & inline.code_texts(inline.split(target))
    lost = shared - inline.code_texts(inline.split(new))
    if not lost:
        return None
    return EditWarning("markup-lost", f"Markup the source and target share is gone: {_shown(lost)}")


def _markup_problem(cand: Candidate, source: str, target: str) -> tuple[Reason, str] | None:
    """Codes the new target lost or changed, against the article's source and current target."""
    if cand.codes is None:
        return None
    src = inline.code_texts(inline.split(source))
    tgt = inline.code_texts(inline.split(target))
    unknown = sorted(set(cand.codes) - set(src) - set(tgt))
    if unknown:
        shown = ", ".join(repr(u) for u in unknown[:3])
        return Reason.CODES_CHANGED, f"markup not in the source or the target: {shown}"
    lost = (src & tgt) - cand.codes
    if lost:
        return Reason.CODES_LOST, f"markup the source and target share was removed: {_shown(lost)}"
    return None


def plan_units(
    session: ReviewSession,
    candidates: Iterable[Candidate],
    path: str,
    kind: str,
    author: str = "",
    source_form: Callable[[str], str] = str,
) -> ImportPlan:
    """Match candidates to the article by id and source; everything else is reported."""
    plan = ImportPlan(path, kind, author or session.user)
    doc = session.doc
    offered = 0
    matched_ids = 0
    for cand in candidates:

        def reject(reason: Reason, message: str, cand: Candidate = cand) -> None:
            plan.rejected.append(Rejected(cand.id, cand.line, reason, message))

        if cand.target is None and not cand.problem:
            plan.untranslated += 1
            continue
        offered += 1
        try:
            row = session.row_of(cand.id)
        except KeyError:
            reject(Reason.ID_CHANGED, "no segment has this id (re-translated article?)")
            continue
        matched_ids += 1
        if cand.problem or cand.target is None:
            reject(cand.problem_reason, cand.problem)
            continue
        pair = doc.pairs[row]
        if pair.in_front_matter:
            reject(Reason.FRONT_MATTER, "the segment is in the front matter; edit it in reviewer")
            continue
        if cand.source is not None and not _same_text(cand.source, source_form(pair.source)):
            reject(Reason.SOURCE_CHANGED, "the unit's source differs from the article's source")
            continue
        if cand.target == pair.target:
            plan.unchanged += 1
            continue
        if _same_text(cand.target, pair.target) and cand.target.count("\n") > pair.target.count(
            "\n"
        ):
            reject(
                Reason.INVALID_TARGET,
                "only line breaks and indentation were added: the tool re-indented the file, "
                "so the target is left as it is",
            )
            continue
        problem = _markup_problem(cand, pair.source, pair.target)
        if problem is not None:
            reject(*problem)
            continue
        try:
            warnings = check_target(pair.saved_target, cand.target)
        except TargetRejected as exc:
            reject(Reason.INVALID_TARGET, str(exc))
            continue
        if cand.codes is None:
            lost = _markup_warning(pair.source, pair.target, cand.target)
            if lost is not None:
                warnings.append(lost)
        plan.changes.append(
            Change(row, cand.id, pair.target, cand.target, cand.line, tuple(warnings))
        )
    if offered and not matched_ids:
        raise FormatError(
            f"matches no segment of {doc.path or 'the article'}: none of its {offered} ids is "
            "in the article, so it was made for another article (or before a re-translation). "
            "Nothing was imported.",
            path,
        )
    return plan


def _pick(names: list[str], article: str, path: str, what: str) -> str:
    chosen = pick_names(names, article)
    listed = ", ".join(sorted(set(names))[:5]) or "none"
    if not chosen:
        raise FormatError(
            f"holds no {what} for {os.path.basename(article)} (it was made for: {listed}). "
            "Nothing was imported.",
            path,
            hint="Import it into the article it was exported from.",
        )
    if len(chosen) > 1:
        raise FormatError(
            f"holds {what} for several articles named {os.path.basename(article)} "
            f"({', '.join(chosen)}); it cannot tell which one is this one. Nothing was imported.",
            path,
        )
    return chosen[0]


def _xliff_candidates(data: bytes, path: str, article: str) -> tuple[str, list[Candidate]]:
    doc = read_xliff(data, path)
    original = _pick([f.original for f in doc.files], article, path, "units")
    cands: list[Candidate] = []
    for f in doc.files:
        if f.original != original:
            continue
        for u in f.units:
            codes = u.target_codes if f.coded else None
            problem_reason = Reason.CODES_CHANGED if u.codes_changed else Reason.UNREADABLE
            cands.append(
                Candidate(u.id, u.line, u.source, u.target, codes, u.problem, problem_reason)
            )
    version = "2.1" if doc.version.startswith("2") else "1.2"
    return f"XLIFF {version}", cands


def _sheet_candidates(
    data: bytes, path: str, article: str, kind: str
) -> tuple[str, list[Candidate], Callable[[str], str]]:
    sheet = read_xlsx(data, path) if kind == "xlsx" else read_csv(data, path)
    if not sheet.rows:
        return sheet.kind, [], sheet.source_form
    name = _pick([r.file for r in sheet.rows], article, path, "rows")
    by_id: dict[str, list[Candidate]] = {}
    for r in sheet.rows:
        if r.file != name:
            continue
        by_id.setdefault(r.id, []).append(
            Candidate(r.id, r.line, r.source, r.corrected, None, r.problem)
        )
    cands: list[Candidate] = []
    for pair_id, rows in by_id.items():
        texts = {(c.source, c.target, c.problem) for c in rows}
        if len(texts) > 1:
            lines = ", ".join(str(c.line) for c in rows)
            cands.append(
                Candidate(pair_id, rows[0].line, None, None, None,
                          f"rows {lines} give different corrections for this segment",
                          Reason.CONFLICT)
            )  # fmt: skip
        else:
            cands.append(rows[0])
    return sheet.kind, cands, sheet.source_form


def file_kind(path: str, data: bytes) -> str:
    """ "xliff", "xlsx" or "csv", by extension, else by the first bytes."""
    ext = os.path.splitext(path)[1].lower()
    if ext in (".xlf", ".xliff"):
        return "xliff"
    if ext in (".xlsx", ".csv"):
        return ext[1:]
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"<"):
        return "xliff"
    raise FormatError(
        "is not an XLIFF file, an .xlsx workbook or a .csv sheet.",
        path,
        hint="Import the .xlf, .xlsx or .csv file that reviewer exported.",
    )


def read_import_file(path: str) -> bytes:
    """The file's bytes through the guarded reader, with a size cap fit for exchange files:
    a folder, a FIFO, a device or a file over the cap is refused before a byte is read."""
    try:
        return read_guarded(path, MAX_IMPORT_BYTES, "an exchange file")
    except FormatError as exc:
        raise FormatError(
            exc.message + " Nothing was imported.", exc.path, exc.line, exc.column, exc.hint
        ) from None


def plan_import(session: ReviewSession, path: str, author: str = "") -> ImportPlan:
    """Read an XLIFF (1.2 or 2.x), XLSX or CSV file and plan the targets it changes.

    Raises FormatError, naming the file, when the file cannot be read, is hostile (malformed,
    a DTD, repeated ids, too big) or belongs to another article; nothing is changed then.
    """
    data = read_import_file(path)
    article = session.doc.path or ""
    kind = file_kind(path, data)
    if kind == "xliff":
        label, cands = _xliff_candidates(data, path, article)
        return plan_units(session, cands, path, label, author)
    label, cands, source_form = _sheet_candidates(data, path, article, kind)
    return plan_units(session, cands, path, label, author, source_form)
