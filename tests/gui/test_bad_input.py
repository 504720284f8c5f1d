"""Broken and hostile input opened in the window: a clear dialog, no crash, nothing written."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from reviewer.core.edits import AddIssue, SetState
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.sidecar_write import dump_sidecar
from reviewer.core.workspace import open_article
from reviewer.gui import dialogs
from reviewer.gui.main_window import MainWindow
from tests.core.test_hostile_input import BAD_FILES, PAIR, snapshot
from tests.gui.gui_helpers import SAMPLE, copy_corpus, load

FileSnapshot = dict[str, tuple[int, int]]


class Dialogs:
    """Records every message the window shows; ``answer`` is what confirm() returns."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: bool = False) -> None:
        self.shown: list[tuple[str, str, str]] = []  # (function, title, text)
        self.answer = answer
        for name in ("show_error", "show_warning"):
            monkeypatch.setattr(dialogs, name, self._record(name))
        monkeypatch.setattr(dialogs, "confirm", self._confirm)

    def _record(self, name: str) -> Callable[..., None]:
        def show(parent: object, title: str, text: str) -> None:
            self.shown.append((name, title, text))

        return show

    def _confirm(self, parent: object, title: str, text: str, ok_label: str = "OK") -> bool:
        self.shown.append(("confirm", title, text))
        return self.answer

    def only(self, function: str) -> tuple[str, str]:
        assert [s[0] for s in self.shown] == [function], self.shown
        return self.shown[0][1], self.shown[0][2]


def folder_state(folder: Path) -> tuple[FileSnapshot, dict[str, bytes]]:
    """Listing with sizes and mtimes, plus every file's bytes: proof that nothing was written."""
    contents = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            p = Path(dirpath) / name
            if p.stat().st_size < 1_048_576:  # the sparse 50 MB file is compared by size
                contents[str(p.relative_to(folder))] = p.read_bytes()
    return snapshot(folder), contents


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the bad files live; the window's journal folder is elsewhere (tmp_path/data)."""
    out = tmp_path / "articles"
    out.mkdir()
    return out


# -- the file itself: the open fails with a dialog naming the file and what to do -----------------
# (case, fragment of the "what to do" part of the message)
WHAT_TO_DO = {
    "not-utf8": "Re-save the file as UTF-8",
    "latin1-later-line": "Re-save the file as UTF-8",
    "utf16-bom": "Save it as UTF-8",
    "utf16-no-bom": "Save it as UTF-8",
    "binary": "Open the .md article itself",
    "png": "Open the .md article itself",
    "huge": "Check that this is the right file",
    "folder": "Choose a .md file",
    "missing": "Check the path and try again",
}


