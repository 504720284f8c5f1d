"""The autosave journal: write, read back, recover, and survive broken or hostile journals."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewer.core.edits import AddIssue, DismissCheck, SetState, SetTarget
from reviewer.core.fileio import digest, load_document, read_bytes
from reviewer.core.journal import Autosaver, Journal, pending_journals
from reviewer.core.journal_entry import (
    JOURNAL_VERSION,
    JournaledTarget,
    JournalError,
    entry_from_data,
)
from reviewer.core.journal_files import data_dir, journals_of
from reviewer.core.journal_recovery import recover
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from tests.corpus import SAMPLE, copy_corpus


@pytest.fixture
def article(tmp_path: Path) -> Path:
    # In a folder of its own: the data folder (see the data fixture) is beside it, not around it.
    work = tmp_path / "work"
    work.mkdir()
    return copy_corpus(work, SAMPLE)


def open_session(path: Path) -> tuple[ReviewSession, str]:
    return ReviewSession(load_document(path), user="ann"), digest(read_bytes(path))


def make_edits(session: ReviewSession) -> None:
    session.apply(SetTarget(row=1, new_target="Jammer dat je gaat; dit zijn je opties:"))
    session.apply(
        SetTarget(row=4, new_target="Met minder dan 25 licenties kunt u online opzeggen.")
    )
    session.apply(SetState(row_list=(2, 3), state=State.APPROVED))
    session.apply(SetState(row_list=(5,), state=State.NEEDS_WORK))
    session.apply(
        AddIssue(row=5, issue=Issue("accuracy/mistranslation", Severity.MAJOR, "menu path wrong"))
    )
    session.apply(DismissCheck(row=6, code="terminology"))


def test_data_dir_follows_the_environment(data: Path) -> None:
    assert data_dir() == data


def test_one_journal_per_session(data: Path, tmp_path: Path) -> None:
    a = Journal(tmp_path / "a.md")
    b = Journal(tmp_path / "b.md")
    assert a.path != b.path
    assert a.path.parent == data / "journal"
    # The same article by another spelling of its path is the same article...
    again = Journal(tmp_path / "x" / ".." / "a.md")
    assert again.article == a.article
    # ...but every session (window) has a journal file of its own.
    assert again.path != a.path
    assert again.path.name.split(".")[0] == a.path.name.split(".")[0]


def test_write_read_recover_round_trip(data: Path, article: Path) -> None:
    session, base = open_session(article)
    make_edits(session)
    journal = Journal(article)
    journal.write(session, base)
    assert journal.exists()

    entry = journal.read()
    assert entry is not None
    assert entry.version == JOURNAL_VERSION
    assert entry.base_digest == base
    assert entry.article == str(article.resolve())
    assert {t.pair_id for t in entry.targets} == {session.doc.pairs[1].id, session.doc.pairs[4].id}
    assert "2 unsaved edited segments" in entry.summary()

    fresh, _ = open_session(article)
    calls: list[object] = []
    fresh.listeners.append(lambda edit, reverted: calls.append(edit))
    result = recover(fresh, entry)
    assert not result.blocked
    assert result.restored_targets == 2
    assert result.skipped == 0
    assert "Restored 2 edited segment(s)" in result.messages[0]
    assert [p.target for p in fresh.doc.pairs] == [p.target for p in session.doc.pairs]
    assert fresh.reviews == session.reviews
    assert fresh.doc.serialize() == session.doc.serialize()
    # One edit, applied through the session: the window refreshes and can undo it in one step.
    assert calls == [result.edit]
    assert result.edit is not None
    fresh.revert(result.edit)
    pristine, _ = open_session(article)
    assert fresh.doc.serialize() == read_bytes(article)
    assert fresh.reviews == pristine.reviews


def test_recover_refuses_silently_applying_to_a_changed_article(data: Path, article: Path) -> None:
    session, base = open_session(article)
    make_edits(session)
    journal = Journal(article)
    journal.write(session, base)
    entry = journal.read()
    assert entry is not None

    # Someone else changes the article: one edited segment's English source, and adds a line.
    edited_source = session.doc.pairs[4].source
    text = read_bytes(article).decode("utf-8")
    text = text.replace(edited_source, edited_source + " Really.", 1) + "\nA new line.\n"
    article.write_bytes(text.encode("utf-8"))

    fresh, _ = open_session(article)
    result = recover(fresh, entry)
    assert result.blocked
    assert result.edit is None
    assert "changed on disk" in result.messages[0]
    assert "nothing was restored" in result.messages[0]
    assert fresh.doc.serialize() == article.read_bytes()
    assert all(r.state is State.UNREVIEWED for r in fresh.reviews)

    # The user chose "restore anyway": matching segments come back, the rest is reported.
    forced = recover(fresh, entry, force=True)
    assert not forced.blocked
    assert forced.restored_targets == 1
    assert fresh.doc.pairs[1].target == session.doc.pairs[1].target
    assert fresh.doc.pairs[4].target != session.doc.pairs[4].target
    assert fresh.reviews[2].state is State.APPROVED
    joined = "\n".join(forced.messages)
    assert "changed on disk" in joined
    assert f"segment {session.doc.pairs[4].id}: the English source changed" in joined


def test_removed_segment_is_reported(data: Path, article: Path) -> None:
    session, base = open_session(article)
    make_edits(session)
    journal = Journal(article)
    journal.write(session, base)
    entry = journal.read()
    assert entry is not None
    gone = session.doc.pairs[1].id
    entry.targets.append(JournaledTarget("no-such-id", "x", "y"))
    fresh, _ = open_session(article)
    result = recover(fresh, entry)
    assert result.restored_targets == 2
    assert any("no-such-id is no longer in the article" in m for m in result.messages)
    assert fresh.doc.pair(gone).target == session.doc.pairs[1].target


def test_refused_target_is_reported_not_fatal(data: Path, article: Path) -> None:
    session, base = open_session(article)
    make_edits(session)
    journal = Journal(article)
    journal.write(session, base)
    raw = json.loads(journal.path.read_text("utf-8"))
    first = session.doc.pairs[1].id
    (edit,) = [t for t in raw["targets"] if t["id"] == first]
    edit["target"] = '</span><span class="sxs-lookup">broken'
    journal.path.write_text(json.dumps(raw), "utf-8")
    entry = journal.read()
    assert entry is not None
    fresh, _ = open_session(article)
    result = recover(fresh, entry)
    assert result.restored_targets == 1
    assert any(m.startswith(f"segment {first}: A target cannot contain") for m in result.messages)
    assert fresh.doc.pairs[1].target == session.doc.pairs[1].saved_target


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe garbage",
        b'{"format": "reviewer-journal", "version": 1, "article": "/x", "base_d',
        b"[1, 2, 3]",
        b'{"format": "reviewer-journal", "version": "one"}',
        b'{"format": "reviewer-journal", "version": 1, "article": 5, "base_digest": "x"}',
        b'{"format": "reviewer-journal", "version": 1, "article": "/a", "base_digest": "x",'
        b' "saved_at": "", "targets": {}, "review": {"schema": 1, "segments":'
        b' [{"id": "p", "source": "s", "state": "bogus"}]}}',
        b'{"format": "reviewer-journal", "version": 1, "article": "/a", "base_digest": "x",'
        b' "saved_at": "", "targets": {}, "review": {"schema": 1, "segments": {"id": 1}}}',
        b"[" * 100_000,
        b'{"format": "reviewer-journal", "version": ' + b"9" * 5000 + b"}",
        b'{"format": "reviewer-journal", "version": 2, "article": "/a", "base_digest": "x",'
        b' "saved_at": "", "targets": [], "review": {"schema": 2, "segments": []}}',
    ],
    ids=[
        "empty",
        "binary",
        "truncated",
        "not-a-mapping",
        "bad-version",
        "bad-types",
        "unknown-state",
        "segments-not-a-list",
        "deep-nesting",
        "5000-digit-number",
        "review-without-end-marker",
    ],
)
def test_corrupt_journal_is_a_clear_error(data: Path, article: Path, content: bytes) -> None:
    journal = Journal(article)
    journal.path.parent.mkdir(parents=True)
    journal.path.write_bytes(content)
    with pytest.raises(JournalError) as info:
        journal.read()
    assert str(journal.path) in str(info.value)
    assert any(w in str(info.value) for w in ("corrupt", "unusable", "not a reviewer journal"))
    # Starting the app skips it with a message instead of crashing.
    errors: list[JournalError] = []
    assert pending_journals(errors=errors) == []
    assert len(errors) == 1
    # And the user can throw it away.
    journal.discard()
    assert not journal.exists()


def test_newer_journal_version_is_named(data: Path, article: Path) -> None:
    session, base = open_session(article)
    journal = Journal(article)
    journal.write(session, base)
    raw = json.loads(journal.path.read_text("utf-8"))
    raw["version"] = JOURNAL_VERSION + 1
    journal.path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(JournalError, match="newer version of reviewer"):
        journal.read()


def test_journal_of_another_article_is_not_restored(data: Path, article: Path) -> None:
    session, base = open_session(article)
    journal = Journal(article)
    journal.write(session, base)
    raw = json.loads(journal.path.read_text("utf-8"))
    raw["article"] = "/somewhere/else.md"
    journal.path.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(JournalError, match=r"belongs to /somewhere/else\.md"):
        journal.read()


def test_python_object_tag_in_a_journal_runs_nothing(
    data: Path, article: Path, tmp_path: Path
) -> None:
    marker = tmp_path / f"pwned-{uuid.uuid4().hex}"
    journal = Journal(article)
    journal.path.parent.mkdir(parents=True)
    journal.path.write_text(
        f'!!python/object/apply:os.system ["touch {marker}"]\n'
        f'article: !!python/object/apply:os.system ["touch {marker}"]\n',
        "utf-8",
    )
    with pytest.raises(JournalError):
        journal.read()
    assert pending_journals() == []
    assert not marker.exists()
    # Inside valid JSON, the tag is only text: it is restored as text, never run.
    session, base = open_session(article)
    session.apply(
        SetTarget(row=1, new_target=f'!!python/object/apply:os.system ["touch {marker}"]')
    )
    journal.write(session, base)
    entry = journal.read()
    assert entry is not None
    fresh, _ = open_session(article)
    recover(fresh, entry)
    assert fresh.doc.pairs[1].target.startswith("!!python/object/apply")
    assert not marker.exists()


def test_pending_journals_lists_what_to_offer(data: Path, article: Path, tmp_path: Path) -> None:
    assert pending_journals() == []
    other = copy_corpus(tmp_path / "work", "what-is-a-domain.md")
    for path in (article, other):
        session, base = open_session(path)
        session.apply(SetState(row_list=(0,), state=State.REVIEWED))
        Journal(path).write(session, base)
    found = pending_journals()
    assert sorted(e.article for e in found) == sorted(str(p.resolve()) for p in (article, other))
    assert all(e.journal_file for e in found)


def test_autosaver_throttles_and_writes_only_after_a_change(data: Path, article: Path) -> None:
    session, base = open_session(article)
    journal = Journal(article)
    saver = Autosaver(session, journal, base, interval=2.0, clock=lambda: 0.0)
    saver.attach()
    assert not saver.flush_if_due(0.0)  # nothing changed yet
    assert not journal.exists()

    session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    assert saver.flush_if_due(0.0)  # the first change after a quiet spell goes out at once
    assert journal.exists()
    second = SetState(row_list=(1,), state=State.REVIEWED)
    session.apply(second)
    assert not saver.flush_if_due(1.0)  # within the interval: wait
    assert saver.flush_if_due(2.0)
    assert not saver.flush_if_due(10.0)  # nothing new
    assert saver.writes == 2
    entry = journal.read()
    assert entry is not None
    assert entry.records[1].review.state is State.REVIEWED

    # An undo is a change too.
    session.revert(second)
    assert saver.dirty

    saver.mark_saved("new-digest")
    assert not journal.exists()
    assert not saver.flush_if_due(100.0)
    saver.detach()
    session.apply(SetState(row_list=(2,), state=State.REVIEWED))
    assert not saver.dirty


def test_autosaver_never_raises_when_the_journal_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, article: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(blocker))
    session, base = open_session(article)
    saver = Autosaver(session, Journal(article), base)
    saver.attach()
    session.apply(SetState(row_list=(0,), state=State.REVIEWED))
    assert not saver.flush_if_due(0.0)
    assert isinstance(saver.last_error, OSError)
    assert saver.dirty  # still unsaved: the next tick retries
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "ok"))
    saver.journal = Journal(article)
    assert saver.flush_if_due(saver.interval)
    assert saver.last_error is None


def test_journal_folder_is_private(data: Path, article: Path) -> None:
    session, base = open_session(article)
    Journal(article).write(session, base)
    assert os.stat(data / "journal").st_mode & 0o077 == 0


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
_keys = st.sampled_from(
    ["format", "version", "article", "base_digest", "saved_at", "targets", "review"]
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _json), st.booleans())
def test_any_loaded_data_is_an_entry_or_a_journal_error(data: dict[str, object], tag: bool) -> None:
    if tag:
        data["format"] = "reviewer-journal"
        data.setdefault("version", 1)
    try:
        entry_from_data(data, "j.json")
    except JournalError as exc:
        assert "j.json" in str(exc)


def test_recover_on_top_of_a_saved_sidecar(data: Path, article: Path) -> None:
    from reviewer.core.workspace import open_article

    ws = open_article(str(article), user="ann")
    approve = SetState(row_list=(2,), state=State.APPROVED)
    ws.session.apply(approve)
    ws.save()  # the sidecar now says row 2 is approved
    saver = Autosaver(ws.session, Journal(article), ws.disk_digest, clock=lambda: 0.0)
    saver.attach()
    ws.session.revert(approve)  # withdrawn after the save: only the journal knows
    ws.session.apply(SetTarget(row=3, new_target="Proefabonnementen lopen vanzelf af."))
    assert saver.flush_if_due(0.0)
    assert Journal(article).read() is None  # its window is still open: nothing to offer
    saver.journal.release()  # the window crashes

    fresh = open_article(str(article), user="ann")
    assert fresh.session.reviews[2].state is State.APPROVED
    entry = Journal(article).read()
    assert entry is not None
    result = recover(fresh.session, entry, current_digest=fresh.disk_digest)
    assert not result.blocked
    assert fresh.session.reviews[2].state is State.UNREVIEWED
    assert fresh.session.doc.pairs[3].target == "Proefabonnementen lopen vanzelf af."
    assert fresh.session.reviews == ws.session.reviews
    assert fresh.is_dirty

    # Saving settles it: the restored journal goes.
    saver2 = Autosaver(fresh.session, Journal(article), fresh.disk_digest)
    assert saver2.dirty  # restored work is unsaved work: journaled at the next tick
    fresh.save()
    saver2.mark_saved(fresh.disk_digest)
    assert journals_of(article) == []
