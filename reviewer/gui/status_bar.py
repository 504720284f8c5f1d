"""The status bar's counts: segments by state, open issues by severity, and the MQM score."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar

from reviewer.core import review_policy, scoring
from reviewer.core.format import EditWarning
from reviewer.core.mqm import Severity
from reviewer.core.session import ReviewSession
from reviewer.gui import labels, theme
from reviewer.gui.edit_gateway import Origin

_ORDER = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.NEUTRAL)


class StatusPanel(QObject):
    """Three labels at the right of the status bar; messages keep the rest of it."""

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self._error = ""  # the last filter error shown, to clear it once fixed
        bar.setObjectName("statusBar")
        self.state_label = QLabel()
        self.state_label.setObjectName("stateCounts")
        self.issue_label = QLabel()
        self.issue_label.setObjectName("issueCounts")
        self.score_label = QLabel()
        self.score_label.setObjectName("mqmScore")
        for w in (self.state_label, self.issue_label, self.score_label):
            w.setTextFormat(Qt.TextFormat.RichText)
            # On a narrow window the counts may clip; they must not force the window wider.
            w.setMinimumWidth(40)
            w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            bar.addPermanentWidget(w)

    # -- messages --------------------------------------------------------------------------
    def show_message(self, text: str, ms: int) -> None:
        if not text:
            self.bar.clearMessage()
            return
        self.bar.showMessage(text, ms)
        if ms == 0:
            self.bar.repaint()  # a blocking call follows: show it before it starts

    def on_rejected(self, message: str, origin: object) -> None:
        from reviewer.gui import dialogs

        self.show_message(self.tr("Not applied: {reason}").format(reason=message), 8000)
        if origin is not Origin.DETAIL:  # the detail pane says it beside the editor
            dialogs.show_error(self.bar.window(), self.tr("Target refused"), message)

    def on_warnings(self, warnings: list[EditWarning], _origin: object) -> None:
        prefix = self.tr("Warning: ")
        if warnings:
            self.show_message(prefix + " ".join(w.message for w in warnings), 8000)
        elif self.bar.currentMessage().startswith(prefix):
            # Typing went on past the warning (a trailing space mid-word): it no longer holds.
            self.bar.clearMessage()

    def filter_error(self, error: str) -> None:
        """Say why a filter was refused; once it is fixed, the message goes."""
        if error:
            self.show_message(error, 5000)
        elif self._error and self.bar.currentMessage() == self._error:
            self.bar.clearMessage()
        self._error = error

    # -- counts ------------------------------------------------------------------------------
    def clear(self) -> None:
        for w in (self.state_label, self.issue_label, self.score_label):
            w.setText("")

    def update(self, session: ReviewSession, words: int | None, threshold: float) -> None:
        counts = session.state_counts()  # looks only at records that exist
        # Zero counts are left out (the tooltip has them all): five states and four severities
        # at zero filled the status bar and clipped every message shown beside them.
        parts = [
            f"<span style='color:{theme.STATE_COLORS[state]}'>●</span> "
            f"{labels.state(state)} <b>{n:,}</b>"
            for state, n in counts.items()
            if n
        ]
        self.state_label.setText((" &nbsp;".join(parts) or self.tr("No segments")) + " &nbsp;|")
        self.state_label.setToolTip(
            self.tr("Segments by state: {counts}").format(
                counts=", ".join(f"{labels.state(s)} {n:,}" for s, n in counts.items())
            )
        )
        by_sev = review_policy.open_issue_counts(session)
        sev_parts = [
            theme.colored(f"{labels.severity(s)} <b>{by_sev[s]:,}</b>", theme.SEVERITY_COLORS[s])
            for s in _ORDER
            if by_sev[s]
        ]
        self.issue_label.setText(
            (
                self.tr("Open issues: {counts}").format(counts=" ".join(sev_parts))
                if sev_parts
                else self.tr("No open issues")
            )
            + " &nbsp;|"
        )
        self.issue_label.setToolTip(
            self.tr("Open issues by severity: {counts}").format(
                counts=", ".join(f"{labels.severity(s)} {by_sev[s]:,}" for s in _ORDER)
            )
        )
        self.score_label.setText(self._score_text(session, words, threshold))

    def _score_text(self, session: ReviewSession, words: int | None, threshold: float) -> str:
        if words is None:
            return self.tr("MQM: <i>counting…</i>")
        if words == 0:
            # A score over no words is meaningless: "100.0 PASS (0 words)" would claim a pass.
            return theme.muted(self.tr("MQM: no words to score"))
        # The cached word count: sources never change in a session, counting them again would.
        score = scoring.mqm_score(session, threshold, words)
        color = theme.GOOD if score.passed else theme.BAD
        return (
            f"MQM <b>{score.score:.1f}</b> "
            f"{theme.colored(labels.verdict(score.verdict).upper(), color, bold=True)} "
            + theme.muted(
                self.tr("(≥ {threshold}, {words} words)").format(
                    threshold=f"{threshold:g}", words=f"{score.words:,}"
                )
            )
        )
