"""The bar under the reception form: appointment time, fee, problems, Confirm; and the result panel.

The appointment time shown is the preview's, i.e. the one deadline function's, recomputed as the
form changes. After a confirmation the result panel keeps the dossier code, the printing outcome
and "Print again" until the next reception starts.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QWidget

from app.catalog.fees import format_vnd
from app.reception.model import FieldProblem
from ui.widgets.form_field import ERROR_STYLE

OK_STYLE = "color: #1d5c2e; font-weight: 600;"


def moment_text(moment: datetime) -> str:
    """"14:00 Thứ Ba 25/11/2026": how the desk reads an appointment aloud."""
    translate = QCoreApplication.translate
    weekdays = (translate("Weekdays", "Monday"), translate("Weekdays", "Tuesday"),
                translate("Weekdays", "Wednesday"), translate("Weekdays", "Thursday"),
                translate("Weekdays", "Friday"), translate("Weekdays", "Saturday"), translate("Weekdays", "Sunday"))
    return f"{moment:%H:%M} {weekdays[moment.weekday()]} {moment:%d/%m/%Y}"


class SummaryBar(QFrame):
    """Live appointment/fee/problem figures and the Confirm button."""

    confirm_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        self.due = QLabel()
        self.due.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.fee = QLabel()
        self.fee.setStyleSheet("font-size: 12pt;")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Confirm (Ctrl+Enter)"))
        self.confirm_button.setStyleSheet("font-size: 12pt; padding: 6px 16px;")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.confirm_button.clicked.connect(self.confirm_requested)
        row.addWidget(self.due)
        row.addSpacing(16)
        row.addWidget(self.fee)
        row.addSpacing(16)
        row.addWidget(self.problems, 1)
        row.addWidget(self.confirm_button)
        self.show_preview(None, None, [])

    def show_preview(self, due_at: datetime | None, fee_vnd: int | None, problems: list[FieldProblem], *,
                     supplements: bool = False, estimated: tuple[int, ...] = ()) -> None:
        self.due.setText(self.tr("Appointment: %1").replace("%1", moment_text(due_at)) if due_at
                         else self.tr("Appointment: —"))
        # Counted over holidays of a year the province has not confirmed: marked as in the list.
        if due_at and estimated:
            self.due.setText(self.due.text() + " *")
        self.due.setToolTip(self.tr("Counted over the estimated calendar of %1, not yet confirmed").replace(
            "%1", ", ".join(str(year) for year in estimated)) if due_at and estimated else "")
        self.fee.setText(self.tr("Fee: %1").replace("%1", format_vnd(fee_vnd)) if fee_vnd is not None
                         else self.tr("Fee: —"))
        self.problem_count = len(problems)
        if problems:
            first = problems[0].message
            text = self.tr("%1 things to fix: %2").replace("%1", str(len(problems))).replace("%2", first)
            self.problems.setText(text)
            self.problems.setStyleSheet(ERROR_STYLE)
            self.problems.setToolTip("\n".join(f"• {p.message}" for p in problems))
        elif supplements:
            # A required document is missing and no reason was recorded: confirming is allowed,
            # but it receives the dossier waiting for supplements, with no appointment.
            self.due.setText(self.tr("Appointment: none until the missing documents arrive"))
            self.problems.setText(self.tr("A required document is missing: confirming records a request for "
                                          "supplements (form 02) with no appointment, unless you write why "
                                          "the dossier is accepted without it."))
            self.problems.setStyleSheet(ERROR_STYLE)
            self.problems.setToolTip("")
        elif due_at is None and fee_vnd is None:
            self.problems.clear()  # a blank form: nothing to fix, nothing to confirm yet
        else:
            self.problems.setText(self.tr("Ready to confirm."))
            self.problems.setStyleSheet(OK_STYLE)
            self.problems.setToolTip("")


class ResultPanel(QFrame):
    """The last confirmed dossier: its code, whether the receipt printed, and "Print again"."""

    reprint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("ResultPanel { background: #eef6ee; }")
        row = QHBoxLayout(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reprint_button = QPushButton(self.tr("Print again (Ctrl+P)"))
        self.reprint_button.clicked.connect(self.reprint_requested)
        row.addWidget(self.text, 1)
        row.addWidget(self.reprint_button)
        self.code = ""
        self.hide()

    def show_saved(self, code: str, due_at: datetime | None, *, already: bool) -> None:
        self.code = code
        self.waiting = due_at is None  # received incomplete: form 02 prints, not the receipt
        if due_at is None:
            self.text.setText(self.tr("Dossier %1 saved, waiting for supplements: no appointment until "
                                      "the missing documents arrive.").replace("%1", code))
            self.text.setStyleSheet(OK_STYLE)
            self.show()
            return
        text = self.tr("Dossier %1 saved. Appointment: %2.") if not already else \
            self.tr("Dossier %1 was already saved from this draft. Appointment: %2.")
        self.text.setText(text.replace("%1", code).replace("%2", moment_text(due_at)))
        self.text.setStyleSheet(OK_STYLE)
        self.show()

    def show_printing(self) -> None:
        self.text.setText(self.tr("Dossier %1 saved — printing the receipt…").replace("%1", self.code))

    def show_printed(self) -> None:
        if getattr(self, "waiting", False):
            self.text.setText(self.tr("Dossier %1 saved, waiting for supplements — request for supplements "
                                      "(form 02) printed.").replace("%1", self.code))
        else:
            self.text.setText(self.tr("Dossier %1 saved — receipt printed.").replace("%1", self.code))
        self.text.setStyleSheet(OK_STYLE)

    def show_print_failed(self, reason: str) -> None:
        text = self.tr("Dossier %1 saved — the receipt could not be printed (%2). Use “Print again”.")
        self.text.setText(text.replace("%1", self.code).replace("%2", reason))
        self.text.setStyleSheet(ERROR_STYLE)
        self.show()
