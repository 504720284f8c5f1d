"""The lead's batch approval across articles: which articles, how many segments, and the clean
segments that still carry warnings, which can be held back."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.project import ApprovalPlan
from reviewer.gui import theme


class ApprovalDialog(QDialog):
    """Approve the clean segments of the selected articles or of every article shown."""

    def __init__(
        self, parent: QWidget | None, plan: ApprovalPlan, selected: list[str], shown: list[str]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalDialog")
        self.setWindowTitle(self.tr("Approve clean segments"))
        self.plan = plan
        self.selected, self.shown = selected, shown
        self._by_rel = {a.rel: a for a in plan.articles}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A clean segment has no open issue and no error-level check result. Segments "
                "already approved stay as they are. Only the review data is written; the "
                "articles themselves do not change."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.scope = QButtonGroup(self)
        self.in_selected = QRadioButton(
            self.tr("The {n} selected articles").format(n=f"{len(selected):,}"), self
        )
        self.in_selected.setObjectName("approvalScopeSelected")
        self.in_shown = QRadioButton(
            self.tr("All {n} articles shown in the list").format(n=f"{len(shown):,}"), self
        )
        self.in_shown.setObjectName("approvalScopeShown")
        for button in (self.in_selected, self.in_shown):
            self.scope.addButton(button)
            layout.addWidget(button)
        self.in_selected.setEnabled(bool(selected))
        (self.in_selected if len(selected) > 1 else self.in_shown).setChecked(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("approvalSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.warned = QLabel(self)
        self.warned.setObjectName("approvalWarned")
        self.warned.setWordWrap(True)
        self.warned.setStyleSheet(f"color:{theme.WARN};")
        layout.addWidget(self.warned)
        self.hold = QCheckBox(self)
        self.hold.setObjectName("approvalHoldWarnings")
        self.hold.setChecked(True)
        layout.addWidget(self.hold)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = QPushButton(self)
        self.ok.setObjectName("approvalOk")
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.scope.buttonToggled.connect(lambda *_: self._update())
        self.hold.toggled.connect(lambda _on: self._update())
        self._update()
        self.resize(520, self.sizeHint().height())

    def rels(self) -> list[str]:
        return self.selected if self.in_selected.isChecked() else self.shown

    def counts(self) -> tuple[int, int, int]:
        """(segments to approve, articles they are in, segments with warnings) for the scope
        and the hold-back choice as they are now."""
        hold = self.hold.isChecked()
        segments = articles = warned = 0
        for rel in self.rels():
            a = self._by_rel.get(rel)
            if a is None:
                continue
            n = len(a.rows) - (len(a.warned) if hold else 0)
            warned += len(a.warned)
            segments += n
            articles += 1 if n else 0
        return segments, articles, warned

    def _update(self) -> None:
        segments, articles, warned = self.counts()
        unreadable = sum(1 for rel in self.rels() if rel not in self._by_rel)
        text = self.tr("{n} segments will be approved in {m} articles.").format(
            n=f"{segments:,}", m=f"{articles:,}"
        )
        if unreadable:
            text += " " + self.tr("{n} unreadable articles are left out.").format(n=unreadable)
        self.summary.setText(text)
        self.warned.setText(
            self.tr("{n} of the clean segments still carry warnings.").format(n=f"{warned:,}")
            if warned
            else self.tr("None of the clean segments carries a warning.")
        )
        self.hold.setText(
            self.tr("Hold back the {n} segments with warnings").format(n=f"{warned:,}")
        )
        self.hold.setEnabled(bool(warned))
        self.ok.setText(self.tr("Approve {n}").format(n=f"{segments:,}"))
        self.ok.setEnabled(segments > 0)

    def choice(self) -> tuple[list[str], bool]:
        return self.rels(), self.hold.isChecked()


def ask_approval(
    parent: QWidget | None, plan: ApprovalPlan, selected: list[str], shown: list[str]
) -> tuple[list[str], bool] | None:
    """(articles, hold back warned segments), or None when the lead cancels."""
    dialog = ApprovalDialog(parent, plan, selected, shown)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
