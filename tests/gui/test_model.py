"""The table model and the filter proxy against Qt's model tester, plus filter behaviour."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reviewer.core.edits import SetTarget
from reviewer.core.fileio import load_document
from reviewer.core.mqm import Issue, Severity
from reviewer.core.segments import State
from reviewer.core.session import ReviewSession
from reviewer.gui.edit_gateway import EditEvent, EditGateway, Origin
from reviewer.gui.markup import diff_html, to_html, tokenize
from reviewer.gui.model import COL_STATE, COL_TARGET, HEADERS, SegmentModel
from reviewer.gui.proxy import FilterSpec, SegmentFilterProxy
from tests.gui.gui_helpers import CORPUS, SAMPLE


class Rig:
    """A model and a proxy fed by an edit gateway, wired as the window wires them."""

    def __init__(self, name: str = SAMPLE) -> None:
        session = ReviewSession(load_document(CORPUS / name))
        self.session = session
        self.gateway = EditGateway()
        self.gateway.set_session(session)
        self.stack = self.gateway.stack
        self.model = SegmentModel(session, lambda edit: self.gateway.submit(edit, Origin.TABLE))
        self.proxy = SegmentFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.gateway.applied.connect(self._on_edit)

    def _on_edit(self, event: EditEvent) -> None:
        self.model.on_edit(event.rows)
        if event.touches_target:
            self.proxy.targets_changed(event.rows)

    def set_target(self, row: int, text: str, origin: Origin = Origin.ACTION) -> bool:
        return self.gateway.submit(SetTarget(row=row, new_target=text), origin)


def _model(name: str = SAMPLE) -> SegmentModel:
    return Rig(name).model


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


def test_set_data_goes_through_the_gateway_as_one_undo_step() -> None:
    rig = Rig()
    model = rig.model
    index = model.index(2, COL_TARGET)
    old = model.data(index)
    assert model.setData(index, "Nieuwe tekst.", Qt.ItemDataRole.EditRole)
    assert model.session.doc.pairs[2].target == "Nieuwe tekst."
    assert model.data(model.index(2, COL_STATE)) == State.EDITED.label
    assert rig.stack.count() == 1
    rig.stack.undo()
    assert model.data(index) == old


def test_set_data_refuses_what_core_refuses(qtbot) -> None:  # type: ignore[no-untyped-def]
    rig = Rig()
    index = rig.model.index(1, COL_TARGET)
    with qtbot.waitSignal(rig.gateway.rejected):
        assert not rig.model.setData(index, "   ", Qt.ItemDataRole.EditRole)
    assert rig.stack.count() == 0


def test_typing_a_word_is_one_undo_step_and_the_next_word_another() -> None:
    rig = Rig()
    original = rig.session.doc.pairs[0].target
    typed = ""
    for ch in " abc def":
        typed += ch
        assert rig.set_target(0, original + typed, Origin.DETAIL)
    assert rig.stack.count() == 2  # " abc " and "def"
    rig.stack.undo()
    assert rig.session.doc.pairs[0].target == original + " abc "
    rig.stack.undo()
    assert rig.session.doc.pairs[0].target == original
    # An action's target edit (copy source) never merges into typing.
    rig.set_target(0, original + "x", Origin.DETAIL)
    rig.set_target(0, rig.session.doc.pairs[0].source)
    assert rig.stack.count() == 2


def test_filters_state_issue_edited_and_regex() -> None:
    rig = Rig()
    model, proxy = rig.model, rig.proxy
    n = model.rowCount()
    rig.set_target(3, model.session.doc.pairs[3].target + " extra")
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
    assert "line-through" in diff_html("a b", "a c")
    # One changed word in a link marks that word, not the whole link.
    url = "https://go.microsoft.com/fwlink/p/?linkid=842054"
    diff = diff_html(f"Zie [Producten & services]({url}).", f"Zie [Producten en services]({url}).")
    assert diff.count("line-through") == 1
    assert "&amp;</span>" in diff and ">en</span>" in diff
    assert "842054)</span>" not in diff  # the link's URL is unchanged, so not marked


def test_typing_forward_narrows_and_stays_correct() -> None:
    rig = Rig("permissions-in-the-security-and-compliance-center.md")
    model, proxy = rig.model, rig.proxy
    for text in ("r", "ro", "rol", "rolg", "ro", "R", "rol"):
        proxy.set_filter(FilterSpec(text=text))
        fresh = SegmentFilterProxy()  # no memory of the text before
        fresh.setSourceModel(model)
        fresh.set_filter(FilterSpec(text=text))
        assert proxy.accepted_source_rows() == fresh.accepted_source_rows(), text
    row = proxy.accepted_source_rows()[0]
    rig.set_target(row, "niets meer")
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