@pytest.mark.parametrize(("case", "make", "fragments"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_gets_a_dialog_and_nothing_is_written(
    qtbot,
    window: MainWindow,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    make: Callable[[Path], Path],
    fragments: tuple[str, ...],
) -> None:  # type: ignore[no-untyped-def]
    path = make(folder)
    before = folder_state(folder)
    shown = Dialogs(monkeypatch)
    assert not window.open_path(str(path))
    title, text = shown.only("show_error")
    assert title == "Cannot open the article"
    assert str(path) in text and WHAT_TO_DO[case] in text
    for fragment in fragments:
        assert fragment in text
    assert window.workspace is None and not window.isWindowModified()
    assert window.isVisible()
    assert folder_state(folder) == before


def test_unreadable_file_gets_a_dialog(
    qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Permission denied, forced so it runs as root too."""
    import reviewer.core.fileio as fileio

    path = copy_corpus(folder, SAMPLE)
    before = folder_state(folder)

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fileio, "open", denied, raising=False)
    shown = Dialogs(monkeypatch)
    assert not window.open_path(str(path))
    _, text = shown.only("show_error")
    assert str(path) in text and "Ask for read access" in text
    assert window.workspace is None
    assert folder_state(folder) == before


def test_a_bad_file_keeps_the_open_article(
    qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    good = copy_corpus(folder, SAMPLE)
    load(qtbot, window, good, checks=False)
    bad = folder / "bad.md"
    bad.write_bytes(b"caf\xe9\n")
    shown = Dialogs(monkeypatch)
    assert not window.open_path(str(bad))
    shown.only("show_error")
    assert window.workspace is not None and window.workspace.path == str(good)


def test_empty_file_is_not_an_error(
    qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = folder / "empty.md"
    path.write_bytes(b"")
    before = folder_state(folder)
    shown = Dialogs(monkeypatch)
    load(qtbot, window, path, checks=False)
    assert shown.shown == []  # no dialog: an empty file is a file with nothing to review
    assert window.pages.currentWidget() is window.empty
    assert "Nothing to review" in window.empty.text() and path.name in window.empty.text()
    assert not window.registry["actionApprove"].isEnabled()
    assert window.save()  # round-trips: nothing changed, nothing written
    assert folder_state(folder) == before


# -- read-only, or the disk refuses the write: save fails clearly and changes nothing -------------
@pytest.mark.parametrize(
    ("error", "hint"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "use Save As"),
        (OSError(errno.ENOSPC, "No space left on device"), "free some space"),
        (OSError(errno.EROFS, "Read-only file system"), "use Save As"),
    ],
    ids=["read-only", "disk-full", "read-only-fs"],
)
def test_read_only_file_opens_and_a_failed_save_changes_nothing(
    qtbot,
    window: MainWindow,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    hint: str,
) -> None:  # type: ignore[no-untyped-def]
    path = copy_corpus(folder, SAMPLE)
    path.chmod(0o444)
    shown = Dialogs(monkeypatch)
    load(qtbot, window, path, checks=False)
    assert shown.shown == []  # read-only opens normally
    session = window.session
    new = session.doc.pairs[1].target + " (bewerkt)"
    window.review.set_target(1, new)
    window.goto_source_row(2)
    window.registry["actionApprove"].trigger()
    before = folder_state(folder)

    def refuse(src: object, dst: object) -> None:
        # Root may write a 0444 file; a refused rename is what a real read-only case looks like.
        raise error

    monkeypatch.setattr(os, "replace", refuse)
    assert not window.save()
    title, text = shown.only("show_error")
    assert title == "Save failed"
    assert path.name in text and "Nothing was changed on disk" in text and hint in text
    assert text.count("Nothing was changed on disk") == 1
    assert folder_state(folder) == before  # no temp file left, nothing replaced
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    # The edits are still in memory and still unsaved.
    assert session.doc.pairs[1].target == new and session.reviews[2].state is State.APPROVED
    assert window.isWindowModified()
    monkeypatch.undo()  # the disk recovers: the same edits now save
    Dialogs(monkeypatch)
    assert window.save()
    assert new.encode() in path.read_bytes()
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


# -- its contents: opens, with a warning naming the file and what to do ----------------------------
def _article(body: str, front: str = "---\ntitle: Test\n---\n") -> bytes:
    return (front + body + "\n").encode("utf-8")


QUOT = (
    "<span data-ttu-id=&quot;a1-102&quot;>Doel</span><span class=&quot;sxs-lookup&quot;>"
    "<span data-stu-id=&quot;a1-102&quot;>Src</span></span>"
)
MISMATCH = (
    '<span data-ttu-id="a1-101">Doel</span><span class="sxs-lookup">'
    '<span data-stu-id="a1-999">Src</span></span>'
)
# (case, file bytes, warning code expected, fragment of its message, pairs that stay editable)
CONTENT = [
    (
        "broken-front-matter",
        _article(PAIR.format(101), "---\ntitle: [unclosed\nms.date: 01/01/2020\n---\n"),
        "front-matter",
        "kept verbatim",
        ["a1-101"],
    ),
    (
        "quot-corrupted",
        _article(PAIR.format(101) + "\nSee: " + QUOT),
        "corrupt-markup",
        "not editable",
        ["a1-101"],
    ),
    (
        "duplicate-ids",
        _article(PAIR.format(101) + "\n" + PAIR.format(101)),
        "duplicate-id",
        "already used on line",
        ["a1-101", "a1-101"],
    ),
    (
        "target-id-not-source-id",
        _article(MISMATCH + "\n" + PAIR.format(102)),
        "orphan-source",
        "",
        ["a1-102"],
    ),
    (
        "missing-partner",
        _article('<span data-ttu-id="a1-101">Doel</span> and nothing\n' + PAIR.format(102)),
        "missing-source",
        "",
        ["a1-102"],
    ),
]


@pytest.mark.parametrize(
    ("case", "data", "code", "fragment", "ids"), CONTENT, ids=[c[0] for c in CONTENT]
)
def test_broken_content_opens_with_a_warning(
    qtbot,
    window: MainWindow,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    data: bytes,
    code: str,
    fragment: str,
    ids: list[str],
) -> None:  # type: ignore[no-untyped-def]
    path = folder / "article.md"
    path.write_bytes(data)
    before = folder_state(folder)
    shown = Dialogs(monkeypatch)
    load(qtbot, window, path, checks=False)
    title, text = shown.only("show_warning")
    assert title == "Problems in the article"
    assert str(path) in text and fragment in text
    assert "text editor" in text and "cannot be edited here" in text
    doc = window.session.doc
    assert code in {w.code for w in doc.warnings}
    # Only the readable pairs are segments: the broken parts are not rows, so not editable.
    assert [p.id for p in doc.pairs] == ids and window.model.rowCount() == len(ids)
    assert any(e.kind == "parse" and e.row == -1 for e in window.issues_dock.model.entries)
    if case == "broken-front-matter":
        assert "kept verbatim" in window.front_matter.text()
    assert not window.isWindowModified()
    assert window.save()  # a save with no change writes nothing, and the bytes survive
    assert folder_state(folder) == before


def test_stray_and_unclosed_spans_open_and_an_unbalancing_edit_warns(
    qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    # Real articles carry such spans inside pairs, so opening one is not worth a dialog.
    inner = PAIR.format(102).replace("Doel 102", 'Doel <span class="x">102')
    path = folder / "spans.md"
    path.write_bytes(_article("</span> stray " + PAIR.format(101) + " <span>unclosed\n" + inner))
    before = folder_state(folder)
    shown = Dialogs(monkeypatch)
    load(qtbot, window, path, checks=False)
    assert shown.shown == []
    assert [p.id for p in window.session.doc.pairs] == ["a1-101", "a1-102"]
    assert folder_state(folder) == before
    window.review.set_target(1, "Doel 102")  # drops the unclosed span
    assert "span" in window.statusBar().currentMessage().lower()
    assert shown.shown == []


# -- its sidecar -----------------------------------------------------------------------------------
def _reviewed_sidecar(article: Path) -> bytes:
    ws = open_article(str(article), user="ann")
    ws.session.apply(SetState(row_list=(0, 1, 2), state=State.APPROVED))
    ws.session.apply(AddIssue(row=3, issue=Issue("accuracy/omission", Severity.MAJOR, "weg")))
    return dump_sidecar(ws.session, article.name, ws.disk_digest)


def _another_article(folder: Path) -> bytes:
    other = copy_corpus(folder, "change-nameservers.md")
    data = _reviewed_sidecar(other)
    other.unlink()
    return data


# (case, sidecar bytes from the article folder, what the message must hold)
SIDECARS: list[tuple[str, Callable[[Path], bytes], tuple[str, ...]]] = [
    ("corrupt", lambda f: b"schema: 1\nsegments: [unclosed\n", ("is corrupt",)),
    ("not-utf8", lambda f: b"schema: 1\narticle: caf\xe9\n", ("is not UTF-8",)),
    ("newer-schema", lambda f: b"schema: 99\nsegments: []\n", ("newer version", "Update")),
    ("another-article", _another_article, ("made for another article or version",)),
]


@pytest.mark.parametrize(("case", "make", "fragments"), SIDECARS, ids=[c[0] for c in SIDECARS])
@pytest.mark.parametrize("open_without", [False, True], ids=["cancel", "open-without"])
def test_bad_sidecar_asks_and_is_never_overwritten(
    qtbot,
    window: MainWindow,
    folder: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    make: Callable[[Path], bytes],
    fragments: tuple[str, ...],
    open_without: bool,
) -> None:  # type: ignore[no-untyped-def]
    article = copy_corpus(folder, SAMPLE)
    side = Path(str(article) + ".review.yaml")
    side.write_bytes(make(folder))
    before = folder_state(folder)
    shown = Dialogs(monkeypatch, answer=open_without)
    opened = window.open_path(str(article))
    title, text = shown.only("confirm")
    assert title == "Review data unreadable"
    assert str(side) in text
    for fragment in fragments:
        assert fragment in text
    # What to do: open without it now, start fresh (it is moved aside, not deleted) later.
    assert "Open the article without its review data?" in text and "start fresh" in text
    assert folder_state(folder) == before
    if not open_without:
        assert not opened and window.workspace is None
        return
    assert opened and window.workspace is not None and window.workspace.sidecar_blocked
    assert window.registry["actionStartFresh"].isEnabled()
    assert "left untouched" in window.statusBar().currentMessage()
    # Review work cannot be saved over the bad sidecar: a clear error, and nothing written.
    shown.shown.clear()
    window.goto_source_row(0)
    window.registry["actionApprove"].trigger()
    assert not window.save()
    title, text = shown.only("show_error")
    assert str(side) in text and "start fresh" in text and "Nothing was changed" in text
    assert folder_state(folder) == before
    assert window.isWindowModified()


def test_sidecar_the_loader_does_not_wrap_still_gets_a_dialog(
    qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """An impossible date makes PyYAML raise ValueError (a known core gap, see RELIABILITY)."""
    article = copy_corpus(folder, SAMPLE)
    side = Path(str(article) + ".review.yaml")
    side.write_bytes(b"schema: 1\nsegments:\n- id: x\n  source: y\n  changed_at: 2020-13-45\n")
    before = folder_state(folder)
    shown = Dialogs(monkeypatch)
    assert not window.open_path(str(article))
    # Today a show_error; once the core wraps it, the "open without review data?" question.
    assert len(shown.shown) == 1 and shown.shown[0][0] in ("show_error", "confirm")
    text = shown.shown[0][2]
    assert str(article) in text and side.name in text
    assert window.workspace is None
    assert QGuiApplication.overrideCursor() is None
    assert folder_state(folder) == before


def test_sidecar_of_an_older_version_is_matched_segment_by_segment(
    qtbot, window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    article = copy_corpus(folder, SAMPLE)
    side = Path(str(article) + ".review.yaml")
    side.write_bytes(_reviewed_sidecar(article))
    # The article moves on: a new source for segment 2 (approved in the old review).
    doc = open_article(str(article)).doc
    old_source = doc.pairs[1].source
    article.write_bytes(article.read_bytes().replace(old_source.encode(), b"A new sentence.", 1))
    before = folder_state(folder)
    shown = Dialogs(monkeypatch)
    load(qtbot, window, article, checks=False)
    assert shown.shown == []  # not an error: the review is carried over where it still fits
    message = window.statusBar().currentMessage()
    assert "The article changed since its review data was saved" in message
    assert "approval withdrawn" in message or "approvals withdrawn" in message
    reviews = window.session.reviews
    assert reviews[0].state is State.APPROVED and reviews[2].state is State.APPROVED
    assert reviews[1].state is State.UNREVIEWED and reviews[1].source_changed
    assert [i.comment for i in reviews[3].issues] == ["weg"]
    assert folder_state(folder) == before


# -- the sidecar changed on disk by someone else between open and save -----------------------------
@pytest.mark.parametrize("choice", ["reload", "overwrite", "save-as", "cancel"])
def test_sidecar_changed_on_disk_offers_reload_overwrite_save_as(
    qtbot,
    window: MainWindow,
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: str,
) -> None:  # type: ignore[no-untyped-def]
    article = copy_corpus(folder, SAMPLE)
    load(qtbot, window, article, checks=False)
    window.goto_source_row(0)
    window.registry["actionApprove"].trigger()
    # A git pull brings another reviewer's review data while ours is unsaved.
    theirs = open_article(str(article), user="bob")
    theirs.session.apply(AddIssue(row=2, issue=Issue("style/awkward-style", Severity.MINOR, "b")))
    theirs.save()
    side = Path(str(article) + ".review.yaml")
    pulled = side.read_bytes()
    asked: list[str] = []

    def ask(parent: object, name: str) -> str:
        asked.append(name)
        return choice

    monkeypatch.setattr(dialogs, "ask_external_change", ask)
    elsewhere = tmp_path / "elsewhere.md"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: (str(elsewhere), ""))
    saved = window.save()
    assert asked == [side.name]  # the dialog names the file that changed: the sidecar
    reviews = window.session.reviews
    if choice == "reload":
        assert not saved
        assert [i.comment for i in reviews[2].issues] == ["b"]  # their review data, from disk
        assert side.read_bytes() == pulled
        assert window.save()  # and now it saves without a conflict
    elif choice == "overwrite":
        assert saved and side.read_bytes() != pulled
        assert reviews[0].state is State.APPROVED and b"approved" in side.read_bytes()
    elif choice == "save-as":
        assert saved and side.read_bytes() == pulled
        assert b"approved" in Path(str(elsewhere) + ".review.yaml").read_bytes()
    else:
        assert not saved and side.read_bytes() == pulled and window.isWindowModified()
