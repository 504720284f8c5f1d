"""The table model and the filter proxy against Qt's model tester, plus filter behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from reviewer.core.fileio import load_document
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.gui.markup import diff_html, to_html, tokenize, word_diff
from reviewer.gui.model import COL_STATE, COL_TARGET, HEADERS, SegmentModel
from reviewer.gui.proxy import FilterSpec, SegmentFilterProxy
from tests.gui.gui_helpers import CORPUS, SAMPLE


def _model(name: str = SAMPLE) -> SegmentModel:
    session = ReviewSession(load_document(CORPUS / name))
    return SegmentModel(session, QUndoStack())


def test_model_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    qtmodeltester.check(model)
    assert model.rowCount() == len(model.session.doc.pairs)
    assert model.data(model.index(0, COL_TARGET)) == model.session.doc.pairs[0].target


def test_proxy_passes_qt_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    proxy = SegmentFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filter(FilterSpec(text="abonnement"))
    qtmodeltester.check(proxy)
    assert 0 < proxy.rowCount() < model.rowCount()


def test_set_data_goes_through_undo_stack() -> None:
    model = _model()
    index = model.index(2, COL_TARGET)
    old = model.data(index)
    assert model.setData(index, "Nieuwe tekst.", Qt.ItemDataRole.EditRole)
    assert model.session.doc.pairs[2].target == "Nieuwe tekst."
    assert model.data(model.index(2, COL_STATE)) == State.EDITED.label
    model.stack.undo()
    assert model.data(index) == old


def test_set_data_refuses_what_core_refuses(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    index = model.index(1, COL_TARGET)
    with qtbot.waitSignal(model.target_rejected):
        assert not model.setData(index, "   ", Qt.ItemDataRole.EditRole)
    assert model.stack.count() == 0


def test_typing_merges_into_one_undo_step() -> None:
    model = _model()
    original = model.session.doc.pairs[0].target
    for k in range(1, 6):
        model.set_target(0, original + "x" * k)
    assert model.stack.count() == 1
    model.stack.undo()
    assert model.session.doc.pairs[0].target == original


def test_filters_state_issue_edited_and_regex() -> None:
    model = _model()
    proxy = SegmentFilterProxy()
    proxy.setSourceModel(model)
    n = model.rowCount()
    model.set_target(3, model.session.doc.pairs[3].target + " extra")
    assert proxy.set_filter(FilterSpec(edited_only=True))
    assert proxy.accepted_source_rows() == [3]
    assert proxy.set_filter(FilterSpec(states={State.EDITED}))
    assert proxy.rowCount() == 1
    model.session.reviews[5].issues.append(Issue("accuracy/omission", Severity.MAJOR))
    assert proxy.set_filter(FilterSpec(severity=Severity.MAJOR))
    assert proxy.accepted_source_rows() == [5]
    assert proxy.set_filter(FilterSpec(text=r"\*\*\w", regex=True, in_source=False))
    assert 0 < proxy.rowCount() < n
    assert not proxy.set_filter(FilterSpec(text="([", regex=True))
    assert "Invalid" in proxy.error
    assert proxy.set_filter(FilterSpec())
    assert proxy.rowCount() == n
    # The lowercase cache follows edits.
    assert proxy.set_filter(FilterSpec(text="extra", in_source=False))
    assert proxy.accepted_source_rows() == [3]


def test_markup_tokens_and_diff() -> None:
    text = "Zie **[Uw `x`](https://a.b/c)** &amp; <UserName> \\* <br/>"
    kinds = [k for _s, _e, k in tokenize(text)]
    for kind in ("markup", "code", "linkurl", "entity", "placeholder", "escape", "tag"):
        assert kind in kinds
    html = to_html(" lead ")
    assert "·" in html  # edge whitespace made visible
    ops = word_diff("de kat zat", "de hond zat")
    assert ("delete", "kat") in ops and ("insert", "hond") in ops
    assert "line-through" in diff_html("a b", "a c")


def test_typing_forward_narrows_and_stays_correct() -> None:
    model = _model("permissions-in-the-security-and-compliance-center.md")
    proxy = SegmentFilterProxy()
    proxy.setSourceModel(model)
    fresh = SegmentFilterProxy()
    fresh.setSourceModel(model)
    for text in ("r", "ro", "rol", "rolg", "ro", "R", "rol"):
        proxy.set_filter(FilterSpec(text=text))
        fresh._last_text = None
        fresh.set_filter(FilterSpec(text=text))
        assert proxy.accepted_source_rows() == fresh.accepted_source_rows(), text
    row = proxy.accepted_source_rows()[0]
    model.set_target(row, "niets meer")
    proxy.set_filter(FilterSpec(text="rol", in_source=False))
    assert row not in proxy.accepted_source_rows()


def test_segment_and_issue_models_share_their_header_handling(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from reviewer.gui import issues_dock

    model = _model()
    session = model.session
    session.run_checks()
    issues = issues_dock.IssuesModel()
    issues.set_entries(issues_dock.collect(session, session.doc.warnings))
    assert issues.rowCount() > 0
    qtmodeltester.check(issues)
    for m, headers in ((model, HEADERS), (issues, issues_dock.HEADERS)):
        horizontal = Qt.Orientation.Horizontal
        assert m.columnCount() == len(headers)
        assert [m.headerData(k, horizontal) for k in range(len(headers))] == list(headers)
        assert m.headerData(len(headers), horizontal) is None  # no IndexError past the end
        assert m.headerData(0, Qt.Orientation.Vertical) is None
